"""Cloud Live (CSS) callbacks (#20): the published bodies, recognition beside the fast-snapshot
callback, round trips, idempotency, signatures, strict mode, limits and the command line."""

from __future__ import annotations

import hashlib
import json
import pickle
import time
import typing
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import vodsnap
from strategies import encoded, quirked
from support import errors_of, of_type
from vodsnap import SnapshotKind, testing
from vodsnap._cli_output import summary
from vodsnap._cli_snapshots import main_snapshots
from vodsnap._wire import fast_snapshot, live_moderation, live_screenshot

PUBLISHED = Path(__file__).parent / "data" / "published"
SCREENSHOT = "css-live-screenshot-200-current.json"
MODERATION = "css-live-porn-detect-317.json"
PIC = "/channelid/channelid-screenshot-10-12-05-1280x720.jpg"
IMG = (
    "http://test-10000.cos.ap-shanghai.myqcloud.com/2019-12-05/"
    "teststream-screenshot-10-32-54-960x540.jpg"
)
KEY = "callback-key"
NOW = 1_700_000_000


def raw(name: str) -> bytes:
    return (PUBLISHED / name).read_bytes()


def published(name: str) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(raw(name))
    return loaded


def at(seconds: int) -> datetime:
    return datetime.fromtimestamp(seconds, UTC)


# -- the published bodies -----------------------------------------------------------------------


@pytest.mark.parametrize("strict", [False, True])
def test_the_published_screenshot(strict: bool) -> None:
    model = vodsnap.parse(raw(SCREENSHOT), strict=strict)
    assert model == vodsnap.LiveScreenshot(
        event_type=200,
        stream_id="your_streamid",
        channel_id="your_channelid",
        app="test.app",
        appname="live",
        stream_param="txSecret=ca3e25e5dc17a6f9909a9ae7281e300d&txTime=60B83800",
        create_time=at(1622599925),
        file_size=30670,
        width=1280,
        height=720,
        pic_url=PIC,
        pic_full_url=f"http://your.cos.region.myqcloud.com{PIC}",
    )
    assert model.task_id is None
    assert model.create_time.utcoffset() is not None
    assert (model.expires, model.sign) == (at(1622600525), "ca3e25e5dc17a6f9909a9ae7281e300d")
    assert vodsnap.snapshots(model) == (
        vodsnap.Snapshot(
            kind=SnapshotKind.LIVE,
            file_id=None,
            url=f"http://your.cos.region.myqcloud.com{PIC}",
            stream_id="your_streamid",
            source=model,
        ),
    )
    assert vodsnap.snapshots(model)[0].time_offset is None


@pytest.mark.parametrize("strict", [False, True])
def test_the_published_moderation(strict: bool) -> None:
    model = vodsnap.parse(raw(MODERATION), strict=strict)
    assert isinstance(model, vodsnap.LiveModeration)
    assert model == vodsnap.LiveModeration(
        event_type=317,
        stream_id="teststream",
        channel_id="teststream",
        img=IMG,
        types=(2,),
        ocr_msg="",
        screenshot_time=at(1575513174),
        send_time=at(1575513176),
        stream_param="txSecret=40f38f69f574fd51126c421a3d96c374&txTime=5DEBEC80",
        app="testlive.myqcloud.com",
        appname="live",
        appid=10000,
        tid=20001,
        confidence=0,
        normal_score=2,
        hot_score=97,
        porn_score=0,
        similar_score=0,
        level=0,
    )
    assert (model.scores, model.suggestion, model.label, model.expires, model.sign) == (
        (),
        None,
        None,
        None,
        None,
    )
    (shot,) = vodsnap.snapshots(model)
    assert (shot.kind, shot.url, shot.stream_id, shot.file_id, shot.time_offset) == (
        SnapshotKind.MODERATION,
        IMG,
        "teststream",
        None,
        None,
    )


def test_the_current_moderation_fields() -> None:
    body = published(MODERATION) | {
        "score": [88],
        "suggestion": "Block",
        "label": "Porn",
        "subLabel": "SexualBehavior",
        "labelResults": [{"Scene": "Porn", "Score": 88}],
        "objectResults": None,
        "abductionRisk": [{"Level": 0}],
    }
    for strict in (False, True):
        model = vodsnap.parse(body, strict=strict)
        assert isinstance(model, vodsnap.LiveModeration)
        assert (model.scores, model.suggestion, model.label, model.sub_label) == (
            (88,),
            "Block",
            "Porn",
            "SexualBehavior",
        )
        assert model.label_results == ({"Scene": "Porn", "Score": 88},)
        assert model.object_results is None
        assert model.abduction_risk[0]["Level"] == 0
        assert vodsnap.parse(vodsnap.to_wire(model)) == model


