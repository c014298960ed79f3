"""Signed notifications: VOD's MD5(SignKey + T), MPS's MD5(Timestamp + key) in either order;
constant-time, any hex case, the expiry in the future."""

from __future__ import annotations

import copy
import hashlib
import json
import math
import re
import time
from collections.abc import Sequence
from fractions import Fraction
from typing import Any, assert_type, cast

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import vodsnap
from oracle import live_mps_oracle
from strategies import as_api3
from support import EXAMPLES, ROOT
from vodsnap import testing

V4 = json.loads((EXAMPLES / "snapshot-event-success.json").read_text())
KEY = "abcDEF123"
NOW = 1_700_000_000


def signed(expires: int = NOW + 600, key: str = KEY, upper: bool = False) -> dict[str, Any]:
    sign = hashlib.md5(f"{key}{expires}".encode()).hexdigest()
    return as_api3(V4) | {"Sign": sign.upper() if upper else sign, "T": expires}


def reason(body: object, key: str | Sequence[str] = KEY, now: float = NOW) -> str:
    with pytest.raises(vodsnap.SignatureError) as info:
        vodsnap.verify_signature(cast(Any, body), key, now=now)
    assert info.value.body is body
    assert isinstance(info.value, ValueError)
    assert not isinstance(info.value, vodsnap.DecodeError)
    return info.value.reason


@pytest.mark.parametrize("upper", [False, True], ids=["lower-hex", "upper-hex"])
def test_a_valid_signature(upper: bool) -> None:
    body = signed(upper=upper)
    for form in (body, json.dumps(body), json.dumps(body).encode()):
        assert assert_type(vodsnap.verify_signature(form, KEY, now=NOW), None) is None


def test_a_changed_sign_or_t_and_wrong_keys_mismatch() -> None:
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


# -- T's type, the clock and the key are checked, never trusted (#13) -------------------------


def signed_text(expires_text: str, key: str = KEY) -> dict[str, Any]:
    """A body whose ``T`` is the string ``expires_text``, signed over that text."""
    sign = hashlib.md5(f"{key}{expires_text}".encode()).hexdigest()
    return as_api3(V4) | {"Sign": sign, "T": expires_text}


@pytest.mark.parametrize(
    "expires",
    [10**5000, -(10**5000), 2**63, -(2**63) - 1],
    ids=["10**5000", "-10**5000", "2**63", "-2**63-1"],
)
def test_t_past_64_bits_is_missing_not_a_bare_value_error(expires: int) -> None:
    body = as_api3(V4) | {"Sign": "0" * 32, "T": expires}
    assert reason(body) == "missing"
    with pytest.raises(vodsnap.SignatureError, match="64-bit integer"):
        vodsnap.parse(body, sign_key=KEY)


def test_t_too_long_for_json_text_is_a_decode_error() -> None:
    text = json.dumps(as_api3(V4) | {"Sign": "0" * 32, "T": 0})
    text = text.replace('"T": 0', '"T": ' + "1" * 5000)
    with pytest.raises(vodsnap.DecodeError):
        vodsnap.parse(text, sign_key=KEY)
    with pytest.raises(vodsnap.DecodeError):
        vodsnap.verify_signature(text, KEY, now=NOW)


@given(st.integers())
def test_any_integer_t_verifies_exactly_when_it_is_64_bit(expires: int) -> None:
    body = signed(expires)
    if -(2**63) <= expires < 2**63:
        vodsnap.verify_signature(body, KEY, now=expires)
        assert reason(body, now=expires + 1) == "expired"
    else:
        assert reason(body, now=0) == "missing"


@given(st.integers(0, 2**63 - 1))
def test_t_as_its_decimal_digits_is_the_same_t(expires: int) -> None:
    body = signed_text(str(expires))
    vodsnap.verify_signature(body, KEY, now=expires)
    assert reason(body, now=expires + 1) == "expired"
    assert reason(body | {"T": str(expires - 1)}, now=0) == ("mismatch" if expires else "missing")


