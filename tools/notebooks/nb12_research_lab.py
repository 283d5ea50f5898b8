"""Source of notebooks/12_research_lab.ipynb (build with `python tools/nbtools.py 12`)."""

import numpy as np

from helpers import course, metrics
from helpers.exercises import lesson12
from nbtools import NB

NAME = "12_research_lab"
MINUTES = course.lesson(NAME[:2]).minutes  # stated time comes from helpers.course.COURSE
#: the course's one name and formula for the metric in the column `lift` (helpers.metrics registry)
PAID = next(m for m in metrics.SPONSORED_VS_ORGANIC if m.function == "paid_post_performance")


def _facts() -> dict[str, str]:
    """Numbers the text states, computed from the data the notebook reads (the build fails if a
    sentence would stop being true): where engagement flattens (HypeAuditor and course data, the
    same rule as lesson 02's trainer note), and where the fitted peak of paid-post performance falls
    in each tier scheme, against lesson 03's best Mediakix tier."""
    from helpers import data, plots
    from helpers.analysis import finding, trust

    influencers, posts = data.load_influencers(), data.load_posts()
    creators = finding.creator_table(influencers, posts)
    er_bins = finding.binned_medians(creators["followers"], creators["er_pct"], width=0.5)
    course_flat = finding.flattens_above((10 ** er_bins["log10_lo"]).to_list(), er_bins["median"].to_list())
    lifts = creators.dropna(subset=["lift"])
    peak = 10 ** finding.fit_log_followers(lifts["followers"], lifts["lift"], degree=2).vertex
    lesson03 = trust.paid_post_performance_by_tier(trust.paid_post_performance_by_creator(posts, influencers))
    best03 = str(lesson03["median_ratio"].idxmax())
    peak_tier = {key: str(metrics.assign_tier(peak, key)) for key in ("mediakix", "hypeauditor")}

    def span(key: str, tier: str) -> str:
        bounds = (*metrics.TIER_SCHEMES[key].lower_bounds, None)
        i = metrics.TIER_SCHEMES[key].labels.index(tier)
        return f"{plots.human_number(bounds[i])}-{plots.human_number(bounds[i + 1])}"

    # what the sentences say: the peak is not in lesson 03's best Mediakix tier, but it is in the
    # HypeAuditor tier of the same name; the two Mediakix medians are close
    assert peak_tier["mediakix"] != best03 and peak_tier["hypeauditor"] == best03, (peak_tier, best03)
    ratios = lesson03["median_ratio"]
    return {
        "ha_flat": plots.human_number(finding.published_er_flattens_above()),
        "course_flat": finding.follower_label(float(np.log10(course_flat))),
        "peak": finding.follower_label(float(np.log10(peak))),
        "peak_mk": peak_tier["mediakix"],
        "peak_mk_span": span("mediakix", peak_tier["mediakix"]),
        "best03": best03,
        "best03_span": span("mediakix", best03),
        "ha_span": span("hypeauditor", best03),
        "ratio_peak_mk": f"{ratios[peak_tier['mediakix']]:.2f}",
        "ratio_best03": f"{ratios[best03]:.2f}",
    }


