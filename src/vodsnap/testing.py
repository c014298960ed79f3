"""Hypothesis strategies for Tencent VOD snapshot callbacks, to property-test your handlers.

Install with ``pip install 'vodsnap[testing]'``. Every body these strategies make decodes with
``vodsnap.parse``; with ``quirks=True`` they also bring every documented quirk of the wire
(``delete`` for ``deleted``, numbers as strings, ``null`` codes, JSON-escaped slashes,
``"version": 4``, the API 3.0 shape). Failing examples shrink to small, readable bodies.

>>> from hypothesis import given
>>> from vodsnap import testing
>>> @given(testing.bodies().map(testing.encode))
... def test_handler_accepts_every_callback(body: bytes) -> None:
...     handle(body)

Once Hypothesis is imported, ``st.from_type`` works for every public model, with no setup
(vodsnap registers its strategies through Hypothesis's plugin entry point).
"""

from __future__ import annotations

import json
import string
from datetime import datetime, timedelta
from typing import Any, Literal

from hypothesis import strategies as st

import vodsnap

from ._examples import OMIT, example_bodies, fast_snapshot_body, snapshot_event_body

__all__ = [
    "OMIT",
    "Outcome",
    "bodies",
    "encode",
    "example_bodies",
    "fast_snapshot_bodies",
    "fast_snapshot_body",
    "fast_snapshot_callbacks",
    "pic_infos",
    "snapshot_event_bodies",
    "snapshot_event_body",
    "snapshot_events",
    "unknown_event_bodies",
    "unknown_events",
]

#: Which results a strategy makes: only successes, only failures, or both.
Outcome = Literal["success", "failure", "any"]

SNAPSHOT_EVENT = "CreateSnapshotByTimeOffsetComplete"
OTHER_EVENT_TYPES = (
    "NewFileUpload",
    "TranscodeComplete",
    "ConcatComplete",
    "ClipComplete",
    "FileDeleted",
    "PullComplete",
)
_REGIONS = ("sh", "gz", "bj", "cd", "cq", "hk", "sg")
_HEX = "0123456789abcdef"

# -- realistic values --------------------------------------------------------------------------

_hex32 = st.text(_HEX, min_size=32, max_size=32)
#: Like "064ffb39073403d22fb16df22a0d0b7e1534820888": 32 hex digits and a Unix time.
_vids = st.builds(str.__add__, _hex32, st.integers(1_400_000_000, 1_900_000_000).map(str))
_app_ids = st.integers(1_250_000_000, 1_259_999_999)
_bucket_names = st.text(string.ascii_lowercase + string.digits, min_size=1, max_size=12)
_names = st.text(string.ascii_lowercase + string.digits + "-_", min_size=1, max_size=16)
_file_ids = st.integers(10**18, 10**20 - 1).map(str)  # some past 64 bits, as documented
_task_ids = _hex32.map("CreateSnapshotByTimeOffset-{}".format)
_definitions = st.sampled_from([10, 20, 30, 40, 50, 100, 1000])
_moments = st.datetimes(min_value=datetime(2015, 1, 1), max_value=datetime(2035, 1, 1)).map(
    lambda t: t.replace(microsecond=0)
)
_failure_codes = st.sampled_from(
    [info.code for info in vodsnap.error_table()] + [-46204]  # known, and the documented unknown
)


def _beijing(moment: datetime) -> str:
    return moment.isoformat(sep=" ")


# -- fast-snapshot callbacks -------------------------------------------------------------------


@st.composite
def fast_snapshot_bodies(
    draw: st.DrawFn, *, outcome: Outcome = "any", quirks: bool = True
) -> dict[str, Any]:
    """Fast-snapshot callback bodies as dicts, as Tencent sends them.

    ``outcome`` picks status 5 (``"success"``), 4 (``"failure"``) or either. Failures carry
    error code 118 ("解码失败") or, less often, another code, and zero sizes and no snapshots.
    """
    failed = _failed(draw, outcome)
    app_id = draw(_app_ids)
    bucket, region = draw(_bucket_names), draw(st.sampled_from(_REGIONS))
    host = f"http://{bucket}-{app_id}.cos{region}.myqcloud.com"
    video = draw(_names) + ".mp4"
    created = draw(_moments)
    finished = created + timedelta(seconds=draw(st.integers(0, 3600)))
    count = 0 if failed else draw(st.integers(1, 8))
    seconds = sorted(draw(st.lists(st.integers(0, 7200), min_size=count, max_size=count)))
    body: dict[str, Any] = {
        "vid": draw(_vids),
        "app_id": app_id,
        "bucket_name": bucket,
        "bucket_region": region,
        "url": f"{host}/{draw(_names)}/{video}",
        "duration": 0 if failed else draw(st.integers(1, 7200)),
        "width": 0 if failed else draw(st.sampled_from([640, 1280, 1920, 3840])),
        "height": 0 if failed else draw(st.sampled_from([360, 720, 1080, 2032])),
        "create_time": _beijing(created),
        "finish_time": _beijing(finished),
        "result": [f"{host}/snapshots/{video}.{s}.png" for s in seconds],
        "status": 4 if failed else 5,
        "error_code": draw(st.just(118) | st.integers(100, 999)) if failed else None,
        "error_msg": "解码失败" if failed else None,
        "deleted": draw(st.sampled_from(["no", "yes"])),
    }
    return _fast_snapshot_quirks(draw, body) if quirks else body


