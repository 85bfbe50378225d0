"""A cell's ink as geometry: its threshold, darkest ink and paper, its blobs and lines, where its number is, and
how many glyphs it holds against the digits its words read.
"""
from __future__ import annotations

import re

import cv2
import numpy as np

from extract.ocr.engine import OcrWord
from extract.ocr.score_format import _TO_ARABIC, MAX_CHARS, is_number
from ita_extract.page import PixelBox


#: Pixels (at 300 dpi, scaled) trimmed inside a cell's box: the erased rule's halo.
INSET_300 = 6
#: A cell needs at least this much ink (pixels at 300 dpi, scaled by area) to be worth a read.
MIN_INK_300 = 40


#: Ink of a number is this high (millimetres): smaller is dust, taller a signature or stamp.
INK_HEIGHT_MM = (1.2, 12.0)


def ink_grey(image: np.ndarray, w: OcrWord | tuple[float, float, float, float]) -> tuple[float, float] | None:
    """A word's (or a box's: x0, top, x1, bottom) darkest ink (10th percentile of its inked pixels) and its paper
    (median of the rest), or None."""
    x0, top, x1, bottom = (w.x0, w.top, w.x1, w.bottom) if isinstance(w, OcrWord) else w
    crop = image[max(0, int(top)):max(0, int(bottom)), max(0, int(x0)):max(0, int(x1))]
    levels = ink_levels(crop)
    if levels is None or not (levels[1] == 0).any():
        return None
    return float(np.percentile(crop[levels[1] > 0], 10)), float(np.median(crop[levels[1] == 0]))


def _ink_mask(crop: np.ndarray) -> np.ndarray | None:
    """A crop's ink (1) by Otsu's threshold; None for a crop of one tone (no ink)."""
    if crop.size == 0 or int(crop.max()) - int(crop.min()) < 40:
        return None
    _, ink = cv2.threshold(crop, 0, 1, cv2.THRESH_BINARY_INV | cv2.THRESH_OTSU)
    return ink


def _blob_stats(ink: np.ndarray) -> np.ndarray:
    """(x, y, w, h, area) of the ink's blobs, specks far smaller than the largest left out."""
    n, _, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    if n <= 1:
        return stats[:0]
    areas = stats[1:, cv2.CC_STAT_AREA]
    return stats[1:][areas >= max(3, 0.02 * areas.max())]


def ink_components(crop: np.ndarray) -> list[tuple[int, int, int, int, int]]:
    """Ink blobs of a crop as (x0, y0, x1, y1, area), specks far smaller than the largest left out."""
    ink = _ink_mask(crop)
    if ink is None:
        return []
    return [(int(x), int(y), int(x + w), int(y + h), int(a)) for x, y, w, h, a in _blob_stats(ink)]


def ink_area(crop: np.ndarray, at_least: int = 0) -> int:
    """The area of a crop's ink blobs (:func:`ink_components`'s, summed); 0 as soon as all its ink together is
    less than ``at_least`` (the blobs' area is no more than that).

    >>> crop = np.full((20, 40), 255, np.uint8); crop[5:15, 5:8] = 0; crop[2, 30] = 0
    >>> ink_area(crop), ink_area(crop, 31), ink_area(crop, 32), sum(b[4] for b in ink_components(crop))
    (30, 30, 0, 30)
    """
    ink = _ink_mask(crop)
    if ink is None or int(cv2.countNonZero(ink)) < at_least:
        return 0
    return int(_blob_stats(ink)[:, cv2.CC_STAT_AREA].sum())


def grow(seed: tuple[int, int, int, int], blobs: list[tuple[int, int, int, int, int]],
         gap: float) -> tuple[int, int, int, int]:
    """A box grown through the blobs whose middle row lies in its rows and that come within ``gap`` of it.

    Tesseract's box of a number often stops short of its last digit; its ink does not.

    >>> grow((10, 10, 30, 30), [(12, 12, 28, 28, 9), (33, 12, 45, 29, 9), (60, 12, 70, 28, 9), (32, 40, 40, 48, 9)], 5)
    (10, 10, 45, 30)
    """
    x0, y0, x1, y1 = seed
    grown = True
    while grown:
        grown = False
        for bx0, by0, bx1, by1, _ in blobs:
            mid = (by0 + by1) / 2
            if not y0 <= mid <= y1 or (x0 <= bx0 and bx1 <= x1):
                continue
            if bx1 >= x0 - gap and bx0 <= x1 + gap:
                nx0, nx1 = min(x0, bx0), max(x1, bx1)
                if (nx0, nx1) != (x0, x1):
                    x0, x1, grown = nx0, nx1, True
    return x0, y0, x1, y1


