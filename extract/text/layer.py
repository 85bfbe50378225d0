"""Text-layer characters to lines of text in logical (reading) order.

Word-, LibreOffice- and HarfBuzz-made PDFs position Thai marks with offsets,
so sorting glyphs by x (pdfplumber's default) moves a mark after the next
consonant: ``ตัวชวี้ ัด`` for ``ตัวชี้วัด``. We repair this at the source:
each mark is attached to the base glyph it follows in the content stream
(the order the producer wrote them, which is logical order), and only whole
clusters (base + its marks) are ordered by x. A mark that cannot be attached
by stream order (it follows a space or another line) is attached by geometry.
"""
from __future__ import annotations

import statistics
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ita_extract.page import Box, Char, Page
from normalize.thaichars import LEAD_VOWELS, LEGACY_GLYPHS, MARKS

#: Legacy private-use codes that stand for combining marks (U+F700 ฐ and
#: U+F70F ญ are base letters without descender, not marks).
_PUA_MARKS = frozenset(LEGACY_GLYPHS) - {"\uF700", "\uF70F"}

#: A gap wider than this share of the font size between two glyph clusters
#: on one line is a word space, even when the PDF drew no space glyph.
SPACE_GAP_RATIO = 0.22
#: Two clusters belong to one line when their baselines differ by less than
#: this share of the font size.
LINE_TOLERANCE_RATIO = 0.45


def is_mark(ch: str) -> bool:
    """True for a combining mark (Thai vowels above/below, tone marks, PUA variants).

    >>> is_mark("\\u0e49"), is_mark("ก"), is_mark("\\uf70b")
    (True, False, True)
    """
    return len(ch) == 1 and (unicodedata.category(ch) == "Mn" or ch in _PUA_MARKS)


@dataclass(slots=True)
class Cluster:
    """A base glyph and the marks that sit on it."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    seq: int
    conf: float = 100.0
    ocr: bool = False


@dataclass(frozen=True, slots=True)
class Line:
    """One visual line of text, left to right."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    first_chunk_width: float  # width of the text up to the first space (wrap analysis)
    ends_with_space: bool = False  # the producer drew a space glyph at the line end
    conf: float = 100.0  # lowest recognition confidence of its words (OCR)
    ocr: bool = False  # recognized from an image

    @property
    def bbox(self) -> Box:
        return (self.x0, self.top, self.x1, self.bottom)


def _clusters(chars: Sequence[Char]) -> list[Cluster]:
    """Group marks with their base glyph, in content-stream order."""
    out: list[Cluster] = []
    orphans: list[Char] = []
    for ch in sorted(chars, key=lambda c: c.seq):
        if not ch.text:
            continue
        if is_mark(ch.text[0]):
            prev = out[-1] if out else None
            size = ch.size or (prev.size if prev else 10.0)
            if (
                prev is not None
                and prev.text.strip()
                and abs(prev.bottom - ch.bottom) < size * 0.8
                and -size < ch.x0 - prev.x0 < size * 2.0
            ):
                prev.text += ch.text
                continue
            orphans.append(ch)
            continue
        out.append(Cluster(ch.text, ch.x0, ch.x1, ch.top, ch.bottom, ch.size, ch.seq, ch.conf, ch.ocr))
    for m in orphans:  # attach by geometry: the base under the mark, else the nearest
        same_line = [c for c in out if c.text.strip() and abs(c.bottom - m.bottom) < (m.size or 10) * 0.8]
        if not same_line:
            continue
        base = min(same_line, key=lambda c: 0.0 if c.x0 - 0.5 <= m.xmid <= c.x1 + 0.5 else abs(c.x1 - m.x0))
        base.text = _attach(base.text, m.text)
    return out


def _attach(base: str, mark: str) -> str:
    """A base glyph's text with an orphan mark: nikhahit over sara aa is sara am.

    A line wrapped between a consonant and its sara am leaves ``ํ`` and ``า``
    alone at the next line's start; written base first they would read ``าํ``.

    >>> _attach("า", "\u0e4d") == "\u0e33", _attach("ก", "\u0e48") == "ก\u0e48"
    (True, True)
    """
    if mark == "\u0e4d" and base.startswith("\u0e32"):
        return "\u0e33" + base[1:]
    return base + mark


