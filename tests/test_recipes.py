"""The recipes in examples/recipes/, each through its framework's own test client."""

from __future__ import annotations

import base64
import importlib.util
import json
import sys
from types import ModuleType
from typing import Any

import pytest

import vodsnap
from support import ROOT

RECIPES = ROOT / "examples" / "recipes"
GARBAGE = b'{"vid": 5, "status": "done"}'


def load(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"recipe_{name}", RECIPES / f"{name}.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # Django resolves ROOT_URLCONF by module name
    spec.loader.exec_module(module)
    return module


class Sink:
    """What a recipe hands on and what it keeps."""

    def __init__(self) -> None:
        self.models: list[Any] = []
        self.kept: list[dict[str, Any]] = []

    def hand_on(self, model: Any) -> None:
        self.models.append(model)

    def keep(self, report: dict[str, Any]) -> None:
        self.kept.append(report)


def check_kept(sink: Sink, body: bytes) -> None:
    [report] = sink.kept
    assert vodsnap.DecodeError.body_from_report(report) == body
    assert {"path": "$.vid", "message": "expected a string, got the number 5"} in report["errors"]
    assert sink.models == []


def test_fastapi(example_bytes: dict[str, bytes], caplog: pytest.LogCaptureFixture) -> None:
    pytest.importorskip("fastapi")
    from fastapi.testclient import TestClient

    sink = Sink()
    client = TestClient(load("fastapi_app").create_app(sink.hand_on, sink.keep))
    for body in example_bytes.values():
        response = client.post("/vod/callback", content=body)
        assert (response.status_code, response.json()) == (200, {})
    assert sink.models == [vodsnap.parse(b) for b in example_bytes.values()]
    sink.models.clear()
    response = client.post("/vod/callback", content=GARBAGE)
    assert (response.status_code, response.json()) == (400, {})
    check_kept(sink, GARBAGE)
    assert "undecodable VOD callback" in caplog.text


def test_flask(example_bytes: dict[str, bytes], caplog: pytest.LogCaptureFixture) -> None:
    pytest.importorskip("flask")
    sink = Sink()
    client = load("flask_app").create_app(sink.hand_on, sink.keep).test_client()
    for body in example_bytes.values():
        response = client.post("/vod/callback", data=body, content_type="application/json")
        assert (response.status_code, response.get_json()) == (200, {})
    assert sink.models == [vodsnap.parse(b) for b in example_bytes.values()]
    sink.models.clear()
    response = client.post("/vod/callback", data=GARBAGE, content_type="application/json")
    assert (response.status_code, response.get_json()) == (400, {})
    check_kept(sink, GARBAGE)
    assert "undecodable VOD callback" in caplog.text


def test_django(example_bytes: dict[str, bytes]) -> None:
    pytest.importorskip("django")
    recipe = load("django_app")
    from django.test import Client

    sink = Sink()
    recipe.hand_on, recipe.keep = sink.hand_on, sink.keep
    client = Client()
    for body in example_bytes.values():
        response = client.post("/vod/callback", data=body, content_type="application/json")
        assert (response.status_code, response.json()) == (200, {})
    assert sink.models == [vodsnap.parse(b) for b in example_bytes.values()]
    sink.models.clear()
    response = client.post("/vod/callback", data=GARBAGE, content_type="application/json")
    assert (response.status_code, response.json()) == (400, {})
    check_kept(sink, GARBAGE)
    assert client.get("/vod/callback").status_code == 405


@pytest.mark.parametrize("encode", [False, True], ids=["text", "base64"])
def test_scf(example_bytes: dict[str, bytes], encode: bool) -> None:
    recipe = load("scf_handler")
    sink = Sink()
    recipe.hand_on, recipe.keep = sink.hand_on, sink.keep

    def event(body: bytes) -> dict[str, Any]:
        text = base64.b64encode(body).decode() if encode else body.decode()
        return {
            "httpMethod": "POST",
            "path": "/vod/callback",
            "body": text,
            "isBase64Encoded": encode,
        }

    for body in example_bytes.values():
        reply = recipe.main_handler(event(body), None)
        assert (reply["statusCode"], json.loads(reply["body"])) == (200, {})
    assert sink.models == [vodsnap.parse(b) for b in example_bytes.values()]
    sink.models.clear()
    assert recipe.main_handler(event(GARBAGE), None)["statusCode"] == 400
    check_kept(sink, GARBAGE)


def test_pull_loop_confirms_every_handle(example_bytes: dict[str, bytes]) -> None:
    recipe = load("pull_loop")
    event = json.loads(example_bytes["snapshot-event-success"])
    responses: list[Any] = [
        {  # old PullEvent, with a malformed event between two good ones
            "code": 0,
            "message": "",
            "eventList": [
                {"msgHandle": "a", "eventContent": event},
                {"msgHandle": "b", "eventContent": {"eventType": 1}},
                {"msgHandle": "c", "eventContent": dict(event, version=4)},
            ],
        },
        json.dumps({"Response": {"EventSet": [], "RequestId": "r1"}}),  # API 3.0, empty
        b"not json",
        {"Response": {"Error": {"Code": "InternalError", "Message": "m"}, "RequestId": "r2"}},
    ]
    confirmed: list[list[str]] = []
    sleeps: list[float] = []
    sink = Sink()
    recipe.run(
        pull=lambda: responses.pop(0),
        confirm=confirmed.append,
        hand_on=sink.hand_on,
        keep=sink.keep,
        keep_going=lambda: bool(responses),
        sleep=sleeps.append,
    )
    assert confirmed == [["a", "b", "c"]]  # the bad one too: it is kept, not redelivered
    assert sink.models == [vodsnap.parse(event)] * 2
    assert [r["body"]["type"] for r in sink.kept] == ["mapping", "bytes"]
    assert sink.kept[0]["body"]["json"] == {"msgHandle": "b", "eventContent": {"eventType": 1}}
    assert sleeps == [1.0, 1.0, 1.0]  # after the empty, the unreadable and the failed pull
