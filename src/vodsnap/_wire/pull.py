"""The pull envelopes: the old ``PullEvent``'s response and API 3.0's ``PullEvents``', each
described once as an ``Envelope`` (``PULL_EVENT``, ``PULL_EVENTS``), which the registry lists.

Each envelope's wire names are written here, and only here: how it is recognised (its top-level
keys), where its entries are and how deep, its hooks, its summary line and JSON Schema. Each
entry is decoded on its own: in the explaining converter a bad entry becomes a ``PulledEvent``
with an ``error`` and hides no other (its handle must still be confirmed); the fast converter
gives up on the whole response instead, which the decoder then explains.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, Final, NamedTuple

from .._errors import DecodeError
from .._limits import Limits
from .._models import EventFormat, PulledEvent, PullEventResponse, PullEventsResponse
from .._paths import WireError, at_key, describe, field_errors, group
from ._format import Envelope
from ._scalars import INT, OPTIONAL_TEXT, TEXT, strict_int, wire_int
from ._table import Builder, Hook, expect_object
from .event_api3 import EVENT_TYPE_KEY as API3_TYPE_KEY
from .event_api3 import HANDLE_KEY
from .event_v4 import EVENT_TYPE_KEY as V4_TYPE_KEY

__all__ = [
    "KIND",
    "PULL_EVENT",
    "PULL_EVENTS",
    "PULL_EVENTS_WIRE",
    "PULL_EVENT_WIRE",
    "PullEventWire",
    "PullEventsWire",
]

#: The CLI's kind of a pull response, of either envelope.
KIND: Final = "pull"


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

#: What an envelope wants: key -> (hook, required).
Wanted = Mapping[str, tuple[Hook, bool]]


def _old_entries(value: Mapping[str, Any]) -> object:
    return value.get(_EVENTS)


def _new_entries(value: Mapping[str, Any]) -> object:
    inner = value.get(_RESPONSE, value)
    return inner.get(_EVENT_SET) if isinstance(inner, Mapping) else None


def _new_depth(value: Mapping[str, Any]) -> int:
    """``Response.EventSet[]`` at 4, the SDK's ``EventSet[]`` at 3."""
    return 4 if _RESPONSE in value else 3


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


def _check_api3(entry: object) -> None:
    """Raise why a ``PullEvents`` entry is not an API 3.0 event at all, if it is not: a 4.0
    event (``eventType``) or no ``EventType``; pass an entry to decode as one."""
    if not isinstance(entry, Mapping):
        return  # the event's own decoder says what it is instead
    if V4_TYPE_KEY in entry:
        raise WireError(
            f"expected an API 3.0 event ({API3_TYPE_KEY!r} and its payload), got a 4.0 event "
            f"({V4_TYPE_KEY!r}): PullEvents sends events in the API 3.0 shape"
        )
    if API3_TYPE_KEY not in entry:
        raise group([at_key(API3_TYPE_KEY, KeyError(API3_TYPE_KEY))])


def _no_handle(entry: object) -> Exception:
    if isinstance(entry, Mapping) and HANDLE_KEY in entry:
        return WireError("expected the handle to confirm the event with, got null")
    return KeyError(HANDLE_KEY)


class _Envelopes:
    """The hooks of one converter's pull responses (``event`` decodes each entry)."""

    def __init__(self, builder: Builder, event: Hook) -> None:
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

    # The callers re-raise (a bare ``raise``) for the fast converter, never ``raise exc`` here:
    # an exception held by a frame of its own traceback keeps the whole response alive until
    # the collector's next full pass.
    def failed(self, entry: object, exc: Exception, handle_key: str) -> PulledEvent:
        """The pulled event that failed with ``exc``, its handle kept if it has one."""
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
            if not self.detailed:
                raise  # the decoder explains the whole response
            return self.failed(entry, exc, _HANDLE)
        return PulledEvent(msg_handle=found[_HANDLE], event=found[_CONTENT])

    def new_pulled(self, entry: object) -> PulledEvent:
        """An API 3.0 ``EventSet`` entry: the event itself, its handle inside (an entry in
        another shape fails as such, its handle kept to confirm it with)."""
        try:
            _check_api3(entry)
            event = self.event(entry, None)
            if event.event_handle is None:  # absent, or null as the SDK writes an unset one
                raise group([at_key(HANDLE_KEY, _no_handle(entry))])
        except Exception as exc:
            if not self.detailed:
                raise  # the decoder explains the whole response
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


def _as_received(pulled: PulledEvent) -> Any:
    """A failed pulled event's wire form: the entry exactly as received."""
    return pulled.error.body if pulled.error is not None else None


