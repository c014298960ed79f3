"""The models' ``repr``, equality and hash, written once for every model class.

attrs generates these three methods as source text for each class and compiles it at import:
for vodsnap's fifty models that was the largest single part of ``import vodsnap``. A class
decorated with ``plain_methods`` under ``@frozen`` has them already, so attrs (which detects a
class's own methods) generates none of them; these do what attrs' generated ones do, read from
the class's attrs fields: the same ``repr`` (fields with ``repr=False`` left out, ``...`` for
an object already being shown), equality of the same class on the fields with ``eq=True``, and
a hash of those fields.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any, NamedTuple, TypeVar

from attrs import fields

__all__ = ["plain_methods"]

C = TypeVar("C", bound=type)


def plain_methods(cls: C) -> C:
    """``cls`` with ``__repr__``, ``__eq__`` and ``__hash__`` (``__ne__`` is ``object``'s,
    the negation of ``__eq__``, as attrs' is). Applied before ``@frozen``, which keeps them."""
    setattr(cls, "__repr__", _repr)  # noqa: B010 - mypy refuses assigning to a method
    setattr(cls, "__eq__", _eq)  # noqa: B010
    setattr(cls, "__hash__", _hash)  # noqa: B010
    return cls


class _Fields(NamedTuple):
    """What the methods read of a class's attrs fields, in the fields' order."""

    #: Each shown field: its name, and its own ``repr`` function (``None``: the builtin).
    shown: tuple[tuple[str, Callable[[Any], str] | None], ...]
    #: Each compared field: its name, and the key compared instead of the value (if any).
    compared: tuple[tuple[str, Callable[[Any], Any] | None], ...]
    #: Each hashed field, likewise.
    hashed: tuple[tuple[str, Callable[[Any], Any] | None], ...]


#: Each class's fields as the methods read them, made on the class's first use (two threads
#: may both make the same tuples; either is kept).
_BY_CLASS: dict[type, _Fields] = {}


def _fields_of(cls: type) -> _Fields:
    found = _BY_CLASS.get(cls)
    if found is None:
        attributes = fields(cls)
        found = _BY_CLASS[cls] = _Fields(
            tuple((a.name, None if a.repr is True else a.repr) for a in attributes if a.repr),
            tuple((a.name, a.eq_key) for a in attributes if a.eq),
            tuple(
                (a.name, a.eq_key)
                for a in attributes
                if a.hash is True or (a.hash is None and a.eq is True)
            ),
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
        for name, show in _fields_of(type(self)).shown:
            value = getattr(self, name)
            parts.append(f"{name}={value!r}" if show is None else f"{name}={show(value)}")
        return f"{self.__class__.__qualname__.rsplit('>.', 1)[-1]}({', '.join(parts)})"
    finally:
        showing.remove(id(self))


def _eq(self: Any, other: object) -> Any:
    if other.__class__ is not self.__class__:
        return NotImplemented
    result: Any = True
    for name, key in _fields_of(type(self)).compared:
        mine, theirs = getattr(self, name), getattr(other, name)
        result = mine == theirs if key is None else key(mine) == key(theirs)
        if not result:
            return result
    return result


def _hash(self: Any) -> int:
    cls = type(self)
    values = [
        getattr(self, name) if key is None else key(getattr(self, name))
        for name, key in _fields_of(cls).hashed
    ]
    return hash((cls, *values))
