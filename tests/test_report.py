"""Sections, rows and checks on hand-built page items (no PDF needed)."""
from __future__ import annotations

from datetime import date

import pytest

from extract.text.layout import Cell, Table, TextLine
from extract.text.layer import Line
from ita_extract.report.checks import lowest_question_mismatch, missing_indicators
from ita_extract.report.document import read_report
from ita_extract.model import AnalysisRow, ScoreRow
from ita_extract.report.records import cell_text, split_analysis

W = 500.0  # cell right edge used below


def line(text: str, x1: float = 200.0, top: float = 0.0, trailing_space: bool = False) -> Line:
    return Line(text, 10.0, x1, top, top + 14, 14.0, min(x1 - 10.0, 60.0), trailing_space)


def cell(*texts: str, full: bool = False) -> Cell:
    return Cell((0.0, 0.0, W, 100.0), tuple(line(t, x1=W - 4 if full else 200.0, top=i * 16) for i, t in enumerate(texts)))


def heading(text: str, page: int = 1) -> TextLine:
    return TextLine(page, line(text))


ANALYSIS_HEADER = [cell("ประเด็นข้อคำถาม"), cell("คะแนน"), cell("การวิเคราะห์ผลการประเมินฯ")]
MEASURE_HEADER = [cell("มาตรการ โครงการ หรือกิจกรรม"), cell("ผลการวิเคราะห์ตัวชี้วัด"),
                  cell("ขั้นตอนหรือวิธีการปฏิบัติ"), cell("ช่วงระยะเวลาในการดำเนินการ"), cell("ผู้รับผิดชอบ")]


def table(rows, page=1):
    return Table(page=page, bbox=(0, 0, W, 300), rows=rows, row_pages=[page] * len(rows))


def seed_indicator_3(page=1):
    """The seed's indicator 3: codes that lost their letter, i8 named lowest though i7 is lower."""
    return [
        heading("ตัวชี้วัดที่ ๓ การใช้อำนาจ", page),
        table([
            ANALYSIS_HEADER,
            [cell("๗ ท่านเคยถูกผู้บังคับบัญชา*ของท่านสั่งให้ทำธุระส่วนตัว"), cell("๙๘.๗๕"),
             cell("ข้อคำถามที่ได้คะแนนน้อยที่สุด :", "๘ ท่านเคยถูกผู้บังคับบัญชา*ของท่าน",
                  "สาเหตุเกิดจาก :", "เจ้าหน้าที่บางราย", "แนวทางการยกระดับผลการประเมินฯ :",
                  "กำหนดมาตรการ (อ้างอิงจาก ๐๒๓) รวมถึงการเผยแพร่ช่องทาง (อ้างอิงจาก ๐๑๘)")],
            [cell("๘ ท่านเคยถูกผู้บังคับบัญชา*ของท่าน สั่งให้ทำในสิ่งที่เป็นการทุจริต"), cell("๙๙.๓๘"), None],
            [cell("๙ การบริหารงานบุคคล ในหน่วยงานของท่าน"), cell("๑๐๐.๐๐"), None],
        ], page),
    ]


def test_seed_indicator_3_rows_and_mismatch():
    content = read_report(seed_indicator_3())
    assert [(s.question, s.score) for s in content.scores] == [("i7", 98.75), ("i8", 99.38), ("i9", 100.0)]
    (a,) = content.analyses
    assert a.indicator == 3 and a.lowest_questions == ("i8",)
    assert a.references == ("o23", "o18")
    assert a.cause == "เจ้าหน้าที่บางราย"
    codes = {(p.code, p.indicator) for p in content.problems}
    assert ("lowest-question-mismatch", 3) in codes


def test_misnumbered_heading_is_canonical_by_name_and_flagged():
    items = [heading("ตัวชี้วัดที่ ๒ คุณภาพการดำเนินงาน"),
             table([ANALYSIS_HEADER, [cell("e๑ เจ้าหน้าที่ปฏิบัติงาน"), cell("๙๐.๕๙"), cell("-ไม่มี")]])]
    content = read_report(items)
    assert content.scores[0].indicator == 6 and content.scores[0].tool == "EIT"
    assert ("indicator-number-mismatch", 6) in {(p.code, p.indicator) for p in content.problems}


