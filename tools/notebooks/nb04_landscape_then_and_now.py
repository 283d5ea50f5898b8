"""Source of notebooks/04_landscape_then_and_now.ipynb (build with `python tools/nbtools.py 04`)."""

from helpers import course, data
from nbtools import NB

NAME = "04_landscape_then_and_now"
MINUTES = course.lesson(NAME[:2]).minutes  # stated time comes from helpers.course.COURSE


def _engagement_proxy() -> dict[str, object]:
    """Which published engagement series measure brands' own accounts (their definition says so)."""
    landscape = data.load_landscape()
    rates = landscape[landscape["metric"].astype(str) == "engagement_rate"]
    brand = rates["definition"].str.contains("brand", case=False)
    first_year = int(rates["year"].min())
    earliest = rates[rates["year"] == first_year]
    assert brand[earliest.index].all(), "the text says the earliest figures measure brand accounts"
    return {
        "series": rates["series"].nunique(),
        "brand_series": rates.loc[brand, "series"].nunique(),
        "first_year": first_year,
        "first_series": earliest["series"].iloc[0],
        "other_first_year": int(rates.loc[~brand, "year"].min()),
    }


def build() -> NB:
    proxy = _engagement_proxy()
    nb = NB(NAME)
    nb.md(
        f"""
        # The landscape, then and now

        **In {MINUTES} minutes you will be able to explain, with real published figures and their sources,
        why standing out on Instagram was easier in 2014 than today, how fast the money grew - and
        which of those numbers are a seller's estimates.**
        """,
        slide="slide",
    )
    nb.notes(
        """
        This is the only lesson built entirely on REAL figures: the `landscape` table, one source
        per row. Its second aim is a habit - every number is read with its publisher, its definition
        and its confidence tag. Keep the source columns visible on the projector.
        """
    )
    nb.md(
        f"""
        ## Objectives
        By the end of this notebook you can:
        1. explain why standing out on Instagram was easier in 2014, using engagement and user
           figures, and work out the audience a creator needs later to match an earlier one's
           attention;
        2. describe how the influencer-marketing market grew, and compute its compound annual growth;
        3. read a published figure honestly: who published it (vendor or not), what it measures,
           how it was read (P/S), and where the gaps are;
        4. compute growth between figures dated by month, not just by year.

        **Time to learn:** {MINUTES} minutes. **Prerequisites:** lesson 00 (engagement rate by followers);
        percentages. The exercises use a little pandas (selecting rows, `set_index`).
        """,
        slide="subslide",
    )
    nb.md(
        """
        ## Setup
        The `landscape` table holds **real published figures**: market size, Instagram users and
        engagement rates, one source per row, with a confidence tag (P = read in the primary source,
        S = read in a secondary page quoting it) and a flag for figures published by companies that
        sell influencer-marketing services (`is_vendor_estimate`). Figures we could not verify are
        left out. Nothing in this lesson is synthetic.
        """,
        slide="slide",
    )
    nb.code(
        """
        from helpers import app_links, data, metrics, plots, tables, widgets
        from helpers.analysis import landscape as la
        from helpers.exercises import ____, lesson04 as ex

        landscape = data.load_landscape()
        """
    )
    nb.code(
        """
        overview = la.series_overview(landscape)
        tables.show(overview[["metric", "figures", "first", "last", "unit", "confidence", "vendor"]])
        """
    )

    # --- 1. 2014 ------------------------------------------------------------------------------
    nb.md(
        f"""
        ## 1. In 2014, a post got more attention
        The course's source article says that standing out on Instagram was easier in 2014: with a
        distinctive look, or a spot on the platform's featured page, a creator had a real chance of
        being noticed by brands. The published engagement figures tell the same story from the
        numbers' side: every series with two or more figures falls.

        Read them **inside their series**: Forrester measured the top 50 brands' accounts,
        InfluencerDB likes per follower, Rival IQ brand accounts; Jumper Media gives one average.
        Lines join figures of one series only; a thin dotted line crosses years with no figure.

        These are a **proxy**, not a measurement of what creators faced: {proxy["brand_series"]} of the
        {proxy["series"]} series measure brands' own accounts, and the only {proxy["first_year"]} figure
        ({proxy["first_series"]}) is one of them; the other series start in {proxy["other_first_year"]}.
        They show the direction attention moved on the platform, not a creator's own numbers.
        """,
        slide="slide",
    )
    nb.code(
        """
        changes = la.engagement_changes(landscape)
        fig, ax = plots.new_figure()
        la.draw_metric(ax, landscape, "engagement_rate")
        plots.set_title(
            ax,
            f"All {len(changes)} Instagram engagement series with two figures fall",
            la.source_note(la.metric_rows(landscape, "engagement_rate")),
        )
        plots.show(fig)
        """
    )
    nb.code(
        """
        shown = changes[["first", "first_value", "last", "last_value", "change_pct", "source", "vendor"]].round(2)
        values = {"first_value": tables.Column("first value", fmt="decimal2")}
        values["last_value"] = tables.Column("last value", fmt="decimal2")
        tables.show(shown, values)
        """,
        slide="fragment",
    )
    nb.notes(
        """
        Common slip: "engagement fell from 4.2 % in 2014 to 0.47 % in 2022". Those two numbers come
        from different publishers measuring different accounts (top-50 brands vs all brands in Rival
        IQ's sample). Within each series the direction is the same, which is the robust finding.
        The TikTok point (Rival IQ 2022) is there as a contrast: attention has moved, too.
        """
    )

    # --- 2. More users, more competition ------------------------------------------------------
    nb.md(
        """
        ## 2. Ten times the users, many more creators to compete with
        Instagram announced about 300 million monthly users at the end of 2014 and 3 billion in
        September 2025 (company announcements, quoted by secondary sites). More users means a bigger
        potential audience - and far more accounts competing for each person's attention.
        """,
        slide="slide",
    )
    nb.code(
        """
        users = la.metric_rows(landscape, "instagram_monthly_active_users")
        first, last = users.iloc[0], users.iloc[-1]
        fig, ax = plots.new_figure()
        la.draw_metric(ax, landscape, "instagram_monthly_active_users")
        plots.set_title(
            ax,
            f"Instagram grew {last['value'] / first['value']:.0f}x in monthly users, "
            f"{first['period']} to {last['period']}",
            la.source_note(users),
        )
        plots.show(fig)
        """
    )
    nb.md(
        """
        What does a falling engagement rate mean for a creator? Interactions per post = followers x
        rate. To earn the same interactions at a lower rate, a creator needs more followers. Within
        one series (InfluencerDB, organic posts, likes per follower), for a creator who had 10,000
        followers in 2016:
        """,
        slide="subslide",
    )
    nb.code(
        """
        tables.show(la.followers_to_match(landscape, "InfluencerDB organic like-follower ratio", 10_000).round(2))
        """,
        slide="fragment",
    )
    nb.notes(
        """
        This is the core of "easier in 2014": the same effort earned more attention. Ask the room
        what else changed that the table does not measure (the feed became ranked rather than
        chronological, formats moved to video, TikTok arrived) - and point out that none of that is
        in our sourced figures, so it stays discussion, not data.
        """
    )

    # --- 3. Market growth ------------------------------------------------------------------------
    nb.md(
        """
        ## 3. From side income to a career? The money grew
        The source article notes that, after enough brand partnerships, some creators made working
        with brands their main job. The course's sources hold **no figures on creators' incomes** -
        how many live from it, or what they earn - so that claim stays the article's, untested here.
        What the sources do measure is the money that pays creators, the market:
        Influencer Marketing Hub estimates it at USD 1.7B in 2016 and USD 32.55B in 2025. Two caveats
        travel with these numbers: **IMH sells influencer-marketing services** (a vendor estimate),
        and the table has **no verified figure for 2017-2019** - the chart marks the gap with a
        dotted line and a label instead of inventing figures for it.
        """,
        slide="slide",
    )
    nb.code(
        """
        market = la.metric_rows(landscape, "market_size")
        multiple = market["value"].iloc[-1] / market["value"].iloc[0]
        first, last = market["period"].iloc[0], market["period"].iloc[-1]
        fig, ax = plots.new_figure()
        la.draw_metric(ax, landscape, "market_size")
        finding = f"The vendor-estimated market grew {multiple:.0f}x from {first} to {last}"  # per year: 04.q1
        plots.set_title(ax, finding, la.source_note(market))
        plots.show(fig)
        """
    )
    nb.notes(
        """
        Make the vendor point concrete: a company that sells influencer-marketing services has an
        interest in a big, fast-growing market. That does not make the figure wrong; it makes it a
        claim to cite as "IMH estimates", never as "the market is". Exercise 04.q1 computes the
        growth rate; 04.q3 asks how much of the early engagement evidence is a vendor's.
        """
    )

    # --- 4. Reading honestly -----------------------------------------------------------------------
    nb.md(
        """
        ## 4. Reading a figure honestly
        Before you repeat a number from a report, ask five questions. The table answers most of them.

        | question | where to look | why it matters |
        |---|---|---|
        | Who published it, and do they sell something? | `source`, `is_vendor_estimate` | sellers estimate in their own interest |
        | What exactly does it measure? | `definition`, `unit` | brand vs creator accounts, likes vs all interactions |
        | Did we read the original? | `confidence` (P/S) | secondary pages misquote and round |
        | Which period? | `period` | "2019" may mean Q1 2019; dates set growth rates |
        | What is missing? | gaps in `year` | never fill a gap silently; never extrapolate unlabelled |

        How much of the table is a vendor's figure?
        """,
        slide="slide",
    )
    nb.code(
        """
        vendor_share = landscape.groupby("metric", observed=True)["is_vendor_estimate"].mean().mul(100).round(0)
        spec = {"vendor_share": tables.Column("figures from vendors", "%", fmt="count")}
        tables.show(vendor_share.rename("vendor_share").to_frame(), spec)
        """
    )
    nb.notes(
        """
        Percent vs percentage points is the second classic slip: a rate that falls from 4.5 % to
        1.9 % falls by 2.6 percentage points, or by 58 %. The quiz asks the same on other numbers.
        """
    )

    # --- Lab ------------------------------------------------------------------------------------
    nb.md(
        """
        ## Lab: then and now, year by year
        Move the **year**: the figures for that year or earlier are solid, later ones hollow, and
        the table lists the latest figure of *every* series up to that year with its age, source and
        vendor flag. Switch the **figure**, and untick **vendor estimates** to see what remains
        without them. Nothing is interpolated or extrapolated.
        """,
        slide="slide",
    )
    nb.volatile(
        """
        lab = widgets.LandscapeLab()
        lab
        """
    )
    nb.code(
        """
        app_links.app_link("landscape")
        """
    )
    nb.md(
        """
        **Try this:** (1) start in 2014 and step year by year through the engagement figures;
        (2) switch to the market size and untick vendor estimates; (3) in 2019, how old is the latest
        market figure? Recorded from code:
        """,
        slide="subslide",
    )
    nb.code(
        """
        result = lab.set(metric="engagement_rate", year=2016, include_vendor=False)
        print(result.summary)
        tables.show(result.table[["latest figure", "period", "years old", "vendor estimate"]])
        """
    )
    nb.notes(
        """
        Without vendor figures, 2016 looks thin: one analyst series and the platform's own user
        count. That is the honest state of public knowledge about this market - worth saying out loud.
        """
    )

    # --- Exercises ----------------------------------------------------------------------------
    nb.md(
        """
        ## Exercises
        Run each cell as it is first (it says *not attempted yet*), then replace `____`. Stuck?
        `ex.q1.hint()` gives a hint (run it again for the next), `ex.q1.solution()` the solution.

        **Exercise 04.q1 - market growth.** What is the compound annual growth of Influencer
        Marketing Hub's market estimate from its first to its last year, in % per year?
        """,
        slide="slide",
    )
    nb.code(ex_cell("q1"))
    nb.md(
        """
        **Exercise 04.q2 - the same fee, the same attention?** A creator you booked in 2016 had
        **40,000 followers**, and her fee was set by the likes her posts earned. In 2019 she quotes the
        same fee. The table above works the *organic* series; her fee is for **sponsored** posts. Using
        the InfluencerDB sponsored like-follower ratio, how many followers would she need in 2019 to earn
        as many likes per sponsored post?
        """,
        slide="subslide",
    )
    nb.code(ex_cell("q2"))
    nb.md(
        """
        **Exercise 04.q3 - reading a figure honestly.** Each row of `landscape` is one published figure.
        Of the **engagement-rate figures dated 2016 or earlier**, what percent are vendor estimates?
        """,
        slide="subslide",
    )
    nb.code(ex_cell("q3"))
    nb.md(
        """
        **Exercise 04.q4 - growth between dated figures.** By how many percent a year did Instagram's
        monthly users grow, compounded, from the first to the last figure? Look at the periods first:
        """,
        slide="subslide",
    )
    nb.code(
        """
        users = la.metric_rows(landscape, "instagram_monthly_active_users")
        tables.show(users[["period", "value", "unit"]], index=False)
        """
    )
    nb.code(ex_cell("q4"))

    # --- Quiz, key points, next ---------------------------------------------------------------
    nb.md(
        """
        ## Concept quiz
        Pick an answer and press **Check**: each option explains why it is right or wrong.
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
        * In 2014 a post earned more attention: every published Instagram engagement series falls
          over time, while the platform grew to ten times the users. Matching an old audience's
          attention takes more followers today.
        * The article says brand partnerships became a living for some creators; the course's sources
          hold no income figures to test it. The market that pays creators grew fast - according to
          estimates by a company that sells influencer marketing.
        * Read every figure with its publisher, definition, period and confidence; compare figures
          only inside one series; leave gaps open; label anything you estimate yourself.
        * Growth compounds: use (last / first) ^ (1 / years) - 1, with the years between the dates
          the figures refer to.
        """,
        slide="slide",
    )
    nb.md(
        """
        ## What's next
        Continue with **[05 - What works: strategy, budget and discovery](05_what_works_strategy_and_discovery.ipynb)**.
        Back: [03 - Why it works](03_why_it_works.ipynb) · [00 - Start here](00_start_here.ipynb).
        """,
        slide="subslide",
    )
    return nb


def ex_cell(name: str) -> str:
    """The exercise cell of question ``name`` (its starter, then the check), from lesson04."""
    import helpers.exercises.lesson04 as lesson

    return getattr(lesson, name).cell_code()
