#!/usr/bin/env bash
# Set up ita-extract on a fresh Debian/Ubuntu machine: system packages, a
# virtual environment in .venv and the project with its test extras.
# Safe to run again: it only installs what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

# Debian packages:
# - tesseract-ocr, tesseract-ocr-tha: the Thai OCR model for scanned pages
#   (tesserocr, from PyPI, runs the engine in process and reads these models);
# - fonts-thai-tlwg, fonts-tlwg-laksaman, fonts-noto-core: the Thai fonts that
#   samples/ are rendered with, the numeral tests draw with, and that the
#   offline trainer (python -m extract.numerals.train) builds the model from;
# - poppler-utils: pdftotext/pdftoppm, used to check rebuilt samples;
# - chromium: the tests open the HTML report in headless Chromium (console
#   errors, plots drawn).
APT_PACKAGES=(tesseract-ocr tesseract-ocr-tha fonts-tlwg-laksaman fonts-thai-tlwg fonts-noto-core poppler-utils
              chromium)

missing=()
if command -v dpkg-query >/dev/null 2>&1; then
  for p in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
fi
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "setup: installing Debian packages: ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  elif command -v sudo >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1; then
    sudo apt-get update -qq
    sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "setup: warning: cannot install ${missing[*]} (not root, no sudo); only rebuilding samples needs them" >&2
  fi
fi

PYTHON=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
.venv/bin/python -m pip install -q --upgrade pip >/dev/null
# exact versions (constraints.txt): the same packages, so the same rows, on every fresh machine
.venv/bin/python -m pip install -q -c constraints.txt -e ".[test,samples,corpus]"
# The Thai-numeral recognizer's model ships in extract/numerals/models/ (checked by
# sha256 when loaded); nothing is trained here or at run time.
echo "setup: ready (.venv)"
