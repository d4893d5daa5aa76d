#!/usr/bin/env bash
# Installs everything levensloop-docs needs on a Debian/Ubuntu machine: LibreOffice (for PDF),
# the fonts the templates use, and a Python virtual environment in .venv with the package.
# Safe to run again: what is there already is skipped.
set -euo pipefail
cd "$(dirname "$0")/.."

need_apt=()
command -v soffice >/dev/null 2>&1 || need_apt+=(libreoffice-writer-nogui)
fc-list 2>/dev/null | grep -qi carlito || need_apt+=(fonts-crosextra-carlito)
fc-list 2>/dev/null | grep -qi "liberation sans" || need_apt+=(fonts-liberation2)
# emoji typed in a case (a signal, a note): without a font for them the PDF shows an empty box
fc-list ':charset=1f37a' 2>/dev/null | grep -q . || need_apt+=(fonts-symbola)
# the PDF converter talks to LibreOffice over its UNO bridge, from the system Python
[ -x /usr/bin/python3 ] && /usr/bin/python3 -c "import uno" >/dev/null 2>&1 || need_apt+=(python3-uno)
command -v pdftoppm >/dev/null 2>&1 || need_apt+=(poppler-utils)
command -v tmux >/dev/null 2>&1 || need_apt+=(tmux)
# the stroomschema in the handreiking is laid out by Graphviz ('dot')
command -v dot >/dev/null 2>&1 || need_apt+=(graphviz)
if [ ${#need_apt[@]} -gt 0 ]; then
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  echo "Systeempakketten installeren: ${need_apt[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends \
    "${need_apt[@]}" fontconfig >/dev/null
fi

PYTHON="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
# the package plus the pinned development tools (pyproject: [dependency-groups] dev);
# pip's own chatter goes to a log; it is shown only when the install fails
if ! { .venv/bin/python -m pip install -q --upgrade pip && .venv/bin/python -m pip install -q -e . --group dev; } \
    > .venv/pip.log 2>&1; then
  cat .venv/pip.log
  echo "Installeren van de Python-pakketten is mislukt (zie hierboven)." >&2
  exit 1
fi
