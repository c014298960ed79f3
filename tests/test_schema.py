"""The JSON Schemas: valid draft 2020-12, passed by every body that decodes, and never refusing
a body that decodes (a body the schema refuses must fail to decode)."""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from collections.abc import Iterable, Iterator
from typing import Any, cast

import pytest
from hypothesis import given
from hypothesis import strategies as st

import vodsnap
from strategies import (
    any_body,
    api3_snapshot_bodies,
    api3_unknown_bodies,
    fast_snapshot_bodies,
    json_values,
    quirked,
    snapshot_event_bodies,
    unknown_event_bodies,
)
from vodsnap import testing
from vodsnap._schema import SchemaKind

jsonschema = pytest.importorskip("jsonschema")

KINDS: list[SchemaKind] = ["callback", "fast-snapshot", "event", "live", "mps"]


def parse_live(body: Any) -> vodsnap.LiveEvent:
    """``parse``, refusing what is not a Cloud Live callback (as the "live" schema does)."""
    model = vodsnap.parse(body)
    if not isinstance(
        model, vodsnap.LiveScreenshot | vodsnap.LiveModeration | vodsnap.UnknownLiveEvent
    ):
        raise vodsnap.DecodeError([vodsnap.FieldError("$", "not a Cloud Live callback")], body)
    return model


def parse_mps(body: Any) -> vodsnap.MpsNotification:
    """``parse``, refusing what is not an MPS task notification (as the "mps" schema does)."""
    model = vodsnap.parse(body)
    if not isinstance(model, vodsnap.MpsWorkflowTask | vodsnap.MpsScheduleTask):
        raise vodsnap.DecodeError([vodsnap.FieldError("$", "not an MPS notification")], body)
    return model


PARSERS: dict[str, Any] = {
    "callback": vodsnap.parse,
    "fast-snapshot": vodsnap.parse_fast_snapshot,
    "event": vodsnap.parse_event,
    "live": parse_live,
    "mps": parse_mps,
}
VALIDATORS = {kind: jsonschema.Draft202012Validator(vodsnap.json_schema(kind)) for kind in KINDS}
event_bodies = (
    snapshot_event_bodies()
    | unknown_event_bodies()
    | api3_snapshot_bodies()
    | api3_unknown_bodies()
)


@pytest.mark.parametrize("kind", KINDS)
def test_each_schema_is_valid_draft_2020_12(kind: SchemaKind) -> None:
    schema = vodsnap.json_schema(kind)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(schema)
    assert json.loads(json.dumps(schema)) == schema


def test_the_documentation_examples_pass(example_bytes: dict[str, bytes]) -> None:
    for name, body in example_bytes.items():
        value = json.loads(body)
        assert VALIDATORS["callback"].is_valid(value)
        assert VALIDATORS["fast-snapshot" if name.startswith("fast") else "event"].is_valid(value)


@given(st.data(), fast_snapshot_bodies())
def test_fast_snapshot_bodies_pass(data: st.DataObject, body: dict[str, Any]) -> None:
    variant = data.draw(quirked(body))
    assert VALIDATORS["fast-snapshot"].is_valid(variant)
    assert VALIDATORS["callback"].is_valid(variant)


@given(st.data(), event_bodies)
def test_event_bodies_pass(data: st.DataObject, body: dict[str, Any]) -> None:
    variant = data.draw(quirked(body))
    assert VALIDATORS["event"].is_valid(variant)
    assert VALIDATORS["callback"].is_valid(variant)


@given(testing.bodies())
def test_the_testing_kits_bodies_pass(body: dict[str, Any]) -> None:
    assert VALIDATORS["callback"].is_valid(body)


@given(testing.live_event_bodies())
def test_cloud_live_bodies_pass_the_live_schema(body: dict[str, Any]) -> None:
    assert VALIDATORS["live"].is_valid(body)
    assert VALIDATORS["callback"].is_valid(body)
    assert not VALIDATORS["fast-snapshot"].is_valid(body)
    assert not VALIDATORS["event"].is_valid(body)


@pytest.mark.parametrize("name", ["css-live-screenshot-200-current", "css-live-porn-detect-317"])
def test_the_published_cloud_live_bodies_pass(name: str) -> None:
    from vodsnap._examples import published_bodies

    body = json.loads(published_bodies()[name])
    assert VALIDATORS["live"].is_valid(body)
    assert VALIDATORS["callback"].is_valid(body)


@given(st.data(), testing.mps_bodies())
def test_mps_bodies_pass_the_mps_schema(data: st.DataObject, body: dict[str, Any]) -> None:
    variant = data.draw(quirked(body))
    assert VALIDATORS["mps"].is_valid(variant)
    assert VALIDATORS["callback"].is_valid(variant)
    assert not VALIDATORS["fast-snapshot"].is_valid(variant)
    assert not VALIDATORS["live"].is_valid(variant)


@given(st.data(), testing.mps_bodies(quirks=False))
def test_what_the_mps_schema_refuses_does_not_decode(
    data: st.DataObject, body: dict[str, Any]
) -> None:
    for _ in range(data.draw(st.integers(1, 3))):
        body = mutated(data, body)
    if not VALIDATORS["mps"].is_valid(body):
        with pytest.raises(vodsnap.DecodeError):
            parse_mps(body)


def test_the_live_schema_checks_each_modelled_type_in_full() -> None:
    from vodsnap._examples import published_bodies

    screenshot = json.loads(published_bodies()["css-live-screenshot-200-current"])
    del screenshot["pic_full_url"]
    assert not VALIDATORS["live"].is_valid(screenshot)
    assert VALIDATORS["live"].is_valid(screenshot | {"event_type": 1})  # any other type
    assert not VALIDATORS["live"].is_valid({"event_type": "soon"})


