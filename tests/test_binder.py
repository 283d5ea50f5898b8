"""Binder readiness, proven offline (issue #7).

mybinder.org builds the course with repo2docker from ``environment.yml``. The static tests check the
repo2docker conventions that decide that build; the ``binder``-marked tests build a fresh virtualenv
from environment.yml's pins alone (tools/binder_env.py: pip from PyPI, no test extras, no Makefile
constraints) and run every notebook in that virtualenv's own kernel. In ``make test`` that run is
strict nbval itself (``--nbval-kernel-name course-binder``: the root conftest.py builds the venv in the
background as the run starts), so each notebook runs once and is checked both ways.

Stated difference from Binder: environment.yml asks for ``python=3.12``; when no Python 3.12 runs
here, the virtualenv uses this interpreter (3.11 on the course's test machines) and the tests print
so. Packages come from PyPI at the same minor versions that conda-forge would give.

The virtualenv is cached in ``build/binder-venv`` (about a minute to build, reused while
environment.yml, pyproject.toml and tools/env_pins.py are unchanged). Timings are printed.
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
ENV_TEXT = (ROOT / "environment.yml").read_text(encoding="utf-8")
ENV = yaml.safe_load(ENV_TEXT)

_spec = importlib.util.spec_from_file_location("binder_env", ROOT / "tools" / "binder_env.py")
assert _spec and _spec.loader
binder_env = importlib.util.module_from_spec(_spec)
sys.modules["binder_env"] = binder_env  # dataclasses look their module up while it loads
_spec.loader.exec_module(binder_env)
env_pins = binder_env.env_pins

#: conda-forge names of what the course needs on Binder (JupyterLab, slides, app mode, labs, checks).
COURSE_PACKAGES = {
    "jupyterlab",
    "jupyterlab_rise",
    "voila",
    "ipywidgets",
    "ipykernel",
    "nbval",
    "pandas",
    "matplotlib",
    "numpy",
}
#: Files repo2docker reads besides environment.yml. Each would pick another build pack (Dockerfile,
#: Project.toml, REQUIRE, default.nix, install.R, DESCRIPTION), be ignored next to environment.yml
#: and mislead (requirements.txt, requirements3.txt, setup.py, Pipfile, Pipfile.lock, runtime.txt),
#: or change the image (apt.txt, start). pyproject.toml is fine: environment.yml's `-e .` installs it.
COMPETING_FILES = (
    "Dockerfile",
    "Project.toml",
    "JuliaProject.toml",
    "REQUIRE",
    "default.nix",
    "install.R",
    "DESCRIPTION",
    "requirements.txt",
    "requirements3.txt",
    "setup.py",
    "Pipfile",
    "Pipfile.lock",
    "runtime.txt",
    "apt.txt",
    "start",
    "environment.yaml",
)
START_HERE = "notebooks/00_start_here.ipynb"


def _conda_dependencies() -> list[str]:
    return [dep for dep in ENV["dependencies"] if isinstance(dep, str)]


def _pip_dependencies() -> list[str]:
    lists = [dep["pip"] for dep in ENV["dependencies"] if isinstance(dep, dict) and "pip" in dep]
    return [entry for pip_list in lists for entry in pip_list]


def _normalise(name: str) -> str:
    """PEP 503 project name: the form pip compares."""
    return re.sub(r"[-_.]+", "-", name).lower()


def postbuild_problem(text: str) -> str | None:
    """Why a postBuild script is unsafe (None when its first command is ``set -e...``)."""
    commands = [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]
    if not commands:
        return "postBuild is empty: delete it"
    if not re.match(r"^set\s+-[a-z]*e", commands[0]):
        return f"postBuild must start with `set -e` so a failing step fails the build, not {commands[0]!r}"
    return None


# --------------------------------------------------------------------------- static conventions


def test_environment_yml_sits_at_the_repository_root_with_no_binder_folder():
    """repo2docker reads binder/ or .binder/ instead of the root when either exists."""
    assert (ROOT / "environment.yml").is_file()
    folders = [name for name in ("binder", ".binder") if (ROOT / name).exists()]
    assert not folders, f"{folders} would make repo2docker ignore the root environment.yml"


def test_environment_yml_channels_are_conda_forge_only():
    assert ENV["channels"] == ["conda-forge"], (
        f"channels are {ENV['channels']}; Binder should resolve from conda-forge alone (no defaults)"
    )


def test_environment_yml_asks_for_python_312_with_the_literal_binder_reads():
    assert "python=3.12" in _conda_dependencies(), "repo2docker picks its Python from 'python=3.12'"
    assert binder_env.python_pin(ENV_TEXT) == "3.12"


def test_course_packages_are_listed_under_their_conda_forge_names():
    names = {dep.split("=")[0] for dep in _conda_dependencies()}
    missing = COURSE_PACKAGES - names
    assert not missing, f"environment.yml lacks {sorted(missing)}; Binder would not have them"
    assert "jupyterlab-rise" not in names and "rise" not in names, (
        "the conda-forge package is 'jupyterlab_rise' ('rise' is the classic-notebook extension)"
    )


def test_env_pins_turns_jupyterlab_rise_into_its_pypi_name():
    reqs = {_normalise(req.split("==")[0]): req for req in env_pins.pip_requirements(ENV_TEXT)}
    assert "jupyterlab-rise" in reqs, f"no PyPI requirement for jupyterlab_rise in {sorted(reqs)}"
    assert reqs["jupyterlab-rise"].endswith("==" + env_pins.conda_pins(ENV_TEXT)["jupyterlab_rise"] + ".*")
    assert "voila" in reqs


def test_simple_pip_section_reader_agrees_with_a_yaml_parser():
    assert binder_env.pip_section(ENV_TEXT) == _pip_dependencies() == ["-e ."]


def test_pip_install_args_install_the_course_editable_from_the_checkout():
    args = binder_env.pip_install_args(ENV_TEXT)
    assert args[-2:] == ["-e", str(ROOT)]
    assert not any(arg.startswith(("python==", "pip==")) for arg in args)
    assert not any("[test]" in arg for arg in args), "the Binder venv must not get the test extras"


def test_pip_install_args_reject_a_pip_option_they_do_not_understand():
    text = ENV_TEXT.replace("- -e .", "- --index-url https://example.invalid")
    with pytest.raises(binder_env.BinderEnvError, match="pip section"):
        binder_env.pip_install_args(text)


def test_pip_itself_is_pinned_as_environment_yml_says():
    assert binder_env.pip_self_requirement(ENV_TEXT) == f"pip=={env_pins.conda_pins(ENV_TEXT)['pip']}.*"
    assert binder_env.pip_self_requirement("dependencies:\n  - python=3.12\n") is None


def test_pip_section_reader_skips_comments_and_stops_at_the_end_of_the_list():
    text = "dependencies:\n  - pandas=3.1\n  - pip:\n      # editable\n      - -e .\n      - rich\nname: x\n"
    assert binder_env.pip_section(text) == ["-e .", "rich"]
    assert binder_env.pip_section("dependencies:\n  - pandas=3.1\n") == []


def test_cache_key_changes_when_environment_yml_changes(tmp_path):
    for name in binder_env.KEY_FILES:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes((ROOT / name).read_bytes())
    before = binder_env.cache_key(sys.executable, tmp_path)
    assert binder_env.cache_key(sys.executable, tmp_path) == before
    (tmp_path / "environment.yml").write_text(ENV_TEXT.replace("pandas=", "pandas=9"), encoding="utf-8")
    assert binder_env.cache_key(sys.executable, tmp_path) != before


def test_python_candidates_try_path_then_pyenv_versions_newest_patch_first(tmp_path, monkeypatch):
    """pyenv's python3.12 shim fails unless 3.12 is selected, so its installed 3.12s are tried too."""
    for version in ("3.12.1", "3.12.10", "3.13.0", "3.12.4"):
        exe = tmp_path / "versions" / version / "bin" / f"python{version[:4]}"
        exe.parent.mkdir(parents=True)
        exe.write_text("", encoding="utf-8")
    monkeypatch.setenv("PYENV_ROOT", str(tmp_path))
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    names = [Path(p).parents[1].name for p in binder_env.python_candidates("3.12")]
    assert names == ["3.12.10", "3.12.4", "3.12.1"]
    assert binder_env.python_candidates("") == []


