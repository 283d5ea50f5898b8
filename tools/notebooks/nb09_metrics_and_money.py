"""Source of notebooks/09_metrics_and_money.ipynb (build with `python tools/nbtools.py 09`)."""

import textwrap

from helpers import course
from helpers.exercises import lesson09, lettered_options
from nbtools import NB, NUMBER_WORDS

NAME = "09_metrics_and_money"
MINUTES = course.lesson(NAME[:2]).minutes  # stated time comes from helpers.course.COURSE
PREVIOUS, NEXT = course.lesson("08"), course.lesson("10")
#: Small counts written as words at the start of a sentence.

#: Task text of each exercise, in order (the numbers are those lesson09 checks against).
EXERCISES: dict[str, str] = {
    "q1": """
        **Exercise 09.q1 - engagement rate by views.** A TikTok video by a creator with **45,000
        followers** reached **96,000 accounts** and was played **120,000 times**. It got **5,200 likes,
        340 comments and 460 shares**. What is its engagement rate by views, in percent?
        (Rate by views = (likes + comments + shares) / views x 100.)
        """,
    "q2": """
        **Exercise 09.q2 - frequency.** An Instagram campaign post reached **84,000 accounts** and was
        shown **126,000 times**. On average, how many times did each account it reached see it?
        """,
    "q3": """
        **Exercise 09.q3 - CPM.** The creator's fee for that post was **USD 1,800**. What is its CPM, in
        US dollars per 1,000 impressions?
        """,
    "q4": """
        **Exercise 09.q4 - CPA and attribution.** The post got **5,400 engagements** and **900 clicks**
        on its tracked link. **36 purchases** were attributed to it, **14** of them made with the
        creator's promo code (the 36 include those 14). What is the cost per acquisition, in USD?
        """,
    "q5": """
        **Exercise 09.q5 - ROI, not ROAS.** Those 36 purchases brought **USD 2,700** of revenue on the
        USD 1,800 fee. What is the ROI, as a fraction (0.25 means +25%)?
        """,
    "q6": """
        **Exercise 09.q6 - EMV.** Your agency prices attention at **USD 10 per 1,000 impressions** and
        **USD 0.20 per engagement**. With the post's 126,000 impressions and 5,400 engagements, what is its
        EMV in USD?
        """,
    "q7": """
        **Exercise 09.q7 - the ROI on revenue behind an EMV report.** Another agency reports for a different
        campaign: fee **USD 4,000**, EMV **USD 11,000**, "ROI 175%". Your shop recorded **60 orders** through the
        campaign's link and code, with an average basket of **USD 55**. What is the ROI on revenue, as a fraction?
        """,
    "q8": """
        **Exercise 09.q8 - the whole programme, all-in (pandas).** Using the `campaigns` table: what is
        the ROI of all campaigns taken together, counting the creators' fees **and** the cost of finding
        them (`discovery_cost_usd`)? As a fraction.
        """,
    "q9": """
        **Exercise 09.q9 - ROAS 2.5 at a 30 % margin.** A skincare brand's report on one creator: the
        campaign cost **USD 2,000** all in and brought **USD 5,000** of sales, "ROAS 2.5, ROI +150 %". The
        brand's products sell at a **30 % gross margin**. Which sentence is right? Answer with a letter.

"""
    + textwrap.indent(lettered_options(lesson09.MARGIN_OPTIONS), "        ")
    + "\n",
}


