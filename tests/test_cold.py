"""What a fresh process makes to decode its first body: only the functions of that body's
format, each whole however many threads race for it (never timed: speed is measured in
benchmarks/)."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

import pytest

from support import EXAMPLES, ROOT

PUBLISHED = ROOT / "tests" / "data" / "published"

#: Prints the models whose fast structure function the process has generated (their source is
#: kept in ``linecache`` under the model's name), after ``import vodsnap`` and each body.
MADE = textwrap.dedent(
    """
    import json, linecache, pathlib, sys
    import vodsnap

    def made():
        prefix = "<vodsnap fast structure "
        return sorted({k[len(prefix):].split()[0] for k in linecache.cache if k.startswith(prefix)})

    seen = [made()]
    for path in sys.argv[1:]:
        vodsnap.parse(pathlib.Path(path).read_bytes())
        seen.append(made())
    print(json.dumps(seen))
    """
)


def made_after(*bodies: str) -> list[list[str]]:
    out = subprocess.run(
        [sys.executable, "-c", MADE, *(str(PUBLISHED / b) for b in bodies)],
        capture_output=True,
        text=True,
        check=True,
    )
    made: list[list[str]] = json.loads(out.stdout)
    return made


@pytest.mark.subprocess
def test_a_first_body_makes_only_its_formats_functions() -> None:
    fast, mps = "fast-snapshot-success.json", "mps-workflowtask-scf-trigger.json"
    at_import, after_fast, after_mps = made_after(fast, mps)
    assert at_import == []
    assert after_fast == ["FastSnapshotCallback"]
    assert "MpsWorkflowTask" in after_mps
    assert set(after_mps) > set(after_fast)


RACE = textwrap.dedent(
    """
    import pathlib, sys, threading
    import vodsnap  # cold: no format's functions made yet

    bodies = [p.read_bytes() for p in sorted(pathlib.Path(sys.argv[1]).glob("*.json"))]
    bodies += [p.read_bytes() for p in sorted(pathlib.Path(sys.argv[2]).glob("*.json"))]

    def outcome(body, decode):
        try:
            return repr(decode(body))
        except vodsnap.DecodeError as exc:
            return repr(exc.errors)

    decoders = [vodsnap.parse_any, vodsnap.parse_fast_snapshot, vodsnap.parse_event]
    barrier = threading.Barrier(8)
    results = {}

    def work(n):
        barrier.wait()  # all start together, racing for each format's first body
        results[n] = [outcome(b, d) for d in decoders for b in bodies]

    threads = [threading.Thread(target=work, args=(n,)) for n in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    expected = [outcome(b, d) for d in decoders for b in bodies]
    assert all(r == expected for r in results.values()), "threads disagree"
    print(len(results))
    """
)


@pytest.mark.subprocess
def test_threads_racing_for_every_formats_first_body_agree_with_one_thread() -> None:
    for _ in range(2):
        out = subprocess.run(
            [sys.executable, "-c", RACE, str(PUBLISHED), str(EXAMPLES)],
            capture_output=True,
            text=True,
            check=True,
        )
        assert out.stdout.split() == ["8"]
