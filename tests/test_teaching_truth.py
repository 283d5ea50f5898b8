"""Teaching truth: what the course's prose says must agree with the data and the helpers.

* which bundled tables are real published figures (the schema's ``synthetic`` flag decides);
* no run of >= 8 words copied from the source article (teach its points in the course's own words).

Each check scans every notebook source, stored notebook, lesson plan, exercise module and README, so
a sentence that drifts back in anywhere fails here.
"""

from __future__ import annotations

import ast
import importlib.util
import json
import re
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

from helpers import data, metrics
from helpers.schema import TABLES

ROOT = Path(__file__).resolve().parents[1]
SOURCE_ARTICLE = ROOT.parent / "shared" / "source" / "influencer-marketing-article.txt"


def _load_fingerprint_tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "article_fingerprint", ROOT / "tools" / "article_fingerprint.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


FINGERPRINT_TOOL = _load_fingerprint_tool()


def _prose_files() -> list[Path]:
    files = sorted((ROOT / "tools" / "notebooks").glob("nb*.py"))
    files += sorted((ROOT / "notebooks").glob("*.ipynb"))
    files += sorted((ROOT / "lessons").glob("*.md"))
    files += sorted((ROOT / "templates").glob("*.md"))
    files += sorted((ROOT / "src" / "helpers" / "exercises").glob("*.py"))
    files += [ROOT / "README.md", ROOT / "CONTRIBUTING.md", ROOT / "datasets" / "README.md"]
    return [f for f in files if f.exists()]


def _python_strings(source: str) -> Iterator[str]:
    """The string literals of a Python file (adjacent literals joined; f-string fields as ``{}``)."""
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            yield node.value
        elif isinstance(node, ast.JoinedStr):
            yield "".join(v.value if isinstance(v, ast.Constant) else "{}" for v in node.values)


def _texts(path: Path) -> Iterator[str]:
    """The learner-visible text of a file: a notebook's cell sources and text outputs, a Python
    file's string literals, else the whole file."""
    if path.suffix == ".py":
        yield from _python_strings(path.read_text(encoding="utf-8"))
        return
    if path.suffix != ".ipynb":
        yield path.read_text(encoding="utf-8")
        return
    nb = json.loads(path.read_text(encoding="utf-8"))
    for cell in nb["cells"]:
        yield "".join(cell["source"])
        for out in cell.get("outputs", []):
            if "text" in out:
                yield "".join(out["text"])
            for mime in ("text/plain", "text/markdown"):
                if mime in out.get("data", {}):
                    yield "".join(out["data"][mime])


def _rel(path: Path) -> str:
    return str(path.relative_to(ROOT))


# --- 1. which tables are real ----------------------------------------------------------------------
_TABLE_REF = re.compile(r"`(" + "|".join(TABLES) + r")(?:\.csv)?`")
#: an exclusive claim right before a table name ("except `x`", "only the `x`"), or a count of tables
_EXCLUSIVE = re.compile(
    r"\b(?:except|apart from|other than|only|exception)\s+(?:for\s+)?(?:the\s+)?`"
    r"|\b(?:one|two|three|four|five) (?:of the )?tables?\b",
    re.IGNORECASE,
)
_NUMBERS = ("zero", "one", "two", "three", "four", "five")
#: "Two tables are the exception and hold real ...", "One table, `x`, holds real ..."
_REAL_COUNT = re.compile(r"\b(one|two|three|four|five) (?:of the )?tables?\b.*\breal\b", re.IGNORECASE)
_PROVENANCE = re.compile(r"\b(?:synthetic|real)\b", re.IGNORECASE)
#: a label next to one table: "`posts.csv` (synthetic)", "`landscape` (real published figures ..."
_LABEL = re.compile(r"`(" + "|".join(TABLES) + r")(?:\.csv)?`\s*\((synthetic|real)\b", re.IGNORECASE)


def _sentences(text: str) -> list[str]:
    """Split prose into sentences, table cells and list items (good enough for claims about tables)."""
    text = re.sub(r"\n\s*\n", "\n\n", text.replace("|", "\n\n").replace("\n* ", "\n\n"))
    parts = re.split(r"(?<=[.;!?])\s+|(?<=:)\s+(?=[A-Z*`(])|\n\n", text)
    return [" ".join(p.split()) for p in parts if p.strip()]


