"""Failures into ``FieldError`` s: where (a JSON path with wire names) and what, in plain words.

Structure hooks raise ``WireError`` with the message the caller will read, and place errors below
a field with ``at``/``at_key``; a table's explaining function places each field's failure at its
wire key the same way, and cattrs' own code (for a class vodsnap has no table of) adds its notes
(attribute names, list indexes). ``field_errors`` walks the resulting exception groups once and
gives every problem its path. This is the only module that reads cattrs' notes.
"""

from __future__ import annotations

import json
from collections.abc import Mapping

from cattrs.errors import (
    AttributeValidationNote,
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationNote,
)

from ._errors import FieldError

__all__ = [
    "PathNote",
    "WireError",
    "at",
    "at_key",
    "capped",
    "describe",
    "field_errors",
    "group",
    "key_path",
    "renamed",
]


_SHOWN = 40  # characters of a bad string quoted back in a message
_SHOWN_KEY = 64  # characters of a key quoted in a path


class WireError(ValueError):
    """Raised by structure hooks: its message is shown to the caller as it is."""


class PathNote(str):
    """A note on an exception: the wire path, relative to its group's, where it happened.

    For errors that cattrs' own notes cannot place, e.g. ``[3]`` or ``.a.b`` below a field.
    """

    __slots__ = ()


def key_path(path: str, key: object) -> str:
    """``path`` extended by an object key, in dot form where the key allows it; a key longer
    than a few words is quoted as an excerpt that says its length."""
    if isinstance(key, str) and len(key) > _SHOWN_KEY:
        return f"{path}[{json.dumps(key[:_SHOWN_KEY], ensure_ascii=False)}...({len(key)} chars)]"
    if isinstance(key, str) and key.isidentifier():
        return f"{path}.{key}"
    shown = json.dumps(key, ensure_ascii=False) if isinstance(key, str) else _short_repr(key)
    return f"{path}[{shown}]"


def _short_repr(key: object) -> str:
    """A key that is not a string (an already decoded mapping may have one), briefly."""
    if isinstance(key, int) and not isinstance(key, bool) and key.bit_length() > 128:
        return "<an integer of more than 38 digits>"
    text = repr(key)
    return text if len(text) <= _SHOWN_KEY else text[:_SHOWN_KEY] + "..."


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
    return f"a Python {type(value).__name__!r}, not a JSON value"


def at(exc: Exception, relative: str) -> Exception:
    """``exc``, placed at a wire path relative to the group it will be raised in."""
    exc.add_note(PathNote(relative))
    return exc


def at_key(wire_name: str, exc: Exception) -> Exception:
    """``exc``, placed at the object key ``wire_name`` of the group it will be raised in."""
    return at(exc, key_path("", wire_name))


def group(errors: list[Exception]) -> ExceptionGroup[Exception]:
    """Several errors of one value, each placed with ``at``, raised as one."""
    return ExceptionGroup("invalid values", errors)


def renamed(exc: ClassValidationError, old: str, new: str) -> ClassValidationError:
    """``exc`` with its errors placed at the key ``old`` placed at the key ``new`` instead."""
    before, after = PathNote(key_path("", old)), PathNote(key_path("", new))
    for sub in exc.exceptions:
        notes = getattr(sub, "__notes__", [])
        for i, note in enumerate(notes):
            if isinstance(note, PathNote) and note == before:
                notes[i] = after
    return exc


def field_errors(exc: BaseException, path: str = "$", *, most: int = 0) -> list[FieldError]:
    """Flatten a (possibly nested) cattrs validation error into ``FieldError`` s.

    Every error below a field carries its wire name in a ``PathNote`` (a table's explaining
    function puts one before any other note), or its name or index in cattrs' own note.
    ``most`` (if not 0): stop after one more than that many (``capped`` then says so).
    """
    found: list[FieldError] = []
    _collect(exc, path, found, most + 1 if most else 0)
    return found


def capped(errors: list[FieldError], most: int) -> list[FieldError]:
    """``errors``, at most ``most`` of them, the last entry saying that there were more."""
    if len(errors) <= most:
        return errors
    return [*errors[: most - 1], FieldError("$", f"more problems not listed (max_errors={most})")]


def _collect(exc: BaseException, path: str, found: list[FieldError], most: int) -> None:
    if most and len(found) >= most:
        return
    if isinstance(exc, BaseExceptionGroup):
        for sub in exc.exceptions:
            _collect(sub, path + _step(sub), found, most)
    elif isinstance(exc, ForbiddenExtraKeysError):
        names = sorted(exc.extra_fields, key=str)
        found.extend(
            FieldError(key_path(path, n), "unexpected field") for n in names[: most or None]
        )
    else:
        found.append(FieldError(path, _message(exc)))


def _step(exc: BaseException) -> str:
    """The path from a group to one of its exceptions, read off the exception's notes."""
    for note in getattr(exc, "__notes__", ()):
        if isinstance(note, PathNote):
            return str(note)
        if isinstance(note, AttributeValidationNote):
            return key_path("", note.name)
        if isinstance(note, IterableValidationNote):
            return key_path("", note.index) if isinstance(note.index, str) else f"[{note.index}]"
    return ""


def _message(exc: BaseException) -> str:
    if isinstance(exc, WireError):
        return str(exc)
    if isinstance(exc, KeyError):
        return "required field missing"
    # Not one of ours: a bug in a hook rather than in the body. Say what it was.
    return f"invalid value ({type(exc).__name__}: {exc})"
