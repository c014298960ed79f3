"""An MPS ``ScheduleTask`` notification (``ScheduleTaskEvent``): its tables, snapshots and summary.

Its result entries are ``ActivityResultSet``'s ``{ActivityType, ActivityResItem: {<Task key>:
{...}}}``.
"""

from __future__ import annotations

from typing import Final

from .._mps import MpsScheduleTask, MpsTaskData
from .._mps_snapshots import mps_snapshots, summary
from ._format import Format
from .event_mps import EVENT_TYPE_KEY, envelope, payload, results

__all__ = ["ENTRY_KEYS", "EVENT_TYPE", "FORMAT"]

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
    name="mps-schedule-task",
    title="An MPS orchestration's task (ScheduleTask)",
    model=MpsScheduleTask,
    snapshots=mps_snapshots,
    summary=lambda m: summary("mps-schedule-task", m),
    table=TABLE,
    type_key=EVENT_TYPE_KEY,
    type_value=EVENT_TYPE,
)
