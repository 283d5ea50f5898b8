"""Tests for helpers.exports: reading messy creator exports into canonical columns.

Fixtures live in tests/fixtures/exports/ (written by make_fixtures.py there; every handle is invented).
Expected numbers are written out by hand: 3.3k = 3,300; 475.8m = 475,800,000; 29.0b = 29,000,000,000.
"""

from __future__ import annotations

import builtins
import csv
import doctest
import gzip
import io
import json
import math
import socket
import zipfile
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers import exports
from helpers.exports import (
    CANONICAL_COLUMNS,
    HEADER_ALIASES,
    CellProblem,
    ExportFormatError,
    ExportReport,
    canonical_name,
    describe_report,
    parse_number,
    read_influencer_export,
)

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "exports"
FIXTURE_FILES = sorted(p for p in FIXTURES.iterdir() if p.suffix != ".py")


def read(content: str | bytes, **kwargs) -> pd.DataFrame:
    """Read an inline export given as text (UTF-8) or bytes."""
    data = content.encode("utf-8") if isinstance(content, str) else content
    return read_influencer_export(data, **({"name": "inline.csv"} | kwargs))


def report_of(df: pd.DataFrame) -> ExportReport:
    report = df.attrs["report"]
    assert isinstance(report, ExportReport)
    return report


def read_or_refuse(path: Path) -> pd.DataFrame | ExportFormatError:
    """Read a fixture that may be unusable on purpose: the DataFrame, or the error it raised."""
    try:
        return read_influencer_export(path)
    except ExportFormatError as error:
        return error


def fails(content: str | bytes | Path, problem: str, **kwargs) -> ExportFormatError:
    """Read and expect an ExportFormatError with this problem code; return it."""
    with pytest.raises(ExportFormatError) as info:
        if isinstance(content, Path):
            read_influencer_export(content, **kwargs)
        else:
            read(content, **kwargs)
    assert info.value.problem == problem, str(info.value)
    return info.value


# =====================================================================================================
# Unusable files: a specific message naming the problem and the fix
# =====================================================================================================
UNUSABLE: list[tuple[str, str | bytes | Path, str, tuple[str, ...]]] = [
    # (id, content, problem code, phrases the message must contain)
    ("empty_0_bytes", FIXTURES / "empty.csv", "empty", ("empty (0 bytes)", "header line")),
    ("only_whitespace", FIXTURES / "whitespace_only.csv", "whitespace", ("only blank lines", "header line")),
    ("only_a_bom", b"\xef\xbb\xbf\r\n", "whitespace", ("only blank lines",)),
    ("only_delimiters", ";;;\n;;;\n", "whitespace", ("no values",)),
    (
        "xlsx_workbook",
        FIXTURES / "workbook.xlsx",
        "excel",
        ("this looks like an Excel file", "File > Save As > CSV UTF-8"),
    ),
    ("xls_legacy_workbook", FIXTURES / "legacy_workbook.xls", "excel", ("Excel file", "Save As > CSV UTF-8")),
    ("zip_download", FIXTURES / "kaggle_download.zip", "zip", ("zip archive", "Unzip it")),
    (
        "ods_spreadsheet",
        b"PK\x03\x04" + b"\x00" * 26 + b"mimetypeapplication/vnd.oasis.opendocument.spreadsheet",
        "spreadsheet",
        ("OpenDocument", "Save As > Text CSV"),
    ),
    ("gzip_file", gzip.compress(b"handle,followers\nx,1\n", mtime=0), "gzip", ("gzip", "Decompress")),
    ("pdf_document", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "pdf", ("PDF", "CSV export")),
    ("png_image", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "image", ("image",)),
    (
        "nul_bytes",
        b"handle,followers\nx,\x00\x01\x02\x03\xff\xfe",
        "binary",
        ("NUL bytes", "save the data as CSV"),
    ),
    (
        "saved_web_page",
        FIXTURES / "saved_web_page.csv",
        "html",
        ("this is a web page, not a data export", "Download the CSV itself"),
    ),
    ("html_without_doctype", "  \n<html><body><p>Sign in</p></body></html>", "html", ("web page",)),
    ("json_object", FIXTURES / "api_response.json", "json", ("this is JSON", "Export the data as CSV")),
    ("json_array", '[{"handle": "x", "followers": 1}]', "json", ("JSON",)),
    ("xml_document", '<?xml version="1.0"?><rows><row/></rows>', "xml", ("XML", "CSV")),
    (
        "no_follower_column",
        FIXTURES / "no_followers_column.csv",
        "no_followers",
        ("no follower column", "'Handle', 'Likes', 'Comments', 'Country'", "followers_count", "subscribers"),
    ),
    (
        "only_a_title_line",
        "Report generated on 2025-01-01\n",
        "no_followers",
        ("'Report generated on 2025-01-01'",),
    ),
    ("header_only", FIXTURES / "header_only.csv", "header_only", ("no data rows", "one line per creator")),
    ("header_then_blank_lines", "handle,followers\n\n\n  \n", "header_only", ("no data rows",)),
    (
        "every_data_row_dropped",
        "handle,followers,avg_likes\nhandle,followers,avg_likes\nTotal: 0\n",
        "header_only",
        ("no data rows", "2 lines dropped"),
    ),
    (
        "followers_all_unparseable",
        FIXTURES / "unparseable_followers.csv",
        "followers_unusable",
        ("none of the 3 values", "'unknown'", "'lots'", "3.3k or 1.2M"),
    ),
    (
        "followers_all_empty",
        "handle,followers\na,\nb,n/a\nc,-\n",
        "followers_unusable",
        ("empty in every row",),
    ),
    (
        "followers_all_negative",
        "handle,followers\na,-1\nb,-2k\n",
        "followers_unusable",
        ("2 negative (cannot be below 0)",),
    ),
    ("unclosed_quote", 'handle,followers\n"x' + "a" * 140_000 + ",12\n", "quote", ("never closed",)),
    (
        "wrong_forced_encoding",
        "handle,followers\ncafé,1\n".encode("utf-16"),
        "encoding",
        ("cannot be decoded",),
    ),
]


@pytest.mark.parametrize(
    ("content", "problem", "phrases"), [u[1:] for u in UNUSABLE], ids=[u[0] for u in UNUSABLE]
)
def test_unusable_file_raises_a_specific_message(content, problem, phrases):
    kwargs = {"encoding": "utf-8"} if problem == "encoding" else {}
    error = fails(content, problem, **kwargs)
    message = str(error)
    for phrase in phrases:
        assert phrase.lower() in message.lower(), f"{phrase!r} not in {message!r}"
    assert isinstance(error, ValueError)
    assert message.startswith(error.source + ": ")


def test_html_message_says_to_download_the_csv():
    message = str(fails(FIXTURES / "saved_web_page.csv", "html"))
    assert "this is a web page, not a data export" in message
    assert "download the csv itself" in message.lower()


