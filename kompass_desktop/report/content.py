"""The report's front matter and chapters 1–2 (the structure of SKR's published reports).

Chapters 3–5 are in :mod:`.areas`.  Every figure comes from ``ctx.summary`` (scores) or
``ctx.chart`` (comparisons); nothing is summed or compared here.
"""

from __future__ import annotations

from reportlab.lib.units import cm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    Spacer,
)
from reportlab.platypus.tableofcontents import TableOfContents
from reportlab.platypus.tables import Table, TableStyle

from ..domain.checks import Severity
from ..domain.comparison import SeriesKind
from ..domain.model import InterviewGroup, TextScope
from ..domain.scoring import format_exact, round_display
from . import charts
from .context import ReportContext
from .fonts import REGULAR
from .markup import NBSP, concat, esc, para, styled
from .styles import ACCENT_LIGHT, RULE, TEXT_WIDTH
from .text import (
    MONTHS,
    Heading,
    genitive,
    join_sv,
    lower_first,
    month_year,
    ordinal,
    parse_iso_date,
    plain_list,
    text_flowables,
)

MISSING_TEXT = "[Text saknas]"


def h1(ctx: ReportContext, text: str, key: str, toc: bool = True) -> Heading:
    return Heading(text, ctx.st.h1, key=key, level=0, toc=toc)


def h2(ctx: ReportContext, text: str, key: str, toc: bool = True) -> Heading:
    return Heading(text, ctx.st.h2, key=key, level=1, toc=toc)


def body_text(ctx: ReportContext, text: str, section: str, required: bool = True) -> list[Flowable]:
    placeholder = MISSING_TEXT if ctx.draft and required else None
    return text_flowables(text, ctx.st, section=section, numbering=ctx.numbering, placeholder=placeholder)


def numbered(ctx: ReportContext, text: str, section: str) -> list[Flowable]:
    """Generated running text (one paragraph), numbered like the evaluator's texts in drafts."""
    return text_flowables(text, ctx.st, section=section, numbering=ctx.numbering)


# -- front matter ----------------------------------------------------------------------------


def open_items_page(ctx: ReportContext) -> list[Flowable]:
    st = ctx.st
    story: list[Flowable] = [
        Heading("Utkast — öppna punkter", st.h1, key="open-items", level=0, toc=False),
        para(
            esc(
                f"Detta är ett utkast av rapporten om {ctx.name}, skapat {ctx.now:%Y-%m-%d %H:%M}. "
                "Det är inte en slutlig rapport och ska inte spridas som en sådan."
            ),
            st.body,
        ),
        para(esc(ctx.stamp), st.small),
    ]
    required = [i for i in ctx.items if i.severity == Severity.REQUIRED]
    warnings = [i for i in ctx.items if i.severity != Severity.REQUIRED]
    if not ctx.items:
        story.append(para(esc("Inga öppna punkter: den slutliga rapporten kan skapas."), st.h3))
    if required:
        story.append(
            para(esc(f"Måste vara klart innan den slutliga rapporten kan skapas ({len(required)})"), st.h3)
        )
        story.extend(plain_list((i.message for i in required), st.small_bullet))
    if warnings:
        story.append(para(esc(f"Bör ses över ({len(warnings)})"), st.h3))
        story.extend(plain_list((i.message for i in warnings), st.small_bullet))
    story.append(para(esc("Hänvisningar i marginalen"), st.h3))
    story.append(
        para(
            concat(
                esc("Varje stycke har ett nummer i vänstermarginalen som kommentarer kan hänvisa till: "),
                styled("1¶3", bold=True),
                esc(" är kapitel 1, stycke 3; "),
                styled("4.0¶1", bold=True),
                esc(" är område 4, Allmänt, stycke 1; "),
                styled("4.2¶3", bold=True),
                esc(" är delfråga 4.2, stycke 3. Saknade texter visas som "),
                styled(MISSING_TEXT, italic=True, colour="#B3261E"),
                esc("."),
            ),
            st.small,
        )
    )
    return story


def title_page(ctx: ReportContext) -> list[Flowable]:
    st = ctx.st
    info = ctx.snap.info
    when = month_year(ctx.report_month)
    story: list[Flowable] = [
        Spacer(1, 5.6 * cm),
        para(esc(ctx.name), st.title),
        para(esc(ctx.title), st.title_sub),
        para(esc(when[:1].upper() + when[1:]), st.title_meta),
    ]
    if info.evaluators:
        story.append(para(esc(f"Utvärderare: {join_sv(list(info.evaluators))}"), st.title_meta))
    if ctx.draft:
        story += [Spacer(1, 1 * cm), para(esc(ctx.stamp), st.small)]
    return story


