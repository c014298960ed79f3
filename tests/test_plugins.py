"""The pytest plugin and the Hypothesis hook step aside, warning, when vodsnap cannot be imported.

Each test runs a fresh interpreter with a broken ``vodsnap`` package ahead of the installed one on
``sys.path``, as an environment with a too-old dependency would have it, and checks that a test
run (or ``import hypothesis``) that is not about vodsnap still works.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.subprocess  # every test here runs a fresh interpreter

BROKEN = "vodsnap cannot be imported here, on purpose"


@pytest.fixture
def broken_env(tmp_path: Path) -> dict[str, str]:
    """An environment whose ``import vodsnap`` raises, as with cattrs older than vodsnap needs."""
    shadow = tmp_path / "shadow" / "vodsnap"
    shadow.mkdir(parents=True)
    (shadow / "__init__.py").write_text(f"raise AttributeError({BROKEN!r})\n", encoding="utf-8")
    return {**os.environ, "PYTHONPATH": str(shadow.parent)}


@pytest.fixture
def unrelated_project(tmp_path: Path) -> Path:
    """A project with one passing test, where every warning is an error."""
    project = tmp_path / "project"
    project.mkdir()
    (project / "pytest.ini").write_text("[pytest]\nfilterwarnings = error\n", encoding="utf-8")
    (project / "test_unrelated.py").write_text(
        "def test_unrelated():\n    assert sum([1, 2]) == 3\n", encoding="utf-8"
    )
    return project


def run(args: list[str], env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, *args], env=env, cwd=cwd, capture_output=True, text=True, check=False
    )


def test_a_broken_vodsnap_does_not_break_an_unrelated_pytest_run(
    broken_env: dict[str, str], unrelated_project: Path
) -> None:
    result = run(["-m", "pytest", "-p", "no:cacheprovider"], broken_env, unrelated_project)
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "1 passed" in result.stdout
    assert "vodsnap's pytest plugin (its fixtures) is disabled" in output
    assert f"AttributeError: {BROKEN}" in output
    assert "-p no:vodsnap" in output


def test_the_pytest_plugin_can_be_switched_off(
    broken_env: dict[str, str], unrelated_project: Path
) -> None:
    args = ["-m", "pytest", "-p", "no:cacheprovider", "-p", "no:vodsnap"]
    result = run(args, broken_env, unrelated_project)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "pytest plugin" not in result.stdout + result.stderr


def test_a_broken_vodsnap_does_not_break_importing_hypothesis(
    broken_env: dict[str, str], tmp_path: Path
) -> None:
    code = (
        "from hypothesis import given, settings, strategies as st\n"
        "@settings(max_examples=5, database=None)\n"
        "@given(st.integers())\n"
        "def check(n): assert isinstance(n, int)\n"
        "check(); print('True')\n"
    )
    result = run(["-W", "error", "-c", code], broken_env, tmp_path)
    assert (result.returncode, result.stdout.strip()) == (0, "True"), result.stderr
    assert "vodsnap's Hypothesis hook (st.from_type) is disabled" in result.stderr
    assert f"AttributeError: {BROKEN}" in result.stderr


def test_a_working_vodsnap_registers_both_without_a_warning(
    unrelated_project: Path, tmp_path: Path
) -> None:
    (unrelated_project / "test_fixture.py").write_text(
        "def test_fixture(vodsnap_examples):\n    assert len(vodsnap_examples) == 4\n",
        encoding="utf-8",
    )
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    result = run(["-W", "error", "-m", "pytest", "-p", "no:cacheprovider"], env, unrelated_project)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "2 passed" in result.stdout
    assert "disabled" not in result.stdout + result.stderr
