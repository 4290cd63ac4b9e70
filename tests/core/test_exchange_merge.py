"""Team merge: one-sided changes flow, conflicts are kept (loser in history), merging is idempotent
and order-independent, different evaluations are refused, a backup is made first."""

from __future__ import annotations

import json
import shutil
import sqlite3
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from support import run_sql
from test_exchange_support import contents, file_state

from kompass_desktop import resources
from kompass_desktop.cli import main
from kompass_desktop.domain.errors import KompassError
from kompass_desktop.domain.model import TextScope
from kompass_desktop.exchange.errors import MergeRefused
from kompass_desktop.exchange.export import export_evaluation
from kompass_desktop.exchange.importer import import_export
from kompass_desktop.exchange.merge import MergeResult, apply_merge, plan_merge
from kompass_desktop.services import EvaluationSession, NewEvaluation
from kompass_desktop.storage import backup as backups


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    cap = capsys.readouterr()
    return code, cap.out, cap.err


def build_base(path: Path) -> dict[str, str]:
    ids = {}
    with EvaluationSession.create(
        path, NewEvaluation(resources.framework("2019"), "Delby", 2025), author="Lead"
    ) as s:
        s.scores.set_many({"1.1": 5, "1.2": 6})
        ids["n1"] = s.notes.add("Första anteckningen", "1.1").id
        ids["n2"] = s.notes.add("Andra anteckningen", "2.1").id
        ids["iv"] = s.registers.add_interview(group="fack", names=["Anna Andersson"], participants=1).id
        ids["f1"] = s.findings.add(1, "strength", "Tydliga mål", note_ids=[ids["n1"]]).id
        s.scores.set_text(TextScope.SUBAREA, "1.1", "Grundtext")
    return ids


@pytest.fixture
def team(tmp_path):
    """The lead's file and two co-evaluators' copies of it (same evaluation id)."""
    lead = tmp_path / "lead.kompass"
    ids = build_base(lead)
    copies = []
    for name in ("bea.kompass", "carl.kompass"):
        shutil.copy(lead, tmp_path / name)
        copies.append(tmp_path / name)
    return lead, copies[0], copies[1], ids


def edit(path: Path, author: str, fn) -> None:
    with EvaluationSession.open(path, author=author) as s:
        fn(s)


def merge(lead: Path, other: Path, choices=None, default="lead"):
    with EvaluationSession.open(lead, author="Lead") as s:
        plan = plan_merge(s, other)
        return plan, apply_merge(s, plan, choices, default=default)


def history_reasons(path: Path, record_id: str) -> list[tuple[str, dict]]:
    with EvaluationSession.open(path, readonly=True) as s:
        return [(h["reason"], h["data"]) for h in s.file.history(record_id)]


# -- one side changed ---------------------------------------------------------------------------


def test_changes_made_only_by_the_other_are_taken(team):
    lead, bea, _carl, ids = team

    def work(s):
        s.notes.update(ids["n1"], body="Första anteckningen, kompletterad")
        s.scores.set("1.1", 7)
        s.notes.add("Ny anteckning från Bea", "3.2")
        s.notes.delete(ids["n2"])
        s.findings.add(2, "improvement", "Uppföljning saknas")

    edit(bea, "Bea", work)
    plan, result = merge(lead, bea)
    # Bea's own score of 1.1 is a record of its own: inserted beside the lead's (consensus scoring)
    assert plan.conflicts == () and len(plan.inserts) == 3 and len(plan.updates) == 2
    assert result.backup is not None and result.backup.exists()
    assert [b.reason for b in backups.list_backups(lead)] == ["before-merge"]
    with EvaluationSession.open(lead, readonly=True) as s:
        assert s.notes.get(ids["n1"]).body == "Första anteckningen, kompletterad"
        assert s.consensus.view().get("1.1").points == {"Lead": 5, "Bea": 7}
        assert s.scores.all()["1.1"] is None  # open until the team agrees
        assert [n.body for n in s.notes.all("3.2")] == ["Ny anteckning från Bea"]
        assert ids["n2"] not in {n.id for n in s.notes.all()}  # soft-deleted on Bea's side: deleted here too
        assert s.file.get("notes", ids["n2"], include_deleted=True)["deleted"] == 1
    assert contents(lead) == contents(bea)


