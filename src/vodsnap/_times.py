"""Wire times: Beijing time without an offset, or ISO 8601; never a time-zone database.

The fast path is ``datetime.fromisoformat`` (C, exact formats). Only what it rejects goes to
``dateutil``'s general parser, which costs ~17 us a call and must not fill in missing parts from
today's date: a string is accepted only if it names a full date and a time of day.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

__all__ = ["BEIJING", "format_time", "parse_time"]

#: China Standard Time. China has no daylight saving time, so a fixed offset is exact.
BEIJING = timezone(timedelta(hours=8))

_MAX_LENGTH = 64  # the longest ISO 8601 form is ~40 characters; dateutil gets nothing silly
_DEFAULTS = (datetime(2001, 1, 1, 1, 1, 1), datetime(2002, 2, 2, 2, 2, 2))
_UTC_NAMES = frozenset({"UTC", "GMT", "Z"})


def parse_time(text: str, *, lenient: bool = True) -> datetime:
    """An aware datetime from a wire time; ``ValueError`` with a plain message if it is none.

    Not ``lenient``: ISO 8601 and the wire's own form only, no ``dateutil``.
    """
    if len(text) > _MAX_LENGTH:
        raise ValueError(f"a time is at most {_MAX_LENGTH} characters, got {len(text)}")
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        if not lenient:
            raise ValueError(f"not an ISO 8601 date and time: {text!r}") from None
        moment = _parse_leniently(text)
    else:
        if len(text) <= 10:  # a date alone ("2018-08-23", "20180823", "2018-W34-4")
            raise ValueError("a time needs a date and a time of day")
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=BEIJING)
    if not 1 < moment.year < 9999:  # keeps every offset conversion (hash, ==, to_wire) in range
        raise ValueError("a time must fall in the years 2 to 9998")
    return moment


def format_time(moment: datetime) -> str:
    """The wire form: Beijing time as ``YYYY-MM-DD HH:MM:SS[.ffffff]``, no offset."""
    return moment.astimezone(BEIJING).replace(tzinfo=None).isoformat(sep=" ")


def _parse_leniently(text: str) -> datetime:
    from dateutil import parser as dateutil_parser  # only here: it costs ~10 ms to import

    try:
        # Parsing twice with different defaults shows whether any part was filled in.
        first, second = (
            dateutil_parser.parse(text, default=default, tzinfos=_fixed_offset)
            for default in _DEFAULTS
        )
    except Exception as exc:  # dateutil's failures are not all ValueErrors
        raise ValueError(f"not a date and time: {text!r}") from exc
    if first != second:
        raise ValueError(f"not a complete date and time: {text!r}")
    return first


def _fixed_offset(name: str | None, offset: int | None) -> timezone | None:
    """dateutil's ``tzinfos`` hook: numeric offsets and UTC only; named zones are ambiguous."""
    if offset is not None:
        return timezone(timedelta(seconds=offset))
    if name is None:
        return None
    if name.upper() in _UTC_NAMES:
        return UTC
    raise ValueError(f"unknown time zone name {name!r}")
