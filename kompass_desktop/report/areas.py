"""Chapters 3–5: the areas in detail, the score tables and the facts about the municipality.

The area box (chapter 3), the score tables (chapter 4), the charts and the summary all read
the same ``ctx.summary`` and the one display rule (``round_display``/``percent``), so they
can never disagree.
"""

from __future__ import annotations

from decimal import Decimal

from reportlab.lib import colors
from reportlab.lib.units import cm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, PageBreak, Spacer
from reportlab.platypus.tables import Table, TableStyle

from ..domain.framework import Area, FindingKind
from ..domain.model import TextScope
from ..domain.scoring import AreaScore, format_exact, percent, round_display
from .content import body_text, h1, h2
from .context import ReportContext
from .fonts import REGULAR
from .markup import esc, para
from .styles import ACCENT, ACCENT_LIGHT, PAGE_HEIGHT, RULE, TEXT_WIDTH
from .text import Anchor, Heading, paragraph, thousands

TABLE_BASE = [
    ("FONTNAME", (0, 0), (-1, -1), REGULAR),
    ("FONTSIZE", (0, 0), (-1, -1), 9.5),
    ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ("LEFTPADDING", (0, 0), (-1, -1), 6),
    ("RIGHTPADDING", (0, 0), (-1, -1), 6),
    ("TOPPADDING", (0, 0), (-1, -1), 3),
    ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
]


def shown(value: Decimal | None) -> str:
    """A score as printed: rounded half up from its exact value, '–' when not scored."""
    return "–" if value is None else str(round_display(value))


def shown_percent(value: Decimal | None, maximum: Decimal) -> str:
    return "–" if value is None else f"{percent(value, maximum)}\u00a0%"


# -- chapter 3 -------------------------------------------------------------------------------


def area_box(ctx: ReportContext, area: Area, score: AreaScore) -> Table:
    """'Rubriker' (the sub-area headings) and 'Poäng' (the area score), as in the published reports."""
    st = ctx.st
    headings = [para(esc(s.heading), st.cell, bullet=True) for s in area.subareas]
    points: list[Flowable] = [para(esc(shown(score.achieved)), st.big_number)]
    if not score.complete:
        points.append(
            para(esc(f"{score.scored_count} av {len(score.subareas)} delfrågor bedömda"), st.cell_center)
        )
    table = Table(
        [[para(esc("Rubriker"), st.cell_head), para(esc("Poäng"), st.cell_head)], [headings, points]],
        colWidths=[TEXT_WIDTH - 3.2 * 72 / 2.54, 3.2 * 72 / 2.54],
        style=TableStyle(
            [
                *TABLE_BASE,
                ("BACKGROUND", (0, 0), (-1, 0), ACCENT),
                ("BACKGROUND", (0, 1), (-1, -1), ACCENT_LIGHT),
                ("BOX", (0, 0), (-1, -1), 0.8, ACCENT),
                ("LINEBEFORE", (1, 1), (1, -1), 0.5, RULE),
                ("VALIGN", (1, 1), (1, 1), "MIDDLE"),
                ("TOPPADDING", (0, 1), (-1, 1), 6),
                ("BOTTOMPADDING", (0, 1), (-1, 1), 6),
            ]
        ),
    )
    return table


def findings_table(ctx: ReportContext, area: Area) -> list[Flowable]:
    """Styrkor | Förbättringsmöjligheter (| Svagheter in the 2010 version): one list per column."""
    st, snap = ctx.st, ctx.snap
    kinds = list(snap.framework.finding_kinds)
    columns = [[f.body for f in snap.findings_for(area.number, k)] for k in kinds]
    if not any(columns) and not ctx.draft:
        return []
    rows = max(1, *(len(c) for c in columns))
    data: list[list[Flowable | str]] = [[para(esc(k.label_sv), st.cell_head) for k in kinds]]
    for i in range(rows):
        row: list[Flowable | str] = []
        for kind, items in zip(kinds, columns, strict=True):
            if i < len(items):
                row.append(paragraph(items[i], st.finding, bullet=True))
            elif i == 0 and ctx.draft and kind in (FindingKind.STRENGTH, FindingKind.IMPROVEMENT):
                row.append(para(esc(f"[Inga {kind.label_sv.lower()}]"), st.missing))
            else:
                row.append("")
        data.append(row)
    width = TEXT_WIDTH / len(kinds)
    table = Table(
        data,
        colWidths=[width] * len(kinds),
        repeatRows=1,
        splitInRow=1,
        style=TableStyle(
            [
                *TABLE_BASE,
                ("BACKGROUND", (0, 0), (-1, 0), ACCENT),
                ("BOX", (0, 0), (-1, -1), 0.8, ACCENT),
                ("INNERGRID", (0, 0), (-1, 0), 0.5, colors.white),
                ("LINEBEFORE", (1, 1), (-1, -1), 0.5, RULE),
                ("TOPPADDING", (0, 1), (-1, 1), 6),
                ("BOTTOMPADDING", (0, -1), (-1, -1), 6),
            ]
        ),
    )
    _, height = table.wrap(TEXT_WIDTH, PAGE_HEIGHT)
    if height <= 10 * cm:  # a short table moves to the next page rather than splitting
        return [KeepTogether([Spacer(1, 8), table])]
    return [Spacer(1, 8), CondPageBreak(6 * cm), table]  # a long one starts with several rows


