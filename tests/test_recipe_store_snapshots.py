"""examples/recipes/store_snapshots.py: every snapshot of any callback in one table."""

from __future__ import annotations

import importlib.util
import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from hypothesis import given

import vodsnap
from strategies import is_pull_response, snapshot_family_bodies
from vodsnap import testing

ROOT = Path(__file__).resolve().parent.parent


def recipe() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "recipe_store_snapshots", ROOT / "examples" / "recipes" / "store_snapshots.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


STORE = recipe()


_OPEN: list[sqlite3.Connection] = []


def connected() -> sqlite3.Connection:
    """The recipe's connection, closed when the tests end (Python 3.13 warns of an unclosed
    one, which filterwarnings = error makes a failure)."""
    db: sqlite3.Connection = STORE.connect()
    _OPEN.append(db)
    return db


@pytest.fixture(autouse=True)
def _close_connections() -> Iterator[None]:
    yield
    while _OPEN:
        _OPEN.pop().close()


def rows(db: sqlite3.Connection) -> list[tuple[Any, ...]]:
    return db.execute("SELECT kind, url, error_code FROM snapshot ORDER BY rowid").fetchall()


def test_every_published_shape_lands_in_one_table(
    vodsnap_examples: dict[str, bytes], vodsnap_published_examples: dict[str, bytes]
) -> None:
    db = connected()
    bodies = {**vodsnap_examples, **vodsnap_published_examples}
    stored = {name: STORE.store(db, body) for name, body in bodies.items()}
    assert stored["fast-snapshot-success"] == 5
    assert stored["procedure-v4-archived"] == 13
    assert stored["image-sprite-v4-failure"] == 1
    # pushed and pulled, the same two sheets: stored once
    assert stored["image-sprite-api3-pullevents"] + stored["image-sprite-api3-push"] == 2
    kinds = {kind for kind, _, _ in rows(db)}
    assert kinds == {"fast", "time_offset", "sample", "cover", "sprite"}
    failures = [(kind, code) for kind, url, code in rows(db) if url is None]
    assert ("fast", "118") in failures
    assert ("sprite", "-43001") in failures


@given(snapshot_family_bodies())
def test_a_body_stores_its_snapshots_once(body: dict[str, Any]) -> None:
    db = connected()
    raw = testing.encode(body)
    model = vodsnap.parse_pull(body) if is_pull_response(body) else vodsnap.parse(body)
    urls = sorted(s.url or "" for s in vodsnap.snapshots(model))
    first = STORE.store(db, raw)
    assert STORE.store(db, raw) == 0  # a resend changes nothing
    stored = sorted(url or "" for _, url, _ in rows(db))
    assert first == len(stored)
    assert set(stored) == set(urls)


def test_a_bad_body_is_a_decode_error() -> None:
    with pytest.raises(vodsnap.DecodeError):
        STORE.store(connected(), b'{"eventType": "ProcedureStateChanged"}')


def test_an_event_whose_data_names_a_pull_key_is_still_an_event(
    vodsnap_examples: dict[str, bytes],
) -> None:
    """Only the decoded top-level keys make a pull response, never text inside an event."""
    event = json.loads(vodsnap_examples["snapshot-event-success"])
    event["data"]["note"] = {"eventList": [], "EventSet": None}
    body = json.dumps(event).encode()
    db = connected()
    assert STORE.store(db, body) == len(event["data"]["picInfo"]) > 0
