"""vodsnap's pytest fixtures for testing handlers.

The ``pytest11`` entry point, ``_vodsnap_plugins`` (outside this package), registers this module
once ``import vodsnap`` has worked, and only warns if it has not. It imports nothing beyond pytest
and vodsnap (no Hypothesis), so that installing vodsnap never breaks a pytest run.
"""

from __future__ import annotations

import pytest

from ._examples import (
    BodyFactory,
    example_bodies,
    fast_snapshot_body,
    published_bodies,
    snapshot_event_body,
)

__all__ = [
    "make_fast_snapshot_body",
    "make_snapshot_event_body",
    "vodsnap_examples",
    "vodsnap_published_examples",
]


@pytest.fixture
def vodsnap_examples() -> dict[str, bytes]:
    """The documentation's four example bodies as bytes, by name (see ``example_bodies``)."""
    return example_bodies()


@pytest.fixture
def make_fast_snapshot_body() -> BodyFactory:
    """A factory: ``make_fast_snapshot_body(status=4)`` is a valid failure body, as bytes."""
    return fast_snapshot_body


@pytest.fixture
def make_snapshot_event_body() -> BodyFactory:
    """A factory: ``make_snapshot_event_body(fileId=OMIT)`` is a body missing ``data.fileId``."""
    return snapshot_event_body


@pytest.fixture
def vodsnap_published_examples() -> dict[str, bytes]:
    """Tencent's published task-flow, image-sprite, Cloud Live and MPS bodies as bytes, by name (see
    ``vodsnap._examples.published_bodies``): 4.0 and API 3.0, pushed and pulled; a Cloud Live
    screenshot and a flagged screenshot; an MPS workflow task."""
    return published_bodies()
