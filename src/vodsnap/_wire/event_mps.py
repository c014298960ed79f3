"""The MPS task notifications' shared tables: ``EventType``, one payload, ``SessionId``,
``SessionContext``, ``Timestamp``, ``Sign``; the input, storages and snapshot tasks.

A ``WorkflowTask`` and a ``ScheduleTask`` differ only in their payload key and in how a result
entry holds its task: ``{Type, <Task key>: {...}}`` in a workflow's ``MediaProcessResultSet``,
``{ActivityType, ActivityResItem: {<Task key>: {...}}}`` in a schedule's ``ActivityResultSet``
(``entries`` makes either). The three snapshot types are typed; an entry of any other type
(``CoverBySnapshot`` has no task key at all) is kept whole, read-only. Task offsets are seconds.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, Final

from .. import _mps as mps
from .._models import thaw
from .._paths import WireError, at_key, group
from .._signature import MPS_EXPIRES_KEY, SIGN_KEY
from .._tasks import ProcedureStatus, TaskStatus
from ._fast import maker
from ._scalars import (
    INT,
    ISO_TIME,
    JSON_OBJECT,
    JSON_VALUE,
    NUMBER,
    OPTIONAL_TEXT,
    TEXT,
    UNIX_TIME,
    constant,
    nullable,
    text,
    text_enum_of,
)
from ._table import (
    ArrayOf,
    Builder,
    Composite,
    Field,
    Hook,
    Kind,
    Mode,
    Table,
    Unhook,
    expect_object,
    nullable_table,
)
from .event_api3 import EVENT_TYPE_KEY

__all__ = [
    "EVENT_TYPE_KEY",
    "INPUT_INFO",
    "OTHER_EVENT_TYPES",
    "OTHER_PAYLOAD_KEYS",
    "STORAGE",
    "TASKS",
    "TIMESTAMP_KEY",
    "entries",
    "envelope",
    "null_payloads_ignored",
    "payload",
    "results",
]

#: The payload keys of the MPS event types no format models: the SDK's ``ParseNotification``
#: holds every payload key but a body's own as ``null``.
OTHER_PAYLOAD_KEYS: Final = ("EditMediaTaskEvent", "BatchTaskEvent", "ExtractBlindWatermarkTask")
#: The MPS event types no format models (they stay ``UnknownEvent``s), in the order of
#: ``OTHER_PAYLOAD_KEYS``.
OTHER_EVENT_TYPES: Final = ("EditMediaTask", "BatchTask", "ExtractBlindWatermark")
#: When the signature expires (Unix seconds); ``Sign`` is under the API 3.0 name.
TIMESTAMP_KEY: Final = MPS_EXPIRES_KEY

_INT: Final = nullable(INT)
_TEXT: Final = OPTIONAL_TEXT
_OBJECT: Final = nullable(JSON_OBJECT)
_TIME: Final = nullable(ISO_TIME)
_RAW: Final = nullable(JSON_VALUE)
_PATHS: Final = ArrayOf(TEXT, "max_snapshots", nullable=True)
_INTS: Final = ArrayOf(INT, "max_pictures", nullable=True)


def _optional(attr: str, kind: Any, name: str, **more: Any) -> Field:
    """A field that may be absent or null: left out by ``to_wire`` when it is its default."""
    return Field(attr, kind, name, omit_default=True, **more)


_COS_OUTPUT: Final = Table(
    mps.MpsCosObject,
    (_optional("bucket", _TEXT, "Bucket"), _optional("region", _TEXT, "Region")),
)
_S3_OUTPUT: Final = Table(
    mps.MpsCosObject,
    (
        _optional("bucket", _TEXT, "S3Bucket"),
        _optional("region", _TEXT, "S3Region"),
        _optional("secret_id", _TEXT, "S3SecretId"),
        _optional("secret_key", _TEXT, "S3SecretKey"),
    ),
)
STORAGE: Final = Table(
    mps.MpsStorage,
    (
        Field("type", TEXT, "Type"),
        _optional("cos", nullable_table(_COS_OUTPUT), "CosOutputStorage"),
        _optional("s3", nullable_table(_S3_OUTPUT), "S3OutputStorage"),
        _optional("vod", _OBJECT, "VODOutputStorage"),
    ),
)
_STORAGE: Final = nullable_table(STORAGE)
_URL_KEY: Final = "Url"


def _url_input(mode: Mode) -> Hook:
    """``UrlInputInfo``, ``{"Url": ...}``, read as its URL (strictly: no other key)."""

    def structure(value: object, _: object = None) -> str:
        obj = expect_object(value)
        errors: list[Exception] = []
        if mode.strict:
            errors += [at_key(k, WireError("unexpected field")) for k in obj if k != _URL_KEY]
        try:
            url = text(obj[_URL_KEY])
        except (KeyError, WireError) as exc:
            errors.append(at_key(_URL_KEY, exc))
        if errors:
            raise group(errors)
        return url

    return structure


_URL_INPUT: Final = Kind(
    "URL input",
    {"type": "object", "properties": {_URL_KEY: {"type": "string"}}, "required": [_URL_KEY]},
    factory=_url_input,
    unstructure=lambda url: {_URL_KEY: url},
)
INPUT_INFO: Final = Table(
    mps.MpsInputInfo,
    (
        Field("type", TEXT, "Type"),
        _optional(
            "cos",
            nullable_table(
                Table(
                    mps.MpsCosObject,
                    (
                        _optional("bucket", _TEXT, "Bucket"),
                        _optional("region", _TEXT, "Region"),
                        _optional("object", _TEXT, "Object"),
                    ),
                )
            ),
            "CosInputInfo",
        ),
        _optional("url", nullable(_URL_INPUT), "UrlInputInfo"),
        _optional("s3", _OBJECT, "S3InputInfo"),
        _optional("vod", _OBJECT, "VODInputInfo"),
    ),
)


def _input(*fields: Field) -> Table:
    """A snapshot task's ``Input``: its template, ``fields``, and where its outputs go."""
    return Table(
        mps.MpsTaskInput,
        (
            _optional("definition", _INT, "Definition"),
            *fields,
            _optional(
                "watermarks", ArrayOf(JSON_VALUE, "max_pictures", nullable=True), "WatermarkSet"
            ),
            _optional("output_storage", _STORAGE, "OutputStorage"),
            _optional("output_object_path", _TEXT, "OutputObjectPath"),
            _optional("object_number_format", _OBJECT, "ObjectNumberFormat"),
            _optional("ext_info", _TEXT, "ExtInfo"),
        ),
    )


