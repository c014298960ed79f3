"""MPS task notifications (WorkflowTask, ScheduleTask): the published body, recognition beside
VOD's API 3.0 events, snapshots as storage locations, round trips, idempotency, strict mode,
limits, the schema and the command line."""

from __future__ import annotations

import copy
import json
import pickle
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import vodsnap
from strategies import encoded, quirked
from support import errors_of, of_type, schema_validator
from vodsnap import SnapshotKind, StorageLocation, testing
from vodsnap._cli_output import summary
from vodsnap._cli_snapshots import main_snapshots

PUBLISHED = Path(__file__).parent / "data" / "published"
WORKFLOW = "mps-workflowtask-scf-trigger.json"
TASK_ID = "245****654-WorkflowTask-f46dac7fe2436c47******d71946986t0"
BUCKET, REGION = "gztest-125****654", "ap-guangzhou"
HOST = f"https://{BUCKET}.cos.{REGION}.myqcloud.com"
PICTURE = "/dasda/dianping2_snapshotByOffset_10_0.jpg"
SPRITE = "/dasda/imageSprite/dianping2_imageSprite_10_0.jpg"


def published() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads((PUBLISHED / WORKFLOW).read_bytes())
    return loaded


def entry(body: dict[str, Any], task_type: str) -> dict[str, Any]:
    """The published body's entry of ``task_type`` (its task object)."""
    for item in body["WorkflowTaskEvent"]["MediaProcessResultSet"]:
        if item["Type"] == task_type:
            key = next(k for k, v in item.items() if k != "Type" and v is not None)
            found: dict[str, Any] = item[key]
            return found
    raise LookupError(task_type)


def only_offsets(body: dict[str, Any]) -> dict[str, Any]:
    """The published body with its SnapshotByTimeOffset entry alone."""
    event = body["WorkflowTaskEvent"]
    event["MediaProcessResultSet"] = [
        e for e in event["MediaProcessResultSet"] if e["Type"] == "SnapshotByTimeOffset"
    ]
    return body


# -- the published body ---------------------------------------------------------------------


@pytest.mark.parametrize("strict", [False, True])
def test_the_published_workflow_task(strict: bool) -> None:
    model = vodsnap.parse((PUBLISHED / WORKFLOW).read_bytes(), strict=strict)
    assert isinstance(model, vodsnap.MpsWorkflowTask)
    assert (model.event_type, model.task_id, model.status) == ("WorkflowTask", TASK_ID, "FINISH")
    assert (model.err_code, model.message, model.session_id) == (0, "", None)
    assert model.input == vodsnap.MpsInputInfo(
        type="COS",
        cos=vodsnap.MpsCosObject(
            bucket="macgzptest-125****654", region="ap-guangzhou", object="/dianping2.mp4"
        ),
    )
    assert [t.task_type for t in model.tasks] == [
        "Transcode",
        "AnimatedGraphics",
        "SnapshotByTimeOffset",
        "ImageSprites",
    ]
    transcode, animated, offsets, sprites = model.tasks
    assert isinstance(transcode, vodsnap.MpsOtherTask)
    assert isinstance(animated, vodsnap.MpsOtherTask)
    assert animated.data["AnimatedGraphicTask"]["ErrCode"] == 30010
    assert isinstance(offsets, vodsnap.MpsSnapshotByTimeOffsetTask)
    assert offsets.input is not None
    assert offsets.input.definition == 10
    assert offsets.output is not None
    assert offsets.output.definition == 0
    assert offsets.output.pictures == (
        vodsnap.MpsPicture(time_offset=0, path=PICTURE, watermark_definitions=(515247,)),
    )
    assert isinstance(sprites, vodsnap.MpsImageSpritesTask)
    assert sprites.output is not None
    assert (sprites.output.total_count, sprites.output.image_paths) == (2, (SPRITE,))
    assert model.data.meta_data is not None
    assert model.data.meta_data["Rotate"] == 90


