"""Load and validate the course's tables: one loader per table, typed and checked against the schema.

>>> from helpers import data
>>> influencers = data.load_influencers()          # the bundled datasets/influencers.csv
>>> mine = data.load_influencers("my_export.csv")  # the same format, your own file  # doctest: +SKIP

Every loader returns a DataFrame whose columns have the types of :mod:`helpers.schema`:

======== =====================================================================
schema   pandas dtype
======== =====================================================================
int      ``int64`` (``Int64``, with ``<NA>``, where the column may be empty)
float    ``float64`` (empty = ``NaN``)
str      ``str`` (pandas' string dtype)
bool     ``bool``
date     ``datetime64[us]``
category ``category`` with the schema's values in the schema's order
======== =====================================================================

A file that does not match raises :class:`DataValidationError` (a ``ValueError``): the message names
the file, the column, the first offending lines of the file (line 1 is the header) with their
values, and how to fix it. Files are only ever read, never changed.

Extra columns that the schema does not know are an error by default (a misspelt column name is
the usual cause); pass ``allow_extra=True`` to keep them, after the schema's columns.

Loads from the default folder (:func:`helpers.paths.data_dir`) are cached: repeated calls re-read
a file only when it changed on disk, and every call returns a fresh copy, so callers may modify
what they get.
"""

from __future__ import annotations

import difflib
import functools
import hashlib
import io
import os
import pickle
import stat
import sys
import tempfile
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from . import schema
from .exports import ExportFormatError, describe_report, read_influencer_export
from .paths import data_dir
from .schema import TABLES, Column, Table, get_table
from .text import word_list

__all__ = [
    "DATE_DTYPE",
    "LOADERS",
    "DataValidationError",
    "check_foreign_keys",
    "clear_cache",
    "load_affiliate_sales",
    "load_all",
    "load_benchmarks",
    "load_calendar",
    "load_campaigns",
    "load_follower_growth",
    "load_follower_sample",
    "load_influencers",
    "load_landscape",
    "load_niches",
    "load_outreach",
    "load_posts",
    "load_region_sales",
    "load_table",
    "pandas_dtype",
    "validate",
]

#: dtype of every date column.
DATE_DTYPE = "datetime64[us]"
#: The sentence every data error ends with.
FIX_HINT = "Fix the values or re-export the file; to restore the bundled data run `make data`."
#: Cell texts read as "empty" in non-text columns (text columns: only the empty string).
MISSING_TOKENS = frozenset({"", "NA", "N/A", "NaN", "nan", "null", "NULL", "None"})
#: How many offending rows an error message quotes.
MAX_ROWS_QUOTED = 5

PathLike = str | Path


class DataValidationError(ValueError):
    """A data file or DataFrame does not match the schema.

    Attributes: ``source`` (file path or "DataFrame"), ``column`` (first column with a problem, or
    None), ``rows`` (its first offending rows: file line numbers for files, index labels for frames).
    """

    def __init__(self, message: str, *, source: str = "", column: str | None = None, rows: Sequence = ()):
        super().__init__(message)
        self.source = source
        self.column = column
        self.rows = tuple(rows)


@dataclass(frozen=True)
class _Problem:
    column: str | None
    text: str
    rows: tuple = ()


def pandas_dtype(col: Column) -> str | pd.CategoricalDtype:
    """The pandas dtype a loaded column has (see the module docstring)."""
    if col.dtype == "int":
        return "Int64" if col.nullable else "int64"
    if col.dtype == "float":
        return "float64"
    if col.dtype == "str":
        return "str"
    if col.dtype == "bool":
        return "boolean" if col.nullable else "bool"
    if col.dtype == "date":
        return DATE_DTYPE
    return pd.CategoricalDtype(list(col.categories), ordered=col.ordered)


# --- describing columns and values in messages -------------------------------------------------------
def _num(x: float) -> str:
    return f"{int(x)}" if float(x).is_integer() else f"{x:g}"


