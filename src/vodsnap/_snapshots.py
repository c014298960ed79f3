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
    Milliseconds,
    ProcedureStateChanged,
    PullEventResponse,
    PullEventsResponse,
    SnapshotByTimeOffsetComplete,
)

__all__ = ["Snapshot", "SnapshotKind", "maker", "snapshots"]


class SnapshotKind(Enum):
    """Which kind of image a :class:`Snapshot` is.

    :cvar FAST: A fast-snapshot callback's image.
    :cvar TIME_OFFSET: A picture at a time offset: the snapshot event, or a task flow's
        SnapshotByTimeOffset.
    :cvar SAMPLE: A sampled picture (a task flow's SampleSnapshot).
    :cvar COVER: A cover (a task flow's CoverBySnapshot).
    :cvar SPRITE: One image sprite sheet (CreateImageSpriteComplete, or a task flow's ImageSprites).
    """

    FAST = "fast"
    TIME_OFFSET = "time_offset"
    SAMPLE = "sample"
    COVER = "cover"
    SPRITE = "sprite"


@frozen(kw_only=True)
class Snapshot:
    """One image, or one reported failure to make one (then ``url`` is ``None``).

    :ivar kind: What kind of image it is.
    :ivar file_id: The VOD file id; ``None`` for the fast-snapshot callback, whose video is
        ``source.vid`` in the bucket ``source.bucket_name`` (``source.url`` is its URL).
    :ivar definition: The template id, where the wire names one.
    :ivar time_offset: Milliseconds into the video: an ``int``, or a ``float`` when the wire sends a
        fraction; ``None`` where the wire gives no offset.
    :ivar url: The image's URL; ``None`` for a failure.
    :ivar error: What the failure code means (a task's textual ``ErrCodeExt`` too, as
        ``known=False``); ``None`` for an image, and for a fast-snapshot failure whose
        ``error_code`` is not a number or is missing (see ``error_code``).
    :ivar error_code: The failure's code as sent: a video-processing code, a task's textual
        ``ErrCodeExt``, or the fast-snapshot ``error_code`` (text); ``None`` for an image.
    :ivar source: The decoded callback or event it came from (not part of equality).
    """

    kind: SnapshotKind
    file_id: str | None
    definition: int | None = None
    time_offset: Milliseconds | None = None
    url: str | None = None
    error: ErrorInfo | None = None
    error_code: int | str | None = None
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
    elif isinstance(model, ProcedureStateChanged):  # its tasks' module is there by now
        from ._task_snapshots import task_snapshots

        yield from task_snapshots(model)
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


def maker(
    kind: SnapshotKind, source: Callback, file_id: str | None, definition: int | None
) -> Callable[..., Snapshot]:
    """Makes the snapshots of one task: what they share is given once."""
    return partial(Snapshot, kind=kind, file_id=file_id, definition=definition, source=source)


def _snapshot_event(model: SnapshotByTimeOffsetComplete) -> Iterator[Snapshot]:
    data = model.data
    make = maker(SnapshotKind.TIME_OFFSET, model, data.file_id, data.definition)
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
    make = maker(SnapshotKind.SPRITE, model, data.file_id, data.definition)
    if data.status:
        yield make(error=model.error, error_code=data.status)
        return
    for url in data.image_sprite_urls:
        yield make(url=url)
