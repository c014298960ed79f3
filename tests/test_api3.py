"""The event in API 3.0's shape: the same model as the 4.0 shape, written back as it came."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given

import vodsnap
from strategies import API3_OTHER_EVENT_KEYS, as_api3, snapshot_event_bodies
from support import EXAMPLES, of_type
from vodsnap import EventFormat

V4 = json.loads((EXAMPLES / "snapshot-event-success.json").read_text())


def published(v4: dict[str, Any], handle: str = "EventHandle-1") -> str:
    """As Tencent publishes 3.0 bodies: every other event key null, indented with tabs."""
    body = as_api3(v4, handle)
    body |= dict.fromkeys(API3_OTHER_EVENT_KEYS)
    return json.dumps(body, indent="\t")


def test_same_model_as_the_4_0_shape() -> None:
    text = published(V4)
    assert "\t" in text
    assert "null" in text
    v3, v4 = vodsnap.parse(text), of_type(vodsnap.SnapshotByTimeOffsetComplete, vodsnap.parse(V4))
    assert v3 == v4
    assert hash(v3) == hash(v4)
    assert isinstance(v3, vodsnap.SnapshotByTimeOffsetComplete)
    assert v3.data == v4.data
    assert (v3.wire_format, v4.wire_format) == (EventFormat.API3, EventFormat.V4)
    assert (v3.event_handle, v4.event_handle) == ("EventHandle-1", None)
    assert v3 == vodsnap.parse_event(text)


def test_to_wire_writes_the_shape_it_came_in() -> None:
    v3 = vodsnap.parse(published(V4))
    wire = vodsnap.to_wire(v3)
    assert wire == as_api3(V4, "EventHandle-1")
    again = of_type(vodsnap.SnapshotByTimeOffsetComplete, vodsnap.parse(wire))
    assert again.wire_format is EventFormat.API3
    assert again.event_handle == "EventHandle-1"
    assert vodsnap.to_wire(vodsnap.parse(V4)) == V4


@given(snapshot_event_bodies(task_status=False))
def test_any_event_is_the_same_in_both_shapes(body: dict[str, Any]) -> None:
    v3 = vodsnap.parse(as_api3(body))
    assert v3 == vodsnap.parse(body)
    assert vodsnap.to_wire(v3) == as_api3(body)
    assert (
        of_type(
            vodsnap.SnapshotByTimeOffsetComplete, vodsnap.parse(vodsnap.to_wire(v3))
        ).wire_format
        is EventFormat.API3
    )


def test_errors_carry_the_3_0_names() -> None:
    body = as_api3(V4)
    payload = body["SnapshotByTimeOffsetCompleteEvent"]
    del payload["TaskId"]
    payload["Definition"] = "ten"
    payload["SnapshotInfoSet"][1]["ErrCode"] = None
    body["EventHandle"] = 3
    with pytest.raises(vodsnap.DecodeError) as info:
        vodsnap.parse(body)
    assert [(e.path, e.message) for e in info.value.errors] == [
        ("$.EventHandle", "expected a string, got the number 3"),
        ("$.SnapshotByTimeOffsetCompleteEvent.TaskId", "required field missing"),
        (
            "$.SnapshotByTimeOffsetCompleteEvent.Definition",
            "expected an integer, got the string 'ten'",
        ),
        (
            "$.SnapshotByTimeOffsetCompleteEvent.SnapshotInfoSet[1].ErrCode",
            "expected an integer, got null",
        ),
    ]


def test_other_event_types_are_unknown_events_holding_the_whole_body() -> None:
    body = {
        "EventHandle": "h",
        "EventType": "NewFileUpload",
        "FileUploadEvent": {"FileId": "1"},
        "ClipCompleteEvent": None,
    }
    event = vodsnap.parse(body)
    assert isinstance(event, vodsnap.UnknownEvent)
    assert (event.event_type, event.wire_format, event.event_handle) == (
        "NewFileUpload",
        EventFormat.API3,
        "h",
    )
    assert event.data == {"FileUploadEvent": {"FileId": "1"}, "ClipCompleteEvent": None}
    assert vodsnap.to_wire(event) == body


def test_strict_allows_the_null_event_keys_but_nothing_else() -> None:
    assert vodsnap.parse(published(V4), strict=True) == vodsnap.parse(V4)
    body = as_api3(V4) | {"FileUploadEvent": {"FileId": "1"}}
    with pytest.raises(vodsnap.DecodeError) as info:
        vodsnap.parse(body, strict=True)
    assert [(e.path, e.message) for e in info.value.errors] == [
        ("$.FileUploadEvent", "unexpected field")
    ]


def test_event_type_must_be_a_string() -> None:
    with pytest.raises(vodsnap.DecodeError) as info:
        vodsnap.parse({"EventType": None})
    assert [e.path for e in info.value.errors] == ["$.EventType"]
