"""The documentation's complete examples run, and type-check, copied verbatim, under
``mypy --strict`` and pyright's strict mode: users paste them into projects that run both.

Both checkers come with the ``dev`` extra; under the ``test`` extra alone these tests skip,
saying so. (Fragments, which use names such as ``request_body`` that the page defines in prose,
are not complete examples: they are not listed here.)
"""

from __future__ import annotations

import doctest
import gc
import importlib.util
import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import vodsnap
from support import ROOT

#: The pages whose every Python block is a complete module, and the complete blocks of others
#: (by position among the page's Python blocks).
COMPLETE = {
    "docs/testing.md": None,
    "docs/quickstart.md": [0],
    "docs/errors.md": [3],  # the collector paused around parse
}


def examples() -> list[tuple[str, str]]:
    found = []
    for page, wanted in COMPLETE.items():
        text = (ROOT / page).read_text(encoding="utf-8")
        blocks = re.findall(r"```python\n(.*?)```", text, flags=re.DOTALL)
        for index, block in enumerate(blocks):
            if wanted is None or index in wanted:
                found.append((f"{page}#{index}", block))
    return found


EXAMPLES = examples()
IDS = [name for name, _ in EXAMPLES]


def test_the_complete_examples_are_found() -> None:
    assert len(EXAMPLES) >= 4  # the handler and signed tests, the quick start's, the collector's


def test_the_quick_start_decodes_a_snapshot_first(capsys: pytest.CaptureFixture[str]) -> None:
    [(_, first)] = [(name, code) for name, code in EXAMPLES if name == "docs/quickstart.md#0"]
    namespace: dict[str, object] = {}
    exec(first, namespace)
    assert isinstance(namespace["event"], vodsnap.SnapshotByTimeOffsetComplete)
    assert capsys.readouterr().out.startswith("1000 http")


def test_help_vodsnap_shows_a_snapshot_first_and_its_example_runs() -> None:
    doc = vodsnap.__doc__ or ""
    assert doc.index("CreateSnapshotByTimeOffsetComplete") < doc.find("NewFileUpload")
    result = doctest.testmod(vodsnap)
    assert (result.failed, result.attempted >= 3) == (0, True)


@pytest.mark.parametrize("enabled", [True, False])
def test_the_collector_example_pauses_it_and_restores_it(
    enabled: bool, capsys: pytest.CaptureFixture[str]
) -> None:
    [example] = [code for name, code in EXAMPLES if name == "docs/errors.md#3"]
    namespace: dict[str, Any] = {}
    exec(example, namespace)  # the page's own run: the collector was on
    assert capsys.readouterr().out == "UnknownEvent True\n"
    states = []

    def refused() -> None:
        with namespace["collector_paused"]():
            states.append(gc.isenabled())
            vodsnap.parse(b"{}")  # refused: the collector is restored all the same

    was = gc.isenabled()
    try:
        gc.enable() if enabled else gc.disable()
        with pytest.raises(vodsnap.DecodeError):
            refused()
        states.append(gc.isenabled())
    finally:
        gc.enable() if was else gc.disable()
    assert states == [False, enabled]


def needs(module: str) -> None:
    if importlib.util.find_spec(module) is None:
        pytest.skip(f"{module} is not installed: the dev extra has it (pip install '.[dev]')")


@pytest.fixture(scope="module")
def example_files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """Every complete example in a module of its own, one folder: ``{file name: example}``.

    Each checker runs once over all of them (a start of mypy or pyright costs more than checking
    an example); an error names its file, and the failure message says which example that is.
    """
    folder = tmp_path_factory.mktemp("docs_examples")
    files = {}
    for index, (name, code) in enumerate(EXAMPLES):
        path = folder / f"example_{index}.py"
        path.write_text(code, encoding="utf-8")
        files[str(path)] = name
    return files


def which(files: dict[str, str]) -> str:
    return "".join(f"\n  {Path(path).name}: {name}" for path, name in files.items())


@pytest.mark.subprocess
def test_mypy_strict(example_files: dict[str, str]) -> None:
    needs("mypy")
    command = [sys.executable, "-m", "mypy", "--strict", "--no-error-summary", *example_files]
    out = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)  # ROOT: its cache
    assert (out.returncode, out.stdout) == (0, ""), out.stdout + out.stderr + which(example_files)


@pytest.mark.subprocess
def test_pyright_strict(example_files: dict[str, str]) -> None:
    needs("pyright")
    folder = Path(next(iter(example_files))).parent
    config = {"typeCheckingMode": "strict", "pythonVersion": "3.11"}
    (folder / "pyrightconfig.json").write_text(json.dumps(config), encoding="utf-8")
    command = [sys.executable, "-m", "pyright", "--outputjson", "--pythonpath", sys.executable]
    out = subprocess.run([*command, *example_files], cwd=folder, capture_output=True, text=True)
    report = out.stdout + out.stderr + which(example_files)
    assert out.returncode == 0, report
    summary = json.loads(out.stdout)["summary"]
    assert summary["filesAnalyzed"] == len(example_files), report
    assert (summary["errorCount"], summary["warningCount"]) == (0, 0), report
