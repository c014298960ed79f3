"""``help()`` shows what the documentation site shows: every public field's doc.

A slotted attrs class keeps no per-field docs at run time, so each class documents its fields in
its docstring (``:ivar name:``, ``:cvar NAME:``), where ``help()`` finds them; the API reference
shows the same lines under each field (docs/griffe_field_docs.py).
"""

from __future__ import annotations

import enum
import inspect
import pydoc
import re

import attrs
import pytest

import vodsnap

CLASSES = [
    getattr(vodsnap, name) for name in vodsnap.__all__ if isinstance(getattr(vodsnap, name), type)
]
MODELS = [cls for cls in CLASSES if attrs.has(cls)]
#: Enums whose members are plain values (the code tables' members carry their descriptions).
ENUMS = [
    cls
    for cls in CLASSES
    if issubclass(cls, enum.Enum) and not hasattr(next(iter(cls)), "description_en")
]
#: ``help()``'s plain-text renderer, ``pydoc.plaintext`` (which typeshed does not declare).
PLAINTEXT: pydoc.Doc = vars(pydoc)["plaintext"]


def documented(cls: type) -> set[str]:
    return set(re.findall(r"^ *:[ic]?var (\w+):", cls.__doc__ or "", re.M))


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_every_field_is_documented_where_it_is_defined(model: type) -> None:
    for field in attrs.fields(model):
        owner = next(c for c in model.__mro__ if field.name in inspect.get_annotations(c))
        assert field.name in documented(owner), f"{owner.__name__}.{field.name}"


@pytest.mark.parametrize("cls", ENUMS, ids=lambda m: m.__name__)
def test_every_enum_member_is_documented(cls: type[enum.Enum]) -> None:
    assert documented(cls) == {member.name for member in cls}


def test_help_shows_the_field_docs() -> None:
    text = pydoc.render_doc(vodsnap.Snapshot, renderer=PLAINTEXT)
    assert re.search(r":ivar url: .*None", text)
    text = pydoc.render_doc(vodsnap.ErrorInfo, renderer=PLAINTEXT)
    assert ":ivar description_en: The published English description" in text


def test_no_field_doc_names_a_field_the_class_lacks() -> None:
    for cls in CLASSES:
        names = set(dir(cls)) | set(inspect.get_annotations(cls))
        assert documented(cls) <= names, cls.__name__
