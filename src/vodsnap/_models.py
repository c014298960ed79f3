"""The decoded callbacks: frozen attrs classes with Python names and no wire knowledge.

How each field is read from and written to the wire lives in ``_wire``. The data of the
task-flow and image-sprite events are in their own modules (``_tasks``, ``_image_sprite``), and
so are the Cloud Live callbacks (``_live``) and the MPS task notifications (``_mps``).
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from datetime import UTC, datetime
from enum import Enum
from typing import TYPE_CHECKING, Any, Final, overload

from attrs import field, frozen

from ._codes import (
    EMPTY_QUEUE_ERROR_CODE,
    ApiErrorCode,
    ErrorInfo,
    FastSnapshotStatus,
    error_info,
    fast_snapshot_error_info,
)
from ._decimal import decimal_digits
from ._dunders import plain_repr
from ._image_sprite import ImageSpriteData
from ._live import LiveModeration, LiveScreenshot, UnknownLiveEvent
from ._mps import MpsScheduleTask, MpsWorkflowTask
from ._tasks import ProcedureData, ProcedureStatus, ProcedureTask, TaskStatus
from ._units import Milliseconds

if TYPE_CHECKING:
    from ._errors import DecodeError

__all__ = [
    "Callback",
    "Event",
    "EventFormat",
    "FastSnapshotCallback",
    "FrozenDict",
    "ImageSpriteComplete",
    "Milliseconds",
    "PicInfo",
    "ProcedureStateChanged",
    "PullEventResponse",
    "PullEventsResponse",
    "PullResponse",
    "PulledEvent",
    "SnapshotByTimeOffsetComplete",
    "SnapshotByTimeOffsetData",
    "UnknownEvent",
    "freeze_json",
    "thaw",
]


class EventFormat(Enum):
    """The wire shape an event arrived in; ``to_wire`` writes it back in the same shape.

    :cvar V4: VOD event notification 4.0: ``version``, ``eventType``, ``data``.
    :cvar API3: API 3.0 (2018-07-17): ``EventType``, a payload such as
        ``SnapshotByTimeOffsetCompleteEvent``, and ``EventHandle`` when pulled.
    """

    V4 = "4.0"
    API3 = "3.0"


@frozen(kw_only=True)
@plain_repr
class FastSnapshotCallback:
    """A fast-snapshot result callback: one video, N snapshots.

    Times are timezone-aware; the wire sends Beijing time (UTC+08:00) without an offset.

    :ivar vid: The video's id.
    :ivar app_id: The customer's Tencent Cloud app id.
    :ivar bucket_name: The COS bucket the video was read from.
    :ivar bucket_region: That bucket's region, in the short form the service uses (e.g. ``"sh"``).
    :ivar url: The source video's original URL.
    :ivar duration: Video length in seconds (``0`` on failure).
    :ivar width: Video width in pixels (``0`` on failure).
    :ivar height: Video height in pixels (``0`` on failure).
    :ivar create_time: When the task was created.
    :ivar finish_time: When the task finished.
    :ivar status: Success, failure, or (query API only) processing.
    :ivar result: The snapshots' URLs, in the order sent (empty on failure).
    :ivar error_code: The error code as text (the wire sends a number or a string), ``None`` on
        success.
    :ivar error_msg: The error message as sent (often Chinese), ``None`` on success.
    :ivar deleted: Whether the service deleted the source video.
    """

    vid: str
    app_id: int
    bucket_name: str
    bucket_region: str
    url: str
    duration: int
    width: int
    height: int
    create_time: datetime
    finish_time: datetime
    status: FastSnapshotStatus
    result: tuple[str, ...]
    error_code: str | None = None
    error_msg: str | None = None
    deleted: bool = False

    @property
    def succeeded(self) -> bool:
        """Whether the task succeeded (``status`` is ``SUCCESS``)."""
        return self.status is FastSnapshotStatus.SUCCESS

    @property
    def error(self) -> ErrorInfo | None:
        """What ``error_code`` means, for a failed task.

        ``None`` unless the task failed with a numeric code (an integer, however long, that
        Python converts: up to 4,300 digits by default); then ``error_msg`` is all there is.
        """
        if self.status is not FastSnapshotStatus.FAILURE or self.error_code is None:
            return None
        if decimal_digits(self.error_code) is None:
            return None
        try:
            code = int(self.error_code)
        except ValueError:  # more digits than Python converts (sys.set_int_max_str_digits)
            return None
        return fast_snapshot_error_info(code)

    @property
    def idempotency_key(self) -> str:
        """Equal for Tencent's resends of one result, different for different results.

        Made of the video, the task's times (as instants, whatever offset they were sent with)
        and its status. Store it to handle each result once: the callback can arrive three times.
        """
        times = ":".join(
            moment.astimezone(UTC).strftime("%Y%m%dT%H%M%S.%fZ")
            for moment in (self.create_time, self.finish_time)
        )
        return f"fast-snapshot:{self.vid}:{times}:{self.status.value}"


@frozen(kw_only=True)
@plain_repr
class PicInfo:
    """One picture of a snapshot-by-time-offset task.

    :ivar time_offset: Where in the video the picture was taken, in milliseconds.
    :ivar status: ``0`` on success; any other value is a video-processing error code, known or not.
    :ivar url: The picture's URL; ``None`` when the picture failed (the wire omits the key, or
        API 3.0 sends ``null``). A decoded picture with ``status`` 0 always has one: a body with
        a picture taken but no URL is refused.
    """

    time_offset: int
    status: int
    url: str | None = None

    @property
    def ok(self) -> bool:
        """Whether this picture was taken (``status == 0``; then it has its ``url``)."""
        return self.status == 0

    @property
    def error(self) -> ErrorInfo | None:
        """What ``status`` means when the picture failed; ``None`` when it was taken."""
        return None if self.status == 0 else error_info(self.status)


@frozen(kw_only=True)
@plain_repr
class SnapshotByTimeOffsetData:
    """The ``data`` of a ``CreateSnapshotByTimeOffsetComplete`` event.

    :ivar vod_task_id: The task's id.
    :ivar file_id: The media file's id, as text (ids exceed 64-bit integers).
    :ivar definition: The snapshot template id.
    :ivar pic_info: One entry per requested time offset.
    :ivar status: The task's own status, when sent (4.0 only): ``0`` success, any other value an
        error code for the task as a whole (its pictures are then usually empty).
    :ivar message: The task's message, when sent (4.0 only).
    """

    vod_task_id: str
    file_id: str
    definition: int
    pic_info: tuple[PicInfo, ...]
    status: int | None = None
    message: str | None = None


@frozen(kw_only=True)
@plain_repr
class _Notification:
    """The envelope of an event, either shape: version, type, and how it arrived.

    :ivar version: The notification version as text: ``"4.0"`` (API 3.0 events read ``"4.0"`` too).
    :ivar event_type: The event's type, as sent.
    :ivar wire_format: The shape it arrived in (not part of equality: both shapes carry the same
        event).
    :ivar event_handle: API 3.0 only: the handle to confirm a pulled event with (not part of
        equality).
    """

    version: str
    event_type: str
    wire_format: EventFormat = field(default=EventFormat.V4, eq=False)
    event_handle: str | None = field(default=None, eq=False)


@frozen(kw_only=True)
@plain_repr
class SnapshotByTimeOffsetComplete(_Notification):
    """The event ``CreateSnapshotByTimeOffsetComplete`` (VOD event notification 4.0, or the
    same in the API 3.0 shape); ``event_type`` is always that name.

    :ivar data: The task's result.
    """

    data: SnapshotByTimeOffsetData

    @property
    def idempotency_key(self) -> str:
        """Equal for every delivery of one task's result (resends, either shape, pulled or
        pushed), different for different tasks: the event type and the task id."""
        return f"{self.event_type}:{self.data.vod_task_id}"

    @property
    def succeeded(self) -> bool:
        """Whether the task succeeded: no task-level failure (``data.status`` absent or ``0``)
        and every picture taken (true, vacuously, of a successful task with no pictures)."""
        return not self.data.status and all(pic.ok for pic in self.data.pic_info)

    @property
    def error(self) -> ErrorInfo | None:
        """What a task-level failure's ``data.status`` means; ``None`` when the task as a whole
        did not fail (see ``failed_pictures`` for the pictures)."""
        return error_info(self.data.status) if self.data.status else None

    @property
    def failed_pictures(self) -> tuple[PicInfo, ...]:
        """The pictures that failed, in the order sent."""
        return tuple(pic for pic in self.data.pic_info if not pic.ok)


@frozen(kw_only=True)
@plain_repr
class ProcedureStateChanged(_Notification):
    """The event ``ProcedureStateChanged``: a task flow (procedure, ``ProcessMedia``) changed
    state. With notify mode "Change" the same task flow arrives once per task change.

    :ivar data: The task flow and its tasks.
    """

    data: ProcedureData

    @property
    def idempotency_key(self) -> str:
        """Equal for every delivery of one state of one task flow (resends, either shape),
        different for another task flow or another state of it: the task id and a digest of
        the flow's and each task's status and code."""
        state = [
            self.data.status.value,
            self.data.err_code or 0,
            [[task.task_type, str(task.status), task.err_code or 0] for task in self.data.tasks],
        ]
        return f"{self.event_type}:{self.data.vod_task_id}:{_sha256(json.dumps(state))[:32]}"

    @property
    def finished(self) -> bool:
        """Whether the task flow has ended (status ``FINISH``)."""
        return self.data.status is ProcedureStatus.FINISH

    @property
    def failed_tasks(self) -> tuple[ProcedureTask, ...]:
        """The tasks that failed, in wire order."""
        failed = TaskStatus.FAIL
        return tuple(task for task in self.data.tasks if task.status is failed)


@frozen(kw_only=True)
@plain_repr
class ImageSpriteComplete(_Notification):
    """The event ``CreateImageSpriteComplete``: image sprites made for a file.

    :ivar data: The task's result.
    """

    data: ImageSpriteData

    @property
    def idempotency_key(self) -> str:
        """The same for each delivery of one sprite task (either shape), another for another
        task: ``CreateImageSpriteComplete:<task id>``."""
        return f"{self.event_type}:{self.data.vod_task_id}"

    @property
    def succeeded(self) -> bool:
        """Whether the task succeeded: ``status`` is ``0`` or not sent."""
        return not self.data.status

    @property
    def error(self) -> ErrorInfo | None:
        """What ``status`` means when the task failed; ``None`` when it succeeded."""
        return error_info(self.data.status) if self.data.status else None


class FrozenDict(Mapping[str, Any]):
    """A read-only, hashable mapping: how :class:`UnknownEvent` holds the raw ``data``.

    Nested objects are ``FrozenDict`` too and nested arrays are tuples, so the whole value is
    immutable and an ``UnknownEvent`` can be hashed like every other model.
    """

    # ``_raw``: ``_data`` may still hold the parser's own dicts and lists (see ``_of_json``),
    # each made a FrozenDict or a tuple where it is first read.
    __slots__ = ("_data", "_hash", "_raw")

    _data: dict[str, Any]
    _hash: int | None
    _raw: bool

    def __init__(self, data: Mapping[str, Any] = {}) -> None:
        self._data = dict(data)
        self._hash = None
        self._raw = False

    @classmethod
    def _of_json(cls, data: dict[str, Any]) -> FrozenDict:
        """``data``, a JSON object just read by vodsnap's own parser and given away
        (nothing else may hold or change it), frozen without a walk: its nested objects and arrays
        become ``FrozenDict`` s and tuples when first read. Decoding an unknown event costs
        nothing per node, however large its ``data``."""
        frozen = object.__new__(cls)
        frozen._data = data
        frozen._hash = None
        frozen._raw = True
        return frozen

    def __getitem__(self, key: str) -> Any:
        value = self._data[key]
        if self._raw and isinstance(value, dict | list):  # a FrozenDict or tuple is neither
            value = self._data[key] = freeze_json(value)  # a race makes two equal values
        return value

    def __iter__(self) -> Iterator[str]:
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)

    def __hash__(self) -> int:
        if self._hash is None:
            self._hash = hash(frozenset(self._frozen().items()))
        return self._hash

    def __eq__(self, other: object) -> bool:
        if isinstance(other, FrozenDict):
            return self._frozen() == other._frozen()
        if isinstance(other, Mapping):
            return self._frozen() == dict(other.items())
        return NotImplemented

    def __repr__(self) -> str:
        return f"FrozenDict({self._frozen()!r})"

    def _frozen(self) -> dict[str, Any]:
        """``_data`` with every value frozen (their own values as they are read)."""
        if self._raw:
            data = self._data
            for key, value in data.items():  # replacing a value is no change of size
                if isinstance(value, dict | list):
                    data[key] = freeze_json(value)
            self._raw = False
        return self._data


@overload
def freeze_json(value: dict[str, Any]) -> FrozenDict: ...
@overload
def freeze_json(value: list[Any]) -> tuple[Any, ...]: ...
def freeze_json(value: dict[str, Any] | list[Any]) -> FrozenDict | tuple[Any, ...]:
    """A JSON object or array read by vodsnap's own parser (and given away), frozen: an object
    at once and its values when read (``FrozenDict._of_json``), an array as a tuple now."""
    if not isinstance(value, list):
        return FrozenDict._of_json(value)
    return _tuple_of(value)


#: The types of JSON's scalars as parsed: an array of nothing else has nothing to freeze.
_SCALARS: Final = frozenset({str, int, float, bool, type(None)})


def _tuple_of(array: list[Any]) -> tuple[Any, ...]:
    """``array`` (the parser's) as a tuple, its objects and arrays frozen: no Python call an
    item that is neither (an array of scalars is seen to be one in C). ``array`` itself is not
    changed: a pulled entry that fails keeps it, as received, as its error's body."""
    if _SCALARS.issuperset(map(type, array)):
        return tuple(array)
    return tuple(
        [
            _tuple_of(item)
            if isinstance(item, list)
            else FrozenDict._of_json(item)
            if isinstance(item, dict)
            else item
            for item in array
        ]
    )


@frozen(kw_only=True)
@plain_repr
class UnknownEvent(_Notification):
    """A well-formed event notification of a type vodsnap does not model (e.g.
    ``"NewFileUpload"``). Not an error: route it, store it, or ignore it.

    :ivar data: The event's ``data`` exactly as sent, read-only (objects as mappings, arrays as
        tuples). For the API 3.0 shape, the whole event but ``EventType``, ``EventHandle``,
        ``Sign``, ``T``.
    """

    data: Mapping[str, Any]

    @property
    def idempotency_key(self) -> str:
        """Equal for resends of one event, different for different events: a digest of the event
        type and its whole ``data`` (vodsnap cannot know which of an unknown event's fields
        identify it)."""
        canonical = json.dumps(
            [self.event_type, thaw(self.data)], sort_keys=True, ensure_ascii=True
        )
        return f"{self.event_type}:sha256:{_sha256(canonical)}"


def _sha256(text: str) -> str:
    """The SHA-256 of ASCII ``text``, in hex (``hashlib`` imported only when first needed)."""
    import hashlib

    return hashlib.sha256(text.encode("ascii")).hexdigest()


def thaw(value: Any) -> Any:
    """A frozen value as plain JSON-ready data: mappings as dicts, tuples as lists."""
    if isinstance(value, Mapping):
        return {k: thaw(v) for k, v in value.items()}
    if isinstance(value, tuple):
        return [thaw(v) for v in value]
    return value


@frozen(kw_only=True)
@plain_repr
class PulledEvent:
    """One event of a pull response: exactly one of ``event`` and ``error`` is ``None``.

    A malformed event never hides the others; confirm every ``msg_handle`` either way.

    :ivar msg_handle: The handle to confirm the event with (``msgHandle``, or API 3.0's
        ``EventHandle``); ``None`` only when the entry had no usable handle, and then ``error`` says
        so.
    :ivar event: The decoded event.
    :ivar error: Why the event could not be decoded; its ``body`` is the event as received.
    """

    msg_handle: str | None
    event: Event | None = None
    error: DecodeError | None = None


@frozen(kw_only=True)
@plain_repr
class PullEventResponse:
    """A response of the old ``PullEvent`` API: ``code``, ``message``, ``eventList``.

    :ivar code: ``0`` when the pull succeeded.
    :ivar message: The response's message.
    :ivar events: The events, in the order received.
    """

    code: int
    message: str
    events: tuple[PulledEvent, ...] = ()

    @property
    def ok(self) -> bool:
        """Whether the pull itself succeeded (``code == 0``)."""
        return self.code == 0

    @property
    def queue_empty(self) -> bool:
        """Whether the pull succeeded and found no event (``code == 0``, ``eventList`` empty,
        ``null`` or absent). A non-zero ``code`` is never read as an empty queue: one old
        sample of Tencent's treats ``4000`` so, but the documentation lists ``4000`` as an
        invalid parameter (``api_error`` is then ``INVALID_PARAMETER``)."""
        return self.code == 0 and not self.events

    @property
    def api_error(self) -> ApiErrorCode | None:
        """The code as an :class:`ApiErrorCode`; ``None`` on success or for an unknown code."""
        if self.code == 0:
            return None
        try:
            return ApiErrorCode(self.code)
        except ValueError:
            return None


@frozen(kw_only=True)
@plain_repr
class PullEventsResponse:
    """A response of the API 3.0 ``PullEvents``: ``Response.EventSet`` or ``Response.Error``
    (or the same without the ``Response`` wrapper, as the official SDK serialises it).

    :ivar request_id: The request's id, for Tencent's support.
    :ivar events: The events, in the order received.
    :ivar error_code: ``Response.Error.Code`` (e.g. ``"InternalError"``) when the pull failed.
    :ivar error_message: ``Response.Error.Message`` when the pull failed.
    :ivar wrapped: Whether it came inside ``Response`` as the HTTP API sends it; ``False`` for the
        SDK's own serialisation (``{"EventSet": ..., "RequestId": ...}``), which ``to_wire`` then
        writes back (not part of equality).
    """

    request_id: str
    events: tuple[PulledEvent, ...] = ()
    error_code: str | None = None
    error_message: str | None = None
    wrapped: bool = field(default=True, eq=False)

    @property
    def ok(self) -> bool:
        """Whether the pull itself succeeded (no ``Response.Error``). ``False`` for an empty
        queue, which PullEvents answers with the error ``ResourceNotFound``: see
        ``queue_empty``."""
        return self.error_code is None

    @property
    def queue_empty(self) -> bool:
        """Whether the queue had no event to give: ``Response.Error.Code`` is
        ``"ResourceNotFound"`` (how PullEvents answers an empty queue), or the pull succeeded
        with ``EventSet`` empty, ``null`` or absent."""
        if self.error_code is None:
            return not self.events
        return self.error_code == EMPTY_QUEUE_ERROR_CODE


#: Every event ``parse_event`` returns (and a pulled event holds).
Event = SnapshotByTimeOffsetComplete | ProcedureStateChanged | ImageSpriteComplete | UnknownEvent
#: Everything ``parse`` returns.
Callback = (
    FastSnapshotCallback
    | SnapshotByTimeOffsetComplete
    | ProcedureStateChanged
    | ImageSpriteComplete
    | UnknownEvent
    | LiveScreenshot
    | LiveModeration
    | UnknownLiveEvent
    | MpsWorkflowTask
    | MpsScheduleTask
)
#: Every pull response ``parse_pull`` returns.
PullResponse = PullEventResponse | PullEventsResponse
