"""The pull queues' responses: the old ``PullEvent`` and API 3.0's ``PullEvents``.

Each entry is decoded on its own: in the explaining converter a bad entry becomes a
``PulledEvent`` with an ``error`` and hides no other (its handle must still be confirmed); the
fast converter gives up on the whole response instead, which the decoder then explains.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, Final, NamedTuple

from .._errors import DecodeError
from .._models import Event, PulledEvent, PullEventResponse, PullEventsResponse
from .._paths import WireError, at_key, describe, field_errors, group, key_path
from ._scalars import OPTIONAL_TEXT, TEXT, strict_int, wire_int
from ._table import Builder, Hook, expect_object
from .event_api3 import EVENT_TYPE_KEY as API3_TYPE_KEY
from .event_api3 import HANDLE_KEY
from .event_v4 import EVENT_TYPE_KEY as V4_TYPE_KEY

__all__ = [
    "PULL_EVENTS_WIRE",
    "PULL_EVENT_WIRE",
    "PullEventWire",
    "PullEventsWire",
    "entries_depth",
    "entries_node",
    "entry_path",
    "is_pull_response",
    "register",
    "response_type",
]


class PullEventWire(NamedTuple):
    """The wire names of an old ``PullEvent`` response: ``{code, message, eventList:
    [{msgHandle, eventContent}]}``."""

    code: str
    message: str
    events: str
    handle: str
    content: str


class PullEventsWire(NamedTuple):
    """The wire names of an API 3.0 ``PullEvents`` response: ``{Response: {EventSet,
    RequestId, Error: {Code, Message}}}`` (each entry's handle is ``HANDLE_KEY``)."""

    response: str
    request_id: str
    event_set: str
    error: str
    error_code: str
    error_message: str


#: The one place the pull responses' wire names are written (the kit reads them too).
PULL_EVENT_WIRE: Final = PullEventWire("code", "message", "eventList", "msgHandle", "eventContent")
PULL_EVENTS_WIRE: Final = PullEventsWire(
    "Response", "RequestId", "EventSet", "Error", "Code", "Message"
)
_CODE, _MESSAGE, _EVENTS, _HANDLE, _CONTENT = PULL_EVENT_WIRE
_RESPONSE, _REQUEST_ID, _EVENT_SET, _ERROR, _ERROR_CODE, _ERROR_MESSAGE = PULL_EVENTS_WIRE

#: Keys that make a body an API 3.0 response, wrapped or not.
_UNWRAPPED: Final = frozenset({_RESPONSE, _REQUEST_ID, _EVENT_SET})

#: What an envelope wants: key -> (hook, required).
Wanted = Mapping[str, tuple[Hook, bool]]


def response_type(value: object) -> type[PullEventResponse] | type[PullEventsResponse]:
    """Which generation a pull response is: API 3.0's wraps everything in ``Response`` (the
    SDK's serialisation leaves the wrapper out, but has ``EventSet`` or ``RequestId``)."""
    if isinstance(value, Mapping) and not _UNWRAPPED.isdisjoint(value):
        return PullEventsResponse
    return PullEventResponse


def is_pull_response(value: object) -> bool:
    """Whether a decoded body is a pull response rather than a pushed callback, by its top-level
    keys: the old ``PullEvent``'s ``eventList``, or any key that makes ``response_type`` see
    API 3.0's (``Response``; the SDK's ``EventSet`` or ``RequestId``). No pushed body has one
    at its top level. The one rule for every body that may be either."""
    return isinstance(value, Mapping) and (_EVENTS in value or not _UNWRAPPED.isdisjoint(value))


def entries_node(value: object) -> object:
    """Where a pull response's entries sit: the array as received (``None`` if absent)."""
    if not isinstance(value, Mapping):
        return None
    inner = value.get(_RESPONSE, value)
    if response_type(value) is PullEventsResponse and isinstance(inner, Mapping):
        return inner.get(_EVENT_SET)
    return value.get(_EVENTS)


def entry_path(entry: object) -> str:
    """Where a pulled entry's event sits in it: ``$.eventContent`` (old form) or ``$``."""
    return key_path("$", _CONTENT) if isinstance(entry, Mapping) and _CONTENT in entry else "$"


def entries_depth(value: object) -> int:
    """How deep a pull response's entries sit (the body is depth 1): ``eventList[]`` and the
    SDK's ``EventSet[]`` at 3, ``Response.EventSet[]`` at 4."""
    return 4 if isinstance(value, Mapping) and _RESPONSE in value else 3


def _entries(most: int) -> Hook:
    """The entries of a pull response, at most ``most`` (refused before any is decoded);
    ``null`` (the SDK documents ``EventSet`` as possibly null) means none."""

    def entries(value: object, _: object = None) -> list[Any]:
        if value is None:
            return []
        if not isinstance(value, list | tuple):
            raise WireError(f"expected an array, got {describe(value)}")
        if len(value) > most:
            raise WireError(f"{len(value)} events, more than max_events={most}")
        return list(value)

    return entries


def _not_api3(entry: object) -> Exception | None:
    """Why a ``PullEvents`` entry is not an API 3.0 event at all, if it is not: a 4.0 event
    (``eventType``) or no ``EventType``. ``None`` for an entry to decode as one."""
    if not isinstance(entry, Mapping):
        return None  # the event's own decoder says what it is instead
    if V4_TYPE_KEY in entry:
        return WireError(
            f"expected an API 3.0 event ({API3_TYPE_KEY!r} and its payload), got a 4.0 event "
            f"({V4_TYPE_KEY!r}): PullEvents sends events in the API 3.0 shape"
        )
    if API3_TYPE_KEY not in entry:
        return group([at_key(API3_TYPE_KEY, KeyError(API3_TYPE_KEY))])
    return None


def _no_handle(entry: object) -> Exception:
    if isinstance(entry, Mapping) and HANDLE_KEY in entry:
        return WireError("expected the handle to confirm the event with, got null")
    return KeyError(HANDLE_KEY)


class _Envelopes:
    """The hooks of one converter's pull responses (``event`` decodes each entry)."""

    def __init__(self, builder: Builder, event: Callable[[object, object], Event]) -> None:
        self.strict = builder.mode.strict
        self.detailed = builder.detailed
        self.event = event
        text, optional_text = builder.hooks(TEXT)[0], builder.hooks(OPTIONAL_TEXT)[0]
        entries = _entries(builder.mode.limits.max_events)
        self.old: Wanted = {
            _CODE: (strict_int if self.strict else wire_int, True),
            _MESSAGE: (optional_text, False),
            _EVENTS: (entries, False),
        }
        self.old_entry: Wanted = {_HANDLE: (text, True), _CONTENT: (event, True)}
        self.error: Wanted = {_ERROR_CODE: (text, True), _ERROR_MESSAGE: (optional_text, False)}
        self.response: Wanted = {
            _REQUEST_ID: (text, True),
            _EVENT_SET: (entries, False),
            _ERROR: (self.envelope_hook(self.error), False),
        }
        self.new: Wanted = {_RESPONSE: (self.envelope_hook(self.response), True)}

    def envelope(self, value: object, wanted: Wanted) -> dict[str, Any]:
        """The ``wanted`` fields of an object; every problem gathered."""
        obj = expect_object(value)
        found: dict[str, Any] = {}
        errors: list[Exception] = []
        for key, (hook, required) in wanted.items():
            if key not in obj:
                if required:
                    errors.append(at_key(key, KeyError(key)))
                continue
            try:
                found[key] = hook(obj[key], None)
            except Exception as exc:
                errors.append(at_key(key, exc))
        if self.strict:
            errors.extend(at_key(k, WireError("unexpected field")) for k in obj if k not in wanted)
        if errors:
            raise group(errors)
        return found

    def envelope_hook(self, wanted: Wanted) -> Hook:
        """``envelope`` of ``wanted``, as a hook (for an object inside an envelope)."""

        def structure(value: object, _: object = None) -> dict[str, Any]:
            return self.envelope(value, wanted)

        return structure

    def failed(self, entry: object, exc: Exception, handle_key: str) -> PulledEvent:
        if not self.detailed:
            raise exc  # the decoder explains the whole response
        handle = entry.get(handle_key) if isinstance(entry, Mapping) else None
        return PulledEvent(
            msg_handle=handle if isinstance(handle, str) else None,
            error=DecodeError(field_errors(exc), entry),
        )

    def old_pulled(self, entry: object) -> PulledEvent:
        """An old PullEvent entry, ``{msgHandle, eventContent}``."""
        try:
            found = self.envelope(entry, self.old_entry)
        except Exception as exc:
            return self.failed(entry, exc, _HANDLE)
        return PulledEvent(msg_handle=found[_HANDLE], event=found[_CONTENT])

    def new_pulled(self, entry: object) -> PulledEvent:
        """An API 3.0 ``EventSet`` entry: the event itself, its handle inside (an entry in
        another shape fails as such, its handle kept to confirm it with)."""
        try:
            wrong_shape = _not_api3(entry)
            if wrong_shape is not None:
                raise wrong_shape
            event = self.event(entry, None)
            if event.event_handle is None:  # absent, or null as the SDK writes an unset one
                raise group([at_key(HANDLE_KEY, _no_handle(entry))])
        except Exception as exc:
            return self.failed(entry, exc, HANDLE_KEY)
        return PulledEvent(msg_handle=event.event_handle, event=event)

    def old_response(self, value: object, _: object = None) -> PullEventResponse:
        found = self.envelope(value, self.old)
        return PullEventResponse(
            code=found[_CODE],
            message=found.get(_MESSAGE) or "",
            events=tuple(self.old_pulled(entry) for entry in found.get(_EVENTS, ())),
        )

    def new_response(self, value: object, _: object = None) -> PullEventsResponse:
        wrapped = isinstance(value, Mapping) and _RESPONSE in value
        if wrapped:
            response = self.envelope(value, self.new)[_RESPONSE]
        else:  # the SDK's to_json_string(): the response's fields, no wrapper
            response = self.envelope(value, self.response)
        error = response.get(_ERROR, {})
        return PullEventsResponse(
            request_id=response[_REQUEST_ID],
            events=tuple(self.new_pulled(entry) for entry in response.get(_EVENT_SET, ())),
            error_code=error.get(_ERROR_CODE),
            error_message=error.get(_ERROR_MESSAGE),
            wrapped=wrapped,
        )


def register(builder: Builder, event: Callable[[object, object], Event]) -> None:
    """Structure and unstructure both pull responses; ``event`` decodes each entry."""
    conv = builder.converter
    envelopes = _Envelopes(builder, event)
    conv.register_structure_hook(PullEventResponse, envelopes.old_response)
    conv.register_structure_hook(PullEventsResponse, envelopes.new_response)

    def as_received(pulled: PulledEvent) -> Any:
        """A failed pulled event's wire form: the entry exactly as received."""
        return pulled.error.body if pulled.error is not None else None

    def write_old(response: PullEventResponse) -> dict[str, Any]:
        return {
            _CODE: response.code,
            _MESSAGE: response.message,
            _EVENTS: [
                {_HANDLE: e.msg_handle, _CONTENT: conv.unstructure(e.event)}
                if e.event is not None
                else as_received(e)
                for e in response.events
            ],
        }

    def write_new(response: PullEventsResponse) -> dict[str, Any]:
        inner: dict[str, Any] = {
            _EVENT_SET: [
                conv.unstructure(e.event) if e.event is not None else as_received(e)
                for e in response.events
            ]
        }
        if response.error_code is not None:
            inner[_ERROR] = {_ERROR_CODE: response.error_code}
            if response.error_message is not None:
                inner[_ERROR][_ERROR_MESSAGE] = response.error_message
        inner[_REQUEST_ID] = response.request_id
        return {_RESPONSE: inner} if response.wrapped else inner

    conv.register_unstructure_hook(PullEventResponse, write_old)
    conv.register_unstructure_hook(PullEventsResponse, write_new)
