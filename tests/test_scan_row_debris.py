"""Rows a scan's debris invents: a Thai word's marks read as digits, a speck under a range row.

Hand-built OCR words and page items (no OCR run); boxes in pixels of a
300-dpi page, as Tesseract gives them for 14-point Thai text (a word's box
spans its marks above and below: about 64 pixels; a digit on the line's
base is about 26 pixels high).
"""
from __future__ import annotations

import numpy as np

from extract.ocr.engine import OcrWord
from extract.ocr.raster import PageImage
from extract.ocr.reader import marks_read_as_signs, ocr_page
from extract.text.layer import Line
from extract.text.layout import Cell, Table, TextLine
from ita_extract.report.document import read_report
from normalize.questionnaire import question
from tests.ocr_fakes import FakeEngine


def word(text: str, x0: int, top: int, x1: int, bottom: int, conf: float = 90.0, line: int = 1) -> OcrWord:
    return OcrWord(text, x0, top, x1, bottom, conf, (1, 1, line))


# --- marks read as signs ----------------------------------------------------------

def test_marks_above_a_thai_word_read_as_digits_or_letters_are_dropped():
    """``เกิดขึ้น ท่าน`` at a page's top: its tone marks and vowels above came out as ``56``, ``1``, ``a``."""
    thai = word("เกิดขันในหน่วยงานของทา", 194, 272, 843, 336)
    other = word("ท่านมีความคิดเห็น", 930, 272, 1285, 336)
    marks = [word("56", 231, 279, 252, 289, 70.7), word("1", 851, 279, 855, 289, 84.9),
             word("8", 1233, 273, 1255, 298, 93.1), word("a", 1100, 272, 1122, 290, 89.6)]
    assert marks_read_as_signs([thai, other, *marks]) == [2, 3, 4, 5]


def test_digits_on_the_line_s_base_are_kept():
    """A digit printed beside Thai text stands on the base line (its middle near the box's middle);
    a score in the next column and the line above's last digit are no marks either."""
    thai = word("ข้อคำถามที่", 194, 272, 500, 336)
    kept = [word("๕", 510, 290, 528, 316),          # on the base line, right after the word
            word("12", 240, 282, 280, 308),         # inside the word's span but on the base
            word("100", 560, 280, 620, 306),        # a score, a column further right
            word("๑", 300, 240, 316, 266)]          # the line above's digit: its middle above the box
    assert marks_read_as_signs([thai, *kept]) == []


def test_a_word_of_thai_letters_or_long_signs_is_never_a_mark():
    thai = word("เกิดขันในหน่วยงาน", 194, 272, 843, 336)
    assert marks_read_as_signs([thai, word("ที่", 300, 274, 330, 290), word("2566", 400, 274, 440, 290)]) == []


def test_ocr_page_drops_the_marks_a_page_s_first_line_lost_to_digits():
    """The whole page read: the marks' words are gone, the text and the digit on the base stay."""
    words = [word("เกิดขันในหน่วยงาน", 194, 272, 843, 336), word("56", 231, 279, 252, 289, 70.7),
             word("47", 400, 277, 421, 289, 69.4), word("๕", 850, 290, 866, 316, 91.0)]
    img = PageImage(np.full((3508, 2480), 240, np.uint8), 300.0, True)
    res = ocr_page(1, 595, 842, img, FakeEngine(words=words))
    assert [w.text for w in res.words] == ["เกิดขันในหน่วยงาน", "๕"]


# --- rows of OCR'd tables ---------------------------------------------------------

W = 500.0


def line(text: str, top: float = 0.0) -> Line:
    return Line(text, 10.0, 200.0, top, top + 14, 14.0, 60.0, False, 90.0, True)


def cell(*texts: str, gap: float = 16.0) -> Cell:
    return Cell((0.0, 0.0, W, 400.0), tuple(line(t, i * gap) for i, t in enumerate(texts)))


