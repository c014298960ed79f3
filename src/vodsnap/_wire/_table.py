"""The vocabulary of the wire tables, and the one place that turns a table into cattrs hooks.

A format module describes each object of its wire format as a ``Table``: the model class and,
per wire field, the attribute, the wire name and the ``Kind`` of its value (how it is read and
written, what JSON Schema says of it, and which equivalent spellings Tencent uses). ``Builder``
makes a table's structure and unstructure functions on one converter, for one ``Mode``;
``_schema`` and the testing kit read the same tables, so none of them can drift from the others.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from attrs import fields, frozen
from cattrs import Converter
from cattrs.errors import ClassValidationError
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn, override

from .._limits import Limits
from .._paths import WireError, at, at_key, describe, group, renamed, with_wire_names

__all__ = [
    "ArrayOf",
    "Builder",
    "Composite",
    "Field",
    "Hook",
    "Kind",
    "Mode",
    "Quirk",
    "Table",
    "Unhook",
    "expect_object",
    "nullable_table",
    "subclass_of",
]

#: A structure hook, as cattrs calls it: ``hook(value, type)``.
Hook = Callable[[Any, Any], Any]
#: An unstructure hook: a model's value to its wire value.
Unhook = Callable[[Any], Any]
#: A wire value to an equivalent wire value that Tencent also sends (itself, where none applies).
Quirk = Callable[[Any], Any]


@frozen
class Mode:
    """What a converter is made for: strict or lenient reading, and the limits.

    ``owned``: every value it is given was just read by vodsnap's own parser (JSON types only,
    nested within ``max_depth``) and is given away, so hooks may keep its objects as they are
    (an unknown event's ``data`` is frozen without a walk). Not so for an already decoded
    mapping, which must be checked and copied.
    """

    strict: bool
    limits: Limits
    owned: bool = False


@frozen(eq=False)  # by identity: tables are module constants
class Kind:
    """One kind of wire value: its hooks, its JSON Schema, its other spellings on the wire.

    ``lenient`` reads it; ``strict`` (if given) reads it in strict mode; ``factory`` (instead of
    both) makes the hook for a mode, for kinds that depend on the limits. ``unstructure`` writes
    it (default: as it is).
    """

    name: str
    schema: Mapping[str, Any]
    lenient: Hook | None = None
    strict: Hook | None = None
    factory: Callable[[Mode], Hook] | None = None
    unstructure: Unhook | None = None
    quirks: tuple[Quirk, ...] = ()
    #: Types whose values the hook returns as they are (``str`` for text): the fast converter
    #: checks ``type(value)`` against them and calls the hook only for anything else.
    final: frozenset[type] = frozenset()
    #: ``(type, mapping)``: a value of exactly that type that is a key of the mapping reads
    #: as its entry in both modes (an enum's member, a flag): the fast converter looks it up
    #: inline and calls the hook only for anything else.
    lookup: tuple[type, Mapping[Any, Any]] | None = None

    def hook(self, mode: Mode) -> Hook:
        """The structure hook for ``mode``."""
        if self.factory is not None:
            return self.factory(mode)
        if mode.strict and self.strict is not None:
            return self.strict
        if self.lenient is None:  # pragma: no cover - a table bug, caught by every test
            raise TypeError(f"kind {self.name!r} has no hook")
        return self.lenient


@frozen(eq=False)  # by identity: tables are module constants
class ArrayOf:
    """A JSON array of ``item`` s, as a tuple; longer than ``Limits.<limit>``: refused unread.

    ``nullable``: ``null`` reads as the empty tuple (API 3.0 sends ``null`` for an empty set).
    """

    item: Kind | Table | Composite
    limit: str
    nullable: bool = False


@frozen(eq=False)  # by identity: tables are module constants
class Composite:
    """A value whose hooks are made from other tables: an object whose table one of its keys
    chooses (a procedure's task, by its type).

    ``make(builder)`` gives its structure and unstructure functions; ``schema(schema_of)`` its
    JSON Schema, given the function that makes the schema of any kind, array or table.
    """

    name: str
    make: Callable[[Builder], tuple[Hook, Unhook]]
    schema: Callable[[Callable[[Any], dict[str, Any]]], dict[str, Any]]


@frozen(eq=False)  # by identity: tables are module constants
class Field:
    """One wire field of a table: the model's attribute, how its value reads, its wire name."""

    attr: str
    kind: Kind | ArrayOf | Table | Composite
    #: The key on the wire (default: the attribute's name).
    name: str | None = None
    #: Other keys the wire may send it under (the docs' ``delete`` for ``deleted``).
    aliases: tuple[str, ...] = ()
    #: ``to_wire`` leaves the key out when the value is the default (a failed picture's url).
    omit_default: bool = False

    @property
    def wire(self) -> str:
        """The key on the wire."""
        return self.attr if self.name is None else self.name


@frozen(eq=False)  # by identity: tables are module constants
class Table:
    """An object of a wire format: the model it becomes, and its fields in wire order.

    Attributes of the model that no field names (how an event arrived) are not on the wire.
    """

    model: type
    fields: tuple[Field, ...]

    @property
    def wire_names(self) -> dict[str, str]:
        """Attribute -> wire name, for every field."""
        return {f.attr: f.wire for f in self.fields}

    @property
    def required(self) -> tuple[str, ...]:
        """The wire names a body must send: fields whose attribute has no default."""
        defaults = {a.name: a.default for a in fields(self.model)}
        return tuple(f.wire for f in self.fields if defaults[f.attr] is _NOTHING)


_NOTHING: Any = fields.__globals__["NOTHING"]


def expect_object(value: object) -> Mapping[Any, Any]:
    """``value`` when it is a JSON object (a mapping), else one ``WireError``."""
    if type(value) is dict or isinstance(value, Mapping):  # the ABC check only for the unusual
        return value
    raise WireError(f"expected an object, got {describe(value)}")


def subclass_of(model: type) -> Callable[[Any], bool]:
    """A cattrs predicate: ``model`` and its subclasses, as registering a hook by class matches.
    An event's hooks are registered by it: cattrs resolves the annotations of a class
    registered by class at once, which for a task flow or an image sprite would import their
    data classes, defined only on first use."""
    return lambda t: isinstance(t, type) and issubclass(t, model)


def _fast_structure(table: Table, hooks: dict[str, Hook], *, strict: bool) -> Hook:
    from ._fast import fast_structure

    return fast_structure(table, hooks, strict=strict)


class Builder:
    """Makes tables' structure and unstructure functions on one converter, each once."""

    def __init__(self, converter: Converter, mode: Mode, *, detailed: bool) -> None:
        self.converter = converter
        self.mode = mode
        self.detailed = detailed
        self._made: dict[Table | Composite, tuple[Hook, Unhook]] = {}

    def structure(self, table: Table) -> Hook:
        """``table``'s structure function: an object in, a model out, every problem placed."""
        return self._functions(table)[0]

    def structure_later(self, table: Table | Callable[[], Table]) -> Hook:
        """``table``'s structure function, made on its first call: an event type a process
        never receives costs nothing at import. ``table`` may be a function that gives it,
        called then too (its module need not be imported before)."""
        made: list[Hook] = []

        def structure(value: object, cl: object = None) -> Any:
            if not made:
                made.append(self.structure(_table(table)))  # made once (the builder keeps it)
            return made[0](value, cl)

        return structure

    def unstructure(self, table: Table | Callable[[], Table]) -> Unhook:
        """``table``'s unstructure function: a model in, its wire dict out. Nothing of the
        table is made before the first call: a process that never writes one pays nothing.
        ``table`` may be a function that gives it, called then too."""
        return _on_first_use(lambda: self._functions(_table(table))[1])

    def hooks(self, kind: Kind | ArrayOf | Table | Composite) -> tuple[Hook, Unhook | None]:
        """The structure and unstructure hooks of a field's kind (a table's: made now, as
        part of the table that holds it)."""
        if isinstance(kind, Table):
            return self._functions(kind)
        if isinstance(kind, Composite):
            made = self._made.get(kind)
            if made is None:
                made = self._made[kind] = kind.make(self)
            return made
        if isinstance(kind, ArrayOf):
            item, unitem = self.hooks(kind.item)
            most = getattr(self.mode.limits, kind.limit)
            final = kind.item.final if isinstance(kind.item, Kind) else frozenset()
            array = array_of(item, (kind.limit, most), final, self.mode.limits.max_errors)
            return (_empty_if_null(array) if kind.nullable else array), _list_of(unitem)
        return kind.hook(self.mode), kind.unstructure

    def _functions(self, table: Table) -> tuple[Hook, Unhook]:
        made = self._made.get(table)
        if made is None:
            made = self._made[table] = self._make(table)
        return made

    def _make(self, table: Table) -> tuple[Hook, Unhook]:
        overrides: dict[str, Any] = {a.name: override(omit=True) for a in fields(table.model)}
        for f in table.fields:
            structure, unstructure = self.hooks(f.kind)
            overrides[f.attr] = override(
                rename=f.name,
                struct_hook=structure,
                unstruct_hook=unstructure,
                omit_if_default=f.omit_default,
            )
        unstructure_fn = _on_first_use(
            lambda: make_dict_unstructure_fn(table.model, self.converter, **overrides)
        )
        aliases = {
            alias: (f.wire, self.hooks(f.kind)[0]) for f in table.fields for alias in f.aliases
        }
        if not self.detailed:  # generated from the table, checks inline where a kind allows
            hooks = {f.attr: self.hooks(f.kind)[0] for f in table.fields}
            fast = _fast_structure(table, hooks, strict=self.mode.strict)
            return (_as_object(fast, aliases) if aliases else fast), unstructure_fn
        structure_fn: Hook = make_dict_structure_fn(table.model, self.converter, **overrides)
        structure_fn = with_wire_names(structure_fn, table.wire_names)  # only failures read it
        return _as_object(structure_fn, aliases), unstructure_fn


def _table(table: Table | Callable[[], Table]) -> Table:
    return table if isinstance(table, Table) else table()


def _on_first_use(make: Callable[[], Unhook]) -> Unhook:
    """An unstructure function generated when first called: ``import vodsnap`` builds the fast
    converter, and most processes never call ``to_wire``."""
    made: list[Unhook] = []

    def unstructure(model: Any) -> Any:
        if not made:
            made.append(make())  # two threads may both make it: the same function either way
        return made[0](model)

    return unstructure


def nullable_table(table: Table) -> Composite:
    """``table``'s object, or ``null`` (API 3.0 sends an output as ``null`` until success)."""

    def make(builder: Builder) -> tuple[Hook, Unhook]:
        structure, unstructure = builder.structure(table), builder.unstructure(table)

        def structure_or_null(value: object, cl: object = None) -> Any:
            return None if value is None else structure(value, cl)

        def unstructure_or_null(model: Any) -> Any:
            return None if model is None else unstructure(model)

        return structure_or_null, unstructure_or_null

    def schema(schema_of: Callable[[Any], dict[str, Any]]) -> dict[str, Any]:
        return {"anyOf": [schema_of(table), {"type": "null"}]}

    return Composite(f"{table.model.__name__} or null", make, schema)


def array_of(
    hook: Hook, limit: tuple[str, int], final: frozenset[type] = frozenset(), most_errors: int = 0
) -> Hook:
    """A JSON array (a list or tuple, never a string or mapping) as a tuple, every item checked.

    ``limit`` is ``(name, most)``: a longer array is refused before any item is looked at.
    Items whose type is in ``final`` are taken as they are (the item kind's ``final``). Once
    ``most_errors`` items failed (if not 0), the rest are not explained.
    """

    def structure(value: object, _: object = None) -> tuple[Any, ...]:
        if type(value) is not list and not isinstance(value, list | tuple):
            raise WireError(f"expected an array, got {describe(value)}")
        if len(value) > limit[1]:
            raise WireError(f"{len(value)} items, more than {limit[0]}={limit[1]}")
        if final and final.issuperset(map(type, value)):
            return tuple(value)
        try:  # every item at once; only a failure pays for finding each problem
            return tuple([hook(item, None) for item in value])
        except Exception:
            pass
        items: list[Any] = []
        errors: list[Exception] = []
        for index, item in enumerate(value):
            if most_errors and len(errors) >= most_errors:
                skipped = f"items [{index}] to [{len(value) - 1}] not explained"
                errors.append(at(WireError(f"{skipped} (max_errors={most_errors})"), f"[{index}]"))
                break
            try:
                items.append(hook(item, None))
            except Exception as exc:
                errors.append(at(exc, f"[{index}]"))
        if errors:
            raise group(errors)
        return tuple(items)

    return structure


def _empty_if_null(hook: Hook) -> Hook:
    def structure(value: object, _: object = None) -> Any:
        return () if value is None else hook(value, None)

    return structure


def _list_of(unstructure: Unhook | None) -> Unhook:
    if unstructure is None:
        return list
    return lambda items: [unstructure(item) for item in items]


def _as_object(structure: Hook, aliases: Mapping[str, tuple[str, Hook]]) -> Hook:
    """A generated function, guarded: anything but an object is one error, not one per field;
    and a field sent under one of its ``aliases`` (alias -> wire name, hook) is read as the
    field."""

    def guarded(value: object, cl: object = None) -> Any:
        if type(value) is not dict:  # the check inline: a call less per object
            expect_object(value)
        return structure(value, cl)

    if not aliases:
        return guarded

    def aliased(value: object, cl: object = None) -> Any:
        obj = value if type(value) is dict else expect_object(value)
        for alias in aliases:
            if alias in obj:  # rare: the usual names first, without building anything
                sent = {a: aliases[a] for a in aliases if a in obj}
                return _read_aliases(structure, obj, cl, sent)
        return structure(obj, cl)

    return aliased


def _read_aliases(
    structure: Hook, obj: Mapping[Any, Any], cl: object, sent: dict[str, tuple[str, Hook]]
) -> Any:
    """Read ``obj`` whose fields ``sent`` (alias -> wire name and hook) came under an alias.

    Sent under one name only: read as the field, errors naming the key that was sent. Under
    both: they must agree (guessing which one is right is not an option), and a bad value
    under the alias is reported as well as the disagreement.
    """
    one_name = {k: v for k, v in obj.items() if k not in sent}
    conflicts: list[Exception] = []
    renames: list[tuple[str, str]] = []
    for alias, (wire, hook) in sent.items():
        if wire not in obj:
            one_name[wire] = obj[alias]
            renames.append((wire, alias))
        elif obj[alias] != obj[wire]:
            try:
                hook(obj[alias], None)
            except Exception as exc:
                conflicts.append(at_key(alias, exc))
            conflicts.append(at_key(alias, WireError(f"conflicts with '{wire}'")))
    try:
        result = structure(one_name, cl)
    except ClassValidationError as exc:
        for wire, alias in renames:
            renamed(exc, wire, alias)
        raise exc.derive([*exc.exceptions, *conflicts]) from None
    if conflicts:
        raise group(conflicts)
    return result
