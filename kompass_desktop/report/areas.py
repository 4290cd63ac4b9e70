"""Chapters 3–5 as blocks: the areas in detail, the score tables and the facts about the municipality.

The area box (chapter 3), the score tables (chapter 4), the charts and the summary all read
the same ``ctx.summary`` and the one display rule (``round_display``/``percent``), so they
can never disagree.
"""

from __future__ import annotations

from decimal import Decimal

from ..domain.framework import Area, FindingKind
from ..domain.model import TextScope
from ..domain.scoring import AreaScore, format_exact, percent, round_display
from .blocks import (
    Block,
    Bookmark,
    Cell,
    Heading,
    PageBreak,
    Para,
    Role,
    Space,
    Table,
    TableKind,
    Together,
    missing,
    para,
)
from .content import body_text, source_of, standard_text
from .context import ReportContext
from .styles import TEXT_WIDTH
from .text import join_sv, thousands

CM = 28.35 / TEXT_WIDTH  # one centimetre as a fraction of the text width
KEEP_WITH_TABLE = 1200  # characters: a last sub-area this short moves with its findings table


def shown(value: Decimal | None) -> str:
    """A score as printed: rounded half up from its exact value, '–' when not scored."""
    return "–" if value is None else str(round_display(value))


def shown_percent(value: Decimal | None, maximum: Decimal) -> str:
    return "–" if value is None else f"{percent(value, maximum)}\u00a0%"


def one(text: str, role: Role = Role.CELL, source: str = "") -> Cell:
    return (para(text, role, source=source),)


# -- chapter 3 -------------------------------------------------------------------------------


def new_finding(area: int, kind: FindingKind) -> str:
    """The source of a findings column without its own paragraph: where a new one is typed."""
    return f"findings:{area}:{kind.value}"


def area_box(ctx: ReportContext, area: Area, score: AreaScore) -> Table:
    """'Rubriker' (the sub-area headings) and 'Poäng' (the area score), as in the published reports."""
    headings = tuple(
        para(s.heading, Role.CELL, bullet=True, source=f"score:{s.number}") for s in area.subareas
    )
    points: list[Para] = [para(shown(score.achieved), Role.BIG_NUMBER)]
    if not score.complete:
        points.append(
            para(f"{score.scored_count} av {len(score.subareas)} delfrågor bedömda", Role.CELL_CENTER)
        )
    return Table(
        TableKind.AREA_BOX,
        (one("Rubriker", Role.CELL_HEAD), one("Poäng", Role.CELL_HEAD)),
        ((headings, tuple(points)),),
        (1 - 3.2 * CM, 3.2 * CM),
        f"Område {area.number}: delfrågornas rubriker och områdets poäng, {shown(score.achieved)} av "
        f"{format_exact(score.max)}.",
    )


def findings_table(ctx: ReportContext, area: Area) -> Table | None:
    """Styrkor | Förbättringsmöjligheter (| Svagheter in 2010): one list per column, not pairs."""
    snap = ctx.snap
    kinds = list(snap.framework.finding_kinds)
    columns = [snap.findings_for(area.number, k) for k in kinds]
    if not any(columns) and not ctx.draft:
        return None
    row: list[Cell] = []
    for kind, items in zip(kinds, columns, strict=True):
        if items:
            row.append(
                tuple(
                    para(f.body, Role.FINDING, bullet=True, source=f"finding:{area.number}:{f.id}")
                    for f in items
                )
            )
        elif ctx.draft and kind in (FindingKind.STRENGTH, FindingKind.IMPROVEMENT):
            placeholder = missing(f"[Inga {kind.label_sv.lower()}]", source=new_finding(area.number, kind))
            row.append((placeholder,))
        else:
            row.append(())
    return Table(
        TableKind.FINDINGS,
        tuple(one(k.label_sv, Role.CELL_HEAD, new_finding(area.number, k)) for k in kinds),
        (tuple(row),),
        tuple(1 / len(kinds) for _ in kinds),
        f"Område {area.number}: {join_sv([k.label_sv.lower() for k in kinds])}.",
    )


def area_section(ctx: ReportContext, area: Area) -> list[Block]:
    snap = ctx.snap
    score = ctx.summary.area(area.number)
    number = str(area.number)
    own_intro = snap.text(TextScope.AREA_INTRO, number)
    intro_source = source_of(TextScope.AREA_INTRO, number)
    intro = (
        body_text(ctx, own_intro, f"{number}.0", source=intro_source)
        if own_intro.strip()
        else standard_text(ctx, area.intro, f"{number}.0", source=intro_source)
    )
    own = snap.text(TextScope.AREA, number)
    story: list[Block] = [
        Heading(f"Område {number} {area.title}", 2, f"area-{number}"),
        area_box(ctx, area, score),
        Space(6),
        para("Allmänt", Role.SUBHEAD, source=intro_source),
        *intro,
        *body_text(ctx, own, f"{number}.0", required=False, source=source_of(TextScope.AREA, number)),
    ]
    last: list[Block] = []
    for sub in area.subareas:
        source = source_of(TextScope.SUBAREA, sub.number)
        last = [
            Heading(
                sub.heading,
                3,
                f"sub-{sub.number}",
                toc=False,
                outline=f"{sub.number} {sub.heading}",
                source=source,
            ),
            *body_text(ctx, snap.text(TextScope.SUBAREA, sub.number), sub.number, source=source),
        ]
        story += last
    table = findings_table(ctx, area)
    if table is not None:
        # the table is kept with the end of the last sub-area (its heading too when its text is
        # short): it never stands alone on an otherwise empty page, nor leaves the heading
        # behind (a long table still splits, with its header repeated)
        paras = [b for b in last if isinstance(b, Para)]
        short = sum(len(b.text) for b in paras) <= KEEP_WITH_TABLE
        tail = last if short else paras[-1:]
        del story[len(story) - len(tail) :]
        story.append(Together((*tail, Space(8), table)))
    return story


