"""A class picture for the trainer: which checks a class passed, and the known mistakes it made.

Learners hand in with ``progress.hand_in("<name>")`` (a small JSON file, and the same as a one-line
code ``ICH1:...``); a copy from ``progress.export()`` works too. The trainer runs, offline::

    python -m helpers.class_report hand_ins/ codes.txt extra_file.json ICH1:eNq... --out report/

Arguments are hand-in files, folders of them (every ``*.json`` and ``*.txt`` inside, sub-folders
too), text files holding codes (one or more per file, e.g. pasted from chat), or codes themselves.
It prints one row per check anyone attempted - learners who attempted it, who passed, the pass
rate, the median attempts, and the most common known mistakes with how many learners made each -
and writes ``class_report.csv`` and a figure ``class_report.png`` into ``--out`` (default
``class_report/``). Files that are not hand-ins, damaged codes, and second hand-ins of the same
learner (same learner id: the newest is kept) are listed as skipped, with the reason; they never
stop the report. Nothing is sent anywhere.

This module sits at the top of the package, like :mod:`helpers.exercises`: it imports exercises
(for titles and mistake labels), progress (the hand-in format) and plots (the house style).
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import io
import json
import os
import re
import statistics
import sys
import tempfile
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from matplotlib.ticker import MaxNLocator

from helpers import plots
from helpers.exercises import all_questions, all_quizzes, known_mistakes
from helpers.progress import CODE_PREFIX, HandIn, ProgressFileError, decode_code, parse_hand_in

__all__ = [
    "CheckRow",
    "Loaded",
    "class_table",
    "collect",
    "format_table",
    "load_sources",
    "main",
    "render_figure",
]

#: Largest file read as a hand-in (bytes): hand-ins are a few kilobytes.
MAX_FILE_BYTES = 2_000_000
#: Known mistakes shown per check in the table.
TOP_MISTAKES = 3
#: File extensions read inside a folder.
FOLDER_SUFFIXES = (".json", ".txt")
_CODE = re.compile(re.escape(CODE_PREFIX) + r"[A-Za-z0-9_-]+=*")


@dataclass
class Loaded:
    """What :func:`load_sources` found: hand-ins kept (source label -> hand-in) and what was skipped
    (source label, reason)."""

    hand_ins: dict[str, HandIn] = field(default_factory=dict)
    skipped: list[tuple[str, str]] = field(default_factory=list)


def _read_text(file: Path) -> str:
    """A file's text; ``ProgressFileError`` saying why when it cannot be a hand-in."""
    try:
        size = file.stat().st_size
        if size > MAX_FILE_BYTES:
            raise ProgressFileError(f"it is {size:,} bytes; a hand-in is a few kilobytes")
        return file.read_bytes().decode("utf-8")
    except UnicodeDecodeError:
        raise ProgressFileError("it is not a text file (a hand-in is JSON or a code)") from None
    except OSError as exc:
        raise ProgressFileError(f"it could not be read ({exc.strerror or exc.__class__.__name__})") from None


def _from_text(text: str, label: str, into: list[tuple[str, HandIn | str]]) -> None:
    """Hand-ins in a text: one JSON hand-in (or progress copy), or any number of codes."""
    if text.lstrip().startswith("{"):
        try:
            into.append((label, parse_hand_in(text)))
        except ProgressFileError as exc:
            into.append((label, str(exc)))
        return
    codes = _CODE.findall(text)
    if not codes:
        into.append((label, f"no hand-in in it (neither JSON nor a code starting {CODE_PREFIX})"))
    for k, code in enumerate(codes, start=1):
        where = f"{label} (code {k})" if len(codes) > 1 else label
        try:
            into.append((where, decode_code(code)))
        except ProgressFileError as exc:
            into.append((where, str(exc)))


def _read_source(source: str, into: list[tuple[str, HandIn | str]]) -> None:
    stripped = source.strip()
    if stripped.startswith(CODE_PREFIX):
        label = f"code {stripped[len(CODE_PREFIX) : len(CODE_PREFIX) + 8]}..."
        try:
            into.append((label, decode_code(stripped)))
        except ProgressFileError as exc:
            into.append((label, str(exc)))
        return
    file = Path(source).expanduser()
    if file.is_dir():
        found = sorted(p for p in file.rglob("*") if p.is_file() and p.suffix.lower() in FOLDER_SUFFIXES)
        if not found:
            into.append((source, f"the folder holds no {' or '.join(FOLDER_SUFFIXES)} files"))
        for item in found:
            _read_file(item, into)
        return
    if not file.exists():
        into.append((source, f"no such file or folder (and not a code: codes start with {CODE_PREFIX})"))
        return
    _read_file(file, into)


