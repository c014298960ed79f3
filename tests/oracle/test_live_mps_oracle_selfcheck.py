"""Check the live/MPS oracle against the documents, not against the product.

Every CSS / MPS body Tencent publishes (tests/data/published/, each with a
.source.md naming its page) is run through the oracle, and the values the page
shows (as the .source.md and the reference describe them) are asserted.
"""

from __future__ import annotations

import copy
import hashlib
import importlib.util
import json
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

HERE = Path(__file__).resolve().parent
PUBLISHED = HERE.parent / "data" / "published"


def _load_oracle() -> ModuleType:
    spec = importlib.util.spec_from_file_location("live_mps_oracle", HERE / "live_mps_oracle.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


oracle = _load_oracle()


def _body(name: str) -> Any:
    return json.loads((PUBLISHED / f"{name}.json").read_text(encoding="utf-8"))


def _md5(text: str) -> str:
    return hashlib.md5(text.encode()).hexdigest()


LIVE_AND_MPS = sorted(
    p.stem for p in PUBLISHED.glob("*.json") if p.name.startswith(("css-", "mps-"))
)


def test_every_published_live_and_mps_body_is_here() -> None:
    assert LIVE_AND_MPS == [
        "css-live-porn-detect-317",
        "css-live-screenshot-200-current",
        "mps-workflowtask-scf-trigger",
    ]


@pytest.mark.parametrize("name", LIVE_AND_MPS)
def test_the_oracle_has_an_opinion_on_every_published_body(name: str) -> None:
    assert (PUBLISHED / f"{name}.source.md").is_file()
    body = _body(name)
    assert oracle.facts(body) is not None
    assert oracle.snapshots(body) is not None


# ---------------------------------------------------------- CSS 200 (267/38083)

SHOT = "css-live-screenshot-200-current"
SHOT_URL = (
    "http://your.cos.region.myqcloud.com/channelid/channelid-screenshot-10-12-05-1280x720.jpg"
)


def test_screenshot_200_facts_are_the_page_values() -> None:
    assert oracle.facts(_body(SHOT)) == {
        "kind": "live_screenshot",
        "event_type": 200,
        "stream_id": "your_streamid",
        "channel_id": "your_channelid",
        "app": "test.app",
        "appname": "live",
        "stream_param": "txSecret=ca3e25e5dc17a6f9909a9ae7281e300d&txTime=60B83800",
        "task_id": None,  # listed in 1214/47028, absent from the sample
        "create_time": "2021-06-02T02:12:05+00:00",
        "file_size": 30670,
        "width": 1280,
        "height": 720,
        "pic_url": "/channelid/channelid-screenshot-10-12-05-1280x720.jpg",
        "pic_full_url": SHOT_URL,
        "t": 1622600525,
        "sign": "ca3e25e5dc17a6f9909a9ae7281e300d",
    }


def test_screenshot_200_times_agree_with_the_page() -> None:
    f = oracle.facts(_body(SHOT))
    taken = datetime.fromisoformat(f["create_time"])
    assert taken.tzinfo is not None
    assert taken.utcoffset() == timedelta(0)
    # The file name carries the Beijing time of the shot: 10-12-05.
    beijing = taken.astimezone(timezone(timedelta(hours=8)))
    assert beijing.strftime("%H-%M-%S") in f["pic_url"]
    # t is the expiry, by default 10 minutes after the notification was made.
    assert f["t"] - int(taken.timestamp()) == 600


def test_screenshot_200_gives_one_live_image() -> None:
    assert oracle.snapshots(_body(SHOT)) == [
        {
            "kind": "LIVE",
            "url": SHOT_URL,
            "time_offset": None,
            "definition": None,
            "stream_id": "your_streamid",
            "error": None,
            "storage": None,
        }
    ]


def test_screenshot_200_signature_is_md5_of_key_and_t() -> None:
    body = _body(SHOT)
    key = "mykey123"
    body["sign"] = _md5(key + "1622600525")
    assert oracle.signature_ok(body, key, 1622600000) is True
    assert oracle.signature_ok(body, key, 1622600525) is True  # not yet past
    assert oracle.signature_ok(body, key, 1622600526) is False  # t has passed
    aware = datetime(2021, 6, 2, 2, 12, 5, tzinfo=UTC)
    assert oracle.signature_ok(body, key, aware) is True
    body["sign"] = body["sign"].upper()
    assert oracle.signature_ok(body, key, 1622600000) is True
    assert oracle.signature_ok(body, "otherkey", 1622600000) is False
    body["sign"] = _md5("1622600525" + key)  # the wrong order for CSS
    assert oracle.signature_ok(body, key, 1622600000) is False


def test_screenshot_200_published_sign_does_not_match_a_guessed_key() -> None:
    # The page's sign is a placeholder (it repeats txSecret); no key is given.
    assert oracle.signature_ok(_body(SHOT), "key", 1622600000) is False


def test_other_css_event_types_are_not_errors() -> None:
    body = {"event_type": 1, "stream_id": "s", "t": 1, "sign": "x"}
    assert oracle.facts(body) == {"kind": "other_live_event", "event_type": 1}
    assert oracle.snapshots(body) == []


# ---------------------------------------------------------- CSS 317 (267/38084)

MOD = "css-live-porn-detect-317"
MOD_IMG = (
    "http://test-10000.cos.ap-shanghai.myqcloud.com/2019-12-05/"
    "teststream-screenshot-10-32-54-960x540.jpg"
)


def test_moderation_317_facts_are_the_page_values() -> None:
    f = oracle.facts(_body(MOD))
    assert f is not None
    expected = {
        "kind": "live_image_moderation",
        "event_type": 317,
        "stream_id": "teststream",
        "channel_id": "teststream",  # camelCase
        "img": MOD_IMG,
        "type": [2],
        "ocr_msg": "",
        "screenshot_time": "2019-12-05T02:32:54+00:00",
        "send_time": "2019-12-05T02:32:56+00:00",
        "stream_param": "txSecret=40f38f69f574fd51126c421a3d96c374&txTime=5DEBEC80",
        "app": "testlive.myqcloud.com",
        "appname": "live",
        "appid": 10000,
        # older fields, still sent
        "tid": 20001,
        "confidence": 0,
        "normal_score": 2,
        "hot_score": 97,
        "porn_score": 0,
        "similar_score": 0,
        "level": 0,
        # the older sample has no score, suggestion, label, sign or t
        "score": None,
        "suggestion": None,
        "label": None,
        "sign": None,
        "t": None,
    }
    assert {k: f[k] for k in expected} == expected


def test_moderation_317_gives_the_flagged_image() -> None:
    assert oracle.snapshots(_body(MOD)) == [
        {
            "kind": "MODERATION",
            "url": MOD_IMG,
            "time_offset": None,
            "definition": None,
            "stream_id": "teststream",
            "error": None,
            "storage": None,
        }
    ]


def test_moderation_317_without_sign_has_no_signature_opinion() -> None:
    assert oracle.signature_ok(_body(MOD), "key", 0) is None


# ------------------------------------------------- MPS WorkflowTask (583/39163)

MPS = "mps-workflowtask-scf-trigger"
COS = "https://gztest-125****654.cos.ap-guangzhou.myqcloud.com"


def test_mps_workflow_facts_are_the_page_values() -> None:
    assert oracle.facts(_body(MPS)) == {
        "kind": "mps_task",
        "event_type": "WorkflowTask",
        "task_id": "245****654-WorkflowTask-f46dac7fe2436c47******d71946986t0",
        "status": "FINISH",
        "err_code": 0,
        "message": "",
        "session_id": None,
        "session_context": None,
        "timestamp": None,
        "sign": None,
    }


def test_mps_workflow_images_are_cos_paths_made_urls() -> None:
    storage = {"type": "COS", "bucket": "gztest-125****654", "region": "ap-guangzhou"}
    offset_path = "/dasda/dianping2_snapshotByOffset_10_0.jpg"
    sprite_path = "/dasda/imageSprite/dianping2_imageSprite_10_0.jpg"
    assert oracle.snapshots(_body(MPS)) == [
        {
            "kind": "TIME_OFFSET",
            "url": COS + offset_path,
            "time_offset": 0,
            # Output.Definition is 0, Input.Definition is 10: the input's wins
            "definition": 10,
            "stream_id": None,
            "error": None,
            "storage": {**storage, "path": offset_path},
        },
        # the failed AnimatedGraphics task (30010) is not a snapshot task;
        # WebVttPath is not an image
        {
            "kind": "SPRITE",
            "url": COS + sprite_path,
            "time_offset": None,
            "definition": 10,
            "stream_id": None,
            "error": None,
            "storage": {**storage, "path": sprite_path},
        },
    ]


def test_mps_workflow_without_sign_has_no_signature_opinion() -> None:
    assert oracle.signature_ok(_body(MPS), "key", 0) is None


def test_mps_signature_accepts_either_documented_order() -> None:
    body = _body(MPS)
    body["Timestamp"] = 1700000000
    for sign in (_md5("1700000000" + "k3y"), _md5("k3y" + "1700000000")):
        body["Sign"] = sign.upper()
        assert oracle.signature_ok(body, "k3y", 1699999999) is True
        assert oracle.signature_ok(body, "k3y", 1700000001) is False
    body["Sign"] = _md5("k3y1700000001")
    assert oracle.signature_ok(body, "k3y", 1699999999) is False


def test_mps_time_offsets_are_seconds_made_milliseconds() -> None:
    body = _body(MPS)
    task = body["WorkflowTaskEvent"]["MediaProcessResultSet"][2]["SnapshotByTimeOffsetTask"]
    task["Output"]["PicInfoSet"][0]["TimeOffset"] = 3.5
    assert oracle.snapshots(body)[0]["time_offset"] == 3500


def test_mps_output_without_storage_uses_the_input_storage() -> None:
    body = _body(MPS)
    items = body["WorkflowTaskEvent"]["MediaProcessResultSet"]
    sprite = items[3]["ImageSpriteTask"]
    sprite["Output"]["Storage"] = None
    sprite["Input"]["OutputStorage"] = {
        "Type": "AWS-S3",
        "S3OutputStorage": {"S3Bucket": "b1", "S3Region": "us-east-1"},
    }
    got = oracle.snapshots(body)[1]
    assert got["url"] == (
        "https://b1.s3.us-east-1.amazonaws.com/dasda/imageSprite/dianping2_imageSprite_10_0.jpg"
    )
    sprite["Input"]["OutputStorage"] = None  # inherited from above: unknown
    got = oracle.snapshots(body)[1]
    assert got["url"] is None
    assert got["storage"] is None


def test_mps_failed_snapshot_task_gives_its_error_code() -> None:
    body = _body(MPS)
    task = body["WorkflowTaskEvent"]["MediaProcessResultSet"][2]["SnapshotByTimeOffsetTask"]
    task.update(Status="FAIL", ErrCode=30010, Message="TencentVodPlatErr Or Unkown", Output=None)
    assert oracle.snapshots(body)[0] == {
        "kind": "TIME_OFFSET",
        "url": None,
        "time_offset": None,
        "definition": 10,
        "stream_id": None,
        "error": 30010,
        "storage": None,
    }


def test_the_same_task_under_schedule_task_gives_the_same_images() -> None:
    flow = _body(MPS)["WorkflowTaskEvent"]
    activities = [
        {
            "ActivityType": item["Type"],
            "ActivityResItem": {k: v for k, v in item.items() if k != "Type"},
        }
        for item in copy.deepcopy(flow["MediaProcessResultSet"])
    ]
    event = {k: v for k, v in flow.items() if k != "MediaProcessResultSet"}
    body = {
        "EventType": "ScheduleTask",
        "ScheduleTaskEvent": {**event, "ActivityResultSet": activities},
    }
    assert oracle.snapshots(body) == oracle.snapshots(_body(MPS))
    assert oracle.facts(body)["event_type"] == "ScheduleTask"
