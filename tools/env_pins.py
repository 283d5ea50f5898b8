"""Turn the conda pins in environment.yml into pip requirement lines.

environment.yml is the single source of truth for runtime versions. This script
reads its ``dependencies`` list (a deliberately simple subset of YAML, so no YAML
library is needed before the virtualenv exists) and prints one pip requirement per
conda package, e.g. ``pandas=3.1`` -> ``pandas==3.1.*``.

Usage: python tools/env_pins.py [environment.yml]
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

#: conda packages that are not pip packages (or are provided by the venv itself)
SKIP = {"python", "pip"}
#: conda-forge name -> PyPI name where they differ
CONDA_TO_PIP: dict[str, str] = {"jupyterhub-singleuser": "jupyterhub"}

_PIN = re.compile(r"^\s*-\s+([A-Za-z0-9_.\-]+)\s*=\s*([0-9][0-9.]*)\s*(#.*)?$")


def conda_pins(text: str) -> dict[str, str]:
    """Return {conda name: minor version} for every pinned conda dependency."""
    pins: dict[str, str] = {}
    in_deps = False
    for line in text.splitlines():
        if re.match(r"^dependencies:\s*$", line):
            in_deps = True
            continue
        if in_deps and re.match(r"^\S", line):
            in_deps = False
        if not in_deps:
            continue
        m = _PIN.match(line)
        if m:
            pins[m.group(1)] = m.group(2)
    return pins


def pip_requirements(text: str) -> list[str]:
    """pip requirement lines (``name==X.Y.*``) for the pinned conda packages."""
    return [
        f"{CONDA_TO_PIP.get(name, name)}=={version}.*"
        for name, version in conda_pins(text).items()
        if name not in SKIP
    ]


def main(argv: list[str]) -> int:
    path = Path(argv[1]) if len(argv) > 1 else Path(__file__).resolve().parents[1] / "environment.yml"
    for req in pip_requirements(path.read_text(encoding="utf-8")):
        print(req)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
