"""msgspec: ``Struct`` types and a ``msgspec.json.Decoder`` each, the compiled ceiling.

``strict=False`` takes decimal strings for integers and refuses booleans, as vodsnap does; it
also takes ``5.0`` for ``5``, which vodsnap refuses. Naive times get the Beijing offset after
decoding. ``delete``/``deleted`` are two optional fields.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from typing import Any, Literal

import msgspec

BEIJING = timezone(timedelta(hours=8))


class FastSnapshot(msgspec.Struct, frozen=True):
    vid: str
    app_id: int
    bucket_name: str
    bucket_region: str
    url: str
    duration: int
    width: int
    height: int
    create_time: datetime
    finish_time: datetime
    status: Literal[3, 4, 5]
    result: tuple[str, ...]
    error_code: int | str | None = None
    error_msg: str | None = None
    deleted: Literal["yes", "no"] | None = None
    delete: Literal["yes", "no"] | None = None

    def __post_init__(self) -> None:
        for name in ("create_time", "finish_time"):
            t = getattr(self, name)
            if t.tzinfo is None:
                msgspec.structs.force_setattr(self, name, t.replace(tzinfo=BEIJING))
        if type(self.error_code) is int:
            msgspec.structs.force_setattr(self, "error_code", str(self.error_code))


class Picture(msgspec.Struct, frozen=True, rename={"time_offset": "timeOffset"}):
    time_offset: int
    status: int
    url: str | None = None


class Data(msgspec.Struct, frozen=True, rename="camel"):
    vod_task_id: str
    file_id: int | str
    definition: int
    pic_info: tuple[Picture, ...]


class SnapshotEvent(msgspec.Struct, frozen=True, rename={"event_type": "eventType"}):
    version: int | str
    event_type: Literal["CreateSnapshotByTimeOffsetComplete"]
    data: Data


class LiveScreenshot(msgspec.Struct, frozen=True):
    event_type: Literal[200]
    stream_id: str
    channel_id: str
    create_time: int
    file_size: int
    width: int
    height: int
    pic_url: str
    pic_full_url: str
    app: str | None = None
    appname: str | None = None
    stream_param: str | None = None
    task_id: str | None = None
    t: int | None = None
    sign: str | None = None

    def __post_init__(self) -> None:  # Unix seconds to an aware time, as vodsnap does
        moment = datetime.fromtimestamp(self.create_time, UTC)
        msgspec.structs.force_setattr(self, "create_time", moment)


_fast = msgspec.json.Decoder(FastSnapshot, strict=False)
_live = msgspec.json.Decoder(LiveScreenshot, strict=False)
_event = msgspec.json.Decoder(SnapshotEvent, strict=False)
_encoder = msgspec.json.Encoder()


def decode(data: bytes) -> Any:
    if b'"eventType"' in data:
        return _event.decode(data)
    if b'"event_type"' in data:
        return _live.decode(data)
    return _fast.decode(data)


def to_json(model: Any) -> bytes:
    return _encoder.encode(model)
