"""What ``import vodsnap`` leaves for first use (a task flow's and an image sprite's classes and
tables), and that everything reaches them as before: fresh processes, one thread or many."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

import vodsnap
from support import EXAMPLES, ROOT

PUBLISHED = ROOT / "tests" / "data" / "published"

#: Defined on first use: ``import vodsnap`` and decoding the snapshot callbacks never need them.
ON_FIRST_USE = [
    "vodsnap._tasks",
    "vodsnap._image_sprite",
    "vodsnap._task_snapshots",
    "vodsnap._wire.procedure",
    "vodsnap._wire.image_sprite",
]


def run(script: str, *args: str) -> str:
    code = textwrap.dedent(script)
    done = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


@pytest.mark.subprocess
def test_snapshot_callbacks_never_load_the_task_flow_or_the_image_sprite() -> None:
    out = run(
        """
        import pathlib, sys
        import vodsnap
        for path in sorted(pathlib.Path(sys.argv[1]).glob("*.json")):
            model = vodsnap.parse(path.read_bytes())
            vodsnap.parse(vodsnap.to_wire(model)), vodsnap.snapshots(model)
        print(sorted(name for name in sys.argv[2:] if name in sys.modules))
        """,
        str(EXAMPLES),
        *ON_FIRST_USE,
    )
    assert out == "[]"


@pytest.mark.subprocess
def test_decoding_alone_never_loads_snapshots() -> None:
    out = run(
        """
        import sys
        import vodsnap
        vodsnap.parse(open(sys.argv[1], "rb").read())
        loaded = "vodsnap._snapshots" in sys.modules
        print(loaded, vodsnap.snapshots.__module__, "vodsnap._snapshots" in sys.modules)
        """,
        str(EXAMPLES / "fast-snapshot-success.json"),
    )
    assert out == "False vodsnap._snapshots True"


@pytest.mark.subprocess
def test_annotations_and_the_public_names_reach_them_in_a_fresh_process() -> None:
    out = run(
        """
        import typing
        import vodsnap
        hints = typing.get_type_hints(vodsnap.ProcedureStateChanged)
        assert hints["data"] is vodsnap.ProcedureData, hints
        hints = typing.get_type_hints(vodsnap.ImageSpriteComplete)
        assert hints["data"] is vodsnap.ImageSpriteData, hints
        assert typing.get_type_hints(vodsnap.parse)["return"] == vodsnap.Callback
        assert set(vodsnap.__all__) <= set(dir(vodsnap))
        print(vodsnap.TaskStatus.FAIL, vodsnap.ProcedureData.__module__)
        """
    )
    assert out == "FAIL vodsnap._tasks"


@pytest.mark.subprocess
def test_the_public_converter_structures_a_task_flow_first() -> None:
    body = (PUBLISHED / "procedure-v4-current.json").read_text()
    out = run(
        """
        import json, sys
        import vodsnap
        event = vodsnap.converter.structure(json.loads(sys.argv[1]), vodsnap.ProcedureStateChanged)
        assert event == vodsnap.parse(sys.argv[1])
        assert vodsnap.converter.unstructure(event) == json.loads(sys.argv[1])
        print(type(event.data).__name__, len(event.data.tasks))
        """,
        body,
    )
    event = vodsnap.parse(body)
    assert isinstance(event, vodsnap.ProcedureStateChanged)
    assert out == f"ProcedureData {len(event.data.tasks)}"


THREADS = """
    import pathlib, sys, threading
    import vodsnap  # cold: no task flow or image sprite defined yet

    paths = sorted(pathlib.Path(sys.argv[1]).glob("*.json"))
    bodies = [p.read_bytes() for p in paths if p.name.startswith(("procedure", "image-sprite"))]

    def outcome(body):
        decode = vodsnap.parse_pull if b"EventSet" in body else vodsnap.parse
        try:
            model = decode(body)
        except vodsnap.DecodeError as exc:  # one published body is refused: its errors then
            return repr(exc.errors)
        return repr((model, vodsnap.to_wire(model), vodsnap.snapshots(model)))

    barrier = threading.Barrier(16)
    results = {}

    def work(n):
        barrier.wait()  # all start together, racing to define the classes and tables
        results[n] = [outcome(b) for b in bodies]

    threads = [threading.Thread(target=work, args=(n,)) for n in range(16)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert all(r == [outcome(b) for b in bodies] for r in results.values()), "threads disagree"
    print(len(results), len(bodies))
"""


@pytest.mark.subprocess
def test_threads_meeting_the_first_task_flow_at_once_agree() -> None:
    for _ in range(3):
        assert run(THREADS, str(PUBLISHED)) == "16 9"
