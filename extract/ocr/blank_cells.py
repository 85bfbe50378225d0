"""Table cells with ink and no word, read again on their own.

Tesseract's page layout analysis drops parts of a table beside a stamp or
under a signature's stroke: a period cell (``ต.ค. ๒๕๖๖ - ก.ย. ๒๕๖๗``) next
to a "received" stamp comes out without a word, and the measure has no
period. :func:`extract.ocr.cells.reread_empty_tables` reads a table again when
most of its cells are so; this reads the single cells of the other tables.
A cell counts as inked as :func:`extract.ocr.cells.empty_share` counts it
(dust is not ink); the score columns are left to the numeral recognizer
(:func:`extract.ocr.cells.reread_cells`). Only words read surely enough to
be text (:data:`CELL_WORD_MIN`) are kept: a stamp's ring or a signature read
alone gives specks, and a cell that holds only those stays empty.
"""
from __future__ import annotations

import re
from collections.abc import Callable

import numpy as np

from extract.ocr.columns import score_columns, words_in
from extract.ocr.ink import inked_cell
from extract.ocr.engine import OcrEngine, OcrWord
from ita_extract.page import Grid
from normalize.thaichars import DIGITS, LETTERS, charset

#: Words of a cell read alone are kept from this confidence on (noise read from a stamp stays below).
CELL_WORD_MIN = 60.0
#: ... and only when they hold this many letters and digits at least (a lone ``อ`` read off a stamp's ring is none).
CELL_TEXT_MIN = 3
_RE_TEXT_CHAR = re.compile(f"[0-9A-Za-z{charset(DIGITS, LETTERS)}]")
#: Blocks of the words read in a cell alone are numbered from here (the page read's, a table's and a line's stay below).
CELL_BLOCK = 20_000


def blank_cells(words: list[OcrWord], grid: Grid, image: np.ndarray, dpi: float,
                covers: Callable[[OcrWord], bool] | None = None) -> list[tuple[int, int, int, int]]:
    """The cells of a table (pixels, inset from its rules) that hold ink and no word outside its score columns.

    ``covers`` tells which words count (noise to be dropped does not).

    >>> img = np.full((200, 400), 255, np.uint8); img[40:60, 220:300] = 0
    >>> g = Grid((0, 0, 400, 200), (((0, 0, 200, 100), (200, 0, 400, 100)), ((0, 100, 200, 200), (200, 100, 400, 200))))
    >>> ws = [OcrWord("มาตรการ", 20, 30, 150, 60, 90.0, (1, 1, 1)), OcrWord("ระยะเวลา", 20, 130, 150, 160, 90.0, (1, 2, 1))]
    >>> blank_cells(ws, g, img, 300.0)
    [(206, 6, 394, 94)]
    >>> blank_cells(ws + [OcrWord("ต.ค.", 220, 40, 300, 60, 90.0, (1, 1, 2))], g, img, 300.0)
    []
    """
    counted = [w for w in words if covers is None or covers(w)]
    skip = score_columns(grid, counted)
    out = []
    for row in grid.rows:
        for col, box in enumerate(row):
            if box is None or col in skip or words_in(counted, box):
                continue
            if (inside := inked_cell(image, box, dpi)) is not None:
                out.append(inside)
    return out


def reread_blank_cells(words: list[OcrWord], grids: tuple[Grid, ...] | list[Grid], image: np.ndarray, dpi: float,
                       engine: OcrEngine, covers: Callable[[OcrWord], bool] | None = None, skip: tuple[Grid, ...] | list[Grid] = ()) -> list[OcrWord]:
    """``words`` with the words of each :func:`blank_cells` cell read alone (source ``table``), the
    tables in ``skip`` (read again whole already) aside."""
    out = list(words)
    n = 0
    for grid in grids:
        if any(grid is s for s in skip):
            continue
        for x0, y0, x1, y1 in blank_cells(out, grid, image, dpi, covers):
            found = [w for w in engine.page_words(np.ascontiguousarray(image[y0:y1, x0:x1]), int(round(dpi)))
                     if w.conf >= CELL_WORD_MIN]
            if sum(len(_RE_TEXT_CHAR.findall(w.text)) for w in found) < CELL_TEXT_MIN:
                continue  # a letter or two: specks of a stamp or a line the engine could not read either
            out += [OcrWord(w.text, w.x0 + x0, w.top + y0, w.x1 + x0, w.bottom + y0, w.conf,
                            (CELL_BLOCK + 1000 * n + w.line_key[0], w.line_key[1], w.line_key[2]), "table")
                    for w in found]
            n += 1
    return out
