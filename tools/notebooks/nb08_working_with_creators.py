"""Source of notebooks/08_working_with_creators.ipynb (build with `make notebooks`)."""

import textwrap

from helpers import course
from helpers.analysis import deals as _deals
from helpers.exercises import lesson08
from nbtools import NB

NAME = "08_working_with_creators"
MINUTES = course.lesson(NAME[:2]).minutes  # stated time comes from helpers.course.COURSE
_NEXT = course.COURSE[course.COURSE.index(course.lesson(NAME[:2])) + 1]
_CAPSTONE = next(item for item in course.COURSE if item.slug == "capstone_campaign_plan")
_FRAUD = next(item for item in course.COURSE if item.slug == "attribution_incrementality_and_fraud")
_LT = _deals.CASES["Lord & Taylor"]
_WB = _deals.CASES["Warner Bros."]
#: Section 1's example deal (not an exercise's numbers): a micro Instagram creator.
_EXAMPLE = {"fee_usd": 250, "commission_pct": 20, "order_value_usd": 40}
#: Section 5's worked audience example (invented round numbers, not the exercise's media kit).
_KIT = {"followers": 200_000, "audience_authenticity": 0.70, "audience_in_market": 0.30}

TEMPLATES = {
    "outreach_email.md": "Outreach email",
    "creative_brief.md": "Creative brief",
    "contract_checklist.md": "Contract checklist",
    "campaign_report.md": "Campaign report",
}


