"""vodsnap.parse_any: a body that may be pushed or pulled, told apart by its decoded top-level
keys, then decoded exactly as parse or parse_pull decodes it."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import vodsnap
from strategies import is_pull_response, json_values, snapshot_family_bodies
from vodsnap import testing

#: Every top-level key that makes a body a pull response.
PULL_KEYS = ["eventList", "Response", "EventSet", "RequestId"]


def outcome(decode: Callable[..., Any], body: Any, **options: Any) -> Any:
    """The model, or the problems and the body of the ``DecodeError``."""
    try:
        return decode(body, **options)
    except vodsnap.DecodeError as exc:
        return [str(error) for error in exc.errors], exc.body


def expected(body: dict[str, Any], given_as: Any, **options: Any) -> Any:
    decode = vodsnap.parse_pull if is_pull_response(body) else vodsnap.parse
    return outcome(decode, given_as, **options)


@given(
    snapshot_family_bodies(),
    st.booleans(),
    st.none() | st.integers(min_value=8, max_value=16),
    st.booleans(),
)
def test_a_body_decodes_as_parse_or_parse_pull_does(
    body: dict[str, Any], strict: bool, depth: int | None, as_mapping: bool
) -> None:
    limits = None if depth is None else vodsnap.Limits(max_depth=depth)
    given_as = body if as_mapping else testing.encode(body)
    options = {"strict": strict, "limits": limits}
    assert outcome(vodsnap.parse_any, given_as, **options) == expected(body, given_as, **options)


@given(testing.event_bodies(), st.sampled_from(PULL_KEYS), json_values())
def test_a_pull_key_inside_an_event_does_not_make_a_pull_response(
    body: dict[str, Any], key: str, value: Any
) -> None:
    data = "data" if "data" in body else next(k for k in body if k.endswith("Event"))
    body[data] = {**body[data], key: value, "note": f'"{key}": []'}
    raw = testing.encode(body)
    assert key.encode() in raw  # the text a byte sniffer would take for a pull response
    decoded = outcome(vodsnap.parse_any, raw)
    assert decoded == outcome(vodsnap.parse, raw)
    assert not isinstance(decoded, vodsnap.PullEventResponse | vodsnap.PullEventsResponse)


@pytest.mark.parametrize("key", PULL_KEYS)
def test_each_pull_key_makes_a_pull_response(key: str) -> None:
    body: dict[str, Any] = (
        {key: None, "code": 0, "RequestId": "r"} if key != "Response" else {key: {}}
    )
    assert outcome(vodsnap.parse_any, body) == outcome(vodsnap.parse_pull, body)
    assert outcome(vodsnap.parse_any, body) != outcome(vodsnap.parse, body)


def test_a_pushed_body_too_deep_fails_as_parse_fails() -> None:
    body = {"version": "4.0", "eventType": "X", "data": {"a": [[[[[[[{}]]]]]]]}}
    limits = vodsnap.Limits(max_depth=8)
    for given_as in (body, json.dumps(body), json.dumps(body).encode()):
        failed = outcome(vodsnap.parse_any, given_as, limits=limits)
        assert failed == outcome(vodsnap.parse, given_as, limits=limits)
        assert isinstance(failed, tuple)
        assert failed[0] == ["$.data.a[0][0][0][0][0][0]: nested deeper than max_depth=8"]


def test_bad_json_and_other_values_fail_as_parse_fails() -> None:
    for body in (b"", b"  ", b"[]", b"not json", b'{"vid": 1}', b"null"):
        assert outcome(vodsnap.parse_any, body) == outcome(vodsnap.parse, body)


def test_a_pulled_event_too_deep_fails_alone() -> None:
    """The whole response nests past the limit, but only one event does: that event fails."""
    deep: dict[str, Any] = {}
    inner = deep
    for _ in range(40):
        inner["a"] = {}
        inner = inner["a"]
    events = [{"version": "4.0", "eventType": "X", "data": data} for data in (deep, {})]
    body = {
        "code": 0,
        "message": "",
        "eventList": [{"msgHandle": f"h{n}", "eventContent": e} for n, e in enumerate(events)],
    }
    raw = json.dumps(body).encode()
    response = vodsnap.parse_any(raw)
    assert response == vodsnap.parse_pull(raw)
    assert isinstance(response, vodsnap.PullEventResponse)
    assert [pulled.error is None for pulled in response.events] == [False, True]
