"""Store every snapshot of any callback in one table, whichever of five shapes delivered it.

A fast-snapshot callback, a snapshot event, a task flow (``ProcedureStateChanged``), image
sprites, or a pull response holding any of them: ``vodsnap.snapshots`` gives one ``Snapshot`` per
image (or reported failure), and one table keeps them all. Deliveries repeat (Tencent retries,
and a task flow in "Change" mode reports the same images again as later tasks end): the id
makes storing the same snapshot twice a no-op. SQLite here; any database with an upsert will do.
"""

from __future__ import annotations

import sqlite3

import vodsnap

SCHEMA = """
CREATE TABLE IF NOT EXISTS snapshot (
    id          TEXT PRIMARY KEY,  -- the same snapshot, delivered again, has the same id
    source      TEXT NOT NULL,     -- the VOD file id, or the fast-snapshot video id
    kind        TEXT NOT NULL,     -- fast, time_offset, sample, cover, sprite
    definition  INTEGER,           -- the template id, where the wire names one
    time_offset REAL,              -- milliseconds, where the wire gives one
    url         TEXT,              -- NULL for a failure
    error_code  TEXT               -- the failure's code as sent
)
"""


def store(db: sqlite3.Connection, body: bytes) -> int:
    """Decode one body (a callback, an event or a pull response) and store its snapshots.

    Returns how many were stored for the first time. Raises ``vodsnap.DecodeError`` for a body
    that is none of these (log its ``report()`` and keep it).
    """
    rows = []
    for shot in vodsnap.snapshots(vodsnap.parse_any(body)):  # pushed or pulled, by its keys
        source = shot.file_id
        if source is None and isinstance(shot.source, vodsnap.FastSnapshotCallback):
            source = shot.source.vid  # the fast-snapshot service names videos, not files
        code = None if shot.error_code is None else str(shot.error_code)
        # An image is its URL; a failure, where it was asked for and why it failed.
        what = shot.url or f"failed:{shot.time_offset}:{code}"
        ident = f"{source}|{shot.kind.value}|{shot.definition}|{what}"
        rows.append((ident, source, shot.kind.value, shot.definition, shot.time_offset))
        rows[-1] += (shot.url, code)
    before = db.total_changes
    with db:
        db.executemany("INSERT OR IGNORE INTO snapshot VALUES (?, ?, ?, ?, ?, ?, ?)", rows)
    return db.total_changes - before


def connect(path: str = ":memory:") -> sqlite3.Connection:
    """A connection with the table made."""
    db = sqlite3.connect(path)
    db.execute(SCHEMA)
    return db
