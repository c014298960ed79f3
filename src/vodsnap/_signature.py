"""Signed notifications: checking a body's signature (``Sign``/``sign``) and expiry.

Tencent signs three kinds of notification, each under its own pair of top-level fields, one
scheme a line of ``SCHEMES``: a VOD API 3.0 event's ``Sign = MD5(SignKey + T)``; an MPS
notification's ``Sign = MD5(Timestamp + NotifyKey)`` (or ``MD5(NotifyKey + Timestamp)``, as an
older SDK says: either is accepted); a Cloud Live (CSS) callback's ``sign = MD5(key + t)``. The
second field is when the notification expires (Unix seconds). None of them covers anything
else of the body. The wire layer leaves VOD's and Cloud Live's out of the event it decodes
(they name ``SIGN_KEY`` and the expiry keys from here). ``sign_of``
is the one place a digest is computed (``_digest`` behind it, which the check calls with the
keys already encoded; ``vodsnap.testing.sign`` uses it too).
"""

from __future__ import annotations

import math
import re
import time
from collections.abc import Mapping, Sequence
from typing import Final, Literal, NamedTuple

from ._errors import SignatureError, decode_error
from ._paths import describe

__all__ = [
    "EXPIRES_KEY",
    "LIVE_EXPIRES_KEY",
    "LIVE_SCHEME",
    "LIVE_SIGN_KEY",
    "MPS_EXPIRES_KEY",
    "MPS_SCHEME",
    "SCHEMES",
    "SIGN_KEY",
    "VOD_SCHEME",
    "Order",
    "Scheme",
    "SignKey",
    "check_signature",
    "sign_of",
]

#: Signed callbacks (API 3.0 event configuration with a SignKey) carry these top-level fields.
SIGN_KEY: Final = "Sign"
EXPIRES_KEY: Final = "T"
#: A signed MPS notification's expiry; its signature is under ``SIGN_KEY`` too.
MPS_EXPIRES_KEY: Final = "Timestamp"
#: A Cloud Live callback's (with a callback key configured): the same scheme, other names.
LIVE_SIGN_KEY: Final = "sign"
LIVE_EXPIRES_KEY: Final = "t"

#: What is hashed: the key, then the expiry's decimal text; or the expiry's text, then the key.
Order = Literal["key + expires", "expires + key"]


class Scheme(NamedTuple):
    """One way a notification is signed: the fields it is under, and the digests accepted."""

    sign: str
    expires: str
    orders: tuple[Order, ...]


#: VOD's API 3.0 events: ``Sign = MD5(SignKey + T)``.
VOD_SCHEME: Final = Scheme(SIGN_KEY, EXPIRES_KEY, ("key + expires",))
#: Cloud Live (CSS) callbacks: ``sign = MD5(key + t)``.
LIVE_SCHEME: Final = Scheme(LIVE_SIGN_KEY, LIVE_EXPIRES_KEY, ("key + expires",))
#: MPS notifications: ``Sign = MD5(Timestamp + NotifyKey)`` as MPS signs now (the first order),
#: or ``MD5(NotifyKey + Timestamp)`` as an older SDK's text says.
MPS_SCHEME: Final = Scheme(SIGN_KEY, MPS_EXPIRES_KEY, ("expires + key", "key + expires"))
#: Every scheme, in the order a body's fields are matched against them (see ``_scheme_of``).
SCHEMES: Final = (VOD_SCHEME, LIVE_SCHEME, MPS_SCHEME)

#: One key, or several (key rotation: a notification signed with any of them is accepted). A
#: bare string is one key, not a sequence of one-character keys.
SignKey = str | Sequence[str]

_INT64 = range(-(2**63), 2**63)  # T's documented type (and so every expiry's)
_DIGITS = re.compile(r"0|[1-9][0-9]{0,18}")  # an expiry as a string: its canonical text only


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
        raise decode_error([("", f"expected an object, got {describe(value)}")], body)
    try:  # an already decoded mapping is any Mapping: its get() may fail
        scheme = _scheme_of(value)
        sign, expires = value.get(scheme.sign), _expires(value.get(scheme.expires))
    except Exception as exc:
        raise decode_error([("", f"cannot read the body ({exc!r:.80})")], body) from None
    if not isinstance(sign, str):
        raise SignatureError("missing", f"no {scheme.sign!r} string in the body", body)
    if expires is None:
        raise SignatureError(
            "missing", f"no {scheme.expires!r} in the body that is a 64-bit integer", body
        )
    import hmac  # here, not at import: only a signed body needs it

    expected = [_digest(key, expires, order) for key in keys for order in scheme.orders]
    given = sign.lower().encode("utf-8", "surrogatepass") if len(sign) == len(expected[0]) else b""
    matches = [hmac.compare_digest(digest, given) for digest in expected]  # each, no early out
    if not any(matches):
        raise SignatureError("mismatch", f"{scheme.sign!r} is {_formulas(scheme)}", body)
    if _expired(expires, current, grace):
        ago = current - expires  # an int when now is one: exact, and within ~310 digits
        ago_text = str(ago) if isinstance(ago, int) else f"{ago:.0f}"
        allowed = f" (more than the leeway of {grace} s)" if grace else ""
        raise SignatureError(
            "expired",
            f"the notification expired at {scheme.expires}={expires}, {ago_text} s ago{allowed}",
            body,
        )


def _scheme_of(value: Mapping[str, object]) -> Scheme:
    """The scheme a body's signature is checked by: the first of ``SCHEMES`` whose two fields
    the body has both of (so a body with VOD's ``T`` and MPS's ``Timestamp`` is VOD's); else
    the first that has either (to say which field is missing); else VOD's."""
    present = [[name in value for name in (s.sign, s.expires)] for s in SCHEMES]
    for wanted in (all, any):
        for scheme, has in zip(SCHEMES, present, strict=True):
            if wanted(has):
                return scheme
    return SCHEMES[0]


def _formulas(scheme: Scheme) -> str:
    """What a signature that does not match is not: ``not MD5(sign_key + T)``, or ``neither
    MD5(Timestamp + sign_key) nor MD5(sign_key + Timestamp)``."""
    terms = {
        "key + expires": ("sign_key", scheme.expires),
        "expires + key": (scheme.expires, "sign_key"),
    }
    formulas = ["MD5({} + {})".format(*terms[order]) for order in scheme.orders]
    return f"not {formulas[0]}" if len(formulas) == 1 else "neither " + " nor ".join(formulas)


def sign_of(sign_key: str, expires: int, order: Order = "key + expires") -> str:
    """The signature Tencent sends with the expiry ``expires``: ``MD5(sign_key + expires)`` in
    lower-case hex (VOD's ``Sign`` with ``T``, Cloud Live's ``sign`` with ``t``), or with
    ``order="expires + key"`` ``MD5(expires + sign_key)`` (MPS's ``Sign`` with ``Timestamp``).

    :raises ValueError: when ``sign_key`` is empty or cannot be encoded, or ``expires`` is not a
        64-bit integer.
    """
    if not isinstance(expires, int) or _expires(expires) is None:
        raise ValueError(f"expires must be Unix seconds as a 64-bit integer, got {expires!r:.40}")
    return _digest(_key_bytes(sign_key), expires, order).decode("ascii")


def _digest(key: bytes, expires: int, order: Order) -> bytes:
    import hashlib  # here, not at import: only a signed body needs it (a few ms at start-up)

    text = str(expires).encode("ascii")
    hashed = key + text if order == "key + expires" else text + key
    return hashlib.md5(hashed).hexdigest().encode("ascii")


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