def test_table_continued_on_next_page_with_repeated_header_and_split_row():
    items = [
        heading("ตัวชี้วัดที่ ๑ การปฏิบัติหน้าที่"),
        table([MEASURE_HEADER,
               [cell("กิจกรรมเสริมสร้าง"), cell("ผลการวิเคราะห์"), cell("ขั้นตอนแรก"),
                cell("ต.ค. ๒๕๖๘ – ๓๐ ก.ย. ๒๕๖๙"), cell("สำนักปลัด")]], page=1),
        # next page: the header repeated, then the rest of the split row
        table([MEASURE_HEADER, [cell(""), cell(""), cell("ขั้นตอนที่สอง"), cell(""), cell("")],
               [cell("มาตรการที่สอง"), cell("ผล"), cell("ขั้นตอน"), cell("ตามความเหมาะสม"), cell("กองคลัง")]], page=2),
    ]
    content = read_report(items)
    assert [(m.seq, m.page) for m in content.measures] == [(1, 1), (2, 2)]
    first, second = content.measures
    assert first.steps.replace(" ", "").replace("\n", "") == "ขั้นตอนแรกขั้นตอนที่สอง"
    assert (str(first.period_start), str(first.period_end)) == ("2025-10-01", "2026-09-30")
    assert second.period_start is None and second.period_text == "ตามความเหมาะสม"


def test_header_row_printed_twice_is_not_a_question():
    items = [heading("ตัวชี้วัดที่ ๔ การใช้ทรัพย์สินของราชการ"),
             table([ANALYSIS_HEADER, ANALYSIS_HEADER,
                    [cell("i๑๐ เจ้าหน้าที่ขอยืม"), cell("๙๙.๓๘"), cell("-ไม่มี")]])]
    content = read_report(items)
    assert [s.question for s in content.scores] == ["i10"]


def test_range_row_gives_no_score_rows_and_combined_heading_two_analyses():
    items = [heading("ตัวชี้วัดที่ ๙ การเปิดเผยข้อมูล และ"), heading("ตัวชี้วัดที่ ๑๐ การป้องกันการทุจริต"),
             table([ANALYSIS_HEADER,
                    [cell("<p>๐๑ - ๐๒๘</p>"), cell(""),
                     cell("ข้อคำถามที่ได้คะแนนน้อยที่สุด : ๐๑๒ รายงานการจัดซื้อจัดจ้าง")]])]
    content = read_report(items)
    assert content.scores == []
    assert [(a.indicator, a.lowest_questions) for a in content.analyses] == [(9, ("o12",)), (10, ("o12",))]


def test_score_out_of_range_is_an_error_and_left_empty():
    items = [heading("ตัวชี้วัดที่ ๑ การปฏิบัติหน้าที่"),
             table([ANALYSIS_HEADER, [cell("i1 ข้อหนึ่ง"), cell("120.00"), cell("-ไม่มี")]])]
    content = read_report(items)
    assert content.scores[0].score is None
    assert ("score-out-of-range", "error") in {(p.code, p.severity) for p in content.problems}


def test_measure_without_period_or_responsible_is_flagged():
    items = [heading("ตัวชี้วัดที่ ๒ การใช้งบประมาณ"),
             table([MEASURE_HEADER, [cell("มาตรการ"), cell("ผล"), cell("ขั้นตอน"), cell(""), cell("")]])]
    codes = {p.code for p in read_report(items).problems}
    assert {"measure-missing-period", "measure-missing-responsible"} <= codes


