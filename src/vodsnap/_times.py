"""Wire times: Beijing time without an offset, or ISO 8601; never a time-zone database.

A time either decodes to the instant its text means or is refused: nothing is filled in, nothing
is truncated, no order is guessed. The fast path is ``datetime.fromisoformat`` (C, exact
formats). Only what it rejects goes to ``dateutil``'s general parser (tens of times slower),
and only the date and time of day: the offset is read here, with its literal ISO sign (``UTC+8``
is +08:00, never dateutil's inverted POSIX sign), and a time dateutil could read more than one
way (day and month either way round, a two-digit year, a second offset, a weekday that
disagrees) is refused. Text with too few digits to hold a date and a time of day never reaches
``dateutil``; and one body (one decode call, see ``new_body``) may send at most
``MOST_LENIENT_TIMES`` different times that need it, each read once.
"""

from __future__ import annotations

import re
import threading
from datetime import UTC, date, datetime, timedelta, timezone
from functools import cache
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    from dateutil.parser import parser

__all__ = [
    "BEIJING",
    "MOST_LENIENT_TIMES",
    "WIRE_LENGTH",
    "WIRE_OFFSET",
    "WIRE_SEPARATORS",
    "format_time",
    "new_body",
    "parse_time",
    "read_time",
]

#: China Standard Time. China has no daylight saving time, so a fixed offset is exact.
BEIJING = timezone(timedelta(hours=8))

_MAX_LENGTH = 64  # the longest ISO 8601 form is ~40 characters; dateutil gets nothing silly
#: The fewest digits of a complete time: a year of three, and a day, an hour, a minute and a
#: second of one each (the month may be a name).
_FEWEST_DIGITS = 7
#: The most different times one body may send that only ``dateutil`` reads (each costs it tens
#: of microseconds): Tencent sends ISO 8601 or its own form, so a body past this is refused.
MOST_LENIENT_TIMES: Final = 100
# What dateutil fills in a part the text lacks from: two readings differ where one was (day 1,
# then 2: see ``_unlike``).
_DEFAULTS = (datetime(2001, 1, 1, 1, 1, 1), datetime(2002, 2, 2, 2, 2, 2))
# Every accepted instant's Beijing time lies in these years, so ``format_time`` (Beijing time)
# writes a time ``parse_time`` reads back, and any offset conversion (hash, ==) stays in range.
_FIRST = datetime(2, 1, 1, tzinfo=BEIJING)
_END = datetime(9999, 1, 1, tzinfo=BEIJING)

#: Strict mode: ``YYYY-MM-DD[T ]HH:MM:SS[.fraction][Z|+HH:MM|-HH:MM]``, RFC 3339's profile of
#: ISO 8601 plus the wire's own form (a space, no offset).
_STRICT = re.compile(
    r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})?", re.A
)
#: The wire's own form, ``2018-08-23 16:25:18`` (Beijing time), by its length and its
#: separators (``text[4::3]``: the characters at 4, 7, 10, 13 and 16). A text of that length
#: and those separators that ``datetime.fromisoformat(text + WIRE_OFFSET)`` reads is in that
#: form (it reads only ASCII digits around them), and is what ``parse_time`` returns for it,
#: unless the year is 1, 2, 9998 or 9999 (no such day raises). The time hooks read it so,
#: inline, before calling ``parse_time``: the commonest time, at a fraction of the cost.
WIRE_LENGTH: Final = 19
WIRE_SEPARATORS: Final = "-- ::"
WIRE_OFFSET: Final = "+08:00"
_FRACTION = re.compile(r"[.,](\d{7,})", re.A)
# The lenient path's offset: at the end, after a space or right after a time of day.
_ZONE = re.compile(
    r"(?P<rest>.*?\S)(?P<space>\s*)"
    r"(?:(?P<z>Z)|(?P<name>UTC|GMT)|(?:(?:UTC|GMT)\s*)?(?P<sign>[+-])"
    r"(?:(?P<hhmm>\d{4})|(?P<hours>\d{1,2})(?::(?P<minutes>\d{2}))?))\s*",
    re.A | re.I | re.S,
)
_TIME_END = re.compile(r"\d:\d{2}(?::\d{2}(?:[.,]\d+)?)?\Z", re.A)
_YEAR_FIRST = re.compile(r"\D*\d{4}(?:\D|\d{4}(?:\D|\Z))")
_WORD = re.compile(r"[a-z]+", re.A | re.I)


class _Body(threading.local):
    """What the body being decoded in this thread has read by ``dateutil`` so far: each text
    and its time or its refusal (a decode call runs in one thread, from start to end)."""

    read: dict[str, datetime | str] | None = None


