"""The evaluation: the records an evaluator creates, as immutable values.

Every record carries a UUID, its author and created/modified times so that the files of
co-evaluators can be merged record by record.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum
from typing import TYPE_CHECKING

from .framework import FindingKind, Framework
from .meta import Meta as Meta
from .reference import NationalAverage
from .rules import intro_text

if TYPE_CHECKING:
    from .consensus import Consensus


class InterviewGroup(StrEnum):
    """The usual interview groups of a Kommunkompassen visit."""

    POLITISK_LEDNING = "politisk_ledning"
    POLITIKER = "politiker"
    LEDNING = "ledning"
    FORVALTNINGSCHEFER = "forvaltningschefer"
    STAB = "stab"
    ENHETSCHEFER = "enhetschefer"
    FACK = "fack"
    BOLAG = "bolag"
    OVRIGA = "ovriga"

    @property
    def label_sv(self) -> str:
        return INTERVIEW_GROUP_LABELS[self]

    @property
    def short_sv(self) -> str:
        return INTERVIEW_GROUP_SHORT[self]


INTERVIEW_GROUP_LABELS: Mapping[InterviewGroup, str] = {
    InterviewGroup.POLITISK_LEDNING: "Politisk ledning",
    InterviewGroup.POLITIKER: "Förtroendevalda (majoritet och opposition)",
    InterviewGroup.LEDNING: "Kommundirektör och ledningsgrupp",
    InterviewGroup.FORVALTNINGSCHEFER: "Förvaltningschefer",
    InterviewGroup.STAB: "Stabs- och stödfunktioner",
    InterviewGroup.ENHETSCHEFER: "Enhetschefer",
    InterviewGroup.FACK: "Fackliga representanter",
    InterviewGroup.BOLAG: "Kommunala bolag",
    InterviewGroup.OVRIGA: "Övriga",
}


INTERVIEW_GROUP_SHORT: Mapping[InterviewGroup, str] = {
    InterviewGroup.POLITISK_LEDNING: "Pol. ledning",
    InterviewGroup.POLITIKER: "Förtr.valda",
    InterviewGroup.LEDNING: "Ledningsgr.",
    InterviewGroup.FORVALTNINGSCHEFER: "Förv.chefer",
    InterviewGroup.STAB: "Stab",
    InterviewGroup.ENHETSCHEFER: "Enh.chefer",
    InterviewGroup.FACK: "Fack",
    InterviewGroup.BOLAG: "Bolag",
    InterviewGroup.OVRIGA: "Övriga",
}


class SourceKind(StrEnum):
    NONE = "none"
    INTERVIEW = "interview"
    DOCUMENT = "document"
    WEB = "web"


class TextScope(StrEnum):
    """Which narrative text a Text record holds; ``ref`` says for which area/sub-area."""

    AREA_INTRO = "area_intro"  # the evaluation's own "Allmänt" (defaults to the standard text)
    AREA = "area"  # optional text under the area heading
    SUBAREA = "subarea"  # the narrative per sub-area
    SUMMARY_OVERALL = "summary_overall"  # "Sammanfattande kommentarer"
    SUMMARY_STRONGER = "summary_stronger"  # "Starkare områden"
    SUMMARY_WEAKER = "summary_weaker"  # "Svagare områden"
    COMPARISONS = "comparisons"  # "Jämförelser" (defaults to the version's standard text)


@dataclass(frozen=True, slots=True, kw_only=True)
class EvaluationInfo(Meta):
    framework_id: str
    municipality: str  # the register's name when chosen from it, else as written
    municipality_code: str = ""  # the register's code ("1060"); "" when not chosen from it
    unlisted: bool = False  # fictional or training: never counted in a national average
    kommungrupp: str = ""
    inhabitants: int | None = None
    inhabitants_note: str = ""
    employees: int | None = None
    employees_note: str = ""
    governing_parties: str = ""
    facts: tuple[tuple[str, str], ...] = ()
    evaluation_number: int | None = None
    start_date: str = ""  # ISO dates
    end_date: str = ""
    year: int | None = None
    evaluators: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class EarlierEvaluation(Meta):
    year: int
    framework_id: str
    label: str = ""
    area_scores: Mapping[int, Decimal] = field(default_factory=dict)

    @property
    def total(self) -> Decimal:
        return sum(self.area_scores.values(), Decimal(0))


@dataclass(frozen=True, slots=True, kw_only=True)
class Interview(Meta):
    group: str  # an InterviewGroup value (free text is kept as "ovriga" in counts)
    title: str = ""
    date: str = ""
    start: str = ""
    end: str = ""
    roles: tuple[str, ...] = ()
    names: tuple[str, ...] = ()  # personal data: stays out of exports unless opted in
    participants: int | None = None
    location: str = ""

    @property
    def group_label(self) -> str:
        try:
            return InterviewGroup(self.group).label_sv
        except ValueError:
            return self.group


@dataclass(frozen=True, slots=True, kw_only=True)
class Document(Meta):
    title: str
    doc_type: str = ""
    year: int | None = None
    decided_by: str = ""
    body: str = ""
    path: str = ""
    url: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class WebSource(Meta):
    title: str
    url: str = ""
    seen: str = ""  # ISO date seen
    kind: str = "webb"  # "webb" or "sociala medier"


@dataclass(frozen=True, slots=True, kw_only=True)
class Note(Meta):
    body: str
    subarea: str | None = None
    source_kind: SourceKind = SourceKind.NONE
    interview_id: str | None = None
    document_id: str | None = None
    page: str = ""
    web_id: str | None = None
    captured_at: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class Finding(Meta):
    area: int
    kind: FindingKind
    body: str
    position: float = 0.0
    note_ids: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Text(Meta):
    scope: TextScope
    ref: str
    body: str


@dataclass(frozen=True, slots=True)
class EvaluationSnapshot:
    """Everything in one evaluation, read at one moment (input to reports, exports, checks)."""

    info: EvaluationInfo
    framework: Framework
    scores: Mapping[str, Decimal | None]
    notes: tuple[Note, ...] = ()
    findings: tuple[Finding, ...] = ()
    texts: tuple[Text, ...] = ()
    interviews: tuple[Interview, ...] = ()
    documents: tuple[Document, ...] = ()
    web_sources: tuple[WebSource, ...] = ()
    earlier: tuple[EarlierEvaluation, ...] = ()
    national: NationalAverage | None = None  # the reference stored in the file, if any
    #: Independent and recorded agreed scores; ``scores`` holds the agreed score they give.
    consensus: Consensus | None = None

    def text(self, scope: TextScope, ref: str = "") -> str:
        for t in self.texts:
            if t.scope == scope and t.ref == ref:
                return t.body
        return ""

    def area_intro(self, area_number: int) -> str:
        """The evaluation's "Allmänt" text, or the framework's standard text if not edited."""
        own = self.text(TextScope.AREA_INTRO, str(area_number))
        return intro_text(own, self.framework.area(area_number).intro)

    def findings_for(self, area: int, kind: FindingKind) -> list[Finding]:
        return sorted(
            (f for f in self.findings if f.area == area and f.kind == kind),
            key=lambda f: (f.position, f.created),
        )

    def notes_for(self, subarea: str) -> list[Note]:
        return [n for n in self.notes if n.subarea == subarea]
