"""Store every snapshot of any callback in one table, whichever shape delivered it.

VOD's fast-snapshot callback, snapshot event, task flow (``ProcedureStateChanged``) and image
sprites, Cloud Live's screenshot and flagged screenshot, MPS's workflow and schedule tasks, or a
pull response holding VOD events: ``vodsnap.snapshots`` gives one ``Snapshot`` per image (or
reported failure), and one table keeps them all. Deliveries repeat (Tencent retries, and a task
flow in "Change" mode reports the same images again as later tasks end): the id makes storing the
same snapshot twice a no-op, and only that: any other failure to store a row raises. SQLite here;
any database with an upsert will do.
"""

from __future__ import annotations

import sqlite3

import vodsnap

SCHEMA = """
CREATE TABLE IF NOT EXISTS snapshot (
    id          TEXT PRIMARY KEY,  -- the same snapshot, delivered again, has the same id
    source      TEXT NOT NULL,     -- what it is of: see source_of
    kind        TEXT NOT NULL,     -- fast, time_offset, sample, cover, sprite, live, moderation
    definition  INTEGER,           -- the template id, where the wire names one
    time_offset REAL,              -- milliseconds, where the wire gives one
    url         TEXT,              -- NULL for a failure, and for an MPS image with no known URL
    path        TEXT,              -- an MPS image's path in its storage (shot.storage)
    error_code  TEXT               -- the failure's code as sent
)
"""
INSERT = """
INSERT INTO snapshot (id, source, kind, definition, time_offset, url, path, error_code)
VALUES (?, ?, ?, ?, ?, ?, ?, ?)
ON CONFLICT (id) DO NOTHING
"""
#: The source of a flagged Cloud Live screenshot whose callback names no stream.
UNNAMED_STREAM = "(unnamed live stream)"


def source_of(shot: vodsnap.Snapshot) -> str:
    """What the snapshot is of: the VOD file, the fast-snapshot video, the live stream, or (MPS,
    which processes storage objects, not files; a VOD task naming no file) the task."""
    if shot.file_id is not None:
        return shot.file_id
    match event := shot.source:
        case vodsnap.FastSnapshotCallback():
            return event.vid  # the fast-snapshot service names videos, not files
        case vodsnap.LiveScreenshot() | vodsnap.LiveModeration():
            return shot.stream_id or event.channel_id or UNNAMED_STREAM
        case vodsnap.MpsWorkflowTask() | vodsnap.MpsScheduleTask():
            return event.task_id
        case vodsnap.ProcedureStateChanged() | vodsnap.ImageSpriteComplete():
            return event.data.vod_task_id
    raise TypeError(f"a snapshot of {type(event).__name__}: this recipe names no source for it")


def identity(shot: vodsnap.Snapshot) -> str:
    """The row's id: an image is its URL (or, MPS, its storage path); a failure, where it was
    asked for and why it failed."""
    path = None if shot.storage is None else shot.storage.path
    what = shot.url or path or f"failed:{shot.time_offset}:{shot.error_code}"
    return f"{source_of(shot)}|{shot.kind.value}|{shot.definition}|{what}"


def store(db: sqlite3.Connection, body: bytes) -> int:
    """Decode one body (a callback, an event or a pull response) and store its snapshots.

    Returns how many were stored for the first time. Raises ``vodsnap.DecodeError`` for a body
    that is none of these (log its ``report()`` and keep it).
    """
    rows = [
        (
            identity(shot),
            source_of(shot),
            shot.kind.value,
            shot.definition,
            shot.time_offset,
            shot.url,
            None if shot.storage is None else shot.storage.path,
            None if shot.error_code is None else str(shot.error_code),
        )
        for shot in vodsnap.snapshots(vodsnap.parse_any(body))  # pushed or pulled, by its keys
    ]
    before = db.total_changes
    with db:
        db.executemany(INSERT, rows)
    return db.total_changes - before


def connect(path: str = ":memory:") -> sqlite3.Connection:
    """A connection with the table made."""
    db = sqlite3.connect(path)
    db.execute(SCHEMA)
    return db