def test_no_follower_message_lists_columns_found_and_accepted_spellings():
    message = str(fails("Creator,Likes,Bio\nx,1,y\n", "no_followers"))
    assert "3 columns: 'Creator', 'Likes', 'Bio'" in message
    for spelling in ("followers", "followers_count", "follower_count", "subscribers"):
        assert spelling in message
    assert "rename that header to 'followers'" in message


def test_text_passed_instead_of_a_path_is_explained():
    with pytest.raises(ExportFormatError, match=r"text with line breaks, not a path") as info:
        read_influencer_export("handle,followers\nx,1\n")
    assert info.value.problem == "text_not_path"


def test_missing_path_and_folder_raise_os_errors_with_advice(tmp_path):
    with pytest.raises(FileNotFoundError, match="no such file"):
        read_influencer_export(tmp_path / "nope.csv")
    with pytest.raises(IsADirectoryError, match="is a folder"):
        read_influencer_export(tmp_path)


@pytest.mark.parametrize("source", [42, 3.5, None, object()], ids=["int", "float", "None", "object"])
def test_unsupported_source_type_is_a_type_error(source):
    with pytest.raises(TypeError, match="source must be a path"):
        read_influencer_export(source)


def test_bad_arguments_are_rejected():
    with pytest.raises(ValueError, match="decimal"):
        read("handle,followers\nx,1\n", decimal=";")
    with pytest.raises(ValueError, match="delimiter"):
        read("handle,followers\nx,1\n", delimiter=";;")
    with pytest.raises(TypeError, match="content"):
        read_influencer_export({"name": "x.csv"})


# =====================================================================================================
# Awkward but usable files: the value each one must give
# =====================================================================================================
def test_kaggle_style_file_with_suffixes_and_percent_signs():
    df = read_influencer_export(FIXTURES / "kaggle_style_top_influencers.csv")
    report = report_of(df)
    assert list(df.columns) == [
        "handle",
        "followers",
        "posts",
        "avg_likes",
        "total_likes",
        "new_post_avg_like",
        "engagement_rate_pct",
        "country",
        "rank",
        "influence_score",
    ]
    first = df.iloc[0]
    assert first["handle"] == "fictional_chef_aurora"
    assert first["posts"] == 3_300  # 3.3k
    assert first["followers"] == 475_800_000  # 475.8m
    assert first["total_likes"] == 29_000_000_000  # 29.0b
    assert first["avg_likes"] == 8_700_000.0
    assert first["engagement_rate_pct"] == pytest.approx(1.39)  # "1.39%" stays in percent
    assert df.loc[4, "new_post_avg_like"] == 665_300.0  # 665.3k
    assert math.isnan(df.loc[6, "engagement_rate_pct"])  # NaN%
    assert pd.isna(df.loc[2, "country"]) and pd.isna(df.loc[6, "new_post_avg_like"])
    assert df["followers"].dtype == "Int64" and df["engagement_rate_pct"].dtype == "float64"
    assert df["handle"].dtype == "str"
    assert report.renamed == {"channel_info": "handle", "60_day_eng_rate": "engagement_rate_pct"}
    assert "k/m/b suffixes" in report.parsed["followers"]
    assert "percent sign stripped" in report.parsed["engagement_rate_pct"]
    assert "'NaN%'" in report.parsed["engagement_rate_pct"]
    assert report.rows_read == report.rows_kept == 8
    assert report.cell_problems == [] and report.kept_as_is == {} and report.derived == {}


def test_european_semicolon_latin1_file():
    df = read_influencer_export(FIXTURES / "european_semicolon_latin1.csv")
    report = report_of(df)
    assert (report.encoding, report.delimiter) == ("latin-1", ";")
    assert df["followers"].tolist() == [1_234_567, 98_765, 12_345, 2_500_000]  # 1.234.567, ... 12.345
    assert df["avg_likes"].tolist() == [12_345.5, 1_234.0, 456.7, 45_000.25]  # 12.345,5 ...
    assert df["engagement_rate_pct"].tolist() == [1.39, 2.5, 3.7, 1.8]  # "1,39" under "(%)": percent
    assert df.loc[0, "country"] == "Österreich" and df.loc[0, "handle"] == "fictional_bäckerei_anne"
    assert report.kept_as_is == {"Notiz": "notiz"} and df.loc[1, "notiz"] == "très bien"
    assert "decimal comma" in report.parsed["avg_likes"]


def test_utf8_bom_does_not_leak_into_the_first_header():
    df = read_influencer_export(FIXTURES / "utf8_bom.csv")
    report = report_of(df)
    assert report.encoding == "utf-8-sig"
    assert df.columns[0] == "handle" and report.renamed["Username"] == "handle"
    assert df["followers"].tolist() == [12_400, 8_950, 150_200]  # quoted "12,400"
    assert report.renamed["Category"] == "niche" and df.loc[2, "niche"] == "Home & Garden"


def test_title_line_blank_lines_crlf_and_trailing_empty_lines():
    df = read_influencer_export(FIXTURES / "title_line_report.csv")
    report = report_of(df)
    assert report.header_line == 3
    assert any("Report generated on 2025-03-01" in note for note in report.notes)
    assert df["followers"].tolist() == [45_200, 9_800, 1_200_000]  # 45.2K, 9.8K, 1.2M
    assert df["engagement_rate_pct"].tolist() == [2.6, 4.3, 1.3]
    assert report.rows_read == report.rows_kept == 3


def test_tab_separated_youtube_style_headers():
    df = read_influencer_export(FIXTURES / "tab_separated.tsv")
    assert report_of(df).delimiter == "\t"
    assert df["followers"].tolist() == [1_500_000, 310_000]
    assert df["avg_views"].tolist() == [220_000.0, 48_000.0]
    assert report_of(df).renamed == {
        "Creator": "handle",
        "Subscribers": "followers",
        "Avg Views": "avg_views",
        "Niche": "niche",
    }


def test_excel_unicode_text_is_utf16_tab_separated():
    df = read_influencer_export(FIXTURES / "excel_unicode_text.txt")
    assert (report_of(df).encoding, report_of(df).delimiter) == ("utf-16", "\t")
    assert df["followers"].tolist() == [1_500_000, 310_000]


def test_pipe_separated_with_space_thousands():
    df = read_influencer_export(FIXTURES / "pipe_separated.txt")
    assert report_of(df).delimiter == "|"
    assert df["followers"].tolist() == [12_345, 1_002_003]
    assert df["posts"].tolist() == [1_204, 877]
    assert "thousands separator space" in report_of(df).parsed["followers"]


def test_ragged_rows_are_padded_or_dropped_and_reported_by_line():
    df = read_influencer_export(FIXTURES / "ragged_rows.csv")
    report = report_of(df)
    assert df["handle"].tolist() == ["fictional_diver_sol", "example_climber_tam", "example_poet_vik"]
    assert pd.isna(df.loc[1, "country"])  # short row padded
    assert report.rows_read == 6 and report.rows_kept == 3
    dropped = {reason.split(" (")[0]: lines for reason, lines in report.dropped.items()}
    assert dropped == {
        "more fields than the header": [4],
        "repeated header line": [5],
        "a single value on a short line": [8],
    }
    assert any("fewer fields than the header" in n and "line 3" in n for n in report.notes)


