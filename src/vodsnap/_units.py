"""The units every model module shares, so that none imports another for them."""

from __future__ import annotations

__all__ = ["Milliseconds"]

#: Milliseconds: an ``int``, or a ``float`` when the wire sends a fractional one.
Milliseconds = int | float
