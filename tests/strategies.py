"""Hypothesis strategies for wire bodies, shared by the tests (and the seed of vodsnap.testing).

``*_bodies()`` give canonical bodies: exactly what ``to_wire`` writes. ``quirked(body)`` rewrites
one into an equivalent body with some of the wire's documented quirks, which must decode to the
same model. ``json_values()`` gives arbitrary JSON.
"""

from __future__ import annotations

import json
import string
from datetime import datetime, timedelta
from typing import Any

from hypothesis import strategies as st

from vodsnap.testing import OTHER_EVENT_TYPES, SNAPSHOT_EVENT

MODELLED_EVENTS = (SNAPSHOT_EVENT, "ProcedureStateChanged", "CreateImageSpriteComplete")
FAST_SNAPSHOT_INT_FIELDS = ("app_id", "duration", "width", "height", "status")

ids = st.text(string.ascii_letters + string.digits + "-_", min_size=1, max_size=48)
digit_ids = st.integers(min_value=0, max_value=10**20).map(str)
texts = st.text(max_size=24)  # any Unicode, surrogates and all
wire_ints = st.integers(min_value=-(2**63), max_value=2**63)
naturals = st.integers(min_value=0, max_value=2**31)
urls = st.builds(
    "http://{}.cossh.myqcloud.com/{}/{}.png".format,
    ids,
    ids,
    ids,
)
beijing_times = st.datetimes(min_value=datetime(1970, 1, 1), max_value=datetime(2100, 1, 1)).map(
    lambda t: t.replace(microsecond=0).isoformat(sep=" ")
)


@st.composite
def fast_snapshot_bodies(draw: st.DrawFn) -> dict[str, Any]:
    status = draw(st.sampled_from([3, 4, 5]))
    failed = status == 4
    return {
        "vid": draw(ids),
        "app_id": draw(naturals),
        "bucket_name": draw(ids),
        "bucket_region": draw(st.sampled_from(["sh", "gz", "bj", "cd", "hk"])),
        "url": draw(urls),
        "duration": 0 if failed else draw(naturals),
        "width": 0 if failed else draw(naturals),
        "height": 0 if failed else draw(naturals),
        "create_time": draw(beijing_times),
        "finish_time": draw(beijing_times),
        "status": status,
        "result": [] if failed else draw(st.lists(urls, max_size=5)),
        # As to_wire writes it: a number when it is one (as the example's 118), else text.
        "error_code": draw(st.integers(-(10**18), 10**18) | texts.filter(_not_a_number))
        if failed
        else None,
        "error_msg": draw(texts) if failed else None,
        "deleted": draw(st.sampled_from(["yes", "no"])),
    }


pic_infos = st.builds(
    lambda offset, status, url: (
        {"timeOffset": offset, "status": status} | ({} if url is None else {"url": url})
    ),
    naturals,
    st.one_of(st.just(0), wire_ints),
    st.none() | urls,
)


@st.composite
def snapshot_event_bodies(draw: st.DrawFn) -> dict[str, Any]:
    return {
        "version": "4.0",
        "eventType": SNAPSHOT_EVENT,
        "data": {
            "vodTaskId": "CreateSnapshotByTimeOffset-" + draw(ids),
            "fileId": draw(digit_ids | ids),
            "definition": draw(naturals),
            "picInfo": draw(st.lists(pic_infos, max_size=6)),
        },
    }


def json_values(max_leaves: int = 20) -> st.SearchStrategy[Any]:
    scalars = st.none() | st.booleans() | wire_ints | st.floats(allow_nan=False) | texts
    return st.recursive(
        scalars,
        lambda inner: st.lists(inner, max_size=4) | st.dictionaries(texts, inner, max_size=4),
        max_leaves=max_leaves,
    )


@st.composite
def unknown_event_bodies(draw: st.DrawFn) -> dict[str, Any]:
    return {
        "version": "4.0",
        "eventType": draw(
            st.sampled_from(OTHER_EVENT_TYPES) | ids.filter(lambda t: t not in MODELLED_EVENTS)
        ),
        "data": draw(st.dictionaries(texts, json_values(), max_size=5)),
    }


API3_OTHER_EVENT_KEYS = (
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
)


def as_api3(body: dict[str, Any], handle: str | None = None) -> dict[str, Any]:
    """A canonical 4.0 snapshot event in API 3.0's shape, as ``to_wire`` writes it."""
    data = body["data"]
    out: dict[str, Any] = {} if handle is None else {"EventHandle": handle}
    out["EventType"] = SNAPSHOT_EVENT
    out["SnapshotByTimeOffsetCompleteEvent"] = {
        "TaskId": data["vodTaskId"],
        "FileId": data["fileId"],
        "Definition": data["definition"],
        "SnapshotInfoSet": [
            {"TimeOffset": p["timeOffset"], "ErrCode": p["status"]}
            | ({"Url": p["url"]} if "url" in p else {})
            for p in data["picInfo"]
        ],
    }
    return out


@st.composite
def api3_snapshot_bodies(draw: st.DrawFn) -> dict[str, Any]:
    return as_api3(draw(snapshot_event_bodies()), draw(st.none() | ids))


@st.composite
def api3_unknown_bodies(draw: st.DrawFn) -> dict[str, Any]:
    handle = draw(st.none() | ids)
    out: dict[str, Any] = {} if handle is None else {"EventHandle": handle}
    out["EventType"] = draw(st.sampled_from(OTHER_EVENT_TYPES))
    keys = draw(st.lists(st.sampled_from(API3_OTHER_EVENT_KEYS), unique=True, max_size=4))
    for key in keys:
        out[key] = draw(st.none() | st.dictionaries(texts, json_values(6), max_size=3))
    return out


