"""VOD event notification 4.0, ``{version, eventType, data}``: the envelope of every event type.

``eventType`` chooses the event format (``registry``); a type no format models becomes an
``UnknownEvent`` holding its ``data`` read-only. ``version`` is ``"4.0"``, or the number ``4``.
Each event format's own module makes its 4.0 table with ``envelope``.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Final

from ._dispatch import by_type
from ._format import Format
from ._scalars import VERSION, constant
from ._table import Builder, Field, Hook, Kind, Table

__all__ = ["EVENT_TYPE_KEY", "envelope", "structure_event"]

EVENT_TYPE_KEY: Final = "eventType"


def envelope(model: type, event_type: str | Kind, data: Table | Kind) -> Table:
    """The 4.0 table of an event: ``version``, ``eventType`` (a constant, or any text for the
    unknown event), and ``data`` read by ``data``."""
    kind = constant(event_type) if isinstance(event_type, str) else event_type
    return Table(
        model,
        (Field("version", VERSION), Field("event_type", kind, EVENT_TYPE_KEY), Field("data", data)),
    )


def structure_event(builder: Builder, formats: Iterable[Format]) -> Hook:
    """The hook for a 4.0 event of any type: its format's table, or the unknown event's. A
    type's function is made when its first event arrives."""
    hooks: dict[str, Hook] = {}
    unknown: Hook | None = None
    for form in formats:
        if form.v4 is None:
            continue
        hook = builder.structure_later(form.v4)
        if form.event_type is None:
            unknown = hook
        else:
            hooks[form.event_type] = hook
    if unknown is None:  # pragma: no cover - a registry bug, caught by every test
        raise TypeError("no format for the event types vodsnap does not model")
    return by_type(EVENT_TYPE_KEY, hooks, unknown, kind=str)
