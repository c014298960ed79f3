"""The reading layer: what bodies are accepted, and how unreadable ones fail."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, cast

import pytest

import vodsnap
from support import EXAMPLES

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
