"""The README's first example, run as written on every pushed body vodsnap bundles: each body
with snapshots reaches a branch that hands them on (a user copies the ``match`` as it is)."""

from __future__ import annotations

import re
from typing import Any

import pytest

import vodsnap
from support import ROOT
from vodsnap._examples import example_bodies, published_bodies

#: The README's ``match`` over what ``parse`` returns: the first Python block under "## Use".
USE = re.findall(
    r"```python\n(.*?)```",
    (ROOT / "README.md").read_text(encoding="utf-8").split("## Use", 1)[1],
    flags=re.DOTALL,
)[0]

#: Every pushed body: the pull responses (``-pullevents``) are ``parse_pull``'s, not ``parse``'s.
PUSHED = {
    name: body
    for name, body in {**example_bodies(), **published_bodies()}.items()
    if not name.endswith("-pullevents")
}


def run(body: bytes) -> list[tuple[str, tuple[Any, ...]]]:
    """What the README's example hands on for ``body``: ``(function, arguments)`` a call."""
    calls: list[tuple[str, tuple[Any, ...]]] = []

    def recorder(name: str) -> Any:
        return lambda *args: calls.append((name, args))

    namespace = {name: recorder(name) for name in ("store", "alert", "keep")}
    exec(USE, {**namespace, "request_body": body})
    return calls


def test_the_example_is_found() -> None:
    assert "vodsnap.parse(request_body)" in USE
    assert len(PUSHED) >= 10  # the four examples, task flows, sprites, Cloud Live, MPS


@pytest.mark.parametrize("name", sorted(PUSHED))
def test_every_snapshot_reaches_the_handler(name: str) -> None:
    model = vodsnap.parse(PUSHED[name])
    calls = run(PUSHED[name])
    handed: list[object] = [args[0] for _, args in calls if len(args) == 1]
    if isinstance(model, vodsnap.SnapshotByTimeOffsetComplete):
        assert handed == list(model.data.pic_info)
    elif isinstance(model, vodsnap.FastSnapshotCallback):
        assert [function for function, _ in calls] == [
            "store" if model.status is vodsnap.FastSnapshotStatus.SUCCESS else "alert"
        ]
    elif isinstance(model, vodsnap.UnknownEvent | vodsnap.UnknownLiveEvent):
        assert calls == []
    else:  # every other shape: the snapshots of the one view, in order
        assert handed == list(vodsnap.snapshots(model))
        assert handed, name  # each published body of these shapes has a snapshot
