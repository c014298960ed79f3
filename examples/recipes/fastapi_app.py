"""FastAPI (async): receive Tencent Cloud snapshot callbacks.

    pip install 'vodsnap[recipes]' uvicorn && uvicorn fastapi_app:app

VOD resends a callback it has no reply to within 5 s, and Cloud Live one it has no HTTP 200 to
within about 20 s, so the handler answers at once and hands the model on in a background task,
after the response is sent. A body that does not decode gets ``400``: VOD ignores the status, but
Cloud Live resends it, up to 5 times, so it reaches ``keep`` up to six times (dead_letter.py keeps
it once). The endpoint is public: a body over the size limit is refused (413) before it is read
whole, and decoding runs in a worker thread, so that a slow body does not hold up the event loop
(benchmarks/load.py measures it).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from typing import Any

from fastapi import BackgroundTasks, FastAPI, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse

import vodsnap

log = logging.getLogger("vod.callbacks")
LIMIT = vodsnap.Limits().max_body_bytes  # the size vodsnap.parse accepts by default


def log_report(report: dict[str, Any]) -> None:
    """A placeholder ``keep``: the report logged whole, its body included (dead_letter.py keeps
    each body once in a table instead)."""
    log.warning("undecodable VOD callback kept in the log: %s", json.dumps(report))


async def read_body(request: Request) -> bytes | None:
    """The body, or None when it is over LIMIT: Content-Length first, then a bounded read."""
    if int(request.headers.get("content-length") or 0) > LIMIT:
        return None
    body = bytearray()
    async for chunk in request.stream():  # a chunked body has no Content-Length
        body += chunk
        if len(body) > LIMIT:
            return None
    return bytes(body)


def decode(body: bytes, keep: Callable[[dict[str, Any]], None]) -> Any | None:
    """The model, or None once the problems are logged and kept (runs in a worker thread)."""
    try:
        return vodsnap.parse(body)
    except vodsnap.DecodeError as exc:
        report = exc.report()  # every problem, and the body, JSON-ready
        log.warning("undecodable VOD callback: %s", json.dumps(report["errors"]))
        keep(report)
        return None


def create_app(hand_on: Callable[[Any], None], keep: Callable[[dict[str, Any]], None]) -> FastAPI:
    """``hand_on(model)`` gets each decoded callback; ``keep(report)`` each undecodable one."""
    app = FastAPI()

    @app.post("/vod/callback")
    async def vod_callback(request: Request, background: BackgroundTasks) -> JSONResponse:
        body = await read_body(request)
        if body is None:
            log.warning("VOD callback over %d bytes refused", LIMIT)
            return JSONResponse({}, status_code=413)
        model = await run_in_threadpool(decode, body, keep)
        if model is None:
            return JSONResponse({}, status_code=400)
        background.add_task(hand_on, model)
        return JSONResponse({})

    return app


# Placeholders to replace with yours (a task queue, a dead-letter store): these log what they get.
app = create_app(hand_on=lambda model: log.info("%r", model), keep=log_report)