def test_the_published_snapshots() -> None:
    model = vodsnap.parse(published())
    cos = ("COS", BUCKET, REGION)
    assert vodsnap.snapshots(model) == (
        vodsnap.Snapshot(
            kind=SnapshotKind.TIME_OFFSET,
            file_id=None,
            definition=10,  # the input's: the output says 0
            time_offset=0,
            url=HOST + PICTURE,
            storage=StorageLocation(*cos, PICTURE),
            source=model,
        ),
        vodsnap.Snapshot(
            kind=SnapshotKind.SPRITE,
            file_id=None,
            definition=10,
            url=HOST + SPRITE,
            storage=StorageLocation(*cos, SPRITE),
            source=model,
        ),
    )
    assert all(shot.ok for shot in vodsnap.snapshots(model))


def test_the_fixture_holds_the_published_body(
    vodsnap_published_examples: dict[str, bytes],
) -> None:
    held = vodsnap_published_examples["mps-workflowtask-scf-trigger"]
    assert held == (PUBLISHED / WORKFLOW).read_bytes()


# -- recognition ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("event_type", "key"),
    [
        ("EditMediaTask", "EditMediaTaskEvent"),
        ("BatchTask", "BatchTaskEvent"),
        ("ExtractBlindWatermark", "ExtractBlindWatermarkTask"),
    ],
)
def test_other_mps_types_are_unknown_events(event_type: str, key: str) -> None:
    body = {"EventType": event_type, key: {"TaskId": "t", "Status": "FINISH"}, "SessionId": "s"}
    model = vodsnap.parse(body)
    assert isinstance(model, vodsnap.UnknownEvent)
    assert vodsnap.snapshots(model) == ()


def test_mps_notifications_are_not_pulled_events() -> None:
    """``parse_event`` reads VOD's events only: an MPS body there is of a type it does not model."""
    assert isinstance(vodsnap.parse_event(published()), vodsnap.UnknownEvent)


def as_schedule(body: dict[str, Any]) -> dict[str, Any]:
    """A WorkflowTask body as the ScheduleTask of the same tasks."""
    event = body.pop("WorkflowTaskEvent")
    activities = [
        {"ActivityType": e["Type"], "ActivityResItem": {k: v for k, v in e.items() if k != "Type"}}
        for e in event.pop("MediaProcessResultSet")
    ]
    event["ActivityResultSet"] = activities
    return body | {"EventType": "ScheduleTask", "ScheduleTaskEvent": event}


def test_a_schedule_task_holds_its_tasks_in_activities() -> None:
    body = as_schedule(published())
    model = vodsnap.parse(body, strict=True)
    assert isinstance(model, vodsnap.MpsScheduleTask)
    workflow = vodsnap.parse(published())
    assert [(s.kind, s.url, s.storage) for s in vodsnap.snapshots(model)] == [
        (s.kind, s.url, s.storage) for s in vodsnap.snapshots(workflow)
    ]
    assert vodsnap.to_wire(model) == vodsnap.to_wire(vodsnap.parse(vodsnap.to_wire(model)))
    written = vodsnap.to_wire(model)["ScheduleTaskEvent"]["ActivityResultSet"][2]
    assert list(written) == ["ActivityType", "ActivityResItem"]
    assert list(written["ActivityResItem"]) == ["SnapshotByTimeOffsetTask"]


# -- snapshots ------------------------------------------------------------------------------


def shots(body: dict[str, Any]) -> tuple[vodsnap.Snapshot, ...]:
    return vodsnap.snapshots(vodsnap.parse(body))


@pytest.mark.parametrize(
    ("storage", "url", "where"),
    [
        (
            {"Type": "AWS-S3", "S3OutputStorage": {"S3Bucket": "b", "S3Region": "us-east-1"}},
            f"https://b.s3.us-east-1.amazonaws.com{PICTURE}",
            ("AWS-S3", "b", "us-east-1"),
        ),
        ({"Type": "COS", "CosOutputStorage": {"Bucket": "b-1"}}, None, ("COS", "b-1", None)),
        ({"Type": "COS"}, None, ("COS", None, None)),
        ({"Type": "VOD", "VODOutputStorage": {"SubAppId": 1}}, None, ("VOD", None, None)),
        (
            {"Type": "Other", "CosOutputStorage": {"Bucket": "b", "Region": "r"}},
            None,
            ("Other", None, None),
        ),
    ],
)
def test_where_an_image_is(
    storage: dict[str, Any], url: str | None, where: tuple[str | None, str | None, str | None]
) -> None:
    body = only_offsets(published())
    entry(body, "SnapshotByTimeOffset")["Output"]["Storage"] = storage
    (shot,) = shots(body)
    assert (shot.url, shot.storage) == (url, StorageLocation(*where, PICTURE))
    assert shot.ok
    assert shot.error is None


