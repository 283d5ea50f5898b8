"""Over-commercialisation (lesson 03): a TOY MODEL of what too many ads do to a creator's audience.

**This is a toy model, not a finding.** No published study gives these equations or parameter values.
It turns one idea from the lesson into numbers you can play with: the audience follows the person,
not the brands, so a feed that becomes mostly ads costs trust, and lost trust costs engagement and
followers. Only two inputs come from data, and they come from the course's **synthetic** posts
table (calibrated to InfluencerDB 2016 and Wies, Bleier & Edeling 2023; see ``datasets/README.md``):
the organic engagement rate and the paid-post performance ratio. Everything else is an explicit,
adjustable assumption listed in :class:`ToyParams`.

The model
---------
Time runs in months ``m = 1 .. M`` (``M = months``, a year by default). The controls are the share
of sponsored posts ``s`` (fraction of all posts), the audience's tolerance ``tau`` (the share of ads
it accepts without losing trust) and whether the sponsors fit the creator's niche (fit factor
``f = 1`` on-niche, ``f = off_niche_factor`` off-niche). Each month:

1. **Trust** ``T`` (0-1, starts at ``T_0 = trust_start``) changes with the month's posts::

       excess   = max(0, s - tau) / (tau + softness)
       pressure = erosion x f x excess ** convexity
       T_m      = (T_(m-1) + recovery x T_0) / (1 + recovery + pressure)

   Below the tolerance nothing is lost and trust recovers towards ``T_0``. Above it, the excess
   is measured *relative to what the audience accepts* (ten points too many hurt more when the
   audience accepts 5 % ads than when it accepts 40 %; ``softness`` keeps a zero tolerance from
   being infinitely touchy), and with ``convexity > 1`` each extra ad costs more trust than the
   one before. The update is the implicit form of "trust regains ``recovery`` of its gap to
   ``T_0`` and loses ``pressure`` of its level each month", so trust stays between 0 and ``T_0``
   however strong the pressure (no clipping, no floor), and a steady share settles at
   ``T* = recovery x T_0 / (recovery + pressure)``. Relative trust ``r_m = T_m / T_0``.

   Why these shapes: with a straight-line cost (``convexity = 1``, no relative excess) selling
   more ads pays at almost any share, so a *less* tolerant audience would have moved the best
   share *up*; the convex, relative cost makes the answers move the way the lesson argues:
   more ads or off-niche sponsors cost more trust, and a less tolerant audience lowers the
   share of ads that sells the most.
2. **Engagement**: the month's posts earn engagement from the followers at the start of the month
   (``F_(m-1)``) at rates proportional to relative trust (percent of followers)::

       ER_organic_m   = er_organic_pct x r_m
       ER_sponsored_m = er_organic_pct x paid_post_performance x r_m
       ER_m           = (1 - s) x ER_organic_m + s x ER_sponsored_m     (all posts)

   ``paid_post_performance`` is the creator's paid-post performance (sponsored ER / organic ER, Modash's
   definition), the median over creators in the posts table.
3. **Followers** ``F`` (start ``start_followers``): a share unfollows, and new people follow::

       unfollow_m = churn_base + churn_trust x (1 - r_m)        (fraction per month)
       follow_m   = growth x r_m                                (fraction per month)
       F_m        = F_(m-1) x (1 - unfollow_m + follow_m)

   The unfollowers of month ``m`` are ``F_(m-1) x unfollow_m``; **churn** over the year is their
   sum as a percent of ``start_followers``.

Sponsored engagements in month ``m`` = ``posts_per_month x s x F_(m-1) x ER_sponsored_m / 100``.
Their sum over the year is what the brands buying the ads get this year; the **pace** at the end
of the year (month ``M`` x 12) is what the creator could still sell next year if nothing changed.
:func:`toy_year` sweeps ``s`` from 0 to 100 % and the lab (:mod:`helpers.widgets.commercialisation`)
marks where each peaks: more ads sell more engagements this year until lost trust and lost followers
eat the gain, and the pace peaks at a lower share, because ads beyond the tolerance borrow from next
year.

What it leaves out (on purpose): disclosure (required by law in any case: FTC 16 CFR 255, FTC
"Disclosures 101", 2019), content quality, platform algorithms, seasonality, and any difference
between creators. Use it to reason about direction and trade-offs, never to forecast a number.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, replace

import numpy as np
import pandas as pd

from . import trust

#: Sponsored shares (percent) the lab sweeps to find the share with the most sponsored engagements.
SWEEP_PCT: np.ndarray = np.arange(0, 101, 5, dtype=float)
#: Brand-fit choices: control value -> label.
FIT_LABELS: dict[str, str] = {"on": "on-niche brands", "off": "off-niche brands"}


class ToyInputError(ValueError):
    """Control values outside the toy model's range; the message says what to change."""


