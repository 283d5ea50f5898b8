"""Environment check for notebook 00: which versions the course runs on, and whether they fit."""

from __future__ import annotations

import importlib.metadata as md
import platform
import sys

import pandas as pd

#: Packages the course needs, with the minimum version it was written for.
REQUIRED: dict[str, str] = {
    "jupyterlab": "4.0",
    "ipywidgets": "8.0",
    "matplotlib": "3.9",
    "numpy": "2.0",
    "pandas": "2.2",
}


def _version_tuple(version: str) -> tuple[int, ...]:
    parts = []
    for piece in version.split(".")[:3]:
        digits = "".join(ch for ch in piece if ch.isdigit())
        parts.append(int(digits) if digits else 0)
    return tuple(parts)


def package_versions(required: dict[str, str] = REQUIRED) -> pd.DataFrame:
    """One row per required package: installed version, minimum, and whether it is fine."""
    rows = []
    for name, minimum in required.items():
        try:
            version = md.version(name)
        except md.PackageNotFoundError:
            version = ""
        ok = bool(version) and _version_tuple(version) >= _version_tuple(minimum)
        rows.append({"package": name, "installed": version or "missing", "minimum": minimum, "ok": ok})
    return pd.DataFrame(rows).set_index("package")


def environment_report() -> pd.DataFrame:
    """Python and package versions as a table, with a printed verdict (used in notebook 00)."""
    table = package_versions()
    py_ok = sys.version_info >= (3, 11)
    table.loc["python"] = [platform.python_version(), "3.11", py_ok]
    if bool(table["ok"].all()):
        print("Environment OK: every package the course needs is installed.")
    else:
        bad = ", ".join(table.index[~table["ok"].astype(bool)])
        print(f"Please fix: {bad}. Run `make lab` again, or open the course in Binder (see README).")
    return table
