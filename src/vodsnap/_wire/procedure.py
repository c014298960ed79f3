"""``ProcedureStateChanged`` (a task flow's state), in the 4.0 and API 3.0 shapes: its format.

A 4.0 task is an object whose ``taskType`` chooses its table; an API 3.0 task is
``{Type, <Type>Task: {...}, <every other>Task: null}``, whose ``Type`` chooses the key and the
table. The four snapshot-producing types have typed tables; every other type (and any future
one) is read by the generic table, its input and output kept as read-only JSON. Quirks: the
4.0 output of a time-offset task is ``imgInfo`` (not ``picInfo``), the cover's ``imageUrl``
comes as a String or an Array, sprite sheets as ``urlList`` or ``imageUrls``, 3.0 offsets as
Floats of milliseconds, 3.0 outputs ``null`` until success.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final

from .. import _tasks as tasks
from .._models import ProcedureStateChanged
from .._paths import WireError, at_key, group
from .._task_snapshots import task_snapshots
from ._format import Format, Payload
from ._scalars import (
    ID,
    INT,
    ISO_TIME,
    JSON_OBJECT,
    JSON_VALUE,
    NUMBER,
    OPTIONAL_TEXT,
    TEXT,
    TEXT_OR_TEXTS,
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
    Table,
    Unhook,
    expect_object,
    nullable_table,
)
from .event_v4 import envelope

__all__ = ["EVENT_TYPE", "FORMAT", "TABLES_3", "TABLES_4", "TASK_KEYS_3"]

EVENT_TYPE: Final = "ProcedureStateChanged"

_PROCEDURE_STATUS: Final = text_enum_of(tasks.ProcedureStatus, "PROCESSING or FINISH.")
_TASK_STATUS: Final = text_enum_of(tasks.TaskStatus, "PROCESSING, SUCCESS or FAIL.")
_INT: Final = nullable(INT)
_TEXT: Final = OPTIONAL_TEXT
_NUMBER: Final = nullable(NUMBER)
_OBJECT: Final = nullable(JSON_OBJECT)
_TIME: Final = nullable(ISO_TIME)
_URLS: Final = ArrayOf(TEXT, "max_snapshots", nullable=True)
_INTS: Final = ArrayOf(INT, "max_pictures", nullable=True)
_OFFSETS: Final = ArrayOf(NUMBER, "max_pictures", nullable=True)
_COVER_URL: Final = nullable(TEXT_OR_TEXTS)
_RAW: Final = ArrayOf(JSON_VALUE, "max_pictures", nullable=True)


def _or_null(kind: Table | Kind) -> Composite | Kind:
    """An input or output: its object, or ``null``."""
    return nullable_table(kind) if isinstance(kind, Table) else kind


def _optional(attr: str, kind: Any, name: str | None = None, **more: Any) -> Field:
    """A field that may be absent (or, in API 3.0, null): left out when it is its default."""
    return Field(attr, kind, name, omit_default=True, **more)


# -- 4.0 -------------------------------------------------------------------------------------


def _task_4(model: type, input_kind: Table | Kind, output_kind: Table | Kind) -> Table:
    """A typed 4.0 task's table (its ``taskType`` is read by the task list)."""
    return Table(
        model,
        (
            Field("status", _TASK_STATUS),
            _optional("err_code", _INT, "errCode"),
            _optional("message", _TEXT),
            _optional("input", _or_null(input_kind)),
            _optional("output", _or_null(output_kind)),
        ),
    )


def _input_4(model: type, *fields: Field) -> Table:
    """A 4.0 task's input: its template ``definition`` first, then ``fields``."""
    return Table(model, (_optional("definition", _INT), *fields))


