"""The command line, through a real subprocess."""

from __future__ import annotations

import json
import os
import pty
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

import vodsnap
from support import EXAMPLES, ROOT

pytestmark = pytest.mark.subprocess  # every test here runs a fresh interpreter


def run(*args: str, stdin: bytes = b"", module: bool = True) -> subprocess.CompletedProcess[bytes]:
    command = (
        [sys.executable, "-m", "vodsnap"]
        if module
        else [str(Path(sys.executable).with_name("vodsnap"))]
    )
    return subprocess.run([*command, *args], input=stdin, capture_output=True, check=False)


def text(result: subprocess.CompletedProcess[bytes]) -> tuple[int, str, str]:
    return result.returncode, result.stdout.decode(), result.stderr.decode()


@pytest.mark.parametrize("module", [True, False], ids=["python -m vodsnap", "vodsnap"])
def test_examples_decode_one_line_each(module: bool) -> None:
    files = sorted(str(p) for p in EXAMPLES.glob("*.json"))
    code, out, err = text(run(*files, module=module))
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
    code, out, _ = text(run("--json", *files))
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
    code, out, err = text(run("-", stdin="\n".join(lines).encode()))
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
    code, out, err = text(run(str(path)))
    assert (code, out) == (1, "")
    assert err.startswith(f"{path}:1: cannot decode")
    assert "$.app_id: expected an integer" in err


def test_unreadable_file_fails_but_others_are_decoded(tmp_path: Path) -> None:
    code, out, err = text(
        run(str(tmp_path / "missing.json"), str(EXAMPLES / "fast-snapshot-success.json"))
    )
    assert code == 1
    assert "missing.json: cannot read" in err
    assert len(out.splitlines()) == 1


def test_lone_surrogates_and_bad_bytes_do_not_crash_the_report() -> None:
    body = b'{"version": "4.0", "eventType": "\\ud800", "data": {}}\n\xff\xfe\n'
    code, out, err = text(run("-", stdin=body))
    assert code == 1
    assert "type=\\ud800" in out
    assert "not valid UTF-8" in err


@pytest.mark.parametrize("args", [[], ["--nope", "x"]])
def test_usage_errors_exit_2(args: list[str]) -> None:
    code, _, err = text(run(*args))
    assert code == 2
    assert "usage: vodsnap" in err


def test_version() -> None:
    code, out, _ = text(run("--version"))
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
    code, out, err = text(run("--pull", str(path)))
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
    code, out, err = text(run("--pull", "--json", "-", stdin=json.dumps(body).encode()))
    assert (code, err) == (0, "")
    assert json.loads(out) == event


def one_line(name: str) -> str:
    return json.dumps(json.loads((EXAMPLES / name).read_text()), ensure_ascii=False)


def test_a_broken_first_line_hides_nothing() -> None:
    lines = [
        one_line("snapshot-event-success.json")[:40],  # truncated mid-body
        one_line("fast-snapshot-success.json"),
        one_line("snapshot-event-failure.json"),
    ]
    code, out, err = text(run("-", stdin="\n".join(lines).encode()))
    assert code == 1
    assert [line.split(": ", 1)[0] for line in out.splitlines()] == ["<stdin>:2", "<stdin>:3"]
    assert err.startswith("<stdin>:1: cannot decode (1 problem)\n  $: invalid JSON")


def test_a_broken_first_line_that_ends_nowhere_near_a_brace_hides_nothing() -> None:
    lines = ['{"version": "4.0",', "", one_line("fast-snapshot-success.json")]
    code, out, err = text(run("-", stdin="\n".join(lines).encode()))
    assert code == 1
    assert [line.split(": ", 1)[0] for line in out.splitlines()] == ["<stdin>:3"]
    assert "<stdin>:1: cannot decode" in err


@pytest.mark.parametrize(
    ("fmt", "decoded", "failures"), [("json", 0, 1), ("jsonl", 2, 0), ("auto", 2, 0)]
)
def test_format_overrides_the_guess(fmt: str, decoded: int, failures: int) -> None:
    body = "\n".join(
        [one_line("fast-snapshot-success.json"), one_line("snapshot-event-success.json")]
    )
    code, out, err = text(run("--format", fmt, "-", stdin=body.encode()))
    assert (code, len(out.splitlines()), err.count("cannot decode")) == (
        int(failures > 0),
        decoded,
        failures,
    )


def test_format_jsonl_splits_a_pretty_printed_body() -> None:
    pretty = (EXAMPLES / "fast-snapshot-success.json").read_bytes()
    code, out, err = text(run("--format", "jsonl", "-", stdin=pretty))
    assert (code, out) == (1, "")
    assert err.count("cannot decode") == len([x for x in pretty.splitlines() if x.strip()])