def test_changes_made_only_by_the_lead_are_kept(team):
    lead, bea, _carl, ids = team
    edit(lead, "Lead", lambda s: s.notes.update(ids["n1"], body="Leads version"))
    before = file_state(lead)
    plan, result = merge(lead, bea)
    assert plan.is_empty and result.backup is None
    assert file_state(lead) == before


# -- conflicts ------------------------------------------------------------------------------------


def test_conflicts_keep_the_lead_and_the_loser_goes_to_history(team):
    lead, bea, _carl, ids = team
    edit(
        lead,
        "Lead",
        lambda s: (s.notes.update(ids["n1"], body="Leads text"), s.consensus.agree("1.1", 4, "Leads skäl")),
    )
    edit(
        bea,
        "Bea",
        lambda s: (s.notes.update(ids["n1"], body="Beas text"), s.consensus.agree("1.1", 8, "Beas skäl")),
    )
    plan, result = merge(lead, bea)
    found = {c.table: c for c in plan.conflicts}
    assert set(found) == {"notes", "scores"}  # agreed scores merge like any record
    assert [(d.name, d.lead, d.other) for d in found["notes"].fields] == [("body", "Leads text", "Beas text")]
    assert [(d.name, d.lead, d.other) for d in found["scores"].fields] == [
        ("points", "4", "8"),
        ("reason", "Leads skäl", "Beas skäl"),
    ]
    assert found["notes"].label == "Anteckning ”Leads text”"
    assert found["scores"].label == "Överenskommen poäng för delfråga 1.1"
    assert (result.conflicts_kept_lead, result.conflicts_took_other) == (2, 0)
    with EvaluationSession.open(lead, readonly=True) as s:
        assert s.notes.get(ids["n1"]).body == "Leads text" and str(s.scores.all()["1.1"]) == "4"
    lost = [data for reason, data in history_reasons(lead, ids["n1"]) if reason == "merge-lost"]
    assert [d["body"] for d in lost] == ["Beas text"]


def test_choices_per_conflict(team):
    lead, bea, _carl, ids = team
    edit(lead, "Lead", lambda s: (s.notes.update(ids["n1"], body="Lead"), s.consensus.agree("1.2", 1, "L")))
    edit(bea, "Bea", lambda s: (s.notes.update(ids["n1"], body="Bea"), s.consensus.agree("1.2", 2, "B")))
    with EvaluationSession.open(lead) as s:
        plan = plan_merge(s, bea)
        note_conflict = next(c for c in plan.conflicts if c.table == "notes")
        result = apply_merge(s, plan, {note_conflict.id: "other"})
        assert s.notes.get(ids["n1"]).body == "Bea" and str(s.scores.all()["1.2"]) == "1"
    assert (result.conflicts_kept_lead, result.conflicts_took_other) == (1, 1)
    lost = [d["body"] for reason, d in history_reasons(lead, ids["n1"]) if reason == "merge-lost"]
    assert lost == ["Lead"]  # the lead's value is not deleted either


@pytest.mark.parametrize(
    ("choices", "default", "expected"),
    [
        ({"nej": "other", "inte-heller": "lead"}, "lead", "Okända konflikter i valen: inte-heller, nej."),
        ({}, "båda", "Ogiltigt val ”båda”: ange lead eller other."),
    ],
)
def test_choices_that_are_no_choice_change_nothing(team, choices, default, expected):
    lead, bea, _carl, ids = team
    edit(lead, "Lead", lambda s: s.notes.update(ids["n1"], body="Lead"))
    edit(bea, "Bea", lambda s: (s.notes.update(ids["n1"], body="Bea"), s.notes.add("Ny", "3.1")))
    with EvaluationSession.open(lead) as s:
        plan = plan_merge(s, bea)
        with pytest.raises(KompassError) as refused:
            apply_merge(s, plan, choices, default=default)
        assert str(refused.value) == expected
        assert s.notes.get(ids["n1"]).body == "Lead" and len(s.notes.all()) == 2


