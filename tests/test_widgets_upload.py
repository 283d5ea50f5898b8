"""Research lab (lesson 12): the finding on course data, the example export and an uploaded file.

The lab must turn every unusable file into a friendly message (what is wrong, what the file needs),
never a traceback, and must never write anything.
"""

from __future__ import annotations

import builtins
import datetime
import gzip
import io
import os
import pathlib
import zipfile
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from helpers.analysis import finding
from helpers.paths import REPO_ROOT
from helpers.widgets import LABS, LabInputError
from helpers.widgets.upload import ResearchLab, read_source, research_lab_update

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "exports"


@pytest.fixture(scope="module")
def lab() -> ResearchLab:
    return ResearchLab()


@pytest.fixture
def fresh_lab() -> ResearchLab:
    return ResearchLab()


def good_export(n: int = 60, seed: int = 0) -> bytes:
    """A small clean export: followers 1K-10M, ER falling with followers (invented handles)."""
    rng = np.random.default_rng(seed)
    followers = np.round(10 ** rng.uniform(3, 7, size=n))
    er = 10 * (followers / 1_000) ** -0.2 * rng.lognormal(0, 0.2, size=n)
    lines = ["handle,followers,engagement_rate"] + [
        f"creator_{i},{f:.0f},{e:.2f}%" for i, (f, e) in enumerate(zip(followers, er, strict=True))
    ]
    return ("\n".join(lines) + "\n").encode()


def upload_entry(content: bytes, name: str = "my_export.csv") -> dict:
    """One entry of ipywidgets FileUpload.value, as the browser sends it."""
    return {
        "name": name,
        "type": "text/csv",
        "size": len(content),
        "content": memoryview(content),
        "last_modified": datetime.datetime(2025, 12, 31, tzinfo=datetime.UTC),
    }


# --- the pure update function ---------------------------------------------------------------------------
def test_update_measures_the_falling_engagement_rate_on_the_course_data(lab):
    creators = lab.sources["bundled"].creators
    result = research_lab_update(creators, "er", "all", 0.5, label="the course data")
    print("\n" + result.summary)
    assert result.summary.startswith("Engagement rate falls")
    n = result.numbers
    assert n["change_per_decade_pct_low"] <= n["change_per_decade_pct"] <= n["change_per_decade_pct_high"] < 0
    assert n["creators"] == creators["er_pct"].gt(0).sum()
    assert n["bins"] == len(result.table) and result.table["creators"].sum() == n["creators"]
    assert n["decades"] == pytest.approx(np.log10(n["followers_max"] / n["followers_min"]))


def test_update_finds_the_inverted_u_of_sponsored_lift_on_the_course_data(lab):
    result = research_lab_update(lab.sources["bundled"].creators, "lift")
    n = result.numbers
    assert "inverted U" in result.summary
    assert n["followers_min"] < n["peak_followers_low"] < n["peak_followers"] < n["peak_followers_high"]
    assert n["peak_followers_high"] < n["followers_max"] and n["peak_share"] >= 0.95


def test_a_top_list_is_flagged_and_covers_fewer_decades(lab):
    creators = lab.sources["bundled"].creators
    everyone = research_lab_update(creators, "er", "all")
    top = research_lab_update(creators, "er", "top200")
    assert top.numbers["creators"] == 200
    assert top.numbers["decades"] < everyone.numbers["decades"]
    assert "not a sample" in top.summary


def test_fit_numbers_recover_a_known_power_law_and_leave_a_missing_peak_blank():
    followers = np.round(np.logspace(3, 7, 40))
    er = 10 * (followers / 1_000) ** -0.2  # exactly 10^-0.2 - 1 = -36.9 % per tenfold followers
    fit = finding.fit_log_followers(pd.Series(followers), pd.Series(er), degree=1)
    n = finding.fit_numbers("er", fit, bins=8)
    assert n["change_per_decade_pct"] == pytest.approx((10**-0.2 - 1) * 100)
    assert n["change_per_decade_pct_low"] == pytest.approx(n["change_per_decade_pct_high"], abs=1e-4)
    assert (n["creators"], n["bins"], n["decades"]) == (40, 8, pytest.approx(4.0, abs=1e-3))
    # a lift that only rises has no peak inside the range: the peak figures are NaN, not a made-up size
    rising = finding.fit_log_followers(pd.Series(followers), pd.Series(np.log10(followers) ** 2), degree=2)
    lift = finding.fit_numbers("lift", rising, bins=8)
    assert np.isnan([lift["peak_followers"], lift["peak_followers_low"], lift["peak_followers_high"]]).all()
    assert lift["peak_share"] < 0.05 and "change_per_decade_pct" not in lift


