"""``CreateSnapshotByTimeOffsetComplete``, the snapshot event, in the 4.0 and API 3.0 shapes.

4.0 sends ``picInfo`` entries (``timeOffset``, ``status``, ``url``) and, when the task failed as
a whole, a task-level ``status`` and ``message``; API 3.0 (``SnapshotByTimeOffsetCompleteEvent``)
sends ``SnapshotInfoSet`` entries (``TimeOffset``, ``ErrCode``, ``Url``). ``fileId`` may pass 64
bits: text, though sometimes a number.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Final

from .._codes import error_info
from .._models import PicInfo, SnapshotByTimeOffsetComplete, SnapshotByTimeOffsetData
from .._snapshots import Snapshot, SnapshotKind, maker
from ._format import Format, Payload, why
from ._scalars import ID, INT, OPTIONAL_INT, OPTIONAL_TEXT, TEXT
from ._table import ArrayOf, Field, Table
from .event_v4 import envelope

__all__ = ["EVENT_TYPE", "FORMAT"]

EVENT_TYPE: Final = "CreateSnapshotByTimeOffsetComplete"


def _taken_has_url(picture: PicInfo, names: Mapping[str, str]) -> list[tuple[str, str]]:
    """A picture whose status says it was taken (``0``) must have its URL: a success without
    an image is neither an image nor a failure that says why, so it is refused (both shapes)."""
    if picture.status == 0 and picture.url is None:
        return [("url", f"expected the picture's URL: {names['status']} 0 says it was taken")]
    return []


PICTURE_4: Final = Table(
    PicInfo,
    (
        Field("time_offset", INT, "timeOffset"),
        Field("status", INT),
        Field("url", OPTIONAL_TEXT, omit_default=True),  # a failed picture has no url key
    ),
    check=_taken_has_url,
)
DATA_4: Final = Table(
    SnapshotByTimeOffsetData,
    (
        Field("vod_task_id", TEXT, "vodTaskId"),
        Field("file_id", ID, "fileId"),  # past 64 bits: text, though sometimes a number
        Field("definition", INT),
        Field("pic_info", ArrayOf(PICTURE_4, "max_pictures"), "picInfo"),
        # The 4.0 envelope's task-level status: only written back when sent.
        Field("status", OPTIONAL_INT, omit_default=True),
        Field("message", OPTIONAL_TEXT, omit_default=True),
    ),
)
PICTURE_3: Final = Table(
    PicInfo,
    (
        Field("time_offset", INT, "TimeOffset"),
        Field("status", INT, "ErrCode"),
        Field("url", OPTIONAL_TEXT, "Url", omit_default=True),
    ),
    check=_taken_has_url,
)
DATA_3: Final = Table(
    SnapshotByTimeOffsetData,
    (
        Field("vod_task_id", TEXT, "TaskId"),
        Field("file_id", ID, "FileId"),
        Field("definition", INT, "Definition"),
        Field("pic_info", ArrayOf(PICTURE_3, "max_pictures"), "SnapshotInfoSet"),
    ),
)


def _snapshots(model: SnapshotByTimeOffsetComplete) -> Iterator[Snapshot]:
    data = model.data
    make = maker(SnapshotKind.TIME_OFFSET, model, data.file_id, data.definition)
    for pic in data.pic_info:
        if pic.ok:
            yield make(time_offset=pic.time_offset, url=pic.url)
        else:
            yield make(time_offset=pic.time_offset, error=pic.error, error_code=pic.status)
    status = data.status
    if status and not data.pic_info:  # failed as a whole: one entry, no offset
        yield make(error=error_info(status), error_code=status)


def _summary(model: SnapshotByTimeOffsetComplete) -> str:
    data = model.data
    failed = sum(1 for p in data.pic_info if p.status != 0)
    text = (
        f"snapshot-event task={data.vod_task_id} file={data.file_id} "
        f"definition={data.definition} pictures={len(data.pic_info)} "
        f"ok={len(data.pic_info) - failed} failed={failed}"
    )
    if data.status:  # the task failed as a whole
        text += f" task-failed={data.status} ({why(data.message, data.status)})"
    return text


FORMAT: Final = Format(
    name="snapshot-event",
    title="The snapshot event (CreateSnapshotByTimeOffsetComplete)",
    model=SnapshotByTimeOffsetComplete,
    snapshots=_snapshots,
    summary=_summary,
    event_type=EVENT_TYPE,
    v4=envelope(SnapshotByTimeOffsetComplete, EVENT_TYPE, DATA_4),
    api3=Payload("SnapshotByTimeOffsetCompleteEvent", DATA_3),
)
