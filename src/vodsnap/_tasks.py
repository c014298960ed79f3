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
from ._dunders import plain_repr
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
    """The state of a task flow as a whole. Members compare equal to the wire's strings.

    :cvar PROCESSING: Some task is still running (with notify mode "Change", one event per task
        change).
    :cvar FINISH: Every task has ended, each with its own status.
    """

    PROCESSING = "PROCESSING"
    FINISH = "FINISH"


class TaskStatus(StrEnum):
    """The state of one task of a task flow. Members compare equal to the wire's strings.

    :cvar PROCESSING: Still running: no output yet.
    :cvar SUCCESS: Done; ``output`` holds the results.
    :cvar FAIL: Failed; ``err_code`` (or the API 3.0 ``err_code_ext``) and ``message`` say why.
    """

    PROCESSING = "PROCESSING"
    SUCCESS = "SUCCESS"
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
@plain_repr
class _TaskState:
    """What every task reports, in either wire shape (``ErrCodeExt`` onwards: API 3.0 only).

    :ivar status: The task's state.
    :ivar err_code: ``0`` on success, else a video-processing code (or 30009 source file error,
        30010 system failure); ``None`` when not sent. API 3.0 marks it "no longer recommended".
    :ivar err_code_ext: API 3.0 only: the newer textual error code (``""`` on success); ``None``
        when not sent.
    :ivar message: The task's message as sent.
    :ivar progress: API 3.0 only: how far the task is, 0 to 100.
    :ivar begin_process_time: API 3.0 only: when the task started.
    :ivar finish_time: API 3.0 only: when the task ended.
    """

    status: TaskStatus
    err_code: int | None = None
    err_code_ext: str | None = None
    message: str | None = None
    progress: int | None = None
    begin_process_time: datetime | None = None
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
@plain_repr
class SnapshotByTimeOffsetInput:
    """What a ``SnapshotByTimeOffset`` task was asked for.

    :ivar definition: The snapshot template id.
    :ivar time_offsets: The requested offsets in milliseconds (4.0 ``timeOffset``, 3.0
        ``TimeOffsetSet``).
    :ivar ext_time_offsets: API 3.0 only: offsets as text, ``"3.5s"`` (seconds) or ``"10%"`` (of the
        duration).
    :ivar watermark_definitions: 4.0 only (some examples): the watermark template ids.
    :ivar watermarks: API 3.0 only: the watermarks asked for, as sent (read-only JSON).
    """

    definition: int | None = None
    time_offsets: tuple[Milliseconds, ...] = ()
    ext_time_offsets: tuple[str, ...] = ()
    watermark_definitions: tuple[int, ...] = ()
    watermarks: tuple[Any, ...] = ()


@frozen(kw_only=True)
@plain_repr
class TaskPicture:
    """One picture a ``SnapshotByTimeOffset`` task took (no per-picture status: it was taken).

    :ivar time_offset: Where in the video, in milliseconds (API 3.0 sends a Float: a fraction is
        kept).
    :ivar url: The picture's URL.
    :ivar watermark_definitions: API 3.0 only: the watermark template ids applied.
    """

    time_offset: Milliseconds
    url: str
    watermark_definitions: tuple[int, ...] = ()


@frozen(kw_only=True)
@plain_repr
class SnapshotByTimeOffsetOutput:
    """What a successful ``SnapshotByTimeOffset`` task produced.

    :ivar pictures: The pictures, in the order sent (4.0 ``imgInfo``, 3.0 ``PicInfoSet``).
    :ivar definition: API 3.0 only: the snapshot template id.
    """

    pictures: tuple[TaskPicture, ...] = ()
    definition: int | None = None


@frozen(kw_only=True)
@plain_repr
class SnapshotByTimeOffsetTask(_TaskState):
    """A task flow's ``SnapshotByTimeOffset`` task: pictures at given offsets.

    :cvar task_type: The task type on the wire.
    :ivar input: What was asked for (``None`` when not sent).
    :ivar output: What was produced: only on success (API 3.0 sends ``null`` until then).
    """

    task_type: ClassVar[str] = "SnapshotByTimeOffset"
    input: SnapshotByTimeOffsetInput | None = None
    output: SnapshotByTimeOffsetOutput | None = None


# -- SampleSnapshot ---------------------------------------------------------------------------