def test_choose_python_falls_back_to_this_interpreter_when_none_runs(tmp_path, monkeypatch):
    monkeypatch.setenv("PYENV_ROOT", str(tmp_path))
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    python, version = binder_env.choose_python("3.99")
    assert version == f"{sys.version_info.major}.{sys.version_info.minor}" and Path(python).exists()


def test_build_venv_refuses_to_replace_a_folder_it_did_not_make(tmp_path):
    mine = tmp_path / "my-env"
    mine.mkdir()
    (mine / "notes.txt").write_text("keep me", encoding="utf-8")
    with pytest.raises(binder_env.BinderEnvError, match=r"not made by tools/binder_env\.py"):
        binder_env.build_venv(mine)
    assert (mine / "notes.txt").read_text(encoding="utf-8") == "keep me"


def test_unreachable_package_index_gives_a_message_that_names_pypi(monkeypatch):
    """pip pointed at a closed local port: the error says the index cannot be reached (nothing installs)."""
    monkeypatch.setenv("PIP_CONFIG_FILE", "/dev/null")
    monkeypatch.setenv("PIP_INDEX_URL", "http://127.0.0.1:9/simple")
    monkeypatch.setenv("PIP_FIND_LINKS", "")
    monkeypatch.setenv("PIP_RETRIES", "1")
    monkeypatch.setenv("PIP_DEFAULT_TIMEOUT", "3")
    with pytest.raises(binder_env.BinderEnvError, match="could not reach the package index"):
        binder_env._run_pip(
            Path(sys.executable), ["--dry-run", "--ignore-installed", "--no-deps", "pandas==3.1.*"], []
        )


