"""``snapshots(model)``: every snapshot a decoded model reports, read by the model's format (a
pull response's: its events', whatever its envelope)."""

from __future__ import annotations

from ._models import Callback, PullResponse
from ._snapshots import Snapshot
from ._wire.registry import format_of, pulled_envelope

__all__ = ["snapshots"]


def snapshots(model: Callback | PullResponse) -> tuple[Snapshot, ...]:
    """Every snapshot a decoded model reports, in wire order.

    Takes anything :func:`parse`, :func:`parse_event` or the pull decoders return. Every image
    produced is listed; every failure the wire reports is listed with ``url=None`` and its
    ``error``: a picture with a non-zero status; a task or callback that failed as a whole gives
    one entry per offset its input requested, or one with ``time_offset=None`` when it names
    none. Tasks still running give nothing; an :class:`UnknownEvent` gives ``()``; a pull
    response gives the snapshots of the events it decoded, in order. A subclass of a model
    reads as the model.

    :raises TypeError: when ``model`` is none of these.
    """
    if pulled_envelope(model) is not None:
        assert isinstance(model, PullResponse)  # every envelope's model is one
        return tuple(
            shot
            for pulled in model.events
            if pulled.event is not None
            for shot in snapshots(pulled.event)
        )
    return tuple(format_of(model).snapshots(model))
