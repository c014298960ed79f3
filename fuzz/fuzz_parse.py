"""Coverage-guided fuzzing of ``vodsnap.parse`` with atheris: any bytes, any mode.

Run (see fuzz/README.md):  python fuzz/fuzz_parse.py -max_total_time=300 fuzz/corpus
Anything but a model or a DecodeError is a crash, and so is a DecodeError that is malformed.
"""

from __future__ import annotations

import json
import sys
from typing import Any

import atheris

with atheris.instrument_imports():
    import vodsnap

SMALL = vodsnap.Limits(max_body_bytes=4096, max_depth=8, max_pictures=4, max_snapshots=4)


def check(body: bytes | dict[str, Any], strict: bool, limits: vodsnap.Limits) -> None:
    try:
        model = vodsnap.parse(body, strict=strict, limits=limits)
    except vodsnap.DecodeError as exc:
        _check_error(exc, body)
        return
    wire = vodsnap.to_wire(model)
    assert vodsnap.parse(json.dumps(wire)) == model or _has_nan(wire), (model, wire)


def _check_error(error: vodsnap.DecodeError, body: object) -> None:
    assert error.body is body
    assert error.errors
    for problem in error.errors:
        assert problem.path.startswith("$"), problem
        assert not problem.message.startswith("invalid value ("), problem  # an unplanned failure
    json.dumps(error.report())


def _has_nan(value: object) -> bool:
    return value != value or (
        isinstance(value, dict | list)
        and any(_has_nan(v) for v in (value.values() if isinstance(value, dict) else value))
    )


#: Each mode ``check`` decodes in: (strict, limits).
MODES: list[tuple[bool, vodsnap.Limits]] = [
    (False, vodsnap.Limits()),
    (True, vodsnap.Limits()),
    (False, SMALL),
    (True, SMALL),
]


def test_one_input(body: bytes) -> None:
    try:
        value = json.loads(body)
    except (ValueError, RecursionError):
        value = None
    for strict, limits in MODES:
        check(body, strict, limits)
        if isinstance(value, dict):
            check(value, strict, limits)


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