def test_a_pretty_printed_body_with_a_one_line_object_inside_is_one_body() -> None:
    event = json.loads((EXAMPLES / "snapshot-event-success.json").read_text())
    pretty = json.dumps(event, indent=2).replace('"status": 0,\n', '"status": 0, ')
    code, out, err = text(run("-", stdin=pretty.encode()))
    assert (code, err) == (0, "")
    assert out.startswith("<stdin>:1: snapshot-event ")


def test_records_match_every_body_to_its_line(tmp_path: Path) -> None:
    good = one_line("snapshot-event-failure.json")
    bad = '{"vid": 1, "status": 9}'
    path = tmp_path / "log.jsonl"
    path.write_text(f"{good}\n\n{bad}\nnot json\n", encoding="utf-8")
    code, out, err = text(run("--records", str(path), str(tmp_path / "missing")))
    assert (code, err) == (1, "")
    records = [json.loads(line) for line in out.splitlines()]
    assert [(r["where"], r["ok"]) for r in records] == [
        (f"{path}:1", True),
        (f"{path}:3", False),
        (f"{path}:4", False),
        (str(tmp_path / "missing"), False),
    ]
    assert records[0]["kind"] == "snapshot-event"
    assert vodsnap.parse(records[0]["wire"]) == vodsnap.parse(good)
    assert "$.vid: expected a string, got the number 1" in records[1]["errors"]
    assert vodsnap.DecodeError.body_from_report(records[1]["report"]) == bad.encode()
    assert vodsnap.DecodeError.body_from_report(records[2]["report"]) == b"not json"
    assert records[3]["line"] is None
    assert records[3]["errors"][0].startswith("cannot read: ")


def test_pull_records_hold_every_event() -> None:
    event = json.loads((EXAMPLES / "snapshot-event-success.json").read_text())
    bad = {"eventType": 1}
    body: dict[str, Any] = {
        "code": 0,
        "message": "",
        "eventList": [
            {"msgHandle": "h1", "eventContent": event},
            {"msgHandle": "h2", "eventContent": bad},
        ],
    }
    code, out, err = text(run("--pull", "--records", "-", stdin=json.dumps(body).encode()))
    assert (code, err) == (1, "")
    [record] = [json.loads(line) for line in out.splitlines()]
    assert (record["where"], record["ok"], record["kind"]) == ("<stdin>:1", False, "pull")
    assert [(e["event"], e["handle"], e["ok"]) for e in record["events"]] == [
        (1, "h1", True),
        (2, "h2", False),
    ]
    entry = body["eventList"][1]  # the entry exactly as received
    assert vodsnap.DecodeError.body_from_report(record["events"][1]["report"]) == entry
    assert vodsnap.parse_pull(record["wire"]) == vodsnap.parse_pull(json.dumps(body))


def test_records_and_json_are_exclusive() -> None:
    assert run("--records", "--json", "-").returncode == 2


def test_the_usage_line_lists_the_subcommands() -> None:
    code, _, err = text(run())
    usage = err.split("\n\n")[0]
    assert code == 2
    assert "vodsnap codes" in usage
    assert "vodsnap schema" in usage
    assert "--format" in usage


@pytest.mark.parametrize("name", ["codes", "schema"])
def test_a_file_named_like_a_subcommand_is_decoded(tmp_path: Path, name: str) -> None:
    (tmp_path / name).write_bytes((EXAMPLES / "fast-snapshot-success.json").read_bytes())
    result = subprocess.run(
        [sys.executable, "-m", "vodsnap", name], cwd=tmp_path, capture_output=True, check=False
    )
    code, out, err = text(result)
    assert (code, err) == (0, "")
    assert out.startswith(f"{name}:1: fast-snapshot vid=")
    other = subprocess.run(
        [sys.executable, "-m", "vodsnap", name],
        cwd=tmp_path.parent,
        capture_output=True,
        check=False,
    )
    assert other.returncode == 0
    assert b"fast-snapshot vid=" not in other.stdout  # elsewhere it is the subcommand


@pytest.mark.parametrize(("typed", "meant"), [("snapshot", "snapshots"), ("code", "codes")])
def test_a_missing_file_named_nearly_like_a_subcommand_names_it(
    tmp_path: Path, typed: str, meant: str
) -> None:
    (tmp_path / "body.json").write_bytes((EXAMPLES / "fast-snapshot-success.json").read_bytes())
    result = subprocess.run(
        [sys.executable, "-m", "vodsnap", typed, "body.json"],
        cwd=tmp_path,
        capture_output=True,
        check=False,
    )
    code, out, err = text(result)
    assert (code, out) == (2, "")
    assert err.startswith("usage: vodsnap")
    assert err.endswith(f"did you mean the subcommand {meant!r}?\n")
    (tmp_path / typed).write_bytes(b"{}")  # once there, it is a file like any other
    there = subprocess.run(
        [sys.executable, "-m", "vodsnap", typed], cwd=tmp_path, capture_output=True, check=False
    )
    assert there.returncode == 1
    assert text(there)[2].startswith(f"{typed}:1: cannot decode")


