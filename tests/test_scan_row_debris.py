"""Rows a scan's debris invents: a speck under a range row.

Hand-built OCR words and page items (no OCR run); boxes in pixels of a
300-dpi page, as Tesseract gives them for 14-point Thai text (a word's box
spans its marks above and below: about 64 pixels; a digit on the line's
base is about 26 pixels high).
"""
from __future__ import annotations

from extract.ocr.engine import OcrWord
from extract.text.layer import Line
from extract.text.layout import Cell, Table, TextLine
from ita_extract.report.document import read_report
from normalize.questionnaire import question


def word(text: str, x0: int, top: int, x1: int, bottom: int, conf: float = 90.0, line: int = 1) -> OcrWord:
    return OcrWord(text, x0, top, x1, bottom, conf, (1, 1, line))


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
              cell("ข้อคำถามที่ได้คะแนนน้อยที่สุด : o21") if code == "o21" else None]
             for code, score in (("o21", "0.00"), ("o22", "100"), ("o23", "87.50"))]
    items = [TextLine(1, line(TITLE)), TextLine(1, line("ตัวชี้วัดที่ 10 การป้องกันการทุจริต")),
             Table(page=1, bbox=(0, 0, W, 400), row_pages=[1] * len(rows), rows=rows)]
    content = read_report(items)
    assert [(s.indicator, s.question, s.score) for s in content.scores] == [
        (10, "o21", 0.0), (10, "o22", 100.0), (10, "o23", 87.5)]


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


def test_a_question_row_whose_code_a_signature_garbled_into_a_number_is_no_heading():
    """dev seed 264 (I-scan300): a signature over ``๐๒๕ แผนปฏิบัติการป้องกันการทุจริต`` (a question that holds
    indicator 10's name) was read ``73พนบฏิตการป้องกันการทุจริต``. A number and a name close to one (86 %) made it
    a heading row: indicator 10's table was cut in two, o25 was lost and an empty second analysis of indicator 10
    was written. A number no indicator has vouches for nothing: the name must be as close as a heading's with no
    number. The row stays a question, its code taken from its place among the others."""
    rows = [HEADER]
    for k, code in enumerate(["o23", "o24", None, "o26"]):
        text = "73พนบฏิตการป้องกันการทุจริต" if code is None else f"{code} " + question(2568, code).text
        rows.append([cell(text), cell("100.00" if code else "87.50"),
                     cell("ข้อคำถามที่ได้คะแนนน้อยที่สุด : o25 " + question(2568, "o25").text) if k == 0 else cell("")])
    items = [TextLine(1, line(TITLE)), TextLine(1, line("ตัวชี้วัดที่ 10 การป้องกันการทุจริต")),
             Table(page=1, bbox=(0, 0, W, 400), row_pages=[1] * len(rows), rows=rows)]
    content = read_report(items)
    assert [(s.question, s.score) for s in content.scores] == [("o23", 100.0), ("o24", 100.0), ("o25", 87.5),
                                                              ("o26", 100.0)]
    assert [(a.indicator, a.lowest_questions) for a in content.analyses] == [(10, ("o25",))]


def test_a_range_row_with_specks_after_it_or_marks_below_it_makes_no_question():
    """dev seeds 189 and 276: ``๐๑ - ๐๓๓`` read ``01 - 033 1`` (a speck on its line) and ``01 - 033 |`` over a
    signature's marks read ``—``, ``อ``; ``๐๓๔ - ๐๔๓`` over ``ภัจก10``. Each made a question (o1, o34) with no score.
    A speck after a range whose last code is whole, a rule's remnant, or words below a range with no score beside
    it are no question."""
    for text in ("01 - 033 1", "01 - 033 |\n—\n*\nอ\n๑", "034 - 043\nภัจก10"):
        items = [TextLine(1, line(TITLE)), TextLine(1, line("ตัวชี้วัดที่ 9 การเปิดเผยข้อมูล")),
                 Table(page=1, bbox=(0, 0, W, 400), row_pages=[1, 1], rows=[
                     HEADER, [cell(*text.split("\n")), cell(""),
                              cell("ข้อคำถามที่ได้คะแนนน้อยที่สุด : o24 " + question(2568, "o24").text)]])]
        assert read_report(items).scores == [], text
