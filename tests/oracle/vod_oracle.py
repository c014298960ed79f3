"""Independent test oracle for Tencent Cloud VOD snapshot callbacks.

Written only from /work/shared/reference/*, /work/shared/seeds/*.md, the lead's
brief, and Tencent's public VOD event pages (examples copied to ./examples/).
Python 3.11 standard library only.

Two functions, both taking an already-parsed JSON value (as ``json.loads``
gives) and returning ``None`` when the oracle has no opinion:

* ``facts(body)``: canonical facts of one body (fast-snapshot callback, the
  CreateSnapshotByTimeOffsetComplete event in 4.0 and API 3.0 shape, or
  ``{"kind": "other_event", ...}`` for any other event).
* ``snapshots(body)``: every snapshot image (and every reported failure) in
  wire order, for single bodies and for pull responses.

Readings (where the documents are ambiguous; "no opinion" = return None)
-------------------------------------------------------------------------
R1  No opinion is the answer wherever a body deviates from the documented
    shapes in a way the rules do not settle; one bad part of a body (or of one
    event inside a pull response) makes the whole answer None.
R2  Fast callback: recognised as a dict with a "vid" key and no
    eventType/EventType. Required keys: vid, app_id, bucket_name,
    bucket_region, url, duration, width, height, create_time, finish_time,
    status, result and a deletion flag. error_code / error_msg may be absent
    (= null). result must be a list of strings (null: no opinion).
R3  Lenient integers (JSON integer or ASCII "-?[0-9]+", leading zeros allowed)
    apply to the fast callback only. In events, integers must be JSON integers
    (a decimal string there: no opinion); time offsets may be ints or finite
    floats. Booleans are never numbers. JSON floats for fast-callback ints:
    no opinion.
R4  Fast error_code: null -> None, JSON int -> its decimal text (facts) / the
    int (snapshots), string -> kept verbatim (no trimming, "" kept as "").
R5  Deletion flag: exactly "yes" / "no" (case-sensitive). If both "deleted"
    and "delete" are present they must agree, else no opinion.
R6  Times: "YYYY-MM-DD HH:MM:SS[.f+]" (no offset) is Beijing time (+08:00);
    "YYYY-MM-DDTHH:MM:SS[.f+](Z|+HH:MM|-HH:MM)" is converted to UTC. Uppercase
    'T'/'Z' only; a 'T' form without offset, a space form with offset, basic
    offsets (+0800), lowercase t/z, or impossible dates: no opinion.
    Fractions beyond 6 digits are accepted only if the extra digits are zeros
    (otherwise rounding vs. truncation is ambiguous: no opinion).
R7  4.0 events need version "4.0" or the number 4 (int 4 or float 4.0) when
    the oracle has something to say about them (snapshot event, procedure,
    sprite event); unknown event types give [] / other_event whatever the
    version. A body with both eventType and EventType: no opinion.
R8  Snapshot event pictures: url absent, null or "" means no url. A picture
    with status 0 and no url: no opinion. In facts() a failed picture keeps
    the url it was sent with (normally absent -> None); snapshots() always
    gives url None for failures. facts() time_offset must be integral (an
    integral float such as 1000.0 becomes 1000; a fractional one: no opinion).
R9  Snapshot event: data.status / data.message null = absent. picInfo null ->
    no pictures; picInfo absent -> no pictures only when data.status is
    non-zero, otherwise no opinion. definition absent/null: facts() has no
    opinion, snapshots() gives definition None. 3.0 SnapshotInfoSet
    null/absent -> no pictures. Extra 3.0 payload keys are ignored.
R10 Task-level failure of a snapshot event WITH pictures: the pictures are
    listed as they are (no extra entry); succeeded is False.
R11 Procedure tasks: the failure code is the task's errCode (4.0) or, in 3.0,
    ErrCode when it is a non-zero integer, else ErrCodeExt when it is a
    non-empty string. A FAIL task with no non-zero/non-empty code: no opinion.
R12 SnapshotByTimeOffset FAIL: offsets come only from input.timeOffset /
    Input.TimeOffsetSet (null/absent/empty -> one entry with time_offset
    None). 3.0 ExtTimeOffsetSet ("3.5s", "10%") is never used (per the brief's
    letter), even when TimeOffsetSet is empty.
R13 definition: input's and output's template id; if both are integers and
    differ, or either is present but not an integer/null: no opinion.
R14 SUCCESS tasks: 4.0 output must be an object and must carry its URL key
    (imgInfo / imageUrls / imageUrl / urlList or imageUrls); null -> no
    images. 3.0 Output must be an object (null on SUCCESS: no opinion) and
    must carry PicInfoSet / ImageUrlSet / CoverUrl (key present; null -> no
    images). If a sprite output has both urlList and imageUrls they must
    agree. Every URL must be a non-empty string (placeholders such as "..."
    in published examples are strings and are listed as sent).
R15 Task types: only SnapshotByTimeOffset, SampleSnapshot, CoverBySnapshot and
    ImageSprites are read; the commented-out older spelling "ImageSprite" is
    no opinion; every other task type gives nothing. Task status must be
    PROCESSING, SUCCESS or FAIL (anything else: no opinion).
R16 4.0 processTaskList absent: no opinion (null -> no tasks). 3.0 keys
    absent are treated as null (published 3.0 examples omit null keys), except
    the one payload object named by EventType / Type, which must be an object.
R17 CreateImageSpriteComplete: 4.0 data.status (3.0 ErrCode) must be an
    integer; 0 -> one SPRITE entry per sheet URL (imageSpriteUrl /
    ImageSpriteUrlSet must be present; null -> none); non-zero -> one entry
    with that code, url None, definition as sent or None.
R18 Fast callback snapshots: status 5 -> one entry per result URL; status 4 ->
    one entry (url None, error = error_code as sent) and result must be
    empty; any other status (e.g. 3, processing): no opinion.
R19 Pull responses: old form is a dict with an "eventList" key (null -> no
    events; items need an object "eventContent" that is an event); 3.0 form
    is {"Response": {"EventSet": ...}} or top-level {"EventSet": ...}. A
    Response without EventSet (e.g. an Error): no opinion. The pull-level
    code is not checked. facts() has no opinion on pull responses.
"""

