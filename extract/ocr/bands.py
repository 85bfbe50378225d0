"""Lines of ink outside the tables (or in a table's heading rows) that the page read left without words,
read again one line at a time.

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
from collections.abc import Callable
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


#: A row of a table is a heading row (``ตัวชี้วัดที่ ๗ : ...`` across a measures table) when one cell spans
#: at least this share of the table's width.
HEADING_ROW_SHARE = 0.9


def heading_rows(grid: Grid) -> list[tuple[float, float, float, float]]:
    """The cells of a table's rows that are one cell across the table (an indicator's heading inside a
    measures table): a line of text there is no cell's text, and a stamp beside it hides it as it does outside.

    >>> g = Grid(bbox=(0, 0, 100, 60), rows=(((0, 0, 100, 20),), ((0, 20, 50, 40), (50, 20, 100, 40))))
    >>> heading_rows(g)
    [(0, 0, 100, 20)]
    """
    x0, _, x1, _ = grid.bbox
    out = []
    for row in grid.rows:
        cells = [c for c in row if c is not None]
        if len(cells) == 1 and cells[0][2] - cells[0][0] >= HEADING_ROW_SHARE * (x1 - x0):
            out.append(cells[0])
    return out


def median_height(words: list[OcrWord]) -> float:
    """The median height of the words' boxes; 0 for none.

    >>> median_height([OcrWord("ก", 0, 10, 5, 40, 90.0, (1, 1, 1))]), median_height([])
    (30, 0.0)
    """
    return statistics.median(w.bottom - w.top for w in words) if words else 0.0


def blank_lines(words: list[OcrWord], grids: tuple[Grid, ...] | list[Grid], image: np.ndarray,
                covers: Callable[[OcrWord], bool] | None = None) -> list[BlankLine]:
    """Lines of glyph-sized ink outside the tables, or in a table's heading rows (:func:`heading_rows`),
    with no word on them.

    >>> img = np.full((300, 1200), 255, np.uint8)
    >>> for k in range(14):
    ...     img[100:130, 100 + 40 * k: 120 + 40 * k] = 0  # fourteen glyphs in a row, nobody's words
    >>> page = [OcrWord("หน่วยงาน", 100, 200, 300, 250, 90.0, (1, 1, 1))] * 5
    >>> [(b.x0, b.x1, b.glyphs) for b in blank_lines(page, [], img)]
    [(100, 640, 14)]
    >>> blank_lines(page + [OcrWord("ตัวชี้วัดที่", 90, 95, 700, 140, 90.0, (2, 1, 1))], [], img)
    []
    """
    H = median_height(words)
    if H <= 0:
        return []
    ink = _ink(image)
    h_img, w_img = ink.shape
    for g in grids:
        x0, y0, x1, y1 = (int(round(v)) for v in g.bbox)
        keep = [(int(round(c[0])), int(round(c[1])), int(round(c[2])), int(round(c[3]))) for c in heading_rows(g)]
        saved = [ink[cy0 + 3:cy1 - 2, cx0 + 3:cx1 - 2].copy() for cx0, cy0, cx1, cy1 in keep]
        ink[max(0, y0 - 2):min(h_img, y1 + 3), max(0, x0 - 2):min(w_img, x1 + 3)] = 0
        for (cx0, cy0, cx1, cy1), part in zip(keep, saved):
            ink[cy0 + 3:cy1 - 2, cx0 + 3:cx1 - 2] = part
    m = int(round(WORD_MARGIN * H))
    for w in words:
        if covers is not None and not covers(w):
            continue
        ink[max(0, w.top - m):min(h_img, w.bottom + m), max(0, w.x0 - m):min(w_img, w.x1 + m)] = 0
    return glyph_lines(ink, H)


def glyph_lines(ink: np.ndarray, H: float, skip: list[tuple[int, int, int, int]] | None = None,
                min_glyphs: int = LINE_MIN_GLYPHS, min_width: float = LINE_MIN_WIDTH) -> list[BlankLine]:
    """The lines of glyph-sized blobs in an ink mask (non-zero: ink), ``H`` the page's median word height: at least
    ``min_glyphs`` blobs side by side over ``min_width`` median word heights (a line alone: :data:`LINE_MIN_GLYPHS`,
    :data:`LINE_MIN_WIDTH`), no gap wider than :data:`LINE_MAX_GAP`; blobs whose middle lies in a box of ``skip``
    (words read, in the mask's pixels) are none.

    >>> ink = np.zeros((100, 900), np.uint8)
    >>> for k in range(10):
    ...     ink[40:70, 20 + 50 * k: 40 + 50 * k] = 255
    >>> [(b.x0, b.x1, b.glyphs) for b in glyph_lines(ink, 40.0)], glyph_lines(ink[:, :300], 40.0)
    ([(20, 490, 10)], [])
    >>> glyph_lines(ink, 40.0, skip=[(0, 50, 200, 90)]), len(glyph_lines(ink, 40.0, skip=[(0, 0, 900, 50)]))
    ([], 1)
    """
    n, _, stats = components(ink, 8)  # 16-bit labels: the same blobs, a third of the time
    glyphs = [(int(x), int(y), int(x + bw), int(y + bh)) for x, y, bw, bh, _ in stats[1:n]
              if GLYPH_MIN_HEIGHT * H <= bh <= GLYPH_MAX_HEIGHT * H and bw <= GLYPH_MAX_WIDTH * H]
    if skip:
        # a glyph is a word's when its middle lies in the word's box (the box of a word above a lost line can
        # reach down over the tops of that line's glyphs)
        glyphs = [g for g in glyphs if not any(b[0] <= (g[0] + g[2]) / 2 <= b[2] and b[1] <= (g[1] + g[3]) / 2 <= b[3]
                                               for b in skip)]
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
            if len(piece) >= min_glyphs and x1 - x0 >= min_width * H:
                out.append(BlankLine(x0, min(b[1] for b in piece), x1, max(b[3] for b in piece), len(piece)))
            if g is not None:
                piece = [g]
    return sorted(out, key=lambda b: (b.top, b.x0))


def reread_blank_lines(words: list[OcrWord], grids: tuple[Grid, ...] | list[Grid], image: np.ndarray,
                       dpi: float, engine: OcrEngine, covers: Callable[[OcrWord], bool] | None = None) -> list[OcrWord]:
    """``words`` with the words of each :func:`blank_lines` line read alone (source ``line``); ``covers``
    tells which words cover their ink (a stamp's strokes read ``Fee`` unsure, noise to be dropped, do not)."""
    lines = blank_lines(words, grids, image, covers)
    if not lines:
        return words
    pad = int(round(CROP_PAD * median_height(words)))
    h_img, w_img = image.shape[:2]
    out = list(words)
    for n, b in enumerate(lines):
        x0, y0 = max(0, b.x0 - pad), max(0, b.top - pad)
        x1, y1 = min(w_img, b.x1 + pad), min(h_img, b.bottom + pad)
        found = engine.line_words(np.ascontiguousarray(image[y0:y1, x0:x1]), int(round(dpi)))
        out += [OcrWord(w.text, w.x0 + x0, w.top + y0, w.x1 + x0, w.bottom + y0, w.conf,
                        (LINE_BLOCK + n, 1, 1), "line") for w in found]
    return out
