"""Mutate one field of a valid body, and the error names exactly that field.

Each field has a kind; each kind has values that must be refused (wrong type, null where null is
not allowed, huge, nested, odd Unicode) and values that must still decode (any Unicode, lone
surrogates, huge integers).
"""

from __future__ import annotations

import json
import re
from typing import Any

from hypothesis import assume, given
from hypothesis import strategies as st

from strategies import fast_snapshot_bodies, json_values, pic_infos, snapshot_event_bodies
from support import errors_of

FAST_FIELDS = {
    "vid": "str",
    "app_id": "int",
    "bucket_name": "str",
    "bucket_region": "str",
    "url": "str",
    "duration": "int",
    "width": "int",
    "height": "int",
    "create_time": "time",
    "finish_time": "time",
    "status": "status",
    "result": "str_list",
    "error_code": "code",
    "error_msg": "optional_str",
    "deleted": "yes_no",
}
#: A field's keys in the body (an array's by its index), and the kind of its values.
EVENT_FIELDS: dict[tuple[str | int, ...], str] = {
    ("version",): "version",
    ("data", "vodTaskId"): "str",
    ("data", "fileId"): "id",
    ("data", "definition"): "int",
    ("data", "picInfo", 0, "timeOffset"): "int",
    ("data", "picInfo", 0, "status"): "int",
    ("data", "picInfo", 0, "url"): "optional_str",
}
URL = ("data", "picInfo", 0, "url")
STATUS = ("data", "picInfo", 0, "status")
OPTIONAL = {("error_code",), ("error_msg",), ("deleted",), URL}

nested = st.integers(2, 60).map(lambda n: json.loads("[" * n + "]" * n))
objects = st.dictionaries(st.text(max_size=5), json_values(4), max_size=3)
floats = st.floats(allow_nan=False, allow_infinity=False)
bools = st.booleans()
surrogate_text = st.text(st.characters(codec=None, categories=["Cs", "Lo", "So", "Zs"]), max_size=8)
odd_digits = st.sampled_from(
    ["٣", "²", "\uff11\uff12", "1_0", " 1", "1 ", "+1", "0x1", "1e3", "1.0", "", "-"]
)
huge_digits = st.integers(4301, 6000).map(lambda n: "9" * n)

BAD: dict[str, st.SearchStrategy[Any]] = {
    "str": st.none()
    | bools
    | st.integers()
    | floats
    | st.lists(st.text(), max_size=2)
    | objects
    | nested,
    "optional_str": bools | st.integers() | floats | objects | nested,
    "int": st.none()
    | bools
    | floats
    | odd_digits
    | huge_digits
    | st.text(st.characters(categories=["L"]), min_size=1)
    | objects
    | nested,
    "status": st.none()
    | bools
    | floats
    | st.integers().filter(lambda i: i not in (3, 4, 5))
    | odd_digits
    | objects,
    "time": st.none()
    | bools
    | st.integers()
    | floats
    | st.sampled_from(["", "x", "2018-08-23", "16:25:18", "2018-02-30 10:00:00"])
    | objects
    | nested,
    "str_list": st.none()
    | bools
    | st.integers()
    | st.text()
    | objects
    | st.lists(st.integers(), min_size=1, max_size=3),
    "code": bools | floats | objects | nested,
    "yes_no": st.none()
    | bools
    | st.integers()
    | st.text().filter(lambda t: t not in ("yes", "no"))
    | objects,
    "version": st.none() | bools | objects | nested | st.sampled_from([float("nan"), float("inf")]),
    "id": st.none() | bools | floats | objects | nested,
}
GOOD: dict[str, st.SearchStrategy[Any]] = {
    "str": surrogate_text | st.text(max_size=3000),
    "optional_str": st.none() | surrogate_text,
    "int": st.integers(-(10**100), 10**100) | st.integers(-(10**18), 10**18).map(str),
    "code": st.none() | st.integers() | surrogate_text,
    "id": st.integers(0, 10**40) | surrogate_text,
}


def wire_path(keys: tuple[Any, ...]) -> str:
    return "$" + "".join(f"[{k}]" if isinstance(k, int) else f".{k}" for k in keys)


def put(body: dict[str, Any], keys: tuple[Any, ...], value: Any) -> None:
    node: Any = body
    for key in keys[:-1]:
        node = node[key]
    node[keys[-1]] = value


