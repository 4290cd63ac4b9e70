"""Entry point of the frozen GUI executable ``kompass-desktop`` (see kompass-desktop.spec)."""

import sys

from kompass_desktop.app import main

if __name__ == "__main__":
    sys.exit(main())
