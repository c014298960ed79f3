"""MPS event notifications built and written by Tencent's own SDK, as Hypothesis strategies.

The official SDK ``tencentcloud-sdk-python-mps`` (test extra only) is an independent producer of
bodies: each is a ``ParseNotificationResponse`` (the structure the SDK's ``ParseNotification``
API turns a notification into) assembled from the SDK's own model classes (``WorkflowTask``,
``ScheduleTask``, ``MediaProcessTaskResult``, ``ActivityResult``, ``ActivityResItem``, the
``MediaProcessTask*Result`` tasks with their ``*TaskInput`` inputs and ``Media*Item`` outputs,
``TaskOutputStorage``, ...) and written by its ``to_json_string()``, that is
``json.dumps(model._serialize(allow_none=True), ensure_ascii=False)``, then read back with
``json.loads``. Only ``RequestId`` is taken out: it belongs to the API's reply, not to the
notification MPS sends (``with_request_id`` puts the SDK's ``"RequestId": null`` back).

What the SDK writes that the reference (``live-and-mps-snapshots.md``) does not mention:

- Every key of every model, ``null`` where unset, in the order of the model's ``__init__``: at
  the top ``EventType, WorkflowTaskEvent, EditMediaTaskEvent, SessionId, SessionContext,
  ScheduleTaskEvent, Timestamp, Sign, BatchTaskEvent, ExtractBlindWatermarkTask`` (so a
  ``ScheduleTask`` body has ``"WorkflowTaskEvent": null`` before its own payload, and every body
  has the three payload keys of the other event types as ``null``); ``SessionId``,
  ``SessionContext``, ``Timestamp`` and ``Sign`` are ``null``, not absent, when unset.
- ``WorkflowTask`` also has ``SmartSubtitlesTaskResult``, ``SmartEraseTaskResult`` and
  ``AiDubbingTaskResult``; each ``MediaProcessTaskResult`` has an
  ``AdaptiveDynamicStreamingTask`` key (``null`` in these bodies) but no key for
  ``CoverBySnapshot``, which its ``Type`` lists; ``ActivityResItem`` has many more task keys
  (``RecognitionTask``, ``ReviewTask``, ``AnalysisTask``, ``QualityControlTask``,
  ``ExecRuleTask``, ``SmartSubtitlesTask``, ``SmartEraseTask``, ``AIDubbingTask``), and the SDK's
  list of ``ActivityType`` values has no ``CoverBySnapshot`` (so only workflow results draw it).
- ``TaskOutputStorage`` always has the three keys ``CosOutputStorage``, ``S3OutputStorage`` and
  ``VODOutputStorage`` (two of them ``null``); ``S3OutputStorage`` also has ``S3SecretId`` and
  ``S3SecretKey`` (``null`` here); ``VODOutputStorage`` has ``Bucket``, ``Region``, ``SubAppId``
  and ``VodBasic`` (the reference names none).
- A transcode task has ``Progress`` and no ``BeginProcessTime``/``FinishTime``, and its output
  names its storage ``OutputStorage`` (the snapshot and animated-graphics outputs say
  ``Storage``).
- Its own texts disagree here and there: ``ParseNotificationResponse.EventType`` lists only
  WorkflowTask, EditMediaTask and ScheduleTask (the model has the BatchTask and
  ExtractBlindWatermark payload keys too), and ``MediaProcessTaskResult.ImageSpriteTask`` is
  said to be set "when the type is ImageSprite" while ``Type`` lists ``ImageSprites``.
- The SDK checks no types: it writes whatever value a field holds. These bodies hold what the
  SDK's docstrings type: ``Timestamp``, ``ErrCode``, ``Definition`` as integers; ``TimeOffset``
  (documented Float) as a JSON float, or as an integer as in the SCF sample (``"TimeOffset":0``).
"""

from __future__ import annotations

import functools
import hashlib
import json
import string
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import strategies as st

models = pytest.importorskip("tencentcloud.mps.v20190612.models")

