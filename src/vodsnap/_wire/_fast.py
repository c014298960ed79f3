"""The fast structure function of a table's object, generated from its fields.

It is generated code that stops at the first problem: a field whose kind says what its finished
values look like (``Kind.final``, e.g. ``str`` for text) is checked inline, a kind read by
lookup (``Kind.lookup``: an enum, a flag) is looked up inline, and its hook is called only for
anything else; a failure of any kind only needs to be a failure (``_explain`` then says every
problem); a table's rule across fields runs inside it. A model whose ``__init__`` only sets
its attributes is filled through a twin class (checked when the function is made); ``maker``
makes such a model the same way outside a table (an event's envelope). The explaining function
calls the same hooks, so the two
accept exactly the same objects as the same models (a property test compares the two
converters on every shape of body, valid, quirked and mutated).

This module knows fields only as ``Slot`` s: it imports nothing of the tables.
"""

from __future__ import annotations

import linecache
from collections.abc import Callable, Mapping, Sequence
from functools import cache
from types import MemberDescriptorType
from typing import Any, NamedTuple

import attrs
from attrs import NOTHING

__all__ = [
    "Hook",
    "Slot",
    "checked",
    "compile_hook",
    "fast_structure",
    "indent",
    "maker",
    "opening",
]

#: A structure hook, as cattrs calls it: ``hook(value, type)``.
Hook = Callable[[Any, Any], Any]


class Slot(NamedTuple):
    """One field of an object, as its structure functions read it."""

    #: The model's attribute.
    attr: str
    #: The key on the wire.
    wire: str
    #: Its kind's structure hook.
    hook: Hook
    #: The attribute's default (attrs' ``NOTHING``: the wire must send the key).
    default: object
    #: Types whose values the hook returns as they are (``Kind.final``).
    final: frozenset[type]
    #: ``(type, mapping)``: values read by lookup (``Kind.lookup``).
    lookup: tuple[type, Mapping[Any, Any]] | None


def fast_structure(
    model: type,
    slots: Sequence[Slot],
    *,
    strict: bool,
    guard: Callable[[Any], Any],
    aliases: tuple[tuple[str, ...], Callable[[Any], Any]] | None = None,
    check: tuple[Callable[[Any, Any], Any], Any] | None = None,
) -> Hook:
    """Generated code that makes ``model`` from an object with ``slots``, or raises at the first
    problem; ``guard(value)`` gives the object for anything that is not a ``dict`` (or raises).
    ``aliases``: keys a field may be sent under instead, and the function that reads an object
    holding any of them (rare: the usual keys are read without a call more). ``check``: a rule
    across fields and its second argument, ``rule(model, argument)``: anything it returns that
    is true refuses the model (its problems are ``_explain`` 's to say)."""
    names: dict[str, Any] = {"model": model, "guard": guard, "Refused": _RefusedError}
    lines = opening(names, aliases)
    if strict:
        names["known"] = frozenset(slot.wire for slot in slots)
        lines += ["    if not o.keys() <= known:", "        raise KeyError(set(o) - known)"]
    for i, slot in enumerate(slots):
        lines += _read_field(i, slot, names)
    ending = ["    return m"]
    if check is not None:
        names["check"], names["check_with"] = check
        ending = ["    if check(m, check_with):", "        raise Refused", *ending]
    fill = _fill(model, [slot.attr for slot in slots])
    if fill is None:
        lines += [f"    m = model({_arguments(slots)})", *ending]
        return compile_hook(model, "fast", lines, names)
    twin, values = fill
    names.update(twin=twin, new=object.__new__, model_class=model)
    lines += ["    m = new(twin)", *_settings(values, names)]
    lines += ["    m.__class__ = model_class", *ending]
    return compile_hook(model, "fast", lines, names)


