"""The data of the image-sprite event (``CreateImageSpriteComplete``): a frozen attrs class.

How it is read from the wire lives in ``_wire.image_sprite``.
"""

from __future__ import annotations

from attrs import frozen

from ._dunders import plain_repr

__all__ = ["ImageSpriteData"]


@frozen(kw_only=True)
@plain_repr
class ImageSpriteData:
    """The ``data`` of a ``CreateImageSpriteComplete`` event (API 3.0:
    ``CreateImageSpriteCompleteEvent``). A failure sends only the task id, file id, status and
    message.

    :ivar vod_task_id: The task's id (4.0 ``vodTaskId``, 3.0 ``TaskId``).
    :ivar file_id: The media file's id, as text.
    :ivar status: ``0`` on success, else a video-processing error code (4.0 ``status``, 3.0
        ``ErrCode``); ``None`` when not sent.
    :ivar message: The message as sent.
    :ivar definition: The image-sprite template id.
    :ivar total_count: How many small images the sheets hold.
    :ivar image_sprite_urls: The sprite sheets' URLs, in order (4.0 ``imageSpriteUrl``, 3.0
        ``ImageSpriteUrlSet``).
    :ivar web_vtt_url: The WebVTT file that maps times to places on the sheets.
    """

    vod_task_id: str
    file_id: str | None = None
    status: int | None = None
    message: str | None = None
    definition: int | None = None
    total_count: int | None = None
    image_sprite_urls: tuple[str, ...] = ()
    web_vtt_url: str | None = None
