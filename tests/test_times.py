"""Wire times: a fast exact path, a lenient fallback, and no time-zone database."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import UTC, date, datetime, timedelta, timezone
from itertools import pairwise
from typing import Any

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

import vodsnap
from support import EXAMPLES
from vodsnap._times import BEIJING, format_time, new_body, parse_time
from vodsnap._wire import _scalars


def test_beijing_is_utc_plus_eight() -> None:
    assert BEIJING.utcoffset(None) == timedelta(hours=8)


@pytest.mark.subprocess
def test_decoding_needs_no_time_zone_database(tmp_path: object) -> None:
    code = (
        "import sys, vodsnap; cb = vodsnap.parse(open(sys.argv[1], 'rb').read()); "
        "print(cb.create_time.isoformat())"
    )
    env = {**os.environ, "TZDIR": str(tmp_path), "TZ": "America/New_York"}
    out = subprocess.run(
        [sys.executable, "-c", code, str(EXAMPLES / "fast-snapshot-success.json")],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert out.stdout.strip() == "2018-08-23T16:25:18+08:00"


@given(st.datetimes(min_value=datetime(2, 1, 1), max_value=datetime(9998, 1, 1)))
def test_beijing_wire_form_round_trips(moment: datetime) -> None:
    aware = moment.replace(tzinfo=BEIJING)
    text = format_time(aware)
    assert "+" not in text
    assert parse_time(text) == aware


@given(
    st.datetimes(
        min_value=datetime(1900, 1, 1),
        max_value=datetime(9000, 1, 1),
        timezones=st.builds(
            timezone, st.integers(-23 * 60, 23 * 60).map(lambda m: timedelta(minutes=m))
        ),
    )
)
def test_any_offset_is_kept_as_the_same_instant(moment: datetime) -> None:
    assert parse_time(moment.isoformat()) == moment
    assert parse_time(format_time(moment)) == moment


@given(st.text(max_size=80))
def test_any_text_is_a_time_or_a_value_error(text: str) -> None:
    try:
        moment = parse_time(text)
    except ValueError:
        return
    assert moment.utcoffset() is not None
    assert parse_time(format_time(moment)) == moment


def test_lenient_forms_agree_with_the_exact_form() -> None:
    exact = parse_time("2018-08-23 16:25:18")
    for text in (
        "2018/08/23 16:25:18",
        "Aug 23 2018 16:25:18",
        "2018-08-23 08:25:18 UTC",
        "23 August 2018 16:25:18",
    ):
        assert parse_time(text) == exact, text
    assert parse_time("2018-08-23T08:25:18Z").tzinfo == UTC


@pytest.mark.parametrize(
    "text",
    ["16:25:18", "2018-08-23", "August 2018", "2018", "Aug 23 16:25:18", "20180823", "2018-W34-4"],
)
def test_incomplete_times_are_not_filled_in_from_today(text: str) -> None:
    with pytest.raises(ValueError, match="date"):
        parse_time(text)


# -- times are never silently wrong (#13) ------------------------------------------------------

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August"]
MONTHS += ["September", "October", "November", "December"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
EPOCH = datetime(1, 1, 1)
# Accepted instants: Beijing time in the years 2 to 9998, as offsets from 0001-01-01 UTC.
FIRST = datetime(2, 1, 1) - EPOCH - timedelta(hours=8)
END = datetime(9999, 1, 1) - EPOCH - timedelta(hours=8)

offsets = st.builds(
    timedelta, minutes=st.integers(-(23 * 60 + 59), 23 * 60 + 59)
)  # every offset a wire time can spell: whole minutes, under a day
naive_times = st.datetimes(min_value=datetime(1, 1, 1), max_value=datetime(9999, 12, 31, 23, 59))
safe_times = st.datetimes(min_value=datetime(2, 1, 2), max_value=datetime(9998, 12, 30))


def in_range(naive: datetime, offset: timedelta) -> bool:
    """The oracle: whether the instant ``naive`` at ``offset`` is one vodsnap accepts."""
    return FIRST <= naive - EPOCH - offset < END


def spell_offset(offset: timedelta, form: int) -> str:
    """``offset`` written the ISO way round (east of Greenwich is +), in one of several forms."""
    sign = "-" if offset < timedelta(0) else "+"
    hours, minutes = divmod(abs(offset) // timedelta(minutes=1), 60)
    forms = [f"{sign}{hours:02}:{minutes:02}", f"{sign}{hours:02}{minutes:02}"]
    forms += [f"UTC{sign}{hours:02}:{minutes:02}", f"GMT{sign}{hours:02}{minutes:02}"]
    forms += [f"UTC {sign}{hours:02}{minutes:02}", f"gmt{sign}{hours}:{minutes:02}"]
    if not minutes:
        forms += [f"UTC{sign}{hours}", f"GMT{sign}{hours}", f"{sign}{hours}", f"{sign}{hours:02}"]
    if not offset:
        forms += ["Z", "UTC", "GMT", "utc"]
    return forms[form % len(forms)]


def spell_time(naive: datetime, form: int) -> str:
    """``naive``'s date and time of day in one of the unambiguous forms vodsnap reads."""
    y, m, d = f"{naive.year:04}", naive.month, naive.day
    fraction = f".{naive.microsecond:06}" if naive.microsecond else ""
    clock = f"{naive:%H:%M:%S}{fraction}"
    pm = f"{(naive.hour - 1) % 12 + 1}:{naive:%M:%S}{fraction} {'PM' if naive.hour >= 12 else 'AM'}"
    month = MONTHS[m - 1]
    forms = [
        f"{y}-{m:02}-{d:02} {clock}",
        f"{y}-{m:02}-{d:02}T{clock}",
        f"{y}/{m:02}/{d:02} {clock}",
        f"{y}/{m}/{d} {pm}",
        f"{d} {month} {y} {clock}",
        f"{month[:3]} {d} {y} {clock}",
        f"{month} {d}, {y} {pm}",
        f"{WEEKDAYS[naive.weekday()]} {y}/{m:02}/{d:02} {clock}",
    ]
    if d > 12 or d == m:  # the only day-month-year orders that read one way
        forms += [f"{d:02}/{m:02}/{y} {clock}", f"{d}.{m}.{y} {clock}"]
    return forms[form % len(forms)]