def test_period_whose_start_is_unreadable_keeps_its_end_and_is_flagged():
    """A scan's ``ดต.ด. 2570 - 30 ก.ย. 2571`` (the month misread): the end is read, the start left empty,
    never the end's date. (``ดต.ค.``, a speck glued before the month, now reads as October: issue 9.)"""
    items = [heading("ตัวชี้วัดที่ ๒ การใช้งบประมาณ"),
             table([MEASURE_HEADER, [cell("มาตรการ"), cell("ผล"), cell("ขั้นตอน"), cell("ดต.ด. 2570 - 30 ก.ย. 2571"),
                                     cell("กองคลัง")]])]
    content = read_report(items)
    (m,) = content.measures
    # the start month unreadable a year before September: the fiscal year's 1 October, with a warning
    assert (str(m.period_start), str(m.period_end)) == ("2027-10-01", "2028-09-30")
    assert [p.code for p in content.problems if "period" in p.code] == ["period-date-inferred"]
    items[1] = table([MEASURE_HEADER, [cell("มาตรการ"), cell("ผล"), cell("ขั้นตอน"), cell("ดต.ด. 2570 - 30 ก.ค. 2571"),
                                       cell("กองคลัง")]])
    (m,) = read_report(items).measures  # a period that closes no fiscal year: the start stays empty
    assert (m.period_start, str(m.period_end)) == (None, "2028-07-30")


def test_split_analysis_none():
    p = split_analysis("ข้อคำถามที่ได้คะแนนน้อยที่สุด :\n-ไม่มี")
    assert (p.cause, p.guideline) == (None, None)


def test_cell_lines_join_thai_wraps_without_space():
    c = Cell((0, 0, W, 100), (line("จัดทำแผนการจัดซื้อจัด", x1=W - 4), line("จ้างและกระบวนการ", top=16)))
    assert cell_text(c) == "จัดทำแผนการจัดซื้อจัดจ้างและกระบวนการ"


def test_cell_paragraph_when_line_ends_early_and_next_item_starts():
    c = cell("๑.สร้างการเรียนรู้", "๒.สร้างการรับรู้")
    assert cell_text(c) == "1.สร้างการเรียนรู้\n2.สร้างการรับรู้"


def test_a_range_of_dates_wrapped_at_its_sign_is_one_paragraph():
    # the dev-corpus's digital report: a period cell ``ต.ค. 2568`` / ``- 30 ก.ย. 2569`` came out with a paragraph
    # break, its second line taken for a bulleted item
    assert cell_text(cell("ต.ค. 2568", "- 30 ก.ย. 2569")) == "ต.ค. 2568 - 30 ก.ย. 2569"
    assert cell_text(cell("๑/๑๐/๒๕๖๘", "– ๓๐/๙/๒๕๖๙")) == "1/10/2568 – 30/9/2569"
    # a bullet after a line that ends on a date is still an item of its own
    assert cell_text(cell("จัดอบรมภายใน ต.ค. 2568", "- ติดตามผลทุกเดือน")) == "จัดอบรมภายใน ต.ค. 2568\n- ติดตามผลทุกเดือน"


def test_lowest_mismatch_not_raised_for_ties():
    scores = [ScoreRow(4, "x", "IIT", "i10", "", 99.38, 1), ScoreRow(4, "x", "IIT", "i11", "", 99.38, 1),
              ScoreRow(4, "x", "IIT", "i12", "", 100.0, 1)]
    a = AnalysisRow(4, "x", ("i10", "i11"), None, None, (), 1)
    assert lowest_question_mismatch(scores, [a]) == []


def test_missing_indicators_lists_each_absent_one():
    problems = missing_indicators([], [], analysed_tables={1, 2, 3, 4, 5, 6, 7, 8})
    assert {(p.code, p.indicator) for p in problems if p.code == "indicator-missing"} == {
        ("indicator-missing", 9), ("indicator-missing", 10)}


