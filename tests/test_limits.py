"""Each limit: its default, its message naming it, and that it bites before decoding."""

from __future__ import annotations

import json
from typing import Any, cast

import pytest

import vodsnap
from support import EXAMPLES
from vodsnap import Limits


def errors(body: object, **options: Any) -> list[tuple[str, str]]:
    with pytest.raises(vodsnap.DecodeError) as info:
        vodsnap.parse(cast(Any, body), **options)
    return [(e.path, e.message) for e in info.value.errors]


def event_with(pictures: int) -> dict[str, Any]:
    body: dict[str, Any] = json.loads((EXAMPLES / "snapshot-event-success.json").read_text())
    body["data"]["picInfo"] = [{"timeOffset": i, "status": 0, "url": "u"} for i in range(pictures)]
    return body


def fast_with(snapshots: int) -> dict[str, Any]:
    body: dict[str, Any] = json.loads((EXAMPLES / "fast-snapshot-success.json").read_text())
    body["result"] = [f"http://x/{i}.png" for i in range(snapshots)]
    return body


def test_defaults() -> None:
    assert Limits() == Limits(
        max_body_bytes=1024 * 1024, max_depth=32, max_pictures=10_000, max_snapshots=10_000
    )


@pytest.mark.parametrize("form", [bytes, bytearray, memoryview, lambda b: b.decode()])
def test_a_10_mb_body_is_refused_unread(form: Any) -> None:
    body = form(b'{"vid": "' + b"x" * 10_000_000 + b'"}')
    assert errors(body) == [("$", "body is 10000011 bytes, more than max_body_bytes=1048576")]


def test_body_size_counts_utf8_bytes_of_text() -> None:
    text = json.dumps(
        {"eventType": "X", "version": "4.0", "data": {"a": "解" * 400}}, ensure_ascii=False
    )
    size = len(text.encode())
    assert vodsnap.parse(text, limits=Limits(max_body_bytes=size))
    assert errors(text, limits=Limits(max_body_bytes=size - 1)) == [
        ("$", f"body is {size} bytes, more than max_body_bytes={size - 1}")
    ]


def test_100000_pictures_are_refused_at_the_list() -> None:
    for body in (event_with(100_000), json.dumps(event_with(100_000))):
        expected = [("$.data.picInfo", "100000 items, more than max_pictures=10000")]
        big = Limits(max_body_bytes=10**8)
        assert errors(body, limits=big) == expected


def test_picture_and_snapshot_limits_are_inclusive() -> None:
    assert vodsnap.parse(event_with(3), limits=Limits(max_pictures=3))
    assert errors(event_with(4), limits=Limits(max_pictures=3)) == [
        ("$.data.picInfo", "4 items, more than max_pictures=3")
    ]
    assert vodsnap.parse(fast_with(3), limits=Limits(max_snapshots=3))
    assert errors(fast_with(4), limits=Limits(max_snapshots=3)) == [
        ("$.result", "4 items, more than max_snapshots=3")
    ]


def test_depth_of_text_is_checked_before_decoding() -> None:
    body = '{"vid": "x", "extra": ' + "[" * 40 + "]" * 40 + "}"
    [(path, message)] = errors(body)
    assert path == "$.extra" + "[0]" * 31
    assert message == "nested deeper than max_depth=32"
    assert errors(body, limits=Limits(max_depth=64)) != [(path, message)]


def test_depth_of_a_mapping_is_checked_where_it_is_read() -> None:
    data: Any = "leaf"
    for _ in range(40):
        data = {"a": data}
    [(path, message)] = errors({"version": "4.0", "eventType": "X", "data": data})
    assert path == "$.data" + ".a" * 31
    assert message == "nested deeper than max_depth=32"


def test_depth_at_the_limit_is_fine() -> None:
    # the event (1), data (2), and 30 nested arrays below it (32)
    body = {"version": "4.0", "eventType": "X", "data": {"a": json.loads("[" * 30 + "]" * 30)}}
    assert vodsnap.parse(json.dumps(body))
    assert vodsnap.parse(body)


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"max_body_bytes": 0}, "max_body_bytes must be an integer of at least 1, not 0"),
        ({"max_depth": 7}, "max_depth must be an integer of at least 8, not 7"),
        ({"max_pictures": True}, "max_pictures must be an integer of at least 1, not True"),
        ({"max_snapshots": 1.5}, "max_snapshots must be an integer of at least 1, not 1.5"),
    ],
)
def test_limits_are_validated(options: dict[str, Any], message: str) -> None:
    with pytest.raises(ValueError, match="^" + message.replace(".", r"\.") + "$"):
        Limits(**options)


def test_limits_must_be_limits() -> None:
    with pytest.raises(TypeError, match=r"vodsnap\.Limits"):
        vodsnap.parse(b"{}", limits=cast(Any, {"max_depth": 9}))
