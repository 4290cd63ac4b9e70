"""What is still missing in an evaluation, and whether its records are consistent."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from .consensus import AgreedScore, Status
from .framework import FindingKind, check_framework
from .model import EvaluationSnapshot, SourceKind, TextScope
from .scoring import format_exact


class Severity(StrEnum):
    REQUIRED = "required"  # blocks a final report
    WARNING = "warning"  # shown in drafts and in the GUI


@dataclass(frozen=True, slots=True)
class OpenItem:
    severity: Severity
    #: unscored | not_agreed | no_findings | no_evidence | empty_text | no_summary |
    #: municipality_not_in_register; the report adds no_dates | no_evaluators |
    #: example_national_average (a GUI words each kind itself: gui/wording.py)
    kind: str
    ref: str  # sub-area "3.2", area "3" or "" for the whole evaluation
    message: str
    # no_findings: the FindingKind value; no_summary: the TextScope value; not_agreed: the scores;
    # municipality_not_in_register: the municipality's name as written
    detail: str = ""


def open_items(snap: EvaluationSnapshot) -> list[OpenItem]:
    """Everything a reviewer should know is unfinished, in framework order."""
    items: list[OpenItem] = []
    fw = snap.framework
    info = snap.info
    if not info.municipality_code and not info.unlisted:  # a file from before the register
        items.append(
            OpenItem(
                Severity.WARNING,
                "municipality_not_in_register",
                "",
                f"Kommunen ”{info.municipality}” är inte vald ur kommunregistret: välj den under "
                "Redigera → Uppgifter om kommunen och utvärderingen",
                info.municipality,
            )
        )
    evidenced = {n.subarea for n in snap.notes if n.subarea}
    for area in fw.areas:
        for sub in area.subareas:
            points = snap.scores.get(sub.number)
            consensus = None if snap.consensus is None else snap.consensus.get(sub.number)
            if consensus is not None and consensus.status == Status.OPEN:
                items.append(
                    OpenItem(
                        Severity.REQUIRED,
                        "not_agreed",
                        sub.number,
                        f"{sub.number} {sub.heading}: utvärderarna har inte enats om poängen "
                        f"({consensus.describe_scores()})",
                        consensus.describe_scores(),
                    )
                )
            elif points is None:
                items.append(
                    OpenItem(
                        Severity.REQUIRED,
                        "unscored",
                        sub.number,
                        f"{sub.number} {sub.heading}: ingen poäng satt",
                    )
                )
            elif sub.number not in evidenced:
                items.append(
                    OpenItem(
                        Severity.WARNING,
                        "no_evidence",
                        sub.number,
                        f"{sub.number} {sub.heading}: poäng utan underlag (inga anteckningar)",
                    )
                )
            if not snap.text(TextScope.SUBAREA, sub.number).strip():
                items.append(
                    OpenItem(
                        Severity.REQUIRED,
                        "empty_text",
                        sub.number,
                        f"{sub.number} {sub.heading}: text saknas",
                    )
                )
        for kind in (FindingKind.STRENGTH, FindingKind.IMPROVEMENT):
            if not snap.findings_for(area.number, kind):
                items.append(
                    OpenItem(
                        Severity.REQUIRED,
                        "no_findings",
                        str(area.number),
                        f"Område {area.number} {area.title}: inga {kind.label_sv.lower()}",
                        kind.value,
                    )
                )
    for scope, label in (
        (TextScope.SUMMARY_OVERALL, "Sammanfattande kommentarer"),
        (TextScope.SUMMARY_STRONGER, "Starkare områden"),
        (TextScope.SUMMARY_WEAKER, "Svagare områden"),
    ):
        if not snap.text(scope).strip():
            severity = Severity.REQUIRED if scope == TextScope.SUMMARY_OVERALL else Severity.WARNING
            items.append(OpenItem(severity, "no_summary", "", f"{label}: text saknas", scope.value))
    return items


def required_missing(snap: EvaluationSnapshot) -> list[OpenItem]:
    return [i for i in open_items(snap) if i.severity == Severity.REQUIRED]


def consistency_problems(snap: EvaluationSnapshot) -> list[str]:
    """Records that contradict the framework or each other (should never happen via the app)."""
    fw = snap.framework
    problems = [f"ramverket: {p}" for p in check_framework(fw)]
    problems.extend(_consensus_problems(snap))
    for number, points in sorted(snap.scores.items()):
        if not fw.has_subarea(number):
            problems.append(f"poäng för okänd delfråga {number}")
            continue
        sub = fw.subarea(number)
        if points is not None and not (0 <= points <= sub.max):
            problems.append(
                f"delfråga {number}: {format_exact(points)} ligger utanför 0–{format_exact(sub.max)}"
            )
    interviews = {i.id for i in snap.interviews}
    documents = {d.id for d in snap.documents}
    webs = {w.id for w in snap.web_sources}
    note_ids = {n.id for n in snap.notes}
    for note in snap.notes:
        if note.subarea and not fw.has_subarea(note.subarea):
            problems.append(f"anteckning {note.id}: okänd delfråga {note.subarea}")
        if note.source_kind == SourceKind.INTERVIEW and note.interview_id not in interviews:
            problems.append(f"anteckning {note.id}: intervjun finns inte")
        if note.source_kind == SourceKind.DOCUMENT and note.document_id not in documents:
            problems.append(f"anteckning {note.id}: dokumentet finns inte")
        if note.source_kind == SourceKind.WEB and note.web_id not in webs:
            problems.append(f"anteckning {note.id}: webbkällan finns inte")
    area_numbers = {a.number for a in fw.areas}
    for finding in snap.findings:
        if finding.area not in area_numbers:
            problems.append(f"iakttagelse {finding.id}: okänt område {finding.area}")
        if finding.kind not in fw.finding_kinds:
            problems.append(f"iakttagelse {finding.id}: {finding.kind.label_sv} används inte i {fw.name}")
        for nid in finding.note_ids:
            if nid not in note_ids:
                problems.append(f"iakttagelse {finding.id}: länkad anteckning {nid} finns inte")
    if snap.info.framework_id != fw.id:
        problems.append(f"utvärderingen anger ramverk {snap.info.framework_id} men filen innehåller {fw.id}")
    return problems


def _consensus_problems(snap: EvaluationSnapshot) -> list[str]:
    """Independent and recorded agreed scores for unknown sub-areas or outside 0..max."""
    if snap.consensus is None:
        return []
    problems = []
    for record in snap.consensus.stray:
        who = "" if isinstance(record, AgreedScore) else f" av {record.evaluator}"
        problems.append(f"poäng{who} för okänd delfråga {record.subarea}")
    for sub in snap.consensus.subareas:
        for name, points in sub.points.items():
            if not (0 <= points <= sub.max):
                problems.append(
                    f"delfråga {sub.number}: poängen av {name}, {format_exact(points)}, ligger utanför "
                    f"0–{format_exact(sub.max)}"
                )
    return problems
