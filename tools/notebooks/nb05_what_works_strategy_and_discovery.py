"""Source of notebooks/05_what_works_strategy_and_discovery.ipynb (build with `make notebooks`)."""

import textwrap

from helpers import course, data
from helpers.analysis import planning
from helpers.exercises import lesson05
from nbtools import NB

NAME = "05_what_works_strategy_and_discovery"
MINUTES = course.lesson(NAME[:2]).minutes  # stated time comes from helpers.course.COURSE


def _awareness_cpm() -> dict[str, float]:
    """The pooled awareness CPM, where it comes from, and the published CPM ranges it is read against."""
    joined = planning.with_creators(data.load_campaigns(), data.load_influencers())
    table = planning.cpm_by_platform(joined, "awareness")
    bench = data.load_benchmarks().set_index("key")["value"]
    n = {
        "pooled": table.loc["all platforms", "pooled_cpm_usd"],
        "ig": table.loc["instagram", "pooled_cpm_usd"],
        "ig_median": table.loc["instagram", "median_cpm_usd"],
        "yt": table.loc["youtube", "pooled_cpm_usd"],
        "tt": table.loc["tiktok", "pooled_cpm_usd"],
        "tt_share": table.loc["tiktok", "impressions_share_pct"],
    }
    n |= {
        f"{p}_{end}": bench[f"cpm_usd_{p}_{end}"]
        for p in ("instagram", "youtube", "tiktok")
        for end in ("low", "high")
    }
    # what the sentence says: below the range as pooled; TikTok far below its range; Instagram and
    # YouTube inside theirs; pooling weighs the big, cheap campaigns most
    assert n["pooled"] < n["instagram_low"] and n["tt"] < n["tiktok_low"]
    assert (
        n["instagram_low"] <= n["ig"] <= n["instagram_high"]
        and n["youtube_low"] <= n["yt"] <= n["youtube_high"]
    )
    assert n["ig_median"] > n["ig"]
    return n


def _lab_vs_q4() -> dict[str, str]:
    """Lab 2 as the notebook sets it (food) against 05.q4's scope (every campaign), and lesson 09's
    cheapest tier by median CPA against this lesson's pooled one. Nothing here is 05.q4's answer: the
    text says only what differs (one niche vs all campaigns) and why the measures cannot disagree."""
    from helpers.analysis import measurement
    from helpers.widgets import discovery

    campaigns, influencers = data.load_campaigns(), data.load_influencers()
    table = discovery.discovery_table(campaigns, influencers)
    food = discovery.discovery_update(table, creators=8, deadline_days=21, niche="food").numbers
    per_1k = {ch: food[f"{ch}_conv_per_1k_usd"] for ch in discovery.CHANNELS}
    last = min(per_1k, key=per_1k.get)
    assert last == "agency", per_1k  # the sentence below speaks of the agency ranking last for food
    # conversions per USD 1,000 all-in = 1,000 / all-in cost per conversion: same ranking, reversed
    everything = discovery.discovery_update(table, creators=8, deadline_days=21).numbers
    cpa = lesson05._cpa_by_channel(True)
    by_1k = sorted(discovery.CHANNELS, key=lambda ch: -everything[f"{ch}_conv_per_1k_usd"])
    assert by_1k == sorted(discovery.CHANNELS, key=lambda ch: cpa[ch]), (by_1k, cpa)
    costs = measurement.campaign_costs(campaigns, influencers)
    tiers = list(planning.pooled_costs(planning.with_creators(campaigns, influencers), "tier", 20).index)
    ladder = measurement.cost_ladder(costs, "tier", order=tiers)
    sale_tier, all_tier = str(ladder["cpa_usd"].idxmin()), str(ladder["cpa_all_usd"].idxmin())
    assert sale_tier != all_tier, ladder  # the sentence says the two medians crown different tiers
    return {
        "food": f"{sum(int(food[f'{ch}_campaigns']) for ch in discovery.CHANNELS):,}",
        "all": f"{len(campaigns):,}",
        "agency_food": f"{per_1k['agency']:.1f}",
        "median_tier": sale_tier,
        "median_all_tier": all_tier,
    }


