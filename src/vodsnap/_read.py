"""From a body as given (bytes, str or an already decoded mapping) to a JSON value.

The one place that reads a body's raw text for decoding (the command line parses its input
only to tell bodies apart) and knows which JSON parser runs. The optional fast parser
(msgspec, ``pip install 'vodsnap[fast]'``) reads what it accepts; the standard ``json`` module
reads the rest and explains every refusal, and reads everything in strict mode. msgspec gives
the same value as ``json`` for every body it accepts (integers past 64 bits included: orjson, the
parser before it, read those as floats), so nothing is ever read twice.

The size and depth limits are enforced here, before any decoding work (the depth of text is
read off its brackets by C code; the value is walked only to say where a body is too deep).
Failures that leave nothing to decode raise a ``DecodeError`` at once; strict reading marks
duplicate keys and non-finite numbers in the value (and any reading, integers too long to
convert), and ``problems`` reports them with their paths: as every reporter here does, as
``(path, message)`` pairs, paths relative to the body (``""`` is the body itself).
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Mapping
from itertools import accumulate, chain, compress, repeat
from operator import add, is_, sub
from typing import Any, Final, NamedTuple

from ._errors import DecodeError, decode_error
from ._limits import Limits
from ._paths import Found, key_path


def _usable(version: str) -> bool:
    """Whether a msgspec of ``version`` reads every integer right: before 0.19 it read some
    65-bit ones (2**64 + 10**18 + 1 to 19999999999999999999, VOD file ids among them) as other
    numbers, silently (msgspec issue 701, fixed by pull request 751)."""
    parts = version.split(".")[:2]
    return all(part.isdigit() for part in parts) and tuple(map(int, parts)) >= (0, 19)


_fast_loads: Callable[[bytes | str], Any] | None = None
try:  # the optional fast parser, where it is one that reads every integer right
    import msgspec
    from msgspec.json import Decoder as _Decoder
except ImportError:  # pragma: no cover - depends on what is installed
    pass
else:
    if _usable(msgspec.__version__):
        _fast_loads = _Decoder().decode

__all__ = [
    "Body",
    "Mark",
    "Reading",
    "not_json",
    "problems",
    "read",
    "read_bytes",
    "too_deep",
]

#: What ``parse`` accepts.
Body = bytes | bytearray | memoryview | str | Mapping[str, Any]

_BOM: Final = "\ufeff"
#: Past this many bits an integer has more digits than Python converts to text (4,300).
_MOST_BITS: Final = 14_000


class Reading(NamedTuple):
    """A body's JSON value; ``marked``: reading marked a problem in it (see ``problems``);
    ``owned``: the value is the parser's own, nested within ``max_depth`` everywhere, and
    nothing else holds it (not an already decoded mapping): see ``Mode.owned``."""

    value: object
    marked: bool
    owned: bool


class Mark:
    """What reading puts where the text held a value that no hook may accept: ``NaN``,
    ``Infinity`` or an overflowing number (strict), or an integer with more digits than Python
    converts. ``problems`` reports it at its path, in its own words."""

    __slots__ = ("message",)

    def __init__(self, message: str) -> None:
        self.message = message

    def __repr__(self) -> str:
        return f"Mark({self.message!r})"


#: One mark for each JSON constant that is not a number (marks hold no path: they are shared).
_NOT_A_NUMBER: Final = {
    text: Mark(f"{text} is not a JSON number") for text in ("NaN", "Infinity", "-Infinity")
}


class _DuplicateKeys(dict[str, Any]):
    """An object whose text repeated keys (strict reading only); the last value wins."""

    __slots__ = ("duplicates",)
    duplicates: list[str]


#: The objects the parsers make (strict reading: one with repeated keys too).
_OBJECTS: Final = frozenset[type]((dict, _DuplicateKeys))


#: A reading made without ``Reading``'s Python ``__new__`` (the commonest call makes one).
_OWNED: Final = tuple.__new__


def read_bytes(body: bytes, limits: Limits) -> Reading:
    """``read`` for the commonest case, bytes in the lenient mode, without its generality."""
    reading = _fast_read(body, limits, True)
    return read(body, strict=False, limits=limits) if reading is None else reading


def _fast_read(body: bytes, limits: Limits, depth: bool) -> Reading | None:
    """Bytes read by the fast parser as they are (not decoded to text first, nor encoded again
    to count their brackets), or ``None`` for ``read`` to read them (and say why not)."""
    if len(body) > limits.max_body_bytes or _fast_loads is None:
        return None
    try:
        value = _fast_loads(body)
    except Exception:  # refused (bad JSON, NaN, a lone surrogate, a BOM): json says why
        return None
    if not _may_exceed(body, limits.max_depth):
        return _OWNED(Reading, (value, False, True))
    deeper = _nests_deeper(body, limits)
    if depth and deeper:
        _check_depth(body, value, limits.max_depth)
    return Reading(value, False, not deeper)


def read(body: object, *, strict: bool, limits: Limits, depth: bool = True) -> Reading:
    """The JSON value in ``body``; strict reading marks what it must refuse. ``depth=False``
    leaves the depth limit to the caller (a pull response checks each event on its own): the
    reading is then ``owned`` only if nothing in it is nested too deeply."""
    if isinstance(body, Mapping):  # its depth is checked where it is descended into
        return Reading(body, False, False)
    if type(body) is bytes and not strict:  # the commonest body: as it is
        reading = _fast_read(body, limits, depth)
        if reading is not None:
            return reading
    text = _text(body, limits.max_body_bytes)
    value, marked = _strict_loads(body, text) if strict else _lenient_loads(body, text)
    raw = body if type(body) is bytes else text.encode("utf-8", "surrogatepass")
    if not _may_exceed(raw, limits.max_depth):
        return Reading(value, marked, True)
    deeper = _nests_deeper(raw, limits)
    if depth and deeper:
        _check_depth(body, value, limits.max_depth)
    return Reading(value, marked, not deeper)


def too_deep(value: object, max_depth: int, *, depth: int = 1, skip: object = None) -> Found:
    """``value``, at ``depth``, nested deeper than ``max_depth``: the first place where, if any
    (the node ``skip`` is not looked into)."""
    if not _deeper_than(value, max_depth - depth + 1, skip):
        return []
    try:
        path = _too_deep(value, "", depth, max_depth, skip)
    except RecursionError:
        path = ""
    return [] if path is None else [(path, f"nested deeper than max_depth={max_depth}")]


def problems(value: object, path: str = "", skip: object = None, *, most: int = 0) -> Found:
    """What reading marked in ``value`` (at ``path``), every mark with its path; the node
    ``skip`` (by identity) is not looked into. ``most`` (if not 0): stop after one more."""
    found: Found = []
    _problems(value, path, skip, found, most + 1 if most else -1)
    return found


def _lenient_loads(body: object, text: str) -> tuple[object, bool]:
    """The fast parser's value where it accepts the text (the same as ``json``'s), else
    ``json``'s, which also says why a text is refused."""
    if _fast_loads is not None:
        try:
            return _fast_loads(text), False
        except Exception:  # refused: NaN, a lone surrogate, bad JSON, too deep, ...
            pass
    return _loads(body, text)


