"""Ink in a cell that is no digit of its number: specks, dust and a printed dash; a stamp's lighter lettering or
ring; a blot read as a digit; a stroke (a signature, a stamp's ring) crossing the digits.
"""
from __future__ import annotations

import re
from dataclasses import replace  # noqa: F401  (blot_words' doctest)

import cv2
import numpy as np

from extract.ocr.engine import OcrWord
from extract.ocr.ink import INK_HEIGHT_MM, ink_components, ink_grey, ink_levels
from extract.ocr.score_format import _RE_PUNCT, _RE_THAI_LETTER, _TO_ARABIC, is_score_format
from ita_extract.page import PixelBox
from normalize.thaichars import DIGITS, charset


#: A printed dash ("no score"): one flat stroke at most this high (mm) and this wide (mm), this flat.
DASH_MAX_H_MM, DASH_W_MM, DASH_FLAT = 1.0, (0.8, 8.0), 2.5
#: Blobs smaller than this share of a cell's largest are grain beside a dash.
DASH_SPECK = 0.15


#: A word beside a score, on another line of its cell, is a stamp's lettering when its darkest ink (10th
#: percentile) is lighter than the score's by more than this share of the way from the score's to the paper.
STAMP_WORD_LIGHT = 0.4


def lighter(image: np.ndarray, box: tuple[float, float, float, float], grey: tuple[float, float]) -> bool:
    """Whether the ink in ``box`` is a stamp's beside a print whose darkest ink and paper are ``grey``
    (:data:`STAMP_WORD_LIGHT`)."""
    g = ink_grey(image, box)
    return g is not None and g[0] > grey[0] + STAMP_WORD_LIGHT * (grey[1] - grey[0])


#: A digit's strokes cover about this share of a square as high as the digit ...
GLYPH_INK_SHARE = 0.15
#: ... and a number unread holds at least this many digits' worth of ink as dark as the print: a dash (no score)
#: and the paper's grain around it, which Otsu on an all but blank cell makes blobs of, hold less.
UNREAD_DARK_GLYPHS = 2


def too_little_print(image: np.ndarray, top: int, bottom: int, grey: tuple[float, float]) -> bool:
    """Whether the rows ``top`` to ``bottom`` of the ink found, across the whole cell ``image`` (the ink found may
    be part of the number only: a stamp's ring beside its digits), hold less ink as dark as a print whose darkest
    ink and paper are ``grey`` (darker than halfway to the paper) than :data:`UNREAD_DARK_GLYPHS` digits of their
    height.

    >>> cell = np.full((50, 170), 236, np.uint8); cell[22:27, 70:110] = 60   # a dash
    >>> too_little_print(cell, 2, 46, (50.0, 236.0))
    True
    >>> for x in (70, 100, 130): cell[8:44, x:x + 5] = 60; cell[8:12, x:x + 22] = 60
    >>> too_little_print(cell, 2, 46, (50.0, 236.0))
    False
    """
    crop = image[max(0, top):max(0, bottom)]
    h = max(1, bottom - top)
    dark = int(np.count_nonzero(crop < grey[0] + 0.5 * (grey[1] - grey[0])))
    return dark < UNREAD_DARK_GLYPHS * GLYPH_INK_SHARE * h * h


def stamp_words(image: np.ndarray, words: list[OcrWord]) -> list[OcrWord]:
    """The words of a score cell that are a stamp's lettering beside its one score (``แล้ว`` under ``๘๗.๔๓``): on
    other lines than the score, their ink far lighter than the score's (:data:`STAMP_WORD_LIGHT`; stamps print red
    or blue, grey in a scan). Words as dark as the score stay: they may be part of it or of the report.

    >>> page = np.full((100, 200), 240, np.uint8); page[10:30, 20:80] = 40; page[60:80, 20:80] = 160
    >>> w = lambda t, top: OcrWord(t, 15, top - 5, 85, top + 25, 90.0, (1, 1, 1))
    >>> [x.text for x in stamp_words(page, [w("87.43", 10), w("แล้ว", 60)])]
    ['แล้ว']
    >>> page[60:80, 20:80] = 50; stamp_words(page, [w("87.43", 10), w("แล้ว", 60)])
    []
    """
    scores = [w for w in words if is_score_format(w.text)]
    if len(scores) != 1 or len(words) < 2 or (grey := ink_grey(image, scores[0])) is None:
        return []
    score = scores[0]
    dark, paper = grey
    out = []
    for w in words:
        if w is score or min(w.bottom, score.bottom) - max(w.top, score.top) > 0:
            continue
        g = ink_grey(image, w)
        if g is not None and g[0] > dark + STAMP_WORD_LIGHT * (paper - dark):
            out.append(w)
    return out


