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
from cattrs.errors import AttributeValidationNote, ClassValidationError
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn, override

from ._codes import FastSnapshotStatus
from ._errors import PathNote, WireError, key_path
from ._limits import DEFAULT_LIMITS, Limits
from ._models import (
    FastSnapshotCallback,
    FrozenDict,
    PicInfo,
    SnapshotByTimeOffsetComplete,
    SnapshotByTimeOffsetData,
    UnknownEvent,
)
from ._times import format_time, parse_time

__all__ = ["WIRE_NAMES", "Callback", "Event", "converter", "converter_for", "describe"]

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

_EVENT_TYPE_KEY: Final = "eventType"
_API3_EVENT_TYPE_KEY: Final = "EventType"
_DELETED: Final = "deleted"  # what the examples send
_DELETE: Final = "delete"  # what the field table says
_YES_NO: Final = {"yes": True, "no": False}
#: Keys only a fast-snapshot callback has at its top level: any one of them identifies it.
_FAST_SNAPSHOT_KEYS: Final = frozenset(
    {WIRE_NAMES[FastSnapshotCallback].get(a.name, a.name) for a in fields(FastSnapshotCallback)}
    | {_DELETE}
)
_SHOWN: Final = 40  # characters of a bad string quoted back in a message


# -- describing what was found ---------------------------------------------------------------