#: The key the bodies are signed with: Sign = MD5(Timestamp + NOTIFY_KEY), as the SDK documents.
NOTIFY_KEY = "mps-notify-key"
#: EventType -> the key of its payload (the SDK's attribute of the same name).
PAYLOADS = {"WorkflowTask": "WorkflowTaskEvent", "ScheduleTask": "ScheduleTaskEvent"}
#: A snapshot task's Type / ActivityType -> the key of its task.
SNAPSHOT_TASK_KEYS = {
    "SnapshotByTimeOffset": "SnapshotByTimeOffsetTask",
    "SampleSnapshot": "SampleSnapshotTask",
    "ImageSprites": "ImageSpriteTask",
}
#: The other types drawn -> the key of their task (CoverBySnapshot has none in the SDK).
OTHER_TASK_KEYS = {"Transcode": "TranscodeTask", "AnimatedGraphics": "AnimatedGraphicTask"}

_LOWER = string.ascii_lowercase + string.digits
words = st.text(string.ascii_letters + string.digits + "-_", min_size=1, max_size=12)
definitions = st.integers(1, 10**6)  # template ids: 10, 20, ... are the system's own
naturals = st.integers(0, 2**31 - 1)
blanks = st.sampled_from(["", None])  # a text left empty, or unset (null)
#: A list left empty, or unset (null).
unset_lists: st.SearchStrategy[list[Any] | None] = st.none() | st.builds(list)
task_codes = st.sampled_from([30009, 30010, 30005, 70000, 40000])
ext_codes = st.sampled_from(["SourceFileError", "InternalError", "InvalidInput"]) | words
times = st.sampled_from(["2024-05-20T08:15:30Z", "2025-01-09T16:36:22Z", None])
cos_regions = st.sampled_from(["ap-guangzhou", "ap-shanghai", "ap-beijing", "ap-chongqing"])
s3_regions = st.sampled_from(["us-east-1", "us-west-2", "eu-west-1", "ap-southeast-1"])
s3_buckets = st.text(_LOWER + "-", min_size=3, max_size=20).filter(
    lambda b: "-" not in (b[0], b[-1])
)
cos_buckets = st.builds(
    "{}-{}".format, st.text(_LOWER, min_size=1, max_size=12), st.integers(1250000000, 1259999999)
)


def rarely(
    rare: st.SearchStrategy[Any], usual: st.SearchStrategy[Any], one_in: int = 8
) -> st.SearchStrategy[Any]:
    """``rare`` about one draw in ``one_in``, else ``usual`` (also the simplest draw): what
    makes the oracle withhold its opinion (a null it does not allow, a path to percent-encode,
    ...) stays the exception."""
    # Hypothesis favours the ends of a range: the rare residue lies in between.
    return st.integers(0, 1023).flatmap(lambda n: rare if n % one_in == 1 else usual)


def sdk(cls: str, **values: Any) -> Any:
    """An SDK model with ``values`` set on its stored fields (some setters warn)."""
    made = getattr(models, cls)()
    for name, value in values.items():
        assert hasattr(made, f"_{name}"), f"{cls} has no {name}"
        setattr(made, f"_{name}", value)
    return made


@functools.cache
def paths(suffix: str) -> st.SearchStrategy[str]:
    """An object path as MPS writes it: starting with "/", now and then with characters a URL
    must percent-encode (a space, Chinese), which objects may be named with."""
    plain = st.lists(words, min_size=1, max_size=3).map("/".join)
    odd = st.builds("{} {}/截图".format, words, words)
    return st.builds(lambda name: f"/{name}{suffix}", rarely(odd, plain, one_in=32))


@functools.cache
def storages() -> st.SearchStrategy[Any]:
    """A ``TaskOutputStorage`` that names its bucket: COS or AWS-S3."""
    cos = st.builds(
        lambda bucket, region: sdk(
            "TaskOutputStorage",
            Type="COS",
            CosOutputStorage=sdk("CosOutputStorage", Bucket=bucket, Region=region),
        ),
        cos_buckets,
        cos_regions,
    )
    s3 = st.builds(
        lambda bucket, region: sdk(
            "TaskOutputStorage",
            Type="AWS-S3",
            S3OutputStorage=sdk("S3OutputStorage", S3Bucket=bucket, S3Region=region),
        ),
        s3_buckets,
        s3_regions,
    )
    return cos | s3


