"""Independent test oracle for Cloud Live (CSS) and MPS snapshot notifications.

Written only from /work/shared/reference/live-and-mps-snapshots.md, the example
bodies in /work/shared/reference/bodies/ (copied to tests/data/published/), the
conventions of tencent-vod-callbacks.md (time offsets in milliseconds) and the
lead's brief. Python 3.11 standard library only.

Three functions, each taking an already-parsed JSON value (as ``json.loads``
gives) and returning ``None`` when the oracle has no opinion:

* ``facts(body)``: canonical facts of one CSS callback (``event_type`` 200,
  317, or ``{"kind": "other_live_event", "event_type": n}``) or one MPS
  notification (``EventType`` ``WorkflowTask`` / ``ScheduleTask``).
* ``snapshots(body)``: every image the body carries (and every failed snapshot
  task), in wire order.
* ``signature_ok(body, key, now)``: whether the body's signature holds.

Canonical keys are the snake_case of the wire names. Kinds of facts:
``live_screenshot`` (200), ``live_image_moderation`` (317),
``other_live_event``, ``mps_task`` (with ``event_type`` the EventType text).

Readings (quoted sentences are from live-and-mps-snapshots.md)
---------------------------------------------------------------
R1  A body that deviates from the documented shape in a way the reference does
    not settle gets no opinion as a whole: a wrong JSON type (a decimal string
    or a float for an Integer, a bool anywhere a number is meant), a documented
    key missing that the reference does not say may be absent, a null where
    the reference does not say "may be null". "Unknown keys appear": keys the
    reference does not name are ignored.
R2  A CSS body is a dict with a JSON-integer ``event_type`` ("an integer
    event_type"); an MPS body has a string ``EventType``. Both keys: no
    opinion. "Other event types must not be errors": any other integer is
    ``other_live_event`` with no images. MPS EditMediaTask / BatchTask /
    ExtractBlindWatermark: "Only the first two carry snapshots" -> [] from
    snapshots(), no opinion from facts() (the brief asks facts of the two).
    Any other EventType (e.g. a VOD API 3.0 event): no opinion.
R3  200: ``app``, ``appname``, ``stream_param`` ("absent in the oldest sample")
    and ``task_id`` ("absent in every sample") may be absent (-> None); every
    other key of the table is required. ``t``/``sign`` may be absent ("Some
    samples carry no sign/t at all"). Strings are kept as sent, untrimmed
    ("one old sample has a leading space: keep text as sent").
R4  200: ``pic_url`` must start with "/" ("the object's path in the COS
    bucket (starts with /)") and ``pic_full_url`` with http:// or https://
    ("the full download URL (http or https)"); otherwise no opinion.
    ``file_size``, ``width``, ``height`` must be non-negative.
R5  Unix-seconds times (200 ``create_time``; 317 ``screenshotTime``,
    ``sendTime``) become ``datetime.fromtimestamp(v, timezone.utc).isoformat()``
    ("Unix time in seconds"); negative values: no opinion. ``t`` and MPS
    ``Timestamp`` stay integers (they are expiries, used by signature_ok).
R6  317: every field may be absent (-> None): "The page was revised" and "The
    older sample ... has no score, suggestion or label, and no sign/t". Types
    are checked for the current fields as the reference types them;
    ``labelResults``/``objectResults``/``ocrResults`` "may be null" (-> None);
    ``suggestion`` must be Block, Review or Pass. The older fields (``tid``,
    ``abductionRisk``, ... ``level``) are untyped in the reference and are
    copied as sent. facts() works even without ``img``.
R7  A 317 body carrying ``stream_id``/``channel_id``, or a 200 body carrying
    ``streamId``/``channelId``, is no opinion (which spelling wins is not
    settled).
R8  Live images: 200 -> one LIVE entry, url = ``pic_full_url``, stream_id =
    ``stream_id``; 317 -> one MODERATION entry, url = ``img`` (must be a
    non-empty string, else no opinion), stream_id = ``streamId`` (absent ->
    None). time_offset, definition, error and storage are None (the body names
    no bucket, and "pic_url" is only a path).
R9  MPS facts: ``TaskId`` str, ``Status`` PROCESSING/FINISH ("Status
    (PROCESSING / FINISH)"), ``ErrCode`` int and ``Message`` str are required;
    ``SessionId``, ``SessionContext`` (str), ``Timestamp`` (int) and ``Sign``
    (str) may be absent ("The SCF sample carries neither").
R10 MPS snapshots: ``MediaProcessResultSet`` / ``ActivityResultSet`` null ->
    no tasks; absent -> no opinion. Entry ``Type``/``ActivityType``
    SnapshotByTimeOffset, SampleSnapshot, ImageSprites name the task key that
    must be a non-null object ("one non-null task key ... the others null");
    any other type (Transcode, CoverBySnapshot, AnimatedGraphics, ...) gives
    nothing, and a non-null snapshot task key under another type, or under a
    snapshot type that names a different key, is no opinion.
R11 A non-zero event-level ``ErrCode`` ("non-zero only when the source
    failed") is no opinion in snapshots() (whether the whole event is a
    failure entry is not settled).
R12 Task ``Status`` PROCESSING gives nothing ("Output (null until it
    succeeds"). SUCCESS needs an object ``Output`` and ``ErrCode`` 0/absent and
    ``ErrCodeExt`` ""/absent. FAIL gives failures whose error is the task's
    code: ``ErrCodeExt`` when it is a non-empty string ("ErrCodeExt String
    (empty = success)"), ``ErrCode`` when it is a non-zero integer ("ErrCode
    Integer (0 = success; older)"); both set, or neither: no opinion. A FAIL
    task's Output must be null/absent ("null ... on failure").
R13 Failure entries: url, time_offset, stream_id and storage None. A FAIL
    SampleSnapshot / ImageSprites task gives one entry. A FAIL
    SnapshotByTimeOffset task gives one entry when its input names no offset
    (``TimeOffsetSet`` and ``ExtTimeOffsetSet`` empty/null/absent); when it
    names offsets, one entry per offset or per task is not settled: no opinion.
R14 definition = ``Input.Definition`` ("prefer the input's"). If the input
    (or its Definition) is absent/null: ``Output.Definition`` when non-zero;
    0 there is no opinion ("the sample sends 0 here while the input says
    10"); neither present -> None.
R15 Storage: ``Output.Storage``; absent/null -> ``Input.OutputStorage`` ("When
    the output names no storage, it is the task input's OutputStorage"). An
    Output carrying ``OutputStorage`` instead: no opinion. COS needs
    ``CosOutputStorage`` {Bucket, Region}, AWS-S3 ``S3OutputStorage``
    {S3Bucket, S3Region}. The input's storage absent/null or lacking these ->
    url None and storage None ("then where the image is stored is unknown from
    the body alone"). Output.Storage present but incomplete: no opinion
    (merge with the input's or unknown: not settled). Type VOD or other: no
    opinion (the reference gives VODOutputStorage no fields).
    storage = {"type": "COS"|"AWS-S3", "bucket", "region", "path"}.
R16 URL = "https://{Bucket}.cos.{Region}.myqcloud.com{Path}" or
    "https://{S3Bucket}.s3.{S3Region}.amazonaws.com{Path}", plain text
    concatenation. Path must be a string starting with "/" ("Path starts with
    /"); a Path needing percent-encoding (non-ASCII, space, %, ?, #, ...) or
    a Bucket/Region with characters that cannot be in a host name label
    ("/", ":", "@", whitespace, ...) is no opinion. "*" is allowed (the
    published sample masks its bucket as gztest-125****654).
R17 TIME_OFFSET: one entry per ``PicInfoSet`` item (null -> none, absent ->
    no opinion); time_offset = TimeOffset seconds * 1000 ("in seconds (VOD's
    is in milliseconds)"), computed in decimal on the number as sent; a result
    that is not a whole number of milliseconds (rounding unsettled) or a
    negative one: no opinion.
R18 SAMPLE / SPRITE: one entry per ``ImagePathSet`` string (null -> none,
    absent -> no opinion), time_offset None (the reference gives no rule to
    derive offsets from SampleType/Interval). ``WebVttPath`` is not an image.
    MPS entries have stream_id None.
R19 CSS signature: ``t`` int and ``sign`` str must be present (absent: no
    opinion); ok iff ``sign`` equals MD5(key + decimal text of t) in hex,
    compared case-insensitively, and t is not past now (t >= now; "a receiver
    rejects a notification whose t has passed").
R20 MPS signature (all five EventTypes): ``Timestamp`` int and ``Sign`` str;
    ok iff ``Sign`` is MD5(Timestamp + key) or MD5(key + Timestamp) ("Accept
    either order") and Timestamp is not past now ("the expiry of the
    signature"). key must be a non-empty ASCII string; now is Unix seconds
    (int/float) or an aware datetime; anything else: no opinion.
"""

