"""Round trips and quirk equivalences, for every body the strategies can make."""

from __future__ import annotations

from typing import Any

from hypothesis import given
from hypothesis import strategies as st

import vodsnap
from strategies import (
    any_body,
    encoded,
    fast_snapshot_bodies,
    quirked,
    snapshot_event_bodies,
    unknown_event_bodies,
)


@given(any_body)
def test_canonical_bodies_are_exactly_what_to_wire_writes(body: dict[str, Any]) -> None:
    assert vodsnap.to_wire(vodsnap.parse(body)) == body


@given(st.data(), any_body)
def test_parse_to_wire_parse_is_parse(data: st.DataObject, body: dict[str, Any]) -> None:
    model = vodsnap.parse(data.draw(encoded(data.draw(quirked(body)))))
    again = vodsnap.parse(vodsnap.to_wire(model))
    assert again == model
    assert hash(again) == hash(model)


@given(st.data(), any_body)
def test_quirks_do_not_change_the_model(data: st.DataObject, body: dict[str, Any]) -> None:
    variant = data.draw(encoded(data.draw(quirked(body))))
    assert vodsnap.parse(variant) == vodsnap.parse(body)


@given(fast_snapshot_bodies())
def test_fast_snapshot_bodies_have_their_own_parser(body: dict[str, Any]) -> None:
    assert vodsnap.parse_fast_snapshot(body) == vodsnap.parse(body)


@given(snapshot_event_bodies() | unknown_event_bodies())
def test_event_bodies_have_their_own_parser(body: dict[str, Any]) -> None:
    assert vodsnap.parse_event(body) == vodsnap.parse(body)