SNAPSHOT_TASK_4: Final = _task_4(
    tasks.SnapshotByTimeOffsetTask,
    _input_4(
        tasks.SnapshotByTimeOffsetInput,
        _optional("time_offsets", _OFFSETS, "timeOffset"),
        _optional("watermark_definitions", _INTS, "watermarkDefinition"),
    ),
    Table(
        tasks.SnapshotByTimeOffsetOutput,
        (
            _optional(
                "pictures",
                ArrayOf(
                    Table(
                        tasks.TaskPicture,
                        (Field("time_offset", NUMBER, "timeOffset"), Field("url", TEXT)),
                    ),
                    "max_pictures",
                    nullable=True,
                ),
                "imgInfo",
            ),
        ),
    ),
)
SAMPLE_TASK_4: Final = _task_4(
    tasks.SampleSnapshotTask,
    _input_4(tasks.SampleSnapshotInput),
    Table(tasks.SampleSnapshotOutput, (_optional("image_urls", _URLS, "imageUrls"),)),
)
COVER_TASK_4: Final = _task_4(
    tasks.CoverBySnapshotTask,
    _input_4(
        tasks.CoverBySnapshotInput,
        _optional("position_type", _TEXT, "positionType"),
        _optional("position", _NUMBER),
    ),
    Table(tasks.CoverBySnapshotOutput, (_optional("image_url", _COVER_URL, "imageUrl"),)),
)
SPRITE_TASK_4: Final = _task_4(
    tasks.ImageSpritesTask,
    _input_4(tasks.ImageSpritesInput),
    Table(
        tasks.ImageSpritesOutput,
        (
            _optional("total_count", _INT, "totalCount"),
            _optional("image_urls", _URLS, "urlList", aliases=("imageUrls",)),
            _optional("web_vtt_url", _TEXT, "webVttUrl"),
        ),
    ),
)
OTHER_TASK_4: Final = Table(
    tasks.OtherTask,
    (
        Field("task_type", TEXT, "taskType"),
        Field("status", _TASK_STATUS),
        _optional("err_code", _INT, "errCode"),
        _optional("message", _TEXT),
        _optional("input", _OBJECT),
        _optional("output", _OBJECT),
    ),
)
#: The typed task tables of the 4.0 shape, by ``taskType`` (an older page spells one
#: ``ImageSprite``).
TABLES_4: Final = {
    "SnapshotByTimeOffset": SNAPSHOT_TASK_4,
    "SampleSnapshot": SAMPLE_TASK_4,
    "CoverBySnapshot": COVER_TASK_4,
    "ImageSprites": SPRITE_TASK_4,
    "ImageSprite": SPRITE_TASK_4,
}
_TASK_TYPE_4: Final = "taskType"


def _make_task_4(builder: Builder) -> tuple[Hook, Unhook]:
    """A 4.0 task: its ``taskType`` chooses the table (the generic one for other types)."""
    typed = {name: builder.structure(table) for name, table in TABLES_4.items()}
    writers = {table.model: builder.unstructure(table) for table in TABLES_4.values()}
    other, write_other = builder.structure(OTHER_TASK_4), builder.unstructure(OTHER_TASK_4)

    def structure(value: object, _: object = None) -> Any:
        obj = expect_object(value)
        task_type = obj.get(_TASK_TYPE_4)
        hook = typed.get(task_type) if isinstance(task_type, str) else None
        if hook is None:
            return other(obj, None)
        return hook({k: v for k, v in obj.items() if k != _TASK_TYPE_4}, None)

    def unstructure(task: Any) -> dict[str, Any]:
        write = writers.get(type(task))
        if write is None:
            written: dict[str, Any] = write_other(task)
            return written
        return {_TASK_TYPE_4: task.task_type, **write(task)}

    return structure, unstructure


def _schema_4(schema_of: Any) -> dict[str, Any]:
    return {"anyOf": [schema_of(table) for table in (*TABLES_4.values(), OTHER_TASK_4)]}


TASK_4: Final = Composite("task (4.0)", _make_task_4, _schema_4)

DATA_4: Final = Table(
    tasks.ProcedureData,
    (
        Field("vod_task_id", TEXT, "vodTaskId"),
        Field("status", _PROCEDURE_STATUS),
        _optional("err_code", _INT, "errCode"),
        _optional("message", _TEXT),
        _optional("file_id", nullable(ID), "fileId"),
        _optional("meta_data", _OBJECT, "metaData"),
        _optional("drm", _OBJECT),
        _optional("content_review", _RAW, "contentReviewList"),
        _optional("ai_analysis", _RAW, "aIAnalysisList"),
        _optional("ai_recognition", _RAW, "aIRecognitionList"),
        _optional("tasks", ArrayOf(TASK_4, "max_pictures", nullable=True), "processTaskList"),
    ),
)


# -- API 3.0 ---------------------------------------------------------------------------------


