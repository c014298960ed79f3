"""The one list of the wire formats vodsnap reads, and what every consumer asks of it.

Recognition and the converters (``shapes``), JSON Schema, ``snapshots()``, the CLI, the testing
kit and the Hypothesis plugin iterate ``FORMATS``: adding a format is its model, its module
ending in ``FORMAT = Format(...)``, and one line here.
"""

from __future__ import annotations

from typing import Final

from . import (
    event_api3,
    event_live,
    event_mps,
    fast_snapshot,
    image_sprite,
    live_moderation,
    live_screenshot,
    mps_schedule,
    mps_workflow,
    procedure,
    snapshot_event,
    unknown_event,
    unknown_live_event,
)
from ._format import Format

__all__ = [
    "BY_MODEL",
    "EVENTS",
    "FORMATS",
    "KEYED",
    "LIVE",
    "MPS",
    "MPS_EVENT_TYPES",
    "MPS_PAYLOAD_KEYS",
    "PAYLOAD_KEYS",
    "UNKNOWN_EVENT",
    "UNKNOWN_LIVE",
    "format_of",
]

#: Every format ``parse`` reads, in the order of ``vodsnap.Callback``.
FORMATS: Final[tuple[Format, ...]] = (
    fast_snapshot.FORMAT,
    snapshot_event.FORMAT,
    procedure.FORMAT,
    image_sprite.FORMAT,
    unknown_event.FORMAT,
    live_screenshot.FORMAT,
    live_moderation.FORMAT,
    unknown_live_event.FORMAT,
    mps_workflow.FORMAT,
    mps_schedule.FORMAT,
)

#: The event formats (``parse_event``, and every pulled event), in the order of
#: ``vodsnap.Event``.
EVENTS: Final = tuple(f for f in FORMATS if f.is_event)
#: The event format of every event type no other format models.
UNKNOWN_EVENT: Final = next(f for f in EVENTS if f.event_type is None)
#: Each format, by its model class.
BY_MODEL: Final = {f.model: f for f in FORMATS}
#: Every API 3.0 payload key: published bodies hold all but their own as ``null``.
PAYLOAD_KEYS: Final = (
    *(f.api3.key for f in EVENTS if f.api3 is not None),
    *event_api3.OTHER_PAYLOAD_KEYS,
)
#: The Cloud Live formats (a top-level ``event_type`` number), in the order of
#: ``vodsnap.LiveEvent``.
LIVE: Final = tuple(f for f in FORMATS if f.type_key == event_live.EVENT_TYPE_KEY)
#: The Cloud Live format of every number no other format models.
UNKNOWN_LIVE: Final = next(f for f in LIVE if f.type_value is None)
#: The MPS task notifications (an ``EventType`` of theirs, in the API 3.0 shape), in the order
#: of ``vodsnap.MpsNotification``; any other ``EventType`` is a VOD event's.
MPS: Final = tuple(f for f in FORMATS if f.type_key == event_api3.EVENT_TYPE_KEY)
#: Every MPS ``EventType``: the modelled ones and those that stay ``UnknownEvent``s (all are
#: signed the MPS way).
MPS_EVENT_TYPES: Final = frozenset((*(f.type_value for f in MPS), *event_mps.OTHER_EVENT_TYPES))
#: Every MPS payload key: a body may hold all but its own as ``null``.
MPS_PAYLOAD_KEYS: Final = frozenset(
    (
        *(f.table.wire_names["data"] for f in MPS if f.table is not None),
        *event_mps.OTHER_PAYLOAD_KEYS,
    )
)
#: Each format recognised by its keys, with the keys that identify it: its own, less any key
#: another format's body also has at its top level (a Cloud Live screenshot's ``create_time``,
#: ``width`` and ``height`` never make a body a fast-snapshot callback).
KEYED: Final = tuple(
    (
        f,
        f.keys.difference(
            *(
                {field.wire for field in other.table.fields}
                for other in FORMATS
                if other is not f and other.table is not None
            )
        ),
    )
    for f in FORMATS
    if f.keys and f.table is not None
)


def format_of(model: object) -> Format:
    """The format ``model`` is of: its class's, else the nearest base class's (a subclass of a
    model reads as that model). The one lookup from a model to its format: ``snapshots()`` and
    the CLI's kind and summary line use it.

    :raises TypeError: when ``model`` is not a vodsnap model (no class of it has a format).
    """
    for cls in type(model).__mro__:
        form = BY_MODEL.get(cls)
        if form is not None:
            return form
    raise TypeError(f"not a vodsnap model (no format reads a {type(model).__qualname__})")