def area_section(ctx: ReportContext, area: Area) -> list[Flowable]:
    snap, st = ctx.snap, ctx.st
    score = ctx.summary.area(area.number)
    title = f"Område {area.number} {area.title}"
    story: list[Flowable] = [
        h2(ctx, title, f"area-{area.number}"),
        area_box(ctx, area, score),
        Spacer(1, 6),
        para(esc("Allmänt"), st.h3),
        *body_text(ctx, snap.area_intro(area.number), f"{area.number}.0"),
        *body_text(ctx, snap.text(TextScope.AREA, str(area.number)), f"{area.number}.0", required=False),
    ]
    for sub in area.subareas:
        story.append(
            Heading(
                sub.heading,
                st.h3,
                key=f"sub-{sub.number}",
                level=2,
                toc=False,
                plain=f"{sub.number} {sub.heading}",
            )
        )
        story += body_text(ctx, snap.text(TextScope.SUBAREA, sub.number), sub.number)
    story += findings_table(ctx, area)
    return story


def chapter_areas(ctx: ReportContext) -> list[Flowable]:
    story: list[Flowable] = [h1(ctx, "3 Detaljerad genomgång per område", "ch3")]
    for i, area in enumerate(ctx.snap.framework.areas):
        if i:
            story.append(PageBreak())
        story += area_section(ctx, area)
    return story


# -- chapter 4 -------------------------------------------------------------------------------


def score_table(ctx: ReportContext, area: Area) -> Table:
    st = ctx.st
    score = ctx.summary.area(area.number)
    show_pct = ctx.snap.framework.show_percent
    head = [
        para(esc(f"{area.number}. {area.title}"), st.cell_head),
        para(esc("Uppnått"), st.cell_head),
        para(esc("Max"), st.cell_head),
    ]
    if show_pct:
        head.append(para(esc("Procent"), st.cell_head))
    data: list[list[Flowable | str]] = [list(head)]
    for sub in score.subareas:
        row: list[Flowable | str] = [
            para(esc(f"{sub.number} {sub.title}"), st.cell),
            para(esc(shown(sub.achieved)), st.cell_right),
            para(esc(format_exact(sub.max)), st.cell_right),
        ]
        if show_pct:
            row.append(para(esc(shown_percent(sub.achieved, sub.max)), st.cell_right))
        data.append(row)
    total_row: list[Flowable | str] = [
        para(esc("Summa"), st.cell_bold),
        para(esc(shown(score.achieved)), st.cell_right_bold),
        para(esc(format_exact(score.max)), st.cell_right_bold),
    ]
    if show_pct:
        total_row.append(para(esc(shown_percent(score.achieved, score.max)), st.cell_right_bold))
    data.append(total_row)
    numbers = [1.8 * 28.35, 1.5 * 28.35] + ([1.9 * 28.35] if show_pct else [])
    return _score_grid(data, numbers)


def _score_grid(data: list[list[Flowable | str]], numbers: list[float]) -> Table:
    return Table(
        data,
        colWidths=[TEXT_WIDTH - sum(numbers), *numbers],
        repeatRows=1,
        splitInRow=1,
        style=TableStyle(
            [
                *TABLE_BASE,
                ("BACKGROUND", (0, 0), (-1, 0), ACCENT),
                ("VALIGN", (1, 0), (-1, -1), "BOTTOM"),
                ("LINEBELOW", (0, 1), (-1, -3), 0.4, RULE),
                ("LINEABOVE", (0, -1), (-1, -1), 1.0, ACCENT),
                ("BACKGROUND", (0, -1), (-1, -1), ACCENT_LIGHT),
                ("BOX", (0, 0), (-1, -1), 0.8, ACCENT),
            ]
        ),
    )