def _task(model: type, input_table: Table, output_table: Table) -> Table:
    """A snapshot task: its state, input and output (``null`` until it succeeds)."""
    return Table(
        model,
        (
            Field("status", _TASK_STATUS, "Status"),
            _optional("err_code_ext", _TEXT, "ErrCodeExt"),
            _optional("err_code", _INT, "ErrCode"),
            _optional("message", _TEXT, "Message"),
            _optional("input", nullable_table(input_table), "Input"),
            _optional("output", nullable_table(output_table), "Output"),
            _optional("begin_process_time", _TIME, "BeginProcessTime"),
            _optional("finish_time", _TIME, "FinishTime"),
        ),
    )


_TASK_STATUS: Final = text_enum_of(TaskStatus, "PROCESSING, SUCCESS or FAIL.")
_DEFINITION: Final = _optional("definition", _INT, "Definition")
_OUTPUT_STORAGE: Final = _optional("storage", _STORAGE, "Storage")

SNAPSHOT_TASK: Final = _task(
    mps.MpsSnapshotByTimeOffsetTask,
    _input(
        _optional("time_offsets", ArrayOf(NUMBER, "max_pictures", nullable=True), "TimeOffsetSet"),
        _optional("ext_time_offsets", _PATHS, "ExtTimeOffsetSet"),
    ),
    Table(
        mps.MpsSnapshotByTimeOffsetOutput,
        (
            _OUTPUT_STORAGE,
            _DEFINITION,
            _optional(
                "pictures",
                ArrayOf(
                    Table(
                        mps.MpsPicture,
                        (
                            Field("time_offset", NUMBER, "TimeOffset"),
                            Field("path", TEXT, "Path"),
                            _optional("watermark_definitions", _INTS, "WaterMarkDefinition"),
                        ),
                    ),
                    "max_pictures",
                    nullable=True,
                ),
                "PicInfoSet",
            ),
        ),
    ),
)
SAMPLE_TASK: Final = _task(
    mps.MpsSampleSnapshotTask,
    _input(),
    Table(
        mps.MpsSampleSnapshotOutput,
        (
            _DEFINITION,
            _optional("sample_type", _TEXT, "SampleType"),
            _optional("interval", _INT, "Interval"),
            _OUTPUT_STORAGE,
            _optional("image_paths", _PATHS, "ImagePathSet"),
            _optional("watermark_definitions", _INTS, "WaterMarkDefinition"),
        ),
    ),
)
SPRITE_TASK: Final = _task(
    mps.MpsImageSpritesTask,
    _input(_optional("web_vtt_object_name", _TEXT, "WebVttObjectName")),
    Table(
        mps.MpsImageSpritesOutput,
        (
            _OUTPUT_STORAGE,
            _DEFINITION,
            _optional("height", _INT, "Height"),
            _optional("width", _INT, "Width"),
            _optional("total_count", _INT, "TotalCount"),
            _optional("image_paths", _PATHS, "ImagePathSet"),
            _optional("web_vtt_path", _TEXT, "WebVttPath"),
        ),
    ),
)
#: The snapshot task types (each model's ``task_type``): the key holding each task, and its
#: table.
TASKS: Final = {
    mps.MpsSnapshotByTimeOffsetTask.task_type: ("SnapshotByTimeOffsetTask", SNAPSHOT_TASK),
    mps.MpsSampleSnapshotTask.task_type: ("SampleSnapshotTask", SAMPLE_TASK),
    mps.MpsImageSpritesTask.task_type: ("ImageSpriteTask", SPRITE_TASK),
}
_TASK_KEYS: Final = frozenset(key for key, _ in TASKS.values())