def _task_3(model: type, input_kind: Table | Kind, output_kind: Table | Kind) -> Table:
    """A 3.0 task's table (its ``Type`` is read by the task list)."""
    return Table(
        model,
        (
            Field("status", _TASK_STATUS, "Status"),
            _optional("err_code_ext", _TEXT, "ErrCodeExt"),
            _optional("err_code", _INT, "ErrCode"),
            _optional("message", _TEXT, "Message"),
            _optional("input", _or_null(input_kind), "Input"),
            _optional("output", _or_null(output_kind), "Output"),
            _optional("progress", _INT, "Progress"),
            _optional("begin_process_time", _TIME, "BeginProcessTime"),
            _optional("finish_time", _TIME, "FinishTime"),
        ),
    )


_PICTURES_3: Final = ArrayOf(
    Table(
        tasks.TaskPicture,
        (
            Field("time_offset", NUMBER, "TimeOffset"),
            Field("url", TEXT, "Url"),
            _optional("watermark_definitions", _INTS, "WaterMarkDefinition"),
        ),
    ),
    "max_pictures",
    nullable=True,
)
_WATERMARKS_3: Final = _optional("watermarks", _RAW, "WatermarkSet")
_DEFINITION_3: Final = _optional("definition", _INT, "Definition")


def _input_3(model: type, *fields: Field, watermarks: bool = True) -> Table:
    """A 3.0 task's input: its template ``Definition`` first, then ``fields``, then (where the
    SDK has one) its ``WatermarkSet``."""
    return Table(model, (_DEFINITION_3, *fields, *([_WATERMARKS_3] if watermarks else [])))


def _output_3(model: type, *fields: Field) -> Table:
    """A 3.0 task's output: its template ``Definition`` first, then ``fields``."""
    return Table(model, (_DEFINITION_3, *fields))


SNAPSHOT_TASK_3: Final = _task_3(
    tasks.SnapshotByTimeOffsetTask,
    _input_3(
        tasks.SnapshotByTimeOffsetInput,
        _optional("ext_time_offsets", _URLS, "ExtTimeOffsetSet"),
        _optional("time_offsets", _OFFSETS, "TimeOffsetSet"),
    ),
    _output_3(tasks.SnapshotByTimeOffsetOutput, _optional("pictures", _PICTURES_3, "PicInfoSet")),
)
SAMPLE_TASK_3: Final = _task_3(
    tasks.SampleSnapshotTask,
    _input_3(tasks.SampleSnapshotInput),
    _output_3(
        tasks.SampleSnapshotOutput,
        _optional("sample_type", _TEXT, "SampleType"),
        _optional("interval", _INT, "Interval"),
        _optional("image_urls", _URLS, "ImageUrlSet"),
        _optional("watermark_definitions", _INTS, "WaterMarkDefinition"),
        _optional("pictures", _PICTURES_3, "PicInfoSet"),
    ),
)
COVER_TASK_3: Final = _task_3(
    tasks.CoverBySnapshotTask,
    _input_3(
        tasks.CoverBySnapshotInput,
        _optional("position_type", _TEXT, "PositionType"),
        _optional("position", _NUMBER, "PositionValue"),
    ),
    Table(tasks.CoverBySnapshotOutput, (_optional("image_url", _COVER_URL, "CoverUrl"),)),
)
SPRITE_TASK_3: Final = _task_3(
    tasks.ImageSpritesTask,
    _input_3(tasks.ImageSpritesInput, watermarks=False),
    _output_3(
        tasks.ImageSpritesOutput,
        _optional("height", _INT, "Height"),
        _optional("width", _INT, "Width"),
        _optional("total_count", _INT, "TotalCount"),
        _optional("image_urls", _URLS, "ImageUrlSet"),
        _optional("web_vtt_url", _TEXT, "WebVttUrl"),
    ),
)
OTHER_TASK_3: Final = _task_3(tasks.OtherTask, _OBJECT, _OBJECT)
#: The typed task tables of the 3.0 shape, by ``Type``: the key holding the task, its table.
TABLES_3: Final = {
    "SnapshotByTimeOffset": ("SnapshotByTimeOffsetTask", SNAPSHOT_TASK_3),
    "SampleSnapshot": ("SampleSnapshotTask", SAMPLE_TASK_3),
    "CoverBySnapshot": ("CoverBySnapshotTask", COVER_TASK_3),
    "ImageSprites": ("ImageSpriteTask", SPRITE_TASK_3),
}
#: Where API 3.0 puts each documented task type, including those read generically.
TASK_KEYS_3: Final = {
    **{task_type: key for task_type, (key, _) in TABLES_3.items()},
    "Transcode": "TranscodeTask",
    "AnimatedGraphics": "AnimatedGraphicTask",
    "AdaptiveDynamicStreaming": "AdaptiveDynamicStreamingTask",
}
_TYPE_3: Final = "Type"
_DOCUMENTED_KEYS_3: Final = frozenset(TASK_KEYS_3.values())


