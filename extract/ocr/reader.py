"""A scanned page to the same :class:`extract.text.pdf.Page` a text layer gives.

The chain (each step inspectable, see :class:`OcrResult`): page image →
deskew → toner streaks lightened → a photographed page's bend flattened → ruling lines → table grid → lines erased → Tesseract once per page
→ numeric tokens re-read by the Thai-numeral recognizer → numbers the
running text demands (a cited code after its label) read again → words as
:class:`extract.text.pdf.Char` in PDF points. From there the digital path's
:func:`extract.text.layout.page_items` takes over unchanged: words go to the
cells whose box holds them, exactly like text-layer glyphs.
"""
from __future__ import annotations

import re
import statistics
from dataclasses import dataclass, replace
from typing import Protocol

import numpy as np

from extract.ocr.bands import reread_blank_lines
from extract.ocr.blank_cells import reread_blank_cells
from extract.ocr.engine import OcrEngine, OcrWord
from extract.ocr.latin_garble import reread_latin_garble
from extract.ocr.overreach import word_bands
from ita_extract.errors import MissingDependency
from extract.ocr.cells import CellReread, reread_cells, reread_empty_tables
from extract.ocr.readings import NumberReader
from extract.ocr.code_cells import reread_cited_codes
from extract.ocr.period_cells import reread_period_months, reread_period_words
from ita_extract.page import Char, Grid, Page
from extract.ocr.raster import PageImage, cv_one_thread, without_huge_pages
from extract.ocr.stamps import Ring, stamp_lettering, stamp_rings, without_rings
from extract.ocr.scan import (
    deskew,
    erase_lines,
    grid_to_points,
    page_bend,
    ruling_lines,
    skew_correction,
    table_grids,
    unbend,
    without_desk,
    without_streaks,
)
from extract.ocr.text_fixes import bracket_as_sara_ai, drop_stray_ocr_marks, lookalike_letters, restore_marks
from extract.ocr.tokens import RE_DIGIT_PLACE
from normalize.tags import GLUED_TAG
from normalize.thaichars import DIGITS, LETTERS, charset

#: Thai text boxes span marks above and below: the font size is about this
#: share of a word box's height.
BOX_TO_FONT = 0.62


class TokenReader(Protocol):
    """Re-reads one word from the page image (numerals Tesseract's Thai model cannot read)."""

    def __call__(self, word: OcrWord, page: np.ndarray, dpi: float) -> OcrWord: ...


@dataclass(frozen=True)
class OcrResult:
    page: Page
    angle: float  # degrees the image was rotated to straighten it
    grids_px: tuple[Grid, ...]
    words: tuple[OcrWord, ...]  # in pixels of the straightened image
    image: np.ndarray  # the straightened image, lines erased (what Tesseract read)
    turned: int = 0  # degrees (counter-clockwise) the page was turned to stand upright
    cell_rereads: tuple[CellReread, ...] = ()  # numeric cells read again whole (see extract.ocr.cells)
    tables_reread: tuple[Grid, ...] = ()  # tables whose cells came out empty, read again alone
    stamp_rings: tuple[Ring, ...] = ()  # round stamps' rings taken off the page (see extract.ocr.stamps)


#: Words worth a second look: short tokens with digits, dots or Latin
#: letters, where Tesseract's Thai model misreads Thai numerals
#: (``๙๙.๓๘`` → ``RRM``, ``๒๕๖๘`` → ``๒๕๒๕``).
_RE_TOKEN = re.compile(r"^[\s\w.\-–:/()\[\]|,]{1,14}$")
_RE_SUSPECT = re.compile(rf"[0-9{charset(DIGITS)}A-Za-z.\[\]|]")


def is_numeral_candidate(text: str) -> bool:
    """Whether a word may hold numerals Tesseract misread (worth a second look).

    >>> is_numeral_candidate("RRM"), is_numeral_candidate("๑๐๐.๐๐"), is_numeral_candidate("การปฏิบัติงาน")
    (True, True, False)
    >>> is_numeral_candidate("ในปีงบประมาณพ.ศ.๒๕๒๕(๑๐")
    True
    >>> is_numeral_candidate("ให้ผู้รับบริการทราบ</๒>"), is_numeral_candidate("<0>แนวทางการยกระดับ:</0>")
    (False, False)
    >>> is_numeral_candidate("<๐๕>"), is_numeral_candidate("ทราบ</p>๒๕๖๘"), is_numeral_candidate("๐๑๐)</p>")
    (True, True, True)
    """
    if re.search(f"[0-9{charset(DIGITS)}]", GLUED_TAG.sub("", text)):
        return True
    return bool(_RE_TOKEN.match(text) and _RE_SUSPECT.search(text) and not re.search(f"[{charset(LETTERS)}]{{3}}", text))


