"""The shapes a body takes: recognising one by its keys, and writing an event back in its own.

An ``eventType`` makes a 4.0 event, an ``EventType`` (without ``eventType``) a 3.0 event, and
any key of the fast-snapshot callback one of those (so a missing ``vid`` is reported as such).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .._models import Callback, Event, EventFormat
from .._paths import WireError
from . import event_api3, event_v4, fast_snapshot
from ._table import Builder, Hook, Unhook, expect_object

__all__ = ["register"]

_NOT_A_CALLBACK = (
    "not a snapshot callback: expected an event notification (with 'eventType' or "
    "'EventType') or a fast-snapshot callback (with 'vid', 'status', 'result', ...)"
)


def register(builder: Builder) -> Hook:
    """Register the event classes and the unions ``Event`` and ``Callback``; return the
    ``Event`` hook (the pull envelopes decode their entries with it)."""
    conv = builder.converter
    fast_snapshot.register(builder)
    v4_writers = event_v4.register(builder)
    api3_writer = event_api3.writer(builder)
    for model, v4_writer in v4_writers.items():
        conv.register_unstructure_hook(model, _in_its_shape(v4_writer, api3_writer))

    v4_event: Callable[[object, object], Event] = event_v4.structure_event(builder)
    api3_event: Callable[[object, object], Event] = event_api3.structure_event(builder)
    fast: Callable[[object, object], Callback] = builder.structure(fast_snapshot.TABLE)

    def event(value: object, _: object = None) -> Event:
        obj = expect_object(value)
        if event_v4.EVENT_TYPE_KEY not in obj and event_api3.EVENT_TYPE_KEY in obj:
            return api3_event(obj, None)
        return v4_event(obj, None)

    def callback(value: object, _: object = None) -> Callback:
        obj = expect_object(value)
        if event_v4.EVENT_TYPE_KEY in obj or event_api3.EVENT_TYPE_KEY in obj:
            return event(obj)
        if "vid" in obj or not fast_snapshot.KEYS.isdisjoint(obj):  # the usual key first
            return fast(obj, None)
        raise WireError(_NOT_A_CALLBACK)

    # By equality, not by class: a union is not a class.
    conv.register_structure_hook_func(lambda t: t == Event, event)
    conv.register_structure_hook_func(lambda t: t == Callback, callback)
    return event


def _in_its_shape(v4_writer: Unhook, api3_writer: Unhook) -> Unhook:
    def write(event: Any) -> Any:
        return api3_writer(event) if event.wire_format is EventFormat.API3 else v4_writer(event)

    return write
