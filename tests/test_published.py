"""The bodies Tencent publishes (``tests/data/published/``, sources in its ``SOURCES.md``).

Every body decodes, round-trips through ``to_wire``, and, where vodsnap models it, decodes to the
values the source page shows (written out here from the page, not computed by vodsnap).
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

import vodsnap

PUBLISHED = Path(__file__).with_name("data") / "published"
SOURCES = (PUBLISHED / "SOURCES.md").read_text(encoding="utf-8")
BEIJING = timezone(timedelta(hours=8))

Model = vodsnap.Callback

#: What each published body decodes to today: the model's class name, for a pull response that
#: of each of its events. When a model for an event lands, change its rows here.
KINDS = {
    "fast-snapshot-success.json": "FastSnapshotCallback",
    "fast-snapshot-failure.json": "FastSnapshotCallback",
    "snapshot-event-v4-success.json": "SnapshotByTimeOffsetComplete",
    "snapshot-event-v4-failure.json": "SnapshotByTimeOffsetComplete",
    "snapshot-event-api3-push.json": "SnapshotByTimeOffsetComplete",
    "snapshot-event-api3-pullevents.json": "SnapshotByTimeOffsetComplete",
    "procedure-v4-archived.json": "ProcedureStateChanged",
    "procedure-api3-taskflow-push.json": "ProcedureStateChanged",
    "procedure-api3-taskflow-pullevents.json": "ProcedureStateChanged",
    "sprite-v4-success.json": "ImageSpriteComplete",
    "image-sprite-v4-failure.json": "ImageSpriteComplete",
    "image-sprite-api3-push.json": "ImageSpriteComplete",
    "image-sprite-api3-pullevents.json": "ImageSpriteComplete",
}


def body(name: str) -> bytes:
    return (PUBLISHED / name).read_bytes()


def is_pull(name: str) -> bool:
    return name.endswith("-pullevents.json")


def decode(name: str, *, strict: bool = False) -> Model | vodsnap.PullEventsResponse:
    if is_pull(name):
        pulled = vodsnap.parse_pull(body(name), strict=strict)
        assert isinstance(pulled, vodsnap.PullEventsResponse)  # the API 3.0 PullEvents
        return pulled
    return vodsnap.parse(body(name), strict=strict)


def event(name: str) -> Model:
    """The one event a body carries, pushed or pulled."""
    decoded = decode(name)
    if isinstance(decoded, vodsnap.PullEventsResponse):
        [pulled] = decoded.events
        assert pulled.event is not None, pulled.error
        return pulled.event
    return decoded


def test_every_body_is_listed_and_has_a_source() -> None:
    # A body with its own NAME.source.md sidecar is tested in test_published_snapshot_family.
    files = {p.name for p in PUBLISHED.glob("*.json")}
    listed = {name for name in files if not (PUBLISHED / name).with_suffix(".source.md").exists()}
    assert listed <= set(KINDS) <= files
    for name in KINDS:
        assert f"{name.removesuffix('.json')}" in SOURCES, f"{name} has no entry in SOURCES.md"


@pytest.mark.parametrize("name", sorted(KINDS))
@pytest.mark.parametrize("strict", [False, True], ids=["lenient", "strict"])
def test_every_body_decodes_to_its_kind(name: str, strict: bool) -> None:
    decoded = decode(name, strict=strict)
    events = (
        [pulled.event for pulled in decoded.events]
        if isinstance(decoded, vodsnap.PullEventsResponse)
        else [decoded]
    )
    assert [type(e).__name__ for e in events] == [KINDS[name]]


@pytest.mark.parametrize("name", sorted(KINDS))
def test_every_body_round_trips(name: str) -> None:
    model = decode(name)
    again = (vodsnap.parse_pull if is_pull(name) else vodsnap.parse)(vodsnap.to_wire(model))
    assert again == model


@pytest.mark.parametrize(
    "name", sorted(n for n in KINDS if n.startswith(("procedure", "sprite", "image-sprite")))
)
def test_the_task_flow_and_sprite_events_keep_their_type(name: str) -> None:
    decoded = event(name)
    assert isinstance(decoded, (vodsnap.ProcedureStateChanged, vodsnap.ImageSpriteComplete))
    expected = "ProcedureStateChanged" if name.startswith("procedure") else "CreateImageSprite"
    assert decoded.event_type.startswith(expected)


def test_fast_snapshot_success() -> None:
    model = event("fast-snapshot-success.json")
    assert isinstance(model, vodsnap.FastSnapshotCallback)
    assert (model.vid, model.app_id, model.bucket_name, model.bucket_region) == (
        "064ffb39073403d22fb16df22a0d0b7e1534820888",
        1253125191,
        "test",
        "sh",
    )
    assert model.url == "http://test-1253125191.cossh.myqcloud.com/acts/d.mp4"
    assert (model.duration, model.width, model.height) == (30, 3840, 2032)
    assert model.create_time == datetime(2018, 8, 23, 16, 25, 18, tzinfo=BEIJING)
    assert model.finish_time == datetime(2018, 8, 23, 16, 25, 25, tzinfo=BEIJING)
    prefix = "http://test-1253125191.cossh.myqcloud.com/test-fast-snapshot/d.mp4."
    assert model.result == tuple(f"{prefix}{n}.png" for n in (1, 4, 13, 16, 24))
    assert model.status == 5
    assert (model.error_code, model.error_msg, model.deleted) == (None, None, False)
    assert (model.succeeded, model.error) == (True, None)


def test_fast_snapshot_failure() -> None:
    model = event("fast-snapshot-failure.json")
    assert isinstance(model, vodsnap.FastSnapshotCallback)
    assert model.vid == "064ffb39073403d22fb16df22a0d0b7e1534820999"
    assert (model.duration, model.width, model.height, model.result) == (0, 0, 0, ())
    assert model.create_time == datetime(2018, 8, 23, 10, 33, 19, tzinfo=BEIJING)
    assert model.finish_time == datetime(2018, 8, 23, 10, 59, 24, tzinfo=BEIJING)
    assert (model.status, model.error_code, model.error_msg) == (4, "118", "解码失败")
    assert model.deleted is False
    assert model.error is not None
    assert (model.error.code, model.error.known) == (118, True)


SNAPSHOT_TASK = "CreateSnapshotByTimeOffset-1edb7eb88a599d05abe451cfc541cfbd"
V4_URL = "http://125xx.vod2.myqcloud.com/vod125xx/14508071098244929440/xx{}.png"
API3_URL = "http://125676836723.vod2.myqcloud.com/xxx/xxx/{}.png"


def pictures(model: Model) -> list[tuple[int, int, str | None]]:
    assert isinstance(model, vodsnap.SnapshotByTimeOffsetComplete)
    return [(p.status, p.time_offset, p.url) for p in model.data.pic_info]


def test_snapshot_event_v4_success() -> None:
    model = event("snapshot-event-v4-success.json")
    assert isinstance(model, vodsnap.SnapshotByTimeOffsetComplete)
    assert (model.version, model.event_type) == ("4.0", "CreateSnapshotByTimeOffsetComplete")
    assert model.wire_format is vodsnap.EventFormat.V4
    data = model.data
    assert (data.vod_task_id, data.file_id, data.definition) == (
        SNAPSHOT_TASK,
        "14508071098244929440",
        10,
    )
    assert pictures(model) == [(0, 3123213, V4_URL.format(1)), (0, 3123123, V4_URL.format(2))]
    assert model.succeeded


def test_snapshot_event_v4_failure() -> None:
    model = event("snapshot-event-v4-failure.json")
    assert isinstance(model, vodsnap.SnapshotByTimeOffsetComplete)
    data = model.data
    assert (data.vod_task_id, data.file_id, data.definition) == (
        SNAPSHOT_TASK,
        "9031868222841494656",
        20,
    )
    assert pictures(model) == [(-46204, 1000000, None)]
    assert not model.succeeded


@pytest.mark.parametrize(
    "name", ["snapshot-event-api3-push.json", "snapshot-event-api3-pullevents.json"]
)
def test_snapshot_event_api3(name: str) -> None:
    model = event(name)
    assert isinstance(model, vodsnap.SnapshotByTimeOffsetComplete)
    assert model.event_type == "CreateSnapshotByTimeOffsetComplete"
    assert model.wire_format is vodsnap.EventFormat.API3
    data = model.data
    assert (data.vod_task_id, data.file_id, data.definition) == (
        SNAPSHOT_TASK,
        "14508071098244929440",
        10,
    )
    assert pictures(model) == [(0, 10000, API3_URL.format(1)), (0, 20000, API3_URL.format(2))]
    assert model.succeeded


@pytest.mark.parametrize(
    ("name", "handle"),
    [
        ("snapshot-event-api3-pullevents.json", "EventHandle.N"),
        ("procedure-api3-taskflow-pullevents.json", "EventHandleX"),
        ("image-sprite-api3-pullevents.json", "EventHandle.N"),
    ],
)
def test_pull_responses(name: str, handle: str) -> None:
    response = decode(name)
    assert isinstance(response, vodsnap.PullEventsResponse)
    assert response.ok
    assert response.request_id == "335bdaa3-db0e-46ce-9946-51941d9cb0f5"
    assert [(pulled.msg_handle, pulled.error) for pulled in response.events] == [(handle, None)]