def _register_old(builder: Builder, event: Hook) -> None:
    """Structure and unstructure the old ``PullEvent`` response; ``event`` decodes each entry."""
    conv = builder.converter
    conv.register_structure_hook(PullEventResponse, _Envelopes(builder, event).old_response)

    def write(response: PullEventResponse) -> dict[str, Any]:
        return {
            _CODE: response.code,
            _MESSAGE: response.message,
            _EVENTS: [
                {_HANDLE: e.msg_handle, _CONTENT: conv.unstructure(e.event)}
                if e.event is not None
                else _as_received(e)
                for e in response.events
            ],
        }

    conv.register_unstructure_hook(PullEventResponse, write)


def _register_new(builder: Builder, event: Hook) -> None:
    """Structure and unstructure API 3.0's ``PullEvents`` response; ``event`` decodes each
    entry."""
    conv = builder.converter
    conv.register_structure_hook(PullEventsResponse, _Envelopes(builder, event).new_response)

    def write(response: PullEventsResponse) -> dict[str, Any]:
        inner: dict[str, Any] = {
            _EVENT_SET: [
                conv.unstructure(e.event) if e.event is not None else _as_received(e)
                for e in response.events
            ]
        }
        if response.error_code is not None:
            inner[_ERROR] = {_ERROR_CODE: response.error_code}
            if response.error_message is not None:
                inner[_ERROR][_ERROR_MESSAGE] = response.error_message
        inner[_REQUEST_ID] = response.request_id
        return {_RESPONSE: inner} if response.wrapped else inner

    conv.register_unstructure_hook(PullEventsResponse, write)


def _summary(failure: Callable[[Any], str]) -> Callable[[Any], str]:
    """A pull response's line: ``pull ok events=N``, the queue empty, or why it failed."""

    def line(response: PullEventResponse | PullEventsResponse) -> str:
        if response.queue_empty:
            return f"{KIND} ok events=0 (the queue is empty)"
        state = "ok" if response.ok else f"failed: {failure(response)}"
        return f"{KIND} {state} events={len(response.events)}"

    return line


def _old_failure(response: PullEventResponse) -> str:
    known = response.api_error
    meaning = known.description_en if known is not None else "unknown code"
    return f"{_CODE}={response.code} ({meaning}) {_MESSAGE}={response.message}"


def _new_failure(response: PullEventsResponse) -> str:
    return f"{response.error_code} ({response.error_message}) request={response.request_id}"


def _entries_schema(limits: Limits) -> dict[str, Any]:
    """The entries: an array (or ``null``) of at most ``max_events``; each entry unchecked, as a
    bad one is its event's error, not the response's (the ``event`` schema checks an event)."""
    return {"anyOf": [{"type": "array", "maxItems": limits.max_events}, {"type": "null"}]}


def _old_schema(limits: Limits) -> dict[str, Any]:
    return {
        "type": "object",
        "properties": {
            _CODE: dict(INT.schema),
            _MESSAGE: dict(OPTIONAL_TEXT.schema),
            _EVENTS: _entries_schema(limits),
        },
        "required": [_CODE],
    }


def _new_schema(limits: Limits) -> dict[str, Any]:
    error = {
        "type": "object",
        "properties": {_ERROR_CODE: dict(TEXT.schema), _ERROR_MESSAGE: dict(OPTIONAL_TEXT.schema)},
        "required": [_ERROR_CODE],
    }
    response = {
        "type": "object",
        "properties": {
            _REQUEST_ID: dict(TEXT.schema),
            _EVENT_SET: _entries_schema(limits),
            _ERROR: error,
        },
        "required": [_REQUEST_ID],
    }
    wrapped = {"type": "object", "properties": {_RESPONSE: response}, "required": [_RESPONSE]}
    return {"anyOf": [wrapped, response]}  # the SDK's own serialisation has no ``Response``


PULL_EVENT: Final = Envelope(
    name="pull-event",
    title="A response of the old PullEvent API (code, message, eventList)",
    model=PullEventResponse,
    keys=frozenset({_EVENTS}),
    shape=EventFormat.V4,
    entries=_old_entries,
    depth=lambda _: 3,  # eventList[]
    event_key=_CONTENT,
    register=_register_old,
    kind=KIND,
    summary=_summary(_old_failure),
    failure=_old_failure,
    schema=_old_schema,
)
PULL_EVENTS: Final = Envelope(
    name="pull-events",
    title="A response of the API 3.0 PullEvents (Response.EventSet or Response.Error)",
    model=PullEventsResponse,
    # the SDK's serialisation leaves ``Response`` out, but has ``EventSet`` or ``RequestId``
    keys=frozenset({_RESPONSE, _REQUEST_ID, _EVENT_SET}),
    shape=EventFormat.API3,
    entries=_new_entries,
    depth=_new_depth,
    event_key=None,
    register=_register_new,
    kind=KIND,
    summary=_summary(_new_failure),
    failure=_new_failure,
    schema=_new_schema,
)
