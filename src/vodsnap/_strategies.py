"""The Hypothesis strategies of ``vodsnap.testing``, which re-exports them (see its docstring):
bodies as Tencent sends them, every documented quirk included, and the models they decode to.
"""

from __future__ import annotations

import json
import string
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any, Literal, TypeVar

import attrs
from hypothesis import strategies as st

import vodsnap

from ._codes import EMPTY_QUEUE_ERROR_CODE
from ._examples import sign
from ._limits import DEFAULT_LIMITS
from ._signature import SIGN_KEY
from ._wire import (
    event_api3,
    event_live,
    event_mps,
    fast_snapshot,
    image_sprite,
    live_moderation,
    live_screenshot,
    mps_schedule,
    mps_workflow,
    procedure,
    pull,
    snapshot_event,
    unknown_event,
    unknown_live_event,
)
from ._wire._format import Envelope, Format
from ._wire._table import ArrayOf, Kind, Mode, Table
from ._wire.registry import (
    BY_MODEL,
    ENVELOPES,
    EVENTS,
    FORMATS,
    LIVE,
    MPS,
    MPS_PAYLOAD_KEYS,
    PAYLOAD_KEYS,
)
from ._wire.shapes import as_api3, table_of

T = TypeVar("T")

#: Which results a strategy makes: only successes, only failures, or both.
Outcome = Literal["success", "failure", "any"]

SNAPSHOT_EVENT = snapshot_event.EVENT_TYPE
OTHER_EVENT_TYPES = (
    "NewFileUpload",
    "TranscodeComplete",
    "ConcatComplete",
    "ClipComplete",
    "FileDeleted",
    "PullComplete",
)
_LENIENT = Mode(strict=False, limits=DEFAULT_LIMITS)
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


def fast_snapshot_bodies(
    *, outcome: Outcome = "any", quirks: bool = True
) -> st.SearchStrategy[dict[str, Any]]:
    """Fast-snapshot callback bodies as dicts, as Tencent sends them.

    ``outcome`` picks status 5 (``"success"``), 4 (``"failure"``) or either. Failures carry
    error code 118 ("解码失败") or, less often, another code, and zero sizes and no snapshots.
    """
    return _fast_snapshot_bodies(outcome=outcome, quirks=quirks)


@st.composite
def _fast_snapshot_bodies(
    draw: st.DrawFn, *, outcome: Outcome = "any", quirks: bool = True
) -> dict[str, Any]:
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
    return draw(quirked(body)) if quirks else body


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


def snapshot_event_bodies(
    *, outcome: Outcome = "any", quirks: bool = True
) -> st.SearchStrategy[dict[str, Any]]:
    """``CreateSnapshotByTimeOffsetComplete`` bodies as dicts.

    ``outcome``: ``"success"`` has every picture taken, ``"failure"`` at least one picture failed
    (no ``url``, a video-processing error code, known or not); ``"any"`` also makes tasks that
    failed as a whole (a non-zero ``data.status``, no pictures). Some bodies carry the 4.0
    envelope's task-level ``status`` and ``message``; with ``quirks``, some come in the API 3.0
    shape (which has neither).
    """
    return _snapshot_event_bodies(outcome=outcome, quirks=quirks)


@st.composite
def _snapshot_event_bodies(
    draw: st.DrawFn, *, outcome: Outcome = "any", quirks: bool = True, api3: bool | None = None
) -> dict[str, Any]:
    file_id = draw(_file_ids)
    data: dict[str, Any] = {
        "vodTaskId": draw(_task_ids),
        "fileId": file_id,
        "definition": draw(_definitions),
        "picInfo": draw(_pictures(outcome, file_id)),
    }
    # shrinks to False; API 3.0 has no shape for a task that failed as a whole
    task_failed = outcome == "any" and api3 is not True and draw(st.integers(0, 3)) == 3
    if task_failed:
        data.update(picInfo=[], status=draw(_failure_codes), message="截图失败")
    elif draw(st.booleans()):
        data.update(status=0, message="SUCCESS")  # as real pulled events carry them
    body: dict[str, Any] = {"version": "4.0", "eventType": SNAPSHOT_EVENT, "data": data}
    if api3 is None:
        api3 = quirks and not task_failed and draw(st.booleans())
    if api3:
        body = as_api3(body, draw(st.none() | _hex32))
    return draw(quirked(body)) if quirks else body


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


def unknown_event_bodies(*, quirks: bool = True) -> st.SearchStrategy[dict[str, Any]]:
    """Bodies of the other VOD 4.0 event types (``NewFileUpload``, ...), which decode to
    ``UnknownEvent``: handlers should route or ignore them, not fail."""
    return _unknown_event_bodies(quirks=quirks)


@st.composite
def _unknown_event_bodies(draw: st.DrawFn, *, quirks: bool = True) -> dict[str, Any]:
    data = {"status": 0, "message": ""} | draw(st.dictionaries(_names, _json, max_size=3))
    body: dict[str, Any] = {
        "version": "4.0",
        "eventType": draw(st.sampled_from(OTHER_EVENT_TYPES)),
        "data": data,
    }
    return draw(quirked(body)) if quirks else body


def bodies(*, outcome: Outcome = "any", quirks: bool = True) -> st.SearchStrategy[dict[str, Any]]:
    """Any callback body, of every format ``vodsnap.parse`` reads (with ``outcome`` given: of
    every format whose bodies succeed or fail, such as a fast snapshot, a snapshot event or an
    image sprite)."""
    return st.one_of([_bodies_of(form, outcome, quirks) for form in _with(outcome, FORMATS)])


def _with(outcome: Outcome, formats: tuple[Format, ...]) -> tuple[Format, ...]:
    """The formats whose kit makes bodies of ``outcome``."""
    return tuple(f for f in formats if outcome == "any" or _BODIES[f][1])


