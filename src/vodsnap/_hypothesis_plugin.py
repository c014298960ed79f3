"""vodsnap's Hypothesis plugin (the ``hypothesis`` entry point): ``st.from_type`` for every
public model, with no setup.

Hypothesis runs the hook while it is being imported, possibly because ``vodsnap.testing`` is
being imported: so the strategies are deferred, and ``vodsnap.testing`` is looked up only when
one is first drawn from.
"""

from __future__ import annotations

import importlib
from typing import Any


def _hypothesis_setup_hook() -> None:
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
