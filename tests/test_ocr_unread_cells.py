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

from extract.ocr.blank_cells import CELL_WORD_MIN, dark_print, reread_blank_cells, unread_cells
from extract.ocr.engine import OcrWord
from extract.ocr.reader import is_text
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


class SecondLine(FakeEngine):
    """A cell read alone that reads the line the page read lost, numbering its lines from 1 as every read does."""

    def page_words(self, gray, dpi):
        return [OcrWord("๓๐/๙/๒๕๖๙", 10, 70, 190, 100, 86.0, (1, 1, 2))]


def test_a_cells_read_alone_and_the_page_reads_words_keep_their_lines_apart():
    """The page read kept the cell's first line (its line ``(1, 1, 2)`` of the page); the cell read alone reads
    the second, its own line ``(1, 1, 2)``: merged into the cell's words, they stay two lines (a dev cell's lines
    shared a key and the second was set before the first)."""
    img, _ = drawn_cell()
    first = OcrWord("๑/๑๐/๒๕๖๘", 10, 20, 190, 50, 93.0, (1, 1, 2))
    out, _ = reread_blank_cells([first], [one_cell(img)], img, 300.0, SecondLine(), covers=text)
    assert [w.text for w in out] == ["๑/๑๐/๒๕๖๘", "๓๐/๙/๒๕๖๙"]
    assert out[0].line_key != out[1].line_key


LOST_LINES = FIXTURES / "ocr" / "issue-9-cell-lost-lines.png"
#: The page read's words in that cut of an analysis cell (dev seed 115, D-scan300, page 5), as Tesseract gave them:
#: eight lines; the cell's last two lines (``รับของขวัญตามนโยบาย No Gift Policy (อ้างอิง`` and ``จาก ๐๒๑)
#: ให้ครบถ้วน``) it dropped, on the page and in the cell read alone.
READ_LINES = [
    OcrWord('<0>ข้อคําถามที่ได้คะแนนน่อยที่สุด:', 13, 7, 598, 83, 49.0, (2, 1, 1)),
    OcrWord('4๐๒๕', 604, 30, 694, 78, 61.6, (2, 1, 1)),
    OcrWord('รายงาน', 718, 31, 847, 56, 93.0, (2, 1, 1)),
    OcrWord('ผลการดําเนินการเพื่อจัดการความเสียงการทุจริต', 14, 62, 831, 122, 92.9, (2, 2, 1)),
    OcrWord('cess', 14, 129, 77, 185, 6.6, (2, 2, 2)),
    OcrWord('ity', 96, 114, 144, 194, 37.3, (2, 2, 2)),
    OcrWord('tulle', 156, 114, 251, 194, 0.0, (2, 2, 2)),
    OcrWord('ciate!', 290, 114, 364, 194, 0.0, (2, 2, 2)),
    OcrWord('oe', 376, 130, 404, 162, 6.1, (2, 2, 2)),
    OcrWord('<0>สาเหตุที่ได้คะแนนน้อย', 425, 101, 866, 194, 66.0, (2, 2, 2)),
    OcrWord(':', 15, 196, 19, 201, 92.5, (2, 3, 1)),
    OcrWord('การประเมินความเสียงการทุจริตยั่งไม่ครอบคลุม', 49, 150, 840, 219, 90.6, (2, 3, 1)),
    OcrWord('ทุกภารกิจของหน่วยงาน</0>', 13, 192, 490, 277, 70.2, (2, 3, 2)),
    OcrWord('<๒๓>แนวทาง', 501, 198, 710, 260, 23.7, (2, 3, 2)),
    OcrWord('การพัฒนา:', 13, 259, 188, 317, 91.0, (2, 4, 1)),
    OcrWord('ดังนัน', 208, 263, 316, 298, 91.8, (2, 4, 1)),
    OcrWord('จัดทํามาตรการส่งเสริม', 339, 259, 723, 317, 91.3, (2, 4, 1)),
    OcrWord('คุณธรรมและความโปร่งใส', 14, 305, 449, 374, 93.0, (2, 5, 1)),
    OcrWord('(อ้างอิงจาก', 472, 307, 658, 373, 93.2, (2, 5, 1)),
    OcrWord('๐๒๑)', 682, 319, 772, 354, 53.2, (2, 5, 1)),
    OcrWord('และ', 795, 323, 859, 347, 91.2, (2, 5, 1)),
    OcrWord('เผยแพร่ผลการดําเนินการ', 14, 356, 443, 423, 91.6, (2, 6, 1)),
    OcrWord('นอกจากนี้', 465, 344, 639, 424, 62.3, (2, 6, 1)),
    OcrWord('รายงานการ', 657, 370, 854, 418, 93.2, (2, 6, 1)),
]


