"""Work a body may make vodsnap do, counted (never timed: speed is measured in benchmarks/)."""

from __future__ import annotations

import gc
import json
import sys
import tracemalloc
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager, suppress
from datetime import datetime
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import vodsnap
from strategies import json_values, unknown_event_bodies
from support import EXAMPLES, ROOT, left_for_the_collector
from vodsnap import Limits, _times
from vodsnap._read import _deeper_than, _nests_deeper


@contextmanager
def python_calls() -> Iterator[list[int]]:
    """Count the calls of Python functions made inside the block (C functions not counted)."""
    count = [0]

    def profile(frame: object, event: str, arg: object) -> None:
        if event == "call":
            count[0] += 1

    collecting = gc.isenabled()
    gc.disable()  # the collector's callbacks (other tools' Python functions) are not counted
    sys.setprofile(profile)
    try:
        yield count
    finally:
        sys.setprofile(None)
        if collecting:
            gc.enable()


def calls(decode: Callable[[bytes], object], body: bytes) -> int:
    decode(body)  # the first call makes generated code: not counted
    with python_calls() as count:
        decode(body)
    return count[0]


def unknown_event(data: object) -> bytes:
    return json.dumps({"version": "4.0", "eventType": "NewFileUpload", "data": data}).encode()


def pulled(events: list[bytes]) -> bytes:
    entries = ",".join(
        f'{{"msgHandle":"h{i}","eventContent":{e.decode()}}}' for i, e in enumerate(events)
    )
    return ('{"code":0,"message":"","eventList":[' + entries + "]}").encode()


def test_an_unknown_events_data_is_not_walked_value_by_value() -> None:
    small = unknown_event({"x": [{}] * 10, "y": [[[[1]]]] * 10})
    large = unknown_event({"x": [{}] * 10_000, "y": [[[[1]]]] * 10_000})
    assert calls(vodsnap.parse, large) == calls(vodsnap.parse, small)


def test_a_pull_of_unknown_events_is_not_walked_value_by_value() -> None:
    small = pulled([unknown_event({"x": [{}] * 10})] * 5)
    large = pulled([unknown_event({"x": [{}] * 2_000})] * 5)
    assert calls(vodsnap.parse_pull, large) == calls(vodsnap.parse_pull, small)


def test_freezing_an_array_of_scalars_makes_no_call_an_item() -> None:
    """An unknown event's array is made a tuple when first read: one of scalars (of every JSON
    kind) costs no Python call an item (a generator step an item before issue 21's third
    round), and arrays of them one call or two an array."""

    def read_x(body: bytes) -> object:
        event = vodsnap.parse(body)
        assert isinstance(event, vodsnap.UnknownEvent)
        return event.data["x"]

    scalars: list[object] = [1, "a", None, 2.5, True, False]
    assert calls(read_x, unknown_event({"x": scalars * 2})) == calls(
        read_x, unknown_event({"x": scalars * 2_000})
    )
    assert (
        calls(read_x, unknown_event({"x": [scalars] * 2_000}))
        <= calls(read_x, unknown_event({"x": [scalars] * 2})) + 2 * 2_000
    )


@given(unknown_event_bodies())
def test_an_unknown_event_read_from_text_equals_one_read_from_a_mapping(body: Any) -> None:
    from_text = vodsnap.parse(json.dumps(body).encode())
    from_mapping = vodsnap.parse(body)
    assert from_text == from_mapping
    assert hash(from_text) == hash(from_mapping)
    assert repr(from_text) == repr(from_mapping)
    assert vodsnap.to_wire(from_text) == vodsnap.to_wire(from_mapping) == body


@given(st.dictionaries(st.text(max_size=3), json_values(), max_size=4))
def test_frozen_data_is_frozen_all_the_way_down(data: dict[str, Any]) -> None:
    event = vodsnap.parse(unknown_event(data))
    assert isinstance(event, vodsnap.UnknownEvent)

    def check(value: object) -> None:
        assert not isinstance(value, dict | list)
        if isinstance(value, vodsnap.FrozenDict):
            for item in value.values():
                check(item)
        elif isinstance(value, tuple):
            for item in value:
                check(item)

    check(event.data)