@pytest.mark.parametrize("name", COMPETING_FILES)
def test_no_repo2docker_file_competes_with_environment_yml(name):
    assert not (ROOT / name).exists(), (
        f"{name} at the repository root changes or confuses the Binder build; environment.yml is "
        "the single source of truth: move what it holds into environment.yml and delete it"
    )


def test_postbuild_is_absent_or_starts_with_set_e():
    """Nothing needs a postBuild today (JupyterLab extensions ship in their packages)."""
    post = ROOT / "postBuild"
    if post.exists():
        problem = postbuild_problem(post.read_text(encoding="utf-8"))
        assert problem is None, problem


@pytest.mark.parametrize(
    ("script", "ok"),
    [
        ("#!/bin/bash\nset -euo pipefail\njupyter lab build\n", True),
        ("#!/bin/bash\n# comment\nset -e\n", True),
        ("#!/bin/bash\njupyter lab build\nset -e\n", False),
        ("#!/bin/bash\n", False),
    ],
)
def test_postbuild_check_accepts_only_scripts_that_start_with_set_e(script, ok):
    assert (postbuild_problem(script) is None) is ok


def test_readme_badge_is_a_mybinder_v2_link_that_opens_start_here_in_jupyterlab():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    badges = re.findall(
        r"\[!\[[^\]]*\]\((https://mybinder\.org/badge[^)]*)\)\]\((https://mybinder[^)]+)\)", readme
    )
    assert badges, "README has no Binder badge ([![...](https://mybinder.org/badge_logo.svg)](<launch link>))"
    for _image, link in badges:
        url = urlparse(link)
        assert (url.scheme, url.netloc) == ("https", "mybinder.org"), link
        parts = url.path.strip("/").split("/")
        assert parts[:2] == ["v2", "gh"] and len(parts) == 5, f"expected /v2/gh/<owner>/<repo>/<ref>: {link}"
        urlpath = parse_qs(url.query).get("urlpath", [""])[0]
        assert urlpath == "lab/tree/" + START_HERE, (
            f"badge opens {urlpath!r}, not JupyterLab on 00_start_here"
        )
        assert (ROOT / urlpath.removeprefix("lab/tree/")).is_file(), f"{urlpath} points at a missing file"


# --------------------------------------------------------------------------- the Binder-like virtualenv


@pytest.fixture(scope="module")
def binder_venv(binder_kernel: Path | None) -> binder_env.BuildResult:
    """The cached virtualenv built from environment.yml alone (fails, not skips, without PyPI).

    When this run's notebooks use its kernel (``make test``), the build started with the run is
    awaited first, so two processes never build the same folder at once; then it is reused here.
    """
    try:
        return binder_env.build_venv()
    except binder_env.BinderEnvError as exc:
        pytest.fail(str(exc), pytrace=False)


