"""Follower-audit lab: tune the flags, see how many buyers they catch and how many honest people they accuse.

The bundled ``follower_growth`` and ``follower_sample`` tables are synthetic, and the generator knows
the truth they hide (:func:`helpers.generate.follower_audit_truth`): which creators bought followers
during the 180 days, which sampled followers are fake. The lab flags:

* **creators**, when a day's follower gain scores at least ``threshold`` robust spreads above the
  creator's usual gain (:func:`helpers.analysis.audit.growth_scores`); with
  ``excuse_strong_posts`` a day right after one of the creator's strong posts is not counted;
* **follower accounts**, when they show at least ``signals_needed`` of seven fake-account signals
  (:func:`helpers.analysis.audit.follower_signals`),

and scores both against the truth: precision, recall and the honest creators (or real people)
accused. One creator's daily gains are drawn with the flagged days and the planted purchases.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any, ClassVar

import ipywidgets as w
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from .. import generate, plots
from ..analysis import audit
from ..tables import Column
from .base import Lab, LabInputError, LabResult, dropdown, register
from .measure import few_ticks

#: Growth thresholds a learner can pick (robust spreads above the usual daily gain); the last one
#: is beyond any day in the bundled data, to show what a rule that flags nobody means.
THRESHOLD_STOPS: tuple[float, ...] = (
    3,
    4,
    5,
    6,
    8,
    10,
    12,
    15,
    20,
    25,
    30,
    40,
    50,
    75,
    100,
    200,
    500,
    100_000,
)
#: Fake-account signals a follower must show to be flagged (1 to all seven).
SIGNAL_STOPS: tuple[int, ...] = tuple(range(1, len(audit.FOLLOWER_SIGNALS) + 1))


#: Stops labelled on the trade-off chart's axis (the chart spaces the stops evenly).
_GROWTH_TICKS: tuple[int, ...] = tuple(THRESHOLD_STOPS.index(v) for v in (3, 10, 30, 100, 100_000))


@dataclass(frozen=True)
class AuditData:
    """Everything the lab's update needs, computed once from the tables and the generator's truth.

    Attributes:
        scores: :func:`helpers.analysis.audit.growth_scores` of every audited creator-day.
        worst: each creator's highest daily score, by ``excuse_strong_posts`` (False / True).
        bought: per creator, True when followers were bought in these days (the truth).
        signals: per sampled follower (index ``follower_id``), the number of fake-account signals.
        fake: per sampled follower, True for a fake account (the truth).
        delivery_days: per creator, the days bought followers were delivered (the truth).
        creators: the creators offered in the menu (index ``influencer_id``; ``label``).
    """

    scores: pd.DataFrame
    worst: dict[bool, pd.Series]
    bought: pd.Series
    signals: pd.Series
    fake: pd.Series
    delivery_days: dict[str, np.ndarray]
    creators: pd.DataFrame


def example_creators(influencers: pd.DataFrame, truth: generate.FollowerAuditTruth) -> pd.DataFrame:
    """Creators worth a look, in menu order: the biggest and the smallest planted purchase, two
    bumps after the creator's own strong post, two shout-outs (bumps no post of theirs explains)
    and one creator with none of these. Index ``influencer_id``; columns ``handle``, ``followers``,
    ``label`` (what the menu shows: handle and followers, never the truth)."""
    purchases = truth.purchases.sort_values(
        ["share", "influencer_id"], ascending=[False, True], kind="stable"
    )
    picks: list[str] = []

    def add(ids: pd.Series | list[str], k: int) -> None:
        for creator in ids:
            if k == 0:
                return
            if creator not in picks:
                picks.append(str(creator))
                k -= 1

    add(list(purchases["influencer_id"].head(1)), 1)
    add(list(purchases["influencer_id"].iloc[::-1].head(1)), 1)
    bumps = truth.bumps[~truth.bumps["influencer_id"].isin(truth.purchases["influencer_id"])]
    bumps = bumps.sort_values(["share", "influencer_id"], ascending=[False, True], kind="stable")
    add(list(bumps.loc[bumps["cause"] == "post", "influencer_id"]), 2)
    add(list(bumps.loc[bumps["cause"] == "shout-out", "influencer_id"]), 2)
    busy = set(truth.purchases["influencer_id"]) | set(truth.bumps["influencer_id"])
    add([c for c in truth.bought.index if c not in busy], 1)
    if not picks:
        add(list(truth.bought.index), 1)
    table = influencers.set_index(influencers["influencer_id"].astype(str)).loc[
        picks, ["handle", "followers"]
    ]
    table.index.name = "influencer_id"
    table["label"] = [f"@{r.handle} · {r.followers:,} followers" for r in table.itertuples()]
    return table


_NO_DAYS = np.array([], dtype="datetime64[D]")


def delivery_days(truth: generate.FollowerAuditTruth) -> dict[str, np.ndarray]:
    """Per creator, every day on which bought followers arrived (a purchase delivered over two days
    counts both), as ``datetime64[D]`` arrays."""
    days: dict[str, list[np.datetime64]] = {}
    for row in truth.purchases.itertuples():
        start = np.datetime64(row.date, "D")
        days.setdefault(str(row.influencer_id), []).extend(start + np.arange(int(row.days)))
    return {k: np.unique(np.asarray(v, dtype="datetime64[D]")) for k, v in days.items()}


def prepare_audit(
    influencers: pd.DataFrame,
    posts: pd.DataFrame,
    follower_growth: pd.DataFrame,
    follower_sample: pd.DataFrame,
    truth: generate.FollowerAuditTruth,
) -> AuditData:
    """Score the growth series and the follower sample once (every control only thresholds these)."""
    scores = audit.growth_scores(follower_growth, posts)
    worst = {excuse: audit.worst_scores(scores, excuse) for excuse in (False, True)}
    signals = audit.follower_signals(follower_sample)["n_signals"]
    signals.index = pd.Index(follower_sample["follower_id"].astype(str), name="follower_id")
    return AuditData(
        scores=scores,
        worst=worst,
        bought=truth.bought.reindex(worst[True].index).fillna(False).astype(bool),
        signals=signals,
        fake=truth.fake.reindex(signals.index).fillna(False).astype(bool),
        delivery_days=delivery_days(truth),
        creators=example_creators(influencers, truth),
    )


def _pct(share: float) -> str:
    return "n/a" if math.isnan(share) else f"{share:.0%}"


@dataclass(frozen=True)
class AuditFlags:
    """Both rules' flags at one setting of the controls, scored against the truth.

    Attributes:
        growth: the growth rule's :class:`~helpers.analysis.audit.FlagScore` (creators).
        followers: the signal rule's :class:`~helpers.analysis.audit.FlagScore` (sampled accounts).
        creators: creators audited; sampled: follower accounts sampled (counts).
    """

    growth: audit.FlagScore
    followers: audit.FlagScore
    creators: int
    sampled: int

    def numbers(self) -> dict[str, float]:
        """The lab's numbers (see :func:`audit_update`)."""
        growth, followers = self.growth, self.followers
        return {
            "creators": float(self.creators),
            "flagged": float(growth.flagged),
            "caught": float(growth.caught),
            "buyers": float(growth.guilty),
            "honest_accused": float(growth.accused),
            "honest": float(growth.innocent),
            "precision_pct": 100 * growth.precision,
            "recall_pct": 100 * growth.recall,
            "followers_flagged": float(followers.flagged),
            "fakes_caught": float(followers.caught),
            "real_accused": float(followers.accused),
            "follower_precision_pct": 100 * followers.precision,
            "follower_recall_pct": 100 * followers.recall,
        }