@functools.cache
def input_storages() -> st.SearchStrategy[Any]:
    """A task input's ``OutputStorage``: complete, unset (inherited from the workflow), or COS
    with its bucket and region left out ("" or unset: inherited from the level above)."""
    inherited = st.builds(
        lambda blank: sdk(
            "TaskOutputStorage",
            Type="COS",
            CosOutputStorage=sdk("CosOutputStorage", Bucket=blank, Region=blank),
        ),
        blanks,
    )
    return storages() | st.none() | inherited


# Seconds: whole (an int, as in the SCF sample, or a float), whole milliseconds, and now and
# then finer (microseconds).
seconds = rarely(
    st.integers(0, 36_000_000_000).map(lambda us: us / 1_000_000),
    st.integers(0, 36000)
    | st.integers(0, 36000).map(float)
    | st.integers(0, 36_000_000).map(lambda ms: ms / 1000),
    one_in=16,
)


@functools.cache
def some(strategy: st.SearchStrategy[Any], max_size: int = 4) -> st.SearchStrategy[list[Any]]:
    """A list of one to ``max_size`` values, now and then none."""
    return rarely(st.builds(list), st.lists(strategy, min_size=1, max_size=max_size))


@st.composite
def states(draw: st.DrawFn, statuses: st.SearchStrategy[str]) -> dict[str, Any]:
    """A task's ``Status``, ``ErrCode``, ``ErrCodeExt`` and ``Message``: a failure carries the
    newer ``ErrCodeExt``, the older ``ErrCode``, or both."""
    status = draw(statuses)
    if status != "FAIL":
        message = "SUCCESS" if status == "SUCCESS" else ""
        return {"Status": status, "ErrCode": 0, "ErrCodeExt": draw(blanks), "Message": message}
    which = draw(rarely(st.just("both"), st.sampled_from(["ext", "code"])))
    return {
        "Status": status,
        "ErrCode": 0 if which == "ext" else draw(task_codes),
        "ErrCodeExt": draw(blanks) if which == "code" else draw(ext_codes),
        "Message": draw(st.sampled_from(["TencentVodPlatErr Or Unkown", "source file error"])),
    }


# Mostly SUCCESS: the images are what the bodies are for.
task_states = states(st.sampled_from(["SUCCESS", "SUCCESS", "FAIL", "PROCESSING"]))


@st.composite
def output_storage(draw: st.DrawFn, given: Any) -> Any:
    """An output's ``Storage``: unset (then the input's holds), the input's own (when it names
    its bucket), or another complete one."""
    choice = draw(st.sampled_from(["unset", "input's", "other"]))
    if choice == "unset":
        return None
    cos = getattr(given, "_CosOutputStorage", None)
    s3 = getattr(given, "_S3OutputStorage", None)
    if choice == "input's" and cos is not None and cos.Bucket and cos.Region:
        return sdk(
            "TaskOutputStorage",
            Type="COS",
            CosOutputStorage=sdk("CosOutputStorage", Bucket=cos.Bucket, Region=cos.Region),
        )
    if choice == "input's" and s3 is not None:
        return sdk(
            "TaskOutputStorage",
            Type="AWS-S3",
            S3OutputStorage=sdk("S3OutputStorage", S3Bucket=s3.S3Bucket, S3Region=s3.S3Region),
        )
    return draw(storages())


number_formats = st.none() | st.builds(
    lambda: sdk("NumberFormat", InitialValue=0, Increment=1, MinLength=1, PlaceHolder="0")
)
watermark_definitions = st.none() | st.lists(definitions, max_size=2)


@st.composite
def time_offset_parts(draw: st.DrawFn, definition: int) -> dict[str, Any]:
    """Input and output of a SnapshotByTimeOffset task: the offsets asked for in the input
    (``TimeOffsetSet`` in seconds, ``ExtTimeOffsetSet`` as "3.5s", or none: the template's)."""
    offsets = draw(some(seconds))
    asked = draw(st.sampled_from(["TimeOffsetSet", "ExtTimeOffsetSet", "template"]))
    inp = sdk(
        "SnapshotByTimeOffsetTaskInput",
        Definition=definition,
        TimeOffsetSet=offsets if asked == "TimeOffsetSet" else draw(unset_lists),
        ExtTimeOffsetSet=[f"{Decimal(repr(s)):f}s" for s in offsets]
        if asked == "ExtTimeOffsetSet"
        else None,
        WatermarkSet=draw(unset_lists),
        OutputStorage=draw(input_storages()),
        OutputObjectPath=draw(paths("_{number}.{format}")),
        ObjectNumberFormat=draw(number_formats),
    )
    pictures = [
        sdk(
            "MediaSnapshotByTimePicInfoItem",
            TimeOffset=offset,
            Path=draw(paths(".jpg")),
            WaterMarkDefinition=draw(watermark_definitions),
        )
        for offset in offsets
    ]
    out = sdk("MediaSnapshotByTimeOffsetItem", PicInfoSet=pictures)
    return {"Input": inp, "Output": out}