class _Entries:
    """The hooks of a result entry whose ``type_key`` names its type, with its task under
    ``holder`` (or beside the type when ``holder`` is ``None``), on one builder."""

    def __init__(self, builder: Builder, type_key: str, holder: str | None) -> None:
        self.type_key, self.holder, self.strict = type_key, holder, builder.mode.strict
        self.typed = {t: builder.structure(table) for t, (_, table) in TASKS.items()}
        self.writers = {table.model: builder.unstructure(table) for _, table in TASKS.values()}
        self.frozen_json = builder.hooks(JSON_OBJECT)[0]
        self.make_other: Callable[..., Any] | None = None
        #: By snapshot task type: its key, the other snapshot task keys, its structure function.
        self.tasks = {
            t: (key, tuple(sorted(_TASK_KEYS - {key})), self.typed[t])
            for t, (key, _) in TASKS.items()
        }

    def hook(self, detailed: bool) -> Hook:
        """The structure function: ``structure``; for the fast converter, leniently,
        ``fast`` (which only needs to fail where ``structure`` does, not to say why)."""
        return self.structure if detailed or self.strict else self.fast

    def fast(self, value: object, _: object = None) -> Any:
        """``structure`` of a lenient fast converter, each step only as far as a valid entry
        needs: one lookup for the type's key, the other snapshot task keys, the task."""
        obj = value if type(value) is dict else expect_object(value)
        task_type = obj[self.type_key]
        if type(task_type) is not str:
            task_type = text(task_type)
        found = self.tasks.get(task_type)
        if found is None:
            return self._other(obj, task_type)
        key, others, typed = found
        holder = obj if self.holder is None else obj[self.holder]
        if type(holder) is not dict:
            holder = expect_object(holder)
        for k in others:
            if holder.get(k) is not None:
                raise WireError(f"a second task: {k}")
        task = holder.get(key)
        if task is None:
            raise KeyError(key)
        return typed(task, None)

    def structure(self, value: object, _: object = None) -> Any:
        obj = expect_object(value)
        try:
            task_type = text(obj[self.type_key])
        except (KeyError, WireError) as exc:
            raise group([at_key(self.type_key, exc)]) from None
        if task_type not in TASKS:
            return self._other(obj, task_type)
        errors: list[Exception] = []
        if self.holder is not None:
            errors += self._unexpected(obj, (self.type_key, self.holder))
        task = self._task(obj, task_type, errors)
        if errors:
            raise group(errors)
        return task

    def _other(self, obj: Mapping[str, Any], task_type: str) -> mps.MpsOtherTask:
        """An entry of a type not modelled: kept whole but its type, read-only."""
        if type(obj) is dict:  # a copy: the explaining converter may read ``obj`` again
            rest = obj.copy()
            del rest[self.type_key]
        else:
            rest = {k: v for k, v in obj.items() if k != self.type_key}
        data = self.frozen_json(rest, None)
        if self.make_other is None:  # made on the first entry of another type
            self.make_other = maker(mps.MpsOtherTask, ("task_type", "data"))
        other: mps.MpsOtherTask = self.make_other(task_type, data)
        return other

    def _unexpected(self, obj: Mapping[str, Any], allowed: tuple[str, ...]) -> list[Exception]:
        """Strictly, a key beside an entry's own that is not null (the others' tasks may be
        there as null); a second snapshot task is refused in every mode (``_task``)."""
        if not self.strict:
            return []
        return [
            at_key(k, WireError("unexpected field"))
            for k, v in obj.items()
            if v is not None and k not in allowed and k not in _TASK_KEYS
        ]

    def _task(self, obj: Mapping[str, Any], task_type: str, errors: list[Exception]) -> Any:
        """The entry's task, or ``None`` with its problems added to ``errors``."""
        key = TASKS[task_type][0]
        holder: Mapping[str, Any] = obj
        if self.holder is not None:
            try:
                holder = expect_object(obj[self.holder])
            except (KeyError, WireError) as exc:
                errors.append(at_key(self.holder, exc))
                return None
        inner = self._unexpected(holder, (self.type_key, key))
        inner += [
            at_key(k, WireError(f"expected null: an entry holds one task, its {task_type!r}"))
            for k in sorted(_TASK_KEYS)
            if k != key and holder.get(k) is not None
        ]
        task = None
        if holder.get(key) is None:
            inner.append(at_key(key, KeyError(key)))
        else:
            try:
                task = self.typed[task_type](holder[key], None)
            except Exception as exc:
                inner.append(at_key(key, exc))
        if inner and self.holder is not None:
            errors.append(at_key(self.holder, group(inner)))
        else:
            errors.extend(inner)
        return task

    def unstructure(self, task: Any) -> dict[str, Any]:
        if isinstance(task, mps.MpsOtherTask):
            return {self.type_key: task.task_type, **thaw(task.data)}
        inner = {TASKS[task.task_type][0]: self.writers[type(task)](task)}
        return {self.type_key: task.task_type, **({self.holder: inner} if self.holder else inner)}


