"""The recipes in examples/recipes/, each through its framework's own test client."""

from __future__ import annotations

import base64
import functools
import importlib.util
import io
import json
import logging
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from threading import get_ident
from typing import Any

import pytest

import vodsnap
from support import ROOT

RECIPES = ROOT / "examples" / "recipes"
GARBAGE = b'{"vid": 5, "status": "done"}'
LIMIT = vodsnap.Limits().max_body_bytes
#: The largest body each recipe takes, and the smallest it refuses with 413.
SIZES = [(LIMIT, 200), (LIMIT + 1, 413)]


def load(name: str) -> Any:
    """The recipe, as a module whose names the tests read and set (``hand_on``, ``keep``)."""
    spec = importlib.util.spec_from_file_location(f"recipe_{name}", RECIPES / f"{name}.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # Django resolves ROOT_URLCONF by module name
    spec.loader.exec_module(module)
    return module


@functools.cache
def django_recipe() -> Any:
    """Loaded once: Django keeps its settings, and the first URLconf it resolves, per process."""
    pytest.importorskip("django")
    return load("django_app")


class Sink:
    """What a recipe hands on and what it keeps."""

    def __init__(self) -> None:
        self.models: list[Any] = []
        self.kept: list[dict[str, Any]] = []

    def hand_on(self, model: Any) -> None:
        self.models.append(model)

    def keep(self, report: dict[str, Any]) -> None:
        self.kept.append(report)

    def into(self, recipe: Any, monkeypatch: pytest.MonkeyPatch) -> Sink:
        """This sink as the recipe's module-level ``hand_on`` and ``keep``, for one test."""
        monkeypatch.setattr(recipe, "hand_on", self.hand_on)
        monkeypatch.setattr(recipe, "keep", self.keep)
        return self


def sized(body: bytes, size: int) -> bytes:
    """``body`` padded with JSON whitespace to ``size`` bytes: the same callback, longer."""
    return body + b" " * (size - len(body))


class Endless(io.RawIOBase):
    """A request body of ``total`` spaces, in 64 KiB reads at most, counting what is read."""

    def __init__(self, total: int) -> None:
        self.left, self.read_bytes = total, 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        n = min(len(buffer), self.left, 65536)
        buffer[:n] = b" " * n
        self.left -= n
        self.read_bytes += n
        return n


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


def test_django(example_bytes: dict[str, bytes], monkeypatch: pytest.MonkeyPatch) -> None:
    recipe = django_recipe()
    from django.test import Client

    sink = Sink().into(recipe, monkeypatch)  # the module is loaded once: its defaults restored
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


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def answer(server: subprocess.Popen[str], url: str, body: bytes) -> int | None:
    """The status the server answers a POST of ``body`` with, once it listens; ``None`` if it
    exits first (or has not listened within a minute: a bound, not a measure)."""
    request = urllib.request.Request(url, data=body, headers={"Content-Type": "text/json"})
    deadline = time.monotonic() + 60
    while server.poll() is None and time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                status: int = response.status
                return status
        except urllib.error.HTTPError as refused:
            return refused.code
        except OSError:  # not listening yet
            time.sleep(0.05)
    return None


@pytest.mark.subprocess
def test_django_serves_with_its_documented_command(example_bytes: dict[str, bytes]) -> None:
    """``django-admin runserver --pythonpath . --settings django_app``, as the recipe says (here
    as ``python -m django``, the same program, on a free port and without the autoreloader),
    answers a callback and a broken body, then is stopped."""
    pytest.importorskip("django")
    url = f"http://127.0.0.1:{free_port()}/vod/callback"
    address = url.split("/")[2]
    command = [sys.executable, "-m", "django", "runserver", address, "--noreload"]
    command += ["--pythonpath", ".", "--settings", "django_app"]
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    with subprocess.Popen(
        command, cwd=RECIPES, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    ) as server:
        try:
            statuses = [answer(server, url, example_bytes["snapshot-event-success"])]
            statuses.append(answer(server, url, GARBAGE))
        finally:
            server.terminate()
            output, _ = server.communicate(timeout=30)
    assert statuses == [200, 400], output


@pytest.mark.subprocess
def test_django_leaves_a_projects_own_settings_alone(tmp_path: Path) -> None:
    """Imported where ``DJANGO_SETTINGS_MODULE`` names the project's settings, the recipe does
    not configure Django with its own."""
    pytest.importorskip("django")
    (tmp_path / "project_settings.py").write_text('ALLOWED_HOSTS = ["example.com"]\n')
    code = "import django_app; from django.conf import settings; print(settings.ALLOWED_HOSTS)"
    env = os.environ | {
        "DJANGO_SETTINGS_MODULE": "project_settings",
        "PYTHONPATH": os.pathsep.join([str(RECIPES), str(tmp_path)]),
    }
    done = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=False
    )
    assert (done.returncode, done.stdout) == (0, "['example.com']\n"), done.stderr


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


