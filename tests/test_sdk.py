"""The official SDK (``tencentcloud-sdk-python-vod``) as an independent producer of API 3.0 bodies.

Bodies are built with the SDK's own models (``EventContent``, ``SnapshotByTimeOffsetTask2017``,
``SnapshotByTimeOffset2017``, ``PullEventsResponse``) and written by its ``to_json_string()``,
which writes every key of ``EventContent`` (``null`` where unused). Every snapshot field they
carry must reach vodsnap's models.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import vodsnap
from support import of_type

sdk = pytest.importorskip("tencentcloud.vod.v20180717.models")

SNAPSHOT_EVENT = "CreateSnapshotByTimeOffsetComplete"

_integers = st.integers(min_value=-(2**53), max_value=2**53)


@st.composite
def sdk_pictures(draw: st.DrawFn) -> Any:
    """A ``SnapshotByTimeOffset2017``: a success with its URL, or a failure with or without."""
    picture = sdk.SnapshotByTimeOffset2017()
    picture.ErrCode = draw(st.just(0) | _integers)
    picture.TimeOffset = draw(st.integers(min_value=0, max_value=2**53))
    picture.Url = draw(st.text()) if picture.ErrCode == 0 else draw(st.none() | st.text())
    return picture


@st.composite
def sdk_events(draw: st.DrawFn, handles: st.SearchStrategy[str | None]) -> Any:
    """An ``EventContent`` of type CreateSnapshotByTimeOffsetComplete, with a handle or not."""
    task = sdk.SnapshotByTimeOffsetTask2017()
    task.TaskId = draw(st.text())
    task.FileId = draw(st.text() | st.integers(min_value=0, max_value=10**20).map(str))
    task.Definition = draw(st.integers(min_value=0, max_value=2**31))
    task.SnapshotInfoSet = draw(st.lists(sdk_pictures(), max_size=5))
    event = sdk.EventContent()
    event.EventType = SNAPSHOT_EVENT
    event.EventHandle = draw(handles)
    event.SnapshotByTimeOffsetCompleteEvent = task
    return event


def assert_carried(model: object, event: Any) -> None:
    """Every field of the SDK's event is in the model."""
    assert isinstance(model, vodsnap.SnapshotByTimeOffsetComplete)
    task = event.SnapshotByTimeOffsetCompleteEvent
    assert model.event_type == event.EventType
    assert model.wire_format is vodsnap.EventFormat.API3
    data = model.data
    assert (data.vod_task_id, data.file_id, data.definition) == (
        task.TaskId,
        task.FileId,
        task.Definition,
    )
    assert [(p.status, p.time_offset, p.url) for p in data.pic_info] == [
        (p.ErrCode, p.TimeOffset, p.Url) for p in task.SnapshotInfoSet
    ]
    assert model.succeeded == all(p.ErrCode == 0 for p in task.SnapshotInfoSet)


@given(sdk_events(st.none() | st.text()))
def test_a_pushed_sdk_event_reaches_the_model(event: Any) -> None:
    body = event.to_json_string()
    assert json.loads(body)["ProcedureStateChangeEvent"] is None  # every key, null where unused
    for strict in (False, True):
        model = vodsnap.parse(body, strict=strict)
        assert_carried(model, event)
        assert (
            of_type(vodsnap.SnapshotByTimeOffsetComplete, model).event_handle == event.EventHandle
        )
        assert vodsnap.parse(vodsnap.to_wire(model)) == model


@given(st.lists(sdk_events(st.text()), max_size=4), st.text())  # pulled events have handles
def test_pulled_sdk_events_reach_the_models(events: list[Any], request_id: str) -> None:
    response = sdk.PullEventsResponse()
    response.EventSet = events
    response.RequestId = request_id
    # The SDK writes the response without the HTTP API's "Response" wrapper: put it back.
    body = {"Response": json.loads(response.to_json_string())}
    pulled = vodsnap.parse_pull_events(body)
    assert (pulled.ok, pulled.request_id) == (True, request_id)
    assert len(pulled.events) == len(events)
    for entry, event in zip(pulled.events, events, strict=True):
        assert entry.error is None, entry.error
        assert entry.msg_handle == event.EventHandle
        assert_carried(entry.event, event)
    assert vodsnap.parse_pull_events(vodsnap.to_wire(pulled)) == pulled


@given(sdk_events(st.none() | st.text()), st.data())
def test_an_sdk_picture_with_errcode_0_and_no_url_is_refused(event: Any, data: Any) -> None:
    """The SDK writes an unset ``Url`` as ``null``: with ``ErrCode`` 0 that is a picture taken
    without its image, refused at its ``Url`` whatever else the event holds."""
    pictures = event.SnapshotByTimeOffsetCompleteEvent.SnapshotInfoSet
    bad = sdk.SnapshotByTimeOffset2017()
    bad.ErrCode, bad.TimeOffset = 0, data.draw(st.integers(min_value=0, max_value=2**53))
    index = data.draw(st.integers(min_value=0, max_value=len(pictures)))
    pictures.insert(index, bad)
    body = event.to_json_string()
    assert json.loads(body)["SnapshotByTimeOffsetCompleteEvent"]["SnapshotInfoSet"][index] == {
        "ErrCode": 0,
        "TimeOffset": bad.TimeOffset,
        "Url": None,
    }
    for strict in (False, True):
        with pytest.raises(vodsnap.DecodeError) as caught:
            vodsnap.parse(body, strict=strict)
        path = f"$.SnapshotByTimeOffsetCompleteEvent.SnapshotInfoSet[{index}].Url"
        assert [e.path for e in caught.value.errors] == [path]
