"""Decode Tencent Cloud VOD snapshot callbacks into typed, immutable attrs classes.

>>> import vodsnap
>>> event = vodsnap.parse(b'{"version": "4.0", "eventType": "NewFileUpload", "data": {}}')
>>> event.event_type
'NewFileUpload'
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

from ._api import (
    parse,
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
    ErrorInfo,
    FailureCause,
    FastSnapshotErrorCode,
    FastSnapshotStatus,
    Fault,
    ProcessingStage,
    SourceFileError,
    error_info,
    error_table,
)
from ._converter import converter
from ._errors import DecodeError, FieldError, SignatureError
from ._limits import Limits
from ._models import (
    EventFormat,
    FastSnapshotCallback,
    FrozenDict,
    PicInfo,
    PulledEvent,
    PullEventResponse,
    PullEventsResponse,
    SnapshotByTimeOffsetComplete,
    SnapshotByTimeOffsetData,
    UnknownEvent,
)

try:
    __version__ = version("vodsnap")
except PackageNotFoundError:  # pragma: no cover - running from a source tree
    __version__ = "0+unknown"

__all__ = [
    "ApiErrorCode",
    "DecodeError",
    "ErrorInfo",
    "EventFormat",
    "FailureCause",
    "FastSnapshotCallback",
    "FastSnapshotErrorCode",
    "FastSnapshotStatus",
    "Fault",
    "FieldError",
    "FrozenDict",
    "Limits",
    "PicInfo",
    "ProcessingStage",
    "PullEventResponse",
    "PullEventsResponse",
    "PulledEvent",
    "SignatureError",
    "SnapshotByTimeOffsetComplete",
    "SnapshotByTimeOffsetData",
    "SourceFileError",
    "UnknownEvent",
    "__version__",
    "converter",
    "error_info",
    "error_table",
    "parse",
    "parse_event",
    "parse_fast_snapshot",
    "parse_pull",
    "parse_pull_event",
    "parse_pull_events",
    "to_wire",
    "verify_signature",
]