#: A blob whose ink fills this share of its box or more, and about as wide as high (:data:`BLOT_ASPECT`), is a
#: filled dot: no digit is one (every digit is strokes; ``๐ ๑ ๒ …`` have a hole); only a point, which is small.
#: Blots of toner on dev scans fill 0.75 and 0.83 of their boxes, a drawn disc 0.72-0.79. Of the ten Thai and ten
#: Arabic digits rendered at 150-300 dpi in light to heavy print, none without a hole comes this close but ``๐``
#: at 150 dpi in the heaviest print, its loop filled in by blur (0.73).
BLOT_FILL = 0.65
BLOT_ASPECT = (0.6, 1.6)
#: A dot alone in a cell has holes of at most this share of its ink (a digit's loop is a third of it or more).
BLOT_HOLES = 0.03


def is_filled_dot(crop: np.ndarray, alone: bool = False) -> bool:
    """Whether the largest blob of ``crop`` (0 = ink) is a filled dot (:data:`BLOT_FILL`); ``alone``: whether
    it is the crop's only ink, and has no hole either (no score beside it vouches that it is no digit).

    >>> import cv2
    >>> cell = np.full((40, 60), 235, np.uint8); _ = cv2.circle(cell, (30, 20), 10, 40, -1)
    >>> is_filled_dot(cell), is_filled_dot(cell, alone=True)
    (True, True)
    >>> _ = cv2.circle(cell, (30, 20), 4, 235, -1); is_filled_dot(cell, alone=True)  # a thick ring: ``๐``
    False
    >>> cell = np.full((40, 60), 235, np.uint8); cell[8:32, 26:33] = 40; is_filled_dot(cell)  # a bar: ``1``
    False
    """
    import cv2

    if crop.size == 0 or int(crop.max()) - int(crop.min()) < 40:
        return False
    _, ink = cv2.threshold(crop, 0, 1, cv2.THRESH_BINARY_INV | cv2.THRESH_OTSU)
    n, labels, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    if n < 2 or (alone and len(ink_components(crop)) != 1):
        return False
    k = 1 + int(np.argmax(stats[1:, cv2.CC_STAT_AREA]))
    x, y, bw, bh, area = stats[k]
    if area < BLOT_FILL * bw * bh or not BLOT_ASPECT[0] <= bw / bh <= BLOT_ASPECT[1]:
        return False
    if not alone:
        return True
    blob = (labels[y:y + bh, x:x + bw] == k).astype(np.uint8)
    filled = blob.copy()
    contours, _ = cv2.findContours(blob, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
    cv2.drawContours(filled, contours, -1, 1, -1)
    return bool(int(filled.sum()) - int(area) <= BLOT_HOLES * area)


def blot_words(image: np.ndarray, words: list[OcrWord]) -> list[OcrWord]:
    """The words of a score cell that are a blot beside its one score: a single character on other lines than the
    score, whose ink is one filled dot (:func:`is_filled_dot`; a speck of dust or toner read ``1``: ``100.00 1``).

    >>> page = np.full((100, 200), 240, np.uint8); page[10:30, 20:30] = 40; page[10:30, 34:44] = 40
    >>> yy, xx = np.mgrid[:100, :200]; page[(yy - 70) ** 2 + (xx - 150) ** 2 <= 36] = 30
    >>> score = OcrWord("100.00", 15, 5, 90, 35, 90.0, (1, 1, 1)); speck = OcrWord("1", 142, 62, 158, 78, 60.0, (1, 2, 1))
    >>> [w.text for w in blot_words(page, [score, speck])]
    ['1']
    >>> [w.text for w in blot_words(page, [replace(score, text="100"), speck])]  # a hundred printed without decimals
    ['1']
    >>> page[60:80, 140:160] = 240; page[62:78, 149:152] = 30; blot_words(page, [score, speck])  # a printed 1
    []
    """
    scores = [w for w in words if is_score_format(w.text)
              and (re.search(r"[.,]\d\d$", w.text.translate(_TO_ARABIC)) or w.text.translate(_TO_ARABIC) == "100")]
    if len(scores) != 1 or len(words) < 2:
        return []  # a score printed whole, with its decimals or a hundred (a wrapped 10 over a blurred 0 is no blot's)
    score = scores[0]
    return [w for w in words if w is not score and len(w.text) == 1
            and min(w.bottom, score.bottom) - max(w.top, score.top) <= 0
            and is_filled_dot(image[max(0, w.top):w.bottom, max(0, w.x0):w.x1])]


#: Blobs smaller than this share of a number's largest glyph, hanging below the glyphs' baseline, are specks.
LOW_SPECK_SHARE = 0.3


def without_low_specks(crop: np.ndarray) -> np.ndarray:
    """A number's ink with the small blobs whose middle lies below its glyphs' baseline turned to paper.

    Thai and Arabic digits sit on one line and have no descender, and a point sits on the line: ink below it is
    a speck of the scan, which the recognizer can join to the glyph above it (``๘`` with a speck under it read
    ``3``: ``31.10`` for ``๘๔.๑๐``).

    >>> crop = np.full((40, 60), 236, np.uint8); crop[5:30, 5:20] = 40; crop[5:30, 30:45] = 40; crop[32:38, 8:14] = 40
    >>> out = without_low_specks(crop); int(out[35, 10]), int(out[20, 10])
    (236, 40)
    >>> crop[27:30, 22:26] = 40  # a point on the line stays
    >>> int(without_low_specks(crop)[28, 23])
    40
    """
    if crop.size == 0 or int(crop.max()) - int(crop.min()) < 40:
        return crop
    _, ink = cv2.threshold(crop, 0, 1, cv2.THRESH_BINARY_INV | cv2.THRESH_OTSU)
    n, labels, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    if n <= 2:
        return crop
    areas = stats[1:, cv2.CC_STAT_AREA]
    big = areas.max()
    main = [i for i in range(1, n) if stats[i, cv2.CC_STAT_AREA] >= LOW_SPECK_SHARE * big]
    baseline = max(stats[i, cv2.CC_STAT_TOP] + stats[i, cv2.CC_STAT_HEIGHT] for i in main)
    low = [i for i in range(1, n) if stats[i, cv2.CC_STAT_AREA] < LOW_SPECK_SHARE * big
           and stats[i, cv2.CC_STAT_TOP] + stats[i, cv2.CC_STAT_HEIGHT] / 2 > baseline]
    if not low:
        return crop
    out = crop.copy()
    paper = int(np.median(crop[ink == 0])) if (ink == 0).any() else 255
    out[np.isin(labels, low)] = paper
    return out


def dash_box(crop: np.ndarray, dpi: float) -> PixelBox | None:
    """The one flat stroke of a cell that holds only a printed dash (crop pixels), or None."""
    blobs = ink_components(crop)
    big = max((b[4] for b in blobs), default=0)
    blobs = [b for b in blobs if b[4] >= DASH_SPECK * big]
    if len(blobs) != 1:
        return None
    x0, y0, x1, y1, _ = blobs[0]
    if x0 == 0 or y0 == 0 or x1 >= crop.shape[1] or y1 >= crop.shape[0]:
        return None  # a remnant of an erased rule touches the cell's edge
    mm = 25.4 / dpi
    w, h = (x1 - x0) * mm, (y1 - y0) * mm
    if h <= DASH_MAX_H_MM and DASH_W_MM[0] <= w <= DASH_W_MM[1] and w >= DASH_FLAT * h:
        return PixelBox(x0, y0, x1, y1)
    return None


#: Stamp ink is lighter than print (red or blue, grey in a scan): a score cell nothing else read is read once more
#: from its darkest strokes alone, those darker than this share of the way from its darkest ink (5th percentile)
#: to its ink threshold (Otsu) ...
STAMP_DARK_SHARE = 0.35
#: ... grown back by this many pixels (at 300 dpi) through the cell's ink: a stroke's blurred edge, not a ring.
STAMP_GROW_300 = 1


def without_light_ink(crop: np.ndarray, dpi: float) -> np.ndarray | None:
    """The crop with ink lighter than its print turned to paper (a stamp's ring across a number), or None.

    Ink is kept where it is reached from the crop's darkest strokes within
    :data:`STAMP_GROW_300` pixels: the print's strokes come back whole, a
    lighter ring that touches them only where it crosses.

    >>> crop = np.full((20, 40), 230, np.uint8)
    >>> crop[5:15, 5:8] = 40; crop[9:11, 0:40] = 150   # a dark stroke, a light ring across it
    >>> out = without_light_ink(crop, 300.0)
    >>> int(out[5:15, 5:8].max()), int(out[9:11, 20:40].min())
    (150, 255)
    """
    levels = ink_levels(crop)
    if levels is None:
        return None
    t, mask, dark = levels
    kept = ((crop < dark + STAMP_DARK_SHARE * (t - dark)) & (mask > 0)).astype(np.uint8)
    for _ in range(max(1, int(round(STAMP_GROW_300 * dpi / 300.0)))):
        kept = cv2.dilate(kept, np.ones((3, 3), np.uint8)) & mask
    out = np.full_like(crop, 255)
    out[kept > 0] = crop[kept > 0]
    return out


#: A stroke at least this many times as high as a number's digits that runs through their line crosses the number
#: (a signature's loop, a stamp's ring as dark as the print) ...
CROSSING_HEIGHT = 1.8
#: ... with at least this many of its pixels, as a share of the digits' height, inside the number's place, and as
#: dark as the print: its grey at most this share of the way from the print's grey to the paper's (a stamp's
#: lighter ring is what :func:`without_light_ink` reads through).
CROSSING_PIXELS = 0.5
CROSSING_GREY = 0.35


def number_band(inside: list[OcrWord], place: tuple[float, float, float, float, bool] | None,
                box: tuple[float, float, float, float], origin: tuple[int, int]) -> PixelBox | None:
    """Where a score cell's digits stand (crop pixels, ``origin`` the crop's corner): where its column prints its
    numbers (:func:`column_number_place`), else its digit words' boxes, else None."""
    if place is not None:
        px0, px1, top, bottom, from_mid = place
        ref = (box[1] + box[3]) / 2 if from_mid else box[1]
        return PixelBox(int(box[0] + px0) - origin[0], int(ref + top) - origin[1], int(box[0] + px1) - origin[0],
                        int(ref + bottom) - origin[1])
    digits = [w for w in inside if re.search(f"[0-9{charset(DIGITS)}]", w.text)]
    if not digits:
        return None
    return PixelBox(int(min(w.x0 for w in digits)) - origin[0], int(min(w.top for w in digits)) - origin[1],
                    int(max(w.x1 for w in digits)) - origin[0], int(max(w.bottom for w in digits)) - origin[1])


def crossed(crop: np.ndarray, band: PixelBox) -> bool:
    """Whether a stroke far taller than a number's digits (:data:`CROSSING_HEIGHT` times ``band``'s height) runs
    through the place of the number (``band``, crop pixels): a signature or a stamp's ring across the digits,
    which a reader takes for strokes of them (``๘๙.๗๗`` crossed by a signature's loop read ``85.27``).

    >>> scan = lambda c: np.clip(c + np.random.default_rng(0).normal(0, 12, c.shape), 0, 255).astype(np.uint8)
    >>> crop = np.full((120, 200), 236.0)
    >>> for x in (40, 70, 100): crop[45:75, x:x + 18] = 40
    >>> band = PixelBox(35, 42, 125, 78)
    >>> crossed(scan(crop), band)
    False
    >>> crop[0:120, 80:84] = 40   # a signature's stroke as dark as the print, from above the line to below it
    >>> crossed(scan(crop), band)
    True
    >>> crop[:, 80:84] = 236; crop[0:120, 160:164] = 40   # beside the number: no crossing
    >>> crossed(scan(crop), band)
    False
    >>> crop[:, 160:164] = 236; crop[0:120, 80:84] = 160   # a stamp's lighter ring
    >>> crossed(scan(crop), band)
    False
    """
    levels = ink_levels(crop)
    h = band.bottom - band.top
    if levels is None or h <= 0:
        return False
    n, labels, stats, _ = cv2.connectedComponentsWithStats(levels[1], connectivity=8)
    tall = [i for i in range(1, n) if stats[i, cv2.CC_STAT_HEIGHT] >= CROSSING_HEIGHT * h]
    if not tall:
        return False
    rest = (labels > 0) & ~np.isin(labels, tall)
    paper = float(np.median(crop[labels == 0]))
    print_grey = float(np.median(crop[rest])) if rest.any() else levels[2]
    darkest = print_grey + CROSSING_GREY * (paper - print_grey)
    region = labels[max(0, band.top):max(0, band.bottom), max(0, band.x0):max(0, band.x1)]
    return any(int((region == i).sum()) >= CROSSING_PIXELS * h and float(np.median(crop[labels == i])) <= darkest
               for i in tall)


def speck_words(words: list[OcrWord], dpi: float) -> list[OcrWord]:
    """The words of a score cell that are specks read as a sign or a digit (``+`` ``*`` ``4`` beside ``๑๐``): their
    box is smaller than the smallest printed glyph (:data:`INK_HEIGHT_MM`) both high and wide, and they are no point
    or dash (a decimal point of its own is part of the score: :func:`extract.ocr.score_format.joined_decimal`).
    Kept, a speck read ``+`` beside a wrapped ``๑๐`` over ``๐.๐๐`` makes the score ``+100.00``, no number.

    >>> w = lambda t, h: OcrWord(t, 10, 10, 10 + h, 10 + h, 86.0, (1, 1, 1))
    >>> [x.text for x in speck_words([w("+", 4), w("๑๐", 20), w(".", 4), w("4", 5)], 300.0)]
    ['+', '4']
    """
    least = INK_HEIGHT_MM[0] * dpi / 25.4
    return [w for w in words if w.bottom - w.top < least and w.x1 - w.x0 < least
            and not _RE_PUNCT.match(w.text) and not _RE_THAI_LETTER.search(w.text)]


def dust_only(words: list[OcrWord], crop: np.ndarray, dpi: float) -> bool:
    """Whether a cell's words are all specks Tesseract read as punctuation or a digit, and nothing else is inked.

    Grain read surely as ``,`` ``'`` ``.`` or ``4`` (half a millimetre high) in
    an otherwise empty cell, often the part of a row a page break carried over:
    no word and no blob of the cell is as high or as wide as the smallest
    printed glyph (:data:`INK_HEIGHT_MM`). Kept, the specks become the cell's
    text: a score ``'100.00 , -'`` that reads as no number, a question's tail
    that no longer joins the row before it (its score cell holds text).

    >>> w = lambda t, h: OcrWord(t, 10, 10, 14, 10 + h, 82.0, (1, 1, 1))
    >>> crop = np.full((60, 120), 235, np.uint8); crop[20:24, 30:34] = 40
    >>> dust_only([w(",", 5)], crop, 200.0), dust_only([w("4", 30)], crop, 200.0)
    (True, False)
    >>> crop[20:40, 50:60] = 40   # a glyph-high stroke the words missed
    >>> dust_only([w(",", 5)], crop, 200.0), dust_only([], crop, 200.0)
    (False, False)
    """
    least = INK_HEIGHT_MM[0] * dpi / 25.4
    if not words or any(w.bottom - w.top >= least or w.x1 - w.x0 >= least or _RE_THAI_LETTER.search(w.text)
                        for w in words):
        return False
    return not any(b[3] - b[1] >= least or b[2] - b[0] >= least for b in ink_components(crop))