def _strict_loads(body: object, text: str) -> tuple[object, bool]:
    marked = False

    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        nonlocal marked
        obj = dict(items)
        if len(obj) == len(items):
            return obj
        marked = True
        flagged = _DuplicateKeys(obj)
        flagged.duplicates = []
        seen: set[str] = set()
        for key, _ in items:
            if key in seen:
                flagged.duplicates.append(key)
            seen.add(key)
        return flagged

    def number(text: str) -> object:
        nonlocal marked
        value = float(text)
        if math.isfinite(value):
            return value
        marked = True
        return Mark(f"{text} is not a JSON number")  # 1e999: too large for a float

    # NaN, Infinity and -Infinity become their shared marks by a C call (the dict's lookup: no
    # Python call a constant, of which 1 MiB holds 262,000); whether any was read is looked
    # for only when the text holds one's name, by C code a level at a time.
    value, long_numbers = _loads(
        body,
        text,
        object_pairs_hook=pairs,
        parse_constant=_NOT_A_NUMBER.__getitem__,
        parse_float=number,
    )
    if not (marked or long_numbers) and ("NaN" in text or "Infinity" in text):
        marked = _holds_mark(value)
    return value, marked or long_numbers


def _text(body: object, max_bytes: int) -> str:
    if isinstance(body, bytes | bytearray | memoryview):
        size = _size(body)  # refused by its length, before a copy of 100 MB is made
        if size is not None and size > max_bytes:
            raise _error(body, f"body is {size} bytes, more than max_body_bytes={max_bytes}")
        try:
            data = bytes(body)
        except (TypeError, ValueError) as exc:  # e.g. a released memoryview
            raise _error(body, f"cannot read the body's bytes ({exc})") from None
        if len(data) > max_bytes:
            raise _error(body, f"body is {len(data)} bytes, more than max_body_bytes={max_bytes}")
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise _error(body, f"body is not valid UTF-8 (byte {exc.start})") from None
    elif isinstance(body, str):
        # A character makes one to four UTF-8 bytes: refused by its length alone when that
        # says enough (no 100 MB encoding first), measured only when it could matter.
        if len(body) > max_bytes:  # ASCII text has one byte a character: say how many exactly
            shown = f"{len(body)}" if body.isascii() else f"at least {len(body)}"
            raise _error(body, f"body is {shown} bytes, more than max_body_bytes={max_bytes}")
        if len(body) * 4 > max_bytes:
            size = len(body.encode("utf-8", "surrogatepass"))
            if size > max_bytes:
                raise _error(body, f"body is {size} bytes, more than max_body_bytes={max_bytes}")
        text = body
    else:
        raise _error(body, f"expected bytes, str or a mapping, got {type(body).__name__}")
    if text.startswith(_BOM):  # RFC 8259 lets a parser ignore it; some HTTP stacks send one
        text = text[1:]
    return text


