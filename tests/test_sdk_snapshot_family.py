"""API 3.0 task-flow and image-sprite bodies built with Tencent's own SDK models
(``tencentcloud-sdk-python-vod``, test extra only): every snapshot field they carry must reach
vodsnap's models and ``snapshots()``.

The SDK writes every key of ``EventContent`` (``null`` where unused) and every key of each model,
so these bodies also carry every ``null`` the SDK documents as possible.
"""

from __future__ import annotations

import json
import string
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import vodsnap
from vodsnap import SnapshotKind

models = pytest.importorskip("tencentcloud.vod.v20180717.models")

words = st.text(string.ascii_letters + string.digits, min_size=1, max_size=12)
urls = words.map("http://1256768367.vod2.myqcloud.com/x/{}.jpg".format)
definitions = st.integers(1, 10**6)
# API 3.0 sends offsets as Floats of milliseconds: some with a fraction, kept exactly.
offsets = st.integers(0, 10**8).map(float) | st.integers(0, 10**7).map(lambda n: n + 0.5)
codes = st.sampled_from([0, 30009, 30010, -44029])
statuses = st.sampled_from(["PROCESSING", "SUCCESS", "FAIL"])


def sdk(cls: str, **values: Any) -> Any:
    """An SDK model with ``values`` set (on the stored fields: the setters of fields the SDK
    marks deprecated, such as ``ErrCode``, warn)."""
    made = getattr(models, cls)()
    for name, value in values.items():
        assert hasattr(made, f"_{name}"), name
        setattr(made, f"_{name}", value)
    return made


@st.composite
def snapshot_tasks(draw: st.DrawFn) -> Any:
    definition = draw(definitions)
    pictures = [
        sdk("MediaSnapshotByTimePicInfoItem", TimeOffset=t, Url=u, WaterMarkDefinition=[1])
        for t, u in draw(st.lists(st.tuples(offsets, urls), max_size=4))
    ]
    status = draw(statuses)
    return sdk(
        "MediaProcessTaskSnapshotByTimeOffsetResult",
        Status=status,
        ErrCode=draw(codes) if status == "FAIL" else 0,
        ErrCodeExt=draw(st.sampled_from(["", "SourceFileError"])),
        Message=draw(words),
        Progress=draw(st.integers(0, 100)),
        BeginProcessTime="2019-01-09T16:36:22Z",
        FinishTime="2019-01-09T16:36:30Z",
        Input=sdk(
            "SnapshotByTimeOffsetTaskInput",
            Definition=definition,
            TimeOffsetSet=draw(st.lists(offsets, max_size=4)),
            ExtTimeOffsetSet=draw(st.lists(st.sampled_from(["3.5s", "10%"]), max_size=2)),
        ),
        Output=sdk("MediaSnapshotByTimeOffsetItem", Definition=definition, PicInfoSet=pictures)
        if status == "SUCCESS"
        else None,
    )


def _result(draw: st.DrawFn, cls: str, task_input: Any, output: Any) -> Any:
    """A task result of ``cls``: its output only on success, a code only on failure."""
    status = draw(statuses)
    return sdk(
        cls,
        Status=status,
        ErrCode=draw(codes) if status == "FAIL" else 0,
        Input=task_input,
        Output=output if status == "SUCCESS" else None,
    )


@st.composite
def sample_tasks(draw: st.DrawFn) -> Any:
    definition = draw(definitions)
    output = sdk(
        "MediaSampleSnapshotItem",
        Definition=definition,
        SampleType="Percent",
        Interval=draw(st.integers(1, 50)),
        ImageUrlSet=draw(st.lists(urls, max_size=4)),
        WaterMarkDefinition=[2],
    )
    task_input = sdk("SampleSnapshotTaskInput", Definition=definition)
    return _result(draw, "MediaProcessTaskSampleSnapshotResult", task_input, output)


@st.composite
def cover_tasks(draw: st.DrawFn) -> Any:
    task_input = sdk(
        "CoverBySnapshotTaskInput",
        Definition=draw(definitions),
        PositionType=draw(st.sampled_from(["Time", "Percent"])),
        PositionValue=draw(offsets),
    )
    output = sdk("CoverBySnapshotTaskOutput", CoverUrl=draw(urls))
    return _result(draw, "MediaProcessTaskCoverBySnapshotResult", task_input, output)


@st.composite
def sprite_tasks(draw: st.DrawFn) -> Any:
    definition = draw(definitions)
    output = sdk(
        "MediaImageSpriteItem",
        Definition=definition,
        Height=80,
        Width=142,
        TotalCount=draw(st.integers(0, 500)),
        ImageUrlSet=draw(st.lists(urls, max_size=4)),
        WebVttUrl=draw(urls),
    )
    task_input = sdk("ImageSpriteTaskInput", Definition=definition)
    return _result(draw, "MediaProcessTaskImageSpriteResult", task_input, output)


