"""The command line's output: summary lines, wire forms or records, problems, and progress.

Uses vodsnap's public API, and the registry for each format's and each pull envelope's kind and
summary line.
"""

from __future__ import annotations

import json
import time
from typing import Any, Literal, TextIO

import vodsnap

from ._wire._format import Envelope
from ._wire.registry import format_of, pulled_envelope

__all__ = ["Printer", "Progress", "pulled", "summary"]

Model = vodsnap.Callback
Pull = vodsnap.PullResponse

#: ``text``: a summary line per body; ``json``: its wire form; ``records``: a record per body.
Mode = Literal["text", "json", "records"]


class Progress:
    """Bytes and bodies done and the rate, redrawn on one line of a terminal.

    Silent for the first half second, so that a short run prints nothing, and then redrawn at
    most five times a second. ``clear()`` before anything else is written to the terminal.
    """

    def __init__(self, err: TextIO, *, clock: Any = time.monotonic) -> None:
        self._err = err
        self._clock = clock
        self._start = clock()
        self._next = self._start + 0.5
        self._bytes = 0
        self._bodies = 0
        self._shown = False

    def advance(self, size: int, total: int | None) -> None:
        """Count one body of ``size`` bytes; ``total`` is the current file's size, if known."""
        self._bytes += size
        self._bodies += 1
        now = self._clock()
        if now >= self._next:
            self._next = now + 0.2
            self._draw(now, total)

    def clear(self) -> None:
        """Erase the progress line, if one is shown."""
        if self._shown:
            self._err.write("\r\x1b[K")
            self._err.flush()
            self._shown = False

    def _draw(self, now: float, total: int | None) -> None:
        elapsed = max(now - self._start, 1e-9)
        done = _size(self._bytes) + (f" of {_size(total)}" if total else "")
        rate = f"{self._bodies / elapsed:,.0f} bodies/s, {_size(self._bytes / elapsed)}/s"
        self._err.write(f"\r\x1b[K{done}, {self._bodies:,} bodies, {rate}")
        self._err.flush()
        self._shown = True


def _size(count: float) -> str:
    for unit in ("B", "kB", "MB", "GB"):
        if count < 1000 or unit == "GB":
            return f"{count:,.0f} {unit}" if unit == "B" else f"{count:,.1f} {unit}"
        count /= 1000
    raise AssertionError("unreachable")  # pragma: no cover


class Printer:
    """Where each result goes: stdout for what decoded (or every record), stderr for problems."""

    def __init__(self, mode: Mode, out: TextIO, err: TextIO, progress: Progress | None) -> None:
        self.mode = mode
        self._out = out
        self._err = err
        self.progress = progress

    def decoded(self, where: str, model: Model) -> None:
        """A body that decoded."""
        if self.mode == "records":
            record = _head(where) | {"ok": True, "kind": kind(model), "summary": summary(model)}
            self._write(self._out, json.dumps(record | {"wire": vodsnap.to_wire(model)}))
        elif self.mode == "json":
            self._write(self._out, json.dumps(vodsnap.to_wire(model), ensure_ascii=False))
        else:
            self._write(self._out, f"{where}: {summary(model)}")

    def failed(self, where: str, exc: vodsnap.DecodeError, what: str = "") -> None:
        """A body that did not decode: every problem on stderr, or a record on stdout."""
        if self.mode == "records":
            self._write(self._out, json.dumps(failure_record(where, exc)))
            return
        problems = len(exc.errors)
        lines = [f"{where}: cannot decode{what} ({problems} problem{'s' * (problems != 1)})"]
        lines += [f"  {error}" for error in exc.errors]
        self._write(self._err, "\n".join(lines))

    def unreadable(self, name: str, reason: str) -> None:
        """A file that could not be read."""
        self._whole_file(name, f"cannot read: {reason}")

    def empty(self, name: str) -> None:
        """A file that holds nothing but blank lines, where a body was expected."""
        self._whole_file(name, "empty (no body to decode)")

    def _whole_file(self, name: str, problem: str) -> None:
        """A problem of a whole file, not of one of its bodies."""
        if self.mode == "records":
            record = {"where": name, "file": name, "line": None, "ok": False}
            self._write(self._out, json.dumps(record | {"errors": [problem]}))
        else:
            self._write(self._err, f"{name}: {problem}")

    def pulled(self, where: str, response: Pull) -> bool:
        """A decoded pull response: each event on its own; whether all is well (an empty queue
        is, though PullEvents answers it with the error ``ResourceNotFound``)."""
        ok = response.ok or response.queue_empty
        if not ok and self.mode != "records":
            self._write(self._err, f"{where}: pull failed: {pull_failure(response)}")
        entries = []
        for number, pulled in enumerate(response.events, 1):
            name = f"{where}: event {number} handle={pulled.msg_handle}"
            ok = ok and pulled.error is None
            if self.mode == "records":
                entries.append(_pulled_record(number, pulled))
            elif pulled.error is not None:
                self.failed(name, pulled.error)
            elif pulled.event is not None:
                self.decoded(name, pulled.event)
        if self.mode == "records":
            envelope = _envelope(response)
            record = _head(where) | {"ok": ok, "kind": envelope.kind}
            record |= {"summary": envelope.summary(response)}
            record |= {"events": entries, "wire": vodsnap.to_wire(response)}
            self._write(self._out, json.dumps(record))
        return ok

    def _write(self, stream: TextIO, text: str) -> None:
        if self.progress is not None:
            self.progress.clear()
        print(text, file=stream)


def failure_record(where: str, exc: vodsnap.DecodeError) -> dict[str, Any]:
    """A body that failed, as a record: its problems and the lossless report."""
    errors = [str(error) for error in exc.errors]
    return _head(where) | {"ok": False, "errors": errors, "report": exc.report()}


def _head(where: str) -> dict[str, Any]:
    """A record's first keys: ``where`` (``FILE:LINE``), ``file`` and ``line``."""
    file, _, line = where.rpartition(":")
    return {"where": where, "file": file, "line": int(line)}


def _pulled_record(number: int, pulled: vodsnap.PulledEvent) -> dict[str, Any]:
    record: dict[str, Any] = {"event": number, "handle": pulled.msg_handle}
    if pulled.error is not None:
        errors = [str(error) for error in pulled.error.errors]
        return record | {"ok": False, "errors": errors, "report": pulled.error.report()}
    assert pulled.event is not None
    return record | {"ok": True, "kind": kind(pulled.event), "summary": summary(pulled.event)}


def kind(model: Model) -> str:
    """The name of the model's format: ``fast-snapshot``, ``snapshot-event``, ``procedure``,
    ``image-sprite`` or ``event`` (one vodsnap does not model)."""
    return format_of(model).name


def summary(model: Model) -> str:
    """One human line: kind, id, status, counts (its format's summary)."""
    return format_of(model).summary(model)


def pulled(model: Model | Pull) -> Pull | None:
    """``model`` when it is a pull response (of any envelope the registry lists), else ``None``."""
    if pulled_envelope(model) is None:
        return None
    assert isinstance(model, vodsnap.PullResponse)  # every envelope's model is one
    return model


def _envelope(response: Pull) -> Envelope:
    envelope = pulled_envelope(response)
    if envelope is None:  # pragma: no cover - every Pull is an envelope's model
        raise TypeError(f"not a pull response: {type(response).__qualname__}")
    return envelope


def pull_summary(response: Pull) -> str:
    """One human line for a pull response (its envelope's summary)."""
    return _envelope(response).summary(response)


def pull_failure(response: Pull) -> str:
    """Why a pull failed, in one line (its envelope's)."""
    return _envelope(response).failure(response)
