#!/usr/bin/env bash
# Installs what is needed, then runs the whole test suite (including the LibreOffice PDF tests),
# the linter and the type checker.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/installeer.sh
.venv/bin/ruff check $(ls -d levensloop_docs tests scripts benchmarks 2>/dev/null)
.venv/bin/mypy
# one worker per core: most of the time is LibreOffice, terminals and subprocesses, which run
# side by side; every test has its own folders, so the order does not matter ("-n 0" runs serially)
.venv/bin/python -m pytest -n "${LEVENSLOOP_TEST_WORKERS:-auto}" --dist worksteal "$@"
