"""From a body as given (bytes, str or an already decoded mapping) to a JSON value.

The one place that touches raw text, and where the size and depth limits are enforced, before
any decoding work. Failures that leave nothing to decode raise a ``DecodeError`` at once; the
strict mode's findings (duplicate keys, ``NaN``) are returned with their paths, so that they are
reported beside every other problem of the body.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from typing import Any

from ._errors import DecodeError, FieldError, key_path
from ._limits import Limits

__all__ = ["Body", "NonFiniteNumber", "read"]

#: What ``parse`` accepts.
Body = bytes | bytearray | memoryview | str | Mapping[str, Any]

_BOM = "\ufeff"


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


def _check_depth(body: object, value: object, max_depth: int) -> None:
    try:
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
