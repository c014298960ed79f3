"""``CreateImageSpriteComplete`` (image sprites made), in the 4.0 and the API 3.0 shape.

The 4.0 failure sends only ``status``, ``message``, ``vodTaskId`` and ``fileId``; API 3.0
(``CreateImageSpriteCompleteEvent``) calls the status ``ErrCode`` and may send any field null.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Final

from .._image_sprite import ImageSpriteData
from .._models import ImageSpriteComplete
from .._snapshots import Snapshot, SnapshotKind, maker
from ._format import Format, Payload, why
from ._scalars import ID, INT, OPTIONAL_TEXT, TEXT, nullable
from ._table import ArrayOf, Field, Kind, Table
from .event_v4 import envelope

__all__ = ["EVENT_TYPE", "FORMAT"]

EVENT_TYPE: Final = "CreateImageSpriteComplete"

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


def _snapshots(model: ImageSpriteComplete) -> Iterator[Snapshot]:
    data = model.data
    make = maker(SnapshotKind.SPRITE, model, data.file_id, data.definition)
    if data.status:
        yield make(error=model.error, error_code=data.status)
        return
    for url in data.image_sprite_urls:
        yield make(url=url)


def _summary(model: ImageSpriteComplete) -> str:
    sprite = model.data
    failed = f"failed={sprite.status} ({why(sprite.message, sprite.status or 0)})"
    state = "ok" if model.succeeded else failed
    return (
        f"image-sprite task={sprite.vod_task_id} file={sprite.file_id} {state} "
        f"sheets={len(sprite.image_sprite_urls)}"
    )


FORMAT: Final = Format(
    name="image-sprite",
    title="Image sprites made (CreateImageSpriteComplete)",
    model=ImageSpriteComplete,
    snapshots=_snapshots,
    summary=_summary,
    event_type=EVENT_TYPE,
    v4=envelope(ImageSpriteComplete, EVENT_TYPE, DATA_4),
    api3=Payload("CreateImageSpriteCompleteEvent", DATA_3),
)
