"""A Cloud Live (CSS) screenshot callback, ``event_type`` 200: its table, snapshot and summary.

Every key is snake_case and named like its attribute; ``create_time`` is Unix seconds. The
oldest sample has no ``app``, ``appname`` or ``stream_param``; ``task_id`` is listed by the
documentation but absent from every sample. Unknown keys (``pic_extra_info``) appear: lenient
mode ignores them.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Final

from .._live import LiveScreenshot
from .._snapshots import Snapshot, SnapshotKind
from ._format import Format
from ._scalars import INT, OPTIONAL_TEXT, TEXT, UNIX_TIME
from ._table import Field
from .event_live import EVENT_TYPE_KEY, envelope

__all__ = ["EVENT_TYPE", "FORMAT"]

EVENT_TYPE: Final = 200

TABLE: Final = envelope(
    LiveScreenshot,
    EVENT_TYPE,
    (
        Field("stream_id", TEXT),
        Field("channel_id", TEXT),  # one old sample has a leading space: kept as sent
        Field("app", OPTIONAL_TEXT, omit_default=True),
        Field("appname", OPTIONAL_TEXT, omit_default=True),
        Field("stream_param", OPTIONAL_TEXT, omit_default=True),
        Field("task_id", OPTIONAL_TEXT, omit_default=True),
        Field("create_time", UNIX_TIME),
        Field("file_size", INT),
        Field("width", INT),
        Field("height", INT),
        Field("pic_url", TEXT),
        Field("pic_full_url", TEXT),
    ),
)


def _snapshots(model: LiveScreenshot) -> Iterator[Snapshot]:
    yield Snapshot(
        kind=SnapshotKind.LIVE,
        file_id=None,
        url=model.pic_full_url,
        stream_id=model.stream_id,
        source=model,
    )


def _summary(model: LiveScreenshot) -> str:
    return (
        f"live-screenshot stream={model.stream_id} time={model.create_time.isoformat()} "
        f"size={model.width}x{model.height} bytes={model.file_size}"
    )


FORMAT: Final = Format(
    name="live-screenshot",
    title="Cloud Live (CSS) screenshot callback (event_type 200)",
    model=LiveScreenshot,
    snapshots=_snapshots,
    summary=_summary,
    table=TABLE,
    type_key=EVENT_TYPE_KEY,
    type_value=EVENT_TYPE,
)
