"""Flask: receive Tencent VOD snapshot callbacks.

    pip install 'vodsnap[recipes]' && flask --app flask_app run

The handler answers at once and hands the model on to a queue that a worker drains: Tencent
retries a callback it waited more than 5 s for.
"""

from __future__ import annotations

import json
import logging
import queue
from collections.abc import Callable
from typing import Any

from flask import Flask, request

import vodsnap

log = logging.getLogger("vod.callbacks")


def create_app(hand_on: Callable[[Any], None], keep: Callable[[dict[str, Any]], None]) -> Flask:
    """``hand_on(model)`` gets each decoded callback; ``keep(report)`` each undecodable one."""
    app = Flask(__name__)

    @app.post("/vod/callback")
    def vod_callback() -> tuple[dict[str, Any], int]:
        body = request.get_data()  # the raw bytes, not request.json: vodsnap reads them
        try:
            model = vodsnap.parse(body)
        except vodsnap.DecodeError as exc:
            report = exc.report()
            log.warning("undecodable VOD callback: %s", json.dumps(report["errors"]))
            keep(report)
            return {}, 400
        hand_on(model)
        return {}, 200

    return app


work: queue.SimpleQueue[Any] = queue.SimpleQueue()  # a worker thread or process drains it
app = create_app(hand_on=work.put, keep=lambda report: None)
