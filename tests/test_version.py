"""One version of the course, said the same everywhere a trainer may cite or pin it, and a valid citation.

``helpers.__version__`` (shown in the website's footer), ``pyproject.toml``'s version, the version in
``CITATION.cff`` and the latest release in ``CHANGELOG.md`` must be equal. ``CITATION.cff`` must be
valid Citation File Format 1.2.0: it is checked against the format's own JSON schema
(``tests/fixtures/citation_cff_1.2.0_schema.json``, the schema of citation-file-format 1.2.0, CC BY 4.0,
as shipped inside cffconvert 2.0.0; cffconvert itself needs jsonschema < 4, which the course cannot
install beside JupyterLab).
"""

from __future__ import annotations

import datetime as dt
import json
import re
import tomllib
from pathlib import Path

import jsonschema
import pytest
import yaml

import helpers

ROOT = Path(__file__).resolve().parents[1]
SCHEMA = json.loads((ROOT / "tests" / "fixtures" / "citation_cff_1.2.0_schema.json").read_text("utf-8"))
#: A release heading of Keep a Changelog: ``## [0.5.0] - 2026-12-05``.
RELEASE_RE = re.compile(r"^## \[(?P<version>\d+\.\d+\.\d+)\] - (?P<date>\d{4}-\d\d-\d\d)\s*$", re.M)
SEMVER_RE = re.compile(r"^\d+\.\d+\.\d+$")


def citation(text: str | None = None) -> dict:
    """CITATION.cff as data (YAML keeps the date a string: the file quotes it, as CFF's schema wants)."""
    return yaml.safe_load(text if text is not None else (ROOT / "CITATION.cff").read_text("utf-8"))


def cff_errors(data: dict) -> list[str]:
    """Every way ``data`` breaks the CFF 1.2.0 schema (with dates and URLs checked too)."""
    validator = jsonschema.Draft7Validator(SCHEMA, format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER)
    return [
        f"{'/'.join(map(str, e.absolute_path)) or '(top)'}: {e.message}" for e in validator.iter_errors(data)
    ]


def releases(text: str | None = None) -> list[tuple[str, str]]:
    """(version, date) of each release heading in CHANGELOG.md, top first."""
    text = text if text is not None else (ROOT / "CHANGELOG.md").read_text("utf-8")
    return [(m["version"], m["date"]) for m in RELEASE_RE.finditer(text)]


def versions() -> dict[str, str]:
    """The course's version as each place states it."""
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
    return {
        "helpers.__version__": helpers.__version__,
        "pyproject.toml": pyproject["project"]["version"],
        "CITATION.cff": str(citation()["version"]),
        "CHANGELOG.md (latest release)": releases()[0][0],
    }


def test_every_place_states_the_same_version():
    found = versions()
    assert len(set(found.values())) == 1, f"the course's version differs: {found}; bump them together"
    assert SEMVER_RE.match(helpers.__version__), helpers.__version__


def test_citation_cff_is_valid_cff_1_2_0():
    data = citation()
    assert data["cff-version"] == "1.2.0"
    assert cff_errors(data) == []


def test_citation_date_is_the_latest_releases_date():
    _, date = releases()[0]
    assert str(citation()["date-released"]) == date, "CITATION.cff's date-released is not the release's date"


def test_changelog_releases_run_newest_first_with_dates_and_links():
    text = (ROOT / "CHANGELOG.md").read_text("utf-8")
    found = releases(text)
    assert len(found) >= 2
    numbers = [tuple(map(int, v.split("."))) for v, _ in found]
    assert numbers == sorted(numbers, reverse=True) and len(set(numbers)) == len(numbers), found
    dates = [dt.date.fromisoformat(d) for _, d in found]
    assert dates == sorted(dates, reverse=True), found
    for version, _ in found:
        assert re.search(rf"^\[{re.escape(version)}\]: https://", text, re.M), f"no link for [{version}]"


def test_code_of_conduct_adopts_the_contributor_covenant_and_says_how_to_report():
    text = (ROOT / "CODE_OF_CONDUCT.md").read_text("utf-8")
    assert "Contributor Covenant" in text and "2.1" in text
    assert re.search(r"^## Reporting", text, re.M)


# The checks above must fail when the files are wrong: the same checks on broken copies.


@pytest.mark.parametrize(
    "broken",
    [
        "cff-version: 1.2.0\ntitle: x\nmessage: m\n",  # no authors
        "cff-version: 1.2.0\ntitle: x\nmessage: m\nauthors:\n  - given-names: A\n    family-names: B\n"
        "date-released: 5 December 2026\n",  # not an ISO date
        "cff-version: 1.2.0\ntitle: x\nmessage: m\nauthors:\n  - name: A\nlicense: MIT-ish\n",  # no SPDX id
        "cff-version: 1.2.0\ntitle: x\nmessage: m\nauthors:\n  - name: A\nrepository-code: not a url\n",
    ],
)
def test_schema_check_rejects_broken_citations(broken):
    assert cff_errors(citation(broken))


def test_changelog_parser_reads_keep_a_changelog_headings():
    text = "# Changelog\n\n## [Unreleased]\n\n## [1.2.0] - 2026-01-02\n\n## [1.1.0] - 2025-12-01\n"
    assert releases(text) == [("1.2.0", "2026-01-02"), ("1.1.0", "2025-12-01")]