def busiest_line(blobs: list[tuple[int, int, int, int, int]]) -> list[tuple[int, int, int, int, int]]:
    """The blobs of the text line with most glyphs: a signature's stroke or a stamp's ring elsewhere stays out.

    >>> busiest_line([(0, 0, 60, 40, 300), (10, 50, 20, 70, 90), (25, 50, 35, 70, 90), (40, 52, 50, 70, 90)])
    [(10, 50, 20, 70, 90), (25, 50, 35, 70, 90), (40, 52, 50, 70, 90)]
    """
    if len(blobs) < 2:
        return blobs
    # seeds against every blob at once, a slice of seeds at a time (a cell of grain under a stamp holds thousands of
    # blobs: one by one, a fifth of a second; all at once, a square of them in memory); the first seed with the
    # most, as one by one
    box = np.array([b[:4] for b in blobs], np.int64)
    h = (box[:, 3] - box[:, 1]).astype(np.float64)
    mid = (box[:, 1] + box[:, 3]) / 2

    def lines(at: slice) -> np.ndarray:
        sh, sm = h[at, None], mid[at, None]
        return (np.abs(mid[None, :] - sm) <= 0.5 * sh) & (0.5 * sh <= h[None, :]) & (h[None, :] <= 2 * sh)

    counts = np.concatenate([lines(slice(k, k + _SEEDS_AT_ONCE)).sum(axis=1)
                             for k in range(0, len(blobs), _SEEDS_AT_ONCE)])
    seed = int(np.argmax(counts))
    best = np.flatnonzero(lines(slice(seed, seed + 1))[0])
    top, bottom = box[best, 1].min(), box[best, 3].max()
    return [b for b, m in zip(blobs, mid) if top <= m <= bottom]


#: Seeds :func:`busiest_line` weighs against every blob at once.
_SEEDS_AT_ONCE = 256


def number_box(crop: np.ndarray, digit_words: list[PixelBox], min_ink: int) -> PixelBox | None:
    """Where a cell's number is (crop pixels): grown from its digit words' box, or all the cell's ink."""
    blobs = ink_components(crop)
    if digit_words:
        seed = (min(b[0] for b in digit_words), min(b[1] for b in digit_words),
                max(b[2] for b in digit_words), max(b[3] for b in digit_words))
        h = seed[3] - seed[1]
        x0, y0, x1, y1 = grow(seed, blobs, 0.5 * h)
        blobs = [b for b in blobs if b[0] >= x0 and b[2] <= x1 and y0 <= (b[1] + b[3]) / 2 <= y1]
    else:
        blobs = busiest_line(blobs)
    glyphs = [b for b in blobs if (b[2] - b[0]) <= 4 * (b[3] - b[1])]  # rule remnants are long and flat
    if not glyphs or sum(b[4] for b in blobs) < min_ink:
        return None
    # the rows of the main glyphs: a remnant of a rule or a mark at the cell's edge stays out
    main = [b for b in glyphs if b[4] >= 0.3 * max(g[4] for g in glyphs)]
    top, bottom = min(b[1] for b in main), max(b[3] for b in main)
    margin = 0.3 * (bottom - top)
    blobs = [b for b in blobs if top - margin <= (b[1] + b[3]) / 2 <= bottom + margin]
    return PixelBox(min(b[0] for b in blobs), min(b[1] for b in blobs), max(b[2] for b in blobs),
                    max(b[3] for b in blobs))


def line_glyphs(crop: np.ndarray) -> list[tuple[int, int, int, int, int]]:
    """The glyph boxes of the crop's busiest line of ink: its blobs at least half as tall as its tallest."""
    line = busiest_line(ink_components(crop))
    if not line:
        return []
    tallest = max(b[3] - b[1] for b in line)
    return [b for b in line if b[3] - b[1] >= 0.5 * tallest]


