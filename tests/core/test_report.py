"""The PDF report: structure of the published reports, one source of truth for every number."""

from __future__ import annotations

import json
import re
from datetime import datetime
from decimal import Decimal
from pathlib import Path

import pytest
from pypdf import PdfReader
from reporthelp import SKR_LABEL, skr_average

from kompass_desktop import __version__
from kompass_desktop.cli import main
from kompass_desktop.domain.model import InterviewGroup
from kompass_desktop.domain.scoring import round_display
from kompass_desktop.report import build_report, missing_for_final
from kompass_desktop.services import EvaluationSession
from kompass_desktop.services.comparison import snapshot_chart_data

NOW = datetime(2025, 11, 3, 14, 5)


def flat(text: str) -> str:
    return " ".join(text.split())


class Pdf:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.reader = PdfReader(path)
        self.pages = [flat(p.extract_text()) for p in self.reader.pages]
        self.text = " ".join(self.pages)
        toc = next((i for i, page in enumerate(self.pages[:4]) if "Innehåll" in page), -1)
        self.body = " ".join(self.pages[toc + 1 :])  # after the table of contents

    def between(self, start: str, end: str | None) -> str:
        """The body text from ``start`` up to (not including) ``end``."""
        head = self.body.index(start)
        return self.body[head : self.body.index(end, head) if end else None]


@pytest.fixture(scope="module")
def demo_snap(demo_template):
    with EvaluationSession.open(demo_template, readonly=True) as s:
        return s.snapshot()


@pytest.fixture(scope="module")
def skr_file(tmp_path_factory):
    return skr_average(tmp_path_factory.mktemp("skr"))


@pytest.fixture(scope="module")
def final(demo_snap, tmp_path_factory, skr_file):
    out = tmp_path_factory.mktemp("final") / "Lindsjö.pdf"
    result = build_report(demo_snap, out, draft=False, now=NOW, national_path=skr_file)
    return result, Pdf(out)


@pytest.fixture(scope="module")
def draft(demo_snap, tmp_path_factory):
    out = tmp_path_factory.mktemp("draft") / "utkast.pdf"
    result = build_report(demo_snap, out, draft=True, now=NOW)
    return result, Pdf(out)


