"""The kinds of value every wire format shares: text, integers, ids, codes, times, flags.

Each ``Kind`` holds its hooks (lenient and strict), how it is written back, its JSON Schema and
the other spellings Tencent uses for the same value (the quirks the testing kit sends). Hooks
raise ``WireError`` with the message the caller will read.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from datetime import UTC, datetime, timedelta
from enum import Enum, StrEnum
from functools import cache
from typing import Any, Final, TypeVar

from .._decimal import decimal_digits
from .._models import FrozenDict, freeze_json, thaw
from .._paths import Found, WireError, describe, gathered, key_path
from .._times import (
    WIRE_LENGTH,
    WIRE_OFFSET,
    WIRE_SEPARATORS,
    format_time,
    read_time,
)
from ._table import Hook, Kind, Mode, array_of, expect_object

__all__ = [
    "CODE",
    "ID",
    "INT",
    "ISO_TIME",
    "JSON_OBJECT",
    "JSON_VALUE",
    "NUMBER",
    "OPTIONAL_INT",
    "OPTIONAL_TEXT",
    "TEXT",
    "TEXT_OR_TEXTS",
    "TIME",
    "UNIX_TIME",
    "VERSION",
    "YES_NO",
    "constant",
    "enum_of",
    "nullable",
    "number_constant",
    "optional",
    "optional_text",
    "text",
    "text_enum_of",
    "wire_int",
]

E = TypeVar("E", bound=Enum)
S = TypeVar("S", bound=StrEnum)

_INTEGER_SCHEMA: Final = {
    "anyOf": [{"type": "integer"}, {"type": "string", "pattern": "^-?[0-9]+$"}],
    "description": "An integer, or its decimal digits as a string.",
}


# -- hooks ------------------------------------------------------------------------------------


def text(value: object, _: object = None) -> str:
    """A JSON string."""
    if type(value) is str:  # the common case, before the general one
        return value
    if isinstance(value, str):
        return str(value)
    raise WireError(f"expected a string, got {describe(value)}")


def optional_text(value: object, _: object = None) -> str | None:
    """A JSON string or ``null``."""
    if value is None or type(value) is str:
        return value
    return text(value)


def wire_int(value: object, _: object = None) -> int:
    """JSON integers and decimal-digit strings; never booleans, fractions or other digits."""
    if type(value) is not str:  # a string (the hook's commonest value) is no integer: on
        found = _integer(value)
        if found is not None:
            return found
    if isinstance(value, str):
        digits = decimal_digits(value)
        if digits is not None:
            try:
                return int(value)
            except ValueError:  # past Python's int-string limit
                raise WireError(f"too many digits ({len(digits)})") from None
    raise WireError(f"expected an integer, got {describe(value)}")


def strict_int(value: object, _: object = None) -> int:
    """JSON integers only."""
    found = _integer(value)
    if found is None:
        raise WireError(f"expected an integer, got {describe(value)}")
    return found


def digit_text(value: object, _: object = None) -> str:
    """Strings as they are; integers as their decimal text (ids, error codes)."""
    if type(value) is int:  # an error code's usual form, without the helpers' calls
        return str(value)
    found, number = _string(value), _integer(value)
    if found is None and number is None:
        raise WireError(f"expected a string or an integer, got {describe(value)}")
    return str(number) if found is None else found


def _integer(value: object) -> int | None:
    """``value`` as a plain ``int`` when it is an integer (of a subclass too, never a
    boolean), else ``None``."""
    if type(value) is int:
        return value
    return int(value) if isinstance(value, int) and not isinstance(value, bool) else None


def _string(value: object) -> str | None:
    """``value`` as a plain ``str`` when it is a string (of a subclass too), else ``None``."""
    if type(value) is str:
        return value
    return str(value) if isinstance(value, str) else None


def optional(hook: Hook) -> Hook:
    """``hook``, or ``None`` for ``null``."""

    def structure(value: object, _: object = None) -> Any:
        return None if value is None else hook(value, None)

    return structure


def code_to_wire(code: str | None) -> str | int | None:
    """An error code as Tencent sends it: a number when it is one (``118``), else the text."""
    if code is not None:
        digits = decimal_digits(code)
        if digits is not None and len(digits) < 20 and str(int(code)) == code:
            return int(code)
    return code


_fromisoformat = datetime.fromisoformat


def _time(lenient: bool) -> Hook:
    expected = (
        "expected a time like '2018-08-23 16:25:18' (Beijing time) or ISO 8601 with an offset"
    )

    def structure(value: object, _: object = None) -> datetime:
        if (  # Tencent's own form, inline (``_times.WIRE_SEPARATORS`` says why this suffices)
            type(value) is str and len(value) == WIRE_LENGTH and value[4::3] == WIRE_SEPARATORS
        ):
            try:
                moment = _fromisoformat(value + WIRE_OFFSET)
            except ValueError:
                pass  # not a date (no such day, not digits): read_time says why
            else:
                if 2 < moment.year < 9998:  # the edges: read_time checks the exact range
                    return moment
        if not isinstance(value, str):
            raise WireError(f"{expected}, got {describe(value)}")
        found = read_time(value, lenient=lenient, bounded=True)  # a body's share
        if isinstance(found, str):  # refused: its message, no exception on the way
            raise WireError(f"{expected}: {found}")
        return found

    return structure


_YES_NO: Final = {"yes": True, "no": False}


def _yes_no(value: object, _: object = None) -> bool:
    if isinstance(value, str) and value in _YES_NO:
        return _YES_NO[value]
    raise WireError(f"expected 'yes' or 'no', got {describe(value)}")


def _version(value: object, _: object = None) -> str:
    """``"4.0"`` as sent; a JSON number (one PullEvent example sends ``4``) as ``"4.0"``."""
    found, number = _string(value), _integer(value)
    if found is not None:
        return found
    if number is not None:
        return f"{number}.0"
    if isinstance(value, float) and math.isfinite(value):
        return repr(value)
    raise WireError(f"expected a version string such as '4.0', got {describe(value)}")


def _frozen_json(mode: Mode) -> Hook:
    """An object of any JSON content, made deeply immutable (objects read-only, arrays tuples).

    It sits at depth 2 of its event, and may nest down to ``max_depth``. A value the parser
    just read (``Mode.owned``) is frozen as it is read (``freeze_json``), no walk first.
    """

    def structure(value: object, _: object = None) -> FrozenDict:
        frozen: FrozenDict = _frozen(expect_object(value), 2, mode)
        return frozen

    def owned(value: object, _: object = None) -> FrozenDict:
        if type(value) is dict:
            return FrozenDict._of_json(value)  # as ``freeze_json`` freezes an object
        return structure(value)

    return owned if mode.owned else structure


def _frozen(value: object, depth: int, mode: Mode) -> Any:
    """``value`` frozen, or every problem (up to ``max_errors``, then no further look), each
    placed where it is met as a ``(path, message)`` pair."""
    found: Found = []
    try:
        frozen = _freeze(value, None, depth, mode, found)
    except _Enough:
        raise _problems(found) from None
    if found:
        raise _problems(found)
    return frozen


def _problems(found: Found) -> Exception:
    """The problems in ``found``, raised as one (an exception a problem, as groups hold)."""
    return gathered([WireError(message) for _, message in found], found)


class _Enough(Exception):  # noqa: N818 - not an error: a signal to stop looking
    """``max_errors`` problems found: freezing stops there."""


#: Where a value sits below an object being frozen, kept as ``(parent, key)`` links and made
#: into a path only for an error (a valid body formats no path at all).
_Where = tuple[Any, Any] | None


def _freeze(value: Any, where: _Where, depth: int, mode: Mode, found: Found) -> Any:
    if value is None or isinstance(value, str | int):  # bool is an int
        return value
    if len(found) >= mode.limits.max_errors:  # enough to refuse it: explain no further
        raise _Enough
    if isinstance(value, float):
        if mode.strict and not math.isfinite(value):
            found.append((_path(where), f"{json.dumps(value)} is not a JSON number"))
        return value
    if isinstance(value, Mapping | list | tuple) and depth > mode.limits.max_depth:
        found.append((_path(where), f"nested deeper than max_depth={mode.limits.max_depth}"))
        return None
    if isinstance(value, Mapping):
        return FrozenDict(
            {k: _freeze(v, (where, k), depth + 1, mode, found) for k, v in value.items()}
        )
    if isinstance(value, list | tuple):
        return tuple(_freeze(v, (where, i), depth + 1, mode, found) for i, v in enumerate(value))
    found.append((_path(where), f"expected a JSON value, got {describe(value)}"))
    return None


def _path(where: _Where) -> str:
    """The path (relative to the frozen object) that ``where`` links stand for."""
    keys: list[Any] = []
    while where is not None:
        where, key = where
        keys.append(key)
    path = ""
    for key in reversed(keys):
        path = f"{path}[{key}]" if isinstance(key, int) else key_path(path, key)
    return path


def constant(expected: str) -> Kind:
    """A string that must be exactly ``expected`` (an event's type, once the table is chosen)."""

    def structure(value: object, _: object = None) -> str:
        if value == expected:
            return expected
        raise WireError(f"expected {expected!r}, got {describe(value)}")

    return Kind(
        "constant",
        {"const": expected},
        lenient=structure,
        lookup=(str, {expected: expected}),  # the usual form, checked inline
    )


def number_constant(expected: int) -> Kind:
    """An integer that must be exactly ``expected`` (a Cloud Live callback's ``event_type``,
    once its table is chosen); leniently also its decimal text, as any integer."""

    def make(to_int: Hook) -> Hook:
        def structure(value: object, _: object = None) -> int:
            try:
                found = to_int(value, None)
            except WireError:
                found = None
            if found == expected:
                return expected
            raise WireError(f"expected {expected}, got {describe(value)}")

        return structure

    schema = {"anyOf": [{"const": expected}, {"type": "string", "pattern": f"^0*{expected}$"}]}
    return Kind(
        "constant",
        schema,
        lenient=make(wire_int),
        strict=make(strict_int),
        quirks=(_as_text,),
        lookup=(int, {expected: expected}),  # the usual form, checked inline
    )


def _unix_time(to_int: Hook) -> Hook:
    """Unix seconds (a Cloud Live time) as an aware ``datetime`` in UTC."""

    def structure(value: object, _: object = None) -> datetime:
        if type(value) is int and _FIRST_SECOND <= value < _END_SECOND:  # the usual form
            return _EPOCH + timedelta(seconds=value)
        try:
            seconds = to_int(value, None)
        except WireError:
            raise WireError(f"expected Unix seconds (an integer), got {describe(value)}") from None
        if not _FIRST_SECOND <= seconds < _END_SECOND:
            raise WireError(f"{seconds} is not a time between the years 1 and 9999")
        return _EPOCH + timedelta(seconds=seconds)

    return structure


_EPOCH: Final = datetime(1970, 1, 1, tzinfo=UTC)
_FIRST_SECOND: Final = int((datetime(1, 1, 2, tzinfo=UTC) - _EPOCH).total_seconds())
_END_SECOND: Final = int((datetime(9999, 12, 31, tzinfo=UTC) - _EPOCH).total_seconds())


def _to_unix(moment: datetime) -> int:
    """An aware time as whole Unix seconds (a fraction, which the wire never sends, dropped)."""
    return (moment - _EPOCH) // timedelta(seconds=1)


def enum_of(enum: type[E], description: str, *, typed_as_text: bool = False) -> Kind:
    """An enum sent as its integer value (or, leniently, the value's decimal text; in strict
    mode too when the documentation ``typed_as_text`` it)."""
    known = ", ".join(f"{member.value} ({member.name.lower()})" for member in enum)
    by_value = {member.value: member for member in enum}  # a dict, not the Enum's slow call

    def make(to_int: Hook) -> Hook:
        def structure(value: object, _: object = None) -> E:
            number: object = value  # an int is its own integer, in either mode
            if type(number) is not int:
                try:
                    number = to_int(value, None)
                except ValueError:
                    number = None
            member = by_value.get(number)  # a miss: None, not a KeyError
            if member is None:
                raise WireError(f"expected one of {known}, got {describe(value)}")
            return member

        return structure

    values = [member.value for member in enum]
    schema = {
        "anyOf": [
            {"enum": values},
            {"type": "string", "pattern": "^0*(" + "|".join(map(str, values)) + ")$"},
        ],
        "description": description,
    }
    return Kind(
        enum.__name__,
        schema,
        lenient=make(wire_int),
        strict=make(wire_int if typed_as_text else strict_int),
        unstructure=lambda member: member.value,
        quirks=(_as_text,),
        lookup=(int, by_value),
    )


def text_enum_of(enum: type[S], description: str) -> Kind:
    """An enum sent as its string value, exactly (``"PROCESSING"``, ``"FINISH"``)."""
    by_value: dict[str, S] = {member.value: member for member in enum}
    known = ", ".join(map(repr, by_value))

    def structure(value: object, _: object = None) -> S:
        found = by_value.get(value) if isinstance(value, str) else None
        if found is None:
            raise WireError(f"expected one of {known}, got {describe(value)}")
        return found

    schema = {"enum": list(by_value), "description": description}
    return Kind(
        enum.__name__,
        schema,
        lenient=structure,
        unstructure=lambda m: str(m.value),
        lookup=(str, by_value),
    )


@cache  # one kind per kind: tables compare kinds by identity
def nullable(kind: Kind) -> Kind:
    """``kind``, or ``null`` (read as ``None``, and written back as ``null``)."""

    def factory(mode: Mode) -> Hook:
        hook = kind.hook(mode)

        def structure(value: object, cl: object = None) -> Any:
            return None if value is None else hook(value, cl)

        return structure

    write = kind.unstructure
    schema = {"anyOf": [dict(kind.schema), {"type": "null"}]}
    return Kind(
        f"{kind.name} or null",
        schema,
        factory=factory,
        unstructure=None if write is None else (lambda v: None if v is None else write(v)),
        quirks=kind.quirks,
        # what ``kind`` takes as it is or by lookup, and ``null``: checked inline, no call
        final=kind.final | {type(None)},
        lookup=kind.lookup,
        otherwise=kind,  # any other value: ``kind`` 's hook, without this one's call
    )


def _number(strict: bool) -> Hook:
    """A JSON number as an ``int``, or a ``float`` when it has a fraction (kept as sent);
    leniently also decimal-digit text."""
    to_int = strict_int if strict else wire_int

    def structure(value: object, _: object = None) -> int | float:
        if isinstance(value, float):
            if not math.isfinite(value):
                raise WireError(f"expected a finite number, got {describe(value)}")
            return int(value) if value.is_integer() else float(value)
        try:
            return to_int(value)
        except WireError:
            raise WireError(f"expected a number, got {describe(value)}") from None

    return structure


def _text_or_texts(mode: Mode) -> Hook:
    """One string, or an array of strings (kept as it came: a ``str`` or a tuple)."""
    array = array_of(text, ("max_snapshots", mode.limits.max_snapshots))

    def structure(value: object, _: object = None) -> str | tuple[str, ...]:
        found = _string(value)
        if found is not None:
            return found
        if not isinstance(value, list | tuple):
            raise WireError(f"expected a string or an array of strings, got {describe(value)}")
        result: tuple[str, ...] = array(value, None)
        return result

    return structure


def _frozen_value(mode: Mode) -> Hook:
    """Any JSON value, made deeply immutable (objects read-only, arrays tuples); as
    ``_frozen_json`` does, with no walk first for a value the parser just read."""

    def structure(value: object, _: object = None) -> Any:
        return _frozen(value, 3, mode)

    def owned(value: object, _: object = None) -> Any:
        if type(value) is dict or type(value) is list:
            return freeze_json(value)
        return structure(value)

    return owned if mode.owned else structure


def _iso_utc(moment: datetime) -> str:
    """ISO 8601 in UTC, as Tencent's APIs send: ``2019-01-09T16:36:22Z``."""
    return moment.astimezone(UTC).replace(tzinfo=None).isoformat() + "Z"


# -- quirks: other spellings of one value ----------------------------------------------------


def _as_text(value: Any) -> Any:
    """An integer sent as its decimal text (the field tables type some numbers as String)."""
    return str(value) if type(value) is int else value


def _as_number(value: Any) -> Any:
    """Decimal text sent as a number (``fileId`` and ``error_code`` are sometimes numbers)."""
    if isinstance(value, str) and decimal_digits(value) is not None and str(int(value)) == value:
        return int(value)
    return value


def _as_utc(value: Any) -> Any:
    """A Beijing time without an offset as ISO 8601 in UTC, as Tencent's APIs send."""
    try:
        moment = datetime.fromisoformat(value)
    except (TypeError, ValueError):
        return value
    if moment.tzinfo is not None or not 1 < moment.year < 9999:
        return value
    return (moment - timedelta(hours=8)).isoformat() + "Z"


def _as_float(value: Any) -> Any:
    """An integral number sent as a Float (API 3.0 types time offsets as Float)."""
    return float(value) if type(value) is int and abs(value) < 2**53 else value


def _as_number_version(value: Any) -> Any:
    """``"4.0"`` as the number ``4`` (one PullEvent example)."""
    return 4 if value == "4.0" else value


# -- the kinds ----------------------------------------------------------------------------------

TEXT: Final = Kind("text", {"type": "string"}, lenient=text, final=frozenset({str}))
OPTIONAL_TEXT: Final = Kind(
    "optional text",
    {"type": ["string", "null"]},
    lenient=optional_text,
    final=frozenset({str, type(None)}),
)
INT: Final = Kind(
    "integer",
    _INTEGER_SCHEMA,
    lenient=wire_int,
    strict=strict_int,
    quirks=(_as_text,),
    final=frozenset({int}),
)
OPTIONAL_INT: Final = Kind(
    "optional integer",
    {"anyOf": [*_INTEGER_SCHEMA["anyOf"], {"type": "null"}]},
    lenient=optional(wire_int),
    strict=optional(strict_int),
    quirks=(_as_text,),
    final=frozenset({int, type(None)}),
)
#: Ids such as ``fileId``: text, though the wire sometimes sends a number.
ID: Final = Kind(
    "id",
    {"type": ["string", "integer"]},
    lenient=digit_text,
    quirks=(_as_number,),
    final=frozenset({str}),
)
#: An error code: ``null``, a number or text; written back as a number when it is one.
CODE: Final = Kind(
    "code",
    {"type": ["string", "integer", "null"]},
    lenient=optional(digit_text),
    unstructure=code_to_wire,
    quirks=(_as_text,),
    final=frozenset({str, type(None)}),
)
TIME: Final = Kind(
    "time",
    {
        "type": "string",
        "description": "Beijing time without an offset ('2018-08-23 16:25:18'), or ISO 8601.",
    },
    lenient=_time(lenient=True),
    strict=_time(lenient=False),
    unstructure=format_time,
    quirks=(_as_utc,),
)
YES_NO: Final = Kind(
    "yes/no",
    {"enum": ["yes", "no"]},
    lenient=_yes_no,
    unstructure=lambda flag: "yes" if flag else "no",
    lookup=(str, _YES_NO),
)
VERSION: Final = Kind(
    "version",
    {"type": ["string", "number"], "description": "'4.0' (or the number 4)."},
    lenient=_version,
    quirks=(_as_number_version,),
    final=frozenset({str}),
)
#: Any JSON object, kept read-only (an unknown event's ``data``).
JSON_OBJECT: Final = Kind("object", {"type": "object"}, factory=_frozen_json, unstructure=thaw)
#: A number: an ``int``, or a ``float`` when the wire sends a fraction (milliseconds that API
#: 3.0 sends as Floats keep their fractional part exactly as parsed).
NUMBER: Final = Kind(
    "number",
    {
        "anyOf": [{"type": "number"}, {"type": "string", "pattern": "^-?[0-9]+$"}],
        "description": "A number, or an integer's decimal digits as a string.",
    },
    lenient=_number(strict=False),
    strict=_number(strict=True),
    quirks=(_as_float,),
    final=frozenset({int}),  # an integer is kept as it is (in both modes)
)
#: One string or an array of strings, kept as sent (a cover's ``imageUrl``).
TEXT_OR_TEXTS: Final = Kind(
    "string or strings",
    {"anyOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}]},
    factory=_text_or_texts,
    unstructure=lambda v: v if isinstance(v, str) else list(v),
)
#: Any JSON value, kept read-only.
JSON_VALUE: Final = Kind("any", {}, factory=_frozen_value, unstructure=thaw)
#: A time that API 3.0 sends as ISO 8601 in UTC, and is written back so.
ISO_TIME: Final = Kind(
    "ISO 8601 time",
    {"type": "string", "description": "ISO 8601, such as '2019-01-09T16:36:22Z'."},
    lenient=_time(lenient=True),
    strict=_time(lenient=False),
    unstructure=_iso_utc,
)
#: Unix seconds (Cloud Live's times), read as an aware ``datetime`` in UTC and written back as
#: the integer.
UNIX_TIME: Final = Kind(
    "Unix time",
    {**_INTEGER_SCHEMA, "description": "Unix time in seconds: an integer, or its digits."},
    lenient=_unix_time(wire_int),
    strict=_unix_time(strict_int),
    unstructure=_to_unix,
    quirks=(_as_text,),
)
