"""Choosing a body's hook by the value of one top-level key: the one dispatcher of the 4.0
(``eventType``), API 3.0 and MPS (``EventType``) and Cloud Live (``event_type``) envelopes."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ._table import Hook, expect_object

__all__ = ["by_type"]


def by_type(
    key: str, hooks: Mapping[Any, Hook], other: Hook, *, kind: type, read: Hook | None = None
) -> Hook:
    """The hook that gives a body to ``hooks[body[key]]``, or to ``other`` when its value is
    none of theirs. The value must be of type ``kind``; else ``read`` (if given) may make it one
    (leniently, a number's text), and what it cannot read goes to ``other``, which reports it."""

    def structure(value: object, _: object = None) -> Any:
        obj = value if type(value) is dict else expect_object(value)
        found = obj.get(key)
        if type(found) is not kind and read is not None:
            try:
                found = read(found, None)
            except Exception:
                found = None
        hook = hooks.get(found, other) if type(found) is kind else other
        return hook(obj, None)

    return structure