def test_one_big_measures_table_with_indicator_rows():
    def row(m):
        return [cell(m), cell("ผล"), cell("ขั้นตอน"), cell("ต.ค. 2568 - ก.ย. 2569"), cell("กองช่าง")]
    def spanning(t):
        return [cell(t), None, None, None, None]
    items = [table([MEASURE_HEADER, spanning("ตัวชี้วัดที่ 1 การปฏิบัติหน้าที่"), row("มาตรการ ก"), row("มาตรการ ข"),
                    spanning("ตัวชี้วัดที่ 2 การใช้งบประมาณ"), row("มาตรการ ค")])]
    content = read_report(items)
    assert [(m.indicator, m.seq, m.measure) for m in content.measures] == [
        (1, 1, "มาตรการ ก"), (1, 2, "มาตรการ ข"), (2, 1, "มาตรการ ค")]


def test_heading_as_first_table_row_and_code_in_its_own_column():
    header = [cell("ข้อ"), cell("ประเด็นข้อคำถาม"), cell("คะแนน"), cell("การวิเคราะห์ผลการประเมินฯ")]
    items = [table([[cell("ตัวชี้วัดที่ 7 ประสิทธิภาพการสื่อสาร"), None, None, None], header,
                    [cell("e4"), cell("หน่วยงานมีช่องทางการเผยแพร่ข้อมูล"), cell("84.71"), cell("-ไม่มี")]])]
    content = read_report(items)
    assert [(s.indicator, s.question, s.question_text, s.score) for s in content.scores] == [
        (7, "e4", "หน่วยงานมีช่องทางการเผยแพร่ข้อมูล", 84.71)]


def test_code_that_breaks_the_numbering_is_repaired_in_scores_and_analysis():
    """OCR read o๙ as o๕ (๕ and ๙ look alike) on the wiangsawan 200-dpi scan: o5 between o8 and o10."""
    items = [
        heading("ตัวชี้วัดที่ ๙ การเปิดเผยข้อมูล"),
        table([ANALYSIS_HEADER,
               [cell("o๕ ข่าวประชาสัมพันธ์"), cell("๑๐๐.๐๐"), cell("ข้อคำถามที่ได้คะแนนน้อยที่สุด : o๖")],
               [cell("o๖ แผนดำเนินงานประจำปี"), cell("๐.๐๐"), None]]),
        heading("ตัวชี้วัดที่ ๑๐ การป้องกันการทุจริต"),
        table([ANALYSIS_HEADER,
               [cell("o๗ แผนการจัดซื้อจัดจ้าง"), cell("๑๐๐.๐๐"), cell("ข้อคำถามที่ได้คะแนนน้อยที่สุด : o๕")],
               [cell("o๘ ผลการจัดซื้อจัดจ้าง"), cell("๑๐๐.๐๐"), None],
               [cell("o๕ มาตรการส่งเสริมคุณธรรมและความโปร่งใส"), cell("๘๐.๐๐"), None],
               [cell("o๑๐ การประเมินความเสี่ยงการทุจริตประจำปี"), cell("๑๐๐.๐๐"), None]]),
    ]
    content = read_report(items)
    assert [s.question for s in content.scores] == ["o5", "o6", "o7", "o8", "o9", "o10"]
    assert {a.indicator: a.lowest_questions for a in content.analyses} == {9: ("o6",), 10: ("o9",)}
    (p,) = [p for p in content.problems if p.code == "question-code-corrected"]
    assert p.indicator == 10 and "o5" in p.message and "o9" in p.message


def test_numbering_is_left_alone_when_it_is_only_gapped():
    items = [heading("ตัวชี้วัดที่ ๑๐ การป้องกันการทุจริต"),
             table([ANALYSIS_HEADER,
                    [cell("o๗ แผนการจัดซื้อจัดจ้าง"), cell("๑๐๐.๐๐"), cell("")],
                    [cell("o๙ มาตรการส่งเสริมคุณธรรม"), cell("๑๐๐.๐๐"), None],
                    [cell("o๑๐ การประเมินความเสี่ยง"), cell("๑๐๐.๐๐"), None]])]
    content = read_report(items)
    assert [s.question for s in content.scores] == ["o7", "o9", "o10"]
    assert not [p for p in content.problems if p.code == "question-code-corrected"]


