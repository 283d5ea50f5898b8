"""Full-screen lab links follow the notebook: the kernel finds the Jupyter server that started it
(root folder, base URL) and links the app notebook through the course folder's place under that root.
(The browser test tests/browser/test_links_under_a_hub.py clicks such a link on a real server.)"""

from __future__ import annotations

import json
import urllib.parse
from pathlib import Path

import pytest

from helpers import app_links

ROOT = Path(__file__).resolve().parents[1]


def server_env(runtime: Path, pid: int = 4242, **info: object) -> dict[str, str]:
    """A kernel's environment under a Jupyter server whose runtime file holds ``info``."""
    runtime.mkdir(parents=True, exist_ok=True)
    (runtime / f"jpserver-{pid}.json").write_text(json.dumps(info), encoding="utf-8")
    return {"JUPYTER_RUNTIME_DIR": str(runtime), app_links.PARENT_PID_ENV: str(pid)}


def test_the_kernel_finds_its_servers_root_and_base_url(tmp_path: Path) -> None:
    env = server_env(tmp_path / "runtime", root_dir=str(tmp_path / "home"), base_url="/user/ada/", token="x")
    assert app_links.running_server(env) == app_links.ServerInfo(tmp_path / "home", "/user/ada/")


@pytest.mark.parametrize(
    "content",
    ["", "not json", json.dumps({"base_url": "/"}), json.dumps({"root_dir": 3}), json.dumps([1])],
)
def test_an_unreadable_runtime_file_means_no_server(tmp_path: Path, content: str) -> None:
    runtime = tmp_path / "runtime"
    runtime.mkdir()
    (runtime / "jpserver-4242.json").write_text(content, encoding="utf-8")
    env = {"JUPYTER_RUNTIME_DIR": str(runtime), app_links.PARENT_PID_ENV: "4242"}
    assert app_links.running_server(env) is None


def test_without_a_server_file_or_parent_id_there_is_no_server(tmp_path: Path) -> None:
    env = server_env(tmp_path / "runtime", root_dir=str(tmp_path), base_url="/")
    assert app_links.running_server({**env, app_links.PARENT_PID_ENV: "999"}) is None
    assert app_links.running_server({"JUPYTER_RUNTIME_DIR": env["JUPYTER_RUNTIME_DIR"]}) is None
    assert app_links.running_server({}) is None


def test_a_course_in_a_subfolder_under_a_hub_base_url(tmp_path: Path) -> None:
    home = tmp_path / "home"
    course = home / "influencer-marketing-course"
    env = server_env(tmp_path / "runtime", root_dir=str(home), base_url="/user/ada/")
    link = app_links.app_link("budget-planner", env=env, course=course)
    assert link.href == "/user/ada/voila/render/influencer-marketing-course/apps/budget-planner.ipynb"


def test_a_course_at_the_servers_root_keeps_the_plain_link(tmp_path: Path) -> None:
    env = server_env(tmp_path / "runtime", root_dir=str(tmp_path), base_url="/")
    link = app_links.app_link("scorecard", env=env, course=tmp_path)
    assert link.href == "/voila/render/apps/scorecard.ipynb"


def test_folder_names_are_quoted_in_the_link(tmp_path: Path) -> None:
    course = tmp_path / "my courses" / "influencer #1"
    env = server_env(tmp_path / "runtime", root_dir=str(tmp_path), base_url="/hub/user/a b/")
    href = app_links.app_link("landscape", env=env, course=course).href
    assert href == "/hub/user/a b/voila/render/my%20courses/influencer%20%231/apps/landscape.ipynb"
    path = urllib.parse.unquote(href.removeprefix("/hub/user/a b/voila/render/"))
    assert tmp_path / path == course / "apps" / "landscape.ipynb"


def test_a_course_outside_the_servers_root_falls_back_to_the_plain_path(tmp_path: Path) -> None:
    env = server_env(tmp_path / "runtime", root_dir=str(tmp_path / "root"), base_url="/x/")
    link = app_links.app_link("landscape", env=env, course=tmp_path / "elsewhere")
    assert link.href == "/x/voila/render/apps/landscape.ipynb"


def test_every_lab_link_reaches_its_committed_app_notebook_from_a_server_above_the_course(
    tmp_path: Path,
) -> None:
    """As under nbgitpuller: the server's root is the folder holding the checkout. (That every lab has
    a committed app notebook is test_app.py's check.)"""
    env = server_env(tmp_path / "runtime", root_dir=str(ROOT.parent), base_url="/user/ada/")
    committed = {p.stem for p in (ROOT / app_links.APPS_DIR).glob("*.ipynb")}
    assert committed
    for name in sorted(committed & set(app_links.lab_names())):
        href = app_links.app_link(name, env=env, course=ROOT).href
        relative = urllib.parse.unquote(href.removeprefix("/user/ada/voila/render/"))
        assert relative.startswith(f"{ROOT.name}/apps/"), href
        assert (ROOT.parent / relative).is_file(), href


def test_the_kernels_own_environment_and_parent_process_are_used(monkeypatch, tmp_path: Path) -> None:
    import os

    env = server_env(tmp_path / "runtime", pid=os.getppid(), root_dir=str(tmp_path), base_url="/user/b/")
    monkeypatch.setenv("JUPYTER_RUNTIME_DIR", env["JUPYTER_RUNTIME_DIR"])
    monkeypatch.delenv(app_links.PARENT_PID_ENV, raising=False)
    assert app_links.running_server() == app_links.ServerInfo(tmp_path, "/user/b/")
    course = tmp_path / "course"
    assert app_links.app_link("scorecard", course=course).href == (
        "/user/b/voila/render/course/apps/scorecard.ipynb"
    )