def _expectation(col: Column) -> str:
    """What a valid cell of ``col`` looks like, in words."""
    lo, hi = col.minimum, col.maximum
    if col.dtype in ("int", "float"):
        kind = "a whole number" if col.dtype == "int" else "a number"
        if lo is not None and hi is not None:
            return f"{kind} from {_num(lo)} to {_num(hi)}"
        if lo is not None:
            return f"{kind} >= {_num(lo)}"
        if hi is not None:
            return f"{kind} <= {_num(hi)}"
        return kind
    if col.dtype == "bool":
        return "True or False"
    if col.dtype == "date":
        return "a date written YYYY-MM-DD (e.g. 2025-03-31)"
    if col.dtype == "category":
        return "one of " + ", ".join(repr(c) for c in col.categories)
    return "text"


def _quote(value: object) -> str:
    text = "" if value is None or (isinstance(value, float) and np.isnan(value)) else str(value)
    if text == "":
        return "an empty cell"
    return repr(text if len(text) <= 40 else text[:37] + "...")


def _rows_phrase(labels: Sequence, is_file: bool) -> str:
    shown = ", ".join(str(x) for x in labels[:MAX_ROWS_QUOTED])
    more = f" (and {len(labels) - MAX_ROWS_QUOTED} more)" if len(labels) > MAX_ROWS_QUOTED else ""
    if is_file:
        return f"{'line' if len(labels) == 1 else 'lines'} {shown}{more} of the file"
    return f"{'row' if len(labels) == 1 else 'rows'} {shown}{more} (index labels)"


def _bad_cells(col: Column, mask: np.ndarray, raw: pd.Series, labels: np.ndarray, is_file: bool) -> _Problem:
    where = np.flatnonzero(mask)
    row_labels = [labels[i] for i in where]
    values = ", ".join(_quote(raw.iloc[i]) for i in where[:MAX_ROWS_QUOTED])
    verb = "holds" if len(where) == 1 else "hold"
    where_text = _rows_phrase(row_labels, is_file)
    text = f"column {col.name!r} must be {_expectation(col)}; {where_text} {verb} {values}"
    if col.dtype == "category":
        allowed = {c.lower(): c for c in col.categories}
        hints = {
            str(raw.iloc[i]).strip(): allowed[str(raw.iloc[i]).strip().lower()]
            for i in where[:MAX_ROWS_QUOTED]
            if str(raw.iloc[i]).strip().lower() in allowed
        }
        if hints:
            text += (
                " (values are case-sensitive: " + ", ".join(f"{k!r} -> {v!r}" for k, v in hints.items()) + ")"
            )
    return _Problem(col.name, text, tuple(row_labels[:MAX_ROWS_QUOTED]))


# --- converting one column ----------------------------------------------------------------------------
def _text(series: pd.Series) -> pd.Series:
    """Cells as strings, NaN where missing."""
    return series.astype("str")


def _strip_failures(text: pd.Series, passes: Callable[[pd.Series], pd.Series]) -> pd.Series:
    """Strip surrounding spaces from the cells that do not pass, keeping the stripped value where it
    then passes. Only failures are stripped, so large clean tables stay fast."""
    failed = text.notna().to_numpy() & ~passes(text).to_numpy(dtype=bool)
    if not failed.any():
        return text
    stripped = text[failed].str.strip()
    fixed = stripped[passes(stripped).to_numpy(dtype=bool)]
    if fixed.empty:
        return text
    text = text.copy()
    text.loc[fixed.index] = fixed
    return text


def _missing_mask(text: pd.Series, col: Column) -> np.ndarray:
    tokens = [""] if col.dtype == "str" else list(MISSING_TOKENS)
    return (text.isna() | text.isin(tokens)).to_numpy()


_BOOL_WORDS = {"true": True, "1": True, "yes": True, "false": False, "0": False, "no": False}
Converted = tuple[pd.Series, np.ndarray, np.ndarray]  # (typed column, missing mask, bad-value mask)