@given(naive_times, offsets)
def test_an_instant_is_accepted_exactly_when_its_beijing_year_is_2_to_9998(
    naive: datetime, offset: timedelta
) -> None:
    text = naive.replace(tzinfo=timezone(offset)).isoformat()
    if not in_range(naive, offset):
        with pytest.raises(ValueError, match="years 2 to 9998"):
            parse_time(text)
        return
    moment = parse_time(text)
    assert moment == naive.replace(tzinfo=timezone(offset))
    wire = format_time(moment)  # Beijing time: may be another year than the text's
    assert parse_time(wire) == moment
    assert parse_time(wire, lenient=False) == moment


@pytest.mark.parametrize(
    "text",
    [
        "9998-12-31T20:00:00Z",  # Beijing 9999-01-01 04:00: to_wire would write year 9999
        "9998-12-31T23:59:59-01:00",
        "0002-01-01T00:59:59+09:00",  # Beijing 0001-12-31 23:59:59
        "0001-12-31T15:59:59Z",
        "0001-01-01T00:00:00+23:59",
        "9999-12-31T23:59:59-23:59",
        "9999-01-01 00:00:00",
    ],
)
def test_instants_whose_wire_form_leaves_the_years_read_are_refused(text: str) -> None:
    with pytest.raises(ValueError, match="years 2 to 9998"):
        parse_time(text)


@given(naive_times, offsets)
def test_to_wire_then_parse_gives_the_model_back(naive: datetime, offset: timedelta) -> None:
    body = json.loads((EXAMPLES / "fast-snapshot-success.json").read_bytes())
    body["create_time"] = naive.replace(tzinfo=timezone(offset)).isoformat()
    if not in_range(naive, offset):
        with pytest.raises(vodsnap.DecodeError) as info:
            vodsnap.parse(body)
        assert [e.path for e in info.value.errors] == ["$.create_time"]
        return
    model = vodsnap.parse(body)
    assert vodsnap.parse(vodsnap.to_wire(model)) == model
    assert vodsnap.parse(vodsnap.to_wire(model), strict=True) == model


