"""Source of notebooks/11_capstone_campaign_plan.ipynb (build with `python tools/nbtools.py 11`)."""

import textwrap

from helpers import course
from helpers.analysis.capstone import TIMELINE_KEY
from helpers.exercises import lesson11
from nbtools import NB

NAME = "11_capstone_campaign_plan"
MINUTES = course.lesson(NAME[:2]).minutes  # stated time comes from helpers.course.COURSE
_PREVIOUS = course.COURSE[course.COURSE.index(course.lesson(NAME[:2])) - 1]


def _score_pools() -> dict[str, str]:
    """Why the plan's ``score`` differs from the candidate table's for the same creator: the
    scorecard scores by percentile rank within the pool it ranks, and the plan ranks only the
    creators who pass the audience screening. The build fails if the sentence stops being true."""
    from helpers import metrics
    from helpers.analysis import capstone

    bench = capstone.prepare()
    brief = bench.brief(lesson11.BRAND, lesson11.GOAL, lesson11.BUDGET_USD)
    plan = capstone.build_plan(bench, brief, split="micro + mid")
    candidates = capstone.draft_context(bench, brief).candidates
    screened = bench.ranked(brief.niche, capstone.DEFAULT_WEIGHTS, metrics.AUTHENTICITY_MIN)
    first = plan.signed.iloc[0]
    before, after = float(candidates.loc[first["handle"], "score"]), float(first["score"])
    assert len(screened) < len(candidates) and round(before, 3) != round(after, 3), (before, after)
    return {
        "kept": f"{len(screened):,}",
        "all": f"{len(candidates):,}",
        "handle": str(first["handle"]),
        "before": f"{before:.3f}",
        "after": f"{after:.3f}",
    }


