"""With the fast parser (msgspec) installed or not, parse gives identical results and errors.

msgspec is only a faster way to the same answer: wherever it refuses a body (NaN, lone
surrogates, a byte-order mark, bad UTF-8, numbers out of range), the standard parser reads it and
says why; and every value it gives is the standard parser's (integers past 64 bits included).
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import vodsnap
from strategies import any_body, encoded, json_values, quirked
from support import EXAMPLES
from vodsnap import _read

msgspec = pytest.importorskip("msgspec")

#: The 65-bit integers msgspec before 0.19 read as other numbers, silently (msgspec#701).
MISREAD_BEFORE_0_19 = st.integers(2**64 + 10**18 + 1, 19999999999999999999)

numbers = st.one_of(
    st.integers(),
    MISREAD_BEFORE_0_19,
    st.sampled_from([2**63 - 1, 2**63, -(2**63), -(2**63) - 1, 2**64 - 1, 2**64, 10**19, 10**30]),
    st.floats(),  # NaN and the infinities included: json.dumps writes them, msgspec refuses them
)
NUMBER_LITERALS = ["-0", "0.0", "1E400", "-1e400", "1e-400", "1.5e308", "00", "1.", ".5", "+1"]


def outcome(body: bytes) -> Any:
    try:
        model = vodsnap.parse(body)
    except vodsnap.DecodeError as exc:
        return [(e.path, e.message) for e in exc.errors]
    return (type(model).__name__, repr(model))  # repr: NaN != NaN would hide nothing else


def both(body: bytes) -> None:
    with_fast = outcome(body)
    saved = _read._fast_loads
    _read._fast_loads = None
    try:
        without = outcome(body)
    finally:
        _read._fast_loads = saved
    assert with_fast == without
    try:
        fast_value = msgspec.json.decode(body)
    except Exception:
        return  # refused: the standard parser reads it (or says why), as just compared
    assert repr(fast_value) == repr(json.loads(body))  # repr: NaN, -0.0 and int/float differ


@pytest.fixture(autouse=True)
def fast_parser_is_in_use() -> None:
    assert _read._fast_loads is not None  # else this file proves nothing


@given(st.data(), any_body)
def test_valid_and_quirked_bodies(data: st.DataObject, body: dict[str, Any]) -> None:
    variant = data.draw(encoded(data.draw(quirked(body))))
    if isinstance(variant, str):
        variant = variant.encode()
    both(bytes(variant) if not isinstance(variant, dict) else json.dumps(variant).encode())


@given(any_body, st.data())
def test_numbers_anywhere(body: dict[str, Any], data: st.DataObject) -> None:
    node: Any = body
    while isinstance(node, dict) and node:
        key = data.draw(st.sampled_from(sorted(node)))
        if not isinstance(node[key], dict) or data.draw(st.booleans()):
            node[key] = data.draw(numbers | st.lists(numbers, max_size=3))
            break
        node = node[key]
    text = json.dumps(body)
    both(text.encode())
    literal = data.draw(st.sampled_from(NUMBER_LITERALS))
    both(text.replace("0", literal, 1).encode())


@given(json_values(30))
def test_any_json(value: Any) -> None:
    for ensure_ascii in (True, False):
        text = json.dumps(value, ensure_ascii=ensure_ascii)
        both(text.encode("utf-8", "surrogatepass"))


@given(any_body, st.data())
def test_corrupted_bytes(body: dict[str, Any], data: st.DataObject) -> None:
    raw = bytearray(json.dumps(body, ensure_ascii=False).encode("utf-8", "surrogatepass"))
    for _ in range(data.draw(st.integers(1, 3))):
        at = data.draw(st.integers(0, len(raw)))
        raw[at:at] = data.draw(st.binary(min_size=1, max_size=3))
    both(bytes(raw))
    both(b"\xef\xbb\xbf" + json.dumps(body).encode())


@given(any_body, st.data())
def test_duplicate_keys(body: dict[str, Any], data: st.DataObject) -> None:
    text = json.dumps(body)
    key = data.draw(st.sampled_from(sorted(body)))
    value = json.dumps(data.draw(json_values(4) | numbers))
    first, last = f'"{key}": {value}, ', f', "{key}": {value}'
    both(("{" + first + text[1:]).encode())  # the body's value is the last: it wins
    both((text[:-1] + last + "}").encode())  # the new value is the last: it wins


@given(st.binary(max_size=100))
def test_any_bytes(body: bytes) -> None:
    both(body)


@given(MISREAD_BEFORE_0_19 | st.integers(-(10**21), 10**21))
def test_file_ids_past_64_bits_are_read_exactly(file_id: int) -> None:
    """VOD file ids are 19 or 20 digits; whatever parser reads them, never another number."""
    body = json.loads((EXAMPLES / "snapshot-event-success.json").read_bytes())
    body["data"]["fileId"] = file_id
    event = vodsnap.parse(json.dumps(body).encode())
    assert isinstance(event, vodsnap.SnapshotByTimeOffsetComplete)
    assert event.data.file_id == str(file_id)


VERSIONS = {"0.18.0": False, "0.18.6": False, "0.19.0": True, "0.22.0": True, "1.0": True}
VERSIONS |= {"0.19.0rc1": True, "dev": False, "": False}


@pytest.mark.parametrize(("version", "usable"), VERSIONS.items())
def test_a_msgspec_that_misreads_integers_is_not_used(version: str, usable: bool) -> None:
    assert _read._usable(version) is usable
