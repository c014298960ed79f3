"""An MPS ``ScheduleTask`` notification (``ScheduleTaskEvent``): its tables, snapshots and summary.

Its result entries are ``ActivityResultSet``'s ``{ActivityType, ActivityResItem: {<Task key>:
{...}}}``.
"""

from __future__ import annotations

from typing import Final

from .._mps import MpsScheduleTask, MpsTaskData
from .._mps_snapshots import mps_snapshots
from ._format import Format
from .event_mps import EVENT_TYPE_KEY, envelope, payload, results
from .mps_summary import summary

__all__ = ["ENTRY_KEYS", "EVENT_TYPE", "FORMAT", "NAME"]

#: The format's name (the CLI's kind), which its summary line starts with.
NAME: Final = "mps-schedule-task"
EVENT_TYPE: Final = "ScheduleTask"
PAYLOAD_KEY: Final = "ScheduleTaskEvent"
#: A result entry's keys: its type, and the object holding its task.
ENTRY_KEYS: Final = ("ActivityType", "ActivityResItem")
TABLE: Final = envelope(
    MpsScheduleTask,
    EVENT_TYPE,
    PAYLOAD_KEY,
    payload(MpsTaskData, results("ActivityResultSet", *ENTRY_KEYS)),
)

FORMAT: Final = Format(
    name=NAME,
    title="An MPS orchestration's task (ScheduleTask)",
    model=MpsScheduleTask,
    snapshots=mps_snapshots,
    summary=summary(NAME, ENTRY_KEYS[1]),
    table=TABLE,
    type_key=EVENT_TYPE_KEY,
    type_value=EVENT_TYPE,
)
