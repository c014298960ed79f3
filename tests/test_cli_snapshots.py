"""``vodsnap snapshots FILE... [--json]`` (``main_snapshots``, which the CLI will call)."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

import vodsnap
from vodsnap._cli_snapshots import main_snapshots

PUBLISHED = Path(__file__).parent / "data" / "published"
EXAMPLES = Path(__file__).parent.parent / "examples"


def run(capsys: pytest.CaptureFixture[str], *args: str | Path) -> tuple[int, list[str], str]:
    status = main_snapshots([*map(str, args)])
    captured = capsys.readouterr()
    return status, captured.out.splitlines(), captured.err


def test_one_line_per_snapshot(capsys: pytest.CaptureFixture[str]) -> None:
    path = PUBLISHED / "procedure-v4-archived.json"
    status, lines, err = run(capsys, path)
    assert (status, err) == (0, "")
    shots = vodsnap.snapshots(vodsnap.parse(path.read_bytes()))
    assert len(lines) == len(shots) == 13
    assert lines[10] == (
        f"{path}:1: cover file=123123123 offset=- "
        "http://125xx.vod2.myqcloud.com/vodtrans125xx/14508071098244929440/shotup/xx1.png"
    )
    assert lines[11].startswith(f"{path}:1: time_offset file=123123123 offset=300ms http://")


def test_failures_show_their_code_and_meaning(capsys: pytest.CaptureFixture[str]) -> None:
    status, lines, _ = run(capsys, PUBLISHED / "image-sprite-v4-failure.json")
    meaning = vodsnap.error_info(-43001).description_en
    assert status == 0
    assert lines == [
        f"{PUBLISHED / 'image-sprite-v4-failure.json'}:1: sprite file=14508071098244929440 "
        f"offset=- error=-43001 ({meaning})"
    ]


def test_json_records_of_json_lines_and_pull_responses(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    log = tmp_path / "callbacks.jsonl"
    bodies = [
        json.loads((EXAMPLES / "fast-snapshot-success.json").read_bytes()),
        json.loads((PUBLISHED / "image-sprite-api3-pullevents.json").read_bytes()),
        {"version": "4.0", "eventType": "NewFileUpload", "data": {}},
    ]
    log.write_text("\n".join(json.dumps(b) for b in bodies) + "\n")
    status, lines, _ = run(capsys, "--json", log)
    records = [json.loads(line) for line in lines]
    assert status == 0
    assert [r["kind"] for r in records] == ["fast"] * 5 + ["sprite"] * 2
    assert {r["source"] for r in records} == {f"{log}:1", f"{log}:2"}
    assert records[5] == {
        "source": f"{log}:2",
        "kind": "sprite",
        "file_id": "14508071098244929440",
        "stream_id": None,
        "definition": 10,
        "time_offset": None,
        "url": "http://125676836723.vod2.myqcloud.com/xxx/xxx/1.png",
        "storage": None,
        "error_code": None,
        "error": None,
    }


def test_a_bad_body_fails_but_the_others_are_listed(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"eventType": "ProcedureStateChanged", "version": "4.0", "data": {}}')
    missing = tmp_path / "missing.json"
    status, lines, err = run(capsys, bad, missing, PUBLISHED / "image-sprite-v4-success.json")
    assert status == 1
    assert len(lines) == 2
    assert f"{bad}:1: cannot decode (2 problems)\n  $.data.vodTaskId: required field missing" in err
    assert f"{missing}: cannot read" in err


def test_a_bad_line_of_a_log_fails_alone(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A log with a broken line and a non-callback still lists every good body's snapshots."""
    good = [
        (EXAMPLES / f"{n}.json").read_bytes()
        for n in ("fast-snapshot-success", "snapshot-event-success")
    ]
    log = tmp_path / "callbacks.jsonl"
    lines = [json.dumps(json.loads(b)).encode() for b in good]
    log.write_bytes(b"\n".join([lines[0], b'{"vid": "x", "status":', b"[1]", lines[1]]) + b"\n")
    status, out, err = run(capsys, log)
    expected = [s for b in good for s in vodsnap.snapshots(vodsnap.parse(b))]
    assert status == 1
    assert len(out) == len(expected) > 2
    assert out[0].startswith(f"{log}:1: fast ")
    assert out[-1].startswith(f"{log}:4: time_offset ")
    assert f"{log}:2: cannot decode" in err
    assert f"{log}:3: cannot decode" in err


def test_standard_input_and_the_format_option(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    body = (PUBLISHED / "image-sprite-v4-success.json").read_bytes()
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(body)))
    status, lines, err = run(capsys, "--format", "json", "-")
    assert (status, err) == (0, "")
    assert len(lines) == len(vodsnap.snapshots(vodsnap.parse(body)))
    assert all(line.startswith("<stdin>:1: sprite ") for line in lines)


def test_the_body_size_limit_holds(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    body = json.loads((EXAMPLES / "fast-snapshot-success.json").read_bytes())
    body["result"] = ["http://example.com/x.jpg"] * 60_000  # about 1.6 MB
    big = tmp_path / "big.json"
    big.write_text(json.dumps(body))
    status, lines, err = run(capsys, big)
    assert (status, lines) == (1, [])
    assert "more than max_body_bytes=1048576" in err


def test_a_pulled_event_that_fails_is_reported(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    event = json.loads((EXAMPLES / "snapshot-event-success.json").read_bytes())
    broken = {"eventType": "CreateSnapshotByTimeOffsetComplete", "version": "4.0", "data": 1}
    pulled = {
        "code": 0,
        "message": "",
        "eventList": [
            {"msgHandle": "a", "eventContent": event},
            {"msgHandle": "b", "eventContent": broken},
        ],
    }
    path = tmp_path / "pull.json"
    path.write_text(json.dumps(pulled))
    status, lines, err = run(capsys, path)
    assert status == 1
    assert len(lines) == len(vodsnap.snapshots(vodsnap.parse(json.dumps(event))))
    assert f"{path}:1: event 2: cannot decode" in err


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys)[0] == 2
    assert run(capsys, "--nope", "x")[0] == 2
