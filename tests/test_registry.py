"""The registry is the one place that says which formats exist: everything else agrees with it."""

from __future__ import annotations

import typing
from pathlib import Path
from typing import Any, cast

import attrs
import pytest
from hypothesis import HealthCheck, Phase, find, settings

import vodsnap
from strategies import any_body
from vodsnap import testing
from vodsnap._cli_output import kind, summary
from vodsnap._wire.registry import BY_MODEL, EVENTS, FORMATS, format_of

MODELS = [form.model for form in FORMATS]
#: Found, not shrunk: only that some example exists matters.
SEARCH = settings(
    max_examples=2_000,
    phases=[Phase.generate],
    suppress_health_check=list(HealthCheck),
    database=None,
)


def of(form: Any) -> Any:
    """Whether a body decodes to ``form``'s model."""
    return lambda body: isinstance(vodsnap.parse(body), form.model)


def test_the_written_out_unions_are_the_registry() -> None:
    assert list(typing.get_args(vodsnap.Callback)) == MODELS
    assert list(typing.get_args(vodsnap.Event)) == [form.model for form in EVENTS]


def test_every_format_is_described_once() -> None:
    names = [form.name for form in FORMATS]
    assert len(set(names)) == len(names)
    assert len(BY_MODEL) == len(FORMATS)
    event_types = [form.event_type for form in EVENTS if form.event_type is not None]
    assert len(set(event_types)) == len(event_types)
    assert [form for form in EVENTS if form.event_type is None] != []  # the unknown event


@pytest.mark.parametrize("form", FORMATS, ids=lambda form: form.name)
def test_the_kit_makes_bodies_of_every_format(form: Any) -> None:
    body = find(
        testing.bodies(), lambda b: isinstance(vodsnap.parse(b), form.model), settings=SEARCH
    )
    model = vodsnap.parse(body)
    assert kind(model) == form.name
    assert summary(model).startswith(form.name)
    assert vodsnap.snapshots(model) == tuple(form.snapshots(model))


@pytest.mark.parametrize("form", FORMATS, ids=lambda form: form.name)
def test_the_property_tests_draw_every_format(form: Any) -> None:
    find(any_body, of(form), settings=SEARCH)


@pytest.mark.parametrize("form", EVENTS, ids=lambda form: form.name)
def test_the_kit_makes_events_of_every_event_format(form: Any) -> None:
    find(
        testing.event_bodies(), lambda b: isinstance(vodsnap.parse(b), form.model), settings=SEARCH
    )


def test_from_type_knows_every_format() -> None:
    from hypothesis import strategies as st

    for model in MODELS:
        example = find(st.from_type(model), lambda _: True, settings=SEARCH)
        assert isinstance(example, model)


@pytest.mark.parametrize("form", FORMATS, ids=lambda form: form.name)
def test_the_docs_tables_list_every_format(form: Any) -> None:
    root = Path(__file__).resolve().parents[1] / "docs"
    index = (root / "index.md").read_text(encoding="utf-8")
    rows = [line for line in index.splitlines() if line.startswith("|")]
    assert any(line.endswith(f"| `{form.model.__name__}` |") for line in rows)
    assert f"::: vodsnap.{form.model.__name__}" in (root / "api.md").read_text(encoding="utf-8")


def _as_subclass(model: Any) -> Any:
    """``model`` as an instance of a subclass of its class (a user's own, say)."""
    sub = type(f"My{type(model).__name__}", (type(model),), {"__slots__": ()})
    fields = {a.alias: getattr(model, a.name) for a in attrs.fields(type(model)) if a.init}
    return sub(**fields)


@pytest.mark.parametrize("form", FORMATS, ids=lambda form: form.name)
def test_a_subclass_of_a_model_reads_as_the_model(form: Any) -> None:
    from hypothesis import strategies as st

    # A model of the format, from its own bodies (not searched for among every format's).
    model = find(st.from_type(form.model), lambda _: True, settings=SEARCH)
    mine = _as_subclass(model)
    assert type(mine) is not type(model)
    assert format_of(mine) is format_of(model) is form
    assert (kind(mine), summary(mine)) == (kind(model), summary(model))
    assert vodsnap.snapshots(mine) == vodsnap.snapshots(model)


@pytest.mark.parametrize("thing", [None, {"EventType": "X"}, object(), vodsnap.Snapshot])
def test_what_is_no_model_has_no_format(thing: object) -> None:
    for lookup in (format_of, kind, summary, vodsnap.snapshots):
        with pytest.raises(TypeError, match="not a vodsnap model"):
            lookup(cast(Any, thing))
