"""The explaining structure function of a table's object, generated from its fields.

It runs only after the fast function (``_fast``) refused a body, to say everything that is
wrong: it calls every field's hook (checking inline what the kind allows, as the fast one
does), and gathers every problem straight into one list of ``(relative path, message)`` pairs
(``_paths.place``: a hook's refusal at its wire key, a nested object's problems with the key in
front), raised once as a ``TableError``. No exception is annotated and nothing is walked
afterwards. It calls the same hooks as the fast function, so the two accept exactly the same
objects as the same models (a property test compares the two converters on every shape of
body, valid, quirked and mutated).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

from attrs import NOTHING
from cattrs.errors import ForbiddenExtraKeysError

from .._paths import (
    MISSING,
    Found,
    WireError,
    key_path,
    message_of,
    place,
    table_error,
)
from ._fast import Hook, Slot, checked, compile_hook, indent, opening

__all__ = ["explaining_structure"]


def explaining_structure(
    model: type,
    slots: Sequence[Slot],
    *,
    strict: bool,
    guard: Callable[[Any], Any],
    most: int,
    aliases: tuple[tuple[str, ...], Callable[[Any], Any]] | None = None,
) -> Hook:
    """Generated code that makes ``model`` from an object with ``slots``, or raises every
    problem as one ``TableError``: each hook's failure, placed at its key; a required key
    missing; in ``strict`` mode, the keys no slot names (the first ``most`` of them, in order);
    or the model's own refusal (a bug, said so). ``guard(value)`` gives the object for anything
    that is not a ``dict`` (or raises). ``slots`` in the model's order of attributes: the
    problems are listed in it. ``aliases``: keys a field may be sent under instead, and the
    function that reads an object holding any of them (as ``_fast.fast_structure`` has them)."""
    names: dict[str, Any] = {
        "model": model,
        "message": f"While structuring {model.__name__}",
        "guard": guard,
        "place": place,
        "WireError": WireError,
        "problems": table_error,
        "message_of": message_of,
        "MISSING": MISSING,
    }
    lines = opening(names, aliases)
    lines += ["    errors = []", "    found = []"]
    for i, slot in enumerate(slots):
        lines += _read_field(i, slot, names)
    if strict:
        names["known"] = frozenset(slot.wire for slot in slots)
        names["unexpected"] = _unexpected(model, most)
        lines += [
            "    if not o.keys() <= known:",
            "        unexpected(o.keys() - known, errors, found)",
        ]
    arguments = ", ".join(f"{slot.attr}=v{i}" for i, slot in enumerate(slots))
    lines += [
        "    if errors:",
        "        raise problems(message, errors, model, found)",
        "    try:",
        f"        return model({arguments})",
        "    except Exception as e:  # a model refusing what its hooks made: a bug, said so",
        "        raise problems(message, [e], model, [('', message_of(e))]) from None",
    ]
    return compile_hook(model, "explaining", lines, names)


def _unexpected(model: type, most: int) -> Callable[[Iterable[Any], list[Exception], Found], None]:
    """What adds the keys no field names to a table's problems: the first ``most`` in order."""

    def unexpected(keys: Iterable[Any], errors: list[Exception], found: Found) -> None:
        extra = set(keys)
        errors.append(ForbiddenExtraKeysError("", model, extra))
        found.extend((key_path("", k), "unexpected field") for k in sorted(extra, key=str)[:most])

    return unexpected


def _read_field(i: int, slot: Slot, names: dict[str, Any]) -> list[str]:
    """The lines that set ``v{i}`` from the key ``slot.wire``, or add its problem."""
    if hasattr(slot.default, "takes_self"):  # pragma: no cover - an attrs Factory: none has one
        raise TypeError(f"{slot.attr}: a factory default")
    value, wire = f"v{i}", slot.wire
    names[f"hook{i}"] = slot.hook
    names[f"key{i}"] = key_path("", wire)
    convert = [
        "try:",
        f"    {value} = hook{i}({value}, None)",
        "except Exception as e:",
        "    errors.append(e.with_traceback(None))  # no cycle through this frame",
        "    if type(e) is WireError:  # the commonest: one message, at the key",
        f"        found.append((key{i}, str(e)))",
        "    else:",
        f"        place(found, key{i}, e)",
    ]
    check = checked(i, slot, names, convert)
    if slot.default is not NOTHING:
        names[f"default{i}"] = slot.default
        otherwise = [f"{value} = default{i}"]
    else:
        otherwise = [f"errors.append(KeyError({wire!r}))", f"found.append((key{i}, MISSING))"]
    lines = [f"if {wire!r} in o:", f"    {value} = o[{wire!r}]", *indent(check)]
    return indent([*lines, "else:", *indent(otherwise)])
