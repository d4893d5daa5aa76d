#!/usr/bin/env bash
# Installs what is needed, then makes every document of the example case(s) in uitvoer/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/installeer.sh
.venv/bin/levensloop genereer examples/ --uit uitvoer/ --formaat docx,pdf,html