def _checked_creator(
    prepared: AuditData, threshold: float, signals_needed: int, creator_id: str | None
) -> str:
    """The creator to draw (default: the first in the menu); :class:`LabInputError` for a threshold
    of 0 or less, a signal count outside 1-7 or a creator not in the menu."""
    if not threshold > 0:
        raise LabInputError("The threshold is a number of spreads above the usual gain: choose one above 0.")
    if not 1 <= signals_needed <= len(audit.FOLLOWER_SIGNALS):
        raise LabInputError(f"Choose between 1 and {len(audit.FOLLOWER_SIGNALS)} signals per follower.")
    creator_id = prepared.creators.index[0] if creator_id is None else creator_id
    if creator_id not in prepared.creators.index:
        raise LabInputError(f"No creator {creator_id!r} in the menu: choose one from the list.")
    return creator_id


def audit_flags(
    prepared: AuditData, threshold: float, excuse_strong_posts: bool, signals_needed: int
) -> AuditFlags:
    """Flag creators (a day's growth score at least ``threshold``) and sampled accounts (at least
    ``signals_needed`` signals), and score both against the truth."""
    worst = prepared.worst[bool(excuse_strong_posts)]
    return AuditFlags(
        growth=audit.score_flags(worst >= threshold, prepared.bought),
        followers=audit.score_flags(prepared.signals >= signals_needed, prepared.fake),
        creators=len(worst),
        sampled=len(prepared.signals),
    )