KEYS = {
    "SnapshotByTimeOffset": ("SnapshotByTimeOffsetTask", snapshot_tasks()),
    "SampleSnapshot": ("SampleSnapshotTask", sample_tasks()),
    "CoverBySnapshot": ("CoverBySnapshotTask", cover_tasks()),
    "ImageSprites": ("ImageSpriteTask", sprite_tasks()),
}


@st.composite
def results(draw: st.DrawFn) -> Any:
    task_type = draw(st.sampled_from([*KEYS, "Transcode"]))
    if task_type == "Transcode":
        task = sdk("MediaProcessTaskTranscodeResult", Status="SUCCESS", ErrCode=0)
        return sdk("MediaProcessTaskResult", Type=task_type, TranscodeTask=task)
    key, tasks = KEYS[task_type]
    return sdk("MediaProcessTaskResult", Type=task_type, **{key: draw(tasks)})


@st.composite
def procedure_bodies(draw: st.DrawFn) -> tuple[Any, bytes]:
    procedure = sdk(
        "ProcedureTask",
        TaskId=draw(words),
        Status=draw(st.sampled_from(["PROCESSING", "FINISH"])),
        ErrCode=0,
        FileId=draw(st.integers(10**18, 10**20).map(str)),
        FileName=draw(words),
        MediaProcessResultSet=draw(st.lists(results(), max_size=5)),
        SessionContext=draw(words),
        SessionId=draw(words),
        TasksPriority=draw(st.integers(-10, 10)),
        TasksNotifyMode="Finish",
    )
    event = sdk("EventContent", EventType="ProcedureStateChanged", EventHandle=draw(words))
    event._ProcedureStateChangeEvent = procedure
    return procedure, event.to_json_string().encode()


def _definition(task: Any) -> int | None:
    found: int | None = task.Input.Definition if task.Input is not None else None
    return found


def expected_snapshots(procedure: Any) -> list[tuple[Any, ...]]:
    """What the SDK object says the snapshots are, read off its own fields."""
    out: list[tuple[Any, ...]] = []
    for result in procedure.MediaProcessResultSet or []:
        if result.Type not in KEYS:
            continue
        task = getattr(result, KEYS[result.Type][0])
        kind = {
            "SnapshotByTimeOffset": SnapshotKind.TIME_OFFSET,
            "SampleSnapshot": SnapshotKind.SAMPLE,
            "CoverBySnapshot": SnapshotKind.COVER,
            "ImageSprites": SnapshotKind.SPRITE,
        }[result.Type]
        common = (kind, procedure.FileId, _definition(task))
        if task.Status == "FAIL":
            code = task.ErrCode or task.ErrCodeExt or None
            requested = task.Input.TimeOffsetSet if result.Type == "SnapshotByTimeOffset" else None
            out += [(*common, t, None, code) for t in (requested or [None])]
        elif task.Status == "SUCCESS":
            out += [(*common, t, u, None) for t, u in _images(result.Type, task.Output)]
    return out


def _images(task_type: str, output: Any) -> list[tuple[Any, str]]:
    if task_type == "SnapshotByTimeOffset":
        return [(p.TimeOffset, p.Url) for p in output.PicInfoSet]
    if task_type == "CoverBySnapshot":
        return [(None, output.CoverUrl)]
    return [(None, url) for url in output.ImageUrlSet]


@given(procedure_bodies(), st.booleans())
def test_sdk_procedures_reach_the_models_and_snapshots(
    built: tuple[Any, bytes], strict: bool
) -> None:
    procedure, body = built
    event = vodsnap.parse(body, strict=strict)
    assert isinstance(event, vodsnap.ProcedureStateChanged)
    data = event.data
    assert (data.vod_task_id, data.status, data.file_id) == (
        procedure.TaskId,
        procedure.Status,
        procedure.FileId,
    )
    assert (data.session_context, data.session_id, data.tasks_priority) == (
        procedure.SessionContext,
        procedure.SessionId,
        procedure.TasksPriority,
    )
    assert [t.task_type for t in data.tasks] == [r.Type for r in procedure.MediaProcessResultSet]
    for task, result in zip(data.tasks, procedure.MediaProcessResultSet, strict=True):
        _same_task(task, result)
    found = [
        (s.kind, s.file_id, s.definition, s.time_offset, s.url, s.error_code)
        for s in vodsnap.snapshots(event)
    ]
    assert found == expected_snapshots(procedure)
    for shot in vodsnap.snapshots(event):  # a failure's code, number or text, is described
        code = shot.error_code
        assert shot.error == (vodsnap.error_info(code) if code not in (None, 0, "") else None)
    assert vodsnap.parse(vodsnap.to_wire(event)) == event