from __future__ import annotations

import hashlib
import math
import re
from datetime import datetime, timezone
from decimal import Decimal, InvalidOperation
from typing import Any, NoReturn, TypeGuard


class _NoOpinion(Exception):
    """Raised wherever the reference does not settle the reading (R1)."""


_MISSING = object()
_MPS_SNAPSHOT_EVENTS = {"WorkflowTask": "WorkflowTaskEvent",
                        "ScheduleTask": "ScheduleTaskEvent"}
_MPS_OTHER_EVENTS = {"EditMediaTask", "BatchTask", "ExtractBlindWatermark"}
# Type / ActivityType -> (task key, entry kind)
_SNAPSHOT_TASKS = {
    "SnapshotByTimeOffset": ("SnapshotByTimeOffsetTask", "TIME_OFFSET"),
    "SampleSnapshot": ("SampleSnapshotTask", "SAMPLE"),
    "ImageSprites": ("ImageSpriteTask", "SPRITE"),
}
_TASK_KEYS = {key for key, _ in _SNAPSHOT_TASKS.values()}
_PATH_RE = re.compile(r"/[A-Za-z0-9\-._~!$&'()*+,;=:@/]*")
_HOST_PART_RE = re.compile(r"[A-Za-z0-9\-._*]+")
_HTTP_RE = re.compile(r"https?://", re.IGNORECASE)


