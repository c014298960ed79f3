"""The reliable-notification queue: pull events, hand them on, confirm every handle.

The network calls are injected: ``pull()`` makes a PullEvents (or old PullEvent) request and
returns the response body; ``confirm(handles)`` makes a ConfirmEvents request. With Tencent's
SDK, for instance::

    pull = lambda: client.call_json("PullEvents", {})  # the response, as JSON text or a dict
    confirm = lambda handles: client.call_json("ConfirmEvents", {"EventHandles": handles})

A handle not confirmed within 30 s is delivered again, so every event is confirmed, decoded or
not: one that cannot be decoded is kept (its report holds it exactly as received), never lost.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable
from typing import Any

import vodsnap

log = logging.getLogger("vod.pull")


def poll_once(
    pull: Callable[[], Any],
    confirm: Callable[[list[str]], None],
    hand_on: Callable[[Any], None],
    keep: Callable[[dict[str, Any]], None],
) -> int:
    """One pull: every event handed on or kept, every handle confirmed. Returns how many."""
    try:
        response = vodsnap.parse_pull(pull())
    except vodsnap.DecodeError as exc:
        log.warning("undecodable pull response: %s", json.dumps(exc.report()["errors"]))
        keep(exc.report())
        return 0
    if response.queue_empty:  # PullEvents answers an idle pull with the error ResourceNotFound
        return 0
    if not response.ok:
        log.warning("pull failed: %r", response)
        return 0
    handles = []
    for pulled in response.events:
        if pulled.event is not None:
            hand_on(pulled.event)
        elif pulled.error is not None:
            log.warning("undecodable event %s: %s", pulled.msg_handle, pulled.error)
            keep(pulled.error.report())
        if pulled.msg_handle is not None:
            handles.append(pulled.msg_handle)
    if handles:
        confirm(handles)
    return len(response.events)


def run(
    pull: Callable[[], Any],
    confirm: Callable[[list[str]], None],
    hand_on: Callable[[Any], None],
    keep: Callable[[dict[str, Any]], None],
    *,
    keep_going: Callable[[], bool] = lambda: True,
    idle: float = 1.0,
    sleep: Callable[[float], None] = time.sleep,
) -> None:
    """Poll while ``keep_going()``; PullEvents long-polls, so an empty pull waits ``idle`` s."""
    while keep_going():
        if poll_once(pull, confirm, hand_on, keep) == 0:
            sleep(idle)