def _same_task(task: Any, result: Any) -> None:
    """Every field of the SDK task reached the model."""
    if result.Type not in KEYS:
        assert isinstance(task, vodsnap.OtherTask)
        return
    sent = getattr(result, KEYS[result.Type][0])
    assert (task.status, task.err_code, task.message) == (sent.Status, sent.ErrCode, sent.Message)
    assert task.input.definition == sent.Input.Definition
    if result.Type == "SnapshotByTimeOffset":
        assert task.input.time_offsets == tuple(sent.Input.TimeOffsetSet)
        assert task.input.ext_time_offsets == tuple(sent.Input.ExtTimeOffsetSet)
        assert (task.err_code_ext, task.progress) == (sent.ErrCodeExt, sent.Progress)
        assert task.finish_time.isoformat() == "2019-01-09T16:36:30+00:00"
    if sent.Output is None:
        assert task.output is None
    elif result.Type == "SnapshotByTimeOffset":
        pictures = [(p.time_offset, p.url, p.watermark_definitions) for p in task.output.pictures]
        assert pictures == [(p.TimeOffset, p.Url, (1,)) for p in sent.Output.PicInfoSet]
    elif result.Type == "SampleSnapshot":
        out = task.output
        assert (out.sample_type, out.interval, out.image_urls, out.watermark_definitions) == (
            "Percent",
            sent.Output.Interval,
            tuple(sent.Output.ImageUrlSet),
            (2,),
        )
    elif result.Type == "CoverBySnapshot":
        assert task.output.image_url == sent.Output.CoverUrl
        assert task.input.position == sent.Input.PositionValue
    else:
        out = task.output
        assert (out.total_count, out.image_urls, out.web_vtt_url, out.height, out.width) == (
            sent.Output.TotalCount,
            tuple(sent.Output.ImageUrlSet),
            sent.Output.WebVttUrl,
            80,
            142,
        )


@st.composite
def sprite_events(draw: st.DrawFn) -> tuple[Any, bytes]:
    code = draw(st.sampled_from([0, 0, -43001]))
    task = sdk(
        "CreateImageSpriteTask2017",
        TaskId=draw(words),
        ErrCode=code,
        Message=draw(words),
        FileId=draw(words),
        Definition=draw(definitions) if code == 0 else None,
        TotalCount=draw(st.integers(0, 500)) if code == 0 else None,
        ImageSpriteUrlSet=draw(st.lists(urls, max_size=4)) if code == 0 else None,
        WebVttUrl=draw(urls) if code == 0 else None,
    )
    event = sdk("EventContent", EventType="CreateImageSpriteComplete")
    event._CreateImageSpriteCompleteEvent = task
    return task, event.to_json_string().encode()


@given(sprite_events(), st.booleans())
def test_sdk_sprite_events_reach_the_models_and_snapshots(
    built: tuple[Any, bytes], strict: bool
) -> None:
    task, body = built
    event = vodsnap.parse(body, strict=strict)
    assert isinstance(event, vodsnap.ImageSpriteComplete)
    data = event.data
    assert (data.vod_task_id, data.file_id, data.status, data.message) == (
        task.TaskId,
        task.FileId,
        task.ErrCode,
        task.Message,
    )
    assert (data.definition, data.total_count, data.web_vtt_url) == (
        task.Definition,
        task.TotalCount,
        task.WebVttUrl,
    )
    assert data.image_sprite_urls == tuple(task.ImageSpriteUrlSet or ())
    shots = [
        (s.kind, s.file_id, s.definition, s.url, s.error_code) for s in vodsnap.snapshots(event)
    ]
    if task.ErrCode:
        assert shots == [(SnapshotKind.SPRITE, task.FileId, None, None, task.ErrCode)]
    else:
        assert shots == [
            (SnapshotKind.SPRITE, task.FileId, task.Definition, url, None)
            for url in task.ImageSpriteUrlSet
        ]


@given(st.lists(procedure_bodies(), max_size=3), words)
def test_sdk_pull_responses_give_their_events_snapshots(
    built: list[tuple[Any, bytes]], request_id: str
) -> None:
    response = sdk("PullEventsResponse", RequestId=request_id, EventSet=[])
    for _, body in built:
        event = models.EventContent()
        event._deserialize(json.loads(body))
        response.EventSet.append(event)
    sdk_form = json.loads(response.to_json_string())  # no Response wrapper
    for wire in (sdk_form, {"Response": sdk_form}):
        pulled = vodsnap.parse_pull(wire)
        assert isinstance(pulled, vodsnap.PullEventsResponse)
        assert pulled.request_id == request_id
        expected = [s for _, body in built for s in vodsnap.snapshots(vodsnap.parse(body))]
        assert list(vodsnap.snapshots(pulled)) == expected
