"""Domain labels in the language of the GUI, chosen by stable keys (never by matching Swedish text).

The domain keeps Swedish labels for reports and exports (``InterviewGroup.label_sv``, coverage
column labels, open-item messages); on screen the same things are worded here, so the English
UI says "Political leadership" where the Swedish one says "Politisk ledning".  The instrument's
own texts (areas, sub-areas, guiding questions) stay Swedish in both languages.
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QCoreApplication, QObject

from ..domain.checks import OpenItem
from ..domain.comparison import ChartNote, NoteKind
from ..domain.consensus import Status, TeamAgreement, share_text
from ..domain.coverage import DOCUMENTS, NO_NOTES, ONE_SOURCE, OTHER, UNSUPPORTED, WEB
from ..domain.framework import FindingKind, Framework
from ..domain.model import InterviewGroup, TextScope
from ..domain.reference import NationalAverage
from ..domain.scoring import format_exact


def group_labels() -> dict[InterviewGroup, str]:
    """The interview groups, in order, as shown (group → label)."""
    return {
        InterviewGroup.POLITISK_LEDNING: QCoreApplication.translate("wording", "Politisk ledning"),
        InterviewGroup.POLITIKER: QCoreApplication.translate(
            "wording", "Förtroendevalda (majoritet och opposition)"
        ),
        InterviewGroup.LEDNING: QCoreApplication.translate("wording", "Kommundirektör och ledningsgrupp"),
        InterviewGroup.FORVALTNINGSCHEFER: QCoreApplication.translate("wording", "Förvaltningschefer"),
        InterviewGroup.STAB: QCoreApplication.translate("wording", "Stabs- och stödfunktioner"),
        InterviewGroup.ENHETSCHEFER: QCoreApplication.translate("wording", "Enhetschefer"),
        InterviewGroup.FACK: QCoreApplication.translate("wording", "Fackliga representanter"),
        InterviewGroup.BOLAG: QCoreApplication.translate("wording", "Kommunala bolag"),
        InterviewGroup.OVRIGA: QCoreApplication.translate("wording", "Övriga"),
    }


def group_label(group: str) -> str:
    """An interview group as shown; a free-text group as it was written."""
    try:
        return group_labels()[InterviewGroup(group)]
    except ValueError:
        return group


def group_short(group: str) -> str:
    """A short group label for narrow columns (the coverage matrix)."""
    shorts = {
        InterviewGroup.POLITISK_LEDNING: QCoreApplication.translate("wording", "Pol. ledning"),
        InterviewGroup.POLITIKER: QCoreApplication.translate("wording", "Förtr.valda"),
        InterviewGroup.LEDNING: QCoreApplication.translate("wording", "Ledningsgr."),
        InterviewGroup.FORVALTNINGSCHEFER: QCoreApplication.translate("wording", "Förv.chefer"),
        InterviewGroup.STAB: QCoreApplication.translate("wording", "Stab"),
        InterviewGroup.ENHETSCHEFER: QCoreApplication.translate("wording", "Enh.chefer"),
        InterviewGroup.FACK: QCoreApplication.translate("wording", "Fack"),
        InterviewGroup.BOLAG: QCoreApplication.translate("wording", "Bolag"),
        InterviewGroup.OVRIGA: QCoreApplication.translate("wording", "Övriga"),
    }
    try:
        return shorts[InterviewGroup(group)]
    except ValueError:
        return group


def roles_label() -> str:
    """The roles of an interview: one wording in the interview dialog and the register."""
    return QCoreApplication.translate("wording", "Roller (åtskilda med kommatecken)")


def names_label() -> str:
    """The names of those interviewed: one wording everywhere (a personal detail, optional)."""
    return QCoreApplication.translate("wording", "Namn (frivilligt, personuppgift)")


def coverage_column(key: str) -> tuple[str, str]:
    """(short, full) heading of a column of the coverage matrix."""
    others = {
        DOCUMENTS: (
            QCoreApplication.translate("wording", "Dokument"),
            QCoreApplication.translate("wording", "Dokument"),
        ),
        WEB: (
            QCoreApplication.translate("wording", "Webb"),
            QCoreApplication.translate("wording", "Webb och sociala medier"),
        ),
        OTHER: (
            QCoreApplication.translate("wording", "Utan källa"),
            QCoreApplication.translate("wording", "Anteckningar utan källa"),
        ),
    }
    if key in others:
        return others[key]
    return group_short(key), group_label(key)


def coverage_warning(key: str) -> str:
    words = {
        NO_NOTES: QCoreApplication.translate("wording", "inga anteckningar"),
        UNSUPPORTED: QCoreApplication.translate("wording", "poäng utan underlag"),
        ONE_SOURCE: QCoreApplication.translate("wording", "bara en källa"),
    }
    return words.get(key, key)


def web_kinds() -> dict[str, str]:
    """The kinds of web sources (stored key → label as shown)."""
    return {
        "webb": QCoreApplication.translate("wording", "webb"),
        "sociala medier": QCoreApplication.translate("wording", "sociala medier"),
    }


def web_kind(kind: str) -> str:
    """A web source's kind as shown; a kind of its own as written."""
    return web_kinds().get(kind, kind)


