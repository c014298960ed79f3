"""Tencent SCF (serverless cloud function) behind an API Gateway trigger.

Set the function's entry point to ``scf_handler.main_handler``. SCF pays import time on every
cold start: vodsnap's is about 100 ms with the first decode (see benchmarks/).
"""

from __future__ import annotations

import base64
import json
import logging
from collections.abc import Callable
from typing import Any

import vodsnap

log = logging.getLogger("vod.callbacks")
#: Where the callbacks go: replace these (a message queue, a dead-letter bucket).
hand_on: Callable[[Any], None] = lambda model: log.info("%r", model)  # noqa: E731
keep: Callable[[dict[str, Any]], None] = lambda report: None  # noqa: E731


def main_handler(event: dict[str, Any], context: object) -> dict[str, Any]:
    """The API Gateway event in, the integration response out."""
    raw = event.get("body") or ""
    body = base64.b64decode(raw) if event.get("isBase64Encoded") else raw.encode("utf-8")
    try:
        model = vodsnap.parse(body)
    except vodsnap.DecodeError as exc:
        report = exc.report()
        log.warning("undecodable VOD callback: %s", json.dumps(report["errors"]))
        keep(report)
        return _reply(400)
    hand_on(model)
    return _reply(200)


def _reply(status: int) -> dict[str, Any]:
    return {
        "isBase64Encoded": False,
        "statusCode": status,
        "headers": {"Content-Type": "application/json"},
        "body": "{}",
    }