def provenance_errors(text: str) -> list[str]:
    """Sentences in ``text`` that say a different set of tables is real than the schema does."""
    real = set(data.real_table_names())
    errors = []
    for sentence in _sentences(text):
        for name, kind in _LABEL.findall(sentence):
            if (kind.lower() == "real") != (name in real):
                errors.append(f"labels `{name}` {kind}: {sentence.strip()}")
        if not (_PROVENANCE.search(sentence) and _EXCLUSIVE.search(sentence)):
            continue
        count = _REAL_COUNT.search(sentence)
        if count and _NUMBERS.index(count.group(1).lower()) != len(real):
            errors.append(f"counts {count.group(1)} real table(s), the schema has {len(real)}: {sentence}")
        named = set(_TABLE_REF.findall(sentence))
        if named and named != real:
            errors.append(
                f"names {sorted(named)} as the exception, the schema's real tables are {sorted(real)}: "
                f"{sentence.strip()}"
            )
    return errors


def test_provenance_sentence_follows_the_schema_flags():
    real = [n for n, t in TABLES.items() if not t.synthetic]
    assert list(data.real_table_names()) == real
    sentence = data.provenance_sentence()
    for name in TABLES:
        assert (f"`{name}`" in sentence) == (name in real)
    assert provenance_errors(sentence) == []


@pytest.mark.parametrize(
    "wrong",
    [
        "Everything except `benchmarks` is **synthetic**.",
        "The sample data is synthetic (except `landscape`): it teaches methods.",
        "One table, `landscape`, holds **real published figures**, each with its source.",
        "| Only `landscape` is real, with sources; the rest is synthetic. |",
        "### `posts.csv` (real published figures)",
        "### `benchmarks.csv` (synthetic)",
        "One table is the exception and holds **real published figures**, one source per row:",
    ],
)
def test_scanner_catches_a_wrong_claim(wrong):
    assert provenance_errors(wrong), wrong


@pytest.mark.parametrize("path", _prose_files(), ids=_rel)
def test_every_statement_of_which_tables_are_real_agrees_with_the_schema(path):
    errors = [e for text in _texts(path) for e in provenance_errors(text)]
    assert not errors, f"{_rel(path)} contradicts the schema's `synthetic` flags:\n" + "\n".join(errors)


def test_table_overview_reads_the_flags():
    overview = data.table_overview()
    real = set(overview.index[overview["data"] == "real published figures"])
    assert real == set(data.real_table_names())
    assert set(overview.index[overview["data"] == "synthetic"]) == set(TABLES) - real


# --- 2. one name per sponsored-vs-organic metric ------------------------------------------------------
NAMED = metrics.SPONSORED_VS_ORGANIC
#: words that belong to one idea only: a sentence naming another metric (alone) must not use them
_ONLY_POOLED = re.compile(r"\bpooled\b|\bby reach\b|\bper group\b", re.IGNORECASE)
_ONLY_PER_CREATOR = re.compile(r"\b(?:same|each|per|one) creator'?s?\b|\bwithin creators?\b", re.IGNORECASE)


_POOLED_IDEA = re.compile(r"\bpooled[\s-](?:comparisons?|trap)\b|\bpooling\b", re.IGNORECASE)


def _name_pattern(name: str) -> re.Pattern[str]:
    words = [re.escape(w) for w in re.split(r"[\s-]+", name)]
    return re.compile(r"(?<![\w-])" + r"[\s-]+".join(words) + r"(?![\w-])", re.IGNORECASE)


#: Names that blur the three metrics (review B14): "pooled ratio" could be either pooled one, the 03 lab
#: called paid-post performance `paid_ratio`, and lesson 12 called it "lift" in its prose.
_BLURRED_NAME = re.compile(r"\bpooled\s+(?:ratio|number)\b|\bpaid_ratio\b", re.IGNORECASE)
#: "lift" as the name of a metric in prose; the code column `lift` (in backticks or quotes, ln(lift)) and
#: the verb ("can lift a bin") are fine.
_LIFT_AS_NAME = re.compile(
    r"(?<![`\"'(\[\w.-])(?<!\bcan )(?<!\bto )(?<!\bwill )(?<!\bmay )lift(?![`\"')\]\w-])", re.IGNORECASE
)
_INLINE_CODE = re.compile(r"`+[^`]*`+")


