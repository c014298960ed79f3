"""What counts as an integer's decimal text on the wire: one definition, for every reader.

Hooks (numbers sent as strings), error codes and signature times all ask the same question.
"""

from __future__ import annotations

__all__ = ["decimal_digits"]


def decimal_digits(text: str) -> str | None:
    """The digits of ``text`` when it spells an integer (ASCII digits, an optional leading
    ``-``, no sign ``+``, no spaces or underscores), else ``None``."""
    digits = text[1:] if text[:1] == "-" else text
    return digits if digits.isascii() and digits.isdigit() else None
