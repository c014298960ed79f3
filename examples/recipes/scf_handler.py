"""Tencent SCF (serverless cloud function) behind an API Gateway trigger.

Set the function's entry point to ``scf_handler.main_handler``. SCF pays import time on every
cold start: vodsnap's is about 100 ms with the first decode (see benchmarks/). A body over the
size limit is refused (413) by its length, before it is decoded from base64 or encoded. A body
that does not decode gets ``400``: VOD ignores the status (it resends only a callback it has no
reply to within 5 s), but Cloud Live resends a callback answered with anything but HTTP 200, up
to 5 times, so it reaches ``keep`` up to six times (dead_letter.py keeps it once).
"""

from __future__ import annotations

import base64
import json
import logging
from collections.abc import Callable
from typing import Any

import vodsnap

log = logging.getLogger("vod.callbacks")
LIMIT = vodsnap.Limits().max_body_bytes  # the size vodsnap.parse accepts by default


def log_report(report: dict[str, Any]) -> None:
    """A placeholder ``keep``: the report logged whole, its body included (dead_letter.py keeps
    each body once in a table instead)."""
    log.warning("undecodable VOD callback kept in the log: %s", json.dumps(report))


#: Placeholders, to replace: a message queue (this one logs the model), a dead-letter store.
hand_on: Callable[[Any], None] = lambda model: log.info("%r", model)  # noqa: E731
keep: Callable[[dict[str, Any]], None] = log_report


def main_handler(event: dict[str, Any], context: object) -> dict[str, Any]:
    """The API Gateway event in, the integration response out."""
    body = read_body(event)
    if body is None:
        log.warning("VOD callback over %d bytes refused", LIMIT)
        return _reply(413)
    try:
        model = vodsnap.parse(body)
    except vodsnap.DecodeError as exc:
        report = exc.report()
        log.warning("undecodable VOD callback: %s", json.dumps(report["errors"]))
        keep(report)
        return _reply(400)
    hand_on(model)
    return _reply(200)


def read_body(event: dict[str, Any]) -> bytes | None:
    """The body, or None when it is over LIMIT: its length first, then its bytes."""
    raw = event.get("body") or ""
    encoded = bool(event.get("isBase64Encoded"))
    # base64 takes 4 characters for every 3 bytes; UTF-8 at least a byte for every character
    if len(raw) > ((LIMIT + 2) // 3 * 4 if encoded else LIMIT):
        return None
    body = base64.b64decode(raw) if encoded else raw.encode("utf-8")
    return None if len(body) > LIMIT else body


def _reply(status: int) -> dict[str, Any]:
    return {
        "isBase64Encoded": False,
        "statusCode": status,
        "headers": {"Content-Type": "application/json"},
        "body": "{}",
    }