def _bodies_of(form: Format, outcome: Outcome, quirks: bool) -> st.SearchStrategy[dict[str, Any]]:
    make, takes_outcome = _BODIES[form]
    strategy: st.SearchStrategy[dict[str, Any]] = (
        make(outcome=outcome, quirks=quirks) if takes_outcome else make(quirks=quirks)
    )
    return strategy


def quirked(body: dict[str, Any]) -> st.SearchStrategy[dict[str, Any]]:
    """``body`` (any wire body) with a random choice of the quirks Tencent's wire has for the
    same values: numbers as text, ids as numbers, ``"version": 4``, times in UTC, ``delete``
    for ``deleted``, absent for ``null`` and the default, the other API 3.0 payload keys as
    ``null`` beside a modelled event's. It decodes to the same model as ``body``.

    The quirks come from the same tables the decoder is built from.
    """
    return _quirked(body)


@st.composite
def _quirked(draw: st.DrawFn, body: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = json.loads(json.dumps(body))
    table = table_of(out)
    api3_type = out.get(event_api3.EVENT_TYPE_KEY)
    payload = next((f.api3 for f in EVENTS if f.api3 and f.event_type == api3_type), None)
    if payload is not None and isinstance(out.get(payload.key), dict):
        _quirk(draw, out[payload.key], payload.table)
    elif table is not None and payload is None:  # (an MPS task's table is the whole body's)
        _quirk(draw, out, table)
    unused_keys = PAYLOAD_KEYS if payload is not None else ()
    if api3_type in {f.type_value for f in MPS}:
        unused_keys = tuple(sorted(MPS_PAYLOAD_KEYS))
    unused = [key for key in unused_keys if key not in out]  # (an unknown 3.0 event: all data)
    if unused:
        for key in draw(st.lists(st.sampled_from(unused), unique=True, max_size=4)):
            out[key] = None
    return out


def _quirk(draw: st.DrawFn, obj: dict[str, Any], table: Table) -> None:
    """Apply some of ``table``'s kinds' quirks to ``obj``, in place."""
    defaults = {a.name: a.default for a in attrs.fields(table.model)}
    for field in table.fields:
        if field.wire not in obj:
            if defaults[field.attr] is None and draw(st.booleans()):
                obj[field.wire] = None  # absent and null are the same
            continue
        value, kind = obj[field.wire], field.kind
        if isinstance(kind, Table) and isinstance(value, dict):
            _quirk(draw, value, kind)
        elif isinstance(kind, ArrayOf) and isinstance(kind.item, Table):
            for item in value:
                if isinstance(item, dict):
                    _quirk(draw, item, kind.item)
        elif isinstance(kind, Kind):
            if _is_default(kind, value, defaults[field.attr]) and draw(st.booleans()):
                del obj[field.wire]  # absent means the default
                continue
            for quirk in kind.quirks:
                if draw(st.booleans()):
                    value = quirk(value)
            obj[field.wire] = value
        if field.aliases:
            name: str = draw(st.sampled_from((field.wire, *field.aliases)))
            obj[name] = obj.pop(field.wire)


def _is_default(kind: Kind, value: Any, default: Any) -> bool:
    if default is attrs.NOTHING:
        return False
    try:
        return bool(kind.hook(_LENIENT)(value, None) == default)
    except ValueError:
        return False


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
    with_pictures = snapshot_events(outcome=outcome).filter(lambda e: e.data.pic_info)
    return with_pictures.flatmap(lambda e: st.sampled_from(e.data.pic_info))


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


# -- task flows, image sprites, pull responses (#14) -------------------------------------------

PROCEDURE_EVENT = procedure.EVENT_TYPE
IMAGE_SPRITE_EVENT = image_sprite.EVENT_TYPE
#: The task types a task flow reports snapshots for, and some it does not (4.0 names).
SNAPSHOT_TASK_TYPES = tuple(procedure.TABLES_3)
OTHER_TASK_TYPES = ("Transcode", "AnimatedGraphics", "PullFile", "AdaptiveDynamicStreaming")
TASK_STATUSES = tuple(status.value for status in vodsnap.TaskStatus)
_TASK_KEYS = procedure.TASK_KEYS_3
_task_codes = st.sampled_from([30009, 30010, -44029, -43001]) | _failure_codes
_ext_codes = st.sampled_from(["SourceFileError", "SystemError", "InternalError"])


@st.composite
def _milliseconds(draw: st.DrawFn, api3: bool) -> int | float:
    """An offset in ms: an integer, or in API 3.0 a Float, sometimes with a fraction."""
    offset = draw(st.integers(0, 7_200_000))
    if not api3 or not draw(st.booleans()):
        return offset
    return offset + draw(st.sampled_from([0.0, 0.25, 0.5, 0.125]))  # exact binary fractions


@st.composite
def _task(draw: st.DrawFn, task_type: str, status: str, api3: bool) -> dict[str, Any]:
    """One task, shape-neutral: what either shape's renderer needs."""
    host = f"http://125{draw(st.integers(0, 999)):03d}.vod2.myqcloud.com/{draw(_names)}"
    count = draw(st.integers(0 if status != "SUCCESS" else 1, 4))
    offsets = sorted(draw(st.lists(_milliseconds(api3), min_size=count, max_size=count)))
    task: dict[str, Any] = {
        "type": task_type,
        "status": status,
        "code": 0,
        "ext": "",
        "definition": draw(_definitions),
        "offsets": offsets,
        "urls": [f"{host}/{task_type}-{i}.jpg" for i in range(count)],
    }
    if status == "FAIL":
        if api3 and draw(st.booleans()):
            task["ext"] = draw(_ext_codes)  # only the newer textual code
        else:
            task["code"] = draw(_task_codes)
    return task


def _output_4(draw: st.DrawFn, task: dict[str, Any]) -> dict[str, Any]:
    kind, urls = task["type"], task["urls"]
    if kind == "SnapshotByTimeOffset":
        return {
            "imgInfo": [
                {"timeOffset": t, "url": u} for t, u in zip(task["offsets"], urls, strict=True)
            ]
        }
    if kind == "SampleSnapshot":
        return {"imageUrls": urls}
    if kind == "CoverBySnapshot":  # the table says Array, the examples send a String
        return {"imageUrl": urls[0] if draw(st.booleans()) else urls[:1]}
    if kind == "ImageSprites":
        key = draw(st.sampled_from(["urlList", "imageUrls"]))
        return {"totalCount": len(urls) * 50, key: urls, "webVttUrl": urls[0] + ".vtt"}
    return {"url": urls[0] if urls else "http://a/v.mp4"}


def _render_4(draw: st.DrawFn, task: dict[str, Any]) -> dict[str, Any]:
    wire: dict[str, Any] = {
        "taskType": task["type"],
        "status": task["status"],
        "errCode": task["code"],
        "message": "" if task["status"] != "FAIL" else "失败",
        "input": {"definition": task["definition"]},
    }
    if task["type"] == "SnapshotByTimeOffset":
        wire["input"]["timeOffset"] = task["offsets"]
    if task["type"] == "CoverBySnapshot":
        wire["input"] |= {"positionType": "Time", "position": draw(st.integers(0, 60))}
    if task["status"] == "SUCCESS":
        wire["output"] = _output_4(draw, task)
    return wire


def _output_3(task: dict[str, Any]) -> dict[str, Any]:
    kind, urls, definition = task["type"], task["urls"], task["definition"]
    if kind == "SnapshotByTimeOffset":
        pictures = [{"TimeOffset": t, "Url": u} for t, u in zip(task["offsets"], urls, strict=True)]
        return {"Definition": definition, "PicInfoSet": pictures}
    if kind == "SampleSnapshot":
        return {
            "Definition": definition,
            "SampleType": "Percent",
            "Interval": 10,
            "ImageUrlSet": urls,
        }
    if kind == "CoverBySnapshot":
        return {"CoverUrl": urls[0]}
    if kind == "ImageSprites":
        sheets = {"TotalCount": len(urls) * 50, "ImageUrlSet": urls, "WebVttUrl": urls[0] + ".vtt"}
        return {"Definition": definition, "Height": 80, "Width": 142} | sheets
    return {"Url": urls[0] if urls else "http://a/v.mp4", "Definition": definition}


def _render_3(draw: st.DrawFn, task: dict[str, Any], quirks: bool) -> dict[str, Any]:
    task_input: dict[str, Any] = {"Definition": task["definition"]}
    if task["type"] == "SnapshotByTimeOffset":
        task_input["TimeOffsetSet"] = task["offsets"]
    if task["type"] == "CoverBySnapshot":
        task_input |= {"PositionType": "Time", "PositionValue": float(draw(st.integers(0, 60)))}
    output = _output_3(task) if task["status"] == "SUCCESS" else None  # null until success
    if quirks and output and task["type"] == "SampleSnapshot" and draw(st.booleans()):
        del output["ImageUrlSet"]  # the reading of a published translation: pictures instead
        output["PicInfoSet"] = [
            {"TimeOffset": t, "Url": u} for t, u in zip(task["offsets"], task["urls"], strict=True)
        ]
    inner = {
        "Status": task["status"],
        "ErrCodeExt": task["ext"],
        "ErrCode": task["code"],
        "Message": "",
        "Progress": 100 if task["status"] != "PROCESSING" else draw(st.integers(0, 99)),
        "Input": task_input,
        "Output": output,
    }
    key = _TASK_KEYS[task["type"]]
    item: dict[str, Any] = {"Type": task["type"], key: inner}
    if quirks and draw(st.booleans()):
        item |= {k: None for k in _TASK_KEYS.values() if k != key}  # every unused key, null
    return item


def procedure_event_bodies(
    *,
    quirks: bool = True,
    task_types: tuple[str, ...] = SNAPSHOT_TASK_TYPES + OTHER_TASK_TYPES,
    statuses: tuple[str, ...] = TASK_STATUSES,
) -> st.SearchStrategy[dict[str, Any]]:
    """``ProcedureStateChanged`` bodies: a task flow with tasks of ``task_types`` (each in one
    of ``statuses``). With ``quirks``, some come in the API 3.0 shape (Float offsets, outputs
    ``null`` until success, unused task keys ``null``, a SampleSnapshot's pictures as
    ``PicInfoSet`` instead of ``ImageUrlSet``), covers as a String or an Array, sprite sheets as
    ``urlList`` or ``imageUrls``."""
    return _procedure_event_bodies(quirks=quirks, task_types=task_types, statuses=statuses)


@st.composite
def _procedure_event_bodies(
    draw: st.DrawFn,
    *,
    quirks: bool = True,
    task_types: tuple[str, ...] = SNAPSHOT_TASK_TYPES + OTHER_TASK_TYPES,
    statuses: tuple[str, ...] = TASK_STATUSES,
    api3: bool | None = None,
) -> dict[str, Any]:
    if api3 is None:
        api3 = quirks and draw(st.booleans())
    count = draw(st.integers(1, 5))
    tasks = [
        draw(_task(draw(st.sampled_from(task_types)), draw(st.sampled_from(statuses)), api3))
        for _ in range(count)
    ]
    running = any(t["status"] == "PROCESSING" for t in tasks)
    fields = (draw(_task_ids).replace("CreateSnapshotByTimeOffset", "Procedure"), draw(_file_ids))
    if not api3:
        data: dict[str, Any] = {"vodTaskId": fields[0]}
        data["status"] = "PROCESSING" if running else "FINISH"
        data |= {"errCode": 0, "message": "", "fileId": fields[1], "metaData": {"duration": 60}}
        data["processTaskList"] = [_render_4(draw, t) for t in tasks]
        version: Any = 4 if quirks and draw(st.booleans()) else "4.0"
        return {"version": version, "eventType": PROCEDURE_EVENT, "data": data}
    for task in tasks:
        if task["type"] == "PullFile":
            task["type"] = "AdaptiveDynamicStreaming"  # API 3.0 has no PullFile task
    event: dict[str, Any] = {"TaskId": fields[0], "ErrCode": 0}
    event["Status"] = "PROCESSING" if running else "FINISH"
    event |= {"Message": "", "FileId": fields[1], "FileName": draw(_names), "MetaData": None}
    event["MediaProcessResultSet"] = [_render_3(draw, t, quirks) for t in tasks]
    event |= {
        "TasksPriority": 0,
        "TasksNotifyMode": "Finish",
        "SessionContext": "",
        "SessionId": "",
    }
    return _api3_envelope(draw, procedure.FORMAT, event)


def _api3_envelope(draw: st.DrawFn, form: Format, payload: Any) -> dict[str, Any]:
    assert form.event_type is not None
    assert form.api3 is not None
    body: dict[str, Any] = {event_api3.EVENT_TYPE_KEY: form.event_type}
    if draw(st.booleans()):
        body[event_api3.HANDLE_KEY] = draw(_hex32)
    body[form.api3.key] = payload
    for other in draw(st.lists(st.sampled_from(PAYLOAD_KEYS), unique=True, max_size=3)):
        body.setdefault(other, None)  # published 3.0 bodies hold every other event key as null
    return body


def image_sprite_event_bodies(
    *, outcome: Outcome = "any", quirks: bool = True
) -> st.SearchStrategy[dict[str, Any]]:
    """``CreateImageSpriteComplete`` bodies; a failure sends only status, message, task id and
    file id (4.0) or ``null`` for the rest (3.0). With ``quirks``, some in the API 3.0 shape."""
    return _image_sprite_event_bodies(outcome=outcome, quirks=quirks)


@st.composite
def _image_sprite_event_bodies(
    draw: st.DrawFn, *, outcome: Outcome = "any", quirks: bool = True, api3: bool | None = None
) -> dict[str, Any]:
    failed = _failed(draw, outcome)
    task = draw(_task("ImageSprites", "FAIL" if failed else "SUCCESS", False))
    task_id = draw(_task_ids).replace("CreateSnapshotByTimeOffset", "CreateImageSprite")
    file_id = draw(_file_ids)
    if api3 is None:
        api3 = quirks and draw(st.booleans())
    if api3:
        success = not failed
        event = {
            "TaskId": task_id,
            "ErrCode": task["code"],
            "Message": "",
            "FileId": file_id,
            "Definition": task["definition"] if success else None,
            "TotalCount": len(task["urls"]) * 50 if success else None,
            "ImageSpriteUrlSet": task["urls"] if success else None,
            "WebVttUrl": task["urls"][0] + ".vtt" if success else None,
        }
        return _api3_envelope(draw, image_sprite.FORMAT, event)
    data: dict[str, Any] = {"status": task["code"], "message": "", "vodTaskId": task_id}
    data["fileId"] = file_id
    if not failed:
        data |= {"definition": task["definition"], "totalCount": len(task["urls"]) * 50}
        data |= {"imageSpriteUrl": task["urls"], "webVttUrl": task["urls"][0] + ".vtt"}
    return {"version": "4.0", "eventType": IMAGE_SPRITE_EVENT, "data": data}


def event_bodies(*, quirks: bool = True) -> st.SearchStrategy[dict[str, Any]]:
    """Any event body, of every event format: the snapshot event, a task flow, image sprites,
    or another type."""
    return st.one_of([_bodies_of(form, "any", quirks) for form in EVENTS])


def format_models(model: type[T]) -> st.SearchStrategy[T]:
    """Decoded models of one class of ``vodsnap.Callback``, from its format's bodies: what
    ``st.from_type(model)`` gives."""
    form = BY_MODEL[model]
    made: st.SearchStrategy[T] = _bodies_of(form, "any", True).map(_decoded(model))
    return made


# -- Cloud Live (CSS) callbacks (#20) ---------------------------------------------------------

LIVE_SCREENSHOT_EVENT = live_screenshot.EVENT_TYPE
LIVE_MODERATION_EVENT = live_moderation.EVENT_TYPE
#: Cloud Live callback types vodsnap does not model: stream ended, started, a recording file.
OTHER_LIVE_EVENT_TYPES = (0, 1, 100, 311)
_unix_seconds = st.integers(1_500_000_000, 1_900_000_000)
_SIGNATURE_KEYS = (
    event_live.ENVELOPE.wire_names["expires"],
    event_live.ENVELOPE.wire_names["sign"],
)


@st.composite
def _live_common(draw: st.DrawFn, moment: int) -> dict[str, Any]:
    """What a Cloud Live callback's body may say of its push, and a signature (``t`` ten
    minutes after ``moment``, ``sign`` 32 hex digits) on some."""
    common: dict[str, Any] = {}
    if draw(st.booleans()):  # the oldest samples have none of them
        common |= {"app": f"{draw(_names)}.myqcloud.com", "appname": "live"}
        common["stream_param"] = f"txSecret={draw(_hex32)}&txTime={moment + 600:X}"
    if draw(st.booleans()):
        expires, sign = _SIGNATURE_KEYS
        common |= {expires: moment + 600, sign: draw(_hex32)}
    return common


def live_screenshot_bodies(*, quirks: bool = True) -> st.SearchStrategy[dict[str, Any]]:
    """Cloud Live screenshot callbacks (``event_type`` 200) as dicts, as Tencent sends them:
    some without the push's ``app``, ``appname`` and ``stream_param``, some signed."""
    return _live_screenshot_bodies(quirks=quirks)


@st.composite
def _live_screenshot_bodies(draw: st.DrawFn, *, quirks: bool = True) -> dict[str, Any]:
    stream = draw(_names)
    moment = draw(_unix_seconds)
    width, height = draw(st.sampled_from([(1280, 720), (960, 540), (1920, 1080), (640, 360)]))
    clock = (datetime(1970, 1, 1) + timedelta(seconds=moment)).strftime("%H-%M-%S")
    path = f"/{stream}/{stream}-screenshot-{clock}-{width}x{height}.jpg"
    host = f"{draw(_bucket_names)}-{draw(_app_ids)}.cos.ap-{draw(st.sampled_from(_CITIES))}"
    body: dict[str, Any] = {
        "event_type": LIVE_SCREENSHOT_EVENT,
        "stream_id": stream,
        "channel_id": stream,
        "create_time": moment,
        "file_size": draw(st.integers(1_000, 2_000_000)),
        "width": width,
        "height": height,
        "pic_url": path,
        "pic_full_url": f"{draw(st.sampled_from(['http', 'https']))}://{host}.myqcloud.com{path}",
    }
    body |= draw(_live_common(moment))
    if draw(st.integers(0, 3)) == 3:
        body["task_id"] = draw(_hex32)
    return draw(quirked(body)) if quirks else body


_CITIES = ("shanghai", "guangzhou", "beijing", "chengdu")
_SUGGESTIONS = ("Block", "Review", "Pass")
_LABELS = ("Porn", "Sexy", "Polity", "Terror", "Ad", "Illegal", "Abuse")


def live_moderation_bodies(*, quirks: bool = True) -> st.SearchStrategy[dict[str, Any]]:
    """Cloud Live image moderation callbacks (``event_type`` 317): a flagged screenshot, with
    the current fields (``type``, ``score``, ``suggestion``, ``label``, ...), the older ones
    (``tid``, ``pornScore``, ...), or both, camelCase and snake_case mixed as Tencent sends."""
    return _live_moderation_bodies(quirks=quirks)


@st.composite
def _live_moderation_bodies(draw: st.DrawFn, *, quirks: bool = True) -> dict[str, Any]:
    stream = draw(_names)
    taken = draw(_unix_seconds)
    host = f"http://{draw(_bucket_names)}-{draw(_app_ids)}.cos.ap-shanghai.myqcloud.com"
    body: dict[str, Any] = {
        "event_type": LIVE_MODERATION_EVENT,
        "streamId": stream,
        "channelId": stream,
        "img": f"{host}/{stream}-screenshot-{draw(st.integers(0, 99_999))}.jpg",
        "screenshotTime": taken,
        "sendTime": taken + draw(st.integers(0, 5)),
        "appid": draw(_app_ids),
    }
    era = draw(st.sampled_from(["current", "legacy", "both"]))
    if era != "legacy":
        count = draw(st.integers(1, 3))
        body["type"] = draw(st.lists(st.integers(1, 30), min_size=count, max_size=count))
        body["score"] = draw(st.lists(st.integers(0, 100), min_size=count, max_size=count))
        body |= {"suggestion": draw(st.sampled_from(_SUGGESTIONS)), "ocrMsg": ""}
        body |= {"label": draw(st.sampled_from(_LABELS)), "subLabel": draw(_names)}
        for key in ("labelResults", "objectResults", "ocrResults"):
            body[key] = draw(
                st.none() | st.lists(st.dictionaries(_names, _json, max_size=3), max_size=2)
            )
    if era != "current":
        body |= {"tid": draw(st.integers(1, 30_000)), "level": draw(st.integers(0, 3))}
        body |= {"type": body.get("type", [draw(st.integers(1, 30))])}
        for key in ("confidence", "normalScore", "hotScore", "pornScore", "similarScore"):
            body[key] = draw(st.integers(0, 100))
    body |= draw(_live_common(taken))
    return draw(quirked(body)) if quirks else body


def unknown_live_event_bodies(*, quirks: bool = True) -> st.SearchStrategy[dict[str, Any]]:
    """Cloud Live callbacks of the types vodsnap does not model (stream started or ended, a
    recording file, ...), which decode to ``UnknownLiveEvent``."""
    return _unknown_live_event_bodies(quirks=quirks)


@st.composite
def _unknown_live_event_bodies(draw: st.DrawFn, *, quirks: bool = True) -> dict[str, Any]:
    stream = draw(_names)
    moment = draw(_unix_seconds)
    body: dict[str, Any] = {
        "event_type": draw(st.sampled_from(OTHER_LIVE_EVENT_TYPES)),
        "stream_id": stream,
        "channel_id": stream,
        "event_time": moment,
    }
    reserved = {*event_live.ENVELOPE.wire_names.values()}
    extra = st.dictionaries(_names.filter(lambda k: k not in reserved), _json, max_size=3)
    body |= draw(extra) | draw(_live_common(moment))
    return draw(quirked(body)) if quirks else body


def live_event_bodies(*, quirks: bool = True) -> st.SearchStrategy[dict[str, Any]]:
    """Any Cloud Live callback body: a screenshot, a flagged screenshot, or another type."""
    return st.one_of([_bodies_of(form, "any", quirks) for form in LIVE])


def live_screenshots() -> st.SearchStrategy[vodsnap.LiveScreenshot]:
    """Decoded ``LiveScreenshot`` models."""
    return live_screenshot_bodies(quirks=False).map(_decoded(vodsnap.LiveScreenshot))


def live_moderations() -> st.SearchStrategy[vodsnap.LiveModeration]:
    """Decoded ``LiveModeration`` models."""
    return live_moderation_bodies(quirks=False).map(_decoded(vodsnap.LiveModeration))


def unknown_live_events() -> st.SearchStrategy[vodsnap.UnknownLiveEvent]:
    """Decoded ``UnknownLiveEvent`` models."""
    return unknown_live_event_bodies(quirks=False).map(_decoded(vodsnap.UnknownLiveEvent))


# -- MPS task notifications (WorkflowTask, ScheduleTask) ----------------------------------------

_MPS_REGIONS = ("ap-guangzhou", "ap-shanghai", "ap-beijing", "ap-singapore")
_S3_REGIONS = ("us-east-1", "eu-west-1", "ap-southeast-1")
#: The snapshot task types, and the task types that make none (``CoverBySnapshot``: no task key).
_MPS_SNAPSHOT_TYPES = tuple(event_mps.TASKS)
_MPS_OTHER_TYPES = {
    "Transcode": "TranscodeTask",
    "AnimatedGraphics": "AnimatedGraphicTask",
    "CoverBySnapshot": None,
}
_MPS_TASK_KEYS = (
    *(key for key, _ in event_mps.TASKS.values()),
    *(key for key in _MPS_OTHER_TYPES.values() if key is not None),
)
_mps_buckets = st.builds("{}-{}".format, _bucket_names, _app_ids)


@st.composite
def _mps_storage(draw: st.DrawFn) -> dict[str, Any]:
    """An output storage: COS or AWS-S3 (its bucket or region sometimes left to inherit), or
    VOD."""
    kind = draw(st.sampled_from(["COS", "COS", "AWS-S3", "VOD"]))
    if kind == "VOD":
        return {"Type": "VOD", "VODOutputStorage": {"SubAppId": draw(_app_ids)}}
    if kind == "COS":
        where = {"Bucket": draw(_mps_buckets), "Region": draw(st.sampled_from(_MPS_REGIONS))}
        key = "CosOutputStorage"
    else:
        where = {"S3Bucket": draw(_bucket_names), "S3Region": draw(st.sampled_from(_S3_REGIONS))}
        key = "S3OutputStorage"
    if draw(st.integers(0, 4)) == 0:  # left out: inherited from a level the body lacks
        del where[draw(st.sampled_from(sorted(where)))]
    return {"Type": kind, key: where}


_seconds = st.integers(0, 7_200_000).map(lambda ms: ms / 1000) | st.integers(0, 7200)


@st.composite
def _mps_output(draw: st.DrawFn, task_type: str, definition: int) -> dict[str, Any]:
    """A successful snapshot task's output: its images as paths in a storage."""
    folder = f"/{draw(_names)}"
    count = draw(st.integers(0, 4))
    output: dict[str, Any] = {"Definition": draw(st.sampled_from([0, definition]))}
    if draw(st.booleans()):
        output["Storage"] = draw(_mps_storage())
    paths = [f"{folder}/{task_type}_{definition}_{n}.jpg" for n in range(count)]
    if task_type == "SnapshotByTimeOffset":
        offsets = draw(st.lists(_seconds, min_size=count, max_size=count))
        output["PicInfoSet"] = [
            {"TimeOffset": t, "Path": p, "WaterMarkDefinition": []}
            for t, p in zip(offsets, paths, strict=True)
        ]
    elif task_type == "SampleSnapshot":
        output |= {"SampleType": "Percent", "Interval": 10, "ImagePathSet": paths}
    else:
        output |= {"Height": 80, "Width": 142, "TotalCount": count * 10, "ImagePathSet": paths}
        output["WebVttPath"] = f"{folder}/{task_type}_{definition}.vtt"
    return output


@st.composite
def _mps_task(draw: st.DrawFn, task_type: str) -> dict[str, Any]:
    """A snapshot task: processing, failed (a numeric or a textual code) or succeeded."""
    status = draw(st.sampled_from(TASK_STATUSES))
    definition = draw(_definitions)
    task_input: dict[str, Any] = {"Definition": definition}
    if draw(st.booleans()):
        task_input["OutputStorage"] = draw(_mps_storage())
    task_input["OutputObjectPath"] = f"/{draw(_names)}/{task_type}_{{number}}"
    if task_type == "SnapshotByTimeOffset":
        task_input["TimeOffsetSet"] = draw(st.lists(_seconds, max_size=3))
    task: dict[str, Any] = {"Status": status, "ErrCodeExt": "", "ErrCode": 0, "Message": ""}
    task["Input"] = task_input
    if status == "FAIL":
        if draw(st.booleans()):
            task |= {"ErrCode": draw(_failure_codes), "Message": "TencentVodPlatErr Or Unkown"}
        else:
            task |= {"ErrCodeExt": draw(st.sampled_from(["InternalError", "SourceFileError"]))}
    task["Output"] = draw(_mps_output(task_type, definition)) if status == "SUCCESS" else None
    if status == "SUCCESS":
        task["Message"] = "SUCCESS"
    return task


@st.composite
def _mps_entry(draw: st.DrawFn, keys: tuple[str, str | None]) -> dict[str, Any]:
    """A result entry: a snapshot task, or another (kept whole), its key among nulls."""
    task_type = draw(st.sampled_from((*_MPS_SNAPSHOT_TYPES, *_MPS_OTHER_TYPES)))
    nulls = draw(st.lists(st.sampled_from(_MPS_TASK_KEYS), unique=True))
    holder: dict[str, Any] = dict.fromkeys(nulls)
    other_key = _MPS_OTHER_TYPES.get(task_type)
    if task_type in event_mps.TASKS:
        holder[event_mps.TASKS[task_type][0]] = draw(_mps_task(task_type))
    elif other_key is not None:
        other = {"Status": draw(st.sampled_from(TASK_STATUSES)), "ErrCode": 0, "Message": ""}
        holder[other_key] = other | {"Input": draw(_json), "Output": None}
    type_key, holder_key = keys
    if holder_key is not None:
        return {type_key: task_type, holder_key: holder}
    return {type_key: task_type, **holder}


@st.composite
def _mps_bodies(draw: st.DrawFn, form: Format, *, quirks: bool = True) -> dict[str, Any]:
    keys = mps_schedule.ENTRY_KEYS if form is mps_schedule.FORMAT else mps_workflow.ENTRY_KEYS
    event_type = str(form.type_value)
    data_key = _wire_name(form.table, "data")
    results = _wire_name(next(f.kind for f in _fields(form.table) if f.attr == "data"), "tasks")
    app = draw(_app_ids)
    payload: dict[str, Any] = {
        "TaskId": f"{app}-{event_type}-{draw(_hex32)}t0",
        "Status": draw(st.sampled_from(["FINISH", "PROCESSING"])),
        "ErrCode": 0,
        "Message": "",
    }
    if draw(st.booleans()):
        where = {"Bucket": draw(_mps_buckets), "Region": draw(st.sampled_from(_MPS_REGIONS))}
        payload["InputInfo"] = {"Type": "COS", "CosInputInfo": where | {"Object": "/in.mp4"}}
    else:
        url = f"https://{draw(_names)}.example.com/{draw(_names)}.mp4"
        payload["InputInfo"] = {"Type": "URL", "UrlInputInfo": {"Url": url}}
    payload["MetaData"] = draw(st.none() | st.just({"Duration": 11.26, "Width": 1280}))
    payload[results] = draw(st.lists(_mps_entry(keys), max_size=4))
    body: dict[str, Any] = {event_api3.EVENT_TYPE_KEY: event_type, data_key: payload}
    if draw(st.booleans()):
        body |= {"SessionId": draw(_hex32), "SessionContext": draw(_names)}
    if draw(st.booleans()):
        body |= {event_mps.TIMESTAMP_KEY: draw(_unix_seconds), SIGN_KEY: draw(_hex32)}
    return draw(quirked(body)) if quirks else body


def _fields(table: Any) -> tuple[Any, ...]:
    return table.fields if isinstance(table, Table) else ()


def _wire_name(table: Any, attr: str) -> str:
    """The wire name of ``table``'s attribute ``attr``."""
    return str(table.wire_names[attr])


def mps_workflow_task_bodies(*, quirks: bool = True) -> st.SearchStrategy[dict[str, Any]]:
    """MPS ``WorkflowTask`` notifications as dicts: snapshot tasks (processing, failed with a
    numeric or textual code, or succeeded with paths in a COS, AWS-S3 or VOD storage, named by
    the output, the input, or neither) among others (Transcode, AnimatedGraphics,
    CoverBySnapshot), some with a session and a signature."""
    return _mps_bodies(mps_workflow.FORMAT, quirks=quirks)


def mps_schedule_task_bodies(*, quirks: bool = True) -> st.SearchStrategy[dict[str, Any]]:
    """MPS ``ScheduleTask`` notifications as dicts: as ``mps_workflow_task_bodies``, each task
    in an ``ActivityResultSet`` entry's ``ActivityResItem``."""
    return _mps_bodies(mps_schedule.FORMAT, quirks=quirks)


def mps_bodies(*, quirks: bool = True) -> st.SearchStrategy[dict[str, Any]]:
    """Any MPS task notification body: a workflow's or an orchestration's."""
    return st.one_of([_bodies_of(form, "any", quirks) for form in MPS])


def mps_workflow_tasks() -> st.SearchStrategy[vodsnap.MpsWorkflowTask]:
    """Decoded ``MpsWorkflowTask`` models."""
    return mps_workflow_task_bodies(quirks=False).map(_decoded(vodsnap.MpsWorkflowTask))


def mps_schedule_tasks() -> st.SearchStrategy[vodsnap.MpsScheduleTask]:
    """Decoded ``MpsScheduleTask`` models."""
    return mps_schedule_task_bodies(quirks=False).map(_decoded(vodsnap.MpsScheduleTask))


#: Each registered format's body strategy, and whether it takes an ``outcome``
#: (``tests/test_testing_kit.py`` checks that every format has one).
_BODIES: dict[Format, tuple[Any, bool]] = {
    fast_snapshot.FORMAT: (fast_snapshot_bodies, True),
    snapshot_event.FORMAT: (snapshot_event_bodies, True),
    procedure.FORMAT: (procedure_event_bodies, False),
    image_sprite.FORMAT: (image_sprite_event_bodies, True),
    unknown_event.FORMAT: (unknown_event_bodies, False),
    live_screenshot.FORMAT: (live_screenshot_bodies, False),
    live_moderation.FORMAT: (live_moderation_bodies, False),
    unknown_live_event.FORMAT: (unknown_live_event_bodies, False),
    mps_workflow.FORMAT: (mps_workflow_task_bodies, False),
    mps_schedule.FORMAT: (mps_schedule_task_bodies, False),
}


def pull_event_response_bodies(*, quirks: bool = True) -> st.SearchStrategy[dict[str, Any]]:
    """Responses of the old ``PullEvent``: ``{code, message, eventList}`` of 4.0 events."""
    return _pull_event_response_bodies(quirks=quirks)


@st.composite
def _pull_event_response_bodies(draw: st.DrawFn, *, quirks: bool = True) -> dict[str, Any]:
    events = draw(st.lists(_events_of(pull.PULL_EVENT, quirks), max_size=4))
    wire = pull.PULL_EVENT_WIRE
    return {
        wire.code: 0,
        wire.message: "",
        wire.events: [{wire.handle: draw(_hex32), wire.content: event} for event in events],
    }


def pull_events_response_bodies(*, quirks: bool = True) -> st.SearchStrategy[dict[str, Any]]:
    """Responses of API 3.0 ``PullEvents``: ``{"Response": {"EventSet", "RequestId"}}``, or with
    ``quirks`` sometimes as the official SDK writes them (no ``Response``), and an empty queue
    sometimes as PullEvents answers it (``Response.Error.Code`` ``"ResourceNotFound"``)."""
    return _pull_events_response_bodies(quirks=quirks)


@st.composite
def _pull_events_response_bodies(draw: st.DrawFn, *, quirks: bool = True) -> dict[str, Any]:
    events = draw(st.lists(_events_of(pull.PULL_EVENTS, True), max_size=4))
    for event in events:
        event[event_api3.HANDLE_KEY] = draw(_hex32)
    request_id = str(draw(st.uuids()))
    wire = pull.PULL_EVENTS_WIRE
    if quirks and not events and draw(st.booleans()):
        error = {wire.error_code: EMPTY_QUEUE_ERROR_CODE, wire.error_message: "no event"}
        return {wire.response: {wire.error: error, wire.request_id: request_id}}
    response = {wire.event_set: events, wire.request_id: request_id}
    return response if quirks and draw(st.booleans()) else {wire.response: response}


def _events_of(envelope: Envelope, quirks: bool) -> st.SearchStrategy[dict[str, Any]]:
    """Event bodies of every event format, in the shape ``envelope`` sends its events in."""
    return _events_in(envelope.shape is vodsnap.EventFormat.API3, quirks)


def _events_in(api3: bool, quirks: bool) -> st.SearchStrategy[dict[str, Any]]:
    """Event bodies of every event format that has the shape (API 3.0 or 4.0), drawn in it:
    not drawn in either and filtered, which threw most pull responses' draws away."""
    shaped = (_SHAPED_EVENTS[form](api3, quirks) for form in EVENTS)
    return st.one_of([strategy for strategy in shaped if strategy is not None])


#: Each event format's bodies in one shape (``api3``, ``quirks``), or ``None`` where the kit
#: has none in it (``EVENTS`` is read: an event format missing here is a ``KeyError``).
_SHAPED_EVENTS: dict[Format, Callable[[bool, bool], st.SearchStrategy[dict[str, Any]] | None]] = {
    snapshot_event.FORMAT: lambda api3, q: _snapshot_event_bodies(quirks=q, api3=api3),
    procedure.FORMAT: lambda api3, q: _procedure_event_bodies(quirks=q, api3=api3),
    image_sprite.FORMAT: lambda api3, q: _image_sprite_event_bodies(quirks=q, api3=api3),
    unknown_event.FORMAT: lambda api3, q: None if api3 else _unknown_event_bodies(quirks=q),
}


#: Each pull envelope's body strategy (``tests/test_registry.py`` checks that every envelope
#: has one).
_ENVELOPE_BODIES: dict[Envelope, Any] = {
    pull.PULL_EVENT: pull_event_response_bodies,
    pull.PULL_EVENTS: pull_events_response_bodies,
}


def pull_response_bodies(*, quirks: bool = True) -> st.SearchStrategy[dict[str, Any]]:
    """Any pull response body, of every pull envelope ``vodsnap.parse_pull`` reads (the old
    ``PullEvent``'s and API 3.0 ``PullEvents``')."""
    return st.one_of([_ENVELOPE_BODIES[envelope](quirks=quirks) for envelope in ENVELOPES])


def envelope_models(model: type[T]) -> st.SearchStrategy[T]:
    """Decoded pull responses of one envelope's model, from its bodies: what
    ``st.from_type(model)`` gives."""
    envelope = next(e for e in ENVELOPES if e.model is model)
    made: st.SearchStrategy[T] = _ENVELOPE_BODIES[envelope]().map(_decoded(model, pull=True))
    return made


def signed_event_bodies(
    sign_key: str, *, quirks: bool = True, expires: int | None = None
) -> st.SearchStrategy[dict[str, Any]]:
    """Event bodies in the API 3.0 shape (the only notifications Tencent signs), signed with
    ``sign_key`` as :func:`sign` does (as VOD signs them, or MPS for an MPS notification):
    ``parse(body, sign_key=sign_key)`` accepts each until ``expires`` (default: ten minutes
    after the body is made)."""
    return _signable_bodies(quirks).map(lambda body: sign(body, sign_key, expires=expires))


def _signable_bodies(quirks: bool) -> st.SearchStrategy[dict[str, Any]]:
    """Every body the kit draws that Tencent signs: the API 3.0 events and the MPS
    notifications (``sign`` signs each as its product does)."""
    return _events_in(True, quirks) | mps_bodies(quirks=quirks)


def procedure_events(
    *, task_types: tuple[str, ...] = SNAPSHOT_TASK_TYPES + OTHER_TASK_TYPES
) -> st.SearchStrategy[vodsnap.ProcedureStateChanged]:
    """Decoded ``ProcedureStateChanged`` models, in either wire shape."""
    return procedure_event_bodies(task_types=task_types).map(
        _decoded(vodsnap.ProcedureStateChanged)
    )


def image_sprite_events(
    *, outcome: Outcome = "any"
) -> st.SearchStrategy[vodsnap.ImageSpriteComplete]:
    """Decoded ``ImageSpriteComplete`` models, in either wire shape."""
    return image_sprite_event_bodies(outcome=outcome).map(_decoded(vodsnap.ImageSpriteComplete))


def procedure_tasks(task_type: str, *, statuses: tuple[str, ...] = TASK_STATUSES) -> Any:
    """Single decoded tasks of one type (``"SnapshotByTimeOffset"``, ..., or another type,
    which decodes to ``OtherTask``)."""
    bodies_ = procedure_event_bodies(task_types=(task_type,), statuses=statuses)
    return bodies_.map(_decoded(vodsnap.ProcedureStateChanged)).flatmap(
        lambda event: st.sampled_from(event.data.tasks)
    )


def pull_event_responses() -> st.SearchStrategy[vodsnap.PullEventResponse]:
    """Decoded ``PullEventResponse`` models (old ``PullEvent``)."""
    return envelope_models(vodsnap.PullEventResponse)


def pull_events_responses() -> st.SearchStrategy[vodsnap.PullEventsResponse]:
    """Decoded ``PullEventsResponse`` models (API 3.0 ``PullEvents``)."""
    return envelope_models(vodsnap.PullEventsResponse)


def pulled_events() -> st.SearchStrategy[vodsnap.PulledEvent]:
    """Single ``PulledEvent`` models of every pull envelope."""
    responses: st.SearchStrategy[vodsnap.PullResponse] = pull_response_bodies().map(
        vodsnap.parse_pull
    )
    return responses.filter(lambda r: bool(r.events)).flatmap(lambda r: st.sampled_from(r.events))


def snapshot_views() -> st.SearchStrategy[vodsnap.Snapshot]:
    """Single ``Snapshot`` records, of every kind."""
    sources = bodies().map(vodsnap.parse) | procedure_events() | image_sprite_events()
    return sources.map(vodsnap.snapshots).filter(bool).flatmap(st.sampled_from)


def _decoded(model: type[T], *, pull: bool = False) -> Any:
    """A function decoding a body to ``model`` (and checking that it is one)."""

    def decode(body: dict[str, Any]) -> T:
        found = vodsnap.parse_pull(body) if pull else vodsnap.parse(body)
        assert isinstance(found, model), found
        return found

    return decode