def audit_summary(flags: AuditFlags, threshold: float, excuse_strong_posts: bool, signals_needed: int) -> str:
    """Two sentences: what the growth rule flags and what the follower rule flags, against the truth."""
    growth, followers = flags.growth, flags.followers
    rule = f"a day's gain {threshold:,g} or more spreads above the creator's usual gain"
    rule += ", days after a strong post excused" if excuse_strong_posts else ", no day excused"
    if growth.flagged == 0:
        growth_text = (
            f"Growth rule ({rule}): no creator is flagged, so precision cannot be computed (there is "
            f"no flag to be right about) and recall is 0% - all {growth.guilty} creators who bought "
            "followers go unnoticed."
        )
    else:
        growth_text = (
            f"Growth rule ({rule}): {growth.flagged} of {flags.creators} creators flagged. Precision "
            f"{_pct(growth.precision)} ({growth.caught} of them bought followers in these 180 days), "
            f"recall {_pct(growth.recall)} ({growth.caught} of {growth.guilty} buyers caught); it accuses "
            f"{growth.accused} of the {growth.innocent} creators who bought none."
        )
    follower_text = (
        f"Follower rule (at least {signals_needed} of {len(audit.FOLLOWER_SIGNALS)} signals): "
        f"{followers.flagged:,} of {flags.sampled:,} sampled accounts flagged, precision "
        f"{_pct(followers.precision)}, recall {_pct(followers.recall)}; {followers.accused:,} real "
        "accounts called fake."
    )
    return f"{growth_text} {follower_text}"


def audit_table(flags: AuditFlags) -> pd.DataFrame:
    """One row per rule: flagged, caught, accused (counts), precision and recall (percent)."""
    growth, followers = flags.growth, flags.followers
    return pd.DataFrame(
        {
            "flagged": [growth.flagged, followers.flagged],
            "caught": [growth.caught, followers.caught],
            "accused": [growth.accused, followers.accused],
            "precision_pct": [100 * growth.precision, 100 * followers.precision],
            "recall_pct": [100 * growth.recall, 100 * followers.recall],
        },
        index=pd.Index(["creators (growth rule)", "follower accounts (signal rule)"], name="what is flagged"),
    )


def audit_update(
    prepared: AuditData,
    threshold: float = 10.0,
    excuse_strong_posts: bool = True,
    signals_needed: int = 3,
    creator_id: str | None = None,
) -> LabResult:
    """Flag creators and follower accounts at these thresholds and score the flags against the truth.

    Args:
        prepared: :func:`prepare_audit` output.
        threshold: a creator is flagged when a day's gain scores at least this (robust spreads
            above the creator's usual daily gain, dimensionless, > 0).
        excuse_strong_posts: do not count days right after one of the creator's strong posts.
        signals_needed: a follower is flagged with at least this many of the seven signals (1-7).
        creator_id: the creator drawn (default: the first in the menu).

    Numbers: ``creators``, ``flagged``, ``caught``, ``buyers``, ``honest_accused``, ``honest``
    (counts of creators), ``precision_pct``, ``recall_pct`` (growth flags, percent; precision NaN
    when nobody is flagged), ``followers_flagged``, ``fakes_caught``, ``real_accused`` (counts of
    sampled accounts), ``follower_precision_pct``, ``follower_recall_pct``.
    """
    creator_id = _checked_creator(prepared, threshold, signals_needed, creator_id)
    flags = audit_flags(prepared, threshold, excuse_strong_posts, signals_needed)
    return LabResult(
        summary=audit_summary(flags, threshold, excuse_strong_posts, signals_needed),
        numbers=flags.numbers(),
        table=audit_table(flags),
        extra={
            "creator_id": creator_id,
            "threshold": float(threshold),
            "excuse": bool(excuse_strong_posts),
            "signals_needed": int(signals_needed),
        },
    )


# --- drawing ------------------------------------------------------------------------------------------
@dataclass
class _Curves:
    """Precision and recall (percent) along the controls' stops, computed once per lab."""

    growth: dict[bool, pd.DataFrame]
    followers: pd.DataFrame


def curves(prepared: AuditData) -> _Curves:
    """The trade-off curves the lab draws: growth flags at every :data:`THRESHOLD_STOPS`, for both
    settings of ``excuse_strong_posts``, and follower flags at every :data:`SIGNAL_STOPS`."""
    return _Curves(
        growth={
            e: audit.tradeoff(prepared.worst[e], prepared.bought, THRESHOLD_STOPS) for e in (False, True)
        },
        followers=audit.tradeoff(prepared.signals, prepared.fake, SIGNAL_STOPS),
    )


