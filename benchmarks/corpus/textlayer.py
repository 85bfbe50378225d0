"""Check a rendered PDF's text layer against what was drawn (pdfminer, through pdfplumber).

A producer that writes a wrong ToUnicode map (LibreOffice 7.4, ../shared/TRAPS.md)
makes a PDF whose page shows one character and whose text layer says another: such
a variant is no digital ground truth. The check compares character counts after
removing whitespace: every drawn character must be found at least as often in the
text layer (header rows repeated on later pages only add characters).
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pdfplumber

from normalize.thai import compose_sara_am, map_legacy_glyphs
from normalize.thaichars import MARKS, NIKHAHIT, SARA_AA, TEXT, TONEMARKS, charset



@dataclass(frozen=True)
class TextLayerCheck:
    ok: bool
    missing: dict  # char -> how many drawn characters the text layer lacks
    strangers: tuple  # words of the text layer found nowhere in the drawn text

    def summary(self) -> str:
        if self.ok:
            return "text layer matches"
        show = ", ".join(f"{c!r}x{n}" for c, n in sorted(self.missing.items(), key=lambda x: -x[1])[:6])
        words = " ".join(self.strangers[:6])
        return (f"text layer lacks {sum(self.missing.values())} drawn characters ({show}); "
                f"{len(self.strangers)} word(s) never drawn ({words})")


_IGNORED = "\u200b\ufeff-"
_RE_THAI = re.compile(f"[{charset(TEXT)}]")
_RE_MARKS = re.compile(f"[{charset(MARKS)}]")
# a sara am drawn as nikhahit + (tone) + aa, split by a gap: "นํ า", "สมํ ่า"
# a gap before a mark is never a word gap ("รับร้ ู": the text layer put the marks apart)
_RE_SPACE_MARK = re.compile(f"\\s+(?=[{charset(MARKS)}])")
_RE_SPLIT_AM = re.compile(f"{NIKHAHIT}\\s+(?=[{charset(TONEMARKS)}]?\\s*{SARA_AA})")


def _squash(text: str) -> str:
    # whitespace first (a text layer may put a space between nikhahit and sara aa); a hyphen may be
    # added or dropped at a line end: hyphens do not count
    t = "".join(ch for ch in map_legacy_glyphs(text) if not ch.isspace() and ch not in _IGNORED)
    return compose_sara_am(unicodedata.normalize("NFC", t))


def _canon(text: str) -> Counter:
    return Counter(_squash(text))


def pdf_text(path: Path) -> str:
    """The text layer as pdfminer reads it (the ToUnicode maps the pipeline reads too), word by
    word in content-stream order, so marks stay with their base."""
    with pdfplumber.open(str(path)) as pdf:
        return "\n".join(" ".join(w["text"] for w in page.extract_words(use_text_flow=True))
                         for page in pdf.pages)


def check(path: Path, drawn: str) -> TextLayerCheck:
    """Every drawn character is in the text layer, and every Thai word of the text layer was drawn.

    The second test (on letters; marks by count) catches a wrong glyph-to-Unicode map of a letter
    that repeated header rows would hide from the counts.
    """
    layer = _RE_SPACE_MARK.sub("", _RE_SPLIT_AM.sub(NIKHAHIT, pdf_text(path)))
    want, got = _canon(drawn), _canon(layer)
    missing = {c: n - got[c] for c, n in want.items() if got[c] < n}
    # marks are compared by count only: a producer may draw a mark in a run of its own (Chromium),
    # which puts it after another word in stream order, not on another letter
    flat = _RE_MARKS.sub("", _squash(drawn))
    strangers = tuple(w for w in (_RE_MARKS.sub("", _squash(x)) for x in layer.split())
                      if _RE_THAI.search(w) and w not in flat)
    return TextLayerCheck(not missing and not strangers, missing, strangers)