def _read_file(file: Path, into: list[tuple[str, HandIn | str]]) -> None:
    try:
        text = _read_text(file)
    except ProgressFileError as exc:
        into.append((str(file), str(exc)))
        return
    _from_text(text, str(file), into)


def _identity(hand_in: HandIn) -> str:
    """Who handed in: the learner id, else a digest of the content (identical copies are one)."""
    if hand_in.learner:
        return f"learner {hand_in.learner}"
    body = json.dumps({k: vars(v) for k, v in sorted(hand_in.checks.items())}, sort_keys=True)
    return "content " + hashlib.sha1(body.encode("utf-8")).hexdigest()[:12]


def _recency(hand_in: HandIn) -> tuple[str, int]:
    attempts = sum(c.attempts or 0 for c in hand_in.checks.values()) + len(hand_in.checks)
    return (hand_in.made or "", attempts)


def load_sources(sources: Iterable[str]) -> Loaded:
    """Read every source (file, folder, text file of codes, or code); never raises for bad input.

    Of several hand-ins of the same learner (same learner id, or identical content when there is
    none) the newest is kept (latest ``made``; then the one with more attempts); the others are
    skipped as duplicates, naming the one kept."""
    found: list[tuple[str, HandIn | str]] = []
    for source in sources:
        _read_source(source, found)
    loaded = Loaded()
    chosen: dict[str, tuple[str, HandIn]] = {}
    order: list[str] = []
    for label, item in found:
        if isinstance(item, str):
            loaded.skipped.append((label, item))
            continue
        key = _identity(item)
        if key not in chosen:
            chosen[key] = (label, item)
            order.append(key)
            continue
        kept_label, kept = chosen[key]
        if _recency(item) > _recency(kept):
            chosen[key] = (label, item)
            loaded.skipped.append((kept_label, f"duplicate: an older hand-in of the same learner as {label}"))
        else:
            loaded.skipped.append((label, f"duplicate: the same learner as {kept_label}, which is kept"))
    loaded.hand_ins = {chosen[key][0]: chosen[key][1] for key in order}
    return loaded


# --------------------------------------------------------------------------------------------------
# The table (pure)
# --------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class CheckRow:
    """One check of the class table."""

    check: str
    title: str
    attempted: int  # learners who answered it at least once (or passed it)
    passed: int  # learners who passed it
    median_attempts: float | None  # per learner who tried it: answers until the first pass (or all)
    mistakes: tuple[tuple[str, str, int], ...]  # (mistake id, label, learners who made it), most first

    @property
    def pass_rate(self) -> float:
        """Passed / attempted, a fraction (0-1); 0 when nobody attempted."""
        return self.passed / self.attempted if self.attempted else 0.0


def _course_order() -> tuple[list[str], dict[str, str]]:
    """Every check id in course order, and a short title for each."""
    order: list[str] = []
    titles: dict[str, str] = {}
    for question in all_questions():
        order.append(question.id)
        titles[question.id] = question.title
    for quiz in all_quizzes():
        for i in range(len(quiz.questions)):
            key = quiz.question_id(i)
            order.append(key)
            titles[key] = f"quiz {i + 1}/{len(quiz.questions)}: {quiz.title}"
    order.sort(key=lambda k: (k[:2], "quiz" in k, _natural(k)))
    return order, titles


def _natural(key: str) -> list[object]:
    return [int(part) if part.isdigit() else part for part in re.split(r"(\d+)", key)]


