"""The testing kit for task flows, image sprites and pull responses: strategies, st.from_type."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import vodsnap
from vodsnap import testing

NEW_MODELS = [
    vodsnap.ProcedureStateChanged,
    vodsnap.ProcedureData,
    vodsnap.ImageSpriteComplete,
    vodsnap.ImageSpriteData,
    vodsnap.SnapshotByTimeOffsetTask,
    vodsnap.SnapshotByTimeOffsetInput,
    vodsnap.SnapshotByTimeOffsetOutput,
    vodsnap.TaskPicture,
    vodsnap.SampleSnapshotTask,
    vodsnap.SampleSnapshotInput,
    vodsnap.SampleSnapshotOutput,
    vodsnap.CoverBySnapshotTask,
    vodsnap.CoverBySnapshotInput,
    vodsnap.CoverBySnapshotOutput,
    vodsnap.ImageSpritesTask,
    vodsnap.ImageSpritesInput,
    vodsnap.ImageSpritesOutput,
    vodsnap.OtherTask,
    vodsnap.PullEventResponse,
    vodsnap.PullEventsResponse,
    vodsnap.PulledEvent,
    vodsnap.Snapshot,
]


@pytest.mark.parametrize("model", NEW_MODELS, ids=lambda m: m.__name__)
def test_from_type_builds_every_new_model(model: type) -> None:
    @settings(max_examples=10)
    @given(st.from_type(model))
    def check(value: Any) -> None:
        assert type(value) is model

    check()


@given(
    st.one_of(
        testing.procedure_event_bodies(),
        testing.image_sprite_event_bodies(),
        testing.pull_event_response_bodies(),
        testing.pull_events_response_bodies(),
    ),
    st.booleans(),
)
def test_new_bodies_decode_and_round_trip(body: dict[str, Any], strict: bool) -> None:
    pull = "eventList" in body or "Response" in body or "EventSet" in body
    if pull:  # the events inside may bring the lenient-only quirks of the snapshot event
        model: Any = vodsnap.parse_pull(body)
        assert all(pulled.error is None for pulled in model.events)
        assert vodsnap.parse_pull(vodsnap.to_wire(model)) == model
    else:
        model = vodsnap.parse(body, strict=strict)
        assert vodsnap.parse(vodsnap.to_wire(model), strict=strict) == model


@given(testing.image_sprite_event_bodies(outcome="failure"))
def test_sprite_outcomes_are_kept(body: dict[str, Any]) -> None:
    event = vodsnap.parse(body)
    assert isinstance(event, vodsnap.ImageSpriteComplete)
    assert not event.succeeded
    assert [s.url for s in vodsnap.snapshots(event)] == [None]


def test_from_type_for_pull_responses_in_a_fresh_process() -> None:
    code = (
        "from hypothesis import given, settings, strategies as st\n"
        "import vodsnap\n"
        "@settings(max_examples=5)\n"
        "@given(st.from_type(vodsnap.PullEventsResponse), st.from_type(vodsnap.Snapshot))\n"
        "def t(r, s):\n"
        "    assert isinstance(r, vodsnap.PullEventsResponse)\n"
        "    assert isinstance(s, vodsnap.Snapshot)\n"
        "t()\n"
        "print('ok')\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert done.stdout.strip() == "ok", done.stderr


def test_the_published_fixture_holds_the_repositorys_published_bodies(
    vodsnap_published_examples: dict[str, bytes],
) -> None:
    folder = Path(__file__).parent / "data" / "published"
    assert vodsnap_published_examples == {
        name: (folder / f"{name}.json").read_bytes() for name in vodsnap_published_examples
    }
    assert len(vodsnap_published_examples) == 10
    for name, body in vodsnap_published_examples.items():
        model = vodsnap.parse_pull(body) if name.endswith("pullevents") else vodsnap.parse(body)
        assert vodsnap.snapshots(model), name
