"""The reading layer: what bodies are accepted, and how unreadable ones fail."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any, cast

import pytest
from hypothesis import given
from hypothesis import strategies as st

import vodsnap
from support import EXAMPLES
from vodsnap import Limits
from vodsnap._read import _CHUNK, _nests_deeper, read

BODY = (EXAMPLES / "snapshot-event-success.json").read_bytes()


@pytest.mark.parametrize(
    "form",
    [
        bytes,
        bytearray,
        memoryview,
        lambda b: b.decode(),
        lambda b: b"\xef\xbb\xbf" + b,
        lambda b: "\ufeff" + b.decode(),
    ],
    ids=["bytes", "bytearray", "memoryview", "str", "bom-bytes", "bom-str"],
)
def test_every_body_form_decodes_the_same(form: Callable[[bytes], Any]) -> None:
    assert vodsnap.parse(form(BODY)) == vodsnap.parse(BODY)


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (b"\xff\xfe{}", "body is not valid UTF-8 (byte 0)"),
        (BODY.decode().encode("utf-16"), "body is not valid UTF-8 (byte 0)"),
        (b"", "invalid JSON: Expecting value (line 1, column 1)"),
        (
            b"{",
            "invalid JSON: Expecting property name enclosed in double quotes (line 1, column 2)",
        ),
        (b"{} {}", "invalid JSON: Extra data (line 1, column 4)"),
        (b"[" * 50_000, "invalid JSON: nested too deeply to read"),
        (b"1" * 5000, "too many digits (5000)"),  # in its own words, not Python's advice
        (5, "expected bytes, str or a mapping, got int"),
        (None, "expected bytes, str or a mapping, got NoneType"),
        ([], "expected bytes, str or a mapping, got list"),
    ],
)
def test_unreadable_bodies_are_one_error_at_the_root(body: object, message: str) -> None:
    with pytest.raises(vodsnap.DecodeError) as info:
        vodsnap.parse(cast(Any, body))
    [error] = info.value.errors
    assert error.path == "$"
    assert error.message.startswith(message)
    assert info.value.body is body


@pytest.mark.parametrize("strict", [False, True])
@pytest.mark.parametrize("digits", [4301, 5000, 100_000])
def test_a_number_python_will_not_convert_is_reported_at_its_path(
    strict: bool, digits: int
) -> None:
    text = (EXAMPLES / "fast-snapshot-success.json").read_text()
    body = text.replace('"duration":30', '"duration":' + "1" * digits)
    for given_as in (body, body.encode()):
        with pytest.raises(vodsnap.DecodeError) as info:
            vodsnap.parse(given_as, strict=strict)
        assert [str(e) for e in info.value.errors] == [f"$.duration: too many digits ({digits})"]
        assert "sys.set_int_max_str_digits" not in str(info.value)


# -- the depth read off the text ---------------------------------------------------------------


def plain_depth(value: object) -> int:
    """The depth of parsed JSON, the obvious way: the body itself is depth 1."""
    if isinstance(value, dict):
        return 1 + max(map(plain_depth, value.values()), default=0)
    if isinstance(value, list):
        return 1 + max(map(plain_depth, value), default=0)
    return 0


#: Strings that look like JSON: brackets, quotes, backslashes and escapes inside them.
tricky_text = st.text(alphabet='[]{}"\\/ab\n\x00é', max_size=6)
#: Runs of empty siblings (innermost pairs side by side).
empty_siblings: st.SearchStrategy[list[Any]] = st.lists(
    st.sampled_from([[], {}]), min_size=14, max_size=40
)
json_like = st.recursive(
    st.none() | st.booleans() | st.integers() | tricky_text | empty_siblings,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(tricky_text, inner, max_size=4),
    max_leaves=30,
)


@given(
    json_like,
    st.integers(min_value=0, max_value=45),
    st.integers(min_value=8, max_value=40),
    st.sampled_from([None, 0, 2]),
    st.booleans(),
)
def test_the_depth_read_off_the_text_is_the_plain_depth_of_the_value(
    value: Any, wrap: int, max_depth: int, indent: int | None, ascii_only: bool
) -> None:
    """Shallow and deep (the value wrapped in up to 45 arrays or objects), against limits
    from the least to far past the default: the text's depth is the parsed value's."""
    for level in range(wrap):
        value = [value] if level % 3 else {"k[": value}
    text = json.dumps(value, indent=indent, ensure_ascii=ascii_only)
    limits = Limits(max_depth=max_depth)
    deeper = plain_depth(value) > max_depth
    assert _nests_deeper(text.encode("utf-8", "surrogatepass"), limits) is deeper
    for body in (text, text.encode()):
        for strict in (False, True):
            reading = read(body, strict=strict, limits=limits, depth=False)
            assert reading.owned is not deeper
            if deeper:
                with pytest.raises(vodsnap.DecodeError, match="nested deeper than max_depth"):
                    read(body, strict=strict, limits=limits)
            else:
                assert read(body, strict=strict, limits=limits).value == value


@given(
    st.integers(min_value=1, max_value=70),
    st.integers(min_value=8, max_value=40),
    st.integers(min_value=-2, max_value=2),
    st.sampled_from(["[]", "{}"]),
)
def test_the_depth_of_many_empty_siblings_at_the_limit_is_read_right(
    count: int, max_depth: int, offset: int, empty: str
) -> None:
    """Empty siblings at the deepest place, a level within, at or past the limit."""
    depth = max_depth + offset  # the siblings' own level
    siblings = "[" + ",".join([empty] * count) + "]"
    text = "[" * (depth - 2) + siblings + "]" * (depth - 2)
    assert plain_depth(json.loads(text)) == depth
    deeper = depth > max_depth
    assert _nests_deeper(text.encode(), Limits(max_depth=max_depth)) is deeper
    assert (
        read(text.encode(), strict=False, limits=Limits(max_depth=max_depth), depth=False).owned
        is not deeper
    )


def chain(depth: int, leaf: object) -> object:
    for _ in range(depth):
        leaf = [leaf]
    return leaf


@given(
    st.lists(
        st.tuples(
            st.integers(min_value=0, max_value=40),
            st.integers(min_value=0, max_value=400),
            st.sampled_from([None, "[{", {}]),
        ),
        min_size=1,
        max_size=12,
    ),
    st.integers(min_value=8, max_value=40),
)
def test_the_depth_of_long_bodies_is_read_right(
    parts: list[tuple[int, int, object]], max_depth: int
) -> None:
    """Bodies of thousands of brackets, read a chunk at a time: chains of any depth among
    runs of empty siblings, the deepest anywhere."""
    value = [[chain(depth, leaf), *[[]] * siblings] for depth, siblings, leaf in parts]
    text = json.dumps(value).encode()
    deeper = plain_depth(value) > max_depth
    assert _nests_deeper(text, Limits(max_depth=max_depth)) is deeper


@given(
    st.integers(min_value=(_CHUNK - 48) // 2, max_value=(_CHUNK - 3) // 2),
    st.integers(min_value=6, max_value=45),
    st.integers(min_value=8, max_value=40),
)
def test_a_chain_across_two_chunks_is_read_right(siblings: int, depth: int, max_depth: int) -> None:
    """A deep chain whose opening brackets straddle two chunks of ``_shallow``."""
    value = [[[]] * siblings, chain(depth, None)]
    deeper = plain_depth(value) > max_depth
    assert _nests_deeper(json.dumps(value).encode(), Limits(max_depth=max_depth)) is deeper