def describe(value: object) -> str:
    """What a bad value is, in JSON's words, short enough for a message."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return f"the boolean {'true' if value else 'false'}"
    if isinstance(value, int):
        text = str(value) if value.bit_length() < 128 else "with more than 38 digits"
        return f"the number {text}"
    if isinstance(value, float):
        return f"the number {value!r}"
    if isinstance(value, str):
        shown = value if len(value) <= _SHOWN else value[:_SHOWN] + "..."
        return f"the string {shown!r}"
    if isinstance(value, list | tuple):
        return "an array"
    if isinstance(value, Mapping):
        return "an object"
    return f"a {type(value).__name__}"


# -- scalar hooks ----------------------------------------------------------------------------


def _str(value: object, _: object = None) -> str:
    if isinstance(value, str):
        return str(value)
    raise WireError(f"expected a string, got {describe(value)}")


def _int(value: object, _: object = None) -> int:
    """JSON integers and decimal-digit strings; never booleans, fractions or other digits."""
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
    if isinstance(value, int) and not isinstance(value, bool):
        return int(value)
    raise WireError(f"expected an integer, got {describe(value)}")


def _digit_text(value: object, _: object = None) -> str:
    """Strings as they are; integers as their decimal text (ids, error codes)."""
    if isinstance(value, str):
        return str(value)
    if isinstance(value, int) and not isinstance(value, bool):
        return str(int(value))
    raise WireError(f"expected a string or an integer, got {describe(value)}")


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

    def structure(value: object, _: object = None) -> FastSnapshotStatus:
        try:
            return FastSnapshotStatus(to_int(value, None))
        except ValueError:
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
    if isinstance(value, Mapping):
        return value
    raise WireError(f"expected an object, got {describe(value)}")


def _tuple_of(
    hook: Callable[[Any, Any], T], limit: tuple[str, int] | None = None
) -> Callable[[object, object], tuple[T, ...]]:
    """A JSON array (a list or tuple, never a string or mapping) as a tuple, every item checked.

    ``limit`` is ``(name, most)``: a longer array is refused before any item is looked at.
    """

    def structure(value: object, _: object = None) -> tuple[T, ...]:
        if not isinstance(value, list | tuple):
            raise WireError(f"expected an array, got {describe(value)}")
        if limit is not None and len(value) > limit[1]:
            raise WireError(f"{len(value)} items, more than {limit[0]}={limit[1]}")
        items: list[T] = []
        errors: list[Exception] = []
        for index, item in enumerate(value):
            try:
                items.append(hook(item, None))
            except Exception as exc:
                errors.append(_at(exc, f"[{index}]"))
        if errors:
            raise _group(errors)
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
            raise _group(errors)
        return frozen

    return structure


def _freeze(
    value: Any, path: str, depth: int, max_depth: int, strict: bool, errors: list[Exception]
) -> Any:
    if value is None or isinstance(value, str | int):  # bool is an int
        return value
    if isinstance(value, float):
        if strict and not math.isfinite(value):
            errors.append(_at(WireError(f"{json.dumps(value)} is not a JSON number"), path))
        return value
    if isinstance(value, Mapping | list | tuple) and depth > max_depth:
        errors.append(_at(WireError(f"nested deeper than max_depth={max_depth}"), path))
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
    errors.append(_at(WireError(f"expected a JSON value, got {describe(value)}"), path))
    return None


def _thaw(value: Any) -> Any:
    if isinstance(value, Mapping):
        return {k: _thaw(v) for k, v in value.items()}
    if isinstance(value, tuple):
        return [_thaw(v) for v in value]
    return value


# -- errors below a field -------------------------------------------------------------------


def _at(exc: Exception, relative: str) -> Exception:
    """``exc``, placed at a wire path relative to the group it will be raised in."""
    exc.add_note(PathNote(relative))
    return exc


def _field(wire_name: str, exc: Exception) -> Exception:
    return _at(exc, key_path("", wire_name))


def _group(errors: list[Exception]) -> ExceptionGroup[Exception]:
    return ExceptionGroup("invalid values", errors)


# -- classes ---------------------------------------------------------------------------------


@lru_cache(maxsize=16)
def converter_for(strict: bool, limits: Limits) -> Converter:
    """The converter for one mode and set of limits, made once and kept.

    Strict: unknown fields are errors, integers must be JSON integers, times must be ISO 8601 or
    the wire's own form, and non-finite numbers are refused.
    """
    conv = Converter(detailed_validation=True, forbid_extra_keys=strict)
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
    structure_as(str | None, _optional(_str))
    structure_as(tuple[str, ...], _tuple_of(_str, ("max_snapshots", limits.max_snapshots)))
    structure_as(Mapping[str, Any], _frozen_json(strict, limits.max_depth))
    unstructure_as(tuple[str, ...], list)
    unstructure_as(Mapping[str, Any], _thaw)

    def register(cl: type[Any], **overrides: Any) -> Callable[[Any, Any], Any]:
        """Generate ``cl``'s hooks with its wire names; return the bare structure function."""
        names: dict[str, Any] = {a: override(rename=w) for a, w in WIRE_NAMES[cl].items()}
        for attr, extra in overrides.items():
            names[attr] = override(rename=WIRE_NAMES[cl].get(attr), **extra)
        structure = make_dict_structure_fn(cl, conv, **names)
        conv.register_unstructure_hook(cl, make_dict_unstructure_fn(cl, conv, **names))
        return structure

    # Inner classes first: a generated function looks up its fields' hooks when it is made.
    pic_info = register(PicInfo, url={"omit_if_default": True})
    conv.register_structure_hook(PicInfo, _as_object(pic_info))
    pic_infos = _tuple_of(conv.get_structure_hook(PicInfo), ("max_pictures", limits.max_pictures))
    structure_as(tuple[PicInfo, ...], pic_infos)
    unstructure_pic_info = conv.get_unstructure_hook(PicInfo)
    unstructure_as(tuple[PicInfo, ...], lambda ps: [unstructure_pic_info(p) for p in ps])

    data = register(SnapshotByTimeOffsetData, file_id={"struct_hook": _digit_text})
    conv.register_structure_hook(SnapshotByTimeOffsetData, _as_object(data))

    version = {"struct_hook": _version}
    snapshot_event = _as_object(
        register(
            SnapshotByTimeOffsetComplete,
            version=version,
            event_type={"struct_hook": _snapshot_event_type},
        )
    )
    conv.register_structure_hook(SnapshotByTimeOffsetComplete, snapshot_event)
    unknown_event = _as_object(register(UnknownEvent, version=version))
    conv.register_structure_hook(UnknownEvent, unknown_event)

    fast_snapshot = _fast_snapshot(
        register(
            FastSnapshotCallback,
            error_code={"struct_hook": _optional(_digit_text), "unstruct_hook": _code_to_wire},
            deleted={"struct_hook": _yes_no, "unstruct_hook": _unyes_no},
        )
    )
    conv.register_structure_hook(FastSnapshotCallback, fast_snapshot)

    def event(value: object, _: object = None) -> SnapshotByTimeOffsetComplete | UnknownEvent:
        obj = _expect_object(value)
        if obj.get(_EVENT_TYPE_KEY) == SNAPSHOT_EVENT_TYPE:
            return snapshot_event(obj, SnapshotByTimeOffsetComplete)  # type: ignore[no-any-return]
        if _EVENT_TYPE_KEY not in obj and _API3_EVENT_TYPE_KEY in obj:
            raise _group(
                [
                    _field(
                        _API3_EVENT_TYPE_KEY,
                        WireError("API 3.0 event notifications are not supported yet"),
                    )
                ]
            )
        return unknown_event(obj, UnknownEvent)  # type: ignore[no-any-return]

    def callback(value: object, _: object = None) -> Callback:
        obj = _expect_object(value)
        if _EVENT_TYPE_KEY in obj or _API3_EVENT_TYPE_KEY in obj:
            return event(obj)
        if not _FAST_SNAPSHOT_KEYS.isdisjoint(obj):
            return fast_snapshot(obj, FastSnapshotCallback)
        raise WireError(
            "not a snapshot callback: expected an event notification (with 'eventType') "
            "or a fast-snapshot callback (with 'vid', 'status', 'result', ...)"
        )

    structure_as(Event, event)
    structure_as(Callback, callback)

    # Generate everything now, not on a first call that many threads may race to make.
    for target in (*WIRE_NAMES, Event, Callback):
        conv.get_structure_hook(target)
        conv.get_unstructure_hook(target)
    return conv


def _as_object(structure: Callable[[Any, Any], T]) -> Callable[[object, object], T]:
    """A generated function, guarded: anything but an object is one error, not one per field."""

    def guarded(value: object, cl: object = None) -> T:
        return structure(_expect_object(value), cl)

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
                for sub in exc.exceptions:
                    _rename_note(sub, _DELETED, _DELETE)
                raise
        conflict = (
            []
            if obj[_DELETE] == obj[_DELETED]
            else [_field(_DELETE, WireError(f"conflicts with '{_DELETED}'"))]
        )
        try:
            result = structure(one_name, cl)
        except ClassValidationError as exc:
            raise exc.derive([*exc.exceptions, *conflict]) from None
        if conflict:
            raise _group(conflict)
        return result

    return hook


def _rename_note(exc: BaseException, old: str, new: str) -> None:
    notes = getattr(exc, "__notes__", [])
    for i, note in enumerate(notes):
        if isinstance(note, AttributeValidationNote) and note.name == old:
            notes[i] = AttributeValidationNote(note.replace(old, new), new, note.type)


#: The configured converter (lenient, default limits): compose it into your own, or call it.
converter: Final = converter_for(False, DEFAULT_LIMITS)
