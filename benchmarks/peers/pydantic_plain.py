"""pydantic v2 as a user would first write it: lax ``int``, no custom validators.

It is not as strict as vodsnap (``True`` and ``"5.0"`` pass as integers, times keep no offset,
``delete`` is not read, ``fileId`` must be text): it is the speed a user compares with first.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True)


class FastSnapshot(_Frozen):
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
    status: int
    result: tuple[str, ...]
    error_code: str | int | None = None
    error_msg: str | None = None
    deleted: str = "no"


class Picture(_Frozen):
    time_offset: int = Field(alias="timeOffset")
    status: int
    url: str | None = None


class Data(_Frozen):
    vod_task_id: str = Field(alias="vodTaskId")
    file_id: str = Field(alias="fileId")
    definition: int
    pic_info: tuple[Picture, ...] = Field(alias="picInfo")


class SnapshotEvent(_Frozen):
    version: str
    event_type: str = Field(alias="eventType")
    data: Data


class LiveScreenshot(_Frozen):
    event_type: int
    stream_id: str
    channel_id: str
    create_time: datetime
    file_size: int
    width: int
    height: int
    pic_url: str
    pic_full_url: str
    app: str | None = None
    appname: str | None = None
    stream_param: str | None = None
    task_id: str | None = None
    t: datetime | None = None
    sign: str | None = None


_fast = TypeAdapter(FastSnapshot)
_event = TypeAdapter(SnapshotEvent)
_live = TypeAdapter(LiveScreenshot)


def decode(data: bytes) -> Any:
    # The shape is known per benchmark case; a real router would look at the keys first.
    if b'"eventType"' in data:
        return _event.validate_json(data)
    if b'"event_type"' in data:
        return _live.validate_json(data)
    return _fast.validate_json(data)