def _headless(code_cell: str, year_line: str | None) -> list:
    """An analysis table without an indicator heading, after an optional title with the fiscal year."""
    items = [heading(year_line)] if year_line else []
    return items + [table([ANALYSIS_HEADER, [cell(code_cell), cell("๙๐.๐๐"), cell("-ไม่มี")]])]


def test_headless_table_takes_its_indicator_from_the_years_questionnaire():
    # i7: indicator 3 in the 15-question IIT of 2568 (and when the year is unknown),
    # indicator 2 in the 30-question IIT of 2565; o22: indicator 10 in 2568
    for code_cell, year_line, want in [
        ("i7 ท่านเคยถูกผู้บังคับบัญชา", "รายงานผลการประเมิน ITA ประจำปีงบประมาณ พ.ศ. ๒๕๖๘", 3),
        ("i7 ท่านเคยถูกผู้บังคับบัญชา", None, 3),
        ("i7 ผู้บังคับบัญชา", "รายงานผลการประเมิน ITA ประจำปีงบประมาณ พ.ศ. ๒๕๖๕", 2),
        ("o22 มาตรการส่งเสริมคุณธรรม", "รายงานผลการประเมิน ITA ประจำปีงบประมาณ พ.ศ. ๒๕๖๘", 10),
    ]:
        content = read_report(_headless(code_cell, year_line))
        assert [s.indicator for s in content.scores] == [want], (code_cell, year_line)
        assert ("indicator-heading-missing", want) in {(p.code, p.indicator) for p in content.problems}


def test_analysis_header_whose_score_keyword_ocr_lost_is_still_a_header():
    """``คะแนน`` read as ``00`` (or lost): question and analysis cells two columns apart make the header."""
    for debris in (cell("00"), cell(), None):
        header = [cell("ข้อ"), cell("ประเด็นข้อคำถาม"), debris, cell("การวิเคราะห์ผลการประเมินฯ")]
        items = [heading("ตัวชี้วัดที่ 7 ประสิทธิภาพการสื่อสาร"),
                 table([header, [cell("e4"), cell("หน่วยงานมีช่องทางการเผยแพร่ข้อมูล"), cell("84.71"), cell("-ไม่มี")]])]
        content = read_report(items)
        assert [(s.indicator, s.question, s.score) for s in content.scores] == [(7, "e4", 84.71)]
        assert not [p for p in content.problems if p.code == "table-unrecognized"]


def test_three_column_header_without_score_keyword_maps_the_score_column():
    items = [heading("ตัวชี้วัดที่ ๙ การเปิดเผยข้อมูล"),
             table([[cell("ประเด็นข้อคำถาม"), cell("0o"), cell("การวิเคราะห์ผลการประเมินฯ")],
                    [cell("o๕ ข่าวประชาสัมพันธ์"), cell("๑๐๐.๐๐"), None],
                    [cell("o๖ แผนดำเนินงานประจำปี"), cell("๘๐.๐๐"), None]])]
    assert [(s.question, s.score) for s in read_report(items).scores] == [("o5", 100.0), ("o6", 80.0)]


def test_data_row_like_a_header_without_score_keyword_is_not_taken_for_one():
    """A row with a question code or a score is data, however short its cells."""
    from ita_extract.report.sections import header_kind
    assert header_kind([cell("i3"), cell("ประเด็นข้อคำถาม"), cell("00"), cell("การวิเคราะห์")]) is None
    assert header_kind([cell("ประเด็นข้อคำถาม"), cell("95.00"), cell("การวิเคราะห์")]) is None
    # and a measures header (its finding column says "ผลการวิเคราะห์") stays a measures header
    assert header_kind([cell("มาตรการ"), cell("ผลการวิเคราะห์"), cell("ขั้นตอน"), cell("ระยะเวลา"),
                        cell("ผู้รับผิดชอบ")]) == "measures"
    # the question and analysis cells must lie as the analysis table prints them, a column apart
    assert header_kind([cell("ประเด็นข้อคำถาม"), cell("การวิเคราะห์")]) is None