def test_the_input_names_the_storage_when_the_output_does_not() -> None:
    body = only_offsets(published())
    task = entry(body, "SnapshotByTimeOffset")
    del task["Output"]["Storage"]
    task["Input"]["OutputStorage"]["CosOutputStorage"] = {"Bucket": "in-1", "Region": "ap-x"}
    (shot,) = shots(body)
    assert shot.url == f"https://in-1.cos.ap-x.myqcloud.com{PICTURE}"
    del task["Input"]["OutputStorage"]  # inherited from a level the body does not carry
    (shot,) = shots(body)
    assert (shot.url, shot.storage) == (None, StorageLocation(None, None, None, PICTURE))
    assert shot.ok


@given(st.decimals(min_value=0, max_value=100_000, places=4) | st.integers(0, 10**6))
def test_offsets_are_milliseconds_exactly(seconds: Decimal | int) -> None:
    sent = float(seconds) if isinstance(seconds, Decimal) else seconds
    body = only_offsets(published())
    entry(body, "SnapshotByTimeOffset")["Output"]["PicInfoSet"][0]["TimeOffset"] = sent
    (shot,) = shots(body)
    exact = Decimal(repr(sent)) * 1000
    whole = exact == exact.to_integral_value()
    assert shot.time_offset == (int(exact) if whole else float(exact))
    assert isinstance(shot.time_offset, int) is whole


def test_a_fractional_offset() -> None:
    body = only_offsets(published())
    pictures = entry(body, "SnapshotByTimeOffset")["Output"]["PicInfoSet"]
    pictures[0]["TimeOffset"] = 0.1  # 0.1 * 1000 in binary floating point is 100.00000000000001
    (shot,) = shots(body)
    assert shot.time_offset == 100
    assert type(shot.time_offset) is int
    pictures[0]["TimeOffset"] = 0.0015
    (shot,) = shots(body)
    assert shot.time_offset == 1.5


@pytest.mark.parametrize(
    ("input_definition", "output_definition", "expected"),
    [(10, 0, 10), (None, 20, 20), (None, 0, None), (None, None, None)],
)
def test_the_definition(input_definition: Any, output_definition: Any, expected: Any) -> None:
    body = only_offsets(published())
    task = entry(body, "SnapshotByTimeOffset")
    for part, value in (("Input", input_definition), ("Output", output_definition)):
        if value is None:
            del task[part]["Definition"]
        else:
            task[part]["Definition"] = value
    assert [s.definition for s in shots(body)] == [expected]


@pytest.mark.parametrize(
    ("codes", "error_code"),
    [({"ErrCode": 30010}, 30010), ({"ErrCode": 0, "ErrCodeExt": "InternalError"}, "InternalError")],
)
def test_a_failed_task_is_one_failure(codes: dict[str, Any], error_code: Any) -> None:
    body = only_offsets(published())
    entry(body, "SnapshotByTimeOffset").update(Status="FAIL", Output=None, **codes)
    (shot,) = shots(body)
    assert (shot.url, shot.storage, shot.error_code, shot.ok) == (None, None, error_code, False)
    assert shot.error == vodsnap.error_info(error_code)
    assert shot.definition == 10


def test_tasks_processing_and_other_types_give_nothing() -> None:
    body = only_offsets(published())
    entry(body, "SnapshotByTimeOffset").update(Status="PROCESSING", Output=None)
    assert shots(body) == ()
    cover = {"Type": "CoverBySnapshot", "TranscodeTask": None}  # no task key for it
    body["WorkflowTaskEvent"]["MediaProcessResultSet"] = [cover]
    model = of_type(vodsnap.MpsWorkflowTask, vodsnap.parse(body, strict=True))
    assert model.tasks == (
        vodsnap.MpsOtherTask(task_type="CoverBySnapshot", data={"TranscodeTask": None}),
    )
    assert vodsnap.snapshots(model) == ()


