"""idempotency_key: equal for resends of one result, different for different results."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

import vodsnap
from strategies import any_body, as_api3, encoded, quirked, snapshot_event_bodies
from support import EXAMPLES


@given(st.data(), any_body)
def test_resends_share_the_key(data: st.DataObject, body: dict[str, Any]) -> None:
    """A resend may differ in key order, quirks and encoding, never in meaning."""
    first = vodsnap.parse(body)
    resend = vodsnap.parse(data.draw(encoded(data.draw(quirked(body)))))
    assert resend.idempotency_key == first.idempotency_key


@given(snapshot_event_bodies(task_status=False), st.text(min_size=1, max_size=10))
def test_both_shapes_share_the_key(body: dict[str, Any], handle: str) -> None:
    assert (
        vodsnap.parse(as_api3(body, handle)).idempotency_key == vodsnap.parse(body).idempotency_key
    )


def identity(model: Any) -> object:
    """What makes a result this result rather than another, per kind of model."""
    if isinstance(model, vodsnap.FastSnapshotCallback):
        return ("fast", model.vid, model.create_time, model.finish_time, model.status)
    if isinstance(model, vodsnap.SnapshotByTimeOffsetComplete | vodsnap.ImageSpriteComplete):
        return ("task", model.event_type, model.data.vod_task_id)
    if isinstance(model, vodsnap.ProcedureStateChanged):  # one state of one task flow
        flow = model.data
        tasks = tuple((t.task_type, t.status, t.err_code or 0) for t in flow.tasks)
        return ("flow", flow.vod_task_id, flow.status, flow.err_code or 0, tasks)
    if isinstance(model, vodsnap.LiveScreenshot):  # resends may change t and sign
        return ("live", model.stream_id, model.create_time, model.pic_url, model.pic_full_url)
    if isinstance(model, vodsnap.LiveModeration):  # and sendTime
        return ("moderation", model.stream_id, model.img, model.screenshot_time)
    if isinstance(model, vodsnap.MpsWorkflowTask | vodsnap.MpsScheduleTask):  # one state of it
        mps_tasks = tuple(
            (t.task_type, t.data)
            if isinstance(t, vodsnap.MpsOtherTask)
            else (t.task_type, t.status, t.err_code or 0, t.err_code_ext or "")
            for t in model.tasks
        )
        state = (model.status, model.err_code, mps_tasks, model.session_id)
        return ("mps", model.event_type, model.task_id, state)
    return ("unknown", model)  # vodsnap cannot tell which fields identify it: all of them


@given(any_body, any_body)
def test_different_results_have_different_keys(a: dict[str, Any], b: dict[str, Any]) -> None:
    first, second = vodsnap.parse(a), vodsnap.parse(b)
    same = identity(first) == identity(second)
    assert (first.idempotency_key == second.idempotency_key) is same


def test_fast_snapshot_key_uses_instants_not_text() -> None:
    body = json.loads((EXAMPLES / "fast-snapshot-success.json").read_text())
    moved = body | {"create_time": "2018-08-23T08:25:18Z"}
    assert vodsnap.parse(moved).idempotency_key == vodsnap.parse(body).idempotency_key
    later = body | {"finish_time": "2018-08-23 16:25:26"}
    assert vodsnap.parse(later).idempotency_key != vodsnap.parse(body).idempotency_key
