"""Decode Tencent Cloud snapshot callbacks (VOD, Cloud Live, MPS) into frozen attrs classes.

>>> import vodsnap
>>> event = vodsnap.parse(b'''{"version": "4.0", "eventType": "CreateSnapshotByTimeOffsetComplete",
...   "data": {"vodTaskId": "CreateSnapshotByTimeOffset-1edb7eb8", "fileId": "5285890781",
...   "definition": 10, "picInfo": [{"status": 0, "timeOffset": 1000, "url": "http://x/1.png"}]}}''')
>>> [(pic.time_offset, pic.url) for pic in event.data.pic_info]
[(1000, 'http://x/1.png')]

Any other event type (``NewFileUpload``, ...) decodes to an ``UnknownEvent``: not an error.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ._api import (
    parse,
    parse_any,
    parse_event,
    parse_fast_snapshot,
    parse_pull,
    parse_pull_event,
    parse_pull_events,
    to_wire,
    verify_signature,
)
from ._codes import (
    ApiErrorCode,
    CodeTable,
    ErrorInfo,
    FailureCause,
    FastSnapshotErrorCode,
    FastSnapshotStatus,
    Fault,
    ProcedureTaskErrorCode,
    ProcessingStage,
    SourceFileError,
    error_info,
    error_table,
)
from ._errors import DecodeError, FieldError, SignatureError
from ._image_sprite import ImageSpriteData
from ._limits import DEFAULT_LIMITS, Limits
from ._live import LiveEvent, LiveModeration, LiveScreenshot, UnknownLiveEvent
from ._models import (
    Callback,
    Event,
    EventFormat,
    FastSnapshotCallback,
    FrozenDict,
    ImageSpriteComplete,
    PicInfo,
    ProcedureStateChanged,
    PulledEvent,
    PullEventResponse,
    PullEventsResponse,
    PullResponse,
    SnapshotByTimeOffsetComplete,
    SnapshotByTimeOffsetData,
    UnknownEvent,
)
from ._mps import (
    MpsCosObject,
    MpsImageSpritesOutput,
    MpsImageSpritesTask,
    MpsInputInfo,
    MpsNotification,
    MpsOtherTask,
    MpsPicture,
    MpsSampleSnapshotOutput,
    MpsSampleSnapshotTask,
    MpsScheduleTask,
    MpsSnapshotByTimeOffsetOutput,
    MpsSnapshotByTimeOffsetTask,
    MpsStorage,
    MpsTask,
    MpsTaskData,
    MpsTaskInput,
    MpsWorkflowTask,
)
from ._read import Body
from ._schema import json_schema
from ._snapshots import Snapshot, SnapshotKind, StorageLocation
from ._tasks import (
    CoverBySnapshotInput,
    CoverBySnapshotOutput,
    CoverBySnapshotTask,
    ImageSpritesInput,
    ImageSpritesOutput,
    ImageSpritesTask,
    OtherTask,
    ProcedureData,
    ProcedureStatus,
    ProcedureTask,
    SampleSnapshotInput,
    SampleSnapshotOutput,
    SampleSnapshotTask,
    SnapshotByTimeOffsetInput,
    SnapshotByTimeOffsetOutput,
    SnapshotByTimeOffsetTask,
    TaskPicture,
    TaskStatus,
)
from ._views import snapshots

if TYPE_CHECKING:
    from cattrs import Converter

    #: The configured cattrs converter holding every wire rule (lenient, default limits).
    converter: Converter
    #: The installed distribution's version.
    __version__: str


def __getattr__(name: str) -> Any:
    # Both are made on first use: ``importlib.metadata`` alone would double the import time,
    # and ``parse`` never needs the detailed converter until a body fails.
    if name == "converter":
        from ._decoder import decoder_for

        return decoder_for(False, DEFAULT_LIMITS, owned=False).explaining  # a caller's values
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            return version("vodsnap")
        except PackageNotFoundError:  # pragma: no cover - running from a source tree
            return "0+unknown"
    raise AttributeError(f"module 'vodsnap' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})


__all__ = [
    "ApiErrorCode",
    "Body",
    "Callback",
    "CodeTable",
    "CoverBySnapshotInput",
    "CoverBySnapshotOutput",
    "CoverBySnapshotTask",
    "DecodeError",
    "ErrorInfo",
    "Event",
    "EventFormat",
    "FailureCause",
    "FastSnapshotCallback",
    "FastSnapshotErrorCode",
    "FastSnapshotStatus",
    "Fault",
    "FieldError",
    "FrozenDict",
    "ImageSpriteComplete",
    "ImageSpriteData",
    "ImageSpritesInput",
    "ImageSpritesOutput",
    "ImageSpritesTask",
    "Limits",
    "LiveEvent",
    "LiveModeration",
    "LiveScreenshot",
    "MpsCosObject",
    "MpsImageSpritesOutput",
    "MpsImageSpritesTask",
    "MpsInputInfo",
    "MpsNotification",
    "MpsOtherTask",
    "MpsPicture",
    "MpsSampleSnapshotOutput",
    "MpsSampleSnapshotTask",
    "MpsScheduleTask",
    "MpsSnapshotByTimeOffsetOutput",
    "MpsSnapshotByTimeOffsetTask",
    "MpsStorage",
    "MpsTask",
    "MpsTaskData",
    "MpsTaskInput",
    "MpsWorkflowTask",
    "OtherTask",
    "PicInfo",
    "ProcedureData",
    "ProcedureStateChanged",
    "ProcedureStatus",
    "ProcedureTask",
    "ProcedureTaskErrorCode",
    "ProcessingStage",
    "PullEventResponse",
    "PullEventsResponse",
    "PullResponse",
    "PulledEvent",
    "SampleSnapshotInput",
    "SampleSnapshotOutput",
    "SampleSnapshotTask",
    "SignatureError",
    "Snapshot",
    "SnapshotByTimeOffsetComplete",
    "SnapshotByTimeOffsetData",
    "SnapshotByTimeOffsetInput",
    "SnapshotByTimeOffsetOutput",
    "SnapshotByTimeOffsetTask",
    "SnapshotKind",
    "SourceFileError",
    "StorageLocation",
    "TaskPicture",
    "TaskStatus",
    "UnknownEvent",
    "UnknownLiveEvent",
    "__version__",
    "converter",
    "error_info",
    "error_table",
    "json_schema",
    "parse",
    "parse_any",
    "parse_event",
    "parse_fast_snapshot",
    "parse_pull",
    "parse_pull_event",
    "parse_pull_events",
    "snapshots",
    "to_wire",
    "verify_signature",
]
