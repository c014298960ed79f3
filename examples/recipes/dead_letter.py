"""Keep every body that does not decode, once however often it arrives: a dead-letter table.

A ``DecodeError``'s ``report()`` holds every problem and the body exactly as received. The same
body can reach ``keep`` more than once: VOD ignores the reply's status and body and resends only
when it has no reply within 5 s (twice, so three deliveries at most), while Cloud Live resends a
callback answered with anything but HTTP 200 (or not within about 20 s), every 2 minutes up to 5
times, so a Cloud Live body the recipes refuse with ``400`` reaches ``keep`` up to six times. Keyed
by a hash of the body, the same bytes are kept once. SQLite here; any database with an upsert will
do. In a recipe: ``keep=lambda report: dead_letter.keep(db, report)``.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from typing import Any

SCHEMA = """
CREATE TABLE IF NOT EXISTS dead_letter (
    body_sha256 TEXT PRIMARY KEY,  -- the same body, delivered again, has the same key
    report      TEXT NOT NULL,     -- DecodeError.report() as JSON: the problems and the body
    kept_at     TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP  -- its first delivery, in UTC
)
"""


def body_key(report: dict[str, Any]) -> str:
    """A hash of the body the report holds (the report writes the same body the same way)."""
    return hashlib.sha256(json.dumps(report["body"], sort_keys=True).encode()).hexdigest()


def keep(db: sqlite3.Connection, report: dict[str, Any]) -> bool:
    """Store the report unless its body is already kept. Returns whether it was new."""
    before = db.total_changes
    with db:
        db.execute(
            "INSERT INTO dead_letter (body_sha256, report) VALUES (?, ?)"
            " ON CONFLICT (body_sha256) DO NOTHING",
            (body_key(report), json.dumps(report)),
        )
    return db.total_changes > before


def connect(path: str = ":memory:") -> sqlite3.Connection:
    """A connection with the table made. (Open one per thread: the FastAPI recipe calls
    ``keep`` from a worker thread, and a sqlite3 connection stays in the thread it was made in
    unless made with ``check_same_thread=False``.)"""
    db = sqlite3.connect(path)
    db.execute(SCHEMA)
    return db
