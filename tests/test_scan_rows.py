"""What damage on a scan does to an analysis table, and the mechanisms that read its rows anyway.

Hand-built OCR page items (no OCR run): a heading lost under a stamp, a capital
``I`` read as ``1``, a first code lost, a summary line read as a heading. The
question texts and codes are those of the questionnaire registry
(``normalize/questionnaire.py``), the ground truth of these mechanisms.
"""
from __future__ import annotations

from extract.text.layer import Line
from extract.text.layout import Cell, Table, TextLine
from ita_extract.report.document import read_report
from normalize.questionnaire import question

W = 500.0


def line(text: str, top: float = 0.0, ocr: bool = True) -> Line:
    return Line(text, 10.0, 200.0, top, top + 14, 14.0, 60.0, False, 90.0 if ocr else 100.0, ocr)


def cell(*texts: str, ocr: bool = True) -> Cell:
    return Cell((0.0, 0.0, W, 100.0), tuple(line(t, i * 16, ocr) for i, t in enumerate(texts)))


def text_line(text: str, page: int = 1) -> TextLine:
    return TextLine(page, line(text))


HEADER = [cell("ประเด็นข้อคำถาม"), cell("คะแนน"), cell("การวิเคราะห์ผลการประเมินฯ")]
TITLE = "รายงานการนำผลการประเมิน ITA ไปสู่การพัฒนาองค์กร ประจำปีงบประมาณ พ.ศ. {fy}"


def table(rows, page=1) -> Table:
    return Table(page=page, bbox=(0, 0, W, 300), rows=rows, row_pages=[page] * len(rows))


def qrow(fy: int, code: str, printed: str, score: str, analysis: str | None = None):
    return [cell(f"{printed} {question(fy, code).text}"), cell(score),
            cell(analysis) if analysis else None]


def test_rows_after_a_lost_heading_go_to_the_indicator_their_codes_answer():
    """2568: e1-e3 answer indicator 6, e4-e6 indicator 7; indicator 7's heading was not read."""
    fy = 2568
    items = [text_line(TITLE.format(fy=fy)), text_line("ตัวชี้วัดที่ 6 คุณภาพการดำเนินงาน"),
             table([HEADER,
                    qrow(fy, "e1", "e1", "91.20", "ข้อคำถามที่ได้คะแนนน้อยที่สุด : e2"),
                    qrow(fy, "e2", "e2", "80.10"), qrow(fy, "e3", "e3", "95.00"),
                    qrow(fy, "e4", "e4", "70.00", "ข้อคำถามที่ได้คะแนนน้อยที่สุด : e4"),
                    qrow(fy, "e5", "e5", "88.00"), qrow(fy, "e6", "e6", "90.00")])]
    content = read_report(items)
    assert [(s.indicator, s.question) for s in content.scores] == [
        (6, "e1"), (6, "e2"), (6, "e3"), (7, "e4"), (7, "e5"), (7, "e6")]
    assert {a.indicator: a.lowest_questions for a in content.analyses} == {6: ("e2",), 7: ("e4",)}
    assert [p.indicator for p in content.problems if p.code == "indicator-heading-missing"] == [7]


def test_one_misread_code_moves_no_row():
    """A single code of another indicator between the heading's own codes is a misread, not a lost heading."""
    fy = 2568
    items = [text_line(TITLE.format(fy=fy)), text_line("ตัวชี้วัดที่ 6 คุณภาพการดำเนินงาน"),
             table([HEADER, qrow(fy, "e1", "e1", "91.20"),
                    [cell("e7 ข้อความที่ไม่มีในแบบสำรวจเลยแม้แต่น้อย"), cell("80.10"), None],
                    qrow(fy, "e3", "e3", "95.00")])]
    content = read_report(items)
    assert {s.indicator for s in content.scores} == {6}
    assert not [p for p in content.problems if p.code == "indicator-heading-missing"]


