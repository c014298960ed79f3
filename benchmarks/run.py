"""vodsnap against the decoders a user would pick instead, same bodies, same run, interleaved.

    python benchmarks/run.py            # the full run (a few minutes)
    python benchmarks/run.py --quick    # fewer rounds, for a first look

Needs vodsnap installed, plus pydantic and msgspec (``pip install -r benchmarks/requirements.txt``).
Prints a Markdown report: the median time per call of each decoder on each body, each peer's
time as a ratio of vodsnap's (above 1: vodsnap is faster), and vodsnap's time as a multiple of
pydantic-plain's (the rule of issue 19).
"""

from __future__ import annotations

import argparse
import compileall
import json
import platform
import random
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from importlib.metadata import version
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import msgspec  # noqa: E402
import orjson  # noqa: E402
import pydantic  # noqa: E402
from peers import handwritten, msgspec_peer, pydantic_peer, pydantic_plain  # noqa: E402

import vodsnap  # noqa: E402
from vodsnap import _read  # noqa: E402

#: vodsnap uses msgspec when it is installed (before 0.2: orjson, under another name); the
#: runs without it switch it off for their batch. The same script measures both versions.
PARSER_NAME = "_fast_loads" if hasattr(_read, "_fast_loads") else "_orjson_loads"
FAST_PARSER = getattr(_read, PARSER_NAME)
STDLIB_ONLY = {"vodsnap", "hand-written"}

EXAMPLES = HERE.parent / "examples"
PUBLISHED = HERE.parent / "tests" / "data" / "published"


#: Bodies only pydantic-plain has a model of (the other peers are not timed on them), and the
#: published body each is.
ONLY_PLAIN_PEER = {
    "task-flow-api3": "procedure-api3-taskflow-push.json",
    "image-sprite-v4": "image-sprite-v4-success.json",
    "mps-workflowtask": "mps-workflowtask-scf-trigger.json",
}
#: The decoders timed on those bodies.
PLAIN_ONLY = ("vodsnap", "vodsnap+msgspec", "pydantic-plain")


def bodies() -> dict[str, bytes]:
    found = {p.stem: p.read_bytes() for p in sorted(EXAMPLES.glob("*.json"))}
    event = json.loads(found["snapshot-event-success"])
    pictures = event["data"]["picInfo"]
    event["data"]["picInfo"] = [dict(pictures[i % 2], timeOffset=1000 * i) for i in range(200)]
    found["snapshot-event-200-pictures"] = json.dumps(event).encode()
    screenshot = PUBLISHED / "css-live-screenshot-200-current.json"
    found["css-live-screenshot"] = screenshot.read_bytes()
    for name, published in ONLY_PLAIN_PEER.items():
        found[name] = (PUBLISHED / published).read_bytes()
    bad = json.loads(found["fast-snapshot-success"])
    bad.update(width="wide", status=9, create_time="yesterday")
    found["invalid-fast-snapshot"] = json.dumps(bad).encode()
    return found


def decoders() -> dict[str, Callable[[bytes], Any]]:
    found: dict[str, Callable[[bytes], Any]] = {
        "vodsnap": vodsnap.parse,
        "hand-written": handwritten.decode,
        "vodsnap+msgspec": vodsnap.parse,
        "hand-written+orjson": lambda b: handwritten.decode(b, orjson.loads),
        "pydantic": pydantic_peer.decode,
        "pydantic-plain": pydantic_plain.decode,
        "msgspec": msgspec_peer.decode,
    }
    return found


def parser_for(name: str) -> None:
    """Switch vodsnap's optional parser for a batch of ``name``'s calls."""
    setattr(_read, PARSER_NAME, None if name in STDLIB_ONLY else FAST_PARSER)


def quietly(decode: Callable[[bytes], Any]) -> Callable[[bytes], Any]:
    def call(body: bytes) -> Any:
        try:
            return decode(body)
        except Exception as exc:  # the error path is timed too
            return exc

    return call


def bind(decode: Callable[[bytes], Any], body: bytes) -> Callable[[], Any]:
    return lambda: decode(body)


def measure(
    cases: dict[str, Callable[[], Any]], rounds: int, target: float = 0.02
) -> dict[str, float]:
    """Median seconds per call of each case, the cases interleaved in a fresh order each round."""
    loops = {}
    for name, call in cases.items():
        parser_for(name)
        call()  # warm: every first call pays for imports and generated code
        n, spent = 1, 0.0
        while spent < target / 4:
            start = time.perf_counter()
            for _ in range(n):
                call()
            spent = time.perf_counter() - start
            n *= 2
        loops[name] = max(1, int(n * target / max(spent, 1e-9) / 2))
    samples: dict[str, list[float]] = {name: [] for name in cases}
    names = list(cases)
    for _ in range(rounds):
        random.shuffle(names)
        for name in names:
            call, n = cases[name], loops[name]
            parser_for(name)
            start = time.perf_counter()
            for _ in range(n):
                call()
            samples[name].append((time.perf_counter() - start) / n)
    return {name: statistics.median(values) for name, values in samples.items()}


COLD = {
    "vodsnap": "import vodsnap; vodsnap.parse(BODY)",
    "pydantic": "from peers import pydantic_peer; pydantic_peer.decode(BODY)",
    "pydantic-plain": "from peers import pydantic_plain; pydantic_plain.decode(BODY)",
    "msgspec": "from peers import msgspec_peer; msgspec_peer.decode(BODY)",
}


