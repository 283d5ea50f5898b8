"""Source of notebooks/07_what_does_not_work.ipynb (build with `make notebooks`)."""

import textwrap

from helpers import course
from helpers.exercises import lesson07
from nbtools import NB

NAME = "07_what_does_not_work"
MINUTES = course.lesson(NAME[:2]).minutes  # stated time comes from helpers.course.COURSE


def build() -> NB:
    nb = NB(NAME)
    nb.md(
        f"""
        # What does not work

        **In {MINUTES} minutes you will measure what one template for every creator costs, show with data why the
        most-followed creators are not the most influential, and spot fake followers before you pay for
        them.**
        """,
        slide="slide",
    )
    nb.notes(
        """
        The source article names two things that do not work: treating every creator the same way, and
        choosing creators by popularity. Both feel efficient - one template, one sort by followers - which
        is why they are common. This lesson puts a number on each mistake. Recap lesson 05 first:
        conversions per dollar, pooled costs.
        """
    )
    nb.md(
        f"""
        ## Objectives
        By the end of this notebook you can:
        1. measure the reply-rate difference between one template for all and a personalised approach,
           per segment of creators;
        2. explain why influence is not popularity (Solis, 2010), and which creator traits track
           conversions per dollar;
        3. explain why the most-followed are often not a niche's influencers (De Veirman et al., 2017);
        4. spot an audience-quality red flag and show how fake followers inflate popularity;
        5. compare a weighted shortlist with "the most-followed" on conversions per dollar.

        **Time to learn:** {MINUTES} minutes. **Prerequisites:** lesson 05 (pooled costs, conversions per
        dollar) and notebook 00 (how labs and exercises work). Lesson 02 (who is an influencer) helps.
        """,
        slide="subslide",
    )
    nb.md(
        """
        ## Setup
        The course helpers and three synthetic tables: `influencers`, `campaigns` and `outreach` (first
        messages brands sent to creators, and whether the creator replied). `candidates` holds every
        creator with past campaigns and their conversions per dollar.
        """,
        slide="slide",
    )
    nb.code(
        """
        from helpers import app_links, data, metrics, plots, tables, widgets
        from helpers.analysis import pitfalls, scoring
        from helpers.exercises import ____, lesson07 as ex

        influencers = data.load_influencers()
        campaigns = data.load_campaigns()
        outreach = data.load_outreach()
        candidates = scoring.candidate_table(influencers, campaigns)  # one row per creator with campaigns
        """
    )

    # --- 1. one size for all ------------------------------------------------------------------------
    nb.md(
        """
        ## 1. One template for every creator
        Sending every creator the same brief and the same message saves an afternoon and costs the
        campaign. Creators differ - in size, in niche, in how they work, in what they expect from a
        brand - and so does what persuades them to say yes. Research on hundreds of campaigns makes
        the same point for results: which content and which creator work best depends on the case, "no
        one size fits all" (Leung et al., 2022, *Journal of Marketing*).

        The `outreach` table records first messages: a `generic` template or a `personalised` message,
        signed by a coordinator, a manager or an executive. Reply rates, with 95 % intervals:
        """,
        slide="slide",
    )
    nb.code(
        """
        fig, ax = plots.new_figure(figsize=(9, 5))
        gap = pitfalls.draw_reply_rates(ax, outreach, "sender_role")
        subtitle = "first messages by who signed them; lines: 95% interval; synthetic outreach"
        plots.set_title(ax, pitfalls.template_finding(gap), subtitle)
        plots.show(fig)
        """
    )
    nb.md(
        """
        **An approach per segment.** The same comparison inside each follower tier: does personalising
        pay everywhere, and which creators reply least to anything? (`gap_points` = personalised minus
        generic, in percentage points.)
        """,
        slide="subslide",
    )
    nb.code(
        """
        tables.show(pitfalls.template_gap_by_segment(outreach, influencers, "tier").round(1))
        """
    )
    nb.md(
        """
        Small segments (few messages) have wide intervals: read their gaps with care. The first message
        also shows up later, in the campaigns that were signed - how fast creators signed, and what the
        campaigns returned per dollar:
        """,
        slide="fragment",
    )
    nb.code(
        """
        tables.show(pitfalls.signing_by_style(campaigns).round(1))
        """
    )
    nb.md(
        """
        Personalised messages got creators to sign sooner - but look at the last column: per USD 1,000
        of fees, the personalised campaigns did not convert better. Is personalising a waste, then?
        Before reading a gap, ask how big it is next to its noise. The same pooled figure with a 95 %
        interval (a bootstrap: draw the campaigns at random, with replacement, 2,000 times, recompute the
        figure each time and keep the middle 95 %), the median campaign, and how much of
        each group's fees went to its five biggest campaigns:
        """,
        slide="fragment",
    )
    # The sentences around this table are claims about the data: the build fails if they stop being true.
    from helpers import data as _data
    from helpers.analysis import pitfalls as _pitfalls

    _style = _pitfalls.return_by_style(_data.load_campaigns())
    _p, _g = _style.loc["personalised"], _style.loc["generic"]
    _claim = "text: personalised did not convert better"
    assert _p["conversions_per_1k_usd"] <= _g["conversions_per_1k_usd"], _claim
    _claim = "text: more personalised campaigns via agencies"
    assert _p["discovery_cost_per_1k_fees_usd"] > _g["discovery_cost_per_1k_fees_usd"], _claim
    nb.code(
        """
        by_style = pitfalls.return_by_style(campaigns)
        print(pitfalls.style_return_finding(by_style))
        tables.show(by_style.round(1))
        """
    )
    nb.md(
        """
        Two lessons in one table. First, a pooled "per USD 1,000" figure moves with a few big campaigns;
        check its interval and the median before you believe a gap. Second, what a first message can
        change: whether and how fast a creator says yes - not whether their audience buys afterwards.
        The synthetic data has no link from message style to sales at all (datasheet, effect 5), so any
        gap in the last column is chance. Personalising does cost something real, and it is not in the
        fee: staff time, and here more of the personalised campaigns came through agencies
        (`discovery_cost_per_1k_fees_usd`). Weigh that cost against the replies and the faster signing
        it buys, not against the conversions.
        """,
        slide="fragment",
    )
    nb.md(
        """
        **Be honest about the data.** No published study gives reply rates by message style, so the
        synthetic data was *built* with these effects, as an assumption taken from the source article
        ("people talk to people") - datasheet, effect 5 and "Discovery channels". The numbers cannot
        prove the point; they show how to **measure** it. With your own outreach, send both versions at
        random to comparable creators (an A/B test) and compare reply rates with their intervals, per
        segment.
        """,
        slide="fragment",
    )
    nb.notes(
        """
        Ask: "who has received a mass email addressed 'Dear influencer'?" Then read the figure's title.
        Stress the honesty box: this effect exists in the data because it was put there. The skill is the
        measurement (reply rate per segment with an interval), which works the same on real outreach.
        """
    )

    # --- 2. influence is not popularity ------------------------------------------------------------
    nb.md(
        """
        ## 2. Influence is not popularity
        Brian Solis (2010) put it in four words: *influence is not popularity*. He defines influence as
        "the ability to cause desirable and measurable actions and outcomes". For a brand, the outcome is
        a customer action - a purchase, a sign-up - not applause. So judge creators on what their past
        campaigns *caused* per dollar, and ask which traits track it. Below, each trait's rank
        correlation with a creator's past conversions per dollar:
        """,
        slide="slide",
    )
    nb.code(
        """
        drivers = pitfalls.value_drivers(candidates)
        fig, ax = plots.new_figure(figsize=(9, 4.8))
        pitfalls.draw_drivers(ax, drivers)
        fig.draw_without_rendering()  # lay out first, so the title fits the room right of the long labels
        subtitle = "synthetic creators with past campaigns; 1 = same order, 0 = no relation"
        plots.set_title(ax, pitfalls.drivers_finding(drivers), subtitle)
        plots.show(fig)
        """
    )
    nb.md(
        """
        A correlation is not a cause, and here the answer was partly written in advance: the generator
        makes conversions depend on niche fit and audience authenticity more than on followers
        (datasheet, effect 3), echoing research that finds influence working through credibility and fit.
        The method is what transfers: with your own campaign history, rank creators by what they caused,
        not by how many people follow them.
        """,
        slide="fragment",
    )

    # --- 3. the most-followed are not the niche's influencers --------------------------------------
    nb.md(
        """
        ## 3. The most-followed are often not the niche's influencers
        In an experiment, De Veirman, Cauberghe & Hudders (2017, *International Journal of Advertising*)
        found that a large follower count makes a creator more *likeable*, mostly because they seem
        popular - but rarely makes them seem more of an *opinion leader*; for distinctive products a big
        following can even make the brand look less unique. Each creator in the data is rated on four
        sources of influence (0-10): authority, knowledge, position (fame, status) and relationship
        (closeness to the audience):
        """,
        slide="slide",
    )
    nb.code(
        """
        sources = pitfalls.influence_sources_by_tier(influencers)
        fig, ax = plots.new_figure(figsize=(9, 5.2))
        pitfalls.draw_sources(ax, sources)
        plots.set_title(ax, pitfalls.sources_finding(sources), "median rating per Mediakix tier; synthetic creators")
        plots.show(fig)
        """
    )
    nb.md(
        """
        In this data, growing an audience buys position and costs closeness. Does the tier with the most
        followers also convert best per dollar? Compare the creators' past campaigns by tier:
        """,
        slide="fragment",
    )
    nb.code(
        """
        tables.show(pitfalls.value_by_tier(candidates).round(2))
        """
    )
    nb.notes(
        """
        The ratings are synthetic (datasheet: "Sources of influence"); the research finding is De
        Veirman et al.'s. Link back to lesson 02: an influencer's power comes from authority, knowledge,
        position or relationship - only position grows reliably with followers.
        """
    )

    # --- 4. fake followers --------------------------------------------------------------------------
    nb.md(
        """
        ## 4. Fake followers inflate popularity
        Follower counts can be bought. Audit tools estimate how many followers are real, active people
        (*audience authenticity*); Modash, a vendor of such tools, treats a "followers credibility" under
        75 % as a common sign of fraud. HypeAuditor, another vendor, reported in 2021 that 66 % of
        accounts over 1M followers and 42 % of 1K-5K accounts had engaged in fraud (a secondary
        source quoting it; vendor figures). In the synthetic data, by tier:
        """,
        slide="slide",
    )
    nb.code(
        """
        fakes = pitfalls.fake_followers_by_tier(influencers)
        fig, ax = plots.new_figure(figsize=(9, 5))
        bars = {
            "median fake share (%)": fakes["median_fake_share_pct"],
            "% under 75% authentic": fakes["below_threshold_pct"],
        }
        plots.bar_groups(ax, list(fakes.index), bars, value_format="{:.0f}", ylabel="percent")
        ax.legend(loc="upper left")
        subtitle = "audience authenticity per Mediakix tier; synthetic creators"
        plots.set_title(ax, pitfalls.fakes_finding(fakes), subtitle)
        plots.show(fig)
        """
    )
    nb.md(
        """
        Rank the same creators by their **real** followers (followers x authenticity) and the top of the
        popularity list changes. The creators who drop out of the top 20, and those who move in:
        """,
        slide="fragment",
    )
    nb.code(
        """
        tables.show(pitfalls.popularity_reshuffle(candidates, n=20).round(2))
        """
    )
    nb.notes(
        """
        A flag is a reason to look closer, not a verdict: check follower growth for sudden jumps, the
        comments (generic, repeated, off-topic), and the following/followers ratio. Lesson 10 has a
        fake-follower simulator and a follower audit.
        """
    )

    # --- lab ---------------------------------------------------------------------------------------
    nb.md(
        """
        ## Lab: the popularity trap
        *Kestrel Athletics*, a sportswear brand in the data, wants sales from fitness creators. Two ways to
        choose ten: the **ten most-followed**, or a **scorecard** that weighs engagement, niche fit,
        audience quality and low cost (each turned into a rank within the niche). The lab compares the
        two shortlists on conversions per USD 1,000, from each creator's own past campaigns. Move the
        weights; change the niche; shrink or grow the shortlist.
        """,
        slide="slide",
    )
    nb.volatile(
        """
        lab = widgets.Scorecard()
        lab
        """
    )
    nb.code(
        """
        app_links.app_link("scorecard")
        """
    )
    nb.code(
        """
        result = lab.set(engagement=1, niche_fit=2, audience_quality=1, cost=1, n=10, niche="fitness")
        print(result.summary)
        tables.show(result.table)
        """,
        slide="fragment",
    )
    nb.md(
        """
        **Try:** set every weight to 0 except *engagement*: does engagement alone beat popularity? Then
        only *low cost*. Which single criterion comes closest to the full scorecard? When all weights are
        0 the lab asks for one - a scorecard has to value something.
        """,
        slide="fragment",
    )
    nb.md(
        """
        ### How far can you trust the gain?
        A gain in percent invites belief. Before you act on it, look at what it rests on: how many past
        campaigns each creator's rate comes from, how much of the shortlist's spend each creator takes
        (one post each, at their rate card), and what happens to the gain when one creator is left out.
        """,
        slide="subslide",
    )
    nb.code(
        """
        fitness = result.extra
        check = pitfalls.shortlist_check(fitness["by_score"], fitness["by_followers"])
        print(pitfalls.robustness_finding(check))
        tables.show(pitfalls.shortlist_profile(fitness["by_score"]).round(1))
        """
    )
    nb.md(
        """
        And what does each criterion buy on its own, on the same fitness creators? The last two columns
        repeat the check above for every list:
        """,
        slide="fragment",
    )
    nb.code(
        """
        weights = {"engagement": 1, "niche_fit": 2, "audience_quality": 1, "cost": 1}
        comparison = widgets.scorecard.criterion_comparison(candidates, weights, n=10, niche="fitness")
        print(widgets.scorecard.criterion_finding(comparison))
        tables.show(comparison.round(1))
        """
    )
    from helpers.widgets import scorecard as _scorecard

    _cand = _scorecard.candidate_table(_data.load_influencers(), _data.load_campaigns())
    _weights = {"engagement": 1, "niche_fit": 2, "audience_quality": 1, "cost": 1}
    _fit = _scorecard.scorecard_update(_cand, _weights, n=10, niche="fitness").numbers
    assert _fit["spend_score_usd"] < 0.2 * _fit["spend_followers_usd"], "text: a small fraction of the spend"
    nb.md(
        """
        Read the two tables together before you quote the headline. A rate measured on one campaign is
        an anecdote, and a shortlist whose spend sits mostly with one such creator is a bet on that
        creator. The two lists also absorb very different budgets: at one post each the scorecard
        list spends a small fraction of what the most-followed do, so "per USD 1,000" compares rates, not
        what a real budget would buy - spending more means more posts from the same few creators, or a
        longer list. What the scorecard honestly buys: a list of cheaper creators with better fit and
        audiences, chosen for reasons you can state, whose rates are worth testing with a small first
        booking. It does not buy a proven multiple of conversions.
        """,
        slide="fragment",
    )
    nb.notes(
        """
        Run the "one criterion at a time" round with the room: each pair of learners predicts, then you
        move the slider. The point: no single number - followers included - stands in for a scorecard.
        """
    )

    # --- exercises --------------------------------------------------------------------------------
    nb.md(
        """
        ## Exercises
        The exercises use the lab's default weights across **all niches**, shortlists of ten. This cell
        prepares the two shortlists: `by_score` (the scorecard's ten) and `by_followers` (the ten
        most-followed).
        """,
        slide="slide",
    )
    nb.code(
        """
        shortlists = widgets.scorecard_update(candidates, ex.WEIGHTS, n=ex.SHORTLIST)
        by_score = shortlists.extra["by_score"]
        by_followers = shortlists.extra["by_followers"]
        score_per_1k = shortlists.numbers["score_conv_per_1k_usd"]
        print(f"Scorecard shortlist: {score_per_1k:.1f} expected conversions per $1,000.")
        """
    )
    nb.exercise(
        lesson07.q1,
        """
        ### Exercise 07.q1 - conversions per USD 1,000 of the most-followed
        Book one post from each of the ten most-followed creators at their rate card
        (`price_per_post_usd`). If each converts at their own past rate (`conversions_per_usd`), how many
        conversions does each **USD 1,000** buy? Then compare with the scorecard's number printed above.
        """,
        slide="subslide",
    )
    # 07.q2's feedback: on Instagram the scorecard still wins, shares no creator, and the gap is smaller
    _ig = lesson07.platform_comparison()
    assert _ig["score_per_1k"] > _ig["followers_per_1k"] and _ig["overlap"] == 0, (
        "07.q2: the finding survives"
    )
    assert (
        _ig["score_per_1k"] / _ig["followers_per_1k"] < _ig["all_score_per_1k"] / _ig["all_followers_per_1k"]
    )
    assert (lesson07._by("by_score")["platform"] == "tiktok").sum() > lesson07.SHORTLIST / 2, (
        "07.q2: mostly TikTok"
    )
    _filter_options = "\n".join(f"{k}. {v}" for k, v in lesson07.FILTER_OPTIONS.items())
    nb.exercise(
        lesson07.q2,
        f"""
        ### Exercise 07.q2 - does the finding survive on Instagram?
        You show a client that the scorecard's ten buy more conversions per USD 1,000 than the ten
        most-followed. The client books **Instagram only** and objects: *"Your scorecard picked mostly
        TikTok creators. On Instagram, the famous names would win."* Redo the comparison for Instagram
        creators and answer the objection.

{textwrap.indent(_filter_options, "        ")}
        """,
        slide="subslide",
    )
    # 07.q3's text: the named creator is flagged and converts best of the ten most-followed
    _flag = lesson07.flagged_converter()
    _top = lesson07._top_followers()
    assert _flag["authenticity"] < 0.75 and _flag["conv_per_1k"] == 1000 * _top["conversions_per_usd"].max()
    nb.exercise(
        lesson07.q3,
        f"""
        ### Exercise 07.q3 - a red flag on the best converter
        An audit tool's `audience_authenticity` below `metrics.AUTHENTICITY_MIN` (0.75, Modash's signal of
        fake or inactive followers) is a red flag, and one of the ten most-followed (`by_followers`)
        carries it.

{textwrap.indent(lesson07.flagged_converter_markdown(), "        ")}

        Answer with the letter and the fee in USD you would offer for one post under that decision
        (their rate card, `price_per_post_usd`, and their `audience_authenticity` are in `by_followers`).
        """,
        slide="subslide",
    )
    nb.exercise(
        lesson07.q4,
        """
        ### Exercise 07.q4 - where one template for all costs least
        The table above splits the reply-rate gap by follower tier. Split it instead by the `channel` a
        first message went by: for each channel, the reply rate of `personalised` minus that of `generic`
        messages, in **percentage points**. **On which channel does a generic template cost the fewest
        points, and how many?** Answer with the channel and its gap.
        """,
        slide="subslide",
    )
    nb.exercise(
        lesson07.q5,
        f"""
        ### Exercise 07.q5 - whose rules? Trim a brief
        One size for all has a quieter form: a brief that makes the creator work the way the brand's own
        staff works. Kestrel Athletics' draft brief for a fitness creator has {len(lesson07.BRIEF_LINES)}
        lines. Some protect what
        both sides need; others impose the brand's business rules on a creator who knows their audience
        better than the brand does. **Which lines would you cut?** Answer with a list of letters; the
        feedback explains every line you get wrong.

{textwrap.indent(lesson07.brief_markdown(), "        ")}
        """,
        slide="subslide",
    )

    # --- quiz, key points, what's next -------------------------------------------------------------
    nb.md(
        """
        ## Concept quiz
        Four questions on popularity, influence and one size for all.
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
        * One template for every creator leaves replies and signings on the table; adapt the approach per
          segment and **measure** the difference (reply rates with intervals, ideally an A/B test).
        * Influence is not popularity: judge creators on the customer actions their work causes per
          dollar, not on follower counts.
        * The most-followed are often not a niche's influencers: a big audience buys position and
          likeability, not opinion leadership or closeness.
        * Fake followers inflate popularity: check audience authenticity (under 75 % is a red flag) and
          rank by real followers.
        * A scorecard of fit, audience quality, engagement and cost chooses different creators than a
          sort by followers: compare the two lists on conversions per dollar before you book - and check
          what the comparison rests on (campaigns per creator, one dominating creator, the spend each
          list can absorb) before you quote the gain.
        * A gap in a pooled "per USD 1,000" figure can be noise: look at its interval and the median.
        * A brief protects the law, the launch and the deal; it does not impose the brand's routines
          (posting times, copy, look, approval chains) on the creator.
        """,
        slide="slide",
    )
    nb.md(
        """
        ## What's next
        Continue with **[08 - Working with creators: deals, briefs and contracts](08_working_with_creators.ipynb)**:
        how to pay, brief and contract the creators you chose, and two real FTC cases. Back:
        [06 - What works: relationships and a schedule](06_what_works_relationships_and_schedule.ipynb),
        [05 - What works: strategy, budget and discovery](05_what_works_strategy_and_discovery.ipynb),
        [00 - Start here](00_start_here.ipynb).
        """,
        slide="subslide",
    )
    nb.md(
        """
        ### Sources
        * The course's source article (VOI, "What is influencer marketing"): what does not work - one
          approach for all influencers; judging by popularity; the goal is a customer action; the
          most-followed are not automatically a niche's influencers (taught in the course's own words).
        * Solis, B. (2010). "Influence is not popularity"; influence as "the ability to cause desirable
          and measurable actions and outcomes".
        * Leung, Gu, Li, Zhang & Palmatier (2022). "Influencer Marketing Effectiveness". *Journal of
          Marketing* - no one size fits all.
        * De Veirman, Cauberghe & Hudders (2017). *International Journal of Advertising* 36(5) - follower
          numbers, perceived popularity, likeability and opinion leadership.
        * Modash, "followers credibility" under 75 % as a fraud signal (vendor); HypeAuditor 2021 fraud
          shares by account size (vendor, read in a secondary source).
        * Data: synthetic and seeded (`datasets/README.md`); reply-rate effects are assumptions.
        """,
        slide="subslide",
    )
    return nb
