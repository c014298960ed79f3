"""Cloud Live against the independent oracle (tests/oracle/live_mps_oracle.py, written from the
reference alone): snapshots and signatures, wherever the oracle has an opinion."""

from __future__ import annotations

import copy
import hashlib
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

import vodsnap
from oracle import live_mps_oracle
from vodsnap import testing

PUBLISHED = Path(__file__).parent / "data" / "published"
LIVE = sorted(p.stem for p in PUBLISHED.glob("css-*.json"))
NOW = 1_700_000_000


def ours(body: Any) -> list[tuple[Any, ...]]:
    return [(s.kind.name, s.url, s.stream_id) for s in vodsnap.snapshots(vodsnap.parse(body))]


def theirs(body: Any) -> list[tuple[Any, ...]] | None:
    found = live_mps_oracle.snapshots(copy.deepcopy(body))
    if found is None:
        return None
    return [(e["kind"], e["url"], e["stream_id"]) for e in found]


@pytest.mark.parametrize("name", LIVE)
def test_published_bodies_agree_with_the_oracle(name: str) -> None:
    body = json.loads((PUBLISHED / f"{name}.json").read_text(encoding="utf-8"))
    expected = theirs(body)
    assert expected is not None, "the oracle has an opinion on every published Cloud Live body"
    assert ours(body) == expected


@given(testing.live_event_bodies())
def test_generated_bodies_agree_with_the_oracle(body: dict[str, Any]) -> None:
    expected = theirs(body)
    assume(expected is not None)
    assert ours(body) == expected


@given(
    testing.live_event_bodies(),
    st.integers(NOW - 1_000, NOW + 1_000),
    st.sampled_from(["right", "upper", "other key"]),
)
def test_signatures_agree_with_the_oracle(body: dict[str, Any], t: int, how: str) -> None:
    key = "a-callback-key"
    signer = "another-key" if how == "other key" else key
    sign = hashlib.md5(
        (signer + str(t)).encode()
    ).hexdigest()  # the reference's sign = MD5(key + t)
    body = body | {"t": t, "sign": sign.upper() if how == "upper" else sign}
    expected = live_mps_oracle.signature_ok(copy.deepcopy(body), key, NOW)
    assume(expected is not None)
    try:
        vodsnap.verify_signature(body, key, now=NOW)
    except vodsnap.SignatureError:
        verified = False
    else:
        verified = True
    assert verified is expected
