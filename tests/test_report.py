"""DecodeError.report(): JSON-ready, every problem, and the body kept losslessly."""

from __future__ import annotations

import json
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any, cast

import pytest
from hypothesis import given
from hypothesis import strategies as st

import vodsnap
from strategies import json_values


def report_of(body: object) -> dict[str, Any]:
    with pytest.raises(vodsnap.DecodeError) as info:
        vodsnap.parse(cast(Any, body))
    report = info.value.report()
    again: dict[str, Any] = json.loads(json.dumps(report, allow_nan=False))
    assert again == report
    assert report["errors"] == [{"path": e.path, "message": e.message} for e in info.value.errors]
    return report


def test_text_stays_text() -> None:
    body = '{"vid": "\\ud800 surrogate", "x": "解"}'
    report = report_of(body)
    assert report["body"] == {"type": "str", "text": body}
    assert vodsnap.DecodeError.body_from_report(report) == body


def test_utf8_bytes_are_kept_as_text() -> None:
    body = '{"vid": 1, "x": "解"}'.encode()
    report = report_of(body)
    assert report["body"] == {"type": "bytes", "encoding": "utf-8", "text": body.decode()}
    assert vodsnap.DecodeError.body_from_report(report) == body


def test_other_bytes_are_kept_as_base64() -> None:
    body = b'{"vid": "\xff\xfe"}'
    report = report_of(body)
    assert report["body"] == {
        "type": "bytes",
        "encoding": "base64",
        "base64": "eyJ2aWQiOiAi//4ifQ==",
    }
    assert vodsnap.DecodeError.body_from_report(report["body"]) == body


def test_mappings_are_kept_as_json_or_said_to_be_lossy() -> None:
    body = {"vid": 1, "result": [1, None]}
    report = report_of(body)
    assert report["body"] == {"type": "mapping", "json": body}
    assert vodsnap.DecodeError.body_from_report(report) == body
    lossy = report_of({"vid": {1, 2}})
    assert lossy["body"] == {"type": "mapping", "repr": "{'vid': {1, 2}}"}
    with pytest.raises(ValueError, match="losslessly"):
        vodsnap.DecodeError.body_from_report(lossy)


@given(st.binary(max_size=300))
def test_any_bytes_round_trip_through_json(body: bytes) -> None:
    try:
        vodsnap.parse(body)
    except vodsnap.DecodeError as exc:
        report = json.loads(json.dumps(exc.report()))
        assert vodsnap.DecodeError.body_from_report(report) == body


@given(json_values(20))
def test_any_json_text_round_trips(value: object) -> None:
    body = json.dumps(value, ensure_ascii=False)
    try:
        vodsnap.parse(body)
    except vodsnap.DecodeError as exc:
        report = json.loads(json.dumps(exc.report()))
        assert vodsnap.DecodeError.body_from_report(report) == body


# -- reports never raise, and say lossless only when the replay is exact (#13) ---------------


class Text(str):
    """A str subclass: JSON gives back a plain str."""


class Number(int):
    """An int subclass: JSON gives back a plain int."""


def nested(depth: int) -> dict[str, Any]:
    body: dict[str, Any] = {}
    node = body
    for _ in range(depth):
        node["a"] = {}
        node = node["a"]
    return body


json_scalars = (
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False)
) | st.text()
exact_json = st.recursive(
    json_scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=20,
)
odd_scalars = (
    st.floats()  # NaN, infinities
    | st.integers(4_300, 6_000).map(lambda n: 10**n)  # past Python's int-to-text limit
    | st.builds(Text, st.text(max_size=5))
    | st.builds(Number, st.integers())
    | st.binary(max_size=5)
    | st.frozensets(st.integers(), max_size=3)
)
keys = st.text(max_size=3) | st.integers() | st.booleans() | st.none() | st.floats()
anything = st.recursive(
    json_scalars | odd_scalars,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.lists(inner, max_size=3).map(tuple)
        | st.dictionaries(keys, inner, max_size=4)
        | st.dictionaries(st.text(max_size=3), inner, max_size=3).map(MappingProxyType)
    ),
    max_leaves=20,
)


def same_json(replayed: object, original: object) -> bool:
    """Equal, of the same JSON types (any mapping as a dict), keys in the same order."""
    if isinstance(original, Mapping):
        return (
            type(replayed) is dict
            and list(replayed) == list(original)
            and all(same_json(replayed[k], original[k]) for k in original)
        )
    if type(original) is list:
        return (
            type(replayed) is list
            and len(replayed) == len(original)
            and all(same_json(r, o) for r, o in zip(replayed, original, strict=True))
        )
    if type(original) is float:
        return type(replayed) is float and repr(replayed) == repr(original)  # -0.0 too
    return type(replayed) is type(original) and replayed == original


