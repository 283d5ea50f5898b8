"""The wheel's contents are declared in pyproject.toml (no setup.py: repo2docker would read it as a second
recipe). These checks keep the declaration equal to the source tree, so a new subpackage or a new table
cannot silently miss the wheel; tests/test_install.py builds and installs the wheel itself."""

from __future__ import annotations

import fnmatch
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SETUPTOOLS = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]


def test_every_python_package_under_src_is_declared_and_nothing_else():
    found = {
        ".".join(init.parent.relative_to(ROOT / "src").parts) for init in (ROOT / "src").rglob("__init__.py")
    }
    declared = {name for name in SETUPTOOLS["packages"] if not name.startswith("helpers.datasets")}
    assert declared == found, (
        f"pyproject.toml [tool.setuptools] packages: add {found - declared}, drop {declared - found}"
    )


def test_every_bundled_table_and_its_documentation_ship_in_the_wheel():
    patterns = SETUPTOOLS["package-data"]
    assert SETUPTOOLS["package-dir"]["helpers.datasets"] == "datasets"
    missing = []
    for path in sorted((ROOT / "datasets").rglob("*")):
        if path.is_dir() or "__pycache__" in path.parts:
            continue
        rel = path.relative_to(ROOT / "datasets")
        package = ".".join(("helpers", "datasets", *rel.parts[:-1]))
        if not any(fnmatch.fnmatch(rel.name, p) for p in patterns.get(package, [])):
            missing.append(str(rel))
    assert not missing, f"files in datasets/ the wheel would not carry: {missing}"


def test_no_setup_py_competes_with_pyproject():
    assert not (ROOT / "setup.py").exists()
