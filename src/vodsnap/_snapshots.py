"""``Snapshot``: one record for an image or a reported failure, whichever format delivered it.

Each format's module reads its models into these records (``maker`` gives what a task's
records share); ``snapshots()`` (``_views``) asks the format of a model for them.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum
from functools import partial

from attrs import field, frozen

from ._codes import ErrorInfo
from ._models import Callback
from ._units import Milliseconds

__all__ = ["Snapshot", "SnapshotKind", "maker"]


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
    #: A Cloud Live screenshot of a stream (its ``pic_full_url``).
    LIVE = "live"
    #: A Cloud Live screenshot flagged by image moderation (its ``img``).
    MODERATION = "moderation"


@frozen(kw_only=True)
class Snapshot:
    """One image, or one reported failure to make one (then ``url`` is ``None``)."""

    #: What kind of image it is.
    kind: SnapshotKind
    #: The VOD file id; ``None`` for the fast-snapshot callback, whose video is ``source.vid``
    #: in the bucket ``source.bucket_name`` (``source.url`` is its URL), and for Cloud Live.
    file_id: str | None
    #: The template id, where the wire names one.
    definition: int | None = None
    #: Milliseconds into the video: an ``int``, or a ``float`` when the wire sends a fraction;
    #: ``None`` where the wire gives no offset.
    time_offset: Milliseconds | None = None
    #: The image's URL; ``None`` for a failure.
    url: str | None = None
    #: What the failure code means (a task's textual ``ErrCodeExt`` too, as
    #: ``known=False``); ``None`` for an image, and for a failure whose wire sends no failure
    #: code: a fast-snapshot ``error_code`` that is not a number or is missing (see
    #: ``error_code``), a failed task whose ``ErrCode`` is absent or 0 and ``ErrCodeExt``
    #: absent or empty.
    error: ErrorInfo | None = None
    #: The failure's code as sent: a video-processing code, a task's textual ``ErrCodeExt``,
    #: or the fast-snapshot ``error_code`` (text); ``None`` for an image.
    error_code: int | str | None = None
    #: The live stream's name for a Cloud Live image (``None`` when a moderation callback names
    #: none); ``None`` for VOD.
    stream_id: str | None = None
    #: The decoded callback or event it came from (not part of equality).
    source: Callback = field(eq=False, repr=False)

    @property
    def ok(self) -> bool:
        """Whether this is an image (it has a URL), not a failure."""
        return self.url is not None


def maker(
    kind: SnapshotKind, source: Callback, file_id: str | None, definition: int | None
) -> Callable[..., Snapshot]:
    """Makes the snapshots of one task: what they share is given once."""
    return partial(Snapshot, kind=kind, file_id=file_id, definition=definition, source=source)
