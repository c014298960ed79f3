"""``vodsnap [options] FILE...``, ``vodsnap snapshots``, ``codes``, ``schema``: the command line.

Uses only what users can use: ``vodsnap.parse_any``, ``vodsnap.parse_pull``, ``vodsnap.to_wire``,
the code tables and the public models; and the registry, for the pull envelopes and the schema
kinds. Reading is ``_cli_input``'s job, writing ``_cli_output``'s;
here are the subcommands, and how a run ends: a closed standard output (``vodsnap ... | head``)
ends every subcommand quietly, and Ctrl-C with one line, as Unix tools do.
"""

from __future__ import annotations

import argparse
import difflib
import json
import os
import sys
from collections.abc import Sequence
from contextlib import suppress
from functools import partial

import vodsnap

from ._cli_input import (
    CUT_SHORT,
    EXIT_STATUSES,
    INTERRUPTED,
    OUTPUT_CLOSED,
    add_input_arguments,
    each_body,
    limits_given,
)
from ._cli_output import Mode, Printer, Progress, pulled
from ._cli_snapshots import main_snapshots
from ._schema import SCHEMA_KINDS
from ._wire.registry import ENVELOPES

__all__ = ["main"]

_Model = vodsnap.Callback

_USAGE = """vodsnap [--json | --records] [--pull] [--format auto|json|jsonl] [--max-... N] FILE...
       vodsnap snapshots [--json] [--format auto|json|jsonl] [--max-... N] FILE...
       vodsnap codes [--lang en|zh] [--table TABLE] [CODE...]
       vodsnap schema [{kinds}]""".format(kinds="|".join(SCHEMA_KINDS))
_TABLES = {table.value.replace("_", "-"): table for table in vodsnap.CodeTable}


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status (0 all decoded, 1 any failed, 2 usage,
    130 interrupted, 141 the reader of standard output went away)."""
    argv = list(sys.argv[1:] if argv is None else argv)
    for stream in (sys.stdout, sys.stderr):  # a lone surrogate in a body must not crash a report
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")
    try:
        try:
            return _command(argv)
        finally:
            sys.stdout.flush()  # what is still buffered fails here, where it is caught
    except BrokenPipeError:  # the reader went away (``vodsnap ... | head``): stop quietly
        with suppress(OSError, ValueError):  # later writes, and Python's last flush, go nowhere
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return OUTPUT_CLOSED
    except KeyboardInterrupt:  # Ctrl-C: one line, no traceback
        with suppress(OSError):
            print("vodsnap: interrupted", file=sys.stderr)
        return INTERRUPTED


def _command(argv: list[str]) -> int:
    """A subcommand, unless a file of its name is there: then that file is decoded. A first
    argument that is no file but nearly a subcommand's name (``snapshot``) is a usage error
    that names the subcommand, not a file that cannot be read."""
    subcommands = {"codes": _codes, "schema": _schema, "snapshots": main_snapshots}
    first = argv[0] if argv else ""
    if first in subcommands and not os.path.isfile(first):
        return subcommands[first](argv[1:])
    meant = difflib.get_close_matches(first, subcommands, n=1, cutoff=0.8)
    if meant and not first.startswith("-") and not os.path.lexists(first):
        _parser().error(f"no file {first!r}; did you mean the subcommand {meant[0]!r}?")
    return _decode(argv)


def _schema(argv: list[str]) -> int:
    """``vodsnap schema [KIND]``: a wire format's JSON Schema (draft 2020-12) on stdout."""
    parser = argparse.ArgumentParser(
        prog="vodsnap schema",
        description="Print the JSON Schema (draft 2020-12) of a wire format.",
        epilog=f"Exit status: 0, or 2 on usage errors, {CUT_SHORT}.",
    )
    parser.add_argument(
        "kind",
        nargs="?",
        default="callback",
        choices=SCHEMA_KINDS,
        help=(
            "callback (any format, the default), fast-snapshot, event, live (Cloud Live), "
            "mps (MPS task notifications), or a pull response: "
            + " or ".join(e.name for e in ENVELOPES)
        ),
    )
    args = parser.parse_args(argv)
    print(json.dumps(vodsnap.json_schema(args.kind), ensure_ascii=False, indent=2))
    return 0


