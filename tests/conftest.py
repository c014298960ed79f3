from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, settings

from support import EXAMPLES

settings.register_profile(
    "ci", max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile("dev", max_examples=100, deadline=None)
# Before a release, or after touching a rule: VODSNAP_HYPOTHESIS=thorough python -m pytest
settings.register_profile(
    "thorough", max_examples=3000, deadline=None, suppress_health_check=list(HealthCheck)
)
settings.load_profile(
    os.environ.get("VODSNAP_HYPOTHESIS") or ("ci" if os.environ.get("CI") else "dev")
)


@pytest.fixture
def example_bytes() -> dict[str, bytes]:
    """The four documentation example bodies, byte for byte, by file stem."""
    return {path.stem: path.read_bytes() for path in sorted(EXAMPLES.glob("*.json"))}
