"""A griffe extension for the API reference: a class's private bases are folded into it.

``SnapshotByTimeOffsetComplete(_Notification)`` would show ``Bases: _Notification``, a name
users cannot import, and none of the fields it inherits from it. Each private base's public
members are shown as the class's own (where the class does not define them, and first, as
attrs orders the fields), and its place
among the bases is taken by its own bases (``_Described(IntEnum)`` leaves ``IntEnum``).
"""

from __future__ import annotations

import copy
from collections.abc import Iterator
from typing import Any

import griffe


class PublicBases(griffe.Extension):
    """Fold every private base class into the package's classes that derive from it."""

    def on_package(self, *, pkg: griffe.Module, **kwargs: Any) -> None:
        done: set[str] = set()
        for cls in _classes(pkg):
            _fold(cls, done)


def _classes(obj: griffe.Object) -> Iterator[griffe.Class]:
    for member in obj.members.values():
        if isinstance(member, griffe.Class):
            yield member
        if isinstance(member, griffe.Module | griffe.Class):
            yield from _classes(member)


def _fold(cls: griffe.Class, done: set[str]) -> None:
    if cls.path in done:
        return
    done.add(cls.path)
    bases: list[Any] = []
    own = dict(cls.members)
    for base in cls.bases:
        private = _private_class(cls, base)
        if private is None:
            bases.append(base)
            continue
        _fold(private, done)
        bases.extend(private.bases)
        for name, member in private.members.items():
            if name.startswith("_") or name in cls.members or not isinstance(member, griffe.Object):
                continue
            clone = copy.copy(member)
            if member.docstring is not None:
                clone.docstring = copy.copy(member.docstring)
                clone.docstring.parent = clone
            cls.set_member(name, clone)
            clone.parent = cls
    cls.bases = bases
    for name, member in own.items():  # the inherited fields first, as attrs orders them
        del cls.members[name]
        cls.members[name] = member


def _private_class(cls: griffe.Class, base: Any) -> griffe.Class | None:
    """The class ``base`` names, when it is private and defined beside ``cls``."""
    name = str(base)
    if not name.startswith("_") or "." in name or cls.parent is None:
        return None
    found = cls.parent.members.get(name)
    return found if isinstance(found, griffe.Class) else None