def test_narrow_ranges_are_called_too_narrow():
    rng = np.random.default_rng(1)
    creators = pd.DataFrame({"followers": rng.uniform(20_000, 60_000, 80), "er_pct": rng.uniform(1, 4, 80)})
    result = research_lab_update(creators, "er")
    assert "too narrow" in result.summary


@pytest.mark.parametrize(
    ("creators", "measure", "phrase"),
    [
        (pd.DataFrame({"followers": [1e3, 1e4], "er_pct": [np.nan, np.nan]}), "er", "no engagement rate"),
        (pd.DataFrame({"followers": [1e3, 1e4], "er_pct": [2.0, 1.0]}), "lift", "Paid Post Performance"),
        (pd.DataFrame({"followers": [1e3] * 5 + [1e4] * 3, "er_pct": [2.0] * 8}), "er", "at least 10"),
        (
            pd.DataFrame({"followers": [5e3] * 30, "er_pct": np.linspace(1, 3, 30)}),
            "er",
            "same follower count",
        ),
        (pd.DataFrame({"followers": [0.0] * 12, "er_pct": [1.0] * 12}), "er", "no engagement rate"),
    ],
    ids=["no-er", "no-lift-column", "too-few", "one-size", "zero-followers"],
)
def test_data_that_cannot_be_analysed_gives_a_lab_error(creators, measure, phrase):
    with pytest.raises(LabInputError, match=phrase):
        research_lab_update(creators, measure)


def test_unknown_measure_is_a_lab_error(lab):
    with pytest.raises(LabInputError, match="Unknown measure"):
        research_lab_update(lab.sources["bundled"].creators, "roi")


# --- the lab ------------------------------------------------------------------------------------------
def test_lab_is_registered_and_starts_on_the_course_data(lab):
    assert LABS["research-lab"] is ResearchLab
    assert lab.result.ok and lab.values()["source"] == "bundled"
    assert "course-lab-research-lab" in lab.widget._dom_classes
    assert lab._report.value == ""  # no export report for the bundled data
    assert lab.upload in lab.widget.children[1].children[0].children[0].children  # header, body > controls


def test_lab_shows_the_example_export_with_its_report(lab):
    result = lab.set(source="example", measure="er")
    assert result.ok and "example export" in result.summary
    assert "What the reader did" in lab._report.value and "Channel Info" in lab._report.value
    assert "Left out of the analysis" in lab._report.value
    assert lab.set(measure="lift").ok  # the example has a Paid Post Performance column
    lab.set(source="bundled", measure="er")


def test_lab_without_the_example_file_offers_only_the_course_data(tmp_path):
    lab = ResearchLab(example=tmp_path / "missing.csv")
    assert [v for _, v in lab.controls["source"].options] == ["bundled"]


def test_uploading_a_file_through_the_widget_selects_it(fresh_lab):
    fresh_lab.upload.value = (upload_entry(good_export(), "my_export.csv"),)
    assert fresh_lab.values()["source"] == "upload"
    result = fresh_lab.result
    assert result.ok and "my_export.csv" in result.summary
    assert result.summary.startswith("Engagement rate falls")
    assert "my_export.csv" in dict((v, k) for k, v in fresh_lab.controls["source"].options)["upload"]
    assert "What the reader did" in fresh_lab._report.value


def test_load_file_accepts_a_path_bytes_and_a_file_object(fresh_lab):
    assert fresh_lab.load_file(finding.example_export_path()).ok
    assert fresh_lab.load_file(good_export(), name="bytes.csv").ok
    assert fresh_lab.load_file(io.BytesIO(good_export()), name="stream.csv").ok


def test_an_uploaded_file_without_lift_explains_what_the_lift_needs(fresh_lab):
    fresh_lab.load_file(good_export(), name="mine.csv")
    result = fresh_lab.set(measure="lift")
    assert not result.ok and "Paid Post Performance" in result.message
    assert fresh_lab.set(measure="er").ok


def test_a_good_file_after_a_bad_one_recovers(fresh_lab):
    bad = fresh_lab.load_file(b"", name="empty.csv")
    assert not bad.ok and "could not be read" in fresh_lab.controls["source"].options[-1][0]
    good = fresh_lab.load_file(good_export(), name="good.csv")
    assert good.ok and "course-lab-message" not in fresh_lab._summary.value


