"""The code tables: every published row, the stage/cause structure, and unknown codes."""

from __future__ import annotations

import csv
import importlib.util
import subprocess
import sys
from pathlib import Path
from typing import Any, cast

import pytest
from hypothesis import given
from hypothesis import strategies as st

import vodsnap
from support import EXAMPLES, ROOT
from vodsnap import (
    CodeTable,
    FailureCause,
    Fault,
    ProcessingStage,
    SourceFileError,
    error_info,
)

TSV = Path(__file__).with_name("data") / "vod-processing-error-codes.tsv"
SHARED_TSV = ROOT.parent / "shared" / "reference" / "vod-processing-error-codes.tsv"
ROWS = list(csv.DictReader(TSV.read_text(encoding="utf-8").splitlines(), delimiter="\t"))


def test_the_table_has_every_published_row() -> None:
    assert len(ROWS) == 116
    assert [info.code for info in vodsnap.error_table()] == [int(row["code"]) for row in ROWS]


@pytest.mark.skipif(not SHARED_TSV.exists(), reason="../shared is beside the clone only in CI")
def test_the_tests_copy_of_the_table_is_the_reference() -> None:
    assert TSV.read_bytes() == SHARED_TSV.read_bytes()


@pytest.mark.parametrize("row", ROWS, ids=lambda row: row["code"])
def test_every_row_decodes_through_error_info(row: dict[str, str]) -> None:
    info = error_info(int(row["code"]))
    assert info.known
    assert info.code == int(row["code"])
    assert info.description_zh == row["description_zh"]
    assert info.description_en == row["description_en"]
    if row["stage"]:
        assert info.stage == int(row["stage"])
        assert info.cause == int(row["cause"])
        assert info.code == info.stage * 100 - info.cause
    else:
        assert (info.stage, info.cause) == (None, None)
        assert SourceFileError(info.code).description_en == row["description_en"]


def test_the_structure_is_8_stages_by_13_causes_plus_12() -> None:
    assert len(ProcessingStage) == 8
    assert len(FailureCause) == 13
    assert len(SourceFileError) == 12
    structured = [info for info in vodsnap.error_table() if info.stage is not None]
    assert len(structured) == 104
    assert {(i.stage, i.cause) for i in structured} == {
        (s, c) for s in ProcessingStage for c in FailureCause
    }


def test_enums_compare_equal_to_wire_integers() -> None:
    # Each member typed as the int it is (an IntEnum's): a type checker holds a member's literal
    # type and an int literal's apart, and would call these comparisons always false.
    stage: int = ProcessingStage.SNAPSHOT
    cause: int = FailureCause.DECODE_FAILED
    source: int = SourceFileError.ZERO_DURATION
    fast: int = vodsnap.FastSnapshotErrorCode.DECODE_FAILED
    api: int = vodsnap.ApiErrorCode.AUTHENTICATION_FAILED
    assert stage == -440
    assert cause == 29
    assert source == -47200
    assert fast == 118
    assert api == 4100


def test_success() -> None:
    info = error_info(0)
    assert (info.known, info.description_en, info.fault, info.retry_may_help) == (
        True,
        "success",
        None,
        None,
    )


@given(st.integers(min_value=-(10**30), max_value=10**30))
def test_any_integer_is_described_without_raising(code: int) -> None:
    info = error_info(code)
    assert info.code == code
    if not info.known:
        assert str(code) in info.description_en
        assert str(code) in info.description_zh
        assert info.fault is Fault.UNKNOWN
        assert (info.stage, info.cause) == (None, None)


def test_the_documentations_own_unknown_code() -> None:
    info = error_info(-46204)
    assert not info.known
    assert info.description_en == "unknown error code -46204: no published table lists it"


@pytest.mark.parametrize(
    ("code", "fault"),
    [
        (-44099, Fault.REQUEST),  # seeking past the end while taking a snapshot
        (-44198, Fault.REQUEST),
        (-43099, Fault.UNKNOWN),  # the same cause, but not while taking a snapshot
        (-44029, Fault.SOURCE_FILE),  # decoding failed
        (-43195, Fault.SOURCE_FILE),  # metadata missing
        (-49129, Fault.UNKNOWN),  # about the transcoder's own output
        (-45201, Fault.UNKNOWN),
        (-47300, Fault.SOURCE_FILE),
        (-46204, Fault.UNKNOWN),
    ],
)
def test_fault(code: int, fault: Fault) -> None:
    info = error_info(code)
    assert info.fault is fault
    assert info.retry_may_help is (None if fault is Fault.UNKNOWN else False)


def test_description_by_language() -> None:
    info = error_info(-44099)
    assert info.description("zh") == "截图，截图命令执行: seeking outside actual filesize"
    assert info.description() == info.description_en
    with pytest.raises(ValueError, match="lang"):
        info.description(cast(Any, "fr"))  # a language it does not have, deliberately


