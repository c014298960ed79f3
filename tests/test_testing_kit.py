"""vodsnap.testing, the Hypothesis entry point and the pytest plugin, as users meet them."""

from __future__ import annotations

import functools
import json
import re
import subprocess
import sys
import textwrap
from typing import Any

import pytest
from hypothesis import find, given, settings
from hypothesis import strategies as st

import vodsnap
from support import EXAMPLES, ROOT, of_type
from vodsnap import testing

pytest_plugins = ["pytester"]

OUTCOMES: list[testing.Outcome] = ["success", "failure", "any"]


@given(st.data(), st.sampled_from(OUTCOMES), st.booleans())
def test_every_body_decodes_and_keeps_its_outcome(
    data: st.DataObject, outcome: testing.Outcome, quirks: bool
) -> None:
    fast = data.draw(testing.fast_snapshot_bodies(outcome=outcome, quirks=quirks))
    event = data.draw(testing.snapshot_event_bodies(outcome=outcome, quirks=quirks))
    for body in (fast, event):
        wire: list[dict[str, Any] | bytes] = [body, testing.encode(body)]
        model = vodsnap.parse(data.draw(st.sampled_from(wire)))
        assert isinstance(
            model, vodsnap.FastSnapshotCallback | vodsnap.SnapshotByTimeOffsetComplete
        )
        if outcome != "any":
            assert model.succeeded is (outcome == "success")


@given(testing.bodies(), st.booleans())
def test_bodies_decode_from_bytes(body: dict[str, Any], escape: bool) -> None:
    encoded = testing.encode(body, escape_slashes=escape)
    assert (b"\\/" in encoded) is (escape and b"/" in json.dumps(body).encode())
    assert vodsnap.parse(encoded) == vodsnap.parse(body)


@given(
    testing.fast_snapshot_bodies(quirks=False)
    | testing.snapshot_event_bodies(quirks=False)
    | testing.unknown_event_bodies(quirks=False)
)
def test_without_quirks_bodies_are_the_documented_form(body: dict[str, Any]) -> None:
    assert vodsnap.to_wire(vodsnap.parse(body)) == body


@pytest.mark.shrinks
def test_shrinking_gives_small_readable_bodies() -> None:
    for strategy in (testing.fast_snapshot_bodies(), testing.snapshot_event_bodies()):
        smallest = find(strategy, lambda body: True, settings=settings(database=None))
        vodsnap.parse(smallest)
        assert len(json.dumps(smallest, ensure_ascii=False)) < 700
    failed = find(
        testing.snapshot_event_bodies(outcome="failure", quirks=False),
        lambda body: True,
        settings=settings(database=None),
    )
    [picture] = failed["data"]["picInfo"]  # one picture, and it failed
    assert set(picture) == {"status", "timeOffset"}


@given(
    st.one_of(
        testing.fast_snapshot_callbacks(),
        testing.snapshot_events(),
        testing.unknown_events(),
        testing.pic_infos(),
    )
)
def test_model_strategies(model: object) -> None:
    assert isinstance(
        model,
        vodsnap.FastSnapshotCallback
        | vodsnap.SnapshotByTimeOffsetComplete
        | vodsnap.UnknownEvent
        | vodsnap.PicInfo,
    )
    hash(model)


