"""Entry point of the frozen console executable ``kompass`` (see kompass-desktop.spec)."""

import sys

from kompass_desktop.cli import main

if __name__ == "__main__":
    sys.exit(main())
