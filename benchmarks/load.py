"""The FastAPI recipe under load on loopback: valid callbacks at once, with hostile ones or without.

    python benchmarks/load.py                  # 3 rounds of each run (about 2 minutes today)
    python benchmarks/load.py --app-dir DIR    # DIR/fastapi_app.py instead, e.g. an older recipe
    python benchmarks/load.py --pictures 500   # cheaper hostile bodies (about 50 ms each today)

Starts ``examples/recipes/fastapi_app.py`` under uvicorn (one worker, 127.0.0.1 only, a free
port). Each round sends 300 valid callbacks at once (the documentation bodies in turn), then the
same 300 with 10 hostile bodies spread among them: a 30 KB CreateSnapshotByTimeOffsetComplete event
whose ``picInfo`` holds 10,000 empty objects. Reports each run's total time, the valid callbacks'
p50 and p99 latency, and the hostile run's ratio to the clean one (the target of issue 13: at
most 1.5x). Bounded: a fixed number of requests, a timeout on each and on the whole run, and the
server is stopped at the end, whatever happens. Needs uvicorn and httpx2
(``pip install -r benchmarks/requirements.txt``).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from importlib.metadata import version
from pathlib import Path
from typing import IO

import httpx2

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
HOST = "127.0.0.1"
VALID, HOSTILE = 300, 10
REQUEST_TIMEOUT = 60.0


def valid_bodies() -> list[bytes]:
    examples = [p.read_bytes() for p in sorted(EXAMPLES.glob("*.json"))]
    return [examples[i % len(examples)] for i in range(VALID)]


def hostile_body(pictures: int = 10_000) -> bytes:
    event = json.loads((EXAMPLES / "snapshot-event-success.json").read_bytes())
    event["data"]["picInfo"] = [{}] * pictures
    return json.dumps(event, separators=(",", ":")).encode()


def batch(hostile: int) -> list[tuple[bool, bytes]]:
    """(is it valid, body) for every request of one run, hostile ones (if any) evenly spread."""
    found = [(True, body) for body in valid_bodies()]
    if hostile:
        bad = hostile_body(hostile)
        for i in reversed(range(HOSTILE)):
            found.insert((2 * i + 1) * VALID // (2 * HOSTILE), (False, bad))
    return found


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        port: int = s.getsockname()[1]
        return port


@contextmanager
def server(app_dir: Path, log: IO[bytes]) -> Iterator[str]:
    """uvicorn serving ``app_dir/fastapi_app.py`` on loopback; yields the callback URL."""
    port = free_port()
    command = [sys.executable, "-m", "uvicorn", "fastapi_app:app", "--app-dir", str(app_dir)]
    command += ["--host", HOST, "--port", str(port), "--workers", "1"]
    command += ["--log-level", "warning", "--no-access-log"]
    process = subprocess.Popen(command, stdout=log, stderr=log)
    try:
        deadline = time.monotonic() + 30
        while True:
            if process.poll() is not None or time.monotonic() > deadline:
                raise SystemExit(f"uvicorn did not start (exit code {process.poll()})")
            try:
                socket.create_connection((HOST, port), timeout=1).close()
                break
            except OSError:
                time.sleep(0.1)
        yield f"http://{HOST}:{port}/vod/callback"
    finally:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


async def post(client: httpx2.AsyncClient, url: str, body: bytes) -> tuple[float, int]:
    start = time.perf_counter()
    response = await client.post(url, content=body, headers={"content-type": "application/json"})
    return time.perf_counter() - start, response.status_code


async def send_all(url: str, requests: list[tuple[bool, bytes]]) -> dict[str, float]:
    """Send every request at once, each on its own connection; time them."""
    limits = httpx2.Limits(max_connections=len(requests), max_keepalive_connections=0)
    async with httpx2.AsyncClient(limits=limits, timeout=REQUEST_TIMEOUT) as client:
        start = time.perf_counter()
        done = await asyncio.gather(*(post(client, url, body) for _, body in requests))
        total = time.perf_counter() - start
    valid = [seconds for (ok, _), (seconds, _) in zip(requests, done, strict=True) if ok]
    wrong = [
        status for (ok, _), (_, status) in zip(requests, done, strict=True) if status != 200 and ok
    ]
    hostile = [seconds for (ok, _), (seconds, _) in zip(requests, done, strict=True) if not ok]
    return {
        "total": total,
        "p50": statistics.median(valid),
        "p99": statistics.quantiles(valid, n=100)[98],
        "hostile_max": max(hostile, default=0.0),
        "wrong": float(len(wrong)),
    }


async def rounds(url: str, count: int, pictures: int) -> list[tuple[str, dict[str, float]]]:
    async with httpx2.AsyncClient(timeout=REQUEST_TIMEOUT) as client:  # warm: first-call costs
        for body in [*valid_bodies()[:4], hostile_body(pictures)]:
            await post(client, url, body)
    found = []
    for i in range(count):
        order = ["clean", "hostile"] if i % 2 == 0 else ["hostile", "clean"]
        for name in order:
            found.append((name, await send_all(url, batch(pictures * (name == "hostile")))))
    return found


def report(results: list[tuple[str, dict[str, float]]], app_dir: Path, pictures: int) -> str:
    lines = [
        f"App: {app_dir / 'fastapi_app.py'}; uvicorn {version('uvicorn')} (one worker), "
        f"httpx2 {version('httpx2')}, Python {sys.version.split()[0]}",
        f"{VALID} valid callbacks at once; hostile runs add {HOSTILE} bodies of {pictures:,} empty "
        f"pictures ({len(hostile_body(pictures)):,} bytes).",
        "",
        "| run | total s | valid p50 s | valid p99 s | slowest hostile s | valid not 200 |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for name, r in results:
        lines.append(
            f"| {name} | {r['total']:.2f} | {r['p50']:.2f} | {r['p99']:.2f} "
            f"| {r['hostile_max']:.2f} | {r['wrong']:.0f} |"
        )
    medians = {
        (name, key): statistics.median(r[key] for n, r in results if n == name)
        for name in ("clean", "hostile")
        for key in ("total", "p50", "p99")
    }
    lines.append("")
    for key in ("total", "p50", "p99"):
        clean, hostile = medians["clean", key], medians["hostile", key]
        lines.append(
            f"Median {key}: clean {clean:.2f} s, hostile {hostile:.2f} s, "
            f"ratio {hostile / clean:.2f}x"
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3, help="rounds of each run (default 3)")
    parser.add_argument("--app-dir", type=Path, default=ROOT / "examples" / "recipes")
    parser.add_argument(
        "--pictures", type=int, default=10_000, help="empty pictures a hostile body holds"
    )
    parser.add_argument("--timeout", type=float, default=600, help="seconds for the whole test")
    args = parser.parse_args()
    with tempfile.TemporaryFile() as log, server(args.app_dir, log) as url:
        try:
            work = rounds(url, args.rounds, args.pictures)
            results = asyncio.run(asyncio.wait_for(work, args.timeout))
        except TimeoutError:
            raise SystemExit(f"the load test took more than {args.timeout:g} s") from None
    print(report(results, args.app_dir, args.pictures))


if __name__ == "__main__":
    main()
