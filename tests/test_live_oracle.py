"""Cloud Live and MPS against the independent oracle (tests/oracle/live_mps_oracle.py, written
from the reference alone): snapshots, facts and signatures, wherever the oracle has an opinion."""

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
MPS = sorted(p.stem for p in PUBLISHED.glob("mps-*.json"))
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


#: The oracle has no opinion on most quirks (numbers as text, null for absent): plain bodies too.
LIVE_BODIES = testing.live_event_bodies(quirks=False) | testing.live_event_bodies()


@given(LIVE_BODIES)
def test_generated_bodies_agree_with_the_oracle(body: dict[str, Any]) -> None:
    expected = theirs(body)
    assume(expected is not None)
    assert ours(body) == expected


@given(
    LIVE_BODIES,
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


# -- MPS ------------------------------------------------------------------------------------


def ours_mps(body: Any) -> list[dict[str, Any]]:
    """Our snapshots in the oracle's terms. The oracle gives ``storage`` only where it knows the
    bucket and region (and so the URL); ours is set for every image, with ``None`` where the
    body does not say: the oracle's ``None`` is ours without a URL."""
    found = []
    for shot in vodsnap.snapshots(vodsnap.parse(body)):
        storage = None
        if shot.storage is not None and shot.url is not None:
            storage = {
                "type": shot.storage.type,
                "bucket": shot.storage.bucket,
                "region": shot.storage.region,
                "path": shot.storage.path,
            }
        found.append(
            {
                "kind": shot.kind.name,
                "url": shot.url,
                "time_offset": shot.time_offset,
                "definition": shot.definition,
                "stream_id": shot.stream_id,
                "error": shot.error_code,
                "storage": storage,
                "ok": shot.ok,
            }
        )
    return found


def theirs_mps(body: Any) -> list[dict[str, Any]] | None:
    found = live_mps_oracle.snapshots(copy.deepcopy(body))
    if found is None:
        return None
    return [entry | {"ok": entry["error"] is None} for entry in found]


@pytest.mark.parametrize("name", MPS)
def test_published_mps_bodies_agree_with_the_oracle(name: str) -> None:
    body = json.loads((PUBLISHED / f"{name}.json").read_text(encoding="utf-8"))
    expected = theirs_mps(body)
    assert expected is not None, "the oracle has an opinion on every published MPS body"
    assert ours_mps(body) == expected
    assert live_mps_oracle.facts(copy.deepcopy(body)) is not None
    assert_facts_agree(body)


def assert_facts_agree(body: dict[str, Any]) -> None:
    facts = live_mps_oracle.facts(copy.deepcopy(body))
    if facts is None:
        return
    model = vodsnap.parse(body)
    assert isinstance(model, vodsnap.MpsWorkflowTask | vodsnap.MpsScheduleTask)
    assert (model.event_type, model.task_id) == (facts["event_type"], facts["task_id"])
    assert (model.status.value, model.err_code) == (facts["status"], facts["err_code"])
    assert model.message == facts["message"]
    assert (model.session_id, model.session_context) == (
        facts["session_id"],
        facts["session_context"],
    )
    expires = None if model.timestamp is None else int(model.timestamp.timestamp())
    assert (expires, model.sign) == (facts["timestamp"], facts["sign"])


MPS_BODIES = testing.mps_bodies(quirks=False) | testing.mps_bodies()  # as LIVE_BODIES


@given(MPS_BODIES)
def test_generated_mps_bodies_agree_with_the_oracle(body: dict[str, Any]) -> None:
    expected = theirs_mps(body)
    assert_facts_agree(body)
    assume(expected is not None)
    assert ours_mps(body) == expected


@given(MPS_BODIES)
def test_an_mps_image_without_a_known_bucket_keeps_its_storage(body: dict[str, Any]) -> None:
    """Where the oracle gives no storage (the body does not name the bucket and region), ours
    still says the path and whatever the body names, and has no URL."""
    expected = theirs_mps(body)
    assume(expected is not None)
    assert expected is not None  # for the type checker: assume() has just made it so
    for shot, entry in zip(vodsnap.snapshots(vodsnap.parse(body)), expected, strict=True):
        if entry["error"] is None and entry["storage"] is None:
            assert shot.url is None
            assert shot.storage is not None
            assert shot.storage.path.startswith("/")
