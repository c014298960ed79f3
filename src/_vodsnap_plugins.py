"""The entry points of vodsnap's pytest plugin and Hypothesis hook, which never break a test run.

pytest and Hypothesis load every installed plugin, in every project of the environment. If
``import vodsnap`` fails there (a dependency older than vodsnap needs, a broken install), they
warn and step aside instead of failing a test run that has nothing to do with vodsnap. This
module stands outside the ``vodsnap`` package because importing anything inside it runs
``vodsnap/__init__.py`` first, which is the import that may fail.
"""

from __future__ import annotations

import warnings
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pytest

__all__ = ["_hypothesis_setup_hook", "pytest_configure"]


def pytest_configure(config: pytest.Config) -> None:
    """Register vodsnap's fixtures (``vodsnap._pytest_plugin``), or warn if vodsnap won't import."""
    try:
        from vodsnap import _pytest_plugin
    except Exception as exc:  # any failure of vodsnap's import, whatever it raises
        _step_aside("pytest plugin (its fixtures)", exc, "pass -p no:vodsnap to pytest")
        return
    config.pluginmanager.register(_pytest_plugin, "vodsnap.fixtures")


def _hypothesis_setup_hook() -> None:
    """Register ``st.from_type`` for vodsnap's models, or warn if vodsnap won't import."""
    try:
        from vodsnap._hypothesis_plugin import register_type_strategies
    except Exception as exc:  # any failure of vodsnap's import, whatever it raises
        _step_aside("Hypothesis hook (st.from_type)", exc, "set HYPOTHESIS_NO_PLUGINS=1")
        return
    register_type_strategies()


def _step_aside(what: str, exc: Exception, silence: str) -> None:
    message = (
        f"vodsnap's {what} is disabled: import vodsnap failed with "
        f"{type(exc).__name__}: {exc}. Reinstall vodsnap with its dependencies "
        f"(pip install --upgrade vodsnap), or, to silence this, {silence}."
    )
    # Shown, never raised: under -W error or filterwarnings = error (as pytest itself treats
    # warnings from pytest_configure), this warning must not become the failure it reports.
    with warnings.catch_warnings():
        warnings.simplefilter("default")
        warnings.warn(message, RuntimeWarning, stacklevel=2)
