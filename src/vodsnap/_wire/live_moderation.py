"""A Cloud Live (CSS) image moderation callback, ``event_type`` 317: a flagged screenshot.

Snake_case and camelCase mixed in one body. The page was revised: the current fields and the
older ones Tencent still sends for compatibility are all read, and any may be absent but
``img`` (the older sample has no ``score``, ``suggestion``, ``label``, ``t`` or ``sign``). The
detailed results (``labelResults``, ...) and ``abductionRisk`` are kept as sent, read-only.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Final

from .._live import LiveModeration
from .._snapshots import Snapshot, SnapshotKind
from ._format import Format
from ._scalars import (
    INT,
    JSON_VALUE,
    NUMBER,
    OPTIONAL_INT,
    OPTIONAL_TEXT,
    TEXT,
    UNIX_TIME,
    nullable,
)
from ._table import ArrayOf, Field
from .event_live import EVENT_TYPE_KEY, envelope

__all__ = ["EVENT_TYPE", "FORMAT"]

EVENT_TYPE: Final = 317

_TIME = nullable(UNIX_TIME)
_SCORE = nullable(NUMBER)
_LABELS = ArrayOf(INT, "max_pictures", nullable=True)

_LEGACY_SCORES: Final = (
    "confidence",
    "normal_score",
    "hot_score",
    "porn_score",
    "terror_score",
    "polity_score",
    "illegal_score",
    "similar_score",
    "abuse_score",
    "teenager_score",
    "ad_score",
    "custom_score",
)


def _camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(word.title() for word in rest)


TABLE: Final = envelope(
    LiveModeration,
    EVENT_TYPE,
    (
        Field("stream_id", OPTIONAL_TEXT, "streamId", omit_default=True),
        Field("channel_id", OPTIONAL_TEXT, "channelId", omit_default=True),
        Field("img", TEXT),
        Field("types", _LABELS, "type", omit_default=True),
        Field("scores", _LABELS, "score", omit_default=True),
        Field("suggestion", OPTIONAL_TEXT, omit_default=True),
        Field("label", OPTIONAL_TEXT, omit_default=True),
        Field("sub_label", OPTIONAL_TEXT, "subLabel", omit_default=True),
        Field("ocr_msg", OPTIONAL_TEXT, "ocrMsg", omit_default=True),
        Field("label_results", JSON_VALUE, "labelResults", omit_default=True),
        Field("object_results", JSON_VALUE, "objectResults", omit_default=True),
        Field("ocr_results", JSON_VALUE, "ocrResults", omit_default=True),
        Field("screenshot_time", _TIME, "screenshotTime", omit_default=True),
        Field("send_time", _TIME, "sendTime", omit_default=True),
        Field("stream_param", OPTIONAL_TEXT, omit_default=True),
        Field("app", OPTIONAL_TEXT, omit_default=True),
        Field("appname", OPTIONAL_TEXT, omit_default=True),
        Field("appid", OPTIONAL_INT, omit_default=True),
        Field("tid", OPTIONAL_INT, omit_default=True),
        Field("abduction_risk", JSON_VALUE, "abductionRisk", omit_default=True),
        *(Field(name, _SCORE, _camel(name), omit_default=True) for name in _LEGACY_SCORES),
        Field("level", OPTIONAL_INT, omit_default=True),
    ),
)


def _snapshots(model: LiveModeration) -> Iterator[Snapshot]:
    yield Snapshot(
        kind=SnapshotKind.MODERATION,
        file_id=None,
        url=model.img,
        stream_id=model.stream_id,
        source=model,
    )


def _summary(model: LiveModeration) -> str:
    labels = ",".join(map(str, model.types)) or "-"
    return (
        f"live-moderation stream={model.stream_id or '-'} "
        f"suggestion={model.suggestion or '-'} label={model.label or '-'} types={labels}"
    )


FORMAT: Final = Format(
    name="live-moderation",
    title="Cloud Live (CSS) image moderation callback (event_type 317): a flagged screenshot",
    model=LiveModeration,
    snapshots=_snapshots,
    summary=_summary,
    table=TABLE,
    type_key=EVENT_TYPE_KEY,
    type_value=EVENT_TYPE,
)