def test_metadata_lines_before_the_header_are_skipped_and_quoted():
    df = read("Exported:,2025-01-01,,\nFilter:,instagram,,\n\nhandle,followers,country\nx,1k,PE\n")
    report = report_of(df)
    assert report.header_line == 4 and df.loc[0, "followers"] == 1_000
    assert any("skipped 2 lines" in n and "'Filter:,instagram'" in n for n in report.notes)


def test_a_single_follower_column_is_enough():
    df = read("followers\n100\n3.3k\n")
    assert list(df.columns) == ["followers"] and df["followers"].tolist() == [100, 3_300]


def test_mixed_encodings_are_read_and_flagged():
    df = read("handle,followers\nzo\u00e9,1\n".encode() + b"caf\xe9,2\n")
    report = report_of(df)
    assert report.encoding == "latin-1" and df.loc[1, "handle"] == "café"
    assert any("mixes encodings" in n for n in report.notes)


def test_european_fraction_engagement_rate_is_converted():
    df = read("handle;followers;engagement_rate\nx;12.000;0,0139\ny;1.500;0,021\n")
    assert df["followers"].tolist() == [12_000, 1_500]
    assert df["engagement_rate_pct"].tolist() == pytest.approx([1.39, 2.1])


def test_header_only_error_says_why_rows_were_dropped():
    message = str(fails("handle,followers\nx,1,2,3\n", "header_only"))
    assert "1 line dropped: more fields than the header" in message


def test_trailing_delimiters_are_not_extra_fields():
    df = read("handle,followers,\nx,10,\ny,20,,,\n")
    assert df["followers"].tolist() == [10, 20] and list(df.columns) == ["handle", "followers"]
    assert report_of(df).dropped == {}


def test_engagement_rate_given_as_fraction_is_converted_and_reported():
    df = read_influencer_export(FIXTURES / "fraction_engagement.csv")
    report = report_of(df)
    assert df["engagement_rate_pct"].tolist() == pytest.approx([3.12, 0.87, 5.55])  # 0.0312 -> 3.12 %
    assert "fraction converted to percent (× 100)" in report.parsed["engagement_rate_pct"]
    assert any("multiplied by 100" in n for n in report.notes)


def test_small_percent_values_that_match_likes_per_follower_are_not_converted():
    # 400 / 100,000 * 100 = 0.4 % and 0.8 % -- written without % signs, all <= 1
    df = read("handle,followers,avg_likes,engagement_rate\na,100000,400,0.4\nb,50000,400,0.8\n")
    assert df["engagement_rate_pct"].tolist() == [0.4, 0.8]
    assert any("read as percent already" in n for n in report_of(df).notes)


def test_fraction_confirmed_by_likes_per_follower_is_converted():
    # 400 / 100,000 * 100 = 0.4 %; the file says 0.004: a fraction
    df = read("handle,followers,avg_likes,engagement_rate\na,100000,400,0.004\nb,50000,400,0.008\n")
    assert df["engagement_rate_pct"].tolist() == pytest.approx([0.4, 0.8])


@pytest.mark.parametrize(
    ("header", "cells", "expected"),
    [
        ("engagement_rate", ["1.5", "0.2"], [1.5, 0.2]),  # a value > 1: percent
        ("engagement_rate", ["0", "0"], [0.0, 0.0]),  # all zero: nothing to convert
        ("Engagement Rate (%)", ["0.5", "0.2"], [0.5, 0.2]),  # the header says %
        ("er_pct", ["0.5", "0.2"], [0.5, 0.2]),  # the header says pct
        ("engagement_rate", ["0.5%", "0.2"], [0.5, 0.2]),  # a cell says %
    ],
    ids=["above_one", "all_zero", "percent_header", "pct_header", "percent_cell"],
)
def test_engagement_rate_stays_percent_when_anything_says_so(header, cells, expected):
    df = read(f"handle,followers,{header}\na,100,{cells[0]}\nb,200,{cells[1]}\n")
    assert df["engagement_rate_pct"].tolist() == pytest.approx(expected)
    assert "fraction" not in report_of(df).parsed["engagement_rate_pct"]


def test_duplicate_headers_first_wins_others_kept_and_reported():
    df = read_influencer_export(FIXTURES / "duplicate_headers.csv")
    report = report_of(df)
    assert df["followers"].tolist() == [1_000, 1_500]
    assert df["followers_2"].tolist() == ["2000", "2500"]  # kept as is (text)
    assert report.duplicate_headers == {"followers_2": "followers"}
    assert report.kept_as_is["Followers Count"] == "followers_count"
    assert df["handle"].tolist() == ["fictional_twin_dee", "example_twin_eli"] and "name" in df
    assert any("repeated headers" in n for n in report.notes)


def test_specific_handle_spelling_beats_generic_name_whatever_the_order():
    df = read("Name,Followers,Username\nDisplay Name,10,fictional_user_a\n")
    assert df.loc[0, "handle"] == "fictional_user_a" and df.loc[0, "name"] == "Display Name"
    assert report_of(df).renamed == {"Followers": "followers", "Username": "handle"}


def test_quoted_fields_with_delimiters_quotes_and_line_breaks():
    df = read_influencer_export(FIXTURES / "quoted_fields.csv")
    assert df["followers"].tolist() == [1_234_567, 98_000, 12_500]
    assert df.loc[0, "bio"] == "Writes, edits; reviews | books"
    assert df.loc[1, "bio"] == "Line one\nline two of the bio"
    assert df.loc[2, "bio"] == 'Says "hello", often'
    assert report_of(df).delimiter == ","
    assert any("runs over several lines" in n for n in report_of(df).notes)


def test_unit_in_header_multiplies_the_values():
    df = read_influencer_export(FIXTURES / "youtube_millions.csv")
    assert df["followers"].tolist() == [45_200_000, 8_750_000]  # "Subscribers (millions)": 45.2
    assert "multiplied by 1,000,000" in report_of(df).parsed["followers"]
    assert report_of(df).kept_as_is == {"Video Views": "video_views"}


def test_negative_followers_become_missing_and_the_row_is_kept():
    df = read_influencer_export(FIXTURES / "negative_followers.csv")
    report = report_of(df)
    assert df["followers"].isna().tolist() == [True, False] and len(df) == 2
    assert report.cell_problems == [
        CellProblem("followers", "negative (cannot be below 0)", 1, examples=("-5000",), lines=(2,))
    ]
    assert any("no usable follower count" in n for n in report.notes)


def test_cp1252_smart_quotes_and_euro_sign():
    df = read_influencer_export(FIXTURES / "cp1252_smart_quotes.csv")
    assert report_of(df).encoding == "cp1252"
    assert df.loc[0, "bio"] == "Cooks \u2019real\u2019 food \u20ac5 meals"
    assert df.loc[0, "followers"] == 1_200  # "1.200": a count, so thousands


