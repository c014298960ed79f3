"""The command line's input: a file or standard input, streamed as ``(line number, body)`` pairs.

A file is either one JSON body (pretty-printed or not) or JSON Lines (one body per line). Lines are
read one at a time, so a log of any size is decoded in flat memory; only a single-body file, and a
few lines of look-ahead while guessing, are ever held whole. ``each_body`` is the loop every
command that reads bodies runs: open, stream, hand each body on, report what cannot be read.
"""

from __future__ import annotations

import argparse
import json
import os
import stat
import sys
from collections.abc import Callable, Iterable, Iterator
from itertools import chain
from typing import BinaryIO, Literal

from ._cli_output import Printer
from ._limits import DEFAULT_LIMITS

__all__ = ["STDIN", "Format", "add_input_arguments", "bodies", "each_body", "looks_pulled"]

#: The file name that reads standard input.
STDIN = "-"
#: The top-level keys of a pull response of either generation (the SDK's too).
_PULL_KEYS = frozenset({"eventList", "Response", "EventSet"})

#: ``auto`` guesses; ``json`` is one body per file; ``jsonl`` one body per non-blank line.
Format = Literal["auto", "json", "jsonl"]

#: How much a guess may read ahead before it settles for JSON Lines (more than a body may be).
LOOK_AHEAD_BYTES = DEFAULT_LIMITS.max_body_bytes + 1


def bodies(stream: BinaryIO, fmt: Format) -> Iterator[tuple[int, bytes]]:
    """``(line number, body)`` for every body of ``stream``, read as ``fmt`` says.

    JSON Lines skip blank lines; a body's line number is the line it is on. A single body's
    number is that of its first non-blank line.
    """
    lines = _numbered(stream)
    if fmt == "jsonl":
        yield from lines
        return
    if fmt == "json":
        yield from _whole(lines)
        return
    ahead, json_lines = _guess(lines)
    if json_lines:
        yield from chain(ahead, lines)
    else:
        yield from _whole(chain(ahead, lines))


def add_input_arguments(parser: argparse.ArgumentParser) -> None:
    """The arguments of every command that reads bodies: ``FILE...`` and ``--format``."""
    parser.add_argument("files", nargs="+", metavar="FILE", help="a file of bodies, or '-'")
    parser.add_argument(
        "--format",
        choices=["auto", "json", "jsonl"],
        default="auto",
        help=(
            "json: each FILE is one body; jsonl: one body per non-blank line; auto (default): "
            "JSON Lines when the first line, or a later unindented line, is a body by itself"
        ),
    )


def each_body(
    name: str, fmt: Format, handle: Callable[[str, bytes], bool], printer: Printer
) -> bool:
    """Every body of the file ``name`` (``-``: standard input), streamed to ``handle(where,
    body)`` (``where`` is ``FILE:LINE``); whether the file was read and ``handle`` said yes to
    every body. A file that cannot be read is reported on ``printer``."""
    try:
        stream = sys.stdin.buffer if name == STDIN else open(name, "rb")  # noqa: SIM115
    except OSError as exc:
        printer.unreadable(name, exc.strerror or str(exc))
        return False
    label = "<stdin>" if name == STDIN else name
    total = _size(stream)
    ok = True
    try:
        for line, body in bodies(stream, fmt):
            ok = handle(f"{label}:{line}", body) and ok
            if printer.progress is not None:
                printer.progress.advance(len(body) + 1, total)
    except OSError as exc:  # e.g. a directory, or a read error halfway
        printer.unreadable(name, exc.strerror or str(exc))
        return False
    finally:
        if stream is not sys.stdin.buffer:
            stream.close()
    return ok


def _size(stream: BinaryIO) -> int | None:
    """The size of a regular file, for progress; ``None`` for a pipe or a terminal."""
    try:
        info = os.fstat(stream.fileno())
    except (OSError, ValueError):
        return None
    return info.st_size if stat.S_ISREG(info.st_mode) else None


def looks_pulled(body: bytes) -> bool:
    """Whether ``body`` is a pull response, by its top-level keys (never past the body-size
    limit, where the decoders refuse it anyway)."""
    if len(body) > DEFAULT_LIMITS.max_body_bytes:
        return False
    try:
        value = json.loads(body)
    except (ValueError, RecursionError):
        return False
    return isinstance(value, dict) and not _PULL_KEYS.isdisjoint(value)


def _numbered(stream: BinaryIO) -> Iterator[tuple[int, bytes]]:
    """The non-blank lines, numbered from 1, without their line ends."""
    for number, line in enumerate(stream, 1):
        body = line[:-1] if line.endswith(b"\n") else line
        if body.strip():
            yield number, body


def _whole(lines: Iterable[tuple[int, bytes]]) -> Iterator[tuple[int, bytes]]:
    """The lines joined back into one body (an empty input is one empty body, which fails)."""
    first: int | None = None
    parts: list[bytes] = []
    for number, line in lines:
        first = number if first is None else first
        parts.append(line)
    yield (first or 1), b"\n".join(parts)


def _guess(lines: Iterator[tuple[int, bytes]]) -> tuple[list[tuple[int, bytes]], bool]:
    """Read ahead just far enough to tell JSON Lines from one body: ``(lines read, is_jsonl)``.

    JSON Lines when the first non-blank line is a JSON value by itself or looks like a one-line
    object (a broken log line), or when a later line does, unindented, before the input ends
    within the look-ahead: a broken FIRST line must not turn a log into one body. One body when
    the input ends first, as a pretty-printed body's lines (``{``, indented members, ``}``) do.
    """
    ahead: list[tuple[int, bytes]] = []
    size = 0
    for number, line in lines:
        ahead.append((number, line))
        size += len(line) + 1
        if _looks_like_a_line_body(line) or (len(ahead) == 1 and _is_json(line)):
            return ahead, True
        if size > LOOK_AHEAD_BYTES:
            return ahead, True
    return ahead, False


def _looks_like_a_line_body(line: bytes) -> bool:
    """An unindented ``{...}``: a JSON Lines body, whole or broken inside."""
    text = line.rstrip()
    return text[:1] == b"{" and text[-1:] == b"}"


def _is_json(text: bytes) -> bool:
    try:
        json.loads(text)
    except (ValueError, RecursionError):
        return False
    return True