def remove(body: dict[str, Any], keys: tuple[Any, ...]) -> None:
    node: Any = body
    for key in keys[:-1]:
        node = node[key]
    node.pop(keys[-1], None)


def bodies_and_fields() -> st.SearchStrategy[tuple[dict[str, Any], tuple[Any, ...], str]]:
    fast = st.tuples(fast_snapshot_bodies(), st.sampled_from(sorted(FAST_FIELDS))).map(
        lambda bf: (bf[0], (bf[1],), FAST_FIELDS[bf[1]])
    )

    @st.composite
    def event(draw: st.DrawFn) -> tuple[dict[str, Any], tuple[Any, ...], str]:
        body = draw(snapshot_event_bodies())
        if not body["data"]["picInfo"]:
            body["data"]["picInfo"].append(draw(pic_infos))
        keys = draw(st.sampled_from(sorted(EVENT_FIELDS, key=str)))
        picture = body["data"]["picInfo"][0]
        if keys == URL:  # optional only for a failed picture: one taken must send its URL
            picture["status"] = draw(st.integers(1, 2**31))
        elif keys == STATUS:  # any status may then be sent, 0 (taken) included
            picture.setdefault("url", "http://0.cossh.myqcloud.com/0/0.png")
        return body, keys, EVENT_FIELDS[keys]

    return fast | event()


@given(bodies_and_fields(), st.data(), st.booleans())
def test_a_bad_value_is_reported_at_its_field_and_nowhere_else(
    case: tuple[dict[str, Any], tuple[Any, ...], str], data: st.DataObject, as_text: bool
) -> None:
    body, keys, kind = case
    put(body, keys, data.draw(BAD[kind], label="bad value"))
    found = errors_of(json.dumps(body) if as_text else body)
    assert found
    for path, message in found:
        assert path.startswith(wire_path(keys)), found
        below = path[len(wire_path(keys)) :]
        # Below the field only for too deep a nesting, or for each bad item of a list field.
        assert (
            below == ""
            or "max_depth" in message
            or (kind == "str_list" and re.fullmatch(r"\[\d+\]", below))
        ), found
    assert len(found) == 1 or kind == "str_list", found


@given(bodies_and_fields(), st.data())
def test_a_good_value_decodes(
    case: tuple[dict[str, Any], tuple[Any, ...], str], data: st.DataObject
) -> None:
    body, keys, kind = case
    assume(kind in GOOD)
    put(body, keys, data.draw(GOOD[kind], label="good value"))
    assert errors_of(body) == []
    assert errors_of(json.dumps(body)) == []


@given(bodies_and_fields())
def test_a_missing_field_is_named_unless_optional(
    case: tuple[dict[str, Any], tuple[Any, ...], str],
) -> None:
    body, keys, _ = case
    remove(body, keys)
    expected = [] if keys in OPTIONAL else [(wire_path(keys), "required field missing")]
    assert errors_of(body) == expected


#: Bad values that are not containers, so that each error is at the field itself.
BAD_SCALARS: dict[str, st.SearchStrategy[Any]] = {
    "str": st.none() | bools | st.integers() | floats,
    "optional_str": bools | st.integers() | floats,
    "int": st.none() | bools | floats | odd_digits,
    "status": st.none() | bools | st.sampled_from([0, 6, -5]) | odd_digits,
    "time": st.none() | bools | st.integers() | st.sampled_from(["", "x", "2018-08-23"]),
    "str_list": st.none() | bools | st.integers() | st.text(),
    "code": bools | floats,
    "yes_no": st.none() | bools | st.integers(),
    "version": st.none() | bools | st.sampled_from([float("nan"), float("inf")]),
    "id": st.none() | bools | floats,
}


@given(bodies_and_fields(), st.data())
def test_two_bad_fields_are_both_reported(
    case: tuple[dict[str, Any], tuple[Any, ...], str], data: st.DataObject
) -> None:
    body, keys, kind = case
    table: dict[tuple[str | int, ...], str] = (
        EVENT_FIELDS if keys in EVENT_FIELDS else {(k,): v for k, v in FAST_FIELDS.items()}
    )
    other = data.draw(st.sampled_from(sorted(set(table) - {keys}, key=str)))
    put(body, keys, data.draw(BAD_SCALARS[kind]))
    put(body, other, data.draw(BAD_SCALARS[table[other]]))
    paths = sorted(path for path, _ in errors_of(body))
    assert paths == sorted([wire_path(keys), wire_path(other)])