@given(safe_times, offsets, st.integers(0, 99), st.integers(0, 99), st.sampled_from([" ", ""]))
def test_every_accepted_form_of_an_instant_is_that_instant(
    naive: datetime, offset: timedelta, time_form: int, zone_form: int, space: str
) -> None:
    zone, when = spell_offset(offset, zone_form), spell_time(naive, time_form)
    text = f"{when}{space if when[-1].isdigit() else ' '}{zone}"  # "PM+08:00" is refused
    if naive.year < 100 and any(month[:3] in when for month in MONTHS):
        # dateutil reads the year of "1 May 0099" as the number 99: refused, not guessed
        with pytest.raises(ValueError, match="two-digit year"):
            parse_time(text)
        return
    assert parse_time(text) == naive.replace(tzinfo=timezone(offset)), text
    assert parse_time(spell_time(naive, time_form)) == naive.replace(tzinfo=BEIJING)


@pytest.mark.parametrize(
    ("zone", "hours"),
    [
        ("UTC+8", 8),
        ("GMT+0800", 8),
        ("GMT+08:00", 8),
        ("UTC +0800", 8),
        ("utc+8", 8),
        ("GMT-3", -3),
        ("UTC-03:30", -3.5),
        ("+8", 8),
        ("-0800", -8),
        ("Z", 0),
        ("GMT", 0),
    ],
)
def test_named_offsets_keep_the_iso_sign(zone: str, hours: float) -> None:
    from dateutil import parser as dateutil_parser

    expected = datetime(2018, 8, 23, 16, 25, 18, tzinfo=timezone(timedelta(hours=hours)))
    for text in (f"2018-08-23 16:25:18 {zone}", f"Aug 23 2018 16:25:18{zone}"):
        assert parse_time(text) == expected
        assert parse_time(text).utcoffset() == timedelta(hours=hours)
        if zone[:3] in ("UTC", "GMT") and hours:  # dateutil alone reads them the POSIX way
            assert dateutil_parser.parse(text) != expected


@given(
    safe_times,
    st.lists(st.tuples(offsets, st.integers(0, 99)), min_size=1, max_size=3),
    st.sampled_from([" ", ""]),
)
def test_one_offset_at_the_end_means_what_it_says_and_more_are_refused(
    naive: datetime, zones: list[tuple[timedelta, int]], space: str
) -> None:
    naive = naive.replace(microsecond=0)
    spelt = [spell_offset(offset, form) for offset, form in zones]
    # A bare "UTC" before a signed offset is one offset in two words ("UTC +00:00", like the
    # form "UTC +0000"), not two offsets.
    assume(not any(a.upper() in {"UTC", "GMT"} and b[0] in "+-" for a, b in pairwise(spelt)))
    text = f"{naive.year:04}-{naive:%m-%d %H:%M:%S}{space}" + " ".join(spelt)
    if len(zones) == 1:
        assert parse_time(text) == naive.replace(tzinfo=timezone(zones[0][0])), text
        return
    with pytest.raises(ValueError, match=r"time zone|not a date|UTC offset"):
        parse_time(text)


@given(
    st.dates(min_value=date(1000, 1, 1), max_value=date(9998, 1, 1)).filter(
        lambda d: d.day <= 12 and d.day != d.month
    ),
    st.sampled_from(["{d:02}/{m:02}/{y}", "{m}/{d}/{y}", "{d:02}.{m:02}.{y}", "{m}-{d}-{y}"]),
)
def test_day_and_month_either_way_round_are_refused(day: date, form: str) -> None:
    text = form.format(d=day.day, m=day.month, y=day.year) + " 16:25:18"
    with pytest.raises(ValueError, match="either way round"):
        parse_time(text)
    year_first = f"{day.year}/{day.month:02}/{day.day:02} 16:25:18"
    assert parse_time(year_first).date() == day  # year first reads year-month-day