def test_whole_lines_the_page_read_dropped_from_a_long_cell_are_found():
    """Two lines of a long cell are too little of its print for UNREAD_SHARE; they are whole lines no word holds
    (and so is a line the page read took for specks: words that are noise hold no ink)."""
    img = cv2.imread(str(LOST_LINES), cv2.IMREAD_GRAYSCALE)
    found = unread_cells(READ_LINES, one_cell(img), img, 300.0, is_text)
    assert len(found) == 1
    cell_top, lines = found[0][1][1], found[0][3]
    assert lines is not None
    assert [round((b.top + cell_top) / 10) for b in lines] == [12, 41, 46]  # each where it stands
    assert [b.x1 - b.x0 > 350 for b in lines] == [True, True, True]
    # the same cell cut above its last two lines: only the specks' line is left to read again
    assert len(unread_cells(READ_LINES, one_cell(img[:418]), img[:418], 300.0, is_text)[0][3]) == 1


def test_a_cells_lost_lines_are_read_alone_one_line_each_and_its_other_words_kept():
    class Lines(FakeEngine):
        def __init__(self):
            super().__init__()
            self.crops = []

        def page_words(self, gray, dpi):
            raise AssertionError("a cell that lost only whole lines is not read again whole")

        def line_words(self, gray, dpi):
            self.crops.append(gray.shape)
            return [OcrWord("ให้ครบถ้วน", 5, 4, 200, gray.shape[0] - 4, 91.0, (1, 1, 1)),
                    OcrWord("~", 210, 4, 214, 8, 20.0, (1, 1, 1))]

    img = cv2.imread(str(LOST_LINES), cv2.IMREAD_GRAYSCALE)
    engine = Lines()
    out, page = reread_blank_cells(READ_LINES, [one_cell(img)], img, 300.0, engine, covers=is_text)
    assert len(engine.crops) == 3 and all(h < 100 for h, _ in engine.crops)  # one line each, not the cell
    new = [w for w in out if w.source == "table"]
    assert [w.text for w in new] == ["ให้ครบถ้วน"] * 3  # the speck read unsure is left out
    assert new[0].top < new[1].top < new[2].top and len({w.line_key for w in new}) == 3
    # the first stands beside a word of a line the page read (its specks' line): it joins that line, in place of
    # the specks it reads the ink of; the other two are lines of their own
    assert new[0].line_key == (2, 2, 2) and out.index(new[0]) < out.index(READ_LINES[9])
    assert {new[1].line_key, new[2].line_key}.isdisjoint(w.line_key for w in READ_LINES)
    gone = [w for w in READ_LINES if w not in out]
    assert gone and all(w.conf < CELL_WORD_MIN for w in gone)  # specks, and words read at 0 %
    assert all(w in out for w in READ_LINES if is_text(w) and w.conf >= CELL_WORD_MIN) and page is img


@pytest.mark.needs_tesseract
@pytest.mark.slow
def test_a_cells_lost_lines_are_read_again():
    from extract.ocr.tesseract import Engine

    img = cv2.imread(str(LOST_LINES), cv2.IMREAD_GRAYSCALE)
    out, _ = reread_blank_cells(READ_LINES, [one_cell(img)], img, 300.0, Engine(), covers=is_text)
    got = " ".join(w.text for w in out if w.source == "table")
    assert "ของขวัญ" in got and "Policy" in got and "ครบถ้วน" in got