def consensus_status(status: Status) -> str:
    """Where a sub-area's consensus stands ("överens", "oense" …), as shown."""
    return {
        Status.AGREED: QCoreApplication.translate("wording", "överens"),
        Status.SINGLE: QCoreApplication.translate("wording", "en bedömning"),
        Status.OPEN: QCoreApplication.translate("wording", "oense"),
        Status.UNSCORED: QCoreApplication.translate("wording", "ej bedömd"),
    }[status]


def finding_kind(kind: FindingKind) -> str:
    return {
        FindingKind.STRENGTH: QCoreApplication.translate("wording", "Styrkor"),
        FindingKind.IMPROVEMENT: QCoreApplication.translate("wording", "Förbättringsmöjligheter"),
        FindingKind.WEAKNESS: QCoreApplication.translate("wording", "Svagheter"),
    }[kind]


def open_item(item: OpenItem, framework: Framework) -> str:
    """What is missing, worded from the item's kind and reference (unknown kinds: its message)."""
    if item.kind in ("unscored", "no_evidence", "empty_text") and framework.has_subarea(item.ref):
        sub = framework.subarea(item.ref)
        what = {
            "unscored": QCoreApplication.translate("wording", "ingen poäng satt"),
            "no_evidence": QCoreApplication.translate("wording", "poäng utan underlag (inga anteckningar)"),
            "empty_text": QCoreApplication.translate("wording", "text saknas"),
        }[item.kind]
        return f"{sub.number} {sub.heading}: {what}"
    if item.kind == "not_agreed" and framework.has_subarea(item.ref) and item.detail:
        sub = framework.subarea(item.ref)
        return QCoreApplication.translate(
            "wording", "{0} {1}: utvärderarna har inte enats om poängen ({2})"
        ).format(sub.number, sub.heading, item.detail)
    if item.kind == "no_findings" and item.ref.isdigit() and item.detail:
        area = framework.area(int(item.ref))
        kind = FindingKind(item.detail)
        missing = {
            FindingKind.STRENGTH: QCoreApplication.translate("wording", "inga styrkor"),
            FindingKind.IMPROVEMENT: QCoreApplication.translate("wording", "inga förbättringsmöjligheter"),
            FindingKind.WEAKNESS: QCoreApplication.translate("wording", "inga svagheter"),
        }[kind]
        return QCoreApplication.translate("wording", "Område {0} {1}: {2}").format(
            area.number, area.title, missing
        )
    if item.kind == "no_summary" and item.detail:
        texts = {
            TextScope.SUMMARY_OVERALL.value: QCoreApplication.translate(
                "wording", "Sammanfattande kommentarer: text saknas"
            ),
            TextScope.SUMMARY_STRONGER.value: QCoreApplication.translate(
                "wording", "Starkare områden: text saknas"
            ),
            TextScope.SUMMARY_WEAKER.value: QCoreApplication.translate(
                "wording", "Svagare områden: text saknas"
            ),
        }
        return texts.get(item.detail, item.message)
    whole = {
        "municipality_not_in_register": QCoreApplication.translate(
            "wording",
            "Kommunen ”{0}” är inte vald ur kommunregistret: välj den under "
            "Redigera → Uppgifter om kommunen och utvärderingen",
        ).format(item.detail),
        "no_dates": QCoreApplication.translate(
            "wording", "Utvärderingens datum saknas (uppgifter om utvärderingen)"
        ),
        "no_evaluators": QCoreApplication.translate(
            "wording", "Utvärderarnas namn saknas (uppgifter om utvärderingen)"
        ),
        "example_national_average": QCoreApplication.translate(
            "wording",
            "Det nationella medelvärdet är programmets exempeldata: ange SKR:s medelvärdesfil, "
            "eller gör rapporten utan nationellt medelvärde",
        ),
    }
    return whole.get(item.kind, item.message)