def more_glyphs_than_read(crop: np.ndarray, words: list[OcrWord], ox: int, oy: int) -> bool:
    """A cell of short numbers whose busiest line of ink holds more glyphs than they have digits.

    Tesseract read part of a number (``5`` for ``๙๘.๗๕``, its box over all of it)
    and let the rest go, or read a signature's stroke (``6``) and not the number under it.
    """
    if not words or sum(len(w.text) for w in words) > MAX_CHARS or not all(is_number(w.text) for w in words):
        return False
    glyphs = line_glyphs(crop)
    if not glyphs:
        return False
    return len(glyphs) > sum(c.isdigit() for w in words for c in w.text)


#: Rows of paper at least this many pixels (at 300 dpi, scaled) high part two lines of a cell's ink.
LINE_GAP_300 = 4


def ink_lines(crop: np.ndarray, dpi: float) -> list[tuple[int, int]]:
    """The lines of a crop's ink (first and last row, crop pixels), top to bottom: bands of inked rows parted by
    paper, each as high as printed glyphs at least (:data:`INK_HEIGHT_MM`; a speck's band is none).

    >>> crop = np.full((90, 60), 230, np.uint8); crop[10:30, 10:40] = 40; crop[50:70, 5:50] = 40; crop[80:82, 5:8] = 40
    >>> ink_lines(crop, 300.0)
    [(10, 29), (50, 69)]
    """
    levels = ink_levels(crop)
    if levels is None:
        return []
    rows = np.flatnonzero(levels[1].sum(axis=1) > 0)
    if rows.size == 0:
        return []
    gap = max(2, int(round(LINE_GAP_300 * dpi / 300.0)))
    least = INK_HEIGHT_MM[0] * dpi / 25.4
    cuts = np.flatnonzero(np.diff(rows) > gap)
    bands = zip(np.r_[rows[0], rows[cuts + 1]], np.r_[rows[cuts], rows[-1]])
    return [(int(a), int(b)) for a, b in bands if b - a + 1 >= least]


def ink_levels(crop: np.ndarray) -> tuple[float, np.ndarray, float] | None:
    """A crop's ink threshold (Otsu), its ink mask (1 where inked) and its darkest ink (5th percentile of the
    inked pixels), or None for a crop with too little contrast to hold ink.

    >>> crop = np.full((10, 10), 230, np.uint8); crop[2:8, 2:5] = 40
    >>> t, mask, dark = ink_levels(crop); 40 <= t < 230, int(mask.sum()), dark
    (True, 18, 40.0)
    >>> ink_levels(np.full((4, 4), 200, np.uint8)) is None
    True
    """
    if crop.size == 0 or int(crop.max()) - int(crop.min()) < 40:
        return None
    t, mask = cv2.threshold(crop, 0, 1, cv2.THRESH_BINARY_INV | cv2.THRESH_OTSU)
    ink = crop[mask > 0]
    if ink.size == 0:
        return None
    return float(t), mask, float(np.percentile(ink, 5))


#: A line of ink this many times as wide as it is high holds more than one digit (:func:`lost_digits`).
LOST_WIDTH = 2.0


def lost_digits(words: list[OcrWord], crop: np.ndarray) -> bool:
    """A score cell read as one lone digit (``1``, ``0``) while its ink holds at least three glyphs, or is
    wider than :data:`LOST_WIDTH` times the height of its lowest glyph (``10`` of ``100`` joined by a blot,
    and ``0``).

    A score column prints two decimals, so one digit alone is part of a
    number (``1`` of ``100.00``), never a score; a number read with its
    integer digits (``100``, ``75`` for ``75.00``) is left to stand.
    """
    if len(words) != 1 or not re.fullmatch(r"\d", words[0].text.translate(_TO_ARABIC)):
        return False
    glyphs = line_glyphs(crop)
    if not glyphs:
        return False
    # as wide as more than one of its glyphs is high (a blot on one makes it taller: the lowest counts)
    wide = max(b[2] for b in glyphs) - min(b[0] for b in glyphs) >= LOST_WIDTH * min(b[3] - b[1] for b in glyphs)
    return wide or len(glyphs) >= 3


