"""Pull responses of both generations: every event on its own, every handle kept."""

from __future__ import annotations

import json
import typing
from typing import Any, cast

import pytest
from hypothesis import given
from hypothesis import strategies as st

import vodsnap
from strategies import any_event_body, as_api3, json_values, snapshot_event_bodies
from support import EXAMPLES, schema_validator
from vodsnap import testing
from vodsnap._wire.registry import envelope_of

V4 = json.loads((EXAMPLES / "snapshot-event-success.json").read_text())
FAILED = json.loads((EXAMPLES / "snapshot-event-failure.json").read_text())
UNKNOWN = {"version": "4.0", "eventType": "NewFileUpload", "data": {"fileId": "1"}}
MALFORMED = {
    "version": "4.0",
    "eventType": "CreateSnapshotByTimeOffsetComplete",
    "data": {"fileId": 1},
}


def old_response(*contents: Any, code: int = 0) -> dict[str, Any]:
    return {
        "code": code,
        "message": "",
        "eventList": [{"msgHandle": f"h{i}", "eventContent": c} for i, c in enumerate(contents)],
    }


def test_an_old_response_with_numeric_version_and_an_unknown_event_between() -> None:
    body = old_response(dict(V4, version=4), UNKNOWN, FAILED)
    response = vodsnap.parse_pull_event(json.dumps(body))
    assert response.ok
    assert response.api_error is None
    assert [e.msg_handle for e in response.events] == ["h0", "h1", "h2"]
    assert [type(e.event).__name__ for e in response.events] == [
        "SnapshotByTimeOffsetComplete",
        "UnknownEvent",
        "SnapshotByTimeOffsetComplete",
    ]
    assert all(e.error is None for e in response.events)
    assert response.events[0].event == vodsnap.parse(V4)


def test_one_malformed_event_hides_no_other() -> None:
    body = old_response(V4, MALFORMED, FAILED)
    response = vodsnap.parse_pull_event(body)
    bad = response.events[1]
    assert (bad.msg_handle, bad.event) == ("h1", None)
    assert bad.error is not None
    assert bad.error.body == body["eventList"][1]  # the entry, exactly as received
    assert [(e.path, e.message) for e in bad.error.errors] == [
        ("$.eventContent.data.vodTaskId", "required field missing"),
        ("$.eventContent.data.definition", "required field missing"),
        ("$.eventContent.data.picInfo", "required field missing"),
    ]
    assert [e.event is not None for e in response.events] == [True, False, True]


def test_entries_without_a_usable_handle_are_errors_too() -> None:
    body = {
        "code": 0,
        "message": "",
        "eventList": [{"eventContent": V4}, 5, {"msgHandle": 1, "eventContent": V4}],
    }
    events = vodsnap.parse_pull_event(body).events
    assert [e.msg_handle for e in events] == [None, None, None]
    assert [[x.path for x in e.error.errors] for e in events if e.error] == [
        ["$.msgHandle"],
        ["$"],
        ["$.msgHandle"],
    ]


def test_a_failed_pull_maps_its_code() -> None:
    response = vodsnap.parse_pull_event({"code": 4100, "message": "auth failed"})
    assert (response.ok, response.api_error, response.events) == (
        False,
        vodsnap.ApiErrorCode.AUTHENTICATION_FAILED,
        (),
    )
    assert vodsnap.parse_pull_event({"code": 7, "message": ""}).api_error is None


def test_a_malformed_response_is_one_decode_error() -> None:
    with pytest.raises(vodsnap.DecodeError) as info:
        vodsnap.parse_pull_event({"message": 1, "eventList": {}})
    assert [e.path for e in info.value.errors] == ["$.code", "$.message", "$.eventList"]


def test_strict_findings_inside_one_event_stay_with_that_event() -> None:
    text = json.dumps(old_response(V4, V4)).replace(
        '"msgHandle": "h1"', '"msgHandle": "h1", "x": NaN'
    )
    response = vodsnap.parse_pull_event(text, strict=True)
    assert response.events[0].event is not None
    error = response.events[1].error
    assert error is not None
    assert [(e.path, e.message) for e in error.errors] == [("$.x", "NaN is not a JSON number")]
    with pytest.raises(vodsnap.DecodeError, match="duplicate key"):
        vodsnap.parse_pull_event(text.replace('"code": 0', '"code": 0, "code": 0'), strict=True)


def test_api3_response() -> None:
    body = {
        "Response": {
            "EventSet": [
                as_api3(V4, "e0"),
                {"EventType": "NewFileUpload", "EventHandle": "e1"},
                as_api3(V4),
            ],
            "RequestId": "req-1",
        }
    }
    response = vodsnap.parse_pull_events(body)
    assert (response.ok, response.request_id) == (True, "req-1")
    assert [e.msg_handle for e in response.events] == ["e0", "e1", None]
    assert response.events[0].event == vodsnap.parse(V4)
    assert isinstance(response.events[1].event, vodsnap.UnknownEvent)
    assert response.events[2].error is not None
    assert [x.path for x in response.events[2].error.errors] == ["$.EventHandle"]


