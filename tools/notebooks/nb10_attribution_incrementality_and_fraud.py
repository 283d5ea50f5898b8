"""Source of notebooks/10_attribution_incrementality_and_fraud.ipynb (build with `python tools/nbtools.py 10`)."""

import textwrap

from helpers import course
from helpers.exercises import lesson10, lettered_options
from helpers.text import word_list
from nbtools import NB, NUMBER_WORDS

NAME = "10_attribution_incrementality_and_fraud"
MINUTES = course.lesson(NAME[:2]).minutes  # stated time comes from helpers.course.COURSE
PREVIOUS, NEXT = course.lesson("09"), course.lesson("11")
#: Small counts written as words at the start of a sentence.

#: Task text of each exercise, in order (the numbers are those lesson10 checks against).
EXERCISES: dict[str, str] = {
    "q1": """
        **Exercise 10.q1 - a holdout by hand.** A brand ran creators for **6 weeks** and held out a random
        set of regions. Exposed regions (**9.5 million people**) ordered **2.46** times per 1,000 people a
        week, held-out regions **2.10**. The creators' promo codes were used **14,800** times. How many
        orders did the campaign cause, by the holdout?
        """,
    "q2": """
        **Exercise 10.q2 - codes where no creator posted (pandas).** Using the `region_sales` table
        (`regions` in the setup cell): in the **held-out** regions, what percentage of the orders used a
        creator's promo code?
        """,
    "q3": """
        **Exercise 10.q3 - codes or holdout?** A creator's code ended up on a coupon site during the
        campaign. The code was used **15,000** times; a holdout estimates **9,000** incremental orders, 95 %
        interval **4,000-14,000**. What do you report to the brand? Answer with a letter.

"""
    + textwrap.indent(lettered_options(lesson10.HOLDOUT_OPTIONS), "        ")
    + "\n",
    "q4": """
        **Exercise 10.q4 - fake followers.** A creator has **20,000 followers**, 80% of them real, and
        gets **700 likes and 100 comments** per post. They buy **10,000 fake followers**. What is their
        engagement rate by followers afterwards, in percent?
        """,
    "q5": """
        **Exercise 10.q5 - disclosure (pandas).** Using the `posts` table: what percentage of
        **sponsored** posts carry a clear disclosure (column `disclosed`)?
        """,
    # --- follower audit exercises (follower-audit helper): add their task texts here ---
    "q6": """
        **Exercise 10.q6 - a strict follower rule (pandas).** Using `sample` and `truth` from the follower
        audit: flag the sampled accounts with **at least 4** of the 7 signals (`audit.flag_followers`).
        How many **real** accounts does the rule call fake?
        """,
    "q7": """
        **Exercise 10.q7 - honest creators accused (pandas).** Using `scores` and `truth` from the follower
        audit: flag the creators at a threshold of **20** (`audit.creator_flags`, which excuses the days
        right after a strong post). How many flagged creators bought **no** followers in those 180 days?
        """,
}


#: The exercises that use a course table (pandas), from their task texts.
PANDAS = [f"10.{name}" for name, task in EXERCISES.items() if "(pandas)" in task]


def _experiment() -> dict[str, str]:
    """The sentences of section 2, computed from the bundled experiment and the generator's truth; the
    build fails if a sentence stops being true."""
    from helpers import data
    from helpers.analysis import incrementality

    regions = data.load_region_sales()
    groups = incrementality.group_rates(regions)
    hold = incrementality.holdout_estimate(regions)
    codes = incrementality.attribution_estimate(regions)
    truth = incrementality.planted_truth()
    assert hold["low"] <= truth["incremental_orders"] <= hold["high"], (hold, truth)
    assert codes["high"] < truth["incremental_orders"], (codes, truth)  # codes count too few here
    assert hold["low"] > 0  # the interval excludes "no effect"
    exposed, held = groups.loc["exposed"], groups.loc["held out"]
    weeks = regions["week"].nunique()
    # the sentence multiplies the printed difference by the printed people and weeks
    assert round(hold["per_1000"] * exposed["people"] / 1000 * weeks) == round(hold["orders"]), hold
    return {
        "regions": f"{int(groups['regions'].sum()):,}",
        "held": f"{int(held['regions']):,}",
        "weeks": f"{regions['week'].nunique():,}",
        "exposed_rate": f"{exposed['orders_per_1000']:.2f}",
        "held_rate": f"{held['orders_per_1000']:.2f}",
        "diff": f"{hold['per_1000']:.4f}",
        "thousands": f"{exposed['people'] / 1000:,.1f}",
        "orders": f"{hold['orders']:,.0f}",
    }


