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

__all__ = ["Snapshot", "SnapshotKind", "StorageLocation", "maker"]


class SnapshotKind(Enum):
    """Which kind of image a :class:`Snapshot` is.

    :cvar FAST: A fast-snapshot callback's image.
    :cvar TIME_OFFSET: A picture at a time offset: the snapshot event, or a task flow's (or an
        MPS task's) SnapshotByTimeOffset.
    :cvar SAMPLE: A sampled picture (a task flow's or an MPS task's SampleSnapshot).
    :cvar COVER: A cover (a task flow's CoverBySnapshot).
    :cvar SPRITE: One image sprite sheet (CreateImageSpriteComplete, or a task flow's or an MPS
        task's ImageSprites).
    :cvar LIVE: A Cloud Live screenshot of a stream (its ``pic_full_url``).
    :cvar MODERATION: A Cloud Live screenshot flagged by image moderation (its ``img``).
    """

    FAST = "fast"
    TIME_OFFSET = "time_offset"
    SAMPLE = "sample"
    COVER = "cover"
    SPRITE = "sprite"
    LIVE = "live"
    MODERATION = "moderation"


@frozen
class StorageLocation:
    """Where an MPS image is stored, as the notification says it (MPS sends storage locations,
    not URLs).

    :ivar type: The storage's ``Type`` as sent: ``"COS"``, ``"AWS-S3"``, ``"VOD"`` or other text;
        ``None`` when the body names no storage (inherited from a level it does not carry).
    :ivar bucket: ``Bucket`` (COS) or ``S3Bucket`` (AWS-S3); ``None`` when not sent.
    :ivar region: ``Region`` (COS) or ``S3Region`` (AWS-S3); ``None`` when not sent.
    :ivar path: The image's ``Path`` in that storage, as sent.
    """

    type: str | None
    bucket: str | None
    region: str | None
    path: str


@frozen(kw_only=True)
class Snapshot:
    """One image, or one reported failure to make one (then ``url`` is ``None``).

    :ivar kind: What kind of image it is.
    :ivar file_id: The VOD file id; ``None`` for the fast-snapshot callback, whose video is
        ``source.vid`` in the bucket ``source.bucket_name`` (``source.url`` is its URL), for
        Cloud Live and for MPS.
    :ivar definition: The template id, where the wire names one.
    :ivar time_offset: Milliseconds into the video: an ``int``, or a ``float`` when the wire sends a
        fraction; ``None`` where the wire gives no offset. MPS sends seconds: they are converted
        exactly (in decimal, from the number as sent).
    :ivar url: The image's URL; ``None`` for a failure, and for an MPS image whose storage is
        not COS or AWS-S3 or whose bucket or region the body does not name (see ``storage``).
    :ivar error: What the failure code means (a task's textual ``ErrCodeExt`` too, as
        ``known=False``); ``None`` for an image, and for a failure whose wire sends no failure
        code: a fast-snapshot ``error_code`` that is not a number or is missing (see
        ``error_code``), a failed task whose ``ErrCode`` is absent or 0 and ``ErrCodeExt``
        absent or empty.
    :ivar error_code: The failure's code as sent: a video-processing code, a task's textual
        ``ErrCodeExt``, or the fast-snapshot ``error_code`` (text); ``None`` for an image.
    :ivar stream_id: The live stream's name for a Cloud Live image (``None`` when a moderation
        callback names none); ``None`` for VOD and MPS.
    :ivar storage: Where an MPS image is stored (its ``path`` always; its storage ``type``,
        ``bucket`` and ``region`` where the body names them); ``None`` for failures and for
        every VOD and Cloud Live snapshot.
    :ivar source: The decoded callback or event it came from (not part of equality).
    """

    kind: SnapshotKind
    file_id: str | None
    definition: int | None = None
    time_offset: Milliseconds | None = None
    url: str | None = None
    error: ErrorInfo | None = None
    error_code: int | str | None = None
    stream_id: str | None = None
    storage: StorageLocation | None = None
    source: Callback = field(eq=False, repr=False)

    @property
    def ok(self) -> bool:
        """Whether this is an image, not a failure: it has a URL, or (MPS) a storage location.
        For VOD and Cloud Live, exactly whether it has a URL."""
        return self.url is not None or self.storage is not None


def maker(
    kind: SnapshotKind, source: Callback, file_id: str | None, definition: int | None
) -> Callable[..., Snapshot]:
    """Makes the snapshots of one task: what they share is given once."""
    return partial(Snapshot, kind=kind, file_id=file_id, definition=definition, source=source)
