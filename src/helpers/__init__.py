"""Helpers for the open Jupyter course on influencer marketing.

Data flows one way: ``datasets/*.csv`` -> :mod:`helpers.data` (load + validate)
-> :mod:`helpers.metrics` (pure functions) -> :mod:`helpers.plots` -> :mod:`helpers.widgets`
-> notebooks. Exercises live in :mod:`helpers.exercises`; the synthetic data
generator in :mod:`helpers.generate`.
"""

# The course's version (cite or pin it): CITATION.cff, CHANGELOG.md's latest release, pyproject.toml and the
# website's footer say the same; tests/test_version.py keeps them equal.
__version__ = "0.7.0"

from .environment import environment_report

__all__ = ["__version__", "environment_report"]
