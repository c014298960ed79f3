"""Fail CI if pyproject.toml's classifiers claim a Python version that CI did not run.

Usage: python .ci/check_classifiers.py 3.11 3.12 ... (the versions the suite passed on). A
version that ran but is not claimed is only reported: add its classifier.
"""

from __future__ import annotations

import re
import sys
import tomllib
from pathlib import Path

PYPROJECT = Path(__file__).resolve().parent.parent / "pyproject.toml"


def main(ran: list[str]) -> int:
    classifiers = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["project"]["classifiers"]
    claimed = {
        match[1]
        for classifier in classifiers
        if (match := re.fullmatch(r"Programming Language :: Python :: (3\.\d+)", classifier))
    }
    for version in sorted(set(ran) - claimed, key=lambda v: int(v.split(".")[1])):
        print(f"note: the suite passes on Python {version}: add its classifier")
    untested = sorted(claimed - set(ran), key=lambda v: int(v.split(".")[1]))
    for version in untested:
        print(f"FAILED: the classifiers claim Python {version}, which CI did not run")
    if not untested:
        print(f"the classifiers claim {', '.join(sorted(claimed))}: each ran")
    return 1 if untested else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
