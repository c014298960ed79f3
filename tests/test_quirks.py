"""Each documented quirk of the wire, one at a time, against the plain documented form."""

from __future__ import annotations

import json
from datetime import timedelta
from typing import Any

import pytest

import vodsnap
from support import EXAMPLES, errors_of, of_type
from vodsnap import FastSnapshotStatus


def fast(**changes: Any) -> dict[str, Any]:
    body: dict[str, Any] = json.loads((EXAMPLES / "fast-snapshot-failure.json").read_text())
    for key, value in changes.items():
        if value is ...:
            del body[key]
        else:
            body[key] = value
    return body


def event(**changes: Any) -> dict[str, Any]:
    body: dict[str, Any] = json.loads((EXAMPLES / "snapshot-event-success.json").read_text())
    for key, value in changes.items():
        target = body if key == "version" else body["data"]
        target[key] = value
    return body


@pytest.mark.parametrize(("wire", "expected"), [(5, 5), ("5", 5), (4, 4), ("4", 4), ("3", 3)])
def test_status_as_number_or_decimal_string(wire: object, expected: int) -> None:
    decoded = of_type(vodsnap.FastSnapshotCallback, vodsnap.parse(fast(status=wire)))
    assert decoded.status is FastSnapshotStatus(expected)


@pytest.mark.parametrize("wire", [6, "6", 0, "five", 5.0, True, None, "05x", [5]])
def test_any_other_status_is_an_error_at_status(wire: object) -> None:
    assert [path for path, _ in errors_of(fast(status=wire))] == ["$.status"]


@pytest.mark.parametrize(
    ("body", "deleted"),
    [
        (fast(deleted="yes"), True),
        (fast(deleted="no"), False),
        (fast(deleted=..., delete="yes"), True),
        (fast(deleted=..., delete="no"), False),
        (fast(deleted=...), False),
        (fast(deleted="yes", delete="yes"), True),
    ],
)
def test_deletion_flag_under_either_name(body: dict[str, Any], deleted: bool) -> None:
    assert of_type(vodsnap.FastSnapshotCallback, vodsnap.parse(body)).deleted is deleted


def test_bad_deletion_flag_is_reported_under_the_name_sent() -> None:
    assert errors_of(fast(deleted=..., delete="maybe")) == [
        ("$.delete", "expected 'yes' or 'no', got the string 'maybe'")
    ]
    assert errors_of(fast(deleted=True)) == [
        ("$.deleted", "expected 'yes' or 'no', got the boolean true")
    ]


def test_conflicting_deletion_flags_are_an_error() -> None:
    assert errors_of(fast(deleted="no", delete="yes")) == [("$.delete", "conflicts with 'deleted'")]
    # ... reported beside every other problem
    assert len(errors_of(fast(deleted="no", delete="yes", vid=...))) == 2


@pytest.mark.parametrize(
    ("wire", "expected"), [(None, None), (118, "118"), ("118", "118"), (-1, "-1"), ("E1", "E1")]
)
def test_error_code_null_number_or_string(wire: object, expected: str | None) -> None:
    assert (
        of_type(vodsnap.FastSnapshotCallback, vodsnap.parse(fast(error_code=wire))).error_code
        == expected
    )


def test_optional_fields_may_be_absent() -> None:
    cb = vodsnap.parse(fast(error_code=..., error_msg=..., deleted=...))
    assert isinstance(cb, vodsnap.FastSnapshotCallback)
    assert (cb.error_code, cb.error_msg, cb.deleted) == (None, None, False)


@pytest.mark.parametrize("name", ["app_id", "duration", "width", "height"])
@pytest.mark.parametrize(("wire", "expected"), [(7, 7), ("7", 7), ("0", 0), ("-3", -3)])
def test_integer_fields_take_integers_and_digit_strings(
    name: str, wire: object, expected: int
) -> None:
    assert getattr(vodsnap.parse(fast(**{name: wire})), name) == expected


