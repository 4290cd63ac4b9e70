"""The Swedish word for each field of the records, as the forms name it ("Invånare",
"Utvärdering nr", "Platsbesöket börjar"): one source for every message that names a field —
the services' refusals and the merge's conflicts — never a column's internal name."""

from __future__ import annotations

from .messages import Message, msg

#: Every field a record of some table has beyond id, author, times and revision.
FIELD_WORDS: dict[str, Message] = {
    "deleted": msg("Borttagen"),
    "points": msg("Poäng"),
    "reason": msg("Skäl"),
    "rationale": msg("Motivering"),
    "subarea": msg("Delfråga"),
    "area": msg("Område"),
    "evaluator": msg("Utvärderare"),
    "scope": msg("Textens plats"),
    "ref": msg("Område eller delfråga"),
    "body": msg("Text"),
    "title": msg("Rubrik"),
    "kind": msg("Typ"),
    "position": msg("Ordning"),
    "source_kind": msg("Typ av källa"),
    "interview_id": msg("Intervju"),
    "document_id": msg("Dokument"),
    "web_id": msg("Webbkälla"),
    "page": msg("Sida"),
    "captured_at": msg("Antecknad"),
    "finding_id": msg("Iakttagelse"),
    "note_id": msg("Anteckning"),
    "grp": msg("Grupp"),
    "date": msg("Datum"),
    "start": msg("Start"),
    "end": msg("Slut"),
    "roles": msg("Roller"),
    "names": msg("Namn"),
    "participants": msg("Antal deltagare"),
    "location": msg("Plats"),
    "doc_type": msg("Dokumenttyp"),
    "year": msg("År"),
    "decided_by": msg("Beslutad av"),
    "path": msg("Fil på disken"),
    "url": msg("Webbadress"),
    "seen": msg("Besökt den"),
    "framework_id": msg("Version av Kommunkompassen"),
    "label": msg("Benämning"),
    "area_scores": msg("Poäng per område"),
    "municipality": msg("Kommun"),
    "municipality_code": msg("Kommunkod"),
    "unlisted": msg("Inte i kommunregistret"),
    "kommungrupp": msg("Kommungrupp"),
    "inhabitants": msg("Invånare"),
    "inhabitants_note": msg("Invånarantalet gäller"),
    "employees": msg("Anställda"),
    "employees_note": msg("Antalet anställda gäller"),
    "governing_parties": msg("Styrande partier"),
    "facts": msg("Fler kortfakta"),
    "evaluation_number": msg("Utvärdering nr"),
    "start_date": msg("Platsbesöket börjar"),
    "end_date": msg("Platsbesöket slutar"),
    "evaluators": msg("Utvärderare"),
}
#: Where a table names a field otherwise (as its register's form does).
TABLE_FIELD_WORDS: dict[tuple[str, str], Message] = {
    ("documents", "title"): msg("Titel"),
    ("documents", "body"): msg("Sammanfattning"),
}


def field_label(table: str, name: str) -> str:
    """A field's Swedish name ("Text", "Poäng"); an unknown field (a bug) by its name."""
    if (table, name) in TABLE_FIELD_WORDS:
        return TABLE_FIELD_WORDS[table, name]
    return FIELD_WORDS.get(name, name)