def contents(ctx: ReportContext) -> list[Flowable]:
    toc = TableOfContents()
    toc.levelStyles = [ctx.st.toc1, ctx.st.toc2]
    toc.tableStyle = TableStyle(
        [
            ("FONTNAME", (0, 0), (-1, -1), REGULAR),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 0),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
        ]
    )
    toc.dotsMinLevel = 0
    return [para(esc("Innehåll"), ctx.st.toc_title), toc]


# -- chapter 1 -----------------------------------------------------------------------------------


def chapter_intro(ctx: ReportContext) -> list[Flowable]:
    fw = ctx.snap.framework
    return [h1(ctx, f"1 {fw.intro_title}", "ch1"), *body_text(ctx, fw.intro_text, "1")]


# -- chapter 2 -----------------------------------------------------------------------------------


def evaluation_text(ctx: ReportContext) -> str:
    """'Utvärderingen av … genomfördes i oktober år 2025 och var kommunens andra …' from the registers."""
    snap, info = ctx.snap, ctx.snap.info
    start, end = parse_iso_date(info.start_date), parse_iso_date(info.end_date)
    if start and end and (start.year, start.month) != (end.year, end.month):
        if start.year == end.year:
            when = f" i {MONTHS[start.month - 1]}–{MONTHS[end.month - 1]} år {end.year}"
        else:
            when = f" mellan {month_year(start)} och {month_year(end)}"
    elif start or end:
        day = start or end
        assert day is not None
        when = f" i {MONTHS[day.month - 1]} år {day.year}"
    else:
        when = f" år {info.year}" if info.year else ""
    sentences = [f"Utvärderingen av {ctx.name} genomfördes{when}"]
    if info.evaluation_number:
        sentences[0] += (
            f" och var kommunens {ordinal(info.evaluation_number)} utvärdering enligt "
            "Kommunkompassens kriterier"
        )
    sentences[0] += "."
    years = sorted({e.year for e in snap.earlier})
    if len(years) == 1:
        sentences.append(f"Den tidigare utvärderingen genomfördes år {years[0]}.")
    elif years:
        sentences.append(f"De tidigare utvärderingarna genomfördes åren {join_sv([str(y) for y in years])}.")
    activities = []
    if snap.documents:
        n = len(snap.documents)
        activities.append(f"studerat {n} dokument")
    if snap.web_sources:
        social = any("sociala" in w.kind.lower() for w in snap.web_sources)
        activities.append("granskat kommunens webbplats" + (" och sociala medier" if social else ""))
    if snap.interviews:
        n = len(snap.interviews)
        counts = [
            i.participants if i.participants is not None else (len(i.names) or None) for i in snap.interviews
        ]
        persons = sum(c for c in counts if c)
        interviews = f"genomfört {n} {'intervju' if n == 1 else 'intervjuer'}"
        if persons:
            prefix = "minst " if None in counts else "sammanlagt "
            interviews += f" med {prefix}{persons} {'person' if persons == 1 else 'personer'}"
        activities.append(interviews + " i organisationen")
    if activities:
        sentences.append("Utvärderingsgruppen har " + join_sv(activities) + ".")
    groups = interview_groups(ctx)
    if groups:
        sentences.append(f"De intervjuade representerade följande grupper: {join_sv(groups)}.")
    return " ".join(sentences)


def interview_groups(ctx: ReportContext) -> list[str]:
    """Group labels (InterviewGroup order, then free-text groups), as used in running text."""
    present = {i.group for i in ctx.snap.interviews if i.group}
    known = [g for g in InterviewGroup if g.value in present]
    labels = [lower_first(g.label_sv) for g in known]
    labels += sorted(g for g in present if g not in {k.value for k in known})
    return labels


def total_box(ctx: ReportContext) -> Flowable:
    st, summary = ctx.st, ctx.summary
    text = concat(
        styled(str(round_display(summary.total)), size=24),
        NBSP,
        esc(f" av {format_exact(summary.max)} poäng totalt"),
    )
    rows = [[para(text, st.total)]]
    if not summary.complete:
        rows.append(
            [para(esc(f"{summary.scored_count} av {summary.subarea_count} delfrågor bedömda"), st.cell)]
        )
    table = Table(
        rows,
        colWidths=[TEXT_WIDTH * 0.55],
        style=TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), REGULAR),
                ("BACKGROUND", (0, 0), (-1, -1), ACCENT_LIGHT),
                ("BOX", (0, 0), (-1, -1), 0.8, RULE),
                ("TOPPADDING", (0, 0), (-1, 0), 7),
                ("BOTTOMPADDING", (0, -1), (-1, -1), 7),
            ]
        ),
    )
    table.hAlign = "CENTER"
    return table


