"""Choosing a body's hook by the value of one top-level key: the one dispatcher of the 4.0
(``eventType``), API 3.0 and MPS (``EventType``) and Cloud Live (``event_type``) envelopes; and
a dispatcher's hook made on its first call (``later``)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from ._table import Hook, expect_object

__all__ = ["by_type", "later"]


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


def later(make: Callable[[], Hook], keep: Callable[[Hook], None]) -> Hook:
    """A hook that makes the real one (``make()``) on its first call and gives it to ``keep``,
    which puts it where this one was (a dispatcher's table): later calls reach it without a
    call more, and a format a process never receives costs no code generation at import. Two
    threads may both make it: each gets a whole function (the same either way), and either is
    kept."""

    def first(value: object, cl: object = None) -> Any:
        hook = make()
        keep(hook)
        return hook(value, cl)

    return first
