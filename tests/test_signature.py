"""Signed notifications: MD5(SignKey + T), constant-time, any hex case, T in the future."""

from __future__ import annotations

import hashlib
import json
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import vodsnap
from strategies import as_api3
from support import EXAMPLES

V4 = json.loads((EXAMPLES / "snapshot-event-success.json").read_text())
KEY = "abcDEF123"
NOW = 1_700_000_000


def signed(expires: int = NOW + 600, key: str = KEY, upper: bool = False) -> dict[str, Any]:
    sign = hashlib.md5(f"{key}{expires}".encode()).hexdigest()
    return as_api3(V4) | {"Sign": sign.upper() if upper else sign, "T": expires}


def reason(body: object, key: str = KEY, now: float = NOW) -> str:
    with pytest.raises(vodsnap.SignatureError) as info:
        vodsnap.verify_signature(body, key, now=now)  # type: ignore[arg-type]
    assert info.value.body is body
    assert isinstance(info.value, ValueError)
    assert not isinstance(info.value, vodsnap.DecodeError)
    return info.value.reason


@pytest.mark.parametrize("upper", [False, True], ids=["lower-hex", "upper-hex"])
def test_a_valid_signature(upper: bool) -> None:
    body = signed(upper=upper)
    for form in (body, json.dumps(body), json.dumps(body).encode()):
        assert vodsnap.verify_signature(form, KEY, now=NOW) is None  # type: ignore[func-returns-value]


def test_tampered_bodies_and_wrong_keys_mismatch() -> None:
    assert reason(signed(), key="other") == "mismatch"
    assert reason(signed() | {"T": NOW + 601}) == "mismatch"  # extending T breaks the signature
    assert reason(signed() | {"Sign": "0" * 32}) == "mismatch"
    assert reason(signed() | {"Sign": "é"}) == "mismatch"


def test_expired() -> None:
    assert reason(signed(NOW - 1)) == "expired"
    vodsnap.verify_signature(signed(NOW), KEY, now=NOW)  # expires at NOW: not yet past


@pytest.mark.parametrize("drop", ["Sign", "T"])
def test_missing_fields(drop: str) -> None:
    body = signed()
    del body[drop]
    assert reason(body) == "missing"


@pytest.mark.parametrize("change", [{"Sign": 5}, {"T": "soon"}, {"T": True}, {"T": 1.5}])
def test_unusable_fields_are_missing(change: dict[str, Any]) -> None:
    assert reason(signed() | change) == "missing"


def test_version_4_callbacks_are_never_signed() -> None:
    assert reason(V4) == "missing"


def test_parse_verifies_before_decoding() -> None:
    body = signed(NOW + 10**9)
    assert vodsnap.parse(body, sign_key=KEY) == vodsnap.parse(V4)
    assert vodsnap.parse_event(body, sign_key=KEY) == vodsnap.parse(V4)
    with pytest.raises(vodsnap.SignatureError) as info:
        vodsnap.parse(body | {"SnapshotByTimeOffsetCompleteEvent": "garbage"}, sign_key="other")
    assert info.value.reason == "mismatch"  # refused before the garbage is looked at


def test_the_default_clock() -> None:
    with pytest.raises(vodsnap.SignatureError, match="expired"):
        vodsnap.verify_signature(signed(NOW), KEY)  # 2023: long past


def test_bodies_that_are_not_objects_are_decode_errors() -> None:
    with pytest.raises(vodsnap.DecodeError):
        vodsnap.verify_signature(b"[1]", KEY, now=NOW)


@given(
    st.text(st.characters(categories=["L", "N"]), min_size=1, max_size=32), st.integers(0, 2**62)
)
def test_any_key_and_expiry(key: str, expires: int) -> None:
    vodsnap.verify_signature(signed(expires, key), key, now=expires)
    assert reason(signed(expires, key), key=key + "x", now=expires) == "mismatch"