def test_api3_error_response() -> None:
    body = {"Response": {"Error": {"Code": "AuthFailure", "Message": "no"}, "RequestId": "r"}}
    response = vodsnap.parse_pull_events(body)
    assert (response.ok, response.error_code, response.error_message, response.events) == (
        False,
        "AuthFailure",
        "no",
        (),
    )
    assert vodsnap.to_wire(response) == {"Response": {"EventSet": [], **body["Response"]}}


def test_parse_pull_recognises_the_generation() -> None:
    assert isinstance(vodsnap.parse_pull(old_response(V4)), vodsnap.PullEventResponse)
    assert isinstance(
        vodsnap.parse_pull({"Response": {"RequestId": "r"}}), vodsnap.PullEventsResponse
    )


@given(st.lists(any_event_body, max_size=4), st.data())
def test_old_responses_round_trip(contents: list[dict[str, Any]], data: st.DataObject) -> None:
    events_only = typing.get_args(vodsnap.Event)  # not fast snapshots, not Cloud Live
    assert all(isinstance(vodsnap.parse(e), events_only) for e in contents)
    body = old_response(*contents)
    bad_at = data.draw(st.none() | st.integers(0, len(contents)))
    if bad_at is not None:
        body["eventList"].insert(bad_at, {"msgHandle": "bad", "eventContent": {"eventType": 1}})
    response = vodsnap.parse_pull_event(body)
    assert len(response.events) == len(body["eventList"])
    assert sum(e.error is not None for e in response.events) == (bad_at is not None)
    assert vodsnap.parse_pull_event(vodsnap.to_wire(response)) == response


@given(st.lists(snapshot_event_bodies(task_status=False), max_size=4))
def test_api3_responses_round_trip(events: list[dict[str, Any]]) -> None:
    body = {
        "Response": {
            "EventSet": [as_api3(e, f"h{i}") for i, e in enumerate(events)],
            "RequestId": "r",
        }
    }
    response = vodsnap.parse_pull_events(json.dumps(body))
    assert [e.event for e in response.events] == [vodsnap.parse(e) for e in events]
    assert vodsnap.to_wire(response) == body


@pytest.mark.parametrize("strict", [False, True])
def test_null_event_lists_mean_no_events(strict: bool) -> None:
    old = {"code": 0, "message": "", "eventList": None}
    new = {"Response": {"EventSet": None, "RequestId": "r"}}
    assert vodsnap.parse_pull_event(json.dumps(old), strict=strict).events == ()
    assert vodsnap.parse_pull_events(json.dumps(new), strict=strict).events == ()
    assert vodsnap.parse_pull(json.dumps(new), strict=strict).events == ()


@given(st.lists(snapshot_event_bodies(task_status=False), max_size=3), st.booleans())
def test_the_sdks_own_serialisation_without_the_response_wrapper(
    events: list[dict[str, Any]], strict: bool
) -> None:
    inner = {"EventSet": [as_api3(e, f"h{i}") for i, e in enumerate(events)], "RequestId": "r"}
    response = vodsnap.parse_pull_events(json.dumps(inner), strict=strict)
    assert response == vodsnap.parse_pull_events(json.dumps({"Response": inner}), strict=strict)
    assert not response.wrapped
    assert vodsnap.parse_pull(json.dumps(inner), strict=strict) == response
    assert vodsnap.to_wire(response) == inner  # written back as it came
    assert [e.event for e in response.events] == [vodsnap.parse(e) for e in events]


def test_an_unwrapped_response_without_its_request_id_says_so() -> None:
    with pytest.raises(vodsnap.DecodeError) as info:
        vodsnap.parse_pull({"EventSet": []})
    assert [str(e) for e in info.value.errors] == ["$.RequestId: required field missing"]


def test_a_null_event_handle_is_reported_as_null() -> None:
    entry = as_api3(V4) | {"EventHandle": None}
    response = vodsnap.parse_pull_events({"EventSet": [entry], "RequestId": "r"})
    [pulled] = response.events
    assert pulled.error is not None
    assert [str(e) for e in pulled.error.errors] == [
        "$.EventHandle: expected the handle to confirm the event with, got null"
    ]


def test_a_number_python_will_not_convert_is_that_events_error_at_its_path() -> None:
    huge = "9" * 5000
    good = {"msgHandle": "a", "eventContent": V4}
    text = json.dumps(
        {"code": 0, "message": "", "eventList": [good, {"msgHandle": "b", "eventContent": "X"}]}
    ).replace('"X"', json.dumps(UNKNOWN).replace('"1"', huge))
    response = vodsnap.parse_pull(text.encode())
    assert response.events[0].event == vodsnap.parse(V4)
    assert response.events[1].msg_handle == "b"
    assert response.events[1].error is not None
    assert [str(e) for e in response.events[1].error.errors] == [
        "$.eventContent.data.fileId: too many digits (5000)"
    ]


