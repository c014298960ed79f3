"""The testing kit for task flows, image sprites and pull responses: strategies, st.from_type."""

from __future__ import annotations

import functools
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import Phase, find, given, settings
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


@pytest.mark.subprocess
def test_from_type_for_pull_responses_in_a_fresh_process() -> None:
    code = (
        "from hypothesis import HealthCheck, given, settings, strategies as st\n"
        "import vodsnap\n"
        # what it proves is the types; a loaded machine makes drawing whole queues look slow
        "@settings(max_examples=5, deadline=None, suppress_health_check=[HealthCheck.too_slow])\n"
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
    assert len(vodsnap_published_examples) == 11
    for name, body in vodsnap_published_examples.items():
        model = vodsnap.parse_pull(body) if name.endswith("pullevents") else vodsnap.parse(body)
        assert vodsnap.snapshots(model), name


def test_the_kit_answers_an_empty_queue_as_pullevents_does() -> None:
    """Among PullEvents responses, the kit draws the empty queue as Tencent answers it: the
    error ``ResourceNotFound``, which decodes as ``queue_empty`` (and not ``ok``)."""
    body = find(
        testing.pull_events_response_bodies(),
        lambda b: "Error" in b.get("Response", {}),
        # any example will do; find stops at the first, so a small profile's few examples
        # (about one in twelve responses is an empty queue) must not be the bound
        settings=settings(database=None, phases=[Phase.generate], max_examples=1000),
    )
    response = vodsnap.parse_pull_events(body)
    assert (response.error_code, response.queue_empty, response.ok) == (
        "ResourceNotFound",
        True,
        False,
    )


@pytest.mark.shrinks
def test_the_kit_draws_both_readings_of_a_sample_snapshot_output() -> None:
    """A published translation sends a SampleSnapshot's pictures as ``PicInfoSet`` ({TimeOffset,
    Url}) where the SDK has ``ImageUrlSet``: the kit draws both, and both list every image."""

    def sample_output(body: dict[str, Any], key: str) -> bool:
        event = body.get("ProcedureStateChangeEvent") or {}
        return any(
            key in ((r.get("SampleSnapshotTask") or {}).get("Output") or {})
            for r in event.get("MediaProcessResultSet") or ()
        )

    strategy = testing.procedure_event_bodies(task_types=("SampleSnapshot",), statuses=("SUCCESS",))
    no_database = settings(database=None)
    for key in ("PicInfoSet", "ImageUrlSet"):
        found = find(strategy, functools.partial(sample_output, key=key), settings=no_database)
        shots = vodsnap.snapshots(vodsnap.parse(found, strict=True))
        assert shots
        assert all(s.kind is vodsnap.SnapshotKind.SAMPLE and s.ok for s in shots)
        if key == "PicInfoSet":
            assert all(s.time_offset is not None for s in shots)