def build() -> NB:
    nb = NB(NAME)
    nb.md(
        f"""
        # Working with creators: deals, briefs and contracts

        **In {MINUTES} minutes you will choose how to pay a creator and see who carries the risk, write a
        brief that leaves the creator their voice, read a contract for the clauses that go wrong, vet an
        audience against the market you sell in - and learn from two real FTC cases.**
        """,
        slide="slide",
    )
    nb.notes(
        """
        This lesson fills the gap between "we found the right creators" (05-07) and "we measured the
        campaign" (next lessons): how the deal is paid, briefed and written down. The source article's
        point runs through it: the audience belongs to the creator, so a brand that dictates too much
        loses what it paid for. Two real FTC cases anchor the law. Not legal advice: say so.
        """
    )
    nb.md(
        f"""
        ## Objectives
        By the end of this notebook you can:
        1. compare four pay models - gifting, flat fee, affiliate, hybrid - by who carries the risk, and
           find the sales level where affiliate beats a flat fee;
        2. place a quoted fee against cited rate ranges by tier and platform, and name what moves a price;
        3. write a brief with mandatories and freedoms, without over-controlling the creator;
        4. read a creator contract for the clauses that matter, and spot the ones that go wrong;
        5. vet a creator: brand safety, audience quality, and whether the audience lives where the product
           is sold;
        6. say what the FTC (16 CFR 255), the UK's ASA and CMA, and EU law require of a brief and a
           contract - with two real cases.

        **Time to learn:** {MINUTES} minutes. **Prerequisites:** lessons 05 (budget, conversions per dollar)
        and 07 (fake followers, the trimmed brief). Lesson 03 (disclosure and trust) helps.
        """,
        slide="subslide",
    )
    nb.md(
        """
        ## Setup
        The course helpers, the synthetic `campaigns` and `influencers` tables, and the real `benchmarks`
        table (published figures, one source per row). `histories` groups the past campaigns by platform
        and tier: how many sales each post brought.
        """,
        slide="slide",
    )
    nb.code(
        """
        from helpers import app_links, data, plots, tables, widgets
        from helpers.analysis import deals
        from helpers.exercises import ____, lesson08 as ex

        campaigns = data.load_campaigns()
        influencers = data.load_influencers()
        benchmarks = data.load_benchmarks()
        histories = deals.sales_histories(campaigns, influencers)
        lord_and_taylor = deals.CASES["Lord & Taylor"]
        """
    )

    # --- 1. pay models ------------------------------------------------------------------------------
    nb.md(
        """
        ## 1. Four ways to pay a creator
        * **Gifting (product seeding):** the creator gets the product and owes nothing - maybe a post,
          maybe not.
        * **Flat fee per deliverable:** a fixed price per post, video or story, whatever it sells.
        * **Affiliate (commission):** a share of every sale the creator's link or code brings, nothing more.
        * **Hybrid:** a smaller fee plus a commission.

        A post's sales are uncertain, so each model hands that uncertainty to someone. Below, one post by a
        micro-tier Instagram creator: sales drawn 2,000 times from the synthetic past campaigns of that
        tier; the same draws priced under each model.
        """,
        slide="slide",
    )
    nb.code(
        f"""
        example = deals.compare_pay_models(
            histories[("instagram", "micro")], fee_usd={_EXAMPLE["fee_usd"]}, commission_pct={_EXAMPLE["commission_pct"]}, order_value_usd={_EXAMPLE["order_value_usd"]}
        )
        tables.show(example, widgets.DealLab.table_columns, index=widgets.DealLab.table_index, rest=False)
        """
    )
    # the next cell's claims about the example, checked on the data
    from helpers import data as _data

    _hist = _deals.sales_histories(_data.load_campaigns(), _data.load_influencers())[("instagram", "micro")]
    _ex = _deals.compare_pay_models(_hist, **_EXAMPLE)
    assert _ex.loc["flat fee", "creator_sd"] == 0 < _ex.loc["flat fee", "cost_per_sale_spread"], (
        "text: flat fee"
    )
    assert _ex.loc["affiliate", "cost_per_sale_spread"] == 0 < _ex.loc["affiliate", "creator_sd"], (
        "text: affiliate"
    )
    assert _ex.loc["gifting", "no_sale_pct"] > _ex.loc["flat fee", "no_sale_pct"], (
        "text: gifting buys no post"
    )
    nb.md(
        f"""
        Read it in two directions. **Flat fee:** the creator's pay has no spread - the brand's cost per sale
        has all of it. **Affiliate:** the brand pays the same per sale whatever happens, and the creator's
        pay takes the luck. **Hybrid** splits it (here it adds the commission to the same USD
        {_EXAMPLE["fee_usd"]} fee, so by construction it never pays the creator less than the flat fee).
        **Gifting** is cheap, but the brand buys no post at all
        in many outcomes (a course assumption: half of gifted creators post; no published figure). The gift
        is counted at its retail price (the order value): that is what the creator receives; making and
        shipping it costs the brand less. Which is
        right depends on who can afford a bad outcome - and on whether the creator's audience buys at all
        (a creator with no sales history will not accept affiliate alone, and should not).
        """,
        slide="fragment",
    )
    nb.notes(
        """
        Ask the room: "you are a creator with rent to pay - which column do you want?" Then: "you are a
        brand launching a product nobody has bought yet?" Both sides prefer the other to carry the risk.
        Do not name a winner: which model fits depends on the numbers (08.q3). The gifting post chance is
        an assumption: say so.
        """
    )

    # --- 2. negotiation -----------------------------------------------------------------------------
    nb.md(
        """
        ## 2. Negotiating against a cited range
        Rates are quoted per post by follower tier and platform. The ranges below are widely quoted
        figures from Influencer Marketing Hub (a vendor; read in secondary sources), with Mediakix's tiers:
        """,
        slide="slide",
    )
    nb.code(
        """
        tables.show(deals.rate_table(benchmarks))
        """
    )
    nb.md(
        """
        The ranges are wide - a factor of ten inside a tier - because the base price is only the start.
        What moves it:
        * **usage rights:** the brand reusing the content on its own channels or in ads, and for how long;
        * **exclusivity:** how many competing brands the creator must turn down, and for how long;
        * **deliverables:** how many posts, stories or videos, raw footage, and revision rounds;
        * **timing:** a rush, a launch week, a busy season for the creator.

        Price each of these separately instead of haggling over one number: the creator sees what you
        are buying, and you see what you can drop.
        """,
        slide="fragment",
    )

    # --- 3. the brief -------------------------------------------------------------------------------
    nb.md(
        """
        ## 3. The brief: say what matters, leave the rest to the creator
        A brief fits on one page: the **objective** (what the campaign must change), the **key message**
        (one, or two at most), **mandatories** (disclosure, claims the product can and cannot back, the
        launch date), **freedoms** (format, setting, words, tone - written down, so the creator knows they
        are trusted), **timing**, and **approval**: one round, for facts and claims.

        The source article warns brands not to force their own business rules and routines on a creator:
        followers belong to the creator, not to the brand, and they can leave - taking their attention with
        them. A script read word for word, a dictated look or three rounds of sign-off turn a creator's post
        into an ad the audience skips.
        """,
        slide="slide",
    )

    # --- 4. the contract ----------------------------------------------------------------------------
    nb.md(
        """
        ## 4. The contract: what each clause is for
        | clause | what it says | what goes wrong without it, or when it is too broad |
        |---|---|---|
        | deliverables | what, where, how many, by when | arguments about what was owed |
        | usage rights | where the brand may reuse the content, and for how long | a post bought, an ad campaign taken |
        | exclusivity | which competitors, for how long, for what fee | a creator locked out of their income |
        | paid amplification | whether the brand may run the post as an ad (whitelisting; TikTok Spark Ads, Instagram partnership ads), for how long, for what fee | ads on the creator's name without a price |
        | approval | who checks what, how many rounds, how fast | missed launch dates, a brand's voice in the creator's mouth |
        | payment terms | how much, when (part up front), late fees | creators paid months late |
        | disclosure | the label, where it goes, that the brand checks it | an FTC, ASA or CMA case |
        | termination | how either side ends it, and what is paid for work done | one side walking away with the other's work |
        | morality | either side may leave if the other's conduct harms it | a brand tied to a scandal, or a creator to a brand's |
        | data and reporting | which insights (reach, audience, clicks) the creator shares, and when | a campaign nobody can measure |
        """,
        slide="slide",
    )

    # --- 5. vetting ---------------------------------------------------------------------------------
    _real = _KIT["followers"] * _KIT["audience_authenticity"]
    _in_market = _real * _KIT["audience_in_market"]
    nb.md(
        f"""
        ## 5. Vetting: safe, real, and in the right market
        Before the contract, three checks:
        * **Brand safety:** read a year of the creator's past posts and comments - topics, language,
          other sponsors - for anything the brand could not stand next to.
        * **Audience quality:** fake and inactive followers cannot buy (lesson 07's red flag: audience
          authenticity under 75 %); the follower audit comes in lesson {_FRAUD.number}.
        * **Audience geography and demographics:** platforms show creators where their audience lives and
          its ages; ask for screenshots. A follower in another country is no customer for a product sold in
          one.

        Worked example (invented round numbers): {_KIT["followers"]:,} followers, {_KIT["audience_authenticity"]:.0%}
        authentic, {_KIT["audience_in_market"]:.0%} in the launch market: {_KIT["followers"]:,} x
        {_KIT["audience_authenticity"]:.2f} x {_KIT["audience_in_market"]:.2f} = **{_in_market:,.0f}** real people
        who can buy: {_in_market / _KIT["followers"]:.0%} of the headline number.
        """,
        slide="slide",
    )

    # --- 6. the law ---------------------------------------------------------------------------------
    nb.md(
        """
        ## 6. The law: what a brief and a contract must require
        * **United States:** the FTC's Endorsement Guides (16 CFR Part 255): any *material connection* -
          payment, a free product, a family or business tie - must be disclosed clearly and conspicuously;
          the FTC's *Disclosures 101 for Social Media Influencers* (2019) asks for plain words ("ad",
          "sponsored") on the post itself, not only in a bio.
        * **United Kingdom:** the ASA applies the CAP Code, under which advertising must be obviously
          identifiable as advertising; the CMA enforces consumer-protection law against hidden advertising.
        * **European Union:** the Unfair Commercial Practices Directive (2005/29/EC) lists paid editorial
          content that does not make the payment clear among the practices banned in all circumstances.

        So the **brief** states the disclosure (which label, where, in which words) and the claims the
        product can back; the **contract** requires disclosure on every piece, lets the brand check and
        correct it, and never buys the creator's verdict. Not legal advice: rules differ and change.
        """,
        slide="slide",
    )

    # --- 7. two real cases --------------------------------------------------------------------------
    nb.md(
        f"""
        ## 7. Two real cases
        **Lord & Taylor (FTC, 2016).** For a 2015 launch, the retailer gave {_LT["creators"]:.0f} fashion
        creators the same dress and paid each USD {_LT["fee_low_usd"]:,.0f}-{_LT["fee_high_usd"]:,.0f} to post
        a photo wearing it on one weekend. The contracts required the brand's tag and hashtag and let it
        pre-approve every post - but required no disclosure of the payment. The posts reached
        {_LT["reached"] / 1e6:.1f} million Instagram users, drew {_LT["engagements"]:,.0f} engagements with
        the brand, and the dress sold out. The brand also paid for an article about the collection in the
        fashion magazine *Nylon*, which did not say it was paid for either. The FTC's order: no fine, but
        clear disclosure and monitoring from then on. (Exercise 08.q1 prices the reach.)

        **Warner Bros. (FTC, 2016).** For a late-2014 game launch, YouTube creators got early copies and
        payments from hundreds to tens of thousands of dollars. The sponsored videos were viewed more than
        {_WB["views"] / 1e6:.1f} million times ({_WB["pewdiepie_views"] / 1e6:.1f} million for one creator's alone).
        What went wrong was written into the deal (Exercise 08.q2).
        """,
        slide="slide",
    )
    nb.notes(
        """
        Both campaigns "worked" by reach and sales and still broke the rules: that is the lesson. The
        numbers are as published (FTC press releases; reach and view counts via press coverage). Let
        pairs find the clauses before you reveal them.
        """
    )

    # --- lab ----------------------------------------------------------------------------------------
    nb.md(
        """
        ## Lab: the deal
        Choose a pay model, a fee, a commission and a creator's platform and tier; the product's order value
        sets what a commission earns. The lab draws the post's sales from the synthetic past campaigns of
        that platform and tier and shows, for all four models, the creator's earnings (left) and the brand's
        cost per sale (right), with the range where 80 % of outcomes fall - and the sales level above
        which affiliate pays the creator more than the flat fee. The lab's hybrid adds the commission to
        the same fee, so it never pays the creator less than the flat fee; to try a hybrid with a smaller
        fee, lower the fee.
        """,
        slide="slide",
    )
    nb.volatile(
        """
        lab = widgets.DealLab()
        lab
        """
    )
    nb.code(
        """
        app_links.app_link("deal-lab")
        """
    )
    nb.code(
        """
        result = lab.set(pay_model="affiliate", platform="youtube", tier="micro", fee_usd=500, commission_pct=20)
        print(result.summary)
        plots.show(lab.fig)
        """,
        slide="fragment",
    )
    nb.md(
        """
        The same result as a table:
        """,
        slide="fragment",
    )
    nb.code(
        """
        lab.table_view()
        """
    )
    nb.md(
        """
        **Try:** raise the commission step by step and watch the creator's spread widen while the brand's
        cost per sale stays flat. Set the fee to the bottom of the cited range for the tier: how often does
        affiliate beat it? Then a mega-tier creator on YouTube: how many past campaigns does the forecast rest
        on (the left subtitle)?
        """,
        slide="fragment",
    )
    nb.notes(
        """
        Predict before each move: "if I double the commission, what happens to the brand's cost per sale
        under affiliate?" (It doubles, with no spread.) A tier with fewer than five past campaigns in the
        synthetic data would give a message instead of a forecast (none does with the bundled data; a
        smaller data set could).
        """
    )

    # --- exercises ----------------------------------------------------------------------------------
    nb.md(
        """
        ## Exercises
        Six exercises: two on the real cases, four judgement calls. Each feedback explains what you got
        wrong, line by line where there are lines.
        """,
        slide="slide",
    )
    nb.exercise(
        lesson08.q1,
        f"""
        ### Exercise 08.q1 - Lord & Taylor: what did the reach cost?
        `lord_and_taylor` holds the published facts: {_LT["creators"]:.0f} creators, each paid between
        USD {_LT["fee_low_usd"]:,.0f} and {_LT["fee_high_usd"]:,.0f}, {_LT["reached"] / 1e6:.1f} million people
        reached. If every creator got the **top** fee, how many USD of fees did each **1,000 people
        reached** cost? (Fees only: the dresses and the paid *Nylon* article are not counted.)
        """,
        slide="subslide",
    )
    nb.exercise(
        lesson08.q2,
        f"""
        ### Exercise 08.q2 - Warner Bros.: find the clauses
        The terms of a creator deal for a game launch, in no particular order. Some come from the deal
        the FTC described, some are added for the exercise. **Which clauses made the videos
        deceptive?**

{textwrap.indent(lesson08.wb_markdown(), "        ")}
        """,
        slide="subslide",
    )
    # 08.q1's explanation compares the answer with the cited Instagram CPM range: check both
    _bench = _data.load_benchmarks().set_index("key")["value"]
    assert (
        float(_bench["cpm_usd_instagram_low"]),
        float(_bench["cpm_usd_instagram_high"]),
    ) == lesson08.Q1_CPM_RANGE_USD, "08.q1: the cited CPM range changed"
    assert lesson08.q1.expected_value > lesson08.Q1_CPM_RANGE_USD[1], (
        "08.q1: explanation says above the range"
    )
    # 08.q3's scenario has exactly one model that meets both limits
    assert lesson08.fitting_models() == ["hybrid"], "08.q3: the scenario's answer changed"
    nb.exercise(
        lesson08.q3,
        f"""
        ### Exercise 08.q3 - choose a pay model, and say why

{textwrap.indent(lesson08.scenario_markdown(), "        ")}
        """,
        slide="subslide",
    )
    nb.exercise(
        lesson08.q4,
        f"""
        ### Exercise 08.q4 - mandatories, freedoms, and lines to cut
        A skincare brand's draft brief for a beauty creator. Sort every line: **M** keep as a mandatory,
        **F** keep as a freedom the creator decides, **X** cut because it over-controls the creator.

{textwrap.indent(lesson08.brief_markdown(), "        ")}
        """,
        slide="subslide",
    )
    nb.exercise(
        lesson08.q5,
        f"""
        ### Exercise 08.q5 - does the audience fit the launch market?
        A sauce brand launches in one country only and can pay **USD {lesson08.Q5_BUDGET_USD:,}** for one
        post. Four creators sent their media kits (`kit`: followers, audience authenticity, the share of
        their audience in the launch market, and their fee; synthetic). Which creator brings the most
        real people in the launch market within the budget?

{textwrap.indent(lesson08.kit_markdown(), "        ")}
        """,
        slide="subslide",
    )
    nb.exercise(
        lesson08.q6,
        f"""
        ### Exercise 08.q6 - spot the bad clauses
        A sportswear brand's draft contract with a micro creator paid USD 400. **Which clauses would you
        send back?**

{textwrap.indent(lesson08.contract_markdown(), "        ")}
        """,
        slide="subslide",
    )

    # --- quiz, templates, key points, what's next ---------------------------------------------------
    _N_QUIZ = {5: "Five", 6: "Six", 7: "Seven", 8: "Eight"}[len(lesson08.quiz.questions)]
    nb.md(
        f"""
        ## Concept quiz
        {_N_QUIZ} questions on pay, disclosure, usage rights and the law in the US, the UK and the EU.
        """,
        slide="slide",
    )
    nb.volatile(
        """
        ex.quiz
        """
    )
    _links = "\n".join(f"* [{title} template](../templates/{file})" for file, title in TEMPLATES.items())
    nb.md(
        f"""
        ## Templates to take away
        Four Markdown templates, usable as they are: copy one, replace each `[fill in: ...]` marker, delete
        what does not apply. The capstone ([{_CAPSTONE.number} {_CAPSTONE.title}]({_CAPSTONE.notebook}))
        uses them.

{textwrap.indent(_links, "        ")}
        """,
        slide="slide",
    )
    nb.md(
        """
        ## Key points
        * Every pay model hands the risk of a weak post to someone: a flat fee to the brand, affiliate to
          the creator, a hybrid to both; gifting may buy no post at all.
        * Affiliate pays the creator more than a flat fee only above a sales level: fee / (commission x order
          value). Check how often past posts reached it.
        * Negotiate against a cited range per tier and platform, and price usage rights, exclusivity,
          deliverables and timing separately.
        * A brief is short on rules and explicit about freedoms; too much control costs the creator's voice,
          which is what the brand pays for.
        * A contract gives usage, exclusivity and amplification a scope, a duration and a price, and binds
          both sides fairly.
        * Vet before you sign: brand safety, real followers, and followers in the market you sell in.
        * The law (FTC, ASA/CAP and CMA, EU) requires a clear disclosure on every paid or gifted post; put it
          in the brief and the contract. Lord & Taylor and Warner Bros. "worked" and still broke it.
        """,
        slide="slide",
    )
    nb.md(
        f"""
        ## What's next
        Continue with **[{_NEXT.number} - {_NEXT.title}]({_NEXT.notebook})**: once the deal is signed and the
        posts are live, measure what they did. Back:
        [07 - What does not work](07_what_does_not_work.ipynb),
        [00 - Start here](00_start_here.ipynb).
        """,
        slide="subslide",
    )
    nb.md(
        """
        ### Sources
        * The course's source article (VOI, "What is influencer marketing"): do not impose the brand's
          business rules on the creator; the audience is the creator's (taught in the course's own words).
        * Price ranges per post by tier and platform: Influencer Marketing Hub, widely quoted (vendor; read
          in secondary sources), in the `benchmarks` table.
        * FTC Endorsement Guides, 16 CFR Part 255; FTC, "Disclosures 101 for Social Media Influencers"
          (2019).
        * Lord & Taylor: FTC press releases (complaint March 2016, final order May 2016, File No.
          152-3181); reach and engagement figures via press coverage.
        * Warner Bros. Home Entertainment: FTC press release (July 2016); view counts via press coverage.
        * UK: ASA and the CAP Code (advertising must be obviously identifiable); CMA (consumer-protection
          law). EU: Unfair Commercial Practices Directive 2005/29/EC, Annex I.
        * Data: synthetic and seeded (`datasets/README.md`); the media kit in 08.q5 and the gifting post
          chance are invented for the lesson.
        """,
        slide="subslide",
    )
    return nb
