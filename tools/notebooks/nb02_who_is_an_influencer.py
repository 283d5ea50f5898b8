"""Source of notebooks/02_who_is_an_influencer.ipynb (build with `python tools/nbtools.py 02`)."""

from helpers import course, data, metrics, plots
from helpers.analysis import finding, influence
from helpers.exercises import lesson02
from nbtools import NB

NAME = "02_who_is_an_influencer"
MINUTES = course.lesson(NAME[:2]).minutes  # stated time comes from helpers.course.COURSE


REACH_RATIO = next(m for m in metrics.SPONSORED_VS_ORGANIC if m.function == "pooled_reach_er_ratio")
PAID = next(m for m in metrics.SPONSORED_VS_ORGANIC if m.function == "paid_post_performance")


def _celebrities():
    """The 1M+ comparison the notebook shows, computed at build time for the sentences about it."""
    table = influence.celebrity_comparison(
        data.load_influencers(), data.load_posts(), min_followers=1_000_000
    )
    return table.loc["celebrities"], table.loc["other creators"]


def _fashion_vs_finance() -> float:
    """How many times the Instagram fashion audience the finance one is (synthetic niches table)."""
    niches = data.load_niches()
    instagram = niches[niches["platform"].astype(str) == "instagram"].set_index("niche")["niche_audience"]
    assert instagram.idxmax() == "fashion" and instagram.idxmin() == "finance"  # the sentence's pair
    return float(instagram["fashion"] / instagram["finance"])


def _power_trend() -> dict[str, tuple[float, float, float, float]]:
    """Per source of influence: (smallest tier's median, largest tier's, min, max) over the tiers (0-10)."""
    table = influence.power_by_tier(data.load_influencers())
    # the box: authority higher in the big tiers than in the small ones
    assert table["authority"].iloc[-2:].min() > table["authority"].iloc[:2].max()
    # the box says "tier by tier": strictly monotonic, smallest tier to largest
    assert table["relationship"].is_monotonic_decreasing and table["relationship"].is_unique
    assert table["position"].is_monotonic_increasing and table["position"].is_unique
    return {
        source: (table[source].iloc[0], table[source].iloc[-1], table[source].min(), table[source].max())
        for source in ("authority", "knowledge", "position", "relationship")
    }


