"""``st.from_type`` for every public model, registered through Hypothesis's entry point.

The entry point itself is ``_vodsnap_plugins._hypothesis_setup_hook``, outside this package, so
that a failing ``import vodsnap`` only disables it (with a warning) instead of breaking
``import hypothesis``. Hypothesis runs the hook while it is being imported, possibly because
``vodsnap.testing`` is being imported: so the strategies are deferred, and ``vodsnap.testing`` is
looked up (as ``vodsnap._strategies``, which it re-exports) only when one is first drawn from.
"""

from __future__ import annotations

import importlib
from typing import Any

__all__ = ["register_type_strategies"]


def register_type_strategies() -> None:
    """Register a deferred strategy for each public model with ``st.register_type_strategy``."""
    from hypothesis import strategies as st

    import vodsnap

    def later(name: str, *args: Any, then: Any = None) -> Any:
        def strategy() -> Any:
            made = getattr(importlib.import_module("vodsnap._strategies"), name)(*args)
            return made if then is None else made.map(then)

        return st.deferred(strategy)

    from ._wire.registry import ENVELOPES, FORMATS

    for form in FORMATS:  # every format's model, from its bodies in the kit
        st.register_type_strategy(form.model, later("format_models", form.model))
    for envelope in ENVELOPES:  # every pull envelope's model, likewise
        st.register_type_strategy(envelope.model, later("envelope_models", envelope.model))
    st.register_type_strategy(
        vodsnap.SnapshotByTimeOffsetData, later("snapshot_events", then=lambda e: e.data)
    )
    st.register_type_strategy(vodsnap.PicInfo, later("pic_infos"))
    _register_snapshot_family()


def _register_snapshot_family() -> None:
    """``st.from_type`` for the task-flow and image-sprite models, a pulled event and
    ``Snapshot`` (#14)."""
    from hypothesis import strategies as st

    import vodsnap

    def later(make: Any) -> Any:
        return st.deferred(lambda: make(importlib.import_module("vodsnap._strategies")))

    def tasks(task_type: str, *statuses: str) -> Any:
        return lambda kit: kit.procedure_tasks(task_type, statuses=statuses or kit.TASK_STATUSES)

    def outputs(task_type: str) -> Any:
        return lambda kit: tasks(task_type, "SUCCESS")(kit).map(lambda task: task.output)

    def inputs(task_type: str) -> Any:
        return lambda kit: tasks(task_type)(kit).filter(lambda t: t.input).map(lambda t: t.input)

    made: dict[type, Any] = {
        vodsnap.ProcedureData: lambda kit: kit.procedure_events().map(lambda e: e.data),
        vodsnap.ImageSpriteData: lambda kit: kit.image_sprite_events().map(lambda e: e.data),
        vodsnap.OtherTask: tasks("Transcode"),
        vodsnap.PulledEvent: lambda kit: kit.pulled_events(),
        vodsnap.Snapshot: lambda kit: kit.snapshot_views(),
        vodsnap.TaskPicture: lambda kit: outputs("SnapshotByTimeOffset")(kit).flatmap(
            lambda output: st.sampled_from(output.pictures)
        ),
    }
    for name in ("SnapshotByTimeOffset", "SampleSnapshot", "CoverBySnapshot", "ImageSprites"):
        made[getattr(vodsnap, f"{name}Task")] = tasks(name)
        made[getattr(vodsnap, f"{name}Input")] = inputs(name)
        made[getattr(vodsnap, f"{name}Output")] = outputs(name)
    for model, make in made.items():
        st.register_type_strategy(model, later(make))
