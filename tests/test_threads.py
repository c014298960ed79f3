"""Many threads decoding at once, from a cold start, agree with one thread."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

from support import EXAMPLES

SCRIPT = textwrap.dedent(
    """
    import sys, threading, pathlib, json
    import vodsnap  # cold: nothing decoded yet

    bodies = [p.read_bytes() for p in sorted(pathlib.Path(sys.argv[1]).glob("*.json"))]
    bodies += [b'{"vid": 1}', b"\\xff", b'{"version": 4, "eventType": "X", "data": {"a": [1]}}']
    options = [{}, {"strict": True}, {"limits": vodsnap.Limits(max_pictures=1)}]

    def outcome(body, opts):
        try:
            return repr(vodsnap.parse(body, **opts))
        except vodsnap.DecodeError as exc:
            return repr(exc.errors)

    barrier = threading.Barrier(16)
    results = {}

    def work(n):
        barrier.wait()  # all start together, racing for the first calls
        results[n] = [outcome(b, o) for _ in range(20) for o in options for b in bodies]

    threads = [threading.Thread(target=work, args=(n,)) for n in range(16)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    expected = [outcome(b, o) for _ in range(20) for o in options for b in bodies]
    assert all(r == expected for r in results.values()), "threads disagree"
    print(len(results), len(expected))
    """
)


@pytest.mark.subprocess
def test_threads_from_a_cold_process_agree_with_one_thread() -> None:
    for _ in range(3):
        out = subprocess.run(
            [sys.executable, "-c", SCRIPT, str(EXAMPLES)],
            capture_output=True,
            text=True,
            check=True,
        )
        assert out.stdout.split() == ["16", str(20 * 3 * 7)]