class _TeamWording(QObject):
    """Plural forms need ``self.tr(…, n)``: lupdate ignores the count of ``translate``."""

    def text(self, team: TeamAgreement) -> str:
        if not team.compared:
            return self.tr("Samstämmighet: ingen delfråga har bedömts av fler än en utvärderare än.")
        mean = format_exact((team.mean_abs_difference or Decimal(0)).quantize(Decimal("0.01")))
        return self.tr(
            "Samstämmighet från början: {0} av %n delfrågor med flera bedömningar lika ({1}), "
            "medelavvikelse {2} poäng, {3} med stor skillnad.",
            "",
            team.compared,
        ).format(team.equal, share_text(team.share_equal), mean, team.notable)


def team_agreement(team: TeamAgreement) -> str:
    """How far the evaluators agreed from the start, in the GUI's language (the domain's
    ``describe()`` is the Swedish line of reports)."""
    return _TeamWording().text(team)


def gui_language() -> str:
    """ "sv" or "en": the language of the installed translation (Qt's idiom: a message whose
    translation is the language's code), for data that carries its own English text."""
    return QCoreApplication.translate("wording", "sv")


def in_gui_language(swedish: str, english: str) -> str:
    """A text from the data in the GUI's language (Swedish when it has no English)."""
    return english if english and gui_language() == "en" else swedish


def national_label(average: NationalAverage) -> str:
    """The national average as the charts name it: "Nationellt medelvärde 2020–2025 (n = 42)",
    "… – EXEMPELDATA" for the example data shipped with the app; a name of its own as given."""
    if not average.generic_label:
        return average.label
    label = (
        QCoreApplication.translate("wording", "Nationellt medelvärde {0}").format(average.period)
        if average.period
        else QCoreApplication.translate("wording", "Nationellt medelvärde")
    )
    if average.example:
        return QCoreApplication.translate("wording", "{0} – EXEMPELDATA").format(label)
    return f"{label} (n = {average.n})" if average.n else label


def chart_note(note: ChartNote, national: NationalAverage | None = None) -> str | None:
    """A note on what the charts do not compare, in the GUI's language; None for what the
    charts show themselves (a total of another version is marked "(annan version)")."""
    reason = in_gui_language(note.reason, note.reason_en)
    if note.kind == NoteKind.VERSION_NOT_COMPARABLE:
        return QCoreApplication.translate("wording", "{0}: version {1} kan inte jämföras med {2}.").format(
            note.label, note.version, note.current
        )
    if note.kind == NoteKind.AREA_NOT_COMPARABLE:
        old = note.old_title or QCoreApplication.translate("wording", "område {0}").format(note.old_area)
        if reason:
            return QCoreApplication.translate(
                "wording", "Område {0} jämförs inte med {1}: {2} är inte jämförbart ({3})."
            ).format(note.area, note.label, old, reason.rstrip("."))  # the sentence's own full stop
        return QCoreApplication.translate(
            "wording", "Område {0} jämförs inte med {1}: {2} är inte jämförbart."
        ).format(note.area, note.label, old)
    if note.kind == NoteKind.OTHER_VERSION:
        return QCoreApplication.translate("wording", "{0} gjordes med en annan version: {1}").format(
            note.label, reason
        )
    if note.kind == NoteKind.NATIONAL_OTHER_VERSION:
        label = national_label(national) if national is not None else note.label
        return QCoreApplication.translate("wording", "{0} gäller en annan version och visas inte.").format(
            label
        )
    return None