nested = st.recursive(
    st.none() | st.integers() | st.text(alphabet='[]{}"\\ab', max_size=6),
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(st.text('[]{}"\\a', max_size=3), inner, max_size=3)
    ),
    max_leaves=40,
)


@given(nested, st.integers(min_value=8, max_value=12), st.booleans())
def test_the_depth_read_off_the_text_is_the_depth_of_the_value(
    value: Any, max_depth: int, ascii_only: bool
) -> None:
    for _ in range(max_depth - 4):  # near the limit, where it matters
        value = [value]
    text = json.dumps(value, ensure_ascii=ascii_only).encode()
    limits = Limits(max_depth=max_depth)
    assert _nests_deeper(text, limits) == _deeper_than(value, max_depth)


def chain_of(depth: int, leaf: Any) -> Any:
    for _ in range(depth):
        leaf = [leaf]
    return leaf


@given(
    st.lists(st.tuples(st.integers(0, 40), st.sampled_from([None, {}, {"k": [1]}])), max_size=30),
    st.integers(min_value=24, max_value=36),
)
def test_the_depth_of_many_deep_chains_is_read_right(
    chains: list[tuple[int, Any]], max_depth: int
) -> None:
    """Deep chains with few innermost pairs are counted by their runs, unpeeled."""
    value = {"x": [chain_of(depth, leaf) for depth, leaf in chains]}
    text = json.dumps(value).encode()
    limits = Limits(max_depth=max_depth)
    assert _nests_deeper(text, limits) == _deeper_than(value, max_depth)


# -- lenient times: what dateutil is given ----------------------------------------------------

PROCEDURE = (
    ROOT / "src" / "vodsnap" / "_examples" / "published" / "procedure-api3-taskflow-push.json"
)


def task_flow(times: list[str]) -> bytes:
    """An API 3.0 task flow with one snapshot task per time (begun and finished then)."""
    body = json.loads(PROCEDURE.read_bytes())
    tasks = [
        {
            "Type": "SnapshotByTimeOffset",
            "SnapshotByTimeOffsetTask": {
                "Status": "SUCCESS",
                "BeginProcessTime": time,
                "FinishTime": time,
            },
        }
        for time in times
    ]
    body["ProcedureStateChangeEvent"]["MediaProcessResultSet"] = tasks
    return json.dumps(body).encode()


def lenient(i: int) -> str:
    """A different time in a form only dateutil reads, for every ``i``."""
    return f"Aug {1 + i % 28} {1000 + i // 28} 4:25:18 PM"


