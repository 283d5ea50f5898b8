"""Where the course's files live, however ``helpers`` was installed and wherever a notebook runs.

Two kinds of files, two rules.

**The bundled data comes with the package** (:func:`data_dir`). The tables (``datasets/``: CSV
files, ``schema.json``, the datasheet and ``examples/``) are read from the copy that came with the
``helpers`` package you imported: ``helpers/datasets/`` inside an installed wheel (a plain
``pip install`` from a wheel, a git URL or a folder: the build copies ``datasets/`` into the
package), or ``<checkout>/datasets/`` when ``helpers`` runs from a source checkout (``make lab``,
an editable install). A ``datasets/`` folder in the learner's course folder is *not* used, so the
data always matches the code. To read other tables, set ``INFLUENCER_COURSE_DATA`` to a folder.

**The learner's files go to the learner's course folder** (:func:`learner_dir`): the progress file
(:mod:`helpers.progress`), hand-ins and exports (:func:`output_dir`, ``output/``), never the
install location. The course folder (:func:`course_dir`) is

1. ``$INFLUENCER_COURSE_HOME`` when that environment variable is set;
2. else the folder holding the notebook being run: the working directory (a Jupyter kernel starts
   in its notebook's folder) or the nearest folder above it that contains
   ``notebooks/00_start_here.ipynb`` (so ``<course>/notebooks/*.ipynb`` gives ``<course>``);
3. else, when ``helpers`` runs from a source checkout, that checkout;
4. else there is none.

When there is no course folder, or it cannot be written (a read-only folder, e.g. a course shared
read-only on a server), the learner's files go to the per-user folder :func:`user_dir`
(``~/influencer-course``, visible in JupyterLab's file browser). A read-only course folder is said
once per session, on stderr, naming both folders; nothing is lost. If the per-user folder cannot be
written either, the progress is kept in memory and exports say where else to write (see
:mod:`helpers.progress`).

API (stable; the hub tooling and the tests rely on it):

* :data:`DATA_ENV`, :data:`HOME_ENV`, :data:`USER_DIR_NAME`, :data:`PACKAGE_DATA`, :data:`REPO_ROOT`
* :func:`bundled_data_dir` -> the tables that came with the package (ignores ``$INFLUENCER_COURSE_DATA``)
* :func:`data_dir` -> ``$INFLUENCER_COURSE_DATA`` or :func:`bundled_data_dir`
* :func:`course_dir` -> the learner's course folder, or None
* :func:`user_dir` -> ``~/influencer-course``
* :func:`learner_dir` -> where learner files go: :func:`course_dir` if writable, else :func:`user_dir`
* :func:`output_dir` -> ``<learner_dir>/output`` (exports, hand-ins; git-ignored in a checkout)
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

#: Environment variable that overrides the datasets folder.
DATA_ENV = "INFLUENCER_COURSE_DATA"
#: Environment variable naming the learner's course folder (where progress and exports go).
HOME_ENV = "INFLUENCER_COURSE_HOME"
#: The per-user folder in the home folder, for learner files when there is no writable course folder.
USER_DIR_NAME = "influencer-course"
#: A course folder holds this notebook in its ``notebooks/`` folder (the course's first lesson).
COURSE_MARKER = Path("notebooks") / "00_start_here.ipynb"

#: The tables inside an installed package (the wheel build copies ``datasets/`` here).
PACKAGE_DATA = Path(__file__).resolve().parent / "datasets"
#: The source checkout, when ``helpers`` runs from one (``<checkout>/src/helpers/paths.py``).
REPO_ROOT = Path(__file__).resolve().parents[2]

#: Folders already probed for writing in this session -> writable or not.
_writable_cache: dict[Path, bool] = {}
#: Messages already shown in this session.
_said: set[str] = set()


def bundled_data_dir() -> Path:
    """The tables that came with the package: ``helpers/datasets`` in a wheel, else
    ``<checkout>/datasets`` (a source checkout: the folder the wheel build copies)."""
    return PACKAGE_DATA if PACKAGE_DATA.is_dir() else REPO_ROOT / "datasets"


def data_dir() -> Path:
    """The folder holding the CSV files: ``$INFLUENCER_COURSE_DATA``, else :func:`bundled_data_dir`."""
    override = os.environ.get(DATA_ENV, "").strip()
    return Path(override).expanduser().resolve() if override else bundled_data_dir()


def is_course_dir(folder: Path) -> bool:
    """Whether ``folder`` holds the course's notebooks (``notebooks/00_start_here.ipynb``)."""
    return (folder / COURSE_MARKER).is_file()


def find_course_dir(start: Path) -> Path | None:
    """``start`` or the nearest folder above it that is a course folder (:func:`is_course_dir`)."""
    start = start.absolute()
    for folder in (start, *start.parents):
        if is_course_dir(folder):
            return folder
    return None


def course_dir() -> Path | None:
    """The learner's course folder: ``$INFLUENCER_COURSE_HOME``, else the course folder holding the
    working directory, else the source checkout ``helpers`` runs from; None when there is none."""
    override = os.environ.get(HOME_ENV, "").strip()
    if override:
        return Path(override).expanduser().absolute()
    try:
        here = Path.cwd()
    except OSError:  # the working directory was deleted
        here = None
    found = find_course_dir(here) if here is not None else None
    if found is not None:
        return found
    return REPO_ROOT if is_course_dir(REPO_ROOT) else None


def user_dir() -> Path:
    """The per-user folder for learner files: ``~/influencer-course`` (created when first written)."""
    try:
        home = Path.home()
    except RuntimeError:  # no home folder known
        home = Path(tempfile.gettempdir())
    return home / USER_DIR_NAME


def writable(folder: Path) -> bool:
    """Whether a file can be created in ``folder`` (or, while it does not exist, in the nearest folder
    above it that does): tried with a real file that is removed at once, because permission bits do
    not tell for root, read-only mounts or ACLs. Creates no folder. Cached per folder for the session."""
    folder = folder.absolute()
    if folder not in _writable_cache:
        existing = next((f for f in (folder, *folder.parents) if f.is_dir()), None)
        try:
            if existing is None:
                raise FileNotFoundError(folder)
            fd, probe = tempfile.mkstemp(prefix=".write-test-", dir=existing)
            os.close(fd)
            os.unlink(probe)
            ok = True
        except OSError:
            ok = False
        _writable_cache[folder] = ok
    return _writable_cache[folder]


def _say_once(message: str) -> None:
    if message not in _said:
        _said.add(message)
        print(f"Course files: {message}", file=sys.stderr)


def learner_dir() -> Path:
    """Where the learner's files go: :func:`course_dir` when it can be written, else :func:`user_dir`.

    A course folder that cannot be written is said once per session (stderr), naming both folders.
    """
    course = course_dir()
    fallback = user_dir()
    if course is not None and writable(course):
        return course
    if course is not None:
        where = f"the per-user folder {fallback}"
        if not writable(fallback):
            where += (
                f", which cannot be written either: set {HOME_ENV} to a folder you can write to "
                "before starting Jupyter"
            )
        _say_once(
            f"the course folder {course} cannot be written, so your progress and "
            f"exports are saved in {where}. Nothing is lost."
        )
    return fallback


def output_dir(*, create: bool = True) -> Path:
    """Folder for files the course writes for the learner (exports, hand-ins): ``<learner_dir>/output``
    (git-ignored in a checkout).

    ``create=False`` only returns the path, for code that must not write before a button is clicked.
    """
    out = learner_dir() / "output"
    if create:
        out.mkdir(parents=True, exist_ok=True)
    return out
