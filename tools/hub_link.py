"""One link for a class on a JupyterHub: nbgitpuller clones the course into each learner's home and
opens ``00_start_here``.

    make hub-link HUB=https://hub.example.edu
    .venv/bin/python tools/hub_link.py https://hub.example.edu [--repo URL] [--branch NAME] [--qr FILE.png]

The link is ``<hub>/hub/user-redirect/git-pull?repo=...&branch=...&urlpath=...``: the hub logs the
learner in, starts their server and hands the link to nbgitpuller on it, which clones the repository
into ``~/<repository name>/`` the first time and, on every later click, merges new commits into it
without overwriting what the learner changed. ``urlpath`` then opens the first notebook in JupyterLab.
``--qr`` also writes the link as a QR code (PNG, for the projector; ``segno``).

The hub address must be an ``http(s)://`` URL without query, fragment, user name or spaces; the
repository must be an ``https://`` (or ``http://``, ``file://``, ``git@``) git URL; the branch a
plain git branch name. Anything else is refused with a message (exit status 2), so nothing a trainer
types is ever passed on unquoted.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from urllib.parse import quote, urlencode, urlsplit

#: The course's public repository and branch (README's Binder badge uses the same repository).
DEFAULT_REPO = "https://github.com/open-influencer-course/influencer-marketing-course"
DEFAULT_BRANCH = "main"
#: The notebook the link opens, relative to the course folder.
START_NOTEBOOK = "notebooks/00_start_here.ipynb"

_BRANCH = re.compile(r"^(?!-)(?!.*\.\.)(?!.*//)(?!.*@\{)[A-Za-z0-9._/-]+(?<![./])$")
_HOST = re.compile(r"^[A-Za-z0-9.-]+$")
_SCP_REPO = re.compile(r"^git@[A-Za-z0-9.-]+:[A-Za-z0-9._/-]+$")


class LinkError(ValueError):
    """A hub address, repository or branch the link cannot carry (the message says how to fix it)."""


def check_hub(hub: str) -> str:
    """The hub's base URL with one trailing slash, or :class:`LinkError`."""
    text = hub.strip()
    if not text:
        raise LinkError("HUB is empty: give the hub's address, e.g. HUB=https://hub.example.edu")
    if any(ch.isspace() or ord(ch) < 32 for ch in text) or any(ch in text for ch in "\"'<>\\`{}|^"):
        raise LinkError(f"HUB={hub!r} contains spaces, quotes or control characters: give a plain URL")
    parts = urlsplit(text)
    if parts.scheme not in ("https", "http"):
        raise LinkError(f"HUB={hub!r} must start with https:// (or http://), e.g. https://hub.example.edu")
    if not parts.hostname or not _HOST.match(parts.hostname) or parts.username or parts.password:
        raise LinkError(f"HUB={hub!r} has no valid host name (letters, digits, dots, dashes)")
    if parts.query or parts.fragment or "@" in parts.netloc:
        raise LinkError(f"HUB={hub!r} must not carry '?', '#' or '@': give the hub's base address only")
    try:
        parts.port  # noqa: B018 - raises ValueError for a port that is not a number in range
    except ValueError as err:
        raise LinkError(f"HUB={hub!r} has an invalid port: {err}") from None
    path = parts.path.rstrip("/")
    if path.endswith("/hub"):  # the hub's own pages were pasted: the link adds /hub/ itself
        path = path[: -len("/hub")]
    if not re.fullmatch(r"(/[A-Za-z0-9._~-]+)*", path):
        raise LinkError(f"HUB={hub!r}: the path after the host may hold only letters, digits, . _ ~ -")
    return f"{parts.scheme}://{parts.netloc}{path}/"


def check_repo(repo: str) -> str:
    """The git URL, or :class:`LinkError`."""
    text = repo.strip()
    if _SCP_REPO.match(text):
        return text
    parts = urlsplit(text)
    if parts.scheme not in ("https", "http", "file") or any(ch.isspace() for ch in text):
        raise LinkError(
            f"REPO={repo!r} is not a git URL nbgitpuller can clone: "
            "use https://..., file:///... or git@host:path"
        )
    if parts.scheme != "file" and not parts.hostname:
        raise LinkError(f"REPO={repo!r} has no host name")
    if parts.query or parts.fragment:
        raise LinkError(f"REPO={repo!r} must not carry '?' or '#'")
    if not course_folder(text):
        raise LinkError(f"REPO={repo!r} has no repository name at its end")
    return text


def check_branch(branch: str) -> str:
    """A plain git branch name, or :class:`LinkError`."""
    if not _BRANCH.match(branch) or branch.endswith(".lock"):
        raise LinkError(
            f"BRANCH={branch!r} is not a plain git branch name (letters, digits, . _ / -), e.g. main"
        )
    return branch


def course_folder(repo: str) -> str:
    """The folder nbgitpuller clones ``repo`` into, relative to the learner's home: the last part of
    the URL, as nbgitpuller names it (a trailing ``.git`` is kept, as nbgitpuller keeps it)."""
    return repo.rstrip("/").split("/")[-1].split(":")[-1]


def hub_link(
    hub: str, repo: str = DEFAULT_REPO, branch: str = DEFAULT_BRANCH, notebook: str = START_NOTEBOOK
) -> str:
    """The nbgitpuller link for a class on ``hub`` (see the module docstring)."""
    base = check_hub(hub)
    repo = check_repo(repo)
    branch = check_branch(branch)
    urlpath = f"lab/tree/{course_folder(repo)}/{notebook}"
    query = urlencode({"repo": repo, "branch": branch, "urlpath": urlpath}, quote_via=quote, safe="")
    return f"{base}hub/user-redirect/git-pull?{query}"


def write_qr(link: str, path: Path) -> Path:
    """Write ``link`` as a QR code PNG at ``path`` (large modules, for a projector); returns ``path``."""
    import segno

    if path.suffix.lower() != ".png":
        raise LinkError(f"--qr {path}: the QR code is written as PNG, give a file name ending in .png")
    path.parent.mkdir(parents=True, exist_ok=True)
    segno.make(link, error="m", micro=False).save(path, scale=10, border=4)
    return path


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("hub", nargs="?", default="", help="the hub's address, e.g. https://hub.example.edu")
    parser.add_argument("--repo", default="", help=f"git URL of the course (default {DEFAULT_REPO})")
    parser.add_argument("--branch", default="", help=f"branch (default {DEFAULT_BRANCH})")
    parser.add_argument("--qr", default="", help="also write the link as a QR code PNG at this path")
    args = parser.parse_args(argv)  # empty values (as `make hub-link` passes them) mean the defaults
    try:
        link = hub_link(args.hub, args.repo or DEFAULT_REPO, args.branch or DEFAULT_BRANCH)
        print(link)
        if args.qr:
            print(f"QR code for the projector: {write_qr(link, Path(args.qr))}", file=sys.stderr)
    except LinkError as err:
        print(f"hub-link: {err}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