def test_vod_and_cloud_live_snapshots_have_no_storage() -> None:
    for name in ("image-sprite-v4-success.json", "css-live-screenshot-200-current.json"):
        body = json.loads((PUBLISHED / name).read_bytes())
        assert all(s.storage is None and s.ok is (s.url is not None) for s in shots(body))


# -- errors, strict mode, limits --------------------------------------------------------------


def test_every_problem_at_its_wire_path() -> None:
    body = published()
    body["WorkflowTaskEvent"]["Status"] = "DONE"
    entry(body, "SnapshotByTimeOffset")["Output"]["PicInfoSet"][0]["Path"] = 7
    entry(body, "ImageSprites")["Input"]["OutputStorage"]["CosOutputStorage"]["Region"] = []
    results = "$.WorkflowTaskEvent.MediaProcessResultSet"
    assert sorted(p for p, _ in errors_of(body)) == [
        f"{results}[2].SnapshotByTimeOffsetTask.Output.PicInfoSet[0].Path",
        f"{results}[3].ImageSpriteTask.Input.OutputStorage.CosOutputStorage.Region",
        "$.WorkflowTaskEvent.Status",
    ]


RESULTS = "$.WorkflowTaskEvent.MediaProcessResultSet"
ACTIVITIES = "$.ScheduleTaskEvent.ActivityResultSet"


def _no_type(body: dict[str, Any]) -> None:
    del body["WorkflowTaskEvent"]["MediaProcessResultSet"][2]["Type"]


def _type_number(body: dict[str, Any]) -> None:
    body["WorkflowTaskEvent"]["MediaProcessResultSet"][2]["Type"] = 5


def _task_null(body: dict[str, Any]) -> None:
    body["WorkflowTaskEvent"]["MediaProcessResultSet"][2]["SnapshotByTimeOffsetTask"] = None


def _no_url(body: dict[str, Any]) -> None:
    body["WorkflowTaskEvent"]["InputInfo"] = {"Type": "URL", "UrlInputInfo": {"url": "x"}}


def _no_item(body: dict[str, Any]) -> None:
    del body["ScheduleTaskEvent"]["ActivityResultSet"][2]["ActivityResItem"]


def _item_list(body: dict[str, Any]) -> None:
    body["ScheduleTaskEvent"]["ActivityResultSet"][2]["ActivityResItem"] = []


def _item_extra(body: dict[str, Any]) -> None:
    body["ScheduleTaskEvent"]["ActivityResultSet"][2]["Extra"] = 1
    body["ScheduleTaskEvent"]["ActivityResultSet"][2]["ActivityResItem"]["Extra"] = 2


@pytest.mark.parametrize(
    ("schedule", "change", "strict", "paths"),
    [
        (False, _no_type, False, [f"{RESULTS}[2].Type"]),
        (False, _type_number, False, [f"{RESULTS}[2].Type"]),
        (False, _task_null, False, [f"{RESULTS}[2].SnapshotByTimeOffsetTask"]),
        (False, _no_url, False, ["$.WorkflowTaskEvent.InputInfo.UrlInputInfo.Url"]),
        (
            False,
            _no_url,
            True,
            [
                "$.WorkflowTaskEvent.InputInfo.UrlInputInfo.Url",
                "$.WorkflowTaskEvent.InputInfo.UrlInputInfo.url",
            ],
        ),
        (True, _no_item, False, [f"{ACTIVITIES}[2].ActivityResItem"]),
        (True, _item_list, False, [f"{ACTIVITIES}[2].ActivityResItem"]),
        (True, _item_extra, False, []),
        (
            True,
            _item_extra,
            True,
            [f"{ACTIVITIES}[2].ActivityResItem.Extra", f"{ACTIVITIES}[2].Extra"],
        ),
    ],
)
def test_entry_problems_at_their_paths(
    schedule: bool, change: Any, strict: bool, paths: list[str]
) -> None:
    body = as_schedule(published()) if schedule else published()
    change(body)
    assert sorted(p for p, _ in errors_of(body, strict=strict)) == paths