def _report(capsys: pytest.CaptureFixture[str], lines: list[str]) -> None:
    """Print timing lines to the terminal even while pytest captures output."""
    with capsys.disabled():
        print("\n" + "\n".join(f"[binder] {line}" for line in lines))


def _venv_packages(venv: Path) -> dict[str, str]:
    out = subprocess.run(
        [str(binder_env.venv_python(venv)), "-m", "pip", "list", "--format", "json"],
        capture_output=True,
        text=True,
        check=True,
        env=binder_env.tool_env(),
    ).stdout
    return {_normalise(p["name"]): p["version"] for p in json.loads(out)}


@pytest.mark.binder
def test_binder_venv_holds_exactly_the_environment_yml_pins_and_no_test_tools(binder_venv, capsys):
    state = "reused" if binder_venv.reused else "built"
    _report(
        capsys,
        [
            f"virtualenv {state} in {binder_venv.seconds:.1f} s: {binder_venv.venv}",
            f"Python {binder_venv.python_version} "
            + (
                "(as on Binder: environment.yml asks for the same)"
                if binder_venv.python_version == binder_venv.wanted_python
                else f"(environment.yml asks for {binder_venv.wanted_python}, which Binder uses; "
                "this machine has no such Python)"
            ),
        ],
    )
    installed = _venv_packages(binder_venv.venv)
    for conda_name, pin in env_pins.conda_pins(ENV_TEXT).items():
        if conda_name == "python":
            continue
        version = installed.get(_normalise(env_pins.CONDA_TO_PIP.get(conda_name, conda_name)))
        assert version and (version == pin or version.startswith(pin + ".")), (
            f"{conda_name}: environment.yml pins {pin}, the Binder-like venv has {version}"
        )
    assert "influencer-course-helpers" in installed
    extras = {"hypothesis", "playwright", "ruff"} & set(installed)  # pytest comes with nbval
    assert not extras, f"test extras leaked into the Binder-like venv: {extras}"
    assert binder_venv.wanted_python == "3.12"
    assert binder_venv.python_version in {"3.12", f"{sys.version_info.major}.{sys.version_info.minor}"}


@pytest.mark.binder
def test_binder_venv_jupyterlab_lists_rise_and_voila_extensions_as_enabled(binder_venv):
    extensions = binder_env.jupyter_extensions(binder_venv.venv)
    for name in (
        "jupyterlab-rise",
        "@voila-dashboards/jupyterlab-preview",
        "@jupyter-widgets/jupyterlab-manager",
    ):
        assert extensions.get(name) == "enabled OK", f"{name}: {extensions.get(name)} (all: {extensions})"


def _kernel_prefix(kernel_name: str) -> str:
    """sys.prefix inside a kernel started from the named kernelspec, as nbval starts it."""
    from jupyter_client.manager import start_new_kernel

    km, kc = start_new_kernel(kernel_name=kernel_name, startup_timeout=120)
    try:
        printed: list[str] = []
        kc.execute_interactive(
            "import sys; print(sys.prefix)",
            timeout=60,
            output_hook=lambda msg: printed.append(msg["content"].get("text", "")),
        )
        return "".join(printed).strip()
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)