def _to_number(series: pd.Series, col: Column) -> Converted:
    if pd.api.types.is_numeric_dtype(series.dtype) and not pd.api.types.is_bool_dtype(series.dtype):
        values = series.astype("float64").to_numpy()
        missing = np.isnan(values)
    else:
        text = _text(series)
        missing = _missing_mask(text, col)
        values = pd.to_numeric(text.where(~missing), errors="coerce").astype("float64").to_numpy()
    present = ~missing
    with np.errstate(invalid="ignore"):
        bad = present & ~np.isfinite(values)
        if col.dtype == "int":
            bad |= present & np.isfinite(values) & (np.floor(values) != values)
        if col.minimum is not None:
            bad |= present & (values < col.minimum)
        if col.maximum is not None:
            bad |= present & (values > col.maximum)
    values = np.where(bad, np.nan, values)
    if col.dtype == "float":
        out = pd.Series(values, index=series.index, dtype="float64")
    elif col.nullable:
        out = pd.Series(values, index=series.index).astype("Int64")
    else:
        out = pd.Series(np.nan_to_num(values).astype("int64"), index=series.index)
    return out, missing, bad


def _to_bool(series: pd.Series, col: Column) -> Converted:
    if pd.api.types.is_bool_dtype(series.dtype):
        missing = series.isna().to_numpy()
        flags = series.fillna(False).astype(bool).to_numpy()
        bad = np.zeros(len(series), dtype=bool)
    else:
        text = _strip_failures(_text(series), lambda t: t.str.lower().isin(_BOOL_WORDS))
        missing = _missing_mask(text, col)
        mapped = text.str.lower().map(_BOOL_WORDS)
        bad = ~missing & mapped.isna().to_numpy()
        flags = mapped.eq(True).to_numpy()
    if col.nullable:
        out = pd.Series(pd.array(np.where(missing | bad, None, flags), dtype="boolean"), index=series.index)
    else:
        out = pd.Series(flags, index=series.index, dtype="bool")
    return out, missing, bad


def _to_date(series: pd.Series, col: Column) -> Converted:
    if pd.api.types.is_datetime64_any_dtype(series.dtype):
        out = series.astype(DATE_DTYPE)
        return out, out.isna().to_numpy(), np.zeros(len(series), dtype=bool)

    def parse(t: pd.Series) -> pd.Series:
        return pd.to_datetime(t, format="%Y-%m-%d", errors="coerce")

    text = _strip_failures(_text(series), lambda t: parse(t).notna())
    missing = _missing_mask(text, col)
    out = parse(text.where(~missing)).astype(DATE_DTYPE)
    return out, missing, ~missing & out.isna().to_numpy()


def _to_category(series: pd.Series, col: Column) -> Converted:
    dtype = pandas_dtype(col)
    allowed = list(col.categories)
    if isinstance(series.dtype, pd.CategoricalDtype):
        text = series.astype(object).where(series.notna())
    else:
        text = _strip_failures(_text(series), lambda t: t.isin(allowed))
    missing = _missing_mask(text, col)
    bad = ~missing & ~text.isin(allowed).to_numpy()
    out = pd.Series(pd.Categorical(text.where(~bad & ~missing), dtype=dtype), index=series.index)
    return out, missing, bad


def _to_str(series: pd.Series, col: Column) -> Converted:
    text = _text(series)
    missing = _missing_mask(text, col)
    return text.where(~missing), missing, np.zeros(len(series), dtype=bool)


_CONVERTERS: Mapping[str, Callable[[pd.Series, Column], Converted]] = {
    "int": _to_number,
    "float": _to_number,
    "bool": _to_bool,
    "date": _to_date,
    "category": _to_category,
    "str": _to_str,
}


def _convert(
    series: pd.Series, col: Column, labels: np.ndarray, is_file: bool
) -> tuple[pd.Series, list[_Problem]]:
    """Convert one column to its schema dtype; return it and the problems found."""
    out, missing, bad = _CONVERTERS[col.dtype](series, col)
    problems = [_bad_cells(col, bad, series, labels, is_file)] if bad.any() else []
    if not col.nullable and missing.any():
        where = np.flatnonzero(missing)
        row_labels = [labels[i] for i in where]
        verb = "is" if len(where) == 1 else "are"
        problems.append(
            _Problem(
                col.name,
                f"column {col.name!r} must not be empty; {_rows_phrase(row_labels, is_file)} {verb} empty",
                tuple(row_labels[:MAX_ROWS_QUOTED]),
            )
        )
    return out, problems