def test_capital_i_read_as_one_and_a_lost_first_code():
    """2565 asks 30 IIT questions, six per indicator: ``I1`` read as ``11`` is i1, not i11 (indicator 2)."""
    fy = 2565
    items = [text_line(TITLE.format(fy=fy)), text_line("ตัวชี้วัดที่ 1 การปฏิบัติหน้าที่"),
             table([HEADER,
                    [cell("บุคลากรในหน่วยงานของท่าน"), cell("80.00"), None],  # code and most text lost
                    [cell("12 ข้อความอื่น"), cell("81.00"), None],  # a text unlike the questionnaire's
                    [cell("13 ข้อความอื่นอีก"), cell("82.00"), None]])]
    content = read_report(items)
    assert [(s.indicator, s.question, s.score) for s in content.scores] == [
        (1, "i1", 80.0), (1, "i2", 81.0), (1, "i3", 82.0)]
    assert any(p.code == "question-code-inferred" and "i1" in p.message for p in content.problems)


def test_printed_codes_of_a_text_layer_are_kept_as_printed():
    """The questionnaire checks OCR only: a digital ``i11`` under indicator 1 stays i11."""
    fy = 2565
    items = [text_line(TITLE.format(fy=fy)), text_line("ตัวชี้วัดที่ 1 การปฏิบัติหน้าที่"),
             table([HEADER, [cell("i11 ข้อความ", ocr=False), cell("80.00", ocr=False), None]])]
    assert [s.question for s in read_report(items).scores] == ["i11"]


def test_a_heading_whose_table_was_lost_names_no_rows():
    """Indicator 8's table was unreadable; its heading and 9's run together over 9's OIT rows."""
    fy = 2569
    items = [text_line(TITLE.format(fy=fy)), text_line("ตัวชี้วัดที่ 8 การปรับปรุงการทำงาน"),
             text_line("ตัวชี้วัดที่ 9 การเปิดเผยข้อมูล"),
             table([HEADER, qrow(fy, "o1", "o1", "100"), qrow(fy, "o2", "o2", "100")])]
    content = read_report(items)
    assert [(s.indicator, s.question) for s in content.scores] == [(9, "o1"), (9, "o2")]
    assert [a.indicator for a in content.analyses] == [9]


def test_oit_items_are_not_moved_between_indicators_9_and_10():
    """Agencies number OIT items their own way (the 2567 sample puts o7-o10 under indicator 10)."""
    fy = 2567
    items = [text_line(TITLE.format(fy=fy)), text_line("ตัวชี้วัดที่ 10 การป้องกันการทุจริต"),
             table([HEADER, [cell("o7 แผนการจัดซื้อจัดจ้าง"), cell("100"), None],
                    [cell("o8 ผลการจัดซื้อจัดจ้าง"), cell("100"), None]])]
    assert {s.indicator for s in read_report(items).scores} == {10}


def test_a_text_layer_row_before_the_first_code_is_not_given_one():
    """Counting down to the first code is for codes OCR lost; a digital sub-heading row stays out."""
    fy = 2568
    items = [text_line(TITLE.format(fy=fy)), text_line("ตัวชี้วัดที่ 2 การใช้งบประมาณ"),
             table([HEADER, [cell("ด้านการใช้งบประมาณ", ocr=False), cell("", ocr=False), None],
                    [cell("i4 ข้อความ", ocr=False), cell("80.00", ocr=False), None]])]
    assert [s.question for s in read_report(items).scores] == ["i4"]


def test_a_dash_is_no_score_printed_and_unreadable_digits_are_flagged():
    """``-`` (OIT items without a score) is null without a problem; ``ส45`` is null with ``score-unreadable``."""
    fy = 2568
    items = [text_line(TITLE.format(fy=fy)), text_line("ตัวชี้วัดที่ 1 การปฏิบัติหน้าที่"),
             table([HEADER, qrow(fy, "i1", "i1", "ส45", "ข้อคำถามที่ได้คะแนนน้อยที่สุด : i2"),
                    qrow(fy, "i2", "i2", "-"), qrow(fy, "i3", "i3", "95.00")])]
    content = read_report(items)
    assert [(s.question, s.score) for s in content.scores] == [("i1", None), ("i2", None), ("i3", 95.0)]
    assert [p.message for p in content.problems if p.code == "score-unreadable"] == [
        next(p.message for p in content.problems if "ส45" in p.message)]