@frozen(kw_only=True)
@plain_repr
class SampleSnapshotInput:
    """What a ``SampleSnapshot`` task was asked for.

    :ivar definition: The sampled-snapshot template id.
    :ivar watermarks: API 3.0 only: the watermarks asked for, as sent (read-only JSON).
    """

    definition: int | None = None
    watermarks: tuple[Any, ...] = ()


@frozen(kw_only=True)
@plain_repr
class SampleSnapshotOutput:
    """What a successful ``SampleSnapshot`` task produced.

    :ivar image_urls: The pictures' URLs, in the order sent (4.0 ``imageUrls``, 3.0
        ``ImageUrlSet``).
    :ivar definition: API 3.0 only: the template id.
    :ivar sample_type: API 3.0 only: how the samples were spaced (``"Percent"`` or ``"Time"``).
    :ivar interval: API 3.0 only: the spacing, in percent or seconds.
    :ivar watermark_definitions: API 3.0 only: the watermark template ids applied.
    :ivar pictures: API 3.0 only: pictures with their offsets (``PicInfoSet``), which one published
        example (the international "Screencapturing" page) sends instead of ``ImageUrlSet``.
    """

    image_urls: tuple[str, ...] = ()
    definition: int | None = None
    sample_type: str | None = None
    interval: int | None = None
    watermark_definitions: tuple[int, ...] = ()
    pictures: tuple[TaskPicture, ...] = ()


@frozen(kw_only=True)
@plain_repr
class SampleSnapshotTask(_TaskState):
    """A task flow's ``SampleSnapshot`` task: pictures at regular intervals.

    :cvar task_type: The task type on the wire.
    :ivar input: What was asked for.
    :ivar output: What was produced: only on success.
    """

    task_type: ClassVar[str] = "SampleSnapshot"
    input: SampleSnapshotInput | None = None
    output: SampleSnapshotOutput | None = None


# -- CoverBySnapshot --------------------------------------------------------------------------


@frozen(kw_only=True)
@plain_repr
class CoverBySnapshotInput:
    """What a ``CoverBySnapshot`` task was asked for.

    :ivar definition: The template id.
    :ivar position_type: ``"Time"`` (``position`` in seconds) or ``"Percent"`` (of the duration).
    :ivar position: Where the cover is taken (4.0 ``position``, 3.0 ``PositionValue``).
    :ivar watermarks: API 3.0 only: the watermarks asked for, as sent (read-only JSON).
    """

    definition: int | None = None
    position_type: str | None = None
    position: int | float | None = None
    watermarks: tuple[Any, ...] = ()


@frozen(kw_only=True)
@plain_repr
class CoverBySnapshotOutput:
    """What a successful ``CoverBySnapshot`` task produced.

    :ivar image_url: The cover's URL as sent: the 4.0 table documents ``imageUrl`` as an Array,
        every example sends one String, and API 3.0's ``CoverUrl`` is a String. ``urls`` reads
        either.
    """

    image_url: str | tuple[str, ...] | None = None

    @property
    def urls(self) -> tuple[str, ...]:
        """The cover URLs, whichever form they came in."""
        if self.image_url is None:
            return ()
        return (self.image_url,) if isinstance(self.image_url, str) else self.image_url


@frozen(kw_only=True)
@plain_repr
class CoverBySnapshotTask(_TaskState):
    """A task flow's ``CoverBySnapshot`` task: a snapshot made the file's cover.

    :cvar task_type: The task type on the wire.
    :ivar input: What was asked for.
    :ivar output: What was produced: only on success.
    """

    task_type: ClassVar[str] = "CoverBySnapshot"
    input: CoverBySnapshotInput | None = None
    output: CoverBySnapshotOutput | None = None


# -- ImageSprites -----------------------------------------------------------------------------


@frozen(kw_only=True)
@plain_repr
class ImageSpritesInput:
    """What an ``ImageSprites`` task was asked for.

    :ivar definition: The image-sprite template id.
    """

    definition: int | None = None


@frozen(kw_only=True)
@plain_repr
class ImageSpritesOutput:
    """What a successful ``ImageSprites`` task produced.

    :ivar image_urls: The sprite sheets' URLs, in order (4.0 ``urlList``, or ``imageUrls`` on an
        older page; 3.0 ``ImageUrlSet``).
    :ivar total_count: How many small images the sheets hold.
    :ivar web_vtt_url: The WebVTT file that maps times to places on the sheets.
    :ivar definition: API 3.0 only: the template id.
    :ivar height: API 3.0 only: a small image's height in pixels.
    :ivar width: API 3.0 only: a small image's width in pixels.
    """

    image_urls: tuple[str, ...] = ()
    total_count: int | None = None
    web_vtt_url: str | None = None
    definition: int | None = None
    height: int | None = None
    width: int | None = None