def class_table(
    hand_ins: Iterable[HandIn],
    order: Sequence[str] = (),
    titles: dict[str, str] | None = None,
    labels: dict[str, dict[str, str]] | None = None,
) -> list[CheckRow]:
    """One row per check that any learner attempted, in ``order`` (course order) and then by id.

    ``labels`` names mistake ids per check (from :func:`helpers.exercises.known_mistakes`); an id the
    course no longer knows is shown as it is. Mistakes are counted once per learner."""
    titles = titles or {}
    labels = labels or {}
    attempted: Counter[str] = Counter()
    passed: Counter[str] = Counter()
    tries: dict[str, list[int]] = {}
    made: dict[str, Counter[str]] = {}
    for hand_in in hand_ins:
        for key, record in hand_in.checks.items():
            if not (record.passed or record.attempts):
                continue
            attempted[key] += 1
            passed[key] += record.passed
            if record.attempts:
                tries.setdefault(key, []).append(record.attempts)
            made.setdefault(key, Counter()).update(m for m, n in record.mistakes.items() if n > 0)
    rank = {key: i for i, key in enumerate(order)}
    rows = []
    for key in sorted(attempted, key=lambda k: (rank.get(k, len(rank)), _natural(k))):
        common = sorted(made.get(key, Counter()).items(), key=lambda item: (-item[1], item[0]))
        rows.append(
            CheckRow(
                check=key,
                title=titles.get(key, "(not in this course version)"),
                attempted=attempted[key],
                passed=passed[key],
                median_attempts=float(statistics.median(tries[key])) if key in tries else None,
                mistakes=tuple((m, labels.get(key, {}).get(m, m), n) for m, n in common),
            )
        )
    return rows


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def _fmt_median(value: float | None) -> str:
    return "-" if value is None else f"{value:g}"


def format_table(rows: Sequence[CheckRow], top: int = TOP_MISTAKES) -> str:
    """The table as plain text (fixed-width columns, readable in a terminal)."""
    header = ("check", "title", "tried", "passed", "rate", "median tries", "most common known mistakes")
    lines = []
    for row in rows:
        mistakes = "; ".join(f"{_cut(label, 44)} ({n})" for _m, label, n in row.mistakes[:top]) or "-"
        lines.append(
            (
                row.check,
                _cut(row.title, 34),
                str(row.attempted),
                str(row.passed),
                f"{row.pass_rate:.0%}",
                _fmt_median(row.median_attempts),
                mistakes,
            )
        )
    widths = [
        max(len(h), *(len(line[i]) for line in lines)) if lines else len(h) for i, h in enumerate(header)
    ]
    right = {2, 3, 4, 5}

    def fmt(cells: Sequence[str]) -> str:
        out = [
            c.rjust(w) if i in right else c.ljust(w)
            for i, (c, w) in enumerate(zip(cells, widths, strict=True))
        ]
        return "  ".join(out).rstrip()

    rule = "  ".join("-" * w for w in widths)
    return "\n".join([fmt(header), rule, *(fmt(line) for line in lines)])


def table_csv(rows: Sequence[CheckRow]) -> str:
    """The table as CSV: one row per check; mistakes as ``label (n)`` joined by ``; ``."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(["check", "title", "attempted", "passed", "pass_rate_pct", "median_attempts", "mistakes"])
    for row in rows:
        writer.writerow(
            [
                row.check,
                _safe_cell(row.title),
                row.attempted,
                row.passed,
                round(100 * row.pass_rate, 1),
                "" if row.median_attempts is None else row.median_attempts,
                _safe_cell("; ".join(f"{label} ({n})" for _m, label, n in row.mistakes)),
            ]
        )
    return buf.getvalue()


def _safe_cell(text: str) -> str:
    """Text for a spreadsheet cell: a leading = + - @ would be read as a formula."""
    return "'" + text if text[:1] in {"=", "+", "-", "@", "\t", "\r"} else text


# --------------------------------------------------------------------------------------------------
# The figure
# --------------------------------------------------------------------------------------------------


def render_figure(rows: Sequence[CheckRow], learners: int) -> bytes:
    """A PNG: per check, learners who passed (solid) and who tried without passing (hatched), in the
    course's house style; the title names the check with the lowest pass rate."""
    shown = list(rows)
    height = 1.8 + 0.38 * max(len(shown), 1)
    fig, ax = plots.new_figure(figsize=(10.0, height))
    if not shown:
        plots.message_axes(ax, "No check was attempted in these hand-ins.")
        return plots.figure_png(fig, dpi=100)
    labels = [f"{row.check} {_cut(row.title, 28)}" for row in shown]
    ys = list(range(len(shown)))[::-1]
    passed = [row.passed for row in shown]
    not_passed = [row.attempted - row.passed for row in shown]
    ax.barh(ys, passed, color=plots.PALETTE[2], label="passed", edgecolor="#333333", linewidth=0.5)
    ax.barh(
        ys,
        not_passed,
        left=passed,
        color=plots.PALETTE[1],
        hatch=plots.HATCHES[1],
        label="tried, not passed yet",
        edgecolor="#333333",
        linewidth=0.5,
    )
    for y, row in zip(ys, shown, strict=True):
        ax.text(
            row.attempted + 0.2,
            y,
            f"{row.passed}/{row.attempted}",
            va="center",
            fontsize=plots.BASE_FONT_PT - 3,
        )
    ax.set_yticks(ys, labels, fontsize=plots.BASE_FONT_PT - 3)
    ax.set_xlabel("learners")
    ax.set_xlim(0, max(row.attempted for row in shown) * 1.15 + 1)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.grid(True, axis="x", color="#DDDDDD", linewidth=0.8)
    ax.grid(False, axis="y")
    ax.set_axisbelow(True)
    ax.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0))
    hardest = min(shown, key=lambda row: (row.pass_rate, -row.attempted))
    plots.set_title(
        ax,
        f"Lowest pass rate: {hardest.check} ({hardest.passed} of {hardest.attempted} passed)",
        f"{learners} learner(s)' hand-ins; each bar counts the learners who tried that check",
    )
    return plots.figure_png(fig, dpi=100)


