"""The documentation's example bodies, valid bodies with fields replaced, and bodies signed as
Tencent signs them: no test framework needed (``vodsnap.testing`` and the pytest plugin both
use these)."""

from __future__ import annotations

import json
import time
from collections.abc import Mapping
from importlib.resources import files
from typing import Any, Protocol, overload

from ._signature import LIVE_SCHEME, MPS_SCHEME, VOD_SCHEME, Scheme, sign_of
from ._wire.event_api3 import EVENT_TYPE_KEY
from ._wire.event_live import EVENT_TYPE_KEY as LIVE_TYPE_KEY
from ._wire.registry import MPS_EVENT_TYPES

__all__ = [
    "OMIT",
    "BodyFactory",
    "example_bodies",
    "fast_snapshot_body",
    "published_bodies",
    "sign",
    "snapshot_event_body",
]


class _Omit:
    """Pass ``OMIT`` as an override to leave that wire field out of the body."""

    _instance: _Omit | None = None

    def __new__(cls) -> _Omit:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "OMIT"


#: An override value that removes the field: ``make_fast_snapshot_body(vid=OMIT)``.
OMIT: Any = _Omit()


class BodyFactory(Protocol):
    """What ``fast_snapshot_body``, ``snapshot_event_body`` and the pytest fixtures
    ``make_fast_snapshot_body`` and ``make_snapshot_event_body`` are: called with wire fields
    (``OMIT`` removes one), they return a body as bytes. Annotate those fixtures with it."""

    def __call__(self, **fields: Any) -> bytes: ...


_FAILURE_STATUSES = (4, "4")
#: Tencent's notifications expire this long after they are sent (``T``'s default), in seconds.
_EXPIRES_AFTER = 600


def example_bodies() -> dict[str, bytes]:
    """The documentation's four example bodies, byte for byte, by name:
    ``fast-snapshot-success``, ``fast-snapshot-failure``, ``snapshot-event-success``,
    ``snapshot-event-failure``."""
    folder = files("vodsnap").joinpath("_examples")
    return {
        name.removesuffix(".json"): folder.joinpath(name).read_bytes()
        for name in sorted(entry.name for entry in folder.iterdir() if entry.name.endswith(".json"))
    }


def fast_snapshot_body(**overrides: Any) -> bytes:
    """A valid fast-snapshot callback body with the given wire fields replaced (``OMIT`` removes
    one, a new name adds one). ``status=4`` starts from the documented failure body, anything
    else from the success body."""
    failed = overrides.get("status") in _FAILURE_STATUSES
    base = example_bodies()["fast-snapshot-failure" if failed else "fast-snapshot-success"]
    body: dict[str, Any] = json.loads(base)
    _apply(body, overrides)
    return json.dumps(body, ensure_ascii=False).encode()


def snapshot_event_body(**overrides: Any) -> bytes:
    """A valid ``CreateSnapshotByTimeOffsetComplete`` body with the given wire fields replaced.

    ``version``, ``eventType`` and ``data`` are the envelope's; any other name is a field of
    ``data`` (``vodTaskId``, ``fileId``, ``definition``, ``picInfo``, or a new one).
    """
    body: dict[str, Any] = json.loads(example_bodies()["snapshot-event-success"])
    top = {k: v for k, v in overrides.items() if k in body}
    _apply(body, top)
    if isinstance(body.get("data"), dict):
        _apply(body["data"], {k: v for k, v in overrides.items() if k not in body})
    return json.dumps(body, ensure_ascii=False).encode()


def _apply(body: dict[str, Any], overrides: Mapping[str, Any]) -> None:
    for key, value in overrides.items():
        if value is OMIT:
            body.pop(key, None)
        else:
            body[key] = value


def published_bodies() -> dict[str, bytes]:
    """Tencent's published task-flow, image-sprite, Cloud Live and MPS bodies, byte for byte, by
    name: ``procedure-v4-archived``, ``procedure-v4-current``, ``procedure-api3-taskflow-push``,
    ``image-sprite-v4-success``, ..., ``css-live-screenshot-200-current``,
    ``css-live-porn-detect-317``, ``mps-workflowtask-scf-trigger`` (the pull responses end in
    ``-pullevents``)."""
    folder = files("vodsnap").joinpath("_examples").joinpath("published")
    return {
        entry.name.removesuffix(".json"): entry.read_bytes()
        for entry in sorted(folder.iterdir(), key=lambda e: e.name)
        if entry.name.endswith(".json")
    }


@overload
def sign(body: Mapping[str, Any], key: str, *, expires: int | None = None) -> dict[str, Any]: ...
@overload
def sign(body: bytes, key: str, *, expires: int | None = None) -> bytes: ...
@overload
def sign(body: str, key: str, *, expires: int | None = None) -> str: ...
def sign(
    body: Mapping[str, Any] | bytes | str, key: str, *, expires: int | None = None
) -> dict[str, Any] | bytes | str:
    """A copy of ``body`` signed with ``key`` as Tencent signs that product's notifications,
    replacing any signature already there. The expiry is ``expires`` (Unix seconds; by default
    ten minutes from now, as Tencent sets it):

    - a VOD API 3.0 event (``EventType``, once the event configuration has a ``SignKey``): the
      top-level fields ``T`` (the expiry) and ``Sign`` (``MD5(key + T)`` in hex);
    - an MPS notification (``EventType`` ``WorkflowTask``, ``ScheduleTask``, ``EditMediaTask``,
      ``BatchTask`` or ``ExtractBlindWatermark``), as MPS signs it now: ``Timestamp`` and
      ``Sign`` (``MD5(Timestamp + key)``);
    - a Cloud Live callback (a top-level ``event_type``, with a callback key configured): ``t``
      and ``sign`` (``MD5(key + t)``).

    ``body`` is a mapping (a new ``dict`` comes back) or the JSON text as ``bytes`` or ``str``
    (the same type comes back, as UTF-8 JSON). VOD's 4.0 events and fast-snapshot callbacks
    are never signed.

    :raises ValueError: when ``body`` is not a JSON object with ``EventType`` or
        ``event_type``, ``key`` is empty or cannot be encoded, or ``expires`` is not a 64-bit
        integer.
    """
    value: Any = body if isinstance(body, Mapping) else json.loads(body)
    scheme = _scheme_for(value)
    if expires is None:
        expires = int(time.time()) + _EXPIRES_AFTER
    signed = {
        **value,
        scheme.sign: sign_of(key, expires, scheme.orders[0]),
        scheme.expires: expires,
    }
    if isinstance(body, Mapping):
        return signed
    text = json.dumps(signed, ensure_ascii=False)
    return text if isinstance(body, str) else text.encode("utf-8")


def _scheme_for(value: object) -> Scheme:
    """How Tencent signs ``value``: by its product (told by its type key)."""
    if isinstance(value, Mapping) and EVENT_TYPE_KEY in value:
        mps = isinstance(value[EVENT_TYPE_KEY], str) and value[EVENT_TYPE_KEY] in MPS_EVENT_TYPES
        return MPS_SCHEME if mps else VOD_SCHEME
    if isinstance(value, Mapping) and LIVE_TYPE_KEY in value:
        return LIVE_SCHEME
    raise ValueError(
        "Tencent signs only API 3.0 events, MPS notifications and Cloud Live callbacks: a JSON"
        f" object with {EVENT_TYPE_KEY!r} or {LIVE_TYPE_KEY!r}"
    )
