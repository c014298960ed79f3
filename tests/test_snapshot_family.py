"""ProcedureStateChanged and CreateImageSpriteComplete: each quirk on its own, and the rules of
``vodsnap.snapshots``."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any, cast

import jsonschema
import pytest

import vodsnap
from support import of_type, schema_validator
from vodsnap import SnapshotKind, TaskStatus

PUBLISHED = Path(__file__).parent / "data" / "published"


def published(name: str) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads((PUBLISHED / name).read_bytes())
    return loaded


def v4(*tasks: dict[str, Any], **data: Any) -> dict[str, Any]:
    return {
        "version": "4.0",
        "eventType": "ProcedureStateChanged",
        "data": {"vodTaskId": "p-1", "status": "FINISH", "errCode": 0, "message": "", "fileId": "9"}
        | data
        | {"processTaskList": list(tasks)},
    }


def api3(*results: dict[str, Any], **data: Any) -> dict[str, Any]:
    return {
        "EventType": "ProcedureStateChanged",
        "ProcedureStateChangeEvent": {"TaskId": "p-1", "Status": "FINISH", "FileId": "9"}
        | data
        | {"MediaProcessResultSet": list(results)},
    }


def procedure(body: dict[str, Any], *, strict: bool = True) -> vodsnap.ProcedureStateChanged:
    event = vodsnap.parse(body, strict=strict)
    assert isinstance(event, vodsnap.ProcedureStateChanged)
    assert vodsnap.parse(vodsnap.to_wire(event), strict=strict) == event
    return event


def shots(body: dict[str, Any]) -> list[tuple[Any, ...]]:
    return [
        (s.kind, s.definition, s.time_offset, s.url, s.error_code)
        for s in vodsnap.snapshots(vodsnap.parse(body))
    ]


def offsets_task(status: str = "SUCCESS", **task: Any) -> dict[str, Any]:
    return {
        "taskType": "SnapshotByTimeOffset",
        "status": status,
        "errCode": 0,
        "message": "",
        "input": {"definition": 10, "timeOffset": [1000, 2000]},
    } | task


# -- the quirks, each on its own ---------------------------------------------------------------


def test_a_v4_task_lists_its_pictures_as_imginfo_not_picinfo() -> None:
    task = offsets_task(output={"imgInfo": [{"timeOffset": 1000, "url": "http://a/1.jpg"}]})
    event = procedure(v4(task))
    [read] = event.data.tasks
    assert isinstance(read, vodsnap.SnapshotByTimeOffsetTask)
    assert read.output == vodsnap.SnapshotByTimeOffsetOutput(
        pictures=(vodsnap.TaskPicture(time_offset=1000, url="http://a/1.jpg"),)
    )
    wrong = offsets_task(output={"picInfo": [{"timeOffset": 1000, "url": "http://a/1.jpg"}]})
    with pytest.raises(vodsnap.DecodeError, match=r"output\.picInfo: unexpected field"):
        vodsnap.parse(v4(wrong), strict=True)


@pytest.mark.parametrize(
    "sent", ["http://a/c.jpg", ["http://a/c.jpg"], ["http://a/c.jpg", "http://a/d.jpg"]]
)
def test_the_cover_url_comes_as_a_string_or_an_array(sent: Any) -> None:
    task = {"taskType": "CoverBySnapshot", "status": "SUCCESS", "errCode": 0, "message": ""}
    event = procedure(v4(task | {"output": {"imageUrl": sent}}))
    [cover] = event.data.tasks
    assert isinstance(cover, vodsnap.CoverBySnapshotTask)
    assert cover.output is not None
    expected = [sent] if isinstance(sent, str) else sent
    assert list(cover.output.urls) == expected
    assert vodsnap.to_wire(event)["data"]["processTaskList"][0]["output"]["imageUrl"] == sent
    assert [s[3] for s in shots(v4(task | {"output": {"imageUrl": sent}}))] == expected


@pytest.mark.parametrize("key", ["urlList", "imageUrls"])
def test_sprite_sheets_come_as_urllist_or_imageurls(key: str) -> None:
    task = {"taskType": "ImageSprites", "status": "SUCCESS", "input": {"definition": 10}}
    body = v4(task | {"output": {"totalCount": 3, key: ["http://a/0.png", "http://a/1.png"]}})
    event = procedure(body)
    [sprites] = event.data.tasks
    assert isinstance(sprites, vodsnap.ImageSpritesTask)
    assert sprites.output is not None
    assert sprites.output.image_urls == ("http://a/0.png", "http://a/1.png")
    assert shots(body) == [
        (SnapshotKind.SPRITE, 10, None, "http://a/0.png", None),
        (SnapshotKind.SPRITE, 10, None, "http://a/1.png", None),
    ]


def test_sprite_sheets_under_both_names_must_agree() -> None:
    output = {"urlList": ["http://a/0.png"], "imageUrls": ["http://a/1.png"]}
    body = v4({"taskType": "ImageSprites", "status": "SUCCESS", "output": output})
    with pytest.raises(vodsnap.DecodeError, match="imageUrls: conflicts with 'urlList'"):
        vodsnap.parse(body)
    output["imageUrls"] = output["urlList"]
    assert procedure(body, strict=False).data.tasks[0].output is not None


def test_the_older_imagesprite_spelling_is_the_same_task() -> None:
    task = {"taskType": "ImageSprite", "status": "SUCCESS", "output": {"urlList": ["http://a"]}}
    event = vodsnap.parse(v4(task), strict=True)
    assert isinstance(event, vodsnap.ProcedureStateChanged)
    assert isinstance(event.data.tasks[0], vodsnap.ImageSpritesTask)


def snapshot_result(**task: Any) -> dict[str, Any]:
    inner = {"Status": "SUCCESS", "ErrCodeExt": "", "ErrCode": 0, "Message": ""} | task
    return {"Type": "SnapshotByTimeOffset", "SnapshotByTimeOffsetTask": inner}


def test_api3_offsets_are_floats_of_milliseconds_with_the_fraction_kept() -> None:
    pictures = [
        {"TimeOffset": 1000.25, "Url": "http://a/1"},
        {"TimeOffset": 2000.0, "Url": "http://a/2"},
    ]
    body = api3(
        snapshot_result(
            Input={"Definition": 10, "TimeOffsetSet": [1000.25, 2000.0]},
            Output={"Definition": 10, "PicInfoSet": pictures},
        )
    )
    [task] = procedure(body).data.tasks
    assert isinstance(task, vodsnap.SnapshotByTimeOffsetTask)
    assert task.input is not None
    assert task.input.time_offsets == (1000.25, 2000)
    assert [type(t) for t in task.input.time_offsets] == [float, int]
    assert [s[2] for s in shots(body)] == [1000.25, 2000]
    assert vodsnap.to_wire(vodsnap.parse(body))["ProcedureStateChangeEvent"][
        "MediaProcessResultSet"
    ][0]["SnapshotByTimeOffsetTask"]["Input"]["TimeOffsetSet"] == [1000.25, 2000]


@pytest.mark.parametrize("bad", [float("nan"), float("inf"), True, "1.5", None])
def test_an_offset_must_be_a_finite_number(bad: Any) -> None:
    body = api3(snapshot_result(Output={"PicInfoSet": [{"TimeOffset": bad, "Url": "http://a"}]}))
    with pytest.raises(vodsnap.DecodeError, match="TimeOffset"):
        vodsnap.parse(body)


def test_api3_outputs_are_null_until_success() -> None:
    body = api3(
        snapshot_result(
            Status="PROCESSING", Progress=40, Input={"TimeOffsetSet": [5.5]}, Output=None
        )
    )
    [task] = procedure(body).data.tasks
    assert (task.status, task.output, task.progress) == (TaskStatus.PROCESSING, None, 40)
    assert shots(body) == []  # still running: nothing yet


def test_every_unused_api3_task_key_may_be_null_and_only_null() -> None:
    result = snapshot_result(Output={"PicInfoSet": []})
    for key in ("TranscodeTask", "AnimatedGraphicTask", "SampleSnapshotTask", "ImageSpriteTask"):
        result[key] = None
    procedure(api3(result))


@pytest.mark.parametrize("second", ["1", {"Status": "SUCCESS"}, {}, 0, False, []])
@pytest.mark.parametrize("key", ["ImageSpriteTask", "TranscodeTask", "CoverBySnapshotTask"])
def test_a_second_task_in_one_entry_is_refused_by_parse_strict_and_schema(
    key: str, second: Any
) -> None:
    """An entry holds one task, the one its ``Type`` names: a second (any non-null value under
    another documented task key) would be lost, so lenient ``parse``, strict mode and the JSON
    Schema all refuse it, at that key."""
    result = snapshot_result(Output={"PicInfoSet": []})
    result[key] = second
    body = api3(result)
    for strict in (False, True):
        with pytest.raises(vodsnap.DecodeError) as caught:
            vodsnap.parse(body, strict=strict)
        path = f"$.ProcedureStateChangeEvent.MediaProcessResultSet[0].{key}"
        assert [e.path for e in caught.value.errors] == [path]
        assert "expected null: an entry holds one task" in caught.value.errors[0].message
    with pytest.raises(jsonschema.ValidationError):
        schema_validator().validate(body)


def test_a_new_type_is_not_found_under_a_documented_types_key() -> None:
    """A type nobody documented yet sits under a key of its own: a documented type's key beside
    it holds a second task, refused like any other, by the decoder and the schema alike."""
    result: dict[str, Any] = {"Type": "SomethingNew", "SomethingNewTask": {"Status": "SUCCESS"}}
    assert procedure(api3(result)).data.tasks[0].task_type == "SomethingNew"
    schema_validator().validate(api3(result))
    body = api3(result | {"TranscodeTask": {"Status": "SUCCESS"}})
    for strict in (False, True):
        with pytest.raises(vodsnap.DecodeError, match=r"TranscodeTask: expected null"):
            vodsnap.parse(body, strict=strict)
    with pytest.raises(jsonschema.ValidationError):
        schema_validator().validate(body)


def test_a_failed_task_reports_its_codes_30009_and_30010_and_errcodeext() -> None:
    body = api3(
        snapshot_result(
            Status="FAIL",
            ErrCode=30009,
            ErrCodeExt="SourceFileError",
            Input={"Definition": 10, "TimeOffsetSet": [1.5, 2]},
            Output=None,
        ),
        {
            "Type": "CoverBySnapshot",
            "CoverBySnapshotTask": {"Status": "FAIL", "ErrCode": 0, "ErrCodeExt": "SystemError"},
        },
        snapshot_result(Status="FAIL", ErrCode=30010, Input={"TimeOffsetSet": []}),
    )
    assert shots(body) == [
        (SnapshotKind.TIME_OFFSET, 10, 1.5, None, 30009),
        (SnapshotKind.TIME_OFFSET, 10, 2, None, 30009),
        (SnapshotKind.COVER, None, None, None, "SystemError"),
        (SnapshotKind.TIME_OFFSET, None, None, None, 30010),
    ]
    errors = [s.error for s in vodsnap.snapshots(vodsnap.parse(body))]
    textual = vodsnap.error_info("SystemError")  # only ErrCodeExt: described as unknown text
    assert errors == [vodsnap.error_info(30009)] * 2 + [textual, vodsnap.error_info(30010)]
    assert (textual.code, textual.known, textual.text) == (-1, False, "SystemError")
    tasks = procedure(body).data.tasks
    assert [t.err_code_ext for t in tasks] == ["SourceFileError", "SystemError", ""]
    assert [t.error for t in tasks] == errors[1:]


# -- tasks of other types --------------------------------------------------------------------


@pytest.mark.parametrize(
    "task_type", ["Transcode", "PullFile", "AdaptiveDynamicStreaming", "SomethingNew"]
)
def test_every_other_task_type_is_kept_read_only(task_type: str) -> None:
    task = {
        "taskType": task_type,
        "status": "FAIL",
        "errCode": -1,
        "message": "m",
        "input": {"url": "http://a/b.mp4", "n": [1, {"x": None}]},
        "output": {"fileId": "1"},
    }
    [read] = procedure(v4(task)).data.tasks
    assert isinstance(read, vodsnap.OtherTask)
    assert (read.task_type, read.status, read.err_code, read.message) == (
        task_type,
        "FAIL",
        -1,
        "m",
    )
    assert read.input == {"url": "http://a/b.mp4", "n": (1, {"x": None})}
    with pytest.raises(TypeError):
        cast(Any, read.input)["url"] = "x"  # a Mapping: it has no item assignment
    assert shots(v4(task)) == []


def test_an_api3_task_of_a_new_type_is_found_under_its_only_key() -> None:
    result = {
        "Type": "SomethingNew",
        "TranscodeTask": None,
        "SomethingNewTask": {"Status": "SUCCESS"},
    }
    event = procedure(api3(result))
    [read] = event.data.tasks
    assert isinstance(read, vodsnap.OtherTask)
    assert (read.task_type, read.wire_key) == ("SomethingNew", "SomethingNewTask")
    written = vodsnap.to_wire(event)["ProcedureStateChangeEvent"]["MediaProcessResultSet"]
    assert written == [{"Type": "SomethingNew", "SomethingNewTask": {"Status": "SUCCESS"}}]


# -- snapshots(): the rules --------------------------------------------------------------------


def test_a_failed_task_gives_one_entry_per_requested_offset_or_one_without() -> None:
    body = v4(
        offsets_task("FAIL", errCode=30009),
        offsets_task("FAIL", errCode=30010, input={"definition": 11}),
        {"taskType": "SampleSnapshot", "status": "FAIL", "errCode": -44029},
        offsets_task("PROCESSING"),
    )
    assert shots(body) == [
        (SnapshotKind.TIME_OFFSET, 10, 1000, None, 30009),
        (SnapshotKind.TIME_OFFSET, 10, 2000, None, 30009),
        (SnapshotKind.TIME_OFFSET, 11, None, None, 30010),
        (SnapshotKind.SAMPLE, None, None, None, -44029),
    ]


def test_snapshots_of_the_fast_snapshot_callback_reach_its_source(
    vodsnap_examples: dict[str, bytes],
) -> None:
    ok = vodsnap.parse(vodsnap_examples["fast-snapshot-success"])
    assert isinstance(ok, vodsnap.FastSnapshotCallback)
    found = vodsnap.snapshots(ok)
    assert [s.url for s in found] == list(ok.result)
    sources = [of_type(vodsnap.FastSnapshotCallback, s.source) for s in found]
    assert {(s.kind, s.file_id, source.vid) for s, source in zip(found, sources, strict=True)} == {
        (SnapshotKind.FAST, None, ok.vid)
    }
    bad = vodsnap.parse(vodsnap_examples["fast-snapshot-failure"])
    assert isinstance(bad, vodsnap.FastSnapshotCallback)
    [failure] = vodsnap.snapshots(bad)
    assert (failure.url, failure.error_code, failure.error) == (None, "118", bad.error)
    assert not failure.ok


def test_snapshots_of_the_snapshot_event(vodsnap_examples: dict[str, bytes]) -> None:
    for name in ("snapshot-event-success", "snapshot-event-failure"):
        event = vodsnap.parse(vodsnap_examples[name])
        assert isinstance(event, vodsnap.SnapshotByTimeOffsetComplete)
        assert [(s.time_offset, s.url, s.error) for s in vodsnap.snapshots(event)] == [
            (p.time_offset, p.url if p.ok else None, p.error) for p in event.data.pic_info
        ]


def test_an_unknown_event_has_no_snapshots() -> None:
    assert vodsnap.snapshots(vodsnap.parse({"version": "4.0", "eventType": "X", "data": {}})) == ()


def test_a_pull_response_gives_its_events_snapshots_in_order() -> None:
    sprite = published("image-sprite-v4-success.json")
    proc = published("procedure-v4-archived.json")
    response = {
        "code": 0,
        "message": "",
        "eventList": [
            {"msgHandle": "a", "eventContent": sprite},
            {"msgHandle": "b", "eventContent": {"eventType": 1}},  # fails alone: skipped
            {"msgHandle": "c", "eventContent": proc},
        ],
    }
    pulled = vodsnap.parse_pull(response)
    assert vodsnap.snapshots(pulled) == vodsnap.snapshots(
        vodsnap.parse(sprite)
    ) + vodsnap.snapshots(vodsnap.parse(proc))


def test_the_sdk_form_of_a_pull_response_decodes() -> None:
    event = published("image-sprite-api3-push.json") | {"EventHandle": "h"}
    sdk = {"EventSet": [event], "RequestId": "r"}
    response = vodsnap.parse_pull(sdk, strict=True)
    assert response == vodsnap.parse_pull({"Response": sdk})
    assert vodsnap.parse_pull({"EventSet": None, "RequestId": "r"}).events == ()


# -- the other promises: idempotency, JSON Schema ------------------------------------------


def test_idempotency_keys_follow_the_procedure_state() -> None:
    body = published("procedure-v4-archived.json")
    first = procedure(body)
    assert procedure(copy.deepcopy(body)).idempotency_key == first.idempotency_key
    changed = copy.deepcopy(body)
    changed["data"]["processTaskList"][0]["status"] = "SUCCESS"
    assert procedure(changed).idempotency_key != first.idempotency_key
    other = copy.deepcopy(body)
    other["data"]["vodTaskId"] = "another"
    assert procedure(other).idempotency_key != first.idempotency_key
    sprite = vodsnap.parse(published("image-sprite-v4-success.json"))
    api3_sprite = vodsnap.parse(published("image-sprite-api3-push.json"))
    assert sprite.idempotency_key == api3_sprite.idempotency_key


@pytest.mark.parametrize("name", sorted(p.name for p in PUBLISHED.glob("*.json")))
def test_published_bodies_pass_the_json_schema(name: str) -> None:
    body = published(name)
    if "screencapture" in name:  # its duplicate Definition leaves [3, 6, 9]: refused by both
        with pytest.raises(jsonschema.ValidationError):
            schema_validator("callback").validate(body)
    elif "pullevents" in name:
        for event in body["Response"]["EventSet"]:
            schema_validator("event").validate(event)
    else:
        schema_validator("callback").validate(body)


def test_the_schema_checks_the_new_events_in_full() -> None:
    body = published("image-sprite-v4-success.json")
    body["data"]["totalCount"] = "many"
    with pytest.raises(jsonschema.ValidationError):
        schema_validator("event").validate(body)
    proc = published("procedure-v4-archived.json")
    proc["data"]["processTaskList"][2]["status"] = "DONE"
    with pytest.raises(jsonschema.ValidationError):
        schema_validator("event").validate(proc)
