"""Decode fast, explain on failure: the one owner of that rule, one ``Decoder`` per mode.

Every public decode call (``parse``'s commonest case included) comes here with what
``_read`` gave. A decoder holds two converters built from the same tables: the fast one
(generated code that stops at the first problem) decodes; only when it refuses is the
explaining one (the tables' explaining functions, built on first need) asked for every
problem with its path. What strict reading marked in the value is reported beside them; in a
pull response, each event's marks go to that event alone. Every problem, whoever found it,
reaches the ``DecodeError`` one way: a ``(path, message)`` pair (its path relative to the body,
``""`` for the body itself) in one list, capped at ``max_errors``, made into the exception by
``decode_error``. A reading the parser made
(``Reading.owned``) and an already decoded mapping are decoded by twin decoders whose hooks
may, or may not, keep the parser's objects (``Mode.owned``).
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from typing import Any, Generic, TypeVar

from attrs import evolve
from cattrs import Converter

from ._errors import DecodeError, decode_error
from ._limits import Limits
from ._models import Callback, Event, PulledEvent, PullResponse
from ._paths import Found, capped, found_in
from ._read import Reading, not_json, problems, too_deep
from ._times import new_body
from ._wire import Mode, build_converter
from ._wire._table import Hook
from ._wire.registry import entries_depth, entries_node, entry_path

__all__ = ["CALLBACK", "EVENT", "Decoder", "Target", "decoder_for"]

T = TypeVar("T")
R = TypeVar("R", bound=PullResponse)


class Target(Generic[T]):
    """What to decode a value as: a model class or a union of them, with its Python type."""

    __slots__ = ("type",)

    def __init__(self, type_: Any) -> None:
        self.type = type_

    def structure(self, converter: Converter, value: object) -> T:
        """``converter.structure`` of ``value``, typed: where cattrs' ``Any`` stops."""
        model: T = converter.structure(value, self.type)
        return model


CALLBACK: Target[Callback] = Target(Callback)
EVENT: Target[Event] = Target(Event)


class _Problems(list[tuple[str, str]]):
    """Every problem found in a value that could not be structured, as ``(path, message)``."""


#: What a value nested too deeply for the converters to descend is said to be.
_TOO_DEEP = "nested too deeply to decode"


