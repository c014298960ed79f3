"""``vodsnap snapshots FILE... [--json]`` (``main_snapshots``, which the CLI will call)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import vodsnap
from vodsnap._cli_snapshots import main_snapshots

PUBLISHED = Path(__file__).parent / "data" / "published"
EXAMPLES = Path(__file__).parent.parent / "examples"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, list[str], str]:
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
        "definition": 10,
        "time_offset": None,
        "url": "http://125676836723.vod2.myqcloud.com/xxx/xxx/1.png",
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
    assert f"{bad}:1: cannot decode: $.data.vodTaskId" in err
    assert f"{missing}: cannot read" in err


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys)[0] == 2
    assert run(capsys, "--nope", "x")[0] == 2