# -- recognition --------------------------------------------------------------------------------

FAST_ONLY = {f.wire for f in fast_snapshot.TABLE.fields} - {
    f.wire for t in (live_screenshot.TABLE, live_moderation.TABLE) for f in t.fields
}
LIVE_ONLY = {f.wire for t in (live_screenshot.TABLE, live_moderation.TABLE) for f in t.fields} - {
    f.wire for f in fast_snapshot.TABLE.fields
}


def test_a_screenshot_is_not_a_fast_snapshot_callback() -> None:
    """The issue's report: a screenshot was refused with ten errors about vid, status, result."""
    assert isinstance(vodsnap.parse(raw(SCREENSHOT)), vodsnap.LiveScreenshot)
    without_type = published(SCREENSHOT)
    del without_type["event_type"]
    problems = errors_of(without_type)
    assert [path for path, _ in problems] == ["$"]
    assert "event_type" in problems[0][1]


def paths_of(body: object, **options: Any) -> set[str]:
    return {
        path.split(".")[1].split("[")[0] for path, _ in errors_of(body, **options) if "." in path
    }


@given(st.data(), testing.live_event_bodies(), st.booleans())
def test_a_cloud_live_body_is_never_reported_against_fast_snapshot_fields(
    data: st.DataObject, body: dict[str, Any], strict: bool
) -> None:
    """Whatever is left out of or added to a Cloud Live body (its event_type included)."""
    drop = data.draw(st.lists(st.sampled_from(sorted(body)), unique=True))
    changed = {k: v for k, v in body.items() if k not in drop}
    for key in data.draw(st.lists(st.sampled_from(sorted(LIVE_ONLY)), unique=True, max_size=3)):
        changed[key] = data.draw(st.sampled_from([None, "x", -1, [], {}]))
    assert paths_of(changed, strict=strict).isdisjoint(FAST_ONLY)


@given(st.data(), testing.fast_snapshot_bodies(), st.booleans())
def test_a_fast_snapshot_body_is_never_reported_against_cloud_live_fields(
    data: st.DataObject, body: dict[str, Any], strict: bool
) -> None:
    drop = data.draw(st.lists(st.sampled_from(sorted(body)), unique=True))
    changed = {k: v for k, v in body.items() if k not in drop}
    found = paths_of(changed, strict=strict)
    assert found.isdisjoint(LIVE_ONLY)
    if not changed.keys().isdisjoint(FAST_ONLY):  # still recognisable: reported as one
        assert not isinstance(_parsed(changed), typing.get_args(vodsnap.LiveEvent))


def _parsed(body: Any) -> Any:
    try:
        return vodsnap.parse(body)
    except vodsnap.DecodeError:
        return None


@pytest.mark.parametrize("event_type", [0, 1, 100, 311, "1"])
def test_every_other_event_type_is_an_unknown_live_event(event_type: Any) -> None:
    body = {"event_type": event_type, "stream_id": "s", "t": NOW, "sign": "x", "extra": {"a": [1]}}
    model = vodsnap.parse(body)
    assert model == vodsnap.UnknownLiveEvent(
        event_type=int(event_type), data={"stream_id": "s", "extra": {"a": (1,)}}
    )
    assert (model.expires, model.sign) == (at(NOW), "x")
    assert vodsnap.snapshots(model) == ()
    assert vodsnap.to_wire(model) == body | {"event_type": int(event_type)}


@pytest.mark.parametrize(
    ("event_type", "message"),
    [("soon", "expected an integer"), (True, "expected an integer"), (None, "expected an integer")],
)
def test_an_event_type_that_is_no_number_is_an_error(event_type: Any, message: str) -> None:
    problems = errors_of({"event_type": event_type, "stream_id": "s"})
    assert [path for path, _ in problems] == ["$.event_type"]
    assert message in problems[0][1]


def test_strict_mode_reads_numbers_only_as_numbers() -> None:
    body = published(SCREENSHOT) | {"event_type": "200", "width": "1280"}
    assert isinstance(vodsnap.parse(body), vodsnap.LiveScreenshot)
    assert errors_of(body, strict=True) == [
        ("$.event_type", "expected an integer, got the string '200'")
    ]
    unknown = published(SCREENSHOT) | {"pic_extra_info": 1}
    assert vodsnap.parse(unknown) == vodsnap.parse(raw(SCREENSHOT))
    assert [p for p, _ in errors_of(unknown, strict=True)] == ["$.pic_extra_info"]