@st.composite
def sample_parts(draw: st.DrawFn, definition: int) -> dict[str, Any]:
    """Input and output of a SampleSnapshot task."""
    inp = sdk(
        "SampleSnapshotTaskInput",
        Definition=definition,
        WatermarkSet=draw(unset_lists),
        OutputStorage=draw(input_storages()),
        OutputObjectPath=draw(paths("_{number}.{format}")),
        ObjectNumberFormat=draw(number_formats),
    )
    out = sdk(
        "MediaSampleSnapshotItem",
        SampleType=draw(st.sampled_from(["Percent", "Time"])),
        Interval=draw(st.integers(1, 100)),
        ImagePathSet=draw(some(paths(".jpg"))),
        WaterMarkDefinition=draw(watermark_definitions),
    )
    return {"Input": inp, "Output": out}


@st.composite
def sprite_parts(draw: st.DrawFn, definition: int) -> dict[str, Any]:
    """Input and output of an ImageSprites task: sheets and their WebVTT index."""
    inp = sdk(
        "ImageSpriteTaskInput",
        Definition=definition,
        OutputStorage=draw(input_storages()),
        OutputObjectPath=draw(paths("_{number}.{format}")),
        WebVttObjectName=draw(paths("")),
        ObjectNumberFormat=draw(number_formats),
    )
    sheets = draw(some(paths(".jpg"), max_size=3))
    out = sdk(
        "MediaImageSpriteItem",
        Height=draw(st.integers(1, 1080)),
        Width=draw(st.integers(1, 1920)),
        TotalCount=draw(st.integers(len(sheets), len(sheets) * 100)),
        ImagePathSet=sheets,
        WebVttPath=draw(paths(".vtt")),
    )
    return {"Input": inp, "Output": out}


_SNAPSHOT_PARTS = {
    "SnapshotByTimeOffset": ("MediaProcessTaskSnapshotByTimeOffsetResult", time_offset_parts),
    "SampleSnapshot": ("MediaProcessTaskSampleSnapshotResult", sample_parts),
    "ImageSprites": ("MediaProcessTaskImageSpriteResult", sprite_parts),
}


@st.composite
def snapshot_tasks(draw: st.DrawFn, task_type: str) -> Any:
    """A snapshot task of ``task_type``; its ``Output`` only when it succeeded, with its
    ``Definition`` the input's, 0 (as in the SCF sample) or unset, and its ``Storage`` drawn."""
    cls, parts = _SNAPSHOT_PARTS[task_type]
    state = draw(task_states)
    definition = draw(definitions)
    made = draw(parts(definition))
    out = made["Output"]
    out._Definition = draw(st.sampled_from([definition, 0, None]))
    out._Storage = draw(output_storage(made["Input"].OutputStorage))
    done = state["Status"] != "PROCESSING"
    return sdk(
        cls,
        **state,
        Input=made["Input"],
        Output=out if state["Status"] == "SUCCESS" else None,
        BeginProcessTime=draw(times),
        FinishTime=draw(times) if done else None,
    )