def _two_panels(fig: Figure) -> list[Axes]:
    """The creator's series over the trade-off, created on first use (stacked at the projector width)."""
    return plots.lab_panels(fig, 2)


def _line(ax: Axes, key: str, **style: Any) -> Any:
    """The Axes' line called ``key``, created on first use (then only its data changes)."""
    lines = ax.__dict__.setdefault("_course_lines", {})
    if key not in lines:
        (lines[key],) = ax.plot([], [], **style)
    return lines[key]


@dataclass(frozen=True)
class DayMarks:
    """One creator's days and daily gains, with which days the rule flags, excuses or the truth
    marks as bought (boolean masks over the days)."""

    days: np.ndarray
    gain: np.ndarray
    flagged: np.ndarray
    let_off: np.ndarray
    planted: np.ndarray


def day_marks(prepared: AuditData, creator: str, threshold: float, excuse: bool) -> DayMarks:
    """The drawn creator's daily gains and the days the growth rule flags (or excuses) at ``threshold``."""
    scores = prepared.scores[prepared.scores["influencer_id"] == creator]
    days = scores["date"].to_numpy()
    counted = scores["score"].to_numpy() >= threshold
    excused = scores["after_strong_post"].to_numpy()
    return DayMarks(
        days=days,
        gain=scores["gain"].to_numpy(),
        flagged=counted & ~excused if excuse else counted,
        let_off=counted & excused if excuse else np.zeros_like(counted),
        planted=np.isin(days.astype("datetime64[D]"), prepared.delivery_days.get(creator, _NO_DAYS)),
    )


def _series_lines(ax: Axes) -> dict[str, Any]:
    """The series panel's lines: the daily gain, flagged and excused days, and the planted purchases."""
    marker = {"linestyle": "none", "markersize": 11}
    return {
        "gain": _line(ax, "gain", color=plots.PALETTE[0], linewidth=1.5, label="gained per day"),
        "flag": _line(ax, "flag", color=plots.PALETTE[3], marker="^", **marker, label="flagged"),
        "excused": _line(
            ax,
            "excused",
            color=plots.PALETTE[2],
            marker="o",
            markerfacecolor="none",
            **marker,
            label="excused (strong post)",
        ),
        "planted": _line(
            ax,
            "planted",
            color=plots.PALETTE[7],
            marker="x",
            linestyle="none",
            markersize=9,
            label="bought (truth)",
        ),
    }


def _draw_series(ax: Axes, marks: DayMarks, label: str) -> None:
    """Left: one creator's daily follower gains with the flagged days and the planted purchases."""
    days, gain = marks.days, marks.gain
    lines = _series_lines(ax)
    lines["gain"].set_data(days, gain)
    lines["flag"].set_data(days[marks.flagged], gain[marks.flagged])
    lines["excused"].set_data(days[marks.let_off], gain[marks.let_off])
    lines["planted"].set_data(days[marks.planted], gain[marks.planted])
    finite = gain[np.isfinite(gain)]
    low, high = (float(finite.min()), float(finite.max())) if finite.size else (0.0, 1.0)
    span = max(high - low, 1.0)
    ax.set_ylim(low - 0.05 * span, high + 0.75 * span)  # two legend rows above the series
    ax.set_xlim(days[0] - np.timedelta64(4, "D"), days[-1] + np.timedelta64(4, "D"))
    if ax.get_legend() is None:
        ax.yaxis.set_major_formatter(plots.HUMAN)
        ax.set_ylabel("followers gained per day")
        ax.legend(loc="upper center", ncols=2, frameon=False, fontsize=plots.BASE_FONT_PT - 2)
        ax.xaxis.set_major_locator(_months())
        ax.xaxis.set_major_formatter(_month_names())
    n_flagged, n_planted = int(marks.flagged.sum()), int(marks.planted.sum())
    plots.set_title(
        ax,
        f"{n_flagged} flagged day{'s' if n_flagged != 1 else ''}, {n_planted} with bought followers",
        f"{label}; synthetic, truth planted by the generator",
    )


