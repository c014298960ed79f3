"""DecodeError.report(): JSON-ready, every problem, and the body kept losslessly."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import vodsnap
from strategies import json_values


def report_of(body: object) -> dict[str, Any]:
    with pytest.raises(vodsnap.DecodeError) as info:
        vodsnap.parse(body)  # type: ignore[arg-type]
    report = info.value.report()
    again: dict[str, Any] = json.loads(json.dumps(report, allow_nan=False))
    assert again == report
    assert report["errors"] == [{"path": e.path, "message": e.message} for e in info.value.errors]
    return report


def test_text_stays_text() -> None:
    body = '{"vid": "\\ud800 surrogate", "x": "解"}'
    report = report_of(body)
    assert report["body"] == {"type": "str", "text": body}
    assert vodsnap.DecodeError.body_from_report(report) == body


def test_utf8_bytes_are_kept_as_text() -> None:
    body = '{"vid": 1, "x": "解"}'.encode()
    report = report_of(body)
    assert report["body"] == {"type": "bytes", "encoding": "utf-8", "text": body.decode()}
    assert vodsnap.DecodeError.body_from_report(report) == body


def test_other_bytes_are_kept_as_base64() -> None:
    body = b'{"vid": "\xff\xfe"}'
    report = report_of(body)
    assert report["body"] == {
        "type": "bytes",
        "encoding": "base64",
        "base64": "eyJ2aWQiOiAi//4ifQ==",
    }
    assert vodsnap.DecodeError.body_from_report(report["body"]) == body


def test_mappings_are_kept_as_json_or_said_to_be_lossy() -> None:
    body = {"vid": 1, "result": [1, None]}
    report = report_of(body)
    assert report["body"] == {"type": "mapping", "json": body}
    assert vodsnap.DecodeError.body_from_report(report) == body
    lossy = report_of({"vid": {1, 2}})
    assert lossy["body"] == {"type": "mapping", "repr": "{'vid': {1, 2}}"}
    with pytest.raises(ValueError, match="losslessly"):
        vodsnap.DecodeError.body_from_report(lossy)


@given(st.binary(max_size=300))
def test_any_bytes_round_trip_through_json(body: bytes) -> None:
    try:
        vodsnap.parse(body)
    except vodsnap.DecodeError as exc:
        report = json.loads(json.dumps(exc.report()))
        assert vodsnap.DecodeError.body_from_report(report) == body


@given(json_values(20))
def test_any_json_text_round_trips(value: object) -> None:
    body = json.dumps(value, ensure_ascii=False)
    try:
        vodsnap.parse(body)
    except vodsnap.DecodeError as exc:
        report = json.loads(json.dumps(exc.report()))
        assert vodsnap.DecodeError.body_from_report(report) == body
