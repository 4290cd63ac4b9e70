"""Every name form reads naturally in the printed report (issue 15 §1/§3): the PDF of an
evaluation of "Olofströms kommun", "Malmö stad", "Göteborgs Stad" and "Region Gotland" read back
with pypdf, sentence by sentence, genitives included."""

from __future__ import annotations

import shutil

import pytest
from pypdf import PdfReader
from support import as_real_evaluation

from kompass_desktop.cli import main

FORMS = [
    # code, official name, its genitive, the short name's genitive (running text, charts)
    ("1060", "Olofströms kommun", "Olofströms kommuns", "Olofströms"),
    ("1280", "Malmö stad", "Malmö stads", "Malmös"),
    ("1480", "Göteborgs Stad", "Göteborgs Stads", "Göteborgs"),
    ("0980", "Region Gotland", "Region Gotlands", "Gotlands"),
]


def pdf_text(path) -> str:
    return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(path).pages)


@pytest.mark.parametrize(("code", "name", "genitive", "short_genitive"), FORMS)
def test_the_printed_report_names_the_municipality_naturally(
    demo_template, tmp_path, capsys, code, name, genitive, short_genitive
):
    path = tmp_path / "e.kompass"
    shutil.copy(demo_template, path)
    as_real_evaluation(path, code)
    out = tmp_path / "r.pdf"
    assert main(["report", str(path), "-o", str(out), "--draft"]) == 0, capsys.readouterr().err
    text = pdf_text(out)
    assert PdfReader(out).metadata.title == f"Kommunkompassen — analys av {name}"
    for sentence in (
        f"analys av {name}",  # the cover
        f"{name} i förhållande till Kommunkompassen",  # chapter 2's heading (and the contents)
        f"Utvärderingen av {name} genomfördes",
        f"Nedan visas {short_genitive} totalpoäng",
        f"{short_genitive} poängprofil",
        f"Nedanstående tabeller visar {genitive} resultat",  # chapter 4
        f"Kortfakta om {name}",  # chapter 5
    ):
        assert sentence in text, sentence
    for wrong in (
        " kommun kommun",
        "stad kommun",
        "Stad kommun",
        "Gotland kommun",
        "Olofström kommun",
        "Malmö kommun",
        "Göteborg kommun",
        "Region Gotland kommun",
        "Malmö stads kommun",
    ):
        assert wrong not in text, wrong