def _draw_tradeoff(ax: Axes, result: LabResult, trade: _Curves) -> None:
    """Right: precision and recall of the growth rule at every threshold, the chosen one marked."""
    extra, n = result.extra, result.numbers
    table = trade.growth[extra["excuse"]]
    xs = np.arange(len(table))
    now = THRESHOLD_STOPS.index(extra["threshold"])
    precision = _line(ax, "precision", color=plots.PALETTE[0], marker="o", label="precision")
    recall = _line(ax, "recall", color=plots.PALETTE[1], marker="s", linestyle="--", label="recall")
    chosen = _line(ax, "now", color=plots.PALETTE[7], linestyle=":", linewidth=1.5)
    precision.set_data(xs, table["precision_pct"].to_numpy())
    recall.set_data(xs, table["recall_pct"].to_numpy())
    chosen.set_data([now, now], [0, 100])
    if ax.get_legend() is None:
        ax.set_ylim(-4, 150)  # the legend row above the 100% points
        ax.set_yticks([0, 25, 50, 75, 100])
        ax.set_ylabel("% of creators")
        ax.set_xlabel("threshold (spreads above the usual gain)")
        ax.set_xlim(-0.6, len(THRESHOLD_STOPS) - 0.4)
        ax.set_xticks(_GROWTH_TICKS, [plots.human_number(THRESHOLD_STOPS[i]) for i in _GROWTH_TICKS])
        ax.legend(loc="upper center", ncols=2, frameon=False)
    if n["flagged"] == 0:
        finding = "Nobody flagged: recall 0%"
    else:
        finding = f"Precision {n['precision_pct']:.0f}%, recall {n['recall_pct']:.0f}%"
    plots.set_title(
        ax, finding, f"{n['honest_accused']:.0f} honest creators accused (dotted: your threshold)"
    )


def draw_audit(fig: Figure, result: LabResult, prepared: AuditData, trade: _Curves) -> None:
    """Left: one creator's daily follower gains with the flagged days and the planted purchases;
    right: precision and recall of the growth rule at every threshold, the chosen one marked."""
    series_ax, growth_ax = _two_panels(fig)
    extra = result.extra
    creator = extra["creator_id"]
    marks = day_marks(prepared, creator, extra["threshold"], extra["excuse"])
    _draw_series(series_ax, marks, prepared.creators.loc[creator, "label"])
    _draw_tradeoff(growth_ax, result, trade)
    few_ticks(series_ax)


def _months() -> Any:
    from matplotlib.dates import MonthLocator

    return MonthLocator(bymonth=(7, 9, 11))


def _month_names() -> Any:
    from matplotlib.dates import DateFormatter

    return DateFormatter("%b")


@register
class FollowerAuditLab(Lab):
    """Follower audit (lesson 10): flags against the planted truth."""

    name = "follower-audit"
    title = "Follower audit: flags against the truth"
    tables = ("influencers", "posts", "follower_growth", "follower_sample")
    figsize = (plots.LAB_WIDTH_IN, 6.2)
    table_columns: ClassVar[dict[str, Column]] = {
        "flagged": Column("flagged", fmt="count"),
        "caught": Column("guilty among them", fmt="count"),
        "accused": Column("innocent accused", fmt="count"),
        "precision_pct": Column("precision", "%", "percent"),
        "recall_pct": Column("recall", "%", "percent"),
    }

    def prepare(self, tables: dict[str, pd.DataFrame]) -> None:
        influencers, posts = tables["influencers"], tables["posts"]
        truth = generate.follower_audit_truth(influencers, posts)
        self.prepared = prepare_audit(
            influencers, posts, tables["follower_growth"], tables["follower_sample"], truth
        )
        self.curves = curves(self.prepared)

    def make_controls(self) -> dict[str, w.ValueWidget]:
        options = list(zip(self.prepared.creators["label"], self.prepared.creators.index, strict=True))
        creator = dropdown("Creator drawn", options, options[0][1])
        creator.layout.width = "420px"
        return {
            "threshold": w.SelectionSlider(
                options=[(f"{v:,g}", float(v)) for v in THRESHOLD_STOPS],
                value=10.0,
                description="Growth threshold (spreads)",
                continuous_update=False,
                style={"description_width": "initial"},
                layout=w.Layout(width="460px"),
            ),
            "excuse_strong_posts": w.Checkbox(
                value=True,
                description="Excuse days right after a strong post",
                style={"description_width": "initial"},
            ),
            "signals_needed": w.IntSlider(
                value=3,
                min=SIGNAL_STOPS[0],
                max=SIGNAL_STOPS[-1],
                step=1,
                description="Follower signals needed",
                continuous_update=False,
                style={"description_width": "initial"},
                layout=w.Layout(width="360px"),
            ),
            "creator_id": creator,
        }

    def compute(self, **values: Any) -> LabResult:
        return audit_update(self.prepared, **values)

    def draw(self, fig: Figure, result: LabResult) -> None:
        draw_audit(fig, result, self.prepared, self.curves)