#: Words below this confidence that hold no Thai word are specks, stamps
#: and shadows, not text.
NOISE_CONF = 45.0


def is_noise(w: OcrWord) -> bool:
    """
    >>> is_noise(OcrWord("wv", 0, 0, 9, 9, 30.0, (1, 1, 1))), is_noise(OcrWord("กองคลัง", 0, 0, 9, 9, 30.0, (1, 1, 1)))
    (True, False)
    """
    if w.conf >= NOISE_CONF:
        return False
    return len(re.findall(f"[{charset(LETTERS)}]", w.text)) < 2 and len(w.text) <= 4


#: Tesseract's word stands for an unsure re-read when it holds this many digits at least (a year, a date, a
#: cited code): a lone digit may be all Tesseract saw of a score (``๑`` of ``๑๐๐``), which the cell's own
#: re-read must read whole or flag.
UNSURE_KEEP_PLACES = 3


def unsure_reread(before: OcrWord, after: OcrWord) -> bool:
    """Whether the numeral recognizer's reading of a word (``after``) is too unsure to stand for Tesseract's
    (``before``): Tesseract read the word as text, and the recognizer's reading is noise (:func:`is_noise`) or
    less sure than :data:`NOISE_CONF` and than Tesseract's own. Tesseract's reading then stands, for the readers
    downstream to read again from the ink (a year ``๒๕๖๙`` Tesseract read ``๒๕๒๓๕`` and the recognizer ``569`` at
    31 %; a code ``๐๑๒`` read ``1.9`` at 30 %), instead of the word being dropped as a speck or a list of codes
    losing some (``o6,o7)`` Tesseract read ``06,07)`` at 58 % and the recognizer ``074)`` at 23 %, a phone photo);
    when it holds :data:`UNSURE_KEEP_PLACES` digits or more.

    >>> t, r = OcrWord("๒๕๒๓๕", 0, 0, 9, 9, 70.0, (1, 1, 1)), OcrWord("569", 0, 0, 9, 9, 31.0, (1, 1, 1), "numerals")
    >>> unsure_reread(t, r), unsure_reread(t, replace(r, conf=88.0)), unsure_reread(replace(t, text="๑๑", conf=30.0), r)
    (True, False, False)
    >>> unsure_reread(replace(t, text="๑", conf=97.0), replace(r, text="1", conf=13.0))  # ๑ of a score ๑๐๐
    False
    >>> codes = replace(t, text="06,07)</p>", conf=57.9)  # no noise read again, just less sure
    >>> unsure_reread(codes, replace(r, text="074)</p>", conf=22.8)), unsure_reread(codes, replace(r, conf=50.0))
    (True, False)
    >>> unsure_reread(replace(codes, conf=20.0), replace(r, text="074)</p>", conf=22.8))  # surer than Tesseract
    False
    """
    return (after is not before and not is_noise(before)
            and (is_noise(after) or after.conf < min(NOISE_CONF, before.conf))
            and len(RE_DIGIT_PLACE.findall(before.text)) >= UNSURE_KEEP_PLACES)


def is_text(w: OcrWord) -> bool:
    """A word the noise filter keeps (:func:`is_noise`): it covers its ink when blanks are looked for."""
    return not is_noise(w)


#: A Tesseract line whose words stand lower than this share of the page's words is specks, stamp
#: strokes or a signature's tail that Tesseract read as text (``<a vio a '``, ``12 @ »``): printed
#: text, Thai letters without marks included, stands at half the page's median word or more.
SPECK_LINE_HEIGHT = 0.35
#: ... unless it holds a Thai word (three letters), a decimal number (a score: digits stand lower
#: than Thai words with their marks) or only dashes and dots (a cell's ``-``: none).
_RE_LINE_WORD = re.compile(f"(?:[{charset(LETTERS)}][^{charset(LETTERS)}]{{0,2}}){{2}}[{charset(LETTERS)}]"
                           f"|[0-9{charset(DIGITS)}][.,][0-9{charset(DIGITS)}]")
