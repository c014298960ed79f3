"""The public exceptions (``DecodeError``, ``SignatureError``, ``FieldError``), the report, and
their bounded ``repr`` s: none of these raises or grows with the body, whatever the body holds.

Every problem reaches a ``DecodeError`` one way: as a ``(path, message)`` pair in one list,
which ``decode_error`` makes the exception of (its ``FieldError`` s are made from the pairs when
first read). Gathering the pairs is ``_paths``'s job; this module imports nothing of vodsnap's.
"""

from __future__ import annotations

import json
import math
import reprlib
from collections.abc import Iterable, Mapping
from itertools import islice
from typing import Any, Literal

from attrs import frozen

__all__ = ["DecodeError", "FieldError", "SignatureError", "decode_error", "field_errors_of"]


@frozen
class FieldError:
    """One problem found in a body: where (a JSONPath-like ``path`` with wire names) and what.

    :ivar path: Where, e.g. ``$``, ``$.width`` or ``$.data.picInfo[1].timeOffset``.
    :ivar message: What is wrong there, in plain words.
    """

    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


_new = object.__new__
_set_path = FieldError.__dict__["path"].__set__
_set_message = FieldError.__dict__["message"].__set__


def field_errors_of(found: Iterable[tuple[str, str]], prefix: str = "") -> list[FieldError]:
    """A ``FieldError`` for each ``(path, message)`` in ``found``, its path after ``prefix``:
    what ``FieldError(prefix + path, message)`` makes, without its ``__init__`` (the error path
    makes one per problem; a frozen class's ``__init__`` costs several times more)."""
    made = []
    for path, message in found:
        error = _new(FieldError)
        _set_path(error, prefix + path)
        _set_message(error, message)
        made.append(error)
    return made


_ARGS: Any = BaseException.__dict__["args"]


class DecodeError(ValueError):
    """A body could not be decoded.

    ``errors`` lists every problem found, not just the first; ``body`` is the input exactly as
    it was given, so nothing is lost (store it, dead-letter it, decode it again later).
    ``str(error)`` is one ``path: message`` line per problem; ``repr(error)`` is at most 1,000
    characters, however large the body.

    :ivar body: The input exactly as given, the same object: ``bytes``, ``bytearray``,
        ``memoryview``, ``str`` or a mapping for a body; for a pulled event's error, its raw
        ``eventContent`` (any JSON value); and whatever else was passed where a body belongs
        (``parse(5)``).
    """

    body: object
    #: The problems as ``(path, message)`` pairs, their paths after ``_prefix``, until
    #: ``errors`` is first read (``decode_error``); then ``None``.
    _found: list[tuple[str, str]] | None = None
    _prefix: str = ""
    _errors: tuple[FieldError, ...]

    def __init__(self, errors: Iterable[FieldError], body: object) -> None:
        errors = tuple(errors)
        if not errors:
            raise ValueError("a DecodeError needs at least one FieldError")
        super().__init__(errors, body)
        self._errors = errors
        self.body = body

    @property
    def errors(self) -> tuple[FieldError, ...]:
        """Every problem found, in the order found: a ``FieldError`` each."""
        found = self._found
        if found is not None:  # made by decode_error: the FieldErrors made now, once
            self._errors = tuple(field_errors_of(found, self._prefix))
            self._found = None
        return self._errors

    def _get_args(self) -> tuple[Any, ...]:
        given: tuple[Any, ...] = _ARGS.__get__(self)
        return given or (self.errors, self.body)  # decode_error's: as its __init__ would set

    def _set_args(self, args: tuple[Any, ...]) -> None:
        _ARGS.__set__(self, args)

    #: ``(errors, body)``, as ``DecodeError(errors, body)`` sets them.
    args = property(_get_args, _set_args)

    def __reduce__(self) -> tuple[type[DecodeError], tuple[object, ...]]:
        return (type(self), (self.errors, self.body))

    def __str__(self) -> str:
        return "\n".join(map(str, self.errors))

    def __repr__(self) -> str:
        shown = [
            f"FieldError(path={_excerpt(e.path)}, message={_excerpt(e.message)})"
            for e in self.errors[:_REPR_ERRORS]
        ]
        if len(self.errors) > _REPR_ERRORS:
            shown.append(f"... {len(self.errors) - _REPR_ERRORS} more")
        return _clip(f"{type(self).__name__}([{', '.join(shown)}], body={_excerpt(self.body)})")

    def __eq__(self, other: object) -> bool:
        """Equal when the problems and the body are: a pulled event's error compares by value."""
        if not isinstance(other, DecodeError):
            return NotImplemented
        if self.errors != other.errors:
            return False
        try:
            return bool(self.body == other.body)
        except (RecursionError, ValueError, TypeError):  # too deep, or a body that won't compare
            return self.body is other.body

    def __hash__(self) -> int:
        return hash(self.errors)

    def report(self) -> dict[str, Any]:
        """Everything about the failure, JSON-ready, for a log or a dead-letter store.

        ``{"errors": [{"path", "message"}, ...], "body": {...}}``, where ``body`` keeps the input
        losslessly: ``{"type": "str", "text": ...}`` for text; for bytes,
        ``{"type": "bytes", "encoding": "utf-8", "text": ...}`` when they are valid UTF-8, else
        ``{"type": "bytes", "encoding": "base64", "base64": ...}`` of the exact bytes; for a
        mapping, ``{"type": "mapping", "json": ...}`` only when the JSON gives back an equal
        mapping of the same JSON types (mappings as dicts), else ``{"type": "mapping", "repr":
        ...}`` (the one case that is not lossless: ``NaN``, a key that is not a string, a tuple,
        an integer too long for JSON, nesting deeper than 256, ...).
        :meth:`body_from_report` gives the body back. Never raises, whatever the body holds.
        """
        return {
            "errors": [{"path": e.path, "message": e.message} for e in self.errors],
            "body": _body_report(self.body),
        }

    @staticmethod
    def body_from_report(report: Mapping[str, Any]) -> object:
        """The body that :meth:`report` stored: ``str``, ``bytes``, or a mapping.

        ``report`` is the whole report or just its ``"body"``. A body stored only as a ``repr``
        cannot be given back, nor can one from something that is no report: ``ValueError``.
        """
        stored = report.get("body", report) if isinstance(report, Mapping) else None
        if not isinstance(stored, Mapping):
            raise ValueError("not a DecodeError report")
        kind, encoding = stored.get("type"), stored.get("encoding")
        try:
            if kind == "str":
                return str(stored["text"])
            if kind == "bytes" and encoding == "utf-8":
                return str(stored["text"]).encode("utf-8")
            if kind == "bytes" and encoding == "base64":
                import base64  # only a report of bytes that are not UTF-8 needs it

                return base64.b64decode(stored["base64"], validate=True)
        except (KeyError, TypeError) as exc:
            raise ValueError("not a DecodeError report") from exc
        if kind == "mapping" and "json" in stored:
            return stored["json"]
        raise ValueError("this report does not hold the body losslessly")


