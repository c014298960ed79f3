"""The descriptors: everything vodsnap knows of one wire format, or of one pull envelope, as
one value.

A format module (``fast_snapshot``, ``snapshot_event``, ``procedure``, ...) ends in one
``FORMAT = Format(...)``: how a body of it is recognised, its model and tables, how its
snapshots read, its one-line summary. A pull queue's response is an ``Envelope`` (``pull``):
how it is recognised, where its entries are and in which shape their events come, its hooks,
summary and schema. ``registry.FORMATS`` and ``registry.ENVELOPES`` list them; recognition,
the converters, JSON Schema, ``snapshots()``, the CLI and the testing kit iterate those lists.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

from attrs import frozen

from .._codes import error_info
from .._limits import Limits
from .._models import EventFormat
from .._snapshots import Snapshot
from ._table import Builder, Hook, Table

__all__ = ["Envelope", "Format", "Payload", "no_snapshots", "why"]


@frozen(eq=False)  # by identity: module constants
class Payload:
    """Where an event type's data sits in the API 3.0 shape (``key``), and its table."""

    key: str
    table: Table


def no_snapshots(model: Any) -> Iterable[Snapshot]:
    """The snapshots of a format that carries none."""
    return ()


def why(message: str | None, code: int) -> str:
    """For a summary: a failure's message as sent, or what its code means when it sends none."""
    return message or error_info(code).description_en


@frozen(eq=False)  # by identity: module constants
class Format:
    """One wire format, described once.

    Recognised either by ``keys`` (any of them at the top level, with ``table`` the body's
    table), or as an event notification whose type is ``event_type``: ``v4`` is its table in
    the 4.0 shape, ``api3`` its payload in the API 3.0 shape. An event format without an
    ``event_type`` is the one every other event type becomes. A whole-body callback told apart by
    one top-level value (Cloud Live's ``event_type`` number, MPS's ``EventType`` text) names
    that key ``type_key`` and its value ``type_value``, with ``table`` the whole body's table;
    the Cloud Live format without a ``type_value`` is the one every other number becomes (an
    ``EventType`` no MPS format models is an API 3.0 event).
    """

    #: Short and stable: the CLI's ``kind`` and the testing kit's key (``"fast-snapshot"``).
    name: str
    #: One line: what it is (the JSON Schema's title, the docs' tables).
    title: str
    #: The class a body of it decodes to.
    model: type
    #: The model's snapshots, in wire order (``snapshots()`` of one of its models).
    snapshots: Callable[[Any], Iterable[Snapshot]]
    #: One human line for the CLI: kind, id, status, counts.
    summary: Callable[[Any], str]
    #: Keys only this format has at the top level: any one of them identifies it.
    keys: frozenset[str] = frozenset()
    #: The body's table, for a format recognised by ``keys``.
    table: Table | None = None
    #: The event type (``eventType`` / ``EventType``) of an event format.
    event_type: str | None = None
    #: An event format's table in the 4.0 shape (``version``, ``eventType``, ``data``).
    v4: Table | None = None
    #: An event format's payload in the API 3.0 shape.
    api3: Payload | None = None
    #: A whole-body callback's key: the top-level key whose value names the type.
    type_key: str | None = None
    #: That value for this format (``None``: the family's format of every other value).
    type_value: int | str | None = None

    @property
    def is_event(self) -> bool:
        """Whether it is an event notification (of a modelled type, or of any other)."""
        return self.v4 is not None


@frozen(eq=False)  # by identity: module constants
class Envelope:
    """One pull envelope, described once: a pull queue's response, whose entries are events.

    Not a ``Format``: it is no callback (``parse`` never returns it, so it is in no union of
    ``Callback``), it has no table (each entry is decoded on its own, and a bad one becomes that
    entry's error), and its snapshots are its events'. Recognised, before any callback, by
    ``keys``: no pushed body has one at its top level.
    """

    #: Short and stable: ``json_schema``'s kind and the testing kit's key (``"pull-events"``).
    name: str
    #: One line: what it is (the JSON Schema's title, the docs).
    title: str
    #: The class a response of it decodes to.
    model: type
    #: Keys of a decoded body's top level, any one of which makes it this envelope.
    keys: frozenset[str]
    #: The shape its events are sent in (the kit's entries; the decoder reads either).
    shape: EventFormat
    #: Where its entries are in a body: the array as received (``None`` when absent).
    entries: Callable[[Mapping[str, Any]], object]
    #: How deep its entries sit in a body (the body is depth 1).
    depth: Callable[[Mapping[str, Any]], int]
    #: The key of an entry that holds its event (``None``: the entry is the event).
    event_key: str | None
    #: Registers its structure and unstructure hooks, given the ``Event`` hook for its entries.
    register: Callable[[Builder, Hook], None]
    #: The CLI's kind of its responses (``"pull"``, which the record of every pull response says).
    kind: str
    #: One human line for the CLI: whether the pull succeeded, how many events.
    summary: Callable[[Any], str]
    #: Why a pull failed, in one line.
    failure: Callable[[Any], str]
    #: Its JSON Schema (the response's own keys; each entry is the event's to check).
    schema: Callable[[Limits], dict[str, Any]]
