"""What ``snapshots()`` says agrees with the models, for every body of every shape: each
snapshot is an image or a failure, and a failure says why whenever the wire sends a code."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

import vodsnap
from strategies import is_pull_response, snapshot_family_bodies
from support import EXAMPLES


def _decoded(body: dict[str, Any]) -> Any:
    return vodsnap.parse_pull(body) if is_pull_response(body) else vodsnap.parse(body)


def _events(model: Any) -> list[Any]:
    if isinstance(model, vodsnap.PullEventResponse | vodsnap.PullEventsResponse):
        return [pulled.event for pulled in model.events if pulled.event is not None]
    return [model]


@given(snapshot_family_bodies())
def test_every_snapshot_is_an_image_or_a_failure_that_says_why(body: dict[str, Any]) -> None:
    for shot in vodsnap.snapshots(_decoded(body)):
        assert shot.ok is (shot.url is not None)
        if shot.ok:
            assert (shot.error, shot.error_code) == (None, None)
        elif shot.error_code not in (None, 0, ""):  # the wire sent a failure code
            numeric = not isinstance(shot.error_code, str) or shot.error_code.lstrip("-").isdigit()
            assert shot.error is not None or not numeric, shot


@given(snapshot_family_bodies())
def test_a_pictures_ok_is_its_snapshots_ok(body: dict[str, Any]) -> None:
    for event in _events(_decoded(body)):
        if not isinstance(event, vodsnap.SnapshotByTimeOffsetComplete):
            continue
        shots = vodsnap.snapshots(event)[: len(event.data.pic_info)]
        assert [p.ok for p in event.data.pic_info] == [s.ok for s in shots]
        assert [p.url if p.ok else None for p in event.data.pic_info] == [s.url for s in shots]
        assert [p.error for p in event.data.pic_info] == [s.error for s in shots]


@given(st.integers(10**19, 10**40) | st.integers(-(10**40), -(10**19)), st.booleans())
def test_a_fast_snapshot_code_of_any_length_is_described(code: int, as_text: bool) -> None:
    """A numeric ``error_code`` says why however many digits it has (it said nothing from 20)."""
    body = json.loads((EXAMPLES / "fast-snapshot-failure.json").read_text())
    body["error_code"] = str(code) if as_text else code
    [shot] = vodsnap.snapshots(vodsnap.parse(body))
    assert shot.error is not None
    assert (shot.error.code, shot.error.known) == (code, False)
