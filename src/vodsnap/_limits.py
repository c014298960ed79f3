"""How much a body may hold before it is refused unread."""

from __future__ import annotations

from collections.abc import Callable

from attrs import field, frozen

__all__ = ["DEFAULT_LIMITS", "Limits"]


def _at_least(least: int) -> Callable[[object, object, int], None]:
    def check(_: object, attribute: object, value: int) -> None:
        if isinstance(value, bool) or not isinstance(value, int) or value < least:
            name = getattr(attribute, "name", "limit")
            raise ValueError(f"{name} must be an integer of at least {least}, not {value!r}")

    return check


_positive = _at_least(1)
#: Enough for every snapshot callback: a picture inside a pull response is at depth 7.
MIN_DEPTH = 8


@frozen(kw_only=True)
class Limits:
    """The most a body may hold. Exceeding one is a ``DecodeError`` that names the limit,
    raised before the expensive work.

    Real callbacks are a few KB and a full PullEvent batch some tens of KB. The snapshot
    callbacks nest at most four levels deep (a picture of a pushed event: body, ``data``,
    ``picInfo``, the picture; a fast-snapshot callback only two), and seven inside a pull
    response; other events nest deeper (a ProcedureStateChanged task's picture pulled through
    PullEvents is at depth 11 or 12). The defaults leave wide room for all of that and refuse a
    10 MB body or 100,000 pictures without decoding them.

    :ivar max_body_bytes: The largest body, in bytes (a ``str`` counts its UTF-8 length).
    :ivar max_depth: The deepest nesting of arrays and objects; the body itself is depth 1. At least
        8, so that every snapshot callback fits, pulled ones included (other events may need more).
        A body given as text is checked as a whole before it is decoded; an already decoded mapping
        where vodsnap descends into it (an unknown event's ``data``), since nothing else of it is
        read.
    :ivar max_pictures: The most entries in a snapshot event's ``picInfo``.
    :ivar max_snapshots: The most URLs in a fast-snapshot callback's ``result``.
    :ivar max_events: The most events in a pull response (Tencent sends at most 16), refused before
        any of them is decoded.
    :ivar max_errors: The most problems a ``DecodeError`` lists; the last entry then says that more
        were found, and explaining stops there.
    """

    max_body_bytes: int = field(default=1024 * 1024, validator=_positive)
    max_depth: int = field(default=32, validator=_at_least(MIN_DEPTH))
    max_pictures: int = field(default=10_000, validator=_positive)
    max_snapshots: int = field(default=10_000, validator=_positive)
    max_events: int = field(default=100, validator=_positive)
    max_errors: int = field(default=100, validator=_positive)


#: The limits ``parse`` applies when none are given.
DEFAULT_LIMITS = Limits()