def _no() -> NoReturn:
    raise _NoOpinion


# ---------------------------------------------------------------- type helpers

def _is_int(v: Any) -> TypeGuard[int]:
    return isinstance(v, int) and not isinstance(v, bool)


def _int(v: Any) -> int:
    return v if _is_int(v) else _no()


def _nonneg(v: Any) -> int:
    return v if _is_int(v) and v >= 0 else _no()


def _str(v: Any) -> str:
    return v if isinstance(v, str) else _no()


def _dict(v: Any) -> dict[str, Any]:
    return v if isinstance(v, dict) else _no()


def _get(d: dict[str, Any], key: str, check: Any, optional: bool = False,
         nullable: bool = False) -> Any:
    """d[key] checked by `check`; absent -> None if optional, null -> None if
    nullable, otherwise no opinion (R1)."""
    v = d.get(key, _MISSING)
    if v is _MISSING:
        return None if optional else _no()
    if v is None:
        return None if nullable else _no()
    return check(v)


def _opt(d: dict[str, Any], key: str, check: Any) -> Any:
    return _get(d, key, check, optional=True)


def _list(v: Any) -> list[Any]:
    return v if isinstance(v, list) else _no()


def _int_list(v: Any) -> list[int]:
    return [_int(x) for x in v] if isinstance(v, list) else _no()


def _dict_list(v: Any) -> list[dict[str, Any]]:
    return [_dict(x) for x in v] if isinstance(v, list) else _no()


def _iso(v: Any) -> str:
    """Unix seconds -> aware UTC ISO text (R5)."""
    v = _nonneg(v)
    try:
        return datetime.fromtimestamp(v, timezone.utc).isoformat()
    except (OverflowError, OSError, ValueError):
        return _no()


def _opt_iso(d: dict[str, Any], key: str, optional: bool = True) -> str | None:
    v = _get(d, key, _nonneg, optional=optional)
    return None if v is None else _iso(v)


# ------------------------------------------------------------------------- CSS

def _kind_of(body: Any) -> str | None:
    """"css", "mps" or None (not a body this oracle reads) (R2)."""
    if not isinstance(body, dict):
        return None
    has_css, has_mps = "event_type" in body, "EventType" in body
    if has_css and has_mps:
        return None
    if has_css:
        return "css" if _is_int(body["event_type"]) else None
    if has_mps and isinstance(body["EventType"], str):
        name = body["EventType"]
        if name in _MPS_SNAPSHOT_EVENTS or name in _MPS_OTHER_EVENTS:
            return "mps"
    return None


