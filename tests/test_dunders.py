"""The models' written-once ``repr`` does what attrs would generate; equality and hash stay attrs'.

The reference is attrs itself: a subclass made with ``@frozen`` gets attrs' generated methods
for the same fields, and those are called on the model's own instances (every model object in
every published and example body, each in its shapes, and copies differing in one field).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from typing import Any

import attrs
import pytest
from attrs import frozen

import vodsnap
from support import EXAMPLES, ROOT
from vodsnap import _dunders

PUBLISHED = ROOT / "tests" / "data" / "published"

#: The public attrs classes whose methods are ``_dunders``' (``Limits``, ``Snapshot`` and the
#: errors keep attrs' own).
MODELS = sorted(
    (
        cls
        for name in vodsnap.__all__
        if isinstance(cls := getattr(vodsnap, name), type)
        and attrs.has(cls)
        and getattr(cls.__dict__.get("__repr__"), "__code__", None) is _dunders._repr.__code__
    ),
    key=lambda cls: cls.__name__,
)


def attrs_twin(cls: type) -> Any:
    """A subclass with attrs' generated ``__repr__``, ``__eq__`` and ``__hash__``."""
    return frozen(kw_only=True)(type(cls.__name__, (cls,), {"__slots__": ()}))


def models_in(value: object) -> Iterator[Any]:
    """Every attrs instance in ``value``, ``value`` included."""
    cls = type(value)
    if attrs.has(cls):
        yield value
        for a in attrs.fields(cls):
            yield from models_in(getattr(value, a.name))
    elif isinstance(value, tuple):
        for item in value:
            yield from models_in(item)


def decoded() -> list[Any]:
    found: list[Any] = []
    for path in sorted([*EXAMPLES.glob("*.json"), *PUBLISHED.glob("*.json")]):
        try:
            found.append(vodsnap.parse_any(path.read_bytes()))
        except vodsnap.DecodeError:
            continue
    return [m for top in found for m in models_in(top)]


INSTANCES = decoded()


def test_the_models_have_the_written_once_methods() -> None:
    assert len(MODELS) >= 45
    assert {type(m) for m in INSTANCES} & set(MODELS)  # the bodies reach them


@pytest.mark.parametrize("cls", MODELS, ids=lambda cls: cls.__name__)
def test_repr_eq_and_hash_are_attrs_own(cls: type) -> None:
    twin = attrs_twin(cls)
    mine: list[Any] = [m for m in INSTANCES if type(m) is cls]
    for m in mine:
        assert repr(m) == twin.__repr__(m)
        copies = [
            attrs.evolve(m, **{a.name: getattr(n, a.name)}) for n in mine for a in attrs.fields(cls)
        ]
        for a, b in itertools.product([m, *copies], repeat=2):
            assert (a == b) == twin.__eq__(a, b)
            assert (a != b) == (not twin.__eq__(a, b))
            if a == b:
                assert hash(a) == hash(b)
        assert m.__eq__(object()) is NotImplemented


def test_a_model_met_again_inside_itself_is_shown_as_dots() -> None:
    pic = vodsnap.PicInfo(status=0, time_offset=1, url="u")
    twin = attrs_twin(vodsnap.PicInfo)(status=0, time_offset=1, url="u")
    for made in (pic, twin):  # no body can make this
        object.__setattr__(made, "url", made)
    assert repr(pic) == repr(twin) == "PicInfo(time_offset=1, status=0, url=...)"
