"""Which shape a body is: by its keys, not by one key."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Any, cast

import cattrs
import pytest

import vodsnap
from support import errors_of


@pytest.mark.parametrize("key", ["vid", "app_id", "bucket_name", "status", "result", "delete"])
def test_any_fast_snapshot_key_makes_a_fast_snapshot(key: str) -> None:
    errors = errors_of({key: None})
    assert ("$.vid", "required field missing") in errors or key == "vid"
    assert all(path != "$" for path, _ in errors)


def test_missing_vid_is_reported_as_such(example_bytes: dict[str, bytes]) -> None:
    import json

    body = json.loads(example_bytes["fast-snapshot-success"])
    del body["vid"]
    assert errors_of(body) == [("$.vid", "required field missing")]


def test_unknown_event_types_decode_as_unknown_event() -> None:
    body = {
        "version": "4.0",
        "eventType": "NewFileUpload",
        "data": {"fileId": "1", "a": [1, {"b": 2}]},
    }
    event = vodsnap.parse(body)
    assert event == vodsnap.parse_event(body)
    assert isinstance(event, vodsnap.UnknownEvent)
    assert event.event_type == "NewFileUpload"
    assert event.data["a"][1]["b"] == 2
    assert event.data == {"fileId": "1", "a": (1, {"b": 2})}
    with pytest.raises(TypeError):
        cast(Any, event.data)["fileId"] = "2"  # a Mapping: it has no item assignment
    assert vodsnap.to_wire(event) == body
    assert hash(event) == hash(vodsnap.parse(body))


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ({"eventType": "X", "data": {}}, [("$.version", "required field missing")]),
        ({"eventType": "X", "version": "4.0"}, [("$.data", "required field missing")]),
        (
            {"eventType": 3, "version": "4.0", "data": []},
            [
                ("$.eventType", "expected a string, got the number 3"),
                ("$.data", "expected an object, got an array"),
            ],
        ),
    ],
)
def test_malformed_unknown_events_are_errors(
    body: dict[str, Any], expected: list[tuple[str, str]]
) -> None:
    assert errors_of(body) == expected


def test_event_wins_over_fast_snapshot_keys() -> None:
    body = {"eventType": "NewFileUpload", "version": "4.0", "data": {}, "vid": "x"}
    assert isinstance(vodsnap.parse(body), vodsnap.UnknownEvent)


@pytest.mark.parametrize("body", [{}, {"foo": 1}, {"data": {}}, {"version": "4.0"}])
def test_neither_shape_is_one_error_at_the_root(body: dict[str, Any]) -> None:
    [(path, message)] = errors_of(body)
    assert path == "$"
    assert message.startswith("not a snapshot callback")


@pytest.mark.parametrize("body", [[], 1, "s", None, True])
def test_json_that_is_not_an_object(body: object) -> None:
    import json

    [(path, message)] = errors_of(json.dumps(body))
    assert path == "$"
    assert message.startswith("expected an object")


def test_parse_event_rejects_fast_snapshots(example_bytes: dict[str, bytes]) -> None:
    errors = errors_of(example_bytes["fast-snapshot-success"], vodsnap.parse_event)
    assert ("$.eventType", "required field missing") in errors


def test_parse_fast_snapshot_rejects_events(example_bytes: dict[str, bytes]) -> None:
    errors = errors_of(example_bytes["snapshot-event-success"], vodsnap.parse_fast_snapshot)
    assert ("$.vid", "required field missing") in errors


def test_snapshot_event_class_checks_its_event_type() -> None:
    body = {"version": "4.0", "eventType": "Other", "data": {}}
    with pytest.raises(cattrs.ClassValidationError) as info:
        vodsnap.converter.structure(body, vodsnap.SnapshotByTimeOffsetComplete)
    assert [str(e) for e in info.value.exceptions[:1]] == [
        "expected 'CreateSnapshotByTimeOffsetComplete', got the string 'Other'"
    ]


def test_any_mapping_is_accepted(example_bytes: dict[str, bytes]) -> None:
    import json

    body = json.loads(example_bytes["snapshot-event-success"])
    proxy: Mapping[str, Any] = MappingProxyType(body)
    assert vodsnap.parse(proxy) == vodsnap.parse(body)


def test_api3_shape_is_recognised_as_an_event() -> None:
    errors = errors_of({"EventType": "CreateSnapshotByTimeOffsetComplete"})
    assert errors == [("$.SnapshotByTimeOffsetCompleteEvent", "required field missing")]
