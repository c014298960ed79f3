"""The command line under ordinary Unix use (#21): a closed standard output, Ctrl-C, an empty
file, and the limits as options. The first two need a real process; the rest run in this one."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

import attrs
import pytest

import vodsnap
from support import EXAMPLES
from vodsnap._cli import main

pytestmark = pytest.mark.subprocess  # every test here starts the command line

COMMAND = [sys.executable, "-m", "vodsnap"]
BODY = json.dumps(json.loads((EXAMPLES / "fast-snapshot-success.json").read_text()))


@pytest.fixture(scope="module")
def logs(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    """Three logs whose summaries (about 100 bytes a body) far outgrow a pipe's buffer."""
    folder = tmp_path_factory.mktemp("logs")
    paths = [folder / f"log{number}.jsonl" for number in range(3)]
    for path in paths:
        path.write_text((BODY + "\n") * 800)
    return [str(path) for path in paths]


def closed_stdout(args: list[str]) -> tuple[int, bytes]:
    """Run with a standard output whose reader has gone: the exit status and stderr."""
    reader, writer = os.pipe()
    os.close(reader)
    try:
        done = subprocess.run(
            [*COMMAND, *args], stdout=writer, stderr=subprocess.PIPE, check=False, timeout=60
        )
    finally:
        os.close(writer)
    return done.returncode, done.stderr


@pytest.mark.parametrize(
    "args",
    [
        [],
        ["--records"],
        ["--json"],
        ["snapshots"],
        ["codes"],
        ["schema"],
    ],
    ids=" ".join,
)
def test_a_closed_stdout_ends_every_command_quietly(args: list[str], logs: list[str]) -> None:
    reads = args in ([], ["--records"], ["--json"]) or args[0] == "snapshots"
    code, err = closed_stdout([*args, *logs] if reads else args)
    assert (code, err.decode()) == (141, "")  # 128 + SIGPIPE, as a shell reports it


def test_head_ends_the_run_without_blaming_the_files(logs: list[str]) -> None:
    """``vodsnap a b c | head -1``: the reader goes away mid-run."""
    with subprocess.Popen(
        [*COMMAND, *logs], stdout=subprocess.PIPE, stderr=subprocess.PIPE
    ) as process:
        assert process.stdout is not None
        assert process.stderr is not None
        first = process.stdout.readline()
        process.stdout.close()
        err = process.stderr.read()
        code = process.wait(timeout=60)
    assert first.startswith(f"{logs[0]}:1: fast-snapshot ".encode())
    assert (code, err.decode()) == (141, "")


@pytest.mark.skipif(sys.platform == "win32", reason="SIGINT is POSIX")
def _interruptible() -> None:
    """In the child: Ctrl-C's default, which a background job (``cmd &``, as CI runs its legs)
    inherits as ignored, and Python then never turns into ``KeyboardInterrupt``."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def test_ctrl_c_stops_with_one_line_and_130() -> None:
    with subprocess.Popen(
        [*COMMAND, "-"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
        preexec_fn=_interruptible,
    ) as process:
        assert process.stdin is not None
        assert process.stdout is not None
        process.stdin.write(BODY.encode() + b"\n")
        process.stdin.flush()
        assert b"fast-snapshot" in process.stdout.readline()  # decoding, waiting for more input
        process.send_signal(signal.SIGINT)
        try:  # (closes its input after the signal: a run that ignored it ends, it does not hang)
            _, err = process.communicate(timeout=60)
        except subprocess.TimeoutExpired:
            process.kill()
            raise
    assert (process.returncode, err.decode()) == (130, "vodsnap: interrupted\n")


def run(capsys: pytest.CaptureFixture[str], *args: object) -> tuple[int, str, str]:
    try:
        status = main([str(arg) for arg in args])
    except SystemExit as exc:  # the main command's usage errors, as argparse ends them
        status = int(exc.code or 0)
    captured = capsys.readouterr()
    return status, captured.out, captured.err


@pytest.mark.parametrize("text", ["", "\n", "  \n\t\n\n"], ids=repr)
@pytest.mark.parametrize("command", [[], ["snapshots"]], ids=["vodsnap", "snapshots"])
def test_an_empty_file_is_said_to_be_empty(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, text: str, command: list[str]
) -> None:
    path = tmp_path / "empty.json"
    path.write_text(text)
    good = EXAMPLES / "fast-snapshot-success.json"
    status, out, err = run(capsys, *command, path, good)
    assert status == 1
    assert err == f"{path}: empty (no body to decode)\n"
    assert len(out.splitlines()) >= 1  # the other file is decoded all the same
    assert run(capsys, *command, "--format", "jsonl", path)[:3] == (0, "", "")  # an empty log


def test_an_empty_file_is_a_record_of_its_own(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "empty.json"
    path.write_text(" \n")
    status, out, err = run(capsys, "--records", path)
    assert (status, err) == (1, "")
    assert json.loads(out) == {
        "where": str(path),
        "file": str(path),
        "line": None,
        "ok": False,
        "errors": ["empty (no body to decode)"],
    }


FIELDS = attrs.fields(vodsnap.Limits)


@pytest.mark.parametrize("field", FIELDS, ids=lambda field: field.name)
@pytest.mark.parametrize("command", [[], ["snapshots"]], ids=["vodsnap", "snapshots"])
def test_every_limit_is_an_option_named_after_it(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    field: attrs.Attribute[int],
    command: list[str],
) -> None:
    used: list[vodsnap.Limits | None] = []
    parse_any = vodsnap.parse_any

    def recording(body: Any, **options: Any) -> Any:
        used.append(options.get("limits"))
        return parse_any(body, **options)

    monkeypatch.setattr(vodsnap, "parse_any", recording)
    option = "--" + field.name.replace("_", "-")
    assert field.default is not None  # every limit has a number for its default
    value = field.default + 7
    status, _, err = run(capsys, *command, option, value, EXAMPLES / "fast-snapshot-success.json")
    assert (status, err) == (0, "")
    assert used == [vodsnap.Limits(**{field.name: value})]
    status, _, err = run(capsys, *command, option, 0, EXAMPLES / "fast-snapshot-success.json")
    assert status == 2
    assert f"{field.name} must be an integer of at least" in err


@pytest.mark.parametrize("command", [[], ["snapshots"]], ids=["vodsnap", "snapshots"])
def test_a_body_over_a_mebibyte_decodes_with_a_higher_limit(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, command: list[str]
) -> None:
    """Pretty-printed, so that the format guess must also read past 1 MiB to see one body."""
    body = {"version": "4.0", "eventType": "X", "data": {"pad": ["x" * 1000] * 1200}}
    path = tmp_path / "big.json"
    path.write_text(json.dumps(body, indent=2))
    assert path.stat().st_size > vodsnap.Limits().max_body_bytes
    status, out, err = run(capsys, *command, "--format", "json", path)
    assert (status, out) == (1, "")
    assert "more than max_body_bytes=1048576" in err
    status, out, err = run(capsys, *command, "--max-body-bytes", 2_000_000, path)
    assert (status, err) == (0, "")
    assert out == ("" if command else f"{path}:1: event type=X version=4.0 (not modelled)\n")