@dataclass(frozen=True)
class ToyParams:
    """Every parameter of the toy model, with its unit. Defaults are assumptions, except the two
    marked *calibrated*, which :func:`calibrate` measures in the (synthetic) posts table."""

    months: int = 12  #: months simulated (a year)
    posts_per_month: float = 12.0  #: posts the creator publishes per month, organic + sponsored
    start_followers: float = 10_000.0  #: followers at the start (accounts)
    trust_start: float = 0.8  #: T_0, the audience's trust at the start, 0-1 (assumption)
    erosion: float = 0.3  #: trust pressure per month at a relative excess of 1 (assumption)
    softness: float = (
        0.5  #: added to the tolerance when measuring the excess relatively, fraction (assumption)
    )
    convexity: float = 1.5  #: power of the relative excess: > 1 means each extra ad costs more (assumption)
    recovery: float = 0.1  #: share of the gap to T_0 that trust regains per month (assumption)
    off_niche_factor: float = 2.0  #: off-niche ads erode trust this many times faster (assumption)
    churn_base: float = 0.01  #: share of followers who unfollow per month anyway (assumption)
    churn_trust: float = 0.08  #: extra monthly unfollow share when all trust is lost (assumption)
    growth: float = 0.02  #: share of followers gained per month at full trust (assumption)
    er_organic_pct: float = 3.0  #: organic ER by followers, percent (*calibrated*)
    paid_post_performance: float = 1.0  #: paid-post performance, sponsored ER / organic ER (*calibrated*)
    calibration: str = field(default="defaults (not calibrated)", compare=False)  #: where the two came from


def calibrate(
    posts: pd.DataFrame, influencers: pd.DataFrame, platform: str = "instagram", base: ToyParams | None = None
) -> ToyParams:
    """``base`` (default :class:`ToyParams`) with ``er_organic_pct`` and ``paid_post_performance`` measured in
    the posts table: the medians over ``platform``'s creators with at least one sponsored and three
    organic posts (:func:`helpers.analysis.trust.paid_post_performance_by_creator`).

    Falls back to ``base`` unchanged when no creator qualifies (e.g. a tiny test table).
    """
    base = base or ToyParams()
    creators = trust.paid_post_performance_by_creator(posts, influencers, platform=platform)
    creators = creators.dropna(subset=["er_organic_pct", "paid_post_performance"])
    if creators.empty:
        return base
    return replace(
        base,
        er_organic_pct=float(creators["er_organic_pct"].median()),
        paid_post_performance=float(creators["paid_post_performance"].median()),
        calibration=f"medians over {len(creators):,} {platform} creators in the synthetic posts table",
    )


def parameter_table(params: ToyParams) -> pd.DataFrame:
    """The model's parameters as a table (name, value, what it means) for the notebook."""
    meaning = {
        "months": "months simulated",
        "posts_per_month": "posts per month, organic + sponsored",
        "start_followers": "followers at the start",
        "trust_start": "trust at the start, 0-1 (assumption)",
        "erosion": "trust pressure per month at a relative excess of 1 (assumption)",
        "softness": "added to the tolerance when the excess is measured relatively (assumption)",
        "convexity": "power of the relative excess; above 1, each extra ad costs more (assumption)",
        "recovery": "share of the gap to the starting trust regained per month (assumption)",
        "off_niche_factor": "off-niche ads erode trust this many times faster (assumption)",
        "churn_base": "followers unfollowing per month anyway, fraction (assumption)",
        "churn_trust": "extra monthly unfollow fraction when all trust is lost (assumption)",
        "growth": "new followers per month at full trust, fraction (assumption)",
        "er_organic_pct": "organic engagement rate, % (calibrated: synthetic posts)",
        "paid_post_performance": "paid-post performance: sponsored ER / the same creator's organic ER "
        "(calibrated: median of the synthetic creators)",
    }
    values = {k: v for k, v in asdict(params).items() if k != "calibration"}
    return pd.DataFrame(
        {"value": [float(v) for v in values.values()], "meaning": [meaning[k] for k in values]},
        index=pd.Index(list(values), name="parameter"),
    )


