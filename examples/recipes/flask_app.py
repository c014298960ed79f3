"""Flask: receive Tencent Cloud snapshot callbacks.

    pip install 'vodsnap[recipes]' && flask --app flask_app run

The handler answers at once and hands the model on to a queue that a worker drains: VOD resends a
callback it has no reply to within 5 s, and Cloud Live one it has no HTTP 200 to within about
20 s. A body that does not decode gets ``400``: VOD ignores the status, but Cloud Live resends it,
up to 5 times, so it reaches ``keep`` up to six times (dead_letter.py keeps it once). A body over
the size limit is refused (413) before it is read whole.
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
LIMIT = vodsnap.Limits().max_body_bytes  # the size vodsnap.parse accepts by default


def log_report(report: dict[str, Any]) -> None:
    """A placeholder ``keep``: the report logged whole, its body included (dead_letter.py keeps
    each body once in a table instead)."""
    log.warning("undecodable VOD callback kept in the log: %s", json.dumps(report))


def read_body() -> bytes | None:
    """The body, or None when it is over LIMIT: Content-Length first, then a bounded read.

    (Not MAX_CONTENT_LENGTH: Werkzeug cuts a chunked body at that length, silently.)
    """
    if (request.content_length or 0) > LIMIT:
        return None
    body = bytearray()
    while chunk := request.stream.read(LIMIT + 1 - len(body)):  # a read may return less
        body += chunk
        if len(body) > LIMIT:
            return None
    return bytes(body)


def create_app(hand_on: Callable[[Any], None], keep: Callable[[dict[str, Any]], None]) -> Flask:
    """``hand_on(model)`` gets each decoded callback; ``keep(report)`` each undecodable one."""
    app = Flask(__name__)

    @app.post("/vod/callback")
    def vod_callback() -> tuple[dict[str, Any], int]:
        body = read_body()  # the raw bytes, not request.json: vodsnap reads them
        if body is None:
            log.warning("VOD callback over %d bytes refused", LIMIT)
            return {}, 413
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
# Placeholders to replace with yours: a worker draining `work` (or your task queue), a dead-letter
# store (log_report only logs the report).
app = create_app(hand_on=work.put, keep=log_report)
