"""The shapes a body takes: recognising one by its keys, and moving an event between them.

An ``eventType`` makes a 4.0 event, an ``EventType`` (without ``eventType``) a 3.0 event, and
any key of the fast-snapshot callback one of those (so a missing ``vid`` is reported as such).
An event is written back in the shape it arrived in; ``as_api3`` gives a 4.0 body's 3.0 shape.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from .._models import Callback, Event, EventFormat
from .._paths import WireError
from . import event_api3, event_v4, fast_snapshot
from ._table import ArrayOf, Builder, Hook, Table, Unhook, expect_object, subclass_of

__all__ = ["as_api3", "register", "table_of"]

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
    for model, v4_writer in v4_writers.items():  # by class would resolve annotations now
        conv.register_unstructure_hook_func(
            subclass_of(model), _in_its_shape(v4_writer, api3_writer)
        )

    v4_event: Callable[[object, object], Event] = event_v4.structure_event(builder)
    api3_event: Callable[[object, object], Event] = event_api3.structure_event(builder)
    fast: Callable[[object, object], Callback] = builder.structure(fast_snapshot.TABLE)

    v4_key, api3_key, fast_keys = (
        event_v4.EVENT_TYPE_KEY,
        event_api3.EVENT_TYPE_KEY,
        fast_snapshot.KEYS,
    )

    def event(value: object, _: object = None) -> Event:
        obj = value if type(value) is dict else expect_object(value)
        if v4_key not in obj and api3_key in obj:
            return api3_event(obj, None)
        return v4_event(obj, None)

    def callback(value: object, _: object = None) -> Callback:
        obj = value if type(value) is dict else expect_object(value)
        if v4_key in obj:  # an event: as ``event`` reads it, without its call
            return v4_event(obj, None)
        if api3_key in obj:
            return api3_event(obj, None)
        if "vid" in obj or not fast_keys.isdisjoint(obj):  # the usual key first
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


def table_of(body: Mapping[str, Any]) -> Table | None:
    """The table describing a body's top level (of a 3.0 event: its payload's), if modelled."""
    if event_v4.EVENT_TYPE_KEY in body:
        event_type = body[event_v4.EVENT_TYPE_KEY]
        return event_v4.table(event_type) if event_type in event_v4.MODELS else event_v4.UNKNOWN
    if event_api3.EVENT_TYPE_KEY in body:
        payload = event_api3.PAYLOADS.get(body[event_api3.EVENT_TYPE_KEY])
        return None if payload is None else payload.table
    return fast_snapshot.TABLE


def as_api3(body: Mapping[str, Any], handle: str | None = None) -> dict[str, Any]:
    """A 4.0 body of a modelled event type in the API 3.0 shape, as ``to_wire`` writes it."""
    event_type = body[event_v4.EVENT_TYPE_KEY]
    payload = event_api3.PAYLOADS[event_type]
    data_field = next(f for f in event_v4.table(event_type).fields if f.attr == "data")
    if not isinstance(data_field.kind, Table):  # pragma: no cover - a table bug
        raise TypeError(f"{event_type}'s data has no table")
    out: dict[str, Any] = {} if handle is None else {event_api3.HANDLE_KEY: handle}
    out[event_api3.EVENT_TYPE_KEY] = event_type
    out[payload.key] = _renamed(body[data_field.wire], data_field.kind, payload.table)
    return out


def _renamed(value: Any, source: Table, target: Table) -> dict[str, Any]:
    """An object of ``source``'s wire names under ``target``'s (the same model's fields)."""
    by_attr = {f.attr: f for f in source.fields}
    out: dict[str, Any] = {}
    for field in target.fields:
        origin = by_attr[field.attr]
        if origin.wire not in value:
            continue
        item = value[origin.wire]
        if isinstance(field.kind, Table) and isinstance(origin.kind, Table):
            item = _renamed(item, origin.kind, field.kind)
        elif isinstance(field.kind, ArrayOf) and isinstance(field.kind.item, Table):
            inner = origin.kind.item if isinstance(origin.kind, ArrayOf) else None
            if isinstance(inner, Table):
                item = [_renamed(i, inner, field.kind.item) for i in item]
        out[field.wire] = item
    return out