def _size(body: bytes | bytearray | memoryview) -> int | None:
    """The body's length in bytes, without copying it (``None`` for a released memoryview)."""
    if isinstance(body, memoryview):
        try:
            return body.nbytes
        except ValueError:
            return None
    return len(body)


def _loads(body: object, text: str, **hooks: Any) -> tuple[object, bool]:
    """The JSON value of ``text``, and whether it holds marks (integers too long to convert,
    found by reading again only when the first read met one)."""
    try:
        return json.loads(text, **hooks), False
    except json.JSONDecodeError as exc:
        raise _error(
            body, f"invalid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})"
        ) from None
    except RecursionError:
        raise _error(body, "invalid JSON: nested too deeply to read") from None
    except ValueError:  # an integer past Python's int-string limit: say where, not only that
        return json.loads(text, parse_int=_integer, **hooks), True


def _integer(text: str) -> object:
    try:
        return int(text)
    except ValueError:
        digits = len(text) - text.startswith("-")
        return Mark(f"too many digits ({digits})")


def _may_exceed(text: bytes, max_depth: int) -> bool:
    """Whether the text could nest deeper than ``max_depth``: never with fewer opening
    brackets. Counted by what deleting up to one more than ``max_depth`` of each kind takes
    away: ``replace`` finds them by ``memchr`` and copies the rest, with no Python step a
    bracket, and one of many brackets is not looked for to its end."""
    left = max_depth + 1
    left -= len(text) - len(text.replace(b"[", b"", left))
    return not left or len(text) - len(text.replace(b"{", b"", left)) == left


