"""The task-flow and image-sprite bodies Tencent publishes decode, strict mode included, to the
values their pages show (tests/data/published/NAME.source.md says where each comes from)."""

from __future__ import annotations

from pathlib import Path

import pytest

import vodsnap
from vodsnap import SnapshotKind, TaskStatus

PUBLISHED = Path(__file__).parent / "data" / "published"
SHOTUP = "http://125xx.vod2.myqcloud.com/vodtrans125xx/14508071098244929440/shotup/xx"
SNAP = (
    "http://125xx.vod2.myqcloud.com/42f909a8vodtransgzp251000333/"
    "dee2963524820810452267193/snapshot/1502280085_887773835.100_"
)
X = "http://125xx.vod2.myqcloud.com/xxx/xxx/"
V125 = "http://125xx.vod2.myqcloud.com/vod125xx/14508071098244929440/"
INTL = "http://125676836723.vod2.myqcloud.com/xxx/xxx/"
NAMES = sorted(
    p.name
    for p in PUBLISHED.glob("*.json")
    if p.name.startswith(("procedure-", "image-sprite-")) and (p.with_suffix(".source.md")).exists()
)


def body(name: str) -> bytes:
    return (PUBLISHED / name).read_bytes()


def decode(name: str, *, strict: bool) -> vodsnap.Callback | vodsnap.PullResponse:
    if "pullevents" in name:
        return vodsnap.parse_pull(body(name), strict=strict)
    return vodsnap.parse(body(name), strict=strict)


def test_every_body_has_its_source() -> None:
    assert len(NAMES) == 9
    for name in NAMES:
        assert (PUBLISHED / name).with_suffix(".source.md").read_text().startswith(f"# {name}")


@pytest.mark.parametrize("name", [n for n in NAMES if "screencapture" not in n])
@pytest.mark.parametrize("strict", [False, True])
def test_decodes_and_round_trips(name: str, strict: bool) -> None:
    model = decode(name, strict=strict)
    assert model == decode(name, strict=not strict)
    wire = vodsnap.to_wire(model)
    again = vodsnap.parse_pull(wire) if "pullevents" in name else vodsnap.parse(wire)
    assert again == model


def test_procedure_v4_archived() -> None:
    event = vodsnap.parse(body("procedure-v4-archived.json"), strict=True)
    assert isinstance(event, vodsnap.ProcedureStateChanged)
    data = event.data
    assert (data.vod_task_id, data.status, data.err_code, data.message, data.file_id) == (
        "251000333-mango-c27bdf65ea06646171e714f25f5aac63",
        vodsnap.ProcedureStatus.PROCESSING,
        0,
        "",
        "123123123",
    )
    assert data.meta_data is not None
    assert data.meta_data["duration"] == 3601
    assert data.drm is not None
    assert data.drm["edkList"] == ("232abc30",)
    types = [(t.task_type, t.status) for t in data.tasks]
    assert types == [
        ("Transcode", TaskStatus.PROCESSING),
        ("Transcode", TaskStatus.SUCCESS),
        ("SampleSnapshot", TaskStatus.SUCCESS),
        ("CoverBySnapshot", TaskStatus.SUCCESS),
        ("SnapshotByTimeOffset", TaskStatus.SUCCESS),
    ]
    transcode, _sample, cover, offsets = data.tasks[1:]
    assert isinstance(transcode, vodsnap.OtherTask)
    assert transcode.output is not None
    assert transcode.output["url"].endswith("/f20.mp4")
    assert isinstance(cover, vodsnap.CoverBySnapshotTask)
    assert cover.input is not None
    assert (cover.input.position_type, cover.input.position) == ("Percent", 10)
    assert isinstance(offsets, vodsnap.SnapshotByTimeOffsetTask)
    assert offsets.input is not None
    assert offsets.input.time_offsets == (300, 400)
    shots = [(s.kind, s.definition, s.time_offset, s.url) for s in vodsnap.snapshots(event)]
    assert shots == [
        *[(SnapshotKind.SAMPLE, 10, None, f"{SHOTUP}{i}.png") for i in range(1, 11)],
        (SnapshotKind.COVER, 10, None, f"{SHOTUP}1.png"),
        (SnapshotKind.TIME_OFFSET, 10, 300, f"{SNAP}300.jpg"),
        (SnapshotKind.TIME_OFFSET, 10, 400, f"{SNAP}400.jpg"),
    ]
    assert {s.file_id for s in vodsnap.snapshots(event)} == {"123123123"}


