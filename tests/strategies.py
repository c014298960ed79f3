"""Hypothesis strategies for wire bodies, shared by the tests: what the kit must not ship.

The kit (``vodsnap.testing``) makes realistic bodies of every registered format; these add the
values no real body holds (any Unicode, 64-bit and larger integers, empty ids), which a user's
handler test has no use for but vodsnap's own rules must survive. ``any_body`` draws both: every
registered format, canonical (exactly what ``to_wire`` writes). ``quirked(body)`` rewrites one
into an equivalent body with some of the wire's documented quirks, which must decode to the same
model. ``json_values()`` gives arbitrary JSON.
"""

from __future__ import annotations

import functools
import json
import string
from datetime import datetime
from typing import Any

from hypothesis import strategies as st

import vodsnap
from vodsnap import testing
from vodsnap._strategies import OTHER_EVENT_TYPES, SNAPSHOT_EVENT
from vodsnap._wire.registry import EVENTS, PAYLOAD_KEYS
from vodsnap._wire.shapes import as_api3 as as_api3  # the tests import it from here too

MODELLED_EVENTS = tuple(f.event_type for f in EVENTS if f.event_type is not None)

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


#: A picture: taken (status 0, with its URL), or failed (any other status, with a URL or not).
pic_infos = st.builds(
    lambda offset, status, url: (
        {"timeOffset": offset, "status": status} | ({} if url is None else {"url": url})
    ),
    naturals,
    st.one_of(st.just(0), wire_ints),
    st.none() | urls,
).filter(lambda picture: picture["status"] != 0 or "url" in picture)


@st.composite
def snapshot_event_bodies(draw: st.DrawFn, *, task_status: bool = True) -> dict[str, Any]:
    """4.0 snapshot events; with ``task_status``, some carry the task-level status/message
    (the API 3.0 shape has no such keys: pass ``False`` for bodies to reshape)."""
    data = {
        "vodTaskId": "CreateSnapshotByTimeOffset-" + draw(ids),
        "fileId": draw(digit_ids | ids),
        "definition": draw(naturals),
        "picInfo": draw(st.lists(pic_infos, max_size=6)),
    }
    if task_status and draw(st.booleans()):
        data["status"] = draw(st.just(0) | wire_ints)
    if task_status and draw(st.booleans()):
        data["message"] = draw(texts)
    return {"version": "4.0", "eventType": SNAPSHOT_EVENT, "data": data}


@functools.cache  # one strategy a size: built and validated once, not at every draw
def json_values(max_leaves: int = 20) -> st.SearchStrategy[Any]:
    scalars = st.none() | st.booleans() | wire_ints | st.floats(allow_nan=False) | texts
    return st.recursive(
        scalars,
        lambda inner: st.lists(inner, max_size=4) | st.dictionaries(texts, inner, max_size=4),
        max_leaves=max_leaves,
    )


_unknown_data = st.dictionaries(texts, json_values(), max_size=5)


@st.composite
def unknown_event_bodies(draw: st.DrawFn) -> dict[str, Any]:
    return {
        "version": "4.0",
        "eventType": draw(
            st.sampled_from(OTHER_EVENT_TYPES) | ids.filter(lambda t: t not in MODELLED_EVENTS)
        ),
        "data": draw(_unknown_data),
    }


#: Every API 3.0 payload key but the snapshot event's own.
API3_OTHER_EVENT_KEYS = tuple(
    key for key in PAYLOAD_KEYS if key != "SnapshotByTimeOffsetCompleteEvent"
)


@st.composite
def api3_snapshot_bodies(draw: st.DrawFn) -> dict[str, Any]:
    return as_api3(draw(snapshot_event_bodies(task_status=False)), draw(st.none() | ids))


_api3_payloads = st.none() | st.dictionaries(texts, json_values(6), max_size=3)


@st.composite
def api3_unknown_bodies(draw: st.DrawFn) -> dict[str, Any]:
    handle = draw(st.none() | ids)
    out: dict[str, Any] = {} if handle is None else {"EventHandle": handle}
    out["EventType"] = draw(st.sampled_from(OTHER_EVENT_TYPES))
    keys = draw(st.lists(st.sampled_from(API3_OTHER_EVENT_KEYS), unique=True, max_size=4))
    for key in keys:
        out[key] = draw(_api3_payloads)
    return out


def _canonical(body: dict[str, Any]) -> dict[str, Any]:
    return vodsnap.to_wire(vodsnap.parse(body))


#: A canonical body of every registered format: the kit's realistic ones (every format, both
#: shapes), and the wide values above.
any_body = (
    fast_snapshot_bodies()
    | snapshot_event_bodies()
    | unknown_event_bodies()
    | api3_snapshot_bodies()
    | api3_unknown_bodies()
    | testing.bodies().map(_canonical)
)
#: A canonical body of every event format (what a pull response holds), the same draws as
#: ``any_body``'s events: none made only to be thrown away.
any_event_body = (
    snapshot_event_bodies()
    | unknown_event_bodies()
    | api3_snapshot_bodies()
    | api3_unknown_bodies()
    | testing.event_bodies().map(_canonical)
)


# -- quirks: each rewrites a canonical body into an equivalent one ---------------------------


@st.composite
def quirked(draw: st.DrawFn, body: dict[str, Any]) -> dict[str, Any]:
    """``body`` with some of the wire's quirks (the testing kit's, read off the wire tables),
    maybe a key vodsnap does not know (lenient mode ignores it), and its keys shuffled."""
    out = draw(testing.quirked(body))
    # A 3.0 body's keys are all its data, and so are an unknown Cloud Live callback's.
    all_data = "EventType" in out or isinstance(vodsnap.parse(out), vodsnap.UnknownLiveEvent)
    if not all_data and draw(st.booleans()):
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
