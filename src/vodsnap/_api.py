"""The public entry points: read, recognise, structure; and back to the wire."""

from __future__ import annotations

from typing import Any, TypeVar

from attrs import evolve

from ._converter import (
    WIRE_NAMES,
    Callback,
    Event,
    converter_for,
    may_hold_a_float,
    pull_entries,
    pull_response_type,
)
from ._errors import DecodeError, FieldError
from ._limits import DEFAULT_LIMITS, Limits
from ._models import (
    FastSnapshotCallback,
    PulledEvent,
    PullEventResponse,
    PullEventsResponse,
)
from ._paths import field_errors
from ._read import NOT_READ, Body, has_long_integer, quick_read, read, read_bytes
from ._signature import check_signature

__all__ = [
    "parse",
    "parse_event",
    "parse_fast_snapshot",
    "parse_pull",
    "parse_pull_event",
    "parse_pull_events",
    "to_wire",
    "verify_signature",
]

#: The fast path of the default mode and limits, made at import: the first decode needs it.
_FAST = converter_for(False, DEFAULT_LIMITS, False)
_CALLBACK = _FAST.get_structure_hook(Callback)

#: Everything ``to_wire`` writes.
Model = FastSnapshotCallback | Event | PullEventResponse | PullEventsResponse

T = TypeVar("T")


