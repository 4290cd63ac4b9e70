#!/usr/bin/env bash
# Build the PyInstaller onedir application: OUTDIR/kompass-desktop/{kompass-desktop,kompass,_internal/}.
#
#   packaging/build.sh OUTDIR
#
# Python environment:
#   * VIRTUAL_ENV set (an activated venv): that venv is used as it is; the project and its
#     `packaging` extra (the pinned PyInstaller) are installed into it with `pip install -e`.
#   * otherwise a build venv of its own is created (and reused) in build/packaging-venv
#     with ${PYTHON:-python3} (3.11 or newer).
# PyInstaller's work files go to a temporary folder that is removed afterwards.  Packages
# are installed from the package index at build time; the build itself downloads nothing
# and the built app never uses the network.
set -euo pipefail

if [ $# -ne 1 ]; then
    echo "usage: $0 OUTDIR" >&2
    exit 2
fi
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
mkdir -p "$1"
OUT=$(cd "$1" && pwd)
start=$(date +%s)

if [ -n "${VIRTUAL_ENV:-}" ]; then
    PY="$VIRTUAL_ENV/bin/python"
    echo "build: using the active venv $VIRTUAL_ENV"
else
    VENV="$ROOT/build/packaging-venv"
    if [ ! -x "$VENV/bin/python" ]; then
        echo "build: creating $VENV"
        "${PYTHON:-python3}" -m venv "$VENV"
    fi
    PY="$VENV/bin/python"
fi
"$PY" -c 'import sys; sys.exit(sys.version_info < (3, 11))' || {
    echo "build: Python 3.11 or newer is needed ($PY)" >&2
    exit 1
}
echo "build: installing the project and its packaging extra"
"$PY" -m pip install -q -e "$ROOT[packaging]"

WORK=$(mktemp -d "${TMPDIR:-/tmp}/kompass-pyinstaller.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
echo "build: running PyInstaller (work files in $WORK)"
"$PY" -m PyInstaller --noconfirm --log-level WARN \
    --distpath "$OUT" --workpath "$WORK" "$ROOT/packaging/kompass-desktop.spec"

APP="$OUT/kompass-desktop"
echo "build: built $APP in $(($(date +%s) - start)) s"
echo "build: bundle size $(du -sh "$APP" | cut -f1) on disk ($(find "$APP" -type f | wc -l | tr -d ' ') files)"
