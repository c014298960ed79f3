"""The four documentation examples decode to exactly what the documentation says."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta, timezone

import pytest

import vodsnap
from support import EXAMPLES
from vodsnap import FastSnapshotStatus, PicInfo

BEIJING = timezone(timedelta(hours=8))


def test_all_four_seed_examples_are_bundled(example_bytes: dict[str, bytes]) -> None:
    assert sorted(example_bytes) == [
        "fast-snapshot-failure",
        "fast-snapshot-success",
        "snapshot-event-failure",
        "snapshot-event-success",
    ]


def test_fast_snapshot_success(example_bytes: dict[str, bytes]) -> None:
    cb = vodsnap.parse(example_bytes["fast-snapshot-success"])
    assert isinstance(cb, vodsnap.FastSnapshotCallback)
    assert cb.vid == "064ffb39073403d22fb16df22a0d0b7e1534820888"
    assert cb.app_id == 1253125191
    assert (cb.bucket_name, cb.bucket_region) == ("test", "sh")
    assert cb.url == "http://test-1253125191.cossh.myqcloud.com/acts/d.mp4"
    assert (cb.duration, cb.width, cb.height) == (30, 3840, 2032)
    assert cb.create_time == datetime(2018, 8, 23, 16, 25, 18, tzinfo=BEIJING)
    assert cb.finish_time == datetime(2018, 8, 23, 8, 25, 25, tzinfo=UTC)
    assert cb.create_time.utcoffset() == timedelta(hours=8)
    assert cb.status is FastSnapshotStatus.SUCCESS
    assert len(cb.result) == 5
    # The fifth URL is sent with JSON-escaped slashes: the same string.
    assert (
        cb.result[4] == "http://test-1253125191.cossh.myqcloud.com/test-fast-snapshot/d.mp4.24.png"
    )
    assert (cb.error_code, cb.error_msg, cb.deleted) == (None, None, False)


def test_fast_snapshot_failure(example_bytes: dict[str, bytes]) -> None:
    cb = vodsnap.parse_fast_snapshot(example_bytes["fast-snapshot-failure"])
    assert cb.status is FastSnapshotStatus.FAILURE
    assert (cb.duration, cb.width, cb.height, cb.result) == (0, 0, 0, ())
    assert cb.error_code == "118"
    assert cb.error_msg == "解码失败"
    assert cb.finish_time - cb.create_time == timedelta(minutes=26, seconds=5)


def test_snapshot_event_success(example_bytes: dict[str, bytes]) -> None:
    event = vodsnap.parse(example_bytes["snapshot-event-success"])
    assert isinstance(event, vodsnap.SnapshotByTimeOffsetComplete)
    assert (event.version, event.event_type) == ("4.0", "CreateSnapshotByTimeOffsetComplete")
    assert event.data.vod_task_id == "CreateSnapshotByTimeOffset-1edb7eb88a599d05abe451cfc541cfbd"
    assert event.data.file_id == "14508071098244929440"  # beyond 64 bits: kept as text
    assert event.data.definition == 10
    assert event.data.pic_info == (
        PicInfo(
            time_offset=3123213,
            status=0,
            url="http://125xx.vod2.myqcloud.com/vod125xx/14508071098244929440/xx1.png",
        ),
        PicInfo(
            time_offset=3123123,
            status=0,
            url="http://125xx.vod2.myqcloud.com/vod125xx/14508071098244929440/xx2.png",
        ),
    )


def test_snapshot_event_failure(example_bytes: dict[str, bytes]) -> None:
    event = vodsnap.parse_event(example_bytes["snapshot-event-failure"])
    assert isinstance(event, vodsnap.SnapshotByTimeOffsetComplete)
    assert event.data.definition == 20
    # An undocumented code still decodes; a failed picture has no URL.
    assert event.data.pic_info == (PicInfo(time_offset=1_000_000, status=-46204, url=None),)


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.json")), ids=lambda p: p.stem)
def test_examples_survive_the_round_trip_and_keep_their_wire_form(path: object) -> None:
    text = EXAMPLES.joinpath(str(path)).read_text(encoding="utf-8")
    model = vodsnap.parse(text)
    wire = vodsnap.to_wire(model)
    assert vodsnap.parse(wire) == model
    assert json.loads(json.dumps(wire)) == wire
    original = json.loads(text)
    assert wire == original  # the seeds already are in canonical form
    assert hash(model) == hash(vodsnap.parse(wire))