def test_every_problem_at_its_wire_path() -> None:
    body = published(SCREENSHOT) | {"width": "wide", "create_time": -(10**12)}
    del body["pic_full_url"]
    moderation = published(MODERATION) | {"streamId": 5, "type": [1, "x"]}
    del moderation["img"]
    assert sorted(p for p, _ in errors_of(body)) == ["$.create_time", "$.pic_full_url", "$.width"]
    assert sorted(p for p, _ in errors_of(moderation)) == ["$.img", "$.streamId", "$.type[1]"]
    with pytest.raises(vodsnap.DecodeError) as info:
        vodsnap.parse(json.dumps(body))
    assert info.value.body == json.dumps(body)


def test_limits_bound_the_label_arrays() -> None:
    body = published(MODERATION) | {"type": [1, 2, 3]}
    moderation = vodsnap.parse(body, limits=vodsnap.Limits(max_pictures=3))
    assert of_type(vodsnap.LiveModeration, moderation).types == (1, 2, 3)
    problems = errors_of(body, limits=vodsnap.Limits(max_pictures=2))
    assert [p for p, _ in problems] == ["$.type"]
    assert "max_pictures=2" in problems[0][1]


# -- round trip, idempotency, pickling ----------------------------------------------------------


@given(st.data(), testing.live_event_bodies())
def test_round_trip(data: st.DataObject, body: dict[str, Any]) -> None:
    model = vodsnap.parse(data.draw(encoded(body)))
    assert isinstance(model, vodsnap.LiveEvent)
    wire = vodsnap.to_wire(model)
    assert vodsnap.parse(wire) == model
    assert vodsnap.parse(json.dumps(wire), strict=True) == model
    assert (wire.get("t"), wire.get("sign")) == (
        None if model.expires is None else int(model.expires.timestamp()),
        model.sign,
    )
    assert pickle.loads(pickle.dumps(model)) == model


@given(st.data(), testing.live_event_bodies())
def test_resends_share_the_key(data: st.DataObject, body: dict[str, Any]) -> None:
    """A resend may carry another t and sign (and a moderation another sendTime)."""
    first = vodsnap.parse(body)
    resend = dict(data.draw(quirked(body)))
    resend |= {
        "t": data.draw(st.integers(NOW, NOW + 10**6)),
        "sign": data.draw(st.text("0123456789abcdef", min_size=32, max_size=32)),
    }
    assert vodsnap.parse(resend) == first  # t and sign are not part of equality
    if "sendTime" in body:
        resend["sendTime"] = int(body["sendTime"]) + data.draw(st.integers(1, 600))
    assert vodsnap.parse(resend).idempotency_key == first.idempotency_key


@pytest.mark.parametrize(
    "change",
    [
        {"create_time": 1622599926},
        {"pic_url": "/channelid/other.jpg"},
        {"pic_full_url": "http://your.cos.region.myqcloud.com/other.jpg"},
        {"stream_id": "other"},
    ],
)
def test_different_screenshots_have_different_keys(change: dict[str, Any]) -> None:
    body = published(SCREENSHOT)
    assert vodsnap.parse(body | change).idempotency_key != vodsnap.parse(body).idempotency_key


@pytest.mark.parametrize(
    "change", [{"img": "http://other/1.jpg"}, {"screenshotTime": 1}, {"streamId": "other"}]
)
def test_different_flagged_screenshots_have_different_keys(change: dict[str, Any]) -> None:
    body = published(MODERATION)
    assert vodsnap.parse(body | change).idempotency_key != vodsnap.parse(body).idempotency_key


# -- signatures ---------------------------------------------------------------------------------


def signed(expires: int = NOW + 600, key: str = KEY, upper: bool = False) -> dict[str, Any]:
    sign = hashlib.md5(f"{key}{expires}".encode()).hexdigest()
    return published(SCREENSHOT) | {"t": expires, "sign": sign.upper() if upper else sign}


def reason(body: Any, key: str = KEY, now: int = NOW) -> str:
    with pytest.raises(vodsnap.SignatureError) as info:
        vodsnap.verify_signature(body, key, now=now)
    return info.value.reason


