"""The generated structure functions: what they may skip is checked when they are made."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, cast

import attrs
import pytest
from attrs import NOTHING, frozen

from vodsnap._wire._fast import Slot, fast_structure


def _text(value: object, _: object = None) -> object:
    return value


def slots_of(model: type) -> list[Slot]:
    return [Slot(a.name, a.name, _text, a.default, frozenset(), None) for a in attrs.fields(model)]


def guard(value: Any) -> Any:
    raise ValueError("not an object")


@frozen
class Plain:
    a: str
    b: str = "b"


@frozen
class Validated:
    a: int = attrs.field(validator=attrs.validators.instance_of(int))


def _upper(value: str) -> str:
    return value.upper()


@frozen
class Converted:
    a: str = attrs.field(converter=_upper)


@frozen
class PostInit:
    a: str

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "a", self.a + "!")


@frozen(cache_hash=True)
class CachedHash:
    a: str


@frozen
class Factoried:
    a: str
    b: list[str] = attrs.field(factory=list)


def test_a_plain_model_is_built_by_its_slots_and_equals_its_init() -> None:
    # A hook, called here without cattrs' second argument (the type), which it does not need.
    structure: Callable[..., Any] = fast_structure(
        Plain, slots_of(Plain)[:1], strict=False, guard=guard
    )
    made = structure({"a": "x"})
    assert made == Plain("x")
    assert "new(twin)" in _source(structure)
    # Set as its twin's, then made a Plain: nothing of the twin is left, and it stays frozen.
    assert type(made) is Plain
    assert hash(made) == hash(Plain("x"))
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        cast(Any, made).a = "y"


@pytest.mark.parametrize("model", [Validated, Converted, PostInit, CachedHash, Factoried])
def test_a_model_whose_init_does_more_is_built_by_its_init(model: type) -> None:
    slots = [s for s in slots_of(model) if s.default is NOTHING]
    structure: Callable[..., Any] = fast_structure(model, slots, strict=False, guard=guard)
    assert "new(twin)" not in _source(structure)
    if model is Validated:
        with pytest.raises(TypeError):
            structure({"a": "x"})
    else:
        assert structure({"a": "x"}) == model(a="x")


def _source(function: Any) -> str:
    import linecache

    return "".join(linecache.getlines(function.__code__.co_filename))
