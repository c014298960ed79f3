"""``vodsnap [--json] FILE...``: decode callback bodies from files, a line of output each.

Uses only what users can use: ``vodsnap.parse``, ``vodsnap.to_wire`` and the public models.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Iterator, Sequence
from typing import TextIO

import vodsnap

__all__ = ["main"]

_Model = vodsnap.Callback

_STDIN = "-"


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
    if argv[:1] == ["codes"]:
        return _codes(argv[1:])
    if argv[:1] == ["schema"]:
        return _schema(argv[1:])
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
        choices=["callback", "fast-snapshot", "event"],
        help="callback (either format, the default), fast-snapshot, or event",
    )
    args = parser.parse_args(argv)
    print(json.dumps(vodsnap.json_schema(args.kind), ensure_ascii=False, indent=2))
    return 0


def _codes(argv: list[str]) -> int:
    """``vodsnap codes [--lang zh|en] [CODE...]``: 0 when every code is known, 1 otherwise."""
    parser = argparse.ArgumentParser(
        prog="vodsnap codes",
        description=(
            "Describe VOD video-processing error codes (the picInfo status of snapshot events): "
            "one line per code, 'CODE<TAB>DESCRIPTION'. Without CODE, the whole published table."
        ),
        epilog="Exit status: 0 when every code is known, 1 when any is not, 2 on usage errors.",
    )
    parser.add_argument("codes", nargs="*", type=int, metavar="CODE", help="an error code")
    parser.add_argument("--lang", choices=["en", "zh"], default="en", help="language (en)")
    args = parser.parse_args(argv)
    infos = [vodsnap.error_info(code) for code in args.codes] or vodsnap.error_table()
    for info in infos:
        print(f"{info.code}\t{info.description(args.lang)}")
    return 0 if all(info.known for info in infos) else 1


def _decode(argv: list[str]) -> int:
    args = _parser().parse_args(argv)
    out, err = sys.stdout, sys.stderr
    failed = 0
    for name in args.files:
        try:
            data = sys.stdin.buffer.read() if name == _STDIN else _read_file(name)
        except OSError as exc:
            print(f"{name}: cannot read: {exc.strerror or exc}", file=err)
            failed += 1
            continue
        label = "<stdin>" if name == _STDIN else name
        decode = _decode_pull if args.pull else _decode_one
        for line, body in _bodies(data):
            failed += not decode(f"{label}:{line}", body, args.json, out, err)
    return 1 if failed else 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="vodsnap",
        description=(
            "Decode Tencent Cloud VOD snapshot callback bodies. Each FILE holds one JSON body "
            "or JSON Lines (one body per line); '-' reads standard input. One line is printed "
            "per body decoded; every problem of a body that fails goes to standard error. "
            "With --pull, each body is a pull response of either generation and each of its "
            "events gets a line. 'vodsnap codes --help' describes error codes, "
            "'vodsnap schema --help' prints JSON Schemas."
        ),
        epilog="Exit status: 0 when every body decoded, 1 when any failed, 2 on usage errors.",
    )
    parser.add_argument("files", nargs="+", metavar="FILE", help="a file of bodies, or '-'")
    parser.add_argument(
        "--json", action="store_true", help="print each body's wire form as one JSON line"
    )
    parser.add_argument(
        "--pull",
        action="store_true",
        help="the bodies are PullEvent or PullEvents responses: one line per event",
    )
    parser.add_argument("--version", action="version", version=f"vodsnap {vodsnap.__version__}")
    return parser


def _read_file(name: str) -> bytes:
    with open(name, "rb") as file:
        return file.read()


def _bodies(data: bytes) -> Iterator[tuple[int, bytes]]:
    """``(line number, body)`` pairs: one body per file, or one per line for JSON Lines.

    A file is JSON Lines when it has more than one non-blank line and its first one is a whole
    JSON value by itself (or at least looks like one object), as a callback log's lines do.
    A pretty-printed body's first line (``{``) is not, so it stays one body.
    """
    lines = [(number, text) for number, text in enumerate(data.split(b"\n"), 1) if text.strip()]
    if not lines:
        yield 1, data
        return
    first = lines[0][1].strip()
    if len(lines) > 1 and (_is_json(first) or (first[:1], first[-1:]) == (b"{", b"}")):
        yield from lines
    else:
        yield lines[0][0], data


def _is_json(text: bytes) -> bool:
    try:
        json.loads(text)
    except (ValueError, RecursionError):
        return False
    return True


def _decode_one(where: str, body: bytes, as_json: bool, out: TextIO, err: TextIO) -> bool:
    try:
        model = vodsnap.parse(body)
    except vodsnap.DecodeError as exc:
        _report(f"{where}: cannot decode", exc, err)
        return False
    _print(where, model, as_json, out)
    return True


def _print(where: str, model: _Model, as_json: bool, out: TextIO) -> None:
    """A decoded model's line: its wire form as JSON, or ``where: summary``."""
    if as_json:
        print(json.dumps(vodsnap.to_wire(model), ensure_ascii=False), file=out)
    else:
        print(f"{where}: {_summary(model)}", file=out)


def _decode_pull(where: str, body: bytes, as_json: bool, out: TextIO, err: TextIO) -> bool:
    """A pull response: a line per event; every event is tried, whatever the others did."""
    try:
        response = vodsnap.parse_pull(body)
    except vodsnap.DecodeError as exc:
        _report(f"{where}: cannot decode the pull response", exc, err)
        return False
    ok = response.ok
    if not ok:
        print(f"{where}: pull failed: {_pull_failure(response)}", file=err)
    for number, pulled in enumerate(response.events, 1):
        name = f"{where}: event {number} handle={pulled.msg_handle}"
        if pulled.error is not None:
            _report(f"{name}: cannot decode", pulled.error, err)
            ok = False
        elif pulled.event is not None:
            _print(name, pulled.event, as_json, out)
    return ok


def _pull_failure(response: vodsnap.PullEventResponse | vodsnap.PullEventsResponse) -> str:
    if isinstance(response, vodsnap.PullEventsResponse):
        return f"{response.error_code} ({response.error_message}) request={response.request_id}"
    known = response.api_error
    meaning = known.description_en if known is not None else "unknown code"
    return f"code={response.code} ({meaning}) message={response.message}"


def _report(headline: str, exc: vodsnap.DecodeError, err: TextIO) -> None:
    problems = len(exc.errors)
    print(f"{headline} ({problems} problem{'s' * (problems != 1)})", file=err)
    for error in exc.errors:
        print(f"  {error}", file=err)


def _summary(model: _Model) -> str:
    """One human line: kind, id, status, counts."""
    if isinstance(model, vodsnap.FastSnapshotCallback):
        text = (
            f"fast-snapshot vid={model.vid} status={model.status.name.lower()} "
            f"snapshots={len(model.result)}"
        )
        if model.error_code is not None or model.error_msg is not None:
            text += f" error={model.error_code} ({model.error_msg})"
        return text + (" source-deleted" if model.deleted else "")
    if isinstance(model, vodsnap.SnapshotByTimeOffsetComplete):
        data = model.data
        failed = sum(1 for p in data.pic_info if p.status != 0)
        return (
            f"snapshot-event task={data.vod_task_id} file={data.file_id} "
            f"definition={data.definition} pictures={len(data.pic_info)} "
            f"ok={len(data.pic_info) - failed} failed={failed}"
        )
    return f"event type={model.event_type} version={model.version} (not modelled)"
