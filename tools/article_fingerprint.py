"""Fingerprint of the source article for the "paraphrase, don't quote" test.

The article the course was commissioned from is not ours to redistribute, so the repository keeps only a
one-way fingerprint of it: the SHA-256 (first 16 hex digits) of every run of eight consecutive words, after
lower-casing and dropping punctuation. ``tests/test_teaching_truth.py`` hashes the course's own prose the same
way and fails on any shared run, on a clean clone and in CI, without the article's text.

Usage (from the repository root, where ``../shared/source/`` holds the article)::

    python tools/article_fingerprint.py ../shared/source/influencer-marketing-article.txt \
        > tests/fixtures/source_article_8grams.txt
"""

from __future__ import annotations

import hashlib
import re
import sys
from pathlib import Path

#: Words per run.
RUN = 8


def words(text: str) -> list[str]:
    """Lower-case words of ``text``; apostrophes dropped, any other non-alphanumeric run splits words."""
    text = text.lower().replace("\u2019", "").replace("'", "")
    return re.sub(r"[^a-z0-9]+", " ", text).split()


def gram_hash(gram: tuple[str, ...] | list[str]) -> str:
    """The fingerprint of one run of words: the first 16 hex digits of SHA-256 of the space-joined words."""
    return hashlib.sha256(" ".join(gram).encode("utf-8")).hexdigest()[:16]


def fingerprint(text: str, n: int = RUN) -> set[str]:
    """Hashes of every run of ``n`` consecutive words of ``text``."""
    ws = words(text)
    return {gram_hash(ws[i : i + n]) for i in range(len(ws) - n + 1)}


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    hashes = fingerprint(Path(argv[0]).read_text(encoding="utf-8"))
    sys.stdout.write("".join(f"{h}\n" for h in sorted(hashes)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
