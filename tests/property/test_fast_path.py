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
from vodsnap import Limits, testing
from vodsnap._decoder import decoder_for
from vodsnap._models import (
    Callback,
    Event,
    FastSnapshotCallback,
    PullEventResponse,
    PullEventsResponse,
)
from vodsnap._wire.event_mps import TASKS as MPS_TASKS
from vodsnap._wire.procedure import TASK_KEYS_3

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


#: The keys naming a task entry's type.
TYPE_KEYS = ("Type", "ActivityType", "taskType")


#: The keys a task entry is read by (each shape's type and task keys), for changes to make.
ENTRY_KEYS = sorted(
    {*TYPE_KEYS, "ActivityResItem", "Status", "Input", "Output"}
    | set(TASK_KEYS_3.values())
    | {key for key, _ in MPS_TASKS.values()}
)


def entries_below(node: Any, found: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Every object that is an item of an array inside ``node``, and each object it holds (an
    MPS schedule's entry holds its task under ``ActivityResItem``)."""
    for child in node.values() if isinstance(node, dict) else node:
        if isinstance(node, list) and isinstance(child, dict):
            found.append(child)
            found.extend(v for v in child.values() if isinstance(v, dict))
        if isinstance(child, dict | list):
            entries_below(child, found)
    return found


@given(st.data(), testing.mps_bodies())
def test_mps_entries_with_a_key_changed(data: st.DataObject, body: dict[str, Any]) -> None:
    change_an_entry(data, body)


@given(st.data(), testing.procedure_event_bodies() | testing.snapshot_event_bodies())
def test_task_flow_entries_with_a_key_changed(data: st.DataObject, body: dict[str, Any]) -> None:
    change_an_entry(data, body)


def change_an_entry(data: st.DataObject, body: dict[str, Any]) -> None:
    """Task entries (MPS, API 3.0 and 4.0 task flows) and pictures have fast functions of their
    own: an entry changed (a second task, its task missing or null, its type changed) must be
    refused by both converters, or by neither."""
    entries = entries_below(body, [])
    typed = [e for e in entries if not e.keys().isdisjoint(TYPE_KEYS)]
    if entries:
        node = data.draw(st.sampled_from(typed or entries))
        nulls = sorted(k for k, v in node.items() if v is None)  # a second task, if sent
        key = data.draw(st.sampled_from(ENTRY_KEYS) | st.sampled_from(nulls or ENTRY_KEYS))
        if key in node and data.draw(st.integers(0, 2)) == 0:
            del node[key]
        else:
            node[key] = data.draw(st.sampled_from(entries).map(dict) | json_values(2))
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
