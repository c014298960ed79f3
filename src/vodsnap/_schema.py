"""JSON Schema (draft 2020-12) of each wire format, for API gateways and OpenAPI.

Made from the models' fields and the converter's wire names, so the two cannot drift apart.
Where JSON Schema cannot say what vodsnap checks (the accepted time forms, nesting depth, body
size, ``delete`` and ``deleted`` agreeing), the schema is looser than the decoder, never
stricter: a body the schema refuses never decodes, and every body that decodes passes it.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any, Literal

from attrs import NOTHING, fields

from ._codes import FastSnapshotStatus
from ._converter import (
    API3_EVENT_TYPE_KEY,
    API3_HANDLE_KEY,
    API3_NAMES,
    API3_SNAPSHOT_PAYLOAD,
    DELETE_ALIAS,
    EVENT_TYPE_KEY,
    SNAPSHOT_EVENT_TYPE,
    WIRE_NAMES,
)
from ._limits import DEFAULT_LIMITS, Limits
from ._models import (
    FastSnapshotCallback,
    PicInfo,
    SnapshotByTimeOffsetComplete,
    SnapshotByTimeOffsetData,
    UnknownEvent,
)

__all__ = ["SchemaKind", "json_schema"]

#: The wire formats ``json_schema`` describes.
SchemaKind = Literal["callback", "fast-snapshot", "event"]

_DRAFT = "https://json-schema.org/draft/2020-12/schema"
_INTEGER = {
    "anyOf": [{"type": "integer"}, {"type": "string", "pattern": "^-?[0-9]+$"}],
    "description": "An integer, or its decimal digits as a string.",
}
_STRING = {"type": "string"}
_OPTIONAL_STRING = {"type": ["string", "null"]}
_TEXT_OR_INTEGER = {"type": ["string", "integer"]}
_TIME = {
    "type": "string",
    "description": "Beijing time without an offset ('2018-08-23 16:25:18'), or ISO 8601.",
}
_VERSION = {"type": ["string", "number"], "description": "'4.0' (or the number 4)."}
_YES_NO = {"enum": ["yes", "no"]}
_STATUS = {
    "anyOf": [
        {"enum": [s.value for s in FastSnapshotStatus]},
        {
            "type": "string",
            "pattern": "^0*[" + "".join(str(s.value) for s in FastSnapshotStatus) + "]$",
        },
    ],
    "description": "5 success, 4 failure, 3 processing (or the same as a string).",
}
_BY_TYPE: dict[Any, dict[str, Any]] = {
    str: _STRING,
    int: _INTEGER,
    datetime: _TIME,
    FastSnapshotStatus: _STATUS,
    str | None: _OPTIONAL_STRING,
}
#: Fields whose wire forms are not their type's (see the converter's per-field hooks).
_SPECIAL: dict[tuple[type, str], dict[str, Any]] = {
    (FastSnapshotCallback, "error_code"): {"type": ["string", "integer", "null"]},
    (FastSnapshotCallback, "deleted"): _YES_NO,
    (SnapshotByTimeOffsetData, "file_id"): _TEXT_OR_INTEGER,
}
_NOT_ON_THE_WIRE = frozenset({"wire_format", "event_handle"})


def json_schema(kind: SchemaKind = "callback", *, limits: Limits | None = None) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a wire format, as a JSON-ready dict.

    ``kind``: ``"fast-snapshot"`` (the fast-snapshot callback), ``"event"`` (a VOD event
    notification in the 4.0 or the API 3.0 shape, of any type; the snapshot event checked in
    full) or ``"callback"`` (either: what :func:`parse` accepts). ``limits`` sets the
    arrays' ``maxItems`` (default: :class:`Limits` ()). The schema describes the lenient mode and
    never refuses a body that decodes; it cannot check everything the decoder does.
    """
    limits = DEFAULT_LIMITS if limits is None else limits
    fast = _fast_snapshot(limits)
    event = {"anyOf": [_event_4(limits), _event_3(limits)]}
    body: dict[str, Any]
    if kind == "fast-snapshot":
        body = {"title": "Fast-snapshot result callback", **fast}
    elif kind == "event":
        body = {"title": "VOD event notification (4.0 or API 3.0)", **event}
    elif kind == "callback":
        body = {"title": "Tencent VOD snapshot callback", "anyOf": [fast, event]}
    else:
        raise ValueError(f"kind must be 'callback', 'fast-snapshot' or 'event', not {kind!r}")
    return {"$schema": _DRAFT, **body}


def _object(
    cl: type, names: Mapping[str, str] | None = None, **inner: dict[str, Any]
) -> dict[str, Any]:
    """An object schema from an attrs class's fields: their wire names, their wire forms."""
    wire = WIRE_NAMES[cl] if names is None else names
    properties: dict[str, Any] = {}
    required: list[str] = []
    for field in fields(cl):
        if field.name in _NOT_ON_THE_WIRE:
            continue
        name = wire.get(field.name, field.name)
        properties[name] = (
            inner.get(field.name) or _SPECIAL.get((cl, field.name)) or _BY_TYPE[field.type]
        )
        if field.default is NOTHING:
            required.append(name)
    return {"type": "object", "properties": properties, "required": required}


def _array(items: dict[str, Any], most: int) -> dict[str, Any]:
    return {"type": "array", "items": items, "maxItems": most}


def _fast_snapshot(limits: Limits) -> dict[str, Any]:
    schema = _object(FastSnapshotCallback, result=_array(_STRING, limits.max_snapshots))
    schema["properties"][DELETE_ALIAS] = _YES_NO  # the field table's name for ``deleted``
    return schema


def _snapshot_data(limits: Limits, api3: bool) -> dict[str, Any]:
    pictures = _array(_object(PicInfo, API3_NAMES[PicInfo] if api3 else None), limits.max_pictures)
    names = API3_NAMES[SnapshotByTimeOffsetData] if api3 else None
    return _object(SnapshotByTimeOffsetData, names, pic_info=pictures)


def _event_4(limits: Limits) -> dict[str, Any]:
    envelope = _object(UnknownEvent, version=_VERSION, data={"type": "object"})
    snapshot = _object(
        SnapshotByTimeOffsetComplete, version=_VERSION, data=_snapshot_data(limits, api3=False)
    )
    return {
        **envelope,
        "if": {"properties": {EVENT_TYPE_KEY: {"const": SNAPSHOT_EVENT_TYPE}}},
        "then": {"properties": snapshot["properties"]},
    }


def _event_3(limits: Limits) -> dict[str, Any]:
    return {
        "type": "object",
        "properties": {API3_EVENT_TYPE_KEY: _STRING, API3_HANDLE_KEY: _OPTIONAL_STRING},
        "required": [API3_EVENT_TYPE_KEY],
        "not": {"required": [EVENT_TYPE_KEY]},  # a body with eventType is read as 4.0
        "if": {"properties": {API3_EVENT_TYPE_KEY: {"const": SNAPSHOT_EVENT_TYPE}}},
        "then": {
            "properties": {API3_SNAPSHOT_PAYLOAD: _snapshot_data(limits, api3=True)},
            "required": [API3_SNAPSHOT_PAYLOAD],
        },
    }
