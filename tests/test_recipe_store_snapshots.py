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
from hypothesis import strategies as st

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
    assert kinds == {kind.value for kind in vodsnap.SnapshotKind}  # Cloud Live's two included
    assert stored["mps-workflowtask-scf-trigger"] == 2
    failures = [(kind, code) for kind, url, code in rows(db) if url is None]
    assert ("fast", "118") in failures
    assert ("sprite", "-43001") in failures


def test_every_snapshot_of_every_bundled_body_is_stored(
    vodsnap_examples: dict[str, bytes], vodsnap_published_examples: dict[str, bytes]
) -> None:
    """VOD, Cloud Live and MPS alike: each snapshot ``snapshots()`` gives is a row, under a
    source that names what it is of; a second delivery stores nothing."""
    bodies = {**vodsnap_examples, **vodsnap_published_examples}
    dbs = {name: connected() for name in bodies}
    stored = {name: [STORE.store(dbs[name], body) for _ in "12"] for name, body in bodies.items()}
    shots = {name: vodsnap.snapshots(vodsnap.parse_any(body)) for name, body in bodies.items()}
    assert stored == {name: [len(shots[name]), 0] for name in bodies}
    for name, db in dbs.items():
        sources = [row[0] for row in db.execute("SELECT source FROM snapshot ORDER BY rowid")]
        assert sources == [STORE.source_of(shot) for shot in shots[name]]
        assert all(sources), name


def test_a_snapshot_is_stored_under_what_it_is_of(
    vodsnap_examples: dict[str, bytes], vodsnap_published_examples: dict[str, bytes]
) -> None:
    bodies = {**vodsnap_examples, **vodsnap_published_examples}
    expected = {  # the video (the fast-snapshot callback's vid), the file, the stream, the task
        "fast-snapshot-success": "064ffb39073403d22fb16df22a0d0b7e1534820888",
        "snapshot-event-success": "14508071098244929440",
        "css-live-screenshot-200-current": "your_streamid",
        "css-live-porn-detect-317": "teststream",
        "mps-workflowtask-scf-trigger": "245****654-WorkflowTask-f46dac7fe2436c47******d71946986t0",
    }
    for name, source in expected.items():
        db = connected()
        STORE.store(db, bodies[name])
        assert {row[0] for row in db.execute("SELECT source FROM snapshot")} == {source}, name


def test_a_flagged_screenshot_naming_no_stream_is_stored_all_the_same(
    vodsnap_published_examples: dict[str, bytes],
) -> None:
    body = json.loads(vodsnap_published_examples["css-live-porn-detect-317"])
    del body["streamId"], body["channelId"]
    db = connected()
    assert STORE.store(db, json.dumps(body).encode()) == 1
    assert db.execute("SELECT source, kind FROM snapshot").fetchall() == [
        (STORE.UNNAMED_STREAM, "moderation")
    ]


def test_only_a_duplicate_is_skipped() -> None:
    """Any other failure to store a row raises: nothing is dropped without a word."""
    db = sqlite3.connect(":memory:")
    _OPEN.append(db)
    stricter = STORE.SCHEMA.rstrip().removesuffix(")") + ", CHECK (kind <> 'fast'))"
    db.execute(stricter)  # the table, refusing fast snapshots
    with pytest.raises(sqlite3.IntegrityError, match="CHECK"):
        STORE.store(db, testing.fast_snapshot_body())


BODIES = st.one_of(snapshot_family_bodies(), testing.live_event_bodies(), testing.mps_bodies())


@given(BODIES)
def test_a_body_stores_its_snapshots_once(body: dict[str, Any]) -> None:
    db = connected()
    raw = testing.encode(body)
    model = vodsnap.parse_pull(body) if is_pull_response(body) else vodsnap.parse(body)
    shots = vodsnap.snapshots(model)
    first = STORE.store(db, raw)
    assert STORE.store(db, raw) == 0  # a resend changes nothing
    stored = db.execute("SELECT id, source, kind, url FROM snapshot ORDER BY rowid").fetchall()
    assert first == len(stored) == len({STORE.identity(shot) for shot in shots})
    assert {(kind, url) for _, _, kind, url in stored} == {(s.kind.value, s.url) for s in shots}
    assert all(source for _, source, _, _ in stored)


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