# --- 30 malformed inputs: each a friendly message in the lab, never a traceback ---------------------------
def _zip_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr("data.csv", "handle,followers\na,1\n")
    return buffer.getvalue()


MALFORMED: list[tuple[str, object, str]] = [
    # (id, source given to load_file, a phrase the message must contain)
    ("empty-bytes", b"", "empty"),
    ("whitespace", b"   \n\n  \t\n", "blank lines"),
    ("only-delimiters", b";;;\n;;;\n", "no values"),
    ("html-page", b"<!DOCTYPE html><html><body>Log in</body></html>", "web page"),
    ("json", b'{"data": [{"followers": 10}]}', "JSON"),
    ("xml", b"<?xml version='1.0'?><creators/>", "XML"),
    ("zip", _zip_bytes(), "zip"),
    ("gzip", gzip.compress(b"handle,followers\na,1\n"), "gzip"),
    ("pdf", b"%PDF-1.7\n...", "PDF"),
    ("png", b"\x89PNG\r\n\x1a\n" + bytes(40), "image"),
    ("binary-nul", b"handle,followers\x00\x01\x02\x03garbage", "binary"),
    ("no-followers-column", b"handle,likes\na,10\nb,20\n", "no follower column"),
    ("header-only", b"handle,followers,engagement_rate\n", "no data rows"),
    ("followers-all-text", b"handle,followers\na,lots\nb,many\nc,unknown\n", "usable count"),
    ("followers-all-negative", b"handle,followers\na,-10\nb,-20\n", "usable count"),
    ("followers-empty", b"handle,followers\na,\nb,\n", "empty in every row"),
    ("unclosed-quote", b'handle,followers\n"a,100\nb,200\n', "never closed"),
    ("text-not-path", "handle,followers\na,100\n", "not a path"),
    ("missing-path", str(FIXTURES / "does_not_exist.csv"), "no such file"),
    ("directory", str(FIXTURES), "folder"),
    ("wrong-type", 12345, "source must be"),
    ("mapping-without-content", {"name": "x.csv"}, "FileUpload entry"),
    ("fixture-excel", FIXTURES / "workbook.xlsx", "Excel"),
    ("fixture-old-excel", FIXTURES / "legacy_workbook.xls", "Excel"),
    ("fixture-web-page", FIXTURES / "saved_web_page.csv", "web page"),
    ("fixture-json", FIXTURES / "api_response.json", "JSON"),
    ("fixture-kaggle-zip", FIXTURES / "kaggle_download.zip", "zip"),
    ("fixture-no-followers", FIXTURES / "no_followers_column.csv", "no follower column"),
    ("fixture-header-only", FIXTURES / "header_only.csv", "no data rows"),
    ("fixture-unparseable", FIXTURES / "unparseable_followers.csv", "usable count"),
    ("fixture-empty", FIXTURES / "empty.csv", "empty"),
    ("fixture-whitespace", FIXTURES / "whitespace_only.csv", "blank lines"),
]

#: Files that are read, but cannot feed the analysis: the lab says why.
UNANALYSABLE: list[tuple[str, bytes, str]] = [
    ("too-few-creators", b"handle,followers,engagement_rate\na,1000,5%\nb,20000,3%\n", "at least 10"),
    (
        "all-same-size",
        b"handle,followers,er\n" + b"".join(b"c%d,5000,%d%%\n" % (i, i + 1) for i in range(20)),
        "same",
    ),
    (
        "no-engagement",
        b"handle,followers\n" + b"".join(b"c%d,%d\n" % (i, 1000 * (i + 1)) for i in range(20)),
        "no engagement",
    ),
    (
        "er-all-zero",
        b"handle,followers,er\n" + b"".join(b"c%d,%d,0%%\n" % (i, 1000 * (i + 1)) for i in range(20)),
        "no engagement",
    ),
]


def test_at_least_25_malformed_inputs_are_covered():
    assert len(MALFORMED) + len(UNANALYSABLE) >= 25