def test_procedure_v4_current() -> None:
    event = vodsnap.parse(body("procedure-v4-current.json"), strict=True)
    assert isinstance(event, vodsnap.ProcedureStateChanged)
    assert [r["taskType"] for r in event.data.content_review] == ["Porn", "Terriorism"]
    assert [r["taskType"] for r in event.data.ai_analysis] == ["Classification", "Tag"]
    sprites = event.data.tasks[-1]
    assert isinstance(sprites, vodsnap.ImageSpritesTask)
    assert sprites.output is not None
    assert (sprites.message, sprites.output.total_count) == ("SUCCESS", 106)
    assert sprites.output.web_vtt_url == X + "xx_xx.vtt"
    animated = event.data.tasks[2]
    assert isinstance(animated, vodsnap.OtherTask)
    assert animated.task_type == "AnimatedGraphics"
    assert [(s.kind, s.time_offset, s.url) for s in vodsnap.snapshots(event)] == [
        (SnapshotKind.SAMPLE, None, X + "shotup/xx1.png"),
        (SnapshotKind.SAMPLE, None, X + "shotup/xx2.png"),
        (SnapshotKind.SAMPLE, None, "..."),  # the page's placeholder, listed as sent
        (SnapshotKind.SAMPLE, None, X + "shotup/xx10.png"),
        (SnapshotKind.COVER, None, X + "shotup/xx1.png"),
        (SnapshotKind.TIME_OFFSET, 300, X + "snapshot/xxx.100_300.jpg"),
        (SnapshotKind.TIME_OFFSET, 400, X + "snapshot/xxx.100_400.jpg"),
        (SnapshotKind.SPRITE, None, X + "xxx.100_0.png"),
        (SnapshotKind.SPRITE, None, X + "xxx.100_1.png"),
    ]


@pytest.mark.parametrize(
    "name", ["procedure-api3-taskflow-push.json", "procedure-api3-taskflow-pullevents.json"]
)
def test_procedure_api3(name: str) -> None:
    model = decode(name, strict=True)
    event: object = model
    if isinstance(model, vodsnap.PullEventsResponse):
        assert model.request_id == "335bdaa3-db0e-46ce-9946-51941d9cb0f5"
        assert model.events[0].msg_handle == "EventHandleX"
        event = model.events[0].event
    assert isinstance(event, vodsnap.ProcedureStateChanged)
    assert event.wire_format is vodsnap.EventFormat.API3
    data = event.data
    shown = {"TaskId": data.vod_task_id, "Status": data.status, "FileName": data.file_name}
    assert shown == {
        "TaskId": "1256768367-Procedure-475b72xxxcb177t1",
        "Status": "FINISH",
        "FileName": "Animal World",
    }
    assert data.file_id == "5285890784246869930"
    assert (data.meta_data or {})["AudioDuration"] == 59.990001678467
    transcode, cover = data.tasks
    assert isinstance(transcode, vodsnap.OtherTask)
    assert transcode.task_type == "Transcode"
    assert isinstance(cover, vodsnap.CoverBySnapshotTask)
    assert cover.input is not None
    assert (cover.input.definition, cover.input.position_type, cover.input.position) == (
        10,
        "Time",
        0,
    )
    cover_url = "http://1256768367.vod2.myqcloud.com/xxx/xxx/xxx.100_0.jpg"
    assert [(s.kind, s.definition, s.url) for s in vodsnap.snapshots(model)] == [
        (SnapshotKind.COVER, 10, cover_url)
    ]