# --- table-level checks -------------------------------------------------------------------------------
def _duplicates(
    frame: pd.DataFrame, cols: Sequence[str], labels: np.ndarray, is_file: bool
) -> _Problem | None:
    keys = frame[list(cols)]
    dup = keys.duplicated(keep=False).to_numpy() & keys.notna().all(axis=1).to_numpy()
    if not dup.any():
        return None
    where = np.flatnonzero(dup)
    row_labels = [labels[i] for i in where]
    first = keys.iloc[where[0]]
    shown = repr(first.iloc[0]) if len(cols) == 1 else repr(tuple(first))
    name = f"column {cols[0]!r}" if len(cols) == 1 else f"the key ({', '.join(cols)})"
    return _Problem(
        cols[0],
        f"{name} must be unique; {_rows_phrase(row_labels, is_file)} repeat values (first: {shown})",
        tuple(row_labels[:MAX_ROWS_QUOTED]),
    )


def _rule_problem(frame: pd.DataFrame, table: Table, labels: np.ndarray, is_file: bool) -> list[_Problem]:
    problems = []
    for rule in table.rules:
        left, right = frame[rule.left], frame[rule.right]
        if pd.api.types.is_bool_dtype(left.dtype):
            left, right = left.astype("int64"), right.astype("int64")
        both = (left.notna() & right.notna()).to_numpy()
        ok = (left >= right) if rule.op == ">=" else (left <= right)
        bad = both & ~ok.fillna(True).to_numpy(dtype=bool)
        if bad.any():
            where = np.flatnonzero(bad)
            row_labels = [labels[i] for i in where]
            examples = ", ".join(
                f"{rule.left}={_fmt_cell(left.iloc[i])} {rule.right}={_fmt_cell(right.iloc[i])}"
                for i in where[:MAX_ROWS_QUOTED]
            )
            problems.append(
                _Problem(
                    rule.left,
                    f"column {rule.left!r} must be {rule.op} column {rule.right!r} ({rule.reason}); "
                    f"{_rows_phrase(row_labels, is_file)} break it: {examples}",
                    tuple(row_labels[:MAX_ROWS_QUOTED]),
                )
            )
    return problems


def _fmt_cell(value: object) -> str:
    if isinstance(value, pd.Timestamp):
        return value.strftime("%Y-%m-%d")
    return str(value)


def _raise(source: str, problems: Sequence[_Problem]) -> None:
    first = problems[0]
    if len(problems) == 1:
        message = f"{source}: {first.text}. {FIX_HINT}"
    else:
        listed = "\n".join(f"  - {p.text}" for p in problems)
        message = f"{source}: {len(problems)} problems:\n{listed}\n{FIX_HINT}"
    raise DataValidationError(message, source=source, column=first.column, rows=first.rows)


def _check_columns(columns: Sequence[str], table: Table, source: str, allow_extra: bool) -> None:
    expected = table.column_names
    missing = [c for c in expected if c not in columns]
    unknown = [c for c in columns if c not in expected]
    duplicated = sorted({c for c in columns if list(columns).count(c) > 1})
    parts = []
    if missing:
        parts.append(f"missing column{'s' if len(missing) > 1 else ''} {', '.join(map(repr, missing))}")
    if unknown and not allow_extra:
        hints = []
        for u in unknown:
            close = difflib.get_close_matches(str(u), missing or expected, n=1)
            hints.append(f"{u!r}" + (f" (did you mean {close[0]!r}?)" if close else ""))
        parts.append(f"unknown column{'s' if len(unknown) > 1 else ''} {', '.join(hints)}")
    if duplicated:
        parts.append(f"repeated column names {', '.join(map(repr, duplicated))}")
    if parts:
        column = missing[0] if missing else (unknown[0] if unknown else duplicated[0])
        raise DataValidationError(
            f"{source}: {'; '.join(parts)}. The {table.name} table has the columns: {', '.join(expected)}. "
            "Rename or add the columns (extra columns can be kept with allow_extra=True); "
            "to restore the bundled data run `make data`.",
            source=source,
            column=str(column),
        )


