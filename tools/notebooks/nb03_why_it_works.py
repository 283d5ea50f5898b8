"""Source of notebooks/03_why_it_works.ipynb (build with `python tools/nbtools.py 03`)."""

import textwrap

from helpers import course, metrics
from helpers import data as _course_data
from helpers.analysis import trust as _trust
from helpers.exercises import lesson03 as _lesson03
from helpers.exercises import lettered_options
from nbtools import NB

NAME = "03_why_it_works"
MINUTES = course.lesson(NAME[:2]).minutes  # stated time comes from helpers.course.COURSE


PAID, POOLED, POOLED_REACH = (
    next(m for m in metrics.SPONSORED_VS_ORGANIC if m.function == f)
    for f in ("paid_post_performance", "pooled_er_ratio", "pooled_reach_er_ratio")
)


def build() -> NB:
    nb = NB(NAME)
    nb.md(
        f"""
        # Why it works: trust, people and disclosure

        **In {MINUTES} minutes you will be able to explain why a creator's recommendation persuades, why the
        audience belongs to the creator rather than to the brand, what ads and their labels do to
        trust - and reason, with a toy model, about the cost of too many ads.**
        """,
        slide="slide",
    )
    nb.notes(
        """
        The lesson's spine is one sentence: people follow people. Everything else - social proof,
        ownership of the audience, disclosure, over-commercialisation - follows from it. Ask the
        opening discussion prompt from the lesson plan before the first figure (2 minutes): "which
        recommendation made you buy something, and why did you trust it?"
        """
    )
    nb.md(
        f"""
        ## Objectives
        By the end of this notebook you can:
        1. explain how trust and social proof make a creator's recommendation persuasive: followers
           who identify with the creator, and the creator's credibility, matter more than reach;
        2. explain why audiences follow people rather than brands, and what it means that the
           audience is the creator's;
        3. measure how sponsored posts perform against a creator's own organic posts
           (paid-post performance), and avoid the pooled-comparison trap;
        4. state what the FTC requires about disclosure and what labels do to trust, and measure
           disclosure compliance;
        5. use a documented toy model to reason about the trade-off between more ads and lost trust.

        **Time to learn:** {MINUTES} minutes. **Prerequisites:** lessons 01-02 (engagement rate by
        followers, follower tiers); the exercises need a little pandas (`groupby`, `mean`).
        """,
        slide="subslide",
    )
    nb.md(
        """
        ## Setup
        One cell: the course helpers and the tables this lesson uses. `posts`, `influencers` and
        `campaigns` are **synthetic** (see `datasets/README.md`); `landscape` and `benchmarks` hold
        **real published figures**, one source per row.
        """,
        slide="slide",
    )
    nb.code(
        """
        from helpers import app_links, data, metrics, plots, tables, widgets
        from helpers.analysis import trust
        from helpers.exercises import ____, lesson03 as ex

        posts = data.load_posts()
        influencers = data.load_influencers()
        campaigns = data.load_campaigns()
        landscape = data.load_landscape()
        benchmarks = data.load_benchmarks()
        """
    )

    # --- 1. Trust and social proof ------------------------------------------------------------
    nb.md(
        """
        ## 1. Trust turns a post into a recommendation
        Why does a post by a creator move people to buy when a banner ad does not? Because followers
        chose that person for their taste or expertise, and keep choosing them every day: the
        recommendation comes from a source they find **credible** (lesson 02's theory box). And it
        comes with **social proof**: "people like me use it", visible in the likes and comments
        under the post. The course's source article puts it simply - the method works because
        of the trust creators build, and their recommendations reassure a brand's potential
        customers.

        Research agrees on the mechanism. A meta-analysis of 1,531 effects from 251 papers (Pan,
        Blut, Ghiassaleh & Lee, *Journal of the Academy of Marketing Science*, 2024-25) finds that the
        strongest driver is the followers' **social identity**: how much they see themselves in the
        creator and belong to the creator's community. The creator's **credibility** - being seen as
        expert and trustworthy - is a step on the way: the drivers build credibility, trust and social
        proof, and those in turn are what move followers to act. Neither is the same as reach.

        The synthetic campaigns below build this effect in on purpose (the generator's
        `credibility_effect`, documented in the datasheet), so the figure *illustrates* the
        mechanism; it is not independent evidence for it.
        """,
        slide="slide",
    )
    nb.code(
        """
        by_credibility = trust.conversion_by_credibility(campaigns, influencers)
        rate = by_credibility["conversion_rate_pct"]
        fig, ax = plots.new_figure()
        plots.bar_groups(
            ax,
            list(rate.index),
            {"conversion rate": rate},
            ylabel="conversions per 100 clicks",
            value_format="{:.1f}",
        )
        ax.set_xlabel("creator credibility (knowledge + authority), quarter of campaigns")
        plots.set_title(
            ax,
            f"The most credible creators convert {rate.iloc[-1] / rate.iloc[0]:.1f}x as many clicks",
            "synthetic campaigns; effect built in by the generator, after Pan et al. 2024-25",
        )
        plots.show(fig)
        """
    )
    nb.code(
        """
        tables.show(by_credibility.round(2))
        """,
        slide="fragment",
    )
    nb.notes(
        """
        Say twice that this effect is built into the synthetic data. The point of the figure is the
        shape of the argument (credible sources convert clicks into purchases), not the size of the
        effect. Ask: "which of your own purchases followed a recommendation from someone with
        expertise rather than fame?"
        """
    )

    # --- 2. People, not brands ----------------------------------------------------------------
    nb.md(
        """
        ## 2. Audiences follow people, not brands
        Creators build their audiences one post at a time. People follow them for *them*: their
        voice, their judgement, their life. Most followers do not care much about the brands in the
        feed; they care what the creator thinks of them. Two consequences:

        * **The audience belongs to the creator.** A brand rents access to it for a campaign; it
          does not buy it. If a brand imposes its own rules and tone, the creator - and the
          followers with them - can walk away.
        * **Brand accounts struggle to get the same attention.** Published Instagram figures put
          brand accounts at the low end, at or below mega-creators and well below micro and nano
          creators. They come from different vendors, samples and definitions, so read the
          direction, not the exact gap:
        """,
        slide="slide",
    )
    nb.code(
        """
        published = trust.brand_vs_creator_engagement(landscape, benchmarks)
        brands = published[published["accounts"] == "brand accounts"]
        creators = published[published["accounts"] == "creators"]
        fig, ax = plots.new_figure()
        trust.draw_brand_vs_creator(ax, published)
        latest = brands.iloc[-1]
        plots.set_title(
            ax,
            f"Brands: {latest['er_pct']:.2f}% ({latest['year']}); creators: "
            f"{creators['er_pct'].min():.2f}-{creators['er_pct'].max():.2f}%",
            "published, all by vendors; samples and definitions differ",
        )
        plots.show(fig)
        """
    )
    nb.code(
        """
        tables.show(published[["accounts", "er_pct", "year", "source", "confidence", "vendor"]])
        """,
        slide="fragment",
    )
    nb.notes(
        """
        Point at the hatched bars: brand accounts. Then at the source column: every figure here
        comes from a company that sells social-media or influencer-marketing services, most read in a
        secondary source (S). It is the best published evidence we have on this comparison, and
        the honest reading is "creators' audiences engage more than brands' audiences", not "4x".
        """
    )

    nb.md(
        """
        > **Theory box - parasocial interaction.** Horton and Wohl (1956, *Psychiatry* 19(3)) described how
        > radio and television audiences come to feel they know a performer the way they know a friend:
        > "intimacy at a distance", one-sided. Social media adds a little real exchange - a reply to a
        > comment, a question answered in a story - which makes the bond feel closer still. It helps
        > explain why creators as a group out-engage brand accounts in the chart above: followers come
        > back for a person they feel they know, and a brand account offers nobody to know.
        """,
        slide="subslide",
    )
    nb.md(
        """
        > **Theory box - social proof.** Cialdini (*Influence*, 1984) counts social proof among the
        > shortcuts people use when they are unsure: do what people like you are doing, and the more
        > similar they are, the stronger the pull. It is a different lever from source credibility
        > (trust in one expert voice, section 1 and lesson 02's theory box): it comes from the many.
        > The reactions in the chart above are that crowd - and a post that shows a crowd of likes and
        > comments persuades the next reader too. That is why bought likes and followers (lesson 10)
        > are a fraud on this very shortcut.
        """,
        slide="subslide",
    )

    # --- 3. Sponsored vs organic --------------------------------------------------------------
    nb.md(
        f"""
        ## 3. Ads cost a little attention - compare each creator with themself
        If followers came for the person, how do they treat the person's ads? The fair test compares
        a creator's sponsored posts with **the same creator's** organic posts, shown to the same
        followers. Analytics vendors call it **paid-post performance** (Modash):

        > {PAID.name} = {PAID.formula} (1.0 = no difference).

        The only published trend we have is a vendor's, read in a secondary report (InfluencerDB,
        likes per follower on Instagram): sponsored posts trailed organic ones in 2016, and led them
        in early 2019 - while both fell.
        """,
        slide="slide",
    )
    nb.code(
        """
        influencer_db = landscape[landscape["series"].str.startswith("InfluencerDB")]
        shown = influencer_db[["series", "period", "value", "unit", "confidence", "is_vendor_estimate"]]
        spec = {"value": tables.Column("value", fmt="decimal1")}
        spec["is_vendor_estimate"] = tables.Column("vendor estimate")
        tables.show(shown, spec, index=False)
        """
    )
    nb.md(
        """
        In the synthetic posts, each creator's ads start from InfluencerDB's 2016 ratio, then two
        documented mechanisms shape them by size (Wies, Bleier & Edeling 2023): brands amplify the
        reach of bigger creators' ads, while the closeness of the relationship falls with size. The
        result is an inverted U: ads hold up best in the middle tiers.
        """,
        slide="subslide",
    )
    nb.code(
        """
        per_creator = trust.paid_post_performance_by_creator(posts, influencers)
        by_tier = trust.paid_post_performance_by_tier(per_creator)
        fig, ax = plots.new_figure()
        plots.bar_groups(
            ax,
            list(by_tier.index),
            {"median": by_tier["median_ratio"]},
            ylabel="sponsored ER / organic ER",
            value_format="{:.2f}",
        )
        ax.axhline(1.0, color="#444444", linestyle=":", linewidth=1.2)
        ax.set_xlabel("follower tier (Mediakix)")
        best = by_tier["median_ratio"].idxmax()
        plots.set_title(
            ax,
            f"Against the creator's own posts, ads do best in the {best} tier",
            "synthetic posts; median over creators with >= 1 ad and >= 3 organic posts; dotted: 1.0",
        )
        plots.show(fig)
        """
    )
    nb.md(
        f"""
        **The pooled-comparison trap.** Comparing *all* sponsored posts with *all* organic posts -
        the **{POOLED.name}**, {POOLED.formula} - mixes creators: big accounts publish most of the
        ads and have the lowest engagement rates, so ads look far worse than they are. (This ratio uses
        engagement by followers; lesson 02's {POOLED_REACH.name} divides by reach, so its numbers
        differ.) Same data, two answers:
        """,
        slide="fragment",
    )
    nb.code(
        """
        instagram = trust.paid_post_performance_by_creator(posts, influencers, platform="instagram")
        pooled = trust.pooled_er_ratio(posts, influencers)
        within = instagram["paid_post_performance"].median()
        print(f"Instagram, pooled ER ratio (all posts mixed):             {pooled:.2f}")
        print(f"Instagram, paid-post performance (median over creators): {within:.2f}")
        """
    )
    nb.notes(
        """
        The pooled ER ratio is a classic Simpson's-paradox-style trap; vendors' "sponsored content
        underperforms" headlines sometimes fall into it. Ask the room why the two numbers differ
        before showing the explanation. Exercise 03.q2 hands learners an agency report built on the
        pooled ER ratio and asks them to name the error.
        """
    )

    # --- 4. Disclosure ------------------------------------------------------------------------
    nb.md(
        """
        ## 4. Disclosure: required by law, and it changes how a post is read
        * **The rule.** In the US, the FTC's Endorsement Guides (16 CFR Part 255) require a creator to
          disclose any *material connection* with a brand - payment, free or discounted products, a
          family or work tie - clearly and conspicuously. The FTC's *Disclosures 101 for Social
          Media Influencers* (2019) spells it out: in the post itself (not only in the bio), hard to
          miss, in plain words such as "ad" or "sponsored". Other countries have similar rules.
        * **The effect on trust.** In an experiment with Facebook posts, Boerman, Willemsen & Van der
          Aa (2017, *Journal of Interactive Marketing*) found that a "Sponsored" label on a
          celebrity's post made more people recognise it as advertising, and that recognition raised
          distrust. Disclosure has a cost for the advertiser; it is still not optional.
        * **Practice.** Influencer Marketing Hub (2020, a vendor) reported only **14 %** of
          influencers fully compliant. The synthetic posts start from that share (datasheet, effect
          11); creators with only one or two ads often label them all by chance, so the synthetic
          share of fully compliant creators ends up higher - exercise 03.q3 measures it. They do
          *not* model what a label does to engagement: for that effect we rely on experiments
          like Boerman et al.
        """,
        slide="slide",
    )
    # the figure's title states the finding without the number 03.q3 asks for
    assert _trust.compliance_share(_course_data.load_posts()) < 50, (
        "title: 'most creators ... leave one unlabelled'"
    )
    _imh = _course_data.load_benchmarks().set_index("key").loc["fully_compliant_influencers_pct", "value"]
    assert _trust.compliance_share(_course_data.load_posts()) > _imh, (
        "text: 'the synthetic share ends up higher'"
    )
    nb.code(
        """
        imh_pct = benchmarks.set_index("key").loc["fully_compliant_influencers_pct", "value"]
        disclosure = trust.disclosure_by_tier(posts, influencers)
        fig, ax = plots.new_figure()
        shares = {
            "sponsored posts disclosed": disclosure["disclosed_posts_pct"],
            "creators disclosing every ad": disclosure["fully_compliant_pct"],
        }
        plots.bar_groups(ax, list(disclosure.index), shares, ylabel="percent", value_format="{:.0f}")
        ax.set_xlabel("follower tier (Mediakix)")
        plots.set_title(
            ax,
            "Most creators with ads leave at least one unlabelled",
            f"synthetic posts, starting from IMH 2020 (vendor): {imh_pct:.0f}% fully compliant",
        )
        plots.show(fig)
        """
    )
    nb.notes(
        """
        Two different percentages are on this chart: the share of *ads* that carry a label, and the
        share of *creators* who label *all* their ads. IMH's 14 % is of the second kind. Learners mix
        them up in exercise 03.q3; the feedback names the mix-up. The synthetic share is above 14 %
        because creators with only one or two ads can disclose them all by chance.
        """
    )

    nb.md(
        """
        > **Theory box - the persuasion knowledge model.** Friestad and Wright (1994, *Journal of Consumer
        > Research* 21(1)): over a lifetime people learn how persuasion works, and once they recognise a
        > message as an attempt to persuade them, they use that knowledge to cope with it - they
        > question the motive and discount the claim. A clear "Sponsored" label switches that
        > recognition on, which is the step Boerman et al. measured (recognition, then distrust), and
        > why the unlabelled ads in the chart above are a problem the law addresses. The lab that
        > follows models a related but different thing: followers who tire of a feed full of ads.
        """,
        slide="subslide",
    )

    # --- Lab ------------------------------------------------------------------------------------
    nb.md(
        """
        ## Lab: over-commercialisation - a TOY MODEL
        What happens to a creator who turns more and more of the feed into ads? No study gives the
        answer as an equation, so this lab is a **toy model**: a few explicit assumptions that turn
        the lesson's argument into numbers you can play with. Use it to reason about direction and
        trade-offs, never to forecast.

        Each month: trust falls when the share of ads exceeds what the audience tolerates (twice as
        fast for brands outside the creator's niche, faster for an audience that accepts few ads,
        and each extra ad costs more than the one before) and slowly recovers otherwise; engagement per
        follower moves with trust; some followers unfollow - more as trust falls - and new ones
        arrive - fewer as trust falls. Only two inputs come from data: the organic engagement rate
        and the paid-post performance ratio, measured in the synthetic posts. All equations are in
        the module `helpers.analysis.commercialisation`; the parameters:
        """,
        slide="slide",
    )
    nb.volatile(
        """
        lab = widgets.CommercialisationLab()
        lab
        """
    )
    nb.code(
        """
        app_links.app_link("commercialisation")
        """
    )
    nb.code(
        """
        tables.show(widgets.commercialisation.parameter_table(lab.params).round(3))
        """
    )
    nb.md(
        """
        **Try this:** (1) move the share of ads from 10 % to 60 % and watch the three lines on the
        left; (2) compare the two curves on the right (stars mark their peaks, dots your share) -
        *this year* peaks at a higher share than the *pace for next year*: ads beyond the tolerance
        borrow from the future; (3) switch to off-niche sponsors and (4) set the tolerance to 0 %:
        watch both stars move to fewer ads. Recorded from code:
        """,
        slide="subslide",
    )
    # The sentences above are claims about the model: the build fails if they stop being true.
    from helpers import data as _data
    from helpers.widgets import commercialisation as _toy

    _params = _toy.calibrate(_data.load_posts(), _data.load_influencers())
    _run = _toy.commercialisation_update(_params, 40, 20, "off").numbers
    assert _run["best_pace_share_pct"] < _run["best_share_pct"], "this year must peak above next year's pace"
    _on = _toy.commercialisation_update(_params, 40, 20, "on").numbers
    _zero = _toy.commercialisation_update(_params, 40, 0, "on").numbers
    assert _run["best_share_pct"] < _on["best_share_pct"], "off-niche sponsors must lower the best share"
    assert _zero["best_share_pct"] < _on["best_share_pct"], "0 % tolerance must lower the best share"
    assert _zero["best_pace_share_pct"] < _on["best_pace_share_pct"]
    nb.code(
        """
        result = lab.set(sponsored_share_pct=40, tolerance_pct=20, fit="off")
        print(result.summary)
        """
    )
    nb.notes(
        """
        On a projector, start at 20 % (below the default tolerance: nothing happens), then step to
        30, 40, 60 %. Read the summary sentence aloud. Ask: "who pays for the lost trust - the
        creator, the brand in this campaign, or the brands in next year's campaigns?" Insist that the
        numbers come from assumed equations: changing a parameter changes the answer, which is the
        point of a toy model.
        """
    )

    # --- Exercises ----------------------------------------------------------------------------
    nb.md(
        """
        ## Exercises
        Run each cell as it is first (it says *not attempted yet*), then replace `____`. Stuck?
        `ex.q1.hint()` gives a hint (run it again for the next), `ex.q1.solution()` the solution.

        **Exercise 03.q1 - paid-post performance.** A creator's organic posts average an engagement
        rate of **2.5 %**; her sponsored posts average **2.0 %**. What is her paid-post performance?
        """,
        slide="slide",
    )
    nb.code(ex_cell("q1"))
    nb.md(
        f"""
        **Exercise 03.q2 - find the error in the agency's report.** An agency sends you this, from the
        bundled YouTube posts:

        > {_lesson03.agency_claim()}

        Compute the typical YouTube creator's paid-post performance (the median over creators of
        sponsored ER / organic ER), then say what is wrong with the report: answer with the letter and
        that number. The feedback explains every option.

{textwrap.indent(lettered_options(_lesson03.REPORT_OPTIONS), "        ")}
        """,
        slide="subslide",
    )
    nb.code(ex_cell("q2"))
    nb.md(
        """
        **Exercise 03.q3 - disclosure compliance.** What percentage of the creators who posted at least
        one ad disclosed **every** one of their ads? Compare your answer with IMH's 14 %.
        """,
        slide="subslide",
    )
    nb.code(ex_cell("q3"))
    nb.md(
        """
        **Exercise 03.q4 - how many ads can she accept?** A creator is offered ads by brands in her
        niche; her audience tolerates about 20 % ads. She will accept more ads only as long as her
        following does **not shrink** over the year. In the toy model (the lab above: on-niche brands,
        tolerance 20 %), what is the largest share of ads, in the slider's steps of 5 %, she can accept?
        No code needed: move the slider and read the summary.
        """,
        slide="subslide",
    )
    nb.code(ex_cell("q4"))

    # --- Quiz, key points, next -----------------------------------------------------------------
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
        * Influencer marketing works through **trust** in a credible person, and through **social
          proof** - the crowd of people like the reader who react to a post. In the research,
          followers' identification with the creator is the strongest driver and credibility
          carries part of its effect; reach alone does not.
        * Audiences follow **people**, not brands. The audience is the creator's; a brand rents
          access to it and can lose it by imposing its own rules.
        * Judge ads against **the same creator's** organic posts (paid-post performance); pooled
          comparisons mix creators and mislead.
        * **Disclose** every material connection, clearly, in the post (FTC 16 CFR 255). Labels make
          ads recognisable, which can cost some trust (Boerman et al. 2017) - and most creators
          still do not label every ad.
        * Too many ads spend the trust that made the creator worth paying. The lab's numbers come
          from a **toy model**: use them for the direction of the trade-off, not as a forecast.
        """,
        slide="slide",
    )
    nb.md(
        """
        ## What's next
        Continue with **[04 - The landscape, then and now](04_landscape_then_and_now.ipynb)**: why
        standing out on Instagram was easier in 2014, read from real published figures. Back to the
        start: [00 - Start here](00_start_here.ipynb).
        """,
        slide="subslide",
    )
    return nb


def ex_cell(name: str) -> str:
    """The exercise cell of question ``name`` (its starter, then the check), from lesson03."""
    import helpers.exercises.lesson03 as lesson

    return getattr(lesson, name).cell_code()