SPECK_LABEL = FIXTURES / "ocr" / "issue-9-label-read-as-specks.png"
#: The page read's words in that cut of an analysis cell (dev seed 137, B-scan300, page 2), as Tesseract gave them:
#: the start of a line, ``บัญชา (อ้างอิงจาก``, the label of the line's cited codes, it read as two specks (``sail``,
#: ``Paes``, at 6 and 0 %), and the codes after it as words.
SPECK_LINE = [
    OcrWord('ข้อคําถามที่ได้คะแนนน้อยที่สุด:', 12, -2, 495, 53, 90.2, (39, 1, 1)),
    OcrWord('1๑๕', 11, 57, 63, 83, 65.7, (39, 2, 1)),
    OcrWord('ท่านได้รับการประเมินผลการปฏิบัติงานตามระดับ', 77, 46, 836, 95, 92.2, (39, 2, 1)),
    OcrWord('คุณภาพของผลงาน', 14, 93, 297, 144, 92.1, (39, 3, 1)),
    OcrWord('มากน้อยเพียงใด', 322, 93, 568, 144, 92.8, (39, 3, 1)),
    OcrWord('สาเหตุเกิดจาก:', 13, 140, 242, 188, 91.4, (39, 4, 1)),
    OcrWord('บุคลากรภายในหน่วยงานบางส่วนเห็นว่าการมอบหมายงาน', 12, 182, 915, 234, 91.9, (39, 5, 1)),
    OcrWord('ของผู้บังคับบัญชายังไม่เป็นธรรม', 12, 226, 507, 278, 92.6, (39, 5, 2)),
    OcrWord('แนวทางการยกระดับผลการประเมิน:', 14, 268, 564, 327, 91.0, (39, 6, 1)),
    OcrWord('ดังนั้น', 574, 268, 685, 327, 92.7, (39, 6, 1)),
    OcrWord('หน่วยงานควร', 699, 268, 902, 327, 91.4, (39, 6, 1)),
    OcrWord('ประเมินความเสียงการทุจริตจากการใช้อํานาจของผู้บังคับ', 12, 317, 894, 369, 92.4, (39, 6, 2)),
    OcrWord('sail', 8, 367, 88, 449, 5.9, (39, 6, 3)),
    OcrWord('Paes', 117, 371, 295, 445, 0.0, (39, 6, 3)),
    OcrWord('๐๓๑', 311, 367, 378, 417, 73.5, (39, 6, 3)),
    OcrWord(',oma)', 394, 375, 486, 410, 63.7, (39, 6, 3)),
    OcrWord('และกําหนดมาตรการจัดการ', 507, 367, 934, 417, 90.8, (39, 6, 3)),
    OcrWord('ความเสียง', 14, 403, 174, 460, 79.1, (39, 6, 4)),
    OcrWord('รวมถึงกําหนดแนวปฏิบัติการมอบหมายงานที่เป็น', 191, 403, 932, 460, 91.1, (39, 6, 4)),
    OcrWord('ธรรม', 14, 455, 93, 504, 96.1, (39, 6, 5)),
    OcrWord('และเผยแพร่ช่องทางการร้องเรียน', 111, 455, 617, 504, 92.5, (39, 6, 5)),
    OcrWord('(อ้างอิงจาก', 634, 455, 804, 504, 91.9, (39, 6, 5)),
    OcrWord('๐๓๐)', 824, 455, 892, 504, 90.6, (39, 6, 5)),
    OcrWord('ให้', 913, 455, 957, 504, 93.1, (39, 6, 5)),
    OcrWord('บุคลากรทราบ', 12, 501, 227, 551, 92.9, (39, 6, 6)),
]


def test_a_piece_of_a_read_line_no_word_covers_is_found_beside_the_line():
    img = cv2.imread(str(SPECK_LABEL), cv2.IMREAD_GRAYSCALE)
    found = unread_cells(SPECK_LINE, one_cell(img), img, 300.0, is_text)
    assert len(found) == 1 and found[0][3] is not None
    cell_left, cell_top = found[0][1][:2]
    pieces = [(b.x0 + cell_left, b.top + cell_top, b.x1 + cell_left) for b in found[0][3]]
    # one piece: the label's ink, left of the codes' words on their line
    assert len(pieces) == 1 and pieces[0][2] <= 311 + 10 and pieces[0][0] < 30 and 360 <= pieces[0][1] <= 380


def test_a_piece_of_a_read_line_read_alone_joins_its_line_before_the_words_it_stands_before():
    class Lines(FakeEngine):
        def line_words(self, gray, dpi):
            return [OcrWord("บัญชา", 3, 4, 90, gray.shape[0] - 4, 91.0, (1, 1, 1)),
                    OcrWord("(อ้างอิงจาก", 104, 4, 290, gray.shape[0] - 4, 91.0, (1, 1, 1))]

    img = cv2.imread(str(SPECK_LABEL), cv2.IMREAD_GRAYSCALE)
    out, _ = reread_blank_cells(SPECK_LINE, [one_cell(img)], img, 300.0, Lines(), covers=is_text)
    line = [w.text for w in out if w.line_key == (39, 6, 3)]
    assert line[:3] == ["บัญชา", "(อ้างอิงจาก", "๐๓๑"]  # in the line, before the codes: the label reads on to them
    assert "sail" not in line and "Paes" not in line  # the specks read off its ink are gone


@pytest.mark.needs_tesseract
@pytest.mark.slow
def test_a_label_read_as_specks_is_read_again():
    from extract.ocr.tesseract import Engine

    img = cv2.imread(str(SPECK_LABEL), cv2.IMREAD_GRAYSCALE)
    out, _ = reread_blank_cells(SPECK_LINE, [one_cell(img)], img, 300.0, Engine(), covers=is_text)
    line = " ".join(w.text for w in out if w.line_key == (39, 6, 3))
    assert line.startswith("บัญชา (อ้างอิงจาก ๐๓๑")