@pytest.mark.parametrize("upper", [False, True])
def test_a_valid_cloud_live_signature(upper: bool) -> None:
    body = signed(upper=upper)
    vodsnap.verify_signature(json.dumps(body), KEY, now=NOW)
    vodsnap.verify_signature(body | {"t": str(NOW + 600)}, KEY, now=NOW)  # its digits
    later = signed(int(time.time()) + 600)  # parse checks t against the clock
    assert isinstance(vodsnap.parse(json.dumps(later), sign_key=KEY), vodsnap.LiveScreenshot)


def test_a_wrong_or_expired_cloud_live_signature() -> None:
    assert reason(signed(), key="other") == "mismatch"
    assert reason(signed() | {"t": NOW + 601}) == "mismatch"
    assert reason(raw(SCREENSHOT)) == "mismatch"  # the page's sign, made with another key
    assert reason(signed(NOW - 1)) == "expired"
    with pytest.raises(vodsnap.SignatureError, match="'sign' is not MD5"):
        vodsnap.verify_signature(signed(), "other", now=NOW)
    with pytest.raises(vodsnap.SignatureError, match="expired at t="):
        vodsnap.verify_signature(signed(NOW - 1), KEY, now=NOW)


@pytest.mark.parametrize("change", [{"sign": 5}, {"t": "soon"}, {"t": True}])
def test_a_missing_cloud_live_signature(change: dict[str, Any]) -> None:
    assert reason(signed() | change) == "missing"
    assert reason(published(MODERATION)) == "missing"  # the older sample is unsigned
    with pytest.raises(vodsnap.SignatureError) as info:
        vodsnap.parse(signed() | change, sign_key=KEY)
    assert info.value.reason == "missing"


def test_the_signature_does_not_cover_the_body() -> None:
    """What the docs say: only the key and t are signed."""
    vodsnap.verify_signature(signed() | {"pic_full_url": "http://elsewhere/x.jpg"}, KEY, now=NOW)


# -- the command line ---------------------------------------------------------------------------


def test_summary_lines() -> None:
    assert summary(vodsnap.parse(raw(SCREENSHOT))) == (
        "live-screenshot stream=your_streamid time=2021-06-02T02:12:05+00:00 "
        "size=1280x720 bytes=30670"
    )
    assert summary(vodsnap.parse(raw(MODERATION))) == (
        "live-moderation stream=teststream suggestion=- label=- types=2"
    )
    assert summary(vodsnap.parse({"event_type": 1})) == "live-event event_type=1 (not modelled)"


def test_snapshots_of_a_log_that_mixes_vod_and_cloud_live(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    log = tmp_path / "callbacks.jsonl"
    bodies = [
        published(SCREENSHOT),
        published("image-sprite-v4-success.json"),
        {"event_type": 0, "stream_id": "s"},
        published(MODERATION),
    ]
    log.write_text("\n".join(json.dumps(b) for b in bodies) + "\n")
    assert main_snapshots([str(log)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == (
        f"{log}:1: live stream=your_streamid offset=- http://your.cos.region.myqcloud.com{PIC}"
    )
    assert lines[1].startswith(f"{log}:2: sprite file=14508071098244929440 offset=- http://")
    assert lines[-1] == f"{log}:4: moderation stream=teststream offset=- {IMG}"
    assert len(lines) == 4
    assert main_snapshots(["--json", str(log)]) == 0
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [(r["kind"], r["stream_id"], r["file_id"]) for r in records] == [
        ("live", "your_streamid", None),
        ("sprite", None, "14508071098244929440"),
        ("sprite", None, "14508071098244929440"),
        ("moderation", "teststream", None),
    ]


def test_from_type_makes_cloud_live_models() -> None:
    from hypothesis import Phase, find, settings

    found_not_shrunk = settings(database=None, phases=[Phase.generate])  # any example will do
    for model in (vodsnap.LiveScreenshot, vodsnap.LiveModeration, vodsnap.UnknownLiveEvent):
        made = find(st.from_type(model), lambda _: True, settings=found_not_shrunk)
        assert isinstance(made, model)


def test_the_main_command_summarises_a_mixed_log(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    from vodsnap._cli import main

    log = tmp_path / "callbacks.jsonl"
    bodies = [published(SCREENSHOT), published("image-sprite-v4-success.json")]
    log.write_text("\n".join(json.dumps(b) for b in bodies) + "\n")
    assert main([str(log)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].endswith(
        ": live-screenshot stream=your_streamid "
        + "time=2021-06-02T02:12:05+00:00 size=1280x720 bytes=30670"
    )
    assert ": image-sprite " in lines[1]
