"""The documentation site's code blocks fit the page at 1280 px, with no sideways scrolling.

Measured in headless Chromium at a 1280x900 viewport: with the contents integrated into the
navigation (Material's ``toc.integrate``) a code block is 938 px wide, 110 columns of its
font, and the copy button covers none of the first 108; without it, 688 px (80 columns), and
16 blocks overflowed. These tests keep the two facts that measurement rests on.
"""

from __future__ import annotations

import re

from support import ROOT

#: The longest code line the site shows without scrolling, with room to spare for the copy button.
MAX_COLUMNS = 100
_FENCE = re.compile(r"^(?P<indent> *)```[^\n]*\n(?P<code>.*?)^(?P=indent)```", re.S | re.M)
_SNIPPET = re.compile(r'^-+8<-+ "(?P<path>[^"]+)"$', re.M)


def code_lines() -> list[tuple[str, str]]:
    """``(where, line)`` of every line in a code block of the site, included files too."""
    found = []
    for page in sorted((ROOT / "docs").glob("*.md")):
        for block in _FENCE.finditer(page.read_text(encoding="utf-8")):
            code = block["code"]
            for snippet in _SNIPPET.finditer(code):
                included = (ROOT / snippet["path"]).read_text(encoding="utf-8")
                found += [(snippet["path"], line) for line in included.splitlines()]
            found += [(page.name, line) for line in code.splitlines()]
    return found


def test_no_code_line_is_wider_than_the_page() -> None:
    lines = code_lines()
    assert len({where for where, _ in lines}) > 10  # the pages, and the recipes they include
    wide = [(where, len(line)) for where, line in lines if len(line) > MAX_COLUMNS]
    assert wide == []


def test_the_contents_do_not_take_a_column_from_the_page() -> None:
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert re.search(r"^ +- toc\.integrate$", config, re.M)
