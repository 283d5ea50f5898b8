"""Writing the learner's exports (issue 15, item 4): the calendar's and capstone's export buttons say
why a write failed, files appear only when complete, names stay plain, .ics text is RFC 5545 and CSV
cells cannot run as spreadsheet formulas."""

from __future__ import annotations

import builtins
import csv
import dataclasses
import io
import os
import pickle
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import safe_files
from helpers.analysis import capstone, schedule
from helpers.widgets import CapstonePlanner, RelationshipCalendar


@pytest.fixture(scope="module")
def calendar_lab(tmp_path_factory) -> RelationshipCalendar:
    return RelationshipCalendar(out_dir=tmp_path_factory.mktemp("calendar"))


@pytest.fixture(scope="module")
def capstone_lab(tmp_path_factory) -> CapstonePlanner:
    return CapstonePlanner(out_dir=tmp_path_factory.mktemp("capstone"))


@pytest.fixture(scope="module")
def sched(calendar_lab) -> schedule.Schedule:
    return calendar_lab.result.extra["schedule"]


def under_a_file(tmp_path: Path) -> Path:
    """A folder that cannot be created, also for root: its parent is a regular file."""
    blocker = tmp_path / "notes.txt"
    blocker.write_text("mine", encoding="utf-8")
    return blocker / "exports"


@pytest.fixture
def read_only(monkeypatch: pytest.MonkeyPatch):
    """Make a folder refuse new files, in a way that also holds for root (CI runs as root, and chmod
    does not stop root): every open of a path inside it raises PermissionError."""
    folders: list[Path] = []
    real_os_open, real_open = os.open, builtins.open

    def inside(target) -> bool:
        try:
            resolved = Path(os.fsdecode(target)).absolute()
        except TypeError:  # a file descriptor
            return False
        return any(resolved.is_relative_to(f) for f in folders)

    def os_open(target, *args, **kwargs):
        if inside(target):
            raise PermissionError(13, "Permission denied", os.fsdecode(target))
        return real_os_open(target, *args, **kwargs)

    def open_(target, *args, **kwargs):
        if isinstance(target, str | bytes | os.PathLike) and inside(target):
            raise PermissionError(13, "Permission denied", os.fsdecode(target))
        return real_open(target, *args, **kwargs)

    monkeypatch.setattr(os, "open", os_open)
    monkeypatch.setattr(builtins, "open", open_)
    monkeypatch.setattr(io, "open", open_)

    def make(folder: Path) -> Path:
        folder.mkdir(parents=True, exist_ok=True)
        folders.append(folder.absolute())
        return folder

    return make


# -- errors shown in the lab's export status ------------------------------------------------------


def test_calendar_export_button_into_a_path_under_a_file_says_so(calendar_lab, tmp_path):
    calendar_lab.last_export = None
    calendar_lab.out_dir = under_a_file(tmp_path)
    calendar_lab.export_button.click()  # a click handler's exception would be swallowed by ipywidgets
    status = calendar_lab.export_status.value
    assert (
        "Could not write into" in status and "is a file, not a folder" in status and "role='alert'" in status
    )
    assert calendar_lab.last_export is None
    assert (tmp_path / "notes.txt").read_text(encoding="utf-8") == "mine"


def test_calendar_export_button_into_a_read_only_folder_says_so_and_leaves_nothing(
    calendar_lab, tmp_path, read_only
):
    calendar_lab.last_export = None
    calendar_lab.out_dir = read_only(tmp_path / "locked")
    calendar_lab.export_button.click()
    status = calendar_lab.export_status.value
    assert "Permission denied" in status and "choose a folder you can write to" in status
    assert calendar_lab.last_export is None and list((tmp_path / "locked").iterdir()) == []


def test_calendar_export_still_saves_into_a_good_folder(calendar_lab, tmp_path):
    calendar_lab.out_dir = tmp_path
    calendar_lab.export_button.click()
    assert "Saved the whole year" in calendar_lab.export_status.value
    assert sorted(p.suffix for p in tmp_path.iterdir()) == [".csv", ".ics"]


def test_capstone_export_button_into_a_path_under_a_file_says_so(capstone_lab, tmp_path):
    capstone_lab.last_export = None
    capstone_lab.out_dir = under_a_file(tmp_path)
    capstone_lab.export_button.click()
    status = capstone_lab.export_status.value
    assert "Could not write into" in status and "is a file, not a folder" in status
    assert capstone_lab.last_export is None


def test_capstone_export_button_into_a_read_only_folder_says_so_and_leaves_nothing(
    capstone_lab, tmp_path, read_only
):
    capstone_lab.last_export = None
    capstone_lab.out_dir = read_only(tmp_path / "locked")
    capstone_lab.export_button.click()
    status = capstone_lab.export_status.value
    assert "Permission denied" in status and "choose a folder you can write to" in status
    assert capstone_lab.last_export is None
    assert list((tmp_path / "locked").iterdir()) == [], "no half-written plan folder is left"


# -- whole files only -----------------------------------------------------------------------------

_LIMITED = """
import pickle, resource, signal, sys
from helpers.analysis import schedule

signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails with EFBIG instead
resource.setrlimit(resource.RLIMIT_FSIZE, (int(sys.argv[3]), resource.RLIM_INFINITY))
with open(sys.argv[1], "rb") as f:
    sched = pickle.load(f)
try:
    schedule.write_exports(sched, sys.argv[2], stem="year")
except OSError as exc:
    print("refused", exc.errno)
"""