def test_api_codes_have_descriptions() -> None:
    assert len(vodsnap.ApiErrorCode) == 19
    for code in vodsnap.ApiErrorCode:
        assert code.description_en
        assert code.description_zh


#: Every code of the three small tables, as the documentation gives it (not from vodsnap).
PUBLISHED_SMALL_TABLES = [
    (118, CodeTable.FAST_SNAPSHOT, "decoding failed"),
    (30009, CodeTable.PROCEDURE_TASK, "Failed due to original file exception"),
    (30010, CodeTable.PROCEDURE_TASK, "System failure or unknown"),
    (1000, CodeTable.API, "invalid parameter (PullEvent)"),
    (4100, CodeTable.API, "authentication failed"),
    (5300, CodeTable.API, "purchase failed: insufficient balance"),
    (6200, CodeTable.API, "API temporarily unavailable"),
]


@pytest.mark.parametrize(("code", "table", "english"), PUBLISHED_SMALL_TABLES)
def test_error_info_knows_every_table(code: int, table: CodeTable, english: str) -> None:
    for info in (error_info(code), error_info(code, table=table)):
        assert (info.code, info.known, info.table, info.description_en) == (
            code,
            True,
            table,
            english,
        )


@pytest.mark.parametrize("row", ROWS[::10], ids=lambda row: row["code"])
def test_video_processing_codes_say_their_table(row: dict[str, str]) -> None:
    assert error_info(int(row["code"])).table is CodeTable.VIDEO_PROCESSING


def test_the_tables_share_no_code_but_success() -> None:
    members = [{info.code for info in vodsnap.error_table(table)} for table in CodeTable]
    assert sum(len(m) for m in members) == len(set().union(*members))
    assert 0 not in set().union(*members)


@given(st.integers(min_value=-(10**6), max_value=10**6), st.sampled_from(CodeTable))
def test_a_table_given_is_the_only_one_searched(code: int, table: CodeTable) -> None:
    info = error_info(code, table=table)
    listed = {row.code for row in vodsnap.error_table(table)}
    documents_success = table is not CodeTable.FAST_SNAPSHOT
    assert info.known == (code in listed or (code == 0 and documents_success))
    assert info.table is (table if info.known else None)
    if info.known and code != 0:
        assert info == error_info(code)  # one table per code: the bare lookup agrees
    if not info.known:
        assert str(code) in info.description_en


def test_success_is_in_every_table_that_documents_it() -> None:
    assert error_info(0).table is CodeTable.VIDEO_PROCESSING  # the first table searched
    for table in (CodeTable.PROCEDURE_TASK, CodeTable.API):
        assert (error_info(0, table=table).known, error_info(0, table=table).fault) == (
            True,
            None,
        )
    assert not error_info(0, table=CodeTable.FAST_SNAPSHOT).known  # status 5 is success there


def test_an_unknown_code_in_one_table_names_that_table() -> None:
    info = error_info(-44099, table=CodeTable.FAST_SNAPSHOT)
    assert not info.known
    assert (
        info.description_en == "unknown error code -44099: the fast-snapshot table does not list it"
    )


def test_procedure_task_faults() -> None:
    assert error_info(30009).fault is Fault.SOURCE_FILE
    assert error_info(30010).fault is Fault.UNKNOWN
    code: int = vodsnap.ProcedureTaskErrorCode.SOURCE_FILE_ERROR  # as above: an IntEnum's int
    assert code == 30009


def test_seed_snapshot_events(example_bytes: dict[str, bytes]) -> None:
    ok = vodsnap.parse(example_bytes["snapshot-event-success"])
    failed = vodsnap.parse(example_bytes["snapshot-event-failure"])
    assert isinstance(ok, vodsnap.SnapshotByTimeOffsetComplete)
    assert isinstance(failed, vodsnap.SnapshotByTimeOffsetComplete)
    assert ok.succeeded
    assert ok.failed_pictures == ()
    assert all(pic.ok and pic.error is None for pic in ok.data.pic_info)
    assert not failed.succeeded
    [pic] = failed.failed_pictures
    assert not pic.ok
    assert pic.error is not None
    assert (pic.error.code, pic.error.known) == (-46204, False)


def test_seed_fast_snapshots(example_bytes: dict[str, bytes]) -> None:
    ok = vodsnap.parse_fast_snapshot(example_bytes["fast-snapshot-success"])
    failed = vodsnap.parse_fast_snapshot(example_bytes["fast-snapshot-failure"])
    assert (ok.succeeded, ok.error) == (True, None)
    assert not failed.succeeded
    assert failed.error is not None
    assert failed.error.code == vodsnap.FastSnapshotErrorCode.DECODE_FAILED
    assert (failed.error.description_zh, failed.error.description_en) == (
        "解码失败",
        "decoding failed",
    )
    assert failed.error.fault is Fault.SOURCE_FILE