# --------------------------------------------------------------------------------------------------
# The command
# --------------------------------------------------------------------------------------------------


def collect(sources: Iterable[str]) -> tuple[Loaded, list[CheckRow]]:
    """Read the sources and build the class table (course order, titles and mistake labels)."""
    loaded = load_sources(sources)
    order, titles = _course_order()
    return loaded, class_table(loaded.hand_ins.values(), order, titles, known_mistakes())


def _write(file: Path, data: bytes) -> None:
    """Write atomically (a temporary file in the same folder, then a rename): never a half file."""
    fd, tmp = tempfile.mkstemp(prefix=f"{file.name}.", suffix=".tmp", dir=file.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, file)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def main(argv: Sequence[str] | None = None) -> int:
    """The command line; returns the exit status (0 when at least one hand-in was read)."""
    parser = argparse.ArgumentParser(
        prog="python -m helpers.class_report",
        description=(
            "Class picture from learners' hand-ins (progress.hand_in()): per check, learners who tried "
            "and passed, median attempts, and the most common known mistakes. Offline."
        ),
    )
    parser.add_argument(
        "sources",
        nargs="+",
        metavar="FILE_FOLDER_OR_CODE",
        help="hand-in files, folders, text files of codes, codes",
    )
    parser.add_argument("--out", default="class_report", help="folder for class_report.csv and .png")
    parser.add_argument("--top", type=int, default=TOP_MISTAKES, help="known mistakes shown per check")
    args = parser.parse_args(argv)
    loaded, rows = collect(args.sources)
    learners = len(loaded.hand_ins)
    for label, reason in loaded.skipped:
        print(f"skipped {label}: {reason}", file=sys.stderr)
    if not learners:
        print("No hand-in could be read: nothing to report (see the reasons above).", file=sys.stderr)
        return 1
    named = sum(1 for h in loaded.hand_ins.values() if h.name)
    print(
        f"Class report: {learners} learner(s) ({named} named), {len(loaded.skipped)} source(s) skipped; "
        f"{len(rows)} check(s) attempted."
    )
    print(
        "tried = learners who answered the check; rate = passed / tried; median tries = answers a "
        "learner gave until the first pass (all answers, if not passed yet).\n"
    )
    print(format_table(rows, max(args.top, 0)))
    out = Path(args.out).expanduser()
    try:
        out.mkdir(parents=True, exist_ok=True)
        _write(out / "class_report.csv", table_csv(rows).encode("utf-8"))
        _write(out / "class_report.png", render_figure(rows, learners))
    except OSError as exc:
        print(
            f"\nCould not write the CSV and figure to {out} ({exc.strerror or exc}): pass a writable "
            "folder with --out.",
            file=sys.stderr,
        )
        return 1
    print(f"\nWrote {out / 'class_report.csv'} and {out / 'class_report.png'}.")
    return 0


if __name__ == "__main__":  # pragma: no cover - exercised through a subprocess in the tests
    sys.exit(main())
