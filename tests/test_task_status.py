"""The 4.0 envelope's task-level ``data.status`` and ``data.message`` on the snapshot event."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import vodsnap
from strategies import as_api3
from support import EXAMPLES, errors_of, of_type

SUCCESS: dict[str, Any] = json.loads((EXAMPLES / "snapshot-event-success.json").read_text())


def event(**data: Any) -> dict[str, Any]:
    body: dict[str, Any] = json.loads(json.dumps(SUCCESS))
    body["data"].update(data)
    return body


def test_absent_means_none_and_the_published_bodies_are_unchanged() -> None:
    model = vodsnap.parse(SUCCESS)
    assert isinstance(model, vodsnap.SnapshotByTimeOffsetComplete)
    assert (model.data.status, model.data.message) == (None, None)
    assert model.succeeded
    assert model.error is None
    assert vodsnap.to_wire(model) == SUCCESS  # nothing written that was not sent


def test_a_task_that_failed_as_a_whole_is_not_a_success() -> None:
    model = vodsnap.parse(event(status=10010, message="source file error", picInfo=[]))
    assert isinstance(model, vodsnap.SnapshotByTimeOffsetComplete)
    assert not model.succeeded
    assert model.failed_pictures == ()  # still the pictures only
    assert model.error == vodsnap.error_info(10010)
    assert model.data.message == "source file error"


@pytest.mark.parametrize("status", [0, "0"])
def test_status_zero_is_success(status: object) -> None:
    model = vodsnap.parse(event(status=status, message="SUCCESS"))
    assert isinstance(model, vodsnap.SnapshotByTimeOffsetComplete)
    assert model.succeeded
    assert model.error is None
    assert model.data.status == 0


def test_strict_mode_accepts_both_keys_and_the_json_types_only() -> None:
    model = vodsnap.parse(event(status=0, message=""), strict=True)
    assert isinstance(model, vodsnap.SnapshotByTimeOffsetComplete)
    assert model.data.message == ""
    assert errors_of(event(status="-1"), strict=True) == [
        ("$.data.status", "expected an integer, got the string '-1'")
    ]
    assert errors_of(event(status=True, message=5)) == [
        ("$.data.status", "expected an integer, got the boolean true"),
        ("$.data.message", "expected a string, got the number 5"),
    ]


@given(st.none() | st.integers(-(2**40), 2**40), st.none() | st.text(max_size=8))
def test_written_back_only_when_sent(status: int | None, message: str | None) -> None:
    sent = {k: v for k, v in {"status": status, "message": message}.items() if v is not None}
    body = event(**sent)
    model = of_type(vodsnap.SnapshotByTimeOffsetComplete, vodsnap.parse(body))
    assert vodsnap.to_wire(model) == body
    assert vodsnap.parse(vodsnap.to_wire(model)) == model
    assert model.succeeded is (not status and all(p.ok for p in model.data.pic_info))


def test_the_api3_shape_has_no_task_status() -> None:
    model = vodsnap.parse(as_api3(SUCCESS))
    assert isinstance(model, vodsnap.SnapshotByTimeOffsetComplete)
    assert model.data.status is None
    assert "Status" not in vodsnap.to_wire(model)["SnapshotByTimeOffsetCompleteEvent"]