@pytest.mark.parametrize("strict", [False, True])
def test_a_4_0_event_in_an_event_set_says_so_and_keeps_its_handle(strict: bool) -> None:
    """PullEvents sends API 3.0 events: an entry holding a 4.0 event beside its (present)
    ``EventHandle`` fails for its shape, never for a handle it has, which is kept to confirm."""
    entries = [V4 | {"EventHandle": "h"}, V4, {"EventHandle": "h2", "TaskId": "t"}]
    response = vodsnap.parse_pull_events({"EventSet": entries, "RequestId": "r"}, strict=strict)
    assert [e.msg_handle for e in response.events] == ["h", None, "h2"]
    problems = [[(x.path, x.message) for x in e.error.errors] for e in response.events if e.error]
    wrong_shape = (
        "$",
        "expected an API 3.0 event ('EventType' and its payload), got a 4.0 event "
        "('eventType'): PullEvents sends events in the API 3.0 shape",
    )
    assert problems == [[wrong_shape], [wrong_shape], [("$.EventType", "required field missing")]]


@pytest.mark.parametrize(
    "response",
    [
        {"Response": {"Error": {"Code": "ResourceNotFound", "Message": "m"}, "RequestId": "r"}},
        {"Response": {"EventSet": None, "RequestId": "r"}},
        {"Response": {"EventSet": [], "RequestId": "r"}},
        {"Response": {"RequestId": "r"}},
        {"EventSet": None, "RequestId": "r"},
    ],
)
def test_an_empty_queue_is_queue_empty_however_pullevents_says_it(
    response: dict[str, Any],
) -> None:
    """PullEvents answers an empty queue with the error ``ResourceNotFound``; ``ok`` stays a
    statement about the pull, ``queue_empty`` says there was nothing to pull."""
    pulled = vodsnap.parse_pull_events(response)
    assert pulled.queue_empty
    assert pulled.events == ()
    assert pulled.ok is ("Error" not in response.get("Response", {}))


def test_a_failed_pull_or_one_with_events_is_not_an_empty_queue() -> None:
    failed = {"Response": {"Error": {"Code": "AuthFailure", "Message": "no"}, "RequestId": "r"}}
    assert not vodsnap.parse_pull_events(failed).queue_empty
    full = {"Response": {"EventSet": [as_api3(V4, "h")], "RequestId": "r"}}
    assert not vodsnap.parse_pull_events(full).queue_empty
    broken = {"Response": {"EventSet": [{"EventHandle": "h"}], "RequestId": "r"}}
    assert not vodsnap.parse_pull_events(broken).queue_empty  # an event came, undecodable


@pytest.mark.parametrize(
    ("body", "empty"),
    [
        ({"code": 0, "message": "", "eventList": []}, True),
        ({"code": 0, "message": "", "eventList": None}, True),
        ({"code": 0, "message": ""}, True),
        ({"code": 0, "message": "", "eventList": [{"msgHandle": "h", "eventContent": V4}]}, False),
        # One old sample of Tencent's reads 4000 as "no events"; the documentation lists it as
        # an invalid parameter: not guessed to be an empty queue.
        ({"code": 4000, "message": ""}, False),
    ],
)
def test_the_old_pullevent_is_queue_empty_only_with_code_0(
    body: dict[str, Any], empty: bool
) -> None:
    response = vodsnap.parse_pull_event(body)
    assert response.queue_empty is empty
    if body["code"] == 4000:
        assert response.api_error is vodsnap.ApiErrorCode.INVALID_PARAMETER


@given(testing.pull_response_bodies(), st.lists(json_values(max_leaves=4), max_size=2))
def test_every_pull_response_passes_its_envelopes_schema(body: Any, extra: list[Any]) -> None:
    """The schema never refuses a response that decodes: not the kit's, nor one with entries
    that are no events (each is its event's error, not the response's)."""
    pytest.importorskip("jsonschema")
    envelope = envelope_of(body)
    assert envelope is not None
    entries = envelope.entries(body)
    if isinstance(entries, list):
        entries.extend(extra)
    response = vodsnap.parse_pull(body)
    assert type(response) is envelope.model
    schema_validator(cast(Any, envelope.name)).validate(body)


@pytest.mark.parametrize(
    ("name", "body"),
    [
        ("pull-event", {"message": "", "eventList": []}),  # no code
        ("pull-event", {"code": 0, "eventList": {}}),
        ("pull-events", {"Response": {"EventSet": []}}),  # no RequestId
        ("pull-events", {"Response": {"RequestId": "r", "Error": {"Message": "m"}}}),
        ("pull-events", {"EventSet": [], "RequestId": 1}),
    ],
)
def test_a_response_its_schema_refuses_does_not_decode(name: str, body: Any) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    assert not jsonschema.Draft202012Validator(vodsnap.json_schema(cast(Any, name))).is_valid(body)
    with pytest.raises(vodsnap.DecodeError):
        vodsnap.parse_pull(body)