def maker(model: type, given: Sequence[str]) -> Callable[..., Any]:
    """A function of the ``given`` attributes' values, in that order, that makes a ``model``
    as its ``__init__`` would (its other attributes their defaults): through its twin where
    ``_fill`` allows, else by ``__init__``. For a model made once a body outside a table (an
    event's envelope), without the frozen ``__init__`` 's setter call per attribute."""
    fill = _fill(model, given)
    names: dict[str, Any] = {"model": model}
    arguments = ", ".join(f"v{i}" for i in range(len(given)))
    lines = [f"def make({arguments}):"]
    if fill is None:
        keywords = ", ".join(f"{attr}=v{i}" for i, attr in enumerate(given))
        lines.append(f"    return model({keywords})")
    else:
        names.update(twin=fill[0], new=object.__new__)
        lines += ["    m = new(twin)", *_settings(fill[1], names), "    m.__class__ = model"]
        lines.append("    return m")
    source = "\n".join(lines) + "\n"
    exec(compile(source, f"<vodsnap maker {model.__qualname__}>", "exec"), names)
    made: Callable[..., Any] = names["make"]
    return made


class _RefusedError(ValueError):
    """A model refused by its table's rule across fields (the explaining function says why)."""


def _settings(values: list[tuple[str, int | tuple[object]]], names: dict[str, Any]) -> list[str]:
    """The lines that set each attribute of ``m`` (``_fill`` 's ``values``)."""
    lines = []
    for n, (attr, value) in enumerate(values):
        if isinstance(value, int):
            lines.append(f"    m.{attr} = v{value}")
        else:
            names[f"fixed{n}"] = value[0]
            lines.append(f"    m.{attr} = fixed{n}")
    return lines


def _fill(
    model: type, given: Sequence[str]
) -> tuple[type, list[tuple[str, int | tuple[object]]]] | None:
    """How to make ``model`` without its ``__init__``: its twin (``_twin``), whose attributes
    are set as plain slots (a frozen class's ``__setattr__`` refuses, and calling each slot's
    setter costs a C call apiece), and each attribute with what it is set to (``v{i}`` by its
    index in ``given``, or a ``(default,)`` for an attribute not given); the instance then becomes a
    ``model`` by ``__class__`` assignment, nothing else of it changed. Checked now: ``None``
    (call ``__init__``) unless every attribute is a plain slot of an attrs class whose
    ``__init__`` does nothing but set them (no validator, converter, factory, pre- or post-init
    hook, cached hash), and a twin's instance really becomes a ``model``."""
    if not attrs.has(model) or any(
        hasattr(model, hook) for hook in ("__attrs_pre_init__", "__attrs_post_init__")
    ):
        return None
    index = {attr: i for i, attr in enumerate(given)}
    values: list[tuple[str, int | tuple[object]]] = []
    for a in attrs.fields(model):
        if a.validator is not None or a.converter is not None or not a.init:
            return None
        if a.name in index:
            value: int | tuple[object] = index[a.name]
        elif a.default is NOTHING or hasattr(a.default, "takes_self"):  # required, or a Factory
            return None
        else:
            value = (a.default,)
        descriptor = next((c.__dict__[a.name] for c in model.__mro__ if a.name in c.__dict__), None)
        if not isinstance(descriptor, MemberDescriptorType) or not a.name.isidentifier():
            return None
        values.append((a.name, value))
    own = {name for c in model.__mro__ for name in getattr(c, "__slots__", ())}
    if own - {a.name for a in attrs.fields(model)} - {"__weakref__"}:
        return None  # a slot __init__ sets that is no attribute (attrs' cached hash)
    twin = _twin(model)
    return None if twin is None else (twin, values)


@cache  # one twin a model, whichever converters make it
def _twin(model: type) -> type | None:
    """A subclass of ``model`` that adds nothing to it (no slot, so the same layout) but
    attributes set as any object's, if an instance of it can become a ``model`` (else
    ``None``). Never seen outside the generated functions: each instance is a ``model`` before
    it is returned."""
    namespace = {
        "__slots__": (),
        "__setattr__": object.__setattr__,
        "__delattr__": object.__delattr__,
        "__module__": model.__module__,
        "__qualname__": f"{model.__qualname__}.<being made>",
    }
    try:
        twin = type(model.__name__, (model,), namespace)
        object.__setattr__(object.__new__(twin), "__class__", model)
    except TypeError:  # pragma: no cover - a class Python will not subclass, or swap
        return None
    return twin


