"""From a body as given (bytes, str or an already decoded mapping) to a JSON value.

The one place that touches raw text. Every failure is a ``DecodeError`` at ``$`` that keeps the
body exactly as it was given.
"""

from __future__ import annotations

import json
from collections.abc import Mapping

from ._errors import DecodeError, FieldError

__all__ = ["Body", "read"]

#: What ``parse`` accepts.
Body = bytes | bytearray | memoryview | str | Mapping[str, object]

_BOM = "\ufeff"


def read(body: object) -> object:
    """The JSON value in ``body``: a mapping is passed through, bytes must be UTF-8 JSON."""
    if isinstance(body, Mapping):
        return body
    if isinstance(body, bytes | bytearray | memoryview):
        try:
            text = bytes(body).decode("utf-8")
        except UnicodeDecodeError as exc:
            raise _error(body, f"body is not valid UTF-8 (byte {exc.start})") from None
        except (TypeError, ValueError) as exc:  # e.g. a released memoryview
            raise _error(body, f"cannot read the body's bytes ({exc})") from None
    elif isinstance(body, str):
        text = body
    else:
        raise _error(body, f"expected bytes, str or a mapping, got {type(body).__name__}")
    if text.startswith(_BOM):  # RFC 8259 lets a parser ignore it; some HTTP stacks send one
        text = text[1:]
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise _error(
            body, f"invalid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})"
        ) from None
    except RecursionError:
        raise _error(body, "invalid JSON: nested too deeply to read") from None
    except ValueError as exc:  # an integer past Python's int-string limit
        raise _error(body, f"invalid JSON: {exc}") from None


def _error(body: object, message: str) -> DecodeError:
    return DecodeError([FieldError("$", message)], body)