@pytest.mark.parametrize(
    ("source", "phrase"), [(s, p) for _, s, p in MALFORMED], ids=[i for i, _, _ in MALFORMED]
)
def test_a_malformed_file_gives_a_friendly_message_in_the_lab(fresh_lab, source, phrase):
    result = fresh_lab.load_file(source, name=None if not isinstance(source, bytes) else "upload.csv")
    assert not result.ok
    assert result.message.startswith("Your file cannot be used.")
    assert phrase.lower() in result.message.lower(), result.message
    assert "Traceback" not in result.message
    assert fresh_lab._summary.value.count("course-lab-message") == 1
    assert b"<svg" in bytes(fresh_lab._image.value[:400])
    assert fresh_lab._report.value == ""
    assert fresh_lab.set(source="bundled").ok  # the lab keeps working


@pytest.mark.parametrize(
    ("content", "phrase"), [(c, p) for _, c, p in UNANALYSABLE], ids=[i for i, _, _ in UNANALYSABLE]
)
def test_a_readable_file_that_cannot_be_analysed_says_why(fresh_lab, content, phrase):
    result = fresh_lab.load_file(content, name="small.csv")
    assert not result.ok and phrase in result.message, result.message
    assert "What the reader did" in fresh_lab._report.value  # the report still shows what was read


def test_every_error_message_of_the_reader_reaches_the_learner_through_the_upload_widget(fresh_lab):
    fresh_lab.upload.value = (upload_entry(b"<html><body>nope</body></html>", "page.csv"),)
    assert fresh_lab.values()["source"] == "upload"
    assert "page.csv" in fresh_lab.result.message and "web page" in fresh_lab.result.message


def test_read_source_raises_the_readers_error_for_code_that_wants_it():
    from helpers.exports import ExportFormatError

    with pytest.raises(ExportFormatError):
        read_source(b"", name="empty.csv")


# --- the lab only reads -------------------------------------------------------------------------------
def test_the_lab_never_writes_anything(monkeypatch, tmp_path):
    source = tmp_path / "export.csv"
    source.write_bytes(good_export())
    before = source.stat().st_mtime_ns, source.read_bytes()
    watched = [REPO_ROOT / "datasets", REPO_ROOT / "notebooks", tmp_path]
    listing = {p: sorted(os.listdir(p)) for p in watched if p.exists()}
    output_existed = (REPO_ROOT / "output").exists()

    def refuse(*args, **kwargs):
        raise AssertionError(f"the lab tried to write: {args!r}")

    real_open = builtins.open

    def read_only_open(file, mode="r", *args, **kwargs):
        if any(flag in mode for flag in "wax+"):
            refuse(file, mode)
        return real_open(file, mode, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", read_only_open)
    monkeypatch.setattr(pathlib.Path, "write_bytes", refuse)
    monkeypatch.setattr(pathlib.Path, "write_text", refuse)
    monkeypatch.setattr(pathlib.Path, "mkdir", refuse)
    monkeypatch.chdir(tmp_path)
    lab = ResearchLab()
    lab.load_file(source)
    lab.upload.value = (upload_entry(good_export(seed=3), "other.csv"),)
    lab.load_file(b"<html></html>", name="bad.csv")
    for values in ({"measure": "lift"}, {"sample": "top200"}, {"source": "example"}, {"bin_width": 1.0}):
        lab.set(**values)
    monkeypatch.undo()
    assert (source.stat().st_mtime_ns, source.read_bytes()) == before
    assert {p: sorted(os.listdir(p)) for p in watched if p.exists()} == listing
    assert (REPO_ROOT / "output").exists() == output_existed


def test_switching_back_reuses_the_result_and_a_new_upload_is_recomputed(fresh_lab):
    lift = fresh_lab.set(measure="lift")
    fresh_lab.set(measure="er")
    assert fresh_lab.set(measure="lift") is lift  # deterministic results are computed once
    fresh_lab.set(measure="er")
    first = fresh_lab.load_file(good_export(seed=1), name="same_name.csv")
    second = fresh_lab.load_file(good_export(seed=2), name="same_name.csv")
    assert first.numbers != second.numbers


def test_a_file_without_read_permission_is_a_message_in_the_lab_not_a_traceback(
    fresh_lab, tmp_path, monkeypatch
):
    path = tmp_path / "locked.csv"
    path.write_bytes(b"handle,followers\na,100\n")
    real_open = builtins.open

    def denied(file, *args, **kwargs):  # chmod does not stop root: simulate the refusal
        if str(file) == str(path):
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", denied)
    result = fresh_lab.load_file(path)
    assert not result.ok
    assert result.message.startswith("Your file cannot be used.")
    assert "no permission to read this file" in result.message and "Copy it somewhere" in result.message
