"""The repository keeps its promises to a newcomer: two commands, CI = README, Binder link, licences."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
MAKEFILE = (ROOT / "Makefile").read_text(encoding="utf-8")


def test_readme_gives_the_two_commands():
    assert re.search(r"^make lab\b", README, re.M) and re.search(r"^make test\b", README, re.M)


def test_ci_runs_exactly_the_readme_test_command():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    commands = [line for line in ci.splitlines() if line.strip() and not line.lstrip().startswith("#")]
    assert commands[-1].strip() in {"exec make test", "make test"}
    assert not [c for c in commands[:-1] if not re.match(r"^(set -eu|cd .*)$", c.strip())], commands


def test_make_targets_exist_for_every_documented_command():
    targets = set(re.findall(r"^([a-z][\w-]*):", MAKEFILE, re.M))
    for documented in [*re.findall(r"`make ([a-z][\w-]*)`", README), "lab", "test"]:
        assert documented in targets, (
            f"README mentions `make {documented}` but the Makefile has no such target"
        )


def test_binder_badge_opens_start_here_in_jupyterlab():
    links = re.findall(r"https://mybinder\.org/v2/gh/[^)\s]+", README)
    assert links, "README has no Binder link"
    assert all(link.endswith("?urlpath=lab/tree/notebooks/00_start_here.ipynb") for link in links)


def test_licences_for_code_and_content_are_present():
    assert "MIT License" in (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert "CC BY 4.0" in (ROOT / "LICENSE-CONTENT.md").read_text(encoding="utf-8")


def test_course_layout_exists():
    for folder in ("notebooks", "lessons", "datasets", "src/helpers", "tests"):
        assert (ROOT / folder).is_dir(), folder
    assert (ROOT / "environment.yml").is_file() and (ROOT / "pyproject.toml").is_file()


def test_make_dry_run_of_test_target_runs_pytest_with_strict_nbval():
    out = subprocess.run(["make", "-n", "test"], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    assert "--nbval" in out and "nbval_sanitize.cfg" in out
    assert "error::DeprecationWarning" in out and "error::FutureWarning" in out


def test_readme_links_to_files_that_exist():
    for link in re.findall(r"\]\(((?:notebooks|lessons|datasets)/[^)#]+)\)", README):
        assert (ROOT / link).exists(), f"README links to {link}, which does not exist"
