"""Whatever arrives, ``parse`` gives a model or a ``DecodeError``, and nothing else, ever."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

import vodsnap
from strategies import any_body, json_values, snapshot_family_bodies
from support import left_for_the_collector

PARSERS = [vodsnap.parse, vodsnap.parse_event, vodsnap.parse_fast_snapshot]


def outcome(parser: Any, body: object) -> object:
    """The model, or the DecodeError after checking it is well formed. Anything else raises."""
    try:
        return parser(body)
    except vodsnap.DecodeError as exc:
        error = exc
    assert error.body is body
    assert error.errors
    for problem in error.errors:
        assert problem.path.startswith("$")
        # The fallback message means a hook failed in a way nobody planned for: a bug.
        assert not problem.message.startswith("invalid value ("), problem
    return error


@given(st.binary(max_size=200), st.sampled_from(PARSERS))
def test_any_bytes(body: bytes, parser: Any) -> None:
    outcome(parser, body)


@given(st.text(max_size=200), st.sampled_from(PARSERS))
def test_any_text(body: str, parser: Any) -> None:
    outcome(parser, body)


@given(json_values(40), st.sampled_from(PARSERS))
def test_any_json_value(value: Any, parser: Any) -> None:
    outcome(parser, json.dumps(value))
    if isinstance(value, dict):
        outcome(parser, value)


@given(st.data(), any_body)
def test_any_value_at_any_field(data: st.DataObject, body: dict[str, Any]) -> None:
    """Replace one field anywhere in a valid body with any JSON value."""
    replace_one_field(data, body)
    outcome(vodsnap.parse, body)
    outcome(vodsnap.parse, json.dumps(body).encode())


def replace_one_field(data: st.DataObject, body: dict[str, Any]) -> None:
    """One field anywhere in ``body`` (or ``body`` itself) replaced by any JSON value."""
    containers: list[dict[str, Any] | list[Any]] = [body]
    node: Any = body
    while isinstance(node, dict | list) and node and data.draw(st.booleans()):
        key = data.draw(st.sampled_from(list(node) if isinstance(node, dict) else range(len(node))))
        if not isinstance(node[key], dict | list):
            break
        node = node[key]
        containers.append(node)
    target = containers[-1]
    if isinstance(target, dict) and target:
        target[data.draw(st.sampled_from(sorted(target)))] = data.draw(json_values(10))
    elif isinstance(target, list) and target:
        target[data.draw(st.integers(0, len(target) - 1))] = data.draw(json_values(10))


@given(st.data(), any_body | snapshot_family_bodies(), st.booleans())
def test_a_refused_body_is_freed_at_once(
    data: st.DataObject, body: dict[str, Any], strict: bool
) -> None:
    """Whatever vodsnap makes of a body (of every format, pull responses too) leaves nothing
    for the cyclic garbage collector: a refused body of a megabyte is freed when its error is
    dropped, not at the collector's next full pass (a reference cycle through a collected
    exception's traceback kept every refused pull response alive until then)."""
    replace_one_field(data, body)
    text = json.dumps(body).encode()
    for decode in (vodsnap.parse_any, vodsnap.parse, vodsnap.parse_pull):
        assert left_for_the_collector(lambda: decode(text, strict=strict)) == 0  # noqa: B023


@given(st.data(), any_body)
def test_a_missing_required_field_is_named(data: st.DataObject, body: dict[str, Any]) -> None:
    required = [k for k in body if k not in {"error_code", "error_msg", "deleted", "extra"}]
    key = data.draw(st.sampled_from(required))
    del body[key]
    result = outcome(vodsnap.parse, body)
    if key in {"eventType"} or (set(body) & {"vid", "app_id", "eventType"}) == set():
        return  # without its type key, the body may no longer be recognisable
    assert isinstance(result, vodsnap.DecodeError)
    assert ("$." + key, "required field missing") in [(e.path, e.message) for e in result.errors]


@given(st.integers(min_value=1, max_value=3000), st.sampled_from(["[", '{"a":']))
def test_deep_nesting(depth: int, opener: str) -> None:
    outcome(vodsnap.parse, opener * depth)
    outcome(
        vodsnap.parse,
        {
            "version": "4.0",
            "eventType": "X",
            "data": json.loads('{"a":' * min(depth, 500) + "1" + "}" * min(depth, 500)),
        },
    )
