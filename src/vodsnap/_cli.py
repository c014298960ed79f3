"""``vodsnap [options] FILE...``, ``vodsnap snapshots``, ``codes``, ``schema``: the command line.

Uses only what users can use: ``vodsnap.parse``, ``vodsnap.to_wire``, the code tables and the
public models. Reading is ``_cli_input``'s job, writing ``_cli_output``'s.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from functools import partial

import vodsnap

from ._cli_input import add_input_arguments, each_body, looks_pulled
from ._cli_output import Mode, Printer, Progress
from ._cli_snapshots import main_snapshots

__all__ = ["main"]

_Model = vodsnap.Callback

_USAGE = """vodsnap [--json | --records] [--pull] [--format auto|json|jsonl] FILE...
       vodsnap snapshots [--json] [--format auto|json|jsonl] FILE...
       vodsnap codes [--lang en|zh] [--table TABLE] [CODE...]
       vodsnap schema [callback|fast-snapshot|event|live]"""
_TABLES = {table.value.replace("_", "-"): table for table in vodsnap.CodeTable}


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status (0 all decoded, 1 any failed, 2 usage)."""
    argv = list(sys.argv[1:] if argv is None else argv)
    for stream in (sys.stdout, sys.stderr):  # a lone surrogate in a body must not crash a report
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")
    try:
        return _command(argv)
    except BrokenPipeError:  # the reader went away (``vodsnap ... | head``): stop quietly
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1


def _command(argv: list[str]) -> int:
    """A subcommand, unless a file of its name is there: then that file is decoded."""
    subcommands = {"codes": _codes, "schema": _schema, "snapshots": main_snapshots}
    if argv and argv[0] in subcommands and not os.path.isfile(argv[0]):
        return subcommands[argv[0]](argv[1:])
    return _decode(argv)


def _schema(argv: list[str]) -> int:
    """``vodsnap schema [KIND]``: a wire format's JSON Schema (draft 2020-12) on stdout."""
    parser = argparse.ArgumentParser(
        prog="vodsnap schema",
        description="Print the JSON Schema (draft 2020-12) of a wire format.",
    )
    parser.add_argument(
        "kind",
        nargs="?",
        default="callback",
        choices=["callback", "fast-snapshot", "event", "live"],
        help="callback (any format, the default), fast-snapshot, event, or live (Cloud Live)",
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
        epilog="Exit status: 0 when every code is known, 1 when any is not, 2 on usage errors.",
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
            "or JSON Lines (one body per line), read as a stream; '-' reads standard input. "
            "One line is printed per body decoded; every problem of a body that fails goes to "
            "standard error. With --pull, each body is a pull response of either generation "
            "and each of its events gets a line. When standard error is a terminal, a long run "
            "shows its progress there. 'vodsnap snapshots --help' lists every snapshot of "
            "the bodies, 'vodsnap codes --help' describes status and error codes, 'vodsnap "
            "schema --help' prints JSON Schemas. A file named like a subcommand in the "
            "current directory is decoded, not taken for the subcommand."
        ),
        epilog="Exit status: 0 when every body decoded, 1 when any failed, 2 on usage errors.",
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
        help="the bodies are PullEvent or PullEvents responses: one line per event",
    )
    parser.add_argument("--version", action="version", version=f"vodsnap {vodsnap.__version__}")
    return parser


def _decode(argv: list[str]) -> int:
    args = _parser().parse_args(argv)
    mode: Mode = "records" if args.records else "json" if args.json else "text"
    progress = Progress(sys.stderr) if sys.stderr.isatty() else None
    printer = Printer(mode, sys.stdout, sys.stderr, progress)
    failed = 0
    try:
        decode = _decode_pull if args.pull else _decode_one
        handle = partial(decode, printer)
        for name in args.files:
            failed += not each_body(name, args.format, handle, printer)
    finally:
        if progress is not None:
            progress.clear()
    return 1 if failed else 0


def _decode_one(printer: Printer, where: str, body: bytes) -> bool:
    try:
        model = vodsnap.parse(body)
    except vodsnap.DecodeError as exc:
        hint = "a pull response: decode it with --pull" if looks_pulled(body) else ""
        printer.failed(where, exc, hint=hint)
        return False
    printer.decoded(where, model)
    return True


def _decode_pull(printer: Printer, where: str, body: bytes) -> bool:
    """A pull response: a line per event; every event is tried, whatever the others did."""
    try:
        response = vodsnap.parse_pull(body)
    except vodsnap.DecodeError as exc:
        printer.failed(where, exc, " the pull response")
        return False
    return printer.pulled(where, response)
