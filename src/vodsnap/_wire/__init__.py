"""The wire layer: every wire name, quirk and coercion.

- ``_table``: the vocabulary (``Kind``, ``Field``, ``Table``) and ``Builder``, which turns a
  table into cattrs hooks; ``_fast``: the fast converter's generated functions;
- ``_scalars``: the kinds of value every format shares;
- ``_format``: ``Format``, everything known of one wire format;
- ``fast_snapshot``, ``snapshot_event``, ``procedure``, ``image_sprite``, ``unknown_event``: one
  module per format, its tables and snapshots, ending in ``FORMAT = Format(...)``;
- ``registry``: ``FORMATS``, the one list of them, and ``ENVELOPES``, that of the pull envelopes;
- ``event_v4``, ``event_api3``: the two envelopes an event arrives in; ``pull``: the pull
  envelopes (``Envelope``), whose entries are events;
- ``shapes``: which format a body is, and writing an event back in the shape it came in.

``build_converter`` assembles them into one converter for a ``Mode``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import datetime
from typing import Any

from cattrs import Converter

from .._codes import FastSnapshotStatus
from .._models import Callback, Event
from .._times import format_time
from . import shapes
from ._scalars import INT, JSON_OBJECT, OPTIONAL_TEXT, TEXT, TIME
from ._table import ArrayOf, Builder, Kind, Mode
from .fast_snapshot import STATUS
from .registry import ENVELOPES

__all__ = ["Mode", "build_converter"]

#: Types a user's own classes may hold, read by the same rules as vodsnap's (by class).
_BY_CLASS: tuple[tuple[type, Kind], ...] = (
    (str, TEXT),
    (int, INT),
    (datetime, TIME),
    (FastSnapshotStatus, STATUS),
)
#: And by equality (``str | None`` must not become a hook for ``str``).
_BY_TYPE: tuple[tuple[Any, Kind | ArrayOf], ...] = (
    (str | None, OPTIONAL_TEXT),
    (tuple[str, ...], ArrayOf(TEXT, "max_snapshots")),
    (Mapping[str, Any], JSON_OBJECT),
)


def build_converter(mode: Mode, *, detailed: bool) -> Converter:
    """A converter holding every wire rule, for one mode.

    ``detailed``: cattrs' detailed validation, which finds every problem (the explaining
    converter); without it, plain generated code that stops at the first (the fast one). Both
    use the same hooks, so they accept exactly the same bodies as the same models.
    """
    conv = Converter(detailed_validation=detailed, forbid_extra_keys=mode.strict)
    builder = Builder(conv, mode, detailed=detailed)
    for cl, kind in _BY_CLASS:
        conv.register_structure_hook(cl, kind.hook(mode))
    conv.register_unstructure_hook(datetime, format_time)
    for type_, shape in _BY_TYPE:
        structure, unstructure = builder.hooks(shape)
        conv.register_structure_hook_func(_equal_to(type_), structure)
        if unstructure is not None:
            conv.register_unstructure_hook_func(_equal_to(type_), unstructure)
    event = shapes.register(builder)
    for envelope in ENVELOPES:
        envelope.register(builder, event)
    # The unions' and envelopes' dispatch now, not on a first call that many threads may race
    # to make; each format's own functions are made on its first body (``shapes``).
    for target in (Event, Callback, *(envelope.model for envelope in ENVELOPES)):
        conv.get_structure_hook(target)
        conv.get_unstructure_hook(target)
    return conv


def _equal_to(type_: Any) -> Callable[[Any], bool]:
    """A cattrs predicate: types equal to ``type_`` (a union or generic is not a class)."""
    return lambda t: bool(t == type_)