from __future__ import annotations

import math
import re
from datetime import datetime, timedelta, timezone
from typing import Any, NoReturn, TypeGuard

__all__ = ["facts", "snapshots"]


class _NoOpinion(Exception):
    """Raised internally when a body is outside what the oracle decides."""


def _no() -> NoReturn:
    raise _NoOpinion


# ---------------------------------------------------------------- primitives

_INT_TEXT = re.compile(r"-?[0-9]+")


def _is_int(v: Any) -> TypeGuard[int]:
    return isinstance(v, int) and not isinstance(v, bool)


def _is_num(v: Any) -> TypeGuard[int | float]:
    return _is_int(v) or (isinstance(v, float) and math.isfinite(v))


def _lenient_int(v: Any) -> int:
    """Fast-callback integer: JSON int or ASCII decimal text (R3)."""
    if _is_int(v):
        return v
    if isinstance(v, str) and _INT_TEXT.fullmatch(v):
        try:
            return int(v)
        except ValueError:  # absurdly long digit strings
            _no()
    return _no()


def _int(v: Any) -> int:
    return v if _is_int(v) else _no()


def _opt_int(v: Any) -> int | None:
    return None if v is None else _int(v)


def _num(v: Any) -> int | float:
    return v if _is_num(v) else _no()


def _str(v: Any) -> str:
    return v if isinstance(v, str) else _no()


def _opt_str(v: Any) -> str | None:
    return None if v is None else _str(v)


def _dict(v: Any) -> dict[str, Any]:
    return v if isinstance(v, dict) else _no()


def _opt_dict(v: Any) -> dict[str, Any] | None:
    return None if v is None else _dict(v)


def _opt_list(v: Any) -> list[Any]:
    """A list, with null meaning the empty list."""
    if v is None:
        return []
    return v if isinstance(v, list) else _no()


def _url(v: Any) -> str:
    return v if isinstance(v, str) and v != "" else _no()


def _urls(v: Any) -> list[str]:
    return [_url(u) for u in _opt_list(v)]


def _id_text(v: Any) -> str:
    """A file id: a string as sent, or a JSON integer's decimal text."""
    if isinstance(v, str):
        return v
    if _is_int(v):
        return str(v)
    return _no()


