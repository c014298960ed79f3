"""A task flow's data (``ProcedureStateChanged``) and its tasks: frozen attrs classes, no wire
knowledge.

Four task types produce snapshots and have typed classes (their input and output as sent, in
either wire shape); every other type (``Transcode``, ``PullFile``, ``AnimatedGraphics``, ...,
and any a future Tencent adds) is an :class:`OtherTask`, which keeps its input and output as
read-only JSON. How each is read from the wire lives in ``_wire.procedure``.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from enum import StrEnum
from typing import Any, ClassVar

from attrs import field, frozen

from ._codes import ErrorInfo, error_info
from ._units import Milliseconds

__all__ = [
    "CoverBySnapshotInput",
    "CoverBySnapshotOutput",
    "CoverBySnapshotTask",
    "ImageSpritesInput",
    "ImageSpritesOutput",
    "ImageSpritesTask",
    "OtherTask",
    "ProcedureData",
    "ProcedureStatus",
    "ProcedureTask",
    "SampleSnapshotInput",
    "SampleSnapshotOutput",
    "SampleSnapshotTask",
    "SnapshotByTimeOffsetInput",
    "SnapshotByTimeOffsetOutput",
    "SnapshotByTimeOffsetTask",
    "TaskPicture",
    "TaskStatus",
    "task_error",
]


class ProcedureStatus(StrEnum):
    """The state of a task flow as a whole. Members compare equal to the wire's strings."""

    #: Some task is still running (with notify mode "Change", one event per task change).
    PROCESSING = "PROCESSING"
    #: Every task has ended, each with its own status.
    FINISH = "FINISH"


class TaskStatus(StrEnum):
    """The state of one task of a task flow. Members compare equal to the wire's strings."""

    #: Still running: no output yet.
    PROCESSING = "PROCESSING"
    #: Done; ``output`` holds the results.
    SUCCESS = "SUCCESS"
    #: Failed; ``err_code`` (or the API 3.0 ``err_code_ext``) and ``message`` say why.
    FAIL = "FAIL"


def task_error(err_code: int | None, err_code_ext: str | None) -> ErrorInfo | None:
    """What a failed task's code means: its non-zero ``err_code`` (the documented one), else
    its textual ``err_code_ext`` (``known=False``: no published table lists textual codes);
    ``None`` when it sends neither."""
    if err_code:
        return error_info(err_code)
    if err_code_ext:
        return error_info(err_code_ext)
    return None


@frozen(kw_only=True)
class _TaskState:
    """What every task reports, in either wire shape (``ErrCodeExt`` onwards: API 3.0 only)."""

    #: The task's state.
    status: TaskStatus
    #: ``0`` on success, else a video-processing code (or 30009 source file error, 30010
    #: system failure); ``None`` when not sent. API 3.0 marks it "no longer recommended".
    err_code: int | None = None
    #: API 3.0 only: the newer textual error code (``""`` on success); ``None`` when not sent.
    err_code_ext: str | None = None
    #: The task's message as sent.
    message: str | None = None
    #: API 3.0 only: how far the task is, 0 to 100.
    progress: int | None = None
    #: API 3.0 only: when the task started.
    begin_process_time: datetime | None = None
    #: API 3.0 only: when the task ended.
    finish_time: datetime | None = None

    @property
    def failed(self) -> bool:
        """Whether the task failed (status ``FAIL``)."""
        return self.status is TaskStatus.FAIL

    @property
    def error(self) -> ErrorInfo | None:
        """What the failure code means, for a failed task (``err_code``, else the textual
        ``err_code_ext``); ``None`` for any other task, or one that sends no code."""
        return task_error(self.err_code, self.err_code_ext) if self.failed else None


# -- SnapshotByTimeOffset ---------------------------------------------------------------------


@frozen(kw_only=True)
class SnapshotByTimeOffsetInput:
    """What a ``SnapshotByTimeOffset`` task was asked for."""

    #: The snapshot template id.
    definition: int | None = None
    #: The requested offsets in milliseconds (4.0 ``timeOffset``, 3.0 ``TimeOffsetSet``).
    time_offsets: tuple[Milliseconds, ...] = ()
    #: API 3.0 only: offsets as text, ``"3.5s"`` (seconds) or ``"10%"`` (of the duration).
    ext_time_offsets: tuple[str, ...] = ()
    #: 4.0 only (some examples): the watermark template ids.
    watermark_definitions: tuple[int, ...] = ()
    #: API 3.0 only: the watermarks asked for, as sent (read-only JSON).
    watermarks: tuple[Any, ...] = ()


