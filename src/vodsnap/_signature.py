"""Signed notifications: ``Sign = MD5(SignKey + T)`` and ``T`` (when it expires), checked.

The two keys are top-level fields of an API 3.0 body; the wire layer leaves them out of the
event it decodes.
"""

from __future__ import annotations

import hashlib
import hmac
import time
from collections.abc import Mapping
from typing import Final

from ._errors import DecodeError, FieldError, SignatureError
from ._paths import describe

__all__ = ["EXPIRES_KEY", "SIGN_KEY", "check_signature"]

#: Signed callbacks (API 3.0 event configuration with a SignKey) carry these top-level fields.
SIGN_KEY: Final = "Sign"
EXPIRES_KEY: Final = "T"


def check_signature(value: object, body: object, sign_key: str, now: float | None) -> None:
    """Raise ``SignatureError`` unless ``value`` (the decoded ``body``) is signed with
    ``sign_key`` and not yet expired at ``now`` (default: the system clock)."""
    if not isinstance(sign_key, str) or not sign_key:
        raise ValueError("sign_key must be a non-empty string")
    if not isinstance(value, Mapping):
        raise DecodeError([FieldError("$", f"expected an object, got {describe(value)}")], body)
    sign, expires = value.get(SIGN_KEY), value.get(EXPIRES_KEY)
    if not isinstance(sign, str):
        raise SignatureError("missing", f"no {SIGN_KEY!r} string in the body", body)
    if isinstance(expires, str) and expires.isascii() and expires.isdigit() and len(expires) < 20:
        expires = int(expires)
    if not isinstance(expires, int) or isinstance(expires, bool):
        raise SignatureError("missing", f"no integer {EXPIRES_KEY!r} in the body", body)
    expected = hashlib.md5(f"{sign_key}{expires}".encode()).hexdigest()
    given = sign.lower().encode("utf-8", "surrogatepass")
    if not hmac.compare_digest(expected.encode("ascii"), given):
        raise SignatureError("mismatch", f"{SIGN_KEY!r} is not MD5(sign_key + T)", body)
    current = time.time() if now is None else now
    if expires < current:
        raise SignatureError(
            "expired",
            f"the notification expired at T={expires}, {current - expires:.0f} s ago",
            body,
        )