def _group_lines(clusters: list[Cluster]) -> list[list[Cluster]]:
    if not clusters:
        return []
    size = statistics.median(c.size for c in clusters) or 10.0
    tol = size * LINE_TOLERANCE_RATIO
    rows: list[list[Cluster]] = []
    for c in sorted(clusters, key=lambda c: (c.bottom, c.x0)):
        if rows and abs(rows[-1][-1].bottom - c.bottom) <= tol:
            rows[-1].append(c)
        else:
            rows.append([c])
    return rows


#: What stands above a Thai line's consonants: marks, upper vowels, the tall
#: leading vowels (ใ ไ โ), legacy codes for shifted marks.
_ABOVE_THE_LINE = frozenset(MARKS + LEAD_VOWELS + LEGACY_GLYPHS)


def _is_sliver(text: str) -> bool:
    """Whether a line holds only what rises above a Thai line: no consonant, digit or other letter.

    Chromium prints a line that a page break cut on the next page, and its
    tallest glyphs (marks, ใ ไ) also at the bottom of the page before. Thai
    text has a consonant wherever it has a mark, so such a line is debris.

    >>> _is_sliver("ใ้้ี"), _is_sliver("ให้"), _is_sliver("ๆ")
    (True, False, False)
    """
    visible = [ch for ch in text if not ch.isspace()]
    return bool(visible) and all(ch in _ABOVE_THE_LINE for ch in visible)


def _line(clusters: list[Cluster]) -> Line | None:
    clusters = sorted(clusters, key=lambda c: (round(c.x0, 1), c.seq))
    parts: list[str] = []
    prev: Cluster | None = None
    first_space_x: float | None = None
    for c in clusters:
        if prev is not None:
            gap = c.x0 - prev.x1
            if gap > (c.size or prev.size or 10.0) * SPACE_GAP_RATIO and not prev.text.isspace() and not c.text.isspace():
                parts.append(" ")
                if first_space_x is None:
                    first_space_x = prev.x1
        if c.text.isspace() and first_space_x is None and parts:
            first_space_x = c.x0
        parts.append(c.text)
        prev = c
    text = "".join(parts)
    if not text.strip() or _is_sliver(text):
        return None
    ends_with_space = text[-1].isspace()
    visible = [c for c in clusters if c.text.strip()]
    x0, x1 = visible[0].x0, max(c.x1 for c in visible)
    return Line(
        text=text.strip(),
        x0=x0,
        x1=x1,
        top=min(c.top for c in visible),
        bottom=max(c.bottom for c in visible),
        size=statistics.median(c.size for c in visible),
        first_chunk_width=(first_space_x if first_space_x is not None else x1) - x0,
        ends_with_space=ends_with_space,
        conf=min(c.conf for c in visible),
        ocr=any(c.ocr for c in visible),
    )


def text_lines(chars: Iterable[Char]) -> list[Line]:
    """The visual lines of a set of characters, top to bottom.

    Marks stay with the base glyph they follow in the content stream, so the
    scrambled order of pdfplumber's x-sorting never arises.
    """
    lines = [_line(row) for row in _group_lines(_clusters(list(chars)))]
    return [ln for ln in lines if ln is not None]


def chars_in_box(chars: Iterable[Char], box: Box, pad: float = 1.0) -> list[Char]:
    """Characters whose centre lies inside ``box``."""
    x0, top, x1, bottom = box
    return [
        c for c in chars
        if x0 - pad <= c.xmid <= x1 + pad and top - pad <= (c.top + c.bottom) / 2 <= bottom + pad
    ]


def bad_char_ratio(chars: Sequence[Char]) -> float:
    """Share of glyphs whose Unicode is unknown: ``(cid:N)``, U+FFFD, controls."""
    visible = [c for c in chars if c.text.strip()]
    if not visible:
        return 0.0
    bad = sum(
        1 for c in visible
        if c.text.startswith("(cid:") or "\ufffd" in c.text
        or any(unicodedata.category(ch) in ("Cc", "Co") and ch not in _PUA_MARKS and ch not in "\uF700\uF70F"
               for ch in c.text)
    )
    return bad / len(visible)


def text_layer_problem(page: Page, min_chars: int, max_bad_ratio: float) -> str | None:
    """Why the page's text layer is unusable, or ``None`` when it is usable."""
    visible = [c for c in page.chars if c.text.strip()]
    if len(visible) < min_chars:
        if page.image_area_ratio > 0.5:
            return "it is a scanned image without a text layer"
        return "it has no text layer" if not visible else f"its text layer holds only {len(visible)} characters"
    ratio = bad_char_ratio(visible)
    if ratio > max_bad_ratio:
        return f"{ratio:.0%} of its text-layer glyphs have no Unicode mapping"
    return None