def build() -> NB:
    f = _facts()
    nb = NB(NAME)
    nb.md(
        f"""
        # Research lab: your own data, a published finding

        **In {MINUTES} minutes you will reproduce two published findings about followers and engagement with
        honest uncertainty, say what such data can and cannot show, and run the same analysis on a creator
        export you bring yourself.**
        """,
        slide="slide",
    )
    nb.notes(
        """
        This is the analyst's lesson: less marketing vocabulary, more method. Promise the room one thing
        at the start - by the end they can load a messy export and say, with an interval, whether a
        published pattern shows up in it, and why the answer might still not be the whole truth. If
        some learners brought their own CSV, ask them to keep it ready for the lab.
        """
    )
    nb.md(
        f"""
        ## Objectives
        By the end of this notebook you can:
        1. state two published findings - engagement falls as followers grow; engagement with sponsored
           posts is an inverted U in followers - with their sources;
        2. measure a pattern across creator sizes with medians in log-follower bins, 95 % bootstrap
           intervals and a fit in log followers, and read the fit (change per tenfold followers, peak);
        3. explain three caveats: the data are observational, a "top creators" list is not a sample, and
           tier cut-offs can change a conclusion;
        4. read your own creator export, check the reader's report, and run the same analysis on it.

        **Time to learn:** {MINUTES} minutes. **Prerequisites:** the capstone,
        [11 - Plan a campaign end to end](11_capstone_campaign_plan.ipynb), or at least
        [09 - Metrics and money](09_metrics_and_money.ipynb) for engagement-rate definitions. The
        exercises need a few lines of pandas and numpy; every starter cell runs as it is.
        """,
        slide="subslide",
    )
    nb.md(
        """
        ## Setup
        One cell loads the helpers and builds one row per creator: followers, engagement rate and
        *paid-post performance* (defined in Step 3). In code its column is called `lift` for short; the
        table below shows it under its full name. The course data is **synthetic**: generated by a seeded
        program that builds both findings in on purpose, so here we test our *method* on data where we
        know the answer - before we point it at data where we do not.
        """,
        slide="slide",
    )
    nb.code(
        """
        from helpers import app_links, data, plots, tables, widgets
        from helpers.analysis import finding
        from helpers.exercises import ____, lesson12 as ex

        plots.apply_style()
        influencers = data.load_influencers()
        posts = data.load_posts()
        creators = finding.creator_table(influencers, posts)  # one row per creator
        lifts = creators.dropna(subset=["lift"])  # creators with enough sponsored and organic posts
        shown = creators[["handle", "platform", "followers", "er_pct", "lift"]]
        tables.show(shown.rename(columns={"lift": "paid_post_performance"}).head())
        """
    )

    # --- 1. the published findings ---------------------------------------------------------------------
    nb.md(
        """
        ## Two findings, as published
        **Engagement falls as followers grow.** HypeAuditor measured about 37,000 Instagram accounts in
        2018: the median account under 1,000 followers had an engagement rate (likes and comments per
        follower) of 16.99 %; above 1 million followers, 2.56 %. HypeAuditor sells audit software, so
        this is a vendor's benchmark - but one that states its definition and its sample size.

        **Sponsored engagement is an inverted U.** Wies, Bleier & Edeling (2023), *Journal of Marketing*,
        studied 802 Instagram campaigns with more than 1,700 influencers. Engagement with sponsored
        posts first rises with follower count, then falls: a bigger following means more people see the
        post, but each follower's tie to the creator is weaker. Content tailored to the audience and less
        familiar brands flatten the curve. We do not quote a peak follower count from the paper: where
        the peak lies depends on the sample.
        """,
        slide="slide",
    )
    nb.code(
        """
        published = finding.published_er_table()
        fig, ax = plots.new_figure()
        finding.draw_published_er(ax, published)
        plots.show(fig)
        """
    )
    nb.notes(
        """
        Point at the mean bars: they are *lower* than the medians in every band - a long tail of accounts
        with very little engagement pulls the mean down. That is why the rest of the lesson uses medians.
        Ask: "What would you need to know before trusting 16.99 %?" (how accounts were chosen, which
        posts, the ER definition). Keep the Wies paper's mechanism on the board: reach up, relationship
        down; it returns in the paid-post performance section.
        """
    )

    # --- 2. binned medians with bootstrap intervals ---------------------------------------------------
    nb.md(
        """
        ## Step 1: medians in log-follower bins, with bootstrap intervals
        Followers span five orders of magnitude, from a few hundred to tens of millions, so we group
        creators by the **logarithm** of their followers: every bin covers the same *factor* (a width of
        0.5 decades is a factor of about 3.2). Sparse bins at the ends are merged until each holds at
        least 15 creators.

        In each bin we take the **median** engagement rate (robust to a few extreme accounts) and ask how
        much it could move with another sample of creators. The **bootstrap** answers that: draw a new
        sample of the same size from our creators, with replacement, recompute the median, repeat 500
        times; the middle 95 % of those medians is the **95 % confidence interval**. The draws are seeded,
        so the numbers are the same on every run.
        """,
        slide="slide",
    )
    nb.code(
        """
        er_bins = finding.binned_medians(creators["followers"], creators["er_pct"], width=0.5)
        fig, ax = plots.new_figure()
        finding.draw_finding(ax, er_bins, None, measure="er")
        finding.draw_published(ax)
        first, last = er_bins["median"].iloc[0], er_bins["median"].iloc[-1]
        plots.set_title(
            ax,
            f"Course data: median ER falls from {first:.1f}% to {last:.1f}% across follower bins",
            "synthetic course data, all platforms; medians with 95% bootstrap CIs; dotted: HypeAuditor 2018",
        )
        plots.show(fig)
        """
    )
    nb.code(
        """
        spec = {"bin": tables.Column("followers"), "n": tables.Column("creators")}
        spec["median"] = tables.Column("median ER, 95% CI", "%", "decimal2", ("median", "ci_low", "ci_high"))
        tables.show(er_bins.round(2), spec, rest=False)
        """,
        slide="fragment",
    )
    nb.notes(
        """
        The synthetic data was calibrated to HypeAuditor's Instagram medians, so agreement with the dotted
        line is a check of the calibration, not independent evidence. The course data mixes platforms
        (TikTok rates are several times Instagram's, YouTube's lower), which can raise a bin above the
        Instagram line. Wide intervals at the ends come from few creators: count them in the table.
        """
    )

    # --- 3. a fit in log followers ----------------------------------------------------------------------
    nb.md(
        f"""
        ## Step 2: a fit in log followers
        Bins show the shape; a fit gives one number with an interval. We fit a straight line to
        **ln(engagement rate)** against **log10(followers)** (`numpy.polyfit`). One step of 1 on the x
        axis is ten times the followers, so the slope turns into a percent change per tenfold followers:
        (e^slope − 1) × 100. Its interval comes from refitting on 500 randomly re-weighted versions of
        the creators (a form of bootstrap that gives every creator a random weight instead of drawing
        them; the method is in `helpers.analysis.finding`).

        A line is a summary, not the truth: HypeAuditor's medians flatten above about {f["ha_flat"]} followers
        (the same benchmark as lesson 02) and the course data's above about {f["course_flat"]}, so one straight
        line runs below the bins of the biggest accounts. Report the line *with* the bins.
        """,
        slide="slide",
    )
    nb.code(
        """
        er_fit = finding.fit_log_followers(creators["followers"], creators["er_pct"], degree=1)
        fig, ax = plots.new_figure()
        finding.draw_finding(ax, er_bins, er_fit, measure="er")
        plots.set_title(ax, finding.headline("er", er_fit), finding.interval_text("er", er_fit, short=True))
        plots.show(fig)
        """
    )
    nb.code(
        """
        print(f"{finding.headline('er', er_fit)}; {finding.interval_text('er', er_fit)}.")
        print(f"{er_fit.n:,} creators, {er_fit.x_max - er_fit.x_min:.1f} decades of followers.")
        """,
        slide="fragment",
    )
    nb.notes(
        """
        Why a log of the engagement rate? Rates are ratios and fall by *factors*, not by fixed points; on
        a log scale a constant factor per decade is a straight line, and the fit can never predict a
        negative rate. Exercise 12.q2 asks learners to do this fit by hand - show the formula on the
        board once, e^slope − 1, with slope −0.5 giving about −39 %.
        """
    )

    # --- 4. the inverted U of paid-post performance ------------------------------------------------------
    nb.md(
        f"""
        ## Step 3: sponsored engagement and its inverted U
        To compare creators of any size we measure sponsored engagement *relative to each creator's own
        posts*: **{PAID.name}** (lesson 03, Modash's definition; the column `lift`) = {PAID.formula}.
        With engagement rate by followers the follower count cancels, so the code divides mean likes +
        comments per sponsored post by the same for organic posts: the very number lesson 03 computes. 1.0 means sponsored
        posts engage as well as the creator's usual posts. Creators need at least one sponsored and three
        organic posts.

        A straight line cannot bend, so here the fit is a **parabola** in log followers. If it curves
        down (negative x² coefficient), its top - the **vertex**, −c1 / (2 c2) - is where paid-post performance peaks. We
        call it an inverted U only when at least 95 % of the bootstrap refits also curve down with their
        peak inside the range of the data.
        """,
        slide="slide",
    )
    nb.code(
        """
        lift_bins = finding.binned_medians(lifts["followers"], lifts["lift"], width=0.5)
        lift_fit = finding.fit_log_followers(lifts["followers"], lifts["lift"], degree=2)
        fig, ax = plots.new_figure()
        finding.draw_finding(ax, lift_bins, lift_fit, measure="lift")
        plots.set_title(ax, finding.headline("lift", lift_fit), finding.interval_text("lift", lift_fit, short=True))
        plots.show(fig)
        """
    )
    nb.code(
        """
        print(f"{finding.headline('lift', lift_fit)}; {finding.interval_text('lift', lift_fit)}.")
        print(
            f"{lift_fit.n:,} creators with a paid-post performance; c2 = {lift_fit.coef[0]:.3f} "
            f"(95% CI {lift_fit.coef_ci[0][0]:.3f} to {lift_fit.coef_ci[0][1]:.3f})"
        )
        """
    )
    nb.md(
        f"""
        The generator produced this peak from the two mechanisms the paper describes - a sponsored post
        reaches relatively more people on bigger accounts, and the relationship with followers weakens
        with size - without coding a peak anywhere (datasheet, effect 2). One honest limit: the U is in
        engagement *relative to organic posts*. Absolute sponsored engagement keeps rising with size in
        our data, while the paper reports the inverted U for engagement itself.

        Lesson 03 found ads doing best in the **{f["best03"]}** tier, yet {f["peak"]} followers is a
        **{f["peak_mk"]}** creator for Mediakix ({f["peak_mk_span"]}; {f["best03"]}: {f["best03_span"]}). Both hold: the
        peak is one point of a fitted curve, a tier's median summarises a whole band, and the two tiers'
        medians are close ({f["ratio_peak_mk"]} vs {f["ratio_best03"]}). Under HypeAuditor's cut-offs the same
        {f["peak"]} is {f["best03"]}-tier ({f["ha_span"]}): tier labels depend on who counts (lesson 01; Caveat 3).
        """,
        slide="fragment",
    )
    nb.notes(
        """
        Make the shaded band concrete: "if we had drawn a different set of creators, the peak would
        usually land inside this band." Then make the main point: reproducing a pattern in data that was
        built to contain it proves the analysis works, not that the world works this way.
        """
    )

    # --- 5. caveat: observational data ----------------------------------------------------------------------
    nb.md(
        """
        ## Caveat 1: observational data
        Every number so far compares *different* creators. Big accounts are not small accounts that grew:
        they differ in audience, fame, content and - in the course data - in **fake followers**, whose
        share grows with size (datasheet, effect 4). Fake followers never like or comment, so they pull
        the engagement rate down. Compare the engagement rate per follower with the rate per *real*
        follower (followers × audience authenticity): part of the fall is fake followers, and nothing
        here says a creator who grows will lose engagement.
        """,
        slide="slide",
    )
    nb.code(
        """
        real_fit = finding.fit_log_followers(creators["followers"], creators["er_real_pct"])
        real_bins = finding.binned_medians(creators["followers"], creators["er_real_pct"])
        fig, ax = plots.new_figure()
        finding.draw_series(
            ax, {"per follower": (er_bins, er_fit), "per real follower": (real_bins, real_fit)}, measure="er"
        )
        plots.set_title(
            ax,
            f"Per real follower, ER falls {abs(real_fit.change_per_decade_pct):.0f}% per tenfold, "
            f"not {abs(er_fit.change_per_decade_pct):.0f}%",
            "synthetic course data; real followers = followers x audience authenticity",
        )
        plots.show(fig)
        """
    )
    nb.notes(
        """
        Real exports rarely carry an authenticity estimate, so learners cannot make this correction on
        their own files - which is the point: an unmeasured difference between big and small accounts can
        explain part of any pattern. Other candidates to name aloud: platform mix (TikTok rates are
        several times Instagram's), celebrities (famous offline, weaker ties), niche.
        """
    )

    # --- 6. caveat: top lists ---------------------------------------------------------------------------
    nb.md(
        """
        ## Caveat 2: a "top creators" list is not a sample
        A well-known public data set on Kaggle, "Top Instagram Influencers Data", lists about 200 of the
        *most-followed* Instagram accounts. A list chosen by followers holds only the top of the range, so it cannot show
        how smaller accounts behave, and a pattern across all sizes can vanish inside it. Compare the
        course data's 200 most-followed creators with 200 drawn at random:
        """,
        slide="slide",
    )
    nb.code(
        """
        comparison = finding.compare_samples(creators, "er_pct")  # all, top 200, 200 at random
        top = comparison["top 200 by followers"][1]
        fig, ax = plots.new_figure()
        finding.draw_series(ax, comparison, measure="er")
        plots.set_title(
            ax,
            f"The top 200 see {top.change_per_decade_pct:+.0f}% per tenfold followers, "
            f"all creators {er_fit.change_per_decade_pct:+.0f}%",
            "synthetic course data; lines: fits in log followers over each sample's range",
        )
        plots.show(fig)
        """
    )
    nb.code(
        """
        for name, (_, fit) in comparison.items():
            print(
                f"{name:>22}: {finding.follower_label(fit.x_min)}-{finding.follower_label(fit.x_max)} "
                f"followers; {finding.interval_text('er', fit)}"
            )
        """
    )
    nb.notes(
        """
        Compare the printed intervals: the random 200 should land near the full-data slope with a wider
        interval, while the top 200 cover only the flat end of the curve. This is selection on the x variable; selecting on the outcome (e.g.
        "the most engaging creators") is worse still. Ask: which lists in your own work are chosen this way?
        """
    )

    # --- 7. caveat: tier cut-offs ------------------------------------------------------------------------
    nb.md(
        """
        ## Caveat 3: tier cut-offs can change the conclusion
        Reports often say "micro creators perform best". But tiers have no standard (lesson 01): "mid"
        means 50K-500K followers for Mediakix, 100K-500K for Later x Fohr and 20K-100K for HypeAuditor.
        Here is the median paid-post performance per tier under each scheme, for the same creators:
        """,
        slide="slide",
    )
    nb.code(
        """
        tiers = finding.tier_medians(lifts, "lift")
        schemes = [name for name in tiers.columns if not name.startswith("n ")]
        fig, axes = plots.new_figure(len(schemes), 1, figsize=(9, 10))  # one panel per scheme, stacked
        for ax, scheme in zip(axes, schemes, strict=True):
            finding.draw_tier_medians(ax, tiers[[scheme]], ylabel="median paid-post\\nperformance")
            ax.set_ylim(0, 1.3 * tiers[schemes].max().max())  # the same scale in every panel
            ax.legend(loc="upper left")  # the scheme's name, clear of the value labels
            ax.set_xlabel("")
        axes[-1].set_xlabel("tier (each scheme's own cut-offs)")
        where = "synthetic course data; tier cut-offs from each source"
        plots.set_title(axes[0], finding.tier_headline(tiers), where)
        print(finding.tier_sentence(tiers))
        plots.show(fig)
        """
    )
    nb.notes(
        """
        Two things to draw out. First, the same word names different creators, so "mid-tier wins" is
        undefined without the scheme. Second, look at how close the top tiers are and compare the gap with the
        bin intervals from Step 3: a "best tier" claim needs an interval as much as any other estimate. A fit in log followers avoids arbitrary cut-offs altogether.
        """
    )

    # --- 8. bring your own data -------------------------------------------------------------------------
    nb.md(
        """
        ## Bring your own data
        Exports from platforms and public data sets are messy: `3.3k`, `475.8m`, `1,39%`, `NaN%`, empty
        cells, `;` or `,`, headers such as `Channel Info` or `60_day_eng_rate`. `data.read_influencer_export`
        reads them into standard columns (`handle`, `followers`, `avg_likes`, `engagement_rate_pct` in
        percent, ...) and keeps a **report** of everything it renamed, parsed and dropped. It only reads:
        your file is never changed.

        The course ships one example: `datasets/examples/creator_search_export.csv`, a **synthetic**
        "creator search" export of 300 simulated Instagram creators with 10K+ followers, written the way
        a European tool would (semicolons, decimal commas, a title and a footer line).
        """,
        slide="slide",
    )
    nb.code(
        """
        export = data.read_influencer_export(finding.example_export_path(), name="creator_search_export.csv")
        print(data.describe_report(export))
        """
    )
    nb.code(
        """
        mine, notes = finding.export_creators(export)  # followers, er_pct, paid-post performance (`lift`)
        print("\\n".join(notes))
        print(finding.analyse(mine).summary())
        """
    )
    nb.md(
        """
        A file the reader cannot use - an Excel workbook, a saved web page, a file without a follower
        column - raises a `ValueError` that says what is wrong and what the file needs:
        """,
        slide="fragment",
    )
    nb.code(
        """
        try:
            data.read_influencer_export(b"<!DOCTYPE html><html><body>Please log in</body></html>", name="export.csv")
        except ValueError as error:
            print(error)
        """
    )
    nb.notes(
        """
        Walk through the report line by line: encoding, delimiter, skipped title line, renamed headers,
        how numbers were read (decimal commas, k/M suffixes, NaN%), the dropped footer, the unreadable
        follower count. Then ask why the example's search filter (10K+ followers) matters for the
        findings - it is caveat 2 again, in a milder form.
        """
    )

    # --- 9. the lab ----------------------------------------------------------------------------------
    nb.md(
        """
        ## Lab: does the finding hold in these data?
        Pick the data (the course data, the example export, or **your file** - press **Upload CSV**; in
        Binder the file stays in memory and is never saved), the measure, the sample and the bin width.
        The sentence above the figure states the finding with its interval; below the figure, the
        reader's report of the file and what the analysis left out.

        Try:
        1. Paid-post performance on the course data, then switch the sample to **top 200**: what happens to the peak?
        2. Bin width 0.25 and then 1.0: does the headline change? (The fit does not use the bins.)
        3. The example export: which of the two findings survives its 10K+ search filter?
        4. Your own export, if you have one: how many decades of followers does it cover?
        """,
        slide="slide",
    )
    nb.volatile(
        """
        lab = widgets.ResearchLab()
        lab
        """
    )
    nb.code(
        """
        app_links.app_link("research-lab")
        """
    )
    nb.md(
        """
        The same from code - `lab.load_file(...)` takes a path, bytes or an uploaded file:
        """,
        slide="fragment",
    )
    nb.code(
        """
        print(lab.set(source="bundled", measure="lift", sample="top200", bin_width=0.5).summary)
        lab.set(sample="all")
        print(lab.load_file(finding.example_export_path(), name="creator_search_export.csv").summary)
        """
    )
    nb.md(
        """
        A file the lab cannot use gets a message saying what is wrong and how to fix it. To show one
        without breaking the lab above, a second lab reads a file with no follower column:
        """,
        slide="fragment",
    )
    nb.code(
        """
        demo = widgets.ResearchLab()  # a separate lab, only for this demonstration
        print(demo.load_file(b"handle;likes\\nsomeone;120\\n", name="no_followers.csv").message)
        """
    )
    nb.notes(
        """
        On the projector, use prompt 1 first and read the summary aloud: it says whether a clear peak
        survives in the top-200 sample, and why a top list cannot show the rising side. If a learner uploads a real export, read its report aloud before its finding - most
        surprises are in the report. A Kaggle top-200 file is the perfect live demonstration of caveat 2.
        """
    )

    # --- exercises ------------------------------------------------------------------------------------
    nb.md(
        """
        ## Exercises
        Replace each `____` and run the cell; the check says what is right or which slip you made.
        Stuck? Add a cell with `ex.q1.hint()` (run it again for the next hint) or `ex.q1.solution()` -
        the same for `q2`, `q3`, `q4`.

        **Exercise 12.q1 - how much more small accounts engage.** How many times higher is the median
        engagement rate of creators with **fewer than 10,000** followers than that of creators with
        **1,000,000 or more**?
        """,
        slide="slide",
    )
    nb.code(
        """
        import numpy as np  # the exercises fit lines and parabolas with numpy.polyfit
        """
    )
    nb.code(lesson12.q1.cell_code())
    nb.md(
        """
        **Exercise 12.q2 - does the fall survive a filter?** The figures above mix three platforms, and
        platforms differ in their typical engagement. Keep only the **YouTube** creators, fit a straight
        line to ln(engagement rate) against log10(followers), and give the percent change of the fitted
        engagement rate per tenfold increase in followers (negative when it falls, e.g. -25.0). Is the
        finding still there?
        """,
        slide="subslide",
    )
    # the exercises' texts and lesson12's feedback say both findings survive the YouTube filter
    _yt_change, _all_change = lesson12._change_per_decade(), lesson12._change_per_decade(None)
    assert _yt_change < 0 and abs(_yt_change - _all_change) < 10, "12.q2: 'about as steeply' on YouTube"
    assert lesson12._vertex_coefficients()[0] < 0, "12.q3: still an inverted U on YouTube"
    assert lesson12._peak_followers() < lesson12._peak_followers(None), "12.q3: YouTube's peak sits lower"
    nb.code(lesson12.q2.cell_code())
    nb.md(
        """
        **Exercise 12.q3 - where does the peak sit on YouTube?** The starter fits a parabola to the log of paid-post
        performance (`np.log(yt['lift'])`)
        against log10(followers) for the YouTube creators only. At how many **followers** is its peak - and
        is it still an inverted U?
        """,
        slide="subslide",
    )
    nb.code(lesson12.q3.cell_code())
    nb.md(
        """
        **Exercise 12.q4 - what the analysis can use.** In the example export, how many creators with
        **100,000 or more followers** also have an engagement rate above 0 - how many big accounts can
        the engagement-rate analysis use?
        """,
        slide="subslide",
    )
    nb.code(lesson12.q4.cell_code())
    nb.notes(
        """
        12.q1 and 12.q2 are the first finding in two forms (a ratio of medians, a slope on YouTube
        alone: does it survive the filter?); 12.q3 is the second, on YouTube; 12.q4 is the habit of
        counting what an analysis actually used. Answers and methods are in
        lessons/12_research_lab.md.
        """
    )

    # --- quiz, key points, next ------------------------------------------------------------------------
    nb.md(
        """
        ## Concept quiz
        Five questions on reading a finding honestly: choose an answer and press **Check**.
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
        * Published: median engagement rate falls as followers grow (HypeAuditor 2018, a vendor
          benchmark); sponsored engagement is an inverted U in followers (Wies, Bleier & Edeling 2023).
        * Method: medians in log-follower bins with bootstrap intervals show the shape; a fit in log
          followers gives one number with an interval - a change per tenfold followers, or a peak.
        * The course data reproduces both because it was built to: that validates the method, not the world.
        * Caveats: comparisons across creators are not effects of growing; a top list is chosen by
          followers and is not a sample; tier cut-offs change "which tier is best".
        * Your own export: read it, read its report, count what the analysis used, then report the
          finding with its interval and its range of followers.
        """,
        slide="slide",
    )
    nb.md(
        """
        ## What's next
        This is the last lesson. Go back to **[00 - Start here](00_start_here.ipynb)** for the course map,
        or to **[11 - Plan a campaign end to end](11_capstone_campaign_plan.ipynb)** to use what you measured
        here in a plan. Then bring a real export to the lab.
        """,
        slide="subslide",
    )
    return nb
