"""Writing the learner's files safely: whole files only, never outside the chosen folder, never a
formula in a CSV cell.

* :func:`write_new` creates a file that did not exist, atomically: the bytes go to a temporary file in
  the same folder, which gets its final name only once it is complete. A failed write (disk full, a
  file-size limit, no permission) leaves nothing under the final name and no temporary file.
* :func:`plain_stem` accepts a file name stem only when it is a plain name: no folder part, no
  ``..``, no absolute path, no control characters - so an export stays in the folder it was given.
* :func:`csv_safe` neutralises text cells a spreadsheet would run as a formula (leading ``=``, ``+``,
  ``-``, ``@``, tab or carriage return) by prefixing a single quote (``'``), as OWASP advises for CSV
  exports; text that reads as a plain number (``-3.2``, ``+12``) and numeric columns are left as they are.
* :func:`write_problem` turns an ``OSError`` into one sentence saying what went wrong and how to fix it.
"""

from __future__ import annotations

import errno
import os
import re
import tempfile
from pathlib import Path
from typing import Any

import pandas as pd

__all__ = [
    "FORMULA_PREFIXES",
    "csv_safe",
    "export_problem",
    "neutralise_cell",
    "plain_stem",
    "write_new",
    "write_problem",
]

#: A text cell starting with one of these is read as a formula by common spreadsheet programs.
FORMULA_PREFIXES: tuple[str, ...] = ("=", "+", "-", "@", "\t", "\r")

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?%?")


def plain_stem(stem: str, what: str = "file name") -> str:
    """``stem`` when it is a plain file name (no folder, no ``..``, not absolute, no control characters);
    otherwise a ``ValueError`` saying what is wrong and what to give instead."""
    text = str(stem)
    problem = None
    if not text.strip():
        problem = "it is empty"
    elif "/" in text or "\\" in text or (os.altsep and os.altsep in text) or os.sep in text:
        problem = "it contains a folder separator (/ or \\)"
    elif text in {".", ".."}:
        problem = "it is a folder reference, not a name"
    elif _CONTROL.search(text):
        problem = "it contains control characters"
    elif ":" in text or Path(text).is_absolute() or Path(text).name != text:
        problem = "it is not a plain name (a drive or path)"
    if problem:
        raise ValueError(
            f"The {what} {text!r} cannot be used: {problem}. Give a plain name such as 'my-calendar' "
            "(letters, digits, '-', '_'); choose the folder with the separate folder argument."
        )
    return text


def write_new(path: Path | str, data: bytes) -> Path:
    """Create ``path`` holding ``data``, atomically and without overwriting anything.

    The bytes are written to a temporary file in the same folder and flushed to disk; the file then
    gets its final name with a hard link (which fails if the name exists: ``FileExistsError``), or, on
    a file system without hard links, with :func:`os.replace` after checking the name is free. On any
    error the temporary file is removed and nothing exists under ``path``.
    """
    path = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        try:
            os.link(tmp, path)
        except FileExistsError:
            raise
        except OSError:  # no hard links here (some network or FAT file systems)
            if path.exists():
                raise FileExistsError(errno.EEXIST, "File exists", str(path)) from None
            os.replace(tmp, path)
    finally:
        Path(tmp).unlink(missing_ok=True)
    return path


def write_problem(exc: OSError, folder: Path | str) -> str:
    """One sentence for a failed write into ``folder``: what went wrong and how to fix it."""
    reason = exc.strerror or exc.__class__.__name__
    if isinstance(exc, NotADirectoryError | FileExistsError) and not Path(folder).is_dir():
        fix = "a part of that path is a file, not a folder: choose another folder"
    elif isinstance(exc, PermissionError) or exc.errno in {errno.EACCES, errno.EPERM, errno.EROFS}:
        fix = "you cannot write there: choose a folder you can write to (e.g. in your home folder)"
    elif exc.errno in {errno.ENOSPC, errno.EFBIG, errno.EDQUOT}:
        fix = "the disk (or your quota) is full: free some space, or choose another folder"
    else:
        fix = "choose another folder, or try again"
    return f"Could not write into {folder} ({reason}): {fix}. Nothing was saved there."


def export_problem(exc: Exception, folder: Path | str) -> str:
    """One sentence for a failed export into ``folder`` (for a lab's export status): a write problem
    (:func:`write_problem`), a refused name (the ``ValueError``'s own message), or anything else."""
    if isinstance(exc, OSError):
        return write_problem(exc, folder)
    if isinstance(exc, ValueError):
        return f"Nothing was saved: {exc}"
    return f"Nothing was saved: the export failed ({exc.__class__.__name__}: {exc})."


def neutralise_cell(value: Any) -> Any:
    """``value`` with a single quote in front when it is text a spreadsheet would run as a formula
    (starts with ``=``, ``+``, ``-``, ``@``, tab or CR and is not a plain number); anything else as is."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES) and not _NUMBER.fullmatch(value):
        return "'" + value
    return value


def _csv_cell(value: Any) -> Any:
    """A neutralised cell whose line breaks are ``\\n`` (a bare CR is not quoted by Python's csv writer
    when lines end in ``\\n``, so it would split the row in a reader)."""
    value = neutralise_cell(value)
    return value.replace("\r\n", "\n").replace("\r", "\n") if isinstance(value, str) else value


def csv_safe(table: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``table`` to write as CSV: text cells, text index labels and column names are
    neutralised (:func:`neutralise_cell`) and their line breaks made ``\\n`` (quoted by the writer);
    numeric, date and boolean columns are unchanged."""
    out = table.copy()
    for column in out.columns:
        if out[column].dtype == object or isinstance(out[column].dtype, pd.StringDtype):
            out[column] = out[column].map(_csv_cell, na_action="ignore")
    if out.index.dtype == object and not isinstance(out.index, pd.MultiIndex):
        out.index = out.index.map(_csv_cell).rename(out.index.name)
    if not isinstance(out.columns, pd.MultiIndex):
        out.columns = pd.Index([_csv_cell(c) for c in out.columns], name=out.columns.name)
    return out