def _task_key(obj: Mapping[str, Any], task_type: str) -> str | None:
    """Where a 3.0 task sits: its documented key, or for a type nobody documented yet, the one
    key beside ``Type`` that is not null and not a documented type's."""
    known = TASK_KEYS_3.get(task_type)
    if known is not None:
        return known
    return next(
        (
            k
            for k, v in obj.items()
            if k != _TYPE_3 and k not in _DOCUMENTED_KEYS_3 and v is not None
        ),
        None,
    )


def _second_tasks(obj: Mapping[str, Any], task_type: str, key: str | None) -> list[Exception]:
    """An entry holds one task: a documented task key that is not its own must be null or
    absent, in every mode (read as a second task it would be lost: the entry has one ``Type``)."""
    second = [k for k in TASK_KEYS_3.values() if k != key and obj.get(k) is not None]
    if not second:  # the commonest: no message to make
        return []
    where = f" under {key!r}" if key is not None else ""
    problem = (
        f"expected null: an entry holds one task, the one its Type names ({task_type!r}{where})"
    )
    return [at_key(k, WireError(problem)) for k in second]


class _Tasks3:
    """The hooks of an API 3.0 ``MediaProcessResultSet`` entry, on one builder."""

    def __init__(self, builder: Builder) -> None:
        self.strict = builder.mode.strict
        self.typed = {t: builder.structure(table) for t, (_, table) in TABLES_3.items()}
        self.writers = {table.model: builder.unstructure(table) for _, table in TABLES_3.values()}
        self.other = builder.structure(OTHER_TASK_3)
        self.write_other = builder.unstructure(OTHER_TASK_3)
        #: By documented task type: its key, the other documented keys.
        self.keys = {
            t: (key, tuple(k for k in TASK_KEYS_3.values() if k != key))
            for t, key in TASK_KEYS_3.items()
        }

    def hook(self, detailed: bool) -> Hook:
        """The structure function: ``structure``; for the fast converter, leniently,
        ``fast`` (which only needs to fail where ``structure`` does, not to say why)."""
        return self.structure if detailed or self.strict else self.fast

    def fast(self, value: object, _: object = None) -> Any:
        """``structure`` of a lenient fast converter, each step only as far as a valid entry of
        a documented type needs (any other type is read by ``structure``)."""
        obj = value if type(value) is dict else expect_object(value)
        task_type = obj[_TYPE_3]
        if type(task_type) is not str:
            task_type = text(task_type)
        found = self.keys.get(task_type)
        if found is None:
            return self.structure(obj)
        key, others = found
        for k in others:
            if obj.get(k) is not None:
                raise WireError(f"a second task: {k}")
        task = obj.get(key)
        if task is None:
            raise KeyError(key)
        hook = self.typed.get(task_type)
        if hook is not None:
            return hook(task, None)
        return _typed_as(self.other(task, None), task_type, key)

    def structure(self, value: object, _: object = None) -> Any:
        obj = expect_object(value)
        try:
            task_type = text(obj[_TYPE_3])
        except KeyError as exc:
            raise group([at_key(_TYPE_3, exc)]) from None
        except WireError as exc:
            raise group([at_key(_TYPE_3, exc)]) from None
        key = _task_key(obj, task_type)
        errors = _second_tasks(obj, task_type, key)
        if self.strict:  # any other key may be there as null, as every other task key is
            errors.extend(
                at_key(k, WireError("unexpected field"))
                for k, v in obj.items()
                if v is not None and k not in (_TYPE_3, key) and k not in _DOCUMENTED_KEYS_3
            )
        if key is None or obj.get(key) is None:
            errors.append(at_key(key or f"{task_type}Task", KeyError(key)))
            raise group(errors)
        hook = self.typed.get(task_type)
        try:
            task = (hook or self.other)(obj[key], None)
        except Exception as exc:
            errors.append(at_key(key, exc))
        if errors:
            raise group(errors)
        return task if hook is not None else _typed_as(task, task_type, key)

    def unstructure(self, task: Any) -> dict[str, Any]:
        write = self.writers.get(type(task))
        if write is not None:
            return {_TYPE_3: task.task_type, TASK_KEYS_3[task.task_type]: write(task)}
        key = task.wire_key or TASK_KEYS_3.get(task.task_type) or f"{task.task_type}Task"
        return {_TYPE_3: task.task_type, key: self.write_other(task)}


