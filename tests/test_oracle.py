"""vodsnap.snapshots against an independent oracle (tests/oracle/README.md), wherever the
oracle has an opinion; the disagreements found, and why vodsnap keeps its reading, at the end."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from attrs import frozen
from hypothesis import assume, given

import vodsnap
from oracle import vod_oracle
from strategies import is_pull_response, snapshot_family_bodies

PUBLISHED = Path(__file__).parent / "data" / "published"


def ours(body: Any) -> list[tuple[Any, ...]]:
    model = vodsnap.parse_pull(body) if is_pull_response(body) else vodsnap.parse(body)
    return [
        (s.kind.name, s.file_id, s.definition, s.time_offset, s.url, _code(s.error_code))
        for s in vodsnap.snapshots(model)
    ]


def theirs(body: Any) -> list[tuple[Any, ...]] | None:
    found = vod_oracle.snapshots(copy.deepcopy(body))
    if found is None:
        return None
    return [
        (e["kind"], e["file_id"], e["definition"], e["time_offset"], e["url"], _code(e["error"]))
        for e in found
    ]


def _code(code: object) -> str | None:
    """A failure code compared as text: the fast-snapshot ``error_code`` is text in vodsnap."""
    return None if code is None else str(code)


@given(snapshot_family_bodies())
def test_snapshots_agree_with_the_oracle(body: dict[str, Any]) -> None:
    expected = theirs(body)
    assume(expected is not None)
    assert ours(body) == expected


@pytest.mark.parametrize(
    "name",
    sorted(
        p.name
        for p in PUBLISHED.glob("*.json")
        if "screencapture" not in p.name and not p.name.startswith(("css-", "mps-"))  # a VOD oracle
    ),
)
def test_published_bodies_agree_with_the_oracle(name: str) -> None:
    body = json.loads((PUBLISHED / name).read_bytes())
    expected = theirs(body)
    assert expected is not None
    assert ours(body) == expected


# -- the disagreements, each decided from the reference -----------------------------------------


def test_a_float_offset_in_the_snapshot_event_is_refused() -> None:
    """The oracle reads "API 3.0 time offsets as Floats" for the snapshot event too; the
    reference (``TimeOffset Integer ms``) and the SDK (``SnapshotByTimeOffset2017.TimeOffset:
    int``) say Integer there: only a task flow's offsets are Floats."""
    body = {
        "EventType": "CreateSnapshotByTimeOffsetComplete",
        "SnapshotByTimeOffsetCompleteEvent": {
            "TaskId": "t",
            "FileId": "1",
            "Definition": 10,
            "SnapshotInfoSet": [{"ErrCode": 0, "TimeOffset": 2000.0, "Url": "http://a"}],
        },
    }
    assert theirs(body) == [("TIME_OFFSET", "1", 10, 2000, "http://a", None)]
    with pytest.raises(vodsnap.DecodeError, match="TimeOffset: expected an integer"):
        vodsnap.parse(body)


TASK_FAILED: dict[str, Any] = {
    "version": "4.0",
    "eventType": "CreateSnapshotByTimeOffsetComplete",
    "data": {
        "status": -44029,
        "message": "decode failed",
        "vodTaskId": "CreateSnapshotByTimeOffset-x1",
        "fileId": "9031868222841494656",
        "definition": 20,
        "picInfo": [],
    },
}


def test_a_snapshot_event_that_failed_as_a_whole_gives_one_entry() -> None:
    """The oracle and vodsnap agree (R9/R10): a task-level ``data.status`` non-zero with no
    pictures is one entry without an offset. ``snapshots`` reads the attribute as soon as the
    model has it."""
    assert ours(TASK_FAILED) == theirs(TASK_FAILED)


def test_a_task_level_status_is_read_where_the_model_has_one() -> None:
    @frozen(kw_only=True)
    class WithStatus(vodsnap.SnapshotByTimeOffsetData):
        status: int | None = None

    data = TASK_FAILED["data"]
    event = vodsnap.SnapshotByTimeOffsetComplete(
        version="4.0",
        event_type="CreateSnapshotByTimeOffsetComplete",
        data=WithStatus(
            vod_task_id=data["vodTaskId"],
            file_id=data["fileId"],
            definition=data["definition"],
            pic_info=(),
            status=data["status"],
        ),
    )
    [failure] = vodsnap.snapshots(event)
    expected = theirs(TASK_FAILED)
    assert expected is not None
    assert [(failure.kind.name, failure.file_id, failure.definition)] == [e[:3] for e in expected]
    assert (failure.time_offset, failure.url, _code(failure.error_code)) == expected[0][3:]
    assert failure.error == vodsnap.error_info(-44029)