def _arguments(slots: Sequence[Slot]) -> str:
    return ", ".join(f"{slot.attr}=v{i}" for i, slot in enumerate(slots))


def _read_field(i: int, slot: Slot, names: dict[str, Any]) -> list[str]:
    """The lines that set ``v{i}`` from the key ``slot.wire`` (or raise at the first problem)."""
    if hasattr(slot.default, "takes_self"):  # pragma: no cover - an attrs Factory: none has one
        raise TypeError(f"{slot.attr}: a factory default")
    value, wire = f"v{i}", slot.wire
    names[f"hook{i}"] = slot.hook
    check = checked(i, slot, names, [f"{value} = hook{i}({value}, None)"])
    if slot.default is not NOTHING:
        names[f"default{i}"] = slot.default
        otherwise = [f"{value} = default{i}"]
    else:
        return indent([f"{value} = o[{wire!r}]", *check])
    lines = [f"if {wire!r} in o:", f"    {value} = o[{wire!r}]", *indent(check)]
    return indent([*lines, "else:", *indent(otherwise)])


def checked(i: int, slot: Slot, names: dict[str, Any], convert: list[str]) -> list[str]:
    """The lines that run ``convert`` (the hook's call on ``v{i}``) unless the kind settles the
    value inline: a known value of the usual type looked up, or a value already final. Both
    generated functions (fast and explaining) check a field this way."""
    value = f"v{i}"
    lines = []
    if slot.lookup is not None:  # a known value of the usual type reads as its entry
        names[f"ltype{i}"], names[f"lookup{i}"] = slot.lookup
        test = f"type({value}) is ltype{i} and {value} in lookup{i}"
        lines = [f"if {test}:", f"    {value} = lookup{i}[{value}]"]
    if not slot.final:
        return [*lines, "else:", *indent(convert)] if lines else convert
    # the value is final as it is, or the hook makes it so (or says why not)
    names[f"final{i}"] = slot.final
    names[f"type{i}"] = next(iter(slot.final))
    one = len(slot.final) == 1
    test = f"type({value}) is not type{i}" if one else f"type({value}) not in final{i}"
    return [*lines, f"{'elif' if lines else 'if'} {test}:", *indent(convert)]


def opening(
    names: dict[str, Any], aliases: tuple[tuple[str, ...], Callable[[Any], Any]] | None
) -> list[str]:
    """The first lines of both generated functions (this and ``_explain``'s): the object, by
    ``guard`` when it is no ``dict``; and, when a field has aliases, ``aliased(o)`` for an
    object holding any of them (``aliased`` added to ``names``)."""
    lines = [
        "def structure(o, _=None):",
        "    if type(o) is not dict:",
        "        o = guard(o)",
    ]
    if aliases is not None:
        keys, names["aliased"] = aliases
        lines += [
            f"    if {' or '.join(f'{k!r} in o' for k in keys)}:",
            "        return aliased(o)",
        ]
    return lines


def indent(lines: list[str]) -> list[str]:
    """``lines`` one level deeper."""
    return ["    " + line for line in lines]


def compile_hook(model: type, which: str, lines: list[str], names: dict[str, Any]) -> Hook:
    """The function ``structure`` that ``lines`` define, with ``names`` as its globals; its
    source is kept (``linecache``) so that tracebacks show it."""
    source = "\n".join(lines) + "\n"
    filename = f"<vodsnap {which} structure {model.__qualname__} {id(names):x}>"
    linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)
    exec(compile(source, filename, "exec"), names)
    structure: Hook = names["structure"]
    return structure