def _screenshot_facts(body: dict[str, Any]) -> dict[str, Any]:
    if "streamId" in body or "channelId" in body:
        _no()  # R7
    pic_url = _get(body, "pic_url", _str)
    pic_full_url = _get(body, "pic_full_url", _str)
    if not pic_url.startswith("/") or not _HTTP_RE.match(pic_full_url):
        _no()  # R4
    return {
        "kind": "live_screenshot",
        "event_type": 200,
        "stream_id": _get(body, "stream_id", _str),
        "channel_id": _get(body, "channel_id", _str),
        "app": _opt(body, "app", _str),
        "appname": _opt(body, "appname", _str),
        "stream_param": _opt(body, "stream_param", _str),
        "task_id": _opt(body, "task_id", _str),
        "create_time": _opt_iso(body, "create_time", optional=False),
        "file_size": _get(body, "file_size", _nonneg),
        "width": _get(body, "width", _nonneg),
        "height": _get(body, "height", _nonneg),
        "pic_url": pic_url,
        "pic_full_url": pic_full_url,
        "t": _opt(body, "t", _int),
        "sign": _opt(body, "sign", _str),
    }


_MODERATION_LEGACY = (
    "tid", "abductionRisk", "confidence", "normalScore", "hotScore",
    "pornScore", "terrorScore", "polityScore", "illegalScore", "similarScore",
    "abuseScore", "teenagerScore", "adScore", "customScore", "level",
)


def _snake(name: str) -> str:
    return re.sub(r"(?<!^)([A-Z])", r"_\1", name).lower()


def _suggestion(v: object) -> str:
    return v if v in ("Block", "Review", "Pass") else _no()


def _moderation_facts(body: dict[str, Any]) -> dict[str, Any]:
    if "stream_id" in body or "channel_id" in body:
        _no()  # R7
    out: dict[str, Any] = {
        "kind": "live_image_moderation",
        "event_type": 317,
        "stream_id": _opt(body, "streamId", _str),
        "channel_id": _opt(body, "channelId", _str),
        "img": _opt(body, "img", _str),
        "type": _opt(body, "type", _int_list),
        "score": _opt(body, "score", _int_list),
        "suggestion": _opt(body, "suggestion", _suggestion),
        "label": _opt(body, "label", _str),
        "sub_label": _opt(body, "subLabel", _str),
        "ocr_msg": _opt(body, "ocrMsg", _str),
        "screenshot_time": _opt_iso(body, "screenshotTime"),
        "send_time": _opt_iso(body, "sendTime"),
        "stream_param": _opt(body, "stream_param", _str),
        "app": _opt(body, "app", _str),
        "appname": _opt(body, "appname", _str),
        "appid": _opt(body, "appid", _int),
        "t": _opt(body, "t", _int),
        "sign": _opt(body, "sign", _str),
    }
    for key in ("labelResults", "objectResults", "ocrResults"):
        out[_snake(key)] = _get(body, key, _dict_list, optional=True,
                                nullable=True)
    for key in _MODERATION_LEGACY:  # R6: untyped, copied as sent
        out[_snake(key)] = body.get(key)
    return out


def _css_facts(body: dict[str, Any]) -> dict[str, Any]:
    event_type = body["event_type"]
    if event_type == 200:
        return _screenshot_facts(body)
    if event_type == 317:
        return _moderation_facts(body)
    return {"kind": "other_live_event", "event_type": event_type}


def _live_entry(kind: str, url: str, stream_id: str | None) -> dict[str, Any]:
    return {"kind": kind, "url": url, "time_offset": None, "definition": None,
            "stream_id": stream_id, "error": None, "storage": None}


def _css_snapshots(body: dict[str, Any]) -> list[dict[str, Any]]:
    f = _css_facts(body)
    if f["kind"] == "live_screenshot":
        return [_live_entry("LIVE", f["pic_full_url"], f["stream_id"])]
    if f["kind"] == "live_image_moderation":
        if not f["img"]:
            _no()  # R8
        return [_live_entry("MODERATION", f["img"], f["stream_id"])]
    return []


# ------------------------------------------------------------------------- MPS

def _payload(body: dict[str, Any]) -> dict[str, Any]:
    payload: dict[str, Any] = _get(body, _MPS_SNAPSHOT_EVENTS[body["EventType"]], _dict)
    return payload


def _mps_status(v: object) -> str:
    return v if v in ("PROCESSING", "FINISH") else _no()


