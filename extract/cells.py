"""Read the blanks: table cells with ink whose words came out empty or unreadable.

Tesseract sometimes finds no word in a cell that holds a score (grain, a
stamp, a faint print), or reads it as letters that no re-read of the word
could turn into a number (``ส๕๓๕`` for ``๙๙.๓๘``, ``100.00'`` with a speck
that is no glyph). Before such a cell is given up (``score-unreadable``
downstream), its whole ink is read again by the numeral recognizer, which
needs no word box from Tesseract:

* a cell with ink and no word at all;
* a cell whose words are all short numeral-like tokens (digits, dots,
  Latin look-alikes) and not all of them read as a number.

When the recognizer reads the cell's ink as one number, surely enough, it
becomes the cell's only word; otherwise the cell stays as it was. Cells
with Thai words (questions, analyses, dates) are never touched.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Protocol

import cv2
import numpy as np

from extract.pdf import Grid
from extract.tesseract import OcrWord
from extract.tokens import drop_stray_points

#: Pixels (at 300 dpi, scaled) trimmed inside a cell's box: the erased rule's halo.
INSET_300 = 6
#: A cell needs at least this much ink (pixels at 300 dpi, scaled by area) to be worth a read.
MIN_INK_300 = 40
#: Words of a cell worth a second look together: at most this many characters in all.
MAX_CHARS = 14
#: A whole-cell reading replaces the cell's words at least this sure ...
CELL_READ_MIN = 0.6
#: ... and a one-glyph reading (a speck or a stroke can look like ``0`` or ``1``) this sure.
SINGLE_GLYPH_MIN = 0.9
#: Ink of a number is this high (millimetres): smaller is dust, taller a signature or stamp.
INK_HEIGHT_MM = (1.2, 8.0)
#: A number as a cell holds it: digits with at most one decimal point.
_RE_NUMBER = re.compile(r"^\d{1,4}(?:\.\d{1,3})?$")
#: Numeral-like text: digits, points, Latin look-alikes and specks Tesseract makes of them.
_RE_NUMERALISH = re.compile(r"^[0-9๐-๙A-Za-z.,'`\"|\[\]():;\-]{1,8}$")
_RE_THAI_LETTER = re.compile(r"[ก-ฮ]")


class NumberReader(Protocol):
    """Reads a crop that holds one number (:meth:`extract.numerals.Recognizer.read_number`)."""

    def read_number(self, crop: np.ndarray): ...


@dataclass(frozen=True)
class CellReread:
    """A cell read again: its box (pixels), the words it had and the word that replaces them."""

    box: tuple[int, int, int, int]
    before: tuple[OcrWord, ...]
    after: OcrWord


def is_number(text: str) -> bool:
    """
    >>> is_number("99.38"), is_number("100"), is_number("99.38."), is_number("i12")
    (True, True, False, False)
    """
    return bool(_RE_NUMBER.match(text))


def worth_rereading(words: list[OcrWord]) -> bool:
    """Whether a cell's words may be one number Tesseract did not read.

    >>> w = lambda t: OcrWord(t, 0, 0, 9, 9, 50.0, (1, 1, 1))
    >>> worth_rereading([]), worth_rereading([w("ส๕๓๕")]), worth_rereading([w("100.00'")])
    (True, True, True)
    >>> worth_rereading([w("99.38")]), worth_rereading([w("i๑๒")]), worth_rereading([w("การประเมิน")])
    (False, False, False)
    """
    if not words:
        return True
    texts = [w.text for w in words]
    if sum(len(t) for t in texts) > MAX_CHARS or all(is_number(t) for t in texts):
        return False
    if any(re.match(r"^[ieoIE][0-9๐-๙]", t) for t in texts):
        return False  # a question code
    # Tesseract turns ๙ and ๘ into Thai letters (``ส``): allow one per word, never a Thai word
    return all(_RE_NUMERALISH.match(t) or (len(_RE_THAI_LETTER.findall(t)) <= 1 and re.search(r"[0-9๐-๙]", t))
               for t in texts)


def _ink_box(crop: np.ndarray, min_ink: int) -> tuple[int, int, int, int] | None:
    """The box (x0, y0, x1, y1) of a crop's ink without specks; None when it holds too little."""
    if crop.size == 0 or int(crop.max()) - int(crop.min()) < 40:
        return None
    _, ink = cv2.threshold(crop, 0, 1, cv2.THRESH_BINARY_INV | cv2.THRESH_OTSU)
    n, _, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    if n <= 1:
        return None
    big = stats[1:, cv2.CC_STAT_AREA].max()
    keep = [s for s in stats[1:] if s[cv2.CC_STAT_AREA] >= max(3, 0.02 * big)]
    if sum(int(s[cv2.CC_STAT_AREA]) for s in keep) < min_ink:
        return None
    x0 = min(int(s[0]) for s in keep)
    y0 = min(int(s[1]) for s in keep)
    x1 = max(int(s[0] + s[2]) for s in keep)
    y1 = max(int(s[1] + s[3]) for s in keep)
    return x0, y0, x1, y1


def reread_cells(words: list[OcrWord], grids: tuple[Grid, ...] | list[Grid], image: np.ndarray, dpi: float,
                 reader: NumberReader) -> tuple[list[OcrWord], list[CellReread]]:
    """The page's words with blank or unreadable numeric cells read again (and what changed)."""
    k = dpi / 300.0
    inset, min_ink = max(2, int(INSET_300 * k)), int(MIN_INK_300 * k * k)
    out = list(words)
    changes: list[CellReread] = []
    H, W = image.shape[:2]
    for grid in grids:
        for row in grid.rows:
            for box in row:
                if box is None:
                    continue
                x0, y0, x1, y1 = (int(round(v)) for v in box)
                inside = [w for w in out if x0 <= (w.x0 + w.x1) / 2 <= x1 and y0 <= (w.top + w.bottom) / 2 <= y1]
                if not worth_rereading(inside):
                    continue
                cx0, cy0, cx1, cy1 = max(0, x0 + inset), max(0, y0 + inset), min(W, x1 - inset), min(H, y1 - inset)
                crop = image[cy0:cy1, cx0:cx1]
                ink = _ink_box(crop, min_ink)
                if ink is None or not INK_HEIGHT_MM[0] <= (ink[3] - ink[1]) * 25.4 / dpi <= INK_HEIGHT_MM[1]:
                    continue
                pad = max(2, int(4 * k))
                ix0, iy0 = max(0, ink[0] - pad), max(0, ink[1] - pad)
                ix1, iy1 = min(crop.shape[1], ink[2] + pad), min(crop.shape[0], ink[3] + pad)
                r = drop_stray_points(reader.read_number(crop[iy0:iy1, ix0:ix1]), " ".join(w.text for w in inside))
                text = r.text.strip(".")
                sure = CELL_READ_MIN if len(r.glyphs) > 1 else SINGLE_GLYPH_MIN
                if r.confidence < sure or not is_number(text):
                    continue
                key = inside[0].line_key if inside else (10_000 + len(changes), 1, 1)
                word = OcrWord(text, cx0 + ink[0], cy0 + ink[1], cx0 + ink[2], cy0 + ink[3],
                               r.confidence * 100.0, key)
                out = [w for w in out if w not in inside] + [word]
                changes.append(CellReread((x0, y0, x1, y1), tuple(inside), word))
    return out, changes
