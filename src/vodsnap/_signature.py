"""Signed notifications: ``Sign = MD5(SignKey + T)`` and ``T`` (when it expires), checked.

The two keys are top-level fields of an API 3.0 body; the wire layer leaves them out of the
event it decodes. A Cloud Live (CSS) callback is signed the same way under ``sign`` and ``t``
(``sign = MD5(key + t)``), which cover nothing else of the body either. ``sign_of`` is the one
place the digest is computed (``vodsnap.testing.sign`` uses it too).
"""

from __future__ import annotations

import math
import re
import time
from collections.abc import Mapping, Sequence
from typing import Final

from ._errors import DecodeError, FieldError, SignatureError
from ._paths import describe

__all__ = [
    "EXPIRES_KEY",
    "LIVE_EXPIRES_KEY",
    "LIVE_SIGN_KEY",
    "SIGN_KEY",
    "SignKey",
    "check_signature",
    "sign_of",
]

#: Signed callbacks (API 3.0 event configuration with a SignKey) carry these top-level fields.
SIGN_KEY: Final = "Sign"
EXPIRES_KEY: Final = "T"
#: A Cloud Live callback's (with a callback key configured): the same scheme, other names.
LIVE_SIGN_KEY: Final = "sign"
LIVE_EXPIRES_KEY: Final = "t"

#: One key, or several (key rotation: a notification signed with any of them is accepted). A
#: bare string is one key, not a sequence of one-character keys.
SignKey = str | Sequence[str]

_INT64 = range(-(2**63), 2**63)  # T's documented type
_DIGITS = re.compile(r"0|[1-9][0-9]{0,18}")  # T as a string: its canonical decimal text only


def check_signature(
    value: object, body: object, sign_key: SignKey, now: float | None, leeway: float = 0
) -> None:
    """Raise ``SignatureError`` unless ``value`` (the decoded ``body``) is signed with
    ``sign_key`` (or one of them) and not yet expired at ``now`` (default: the system clock),
    give or take ``leeway`` seconds.

    A ``sign_key`` that is not a non-empty string UTF-8 can encode (or a non-empty sequence of
    them), a ``now`` that is not a finite number, or a ``leeway`` that is not a finite number
    of seconds >= 0, is the caller's mistake: ``ValueError`` (``TypeError`` for a ``now`` or
    ``leeway`` that is no number), whatever the body.
    """
    keys = _keys(sign_key)
    current = _current_time(now)
    grace = _leeway(leeway)
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
    import hmac  # here, not at import: only a signed body needs it

    expected = [_digest(key, expires) for key in keys]
    given = sign.lower().encode("utf-8", "surrogatepass") if len(sign) == len(expected[0]) else b""
    matches = [hmac.compare_digest(digest, given) for digest in expected]  # each, no early out
    if not any(matches):
        raise SignatureError(
            "mismatch", f"{sign_key_name!r} is not MD5(sign_key + {expires_key})", body
        )
    if _expired(expires, current, grace):
        ago = current - expires  # an int when now is one: exact, and within ~310 digits
        ago_text = str(ago) if isinstance(ago, int) else f"{ago:.0f}"
        allowed = f" (more than the leeway of {grace} s)" if grace else ""
        raise SignatureError(
            "expired",
            f"the notification expired at {expires_key}={expires}, {ago_text} s ago{allowed}",
            body,
        )


def _signature_keys(value: Mapping[str, object]) -> tuple[str, str]:
    """The names a body's signature is under: a Cloud Live callback's ``sign`` and ``t`` when
    it has either and neither of VOD's ``Sign`` and ``T``; else VOD's."""
    vod = SIGN_KEY in value or EXPIRES_KEY in value
    if not vod and (LIVE_SIGN_KEY in value or LIVE_EXPIRES_KEY in value):
        return LIVE_SIGN_KEY, LIVE_EXPIRES_KEY
    return SIGN_KEY, EXPIRES_KEY


def sign_of(sign_key: str, expires: int) -> str:
    """The ``Sign`` Tencent sends with ``T = expires``: ``MD5(sign_key + T)`` in lower-case hex.

    :raises ValueError: when ``sign_key`` is empty or cannot be encoded, or ``expires`` is not a
        64-bit integer.
    """
    if not isinstance(expires, int) or _expires(expires) is None:
        raise ValueError(f"expires must be Unix seconds as a 64-bit integer, got {expires!r:.40}")
    return _digest(_key_bytes(sign_key), expires).decode("ascii")


def _digest(key: bytes, expires: int) -> bytes:
    import hashlib  # here, not at import: only a signed body needs it (a few ms at start-up)

    return hashlib.md5(key + str(expires).encode("ascii")).hexdigest().encode("ascii")


def _expired(expires: int, current: float, leeway: float) -> bool:
    """``expires + leeway < current``, exactly (a float sum would round past 2**53)."""
    if isinstance(current, int) and isinstance(leeway, int):
        return expires + leeway < current
    from fractions import Fraction

    return Fraction(expires) + Fraction(leeway) < Fraction(current)


def _keys(sign_key: object) -> list[bytes]:
    if isinstance(sign_key, str):
        return [_key_bytes(sign_key)]
    if not isinstance(sign_key, Sequence) or not sign_key:
        raise ValueError("sign_key must be a non-empty string or a non-empty sequence of them")
    return [_key_bytes(key) for key in sign_key]


def _key_bytes(sign_key: object) -> bytes:
    if not isinstance(sign_key, str) or not sign_key:
        raise ValueError("sign_key must be a non-empty string")
    try:
        return sign_key.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise ValueError(
            f"sign_key cannot be encoded as UTF-8 (a lone surrogate at index {exc.start})"
        ) from None


def _leeway(leeway: object) -> float:
    """Seconds past ``T`` still accepted: a finite number >= 0 (an int stays exact)."""
    if isinstance(leeway, bool) or not isinstance(leeway, int | float):
        raise TypeError(f"leeway must be seconds as an int or float, not {type(leeway).__name__}")
    if (isinstance(leeway, float) and not math.isfinite(leeway)) or leeway < 0:
        raise ValueError(f"leeway must be a finite number of seconds >= 0, got {leeway!r}")
    return leeway


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
