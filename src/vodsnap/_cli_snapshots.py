"""``vodsnap snapshots [--json] [--format F] FILE...``: one line per snapshot, from a log to images.

Each FILE (``-``: standard input) holds one JSON body or JSON Lines, streamed and limited as the
main command reads them: any callback, event or pull response (told apart by its top-level keys).
A body that does not decode is reported as the main command reports it, and the others still
list their snapshots. Uses only the public API (``vodsnap.parse_any``, ``vodsnap.snapshots``).
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any, TextIO

import attrs

import vodsnap

from ._cli_input import EXIT_STATUSES, add_input_arguments, each_body, limits_given
from ._cli_output import Printer, pulled

__all__ = ["main_snapshots"]


def main_snapshots(argv: list[str]) -> int:
    """Run ``vodsnap snapshots`` with ``argv`` (the arguments after ``snapshots``); the exit
    status: 0 every body decoded, 1 any did not (or a file could not be read), 2 on usage
    errors."""
    parser = argparse.ArgumentParser(
        prog="vodsnap snapshots",
        description=(
            "List every snapshot of callback bodies (fast snapshots, snapshot events, task "
            "flows, image sprites, pull responses, Cloud Live screenshots, MPS tasks): one line "
            "per image "
            "or failure, with its kind, file id (or live stream), offset and URL or error. "
            "Each FILE holds one JSON body or JSON Lines, read as a stream; '-' reads standard "
            "input. Every problem of a body that fails goes to standard error; the other bodies "
            "are listed all the same."
        ),
        epilog=EXIT_STATUSES,
    )
    add_input_arguments(parser)
    parser.add_argument("--json", action="store_true", help="one JSON record per snapshot")
    try:
        args = parser.parse_args(argv)
        limits = limits_given(parser, args)
    except SystemExit as exc:
        return int(exc.code or 0)
    printer = Printer("text", sys.stdout, sys.stderr, None)

    def listed(where: str, body: bytes) -> bool:
        return _list(where, body, args.json, printer, sys.stdout, limits)

    failed = sum(not each_body(name, args.format, listed, printer, limits) for name in args.files)
    return 1 if failed else 0


def _list(
    where: str, body: bytes, as_json: bool, printer: Printer, out: TextIO, limits: vodsnap.Limits
) -> bool:
    """Print the snapshots of one body; report what did not decode (a pulled event's too)."""
    try:
        model = vodsnap.parse_any(body, limits=limits)
    except vodsnap.DecodeError as exc:
        printer.failed(where, exc)
        return False
    ok = True
    response = pulled(model)
    for number, entry in enumerate(response.events if response is not None else (), 1):
        if entry.error is not None:
            printer.failed(f"{where}: event {number}", entry.error)
            ok = False
    for shot in vodsnap.snapshots(model):
        text = json.dumps(_record(where, shot), ensure_ascii=False) if as_json else None
        print(text or _line(where, shot), file=out)
    return ok


def _record(where: str, shot: vodsnap.Snapshot) -> dict[str, Any]:
    return {
        "source": where,
        "kind": shot.kind.value,
        "file_id": shot.file_id,
        "stream_id": shot.stream_id,
        "definition": shot.definition,
        "time_offset": shot.time_offset,
        "url": shot.url,
        "storage": None if shot.storage is None else attrs.asdict(shot.storage),
        "error_code": shot.error_code,
        "error": shot.error.description_en if shot.error is not None else None,
    }


def _line(where: str, shot: vodsnap.Snapshot) -> str:
    offset = "-" if shot.time_offset is None else f"{shot.time_offset}ms"
    of = f"file={shot.file_id or '-'}" if shot.stream_id is None else f"stream={shot.stream_id}"
    head = f"{where}: {shot.kind.value} {of} offset={offset}"
    if shot.url is not None:
        return f"{head} {shot.url}"
    if shot.storage is not None:  # an MPS image whose URL the body cannot tell
        at = shot.storage
        return f"{head} storage={at.type or '-'}:{at.bucket or '-'}:{at.region or '-'}:{at.path}"
    meaning = f" ({shot.error.description_en})" if shot.error is not None else ""
    return f"{head} error={shot.error_code}{meaning}"