def stored_report(body: object) -> dict[str, Any]:
    """The report of a DecodeError for ``body``, through JSON text as a dead-letter store would."""
    report = vodsnap.DecodeError([vodsnap.FieldError("$", "bad")], body).report()
    stored: dict[str, Any] = json.loads(json.dumps(report, allow_nan=False))
    return stored


@given(st.dictionaries(st.text(), anything, max_size=5) | anything)
def test_report_never_raises_and_lossless_means_an_exact_replay(body: object) -> None:
    stored = stored_report(body)
    if "json" in stored["body"]:
        assert same_json(vodsnap.DecodeError.body_from_report(stored), body)
    elif "repr" in stored["body"]:
        with pytest.raises(ValueError, match="losslessly"):
            vodsnap.DecodeError.body_from_report(stored)
    else:  # str and bytes are always kept
        assert vodsnap.DecodeError.body_from_report(stored) == body


@given(st.dictionaries(st.text(), exact_json, max_size=5))
def test_every_mapping_json_gives_back_exactly_is_stored_as_json(body: dict[str, Any]) -> None:
    stored = stored_report(body)
    assert stored["body"] == {"type": "mapping", "json": body}
    assert same_json(vodsnap.DecodeError.body_from_report(stored), body)


@pytest.mark.parametrize(
    "body",
    [
        {"vid": 1, 1: 2},  # json.dumps writes the key 1 as "1"
        {"1": "a", 1: "b"},  # ... and then two keys "1"
        {"vid": float("nan")},
        {"vid": float("inf")},
        {"vid": (1, 2)},  # a tuple comes back a list
        {"vid": 10**5000},  # past the int-to-text limit
        {"vid": Text("a")},
        {"vid": Number(5)},
        {True: 1},
        {None: 1},
        nested(300),  # deeper than json.dumps(report) could go
    ],
    ids=[
        *("int-key", "int-and-str-key", "nan", "inf", "tuple", "long-int", "str-subclass"),
        *("int-subclass", "bool-key", "none-key", "300-deep"),
    ],
)
def test_what_json_would_change_is_stored_as_a_repr(body: dict[Any, Any]) -> None:
    stored = stored_report(body)
    assert stored["body"]["type"] == "mapping"
    assert set(stored["body"]) == {"type", "repr"}
    with pytest.raises(ValueError, match="losslessly"):
        vodsnap.DecodeError.body_from_report(stored)


def test_any_mapping_of_json_values_is_stored_as_json() -> None:
    body = MappingProxyType({"a": [1, -0.0, {"b": None}], "c": nested(200)})
    stored = stored_report(body)
    assert vodsnap.DecodeError.body_from_report(stored) == body
    assert same_json(vodsnap.DecodeError.body_from_report(stored), body)


@pytest.mark.parametrize(
    "body",
    [nested(100_000), {"a": 10**5000}, 10**5000, [nested(100_000)]],
    ids=["100000-deep", "5000-digit-int-inside", "5000-digit-int", "deep-list"],
)
def test_reports_of_hostile_bodies_do_not_raise(body: object) -> None:
    with pytest.raises((RecursionError, ValueError)):
        repr(body)  # what the report's lossy form would have called
    stored = stored_report(body)
    assert "repr" in stored["body"]
    assert len(stored["body"]["repr"]) <= 1_000


def test_a_failed_pull_entry_reports_its_entry() -> None:
    response: dict[str, Any] = {
        "code": 0,
        "message": "",
        "eventList": [{"msgHandle": "h", "eventContent": 5}],
    }
    [pulled] = vodsnap.parse_pull_event(response).events
    assert pulled.error is not None
    entry = response["eventList"][0]
    stored = stored_report(pulled.error.body)
    assert stored["body"] == {"type": "mapping", "json": entry}
    assert same_json(vodsnap.DecodeError.body_from_report(stored), entry)


@pytest.mark.parametrize(
    "report", [{}, {"body": 5}, {"body": {"type": "str"}}, {"body": {"type": "bytes"}}, []]
)
def test_what_is_no_report_is_a_value_error(report: Any) -> None:
    with pytest.raises(ValueError, match="report"):
        vodsnap.DecodeError.body_from_report(report)
