"""One view of every snapshot: ``snapshots(model)``, whichever of five shapes delivered it.

The fast-snapshot callback, the snapshot event, a task flow's snapshot tasks and the image-sprite
event all become the same ``Snapshot`` records, in wire order: every image produced, and every
failure the wire reports (``url=None`` with its ``error``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from enum import Enum
from functools import partial

from attrs import field, frozen

from ._codes import ErrorInfo, FastSnapshotStatus, error_info
from ._models import (
    Callback,
    FastSnapshotCallback,
    ImageSpriteComplete,
    ProcedureStateChanged,
    PullEventResponse,
    PullEventsResponse,
    SnapshotByTimeOffsetComplete,
)
from ._tasks import (
    CoverBySnapshotTask,
    ImageSpritesTask,
    Milliseconds,
    OtherTask,
    ProcedureTask,
    SampleSnapshotTask,
    SnapshotByTimeOffsetTask,
    TaskStatus,
    task_error,
)

__all__ = ["Snapshot", "SnapshotKind", "snapshots"]


class SnapshotKind(Enum):
    """Which kind of image a :class:`Snapshot` is."""

    #: A fast-snapshot callback's image.
    FAST = "fast"
    #: A picture at a time offset: the snapshot event, or a task flow's SnapshotByTimeOffset.
    TIME_OFFSET = "time_offset"
    #: A sampled picture (a task flow's SampleSnapshot).
    SAMPLE = "sample"
    #: A cover (a task flow's CoverBySnapshot).
    COVER = "cover"
    #: One image sprite sheet (CreateImageSpriteComplete, or a task flow's ImageSprites).
    SPRITE = "sprite"


@frozen(kw_only=True)
class Snapshot:
    """One image, or one reported failure to make one (then ``url`` is ``None``)."""

    #: What kind of image it is.
    kind: SnapshotKind
    #: The VOD file id; ``None`` for the fast-snapshot callback, whose video is ``source.vid``
    #: in the bucket ``source.bucket_name`` (``source.url`` is its URL).
    file_id: str | None
    #: The template id, where the wire names one.
    definition: int | None = None
    #: Milliseconds into the video: an ``int``, or a ``float`` when the wire sends a fraction;
    #: ``None`` where the wire gives no offset.
    time_offset: Milliseconds | None = None
    #: The image's URL; ``None`` for a failure.
    url: str | None = None
    #: What the failure code means (a task's textual ``ErrCodeExt`` too, as
    #: ``known=False``); ``None`` for an image, and for a fast-snapshot failure whose
    #: ``error_code`` is not a number or is missing (see ``error_code``).
    error: ErrorInfo | None = None
    #: The failure's code as sent: a video-processing code, a task's textual ``ErrCodeExt``,
    #: or the fast-snapshot ``error_code`` (text); ``None`` for an image.
    error_code: int | str | None = None
    #: The decoded callback or event it came from (not part of equality).
    source: Callback = field(eq=False, repr=False)

    @property
    def ok(self) -> bool:
        """Whether this is an image (it has a URL), not a failure."""
        return self.url is not None


def snapshots(
    model: Callback | PullEventResponse | PullEventsResponse,
) -> tuple[Snapshot, ...]:
    """Every snapshot a decoded model reports, in wire order.

    Takes anything :func:`parse`, :func:`parse_event` or the pull decoders return. Every image
    produced is listed; every failure the wire reports is listed with ``url=None`` and its
    ``error``: a picture with a non-zero status; a task or callback that failed as a whole gives
    one entry per offset its input requested, or one with ``time_offset=None`` when it names
    none. Tasks still running give nothing; an :class:`UnknownEvent` gives ``()``; a pull
    response gives the snapshots of the events it decoded, in order.
    """
    if isinstance(model, PullEventResponse | PullEventsResponse):
        return tuple(
            shot
            for pulled in model.events
            if pulled.event is not None
            for shot in snapshots(pulled.event)
        )
    return tuple(_of(model))


def _of(model: Callback) -> Iterator[Snapshot]:
    if isinstance(model, FastSnapshotCallback):
        yield from _fast(model)
    elif isinstance(model, SnapshotByTimeOffsetComplete):
        yield from _snapshot_event(model)
    elif isinstance(model, ProcedureStateChanged):
        for task in model.data.tasks:
            yield from _task(model, task)
    elif isinstance(model, ImageSpriteComplete):
        yield from _sprite_event(model)


def _fast(model: FastSnapshotCallback) -> Iterator[Snapshot]:
    if model.status is FastSnapshotStatus.SUCCESS:
        for url in model.result:
            yield Snapshot(kind=SnapshotKind.FAST, file_id=None, url=url, source=model)
    elif model.status is FastSnapshotStatus.FAILURE:
        yield Snapshot(
            kind=SnapshotKind.FAST,
            file_id=None,
            error=model.error,
            error_code=model.error_code,
            source=model,
        )


def _maker(
    kind: SnapshotKind, source: Callback, file_id: str | None, definition: int | None
) -> Callable[..., Snapshot]:
    """Makes the snapshots of one task: what they share is given once."""
    return partial(Snapshot, kind=kind, file_id=file_id, definition=definition, source=source)


def _snapshot_event(model: SnapshotByTimeOffsetComplete) -> Iterator[Snapshot]:
    data = model.data
    make = _maker(SnapshotKind.TIME_OFFSET, model, data.file_id, data.definition)
    for pic in data.pic_info:
        if pic.ok:
            yield make(time_offset=pic.time_offset, url=pic.url)
        else:
            yield make(time_offset=pic.time_offset, error=pic.error, error_code=pic.status)
    status = data.status
    if status and not data.pic_info:  # failed as a whole: one entry, no offset
        yield make(error=error_info(status), error_code=status)


def _sprite_event(model: ImageSpriteComplete) -> Iterator[Snapshot]:
    data = model.data
    make = _maker(SnapshotKind.SPRITE, model, data.file_id, data.definition)
    if data.status:
        yield make(error=model.error, error_code=data.status)
        return
    for url in data.image_sprite_urls:
        yield make(url=url)


_KINDS: dict[type, SnapshotKind] = {
    SnapshotByTimeOffsetTask: SnapshotKind.TIME_OFFSET,
    SampleSnapshotTask: SnapshotKind.SAMPLE,
    CoverBySnapshotTask: SnapshotKind.COVER,
    ImageSpritesTask: SnapshotKind.SPRITE,
}


def _task(model: ProcedureStateChanged, task: ProcedureTask) -> Iterator[Snapshot]:
    kind = _KINDS.get(type(task))
    if kind is None or isinstance(task, OtherTask) or task.status is TaskStatus.PROCESSING:
        return
    definition = task.input.definition if task.input is not None else None
    if definition is None and not isinstance(task, CoverBySnapshotTask) and task.output:
        definition = task.output.definition
    make = _maker(kind, model, model.data.file_id, definition)
    if task.status is TaskStatus.FAIL:
        error = task_error(task.err_code, task.err_code_ext)
        code = task.err_code or task.err_code_ext or None
        for offset in _requested(task):
            yield make(time_offset=offset, error=error, error_code=code)
        return
    for offset, url in _images(task):
        yield make(time_offset=offset, url=url)


def _requested(task: ProcedureTask) -> tuple[Milliseconds | None, ...]:
    """The offsets a failed task asked for; ``(None,)`` when it names none."""
    if isinstance(task, SnapshotByTimeOffsetTask) and task.input and task.input.time_offsets:
        return task.input.time_offsets
    return (None,)


def _images(task: ProcedureTask) -> Iterator[tuple[Milliseconds | None, str]]:
    """A successful task's images: (offset, URL) in wire order."""
    if task.output is None:
        return
    if isinstance(task, SnapshotByTimeOffsetTask):
        for picture in task.output.pictures:
            yield picture.time_offset, picture.url
    elif isinstance(task, SampleSnapshotTask):
        yield from ((None, url) for url in task.output.image_urls)
        yield from ((p.time_offset, p.url) for p in task.output.pictures)
    elif isinstance(task, CoverBySnapshotTask):
        yield from ((None, url) for url in task.output.urls)
    elif isinstance(task, ImageSpritesTask):
        yield from ((None, url) for url in task.output.image_urls)
