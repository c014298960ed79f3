"""The snapshots of an MPS task notification (``snapshots()`` of ``MpsWorkflowTask`` and
``MpsScheduleTask``).

MPS sends storage locations, not URLs: each image's ``storage`` is its output's ``Storage`` (or
the task input's ``OutputStorage``) with its ``Path``, and its URL is made from a COS or AWS-S3
bucket and region when the body names them. Offsets are seconds on the wire, milliseconds here.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import Any

from ._mps import (
    AWS_S3,
    COS,
    MpsImageSpritesTask,
    MpsOtherTask,
    MpsSampleSnapshotTask,
    MpsScheduleTask,
    MpsSnapshotByTimeOffsetTask,
    MpsTask,
    MpsWorkflowTask,
)
from ._snapshots import Snapshot, SnapshotKind, StorageLocation, maker
from ._tasks import TaskStatus, task_error
from ._units import Milliseconds

__all__ = ["milliseconds", "mps_snapshots", "storage_url"]

_KINDS: dict[type, SnapshotKind] = {
    MpsSnapshotByTimeOffsetTask: SnapshotKind.TIME_OFFSET,
    MpsSampleSnapshotTask: SnapshotKind.SAMPLE,
    MpsImageSpritesTask: SnapshotKind.SPRITE,
}
#: How each storage type's objects are addressed: its default URL, from bucket, region, path.
_URLS = {
    COS: "https://{bucket}.cos.{region}.myqcloud.com{path}",
    AWS_S3: "https://{bucket}.s3.{region}.amazonaws.com{path}",
}


def mps_snapshots(model: MpsWorkflowTask | MpsScheduleTask) -> Iterator[Snapshot]:
    """Every snapshot of the notification's snapshot tasks, in wire order: an image per path,
    one failure per failed task; nothing for a task still processing or of another type."""
    for task in model.data.tasks:
        if not isinstance(task, MpsOtherTask):
            yield from _task(model, task)


def _task(model: MpsWorkflowTask | MpsScheduleTask, task: Any) -> Iterator[Snapshot]:
    if task.status is TaskStatus.PROCESSING:
        return
    definition = task.input.definition if task.input is not None else None
    if definition is None and task.output is not None and task.output.definition:
        definition = task.output.definition
    make = maker(_KINDS[type(task)], model, None, definition)
    if task.status is TaskStatus.FAIL:
        code = task.err_code or task.err_code_ext or None
        yield make(error=task_error(task.err_code, task.err_code_ext), error_code=code)
        return
    if task.output is None:
        return
    storage = task.output.storage
    if storage is None and task.input is not None:
        storage = task.input.output_storage
    for offset, path in _images(task):
        where = StorageLocation(
            None if storage is None else storage.type,
            None if storage is None else storage.bucket,
            None if storage is None else storage.region,
            path,
        )
        yield make(time_offset=offset, url=storage_url(where), storage=where)


def _images(task: MpsTask) -> Iterator[tuple[Milliseconds | None, str]]:
    """A successful task's images: (offset in milliseconds, path), in wire order."""
    if isinstance(task, MpsSnapshotByTimeOffsetTask) and task.output is not None:
        yield from ((milliseconds(p.time_offset), p.path) for p in task.output.pictures)
    elif isinstance(task, MpsSampleSnapshotTask | MpsImageSpritesTask) and task.output:
        yield from ((None, path) for path in task.output.image_paths)


def milliseconds(seconds: int | float) -> Milliseconds:
    """``seconds`` as sent, in milliseconds, exactly in decimal: an ``int`` when whole."""
    exact = Decimal(repr(seconds)) * 1000
    return int(exact) if exact == exact.to_integral_value() else float(exact)


def storage_url(where: StorageLocation) -> str | None:
    """The object's default URL, for a COS or AWS-S3 storage whose bucket and region are
    known (sent, and not empty); ``None`` otherwise."""
    form = _URLS.get(where.type or "")
    if form is None or not where.bucket or not where.region:
        return None
    return form.format(bucket=where.bucket, region=where.region, path=where.path)
