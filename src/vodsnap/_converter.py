"""The cattrs converter: every wire name, quirk and coercion lives here and nowhere else.

Structure hooks never stop at the first problem: cattrs' detailed validation gathers every field's
error into one exception group, which ``_errors.field_errors`` turns into JSON paths using
``WIRE_NAMES``. Hooks raise ``WireError`` with the message the caller will read.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Mapping
from datetime import datetime
from functools import lru_cache
from typing import Any, Final, TypeVar

from attrs import fields
from cattrs import Converter
from cattrs.errors import ClassValidationError
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn, override

from ._codes import FastSnapshotStatus
from ._errors import DecodeError
from ._limits import DEFAULT_LIMITS, Limits
from ._models import (
    EventFormat,
    FastSnapshotCallback,
    FrozenDict,
    PicInfo,
    PulledEvent,
    PullEventResponse,
    PullEventsResponse,
    SnapshotByTimeOffsetComplete,
    SnapshotByTimeOffsetData,
    UnknownEvent,
    thaw,
)
from ._paths import (
    WireError,
    at,
    at_key,
    describe,
    field_errors,
    group,
    key_path,
    renamed,
    with_wire_names,
)
from ._signature import EXPIRES_KEY, SIGN_KEY
from ._times import format_time, parse_time

__all__ = [
    "API3_EVENT_TYPE_KEY",
    "API3_HANDLE_KEY",
    "API3_NAMES",
    "API3_SNAPSHOT_PAYLOAD",
    "DELETE_ALIAS",
    "EVENT_TYPE_KEY",
    "SNAPSHOT_EVENT_TYPE",
    "WIRE_NAMES",
    "Callback",
    "Event",
    "converter_for",
    "default_converter",
    "may_hold_a_float",
    "pull_entries",
    "pull_response_type",
]

T = TypeVar("T")

#: Everything ``parse`` can return.
Callback = FastSnapshotCallback | SnapshotByTimeOffsetComplete | UnknownEvent
#: Everything ``parse_event`` can return.
Event = SnapshotByTimeOffsetComplete | UnknownEvent

SNAPSHOT_EVENT_TYPE: Final = "CreateSnapshotByTimeOffsetComplete"

#: Attribute name -> wire name, for every field whose names differ.
WIRE_NAMES: Final[Mapping[type, Mapping[str, str]]] = {
    FastSnapshotCallback: {},
    PicInfo: {"time_offset": "timeOffset"},
    SnapshotByTimeOffsetData: {
        "vod_task_id": "vodTaskId",
        "file_id": "fileId",
        "pic_info": "picInfo",
    },
    SnapshotByTimeOffsetComplete: {"event_type": "eventType"},
    UnknownEvent: {"event_type": "eventType"},
}

#: The API 3.0 shape's names, where they differ from ``WIRE_NAMES``.
API3_NAMES: Final[Mapping[type, Mapping[str, str]]] = {
    PicInfo: {"time_offset": "TimeOffset", "status": "ErrCode", "url": "Url"},
    SnapshotByTimeOffsetData: {
        "vod_task_id": "TaskId",
        "file_id": "FileId",
        "definition": "Definition",
        "pic_info": "SnapshotInfoSet",
    },
}

_EVENT_TYPE_KEY: Final = "eventType"
_VERSION_KEY: Final = "version"
_API3_EVENT_TYPE_KEY: Final = "EventType"
_API3_HANDLE_KEY: Final = "EventHandle"
_API3_SNAPSHOT_PAYLOAD: Final = "SnapshotByTimeOffsetCompleteEvent"
_API3_ENVELOPE_KEYS: Final = frozenset(
    {_API3_EVENT_TYPE_KEY, _API3_HANDLE_KEY, SIGN_KEY, EXPIRES_KEY}
)
# Old PullEvent responses
_PULL_CODE: Final = "code"
_PULL_MESSAGE: Final = "message"
_PULL_EVENTS: Final = "eventList"
_PULL_HANDLE: Final = "msgHandle"
_PULL_CONTENT: Final = "eventContent"
# API 3.0 PullEvents responses
_API3_RESPONSE: Final = "Response"
_API3_REQUEST_ID: Final = "RequestId"
_API3_EVENTS: Final = "EventSet"
_API3_ERROR: Final = "Error"
_API3_CODE: Final = "Code"
_API3_MESSAGE: Final = "Message"
_VID: Final = "vid"
_DELETED: Final = "deleted"  # what the examples send
_DELETE: Final = "delete"  # what the field table says
_YES_NO: Final = {"yes": True, "no": False}
#: Keys only a fast-snapshot callback has at its top level: any one of them identifies it.
_FAST_SNAPSHOT_KEYS: Final = frozenset(
    {WIRE_NAMES[FastSnapshotCallback].get(a.name, a.name) for a in fields(FastSnapshotCallback)}
    | {_DELETE}
)


# -- scalar hooks ----------------------------------------------------------------------------


def _str(value: object, _: object = None) -> str:
    if type(value) is str:  # the common case, before the general one
        return value
    if isinstance(value, str):
        return str(value)
    raise WireError(f"expected a string, got {describe(value)}")


def _int(value: object, _: object = None) -> int:
    """JSON integers and decimal-digit strings; never booleans, fractions or other digits."""
    if type(value) is int:
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return int(value)
    if isinstance(value, str):
        digits = value[1:] if value[:1] == "-" else value
        if digits.isascii() and digits.isdigit():
            try:
                return int(value)
            except ValueError:  # past Python's int-string limit
                raise WireError(f"too many digits ({len(digits)})") from None
    raise WireError(f"expected an integer, got {describe(value)}")


def _strict_int(value: object, _: object = None) -> int:
    """JSON integers only."""
    if type(value) is int:
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return int(value)
    raise WireError(f"expected an integer, got {describe(value)}")


def _digit_text(value: object, _: object = None) -> str:
    """Strings as they are; integers as their decimal text (ids, error codes)."""
    if type(value) is str:
        return value
    if isinstance(value, str):
        return str(value)
    if isinstance(value, int) and not isinstance(value, bool):
        return str(int(value))
    raise WireError(f"expected a string or an integer, got {describe(value)}")


def _optional_str(value: object, _: object = None) -> str | None:
    if value is None or type(value) is str:
        return value
    return _str(value)


def _code_to_wire(code: str | None) -> str | int | None:
    """An error code as Tencent sends it: a number when it is one (``118``), else the text."""
    if code is not None:
        digits = code[1:] if code[:1] == "-" else code
        if digits.isascii() and digits.isdigit() and len(digits) < 20 and str(int(code)) == code:
            return int(code)
    return code


def _optional(hook: Callable[[object, object], T]) -> Callable[[object, object], T | None]:
    def structure(value: object, _: object = None) -> T | None:
        return None if value is None else hook(value, None)

    return structure


def _time(lenient: bool) -> Callable[[object, object], datetime]:
    expected = (
        "expected a time like '2018-08-23 16:25:18' (Beijing time) or ISO 8601 with an offset"
    )

    def structure(value: object, _: object = None) -> datetime:
        if not isinstance(value, str):
            raise WireError(f"{expected}, got {describe(value)}")
        try:
            return parse_time(value, lenient=lenient)
        except ValueError as exc:
            raise WireError(f"{expected}: {exc}") from None

    return structure


def _status(to_int: Callable[[object, object], int]) -> Callable[[object, object], Any]:
    known = ", ".join(f"{s.value} ({s.name.lower()})" for s in FastSnapshotStatus)
    by_value = {s.value: s for s in FastSnapshotStatus}  # a dict, not the Enum's slow call

    def structure(value: object, _: object = None) -> FastSnapshotStatus:
        try:
            return by_value[to_int(value, None)]
        except (KeyError, ValueError):
            raise WireError(f"expected one of {known}, got {describe(value)}") from None

    return structure


def _yes_no(value: object, _: object = None) -> bool:
    if isinstance(value, str) and value in _YES_NO:
        return _YES_NO[value]
    raise WireError(f"expected 'yes' or 'no', got {describe(value)}")


def _unyes_no(value: bool) -> str:
    return "yes" if value else "no"


def _version(value: object, _: object = None) -> str:
    """``"4.0"`` as sent; a JSON number (one PullEvent example sends ``4``) as ``"4.0"``."""
    if type(value) is str:
        return value
    if isinstance(value, str):
        return str(value)
    if isinstance(value, int) and not isinstance(value, bool):
        return f"{value}.0"
    if isinstance(value, float) and math.isfinite(value):
        return repr(value)
    raise WireError(f"expected a version string such as '4.0', got {describe(value)}")


def _snapshot_event_type(value: object, _: object = None) -> str:
    if value == SNAPSHOT_EVENT_TYPE:
        return SNAPSHOT_EVENT_TYPE
    raise WireError(f"expected {SNAPSHOT_EVENT_TYPE!r}, got {describe(value)}")


# -- containers ------------------------------------------------------------------------------


def _expect_object(value: object) -> Mapping[Any, Any]:
    if type(value) is dict or isinstance(value, Mapping):  # the ABC check only for the unusual
        return value
    raise WireError(f"expected an object, got {describe(value)}")


def _tuple_of(
    hook: Callable[[Any, Any], T],
    limit: tuple[str, int] | None = None,
    of_dicts: Callable[[Any, Any], T] | None = None,
) -> Callable[[object, object], tuple[T, ...]]:
    """A JSON array (a list or tuple, never a string or mapping) as a tuple, every item checked.

    ``limit`` is ``(name, most)``: a longer array is refused before any item is looked at.
    ``of_dicts``, if given, is ``hook`` without its check that an item is an object, called
    for items that are plain dicts (a function call less per picture).
    """
    fast = hook if of_dicts is None else of_dicts

    def structure(value: object, _: object = None) -> tuple[T, ...]:
        if type(value) is not list and not isinstance(value, list | tuple):
            raise WireError(f"expected an array, got {describe(value)}")
        if limit is not None and len(value) > limit[1]:
            raise WireError(f"{len(value)} items, more than {limit[0]}={limit[1]}")
        try:  # every item at once; only a failure pays for finding each problem
            return tuple([fast(i, None) if type(i) is dict else hook(i, None) for i in value])
        except Exception:
            pass
        items: list[T] = []
        errors: list[Exception] = []
        for index, item in enumerate(value):
            try:
                items.append(hook(item, None))
            except Exception as exc:
                errors.append(at(exc, f"[{index}]"))
        if errors:
            raise group(errors)
        return tuple(items)

    return structure


def _frozen_json(strict: bool, max_depth: int) -> Callable[[object, object], FrozenDict]:
    """An object of any JSON content, made deeply immutable (objects read-only, arrays tuples).

    It sits at depth 2 of its event, and may nest down to ``max_depth``.
    """

    def structure(value: object, _: object = None) -> FrozenDict:
        errors: list[Exception] = []
        frozen: FrozenDict = _freeze(_expect_object(value), "", 2, max_depth, strict, errors)
        if errors:
            raise group(errors)
        return frozen

    return structure


def _freeze(
    value: Any, path: str, depth: int, max_depth: int, strict: bool, errors: list[Exception]
) -> Any:
    if value is None or isinstance(value, str | int):  # bool is an int
        return value
    if isinstance(value, float):
        if strict and not math.isfinite(value):
            errors.append(at(WireError(f"{json.dumps(value)} is not a JSON number"), path))
        return value
    if isinstance(value, Mapping | list | tuple) and depth > max_depth:
        errors.append(at(WireError(f"nested deeper than max_depth={max_depth}"), path))
        return None
    if isinstance(value, Mapping):
        return FrozenDict(
            {
                k: _freeze(v, key_path(path, k), depth + 1, max_depth, strict, errors)
                for k, v in value.items()
            }
        )
    if isinstance(value, list | tuple):
        return tuple(
            _freeze(v, f"{path}[{i}]", depth + 1, max_depth, strict, errors)
            for i, v in enumerate(value)
        )
    errors.append(at(WireError(f"expected a JSON value, got {describe(value)}"), path))
    return None


# -- classes ---------------------------------------------------------------------------------


@lru_cache(maxsize=32)
def converter_for(strict: bool, limits: Limits, detailed: bool = True) -> Converter:
    """The converter for one mode and set of limits, made once and kept.

    Strict: unknown fields are errors, integers must be JSON integers, times must be ISO 8601 or
    the wire's own form, and non-finite numbers are refused.

    ``detailed=False`` is the fast path: the same hooks, so it accepts exactly what the
    detailed converter accepts, but generated code that stops at the first problem. ``parse``
    decodes with it, and asks the detailed converter only to explain a failure.
    """
    conv = Converter(detailed_validation=detailed, forbid_extra_keys=strict)
    to_int = _strict_int if strict else _int

    def structure_as(type_: Any, hook: Callable[[Any, Any], Any]) -> None:
        # By equality, not by class: ``str | None`` must not become a hook for ``str``.
        conv.register_structure_hook_func(lambda t: t == type_, hook)

    def unstructure_as(type_: Any, hook: Callable[[Any], Any]) -> None:
        conv.register_unstructure_hook_func(lambda t: t == type_, hook)

    # Classes go to cattrs' class dispatch, which is consulted before any predicate.
    class_hooks: list[tuple[type[Any], Callable[[Any, Any], Any]]] = [
        (str, _str),
        (int, to_int),
        (datetime, _time(lenient=not strict)),
        (FastSnapshotStatus, _status(to_int)),
    ]
    for cl, hook in class_hooks:
        conv.register_structure_hook(cl, hook)
    conv.register_unstructure_hook(datetime, format_time)
    structure_as(str | None, _optional_str)
    structure_as(tuple[str, ...], _tuple_of(_str, ("max_snapshots", limits.max_snapshots)))
    structure_as(Mapping[str, Any], _frozen_json(strict, limits.max_depth))
    unstructure_as(tuple[str, ...], list)
    unstructure_as(Mapping[str, Any], thaw)

    def register(
        cl: type[Any], names: Mapping[str, str] | None = None, **overrides: Any
    ) -> tuple[Callable[[Any, Any], Any], Callable[[Any], Any]]:
        """``cl``'s structure and unstructure functions for one set of wire names."""
        wire = WIRE_NAMES[cl] if names is None else names
        fields_: dict[str, Any] = {a: override(rename=w) for a, w in wire.items()}
        for attr, extra in overrides.items():
            fields_[attr] = override(rename=wire.get(attr), **extra)
        return (
            make_dict_structure_fn(cl, conv, **fields_),
            make_dict_unstructure_fn(cl, conv, **fields_),
        )

    not_on_the_wire = {"omit": True}  # how an event arrived is not a field of it

    # Inner classes first: a generated function looks up its fields' hooks when it is made.
    # -- VOD event notification 4.0
    pic_info, unstructure_pic_info = register(PicInfo, url={"omit_if_default": True})
    conv.register_structure_hook(PicInfo, _as_object(pic_info))
    conv.register_unstructure_hook(PicInfo, unstructure_pic_info)
    max_pictures = ("max_pictures", limits.max_pictures)
    structure_as(
        tuple[PicInfo, ...],
        _tuple_of(conv.get_structure_hook(PicInfo), max_pictures, of_dicts=pic_info),
    )
    unstructure_as(tuple[PicInfo, ...], lambda ps: [unstructure_pic_info(p) for p in ps])

    data, unstructure_data = register(
        SnapshotByTimeOffsetData, file_id={"struct_hook": _digit_text}
    )
    conv.register_structure_hook(SnapshotByTimeOffsetData, _as_object(data))
    conv.register_unstructure_hook(SnapshotByTimeOffsetData, unstructure_data)

    event_overrides: dict[str, Any] = {
        "version": {"struct_hook": _version},
        "wire_format": not_on_the_wire,
        "event_handle": not_on_the_wire,
    }
    snapshot_event, unstructure_snapshot_event = register(
        SnapshotByTimeOffsetComplete,
        event_type={"struct_hook": _snapshot_event_type},
        **event_overrides,
    )
    raw_snapshot_event, snapshot_event = snapshot_event, _as_object(snapshot_event)
    unknown_event, unstructure_unknown_event = register(UnknownEvent, **event_overrides)
    unknown_event = _as_object(unknown_event)

    # -- the same event in API 3.0's shape
    api3_pic_info, api3_unstructure_pic_info = register(
        PicInfo, API3_NAMES[PicInfo], url={"omit_if_default": True}
    )
    api3_pic_info = with_wire_names(api3_pic_info, API3_NAMES[PicInfo])
    api3_pic_infos = _tuple_of(_as_object(api3_pic_info), max_pictures, of_dicts=api3_pic_info)
    api3_data, api3_unstructure_data = register(
        SnapshotByTimeOffsetData,
        API3_NAMES[SnapshotByTimeOffsetData],
        file_id={"struct_hook": _digit_text},
        pic_info={
            "struct_hook": api3_pic_infos,
            "unstruct_hook": lambda ps: [api3_unstructure_pic_info(p) for p in ps],
        },
    )
    api3_data = _as_object(with_wire_names(api3_data, API3_NAMES[SnapshotByTimeOffsetData]))
    frozen_json = _frozen_json(strict, limits.max_depth)

    def api3_event(obj: Mapping[str, Any]) -> SnapshotByTimeOffsetComplete | UnknownEvent:
        errors: list[Exception] = []

        def attempt(wire_name: str, hook: Callable[[Any, Any], T], value: object) -> T | None:
            try:
                return hook(value, None)
            except Exception as exc:
                errors.append(at_key(wire_name, exc))
                return None

        if _API3_EVENT_TYPE_KEY not in obj:
            errors.append(at_key(_API3_EVENT_TYPE_KEY, KeyError(_API3_EVENT_TYPE_KEY)))
        event_type = attempt(_API3_EVENT_TYPE_KEY, _str, obj.get(_API3_EVENT_TYPE_KEY, ""))
        handle = attempt(_API3_HANDLE_KEY, _optional_str, obj.get(_API3_HANDLE_KEY))
        rest = {k: v for k, v in obj.items() if k not in _API3_ENVELOPE_KEYS}
        result: SnapshotByTimeOffsetComplete | UnknownEvent | None = None
        if event_type == SNAPSHOT_EVENT_TYPE:
            payload = rest.pop(_API3_SNAPSHOT_PAYLOAD, None)
            snapshot_data: SnapshotByTimeOffsetData | None = None
            if payload is None:
                errors.append(at_key(_API3_SNAPSHOT_PAYLOAD, KeyError(_API3_SNAPSHOT_PAYLOAD)))
            else:
                snapshot_data = attempt(_API3_SNAPSHOT_PAYLOAD, api3_data, payload)
            if strict:  # every other event key may be there, as null
                errors.extend(
                    at_key(key, WireError("unexpected field"))
                    for key, value in rest.items()
                    if value is not None
                )
            if not errors and snapshot_data is not None:
                result = SnapshotByTimeOffsetComplete(
                    version=EventFormat.V4.value,
                    event_type=SNAPSHOT_EVENT_TYPE,
                    data=snapshot_data,
                    wire_format=EventFormat.API3,
                    event_handle=handle,
                )
        else:
            frozen = frozen_json(rest, None)
            if not errors and event_type is not None:
                result = UnknownEvent(
                    version=EventFormat.V4.value,
                    event_type=event_type,
                    data=frozen,
                    wire_format=EventFormat.API3,
                    event_handle=handle,
                )
        if result is None:
            raise group(errors)
        return result

    def api3_envelope(event: SnapshotByTimeOffsetComplete | UnknownEvent) -> dict[str, Any]:
        wire: dict[str, Any] = {}
        if event.event_handle is not None:
            wire[_API3_HANDLE_KEY] = event.event_handle
        wire[_API3_EVENT_TYPE_KEY] = event.event_type
        return wire

    def unstructure_snapshot(event: SnapshotByTimeOffsetComplete) -> dict[str, Any]:
        if event.wire_format is not EventFormat.API3:
            return unstructure_snapshot_event(event)  # type: ignore[no-any-return]
        return api3_envelope(event) | {_API3_SNAPSHOT_PAYLOAD: api3_unstructure_data(event.data)}

    def unstructure_unknown(event: UnknownEvent) -> dict[str, Any]:
        if event.wire_format is not EventFormat.API3:
            return unstructure_unknown_event(event)  # type: ignore[no-any-return]
        payload: dict[str, Any] = thaw(event.data)
        return api3_envelope(event) | payload

    conv.register_structure_hook(SnapshotByTimeOffsetComplete, snapshot_event)
    conv.register_unstructure_hook(SnapshotByTimeOffsetComplete, unstructure_snapshot)
    conv.register_structure_hook(UnknownEvent, unknown_event)
    conv.register_unstructure_hook(UnknownEvent, unstructure_unknown)

    # -- the fast-snapshot callback
    fast_snapshot, unstructure_fast_snapshot = register(
        FastSnapshotCallback,
        error_code={"struct_hook": _optional(_digit_text), "unstruct_hook": _code_to_wire},
        deleted={"struct_hook": _yes_no, "unstruct_hook": _unyes_no},
    )
    fast_snapshot = _fast_snapshot(fast_snapshot)
    conv.register_structure_hook(FastSnapshotCallback, fast_snapshot)
    conv.register_unstructure_hook(FastSnapshotCallback, unstructure_fast_snapshot)

    # -- recognising the shape
    def event(value: object, _: object = None) -> SnapshotByTimeOffsetComplete | UnknownEvent:
        obj = _expect_object(value)
        if _EVENT_TYPE_KEY not in obj and _API3_EVENT_TYPE_KEY in obj:
            return api3_event(obj)
        if obj.get(_EVENT_TYPE_KEY) == SNAPSHOT_EVENT_TYPE:
            return raw_snapshot_event(obj, SnapshotByTimeOffsetComplete)  # type: ignore[no-any-return]
        return unknown_event(obj, UnknownEvent)  # type: ignore[no-any-return]

    def callback(value: object, _: object = None) -> Callback:
        obj = _expect_object(value)
        if _EVENT_TYPE_KEY in obj or _API3_EVENT_TYPE_KEY in obj:
            return event(obj)
        if _VID in obj or not _FAST_SNAPSHOT_KEYS.isdisjoint(obj):  # the usual key first
            return fast_snapshot(obj, FastSnapshotCallback)
        raise WireError(
            "not a snapshot callback: expected an event notification (with 'eventType' or "
            "'EventType') or a fast-snapshot callback (with 'vid', 'status', 'result', ...)"
        )

    structure_as(Event, event)
    structure_as(Callback, callback)

    # -- pull responses: every event on its own, so that one bad event hides no other
    def envelope(
        value: object, wanted: Mapping[str, tuple[Callable[[Any, Any], Any], bool]]
    ) -> dict[str, Any]:
        """The ``wanted`` fields (hook, required) of an object; every problem gathered."""
        obj = _expect_object(value)
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
        if strict:
            errors.extend(at_key(k, WireError("unexpected field")) for k in obj if k not in wanted)
        if errors:
            raise group(errors)
        return found

    def entries(value: object, _: object = None) -> list[Any]:
        if not isinstance(value, list | tuple):
            raise WireError(f"expected an array, got {describe(value)}")
        return list(value)

    def failed(entry: object, exc: Exception, handle_key: str, kind: type[Any]) -> PulledEvent:
        if not detailed:  # the fast path's exception has no paths: ask the detailed converter
            explained: PulledEvent = converter_for(strict, limits).structure(entry, kind)
            return explained
        handle = entry.get(handle_key) if isinstance(entry, Mapping) else None
        return PulledEvent(
            msg_handle=handle if isinstance(handle, str) else None,
            error=DecodeError(field_errors(exc, WIRE_NAMES), entry),
        )

    def pulled(entry: object, _: object = None) -> PulledEvent:
        """An old PullEvent entry, ``{msgHandle, eventContent}``."""
        try:
            found = envelope(entry, {_PULL_HANDLE: (_str, True), _PULL_CONTENT: (event, True)})
        except Exception as exc:
            return failed(entry, exc, _PULL_HANDLE, _PulledEntry)
        return PulledEvent(msg_handle=found[_PULL_HANDLE], event=found[_PULL_CONTENT])

    def api3_pulled(entry: object, _: object = None) -> PulledEvent:
        """An API 3.0 ``EventSet`` entry: the event itself, its handle inside."""
        try:
            pulled_event = event(entry)
            if pulled_event.event_handle is None:
                raise group([at_key(_API3_HANDLE_KEY, KeyError(_API3_HANDLE_KEY))])
        except Exception as exc:
            return failed(entry, exc, _API3_HANDLE_KEY, _Api3PulledEntry)
        return PulledEvent(msg_handle=pulled_event.event_handle, event=pulled_event)

    conv.register_structure_hook(_PulledEntry, pulled)
    conv.register_structure_hook(_Api3PulledEntry, api3_pulled)

    def pull_event_response(value: object, _: object = None) -> PullEventResponse:
        found = envelope(
            value,
            {
                _PULL_CODE: (to_int, True),
                _PULL_MESSAGE: (_optional_str, False),
                _PULL_EVENTS: (entries, False),
            },
        )
        return PullEventResponse(
            code=found[_PULL_CODE],
            message=found.get(_PULL_MESSAGE) or "",
            events=tuple(pulled(entry) for entry in found.get(_PULL_EVENTS, ())),
        )

    def api3_error(value: object, _: object = None) -> dict[str, Any]:
        return envelope(value, {_API3_CODE: (_str, True), _API3_MESSAGE: (_optional_str, False)})

    def api3_response(value: object, _: object = None) -> dict[str, Any]:
        return envelope(
            value,
            {
                _API3_REQUEST_ID: (_str, True),
                _API3_EVENTS: (entries, False),
                _API3_ERROR: (api3_error, False),
            },
        )

    def pull_events_response(value: object, _: object = None) -> PullEventsResponse:
        response = envelope(value, {_API3_RESPONSE: (api3_response, True)})[_API3_RESPONSE]
        error = response.get(_API3_ERROR, {})
        return PullEventsResponse(
            request_id=response[_API3_REQUEST_ID],
            events=tuple(api3_pulled(entry) for entry in response.get(_API3_EVENTS, ())),
            error_code=error.get(_API3_CODE),
            error_message=error.get(_API3_MESSAGE),
        )

    def unstructure_pull_event(response: PullEventResponse) -> dict[str, Any]:
        return {
            _PULL_CODE: response.code,
            _PULL_MESSAGE: response.message,
            _PULL_EVENTS: [
                {_PULL_HANDLE: e.msg_handle, _PULL_CONTENT: conv.unstructure(e.event)}
                if e.event is not None
                else _body_of(e)
                for e in response.events
            ],
        }

    def unstructure_pull_events(response: PullEventsResponse) -> dict[str, Any]:
        inner: dict[str, Any] = {
            _API3_EVENTS: [
                conv.unstructure(e.event) if e.event is not None else _body_of(e)
                for e in response.events
            ]
        }
        if response.error_code is not None:
            inner[_API3_ERROR] = {_API3_CODE: response.error_code}
            if response.error_message is not None:
                inner[_API3_ERROR][_API3_MESSAGE] = response.error_message
        inner[_API3_REQUEST_ID] = response.request_id
        return {_API3_RESPONSE: inner}

    conv.register_structure_hook(PullEventResponse, pull_event_response)
    conv.register_unstructure_hook(PullEventResponse, unstructure_pull_event)
    conv.register_structure_hook(PullEventsResponse, pull_events_response)
    conv.register_unstructure_hook(PullEventsResponse, unstructure_pull_events)

    # Generate everything now, not on a first call that many threads may race to make.
    for target in (*WIRE_NAMES, Event, Callback, PullEventResponse, PullEventsResponse):
        conv.get_structure_hook(target)
        conv.get_unstructure_hook(target)
    return conv