def summary_json(capsys, path: Path) -> dict:
    assert main(["summary", str(path), "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def shown(value: float | int | None) -> str:
    return "–" if value is None else str(round_display(Decimal(str(value))))


# -- structure --------------------------------------------------------------------------------


def test_final_report_has_the_chapters_of_the_published_reports(final, demo_snap):
    result, pdf = final
    assert result.pages == len(pdf.reader.pages) > 25 and not result.draft
    title, toc = pdf.pages[0], pdf.pages[1]
    assert "Lindsjö kommun" in title and "Kommunkompassen — analys av Lindsjö kommun" in title
    assert "Oktober 2025" in title and "Karin Ekström och Johan Alm" in title
    assert "Innehåll" in toc
    chapters = [
        "1 Vad är Kommunkompassen?",
        "2 Lindsjö kommun i förhållande till Kommunkompassen: en sammanfattande genomgång",
        "3 Detaljerad genomgång per område",
        "4 Översikt av poängfördelning",
        "5 Kortfakta om Lindsjö kommun",
    ]
    for heading in chapters:
        assert heading in toc  # listed in the table of contents ...
        assert pdf.text.count(heading) >= 2  # ... and printed as a heading
    for section in (
        "Utvärderingen",
        "Sammanfattning av resultat",
        "Sammanfattande kommentarer",
        "Starkare områden",
        "Svagare områden",
        "Allmänt",
    ):
        assert section in pdf.text
    for area in demo_snap.framework.areas:
        assert f"Område {area.number} {area.title}" in toc
        assert f"Område {area.number} {area.title} Rubriker Poäng" in pdf.text
        for sub in area.subareas:
            assert sub.heading in pdf.text
    assert "Styrkor Förbättringsmöjligheter" in pdf.text and "Svagheter" not in pdf.text
    assert "Uppnått Max" in pdf.text and "Procent" not in pdf.text  # 2019 reports show no percentages
    for finding in demo_snap.findings:
        assert flat(finding.body) in pdf.text
    # running header and "Sida X av Y" footer (not on the title page)
    assert "Sida" not in pdf.pages[0]
    for number, page in enumerate(pdf.pages[1:], start=2):
        assert page.startswith("Kommunkompassen — Analys av Lindsjö kommun")
        assert page.endswith(f"Sida {number} av {result.pages}")
    assert "UTKAST" not in pdf.text and "öppna punkter" not in pdf.text and "¶" not in pdf.text


def test_facts_and_the_evaluation_paragraph_come_from_the_registers(final, demo_snap):
    _, pdf = final
    facts = pdf.between("5 Kortfakta om Lindsjö kommun Kommungrupp", None)
    assert "Invånare (31 december 2024) 24 312" in facts and "Anställda (november 2024) 2 148" in facts
    assert "Styrande partier S och C" in facts and "Areal 1 046 km², varav 118 km² vatten" in facts
    people = sum(i.participants or 0 for i in demo_snap.interviews)
    assert f"genomfört {len(demo_snap.interviews)} intervjuer med sammanlagt {people} personer" in pdf.text
    assert "Den tidigare utvärderingen genomfördes år 2018." in pdf.text
    assert "och var kommunens andra utvärdering" in pdf.text
    groups = pdf.between("De intervjuade representerade följande grupper:", ".")
    for group in {InterviewGroup(i.group) for i in demo_snap.interviews}:
        assert group.label_sv[1:] in groups


def test_every_number_equals_kompass_summary(final, demo_template, capsys):
    data = summary_json(capsys, demo_template)
    _, pdf = final
    scores = pdf.between("4 Översikt av poängfördelning Nedanstående", "5 Kortfakta")
    for area in data["areas"]:
        table = scores[scores.index(f"{area['number']}. {area['title']} Uppnått Max") :]
        table = table[: table.index("Summa") + 20]
        for sub in area["subareas"]:
            row = f"{sub['number']} {sub['title']} {shown(sub['achieved'])} {shown(sub['max'])}"
            assert row in table
        assert f"Summa {shown(area['achieved'])} {shown(area['max'])}" in table
        # the area box of chapter 3 shows the same area score ...
        box = pdf.between(f"Område {area['number']} {area['title']} Rubriker Poäng", "Allmänt")
        assert box.endswith(f" {shown(area['achieved'])} ")
        # ... and so does the overview table
        assert f"{area['number']}. {area['title']} {shown(area['achieved'])} 100" in scores
    total = shown(data["total"])
    assert total == "518" and f"Totalt {total} {shown(data['max'])}" in scores
    assert f"{total} av 800 poäng totalt" in pdf.text


def test_charts_use_the_shared_chart_data_and_the_areas_real_titles(final, demo_snap, skr_file):
    _, pdf = final
    chart = snapshot_chart_data(demo_snap, skr_file)
    results = pdf.between("Sammanfattning av resultat", "Sammanfattande kommentarer")
    for i, area in enumerate(chart.areas):
        values = [s.values[i] for s in chart.series]
        printed = " ".join("ej jämförbart" if v is None else str(round_display(v)) for v in values)
        assert f"{area.number}. {area.title} {printed}" in results  # the real title, wrapped
    # 2016 area 4 is not comparable with 2019 area 8
    assert "8. Chefs- och ledarskap samt medarbetarskap 65 ej jämförbart" in results
    for series in chart.series:
        assert series.label in results
    assert SKR_LABEL in results and "exempeldata" not in results.lower()
    # the comparison across versions, in written Swedish under "Jämförelser"
    comparisons = pdf.between("Jämförelser", "Sammanfattande kommentarer")
    assert "2019/2020 gjordes en revidering av Kommunkompassen." in comparisons
    assert (
        "Område 8, Chefs- och ledarskap samt medarbetarskap, jämförs inte med utvärderingen 2018, "
        "eftersom området inte har någon jämförbar motsvarighet i version 2.1."
    ) in comparisons
    assert "Totalpoängen från 2018, 483 poäng, visas inte bredvid årets totalpoäng" in comparisons
    assert "www.skr.se/kommunkompassen" in comparisons


# -- draft ----------------------------------------------------------------------------------------


def watermarks(page) -> list[str]:
    """Large rotated text on a page (the diagonal "UTKAST")."""
    found: list[str] = []

    def visit(text, cm, tm, font, size):
        if text.strip() and size * (cm[0] ** 2 + cm[1] ** 2) ** 0.5 > 60 and abs(cm[1]) > 0.1:
            found.append(text.strip())

    page.extract_text(visitor_text=visit)
    return found


def test_draft_has_watermark_stamp_margin_numbers_and_open_items_first(draft, final, demo_snap):
    result, pdf = draft
    # the demo is finished except for SKR's national average (the program's example data is used)
    assert result.draft and [(i.severity.value, i.kind) for i in result.open_items] == [
        ("required", "example_national_average")
    ]
    assert "Kommunkompassen — Analys av Lindsjö kommun UTKAST Utkast — öppna punkter" in pdf.pages[0]
    assert all(watermarks(page) == ["UTKAST"] for page in pdf.reader.pages)  # on every page
    assert not any(watermarks(page) for page in final[1].reader.pages)
    stamp = f"UTKAST 2025-11-03 14:05 · Kompass Desktop {__version__} · innehåll {result.content_hash}"
    assert len(result.content_hash) == 8
    assert all(stamp in page for page in pdf.pages[2:])
    for label in ("1¶1", "2¶1", "1.0¶1", "1.1¶1", "8.4¶1", "4¶1"):
        assert label in pdf.text
    assert "Lindsjö kommun" in pdf.pages[1] and "Kommunkompassen — analys av Lindsjö kommun" in pdf.pages[1]


def test_draft_lists_what_is_open_and_marks_missing_texts(demo_snap, tmp_path):
    from dataclasses import replace

    scores = dict(demo_snap.scores)
    scores["3.2"] = None
    snap = replace(
        demo_snap,
        scores=scores,
        texts=tuple(t for t in demo_snap.texts if t.ref != "6.3"),
        findings=tuple(f for f in demo_snap.findings if f.area != 5 or f.kind.value != "strength"),
    )
    result = build_report(snap, tmp_path / "u.pdf", draft=True, now=NOW)
    pdf = Pdf(tmp_path / "u.pdf")
    first = pdf.text[: pdf.text.index("Hänvisningar i marginalen")]
    for item in missing_for_final(snap):
        assert flat(item.message) in first
    assert "3.2 Politisk styrning: ingen poäng satt" in first
    assert "6.3 Innovation och ständiga förbättringar: text saknas" in first
    assert "Område 5 Brukarens fokus: inga styrkor" in first
    assert "[Text saknas]" in pdf.text and "[Inga styrkor]" in pdf.text
    assert "4 av 5 delfrågor bedömda" in pdf.text  # area 3 box
    assert "Politisk styrning – 30" in pdf.between("4 Översikt", "5 Kortfakta")
    assert [(i.kind, i.ref) for i in result.open_items] == [
        ("example_national_average", ""),
        ("unscored", "3.2"),
        ("no_findings", "5"),
        ("empty_text", "6.3"),
    ]


# -- final refused ------------------------------------------------------------------------------


def test_final_is_refused_while_something_is_missing(tmp_path, capsys):
    evaluation = tmp_path / "ny.kompass"
    assert main(["new", str(evaluation), "--framework", "2019", "--unlisted", "Provby"]) == 0
    out = tmp_path / "rapport.pdf"
    assert main(["report", str(evaluation), "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("kompass report: Den slutliga rapporten kan inte skapas")
    assert "1.1 Strategi för demokratiutveckling och information: ingen poäng satt" in err
    assert "Sammanfattande kommentarer: text saknas" in err and "Traceback" not in err
    assert not out.exists()
    out.write_bytes(b"old report")
    assert main(["report", str(evaluation), "-o", str(out)]) == 1
    assert out.read_bytes() == b"old report"
    assert [p.name for p in tmp_path.iterdir() if not p.name.startswith("ny.kompass")] == ["rapport.pdf"]
    # the same evaluation as a draft: fine, and the open items are on page 1
    assert main(["report", str(evaluation), "-o", str(out), "--draft"]) == 0
    assert "Skapade utkastet" in capsys.readouterr().out
    pdf = Pdf(out)
    assert "Måste vara klart innan den slutliga rapporten kan skapas" in pdf.pages[0]
    assert "[Inga uppgifter om kommunen har registrerats]" in pdf.text


@pytest.mark.parametrize(
    "argv, message",
    [
        (["report", "{d}/saknas.kompass", "-o", "{d}/x.pdf"], "finns inte"),
        (["report", "{demo}", "-o", "{d}/mapp/x.pdf", "--draft"], "Mappen"),
        (
            ["report", "{demo}", "-o", "{d}/x.pdf", "--draft", "--national-average", "{d}/n.json"],
            "finns inte",
        ),
        (["report", "{demo}", "-o", "{d}/x.kompass", "--draft"], "utvärderingsfil"),
    ],
)
def test_report_errors_are_clear_swedish_lines(tmp_path, capsys, demo_template, argv, message):
    args = [a.format(d=tmp_path, demo=demo_template) for a in argv]
    assert main(args) == 1
    err = capsys.readouterr().err
    assert err.startswith("kompass report: ") and message in err and err.count("\n") == 1


def test_national_average_from_a_file(tmp_path, capsys, demo_template):
    reference = {
        "format": 1,
        "kind": "kommunkompassen-national-average",
        "example": False,
        "label": "Medelvärde",
        "created": "2025-10-01",
        "source": "SKR",
        "frameworks": {
            "2019": {
                "label": "Medelvärde 2020–2025 (n = 50)",
                "areas": {str(n): {"n": 50, "mean": 50 + n} for n in range(1, 9)},
                "total": {"n": 50, "mean": 436},
            }
        },
    }
    path = tmp_path / "medel.json"
    path.write_text(json.dumps(reference), encoding="utf-8")
    out = tmp_path / "r.pdf"
    assert main(["report", str(demo_template), "-o", str(out), "--national-average", str(path)]) == 0
    assert "Skapade rapporten" in capsys.readouterr().out
    pdf = Pdf(out)
    results = pdf.between("Sammanfattning av resultat", "Sammanfattande kommentarer")
    assert "Medelvärde 2020–2025 (n = 50)" in results and "EXEMPELDATA" not in results
    assert "1. Samspel mellan förtroendevalda och medborgare 65 60 51" in results and " 436 " in results


# -- PDF properties --------------------------------------------------------------------------------


def test_metadata_outline_and_language(final):
    _, pdf = final
    meta = pdf.reader.metadata
    assert meta.title == "Kommunkompassen — analys av Lindsjö kommun"
    assert meta.author == "Karin Ekström, Johan Alm"
    assert "Kommunkompassen 2019/2020" in meta.subject and meta.creator.startswith("Kompass Desktop")
    root = pdf.reader.trailer["/Root"]
    assert root["/Lang"] == "sv-SE" and root["/PageMode"] == "/UseOutlines"
    outline = pdf.reader.outline
    top = [o.title for o in outline if not isinstance(o, list)]
    assert top[0] == "1 Vad är Kommunkompassen?" and top[-1] == "5 Kortfakta om Lindsjö kommun"
    children = [
        o.title for group in outline if isinstance(group, list) for o in group if not isinstance(o, list)
    ]
    assert "Område 1 Samspel mellan förtroendevalda och medborgare" in children


def test_fonts_are_embedded_everywhere(final, draft):
    for _, pdf in (final, draft):
        fonts: dict[str, bool] = {}
        for page in pdf.reader.pages:
            for ref in page["/Resources"].get_object().get("/Font", {}).values():
                font = ref.get_object()
                descriptor = font.get("/FontDescriptor")
                fonts[font["/BaseFont"]] = descriptor is not None and "/FontFile2" in descriptor.get_object()
        assert fonts and all(fonts.values()), fonts
        assert all("Carlito" in name for name in fonts)
    assert "å" in final[1].text and "ä" in final[1].text and "ö" in final[1].text and "é" in final[1].text


def test_report_reads_only_the_snapshot(demo_template, tmp_path):
    import shutil

    copy = tmp_path / "kopia.kompass"
    shutil.copy(demo_template, copy)
    with EvaluationSession.open(copy, readonly=True) as s:
        snap = s.snapshot()
    for suffix in ("", "-wal", "-shm"):
        Path(f"{copy}{suffix}").unlink(missing_ok=True)
    result = build_report(snap, tmp_path / "r.pdf", draft=False, with_national=False)
    assert result.pages > 25 and (tmp_path / "r.pdf").read_bytes().startswith(b"%PDF-")
    assert re.fullmatch(r"[0-9a-f]{8}", result.content_hash)