def decode_error(found: list[tuple[str, str]], body: object, prefix: str = "$") -> DecodeError:
    """The ``DecodeError`` of the problems ``found`` (``(path, message)`` pairs, at least one),
    each path after ``prefix``: what ``DecodeError([FieldError(prefix + path, message), ...],
    body)`` is, its ``FieldError`` s made only when first read (most errors are caught and
    counted, or logged once)."""
    if not found:
        raise ValueError("a DecodeError needs at least one FieldError")
    error: DecodeError = _new_exception(DecodeError)
    error._found = found
    error._prefix = prefix
    error.body = body
    return error


_new_exception = ValueError.__new__


class SignatureError(ValueError):
    """A signed notification failed verification; ``reason`` says how.

    - ``"missing"``: no usable ``Sign`` (a string) or ``T`` (a 64-bit integer, or its decimal
      digits as a string) in the body; version-4.0 callbacks are never signed, so a 4.0 body
      checked with a key always fails this way.
    - ``"mismatch"``: ``Sign`` is not ``MD5(sign_key + T)`` (an MPS notification's: with its
      ``Timestamp``, in either order): a wrong key, or a changed ``Sign`` or ``T``.
    - ``"expired"``: ``T``, the time the notification expires, is in the past: a replay.

    Tencent's signature covers the key and ``T`` only, never the body: a body whose other
    fields (``FileId``, URLs, ...) were changed, ``Sign`` and ``T`` kept, verifies. A valid
    signature says that someone who knew the key signed some notification expiring at ``T``,
    not that this body is the one signed.

    ``body`` is the input exactly as given.
    """

    reason: Literal["missing", "mismatch", "expired"]
    body: object

    def __init__(
        self, reason: Literal["missing", "mismatch", "expired"], message: str, body: object
    ) -> None:
        super().__init__(reason, message, body)
        self.reason = reason
        self.body = body
        self.message = message

    def __str__(self) -> str:
        return f"{self.reason}: {self.message}"

    def __repr__(self) -> str:
        return _clip(
            f"{type(self).__name__}({self.reason!r}, {_excerpt(self.message)}, "
            f"body={_excerpt(self.body)})"
        )


_REPR_LIMIT = 1_000  # characters of an exception's repr
_REPR_ERRORS = 3  # problems shown in it
_JSON_DEPTH = 256  # deeper mappings are stored as repr: json.dumps(report) must not recurse out