def _fast_snapshot_quirks(draw: st.DrawFn, body: dict[str, Any]) -> dict[str, Any]:
    for name in ("app_id", "duration", "width", "height", "status"):
        if draw(st.booleans()):
            body[name] = str(body[name])  # the field table types some numbers as String
    if body["error_code"] is not None and draw(st.booleans()):
        body["error_code"] = str(body["error_code"])
    if draw(st.booleans()):
        body["delete"] = body.pop("deleted")  # the field table's name for it
    for name in ("create_time", "finish_time"):
        if draw(st.booleans()):
            moment = datetime.fromisoformat(body[name]) - timedelta(hours=8)
            body[name] = moment.isoformat() + "Z"  # ISO 8601 in UTC, as Tencent's APIs send
    return body


# -- snapshot events ---------------------------------------------------------------------------


@st.composite
def _pictures(draw: st.DrawFn, outcome: Outcome, file_id: str) -> list[dict[str, Any]]:
    count = draw(st.integers(1, 8))
    offsets = sorted(draw(st.lists(st.integers(0, 7_200_000), min_size=count, max_size=count)))
    if outcome == "success":
        failed = [False] * count
    else:
        failed = draw(st.lists(st.booleans(), min_size=count, max_size=count))
        if outcome == "failure" and not any(failed):
            failed[draw(st.integers(0, count - 1))] = True
    pictures: list[dict[str, Any]] = []
    for index, (offset, bad) in enumerate(zip(offsets, failed, strict=True)):
        if bad:
            pictures.append({"status": draw(_failure_codes), "timeOffset": offset})
        else:
            url = (
                f"http://125{draw(st.integers(0, 999)):03d}.vod2.myqcloud.com/{file_id}/{index}.png"
            )
            pictures.append({"status": 0, "timeOffset": offset, "url": url})
    return pictures


@st.composite
def snapshot_event_bodies(
    draw: st.DrawFn, *, outcome: Outcome = "any", quirks: bool = True
) -> dict[str, Any]:
    """``CreateSnapshotByTimeOffsetComplete`` bodies as dicts.

    ``outcome``: ``"success"`` has every picture taken, ``"failure"`` at least one picture failed
    (no ``url``, a video-processing error code, known or not). With ``quirks``, some bodies come
    in the API 3.0 shape.
    """
    file_id = draw(_file_ids)
    body: dict[str, Any] = {
        "version": "4.0",
        "eventType": SNAPSHOT_EVENT,
        "data": {
            "vodTaskId": draw(_task_ids),
            "fileId": file_id,
            "definition": draw(_definitions),
            "picInfo": draw(_pictures(outcome, file_id)),
        },
    }
    if not quirks:
        return body
    if draw(st.booleans()):
        return _api3(draw, body)
    if draw(st.booleans()):
        body["version"] = 4  # as one PullEvent example sends it
    data = body["data"]
    if draw(st.booleans()):
        data["fileId"] = int(data["fileId"])
    if draw(st.booleans()):
        data["definition"] = str(data["definition"])
    return body


def _api3(draw: st.DrawFn, body: dict[str, Any]) -> dict[str, Any]:
    data = body["data"]
    out: dict[str, Any] = {"EventType": SNAPSHOT_EVENT}
    if draw(st.booleans()):
        out["EventHandle"] = draw(_hex32)
    out["SnapshotByTimeOffsetCompleteEvent"] = {
        "TaskId": data["vodTaskId"],
        "FileId": data["fileId"],
        "Definition": data["definition"],
        "SnapshotInfoSet": [
            {"ErrCode": p["status"], "TimeOffset": p["timeOffset"]}
            | ({"Url": p["url"]} if "url" in p else {})
            for p in data["picInfo"]
        ],
    }
    for key in ("FileUploadEvent", "ProcedureStateChangeEvent", "FileDeleteEvent"):
        out[key] = None  # published 3.0 bodies hold every other event key as null
    return out