def cold_start(body: bytes, runs: int) -> dict[str, float]:
    """Median seconds of import plus first decode in a fresh process (no interpreter start).

    Bytecode is compiled first, as ``pip install`` does: an editable install under
    ``PYTHONDONTWRITEBYTECODE`` would otherwise compile every source on every run.
    """
    for package in (vodsnap, pydantic, msgspec, HERE / "peers"):
        where = package if isinstance(package, Path) else Path(str(package.__file__)).parent
        compileall.compile_dir(where, quiet=1)
    samples: dict[str, list[float]] = {name: [] for name in COLD}
    names = list(COLD)
    for _ in range(runs):
        random.shuffle(names)
        for name in names:
            code = (
                f"import sys, time; sys.path.insert(0, {str(HERE)!r}); BODY = {body!r}\n"
                f"start = time.perf_counter()\n{COLD[name]}\n"
                "print(time.perf_counter() - start)"
            )
            out = subprocess.run(
                [sys.executable, "-c", code], capture_output=True, text=True, check=True
            )
            samples[name].append(float(out.stdout))
    return {name: statistics.median(values) for name, values in samples.items()}


def us(seconds: float) -> str:
    return f"{seconds * 1e6:,.1f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer rounds")
    args = parser.parse_args()
    rounds, cold_runs = (7, 5) if args.quick else (31, 21)

    all_bodies = bodies()
    impls = decoders()
    results: dict[str, dict[str, float]] = {}
    for body_name, body in all_bodies.items():
        names = PLAIN_ONLY if body_name in ONLY_PLAIN_PEER else impls
        cases = {name: bind(quietly(impls[name]), body) for name in names}
        results[body_name] = measure(cases, rounds)

    model = vodsnap.parse(all_bodies["snapshot-event-success"])
    pyd = pydantic_peer.decode(all_bodies["snapshot-event-success"])
    msg = msgspec_peer.decode(all_bodies["snapshot-event-success"])
    parser_for("vodsnap")
    results["to_wire + json.dumps (event)"] = measure(
        {
            "vodsnap": lambda: json.dumps(vodsnap.to_wire(model)),
            "pydantic": lambda: pydantic_peer.to_json(pyd),
            "msgspec": lambda: msgspec_peer.to_json(msg),
        },
        rounds,
    )
    results["to_wire alone (event)"] = measure({"vodsnap": lambda: vodsnap.to_wire(model)}, rounds)
    cold = cold_start(all_bodies["fast-snapshot-success"], cold_runs)

    print(report(results, cold, rounds, cold_runs))


def report(
    results: dict[str, dict[str, float]], cold: dict[str, float], rounds: int, cold_runs: int
) -> str:
    peers = ["hand-written", "pydantic", "pydantic-plain", "msgspec"]
    fast = ["hand-written+orjson", "pydantic", "pydantic-plain", "msgspec"]
    lines = [
        f"Machine: {platform.machine()}, {_cpu()}, {_cores()} cores; "
        f"Python {platform.python_version()} ({platform.python_implementation()})",
        "Versions: "
        + ", ".join(
            f"{name} {version(name)}"
            for name in (
                "vodsnap",
                "attrs",
                "cattrs",
                "python-dateutil",
                "pydantic",
                "pydantic-core",
                "msgspec",
            )
        ),
        f"Medians of {rounds} interleaved rounds; "
        f"cold start: median of {cold_runs} fresh processes.",
        "",
        "| body | vodsnap µs | "
        + " | ".join(f"{p} µs (ratio)" for p in peers)
        + " | vodsnap / pydantic-plain |",
        "|---|---:|" + "---:|" * (len(peers) + 1),
    ]
    for body, times in results.items():
        base = times["vodsnap"]
        cells = [f"{us(times[p])} ({times[p] / base:.2f}x)" if p in times else "" for p in peers]
        lines.append(
            f"| {body} | {us(base)} | " + " | ".join(cells) + f" | {_to_plain(times, 'vodsnap')} |"
        )
    lines += [
        "",
        "With the optional fast parser (`pip install 'vodsnap[fast]'`: msgspec), against the",
        "hand-written decoder on orjson:",
        "",
        "| body | vodsnap+msgspec µs | "
        + " | ".join(f"{p} µs (ratio)" for p in fast)
        + " | vodsnap+msgspec / pydantic-plain |",
        "|---|---:|" + "---:|" * (len(fast) + 1),
    ]
    for body, times in results.items():
        if "vodsnap+msgspec" not in times:
            continue
        base = times["vodsnap+msgspec"]
        cells = [f"{us(times[p])} ({times[p] / base:.2f}x)" if p in times else "" for p in fast]
        ratio = _to_plain(times, "vodsnap+msgspec")
        lines.append(f"| {body} | {us(base)} | " + " | ".join(cells) + f" | {ratio} |")
    valid = results["fast-snapshot-success"]["vodsnap"]
    invalid = results["invalid-fast-snapshot"]["vodsnap"]
    lines += [
        "",
        f"vodsnap, invalid body / valid body: {invalid / valid:.2f}x",
        "",
        "| cold start (import + first decode) | ms | ratio to vodsnap |",
        "|---|---:|---:|",
    ]
    for name, seconds in cold.items():
        lines.append(f"| {name} | {seconds * 1e3:.1f} | {seconds / cold['vodsnap']:.2f}x |")
    return "\n".join(lines)


def _to_plain(times: dict[str, float], name: str) -> str:
    """``name``'s time as a multiple of pydantic-plain's (the rule of issue 19: at most 1.6x)."""
    if "pydantic-plain" not in times:
        return ""
    return f"{times[name] / times['pydantic-plain']:.2f}x"


def _cpu() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def _cores() -> int:
    import os

    return os.cpu_count() or 0


if __name__ == "__main__":
    main()
