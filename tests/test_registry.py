"""The registry is the one place that says which formats exist: everything else agrees with it."""

from __future__ import annotations

import ast
import json
import typing
from pathlib import Path
from typing import Any, cast

import attrs
import pytest
from hypothesis import HealthCheck, Phase, find, settings

import vodsnap
from strategies import any_body
from vodsnap import testing
from vodsnap._cli import main
from vodsnap._cli_output import kind, pull_summary, summary
from vodsnap._schema import SCHEMA_KINDS
from vodsnap._wire import pull
from vodsnap._wire._format import Envelope
from vodsnap._wire._table import ArrayOf, Table
from vodsnap._wire.registry import (
    BY_MODEL,
    ENVELOPES,
    EVENTS,
    FORMATS,
    envelope_of,
    format_of,
    pulled_envelope,
)

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


# -- the pull envelopes ------------------------------------------------------------------------


def test_the_written_out_pull_union_is_the_registry() -> None:
    assert set(typing.get_args(vodsnap.PullResponse)) == {e.model for e in ENVELOPES}
    names = [e.name for e in ENVELOPES]
    assert len(set(names)) == len(names)
    assert not set(names) & {form.name for form in FORMATS}
    keys = [key for e in ENVELOPES for key in e.keys]
    assert len(set(keys)) == len(keys)  # no key makes a body two envelopes


def envelope_body(envelope: Any) -> Any:
    return find(
        testing.pull_response_bodies(),
        lambda b: type(vodsnap.parse_pull(b)) is envelope.model,
        settings=SEARCH,
    )


@pytest.mark.parametrize("envelope", ENVELOPES, ids=lambda e: e.name)
def test_the_kit_makes_responses_of_every_envelope(envelope: Envelope) -> None:
    body = envelope_body(envelope)
    assert envelope_of(body) is envelope
    model = vodsnap.parse_any(body)
    assert type(model) is envelope.model
    assert pulled_envelope(model) is envelope
    assert pull_summary(cast(Any, model)).startswith(envelope.kind)
    events = [p.event for p in cast(Any, model).events if p.event is not None]
    assert vodsnap.snapshots(model) == tuple(s for e in events for s in vodsnap.snapshots(e))


@pytest.mark.parametrize("envelope", ENVELOPES, ids=lambda e: e.name)
def test_from_type_knows_every_envelope(envelope: Any) -> None:
    from hypothesis import strategies as st

    example = find(st.from_type(envelope.model), lambda _: True, settings=SEARCH)
    assert isinstance(example, envelope.model)


@pytest.mark.parametrize("envelope", ENVELOPES, ids=lambda e: e.name)
def test_the_cli_reads_every_envelope(
    envelope: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    body = envelope_body(envelope)
    path = tmp_path / "pulled.json"
    path.write_text(json.dumps(body), encoding="utf-8")
    assert main(["--records", str(path)]) == 0
    record = json.loads(capsys.readouterr().out)
    model = vodsnap.parse_pull(body)
    assert (record["kind"], record["summary"]) == (envelope.kind, envelope.summary(model))
    assert main(["schema", envelope.name]) == 0
    assert json.loads(capsys.readouterr().out)["title"] == envelope.title


@pytest.mark.parametrize("envelope", ENVELOPES, ids=lambda e: e.name)
def test_the_schema_describes_every_envelope(envelope: Any) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    assert envelope.name in SCHEMA_KINDS
    schema = vodsnap.json_schema(cast(Any, envelope.name))
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["title"] == envelope.title
    validator = jsonschema.Draft202012Validator(schema)
    body = envelope_body(envelope)
    assert validator.is_valid(body)
    entries = envelope.entries(body)
    if isinstance(entries, list):  # a bad entry is the event's error, not the response's
        entries.append({"not": "an event"})
        assert validator.is_valid(body)
        assert vodsnap.parse_pull(body).events[-1].error is not None


def test_the_schema_kinds_are_the_pushed_ones_and_the_envelopes() -> None:
    pushed = ("callback", "fast-snapshot", "event", "live", "mps")
    assert (*pushed, *sorted(e.name for e in ENVELOPES)) == SCHEMA_KINDS


def _table_wire_names() -> set[str]:
    """Every wire name of every format's tables (nested ones included)."""
    found: set[str] = set()
    seen: set[int] = set()

    def walk(table: Table) -> None:
        if id(table) in seen:
            return
        seen.add(id(table))
        for field in table.fields:
            found.update((field.wire, *field.aliases))
            kind = field.kind.item if isinstance(field.kind, ArrayOf) else field.kind
            if isinstance(kind, Table):
                walk(kind)

    for form in FORMATS:
        for table in (form.table, form.v4, form.api3.table if form.api3 else None):
            if table is not None:
                walk(table)
    return found


def test_no_other_module_names_an_envelopes_wire_keys() -> None:
    """An envelope's wire names are written in ``_wire/pull.py`` alone (as exact string
    constants anywhere else in src/), but for those that are also a format's own field names
    (an event's ``message``) and ``code`` (a kind's name, and a key of the kit's own)."""
    names = {*pull.PULL_EVENT_WIRE, *pull.PULL_EVENTS_WIRE} - _table_wire_names() - {"code"}
    assert {"eventList", "msgHandle", "eventContent", "Response", "RequestId", "EventSet"} <= names
    src = Path(vodsnap.__file__).resolve().parent
    found = [
        f"{path.relative_to(src)}:{node.lineno}: {node.value!r}"
        for path in sorted(src.rglob("*.py"))
        if path != src / "_wire" / "pull.py"
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Constant) and node.value in names
    ]
    assert found == []
