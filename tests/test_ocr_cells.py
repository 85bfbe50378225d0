"""extract/cells.py: table cells whose ink gave no number are read again, whole."""
from __future__ import annotations

import numpy as np
import pytest

from extract.ocr.cells import reread_cells, reread_empty_tables
from extract.ocr.score_format import worth_rereading
from extract.numerals.recognizer import GlyphGuess, Reading, Recognizer
from extract.numerals.train import font_files, render
from ita_extract.page import Grid, PixelBox
from extract.ocr.engine import OcrWord
from tests.ocr_fakes import FakeEngine

FONTS = font_files("Norasi")  # a family the model never saw
needs_fonts = pytest.mark.skipif(not FONTS, reason="fonts-thai-tlwg missing (scripts/setup.sh)")

DPI = 200
CELL = (100.0, 100.0, 400.0, 220.0)  # x0, y0, x1, y1 in pixels


@pytest.fixture(scope="module")
def rec() -> Recognizer:
    return Recognizer.load()


def page_with(text: str, speck: bool = False) -> np.ndarray:
    """A page image at 200 dpi with ``text`` (14 pt) in the middle of CELL, rules already erased."""
    page = np.full((400, 600), 236, np.uint8)
    glyphs = render(text, FONTS[0], 14 * DPI / 72, ink=40, paper=236, pad=0.1)
    h, w = glyphs.shape
    y, x = 140, 160
    page[y:y + h, x:x + w] = np.minimum(page[y:y + h, x:x + w], glyphs)
    if speck:
        page[150:156, x + w + 40:x + w + 46] = 40
    return page


def grid() -> tuple[Grid, ...]:
    return (Grid(bbox=CELL, rows=((CELL,),)),)


def word(text: str, x0: int, x1: int, conf: float = 60.0) -> OcrWord:
    return OcrWord(text, x0, 140, x1, 175, conf, (1, 1, 1))


@needs_fonts
def test_blank_cell_with_a_number_is_read(rec):
    words, changes = reread_cells([], grid(), page_with("๙๘.๗๕"), DPI, rec)
    assert [w.text for w in words] == ["98.75"]
    assert len(changes) == 1 and changes[0].before == ()
    w = words[0]
    assert CELL[0] < w.x0 < w.x1 < CELL[2] and CELL[1] < w.top < w.bottom < CELL[3]


@needs_fonts
def test_misread_number_and_speck_words_become_the_number(rec):
    page = page_with("๙๙.๓๘", speck=True)
    words, _ = reread_cells([word("ส๕๓๕", 160, 230), word("|", 265, 272, 30.0)], grid(), page, DPI, rec)
    assert [w.text for w in words] == ["99.38"]


@needs_fonts
def test_part_of_a_number_read_is_read_whole(rec):
    """Tesseract kept one digit (its box over the whole number): the cell has more glyphs than that."""
    words, _ = reread_cells([word("5", 160, 240)], grid(), page_with("๙๘.๗๕"), DPI, rec)
    assert [w.text for w in words] == ["98.75"]


@needs_fonts
def test_cells_that_read_well_or_hold_words_are_left_alone(rec):
    thai = [word("การประเมิน", 160, 300)]
    assert reread_cells(thai, grid(), page_with("การประเมิน"), DPI, rec) == (thai, [])
    good = [word("98.75", 160, 240, 95.0)]
    assert reread_cells(good, grid(), page_with("๙๘.๗๕"), DPI, rec) == (good, [])


@needs_fonts
def test_blank_paper_and_specks_stay_blank(rec):
    page = np.full((400, 600), 236, np.uint8)
    assert reread_cells([], grid(), page, DPI, rec) == ([], [])
    page[150:154, 200:204] = 40  # one speck of dust
    assert reread_cells([], grid(), page, DPI, rec) == ([], [])


def test_worth_rereading_is_about_short_numeral_like_cells():
    w = lambda t: word(t, 0, 10)  # noqa: E731
    assert worth_rereading([w("100.00"), w(",")])
    assert not worth_rereading([w("o๑๒")])  # a code: the code reader's business
    assert not worth_rereading([w("ต.ค."), w("๖๘")])  # a date: Thai letters, the token reader's business