@frozen(kw_only=True)
class TaskPicture:
    """One picture a ``SnapshotByTimeOffset`` task took (no per-picture status: it was taken)."""

    #: Where in the video, in milliseconds (API 3.0 sends a Float: a fraction is kept).
    time_offset: Milliseconds
    #: The picture's URL.
    url: str
    #: API 3.0 only: the watermark template ids applied.
    watermark_definitions: tuple[int, ...] = ()


@frozen(kw_only=True)
class SnapshotByTimeOffsetOutput:
    """What a successful ``SnapshotByTimeOffset`` task produced."""

    #: The pictures, in the order sent (4.0 ``imgInfo``, 3.0 ``PicInfoSet``).
    pictures: tuple[TaskPicture, ...] = ()
    #: API 3.0 only: the snapshot template id.
    definition: int | None = None


@frozen(kw_only=True)
class SnapshotByTimeOffsetTask(_TaskState):
    """A task flow's ``SnapshotByTimeOffset`` task: pictures at given offsets."""

    #: The task type on the wire.
    task_type: ClassVar[str] = "SnapshotByTimeOffset"
    #: What was asked for (``None`` when not sent).
    input: SnapshotByTimeOffsetInput | None = None
    #: What was produced: only on success (API 3.0 sends ``null`` until then).
    output: SnapshotByTimeOffsetOutput | None = None


# -- SampleSnapshot ---------------------------------------------------------------------------


@frozen(kw_only=True)
class SampleSnapshotInput:
    """What a ``SampleSnapshot`` task was asked for."""

    #: The sampled-snapshot template id.
    definition: int | None = None
    #: API 3.0 only: the watermarks asked for, as sent (read-only JSON).
    watermarks: tuple[Any, ...] = ()


@frozen(kw_only=True)
class SampleSnapshotOutput:
    """What a successful ``SampleSnapshot`` task produced."""

    #: The pictures' URLs, in the order sent (4.0 ``imageUrls``, 3.0 ``ImageUrlSet``).
    image_urls: tuple[str, ...] = ()
    #: API 3.0 only: the template id.
    definition: int | None = None
    #: API 3.0 only: how the samples were spaced (``"Percent"`` or ``"Time"``).
    sample_type: str | None = None
    #: API 3.0 only: the spacing, in percent or seconds.
    interval: int | None = None
    #: API 3.0 only: the watermark template ids applied.
    watermark_definitions: tuple[int, ...] = ()
    #: API 3.0 only: pictures with their offsets (``PicInfoSet``), which one published example
    #: (the international "Screencapturing" page) sends instead of ``ImageUrlSet``.
    pictures: tuple[TaskPicture, ...] = ()


@frozen(kw_only=True)
class SampleSnapshotTask(_TaskState):
    """A task flow's ``SampleSnapshot`` task: pictures at regular intervals."""

    #: The task type on the wire.
    task_type: ClassVar[str] = "SampleSnapshot"
    #: What was asked for.
    input: SampleSnapshotInput | None = None
    #: What was produced: only on success.
    output: SampleSnapshotOutput | None = None


# -- CoverBySnapshot --------------------------------------------------------------------------


@frozen(kw_only=True)
class CoverBySnapshotInput:
    """What a ``CoverBySnapshot`` task was asked for."""

    #: The template id.
    definition: int | None = None
    #: ``"Time"`` (``position`` in seconds) or ``"Percent"`` (of the duration).
    position_type: str | None = None
    #: Where the cover is taken (4.0 ``position``, 3.0 ``PositionValue``).
    position: int | float | None = None
    #: API 3.0 only: the watermarks asked for, as sent (read-only JSON).
    watermarks: tuple[Any, ...] = ()


@frozen(kw_only=True)
class CoverBySnapshotOutput:
    """What a successful ``CoverBySnapshot`` task produced."""

    #: The cover's URL as sent: the 4.0 table documents ``imageUrl`` as an Array, every example
    #: sends one String, and API 3.0's ``CoverUrl`` is a String. ``urls`` reads either.
    image_url: str | tuple[str, ...] | None = None

    @property
    def urls(self) -> tuple[str, ...]:
        """The cover URLs, whichever form they came in."""
        if self.image_url is None:
            return ()
        return (self.image_url,) if isinstance(self.image_url, str) else self.image_url


@frozen(kw_only=True)
class CoverBySnapshotTask(_TaskState):
    """A task flow's ``CoverBySnapshot`` task: a snapshot made the file's cover."""

    #: The task type on the wire.
    task_type: ClassVar[str] = "CoverBySnapshot"
    #: What was asked for.
    input: CoverBySnapshotInput | None = None
    #: What was produced: only on success.
    output: CoverBySnapshotOutput | None = None


# -- ImageSprites -----------------------------------------------------------------------------