def test_cli_lists_conflicts_and_prefer_other(team, capsys):
    lead, bea, _carl, ids = team
    edit(lead, "Lead", lambda s: s.notes.update(ids["n1"], body="Lead"))
    edit(bea, "Bea", lambda s: s.notes.update(ids["n1"], body="Bea"))
    conflict = (
        f"Konflikt: Anteckning ”Lead” [id {ids['n1']}]\n    Text: huvudfilen ”Lead” / bea.kompass ”Bea”\n"
    )
    summary = "0 nya poster, 0 uppdaterade, 1 konflikt, 8 oförändrade"
    planned = (
        f"{conflict}    → huvudfilens värde skulle behållas; det andra sparas i historiken.\n"
        f"Provkörning (inget skrevs): {summary}.\n"
    )
    assert run(capsys, "merge", lead, bea, "--dry-run") == (0, planned, "")
    assert run(capsys, "merge", lead, bea, "--prefer", "lead", "--dry-run") == (0, planned, "")  # the default
    code, out, _ = run(capsys, "merge", lead, bea, "--prefer", "other")
    [backup] = backups.list_backups(lead)
    assert (code, out) == (
        0,
        f"{conflict}    → den andra filens värde behålls; det andra sparas i historiken.\n"
        f"Slog samman {bea} in i {lead}: {summary}.\nSäkerhetskopia före sammanslagningen: {backup.path}\n",
    )
    with EvaluationSession.open(lead, readonly=True) as s:
        assert s.notes.get(ids["n1"]).body == "Bea"
    code, out, _ = run(capsys, "merge", lead, bea)
    assert (code, out) == (0, f"Inget att slå samman: {bea} innehåller inget nytt för {lead}.\n")


def test_deletion_against_an_edit_is_a_conflict(team):
    lead, bea, _carl, ids = team
    edit(lead, "Lead", lambda s: s.notes.update(ids["n2"], body="Ändrad av lead"))
    edit(bea, "Bea", lambda s: s.notes.delete(ids["n2"]))
    plan, _ = merge(lead, bea)
    [conflict] = plan.conflicts
    assert sorted(d.name for d in conflict.fields) == ["body", "deleted"]


# -- idempotence, order, independently created keyed records ---------------------------------------


def test_merging_twice_changes_nothing(team):
    lead, bea, _carl, ids = team
    edit(lead, "Lead", lambda s: s.notes.update(ids["n1"], body="Lead"))
    edit(bea, "Bea", lambda s: (s.notes.update(ids["n1"], body="Bea"), s.notes.add("Ny", "4.1")))
    merge(lead, bea)
    after_first = file_state(lead)
    plan, result = merge(lead, bea)
    assert plan.is_empty and result == MergeResult(0, 0, 0, 0, 0, None)  # nothing counted, no backup
    assert file_state(lead) == after_first
    assert len(backups.list_backups(lead)) == 1


def test_merge_order_does_not_matter_without_conflicts(team, tmp_path):
    lead, bea, carl, ids = team
    edit(
        bea,
        "Bea",
        lambda s: (s.notes.update(ids["n1"], body="Bea"), s.scores.set("2.1", 3), s.notes.add("B", None)),
    )
    edit(carl, "Carl", lambda s: (s.notes.delete(ids["n2"]), s.scores.set("3.1", 2), s.notes.add("C", "3.1")))
    edit(carl, "Carl", lambda s: s.scores.set("2.1", 3))  # the same value as Bea: no conflict
    other_order = tmp_path / "lead2.kompass"
    shutil.copy(lead, other_order)
    for first, second, target in ((bea, carl, lead), (carl, bea, other_order)):
        p1, _ = merge(target, first)
        p2, _ = merge(target, second)
        assert p1.conflicts == () and p2.conflicts == ()
    assert contents(lead) == contents(other_order)


def test_independently_created_keyed_records(team):
    lead, bea, _carl, _ids = team
    edit(
        lead,
        "Lead",
        lambda s: (s.consensus.agree("3.1", 4), s.scores.set_text(TextScope.SUBAREA, "2.2", "Lead skrev")),
    )
    edit(
        bea,
        "Bea",
        lambda s: (s.consensus.agree("3.1", 4), s.scores.set_text(TextScope.SUBAREA, "2.2", "Bea skrev")),
    )
    plan, _ = merge(lead, bea)
    assert [c.table for c in plan.conflicts] == ["texts"]  # the equal agreed score is no conflict
    assert len(plan.same) == 1
    edit(bea, "Bea", lambda s: s.consensus.agree("3.1", 6, "Ny uppgift"))  # Bea changes on from it
    plan, _ = merge(lead, bea)
    assert plan.conflicts == () and [t for t, _ in plan.updates] == ["scores"]
    with EvaluationSession.open(lead, readonly=True) as s:
        assert str(s.scores.all()["3.1"]) == "6"


