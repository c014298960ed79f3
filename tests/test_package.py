"""What the installed package promises: names, types, metadata."""

from __future__ import annotations

import importlib.metadata
import re
import typing
from importlib.resources import files
from typing import Any, cast

import attrs
import cattrs
import pytest

import vodsnap
from support import ROOT

DOCS_SITE = "https://vodsnap.github.io/vodsnap/"
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
        cast(Any, instance).status = 1  # frozen: no assignment


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
        *typing.get_args(vodsnap.LiveEvent),
        *typing.get_args(vodsnap.MpsNotification),
    }
    assert typing.get_args(vodsnap.LiveEvent) == (
        vodsnap.LiveScreenshot,
        vodsnap.LiveModeration,
        vodsnap.UnknownLiveEvent,
    )


def extras() -> dict[str, set[str]]:
    """Each extra's requirements, by project name (the extra's own references included)."""
    found: dict[str, set[str]] = {}
    for requirement in importlib.metadata.requires("vodsnap") or []:
        if match := re.search(r"""extra == ["']([\w-]+)["']""", requirement):
            name = re.split(r"[\s\[<>=!~;]", requirement, maxsplit=1)[0].lower()
            found.setdefault(match[1], set()).add(name)
    return found


def test_developer_tools_stay_out_of_the_user_extras() -> None:
    tools = {"ruff", "mypy", "types-python-dateutil", "coverage", "pre-commit"}
    dev = extras()["dev"]
    assert tools - {"pre-commit"} <= dev, dev
    for extra, names in extras().items():
        if extra not in {"dev", "docs"}:  # docs formats signatures with ruff
            assert not names & tools, (extra, names & tools)


def test_each_extra_includes_the_ones_it_builds_on() -> None:
    found = extras()
    assert found["testing"] | found["orjson"] | found["recipes"] <= found["test"]
    assert {"pytest", "jsonschema"} <= found["test"]
    assert found["test"] <= found["dev"]


def test_the_pypi_page_links_to_the_project() -> None:
    urls = importlib.metadata.metadata("vodsnap").get_all("Project-URL") or []
    labels = {url.split(",", 1)[0].strip().lower() for url in urls}
    assert {"source", "documentation", "changelog", "issues"} <= labels, urls


def test_the_readme_links_work_without_the_repository() -> None:
    """PyPI shows the README alone: each link is absolute, and each docs link names a page."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    targets = re.findall(r"\]\(([^)]+)\)", readme) + re.findall(
        r"^\[[\w-]+\]: (\S+)$", readme, re.M
    )
    assert targets
    for target in targets:
        assert target.startswith("https://"), target
        if target.startswith(DOCS_SITE):
            page = target.removeprefix(DOCS_SITE).strip("/") or "index"
            assert (ROOT / "docs" / f"{page}.md").is_file(), target


#: A comment silencing the type checker; spelled in two parts so that this file has none.
SILENCER = re.compile("type" + r"\s*:\s*ignore")


def test_no_type_checker_is_silenced_anywhere() -> None:
    """The house rule: no ``type`` ``: ignore`` in the package, its tests, the benchmarks, the
    fuzz harness or the recipes (all are type-checked); a deliberate misuse says so with
    ``cast(Any, ...)`` or a variable annotated ``Any``."""
    found = [
        f"{path.relative_to(ROOT)}:{number}"
        for top in ("src", "tests", "benchmarks", "fuzz", "examples/recipes")
        for path in sorted((ROOT / top).rglob("*.py*"))
        if path.suffix in (".py", ".pyi")
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if SILENCER.search(line)
    ]
    assert found == []
