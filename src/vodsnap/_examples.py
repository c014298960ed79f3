"""The documentation's example bodies and valid bodies with fields replaced: no test framework
needed (``vodsnap.testing`` and the pytest plugin both use these)."""

from __future__ import annotations

import json
from collections.abc import Mapping
from importlib.resources import files
from typing import Any

__all__ = [
    "OMIT",
    "example_bodies",
    "fast_snapshot_body",
    "published_bodies",
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

_FAILURE_STATUSES = (4, "4")


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
    """Tencent's published task-flow, image-sprite and Cloud Live bodies, byte for byte, by
    name: ``procedure-v4-archived``, ``procedure-v4-current``, ``procedure-api3-taskflow-push``,
    ``image-sprite-v4-success``, ..., ``css-live-screenshot-200-current``,
    ``css-live-porn-detect-317`` (the pull responses end in ``-pullevents``)."""
    folder = files("vodsnap").joinpath("_examples").joinpath("published")
    return {
        entry.name.removesuffix(".json"): entry.read_bytes()
        for entry in sorted(folder.iterdir(), key=lambda e: e.name)
        if entry.name.endswith(".json")
    }
