"""The command line's input: a file or standard input, streamed as ``(line number, body)`` pairs.

A file is either one JSON body (pretty-printed or not) or JSON Lines (one body per line). Lines are
read one at a time, so a log of any size is decoded in flat memory; only a single-body file, and a
few lines of look-ahead while guessing, are ever held whole. ``each_body`` is the loop every
command that reads bodies runs: open, stream, hand each body on, report what cannot be read and
a file that holds no body. The arguments of those commands (files, format, limits) and the exit
statuses their help states are here too.
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

import attrs

import vodsnap

from ._cli_output import Printer

__all__ = [
    "CUT_SHORT",
    "EXIT_STATUSES",
    "INTERRUPTED",
    "OUTPUT_CLOSED",
    "STDIN",
    "Format",
    "add_input_arguments",
    "bodies",
    "each_body",
    "limits_given",
]

#: The file name that reads standard input.
STDIN = "-"

#: ``auto`` guesses; ``json`` is one body per file; ``jsonl`` one body per non-blank line.
Format = Literal["auto", "json", "jsonl"]

#: The exit status after Ctrl-C: 128 + SIGINT, as a shell reports a command the signal ended.
INTERRUPTED = 130
#: The exit status when the reader of standard output went away: 128 + SIGPIPE, likewise.
OUTPUT_CLOSED = 141
#: The exit statuses of a run cut short, which every command shares.
CUT_SHORT = (
    f"{INTERRUPTED} when interrupted, {OUTPUT_CLOSED} when the reader of standard output went away"
)
#: The exit statuses of a command that reads bodies, for its help.
EXIT_STATUSES = (
    f"Exit status: 0 when every body decoded, 1 when any failed, 2 on usage errors, {CUT_SHORT}."
)

#: Where the limit options' values go in the parsed arguments: ``limit_`` and the field's name.
_LIMIT = "limit_"


def bodies(stream: BinaryIO, fmt: Format, limits: vodsnap.Limits) -> Iterator[tuple[int, bytes]]:
    """``(line number, body)`` for every body of ``stream``, read as ``fmt`` says; none for an
    input with no non-blank line.

    JSON Lines skip blank lines; a body's line number is the line it is on. A single body's
    number is that of its first non-blank line. A guess reads ahead a little more than the
    largest body ``limits`` let through before it settles for JSON Lines.
    """
    lines = _numbered(stream)
    if fmt == "jsonl":
        yield from lines
        return
    if fmt == "json":
        yield from _whole(lines)
        return
    ahead, json_lines = _guess(lines, limits.max_body_bytes + 1)
    if json_lines:
        yield from chain(ahead, lines)
    else:
        yield from _whole(chain(ahead, lines))


def add_input_arguments(parser: argparse.ArgumentParser) -> None:
    """The arguments of every command that reads bodies: ``FILE...``, ``--format``, and one
    option per ``vodsnap.Limits`` field, named after it (``--max-body-bytes N``, ...)."""
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
    limits = parser.add_argument_group("limits", "the most a body may hold (vodsnap.Limits)")
    for field in attrs.fields(vodsnap.Limits):
        limits.add_argument(
            f"--{field.name.replace('_', '-')}",
            type=int,
            metavar="N",
            dest=_LIMIT + field.name,
            help=f"Limits.{field.name} (default {field.default:,})",
        )


def limits_given(parser: argparse.ArgumentParser, args: argparse.Namespace) -> vodsnap.Limits:
    """The ``Limits`` the options ask for (the defaults where none is given); a value ``Limits``
    refuses is a usage error."""
    given = {
        field.name: getattr(args, _LIMIT + field.name)
        for field in attrs.fields(vodsnap.Limits)
        if getattr(args, _LIMIT + field.name) is not None
    }
    try:
        return vodsnap.Limits(**given)
    except ValueError as exc:
        parser.error(str(exc))


def each_body(
    name: str,
    fmt: Format,
    handle: Callable[[str, bytes], bool],
    printer: Printer,
    limits: vodsnap.Limits,
) -> bool:
    """Every body of the file ``name`` (``-``: standard input), streamed to ``handle(where,
    body)`` (``where`` is ``FILE:LINE``); whether the file was read and ``handle`` said yes to
    every body. A file that cannot be read is reported on ``printer``, and so is one with no
    body where one is expected (``json`` or ``auto``; an empty JSON Lines log holds none). A
    closed standard output (``BrokenPipeError``) is no fault of the file: it goes up to the
    caller."""
    try:
        stream = sys.stdin.buffer if name == STDIN else open(name, "rb")  # noqa: SIM115
    except OSError as exc:
        printer.unreadable(name, exc.strerror or str(exc))
        return False
    label = "<stdin>" if name == STDIN else name
    total = _size(stream)
    ok, empty = True, True
    try:
        for line, body in bodies(stream, fmt, limits):
            ok, empty = handle(f"{label}:{line}", body) and ok, False
            if printer.progress is not None:
                printer.progress.advance(len(body) + 1, total)
    except BrokenPipeError:  # writing failed, not reading: the reader of the output went away
        raise
    except OSError as exc:  # e.g. a directory, or a read error halfway
        printer.unreadable(name, exc.strerror or str(exc))
        return False
    finally:
        if stream is not sys.stdin.buffer:
            stream.close()
    if empty and fmt != "jsonl":  # an empty log holds no body; a file of one body must hold it
        printer.empty(label)
        return False
    return ok


def _size(stream: BinaryIO) -> int | None:
    """The size of a regular file, for progress; ``None`` for a pipe or a terminal."""
    try:
        info = os.fstat(stream.fileno())
    except (OSError, ValueError):
        return None
    return info.st_size if stat.S_ISREG(info.st_mode) else None


def _numbered(stream: BinaryIO) -> Iterator[tuple[int, bytes]]:
    """The non-blank lines, numbered from 1, without their line ends."""
    for number, line in enumerate(stream, 1):
        body = line[:-1] if line.endswith(b"\n") else line
        if body.strip():
            yield number, body


def _whole(lines: Iterable[tuple[int, bytes]]) -> Iterator[tuple[int, bytes]]:
    """The lines joined back into one body (none from an input with no line)."""
    first: int | None = None
    parts: list[bytes] = []
    for number, line in lines:
        first = number if first is None else first
        parts.append(line)
    if first is not None:
        yield first, b"\n".join(parts)


def _guess(
    lines: Iterator[tuple[int, bytes]], look_ahead: int
) -> tuple[list[tuple[int, bytes]], bool]:
    """Read ahead just far enough to tell JSON Lines from one body: ``(lines read, is_jsonl)``.

    JSON Lines when the first non-blank line is a JSON value by itself or looks like a one-line
    object (a broken log line), or when a later line does, unindented, before the input ends
    within ``look_ahead`` bytes: a broken FIRST line must not turn a log into one body. One body
    when the input ends first, as a pretty-printed body's lines (``{``, indented members, ``}``)
    do.
    """
    ahead: list[tuple[int, bytes]] = []
    size = 0
    for number, line in lines:
        ahead.append((number, line))
        size += len(line) + 1
        if _looks_like_a_line_body(line) or (len(ahead) == 1 and _is_json(line)):
            return ahead, True
        if size > look_ahead:
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