def simulate(
    shares_pct: np.ndarray | float,
    tolerance_pct: float,
    fit: str = "on",
    params: ToyParams | None = None,
) -> dict[str, np.ndarray]:
    """Run the toy model for one or several sponsored shares at once (vectorised).

    Args:
        shares_pct: sponsored share(s) of all posts, percent 0-100.
        tolerance_pct: share of ads the audience accepts without losing trust, percent 0-100.
        fit: ``"on"`` (sponsors fit the niche) or ``"off"`` (they do not).
        params: model parameters (default :class:`ToyParams`).

    Returns arrays with one row per share and one column per month 0..M (``trust``, ``followers``,
    ``er_pct`` = ER of all posts, percent) or per month 1..M (``unfollows``, ``sponsored_engagements``,
    ``organic_engagements``; counts). Raises :class:`ToyInputError` for values outside their range.
    """
    p = params or ToyParams()
    s = np.atleast_1d(np.asarray(shares_pct, dtype=float)) / 100.0
    if np.any((s < 0) | (s > 1)) or not 0 <= tolerance_pct <= 100:
        raise ToyInputError("Shares and tolerance are percentages: keep them between 0 and 100.")
    if fit not in FIT_LABELS:
        raise ToyInputError(f"Brand fit must be one of {list(FIT_LABELS)}, not {fit!r}.")
    factor = p.off_niche_factor if fit == "off" else 1.0
    tau = tolerance_pct / 100.0
    excess = np.clip(s - tau, 0.0, None) / (tau + p.softness)
    pressure = p.erosion * factor * excess**p.convexity
    n, months = len(s), p.months
    trust_path = np.empty((n, months + 1))
    followers = np.empty((n, months + 1))
    er = np.empty((n, months + 1))
    unfollows = np.empty((n, months))
    sponsored = np.empty((n, months))
    organic = np.empty((n, months))
    trust_path[:, 0] = p.trust_start
    followers[:, 0] = p.start_followers
    er[:, 0] = p.er_organic_pct * ((1 - s) + s * p.paid_post_performance)
    for m in range(1, months + 1):
        t = trust_path[:, m - 1]
        t_new = (t + p.recovery * p.trust_start) / (1.0 + p.recovery + pressure)
        r = t_new / p.trust_start
        er_org = p.er_organic_pct * r
        er_sp = er_org * p.paid_post_performance
        f_prev = followers[:, m - 1]
        sponsored[:, m - 1] = p.posts_per_month * s * f_prev * er_sp / 100.0
        organic[:, m - 1] = p.posts_per_month * (1 - s) * f_prev * er_org / 100.0
        unfollow = p.churn_base + p.churn_trust * np.clip(1.0 - r, 0.0, None)
        unfollows[:, m - 1] = f_prev * unfollow
        followers[:, m] = f_prev * (1.0 - unfollow + p.growth * r)
        trust_path[:, m] = t_new
        er[:, m] = (1 - s) * er_org + s * er_sp
    return {
        "trust": trust_path,
        "followers": followers,
        "er_pct": er,
        "unfollows": unfollows,
        "sponsored_engagements": sponsored,
        "organic_engagements": organic,
    }


