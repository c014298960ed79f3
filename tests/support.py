"""What the tests share: where the repository's files are, and a DecodeError's problems.

(Strategies for wire bodies live in ``strategies.py``; fixtures and Hypothesis profiles in
``conftest.py``, which tests never import.)
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import vodsnap

T = TypeVar("T")

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"


def errors_of(
    body: object, decode: Callable[..., Any] = vodsnap.parse, **options: Any
) -> list[tuple[str, str]]:
    """``(path, message)`` of every problem ``decode`` finds in ``body``; ``[]`` if it decodes."""
    try:
        decode(body, **options)
    except vodsnap.DecodeError as exc:
        return [(e.path, e.message) for e in exc.errors]
    return []


def of_type(cls: type[T], value: object) -> T:
    """``value``, which must be a ``cls``: narrows ``parse``'s union for the type checker, and
    fails the test when the body decoded to something else."""
    assert isinstance(value, cls), f"expected a {cls.__name__}, got {type(value).__name__}"
    return value