def _opt_id_text(v: Any) -> str | None:
    return None if v is None else _id_text(v)


def _required(d: dict[str, Any], key: str) -> Any:
    return d[key] if key in d else _no()


# --------------------------------------------------------------------- times

_BEIJING = timezone(timedelta(hours=8))
_NAIVE = re.compile(
    r"([0-9]{4})-([0-9]{2})-([0-9]{2}) ([0-9]{2}):([0-9]{2}):([0-9]{2})(?:\.([0-9]+))?")
_ISO = re.compile(
    r"([0-9]{4})-([0-9]{2})-([0-9]{2})T([0-9]{2}):([0-9]{2}):([0-9]{2})(?:\.([0-9]+))?"
    r"(Z|[+-][0-9]{2}:[0-9]{2})")


def _utc_text(v: Any) -> str:
    """Convert a wire time to "YYYY-MM-DDTHH:MM:SS.ffffffZ" in UTC (R6)."""
    text = _str(v)
    m = _NAIVE.fullmatch(text)
    tz: timezone
    if m:
        tz = _BEIJING
    else:
        m = _ISO.fullmatch(text)
        if not m:
            _no()
        off = m.group(8)
        if off == "Z":
            tz = timezone.utc
        else:
            hh, mm = int(off[1:3]), int(off[4:6])
            if hh > 23 or mm > 59:
                _no()
            delta = timedelta(hours=hh, minutes=mm)
            tz = timezone(-delta if off[0] == "-" else delta)
    frac = m.group(7) or ""
    if len(frac) > 6 and set(frac[6:]) != {"0"}:
        _no()
    micro = int(frac[:6].ljust(6, "0"))
    y, mo, d, h, mi, s = (int(m.group(i)) for i in range(1, 7))
    try:
        dt = datetime(y, mo, d, h, mi, s, micro, tzinfo=tz).astimezone(timezone.utc)
    except (ValueError, OverflowError):
        return _no()
    return (f"{dt.year:04d}-{dt.month:02d}-{dt.day:02d}T{dt.hour:02d}:{dt.minute:02d}:"
            f"{dt.second:02d}.{dt.microsecond:06d}Z")


# ------------------------------------------------------- fast-snapshot (A)

def _is_fast(body: Any) -> bool:
    return (isinstance(body, dict) and "vid" in body
            and "eventType" not in body and "EventType" not in body)


def _deleted(body: dict[str, Any]) -> bool:
    values = [body[k] for k in ("deleted", "delete") if k in body]
    flags = set()
    for v in values:
        if v == "yes":
            flags.add(True)
        elif v == "no":
            flags.add(False)
        else:
            _no()
    return flags.pop() if len(flags) == 1 else _no()


def _fast_facts(body: dict[str, Any]) -> dict[str, Any]:
    code = body.get("error_code")
    if code is None or isinstance(code, str):
        error_code = code
    elif _is_int(code):
        error_code = str(code)
    else:
        error_code = _no()
    result = _required(body, "result")
    if not isinstance(result, list) or not all(isinstance(u, str) for u in result):
        _no()
    return {
        "kind": "fast",
        "vid": _str(_required(body, "vid")),
        "app_id": _lenient_int(_required(body, "app_id")),
        "bucket_name": _str(_required(body, "bucket_name")),
        "bucket_region": _str(_required(body, "bucket_region")),
        "url": _str(_required(body, "url")),
        "duration": _lenient_int(_required(body, "duration")),
        "width": _lenient_int(_required(body, "width")),
        "height": _lenient_int(_required(body, "height")),
        "create_time": _utc_text(_required(body, "create_time")),
        "finish_time": _utc_text(_required(body, "finish_time")),
        "status": _lenient_int(_required(body, "status")),
        "result": list(result),
        "error_code": error_code,
        "error_msg": _opt_str(body.get("error_msg")),
        "deleted": _deleted(body),
    }


def _entry(kind: str, file_id: str | None, definition: int | None,
           time_offset: int | float | None, url: str | None, error: Any) -> dict[str, Any]:
    return {"kind": kind, "file_id": file_id, "definition": definition,
            "time_offset": time_offset, "url": url, "error": error}


