"""Cloud Live (CSS) callbacks: flat snake_case bodies whose top-level ``event_type`` number
chooses the format.

Each Cloud Live format's table is made with ``envelope``: ``event_type`` (that format's
number), its own fields, and ``t`` and ``sign`` when the callback is signed. A number no format
models becomes an ``UnknownLiveEvent`` holding the rest of the body read-only (``ENVELOPE`` is
what it reads of the body itself).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Final

from .._live import UnknownLiveEvent
from .._models import thaw
from .._paths import at_key, group
from .._signature import LIVE_EXPIRES_KEY, LIVE_SIGN_KEY
from ._dispatch import by_type
from ._format import Format
from ._scalars import INT, JSON_OBJECT, OPTIONAL_TEXT, UNIX_TIME, nullable, number_constant
from ._table import Builder, Field, Hook, Kind, Table, Unhook, expect_object

__all__ = ["ENVELOPE", "EVENT_TYPE_KEY", "envelope", "register"]

EVENT_TYPE_KEY: Final = "event_type"

_EXPIRES: Final = Field("expires", nullable(UNIX_TIME), LIVE_EXPIRES_KEY, omit_default=True)
_SIGN: Final = Field("sign", OPTIONAL_TEXT, LIVE_SIGN_KEY, omit_default=True)


def envelope(model: type, event_type: int | Kind, fields: Iterable[Field]) -> Table:
    """The table of a Cloud Live callback: ``event_type`` (a constant number, or any integer
    for the unknown callback), ``fields``, then ``t`` and ``sign``."""
    kind = number_constant(event_type) if isinstance(event_type, int) else event_type
    return Table(model, (Field("event_type", kind, EVENT_TYPE_KEY), *fields, _EXPIRES, _SIGN))


#: What an ``UnknownLiveEvent`` reads of the body; the rest is its ``data``.
ENVELOPE: Final = envelope(UnknownLiveEvent, INT, ())


def register(builder: Builder, formats: Iterable[Format]) -> Hook:
    """Register the unknown Cloud Live callback's model (the others are tables), and return the
    hook for a Cloud Live callback of any number: its format's table, or the unknown one's."""
    structure_other, write_other = _unknown(builder)
    builder.converter.register_structure_hook(UnknownLiveEvent, structure_other)
    builder.converter.register_unstructure_hook(UnknownLiveEvent, write_other)
    by_number: dict[object, Hook] = {
        form.type_value: builder.structure_later(form.table)
        for form in formats
        if form.type_value is not None and form.table is not None
    }
    to_int = builder.hooks(INT)[0]  # leniently "200" too; what no mode reads, the unknown
    # callback reports
    return by_type(EVENT_TYPE_KEY, by_number, structure_other, kind=int, read=to_int)


def _unknown(builder: Builder) -> tuple[Hook, Unhook]:
    """An ``UnknownLiveEvent``'s structure and unstructure functions."""
    reads = [(f, builder.hooks(f.kind)) for f in ENVELOPE.fields]
    required = frozenset(ENVELOPE.required)
    frozen_json = builder.hooks(JSON_OBJECT)[0]

    def structure(value: object, _: object = None) -> UnknownLiveEvent:
        obj = expect_object(value)
        errors: list[Exception] = []
        found: dict[str, Any] = {}
        for field, (hook, _write) in reads:
            if field.wire not in obj:
                if field.wire in required:
                    errors.append(at_key(field.wire, KeyError(field.wire)))
                continue
            try:
                found[field.attr] = hook(obj[field.wire], None)
            except Exception as exc:
                errors.append(at_key(field.wire, exc))
        rest = {k: v for k, v in obj.items() if k not in ENVELOPE.wire_names.values()}
        try:
            found["data"] = frozen_json(rest, None)
        except Exception as exc:
            errors.append(exc)
        if errors:
            raise group(errors)
        return UnknownLiveEvent(**found)

    def write(event: UnknownLiveEvent) -> dict[str, Any]:
        wire: dict[str, Any] = {EVENT_TYPE_KEY: event.event_type}
        wire |= thaw(event.data)
        for field, (_hook, unhook) in reads[1:]:
            sent = getattr(event, field.attr)
            if sent is not None:
                wire[field.wire] = sent if unhook is None else unhook(sent)
        return wire

    return structure, write