class Decoder:
    """The fast and the explaining converter of one mode, and ``decode``."""

    def __init__(self, mode: Mode) -> None:
        self.mode = mode
        #: The most problems an error lists (``Limits.max_errors``).
        self.most = mode.limits.max_errors
        self.fast = build_converter(mode, detailed=False)
        self._owned = mode.owned
        self._fast_hooks: dict[Target[Any], Hook] = {}
        self._explaining: Converter | None = None
        self._explaining_hooks: dict[Target[Any], Hook] = {}

    @property
    def _other(self) -> Decoder:
        """The decoder of the same limits for values the other way ``owned``."""
        return decoder_for(self.mode.strict, self.mode.limits, owned=not self.mode.owned)

    @property
    def explaining(self) -> Converter:
        """The detailed converter, built on the first failure (a race builds it twice, no more)."""
        if self._explaining is None:
            self._explaining = build_converter(self.mode, detailed=True)
        return self._explaining

    def decode(self, reading: Reading, target: Target[T], body: object) -> T:
        """The model ``reading`` holds, or a ``DecodeError`` (on ``body``) naming every problem:
        what strict reading marked, then what the converters found."""
        if reading.owned is not self._owned:  # an already decoded mapping, or the reverse
            return self._other.decode(reading, target, body)
        new_body()
        if reading.owned and not reading.marked:  # the commonest: straight to the fast function
            hook = self._fast_hooks.get(target) or self._fast_hook(target)
            try:
                model: T = hook(reading.value, target.type)
            except Exception:  # refused (or too deep to run): only the explaining one runs now
                pass
            else:
                return model
            found = self._explained(reading.value, target)
            if not isinstance(found, _Problems):  # a bug in the fast one (see _explained)
                return found
            raise decode_error(capped(found, self.most), body)  # not chained to what it met
        marks = problems(reading.value, most=self.most) if reading.marked else []
        model = self._decode(reading.value, target, marks, body)
        if not reading.owned and isinstance(body, Mapping):  # what JSON cannot hold: say so now
            unwritable = not_json(self.fast.unstructure(model), most=self.most)
            if unwritable:
                raise decode_error(unwritable, body)
        return model

    def _fast_hook(self, target: Target[Any]) -> Hook:
        """The fast converter's function for ``target``, looked up once."""
        hook = self._fast_hooks.get(target)
        if hook is None:
            hook = self._fast_hooks[target] = self.fast.get_structure_hook(target.type)
        return hook

    def _explaining_hook(self, target: Target[Any]) -> Hook:
        """The explaining converter's function for ``target``, looked up once."""
        hook = self._explaining_hooks.get(target)
        if hook is None:
            hook = self.explaining.get_structure_hook(target.type)
            self._explaining_hooks[target] = hook
        return hook

    def decode_pull(self, reading: Reading, target: Target[R], body: object) -> R:
        """A pull response, read without its depth check: what reading marked inside one event,
        an event nested too deeply, and what JSON cannot hold in an event of an already
        decoded mapping are that event's error; anywhere else, the response's."""
        if reading.owned != self.mode.owned:  # nested too deeply somewhere, or a mapping
            return self._other.decode_pull(reading, target, body)
        new_body()
        node = entries_node(reading.value)
        depth = self.mode.limits.max_depth
        if not isinstance(body, Mapping) and not reading.owned:
            found = too_deep(reading.value, depth, skip=node)
            if found:
                raise decode_error(found, body)
        marks = problems(reading.value, skip=node, most=self.most) if reading.marked else []
        response = self._decode(reading.value, target, marks, body)
        if not isinstance(node, list | tuple) or (reading.owned and not reading.marked):
            return response  # owned: nothing in it is too deep; unmarked: nothing to report
        at = entries_depth(reading.value)
        pairs = zip(response.events, node, strict=True)
        return evolve(response, events=tuple(self._checked(e, entry, at) for e, entry in pairs))

    def _checked(self, pulled: PulledEvent, entry: object, at: int) -> PulledEvent:
        """``pulled`` (from ``entry`` at depth ``at``), failed with what reading marked in its
        entry, its nesting past the limit, or what JSON cannot hold."""
        found = [] if self.mode.owned else too_deep(entry, self.mode.limits.max_depth, depth=at)
        found += problems(entry, most=self.most)
        if not found and pulled.event is not None and isinstance(entry, Mapping):
            wire = self.fast.unstructure(pulled.event)
            found = not_json(wire, entry_path(entry)[1:], most=self.most)  # after its "$"
        if not found:
            return pulled
        earlier = _found_of(pulled.error) if pulled.error is not None else []
        error = decode_error(capped(_merge(found, earlier), self.most), entry)
        return PulledEvent(msg_handle=pulled.msg_handle, error=error)

    def _decode(
        self,
        value: object,
        target: Target[T],
        marks: Found,
        body: object,
    ) -> T:
        """The model, or every problem (``marks`` first) as a ``DecodeError`` on ``body``."""
        found = self._model_or_problems(value, target)
        # raised here, not while handling another exception: nothing chained to it
        if isinstance(found, _Problems):
            raise decode_error(capped(_merge(marks, found), self.most), body)
        if marks:
            raise decode_error(capped(marks, self.most), body)
        return found

    def _model_or_problems(self, value: object, target: Target[T]) -> T | _Problems:
        """The model, or every problem: the fast converter first, the explaining one after a
        failure."""
        try:
            model: T = self._fast_hook(target)(value, target.type)
            return model
        except RecursionError:
            return _Problems([("", _TOO_DEEP)])
        except Exception:  # every structure failure is the body's; find all of them
            pass
        return self._explained(value, target)

    def _explained(self, value: object, target: Target[T]) -> T | _Problems:
        """Every problem in ``value``, which the fast converter refused; or the explaining
        converter's model all the same (it accepts what the fast one accepts, with the same
        hooks: reaching its end means a bug there, and the model is right)."""
        try:
            model: T = self._explaining_hook(target)(value, target.type)
            return model
        except RecursionError:
            return _Problems([("", _TOO_DEEP)])
        except Exception as exc:
            return _Problems(found_in(exc))


@lru_cache(maxsize=32)
def decoder_for(strict: bool, limits: Limits, *, owned: bool = True) -> Decoder:
    """The decoder of one mode, made once and kept (``owned``: see ``Mode.owned``; a decoder
    hands a reading the other way owned to its twin)."""
    return Decoder(Mode(strict=strict, limits=limits, owned=owned))


def _merge(marks: Found, found: Found) -> Found:
    """What reading marked is said once, not again by the hook that then met it."""
    if not marks:
        return found
    reported = {path for path, _ in marks}
    return [*marks, *(problem for problem in found if problem[0] not in reported)]


def _found_of(error: DecodeError) -> Found:
    """``error`` 's problems as pairs, their paths after its ``$``."""
    return [(e.path[1:], e.message) for e in error.errors]