def _er_flags() -> dict[str, str]:
    """How many Instagram creators either ER flag fires on (the sentence after the flag chart), and the
    disclosure title's claim; the build fails if a sentence stops being true."""
    from helpers import data, metrics
    from helpers.analysis import measurement

    influencers = data.load_influencers()
    insta = influencers[influencers["platform"].astype(str) == "instagram"]
    er = metrics.er_by_followers(insta["avg_likes"], insta["avg_comments"], insta["followers"])
    flags = metrics.audience_quality_flags(insta["followers"], er_pct=er)
    either = flags["er_implausibly_low"].fillna(False) | flags["er_implausibly_high"].fillna(False)
    flagged = int(either.sum())
    assert flagged <= 0.01 * len(insta), flagged  # "rarely"
    per_creator = measurement.disclosure_by_creator(data.load_posts())
    # the disclosure title: "most creators left at least one sponsored post undisclosed"
    assert (per_creator["disclosed_pct"] < 100).mean() > 0.5, per_creator["disclosed_pct"].describe()
    return {"flagged": f"{flagged:,}", "creators": f"{len(insta):,}"}


def build() -> NB:
    nb = NB(NAME)
    nb.md(
        f"""
        # Attribution, incrementality and fraud

        **In {MINUTES} minutes you will attribute sales with promo codes and tracked links, measure what a
        campaign caused with a holdout - and see codes miss it - audit a creator's followers, saying with
        precision and recall how often a flag is right, and check a report for missing disclosures.**
        """,
        slide="slide",
    )
    nb.notes(
        f"""
        The second half of measuring, after {PREVIOUS.number} (metrics and money). That lesson computed
        the numbers of a report; this one asks which of them to believe. The synthetic data plants the
        truth - what the creators really caused, who really bought followers - so every method can be
        checked against it, which no real report allows. Pace: attribution and the holdout first, the
        incrementality lab as the centrepiece, then fraud and disclosure; exercises in pairs at the end.
        If time is short, give the pandas exercises ({word_list(PANDAS)}) as homework.
        """
    )
    nb.md(
        f"""
        ## Objectives
        By the end of this notebook you can:
        1. attribute sales with promo codes and tracked links, count each sale once, and say what both miss;
        2. explain why attributed sales are not the sales a campaign caused, and estimate incremental
           sales with a random holdout and its 95 % interval;
        3. say which way promo-code attribution errs when codes leak or go unused, and report a holdout's
           estimate instead of a code count;
        4. predict what bought followers do to the numbers, and read audience-quality flags as reasons to
           look, not proof;
        5. check that sponsored posts are disclosed;
        6. audit a creator's follower growth and a sample of their followers, and say with precision and
           recall how often a flag is right - and how many honest creators a strict rule accuses.

        **Time to learn:** {MINUTES} minutes. **Prerequisites:** notebook {PREVIOUS.number} (CPA, ROI and EMV).
        A little pandas for {NUMBER_WORDS[len(PANDAS)].lower()} of the exercises.
        """,
        slide="subslide",
    )
    nb.md(
        """
        ## Setup
        One cell: the course's helpers and the five tables this lesson reads first. `influencers`, `posts`,
        `campaigns` and `region_sales` are **synthetic** (invented, calibrated to published figures);
        `benchmarks` holds **real published figures**, one source per row. The follower audit adds
        `follower_growth` and `follower_sample` (synthetic too).
        """,
        slide="slide",
    )
    nb.code(
        """
        from helpers import app_links, data, plots, tables, text, widgets
        from helpers.analysis import audit, incrementality, measurement
        from helpers.exercises import ____, lesson10 as ex

        influencers = data.load_influencers()
        posts = data.load_posts()
        campaigns = data.load_campaigns()
        benchmarks = data.load_benchmarks()
        regions = data.load_region_sales()
        """
    )

    # -- 1. attribution -------------------------------------------------------------------------
    nb.md(
        """
        ## 1. Attribution: promo codes and tracked links
        To count sales, give each creator two tools:
        * a **tracked link** (an affiliate link, or a link with UTM tags: labels added to the web
          address that tell the shop's analytics which creator sent the visitor) - it records the click
          and the purchase that follows, but loses people who switch device, come back days later or buy
          in a shop;
        * a **promo code** - it catches buyers who never clicked, but codes leak to coupon sites, so
          some uses were never driven by the creator.

        Count each sale once (a buyer may use both), and read the total as a **floor** of what the
        creators touched: people who saw the post and bought without a click or a code leave no trace.
        In the course data, conversions come from links and codes together, and `promo_code_uses` is the
        part that used the code.
        """,
        slide="slide",
    )
    nb.code(
        """
        costs = measurement.campaign_costs(campaigns, influencers)
        attribution = measurement.attribution_by_platform(costs)
        tables.show(attribution, measurement.ATTRIBUTION_COLUMNS)
        """
    )
    nb.code(
        """
        fig, ax = plots.new_figure()
        plots.bar_groups(
            ax,
            list(attribution.index),
            {"all conversions": attribution["cpa_usd"], "promo codes only": attribution["cpa_codes_only_usd"]},
            ylabel="USD per conversion",
            value_format="{:.0f}",
        )
        ax.legend(loc="upper left")
        inflation = (attribution["cpa_codes_only_usd"] / attribution["cpa_usd"]).median()
        plots.set_title(
            ax,
            f"Counting codes alone makes a customer look {inflation:.1f}x as expensive",
            "pooled CPA by platform, all conversions vs promo-code uses only; synthetic course data",
        )
        plots.show(fig)
        """
    )

    # -- 2. incrementality ----------------------------------------------------------------------
    facts = _experiment()
    nb.md(
        f"""
        ## 2. Did the campaign cause the sales? A holdout
        Attribution answers "which sales carried a creator's trace?". A brand needs another answer: how
        many sales would **not** have happened without the campaign - the **incremental** sales. Some
        buyers with a code would have bought anyway (they found it on a coupon site); some buyers the
        creators convinced typed no code at all.

        Only a comparison with a world without the campaign measures it. The cleanest is a **holdout**:
        before the campaign, draw some regions (or audiences) **at random** and post nothing there. Chance
        alone then decides which regions are held out, so they show what the others would have ordered
        without the creators. The `region_sales` table is such an experiment (synthetic): a brand ran
        creators in {facts["regions"]} regions for {facts["weeks"]} weeks and held {facts["held"]} of them out.
        """,
        slide="slide",
    )
    nb.code(
        """
        groups = incrementality.group_rates(regions)
        tables.show(groups[list(incrementality.GROUP_COLUMNS)], incrementality.GROUP_COLUMNS)
        """
    )
    nb.md(
        f"""
        The average exposed region ordered {facts["exposed_rate"]} times per 1,000 people a week, the average
        held-out region {facts["held_rate"]} (each rate is the mean over the regions, each region counted once
        whatever its size). The difference of the two means, {facts["diff"]} orders per 1,000 people a week,
        times the exposed people ({facts["thousands"]} thousand) and the {facts["weeks"]} weeks estimates the
        incremental orders: {facts["orders"]}. Regions differ by chance too, so the estimate comes with a
        95 % interval (Welch's, with regions as the units):
        """,
        slide="fragment",
    )
    nb.code(
        """
        holdout = incrementality.holdout_estimate(regions)
        codes = incrementality.attribution_estimate(regions)
        interval = f"95% interval {holdout['low']:,.0f} to {holdout['high']:,.0f}"
        print(f"holdout: {holdout['orders']:,.0f} incremental orders, {interval}")
        print(f"promo codes: {codes['orders']:,.0f} orders used a creator's code")
        """
    )
    nb.md(
        """
        A real brand stops here. The course's generator planted the truth - how many orders the creators
        really caused - so we can look it up and grade both methods:
        """,
        slide="fragment",
    )
    nb.code(
        """
        planted = incrementality.planted_truth()
        report = incrementality.compare_estimates(regions, planted["incremental_orders"], avg_order_usd=50)
        tables.show(report, incrementality.ESTIMATE_COLUMNS)
        """
    )
    nb.md(
        """
        The holdout's interval holds the truth; the code count is precise - its interval, counting noise
        only, is narrow - and wrong: buyers who never typed a code are missing. EMV (impressions at a
        USD 10 CPM, shown as orders at USD 50 each) reads no sales at all. In the lab, make codes leak
        and watch the code count swing past the truth while the holdout stays put.
        """,
        slide="fragment",
    )
    nb.notes(
        """
        The holdout needs a decision *before* the campaign: a brand that posts everywhere cannot
        measure incrementality afterwards. Ad platforms sell the same idea as experiments for their ads;
        for creators, regions or audience segments are the usual units. Ask the room: "Who has
        seen a promo-code report presented as the campaign's sales?"
        """
    )

    # -- lab 1 ----------------------------------------------------------------------------------
    nb.md(
        """
        ## Lab: three estimates against the planted truth
        Every setting runs a new simulated experiment (draw 1 at the defaults is the `region_sales` table).
        1. move **Code leakage** from 0 to 10: the code count rises past the truth; the holdout does not move;
        2. set **True effect** to 0: EMV stays the same, the codes still count leaked uses;
        3. try a small campaign (20 regions, 10 % held out), then a big one (400 regions, 50 %): watch the
           holdout's interval;
        4. change **draw** a few times: about 19 draws in 20, the holdout's interval holds the truth.
        """,
        slide="slide",
    )
    nb.volatile(
        """
        inc_lab = widgets.IncrementalityLab()
        inc_lab
        """
    )
    nb.code(
        """
        app_links.app_link("incrementality")
        """
    )
    nb.md(
        """
        The same lab from code: a big campaign whose code leaked to a coupon site.
        """,
        slide="fragment",
    )
    nb.code(
        """
        result = inc_lab.set(regions=200, holdout_pct=50, leakage_pct=10.0)
        print(result.summary)
        """
    )
    nb.notes(
        """
        On the projector: start at the defaults and ask "which number would you put in the report?";
        then leak the code. The point: a method can be precise (codes: a narrow interval) and wrong,
        or noisy (a small holdout) and right on average; only the holdout's error shrinks with size.
        """
    )

    # -- 3. fake followers ----------------------------------------------------------------------
    nb.md(
        """
        ## 3. Fake followers: what they do to the numbers
        Followers can be bought: SRF Data found in 2017 that 1,000 fake followers cost USD 5-15, and
        estimated that 115 Swiss influencers had about 30% fake followers on average. Bought followers
        are inactive accounts that do not like, comment or buy, so buying them **lowers** the
        engagement rate by followers and the share of real followers, and can **raise** the following
        count when creators follow back. Audit tools look for exactly
        these traces. The published figures, as the `benchmarks` table stores them (HypeAuditor and
        Influencer Marketing Hub sell influencer-marketing services - vendor figures):
        """,
        slide="slide",
    )
    nb.code(
        """
        fraud = benchmarks[benchmarks["group"] == "fraud"]
        shown = fraud.set_index("definition")[["value", "unit", "source", "confidence", "is_vendor_estimate"]]
        tables.show(shown, {"is_vendor_estimate": tables.Column("vendor figure", fmt="yesno")}, index="figure")
        """
    )
    nb.md(
        """
        Audit flags from `metrics.audience_quality_flags`: authenticity under 75% (Modash), following
        more than 1,500 accounts (HypeAuditor's "mass follower" cut-off), following more accounts than
        follow you, and an engagement rate 4x below or above the median of the follower band (the band
        medians are HypeAuditor's, 2018; the factor 4 is this course's rule of thumb - no published
        cut-off exists). The synthetic data knows who really bought followers, so we can check the
        flags against the truth - something real audits never can:
        """,
        slide="fragment",
    )
    nb.code(
        """
        hits = measurement.flag_hit_rates(influencers)
        fig, ax = plots.new_figure(figsize=(9, 5.5))
        plots.bar_groups(
            ax,
            [text.two_lines(label) for label in hits.index],  # each label on two balanced lines
            {"bought followers": hits["bought_pct"], "did not buy": hits["did_not_buy_pct"]},
            ylabel="% of Instagram creators flagged",
            value_format="{:.0f}%",
        )
        ax.legend(loc="upper center")
        caught, wrongly = hits.loc["any flag", "bought_pct"], hits.loc["any flag", "did_not_buy_pct"]
        plots.set_title(
            ax,
            f"Flags catch {caught:.0f}% of buyers - and {wrongly:.0f}% of honest creators",
            "Instagram creators of the synthetic course data, against its ground truth (has_bought_followers)",
        )
        plots.show(fig)
        """
    )
    er = _er_flags()
    nb.md(
        f"""
        A flag is a reason to look closer, never proof: check the follower growth curve and read the
        comments before you accuse anyone. The two ER flags fire on {er["flagged"]} of the {er["creators"]}
        synthetic Instagram creators: fake followers lower a rate, but rarely 4x below its band. They are
        calibrated on Instagram: on TikTok, normal engagement would look "implausibly high".
        """,
        slide="fragment",
    )

    # -- lab 2 ----------------------------------------------------------------------------------
    nb.md(
        """
        ## Lab: the fake-follower simulator
        Take an honest creator (the synthetic data says they bought nothing, and no flag is raised),
        buy fake followers, and follow some of them back. Watch the follower count, the engagement rate,
        the share of real followers and the flags. Try a nano and a mega creator with the same purchase.
        """,
        slide="slide",
    )
    nb.volatile(
        """
        fakes_lab = widgets.FakeFollowerSimulator()
        fakes_lab
        """
    )
    nb.code(
        """
        app_links.app_link("fake-followers")
        """
    )
    nb.code(
        """
        result = fakes_lab.set(fakes=50_000, follow_back_pct=30)
        print(result.summary)
        """
    )
    nb.notes(
        """
        The point that surprises people: a mega creator can absorb 50,000 fakes without any visible
        change, while the same purchase wrecks a micro creator's numbers. Fraud detection is easiest
        where it costs the least. Ask: "What would bought *likes* do?" (they push the rate up instead -
        what the "ER 4x above band" flag looks for; no synthetic creator bought likes, so it hardly fires here).
        """
    )

    # --- follower audit section (follower-audit helper) ---
    # The follower-audit helper (issue 17 item 2) adds ONE section here: its markdown, its lab cells
    # and nothing else; its exercises go into EXERCISES above (after 10.q5) and lesson10.py.
    from helpers import data as _data
    from helpers.analysis import audit as _audit

    _posts = _data.load_posts()
    _scores = _audit.growth_scores(_data.load_follower_growth(), _posts)
    _truth = _audit.planted_truth(_data.load_influencers(), _posts)
    _loose, _strict = (_audit.score_flags(_audit.creator_flags(_scores, t), _truth.bought) for t in (10, 30))
    # the sentences below say: stricter is more precise and misses more, and still accuses someone
    assert _strict.precision > _loose.precision and _strict.recall < _loose.recall, (_loose, _strict)
    assert _strict.accused >= 1, _strict
    _shout = set(_truth.bumps.loc[_truth.bumps["cause"] == "shout-out", "influencer_id"])
    _accused = _audit.creator_flags(_scores, 30) & ~_truth.bought
    assert set(_accused[_accused].index) <= _shout, "the strict rule's innocents are shout-outs"
    nb.md(
        """
        ## Follower audit: how did the followers arrive, and who are they?
        A snapshot flag says "look closer". Two closer looks, each on a **synthetic** table the course
        bundles for it: `follower_growth` holds the follower count of 240 Instagram creators on each of
        the last 180 days of 2025, and `follower_sample` holds 15 followers of each, with the features
        audit tools read. The generator planted the truth - who bought followers during those days,
        which sampled accounts are fake - and left it out of both tables, as real data would; here we
        may ask the generator for it, to grade the audits.

        **The growth curve.** Bought followers land as a step: a batch in a day or two, with nothing on
        the creator's account to explain it. Followers won by a post people loved arrive that day and
        the next few, fewer each day. So the audit scores each day's gain against the creator's own
        recent past: the gain minus the median gain of the previous 28 days, divided by their usual
        wobble (1.4826 x the median absolute deviation, a spread one old spike cannot inflate). A day at
        or above the threshold is flagged - unless the creator published a strong post (at least twice
        their median engagement) that day or in the two days before.
        """,
        slide="slide",
    )
    nb.code(
        """
        growth = data.load_follower_growth()
        sample = data.load_follower_sample()
        scores = audit.growth_scores(growth, posts)
        """
    )
    nb.md(
        """
        **Precision** is the share of the flagged creators who really bought followers; **recall** the
        share of the buyers who are flagged. Here is how both move with the threshold:
        """,
        slide="fragment",
    )
    nb.code(
        """
        truth = audit.planted_truth(influencers, posts)  # only synthetic data has this
        trade = audit.tradeoff(audit.worst_scores(scores), truth.bought, [3, 5, 10, 30, 50, 100, 500])
        fig, ax = plots.new_figure(figsize=(9, 5.5))
        audit.draw_tradeoff(ax, trade, marks=(10, 30))
        loose, strict = trade.loc[10.0], trade.loc[30.0]
        plots.set_title(
            ax,
            f"From 10 to 30: precision {loose['precision_pct']:.0f}% -> {strict['precision_pct']:.0f}%, "
            f"recall {loose['recall_pct']:.0f}% -> {strict['recall_pct']:.0f}%",
            "240 Instagram creators x 180 days, graded against the planted truth; synthetic course data",
        )
        plots.show(fig)
        """
    )
    nb.code(
        """
        for threshold in (10, 30):
            s = audit.score_flags(audit.creator_flags(scores, threshold), truth.bought)
            print(
                f"Threshold {threshold}: {s.flagged} creators flagged - precision {s.precision:.0%}, "
                f"recall {s.recall:.0%}; {s.accused} of the {s.innocent} creators who bought nothing accused."
            )
        """
    )
    nb.md(
        """
        A stricter rule is right more often and catches fewer buyers - and even the strict one accuses
        creators who bought nothing. In this data they are creators another account gave a shout-out: a
        jump that no post of their own explains. A flag tells you which day to look at; what happened
        that day (a mention, a feature, a purchase) is what you then check, before anyone is accused.
        """,
        slide="fragment",
    )
    nb.md(
        """
        **The followers themselves.** Fake accounts tend to have no profile picture, few posts, a young
        account, an empty bio and many digits in the name, and to follow far more accounts than follow
        them - often more than 1,500, HypeAuditor's "mass follower" line (Modash and SRF Data name the
        same signs). None is proof alone: how often does each fire on fake and on real accounts?
        """,
        slide="subslide",
    )
    nb.code(
        """
        rates = audit.signal_rates(sample, truth.fake.reindex(sample["follower_id"]))
        tables.show(rates.round(1))
        """
    )
    nb.md(
        """
        The audit counts the signs and flags an account with at least a set number of them; the lab
        below lets you choose that number and see the same trade-off as the growth threshold.

        **Why not real accounts?** SRF Data published the Instagram accounts it labelled in 2017 under
        CC BY-SA 4.0, a licence that would let the course ship them with their credit. The course does not
        bundle them: the audit here runs on synthetic accounts calibrated to the published shares
        (`datasets/README.md` says how). Bring a real sample - those accounts or your own - with
        `audit.follower_signals`, once its columns are named like `follower_sample`'s.
        """,
        slide="fragment",
    )
    nb.md(
        """
        ## Lab: the follower audit
        Tune the growth threshold and the number of follower signals; watch precision and recall move in
        opposite directions and count the honest creators accused. Pick a creator to see their daily
        gains, the flagged days, the days excused after a strong post and - because the data is
        synthetic - the days followers were really bought. Try: the largest threshold (who is flagged
        then?); untick the excuse (how many more honest creators are accused?); find a creator flagged
        without buying.
        """,
        slide="slide",
    )
    nb.volatile(
        """
        audit_lab = widgets.FollowerAuditLab()
        audit_lab
        """
    )
    nb.code(
        """
        app_links.app_link("follower-audit")
        """
    )
    nb.code(
        """
        result = audit_lab.set(threshold=30.0, excuse_strong_posts=False)
        print(result.summary)
        """
    )
    nb.notes(
        """
        Precision and recall pull against each other: no threshold gives both. Ask the room which error
        is worse for a brand - paying a creator who bought followers, or publicly accusing one who did
        not - and let that choose the threshold. The shout-out creators are the point: a strict rule
        still accuses them, and only a look at the day itself clears them.
        """
    )
    # --- end of the follower audit section ---

    # -- 4. disclosure --------------------------------------------------------------------------
    nb.md(
        """
        ## 4. Disclosure
        In the US, the FTC's Endorsement Guides (16 CFR Part 255) require any material connection
        between a creator and a brand - payment, a free product, a family or business tie - to be
        disclosed clearly and conspicuously. The FTC's *Disclosures 101 for Social Media Influencers*
        (2019) spells it out: plain words such as "ad" or "sponsored", placed with the endorsement where
        people will see it, not hidden among hashtags or behind "more"; in a video, in the video itself.

        Disclosure has a price: Boerman, Willemsen & Van der Aa (2017) found that a "Sponsored" label
        helped people recognise a celebrity's post as advertising, which raised their distrust. It is
        still the rule, and a campaign report should check it. Influencer Marketing Hub (a vendor)
        reported in 2020 that only 14% of influencers were fully compliant; the synthetic data is built
        to be similarly incomplete:
        """,
        slide="slide",
    )
    nb.code(
        """
        per_creator = measurement.disclosure_by_creator(posts)
        fig, ax = plots.new_figure()
        ax.hist(per_creator["disclosed_pct"], bins=10, range=(0, 100), color=plots.PALETTE[2], edgecolor="white")
        ax.set_xlabel("% of the creator's sponsored posts that were disclosed")
        ax.set_ylabel("creators")
        plots.set_title(
            ax,
            "Most creators left at least one sponsored post undisclosed",
            "creators with at least one sponsored post; synthetic course data",
        )
        plots.show(fig)
        """
    )
    nb.notes(
        """
        Rules differ by country (the UK's CMA/ASA, the EU's consumer law); the FTC is the example here
        because its guidance is public and concrete. This is not legal advice - point learners to their
        own regulator.
        """
    )

    # -- exercises ------------------------------------------------------------------------------
    nb.md(
        f"""
        ## Exercises: attribution, incrementality, fraud
        {NUMBER_WORDS[len(EXERCISES)]} short exercises. {word_list(PANDAS)} use the course tables (pandas);
        the others use the numbers in the task. Each starter cell runs as it is. Stuck? In a new cell, `ex.q1.hint()` gives a
        hint (run it again for the next one) and `ex.q1.solution()` shows a worked solution - the same
        for every exercise.
        """,
        slide="slide",
    )
    for name, task in EXERCISES.items():
        nb.md(task, slide="subslide")
        nb.code(getattr(lesson10, name).cell_code())

    nb.md(
        f"""
        ## Concept quiz
        {NUMBER_WORDS[len(lesson10.quiz.questions)]} questions; pick an answer and press **Check**.
        """,
        slide="slide",
    )
    nb.volatile(
        """
        ex.quiz
        """
    )

    nb.md(
        """
        ## Key points
        * Links and codes undercount (no click, no code) and codes leak: report attributed sales as a
          floor of what the creators touched, each sale counted once - never as what they caused.
        * Incremental sales are the sales that would not have happened without the campaign. A random
          holdout measures them, with an interval that shrinks as the campaign grows and the holdout
          nears half.
        * A code count can be precise and wrong; EMV reads no sales at all.
        * Fake followers do not engage: the engagement rate and the share of real followers fall. A flag
          is a reason to look, not proof.
        * An audit flag is graded by precision (the share of flagged creators who really bought) and recall
          (the share of buyers it catches): a stricter rule raises one and lowers the other, and still accuses
          some honest creators - check the flagged day before you accuse anyone.
        * Every paid or gifted post must be disclosed clearly; checking it is part of measuring.
        """,
        slide="slide",
    )
    nb.md(
        f"""
        ## What's next
        Put it all together in **[{NEXT.number} - {NEXT.title}]({NEXT.notebook})**: plan, schedule,
        forecast and then measure a campaign for a fictional brand.
        Back to **[{PREVIOUS.number} - {PREVIOUS.title}]({PREVIOUS.notebook})** or to the
        **[course start](00_start_here.ipynb)**.
        """,
        slide="subslide",
    )
    return nb