def _codes(argv: list[str]) -> int:
    """``vodsnap codes [--lang zh|en] [--table T] [CODE...]``: 0 when every code is known."""
    parser = argparse.ArgumentParser(
        prog="vodsnap codes",
        description=(
            "Describe VOD status and error codes from any published table (video-processing, "
            "ProcedureStateChanged task, fast-snapshot, API): one line per code, "
            "'CODE<TAB>DESCRIPTION'. A CODE that is not a number is a task's textual code "
            "(ErrCodeExt), which no table lists. Without CODE, a whole table (video-processing "
            "unless --table says otherwise)."
        ),
        epilog=(
            "Exit status: 0 when every code is known, 1 when any is not, 2 on usage errors, "
            f"{CUT_SHORT}."
        ),
    )
    parser.add_argument(
        "codes", nargs="*", metavar="CODE", help="a code: a number, or a task's textual code"
    )
    parser.add_argument("--lang", choices=["en", "zh"], default="en", help="language (en)")
    parser.add_argument(
        "--table",
        choices=list(_TABLES),
        help="look only in this table (default: every table, in this order)",
    )
    args = parser.parse_args(argv)
    table = _TABLES.get(args.table) if args.table else None
    infos = [vodsnap.error_info(code, table=table) for code in args.codes]
    for info in infos or vodsnap.error_table(table or vodsnap.CodeTable.VIDEO_PROCESSING):
        print(f"{info.code if info.text is None else info.text}\t{info.description(args.lang)}")
    return 0 if all(info.known for info in infos) else 1


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="vodsnap",
        usage=_USAGE,
        description=(
            "Decode Tencent Cloud VOD snapshot callback bodies. Each FILE holds one JSON body "
            "or JSON Lines (one body per line), read as a stream; '-' reads standard input; a "
            "FILE with no body is reported as empty (under --format jsonl it is an empty log). "
            "One line is printed per body decoded; every problem of a body that fails goes to "
            "standard error. A pull response of either generation, told apart by its top-level "
            "keys as vodsnap.parse_any tells it, gets a line per event. When standard error "
            "is a terminal, a long run shows its progress there. 'vodsnap snapshots --help' "
            "lists every snapshot of the bodies, 'vodsnap codes --help' describes status and "
            "error codes, 'vodsnap schema --help' prints JSON Schemas. A file named like a "
            "subcommand in the current directory is decoded, not taken for the subcommand; "
            "a first FILE that does not exist but is nearly a subcommand's name is a usage "
            "error that names the subcommand."
        ),
        epilog=EXIT_STATUSES,
    )
    add_input_arguments(parser)
    output = parser.add_mutually_exclusive_group()
    output.add_argument(
        "--json", action="store_true", help="print each body's wire form as one JSON line"
    )
    output.add_argument(
        "--records",
        action="store_true",
        help=(
            "print one JSON record per input body, decoded or not, on standard output: "
            "where (FILE:LINE), file, line, ok, and the kind, summary and wire form of a body "
            "that decoded, or the errors and the lossless report of one that did not"
        ),
    )
    parser.add_argument(
        "--pull",
        action="store_true",
        help=(
            "every body must be a PullEvent or PullEvents response, decoded as "
            "vodsnap.parse_pull decodes it (without --pull, other bodies are decoded too)"
        ),
    )
    parser.add_argument("--version", action="version", version=f"vodsnap {vodsnap.__version__}")
    return parser


def _decode(argv: list[str]) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    limits = limits_given(parser, args)
    mode: Mode = "records" if args.records else "json" if args.json else "text"
    progress = Progress(sys.stderr) if sys.stderr.isatty() else None
    printer = Printer(mode, sys.stdout, sys.stderr, progress)
    failed = 0
    try:
        decode = _decode_pull if args.pull else _decode_one
        handle = partial(decode, printer, limits)
        for name in args.files:
            failed += not each_body(name, args.format, handle, printer, limits)
    finally:
        if progress is not None:
            progress.clear()
    return 1 if failed else 0


def _decode_one(printer: Printer, limits: vodsnap.Limits, where: str, body: bytes) -> bool:
    """A body pushed or pulled (a pull response gets a line per event, as with ``--pull``)."""
    try:
        model = vodsnap.parse_any(body, limits=limits)
    except vodsnap.DecodeError as exc:
        printer.failed(where, exc)
        return False
    response = pulled(model)
    if response is not None:
        return printer.pulled(where, response)
    assert not isinstance(model, vodsnap.PullResponse)  # for the type checker: pulled() said so
    printer.decoded(where, model)
    return True


def _decode_pull(printer: Printer, limits: vodsnap.Limits, where: str, body: bytes) -> bool:
    """A pull response: a line per event; every event is tried, whatever the others did."""
    try:
        response = vodsnap.parse_pull(body, limits=limits)
    except vodsnap.DecodeError as exc:
        printer.failed(where, exc, " the pull response")
        return False
    return printer.pulled(where, response)
