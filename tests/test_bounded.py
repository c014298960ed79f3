"""Hostile bodies cost bounded work and give bounded errors (issue 13's second round).

Times and memory are measured in ``benchmarks/hostile.py``, not asserted here; these tests pin
the behaviour that bounds them: limits checked before decoding, errors capped, excerpts short.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import vodsnap
from support import EXAMPLES, errors_of

EVENT: dict[str, Any] = json.loads((EXAMPLES / "snapshot-event-success.json").read_text())
FAST: dict[str, Any] = json.loads((EXAMPLES / "fast-snapshot-success.json").read_text())
MOST = vodsnap.Limits().max_errors


def test_the_new_limits_have_their_defaults() -> None:
    assert vodsnap.Limits().max_events == 100
    assert vodsnap.Limits().max_errors == 100
    with pytest.raises(ValueError, match="max_events"):
        vodsnap.Limits(max_events=0)


@pytest.mark.parametrize("api3", [False, True])
def test_too_many_events_are_refused_before_any_is_decoded(api3: bool) -> None:
    entries: list[Any] = [{}] * 260_000
    body = (
        {"Response": {"EventSet": entries, "RequestId": "r"}}
        if api3
        else {"code": 0, "message": "", "eventList": entries}
    )
    path = "$.Response.EventSet" if api3 else "$.eventList"
    text = json.dumps(body, separators=(",", ":")).encode()
    assert len(text) < vodsnap.Limits().max_body_bytes
    assert errors_of(text, vodsnap.parse_pull) == [
        (path, "260000 events, more than max_events=100")
    ]


def test_many_bad_pictures_give_a_capped_list_of_errors() -> None:
    body = json.loads(json.dumps(EVENT))
    body["data"]["picInfo"] = [{}] * 10_000
    with pytest.raises(vodsnap.DecodeError) as info:
        vodsnap.parse(json.dumps(body).encode())
    errors = info.value.errors
    assert len(errors) == MOST
    assert errors[-1].message.startswith("more problems not listed")
    assert len(str(info.value)) < 10_000
    assert len(repr(info.value)) <= 1_000


@given(st.integers(1, 300))
def test_an_error_list_never_exceeds_max_errors(cap: int) -> None:
    limits = vodsnap.Limits(max_errors=cap)
    text = json.dumps({"version": "4.0", "eventType": "X", "data": {"a": [0] * 500}})
    text = text.replace("0", "NaN")
    with pytest.raises(vodsnap.DecodeError) as info:
        vodsnap.parse(text, strict=True, limits=limits)
    assert 1 <= len(info.value.errors) <= cap
    if cap < 500:
        assert "more problems not listed" in info.value.errors[-1].message


def test_a_long_key_is_quoted_as_an_excerpt() -> None:
    key = "k" * 1_000
    text = '{"version": "4.0", "eventType": "X", "data": {"' + key + '": [NaN, NaN]}}'
    with pytest.raises(vodsnap.DecodeError) as info:
        vodsnap.parse(text, strict=True)
    for error in info.value.errors:
        assert len(error.path) < 120
        assert "(1000 chars)" in error.path


@pytest.mark.parametrize("form", [str, bytearray, memoryview])
def test_a_huge_body_is_refused_by_its_length(form: Any) -> None:
    raw = b'{"vid": "' + b"x" * 5_000_000 + b'"}'
    body = raw.decode() if form is str else form(raw)
    assert errors_of(body) == [("$", f"body is {len(raw)} bytes, more than max_body_bytes=1048576")]


def test_a_non_ascii_str_too_long_by_its_characters_says_at_least() -> None:
    body = "{" + "中" * 1_100_000 + "}"
    [(_, message)] = errors_of(body)
    assert message == "body is at least 1100002 bytes, more than max_body_bytes=1048576"


def test_both_names_of_the_deletion_flag_report_every_bad_value() -> None:
    assert errors_of(FAST | {"delete": "maybe", "deleted": "no"}) == [
        ("$.delete", "expected 'yes' or 'no', got the string 'maybe'"),
        ("$.delete", "conflicts with 'deleted'"),
    ]
    assert errors_of(FAST | {"delete": "maybe", "deleted": "nope"}) == [
        ("$.deleted", "expected 'yes' or 'no', got the string 'nope'"),
        ("$.delete", "expected 'yes' or 'no', got the string 'maybe'"),
        ("$.delete", "conflicts with 'deleted'"),
    ]


def test_a_mapping_cannot_put_into_a_model_what_json_cannot_hold() -> None:
    body = {"version": "4.0", "eventType": "X", "data": {1: 2, "n": 10**5000}}
    assert errors_of(body) == [
        ("$.data.n", "too many digits (more than 4,300)"),
        ("$.data[1]", "a key that is not a string"),
    ]
    fast = FAST | {"app_id": 10**5000}
    assert errors_of(fast) == [("$.app_id", "too many digits (more than 4,300)")]


def test_a_pulled_event_of_a_mapping_keeps_its_problem_to_itself() -> None:
    bad = {"version": "4.0", "eventType": "X", "data": {"n": 10**5000}}
    entries = [{"msgHandle": "a", "eventContent": EVENT}, {"msgHandle": "b", "eventContent": bad}]
    response = vodsnap.parse_pull({"code": 0, "message": "", "eventList": entries})
    assert response.events[0].event == vodsnap.parse(EVENT)
    assert response.events[1].msg_handle == "b"
    assert response.events[1].error is not None
    assert [str(e) for e in response.events[1].error.errors] == [
        "$.eventContent.data.n: too many digits (more than 4,300)"
    ]


def nested(levels: int) -> dict[str, Any]:
    data: dict[str, Any] = {}
    inner = data
    for _ in range(levels):
        inner["a"] = {}
        inner = inner["a"]
    return {"version": "4.0", "eventType": "NewFileUpload", "data": data}


@pytest.mark.parametrize("api3", [False, True])
@pytest.mark.parametrize("levels", [28, 40, 200])
def test_an_event_nested_too_deeply_is_that_events_error(api3: bool, levels: int) -> None:
    deep = nested(levels)
    if api3:
        entries = [
            {"EventType": "X", "EventHandle": "a", "FileUploadEvent": {}},
            {"EventType": "X", "EventHandle": "b", "FileUploadEvent": deep},
        ]
        body: dict[str, Any] = {"Response": {"EventSet": entries, "RequestId": "r"}}
    else:
        entries = [
            {"msgHandle": "a", "eventContent": EVENT},
            {"msgHandle": "b", "eventContent": deep},
        ]
        body = {"code": 0, "message": "", "eventList": entries}
    response = vodsnap.parse_pull(json.dumps(body).encode())
    good, bad = response.events
    assert good.event is not None
    assert bad.msg_handle == "b"
    assert bad.error is not None
    assert any("nested deeper than max_depth=32" in e.message for e in bad.error.errors)


def test_the_envelope_nested_too_deeply_is_still_the_responses_error() -> None:
    body = {"code": 0, "message": "", "eventList": [], "extra": nested(40)}
    [(path, message)] = errors_of(json.dumps(body), vodsnap.parse_pull)
    assert path.startswith("$.extra.data.a")
    assert message == "nested deeper than max_depth=32"


def test_decode_errors_compare_without_raising_on_very_deep_bodies() -> None:
    deep: dict[str, Any] = {}
    inner = deep
    for _ in range(100_000):
        inner["a"] = {}
        inner = inner["a"]
    first = vodsnap.DecodeError([vodsnap.FieldError("$", "x")], deep)
    assert first == vodsnap.DecodeError([vodsnap.FieldError("$", "x")], deep)
    assert first != vodsnap.DecodeError([vodsnap.FieldError("$", "y")], deep)


class _Hostile(dict[str, Any]):
    def get(self, key: str, default: Any = None) -> Any:
        raise RuntimeError("no")


def test_a_mapping_whose_get_raises_is_a_decode_error_when_verifying() -> None:
    with pytest.raises(vodsnap.DecodeError) as info:
        vodsnap.verify_signature(_Hostile(EventType="X"), "key", now=0)
    assert info.value.errors[0].message.startswith("cannot read the body")