#: Ink a score cell read as nothing is a printed number's when its text line holds this many glyphs ...
NUMBER_INK_GLYPHS = 2
#: ... each this high, as shares of the column's digit height (grain is lower; a stamp's ring, a signature's loop
#: taller) ...
NUMBER_INK_HEIGHT = (0.6, 1.6)
#: ... at most this many digit heights wide (digits a blur joined), their bottoms this share of it apart ...
NUMBER_INK_WIDTH = 3.5
NUMBER_INK_BASELINE = 0.3
#: ... and spanning together at least this many digit heights (the narrowest score, ``100``, spans two).
NUMBER_INK_SPAN = 1.2
#: Without a column to measure, a digit is this high (millimetres) at most.
DIGIT_HEIGHT_MAX_MM = 6.0


def number_ink(crop: np.ndarray, dpi: float, digit_height: float | None = None) -> PixelBox | None:
    """Where a cell's ink holds a printed number, read or not (crop pixels), or None: at least :data:`NUMBER_INK_GLYPHS` glyphs of
    the column's digit height (:data:`NUMBER_INK_HEIGHT`) on one baseline, spanning
    :data:`NUMBER_INK_SPAN` digit heights. ``digit_height`` is the column's (pixels); None takes the glyphs'
    own, within :data:`INK_HEIGHT_MM` and :data:`DIGIT_HEIGHT_MAX_MM`.

    A stroke that enters the cell from outside it (a signature, a stamp's ring crossing it) touches the crop's
    edge: it is no glyph, and a cell it alone crosses holds no number. Grain is lower than any digit.

    >>> crop = np.full((60, 160), 236, np.uint8)
    >>> number_ink(crop, 300.0), number_ink(crop, 300.0, 30.0)
    (None, None)
    >>> for x in (20, 45, 80): crop[15:45, x:x + 18] = 40
    >>> number_ink(crop, 300.0, 30.0), number_ink(crop, 300.0) is not None
    (PixelBox(x0=20, top=15, x1=98, bottom=45), True)
    >>> number_ink(crop, 300.0, 12.0) is None   # glyphs far taller than the column's digits: no number of them
    True
    >>> loop = np.full((60, 160), 236, np.uint8); loop[0:40, 60:64] = 40; loop[38:42, 60:140] = 40
    >>> number_ink(loop, 300.0, 30.0) is None   # a signature's stroke from outside the cell
    True
    """
    blobs = [b for b in ink_components(crop)
             if b[0] > 0 and b[1] > 0 and b[2] < crop.shape[1] and b[3] < crop.shape[0]]
    least, most = INK_HEIGHT_MM[0] * dpi / 25.4, DIGIT_HEIGHT_MAX_MM * dpi / 25.4
    for seed in blobs:
        h = digit_height if digit_height else float(seed[3] - seed[1])
        if not least <= h <= (most if digit_height is None else max(most, h)):
            continue
        line = [b for b in blobs if NUMBER_INK_HEIGHT[0] * h <= b[3] - b[1] <= NUMBER_INK_HEIGHT[1] * h
                and b[2] - b[0] <= NUMBER_INK_WIDTH * h and abs(b[3] - seed[3]) <= NUMBER_INK_BASELINE * h]
        if len(line) >= NUMBER_INK_GLYPHS and max(b[2] for b in line) - min(b[0] for b in line) >= NUMBER_INK_SPAN * h:
            return PixelBox(min(b[0] for b in line), min(b[1] for b in line), max(b[2] for b in line),
                            max(b[3] for b in line))
    return None


#: A blob of a number's line this many times as wide as the line's median glyph holds two digits a blur joined.
JOINED_WIDTH = 1.7
_RE_ONE_INTEGER = re.compile(r"^[1-9]\.\d{2}$")


def short_of_glyphs(crop: np.ndarray, word: OcrWord) -> bool:
    """A score read with one integer digit (``7.13``) whose ink's busiest line holds more glyphs than it has digits
    (:func:`more_glyphs_than_read`): a faint digit before it that Tesseract let go (``๙๗.๑๓`` with its ``๙``
    broken by a light print). No report's score has one integer digit where another stands in its ink.

    >>> crop = np.full((40, 160), 236, np.uint8)
    >>> crop[10:30, 10:26] = 40; crop[10:30, 32:48] = 40; crop[27:30, 52:55] = 40; crop[10:30, 60:76] = 40; crop[10:30, 82:98] = 40
    >>> w = lambda t: OcrWord(t, 0, 0, 9, 9, 90.0, (1, 1, 1))
    >>> short_of_glyphs(crop, w("7.13")), short_of_glyphs(crop, w("97.13")), short_of_glyphs(crop[:, 28:], w("7.13"))
    (True, False, False)
    """
    return bool(_RE_ONE_INTEGER.match(word.text.translate(_TO_ARABIC))) and more_glyphs_than_read(crop, [word], 0, 0)


