"""Equivalent decoders a user might pick instead of vodsnap, written to the same field rules."""
