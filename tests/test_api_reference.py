"""The API reference (mkdocstrings, through griffe) shows what users can call and import.

griffe comes with the ``dev`` and ``docs`` extras; without it these tests skip, saying so.
"""

from __future__ import annotations

import importlib
import re
import sys
from typing import Any

import pytest

import vodsnap
from support import ROOT
from vodsnap import testing

griffe = pytest.importorskip("griffe", reason="griffe comes with the dev extra ('.[dev]')")


@pytest.fixture(scope="module")
def package() -> Any:
    sys.path.insert(0, str(ROOT / "docs"))  # mkdocs.yml loads the extensions from there
    try:
        fields = importlib.import_module("griffe_field_docs").FieldDocs
        roles = importlib.import_module("griffe_roles").SphinxRoles
        bases = importlib.import_module("griffe_public_bases").PublicBases
    finally:
        sys.path.remove(str(ROOT / "docs"))
    extensions = griffe.load_extensions(fields, roles, bases)  # in mkdocs.yml's order
    return griffe.load("vodsnap", search_paths=[ROOT / "src"], extensions=extensions)


def test_no_documented_class_shows_a_private_base(package: Any) -> None:
    for name in vodsnap.__all__:
        obj = package[name]
        if obj.is_class:
            assert not [b for b in obj.bases if str(b).startswith("_")], name


def test_fields_of_a_private_base_are_documented_on_the_class(package: Any) -> None:
    event = package["SnapshotByTimeOffsetComplete"]
    assert list(event.members)[:4] == ["version", "event_type", "wire_format", "event_handle"]
    assert "err_code_ext" in package["SnapshotByTimeOffsetTask"].members


def test_strategies_are_documented_as_users_call_them(package: Any) -> None:
    for name in testing.__all__:
        obj = package[f"testing.{name}"]
        if obj.is_function:
            assert "draw" not in obj.parameters, name


def test_no_default_is_written_with_a_stray_space(package: Any) -> None:
    for name in ("parse", "json_schema"):
        assert not re.search(r"`\S+` \(\)", package[name].docstring.value), name


def test_field_docs_are_shown_under_each_field(package: Any) -> None:
    callback = package["FastSnapshotCallback"]
    assert callback.members["vid"].docstring.value == "The video's id."
    assert ":ivar" not in callback.docstring.value
    assert package["SnapshotByTimeOffsetComplete"].members["event_handle"].docstring is not None
    assert package["EventFormat"].members["V4"].docstring.value.startswith("VOD event notification")
