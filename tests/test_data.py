"""helpers.data: typed loaders, caching, foreign keys, and clear errors for malformed files."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from helpers import data, schema
from helpers.data import DataValidationError
from helpers.paths import DATA_ENV, REPO_ROOT

DATASETS = REPO_ROOT / "datasets"


# --- the bundled tables --------------------------------------------------------------------------------
@pytest.mark.parametrize("name", list(schema.TABLES))
def test_each_loader_returns_the_schema_dtypes(name):
    frame = data.LOADERS[name]()
    table = schema.get_table(name)
    assert list(frame.columns) == list(table.column_names)
    for col in table.columns:
        expected = data.pandas_dtype(col)
        assert frame[col.name].dtype == expected, f"{name}.{col.name}: {frame[col.name].dtype} != {expected}"


@pytest.mark.parametrize("name", list(schema.TABLES))
def test_each_loader_returns_rows_sorted_by_a_unique_primary_key(name):
    frame = data.load_table(name)
    key = list(schema.get_table(name).primary_key)
    assert len(frame) > 0
    assert not frame.duplicated(key).any()
    assert frame.equals(frame.sort_values(key, kind="stable").reset_index(drop=True))


def test_category_columns_keep_the_schema_order():
    sender = data.load_outreach()["sender_role"]
    assert list(sender.cat.categories) == list(schema.SENDER_ROLES)
    assert sender.cat.ordered


def test_dates_are_datetimes_and_nullable_whole_numbers_are_Int64():
    posts = data.load_posts()
    assert pd.api.types.is_datetime64_any_dtype(posts["date"])
    assert posts["views"].dtype == "Int64" and posts["views"].isna().any()


def test_foreign_keys_of_the_bundled_tables_resolve():
    tables = data.load_all(check_keys=False)
    data.check_foreign_keys(tables)  # raises DataValidationError otherwise


def test_check_foreign_keys_reports_an_unknown_influencer_id():
    tables = {"influencers": data.load_influencers(), "posts": data.load_posts().head(5)}
    tables["posts"].loc[2, "influencer_id"] = "INF99999"
    with pytest.raises(DataValidationError, match="INF99999") as err:
        data.check_foreign_keys(tables)
    assert "posts.influencer_id" in str(err.value)


def test_default_loads_are_cached_and_return_independent_copies():
    first = data.load_influencers()
    first.loc[0, "followers"] = -1
    second = data.load_influencers()
    assert second.loc[0, "followers"] != -1
    assert second is not data.load_influencers()


def test_cached_load_rereads_a_file_that_changed(tmp_path, monkeypatch):
    monkeypatch.setenv(DATA_ENV, str(tmp_path))
    lines = (DATASETS / "niches.csv").read_text(encoding="utf-8").splitlines(keepends=True)
    (tmp_path / "niches.csv").write_text("".join(lines[:4]), encoding="utf-8")
    assert len(data.load_niches()) == 3
    (tmp_path / "niches.csv").write_text("".join(lines[:6]), encoding="utf-8")
    assert len(data.load_niches()) == 5


def test_a_folder_path_loads_the_table_file_inside_it():
    assert len(data.load_niches(DATASETS)) == len(data.load_niches())


def test_validate_types_an_in_memory_frame_of_text():
    raw = pd.read_csv(DATASETS / "influencers.csv", dtype=str, keep_default_na=False, nrows=20)
    typed = data.validate(raw, "influencers")
    assert typed["followers"].dtype == "int64"
    assert typed["platform"].dtype == data.pandas_dtype(schema.INFLUENCERS.column("platform"))


def test_validate_names_index_labels_for_a_dataframe():
    frame = data.load_influencers().head(10).set_index(pd.RangeIndex(100, 110))
    frame.loc[103, "audience_authenticity"] = 1.7
    with pytest.raises(DataValidationError) as err:
        data.validate(frame, "influencers", source="my frame")
    message = str(err.value)
    assert "my frame" in message and "'audience_authenticity'" in message and "103" in message
    assert err.value.rows == (103,)


def test_validate_does_not_modify_its_input():
    frame = data.load_campaigns().head(10)
    before = frame.copy()
    data.validate(frame, "campaigns")
    pd.testing.assert_frame_equal(frame, before)


def test_extra_columns_are_kept_only_when_allowed(tmp_path):
    path = _sample(tmp_path, "niches", 5)
    lines = path.read_text(encoding="utf-8").splitlines()
    lines = [lines[0] + ",note"] + [line + ",x" for line in lines[1:]]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(DataValidationError, match="unknown column 'note'"):
        data.load_table("niches", path)
    frame = data.load_table("niches", path, allow_extra=True)
    assert list(frame.columns)[-1] == "note"


def test_surrounding_spaces_in_cells_are_ignored(tmp_path):
    path = _sample(tmp_path, "niches", 3)
    text = path.read_text(encoding="utf-8").replace("instagram", " instagram ")
    path.write_text(text, encoding="utf-8")
    assert set(data.load_niches(path)["platform"].astype(str)) <= set(schema.PLATFORMS)


# --- malformed files -------------------------------------------------------------------------------
def _sample(folder: Path, name: str, rows: int = 8) -> Path:
    """The header and the first ``rows`` rows of a bundled table, written to ``folder``."""
    lines = (DATASETS / f"{name}.csv").read_text(encoding="utf-8").splitlines(keepends=True)
    path = folder / f"{name}.csv"
    path.write_text("".join(lines[: rows + 1]), encoding="utf-8")
    return path


def _set_cell(path: Path, line: int, column: str, value: str) -> None:
    """Replace one cell (file line number, header = 1) in a simple CSV sample."""
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    frame.loc[line - 2, column] = value
    frame.to_csv(path, index=False, lineterminator="\n")


def _edit_empty(path: Path) -> None:
    path.write_bytes(b"")


def _edit_header_only(path: Path) -> None:
    path.write_text(path.read_text(encoding="utf-8").splitlines()[0] + "\n", encoding="utf-8")


def _edit_drop_followers(path: Path) -> None:
    pd.read_csv(path, dtype=str, keep_default_na=False).drop(columns="followers").to_csv(path, index=False)


def _edit_rename_followers(path: Path) -> None:
    frame = pd.read_csv(path, dtype=str, keep_default_na=False).rename(columns={"followers": "follower"})
    frame.to_csv(path, index=False)


def _edit_semicolons(path: Path) -> None:
    pd.read_csv(path, dtype=str, keep_default_na=False).to_csv(path, index=False, sep=";")


def _edit_binary(path: Path) -> None:
    path.write_bytes(np.random.default_rng(0).integers(0, 256, 512, dtype=np.uint8).tobytes() + b"\x00")


def _edit_latin1(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    path.write_bytes(text.replace("New York", "Montréal", 1).encode("latin-1"))


def _edit_ragged(path: Path) -> None:
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[3] += ",surplus"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _edit_xlsx(path: Path) -> None:
    path.write_bytes(b"PK\x03\x04" + b"\x14\x00" * 40)


def _cell(line: int, column: str, value: str):
    return lambda path: _set_cell(path, line, column, value)


def _duplicate_key(path: Path) -> None:
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    frame.loc[4, "influencer_id"] = frame.loc[1, "influencer_id"]
    frame.to_csv(path, index=False, lineterminator="\n")


def _reach_above_impressions(path: Path) -> None:
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    frame.loc[2, "reach"] = str(int(frame.loc[2, "impressions"]) + 10)
    frame.to_csv(path, index=False, lineterminator="\n")


#: (case id, table, edit, texts the message must contain)
MALFORMED = [
    ("empty file", "influencers", _edit_empty, ["empty", "make data"]),
    ("header only", "influencers", _edit_header_only, ["no data rows"]),
    (
        "missing column",
        "influencers",
        _edit_drop_followers,
        ["missing column 'followers'", "influencer_id, handle"],
    ),
    ("misspelt column", "influencers", _edit_rename_followers, ["unknown column 'follower'", "did you mean"]),
    (
        "text in a whole-number column",
        "influencers",
        _cell(3, "followers", "abc"),
        ["'followers'", "line 3", "'abc'"],
    ),
    (
        "negative followers",
        "influencers",
        _cell(7, "followers", "-5"),
        ["'followers'", ">= 0", "line 7", "'-5'"],
    ),
    (
        "fraction in a whole-number column",
        "influencers",
        _cell(4, "following", "12.5"),
        ["whole number", "line 4"],
    ),
    (
        "value above the maximum",
        "influencers",
        _cell(5, "audience_authenticity", "1.5"),
        ["from 0 to 1", "line 5"],
    ),
    ("bad date", "posts", _cell(6, "date", "2025-13-45"), ["'date'", "YYYY-MM-DD", "line 6", "'2025-13-45'"]),
    (
        "unknown category",
        "influencers",
        _cell(2, "platform", "myspace"),
        ["'platform'", "'instagram'", "'myspace'"],
    ),
    ("category in the wrong case", "influencers", _cell(2, "platform", "Instagram"), ["case-sensitive"]),
    ("not a boolean", "posts", _cell(8, "sponsored", "maybe"), ["'sponsored'", "True or False", "'maybe'"]),
    ("duplicate primary key", "influencers", _duplicate_key, ["'influencer_id'", "unique", "lines 3, 6"]),
    (
        "empty non-nullable cell",
        "influencers",
        _cell(9, "handle", ""),
        ["'handle'", "must not be empty", "line 9"],
    ),
    (
        "NaN in a non-nullable number",
        "influencers",
        _cell(4, "followers", "NaN"),
        ["'followers'", "line 4", "empty"],
    ),
    ("broken row rule", "posts", _reach_above_impressions, ["'impressions'", "'reach'", "line 4"]),
    ("semicolon delimiter", "influencers", _edit_semicolons, ["semicolons", "comma"]),
    ("binary garbage", "influencers", _edit_binary, ["not a text CSV"]),
    ("not UTF-8", "influencers", _edit_latin1, ["not UTF-8", "CSV UTF-8"]),
    ("ragged row", "influencers", _edit_ragged, ["more fields than the header"]),
    ("Excel workbook", "influencers", _edit_xlsx, ["Excel"]),
]


@pytest.mark.parametrize(
    ("table", "edit", "expected"), [m[1:] for m in MALFORMED], ids=[m[0] for m in MALFORMED]
)
def test_malformed_file_raises_a_clear_error_and_is_left_unchanged(tmp_path, table, edit, expected):
    path = _sample(tmp_path, table)
    edit(path)
    before = path.read_bytes()
    with pytest.raises(DataValidationError) as err:
        data.load_table(table, path)
    message = str(err.value)
    assert str(path) in message, message
    for text in expected:
        assert text in message, f"{text!r} not in: {message}"
    assert path.read_bytes() == before, "a failed load must not modify the file"


def test_errors_are_value_errors_with_the_column_and_rows_as_attributes(tmp_path):
    path = _sample(tmp_path, "influencers")
    _set_cell(path, 3, "followers", "abc")
    _set_cell(path, 7, "followers", "-5")
    with pytest.raises(ValueError) as err:
        data.load_influencers(path)
    assert isinstance(err.value, DataValidationError)
    assert err.value.column == "followers" and err.value.rows == (3, 7)
    assert "lines 3, 7 of the file hold 'abc', '-5'" in str(err.value)
    assert "Fix the values or re-export the file" in str(err.value)


def test_at_most_five_offending_rows_are_quoted(tmp_path):
    path = _sample(tmp_path, "influencers", 12)
    for line in range(2, 10):
        _set_cell(path, line, "followers", "x")
    with pytest.raises(DataValidationError) as err:
        data.load_influencers(path)
    assert "lines 2, 3, 4, 5, 6 (and 3 more)" in str(err.value)
    assert err.value.rows == (2, 3, 4, 5, 6)


def test_every_problem_of_a_file_is_listed(tmp_path):
    path = _sample(tmp_path, "influencers")
    _set_cell(path, 3, "followers", "abc")
    _set_cell(path, 4, "platform", "myspace")
    with pytest.raises(DataValidationError, match="2 problems") as err:
        data.load_influencers(path)
    assert "'followers'" in str(err.value) and "'platform'" in str(err.value)


def test_missing_file_names_the_path_and_make_data(tmp_path):
    path = tmp_path / "nowhere" / "influencers.csv"
    with pytest.raises(DataValidationError) as err:
        data.load_influencers(path)
    assert str(path) in str(err.value) and "make data" in str(err.value)


def test_missing_default_folder_names_make_data(tmp_path, monkeypatch):
    monkeypatch.setenv(DATA_ENV, str(tmp_path))
    with pytest.raises(DataValidationError, match="make data"):
        data.load_posts()


def test_unknown_table_name_lists_the_tables():
    with pytest.raises(KeyError, match="influencers"):
        data.load_table("influencer")