_RE_DASHES = re.compile(r"^[\s\-–—.…]+$")


#: ... or a word of two letters or digits or more read this surely (``010 E-Service``, ``- 30 ก.ย.``:
#: codes, Latin, digits and marks-free abbreviations stand at a third of the page's Thai words).
SURE_TOKEN_CONF = 80.0
#: A Tesseract line whose words stand lower still, under this share of the page's words, is the marks above or
#: below the letters of a neighbouring line, set tightly, that Tesseract made a line of their own (``a`` ``v``
#: ``19`` ``-`` ``๕`` ``va`` ``3`` over ``ท่าน เพื่อสร้างความสัมพันธ์``, read ``va`` at 89), whatever they read as
#: and however surely: no printed word, digit or code stands so low.
MARKS_LINE_HEIGHT = 0.25
_RE_ALNUM = re.compile(f"[0-9A-Za-z{charset(DIGITS, LETTERS)}]")


def _sure_token(w: OcrWord) -> bool:
    return w.conf >= SURE_TOKEN_CONF and len(_RE_ALNUM.findall(w.text)) >= 2


#: The page's words are measured by its Thai words when it has this many at least (else by all its words).
TEXT_WORDS_MIN = 5


def text_height(words: list[OcrWord]) -> float:
    """The median height of the page's Thai words (:data:`_RE_LINE_WORD`), marks included: what a line of
    printed text stands at. A page of tables holds as many codes, digits and specks as words, all lower; their
    median would make the marks above a line (``Awa`` ``a`` ``4`` at 9-18 px beside words of 57) pass for text.

    >>> w = lambda t, h: OcrWord(t, 0, 0, 9, h, 90.0, (1, 1, 1))
    >>> text_height([w("สาเหตุ", 57)] * 5 + [w("100.00", 26)] * 8), text_height([w("12", 26), w("สาเหตุ", 57)])
    (57.0, 41.5)
    """
    thai = [w.bottom - w.top for w in words if _RE_THAI_WORD.search(w.text)]
    return float(statistics.median(thai if len(thai) >= TEXT_WORDS_MIN else [w.bottom - w.top for w in words]))


_RE_THAI_WORD = re.compile(f"(?:[{charset(LETTERS)}][^{charset(LETTERS)}]{{0,2}}){{2}}[{charset(LETTERS)}]")


def without_speck_lines(words: list[OcrWord]) -> list[OcrWord]:
    """The words without the lines that are specks, told by their height against the page's words.

    >>> w = lambda t, h, line: OcrWord(t, 0, 0, 9, h, 60.0, (1, 1, line))
    >>> page = [w("สาเหตุ", 50, 1)] * 5 + [w("ผล", 23, 2), w("-", 4, 3)]
    >>> [x.text for x in without_speck_lines(page + [w("12", 10, 4), w("@", 13, 4), w("»", 11, 4)])][5:]
    ['ผล', '-']
    >>> sure = lambda t, h, line: OcrWord(t, 0, 0, 9, h, 89.0, (1, 1, line))
    >>> marks = [sure("va", 10, 4), sure("19", 9, 4), sure("o10", 17, 5)]  # a line of marks, read surely; a code
    >>> [x.text for x in without_speck_lines(page * 2 + marks)][12:]
    ['ผล', '-', 'o10']
    >>> [x.text for x in without_speck_lines(page * 2 + [sure("ตน", 16, 6), sure("-", 3, 6)])][12:]  # letters
    ['ผล', '-', 'ตน', '-']
    """
    if len(words) < 2:
        return words
    page = text_height(words)
    by_line: dict[tuple[int, int, int], list[OcrWord]] = {}
    for w in words:
        by_line.setdefault(w.line_key, []).append(w)
    specks = {key for key, ws in by_line.items()
              if statistics.median(w.bottom - w.top for w in ws) < SPECK_LINE_HEIGHT * page
              # marks: every word of the line (a dash beside a word of letters stands as low)
              and (max(w.bottom - w.top for w in ws) < MARKS_LINE_HEIGHT * page
                   or not any(_RE_LINE_WORD.search(w.text) or _sure_token(w) for w in ws))
              and not _RE_DASHES.match(" ".join(w.text for w in ws))}
    return [w for w in words if w.line_key not in specks] if specks else words


