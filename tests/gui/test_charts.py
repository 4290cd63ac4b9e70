"""Live charts: they render, follow every score edit, explain cross-version comparisons, export."""

from __future__ import annotations

import json

from guisupport import area_page
from PySide6.QtGui import QColor, QImage

from kompass_desktop import resources
from kompass_desktop.gui.charts import CURRENT, ChartsPanel
from kompass_desktop.gui.consensus_actions import agree
from kompass_desktop.services import EvaluationSession, NewEvaluation


def coloured_pixels(image: QImage, colour: QColor) -> int:
    count = 0
    for y in range(0, image.height(), 2):
        for x in range(0, image.width(), 2):
            c = image.pixelColor(x, y)
            if (
                abs(c.red() - colour.red()) < 30
                and abs(c.green() - colour.green()) < 30
                and abs(c.blue() - colour.blue()) < 30
            ):
                count += 1
    return count


def panel(win) -> ChartsPanel:
    from PySide6.QtWidgets import QApplication

    win.go("summary")
    charts = win.workspace.pages["summary"].ensure_charts()
    QApplication.processEvents()  # lay the new charts out before they are grabbed
    return charts


def test_charts_render_and_change_after_a_score_edit(demo_window, qtbot, tmp_path):
    charts = panel(demo_window)
    qtbot.wait(50)
    before = charts.bars.grab().toImage()
    blue_before = coloured_pixels(before, CURRENT)
    assert blue_before > 500  # the bars are there
    assert coloured_pixels(charts.radar.grab().toImage(), CURRENT) > 50
    assert charts.bars.widths[5] == 51  # area 6
    ok, _, _ = agree(demo_window.controller, "6.2", "20", "Ny uppgift från förvaltningen")  # 9 -> 20
    assert ok
    qtbot.wait(20)
    assert charts.bars.widths[5] == 62
    after = charts.bars.grab().toImage()
    assert coloured_pixels(after, CURRENT) > blue_before
    assert before != after
    assert "Lindsjö 2025: 528,5" in charts.total.toolTip()
    before.save(str(tmp_path / "before.png"))
    after.save(str(tmp_path / "after.png"))


def test_the_docked_charts_follow_the_area_pages(demo_window, qtbot):
    demo_window.chart_dock.show()
    page = area_page(demo_window, 1)
    dock = demo_window.chart_dock.widget()
    assert isinstance(dock, ChartsPanel)
    page.cards["1.4"].score.setText("9")
    page.cards["1.4"].score.commit_text()
    assert dock.bars.widths[0] == 60  # the tester's 9 against the others' 5: 1.4 is open (65 - 5)


def test_cross_version_comparison_is_explained(demo_window):
    charts = panel(demo_window)
    notes = charts.notes.text()
    assert "Område 8 jämförs inte med Lindsjö 2018" in notes
    assert "exempeldata" in notes.lower()
    earlier = charts.data.series[1]
    assert earlier.values[7] is None and earlier.values[4] == 63  # 2019 area 5 <- 2016 area 2
    assert "Lindsjö 2018" in charts.legend.text() and "EXEMPELDATA" in charts.legend.text()


def test_legend_and_tooltips_use_full_names(demo_window):
    from PySide6.QtCore import QPointF

    charts = panel(demo_window)
    vb = charts.bars.getPlotItem().vb
    scene_point = vb.mapViewToScene(QPointF(30, 2))
    charts.bars._hover(scene_point)
    tip = charts.bars.toolTip()
    assert tip.startswith("3. Styrning och kontroll")
    assert "Lindsjö 2025: 68" in tip and "Nationellt medelvärde" in tip


def test_charts_export_as_png_and_svg(demo_window, tmp_path):
    charts = panel(demo_window)
    charts.radar.save(tmp_path / "profil.svg")
    charts.bars.save(tmp_path / "staplar.png")
    svg = (tmp_path / "profil.svg").read_text(encoding="utf-8")
    assert svg.lstrip().startswith("<?xml") and "<svg" in svg
    # the areas' real titles (wrapped), never invented short names
    assert "1. Samspel mellan" in svg and "8. Chefs- och" in svg and "medarbetarskap" in svg
    assert "Medborgardialog" not in svg and "Ledarskap<" not in svg
    image = QImage(str(tmp_path / "staplar.png"))
    assert image.height() > charts.bars.height()  # legend included above the chart
    assert coloured_pixels(image, CURRENT) > 500


def test_a_national_average_file_replaces_the_example(demo_window, tmp_path):
    path = tmp_path / "medel.json"
    data = {
        "format": 1,
        "kind": "kommunkompassen-national-average",
        "label": "SKR 2026",
        "frameworks": {
            "2019": {
                "areas": {str(n): {"n": 12, "mean": 40 + n} for n in range(1, 9)},
                "total": {"n": 12, "mean": 356},
            }
        },
    }
    path.write_text(json.dumps(data), encoding="utf-8")
    demo_window.controller.session.registers.set_national_average_from_file(path)
    charts = panel(demo_window)
    national = charts.data.series[-1]
    assert national.label == "SKR 2026" and national.values[0] == 41
    assert "exempeldata" not in charts.notes.text().lower()
    summary = demo_window.workspace.pages["summary"]
    assert "SKR 2026 (n = 12; vald fil)" in summary.comparisons.national.text()


def test_a_wrong_national_average_file_is_refused(demo_window, tmp_path):
    path = tmp_path / "fel.json"
    path.write_text('{"format": 1, "kind": "något annat"}', encoding="utf-8")
    ok, message = demo_window.controller.try_call(
        demo_window.controller.session.registers.set_national_average_from_file, path
    )
    assert not ok and "inte en giltig medelvärdesfil" in message


def test_an_earlier_evaluation_can_be_read_from_its_file(demo_window, tmp_path):
    old = tmp_path / "lindsjo-2021.kompass"
    with EvaluationSession.create(old, NewEvaluation(resources.framework("2019"), "Lindsjö", 2021)) as s:
        s.scores.set_many({sub.number: sub.max / 2 for sub in s.framework.subareas()})
    assert demo_window.controller.add_earlier_from_file(old)
    charts = panel(demo_window)
    labels = [s.label for s in charts.data.series]
    assert "Lindsjö 2021" in labels
    series = charts.data.series[labels.index("Lindsjö 2021")]
    assert series.values == (50,) * 8 and series.total_comparable
    demo_window.undo_action.trigger()
    assert "Lindsjö 2021" not in [s.label for s in panel(demo_window).data.series]
