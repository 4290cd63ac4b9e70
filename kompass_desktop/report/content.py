"""The report's front matter and chapters 1–2 as blocks (the structure of SKR's published reports).

Chapters 3–5 are in :mod:`.areas`.  Every figure comes from ``ctx.summary`` (scores) or
``ctx.chart`` (comparisons); nothing is summed or compared here.  Every sentence naming the
municipality takes the name from ``ctx.names`` (:mod:`.names`).
"""

from __future__ import annotations

from ..domain.checks import Severity
from ..domain.comparison import ChartNote, NoteKind, SeriesKind
from ..domain.model import InterviewGroup, TextScope
from ..domain.scoring import format_exact, round_display
from . import charts
from .blocks import (
    Block,
    Chart,
    ChartKind,
    Contents,
    Heading,
    NeedSpace,
    PageBreak,
    Para,
    Role,
    Space,
    Span,
    Table,
    TableKind,
    Together,
    missing,
    para,
)
from .context import ReportContext
from .standard import comparison_texts, evaluator_number
from .text import (
    MONTHS,
    join_sv,
    lower_first,
    month_year,
    ordinal,
    parse_iso_date,
    plain_list,
    text_blocks,
)

MISSING_TEXT = "[Text saknas]"


def source_of(scope: TextScope, ref: str = "") -> str:
    """The source reference of an evaluator's text field (see :attr:`Para.source`)."""
    return f"text:{scope.value}:{ref}"


def body_text(
    ctx: ReportContext, text: str, section: str, required: bool = True, *, source: str = ""
) -> list[Block]:
    placeholder = MISSING_TEXT if ctx.draft and required else None
    return text_blocks(text, section=section, numbering=ctx.numbering, placeholder=placeholder, source=source)


def standard_text(ctx: ReportContext, text: str, section: str, *, source: str = "") -> list[Block]:
    """A standard text of the version, in the singular or plural as the evaluation has evaluators."""
    return body_text(ctx, evaluator_number(text, len(ctx.evaluators)), section, source=source)


def numbered(ctx: ReportContext, text: str, section: str) -> list[Block]:
    """Generated running text (one paragraph), numbered like the evaluator's texts in drafts."""
    return text_blocks(text, section=section, numbering=ctx.numbering)


def gap(ctx: ReportContext, what: str) -> str:
    """A placeholder inside a generated sentence (drafts), e.g. '[månad saknas]'."""
    return f"[{what} saknas]"


# -- front matter ----------------------------------------------------------------------------


def open_items_page(ctx: ReportContext) -> list[Block]:
    story: list[Block] = [
        Heading("Utkast — öppna punkter", 1, "open-items", toc=False),
        para(
            f"Detta är ett utkast av rapporten om {ctx.name}, skapat {ctx.now:%Y-%m-%d %H:%M}. "
            "Det är inte en slutlig rapport och ska inte spridas som en sådan."
        ),
        para(ctx.stamp, Role.SMALL),
    ]
    required = [i for i in ctx.items if i.severity == Severity.REQUIRED]
    warnings = [i for i in ctx.items if i.severity != Severity.REQUIRED]
    if not required:
        story.append(
            para("Inga obligatoriska punkter återstår: den slutliga rapporten kan skapas.", Role.SUBHEAD)
        )
    else:
        story.append(
            para(f"Måste vara klart innan den slutliga rapporten kan skapas ({len(required)})", Role.SUBHEAD)
        )
        story += plain_list(i.message for i in required)
    if warnings:
        story.append(para(f"Bör ses över ({len(warnings)})", Role.SUBHEAD))
        story += plain_list(i.message for i in warnings)
    story.append(para("Hänvisningar i marginalen", Role.SUBHEAD))
    story.append(
        Para(
            (
                Span("Varje stycke har ett nummer i vänstermarginalen som kommentarer kan hänvisa till: "),
                Span("1¶3", bold=True),
                Span(" är kapitel 1, stycke 3; "),
                Span("4.0¶1", bold=True),
                Span(" är område 4, Allmänt, stycke 1; "),
                Span("4.2¶3", bold=True),
                Span(" är delfråga 4.2, stycke 3. Saknade texter visas som "),
                Span(MISSING_TEXT, italic=True, missing=True),
                Span("."),
            ),
            Role.SMALL,
        )
    )
    return story