def metric_name_errors(text: str) -> list[str]:
    """Sentences that use a retired name, or give a metric's name a neighbour's meaning."""
    errors = []
    for sentence in _sentences(text):
        if found := _BLURRED_NAME.search(sentence):
            errors.append(
                f"'{found.group(0)}' could name more than one metric: use the registry's name: {sentence}"
            )
        prose = _INLINE_CODE.sub("`code`", sentence)
        if " " in prose.strip() and _LIFT_AS_NAME.search(prose):
            errors.append(f"'lift' used as a metric's name, say 'paid-post performance': {sentence}")
        for metric in NAMED:
            for old in metric.retired:
                if _name_pattern(old).search(sentence):
                    errors.append(f"'{old}' is retired, say '{metric.name}': {sentence}")
        named = [m for m in NAMED if _name_pattern(m.name).search(sentence)]
        if _POOLED_IDEA.search(sentence):  # "the pooled trap": the pooled idea named in general
            named.append(NAMED[1])
        if len(named) != 1:  # none, or a sentence contrasting two metrics by name
            continue
        metric = named[0]
        wrong = _ONLY_POOLED if metric.function == "paid_post_performance" else _ONLY_PER_CREATOR
        if found := wrong.search(sentence):
            errors.append(f"'{metric.name}' described with '{found.group(0)}': {sentence}")
    return errors


def test_each_named_metric_is_defined_once_in_metrics_with_its_formula():
    names = [m.name.lower() for m in NAMED]
    assert len(set(names)) == len(names)
    assert not {r.lower() for m in NAMED for r in m.retired} & set(names)
    for metric in NAMED:
        doc = " ".join(getattr(metrics, metric.function).__doc__.split())
        assert f"**{metric.name[0].upper() + metric.name[1:]}**" in doc, metric.name
        assert " ".join(metric.formula.split()) in doc, metric.function


def test_metric_functions_compute_what_their_names_say():
    # one creator: ads engage half as much; the ad was pushed to twice the people
    assert metrics.paid_post_performance(1.0, 2.0) == pytest.approx(0.5)
    assert metrics.pooled_reach_er_ratio([500], [20_000], [1000, 1000], [10_000, 10_000]) == pytest.approx(
        0.25
    )
    # two creators mixed: the big one posts the ad and has the low ER
    assert metrics.pooled_er_ratio([1.0], [1.0, 1.0, 5.0, 5.0]) == pytest.approx(1 / 3)


@pytest.mark.parametrize(
    "wrong",
    [
        "Sponsored lift is an inverted U, peaking near 40K followers.",
        '"Paid-post performance" is sponsored ER divided by organic ER (here by reach, pooled per group).',
        "The pooled ER ratio compares each creator with the same creator's organic posts.",
        "Its top - the vertex - is where lift peaks.",  # review B14: lesson 12's prose
        "Caveat 3: tier cut-offs (median lift per tier under three schemes)",
        "paid_ratio 0.979 sponsored ER / organic ER (calibrated: synthetic posts)",  # the 03 lab's table
        "Predict whether the pooled ratio will be higher or lower than the median.",
    ],
)
def test_metric_scanner_catches_a_misnamed_metric(wrong):
    assert metric_name_errors(wrong), wrong


@pytest.mark.parametrize(
    "fine",
    [
        "TikTok rates are higher, which can lift a bin above the Instagram line.",
        "In code its column is called `lift` for short.",
        'lifts = creators.dropna(subset=["lift"])',
        "The starter fits a parabola to ln(lift) against log10(followers).",
        "The pooled ER-by-reach ratio is 0.33; the pooled ER ratio is 0.61.",
    ],
)
def test_metric_scanner_leaves_code_verbs_and_full_names_alone(fine):
    assert not metric_name_errors(fine), fine


@pytest.mark.parametrize("path", _prose_files(), ids=_rel)
def test_every_sponsored_vs_organic_metric_keeps_its_one_name(path):
    errors = [e for text in _texts(path) for e in metric_name_errors(text)]
    assert not errors, f"{_rel(path)} misnames a metric (see helpers.metrics.SPONSORED_VS_ORGANIC):\n" + (
        "\n".join(errors)
    )


# --- 3. Pan et al. (2024-25) as the meta-analysis reports it -------------------------------------------
_CREDIBILITY_CARRIES = re.compile(r"credibility[^.;]*\bcarries\b(?! part)", re.IGNORECASE)
_PAN = re.compile(r"\bPan(?: et al\.?|, Blut)", re.IGNORECASE)


def pan_errors(text: str) -> list[str]:
    """Sentences that credit credibility with the effect, or cite Pan et al. on credibility without
    its headline (follower social identity strongest; credibility a mediator)."""
    errors = []
    for sentence in _sentences(text):
        if _CREDIBILITY_CARRIES.search(sentence):
            errors.append(f"credibility 'carries' the effect: {sentence}")
        elif (
            _PAN.search(sentence)
            and "credibility" in sentence.lower()
            and not re.search(r"identity|mediat", sentence, re.IGNORECASE)
        ):
            errors.append(f"Pan et al. cited on credibility without identity / mediation: {sentence}")
    return errors


