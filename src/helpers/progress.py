"""A self-paced learner's progress: which exercises and quiz questions have passed, and the time left.

Every answered check (``ex.q1.check(...)`` or a quiz's **Check** button) is recorded automatically:
importing :mod:`helpers.exercises` registers :func:`record` as an ``on_check`` listener. A passed id is
recorded once, with the time it *first* passed (ISO 8601, UTC); attempts and known mistakes are
counted until then (see below).

In a notebook::

    from helpers import progress

    progress.overview()      # table per notebook, time left, where the file is, how to reset
    progress.status()        # the same as a pandas DataFrame
    progress.reset()         # start again: deletes the progress file (and nothing else)

**Where the file lives.** ``$COURSE_PROGRESS_FILE`` when that environment variable is set; otherwise
``.course_progress.json`` in the learner's course folder (next to ``notebooks/``; see
:func:`helpers.paths.course_dir`: ``$INFLUENCER_COURSE_HOME``, else the course folder of the notebook
being run), which ``.gitignore`` lists, so it is never committed, goes away with the checkout, and is
one place for every notebook and kernel - however ``helpers`` was installed, never in the install
location. When there is no course folder or it cannot be written (read-only), the file is
``~/influencer-course/.course_progress.json`` (:func:`helpers.paths.learner_dir`, which says so once).
The file is small, local and safe to delete; nothing is ever sent anywhere.

**Binder.** The file lives in the session's container and vanishes when the session ends. Its name
starts with a dot, so JupyterLab's file browser hides it: :func:`export` writes a visible copy into
``output/`` to download, and :func:`restore` merges such a copy back in a later session.

**When things go wrong, a learner's check never fails because of progress tracking:**

- a file that cannot be read or is not a valid progress file is reported once and treated as empty;
  it is left exactly as it is (never overwritten or deleted) and this session's passes are kept in
  memory. :func:`reset` moves such a file aside to ``<name>.corrupt-<UTC time>`` and starts afresh;
- a folder that cannot be written (read-only checkout) is reported once; passes are kept in memory
  until the kernel stops;
- writes are atomic (a temporary file in the same folder, then a rename), so a crash never leaves a
  half-written file;
- two notebooks (kernels, processes) recording at the same moment do not lose each other's passes:
  each write holds a lock on the sidecar file ``<name>.lock`` (``fcntl.flock`` where available, else an
  exclusive-create lock file), re-reads the file, merges and writes. A write that waits more than
  :data:`LOCK_TIMEOUT_S` seconds for the lock keeps its pass in memory, says so once, and writes it
  with the next pass. The lock file is empty, git-ignored and safe to delete when no notebook runs.

**Attempts and known mistakes.** Every answered check (not an untouched starter) also counts one
attempt for its id, and a known mistake or slip it matched (``Result.mistake_id``) is counted under
that mistake's stable id - until the id first passes; checks after that (re-running a solved cell)
change nothing. Nothing else is recorded: no answers, no times per attempt.

**Handing in.** :func:`hand_in` writes a small file for the trainer (``output/hand_in-<name>-<time>.json``:
per check passed yes/no, attempts, known mistakes; an optional name, and a random learner id so that
two hand-ins of the same learner count once) and shows the same as a copyable code (``ICH1:...``) for
learners who cannot upload a file. The trainer runs ``python -m helpers.class_report`` on them.

File format (version 2; version-1 files, without ``learner`` and ``tries``, still load)::

    {"format": "influencer-course-progress", "version": 2, "learner": "3f9c1a7be20d",
     "passed": {"01.q1": "2025-03-01T09:30:12Z", "01.quiz.2": "2025-03-01T09:41:55Z"},
     "tries": {"01.q1": {"attempts": 3, "mistakes": {"fraction-for-percent": 2}},
               "01.quiz.2": {"attempts": 1, "mistakes": {}}}}
"""

from __future__ import annotations

import base64
import errno
import html
import json
import math
import os
import re
import secrets
import sys
import tempfile
import time
import zlib
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Protocol

import pandas as pd

from . import paths
from .course import COURSE, Lesson
from .paths import output_dir
from .safe_files import write_new, write_problem

try:  # POSIX: advisory whole-file locks
    import fcntl as _fcntl
except ImportError:  # pragma: no cover - Windows: the exclusive-create lock file below
    _fcntl = None

__all__ = [
    "CODE_PREFIX",
    "ENV_VAR",
    "FORMAT",
    "HAND_IN_FORMAT",
    "LOCK_TIMEOUT_S",
    "VERSION",
    "CheckRecord",
    "HandIn",
    "HandInNote",
    "Overview",
    "ProgressData",
    "ProgressFileError",
    "decode_code",
    "encode_code",
    "export",
    "format_minutes",
    "hand_in",
    "hand_in_data",
    "lock_path",
    "minutes_left",
    "next_lesson",
    "overview",
    "parse_hand_in",
    "parse_progress",
    "parse_progress_data",
    "passed_ids",
    "path",
    "progress_data",
    "record",
    "record_check",
    "reset",
    "restore",
    "serialise_progress",
    "status",
    "status_table",
    "totals",
]

#: Environment variable naming the progress file (a full file path).
ENV_VAR = "COURSE_PROGRESS_FILE"
#: Default file name in the course folder (listed in ``.gitignore``).
DEFAULT_NAME = ".course_progress.json"
#: The ``format`` marker of a progress file.
FORMAT = "influencer-course-progress"
#: The file format version this module writes.
VERSION = 2
#: The file format versions this module reads (version 1 had passes only).
READS_VERSIONS = (1, 2)
#: The ``format`` marker of a hand-in file (see :func:`hand_in`), and its version.
HAND_IN_FORMAT = "influencer-course-hand-in"
HAND_IN_VERSION = 1
#: What starts a hand-in code: base64url of the zlib-compressed hand-in JSON follows.
CODE_PREFIX = "ICH1:"
#: Longest name a learner may give a hand-in (characters).
MAX_NAME = 60
#: Largest decompressed hand-in a code may hold (bytes): a bigger one is refused, not unpacked.
MAX_HAND_IN_BYTES = 1_000_000
#: Seconds a write waits for another notebook's write to the same file (which takes milliseconds).
LOCK_TIMEOUT_S = 10.0
#: Without ``fcntl``: a lock file older than this many seconds was left by a crashed writer.
STALE_LOCK_S = 5.0