def comparison_labels(ctx: ReportContext) -> list[str]:
    labels = []
    for s in ctx.chart.series[1:]:
        labels.append(lower_first(s.label) if s.kind == SeriesKind.NATIONAL else s.label)
    return labels


def chart_notes(ctx: ReportContext) -> list[Flowable]:
    notes = list(ctx.chart.notes)
    for s in ctx.chart.by_kind(SeriesKind.EARLIER):
        if s.total is not None and not s.total_comparable:
            notes.append(
                f"{s.label}: {round_display(s.total)} poäng totalt, med en annan version av Kommunkompassen; "
                "totalen jämförs därför inte i diagrammet ovan."
            )
    if ctx.national_example:
        notes.append(
            "Medelvärdet i diagrammen är exempeldata som följer med programmet, inte ett medelvärde "
            "beräknat av SKR. Ange en medelvärdesfil från SKR för den slutliga rapporten."
        )
    if ctx.national_missing:
        notes.append(f"Medelvärdesfilen innehåller inget medelvärde för {ctx.snap.framework.name}.")
    return [para(esc(n), ctx.st.note) for n in notes]


def results_section(ctx: ReportContext) -> list[Flowable]:
    st, chart = ctx.st, ctx.chart
    gen = genitive(ctx.short)
    story: list[Flowable] = [h2(ctx, "Sammanfattning av resultat", "ch2-results")]
    earlier = chart.by_kind(SeriesKind.EARLIER)
    intro = f"Nedan visas {gen} totalpoäng samt poängfördelningen per område"
    if len(chart.series) > 1:
        intro += f", jämfört med {join_sv(comparison_labels(ctx))}"
    story += numbered(ctx, intro + ".", "2")
    story += [Spacer(1, 4), total_box(ctx), Spacer(1, 8)]
    totals = charts.totals_bars(chart, TEXT_WIDTH)
    if totals is not None and len(chart.series) > 1:
        story.append(KeepTogether([para(esc("Totalpoäng"), st.caption), totals, Spacer(1, 6)]))
    story.append(
        KeepTogether(
            [para(esc(f"Poäng per område, {ctx.name}"), st.caption), charts.area_bars(chart, TEXT_WIDTH)]
        )
    )
    story.append(Spacer(1, 10))
    radar_intro = f"I nästa diagram illustreras {gen} poängprofil"
    others = comparison_labels(ctx)
    if others:
        radar_intro += f" jämfört med {join_sv(others)}"
    radar_intro += "."
    if earlier and any(s.values.count(None) for s in earlier):
        radar_intro += " Områden som inte kan jämföras med en tidigare utvärdering visas utan linje för den."
    caption = chart.current.label + (f" jämfört med {join_sv(others)}" if others else "")
    story.append(CondPageBreak(12 * cm))
    story += numbered(ctx, radar_intro, "2")
    story.append(KeepTogether([para(esc(caption), st.caption), charts.profile_radar(chart, TEXT_WIDTH)]))
    story += chart_notes(ctx)
    return story


def chapter_summary(ctx: ReportContext) -> list[Flowable]:
    snap = ctx.snap
    story: list[Flowable] = [
        h1(ctx, f"2 {ctx.name} i förhållande till Kommunkompassen: en sammanfattande genomgång", "ch2"),
        h2(ctx, "Utvärderingen", "ch2-evaluation"),
        *numbered(ctx, evaluation_text(ctx), "2"),
        *results_section(ctx),
        h2(ctx, "Sammanfattande kommentarer", "ch2-comments"),
        *body_text(ctx, snap.text(TextScope.SUMMARY_OVERALL), "2"),
    ]
    for scope, title in (
        (TextScope.SUMMARY_STRONGER, "Starkare områden"),
        (TextScope.SUMMARY_WEAKER, "Svagare områden"),
    ):
        text = snap.text(scope)
        if text.strip() or ctx.draft:
            story.append(para(esc(title), ctx.st.h3))
            story += body_text(ctx, text, "2")
    return story


def front_and_summary(ctx: ReportContext) -> list[Flowable]:
    """Open items (drafts), title page, contents, chapters 1 and 2."""
    story: list[Flowable] = []
    if ctx.draft:
        story += open_items_page(ctx)
        story += [NextPageTemplate("title"), PageBreak()]
    story += title_page(ctx)
    story += [NextPageTemplate("body"), PageBreak()]
    story += contents(ctx)
    story += [PageBreak(), *chapter_intro(ctx), PageBreak(), *chapter_summary(ctx)]
    return story
