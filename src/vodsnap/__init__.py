"""Decode Tencent Cloud VOD snapshot callbacks into typed, immutable attrs classes.

>>> import vodsnap
>>> event = vodsnap.parse(b'{"version": "4.0", "eventType": "NewFileUpload", "data": {}}')
>>> event.event_type
'NewFileUpload'
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

from ._api import parse, parse_event, parse_fast_snapshot, to_wire
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
from ._errors import DecodeError, FieldError
from ._limits import Limits
from ._models import (
    FastSnapshotCallback,
    FrozenDict,
    PicInfo,
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
    "to_wire",
]
