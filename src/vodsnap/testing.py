"""Test helpers for handlers of Tencent Cloud snapshot callbacks: bodies to feed them.

Without Hypothesis: the documentation's example bodies (``example_bodies``), valid bodies with
fields replaced (``fast_snapshot_body``, ``snapshot_event_body``; ``OMIT`` removes one), and
bodies signed as Tencent signs them (``sign``), as the pytest fixtures use them; and
``BodyFactory``, the type to annotate the factory fixtures with.

With Hypothesis (``pip install 'vodsnap[testing]'``): strategies of bodies and models. Every
body they make decodes with ``vodsnap.parse``; with ``quirks=True`` they also bring every
documented quirk of the wire (``delete`` for ``deleted``, numbers as strings, ``null`` codes,
JSON-escaped slashes, ``"version": 4``, the API 3.0 shape). Failing examples shrink to small,
readable bodies. Without Hypothesis, using a strategy raises ``ImportError`` saying what to
install.

>>> from hypothesis import given
>>> from vodsnap import testing
>>> @given(testing.bodies().map(testing.encode))
... def test_handler_accepts_every_callback(body: bytes) -> None:
...     handle(body)

Once Hypothesis is imported, ``st.from_type`` works for every public model, with no setup
(vodsnap registers its strategies through Hypothesis's plugin entry point).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ._examples import (
    OMIT,
    BodyFactory,
    example_bodies,
    fast_snapshot_body,
    sign,
    snapshot_event_body,
)

try:
    from ._strategies import (
        Outcome,
        bodies,
        encode,
        event_bodies,
        fast_snapshot_bodies,
        fast_snapshot_callbacks,
        image_sprite_event_bodies,
        image_sprite_events,
        live_event_bodies,
        live_moderation_bodies,
        live_moderations,
        live_screenshot_bodies,
        live_screenshots,
        mps_bodies,
        mps_schedule_task_bodies,
        mps_schedule_tasks,
        mps_workflow_task_bodies,
        mps_workflow_tasks,
        pic_infos,
        procedure_event_bodies,
        procedure_events,
        procedure_tasks,
        pull_event_response_bodies,
        pull_event_responses,
        pull_events_response_bodies,
        pull_events_responses,
        pull_response_bodies,
        pulled_events,
        quirked,
        signed_event_bodies,
        snapshot_event_bodies,
        snapshot_events,
        snapshot_views,
        unknown_event_bodies,
        unknown_events,
        unknown_live_event_bodies,
        unknown_live_events,
    )
except ModuleNotFoundError as missing:  # pragma: no cover - tested in a subprocess
    if missing.name != "hypothesis":
        raise
    if not TYPE_CHECKING:  # type checkers see every name: they are there once it is installed

        def __getattr__(name: str) -> Any:
            if name in __all__:
                raise ImportError(
                    f"vodsnap.testing.{name} needs Hypothesis: pip install 'vodsnap[testing]'",
                    name="hypothesis",
                )
            raise AttributeError(f"module 'vodsnap.testing' has no attribute {name!r}")


__all__ = [
    "OMIT",
    "BodyFactory",
    "Outcome",
    "bodies",
    "encode",
    "event_bodies",
    "example_bodies",
    "fast_snapshot_bodies",
    "fast_snapshot_body",
    "fast_snapshot_callbacks",
    "image_sprite_event_bodies",
    "image_sprite_events",
    "live_event_bodies",
    "live_moderation_bodies",
    "live_moderations",
    "live_screenshot_bodies",
    "live_screenshots",
    "mps_bodies",
    "mps_schedule_task_bodies",
    "mps_schedule_tasks",
    "mps_workflow_task_bodies",
    "mps_workflow_tasks",
    "pic_infos",
    "procedure_event_bodies",
    "procedure_events",
    "procedure_tasks",
    "pull_event_response_bodies",
    "pull_event_responses",
    "pull_events_response_bodies",
    "pull_events_responses",
    "pull_response_bodies",
    "pulled_events",
    "quirked",
    "sign",
    "signed_event_bodies",
    "snapshot_event_bodies",
    "snapshot_event_body",
    "snapshot_events",
    "snapshot_views",
    "unknown_event_bodies",
    "unknown_events",
    "unknown_live_event_bodies",
    "unknown_live_events",
]
