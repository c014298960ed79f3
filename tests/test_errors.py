"""DecodeError: every problem, with its wire path, and the body exactly as given."""

from __future__ import annotations

import json
import pickle

import pytest

import vodsnap
from vodsnap import DecodeError, FieldError


def broken_event() -> bytes:
    return json.dumps(
        {
            "version": "4.0",
            "eventType": "CreateSnapshotByTimeOffsetComplete",
            "data": {
                "fileId": "1",
                "definition": "ten",
                "picInfo": [
                    {"timeOffset": 1, "status": 0},
                    {"status": 0},
                    {"timeOffset": 2.5, "status": "x"},
                ],
            },
        }
    ).encode()


def test_every_problem_is_listed_with_its_wire_path() -> None:
    body = broken_event()
    with pytest.raises(DecodeError) as info:
        vodsnap.parse(body)
    assert [(e.path, e.message) for e in info.value.errors] == [
        ("$.data.vodTaskId", "required field missing"),
        ("$.data.definition", "expected an integer, got the string 'ten'"),
        ("$.data.picInfo[1].timeOffset", "required field missing"),
        ("$.data.picInfo[2].timeOffset", "expected an integer, got the number 2.5"),
        ("$.data.picInfo[2].status", "expected an integer, got the string 'x'"),
    ]


def test_the_body_is_kept_exactly_as_given() -> None:
    for body in (
        broken_event(),
        bytearray(broken_event()),
        broken_event().decode(),
        json.loads(broken_event()),
    ):
        with pytest.raises(DecodeError) as info:
            vodsnap.parse(body)  # type: ignore[arg-type]
        assert info.value.body is body


def test_str_is_one_line_per_problem() -> None:
    with pytest.raises(DecodeError) as info:
        vodsnap.parse(broken_event())
    lines = str(info.value).splitlines()
    assert len(lines) == len(info.value.errors) == 5
    assert lines[0] == "$.data.vodTaskId: required field missing"
    assert all(line == str(err) for line, err in zip(lines, info.value.errors, strict=True))


def test_decode_error_is_a_value_error_and_pickles() -> None:
    with pytest.raises(ValueError, match="vodTaskId") as info:
        vodsnap.parse(broken_event())
    again = pickle.loads(pickle.dumps(info.value))
    assert isinstance(again, DecodeError)
    assert (again.errors, again.body) == (info.value.errors, info.value.body)


def test_decode_error_needs_a_problem() -> None:
    with pytest.raises(ValueError, match="at least one"):
        DecodeError([], b"")
    err = DecodeError([FieldError("$", "bad")], b"x")
    assert (str(err), err.errors, err.body) == ("$: bad", (FieldError("$", "bad"),), b"x")


def test_keys_that_are_not_identifiers_are_quoted_in_paths() -> None:
    body = {"version": "4.0", "eventType": "X", "data": {"a b": {"c.d": [1, {"e": {1}}]}}}
    with pytest.raises(DecodeError) as info:
        vodsnap.parse(body)
    assert [e.path for e in info.value.errors] == ['$.data["a b"]["c.d"][1].e']


def test_no_cattrs_exception_escapes_the_converter_error_path() -> None:
    # Deep unknown data is refused at a path, not with a RecursionError.
    data: dict[str, object] = {}
    node = data
    for _ in range(200):
        node["a"] = {}
        node = node["a"]  # type: ignore[assignment]
    with pytest.raises(DecodeError) as info:
        vodsnap.parse({"version": "4.0", "eventType": "X", "data": data})
    [error] = info.value.errors
    assert error.path.startswith("$.data.a.a.a")
    assert "nested deeper" in error.message
