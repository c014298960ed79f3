"""The public exceptions (``DecodeError``, ``SignatureError``, ``FieldError``) and the report.

Turning cattrs' exceptions into ``FieldError`` s is ``_paths``'s job; this module imports nothing
of vodsnap's.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Iterable, Mapping
from typing import Any, Literal

from attrs import frozen

__all__ = ["DecodeError", "FieldError", "SignatureError"]


@frozen
class FieldError:
    """One problem found in a body: where (a JSONPath-like ``path`` with wire names) and what."""

    #: Where, e.g. ``$``, ``$.width`` or ``$.data.picInfo[1].timeOffset``.
    path: str
    #: What is wrong there, in plain words.
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


class DecodeError(ValueError):
    """A body could not be decoded.

    ``errors`` lists every problem found, not just the first; ``body`` is the input exactly as
    it was given, so nothing is lost (store it, dead-letter it, decode it again later).
    ``str(error)`` is one ``path: message`` line per problem.
    """

    errors: tuple[FieldError, ...]
    body: object

    def __init__(self, errors: Iterable[FieldError], body: object) -> None:
        errors = tuple(errors)
        if not errors:
            raise ValueError("a DecodeError needs at least one FieldError")
        super().__init__(errors, body)
        self.errors = errors
        self.body = body

    def __str__(self) -> str:
        return "\n".join(map(str, self.errors))

    def __eq__(self, other: object) -> bool:
        """Equal when the problems and the body are: a pulled event's error compares by value."""
        if not isinstance(other, DecodeError):
            return NotImplemented
        return (self.errors, self.body) == (other.errors, other.body)

    def __hash__(self) -> int:
        return hash(self.errors)

    def report(self) -> dict[str, Any]:
        """Everything about the failure, JSON-ready, for a log or a dead-letter store.

        ``{"errors": [{"path", "message"}, ...], "body": {...}}``, where ``body`` keeps the input
        losslessly: ``{"type": "str", "text": ...}`` for text; for bytes,
        ``{"type": "bytes", "encoding": "utf-8", "text": ...}`` when they are valid UTF-8, else
        ``{"type": "bytes", "encoding": "base64", "base64": ...}`` of the exact bytes; for a
        mapping, ``{"type": "mapping", "json": ...}``, or ``{"type": "mapping", "repr": ...}``
        when it holds what JSON cannot (the one case that is not lossless).
        :meth:`body_from_report` gives the body back.
        """
        return {
            "errors": [{"path": e.path, "message": e.message} for e in self.errors],
            "body": _body_report(self.body),
        }

    @staticmethod
    def body_from_report(report: Mapping[str, Any]) -> object:
        """The body that :meth:`report` stored: ``str``, ``bytes``, or a mapping.

        ``report`` is the whole report or just its ``"body"``. A body stored only as a ``repr``
        cannot be given back: ``ValueError``.
        """
        stored = report.get("body", report)
        kind, encoding = stored.get("type"), stored.get("encoding")
        if kind == "str":
            return stored["text"]
        if kind == "bytes" and encoding == "utf-8":
            return str(stored["text"]).encode("utf-8")
        if kind == "bytes" and encoding == "base64":
            return base64.b64decode(stored["base64"], validate=True)
        if kind == "mapping" and "json" in stored:
            return stored["json"]
        raise ValueError("this report does not hold the body losslessly")


class SignatureError(ValueError):
    """A signed notification failed verification; ``reason`` says how.

    - ``"missing"``: no usable ``Sign`` (a string) or ``T`` (an integer) in the body; version-4.0
      callbacks are never signed, so a 4.0 body checked with a key always fails this way.
    - ``"mismatch"``: ``Sign`` is not ``MD5(sign_key + T)``: a wrong key, or a tampered body.
    - ``"expired"``: ``T``, the time the notification expires, is in the past: a replay.

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


def _body_report(body: object) -> dict[str, Any]:
    if isinstance(body, str):
        return {"type": "str", "text": body}
    if isinstance(body, bytes | bytearray | memoryview):
        try:
            data = bytes(body)
        except (TypeError, ValueError):
            return {"type": type(body).__name__, "repr": repr(body)}
        try:
            return {"type": "bytes", "encoding": "utf-8", "text": data.decode("utf-8")}
        except UnicodeDecodeError:
            return {
                "type": "bytes",
                "encoding": "base64",
                "base64": base64.b64encode(data).decode("ascii"),
            }
    if isinstance(body, Mapping):
        try:
            return {"type": "mapping", "json": json.loads(json.dumps(body, allow_nan=False))}
        except (TypeError, ValueError, RecursionError):
            return {"type": "mapping", "repr": repr(body)}
    return {"type": type(body).__name__, "repr": repr(body)}
