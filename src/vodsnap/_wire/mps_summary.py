"""The CLI's summary line of an MPS task notification: each result entry as its task reports it.

A typed snapshot task's state is read from its model; any other entry (``MpsOtherTask``) keeps
its task as sent, whose ``Status`` and codes are read here by the snapshot tasks' wire names
(``event_mps.TASKS``' tables), so a failed ``AnimatedGraphics`` task shows as failed.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, Final

from .._mps import MpsOtherTask, MpsScheduleTask, MpsTask, MpsWorkflowTask
from .._mps_snapshots import mps_snapshots
from .._tasks import TaskStatus
from .event_mps import TASKS

__all__ = ["summary"]

#: A task's state fields' wire names (every MPS task has the same), read off a snapshot task's
#: table.
_NAMES: Final = next(iter(TASKS.values()))[1].wire_names
_STATUS, _CODE, _CODE_EXT = _NAMES["status"], _NAMES["err_code"], _NAMES["err_code_ext"]
#: The failed status, as a typed task's ``status.value`` and an other task's ``Status`` say it.
_FAIL: Final = TaskStatus.FAIL.value

Notification = MpsWorkflowTask | MpsScheduleTask


def summary(kind: str, holder: str | None) -> Callable[[Notification], str]:
    """The summary of a format named ``kind`` whose result entries hold their task under
    ``holder`` (beside the type when ``None``): kind, task, status, snapshot count, and each
    entry's ``type:STATUS``, with its failure code as ``FAIL(code)`` (``type:-`` for an entry
    whose task says no status)."""

    def line(model: Notification) -> str:
        entries = " ".join(f"{task.task_type}:{_state(task, holder)}" for task in model.data.tasks)
        count = sum(1 for _ in mps_snapshots(model))
        return (
            f"{kind} task={model.data.task_id} status={model.data.status.value} "
            f"snapshots={count} tasks=[{entries}]"
        )

    return line


def _state(task: MpsTask, holder: str | None) -> str:
    """``STATUS``, ``FAIL(code)`` or ``-``, as the entry says it."""
    if isinstance(task, MpsOtherTask):
        found = _other_task(task, holder)
        if found is None or not isinstance(found.get(_STATUS), str):
            return "-"
        status: str = found[_STATUS]
        code = found.get(_CODE) or found.get(_CODE_EXT) or None
    else:
        status, code = task.status.value, task.err_code or task.err_code_ext or None
    if status == _FAIL and code is not None:
        return f"{status}({code})"
    return status


def _other_task(task: MpsOtherTask, holder: str | None) -> Mapping[str, Any] | None:
    """The task object of an entry of a type vodsnap does not type: the one object beside its
    type (or under ``holder``); ``None`` when it holds none (``CoverBySnapshot``)."""
    inner: object = task.data if holder is None else task.data.get(holder)
    if not isinstance(inner, Mapping):
        return None
    return next((v for v in inner.values() if isinstance(v, Mapping)), None)