@pytest.mark.parametrize(
    "wrong",
    [
        "A meta-analysis (Pan et al. 2024-25) finds that credibility carries much of the effect.",
        "Research: source credibility is what matters most (Pan et al. 2024-25 meta-analysis).",
    ],
)
def test_pan_scanner_catches_the_misreading(wrong):
    assert pan_errors(wrong)


@pytest.mark.parametrize("path", _prose_files(), ids=_rel)
def test_pan_et_al_is_cited_with_its_headline(path):
    errors = [e for text in _texts(path) for e in pan_errors(text)]
    assert not errors, f"{_rel(path)} misstates Pan et al. (2024-25):\n" + "\n".join(errors)


# --- 11. small numbers in the prose that the data decides ---------------------------------------------
def test_datasheet_celebrity_share_matches_the_parameter_and_the_data():
    from helpers.generate import DEFAULT_PARAMS

    text = (ROOT / "datasets" / "README.md").read_text(encoding="utf-8")
    found = re.search(
        r"`celebrity_share` = ([\d.]+)%, so the\s+bundled data has ([\d,]+) of ([\d,]+) creators, ([\d.]+)%",
        text,
    )
    assert found, "the datasheet's Celebrities line no longer states the parameter and the bundled count"
    share, count, total, pct = found.groups()
    influencers = data.load_influencers()
    celebrities = int(influencers["is_celebrity"].sum())
    assert float(share) == pytest.approx(100 * DEFAULT_PARAMS.celebrity_share)
    assert (int(count.replace(",", "")), int(total.replace(",", ""))) == (celebrities, len(influencers))
    assert pct == f"{100 * celebrities / len(influencers):.1f}"


# --- 16. paraphrase, don't quote -------------------------------------------------------------------
# The article is not redistributed: the repository holds a one-way fingerprint of its 8-word runs
# (tools/article_fingerprint.py), so this check runs on a clean clone and in CI.
RUN = FINGERPRINT_TOOL.RUN
FINGERPRINT = ROOT / "tests" / "fixtures" / "source_article_8grams.txt"


def _article_hashes() -> set[str]:
    return set(FINGERPRINT.read_text(encoding="utf-8").split())


def copied_runs(text: str, source_hashes: set[str], n: int = RUN) -> list[str]:
    """Runs of >= ``n`` consecutive words of ``text`` whose every ``n``-word window is in
    ``source_hashes`` (fingerprints of the source's runs; case and punctuation ignored), merged into
    maximal runs and given in ``text``'s words."""
    words = FINGERPRINT_TOOL.words(text)
    runs: list[list[int]] = []
    for i in range(len(words) - n + 1):
        if FINGERPRINT_TOOL.gram_hash(words[i : i + n]) in source_hashes:
            if runs and i <= runs[-1][1]:
                runs[-1][1] = i + n
            else:
                runs.append([i, i + n])
    return [" ".join(words[a:b]) for a, b in runs]


def test_copied_runs_finds_a_quote_whatever_its_case_and_punctuation():
    source = FINGERPRINT_TOOL.fingerprint(
        "Be human. People talk to people, not company to company! Then plan."
    )
    assert copied_runs("be HUMAN - people talk to people; not company-to-company", source) == [
        "be human people talk to people not company to company"
    ]
    assert copied_runs("people talk to people, not firm to firm", source) == []


def test_the_fingerprint_is_a_real_fingerprint_of_the_article():
    hashes = _article_hashes()
    regenerate = "regenerate it with tools/article_fingerprint.py"
    assert len(hashes) > 300, f"the fingerprint is (nearly) empty: {regenerate}"
    assert all(re.fullmatch(r"[0-9a-f]{16}", h) for h in hashes)
    if SOURCE_ARTICLE.exists():  # a maintainer's checkout beside shared/: the fingerprint is current
        assert hashes == FINGERPRINT_TOOL.fingerprint(SOURCE_ARTICLE.read_text(encoding="utf-8")), (
            f"tests/fixtures/source_article_8grams.txt is stale: {regenerate}"
        )


@pytest.mark.parametrize("path", _prose_files(), ids=_rel)
def test_no_run_of_eight_words_copied_from_the_source_article(path):
    hashes = _article_hashes()
    runs = [r for text in _texts(path) for r in copied_runs(text, hashes)]
    assert not runs, (
        f"{_rel(path)} copies {RUN}+ consecutive words of the source article; say it in the course's "
        "own words:\n" + "\n".join(runs)
    )