HEADER = [cell("ประเด็นข้อคำถาม"), cell("คะแนน"), cell("การวิเคราะห์ผลการประเมินฯ")]
TITLE = "รายงานการนำผลการประเมิน ITA ไปสู่การพัฒนาองค์กร ประจำปีงบประมาณ พ.ศ. 2568"


def test_specks_below_a_range_row_make_no_question():
    """``๐๑-๐๒๘`` over a tall empty cell where specks were read as ``๑``: a range row, no o1."""
    items = [TextLine(1, line(TITLE)), TextLine(1, line("ตัวชี้วัดที่ 9 การเปิดเผยข้อมูล")),
             Table(page=1, bbox=(0, 0, W, 400), row_pages=[1, 1], rows=[
                 HEADER,
                 [cell("๐๑-๐๒๘", "๑", "๑", gap=60.0), cell(""),
                  cell("ข้อคำถามที่ได้คะแนนน้อยที่สุด : o24 " + question(2568, "o24").text)]])]
    content = read_report(items)
    assert content.scores == []
    assert [a.lowest_questions for a in content.analyses] == [("o24",)]


def test_a_range_row_with_text_below_is_still_read_as_before():
    """A question below the range's line is no speck: the cell is no range row (the code below it counts)."""
    q = question(2568, "o3")
    items = [TextLine(1, line(TITLE)), TextLine(1, line("ตัวชี้วัดที่ 9 การเปิดเผยข้อมูล")),
             Table(page=1, bbox=(0, 0, W, 400), row_pages=[1, 1], rows=[
                 HEADER, [cell("o3", q.text), cell("100.00"), cell("")]])]
    assert [(s.question, s.score) for s in read_report(items).scores] == [("o3", 100.0)]


def test_a_question_header_a_stamp_garbled_still_names_the_question_column():
    """``ประเด็นข้อคำถาม`` under a stamp read as ``ข้อคัจิถาม , Uy``, and a stroke of the stamp drew a false
    column edge (an empty header cell, covered in the rows): the question is the text cell left of the score."""
    fy = 2568
    rows = [[cell("ข้อคัจิถาม , Uy"), cell(""), cell("ะแนน"), cell("ผลการวิเคราะห์")]]
    rows += [[cell(f"{code.replace('o', '0')} {question(fy, code).text}"), None, cell(score),
              cell("ข้อคำถามที่ได้คะแนนน้อยที่สุด : o20") if code == "o20" else None]
             for code, score in (("o20", "0.00"), ("o21", "100"), ("o22", "87.50"))]
    items = [TextLine(1, line(TITLE)), TextLine(1, line("ตัวชี้วัดที่ 10 การป้องกันการทุจริต")),
             Table(page=1, bbox=(0, 0, W, 400), row_pages=[1] * len(rows), rows=rows)]
    content = read_report(items)
    assert [(s.indicator, s.question, s.score) for s in content.scores] == [
        (10, "o20", 0.0), (10, "o21", 100.0), (10, "o22", 87.5)]


def test_a_capital_i_read_as_one_in_the_lowest_question_s_code():
    """The analysis names ``I12`` and OCR read ``i112``: like a row's code, the indicator's own i12 is meant."""
    fy = 2568
    rows = [[cell("ประเด็นข้อคำถาม"), cell("คะแนน"), cell("การวิเคราะห์ผลการประเมินฯ")],
            [cell(f"i12 {question(fy, 'i12').text}"), cell("85.00"),
             cell("ข้อคำถามที่ได้คะแนนน้อยที่สุด : i112", "สาเหตุ : ขาดการกำกับ")],
            [cell(f"i11 {question(fy, 'i11').text}"), cell("95.00"), None]]
    items = [TextLine(1, line(TITLE)), TextLine(1, line("ตัวชี้วัดที่ 4 การใช้ทรัพย์สินของราชการ")),
             Table(page=1, bbox=(0, 0, W, 400), row_pages=[1] * len(rows), rows=rows)]
    content = read_report(items)
    assert [(a.indicator, a.lowest_questions) for a in content.analyses] == [(4, ("i12",))]
