"""DecodeError: every problem, with its wire path, and the body exactly as given."""

from __future__ import annotations

import json
import pickle
from collections.abc import Iterator, Mapping

import pytest
from hypothesis import given
from hypothesis import strategies as st

import vodsnap
from support import EXAMPLES
from vodsnap import DecodeError, FieldError


def broken_event() -> bytes:
    return json.dumps(
        {
            "version": "4.0",
            "eventType": "CreateSnapshotByTimeOffsetComplete",
            "data": {
                "fileId": "1",
                "definition": "ten",
                "picInfo": [
                    {"timeOffset": 1, "status": 0, "url": "http://a/1.png"},
                    {"status": 0},
                    {"timeOffset": 2.5, "status": "x"},
                ],
            },
        }
    ).encode()


def test_every_problem_is_listed_with_its_wire_path() -> None:
    body = broken_event()
    with pytest.raises(DecodeError) as info:
        vodsnap.parse(body)
    assert [(e.path, e.message) for e in info.value.errors] == [
        ("$.data.vodTaskId", "required field missing"),
        ("$.data.definition", "expected an integer, got the string 'ten'"),
        ("$.data.picInfo[1].timeOffset", "required field missing"),
        ("$.data.picInfo[2].timeOffset", "expected an integer, got the number 2.5"),
        ("$.data.picInfo[2].status", "expected an integer, got the string 'x'"),
    ]


def test_the_body_is_kept_exactly_as_given() -> None:
    for body in (
        broken_event(),
        bytearray(broken_event()),
        broken_event().decode(),
        json.loads(broken_event()),
    ):
        with pytest.raises(DecodeError) as info:
            vodsnap.parse(body)
        assert info.value.body is body


def test_str_is_one_line_per_problem() -> None:
    with pytest.raises(DecodeError) as info:
        vodsnap.parse(broken_event())
    lines = str(info.value).splitlines()
    assert len(lines) == len(info.value.errors) == 5
    assert lines[0] == "$.data.vodTaskId: required field missing"
    assert all(line == str(err) for line, err in zip(lines, info.value.errors, strict=True))


def test_decode_error_is_a_value_error_and_pickles() -> None:
    with pytest.raises(ValueError, match="vodTaskId") as info:
        vodsnap.parse(broken_event())
    again = pickle.loads(pickle.dumps(info.value))
    assert isinstance(again, DecodeError)
    assert isinstance(info.value, DecodeError)
    assert (again.errors, again.body) == (info.value.errors, info.value.body)


def test_decode_error_needs_a_problem() -> None:
    with pytest.raises(ValueError, match="at least one"):
        DecodeError([], b"")
    err = DecodeError([FieldError("$", "bad")], b"x")
    assert (str(err), err.errors, err.body) == ("$: bad", (FieldError("$", "bad"),), b"x")


def test_keys_that_are_not_identifiers_are_quoted_in_paths() -> None:
    body = {"version": "4.0", "eventType": "X", "data": {"a b": {"c.d": [1, {"e": {1}}]}}}
    with pytest.raises(DecodeError) as info:
        vodsnap.parse(body)
    assert [e.path for e in info.value.errors] == ['$.data["a b"]["c.d"][1].e']


def test_no_cattrs_exception_escapes_the_converter_error_path() -> None:
    # Deep unknown data is refused at a path, not with a RecursionError.
    data: dict[str, object] = {}
    node = data
    for _ in range(200):
        node["a"] = node = {}
    with pytest.raises(DecodeError) as info:
        vodsnap.parse({"version": "4.0", "eventType": "X", "data": data})
    [error] = info.value.errors
    assert error.path.startswith("$.data.a.a.a")
    assert "nested deeper" in error.message


# -- repr never raises and stays small, whatever the body (#13) --------------------------------

REPR_LIMIT = 1_000


class Hostile:
    """An object whose repr raises."""

    def __repr__(self) -> str:
        raise RuntimeError("no repr")


class Endless(Mapping[str, object]):
    """A mapping whose every method raises."""

    def __getitem__(self, key: str) -> object:
        raise RuntimeError("no item")

    def __iter__(self) -> Iterator[str]:
        raise RuntimeError("no keys")

    def __len__(self) -> int:
        raise RuntimeError("no length")

    def __repr__(self) -> str:
        return repr(dict(self))


def deep(depth: int) -> dict[str, object]:
    body: dict[str, object] = {}
    node = body
    for _ in range(depth):
        node["a"] = node = {}
    return body


@pytest.mark.parametrize(
    "body",
    [deep(100_000), {"a": 10**5000}, 10**5000, [deep(100_000)], Hostile(), Endless()],
    ids=["100000-deep", "long-int-inside", "long-int", "deep-list", "hostile", "endless"],
)
def test_repr_never_raises(body: object) -> None:
    with pytest.raises(Exception):  # noqa: B017, PT011 (the plain repr fails, whichever way)
        repr(body)
    for error in (
        DecodeError([FieldError("$", "bad")], body),
        vodsnap.SignatureError("missing", "no 'Sign'", body),
    ):
        text = repr(error)
        assert text.startswith(type(error).__name__ + "(")
        assert len(text) <= REPR_LIMIT
        assert error.body is body
    report = DecodeError([FieldError("$", "bad")], body).report()
    assert len(json.dumps(report)) < 2 * REPR_LIMIT  # the lossy form, bounded when repr fails


@pytest.mark.parametrize("kind", [bytes, bytearray, str, memoryview])
def test_a_100_mb_body_gives_a_small_repr_and_is_kept_whole(kind: type) -> None:
    raw = b"x" * (100 * 2**20)
    body = raw.decode() if kind is str else kind(raw)
    error = DecodeError([FieldError("$", "too big")], body)
    assert len(repr(error)) <= REPR_LIMIT
    assert "xxxx" in repr(error)  # an excerpt of the body, not nothing
    assert error.body is body
    assert len(error.body) == 100 * 2**20


@given(
    st.lists(st.tuples(st.text(), st.text()), min_size=1, max_size=30),
    st.recursive(
        st.none() | st.integers() | st.floats() | st.text() | st.binary(),
        lambda inner: st.lists(inner) | st.dictionaries(st.text() | st.integers(), inner),
    ),
)
def test_repr_is_bounded_and_names_the_first_problem(
    problems: list[tuple[str, str]], body: object
) -> None:
    error = DecodeError([FieldError(path, message) for path, message in problems], body)
    text = repr(error)
    assert len(text) <= REPR_LIMIT
    path, message = problems[0]
    if len(repr(path)) + len(repr(message)) < 100:
        assert f"FieldError(path={path!r}, message={message!r})" in text
    if len(problems) > 3:
        assert f"... {len(problems) - 3} more" in text


def test_a_small_repr_shows_everything() -> None:
    error = DecodeError([FieldError("$.vid", "required field missing")], {"status": 5})
    assert repr(error) == (
        "DecodeError([FieldError(path='$.vid', message='required field missing')], "
        "body={'status': 5})"
    )


@pytest.mark.parametrize(("value", "shown"), [(b"x", "bytes"), (object(), "object"), ({1}, "set")])
def test_a_python_value_that_is_not_json_is_named_as_such(value: object, shown: str) -> None:
    body = json.loads((EXAMPLES / "fast-snapshot-success.json").read_bytes()) | {"vid": value}
    with pytest.raises(vodsnap.DecodeError) as caught:
        vodsnap.parse(body)
    assert caught.value.errors[0] == vodsnap.FieldError(
        "$.vid", f"expected a string, got a Python '{shown}', not a JSON value"
    )