def _mps_facts(body: dict[str, Any]) -> dict[str, Any]:
    if body["EventType"] not in _MPS_SNAPSHOT_EVENTS:
        _no()  # R2
    event = _payload(body)
    return {
        "kind": "mps_task",
        "event_type": body["EventType"],
        "task_id": _get(event, "TaskId", _str),
        "status": _get(event, "Status", _mps_status),
        "err_code": _get(event, "ErrCode", _int),
        "message": _get(event, "Message", _str),
        "session_id": _opt(body, "SessionId", _str),
        "session_context": _opt(body, "SessionContext", _str),
        "timestamp": _opt(body, "Timestamp", _int),
        "sign": _opt(body, "Sign", _str),
    }


def _host_part(v: object) -> str:
    v = _str(v)
    return v if _HOST_PART_RE.fullmatch(v) else _no()


def _storage(raw: Any, from_output: bool) -> tuple[str, str, str] | None:
    """(type, bucket, region), or None when the body does not say (R15)."""
    if raw is None:
        return None
    raw = _dict(raw)
    kind = _get(raw, "Type", _str)
    if kind == "COS":
        sub_key, bucket_key, region_key = "CosOutputStorage", "Bucket", "Region"
    elif kind == "AWS-S3":
        sub_key, bucket_key, region_key = "S3OutputStorage", "S3Bucket", "S3Region"
    else:
        return _no()
    sub = raw.get(sub_key)
    if sub is not None:
        sub = _dict(sub)
        bucket, region = sub.get(bucket_key), sub.get(region_key)
        if bucket not in (None, "") and region not in (None, ""):
            return kind, _host_part(bucket), _host_part(region)
    return _no() if from_output else None


def _location(task: dict[str, Any], output: dict[str, Any]) -> tuple[str, str, str] | None:
    if output.get("OutputStorage") is not None:
        _no()  # R15
    if output.get("Storage") is not None:
        return _storage(output["Storage"], from_output=True)
    inp = task.get("Input")
    if inp is None:
        return None
    return _storage(_dict(inp).get("OutputStorage"), from_output=False)


def _image(kind: str, path: Any, location: tuple[str, str, str] | None,
           definition: int | None, time_offset: int | None) -> dict[str, Any]:
    path = _str(path)
    if not _PATH_RE.fullmatch(path):
        _no()  # R16
    url = storage = None
    if location is not None:
        stype, bucket, region = location
        host = (f"{bucket}.cos.{region}.myqcloud.com" if stype == "COS"
                else f"{bucket}.s3.{region}.amazonaws.com")
        url = f"https://{host}{path}"
        storage = {"type": stype, "bucket": bucket, "region": region,
                   "path": path}
    return {"kind": kind, "url": url, "time_offset": time_offset,
            "definition": definition, "stream_id": None, "error": None,
            "storage": storage}


def _millis(v: Any) -> int:
    """Seconds as sent -> whole milliseconds (R17)."""
    if not (_is_int(v) or isinstance(v, float)) or not math.isfinite(v):
        _no()
    try:
        ms = Decimal(repr(v)) * 1000
    except InvalidOperation:
        return _no()
    if ms < 0 or ms != ms.to_integral_value():
        _no()
    return int(ms)


def _definition(task: dict[str, Any], output: dict[str, Any] | None) -> int | None:
    inp = task.get("Input")
    if inp is not None and _dict(inp).get("Definition") is not None:
        return _int(inp["Definition"])
    if output is not None and output.get("Definition") is not None:
        d = _int(output["Definition"])
        return d if d != 0 else _no()  # R14
    return None


def _task_error(task: dict[str, Any]) -> int | str:
    ext = _get(task, "ErrCodeExt", _str, optional=True, nullable=True)
    code = _get(task, "ErrCode", _int, optional=True, nullable=True)
    ext_set, code_set = bool(ext), code not in (None, 0)
    if ext_set == code_set:
        _no()  # R12
    error: int | str = ext if ext_set else code
    return error


def _empty(v: Any) -> bool:
    return v is None or (isinstance(v, list) and not v)


