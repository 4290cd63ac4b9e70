"""Entry point of the frozen GUI executable ``kompass-desktop`` (see kompass-desktop.spec)."""

import multiprocessing
import sys

from kompass_desktop.app import main

if __name__ == "__main__":
    multiprocessing.freeze_support()  # the live preview renders in a child process
    sys.exit(main())
