"""What the app says of an error that nothing else caught (the excepthook's dialog): in the
GUI's language, a name too long said plainly, anything else logged with where the log is."""

from __future__ import annotations

import errno
import os

from kompass_desktop.gui.main import crash_text

LONG = "å" * 200 + ".kompass"  # 408 bytes: no file system holds such a name


def _too_long() -> OSError:
    return OSError(errno.ENAMETOOLONG, os.strerror(errno.ENAMETOOLONG), LONG)


def test_a_name_too_long_is_said_plainly_in_swedish():
    assert crash_text(_too_long()) == (
        f"Namnet ”{LONG[:40]}…” är för långt (408 byte; filsystemet tillåter högst 255 byte per "
        "namn). Välj ett kortare namn."
    )


def test_a_name_too_long_is_said_plainly_in_english(english):
    assert crash_text(_too_long()) == (
        f"The name “{LONG[:40]}…” is too long (408 bytes; the file system allows at most 255 bytes "
        "per name). Choose a shorter name."
    )


def test_anything_else_is_logged_and_the_log_named_in_english(english):
    from kompass_desktop.userdata import data_dir

    text = crash_text(RuntimeError("ett fel i programmet"))
    log = data_dir() / "logs" / "kompass-errors.log"
    assert text == (
        "An unexpected error occurred: ett fel i programmet\n"
        f"Nothing you have saved has been lost. Details: {log}"
    )
    assert "RuntimeError: ett fel i programmet" in log.read_text(encoding="utf-8")