_BINDER_NOTE = (
    "the file lives in the session's container and vanishes when the session ends. "
    "To keep it, run `progress.export()` and download the file it names from the `output/` folder "
    "(right-click > Download); in a new session upload it and run `progress.restore('<file name>')`."
)


class ProgressFileError(ValueError):
    """A progress file's text is not a valid progress file; the message says what is wrong."""


class _HasResult(Protocol):
    question_id: str

    @property
    def ok(self) -> bool: ...


# --------------------------------------------------------------------------------------------------
# Where the file is
# --------------------------------------------------------------------------------------------------


def path() -> Path:
    """The progress file: ``$COURSE_PROGRESS_FILE``, else ``.course_progress.json`` in the learner's
    course folder, or in ``~/influencer-course`` when there is none or it cannot be written
    (:func:`helpers.paths.learner_dir`). The file may not exist yet."""
    override = os.environ.get(ENV_VAR, "").strip()
    if override:
        return Path(override).expanduser().absolute()
    return paths.learner_dir() / DEFAULT_NAME


#: Where the file is, for the overview: the default, and how to see this session's file.
_OVERVIEW_WHERE = (
    f"`{DEFAULT_NAME}` in the course folder, next to `notebooks/` (git-ignored, never committed), unless "
    f"`{ENV_VAR}` names another file; `progress.path()` prints the full path"
)


def _where(file: Path) -> str:
    """Where the file is, in words and without machine-specific folders (stored notebook outputs
    must not contain them): ``progress.path()`` gives the full path."""
    if os.environ.get(ENV_VAR, "").strip():
        return f"`{file.name}`, the file named by the `{ENV_VAR}` environment variable"
    if file.parent == paths.course_dir():
        return f"`{file.name}` in the course folder, next to `notebooks/` (git-ignored, never committed)"
    if file.parent == paths.user_dir():
        return f"`{file.name}` in `~/{paths.USER_DIR_NAME}` (your per-user course folder)"
    return f"`{file.name}` in {file.parent}"


# --------------------------------------------------------------------------------------------------
# The file format (pure)
# --------------------------------------------------------------------------------------------------


def _utc_stamp(moment: datetime) -> str:
    """An aware datetime as ``YYYY-MM-DDTHH:MM:SSZ`` (UTC, whole seconds)."""
    if moment.tzinfo is None:
        raise ValueError("give an aware datetime, e.g. datetime.now(UTC)")
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


@dataclass(frozen=True)
class ProgressData:
    """Everything a progress file holds.

    ``passed``: id -> first-passed UTC time (ISO 8601); ``tries``: id -> ``{"attempts": n, "mistakes":
    {mistake id: count}}`` counted until the id first passed; ``learner``: a random id (hex) or None
    (version-1 files)."""

    passed: dict[str, str]
    tries: dict[str, dict]
    learner: str | None = None


_LEARNER = re.compile(r"^[0-9a-f]{6,32}$")
_EMPTY = ProgressData({}, {}, None)


def _new_learner() -> str:
    """A random learner id: 12 hex digits, not derived from anything about the learner."""
    return secrets.token_hex(6)


def _count(value: object, what: str, minimum: int = 0) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
        raise ProgressFileError(f"{what} is not a whole number >= {minimum} ({value!r})")
    return value


def _parse_tries(tries: object) -> dict[str, dict]:
    """Validate a ``tries`` mapping (see :class:`ProgressData`); a clean copy."""
    if not isinstance(tries, dict):
        raise ProgressFileError('its "tries" entry is not a mapping of id -> attempts')
    clean: dict[str, dict] = {}
    for key, entry in tries.items():
        if not isinstance(entry, dict):
            raise ProgressFileError(f"the attempts for {key!r} are not a mapping")
        mistakes = entry.get("mistakes", {})
        if not isinstance(mistakes, dict):
            raise ProgressFileError(f"the mistakes for {key!r} are not a mapping of id -> count")
        clean[key] = {
            "attempts": _count(entry.get("attempts"), f"the attempts for {key!r}"),
            "mistakes": {
                str(m): _count(n, f"the count of mistake {m!r} in {key!r}", 1) for m, n in mistakes.items()
            },
        }
    return clean


def parse_progress_data(text: str) -> ProgressData:
    """Everything in a progress file's text (version 1 or 2): passes, attempts, learner id.

    Raises :class:`ProgressFileError` saying what is wrong when the text is not a progress file.
    """
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ProgressFileError(f"it is not valid JSON ({exc.msg} at line {exc.lineno})") from None
    except RecursionError:
        raise ProgressFileError("it is not a progress file (its JSON is nested far too deeply)") from None
    except ValueError as exc:  # e.g. an integer with more digits than Python converts
        raise ProgressFileError(f"it is not a progress file ({exc})") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ProgressFileError(f'it is not a course progress file (no "format": "{FORMAT}")')
    version = data.get("version")
    if isinstance(version, bool) or version not in READS_VERSIONS:
        raise ProgressFileError(
            f"it has format version {version!r}; this course reads versions "
            f"{', '.join(map(str, READS_VERSIONS))} (was it written by another version of the course?)"
        )
    passed = data.get("passed")
    if not isinstance(passed, dict):
        raise ProgressFileError('its "passed" entry is not a mapping of id -> time')
    for key, stamp in passed.items():
        if not isinstance(stamp, str):
            raise ProgressFileError(f"the time for {key!r} is not text")
        try:
            datetime.fromisoformat(stamp)
        except ValueError:
            raise ProgressFileError(f"the time for {key!r} ({stamp!r}) is not an ISO 8601 time") from None
    tries = _parse_tries(data.get("tries", {}))
    learner = data.get("learner")
    if learner is not None and not (isinstance(learner, str) and _LEARNER.match(learner)):
        raise ProgressFileError(f"its learner id {learner!r} is not 6-32 hex digits")
    return ProgressData(dict(passed), tries, learner)


def parse_progress(text: str) -> dict[str, str]:
    """The passed ids and their first-passed UTC timestamps from a progress file's text (version 1 or
    2; :func:`parse_progress_data` gives the attempts too).

    Raises :class:`ProgressFileError` saying what is wrong when the text is not a progress file.
    """
    return parse_progress_data(text).passed