def build() -> NB:
    fashion_vs_finance = _fashion_vs_finance()
    celeb, other = _celebrities()
    power = _power_trend()
    # the credibility box's reading of the figure: closeness falls, prominence rises, expertise moves least
    assert power["relationship"][1] < power["relationship"][0] and power["position"][1] > power["position"][0]
    spread = {source: high - low for source, (_, _, low, high) in power.items()}
    assert min(spread, key=spread.get) == "knowledge"
    # the trainer note's reading: boosted reach, not lost engagement, makes the pooled ER-by-reach ratio low
    assert (celeb["sponsored_reach_ratio"] > 1) and (other["sponsored_reach_ratio"] > 1)
    assert celeb["pooled_reach_er_ratio"] < celeb["median_paid_post_performance"]
    assert other["pooled_reach_er_ratio"] < other["median_paid_post_performance"]
    assert celeb["median_paid_post_performance"] < other["median_paid_post_performance"]
    nb = NB(NAME)
    nb.md(
        f"""
        # Who is an influencer

        **In {MINUTES} minutes you will be able to tell influence from fame: name the four sources of a creator's
        power over buying decisions, judge a following against the size of its niche, and explain with data
        why a celebrity is not automatically an influencer.**
        """,
        slide="slide",
    )
    nb.notes(
        """
        Start from lesson 01's opening answers: the people who changed what learners bought. Ask *why*
        each of them was believed. Sort the reasons on the board into four columns without naming them
        yet - they usually fall into expertise, credentials, status and closeness. Then reveal the four
        names of this lesson.
        """
    )
    nb.md(
        f"""
        ## Objectives
        By the end of this notebook you can:
        1. define an influencer by the power to change buying decisions, and name its four sources:
           authority, knowledge, position and relationship;
        2. measure a following against its niche (niche penetration) and explain why the same follower
           count can be large in one niche and small in another;
        3. compare two creators for a niche product on engaged niche audience and sources of influence,
           not on raw followers;
        4. explain, with data, why celebrities and online influencers are not the same thing - and read a
           comparison with few cases honestly.

        **Time to learn:** {MINUTES} minutes. **Prerequisites:** [01 What influencer marketing is](01_what_is_influencer_marketing.ipynb)
        (tiers; engagement rate from [00 Start here](00_start_here.ipynb)). The exercises need a line or
        two of pandas; starters run as they are.
        """,
        slide="subslide",
    )
    nb.md(
        """
        ## Setup
        The creators, niches, posts and campaigns are **synthetic** course data; `benchmarks` holds
        published figures with their sources.
        """,
        slide="slide",
    )
    nb.code(
        """
        from helpers import app_links, data, metrics, plots, tables, widgets
        from helpers.analysis import influence
        from helpers.exercises import ____, lesson02 as ex

        plots.apply_style()
        influencers = data.load_influencers()
        niches = data.load_niches()
        posts = data.load_posts()
        campaigns = data.load_campaigns()
        benchmarks = data.load_benchmarks()
        """
    )

    # --- 1. four sources of power ------------------------------------------------------------------
    nb.md(
        """
        ## Influence is the power to change a decision
        An influencer is not defined by a follower count but by what their word does: it changes what
        other people buy. That power has four sources.

        | source | where the power comes from | example |
        |---|---|---|
        | **authority** | recognised standing: credentials, a title, a track record | a dermatologist on skincare |
        | **knowledge** | real expertise in the topic, shown post after post | a self-taught mechanic on car repair |
        | **position** | prominence: fame, status, a visible role | an actor, an athlete, a CEO |
        | **relationship** | closeness: the audience feels it knows and trusts the person | a parent blogger answering every comment |

        Every creator in the course data carries a 0-10 rating for each source (invented by the generator,
        as an audit or survey might estimate them). How do they change with size?
        """,
        slide="slide",
    )
    nb.code(
        """
        fig, ax = plots.new_figure()
        influence.plot_power_by_tier(ax, influencers)
        plots.show(fig)
        """
    )
    nb.code(
        """
        tables.show(influence.power_by_tier(influencers))
        """
    )
    nb.notes(
        """
        The ratings are synthetic and built so that closeness falls and prominence rises with size (see
        the datasheet): the figure illustrates the idea, it does not prove it. Ask which source would
        matter most for a mortgage, for a lipstick, for a video game - the answer changes with the
        product, which is the point of the lab later.
        """
    )

    nb.md(
        f"""
        > **Theory box - source credibility.** Hovland and Weiss (1951, *Public Opinion Quarterly*)
        > attributed the same articles to trusted or distrusted sources: the trusted ones changed more
        > opinions. Ohanian (1990, *Journal of Advertising* 19(3)) measured an endorser's credibility as
        > **expertise**, **trustworthiness** and **attractiveness**. Authority and knowledge are
        > expertise; a close relationship earns trust; position buys attention. In the figure above,
        > relationship falls and position rises tier by tier, authority is higher in the big tiers
        > than in the small ones, and knowledge barely moves (medians within
        > {power["knowledge"][3] - power["knowledge"][2]:.1f} points). Growing an audience trades trust
        > for attention - built into this synthetic data after Wies, Bleier & Edeling (2023).
        """,
        slide="subslide",
    )

    # --- 2. engaged following ----------------------------------------------------------------------
    nb.md(
        """
        ## An engaged following
        Power over decisions needs an audience that listens - and an audience that listens also reacts:
        it likes, comments, asks questions. Engagement rate by followers (**ER**: likes + comments on a
        post / followers x 100) measures the share that reacts
        to a typical post. Small accounts get a much larger share of their followers to react, in the
        course data and in HypeAuditor's published benchmark (a vendor's study of about 37,000 Instagram
        accounts, 2018).
        """,
        slide="slide",
    )
    nb.code(
        """
        fig, ax = plots.new_figure()
        influence.plot_engagement_by_band(ax, influencers, benchmarks)
        plots.show(fig)
        """
    )
    nb.code(
        """
        by_band = influence.engagement_by_band(influencers, benchmarks).round(2)
        tables.show(by_band, {"hypeauditor_median_pct": tables.Column("HypeAuditor median", "%")})
        """
    )
    nb.notes(
        f"""
        The synthetic data was calibrated to these medians, so the bars agree by design. The useful
        message is the shape: engagement per follower falls fast up to about
        {plots.human_number(finding.published_er_flattens_above())} followers and then flattens (the
        same HypeAuditor benchmark as lesson 12). Engagement is a sign of attention, not yet of
        influence on sales - lesson 09 returns to that gap.
        """
    )

    # --- 3. size relative to the niche -------------------------------------------------------------
    nb.md(
        f"""
        ## A following is big or small *for its niche*
        Influencers build their audience around a topic, and topics differ in size: far more people
        follow fashion than personal finance ({fashion_vs_finance:.1f} times as many on Instagram in the
        course's synthetic niche table, the largest and the smallest niche). So a follower count only
        means something next to the size of its niche. **Niche penetration** expresses it: followers / people interested in the niche on the
        same platform x 100.

        The `niches` table gives each niche's audience per platform (synthetic orders of magnitude):
        """,
        slide="slide",
    )
    nb.code(
        """
        tables.show(influence.niche_sizes(niches))
        """
    )
    nb.md(
        """
        The same 100,000 followers, measured against each niche on Instagram:
        """,
        slide="fragment",
    )
    nb.code(
        """
        fig, ax = plots.new_figure()
        influence.plot_same_followers(ax, niches, followers=100_000)
        plots.show(fig)
        """
    )
    nb.notes(
        """
        Penetration is an upper bound: it assumes every follower belongs to the niche. Real audiences
        overlap niches, and some followers are fake (lesson 10). The comparison still holds: a
        finance creator with 100K followers reaches a far larger slice of *their* market than a fashion
        creator with 100K.
        """
    )

    # --- 4. celebrities vs influencers -------------------------------------------------------------
    nb.md(
        """
        ## Celebrities are not the same as online influencers
        A classic mistake - long made by traditional media, and by brands that follow them - is to treat
        anyone famous as an influencer, and to overlook the many influencers who are famous only to their
        own audience. Fame is one source of power (position); it does not bring the others with it. Compare the celebrities in the course data with other creators of the same size
        class (1M+ followers):
        """,
        slide="slide",
    )
    nb.code(
        """
        comparison = influence.celebrity_comparison(influencers, posts, min_followers=1_000_000)
        fig, ax = plots.new_figure()
        influence.plot_celebrity_profile(ax, comparison)
        plots.show(fig)
        """
    )
    nb.md(
        """
        Position without relationship shows up where a brand cares: whether the people a post reaches
        respond to a *recommendation*. Compare each group's own posts with its sponsored ones:
        """,
        slide="fragment",
    )
    nb.code(
        """
        fig, ax = plots.new_figure()
        influence.plot_celebrity_engagement(ax, comparison)
        plots.show(fig)
        """
    )
    nb.code(
        f"""
        shown = ["creators", "median_followers", "sponsored_posts"]
        shown += ["organic_er_by_reach_pct", "sponsored_er_by_reach_pct", "pooled_reach_er_ratio"]
        shown += ["sponsored_reach_ratio", "median_paid_post_performance"]
        named = {{"pooled_reach_er_ratio": tables.Column("{REACH_RATIO.name}")}}  # the metric's one name
        tables.show(comparison[shown].round(2), named)
        """
    )
    nb.md(
        """
        Read the `creators` and `sponsored_posts` rows before the rates: there are few celebrities, so
        their numbers move a lot with one creator more or less. The pattern follows the research the
        course data was built on - Wies, Bleier & Edeling (2023, *Journal of Marketing*) found engagement
        with sponsored posts rises and then falls with follower count, as relationships weaken.
        """,
        slide="fragment",
    )
    nb.md(
        f"""
        Two ratios in the table, with two names. The **{REACH_RATIO.name}** = {REACH_RATIO.formula}:
        {celeb["pooled_reach_er_ratio"]:.2f} for celebrities, {other["pooled_reach_er_ratio"]:.2f}
        for the others. **{PAID.name[0].upper() + PAID.name[1:]}** = {PAID.formula}: it compares each
        creator's ads with their own posts (lesson 03 comes back to paid-post performance); its median is
        {celeb["median_paid_post_performance"]:.2f} for celebrities and
        {other["median_paid_post_performance"]:.2f} for the others.
        """,
        slide="fragment",
    )
    nb.notes(
        f"""
        Do not read the {REACH_RATIO.name} ({REACH_RATIO.formula}) as "a sponsored post gets
        {other["pooled_reach_er_ratio"]:.0%} of the engagement of the creator's own posts". Brands push
        sponsored posts to more people: here a sponsored post reached {other["sponsored_reach_ratio"]:.1f}
        times as many accounts as an organic one for the other creators
        ({celeb["sponsored_reach_ratio"]:.1f} times for celebrities), and reach is the denominator, so the
        ratio falls even when the followers engage as before. The share of their usual engagement that
        ads keep is paid-post performance, per creator: {celeb["median_paid_post_performance"]:.2f} for
        celebrities vs {other["median_paid_post_performance"]:.2f} for the others (medians): a typical
        celebrity's ads keep {celeb["median_paid_post_performance"]:.0%} of their usual engagement, not
        {celeb["pooled_reach_er_ratio"]:.0%}, and still fare worse than the others'. Ask: "If you were selling a niche
        product, which number would you look at first - followers or this?"
        """
    )

    nb.md(
        f"""
        > **Theory box - the two-step flow.** In *Personal Influence* (1955), Katz and Lazarsfeld argued
        > that mass media rarely change minds directly: ideas reach **opinion leaders** first, and spread
        > from them to the people around them in everyday conversation. Opinion leaders were found in
        > every walk of life and were much like the people they advised - not the famous. A celebrity's
        > post is the direct mass-media route the theory found weak; a creator close to a niche plays
        > the opinion leader. The table above shows it per creator: the median celebrity's ads keep
        > {celeb["median_paid_post_performance"]:.0%} of their usual engagement, the other big creators'
        > ads {other["median_paid_post_performance"]:.0%} (paid-post performance).
        """,
        slide="subslide",
    )

    # --- lab -----------------------------------------------------------------------------------------
    nb.md(
        """
        ## Lab: niche reach
        Rank the creators of a niche by **raw followers**, by **share of the niche** (followers / niche
        audience on their platform) or by **engaged share** (likes + comments per post / niche audience),
        and open the **profile card** of any creator in the list to see the four sources of influence
        against the selection's median.

        Try:
        1. Finance on *all* platforms, ranked by share of the niche, then by raw followers: who moves up,
           and why? (Each platform's finance audience has a different size.)
        2. Switch to engaged share: which creators climb? Open their profile cards.
        3. Pick one niche and one platform and rank by share of the niche: why does it equal the ranking
           by followers?
        4. Find a celebrity in a list: what do position and relationship look like on the card?
        """,
        slide="slide",
    )
    nb.volatile(
        """
        lab = widgets.NicheReach()
        lab
        """
    )
    nb.code(
        """
        app_links.app_link("niche-reach")
        """
    )
    nb.md(
        """
        The same from code (the summary sentence is what the lab shows above its figure):
        """,
        slide="fragment",
    )
    nb.code(
        """
        result = lab.set(niche="finance", platform="all", rank_by="niche_share", card=1)
        print(result.summary)
        result = lab.set(rank_by="engaged_share", card=1)
        print(result.summary)
        """
    )
    nb.notes(
        """
        Drive it on the projector: finance / all / share of the niche first, then switch to engaged
        share and step the profile card slider through 1-4. Celebrities carry a hatched bar in the list.
        For prompt 3: inside one niche and one platform every creator is divided by the same audience,
        so the share ranking cannot differ from the follower ranking - a useful sanity check of the metric.
        """
    )

    # --- exercises ------------------------------------------------------------------------------------
    nb.md(
        """
        ## Exercises
        Replace each `____` and run the cell. Stuck? Add a cell with `ex.q1.hint()` (again for the next
        hint) or `ex.q1.solution()` - the same for `q2`, `q3`, `q4`.

        **Exercise 02.q1 - niche penetration on another platform.** The lab above found the finance
        creator with the largest share of their niche on TikTok. A finance brand's brief is for
        **YouTube**: take the most-followed finance creator on YouTube. What percentage of the finance
        audience on YouTube do their followers represent - more or less of their niche than the lab's
        TikTok creator?
        """,
        slide="slide",
    )
    nb.code(lesson02.q1.cell_code())
    nb.md(
        """
        **Exercise 02.q2 - which creator for a budgeting app?** A budgeting app wants one creator for
        its launch.

        | | creator A | creator B |
        |---|---|---|
        | who | personal-finance educator on TikTok | lifestyle celebrity on Instagram |
        | followers | 60,000 | 2,400,000 |
        | likes + comments per post | 4,200 | 19,000 |
        | followers interested in personal finance | all of them (assume 100 %) | about 5 % |
        | strongest sources of influence | knowledge 9/10, relationship 8/10 | position 9/10; relationship 1/10 |

        For each creator compute how many people who care about personal finance engage with a typical
        post, then say who is more influential for this product: answer with both numbers and `"A"` or
        `"B"`.
        """,
        slide="subslide",
    )
    nb.code(lesson02.q2.cell_code())
    nb.md(
        """
        **Exercise 02.q3 - celebrities and sponsored engagement on Instagram.** The table above pools
        every platform. Does the gap hold on Instagram, where most celebrity ads are? Among Instagram
        creators with 1M+ followers, compute the engagement rate by reach of *sponsored* posts - pooled:
        total likes + comments / total reach x 100 - for celebrities and for the other creators. How
        many times higher is the other creators' rate? (A ratio, e.g. 1.25.)
        """,
        slide="subslide",
    )
    nb.code(lesson02.q3.cell_code())
    nb.md(
        """
        **Exercise 02.q4 - celebrities and conversions.** Over all campaigns run with celebrities, how
        many conversions did each USD 1,000 of fees buy? (Pooled: total conversions / total fees x 1,000.)
        """,
        slide="subslide",
    )
    nb.code(lesson02.q4.cell_code())
    nb.md(
        """
        Now set it beside everyone else - and look at the number of campaigns before you conclude:
        """,
        slide="fragment",
    )
    nb.code(
        """
        tables.show(influence.conversions_by_fame(influencers, campaigns).round(2))
        """
    )
    nb.notes(
        """
        02.q2 is the heart of the lesson: it needs the arithmetic *and* the four sources. Have pairs
        defend their answer aloud in one sentence. For 02.q4, the small number of celebrity campaigns
        is deliberate teaching material: a rate from a handful of cases is a hint, not a finding.
        Answers are in lessons/02_who_is_an_influencer.md.
        """
    )

    # --- quiz, key points, next --------------------------------------------------------------------
    nb.md(
        """
        ## Concept quiz
        Four questions on the ideas of this lesson: choose or type an answer and press **Check**.
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
        * An influencer is someone whose word changes other people's buying decisions - through authority,
          knowledge, position or relationship. Followers measure reach, not that power.
        * Influence lives in an engaged audience around a topic; small accounts get a larger share of
          their followers to react.
        * Read a following against its niche: the same count is a large slice of a small topic and a thin
          slice of a large one (niche penetration = followers / niche audience x 100).
        * Celebrities bring position; online influencers usually bring knowledge and relationship. For a
          niche product, compare engaged niche audience and sources of influence, not fame - and check how
          many cases a comparison rests on.
        """,
        slide="slide",
    )
    nb.md(
        """
        ## What's next
        Continue with **[03 - Why it works](03_why_it_works.ipynb)**: trust, social proof, and who owns the
        audience. Back to the course map: [00 - Start here](00_start_here.ipynb).
        """,
        slide="subslide",
    )
    return nb