def _typed_as(task: tasks.OtherTask, task_type: str, key: str) -> tasks.OtherTask:
    """``task``, just made by the generic table (nothing else holds it yet), given the type and
    the key it came under: set in place, as its ``__init__`` sets them (``attrs.evolve`` made a
    copy through every field's keyword, a tenth of a task flow's decoding)."""
    object.__setattr__(task, "task_type", task_type)
    object.__setattr__(task, "wire_key", key)
    return task


def _make_task_3(builder: Builder) -> tuple[Hook, Unhook]:
    tasks = _Tasks3(builder)
    return tasks.hook(builder.detailed), tasks.unstructure


def _schema_3(schema_of: Any) -> dict[str, Any]:
    """A 3.0 task: its ``Type``'s key holds it, every other documented task key is null."""
    properties: dict[str, Any] = {_TYPE_3: {"type": "string"}}
    for key, table in TABLES_3.values():
        properties[key] = {"anyOf": [schema_of(table), {"type": "null"}]}
    null = {"type": "null"}
    one_task = [
        {
            "if": {"properties": {_TYPE_3: {"const": task_type}}, "required": [_TYPE_3]},
            "then": {
                "properties": {k: null for k in TASK_KEYS_3.values() if k != key}
                | {key: {"not": null}},
                "required": [key],
            },
        }
        for task_type, key in TASK_KEYS_3.items()
    ]
    one_task.append(  # a type nobody documented yet: no documented key is its
        {
            "if": {"properties": {_TYPE_3: {"not": {"enum": list(TASK_KEYS_3)}}}},
            "then": {"properties": dict.fromkeys(TASK_KEYS_3.values(), null)},
        }
    )
    return {
        "type": "object",
        "properties": properties,
        "required": [_TYPE_3],
        "allOf": one_task,
    }


TASK_3: Final = Composite("task (API 3.0)", _make_task_3, _schema_3)

DATA_3: Final = Table(
    tasks.ProcedureData,
    (
        Field("vod_task_id", TEXT, "TaskId"),
        Field("status", _PROCEDURE_STATUS, "Status"),
        _optional("err_code", _INT, "ErrCode"),
        _optional("message", _TEXT, "Message"),
        _optional("file_id", nullable(ID), "FileId"),
        _optional("file_name", _TEXT, "FileName"),
        _optional("file_url", _TEXT, "FileUrl"),
        _optional("meta_data", _OBJECT, "MetaData"),
        _optional("tasks", ArrayOf(TASK_3, "max_pictures", nullable=True), "MediaProcessResultSet"),
        _optional("content_review", _RAW, "AiContentReviewResultSet"),
        _optional("ai_analysis", _RAW, "AiAnalysisResultSet"),
        _optional("ai_recognition", _RAW, "AiRecognitionResultSet"),
        _optional("tasks_priority", _INT, "TasksPriority"),
        _optional("tasks_notify_mode", _TEXT, "TasksNotifyMode"),
        _optional("session_context", _TEXT, "SessionContext"),
        _optional("session_id", _TEXT, "SessionId"),
        _optional("operator", _TEXT, "Operator"),
        _optional("operation_type", _TEXT, "OperationType"),
    ),
)


def _summary(model: ProcedureStateChanged) -> str:
    flow = model.data
    tasks_ = " ".join(f"{task.task_type}:{task.status.value}" for task in flow.tasks)
    return (
        f"procedure task={flow.vod_task_id} file={flow.file_id} status={flow.status.value} "
        f"snapshots={sum(1 for _ in task_snapshots(model))} tasks=[{tasks_}]"
    )


FORMAT: Final = Format(
    name="procedure",
    title="A task flow's state (ProcedureStateChanged)",
    model=ProcedureStateChanged,
    snapshots=task_snapshots,
    summary=_summary,
    event_type=EVENT_TYPE,
    v4=envelope(ProcedureStateChanged, EVENT_TYPE, DATA_4),
    api3=Payload("ProcedureStateChangeEvent", DATA_3),
)
