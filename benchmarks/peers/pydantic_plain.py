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


_fast = TypeAdapter(FastSnapshot)
_event = TypeAdapter(SnapshotEvent)


def decode(data: bytes) -> Any:
    # The shape is known per benchmark case; a real router would look at the keys first.
    if b'"eventType"' in data:
        return _event.validate_json(data)
    return _fast.validate_json(data)
