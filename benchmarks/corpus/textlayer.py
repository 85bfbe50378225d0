"""Check a rendered PDF's text layer against what was drawn (poppler's pdftotext).

A producer that writes a wrong ToUnicode map (LibreOffice 7.4, ../shared/TRAPS.md)
makes a PDF whose page shows one character and whose text layer says another: such
a variant is no digital ground truth. The check compares character counts after
removing whitespace: every drawn character must be found at least as often in the
text layer (header rows repeated on later pages only add characters).
"""
from __future__ import annotations

import subprocess
import unicodedata
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from normalize.thai import compose_sara_am, map_legacy_glyphs

#: Seconds pdftotext may take.
TIMEOUT = 60


@dataclass(frozen=True)
class TextLayerCheck:
    ok: bool
    missing: dict  # char -> how many drawn characters the text layer lacks
    extra: dict  # char -> characters the text layer has beyond what was drawn

    def summary(self) -> str:
        if self.ok:
            return "text layer matches"
        show = ", ".join(f"{c!r}x{n}" for c, n in sorted(self.missing.items(), key=lambda x: -x[1])[:8])
        return f"text layer lacks {sum(self.missing.values())} drawn characters ({show})"


def _canon(text: str) -> Counter:
    # whitespace first (pdftotext may put a space between nikhahit and sara aa); pdftotext joins a
    # word hyphenated at a line end and drops its hyphen: hyphens do not count
    t = "".join(ch for ch in map_legacy_glyphs(text) if not ch.isspace() and ch not in "\u200b\ufeff-")
    return Counter(compose_sara_am(unicodedata.normalize("NFC", t)))


def pdf_text(path: Path) -> str:
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], check=True, capture_output=True,
                         timeout=TIMEOUT)
    return out.stdout.decode("utf-8", errors="replace")


def check(path: Path, drawn: str) -> TextLayerCheck:
    want, got = _canon(drawn), _canon(pdf_text(path))
    missing = {c: n - got[c] for c, n in want.items() if got[c] < n}
    extra = {c: n - want[c] for c, n in got.items() if n > want[c]}
    return TextLayerCheck(not missing, missing, extra)
