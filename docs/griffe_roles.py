"""A griffe extension for the API reference: Sphinx roles become links, attrs defaults plain.

vodsnap's docstrings cross-reference as Sphinx and IDEs read them (``:class:`Limits```,
``:meth:`report```); mkdocstrings renders Markdown, where a cross-reference is
``[`Limits`][vodsnap.Limits]``. Each role's target is looked up from where the docstring stands
(the class, then its module, then the package) and written as the public name that the API page
documents. A target that cannot be found is a warning, which ``mkdocs build --strict`` fails on.

An attrs field written ``x: int = field(default=32, validator=...)`` is shown as ``x: int = 32``
(and without a value when its default comes from a factory), as a reader of the class expects.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

import griffe

_LOGGER = griffe.get_logger(__name__)
_ROLE = re.compile(
    r":(?:py:)?(?P<role>class|func|meth|attr|data|exc|mod|obj|const):"
    r"`(?P<tilde>~)?(?P<target>[A-Za-z_][\w.]*)`"
)
_CALLABLE = {"func", "meth"}


class SphinxRoles(griffe.Extension):
    """Rewrite ``:role:`target``` in every docstring of the package as a Markdown link."""

    def on_package(self, *, pkg: griffe.Module, **kwargs: Any) -> None:
        public = {
            member.target_path: f"{pkg.path}.{name}"
            for name, member in pkg.members.items()
            if member.is_alias and not name.startswith("_")
        }
        for obj in _walk(pkg):
            if isinstance(obj, griffe.Attribute):
                _plain_default(obj)
            if obj.docstring is not None and ":" in obj.docstring.value:
                obj.docstring.value = _ROLE.sub(_linker(obj, public), obj.docstring.value)


def _walk(obj: griffe.Object) -> Iterator[griffe.Object]:
    yield obj
    for member in obj.members.values():
        if isinstance(member, griffe.Object):  # not an Alias: an import, documented elsewhere
            yield from _walk(member)


def _plain_default(attr: griffe.Attribute) -> None:
    value = attr.value
    if isinstance(value, griffe.ExprCall) and str(value.function) in {"field", "attrs.field"}:
        defaults = [
            arg.value
            for arg in value.arguments
            if isinstance(arg, griffe.ExprKeyword) and arg.name == "default"
        ]
        attr.value = defaults[0] if defaults else None


def _linker(obj: griffe.Object, public: dict[str, str]) -> Callable[[re.Match[str]], str]:
    return lambda match: _link(obj, match, public)


def _link(obj: griffe.Object, match: re.Match[str], public: dict[str, str]) -> str:
    target = match["target"]
    path = _resolve(obj, target)
    if path is None:
        _LOGGER.warning(f"{obj.path}: cannot resolve the role {match[0]}")
        return f"`{target}`"
    for canonical, name in public.items():
        if path == canonical or path.startswith(canonical + "."):
            path = name + path[len(canonical) :]
            break
    shown = target.rsplit(".", 1)[-1] if match["tilde"] else target
    if match["role"] in _CALLABLE:
        shown += "()"
    return f"[`{shown}`][{path}]"


def _resolve(obj: griffe.Object, target: str) -> str | None:
    head, _, rest = target.partition(".")
    scope: griffe.Object | None = obj if obj.is_class or obj.is_module else obj.parent
    while scope is not None:
        member = scope.members.get(head)
        if member is not None:
            base = member.target_path if member.is_alias else member.path
            return f"{base}.{rest}" if rest else base
        scope = scope.parent
    return None