def _body_report(body: object) -> dict[str, Any]:
    try:
        if isinstance(body, str):
            return {"type": "str", "text": str.__str__(body)}
        if isinstance(body, bytes | bytearray | memoryview):
            return _bytes_report(bytes(body))
        if isinstance(body, Mapping):
            return {"type": "mapping", "json": _exact_json(body, _JSON_DEPTH)}
    except Exception:  # a released memoryview, a mapping that is not JSON, ...
        pass
    kind = "mapping" if isinstance(body, Mapping) else type(body).__name__
    return {"type": kind, "repr": _full_repr(body)}


def _bytes_report(data: bytes) -> dict[str, Any]:
    try:
        return {"type": "bytes", "encoding": "utf-8", "text": data.decode("utf-8")}
    except UnicodeDecodeError:
        import base64  # only bytes that are not UTF-8 need it

        return {"type": "bytes", "encoding": "base64", "base64": base64.b64encode(data).decode()}


class _NotJSONError(Exception):
    """What JSON would not give back exactly."""


def _exact_json(value: object, depth: int) -> Any:
    """A copy of ``value`` that JSON gives back equal and of the same types, or ``_NotJSONError``.

    Only ``None``, ``bool``, ``int``, finite ``float``, ``str``, ``list`` and mappings with ``str``
    keys (copied as dicts); no subclass, whose type JSON would not keep, and no integer too long
    for ``json`` to write or read (Python's limit on int-to-text conversion).
    """
    kind = type(value)
    if value is None or kind is bool or kind is str:
        return value
    if isinstance(value, int) and kind is int:
        if value.bit_length() > 2_000:  # ~600 digits: under any int_max_str_digits (>= 640)
            json.loads(json.dumps(value))  # ValueError past the conversion limit
        return value
    if isinstance(value, float) and kind is float and math.isfinite(value):
        return value
    if depth <= 0:
        raise _NotJSONError("too deep")
    if isinstance(value, list) and kind is list:
        return [_exact_json(item, depth - 1) for item in value]
    if isinstance(value, Mapping):
        copy = {}
        for key, item in value.items():
            if type(key) is not str or key in copy:
                raise _NotJSONError("a key JSON would change or repeat")
            copy[key] = _exact_json(item, depth - 1)
        return copy
    raise _NotJSONError(kind.__name__)


def _full_repr(value: object) -> str:
    """``repr(value)``, or a bounded excerpt when that raises (too deep, too long an int, ...)."""
    try:
        return repr(value)
    except Exception:  # RecursionError, ValueError (int too long), anything a __repr__ raises
        return _excerpt(value)


def _clip(text: str, limit: int = _REPR_LIMIT) -> str:
    return text if len(text) <= limit else f"{text[: limit - 4]}...)"


class _Excerpt(reprlib.Repr):
    """``reprlib`` with limits, mappings in their own order, and no exception ever."""

    def __init__(self) -> None:
        super().__init__()
        self.maxlevel, self.maxstring, self.maxother, self.maxlong = 4, 160, 80, 60
        self.maxdict = self.maxlist = self.maxtuple = self.maxset = self.maxfrozenset = 8

    def repr1(self, x: object, level: int) -> str:
        try:
            if isinstance(x, bytes | bytearray | memoryview):
                return self._bytes(x)
            if isinstance(x, int) and not isinstance(x, bool) and x.bit_length() > 10_000:
                return f"<int of about {int(x.bit_length() * math.log10(2)) + 1} digits>"
            if isinstance(x, str):
                return self.repr_str(x, level)
            if isinstance(x, Mapping) and not isinstance(x, dict):
                return f"{type(x).__name__}({self.repr_dict(x, level)})"
            return str(super().repr1(x, level))
        except Exception:  # a __repr__ or __len__ that raises, ...
            return f"<{type(x).__name__} object>"

    def repr_dict(self, x: Mapping[Any, Any], level: int) -> str:
        if not x:
            return "{}"
        if level <= 0:
            return "{...}"
        items = islice(x.items(), self.maxdict)
        pieces = [f"{self.repr1(k, level - 1)}: {self.repr1(v, level - 1)}" for k, v in items]
        if len(x) > self.maxdict:
            pieces.append("...")
        return "{" + ", ".join(pieces) + "}"

    def _bytes(self, x: bytes | bytearray | memoryview) -> str:
        size = x.nbytes if isinstance(x, memoryview) else len(x)
        head = repr(
            bytes(x[: self.maxstring]) if isinstance(x, memoryview) else x[: self.maxstring]
        )
        kind = type(x).__name__
        return head if size <= self.maxstring else f"<{kind} of {size} bytes: {head}...>"


def _excerpt(value: object) -> str:
    """A short ``repr`` of anything, that never raises."""
    return _clip(_Excerpt().repr(value), _REPR_LIMIT // 2)