def garbage_report() -> dict[str, Any]:
    with pytest.raises(vodsnap.DecodeError) as refused:
        vodsnap.parse(GARBAGE)
    return refused.value.report()


def post_garbage_to_the_module(name: str) -> int:
    """POST GARBAGE to the recipe as its module stands, defaults and all; the status."""
    status: int
    if name == "fastapi_app":
        from fastapi.testclient import TestClient

        status = TestClient(load(name).app).post("/vod/callback", content=GARBAGE).status_code
    elif name == "flask_app":
        status = load(name).app.test_client().post("/vod/callback", data=GARBAGE).status_code
    elif name == "django_app":
        from django.test import Client

        django_recipe()
        status = Client().post("/vod/callback", data=GARBAGE, content_type="text/json").status_code
    else:
        status = load(name).main_handler({"body": GARBAGE.decode()}, None)["statusCode"]
    return status


#: The framework each web recipe needs (SCF's handler needs none).
FRAMEWORK = {"fastapi_app": "fastapi", "flask_app": "flask", "django_app": "django"}


@pytest.mark.parametrize("name", [*FRAMEWORK, "scf_handler"])
def test_the_default_keep_logs_the_report_whole(
    name: str, caplog: pytest.LogCaptureFixture
) -> None:
    """Run as they stand, the recipes lose no undecodable body: the placeholder ``keep`` logs
    its report, body included, at warning level."""
    pytest.importorskip(FRAMEWORK.get(name, "vodsnap"))
    assert post_garbage_to_the_module(name) == 400
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert any(json.dumps(garbage_report()) in message for message in warnings), warnings


def test_dead_letter_keeps_each_body_once() -> None:
    recipe = load("dead_letter")
    db = recipe.connect()
    try:
        bodies = [GARBAGE, GARBAGE, b"\xff not UTF-8", GARBAGE + b" ", b"\xff not UTF-8"]
        reports = [refusal(body).report() for body in bodies]
        assert [recipe.keep(db, report) for report in reports] == [True, False, True, True, False]
        kept = [
            json.loads(text)
            for (text,) in db.execute("SELECT report FROM dead_letter ORDER BY rowid")
        ]
        assert kept == [reports[0], reports[2], reports[3]]
        assert [vodsnap.DecodeError.body_from_report(r) for r in kept] == [
            GARBAGE,
            b"\xff not UTF-8",
            GARBAGE + b" ",
        ]
    finally:
        db.close()


def refusal(body: bytes) -> vodsnap.DecodeError:
    try:
        vodsnap.parse(body)
    except vodsnap.DecodeError as refused:
        return refused
    raise AssertionError(f"{body!r} decodes")


def test_a_cloud_live_body_refused_six_times_is_kept_once(
    vodsnap_published_examples: dict[str, bytes],
) -> None:
    """Cloud Live resends a body answered with 400, up to 5 times: the dead letter keeps it once."""
    pytest.importorskip("flask")
    dead_letter = load("dead_letter")
    db = dead_letter.connect()
    try:
        body = vodsnap_published_examples["css-live-screenshot-200-current"].replace(
            b'"width"',
            b'"widht"',  # a typo: width missing
        )
        app = load("flask_app").create_app(Sink().hand_on, lambda r: dead_letter.keep(db, r))
        client = app.test_client()
        statuses = [client.post("/vod/callback", data=body).status_code for _ in range(6)]
        assert statuses == [400] * 6
        [(text,)] = db.execute("SELECT report FROM dead_letter").fetchall()
        assert vodsnap.DecodeError.body_from_report(json.loads(text)) == body
    finally:
        db.close()