def _validate(
    frame: pd.DataFrame, table: Table, source: str, labels: np.ndarray, is_file: bool, allow_extra: bool
) -> pd.DataFrame:
    _check_columns([str(c) for c in frame.columns], table, source, allow_extra)
    if len(frame) == 0:
        raise DataValidationError(
            f"{source}: the {table.name} table has a header but no data rows. {FIX_HINT}", source=source
        )
    converted: dict[str, pd.Series] = {}
    problems: list[_Problem] = []
    for col in table.columns:
        out, found = _convert(frame[col.name], col, labels, is_file)
        converted[col.name] = out
        problems.extend(found)
    result = pd.DataFrame(converted, index=frame.index)
    if not problems:
        key_problem = _duplicates(result, table.primary_key, labels, is_file)
        problems.extend([key_problem] if key_problem else [])
        for col in table.columns:
            if col.unique and (p := _duplicates(result, [col.name], labels, is_file)):
                problems.append(p)
        problems.extend(_rule_problem(result, table, labels, is_file))
    if problems:
        _raise(source, problems)
    extras = [c for c in frame.columns if c not in table.column_names]
    if extras:
        result = pd.concat([result, frame[extras]], axis=1)
    return result


def validate(
    df: pd.DataFrame, table_name: str, source: str = "DataFrame", *, allow_extra: bool = False
) -> pd.DataFrame:
    """Check ``df`` against the schema of ``table_name`` and return a typed copy.

    ``df`` may hold text (as read from a CSV) or already typed columns. Raises
    :class:`DataValidationError` naming ``source``, the column and the first offending rows
    (by index label). The input is not modified.
    """
    table = get_table(table_name)
    return _validate(df, table, source, np.asarray(df.index), is_file=False, allow_extra=allow_extra)


# --- reading files ------------------------------------------------------------------------------------
def _file_error(path: Path, text: str) -> DataValidationError:
    return DataValidationError(f"{path}: {text}", source=str(path))


def _read_text(path: Path, table: Table) -> str:
    if not path.exists():
        raise _file_error(
            path,
            f"file not found. The {table.name} table should be at this path; to (re)create the bundled "
            "datasets run `make data` (or check the path and the INFLUENCER_COURSE_DATA variable).",
        )
    if path.is_dir():
        raise _file_error(path, f"is a folder, not a CSV file; pass the path of {table.file}.")
    raw = path.read_bytes()
    if not raw.strip():
        raise _file_error(path, f"the file is empty. {FIX_HINT}")
    if raw[:4] == b"PK\x03\x04":
        raise _file_error(
            path,
            "this is a zip or Excel workbook, not a CSV text file; save it as 'CSV UTF-8 (comma delimited)'.",
        )
    if (nul := raw.find(b"\x00")) >= 0:
        raise _file_error(
            path,
            f"this is not a text CSV file (it contains binary NUL bytes, first at byte {nul}). {FIX_HINT}",
        )
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise _file_error(
            path,
            f"this is not UTF-8 text: byte 0x{raw[exc.start]:02x} on line {line} cannot be decoded. "
            f"Save the file as 'CSV UTF-8'. {FIX_HINT}",
        ) from None


def _read_options(table: Table) -> dict:
    """``read_csv`` options: text columns stay text; number and flag columns are parsed by the C parser.

    Parsing numbers while reading is what keeps a 40,000-row table fast; a column holding anything
    that is not a number arrives as text and takes the checked, slower path with row-level messages.
    """
    parsed = {c.name for c in table.columns if c.dtype in ("int", "float", "bool")}
    return {
        "dtype": {c.name: str for c in table.columns if c.name not in parsed},
        "keep_default_na": False,
        "na_values": {name: sorted(MISSING_TOKENS) for name in parsed},
    }


def _read_frame(path: Path, table: Table) -> pd.DataFrame:
    text = _read_text(path, table)
    try:
        frame = pd.read_csv(io.StringIO(text), **_read_options(table))
    except pd.errors.EmptyDataError:
        raise _file_error(path, f"the file has no header line. {FIX_HINT}") from None
    except pd.errors.ParserError as exc:
        raise _file_error(
            path,
            f"the file is not a well-formed CSV ({str(exc).strip()}); a line has more fields than the "
            f"header: often a stray comma or an unquoted comma inside a value. {FIX_HINT}",
        ) from None
    frame.columns = [str(c).strip() for c in frame.columns]
    if len(frame.columns) == 1 and len(table.columns) > 1:
        header = frame.columns[0]
        for sep, name in ((";", "semicolons"), ("\t", "tabs"), ("|", "vertical bars")):
            if sep in header:
                raise DataValidationError(
                    f"{path}: the columns are separated by {name}, not commas (header {header[:60]!r}). "
                    "Save the file as comma-separated CSV. The expected columns are: "
                    f"{', '.join(table.column_names)}.",
                    source=str(path),
                )
    return frame