def build() -> NB:
    pools = _score_pools()
    nb = NB(NAME)
    nb.md(
        f"""
        # Capstone: plan a campaign end to end

        **In {MINUTES} minutes you will write your own campaign plan for a fictional brand - a goal and its
        KPIs, a budget split, a shortlist with a reason per creator, a creative brief, the key contract
        terms and a measurement plan - get feedback on every part, compare it with the plan the course's
        planner builds (forecast, schedule around the launch, self-checks), and export a plan as files a
        team can use.**
        """,
        slide="slide",
    )
    nb.notes(
        """
        The capstone adds no new theory: it asks learners to make every decision of the earlier lessons
        in the right order, for one brief, and to see how each decision constrains the next. Everything
        is computed with the tools they already met (lesson 05's planner, lesson 06's calendar, lesson
        07's scorecard, lesson 09's metrics, lesson 10's codes, links, holdout and flags; the brief and
        contract follow lesson 08). Suggested rhythm: pairs write their first draft from
        the candidate table and run its review (20 min), then walk through the planner's plan together
        (30 min) and let pairs improve their draft with what it showed, then the lab, the
        self-assessment, the exercises and the quiz. Learners who finish early compare with
        `ex.model_answer()`; do not show it before pairs have a draft. Say "synthetic" every time a number appears.
        """
    )
    nb.md(
        f"""
        ## Objectives
        By the end of this notebook you can:
        1. turn a brief into one goal and the KPIs that belong to it, each with a target range;
        2. write your own plan as a draft - KPIs, budget split, a shortlist with a reason per creator, a
           creative brief, contract terms, a measurement plan - and improve it with the feedback;
        3. split a budget across creator tiers and check that the niche can fill the slots it buys;
        4. build a shortlist with a weighted scorecard, screen out doubtful audiences, and size it for
           the reply rate;
        5. schedule outreach, briefings and posts around the brand's launch, embargo and PR events, and
           fix the conflicts;
        6. read a forecast as a range and turn it into promises a client can hold you to;
        7. write a measurement plan: metrics with formulas and denominators, promo codes and tracked
           links, disclosure checks, and what EMV can and cannot say;
        8. assess your plan against a rubric and export it without overwriting anything.

        **Time to learn:** {MINUTES} minutes. **Prerequisites:** lessons 05-{_PREVIOUS.number} (the capstone
        reuses their tools and vocabulary) and notebook 00. A little pandas helps for the exercises.
        """,
        slide="subslide",
    )
    nb.md(
        """
        ## Setup
        One cell loads the course helpers and prepares a *workbench*: the synthetic tables (creators,
        past campaigns, outreach messages, brand calendars, posts) plus what every plan reuses. Then it
        reads the brief for one of the fictional brands in the data.
        """,
        slide="slide",
    )
    nb.code(
        f"""
        from helpers import app_links, data, plots, tables, widgets
        from helpers.analysis import capstone
        from helpers.exercises import ____, lesson11 as ex

        bench = capstone.prepare()  # synthetic tables, loaded once, and the planning tools
        brief = bench.brief("{lesson11.BRAND}", goal="{lesson11.GOAL}", budget_usd={lesson11.BUDGET_USD:_})
        """
    )

    # --- the brief ---------------------------------------------------------------------------------------
    nb.md(
        """
        ## The brief
        A brief fixes what the campaign is for and what it must fit around. This one is assembled from
        the data: the brand's **niche** is where its past campaigns fitted best, the **launch** is its next
        product launch with eight weeks to prepare, the **embargo** before it and the **PR events** after
        it come from the brand's calendar, and the revenue per order from its past attributed sales.
        Goal and budget are the client's choice.
        """,
        slide="slide",
    )
    nb.code(
        """
        print(brief.text())
        tables.show(brief.table())
        """
    )
    nb.md(
        """
        Before anyone opens a creator's profile, the team can already say a lot: what success means, how
        much there is to spend, and which dates are fixed. The rest of the notebook takes the decisions in
        that order. (Everything here is **synthetic**: the brand, its creators and its history are
        invented and calibrated to published figures, so the plan teaches a method, not market prices.)
        """,
        slide="fragment",
    )
    nb.notes(
        """
        Ask the room what they would want to know before planning and compare with the table: goal,
        budget, niche, dates, constraints. The course's source article says much the same in its "what
        works" list: take time to organise, set a strategy, plan, budget and research before acting.
        """
    )

    # --- 1. goal -> KPIs ---------------------------------------------------------------------------------
    nb.md(
        """
        ## 1. One goal, and the KPIs that belong to it
        A campaign judged on everything is judged on nothing. Pick one goal and let it choose the numbers
        (lessons 05 and 09):

        | goal | the question | counts | cost metric |
        |---|---|---|---|
        | awareness | did the right people see it? | reach, impressions | CPM |
        | consideration | did they engage or click? | engagements, clicks | CPE, CPC |
        | conversion | did they act? | conversions | CPA, and ROAS for the return |

        What the past synthetic campaigns with each goal cost, pooled (total fees / total results):
        """,
        slide="slide",
    )
    nb.code(
        """
        from helpers.analysis import planning

        tables.show(planning.kpi_table(bench.campaigns))
        """
    )
    nb.md(
        """
        This brief asks for **conversions**. Which of these numbers will your plan promise? Your draft
        (next section) names them; the plan will give each as a range. Followers, likes and EMV may
        appear in a report; they are not what a campaign is judged on.
        """,
        slide="fragment",
    )

    # --- the learner's draft -----------------------------------------------------------------------------
    nb.md(
        """
        ## Your plan: a first draft
        Before you see how the course's planner does it, write your own plan. A draft has eight parts:
        the **goal** and its **KPIs**, the **budget split** across tiers, a **shortlist** with a reason
        for each creator, the **reply rate** you expect from first messages, a short **creative brief**,
        the key **contract terms** and a **measurement plan**. Every part starts blank (`____`); the
        review below says "not filled in yet" until you fill it, and gives specific feedback once you do.

        What a tier's share buys: its money divided by the average fee of past campaigns with this goal,
        rounded down to whole creators (lesson 05). The average fees:
        """,
        slide="slide",
    )
    nb.code(
        """
        context = capstone.draft_context(bench, brief)  # what your draft is checked against
        for tier, fee in context.fee_usd.items():
            print(f"{tier:>5}: ${fee:,.0f} per creator")
        """
    )
    nb.md(
        """
        The creators you can pick from: every creator of the brand's niche with a track record,
        unscreened, by tier and then by lesson 07's score (engagement, fit, audience quality and cost;
        what you pay is the tier's average fee above). `niche_fit` and `audience_authenticity` run
        from 0 to 1; `history` says what each creator already is to the brand - partners are asked
        directly, new names need a first message, and not everyone replies (lesson 06). The data
        records where a creator lives, not where their audience lives: `city` is the best clue here.
        """,
        slide="subslide",
    )
    nb.code(
        """
        columns = ["tier", "platform", "city", "followers", "niche_fit", "audience_authenticity"]
        columns += ["score", "history"]
        tables.show(context.candidates[columns].round(3))  # every candidate
        """
    )
    nb.md(
        """
        Replace every `____` with your choice (text in quotes) and run the cell. Handles are copied from
        the table above, without the `@`; add as many `"handle": "reason",` lines as you need.
        """,
        slide="subslide",
    )
    nb.code(
        """
        draft = capstone.PlanDraft(
            goal=____,  # the brief's goal: "awareness", "consideration" or "conversion"
            kpis=[____, ____],  # KPI names from section 1's table, e.g. ["reach", "CPM"]
            split_pct={"nano": ____, "micro": ____, "mid": ____, "macro": ____, "mega": ____},  # percent
            shortlist={  # "handle": "your reason for this creator",
                ____: ____,
            },
            reply_rate=____,  # share (0-1) of first messages to new names you expect answered
            creative_brief=____,  # "a few sentences for the creators"
            contract={"usage rights": ____, "disclosure": ____, "payment terms": ____},
            measurement=____,  # "how you will know it worked"
        )
        tables.show(capstone.findings_table(capstone.review_draft(draft, context)))
        """
    )
    nb.md(
        """
        Fill in what you can now and run the cell again after each change. Sections 2-6 show how the
        course's planner takes each decision for the same brief: read them, then come back and improve
        your draft (the self-assessment at the end reminds you). Finished, or stuck?
        `ex.model_answer()` shows the model answer - the planner's plan written as a draft, with the
        feedback it gets - like an exercise's solution. Try first.
        """,
        slide="fragment",
    )
    _creators = next(item for item in course.COURSE if item.slug == "working_with_creators")
    nb.md(
        f"""
        **Templates** from lesson {_creators.number} help with four parts of the plan and with the work
        after it: the [outreach email template](../templates/outreach_email.md) for first messages, the
        [creative brief template](../templates/creative_brief.md), the
        [contract checklist template](../templates/contract_checklist.md) for the key contract terms, and
        the [campaign report template](../templates/campaign_report.md) for the measurement plan. Copy one
        and replace each `[fill in: ...]` marker.
        """,
        slide="fragment",
    )
    nb.notes(
        """
        Pairs write the draft; each runs the review after every part. The review is specific on
        purpose: a shortlist too short for the reply rate (first messages only to names new to the
        brand), an optimistic reply rate, creators far from the launch market, a split the shortlist
        cannot absorb, KPIs of another goal, a fit below the line, a missing reason, a brief without
        disclosure or with the brand's business rules, contract terms missing, no holdout. The brief,
        contract and measurement checks look for words: read those parts yourself.
        """
    )

    # --- 2. allocation -----------------------------------------------------------------------------------
    nb.md(
        """
        ## 2. Split the budget, then check the niche can fill it
        From here on, the course's planner builds its plan for the same brief, step by step: compare
        each step with your draft. The budget is split across follower tiers. Lesson 05's planner turns each tier's money into
        **slots**: as many creators as it buys at the average fee of past campaigns with the same goal.
        A slot is only useful if a suitable creator exists: `pool` counts the creators of that tier in the
        brand's niche who have a track record and pass the audience screening (next section).
        """,
        slide="slide",
    )
    nb.code(
        """
        plan = capstone.build_plan(bench, brief, split="micro + mid")  # half micro, half mid-tier
        tables.show(plan.allocation.round(0))
        """
    )
    nb.code(
        """
        print(f"Fees: ${plan.spent_usd:,.0f} of ${brief.budget_usd:,.0f}")
        for note in plan.notes:
            print("Note:", note)
        """
    )
    nb.md(
        """
        Money left over is not a saving: a tier whose share is smaller than one creator's fee buys nobody,
        and a slot the niche cannot fill buys nothing. Either move the money or keep it, on purpose, as a
        contingency.
        """,
        slide="fragment",
    )

    # --- 3. shortlist ------------------------------------------------------------------------------------
    nb.md(
        f"""
        ## 3. A shortlist chosen for fit, not fame
        Lesson 07's scorecard ranks the niche's creators on engagement, niche fit, audience quality and
        cost (niche fit counts double here). Two additions make it a plan:

        * **screening first**: creators whose audience is less than 75% authentic (Modash's fraud signal,
          lesson 07; the audit in lesson 10) are left out before ranking;
        * **reserves**: only some creators reply to a first message, so each tier's best-scored creators
          fill the slots and the next ones wait as reserves.

        Ranking is not screening: a creator with strong engagement and a low fee can rank high and still
        fit the niche poorly. The plan's self-checks at the end catch that.

        The `score` below is not the candidate table's: a score is a weighted average of percentile ranks
        *within the pool ranked*, and after screening that pool holds {pools["kept"]} of the {pools["all"]}
        candidates, so every score moves ({pools["handle"]}: {pools["before"]} in the candidate table,
        {pools["after"]} here). Compare scores within one table, not across tables.
        """,
        slide="slide",
    )
    nb.code(
        """
        columns = ["tier", "handle", "platform", "followers", "niche_fit", "audience_authenticity", "score"]
        tables.show(plan.signed[[*columns, "history"]].round(3))
        """
    )
    nb.md(
        """
        `history` says what each creator already is to the brand: people who know the brand are easier to
        brief, and new names need the most personal first message (lesson 06). How do these creators
        compare with simply taking the most-followed creators of the niche? Their past campaigns answer:
        """,
        slide="fragment",
    )
    nb.code(
        """
        record = capstone.track_record(bench, plan)
        per_1k = record["conversions_per_1k_usd"]
        fig, ax = plots.new_figure(figsize=(9, 5))
        plots.bar_groups(ax, list(record.index), {"conversions per $1,000": per_1k}, value_format="{:.1f}")
        plots.set_title(
            ax,
            f"The shortlist's past campaigns converted {per_1k.iloc[0] / per_1k.iloc[1]:.1f}x as well per dollar",
            "pooled past conversions per $1,000 of fees; synthetic campaigns",
        )
        plots.show(fig)
        """
    )
    nb.code(
        """
        tables.show(record.round(3))
        """
    )
    nb.code(
        """
        slots = int(plan.allocation["slots"].sum())
        known = int(plan.signed["history"].isin(capstone.KNOWN_TO_BRAND).sum())
        print(f"{known} of the {slots} creators to sign already work with the brand: ask them directly.")
        print(f"The other {slots - known} need a first message;", end=" ")
        print(f"{plan.reply_rate:.0%} of personalised ones get a reply.")
        print(f"So contact about {plan.contact_target} names. The shortlist holds {len(plan.shortlist)}.")
        """
    )
    nb.notes(
        """
        The track record is what each creator's own past campaigns converted - for most creators one or
        two campaigns, so it is noisy (the datasheet says so). The point is the direction: fit and
        audience quality beat size. The reply rate (synthetic outreach table) is measured on first
        messages, so the plan applies it only to names new to the brand; partners are asked directly.
        When the shortlist is shorter than the names needed, discuss widening the search (lesson 05's
        three discovery routes).
        """
    )

    # --- 4. forecast -------------------------------------------------------------------------------------
    nb.md(
        """
        ## 4. Forecast a range, then promise a floor
        The forecast replays past campaigns of the same goal and tiers, one per signed creator, 400 times
        (lesson 05's planner engine). The bars are the median per tier; the lines run from the 10th to the
        90th percentile: in eight runs out of ten the total lands inside.
        """,
        slide="slide",
    )
    nb.code(
        """
        fig, ax = plots.new_figure(figsize=(9, 5.2))
        capstone.draw_forecast(ax, plan)
        plots.show(fig)
        """
    )
    nb.md(
        """
        The goal's KPIs follow from the same runs. A cost metric turns the interval around: the fewest
        conversions give the highest CPA. ROAS uses the brand's revenue per past order.
        """,
        slide="fragment",
    )
    nb.code(
        """
        tables.show(capstone.kpi_display(plan.kpis))
        """
    )
    nb.md(
        """
        **A promise a client can hold you to:** the low end is the floor to plan for, the median the
        expectation, the high end a stretch. Say what the range rests on (past synthetic campaigns that
        may not resemble this one) and what would move it (fit, creative, timing).
        """,
        slide="fragment",
    )

    # --- 5. schedule -------------------------------------------------------------------------------------
    nb.md(
        """
        ## 5. Schedule outreach around the launch
        Lesson 06's relationship calendar, for the signed creators: a regular contact at the chosen cadence,
        a briefing a week before the launch (inside the embargo: briefing under embargo is what an embargo
        is for), an email on behalf of an executive on launch day, executive trips where several creators
        live, and the draft posting plan - two posts each, the first ones spread over the launch days.
        Every rule of lesson 06 checks it.
        """,
        slide="slide",
    )
    nb.code(
        """
        fig, ax = plots.new_figure(figsize=(9, 5.5))
        capstone.draw_timeline(ax, plan)
        plots.show(fig)
        """
    )
    nb.md(
        f"""
        *Key:* {TIMELINE_KEY}.
        """,
        slide="-",
    )
    nb.code(
        """
        counts = plan.numbers()
        print(f"{counts['touchpoints']:.0f} contacts and {counts['posts']:.0f} posts in the campaign window")
        print(f"About {counts['staff_hours']:.0f} staff hours (a course assumption)")
        """
    )
    nb.md(
        """
        What goes wrong when a team is in a hurry: the first posts go out two days early, and the monthly
        newsletter is sent on its usual Tuesday. The same plan, with those two changes:
        """,
        slide="fragment",
    )
    nb.code(
        """
        hurried = capstone.build_plan(
            bench, brief, split="micro + mid", post_offset_days=-2, cadence="monthly newsletter"
        )
        print(hurried.schedule.conflicts["kind"].value_counts().to_string())
        tables.show(hurried.schedule.conflicts[["date", "kind", "who", "fix"]].head(6))
        """
    )
    nb.code(
        """
        fig, ax = plots.new_figure(figsize=(9, 5.5))
        capstone.draw_timeline(ax, hurried)
        plots.show(fig)
        """
    )
    nb.notes(
        """
        Read one conflict row aloud: what, who, and the fix the calendar proposes. The embargo protects the
        launch: a post before launch day leaks the product, and a newsletter to many creators during the
        embargo risks the same. Calls and briefings inside it are fine.
        """
    )

    # --- 6. measurement plan -----------------------------------------------------------------------------
    nb.md(
        """
        ## 6. Decide now how you will measure
        A measurement plan written after the campaign tends to measure whatever looks good. Written now,
        it names each metric's formula and **denominator**, where the data comes from, and the target.
        Attribution gets one **promo code** and one **tracked link** per creator (an order counts once,
        whichever it used; attributed sales are a floor, not the whole effect), and every sponsored post
        must be **disclosed** (FTC Endorsement Guides).
        """,
        slide="slide",
    )
    nb.code(
        """
        tables.show(capstone.measurement_plan(plan))
        """
    )
    nb.code(
        """
        shown = plan.tracking[["handle", "promo_code", "tracked_link", "flags", "past_disclosed_pct"]]
        tables.show(shown.head(6))
        """
    )
    nb.md(
        """
        **Did the creators cause the sales?** Codes and links count only the sales you can see, and some
        of those would have happened anyway. The usual answer, "compare with the weeks before", does not
        work for a new product: it had no sales before its launch. Keep a **holdout** instead. Before the
        launch, draw by lot a few comparable areas - districts or postcodes of the launch city, or whole
        cities for a wider launch - where no creator promotes the product. After the campaign, compare
        sales per 1,000 people in the areas with creators and in the held-out areas, over the same weeks:
        the difference is what the creators caused. Drawing by lot, before the launch, is what makes it
        fair: areas picked afterwards, or picked because they looked promising, differ in more than the
        creators. Hold out several areas, so one odd district cannot decide the answer.
        """,
        slide="fragment",
    )
    nb.md(
        """
        `flags` are lesson 10's audience-quality signals (reasons to look, not proof; the engagement flags
        are only checked on Instagram, whose benchmarks they use). `past_disclosed_pct` is the share of the
        creator's past sponsored posts that carried a disclosure: below 100, the brief and the contract
        must say how to disclose, and someone checks each post on the day. *Where* matters too: in
        2016 the FTC settled with Warner Bros. over a 2014 game launch whose contract told YouTube
        creators to put any disclosure in the description box, below the "Show more" fold, where
        most viewers never look (FTC press release, July 2016). A label nobody sees does not count.

        **EMV's limits.** An agency may offer to report earned media value: impressions priced at a
        reference CPM. Here is what it would say about this plan's median forecast, at the low and high end
        of a published Instagram CPM range (wordontheblock 2023, a vendor estimate):
        """,
        slide="fragment",
    )
    nb.code(
        """
        cpm = data.load_benchmarks().set_index("key")["value"]  # published figures, one source per row
        low, high = cpm["cpm_usd_instagram_low"], cpm["cpm_usd_instagram_high"]
        rates = {f"${low:.0f} CPM": low, f"${high:.0f} CPM": high}
        fig, ax = plots.new_figure(figsize=(9, 5.2))
        capstone.draw_emv_check(ax, plan, rates)
        plots.show(fig)
        """
    )
    nb.md(
        """
        The same impressions are "worth" very different amounts depending on the rate someone picked, and
        none of it is money a customer paid. If EMV appears in the report, it appears as a relative
        measure of attention with its rate stated - never as revenue, never in an ROI.
        """,
        slide="fragment",
    )

    # --- lab ---------------------------------------------------------------------------------------------
    nb.md(
        """
        ## Lab: make the plan yours
        Every decision of this notebook is a control: brand, goal, budget, split, the weight of niche fit,
        the audience screening, the contact cadence and the day the first posts go live. The left panel is
        the forecast of the goal's main count with its 80% interval; the right panel is the campaign
        window with every conflict. **Export the plan** writes it into a new folder under `output/` (only
        when you click, never over an existing file).
        """,
        slide="slide",
    )
    nb.volatile(
        """
        lab = widgets.CapstonePlanner()
        lab
        """
    )
    nb.code(
        """
        app_links.app_link("capstone-planner")
        """
    )
    nb.md(
        """
        The lab driven from code - the worked plan, then the same brief with an awareness goal:
        """,
        slide="fragment",
    )
    nb.code(
        """
        result = lab.set(brand=brief.brand, goal="conversion", budget_usd=20_000, split="micro + mid")
        print(result.summary)
        result = lab.set(goal="awareness")
        print(result.summary)
        tables.show(result.table)
        """
    )
    nb.md(
        """
        **Try:** (1) switch off the screening: who enters the shortlist, and what happens to the self-check
        on audiences? (2) Put the whole budget into *one big name*: what does the range do? (3) Move the
        first posts before the launch, then pick a cadence that avoids the embargo. (4) Plan for another
        brand: its niche, launch and calendar change everything.
        """,
        slide="fragment",
    )
    nb.notes(
        """
        Pairs choose a brand each and defend their plan to another pair in two minutes: goal, KPIs with a
        range, who and why, what the calendar forced them to change. Exercise 11.q4 comes back to the
        embargo, 11.q3 to the reply rate.
        """
    )

    # --- self-assessment ---------------------------------------------------------------------------------
    nb.md(
        """
        ## Self-assessment
        Judge your plan against the rubric: one row per part of the plan, four levels each.
        """,
        slide="slide",
    )
    nb.code(
        """
        tables.show(capstone.rubric_table())
        """
    )
    nb.md(
        """
        The plan also checks itself. The checks are evidence for your judgement, not a grade: a plan can
        pass them all and still rest on a weak idea - and a plan that fails one is not ready, however
        complete it looks.
        """,
        slide="fragment",
    )
    nb.code(
        """
        checks = capstone.plan_checks(plan)
        tables.show(checks)
        """
    )
    # The text below names the checks this plan fails: the build fails if that stops being true.
    from helpers.analysis import capstone as _capstone

    _bench = _capstone.prepare()
    _plan = _capstone.build_plan(
        _bench, _bench.brief(lesson11.BRAND, lesson11.GOAL, lesson11.BUDGET_USD), split="micro + mid"
    )
    _failing = _capstone.plan_checks(_plan).query("not passed")["check"].tolist()
    assert _failing == [
        "enough names to contact for the reply rate",
        f"every signed creator fits the niche (fit at least {_capstone.MIN_NICHE_FIT:.1f})",
        f"audiences where the launch is ({_plan.brief.launch_city})",
    ], _failing
    nb.md(
        """
        **This plan is not ready**, and the checks say why. Three of them fail - read their `detail`:
        """,
        slide="fragment",
    )
    nb.code(
        """
        for check, detail in checks.loc[~checks["passed"], ["check", "detail"]].itertuples(index=False):
            print(f"NOT YET - {check}:\\n  {detail}\\n")
        """
    )
    nb.md(
        """
        What a team does next, one failing check at a time:

        * **too few names**: widen the search before the launch date forces you to (lesson 05's discovery
          routes), or plan fewer, better-paid slots;
        * **a poor fit**: leave out creators below the fit line (`min_niche_fit=` in `build_plan`, below)
          and sign a reserve who fits - a high rank on engagement and cost does not make up for it;
        * **the launch market**: the course data records where creators live, not where their audiences
          live. Ask each creator for the top countries of their audience (every platform's insights
          show them) and prefer creators whose audience is where the product is sold.

        Screening for fit, the same brief again:
        """,
        slide="fragment",
    )
    nb.code(
        """
        fitted = capstone.build_plan(bench, brief, split="micro + mid", min_niche_fit=capstone.MIN_NICHE_FIT)
        fitted_checks = capstone.plan_checks(fitted)
        print(f"{int(fitted_checks['passed'].sum())} of {len(fitted_checks)} checks pass. Not yet:")
        for check, detail in fitted_checks.loc[~fitted_checks["passed"], ["check", "detail"]].itertuples(index=False):
            print(f"- {check}: {detail}")
        """
    )
    nb.md(
        """
        Every creator now fits, and the checks move the problem to where it really is: the niche holds too
        few fitting creators for this split, so slots stay empty and money unspent. That is a finding, not
        a failure of the tool - the honest plan says "we need a wider search, or a smaller campaign",
        before a single contract is signed.
        """,
        slide="fragment",
    )
    # ... and the sentence above: fit screening clears the fit check and leaves empty slots.
    _fitted = _capstone.build_plan(
        _bench, _plan.brief, split="micro + mid", min_niche_fit=_capstone.MIN_NICHE_FIT
    )
    _fitted_failing = _capstone.plan_checks(_fitted).query("not passed")["check"].tolist()
    assert "every slot filled from the niche" in _fitted_failing, _fitted_failing
    assert "at most 10% of the budget unspent" in _fitted_failing, _fitted_failing
    assert not any(c.startswith("every signed creator fits") for c in _fitted_failing), _fitted_failing
    # ... and the model answer (ex.model_answer) "fails the same three checks as the planner's plan".
    _context = _capstone.draft_context(_bench, _plan.brief)
    _model_codes = [f.code for f in _capstone.review_draft(_capstone.model_draft(_plan, _context), _context)]
    assert sorted(_model_codes) == ["shortlist.geography", "shortlist.niche_fit", "shortlist.too_short"], (
        _model_codes
    )
    nb.md(
        """
        **Back to your draft.** Improve it with what sections 2-6 showed - the fit line, the launch
        market, the reply rate, disclosure, a holdout - and run its review again. Then compare with the
        model answer, `ex.model_answer()`: it fails the same three checks as the planner's plan.

        Now score your plan, 1 (beginning) to 4 (excellent), per criterion: replace each `____` with
        your level. `checks passed` and the notes come from the planner's plan's self-checks above, a
        second opinion: where you claim a high level and a check disagrees, the table says "look again".
        """,
        slide="fragment",
    )
    nb.code(
        """
        # your levels here: 1 beginning, 2 developing, 3 proficient, 4 excellent
        levels = {"goal": ____, "shortlist": ____, "budget": ____, "schedule": ____, "forecast": ____}
        levels["measurement"] = ____
        tables.show(capstone.self_assessment(plan, levels))
        """
    )

    # --- export ------------------------------------------------------------------------------------------
    nb.md(
        """
        ## Export the plan
        `capstone.export_plan(plan)` writes four files into a **new** folder under `output/` (git-ignored):
        `plan.md` (the whole plan, readable anywhere), `shortlist.csv` (creators, codes and links, for a
        spreadsheet), `schedule.ics` (the calendar, for any calendar app) and `schedule.csv`. An existing
        folder is never reused, so nothing is ever overwritten. This demonstration writes into a temporary
        folder that disappears at the end of the cell:
        """,
        slide="slide",
    )
    nb.code(
        """
        import tempfile

        with tempfile.TemporaryDirectory() as folder:  # a demo: deleted when the cell ends
            exported = capstone.export_plan(plan, folder, levels=levels)
            again = capstone.export_plan(plan, folder)  # a second export: a new folder, nothing overwritten
            print("first export: ", exported.folder.name, exported.names())
            print("second export:", again.folder.name, again.names())
            summary = exported.files["markdown"].read_text(encoding="utf-8")
        """
    )
    nb.md(
        """
        The Markdown summary, as a colleague would read it:
        """,
        slide="fragment",
    )
    nb.code(
        """
        capstone.show_markdown(summary)
        """
    )
    nb.md(
        """
        To keep your own plan, run `capstone.export_plan(plan)` (or click **Export the plan** in the lab)
        and download the folder from `output/` - in Binder, before the session ends.
        """,
        slide="fragment",
    )

    # --- exercises ---------------------------------------------------------------------------------------
    nb.exercise(
        lesson11.q1,
        """
        ## Exercise 11.q1 - KPIs for another goal
        A colleague's brief asks for **awareness**. Which metrics from `ex.METRICS` are its KPIs? Answer with
        a list of names, spelled as in `ex.METRICS`.
        """,
    )
    nb.exercise(
        lesson11.q2,
        f"""
        ## Exercise 11.q2 - the CPA ceiling in the contract
        The client wants one number in the contract: "the cost per acquisition will not go above ...",
        a promise they can hold you to in nine runs out of ten. The contract's CPA counts everything the
        brand pays for the campaign: this plan's creator fees plus a one-off **USD
        {lesson11.Q2_PRODUCTION_USD:,}** of production (film crew and editing). **What ceiling do you write
        in?** (USD per conversion, from `plan`.)
        """,
    )
    nb.exercise(
        lesson11.q3,
        """
        ## Exercise 11.q3 - a generic template needs a longer list
        The plan sizes the shortlist with the reply rate of *personalised* first messages. Your team wants
        to save time with one **generic template**, and suppose every slot of the plan goes to a creator
        **new to the brand** (no partner to ask directly). From the outreach table, how many creators would
        you have to contact to sign every slot? Round up to a whole creator.
        """,
    )
    # 11.q4's feedback: the early calendar flags every creator's first post, one day early still
    # conflicts, launch day clears it; the embargo ends the day before the launch
    _emb = lesson11.embargo_facts()
    assert _emb["early_conflicts"] == _emb["creators"] and _emb["posts"] == 2 * _emb["creators"], "11.q4"
    assert _emb["one_day_early_conflicts"] > 0 and _emb["on_launch_conflicts"] == 0, "11.q4: offsets"
    _brief = lesson11._plan().brief
    assert (_brief.launch - _brief.embargo_end).astype(int) == 1, "11.q4: embargo ends the day before"
    _embargo_options = "\n".join(f"{k}. {v}" for k, v in lesson11.EMBARGO_OPTIONS.items())
    nb.exercise(
        lesson11.q4,
        f"""
        ## Exercise 11.q4 - the agency's teaser posts
        The agency running the calendar wants each creator's first post up to
        **{-lesson11.EARLY_OFFSET_DAYS} days before the launch**, "to build buzz" (the starter rebuilds the
        plan that way). The brand's contract has an embargo. **What do you tell the agency?** Answer with
        the letter and the number that settles option C: how many posts would still fall in the embargo
        with every first post moved to the day before the launch (`post_offset_days={lesson11.ONE_DAY_EARLY}`).

{textwrap.indent(_embargo_options, "        ")}
        """,
    )
    nb.exercise(
        lesson11.q5,
        """
        ## Exercise 11.q5 - ROI on margin, not ROAS
        The brand keeps **half** of each order's revenue after paying for the goods (a 50 % gross margin).
        From the median forecast, what **ROI on margin** do the creator fees return? Revenue = median
        conversions x the brand's revenue per order. Answer as a fraction (0.25 means +25%).
        """,
    )

    # --- quiz, key points, what's next -------------------------------------------------------------------
    nb.md(
        """
        ## Concept quiz
        Five questions on what a plan promises and how it will be measured. Pick an answer and press
        **Check**.
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
        * Decide in order: goal, KPIs, budget split, shortlist, schedule, forecast, measurement. Each step
          constrains the next.
        * One goal, with its count and cost metric, each as a range: promise the floor, expect the median.
        * A budget split is only real if the niche can fill its slots; a shortlist must be longer than the
          slots because not everyone replies - and personal first messages shorten it.
        * Choose creators for fit, audience quality and cost, after screening out doubtful audiences.
        * Tie outreach to the brand's calendar: brief under embargo, post from launch day, check conflicts.
        * Write the measurement plan before the launch: formulas and denominators, a code and a link per
          creator, disclosure on every post, EMV only as a relative measure of attention, and a holdout
          (areas drawn by lot, without creators) to learn what the campaign caused.
        * Read the self-checks: a plan that fails one is not ready - fix it, or say what must happen first.
        * All numbers here are synthetic: the plan teaches the method; real plans use real data.
        """,
        slide="slide",
    )
    nb.md(
        """
        ## What's next
        Continue with **[12 - Research lab: your own data, a published finding](12_research_lab.ipynb)**:
        bring your own creator export and test a published finding with honest caveats. Back to the
        measurement lessons: [09 - Metrics and money](09_metrics_and_money.ipynb) and
        [10 - Attribution, incrementality and fraud](10_attribution_incrementality_and_fraud.ipynb). Back to
        the course map: [00 - Start here](00_start_here.ipynb).
        """,
        slide="subslide",
    )
    nb.md(
        """
        ### Sources
        * The course's source article (VOI, "What is influencer marketing"): organise, plan, budget and
          research before acting; people talk to people; tie outreach to PR and product releases; influence
          is not popularity (taught in the course's own words).
        * Metric definitions (CPM, CPE, CPC, CPA): Influencer Marketing Hub, "How to calculate influencer
          costs"; ROI and ROAS: standard definitions. CPM range: wordontheblock (2023), a vendor estimate.
        * EMV as a relative metric, not ROI: ignyteiq glossary; CreatorIQ.
        * Audience authenticity under 75% as a fraud signal: Modash. Disclosure: FTC Endorsement Guides
          (16 CFR 255) and "Disclosures 101 for Social Media Influencers" (2019).
        * Warner Bros. Home Entertainment (*Middle-earth: Shadow of Mordor*): FTC press release and
          consent order, July 2016.
        * Data: synthetic and seeded (`datasets/README.md`); reply rates, discovery costs, staff hours, the
          eight-week lead time and the six-week measurement window are course assumptions.
        """,
        slide="subslide",
    )
    return nb