def _fast_snapshots(body: dict[str, Any]) -> list[dict[str, Any]]:
    f = _fast_facts(body)
    if f["status"] == 5:
        return [_entry("FAST", None, None, None, _url(u), None) for u in f["result"]]
    if f["status"] == 4 and not f["result"]:
        return [_entry("FAST", None, None, None, None, body.get("error_code"))]
    return _no()


# ------------------------------------------------------------ event helpers

def _event_type(body: Any) -> tuple[str, int] | None:
    """(event type, 4 or 3) for an event body, None if not an event."""
    if not isinstance(body, dict):
        return None
    has4, has3 = "eventType" in body, "EventType" in body
    if has4 and has3:
        _no()
    if has4:
        return _str(body["eventType"]), 4
    if has3:
        return _str(body["EventType"]), 3
    return None


def _check_v4(body: dict[str, Any]) -> None:
    v = body.get("version")
    if v == "4.0" or (_is_num(v) and v == 4):
        return
    _no()


def _payload3(body: dict[str, Any], key: str) -> dict[str, Any]:
    return _dict(body.get(key))


# ------------------------------------------ CreateSnapshotByTimeOffsetComplete

def _picture(p: Any, status_key: str, offset_key: str, url_key: str) -> dict[str, Any]:
    p = _dict(p)
    status = _int(_required(p, status_key))
    offset = _num(_required(p, offset_key))
    url = p.get(url_key)
    if url == "":
        url = None
    url = _opt_str(url)
    if status == 0 and url is None:
        _no()
    return {"time_offset": offset, "status": status, "url": url}


def _snapshot_event(body: dict[str, Any], shape: int) -> dict[str, Any]:
    """Shape-independent view of the snapshot event (raw time offsets)."""
    if shape == 4:
        _check_v4(body)
        data = _dict(body.get("data"))
        task_status = _opt_int(data.get("status"))
        if "picInfo" not in data and not task_status:
            _no()
        return {
            "task_id": _str(_required(data, "vodTaskId")),
            "file_id": _id_text(_required(data, "fileId")),
            "definition": _opt_int(data.get("definition")),
            "task_status": task_status,
            "task_message": _opt_str(data.get("message")),
            "pictures": [_picture(p, "status", "timeOffset", "url")
                         for p in _opt_list(data.get("picInfo"))],
        }
    ev = _payload3(body, "SnapshotByTimeOffsetCompleteEvent")
    return {
        "task_id": _str(_required(ev, "TaskId")),
        "file_id": _id_text(_required(ev, "FileId")),
        "definition": _opt_int(ev.get("Definition")),
        "task_status": None,
        "task_message": None,
        "pictures": [_picture(p, "ErrCode", "TimeOffset", "Url")
                     for p in _opt_list(ev.get("SnapshotInfoSet"))],
    }


def _integral(v: int | float) -> int:
    if _is_int(v):
        return v
    return int(v) if float(v).is_integer() else _no()


def _snapshot_event_facts(body: dict[str, Any], shape: int) -> dict[str, Any]:
    ev = _snapshot_event(body, shape)
    if ev["definition"] is None:
        _no()
    pictures = [{"time_offset": _integral(p["time_offset"]), "status": p["status"],
                 "url": p["url"]} for p in ev["pictures"]]
    failed = (ev["task_status"] not in (None, 0)
              or any(p["status"] != 0 for p in pictures))
    return {"kind": "snapshot_event", "task_id": ev["task_id"], "file_id": ev["file_id"],
            "definition": ev["definition"], "task_status": ev["task_status"],
            "task_message": ev["task_message"], "pictures": pictures,
            "succeeded": not failed}


def _snapshot_event_snapshots(body: dict[str, Any], shape: int) -> list[dict[str, Any]]:
    ev = _snapshot_event(body, shape)
    fid, dfn = ev["file_id"], ev["definition"]
    out = [_entry("TIME_OFFSET", fid, dfn, p["time_offset"],
                  p["url"] if p["status"] == 0 else None,
                  None if p["status"] == 0 else p["status"])
           for p in ev["pictures"]]
    if ev["task_status"] not in (None, 0) and not ev["pictures"]:
        out.append(_entry("TIME_OFFSET", fid, dfn, None, None, ev["task_status"]))
    return out