def cover_date(ctx: ReportContext) -> str:
    """'Oktober 2025' from the evaluation's dates, else its year; never the day of printing."""
    day = ctx.report_date
    if day is not None:
        when = month_year(day)
        return when[:1].upper() + when[1:]
    return str(ctx.snap.info.year) if ctx.snap.info.year else ""


def title_page(ctx: ReportContext) -> list[Block]:
    story: list[Block] = [
        Space(5.6 * 28.35),
        para(ctx.name, Role.TITLE),
        para(ctx.title, Role.TITLE_SUB),
    ]
    when = cover_date(ctx)
    if ctx.report_date is None and ctx.draft:
        story.append(
            Para(
                (Span(when + " " if when else ""), Span("[Datum saknas]", italic=True, missing=True)),
                Role.TITLE_META,
            )
        )
    elif when:
        story.append(para(when, Role.TITLE_META))
    if ctx.evaluators:
        story.append(para(f"Utvärderare: {join_sv(ctx.evaluators)}", Role.TITLE_META))
    elif ctx.draft:
        story.append(missing("[Utvärderare saknas]", Role.TITLE_META))
    if ctx.draft:
        story += [Space(28.35), para(ctx.stamp, Role.SMALL)]
    return story


# -- chapter 1 -----------------------------------------------------------------------------------


def chapter_intro(ctx: ReportContext) -> list[Block]:
    fw = ctx.snap.framework
    return [Heading(f"1 {fw.intro_title}", 1, "ch1"), *standard_text(ctx, fw.intro_text, "1")]


# -- chapter 2 -----------------------------------------------------------------------------------


def when_text(ctx: ReportContext) -> str:
    """' i oktober år 2025', ' i oktober–november år 2025', ' mellan … och …' (or a placeholder)."""
    info = ctx.snap.info
    start, end = parse_iso_date(info.start_date), parse_iso_date(info.end_date)
    if start and end and (start.year, start.month) != (end.year, end.month):
        if start.year == end.year:
            return f" i {MONTHS[start.month - 1]}–{MONTHS[end.month - 1]} år {end.year}"
        return f" mellan {month_year(start)} och {month_year(end)}"
    day = start or end
    if day is not None:
        return f" i {MONTHS[day.month - 1]} år {day.year}"
    year = f" år {info.year}" if info.year else ""
    return f" {gap(ctx, 'månad')}{year}" if ctx.draft else year


def activities_text(ctx: ReportContext) -> str:
    """What the evaluation group did, from the registers (the method's sources when empty)."""
    snap = ctx.snap
    documents = "studerat dokument" if not snap.documents else f"studerat {len(snap.documents)} dokument"
    social = any("sociala" in w.kind.lower() for w in snap.web_sources)
    web = "granskat kommunens webbplats" + (" och sociala medier" if social or not snap.web_sources else "")
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
        interviews += " i organisationen"
    else:
        interviews = "genomfört intervjuer i organisationen"
        if ctx.draft:
            interviews += f" {gap(ctx, 'antal intervjuer')}"
    return f"Utvärderingsgruppen har {join_sv([documents, web, interviews])}."


def evaluation_text(ctx: ReportContext) -> str:
    """'Utvärderingen av … genomfördes i oktober år 2025 och var kommunens andra …' from the registers."""
    snap, info = ctx.snap, ctx.snap.info
    first = f"Utvärderingen av {ctx.names.display} genomfördes{when_text(ctx)}"
    criteria = "utvärdering enligt Kommunkompassens kriterier"
    if info.evaluation_number:
        first += f" och var kommunens {ordinal(info.evaluation_number)} {criteria}"
    elif ctx.draft:
        first += f" och var kommunens {gap(ctx, 'ordningstal')} {criteria}"
    sentences = [first + "."]
    years = sorted({e.year for e in snap.earlier})
    if len(years) == 1:
        sentences.append(f"Den tidigare utvärderingen genomfördes år {years[0]}.")
    elif years:
        sentences.append(f"De tidigare utvärderingarna genomfördes åren {join_sv([str(y) for y in years])}.")
    sentences.append(activities_text(ctx))
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


