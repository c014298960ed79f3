"""The pure-Python floor: a JSON parser, the same checks as vodsnap, plain attrs construction.

Lenient rules as vodsnap's: integers are JSON integers or ASCII decimal strings (never booleans
or floats), strings are strings, times are the wire's Beijing form or ISO 8601, ``delete`` or
``deleted``, ``error_code``/``fileId`` may be integers, unknown fields are ignored, every problem
is collected. It builds vodsnap's own model classes, so results compare equal.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

from vodsnap import (
    FastSnapshotCallback,
    FastSnapshotStatus,
    LiveScreenshot,
    PicInfo,
    SnapshotByTimeOffsetComplete,
    SnapshotByTimeOffsetData,
)

BEIJING = timezone(timedelta(hours=8))
SNAPSHOT = "CreateSnapshotByTimeOffsetComplete"
_STATUSES = {
    3: FastSnapshotStatus.PROCESSING,
    4: FastSnapshotStatus.FAILURE,
    5: FastSnapshotStatus.SUCCESS,
}


class InvalidError(ValueError):
    def __init__(self, errors: list[tuple[str, str]]) -> None:
        super().__init__(errors)
        self.errors = errors


def _int(v: Any) -> int:
    if type(v) is int:
        return v
    if type(v) is str:
        d = v[1:] if v[:1] == "-" else v
        if d.isascii() and d.isdigit():
            return int(v)
    raise ValueError("expected an integer")


def _str(v: Any) -> str:
    if type(v) is str:
        return v
    raise ValueError("expected a string")


def _text(v: Any) -> str:
    if type(v) is str:
        return v
    if type(v) is int:
        return str(v)
    raise ValueError("expected a string or an integer")


def _time(v: Any) -> datetime:
    if type(v) is not str or len(v) <= 10:
        raise ValueError("expected a time")
    t = datetime.fromisoformat(v)
    return t.replace(tzinfo=BEIJING) if t.tzinfo is None else t


def _field(
    obj: dict[str, Any],
    key: str,
    check: Callable[[Any], Any],
    path: str,
    errors: list[tuple[str, str]],
) -> Any:
    try:
        return check(obj[key])
    except KeyError:
        errors.append((f"{path}.{key}", "required field missing"))
    except ValueError as exc:
        errors.append((f"{path}.{key}", str(exc)))
    return None


def decode(data: bytes, loads: Callable[[bytes], Any] = json.loads) -> Any:
    obj = loads(data)
    if type(obj) is not dict:
        raise InvalidError([("$", "expected an object")])
    if "eventType" in obj:
        return _event(obj)
    if "event_type" in obj:
        return _live(obj)
    return _fast(obj)


def _fast(o: dict[str, Any]) -> FastSnapshotCallback:
    e: list[tuple[str, str]] = []
    vid = _field(o, "vid", _str, "$", e)
    app_id = _field(o, "app_id", _int, "$", e)
    bucket_name = _field(o, "bucket_name", _str, "$", e)
    bucket_region = _field(o, "bucket_region", _str, "$", e)
    url = _field(o, "url", _str, "$", e)
    duration = _field(o, "duration", _int, "$", e)
    width = _field(o, "width", _int, "$", e)
    height = _field(o, "height", _int, "$", e)
    create_time = _field(o, "create_time", _time, "$", e)
    finish_time = _field(o, "finish_time", _time, "$", e)
    status = _field(o, "status", lambda v: _STATUSES[_int(v)], "$", e)
    result = _field(
        o, "result", lambda v: tuple(_str(x) for x in v) if type(v) is list else _str(v), "$", e
    )
    code = o.get("error_code")
    error_code = None if code is None else _field(o, "error_code", _text, "$", e)
    msg = o.get("error_msg")
    error_msg = None if msg is None else _field(o, "error_msg", _str, "$", e)
    flag = o.get("deleted", o.get("delete", "no"))
    if flag not in ("yes", "no"):
        e.append(("$.deleted", "expected 'yes' or 'no'"))
    if e:
        raise InvalidError(e)
    return FastSnapshotCallback(
        vid=vid,
        app_id=app_id,
        bucket_name=bucket_name,
        bucket_region=bucket_region,
        url=url,
        duration=duration,
        width=width,
        height=height,
        create_time=create_time,
        finish_time=finish_time,
        status=status,
        result=result,
        error_code=error_code,
        error_msg=error_msg,
        deleted=flag == "yes",
    )


_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def _unix(v: Any) -> datetime:
    return _EPOCH + timedelta(seconds=_int(v))


def _optional_str(o: dict[str, Any], key: str, e: list[tuple[str, str]]) -> Any:
    return None if o.get(key) is None else _field(o, key, _str, "$", e)


def _live(o: dict[str, Any]) -> LiveScreenshot:
    e: list[tuple[str, str]] = []
    if _field(o, "event_type", _int, "$", e) != 200:
        raise NotImplementedError("only the Cloud Live screenshot is benchmarked")
    stream_id = _field(o, "stream_id", _str, "$", e)
    channel_id = _field(o, "channel_id", _str, "$", e)
    app, appname = _optional_str(o, "app", e), _optional_str(o, "appname", e)
    stream_param, task_id = _optional_str(o, "stream_param", e), _optional_str(o, "task_id", e)
    create_time = _field(o, "create_time", _unix, "$", e)
    file_size = _field(o, "file_size", _int, "$", e)
    width = _field(o, "width", _int, "$", e)
    height = _field(o, "height", _int, "$", e)
    pic_url = _field(o, "pic_url", _str, "$", e)
    pic_full_url = _field(o, "pic_full_url", _str, "$", e)
    expires = None if o.get("t") is None else _field(o, "t", _unix, "$", e)
    sign = _optional_str(o, "sign", e)
    if e:
        raise InvalidError(e)
    return LiveScreenshot(
        event_type=200,
        stream_id=stream_id,
        channel_id=channel_id,
        app=app,
        appname=appname,
        stream_param=stream_param,
        task_id=task_id,
        create_time=create_time,
        file_size=file_size,
        width=width,
        height=height,
        pic_url=pic_url,
        pic_full_url=pic_full_url,
        expires=expires,
        sign=sign,
    )


def _event(o: dict[str, Any]) -> Any:
    e: list[tuple[str, str]] = []
    version: Any = o.get("version")  # a JSON value: checked below
    if type(version) is int:
        version = f"{version}.0"
    elif type(version) is not str:
        e.append(("$.version", "expected a version"))
    if o.get("eventType") != SNAPSHOT:
        raise NotImplementedError("only the snapshot event is benchmarked")
    d = o.get("data")
    if type(d) is not dict:
        raise InvalidError([*e, ("$.data", "expected an object")])
    task = _field(d, "vodTaskId", _str, "$.data", e)
    file_id = _field(d, "fileId", _text, "$.data", e)
    definition = _field(d, "definition", _int, "$.data", e)
    pics = d.get("picInfo")
    pictures = []
    if type(pics) is not list:
        e.append(("$.data.picInfo", "expected an array"))
    else:
        for i, p in enumerate(pics):
            path = f"$.data.picInfo[{i}]"
            if type(p) is not dict:
                e.append((path, "expected an object"))
                continue
            offset = _field(p, "timeOffset", _int, path, e)
            status = _field(p, "status", _int, path, e)
            url = p.get("url")
            if url is not None and type(url) is not str:
                e.append((path + ".url", "expected a string"))
            pictures.append(PicInfo(time_offset=offset, status=status, url=url))
    if e:
        raise InvalidError(e)
    return SnapshotByTimeOffsetComplete(
        version=version,
        event_type=SNAPSHOT,
        data=SnapshotByTimeOffsetData(
            vod_task_id=task, file_id=file_id, definition=definition, pic_info=tuple(pictures)
        ),
    )