def test_a_missing_file_unlike_any_subcommand_cannot_be_read(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "vodsnap", "callbacks.jsonl"],
        cwd=tmp_path,
        capture_output=True,
        check=False,
    )
    assert text(result) == (1, "", "callbacks.jsonl: cannot read: No such file or directory\n")


def slow_run(stderr: int) -> tuple[int, list[bytes], bytes]:
    """Two bodies, 0.7 s apart, so that the run lasts past the progress display's delay:
    the exit status, the line printed after each body was sent, and stderr if piped."""
    with subprocess.Popen(
        [sys.executable, "-m", "vodsnap", "-"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=stderr,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    ) as process:
        assert process.stdin is not None
        assert process.stdout is not None
        outputs = []
        for _ in range(2):
            process.stdin.write(one_line("fast-snapshot-success.json").encode() + b"\n")
            process.stdin.flush()
            outputs.append(process.stdout.readline())  # decoded before the input ends: a stream
            time.sleep(0.7)
        process.stdin.close()
        errors = process.stderr.read() if process.stderr is not None else b""
        return process.wait(timeout=30), outputs, errors


def test_progress_shows_on_a_terminal_and_the_input_streams() -> None:
    primary, secondary = pty.openpty()
    try:
        code, outputs, _ = slow_run(secondary)
        os.close(secondary)
        shown = b""
        while True:
            try:
                chunk = os.read(primary, 4096)
            except OSError:  # the other end is closed
                break
            if not chunk:
                break
            shown += chunk
    finally:
        os.close(primary)
    assert code == 0
    assert all(b"fast-snapshot vid=" in line for line in outputs)
    assert b"2 bodies" in shown
    assert b"bodies/s" in shown
    assert shown.endswith(b"\r\x1b[K")  # cleared at the end


def test_no_progress_when_stderr_is_not_a_terminal() -> None:
    code, outputs, errors = slow_run(subprocess.PIPE)
    assert (code, errors) == (0, b"")
    assert all(b"fast-snapshot vid=" in line for line in outputs)


def test_a_failure_without_a_message_says_what_its_code_means() -> None:
    body = json.loads((ROOT / "tests/data/published/image-sprite-v4-failure.json").read_bytes())
    body["data"]["message"] = ""
    done = run("-", stdin=json.dumps(body).encode())
    meaning = vodsnap.error_info(body["data"]["status"]).description_en
    assert f"failed={body['data']['status']} ({meaning}) sheets=0" in done.stdout.decode()


def test_a_pull_response_decodes_without_pull_and_pull_refuses_the_rest() -> None:
    """Pushed and pulled bodies are told apart by their top-level keys (vodsnap.parse_any)."""
    pulled = (ROOT / "tests/data/published/procedure-api3-taskflow-pullevents.json").read_bytes()
    pushed = json.loads((EXAMPLES / "snapshot-event-success.json").read_text())
    pushed["data"]["note"] = {"eventList": [], "Response": {}}  # inside: no pull response
    log = b"\n".join(json.dumps(json.loads(body)).encode() for body in (pulled, b"{}"))
    log += b"\n" + json.dumps(pushed).encode()
    code, out, err = text(run("-", stdin=log))
    assert code == 1  # {} is neither
    lines = out.splitlines()
    assert len(lines) == 2
    assert lines[0].startswith("<stdin>:1: event 1 handle=EventHandleX: procedure task=")
    assert lines[1].startswith("<stdin>:3: snapshot-event task=CreateSnapshotByTimeOffset-")
    assert err.startswith("<stdin>:2: cannot decode (")
    assert run("--pull", "-", stdin=pulled).stdout == run("-", stdin=pulled).stdout
    code, out, err = text(run("--pull", "-", stdin=json.dumps(pushed).encode()))
    assert (code, out) == (1, "")
    assert err.startswith("<stdin>:1: cannot decode the pull response")


@pytest.mark.parametrize(
    "body",
    [
        {"Response": {"Error": {"Code": "ResourceNotFound", "Message": "no"}, "RequestId": "r"}},
        {"Response": {"EventSet": [], "RequestId": "r"}},
        {"code": 0, "message": "", "eventList": []},
    ],
)
def test_an_empty_queue_is_not_a_failure(body: dict[str, Any]) -> None:
    code, out, err = text(run("--pull", "-", stdin=json.dumps(body).encode()))
    assert (code, err) == (0, "")
    code, out, err = text(run("--pull", "--records", "-", stdin=json.dumps(body).encode()))
    assert (code, err) == (0, "")
    record = json.loads(out)
    assert record["ok"] is True
    assert record["summary"] == "pull ok events=0 (the queue is empty)"