any_body = (
    fast_snapshot_bodies()
    | snapshot_event_bodies()
    | unknown_event_bodies()
    | api3_snapshot_bodies()
    | api3_unknown_bodies()
)


# -- quirks: each rewrites a canonical body into an equivalent one ---------------------------


def _utc_iso(beijing: str) -> str:
    moment = datetime.fromisoformat(beijing) - timedelta(hours=8)
    return moment.isoformat() + "Z"


@st.composite
def quirked(draw: st.DrawFn, body: dict[str, Any]) -> dict[str, Any]:
    """``body`` with a random choice of the documented quirks applied."""
    out = json.loads(json.dumps(body))
    if "vid" in out:
        for name in FAST_SNAPSHOT_INT_FIELDS:
            if draw(st.booleans()):
                out[name] = str(out[name])
        if out["error_code"] is None and draw(st.booleans()):
            del out["error_code"]
        elif isinstance(out["error_code"], int) and draw(st.booleans()):
            out["error_code"] = str(out["error_code"])
        if out["error_msg"] is None and draw(st.booleans()):
            del out["error_msg"]
        if out["deleted"] == "no" and draw(st.booleans()):
            del out["deleted"]  # absent means not deleted
        elif draw(st.booleans()):
            out["delete"] = out.pop("deleted")  # the field table's spelling
        for name in ("create_time", "finish_time"):
            if draw(st.booleans()):
                out[name] = _utc_iso(out[name])
    elif out.get("eventType") == SNAPSHOT_EVENT:
        if draw(st.booleans()):
            out["version"] = 4  # one PullEvent example sends a number
        data = out["data"]
        if _canonical_digits(data["fileId"]) and draw(st.booleans()):
            data["fileId"] = int(data["fileId"])
        if draw(st.booleans()):
            data["definition"] = str(data["definition"])
        for pic in data["picInfo"]:
            if draw(st.booleans()):
                pic["timeOffset"] = str(pic["timeOffset"])
            if draw(st.booleans()):
                pic["status"] = str(pic["status"])
            if "url" not in pic and draw(st.booleans()):
                pic["url"] = None
    elif "SnapshotByTimeOffsetCompleteEvent" in out:
        for key in API3_OTHER_EVENT_KEYS:
            if draw(st.booleans()):
                out[key] = None  # published bodies hold every other event key as null
        payload = out["SnapshotByTimeOffsetCompleteEvent"]
        if _canonical_digits(payload["FileId"]) and draw(st.booleans()):
            payload["FileId"] = int(payload["FileId"])
        return _shuffled(draw, out)
    elif "EventType" in out:
        return _shuffled(draw, out)  # every key of an unknown 3.0 event is its data
    elif draw(st.booleans()):
        out["version"] = 4
    if draw(st.booleans()):
        out[draw(st.sampled_from(["extra", "requestId", "x_custom"]))] = draw(json_values(4))
    return _shuffled(draw, out)


def _shuffled(draw: st.DrawFn, out: dict[str, Any]) -> dict[str, Any]:
    keys = draw(st.permutations(list(out)))
    return {key: out[key] for key in keys}


def _not_a_number(text: str) -> bool:
    digits = text[1:] if text[:1] == "-" else text
    return not _canonical_digits(digits) or text == "-0"


def _canonical_digits(text: str) -> bool:
    return text.isascii() and text.isdigit() and str(int(text)) == text


@st.composite
def encoded(draw: st.DrawFn, body: dict[str, Any]) -> Any:
    """``body`` as one of the forms ``parse`` accepts, escaped slashes and all."""
    form = draw(st.sampled_from(["mapping", "str", "bytes", "bytearray", "memoryview"]))
    if form == "mapping":
        return body
    raw = json.dumps(body, ensure_ascii=False)
    # A lone surrogate has no UTF-8 form: JSON carries it as a \u escape.
    ascii_only = draw(st.booleans()) or raw != raw.encode("utf-8", "replace").decode()
    text = json.dumps(body, ensure_ascii=ascii_only, indent=draw(st.none() | st.just("\t")))
    if draw(st.booleans()):
        text = text.replace("/", "\\/")  # as in the fast-snapshot success example
    if form == "str":
        return text
    return {"bytes": bytes, "bytearray": bytearray, "memoryview": memoryview}[form](text.encode())


# -- every shape that reports snapshots (#14) ----------------------------------------------


def snapshot_family_bodies() -> st.SearchStrategy[dict[str, Any]]:
    """Bodies of every shape that reports snapshots, quirks included: the fast-snapshot callback,
    the snapshot event, task flows and image sprites (4.0 and API 3.0), other events, and pull
    responses of both generations holding them."""
    from vodsnap import testing

    return st.one_of(
        testing.fast_snapshot_bodies(),
        testing.snapshot_event_bodies(),
        testing.procedure_event_bodies(),
        testing.image_sprite_event_bodies(),
        testing.unknown_event_bodies(),
        testing.pull_event_response_bodies(),
        testing.pull_events_response_bodies(),
    )


def is_pull_response(body: dict[str, Any]) -> bool:
    """Whether a body of ``snapshot_family_bodies`` is a pull response."""
    return "eventList" in body or "Response" in body or "EventSet" in body