@pytest.mark.binder
def test_every_notebook_runs_without_errors_in_the_binder_venv_kernel(
    binder_venv, binder_kernel, request, tmp_path, capsys
):
    """Every notebook runs top to bottom in the Binder-like venv's own kernel.

    In ``make test`` strict nbval already runs every notebook in that kernel (``--nbval-kernel-name
    course-binder``; a notebook that fails or prints something else fails there), so running them
    all a second time would prove nothing more: this test then checks that the kernelspec nbval uses
    starts the venv's Python, and runs here only the notebooks nbval did not collect in this run.
    Run on its own (``pytest tests/test_binder.py``), it executes every notebook in the venv itself.
    """
    notebooks = sorted((ROOT / "notebooks").glob("*.ipynb"))
    assert notebooks, "no notebooks found"
    if binder_kernel is not None:
        prefix = _kernel_prefix(binder_env.KERNEL_NAME)
        assert Path(prefix).resolve() == binder_venv.venv.resolve(), (
            f"the {binder_env.KERNEL_NAME} kernel runs in {prefix}, not in {binder_venv.venv}"
        )
        collected = {
            Path(str(item.path)).name for item in request.session.items if item.path.suffix == ".ipynb"
        }
        _report(capsys, [f"strict nbval runs {len(collected)} notebooks in the kernel of {prefix}"])
        notebooks = [nb for nb in notebooks if nb.name not in collected]  # the others run here
        if not notebooks:
            return
    try:
        prefix, runs = binder_env.run_notebooks(binder_venv.venv, notebooks, output_dir=tmp_path)
    except binder_env.BinderEnvError as exc:
        pytest.fail(str(exc), pytrace=False)
    assert Path(prefix).resolve() == binder_venv.venv.resolve(), f"kernel ran in {prefix}, not the venv"
    total = sum(run.seconds for run in runs)
    _report(
        capsys,
        [f"{len(runs)} notebooks in {total:.1f} s, kernel {prefix}"]
        + [f"{run.seconds:6.1f} s  {run.name}" for run in runs],
    )
    assert [run.name for run in runs] == [nb.name for nb in notebooks]
    failed = {run.name: run.errors for run in runs if run.errors}
    assert not failed, f"notebooks with errors in the Binder-like venv: {failed}"


# --------------------------------------------------------------------------- the venv as nbval's kernel


def test_kernelspec_starts_the_venvs_python_with_the_course_kernel_environment(tmp_path):
    venv = tmp_path / "venv"
    path = binder_env.write_kernelspec(venv, tmp_path / "k")
    assert path == tmp_path / "k" / "kernels" / binder_env.KERNEL_NAME / "kernel.json"
    spec = json.loads(path.read_text(encoding="utf-8"))
    assert spec["argv"][:3] == [str(venv / "bin" / "python"), "-m", "ipykernel_launcher"]
    assert "{connection_file}" in spec["argv"]
    assert spec["env"] == binder_env.KERNEL_ENV and "error" in spec["env"]["PYTHONWARNINGS"]
    assert binder_env.wait_for_kernelspec(tmp_path / "k", None, timeout_s=1) == venv


def test_waiting_for_a_failed_build_gives_the_builds_reason(tmp_path):
    (tmp_path / binder_env.FAILED_FILE).write_text("BinderEnvError: could not reach the package index")
    with pytest.raises(binder_env.BinderEnvError, match="could not reach the package index"):
        binder_env.wait_for_kernelspec(tmp_path, None, timeout_s=5)


def test_waiting_for_a_build_that_died_without_a_kernelspec_says_so_at_once(tmp_path):
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    with pytest.raises(binder_env.BinderEnvError, match=rf"process {dead.pid}\) stopped without writing"):
        binder_env.wait_for_kernelspec(tmp_path, dead.pid, timeout_s=60)


def test_waiting_for_a_build_that_never_ends_times_out(tmp_path):
    with pytest.raises(binder_env.BinderEnvError, match="not ready after"):
        binder_env.wait_for_kernelspec(tmp_path, os.getpid(), timeout_s=0.3)


def test_a_build_that_fails_writes_its_reason_for_the_waiting_tests(tmp_path):
    """--kernelspec with a folder the script did not make: no venv, no kernelspec, the reason on file."""
    mine = tmp_path / "my-env"
    mine.mkdir()
    code = binder_env.build_kernelspec(tmp_path / "k", mine)
    assert code == 1
    assert not binder_env.kernelspec_file(tmp_path / "k").exists()
    assert "not made by tools/binder_env.py" in (tmp_path / "k" / binder_env.FAILED_FILE).read_text()


def test_make_test_runs_the_notebooks_in_the_binder_kernel_and_the_fast_loop_in_this_env():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    binder = re.search(r"^NBVAL_BINDER := (.*)$", makefile, re.M)
    assert binder and f"--nbval-kernel-name {binder_env.KERNEL_NAME}" in binder.group(1)
    recipe = makefile.split("\ntest:", 1)[1].split("\n\n", 1)[0]
    assert "$(NBVAL_BINDER)" in recipe
    fast = makefile.split("\ntest-fast:", 1)[1].split("\n\n", 1)[0]
    assert "$(NBVAL)" in fast and "--nbval-current-env" in re.search(r"^NBVAL := (.*)$", makefile, re.M)[1]
