"""``st.from_type`` for every public model, registered through Hypothesis's entry point.

The entry point itself is ``_vodsnap_plugins._hypothesis_setup_hook``, outside this package, so
that a failing ``import vodsnap`` only disables it (with a warning) instead of breaking
``import hypothesis``. Hypothesis runs the hook while it is being imported, possibly because
``vodsnap.testing`` is being imported: so the strategies are deferred, and ``vodsnap.testing`` is
looked up only when one is first drawn from.
"""

from __future__ import annotations

import importlib
from typing import Any

__all__ = ["register_type_strategies"]


def register_type_strategies() -> None:
    """Register a deferred strategy for each public model with ``st.register_type_strategy``."""
    from hypothesis import strategies as st

    import vodsnap

    def later(name: str, then: Any = None) -> Any:
        def strategy() -> Any:
            made = getattr(importlib.import_module("vodsnap.testing"), name)()
            return made if then is None else made.map(then)

        return st.deferred(strategy)

    st.register_type_strategy(vodsnap.FastSnapshotCallback, later("fast_snapshot_callbacks"))
    st.register_type_strategy(vodsnap.SnapshotByTimeOffsetComplete, later("snapshot_events"))
    st.register_type_strategy(
        vodsnap.SnapshotByTimeOffsetData, later("snapshot_events", lambda e: e.data)
    )
    st.register_type_strategy(vodsnap.PicInfo, later("pic_infos"))
    st.register_type_strategy(vodsnap.UnknownEvent, later("unknown_events"))
