"""Source of notebooks/06_what_works_relationships_and_schedule.ipynb (build with `make notebooks`)."""

import textwrap

from helpers import course, data
from helpers.analysis import relationships, schedule
from helpers.exercises import lesson06
from nbtools import NB

NAME = "06_what_works_relationships_and_schedule"
MINUTES = course.lesson(NAME[:2]).minutes  # stated time comes from helpers.course.COURSE


def build() -> NB:
    nb = NB(NAME)
    nb.md(
        f"""
        # What works: relationships and a schedule

        **In {MINUTES} minutes you will measure what makes creators answer - a personal message, the right
        sender, patience - and build a year of contacts tied to launches, PR and trips, with its
        conflicts flagged and exported to a calendar app.**
        """,
        slide="slide",
    )
    nb.notes(
        """
        Second "what works" lesson. Lesson 05 found the creators; this one is about working with them as
        people, over time. The source article's advice fits on one slide: give it time, write as a person
        to a person rather than as a brand to an account, and keep a schedule - regular calls or newsletters,
        tied to the PR and product calendar, with emails from executives and face-to-face meetings.
        Every number below is computed from SYNTHETIC data whose effects were put there on purpose:
        say so each time, and keep the long-term effect firmly labelled a hypothesis.
        """
    )
    nb.md(
        f"""
        ## Objectives
        By the end of this notebook you can:
        1. measure reply rates by message style and by sender, with their uncertainty, and use them to
           plan who signs which first message (exercise 06.q1);
        2. explain why patience pays, using how long replies take (06.q2);
        3. treat "long-term partnerships work better" as a hypothesis: vary it in a simulation and say
           what the simulation can and cannot show (quiz);
        4. plan regular contacts that follow each creator's preferred rhythm, compare them with one
           rhythm per segment, and count what they cost (06.q3, quiz);
        5. tie contacts to launches, embargoes, PR events and executive trips for key partners, weigh a
           trip's cost against what those partners bring, find the conflicts in a draft, and export
           the schedule to a calendar app (06.q4, quiz).

        **Time to learn:** {MINUTES} minutes. **Prerequisites:** notebook 00 (exercises and labs); lesson 05
        (where the creators come from) helps. No Python is needed to follow; a little pandas helps for
        the exercises.
        """,
        slide="subslide",
    )
    nb.md(
        """
        ## Setup
        One cell loads the course helpers and five synthetic tables: `outreach` (first messages brands
        sent to creators and whether they got a reply), `campaigns`, `influencers`, `calendar` (each
        brand's launches, PR events, embargoes and trade shows) and `posts`. `plan` collects what the
        running example needs: one brand's creators, calendar and campaign posts.
        """,
        slide="slide",
    )
    nb.code(
        """
        from helpers import app_links, data, plots, tables, widgets
        from helpers.analysis import relationships, schedule
        from helpers.exercises import ____, lesson06 as ex

        outreach = data.load_outreach()
        campaigns = data.load_campaigns()
        influencers = data.load_influencers()
        calendar = data.load_calendar()
        posts = data.load_posts()
        plan = schedule.plan_input("Glowtheory", influencers, campaigns, outreach, calendar, posts)
        """
    )
    nb.md(
        """
        ### The running example
        *Glowtheory*, a fictional skincare brand in the data, has worked with creators before and has
        several launches this year. Its new relationship manager asks: how should we write to creators,
        how long should we wait for an answer, how often should we talk to each of them, and how do we
        keep all of that in step with launches, PR events and the executives' travel?
        """,
        slide="subslide",
    )

    # --- 1. personalise ---------------------------------------------------------------------------
    nb.md(
        """
        ## 1. People talk to people: personalise the first message
        A creator gets many brand emails. A template ("Dear influencer, we love your content...") reads
        like a company writing to an audience; a personal message - it names their work, says why this
        brand fits *their* followers, and is signed by a person - reads like one person writing to
        another. The `outreach` table records every first message with its style and whether the
        creator replied within 30 days. The bars are reply rates with 95 % intervals: the range of
        reply rates that fits what was observed (the fewer messages, the wider it is).
        """,
        slide="slide",
    )
    nb.code(
        """
        by_style = relationships.reply_rates(outreach, "template_style")
        fig, ax = plots.new_figure(figsize=(9, 4.6))
        plots.bar_groups(
            ax,
            list(by_style.index),
            {"reply rate": by_style["reply_rate_pct"]},
            errors={"reply rate": (by_style["ci_low_pct"], by_style["ci_high_pct"])},
            value_format="{:.1f}%",
            ylabel="replied within 30 days (%)",
        )
        finding = relationships.personalisation_finding(by_style)
        plots.set_title(ax, finding, "synthetic outreach log; lines: 95% intervals")
        plots.show(fig)
        """
    )
    nb.code(
        """
        tables.show(by_style[["messages", "replies", "reply_rate_pct", "ci_low_pct", "ci_high_pct"]].round(1))
        """,
        slide="fragment",
    )
    nb.md(
        """
        **Read this honestly.** No published study gives reply rates by message style, so the course's
        generator was *told* to make personal messages work better (the datasheet lists it as an
        assumption taken from the source article, effect 5). The figure shows how to measure the effect
        on your own outreach log - not that it holds for real creators. That is the habit to keep:
        count messages and replies per style, and look at the interval before believing a gap.
        """,
        slide="fragment",
    )
    nb.notes(
        """
        Ask the room to write a two-line first message to a creator they follow, then read one out and
        ask: what makes it personal? (Their name, a specific post, why this audience, a human sender.)
        Point at the intervals: with a few hundred messages per group, small gaps are noise.
        """
    )

    # --- 2. the sender ------------------------------------------------------------------------------
    nb.md(
        """
        ## 2. Who signs it matters
        The article suggests sending emails on behalf of key executives. In the data, each message was
        signed by a coordinator, a manager or an executive. Reply rates per sender, for both styles:
        """,
        slide="slide",
    )
    nb.code(
        """
        pivot = relationships.reply_rate_pivot(outreach)  # reply rate in %, style down, sender across
        fig, ax = plots.new_figure(figsize=(9, 5))
        plots.bar_groups(
            ax,
            list(pivot.columns),
            {style: pivot.loc[style] for style in pivot.index},
            value_format="{:.0f}%",
            ylabel="replied within 30 days (%)",
        )
        ax.legend(loc="upper left")
        finding = relationships.sender_finding(pivot)
        plots.set_title(ax, finding, "synthetic outreach log; an assumption built into the data")
        plots.show(fig)
        """
    )
    nb.md(
        """
        Style and sender both move the reply rate (again: by construction). An executive's time is
        the scarcest thing a brand has, and a team's writing time is not free either: how much is each
        worth, in replies? Exercise 06.q1 uses these rates to plan a week of first messages.
        """,
        slide="fragment",
    )

    # --- 3. patience ---------------------------------------------------------------------------------
    nb.md(
        """
        ## 3. Be patient: replies take days
        Creators are busy and often run their accounts alone. How long did the replies in the log take?
        Each line shows, for every day waited, the share of the replies that had arrived by then.
        """,
        slide="slide",
    )
    nb.code(
        """
        curve = relationships.reply_delay_curve(outreach, "template_style")
        fig, ax = plots.new_figure(figsize=(9, 5))
        relationships.draw_reply_curve(ax, curve, mark_day=7)
        finding = relationships.patience_finding(outreach, 7)
        plots.set_title(ax, finding, "synthetic outreach log; replies within 30 days")
        plots.show(fig)
        """
    )
    nb.md(
        """
        A reminder after a day or two reads as pressure, and giving up early loses replies that were on
        their way. A practical rule: wait about a week, send **one** friendly follow-up, then leave it -
        and log the delay, so you learn your own creators' rhythm. Exercise 06.q2 measures the replies
        a brand would miss by giving up after three days.
        """,
        slide="fragment",
    )
    nb.notes(
        """
        The delay is synthetic too, but the shape (most replies in the first days, a long tail) is what
        any inbox looks like. Ask: what does a brand signal by chasing after 24 hours?
        """
    )

    # --- 4. long-term: a hypothesis --------------------------------------------------------------------
    nb.md(
        """
        ## 4. Relationships take time - a hypothesis, not a fact
        Influencer-marketing vendors often claim that long-term partnerships pay off much better than
        one-off posts ("3x ROI", "60 % better returns"). These are **vendor claims**: the course's
        reference notes found **no peer-reviewed study** that measured the effect. It is plausible
        (audiences trust repeated, consistent recommendations more), but plausible is not proven.

        The course data contains the effect only as a **hypothesis parameter** of the generator,
        `long_term_uplift`: long-term campaigns convert clicks (1 + uplift) times as well. The cell
        prints the value the bundled data was generated with, then what its campaigns show:
        """,
        slide="slide",
    )
    nb.code(
        """
        table = relationships.partnership_conversion(campaigns)
        print(f"hypothesis built into the bundled data: long_term_uplift = {relationships.generator_hypothesis()}")
        print(f"raw ratio of conversion rates: {relationships.raw_uplift(campaigns):+.1%}")
        adjusted = relationships.adjusted_uplift(campaigns, influencers)
        print(f"adjusted for niche fit and credibility: {adjusted:+.1%}")
        tables.show(table.round(3))
        """
    )
    nb.md(
        """
        Now **vary the hypothesis**: the next cell regenerates the whole synthetic dataset in memory
        once per value (nothing is written to disk; about half a second each) and measures the uplift
        again. Change the list - try 0, 0.3, 1.0 - and run it again.
        """,
        slide="subslide",
    )
    nb.code(
        """
        uplifts = [0.0, 0.15, 0.5]  # the hypothesis: 0.15 = long-term partners convert clicks 15% better
        experiment = relationships.uplift_experiment(uplifts)
        fig, ax = plots.new_figure(figsize=(9, 4.8))
        relationships.draw_uplift_experiment(ax, experiment)
        subtitle = "synthetic data regenerated per value; adjusted = controlling for fit and credibility"
        plots.set_title(ax, "The data returns the hypothesis it was given", subtitle)
        plots.show(fig)
        """
    )
    nb.code(
        """
        tables.show(experiment.round(1))
        """,
        slide="fragment",
    )
    nb.md(
        """
        The adjusted estimate follows whatever you put in - including 0. That is the point: a
        simulation can check that a **method** recovers an effect, but it cannot tell you whether the
        effect exists. (Why adjust at all? If a brand gave its long-term deals to better-fitting
        creators, the raw ratio would mix that choice with the partnership itself.)
        Only real campaigns can - ideally an experiment that assigns comparable creators to one-off and
        long-term deals. Until then: build relationships because people answer people, and treat
        return-on-loyalty figures as claims.
        """,
        slide="fragment",
    )
    nb.notes(
        """
        This is the most important honesty moment of the lesson. Have learners type a value such as 1.0
        and predict the estimate before running. Then ask: "So do long-term partnerships work?" The right
        answer is "we have not tested that here". Quiz question 2 checks it.
        """
    )

    # --- 5. a schedule per segment --------------------------------------------------------------------
    nb.md(
        """
        ## 5. A contact schedule per segment
        Not every creator needs the same rhythm. Glowtheory's creators fall into three segments: the
        **partners** it has a long-term deal with, **collaborators** from one-off campaigns, and
        **prospects** who answered its outreach but have not worked with it yet.
        """,
        slide="slide",
    )
    nb.code(
        """
        tables.show(schedule.segment_table(plan.roster))
        """
    )
    nb.md(
        """
        Regular contact has two dials: a **cadence** (monthly, quarterly or twice a year - *biannual*)
        and a **format**: a one-to-one call, or a newsletter that reaches many creators at once. Who sets
        them? Not the brand alone. Creators are busy people running their own small businesses: ask each
        one how often, and how, they want to hear from you, write the answer down, and plan around it.
        The `influencers` table holds each creator's answer (`preferred_cadence`, `preferred_format`;
        synthetic, drawn at random in the shares the datasheet gives). Glowtheory's creators:
        """,
        slide="fragment",
    )
    nb.code(
        """
        tables.show(schedule.preference_table(plan.roster))
        """
    )
    nb.md(
        """
        The answers differ inside every segment, so one rhythm per segment overrides some creators'
        wishes whichever rhythm it is. The cost differs too (staff hours are a course assumption: 45
        minutes per call with its preparation, 4 hours per newsletter). The last bar follows each
        partner's own preference:
        """,
        slide="fragment",
    )
    nb.code(
        """
        workload = schedule.workload_by_cadence(plan, "partners")
        hours = workload["staff_hours"]
        fig, ax = plots.new_figure(figsize=(9, 5.4))
        labels = [c.replace(" ", "\\n") for c in workload.index[:-1]] + ["each\\npartner's\\nchoice"]
        plots.bar_groups(ax, labels, {"staff hours a year": hours}, ylabel="staff hours a year")
        ax.tick_params(axis="x", labelsize=11)
        finding = (
            f"Monthly calls with every partner: {hours['monthly call']:,.0f} staff hours a year; "
            f"each partner's own choice: {hours[schedule.PREFERRED]:,.0f}"
        )
        n_partners = schedule.segment_table(plan.roster).loc["partners", "creators"]
        plots.set_title(ax, finding, f"Glowtheory's {n_partners} partners; hours are a course assumption")
        plots.show(fig)
        """
    )
    nb.md(
        """
        A call reaches one creator; a newsletter reaches everyone at once for a fixed cost, but it is
        less personal. Following the creators' own choices is the starting point of the lab below, for
        partners and collaborators; prospects, who have not worked with the brand yet, get a light
        **twice-yearly newsletter** until someone asks them. A fixed rhythm per segment is still a
        useful draft when answers are missing: exercise 06.q3 counts the contacts such a draft makes in
        one quarter.
        """,
        slide="fragment",
    )

    # --- 6. tie it to the PR and product calendar ------------------------------------------------------
    nb.md(
        """
        ## 6. Tie it to the launch and PR calendar
        Each brand's calendar holds product launches, PR events, trade shows and **embargoes**: the days
        before a launch when creators who know about the product must not post about it. An embargo is
        also the best time to **brief** partners, so their content is ready on launch day. Posts that go
        live inside an embargo are the classic scheduling failure. How often does it happen in the
        campaign posts of the data?
        """,
        slide="slide",
    )
    nb.code(
        """
        breaches = schedule.embargo_breaches(calendar, campaigns, posts)
        fig, ax = plots.new_figure(figsize=(9, 6.6))
        # one row per brand, the most breaches on top
        plots.ranked_bars(ax, breaches["in_embargo"], breaches.index, xlabel="campaign posts inside an embargo")
        total = int(breaches["in_embargo"].sum())
        finding = f"{total} campaign posts went live inside their brand's embargo"
        plots.set_title(ax, finding, "synthetic campaign posts and brand calendars")
        plots.show(fig)
        """
    )
    nb.md(
        """
        A schedule prevents this when launches are on the same calendar as everything else. Two
        launch-driven contacts help: a **briefing call** with every partner a week before launch (under
        embargo), and on launch day an **email sent on behalf of an executive** to partners and
        collaborators. Glowtheory's calendar:
        """,
        slide="fragment",
    )
    nb.code(
        """
        tables.show(plan.events[["event_id", "event_type", "title", "start_date", "end_date", "city"]])
        """,
        slide="fragment",
    )

    nb.md(
        """
        **A real launch, timed to the day.** When Lord & Taylor launched its Design Lab collection, it
        gave 50 fashion creators the same paisley dress and paid each USD 1,000-4,000 to post a photo
        wearing it on one weekend, 27-28 March 2015. The posts reached 11.4 million Instagram users
        and, as press coverage reported, the dress sold out - a launch timed to the day, though
        nobody measured how much of the sell-out the posts caused (lesson 10). The contract
        required the brand's tag and hashtag and approved every post in advance - but never asked for
        the payment to be disclosed, and the FTC's 2016 order against the retailer followed (FTC file
        152-3181). Put the disclosure on the same checklist as the dates; lesson 08 takes apart the
        contract.
        """,
        slide="subslide",
    )

    # --- 7. executives on the road ---------------------------------------------------------------------
    nb.md(
        """
        ## 7. Face to face: executive trips for key partners
        Nothing builds a relationship like meeting in person, and nothing is as expensive as an
        executive's travel day. So spend it on the brand's **key partners**. A partner is worth what they
        bring *net of what they cost*: the revenue tracked to their campaigns this year minus the fees the
        brand paid them (still revenue, not profit - the cost of the goods sold is not taken off). Here the
        key partners are the fewest long-term partners who together brought 80 % of what all partners
        brought net of their fees; a partner whose fees exceeded their revenue is never key. Glowtheory's
        partners, by revenue:
        """,
        slide="slide",
    )
    nb.code(
        """
        partners = plan.roster[plan.roster["segment"] == "partners"].assign(
            net_of_fees_usd=lambda t: schedule.net_of_fees_usd(t)
        ).sort_values("revenue_usd", ascending=False)
        over = partners[partners["net_of_fees_usd"] < 0]
        top = partners.iloc[0]
        print(
            f"{len(over)} of {len(partners)} partners cost more in fees than they brought. The top earner, "
            f"{top['handle']}, brought ${top['revenue_usd']:,.0f} of revenue on ${top['fee_usd']:,.0f} of fees."
        )
        print(f"Key partners: {partners['key_partner'].sum()}")
        shown = partners[["handle", "city", "revenue_usd", "fee_usd", "net_of_fees_usd", "key_partner"]]
        tables.show(shown.head(10).round(0), index=False)
        """
    )
    nb.md(
        """
        A mechanical rule would instead fly wherever enough creators live - say six partners and
        collaborators in one city - whoever they are. Where Glowtheory's creators live:
        """,
        slide="fragment",
    )
    nb.code(
        """
        cities = schedule.city_counts(plan.roster)
        threshold = 6  # creators needed in a city for a trip
        fig, ax = plots.new_figure(figsize=(9, 7))
        # one row per city, the most creators on top
        plots.ranked_bars(ax, cities, cities.index, xlabel="partners + collaborators living there")
        ax.axvline(threshold, color="#D55E00", linestyle="--", linewidth=1.5)
        finding = f"{int((cities >= threshold).sum())} cities have at least {threshold} creators to meet"
        plots.set_title(ax, finding, "dashed line: the trip threshold; synthetic creators")
        plots.show(fig)
        """
    )
    nb.md(
        """
        What would those trips cost, against what the creators they meet brought net of their fees? (A
        trip is costed at USD 3,000 - flights, two hotel nights, two days of an executive's time: a course
        assumption.)
        """,
        slide="fragment",
    )
    nb.code(
        """
        by_count = schedule.trip_plan(plan.roster, plan.events, trip_min_creators=threshold)
        print(schedule.trip_finding(schedule.trip_value(plan.roster, by_count)))
        """
    )
    nb.md(
        """
        Now plan the trips around the key partners instead: one trip to each city where a key partner
        lives, on a day when the brand already has a launch, PR event or trade show there:
        """,
        slide="fragment",
    )
    nb.code(
        """
        trips = schedule.trip_plan(plan.roster, plan.events, basis="key partners")
        value = schedule.trip_value(plan.roster, trips)
        print(schedule.trip_finding(value))
        money = value[["key_revenue_usd", "key_fees_usd", "key_net_usd", "trip_cost_usd"]]
        tables.show(trips[["city", "creators", "start", "anchor"]].join(money, on="city").set_index("city"))
        """
    )
    nb.md(
        """
        Read the money with care: the revenue was earned *before* the trip, so it says who matters to
        the brand, not what a trip will return - and revenue net of fees is still not profit. Where the
        key partners brought less than twice a trip's cost net of their fees, a video call, or a meeting at an
        event both attend anyway, may serve as well; and a partner who cost more in fees than they brought
        needs their deal reviewed before anyone flies out to meet them. An empty `anchor` means the brand has no event in that city, so the trip gets a
        date of its own. With one executive on the road, two trips on the same days are a clash - the
        lab below flags it.
        """,
        slide="fragment",
    )

    # section 7 states: key partners are ranked net of fees, none costs more than they bring, the top
    # earner by revenue is not key because of its fees, and key-partner trips meet exactly the key partners
    _plan = schedule.plan_input(
        "Glowtheory",
        data.load_influencers(),
        data.load_campaigns(),
        data.load_outreach(),
        data.load_calendar(),
        data.load_posts(),
    )
    _roster = _plan.roster
    _net = schedule.net_of_fees_usd(_roster)
    assert (_net[_roster["key_partner"].to_numpy()] > 0).all(), "a key partner costs more than they bring"
    _partners = _roster[_roster["segment"] == "partners"].sort_values("revenue_usd", ascending=False)
    _top = _partners.iloc[0]
    assert _top["fee_usd"] > 3 * _top["revenue_usd"], "lesson plan 06: top earner's fees"
    assert not _top["key_partner"], "06 s7 shows the top earner is not key because of fees"
    _trips = schedule.trip_plan(_roster, _plan.events, basis="key partners")
    _value = schedule.trip_value(_roster, _trips)
    assert _value.loc["all trips", "key_partners_met"] == _roster["key_partner"].sum()
    assert "net of fees" in schedule.trip_finding(_value)

    # --- lab ------------------------------------------------------------------------------------------
    nb.md(
        """
        ## Lab: the relationship calendar
        Everything together. Choose a brand, a cadence per segment (*each creator's preference*, the
        starting point for partners and collaborators, or one rhythm for everyone), whether contacts
        are tied to launches, the minimum gap between two contacts with one creator, when a city earns
        a trip - for its key partners, or wherever enough creators live - and how many executives
        travel. The timeline shows the year (or one quarter): embargoes shaded,
        launches, PR events, campaign posts, your contacts, trips - and every **conflict** as an X:

        * a campaign post or a newsletter **inside an embargo**;
        * more overlapping trips than executives (**trip clash**);
        * a regular call or newsletter **too close** to another contact with the same creator.

        **Export .ics + CSV** saves the whole year into the course's `output/` folder: a standard
        iCalendar file (RFC 5545) that calendar apps such as Google Calendar, Outlook or Apple Calendar
        can import, and a table. It never overwrites an earlier export.
        """,
        slide="slide",
    )
    nb.volatile(
        """
        lab = widgets.RelationshipCalendar(brand="Glowtheory")
        lab
        """
    )
    nb.code(
        """
        app_links.app_link("relationship-calendar")
        """
    )
    nb.md(
        """
        A draft to check, from code: monthly calls with every partner, and no skipping of calls that
        land next to a launch contact. Which conflicts appear in the second quarter?
        """,
        slide="fragment",
    )
    nb.code(
        """
        result = lab.set(partners="monthly call", skip_calls_near_launches=False, period="Q2")
        print(result.summary)
        tables.show(result.table)
        """
    )
    nb.md(
        """
        **Try:** tick *Skip calls near launch contacts and trips* - the briefing or the meeting replaces
        the call. Switch partners from *each creator's preference* to a quarterly call: compare the
        hours, and note that every partner who asked for a monthly call now hears from you a third as
        often. Switch *Executive trips* to *where enough creators live*, set the threshold to 3 and
        watch for trip clashes; then let a second executive travel. Which conflicts can no cadence
        setting fix? (Posts inside an embargo: those need a word with the creator.)
        """,
        slide="fragment",
    )
    nb.md(
        """
        The export from code, into a temporary folder that is deleted straight away (the button writes
        to `output/`). Exporting twice shows that a second export gets a new name:
        """,
        slide="subslide",
    )
    nb.code(
        """
        print(schedule.export_preview(result.extra["schedule"]))
        """
    )
    nb.notes(
        """
        Drive the lab live with the projector zoomed in. Start from the default (each creator's own
        cadence, trips to key partners), then switch partners to monthly calls and untick the skip
        option: the X marks multiply around launches - and ask who of those partners asked for that.
        Ask which conflicts are about the schedule (too close, trip clash, newsletter in embargo) and
        which are about the creators (posts in embargo). If the room has laptops, let one learner export
        and import the .ics into their calendar app.
        """
    )

    # --- exercises ------------------------------------------------------------------------------------
    # 06.q1: C is best by a clear margin - more than rounding the figure's rates (to 0.5 points: at most
    # 0.4 replies between two 40-message plans) can move - and wherever C and a rival send a different
    # message, C's has the higher rate with the two 95 % intervals apart (what the lesson tells learners
    # to check). Plus the facts the feedback states.
    _ranked = sorted(lesson06.PLANS, key=lesson06.expected_replies, reverse=True)
    assert _ranked == ["C", "B", "D", "E", "A"], f"06.q1 feedback assumes this order: {_ranked}"
    _margin = lesson06.expected_replies("C") - lesson06.expected_replies("B")
    assert _margin > 1.0, f"06.q1: C beats B by only {_margin:.2f} replies"
    _cells = relationships.reply_rates(data.load_outreach(), ["template_style", "sender_role"])
    for _rival in "ABDE":
        for _mine, _theirs in zip(lesson06.plan_messages("C"), lesson06.plan_messages(_rival), strict=True):
            if _mine != _theirs:
                _low, _high = _cells.loc[_mine, "ci_low_pct"], _cells.loc[_theirs, "ci_high_pct"]
                assert _low > _high, f"06.q1 {_rival}: {_mine} vs {_theirs} intervals overlap"
    _rate = _cells["reply_rate_pct"]
    _half = _rate[("generic", "coordinator")] / _rate[("personalised", "coordinator")]
    assert 0.4 < _half < 0.6, f"06.q1 D feedback says generic gets about half the replies: {_half:.2f}"
    nb.exercise(
        lesson06.q1,
        f"""
        ## Exercise 06.q1 - plan a week of first messages
        Your shortlist has **40 creators**; each gets one first message this week. The executive will sign
        **at most 10**. Using the reply rates in section 2's figure (or
        `relationships.reply_rate_pivot(outreach)`), which plan should bring the most replies? Answer with
        its letter and **the replies it should bring** (messages x reply rate, added up).

{textwrap.indent(lesson06.plans_markdown(), "        ")}
        """,
    )
    nb.exercise(
        lesson06.q2,
        """
        ## Exercise 06.q2 - what impatience costs
        A brand gives up on a creator (or sends a pushy reminder) three days after its first message.
        **What percent of all the replies in `outreach` arrived more than 3 days after sending** - the
        replies such a brand would lose? (`days_to_reply` is empty when there was no reply.)
        """,
    )
    nb.exercise(
        lesson06.q3,
        f"""
        ## Exercise 06.q3 - contacts in a quarter
        {lesson06.Q3_BRAND}'s draft: every **partner** gets a **monthly call**, every **collaborator** a
        **quarterly newsletter**, prospects nothing, and - for this exercise - no launch contacts and no
        trips. **How many contacts with creators does that make in Q3** (July-September)? A newsletter
        counts once per creator it reaches. `plan.roster` lists the brand's creators and their segment.
        """,
    )
    nb.md(
        """
        ## Exercise 06.q4 - find the conflicts in a draft
        A colleague's hand-written draft for a made-up outdoor brand. The rules: (1) no campaign post and
        no newsletter inside an embargo; (2) a regular call needs at least **7 days** from any other
        contact with the same creator; (3) **one** executive travels, so trips must not overlap.
        **Which entries break a rule?** Answer with a list of `entry_id`s (for a trip clash, list both
        trips).
        """,
        slide="slide",
    )
    nb.code(
        """
        draft = schedule.example_draft()
        tables.show(draft.entries[["entry_id", "kind", "start", "end", "title", "creators"]])
        """
    )
    nb.code(lesson06.q4.cell_code())
    nb.md(
        "Stuck? `ex.q4.hint()` gives a hint (run it again for the next one); `ex.q4.solution()` shows a "
        "solution and explains it. To check your reading, run "
        "`schedule.find_conflicts(draft.entries, draft.contacts, executives=1, min_gap_days=7)`.",
        slide="fragment",
    )

    # --- quiz, key points, what's next -------------------------------------------------------------------
    nb.md(
        """
        ## Concept quiz
        Four questions on evidence, embargoes and workload. Pick an answer and press **Check**.
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
        * People talk to people: a personal first message, signed by a person - an executive where it
          counts - is the course's working assumption; measure it on your own outreach log, with intervals.
        * Be patient: replies take days. Wait about a week, follow up once, log the delays.
        * "Long-term partnerships pay off better" is a vendor claim and a hypothesis. A simulation returns
          whatever effect you put in; only real campaigns (ideally an experiment) can test it.
        * Ask each creator how often and how (call or newsletter) they want to hear from you, plan around
          their answer, and count the contacts and hours it costs; one rhythm per segment is a fallback.
        * Put launches, embargoes, PR events and executive trips on the same calendar: brief under
          embargo, email on launch day, send executives to meet key partners (and weigh each trip's cost
          against what those partners bring net of their fees) - and check for conflicts before you export.
        """,
        slide="slide",
    )
    nb.md(
        """
        ## What's next
        Continue with **[07 - What does not work](07_what_does_not_work.ipynb)**: one approach for every
        creator, and the popularity trap. Back: [05 - What works: strategy, budget and
        discovery](05_what_works_strategy_and_discovery.ipynb) · course map:
        [00 - Start here](00_start_here.ipynb).
        """,
        slide="subslide",
    )
    nb.md(
        """
        ### Sources
        * The course's source article (VOI, "What is influencer marketing"): be patient and human -
          people talk to people; develop a schedule of monthly, quarterly or biannual calls or
          newsletters, integrated with the PR and product-release schedule, with emails sent on behalf
          of key executives and travel for face-to-face meetings (taught here in the course's own words).
        * Long-term partnerships: vendor claims only ("3x ROI", "60 % better returns"); no peer-reviewed
          quantitative study was found (course reference notes, finding 9).
        * Lord & Taylor: FTC complaint (March 2016) and final order (May 2016), FTC file no. 152-3181;
          reach and sell-out figures as reported in press coverage of the case (secondary).
        * iCalendar format: RFC 5545, *Internet Calendaring and Scheduling Core Object Specification*.
        * Data: synthetic and seeded (`datasets/README.md`): reply-rate effects are assumptions (effect 5),
          the long-term uplift is a hypothesis parameter (effect 7), brand calendars and embargoes are
          invented; staff hours per contact are course assumptions.
        """,
        slide="subslide",
    )
    return nb
