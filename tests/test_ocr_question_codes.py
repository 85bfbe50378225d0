"""ita_extract/report/records.py: question codes of OCR'd analysis tables under specks (issue 9).

Hand-built rows as OCR gives them: a stamp's or a signature's specks read as ``1 a '`` before the code."""
from __future__ import annotations

from ita_extract.report.records import analysis_rows
from tests.test_lowest_questions import table


def test_specks_before_a_code_on_its_line_do_not_become_the_code():
    rows = [("o26 รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน", "100.00"),
            ("1 a ' 027 มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน", "100.00"),
            ("o28 รายงานผลการดำเนินการเพื่อส่งเสริมคุณธรรม", "87.50")]
    scores, _, problems = analysis_rows(table(rows, ["ไม่มี"]), [10], 2568)
    assert [s.question for s in scores] == ["o26", "o27", "o28"]
    assert any(p.code == "question-code-corrected" for p in problems)


def test_a_code_of_the_table_read_first_is_kept_whatever_follows():
    rows = [("o26 รายงานผลการดำเนินการ 1 a", "100.00")]
    scores, _, _ = analysis_rows(table(rows, ["ไม่มี"]), [10], 2568)
    assert [s.question for s in scores] == ["o26"]


def test_a_row_without_a_code_is_left_to_its_neighbours_not_to_a_digit_among_specks():
    rows = [("o17 แนวปฏิบัติการจัดการเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ", "100.00"),
            ("- Vv - 1 aa ช่องทางแจ้งเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ", "50.00"),
            ("o19 ข้อมูลสถิติเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ", "100.00")]
    scores, _, _ = analysis_rows(table(rows, ["ไม่มี"]), [9], 2568)
    assert [s.question for s in scores] == ["o17", "o18", "o19"]


def test_a_speck_row_above_the_first_question_is_no_question():
    # a dash the page break left of the table's top border, read as a row of its own
    rows = [("-", ""),
            ("i13 ผู้บริหารสูงสุดของหน่วยงานของท่าน ให้ความสำคัญกับการแก้ไขปัญหาการทุจริต มากน้อยเพียงใด", "87.83"),
            ("i14 ท่านคิดว่าการดำเนินการเพื่อป้องกันการทุจริตของหน่วยงานของท่าน", "100.00")]
    scores, _, problems = analysis_rows(table(rows, ["ไม่มี"]), [5], 2568)
    assert [s.question for s in scores] == ["i13", "i14"]
    assert not any(p.code == "question-code-inferred" for p in problems)


def test_a_question_whose_text_ocr_lost_keeps_its_row_when_it_has_a_score_or_a_code():
    rows = [("i13 ผู้บริหารสูงสุดของหน่วยงานของท่าน ให้ความสำคัญกับการแก้ไขปัญหาการทุจริต มากน้อยเพียงใด", "87.83"),
            ("-", "100.00"),
            ("i15", "")]
    scores, _, _ = analysis_rows(table(rows, ["ไม่มี"]), [5], 2568)
    assert [s.question for s in scores] == ["i13", "i14", "i15"]


def test_a_question_a_streak_moved_into_a_column_the_header_names_none_of_keeps_its_row():
    from ita_extract.report.sections import IndicatorTable
    from tests.test_lowest_questions import ocr_cell

    # a toner streak drew a ruling through the question column: columns 0-1 hold the question
    rows = [[ocr_cell("o2 ข้อมูลผู้บริหาร"), None, ocr_cell("50.00"), ocr_cell("ไม่มี")],
            [None, ocr_cell("o3 ข้อมูลการติดต่อและช่องทางการสอบถาม"), ocr_cell("100.00"), None],
            [ocr_cell("o4 ข่าว"), ocr_cell("ประชาสัมพันธ์"), ocr_cell("100.00"), None]]
    t = IndicatorTable(kind="analysis", headings=[], heading_text="", heading_page=1,
                       columns={"question": 0, "score": 2, "analysis": 3}, page=1, rows=rows, row_pages=[1] * 3)
    scores, _, _ = analysis_rows(t, [9], 2568)
    assert [(s.question, s.score) for s in scores] == [("o2", 50.0), ("o3", 100.0), ("o4", 100.0)]
    assert scores[2].question_text.startswith("ข่าว") and "ประชาสัมพันธ์" in scores[2].question_text


def test_a_capital_i_read_as_one_is_mended_when_the_question_stands_in_the_code_column():
    """dev seed 185 (B-scan300, page 2): a signature's strokes drew a false column into the table, the header's
    question cell moved one column right, and the rows' text stood in the column left of it, taken for the code's
    (the question's own cell empty). The code and question were then taken as not read by OCR, and ``I14`` read as
    ``114`` stayed ``i114``: whichever of the two cells OCR read, a capital I read as 1 is mended."""
    from ita_extract.report.sections import IndicatorTable
    from tests.test_lowest_questions import ocr_cell

    rows = [[ocr_cell("[13 ผู้บริหารสูงสุดของหน่วยงานของท่าน ให้ความสำคัญกับการแก้ไขปัญหาการทุจริต"), None, ocr_cell("90.88"),
             ocr_cell("ข้อคำถามที่ได้คะแนนน้อยที่สุด คือ: 115")],
            [ocr_cell("114 ท่านคิดว่าการดำเนินการเพื่อป้องกันการทุจริตของหน่วยงานของท่าน"), None, ocr_cell("83.25"), None],
            [ocr_cell("115 ท่านเชื่อมั่นในกระบวนการจัดการเรื่องร้องเรียนการทุจริต"), None, ocr_cell("83.18"), None]]
    t = IndicatorTable(kind="analysis", headings=[], heading_text="", heading_page=2,
                       columns={"code": 0, "question": 1, "score": 2, "analysis": 3}, page=2, rows=rows,
                       row_pages=[2] * 3)
    scores, analyses, problems = analysis_rows(t, [5], 2567)
    assert [s.question for s in scores] == ["i13", "i14", "i15"]
    assert sum(p.code == "question-code-corrected" for p in problems) == 2
    assert analyses[0].lowest_questions == ("i15",)