def total_box(ctx: ReportContext) -> Table:
    summary = ctx.summary
    rows: list[tuple[tuple[Para, ...], ...]] = [
        (
            (
                Para(
                    (
                        Span(str(round_display(summary.total)), big=True),
                        Span(f"\u00a0 av {format_exact(summary.max)} poäng totalt"),
                    ),
                    Role.TOTAL,
                ),
            ),
        )
    ]
    if not summary.complete:
        rows.append(
            ((para(f"{summary.scored_count} av {summary.subarea_count} delfrågor bedömda", Role.CELL),),)
        )
    return Table(
        TableKind.TOTAL_BOX,
        (),
        tuple(rows),
        (0.55,),
        f"{round_display(summary.total)} av {format_exact(summary.max)} poäng totalt",
    )


def comparison_labels(ctx: ReportContext) -> list[str]:
    return [lower_first(s.label) if s.kind == SeriesKind.NATIONAL else s.label for s in ctx.chart.series[1:]]


def comparison_note(note: ChartNote) -> str | None:
    """A note of the charts (what they do not compare and why) as the report words it; None for
    the revision note (the report prints the standard text on the revision instead)."""
    version = f"version {note.version_label}"
    if note.kind == NoteKind.VERSION_NOT_COMPARABLE:
        return (
            f"Utvärderingen {note.year} gjordes med {version} av Kommunkompassen, som inte kan jämföras "
            f"med {note.current}. Den visas därför inte i diagrammen."
        )
    if note.kind == NoteKind.AREA_NOT_COMPARABLE:
        reason = f" {note.reason.rstrip('.')}." if note.reason else ""
        return (
            f"Område {note.area}, {note.area_title}, jämförs inte med utvärderingen {note.year}, "
            f"eftersom området inte har någon jämförbar motsvarighet i {version}.{reason}"
        )
    if note.kind == NoteKind.TOTAL_NOT_COMPARED and note.total is not None:
        return (
            f"Totalpoängen från {note.year}, {round_display(note.total)} poäng, visas inte bredvid årets "
            f"totalpoäng, eftersom den gjordes med {version}."
        )
    if note.kind == NoteKind.NATIONAL_OTHER_VERSION:
        return "Det nationella medelvärdet gäller en annan version av Kommunkompassen och visas inte."
    return None


def comparison_notes(ctx: ReportContext) -> str:
    """Written notes on what the charts do not compare across versions (default of "Jämförelser"):
    the charts' own notes (the same data as on screen), worded for the report."""
    fw = ctx.snap.framework
    texts = comparison_texts(fw.id)
    out: list[str] = []
    if texts.revision and any(e.framework_id != fw.id for e in ctx.snap.earlier):
        out.append(texts.revision)
    out += [text for note in ctx.chart.notes if (text := comparison_note(note)) is not None]
    return "\n\n".join(out)


def comparisons_default(ctx: ReportContext) -> str:
    """The "Jämförelser" section as the standard text and the notes give it."""
    notes = comparison_notes(ctx)
    text = comparison_texts(ctx.snap.framework.id).text
    return "\n\n".join(t for t in (notes, text) if t)


def comparisons_section(ctx: ReportContext) -> list[Block]:
    own = ctx.snap.text(TextScope.COMPARISONS)
    title = comparison_texts(ctx.snap.framework.id).title
    text = own if own.strip() else comparisons_default(ctx)
    source = source_of(TextScope.COMPARISONS)
    return [para(title, Role.SUBHEAD, source=source), *body_text(ctx, text, "2", False, source=source)]


