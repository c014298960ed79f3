"""``CreateImageSpriteComplete`` (image sprites made), in the 4.0 and the API 3.0 shape.

The 4.0 failure sends only ``status``, ``message``, ``vodTaskId`` and ``fileId``; API 3.0
(``CreateImageSpriteCompleteEvent``) calls the status ``ErrCode`` and may send any field null.
Imported when a table is first needed (``event_v4.table``, ``event_api3.PAYLOADS``), not by
``import vodsnap``.
"""

from __future__ import annotations

from typing import Final

from .._image_sprite import ImageSpriteData
from .._models import ImageSpriteComplete
from ._scalars import ID, INT, OPTIONAL_TEXT, TEXT, VERSION, constant, nullable
from ._table import ArrayOf, Field, Kind, Table
from .event_v4 import IMAGE_SPRITE_EVENT_TYPE

__all__ = ["DATA_3", "EVENT"]

_INT: Final = nullable(INT)
_URLS: Final = ArrayOf(TEXT, "max_snapshots", nullable=True)


def _data(names: tuple[str, str, str, str, str, str, str, str]) -> Table:
    """The data table, given the wire names of its fields in the model's order."""
    kinds: tuple[Kind | ArrayOf, ...] = (
        TEXT,
        nullable(ID),
        _INT,
        OPTIONAL_TEXT,
        _INT,
        _INT,
        _URLS,
        OPTIONAL_TEXT,
    )
    attrs = (
        "vod_task_id",
        "file_id",
        "status",
        "message",
        "definition",
        "total_count",
        "image_sprite_urls",
        "web_vtt_url",
    )
    return Table(
        ImageSpriteData,
        tuple(
            Field(attr, kind, name, omit_default=attr != "vod_task_id")
            for attr, kind, name in zip(attrs, kinds, names, strict=True)
        ),
    )


DATA_4: Final = _data(
    (
        "vodTaskId",
        "fileId",
        "status",
        "message",
        "definition",
        "totalCount",
        "imageSpriteUrl",
        "webVttUrl",
    )
)
DATA_3: Final = _data(
    (
        "TaskId",
        "FileId",
        "ErrCode",
        "Message",
        "Definition",
        "TotalCount",
        "ImageSpriteUrlSet",
        "WebVttUrl",
    )
)
EVENT: Final = Table(
    ImageSpriteComplete,
    (
        Field("version", VERSION),
        Field("event_type", constant(IMAGE_SPRITE_EVENT_TYPE), "eventType"),
        Field("data", DATA_4),
    ),
)
