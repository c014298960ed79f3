"""What the installed package promises: names, types, metadata."""

from __future__ import annotations

import importlib.metadata
import typing
from importlib.resources import files

import attrs
import cattrs
import pytest

import vodsnap

MODELS = [
    vodsnap.FastSnapshotCallback,
    vodsnap.PicInfo,
    vodsnap.SnapshotByTimeOffsetData,
    vodsnap.SnapshotByTimeOffsetComplete,
    vodsnap.UnknownEvent,
]


def test_version_comes_from_the_installed_metadata() -> None:
    assert vodsnap.__version__ == importlib.metadata.version("vodsnap")


def test_ships_py_typed() -> None:
    assert files("vodsnap").joinpath("py.typed").is_file()


def test_runtime_dependencies_are_exactly_three() -> None:
    requires = importlib.metadata.requires("vodsnap") or []
    runtime = sorted(r.split(">")[0].split(";")[0].strip() for r in requires if "extra ==" not in r)
    assert runtime == ["attrs", "cattrs", "python-dateutil"]


def test_public_names_are_documented() -> None:
    for name in vodsnap.__all__:
        obj = getattr(vodsnap, name)
        if name not in {"__version__", "converter"}:
            assert obj.__doc__, name
    assert isinstance(vodsnap.converter, cattrs.Converter)


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_models_are_frozen_slotted_and_hashable(model: type) -> None:
    assert attrs.has(model)
    assert "__slots__" in model.__dict__
    assert model.__hash__ is not None
    instance = vodsnap.PicInfo(time_offset=1, status=0)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        instance.status = 1  # type: ignore[misc]


def test_decode_error_is_a_value_error() -> None:
    assert issubclass(vodsnap.DecodeError, ValueError)


def test_the_public_type_aliases_are_what_the_functions_take_and_return() -> None:
    assert typing.get_type_hints(vodsnap.parse)["return"] == vodsnap.Callback
    assert typing.get_type_hints(vodsnap.parse)["body"] == vodsnap.Body
    assert typing.get_type_hints(vodsnap.parse_event)["return"] == vodsnap.Event
    assert typing.get_type_hints(vodsnap.parse_pull)["return"] == vodsnap.PullResponse
    assert set(typing.get_args(vodsnap.Callback)) == {
        vodsnap.FastSnapshotCallback,
        *typing.get_args(vodsnap.Event),
    }