@st.composite
def transcode_tasks(draw: st.DrawFn) -> Any:
    """A Transcode task (no snapshot): its output names ``OutputStorage``, not ``Storage``."""
    state = draw(task_states)
    definition, stored = draw(definitions), draw(storages())
    out = sdk(
        "MediaTranscodeItem",
        OutputStorage=stored,
        Path=draw(paths(".mp4")),
        Definition=definition,
        Bitrate=draw(naturals),
        Height=720,
        Width=1280,
        Size=draw(naturals),
        Duration=draw(seconds),
        Container="mov,mp4,m4a,3gp,3g2,mj2",
        Md5=hashlib.md5(draw(words).encode()).hexdigest(),
    )
    inp = sdk(
        "TranscodeTaskInput",
        Definition=definition,
        OutputStorage=stored,
        OutputObjectPath=draw(paths("_transcode")),
    )
    progress = draw(st.integers(0, 99)) if state["Status"] == "PROCESSING" else 100
    return sdk(
        "MediaProcessTaskTranscodeResult",
        **state,
        Input=inp,
        Output=out if state["Status"] == "SUCCESS" else None,
        Progress=progress,
    )


@st.composite
def animated_tasks(draw: st.DrawFn) -> Any:
    """An AnimatedGraphics task (no snapshot), like the SCF sample's failed one."""
    state = draw(task_states)
    definition, stored = draw(definitions), draw(storages())
    start, end = sorted(draw(st.lists(seconds, min_size=2, max_size=2)))
    out = sdk(
        "MediaAnimatedGraphicsItem",
        Storage=stored,
        Path=draw(paths(".gif")),
        Definition=definition,
        Container="gif",
        Height=240,
        Width=320,
        Bitrate=draw(naturals),
        Size=draw(naturals),
        Md5=hashlib.md5(draw(words).encode()).hexdigest(),
        StartTimeOffset=start,
        EndTimeOffset=end,
    )
    inp = sdk(
        "AnimatedGraphicTaskInput",
        Definition=definition,
        StartTimeOffset=start,
        EndTimeOffset=end,
        OutputStorage=stored,
        OutputObjectPath=draw(paths("_animatedGraphic")),
    )
    return sdk(
        "MediaProcessTaskAnimatedGraphicResult",
        **state,
        Input=inp,
        Output=out if state["Status"] == "SUCCESS" else None,
        BeginProcessTime=draw(times),
        FinishTime=draw(times),
    )


@functools.cache
def tasks(task_type: str) -> st.SearchStrategy[Any]:
    """The task of a ``Type`` / ``ActivityType``."""
    if task_type in SNAPSHOT_TASK_KEYS:
        return snapshot_tasks(task_type)
    return transcode_tasks() if task_type == "Transcode" else animated_tasks()


# The snapshot types twice: two entries in three are snapshot tasks.
_WORKFLOW_TYPES = [*SNAPSHOT_TASK_KEYS, *SNAPSHOT_TASK_KEYS, *OTHER_TASK_KEYS, "CoverBySnapshot"]
_ACTIVITY_TYPES = [*SNAPSHOT_TASK_KEYS, *SNAPSHOT_TASK_KEYS, *OTHER_TASK_KEYS]


@functools.cache
@st.composite
def workflow_results(draw: st.DrawFn) -> Any:
    """A ``MediaProcessResultSet`` entry: its ``Type`` and that type's task, the other task
    keys ``null`` (CoverBySnapshot: every task key ``null``, the SDK has none for it)."""
    task_type = draw(st.sampled_from(_WORKFLOW_TYPES))
    key = SNAPSHOT_TASK_KEYS.get(task_type) or OTHER_TASK_KEYS.get(task_type)
    task = {} if key is None else {key: draw(tasks(task_type))}
    return sdk("MediaProcessTaskResult", Type=task_type, **task)


@functools.cache
@st.composite
def activity_results(draw: st.DrawFn) -> Any:
    """An ``ActivityResultSet`` entry: ``ActivityType`` and an ``ActivityResItem`` holding
    that type's task, the other task keys ``null``."""
    task_type = draw(st.sampled_from(_ACTIVITY_TYPES))
    key = SNAPSHOT_TASK_KEYS.get(task_type) or OTHER_TASK_KEYS[task_type]
    held = sdk("ActivityResItem", **{key: draw(tasks(task_type))})
    return sdk("ActivityResult", ActivityType=task_type, ActivityResItem=held)


def _task_of(result: Any) -> Any:
    holder = getattr(result, "_ActivityResItem", result)
    found = [v for k, v in vars(holder).items() if k.endswith("Task") and v is not None]
    return found[0] if found else None


