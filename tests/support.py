"""What the tests share: where the repository's files are, a DecodeError's problems, and what a
call leaves for the garbage collector.

(Strategies for wire bodies live in ``strategies.py``; fixtures and Hypothesis profiles in
``conftest.py``, which tests never import.)
"""

from __future__ import annotations

import functools
import gc
from collections.abc import Callable
from contextlib import suppress
from pathlib import Path
from typing import Any, TypeVar

import vodsnap
from vodsnap._schema import SchemaKind

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


@functools.cache
def schema_validator(kind: SchemaKind = "callback") -> Any:
    """A Draft 2020-12 validator of ``vodsnap.json_schema(kind)``, built once a session.

    ``jsonschema.validate(body, schema)`` checks the schema against the metaschema at every call
    (about a second each); the schemas' own validity is tested once, in ``test_schema.py``.
    ``validator.validate(body)`` raises the same ``jsonschema.ValidationError``.
    """
    import jsonschema  # the test extra's; imported here, so that conftest's import needs it not

    return jsonschema.Draft202012Validator(vodsnap.json_schema(kind))


def left_for_the_collector(call: Callable[[], object]) -> int:
    """The objects that ``call`` (a ``DecodeError`` it raises dropped) leaves for the cyclic
    garbage collector. The collector is paused and every older object frozen out of its sight
    meanwhile, so that it looks through only what the call made: a full collection of a test
    session's heap would cost a tenth of a second or more, each time."""
    collecting = gc.isenabled()
    gc.disable()
    gc.freeze()
    try:
        with suppress(vodsnap.DecodeError):
            call()
        return gc.collect()
    finally:
        gc.unfreeze()
        if collecting:
            gc.enable()