def test_excel_sep_line_sets_the_delimiter():
    df = read_influencer_export(FIXTURES / "sep_line_excel.csv")
    report = report_of(df)
    assert (report.delimiter, report.header_line) == (";", 2)
    assert df.loc[0, "followers"] == 3_300 and df.loc[0, "engagement_rate_pct"] == 1.5  # 3,3k and 1,5%


def test_old_mac_carriage_return_line_endings():
    df = read_influencer_export(FIXTURES / "old_mac_line_endings.csv")
    assert df["followers"].tolist() == [12_000, 8_000]


def test_engagement_rate_derived_from_likes_and_comments_when_missing():
    df = read_influencer_export(FIXTURES / "derived_engagement.csv")
    er = df["engagement_rate_pct"]
    assert er[0] == pytest.approx(3.0)  # (1,200 + 300) / 50,000 * 100
    assert math.isnan(er[1])  # 0 followers
    assert math.isnan(er[2])  # comments missing
    assert "(avg_likes + avg_comments) / followers × 100" in report_of(df).derived["engagement_rate_pct"]


def test_engagement_rate_derived_from_likes_alone():
    df = read("handle,followers,avg_likes\na,2000,50\n")
    assert df.loc[0, "engagement_rate_pct"] == pytest.approx(2.5)  # 50 / 2,000 * 100
    assert report_of(df).derived["engagement_rate_pct"].startswith("avg_likes / followers")


def test_no_engagement_rate_without_likes():
    df = read("handle,followers\na,2000\n")
    assert "engagement_rate_pct" not in df and report_of(df).derived == {}


def test_bad_cells_are_counted_not_fatal():
    df = read("handle,followers,avg_likes\na,12k,10\nb,abc,20\nc,3m,x1\nd,#DIV/0!,30\ne,5%,40\n")
    report = report_of(df)
    assert df["followers"].tolist()[0] == 12_000 and df["followers"].tolist()[2] == 3_000_000
    assert df["followers"].isna().tolist() == [False, True, False, True, True]
    followers = {p.reason: p for p in report.problems_for("followers")}
    assert followers["not a number"].count == 2
    assert followers["not a number"].examples == ("abc", "#DIV/0!")
    assert followers["not a number"].lines == (3, 5)
    assert followers["has a % sign but this column is not a percentage"].lines == (6,)
    assert report.problems_for("avg_likes")[0].examples == ("x1",)


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("3.3k", 3_300),
        ("3.3K", 3_300),
        ("475.8m", 475_800_000),
        ("475.8M", 475_800_000),
        ("2.9b", 2_900_000_000),  # below the world's population (29.0b followers is refused)
        ("2.9B", 2_900_000_000),
        ("1,234,567", 1_234_567),
        ("1.234.567", 1_234_567),
        ("12 345", 12_345),
        ("12\u00a0345", 12_345),  # non-breaking space
        ("12\u202f345", 12_345),  # narrow non-breaking space (French)
        ("+12,345", 12_345),
        ("  7 ", 7),
        ("1.2345k", 1_235),  # rounded to a whole count
        ("1.5e6", 1_500_000),
        ("2 mln", 2_000_000),
    ],
)
def test_follower_cell_formats(cell, expected):
    df = read(f'handle,followers\nx,"{cell}"\n')
    assert df.loc[0, "followers"] == expected


@pytest.mark.parametrize("cell", ["", "-", "n/a", "N/A", "NaN%", "nan", "null", "—"])
def test_missing_markers_are_missing_not_problems(cell):
    df = read(f"handle,followers,engagement_rate\nx,10,{cell}\ny,20,1.5%\n")
    assert math.isnan(df.loc[0, "engagement_rate_pct"])
    assert report_of(df).cell_problems == []


def test_european_decimal_percent_in_a_comma_file():
    df = read('handle,followers,engagement_rate\nx,100,"1,39%"\n')
    assert df.loc[0, "engagement_rate_pct"] == pytest.approx(1.39)


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("handle,followers,avg_likes\nx,10,1.234\n", 1.234),  # English file: '.' is the decimal mark
        ("handle;followers;avg_likes\nx;10;1.234\n", 1_234.0),  # ';' file, no other evidence: thousands
        ("handle;followers;avg_likes\nx;10;1.234\ny;20;2.5\n", 1.234),  # '2.5' shows English decimals
        ('handle,followers,avg_likes\nx,10,1.234\ny,20,"2,5"\n', 1_234.0),  # '2,5' shows European
    ],
    ids=["english_default", "european_default", "english_evidence", "european_evidence"],
)
def test_ambiguous_separator_in_an_average_column(content, expected):
    assert read(content).loc[0, "avg_likes"] == pytest.approx(expected)


def test_forced_decimal_and_delimiter():
    df = read("handle;followers;avg_likes\nx;10;1.234\n", decimal=".")
    assert df.loc[0, "avg_likes"] == pytest.approx(1.234)
    df = read("handle|followers\nx|10\n", delimiter="|")
    assert report_of(df).delimiter == "|" and df.loc[0, "followers"] == 10
    # a wrong forced delimiter leaves the header in one piece, and the message shows it
    assert "1 column: 'handle|followers'" in str(
        fails(b"handle|followers\nx|10\n", "no_followers", delimiter=",")
    )


def test_empty_header_cell_with_values_is_kept_as_column_n():
    df = read("handle,followers,\nx,10,note a\ny,20,\n")
    assert df["column_3"].tolist()[0] == "note a"
    assert report_of(df).kept_as_is == {"(no header, column 3)": "column_3"}


def test_unknown_columns_kept_under_normalised_names_as_text():
    df = read("Handle,Followers,Bio Text,Growth %,Joined (date)\nx,10,hi,+3%,2020-01-01\n")
    assert list(df.columns) == ["handle", "followers", "bio_text", "growth_pct", "joined_date"]
    assert df.loc[0, "growth_pct"] == "+3%" and df["growth_pct"].dtype == "str"
    assert report_of(df).kept_as_is == {
        "Bio Text": "bio_text",
        "Growth %": "growth_pct",
        "Joined (date)": "joined_date",
    }


def test_hash_header_means_rank_and_columns_come_in_canonical_order():
    df = read("#,Followers,Country,Platform,Account\n1,10,Peru,TikTok,x\n")
    assert list(df.columns) == ["handle", "followers", "country", "platform", "rank"]
    assert df.loc[0, "rank"] == 1 and df["rank"].dtype == "Int64"


def test_handles_that_repeat_are_kept_and_noted():
    df = read("handle,followers\nx,1\ny,2\nx,3\n")
    assert len(df) == 3
    assert any("'x' on lines 2, 4" in n for n in report_of(df).notes)


def test_text_columns_read_missing_markers_but_handles_are_verbatim():
    df = read("handle,followers,country\nna,1,N/A\nnull,2, Peru \n")
    assert df["handle"].tolist() == ["na", "null"]
    assert pd.isna(df.loc[0, "country"]) and df.loc[1, "country"] == "Peru"