def entries(type_key: str, holder: str | None) -> Composite:
    """A result entry: ``type_key`` names its type; its task is beside it, or under ``holder``."""

    def make(builder: Builder) -> tuple[Hook, Unhook]:
        made = _Entries(builder, type_key, holder)
        return made.hook(builder.detailed), made.unstructure

    def schema(schema_of: Any) -> dict[str, Any]:
        checks = []
        for task_type, (key, table) in TASKS.items():
            task = {"properties": {key: schema_of(table)}, "required": [key]}
            checks.append(
                {
                    "if": {"properties": {type_key: {"const": task_type}}, "required": [type_key]},
                    "then": task if holder is None else {"properties": {holder: task}},
                }
            )
        if holder is not None:
            checks = [{**c, "then": {**c["then"], "required": [holder]}} for c in checks]
        return {
            "type": "object",
            "properties": {type_key: {"type": "string"}},
            "required": [type_key],
            "allOf": checks,
        }

    return Composite(f"MPS result entry ({type_key})", make, schema)


def payload(model: type, results: Field) -> Table:
    """A notification's payload: the task, its input, its ``results`` and the AI results."""
    return Table(
        model,
        (
            Field("task_id", TEXT, "TaskId"),
            Field("status", _STATUS, "Status"),
            _optional("err_code", INT, "ErrCode"),
            _optional("message", _TEXT, "Message"),
            _optional("input", nullable_table(INPUT_INFO), "InputInfo"),
            _optional("meta_data", _OBJECT, "MetaData"),
            results,
            _optional("ai_content_review", _RAW, "AiContentReviewResultSet"),
            _optional("ai_analysis", _RAW, "AiAnalysisResultSet"),
            _optional("ai_recognition", _RAW, "AiRecognitionResultSet"),
            _optional("ai_quality_control", _RAW, "AiQualityControlTaskResult"),
            # written by the official SDK (3.1.194), not listed by the reference:
            _optional("smart_subtitles", _RAW, "SmartSubtitlesTaskResult"),
            _optional("smart_erase", _RAW, "SmartEraseTaskResult"),
            _optional("ai_dubbing", _RAW, "AiDubbingTaskResult"),
        ),
    )


_STATUS: Final = text_enum_of(ProcedureStatus, "PROCESSING or FINISH.")


def results(name: str, type_key: str, holder: str | None) -> Field:
    """The ``tasks`` field: the array ``name`` of result entries (``entries``)."""
    return _optional(
        "tasks", ArrayOf(entries(type_key, holder), "max_pictures", nullable=True), name
    )


def envelope(model: type, event_type: str, payload_key: str, data: Table) -> Table:
    """A whole notification: ``EventType`` (``event_type``), its payload under ``payload_key``,
    and the session and signature keys beside it."""
    return Table(
        model,
        (
            Field("event_type", constant(event_type), EVENT_TYPE_KEY),
            Field("data", data, payload_key),
            _optional("session_id", _TEXT, "SessionId"),
            _optional("session_context", _TEXT, "SessionContext"),
            _optional("timestamp", nullable(UNIX_TIME), TIMESTAMP_KEY),
            _optional("sign", _TEXT, SIGN_KEY),
        ),
    )


def null_payloads_ignored(hook: Hook, keys: frozenset[str]) -> Hook:
    """``hook`` of a body without the ``keys`` (the other payload keys) it holds as ``null``, in
    every mode, as an API 3.0 event's."""

    def structure(value: object, cl: object = None) -> Any:
        if (
            type(value) is dict
            and not keys.isdisjoint(value)
            and any(value.get(k, 0) is None for k in keys)
        ):
            value = {k: v for k, v in value.items() if v is not None or k not in keys}
        return hook(value, cl)

    return structure
