"""A damaged value in each kind of record is named the way a reader knows the record, in the
whole message the user sees (storage/values.py): "poängen för delfråga 1.3", "texten subarea
1.1", "anteckningen 3690e86c", … and a damaged optional setting is named and not used.

The damage is made with SQL on a closed copy of the demo, as another program would (the
database itself stays sound); nothing is ever written into the damaged file."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest
from support import digest, run_sql

from kompass_desktop.cli import main
from kompass_desktop.services import EvaluationSession

BLOB = "X'00'"
#: How the blob is shown in a message (Python's repr of the bytes).
SHOWN = "(b'\\x00')"
NOT_TEXT = f"{SHOWN} är inte av typen TEXT"

#: case -> (table, column, new value in SQL, which rows may be damaged, the problem as the user
#: reads it: {id} is the first eight characters of the damaged record's id, other fields its own)
CASES: dict[str, tuple[str, str, str, str, str]] = {
    "the evaluation": ("evaluation", "author", BLOB, "1", f"utvärderingen: fältet author {NOT_TEXT}"),
    "a score": (
        "scores",
        "points",
        "'abc'",
        "1",
        "poängen för delfråga {subarea}: fältet points: poängen ”abc” är inte ett tal",
    ),
    "a score without its subarea": (
        "scores",
        "subarea",
        BLOB,
        "1",
        f"poängposten {{id}}: fältet subarea {NOT_TEXT}",
    ),
    "a text of a subarea": (
        "texts",
        "body",
        BLOB,
        "ref != ''",
        f"texten {{scope}} {{ref}}: fältet body {NOT_TEXT}",
    ),
    "a text without its scope": (
        "texts",
        "scope",
        BLOB,
        "1",
        f"texten {{id}}: fältet scope {NOT_TEXT}; texten {{id}}: fältet scope: okänt värde ”b'\\x00'” "
        "(tillåtna: area, area_intro, comparisons, subarea, summary_overall, summary_stronger, "
        "summary_weaker)",
    ),
    "a note": ("notes", "author", BLOB, "1", f"anteckningen {{id}}: fältet author {NOT_TEXT}"),
    "a note without its id": ("notes", "id", "NULL", "1", "anteckningen ?: fältet id saknas"),
    "a finding": ("findings", "author", BLOB, "1", f"iakttagelsen {{id}}: fältet author {NOT_TEXT}"),
    "a link": ("finding_notes", "author", BLOB, "1", f"länken {{id}}: fältet author {NOT_TEXT}"),
    "an interview": ("interviews", "author", BLOB, "1", f"intervjun {{id}}: fältet author {NOT_TEXT}"),
    "a document": ("documents", "author", BLOB, "1", f"dokumentet {{id}}: fältet author {NOT_TEXT}"),
    "a web source": ("web_sources", "author", BLOB, "1", f"webbkällan {{id}}: fältet author {NOT_TEXT}"),
    "an earlier evaluation": (
        "earlier_evaluations",
        "author",
        BLOB,
        "1",
        f"den tidigare utvärderingen {{id}}: fältet author {NOT_TEXT}",
    ),
    "an evaluator's own score": (
        "independent_scores",
        "points",
        "'abc'",
        "evaluator != ''",
        "poängen för delfråga {subarea} av {evaluator}: fältet points: poängen ”abc” är inte ett tal",
    ),
    "an evaluator's own score without its subarea": (
        "independent_scores",
        "subarea",
        BLOB,
        "1",
        f"den egna poängen {{id}}: fältet subarea {NOT_TEXT}",
    ),
}


def damage(path: Path, table: str, column: str, value: str, rows: str) -> dict[str, Any]:
    """Damage one record (the first of ``rows``); returns its fields as they were."""
    conn = sqlite3.connect(path)
    conn.row_factory = sqlite3.Row
    try:
        record = conn.execute(f"SELECT rowid, * FROM {table} WHERE {rows} ORDER BY rowid LIMIT 1").fetchone()
    finally:
        conn.close()
    assert record is not None, f"the demo has no record in {table} where {rows}"
    run_sql(path, f"UPDATE {table} SET {column} = {value} WHERE rowid = {record['rowid']}")
    fields = dict(record)
    fields["id"] = str(fields["id"])[:8]
    return fields


@pytest.mark.parametrize("command", ["validate", "summary"])
@pytest.mark.parametrize("case", sorted(CASES))
def test_a_damaged_value_names_its_record_as_the_reader_knows_it(demo_copy, capsys, case, command):
    table, column, value, rows, problem = CASES[case]
    fields = damage(demo_copy, table, column, value, rows)
    before = digest(demo_copy)
    code = main([command, str(demo_copy)])
    assert (code, capsys.readouterr().err) == (
        1,
        f"kompass {command}: demo.kompass innehåller skadade värden: {problem.format(**fields)}. "
        "Filen öppnas inte; återställ en säkerhetskopia (kompass backups).\n",
    )
    assert digest(demo_copy) == before


def test_a_damaged_stored_national_average_is_named_in_full_by_validate(demo_copy, capsys):
    """An optional setting: named with where it is kept and what is wrong, and not used."""
    run_sql(demo_copy, "INSERT OR REPLACE INTO meta VALUES ('national_average', '{\"frameworks\": ')")
    problem = 'inställningen national_average (tabellen meta): ogiltig JSON (”{"frameworks": ”)'
    before = digest(demo_copy)
    assert main(["validate", str(demo_copy)]) == 1
    assert capsys.readouterr().err == f"{demo_copy}: 1 problem hittades:\n  {problem}\n"
    assert digest(demo_copy) == before
    with EvaluationSession.open(demo_copy, readonly=True) as session:
        assert session.file.notices == [f"demo.kompass: {problem}; den används inte"]
