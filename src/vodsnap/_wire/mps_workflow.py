"""An MPS ``WorkflowTask`` notification (``WorkflowTaskEvent``): its tables, snapshots and summary.

Its result entries are ``MediaProcessResultSet``'s ``{Type, <Task key>: {...}}``, the other
task keys ``null`` beside it.
"""

from __future__ import annotations

from typing import Final

from .._mps import MpsTaskData, MpsWorkflowTask
from .._mps_snapshots import mps_snapshots
from ._format import Format
from .event_mps import EVENT_TYPE_KEY, envelope, payload, results
from .mps_summary import summary

__all__ = ["ENTRY_KEYS", "EVENT_TYPE", "FORMAT", "NAME"]

#: The format's name (the CLI's kind), which its summary line starts with.
NAME: Final = "mps-workflow-task"
EVENT_TYPE: Final = "WorkflowTask"
PAYLOAD_KEY: Final = "WorkflowTaskEvent"
#: A result entry's keys: its type (its task beside it).
ENTRY_KEYS: Final = ("Type", None)
TABLE: Final = envelope(
    MpsWorkflowTask,
    EVENT_TYPE,
    PAYLOAD_KEY,
    payload(MpsTaskData, results("MediaProcessResultSet", *ENTRY_KEYS)),
)

FORMAT: Final = Format(
    name=NAME,
    title="An MPS workflow's task (WorkflowTask)",
    model=MpsWorkflowTask,
    snapshots=mps_snapshots,
    summary=summary(NAME, ENTRY_KEYS[1]),
    table=TABLE,
    type_key=EVENT_TYPE_KEY,
    type_value=EVENT_TYPE,
)