def serialise_progress(
    passed: Mapping[str, str], tries: Mapping[str, dict] | None = None, learner: str | None = None
) -> str:
    """The text of a (version 2) progress file for these passes, attempts and learner id (sorted, so
    the file diffs cleanly)."""
    data: dict[str, object] = {"format": FORMAT, "version": VERSION}
    if learner:
        data["learner"] = learner
    data["passed"] = dict(sorted(passed.items()))
    data["tries"] = {
        key: {"attempts": entry["attempts"], "mistakes": dict(sorted(entry["mistakes"].items()))}
        for key, entry in sorted((tries or {}).items())
    }
    return json.dumps(data, indent=1) + "\n"


def _add_tries(*sources: Mapping[str, dict]) -> dict[str, dict]:
    """Attempts and mistake counts added up per id (new attempts onto stored ones)."""
    total: dict[str, dict] = {}
    for source in sources:
        for key, entry in source.items():
            into = total.setdefault(key, {"attempts": 0, "mistakes": {}})
            into["attempts"] += entry["attempts"]
            for mistake, n in entry["mistakes"].items():
                into["mistakes"][mistake] = into["mistakes"].get(mistake, 0) + n
    return total


def _max_tries(*sources: Mapping[str, dict]) -> dict[str, dict]:
    """Attempts and mistake counts per id, the larger of each (restoring a copy twice counts once)."""
    total: dict[str, dict] = {}
    for source in sources:
        for key, entry in source.items():
            into = total.setdefault(key, {"attempts": 0, "mistakes": {}})
            into["attempts"] = max(into["attempts"], entry["attempts"])
            for mistake, n in entry["mistakes"].items():
                into["mistakes"][mistake] = max(into["mistakes"].get(mistake, 0), n)
    return total


def _merge(*sources: Mapping[str, str]) -> dict[str, str]:
    """Union of passed ids, keeping the earliest first-passed time of each."""
    merged: dict[str, str] = {}
    for source in sources:
        for key, stamp in source.items():
            if key not in merged or _sort_key(stamp) < _sort_key(merged[key]):
                merged[key] = stamp
    return merged


def _sort_key(stamp: str) -> datetime:
    moment = datetime.fromisoformat(stamp)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


# --------------------------------------------------------------------------------------------------
# Reading and writing, with the in-memory fallback
# --------------------------------------------------------------------------------------------------

#: Passes kept in memory for files that could not be read or written, by file path.
_memory: dict[Path, dict[str, str]] = {}
#: Attempts not yet written (added to the file's with the next write that succeeds), by file path.
_memory_tries: dict[Path, dict[str, dict]] = {}
#: The learner id of a file that has none yet or cannot be written, by file path.
_learners: dict[Path, str] = {}
#: Files whose folder could not be written in this session (passes go to memory only).
_memory_only: set[Path] = set()
#: Messages already shown in this session.
_reported: set[str] = set()


def _report(message: str) -> None:
    """Tell the learner once per session (stderr: no traceback, nothing that could fail a check)."""
    if message in _reported:
        return
    _reported.add(message)
    print(f"Course progress: {message}", file=sys.stderr)


def _read(file: Path) -> ProgressData | None:
    """What ``file`` holds (nothing when it does not exist), or None when the file is unreadable
    or invalid: that is reported once and the file is left untouched."""
    if file.is_dir():
        _report(
            f"{_where(file)} is a folder, not a file: progress is kept in memory only. Set "
            f"{ENV_VAR} to a file path, e.g. <that folder>/{DEFAULT_NAME}."
        )
        return None
    try:
        text = file.read_text(encoding="utf-8")
    except FileNotFoundError:
        return _EMPTY
    except (OSError, UnicodeDecodeError) as exc:
        problem = f"it could not be read ({exc.__class__.__name__}: {getattr(exc, 'strerror', None) or exc})"
    else:
        try:
            return parse_progress_data(text)
        except ProgressFileError as exc:
            problem = str(exc)
    _report(
        f"the progress file {_where(file)} is unusable: {problem}. It was left as it is; this "
        "session's passes are kept in memory only. Run `progress.reset()` to move it aside (to "
        f"`{file.name}.corrupt-<time>`, nothing is deleted) and start a new file holding this "
        "session's passes."
    )
    return None


def _write_atomic(file: Path, text: str) -> None:
    """Write ``text`` to ``file`` atomically: a temporary file in the same folder, then a rename."""
    fd, tmp = tempfile.mkstemp(prefix=f"{file.name}.", suffix=".tmp", dir=file.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, file)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


class _LockTimeout(TimeoutError):
    """Another process held the progress file's lock for longer than :data:`LOCK_TIMEOUT_S`."""


def lock_path(file: Path) -> Path:
    """The sidecar lock file of a progress file: ``<name>.lock`` in the same folder."""
    return file.with_name(f"{file.name}.lock")