subs = ["1.1", "1.2", "1.3"]
score_edits = st.dictionaries(st.sampled_from(subs), st.integers(0, 4), max_size=3)


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(lead_edits=score_edits, other_edits=score_edits)
def test_score_merge_property(tmp_path_factory, lead_edits, other_edits):
    """Each evaluator's own scores merge side by side: never a conflict, nothing lost, the same
    result in either direction, and merging again changes nothing."""
    base_scores = {"1.1": 5, "1.2": 6}  # the lead's own, from before the copy
    with tempfile.TemporaryDirectory() as tmp:
        lead, other = Path(tmp) / "lead.kompass", Path(tmp) / "other.kompass"
        build_base(lead)
        shutil.copy(lead, other)
        edit(lead, "Lead", lambda s: [s.scores.set(k, v) for k, v in lead_edits.items()])
        edit(other, "Bea", lambda s: [s.scores.set(k, v) for k, v in other_edits.items()])
        backwards = Path(tmp) / "backwards.kompass"
        shutil.copy(other, backwards)
        plan, _ = merge(lead, other)
        assert plan.conflicts == ()
        with EvaluationSession.open(backwards, author="Bea") as s:
            assert apply_merge(s, plan_merge(s, lead)) is not None
        expected = {}
        for sub in subs:
            own = {"Lead": lead_edits.get(sub, base_scores.get(sub)), "Bea": other_edits.get(sub)}
            expected[sub] = {k: v for k, v in own.items() if v is not None}
        for path in (lead, backwards):
            with EvaluationSession.open(path, readonly=True) as s:
                view = s.consensus.view()
                assert {sub: {k: int(v) for k, v in view.get(sub).points.items()} for sub in subs} == expected
                for sub in subs:
                    values = set(expected[sub].values())
                    assert view.get(sub).agreed == (values.pop() if len(values) == 1 else None)
        again, _ = merge(lead, other)
        assert again.is_empty


# -- refusals and the file kinds OTHER can be -----------------------------------------------------


def test_different_evaluations_are_refused(team, tmp_path, capsys):
    lead, _bea, _carl, _ids = team
    stranger = tmp_path / "stranger.kompass"
    build_base(stranger)
    before = file_state(lead)
    code, _, err = run(capsys, "merge", lead, stranger)
    assert (code, err) == (
        1,
        "kompass merge: stranger.kompass gäller en annan utvärdering än lead.kompass (olika "
        "utvärderings-id); bara kopior av samma utvärdering kan slås samman.\n",
    )
    assert file_state(lead) == before and backups.list_backups(lead) == []
    code, _, err = run(capsys, "merge", lead, lead)
    assert (code, err) == (
        1,
        "kompass merge: lead.kompass är samma fil som lead.kompass; ange en annan fil.\n",
    )


def _change_copy(path: Path, *statements: tuple[str, tuple]) -> None:
    """Change a copy as another program could (the checks of a merge must see it)."""
    conn = sqlite3.connect(path)
    with conn:
        for sql, params in statements:
            conn.execute(sql, params)
    conn.close()


def test_a_copy_of_another_framework_version_is_refused(team, capsys):
    lead, bea, _carl, _ids = team
    framework = json.dumps(resources.framework("2016").to_dict())
    _change_copy(
        bea,
        ("UPDATE framework_copy SET id = '2016', data = ?", (framework,)),
        ("UPDATE evaluation SET framework_id = '2016'", ()),
    )
    before = file_state(lead)
    code, _, err = run(capsys, "merge", lead, bea)
    assert (code, err) == (1, "kompass merge: bea.kompass använder ramverket 2016, huvudfilen 2019.\n")
    assert file_state(lead) == before and backups.list_backups(lead) == []


def test_a_copy_with_an_impossible_score_is_refused_naming_it(team, capsys):
    lead, bea, _carl, _ids = team
    _change_copy(bea, ("UPDATE independent_scores SET points = '99' WHERE subarea = '1.1'", ()))
    before = file_state(lead)
    code, _, err = run(capsys, "merge", lead, bea)
    assert (code, err) == (
        1,
        "kompass merge: bea.kompass: innehållet är inte konsekvent: $.records.independent_scores[0].points: "
        "Delfråga 1.1: 99 är över maxpoängen 20.\n",
    )
    assert file_state(lead) == before and backups.list_backups(lead) == []