@frozen(kw_only=True)
class ImageSpritesInput:
    """What an ``ImageSprites`` task was asked for."""

    #: The image-sprite template id.
    definition: int | None = None


@frozen(kw_only=True)
class ImageSpritesOutput:
    """What a successful ``ImageSprites`` task produced."""

    #: The sprite sheets' URLs, in order (4.0 ``urlList``, or ``imageUrls`` on an older page;
    #: 3.0 ``ImageUrlSet``).
    image_urls: tuple[str, ...] = ()
    #: How many small images the sheets hold.
    total_count: int | None = None
    #: The WebVTT file that maps times to places on the sheets.
    web_vtt_url: str | None = None
    #: API 3.0 only: the template id.
    definition: int | None = None
    #: API 3.0 only: a small image's height in pixels.
    height: int | None = None
    #: API 3.0 only: a small image's width in pixels.
    width: int | None = None


@frozen(kw_only=True)
class ImageSpritesTask(_TaskState):
    """A task flow's ``ImageSprites`` task: sprite sheets and their WebVTT index."""

    #: The task type on the wire (one older page spells it ``ImageSprite``: read as this).
    task_type: ClassVar[str] = "ImageSprites"
    #: What was asked for.
    input: ImageSpritesInput | None = None
    #: What was produced: only on success.
    output: ImageSpritesOutput | None = None


# -- every other type -------------------------------------------------------------------------


@frozen(kw_only=True)
class OtherTask(_TaskState):
    """A task of a type without snapshots (``Transcode``, ``PullFile``, ``AnimatedGraphics``,
    adaptive streaming, or any future type): read-only, never dropped, never an error."""

    #: The task type as sent (4.0 ``taskType``, 3.0 ``Type``).
    task_type: str = ""
    #: The task's input as sent (read-only JSON), ``None`` when not sent.
    input: Mapping[str, Any] | None = None
    #: The task's output as sent (read-only JSON), ``None`` when not sent.
    output: Mapping[str, Any] | None = None
    #: API 3.0 only: the key the task sat under (``TranscodeTask``, ...), to write it back.
    wire_key: str | None = field(default=None, eq=False)


#: Any task of a task flow.
ProcedureTask = (
    SnapshotByTimeOffsetTask
    | SampleSnapshotTask
    | CoverBySnapshotTask
    | ImageSpritesTask
    | OtherTask
)


@frozen(kw_only=True)
class ProcedureData:
    """The ``data`` of a ``ProcedureStateChanged`` event (API 3.0: ``ProcedureStateChangeEvent``).

    Fields marked API 3.0 or 4.0 come in that shape only; API 3.0 may send any of them as null.
    """

    #: The task flow's id (4.0 ``vodTaskId``, 3.0 ``TaskId``).
    vod_task_id: str
    #: The task flow as a whole: still running, or finished (each task has its own status).
    status: ProcedureStatus
    #: ``0`` on success; ``None`` when not sent.
    err_code: int | None = None
    #: The message as sent.
    message: str | None = None
    #: The media file's id, as text.
    file_id: str | None = None
    #: The source's metadata as sent (size, container, bitrate, streams, ...), read-only JSON.
    meta_data: Mapping[str, Any] | None = None
    #: The tasks, in wire order: typed for the four snapshot-producing types, an
    #: :class:`OtherTask` for every other type.
    tasks: tuple[ProcedureTask, ...] = ()
    #: 4.0 only: the encryption asked for (definition, keySource, getKeyUrl, edkList), as sent.
    drm: Mapping[str, Any] | None = None
    #: Content review results as sent (4.0 ``contentReviewList``, 3.0
    #: ``AiContentReviewResultSet``), read-only JSON.
    content_review: tuple[Any, ...] = ()
    #: AI analysis results as sent (4.0 ``aIAnalysisList``, 3.0 ``AiAnalysisResultSet``).
    ai_analysis: tuple[Any, ...] = ()
    #: AI recognition results as sent (4.0 ``aIRecognitionList``, 3.0 ``AiRecognitionResultSet``).
    ai_recognition: tuple[Any, ...] = ()
    #: API 3.0 only: the file's name.
    file_name: str | None = None
    #: API 3.0 only: the file's URL.
    file_url: str | None = None
    #: API 3.0 only: the task flow's priority.
    tasks_priority: int | None = None
    #: API 3.0 only: ``"Finish"`` or ``"Change"``: when events are sent.
    tasks_notify_mode: str | None = None
    #: API 3.0 only: the caller's own string, echoed.
    session_context: str | None = None
    #: API 3.0 only: the de-duplication id the caller gave.
    session_id: str | None = None
    #: API 3.0 only: who started the task flow.
    operator: str | None = None
    #: API 3.0 only: how it was started.
    operation_type: str | None = None