def _load_file(path: Path, table: Table, allow_extra: bool) -> pd.DataFrame:
    frame = _read_frame(path, table)
    labels = np.arange(2, len(frame) + 2)  # line 1 is the header
    return _validate(frame, table, str(path), labels, is_file=True, allow_extra=allow_extra)


# --- the parsed-table cache on disk ------------------------------------------------------------------
#: Environment variable: the folder of the parsed-table cache, or ``off`` for none.
CACHE_ENV = "INFLUENCER_COURSE_CACHE"


def table_cache_dir() -> Path | None:
    """Folder of the parsed-table cache: ``$INFLUENCER_COURSE_CACHE``, else
    ``$XDG_CACHE_HOME/influencer-course/tables`` (``~/.cache/...``); None when set to ``off``."""
    override = os.environ.get(CACHE_ENV, "").strip()
    if override.lower() in ("off", "0", "no", "false"):
        return None
    if override:
        return Path(override).expanduser()
    base = os.environ.get("XDG_CACHE_HOME", "").strip() or Path.home() / ".cache"
    return Path(base) / "influencer-course" / "tables"


def _cache_key(raw: bytes, table: Table) -> str:
    """Hex digest of everything the parsed table depends on: the file's bytes, the table's schema, the
    code that parses and checks it (this module and :mod:`helpers.schema`) and the versions of Python,
    pandas and NumPy (their pickles are not portable across versions)."""
    digest = hashlib.sha256()
    for part in (
        raw,
        repr(table).encode(),
        Path(__file__).read_bytes(),
        Path(schema.__file__).read_bytes(),
        f"{sys.version}|{pd.__version__}|{np.__version__}|{pickle.HIGHEST_PROTOCOL}".encode(),
    ):
        digest.update(hashlib.sha256(part).digest())
    return digest.hexdigest()[:32]


