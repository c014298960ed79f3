from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import HealthCheck, settings

from support import EXAMPLES

# The pytest runs the tests start in fresh interpreters (tests/test_plugins.py) must not inherit
# the options of the run around them, which pytest has read by now (CI passes -n auto this way).
# pytester's runpytest_subprocess drops it too.
os.environ.pop("PYTEST_ADDOPTS", None)

# The profile comes from VODSNAP_HYPOTHESIS, else "ci" when CI is set, else "dev".
settings.register_profile(
    "ci", max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile("dev", max_examples=100, deadline=None)
# CI's other Python versions and the dependency floors: every property still runs, on fewer
# examples (the "ci" profile runs in CI's main job, on the main Python).
settings.register_profile(
    "quick", max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
# CI's legs (the other Pythons, the floors): they prove the suite passes there, every property
# drawn; the evidence of many examples comes from the main job's "ci" run, on every core.
settings.register_profile(
    "legs", max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
# Before a release, or after touching a rule: VODSNAP_HYPOTHESIS=thorough python -m pytest
settings.register_profile(
    "thorough", max_examples=3000, deadline=None, suppress_health_check=list(HealthCheck)
)
settings.load_profile(
    os.environ.get("VODSNAP_HYPOTHESIS") or ("ci" if os.environ.get("CI") else "dev")
)


@pytest.fixture(autouse=True)
def _subprocess_needs_its_mark(request: pytest.FixtureRequest) -> Iterator[None]:
    """Fail a test that starts a process without ``@pytest.mark.subprocess``.

    CI leaves the marked tests out of its quicker jobs (``-m "not subprocess"``); the mark must be
    true for that to leave out exactly the tests that pay for a fresh interpreter.
    """
    if request.node.get_closest_marker("subprocess") is not None:
        yield
        return
    nodeid = request.node.nodeid

    def refuse(self: subprocess.Popen[Any], *args: object, **kwargs: object) -> None:
        raise AssertionError(f"{nodeid} starts a subprocess: mark it @pytest.mark.subprocess")

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(subprocess.Popen, "__init__", refuse)
        yield


@pytest.fixture
def example_bytes() -> dict[str, bytes]:
    """The four documentation example bodies, byte for byte, by file stem."""
    return {path.stem: path.read_bytes() for path in sorted(EXAMPLES.glob("*.json"))}
