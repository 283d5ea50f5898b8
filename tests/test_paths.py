"""helpers.paths: where the data comes from and where the learner's files go, however the package was
installed (the wheel itself is tested in test_install.py)."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

from helpers import paths, progress
from helpers.course import COURSE


@pytest.fixture(autouse=True)
def fresh(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No overrides from the test run, a home folder of its own, nothing remembered between tests."""
    for var in (paths.DATA_ENV, paths.HOME_ENV, progress.ENV_VAR):
        monkeypatch.delenv(var, raising=False)
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setattr(paths, "_writable_cache", {})
    monkeypatch.setattr(paths, "_said", set())
    progress._reset_session_state()
    yield
    progress._reset_session_state()


def make_course(folder: Path) -> Path:
    """A learner's course folder: ``notebooks/`` with the course's first notebook in it."""
    (folder / "notebooks").mkdir(parents=True)
    (folder / "notebooks" / COURSE[0].notebook).write_text("{}", encoding="utf-8")
    return folder


@pytest.fixture
def refuse(monkeypatch: pytest.MonkeyPatch):
    """Make folders refuse new files, also for root (whom permission bits do not stop)."""
    refused: list[Path] = []
    real = tempfile.mkstemp
    real_open = os.open

    def inside(target: object) -> bool:
        try:
            resolved = Path(os.fsdecode(target)).absolute()  # type: ignore[arg-type]
        except TypeError:
            return False
        return any(resolved.is_relative_to(f) for f in refused)

    def mkstemp(*args, **kwargs):
        if kwargs.get("dir") is not None and inside(kwargs["dir"]):
            raise PermissionError(13, "Permission denied", str(kwargs["dir"]))
        return real(*args, **kwargs)

    def os_open(target, *args, **kwargs):
        if inside(target):
            raise PermissionError(13, "Permission denied", os.fsdecode(target))
        return real_open(target, *args, **kwargs)

    monkeypatch.setattr(tempfile, "mkstemp", mkstemp)
    monkeypatch.setattr(os, "open", os_open)
    return refused.append


# -- the data: one rule ----------------------------------------------------------------------------


def test_in_a_checkout_the_data_is_the_checkouts_datasets_folder() -> None:
    assert not paths.PACKAGE_DATA.exists(), "the build copies datasets/ into the wheel, not into src/"
    assert paths.bundled_data_dir() == paths.REPO_ROOT / "datasets"
    assert paths.data_dir() == paths.REPO_ROOT / "datasets"
    assert (paths.data_dir() / "influencers.csv").is_file()


def test_an_installed_package_reads_the_tables_it_ships(monkeypatch, tmp_path) -> None:
    shipped = tmp_path / "site-packages" / "helpers" / "datasets"
    shipped.mkdir(parents=True)
    monkeypatch.setattr(paths, "PACKAGE_DATA", shipped)
    assert paths.data_dir() == shipped


def test_the_data_ignores_a_datasets_folder_in_the_course_folder(monkeypatch, tmp_path) -> None:
    course = make_course(tmp_path / "course")
    (course / "datasets").mkdir()
    monkeypatch.chdir(course / "notebooks")
    assert paths.data_dir() == paths.bundled_data_dir() != course / "datasets"


def test_the_environment_variable_chooses_another_data_folder(monkeypatch, tmp_path) -> None:
    monkeypatch.setenv(paths.DATA_ENV, str(tmp_path))
    assert paths.data_dir() == tmp_path.resolve()
    assert paths.bundled_data_dir() != tmp_path.resolve()


# -- the learner's course folder ------------------------------------------------------------------


def test_the_course_folder_is_the_one_holding_the_running_notebook(monkeypatch, tmp_path) -> None:
    course = make_course(tmp_path / "a course")
    monkeypatch.chdir(course / "notebooks")
    assert paths.course_dir() == course
    (course / "notebooks" / "mine").mkdir()
    monkeypatch.chdir(course / "notebooks" / "mine")
    assert paths.course_dir() == course
    monkeypatch.chdir(course)
    assert paths.course_dir() == course