#: Every byte but the brackets and the quote, deleted, and "{" and "}" read as "[" and "]", by
#: one ``translate``.
_NOT_BRACKETS: Final = bytes(set(range(256)) - set(b'[]{}"'))
_ONE_BRACKET: Final = bytes.maketrans(b"{}", b"[]")
#: Passes that may peel a level off before the rest are counted.
_PEELED: Final = 8
#: A pass peels a level only while the innermost pairs are this dense (one in so many bytes):
#: sparser, the high points between them are few enough to count as they are.
_SPARSE: Final = 32


def _nests_deeper(text: bytes, limits: Limits) -> bool:
    """Whether valid JSON ``text`` nests deeper than ``max_depth``, by C code alone (no Python
    step per value): escapes taken out, one ``translate`` keeps the brackets and the quotes,
    the strings' brackets are taken out of that. Then, a chunk of ``_CHUNK`` brackets at a
    time, a path from the body down passes at most the containers open where the chunk starts,
    those the chunk opens that are not empty, and one that is (an innermost ``[]``): when those
    are few enough everywhere, no deeper; else a level is peeled (every ``[]`` taken away)
    while that leaves much less, and the depth of what is left is read off its innermost
    pairs."""
    if b"\\" in text:  # an escaped backslash, then an escaped quote, is no delimiter
        text = text.replace(b"\\\\", b"").replace(b'\\"', b"")
    brackets = _unquoted(text.translate(_ONE_BRACKET, _NOT_BRACKETS))
    peeled, left = 0, limits.max_depth
    while brackets:  # no Python call a pass: as many calls for a body of any size
        if len(brackets) <= _CHUNK:  # the commonest: one chunk
            highest = len(brackets) // 2 - brackets.count(b"[]")
        else:
            chunks = list(
                map(brackets.__getitem__, map(slice, range(0, len(brackets), _CHUNK), _ENDS))
            )
            opened = list(map(bytes.count, chunks, repeat(b"[")))
            rises = map(sub, map(add, opened, opened), map(len, chunks))  # opened less closed
            starts = accumulate(rises, initial=0)  # the depth where each chunk starts
            empty = map(bytes.count, chunks, repeat(b"[]"))
            highest = max(map(sub, map(add, starts, opened), empty))
        if highest < left:
            return False
        pairs = brackets.count(b"[]")  # the empty containers
        if peeled == _PEELED or pairs * _SPARSE < len(brackets):
            return _deepest(brackets, pairs) > left
        brackets = brackets.replace(b"[]", b"")  # most bodies are shallow: a few passes
        peeled, left = peeled + 1, left - 1
    return False


#: The bytes of brackets whose containers are counted together, and where the chunks end.
_CHUNK: Final = 4096
_ENDS: Final = range(_CHUNK, 2**62, _CHUNK)


def _unquoted(brackets: bytes) -> bytes:
    """The brackets and quotes of a text without the strings' brackets. The quotes delimit the
    strings; where every one is side by side with its pair, no string holds a bracket, and the
    quotes go by one ``translate``. Else taking two quotes side by side away (an empty string,
    or the end of one and the start of the next) leaves every bracket as much inside a string
    as it was, so that only the few strings that hold a bracket are left to split the text at."""
    quotes = brackets.count(b'"')
    if quotes == 2 * brackets.count(b'""'):
        return brackets.translate(None, b'"') if quotes else brackets
    return b"".join(brackets.replace(b'""', b"").split(b'"')[::2])


def _deepest(brackets: bytes, pairs: int) -> int:
    """The depth of balanced brackets holding ``pairs`` innermost ``[]``: the highest of those,
    each one more than the brackets opened before it less those closed (read off the runs of
    brackets between two innermost pairs, by C code a run)."""
    runs = brackets.split(b"[]", pairs)[:pairs]
    opened = list(map(bytes.count, runs, repeat(b"[")))
    rises = map(sub, map(add, opened, opened), map(len, runs))  # opened less closed
    deepest: int = max(accumulate(rises)) + 1
    return deepest