def words_to_chars(words: list[OcrWord], scale: float, grids: tuple[Grid, ...] | list[Grid] = ()) -> tuple[Char, ...]:
    """OCR words as glyph records in PDF points (one "glyph" per word).

    A word's own box is unreliable vertically (a lone digit or mark gets a
    tiny box), so each word takes the median top and bottom of its
    Tesseract line: words of one line then group into one line of text.
    """
    if not words:
        return ()
    size = statistics.median(w.bottom - w.top for w in words) * scale * BOX_TO_FONT
    band = line_bands(words, grids)
    return tuple(
        Char(w.text, w.x0 * scale, w.x1 * scale, band[w.line_key][0] * scale, band[w.line_key][1] * scale,
             size, i, True, w.conf, True)
        for i, w in enumerate(words)
    )


#: Two of Tesseract's lines whose bands share this much of the narrower one's height, their words side by side, are
#: pieces of one printed line.
SAME_LINE_SHARE = 0.6


def _cell_of(w: OcrWord, grids: tuple[Grid, ...] | list[Grid]) -> tuple[int, int, int] | None:
    """The table cell (grid, row, column) that holds a word's middle; None outside every cell."""
    x, y = (w.x0 + w.x1) / 2, (w.top + w.bottom) / 2
    for g, grid in enumerate(grids):
        x0, y0, x1, y1 = grid.bbox
        if not (x0 <= x <= x1 and y0 <= y <= y1):
            continue
        for r, row in enumerate(grid.rows):
            for c, box in enumerate(row):
                if box is not None and box[0] <= x <= box[2] and box[1] <= y <= box[3]:
                    return g, r, c
    return None


def line_bands(words: list[OcrWord], grids: tuple[Grid, ...] | list[Grid] = ()
               ) -> dict[tuple[int, int, int], tuple[float, float]]:
    """Each Tesseract line's band (``line_key``: the median top and bottom of its words' boxes); lines that are
    pieces of one printed line in one table cell share theirs: bands that overlap by :data:`SAME_LINE_SHARE` of the
    narrower, no word of one above or below a word of the other (a period cell read alone gave ``- พ.ค.`` as a
    line of its own between ``เม.ย.`` and ``๒๕๖๙``; with a band a few pixels higher it was set above them).
    Lines of different cells keep their own bands (a cell's lines stand as its own text runs, not as the next
    cell's).

    >>> from ita_extract.page import Grid
    >>> w = lambda t, x0, x1, top, bottom, key: OcrWord(t, x0, top, x1, bottom, 90.0, (key, 1, 1))
    >>> ws = [w("เม.ย.", 0, 75, 82, 120, 1), w("๒๕๖๙", 190, 260, 82, 120, 1), w("-", 81, 97, 96, 100, 2),
    ...       w("พ.ค.", 119, 172, 88, 109, 2), w("ต.ค.", 0, 60, 140, 178, 3), w("กอง", 300, 390, 88, 109, 4)]
    >>> cells = Grid((0, 0, 400, 200), (((0, 0, 280, 200), (280, 0, 400, 200)),))
    >>> b = line_bands(ws, [cells]); b[(1, 1, 1)] == b[(2, 1, 1)], b[(3, 1, 1)], b[(4, 1, 1)]
    (True, (140, 178), (88, 109))
    >>> line_bands(ws)[(2, 1, 1)]  # outside every table: as read
    (92.0, 104.5)
    """
    band = word_bands(words)
    if not grids:
        return band
    by_line: dict[tuple[int, int, int], list[OcrWord]] = {}
    for w in words:
        by_line.setdefault(w.line_key, []).append(w)
    cell = {}
    for k, ws in by_line.items():
        held = {_cell_of(w, grids) for w in ws}
        cell[k] = held.pop() if len(held) == 1 else None
    keys = sorted((k for k in band if cell[k] is not None), key=lambda k: band[k][0])
    root = {k: k for k in keys}
    pieces = {k: list(by_line[k]) for k in keys}  # each root's words

    def find(k):
        while root[k] != k:
            k = root[k]
        return k

    for i, a in enumerate(keys):
        for b in keys[i + 1:]:
            if band[b][0] >= band[a][1]:
                break
            if cell[a] != cell[b]:
                continue
            ra, rb = find(a), find(b)
            overlap = min(band[a][1], band[b][1]) - band[b][0]
            narrower = min(band[a][1] - band[a][0], band[b][1] - band[b][0])
            # side by side as pieces, all of them: a line beside two lines of another cell joins neither to the other
            if ra != rb and overlap >= SAME_LINE_SHARE * narrower > 0 and not any(
                    u.x0 < v.x1 and v.x0 < u.x1 for u in pieces[ra] for v in pieces[rb]):
                root[rb] = ra
                pieces[ra] += pieces.pop(rb)
    shared = {r: (statistics.median(w.top for w in ws), statistics.median(w.bottom for w in ws))
              for r, ws in pieces.items() if len(ws) > len(by_line[r])}
    return {k: shared.get(find(k), band[k]) if k in root else band[k] for k in band}


