"""FastAPI (async): receive Tencent VOD snapshot callbacks.

    pip install 'vodsnap[recipes]' uvicorn && uvicorn fastapi_app:app

Tencent ignores the reply but retries when it waits more than 5 s, so the handler answers at once
and hands the model on in a background task, after the response is sent.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from typing import Any

from fastapi import BackgroundTasks, FastAPI, Request
from fastapi.responses import JSONResponse

import vodsnap

log = logging.getLogger("vod.callbacks")


def create_app(hand_on: Callable[[Any], None], keep: Callable[[dict[str, Any]], None]) -> FastAPI:
    """``hand_on(model)`` gets each decoded callback; ``keep(report)`` each undecodable one."""
    app = FastAPI()

    @app.post("/vod/callback")
    async def vod_callback(request: Request, background: BackgroundTasks) -> JSONResponse:
        body = await request.body()
        try:
            model = vodsnap.parse(body)
        except vodsnap.DecodeError as exc:
            report = exc.report()  # every problem, and the body, JSON-ready
            log.warning("undecodable VOD callback: %s", json.dumps(report["errors"]))
            keep(report)
            return JSONResponse({}, status_code=400)
        background.add_task(hand_on, model)
        return JSONResponse({})

    return app


app = create_app(hand_on=lambda model: log.info("%r", model), keep=lambda report: None)
