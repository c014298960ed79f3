"""The public entry points: read the body, decode it in its mode; and back to the wire.

A refused body's error leaves each entry point without its traceback inside vodsnap (cleared,
then re-raised, in the entry point, whose own frame holds only its arguments): those frames
held the decoded value, tens of times the body's size, for as long as the caller kept the
error.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, TypeVar

from ._decoder import CALLBACK, EVENT, Decoder, Target, decoder_for
from ._errors import DecodeError, SignatureError, decode_error
from ._limits import DEFAULT_LIMITS, Limits
from ._models import (
    Callback,
    Event,
    FastSnapshotCallback,
    PullEventResponse,
    PullEventsResponse,
    PullResponse,
)
from ._read import Body, Reading, problems, read, read_bytes, too_deep
from ._signature import check_signature
from ._wire.registry import is_pull_response, response_type

__all__ = [
    "parse",
    "parse_any",
    "parse_event",
    "parse_fast_snapshot",
    "parse_pull",
    "parse_pull_event",
    "parse_pull_events",
    "to_wire",
    "verify_signature",
]

T = TypeVar("T")
R = TypeVar("R", bound=PullResponse)

#: The default mode's decoder, made at import: the first decode needs it.
_DEFAULT = decoder_for(False, DEFAULT_LIMITS)
_FAST_SNAPSHOT: Target[FastSnapshotCallback] = Target(FastSnapshotCallback)
_PULL_EVENT: Target[PullEventResponse] = Target(PullEventResponse)
_PULL_EVENTS: Target[PullEventsResponse] = Target(PullEventsResponse)

#: Everything ``to_wire`` writes.
Model = Callback | PullResponse


def parse(
    body: Body,
    *,
    strict: bool = False,
    limits: Limits | None = None,
    sign_key: str | Sequence[str] | None = None,
    leeway: float = 0,
) -> Callback:
    """Decode any snapshot callback body.

    ``body`` is the raw POST body (``bytes``, ``bytearray``, ``memoryview`` or ``str``) or an
    already decoded mapping. Returns a :class:`FastSnapshotCallback`, a
    :class:`SnapshotByTimeOffsetComplete`, a :class:`ProcedureStateChanged` (a task flow), an
    :class:`ImageSpriteComplete`, or an :class:`UnknownEvent` for a well-formed event of any
    other type; for a Cloud Live (CSS) callback a :class:`LiveScreenshot`, a
    :class:`LiveModeration` or an :class:`UnknownLiveEvent`; for an MPS (Media Processing)
    notification an :class:`MpsWorkflowTask` or an :class:`MpsScheduleTask` (``vodsnap.Callback``
    is that union). The shape is recognised by its keys: an ``eventType`` (or the API 3.0
    ``EventType``) makes an event, an MPS notification where ``EventType`` is ``WorkflowTask``
    or ``ScheduleTask``; an ``event_type`` a Cloud Live callback; any key only the
    fast-snapshot callback has one of those (so a missing ``vid`` is reported as such).

    ``strict=True`` also refuses unknown fields, duplicate keys, ``NaN`` and ``Infinity``,
    numbers sent as strings, and times that are neither RFC 3339 nor the wire's own form.
    ``limits`` bounds the body's size, depth and lists (default: ``Limits()``, see :class:`Limits`).
    ``sign_key`` (the event configuration's ``SignKey``, or several while it changes) verifies
    the body's signature first, as :func:`verify_signature` does, accepting ``leeway`` seconds
    past the expiry.

    :raises DecodeError: listing every problem found, with the body as given.
    :raises SignatureError: with ``sign_key``, when the signature is missing, wrong or expired.
    """
    try:
        if type(body) is bytes and not strict and limits is None and sign_key is None:
            return _DEFAULT.decode(read_bytes(body, DEFAULT_LIMITS), CALLBACK, body)  # commonest
        return _decode(body, CALLBACK, strict, limits, sign_key, leeway)
    except _REFUSED as exc:
        exc.__traceback__ = None  # see the module's docstring
        raise


def parse_fast_snapshot(
    body: Body, *, strict: bool = False, limits: Limits | None = None
) -> FastSnapshotCallback:
    """Decode a fast-snapshot result callback, as :func:`parse` does; nothing else is accepted.

    :raises DecodeError: listing every problem found, with the body as given.
    """
    try:
        return _decode(body, _FAST_SNAPSHOT, strict, limits)
    except _REFUSED as exc:
        exc.__traceback__ = None
        raise


def parse_event(
    body: Body,
    *,
    strict: bool = False,
    limits: Limits | None = None,
    sign_key: str | Sequence[str] | None = None,
    leeway: float = 0,
) -> Event:
    """Decode a VOD event notification, in the 4.0 or the API 3.0 shape: a
    :class:`SnapshotByTimeOffsetComplete`, :class:`ProcedureStateChanged`,
    :class:`ImageSpriteComplete` or :class:`UnknownEvent` (``vodsnap.Event``), as :func:`parse`
    does (``sign_key`` and ``leeway`` too); nothing else is accepted.

    :raises DecodeError: listing every problem found, with the body as given.
    :raises SignatureError: with ``sign_key``, when the signature is missing, wrong or expired.
    """
    try:
        return _decode(body, EVENT, strict, limits, sign_key, leeway)
    except _REFUSED as exc:
        exc.__traceback__ = None
        raise


def parse_pull_event(
    body: Body, *, strict: bool = False, limits: Limits | None = None
) -> PullEventResponse:
    """Decode a response of the old ``PullEvent`` API (``code``, ``message``, ``eventList``).

    Each event is decoded on its own: a malformed one becomes a :class:`PulledEvent` with an
    ``error`` (whose ``body`` is its ``eventList`` entry) and never hides the others, whose
    handles must still be confirmed.

    :raises DecodeError: when the response itself is malformed.
    """
    try:
        return _pull(body, _PULL_EVENT, strict, limits)
    except _REFUSED as exc:
        exc.__traceback__ = None
        raise


def parse_pull_events(
    body: Body, *, strict: bool = False, limits: Limits | None = None
) -> PullEventsResponse:
    """Decode a response of the API 3.0 ``PullEvents`` (``Response.EventSet`` or
    ``Response.Error``), each event on its own as :func:`parse_pull_event` does.

    :raises DecodeError: when the response itself is malformed.
    """
    try:
        return _pull(body, _PULL_EVENTS, strict, limits)
    except _REFUSED as exc:
        exc.__traceback__ = None
        raise


def parse_pull(body: Body, *, strict: bool = False, limits: Limits | None = None) -> PullResponse:
    """Decode a pull response of either generation, recognised by its keys (API 3.0's has
    ``Response``), as :func:`parse_pull_event` or :func:`parse_pull_events` does.

    :raises DecodeError: when the response itself is malformed.
    """
    try:
        return _pull_either(body, strict, limits)
    except _REFUSED as exc:
        exc.__traceback__ = None
        raise


def parse_any(
    body: Body, *, strict: bool = False, limits: Limits | None = None
) -> Callback | PullResponse:
    """Decode a body that may be pushed or pulled: a pull response of either generation, as
    :func:`parse_pull` decodes it, when its top-level keys make it one (``eventList``, or
    ``Response``, ``EventSet`` or ``RequestId``, which no pushed body has at its top level);
    anything else as :func:`parse` decodes it. Only the decoded keys decide, never text that
    an event's data happens to hold. For a store or a log that mixes both deliveries; a pushed
    body's signature is checked by :func:`parse` (``sign_key``) or :func:`verify_signature`.

    :raises DecodeError: listing every problem found, with the body as given.
    """
    try:
        return _any(body, strict, limits)
    except _REFUSED as exc:
        exc.__traceback__ = None
        raise


def _any(body: Body, strict: bool, limits: Limits | None) -> Callback | PullResponse:
    if type(body) is bytes and not strict and limits is None:  # the commonest call, faster
        try:
            reading = read_bytes(body, DEFAULT_LIMITS)  # the whole body within the depth limit
        except DecodeError:  # the general reading below says why, or lets a pull response by
            pass
        else:
            if not is_pull_response(reading.value):
                return _DEFAULT.decode(reading, CALLBACK, body)
    decoder = _decoder(strict, limits)
    reading = _read(body, decoder, depth=False)  # a pulled event's depth is its own
    if is_pull_response(reading.value):
        target: Target[PullResponse] = Target(response_type(reading.value))
        return decoder.decode_pull(reading, target, body)
    if not isinstance(body, Mapping):  # a mapping's depth is checked where it is descended into
        found = too_deep(reading.value, decoder.mode.limits.max_depth)
        if found:
            raise decode_error(found, body)
    return decoder.decode(reading, CALLBACK, body)


def verify_signature(
    body: Body, sign_key: str | Sequence[str], *, now: float | None = None, leeway: float = 0
) -> None:
    """Check a signed notification's ``Sign`` and ``T`` (top-level fields of the body), a
    Cloud Live callback's ``sign`` and ``t``, or an MPS notification's ``Sign`` and
    ``Timestamp``: the first of these pairs whose two fields the body has, else the first it
    has either of (so a body with ``Sign``, ``T`` and ``Timestamp`` is checked as VOD's).

    ``Sign`` must be ``MD5(sign_key + T)`` in hex (compared in constant time, in either case),
    and ``T``, when the notification expires, must not be in the past; an MPS ``Sign`` is
    ``MD5(Timestamp + sign_key)`` or ``MD5(sign_key + Timestamp)``. ``now`` is the current
    Unix time in seconds (default: the system clock). Version-4.0 callbacks carry no signature.
    The signature does not cover the body (only the key and ``T``): a body changed with its
    ``Sign`` and ``T`` kept verifies until ``T``.

    ``sign_key`` is one key, or a sequence of keys while the console's key changes (notifications
    signed with the old one are still in flight): the body must be signed with one of them.
    ``leeway`` (seconds, default 0) accepts a ``T`` that far in the past, for a clock running
    ahead of Tencent's; ``T`` is already ten minutes after sending, so most need none.

    :raises SignatureError: whose ``reason`` is ``"missing"``, ``"mismatch"`` or ``"expired"``.
    :raises DecodeError: when the body is not a JSON object, or holds a value no reader
        converts (an integer of more than 4,300 digits).
    :raises ValueError: when ``sign_key`` (or one of them) is empty or cannot be encoded, when
        ``now`` is not finite, or ``leeway`` is negative or not finite.
    :raises TypeError: when ``now`` or ``leeway`` is not a number.
    """
    try:
        _verify(body, sign_key, now, leeway)
    except _REFUSED as exc:
        exc.__traceback__ = None
        raise


def _verify(body: Body, sign_key: str | Sequence[str], now: float | None, leeway: float) -> None:
    reading = read(body, strict=False, limits=DEFAULT_LIMITS)
    if reading.marked:  # a value no reader converts (an integer of 5,000 digits as T)
        raise decode_error(problems(reading.value), body)
    check_signature(reading.value, body, sign_key, now, leeway)


def to_wire(model: Model) -> dict[str, Any]:
    """The wire form of a model, ready for ``json.dumps``: only dicts, lists, strings, numbers,
    booleans and ``None``. Times are written as Beijing time without an offset, as Tencent does;
    an event is written in the shape it arrived in; a pulled event that failed is written as it
    was received.

    For every model ``m``: ``parse(to_wire(m)) == m`` (and likewise for the ``parse_*`` that
    made it).
    """
    wire: dict[str, Any] = _DEFAULT.fast.unstructure(model)
    return wire


#: What a body's refusal raises: it leaves an entry point without its traceback inside vodsnap.
_REFUSED = (DecodeError, SignatureError)


def _pull(body: Body, target: Target[R], strict: bool, limits: Limits | None) -> R:
    """A pull response of ``target``'s generation."""
    decoder = _decoder(strict, limits)
    return decoder.decode_pull(_read(body, decoder, depth=False), target, body)


def _pull_either(body: Body, strict: bool, limits: Limits | None) -> PullResponse:
    """A pull response of either generation, recognised by its keys."""
    decoder = _decoder(strict, limits)
    reading = _read(body, decoder, depth=False)  # each event's depth is its own
    target: Target[PullResponse] = Target(response_type(reading.value))
    return decoder.decode_pull(reading, target, body)


def _decoder(strict: bool, limits: Limits | None) -> Decoder:
    if limits is None:
        limits = DEFAULT_LIMITS
    elif not isinstance(limits, Limits):
        raise TypeError(f"limits must be a vodsnap.Limits, not {type(limits).__name__}")
    return decoder_for(bool(strict), limits)


def _read(body: Body, decoder: Decoder, *, depth: bool = True) -> Reading:
    return read(body, strict=decoder.mode.strict, limits=decoder.mode.limits, depth=depth)


def _decode(
    body: Body,
    target: Target[T],
    strict: bool,
    limits: Limits | None,
    sign_key: str | Sequence[str] | None = None,
    leeway: float = 0,
) -> T:
    decoder = _decoder(strict, limits)
    reading = _read(body, decoder)
    if sign_key is None:
        return decoder.decode(reading, target, body)
    if reading.marked:  # what reading could not take is said before the signature is checked
        decoder.decode(reading, target, body)
    check_signature(reading.value, body, sign_key, None, leeway)
    return decoder.decode(reading, target, body)
