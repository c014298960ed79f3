"""The public entry points: read, recognise, structure; and back to the wire."""

from __future__ import annotations

from typing import Any, TypeVar

from ._converter import WIRE_NAMES, Callback, Event, converter
from ._errors import DecodeError, FieldError, field_errors
from ._models import FastSnapshotCallback
from ._read import Body, read

__all__ = ["parse", "parse_event", "parse_fast_snapshot", "to_wire"]

T = TypeVar("T")


def parse(body: Body) -> FastSnapshotCallback | Event:
    """Decode any snapshot callback body.

    ``body`` is the raw POST body (``bytes``, ``bytearray``, ``memoryview`` or ``str``) or an
    already decoded mapping. Returns a :class:`FastSnapshotCallback`, a
    :class:`SnapshotByTimeOffsetComplete`, or an :class:`UnknownEvent` for a well-formed event of
    any other type. The shape is recognised by its keys: an ``eventType`` makes an event, any key
    of the fast-snapshot callback makes one of those (so a missing ``vid`` is reported as such).

    :raises DecodeError: listing every problem found, with the body as given.
    """
    return _structure(body, Callback)  # type: ignore[arg-type]


def parse_fast_snapshot(body: Body) -> FastSnapshotCallback:
    """Decode a fast-snapshot result callback, as :func:`parse` does; nothing else is accepted.

    :raises DecodeError: listing every problem found, with the body as given.
    """
    return _structure(body, FastSnapshotCallback)


def parse_event(body: Body) -> Event:
    """Decode a VOD event notification: a :class:`SnapshotByTimeOffsetComplete` or an
    :class:`UnknownEvent`, as :func:`parse` does; nothing else is accepted.

    :raises DecodeError: listing every problem found, with the body as given.
    """
    return _structure(body, Event)  # type: ignore[arg-type]


def to_wire(model: FastSnapshotCallback | Event) -> dict[str, Any]:
    """The wire form of a model, ready for ``json.dumps``: only dicts, lists, strings, numbers,
    booleans and ``None``. Times are written as Beijing time without an offset, as Tencent does.

    For every model ``m``: ``parse(to_wire(m)) == m``.
    """
    wire: dict[str, Any] = converter.unstructure(model)
    return wire


def _structure(body: Body, cl: type[T]) -> T:
    value = read(body)
    try:
        return converter.structure(value, cl)
    except RecursionError:
        raise DecodeError([FieldError("$", "nested too deeply to decode")], body) from None
    except Exception as exc:  # every structure failure is the body's; make it one DecodeError
        raise DecodeError(field_errors(exc, WIRE_NAMES), body) from None
