"""A griffe extension for the API reference: each field's doc from its class's docstring.

A class documents its fields in its own docstring (``:ivar name: ...``, ``:cvar NAME: ...`` for
an enum member or a class constant), which is what ``help()`` shows: a slotted attrs class has no
other place for them at run time. The API reference shows each field's doc under the field
instead, as for any other member, and takes those lines out of the class's description.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import griffe

_LOGGER = griffe.get_logger(__name__)
_FIELD = re.compile(r"^:(?:ivar|cvar|var) (?P<name>\w+): ?(?P<text>.*)$")


class FieldDocs(griffe.Extension):
    """Move ``:ivar:``/``:cvar:`` lines of every class docstring onto the fields they name."""

    def on_package(self, *, pkg: griffe.Module, **kwargs: Any) -> None:
        for cls in _classes(pkg):
            if cls.docstring is not None and ":" in cls.docstring.value:
                _move_fields(cls, cls.docstring)


def _classes(obj: griffe.Object) -> Iterator[griffe.Class]:
    for member in obj.members.values():
        if isinstance(member, griffe.Class):
            yield member
        if isinstance(member, griffe.Module | griffe.Class):
            yield from _classes(member)


def _move_fields(cls: griffe.Class, docstring: griffe.Docstring) -> None:
    kept: list[str] = []
    fields: dict[str, list[str]] = {}
    current: list[str] | None = None
    for line in docstring.value.splitlines():
        match = _FIELD.match(line)
        if match:
            current = fields[match["name"]] = [match["text"]]
        elif current is not None and line.startswith(" "):
            current.append(line.strip())
        else:
            current = None
            kept.append(line)
    for name, text in fields.items():
        member = cls.members.get(name)
        if not isinstance(member, griffe.Object):
            _LOGGER.warning(f"{cls.path}: the docstring documents {name!r}, which it lacks")
            continue
        member.docstring = griffe.Docstring(
            "\n".join(text),
            parent=member,
            parser=docstring.parser,
            parser_options=docstring.parser_options,
        )
    if fields:
        docstring.value = "\n".join(kept).strip()