@pytest.mark.skipif(sys.platform == "win32", reason="file-size limits are POSIX")
def test_a_write_cut_short_by_a_file_size_limit_leaves_no_truncated_ics(sched, tmp_path):
    ics_size = len(schedule.to_ics(sched).encode("utf-8"))
    pickled = tmp_path / "schedule.pickle"
    pickled.write_bytes(pickle.dumps(sched))
    out = tmp_path / "out"
    out.mkdir()
    run = subprocess.run(
        [sys.executable, "-c", _LIMITED, str(pickled), str(out), str(ics_size // 2)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert run.returncode == 0 and "refused" in run.stdout, run.stderr
    assert list(out.iterdir()) == [], "no truncated year.ics (without END:VCALENDAR), no temporary file"


def test_write_new_never_overwrites_and_leaves_no_temporary_file(tmp_path):
    target = tmp_path / "plan.csv"
    target.write_text("mine", encoding="utf-8")
    with pytest.raises(FileExistsError):
        safe_files.write_new(target, b"new")
    assert target.read_text(encoding="utf-8") == "mine" and [p.name for p in tmp_path.iterdir()] == [
        "plan.csv"
    ]


# -- plain names only -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "stem",
    ["../../x", "../x", "sub/x", "sub\\x", "<absolute>", "..", ".", " ", "C:x", "a\x00b", "a\nb"],
    ids=[
        "up-two",
        "up-one",
        "slash",
        "backslash",
        "absolute",
        "dotdot",
        "dot",
        "blank",
        "drive",
        "nul",
        "newline",
    ],
)
def test_export_names_must_be_plain_names(sched, tmp_path, stem):
    inner = tmp_path / "a" / "b"
    (inner / "sub").mkdir(parents=True)
    stem = str(tmp_path / "x") if stem == "<absolute>" else stem
    with pytest.raises(ValueError, match="Give a plain name such as 'my-calendar'"):
        schedule.write_exports(sched, inner, stem=stem)
    assert [p for p in tmp_path.rglob("*") if p.is_file()] == [], "nothing written, inside or outside"


def test_a_plan_folder_name_must_be_a_plain_name(tmp_path):
    with pytest.raises(ValueError, match=r"folder name '\.\./x' cannot be used"):
        capstone.new_subfolder(tmp_path / "out", "../x")
    assert not (tmp_path / "x").exists()


def test_plain_names_are_accepted_unchanged():
    for stem in ("my-calendar", "acme_2025 plan", "Café.v2"):
        assert safe_files.plain_stem(stem) == stem


# -- RFC 5545 text --------------------------------------------------------------------------------


def test_control_characters_in_a_handle_never_reach_the_ics(sched):
    tricky = sched.entries.copy()
    tricky.loc[0, "title"] = "bell\x07 vt\x0b nul\x00 esc\x1b del\x7f, semi; back\\slash\nline " + "é" * 60
    tricky.loc[0, "city"] = "Par\x00is"
    text = schedule.to_ics(schedule.Schedule(sched.brand, tricky, sched.contacts, sched.conflicts))
    raw = text.encode("utf-8")
    assert not [b for b in raw.replace(b"\r\n", b"") if (b < 0x20 and b != 0x09) or b == 0x7F]
    physical = raw.split(b"\r\n")[:-1]
    assert all(len(line) <= 75 for line in physical), "folded at 75 octets"
    unfolded = text.replace("\r\n ", "")
    assert "bell vt nul esc del\\, semi\\; back\\\\slash\\nline " + "é" * 60 in unfolded
    assert "LOCATION:Paris\r\n" in unfolded
    assert text.endswith("END:VCALENDAR\r\n")


# -- CSV cells cannot run as formulas -------------------------------------------------------------

HOSTILE = ['=HYPERLINK("http://x","y")', "+1+1", "-2+3", "@SUM(A1)", "\tx", "\rx"]


def test_schedule_csv_neutralises_formula_cells_and_keeps_numbers(sched):
    tricky = sched.entries.head(len(HOSTILE) + 1).copy()
    tricky["title"] = [*HOSTILE, "-3.2"]
    rows = list(
        csv.DictReader(
            io.StringIO(schedule.to_csv(schedule.Schedule("=cmd", tricky, sched.contacts, sched.conflicts)))
        )
    )
    assert [r["title"] for r in rows] == [*("'" + h.replace("\r", "\n") for h in HOSTILE), "-3.2"]
    assert {r["brand"] for r in rows} == {"'=cmd"}
    assert [int(r["n_creators"]) for r in rows] == tricky["n_creators"].tolist()


def test_shortlist_csv_neutralises_formula_cells_and_keeps_numbers(capstone_lab):
    plan = capstone_lab.result.extra["plan"]
    shortlist = plan.shortlist.copy()
    shortlist.iloc[0, shortlist.columns.get_loc("handle")] = "=1+1"
    shortlist.iloc[1, shortlist.columns.get_loc("flags")] = "@evil"
    shortlist.iloc[0, shortlist.columns.get_loc("er_pct")] = -3.2
    rows = list(
        csv.DictReader(io.StringIO(capstone.shortlist_csv(dataclasses.replace(plan, shortlist=shortlist))))
    )
    assert rows[0]["handle"] == "'=1+1" and rows[1]["flags"] == "'@evil"
    assert float(rows[0]["er_pct"]) == -3.2
    assert int(rows[2]["followers"]) == int(shortlist["followers"].iloc[2])


@pytest.mark.parametrize(
    ("cell", "written"),
    [
        *((h, "'" + h) for h in HOSTILE),
        ("-3.2", "-3.2"),
        ("+12", "+12"),
        ("-1e3", "-1e3"),
        ("plain", "plain"),
    ],
)
def test_neutralise_cell(cell, written):
    assert safe_files.neutralise_cell(cell) == written