def test_table_with_its_own_header_that_does_not_continue_the_one_before_is_read():
    """OCR lost the heading of the next page's table, whose columns differ: a header row opens a table, never skipped."""
    def cols(texts, n, x0=0.0):
        w = W / n
        return [Cell((x0 + i * w, 0.0, x0 + (i + 1) * w, 100.0), (line(t),) if t else ()) for i, t in enumerate(texts)]
    first = Table(page=1, bbox=(0, 0, W, 300), rows=[cols(["ประเด็นข้อคำถาม", "คะแนน", "การวิเคราะห์ผลการประเมินฯ"], 3),
                                                      cols(["o1 ข่าวประชาสัมพันธ์", "100.00", ""], 3)], row_pages=[1, 1])
    second = Table(page=2, bbox=(0, 0, W, 300), rows=[cols(["ข้อคำถาม", "คะแนน", "ผลการวิเคราะห์", ""], 4),
                                                       cols(["o3 การเปิดโอกาสให้เกิดการมีส่วนร่วม", "90.00", "", ""], 4)],
                   row_pages=[2, 2])
    content = read_report([heading("ตัวชี้วัดที่ 9 การเปิดเผยข้อมูล"), first, second])
    assert [(s.question, s.score) for s in content.scores] == [("o1", 100.0), ("o3", 90.0)]
    assert not [p for p in content.problems if p.code == "table-unrecognized"]


def test_cited_code_the_fiscal_years_questionnaire_lacks_is_left_out_and_flagged():
    """OCR's ``o98`` for ``o8``: no OIT item of 2568 (o1-o28); the code read right stays."""
    items = [heading("รายงานผลการวิเคราะห์ ประจำปีงบประมาณ พ.ศ. ๒๕๖๘"),
             heading("ตัวชี้วัดที่ ๓ การใช้อำนาจ"),
             table([ANALYSIS_HEADER,
                    [cell("i๗ ท่านเคยถูกผู้บังคับบัญชาสั่งให้ทำธุระส่วนตัว"), cell("๙๘.๗๕"),
                     cell("ข้อคำถามที่ได้คะแนนน้อยที่สุด :", "i๗ ท่านเคยถูกผู้บังคับบัญชา", "สาเหตุเกิดจาก :",
                          "เจ้าหน้าที่บางราย", "แนวทางการยกระดับผลการประเมินฯ :",
                          "กำหนดมาตรการ (อ้างอิงจาก o98) และเผยแพร่ (อ้างอิงจาก ๐๑๘)")]])]
    content = read_report(items)
    assert content.fiscal_year == 2568
    (a,) = content.analyses
    assert a.references == ("o18",)
    assert [p.code for p in content.problems if p.code == "reference-unknown"] == ["reference-unknown"]


def test_period_printed_with_its_start_only_is_open_ended_not_unreadable():
    """``ตั้งแต่ ต.ค. 2568``: the start, no end, and a problem saying the end was never printed;
    ``ต.ค. 2568 - 30 f).8. 2569``: an end printed and not read is ``period-unreadable``."""
    items = [heading("ตัวชี้วัดที่ ๒ การใช้งบประมาณ"),
             table([MEASURE_HEADER,
                    [cell("มาตรการ"), cell("ผล"), cell("ขั้นตอน"), cell("ตั้งแต่ ต.ค. ๒๕๖๘"), cell("กองคลัง")],
                    [cell("มาตรการสอง"), cell("ผล"), cell("ขั้นตอน"), cell("ต.ค. ๒๕๖๘ - ๓๐ f).8. ๒๕๖๙"),
                     cell("กองคลัง")]])]
    content = read_report(items)
    # the second's end month unreadable in the year after October: the fiscal year's 30 September, inferred
    assert [(str(m.period_start), str(m.period_end)) for m in content.measures] == [
        ("2025-10-01", "None"), ("2025-10-01", "2026-09-30")]
    assert [p.code for p in content.problems if "period" in p.code] == ["period-open-ended", "period-date-inferred"]


