"""The models' ``repr``, written once for every model class.

attrs generates ``__repr__`` as source text for each class and compiles it at import: for
vodsnap's fifty models the largest single method of ``import vodsnap`` (about a million
instructions a class). A class decorated with ``plain_repr`` under ``@frozen`` has its own, so
attrs (which detects a class's own methods) generates none; this one does what attrs' does, read
from the class's attrs fields: fields with ``repr=False`` left out, ``...`` for an object
already being shown. Equality and hash stay attrs' generated ones: they run on every comparison,
and a method written once, reading the fields in a loop, is two to four times slower there.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from types import FunctionType
from typing import Any, TypeVar

from attrs import fields

__all__ = ["plain_repr"]

C = TypeVar("C", bound=type)


def plain_repr(cls: C) -> C:
    """``cls`` with the written-once ``__repr__``. Applied before ``@frozen``, which keeps it.

    Each class gets a function object of its own (sharing one code object, nothing compiled):
    attrs before 24 takes a method that is its base's for inherited, and generates its own."""
    own = FunctionType(_repr.__code__, _repr.__globals__, "__repr__")
    setattr(cls, "__repr__", own)  # noqa: B010 - mypy refuses assigning to a method
    return cls


#: Each class's shown fields, in their order: name, and the field's own ``repr`` function
#: (``None``: the builtin); made on the class's first ``repr`` (two threads may both make the
#: same tuple; either is kept).
_SHOWN: dict[type, tuple[tuple[str, Callable[[Any], str] | None], ...]] = {}


def _shown(cls: type) -> tuple[tuple[str, Callable[[Any], str] | None], ...]:
    found = _SHOWN.get(cls)
    if found is None:
        found = _SHOWN[cls] = tuple(
            (a.name, None if a.repr is True else a.repr) for a in fields(cls) if a.repr
        )
    return found


#: The ids of the objects each thread is showing: a model met again inside itself is ``...``.
_SHOWING = threading.local()


def _repr(self: Any) -> str:
    try:
        showing: set[int] = _SHOWING.ids
    except AttributeError:
        showing = _SHOWING.ids = set()
    if id(self) in showing:
        return "..."
    showing.add(id(self))
    try:
        parts = []
        for name, show in _shown(type(self)):
            value = getattr(self, name)
            parts.append(f"{name}={value!r}" if show is None else f"{name}={show(value)}")
        return f"{self.__class__.__qualname__.rsplit('>.', 1)[-1]}({', '.join(parts)})"
    finally:
        showing.remove(id(self))
