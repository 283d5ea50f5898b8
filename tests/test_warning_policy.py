"""tools/warning_policy.py: deprecations are errors wherever the course is checked; exceptions are named."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _load(name: str):
    spec = importlib.util.spec_from_file_location(f"course_{name}_tool", ROOT / "tools" / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while it loads
    spec.loader.exec_module(module)
    return module


policy = _load("warning_policy")

PROBE = """
import sys, warnings
category = {"deprecation": DeprecationWarning, "future": FutureWarning}[sys.argv[1]]
warnings.warn_explicit(sys.argv[2], category, "probe.py", 1, module=sys.argv[3])
print("ignored")
"""


def _warn(kind: str, message: str, module: str) -> str:
    """'error' or 'ignored': what a warning does in a Python that runs under the policy."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONWARNINGS"} | {
        "PYTHONWARNINGS": policy.PYTHONWARNINGS
    }
    proc = subprocess.run(
        [sys.executable, "-c", PROBE, kind, message, module], capture_output=True, text=True, env=env
    )
    return "ignored" if proc.returncode == 0 and proc.stdout.strip() == "ignored" else "error"


@pytest.mark.parametrize("module", ["__main__", "helpers.plots", "pandas.core.frame"])
@pytest.mark.parametrize("kind", ["deprecation", "future"])
def test_deprecation_and_future_warnings_are_errors_from_any_module(kind: str, module: str) -> None:
    assert _warn(kind, "this will change", module) == "error"


def test_the_python_312_event_loop_warning_is_ignored_only_from_tornado() -> None:
    message = "There is no current event loop"
    assert _warn("deprecation", message, "tornado.ioloop") == "ignored"
    assert _warn("deprecation", message, "helpers.widgets.base") == "error"
    assert _warn("deprecation", message, "__main__") == "error"


def test_every_exception_names_a_message_a_category_and_a_module() -> None:
    for entry in policy.FILTERS:
        action, message, category, module = (entry.split(":") + [""] * 5)[:4]
        assert action in ("error", "ignore"), entry
        if action == "ignore":
            assert message and category and module, f"too broad an exception: {entry}"


def test_every_checking_run_uses_the_policy() -> None:
    nbtools = _load("nbtools")
    binder_env = _load("binder_env")
    assert nbtools.EXEC_ENV["PYTHONWARNINGS"] == policy.PYTHONWARNINGS
    assert binder_env.KERNEL_ENV["PYTHONWARNINGS"] == policy.PYTHONWARNINGS
    dry_run = subprocess.run(["make", "-n", "test"], cwd=ROOT, capture_output=True, text=True, check=True)
    assert f"PYTHONWARNINGS='{policy.PYTHONWARNINGS}'" in dry_run.stdout
    pytest_filters = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["pytest"][
        "ini_options"
    ]["filterwarnings"]
    assert {"error::DeprecationWarning", "error::FutureWarning"} <= set(pytest_filters)
