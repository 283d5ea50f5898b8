"""App mode (a lab full screen in Voila): lab names, the apps/ notebooks, links, the launcher's command.

The real server in a real browser is tested in tests/browser/test_app_mode.py.
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any, ClassVar

import ipywidgets as w
import nbformat
import pytest
from jupyter_core.paths import jupyter_path

from helpers import app_links
from helpers.widgets import LABS

ROOT = Path(__file__).resolve().parents[1]
APPS = ROOT / "apps"

_spec = importlib.util.spec_from_file_location("course_app_tool", ROOT / "tools" / "app.py")
assert _spec and _spec.loader
app_tool = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(app_tool)

NAMES = sorted(LABS)


# --------------------------------------------------------------------------------------------
# Lab names: validation and messages
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("given", ["budget-planner", "Budget-Planner", "budget_planner", " budget planner "])
def test_check_lab_name_forgives_case_spaces_and_underscores(given: str) -> None:
    assert app_links.check_lab_name(given) == "budget-planner"


def test_unknown_lab_message_suggests_the_close_name_and_lists_every_lab() -> None:
    with pytest.raises(app_links.UnknownLabError) as err:
        app_links.check_lab_name("budjet-planer")
    message = str(err.value)
    assert "unknown lab 'budjet-planer'" in message
    assert "Did you mean 'budget-planner'?" in message
    assert all(name in message for name in NAMES)


@pytest.mark.parametrize("given", [None, "", "   "])
def test_missing_lab_name_message_asks_for_one_of_the_labs(given: str | None) -> None:
    with pytest.raises(app_links.UnknownLabError, match=r"no lab name given\. Name one of the labs: ") as err:
        app_links.check_lab_name(given)
    assert all(name in str(err.value) for name in NAMES)


@pytest.mark.parametrize("argv", [[], ["no-such-lab"]], ids=["missing", "unknown"])
def test_launcher_exits_2_with_the_valid_names_for_a_missing_or_unknown_lab(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert app_tool.main(argv) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ")
    assert all(name in err for name in NAMES)
    assert "make app LAB=budget-planner" in err


MAKE = shutil.which("make")


@pytest.mark.slow  # not in `make test-fast` (the contributor's loop); `make test` runs it
@pytest.mark.skipif(MAKE is None, reason="GNU make is not installed")
@pytest.mark.parametrize(
    "lab",
    [
        "a;touch {marker}",
        "$$(touch {marker})",
        "`touch {marker}`",
        "$(shell touch {marker})",
        "x' ; touch {marker} ; '",
        "--write-apps",
    ],
    ids=["semicolon", "dollar-paren", "backticks", "make-shell", "quotes", "option"],
)
def test_make_app_passes_the_lab_name_as_one_inert_argument(lab: str, tmp_path: Path) -> None:
    """`make app LAB=...` runs nothing from the name and passes no option: it is one unknown lab name.

    Only bad names are given, so no Voila server starts (tools/app.py stops at the name check).
    """
    marker = tmp_path / "marker"
    env = {k: v for k, v in os.environ.items() if k not in ("MAKEFLAGS", "MFLAGS", "MAKELEVEL", "LAB")}
    before = {p.name: p.stat().st_mtime_ns for p in APPS.glob("*.ipynb")}
    # -o: never rebuild .venv from a test, whatever the stamp's age.
    result = subprocess.run(
        [MAKE, "-s", "-o", ".venv/.runtime-installed", "app", f"LAB={lab.format(marker=marker)}"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert not marker.exists(), f"the lab name ran a command: {result.stdout}{result.stderr}"
    assert result.returncode != 0
    assert "error: unknown lab '" in result.stderr, result.stderr
    assert "The labs are: " + ", ".join(NAMES) in result.stderr
    assert "make app LAB=budget-planner" in result.stderr
    assert {p.name: p.stat().st_mtime_ns for p in APPS.glob("*.ipynb")} == before, "apps/ was rewritten"


def test_launcher_list_prints_every_lab_with_its_title(capsys: pytest.CaptureFixture[str]) -> None:
    assert app_tool.main(["--list"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split()[0] for line in lines] == NAMES
    assert all(LABS[line.split()[0]].title in line for line in lines)


# --------------------------------------------------------------------------------------------
# apps/: one generated notebook per lab, nothing else
# --------------------------------------------------------------------------------------------


def test_every_registered_lab_has_an_app_and_every_app_is_a_lab() -> None:
    assert sorted(p.stem for p in APPS.glob("*.ipynb")) == NAMES


def test_committed_apps_are_exactly_what_the_generator_writes() -> None:
    problems = app_tool.apps_problems(APPS)
    assert not problems, f"{problems}: run `.venv/bin/python tools/app.py --write-apps`"
    assert app_tool.main(["--check-apps"]) == 0


def test_generated_app_notebook_is_valid_nbformat_in_nbformats_own_layout() -> None:
    text = app_links.app_notebook_text("budget-planner")
    nb = nbformat.reads(text, as_version=4)
    nbformat.validate(nb)
    assert nbformat.writes(nb) + "\n" == text


@pytest.mark.parametrize("name", NAMES)
def test_app_notebook_has_one_short_code_cell_and_no_markdown_or_outputs(name: str) -> None:
    nb = json.loads((APPS / f"{name}.ipynb").read_text(encoding="utf-8"))
    assert [cell["cell_type"] for cell in nb["cells"]] == ["code"], "an app shows the lab and nothing else"
    cell = nb["cells"][0]
    assert cell["outputs"] == [] and cell["execution_count"] is None, "apps are stored unexecuted"
    source = "".join(cell["source"])
    assert source == f'from helpers.app_links import app_view\n\napp_view("{name}")'
    assert nb["metadata"]["title"] == LABS[name].title, "the browser tab shows the lab's title"
    assert nb["metadata"]["kernelspec"]["name"] == "python3"


def test_app_notebook_title_is_the_lab_title_not_a_markdown_heading() -> None:
    nb = app_links.app_notebook("scorecard")
    assert nb["metadata"]["title"] == LABS["scorecard"].title
    assert all(cell["cell_type"] != "markdown" for cell in nb["cells"])


def test_write_apps_updates_and_removes_only_the_notebooks_it_wrote(tmp_path: Path) -> None:
    assert len(app_tool.write_apps(tmp_path)) == len(NAMES)
    assert app_tool.apps_problems(tmp_path) == []
    (tmp_path / "scorecard.ipynb").write_text(
        app_links.app_notebook_text("scorecard").replace("scorecard", "x"), encoding="utf-8"
    )
    stale = json.loads(app_links.app_notebook_text("landscape"))
    (tmp_path / "retired-lab.ipynb").write_text(json.dumps(stale), encoding="utf-8")
    (tmp_path / "my-notes.ipynb").write_text('{"cells": [], "metadata": {}}', encoding="utf-8")
    assert sorted(app_tool.apps_problems(tmp_path)) == [
        f"no such lab: {tmp_path.name}/my-notes.ipynb",
        f"no such lab: {tmp_path.name}/retired-lab.ipynb",
        f"out of date: {tmp_path.name}/scorecard.ipynb",
    ]

    changes = app_tool.write_apps(tmp_path)

    assert changes == [
        f"updated {tmp_path.name}/scorecard.ipynb",
        f"removed {tmp_path.name}/retired-lab.ipynb (no such lab)",
    ]
    assert (tmp_path / "my-notes.ipynb").exists(), "a notebook the generator did not write is left alone"
    assert app_tool.write_apps(tmp_path) == []


def test_launcher_refuses_a_missing_app_notebook_and_says_how_to_regenerate(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(app_tool, "APPS", tmp_path)
    assert app_tool.serve("landscape", open_browser=False) == 1
    err = capsys.readouterr().err
    assert f"missing: {tmp_path.name}/landscape.ipynb" in err
    assert "tools/app.py --write-apps" in err


def test_write_apps_refuses_to_overwrite_a_notebook_it_did_not_write(tmp_path: Path) -> None:
    (tmp_path / "landscape.ipynb").write_text('{"cells": [], "metadata": {}}', encoding="utf-8")
    with pytest.raises(SystemExit, match=r"was not written by tools/app\.py"):
        app_tool.write_apps(tmp_path)
    assert (tmp_path / "landscape.ipynb").read_text(encoding="utf-8") == '{"cells": [], "metadata": {}}'


# --------------------------------------------------------------------------------------------
# What an app shows
# --------------------------------------------------------------------------------------------


def _classes(widget: w.DOMWidget) -> list[str]:
    return list(widget._dom_classes)


@pytest.mark.parametrize("name", ["tier-explorer", "budget-planner"])
def test_app_view_is_the_named_lab_in_a_course_app_box(name: str) -> None:
    box = app_links.app_view(name)
    assert "course-app" in _classes(box)
    style, lab = box.children
    assert f"course-lab-{name}" in _classes(lab) and "course-lab" in _classes(lab)
    assert style.value.startswith("<style>") and app_links.PROJECTOR_CSS in style.value


def test_projector_css_only_applies_on_a_voila_page() -> None:
    selectors = re.findall(r"(?m)^([^{}\n][^{}]*)\{", app_links.PROJECTOR_CSS)
    assert selectors, "no CSS rules found"
    assert all(sel.strip().startswith("body[data-voila] .course-app") for sel in selectors), selectors


# --------------------------------------------------------------------------------------------
# Links from a course notebook
# --------------------------------------------------------------------------------------------


def test_app_link_in_a_plain_local_server_is_deterministic() -> None:
    link = app_links.app_link("budget-planner", env={})
    assert link.href == "/voila/render/apps/budget-planner.ipynb"
    assert link.text == "Open the budget planner lab full screen (Voilà)"
    assert (
        repr(link)
        == "Open the budget planner lab full screen (Voilà): /voila/render/apps/budget-planner.ipynb"
    )


@pytest.mark.parametrize("prefix", ["/user/ada/", "/user/ada", "user/ada/"])
def test_app_link_under_jupyterhub_uses_the_service_prefix(prefix: str) -> None:
    link = app_links.app_link("fake-followers", env={"JUPYTERHUB_SERVICE_PREFIX": prefix})
    assert link.href == "/user/ada/voila/render/apps/fake-followers.ipynb"


def test_app_link_reads_the_prefix_from_the_kernel_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("JUPYTERHUB_SERVICE_PREFIX", "/user/0123-abcd/")
    assert app_links.app_link("landscape").href == "/user/0123-abcd/voila/render/apps/landscape.ipynb"
    monkeypatch.delenv("JUPYTERHUB_SERVICE_PREFIX")
    assert app_links.app_link("landscape").href == "/voila/render/apps/landscape.ipynb"


def test_app_link_html_opens_a_new_tab_with_descriptive_escaped_text() -> None:
    html = app_links.app_link("research-lab", env={})._repr_html_()
    assert html.startswith('<a class="course-app-link" href="/voila/render/apps/research-lab.ipynb"')
    assert 'target="_blank" rel="noopener"' in html
    assert ">Open the research lab full screen (Voilà)</a>" in html, "no 'lab lab' in the text"
    assert "&quot;" not in app_links.app_link("scorecard", env={}).href


@pytest.mark.parametrize("name", NAMES)
def test_every_link_points_at_a_committed_app_notebook(name: str) -> None:
    href = app_links.app_link(name, env={}).href
    assert href.startswith("/voila/render/")
    assert (ROOT / href.removeprefix("/voila/render/")).is_file()


def test_app_link_rejects_an_unknown_lab_with_the_valid_names() -> None:
    with pytest.raises(
        app_links.UnknownLabError, match=r"unknown lab 'budget'.*The labs are: budget-planner"
    ):
        app_links.app_link("budget")


# --------------------------------------------------------------------------------------------
# The launcher's Voila command and template
# --------------------------------------------------------------------------------------------


def test_voila_command_listens_on_loopback_with_a_token_and_the_course_template() -> None:
    argv = app_tool.voila_argv(APPS / "scorecard.ipynb", 8999)
    assert argv[1:4] == ["-m", "voila", str(APPS / "scorecard.ipynb")]
    for flag in (
        "--no-browser",
        "--Voila.ip=127.0.0.1",
        "--Voila.port=8999",
        "--Voila.port_retries=0",
        "--Voila.auto_token=True",  # token on: read from JUPYTER_TOKEN_FILE, not from argv
        "--template=course-app",
        "--VoilaConfiguration.allow_template_override=NO",
    ):
        assert flag in argv
    assert not any("token=" in arg.lower() for arg in argv if arg != "--Voila.auto_token=True")
    assert app_tool.app_url(8999, "secret") == "http://127.0.0.1:8999/?token=secret"


class _FakeVoila:
    """Stands in for the Voila process: records how it was started; ends when waited for."""

    seen: ClassVar[dict[str, Any]] = {}

    def __init__(self, argv: list[str], *, cwd: Path, env: dict[str, str]) -> None:
        token_file = Path(env["JUPYTER_TOKEN_FILE"])
        self.seen.update(
            argv=argv,
            env=env,
            file_text=token_file.read_text(encoding="ascii"),
            file_mode=token_file.stat().st_mode & 0o777,
            folder_mode=token_file.parent.stat().st_mode & 0o777,
            folder=token_file.parent,
        )

    def poll(self) -> None:
        return None

    def wait(self, timeout: float | None = None) -> int:
        return 0


def test_launcher_passes_the_token_in_a_private_file_not_on_the_command_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """`ps` shows every user the command line: the token travels in a 0600 file, deleted at the end."""
    monkeypatch.setenv("JUPYTER_TOKEN", "inherited-token")  # Jupyter would prefer it to the file
    monkeypatch.setattr(app_tool.subprocess, "Popen", _FakeVoila)
    monkeypatch.setattr(app_tool, "wait_listening", lambda proc, port: True)
    monkeypatch.setattr(app_tool.signal, "signal", lambda *args: None)

    assert app_tool.run_voila(APPS / "scorecard.ipynb", "Scorecard", open_browser=False) == 0

    token = re.search(r"\?token=([\w-]+)", capsys.readouterr().out).group(1)
    seen = _FakeVoila.seen
    assert len(token) >= 32
    assert not any(token in arg for arg in seen["argv"]), "the token is on Voila's command line"
    assert seen["file_text"] == token, "Voila reads the printed URL's token from JUPYTER_TOKEN_FILE"
    assert "JUPYTER_TOKEN" not in seen["env"]
    assert seen["file_mode"] == 0o600 and seen["folder_mode"] == 0o700
    assert not seen["folder"].exists(), "the token file outlives the server"


def test_voila_environment_puts_the_course_template_first_and_keeps_the_users_path() -> None:
    env = app_tool.voila_env({"JUPYTER_PATH": "/somewhere", "HOME": "/home/x"})
    assert env["JUPYTER_PATH"].split(":") == [str(app_tool.TEMPLATE_ROOT), "/somewhere"]
    assert env["HOME"] == "/home/x"
    assert app_tool.voila_env({})["JUPYTER_PATH"] == str(app_tool.TEMPLATE_ROOT)
    env = app_tool.voila_env({"JUPYTER_TOKEN": "t", "JUPYTER_TOKEN_FILE": "/old"}, Path("/tmp/x/voila-token"))
    assert "JUPYTER_TOKEN" not in env and env["JUPYTER_TOKEN_FILE"] == "/tmp/x/voila-token"


def test_voila_finds_the_course_template_before_its_own_lab_template() -> None:
    from voila.paths import collect_template_paths

    roots = [str(app_tool.TEMPLATE_ROOT), *jupyter_path()]
    paths = collect_template_paths(["voila", "nbconvert"], "course-app", prune=True, root_dirs=roots)
    assert paths[0] == str(app_tool.TEMPLATE_ROOT / "voila" / "templates" / "course-app")
    assert any(p.endswith("voila/templates/lab") for p in paths), "course-app must build on the lab template"


def test_course_template_links_nothing_off_the_machine() -> None:
    folder = app_tool.TEMPLATE_ROOT / "voila" / "templates" / "course-app"
    page = (folder / "index.html.j2").read_text(encoding="utf-8")
    assert "{%- extends 'voila/templates/lab/index.html.j2' -%}" in page
    assert "super.super()" in page, "the lab template's CDN links are skipped, not repeated"
    code = re.sub(r"\{#.*?#\}", "", page, flags=re.S)  # comments may name the CDN
    assert not re.search(r"(https?:)?//[a-z0-9.-]+\.[a-z]{2,}", code), "a URL to another host in the template"
    assert json.loads((folder / "conf.json").read_text(encoding="utf-8")) == {"base_template": "lab"}


@pytest.mark.parametrize(
    ("page", "status", "message"),
    [("404.html", 404, "Not Found"), ("error.html", 500, "Internal Server Error")],
)
def test_voilas_own_pages_under_the_course_template_link_nothing_off_the_machine(
    page: str, status: int, message: str
) -> None:
    """Voila's error pages extend "page.html"; the course's replaces Voila's, which links a CDN."""
    from jinja2 import Environment, FileSystemLoader
    from voila.paths import collect_template_paths

    roots = [str(app_tool.TEMPLATE_ROOT), *jupyter_path()]
    paths = collect_template_paths(["voila", "nbconvert"], "course-app", prune=True, root_dirs=roots)
    env = Environment(loader=FileSystemLoader([*paths, *roots]), extensions=["jinja2.ext.i18n"])
    env.install_null_translations(newstyle=False)
    html = env.get_template(page).render(
        status_code=status,
        status_message=message,
        base_url="/",
        theme="light",
        include_css=lambda name: f'<link rel="stylesheet" href="/voila/{name}">',
        include_lab_theme=lambda name: "",
    )
    assert f"{status}: {message}" in html
    assert 'data-voila="voila"' in html and "Influencer marketing course" in html
    assert not re.search(r"(https?:)?//[a-z0-9.-]+\.[a-z]{2,}", html), "a URL to another host on the page"


def test_no_browser_is_opened_on_a_linux_machine_without_a_display(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(app_tool.sys, "platform", "linux")
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    assert app_tool.graphical_browser() is None