class BrokenGlyphReader:
    """A numeral recognizer that cannot segment the number (serif zeros whose hairlines broke)."""

    def read_number(self, crop):
        return Reading("1??.???", 0.0, tuple(GlyphGuess(c, 0.0 if c == "?" else 0.95, PixelBox(0, 0, 1, 1))
                                              for c in "1??.???"))


class WordEngine(FakeEngine):
    """A fake Tesseract that reads every crop it is given alone as ``text``."""

    def __init__(self, text: str, conf: float) -> None:
        super().__init__()
        self.text, self.conf, self.calls = text, conf, 0

    def read_word(self, gray, dpi):
        self.calls += 1
        return self.text, self.conf


@needs_fonts
def test_part_of_a_number_the_recognizer_cannot_read_is_read_by_the_engine_alone():
    """``1`` for ``100.00``: the cell's ink holds more glyphs; the recognizer fails, the engine reads it alone."""
    page = page_with("๑๐๐.๐๐")
    engine = WordEngine("๑๐๐.๐๐", 92.0)
    words, changes = reread_cells([word("1", 160, 175)], grid(), page, DPI, BrokenGlyphReader(), engine)
    assert [w.text for w in words] == ["100.00"] and engine.calls == 1
    assert [w.text for w in changes[0].before] == ["1"]


@needs_fonts
@pytest.mark.parametrize("text, conf", [("1", 95.0), ("100.00", 40.0), ("l00.O0", 92.0), ("", 0.0)])
def test_engine_reading_no_better_leaves_the_cell_as_it_was(text, conf):
    before = [word("1", 160, 175)]
    engine = WordEngine(text, conf)
    assert reread_cells(before, grid(), page_with("๑๐๐.๐๐"), DPI, BrokenGlyphReader(), engine) == (before, [])
    assert engine.calls == 1


class TableEngine(FakeEngine):
    """A fake Tesseract: reads a word at each inked cell of the crop it is given, or nothing."""

    def __init__(self, reads: bool) -> None:
        super().__init__()
        self.reads, self.calls = reads, []

    def page_words(self, gray, dpi):
        self.calls.append(gray.shape)
        if not self.reads:
            return []
        return [OcrWord("ข้อความ", 20 + 150 * i, 30, 110 + 150 * i, 60, 90.0, (1, 1, 1)) for i in range(3)]


def three_cell_table() -> tuple[np.ndarray, tuple[Grid, ...]]:
    page = np.full((300, 600), 236, np.uint8)
    cells = tuple((50.0 + 150 * i, 50.0, 190.0 + 150 * i, 150.0) for i in range(3))
    for x0, y0, _, _ in cells:
        page[int(y0) + 30:int(y0) + 60, int(x0) + 20:int(x0) + 110] = 40  # ink in every cell
    return page, (Grid(bbox=(50.0, 50.0, 490.0, 150.0), rows=(cells,)),)


def test_table_read_empty_is_read_again_alone():
    page, grids = three_cell_table()
    outside = OcrWord("หัวข้อ", 60, 10, 200, 40, 90.0, (1, 1, 1))  # a heading above the table stays
    words, redone = reread_empty_tables([outside], grids, page, 300, TableEngine(True))
    assert redone == [grids[0]]
    assert words[0] == outside and [w.text for w in words[1:]] == ["ข้อความ"] * 3
    assert [(w.x0, w.top) for w in words[1:]] == [(70, 80), (220, 80), (370, 80)]  # page pixels


def test_table_read_again_for_nothing_keeps_the_first_read():
    page, grids = three_cell_table()
    engine = TableEngine(False)
    assert reread_empty_tables([], grids, page, 300, engine) == ([], [])
    assert engine.calls == [(100, 440)]


def test_table_with_words_is_not_read_again():
    page, grids = three_cell_table()
    engine = TableEngine(True)
    words = [OcrWord("ข้อความ", 70 + 150 * i, 80, 160 + 150 * i, 110, 90.0, (1, 1, 1)) for i in range(3)]
    assert reread_empty_tables(words, grids, page, 300, engine) == (words, [])
    assert engine.calls == []