@pytest.mark.subprocess
def test_from_type_works_in_a_fresh_process_with_no_setup() -> None:
    code = textwrap.dedent(
        """
        from hypothesis import given, settings, strategies as st
        import vodsnap
        import sys

        names = ["FastSnapshotCallback", "SnapshotByTimeOffsetComplete", "SnapshotByTimeOffsetData",
                 "PicInfo", "UnknownEvent"]
        for name in names:
            cls = getattr(vodsnap, name)
            @settings(max_examples=5, database=None)
            @given(st.from_type(cls))
            def check(value):
                assert isinstance(value, cls), value
            check()
        assert "vodsnap._strategies" in sys.modules  # loaded only once a strategy was drawn
        print("ok")
        """
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "ok"


@pytest.mark.subprocess
def test_importing_the_kit_first_is_not_circular() -> None:
    code = "import vodsnap.testing, hypothesis; print(hypothesis.__version__ != '')"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "True"


@pytest.mark.subprocess
def test_without_hypothesis_the_body_helpers_work_and_strategies_say_what_to_install() -> None:
    code = textwrap.dedent(
        """
        import sys
        sys.modules["hypothesis"] = None  # as if Hypothesis were not installed
        import vodsnap
        from vodsnap.testing import OMIT, fast_snapshot_body, sign, snapshot_event_body
        assert vodsnap.parse(fast_snapshot_body(status=4)).error_code == "118"
        body = sign(b'{"EventType": "NewFileUpload"}', "key")
        assert vodsnap.parse(body, sign_key="key").event_type == "NewFileUpload"
        try:
            vodsnap.parse(snapshot_event_body(fileId=OMIT))
        except vodsnap.DecodeError:
            pass
        try:
            from vodsnap.testing import bodies
        except ImportError as exc:
            print(type(exc).__name__, exc.name, exc, sep="|")
        """
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == (
        "ImportError|hypothesis"
        "|vodsnap.testing.bodies needs Hypothesis: pip install 'vodsnap[testing]'"
    )


def test_packaged_examples_are_the_repositorys() -> None:
    assert testing.example_bodies() == {p.stem: p.read_bytes() for p in EXAMPLES.glob("*.json")}


def test_body_factories() -> None:
    failure = vodsnap.parse(testing.fast_snapshot_body(status=4))
    assert isinstance(failure, vodsnap.FastSnapshotCallback)
    assert (failure.succeeded, failure.error_code) == (False, "118")
    widened = vodsnap.parse(testing.fast_snapshot_body(width="720"))
    assert of_type(vodsnap.FastSnapshotCallback, widened).width == 720
    with pytest.raises(vodsnap.DecodeError, match=r"\$\.vid: required field missing"):
        vodsnap.parse(testing.fast_snapshot_body(vid=testing.OMIT))
    event = vodsnap.parse(testing.snapshot_event_body(fileId=7, version=4))
    assert isinstance(event, vodsnap.SnapshotByTimeOffsetComplete)
    assert (event.data.file_id, event.version) == ("7", "4.0")
    with pytest.raises(vodsnap.DecodeError, match=r"\$\.data\.picInfo: required field missing"):
        vodsnap.parse(testing.snapshot_event_body(picInfo=testing.OMIT))


@pytest.mark.subprocess
def test_pytest_plugin_in_a_throwaway_project(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(
        test_handler="""
        import vodsnap
        from vodsnap.testing import OMIT

        def test_examples(vodsnap_examples):
            assert sorted(vodsnap_examples) == [
                "fast-snapshot-failure", "fast-snapshot-success",
                "snapshot-event-failure", "snapshot-event-success",
            ]
            for body in vodsnap_examples.values():
                assert isinstance(body, bytes)
                vodsnap.parse(body)

        def test_failure_factory(make_fast_snapshot_body):
            body = make_fast_snapshot_body(status=4)
            assert isinstance(body, bytes)
            assert not vodsnap.parse(body).succeeded

        def test_event_factory(make_snapshot_event_body):
            event = vodsnap.parse(make_snapshot_event_body(definition=30))
            assert event.data.definition == 30
        """
    )
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider")
    result.assert_outcomes(passed=3)


@pytest.mark.subprocess
def test_the_docs_examples_run(pytester: pytest.Pytester) -> None:
    page = (ROOT / "docs" / "testing.md").read_text(encoding="utf-8")
    handler, signed = re.findall(r"```python\n(.*?)```", page, flags=re.DOTALL)
    pytester.makepyfile(test_docs_example=handler, test_docs_signed=signed)
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider")
    result.assert_outcomes(passed=8)


@given(st.data(), testing.bodies(quirks=False))
def test_quirked_bodies_decode_to_the_same_model(data: st.DataObject, body: dict[str, Any]) -> None:
    assert vodsnap.parse(data.draw(testing.quirked(body))) == vodsnap.parse(body)


DECIDED_OUTCOMES: tuple[testing.Outcome, ...] = ("success", "failure")


@given(st.data(), st.sampled_from(DECIDED_OUTCOMES))
def test_bodies_keep_their_outcome_whatever_the_kind(
    data: st.DataObject, outcome: testing.Outcome
) -> None:
    model = vodsnap.parse(data.draw(testing.bodies(outcome=outcome)))
    decided = vodsnap.FastSnapshotCallback | vodsnap.SnapshotByTimeOffsetComplete
    assert isinstance(model, decided | vodsnap.ImageSpriteComplete)
    assert model.succeeded is (outcome == "success")


def decodes_to(model: type, body: dict[str, Any]) -> bool:
    return isinstance(vodsnap.parse(body), model)


def test_bodies_reach_every_model() -> None:
    for model in (vodsnap.ProcedureStateChanged, vodsnap.ImageSpriteComplete, vodsnap.UnknownEvent):
        find(
            testing.bodies(),
            functools.partial(decodes_to, model),
            settings=settings(database=None, max_examples=2000),
        )
