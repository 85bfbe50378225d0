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

A cell can also come out with words that leave most of its print unread: a
date printed over a stamp's lighter ring, of which the page read kept only a
word of garbage off the ring (``ae=f`` for ``๑/๑๐/๒๕๖๘ – ๓๐/๙/๒๕๖๙``). Its
dark print (:func:`dark_print`: the stamp's lighter ink aside) is compared
with its words' boxes; when a few glyphs' worth of it lie outside them
(:data:`UNREAD_INK_300`, :data:`UNREAD_SHARE`), the cell is read alone, as
it stands and without its light ink, and the read that covers more of its
print replaces the cell's words when it leaves far less of it unread
(:data:`LESS_UNREAD`). A blank cell whose read as it stands gives no text is
read that way too, and then, still without text, read as one block of text
(Tesseract's layout analysis finds none in some crops: a short word alone in a
tall cell, letter-spaced labels).

A long cell can also lose whole lines and nothing else: an analysis of twelve
lines whose last two Tesseract's layout analysis dropped, in the page read and
in the cell's read alone (too little of its print for :data:`UNREAD_SHARE`).
Glyph-sized print that no word's box holds, laid out as a line of text
(:func:`lost_lines`, the rule :mod:`extract.ocr.bands` finds lost lines
outside the tables with), is read alone as one line each, where it stands
(:func:`line_reads`); the cell's other words stay as the page read them.

And a line can lose a piece and keep the rest: Tesseract read the start of a line, the label of the codes the
line cites (``บัญชา (อ้างอิงจาก``), as two specks in Latin (``sail Paes`` at 6 and 0 %), and the codes after it as
words. Glyph-sized print no word covers, fewer glyphs than a line alone needs but beside a word of a read line
(:func:`lost_spans`), is read alone too, and its words join that line where they stand (:func:`into_lines`), in
place of the unsure words read off their ink; what reads a label's codes reads on along the line.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

import numpy as np

from extract.ocr.bands import LINE_MIN_GLYPHS, LINE_MIN_WIDTH, BlankLine, glyph_lines, median_height
from extract.ocr.columns import score_columns, words_in
from extract.ocr.ink import ink_levels, inked_cell
from extract.ocr.marks import without_light_ink
from extract.ocr.engine import OcrEngine, OcrWord
from ita_extract.page import Grid
from normalize.thaichars import DIGITS, LETTERS, charset

#: Words of a cell read alone are kept from this confidence on (noise read from a stamp stays below).
CELL_WORD_MIN = 60.0
#: ... and only when they hold this many letters and digits at least (a lone ``อ`` read off a stamp's ring is none).
CELL_TEXT_MIN = 3
_RE_TEXT_CHAR = re.compile(f"[0-9A-Za-z{charset(DIGITS, LETTERS)}]")
#: A cell's print is unread when this share of its dark ink lies outside its words' boxes ...
UNREAD_SHARE = 0.2
#: ... and that ink comes to this many pixels at 300 dpi (about three glyphs of a table's text; the
#: stroke of a signature's tail across a read cell is less).
UNREAD_INK_300 = 600
#: Pixels at 300 dpi around a word's box that still count as its ink (marks above and below a Thai line).
WORD_PAD_300 = 8
#: A cell's read alone replaces its words when it leaves at most this share of the print they left unread.
LESS_UNREAD = 0.7
#: Blocks of the words read in a cell alone are numbered from here (the page read's, a table's and a line's stay below).
CELL_BLOCK = 20_000
#: A cell's read alone, merged with the page read's words of the cell (:func:`merged`), numbers its blocks from here
#: before both are numbered as the cell's (:func:`_as_table`): its lines and the page read's never share a key (the
#: engine numbers each read's blocks, paragraphs and lines from 1, and a page's blocks stay below this).
CELL_READ_BLOCK = 500


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


def dark_print(crop: np.ndarray, dpi: float) -> np.ndarray | None:
    """Where a cell's crop holds print (True), ink lighter than it (a stamp's ring) aside
    (:func:`extract.ocr.marks.without_light_ink`); None for a crop without ink. A crop of two levels (a
    binarized scan) has no lighter ink: all its ink is print.

    >>> crop = np.full((20, 40), 230, np.uint8); crop[5:15, 5:8] = 40; crop[9:11, 20:40] = 150
    >>> m = dark_print(crop, 300.0); int(m[5:15, 5:8].sum()), int(m[9:11, 20:40].sum())
    (30, 0)
    >>> crop = np.full((20, 40), 255, np.uint8); crop[5:15, 5:8] = 0
    >>> int(dark_print(crop, 300.0).sum())
    30
    """
    levels = ink_levels(crop)
    if levels is None:
        return None
    kept = without_light_ink(crop, dpi)
    mask = kept < 255 if kept is not None else np.zeros(crop.shape, bool)
    return mask if mask.any() else levels[1] > 0


def covered(mask: np.ndarray, words: list[OcrWord], origin: tuple[int, int], pad: int) -> int:
    """How many of ``mask``'s pixels lie in the boxes of ``words`` (page pixels; the mask's top left at
    ``origin``), each grown by ``pad``.

    >>> m = np.zeros((10, 10), bool); m[2:4, 2:8] = True
    >>> covered(m, [OcrWord("ก", 12, 12, 15, 14, 90.0, (1, 1, 1))], (10, 10), 0), covered(m, [], (0, 0), 0)
    (6, 0)
    """
    return int((mask & _boxes(mask.shape, words, origin, pad)).sum())


def _boxes(shape: tuple[int, ...], words: list[OcrWord], origin: tuple[int, int], pad: int) -> np.ndarray:
    """Where the boxes of ``words`` (page pixels), each grown by ``pad``, lie in an area of ``shape`` whose top left
    is at ``origin`` (True)."""
    boxes = np.zeros(shape, bool)
    ox, oy = origin
    for w in words:
        x0, y0 = max(0, int(w.x0) - ox - pad), max(0, int(w.top) - oy - pad)
        boxes[y0:max(y0, int(w.bottom) - oy + pad), x0:max(x0, int(w.x1) - ox + pad)] = True
    return boxes


def unread_cells(words: list[OcrWord], grid: Grid, image: np.ndarray, dpi: float,
                 covers: Callable[[OcrWord], bool] | None = None
                 ) -> list[tuple[tuple, tuple[int, int, int, int], np.ndarray, list[BlankLine] | None]]:
    """The cells of a table (each as its box, its inside: pixels, inset from its rules, and its dark print:
    :func:`dark_print`), outside its score columns, that hold words and whose dark print lies outside them: a
    few glyphs' worth (:data:`UNREAD_INK_300`), and a share of it (:data:`UNREAD_SHARE`); or, less of it than that,
    whole lines (:func:`lost_lines`, the fourth of each; None for the others).

    >>> img = np.full((200, 400), 240, np.uint8); img[40:60, 220:300] = 30; img[130:160, 220:300] = 30
    >>> img[40:60:4, 220:300] = 60; img[130:160:4, 220:300] = 60  # a stroke's grey rim
    >>> g = Grid((0, 0, 400, 200), (((0, 0, 200, 100), (200, 0, 400, 100)), ((0, 100, 200, 200), (200, 100, 400, 200))))
    >>> ws = [OcrWord("ต.ค.", 220, 40, 240, 60, 90.0, (1, 1, 1)), OcrWord("๒๕๖๖", 220, 130, 300, 160, 90.0, (1, 2, 1))]
    >>> [(box, cell, lines) for box, cell, _, lines in unread_cells(ws, g, img, 300.0)]
    [((200, 0, 400, 100), (206, 6, 394, 94), None)]
    """
    counted = [w for w in words if covers is None or covers(w)]
    skip = score_columns(grid, counted)
    height = median_height(counted)
    k = dpi / 300.0
    out = []
    for row in grid.rows:
        for col, box in enumerate(row):
            if box is None or col in skip or not (inside := words_in(counted, box)):
                continue
            if (cell := inked_cell(image, box, dpi)) is None:
                continue
            x0, y0, x1, y1 = cell
            if (mask := dark_print(image[y0:y1, x0:x1], dpi)) is None:
                continue
            ink = int(mask.sum())
            unread = ink - covered(mask, inside, (x0, y0), int(round(WORD_PAD_300 * k)))
            if unread < UNREAD_INK_300 * k * k:
                continue
            if unread >= UNREAD_SHARE * ink:
                out.append((box, cell, mask, None))
            elif lines := lost_lines(mask, inside, (x0, y0), height):
                out.append((box, cell, mask, lines))
    return out


def lost_lines(mask: np.ndarray, words: list[OcrWord], origin: tuple[int, int], height: float) -> list[BlankLine]:
    """The whole lines of a cell's print (``mask``, its top left at ``origin`` on the page) of which no glyph touches
    a word's box (:func:`extract.ocr.bands.glyph_lines`, glyphs sized against ``height``, the page's median word):
    lines the page read dropped from a long cell, too few of its print for :data:`UNREAD_SHARE` (two lines of twelve);
    and the pieces of a read line that no word covers (:func:`lost_spans`). In the mask's pixels.

    >>> mask = np.zeros((200, 900), bool)
    >>> for k in range(10):
    ...     mask[40:70, 20 + 50 * k: 40 + 50 * k] = mask[120:150, 20 + 50 * k: 40 + 50 * k] = True
    >>> read = [OcrWord("หน่วยงานควรจัดทำ", 110, 115, 620, 150, 90.0, (1, 1, 1))]
    >>> [(b.top, b.glyphs) for b in lost_lines(mask, read, (100, 0), 40.0)], lost_lines(mask, read, (100, 0), 0.0)
    ([(40, 10)], [])
    """
    if height <= 0:
        return []
    ox, oy = origin
    boxes = [(int(w.x0) - ox, int(w.top) - oy, int(w.x1) - ox, int(w.bottom) - oy) for w in words]
    # the pieces of glyphs no word holds, found once: the lines alone among them, and the pieces beside read words
    pieces = glyph_lines(mask.astype(np.uint8), height, skip=boxes, min_glyphs=SPAN_MIN_GLYPHS,
                         min_width=SPAN_MIN_WIDTH)
    whole = [b for b in pieces if b.glyphs >= LINE_MIN_GLYPHS and b.x1 - b.x0 >= LINE_MIN_WIDTH * height]
    return whole + [b for b in lost_spans(pieces, boxes, height) if not any(_same_piece(b, o) for o in whole)]


#: A piece of a read line's print that no word covers is read again from this many glyph blobs ...
SPAN_MIN_GLYPHS = 5
#: ... over this width (median word heights; a line alone needs :data:`extract.ocr.bands.LINE_MIN_WIDTH`) ...
SPAN_MIN_WIDTH = 2.5
#: ... when a word of the line stands beside it, no farther than this (median word heights).
SPAN_BESIDE = 1.0


def lost_spans(pieces: list[BlankLine], boxes: list[tuple[int, int, int, int]], height: float) -> list[BlankLine]:
    """The pieces of glyph-sized print no word's box holds (``pieces``: :func:`extract.ocr.bands.glyph_lines` with
    ``skip=boxes``, :data:`SPAN_MIN_GLYPHS` glyphs over :data:`SPAN_MIN_WIDTH` at least) that stand in a line the
    page read read the rest of: beside a word of the line (:func:`_beside`; ``boxes`` in the pieces' pixels).
    Tesseract took them for specks and read them as Latin (``sail Paes`` at 6 and 0 % for ``บัญชา (อ้างอิงจาก``,
    the label of the line's cited codes), or left them out.

    >>> mask = np.zeros((100, 900), np.uint8)
    >>> for k in range(12):
    ...     mask[40:70, 20 + 50 * k: 40 + 50 * k] = 1
    >>> spans = lambda boxes: lost_spans(glyph_lines(mask, 40.0, boxes, SPAN_MIN_GLYPHS, SPAN_MIN_WIDTH), boxes, 40.0)
    >>> [(b.x0, b.x1, b.glyphs) for b in spans([(310, 35, 610, 75)])]
    [(20, 290, 6)]
    >>> spans([(310, 80, 610, 99)]), spans([(400, 35, 610, 75)])[0].glyphs
    ([], 8)
    """
    return [b for b in pieces if any(_beside(b.x0, b.x1, (b.top + b.bottom) / 2, box, height) for box in boxes)]


def _beside(x0: float, x1: float, mid: float, box: tuple[float, float, float, float], height: float) -> bool:
    """Whether print from ``x0`` to ``x1`` whose middle height is ``mid`` stands beside a word's ``box`` (x0, top,
    x1, bottom) on its line: the box holds ``mid``, at most :data:`SPAN_BESIDE` median word heights (``height``)
    away."""
    bx0, top, bx1, bottom = box
    return top <= mid <= bottom and max(bx0 - x1, x0 - bx1) <= SPAN_BESIDE * height


def _same_piece(a: BlankLine, b: BlankLine) -> bool:
    return a.x0 < b.x1 and b.x0 < a.x1 and a.top < b.bottom and b.top < a.bottom


def cell_read(engine: OcrEngine, crop: np.ndarray | None, origin: tuple[int, int], dpi: float,
              sure: Callable[[OcrWord], bool] | None = None,
              read: Callable[[np.ndarray, int], list[OcrWord]] | None = None) -> list[OcrWord]:
    """The words of a cell's crop (as it stands, or without its light ink) read alone, placed on the page (the
    crop's top left at ``origin``); only words read surely (``sure``; by default :data:`CELL_WORD_MIN`), and none
    when they hold fewer than :data:`CELL_TEXT_MIN` letters and digits (specks of a stamp the engine could not
    read either); none for no crop. ``read``: the engine's read to use (by default its page read, with layout
    analysis; ``engine.block_words`` reads the crop as one block of text, ``engine.line_words`` as one line)."""
    if crop is None:
        return []
    x0, y0 = origin
    read = read or engine.page_words
    found = [w for w in read(np.ascontiguousarray(crop), int(round(dpi)))
             if (w.conf >= CELL_WORD_MIN if sure is None else sure(w))]
    if sum(len(_RE_TEXT_CHAR.findall(w.text)) for w in found) < CELL_TEXT_MIN:
        return []
    return [replace(w, x0=w.x0 + x0, top=w.top + y0, x1=w.x1 + x0, bottom=w.bottom + y0) for w in found]


def blank_read(engine: OcrEngine, crop: np.ndarray, origin: tuple[int, int], dpi: float
               ) -> tuple[list[OcrWord], np.ndarray]:
    """A blank cell's words read alone (:func:`cell_read`) and the crop they were read from: as it stands; else
    without its light ink; else as one block of text, where Tesseract's layout analysis finds no text in the crop
    (a short word alone in a tall cell, letter-spaced labels). No words (and the crop) when none gives text."""
    if found := cell_read(engine, crop, origin, dpi):
        return found, crop
    kept = without_light_ink(crop, dpi)
    if found := cell_read(engine, kept, origin, dpi):
        return found, kept
    return cell_read(engine, crop, origin, dpi, read=engine.block_words), crop


#: A lost line's crop reaches this far (median word heights) above, below and beside its glyphs (less than a line's
#: gap: the lines around it stay out).
LINE_CROP_PAD = 0.2
#: Lines of a cell read one by one are numbered from here within the cell's block (its page read's stay below).
LOST_LINE_KEY = 900


def line_reads(engine: OcrEngine, crop: np.ndarray, origin: tuple[int, int], dpi: float, lines: list[BlankLine],
               height: float, sure: Callable[[OcrWord], bool] | None = None) -> list[OcrWord]:
    """The words of each of a cell's ``lines`` (:func:`lost_lines`, in the pixels of ``crop``, whose top left is at
    ``origin`` on the page) read alone as one line, each a line of its own, placed on the page; only words read
    surely (``sure``; all by default), and only lines that hold text (:func:`cell_read`'s rule: :data:`CELL_TEXT_MIN`
    letters and digits at least)."""
    out: list[OcrWord] = []
    pad = int(round(LINE_CROP_PAD * height))
    h, w = crop.shape[:2]
    for n, b in enumerate(lines):
        x0, y0, x1, y1 = max(0, b.x0 - pad), max(0, b.top - pad), min(w, b.x1 + pad), min(h, b.bottom + pad)
        found = cell_read(engine, crop[y0:y1, x0:x1], (origin[0] + x0, origin[1] + y0), dpi,
                          sure=sure or (lambda f: True), read=engine.line_words)
        out += [replace(f, line_key=(LOST_LINE_KEY + n, 1, 1)) for f in found]
    return out


def less_unread(mask: np.ndarray, before: list[OcrWord], after: list[OcrWord], origin: tuple[int, int],
                pad: int) -> bool:
    """Whether the words ``after`` leave at most :data:`LESS_UNREAD` of the print (``mask``) that the words
    ``before`` left outside their boxes.

    >>> m = np.zeros((10, 40), bool); m[2:8, 0:40] = True
    >>> old, new = [OcrWord("ก", 0, 2, 10, 8, 90.0, (1, 1, 1))], [OcrWord("กขค", 0, 2, 36, 8, 90.0, (1, 1, 1))]
    >>> less_unread(m, old, new, (0, 0), 0), less_unread(m, new, old, (0, 0), 0)
    (True, False)
    """
    ink = int(mask.sum())
    return ink - covered(mask, after, origin, pad) <= LESS_UNREAD * (ink - covered(mask, before, origin, pad))


#: A word of a cell's read alone and one of the page read stand for the same ink when they share this much
#: of the smaller one's box.
SAME_INK = 0.3


def _overlap(a: OcrWord, b: OcrWord) -> float:
    """The share of the smaller of two words' boxes that they share."""
    w = min(a.x1, b.x1) - max(a.x0, b.x0)
    h = min(a.bottom, b.bottom) - max(a.top, b.top)
    if w <= 0 or h <= 0:
        return 0.0
    return w * h / max(1, min((a.x1 - a.x0) * (a.bottom - a.top), (b.x1 - b.x0) * (b.bottom - b.top)))


#: ... and the word read alone takes their place when it covers this many times as much of the cell's print.
MORE_PRINT = 1.5


def merged(before: list[OcrWord], found: list[OcrWord], mask: np.ndarray, origin: tuple[int, int],
           pad: int) -> list[OcrWord]:
    """A cell's words from its page read (``before``) and its read alone (``found``): each word read alone where
    no word stood, or in place of the words it shares its ink with (:data:`SAME_INK`) when it is surer than each
    of them or covers far more of the cell's print (``mask``, :data:`MORE_PRINT`: a date of which the page read
    kept a digit); ``before`` itself when nothing changes.

    >>> w = lambda t, x0, x1, conf: OcrWord(t, x0, 0, x1, 20, conf, (1, 1, 1))
    >>> m = np.ones((20, 300), bool)
    >>> old = [w("ae=f", 100, 160, 48.0), w("โครงการ", 0, 90, 93.0), w("๓", 200, 215, 97.0)]
    >>> new = [w("๑/๑๐", 95, 150, 71.0), w("โครงกร", 0, 88, 60.0), w("๓๐/๙", 200, 260, 80.0)]
    >>> [x.text for x in merged(old, new, m, (0, 0), 0)]
    ['โครงการ', '๑/๑๐', '๓๐/๙']
    >>> merged(old, [w("โครงกร", 0, 88, 60.0)], m, (0, 0), 0) is old
    True
    """
    out, changed = list(before), False
    for f in found:
        shared = [b for b in out if _overlap(b, f) >= SAME_INK]
        if all(f.conf > b.conf for b in shared) or \
                covered(mask, [f], origin, pad) >= MORE_PRINT * covered(mask, shared, origin, pad):
            out = [b for b in out if all(b is not s for s in shared)] + [f]
            changed = True
    return out if changed else before


def sureness(words: list[OcrWord]) -> float:
    """The words' confidence, each weighing as many letters as it holds.

    >>> sureness([OcrWord("บรกรรดวรย", 0, 0, 9, 9, 42.0, (1, 1, 1)), OcrWord("ให้", 0, 0, 9, 9, 90.0, (1, 1, 1))])
    54.0
    """
    n = sum(len(w.text) for w in words)
    return sum(w.conf * len(w.text) for w in words) / n if n else 0.0


def _own_lines(found: list[OcrWord]) -> list[OcrWord]:
    """A cell's words read alone, their lines apart from the page read's (:data:`CELL_READ_BLOCK`).

    >>> _own_lines([OcrWord("ก", 0, 0, 9, 9, 90.0, (1, 1, 4))])[0].line_key
    (501, 1, 4)
    """
    return [replace(w, line_key=(CELL_READ_BLOCK + w.line_key[0], w.line_key[1], w.line_key[2])) for w in found]


def _as_table(found: list[OcrWord], n: int) -> list[OcrWord]:
    """Words of the ``n``-th cell read alone, in blocks of their own (source ``table``)."""
    return [replace(w, line_key=(CELL_BLOCK + 1000 * n + w.line_key[0], w.line_key[1], w.line_key[2]), source="table")
            for w in found]


def reread_blank_cells(words: list[OcrWord], grids: tuple[Grid, ...] | list[Grid], image: np.ndarray, dpi: float,
                       engine: OcrEngine, covers: Callable[[OcrWord], bool] | None = None,
                       skip: tuple[Grid, ...] | list[Grid] = ()) -> tuple[list[OcrWord], np.ndarray]:
    """``words`` with the words of each :func:`blank_cells` cell read alone (as it stands, else without its light
    ink), and those of each :func:`unread_cells` cell replaced by its read alone (as it stands or without its light
    ink, whichever covers more of its print) where that leaves far less of its print unread (:func:`dark_print`,
    :data:`LESS_UNREAD`), or, of a cell that lost only whole lines, those lines read alone (:func:`line_reads`);
    the tables in ``skip`` (read again whole already) aside. And the image, each cell whose
    words were read without its light ink without it there too (a copy; ``image`` when none was): what reads
    those words again later sees them as read."""
    out = list(words)
    page = image
    n = 0
    pad = int(round(WORD_PAD_300 * dpi / 300.0))
    counted = [w for w in words if covers is None or covers(w)]
    height = median_height(counted)
    for grid in grids:
        if any(grid is s for s in skip):
            continue
        for x0, y0, x1, y1 in blank_cells(out, grid, image, dpi, covers):
            crop = image[y0:y1, x0:x1]
            found, view = blank_read(engine, crop, (x0, y0), dpi)
            if found:
                out += _as_table(found, n)
                n += 1
                if view is not crop:
                    page = _with_cell(page, image, (x0, y0), view)
        for box, (x0, y0, x1, y1), mask, lines in unread_cells(out, grid, image, dpi, covers):
            before = [w for w in words_in(out, box) if covers is None or covers(w)]
            crop = image[y0:y1, x0:x1]
            if lines is not None:
                # whole lines the page read dropped from a cell it read the rest of: each read alone, as one line
                found = line_reads(engine, crop, (x0, y0), dpi, lines, height, covers)
                out, alone = into_lines(out, found, before, height, covers)
                if alone:
                    out += _as_table(alone, n)
                    n += 1
                continue
            kept = without_light_ink(crop, dpi)
            # as the cell stands and without its light ink, each merged with the page read's words (a cell that
            # holds text already is read again as the page is: how much of its print the words cover decides)
            reads = [(merged(before, _own_lines(cell_read(engine, view, (x0, y0), dpi, sure=covers or (lambda w: True))),
                             mask, (x0, y0), pad), view is crop) for view in (crop, kept)]
            # the read that covers more of the print; of two that cover as much, the surer (its letters' mean)
            found, light = max(reads, key=lambda r: (covered(mask, r[0], (x0, y0), pad), sureness(r[0])))
            if found is not before and less_unread(mask, before, found, (x0, y0), pad):
                gone = {id(w) for w in words_in(out, box)}
                out = [w for w in out if id(w) not in gone] + _as_table(found, n)
                n += 1
                if not light:
                    page = _with_cell(page, image, (x0, y0), kept)
    return out, page


def into_lines(out: list[OcrWord], found: list[OcrWord], before: list[OcrWord], height: float,
               covers: Callable[[OcrWord], bool] | None = None) -> tuple[list[OcrWord], list[OcrWord]]:
    """``out`` with each line of ``found`` (:func:`line_reads`) that stands beside a line of the cell's words
    (``before``: a word whose box holds the line's middle height, :data:`SPAN_BESIDE` median word heights away at
    most) put into that line, among its words where it stands (what reads a label's codes reads on along the line),
    the words it reads the ink of that ``covers`` does not keep or that were read unsurely (under
    :data:`CELL_WORD_MIN`: specks, ``sail``) taken out, and its words on the ink of a word read surely left out (the
    page read's word stands); and the lines that stand alone (a line of their own each).

    >>> w = lambda t, x0, x1, key, conf=90.0: OcrWord(t, x0, 100, x1, 140, conf, key)
    >>> read = [w("ผู้บังคับ", 0, 200, (1, 1, 1)), w("sail", 220, 300, (1, 1, 1), 6.0), w("036", 320, 380, (1, 1, 1))]
    >>> lost = [w("(อ้างอิงจาก", 215, 310, (900, 1, 1))]
    >>> out, alone = into_lines(read, lost, read, 40.0, lambda x: x.conf > 45)
    >>> [(x.text, x.line_key) for x in out], alone
    ([('ผู้บังคับ', (1, 1, 1)), ('(อ้างอิงจาก', (1, 1, 1)), ('036', (1, 1, 1))], [])
    >>> into_lines(read, [w("ก", 900, 950, (901, 1, 1))], read, 40.0)[1][0].text
    'ก'
    >>> [x.text for x in into_lines(read, [w("0๑๕)", 325, 380, (900, 1, 1))], read, 40.0)[0]]  # 036's ink: 036 stands
    ['ผู้บังคับ', 'sail', '036']
    >>> below = OcrWord("จาก", 300, 110, 400, 190, 90.0, (1, 1, 3))  # the next line's word, its marks reaching up
    >>> [(x.text, x.line_key) for x in into_lines(read + [below], lost, read + [below], 40.0, lambda x: x.conf > 45)[0]][1]
    ('(อ้างอิงจาก', (1, 1, 1))
    """
    out, alone = list(out), []
    lines: dict[tuple[int, int, int], list[OcrWord]] = {}
    for f in found:
        lines.setdefault(f.line_key, []).append(f)
    kept = [b for b in before if covers is None or covers(b)]
    for ws in lines.values():
        # a word the page read surely stands: the line read alone adds only what lies beside it
        ws = [f for f in ws if not any(_on_ink_of(f, b) for b in kept if b.conf >= CELL_WORD_MIN)]
        if not ws:
            continue
        x0, x1 = min(f.x0 for f in ws), max(f.x1 for f in ws)
        mid = (min(f.top for f in ws) + max(f.bottom for f in ws)) / 2
        beside = [b for b in kept if _beside(x0, x1, mid, (b.x0, b.top, b.x1, b.bottom), height)]
        if not beside:
            alone += ws
            continue
        # the line whose middle is nearest: a word's box reaches over the line above with its marks
        key = min(beside, key=lambda b: (abs((b.top + b.bottom) / 2 - mid), max(b.x0 - x1, x0 - b.x1))).line_key
        out = [o for o in out if ((covers is None or covers(o)) and o.conf >= CELL_WORD_MIN)
               or all(_overlap(o, f) < SAME_INK and not _on_ink_of(f, o) for f in ws)]
        at = next((i for i, o in enumerate(out) if o.line_key == key and o.x0 >= x0), None)
        if at is None:
            at = max((i + 1 for i, o in enumerate(out) if o.line_key == key), default=len(out))
        out[at:at] = [replace(f, line_key=key, source="table") for f in ws]
    return out, alone


def _on_ink_of(a: OcrWord, b: OcrWord) -> bool:
    """Whether word ``a`` stands on word ``b``'s ink: on its line (``a``'s middle height within a quarter of ``b``'s
    height of ``b``'s own) over half the narrower one's width (boxes alone overlap between a tightly set line's
    words and the marks of the next, and a word's box can reach down over the next line).

    >>> w = lambda x0, x1, top, bottom: OcrWord("ก", x0, top, x1, bottom, 90.0, (1, 1, 1))
    >>> _on_ink_of(w(0, 80, 10, 40), w(10, 90, 12, 42)), _on_ink_of(w(0, 80, 50, 100), w(10, 90, 10, 90))
    (True, False)
    """
    shared = min(a.x1, b.x1) - max(a.x0, b.x0)
    return abs((a.top + a.bottom) / 2 - (b.top + b.bottom) / 2) <= 0.25 * (b.bottom - b.top) \
        and shared >= 0.5 * min(a.x1 - a.x0, b.x1 - b.x0)


def _with_cell(page: np.ndarray, image: np.ndarray, origin: tuple[int, int], crop: np.ndarray) -> np.ndarray:
    """``page`` (``image`` or a copy of it) with a cell's crop as read (without its light ink) in its place, a
    copy made at the first."""
    if page is image:
        page = image.copy()
    x0, y0 = origin
    page[y0:y0 + crop.shape[0], x0:x0 + crop.shape[1]] = crop
    return page
