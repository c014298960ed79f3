"""The one list of the wire formats vodsnap reads, the one list of the pull envelopes, and
what every consumer asks of them.

Recognition and the converters (``shapes``), JSON Schema, ``snapshots()``, the CLI, the testing
kit and the Hypothesis plugin iterate ``FORMATS``: adding a format is its model, its module
ending in ``FORMAT = Format(...)``, and one line here. The pull responses' decoding
(``parse_pull``, ``parse_any``, the decoder), converters, JSON Schema, ``snapshots()``, the CLI,
the kit and the plugin iterate ``ENVELOPES`` likewise.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

from .._paths import key_path
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
    pull,
    snapshot_event,
    unknown_event,
    unknown_live_event,
)
from ._format import Envelope, Format

__all__ = [
    "BY_MODEL",
    "ENVELOPES",
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
    "entries_depth",
    "entries_node",
    "entry_path",
    "envelope_of",
    "format_of",
    "is_pull_response",
    "pulled_envelope",
    "response_type",
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


#: Every pull envelope ``parse_pull`` reads, in the order they are recognised: a body with keys
#: of both is API 3.0's; the last is the one a body with none of their keys is read as
#: (``parse_pull``, whose old response may leave out its ``eventList``).
ENVELOPES: Final[tuple[Envelope, ...]] = (pull.PULL_EVENTS, pull.PULL_EVENT)


def envelope_of(value: object) -> Envelope | None:
    """The envelope a decoded body is, by its top-level keys (no pushed body has one); ``None``
    for anything else. The one rule for every body that may be pushed or pulled."""
    if not isinstance(value, Mapping):
        return None
    return next((e for e in ENVELOPES if not e.keys.isdisjoint(value)), None)


def is_pull_response(value: object) -> bool:
    """Whether a decoded body is a pull response rather than a pushed callback."""
    return envelope_of(value) is not None


def response_type(value: object) -> type:
    """The model a pull response decodes to: its envelope's, else the last envelope's."""
    return (envelope_of(value) or ENVELOPES[-1]).model


def entries_node(value: object) -> object:
    """Where a pull response's entries sit: the array as received (``None`` if absent)."""
    if not isinstance(value, Mapping):
        return None
    return (envelope_of(value) or ENVELOPES[-1]).entries(value)


def entries_depth(value: object) -> int:
    """How deep a pull response's entries sit (the body is depth 1)."""
    if not isinstance(value, Mapping):
        return 3
    return (envelope_of(value) or ENVELOPES[-1]).depth(value)


def entry_path(entry: object) -> str:
    """Where a pulled entry's event sits in it: under the key of an envelope that holds its
    events under one (``$.eventContent``), or the entry itself (``$``)."""
    if isinstance(entry, Mapping):
        for envelope in ENVELOPES:
            if envelope.event_key is not None and envelope.event_key in entry:
                return key_path("$", envelope.event_key)
    return "$"


def pulled_envelope(model: object) -> Envelope | None:
    """The envelope a decoded model is a response of (its class's, or a base class's), else
    ``None``: how ``snapshots()`` and the CLI tell a pull response from a callback."""
    for cls in type(model).__mro__:
        found = next((e for e in ENVELOPES if e.model is cls), None)
        if found is not None:
            return found
    return None
