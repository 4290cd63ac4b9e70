"""``python -m kompass_desktop`` starts the desktop app."""

import sys

from .app import main

if __name__ == "__main__":  # not when a child process (the live preview's renderer) imports it
    sys.exit(main())