#: A page whose median word confidence is below this was perhaps scanned
#: sideways or upside down (upright pages: ~90; turned: ~30): its
#: orientation is checked and, if turned, it is read again upright.
UPRIGHT_CHECK_CONF = 60.0
#: Tesseract's orientation confidence needed to turn a page.
TURN_MIN_CONF = 5.0


def _straighten_and_read(gray0: np.ndarray, dpi: float, engine: OcrEngine):
    angle = skew_correction(gray0)
    gray = deskew(gray0, angle)
    rulings = ruling_lines(gray)
    bend = page_bend(rulings, dpi)
    if bend is not None:  # a photographed page, bent: flattened, the desk beside it whitened, its rulings found again
        gray = without_desk(unbend(gray0, bend, angle))
        rulings = ruling_lines(gray)
    elif (flat := without_streaks(gray, dpi)) is not gray:
        # a scanned sheet's toner streaks, straight along the paper once it stands straight: lightened, the
        # rulings found again (a photo's light and bend leave no straight band to measure)
        gray, rulings = flat, ruling_lines(flat)
    if rings := stamp_rings(gray, dpi):
        # a round stamp's rings: an arc is no rule, a ring through digits no part of them
        gray = without_rings(gray, rings, dpi, (rulings.horizontal, rulings.vertical))
        rulings = ruling_lines(gray)
    grids_px = table_grids(rulings, dpi)
    clean = erase_lines(gray, rulings)
    return angle, gray, grids_px, clean, engine.page_words(clean, int(round(dpi))), rings


def upright_turn(words: list[OcrWord], gray: np.ndarray, dpi: float, engine: OcrEngine) -> int:
    """Degrees (counter-clockwise) that stand the page upright; 0 when it is, or when unsure."""
    if words and statistics.median(w.conf for w in words) >= UPRIGHT_CHECK_CONF:
        return 0
    found = engine.orientation(gray, int(round(dpi)))
    if found is None:
        return 0
    return found.turn if found.turn in (90, 180, 270) and found.conf >= TURN_MIN_CONF else 0


