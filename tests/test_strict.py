"""strict=True: each rule on its own, and every problem reported together."""

from __future__ import annotations

import json
from typing import Any

import pytest

import vodsnap
from support import EXAMPLES, errors_of, of_type

FAST = (EXAMPLES / "fast-snapshot-success.json").read_text()
EVENT = (EXAMPLES / "snapshot-event-success.json").read_text()
PARSERS = [vodsnap.parse, vodsnap.parse_event, vodsnap.parse_fast_snapshot]


def strict_errors(body: object, parser: Any = vodsnap.parse) -> list[tuple[str, str]]:
    return errors_of(body, parser, strict=True)


def test_the_documentation_examples_are_strictly_valid(example_bytes: dict[str, bytes]) -> None:
    for body in example_bytes.values():
        assert vodsnap.parse(body, strict=True) == vodsnap.parse(body)


def test_unknown_fields_are_errors_at_every_level() -> None:
    body = json.loads(EVENT)
    body["x"] = 1
    body["data"]["y"] = 2
    body["data"]["picInfo"][1]["z"] = 3
    assert strict_errors(body) == [
        ("$.data.picInfo[1].z", "unexpected field"),
        ("$.data.y", "unexpected field"),
        ("$.x", "unexpected field"),
    ]
    assert vodsnap.parse(body) == vodsnap.parse(EVENT)  # lenient: ignored


def test_unknown_events_data_is_free_but_its_envelope_is_not() -> None:
    body = {"version": "4.0", "eventType": "NewFileUpload", "data": {"anything": [1]}}
    assert isinstance(vodsnap.parse(body, strict=True), vodsnap.UnknownEvent)
    assert strict_errors({**body, "extra": 1}) == [("$.extra", "unexpected field")]


def test_either_deletion_flag_name_is_not_unexpected() -> None:
    body = json.loads(FAST)
    body["delete"] = body.pop("deleted")
    assert of_type(vodsnap.FastSnapshotCallback, vodsnap.parse(body, strict=True)).deleted is False
    body["deleted"] = "no"
    assert of_type(vodsnap.FastSnapshotCallback, vodsnap.parse(body, strict=True)).deleted is False


def test_duplicate_keys_are_errors_where_they_are() -> None:
    body = EVENT.replace('"fileId"', '"fileId": "1", "fileId"').replace(
        '"version"', '"version": "4.0", "version"'
    )
    assert strict_errors(body) == [
        ("$.version", "duplicate key"),
        ("$.data.fileId", "duplicate key"),
    ]
    assert vodsnap.parse(body)  # lenient: the last one wins


@pytest.mark.parametrize("constant", ["NaN", "Infinity", "-Infinity", "1e999", "-1e400"])
def test_non_finite_numbers_are_errors(constant: str) -> None:
    body = '{"version": "4.0", "eventType": "X", "data": {"a": [1, CONSTANT]}}'
    body = body.replace("CONSTANT", constant)
    assert strict_errors(body) == [("$.data.a[1]", f"{constant} is not a JSON number")]
    assert vodsnap.parse(body)  # lenient: Python's json reads them


def test_non_finite_numbers_in_a_mapping_are_errors() -> None:
    body = {"version": "4.0", "eventType": "X", "data": {"a": float("-inf")}}
    assert strict_errors(body) == [("$.data.a", "-Infinity is not a JSON number")]


@pytest.mark.parametrize("name", ["app_id", "duration", "width", "height"])
def test_numbers_as_strings_are_errors(name: str) -> None:
    body = json.loads(FAST)
    body[name] = str(body[name])
    [(path, message)] = strict_errors(body)
    assert path == f"$.{name}"
    assert "got the string" in message


def test_numbers_as_strings_in_pictures_are_errors() -> None:
    body = json.loads(EVENT)
    body["data"]["definition"] = "10"
    body["data"]["picInfo"][0]["timeOffset"] = "1"
    assert [p for p, _ in strict_errors(body)] == [
        "$.data.definition",
        "$.data.picInfo[0].timeOffset",
    ]


def test_documented_dual_types_stay_accepted() -> None:
    body = json.loads(EVENT)
    body["version"] = 4
    body["data"]["fileId"] = 14508071098244929440
    assert vodsnap.parse(body, strict=True) == vodsnap.parse(EVENT)
    fast = json.loads(FAST)
    fast["error_code"] = 118
    assert (
        of_type(vodsnap.FastSnapshotCallback, vodsnap.parse(fast, strict=True)).error_code == "118"
    )


def test_lenient_time_forms_are_errors() -> None:
    body = json.loads(FAST)
    body["create_time"] = "2018/08/23 16:25:18"
    assert [p for p, _ in strict_errors(body)] == ["$.create_time"]
    body["create_time"] = "2018-08-23T08:25:18Z"
    assert vodsnap.parse(body, strict=True)


def test_every_strict_problem_is_reported_once_together() -> None:
    body = FAST.replace('"vid"', '"vid": "a", "foo": NaN, "vid"').replace(
        '"width":3840', '"width":"3840"'
    )
    assert strict_errors(body) == [
        ("$.vid", "duplicate key"),
        ("$.foo", "NaN is not a JSON number"),
        ("$.width", "expected an integer, got the string '3840'"),
    ]


@pytest.mark.parametrize("parser", PARSERS)
def test_every_parser_takes_strict(parser: Any) -> None:
    with pytest.raises(vodsnap.DecodeError, match="unexpected field"):
        parser(
            {"eventType": "X", "version": "4.0", "data": {}, "vid": "x", "extra": 1}, strict=True
        )


@pytest.mark.parametrize("status", ["5", "4", 5])
def test_status_is_typed_as_a_string_by_the_docs_so_strict_accepts_its_text(
    status: str | int,
) -> None:
    body = json.loads(FAST)
    body["status"] = status
    assert vodsnap.parse_fast_snapshot(body, strict=True).status == int(status)
