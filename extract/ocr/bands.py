"""Lines of ink outside the tables that the page read left without words, read again one line at a time.

Tesseract's page layout analysis takes a line of text beside a stamp or a
signature for part of a picture and reads none of it: an indicator's heading
printed next to a "received" stamp is lost, and the table under it joins the
indicator before. Ink laid out like a line of text (glyph-sized blobs side by
side over a good width) where no word stands is such a line; read alone, as
one line, it is text again. Only such lines are read again, so a page without
them costs one connected-components pass.
"""
from __future__ import annotations

import statistics
from dataclasses import dataclass

import cv2
import numpy as np

from extract.ocr.engine import OcrEngine, OcrWord
from extract.ocr.scan import components
from ita_extract.page import Grid

#: Blobs of a glyph stand this high, in shares of the page's median word box
#: (word boxes span the marks above and below; a consonant alone is about half).
GLYPH_MIN_HEIGHT, GLYPH_MAX_HEIGHT = 0.25, 1.2
#: ... and at most this wide (a stamp's ring or a signature's stroke is wider).
GLYPH_MAX_WIDTH = 1.5
#: A line of text: at least this many glyph blobs ...
LINE_MIN_GLYPHS = 8
#: ... over at least this width (in median word heights) ...
LINE_MIN_WIDTH = 6.0
#: ... with no gap between two blobs wider than this (a wider gap starts another piece).
LINE_MAX_GAP = 2.5
#: Ink this far (median word heights) around a word is the word's (its marks, a speck beside it).
WORD_MARGIN = 0.3
#: A line's crop reaches this far (median word heights) above, below and beside its blobs.
CROP_PAD = 0.5
#: Blocks of the words of a line read again are numbered from here (the page read's stay below).
LINE_BLOCK = 5000


@dataclass(frozen=True)
class BlankLine:
    """A line of ink no word covers, in pixels of the page image."""

    x0: int
    top: int
    x1: int
    bottom: int
    glyphs: int


def _ink(image: np.ndarray) -> np.ndarray:
    _, ink = cv2.threshold(image, 0, 255, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    return ink


def blank_lines(words: list[OcrWord], grids: tuple[Grid, ...] | list[Grid], image: np.ndarray) -> list[BlankLine]:
    """Lines of glyph-sized ink outside the tables with no word on them.

    >>> img = np.full((300, 1200), 255, np.uint8)
    >>> for k in range(14):
    ...     img[100:130, 100 + 40 * k: 120 + 40 * k] = 0  # fourteen glyphs in a row, nobody's words
    >>> page = [OcrWord("หน่วยงาน", 100, 200, 300, 250, 90.0, (1, 1, 1))] * 5
    >>> [(b.x0, b.x1, b.glyphs) for b in blank_lines(page, [], img)]
    [(100, 640, 14)]
    >>> blank_lines(page + [OcrWord("ตัวชี้วัดที่", 90, 95, 700, 140, 90.0, (2, 1, 1))], [], img)
    []
    """
    if not words:
        return []
    H = statistics.median(w.bottom - w.top for w in words)
    if H <= 0:
        return []
    ink = _ink(image)
    h_img, w_img = ink.shape
    for g in grids:
        x0, y0, x1, y1 = (int(round(v)) for v in g.bbox)
        ink[max(0, y0 - 2):min(h_img, y1 + 3), max(0, x0 - 2):min(w_img, x1 + 3)] = 0
    m = int(round(WORD_MARGIN * H))
    for w in words:
        ink[max(0, w.top - m):min(h_img, w.bottom + m), max(0, w.x0 - m):min(w_img, w.x1 + m)] = 0
    n, _, stats = components(ink, 8)  # 16-bit labels: the same blobs, a third of the time
    glyphs = [(int(x), int(y), int(x + bw), int(y + bh)) for x, y, bw, bh, _ in stats[1:n]
              if GLYPH_MIN_HEIGHT * H <= bh <= GLYPH_MAX_HEIGHT * H and bw <= GLYPH_MAX_WIDTH * H]
    # rows: blobs whose vertical middles fall inside one another's span, left to right within a row
    rows: list[list[tuple[int, int, int, int]]] = []
    for g in sorted(glyphs, key=lambda b: (b[1] + b[3]) / 2):
        mid = (g[1] + g[3]) / 2
        row = next((r for r in rows if min(b[1] for b in r) <= mid <= max(b[3] for b in r)), None)
        if row is None:
            rows.append([g])
        else:
            row.append(g)
    out: list[BlankLine] = []
    for row in rows:
        row.sort()
        piece = [row[0]]
        for g in row[1:] + [None]:
            if g is not None and g[0] - max(b[2] for b in piece) <= LINE_MAX_GAP * H:
                piece.append(g)
                continue
            x0, x1 = min(b[0] for b in piece), max(b[2] for b in piece)
            if len(piece) >= LINE_MIN_GLYPHS and x1 - x0 >= LINE_MIN_WIDTH * H:
                out.append(BlankLine(x0, min(b[1] for b in piece), x1, max(b[3] for b in piece), len(piece)))
            if g is not None:
                piece = [g]
    return sorted(out, key=lambda b: (b.top, b.x0))


def reread_blank_lines(words: list[OcrWord], grids: tuple[Grid, ...] | list[Grid], image: np.ndarray,
                       dpi: float, engine: OcrEngine) -> list[OcrWord]:
    """``words`` with the words of each :func:`blank_lines` line read alone (source ``line``)."""
    lines = blank_lines(words, grids, image)
    if not lines:
        return words
    H = statistics.median(w.bottom - w.top for w in words)
    pad = int(round(CROP_PAD * H))
    h_img, w_img = image.shape[:2]
    out = list(words)
    for n, b in enumerate(lines):
        x0, y0 = max(0, b.x0 - pad), max(0, b.top - pad)
        x1, y1 = min(w_img, b.x1 + pad), min(h_img, b.bottom + pad)
        found = engine.line_words(np.ascontiguousarray(image[y0:y1, x0:x1]), int(round(dpi)))
        out += [OcrWord(w.text, w.x0 + x0, w.top + y0, w.x1 + x0, w.bottom + y0, w.conf,
                        (LINE_BLOCK + n, 1, 1), "line") for w in found]
    return out
