"""JSON Schema (draft 2020-12) of each wire format and pull envelope, for API gateways and OpenAPI.

Made from the registry's formats and the wire tables the converter is built from (each field's
wire name, and its kind's schema), and from each pull envelope's own schema (``ENVELOPES``), so
the two cannot drift apart. Where JSON Schema cannot say
what vodsnap checks (the accepted time forms, nesting depth, body size, ``delete`` and
``deleted`` agreeing), the schema is looser than the decoder, never stricter: a body the schema
refuses never decodes, and every body that decodes passes it.
"""

from __future__ import annotations

from typing import Any, Literal, get_args

from ._limits import DEFAULT_LIMITS, Limits
from ._wire import event_api3, event_live, event_v4, fast_snapshot
from ._wire._table import ArrayOf, Composite, Kind, Table
from ._wire.registry import ENVELOPES, EVENTS, LIVE, MPS, UNKNOWN_EVENT

__all__ = ["SCHEMA_KINDS", "SchemaKind", "json_schema"]

#: The wire formats ``json_schema`` describes: the pushed ones, then each pull envelope by its
#: name (``tests/test_registry.py`` checks these against ``ENVELOPES``).
SchemaKind = Literal[
    "callback", "fast-snapshot", "event", "live", "mps", "pull-event", "pull-events"
]
#: Every ``SchemaKind``, in order.
SCHEMA_KINDS: tuple[str, ...] = get_args(SchemaKind)

_DRAFT = "https://json-schema.org/draft/2020-12/schema"


def json_schema(kind: SchemaKind = "callback", *, limits: Limits | None = None) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a wire format, as a JSON-ready dict.

    ``kind``: ``"fast-snapshot"`` (the fast-snapshot callback), ``"event"`` (a VOD event
    notification in the 4.0 or the API 3.0 shape, of any type; the snapshot event checked in
    full), ``"live"`` (a Cloud Live callback of any ``event_type``; screenshots and moderation
    checked in full), ``"mps"`` (an MPS ``WorkflowTask`` or ``ScheduleTask`` notification) or
    ``"callback"`` (any of them: what :func:`parse` accepts); ``"pull-event"`` (a response of
    the old ``PullEvent``) or ``"pull-events"`` (of the API 3.0 ``PullEvents``, with its
    ``Response`` or as the SDK writes it), whose entries it leaves to the ``event`` schema: a bad
    entry is that event's error, not the response's (see :func:`parse_pull`). ``limits``
    sets the arrays' ``maxItems`` (default: ``Limits()``, see :class:`Limits`). The schema
    describes the lenient mode and never refuses a body that decodes; it cannot check
    everything the decoder does.
    """
    limits = DEFAULT_LIMITS if limits is None else limits
    form = fast_snapshot.FORMAT
    fast = _object(form.table, limits) if form.table is not None else {}
    event = {"anyOf": [_event_4(limits), _event_3(limits)]}
    body: dict[str, Any]
    if kind == "fast-snapshot":
        body = {"title": form.title, **fast}
    elif kind == "event":
        body = {"title": "VOD event notification (4.0 or API 3.0)", **event}
    elif kind == "live":
        body = {"title": "Cloud Live (CSS) callback", **_live(limits)}
    elif kind == "mps":
        body = {"title": "MPS task notification (WorkflowTask, ScheduleTask)", **_mps(limits)}
    elif kind == "callback":
        body = {
            "title": "Tencent VOD snapshot callback",
            "anyOf": [fast, event, _live(limits), _mps(limits)],
        }
    else:
        envelope = next((e for e in ENVELOPES if e.name == kind), None)
        if envelope is None:
            kinds = ", ".join(repr(k) for k in SCHEMA_KINDS)
            raise ValueError(f"kind must be one of {kinds}, not {kind!r}")
        body = {"title": envelope.title, **envelope.schema(limits)}
    return {"$schema": _DRAFT, **body}


def _object(table: Table, limits: Limits) -> dict[str, Any]:
    """An object schema from a table: every field (and alias) by its wire name and kind."""
    properties: dict[str, Any] = {}
    for field in table.fields:
        schema = _schema(field.kind, limits)
        for name in (field.wire, *field.aliases):
            properties[name] = schema
    return {"type": "object", "properties": properties, "required": list(table.required)}


def _schema(kind: Kind | ArrayOf | Table | Composite, limits: Limits) -> dict[str, Any]:
    if isinstance(kind, Table):
        return _object(kind, limits)
    if isinstance(kind, Composite):
        return kind.schema(lambda inner: _schema(inner, limits))
    if isinstance(kind, ArrayOf):
        most = getattr(limits, kind.limit)
        array = {"type": "array", "items": _schema(kind.item, limits), "maxItems": most}
        return {"anyOf": [array, {"type": "null"}]} if kind.nullable else array
    return dict(kind.schema)


def _event_4(limits: Limits) -> dict[str, Any]:
    """Any 4.0 event; each modelled type's ``data`` checked in full."""
    envelope = _object(UNKNOWN_EVENT.v4, limits) if UNKNOWN_EVENT.v4 is not None else {}
    checks = [
        {
            "if": {"properties": {event_v4.EVENT_TYPE_KEY: {"const": form.event_type}}},
            "then": {"properties": _object(form.v4, limits)["properties"]},
        }
        for form in EVENTS
        if form.event_type is not None and form.v4 is not None
    ]
    return {**envelope, "allOf": checks}


def _event_3(limits: Limits) -> dict[str, Any]:
    """Any 3.0 event; each modelled type's payload required and checked in full."""
    checks = [
        {
            "if": {"properties": {event_api3.EVENT_TYPE_KEY: {"const": form.event_type}}},
            "then": {
                "properties": {form.api3.key: _object(form.api3.table, limits)},
                "required": [form.api3.key],
            },
        }
        for form in EVENTS
        if form.api3 is not None
    ]
    return {
        "type": "object",
        "properties": {
            event_api3.EVENT_TYPE_KEY: {"type": "string"},
            event_api3.HANDLE_KEY: {"type": ["string", "null"]},
        },
        "required": [event_api3.EVENT_TYPE_KEY],
        "not": {"required": [event_v4.EVENT_TYPE_KEY]},  # a body with eventType is read as 4.0
        "allOf": checks,
    }


def _live(limits: Limits) -> dict[str, Any]:
    """Any Cloud Live callback; each modelled ``event_type``'s fields checked in full."""
    key = event_live.EVENT_TYPE_KEY
    checks = []
    for form in LIVE:
        if form.type_value is None or form.table is None:
            continue
        table = _object(form.table, limits)
        checks.append(
            {
                "if": {"properties": {key: table["properties"][key]}, "required": [key]},
                "then": {"properties": table["properties"], "required": table["required"]},
            }
        )
    return {
        **_object(event_live.ENVELOPE, limits),
        # a body with eventType or EventType is a VOD event
        "not": {
            "anyOf": [
                {"required": [event_v4.EVENT_TYPE_KEY]},
                {"required": [event_api3.EVENT_TYPE_KEY]},
            ]
        },
        "allOf": checks,
    }


def _mps(limits: Limits) -> dict[str, Any]:
    """An MPS task notification of a type vodsnap models, checked in full."""
    return {"anyOf": [_object(form.table, limits) for form in MPS if form.table is not None]}