def chapter_areas(ctx: ReportContext) -> list[Block]:
    story: list[Block] = [Heading("3 Detaljerad genomgång per område", 1, "ch3")]
    for i, area in enumerate(ctx.snap.framework.areas):
        if i:
            story.append(PageBreak())
        story += area_section(ctx, area)
    return story


# -- chapter 4 -------------------------------------------------------------------------------


def _numbers(show_pct: bool) -> tuple[float, ...]:
    return (1.8 * CM, 1.5 * CM) + ((1.9 * CM,) if show_pct else ())


def _widths(show_pct: bool) -> tuple[float, ...]:
    numbers = _numbers(show_pct)
    return (1 - sum(numbers), *numbers)


def _head(first: str, show_pct: bool) -> tuple[Cell, ...]:
    labels = [first, "Uppnått", "Max"] + (["Procent"] if show_pct else [])
    return tuple(one(label, Role.CELL_HEAD) for label in labels)


def _row(
    label: str,
    achieved: Decimal | None,
    maximum: Decimal,
    show_pct: bool,
    bold: bool = False,
    source: str = "",
) -> tuple[Cell, ...]:
    right = Role.CELL_RIGHT_BOLD if bold else Role.CELL_RIGHT
    row = [
        one(label, Role.CELL_BOLD if bold else Role.CELL, source),
        one(shown(achieved), right, source),
        one(format_exact(maximum), right, source),
    ]
    if show_pct:
        row.append(one(shown_percent(achieved, maximum), right, source))
    return tuple(row)


def _sum_shown(values: list[Decimal | None]) -> int:
    return sum(round_display(v) for v in values if v is not None)


def rounding_note(
    parts: list[Decimal | None], whole: Decimal | None, what: str, whole_name: str
) -> Para | None:
    """A note only where the rounded parts do not add up to the rounded whole."""
    if whole is None or all(p is None for p in parts):
        return None
    added, shown_whole = _sum_shown(parts), round_display(whole)
    if added == shown_whole:
        return None
    return para(
        f"{what} är avrundade var för sig från sina exakta värden och summerar till {added}; "
        f"{whole_name} {shown_whole} är avrundad från den exakta summan.",
        Role.NOTE,
    )


def score_table(ctx: ReportContext, area: Area) -> list[Block]:
    score = ctx.summary.area(area.number)
    show_pct = ctx.snap.framework.show_percent
    rows = [
        _row(f"{sub.number} {sub.title}", sub.achieved, sub.max, show_pct, source=f"score:{sub.number}")
        for sub in score.subareas
    ]
    rows.append(_row("Summa", score.achieved, score.max, show_pct, bold=True))
    table = Table(
        TableKind.SCORES,
        _head(f"{area.number}. {area.title}", show_pct),
        tuple(rows),
        _widths(show_pct),
        f"Område {area.number} {area.title}: uppnådda poäng och maxpoäng per delfråga.",
    )
    note = rounding_note(
        [s.achieved for s in score.subareas], score.achieved, "Delfrågornas poäng", "områdets summa"
    )
    return [table, *([note] if note else [])]


def total_table(ctx: ReportContext) -> list[Block]:
    summary = ctx.summary
    show_pct = ctx.snap.framework.show_percent
    rows = [_row(f"{s.number}. {s.title}", s.achieved, s.max, show_pct) for s in summary.areas]
    scored = any(s.achieved is not None for s in summary.areas)
    rows.append(_row("Totalt", summary.total if scored else None, summary.max, show_pct, bold=True))
    table = Table(
        TableKind.SCORES,
        _head("Alla områden", show_pct),
        tuple(rows),
        _widths(show_pct),
        "Alla områden: uppnådda poäng och maxpoäng per område och totalt.",
    )
    note = rounding_note(
        [s.achieved for s in summary.areas], summary.total if scored else None, "Områdenas poäng", "totalen"
    )
    return [table, *([note] if note else [])]


def chapter_scores(ctx: ReportContext) -> list[Block]:
    story: list[Block] = [
        Heading("4 Översikt av poängfördelning", 1, "ch4"),
        *body_text(
            ctx,
            f"Nedanstående tabeller visar {ctx.names.display_genitive} resultat fördelat på delfrågor inom "
            "respektive område.",
            "4",
        ),
    ]
    for area in ctx.snap.framework.areas:
        anchor = Bookmark(f"scores-{area.number}", 2, f"Område {area.number} {area.title}")
        story.append(Together((anchor, Space(4), *score_table(ctx, area), Space(10))))
    story.append(Together((Heading("Sammanställning", 2, "scores-total", toc=False), *total_table(ctx))))
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


def chapter_facts(ctx: ReportContext) -> list[Block]:
    rows = facts_rows(ctx)
    if not rows and not ctx.draft:
        return []
    story: list[Block] = [Heading(f"5 Kortfakta om {ctx.names.display}", 1, "ch5")]
    if not rows:
        return [*story, missing("[Inga uppgifter om kommunen har registrerats]")]
    story.append(
        Table(
            TableKind.FACTS,
            (),
            tuple((one(k, Role.CELL_BOLD), one(v)) for k, v in rows),
            (0.36, 0.64),
            f"Kortfakta om {ctx.names.display}.",
        )
    )
    return story


def chapters_3_to_5(ctx: ReportContext) -> list[Block]:
    story: list[Block] = [PageBreak(), *chapter_areas(ctx), PageBreak(), *chapter_scores(ctx)]
    facts = chapter_facts(ctx)
    if facts:
        story += [PageBreak(), *facts]
    return story
