"""The data of the image-sprite event (``CreateImageSpriteComplete``): a frozen attrs class.

How it is read from the wire lives in ``_wire.image_sprite``.
"""

from __future__ import annotations

from attrs import frozen

__all__ = ["ImageSpriteData"]


@frozen(kw_only=True)
class ImageSpriteData:
    """The ``data`` of a ``CreateImageSpriteComplete`` event (API 3.0:
    ``CreateImageSpriteCompleteEvent``). A failure sends only the task id, file id, status and
    message."""

    #: The task's id (4.0 ``vodTaskId``, 3.0 ``TaskId``).
    vod_task_id: str
    #: The media file's id, as text.
    file_id: str | None = None
    #: ``0`` on success, else a video-processing error code (4.0 ``status``, 3.0 ``ErrCode``);
    #: ``None`` when not sent.
    status: int | None = None
    #: The message as sent.
    message: str | None = None
    #: The image-sprite template id.
    definition: int | None = None
    #: How many small images the sheets hold.
    total_count: int | None = None
    #: The sprite sheets' URLs, in order (4.0 ``imageSpriteUrl``, 3.0 ``ImageSpriteUrlSet``).
    image_sprite_urls: tuple[str, ...] = ()
    #: The WebVTT file that maps times to places on the sheets.
    web_vtt_url: str | None = None