def ocr_page(number: int, width_pt: float, height_pt: float, image: PageImage, engine: OcrEngine,
             reader: TokenReader | None = None, cell_reader: NumberReader | None = None) -> OcrResult:
    """Recognize one page image into a :class:`Page`.

    ``reader`` re-reads numeral-like words; ``cell_reader`` reads again the
    table cells whose ink gave no number (:func:`extract.ocr.cells.reread_cells`).
    """
    source = image.gray
    angle, gray, grids_px, clean, words, rings = _straighten_and_read(source, image.dpi, engine)
    turn = upright_turn(words, source, image.dpi, engine)
    if turn:
        source = np.ascontiguousarray(np.rot90(source, k=turn // 90))
        angle, gray, grids_px, clean, words, rings = _straighten_and_read(source, image.dpi, engine)
        if turn in (90, 270):
            width_pt, height_pt = height_pt, width_pt
    words, tables_reread = reread_empty_tables(words, grids_px, clean, image.dpi, engine)
    words, clean = reread_blank_cells(words, grids_px, clean, image.dpi, engine, covers=is_text, skip=tables_reread)
    words = reread_blank_lines(words, grids_px, clean, image.dpi, engine, covers=is_text)
    if reader is not None:
        # before the noise filter: a Thai abbreviation Tesseract read as
        # Latin at low confidence ("aA." for "ม.ค.") is text, not a speck
        read = [reader(w, clean, image.dpi) if is_numeral_candidate(w.text) else w for w in words]
        words = [old if unsure_reread(old, new) else new for old, new in zip(words, read)]
        # then numbers where the running text demands one (a cited code after its label)
        in_context = getattr(reader, "in_context", None)
        if in_context is not None:
            words = in_context(words, clean, image.dpi)
    # a Thai word read as Latin garble at almost no confidence (a label: ``<p>aingiiaan``): read again alone in Thai
    words = reread_latin_garble(words, clean, engine, image.dpi)
    words = [replace(w, text=lookalike_letters(restore_marks(bracket_as_sara_ai(drop_stray_ocr_marks(w.text)))))
             for w in words if not is_noise(w) and not stamp_lettering(w, rings, grids_px)]
    words = without_speck_lines(words)
    rereads: list[CellReread] = []
    if cell_reader is not None:
        # a period's month read as Latin letters: read again as Thai before its cell is read as a number
        words = reread_period_months(words, grids_px, clean, engine, image.dpi)
        words, rereads = reread_cells(words, grids_px, clean, image.dpi, cell_reader, engine, rings)
        # a period's dates whose digits blur joined: read again from their ink's darker cores
        words = reread_period_words(words, grids_px, clean, cell_reader, engine, image.dpi)
        # cited codes garbled beside a readable label: read again from their ink in several views
        words = reread_cited_codes(words, clean, cell_reader, engine, image.dpi)
    scale = width_pt / gray.shape[1]
    page = Page(
        number=number, width=width_pt, height=height_pt,
        chars=words_to_chars(words, scale, grids_px),
        grids=tuple(grid_to_points(g, scale) for g in grids_px),
        image_area_ratio=1.0,
    )
    return OcrResult(page, angle, tuple(grids_px), tuple(words), clean, turn, tuple(rereads), tuple(tables_reread),
                     tuple(rings))


class PageOcr:
    """OCR of whole pages for one process: the engine is made on first use.

    ``reader`` re-reads numerals (see :mod:`extract.numerals.recognizer`); it is made
    lazily too, so a batch of digital reports never loads either. Tests pass
    factories: ``engine_factory()`` → an :class:`extract.ocr.engine.OcrEngine`,
    ``reader_factory(engine)`` → a :class:`TokenReader` or ``None``, and
    ``cell_reader_factory()`` → a :class:`extract.ocr.readings.NumberReader` or
    ``None`` (without it, cells are read again only by the production reader's recognizer).
    """

    def __init__(self, timeout_s: float, engine_factory=None, reader_factory=None,
                 cell_reader_factory=None) -> None:
        self.timeout_s = timeout_s
        self._engine_factory = engine_factory
        self._reader_factory = reader_factory
        self._cell_reader_factory = cell_reader_factory
        self._engine: OcrEngine | None = None
        self._reader: TokenReader | None = None
        self._cell_reader: NumberReader | None = None
        self._made_readers = False
        self._unavailable: str | None = None
        self._checked = False

    def unavailable(self) -> str | None:
        """Why OCR cannot run here (missing Tesseract or model), or ``None``."""
        if not self._checked:
            self._checked = True
            try:
                self._make()
            except MissingDependency as exc:
                self._unavailable = str(exc)
        return self._unavailable

    def _make(self) -> OcrEngine:
        if self._engine is None:
            without_huge_pages()  # this process reads pages: page-sized arrays come and go
            cv_one_thread()  # ... one at a time, on one core, as Tesseract does
            if self._engine_factory is not None:
                self._engine = self._engine_factory()
            else:
                from extract.ocr.tesseract import Engine

                self._engine = Engine(timeout_s=self.timeout_s)
        if not self._made_readers:
            if self._reader_factory is not None:
                self._reader = self._reader_factory(self._engine)
                self._cell_reader = self._cell_reader_factory() if self._cell_reader_factory else None
            else:
                from extract.ocr.tokens import NumeralTokenReader

                numerals = NumeralTokenReader(self._engine)
                self._reader, self._cell_reader = numerals, numerals.recognizer
            self._made_readers = True
        return self._engine

    def read(self, image: PageImage, number: int, width_pt: float, height_pt: float) -> OcrResult:
        engine = self._make()
        return ocr_page(number, width_pt, height_pt, image, engine, self._reader, self._cell_reader)
