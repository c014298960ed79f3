"""The fast path and the detailed converter accept exactly the same bodies, as the same models.

``parse`` decodes with generated code that stops at the first problem, and asks the detailed
converter only to explain a failure: that is sound only if the two never disagree.
"""

from __future__ import annotations

import json
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from strategies import any_body, json_values, quirked, snapshot_family_bodies
from vodsnap import Limits
from vodsnap._decoder import decoder_for
from vodsnap._models import (
    Callback,
    Event,
    FastSnapshotCallback,
    PullEventResponse,
    PullEventsResponse,
)

TARGETS: list[Any] = [Callback, Event, FastSnapshotCallback]
PULLS: list[Any] = [PullEventResponse, PullEventsResponse]
SMALL = Limits(max_pictures=2, max_snapshots=2, max_depth=8)


def outcome(strict: bool, limits: Limits, detailed: bool, value: Any, target: Any) -> Any:
    decoder = decoder_for(strict, limits)
    try:
        return (decoder.explaining if detailed else decoder.fast).structure(value, target)
    except Exception:
        return "refused"


def agree(value: Any) -> None:
    for strict in (False, True):
        for limits in (Limits(), SMALL):
            for target in TARGETS:
                fast = outcome(strict, limits, False, value, target)
                detailed = outcome(strict, limits, True, value, target)
                assert fast == detailed, (strict, limits, target)
            for target in PULLS:
                # The fast converter gives up on a whole response when one event fails; the
                # explaining one then keeps the others and says what is wrong with that one.
                fast = outcome(strict, limits, False, value, target)
                detailed = outcome(strict, limits, True, value, target)
                if fast != "refused":
                    assert fast == detailed, (strict, limits, target)
                else:
                    assert detailed == "refused" or any(e.error for e in detailed.events)


@given(st.data(), any_body)
def test_valid_and_quirked_bodies(data: st.DataObject, body: dict[str, Any]) -> None:
    agree(data.draw(quirked(body)))


def replace_one_value(data: st.DataObject, body: dict[str, Any]) -> None:
    node: Any = body
    while isinstance(node, dict) and node:
        key = data.draw(st.sampled_from(sorted(node)))
        if not isinstance(node[key], dict) or data.draw(st.booleans()):
            node[key] = data.draw(json_values(6))
            break
        node = node[key]


@given(st.data(), any_body)
def test_bodies_with_one_value_replaced(data: st.DataObject, body: dict[str, Any]) -> None:
    replace_one_value(data, body)
    agree(body)


@given(st.data(), snapshot_family_bodies())
def test_task_flows_sprites_and_pulls_with_a_value_replaced(
    data: st.DataObject, body: dict[str, Any]
) -> None:
    agree(body)
    replace_one_value(data, body)
    agree(body)


@given(json_values(30))
def test_any_json(value: Any) -> None:
    agree(value)


@given(st.lists(any_body, max_size=3), st.data())
def test_pull_responses(events: list[dict[str, Any]], data: st.DataObject) -> None:
    entries: list[Any] = [{"msgHandle": f"h{i}", "eventContent": e} for i, e in enumerate(events)]
    entries.insert(data.draw(st.integers(0, len(entries))), data.draw(json_values(6)))
    agree({"code": 0, "message": "", "eventList": entries})
    agree({"Response": {"EventSet": events, "RequestId": "r"}})
    agree(json.loads(json.dumps({"Response": {"Error": {"Code": 1}}})))