def _cheapest_conversions() -> dict[str, str]:
    """The cost-ladder sentences, computed: which tier buys the cheapest attention, which the cheapest
    customer with and without the campaigns that sold nothing, and lesson 05's pooled ranking. The
    build fails if a sentence that says so stops being true."""
    from helpers import data
    from helpers.analysis import measurement, planning

    campaigns, influencers = data.load_campaigns(), data.load_influencers()
    pooled = planning.pooled_costs(
        planning.with_creators(campaigns, influencers), by="tier", min_campaigns=20
    )
    costs = measurement.campaign_costs(campaigns, influencers)
    tiers = [t for t in ("nano", "micro", "mid", "macro", "mega") if t in pooled.index]
    ladder = measurement.cost_ladder(costs, "tier", order=tiers)
    cpm, cpa, cpa_all = ladder["cpm_usd"], ladder["cpa_usd"], ladder["cpa_all_usd"]
    sale_best, all_best, all_worst = str(cpa.idxmin()), str(cpa_all.idxmin()), str(cpa_all.idxmax())
    pooled_best = planning.cheapest(pooled, "cpa_usd")
    # "the ranking flips": the cheapest tier among campaigns with a sale is the dearest with all counted
    assert sale_best == all_worst != all_best, ladder
    # lessons/09_metrics_and_money.md (section 3) names these tiers
    assert (sale_best, all_best, pooled_best) == ("nano", "mid", "macro"), (sale_best, all_best, pooled_best)
    assert str(cpm.idxmin()) == "mega" and cpa["mega"] > cpa.min() and cpa_all["mega"] > cpa_all.min()
    row = ladder.loc[sale_best]
    return {
        "cheap_attention": str(cpm.idxmin()),
        "sale_best": sale_best,
        "sale_cpa": f"{cpa[sale_best]:,.2f}",
        "none": f"{int(row['campaigns'] - row['with_sale']):,}",
        "campaigns": f"{int(row['campaigns']):,}",
        "with_none": f"{cpa_all[sale_best]:,.2f}",
        "all_best": all_best,
        "all_cpa": f"{cpa_all[all_best]:,.2f}",
        "pooled_best": pooled_best,
        "pooled_cpa": f"{pooled.loc[pooled_best, 'cpa_usd']:,.2f}",
    }


def _two_rankings() -> dict[str, str]:
    """The sentences of the two-rankings section, computed from the bundled data; the build fails if a
    sentence stops being true."""
    from helpers import data
    from helpers.analysis import measurement, rankings

    affiliate = data.load_affiliate_sales()
    creators = rankings.creator_measures(data.load_posts(), data.load_influencers(), affiliate)
    ranked = rankings.rank_tiers(creators)
    best_engagement = str(ranked["rank_paid_post_performance"].idxmin())
    best_revenue = str(ranked["rank_revenue_per_dollar"].idxmin())
    per_follower = ranked["revenue_per_follower_usd"]
    overlap = rankings.top_overlap(creators, n=50)
    costs = measurement.campaign_costs(data.load_campaigns(), data.load_influencers())
    conv_above = measurement.margin_check(costs, [0.4], goal="conversion")["revenue_above_cost_pct"].iloc[0]
    rpd = ranked["revenue_per_dollar"]
    assert rpd.min() > 1 and conv_above < 50, (rpd, conv_above)  # "yet only ...": the tables disagree
    assert best_engagement in {"micro", "mid"} and best_revenue == "nano", ranked
    assert str(per_follower.idxmax()) == "nano" and per_follower.is_monotonic_decreasing, per_follower
    assert ranked["revenue_per_post_usd"].is_monotonic_increasing, ranked
    return {
        "best_engagement": best_engagement,
        "best_revenue": best_revenue,
        "ratio": f"{per_follower['nano'] / per_follower['macro']:.0f}",
        "post_small": f"{ranked.loc['nano', 'revenue_per_post_usd']:,.0f}",
        "post_big": f"{ranked.loc['mega', 'revenue_per_post_usd']:,.0f}",
        "shared": f"{overlap['shared']:.0f}",
        "n": f"{overlap['n']:.0f}",
        "creators": f"{len(creators):,}",
        "affiliates": f"{len(affiliate):,}",
        "rpd_nano": f"{rpd['nano']:.1f}",
        "rpd_mega": f"{rpd['mega']:.1f}",
        "conv_above": f"{conv_above:.0f}",
    }


