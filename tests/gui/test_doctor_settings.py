"""The self-check reads the GUI's settings.ini without Qt: what QSettings writes, it reads."""

from __future__ import annotations

from kompass_desktop import doctor
from kompass_desktop.gui import settings


def test_the_self_check_reads_what_the_app_wrote(tmp_path):
    odd = tmp_path / 'Lindsjö, "2025"'
    plain = tmp_path / "andra"
    for folder in (odd, plain):
        folder.mkdir()
    settings.add_recent(odd / "ä, b.kompass")
    settings.set_language("en")
    assert doctor.read_settings() == {"recent": [str(odd / "ä, b.kompass")], "language": ["en"]}
    settings.add_recent(plain / "b.kompass")
    assert doctor.read_settings()["recent"] == [str(plain / "b.kompass"), str(odd / "ä, b.kompass")]
    assert doctor.evaluation_folders([], doctor.read_settings()) == [plain, odd]
    assert (
        doctor.check_language(doctor.read_settings()).render()
        == "OK   Språk: engelska (vald under Visa → Språk)"
    )