def test_the_environment_variable_names_the_course_folder(monkeypatch, tmp_path) -> None:
    make_course(tmp_path / "course")
    monkeypatch.chdir(tmp_path / "course" / "notebooks")
    monkeypatch.setenv(paths.HOME_ENV, str(tmp_path / "elsewhere"))
    assert paths.course_dir() == tmp_path / "elsewhere"
    assert progress.path() == tmp_path / "elsewhere" / progress.DEFAULT_NAME


def test_outside_a_course_folder_the_checkout_is_used_and_else_the_per_user_folder(
    monkeypatch, tmp_path
) -> None:
    monkeypatch.chdir(tmp_path)
    assert paths.course_dir() == paths.REPO_ROOT  # helpers runs from this checkout
    monkeypatch.setattr(paths, "REPO_ROOT", tmp_path / "site-packages")  # as an installed wheel
    assert paths.course_dir() is None
    assert paths.learner_dir() == Path(os.environ["HOME"]) / paths.USER_DIR_NAME
    assert progress.path() == paths.user_dir() / progress.DEFAULT_NAME
    assert paths.output_dir() == paths.user_dir() / "output"


def test_learner_files_go_into_the_course_folder(monkeypatch, tmp_path) -> None:
    course = make_course(tmp_path / "course")
    monkeypatch.chdir(course / "notebooks")
    assert progress.path() == course / progress.DEFAULT_NAME
    assert paths.output_dir(create=False) == course / "output"
    assert not (course / "output").exists(), "create=False made the folder"
    assert sorted(p.name for p in course.iterdir()) == ["notebooks"], "the write test left a file"
    progress.record_check("01.q1", passed=True)
    assert "01.q1" in progress.progress_data().passed
    assert (course / progress.DEFAULT_NAME).is_file()


def test_a_read_only_course_folder_sends_the_files_to_the_per_user_folder_and_says_so_once(
    monkeypatch, tmp_path, refuse, capsys
) -> None:
    course = make_course(tmp_path / "course")
    refuse(course)
    monkeypatch.chdir(course / "notebooks")
    fallback = Path(os.environ["HOME"]) / paths.USER_DIR_NAME

    progress.record_check("01.q1", passed=True)
    progress.record_check("01.q2", passed=True)
    exported = progress.export()

    said = capsys.readouterr().err
    assert said.count("cannot be written") == 1, said
    assert f"the course folder {course} cannot be written" in said and str(fallback) in said
    assert "Nothing is lost" in said
    assert progress.path() == fallback / progress.DEFAULT_NAME
    assert set(progress.progress_data().passed) >= {"01.q1", "01.q2"}
    assert exported.parent == fallback / "output"
    assert "~/influencer-course" in progress._where(progress.path())
    assert sorted(p.name for p in course.iterdir()) == ["notebooks"]


def test_when_the_per_user_folder_is_read_only_too_the_message_says_how_to_fix_it(
    monkeypatch, tmp_path, refuse, capsys
) -> None:
    course = make_course(tmp_path / "course")
    refuse(course)
    refuse(Path(os.environ["HOME"]))
    monkeypatch.chdir(course / "notebooks")
    progress.record_check("01.q1", passed=True)
    said = capsys.readouterr().err
    assert f"set {paths.HOME_ENV} to a folder you can write to" in said
    assert "01.q1" in progress.passed_ids(), "the pass is kept in memory"


def test_the_write_test_creates_no_folder(tmp_path) -> None:
    assert paths.writable(tmp_path / "not" / "yet")
    assert not (tmp_path / "not").exists()


def test_the_course_folder_marker_is_the_courses_first_notebook() -> None:
    assert paths.COURSE_MARKER.as_posix() == f"notebooks/{COURSE[0].notebook}"
