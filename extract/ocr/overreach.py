"""Words whose box reaches into the next line or the line before: the rows of their own line.

Lines set tightly (a narrow cell's wrapped text) stand so close that the marks
above the next line's letters (``สี่`` of ``เสี่ยง``) touch the baseline of the
line before, or the marks below a line's letters reach into the next. Tesseract
then takes them for part of a word of the other line: the word's box reaches
far beyond its line's band and the word reads as garble, unsure
(``เลรจงขาย`` at 31 for ``(อ้างอิงจาก`` with the marks of ``เสี่ยง`` under it).
Read again from its line's rows alone (:func:`line_rows`), cut at the emptiest
row where its line ends, the word reads as printed (a citation's label:
:meth:`extract.ocr.tokens.NumeralTokenReader.in_context`).

Read again, any unsure word reads surer, not better: a speck or a signature's
stroke reads ``Q`` at 90 from its own rows, a score with a mark under it loses
its decimals. A reading is taken only where what the word must be is known.
"""
from __future__ import annotations

import statistics

import cv2
import numpy as np

from extract.ocr.engine import OcrWord

#: A word reaches out of its line when its box passes the line's band (the median top and bottom of the line's
#: words) by at least this share of the band's height, above or below ...
REACH_SHARE = 0.5
#: ... and Tesseract read it below this confidence (a sure word with tall marks is as printed).
UNSURE_CONF = 60.0
#: The line's rows end at the emptiest row (least ink) within this share of the band's height around its edge.
CUT_SEARCH = 0.25


def word_bands(words: list[OcrWord]) -> dict[tuple[int, int, int], tuple[float, float]]:
    """Each Tesseract line's band: the median top and bottom of its words' boxes.

    >>> w = lambda top, bottom: OcrWord("x", 0, top, 9, bottom, 90.0, (1, 1, 1))
    >>> word_bands([w(1069, 1164), w(1082, 1116), w(1066, 1122)])
    {(1, 1, 1): (1069, 1122)}
    """
    by_line: dict[tuple[int, int, int], list[OcrWord]] = {}
    for w in words:
        by_line.setdefault(w.line_key, []).append(w)
    return {k: (statistics.median(w.top for w in ws), statistics.median(w.bottom for w in ws))
            for k, ws in by_line.items()}


def overreaching(w: OcrWord, band: tuple[float, float]) -> bool:
    """Whether an unsure word's box reaches far out of its line's band (:data:`REACH_SHARE`, :data:`UNSURE_CONF`).

    >>> w = OcrWord("เลรจงขาย", 1353, 1069, 1539, 1164, 31.0, (40, 1, 15))
    >>> overreaching(w, (1069.0, 1122.0)), overreaching(w, (1069.0, 1150.0))
    (True, False)
    >>> from dataclasses import replace
    >>> overreaching(replace(w, conf=90.0), (1069.0, 1122.0))
    False
    """
    top, bottom = band
    height = bottom - top
    return (w.conf < UNSURE_CONF and height > 0
            and max(w.bottom - bottom, top - w.top) >= REACH_SHARE * height)


def _emptiest_row(ink_rows: np.ndarray, at: float, reach: float) -> int:
    """The middle of the longest run of rows with the least ink within ``reach`` rows of ``at``: the middle of the
    gap between two lines (the run nearest ``at`` among equals).

    >>> _emptiest_row(np.array([5, 5, 3, 0, 0, 0, 0, 2, 0, 6]), 3, 4)
    5
    """
    lo, hi = max(0, int(at - reach)), min(len(ink_rows), int(at + reach) + 1)
    if hi <= lo:
        return int(min(max(at, 0), len(ink_rows)))
    least = ink_rows[lo:hi].min()
    runs: list[tuple[int, int]] = []
    for r in range(lo, hi):
        if ink_rows[r] == least:
            if runs and runs[-1][1] == r - 1:
                runs[-1] = (runs[-1][0], r)
            else:
                runs.append((r, r))
    a, b = max(runs, key=lambda run: (run[1] - run[0], -abs((run[0] + run[1]) / 2 - at)))
    return (a + b + 1) // 2


def line_rows(image: np.ndarray, w: OcrWord, band: tuple[float, float]) -> tuple[int, int]:
    """The rows (top, bottom: page pixels) of a word's own line within its box: cut at the emptiest row
    (:data:`CUT_SEARCH`) at each edge of its band it reaches past.

    >>> page = np.full((120, 60), 255, np.uint8); page[20:50, 5:55] = 0; page[56:58, 10:20] = 0  # a mark below
    >>> line_rows(page, OcrWord("x", 0, 18, 60, 70, 30.0, (1, 1, 1)), (18.0, 50.0))
    (18, 53)
    """
    top, bottom = band
    height = bottom - top
    crop = image[w.top:w.bottom, w.x0:w.x1]
    if crop.size == 0:
        return w.top, w.bottom
    _, ink = cv2.threshold(crop, 0, 1, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    ink_rows = ink.sum(axis=1)
    reach = CUT_SEARCH * height
    y0 = w.top + _emptiest_row(ink_rows, top - w.top, reach) if top - w.top >= REACH_SHARE * height else w.top
    y1 = w.top + _emptiest_row(ink_rows, bottom - w.top, reach) if w.bottom - bottom >= REACH_SHARE * height \
        else w.bottom
    return y0, max(y1, y0 + 1)