@given(
    st.dates(min_value=date(1950, 1, 1), max_value=date(2049, 12, 31)),
    st.sampled_from(["{yy:02}-{m:02}-{d:02}", "{d} {mon} {yy:02}", "{mon} {d} {yy:02}"])
    | st.sampled_from(["{yy:02}/{m:02}/{d:02}", "{d:02}.{m:02}.{yy:02}", "{mon} {d}, '{yy:02}"]),
)
def test_two_digit_years_are_refused(day: date, form: str) -> None:
    text = form.format(yy=day.year % 100, m=day.month, d=day.day, mon=MONTHS[day.month - 1])
    with pytest.raises(ValueError, match=r"two-digit year|not a date"):
        parse_time(text + " 16:25:18")


@pytest.mark.parametrize("text", ["18-08-23 16:25:18", "23 Aug 18 16:25:18", "08/23/18 16:25"])
def test_two_digit_years_are_refused_by_name(text: str) -> None:
    with pytest.raises(ValueError, match="two-digit year"):
        parse_time(text)


@pytest.mark.parametrize(
    "text",
    [
        "2018-08-23 16:25:18 +08:00 -05:00",
        "2018-08-23T16:25:18+08:00 UTC",
        "2018-08-23 16:25:18 Z+8",
        "2018/08/23 16:25:18 +08:00 +08:00",
        "2018/08/23 16:25:18 Z Z",
        "2018/08/23 16:25:18 UTC GMT",
    ],
)
def test_two_offsets_are_refused(text: str) -> None:
    with pytest.raises(ValueError, match="only at the end, and only one"):
        parse_time(text)


def test_an_offset_before_the_time_is_refused() -> None:
    with pytest.raises(ValueError, match="not a date and time"):
        parse_time("2018-08-23 UTC+8 16:25:18")


@pytest.mark.parametrize("zone", ["CST", "PST", "EST", "BST", "IST"])
def test_named_zones_other_than_utc_are_refused(zone: str) -> None:
    with pytest.raises(ValueError, match=f"ambiguous: '{zone}'"):
        parse_time(f"2018/08/23 16:25:18 {zone}")


@given(safe_times, st.integers(1, 6))
def test_a_weekday_must_be_the_dates(naive: datetime, wrong: int) -> None:
    day = WEEKDAYS[(naive.weekday() + wrong) % 7]
    with pytest.raises(ValueError, match="not the weekday"):
        parse_time(f"{day} {naive.year:04}/{naive.month:02}/{naive.day:02} {naive:%H:%M:%S}")


@given(
    st.integers(0, 999_999),
    st.integers(1, 999),
    st.integers(1, 3),
    st.booleans(),
    st.sampled_from(["T", " "]),
)
def test_digits_past_a_microsecond_are_refused_not_dropped(
    micro: int, extra: int, width: int, lenient: bool, sep: str
) -> None:
    digits = f"{micro:06}{extra:0{width}}"
    if not extra % 10**width:
        return
    with pytest.raises(ValueError, match="microsecond"):
        parse_time(f"2018-08-23{sep}16:25:18.{digits}+08:00", lenient=lenient)
    with pytest.raises(ValueError, match="microsecond"):
        parse_time(f"2018/08/23 16:25:18.{digits}")
    exact = parse_time(f"2018-08-23{sep}16:25:18.{micro:06}000", lenient=lenient)
    assert exact.microsecond == micro


def test_strict_mode_reads_rfc_3339_and_the_wire_form_only() -> None:
    wire = datetime(2018, 8, 23, 16, 25, 18, tzinfo=BEIJING)
    for text in ("2018-08-23 16:25:18", "2018-08-23T08:25:18Z", "2018-08-23T16:25:18+08:00"):
        assert parse_time(text, lenient=False) == wire
    for text in (
        "2018-08-23 16:25:18 +08:00",  # a space before the offset: not ISO 8601
        "2018-W34-4T16:25:18",  # an ISO week date: exact, but nothing Tencent sends
        "20180823T162518",  # ISO 8601's basic format
        "2018-08-23T16:25",  # no seconds
        "2018-08-23T16:25:18+0800",
        "2018-08-23X16:25:18",
    ):
        with pytest.raises(ValueError, match="not 'YYYY-MM-DD HH:MM:SS'"):
            parse_time(text, lenient=False)
        assert parse_time(text) == wire.replace(second=0 if text.endswith("25") else 18)


