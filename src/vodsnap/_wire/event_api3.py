"""Format B in the API 3.0 (2018-07-17) shape: ``EventType``, a payload key, ``EventHandle``.

``EventType`` chooses the payload key and its table (``PAYLOADS``); an event decodes to the same
model as its 4.0 shape, with ``wire_format`` saying how it came. Published bodies also hold
every other payload key as ``null``; strict mode allows them only so. An event type without a
table becomes an ``UnknownEvent`` whose ``data`` is the whole body but its envelope keys.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, Final

from attrs import frozen

from .._models import (
    EventFormat,
    ImageSpriteComplete,
    PicInfo,
    ProcedureStateChanged,
    SnapshotByTimeOffsetComplete,
    SnapshotByTimeOffsetData,
    UnknownEvent,
    thaw,
)
from .._paths import WireError, at_key, group
from .._signature import EXPIRES_KEY, SIGN_KEY
from ._scalars import ID, INT, JSON_OBJECT, OPTIONAL_TEXT, TEXT
from ._table import ArrayOf, Builder, Field, Hook, Table, Unhook
from .event_v4 import IMAGE_SPRITE_EVENT_TYPE, PROCEDURE_EVENT_TYPE, SNAPSHOT_EVENT_TYPE

__all__ = [
    "EVENT_TYPE_KEY",
    "HANDLE_KEY",
    "PAYLOADS",
    "PAYLOAD_KEYS",
    "Payload",
    "structure_event",
    "writer",
]

EVENT_TYPE_KEY: Final = "EventType"
HANDLE_KEY: Final = "EventHandle"
_ENVELOPE: Final = frozenset({EVENT_TYPE_KEY, HANDLE_KEY, SIGN_KEY, EXPIRES_KEY})

PICTURE: Final = Table(
    PicInfo,
    (
        Field("time_offset", INT, "TimeOffset"),
        Field("status", INT, "ErrCode"),
        Field("url", OPTIONAL_TEXT, "Url", omit_default=True),
    ),
)
SNAPSHOT_DATA: Final = Table(
    SnapshotByTimeOffsetData,
    (
        Field("vod_task_id", TEXT, "TaskId"),
        Field("file_id", ID, "FileId"),
        Field("definition", INT, "Definition"),
        Field("pic_info", ArrayOf(PICTURE, "max_pictures"), "SnapshotInfoSet"),
    ),
)


@frozen
class Payload:
    """Where an event type's data sits in the 3.0 shape, the event's model, and its table."""

    key: str
    model: type
    #: Gives the data's table (the task flow's and the image sprite's modules are imported on
    #: its first call, as ``event_v4.table`` does).
    load: Callable[[], Table]

    @property
    def table(self) -> Table:
        """The data's table."""
        return self.load()


def _procedure_data() -> Table:
    from . import procedure

    return procedure.DATA_3


def _image_sprite_data() -> Table:
    from . import image_sprite

    return image_sprite.DATA_3


#: The payload keys of every event type: published bodies hold all but their own as ``null``
#: (two are spelt without the ``Event`` suffix).
PAYLOAD_KEYS: Final = (
    "FileUploadEvent",
    "ProcedureStateChangeEvent",
    "FileDeleteEvent",
    "PullCompleteEvent",
    "EditMediaComplete",
    "WechatPublishComplete",
    "TranscodeCompleteEvent",
    "ConcatCompleteEvent",
    "ClipCompleteEvent",
    "CreateImageSpriteCompleteEvent",
    "SnapshotByTimeOffsetCompleteEvent",
)

#: The event types modelled, by ``EventType``.
PAYLOADS: Final = {
    SNAPSHOT_EVENT_TYPE: Payload(
        "SnapshotByTimeOffsetCompleteEvent", SnapshotByTimeOffsetComplete, lambda: SNAPSHOT_DATA
    ),
    PROCEDURE_EVENT_TYPE: Payload(
        "ProcedureStateChangeEvent", ProcedureStateChanged, _procedure_data
    ),
    IMAGE_SPRITE_EVENT_TYPE: Payload(
        "CreateImageSpriteCompleteEvent", ImageSpriteComplete, _image_sprite_data
    ),
}


def structure_event(builder: Builder) -> Hook:
    """The hook for a 3.0 event of any type (its envelope is already known to be 3.0)."""
    payloads = {t: (p, builder.structure_later(p.load)) for t, p in PAYLOADS.items()}
    frozen_json = builder.hooks(JSON_OBJECT)[0]
    text, optional_text = builder.hooks(TEXT)[0], builder.hooks(OPTIONAL_TEXT)[0]
    strict = builder.mode.strict

    def structure(obj: Mapping[str, Any], _: object = None) -> Any:
        errors: list[Exception] = []
        event_type = _attempt(errors, EVENT_TYPE_KEY, text, obj, required=True)
        handle = _attempt(errors, HANDLE_KEY, optional_text, obj, required=False)
        rest = {k: v for k, v in obj.items() if k not in _ENVELOPE}
        found = payloads.get(event_type) if isinstance(event_type, str) else None
        if found is None:
            data = frozen_json(rest, None)
            model: type = UnknownEvent
        else:
            payload, hook = found
            if rest.get(payload.key) is None:  # absent, or null as every unused payload key
                errors.append(at_key(payload.key, KeyError(payload.key)))
                data = None
            else:
                data = _attempt(errors, payload.key, hook, rest, required=True)
            if strict:  # every other payload key may be there, as null
                errors.extend(
                    at_key(k, WireError("unexpected field"))
                    for k, v in rest.items()
                    if v is not None and k != payload.key
                )
            model = payload.model
        if errors or event_type is None:
            raise group(errors)
        return model(
            version=EventFormat.V4.value,
            event_type=event_type,
            data=data,
            wire_format=EventFormat.API3,
            event_handle=handle,
        )

    return structure


def _attempt(
    errors: list[Exception], key: str, hook: Hook, obj: Mapping[str, Any], *, required: bool
) -> Any:
    """``hook`` of ``obj[key]``, or ``None`` with the problem added to ``errors``."""
    if key not in obj:
        if required:
            errors.append(at_key(key, KeyError(key)))
        return None
    try:
        return hook(obj[key], None)
    except Exception as exc:
        errors.append(at_key(key, exc))
        return None


def writer(builder: Builder) -> Unhook:
    """Write an event of any type in the 3.0 shape."""
    unstructure = {p.model: (p.key, builder.unstructure(p.load)) for p in PAYLOADS.values()}

    def write(event: Any) -> dict[str, Any]:
        wire: dict[str, Any] = {}
        if event.event_handle is not None:
            wire[HANDLE_KEY] = event.event_handle
        wire[EVENT_TYPE_KEY] = event.event_type
        found = unstructure.get(type(event))
        if found is None:
            payload: dict[str, Any] = thaw(event.data)
            return wire | payload
        key, write_data = found
        wire[key] = write_data(event.data)
        return wire

    return write