@contextmanager
def _locked(file: Path, timeout: float | None = None) -> Iterator[None]:
    """Hold the progress file's lock (across processes) for a read-merge-write.

    ``fcntl.flock`` on the sidecar :func:`lock_path` where available (released by the system even if
    the process dies); elsewhere the lock is the sidecar's exclusive creation, and a sidecar older
    than :data:`STALE_LOCK_S` seconds (a crashed writer) is removed. Waits at most ``timeout`` seconds
    (default :data:`LOCK_TIMEOUT_S`), then raises :class:`_LockTimeout`. ``OSError`` when the sidecar
    cannot be created (read-only folder)."""
    wait = LOCK_TIMEOUT_S if timeout is None else timeout
    deadline = time.monotonic() + wait
    lock = lock_path(file)
    busy = _LockTimeout(
        f"another notebook kept the progress file locked for more than {wait:g} s ({lock.name})"
    )
    if _fcntl is not None:
        fd = os.open(lock, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            while True:
                try:
                    _fcntl.flock(fd, _fcntl.LOCK_EX | _fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    if time.monotonic() >= deadline:
                        raise busy from None
                    time.sleep(0.005)
            try:
                yield
            finally:
                _fcntl.flock(fd, _fcntl.LOCK_UN)
        finally:
            os.close(fd)
        return
    while True:
        try:
            os.close(os.open(lock, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644))
            break
        except FileExistsError:
            try:
                age = time.time() - lock.stat().st_mtime
            except FileNotFoundError:
                continue  # released meanwhile: try again at once
            if age > STALE_LOCK_S:
                lock.unlink(missing_ok=True)
                continue
            if time.monotonic() >= deadline:
                raise busy from None
            time.sleep(0.005)
    try:
        yield
    finally:
        lock.unlink(missing_ok=True)


def passed_ids() -> dict[str, str]:
    """Every id passed so far (file and in-memory passes) -> first-passed UTC time (ISO 8601)."""
    file = path()
    return _merge((_read(file) or _EMPTY).passed, _memory.get(file, {}))


def progress_data() -> ProgressData:
    """Everything recorded so far (file and in-memory): passes, attempts, the learner id."""
    file = path()
    stored = _read(file) or _EMPTY
    learner = stored.learner or _learners.get(file)
    return ProgressData(
        _merge(stored.passed, _memory.get(file, {})),
        _add_tries(stored.tries, _memory_tries.get(file, {})),
        learner,
    )


#: What :func:`_store` did: written to the file, nothing new, or kept in memory (and why).
_SAVED, _UNCHANGED, _UNUSABLE, _UNWRITABLE, _BUSY = "saved", "unchanged", "unusable", "unwritable", "busy"


def _keep_in_memory(
    file: Path,
    new: Mapping[str, str],
    tries: Mapping[str, dict] | None = None,
    restored: Mapping[str, dict] | None = None,
) -> None:
    """Keep passes and attempts for a later write; attempts of ids already passed are dropped."""
    if tries:
        try:
            known = (_read(file) or _EMPTY).passed if not file.is_dir() else {}
        except OSError:
            known = {}
        fresh = {k: v for k, v in tries.items() if k not in known and k not in _memory.get(file, {})}
        _memory_tries[file] = _add_tries(_memory_tries.get(file, {}), fresh)
    if restored:
        _memory_tries[file] = _max_tries(_memory_tries.get(file, {}), restored)
    _memory[file] = _merge(_memory.get(file, {}), new)
    _learners.setdefault(file, _new_learner())


def _store(
    new: Mapping[str, str],
    tries: Mapping[str, dict] | None = None,
    restored: Mapping[str, dict] | None = None,
) -> str:
    """Add passes and attempts: under the file's lock, re-read the file, merge, write atomically; fall
    back to memory when that fails. ``tries`` are new attempts (added to the stored ones, except for
    ids already passed); ``restored`` are attempts from an exported copy (the larger count of each
    wins). Returns ``SAVED``, ``UNCHANGED`` or why the passes are in memory only (``UNUSABLE`` file,
    ``UNWRITABLE`` folder, ``BUSY`` lock)."""
    file = path()
    if file in _memory_only:
        _keep_in_memory(file, new, tries, restored)
        return _UNWRITABLE
    if file.is_dir():
        _read(file)  # explains, once
        _keep_in_memory(file, new, tries, restored)
        return _UNUSABLE
    try:
        file.parent.mkdir(parents=True, exist_ok=True)
        with _locked(file):
            stored = _read(file)
            if stored is None:
                _keep_in_memory(file, new, tries, restored)
                return _UNUSABLE
            already = set(stored.passed) | set(_memory.get(file, {}))
            fresh = {k: v for k, v in (tries or {}).items() if k not in already}
            merged = _merge(stored.passed, _memory.get(file, {}), new)
            merged_tries = _add_tries(stored.tries, _memory_tries.get(file, {}), fresh)
            if restored:
                merged_tries = _max_tries(merged_tries, restored)
            learner = stored.learner or _learners.get(file) or _new_learner()
            changed = merged != stored.passed or merged_tries != stored.tries or learner != stored.learner
            if changed:
                _write_atomic(file, serialise_progress(merged, merged_tries, learner))
    except _LockTimeout as exc:
        _keep_in_memory(file, new, tries, restored)
        _report(f"{exc}: this pass is kept in memory and saved with your next one.")
        return _BUSY
    except OSError as exc:
        _memory_only.add(file)
        _keep_in_memory(file, new, tries, restored)
        reason = exc.strerror or exc.__class__.__name__
        _report(
            f"cannot write {_where(file)} ({reason}). Your passes are kept in memory until the kernel "
            f"stops. To keep them, set the {ENV_VAR} environment variable to a file in a writable "
            "folder before starting Jupyter."
        )
        return _UNWRITABLE
    _memory.pop(file, None)
    _memory_tries.pop(file, None)
    _learners.pop(file, None)
    return _SAVED if changed else _UNCHANGED


def record_check(key: str, *, passed: bool, mistake: str = "", now: datetime | None = None) -> None:
    """Record one answered check of ``key`` (plain data, no exercise objects): one attempt, the known
    mistake's id when it matched one, and the first-passed UTC time when ``passed``. Attempts after
    the id first passed change nothing; an id already passed keeps its first time. Never raises."""
    try:
        tries = {key: {"attempts": 1, "mistakes": {mistake: 1} if mistake else {}}}
        new = {key: _utc_stamp(now or datetime.now(UTC))} if passed else {}
        _store(new, tries)
    except Exception as exc:  # progress tracking must never break a check
        _report(
            f"could not record a {'passed ' if passed else ''}check ({exc!r}); your answer's feedback "
            "is unaffected."
        )


def record(result: _HasResult, *, now: datetime | None = None) -> None:
    """The ``on_check`` listener: record a result's id, whether it passed (with the current UTC time)
    and the known mistake it matched (``result.mistake_id``); see :func:`record_check`.

    Untouched starters (``result.attempted`` false) are ignored; an id already recorded keeps its
    first time. Never raises: any problem is reported once and the learner's check goes on.
    """
    key = getattr(result, "question_id", None)
    if key is None:
        return
    try:
        ok = bool(getattr(result, "ok", False))
        if not bool(getattr(result, "attempted", ok)):
            return
        mistake = getattr(result, "mistake_id", "") or ""
    except Exception as exc:  # pragma: no cover - a result whose properties fail
        _report(f"could not record a check ({exc!r}); your answer's feedback is unaffected.")
        return
    record_check(str(key), passed=ok, mistake=str(mistake), now=now)


# --------------------------------------------------------------------------------------------------
# Status (pure parts first)
# --------------------------------------------------------------------------------------------------


#: Where :func:`totals` learns which checks exist: a function returning every checkable id of the
#: course (``"01.q3"``, ``"01.quiz.2"``). :mod:`helpers.exercises` registers it when it is imported, as
#: it registers :func:`record`; progress sits below exercises and never imports it.
_CATALOGUE: list[Callable[[], Iterable[str]]] = []


def register_catalogue(source: Callable[[], Iterable[str]]) -> None:
    """Tell progress where the course's checkable ids come from (called by :mod:`helpers.exercises`)."""
    _CATALOGUE[:] = [source]


def group_by_notebook(ids: Iterable[str], course: Iterable[Lesson] = COURSE) -> dict[str, list[str]]:
    """Check ids per notebook number (pure): every lesson of ``course`` gets a list, possibly empty;
    an id belongs to the notebook its first two characters name (``"01.quiz.2"`` -> ``"01"``)."""
    grouped: dict[str, list[str]] = {item.number: [] for item in course}
    for check_id in ids:
        grouped.setdefault(check_id[:2], []).append(check_id)
    return grouped


def totals() -> dict[str, list[str]]:
    """Every checkable id per notebook number: exercise ids (``"01.q3"``) and one id per quiz question
    (``"01.quiz.2"``), from the exercise and quiz definitions (see :func:`register_catalogue`)."""
    if not _CATALOGUE:
        raise RuntimeError(
            "progress does not know the course's exercises yet: run the setup cell of a lesson first "
            "(it imports helpers.exercises), or `import helpers.exercises`, then ask again."
        )
    return group_by_notebook(_CATALOGUE[0]())


def minutes_left(planned: float, passed: int, total: int) -> float:
    """Minutes left for one notebook: its planned minutes times the share of its checks not yet passed.

    ``planned`` in minutes; a notebook without checks counts as not started (all its minutes left).
    Example: 45 planned minutes, 3 of 9 passed -> 30.0 minutes left.
    """
    if planned < 0 or passed < 0 or total < 0 or passed > total:
        raise ValueError(
            f"need 0 <= passed <= total and planned >= 0 minutes; got planned={planned}, "
            f"passed={passed}, total={total}"
        )
    if total == 0:
        return float(planned)
    return planned * (total - passed) / total


def status_table(
    passed: Iterable[str], ids: Mapping[str, Iterable[str]], course: Iterable[Lesson] = COURSE
) -> pd.DataFrame:
    """Progress per notebook (pure): one row per lesson, indexed by its two-digit number.

    Columns: ``title``, ``notebook`` (file name), ``passed`` and ``total`` (checks), ``done``
    (text such as ``"3/9"``), ``planned_minutes``, ``minutes_left`` (see :func:`minutes_left`),
    ``complete`` (every check passed) and ``next`` (True on the first notebook not complete).
    Ids in ``passed`` that no definition knows (an older course version) are ignored.
    """
    passed_set = set(passed)
    rows = []
    for item in course:
        known = list(dict.fromkeys(ids.get(item.number, [])))
        got = sum(1 for key in known if key in passed_set)
        rows.append(
            {
                "number": item.number,
                "title": item.title,
                "notebook": item.notebook,
                "passed": got,
                "total": len(known),
                "done": f"{got}/{len(known)}",
                "planned_minutes": item.minutes,
                "minutes_left": minutes_left(item.minutes, got, len(known)),
                "complete": bool(known) and got == len(known),
            }
        )
    table = pd.DataFrame(rows).set_index("number")
    incomplete = table.index[~table["complete"]]
    table["next"] = table.index == incomplete[0] if len(incomplete) else False
    return table


def status() -> pd.DataFrame:
    """This learner's progress per notebook (see :func:`status_table` for the columns)."""
    return status_table(passed_ids(), totals())


def next_lesson(table: pd.DataFrame | None = None) -> Lesson | None:
    """The first notebook not complete (None when the whole course is done)."""
    table = status() if table is None else table
    chosen = table.index[table["next"]]
    return next((item for item in COURSE if item.number in set(chosen)), None)


def format_minutes(minutes: float) -> str:
    """Minutes as ``"9 h 41 min"``, ``"45 min"`` or ``"10 h"`` (rounded to whole minutes)."""
    if not math.isfinite(minutes) or minutes < 0:
        raise ValueError(f"minutes must be a finite number >= 0, got {minutes!r}")
    whole = round(minutes)
    hours, rest = divmod(whole, 60)
    if hours and rest:
        return f"{hours} h {rest} min"
    return f"{hours} h" if hours else f"{rest} min"


# --------------------------------------------------------------------------------------------------
# The overview for 00_start_here
# --------------------------------------------------------------------------------------------------


def _text_bar(passed: int, total: int, width: int = 10) -> str:
    filled = round(width * passed / total) if total else 0
    return "[" + "#" * filled + "." * (width - filled) + "]"


@dataclass(frozen=True)
class Overview:
    """A progress overview: shows as an HTML table in a notebook, as plain text elsewhere.

    Everything is readable without colour: every bar has its "passed/total" text beside it, and the
    next notebook is marked with the word "next".
    """

    table: pd.DataFrame
    where: str

    @property
    def time_left(self) -> str:
        """Total time left, e.g. ``"9 h 41 min of 13 h 50 min"``."""
        left = format_minutes(float(self.table["minutes_left"].sum()))
        return f"{left} of {format_minutes(float(self.table['planned_minutes'].sum()))}"

    @property
    def summary(self) -> str:
        """One sentence: checks passed and time left."""
        passed, total = int(self.table["passed"].sum()), int(self.table["total"].sum())
        if total and passed == total:
            return f"You have passed all {total} checks of the course. Well done!"
        return f"You have passed {passed} of {total} checks; about {self.time_left} left."

    def _next_text(self) -> str:
        chosen = self.table[self.table["next"]]
        if chosen.empty:
            return "Next: nothing left - revisit any notebook you like."
        row = chosen.iloc[0]
        return f"Next: {chosen.index[0]} {row['title']} ({row['notebook']})."

    def _notes(self) -> list[str]:
        return [
            f"Where: {self.where}. It records which checks you passed, your tries and the known mistakes "
            "you made (not your answers); the file stays on this computer.",
            "Hand in to a trainer: run `progress.hand_in('<your name>')` (the name is optional).",
            "Reset: run `progress.reset()` to start again (it deletes only this file).",
            f"In Binder: {_BINDER_NOTE}",
        ]

    def __repr__(self) -> str:
        lines = [f"Course progress: {self.summary}", ""]
        width = max(len(t) for t in self.table["title"])
        lines.append(f" #  {'notebook':<{width}}  passed            left")
        for number, row in self.table.iterrows():
            mark = "done" if row["complete"] else ("<- next" if row["next"] else "")
            done = f"{_text_bar(row['passed'], row['total'])} {row['done']:>5}"
            left = format_minutes(row["minutes_left"])
            lines.append(f"{number}  {row['title']:<{width}}  {done}  {left:>10}  {mark}".rstrip())
        lines += ["", self._next_text(), *self._notes()]
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        body = []
        for number, row in self.table.iterrows():
            mark = "done" if row["complete"] else ("<strong>next</strong>" if row["next"] else "")
            label = f"{number}: {row['passed']} of {row['total']} checks passed"
            body.append(
                "<tr>"
                f"<td>{number}</td>"
                f"<td><a href='{html.escape(row['notebook'])}'>{html.escape(row['title'])}</a></td>"
                f"<td><progress value='{row['passed']}' max='{max(row['total'], 1)}' "
                f"aria-label='{html.escape(label)}'></progress> {row['done']}</td>"
                f"<td style='text-align:right'>{format_minutes(row['minutes_left'])}</td>"
                f"<td>{mark}</td>"
                "</tr>"
            )
        notes = "".join(f"<li>{_markup(note)}</li>" for note in [self._next_text(), *self._notes()])
        return (
            "<div class='course-progress' style='font-size:1.1em;line-height:1.45'>"
            f"<p><strong>Course progress:</strong> {html.escape(self.summary)}</p>"
            "<table><caption style='text-align:left'>Checks passed and time left, per notebook</caption>"
            "<thead><tr><th scope='col'>#</th><th scope='col'>notebook</th><th scope='col'>passed</th>"
            "<th scope='col'>time left</th><th scope='col'>status</th></tr></thead>"
            f"<tbody>{''.join(body)}</tbody></table>"
            f"<ul>{notes}</ul></div>"
        )


def _markup(text: str) -> str:
    """Escape text and turn `code` spans into <code>."""
    parts = html.escape(text, quote=False).split("`")
    return "".join(f"<code>{p}</code>" if i % 2 else p for i, p in enumerate(parts))


def overview() -> Overview:
    """The progress overview for ``00_start_here``: a table per notebook with a text bar and
    "passed/total", the total time left ("N h M min of 13 h 50 min"), the next notebook, where the file is,
    how to reset, and the Binder note.

    The "where" line is the same in every session (``progress.path()`` prints the actual file), so
    the stored output of ``00_start_here`` reads right for a learner, not for the test run that
    executed it.
    """
    return Overview(status(), _OVERVIEW_WHERE)


# --------------------------------------------------------------------------------------------------
# Reset, export, restore
# --------------------------------------------------------------------------------------------------


def reset() -> str:
    """Start again, without asking: delete the progress file (nothing else) and forget this session's
    in-memory passes. A file that is not a valid progress file is not deleted but moved aside to
    ``<name>.corrupt-<UTC time>``; then the passes this session kept in memory (because of that file)
    go into the new file, so following the "unusable file" advice loses nothing. Returns what was
    done, in one sentence."""
    file = path()
    earned = _memory.pop(file, {})
    earned_tries = _memory_tries.pop(file, {})
    _memory_only.discard(file)
    if file.is_dir():
        _memory[file] = earned
        _memory_tries[file] = earned_tries
        return f"Nothing was deleted: {_where(file)} is a folder; set {ENV_VAR} to a file path."
    try:
        text = file.read_text(encoding="utf-8")
    except FileNotFoundError:
        return f"There was no progress to reset ({_where(file)} does not exist)."
    except (OSError, UnicodeDecodeError):
        text = None
    try:
        if text is not None:
            parse_progress(text)
            file.unlink()
            return f"Progress reset: deleted {_where(file)}."
    except ProgressFileError:
        pass
    except OSError as exc:
        return f"Could not delete {_where(file)} ({exc.strerror}); delete it by hand."
    aside = file.with_name(f"{file.name}.corrupt-{datetime.now(UTC).strftime('%Y%m%dT%H%M%SZ')}")
    try:
        file.rename(aside)
    except OSError as exc:
        _memory[file] = earned
        _memory_tries[file] = earned_tries
        return f"Could not move the unusable {_where(file)} aside ({exc.strerror}); move it by hand."
    done = f"Progress reset: the unusable file was moved aside to `{aside.name}` (delete it when you like)"
    if not earned and not earned_tries:
        return done + "."
    outcome = _store(earned, earned_tries)
    if outcome == _SAVED:
        return done + f"; this session's {len(earned)} passed check(s) are saved in the new file."
    return done + f"; this session's {len(earned)} passed check(s) are still kept in memory only."


def export(folder: Path | str | None = None) -> Path:
    """Write a visible copy of the progress to ``folder`` (default ``output/``, git-ignored) and return
    its path, e.g. ``output/course_progress-20250301T094155Z.json``: download it to keep your progress
    (Binder). Never overwrites: an existing name gets a ``-2``, ``-3`` ... suffix; the copy appears
    only when complete (:func:`helpers.safe_files.write_new`).

    Raises ``OSError`` (e.g. ``PermissionError``) with a message saying what went wrong and how to fix
    it when ``folder`` cannot be written; your progress itself is unchanged."""
    target = output_dir() if folder is None else Path(folder).expanduser()
    stem = f"course_progress-{datetime.now(UTC).strftime('%Y%m%dT%H%M%SZ')}"
    everything = progress_data()
    data = serialise_progress(everything.passed, everything.tries, everything.learner).encode("utf-8")
    try:
        target.mkdir(parents=True, exist_ok=True)
        for n in range(1, 10_000):
            candidate = target / (f"{stem}.json" if n == 1 else f"{stem}-{n}.json")
            try:
                return write_new(candidate, data)
            except FileExistsError:
                continue
        raise FileExistsError(f"no free file name for {stem} in {target}")  # pragma: no cover
    except OSError as exc:
        message = f"{write_problem(exc, target)} Your progress is unchanged; try e.g. progress.export('~')."
        raise _os_error(exc, message) from None


def restore(file: str | Path) -> str:
    """Merge a copy made by :func:`export` into this session's progress (earliest times win).

    Raises :class:`ProgressFileError` (with what is wrong) when ``file`` is not a progress file (not
    text, not JSON, not ours), :class:`FileNotFoundError` naming the file when it does not exist,
    :class:`IsADirectoryError` naming the copies inside when it is a folder, and ``OSError`` saying
    why when it cannot be read. Returns what was done - including when the restored passes could only
    be kept in memory (an unusable progress file or an unwritable folder) and how to keep them.
    """
    source = Path(file).expanduser()
    if source.is_dir():
        copies = sorted(p.name for p in source.glob("course_progress-*.json"))
        hint = (
            f"it holds {', '.join(copies[:3])}{' ...' if len(copies) > 3 else ''}: pass one of them, e.g. "
            f"progress.restore('{source / copies[-1]}')"
            if copies
            else "pass the exported file inside it, e.g. "
            "progress.restore('output/course_progress-20250301T094155Z.json')"
        )
        raise IsADirectoryError(errno.EISDIR, f"{source} is a folder, not a progress file: {hint}")
    if not source.is_file():
        raise FileNotFoundError(
            f"{source} does not exist: upload the exported file first (drag it into the file browser), "
            "then pass its name, e.g. progress.restore('course_progress-20250301T094155Z.json')"
        )
    try:
        copy = parse_progress_data(source.read_text(encoding="utf-8"))
    except ProgressFileError as exc:
        raise ProgressFileError(f"{source.name} cannot be restored: {exc}") from None
    except UnicodeDecodeError:
        raise ProgressFileError(
            f"{source.name} cannot be restored: it is not a text file (a progress copy is UTF-8 JSON). "
            "Pass the .json file that progress.export() wrote, e.g. course_progress-20250301T094155Z.json"
        ) from None
    except OSError as exc:
        raise _os_error(
            exc,
            f"{source.name} could not be read ({exc.strerror or exc.__class__.__name__}): check the file's "
            "permissions, or upload it again",
        ) from None
    incoming = copy.passed
    before = set(passed_ids())
    if copy.learner:  # the same learner: a file without an id yet takes the copy's
        _learners.setdefault(path(), copy.learner)
    outcome = _store(incoming, restored=copy.tries)
    added = len(set(incoming) - before)
    done = f"Restored {added} new passed check(s) from {source.name} ({len(incoming)} in the file)"
    if outcome in {_SAVED, _UNCHANGED}:
        return done + "."
    why = {
        _UNUSABLE: (
            f"the progress file {_where(path())} is unusable (see the message above). Run "
            "`progress.reset()`: it moves that file aside and saves these passes in a new one"
        ),
        _UNWRITABLE: (
            f"{_where(path())} cannot be written. Run `progress.export('<a writable folder>')` to keep a "
            f"copy, or set {ENV_VAR} to a file in a writable folder"
        ),
        _BUSY: "another notebook was writing the progress file; they are saved with your next pass",
    }[outcome]
    return done + f", but they are kept in memory only, for this session: {why}."


# --------------------------------------------------------------------------------------------------
# Handing in: a small file or a copyable code for the trainer's class report
# --------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class CheckRecord:
    """One check in a hand-in: passed or not, attempts (None when unknown: passes from a version-1
    progress file), and the known mistakes hit on the way (stable id -> times)."""

    passed: bool
    attempts: int | None
    mistakes: dict[str, int]


@dataclass(frozen=True)
class HandIn:
    """A learner's hand-in as the trainer reads it: an optional name, a random learner id (None for
    copies without one), when it was made (UTC ISO 8601, None when unknown) and one record per check."""

    name: str | None
    learner: str | None
    made: str | None
    checks: dict[str, CheckRecord]


def _check_name(name: str | None) -> str | None:
    """A hand-in name: None or text of 1-60 printable characters (surrounding spaces dropped)."""
    if name is None:
        return None
    if not isinstance(name, str):
        raise TypeError(
            f"the name must be text in quotes, e.g. hand_in('Ana'); you gave {type(name).__name__}"
        )
    clean = " ".join(name.split())
    if not clean:
        return None
    if len(clean) > MAX_NAME or not clean.isprintable():
        raise ValueError(
            f"the name must be at most {MAX_NAME} printable characters, e.g. hand_in('Ana'); "
            "a first name or initials are enough (or none at all: hand_in())"
        )
    return clean


def hand_in_data(data: ProgressData, name: str | None = None, made: datetime | None = None) -> dict:
    """The hand-in for ``data`` as plain JSON data (pure): per check id passed yes/no, attempts and
    known mistakes; ``name`` (optional), the learner id and the UTC time it was made. No answers, no
    pass times."""
    checks: dict[str, dict] = {}
    for key in sorted(set(data.passed) | set(data.tries)):
        tried = data.tries.get(key)
        checks[key] = {
            "passed": key in data.passed,
            "attempts": tried["attempts"] if tried else None,
            "mistakes": dict(sorted(tried["mistakes"].items())) if tried else {},
        }
    return {
        "format": HAND_IN_FORMAT,
        "version": HAND_IN_VERSION,
        "name": _check_name(name),
        "learner": data.learner,
        "made": _utc_stamp(made or datetime.now(UTC)),
        "checks": checks,
    }


def encode_code(hand_in: Mapping) -> str:
    """A hand-in as one line of text to copy: :data:`CODE_PREFIX` then base64url (no padding) of the
    zlib-compressed compact JSON. A damaged or cut code fails zlib's checksum when read."""
    raw = json.dumps(hand_in, separators=(",", ":"), sort_keys=True).encode("utf-8")
    return CODE_PREFIX + base64.urlsafe_b64encode(zlib.compress(raw, 9)).decode("ascii").rstrip("=")


def decode_code(code: str) -> HandIn:
    """Read a hand-in code made by :func:`encode_code`. Raises :class:`ProgressFileError` saying what
    is wrong (not a code, cut short or mistyped, too large, not a hand-in)."""
    text = "".join(code.split())
    if not text.startswith(CODE_PREFIX):
        raise ProgressFileError(f"it is not a hand-in code (a code starts with {CODE_PREFIX})")
    body = text[len(CODE_PREFIX) :].rstrip("=")  # padding is optional
    if not body or not re.fullmatch(r"[A-Za-z0-9_-]+", body):
        raise ProgressFileError("the code has characters a hand-in code never has: copy it again, whole")
    try:
        packed = base64.urlsafe_b64decode(body + "=" * (-len(body) % 4))
        unpacker = zlib.decompressobj()
        raw = unpacker.decompress(packed, MAX_HAND_IN_BYTES)
        if unpacker.unconsumed_tail:
            raise ProgressFileError(f"the code unpacks to more than {MAX_HAND_IN_BYTES:,} bytes")
        if not unpacker.eof:
            raise zlib.error("incomplete")
    except (ValueError, zlib.error) as exc:
        if isinstance(exc, ProgressFileError):
            raise
        raise ProgressFileError(
            "the code is damaged or cut short: copy it again, whole, on one line"
        ) from None
    try:
        return parse_hand_in(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise ProgressFileError("the code does not hold text: copy it again") from None


def parse_hand_in(text: str) -> HandIn:
    """A hand-in from a file's text: a hand-in file (:func:`hand_in`), or a progress file or copy
    (:func:`export`; no name, made = its latest pass). Raises :class:`ProgressFileError` saying what
    is wrong."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ProgressFileError(f"it is not valid JSON ({exc.msg} at line {exc.lineno})") from None
    except (RecursionError, ValueError):
        raise ProgressFileError("it is not a hand-in (its JSON cannot be read)") from None
    if isinstance(data, dict) and data.get("format") == FORMAT:
        copy = parse_progress_data(text)
        made = max(copy.passed.values(), key=_sort_key) if copy.passed else None
        checks = hand_in_data(copy)["checks"]
        return HandIn(None, copy.learner, made, {k: CheckRecord(**v) for k, v in checks.items()})
    if not isinstance(data, dict) or data.get("format") != HAND_IN_FORMAT:
        raise ProgressFileError(f'it is not a hand-in (no "format": "{HAND_IN_FORMAT}" or "{FORMAT}")')
    if data.get("version") != HAND_IN_VERSION:
        raise ProgressFileError(
            f"it has hand-in version {data.get('version')!r}; this course reads version {HAND_IN_VERSION}"
        )
    try:
        name = _check_name(data.get("name"))
    except (TypeError, ValueError):
        raise ProgressFileError("its name is not 1-60 printable characters") from None
    learner = data.get("learner")
    if learner is not None and not (isinstance(learner, str) and _LEARNER.match(learner)):
        raise ProgressFileError(f"its learner id {learner!r} is not 6-32 hex digits")
    made = data.get("made")
    if made is not None:
        try:
            _sort_key(made)
        except (TypeError, ValueError):
            raise ProgressFileError(f"its time {made!r} is not an ISO 8601 time") from None
    raw_checks = data.get("checks")
    if not isinstance(raw_checks, dict):
        raise ProgressFileError('its "checks" entry is not a mapping of check id -> record')
    checks: dict[str, CheckRecord] = {}
    for key, entry in raw_checks.items():
        if not isinstance(entry, dict) or not isinstance(entry.get("passed"), bool):
            raise ProgressFileError(f"the record of {key!r} has no passed true/false")
        attempts = entry.get("attempts")
        if attempts is not None:
            attempts = _count(attempts, f"the attempts for {key!r}")
        mistakes = _parse_tries({key: {"attempts": 0, "mistakes": entry.get("mistakes", {})}})[key][
            "mistakes"
        ]
        checks[key] = CheckRecord(entry["passed"], attempts, mistakes)
    return HandIn(name, learner, made, checks)


@dataclass(frozen=True)
class HandInNote:
    """What :func:`hand_in` made: the file written and the same hand-in as a code; shows both."""

    file: Path
    code: str
    checks: int

    def _where(self) -> str:
        return f"output/{self.file.name}" if self.file.parent == output_dir(create=False) else str(self.file)

    def __repr__(self) -> str:
        return (
            f"Hand-in ready ({self.checks} checks): {self._where()}\n"
            "Send your trainer that file (right-click > Download in the file browser), or copy this code "
            f"(all of it, one line):\n\n{self.code}\n"
        )

    def _repr_html_(self) -> str:
        return (
            "<div class='course-hand-in' style='font-size:1.1em;line-height:1.45'>"
            f"<p><strong>Hand-in ready</strong> ({self.checks} checks): "
            f"<code>{html.escape(self._where())}</code>. Send your trainer that file (right-click &gt; "
            "Download in the file browser), or copy this code (all of it):</p>"
            "<pre style='white-space:pre-wrap;word-break:break-all;background:#f6f8fa;padding:0.5em' "
            f"aria-label='hand-in code'>{html.escape(self.code)}</pre></div>"
        )


def hand_in(name: str | None = None, folder: Path | str | None = None) -> HandInNote:
    """Make a hand-in for the trainer: a small JSON file in ``folder`` (default ``output/``,
    git-ignored; never overwrites) and the same as a one-line code to copy. It holds, per check,
    passed yes/no, attempts and the known mistakes hit - and ``name`` only if you give one.

    Raises ``ValueError`` for a name that is too long, and ``OSError`` saying what went wrong when
    ``folder`` cannot be written (the code is then still in the message's advice: hand in with
    ``progress.hand_in(folder='~')``). Your progress is unchanged either way."""
    clean = _check_name(name)
    everything = progress_data()
    if everything.learner is None:  # a version-1 file, or nothing recorded yet: give it its id now
        _store({})
        everything = progress_data()
    data = hand_in_data(everything, clean)
    code = encode_code(data)
    target = output_dir() if folder is None else Path(folder).expanduser()
    slug = re.sub(r"[^a-z0-9]+", "-", (clean or "anonymous").casefold()).strip("-")[:30] or "learner"
    stem = f"hand_in-{slug}-{datetime.now(UTC).strftime('%Y%m%dT%H%M%SZ')}"
    payload = (json.dumps(data, indent=1) + "\n").encode("utf-8")
    try:
        target.mkdir(parents=True, exist_ok=True)
        for n in range(1, 10_000):
            candidate = target / (f"{stem}.json" if n == 1 else f"{stem}-{n}.json")
            try:
                written = write_new(candidate, payload)
                break
            except FileExistsError:
                continue
        else:  # pragma: no cover
            raise FileExistsError(f"no free file name for {stem} in {target}")
    except OSError as exc:
        message = (
            f"{write_problem(exc, target)} Your progress is unchanged; try progress.hand_in(folder='~'), "
            f"or send your trainer this code instead: {code}"
        )
        raise _os_error(exc, message) from None
    return HandInNote(written, code, len(data["checks"]))


def _os_error(exc: OSError, message: str) -> OSError:
    """An ``OSError`` of the same kind as ``exc`` (e.g. ``PermissionError``) carrying ``message``."""
    return OSError(exc.errno, message) if exc.errno is not None else OSError(message)


def _reset_session_state() -> None:
    """Forget in-memory passes and shown messages (for tests)."""
    _memory.clear()
    _memory_tries.clear()
    _learners.clear()
    _memory_only.clear()
    _reported.clear()
