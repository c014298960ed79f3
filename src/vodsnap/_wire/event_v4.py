"""Format B in VOD event notification 4.0: ``{version, eventType, data}``, its tables.

``eventType`` chooses the table of ``data``; an event type without one becomes an
``UnknownEvent`` holding its ``data`` read-only. ``version`` is ``"4.0"``, or the number ``4``.
"""

from __future__ import annotations

from typing import Any, Final

from .._models import (
    PicInfo,
    SnapshotByTimeOffsetComplete,
    SnapshotByTimeOffsetData,
    UnknownEvent,
)
from . import image_sprite, procedure
from ._scalars import ID, INT, JSON_OBJECT, OPTIONAL_INT, OPTIONAL_TEXT, TEXT, VERSION, constant
from ._table import ArrayOf, Builder, Field, Hook, Table, Unhook, expect_object

__all__ = [
    "EVENT_TYPE_KEY",
    "SNAPSHOT_EVENT_TYPE",
    "SNAPSHOT_TABLES",
    "TABLES",
    "UNKNOWN",
    "register",
    "structure_event",
]

EVENT_TYPE_KEY: Final = "eventType"
SNAPSHOT_EVENT_TYPE: Final = "CreateSnapshotByTimeOffsetComplete"

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

#: The event types modelled, by ``eventType``.
TABLES: Final = {
    SNAPSHOT_EVENT_TYPE: SNAPSHOT_EVENT,
    procedure.EVENT_TYPE: procedure.EVENT,
    image_sprite.EVENT_TYPE: image_sprite.EVENT,
}
#: Every table of the snapshot event, inner ones first.
SNAPSHOT_TABLES: Final = (PICTURE, SNAPSHOT_DATA, SNAPSHOT_EVENT)


def structure_event(builder: Builder) -> Hook:
    """The hook for a 4.0 event of any type: its type's table, or ``UnknownEvent``'s."""
    by_type = {event_type: builder.structure_later(table) for event_type, table in TABLES.items()}
    unknown = builder.structure(UNKNOWN)

    def structure(value: object, _: object = None) -> Any:
        obj = expect_object(value)
        event_type = obj.get(EVENT_TYPE_KEY)
        hook = by_type.get(event_type, unknown) if type(event_type) is str else unknown
        return hook(obj, None)

    return structure


def register(builder: Builder) -> dict[type, Unhook]:
    """Structure each event class by its 4.0 table; the unstructure functions, by class (the
    events module writes each event in the shape it arrived in)."""
    writers: dict[type, Unhook] = {}
    for table in (*TABLES.values(), UNKNOWN):
        builder.converter.register_structure_hook(table.model, builder.structure_later(table))
        writers[table.model] = builder.unstructure(table)
    return writers
