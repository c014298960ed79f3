"""``vodsnap snapshots FILE... [--json]``: one line per snapshot, from a callback log to images.

Each FILE holds one JSON body or JSON Lines (one body per line): any callback, event or pull
response. Uses only the public API (``vodsnap.parse``, ``vodsnap.parse_pull``,
``vodsnap.snapshots``).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from typing import Any, TextIO

import vodsnap

__all__ = ["main_snapshots"]

_PULL_KEYS = frozenset({"eventList", "Response", "EventSet"})


def main_snapshots(argv: list[str]) -> int:
    """Run ``vodsnap snapshots`` with ``argv`` (the arguments after ``snapshots``); the exit
    status: 0 every body decoded, 1 any did not (or a file could not be read), 2 on usage
    errors."""
    out, err = sys.stdout, sys.stderr
    parser = argparse.ArgumentParser(
        prog="vodsnap snapshots",
        description=(
            "List every snapshot of callback bodies (fast snapshots, snapshot events, task "
            "flows, image sprites, pull responses): one line per image or failure, with its "
            "kind, file id, offset and URL or error. Each FILE holds one JSON body or JSON Lines."
        ),
        epilog="Exit status: 0 when every body decoded, 1 when any failed, 2 on usage errors.",
    )
    parser.add_argument("files", nargs="+", metavar="FILE", help="a file of bodies")
    parser.add_argument("--json", action="store_true", help="one JSON record per snapshot")
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return int(exc.code or 0)
    failed = 0
    for name in args.files:
        try:
            with open(name, "rb") as file:
                data = file.read()
        except OSError as exc:
            print(f"{name}: cannot read: {exc.strerror or exc}", file=err)
            failed += 1
            continue
        for line, body in _bodies(data):
            failed += not _list(f"{name}:{line}", body, args.json, out, err)
    return 1 if failed else 0


def _bodies(data: bytes) -> Iterator[tuple[int, bytes]]:
    """``(line, body)``: the whole file as one body, or one per line when each non-blank line is
    a JSON value by itself (JSON Lines)."""
    lines = [(number, text) for number, text in enumerate(data.split(b"\n"), 1) if text.strip()]
    if len(lines) > 1:
        try:
            for _, text in lines:
                json.loads(text)
        except (ValueError, RecursionError):
            pass  # one pretty-printed body (or a bad one: reported as a whole)
        else:
            yield from lines
            return
    yield (lines[0][0] if lines else 1), data


def _list(where: str, body: bytes, as_json: bool, out: TextIO, err: TextIO) -> bool:
    """Print the snapshots of one body; report it on ``err`` when it does not decode."""
    try:
        value = json.loads(body)
        pull = isinstance(value, dict) and not _PULL_KEYS.isdisjoint(value)
        model = vodsnap.parse_pull(value) if pull else vodsnap.parse(value)
    except vodsnap.DecodeError as exc:
        problems = "; ".join(str(error) for error in exc.errors)
        print(f"{where}: cannot decode: {problems}", file=err)
        return False
    except (ValueError, RecursionError) as exc:
        print(f"{where}: not JSON: {exc}", file=err)
        return False
    for shot in vodsnap.snapshots(model):
        text = json.dumps(_record(where, shot), ensure_ascii=False) if as_json else None
        print(text or _line(where, shot), file=out)
    return True


def _record(where: str, shot: vodsnap.Snapshot) -> dict[str, Any]:
    return {
        "source": where,
        "kind": shot.kind.value,
        "file_id": shot.file_id,
        "definition": shot.definition,
        "time_offset": shot.time_offset,
        "url": shot.url,
        "error_code": shot.error_code,
        "error": shot.error.description_en if shot.error is not None else None,
    }


def _line(where: str, shot: vodsnap.Snapshot) -> str:
    offset = "-" if shot.time_offset is None else f"{shot.time_offset}ms"
    head = f"{where}: {shot.kind.value} file={shot.file_id or '-'} offset={offset}"
    if shot.url is not None:
        return f"{head} {shot.url}"
    meaning = f" ({shot.error.description_en})" if shot.error is not None else ""
    return f"{head} error={shot.error_code}{meaning}"
