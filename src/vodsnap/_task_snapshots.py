"""The snapshots of a task flow's tasks: ``snapshots()`` of a ``ProcedureStateChanged``.

The task flow's format (``_wire.procedure``) reads its models with it; apart from the tables
because it reads models, not the wire.
"""

from __future__ import annotations

from collections.abc import Iterator

from ._models import ProcedureStateChanged
from ._snapshots import Snapshot, SnapshotKind, maker
from ._tasks import (
    CoverBySnapshotTask,
    ImageSpritesTask,
    OtherTask,
    ProcedureTask,
    SampleSnapshotTask,
    SnapshotByTimeOffsetTask,
    TaskStatus,
    task_error,
)
from ._units import Milliseconds

__all__ = ["task_snapshots"]


def task_snapshots(model: ProcedureStateChanged) -> Iterator[Snapshot]:
    """Every snapshot of a task flow's snapshot-producing tasks, in wire order."""
    for task in model.data.tasks:
        yield from _task(model, task)


_KINDS: dict[type, SnapshotKind] = {
    SnapshotByTimeOffsetTask: SnapshotKind.TIME_OFFSET,
    SampleSnapshotTask: SnapshotKind.SAMPLE,
    CoverBySnapshotTask: SnapshotKind.COVER,
    ImageSpritesTask: SnapshotKind.SPRITE,
}


def _task(model: ProcedureStateChanged, task: ProcedureTask) -> Iterator[Snapshot]:
    kind = _KINDS.get(type(task))
    if kind is None or isinstance(task, OtherTask) or task.status is TaskStatus.PROCESSING:
        return
    definition = task.input.definition if task.input is not None else None
    if definition is None and not isinstance(task, CoverBySnapshotTask) and task.output:
        definition = task.output.definition
    make = maker(kind, model, model.data.file_id, definition)
    if task.status is TaskStatus.FAIL:
        error = task_error(task.err_code, task.err_code_ext)
        code = task.err_code or task.err_code_ext or None
        for offset in _requested(task):
            yield make(time_offset=offset, error=error, error_code=code)
        return
    for offset, url in _images(task):
        yield make(time_offset=offset, url=url)


def _requested(task: ProcedureTask) -> tuple[Milliseconds | None, ...]:
    """The offsets a failed task asked for; ``(None,)`` when it names none."""
    if isinstance(task, SnapshotByTimeOffsetTask) and task.input and task.input.time_offsets:
        return task.input.time_offsets
    return (None,)


def _images(task: ProcedureTask) -> Iterator[tuple[Milliseconds | None, str]]:
    """A successful task's images: (offset, URL) in wire order."""
    if task.output is None:
        return
    if isinstance(task, SnapshotByTimeOffsetTask):
        for picture in task.output.pictures:
            yield picture.time_offset, picture.url
    elif isinstance(task, SampleSnapshotTask):
        yield from ((None, url) for url in task.output.image_urls)
        yield from ((p.time_offset, p.url) for p in task.output.pictures)
    elif isinstance(task, CoverBySnapshotTask):
        yield from ((None, url) for url in task.output.urls)
    elif isinstance(task, ImageSpritesTask):
        yield from ((None, url) for url in task.output.image_urls)
