"""Build step that pyproject.toml cannot express: ship the course's tables inside the package.

A wheel (``pip install .``, ``pip install git+<url>``, ``pip wheel .``) gets a copy of ``datasets/``
as ``helpers/datasets/`` (package data), where :func:`helpers.paths.data_dir` finds it. An editable
install copies nothing: there ``helpers`` reads ``<checkout>/datasets/`` directly. Everything else
about the package is in pyproject.toml.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent
DATASETS = HERE / "datasets"
#: The files of ``datasets/`` that the package ships (the tables, their schema, datasheet and examples).
PATTERNS = ("*.csv", "*.json", "*.md", "examples/*.csv")


class BuildWithData(build_py):
    """``build_py`` that also copies ``datasets/`` into ``<build>/helpers/datasets``."""

    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            return
        if not DATASETS.is_dir():
            raise SystemExit(f"cannot build the package: {DATASETS} is missing (run `make data`)")
        target = Path(self.build_lib) / "helpers" / "datasets"
        for pattern in PATTERNS:
            for source in sorted(DATASETS.glob(pattern)):
                dest = target / source.relative_to(DATASETS)
                dest.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(source, dest)


setup(cmdclass={"build_py": BuildWithData})
