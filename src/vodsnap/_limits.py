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
#: The documented shapes nest this deep (a picture inside a PullEvent response is at depth 7).
MIN_DEPTH = 8


@frozen(kw_only=True)
class Limits:
    """The most a body may hold. Exceeding one is a ``DecodeError`` that names the limit,
    raised before the expensive work.

    Real callbacks are a few KB, a full PullEvent batch some tens of KB, and nest five or six
    levels deep: the defaults leave wide room for that and refuse a 10 MB body or 100,000
    pictures without decoding them.
    """

    #: The largest body, in bytes (a ``str`` counts its UTF-8 length).
    max_body_bytes: int = field(default=1024 * 1024, validator=_positive)
    #: The deepest nesting of arrays and objects; the body itself is depth 1. At least 8, so
    #: that every documented shape fits. A body given as text is checked as a whole before it is
    #: decoded; an already decoded mapping where vodsnap descends into it (an unknown event's
    #: ``data``), since nothing else of it is read.
    max_depth: int = field(default=32, validator=_at_least(MIN_DEPTH))
    #: The most entries in a snapshot event's ``picInfo``.
    max_pictures: int = field(default=10_000, validator=_positive)
    #: The most URLs in a fast-snapshot callback's ``result``.
    max_snapshots: int = field(default=10_000, validator=_positive)


#: The limits ``parse`` applies when none are given.
DEFAULT_LIMITS = Limits()
