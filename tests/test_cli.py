"""The command line, through a real subprocess."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import vodsnap
from support import EXAMPLES


def run(*args: str, stdin: bytes = b"", module: bool = True) -> subprocess.CompletedProcess[str]:
    command = (
        [sys.executable, "-m", "vodsnap"]
        if module
        else [str(Path(sys.executable).with_name("vodsnap"))]
    )
    return subprocess.run([*command, *args], input=stdin, capture_output=True, check=False)  # type: ignore[return-value]


def text(result: subprocess.CompletedProcess[bytes]) -> tuple[int, str, str]:
    return result.returncode, result.stdout.decode(), result.stderr.decode()  # type: ignore[union-attr]


@pytest.mark.parametrize("module", [True, False], ids=["python -m vodsnap", "vodsnap"])
def test_examples_decode_one_line_each(module: bool) -> None:
    files = sorted(str(p) for p in EXAMPLES.glob("*.json"))
    code, out, err = text(run(*files, module=module))  # type: ignore[arg-type]
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert len(lines) == 4
    assert lines[0].endswith(
        "fast-snapshot vid=064ffb39073403d22fb16df22a0d0b7e1534820999"
        " status=failure snapshots=0 error=118 (解码失败)"
    )
    assert "status=success snapshots=5" in lines[1]
    assert "pictures=1 ok=0 failed=1" in lines[2]
    assert lines[3].startswith(f"{files[3]}:1: snapshot-event task=CreateSnapshotByTimeOffset-")


def test_json_output_is_the_wire_form() -> None:
    files = sorted(str(p) for p in EXAMPLES.glob("*.json"))
    code, out, _ = text(run("--json", *files))  # type: ignore[arg-type]
    assert code == 0
    decoded = [json.loads(line) for line in out.splitlines()]
    assert decoded == [vodsnap.to_wire(vodsnap.parse(Path(f).read_bytes())) for f in files]


def test_json_lines_from_stdin_go_on_after_a_failure() -> None:
    lines = [
        (EXAMPLES / "snapshot-event-failure.json").read_text().replace("\n", " "),
        '{"vid": 1, "status": 9}',
        "",
        "not json",
        '{"version": 4, "eventType": "NewFileUpload", "data": {}}',
    ]
    code, out, err = text(run("-", stdin="\n".join(lines).encode()))  # type: ignore[arg-type]
    assert code == 1
    assert [line.split(": ", 1)[0] for line in out.splitlines()] == ["<stdin>:1", "<stdin>:5"]
    assert "<stdin>:2: cannot decode (12 problems)" in err
    assert "  $.vid: expected a string, got the number 1" in err
    assert (
        "  $.status: expected one of 3 (processing), 4 (failure), 5 (success), got the number 9"
        in err
    )
    assert "<stdin>:4: cannot decode (1 problem)" in err


def test_a_pretty_printed_bad_body_is_one_failure(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text('{\n  "vid": "x",\n  "app_id": "y"\n}\n')
    code, out, err = text(run(str(path)))  # type: ignore[arg-type]
    assert (code, out) == (1, "")
    assert err.startswith(f"{path}:1: cannot decode")
    assert "$.app_id: expected an integer" in err


def test_unreadable_file_fails_but_others_are_decoded(tmp_path: Path) -> None:
    code, out, err = text(
        run(str(tmp_path / "missing.json"), str(EXAMPLES / "fast-snapshot-success.json"))
    )  # type: ignore[arg-type]
    assert code == 1
    assert "missing.json: cannot read" in err
    assert len(out.splitlines()) == 1


def test_lone_surrogates_and_bad_bytes_do_not_crash_the_report() -> None:
    body = b'{"version": "4.0", "eventType": "\\ud800", "data": {}}\n\xff\xfe\n'
    code, out, err = text(run("-", stdin=body))  # type: ignore[arg-type]
    assert code == 1
    assert "type=\\ud800" in out
    assert "not valid UTF-8" in err


@pytest.mark.parametrize("args", [[], ["--nope", "x"]])
def test_usage_errors_exit_2(args: list[str]) -> None:
    code, _, err = text(run(*args))  # type: ignore[arg-type]
    assert code == 2
    assert "usage: vodsnap" in err


def test_version() -> None:
    code, out, _ = text(run("--version"))  # type: ignore[arg-type]
    assert (code, out.strip()) == (0, f"vodsnap {vodsnap.__version__}")


def test_pull_responses_of_both_generations(tmp_path: Path) -> None:
    event = json.loads((EXAMPLES / "snapshot-event-success.json").read_text())
    old = {
        "code": 0,
        "message": "",
        "eventList": [
            {"msgHandle": "h1", "eventContent": dict(event, version=4)},
            {"msgHandle": "h2", "eventContent": {"eventType": 1}},
            {"msgHandle": "h3", "eventContent": {"version": "4.0", "eventType": "X", "data": {}}},
        ],
    }
    new = {"Response": {"Error": {"Code": "AuthFailure", "Message": "no"}, "RequestId": "r"}}
    path = tmp_path / "pulls.jsonl"
    path.write_text(json.dumps(old) + "\n" + json.dumps(new) + "\n")
    code, out, err = text(run("--pull", str(path)))  # type: ignore[arg-type]
    assert code == 1
    lines = out.splitlines()
    assert len(lines) == 2
    assert lines[0].startswith(f"{path}:1: event 1 handle=h1: snapshot-event task=")
    assert lines[1] == f"{path}:1: event 3 handle=h3: event type=X version=4.0 (not modelled)"
    assert f"{path}:1: event 2 handle=h2: cannot decode (3 problems)" in err
    assert "  $.eventContent.eventType: expected a string, got the number 1" in err
    assert f"{path}:2: pull failed: AuthFailure (no) request=r" in err


def test_a_clean_pull_exits_0() -> None:
    event = json.loads((EXAMPLES / "snapshot-event-failure.json").read_text())
    body = {"code": 0, "message": "", "eventList": [{"msgHandle": "h", "eventContent": event}]}
    code, out, err = text(run("--pull", "--json", "-", stdin=json.dumps(body).encode()))  # type: ignore[arg-type]
    assert (code, err) == (0, "")
    assert json.loads(out) == event