def test_co_evaluator_works_in_an_imported_copy(team, tmp_path):
    lead, _bea, _carl, ids = team
    export_evaluation(lead, tmp_path / "to-bea.kkx", personal_data=True)
    import_export(tmp_path / "to-bea.kkx", tmp_path / "bea-import.kompass")
    edit(tmp_path / "bea-import.kompass", "Bea", lambda s: s.notes.update(ids["n1"], body="Från importen"))
    export_evaluation(tmp_path / "bea-import.kompass", tmp_path / "from-bea.kkx", personal_data=True)
    for other in (tmp_path / "from-bea.kkx", tmp_path / "bea-import.kompass"):
        plan, _ = merge(lead, other)
        assert plan.conflicts == ()
    with EvaluationSession.open(lead, readonly=True) as s:
        assert s.notes.get(ids["n1"]).body == "Från importen"
        assert s.registers.interviews()[0].names == ("Anna Andersson",)


def test_exports_without_personal_data_cannot_be_merged(team, tmp_path, capsys):
    lead, bea, _carl, _ids = team
    export_evaluation(bea, tmp_path / "skr.kkx")
    code, _, err = run(capsys, "merge", lead, tmp_path / "skr.kkx")
    assert (code, err) == (
        1,
        "kompass merge: skr.kkx saknar personuppgifter (intervjuanteckningar och namn) och kan inte slås "
        "samman. Be om en export med --include-personal-data eller om .kompass-filen.\n",
    )


def test_a_file_imported_without_personal_data_cannot_be_merged(team, tmp_path, capsys):
    lead, bea, _carl, _ids = team
    export_evaluation(bea, tmp_path / "skr.kkx")
    import_export(tmp_path / "skr.kkx", tmp_path / "skr.kompass")
    before = file_state(lead)
    code, _, err = run(capsys, "merge", lead, tmp_path / "skr.kompass")
    assert (code, err) == (
        1,
        "kompass merge: skr.kompass är importerad från en export utan personuppgifter (namn och "
        "intervjuanteckningar saknas) och kan inte slås samman.\n",
    )
    assert file_state(lead) == before and backups.list_backups(lead) == []


def test_a_sealed_export_cannot_be_merged(team, tmp_path, capsys):
    from kompass_desktop.exchange.seal import keygen

    lead, bea, _carl, _ids = team
    pub, _key = keygen(tmp_path / "k")
    export_evaluation(bea, tmp_path / "sealed.kkx", personal_data=True, seal_key=pub)
    before = file_state(lead)
    code, _, err = run(capsys, "merge", lead, tmp_path / "sealed.kkx")
    assert (code, err) == (
        1,
        "kompass merge: sealed.kkx är förseglad för SKR och kan inte slås samman; öppna den först (kompass "
        "unseal).\n",
    )
    assert file_state(lead) == before and backups.list_backups(lead) == []


def test_a_copy_without_its_history_still_merges(team):
    """Another program emptied the copy's history: what both sides changed is a conflict, what
    only the copy has is taken."""
    lead, bea, _carl, ids = team
    edit(lead, "Lead", lambda s: s.notes.update(ids["n1"], body="Lead"))
    edit(bea, "Bea", lambda s: (s.notes.update(ids["n1"], body="Bea"), s.notes.add("Ny", "3.1")))
    run_sql(bea, "DELETE FROM history")
    plan, result = merge(lead, bea)
    assert [c.id for c in plan.conflicts] == [ids["n1"]] and len(plan.inserts) == 1
    assert (result.conflicts_kept_lead, result.inserted) == (1, 1)


def test_a_stale_plan_is_refused(team):
    lead, bea, _carl, ids = team
    edit(bea, "Bea", lambda s: s.notes.update(ids["n1"], body="Bea"))
    with EvaluationSession.open(lead) as s:
        plan = plan_merge(s, bea)
        s.notes.update(ids["n1"], body="Lead hann före")
        with pytest.raises(MergeRefused) as refused:
            apply_merge(s, plan)
        assert str(refused.value) == "Huvudfilen har ändrats sedan sammanslagningen planerades; planera om."
        assert s.notes.get(ids["n1"]).body == "Lead hann före"