@given(st.text(max_size=25).filter(lambda t: not re.fullmatch(r"0|[1-9][0-9]{0,18}", t)))
def test_any_other_string_t_is_missing(expires_text: str) -> None:
    assert reason(signed_text(expires_text), now=0) == "missing"


@pytest.mark.parametrize(
    "expires_text",
    ["0123", "+5", " 5", "5 ", "-5", "1e3", "\uff15", "\u0665", "9223372036854775808", "1" * 5000],
)
def test_non_canonical_digit_strings_are_missing(expires_text: str) -> None:
    assert reason(signed_text(expires_text), now=0) == "missing"


@pytest.mark.parametrize(
    "now",
    [math.nan, math.inf, -math.inf, 10**400, -(10**5000)],
    ids=["nan", "inf", "-inf", "10**400", "-10**5000"],
)
def test_a_clock_that_is_not_finite_is_a_value_error(now: float) -> None:
    for body in (signed(NOW - 10**9), signed(NOW + 10**9), V4):  # expired, valid, unsigned
        with pytest.raises(ValueError, match="now must be a finite number") as info:
            vodsnap.verify_signature(body, KEY, now=now)
        assert not isinstance(info.value, vodsnap.SignatureError)


@pytest.mark.parametrize("now", ["1700000000", True, None.__class__, [NOW]])
def test_a_clock_that_is_no_number_is_a_type_error(now: object) -> None:
    with pytest.raises(TypeError, match="now must be Unix seconds"):
        vodsnap.verify_signature(signed(), KEY, now=cast(Any, now))


@given(st.integers(-(2**63), 2**63 - 1), st.floats(allow_nan=False, allow_infinity=False))
def test_expiry_is_decided_by_t_and_now_alone(expires: int, now: float) -> None:
    body = signed(expires)
    if expires < now:
        assert reason(body, now=now) == "expired"
    else:
        vodsnap.verify_signature(body, KEY, now=now)


@pytest.mark.parametrize("key", ["abc\ud800", "\udfff"])
def test_a_key_utf_8_cannot_encode_is_a_clear_value_error(key: str) -> None:
    with pytest.raises(ValueError, match="sign_key cannot be encoded as UTF-8") as info:
        vodsnap.verify_signature(signed(), key, now=NOW)
    assert not isinstance(info.value, vodsnap.SignatureError | vodsnap.DecodeError)
    with pytest.raises(ValueError, match="sign_key"):
        vodsnap.parse(signed(), sign_key=key)


@pytest.mark.parametrize("sign", ["0" * 10**6, "", "\uff41" * 32, "\u0130" * 32])
def test_any_other_sign_is_a_mismatch(sign: str) -> None:
    assert reason(signed() | {"Sign": sign}) == "mismatch"


def test_the_signature_does_not_cover_the_body() -> None:
    """``Sign`` is ``MD5(key + T)``: a body whose file id and URLs were changed, ``Sign`` and
    ``T`` kept, verifies and decodes to the changed event. The documentation must not promise
    otherwise."""
    original = signed(expires=4_000_000_000)  # still valid by the system clock
    forged = json.loads(json.dumps(original).replace(V4["data"]["fileId"], "attacker-file"))
    for picture in forged["SnapshotByTimeOffsetCompleteEvent"]["SnapshotInfoSet"]:
        picture["Url"] = "https://attacker.example/x.png"
    assert forged != original
    assert (forged["Sign"], forged["T"]) == (original["Sign"], original["T"])
    assert assert_type(vodsnap.verify_signature(forged, KEY, now=NOW), None) is None
    event = vodsnap.parse(forged, sign_key=KEY)
    assert isinstance(event, vodsnap.SnapshotByTimeOffsetComplete)
    assert event.data.file_id == "attacker-file"
    assert {p.url for p in event.data.pic_info} == {"https://attacker.example/x.png"}