def total_table(ctx: ReportContext) -> Table:
    st, summary = ctx.st, ctx.summary
    show_pct = ctx.snap.framework.show_percent
    head: list[Flowable | str] = [
        para(esc(label), st.cell_head) for label in ("Alla områden", "Uppnått", "Max", "Procent")
    ]
    data: list[list[Flowable | str]] = [head if show_pct else head[:3]]
    for score in summary.areas:
        row: list[Flowable | str] = [
            para(esc(f"{score.number}. {score.title}"), st.cell),
            para(esc(shown(score.achieved)), st.cell_right),
            para(esc(format_exact(score.max)), st.cell_right),
        ]
        if show_pct:
            row.append(para(esc(shown_percent(score.achieved, score.max)), st.cell_right))
        data.append(row)
    total: list[Flowable | str] = [
        para(esc("Totalt"), st.cell_bold),
        para(esc(str(round_display(summary.total))), st.cell_right_bold),
        para(esc(format_exact(summary.max)), st.cell_right_bold),
    ]
    if show_pct:
        total.append(para(esc(shown_percent(summary.total, summary.max)), st.cell_right_bold))
    data.append(total)
    numbers = [1.8 * 28.35, 1.5 * 28.35] + ([1.9 * 28.35] if show_pct else [])
    return _score_grid(data, numbers)


def chapter_scores(ctx: ReportContext) -> list[Flowable]:
    story: list[Flowable] = [
        h1(ctx, "4 Översikt av poängfördelning", "ch4"),
        *body_text(
            ctx,
            f"Nedanstående tabeller visar {ctx.name}s resultat fördelat på delfrågor inom respektive "
            "område. Varje poäng är avrundad för sig från sitt exakta värde; avrundade delpoäng behöver "
            "därför inte summera exakt till områdets poäng.",
            "4",
        ),
    ]
    for area in ctx.snap.framework.areas:
        heading = Anchor(f"scores-{area.number}", 1, f"Område {area.number} {area.title}")
        story.append(KeepTogether([heading, Spacer(1, 4), score_table(ctx, area), Spacer(1, 10)]))
    story.append(KeepTogether([h2(ctx, "Sammanställning", "scores-total", toc=False), total_table(ctx)]))
    return story


# -- chapter 5 -------------------------------------------------------------------------------


def facts_rows(ctx: ReportContext) -> list[tuple[str, str]]:
    info = ctx.snap.info
    rows: list[tuple[str, str]] = []
    if info.kommungrupp:
        rows.append(("Kommungrupp", info.kommungrupp))
    if info.inhabitants is not None:
        label = "Invånare" + (f" ({info.inhabitants_note})" if info.inhabitants_note else "")
        rows.append((label, thousands(info.inhabitants)))
    if info.employees is not None:
        label = "Anställda" + (f" ({info.employees_note})" if info.employees_note else "")
        rows.append((label, thousands(info.employees)))
    if info.governing_parties:
        rows.append(("Styrande partier", info.governing_parties))
    rows += [(k, v) for k, v in info.facts if k or v]
    return rows


def chapter_facts(ctx: ReportContext) -> list[Flowable]:
    st = ctx.st
    rows = facts_rows(ctx)
    if not rows and not ctx.draft:
        return []
    story: list[Flowable] = [h1(ctx, f"5 Kortfakta om {ctx.name}", "ch5")]
    if not rows:
        return [*story, para(esc("[Inga uppgifter om kommunen har registrerats]"), st.missing)]
    data = [[para(esc(k), st.cell_bold), para(esc(v), st.cell)] for k, v in rows]
    story.append(
        Table(
            data,
            colWidths=[TEXT_WIDTH * 0.36, TEXT_WIDTH * 0.64],
            splitInRow=1,
            style=TableStyle(
                [
                    *TABLE_BASE,
                    ("TOPPADDING", (0, 0), (-1, -1), 5),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
                    ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
                    ("LINEABOVE", (0, 0), (-1, 0), 1.0, ACCENT),
                    ("BACKGROUND", (0, 0), (0, -1), ACCENT_LIGHT),
                ]
            ),
        )
    )
    return story


def chapters_3_to_5(ctx: ReportContext) -> list[Flowable]:
    story: list[Flowable] = [PageBreak(), *chapter_areas(ctx), PageBreak(), *chapter_scores(ctx)]
    facts = chapter_facts(ctx)
    if facts:
        story += [PageBreak(), *facts]
    return story
