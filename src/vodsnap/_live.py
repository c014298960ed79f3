"""The Cloud Live (CSS) callbacks: frozen attrs classes with Python names and no wire knowledge.

A screenshot (``event_type`` 200), a flagged screenshot of image moderation (317), and every
other ``event_type``. How each field is read from and written to the wire lives in ``_wire``
(``event_live`` and one module per callback).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from attrs import field, frozen

from ._dunders import plain_repr

__all__ = ["LiveEvent", "LiveModeration", "LiveScreenshot", "UnknownLiveEvent"]


@frozen(kw_only=True)
@plain_repr
class _LiveNotification:
    """What every Cloud Live callback carries: its type, and its signature when signed.

    :ivar event_type: The callback's type as sent (``200`` a screenshot, ``317`` image moderation,
        ...).
    :ivar expires: ``t``: when the notification (its signature) expires, as an aware time in UTC;
        ``None`` when unsigned. Not part of equality: each resend may carry its own.
    :ivar sign: ``sign``: ``MD5(key + t)`` in hex, as sent; ``None`` when unsigned (not part of
        equality either). ``verify_signature`` checks it.
    """

    event_type: int
    expires: datetime | None = field(default=None, eq=False)
    sign: str | None = field(default=None, eq=False)


def _digest(*parts: Any) -> str:
    """A SHA-256 of ``parts`` as canonical JSON (mappings as objects, tuples as arrays)."""
    import hashlib

    text = json.dumps(parts, sort_keys=True, ensure_ascii=True, default=_plain)
    return hashlib.sha256(text.encode("ascii")).hexdigest()


def _plain(value: Any) -> Any:
    if isinstance(value, Mapping):
        return dict(value)
    if isinstance(value, datetime):
        return value.timestamp()
    raise TypeError(f"{type(value).__name__} is not JSON")


@frozen(kw_only=True)
@plain_repr
class LiveScreenshot(_LiveNotification):
    """A Cloud Live screenshot callback (``event_type`` 200): one image of a live stream.

    :ivar stream_id: The stream's name.
    :ivar channel_id: The channel's id (usually the stream's name), kept as sent.
    :ivar create_time: When the screenshot was taken (Unix seconds on the wire), an aware time in
        UTC.
    :ivar file_size: The image's size in bytes.
    :ivar width: The image's width in pixels.
    :ivar height: The image's height in pixels.
    :ivar pic_url: The image's path in the COS bucket (starts with ``/``).
    :ivar pic_full_url: The image's full download URL.
    :ivar app: The push domain (absent in the oldest samples).
    :ivar appname: The push path, such as ``"live"`` (absent in the oldest samples).
    :ivar stream_param: The push URL's query string (absent in the oldest samples).
    :ivar task_id: The screenshot task's id (listed by the documentation, absent from every sample).
    """

    stream_id: str
    channel_id: str
    create_time: datetime
    file_size: int
    width: int
    height: int
    pic_url: str
    pic_full_url: str
    app: str | None = None
    appname: str | None = None
    stream_param: str | None = None
    task_id: str | None = None

    @property
    def idempotency_key(self) -> str:
        """Equal for Tencent's resends of one screenshot (``t`` and ``sign`` may change),
        different for different screenshots: a digest of the stream, the time and the image."""
        digest = _digest(self.stream_id, self.create_time, self.pic_url, self.pic_full_url)
        return f"live-screenshot:{digest}"


@frozen(kw_only=True)
@plain_repr
class LiveModeration(_LiveNotification):
    """A Cloud Live image moderation callback (``event_type`` 317, "porn detection" in older
    pages): a screenshot judged non-compliant, or to review. The page was revised: the current
    fields and the older ones Tencent still sends are all here; any may be absent but ``img``.

    :ivar img: The URL of the flagged screenshot.
    :ivar stream_id: ``streamId``: the stream's name.
    :ivar channel_id: ``channelId``: the channel's id.
    :ivar types: ``type``: the label categories of the highest-priority result.
    :ivar scores: ``score``: the score of each of ``types``.
    :ivar suggestion: ``Block``, ``Review`` or ``Pass``, as sent.
    :ivar label: The highest-priority label.
    :ivar sub_label: ``subLabel``: the sub-label under ``label``.
    :ivar ocr_msg: ``ocrMsg``: the text recognised in the image, if any.
    :ivar label_results: ``labelResults``: the detailed label results as sent, read-only
        (objects as mappings, arrays as tuples); ``None`` when absent or ``null``.
    :ivar object_results: ``objectResults``: the detailed object results, likewise.
    :ivar ocr_results: ``ocrResults``: the detailed text results, likewise.
    :ivar screenshot_time: ``screenshotTime``: when the screenshot was taken, an aware time in UTC.
    :ivar send_time: ``sendTime``: when the callback was sent, an aware time in UTC.
    :ivar stream_param: The push URL's query string.
    :ivar app: The push domain.
    :ivar appname: The push path.
    :ivar appid: The customer's app id.
    :ivar tid: An older field, still sent for compatibility, like those below.
    :ivar abduction_risk: ``abductionRisk`` (older), as sent, read-only.
    :ivar confidence: The older overall confidence.
    :ivar normal_score: ``normalScore`` (older).
    :ivar hot_score: ``hotScore`` (older).
    :ivar porn_score: ``pornScore`` (older).
    :ivar terror_score: ``terrorScore`` (older).
    :ivar polity_score: ``polityScore`` (older).
    :ivar illegal_score: ``illegalScore`` (older).
    :ivar similar_score: ``similarScore`` (older).
    :ivar abuse_score: ``abuseScore`` (older).
    :ivar teenager_score: ``teenagerScore`` (older).
    :ivar ad_score: ``adScore`` (older).
    :ivar custom_score: ``customScore`` (older).
    :ivar level: ``level`` (older).
    """

    img: str
    stream_id: str | None = None
    channel_id: str | None = None
    types: tuple[int, ...] = ()
    scores: tuple[int, ...] = ()
    suggestion: str | None = None
    label: str | None = None
    sub_label: str | None = None
    ocr_msg: str | None = None
    label_results: Any = None
    object_results: Any = None
    ocr_results: Any = None
    screenshot_time: datetime | None = None
    send_time: datetime | None = None
    stream_param: str | None = None
    app: str | None = None
    appname: str | None = None
    appid: int | None = None
    tid: int | None = None
    abduction_risk: Any = None
    confidence: int | float | None = None
    normal_score: int | float | None = None
    hot_score: int | float | None = None
    porn_score: int | float | None = None
    terror_score: int | float | None = None
    polity_score: int | float | None = None
    illegal_score: int | float | None = None
    similar_score: int | float | None = None
    abuse_score: int | float | None = None
    teenager_score: int | float | None = None
    ad_score: int | float | None = None
    custom_score: int | float | None = None
    level: int | None = None

    @property
    def idempotency_key(self) -> str:
        """Equal for Tencent's resends of one flagged screenshot (``t``, ``sign`` and
        ``sendTime`` may change), different for another image: a digest of the stream, the
        image and when it was taken."""
        return f"live-moderation:{_digest(self.stream_id, self.img, self.screenshot_time)}"


@frozen(kw_only=True)
@plain_repr
class UnknownLiveEvent(_LiveNotification):
    """A Cloud Live callback of a type vodsnap does not model (``event_type`` 0 stream ended,
    1 stream started, 100 recording file, ...). Not an error: route it, store it, or ignore it.

    :ivar data: The whole body but ``event_type``, ``t`` and ``sign``, read-only (objects as
        mappings, arrays as tuples).
    """

    data: Mapping[str, Any]

    @property
    def idempotency_key(self) -> str:
        """Equal for resends of one callback, different for different callbacks: a digest of
        the type and the whole ``data`` (vodsnap cannot know which fields identify it)."""
        return f"live-event-{self.event_type}:sha256:{_digest(self.event_type, self.data)}"


#: Every Cloud Live callback ``parse`` returns.
LiveEvent = LiveScreenshot | LiveModeration | UnknownLiveEvent