EMPTY_QUEUE = [
    {"Response": {"Error": {"Code": "ResourceNotFound", "Message": "no event"}, "RequestId": "r"}},
    {"Response": {"EventSet": None, "RequestId": "r"}},
    {"Response": {"EventSet": [], "RequestId": "r"}},
    {"Response": {"RequestId": "r"}},
    {"code": 0, "message": "", "eventList": []},  # the old PullEvent
]


@pytest.mark.parametrize(
    "body", EMPTY_QUEUE, ids=["ResourceNotFound", "null", "[]", "absent", "old"]
)
def test_pull_loop_is_quiet_on_an_empty_queue(
    body: dict[str, Any], caplog: pytest.LogCaptureFixture
) -> None:
    """An idle queue is the normal case between events: no warning on every poll."""
    sink, confirmed = Sink(), list[list[str]]()
    caplog.set_level("DEBUG")
    recipe = load("pull_loop")
    assert recipe.poll_once(lambda: body, confirmed.append, sink.hand_on, sink.keep) == 0
    assert [r for r in caplog.records if r.levelno >= logging.WARNING] == []
    assert (confirmed, sink.models, sink.kept) == ([], [], [])


def test_pull_loop_warns_of_a_failed_pull(caplog: pytest.LogCaptureFixture) -> None:
    recipe = load("pull_loop")
    failed = {"Response": {"Error": {"Code": "AuthFailure", "Message": "m"}, "RequestId": "r"}}
    assert recipe.poll_once(lambda: failed, print, print, print) == 0
    assert "pull failed" in caplog.text
    assert "AuthFailure" in caplog.text


# The size limit: each recipe takes a body of exactly LIMIT bytes and refuses one byte more with
# 413 (vodsnap alone would answer 400), by the declared Content-Length or by a bounded read when
# there is none, and hands on or keeps nothing it refused.


@pytest.mark.parametrize("chunked", [False, True], ids=["content-length", "chunked"])
def test_fastapi_refuses_a_body_over_the_limit(
    example_bytes: dict[str, bytes], chunked: bool
) -> None:
    pytest.importorskip("fastapi")
    from fastapi.testclient import TestClient

    sink = Sink()
    client = TestClient(load("fastapi_app").create_app(sink.hand_on, sink.keep))
    event = example_bytes["snapshot-event-success"]
    for size, status in SIZES:
        body = sized(event, size)
        response = client.post("/vod/callback", content=iter([body]) if chunked else body)
        assert ("content-length" in response.request.headers) is not chunked
        assert (response.status_code, response.json()) == (status, {})
    declared = client.post(
        "/vod/callback", content=event, headers={"content-length": str(LIMIT + 1)}
    )
    assert declared.status_code == 413  # refused by the header alone
    assert (sink.models, sink.kept) == ([vodsnap.parse(event)], [])


def asgi_post(app: Any, chunks: Iterator[bytes]) -> int:
    """POST ``chunks`` to the ASGI ``app`` on an event loop in this thread; the status."""
    import anyio

    sent: list[dict[str, Any]] = []

    async def receive() -> dict[str, Any]:
        chunk = next(chunks, None)
        return {"type": "http.request", "body": chunk or b"", "more_body": chunk is not None}

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    scope = {"type": "http", "method": "POST", "path": "/vod/callback", "headers": []}
    anyio.run(app, scope | {"query_string": b"", "root_path": ""}, receive, send)
    status: int = sent[0]["status"]
    return status


def test_fastapi_stops_reading_past_the_limit() -> None:
    pytest.importorskip("fastapi")
    app = load("fastapi_app").create_app(Sink().hand_on, Sink().keep)
    endless = Endless(100 * LIMIT)
    assert asgi_post(app, iter(lambda: endless.read(65536), b"")) == 413
    assert endless.read_bytes <= LIMIT + 65536  # the chunk that went past it


def test_fastapi_decodes_off_the_event_loop() -> None:
    pytest.importorskip("fastapi")
    threads: list[int] = []
    app = load("fastapi_app").create_app(Sink().hand_on, lambda _: threads.append(get_ident()))
    assert asgi_post(app, iter([GARBAGE])) == 400
    [thread] = threads  # kept once, from a worker thread
    assert thread != get_ident()