@given(st.text(st.sampled_from("0123456789-:T +.Z"), max_size=40))
def test_strict_accepts_nothing_lenient_reads_otherwise(text: str) -> None:
    try:
        strict = parse_time(text, lenient=False)
    except ValueError:
        return
    assert parse_time(text) == strict
    assert strict.utcoffset() is not None


wire_form_texts = st.one_of(
    st.from_regex(r"[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}", fullmatch=True),
    st.datetimes(min_value=datetime(1, 1, 1)).map(lambda m: m.strftime("%Y-%m-%d %H:%M:%S")),
    st.sampled_from(["0001-01-01 00:00:00", "0002-12-31 23:59:59", "9998-01-01 00:00:00"]),
)


def _read(text: str, *, lenient: bool) -> datetime | str:
    """``parse_time``'s datetime, or its message."""
    try:
        return parse_time(text, lenient=lenient)
    except ValueError as exc:
        return str(exc)


@given(wire_form_texts, st.booleans())
def test_the_hooks_inline_wire_form_agrees_with_parse_time(text: str, strict: bool) -> None:
    """The decoders read the wire's own form inline; every such text decodes exactly as
    ``parse_time`` reads it, or is refused with its message, in either mode."""
    body = json.loads((EXAMPLES / "fast-snapshot-success.json").read_text())
    expected = _read(text, lenient=not strict)
    sent = json.dumps(body | {"create_time": text})
    if isinstance(expected, str):
        with pytest.raises(vodsnap.DecodeError) as caught:
            vodsnap.parse(sent, strict=strict)
        assert [e.path for e in caught.value.errors] == ["$.create_time"]
        assert expected in caught.value.errors[0].message
        return
    decoded = vodsnap.parse_fast_snapshot(sent, strict=strict)
    assert decoded.create_time == expected
    assert decoded.create_time.utcoffset() == timedelta(hours=8)


def _outcome(read: Any, text: str) -> object:
    try:
        return read(text)
    except ValueError:  # WireError is one
        return "refused"


#: Texts of the wire form's length around it: digits, separators and look-alikes swapped in.
near_wire_form = st.lists(
    st.tuples(st.integers(0, 18), st.sampled_from("0123456789-: T.,W+Z\u0663\u00a0x")),
    max_size=4,
).map(lambda swaps: _swapped("2018-08-23 16:25:18", swaps))


def _swapped(text: str, swaps: list[tuple[int, str]]) -> str:
    chars = list(text)
    for at, char in swaps:
        chars[at] = char
    return "".join(chars)


@given(st.one_of(near_wire_form, st.text(max_size=25)), st.booleans())
def test_the_time_hooks_inline_wire_form_is_parse_time(text: str, lenient: bool) -> None:
    # The hooks read the wire's own form inline, by its shape: never otherwise than parse_time.
    hook = (_scalars.TIME.lenient if lenient else _scalars.TIME.strict) or _scalars.TIME.lenient
    assert hook is not None
    expected = _outcome(lambda t: parse_time(t, lenient=lenient, bounded=True), text)
    new_body()
    assert _outcome(lambda t: hook(t, None), text) == expected


@given(st.text(max_size=40))
def test_iso_8601_text_starts_with_a_four_digit_year(text: str) -> None:
    """``read_time`` skips ``datetime.fromisoformat`` (and its exception) for text that does
    not start with four ASCII digits: such text it never reads."""
    assume(not (text[:4].isascii() and text[:4].isdigit() and len(text) >= 4))
    with pytest.raises(ValueError, match="Invalid isoformat string"):
        datetime.fromisoformat(text)
