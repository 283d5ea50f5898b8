"""The parsed-table cache (issue 15 item 8): a bundled table parsed once is reused by the next session,
and only while the file, the schema, the code and the library versions are unchanged."""

from __future__ import annotations

import os
import pickle
import shutil
from pathlib import Path

import pandas as pd
import pytest

from helpers import data, paths


@pytest.fixture
def tables(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    """(a copy of the bundled tables used as the data folder, an empty cache folder)."""
    folder = tmp_path / "datasets"
    shutil.copytree(paths.bundled_data_dir(), folder, ignore=shutil.ignore_patterns("examples"))
    cache = tmp_path / "cache"
    monkeypatch.setenv(paths.DATA_ENV, str(folder))
    monkeypatch.setenv(data.CACHE_ENV, str(cache))
    data.clear_cache()
    yield folder, cache
    data.clear_cache()


def _fresh_load(name: str) -> pd.DataFrame:
    """A load as a new session does it (the in-process cache forgotten)."""
    data.clear_cache()
    return data.load_table(name)


def _no_parsing(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_args: object, **_kwargs: object) -> pd.DataFrame:
        raise AssertionError("the CSV file was parsed again")

    monkeypatch.setattr(data, "_load_file", refuse)


def test_a_second_session_gets_the_same_table_without_parsing_the_file(tables, monkeypatch):
    _folder, cache = tables
    first = _fresh_load("posts")
    assert [p.name.split("-")[0] for p in cache.glob("*.pickle")] == ["posts"]
    _no_parsing(monkeypatch)
    again = _fresh_load("posts")
    pd.testing.assert_frame_equal(again, first)
    assert list(again.dtypes) == list(first.dtypes)
    again.loc[again.index[0], "likes"] = -1  # callers may modify what they get
    assert _fresh_load("posts").loc[first.index[0], "likes"] == first.loc[first.index[0], "likes"]


def test_a_changed_file_is_parsed_again_and_replaces_the_old_cache(tables, monkeypatch):
    folder, cache = tables
    before = _fresh_load("niches")
    old = set(cache.glob("niches-*.pickle"))
    csv = folder / "niches.csv"
    stat = csv.stat()
    text = csv.read_text(encoding="utf-8")
    header, first_row, *rest = text.splitlines(keepends=True)
    audience = first_row.rstrip("\n").rsplit(",", 1)[1]
    changed = first_row.replace(audience, str(int(audience) + 1)[-len(audience) :], 1)  # same size
    csv.write_text(header + changed + "".join(rest), encoding="utf-8")
    os.utime(csv, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # same time stamp: the bytes decide
    after = _fresh_load("niches")
    assert after["niche_audience"].iloc[0] == before["niche_audience"].iloc[0] + 1
    assert after.iloc[1:].equals(before.iloc[1:])
    new = set(cache.glob("niches-*.pickle"))
    assert len(new) == 1 and new != old, "the stale cache file stays beside the new one"


def test_a_damaged_cache_file_is_ignored(tables):
    _folder, cache = tables
    good = _fresh_load("benchmarks")
    (target,) = cache.glob("benchmarks-*.pickle")
    target.write_bytes(b"not a pickle")
    pd.testing.assert_frame_equal(_fresh_load("benchmarks"), good)
    assert pickle.loads(target.read_bytes()).equals(good), "the damaged file was not rewritten"


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="POSIX permissions")
def test_a_cache_folder_others_can_write_is_never_read(tables):
    _folder, cache = tables
    good = _fresh_load("benchmarks")
    (target,) = cache.glob("benchmarks-*.pickle")
    target.write_bytes(pickle.dumps(good.head(1)))  # what someone else could plant
    cache.chmod(0o777)
    try:
        pd.testing.assert_frame_equal(_fresh_load("benchmarks"), good)
    finally:
        cache.chmod(0o700)


def test_the_cache_can_be_switched_off(tables, monkeypatch):
    _folder, cache = tables
    monkeypatch.setenv(data.CACHE_ENV, "off")
    _fresh_load("benchmarks")
    assert not cache.exists()