def test_no_page_says_a_mismatch_means_a_tampered_body() -> None:
    """Every page and docstring about signatures says what they cover: the key and ``T``."""
    pages = [ROOT / "SECURITY.md", ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
    texts = {p.name: p.read_text() for p in pages}
    texts["SignatureError"] = vodsnap.SignatureError.__doc__ or ""
    texts["verify_signature"] = vodsnap.verify_signature.__doc__ or ""
    for name, text in texts.items():
        assert "tamper" not in text.lower(), name
    for name in ("SignatureError", "verify_signature", "delivery.md", "SECURITY.md"):
        assert re.search(r"not cover the body|never the body", texts[name]), name


# -- signing for tests, key rotation, clock-skew leeway (#22) ---------------------------------


def test_sign_is_the_documented_signature_in_every_form() -> None:
    body = as_api3(V4)
    assert testing.sign(body, KEY, expires=NOW + 600) == signed()
    assert "Sign" not in body  # a copy
    as_bytes = testing.sign(json.dumps(body).encode(), KEY, expires=NOW + 600)
    as_text = testing.sign(json.dumps(body), KEY, expires=NOW + 600)
    assert (type(as_bytes), type(as_text)) == (bytes, str)
    assert json.loads(as_bytes) == json.loads(as_text) == signed()
    assert testing.sign(signed(key="old"), KEY, expires=NOW + 600) == signed()  # replaced
    vodsnap.verify_signature(as_bytes, KEY, now=NOW)


def test_sign_expires_ten_minutes_from_now_by_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(time, "time", lambda: NOW + 0.75)
    assert testing.sign(as_api3(V4), KEY)["T"] == NOW + 600


@pytest.mark.parametrize(
    ("body", "key", "expires", "message"),
    [
        (V4, KEY, NOW, "Tencent signs only"),
        (b"[1]", KEY, NOW, "Tencent signs only"),
        (as_api3(V4), "", NOW, "sign_key must be a non-empty string"),
        (as_api3(V4), KEY, 2**63, "64-bit integer"),
        (as_api3(V4), KEY, "1700000000", "64-bit integer"),
    ],
    ids=["version-4.0", "not-an-object", "empty-key", "expires-past-int64", "expires-as-text"],
)
def test_sign_refuses_what_tencent_never_signs(
    body: Any, key: str, expires: Any, message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        testing.sign(body, key, expires=expires)


@settings(max_examples=25)
@given(testing.signed_event_bodies(KEY, expires=NOW + 600))
def test_signed_event_bodies_verify_and_decode_as_unsigned(body: dict[str, Any]) -> None:
    vodsnap.verify_signature(body, KEY, now=NOW)
    unsigned = {k: v for k, v in body.items() if k not in ("Sign", "T", "Timestamp")}
    assert vodsnap.parse(body) == vodsnap.parse(unsigned)
    assert reason(body, key="other") == "mismatch"


def test_key_rotation_accepts_any_of_several_keys() -> None:
    for keys in (["new", KEY], (KEY, "new"), [KEY]):
        vodsnap.verify_signature(signed(), keys, now=NOW)
        assert vodsnap.parse(signed(NOW + 10**9), sign_key=keys) == vodsnap.parse(V4)
        assert vodsnap.parse_event(signed(NOW + 10**9), sign_key=keys) == vodsnap.parse(V4)
    assert reason(signed(), key=["new", "newer"]) == "mismatch"
    assert reason(signed(NOW - 1), key=["new", KEY]) == "expired"


def test_a_string_key_is_one_key_not_its_characters() -> None:
    assert reason(signed(key="a"), key="abc") == "mismatch"


@pytest.mark.parametrize("keys", [[], (), ["new", ""], [KEY, "\ud800"], [KEY, 5]])
def test_an_unusable_list_of_keys_is_a_value_error(keys: Any) -> None:
    with pytest.raises(ValueError, match="sign_key") as info:
        vodsnap.verify_signature(signed(), keys, now=NOW)
    assert not isinstance(info.value, vodsnap.SignatureError)
    with pytest.raises(ValueError, match="sign_key"):
        vodsnap.parse(signed(), sign_key=keys)


def test_leeway_accepts_that_many_seconds_past_t() -> None:
    vodsnap.verify_signature(signed(NOW - 30), KEY, now=NOW, leeway=30)
    vodsnap.verify_signature(signed(NOW - 30), KEY, now=NOW + 0.5, leeway=30.5)
    assert reason(signed(NOW - 30), now=NOW + 0.5) == "expired"
    with pytest.raises(vodsnap.SignatureError, match="more than the leeway of 29 s"):
        vodsnap.verify_signature(signed(NOW - 30), KEY, now=NOW, leeway=29)
    body = signed(int(time.time()) - 60)
    assert vodsnap.parse(body, sign_key=KEY, leeway=3600) == vodsnap.parse(V4)
    assert vodsnap.parse_event(body, sign_key=KEY, leeway=3600) == vodsnap.parse(V4)
    with pytest.raises(vodsnap.SignatureError, match="expired"):
        vodsnap.parse(body, sign_key=KEY)


@given(
    st.integers(-(2**63), 2**63 - 1),
    st.integers(-(2**64), 2**64) | st.floats(allow_nan=False, allow_infinity=False),
    st.integers(0, 2**64) | st.floats(0, 1e20),
)
def test_expiry_with_leeway_is_exact(expires: int, now: float, leeway: float) -> None:
    body = signed(expires)
    if Fraction(expires) + Fraction(leeway) < Fraction(now):
        with pytest.raises(vodsnap.SignatureError, match="expired"):
            vodsnap.verify_signature(body, KEY, now=now, leeway=leeway)
    else:
        vodsnap.verify_signature(body, KEY, now=now, leeway=leeway)


@pytest.mark.parametrize(
    ("leeway", "error"),
    [
        (-1, ValueError),
        (-0.5, ValueError),
        (math.inf, ValueError),
        (math.nan, ValueError),
        ("30", TypeError),
        (True, TypeError),
        (None, TypeError),
    ],
)
def test_a_leeway_that_is_no_finite_number_of_seconds_is_the_callers_mistake(
    leeway: Any, error: type[Exception]
) -> None:
    with pytest.raises(error, match="leeway must be") as info:
        vodsnap.verify_signature(signed(), KEY, now=NOW, leeway=leeway)
    assert not isinstance(info.value, vodsnap.SignatureError)
    with pytest.raises(error, match="leeway must be"):
        vodsnap.parse(signed(), sign_key=KEY, leeway=leeway)


# -- MPS notifications: Sign = MD5(Timestamp + key), or MD5(key + Timestamp) (#20) ------------

MPS: dict[str, Any] = json.loads(
    (ROOT / "tests/data/published/mps-workflowtask-scf-trigger.json").read_text()
)


def mps_signed(
    expires: int | str = NOW + 600, key: str = KEY, *, key_first: bool = False, upper: bool = False
) -> dict[str, Any]:
    text = f"{key}{expires}" if key_first else f"{expires}{key}"
    sign = hashlib.md5(text.encode()).hexdigest()
    return MPS | {"Sign": sign.upper() if upper else sign, "Timestamp": expires}


@pytest.mark.parametrize("key_first", [False, True], ids=["timestamp-first", "key-first"])
@pytest.mark.parametrize("upper", [False, True], ids=["lower-hex", "upper-hex"])
def test_an_mps_signature_in_either_order(key_first: bool, upper: bool) -> None:
    body = mps_signed(key_first=key_first, upper=upper)
    for form in (body, json.dumps(body), json.dumps(body).encode()):
        vodsnap.verify_signature(form, KEY, now=NOW)
    vodsnap.verify_signature(mps_signed(str(NOW), key_first=key_first), KEY, now=NOW)  # digits
    later = mps_signed(int(time.time()) + 600, key_first=key_first)  # parse reads the clock
    assert vodsnap.parse(later, sign_key=KEY) == vodsnap.parse(later)


@pytest.mark.parametrize("key_first", [False, True], ids=["timestamp-first", "key-first"])
def test_a_wrong_or_expired_mps_signature(key_first: bool) -> None:
    body = mps_signed(key_first=key_first)
    assert reason(body, key="other") == "mismatch"
    assert reason(body | {"Timestamp": NOW + 601}) == "mismatch"  # extending it breaks it
    assert reason(body | {"Sign": hashlib.md5(f"{KEY}{KEY}".encode()).hexdigest()}) == "mismatch"
    with pytest.raises(vodsnap.SignatureError, match="'Sign' is neither MD5") as info:
        vodsnap.verify_signature(body, "other", now=NOW)
    assert "MD5(Timestamp + sign_key) nor MD5(sign_key + Timestamp)" in str(info.value)
    assert reason(mps_signed(NOW - 1, key_first=key_first)) == "expired"
    vodsnap.verify_signature(mps_signed(NOW, key_first=key_first), KEY, now=NOW)  # not yet past
    with pytest.raises(vodsnap.SignatureError, match="expired at Timestamp="):
        vodsnap.verify_signature(mps_signed(NOW - 1, key_first=key_first), KEY, now=NOW)
    with pytest.raises(vodsnap.SignatureError) as info:
        vodsnap.parse(body, sign_key="other")
    assert info.value.reason == "mismatch"


@pytest.mark.parametrize(
    ("change", "named"),
    [
        ({"Sign": None}, "'Sign' string"),
        ({"Sign": 5}, "'Sign' string"),
        ({"Timestamp": "soon"}, "'Timestamp'"),
        ({"Timestamp": True}, "'Timestamp'"),
        ({"Timestamp": 1.5}, "'Timestamp'"),
        ({"Timestamp": 2**63}, "'Timestamp'"),
    ],
)
def test_a_missing_mps_signature(change: dict[str, Any], named: str) -> None:
    body = {k: v for k, v in (mps_signed() | change).items() if v is not None}
    assert reason(body) == "missing"
    with pytest.raises(vodsnap.SignatureError, match=f"no {named}"):
        vodsnap.verify_signature(body, KEY, now=NOW)
    assert reason(MPS) == "missing"  # the published sample is unsigned


@pytest.mark.parametrize(
    ("names", "missing"),
    [
        (["Sign"], "'T'"),  # VOD's fields come first
        (["Timestamp"], "'Sign'"),
        (["sign", "Timestamp"], "'t'"),
        (["t", "Timestamp"], "'sign'"),
        (["T", "Timestamp"], "'Sign'"),
    ],
)
def test_the_fields_a_body_has_say_whose_signature_is_missing(
    names: list[str], missing: str
) -> None:
    body = MPS | {name: "0" * 32 if name.lower() == "sign" else NOW for name in names}
    with pytest.raises(vodsnap.SignatureError, match=f"missing: no {missing}"):
        vodsnap.verify_signature(body, KEY, now=NOW)


def test_a_body_with_both_t_and_timestamp_is_checked_as_vods() -> None:
    """A body with ``Sign``, ``T`` and ``Timestamp`` is VOD's: ``Sign = MD5(key + T)``, and
    ``T`` is when it expires; its ``Timestamp`` is not looked at."""
    vod = signed() | {"Timestamp": NOW - 10**6}
    vodsnap.verify_signature(vod, KEY, now=NOW)
    assert reason(signed(NOW - 1) | {"Timestamp": NOW + 600}) == "expired"
    mps = mps_signed() | {"T": NOW + 600}  # MD5(Timestamp + key) is not VOD's
    with pytest.raises(vodsnap.SignatureError, match=r"'Sign' is not MD5\(sign_key \+ T\)"):
        vodsnap.verify_signature(mps, KEY, now=NOW)


def test_key_rotation_and_leeway_for_mps() -> None:
    for key_first in (False, True):
        body = mps_signed(key_first=key_first)
        for keys in (["new", KEY], (KEY, "new"), [KEY]):
            vodsnap.verify_signature(body, keys, now=NOW)
        assert reason(body, key=["new", "newer"]) == "mismatch"
        assert reason(mps_signed(NOW - 1, key_first=key_first), key=["new", KEY]) == "expired"
        old = mps_signed(NOW - 30, key_first=key_first)
        vodsnap.verify_signature(old, KEY, now=NOW, leeway=30)
        with pytest.raises(vodsnap.SignatureError, match="more than the leeway of 29 s"):
            vodsnap.verify_signature(old, KEY, now=NOW, leeway=29)
    recent = mps_signed(int(time.time()) - 60)
    assert vodsnap.parse(recent, sign_key=["new", KEY], leeway=3600) == vodsnap.parse(recent)
    with pytest.raises(vodsnap.SignatureError, match="expired"):
        vodsnap.parse(recent, sign_key=KEY)


def test_sign_signs_an_mps_notification_as_mps_does_now() -> None:
    signed_body = testing.sign(MPS, KEY, expires=NOW + 600)
    assert signed_body == mps_signed()  # Timestamp first, and no T
    assert "Sign" not in MPS  # a copy
    as_bytes = testing.sign(json.dumps(MPS).encode(), KEY, expires=NOW + 600)
    as_text = testing.sign(json.dumps(MPS), KEY, expires=NOW + 600)
    assert json.loads(as_bytes) == json.loads(as_text) == mps_signed()
    assert testing.sign(mps_signed(key="old"), KEY, expires=NOW + 600) == mps_signed()
    vodsnap.verify_signature(as_bytes, KEY, now=NOW)
    assert reason(signed_body, key="other") == "mismatch"


@pytest.mark.parametrize(
    "event_type",
    ["WorkflowTask", "ScheduleTask", "EditMediaTask", "BatchTask", "ExtractBlindWatermark"],
)
def test_sign_knows_every_mps_notification(event_type: str) -> None:
    body = testing.sign({"EventType": event_type}, KEY, expires=NOW + 600)
    sign = hashlib.md5(f"{NOW + 600}{KEY}".encode()).hexdigest()
    assert body == {"EventType": event_type, "Sign": sign, "Timestamp": NOW + 600}


@given(
    st.text(st.characters(codec="ascii", exclude_categories=["Cc"]), min_size=1, max_size=24),
    st.integers(NOW - 1_000, NOW + 1_000),
    st.sampled_from(["timestamp first", "key first", "upper", "other key", "changed"]),
    st.integers(NOW - 1_000, NOW + 1_000) | st.floats(NOW - 1_000, NOW + 1_000),
)
def test_mps_signatures_agree_with_the_oracle(key: str, stamp: int, how: str, now: float) -> None:
    signer = key + "x" if how == "other key" else key
    body = mps_signed(stamp, signer, key_first=how == "key first", upper=how == "upper")
    if how == "changed":
        body["Timestamp"] = stamp + 1
    expected = live_mps_oracle.signature_ok(copy.deepcopy(body), key, now)
    assert expected is not None, "the oracle has an opinion on every such body"
    try:
        vodsnap.verify_signature(body, key, now=now)
    except vodsnap.SignatureError:
        verified = False
    else:
        verified = True
    assert verified is expected


def test_sign_signs_a_cloud_live_callback_as_cloud_live_does() -> None:
    """``t`` and ``sign = MD5(key + t)``, lower-case keys, no ``T``/``Sign``/``Timestamp``; it
    verifies (with vodsnap and with the independent oracle) and decodes as the unsigned body."""
    live = json.loads(
        (ROOT / "tests/data/published/css-live-screenshot-200-current.json").read_text()
    )
    live = {k: v for k, v in live.items() if k not in ("t", "sign")}
    body = testing.sign(live, KEY, expires=NOW + 600)
    expected = hashlib.md5(f"{KEY}{NOW + 600}".encode()).hexdigest()
    assert body == {**live, "t": NOW + 600, "sign": expected}
    vodsnap.verify_signature(body, KEY, now=NOW)
    assert live_mps_oracle.signature_ok(body, KEY, NOW) is True
    assert live_mps_oracle.signature_ok(body, "other", NOW) is False
    assert reason(body, key="other") == "mismatch"
    assert vodsnap.parse(testing.sign(live, KEY), sign_key=KEY) == vodsnap.parse(live)