#: Values near the rules' edges, where a schema and the decoder could disagree.
near_valid: st.SearchStrategy[Any] = (
    st.integers(-(2**70), 2**70)
    | st.integers(-(10**6), 10**6).map(str)
    | st.sampled_from(["05", "-0", "+5", " 5", "5.0", "0x5", "", "-", "yes", "no", "YES", "4.0"])
    | st.sampled_from(["2018-08-23 16:25:18", "2018-08-23T08:25:18Z", "2018-08-23", "x"])
    | st.sampled_from([3, 4, 5, "3", "4", "5", 5.0, True, None, [], {}])
)


def mutated(data: st.DataObject, body: dict[str, Any]) -> dict[str, Any]:
    """``body`` with one value anywhere replaced or removed."""
    node: Any = body
    while True:
        keys = sorted(node) if isinstance(node, dict) else list(range(len(node)))
        if not keys:
            return body
        key = data.draw(st.sampled_from(keys))
        child = node[key]
        if isinstance(child, dict | list) and child and data.draw(st.booleans()):
            node = child
            continue
        if isinstance(node, dict) and data.draw(st.booleans()):
            del node[key]
        else:
            node[key] = data.draw(near_valid | json_values(6))
        return body


@given(st.data(), any_body, st.sampled_from(KINDS))
def test_what_the_schema_refuses_does_not_decode(
    data: st.DataObject, body: dict[str, Any], kind: SchemaKind
) -> None:
    for _ in range(data.draw(st.integers(1, 3))):
        body = mutated(data, body)
    if VALIDATORS[kind].is_valid(body):
        return
    with pytest.raises(vodsnap.DecodeError):
        PARSERS[kind](body)


NEAR_VALID = [
    *[-(2**64), -5, 0, 5, 2**64, "-5", "05", "-0", "+5", " 5", "5.0", "0x5", "", "-", "5"],
    *["3", "4", 3, 4, 5.0, 1e30, True, False, None, [], {}, "yes", "no", "YES", "4.0", 4],
    *["2018-08-23 16:25:18", "2018-08-23T08:25:18Z", "2018-08-23", "x"],
]


def leaves(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    if isinstance(value, dict):
        return [p for k, v in value.items() for p in leaves(v, (*path, k))] + [path]
    if isinstance(value, list):
        return [p for i, v in enumerate(value) for p in leaves(v, (*path, i))] + [path]
    return [path]


def near_valid_variants(raw: bytes) -> Iterator[Any]:
    """The body ``raw`` with one field (at every path) set to one value of ``NEAR_VALID``."""
    for path in leaves(json.loads(raw)):
        if not path:
            continue
        for value in NEAR_VALID:
            variant = json.loads(raw)
            node = variant
            for key in path[:-1]:
                node = node[key]
            node[path[-1]] = value
            yield variant


def refused_only_by_both(variants: Iterable[Any], kind: SchemaKind, parse: Any) -> Counter[str]:
    """That the schema refuses only what ``parse`` refuses, in its contrapositive: whatever
    ``parse`` accepts, the schema accepts (the slow JSON Schema check runs only for those).
    Counts what ``parse`` refused and accepted, to show that both happened."""
    seen: Counter[str] = Counter()
    for variant in variants:
        try:
            parse(variant)
        except vodsnap.DecodeError:
            seen["refused"] += 1
            continue
        seen["accepted"] += 1
        assert VALIDATORS[kind].is_valid(variant), variant
    return seen


@pytest.mark.parametrize("kind", KINDS)
def test_near_valid_values_at_every_field(
    example_bytes: dict[str, bytes], kind: SchemaKind
) -> None:
    """Exhaustively: every field of every documentation body, set to every value near the
    edge of a rule. The schema may refuse only what the decoder refuses."""
    variants = (v for raw in example_bytes.values() for v in near_valid_variants(raw))
    seen = refused_only_by_both(variants, kind, PARSERS[kind])
    assert seen["refused"] > 100, seen  # the near-valid values do cross rules' edges


@given(json_values(20), st.sampled_from(KINDS))
def test_any_json_refused_by_the_schema_does_not_decode(value: Any, kind: SchemaKind) -> None:
    if VALIDATORS[kind].is_valid(value):
        return
    with pytest.raises(vodsnap.DecodeError):
        PARSERS[kind](json.dumps(value))


def test_limits_set_max_items() -> None:
    schema = vodsnap.json_schema("fast-snapshot", limits=vodsnap.Limits(max_snapshots=2))
    assert schema["properties"]["result"]["maxItems"] == 2


def test_unknown_kind() -> None:
    with pytest.raises(ValueError, match="kind must be"):
        vodsnap.json_schema(cast(Any, "pull"))


@pytest.mark.subprocess
@pytest.mark.parametrize("kind", KINDS)
def test_the_command_line_prints_it(kind: SchemaKind) -> None:
    out = subprocess.run(
        [sys.executable, "-m", "vodsnap", "schema", kind],
        capture_output=True,
        text=True,
        check=True,
    )
    assert json.loads(out.stdout) == vodsnap.json_schema(kind)


def test_near_valid_values_at_every_field_of_the_published_mps_body() -> None:
    """Every field of the published MPS body set to every value near a rule's edge: the "mps"
    schema refuses only what ``parse`` refuses as an MPS notification."""
    from vodsnap._examples import published_bodies

    body = json.loads(published_bodies()["mps-workflowtask-scf-trigger"])
    del body["WorkflowTaskEvent"]["MetaData"]  # read-only JSON, like the other task entries
    del body["WorkflowTaskEvent"]["MediaProcessResultSet"][:2]
    seen = refused_only_by_both(near_valid_variants(json.dumps(body).encode()), "mps", parse_mps)
    assert min(seen["refused"], seen["accepted"]) > 100, seen
