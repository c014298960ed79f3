"""The fast converter's structure functions, generated from a table.

cattrs' generated code calls a hook for every field. For the fast path a table's function is
generated here instead: a kind that says what its finished values look like (``Kind.final``,
e.g. ``str`` for text) is checked inline, a kind read by lookup (``Kind.lookup``: an enum, a
flag) is looked up inline, and its hook is called only for anything else. It
accepts exactly what cattrs' code with the same hooks accepts (a property test compares the two
on every kind of body); a failure of any kind only needs to be a failure, which the explaining
converter then describes.
"""

from __future__ import annotations

import linecache
from typing import Any

from attrs import NOTHING, fields

from ._table import Hook, Kind, Table, expect_object

__all__ = ["fast_structure"]


def fast_structure(table: Table, hooks: dict[str, Hook], *, strict: bool) -> Hook:
    """A structure function for ``table`` whose fields' hooks are ``hooks`` (by attribute)."""
    defaults = {a.name: a.default for a in fields(table.model)}
    names: dict[str, Any] = {"model": table.model, "expect_object": expect_object}
    lines = [
        "def structure(o, _=None):",
        "    if type(o) is not dict:",
        "        o = expect_object(o)",
    ]
    if strict:
        names["known"] = frozenset(f.wire for f in table.fields)
        lines += ["    if not o.keys() <= known:", "        raise KeyError(set(o) - known)"]
    for i, field in enumerate(table.fields):
        names[f"hook{i}"] = hooks[field.attr]
        default = defaults[field.attr]
        if hasattr(default, "takes_self"):  # pragma: no cover - an attrs Factory: none has one
            raise TypeError(f"{table.model.__name__}.{field.attr}: a factory default")
        lines += _read_field(i, field.wire, field.kind, default, names)
    arguments = ", ".join(f"{f.attr}=v{i}" for i, f in enumerate(table.fields))
    lines.append(f"    return model({arguments})")
    return _compile(table, lines, names)


def _read_field(
    i: int, wire: str, kind: object, default: object, names: dict[str, Any]
) -> list[str]:
    """The lines that set ``v{i}`` from the key ``wire``."""
    value = f"v{i}"
    final = kind.final if isinstance(kind, Kind) else frozenset()
    lookup = kind.lookup if isinstance(kind, Kind) else None
    convert = f"{value} = hook{i}({value}, None)"
    if lookup is not None:  # a known value of the usual type reads as its entry
        names[f"ltype{i}"], names[f"lookup{i}"] = lookup
        check = [
            f"    if type({value}) is ltype{i} and {value} in lookup{i}:",
            f"        {value} = lookup{i}[{value}]",
            "    else:",
            f"        {convert}",
        ]
    elif not final:
        check = [f"    {convert}"]
    else:  # the value is final as it is, or the hook makes it so (or says why not)
        names[f"final{i}"] = final
        names[f"type{i}"] = next(iter(final))
        test = f"type({value}) is type{i}" if len(final) == 1 else f"type({value}) in final{i}"
        check = [f"    if not {test}:", f"        {convert}"]
    if default is NOTHING:
        return [f"    {value} = o[{wire!r}]", *check]
    names[f"default{i}"] = default
    inner = ["    " + line for line in check]
    return [
        f"    if {wire!r} in o:",
        f"        {value} = o[{wire!r}]",
        *inner,
        "    else:",
        f"        {value} = default{i}",
    ]


def _compile(table: Table, lines: list[str], names: dict[str, Any]) -> Hook:
    source = "\n".join(lines) + "\n"
    filename = f"<vodsnap fast structure {table.model.__qualname__} {id(table):x}>"
    linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)
    exec(compile(source, filename, "exec"), names)
    structure: Hook = names["structure"]
    return structure