def build() -> NB:
    nb = NB(NAME)
    nb.md(
        f"""
        # Metrics and money

        **In {MINUTES} minutes you will compute every number in a campaign report - engagement rates, reach
        and frequency, CPM to CPA, ROI and ROAS on revenue and on margin, EMV - see why EMV is not a
        return, and rank creator tiers by the measure the goal asks for.**
        """,
        slide="slide",
    )
    nb.notes(
        f"""
        This lesson goes beyond the course's source article, but it answers the article's last warning:
        popularity is not influence, and what a brand wants is an action by a customer. Everything here
        is about measuring that action honestly; lesson {NEXT.number} then asks which of these numbers a
        campaign caused. Pace: concepts in the first half, the lab as a breather, exercises in pairs at the
        end. If time is short, drop 09.q8 (pandas) to homework.
        """
    )
    nb.md(
        f"""
        ## Objectives
        By the end of this notebook you can:
        1. compute the engagement rate per follower, per reach and per view, and explain why the
           denominator changes who ranks first;
        2. tell reach, impressions and frequency apart, and say why reach across posts does not add up;
        3. compute CPM, CPE, CPC and CPA, and say which one matters for which goal;
        4. compute ROI and ROAS without mixing them up, with every cost counted, and the return on
           the product's margin (profit after margin);
        5. compute EMV and explain why it is not a return;
        6. rank creator tiers by engagement with their ads and by revenue per follower or per dollar,
           and say which ranking a goal calls for.

        **Time to learn:** {MINUTES} minutes. **Prerequisites:** notebook 00 (how exercises work); notebook 07
        (the popularity trap) helps. A little pandas for one of the exercises.
        """,
        slide="subslide",
    )
    nb.md(
        """
        ## Setup
        One cell: the course's helpers and the four tables this lesson reads first. `influencers`, `posts`
        and `campaigns` are **synthetic** (invented, calibrated to published figures); `benchmarks` holds
        **real published figures**, one source per row. Section 6 adds `affiliate_sales` (synthetic too).
        """,
        slide="slide",
    )
    nb.code(
        """
        from helpers import app_links, data, metrics, plots, tables, widgets
        from helpers.analysis import measurement, rankings
        from helpers.exercises import ____, lesson09 as ex

        influencers = data.load_influencers()
        posts = data.load_posts()
        campaigns = data.load_campaigns()
        benchmarks = data.load_benchmarks()
        """
    )

    # -- 1. engagement rates --------------------------------------------------------------------
    nb.md(
        """
        ## 1. One numerator, three denominators
        An engagement rate divides the interactions a post earned by the size of some audience. Which
        audience is a choice, and three are in common use:

        | rate | denominator | who can compute it | definition from |
        |---|---|---|---|
        | per follower | followers | anyone: both counts are public | IZEA, GRIN, Modash |
        | per reach | accounts that saw the post | the creator, from the platform's insights | HypeAuditor |
        | per view | plays of a video | anyone, for videos | HypeAuditor (TikTok) |

        Below, each creator's likes + comments + shares are divided by each audience in turn. Only the
        denominator changes.
        """,
        slide="slide",
    )
    nb.code(
        """
        rates = measurement.engagement_by_denominator(posts, influencers)
        tables.show(measurement.median_by(rates, "platform", measurement.ER_COLUMNS), measurement.ER_MEDIAN_COLUMNS)
        """
    )
    # The sentence below states comparisons the data decides: the build fails if they stop being true.
    from helpers import data as _data
    from helpers.analysis import measurement as _measurement

    _medians = _measurement.median_by(
        _measurement.engagement_by_denominator(_data.load_posts(), _data.load_influencers()),
        "platform",
        _measurement.ER_COLUMNS,
    )
    for _platform, _reach_higher in (("instagram", True), ("youtube", True), ("tiktok", False)):
        _row = _medians.loc[_platform]
        assert (_row["er_reach_pct"] > _row["er_followers_pct"]) == _reach_higher, _platform
    nb.md(
        """
        For the typical Instagram or YouTube creator (the medians above) a post reaches fewer people than
        the creator has followers, so the rate per reach is higher than the rate per follower. On TikTok
        the feed shows videos to people who do not follow the creator: reach exceeds the follower count
        and the order flips. A single campaign can differ from its platform's typical creator: a brand
        may boost a sponsored post beyond the followers (the lab below says which way each campaign
        goes, and why). The ranking of creators moves with the denominator:
        """,
        slide="fragment",
    )
    nb.code(
        """
        mix = measurement.top_n_platform_mix(rates, n=100)
        fig, ax = plots.new_figure()
        plots.bar_groups(ax, list(mix.columns), {p: mix.loc[p] for p in mix.index}, ylabel="creators in the top 100")
        plots.set_title(
            ax,
            f"TikTok holds {mix.loc['tiktok', 'per follower']} of the top 100 per follower, "
            f"{mix.loc['tiktok', 'per reach']} per reach",
            "top 100 creators by engagement rate under each denominator; synthetic course data",
        )
        plots.show(fig)
        """
    )
    nb.md(
        """
        **Rule:** never compare two engagement rates without checking that they share a denominator, and
        say which one you report. A "6% engagement" means nothing until you know "6% of what".
        """,
        slide="fragment",
    )
    nb.notes(
        """
        Ask the room before showing the chart: "Which platform has the most engaging creators?" Then show
        that the answer depends on the denominator. The synthetic data mimics TikTok's For You feed by
        giving TikTok posts a reach above the follower count (datasheet, "Reach").
        """
    )

    # -- 2. reach, impressions, frequency -------------------------------------------------------
    nb.md(
        """
        ## 2. Reach, impressions and frequency
        **Reach** counts the accounts that saw a post, each once. **Impressions** count every time it
        was shown, so impressions are never fewer than reach. **Frequency** = impressions / reach: how
        many times, on average, each account reached saw it (CreatorIQ's metrics glossary).

        One trap: reach does not add up. Two posts that each reach 10,000 accounts reach *at most*
        20,000 people together, because some saw both. The campaign reach in the course data is such a
        sum (the datasheet says so); only the platform can count unique people across posts.

        The typical post per platform (each column is its own median over the posts, so the median
        frequency need not equal the median impressions / the median reach):
        """,
        slide="slide",
    )
    nb.code(
        """
        tables.show(measurement.frequency_by_platform(posts, influencers), measurement.FREQUENCY_COLUMNS)
        """
    )
    nb.code(
        """
        freq = metrics.frequency(posts["impressions"], posts["reach"])
        fig, ax = plots.new_figure()
        ax.hist(freq, bins=40, color=plots.PALETTE[0], edgecolor="white")
        ax.set_xlabel("frequency of one post (impressions / reach)")
        ax.set_ylabel("posts")
        plots.set_title(
            ax,
            f"Each account reached sees a post {freq.median():.2f} times (median)",
            "every post in the synthetic course data",
        )
        plots.show(fig)
        """
    )

    # -- 3. cost ladder -------------------------------------------------------------------------
    nb.md(
        """
        ## 3. The cost ladder: CPM, CPE, CPC, CPA
        Divide the cost by a result and you get the price of that result (Influencer Marketing Hub):

        | metric | cost divided by | judges |
        |---|---|---|
        | CPM | impressions / 1,000 | awareness: the price of attention |
        | CPE | engagements | consideration: the price of a reaction |
        | CPC | clicks on a tracked link | traffic |
        | CPA | conversions (acquisitions) | sales: the price of a customer |

        Each rung is closer to the sale than the one above. A published benchmark for the first rung:
        influencer CPM of USD 5-15 on Instagram and TikTok and USD 15-30 on YouTube (wordontheblock, 2023 - a
        vendor). Here is the ladder for the course's campaigns, by creator tier:
        """,
        slide="slide",
    )
    nb.code(
        """
        costs = measurement.campaign_costs(campaigns, influencers)
        tiers = ["nano", "micro", "mid", "macro", "mega"]
        ladder = measurement.cost_ladder(costs, "tier", order=tiers)
        tables.show(ladder, measurement.LADDER_COLUMNS)
        """
    )
    nb.code(
        """
        fig, (top, bottom) = plots.new_figure(2, 1, figsize=(9, 8.5))
        cpm, cpa, cpa_all = ladder["cpm_usd"], ladder["cpa_usd"], ladder["cpa_all_usd"]
        plots.bar_groups(top, tiers, {"median CPM": cpm}, ylabel="USD per 1,000 impressions", value_format="{:.2f}")
        both = {"campaigns with a sale": cpa, "no-sale campaigns counted": cpa_all}
        plots.bar_groups(bottom, tiers, both, ylabel="median USD per conversion", value_format="{:.0f}")
        bottom.legend(loc="upper right")
        plots.set_title(top, f"Cheapest attention: {cpm.idxmin()}", "median campaign CPM by Mediakix tier")
        plots.set_title(
            bottom,
            f"Cheapest customer: {cpa.idxmin()}; {cpa_all.idxmin()} if failures count",
            "median CPA, without and with the campaigns that sold nothing; synthetic course data",
        )
        plots.show(fig)
        """
    )
    cheap = _cheapest_conversions()
    nb.md(
        f"""
        The cheapest attention is not the cheapest customer: **{cheap["cheap_attention"]}** creators sell
        impressions in bulk, but under either CPA another tier's customers cost less.

        Which tier's customers are cheapest depends on the campaigns that sold nothing. A campaign without a
        conversion has no CPA, so a plain median leaves it out: among campaigns with a sale,
        **{cheap["sale_best"]}** is cheapest (USD {cheap["sale_cpa"]}). But {cheap["none"]} of the {cheap["campaigns"]}
        {cheap["sale_best"]} campaigns sold nothing. Count each of them as infinitely expensive per conversion and
        the {cheap["sale_best"]} median rises to USD {cheap["with_none"]} - **the ranking flips**: {cheap["sale_best"]}
        becomes the dearest tier, and **{cheap["all_best"]}** the cheapest (USD {cheap["all_cpa"]}). Lesson 05
        *pooled* each tier (total fees / total conversions, so the fees of failed campaigns count too) and found
        **{cheap["pooled_best"]}** cheapest (USD {cheap["pooled_cpa"]}). Before you quote a CPA, say whether the
        campaigns that sold nothing are in it.
        """,
        slide="fragment",
    )
    nb.notes(
        """
        TikTok CPMs in the synthetic data sit far below the USD 5-15 benchmark (datasheet, "Known
        limitations"): published TikTok engagement rates, prices and CPMs cannot all hold at once. Say so
        if a learner spots it - it is a good example of benchmarks with mixed definitions.
        """
    )

    # -- 4. ROI and ROAS ------------------------------------------------------------------------
    nb.md(
        """
        ## 4. ROI and ROAS
        * **ROAS** (return on ad spend) = revenue / spend. 1.5 means USD 1.50 of sales per dollar spent.
        * **ROI** (return on investment) = (revenue - cost) / cost. The same campaign: 0.5, or +50%.
        * So ROI = ROAS - 1, and a ROAS of 1 is an ROI of 0: sales equal to the spend.

        Both are computed on **revenue**, not profit. The products sold cost money to make and ship,
        so a campaign with an ROI of +50 % on revenue can still lose money once those costs are paid;
        "revenue above cost" is the most these numbers can say.

        Two habits keep ROI honest. Count **every** cost - the fee, but also products sent, agency fees
        and the staff time spent finding creators (`discovery_cost_usd` in the course data). And when you
        sum up several campaigns, add up the money first, then divide.
        """,
        slide="slide",
    )
    nb.code(
        """
        by_goal = measurement.all_in_roi_by_goal(costs, ["awareness", "consideration", "conversion"])
        tables.show(by_goal)
        """
    )
    nb.code(
        """
        fig, ax = plots.new_figure()
        plots.bar_groups(
            ax,
            list(by_goal.index),
            {
                "fee only": by_goal["revenue_above_fee_pct"],
                "fee + discovery cost": by_goal["revenue_above_all_in_pct"],
            },
            ylabel="% of campaigns with ROI > 0",
            value_format="{:.0f}%",
        )
        ax.legend(loc="upper left")
        fee_only, all_in = (costs["roi"] > 0).mean() * 100, (costs["roi_all_in"] > 0).mean() * 100
        plots.set_title(
            ax,
            f"Counting discovery costs, {all_in:.0f}% of campaigns bring in more revenue than they cost, "
            f"not {fee_only:.0f}%",
            "share of campaigns with revenue above cost, by goal; synthetic course data",
        )
        plots.show(fig)
        """
    )
    nb.md(
        """
        Awareness campaigns rarely bring tracked revenue above their cost, and are not meant to: judge them on the
        rungs they were bought for (reach, CPM), and conversion campaigns on CPA and ROI.
        """,
        slide="fragment",
    )

    # -- 4b. return on the margin ---------------------------------------------------------------
    nb.md(
        """
        ## 4b. Return on the margin
        ROI and ROAS count every dollar of sales, but most of that dollar pays for the goods: making,
        packing, shipping. What the brand keeps is its **gross margin**, a share of the price that only
        the brand knows - so it is an input here, not a column of the course data. Count only that share:

        * **profit after margin** = revenue x margin - every cost, in USD (`metrics.profit_after_margin`);
        * **ROI on margin** = profit after margin / cost = ROAS x margin - 1 (`metrics.margin_roi`);
        * it is 0 at the **break-even ROAS** = 1 / margin (`metrics.break_even_roas`).

        A campaign with a ROAS of 1.7, for a product sold at a 40 % margin:
        """,
        slide="subslide",
    )
    nb.code(
        """
        roas, margin, cost = 1.7, 0.40, 1_000
        revenue = roas * cost
        profit = metrics.profit_after_margin(revenue, margin, cost)
        print(f"ROAS {metrics.roas(revenue, cost):.1f}: ROI on revenue {metrics.roi(revenue, cost):+.0%}")
        print(f"at a {margin:.0%} margin: profit after margin {profit:+,.0f} USD")
        print(f"ROI on margin {metrics.margin_roi(revenue, margin, cost):+.0%}; ", end="")
        print(f"break-even ROAS {metrics.break_even_roas(margin):.2f}")
        """
    )
    # The sentence below states what the data decides: the build fails if it stops being true.
    from helpers import metrics as _metrics

    assert round(_metrics.roi(1_700, 1_000), 2) == 0.70  # "Sales 70 % above the cost"
    assert round(_metrics.profit_after_margin(1_700, 0.40, 1_000) / 1_000 + 1, 2) == 0.68  # "68 cents"
    assert _metrics.margin_roi(1_700, 0.40, 1_000) < 0 < _metrics.roi(1_700, 1_000)  # "still a loss"
    nb.md(
        """
        Sales 70 % above the cost, and still a loss: each dollar spent brings back 68 cents of margin.
        The same check on the course's conversion campaigns (all costs counted), at three margins:
        """,
        slide="fragment",
    )
    nb.code(
        """
        margins = measurement.margin_check(costs, [0.30, 0.40, 0.60], goal="conversion")
        tables.show(margins, measurement.MARGIN_COLUMNS, index=measurement.MARGIN_INDEX)
        """
    )
    nb.code(
        """
        fig, ax = plots.new_figure()
        plots.bar_groups(
            ax,
            [f"{m:.0%} margin" for m in margins.index],
            {
                "revenue above cost": margins["revenue_above_cost_pct"],
                "profit after margin above 0": margins["profit_after_margin_pct"],
            },
            ylabel="% of conversion campaigns",
            value_format="{:.0f}%",
        )
        ax.legend(loc="upper left")
        at_40 = margins.loc[0.40]
        plots.set_title(
            ax,
            f"40% margin: {at_40['profit_after_margin_pct']:.0f}% of conversion campaigns profit, "
            f"not {at_40['revenue_above_cost_pct']:.0f}%",
            "conversion campaigns, all costs counted; the margin is an input; synthetic course data",
        )
        plots.show(fig)
        """
    )
    nb.md(
        """
        Ask for the margin before you read a ROAS: the thinner the margin, the higher the ROAS a campaign
        needs before it earns more than it costs. Say "ROI on revenue" or "ROI on margin", never just
        "ROI", when the difference matters.
        """,
        slide="fragment",
    )

    # -- 5. EMV ---------------------------------------------------------------------------------
    nb.md(
        """
        ## 5. EMV: a price on attention, not a return
        **Earned media value** asks what the campaign's attention would have cost as advertising:

        EMV = impressions / 1,000 x a reference CPM (+ engagements x a reference CPE).

        It is popular because it is big and easy. It is not ROI, for three reasons (ignyteiq's
        glossary, among others):
        1. it prices every impression at paid-media rates, as if you would otherwise have bought them;
        2. it subtracts no cost and counts no sale: it is not money that came in;
        3. the rates and formula are the measurer's choice, and vendors differ (CreatorIQ and Tribe
           Dynamics use their own variants), so an EMV is at best a relative metric within one method.

        Engagement itself is a weak stand-in for sales: as Forrester's Nate Elliott pointed out,
        engagement has not been shown to correlate with sales.
        """,
        slide="slide",
    )
    nb.code(
        """
        emv = measurement.emv_vs_revenue(campaigns, cpm_rate=10.0, cpe_rate=0.10)
        share = (emv["emv_usd"] > emv["revenue_usd"]).mean() * 100
        paid = emv[emv["revenue_usd"] > 0]
        fig, ax = plots.new_figure()
        points = {"campaign": (paid["revenue_usd"], paid["emv_usd"])}
        plots.scatter_groups(ax, points, xlabel="revenue (USD)", ylabel="EMV (USD)", logx=True)
        ax.set_yscale("log")
        ax.yaxis.set_major_formatter(plots.HUMAN)
        low, high = paid[["revenue_usd", "emv_usd"]].min().min(), paid[["revenue_usd", "emv_usd"]].max().max()
        ax.plot([low, high], [low, high], color="#444444", linestyle="--", label="EMV = revenue")
        ax.legend(loc="upper left")
        plots.set_title(
            ax,
            f"EMV exceeds revenue in {share:.0f}% of campaigns",
            "EMV at USD 10 CPM + USD 0.10 per engagement; log scales; synthetic",
        )
        plots.show(fig)
        """
    )
    nb.md(
        """
        Change the reference rates and the same campaigns are "worth" something else; the revenue does
        not move, so the EMV-to-revenue ratio moves with the rates alone. The CPM rates below span the Instagram benchmark (USD 5-15, wordontheblock 2023); the
        per-engagement rates are assumptions, because vendors do not publish theirs.
        """,
        slide="fragment",
    )
    nb.code(
        """
        scenarios = {
            "low: 5 USD CPM, no CPE": (5.0, 0.0),
            "middle: 10 USD CPM + 0.10 USD CPE": (10.0, 0.10),
            "high: 15 USD CPM + 0.30 USD CPE": (15.0, 0.30),
        }
        totals = measurement.emv_rate_scenarios(campaigns, scenarios)
        tables.show(totals.drop(columns="revenue_usd"))
        """
    )
    nb.notes(
        """
        If someone in the room reports EMV at work, do not mock it: EMV is fine for comparing campaigns
        measured the same way. The mistake is reading it as revenue or as a return. The lab next makes
        the point on one campaign.
        """
    )

    # -- lab 1 ----------------------------------------------------------------------------------
    nb.md(
        """
        ## Lab: one campaign, measured three ways and priced two ways
        Pick a campaign, then:
        1. read the sentence: where does it rank per follower, per reach, per view?
        2. move the EMV rates: EMV (right) moves, revenue and the ROI on revenue do not;
        3. tick *Count the cost of finding the creator*: the ROI on revenue drops;
        4. move the product's gross margin: profit after margin moves, revenue does not.

        The table under the figure is the campaign's full report card, each line with its formula.
        """,
        slide="slide",
    )
    nb.volatile(
        """
        meter = widgets.CampaignMeter()
        meter
        """
    )
    nb.code(
        """
        app_links.app_link("campaign-meter")
        """
    )
    nb.md(
        """
        The same lab from code: the first example campaign, priced at the low end of the CPM benchmark,
        all costs counted.
        """,
        slide="fragment",
    )
    nb.code(
        """
        result = meter.set(campaign_id=meter.examples[0][1], cpm_rate=5, cpe_rate=0.0, include_discovery=True)
        print(result.summary)
        """
    )
    nb.notes(
        """
        On the projector: pick a campaign, ask "is this campaign good?", let two people answer with two
        different denominators, then move the CPM slider from 5 to 50 and watch the EMV "ROI" climb while
        the ROI on revenue stays put.
        """
    )

    # -- 6. two rankings ------------------------------------------------------------------------
    two = _two_rankings()
    nb.md(
        f"""
        ## 6. Two rankings, one dataset
        Which tier of creator is best? Two studies in the *Journal of Marketing* answer differently, and
        both can be right:
        * Wies, Bleier & Edeling (2023), 802 Instagram campaigns: engagement with sponsored posts is an
          inverted U in follower count - it peaks in the middle tiers;
        * Beichert, Bayerl, Goldenberg & Lanz (2024), 1.9 million purchases linked to 2,808 sponsored
          Instagram posts: small creators bring about **an order of magnitude** more revenue per follower,
          and per dollar spent, than big ones; engagement carries the effect.

        The synthetic course data carries both mechanisms: paid-post performance from `posts`, and one
        sponsored post by each of the {two["affiliates"]} Instagram creators in a retailer's affiliate programme,
        `affiliate_sales`. Paid-post performance needs at least one sponsored and three organic posts, which
        {two["creators"]} of them have: those creators, ranked three ways (medians per tier):
        """,
        slide="slide",
    )
    nb.code(
        """
        affiliate = data.load_affiliate_sales()
        creators = rankings.creator_measures(posts, influencers, affiliate)
        ranked = rankings.rank_tiers(creators)
        tables.show(ranked[list(rankings.TABLE_COLUMNS)], rankings.TABLE_COLUMNS)
        """
    )
    nb.code(
        """
        fig, (top, bottom) = plots.new_figure(2, 1, figsize=(9, 8.5))
        tier_names = list(ranked.index)
        engagement = {"paid-post performance": ranked["paid_post_performance"]}
        revenue = {"revenue per follower": ranked["revenue_per_follower_usd"]}
        plots.bar_groups(top, tier_names, engagement, ylabel="median ratio", value_format="{:.2f}")
        plots.bar_groups(bottom, tier_names, revenue, ylabel="median USD per follower", value_format="{:.3f}")
        top_engagement = ranked["paid_post_performance"].idxmax()
        top_revenue = ranked["revenue_per_follower_usd"].idxmax()
        where = "Instagram; synthetic course data"
        plots.set_title(top, f"Ads engage best in the {top_engagement} tier", f"sponsored vs organic posts; {where}")
        plots.set_title(bottom, f"Revenue per follower is highest for {top_revenue}", f"affiliate_sales; {where}")
        plots.show(fig)
        """
    )
    nb.md(
        f"""
        Ranked by engagement with their ads, **{two["best_engagement"]}** creators come first; ranked by revenue
        per follower or per dollar of fee, **{two["best_revenue"]}** creators do, and revenue per follower falls
        {two["ratio"]}x from nano to macro. A whole post by a big creator still brings more revenue (median USD
        {two["post_big"]} for mega, USD {two["post_small"]} for nano) - at a far higher fee. Of the {two["n"]} creators
        with the best paid-post performance and the {two["n"]} with the most revenue per dollar, {two["shared"]} are
        the same.

        **The goal decides the ranking:** engagement with an ad (awareness, consideration) - paid-post
        performance; sales from a budget - revenue per dollar of fee; the most people from one post - followers.

        **Compare tiers within one table, not across tables.** Revenue per dollar of fee here runs from
        {two["rpd_nano"]} (nano) to {two["rpd_mega"]} (mega), yet in section 4 only {two["conv_above"]}% of conversion
        campaigns brought in more revenue than they cost. The two tables come from different synthetic
        mechanisms (one affiliate post per creator here, whole campaigns there): each shows an order
        between tiers, not one market's price level.
        """,
        slide="fragment",
    )
    nb.notes(
        """
        Both findings come from peer-reviewed studies; the numbers here are the synthetic data's, calibrated
        to their direction and size (datasheet, "Built-in effects"). Secondary write-ups of Beichert et al.
        quote about EUR 0.27 of revenue per follower for nano creators and EUR 0.05 for macro ones. Ask the
        room first: "Which tier is best?" - then "for what?"
        """
    )

    # -- exercises ------------------------------------------------------------------------------
    nb.md(
        f"""
        ## Exercises: every metric once
        {NUMBER_WORDS[len(EXERCISES)]} short exercises, one per metric family. 09.q8 uses the `campaigns` table (pandas), the
        others the numbers in the task. Each starter cell runs as it is. Stuck? In a
        new cell, `ex.q1.hint()` gives a hint (run it again for the next one) and `ex.q1.solution()`
        shows a worked solution - the same for every exercise.
        """,
        slide="slide",
    )
    for name, task in EXERCISES.items():
        nb.md(task, slide="subslide")
        nb.code(getattr(lesson09, name).cell_code())

    nb.md(
        f"""
        ## Concept quiz
        {NUMBER_WORDS[len(lesson09.quiz.questions)]} questions; pick an answer and press **Check**.
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
        * Say the denominator: per follower, per reach and per view are different numbers, and they rank
          creators differently.
        * Reach counts people, impressions count showings; frequency = impressions / reach. Reach across
          posts does not add up to people.
        * CPM -> CPE -> CPC -> CPA: the closer to the sale, the more it tells you. Cheap attention can
          mean expensive customers. A campaign that sold nothing has no CPA: say whether a CPA counts
          those campaigns, because leaving them out can crown the wrong tier.
        * ROI = (revenue - every cost) / cost; ROAS = revenue / spend; ROI = ROAS - 1. Pool the money
          before dividing.
        * Both are on revenue. Profit after margin = revenue x margin - every cost: below a ROAS of
          1 / margin a campaign loses money, even with sales above its cost.
        * EMV prices attention at rates someone chose. It is not revenue and not ROI; compare EMVs only
          within one method.
        * Two rankings, one dataset: ads engage best in the middle tiers, revenue per follower and per
          dollar is highest for the smallest creators. The goal decides which ranking counts.
        """,
        slide="slide",
    )
    nb.md(
        f"""
        ## What's next
        Which of these numbers did the campaign *cause*? Continue with
        **[{NEXT.number} - {NEXT.title}]({NEXT.notebook})**: promo codes and tracked links, a holdout against
        a planted truth, fake followers and disclosure.
        Back to **[{PREVIOUS.number} - {PREVIOUS.title}]({PREVIOUS.notebook})** or to the
        **[course start](00_start_here.ipynb)**.
        """,
        slide="subslide",
    )
    return nb
