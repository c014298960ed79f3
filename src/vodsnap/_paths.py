"""Failures into ``FieldError`` s: where (a JSON path with wire names) and what, in plain words.

Every problem travels one way: as a ``(relative path, message)`` pair, gathered where it is met
into a ``found`` list. Structure hooks raise ``WireError`` with the message the caller will read
(or ``KeyError`` for a missing key); a table's explaining function ``place`` s each field's
failure at its wire key in its list and raises them all at once as ``TableError`` (a cattrs
``ClassValidationError``, for the public converter's users); frozen JSON gathers its pairs
itself (``gathered``); the hooks that gather several problems of an envelope or a task list
place each with ``at``/``at_key`` and raise ``group``, which reads those places once into a
``Problems``. A caller above adds its own key in front of each path, never walking anything
again; ``found_in`` gives the decoder the pairs (``field_errors``: as ``FieldError`` s). Only an
exception group vodsnap did not make (cattrs' own code, for a class vodsnap has no table of) is
walked, by its notes (attribute names, list indexes): this is the only module that reads
cattrs' notes.
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

from ._errors import FieldError, field_errors_of

__all__ = [
    "MISSING",
    "Found",
    "PathNote",
    "Problems",
    "TableError",
    "WireError",
    "at",
    "at_key",
    "capped",
    "describe",
    "field_errors",
    "found_in",
    "gathered",
    "group",
    "key_path",
    "message_of",
    "place",
    "renamed",
    "table_error",
]

#: What a missing required key is said to be.
MISSING = "required field missing"
#: Problems found below a value: ``(path relative to it, message)``, in the order met.
Found = list[tuple[str, str]]


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
    if type(value) is str:  # the commonest bad value, before the general checks
        return f"the string {value if len(value) <= _SHOWN else value[:_SHOWN] + '...'!r}"
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


class Problems(ExceptionGroup[Exception]):
    """Every problem of one value, each already placed: ``found`` holds ``(relative path,
    message)`` pairs; ``exceptions`` the exceptions they came from."""

    found: Found


class TableError(ClassValidationError):
    """Every problem of one table's object (a cattrs ``ClassValidationError``, as the public
    converter's users expect), each already placed in ``found`` as in ``Problems``."""

    found: Found


def gathered(errors: list[Exception], found: Found) -> Problems:
    """The problems in ``found``, raised as one (``errors``: the exceptions they came from)."""
    _untraced(errors)
    exc = Problems("invalid values", errors)
    exc.found = found
    return exc


#: The exceptions whose problems are placed already.
_PLACED = (Problems, TableError)


def table_error(message: str, errors: list[Exception], model: type, found: Found) -> Exception:
    """A table's object's problems in ``found``, raised as one ``TableError``: what
    ``TableError(message, errors, model)`` makes (``args`` and ``cl`` too), without cattrs'
    Python ``__new__`` (an explaining function makes one for every object it refuses)."""
    _untraced(errors)
    exc: TableError = _new_group(TableError, message, errors)
    exc.args = (message, errors, model)
    exc.cl = model
    exc.found = found
    return exc


_new_group = BaseExceptionGroup.__new__


def _untraced(errors: list[Exception]) -> None:
    """``errors`` without their tracebacks and the exceptions they were raised while handling.
    A hook that collects what it caught holds each in a list of its frame, which each one's
    traceback (or its context's, through the frames' callers) holds: a cycle that kept the
    whole body alive until the collector's next full pass. A problem's place is its note."""
    for exc in errors:
        exc.__traceback__ = exc.__context__ = exc.__cause__ = None


def group(errors: list[Exception]) -> Problems:
    """Several errors of one value, each placed with ``at``, raised as one: their places are
    read now, once."""
    found: Found = []
    for exc in errors:
        place(found, _step(exc), exc)
    return gathered(errors, found)


def place(found: Found, path: str, exc: BaseException) -> None:
    """Add what ``exc`` says is wrong at ``path`` (and below it) to ``found``."""
    if type(exc) is WireError:  # the commonest: one hook's refusal
        found.append((path, str(exc)))
    elif isinstance(exc, _PLACED):  # placed already: only the prefix is new
        found.extend([(path + where, message) for where, message in exc.found])
    elif isinstance(exc, BaseExceptionGroup):  # cattrs' own: placed by its notes
        for sub in exc.exceptions:
            place(found, path + _step(sub), sub)
    elif isinstance(exc, ForbiddenExtraKeysError):
        names = sorted(exc.extra_fields, key=str)
        found.extend((key_path(path, n), "unexpected field") for n in names)
    else:
        found.append((path, message_of(exc)))


def renamed(found: Found, old: str, new: str) -> Found:
    """``found`` with what is placed at the key ``old`` (and below) placed at the key ``new``."""
    before, after = key_path("", old), key_path("", new)
    return [
        (after + where[len(before) :] if _below(where, before) else where, message)
        for where, message in found
    ]


def _below(where: str, key: str) -> bool:
    """Whether the relative path ``where`` is the key path ``key`` or lies below it."""
    return where.startswith(key) and where[len(key) : len(key) + 1] in ("", ".", "[")


def found_in(exc: BaseException) -> Found:
    """Every problem ``exc`` holds, as ``(path, message)`` pairs relative to its value."""
    if isinstance(exc, _PLACED):  # placed already: read as they are
        return exc.found
    found: Found = []
    place(found, "", exc)
    return found


def field_errors(exc: BaseException, path: str = "$", *, most: int = 0) -> list[FieldError]:
    """Every problem ``exc`` holds as a ``FieldError``, placed below ``path``.

    ``most`` (if not 0): stop after one more than that many (``capped`` then says so).
    """
    found = found_in(exc)
    return field_errors_of(found[: most + 1] if most else found, path)


def capped(found: Found, most: int) -> Found:
    """``found`` (paths from ``$``), at most ``most`` of its problems, the last entry saying
    that there were more."""
    if len(found) <= most:
        return found
    return [*found[: most - 1], ("$", f"more problems not listed (max_errors={most})")]


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


def message_of(exc: BaseException) -> str:
    """What one exception that is not a group says is wrong."""
    if isinstance(exc, WireError):
        return str(exc)
    if isinstance(exc, KeyError):
        return MISSING
    # Not one of ours: a bug in a hook rather than in the body. Say what it was.
    return f"invalid value ({type(exc).__name__}: {exc})"