@pytest.mark.parametrize(
    ("error_code", "known"), [("118", True), ("-44099", False), ("999", False)]
)
def test_fast_snapshot_codes_other_than_118_are_unknown(error_code: str, known: bool) -> None:
    body = (EXAMPLES / "fast-snapshot-failure.json").read_text().replace("118", f'"{error_code}"')
    info = vodsnap.parse_fast_snapshot(body).error
    assert info is not None
    assert (info.code, info.known) == (int(error_code), known)


@pytest.mark.parametrize("error_code", ['"E1"', "null"])
def test_a_failure_without_a_numeric_code_has_no_error_info(error_code: str) -> None:
    body = (EXAMPLES / "fast-snapshot-failure.json").read_text().replace("118", error_code)
    assert vodsnap.parse_fast_snapshot(body).error is None


def _spells_an_integer(text: str) -> bool:
    try:
        int(text)
    except ValueError:
        return False
    return True


@given(st.text(max_size=80).filter(lambda t: t != "" and not _spells_an_integer(t)))
def test_a_textual_code_is_unknown_and_kept(text: str) -> None:
    for table in (None, *CodeTable):
        info = error_info(text, table=table)
        assert (info.code, info.known, info.text, info.table) == (-1, False, text, None)
        assert info.fault is Fault.UNKNOWN
        assert info.retry_may_help is None
        assert repr(text[:64])[1:-1] in info.description_en  # quoted, at most 64 characters
        # 64 characters at most, each escaped to at most 10 (\U0010ffff), plus the sentence
        assert len(info.description_en) < 64 * 10 + 100
        assert len(info.description_zh) < 64 * 10 + 100


@given(st.integers(-(10**30), 10**30), st.sampled_from([None, *CodeTable]))
def test_a_number_sent_as_text_reads_as_that_number(code: int, table: CodeTable | None) -> None:
    assert error_info(str(code), table=table) == error_info(code, table=table)


def test_an_empty_textual_code_is_success() -> None:
    info = error_info("")
    assert (info.code, info.known, info.fault, info.text) == (0, True, None, "")
    assert info.description_en == error_info(0).description_en == "success"


def test_a_textual_code_is_never_read_past_its_limit() -> None:
    huge = "9" * 5000  # past int()'s digit limit: kept as text, never a ValueError
    assert (error_info(huge).code, error_info(huge).text) == (-1, huge)
    assert len(error_info("x" * 10**6).description_en) < 200


def run_codes(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "vodsnap", "codes", *args],
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.mark.subprocess
def test_cli_prints_the_whole_table() -> None:
    result = run_codes()
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert lines == [f"{row['code']}\t{row['description_en']}" for row in ROWS]


@pytest.mark.subprocess
def test_cli_prints_given_codes_in_chinese() -> None:
    result = run_codes("--lang", "zh", "-44099", "0")
    assert result.returncode == 0
    assert result.stdout.splitlines() == [
        "-44099\t截图，截图命令执行: seeking outside actual filesize",
        "0\t成功",
    ]


@pytest.mark.subprocess
@pytest.mark.parametrize(
    ("code", "english"),
    [
        (118, "decoding failed"),
        (4100, "authentication failed"),
        (30010, "System failure or unknown"),
    ],
)
def test_cli_describes_codes_of_every_table(code: int, english: str) -> None:
    result = run_codes(str(code))
    assert (result.returncode, result.stdout) == (0, f"{code}\t{english}\n")


@pytest.mark.subprocess
def test_cli_lists_and_searches_one_table() -> None:
    listed = run_codes("--table", "procedure-task")
    assert (listed.returncode, listed.stdout.splitlines()) == (
        0,
        ["30009\tFailed due to original file exception", "30010\tSystem failure or unknown"],
    )
    assert run_codes("--table", "api", "118").returncode == 1
    assert run_codes("--table", "fast-snapshot", "118").returncode == 0
    assert run_codes("--table", "nope").returncode == 2


@pytest.mark.subprocess
def test_cli_unknown_code_exits_1_and_bad_input_exits_2() -> None:
    unknown = run_codes("-46204")
    assert (unknown.returncode, unknown.stdout.split("\t")[0]) == (1, "-46204")
    textual = run_codes("SystemError", "")  # a task's ErrCodeExt: unknown, "" is success
    assert textual.returncode == 1
    assert textual.stdout.splitlines() == [
        f"SystemError\t{error_info('SystemError').description_en}",
        "\tsuccess",
    ]
    assert run_codes("--lang", "fr").returncode == 2


def test_docs_table_is_generated_from_the_package() -> None:
    spec = importlib.util.spec_from_file_location("gen_codes", ROOT / "docs" / "gen_codes.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    page = (ROOT / "docs" / "codes.md").read_text(encoding="utf-8")
    assert page == module.render(), "docs/codes.md is stale: run python docs/gen_codes.py"
    for row in ROWS:
        assert f"| {row['code']} |" in page
