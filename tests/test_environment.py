"""environment.yml is the single source of runtime pins: make, pip and conda must agree."""

from __future__ import annotations

import importlib.metadata as md
import importlib.util
import json
import re
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
ENV_TEXT = (ROOT / "environment.yml").read_text(encoding="utf-8")

spec = importlib.util.spec_from_file_location("env_pins", ROOT / "tools" / "env_pins.py")
assert spec and spec.loader
env_pins = importlib.util.module_from_spec(spec)
spec.loader.exec_module(env_pins)

PINS = env_pins.conda_pins(ENV_TEXT)
REQUIRED = {"jupyterlab", "pandas", "matplotlib", "ipywidgets", "nbval"}


def _pip_name(conda_name: str) -> str:
    return env_pins.CONDA_TO_PIP.get(conda_name, conda_name)


def test_environment_yml_uses_conda_forge_and_python_312_literal():
    assert re.search(r"^channels:\s*\n\s*-\s*conda-forge\s*$", ENV_TEXT, re.M)
    assert re.search(r"^\s*-\s*python=3\.12\s*$", ENV_TEXT, re.M), "Binder reads exactly 'python=3.12'"


def test_every_conda_dependency_is_pinned_to_a_minor_version():
    deps = re.findall(r"^  - ([A-Za-z0-9_.\-]+)(.*)$", ENV_TEXT.split("dependencies:")[1], re.M)
    unpinned = [name for name, rest in deps if name != "pip:" and not re.match(r"=\d+(\.\d+)?\s*$", rest)]
    assert not [u for u in unpinned if u != "pip"], f"unpinned conda dependencies: {unpinned}"
    for name, version in PINS.items():
        assert re.fullmatch(r"\d+(\.\d+)?", version), f"{name}={version} is not a minor-version pin"


def test_required_packages_are_in_environment_yml():
    assert set(PINS) >= REQUIRED, f"missing from environment.yml: {REQUIRED - set(PINS)}"


def test_environment_yml_installs_helpers_with_pip():
    assert re.search(r"^\s*-\s*pip:\s*\n\s*-\s*-e \.\s*$", ENV_TEXT, re.M)


def test_pip_requirements_mirror_the_conda_pins():
    reqs = env_pins.pip_requirements(ENV_TEXT)
    assert "pandas==" + PINS["pandas"] + ".*" in reqs
    assert not any(r.startswith(("python==", "pip==")) for r in reqs)


@pytest.mark.parametrize("conda_name", sorted(set(PINS) - env_pins.SKIP))
def test_installed_version_matches_environment_yml(conda_name):
    """Fails when the running environment drifted from environment.yml (rerun `make test`)."""
    version = md.version(_pip_name(conda_name))
    pin = PINS[conda_name]
    assert version == pin or version.startswith(pin + "."), (
        f"{conda_name} {version} is installed but environment.yml pins {pin}; "
        "rebuild the environment (make test) or update the pin"
    )


def test_pyproject_runtime_dependencies_are_all_pinned_in_environment_yml():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    names = {re.split(r"[<>=!~ \[]", d, maxsplit=1)[0].lower() for d in project["dependencies"]}
    pinned = {_pip_name(n).lower().replace("_", "-") for n in PINS}
    assert names <= pinned, f"pyproject dependencies not pinned in environment.yml: {names - pinned}"


def test_running_python_is_at_least_311():
    assert sys.version_info >= (3, 11)


def test_the_course_jupyterlab_settings_are_installed_in_the_environment():
    """`make` copies tools/lab/overrides.json into the environment (RISE's offline-safe theme)."""
    installed = Path(sys.prefix) / "share" / "jupyter" / "lab" / "settings" / "overrides.json"
    source = ROOT / "tools" / "lab" / "overrides.json"
    assert installed.is_file(), f"{installed} is missing: run `make test` (or `make lab`) to set up .venv"
    assert json.loads(installed.read_text()) == json.loads(source.read_text())
    assert json.loads(source.read_text())["jupyterlab-rise:plugin"]["theme"] == "white"