def test_period_year_misread_by_one_digit_is_corrected_with_a_warning():
    """``ต.ค. 25ฒ0 - 30 ก.ย. 2571`` (a 200-dpi dev scan): the start's year from the end's, and a warning;
    a year two digits off stays unread (``period-unreadable``), as before, unless the range runs over
    the fiscal year's months (October to September): then it is that fiscal year, with the warning."""
    items = [heading("ตัวชี้วัดที่ ๒ การใช้งบประมาณ"),
             table([MEASURE_HEADER,
                    [cell("มาตรการ"), cell("ผล"), cell("ขั้นตอน"), cell("ต.ค. 25ฒ0 - 30 ก.ย. 2571"), cell("กองคลัง")],
                    [cell("มาตรการสอง"), cell("ผล"), cell("ขั้นตอน"), cell("ต.ค. 25205 - 30 มิ.ย. 2571"),
                     cell("กองคลัง")],
                    [cell("มาตรการสาม"), cell("ผล"), cell("ขั้นตอน"), cell("ต.ค. 25205 - 30 ก.ย. 2571"),
                     cell("กองคลัง")]])]
    content = read_report(items)
    assert [(m.period_start, str(m.period_end)) for m in content.measures] == [
        (date(2027, 10, 1), "2028-09-30"), (None, "2028-06-30"), (date(2027, 10, 1), "2028-09-30")]
    assert [p.code for p in content.problems if "period" in p.code] == [
        "period-year-corrected", "period-unreadable", "period-year-corrected"]


def test_headings_with_a_misread_table_between_are_not_one_wrapped_heading():
    """Indicator 2's table not recognized (a false column): heading 3 after it is not 2's heading wrapped."""
    items = [heading("ตัวชี้วัดที่ ๒ การใช้งบประมาณ"),
             table([[cell("i๔ หน่วยงานของท่านใช้จ่ายงบประมาณ"), cell("๘๒.๕๙"), cell("ข้อคำถาม"), cell("x"), cell("y")]]),
             heading("ตัวชี้วัดที่ ๓ การใช้อำนาจ"),
             table([ANALYSIS_HEADER,
                    [cell("i๗ ท่านเคยถูกผู้บังคับบัญชาสั่งให้ทำธุระส่วนตัว"), cell("๗๘.๙๕"),
                     cell("ข้อคำถามที่ได้คะแนนน้อยที่สุด :", "i๗ ท่านเคยถูกผู้บังคับบัญชา",
                          "สาเหตุเกิดจาก :", "การมอบหมายงานไม่ชัดเจน")]])]
    content = read_report(items)
    assert [a.indicator for a in content.analyses] == [3]
    assert ("table-unrecognized", None) in {(p.code, p.indicator) for p in content.problems}


SUMMARY_AS_LINES = [heading("1. การปฏิบัติหน้าที่ 66.02"), heading("2. การใช้งบประมาณ 92.89"),
                    heading("3. การใช้อำนาจ 88.10")]
# as OCR read a score summary table at 300 dpi: its header ("0 Ae ตัวชีวัด", debris and no tone mark) taken
# for an analysis header, its rows for indicator heading rows
SUMMARY_AS_TABLE = [table([[cell("0 Ae ตัวชีวัด"), cell("คะแนน")],
                           [cell("1. การปฏิบัติหน้าที่"), cell("66.02")],
                           [cell("2. การใช้งบประมาณ"), cell("92.89")],
                           [cell("3. การใช้อำนาจ"), cell("88.10")]])]