# -- other events ------------------------------------------------------------------------------

# An explicit alphabet: ASCII and the Chinese the documentation uses. (Hypothesis builds a
# table of all Unicode on first use of an unrestricted st.text(), which takes seconds on a
# cold cache: enough to fail the too_slow health check on a user's first run.)
_TEXT = string.ascii_letters + string.digits + " .,:;-_/()" + "解码失败成功截图视频转码处理中"
_json_scalars = (
    st.none() | st.booleans() | st.integers(-(2**31), 2**31) | st.text(_TEXT, max_size=12)
)
_json = st.recursive(
    _json_scalars,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(_names, inner, max_size=3),
    max_leaves=6,
)


@st.composite
def unknown_event_bodies(draw: st.DrawFn, *, quirks: bool = True) -> dict[str, Any]:
    """Bodies of the other VOD 4.0 event types (``NewFileUpload``, ...), which decode to
    ``UnknownEvent``: handlers should route or ignore them, not fail."""
    data = {"status": 0, "message": ""} | draw(st.dictionaries(_names, _json, max_size=3))
    body: dict[str, Any] = {
        "version": "4.0",
        "eventType": draw(st.sampled_from(OTHER_EVENT_TYPES)),
        "data": data,
    }
    if quirks and draw(st.booleans()):
        body["version"] = 4
    return body


def bodies(*, outcome: Outcome = "any", quirks: bool = True) -> st.SearchStrategy[dict[str, Any]]:
    """Any callback body: a fast snapshot, a snapshot event, or (unless ``outcome`` is
    given) another event type."""
    strategy = fast_snapshot_bodies(outcome=outcome, quirks=quirks) | snapshot_event_bodies(
        outcome=outcome, quirks=quirks
    )
    if outcome == "any":
        strategy |= unknown_event_bodies(quirks=quirks)
    return strategy


def encode(body: dict[str, Any], *, escape_slashes: bool = True) -> bytes:
    """A body as the raw bytes of a POST: UTF-8 JSON, with ``/`` escaped as ``\\/`` (as the
    documented success example has it) unless ``escape_slashes`` is false.

    Use it with ``.map``: ``bodies().map(encode)``.
    """
    text = json.dumps(body, ensure_ascii=False)
    if escape_slashes:
        text = text.replace("/", "\\/")
    return text.encode("utf-8")


# -- models ------------------------------------------------------------------------------------


def fast_snapshot_callbacks(
    *, outcome: Outcome = "any"
) -> st.SearchStrategy[vodsnap.FastSnapshotCallback]:
    """Decoded ``FastSnapshotCallback`` models."""
    return fast_snapshot_bodies(outcome=outcome, quirks=False).map(vodsnap.parse_fast_snapshot)


def snapshot_events(
    *, outcome: Outcome = "any"
) -> st.SearchStrategy[vodsnap.SnapshotByTimeOffsetComplete]:
    """Decoded ``SnapshotByTimeOffsetComplete`` models, in either wire shape."""
    return snapshot_event_bodies(outcome=outcome).map(_snapshot_event)


def unknown_events() -> st.SearchStrategy[vodsnap.UnknownEvent]:
    """Decoded ``UnknownEvent`` models."""
    return unknown_event_bodies(quirks=False).map(_unknown_event)


def pic_infos(*, outcome: Outcome = "any") -> st.SearchStrategy[vodsnap.PicInfo]:
    """Single ``PicInfo`` models."""
    return snapshot_events(outcome=outcome).flatmap(lambda e: st.sampled_from(e.data.pic_info))


def _snapshot_event(body: dict[str, Any]) -> vodsnap.SnapshotByTimeOffsetComplete:
    event = vodsnap.parse_event(body)
    assert isinstance(event, vodsnap.SnapshotByTimeOffsetComplete)
    return event


def _unknown_event(body: dict[str, Any]) -> vodsnap.UnknownEvent:
    event = vodsnap.parse_event(body)
    assert isinstance(event, vodsnap.UnknownEvent)
    return event


def _failed(draw: st.DrawFn, outcome: Outcome) -> bool:
    if outcome == "any":
        return draw(st.booleans())
    return outcome == "failure"
