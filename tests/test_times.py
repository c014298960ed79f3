"""Wire times: a fast exact path, a lenient fallback, and no time-zone database."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from support import EXAMPLES
from vodsnap._times import BEIJING, format_time, parse_time


def test_beijing_is_utc_plus_eight() -> None:
    assert BEIJING.utcoffset(None) == timedelta(hours=8)


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
    assert 1 < moment.year < 9999


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
    "text", ["16:25:18", "2018-08-23", "August 2018", "2018", "Aug 23 16:25:18"]
)
def test_incomplete_times_are_not_filled_in_from_today(text: str) -> None:
    with pytest.raises(ValueError, match="date"):
        parse_time(text)