def _deeper_than(value: object, max_depth: int, skip: object = None) -> bool:
    """Whether parsed JSON nests deeper than ``max_depth``: only dicts and lists to look at,
    a level at a time, each level gathered by C code (no Python step per value)."""
    objects: list[Any] = [value] if type(value) in _OBJECTS else []
    arrays: list[Any] = [value] if type(value) is list else []
    for _ in range(max_depth):
        items = list(chain(chain.from_iterable(map(dict.values, objects)), *arrays))
        types = list(map(type, items))
        objects = list(compress(items, map(_OBJECTS.__contains__, types)))
        arrays = list(compress(items, map(is_, types, repeat(list))))
        if skip is not None:
            objects = [node for node in objects if node is not skip]
            arrays = [node for node in arrays if node is not skip]
        if not objects and not arrays:
            return False
    return True


def _holds_mark(value: object) -> bool:
    """Whether parsed JSON holds a ``Mark`` anywhere: a level at a time, each level looked
    through, then gathered, by C code (no Python step per value)."""
    objects: list[Any] = [value] if type(value) in _OBJECTS else []
    arrays: list[Any] = [value] if type(value) is list else []
    while objects or arrays:
        level = chain(chain.from_iterable(map(dict.values, objects)), *arrays)
        if Mark in map(type, level):  # stops at the first, before the level is copied
            return True
        items = list(chain(chain.from_iterable(map(dict.values, objects)), *arrays))
        types = list(map(type, items))
        objects = list(compress(items, map(_OBJECTS.__contains__, types)))
        arrays = list(compress(items, map(is_, types, repeat(list))))
    return type(value) is Mark


def _check_depth(body: object, value: object, max_depth: int) -> None:
    found = too_deep(value, max_depth)
    if found:
        raise decode_error(found, body)


def _too_deep(value: object, path: str, depth: int, max_depth: int, skip: object) -> str | None:
    """The path of the first array or object nested deeper than ``max_depth``, if any."""
    if isinstance(value, Mapping):
        items: Any = value.items()
    elif isinstance(value, list | tuple):
        items = enumerate(value)
    else:
        return None
    if depth > max_depth:
        return path
    for key, item in items:
        if isinstance(item, Mapping | list | tuple) and item is not skip:
            step = f"{path}[{key}]" if isinstance(key, int) else key_path(path, key)
            found = _too_deep(item, step, depth + 1, max_depth, skip)
            if found is not None:
                return found
    return None


def _problems(value: object, path: str, skip: object, found: Found, most: int) -> None:
    """Add the marks in ``value`` to ``found``, until it holds ``most`` (never, if -1)."""
    if value is skip or len(found) == most:
        return
    if isinstance(value, Mark):
        found.append((path, value.message))
    elif isinstance(value, dict):
        if isinstance(value, _DuplicateKeys):
            for key in dict.fromkeys(value.duplicates):
                found.append((key_path(path, key), "duplicate key"))
        for key, item in value.items():
            if len(found) >= most >= 0:
                return
            _problems(item, key_path(path, key), skip, found, most)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            if len(found) >= most >= 0:
                return
            _problems(item, f"{path}[{index}]", skip, found, most)


def not_json(value: object, path: str = "", most: int = 100) -> Found:
    """Where ``value`` (a model's wire form, made from an already decoded mapping) holds what
    JSON text cannot: a key that is not a string, an integer Python will not write as text."""
    found: Found = []
    stack = [(value, path)]
    while stack and len(found) < most:
        node, where = stack.pop()
        if isinstance(node, dict):
            for key, item in node.items():
                if not isinstance(key, str):
                    found.append((key_path(where, key), "a key that is not a string"))
                stack.append((item, key_path(where, key)))
        elif isinstance(node, list):
            stack.extend((item, f"{where}[{i}]") for i, item in enumerate(node))
        elif type(node) is int and node.bit_length() > _MOST_BITS:
            found.append((where, "too many digits (more than 4,300)"))
    return sorted(found, key=lambda problem: problem[0])


def _error(body: object, message: str) -> DecodeError:
    return decode_error([("", message)], body)
