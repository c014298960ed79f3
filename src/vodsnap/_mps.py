"""The Media Processing Service (MPS) task notifications: frozen attrs classes with Python names
and no wire knowledge.

``WorkflowTask`` (a workflow's task, ``MpsWorkflowTask``) and ``ScheduleTask`` (an orchestration's
task, ``MpsScheduleTask``) in the API 3.0 shape. Their snapshot tasks (SnapshotByTimeOffset,
SampleSnapshot, ImageSprites) are typed; every other task (``MpsOtherTask``), the metadata and
the AI results stay read-only JSON. How each is read from the wire lives in ``_wire.event_mps``.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any, ClassVar, Final

from attrs import field, frozen

from ._dunders import plain_repr
from ._tasks import ProcedureStatus, TaskStatus

__all__ = [
    "AWS_S3",
    "COS",
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
]


#: The storage types whose objects have a bucket and a region (``MpsStorage.type``).
COS: Final = "COS"
AWS_S3: Final = "AWS-S3"


@frozen(kw_only=True)
@plain_repr
class MpsCosObject:
    """A COS location: ``Bucket`` (``name-appid``), ``Region`` and, for an input, ``Object``.

    :ivar bucket: The bucket; ``None`` when left out (inherited from a level above).
    :ivar region: The bucket's region (``ap-guangzhou``); ``None`` when left out.
    :ivar object: An input's object path (starts with ``/``); ``None`` for an output storage.
    :ivar secret_id: An S3 output storage's ``S3SecretId`` as sent (the official SDK writes it,
        normally ``null``); ``None`` otherwise.
    :ivar secret_key: An S3 output storage's ``S3SecretKey`` as sent, likewise; kept out of
        ``repr`` so that it does not reach a log.
    """

    bucket: str | None = None
    region: str | None = None
    object: str | None = None
    secret_id: str | None = None
    secret_key: str | None = field(default=None, repr=False)


@frozen(kw_only=True)
@plain_repr
class MpsStorage:
    """Where outputs are stored: ``{Type, CosOutputStorage | S3OutputStorage | VODOutputStorage}``.

    :ivar type: ``"COS"``, ``"AWS-S3"``, ``"VOD"`` or other text, as sent.
    :ivar cos: ``CosOutputStorage``: the COS bucket and region, as sent.
    :ivar s3: ``S3OutputStorage``: the S3 bucket (``S3Bucket``) and region (``S3Region``).
    :ivar vod: ``VODOutputStorage`` as sent, read-only.
    """

    type: str
    cos: MpsCosObject | None = None
    s3: MpsCosObject | None = None
    vod: Mapping[str, Any] | None = None

    @property
    def bucket(self) -> str | None:
        """The bucket of the storage its ``type`` names; ``None`` when it names none."""
        where = self._where()
        return None if where is None else where.bucket

    @property
    def region(self) -> str | None:
        """The region of the storage its ``type`` names; ``None`` when it names none."""
        where = self._where()
        return None if where is None else where.region

    def _where(self) -> MpsCosObject | None:
        return {COS: self.cos, AWS_S3: self.s3}.get(self.type)


@frozen(kw_only=True)
@plain_repr
class MpsInputInfo:
    """What the task processed (``InputInfo``): an object in COS, a URL, or another storage.

    :ivar type: ``"COS"``, ``"URL"``, ``"AWS-S3"``, ... as sent.
    :ivar cos: ``CosInputInfo``: the bucket, region and object.
    :ivar url: ``UrlInputInfo.Url``: the source's URL.
    :ivar s3: ``S3InputInfo`` as sent, read-only.
    :ivar vod: ``VODInputInfo`` as sent, read-only (the official SDK writes it; the reference
        does not list it).
    """

    type: str
    cos: MpsCosObject | None = None
    url: str | None = None
    s3: Mapping[str, Any] | None = None
    vod: Mapping[str, Any] | None = None


@frozen(kw_only=True)
@plain_repr
class MpsTaskInput:
    """What a snapshot task was asked for (its ``Input``).

    :ivar definition: The template id.
    :ivar time_offsets: SnapshotByTimeOffset only: ``TimeOffsetSet``, in **seconds** as sent.
    :ivar ext_time_offsets: SnapshotByTimeOffset only: ``ExtTimeOffsetSet`` (``"3.5s"``,
        ``"10%"``).
    :ivar output_storage: ``OutputStorage``: where the outputs go when the output names no
        storage; ``None`` when inherited from a level the notification does not carry.
    :ivar output_object_path: ``OutputObjectPath`` as sent.
    :ivar web_vtt_object_name: ImageSprites only: ``WebVttObjectName`` as sent.
    :ivar object_number_format: ``ObjectNumberFormat`` as sent, read-only.
    :ivar watermarks: ``WatermarkSet`` as sent, read-only.
    :ivar ext_info: ``ExtInfo``: the extension parameter as sent (the official SDK writes it).
    """

    definition: int | None = None
    time_offsets: tuple[int | float, ...] = ()
    ext_time_offsets: tuple[str, ...] = ()
    output_storage: MpsStorage | None = None
    output_object_path: str | None = None
    web_vtt_object_name: str | None = None
    object_number_format: Mapping[str, Any] | None = None
    watermarks: tuple[Any, ...] = ()
    ext_info: str | None = None


@frozen(kw_only=True)
@plain_repr
class MpsPicture:
    """One picture of a SnapshotByTimeOffset task (``PicInfoSet``).

    :ivar time_offset: ``TimeOffset``: where in the video, in **seconds** as sent (MPS, unlike
        VOD, sends seconds; ``snapshots()`` gives milliseconds).
    :ivar path: ``Path``: the image's object path in the output storage.
    :ivar watermark_definitions: ``WaterMarkDefinition``: the watermark template ids.
    """

    time_offset: int | float
    path: str
    watermark_definitions: tuple[int, ...] = ()


@frozen(kw_only=True)
@plain_repr
class MpsSnapshotByTimeOffsetOutput:
    """What a SnapshotByTimeOffset task produced.

    :ivar definition: ``Definition`` as sent (the published sample sends 0).
    :ivar storage: ``Storage``: where the pictures are; ``None`` when not named.
    :ivar pictures: ``PicInfoSet``, in the order sent.
    """

    definition: int | None = None
    storage: MpsStorage | None = None
    pictures: tuple[MpsPicture, ...] = ()


@frozen(kw_only=True)
@plain_repr
class MpsSampleSnapshotOutput:
    """What a SampleSnapshot task produced.

    :ivar definition: ``Definition`` as sent.
    :ivar sample_type: ``SampleType``: ``"Percent"`` or ``"Time"``.
    :ivar interval: ``Interval``, in the unit ``sample_type`` says.
    :ivar storage: ``Storage``: where the images are; ``None`` when not named.
    :ivar image_paths: ``ImagePathSet``, in the order sent.
    :ivar watermark_definitions: ``WaterMarkDefinition``.
    """

    definition: int | None = None
    sample_type: str | None = None
    interval: int | None = None
    storage: MpsStorage | None = None
    image_paths: tuple[str, ...] = ()
    watermark_definitions: tuple[int, ...] = ()


@frozen(kw_only=True)
@plain_repr
class MpsImageSpritesOutput:
    """What an ImageSprites task produced.

    :ivar definition: ``Definition`` as sent.
    :ivar height: ``Height`` of one small image, in pixels.
    :ivar width: ``Width`` of one small image, in pixels.
    :ivar total_count: ``TotalCount``: how many small images.
    :ivar storage: ``Storage``: where the sheets are; ``None`` when not named.
    :ivar image_paths: ``ImagePathSet``: one per sprite sheet, in the order sent.
    :ivar web_vtt_path: ``WebVttPath``: the WebVTT file (not an image).
    """

    definition: int | None = None
    height: int | None = None
    width: int | None = None
    total_count: int | None = None
    storage: MpsStorage | None = None
    image_paths: tuple[str, ...] = ()
    web_vtt_path: str | None = None


@frozen(kw_only=True)
@plain_repr
class _MpsTaskState:
    """What every snapshot task reports.

    :ivar status: ``Status``: PROCESSING, SUCCESS or FAIL.
    :ivar err_code_ext: ``ErrCodeExt``: the textual error code (``""`` on success).
    :ivar err_code: ``ErrCode``: ``0`` on success (the older code).
    :ivar message: ``Message`` as sent.
    :ivar input: ``Input``: what was asked for.
    :ivar begin_process_time: ``BeginProcessTime``.
    :ivar finish_time: ``FinishTime``.
    """

    status: TaskStatus
    err_code_ext: str | None = None
    err_code: int | None = None
    message: str | None = None
    input: MpsTaskInput | None = None
    begin_process_time: datetime | None = None
    finish_time: datetime | None = None


@frozen(kw_only=True)
@plain_repr
class MpsSnapshotByTimeOffsetTask(_MpsTaskState):
    """A ``SnapshotByTimeOffset`` task: pictures at given offsets.

    :cvar task_type: The task type on the wire.
    :ivar output: Only on success (``null`` until then, and on failure).
    """

    task_type: ClassVar[str] = "SnapshotByTimeOffset"
    output: MpsSnapshotByTimeOffsetOutput | None = None


@frozen(kw_only=True)
@plain_repr
class MpsSampleSnapshotTask(_MpsTaskState):
    """A ``SampleSnapshot`` task: pictures sampled at an interval.

    :cvar task_type: The task type on the wire.
    :ivar output: Only on success.
    """

    task_type: ClassVar[str] = "SampleSnapshot"
    output: MpsSampleSnapshotOutput | None = None


@frozen(kw_only=True)
@plain_repr
class MpsImageSpritesTask(_MpsTaskState):
    """An ``ImageSprites`` task: sprite sheets and their WebVTT file.

    :cvar task_type: The task type on the wire.
    :ivar output: Only on success.
    """

    task_type: ClassVar[str] = "ImageSprites"
    output: MpsImageSpritesOutput | None = None


@frozen(kw_only=True)
@plain_repr
class MpsOtherTask:
    """A result entry of a type that makes no snapshot (``Transcode``, ``AnimatedGraphics``,
    ``CoverBySnapshot``, ... and any future one).

    :ivar task_type: Its ``Type`` (``ActivityType`` in a ScheduleTask), as sent.
    :ivar data: The rest of the entry exactly as sent, read-only (its task keys and their
        tasks; in a ScheduleTask, ``ActivityResItem``).
    """

    task_type: str
    data: Mapping[str, Any] = field(factory=dict)


#: One result entry of a task.
MpsTask = MpsSnapshotByTimeOffsetTask | MpsSampleSnapshotTask | MpsImageSpritesTask | MpsOtherTask


@frozen(kw_only=True)
@plain_repr
class MpsTaskData:
    """A task's payload (``WorkflowTaskEvent`` or ``ScheduleTaskEvent``).

    :ivar task_id: ``TaskId``.
    :ivar status: ``Status``: PROCESSING or FINISH.
    :ivar err_code: ``ErrCode``: non-zero only when the source failed (else read each task).
    :ivar message: ``Message`` as sent.
    :ivar input: ``InputInfo``: what was processed.
    :ivar meta_data: ``MetaData`` as sent, read-only; ``None`` when absent or null.
    :ivar tasks: The result entries (``MediaProcessResultSet``, or ``ActivityResultSet``), in
        wire order.
    :ivar ai_content_review: ``AiContentReviewResultSet`` as sent, read-only.
    :ivar ai_analysis: ``AiAnalysisResultSet`` as sent, read-only.
    :ivar ai_recognition: ``AiRecognitionResultSet`` as sent, read-only.
    :ivar ai_quality_control: ``AiQualityControlTaskResult`` as sent, read-only.
    :ivar smart_subtitles: ``SmartSubtitlesTaskResult`` as sent, read-only (a workflow's; the
        official SDK writes it, the reference does not list it).
    :ivar smart_erase: ``SmartEraseTaskResult`` as sent, read-only (likewise).
    :ivar ai_dubbing: ``AiDubbingTaskResult`` as sent, read-only (likewise).
    """

    task_id: str
    status: ProcedureStatus
    err_code: int = 0
    message: str | None = None
    input: MpsInputInfo | None = None
    meta_data: Mapping[str, Any] | None = None
    tasks: tuple[MpsTask, ...] = ()
    ai_content_review: Any = None
    ai_analysis: Any = None
    ai_recognition: Any = None
    ai_quality_control: Any = None
    smart_subtitles: Any = None
    smart_erase: Any = None
    ai_dubbing: Any = None


@frozen(kw_only=True)
@plain_repr
class _MpsNotification:
    """What both MPS notifications carry beside their payload.

    :ivar event_type: ``EventType``: ``"WorkflowTask"`` or ``"ScheduleTask"``.
    :ivar data: The payload: the task, its input and its results.
    :ivar session_id: ``SessionId``: the deduplication id, as sent.
    :ivar session_context: ``SessionContext``: the caller's string, echoed.
    :ivar timestamp: ``Timestamp``: when the signature expires (Unix seconds on the wire), an
        aware time in UTC; ``None`` when unsigned. Not part of equality.
    :ivar sign: ``Sign`` as sent; ``None`` when unsigned. Not part of equality.
    """

    event_type: str
    data: MpsTaskData
    session_id: str | None = None
    session_context: str | None = None
    timestamp: datetime | None = field(default=None, eq=False)
    sign: str | None = field(default=None, eq=False)

    @property
    def task_id(self) -> str:
        """``TaskId``: the task's id."""
        return self.data.task_id

    @property
    def status(self) -> ProcedureStatus:
        """``Status``: PROCESSING or FINISH."""
        return self.data.status

    @property
    def err_code(self) -> int:
        """``ErrCode``: non-zero only when the source failed."""
        return self.data.err_code

    @property
    def message(self) -> str | None:
        """``Message`` as sent."""
        return self.data.message

    @property
    def input(self) -> MpsInputInfo | None:
        """``InputInfo``: what was processed."""
        return self.data.input

    @property
    def tasks(self) -> tuple[MpsTask, ...]:
        """The result entries, in wire order."""
        return self.data.tasks

    @property
    def idempotency_key(self) -> str:
        """Equal for Tencent's resends of one notification (``Timestamp`` and ``Sign`` may
        change), different for different tasks or states: the event type, the task id, and a
        digest of the task's and each entry's status and code."""
        import hashlib
        import json

        state = [
            self.data.status.value,
            self.data.err_code,
            [_state(task) for task in self.data.tasks],
            self.session_id,
        ]
        text = json.dumps(state, sort_keys=True, ensure_ascii=True, default=_plain)
        digest = hashlib.sha256(text.encode("ascii")).hexdigest()[:32]
        return f"{self.event_type}:{self.data.task_id}:{digest}"


def _state(task: MpsTask) -> list[Any]:
    """What tells one state of a result entry from another: its type and status and codes (an
    other task's whole entry, whose shape vodsnap does not know)."""
    if isinstance(task, MpsOtherTask):
        return [task.task_type, task.data]
    return [task.task_type, task.status.value, task.err_code or 0, task.err_code_ext or ""]


def _plain(value: Any) -> Any:
    if isinstance(value, Mapping):
        return dict(value)
    raise TypeError(f"{type(value).__name__} is not JSON")  # pragma: no cover - JSON only


@frozen(kw_only=True)
@plain_repr
class MpsWorkflowTask(_MpsNotification):
    """An MPS ``WorkflowTask`` notification (``WorkflowTaskEvent``): a workflow's task
    changed state."""


@frozen(kw_only=True)
@plain_repr
class MpsScheduleTask(_MpsNotification):
    """An MPS ``ScheduleTask`` notification (``ScheduleTaskEvent``): an orchestration's task
    changed state."""


#: Every MPS task notification ``parse`` returns.
MpsNotification = MpsWorkflowTask | MpsScheduleTask
