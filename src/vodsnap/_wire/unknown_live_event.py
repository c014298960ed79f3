"""Every Cloud Live ``event_type`` vodsnap does not model (0 stream ended, 1 stream started,
100 recording file, ...): ``UnknownLiveEvent``.

``event_type`` (any integer), ``t`` and ``sign`` are read (``event_live.ENVELOPE``); the rest
of the body is kept read-only as sent. Not an error: a handler routes, stores or ignores it.
"""

from __future__ import annotations

from typing import Final

from .._live import UnknownLiveEvent
from ._format import Format, no_snapshots
from .event_live import EVENT_TYPE_KEY

__all__ = ["FORMAT"]


def _summary(model: UnknownLiveEvent) -> str:
    return f"live-event event_type={model.event_type} (not modelled)"


FORMAT: Final = Format(
    name="live-event",
    title="A Cloud Live (CSS) callback of a type vodsnap does not model",
    model=UnknownLiveEvent,
    snapshots=no_snapshots,
    summary=_summary,
    type_key=EVENT_TYPE_KEY,
)