input_infos = (
    st.none()
    | st.builds(
        lambda bucket, region, name: sdk(
            "MediaInputInfo",
            Type="COS",
            CosInputInfo=sdk("CosInputInfo", Bucket=bucket, Region=region, Object=name),
        ),
        cos_buckets,
        cos_regions,
        paths(".mp4"),
    )
    | paths(".mp4").map(
        lambda name: sdk(
            "MediaInputInfo",
            Type="URL",
            UrlInputInfo=sdk("UrlInputInfo", Url=f"https://example.com{name}"),
        )
    )
)
meta_data = st.none() | st.builds(
    lambda duration, size: sdk(
        "MediaMetaData",
        Size=size,
        Container="mov,mp4,m4a,3gp,3g2,mj2",
        Bitrate=2681468,
        Height=720,
        Width=1280,
        Duration=duration,
        Rotate=0,
        VideoStreamSet=[],
        AudioStreamSet=[],
        VideoDuration=duration,
        AudioDuration=duration,
    ),
    seconds,
    naturals,
)


@st.composite
def events(draw: st.DrawFn, event_type: str) -> Any:
    """A ``WorkflowTask`` or ``ScheduleTask``: ``FINISH`` unless a task is still processing;
    now and then no task result, or a failed source (a non-zero event ``ErrCode``)."""
    result = workflow_results() if event_type == "WorkflowTask" else activity_results()
    results = draw(some(result))
    running = any(
        task is not None and task.Status == "PROCESSING" for task in map(_task_of, results)
    )
    code = draw(rarely(st.just(30009), st.just(0), one_in=16))
    values: dict[str, Any] = {
        "TaskId": f"{draw(st.integers(1250000000, 1259999999))}-{event_type}-"
        f"{draw(st.binary(min_size=16, max_size=16)).hex()}t0",
        "Status": "PROCESSING" if running else "FINISH",
        "ErrCode": code,
        "Message": "" if code == 0 else "source file error",
        "InputInfo": draw(input_infos),
        "MetaData": draw(meta_data),
    }
    if event_type == "ScheduleTask":
        return sdk("ScheduleTask", ActivityResultSet=results, **values)
    return sdk(
        "WorkflowTask",
        MediaProcessResultSet=results,
        AiContentReviewResultSet=draw(unset_lists),
        AiAnalysisResultSet=draw(unset_lists),
        AiRecognitionResultSet=draw(unset_lists),
        **values,
    )


session_texts = st.text(st.characters(exclude_categories=["Cs"]), max_size=40)


@st.composite
def notifications(draw: st.DrawFn) -> Any:
    """A ``ParseNotificationResponse``: the event, ``SessionId``/``SessionContext`` (empty,
    unset or set) and, when a notify key is configured, ``Timestamp`` and ``Sign``."""
    event_type = draw(st.sampled_from(list(PAYLOADS)))
    signed = draw(rarely(st.just(False), st.just(True), one_in=16))
    unset = draw(rarely(st.just(True), st.just(False), one_in=16))  # a request that set neither
    timestamp = draw(st.integers(1_700_000_000, 2_000_000_000)) if signed else None
    sign = hashlib.md5(f"{timestamp}{NOTIFY_KEY}".encode()).hexdigest() if signed else None
    return sdk(
        "ParseNotificationResponse",
        EventType=event_type,
        SessionId=None if unset else draw(session_texts),
        SessionContext=None if unset else draw(session_texts),
        Timestamp=timestamp,
        Sign=sign,
        **{PAYLOADS[event_type]: draw(events(event_type))},
    )


def body_of(notification: Any) -> dict[str, Any]:
    """The notification as the SDK writes it (``to_json_string``), read by ``json.loads``,
    without the API reply's ``RequestId``."""
    body: dict[str, Any] = json.loads(notification.to_json_string())
    del body["RequestId"]
    return body


def with_request_id(body: dict[str, Any]) -> dict[str, Any]:
    """``body`` as the SDK writes the whole ``ParseNotificationResponse``: ``RequestId`` last."""
    return body | {"RequestId": None}


def notification_bodies() -> st.SearchStrategy[dict[str, Any]]:
    """Bodies of MPS notifications written by the SDK (see the module's docstring)."""
    return notifications().map(body_of)