# ------------------------------------------------------ ProcedureStateChanged

_KIND4 = {"SnapshotByTimeOffset": "TIME_OFFSET", "SampleSnapshot": "SAMPLE",
          "CoverBySnapshot": "COVER", "ImageSprites": "SPRITE"}
_KIND3 = {"SnapshotByTimeOffset": ("SnapshotByTimeOffsetTask", "TIME_OFFSET"),
          "SampleSnapshot": ("SampleSnapshotTask", "SAMPLE"),
          "CoverBySnapshot": ("CoverBySnapshotTask", "COVER"),
          "ImageSprites": ("ImageSpriteTask", "SPRITE")}
_TASK_STATUSES = ("PROCESSING", "SUCCESS", "FAIL")


def _definition(inp: dict[str, Any] | None, out: dict[str, Any] | None, key: str) -> int | None:
    """Template id from input or output, whichever is sent (R13)."""
    found = [_opt_int(part.get(key)) for part in (inp, out) if part is not None]
    values = {v for v in found if v is not None}
    if len(values) > 1:
        _no()
    return values.pop() if values else None


def _task_entries(kind: str, status: str, error: Any, file_id: str | None,
                  definition: int | None, requested: list[Any], images: Any) -> list[dict[str, Any]]:
    """Entries of one snapshot-family task; `images` is a thunk (SUCCESS only)."""
    if status == "PROCESSING":
        return []
    if status == "FAIL":
        offsets: list[int | float | None] = [_num(t) for t in requested] if kind == "TIME_OFFSET" else []
        return [_entry(kind, file_id, definition, t, None, error)
                for t in (offsets or [None])]
    return [_entry(kind, file_id, definition, t, u, None) for t, u in images()]


def _procedure4(body: dict[str, Any]) -> list[dict[str, Any]]:
    _check_v4(body)
    data = _dict(body.get("data"))
    file_id = _opt_id_text(data.get("fileId"))
    out: list[dict[str, Any]] = []
    for task in _opt_list(_required(data, "processTaskList")):
        task = _dict(task)
        task_type = _str(_required(task, "taskType"))
        if task_type == "ImageSprite":
            _no()
        kind = _KIND4.get(task_type)
        if kind is None:
            continue
        status = _required(task, "status")
        if status not in _TASK_STATUSES:
            _no()
        inp, outp = _opt_dict(task.get("input")), _opt_dict(task.get("output"))
        definition = _definition(inp, outp, "definition")
        error = None
        if status == "FAIL":
            error = _int(_required(task, "errCode"))
            if error == 0:
                _no()
        requested = (_opt_list(inp.get("timeOffset"))
                     if kind == "TIME_OFFSET" and inp is not None else [])

        def images(kind: str = kind, outp: dict[str, Any] | None = outp) -> list[tuple[Any, ...]]:
            o = _dict(outp)
            if kind == "TIME_OFFSET":
                return [(_num(_required(_dict(i), "timeOffset")),
                         _url(_required(i, "url")))
                        for i in _opt_list(_required(o, "imgInfo"))]
            if kind == "SAMPLE":
                return [(None, u) for u in _urls(_required(o, "imageUrls"))]
            if kind == "COVER":
                cover = _required(o, "imageUrl")
                urls = [_url(cover)] if isinstance(cover, str) else _urls(cover)
                return [(None, u) for u in urls]
            lists = [_urls(o[k]) for k in ("urlList", "imageUrls") if k in o]
            if not lists or any(x != lists[0] for x in lists):
                _no()
            return [(None, u) for u in lists[0]]

        out += _task_entries(kind, status, error, file_id, definition, requested, images)
    return out


def _error3(task: dict[str, Any]) -> Any:
    code = task.get("ErrCode")
    if code is not None and _int(code) != 0:
        return code
    ext = _opt_str(task.get("ErrCodeExt"))
    return ext if ext else _no()


