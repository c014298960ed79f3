"""Every event type vodsnap does not model (``NewFileUpload``, ...): ``UnknownEvent``.

In the 4.0 shape its ``data`` is kept read-only as sent; in the API 3.0 shape (``event_api3``)
the whole body but its envelope keys. Not an error: a handler routes, stores or ignores it.
"""

from __future__ import annotations

from typing import Final

from .._models import UnknownEvent
from ._format import Format, no_snapshots
from ._scalars import JSON_OBJECT, TEXT
from .event_v4 import envelope

__all__ = ["FORMAT"]


def _summary(model: UnknownEvent) -> str:
    return f"event type={model.event_type} version={model.version} (not modelled)"


FORMAT: Final = Format(
    name="event",
    title="A VOD event notification of a type vodsnap does not model",
    model=UnknownEvent,
    snapshots=no_snapshots,
    summary=_summary,
    v4=envelope(UnknownEvent, TEXT, JSON_OBJECT),
)