def _task_entries(kind: str, task: dict[str, Any]) -> list[dict[str, Any]]:
    status = _get(task, "Status", _str)
    if status == "PROCESSING":
        return []
    output = task.get("Output")
    if status == "FAIL":
        if output is not None:
            _no()
        error = _task_error(task)
        if kind == "TIME_OFFSET":
            inp = _dict(task["Input"]) if task.get("Input") is not None else {}
            if not (_empty(inp.get("TimeOffsetSet"))
                    and _empty(inp.get("ExtTimeOffsetSet"))):
                _no()  # R13
        return [{"kind": kind, "url": None, "time_offset": None,
                 "definition": _definition(task, None), "stream_id": None,
                 "error": error, "storage": None}]
    if status != "SUCCESS":
        _no()
    if _get(task, "ErrCode", _int, optional=True, nullable=True) not in (None, 0):
        _no()
    if _get(task, "ErrCodeExt", _str, optional=True, nullable=True):
        _no()
    output = _dict(output)
    definition = _definition(task, output)
    location = _location(task, output)
    if kind == "TIME_OFFSET":
        pics = _get(output, "PicInfoSet", _dict_list, nullable=True) or []
        return [_image(kind, _get(p, "Path", _str), location, definition,
                       _millis(_get(p, "TimeOffset", lambda v: v)))
                for p in pics]
    paths = _get(output, "ImagePathSet", _list, nullable=True) or []
    return [_image(kind, p, location, definition, None) for p in paths]


def _result_entries(item: dict[str, Any], type_key: str, holder: dict[str, Any]) -> list[dict[str, Any]]:
    """Entries of one MediaProcessResultSet / ActivityResultSet item (R10)."""
    rtype = _get(item, type_key, _str)
    wanted = _SNAPSHOT_TASKS.get(rtype)
    for key in _TASK_KEYS:
        if holder.get(key) is not None and (wanted is None or key != wanted[0]):
            _no()
    if wanted is None:
        return []
    task_key, kind = wanted
    return _task_entries(kind, _get(holder, task_key, _dict))


def _mps_snapshots(body: dict[str, Any]) -> list[dict[str, Any]]:
    if body["EventType"] not in _MPS_SNAPSHOT_EVENTS:
        return []  # R2
    f = _mps_facts(body)
    if f["err_code"] != 0:
        _no()  # R11
    event = _payload(body)
    entries: list[dict[str, Any]] = []
    if body["EventType"] == "WorkflowTask":
        items = _get(event, "MediaProcessResultSet", _dict_list, nullable=True)
        for item in items or []:
            entries += _result_entries(item, "Type", item)
    else:
        items = _get(event, "ActivityResultSet", _dict_list, nullable=True)
        for item in items or []:
            holder = _get(item, "ActivityResItem", _dict, nullable=True) or {}
            entries += _result_entries(item, "ActivityType", holder)
    return entries


# --------------------------------------------------------------------- public

def facts(body: Any) -> dict[str, Any] | None:
    """Canonical facts of one CSS or MPS body, or None for "no opinion"."""
    try:
        kind = _kind_of(body)
        if kind == "css":
            return _css_facts(body)
        if kind == "mps":
            return _mps_facts(body)
        return None
    except _NoOpinion:
        return None


def snapshots(body: Any) -> list[dict[str, Any]] | None:
    """Every image / failed snapshot task the body reports, in wire order."""
    try:
        kind = _kind_of(body)
        if kind == "css":
            return _css_snapshots(body)
        if kind == "mps":
            return _mps_snapshots(body)
        return None
    except _NoOpinion:
        return None


def _now_seconds(now: Any) -> float | int:
    if isinstance(now, datetime):
        return now.timestamp() if now.tzinfo is not None else _no()
    if (_is_int(now) or isinstance(now, float)) and math.isfinite(now):
        return now
    return _no()


def _md5(text: str) -> str:
    return hashlib.md5(text.encode("ascii")).hexdigest()


def signature_ok(body: Any, key: Any, now: Any) -> bool | None:
    """Whether the body's sign/Sign holds for `key` at `now` (R19, R20)."""
    try:
        kind = _kind_of(body)
        if kind is None:
            return None
        if not isinstance(key, str) or not key or not key.isascii():
            return None
        now_s = _now_seconds(now)
        if kind == "css":
            expiry = _get(body, "t", _int)
            sign = _get(body, "sign", _str)
            wanted = {_md5(key + str(expiry))}
        else:
            expiry = _get(body, "Timestamp", _int)
            sign = _get(body, "Sign", _str)
            wanted = {_md5(str(expiry) + key), _md5(key + str(expiry))}
        return sign.lower() in wanted and expiry >= now_s
    except _NoOpinion:
        return None