@frozen(kw_only=True)
@plain_repr
class ImageSpritesTask(_TaskState):
    """A task flow's ``ImageSprites`` task: sprite sheets and their WebVTT index.

    :cvar task_type: The task type on the wire (one older page spells it ``ImageSprite``: read as
        this).
    :ivar input: What was asked for.
    :ivar output: What was produced: only on success.
    """

    task_type: ClassVar[str] = "ImageSprites"
    input: ImageSpritesInput | None = None
    output: ImageSpritesOutput | None = None


# -- every other type -------------------------------------------------------------------------


@frozen(kw_only=True)
@plain_repr
class OtherTask(_TaskState):
    """A task of a type without snapshots (``Transcode``, ``PullFile``, ``AnimatedGraphics``,
    adaptive streaming, or any future type): read-only, never dropped, never an error.

    :ivar task_type: The task type as sent (4.0 ``taskType``, 3.0 ``Type``).
    :ivar input: The task's input as sent (read-only JSON), ``None`` when not sent.
    :ivar output: The task's output as sent (read-only JSON), ``None`` when not sent.
    :ivar wire_key: API 3.0 only: the key the task sat under (``TranscodeTask``, ...), to write it
        back.
    """

    task_type: str = ""
    input: Mapping[str, Any] | None = None
    output: Mapping[str, Any] | None = None
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
@plain_repr
class ProcedureData:
    """The ``data`` of a ``ProcedureStateChanged`` event (API 3.0: ``ProcedureStateChangeEvent``).

    Fields marked API 3.0 or 4.0 come in that shape only; API 3.0 may send any of them as null.

    :ivar vod_task_id: The task flow's id (4.0 ``vodTaskId``, 3.0 ``TaskId``).
    :ivar status: The task flow as a whole: still running, or finished (each task has its own
        status).
    :ivar err_code: ``0`` on success; ``None`` when not sent.
    :ivar message: The message as sent.
    :ivar file_id: The media file's id, as text.
    :ivar meta_data: The source's metadata as sent (size, container, bitrate, streams, ...),
        read-only JSON.
    :ivar tasks: The tasks, in wire order: typed for the four snapshot-producing types, an
        :class:`OtherTask` for every other type.
    :ivar drm: 4.0 only: the encryption asked for (definition, keySource, getKeyUrl, edkList), as
        sent.
    :ivar content_review: Content review results as sent (4.0 ``contentReviewList``, 3.0
        ``AiContentReviewResultSet``), read-only JSON.
    :ivar ai_analysis: AI analysis results as sent (4.0 ``aIAnalysisList``, 3.0
        ``AiAnalysisResultSet``).
    :ivar ai_recognition: AI recognition results as sent (4.0 ``aIRecognitionList``, 3.0
        ``AiRecognitionResultSet``).
    :ivar file_name: API 3.0 only: the file's name.
    :ivar file_url: API 3.0 only: the file's URL.
    :ivar tasks_priority: API 3.0 only: the task flow's priority.
    :ivar tasks_notify_mode: API 3.0 only: ``"Finish"`` or ``"Change"``: when events are sent.
    :ivar session_context: API 3.0 only: the caller's own string, echoed.
    :ivar session_id: API 3.0 only: the de-duplication id the caller gave.
    :ivar operator: API 3.0 only: who started the task flow.
    :ivar operation_type: API 3.0 only: how it was started.
    """

    vod_task_id: str
    status: ProcedureStatus
    err_code: int | None = None
    message: str | None = None
    file_id: str | None = None
    meta_data: Mapping[str, Any] | None = None
    tasks: tuple[ProcedureTask, ...] = ()
    drm: Mapping[str, Any] | None = None
    content_review: tuple[Any, ...] = ()
    ai_analysis: tuple[Any, ...] = ()
    ai_recognition: tuple[Any, ...] = ()
    file_name: str | None = None
    file_url: str | None = None
    tasks_priority: int | None = None
    tasks_notify_mode: str | None = None
    session_context: str | None = None
    session_id: str | None = None
    operator: str | None = None
    operation_type: str | None = None
