"""pydantic v2, ``model_validate_json``, with vodsnap's field rules.

Pydantic's lax ``int`` also takes ``True``, ``" 5"``, ``"5.0"`` and ``"1_0"``: so integers are
strict, and a before-validator turns ASCII decimal strings into integers, as vodsnap does.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    AliasChoices,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StrictStr,
    TypeAdapter,
)

BEIJING = timezone(timedelta(hours=8))


def _digits(v: Any) -> Any:
    if type(v) is str:
        d = v[1:] if v[:1] == "-" else v
        if d.isascii() and d.isdigit():
            return int(v)
    return v


def _text(v: Any) -> Any:
    return str(v) if type(v) is int else v


def _beijing(t: datetime) -> datetime:
    return t.replace(tzinfo=BEIJING) if t.tzinfo is None else t


def _yes_no(v: Any) -> Any:
    if v in ("yes", "no"):
        return v == "yes"
    raise ValueError("expected 'yes' or 'no'")


Int = Annotated[int, Field(strict=True), BeforeValidator(_digits)]
Text = Annotated[StrictStr, BeforeValidator(_text)]
Time = Annotated[datetime, AfterValidator(_beijing)]
Flag = Annotated[bool, BeforeValidator(_yes_no)]


class Frozen(BaseModel):
    model_config = ConfigDict(frozen=True)


class FastSnapshot(Frozen):
    vid: StrictStr
    app_id: Int
    bucket_name: StrictStr
    bucket_region: StrictStr
    url: StrictStr
    duration: Int
    width: Int
    height: Int
    create_time: Time
    finish_time: Time
    status: Annotated[Literal[3, 4, 5], BeforeValidator(_digits)]
    result: tuple[StrictStr, ...]
    error_code: Text | None = None
    error_msg: StrictStr | None = None
    deleted: Flag = Field(default=False, validation_alias=AliasChoices("deleted", "delete"))


class Picture(Frozen):
    time_offset: Int = Field(alias="timeOffset")
    status: Int
    url: StrictStr | None = None


class Data(Frozen):
    vod_task_id: StrictStr = Field(alias="vodTaskId")
    file_id: Text = Field(alias="fileId")
    definition: Int
    pic_info: tuple[Picture, ...] = Field(alias="picInfo")


class SnapshotEvent(Frozen):
    version: Annotated[StrictStr, BeforeValidator(lambda v: f"{v}.0" if type(v) is int else v)]
    event_type: Literal["CreateSnapshotByTimeOffsetComplete"] = Field(alias="eventType")
    data: Data


class LiveScreenshot(Frozen):
    event_type: Annotated[Literal[200], BeforeValidator(_digits)]
    stream_id: StrictStr
    channel_id: StrictStr
    create_time: Annotated[datetime, BeforeValidator(_digits), Field(strict=False)]
    file_size: Int
    width: Int
    height: Int
    pic_url: StrictStr
    pic_full_url: StrictStr
    app: StrictStr | None = None
    appname: StrictStr | None = None
    stream_param: StrictStr | None = None
    task_id: StrictStr | None = None
    t: Annotated[datetime, BeforeValidator(_digits)] | None = None
    sign: StrictStr | None = None


_fast = TypeAdapter(FastSnapshot)
_live = TypeAdapter(LiveScreenshot)
_event = TypeAdapter(SnapshotEvent)


def decode(data: bytes) -> Any:
    # The shape is known per benchmark case; a real router would look at the keys first.
    if b'"eventType"' in data:
        return _event.validate_json(data)
    if b'"event_type"' in data:
        return _live.validate_json(data)
    return _fast.validate_json(data)


def to_json(model: BaseModel) -> bytes:
    return model.model_dump_json(by_alias=True).encode()