def build() -> NB:
    cpm = _awareness_cpm()
    lab = _lab_vs_q4()
    nb = NB(NAME)
    nb.md(
        f"""
        # What works: strategy, budget and discovery

        **In {MINUTES} minutes you will turn a campaign goal into a KPI (key performance indicator: the one
        number that says whether the campaign worked), split a budget across creator tiers
        so that it meets that KPI, and choose how to find creators - your own search, a platform or an
        agency - by cost, time and fit.**
        """,
        slide="slide",
    )
    nb.notes(
        """
        This is the first of two "what works" lessons. The source article's advice here is about
        discipline before action: think about the approach, organise, set a strategy, plan, budget,
        research, and decide how to find creators. The lesson turns each verb into a number learners can
        compute. Keep the running story (Mesa Pantry's launch) on the board: goal, KPI, budget, deadline.
        """
    )
    nb.md(
        f"""
        ## Objectives
        By the end of this notebook you can:
        1. turn a campaign goal (awareness, consideration, conversion) into a KPI and its cost metric;
        2. compare what a dollar buys in each follower tier, and read a forecast as a range;
        3. split a budget so that it meets a KPI, with the budget planner;
        4. compare three ways of finding creators - organic search, a subscription platform, an agency -
           on cost, time and candidate quality;
        5. decide with all-in costs whether an agency pays for itself, and treat vendors' figures as claims.

        **Time to learn:** {MINUTES} minutes. **Prerequisites:** notebook 00 (how exercises and labs work);
        follower tiers from lesson 01 help. No Python is needed to follow; a little pandas helps for the
        exercises.
        """,
        slide="subslide",
    )
    nb.md(
        """
        ## Setup
        One cell loads the course helpers and two synthetic tables: `campaigns` (1 row per past
        brand-creator campaign: goal, fee, results, how the creator was found) and `influencers`.
        `joined` adds each campaign's creator tier.
        """,
        slide="slide",
    )
    nb.code(
        """
        from helpers import app_links, data, plots, tables, widgets
        from helpers.analysis import planning
        from helpers.exercises import ____, lesson05 as ex

        campaigns = data.load_campaigns()
        influencers = data.load_influencers()
        joined = planning.with_creators(campaigns, influencers)  # + the creator's tier, niche, platform
        """
    )
    nb.md(
        """
        ### The brief you will work on
        *Mesa Pantry*, one of the fictional brands in the data, launches a new line of sauces. The team
        has a budget of **USD 40,000** for creators and a launch date three weeks away. Before anyone
        scrolls through profiles, the team answers three questions: *what is the campaign for, how will
        we know it worked, and how will we find the people?* That order is this lesson.
        """,
        slide="subslide",
    )

    # --- 1. goal -> KPI --------------------------------------------------------------------------
    nb.md(
        """
        ## 1. Start from the goal, not from the creator
        The most common early mistake is to start with a favourite creator. Start with what the campaign
        must change instead, because that decides how success is measured:

        * **awareness** - did the right people *see* it? Count impressions and reach; pay attention to
          the cost per 1,000 impressions (**CPM**).
        * **consideration** - did they *engage or click*? Count engagements and clicks; watch the cost
          per engagement (**CPE**) or per click.
        * **conversion** - did they *act* (buy, sign up)? Count conversions; watch the cost per
          acquisition (**CPA**).

        The table states each goal's question and the pooled cost metric of the past campaigns that had
        that goal (total fees / total results; synthetic data).
        """,
        slide="slide",
    )
    nb.code(
        """
        tables.show(planning.kpi_table(campaigns))
        """
    )
    nb.md(
        """
        Those pooled values are from synthetic campaigns, useful for comparing but not as market
        prices. For real prices, use published benchmarks with their source. The course's
        `benchmarks` table holds some, and says when the publisher sells influencer-marketing services
        (`is_vendor_estimate`). For example, the CPM ranges:
        """,
        slide="fragment",
    )
    nb.code(
        """
        benchmarks = data.load_benchmarks()
        cpm_columns = ["key", "value", "unit", "source", "year", "is_vendor_estimate"]
        cpm_ranges = benchmarks.loc[benchmarks["group"] == "cpm", cpm_columns]
        tables.show(cpm_ranges, index=False)
        """
    )
    nb.md(
        f"""
        Why is the pooled awareness CPM above (USD {cpm["pooled"]:.2f}) below the published
        USD {cpm["instagram_low"]:.0f}-{cpm["instagram_high"]:.0f} Instagram range? Three reasons, all in the
        table below. The data is **synthetic**. The value **pools every platform**, and the synthetic
        TikTok campaigns cost USD {cpm["tt"]:.2f} per 1,000 impressions - far below the published
        USD {cpm["tiktok_low"]:.0f}-{cpm["tiktok_high"]:.0f}, a known limit of the course data (datasheet,
        known limitations) - while carrying {cpm["tt_share"]:.0f} % of the awareness impressions. And
        pooling **weighs campaigns by their impressions**, so the big accounts, cheaper per impression,
        count most: the median Instagram campaign paid USD {cpm["ig_median"]:.2f}. Alone, Instagram pools
        at USD {cpm["ig"]:.2f} and YouTube at USD {cpm["yt"]:.2f}, inside their published ranges.
        """,
        slide="fragment",
    )
    nb.code(
        """
        tables.show(planning.cpm_by_platform(joined, "awareness").round(2))
        """
    )
    nb.notes(
        """
        Ask the room for a goal they have seen in a real brief, and place it on the funnel. Point at the
        `is_vendor_estimate` column: published benchmarks are often produced by firms that sell the
        service. They are still useful, with that label attached.
        """
    )

    # --- 2. the KPI picks the tier ---------------------------------------------------------------
    nb.md(
        """
        ## 2. The KPI decides which creators look cheap
        Choosing the KPI first is not bureaucracy: the same campaigns rank differently under different
        KPIs. Below, every tier's past campaigns are pooled and priced twice - per 1,000 impressions and
        per conversion (tiers with fewer than 20 past campaigns are left out: too few to compare).
        """,
        slide="slide",
    )
    nb.code(
        """
        costs = planning.pooled_costs(joined, by="tier", min_campaigns=20)
        fig, (top, bottom) = plots.new_figure(2, 1, figsize=(9, 8))
        plots.bar_groups(top, list(costs.index), {"CPM": costs["cpm_usd"]}, value_format="${:,.2f}")
        plots.bar_groups(bottom, list(costs.index), {"CPA": costs["cpa_usd"]}, value_format="${:,.0f}")
        plots.set_title(top, f"Cheapest reach: {planning.cheapest(costs, 'cpm_usd')}", "USD per 1,000 impressions")
        plots.set_title(bottom, f"Cheapest conversions: {planning.cheapest(costs, 'cpa_usd')}", "USD per conversion")
        plots.show(fig)
        """
    )
    nb.md(
        f"""
        If the two titles name different tiers, a plan judged on CPM would buy different creators from a
        plan judged on CPA. Decide the KPI before the shortlist, and write it in the brief. (Synthetic
        data: use the method, not the numbers; the tiers are Mediakix's.) Pooled totals weigh the big
        campaigns most. Lesson 09 ranks the tiers by the median campaign's CPA: {lab["median_tier"]} is cheapest
        if the campaigns that sold nothing are left out, {lab["median_all_tier"]} once they are counted.
        """,
        slide="fragment",
    )

    # --- 3. budget in ranges ---------------------------------------------------------------------
    nb.md(
        """
        ## 3. Budget in ranges, not in points
        A plan needs a forecast: *how many conversions will USD 40,000 buy?* Past campaigns answer it, but
        not with one number. Each bar is the median campaign's conversions per USD 1,000 of fee in a tier;
        the line through it runs from the 10th to the 90th percentile of campaigns.
        """,
        slide="slide",
    )
    nb.code(
        """
        spread = planning.conversions_per_1k_spread(joined, by="tier", min_campaigns=20)
        fig, ax = plots.new_figure(figsize=(9, 5))
        plots.bar_groups(
            ax,
            list(spread.index),
            {"median campaign": spread["median"]},
            errors={"median campaign": (spread["p10"], spread["p90"])},
            value_format="{:.1f}",
            ylabel="conversions per $1,000",
        )
        subtitle = "bars: median campaign; lines: 10th-90th percentile; synthetic campaigns"
        plots.set_title(ax, planning.spread_finding(spread), subtitle)
        plots.show(fig)
        """
    )
    nb.md(
        """
        Two lessons for a budget: forecast a **range**, and **spread the money** over several creators
        so that one disappointing campaign does not sink the plan. The budget planner below does both:
        it buys creators at each tier's average fee and replays past campaigns hundreds of times.
        """,
        slide="fragment",
    )
    nb.notes(
        """
        Learners often expect one "right" number per tier. Show how wide the lines are compared with
        the differences between the bars. This motivates the 80 % interval in the planner.
        """
    )

    # --- lab 1: budget planner ---------------------------------------------------------------------
    nb.md(
        """
        ## Lab 1: the budget planner
        Set the budget to **USD 40,000** and move the tier sliders (shares are normalised to 100 %). The
        sentence states the forecast; the bars show the median conversions per tier with an 80 %
        interval. Watch the note about **unspent money**: a share too small to buy one creator of an
        expensive tier is not spent at all.
        """,
        slide="slide",
    )
    nb.volatile(
        """
        lab = widgets.BudgetPlanner()
        lab
        """
    )
    nb.code(
        """
        app_links.app_link("budget-planner")
        """
    )
    nb.md(
        """
        The planner's default split, recorded from code (the same controls a learner moves):
        """,
        slide="fragment",
    )
    nb.code(
        """
        default_split = {"share_nano": 20, "share_micro": 40, "share_mid": 30, "share_macro": 10, "share_mega": 0}
        result = lab.set(budget_usd=40_000, platform="all", **default_split)
        print(result.summary)
        print(f"Unspent: ${result.numbers['unspent_usd']:,.0f}")
        lab.table_view(result, ["budget_usd", "creators", "conversions"])
        """
    )
    nb.md(
        """
        **Try:** put 10 % into *mega* and watch the unspent money; then move it to *micro*. What happens
        to the median and to the interval? The planner forecasts from every past campaign whatever its
        goal, and assumes you pay each tier's average fee: a planning aid, not a promise.
        """,
        slide="fragment",
    )
    nb.notes(
        """
        Drive the sliders live. Let learners call out a split and predict the result before you move the
        slider. Exercise 05.q2 asks them to beat this default split under a rule (no tier above 50 %).
        """
    )

    # --- 4. research ------------------------------------------------------------------------------
    nb.md(
        """
        ## 4. Research before you sign: check the fit
        "Take time for research" means checking, for every candidate, whether their audience is the
        brand's audience. In the campaigns table that is `niche_fit` (0 = no overlap, 1 = perfect).
        Pool the campaigns by fit:
        """,
        slide="slide",
    )
    nb.code(
        """
        bands = planning.niche_fit_bands(campaigns)
        fig, ax = plots.new_figure(figsize=(9, 4.8))
        rate = {"conversions per $1,000": bands["conversions_per_1k_usd"]}
        plots.bar_groups(ax, list(bands.index), rate, value_format="{:.1f}")
        ax.set_xlabel("niche fit of the creator's audience (0-1)")
        plots.set_title(ax, planning.fit_finding(bands), "pooled by niche-fit band; synthetic campaigns")
        plots.show(fig)
        """
    )
    nb.md(
        """
        Careful with what this shows. The synthetic data was *built* so that conversions rise with niche
        fit (datasheet, effect 3), after research that links conversions to fit and credibility rather
        than audience size. Real studies add nuance: Leung et al. (2022, *Journal of Marketing*) find
        that follower-brand fit helps only up to a point (an inverted U). The habit to take away: measure
        fit for every candidate before you sign, and compare candidates on it.
        """,
        slide="fragment",
    )

    # --- 5. three ways to find creators -----------------------------------------------------------
    nb.md(
        """
        ## 5. Three ways to find creators
        * **Organically** - your team searches hashtags, follows conversations, asks customers. Cheap in
          money, expensive in staff time and slow.
        * **A subscription platform** - a searchable database of creators with audience data, for a
          monthly fee. Faster; the candidates are only as good as your filters.
        * **An agency** - people who know the creators and negotiate for you, for a fee (often a share
          of the creator's fee). Fastest, and usually the most expensive per creator.

        Every past campaign records how its creator was found, what finding them cost
        (`discovery_cost_usd`) and how many days it took to sign them (`days_to_sign`):
        """,
        slide="slide",
    )
    nb.code(
        """
        summary = planning.discovery_summary(campaigns)
        fig, axes = plots.new_figure(3, 1, figsize=(9, 11.5))
        planning.draw_discovery_overview(axes, planning.signed_by_day(campaigns), summary)
        finding = plots.wrap_to_width(planning.discovery_finding(summary), 16, 880, fig.dpi, "bold")  # fits 9 in
        fig.suptitle(finding, x=0.01, ha="left", fontweight="bold", fontsize=16)
        plots.show(fig)
        """
    )
    nb.md(
        """
        No channel wins on all three: cheap is slow, fast costs more. The channel costs and delays in
        this synthetic data are **course assumptions** (datasheet: "Discovery channels"), not market
        prices; figures that platforms and agencies publish about their own speed or results are
        **vendor claims** until you have measured them yourself.
        """,
        slide="fragment",
    )
    nb.notes(
        """
        Ask who in the room has used each route. The top panel is the one that matters with a fixed
        launch date: read off the share signed by day 21 for each channel. Then turn to money: an
        agency's fee grows with the creator's fee, so "expensive" depends on who you hire.
        """
    )

    # --- lab 2: discovery comparison ----------------------------------------------------------------
    nb.md(
        """
        ## Lab 2: which route for this launch?
        Mesa Pantry needs creators signed before the launch. Set how many creators, how many days are
        left, and optionally the niche and goal of the past campaigns to learn from. The four panels
        answer: what finding them costs, what share of past signings took no longer than your deadline,
        how well the creators found fit, and conversions per USD 1,000 **all-in** (creator fees + discovery
        costs).
        """,
        slide="slide",
    )
    nb.volatile(
        """
        lab2 = widgets.DiscoveryComparison()
        lab2
        """
    )
    nb.code(
        """
        app_links.app_link("discovery")
        """
    )
    nb.code(
        """
        result2 = lab2.set(creators=8, deadline_days=21, niche="food", goal="all")
        print(result2.summary)
        lab2.table_view(result2)
        """,
        slide="fragment",
    )
    nb.md(
        """
        **Try:** shorten the deadline to 10 days; then give yourself 45. When does organic search become
        realistic? Switch the goal to *conversion*: does the value ranking change? A niche or goal with
        too few past campaigns gives a message instead of a comparison - set it back to *all*.
        """,
        slide="fragment",
    )
    nb.notes(
        """
        The point of the lab is the trade-off, not a winner. With a short deadline only the faster
        channels deliver; with a long one the cheap route is viable. Exercise 05.q4 asks whether the
        agency pays for itself once its fee is counted.
        """
    )

    # --- exercises --------------------------------------------------------------------------------
    # 05.q1's text: the two averages rank mid and micro the opposite way
    _pooled, _mean = lesson05._cpe_by_tier(), lesson05._cpe_mean_of_ratios()
    assert _pooled["mid"] < _pooled["micro"] and _mean["micro"] < _mean["mid"], "05.q1: the findings disagree"
    nb.exercise(
        lesson05.q1,
        f"""
        ## Exercise 05.q1 - two agencies, two cost-per-engagement findings
        For a consideration goal the cost metric is CPE, and you must decide where the budget goes. Two
        agencies read the same campaigns (`joined`):

{textwrap.indent(lesson05.agency_findings_markdown(), "        ")}

        **Which finding should guide the budget?**
        """,
    )
    nb.md(
        """
        ## Exercise 05.q2 - a split that meets the KPI inside the budget
        The brief: **USD 40,000**, a conversion goal, and a rule - **no tier may get more than 50 %** of
        the budget. The KPI target is printed below (it is computed from the data: 15 % more median
        conversions than the planner's default split). Find a split that reaches it, as a dict of tier
        -> percent summing to 100. `ex.forecast_conversions(shares)` returns the planner's median for
        any split, and Lab 1 shows the same forecast.
        """,
        slide="slide",
    )
    nb.code(
        """
        print(f"Budget ${ex.BUDGET_USD:,}; no tier above {ex.MAX_SHARE_PCT}%")
        print(f"Target: at least {ex.q2_target():,} conversions (median)")
        print(f"Default split {ex.DEFAULT_SPLIT}: {ex.forecast_conversions(ex.DEFAULT_SPLIT):,.0f} conversions")
        """
    )
    nb.code(lesson05.q2.cell_code())
    nb.md(
        "Stuck? `ex.q2.hint()` gives a hint (run it again for the next one); `ex.q2.solution()` shows a "
        "solution and explains it.",
        slide="fragment",
    )
    # 05.q3's feedback: organic misses the deadline, the agency (and a half-agency split) the budget
    _routes = lesson05.route_facts()
    _org, _plat, _agy = _routes["organic"], _routes["platform"], _routes["agency"]
    assert _org["in_time_pct"] < 50, "05.q3: most organic signings miss the deadline"
    assert _org["spend_mean_usd"] == min(r["spend_mean_usd"] for r in _routes.values()), (
        "05.q3: organic cheapest"
    )
    assert _plat["in_time_pct"] >= lesson05.Q3_IN_TIME_PCT, "05.q3: the platform signs in time"
    assert _plat["spend_mean_usd"] <= lesson05.Q3_BUDGET_USD, "05.q3: the platform fits the budget"
    assert _agy["in_time_pct"] >= lesson05.Q3_IN_TIME_PCT, "05.q3: the agency signs in time"
    assert _agy["spend_median_usd"] > lesson05.Q3_BUDGET_USD, "05.q3: the agency breaks the budget"
    assert _agy["spend_mean_usd"] / 2 > lesson05.Q3_BUDGET_USD, "05.q3: five agency creators break it"
    _route_options = "\n".join(f"{k}. {v}" for k, v in lesson05.ROUTE_OPTIONS.items())
    nb.exercise(
        lesson05.q3,
        f"""
        ## Exercise 05.q3 - which route for this launch?
        Mesa Pantry's next brief: sign **{lesson05.Q3_CREATORS} creators** within **{lesson05.Q3_DEADLINE_DAYS}
        days**, with **USD {lesson05.Q3_BUDGET_USD:,}** for finding them (discovery costs only; the creators'
        fees come from another budget). A route counts as in time when at least {lesson05.Q3_IN_TIME_PCT} % of
        its past signings were done within the deadline. Use section 5's figure, Lab 2 or `campaigns`
        (`discovery_cost_usd`, `days_to_sign`).

{textwrap.indent(_route_options, "        ")}

        **Which route do you recommend?**
        """,
    )
    nb.exercise(
        lesson05.q4,
        f"""
        ## Exercise 05.q4 - does the agency pay for itself?
        An agency costs more to find each creator. It pays for itself only if what it adds is worth more
        than its fee. Compare the channels on **all-in cost per conversion**: (total `fee_usd` + total
        `discovery_cost_usd`) / total `conversions`, per channel. Answer with the **organic minus the
        agency** value, in USD per conversion (positive: the agency route is cheaper per conversion).

        If your answer disagrees with Lab 2, look at what each counts. The lab above was set to one
        niche, food ({lab["food"]} of the {lab["all"]} past campaigns; the agency's {lab["agency_food"]}
        conversions per USD 1,000 all-in ranked last there); this exercise counts every campaign.
        Conversions per USD 1,000 all-in is 1,000 / all-in cost per conversion, so the two measures
        always rank the channels the same way: only the campaigns counted can differ.
        """,
    )

    # --- quiz, key points, what's next -------------------------------------------------------------
    nb.md(
        """
        ## Concept quiz
        Three questions on goals, claims and fees. Pick an answer and press **Check**.
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
        * Start from the goal: awareness, consideration or conversion decides the KPI (reach, engagement,
          conversions) and the cost metric (CPM, CPE, CPA) - and so which creators look cheap.
        * Pool costs (total cost / total results) and plan in ranges: campaigns vary more than averages
          suggest, so spread the budget and read the interval, not only the median.
        * Research every candidate's fit with the brand's audience before signing.
        * Organic search, platforms and agencies trade cost against time and candidate quality; compare
          them all-in (fees + discovery costs) and against your deadline.
        * Vendors' figures about their own speed or results are claims until you measure them.
        """,
        slide="slide",
    )
    nb.md(
        """
        ## What's next
        Continue with **[06 - What works: relationships and a schedule](06_what_works_relationships_and_schedule.ipynb)**:
        once creators are found, how to work with them as people, on a calendar tied to launches and PR.
        Back to the course map: [00 - Start here](00_start_here.ipynb).
        """,
        slide="subslide",
    )
    nb.md(
        """
        ### Sources
        * The course's source article (VOI, "What is influencer marketing"): what works - consider the
          approach; organise, strategise, plan, budget, research; find creators organically, through
          platforms or through an agency (taught here in the course's own words).
        * Metric definitions (CPM, CPE, CPA): Influencer Marketing Hub, "How to calculate influencer
          costs". CPM ranges: wordontheblock (2023), a vendor estimate (`benchmarks` table).
        * Leung, Gu, Li, Zhang & Palmatier (2022), "Influencer Marketing Effectiveness", *Journal of
          Marketing*: effects differ by creator and campaign; follower-brand fit has an inverted-U effect.
        * Data: synthetic and seeded (`datasets/README.md`); discovery-channel costs and delays are
          course assumptions.
        """,
        slide="subslide",
    )
    return nb