@pytest.mark.parametrize("chunked", [False, True], ids=["content-length", "chunked"])
def test_flask_refuses_a_body_over_the_limit(
    example_bytes: dict[str, bytes], chunked: bool
) -> None:
    pytest.importorskip("flask")
    sink = Sink()
    client = load("flask_app").create_app(sink.hand_on, sink.keep).test_client()
    event = example_bytes["snapshot-event-success"]
    for size, status in SIZES:
        body = sized(event, size)
        # A chunked body: no CONTENT_LENGTH, and the server says it ends the stream itself.
        kwargs: dict[str, Any] = (
            {"environ_overrides": {"wsgi.input": io.BytesIO(body), "wsgi.input_terminated": 1}}
            if chunked
            else {"data": body}
        )
        response = client.post("/vod/callback", content_type="application/json", **kwargs)
        assert (response.status_code, response.get_json()) == (status, {})
    declared = client.post(
        "/vod/callback",
        data=event,
        content_type="application/json",
        environ_overrides={"CONTENT_LENGTH": str(LIMIT + 1)},
    )
    assert declared.status_code == 413  # refused by the header alone
    assert (sink.models, sink.kept) == ([vodsnap.parse(event)], [])


def test_flask_stops_reading_past_the_limit() -> None:
    pytest.importorskip("flask")
    client = load("flask_app").create_app(Sink().hand_on, Sink().keep).test_client()
    endless = Endless(100 * LIMIT)
    environ = {"wsgi.input": endless, "wsgi.input_terminated": 1}
    response = client.post("/vod/callback", environ_overrides=environ)
    assert response.status_code == 413
    assert endless.read_bytes == LIMIT + 1


def test_django_refuses_a_body_over_the_limit(
    example_bytes: dict[str, bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    recipe = django_recipe()
    from django.test import AsyncRequestFactory, Client
    from django.test.client import FakePayload

    sink = Sink().into(recipe, monkeypatch)
    event = example_bytes["snapshot-event-success"]
    client = Client()
    for size, status in SIZES:  # under WSGI, Content-Length bounds the stream
        response = client.post("/vod/callback", data=sized(event, size), content_type="text/json")
        assert (response.status_code, response.json()) == (status, {})
    declared = client.post(
        "/vod/callback", data=event, content_type="text/json", CONTENT_LENGTH=str(LIMIT + 1)
    )
    assert declared.status_code == 413  # refused by the header alone
    for size, status in [*SIZES, (10 * LIMIT, 413)]:  # under ASGI, a chunked body has none
        request = AsyncRequestFactory().request(
            method="POST", path="/vod/callback", _body_file=FakePayload(sized(event, size))
        )
        assert "CONTENT_LENGTH" not in request.META
        assert recipe.vod_callback(request).status_code == status
        if status == 413:
            assert len(request.read()) == size - LIMIT - 1  # the rest was never read
    assert (sink.models, sink.kept) == ([vodsnap.parse(event)] * 2, [])


@pytest.mark.parametrize("encode", [False, True], ids=["text", "base64"])
def test_scf_refuses_a_body_over_the_limit(example_bytes: dict[str, bytes], encode: bool) -> None:
    recipe = load("scf_handler")
    sink = Sink()
    recipe.hand_on, recipe.keep = sink.hand_on, sink.keep
    event = example_bytes["snapshot-event-success"]
    for size, status in [*SIZES, (LIMIT + 3, 413)]:
        body = sized(event, size)
        text = base64.b64encode(body).decode() if encode else body.decode()
        reply = recipe.main_handler({"body": text, "isBase64Encoded": encode}, None)
        assert (reply["statusCode"], json.loads(reply["body"])) == (status, {})
    # Refused by its length alone: base64-decoded, these characters would be no bytes at all,
    # and this text's characters are within the limit, its UTF-8 bytes not.
    text = "!" * (len(base64.b64encode(bytes(LIMIT))) + 1) if encode else "é" * (LIMIT // 2 + 1)
    assert recipe.main_handler({"body": text, "isBase64Encoded": encode}, None)["statusCode"] == 413
    assert (sink.models, sink.kept) == ([vodsnap.parse(event)], [])