@pytest.fixture
def dateutil_calls(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every text handed to dateutil's parser."""
    parser = _times._dateutil()
    seen: list[str] = []
    original = parser.parse

    def parse(text: str, *args: Any, **kwargs: Any) -> Any:
        seen.append(text)
        return original(text, *args, **kwargs)

    monkeypatch.setattr(parser, "parse", parse)
    return seen


def test_a_time_sent_many_times_is_read_once(dateutil_calls: list[str]) -> None:
    vodsnap.parse(task_flow([lenient(0)] * 500))
    assert 0 < len(dateutil_calls) <= 3  # one reading (of two or three parses) in all


def test_a_body_may_send_only_so_many_lenient_times(dateutil_calls: list[str]) -> None:
    most = _times.MOST_LENIENT_TIMES
    assert vodsnap.parse(task_flow([lenient(i) for i in range(most)]))
    dateutil_calls.clear()
    with pytest.raises(vodsnap.DecodeError) as caught:
        vodsnap.parse(task_flow([lenient(i) for i in range(most + 1)]))
    assert len(set(dateutil_calls)) == most  # the text past the bound never reaches dateutil
    where = "$.ProcedureStateChangeEvent.MediaProcessResultSet"
    assert [(e.path, e.message) for e in caught.value.errors] == [
        (
            f"{where}[{most}].SnapshotByTimeOffsetTask.{key}",
            "expected a time like '2018-08-23 16:25:18' (Beijing time) or ISO 8601 with an "
            f"offset: not read: the body sends more than {most} different times in neither ISO "
            "8601 nor 'YYYY-MM-DD HH:MM:SS', the most vodsnap reads in one body",
        )
        for key in ("BeginProcessTime", "FinishTime")
    ]


def test_the_bound_is_per_body_and_per_thread() -> None:
    most = _times.MOST_LENIENT_TIMES
    bodies = [task_flow([lenient(i + k * most) for i in range(most)]) for k in range(4)]
    with ThreadPoolExecutor(4) as pool:
        for _ in range(3):
            assert all(pool.map(vodsnap.parse, bodies))


def test_a_refused_time_is_read_once_not_again_to_explain(dateutil_calls: list[str]) -> None:
    body = json.loads((EXAMPLES / "fast-snapshot-success.json").read_bytes())
    body.update(create_time="Aug 23 2018 4:25:18 XM")
    with pytest.raises(vodsnap.DecodeError):
        vodsnap.parse(json.dumps(body).encode())
    assert dateutil_calls == ["Aug 23 2018 4:25:18 XM"]


@pytest.mark.parametrize("text", ["yesterday", "May", "tomorrow 4pm", "2018-08-23", "12:34:56"])
def test_text_with_too_few_digits_never_reaches_dateutil(
    text: str, dateutil_calls: list[str]
) -> None:
    with pytest.raises(ValueError, match="date"):
        _times.parse_time(text)
    assert dateutil_calls == []


def test_text_that_cannot_be_a_time_counts_for_nothing(dateutil_calls: list[str]) -> None:
    most = _times.MOST_LENIENT_TIMES
    garbage = [f"no time {i}" for i in range(10)]  # each refused, none read by dateutil
    with pytest.raises(vodsnap.DecodeError) as caught:
        vodsnap.parse(task_flow([*garbage, *(lenient(i) for i in range(most))]))
    assert all("not a date and time" in e.message for e in caught.value.errors)
    assert len(set(dateutil_calls)) == most


def test_a_time_that_reads_one_way_is_parsed_once(dateutil_calls: list[str]) -> None:
    """A time none of whose parts is the first default's needs no second reading to show that
    nothing was filled in; a day past 12 (or equal to the month) none in the other order: one
    parse each (two, or three without a month's name, before issue 21's third round)."""
    for text in ["Aug 23 2018 4:25:18 PM", "23/08/2018 16:25:18", "08/08/2018 16:25:18"]:
        dateutil_calls.clear()
        _times.parse_time(text)
        assert dateutil_calls == [text]


def test_a_time_that_reads_two_ways_is_parsed_only_as_often_as_needed(
    dateutil_calls: list[str],
) -> None:
    """A part that could be the default's, and a day that could be a month, are each checked by
    one more parse: the refusals stand."""
    _times.parse_time("Aug 1 2018 4:25:18 PM")  # day 1: was it filled in? a second reading
    assert len(dateutil_calls) == 2
    dateutil_calls.clear()
    with pytest.raises(ValueError, match="either way round"):
        _times.parse_time("08/09/2018 16:25:18")
    assert len(dateutil_calls) == 2


def _naive_as_before(text: str) -> datetime | str:
    """``_times._parse_naive`` as it was before issue 21's third round: two readings with
    different defaults always, and the other order whenever no month is named and the year is
    not first (the reference for the fewer readings now)."""
    parse, info = _times._dateutil().parse, _times._dateutil().info
    try:
        first, second = (parse(text, default=d, tzinfos=_times._no_zone) for d in _times._DEFAULTS)
    except _times._RefusedError as exc:
        return str(exc)
    except Exception:
        return "not a date and time"
    if first != second or first.tzinfo is not None:
        return "not a complete date and time"
    words = _times._WORD.findall(text)
    named = any(info.month(word) is not None for word in words)
    if not named and not _times._YEAR_FIRST.match(text):
        try:
            swapped = parse(
                text, default=_times._DEFAULTS[0], dayfirst=True, tzinfos=_times._no_zone
            )
        except Exception:
            swapped = first
        if swapped != first:
            return "day and month could be either way round"
    for word in words:
        weekday = info.weekday(word)
        if weekday is not None and weekday != first.weekday():
            return f"{word!r} is not the weekday of {first.date()}"
    return first


def _naive_now(text: str) -> datetime | str:
    try:
        return _times._parse_naive(text)
    except ValueError as exc:
        return str(exc)


_MONTHS = ["Jan", "Feb", "Aug", "Dec", "January", "August"]
_WEEKDAYS = ["Mon", "Tue", "Wednesday", "Sun"]


@st.composite
def lenient_texts(draw: st.DrawFn) -> str:
    """Date and time texts dateutil reads, often with parts equal to the defaults' (1, 2, 2001,
    2002), a part left out, a weekday, or day and month that fit either order."""
    small = st.sampled_from([1, 2, 3, 8, 9, 12, 13, 23, 28, 29, 30, 31])
    day, month = draw(small), draw(st.sampled_from([1, 2, 8, 9, 12, 13]))
    year = draw(st.sampled_from(["2001", "2002", "2018", "1000", "0099", "18", "9998"]))
    named = draw(st.booleans())
    month_text = _MONTHS[month % len(_MONTHS)] if named else f"{month:02}"
    sep = draw(st.sampled_from(["/", "-", " ", "."]))
    order = draw(st.sampled_from(["dmy", "mdy", "ymd", "ydm", "my", "dm", "md"]))
    parts = {"d": str(day), "m": month_text, "y": year}
    date_text = sep.join(parts[p] for p in order)
    hour, minute, second = (draw(st.sampled_from([0, 1, 2, 4, 12, 13, 23])) for _ in range(3))
    time_text = draw(
        st.sampled_from(
            [
                f"{hour}:{minute:02}:{second:02}",
                f"{hour}:{minute:02}",
                f"{hour % 12 or 12}:{minute:02}:{second:02} {draw(st.sampled_from(['AM', 'PM']))}",
                f"{hour:02}{minute:02}{second:02}",
            ]
        )
    )
    weekday = draw(st.sampled_from(["", *_WEEKDAYS])) if draw(st.booleans()) else ""
    text = f"{date_text} {time_text}" if draw(st.booleans()) else f"{time_text} {date_text}"
    return f"{weekday} {text}".strip()


@given(lenient_texts())
def test_fewer_dateutil_readings_decide_as_the_three_did(text: str) -> None:
    """Every text reads to the same time, or is refused with the same message, as when every
    time was read two or three times."""
    assert _naive_now(text) == _naive_as_before(text)


# -- the error path: problems gathered where they are met, nothing walked again --------------


def invalid_fast_snapshot(**bad: object) -> bytes:
    body = json.loads((EXAMPLES / "fast-snapshot-success.json").read_bytes())
    body.update(bad)
    return json.dumps(body).encode()


def refused(body: bytes) -> None:
    try:
        vodsnap.parse(body)
    except vodsnap.DecodeError:
        return
    raise AssertionError("decoded")


def test_explaining_three_bad_fields_takes_few_python_calls() -> None:
    """The fast function, then the explaining one: each bad field's hook once more, its
    message placed at its key as it is met (no note on it, no walk of a group afterwards, no
    ``FieldError.__init__``). 60 calls before issue 21's error-path work, 37 after."""
    body = invalid_fast_snapshot(width="wide", status=9, create_time="yesterday")
    assert calls(refused, body) <= 40


def test_a_bad_fields_hook_runs_once_to_explain(monkeypatch: pytest.MonkeyPatch) -> None:
    """The explaining function calls a field's hook once; the fast one, before it, at most
    once (it stops at the first problem)."""
    from vodsnap._wire import _scalars

    seen: list[object] = []
    original: Callable[[object], str] = vars(_scalars)["describe"]  # its name there, not exported

    def counted(value: object) -> str:
        seen.append(value)
        return original(value)

    monkeypatch.setattr(_scalars, "describe", counted)
    refused(invalid_fast_snapshot(width="wide", height="tall"))
    assert seen == ["wide", "wide", "tall"]  # width: fast, then explaining; height: explaining


def test_the_public_converters_problems_carry_no_notes() -> None:
    """The explaining functions place a problem by its key in their list, not by a note on
    the exception (cattrs' users still get a ClassValidationError of them)."""
    import cattrs

    body = json.loads(invalid_fast_snapshot(width="wide", status=9))
    with pytest.raises(cattrs.ClassValidationError) as info:
        vodsnap.converter.structure(body, vodsnap.FastSnapshotCallback)
    assert [str(e) for e in info.value.exceptions] == [
        "expected an integer, got the string 'wide'",
        "expected one of 3 (processing), 4 (failure), 5 (success), got the number 9",
    ]
    assert all(not getattr(e, "__notes__", ()) for e in info.value.exceptions)


# -- issue 21, round 2: work a refusal costs, counted ----------------------------------------


@contextmanager
def frames_unwound() -> Iterator[list[int]]:
    """Count the Python frames an exception passes through inside the block (each raise, and
    each frame it leaves, is one ``exception`` event of a trace function)."""
    count = [0]

    def local(frame: object, event: str, arg: object) -> Any:
        if event == "exception":
            count[0] += 1
        return local

    def trace(frame: object, event: str, arg: object) -> Any:
        return local

    previous = sys.gettrace()  # coverage's, under coverage: put back, not dropped
    sys.settrace(trace)
    try:
        yield count
    finally:
        sys.settrace(previous)


def unwound(body: bytes) -> int:
    refused(body)  # the first call makes generated code: not counted
    with frames_unwound() as count:
        refused(body)
    return count[0]


def test_a_refused_time_costs_one_exception_the_hooks_raise() -> None:
    """A bad time is refused by ``_times.read_time`` returning its message: the hook raises
    the one ``WireError`` (no ``ValueError`` raised and caught inside ``_times`` first), and
    it gives the same message as a bad integer costs an integer's."""
    one_bad_int = unwound(invalid_fast_snapshot(width="wide"))
    one_bad_time = unwound(invalid_fast_snapshot(create_time="yesterday"))
    assert one_bad_time <= one_bad_int


def test_a_refused_enum_value_costs_no_key_error() -> None:
    """An unknown status is looked up, not caught as a ``KeyError``: as few frames unwound as
    a bad integer, whose hook raises at once."""
    assert unwound(invalid_fast_snapshot(status=9)) <= unwound(invalid_fast_snapshot(width="w"))


def test_raising_a_decode_error_makes_no_field_error_until_one_is_read(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The decoder's ``DecodeError`` holds its problems as pairs; its ``FieldError`` s are made
    once, when ``errors`` (or ``str``, ``repr``, ...) is first read."""
    from vodsnap import _errors

    made: list[int] = []
    original = _errors.field_errors_of

    def counted(found: Any, prefix: str = "") -> Any:
        made.append(1)
        return original(found, prefix)

    monkeypatch.setattr(_errors, "field_errors_of", counted)
    with pytest.raises(vodsnap.DecodeError) as caught:
        vodsnap.parse(invalid_fast_snapshot(width="wide", status=9))
    assert made == []
    assert [e.path for e in caught.value.errors] == ["$.width", "$.status"]
    assert str(caught.value).count("\n") == 1
    assert made == [1]


def nans(count: int) -> bytes:
    return (
        '{"x":[' + ",".join(["NaN", "Infinity", "-Infinity"][i % 3] for i in range(count))
    ).encode() + b"]}"


def test_strict_reading_makes_no_python_call_a_constant() -> None:
    """``NaN``, ``Infinity`` and ``-Infinity`` become their marks by a C call: past
    ``max_errors`` (whose marks are reported), a body of ten times as many constants costs no
    Python call more (one call a constant before issue 21's second round)."""

    def strict(body: bytes) -> None:
        with pytest.raises(vodsnap.DecodeError):
            vodsnap.parse(body, strict=True)

    assert calls(strict, nans(300)) == calls(strict, nans(3_000))


def test_a_constants_name_in_a_string_marks_nothing() -> None:
    """Strict reading looks for marks only when the text holds a constant's name, and then
    finds only real ones: a string saying ``NaN`` decodes as any other."""
    body = json.loads((EXAMPLES / "fast-snapshot-success.json").read_bytes())
    body["error_msg"] = "NaN or Infinity"
    model = vodsnap.parse(json.dumps(body).encode(), strict=True)
    assert isinstance(model, vodsnap.FastSnapshotCallback)
    assert model.error_msg == "NaN or Infinity"


TOO_MANY = ",".join(["{}"] * (Limits().max_events + 1))


@pytest.mark.parametrize(
    "body",
    [
        ('{"code":0,"message":"","eventList":[' + TOO_MANY + "]}").encode(),
        ('{"Response":{"EventSet":[' + TOO_MANY + '],"RequestId":"r"}}').encode(),
        b'{"EventSet":[null,{"version":"4.0","eventType":"X","data":{}}],"RequestId":"r"}',
        b'{"code":"x","eventList":[null,{"msgHandle":1,"eventContent":{}}]}',
        unknown_event({"x": [[[[]]]] * 100}),
        b'{"event_type":317,"screenshotTime":[],"sendTime":"x","appid":1}',
    ],
    ids=["too many old", "too many new", "entries in the wrong shape", "bad old", "deep", "live"],
)
def test_a_refused_pull_or_event_leaves_nothing_for_the_collector(body: bytes) -> None:
    for decode in (vodsnap.parse_any, vodsnap.parse, vodsnap.parse_pull):
        assert left_for_the_collector(lambda: decode(body)) == 0  # noqa: B023
        assert left_for_the_collector(lambda: decode(body, strict=True)) == 0  # noqa: B023


def kept_by_the_error(decode: Callable[[bytes], object], body: bytes) -> int:
    """The bytes still allocated, from a call of ``decode`` on ``body``, while its error is kept
    (after a first call: what a first body of its format builds once is not counted)."""
    with suppress(vodsnap.DecodeError, vodsnap.SignatureError):
        decode(body)
    gc.collect()
    kept: list[Exception] = []
    tracemalloc.start()
    try:
        try:
            decode(body)
        except (vodsnap.DecodeError, vodsnap.SignatureError) as exc:
            kept.append(exc)
        assert kept, "the body was accepted"
        gc.collect()
        return tracemalloc.get_traced_memory()[0]
    finally:
        tracemalloc.stop()


ARRAYS = ",".join(["[[[[1]]]]"] * 10_000)
ENTRY_POINTS: dict[str, Callable[[bytes], object]] = {
    "parse": vodsnap.parse,
    "parse strict": lambda b: vodsnap.parse(b, strict=True),
    "parse signed": lambda b: vodsnap.parse(b, sign_key="k"),
    "parse_event": vodsnap.parse_event,
    "parse_fast_snapshot": vodsnap.parse_fast_snapshot,
    "parse_pull_event": vodsnap.parse_pull_event,
    "parse_pull_events": vodsnap.parse_pull_events,
    "parse_pull": vodsnap.parse_pull,
    "parse_any": vodsnap.parse_any,
    "verify_signature": lambda b: vodsnap.verify_signature(b, "k"),
}


@pytest.mark.parametrize("name", ENTRY_POINTS)
def test_a_kept_error_keeps_the_body_not_what_was_decoded_of_it(name: str) -> None:
    """A caller may keep a refused body's error (a dead-letter list): it holds the body, not
    the decoded value (tens of times the body's size), which the frames of its traceback
    inside vodsnap held."""
    body = (
        '{"version":"4.0","eventType":"X","data":[' + ARRAYS + "],"
        '"code":"x","eventList":[],"Response":{"EventSet":[' + ARRAYS + "]},"
        '"Sign":"s","T":"' + "9" * 5000 + '"}'
    ).encode()
    assert len(body) < Limits().max_body_bytes
    assert kept_by_the_error(ENTRY_POINTS[name], body) < len(body) // 4