@pytest.mark.parametrize("name", ["app_id", "duration", "width", "height"])
@pytest.mark.parametrize(
    "wire",
    [True, False, 1.5, 7.0, "7.0", " 7", "7 ", "+7", "1_000", "٣", "²", "", "-", None, [7], {}],
)
def test_integer_fields_reject_everything_else(name: str, wire: object) -> None:
    assert [path for path, _ in errors_of(fast(**{name: wire}))] == [f"$.{name}"]


@pytest.mark.parametrize("name", ["vid", "bucket_name", "bucket_region", "url"])
@pytest.mark.parametrize("wire", [1, True, None, 1.5, ["a"], {"a": 1}])
def test_string_fields_take_only_strings(name: str, wire: object) -> None:
    assert [path for path, _ in errors_of(fast(**{name: wire}))] == [f"$.{name}"]


@pytest.mark.parametrize("wire", ["a", ["a", 1], {"a": "b"}, None])
def test_result_must_be_a_list_of_strings(wire: object) -> None:
    paths = [path for path, _ in errors_of(fast(result=wire))]
    assert paths == (["$.result[1]"] if isinstance(wire, list) else ["$.result"])


@pytest.mark.parametrize(
    "wire",
    [
        "2018-08-23 10:33:19",
        "2018-08-23T10:33:19",
        "2018-08-23T10:33:19+08:00",
        "2018-08-23T02:33:19Z",
        "2018-08-23T02:33:19+00:00",
        "2018-08-22T21:33:19-05:00",
        "2018/08/23 10:33:19",
        "2018-08-23 10:33:19 +0800",
    ],
)
def test_times_in_beijing_time_or_with_an_offset(wire: str) -> None:
    expected = of_type(vodsnap.FastSnapshotCallback, vodsnap.parse(fast())).create_time
    got = of_type(vodsnap.FastSnapshotCallback, vodsnap.parse(fast(create_time=wire))).create_time
    assert got == expected
    assert got.utcoffset() is not None


@pytest.mark.parametrize(
    "wire",
    [
        "",
        "x",
        "2018-08-23",
        "23",
        "2018-08-23 10:33:19 EST",
        "2018-13-23 10:33:19",
        "0001-01-01 00:00:00",
        5,
        None,
    ],
)
def test_bad_times_are_errors(wire: object) -> None:
    assert [path for path, _ in errors_of(fast(create_time=wire))] == ["$.create_time"]


def test_beijing_time_is_a_fixed_offset() -> None:
    cb = vodsnap.parse(fast())
    assert isinstance(cb, vodsnap.FastSnapshotCallback)
    assert cb.create_time.utcoffset() == cb.finish_time.utcoffset() == timedelta(hours=8)
    assert cb.create_time.dst() is None  # no rules, no database: a plain offset


@pytest.mark.parametrize(("wire", "expected"), [("4.0", "4.0"), (4, "4.0"), (4.0, "4.0")])
def test_version_as_string_or_number(wire: object, expected: str) -> None:
    assert (
        of_type(vodsnap.SnapshotByTimeOffsetComplete, vodsnap.parse(event(version=wire))).version
        == expected
    )


@pytest.mark.parametrize("wire", [True, None, [], float("nan")])
def test_bad_version_is_an_error(wire: object) -> None:
    assert [path for path, _ in errors_of(event(version=wire))] == ["$.version"]


@pytest.mark.parametrize(
    ("wire", "expected"),
    [
        ("14508071098244929440", "14508071098244929440"),
        (14508071098244929440, "14508071098244929440"),
    ],
)
def test_file_id_as_string_or_integer(wire: object, expected: str) -> None:
    model = vodsnap.parse(event(fileId=wire))
    assert isinstance(model, vodsnap.SnapshotByTimeOffsetComplete)
    assert model.data.file_id == expected


@pytest.mark.parametrize("wire", [True, 1.5, None, []])
def test_bad_file_id_is_an_error(wire: object) -> None:
    assert [path for path, _ in errors_of(event(fileId=wire))] == ["$.data.fileId"]