def _private_folder(folder: Path) -> bool:
    """True when ``folder`` is ours alone (owned by this user, writable by no one else): a pickle is
    only ever read from such a folder."""
    try:
        info = folder.stat()
    except OSError:
        return False
    getuid = getattr(os, "getuid", None)
    return (getuid is None or info.st_uid == getuid()) and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def _load_via_cache(path: Path, table: Table) -> pd.DataFrame:
    """Load a bundled table, reusing the parsed and checked copy from a previous session when the file,
    the schema, this code and the library versions are all unchanged (:func:`_cache_key`).

    Derived data only: the CSV file stays the source; a missing, unreadable or foreign cache is
    ignored and the file is parsed as usual; a cache that cannot be written is not an error.
    """
    folder = table_cache_dir()
    if folder is None or not path.is_file():
        return _load_file(path, table, allow_extra=False)
    raw = path.read_bytes()
    target = folder / f"{table.name}-{_cache_key(raw, table)}.pickle"
    if target.is_file() and _private_folder(folder):
        try:
            with target.open("rb") as handle:
                frame = pickle.load(handle)
            if isinstance(frame, pd.DataFrame):
                return frame
        except Exception:  # a truncated or stale file: parse the CSV instead
            pass
    frame = _load_file(path, table, allow_extra=False)
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        if _private_folder(folder):
            with tempfile.NamedTemporaryFile(dir=folder, prefix=f".{table.name}-", delete=False) as handle:
                pickle.dump(frame, handle, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(handle.name, target)
            for old in folder.glob(f"{table.name}-*.pickle"):
                if old != target:
                    old.unlink(missing_ok=True)
    except OSError:
        pass  # a read-only or full disk: no cache, same table
    return frame


#: pandas 3 always copies on write: a shallow copy of a cached table shares its memory until either
#: is modified, and a change to one is never seen in the other. Earlier pandas (2.2) would share
#: changes made in place, so there every load returns a deep copy.
COPY_ON_WRITE = int(pd.__version__.split(".")[0]) >= 3


@functools.lru_cache(maxsize=32)
def _load_cached(name: str, path: str, mtime_ns: int, size: int) -> pd.DataFrame:
    """Cached load of a default-path file; the key includes the file's mtime and size."""
    del mtime_ns, size  # only part of the cache key
    return _load_via_cache(Path(path), get_table(name))


def clear_cache() -> None:
    """Forget every cached table (loads re-read the files)."""
    _load_cached.cache_clear()


def load_table(name: str, path: PathLike | None = None, *, allow_extra: bool = False) -> pd.DataFrame:
    """Load table ``name`` from ``path`` (a CSV file, or a folder holding ``<name>.csv``).

    Without ``path`` the bundled file in :func:`helpers.paths.data_dir` is used (cached; each call
    returns its own copy, which with pandas 3 shares the cached table's memory until either is
    modified: :data:`COPY_ON_WRITE`). Raises :class:`DataValidationError` if the file is missing or
    does not match the schema.
    """
    table = get_table(name)
    if path is None:
        file = data_dir() / table.file
        if allow_extra or not file.is_file():
            return _load_file(file, table, allow_extra)
        stat = file.stat()
        return _load_cached(name, str(file), stat.st_mtime_ns, stat.st_size).copy(deep=not COPY_ON_WRITE)
    file = Path(path).expanduser()
    if file.is_dir():
        file = file / table.file
    return _load_file(file, table, allow_extra)


def load_influencers(path: PathLike | None = None) -> pd.DataFrame:
    """Creators: one row each (see the datasheet, ``datasets/README.md``)."""
    return load_table("influencers", path)


def load_niches(path: PathLike | None = None) -> pd.DataFrame:
    """Niche audience size per niche and platform."""
    return load_table("niches", path)


def load_posts(path: PathLike | None = None) -> pd.DataFrame:
    """Every 2025 post of every creator, organic and sponsored."""
    return load_table("posts", path)


def load_campaigns(path: PathLike | None = None) -> pd.DataFrame:
    """Brand-creator campaigns with costs and outcomes."""
    return load_table("campaigns", path)


def load_outreach(path: PathLike | None = None) -> pd.DataFrame:
    """Brands' first messages to creators and the replies."""
    return load_table("outreach", path)


def load_calendar(path: PathLike | None = None) -> pd.DataFrame:
    """Brands' 2025 launches, PR events, embargoes and trade shows."""
    return load_table("calendar", path)


def load_landscape(path: PathLike | None = None) -> pd.DataFrame:
    """Real published figures (market size, Instagram users, engagement over time), one source per row."""
    return load_table("landscape", path)


def load_benchmarks(path: PathLike | None = None) -> pd.DataFrame:
    """Real published figures the synthetic data is calibrated to."""
    return load_table("benchmarks", path)


def load_follower_growth(path: PathLike | None = None) -> pd.DataFrame:
    """Daily follower counts of the audited creators (synthetic; for the follower audit)."""
    return load_table("follower_growth", path)


def load_follower_sample(path: PathLike | None = None) -> pd.DataFrame:
    """A sample of the audited creators' followers with their account features (synthetic)."""
    return load_table("follower_sample", path)


def load_region_sales(path: PathLike | None = None) -> pd.DataFrame:
    """A creator campaign run as an experiment: weekly orders by region, some regions held out."""
    return load_table("region_sales", path)


def load_affiliate_sales(path: PathLike | None = None) -> pd.DataFrame:
    """One sponsored post per Instagram creator in a retailer's affiliate programme, with its sales."""
    return load_table("affiliate_sales", path)


def check_foreign_keys(tables: Mapping[str, pd.DataFrame]) -> None:
    """Check that every foreign key between the given tables resolves (empty cells are skipped).

    Only keys whose two tables are both in ``tables`` are checked. Raises
    :class:`DataValidationError` listing the first unresolved values.
    """
    problems: list[_Problem] = []
    for name, frame in tables.items():
        for fk in get_table(name).foreign_keys:
            if fk.ref_table not in tables:
                continue
            ref = tables[fk.ref_table]
            here = frame[list(fk.columns)].astype(object)
            present = here.notna().all(axis=1).to_numpy()
            keys = pd.MultiIndex.from_frame(here)
            known = pd.MultiIndex.from_frame(ref[list(fk.ref_columns)].astype(object))
            bad = present & ~keys.isin(known)
            if bad.any():
                where = np.flatnonzero(bad)
                values = ", ".join(repr(keys[i] if len(fk.columns) > 1 else keys[i][0]) for i in where[:5])
                problems.append(
                    _Problem(
                        fk.columns[0],
                        f"{name}.{', '.join(fk.columns)} must exist in "
                        f"{fk.ref_table}.{', '.join(fk.ref_columns)}; "
                        f"{len(where)} row(s) do not, e.g. {values}",
                        tuple(frame.index[where[:5]]),
                    )
                )
    if problems:
        _raise("foreign keys", problems)


def load_all(path: PathLike | None = None, *, check_keys: bool = True) -> dict[str, pd.DataFrame]:
    """Every table from the folder ``path`` (default: the bundled datasets), keyed by table name;
    foreign keys between them are checked unless ``check_keys`` is False."""
    tables = {name: load_table(name, path) for name in TABLES}
    if check_keys:
        check_foreign_keys(tables)
    return tables


#: Loader per table name (for code that iterates over tables).
LOADERS: Mapping[str, Callable[..., pd.DataFrame]] = {
    "influencers": load_influencers,
    "niches": load_niches,
    "posts": load_posts,
    "campaigns": load_campaigns,
    "outreach": load_outreach,
    "calendar": load_calendar,
    "landscape": load_landscape,
    "benchmarks": load_benchmarks,
    "follower_growth": load_follower_growth,
    "follower_sample": load_follower_sample,
    "region_sales": load_region_sales,
    "affiliate_sales": load_affiliate_sales,
}


def real_table_names() -> tuple[str, ...]:
    """The bundled tables that hold real published figures (``synthetic=False`` in the schema).

    The schema's ``synthetic`` flag is the one place that decides which tables are real; every
    sentence the course shows about it is generated from this function (:func:`provenance_sentence`).
    """
    return tuple(name for name, table in TABLES.items() if not table.synthetic)


def _tables_phrase(names: Sequence[str]) -> str:
    return word_list([f"`{n}`" for n in names])


def real_tables_phrase() -> str:
    """The real tables as Markdown, e.g. ``"`landscape` and `benchmarks`"`` (from the schema)."""
    return _tables_phrase(real_table_names())


def provenance_sentence() -> str:
    """One Markdown sentence saying which bundled tables are real and which synthetic, from the schema."""
    real = real_table_names()
    if not real:
        return "Every bundled table is **synthetic**."
    verb = "holds" if len(real) == 1 else "hold"
    return (
        f"Every bundled table is **synthetic** except {_tables_phrase(real)}, which {verb} "
        "**real published figures**, each row with its source."
    )


def table_overview(path: PathLike | None = None) -> pd.DataFrame:
    """One row per bundled table: rows, columns, synthetic or real, and what it holds.

    Used by notebook 00 so learners see, before anything else, which data is synthetic.
    """
    rows = []
    for name, table in TABLES.items():
        frame = load_table(name, path)
        rows.append(
            {
                "table": name,
                "rows": len(frame),
                "columns": frame.shape[1],
                "data": "synthetic" if table.synthetic else "real published figures",
                "what it holds": table.description,
            }
        )
    return pd.DataFrame(rows).set_index("table")


__all__ = [
    "LOADERS",
    "DataValidationError",
    "ExportFormatError",
    "check_foreign_keys",
    "clear_cache",
    "describe_report",
    "load_affiliate_sales",
    "load_all",
    "load_benchmarks",
    "load_calendar",
    "load_campaigns",
    "load_follower_growth",
    "load_follower_sample",
    "load_influencers",
    "load_landscape",
    "load_niches",
    "load_outreach",
    "load_posts",
    "load_region_sales",
    "load_table",
    "provenance_sentence",
    "read_influencer_export",
    "real_table_names",
    "real_tables_phrase",
    "table_overview",
    "validate",
]
