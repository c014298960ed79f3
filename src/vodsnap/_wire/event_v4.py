"""Format B in VOD event notification 4.0: ``{version, eventType, data}``, its tables.

``eventType`` chooses the table of ``data``; an event type without one becomes an
``UnknownEvent`` holding its ``data`` read-only. ``version`` is ``"4.0"``, or the number ``4``.
The snapshot event's tables are here; the task flow's (``procedure``) and the image sprite's
(``image_sprite``) modules are imported when their table is first needed (``table``).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any, Final

from .._models import (
    ImageSpriteComplete,
    PicInfo,
    ProcedureStateChanged,
    SnapshotByTimeOffsetComplete,
    SnapshotByTimeOffsetData,
    UnknownEvent,
)
from ._scalars import ID, INT, JSON_OBJECT, OPTIONAL_INT, OPTIONAL_TEXT, TEXT, VERSION, constant
from ._table import ArrayOf, Builder, Field, Hook, Table, Unhook, expect_object, subclass_of

__all__ = [
    "EVENT_TYPE_KEY",
    "IMAGE_SPRITE_EVENT_TYPE",
    "MODELS",
    "PROCEDURE_EVENT_TYPE",
    "SNAPSHOT_EVENT_TYPE",
    "SNAPSHOT_TABLES",
    "UNKNOWN",
    "register",
    "structure_event",
    "table",
]

EVENT_TYPE_KEY: Final = "eventType"
SNAPSHOT_EVENT_TYPE: Final = "CreateSnapshotByTimeOffsetComplete"
PROCEDURE_EVENT_TYPE: Final = "ProcedureStateChanged"
IMAGE_SPRITE_EVENT_TYPE: Final = "CreateImageSpriteComplete"

PICTURE: Final = Table(
    PicInfo,
    (
        Field("time_offset", INT, "timeOffset"),
        Field("status", INT),
        Field("url", OPTIONAL_TEXT, omit_default=True),  # a failed picture has no url key
    ),
)
SNAPSHOT_DATA: Final = Table(
    SnapshotByTimeOffsetData,
    (
        Field("vod_task_id", TEXT, "vodTaskId"),
        Field("file_id", ID, "fileId"),  # past 64 bits: text, though sometimes a number
        Field("definition", INT),
        Field("pic_info", ArrayOf(PICTURE, "max_pictures"), "picInfo"),
        # The 4.0 envelope's task-level status: only written back when sent.
        Field("status", OPTIONAL_INT, omit_default=True),
        Field("message", OPTIONAL_TEXT, omit_default=True),
    ),
)
SNAPSHOT_EVENT: Final = Table(
    SnapshotByTimeOffsetComplete,
    (
        Field("version", VERSION),
        Field("event_type", constant(SNAPSHOT_EVENT_TYPE), EVENT_TYPE_KEY),
        Field("data", SNAPSHOT_DATA),
    ),
)
UNKNOWN: Final = Table(
    UnknownEvent,
    (
        Field("version", VERSION),
        Field("event_type", TEXT, EVENT_TYPE_KEY),
        Field("data", JSON_OBJECT),
    ),
)

#: The event types modelled, by ``eventType``: each one's class (``table`` gives its table).
MODELS: Final[dict[str, type]] = {
    SNAPSHOT_EVENT_TYPE: SnapshotByTimeOffsetComplete,
    PROCEDURE_EVENT_TYPE: ProcedureStateChanged,
    IMAGE_SPRITE_EVENT_TYPE: ImageSpriteComplete,
}
#: Every table of the snapshot event, inner ones first.
SNAPSHOT_TABLES: Final = (PICTURE, SNAPSHOT_DATA, SNAPSHOT_EVENT)


def table(event_type: str) -> Table:
    """The table of a modelled event type (a key of ``MODELS``). The task flow's and the image
    sprite's modules are imported on the first call for them: a process that never meets one
    never defines their tables, nor the data classes those build."""
    if event_type == PROCEDURE_EVENT_TYPE:
        from . import procedure

        return procedure.EVENT
    if event_type == IMAGE_SPRITE_EVENT_TYPE:
        from . import image_sprite

        return image_sprite.EVENT
    if event_type == SNAPSHOT_EVENT_TYPE:
        return SNAPSHOT_EVENT
    raise KeyError(event_type)


def structure_event(builder: Builder) -> Hook:
    """The hook for a 4.0 event of any type: its type's table, or ``UnknownEvent``'s. A type's
    function is made when its first event arrives, and then called directly."""
    by_type: dict[str, Hook] = {}

    def first(event_type: str) -> Hook:
        def make_and_structure(value: object, cl: object = None) -> Any:
            hook = by_type[event_type] = builder.structure(table(event_type))  # a race: twice
            return hook(value, cl)

        return make_and_structure

    by_type.update((event_type, first(event_type)) for event_type in MODELS)
    unknown = builder.structure(UNKNOWN)

    def structure(value: object, _: object = None) -> Any:
        obj = value if type(value) is dict else expect_object(value)
        event_type = obj.get(EVENT_TYPE_KEY)
        hook = by_type.get(event_type, unknown) if type(event_type) is str else unknown
        return hook(obj, None)

    return structure


def register(builder: Builder) -> dict[type, Unhook]:
    """Structure each event class by its 4.0 table; the unstructure functions, by class (the
    events module writes each event in the shape it arrived in)."""
    tables: dict[type, Table | Callable[[], Table]] = {UnknownEvent: UNKNOWN}
    tables.update((model, partial(table, event_type)) for event_type, model in MODELS.items())
    writers: dict[type, Unhook] = {}
    for model, found in tables.items():  # by class would resolve the annotations now
        hook = builder.structure_later(found)
        builder.converter.register_structure_hook_func(subclass_of(model), hook)
        writers[model] = builder.unstructure(found)
    return writers