class _PulledEntry:
    """Structure target: one old PullEvent entry, as a ``PulledEvent``."""


class _Api3PulledEntry:
    """Structure target: one API 3.0 ``EventSet`` entry, as a ``PulledEvent``."""


def pull_entries(cl: type[Any], value: object) -> tuple[str, list[Any]]:
    """Where a pull response's events sit: their JSON path, and the entries as received."""
    entries: object
    if cl is PullEventResponse:
        path = key_path("$", _PULL_EVENTS)
        entries = _get(value, _PULL_EVENTS)
    else:
        path = key_path(key_path("$", _API3_RESPONSE), _API3_EVENTS)
        entries = _get(_get(value, _API3_RESPONSE), _API3_EVENTS)
    return path, list(entries) if isinstance(entries, list | tuple) else []


def may_hold_a_float(model: object, value: object) -> bool:
    """Whether a model decoded from ``value`` may hold what the wire sent as a float.

    The fast-snapshot callback and the API 3.0 event have no field that takes one; a 4.0
    snapshot event only its ``version``; an unknown event's raw data anything.
    """
    kind = type(model)
    if kind is FastSnapshotCallback:
        return False
    if kind is SnapshotByTimeOffsetComplete and type(value) is dict:
        return type(value.get(_VERSION_KEY)) is float  # absent from the 3.0 shape: None
    return True