def chart_notes(ctx: ReportContext) -> list[Block]:
    notes: list[str] = []
    if ctx.national_example:  # drafts only: a final report is refused with example data
        notes.append(
            "Medelvärdet i diagrammen är exempeldata som följer med programmet, inte ett medelvärde "
            "beräknat av SKR."
        )
    if ctx.national_missing:
        notes.append(f"Medelvärdesfilen innehåller inget medelvärde för {ctx.snap.framework.name}.")
    return [para(n, Role.NOTE) for n in notes]


def results_section(ctx: ReportContext) -> list[Block]:
    chart = ctx.chart
    gen = ctx.names.short_genitive
    others = comparison_labels(ctx)
    story: list[Block] = [Heading("Sammanfattning av resultat", 2, "ch2-results")]
    intro = f"Nedan visas {gen} totalpoäng samt poängfördelningen per område"
    if others:
        intro += f", jämfört med {join_sv(others)}"
    story += numbered(ctx, intro + ".", "2")
    story += [Space(4), total_box(ctx), Space(8)]
    comparable_totals = [s for s in chart.series if s.total is not None and s.total_comparable]
    if len(comparable_totals) > 1:  # a bar of its own total alone says nothing
        story.append(
            Together(
                (
                    para("Totalpoäng", Role.CAPTION),
                    Chart(ChartKind.TOTALS, chart, charts.totals_alt(chart)),
                    Space(6),
                )
            )
        )
    story.append(
        Together(
            (
                para(f"Poäng per område, {ctx.names.display}", Role.CAPTION),
                Chart(ChartKind.AREAS, chart, charts.areas_alt(chart)),
            )
        )
    )
    story.append(Space(10))
    radar_intro = f"I nästa diagram illustreras {gen} poängprofil"
    if others:
        radar_intro += f" jämfört med {join_sv(others)}"
    radar_intro += "."
    earlier = chart.by_kind(SeriesKind.EARLIER)
    if earlier and any(s.values.count(None) for s in earlier):
        radar_intro += " Områden som inte kan jämföras med en tidigare utvärdering visas utan linje för den."
    caption = chart.current.label + (f" jämfört med {join_sv(others)}" if others else "")
    story.append(NeedSpace(12))
    story += numbered(ctx, radar_intro, "2")
    story.append(
        Together((para(caption, Role.CAPTION), Chart(ChartKind.PROFILE, chart, charts.profile_alt(chart))))
    )
    story += chart_notes(ctx)
    story += comparisons_section(ctx)
    return story


def chapter_summary(ctx: ReportContext) -> list[Block]:
    snap = ctx.snap
    story: list[Block] = [
        Heading(
            f"2 {ctx.names.display} i förhållande till Kommunkompassen: en sammanfattande genomgång", 1, "ch2"
        ),
        Heading("Utvärderingen", 2, "ch2-evaluation"),
        *numbered(ctx, evaluation_text(ctx), "2"),
        *results_section(ctx),
        Heading("Sammanfattande kommentarer", 2, "ch2-comments", source=source_of(TextScope.SUMMARY_OVERALL)),
        *body_text(
            ctx, snap.text(TextScope.SUMMARY_OVERALL), "2", source=source_of(TextScope.SUMMARY_OVERALL)
        ),
    ]
    for scope, title in (
        (TextScope.SUMMARY_STRONGER, "Starkare områden"),
        (TextScope.SUMMARY_WEAKER, "Svagare områden"),
    ):
        text = snap.text(scope)
        if text.strip() or ctx.draft:
            story.append(para(title, Role.SUBHEAD, source=source_of(scope)))
            story += body_text(ctx, text, "2", source=source_of(scope))
    return story


def front_and_summary(ctx: ReportContext) -> list[Block]:
    """Open items (drafts), title page, contents, chapters 1 and 2."""
    story: list[Block] = []
    if ctx.draft:
        story += open_items_page(ctx)
        story.append(PageBreak("title"))
    story += title_page(ctx)
    story.append(PageBreak("body"))
    story.append(Contents("Innehåll"))
    story += [PageBreak(), *chapter_intro(ctx), PageBreak(), *chapter_summary(ctx)]
    return story
