"""The public entry points: read, recognise, structure; and back to the wire."""

from __future__ import annotations

from typing import Any, TypeVar

from ._converter import WIRE_NAMES, Callback, Event, converter, converter_for
from ._errors import DecodeError, FieldError, field_errors
from ._limits import DEFAULT_LIMITS, Limits
from ._models import FastSnapshotCallback
from ._read import Body, read

__all__ = ["parse", "parse_event", "parse_fast_snapshot", "to_wire"]

T = TypeVar("T")


def parse(
    body: Body, *, strict: bool = False, limits: Limits | None = None
) -> FastSnapshotCallback | Event:
    """Decode any snapshot callback body.

    ``body`` is the raw POST body (``bytes``, ``bytearray``, ``memoryview`` or ``str``) or an
    already decoded mapping. Returns a :class:`FastSnapshotCallback`, a
    :class:`SnapshotByTimeOffsetComplete`, or an :class:`UnknownEvent` for a well-formed event of
    any other type. The shape is recognised by its keys: an ``eventType`` makes an event, any key
    of the fast-snapshot callback makes one of those (so a missing ``vid`` is reported as such).

    ``strict=True`` also refuses unknown fields, duplicate keys, ``NaN`` and ``Infinity``,
    numbers sent as strings, and times that are neither ISO 8601 nor the wire's own form.
    ``limits`` bounds the body's size, depth and lists (default: :class:`Limits` ()).

    :raises DecodeError: listing every problem found, with the body as given.
    """
    return _structure(body, Callback, strict, limits)  # type: ignore[arg-type]


def parse_fast_snapshot(
    body: Body, *, strict: bool = False, limits: Limits | None = None
) -> FastSnapshotCallback:
    """Decode a fast-snapshot result callback, as :func:`parse` does; nothing else is accepted.

    :raises DecodeError: listing every problem found, with the body as given.
    """
    return _structure(body, FastSnapshotCallback, strict, limits)


def parse_event(body: Body, *, strict: bool = False, limits: Limits | None = None) -> Event:
    """Decode a VOD event notification: a :class:`SnapshotByTimeOffsetComplete` or an
    :class:`UnknownEvent`, as :func:`parse` does; nothing else is accepted.

    :raises DecodeError: listing every problem found, with the body as given.
    """
    return _structure(body, Event, strict, limits)  # type: ignore[arg-type]


def to_wire(model: FastSnapshotCallback | Event) -> dict[str, Any]:
    """The wire form of a model, ready for ``json.dumps``: only dicts, lists, strings, numbers,
    booleans and ``None``. Times are written as Beijing time without an offset, as Tencent does.

    For every model ``m``: ``parse(to_wire(m)) == m``.
    """
    wire: dict[str, Any] = converter.unstructure(model)
    return wire


def _structure(body: Body, cl: type[T], strict: bool, limits: Limits | None) -> T:
    if limits is None:
        limits = DEFAULT_LIMITS
    elif not isinstance(limits, Limits):
        raise TypeError(f"limits must be a vodsnap.Limits, not {type(limits).__name__}")
    value, problems = read(body, strict=strict, limits=limits)
    conv = converter if not strict and limits == DEFAULT_LIMITS else converter_for(strict, limits)
    try:
        model = conv.structure(value, cl)
    except RecursionError:
        errors = [FieldError("$", "nested too deeply to decode")]
    except Exception as exc:  # every structure failure is the body's; make it one DecodeError
        errors = field_errors(exc, WIRE_NAMES)
    else:
        if not problems:
            return model
        errors = []
    # What reading found is said once, not again by the hook that then met it.
    reported = {problem.path for problem in problems}
    raise DecodeError([*problems, *(e for e in errors if e.path not in reported)], body) from None