_BODY = _Body()


def new_body() -> None:
    """Start the count of ``MOST_LENIENT_TIMES`` afresh: a decode call begins."""
    _BODY.read = None


def parse_time(text: str, *, lenient: bool = True, bounded: bool = False) -> datetime:
    """An aware datetime from a wire time; ``ValueError`` with a plain message if it is none.

    Not ``lenient``: the wire's own form and RFC 3339 only (see ``_STRICT``), no ``dateutil``.
    ``bounded``: count the text against the body's ``MOST_LENIENT_TIMES`` if it needs
    ``dateutil`` (a text seen before in the body is not read again).
    """
    found = read_time(text, lenient=lenient, bounded=bounded)
    if isinstance(found, str):
        raise ValueError(found)
    return found


def read_time(text: str, *, lenient: bool = True, bounded: bool = False) -> datetime | str:
    """``parse_time`` 's datetime, or the message of its ``ValueError``, returned: a refused
    time costs no exception on its way (a hook explaining a bad body meets many)."""
    if len(text) > _MAX_LENGTH:
        return f"a time is at most {_MAX_LENGTH} characters, got {len(text)}"
    if ("." in text or "," in text) and _FRACTION.search(text) is not None:
        refused = _sub_microseconds(text)  # rare: a fraction of seven digits or more
        if refused:
            return refused
    if not lenient and not _STRICT.fullmatch(text):
        return (
            "not 'YYYY-MM-DD HH:MM:SS' (Beijing time) or ISO 8601 'YYYY-MM-DDTHH:MM:SS' "
            "with 'Z' or '+HH:MM'"
        )
    moment = _iso(text) if _YEAR.match(text) else "not ISO 8601: no four-digit year first"
    if isinstance(moment, str):  # not ISO 8601
        if not lenient:
            return moment
        moment = _parse_bounded(text) if bounded else _parse_unbounded(text)
        if isinstance(moment, str):
            return moment
    elif len(text) <= 10 and _is_date(text):  # the longest date alone: "2018-08-23"
        return "a time needs a date and a time of day"
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=BEIJING)
    # Offsets are under a day: local years 3 to 9997 are in range; only the edges need the exact
    # (and slower) comparison of instants, which converts nothing that could overflow.
    if not 2 < moment.year < 9998 and not _FIRST <= moment < _END:
        return "a time must fall in the years 2 to 9998, Beijing time"
    return moment


#: ``datetime.fromisoformat`` reads a year of four ASCII digits first, or nothing: text that
#: does not start so is refused without its exception.
_YEAR = re.compile(r"\d{4}", re.A)


def _iso(text: str) -> datetime | str:
    """``datetime.fromisoformat(text)``, or its message."""
    try:
        return datetime.fromisoformat(text)
    except ValueError as exc:
        return str(exc)


def format_time(moment: datetime) -> str:
    """The wire form: Beijing time as ``YYYY-MM-DD HH:MM:SS[.ffffff]``, no offset."""
    return moment.astimezone(BEIJING).replace(tzinfo=None).isoformat(sep=" ")


def _sub_microseconds(text: str) -> str:
    """A datetime holds microseconds: more precise digits would be dropped, so refuse them
    (the message; ``""`` when every such fraction only adds zeros)."""
    for digits in _FRACTION.findall(text):
        if digits[6:].strip("0"):
            return "a time is precise to a microsecond at most (six decimals)"
    return ""


def _is_date(text: str) -> bool:
    """Whether ``text`` is a date alone: "2018-08-23", "20180823", "2018-W34-4"."""
    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return True


def _parse_unbounded(text: str) -> datetime | str:
    """``_parse_leniently`` 's time, or its message."""
    try:
        return _parse_leniently(text)
    except ValueError as exc:
        return str(exc)


def _parse_bounded(text: str) -> datetime | str:
    """``_parse_leniently`` 's time or message, at most ``MOST_LENIENT_TIMES`` different texts
    a body (text that cannot be a time is refused first, and counts for nothing)."""
    read = _BODY.read
    if read is None:
        read = _BODY.read = {}
    found = read.get(text)  # a text seen before: its time, or its refusal, at once
    if found is None:
        if _too_few_digits(text):  # never kept: it counts for nothing
            return f"not a date and time: {text!r}"
        if len(read) >= MOST_LENIENT_TIMES:
            return (
                f"not read: the body sends more than {MOST_LENIENT_TIMES} different times in "
                "neither ISO 8601 nor 'YYYY-MM-DD HH:MM:SS', the most vodsnap reads in one body"
            )
        found = read[text] = _parse_unbounded(text)
    return found


