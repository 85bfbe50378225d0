"""blank_cells.py: a table cell whose print the page read left mostly outside its words is read again alone.

The fixture is a period cell cut from a dev scan (seed 151, never held out): a date printed over a
"received" stamp's lighter ring, of which the page read kept only words of garbage off the ring.
"""
from __future__ import annotations

import cv2
import numpy as np
import pytest
from tests.conftest import FIXTURES
from tests.ocr_fakes import FakeEngine

from extract.ocr.blank_cells import dark_print, reread_blank_cells, unread_cells
from extract.ocr.engine import OcrWord
from ita_extract.page import Grid

STAMPED = FIXTURES / "ocr" / "issue-9-date-over-stamp.png"
#: The page read's words in that cell (pixels of the fixture), as Tesseract gave them.
PAGE_WORDS = [OcrWord("๓", 55, 83, 78, 100, 96.9, (22, 1, 1)), OcrWord("(fe", 104, 51, 185, 100, 25.8, (22, 1, 1)),
              OcrWord("ae=f", 206, 67, 349, 152, 47.8, (22, 1, 1)), OcrWord("วน", 138, 125, 201, 154, 67.2, (22, 1, 2)),
              OcrWord("~", 291, 167, 309, 176, 66.9, (22, 1, 3))]


def one_cell(image: np.ndarray) -> Grid:
    h, w = image.shape
    return Grid((0.0, 0.0, float(w), float(h)), (((0.0, 0.0, float(w), float(h)),),))


def text(w: OcrWord) -> bool:
    return w.conf >= 45.0


def test_a_date_over_a_stamp_is_print_the_page_read_left_unread():
    img = cv2.imread(str(STAMPED), cv2.IMREAD_GRAYSCALE)
    assert unread_cells(PAGE_WORDS, one_cell(img), img, 300.0, text) != []
    # the stamp's ring is lighter than the date: it is no print
    mask = dark_print(img, 300.0)
    ring = img < 200
    assert mask.sum() < 0.8 * ring.sum()


@pytest.mark.needs_tesseract
@pytest.mark.slow
def test_a_date_over_a_stamp_is_read_again_without_the_stamp():
    from extract.ocr.tesseract import Engine

    img = cv2.imread(str(STAMPED), cv2.IMREAD_GRAYSCALE)
    out, page = reread_blank_cells(PAGE_WORDS, [one_cell(img)], img, 300.0, Engine(), covers=text)
    got = [w for w in out if w.source == "table"]
    assert got and not any(w.text == "ae=f" for w in out)
    # the date's slashes and digits (Tesseract's Thai model writes some digits as others: read again later)
    assert sum(w.text.count("/") for w in got) >= 3
    # what reads those words again later sees the cell without the stamp's ring
    assert page is not img and (page < 200).sum() < (img < 200).sum()


class Reads(FakeEngine):
    """A cell read alone: as it stands, a word of the date; without its light ink, all of it."""

    def __init__(self, whole: bool = True):
        super().__init__()
        self.calls = 0
        self.whole = whole

    def page_words(self, gray, dpi):
        self.calls += 1
        if self.calls % 2 == 1 or not self.whole:
            return [OcrWord("๑/๑๐/", 10, 20, 60, 50, 80.0, (1, 1, 1))]
        return [OcrWord("๑/๑๐/๒๕๖๘", 10, 20, 190, 50, 88.0, (1, 1, 1)), OcrWord("-", 195, 20, 205, 50, 90.0, (1, 1, 1)),
                OcrWord("๓๐/๙/๒๕๖๙", 10, 70, 190, 100, 86.0, (1, 1, 2))]


def drawn_cell() -> tuple[np.ndarray, list[OcrWord]]:
    img = np.full((140, 260), 235, np.uint8)
    img[28:58:2, 16:196] = 30  # two lines of print
    img[78:108:2, 16:196] = 30
    img[29:59:2, 16:196] = 70  # their strokes' grey rims
    cv2.circle(img, (130, 70), 60, 140, 3)  # a stamp's lighter ring
    return img, [OcrWord("ae=f", 150, 60, 240, 110, 50.0, (1, 1, 1))]


def test_the_read_alone_replaces_the_words_when_it_leaves_far_less_unread():
    img, words = drawn_cell()
    out, page = reread_blank_cells(words, [one_cell(img)], img, 300.0, Reads(), covers=text)
    assert [w.text for w in out] == ["๑/๑๐/๒๕๖๘", "-", "๓๐/๙/๒๕๖๙"]
    assert all(w.source == "table" for w in out)
    # the read without the light ink won: the cell stands without the ring's ink for what reads it later
    assert page is not img and int(page[70, 68:73].min()) >= 235 and int(img[70, 68:73].min()) == 140


def test_a_read_alone_that_reads_no_more_leaves_the_words_as_they_were():
    img, words = drawn_cell()
    out, page = reread_blank_cells(words, [one_cell(img)], img, 300.0, Reads(whole=False), covers=text)
    assert out == words and page is img