def test_procedure_api3_screencapture_is_refused_for_its_duplicate_key() -> None:
    """The page's ``Input`` sends ``Definition`` twice (10, then [3, 6, 9]): JSON readers keep the
    last, which is no template id, and strict mode refuses the duplicate itself."""
    for strict, message in ((False, "expected an integer, got an array"), (True, "duplicate key")):
        with pytest.raises(vodsnap.DecodeError) as caught:
            vodsnap.parse(body("procedure-api3-screencapture.json"), strict=strict)
        path = "$.ProcedureStateChangeEvent.MediaProcessResultSet[0].SnapshotByTimeOffsetTask"
        assert [(e.path, e.message) for e in caught.value.errors] == [
            (f"{path}.Input.Definition", message)
        ]


def test_procedure_api3_screencapture_with_its_first_definition() -> None:
    """With the duplicate resolved to its first value (the ``Output.Definition`` 10 agrees),
    every other value the page shows decodes, its SampleSnapshot ``PicInfoSet`` included."""
    text = body("procedure-api3-screencapture.json").decode()
    fixed = text.replace(
        '"Definition":10,\n                        "Definition":[3, 6, 9]', '"Definition":10'
    )
    assert fixed != text
    event = vodsnap.parse(fixed, strict=True)
    assert isinstance(event, vodsnap.ProcedureStateChanged)
    u = "http://1256768367.vod2.myqcloud.com/xxx/xxx/"
    sprites = event.data.tasks[2]
    assert isinstance(sprites, vodsnap.ImageSpritesTask)
    assert sprites.output is not None
    assert (sprites.output.height, sprites.output.width, sprites.output.total_count) == (80, 142, 1)
    assert [(s.kind, s.time_offset, s.url) for s in vodsnap.snapshots(event)] == [
        *[(SnapshotKind.TIME_OFFSET, t, f"{u}xxx{i}.jpg") for i, t in enumerate((3, 6, 9), 1)],
        *[(SnapshotKind.SAMPLE, 6 * i, f"{u}xxx{i}.jpg") for i in range(1, 11)],
        (SnapshotKind.SPRITE, None, u + "xxx1.jpg"),
        (SnapshotKind.COVER, None, u + "xxx.jpg"),
    ]


def test_image_sprite_v4() -> None:
    ok = vodsnap.parse(body("image-sprite-v4-success.json"), strict=True)
    assert isinstance(ok, vodsnap.ImageSpriteComplete)
    assert ok.succeeded
    assert ok.error is None
    assert (ok.data.vod_task_id, ok.data.file_id, ok.data.definition, ok.data.total_count) == (
        "CreateImageSprite-1edb7eb88a599d05abe451cfc541cfbd",
        "14508071098244929440",
        10,
        106,
    )
    assert ok.data.image_sprite_urls == (V125 + "xx1.png", V125 + "xx2.png")
    assert ok.data.web_vtt_url == V125 + "xx.vtt"
    bad = vodsnap.parse(body("image-sprite-v4-failure.json"), strict=True)
    assert isinstance(bad, vodsnap.ImageSpriteComplete)
    assert not bad.succeeded
    assert bad.data.status == -43001
    assert bad.data.message == ""
    assert bad.error == vodsnap.error_info(-43001)
    assert (bad.data.definition, bad.data.image_sprite_urls, bad.data.web_vtt_url) == (
        None,
        (),
        None,
    )
    [failure] = vodsnap.snapshots(bad)
    assert (failure.kind, failure.url, failure.error_code) == (SnapshotKind.SPRITE, None, -43001)
    assert failure.file_id == "14508071098244929440"


@pytest.mark.parametrize(
    "name", ["image-sprite-api3-push.json", "image-sprite-api3-pullevents.json"]
)
def test_image_sprite_api3(name: str) -> None:
    model = decode(name, strict=True)
    shots = vodsnap.snapshots(model)
    assert [(s.kind, s.file_id, s.definition, s.url) for s in shots] == [
        (SnapshotKind.SPRITE, "14508071098244929440", 10, INTL + "1.png"),
        (SnapshotKind.SPRITE, "14508071098244929440", 10, INTL + "2.png"),
    ]
    event = shots[0].source
    assert isinstance(event, vodsnap.ImageSpriteComplete)
    assert (event.data.total_count, event.data.web_vtt_url) == (106, INTL + "xxx.vtt")
    if isinstance(model, vodsnap.PullEventsResponse):
        assert model.events[0].msg_handle == "EventHandle.N"