def pull_response_type(value: object) -> type[PullEventResponse] | type[PullEventsResponse]:
    """Which generation a pull response is: API 3.0's wraps everything in ``Response``."""
    if isinstance(value, Mapping) and _API3_RESPONSE in value:
        return PullEventsResponse
    return PullEventResponse


def _get(value: object, key: str) -> object:
    return value.get(key) if isinstance(value, Mapping) else None


def _body_of(pulled: PulledEvent) -> Any:
    """A failed pulled event's wire form: the entry exactly as received."""
    return pulled.error.body if pulled.error is not None else None


def _as_object(structure: Callable[[Any, Any], T]) -> Callable[[object, object], T]:
    """A generated function, guarded: anything but an object is one error, not one per field."""

    def guarded(value: object, cl: object = None) -> T:
        if type(value) is not dict:  # the check inline: a call less per object
            _expect_object(value)
        return structure(value, cl)

    return guarded


def _fast_snapshot(
    structure: Callable[[Any, Any], FastSnapshotCallback],
) -> Callable[[object, object], FastSnapshotCallback]:
    """Format A's hook: the generated function, plus the deletion flag's two wire names.

    The examples send ``deleted``, the field table says ``delete``: either is read. Both at once
    must agree (the flag says whether the source video is gone; guessing is not an option).
    Errors in the value keep the name that was actually sent.
    """

    def hook(value: object, cl: object = None) -> FastSnapshotCallback:
        obj = _expect_object(value)
        if _DELETE not in obj:
            return structure(obj, cl)
        # One name only, so that strict mode does not call the other one unexpected.
        one_name = {k: v for k, v in obj.items() if k != _DELETE}
        if _DELETED not in obj:
            try:
                return structure({**one_name, _DELETED: obj[_DELETE]}, cl)
            except ClassValidationError as exc:
                raise renamed(exc, _DELETED, _DELETE) from None
        conflict = (
            []
            if obj[_DELETE] == obj[_DELETED]
            else [at_key(_DELETE, WireError(f"conflicts with '{_DELETED}'"))]
        )
        try:
            result = structure(one_name, cl)
        except ClassValidationError as exc:
            raise exc.derive([*exc.exceptions, *conflict]) from None
        if conflict:
            raise group(conflict)
        return result

    return hook


def default_converter() -> Converter:
    """The configured, detailed converter (lenient, default limits): ``vodsnap.converter``."""
    return converter_for(False, DEFAULT_LIMITS)


#: Names other modules need (the JSON Schema), under their public spelling in this module.
EVENT_TYPE_KEY: Final = _EVENT_TYPE_KEY
API3_EVENT_TYPE_KEY: Final = _API3_EVENT_TYPE_KEY
API3_HANDLE_KEY: Final = _API3_HANDLE_KEY
API3_SNAPSHOT_PAYLOAD: Final = _API3_SNAPSHOT_PAYLOAD
DELETE_ALIAS: Final = _DELETE