# =====================================================================================================
# Headers
# =====================================================================================================
@pytest.mark.parametrize(
    ("header", "canonical"),
    [
        ("Followers", "followers"),
        ("followers_count", "followers"),
        ("FOLLOWERS COUNT", "followers"),
        ("Subscribers", "followers"),
        ("Channel Info", "handle"),
        ("channel_info", "handle"),
        ("username", "handle"),
        ("account", "handle"),
        ("name", "handle"),
        ("Avg. Likes", "avg_likes"),
        ("AvgLikes", "avg_likes"),
        ("60_day_eng_rate", "engagement_rate_pct"),
        ("Engagement Rate (%)", "engagement_rate_pct"),
        ("ER %", "engagement_rate_pct"),
        ("Engagement %", "engagement_rate_pct"),
        ("new_post_avg_like", "new_post_avg_like"),
        ("total_likes", "total_likes"),
        ("Category", "niche"),
        ("Influence Score", "influence_score"),
        ("Paid Post Performance", "paid_post_performance"),  # review B15: the course's own column
        ("paid_post_performance", "paid_post_performance"),
        ("Sponsored Lift", "paid_post_performance"),
        ("#", "rank"),
        ("Followers (M)", "followers"),
        ("Engagement", None),  # average interactions per post, not a rate
        ("Likes", None),  # per post or lifetime? ambiguous: kept as is
        ("Bio", None),
    ],
)
def test_header_aliases(header, canonical):
    assert canonical_name(header) == canonical


def test_every_alias_maps_to_its_own_column_and_canonical_names_are_covered():
    assert set(HEADER_ALIASES) == set(CANONICAL_COLUMNS)
    for column, aliases in HEADER_ALIASES.items():
        assert aliases[0] == column
        for alias in aliases:
            assert canonical_name(alias) == column, alias


# =====================================================================================================
# Sources: path, bytes, memoryview, file objects, FileUpload entries; nothing written, no network
# =====================================================================================================
SAME_RESULT_FILES = [
    "kaggle_style_top_influencers.csv",
    "european_semicolon_latin1.csv",
    "utf8_bom.csv",
    "title_line_report.csv",
    "excel_unicode_text.txt",
    "ragged_rows.csv",
]


@pytest.mark.parametrize("filename", SAME_RESULT_FILES)
def test_bytes_and_file_objects_give_the_same_result_as_a_path(filename):
    path = FIXTURES / filename
    raw = path.read_bytes()
    expected = read_influencer_export(path)
    with path.open("rb") as handle:
        from_open_file = read_influencer_export(handle, name=str(path))
    sources = {
        "str path": read_influencer_export(str(path)),
        "bytes": read_influencer_export(raw, name=str(path)),
        "bytearray": read_influencer_export(bytearray(raw), name=str(path)),
        "memoryview": read_influencer_export(memoryview(raw), name=str(path)),
        "BytesIO": read_influencer_export(io.BytesIO(raw), name=str(path)),
        "open file": from_open_file,
        "FileUpload entry": read_influencer_export({"name": str(path), "content": memoryview(raw)}),
        "FileUpload value": read_influencer_export(({"name": str(path), "content": memoryview(raw)},)),
    }
    for kind, df in sources.items():
        pd.testing.assert_frame_equal(df, expected, obj=kind)
        assert report_of(df) == report_of(expected), kind


def test_names_in_the_report_come_from_the_source():
    raw = b"handle,followers\nx,1\n"
    assert report_of(read_influencer_export(raw)).source == "uploaded bytes"
    assert report_of(read_influencer_export({"name": "mine.csv", "content": raw})).source == "mine.csv"
    assert report_of(read_influencer_export(raw, name="given.csv")).source == "given.csv"


def test_text_file_object_is_read_as_already_decoded_text():
    df = read_influencer_export(io.StringIO("\ufeffhandle,followers\ncafé,1.5k\n"))
    assert report_of(df).encoding == "text"
    assert df.loc[0, "handle"] == "café" and df.loc[0, "followers"] == 1_500


def test_file_object_is_read_from_its_position_and_left_open():
    buffer = io.BytesIO(b"ignored line\nhandle,followers\nx,1\n")
    buffer.seek(len(b"ignored line\n"))
    df = read_influencer_export(buffer)
    assert df["followers"].tolist() == [1] and not buffer.closed


@pytest.mark.parametrize("path", FIXTURE_FILES, ids=lambda p: p.name)
def test_the_source_file_is_never_modified(path):
    before_bytes, before_mtime = path.read_bytes(), path.stat().st_mtime_ns
    listing = sorted(FIXTURES.iterdir())
    read_or_refuse(path)
    assert path.read_bytes() == before_bytes
    assert path.stat().st_mtime_ns == before_mtime
    assert sorted(FIXTURES.iterdir()) == listing


def test_bytes_source_is_not_changed():
    data = bytearray(b"\xef\xbb\xbfhandle;followers\r\nx;1.234\r\n")
    copy = bytes(data)
    read_influencer_export(data)
    assert bytes(data) == copy


