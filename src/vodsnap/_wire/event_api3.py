"""The API 3.0 (2018-07-17) envelope of every event type: ``EventType``, a payload, ``EventHandle``.

``EventType`` chooses the event format (``registry``), whose ``api3`` says the payload key and
its table; an event decodes to the same model as its 4.0 shape, with ``wire_format`` saying how
it came. Published bodies also hold every other payload key as ``null``; strict mode allows
them only so. An event type without a
table becomes an ``UnknownEvent`` whose ``data`` is the whole body but its envelope keys.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any, Final

from .._models import EventFormat, UnknownEvent, thaw
from .._paths import WireError, at_key, group
from .._signature import EXPIRES_KEY, SIGN_KEY
from ._dispatch import by_type
from ._fast import maker
from ._format import Format
from ._scalars import JSON_OBJECT, OPTIONAL_TEXT, TEXT
from ._table import Builder, Hook, Table, Unhook

__all__ = ["EVENT_TYPE_KEY", "HANDLE_KEY", "OTHER_PAYLOAD_KEYS", "structure_event", "writer"]

EVENT_TYPE_KEY: Final = "EventType"
HANDLE_KEY: Final = "EventHandle"
_ENVELOPE: Final = frozenset({EVENT_TYPE_KEY, HANDLE_KEY, SIGN_KEY, EXPIRES_KEY})
#: What an event read from the 3.0 shape is made of, in the order ``event`` gives them.
_EVENT_ATTRIBUTES: Final = ("version", "event_type", "data", "wire_format", "event_handle")
#: An event's ``version``, whichever shape it came in.
_VERSION: Final = EventFormat.V4.value


#: The payload keys of the event types no format models (each format's ``api3`` names its own):
#: published bodies hold every payload key but their own as ``null`` (two are spelt without the
#: ``Event`` suffix).
OTHER_PAYLOAD_KEYS: Final = (
    "FileUploadEvent",
    "FileDeleteEvent",
    "PullCompleteEvent",
    "EditMediaComplete",
    "WechatPublishComplete",
    "TranscodeCompleteEvent",
    "ConcatCompleteEvent",
    "ClipCompleteEvent",
)


def _payloads(formats: Iterable[Format]) -> dict[str, tuple[str, type, Table]]:
    """Event type -> its payload key, model and data table, for every format with an API 3.0
    shape."""
    return {
        f.event_type: (f.api3.key, f.model, f.api3.table)
        for f in formats
        if f.event_type is not None and f.api3 is not None
    }


def structure_event(builder: Builder, formats: Iterable[Format]) -> Hook:
    """The hook for a 3.0 event of any type (its envelope is already known to be 3.0)."""
    frozen_json = builder.hooks(JSON_OBJECT)[0]
    text, optional_text = builder.hooks(TEXT)[0], builder.hooks(OPTIONAL_TEXT)[0]
    strict = builder.mode.strict

    def envelope(obj: Mapping[str, Any], errors: list[Exception]) -> tuple[Any, Any]:
        """The event type and the handle (``None`` with the problem added to ``errors``)."""
        event_type = _attempt(errors, EVENT_TYPE_KEY, text, obj, required=True)
        return event_type, _attempt(errors, HANDLE_KEY, optional_text, obj, required=False)

    makers: dict[type, Callable[..., Any]] = {}  # each made on its model's first event

    def event(model: type, event_type: Any, handle: Any, data: Any) -> Any:
        make = makers.get(model)
        if make is None:
            make = makers[model] = maker(model, _EVENT_ATTRIBUTES)
        return make(_VERSION, event_type, data, EventFormat.API3, handle)

    def typed(key: str, model: type, hook: Hook) -> Hook:
        def fast(obj: Mapping[str, Any], _: object = None) -> Any:
            """``structure`` of a lenient fast converter: only where it fails, not why."""
            event_type = obj[EVENT_TYPE_KEY]  # a string: ``by_type`` chose this hook by it
            handle = obj.get(HANDLE_KEY)
            if handle is not None and type(handle) is not str:
                handle = optional_text(handle, None)
            data = obj.get(key)
            if data is None:
                raise KeyError(key)
            return event(model, event_type, handle, hook(data, None))

        def structure(obj: Mapping[str, Any], _: object = None) -> Any:
            errors: list[Exception] = []
            event_type, handle = envelope(obj, errors)
            data = None
            if obj.get(key) is None:  # absent, or null as every unused payload key
                errors.append(at_key(key, KeyError(key)))
            else:
                data = _attempt(errors, key, hook, obj, required=True)
            if strict:
                errors += _unexpected(obj, key)
            if errors:
                raise group(errors)
            return event(model, event_type, handle, data)

        return structure if strict or builder.detailed else fast

    def unknown(obj: Mapping[str, Any], _: object = None) -> Any:
        errors: list[Exception] = []
        event_type, handle = envelope(obj, errors)
        data = frozen_json({k: v for k, v in obj.items() if k not in _ENVELOPE}, None)
        if errors or event_type is None:
            raise group(errors)
        return event(UnknownEvent, event_type, handle, data)

    hooks = {
        event_type: typed(key, model, builder.structure_later(table))
        for event_type, (key, model, table) in _payloads(formats).items()
    }
    return by_type(EVENT_TYPE_KEY, hooks, unknown, kind=str)


def _unexpected(obj: Mapping[str, Any], key: str) -> list[Exception]:
    """Strict reading: every payload key but ``key`` may be there only as null."""
    return [
        at_key(k, WireError("unexpected field"))
        for k, v in obj.items()
        if v is not None and k != key and k not in _ENVELOPE
    ]


def _attempt(
    errors: list[Exception], key: str, hook: Hook, obj: Mapping[str, Any], *, required: bool
) -> Any:
    """``hook`` of ``obj[key]``, or ``None`` with the problem added to ``errors``."""
    if key not in obj:
        if required:
            errors.append(at_key(key, KeyError(key)))
        return None
    try:
        return hook(obj[key], None)
    except Exception as exc:
        errors.append(at_key(key, exc))
        return None


def writer(builder: Builder, formats: Iterable[Format]) -> Unhook:
    """Write an event of any type in the 3.0 shape."""
    unstructure = {
        model: (key, builder.unstructure(table))
        for key, model, table in _payloads(formats).values()
    }

    def write(event: Any) -> dict[str, Any]:
        wire: dict[str, Any] = {}
        if event.event_handle is not None:
            wire[HANDLE_KEY] = event.event_handle
        wire[EVENT_TYPE_KEY] = event.event_type
        found = unstructure.get(type(event))
        if found is None:
            payload: dict[str, Any] = thaw(event.data)
            return wire | payload
        key, write_data = found
        wire[key] = write_data(event.data)
        return wire

    return write
