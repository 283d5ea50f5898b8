"""Where the course's files live, wherever a notebook runs.

The bundled datasets are found relative to this file (``<repo>/datasets``), so a
notebook works from any working directory, in a moved checkout and on Binder.
Set the environment variable ``INFLUENCER_COURSE_DATA`` to point at another folder.
"""

from __future__ import annotations

import os
from pathlib import Path

#: Environment variable that overrides the datasets folder.
DATA_ENV = "INFLUENCER_COURSE_DATA"

REPO_ROOT = Path(__file__).resolve().parents[2]


def data_dir() -> Path:
    """The folder holding the bundled CSV files (``$INFLUENCER_COURSE_DATA`` or ``<repo>/datasets``)."""
    override = os.environ.get(DATA_ENV)
    return Path(override).expanduser().resolve() if override else REPO_ROOT / "datasets"


def output_dir(*, create: bool = True) -> Path:
    """Folder for files the course writes for the learner (exports): ``<repo>/output``, git-ignored.

    ``create=False`` only returns the path, for code that must not write before a button is clicked.
    """
    out = REPO_ROOT / "output"
    if create:
        out.mkdir(exist_ok=True)
    return out