def _procedure3(body: dict[str, Any]) -> list[dict[str, Any]]:
    ev = _payload3(body, "ProcedureStateChangeEvent")
    file_id = _opt_id_text(ev.get("FileId"))
    out: list[dict[str, Any]] = []
    for result in _opt_list(ev.get("MediaProcessResultSet")):
        result = _dict(result)
        spec = _KIND3.get(_str(_required(result, "Type")))
        if spec is None:
            continue
        key, kind = spec
        task = _dict(result.get(key))
        status = _required(task, "Status")
        if status not in _TASK_STATUSES:
            _no()
        inp, outp = _opt_dict(task.get("Input")), _opt_dict(task.get("Output"))
        definition = _definition(inp, outp, "Definition")
        error = _error3(task) if status == "FAIL" else None
        requested = (_opt_list(inp.get("TimeOffsetSet"))
                     if kind == "TIME_OFFSET" and inp is not None else [])

        def images(kind: str = kind, outp: dict[str, Any] | None = outp) -> list[tuple[Any, ...]]:
            o = _dict(outp)
            if kind == "TIME_OFFSET":
                return [(_num(_required(_dict(p), "TimeOffset")),
                         _url(_required(p, "Url")))
                        for p in _opt_list(_required(o, "PicInfoSet"))]
            if kind == "COVER":
                cover = _required(o, "CoverUrl")
                urls = [_url(cover)] if isinstance(cover, str) else _urls(cover)
                return [(None, u) for u in urls]
            return [(None, u) for u in _urls(_required(o, "ImageUrlSet"))]

        out += _task_entries(kind, status, error, file_id, definition, requested, images)
    return out


# -------------------------------------------------- CreateImageSpriteComplete

def _sprite_event(body: dict[str, Any], shape: int) -> list[dict[str, Any]]:
    if shape == 4:
        _check_v4(body)
        d = _dict(body.get("data"))
        code, urls_key = _int(_required(d, "status")), "imageSpriteUrl"
        file_id, definition = _opt_id_text(d.get("fileId")), _opt_int(d.get("definition"))
    else:
        d = _payload3(body, "CreateImageSpriteCompleteEvent")
        code, urls_key = _int(_required(d, "ErrCode")), "ImageSpriteUrlSet"
        file_id, definition = _opt_id_text(d.get("FileId")), _opt_int(d.get("Definition"))
    if code != 0:
        return [_entry("SPRITE", file_id, definition, None, None, code)]
    return [_entry("SPRITE", file_id, definition, None, u, None)
            for u in _urls(_required(d, urls_key))]


# ------------------------------------------------------------ dispatching

def _event_snapshots(body: Any) -> list[dict[str, Any]]:
    et = _event_type(body)
    if et is None:
        _no()
    event_type, shape = et
    if event_type == "CreateSnapshotByTimeOffsetComplete":
        return _snapshot_event_snapshots(body, shape)
    if event_type == "ProcedureStateChanged":
        return _procedure4(body) if shape == 4 else _procedure3(body)
    if event_type == "CreateImageSpriteComplete":
        return _sprite_event(body, shape)
    return []


def _pull_events(body: dict[str, Any]) -> list[Any] | None:
    """The events of a pull response, or None if `body` is not one (R19)."""
    if "eventList" in body:
        return [_dict(_required(_dict(item), "eventContent"))
                for item in _opt_list(body["eventList"])]
    if "Response" in body:
        return _opt_list(_required(_dict(body["Response"]), "EventSet"))
    if "EventSet" in body:
        return _opt_list(body["EventSet"])
    return None


def facts(body: Any) -> dict[str, Any] | None:
    """Canonical facts of one callback body, or None for "no opinion"."""
    try:
        et = _event_type(body)
        if et is not None:
            event_type, shape = et
            if event_type == "CreateSnapshotByTimeOffsetComplete":
                return _snapshot_event_facts(body, shape)
            return {"kind": "other_event", "event_type": event_type}
        if _is_fast(body):
            return _fast_facts(body)
        return None
    except _NoOpinion:
        return None


def snapshots(body: Any) -> list[dict[str, Any]] | None:
    """Every snapshot image / failure the body reports, in wire order, or None."""
    try:
        if not isinstance(body, dict):
            return None
        if _event_type(body) is not None:
            return _event_snapshots(body)
        events = _pull_events(body)
        if events is not None:
            out: list[dict[str, Any]] = []
            for event in events:
                out += _event_snapshots(event)
            return out
        if _is_fast(body):
            return _fast_snapshots(body)
        return None
    except _NoOpinion:
        return None