@dataclass(frozen=True)
class ToyYear:
    """One year of the toy model at one sponsored share, with the sweep over every share.

    Attributes:
        share_pct, tolerance_pct: the controls (percent); fit: ``"on"`` or ``"off"``.
        months: 0..M. trust (0-1), followers (accounts), er_pct (ER of all posts, percent): per month 0..M.
        unfollows: accounts per month 1..M.
        sweep_engagements: sponsored engagements over the year at each share of :data:`SWEEP_PCT`.
        sweep_pace: the last month's sponsored engagements x 12 at each share (next year at that pace).
        numbers: the year in figures (see :func:`toy_year`).
    """

    share_pct: float
    tolerance_pct: float
    fit: str
    months: np.ndarray
    trust: np.ndarray
    followers: np.ndarray
    er_pct: np.ndarray
    unfollows: np.ndarray
    sweep_engagements: np.ndarray
    sweep_pace: np.ndarray
    numbers: dict[str, float]

    def indices(self) -> dict[str, np.ndarray]:
        """Trust, followers, ER and engagements per post (followers x ER) per month as indices,
        start = 100 (ER and engagements NaN when the starting ER is 0)."""
        trust_path, followers, er = self.trust, self.followers, self.er_pct
        start_f = float(followers[0])
        return {
            "trust_index": 100.0 * trust_path / trust_path[0],
            "followers_index": 100.0 * followers / start_f,
            "er_index": 100.0 * er / er[0] if er[0] > 0 else np.full_like(er, np.nan),
            # engagements per post (a count) = followers x ER: falls with both trust and followers
            "engagements_index": 100.0 * (followers * er) / (start_f * er[0])
            if er[0] > 0
            else np.full_like(er, np.nan),
        }


def toy_year(
    params: ToyParams, sponsored_share_pct: float = 30.0, tolerance_pct: float = 20.0, fit: str = "on"
) -> ToyYear:
    """One year of the toy model at one sponsored share, plus a sweep over all shares.

    ``numbers``: ``trust_start_pct`` / ``trust_end_pct`` (trust x 100), ``trust_change_pct`` (relative
    change, percent), ``followers_start`` / ``followers_end`` (accounts), ``unfollows`` (accounts over
    the year), ``churn_pct`` (unfollows / start x 100), ``net_follower_change_pct``, ``er_start_pct`` /
    ``er_end_pct`` (ER of all posts, percent), ``sponsored_posts`` (count over the year),
    ``sponsored_engagements`` (count over the year), ``pace_sponsored_engagements`` (the last
    month's sponsored engagements x 12: next year at the end-of-year pace), ``best_share_pct`` /
    ``best_sponsored_engagements`` (the share in the sweep with the most sponsored engagements this
    year, and that count) and ``best_pace_share_pct`` (the share with the best end-of-year pace).
    Raises :class:`ToyInputError` for values outside their range.
    """
    run = simulate(sponsored_share_pct, tolerance_pct, fit, params)
    sweep = simulate(SWEEP_PCT, tolerance_pct, fit, params)
    yearly = sweep["sponsored_engagements"].sum(axis=1)
    pace = sweep["sponsored_engagements"][:, -1] * 12.0
    best, best_pace = int(np.argmax(yearly)), int(np.argmax(pace))
    trust_path, followers, er = run["trust"][0], run["followers"][0], run["er_pct"][0]
    unfollows = float(run["unfollows"][0].sum())
    start_f = float(followers[0])
    numbers = {
        "trust_start_pct": 100.0 * float(trust_path[0]),
        "trust_end_pct": 100.0 * float(trust_path[-1]),
        "trust_change_pct": 100.0 * float(trust_path[-1] / trust_path[0] - 1.0),
        "followers_start": start_f,
        "followers_end": float(followers[-1]),
        "unfollows": unfollows,
        "churn_pct": 100.0 * unfollows / start_f,
        "net_follower_change_pct": 100.0 * float(followers[-1] / start_f - 1.0),
        "er_start_pct": float(er[0]),
        "er_end_pct": float(er[-1]),
        "sponsored_posts": params.months * params.posts_per_month * sponsored_share_pct / 100.0,
        "sponsored_engagements": float(run["sponsored_engagements"][0].sum()),
        "pace_sponsored_engagements": float(run["sponsored_engagements"][0, -1] * 12.0),
        "best_share_pct": float(SWEEP_PCT[best]),
        "best_sponsored_engagements": float(yearly[best]),
        "best_pace_share_pct": float(SWEEP_PCT[best_pace]),
    }
    return ToyYear(
        share_pct=sponsored_share_pct,
        tolerance_pct=tolerance_pct,
        fit=fit,
        months=np.arange(params.months + 1),
        trust=trust_path,
        followers=followers,
        er_pct=er,
        unfollows=run["unfollows"][0],
        sweep_engagements=yearly,
        sweep_pace=pace,
        numbers=numbers,
    )
