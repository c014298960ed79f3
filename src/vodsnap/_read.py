"""From a body as given (bytes, str or an already decoded mapping) to a JSON value.

The one place that touches raw text, and where the size and depth limits are enforced, before
any decoding work. Failures that leave nothing to decode raise a ``DecodeError`` at once; the
strict mode's findings (duplicate keys, ``NaN``) are returned with their paths, so that they are
reported beside every other problem of the body.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Mapping
from typing import Any, Final

from ._errors import DecodeError, FieldError
from ._limits import Limits
from ._paths import key_path

_orjson_loads: Callable[[bytes], Any] | None
try:  # the optional faster parser: ``pip install 'vodsnap[orjson]'``
    from orjson import loads as _orjson_loads
except ImportError:  # pragma: no cover - depends on what is installed
    _orjson_loads = None

__all__ = [
    "NOT_READ",
    "Body",
    "NonFiniteNumber",
    "has_long_integer",
    "quick_read",
    "read",
    "read_bytes",
]

#: What ``parse`` accepts.
Body = bytes | bytearray | memoryview | str | Mapping[str, Any]

_BOM = "\ufeff"
#: What ``quick_read`` gives when it cannot help: read the body the standard way.
NOT_READ: Final = object()
_DIGITS_TO_ZERO = bytes.maketrans(b"0123456789-", b"0" * 11)
_JSON_SPACE = b" \t\r\n"
_NINETEEN = b"0" * 19


class NonFiniteNumber:
    """What strict reading puts where the text had ``NaN``, ``Infinity`` or an overflowing number:
    no hook accepts it, and ``read`` reports it at its path."""

    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text

    def __repr__(self) -> str:
        return self.text


class _DuplicateKeys(dict[str, Any]):
    """An object whose text repeated keys (strict reading only); the last value wins."""

    __slots__ = ("duplicates",)
    duplicates: list[str]


def quick_read(body: bytes, limits: Limits) -> object:
    """The JSON value in ``body`` by orjson, when it is installed and accepts the body; else
    ``NOT_READ``. Whatever orjson refuses (``NaN``, lone surrogates, a byte-order mark, bad
    UTF-8 or JSON, too large a body) is left to ``read_bytes``, which says why.

    orjson reads an integer past 64 bits as a float: a caller must not keep such a value where
    a float would pass (see ``has_long_integer``).
    """
    if _orjson_loads is None or len(body) > limits.max_body_bytes:
        return NOT_READ
    try:
        value = _orjson_loads(body)
    except ValueError:
        return NOT_READ
    if body.count(b"[") + body.count(b"{") > limits.max_depth:
        _check_depth(body, value, limits.max_depth)
    return value


def has_long_integer(body: bytes) -> bool:
    """Whether the body may hold a number of 19 digits or more outside a string (where orjson
    and the standard parser may differ). Errs towards yes: it only costs speed."""
    squeezed = body.translate(_DIGITS_TO_ZERO, _JSON_SPACE)  # a number is a run of 0s now
    return squeezed.startswith(_NINETEEN) or any(
        mark + _NINETEEN in squeezed for mark in (b":", b",", b"[")
    )


def read_bytes(body: bytes, limits: Limits) -> object:
    """``read`` for the commonest case, bytes in the lenient mode, without its generality."""
    if len(body) > limits.max_body_bytes:
        return read(body, strict=False, limits=limits)[0]  # says why
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        return read(body, strict=False, limits=limits)[0]
    value = _loads(body, text[1:] if text[:1] == _BOM else text)
    if text.count("[") + text.count("{") > limits.max_depth:
        _check_depth(body, value, limits.max_depth)
    return value


def read(body: object, *, strict: bool, limits: Limits) -> tuple[object, list[FieldError]]:
    """The JSON value in ``body``, and (strict only) the problems found while reading it."""
    if isinstance(body, Mapping):  # its depth is checked where it is descended into
        return body, []
    text = _text(body, limits.max_body_bytes)
    if not strict:
        value = _loads(body, text)
        if _may_exceed(text, limits.max_depth):
            _check_depth(body, value, limits.max_depth)
        return value, []

    suspicious = False

    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        nonlocal suspicious
        obj = dict(items)
        if len(obj) == len(items):
            return obj
        suspicious = True
        flagged = _DuplicateKeys(obj)
        flagged.duplicates = []
        seen: set[str] = set()
        for key, _ in items:
            if key in seen:
                flagged.duplicates.append(key)
            seen.add(key)
        return flagged

    def non_finite(text: str) -> object:
        nonlocal suspicious
        suspicious = True
        return NonFiniteNumber(text)

    def number(text: str) -> object:
        value = float(text)
        return value if math.isfinite(value) else non_finite(text)

    value = _loads(
        body, text, object_pairs_hook=pairs, parse_constant=non_finite, parse_float=number
    )
    if _may_exceed(text, limits.max_depth):
        _check_depth(body, value, limits.max_depth)
    problems: list[FieldError] = []
    if suspicious:
        _strict_problems(value, "$", problems)
    return value, problems


def _text(body: object, max_bytes: int) -> str:
    if isinstance(body, bytes | bytearray | memoryview):
        try:
            data = bytes(body)
        except (TypeError, ValueError) as exc:  # e.g. a released memoryview
            raise _error(body, f"cannot read the body's bytes ({exc})") from None
        if len(data) > max_bytes:
            raise _error(body, f"body is {len(data)} bytes, more than max_body_bytes={max_bytes}")
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise _error(body, f"body is not valid UTF-8 (byte {exc.start})") from None
    elif isinstance(body, str):
        # A character makes one to four UTF-8 bytes: measure only when it could matter.
        if len(body) * 4 > max_bytes:
            size = len(body.encode("utf-8", "surrogatepass"))
            if size > max_bytes:
                raise _error(body, f"body is {size} bytes, more than max_body_bytes={max_bytes}")
        text = body
    else:
        raise _error(body, f"expected bytes, str or a mapping, got {type(body).__name__}")
    if text.startswith(_BOM):  # RFC 8259 lets a parser ignore it; some HTTP stacks send one
        text = text[1:]
    return text


def _loads(body: object, text: str, **hooks: Any) -> object:
    try:
        return json.loads(text, **hooks)
    except json.JSONDecodeError as exc:
        raise _error(
            body, f"invalid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})"
        ) from None
    except RecursionError:
        raise _error(body, "invalid JSON: nested too deeply to read") from None
    except ValueError as exc:  # an integer past Python's int-string limit
        raise _error(body, f"invalid JSON: {exc}") from None


def _may_exceed(text: str, max_depth: int) -> bool:
    """Whether the text could nest deeper than ``max_depth``: never with fewer brackets."""
    return text.count("[") + text.count("{") > max_depth


def _deeper_than(value: object, max_depth: int) -> bool:
    """Whether parsed JSON nests deeper than ``max_depth``: only dicts and lists to look at."""
    level, depth = [value], 1
    while level:
        if depth > max_depth:
            return True
        inner: list[object] = []
        for node in level:
            for item in node.values() if type(node) is dict else node:  # type: ignore[attr-defined]
                if type(item) is dict or type(item) is list:
                    inner.append(item)
        level, depth = inner, depth + 1
    return False


def _check_depth(body: object, value: object, max_depth: int) -> None:
    if not _deeper_than(value, max_depth):
        return
    try:  # only now find where, which the cheap walk above does not keep track of
        path = _too_deep(value, "$", 1, max_depth)
    except RecursionError:
        path = "$"
    if path is not None:
        raise DecodeError([FieldError(path, f"nested deeper than max_depth={max_depth}")], body)


def _too_deep(value: object, path: str, depth: int, max_depth: int) -> str | None:
    """The path of the first array or object nested deeper than ``max_depth``, if any."""
    if isinstance(value, Mapping):
        items: Any = value.items()
    elif isinstance(value, list | tuple):
        items = enumerate(value)
    else:
        return None
    if depth > max_depth:
        return path
    for key, item in items:
        if isinstance(item, Mapping | list | tuple):
            step = f"{path}[{key}]" if isinstance(key, int) else key_path(path, key)
            found = _too_deep(item, step, depth + 1, max_depth)
            if found is not None:
                return found
    return None


def _strict_problems(value: object, path: str, found: list[FieldError]) -> None:
    if isinstance(value, NonFiniteNumber):
        found.append(FieldError(path, f"{value.text} is not a JSON number"))
    elif isinstance(value, dict):
        if isinstance(value, _DuplicateKeys):
            for key in dict.fromkeys(value.duplicates):
                found.append(FieldError(key_path(path, key), "duplicate key"))
        for key, item in value.items():
            _strict_problems(item, key_path(path, key), found)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            _strict_problems(item, f"{path}[{index}]", found)


def _error(body: object, message: str) -> DecodeError:
    return DecodeError([FieldError("$", message)], body)
