"""Issue 9: a citation's label Tesseract garbled because its word's box reached into the next line (tightly set
lines: the marks above ``เสี่ยง`` taken for the label's), read again from its own line's rows
(:mod:`extract.ocr.overreach`, :meth:`extract.ocr.tokens.NumeralTokenReader.in_context`)."""
from __future__ import annotations

import numpy as np
import pytest

from extract.numerals.recognizer import GlyphGuess, Reading
from extract.numerals.train import font_files, render
from extract.ocr.engine import OcrWord
from extract.ocr.overreach import line_rows, overreaching, word_bands
from extract.ocr.tokens import NumeralTokenReader
from ita_extract.page import PixelBox

FONTS = font_files("Norasi")
needs_fonts = pytest.mark.skipif(not FONTS, reason="fonts-thai-tlwg missing (scripts/setup.sh)")
LINE = (40, 1, 15)


def tight_lines() -> tuple[np.ndarray, int, int, int]:
    """A page with ``(อ้างอิงจาก`` and, set tightly under it, ``เสี่ยง`` (16 pt at 300 dpi): the image, the label's
    ink bottom, the next line's ink top, and the label's ink width."""
    size = 16 * 300 / 72
    label = render("(อ้างอิงจาก", FONTS[0], size, pad=0.0)
    below = render("เสี่ยง", FONTS[0], size, pad=0.0)
    page = np.full((400, 900), 255, np.uint8)
    top = 100
    page[top:top + label.shape[0], 100:100 + label.shape[1]] = np.minimum(
        page[top:top + label.shape[0], 100:100 + label.shape[1]], label)
    rows = np.flatnonzero((label < 128).any(axis=1))
    label_bottom = top + int(rows[-1])
    y = label_bottom + 4 - int(np.flatnonzero((below < 128).any(axis=1))[0])  # its marks 4 px under the label
    page[y:y + below.shape[0], 100:100 + below.shape[1]] = np.minimum(
        page[y:y + below.shape[0], 100:100 + below.shape[1]], below)
    below_top = y + int(np.flatnonzero((below < 128).any(axis=1))[0])
    return page, label_bottom, below_top, label.shape[1]


@needs_fonts
def test_a_word_reaching_into_the_next_line_is_cut_between_the_lines():
    page, label_bottom, below_top, width = tight_lines()
    word = OcrWord("เลรจงขาย", 100, 100, 100 + width, below_top + 45, 31.0, LINE)
    band = (100.0, float(label_bottom - 3))  # the line's other words end about where the label's letters do
    assert overreaching(word, band)
    y0, y1 = line_rows(page, word, band)
    assert y0 == 100
    assert label_bottom < y1 <= below_top


class LineEngine:
    """Reads the label from its own line's rows; garble when the next line's ink is in the crop."""

    def __init__(self):
        self.calls = 0

    def read_word(self, crop, dpi):
        self.calls += 1
        inked = np.flatnonzero((crop < 128).any(axis=1))
        gaps = np.diff(inked) if len(inked) > 1 else np.array([0])
        return ("เลรจงขาย", 40.0) if (gaps > 2).any() else ("(อ้างอิงจาก", 91.0)


class CodeGlyphs:
    """A recognizer that reads every code as ``o36``."""

    def classify_glyphs(self, crop):
        return [GlyphGuess(c, 0.9, PixelBox(i * 10, 0, i * 10 + 8, 10)) for i, c in enumerate("๐๓๖?")]

    def read_code(self, crop, hint=None):
        return Reading("o36", 0.9, ())

    def read_number(self, crop):
        return Reading("", 0.0, ())


def label_line(page, label_bottom, below_top, width, conf=31.0, code="036)"):
    return [OcrWord("เลรจงขาย", 100, 100, 100 + width, below_top + 45, conf, LINE),
            OcrWord(code, 120 + width, 110, 200 + width, label_bottom - 5, 84.0, LINE),
            OcrWord("และกำหนด", 220 + width, 98, 500 + width, label_bottom - 3, 93.0, LINE)]


@needs_fonts
def test_a_label_garbled_by_the_next_lines_marks_is_read_from_its_own_rows():
    page, label_bottom, below_top, width = tight_lines()
    engine = LineEngine()
    out = NumeralTokenReader(engine, CodeGlyphs()).in_context(label_line(page, label_bottom, below_top, width), page,
                                                              300)
    assert [w.text for w in out[:2]] == ["(อ้างอิงจาก", "o36)"]
    assert engine.calls == 1
    # the word's own box, with the next line's marks, reads garble: no label, and the code stays as read
    assert LineEngine().read_word(page[100:below_top + 45, 100:100 + width], 300)[0] == "เลรจงขาย"


@needs_fonts
@pytest.mark.parametrize("conf, code", [(90.0, "036)"), (31.0, "2566)")])
def test_a_sure_word_or_a_number_that_is_no_code_is_never_read_again(conf, code):
    page, label_bottom, below_top, width = tight_lines()
    engine = LineEngine()
    words = label_line(page, label_bottom, below_top, width, conf, code)
    out = NumeralTokenReader(engine, CodeGlyphs()).in_context(words, page, 300)
    assert engine.calls == 0
    assert out[0] == words[0]


def test_bands_are_the_median_of_the_lines_words():
    w = lambda top, bottom, line: OcrWord("x", 0, top, 9, bottom, 90.0, (1, 1, line))  # noqa: E731
    assert word_bands([w(10, 40, 1), w(12, 42, 1), w(11, 90, 1), w(50, 80, 2)]) == {(1, 1, 1): (11, 42),
                                                                                  (1, 1, 2): (50, 80)}


class BoxEngine:
    """Reads the label from its own box; garble when the crop reaches the code's ink beside it."""

    def __init__(self, width):
        self.width, self.calls = width, 0

    def read_word(self, crop, dpi):
        self.calls += 1
        return ("(อ้างอิงอาก", 88.0) if crop.shape[1] <= self.width + 20 else ("นประจําปี (อ้างอิงอาก 0 ๑๐) ให้", 88.0)


@needs_fonts
def test_a_garbled_label_is_read_from_its_own_box_and_a_circle_apart_still_marks_it():
    """dev seed 204 (U-scan300): ``(อ้างอิงจาก ๐ ๑๐)`` under a stamp's ring read ``เกท`` ``0`` ``10)``. Read from a
    crop widened to its neighbours' glyphs (as a digit's is) the label ran into the text round it; from its own
    box it reads ``(อ้างอิงอาก``, a label (one edit)."""
    size = 16 * 300 / 72
    label = render("(อ้างอิงจาก", FONTS[0], size, pad=0.0)
    page = np.full((200, 900), 255, np.uint8)
    h, w = label.shape
    page[50:50 + h, 100:100 + w] = label
    page[60:50 + h, 110 + w:130 + w] = 0  # the code's circle, beside it
    words = [OcrWord("จําปี", 20, 50, 95, 50 + h, 87.0, LINE), OcrWord("เกท", 100, 50, 100 + w, 50 + h, 29.0, LINE),
             OcrWord("0", 110 + w, 60, 130 + w, 50 + h, 96.0, LINE), OcrWord("10)", 140 + w, 60, 200 + w, 50 + h, 94.0, LINE)]
    engine = BoxEngine(w)
    out = NumeralTokenReader(engine, CodeGlyphs()).in_context(words, page, 300)
    assert out[1].text == "(อ้างอิงอาก" and engine.calls == 1
