"""pydantic v2 as a user would first write it: lax ``int``, no custom validators.

Task flows, image sprites and the MPS WorkflowTask too: each key aliased one by one, the
snapshot tasks typed, the parts vodsnap keeps as JSON (metadata, other tasks) as ``dict``.

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


# -- API 3.0 task flow (ProcedureStateChanged): the snapshot tasks typed, the rest as dicts --


class PicInfo3(_Frozen):
    time_offset: float = Field(alias="TimeOffset")
    url: str = Field(alias="Url")
    watermarks: list[int] = Field(default=[], alias="WaterMarkDefinition")


class SnapshotOutput3(_Frozen):
    definition: int | None = Field(default=None, alias="Definition")
    pic_info: list[PicInfo3] = Field(default=[], alias="PicInfoSet")


class UrlsOutput3(_Frozen):
    definition: int | None = Field(default=None, alias="Definition")
    image_urls: list[str] = Field(default=[], alias="ImageUrlSet")


class CoverOutput3(_Frozen):
    cover_url: str | None = Field(default=None, alias="CoverUrl")


class SpriteOutput3(_Frozen):
    definition: int | None = Field(default=None, alias="Definition")
    height: int | None = Field(default=None, alias="Height")
    width: int | None = Field(default=None, alias="Width")
    total_count: int | None = Field(default=None, alias="TotalCount")
    image_urls: list[str] = Field(default=[], alias="ImageUrlSet")
    web_vtt_url: str | None = Field(default=None, alias="WebVttUrl")


class Task3(_Frozen):
    status: str = Field(alias="Status")
    err_code: int = Field(default=0, alias="ErrCode")
    err_code_ext: str | None = Field(default=None, alias="ErrCodeExt")
    message: str = Field(default="", alias="Message")
    input: dict[str, Any] | None = Field(default=None, alias="Input")


class SnapshotTask3(Task3):
    output: SnapshotOutput3 | None = Field(default=None, alias="Output")


class SampleTask3(Task3):
    output: UrlsOutput3 | None = Field(default=None, alias="Output")


class CoverTask3(Task3):
    output: CoverOutput3 | None = Field(default=None, alias="Output")


class SpriteTask3(Task3):
    output: SpriteOutput3 | None = Field(default=None, alias="Output")


class MediaProcessResult3(_Frozen):
    type: str = Field(alias="Type")
    snapshot: SnapshotTask3 | None = Field(default=None, alias="SnapshotByTimeOffsetTask")
    sample: SampleTask3 | None = Field(default=None, alias="SampleSnapshotTask")
    cover: CoverTask3 | None = Field(default=None, alias="CoverBySnapshotTask")
    sprite: SpriteTask3 | None = Field(default=None, alias="ImageSpriteTask")
    transcode: dict[str, Any] | None = Field(default=None, alias="TranscodeTask")
    animated: dict[str, Any] | None = Field(default=None, alias="AnimatedGraphicTask")


class ProcedureEvent3(_Frozen):
    task_id: str = Field(alias="TaskId")
    status: str = Field(alias="Status")
    err_code: int = Field(default=0, alias="ErrCode")
    message: str = Field(default="", alias="Message")
    file_id: str = Field(alias="FileId")
    file_name: str | None = Field(default=None, alias="FileName")
    file_url: str | None = Field(default=None, alias="FileUrl")
    meta_data: dict[str, Any] | None = Field(default=None, alias="MetaData")
    results: list[MediaProcessResult3] = Field(default=[], alias="MediaProcessResultSet")


class TaskFlow3(_Frozen):
    event_type: str = Field(alias="EventType")
    event: ProcedureEvent3 = Field(alias="ProcedureStateChangeEvent")


# -- 4.0 image sprite ------------------------------------------------------------------------


class SpriteData(_Frozen):
    status: int
    message: str = ""
    vod_task_id: str = Field(alias="vodTaskId")
    file_id: str = Field(alias="fileId")
    definition: int
    total_count: int = Field(alias="totalCount")
    image_sprite_url: list[str] = Field(alias="imageSpriteUrl")
    web_vtt_url: str = Field(alias="webVttUrl")


class ImageSpriteEvent(_Frozen):
    version: str
    event_type: str = Field(alias="eventType")
    data: SpriteData


# -- MPS WorkflowTask: the snapshot tasks typed (/work/shared/reference), the rest as dicts ----


class CosStorage(_Frozen):
    bucket: str | None = Field(default=None, alias="Bucket")
    region: str | None = Field(default=None, alias="Region")


class Storage(_Frozen):
    type: str = Field(alias="Type")
    cos: CosStorage | None = Field(default=None, alias="CosOutputStorage")
    s3: dict[str, Any] | None = Field(default=None, alias="S3OutputStorage")


class MpsPicInfo(_Frozen):
    time_offset: float = Field(alias="TimeOffset")
    path: str = Field(alias="Path")
    watermarks: list[int] = Field(default=[], alias="WaterMarkDefinition")


class MpsSnapshotOutput(_Frozen):
    storage: Storage | None = Field(default=None, alias="Storage")
    definition: int | None = Field(default=None, alias="Definition")
    pic_info: list[MpsPicInfo] = Field(default=[], alias="PicInfoSet")


class MpsSampleOutput(_Frozen):
    storage: Storage | None = Field(default=None, alias="Storage")
    definition: int | None = Field(default=None, alias="Definition")
    sample_type: str | None = Field(default=None, alias="SampleType")
    interval: int | None = Field(default=None, alias="Interval")
    image_paths: list[str] = Field(default=[], alias="ImagePathSet")


class MpsSpriteOutput(_Frozen):
    storage: Storage | None = Field(default=None, alias="Storage")
    definition: int | None = Field(default=None, alias="Definition")
    height: int | None = Field(default=None, alias="Height")
    width: int | None = Field(default=None, alias="Width")
    total_count: int | None = Field(default=None, alias="TotalCount")
    image_paths: list[str] = Field(default=[], alias="ImagePathSet")
    web_vtt_path: str | None = Field(default=None, alias="WebVttPath")


class MpsTaskInput(_Frozen):
    definition: int | None = Field(default=None, alias="Definition")
    output_storage: Storage | None = Field(default=None, alias="OutputStorage")
    output_object_path: str | None = Field(default=None, alias="OutputObjectPath")


class MpsTask(_Frozen):
    status: str = Field(alias="Status")
    err_code_ext: str | None = Field(default=None, alias="ErrCodeExt")
    err_code: int = Field(default=0, alias="ErrCode")
    message: str = Field(default="", alias="Message")
    input: MpsTaskInput | None = Field(default=None, alias="Input")
    begin_process_time: datetime | None = Field(default=None, alias="BeginProcessTime")
    finish_time: datetime | None = Field(default=None, alias="FinishTime")


class MpsSnapshotTask(MpsTask):
    output: MpsSnapshotOutput | None = Field(default=None, alias="Output")


class MpsSampleTask(MpsTask):
    output: MpsSampleOutput | None = Field(default=None, alias="Output")


class MpsSpriteTask(MpsTask):
    output: MpsSpriteOutput | None = Field(default=None, alias="Output")


class MpsResult(_Frozen):
    type: str = Field(alias="Type")
    snapshot: MpsSnapshotTask | None = Field(default=None, alias="SnapshotByTimeOffsetTask")
    sample: MpsSampleTask | None = Field(default=None, alias="SampleSnapshotTask")
    sprite: MpsSpriteTask | None = Field(default=None, alias="ImageSpriteTask")
    transcode: dict[str, Any] | None = Field(default=None, alias="TranscodeTask")
    animated: dict[str, Any] | None = Field(default=None, alias="AnimatedGraphicTask")


class WorkflowTaskEvent(_Frozen):
    task_id: str = Field(alias="TaskId")
    status: str = Field(alias="Status")
    err_code: int = Field(default=0, alias="ErrCode")
    message: str = Field(default="", alias="Message")
    input_info: dict[str, Any] | None = Field(default=None, alias="InputInfo")
    meta_data: dict[str, Any] | None = Field(default=None, alias="MetaData")
    results: list[MpsResult] = Field(default=[], alias="MediaProcessResultSet")


class MpsWorkflowTask(_Frozen):
    event_type: str = Field(alias="EventType")
    event: WorkflowTaskEvent = Field(alias="WorkflowTaskEvent")
    session_id: str | None = Field(default=None, alias="SessionId")
    session_context: str | None = Field(default=None, alias="SessionContext")
    timestamp: int | None = Field(default=None, alias="Timestamp")
    sign: str | None = Field(default=None, alias="Sign")


_fast = TypeAdapter(FastSnapshot)
_event = TypeAdapter(SnapshotEvent)
_live = TypeAdapter(LiveScreenshot)
_task_flow = TypeAdapter(TaskFlow3)
_sprite = TypeAdapter(ImageSpriteEvent)
_mps = TypeAdapter(MpsWorkflowTask)


def decode(data: bytes) -> Any:
    # The shape is known per benchmark case; a real router would look at the keys first.
    if b'"eventType"' in data:
        if b"CreateImageSpriteComplete" in data:
            return _sprite.validate_json(data)
        return _event.validate_json(data)
    if b'"ProcedureStateChangeEvent"' in data:
        return _task_flow.validate_json(data)
    if b'"WorkflowTaskEvent"' in data:
        return _mps.validate_json(data)
    if b'"event_type"' in data:
        return _live.validate_json(data)
    return _fast.validate_json(data)