def lost_integer_digit(crop: np.ndarray, word: OcrWord) -> bool:
    """A score read with one integer digit (``8.42``) whose ink holds more digits than it has: ``๘๔`` a blur
    joined into one blob, as wide as two glyphs (:data:`JOINED_WIDTH`), read as one (``๘๔.๔๒``).

    >>> crop = np.full((40, 160), 236, np.uint8)
    >>> crop[10:30, 10:44] = 40; crop[27:30, 50:53] = 40; crop[10:30, 60:76] = 40; crop[10:30, 82:98] = 40
    >>> w = lambda t: OcrWord(t, 0, 0, 9, 9, 90.0, (1, 1, 1))
    >>> lost_integer_digit(crop, w("8.42")), lost_integer_digit(crop, w("84.42"))
    (True, False)
    >>> crop[10:30, 10:44] = 236; crop[10:30, 28:44] = 40   # one glyph: the reading holds the ink
    >>> lost_integer_digit(crop, w("8.42"))
    False
    """
    if not _RE_ONE_INTEGER.match(word.text.translate(_TO_ARABIC)):
        return False
    glyphs = line_glyphs(crop)
    if not glyphs:
        return False
    if len(glyphs) < 2:
        return False
    median = float(np.median([b[2] - b[0] for b in glyphs]))
    digits = sum(2 if b[2] - b[0] >= JOINED_WIDTH * median else 1 for b in glyphs)
    return digits > sum(c.isdigit() for c in word.text.translate(_TO_ARABIC))


def inked_cell(image: np.ndarray, box: tuple[float, float, float, float], dpi: float) -> tuple[int, int, int, int] | None:
    """A cell's inside (pixels, inset from its rules) when it holds ink, dust aside (:data:`MIN_INK_300`); else None."""
    k = dpi / 300.0
    inset, min_ink = max(2, int(INSET_300 * k)), int(MIN_INK_300 * k * k)
    H, W = image.shape[:2]
    x0, y0, x1, y1 = (int(round(v)) for v in box)
    x0, y0, x1, y1 = max(0, x0 + inset), max(0, y0 + inset), min(W, x1 - inset), min(H, y1 - inset)
    if x1 <= x0 or y1 <= y0 or ink_area(image[y0:y1, x0:x1], min_ink) < min_ink:
        return None
    return x0, y0, x1, y1


#: Heavier ink a thin print's number is read in again: each stroke grown by these kernels (width, height in
#: pixels) ...
HEAVY_KERNELS = ((2, 2), (3, 2), (3, 3))
#: ... and grey lighter than the ink's threshold (Otsu) counted as ink, up to these shares of the way from that
#: threshold to the paper's tone (the median of what Otsu left as paper): a cell shaded grey, or a page's
#: paper tone, moves the paper, and the hairlines of a ``๐`` stand between the two.
HEAVY_GREY = (0.5, 0.75, 0.9)


def heavy_views(crop: np.ndarray) -> list[np.ndarray]:
    """A number's ink made heavier: strokes grown (:data:`HEAVY_KERNELS`), lighter grey taken as ink
    (:data:`HEAVY_GREY`, short of the paper's tone).

    >>> crop = np.full((30, 80), 230, np.uint8); crop[5:25, 5:70] = 40
    >>> views = heavy_views(crop); ink = lambda img: int((img < 128).sum())
    >>> len(views), ink(views[0]) > ink(crop), all(ink(v) >= ink(crop) for v in views)
    (6, True, True)
    """
    views = [cv2.erode(crop, np.ones((h, w), np.uint8)) for w, h in HEAVY_KERNELS]
    levels = ink_levels(crop)
    if levels is not None:
        threshold, mask = levels[0], levels[1]
        paper = float(np.median(crop[mask == 0])) if (mask == 0).any() else 255.0
        views += [np.where(crop > threshold + share * max(0.0, paper - threshold), 255, 0).astype(np.uint8)
                  for share in HEAVY_GREY]
    return views