@pytest.mark.parametrize("summary", [SUMMARY_AS_LINES, SUMMARY_AS_TABLE], ids=["lines", "table"])
def test_score_summary_read_as_headings_does_not_share_the_next_analysis(summary):
    """A score summary's rows read as headings run into indicator 1's heading: indicators
    with a table of their own below do not take indicator 1's analysis."""
    def analysis(code, score, cause):
        return table([ANALYSIS_HEADER,
                      [cell(f"{code} ข้อคำถาม"), cell(score),
                       cell("ข้อคำถามที่ได้คะแนนน้อยที่สุด :", f"{code} ข้อคำถาม", "สาเหตุเกิดจาก :", cause)]])
    items = summary + [
        heading("ตัวชี้วัดที่ 1 การปฏิบัติหน้าที่"), analysis("i1", "74.85", "สาเหตุหนึ่ง"),
        heading("ตัวชี้วัดที่ 2 การใช้งบประมาณ"), analysis("i4", "82.59", "สาเหตุสอง"),
        heading("ตัวชี้วัดที่ 3 การใช้อำนาจ"), analysis("i7", "78.95", "สาเหตุสาม")]
    content = read_report(items)
    assert [(a.indicator, a.cause) for a in content.analyses] == [
        (1, "สาเหตุหนึ่ง"), (2, "สาเหตุสอง"), (3, "สาเหตุสาม")]


def test_headings_wrapped_over_two_lines_still_share_one_analysis():
    items = [heading("ตัวชี้วัดที่ ๘ การปรับปรุงการทำงาน"),
             table([ANALYSIS_HEADER, [cell("e๗ หน่วยงานเปิดโอกาส"), cell("๘๑.๖๙"), cell("-ไม่มี")]]),
             heading("ตัวชี้วัดที่ ๙ การเปิดเผยข้อมูล และ"), heading("ตัวชี้วัดที่ ๑๐ การป้องกันการทุจริต"),
             table([ANALYSIS_HEADER,
                    [cell("๐๑ - ๐๒๘"), cell(""), cell("ข้อคำถามที่ได้คะแนนน้อยที่สุด : ๐๑๒ รายงาน",
                                                     "สาเหตุเกิดจาก :", "แผนไม่ได้ระบุงบประมาณ")]])]
    content = read_report(items)
    assert [(a.indicator, a.cause) for a in content.analyses if a.indicator >= 9] == [
        (9, "แผนไม่ได้ระบุงบประมาณ"), (10, "แผนไม่ได้ระบุงบประมาณ")]


def ocr_cell(*texts: str) -> Cell:
    return Cell((0.0, 0.0, W, 100.0), tuple(Line(t, 10.0, 200.0, i * 16, i * 16 + 14, 14.0, 60.0, ocr=True)
                                            for i, t in enumerate(texts)))


def test_references_of_a_scanned_analysis_are_read_in_its_text_without_debris_lines():
    """dev seed 234 (C-scan300): a tight line's marks, read as a line of their own (``1 จ7 x a``), stood between
    the label and its list; the guideline was written out without them, but its references were read in the raw
    text and took the ``1`` for ``o1``. The references are read in the parts as written out."""
    items = [heading("รายงานผลการวิเคราะห์ ประจำปีงบประมาณ พ.ศ. ๒๕๖๙"),
             heading("ตัวชี้วัดที่ ๒ การใช้งบประมาณ"),
             table([ANALYSIS_HEADER,
                    [ocr_cell("i5 ในหน่วยงานของท่านมีเจ้าหน้าที่"), ocr_cell("75.00"),
                     ocr_cell("ข้อคำถามที่ได้คะแนนน้อยที่สุด : i5 ในหน่วยงานของท่าน", "สาเหตุที่ได้คะแนนน้อย :",
                              "เจ้าหน้าที่บางรายเห็นว่าการจัดซื้อจัดจ้างเอื้อประโยชน์",
                              "แนวทางการยกระดับผลการประเมินฯ : จัดทำแผนการจัดซื้อจัดจ้าง (อ้างอิงจาก",
                              "1 จ7 x a", "o11 และ o12) และเผยแพร่รายงานผลการจัดซื้อจัดจ้าง")]])]
    (a,) = read_report(items).analyses
    assert a.references == ("o11", "o12")
    assert "จ7" not in a.guideline