def test_a_success_without_output_gives_nothing() -> None:
    body = only_offsets(published())
    entry(body, "SnapshotByTimeOffset")["Output"] = None
    assert shots(body) == ()


def test_a_snapshot_entry_holds_one_task() -> None:
    body = published()
    offsets = body["WorkflowTaskEvent"]["MediaProcessResultSet"][2]
    offsets["ImageSpriteTask"] = entry(body, "ImageSprites")
    for strict in (False, True):
        paths = [p for p, _ in errors_of(body, strict=strict)]
        assert paths == ["$.WorkflowTaskEvent.MediaProcessResultSet[2].ImageSpriteTask"]


def test_strict_mode_refuses_unknown_keys() -> None:
    body = published()
    body["Extra"] = 1
    entry(body, "SnapshotByTimeOffset")["Output"]["PicInfoSet"][0]["Size"] = 10
    assert vodsnap.parse(body) == vodsnap.parse(published())
    paths = sorted(p for p, _ in errors_of(body, strict=True))
    assert paths == [
        "$.Extra",
        "$.WorkflowTaskEvent.MediaProcessResultSet[2].SnapshotByTimeOffsetTask.Output"
        ".PicInfoSet[0].Size",
    ]


def test_the_other_payload_keys_may_be_null() -> None:
    """As the SDK's ParseNotification holds them: every payload key but the body's own."""
    body = published()
    nulls = (
        "ScheduleTaskEvent",
        "EditMediaTaskEvent",
        "BatchTaskEvent",
        "ExtractBlindWatermarkTask",
    )
    body |= dict.fromkeys(nulls)
    assert vodsnap.parse(body, strict=True) == vodsnap.parse(published())
    body["EditMediaTaskEvent"] = {"TaskId": "t"}
    assert [p for p, _ in errors_of(body, strict=True)] == ["$.EditMediaTaskEvent"]
    body["WorkflowTaskEvent"] = None
    assert "$.WorkflowTaskEvent" in [p for p, _ in errors_of(body)]


def test_limits_bound_the_arrays() -> None:
    body = published()
    paths = entry(body, "ImageSprites")["Output"]["ImagePathSet"]
    paths *= 3
    assert len(shots(body)) == 4
    problems = errors_of(body, limits=vodsnap.Limits(max_snapshots=2))
    assert [p for p, _ in problems] == [
        "$.WorkflowTaskEvent.MediaProcessResultSet[3].ImageSpriteTask.Output.ImagePathSet"
    ]
    assert errors_of(body, limits=vodsnap.Limits(max_pictures=3)) != []  # four entries


# -- round trips, resends -------------------------------------------------------------------


@given(st.data(), testing.mps_bodies())
def test_round_trip(data: st.DataObject, body: dict[str, Any]) -> None:
    model = vodsnap.parse(data.draw(encoded(data.draw(quirked(body)))))
    assert vodsnap.parse(vodsnap.to_wire(model)) == model
    assert vodsnap.parse(vodsnap.to_wire(model), strict=True) == model
    assert pickle.loads(pickle.dumps(model)) == model
    assert hash(model) == hash(vodsnap.parse(body))


@given(testing.mps_bodies(quirks=False), st.integers(1_600_000_000, 1_900_000_000))
def test_resends_share_the_key(body: dict[str, Any], expires: int) -> None:
    resend = body | {"Timestamp": expires, "Sign": "0" * 32}
    first, again = vodsnap.parse(body), vodsnap.parse(resend)
    assert again == first
    assert again.idempotency_key == first.idempotency_key
    assert isinstance(again, vodsnap.MpsWorkflowTask | vodsnap.MpsScheduleTask)
    assert again.timestamp == datetime.fromtimestamp(expires, UTC)


def test_another_task_or_state_has_another_key() -> None:
    body = published()
    key = vodsnap.parse(body).idempotency_key
    other = copy.deepcopy(body)
    other["WorkflowTaskEvent"]["TaskId"] += "x"
    assert vodsnap.parse(other).idempotency_key != key
    failed = copy.deepcopy(body)
    entry(failed, "ImageSprites").update(Status="FAIL", ErrCode=30010, Output=None)
    assert vodsnap.parse(failed).idempotency_key != key
    processing = copy.deepcopy(body)
    processing["WorkflowTaskEvent"]["Status"] = "PROCESSING"
    assert vodsnap.parse(processing).idempotency_key != key
    assert key.startswith(f"WorkflowTask:{TASK_ID}:")