def test_reading_never_writes_and_never_touches_the_network(monkeypatch):
    opened: list[tuple[str, str]] = []
    real_open = io.open

    def guarded_open(file, mode="r", *args, **kwargs):
        opened.append((str(file), mode))
        assert not set(mode) & set("wax+"), f"opened {file} for writing ({mode})"
        return real_open(file, mode, *args, **kwargs)

    def no_network(*args, **kwargs):
        raise AssertionError("the reader tried to open a network connection")

    monkeypatch.setattr(io, "open", guarded_open)
    monkeypatch.setattr(builtins, "open", guarded_open)
    monkeypatch.setattr(socket, "socket", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    for path in FIXTURE_FILES:
        read_or_refuse(path)
    assert len(opened) >= len(FIXTURE_FILES)  # the guard really saw the reads
    assert all(mode in ("r", "rb") for _, mode in opened)


# =====================================================================================================
# The report
# =====================================================================================================
def test_describe_report_is_a_readable_summary():
    df = read_influencer_export(FIXTURES / "ragged_rows.csv")
    text = describe_report(df)
    assert text == describe_report(report_of(df)) == str(report_of(df))
    lines = text.splitlines()
    assert lines[0].startswith("Read ") and "ragged_rows.csv" in lines[0] and "comma-separated" in lines[0]
    assert lines[1] == "Rows: 6 read, 3 kept, 3 dropped."
    assert "Rows dropped:" in text and "repeated header line (line 5)" in text
    assert "Columns computed here (not in the file):" in text


def test_describe_report_lists_renames_parsing_problems_and_kept_columns():
    df = read("Username,Followers,Bio\nx,3.3k,hi\ny,abc,yo\n")
    text = describe_report(df)
    assert "'Username' -> handle" in text
    assert "followers: k/m/b suffixes (e.g. '3.3k')" in text
    assert "followers: 1 cell not a number, e.g. 'abc' (line 3)" in text
    assert "Kept as is (not recognised, as text): bio" in text


def test_describe_report_needs_a_report():
    with pytest.raises(ValueError, match="no export report"):
        describe_report(pd.DataFrame({"followers": [1]}))


def test_report_is_json_serialisable_and_survives_a_copy():
    df = read_influencer_export(FIXTURES / "kaggle_style_top_influencers.csv")
    assert json.loads(json.dumps(report_of(df).to_dict()))["rows_kept"] == 8
    assert df.copy().attrs["report"] == report_of(df)


def test_reading_emits_no_warnings(recwarn):
    for path in FIXTURE_FILES:
        read_or_refuse(path)
    assert [str(w.message) for w in recwarn] == []


# =====================================================================================================
# parse_number and properties
# =====================================================================================================
@pytest.mark.parametrize(
    ("text", "kwargs", "expected"),
    [
        ("1,39%", {}, 1.39),
        ("1.234,5", {}, 1_234.5),
        ("1.234", {}, 1.234),
        ("1.234", {"count": True}, 1_234.0),
        ("1.234", {"decimal": ","}, 1_234.0),
        ("1,234", {}, 1_234.0),
        ("1,234", {"decimal": ","}, 1.234),
        ("0.123", {"count": True}, 0.123),  # a leading 0 group is never thousands
        ("12,34,567", {}, 1_234_567.0),  # Indian grouping
        ("1'234'567", {}, 1_234_567.0),  # Swiss grouping
        ("\u22125", {}, -5.0),  # Unicode minus
        ("5bn", {}, 5e9),
    ],
)
def test_parse_number(text, kwargs, expected):
    assert parse_number(text, **kwargs) == pytest.approx(expected)


@pytest.mark.parametrize("text", ["abc", "1..2", "1,2,3", "12 34", "1.2.3k", "k", "1,23,4", "--5"])
def test_parse_number_rejects(text):
    with pytest.raises(ValueError, match="cannot read"):
        parse_number(text)


SUFFIXES = [("k", 10**3), ("K", 10**3), ("m", 10**6), ("M", 10**6), ("b", 10**9), ("B", 10**9)]


@given(n=st.integers(0, 10**13), suffix=st.sampled_from(SUFFIXES), digits=st.integers(0, 3))
def test_suffix_formatting_round_trips_within_the_suffix_precision(n, suffix, digits):
    letter, unit = suffix
    text = f"{n / unit:.{digits}f}{letter}"
    # rounding to `digits` decimals of the unit loses at most half a step: 0.5 * unit * 10**-digits
    assert abs(parse_number(text) - n) <= 0.5 * unit * 10**-digits + 1e-9 * max(n, 1), text


@given(
    n=st.integers(0, 10**15),
    sep=st.sampled_from([",", ".", " ", "\u00a0", "\u202f", "'"]),
    sign=st.sampled_from(["", "+"]),
)
def test_thousands_separators_round_trip_exactly(n, sep, sign):
    text = sign + f"{n:,}".replace(",", sep)
    assert parse_number(text, count=True) == n, text
    if sep != ".":
        assert parse_number(text) == n, text
    else:
        assert parse_number(text, decimal=",") == n, text


STYLES = ["plain", "comma", "dot", "space", "k", "m"]


def _format(n: int, style: str) -> str:
    return {
        "plain": str(n),
        "comma": f"{n:,}",
        "dot": f"{n:,}".replace(",", "."),
        "space": f"{n:,}".replace(",", "\u00a0"),
        "k": f"{n / 1e3:.1f}k",
        "m": f"{n / 1e6:.2f}M",
    }[style]


@settings(max_examples=60, deadline=None)
@given(
    # follower counts up to the world's population (more is refused: see the plausibility tests)
    cells=st.lists(st.tuples(st.integers(0, 8 * 10**9), st.sampled_from(STYLES)), min_size=1, max_size=12),
    delimiter=st.sampled_from([",", ";", "\t"]),
)
def test_a_whole_file_of_mixed_formats_round_trips(cells, delimiter):
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\n")
    writer.writerow(["handle", "followers"])
    writer.writerows([f"fictional_{i}", _format(n, style)] for i, (n, style) in enumerate(cells))
    df = read(out.getvalue())
    assert report_of(df).delimiter == delimiter
    for (n, style), got in zip(cells, df["followers"], strict=True):
        tolerance = {"k": 50, "m": 5_000}.get(style, 0) + 1  # half a step of the format, plus rounding
        assert abs(int(got) - n) <= tolerance, (n, style, got)


def test_zip_fixture_really_holds_a_csv():
    with zipfile.ZipFile(FIXTURES / "kaggle_download.zip") as z:
        assert z.namelist() == ["top_creators.csv"]
        df = read(z.read("top_creators.csv"))
    assert df.loc[0, "followers"] == 475_800_000


def test_docstring_examples_run():
    result = doctest.testmod(exports, optionflags=doctest.ELLIPSIS)
    assert result.attempted >= 4 and result.failed == 0


def test_public_api_is_exported():
    assert set(exports.__all__) >= {
        "read_influencer_export",
        "describe_report",
        "parse_number",
        "ExportFormatError",
        "ExportReport",
    }
    assert issubclass(ExportFormatError, ValueError)
    assert np.dtype("float64") == read("handle,followers,avg_likes\nx,1,2\n")["avg_likes"].dtype


# =====================================================================================================
# Plausible numbers (issue 15, item 5): what cannot be true is refused or flagged, with the fix
# =====================================================================================================
def test_likes_above_followers_are_flagged_and_the_impossible_rate_is_not_kept():
    df = read("handle,followers,avg_likes\nalice,1,234\nbob,5000,100\n")
    report = report_of(df)
    assert math.isnan(df.loc[0, "engagement_rate_pct"]), "23,400 % cannot be an engagement rate"
    assert df.loc[1, "engagement_rate_pct"] == pytest.approx(2.0)
    [warning] = report.warnings
    assert (
        "avg_likes is above followers in 1 row (line 2; e.g. 'alice': 234 likes per post, 1 follower)"
        in warning
    )
    assert "thousands separator" in warning and "Check those lines" in warning
    assert describe_report(df).index("Check these first") < describe_report(df).index("Numbers read")


def test_an_engagement_rate_above_100_percent_is_refused():
    df = read("handle,followers,engagement_rate\na,1000,3.5%\nb,2000,140%\n")
    assert df["engagement_rate_pct"].tolist()[0] == 3.5 and math.isnan(df.loc[1, "engagement_rate_pct"])
    [problem] = report_of(df).problems_for("engagement_rate_pct")
    assert (
        problem.reason.startswith("above 100 %") and problem.examples == ("140%",) and problem.lines == (3,)
    )


def test_percent_and_fraction_cells_in_one_column_are_not_mixed_silently():
    df = read("handle,followers,engagement_rate\na,1000,3.2%\nb,2000,0.032\nc,3000,2.5%\n")
    assert df.loc[0, "engagement_rate_pct"] == 3.2 and df.loc[2, "engagement_rate_pct"] == 2.5
    assert math.isnan(df.loc[1, "engagement_rate_pct"]), "0.032 is neither 0.032 % nor silently 3.2 %"
    [problem] = report_of(df).problems_for("engagement_rate_pct")
    assert "mixes two scales" in problem.reason and "all with %" in problem.reason
    assert problem.examples == ("0.032",) and problem.lines == (3,)


def test_percent_cells_next_to_unsigned_percents_of_the_same_scale_are_fine():
    df = read("handle,followers,engagement_rate\na,1000,3.2%\nb,2000,2.9\nc,3000,0.9%\n")
    assert df["engagement_rate_pct"].tolist() == [3.2, 2.9, 0.9]
    assert report_of(df).cell_problems == [] and report_of(df).warnings == []


def test_a_header_unit_and_a_cell_unit_do_not_multiply_twice():
    df = read("handle,Followers (K)\na,1.2M\nb,350\n")
    assert df["followers"].isna().tolist() == [True, False] and df.loc[1, "followers"] == 350_000
    [problem] = report_of(df).problems_for("followers")
    assert (
        "the unit would count twice" in problem.reason and "remove the unit from the header" in problem.reason
    )
    assert problem.examples == ("1.2M",)


def test_followers_above_the_worlds_population_are_refused_with_the_header_unit_named():
    df = read('handle,Followers (M)\na,"1,234,567"\nb,2.5\n')
    assert pd.isna(df.loc[0, "followers"]) and df.loc[1, "followers"] == 2_500_000
    [problem] = report_of(df).problems_for("followers")
    assert "more than the world's population (8.1 billion people)" in problem.reason
    assert "header's unit (1,000,000)" in problem.reason and "remove the unit" in problem.reason
    plain = read("handle,followers\na,9000000000\nb,12\n")
    [problem] = report_of(plain).problems_for("followers")
    assert problem.reason.startswith("more than the world's population") and "typing error" in problem.reason


def test_fractions_with_one_percent_outlier_are_flagged_as_two_scales():
    df = read("handle,followers,engagement_rate\na,1000,0.02\nb,2000,0.03\nc,3000,1.5\nd,100,0.025\n")
    [warning] = report_of(df).warnings
    assert "engagement_rate_pct seems to mix two scales: 3 values are at most 1" in warning
    assert "1 is above 1" in warning and "Write every value the same way" in warning
    assert "Check these first" in describe_report(df)


def test_an_ordinary_percent_column_with_values_below_1_is_not_flagged():
    df = read("handle,followers,engagement_rate\na,1000,0.5\nb,2000,0.8\nc,3000,1.2\nd,100,3.4\n")
    assert report_of(df).warnings == []
    assert df["engagement_rate_pct"].tolist() == [0.5, 0.8, 1.2, 3.4]


def test_an_unclosed_quote_at_the_end_of_the_file_is_named_and_its_row_dropped():
    df = read('handle,followers\na,100\nb,200\n"c,300\n')
    assert df["handle"].tolist() == ["a", "b"]
    [(reason, lines)] = report_of(df).dropped.items()
    assert lines == [4] and 'a double quote (") opened on line 4 is never closed' in reason


def test_a_closed_quote_spanning_lines_is_not_called_unclosed():
    df = read('handle,followers,bio\na,100,"two\nlines"\nb,200,x\n')
    assert df["handle"].tolist() == ["a", "b"] and report_of(df).dropped == {}


@pytest.mark.parametrize("quoted", [False, True], ids=["plain", "quoted-and-closed"])
def test_a_field_over_the_csv_limit_is_named_as_such(quoted):
    big = "x" * (csv.field_size_limit() + 10)
    value = f'"{big}"' if quoted else big
    error = fails(f"handle,followers,bio\na,100,{value}\nb,200,hi\n", "field_too_long")
    assert f"a value on line 2 is longer than {csv.field_size_limit():,} characters" in str(error)
    assert "Remove that column" in str(error)


def test_binary_content_without_nul_bytes_is_not_a_text_file():
    rng = np.random.default_rng(15)
    content = bytes(rng.integers(1, 256, size=3000, dtype=np.uint8))
    assert b"\x00" not in content
    error = fails(content, "binary")
    assert "this is not a text file" in str(error) and "control codes" in str(error)


def test_a_file_without_read_permission_gets_a_clear_message(tmp_path, monkeypatch):
    path = tmp_path / "locked.csv"
    path.write_text("handle,followers\na,1\n", encoding="utf-8")
    real_open = builtins.open

    def denied(file, *args, **kwargs):  # chmod does not stop root: simulate the refusal
        if str(file) == str(path):
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", denied)
    with pytest.raises(
        PermissionError, match=r"locked\.csv: you have no permission to read this file"
    ) as err:
        read_influencer_export(path)
    assert "Copy it somewhere you can read" in str(err.value)


@pytest.mark.parametrize("footer", ["Total: 2 creators", "Total: 2 creators,"])
def test_a_total_footer_in_a_two_column_file_is_not_a_creator(footer):
    df = read(f"handle,followers\na,100\nb,200\n{footer}\n")
    assert df["handle"].tolist() == ["a", "b"]
    assert [line for lines in report_of(df).dropped.values() for line in lines] == [4]


def test_a_lone_handle_in_a_two_column_file_is_still_a_creator():
    df = read("handle,followers\na,100\nbob_smith\n")
    assert df["handle"].tolist() == ["a", "bob_smith"] and pd.isna(df.loc[1, "followers"])


# =====================================================================================================
# Large files (issue 15, item 7): the column-wise path gives exactly what the csv-module path gives
# =====================================================================================================
def _both_paths(content: str, monkeypatch, **kwargs) -> tuple[pd.DataFrame, pd.DataFrame, int]:
    """Read ``content`` by the csv-module path and by the column-wise path (a 35-line prefix makes it
    "large"); returns both frames and how many times the column-wise path ran."""
    slow = read(content, **kwargs)
    runs = []
    real = exports._fast_table

    def counted(*args, **kw):
        runs.append(1)
        return real(*args, **kw)

    with monkeypatch.context() as m:
        m.setattr(exports, "_PREFIX_LINES", 35)
        m.setattr(exports, "_fast_table", counted)
        fast = read(content, **kwargs)
    return slow, fast, len(runs)


def _same(slow: pd.DataFrame, fast: pd.DataFrame) -> None:
    pd.testing.assert_frame_equal(slow, fast)
    assert report_of(slow).to_dict() == report_of(fast).to_dict()


CELLS = st.one_of(
    st.integers(0, 10**12).map(str),
    st.decimals(0, 10**6, places=3, allow_nan=False).map(str),
    st.sampled_from(
        ["", " ", "1,234", "1.234", "12.5k", "3%", "-4", "+7", "n/a", "1e3", "abc", "0.0", "007"]
    ),
    st.sampled_from(["Total: 3 creators", "handle", "Handle", "x y", " pad ", "café", "1.234.567"]),
)


@settings(max_examples=25, deadline=None)
@given(
    rows=st.lists(st.lists(CELLS, max_size=5), min_size=40, max_size=60),
    delimiter=st.sampled_from([",", ";", "\t"]),
    crlf=st.booleans(),
)
def test_large_quote_free_files_read_the_same_column_wise(rows, delimiter, crlf, monkeypatch_module):
    header = delimiter.join(["handle", "followers", "avg_likes", "engagement_rate", "country", "notes"])
    end = "\r\n" if crlf else "\n"
    lines = [  # one line in ten blank; every other one a creator with 0-5 more cells, some odd
        "" if i % 10 == 9 else delimiter.join([f"c{i}", *(c for c in cells if delimiter not in c)])
        for i, cells in enumerate(rows)
    ]
    content = header + end + end.join(lines) + end
    try:
        read(content)
    except ExportFormatError as error:
        with monkeypatch_module.context() as m:
            m.setattr(exports, "_PREFIX_LINES", 35)
            with pytest.raises(ExportFormatError) as again:
                read(content)
        assert str(again.value) == str(error)
        return
    slow, fast, runs = _both_paths(content, monkeypatch_module)
    assert runs == 1, "the column-wise path did not run"
    _same(slow, fast)


#: Cells without any space (then pandas is not asked to skip spaces) and mostly plain numbers, so that
#: pandas reads whole columns as numbers: header repeats, notes and short lines among them.
PLAIN_CELLS = st.one_of(
    st.integers(0, 10**9).map(str),
    st.decimals(0, 10**4, places=2, allow_nan=False).map(str),
    st.sampled_from(["", "n/a", "1e3", "abc", "Total:3", "handle", "followers", "12.5k", "1234567890123456"]),
)


@settings(max_examples=25, deadline=None)
@given(
    rows=st.lists(
        st.one_of(
            st.lists(st.integers(0, 10**7).map(str), min_size=3, max_size=3),  # a creator's numbers
            st.lists(PLAIN_CELLS, max_size=4),
            st.just(["handle", "followers", "avg_likes", "avg_comments"]),  # the header again
        ),
        min_size=40,
        max_size=60,
    )
)
def test_large_files_without_spaces_read_the_same_column_wise(rows, monkeypatch_module):
    lines = [
        ",".join([f"c{i}", *cells]) if cells[:1] != ["handle"] else ",".join(cells)
        for i, cells in enumerate(rows)
    ]
    content = "handle,followers,avg_likes,avg_comments\n" + "\n".join(lines) + "\n"
    try:
        read(content)
    except ExportFormatError:
        return  # the refusal is the same on both paths: the test above checks that
    slow, fast, runs = _both_paths(content, monkeypatch_module)
    assert runs == 1, "the column-wise path did not run"
    _same(slow, fast)


def test_a_large_file_of_plain_numbers_drops_its_repeated_header_and_footer(monkeypatch):
    rows = "".join(f"c{i},{1000 + i},{i}\n" for i in range(50))
    content = "handle,followers,avg_likes\n" + rows + "handle,followers,avg_likes\n" + rows + "Total:100\n"
    slow, fast, runs = _both_paths(content, monkeypatch)
    assert runs == 1
    _same(slow, fast)
    assert len(fast) == 100 and fast["followers"].dtype == "Int64"
    assert sorted(report_of(fast).dropped) == [
        "a single value on a short line (a note, title or footer?)",
        "repeated header line",
    ]


@pytest.fixture(scope="module")
def monkeypatch_module():
    with pytest.MonkeyPatch.context() as m:
        yield m


def test_a_large_file_with_quotes_below_the_header_uses_the_csv_module(monkeypatch):
    rows = "".join(f'c{i},"{i},000",{i}\n' for i in range(60))
    slow, fast, runs = _both_paths("handle,followers,avg_likes\n" + rows, monkeypatch)
    assert runs == 0
    _same(slow, fast)
    assert fast.loc[5, "followers"] == 5000


def test_column_wise_reading_reports_drops_notes_and_repeats_like_the_csv_path(monkeypatch):
    lines = [f"title line {i}" for i in range(3)] + ["handle;followers;avg_likes;country"]
    lines += [f"c{i};{1000 + i};{i}.5;FR" for i in range(40)]
    lines += ["c1;2,5k;3;", "handle;followers;avg_likes;country", "lonely", "Total: 40 creators;;;", ";;;"]
    lines += ["x;1;2;3;4;5", "short;12", "dup;5;1;DE", "dup;6;1;DE", "neg;-5;1;FR", "big;9e12;1;FR"]
    slow, fast, runs = _both_paths("\n".join(lines) + "\n", monkeypatch)
    assert runs == 1
    _same(slow, fast)
    report = report_of(fast)
    assert set(report.dropped) >= {"repeated header line", exports._NOTE_REASON}
    assert report.problems_for("followers") and any("more than once" in n for n in report.notes)


@pytest.mark.parametrize(
    ("odd_row", "native"),
    [
        ("", {"followers", "avg_likes", "engagement_rate"}),  # pandas reads every number column
        ("odd,12.5,3,1.5", {"avg_likes", "engagement_rate"}),  # a fraction of a follower: rounded here
        ("odd,-12,3,1.5", {"avg_likes", "engagement_rate"}),  # negative: a problem to report
        ("odd,12,3,140", {"followers", "avg_likes"}),  # above 100 %: refused
        ("odd,9000000000,3,1.5", {"avg_likes", "engagement_rate"}),  # above the world's population
        ("odd,12,n/a,1.5", {"followers", "engagement_rate"}),  # a marker: pandas keeps the texts
        ("odd,1e3,3,1.5", set()),  # an exponent somewhere: no column is left to pandas
        ("odd,+12,3,1.5", set()),  # a plus sign somewhere: likewise
    ],
    ids=["plain", "fraction", "negative", "over-100", "world", "marker", "exponent", "plus"],
)
def test_number_columns_pandas_reads_itself_give_the_same_result(odd_row, native, monkeypatch):
    rng = np.random.default_rng(15)
    rows = [
        f"c{i},{rng.integers(10, 10**8)},{rng.integers(0, 10**5) / 10},{rng.integers(1, 999) / 100}"
        for i in range(60)
    ]
    content = "handle,followers,avg_likes,engagement_rate\n" + "\n".join([*rows, odd_row]).strip() + "\n"
    kept: list[str] = []
    real = exports._native_values

    def recorded(values, kind, scale, limit):
        out = real(values, kind, scale, limit)
        if out is not None:
            kept.append(kind)
        return out

    monkeypatch.setattr(exports, "_native_values", recorded)
    slow, fast, runs = _both_paths(content, monkeypatch)
    assert runs == 1
    _same(slow, fast)
    kinds = {"followers": "count", "avg_likes": "average", "engagement_rate": "percent"}
    assert sorted(kept) == sorted(kinds[c] for c in native)
