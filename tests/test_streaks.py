"""Issue 9: toner streaks (grey bands down a scanned page) under a score's digits (``0.00`` read for ``100.00``
with its ``10`` on a band): the page lightened (:func:`extract.ocr.scan.without_streaks`), the recognizer's
threshold kept below a band's tone (:func:`extract.numerals.recognizer.streak_threshold`)."""
from __future__ import annotations

import cv2
import numpy as np
import pytest

import extract.numerals.recognizer as recognizer
from extract.numerals.recognizer import Recognizer, binarize
from extract.numerals.train import font_files, render
from extract.ocr.engine import OcrWord
from extract.ocr.scan import without_streaks
from extract.ocr.tokens import NumeralTokenReader, word_image
from tests.conftest import FIXTURES

FONTS = font_files("Norasi")
needs_fonts = pytest.mark.skipif(not FONTS, reason="fonts-thai-tlwg missing (scripts/setup.sh)")
DPI = 300


def cell_with_streak(text: str, tone: int, x: int, width: int, ink: int = 90) -> np.ndarray:
    """A score cell's inside (``text`` at 14 pt, ``ink`` on paper 206, blurred as a scan) with a band of ``tone``
    from ``x`` over the whole height, darkening what lies under it as toner does."""
    glyphs = render(text, FONTS[0], 14 * DPI / 72, ink=ink, paper=206, pad=0.6).astype(np.float32)
    band = np.ones_like(glyphs)
    band[:, x:x + width] = tone / 206
    return cv2.GaussianBlur(np.clip(glyphs * band, 0, 255).astype(np.uint8), (0, 0), 1.0)


@needs_fonts
@pytest.mark.parametrize("text,ink,x", [("100.00", 90, 40), ("100.00", 40, 60), ("86.69", 90, 40)])
def test_a_number_with_a_grey_streak_through_its_first_digits_reads_whole(text, ink, x):
    cell = cell_with_streak(text, tone=150, x=x, width=22, ink=ink)
    assert Recognizer.load().read_number(cell).text == text  # a new recognizer: none remembers the crop
    mask, _ = binarize(cell)
    assert mask[:, x + 4:x + 18].mean(axis=0).min() < 0.9  # the band's columns are not ink from top to bottom


@needs_fonts
def test_a_rule_as_dark_as_the_print_stays_ink():
    cell = cell_with_streak("100.00", tone=40, x=2, width=4)
    ink, _ = binarize(cell)
    assert ink[:, 3].mean() > 0.95


def test_a_page_streak_is_lightened_and_the_print_over_it_kept():
    page = np.full((900, 700), 208, np.uint8)
    page[:, 300:330] = 150  # a streak, 2.5 mm
    page[400:440, 310:316] = 35  # a stroke on it
    page[100:800, 500:504] = 30  # a rule: print, left alone
    out = without_streaks(page, DPI)
    assert abs(int(out[200, 315]) - 208) <= 3
    assert int(out[420, 312]) < 80
    assert int(out[420, 502]) == 30 and np.array_equal(out[:, :290], page[:, :290])


def test_a_narrow_streak_is_lightened_and_a_blurred_rule_of_a_table_is_not():
    """dev seed 174 (O-scan300, page 4): a streak 0.6 mm wide, grey, down the whole sheet through the last digit of
    two scores (``97.3`` and half a ``4``): taken for a ruling line, it was erased with the digit's strokes, and
    it set a cell's edge. A streak runs into the page's top and bottom margins; a table's grey rule does not."""
    page = np.full((1200, 700), 208, np.uint8)
    page[:, 300:307] = 150  # a streak, 0.6 mm
    page[500:540, 302:305] = 35  # a stroke on it
    page[200:1000, 500:507] = 150  # a table's rule, blurred grey: inside the page's margins
    out = without_streaks(page, DPI)
    assert abs(int(out[300, 303]) - 208) <= 3 and int(out[520, 303]) < 80
    assert np.array_equal(out[:, 490:520], page[:, 490:520])


def test_a_page_without_streaks_is_returned_as_it_is():
    rng = np.random.default_rng(3)
    page = np.clip(rng.normal(205, 4, (900, 700)), 0, 255).astype(np.uint8)
    page[300:340, 100:400] = 40  # a line of print
    assert without_streaks(page, DPI) is page


def test_a_word_cropped_through_its_glyphs_keeps_its_strokes_as_ink(monkeypatch):
    """``- ๓๐ ก.ย.`` at 150 dpi (dev seed 160, A-scan150, page 6; tests/fixtures/ocr/issue-9-short-box-150dpi.png,
    the period cell's line as the page read saw it): Tesseract read ``๓๐`` as ``mo`` with a box 8 px tall, and the
    token reader's crop of it cut the digits' top and foot. Their strokes then ran the crop's full height, the
    streak rule took them for a band and kept only their darkest cores as ink: the word became ``1``. With ink on
    every row beside those columns (no row of paper), they are the print's own: ``30``."""
    page = cv2.imread(str(FIXTURES / "ocr" / "issue-9-short-box-150dpi.png"), cv2.IMREAD_GRAYSCALE)
    w = OcrWord("mo", 24, 17, 45, 25, 96.5, (1, 0, 0))  # the page read's box, in the fixture's pixels
    crop = word_image(page, w)
    ink, _ = binarize(crop)
    assert ink.sum() > 0.25 * ink.size  # the digits' strokes, not specks of their cores
    # a new recognizer for each read: none remembers the crop's analysis from before the rule was changed
    assert NumeralTokenReader(None, Recognizer.load())(w, page, 150.0).text == "30"
    monkeypatch.setattr(recognizer, "BAND_PAPER_ROW", 1.0)  # any full column a band: as before
    assert binarize(crop)[0].sum() < 0.05 * ink.size
    assert NumeralTokenReader(None, Recognizer.load())(w, page, 150.0).text != "30"