def test_picture_numbers_as_digit_strings_and_null_url() -> None:
    body = event(picInfo=[{"timeOffset": "1000", "status": "-46204", "url": None}])
    model = vodsnap.parse(body)
    assert isinstance(model, vodsnap.SnapshotByTimeOffsetComplete)
    assert model.data.pic_info == (vodsnap.PicInfo(time_offset=1000, status=-46204),)


def test_unknown_fields_are_ignored_everywhere() -> None:
    body = event(picInfo=[{"timeOffset": 1, "status": 0, "url": "u", "extra": 1}], extra=[1])
    body["requestId"] = "x"
    plain = event(picInfo=[{"timeOffset": 1, "status": 0, "url": "u"}])
    assert vodsnap.parse(body) == vodsnap.parse(plain)
    assert vodsnap.parse(fast(foo={"bar": 1})) == vodsnap.parse(fast())


def test_escaped_slashes_read_as_plain_slashes() -> None:
    body = (EXAMPLES / "fast-snapshot-success.json").read_text()
    assert "\\/" in body
    assert vodsnap.parse(body) == vodsnap.parse(body.replace("\\/", "/"))


def api3_event(*pictures: dict[str, Any]) -> dict[str, Any]:
    return {
        "EventType": "CreateSnapshotByTimeOffsetComplete",
        "SnapshotByTimeOffsetCompleteEvent": {
            "TaskId": "t",
            "FileId": "1",
            "Definition": 10,
            "SnapshotInfoSet": list(pictures),
        },
    }


@pytest.mark.parametrize(("strict", "status"), [(False, 0), (True, 0), (False, "0")])
def test_a_picture_taken_without_its_url_is_refused(strict: bool, status: object) -> None:
    """Status 0 says the picture was taken: without a URL it is neither an image nor a failure
    that says why, so it is refused at the URL's key (4.0: no ``url``; 3.0: ``"Url": null``,
    as the official SDK writes an unset URL), in either mode, beside any other problem."""
    v4 = event(picInfo=[{"timeOffset": 1, "status": status}, {"timeOffset": 2, "status": -1}])
    v3 = api3_event({"ErrCode": status, "TimeOffset": 1, "Url": None})
    assert errors_of(v4, strict=strict) == [
        ("$.data.picInfo[0].url", "expected the picture's URL: status 0 says it was taken")
    ]
    assert errors_of(v3, strict=strict) == [
        (
            "$.SnapshotByTimeOffsetCompleteEvent.SnapshotInfoSet[0].Url",
            "expected the picture's URL: ErrCode 0 says it was taken",
        )
    ]


def test_a_picture_is_an_image_exactly_when_it_is_ok() -> None:
    """Every decoded picture: ``PicInfo.ok`` and its snapshot's ``ok`` agree, an image has its
    URL, and a failure says why (``error`` describes its status)."""
    body = event(
        picInfo=[
            {"timeOffset": 1, "status": 0, "url": "http://a/1.png"},
            {"timeOffset": 2, "status": -46204},
            {"timeOffset": 3, "status": 7, "url": "http://a/3.png"},  # failed, URL or not
        ]
    )
    for model in (vodsnap.parse(body), vodsnap.parse(api3_event(*_as_api3_pictures(body)))):
        assert isinstance(model, vodsnap.SnapshotByTimeOffsetComplete)
        shots = vodsnap.snapshots(model)
        assert [p.ok for p in model.data.pic_info] == [s.ok for s in shots] == [True, False, False]
        assert [s.url for s in shots] == ["http://a/1.png", None, None]
        assert [s.error for s in shots] == [None, vodsnap.error_info(-46204), vodsnap.error_info(7)]


def _as_api3_pictures(body: dict[str, Any]) -> list[dict[str, Any]]:
    return [
        {"ErrCode": p["status"], "TimeOffset": p["timeOffset"], "Url": p.get("url")}
        for p in body["data"]["picInfo"]
    ]
