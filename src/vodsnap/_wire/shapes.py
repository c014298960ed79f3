"""The shapes a body takes: recognising its format, and moving an event between shapes.

An ``eventType`` makes a 4.0 event, an ``EventType`` (without ``eventType``) an MPS task
notification when it is one of theirs and else a 3.0 event, an
``event_type`` (without either) a Cloud Live callback, and any of the keys that only a keyed
format has that format (so a fast-snapshot callback without ``vid`` is reported as such, and a
Cloud Live body never is); the formats are ``registry.FORMATS``. An event is written back in the
shape it arrived in; ``as_api3`` gives a 4.0 body's 3.0 shape.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import partial
from typing import Any

from .._models import Callback, Event, EventFormat
from .._paths import WireError
from . import event_api3, event_live, event_mps, event_v4
from ._dispatch import by_type, later
from ._format import Format
from ._table import ArrayOf, Builder, Hook, Table, Unhook, expect_object
from .registry import EVENTS, FORMATS, KEYED, LIVE, MPS, MPS_PAYLOAD_KEYS, UNKNOWN_EVENT

__all__ = ["as_api3", "register", "table_of"]

_NOT_A_CALLBACK = (
    "not a snapshot callback: expected an event notification (with 'eventType' or "
    "'EventType'), a Cloud Live callback (with 'event_type') or a fast-snapshot callback "
    "(with 'vid', 'status', 'result', ...)"
)


def register(builder: Builder) -> Hook:
    """Register every format's model, and the unions ``Event`` and ``Callback``; return the
    ``Event`` hook (the pull envelopes decode their entries with it). A format's functions are
    made when its first body arrives: a process pays for the formats it receives."""
    conv = builder.converter
    api3_writer = event_api3.writer(builder, EVENTS)
    for form in FORMATS:
        _register(builder, form, api3_writer)
    v4_event: Callable[[object, object], Event] = event_v4.structure_event(builder, EVENTS)
    api3_event: Callable[[object, object], Event] = event_api3.structure_event(builder, EVENTS)
    live_event: Callable[[object, object], Callback] = event_live.register(builder, LIVE)
    mps_hooks: dict[Any, Hook] = {}
    for form in MPS:
        if form.table is not None:
            keep = partial(mps_hooks.__setitem__, form.type_value)
            mps_hooks[form.type_value] = later(partial(_structure, builder, form), keep)
    api3_callback = by_type(event_api3.EVENT_TYPE_KEY, mps_hooks, api3_event, kind=str)
    keyed: list[tuple[frozenset[str], Hook]] = []
    for form, keys in KEYED:
        if form.table is not None:
            keep = partial(_keep, keyed, len(keyed), keys)
            keyed.append((keys, later(partial(builder.structure, form.table), keep)))
    v4_key, api3_key = event_v4.EVENT_TYPE_KEY, event_api3.EVENT_TYPE_KEY
    live_key = event_live.EVENT_TYPE_KEY

    def event(value: object, _: object = None) -> Event:
        obj = value if type(value) is dict else expect_object(value)
        if v4_key not in obj and api3_key in obj:
            return api3_event(obj, None)
        return v4_event(obj, None)

    def callback(value: object, _: object = None) -> Callback:
        obj = value if type(value) is dict else expect_object(value)
        if v4_key in obj:  # an event: as ``event`` reads it, without its call
            return v4_event(obj, None)
        if api3_key in obj:  # an MPS task, or a VOD event
            found: Callback = api3_callback(obj, None)
            return found
        if live_key in obj:
            return live_event(obj, None)
        for keys, structure in keyed:
            if not keys.isdisjoint(obj):
                model: Callback = structure(obj, None)
                return model
        raise WireError(_NOT_A_CALLBACK)

    # By equality, not by class: a union is not a class.
    conv.register_structure_hook_func(lambda t: t == Event, event)
    conv.register_structure_hook_func(lambda t: t == Callback, callback)
    return event


def _keep(
    keyed: list[tuple[frozenset[str], Hook]], at: int, keys: frozenset[str], hook: Hook
) -> None:
    keyed[at] = (keys, hook)


def _register(builder: Builder, form: Format, api3_writer: Unhook) -> None:
    """Structure and unstructure one format's model by its table (an event: in either shape),
    each function made when the converter is first asked for it."""
    conv = builder.converter
    is_model = _model_or_subclass(form.model)
    if form.table is not None:
        conv.register_structure_hook_factory(is_model, lambda _: _structure(builder, form))
        conv.register_unstructure_hook_func(is_model, builder.unstructure(form.table))
    elif form.v4 is not None:
        v4 = form.v4
        conv.register_structure_hook_factory(is_model, lambda _: builder.structure(v4))
        conv.register_unstructure_hook_func(
            is_model, _in_its_shape(builder.unstructure(v4), api3_writer)
        )


def _model_or_subclass(model: type) -> Callable[[Any], bool]:
    """A cattrs predicate: ``model`` or a subclass, as registering a hook for the class matches
    (which also resolves the class's annotations at once, which nothing here needs)."""
    return lambda t: isinstance(t, type) and issubclass(t, model)


def _structure(builder: Builder, form: Format) -> Hook:
    """A whole-body format's structure hook (an MPS one's ignoring the other payloads' nulls)."""
    if form.table is None:  # pragma: no cover - a registry bug
        raise TypeError(f"{form.name} has no table")
    hook = builder.structure(form.table)
    if form not in MPS:
        return hook
    return event_mps.null_payloads_ignored(hook, MPS_PAYLOAD_KEYS - {form.table.wire_names["data"]})


def _in_its_shape(v4_writer: Unhook, api3_writer: Unhook) -> Unhook:
    def write(event: Any) -> Any:
        return api3_writer(event) if event.wire_format is EventFormat.API3 else v4_writer(event)

    return write


def table_of(body: Mapping[str, Any]) -> Table | None:
    """The table describing a body's top level (of a 3.0 event: its payload's), if modelled."""
    if event_v4.EVENT_TYPE_KEY in body:
        return _event_format(body[event_v4.EVENT_TYPE_KEY]).v4
    if event_api3.EVENT_TYPE_KEY in body:
        mps = next((f for f in MPS if f.type_value == body[event_api3.EVENT_TYPE_KEY]), None)
        if mps is not None:
            return mps.table
        api3 = _event_format(body[event_api3.EVENT_TYPE_KEY]).api3
        return None if api3 is None else api3.table
    if event_live.EVENT_TYPE_KEY in body:
        number = body[event_live.EVENT_TYPE_KEY]
        return next((f.table for f in LIVE if f.type_value == number), event_live.ENVELOPE)
    return next((f.table for f, keys in KEYED if not keys.isdisjoint(body)), None)


def _event_format(event_type: object) -> Format:
    """The format of an event type: its own, or the unknown event's."""
    return next((f for f in EVENTS if f.event_type == event_type), UNKNOWN_EVENT)


def as_api3(body: Mapping[str, Any], handle: str | None = None) -> dict[str, Any]:
    """A 4.0 body of a modelled event type in the API 3.0 shape, as ``to_wire`` writes it."""
    event_type = body[event_v4.EVENT_TYPE_KEY]
    form = _event_format(event_type)
    if form.v4 is None or form.api3 is None:
        raise ValueError(f"{event_type!r} has no API 3.0 payload vodsnap models")
    data_field = next(f for f in form.v4.fields if f.attr == "data")
    if not isinstance(data_field.kind, Table):  # pragma: no cover - a table bug
        raise TypeError(f"{event_type}'s data has no table")
    out: dict[str, Any] = {} if handle is None else {event_api3.HANDLE_KEY: handle}
    out[event_api3.EVENT_TYPE_KEY] = event_type
    out[form.api3.key] = _renamed(body[data_field.wire], data_field.kind, form.api3.table)
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
