"""Signed notifications: ``Sign = MD5(SignKey + T)`` and ``T`` (when it expires), checked.

The two keys are top-level fields of an API 3.0 body; the wire layer leaves them out of the
event it decodes. A Cloud Live (CSS) callback is signed the same way under ``sign`` and ``t``
(``sign = MD5(key + t)``), which cover nothing else of the body either.
"""

from __future__ import annotations

import math
import re
import time
from collections.abc import Mapping
from typing import Final

from ._errors import DecodeError, FieldError, SignatureError
from ._paths import describe

__all__ = ["EXPIRES_KEY", "LIVE_EXPIRES_KEY", "LIVE_SIGN_KEY", "SIGN_KEY", "check_signature"]

#: Signed callbacks (API 3.0 event configuration with a SignKey) carry these top-level fields.
SIGN_KEY: Final = "Sign"
EXPIRES_KEY: Final = "T"
#: A Cloud Live callback's (with a callback key configured): the same scheme, other names.
LIVE_SIGN_KEY: Final = "sign"
LIVE_EXPIRES_KEY: Final = "t"

_INT64 = range(-(2**63), 2**63)  # T's documented type
_DIGITS = re.compile(r"0|[1-9][0-9]{0,18}")  # T as a string: its canonical decimal text only


def check_signature(value: object, body: object, sign_key: str, now: float | None) -> None:
    """Raise ``SignatureError`` unless ``value`` (the decoded ``body``) is signed with
    ``sign_key`` and not yet expired at ``now`` (default: the system clock).

    A ``sign_key`` that is not a non-empty string UTF-8 can encode, or a ``now`` that is not a
    finite number, is the caller's mistake: ``ValueError`` (``TypeError`` for a ``now`` that is
    no number), whatever the body.
    """
    key = _key_bytes(sign_key)
    current = _current_time(now)
    if not isinstance(value, Mapping):
        raise DecodeError([FieldError("$", f"expected an object, got {describe(value)}")], body)
    try:  # an already decoded mapping is any Mapping: its get() may fail
        sign_key_name, expires_key = _signature_keys(value)
        sign, expires = value.get(sign_key_name), _expires(value.get(expires_key))
    except Exception as exc:
        raise DecodeError([FieldError("$", f"cannot read the body ({exc!r:.80})")], body) from None
    if not isinstance(sign, str):
        raise SignatureError("missing", f"no {sign_key_name!r} string in the body", body)
    if expires is None:
        raise SignatureError(
            "missing", f"no {expires_key!r} in the body that is a 64-bit integer", body
        )
    import hashlib  # here, not at import: only a signed body needs it (a few ms at start-up)
    import hmac

    expected = hashlib.md5(key + str(expires).encode("ascii")).hexdigest().encode("ascii")
    given = sign.lower().encode("utf-8", "surrogatepass") if len(sign) == len(expected) else b""
    if not hmac.compare_digest(expected, given):
        raise SignatureError(
            "mismatch", f"{sign_key_name!r} is not MD5(sign_key + {expires_key})", body
        )
    if expires < current:
        ago = current - expires  # an int when now is one: exact, and within ~310 digits
        ago_text = str(ago) if isinstance(ago, int) else f"{ago:.0f}"
        raise SignatureError(
            "expired",
            f"the notification expired at {expires_key}={expires}, {ago_text} s ago",
            body,
        )


def _signature_keys(value: Mapping[str, object]) -> tuple[str, str]:
    """The names a body's signature is under: a Cloud Live callback's ``sign`` and ``t`` when
    it has either and neither of VOD's ``Sign`` and ``T``; else VOD's."""
    vod = SIGN_KEY in value or EXPIRES_KEY in value
    if not vod and (LIVE_SIGN_KEY in value or LIVE_EXPIRES_KEY in value):
        return LIVE_SIGN_KEY, LIVE_EXPIRES_KEY
    return SIGN_KEY, EXPIRES_KEY


def _key_bytes(sign_key: object) -> bytes:
    if not isinstance(sign_key, str) or not sign_key:
        raise ValueError("sign_key must be a non-empty string")
    try:
        return sign_key.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise ValueError(
            f"sign_key cannot be encoded as UTF-8 (a lone surrogate at index {exc.start})"
        ) from None


def _current_time(now: object) -> float:
    """``now`` (Unix seconds) or the clock; a NaN or infinity would pass or fail every check."""
    if now is None:
        return time.time()
    if isinstance(now, bool) or not isinstance(now, int | float):
        raise TypeError(f"now must be Unix seconds as an int or float, not {type(now).__name__}")
    try:
        finite = math.isfinite(now)
    except OverflowError:  # an int past the float range
        finite = False
    if not finite:
        shown = repr(now) if isinstance(now, float) else "an integer past the float range"
        raise ValueError(f"now must be a finite number of Unix seconds, got {shown}")
    return int(now) if isinstance(now, int) else float(now)  # an int stays exact


def _expires(expires: object) -> int | None:
    """``T`` as an int64: an integer, or its canonical decimal text (both hash the same text)."""
    if isinstance(expires, str) and _DIGITS.fullmatch(expires):
        expires = int(expires)
    if isinstance(expires, int) and not isinstance(expires, bool) and expires in _INT64:
        return int(expires)
    return None