# -- schema, kit, command line --------------------------------------------------------------


def test_the_schema_describes_mps() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    for kind in ("mps", "callback"):
        schema_validator(kind).validate(published())
    wrong = published()
    wrong["WorkflowTaskEvent"]["TaskId"] = 5
    with pytest.raises(jsonschema.ValidationError):
        schema_validator("mps").validate(wrong)


def test_from_type_makes_mps_models() -> None:
    from hypothesis import Phase, find, settings

    # The first model made is the evidence: shrinking it (to no end) cost seconds a model.
    quick = settings(database=None, phases=[Phase.generate])
    for model in (vodsnap.MpsWorkflowTask, vodsnap.MpsScheduleTask):
        made = find(st.from_type(model), lambda _: True, settings=quick)
        assert isinstance(made, model)


def test_the_summary_line() -> None:
    """Every entry as it reports itself: the untyped ones too (the published AnimatedGraphics
    task failed with 30010)."""
    assert summary(vodsnap.parse(published())) == (
        f"mps-workflow-task task={TASK_ID} status=FINISH snapshots=2 tasks=[Transcode:SUCCESS "
        "AnimatedGraphics:FAIL(30010) SnapshotByTimeOffset:SUCCESS ImageSprites:SUCCESS]"
    )


def test_the_summary_line_of_a_failed_snapshot_task_and_an_entry_without_a_task() -> None:
    body = published()
    task = entry(body, "SnapshotByTimeOffset")
    task.update(Status="FAIL", ErrCode=0, ErrCodeExt="InternalError", Output=None)
    entries = body["WorkflowTaskEvent"]["MediaProcessResultSet"]
    entries.append({"Type": "CoverBySnapshot"})  # no task key at all
    line = summary(vodsnap.parse(body))
    assert "SnapshotByTimeOffset:FAIL(InternalError)" in line
    assert line.endswith("ImageSprites:SUCCESS CoverBySnapshot:-]")


def test_the_summary_line_of_a_schedule_task_reads_its_entries_under_their_holder() -> None:
    model = vodsnap.parse(as_schedule(published()))
    assert isinstance(model, vodsnap.MpsScheduleTask)
    line = summary(model)
    assert line.startswith("mps-schedule-task ")
    assert "AnimatedGraphics:FAIL(30010)" in line


def test_snapshots_of_a_log_that_mixes_vod_cloud_live_and_mps(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    log = tmp_path / "callbacks.jsonl"
    inherited = only_offsets(published())
    del entry(inherited, "SnapshotByTimeOffset")["Output"]["Storage"]
    del entry(inherited, "SnapshotByTimeOffset")["Input"]["OutputStorage"]
    bodies = [
        json.loads((PUBLISHED / "image-sprite-v4-success.json").read_bytes()),
        json.loads((PUBLISHED / "css-live-screenshot-200-current.json").read_bytes()),
        published(),
        inherited,
    ]
    log.write_text("\n".join(json.dumps(b) for b in bodies) + "\n")
    assert main_snapshots([str(log)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith(f"{log}:1: sprite file=14508071098244929440 offset=- http://")
    assert lines[2].startswith(f"{log}:2: live stream=your_streamid offset=- http://")
    assert lines[3:] == [
        f"{log}:3: time_offset file=- offset=0ms {HOST}{PICTURE}",
        f"{log}:3: sprite file=- offset=- {HOST}{SPRITE}",
        f"{log}:4: time_offset file=- offset=0ms storage=-:-:-:{PICTURE}",
    ]
    assert main_snapshots(["--json", str(log)]) == 0
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r["storage"] for r in records] == [
        None,
        None,
        None,
        {"type": "COS", "bucket": BUCKET, "region": REGION, "path": PICTURE},
        {"type": "COS", "bucket": BUCKET, "region": REGION, "path": SPRITE},
        {"type": None, "bucket": None, "region": None, "path": PICTURE},
    ]