def parse(
    body: Body,
    *,
    strict: bool = False,
    limits: Limits | None = None,
    sign_key: str | None = None,
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
    ``sign_key`` (the event configuration's ``SignKey``) verifies the body's signature first,
    as :func:`verify_signature` does.

    :raises DecodeError: listing every problem found, with the body as given.
    :raises SignatureError: with ``sign_key``, when the signature is missing, wrong or expired.
    """
    if type(body) is bytes and not strict and limits is None and sign_key is None:
        # The commonest call, straight down the fast path. orjson, when installed, reads the
        # same values as the standard parser from every body it accepts, but one: an integer
        # past 64 bits comes out a float. So a body that may hold one is read again the
        # standard way wherever a float could pass for it, or could change an error.
        value = quick_read(body, DEFAULT_LIMITS)
        if value is not NOT_READ:
            try:
                model = _CALLBACK(value, Callback)
            except Exception:
                if not has_long_integer(body):
                    return _explained(value, body)
            else:
                if not may_hold_a_float(model, value) or not has_long_integer(body):
                    return model  # type: ignore[no-any-return]
        value = read_bytes(body, DEFAULT_LIMITS)
        try:
            return _CALLBACK(value, Callback)  # type: ignore[no-any-return]
        except Exception:
            return _explained(value, body)
    return _structure(body, Callback, strict, limits, sign_key)  # type: ignore[arg-type]


def _explained(value: object, body: Body) -> FastSnapshotCallback | Event:
    """What a value the fast path refused is: every problem (or, by a bug, the model)."""
    model, errors = _explain(value, Callback, False, DEFAULT_LIMITS)
    if errors:
        raise DecodeError(errors, body) from None
    return model  # type: ignore[no-any-return]


def parse_fast_snapshot(
    body: Body, *, strict: bool = False, limits: Limits | None = None
) -> FastSnapshotCallback:
    """Decode a fast-snapshot result callback, as :func:`parse` does; nothing else is accepted.

    :raises DecodeError: listing every problem found, with the body as given.
    """
    return _structure(body, FastSnapshotCallback, strict, limits)


def parse_event(
    body: Body,
    *,
    strict: bool = False,
    limits: Limits | None = None,
    sign_key: str | None = None,
) -> Event:
    """Decode a VOD event notification, in the 4.0 or the API 3.0 shape: a
    :class:`SnapshotByTimeOffsetComplete` or an :class:`UnknownEvent`, as :func:`parse` does;
    nothing else is accepted.

    :raises DecodeError: listing every problem found, with the body as given.
    :raises SignatureError: with ``sign_key``, when the signature is missing, wrong or expired.
    """
    return _structure(body, Event, strict, limits, sign_key)  # type: ignore[arg-type]


def parse_pull_event(
    body: Body, *, strict: bool = False, limits: Limits | None = None
) -> PullEventResponse:
    """Decode a response of the old ``PullEvent`` API (``code``, ``message``, ``eventList``).

    Each event is decoded on its own: a malformed one becomes a :class:`PulledEvent` with an
    ``error`` (whose ``body`` is its ``eventList`` entry) and never hides the others, whose
    handles must still be confirmed.

    :raises DecodeError: when the response itself is malformed.
    """
    response = _pull(body, PullEventResponse, strict, limits)
    assert isinstance(response, PullEventResponse)
    return response


def parse_pull_events(
    body: Body, *, strict: bool = False, limits: Limits | None = None
) -> PullEventsResponse:
    """Decode a response of the API 3.0 ``PullEvents`` (``Response.EventSet`` or
    ``Response.Error``), each event on its own as :func:`parse_pull_event` does.

    :raises DecodeError: when the response itself is malformed.
    """
    response = _pull(body, PullEventsResponse, strict, limits)
    assert isinstance(response, PullEventsResponse)
    return response


def parse_pull(
    body: Body, *, strict: bool = False, limits: Limits | None = None
) -> PullEventResponse | PullEventsResponse:
    """Decode a pull response of either generation, recognised by its keys (API 3.0's has
    ``Response``), as :func:`parse_pull_event` or :func:`parse_pull_events` does.

    :raises DecodeError: when the response itself is malformed.
    """
    return _pull(body, None, strict, limits)


def verify_signature(body: Body, sign_key: str, *, now: float | None = None) -> None:
    """Check a signed notification's ``Sign`` and ``T`` (top-level fields of the body).

    ``Sign`` must be ``MD5(sign_key + T)`` in hex (compared in constant time, in either case),
    and ``T``, when the notification expires, must not be in the past. ``now`` is the current
    Unix time in seconds (default: the system clock). Version-4.0 callbacks carry no signature.

    :raises SignatureError: whose ``reason`` is ``"missing"``, ``"mismatch"`` or ``"expired"``.
    :raises DecodeError: when the body is not a JSON object.
    """
    value, _ = read(body, strict=False, limits=DEFAULT_LIMITS)
    check_signature(value, body, sign_key, now)


def to_wire(model: Model) -> dict[str, Any]:
    """The wire form of a model, ready for ``json.dumps``: only dicts, lists, strings, numbers,
    booleans and ``None``. Times are written as Beijing time without an offset, as Tencent does;
    an event is written in the shape it arrived in; a pulled event that failed is written as it
    was received.

    For every model ``m``: ``parse(to_wire(m)) == m`` (and likewise for the ``parse_*`` that
    made it).
    """
    wire: dict[str, Any] = _FAST.unstructure(model)
    return wire


def _limits(limits: Limits | None) -> Limits:
    if limits is None:
        return DEFAULT_LIMITS
    if not isinstance(limits, Limits):
        raise TypeError(f"limits must be a vodsnap.Limits, not {type(limits).__name__}")
    return limits


def _structure(
    body: Body, cl: type[T], strict: bool, limits: Limits | None, sign_key: str | None = None
) -> T:
    limits = _limits(limits)
    value, problems = read(body, strict=strict, limits=limits)
    if sign_key is not None:
        check_signature(value, body, sign_key, None)
    model, errors = _decode(value, cl, strict, limits)
    if not errors and not problems:
        return model  # type: ignore[no-any-return]
    raise DecodeError(_merge(problems, errors), body)


def _decode(value: object, cl: Any, strict: bool, limits: Limits) -> tuple[Any, list[FieldError]]:
    """The model, or the problems: the fast path first, the detailed converter to explain."""
    default = not strict and (limits is DEFAULT_LIMITS or limits == DEFAULT_LIMITS)
    fast = _FAST if default else converter_for(strict, limits, False)
    try:
        return fast.structure(value, cl), []
    except RecursionError:
        return None, [FieldError("$", "nested too deeply to decode")]
    except Exception:  # every structure failure is the body's; find all of them
        return _explain(value, cl, strict, limits)


def _explain(value: object, cl: Any, strict: bool, limits: Limits) -> tuple[Any, list[FieldError]]:
    """Every problem of a value the fast path refused, from the detailed converter."""
    try:
        # Accepts what the fast path accepts (same hooks): reaching the end means a bug there,
        # and the model is right all the same.
        return converter_for(strict, limits).structure(value, cl), []
    except RecursionError:
        return None, [FieldError("$", "nested too deeply to decode")]
    except Exception as exc:
        return None, field_errors(exc, WIRE_NAMES)


def _merge(problems: list[FieldError], errors: list[FieldError]) -> list[FieldError]:
    """What reading found is said once, not again by the hook that then met it."""
    reported = {problem.path for problem in problems}
    return [*problems, *(e for e in errors if e.path not in reported)]


PullResponse = PullEventResponse | PullEventsResponse


def _pull(
    body: Body,
    cl: type[PullEventResponse] | type[PullEventsResponse] | None,
    strict: bool,
    limits: Limits | None,
) -> PullResponse:
    """A pull response; strict reading's findings inside one event go to that event only."""
    limits = _limits(limits)
    value, problems = read(body, strict=strict, limits=limits)
    if cl is None:
        cl = pull_response_type(value)
    response, errors = _decode(value, cl, strict, limits)
    if errors:
        raise DecodeError(_merge(problems, errors), body)
    if not problems:
        return response  # type: ignore[no-any-return]
    prefix, entries = pull_entries(cl, value)
    by_event: dict[int, list[FieldError]] = {}
    envelope: list[FieldError] = []
    for problem in problems:
        index = _entry_index(problem.path, prefix, len(entries))
        if index is None:
            envelope.append(problem)
        else:
            rest = problem.path[len(f"{prefix}[{index}]") :]
            by_event.setdefault(index, []).append(FieldError("$" + rest, problem.message))
    if envelope:
        raise DecodeError(envelope, body)
    events = list(response.events)
    for index, found in by_event.items():
        pulled = events[index]
        earlier = list(pulled.error.errors) if pulled.error is not None else []
        events[index] = PulledEvent(
            msg_handle=pulled.msg_handle, error=DecodeError(_merge(found, earlier), entries[index])
        )
    return evolve(response, events=tuple(events))  # type: ignore[no-any-return]


def _entry_index(path: str, prefix: str, count: int) -> int | None:
    if not path.startswith(prefix + "["):
        return None
    digits = path[len(prefix) + 1 :].split("]", 1)[0]
    return int(digits) if digits.isdigit() and int(digits) < count else None