def _too_few_digits(text: str) -> bool:
    """Whether ``text`` has too few digits to hold a date and a time of day."""
    return sum(map(str.isdigit, text)) < _FEWEST_DIGITS


def _parse_leniently(text: str) -> datetime:
    if _too_few_digits(text):
        raise ValueError(f"not a date and time: {text!r}")
    rest, zone = _split_zone(text)
    try:
        moment = _parse_naive(rest)
    except ValueError as exc:
        raise ValueError(f"{exc}: {text!r}") from None
    return moment if zone is None else moment.replace(tzinfo=zone)


def _split_zone(text: str) -> tuple[str, timezone | None]:
    """The text before the offset, and the offset as written (ISO signs: ``UTC+8`` is +08:00)."""
    match = _ZONE.fullmatch(text)
    if match is None or not (match["space"] or _TIME_END.search(match["rest"])):
        return text, None  # no offset here; one anywhere else is refused by _parse_naive
    if match["z"] or match["name"]:
        return match["rest"], UTC
    hhmm = match["hhmm"]
    hours, minutes = (hhmm[:2], hhmm[2:]) if hhmm else (match["hours"], match["minutes"] or "0")
    if int(hours) > 23 or int(minutes) > 59:
        raise ValueError(f"not a UTC offset: {text[match.start('sign') :].strip()!r}")
    offset = timedelta(hours=int(hours), minutes=int(minutes))
    return match["rest"], timezone(-offset if match["sign"] == "-" else offset)


def _parse_naive(text: str) -> datetime:
    """A date and time of day with no offset, read by ``dateutil`` only if it reads one way."""
    parse = _dateutil().parse
    try:
        first = parse(text, default=_DEFAULTS[0], tzinfos=_no_zone)
        # A part filled in equals the default's: only then can a second reading with other
        # defaults show whether one was (a part of the first that is none of the default's
        # came from the text, and reads so again), so most times cost one reading, not two.
        if _unlike(first, _DEFAULTS[0]):
            second = first
        else:
            second = parse(text, default=_DEFAULTS[1], tzinfos=_no_zone)
    except _RefusedError as exc:
        raise ValueError(str(exc)) from None
    except Exception as exc:  # dateutil's failures are not all ValueErrors
        raise ValueError("not a date and time") from exc
    if first != second or first.tzinfo is not None:
        raise ValueError("not a complete date and time")
    words = _WORD.findall(text)
    info = _dateutil().info
    named = any(info.month(word) is not None for word in words)  # a month's name: one order
    # Year first is read year-month-day; a day past 12 cannot be read as a month, and a day
    # that is the month's number reads the same either way: the other order is asked of
    # dateutil only where it could give another date.
    if not named and first.day <= 12 and first.day != first.month and not _YEAR_FIRST.match(text):
        try:
            swapped = parse(text, default=_DEFAULTS[0], dayfirst=True, tzinfos=_no_zone)
        except Exception:  # the other order is no date: no ambiguity
            swapped = first
        if swapped != first:
            raise ValueError("day and month could be either way round")
    for word in words:
        weekday = info.weekday(word)
        if weekday is not None and weekday != first.weekday():
            raise ValueError(f"{word!r} is not the weekday of {first.date()}")
    return first


def _unlike(moment: datetime, default: datetime) -> bool:
    """Whether no part of ``moment`` (year to second) is the ``default`` 's, so none was filled
    in from it. (A weekday without a day moves the default's day forward to that weekday: from
    the first default's day 1 to a day other than 1 only where the second's day 2 leads too.)"""
    return (
        moment.second != default.second
        and moment.minute != default.minute
        and moment.hour != default.hour
        and moment.day != default.day
        and moment.month != default.month
        and moment.year != default.year
    )


class _RefusedError(Exception):
    """Raised from dateutil's hooks; not a ValueError, which dateutil would swallow."""


def _no_zone(name: str | None, offset: int | None) -> None:
    """dateutil's ``tzinfos`` hook: any zone it finds is not at the end, or is a second one."""
    if name is not None and offset is None and name.upper() not in {"UTC", "GMT", "Z"}:
        raise _RefusedError(f"a named time zone other than UTC or GMT is ambiguous: {name!r}")
    if name is not None or offset is not None:
        raise _RefusedError("a time zone only at the end, and only one")


@cache
def _dateutil() -> parser:
    from dateutil import parser as dateutil_parser  # only here: it costs ~10 ms to import

    class _FourDigitYears(dateutil_parser.parserinfo):
        def convertyear(self, year: int, century_specified: bool = False) -> int:
            if year < 100 and not century_specified:
                raise _RefusedError("a two-digit year is ambiguous")
            return year

    return dateutil_parser.parser(_FourDigitYears())
