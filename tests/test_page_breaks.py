"""Tables and rows a page break split, joined back whatever the break (issue 8).

Hand-built page items: a measures or analysis table whose second piece
starts on the next page, with or without its header repeated, its first
row the rest of the last row before the break.
"""
from __future__ import annotations

import dataclasses

from extract.text.layout import Cell, Table, TextLine
from extract.text.layer import Line
from ita_extract.report.document import read_report

W = 500.0


def line(text: str, top: float = 0.0) -> Line:
    return Line(text, 10.0, 200.0, top, top + 14, 14.0, 60.0)


def cell(*texts: str) -> Cell:
    """A cell its text fills: its last line at its bottom."""
    return Cell((0.0, 0.0, W, 16.0 * max(len(texts), 1)), tuple(line(t, i * 16.0) for i, t in enumerate(texts)))


def empty() -> Cell:
    return Cell((0.0, 0.0, W, 100.0), ())


def heading(text: str, page: int = 1) -> TextLine:
    return TextLine(page, line(text))


def table(rows, page=1, width=W):
    return Table(page=page, bbox=(0, 0, width, 300), rows=rows, row_pages=[page] * len(rows))


HEADER = [cell("มาตรการ/โครงการ/กิจกรรม"), cell("ผลการวิเคราะห์"), cell("ขั้นตอนการดำเนินการ"),
          cell("ระยะเวลาดำเนินการ"), cell("ผู้รับผิดชอบ")]
NUMBERED_HEADER = [cell("ที่"), *HEADER]


def _row(measure, steps, period="ต.ค. 2568 - ก.ย. 2569", resp="กองคลัง", finding="ผล"):
    return [cell(measure) if measure else empty(), cell(finding) if finding else empty(),
            cell(steps) if steps else empty(), cell(period) if period else empty(), cell(resp) if resp else empty()]


def test_split_row_whose_every_cell_runs_over_is_glued_when_its_key_cell_is_empty():
    # the first row on page 2 fills a cell the part before the break left empty
    # (its text sat lower in the cell), but not the measure: it goes on with the row before
    items = [heading("ตัวชี้วัดที่ 2 การใช้งบประมาณ"),
             table([HEADER, _row("จัดทำแผนจัดซื้อ", "ขั้นแรก", resp=None)], page=1),
             table([_row(None, "ขั้นที่สอง", period="ถึง ก.ย. 2569", resp="และกองช่าง", finding="ต่อ"),
                    _row("เผยแพร่รายงาน", "ขั้นเดียว")], page=2)]
    content = read_report(items)
    assert [m.seq for m in content.measures] == [1, 2]
    assert content.measures[1].measure == "เผยแพร่รายงาน"
    assert "ขั้นที่สอง" in content.measures[0].steps


def test_split_row_with_a_numbered_column_and_a_repeated_header():
    def numbered(no, measure, steps):
        return [cell(no) if no else empty(), *_row(measure, steps)]
    items = [heading("ตัวชี้วัดที่ 6 คุณภาพการดำเนินงาน"),
             table([NUMBERED_HEADER, numbered("1", "มาตรการหนึ่ง", "ขั้นแรก")], page=3),
             table([NUMBERED_HEADER, numbered(None, "ของมาตรการหนึ่ง", "ขั้นที่สอง"),
                    numbered("2", "มาตรการสอง", "ขั้นเดียว")], page=4)]
    content = read_report(items)
    assert [(m.seq, "".join(m.measure.split())) for m in content.measures] == [
        (1, "มาตรการหนึ่งของมาตรการหนึ่ง"), (2, "มาตรการสอง")]


def test_a_table_after_a_paragraph_is_not_the_previous_table_going_on():
    paragraph = [heading(f"ข้อความบรรยายบรรทัดที่ {i}", page=2) for i in range(5)]
    items = [heading("ตัวชี้วัดที่ 1 การปฏิบัติหน้าที่"),
             table([HEADER, _row("มาตรการหนึ่ง", "ขั้นแรก")], page=1),
             *paragraph,
             table([[cell("สรุป"), cell("ก"), cell("ข"), cell("ค"), cell("ง")]], page=2)]
    content = read_report(items)
    assert [m.seq for m in content.measures] == [1]
    assert "table-unrecognized" in {p.code for p in content.problems}


def test_a_narrower_table_on_the_next_page_is_another_table():
    items = [heading("ตัวชี้วัดที่ 1 การปฏิบัติหน้าที่"),
             table([HEADER, _row("มาตรการหนึ่ง", "ขั้นแรก")], page=1),
             table([[cell("ก"), cell("ข"), cell("ค"), cell("ง"), cell("จ")]], page=2, width=W * 0.6)]
    content = read_report(items)
    assert [m.seq for m in content.measures] == [1]


def test_header_alone_at_a_page_bottom_and_rows_on_the_next_page():
    items = [heading("ตัวชี้วัดที่ 1 การปฏิบัติหน้าที่"),
             table([HEADER], page=1),
             table([_row("มาตรการหนึ่ง", "ขั้นแรก"), _row("มาตรการสอง", "ขั้นสอง")], page=2)]
    content = read_report(items)
    assert [(m.seq, m.page) for m in content.measures] == [(1, 2), (2, 2)]


def test_analysis_merged_cell_split_mid_paragraph_reads_as_one_paragraph():
    analysis_header = [cell("ประเด็นข้อคำถาม"), cell("คะแนน"), cell("การวิเคราะห์ผลการประเมิน")]
    first = Cell((0.0, 0.0, W, 100.0), (
        Line("ข้อคำถามที่ได้คะแนนน้อยที่สุด : i2 การให้บริการ", 10.0, 400.0, 0, 14, 14.0, 60.0),
        Line("สาเหตุ : เจ้าหน้าที่บางรายให้บริการไม่เท่า", 10.0, W - 4, 16, 30, 14.0, 60.0)))
    rest = Cell((0.0, 0.0, W, 100.0), (Line("เทียมกัน", 10.0, 80.0, 0, 14, 14.0, 60.0),))
    items = [heading("ตัวชี้วัดที่ 1 การปฏิบัติหน้าที่"),
             table([analysis_header, [cell("i1 การปฏิบัติงาน"), cell("95.00"), first],
                    [cell("i2 การให้บริการ"), cell("90.00"), None]], page=1),
             table([[cell("i3 การเรียกรับสินบน"), cell("100"), rest]], page=2)]
    (a,) = read_report(items).analyses
    assert a.cause == "เจ้าหน้าที่บางรายให้บริการไม่เท่าเทียมกัน"


def _boxed(text: str, x0: float, x1: float) -> Cell:
    return Cell((x0, 0.0, x1, 100.0), (Line(text, x0 + 2, x0 + 60, 0, 14, 14.0, 40.0),))


def test_a_piece_with_only_some_of_the_columns_continues_the_table():
    # the analysis column (merged cell) is not drawn on the next page: two columns of three
    header = [_boxed("ประเด็นข้อคำถาม", 0, 200), _boxed("คะแนน", 200, 250), _boxed("การวิเคราะห์", 250, 500)]
    first = [_boxed("i1 ข้อหนึ่ง", 0, 200), _boxed("95.00", 200, 250),
             _boxed("ข้อคำถามที่ได้คะแนนน้อยที่สุด : i2", 250, 500)]
    items = [heading("ตัวชี้วัดที่ 1 การปฏิบัติหน้าที่"),
             table([header, first], page=1),
             table([[_boxed("i2 ข้อสอง", 0, 200), _boxed("90.00", 200, 250)],
                    [_boxed("i3 ข้อสาม", 0, 200), _boxed("99.00", 200, 250)]], page=2, width=250)]
    content = read_report(items)
    assert [(s.question, s.score) for s in content.scores] == [("i1", 95.0), ("i2", 90.0), ("i3", 99.0)]
    assert content.analyses[0].lowest_questions == ("i2",)


def test_a_vertically_merged_cell_gives_its_text_to_every_row_it_spans():
    items = [heading("ตัวชี้วัดที่ 7 ประสิทธิภาพการสื่อสาร"),
             table([HEADER,
                    _row("มาตรการหนึ่ง", "ขั้นหนึ่ง", period="ตลอดปีงบประมาณ 2568", resp="กองคลัง"),
                    [cell("มาตรการสอง"), cell("ผล"), cell("ขั้นสอง"), None, None]], page=1)]
    m = read_report(items).measures
    assert [(x.period_text, x.responsible) for x in m] == [("ตลอดปีงบประมาณ 2568", "กองคลัง")] * 2


def test_an_empty_analysis_column_still_gives_the_indicator_its_row():
    analysis_header = [cell("ประเด็นข้อคำถาม"), cell("คะแนน"), cell("การวิเคราะห์ผลการประเมิน")]
    items = [heading("ตัวชี้วัดที่ 3 การใช้อำนาจ"),
             table([analysis_header, [cell("i7 ข้อเจ็ด"), cell("100"), empty()]], page=1)]
    (a,) = read_report(items).analyses
    assert (a.indicator, a.lowest_questions, a.cause, a.guideline) == (3, (), None, None)


def test_a_period_cut_in_two_by_the_break_glues_its_row_whatever_else_is_filled():
    items = [heading("ตัวชี้วัดที่ 5 การแก้ไขปัญหาการทุจริต"),
             table([HEADER, _row("1.ประกาศนโยบาย", "-จัดอบรมปีละ 1", period="1 ตุลาคม 2566")], page=1),
             table([_row("No Gift Policy", "ครั้ง", period="- 30 กันยายน 2567", resp="กองกลาง", finding="ต่อ")], page=2)]
    (m,) = read_report(items).measures
    assert (str(m.period_start), str(m.period_end)) == ("2023-10-01", "2024-09-30")


def test_a_header_row_split_by_the_break_is_read_whole_and_maps_its_columns():
    # LibreOffice splits a header row too: its first words at a page's bottom, the rest on the
    # next page; the columns are in another order (responsible before period), which only the
    # whole header tells
    top = [cell("มาตรการ"), cell("ผลการ"), cell("ขั้นตอนหรือวิธีการ"), cell("ผู้รับผิดชอบ"), cell("ช่วงระยะ")]
    rest = [cell("โครงการหรือกิจกรรม"), cell("วิเคราะห์ตัวชี้วัด"), cell("ปฏิบัติ"), empty(), cell("เวลาในการดำเนินการ")]
    row = [cell("ประชาสัมพันธ์ผ่านหอกระจายข่าว"), cell("ผล"), cell("ส่งข่าวสาร"), cell("ทุกส่วนราชการ"),
           cell("ปีงบประมาณ 2570")]
    items = [heading("ตัวชี้วัดที่ 7 ประสิทธิภาพการสื่อสาร"), table([top], page=6), table([rest, row], page=7)]
    (m,) = read_report(items).measures
    assert (m.seq, m.measure, m.responsible, m.period_text) == (
        1, "ประชาสัมพันธ์ผ่านหอกระจายข่าว", "ทุกส่วนราชการ", "ปีงบประมาณ 2570")
    assert str(m.period_start) == "2026-10-01"


def test_a_first_row_without_header_words_is_no_header_rest():
    from ita_extract.report.sections import MEASURES, header_rest
    header = [cell("มาตรการ"), cell("ผลการ"), cell("ขั้นตอนหรือวิธีการ"), cell("ผู้รับผิดชอบ"), cell("ช่วงระยะ")]
    assert not header_rest(MEASURES, header, _row("จัดอบรม", "ขั้นแรก", period="ตามความเหมาะสม"))
    assert not header_rest(MEASURES, header, [cell("โครงการหรือกิจกรรม"), empty(), empty(), empty(), cell("ต.ค. 2568")])


def test_a_long_table_goes_on_after_an_indicator_row_at_the_page_bottom():
    # one measures table for every indicator, its sub-heading row the last of page 6 and no
    # header repeated on page 7: the rows of page 7 are that indicator's
    items = [heading("การกำหนดมาตรการ"),
             table([HEADER, [cell("ตัวชี้วัดที่ 3 การใช้อำนาจ"), empty(), empty(), empty(), empty()],
                    _row("มาตรการสาม", "ขั้นสาม"),
                    [cell("ตัวชี้วัดที่ 4 การใช้ทรัพย์สินของราชการ"), empty(), empty(), empty(), empty()]], page=6),
             table([_row("มาตรการสี่", "ขั้นสี่"), _row("มาตรการสี่ข้อสอง", "ขั้นสี่สอง"),
                    [cell("ตัวชี้วัดที่ 5 การแก้ไขปัญหาการทุจริต"), empty(), empty(), empty(), empty()],
                    _row("มาตรการห้า", "ขั้นห้า")], page=7)]
    content = read_report(items)
    assert [(m.indicator, m.seq, m.measure) for m in content.measures] == [
        (3, 1, "มาตรการสาม"), (4, 1, "มาตรการสี่"), (4, 2, "มาตรการสี่ข้อสอง"), (5, 1, "มาตรการห้า")]
    assert "table-unrecognized" not in {p.code for p in content.problems}


def test_a_row_whose_every_cell_runs_over_is_glued_when_its_period_stops_inside_the_range():
    # every cell goes on after the break, the measure too: only the period, "ต.ค. 65 – ก.ย."
    # with its year on the next page, shows the cut
    items = [heading("ตัวชี้วัดที่ 9 การเปิดเผยข้อมูล"),
             table([HEADER, _row("ปรับปรุงเว็บไซต์", "มอบหมายผู้รับผิดชอบเผย", period="ต.ค. 65 – ก.ย.",
                                 resp="หน่วยตรวจ", finding="ไม่ได้จัดทำรายงาน")], page=12),
             table([_row("หลักของหน่วยงาน", "แพร่ข้อมูลแต่ละรายการ", period="66", resp="สอบภายใน",
                         finding="การรับของขวัญ"),
                    _row("เผยแพร่แผนดำเนินงาน", "ตรวจทาน", period="ต.ค. 64-ก.ย. 65")], page=13)]
    m = read_report(items).measures
    assert [x.seq for x in m] == [1, 2]
    assert "".join(m[0].measure.split()) == "ปรับปรุงเว็บไซต์หลักของหน่วยงาน"
    assert (str(m[0].period_start), str(m[0].period_end)) == ("2022-10-01", "2023-09-30")


def test_a_row_whose_every_cell_runs_over_is_glued_when_a_numbered_item_goes_on():
    items = [heading("ตัวชี้วัดที่ 7 ประสิทธิภาพการสื่อสาร"),
             table([HEADER, _row("1.ประชาสัมพันธ์", "จัดทำสื่อ", period="ตลอดปีงบประมาณ 2566", resp="หน่วยตรวจ")],
                   page=11),
             table([_row("ผ่านหอกระจายข่าว 2.ส่งเสริมการสื่อสาร", "อินโฟกราฟิก", period="ตลอดปีงบประมาณ 2566",
                         resp="สอบภายใน"),
                    _row("2.จัดทำคู่มือ", "ขั้นเดียว")], page=12)]
    m = read_report(items).measures
    assert [x.seq for x in m] == [1, 2]
    assert m[1].measure == "2.จัดทำคู่มือ"  # a cell opening with the next number is a new row


def test_a_new_row_under_a_merged_cell_carried_over_is_not_glued_to_a_complete_row():
    # page 10's row is complete: its measure ended high in the row; on page 11 a new measure,
    # its period the empty rest of a merged cell the break carried over
    tall = Cell((0.0, 0.0, W, 96.0), tuple(line(f"ขั้นที่ {i}", i * 16.0) for i in range(1, 7)))
    items = [heading("ตัวชี้วัดที่ 2 การใช้งบประมาณ"),
             table([HEADER, [cell("เผยแพร่ข้อมูลการจัดซื้อจัดจ้าง"), cell("ผล"), tall, cell("ต.ค. 2565 – ก.ย. 2566"),
                             cell("กองแผนงาน")]], page=10),
             table([[cell("ชี้แจงแผนการใช้จ่ายงบประมาณ"), cell("ผล"), cell("ชี้แจงขั้นตอน"), empty(),
                     cell("ศูนย์เทคโนโลยีสารสนเทศ")]], page=11)]
    m = read_report(items).measures
    assert [(x.seq, x.measure, x.responsible) for x in m] == [
        (1, "เผยแพร่ข้อมูลการจัดซื้อจัดจ้าง", "กองแผนงาน"), (2, "ชี้แจงแผนการใช้จ่ายงบประมาณ", "ศูนย์เทคโนโลยีสารสนเทศ")]


def test_a_merged_cell_the_break_carried_over_to_one_last_row_keeps_its_text():
    # the period and the unit are merged over both measures; the second measure alone is on
    # page 11, under the empty rest of those merged cells
    items = [heading("ตัวชี้วัดที่ 8 การปรับปรุงการทำงาน"),
             table([HEADER, [cell("มาตรการหนึ่ง"), cell("ผล"), cell("ขั้นหนึ่ง", "ขั้นสอง", "ขั้นสาม"),
                             cell("ตุลาคม 2565 – กันยายน 2566"), cell("กองคลัง")]], page=10),
             table([_row("มาตรการสอง", "ขั้นสอง", period=None, resp=None)], page=11)]
    m = read_report(items).measures
    assert [(x.seq, x.period_text, x.responsible) for x in m] == [
        (1, "ตุลาคม 2565 – กันยายน 2566", "กองคลัง"), (2, "ตุลาคม 2565 – กันยายน 2566", "กองคลัง")]


def test_a_merged_period_still_reaches_a_row_the_break_split():
    # the period cell spans rows 1 and 2; row 2 goes on over the break, where the
    # merged cell's rest is drawn empty: row 2 keeps the merged period
    items = [heading("ตัวชี้วัดที่ 4 การใช้ทรัพย์สินของราชการ"),
             table([HEADER,
                    _row("กำกับการใช้ทรัพย์สิน", "1.ตรวจสอบทุกไตรมาส", period="ต.ค. 2566 ถึง ก.ย. 2567"),
                    [cell("ทะเบียนคุมการยืม"), cell("เจ้าหน้าที่บางราย"), cell("1.ตรวจสอบทุกเดือน"), None,
                     cell("กองคลัง")]], page=7),
             table([[empty(), cell("ขาดการกำกับดูแล"), empty(), empty(), empty()]], page=8)]
    m = read_report(items).measures
    assert [x.period_text for x in m] == ["ต.ค. 2566 ถึง ก.ย. 2567"] * 2
    assert "".join(m[1].finding.split()) == "เจ้าหน้าที่บางรายขาดการกำกับดูแล"


ANALYSIS_HEADER = [cell("ประเด็นข้อคำถาม"), cell("คะแนน"), cell("การวิเคราะห์ผลการประเมิน")]


def test_a_question_row_whose_score_wrapped_over_the_break_is_one_row():
    # a letter-spaced score "๙ ๓.๗๗" wrapped in its narrow column: "๙" at the page's
    # bottom, "๓.๗๗" at the next page's top beside the question's rest (no code)
    items = [heading("ตัวชี้วัดที่ 2 การใช้งบประมาณ"),
             table([ANALYSIS_HEADER, [cell("i4 หน่วยงานของท่าน ใช้จ่ายงบประมาณ"), cell("100"), cell("-ไม่มี")],
                    [cell("i5 ในหน่วยงานของท่านมีเจ้าหน้าที่"), cell("๙"), None]], page=1),
             table([[cell("เบิกจ่ายเงินเป็นเท็จ"), cell("๓.๗๗"), empty()],
                    [cell("i6 หน่วยงานของท่าน มีการจัดซื้อจัดจ้าง"), cell("๙", "๓.๗๗"), empty()]],
                   page=2)]
    content = read_report(items)
    assert [(s.question, s.score) for s in content.scores] == [("i4", 100.0), ("i5", 93.77), ("i6", 93.77)]


def test_a_question_row_whose_code_ocr_garbled_is_no_rest_when_the_score_before_is_whole():
    # the score before runs to its row's bottom but is a whole score (81.98): the row after the break,
    # its code garbled ("อ9'"), is the next question with its own score, not the rest of a wrapped one
    items = [heading("ตัวชี้วัดที่ 7 ประสิทธิภาพการสื่อสาร"),
             table([ANALYSIS_HEADER, [cell("e4 หน่วยงานมีช่องทางการเผยแพร่ข้อมูล"), cell("79.43"), cell("-ไม่มี")],
                    [cell("e5 หน่วยงานมีการประชาสัมพันธ์ข้อมูลข่าวสาร"), cell("81.98"), None]], page=1),
             table([[cell("อ9'เจ้าหน้าที่สามารถสื่อสาร ตอบข้อซักถาม"), cell("85.11"), empty()]], page=2)]
    content = read_report(items)
    assert [s.score for s in content.scores] == [79.43, 81.98, 85.11]


def test_a_question_row_without_a_code_but_with_a_score_is_no_rest_when_the_score_before_ended():
    # the score before ended above its row's bottom: the row after the break is no rest of it
    short_score = Cell((0.0, 0.0, W, 64.0), (line("95.00", 0.0),))
    items = [heading("ตัวชี้วัดที่ 1 การปฏิบัติหน้าที่"),
             table([ANALYSIS_HEADER, [cell("i1 การปฏิบัติงาน", "ตามขั้นตอน", "และระยะเวลา", "มากน้อยเพียงใด"),
                                      short_score, cell("-ไม่มี")]], page=1),
             table([[cell("การให้บริการ"), cell("90.00"), empty()]], page=2)]
    content = read_report(items)
    assert content.scores[0].score == 95.0
    assert "การให้บริการ" not in content.scores[0].question_text


def test_merged_cells_that_start_on_an_indicator_row_of_a_long_table_reach_its_measures():
    # Chromium: the period and responsible cells (rowspan) are drawn from the
    # indicator's sub-heading row down; the measures below hold None there
    items = [table([HEADER,
                    [cell("ตัวชี้วัดที่ 7 ประสิทธิภาพการสื่อสาร"), empty(), empty(), cell("ตามความเหมาะสม"),
                     cell("กองยุทธศาสตร์และงบประมาณ")],
                    [cell("เปิดช่องทางถาม-ตอบ"), cell("ผล"), cell("ขั้นหนึ่ง"), None, None],
                    [cell("ประชาสัมพันธ์ผ่านหอกระจายข่าว"), cell("ผล"), cell("ขั้นสอง"), None, None],
                    [cell("ตัวชี้วัดที่ 8 การปรับปรุงการทำงาน"), empty(), empty(), empty(), empty()],
                    _row("ขยายบริการ E-Service", "ขั้นเดียว", period="ต.ค. 2568 - ก.ย. 2569", resp="กองคลัง")],
                   page=6)]
    m = read_report(items).measures
    assert [(x.indicator, x.period_text, x.responsible) for x in m] == [
        (7, "ตามความเหมาะสม", "กองยุทธศาสตร์และงบประมาณ"), (7, "ตามความเหมาะสม", "กองยุทธศาสตร์และงบประมาณ"),
        (8, "ต.ค. 2568 - ก.ย. 2569", "กองคลัง")]


def _full(*texts: str, right: float = 100.0, room: float = 20.0) -> Cell:
    """A cell of a narrow column its text fills: its last line ends ``room`` points short of its right edge."""
    lines = tuple(Line(t, 2.0, right - room, i * 16.0, i * 16.0 + 14, 14.0, 40.0) for i, t in enumerate(texts))
    return Cell((0.0, 0.0, right, 16.0 * len(texts)), lines)


def test_a_row_whose_every_cell_goes_on_and_ends_on_full_lines_is_glued():
    # LibreOffice: only the row's first line fits at the page's bottom; every cell goes on
    # on the next page, with no period range or numbered item cut to tell it
    before = [_full("ปรับปรุงเว็บไซต์หลัก"), _full("รายงานผลการ"), _full("ให้เข้าถึงได้"), _full("ตลอด"),
              _full("กลุ่มงานพัฒนา")]
    after = [_full("ของหน่วยงาน", room=60.0), _full("ดำเนินงานขาดรายละเอียด", room=40.0),
             _full("ตลอดเวลา", room=70.0), _full("ปีงบประมาณ 2566", room=30.0), _full("คุณภาพ", room=70.0)]
    items = [heading("ตัวชี้วัดที่ 9 การเปิดเผยข้อมูล"), table([HEADER, before], page=3),
             table([after, _row("เผยแพร่แผนดำเนินงาน", "ตรวจทาน")], page=4)]
    m = read_report(items).measures
    assert [x.seq for x in m] == [1, 2]
    assert "".join(m[0].measure.split()) == "ปรับปรุงเว็บไซต์หลักของหน่วยงาน"
    assert m[0].period_text == "ตลอดปีงบประมาณ 2566"


def test_a_complete_row_at_a_page_bottom_whose_cells_end_with_room_is_not_glued():
    # the same, but a cell of the row before ends its paragraph with room left: a new row follows
    before = [_full("ปรับปรุงเว็บไซต์หลัก"), _full("รายงานผลการ"), _full("ให้เข้าถึงได้"),
              _full("ตลอดปีงบประมาณ 2566", room=70.0), _full("กลุ่มงานพัฒนา")]
    after = [_full("จัดทำคู่มือ", room=60.0), _full("ดำเนินงานขาดรายละเอียด", room=40.0),
             _full("ตลอดเวลา", room=70.0), _full("ปีงบประมาณ 2566", room=30.0), _full("คุณภาพ", room=70.0)]
    items = [heading("ตัวชี้วัดที่ 9 การเปิดเผยข้อมูล"), table([HEADER, before], page=3), table([after], page=4)]
    assert [x.measure for x in read_report(items).measures] == ["ปรับปรุงเว็บไซต์หลัก", "จัดทำคู่มือ"]


def test_a_header_cut_by_the_break_whose_rest_names_no_new_field_is_the_document_s_header_again():
    # the break cut "มาตรการ โครงการ" / "หรือกิจกรรม": the rest adds no field keyword, but
    # with it the header reads as the one the document printed whole before
    full = [cell("มาตรการ โครงการ หรือกิจกรรม"), cell("ผลการวิเคราะห์ตัวชี้วัด"), cell("ขั้นตอนการดำเนินการ"),
            cell("ช่วงระยะเวลาในการดำเนินการ"), cell("ผู้รับผิดชอบ")]
    cut = [cell("มาตรการ โครงการ"), cell("ผลการวิเคราะห์ตัว"), cell("ขั้นตอนการดำเนินการ"),
           cell("ช่วงระยะเวลาใน"), cell("ผู้รับผิดชอบ")]
    rest = [cell("หรือกิจกรรม"), cell("ชี้วัด"), empty(), cell("การดำเนินการ"), empty()]
    items = [heading("ตัวชี้วัดที่ 7 ประสิทธิภาพการสื่อสาร"), table([full, _row("จัดทำสื่อ", "เผยแพร่")], page=6),
             heading("ตัวชี้วัดที่ 9 การเปิดเผยข้อมูล", page=6), table([cut], page=6),
             table([rest, _row("ปรับปรุงเว็บไซต์", "มอบหมายผู้รับผิดชอบ")], page=7)]
    m = [x for x in read_report(items).measures if x.indicator == 9]
    assert [(x.seq, x.measure) for x in m] == [(1, "ปรับปรุงเว็บไซต์")]


def test_an_indicator_row_opening_a_page_of_a_long_table_is_no_rest_of_the_row_before():
    # under the repeated header, the sub-heading row fills only the measure column: it is the
    # next indicator's start, not the part of the last measure that a break carried over
    items = [heading("การกำหนดมาตรการ"),
             table([HEADER, [cell("ตัวชี้วัดที่ 8 การปรับปรุงการทำงาน"), empty(), empty(), empty(), empty()],
                    _row("ขยายบริการ E-Service", "จัดเวทีรับฟัง")], page=6),
             table([HEADER, [cell("ตัวชี้วัดที่ 9 การเปิดเผยข้อมูล"), empty(), empty(), empty(), empty()],
                    _row("ตรวจทานข้อมูลก่อนส่งตรวจ", "เผยแพร่ข้อมูล")], page=7)]
    content = read_report(items)
    assert [(m.indicator, m.seq, m.measure) for m in content.measures] == [
        (8, 1, "ขยายบริการ E-Service"), (9, 1, "ตรวจทานข้อมูลก่อนส่งตรวจ")]


def test_a_piece_of_some_columns_on_a_scanned_page_shifted_on_the_glass_continues_the_table():
    """Issue 9: the next page of a scan lies a few points to the left; the piece's columns are the table's
    first two all the same (its analysis column, a merged cell, drawn without rulings)."""
    header = [_boxed("ประเด็นข้อคำถาม", 54, 281), _boxed("คะแนน", 282, 327), _boxed("การวิเคราะห์", 329, 550)]
    first = [_boxed("i1 ข้อหนึ่ง", 54, 281), _boxed("95.00", 282, 327),
             _boxed("ข้อคำถามที่ได้คะแนนน้อยที่สุด : i2", 329, 550)]
    items = [heading("ตัวชี้วัดที่ 1 การปฏิบัติหน้าที่"),
             Table(page=1, bbox=(54, 0, 550, 300), rows=[header, first], row_pages=[1, 1]),
             Table(page=2, bbox=(48, 0, 322, 300), rows=[[_boxed("i2 ข้อสอง", 48, 275), _boxed("90.00", 276, 322)]],
                   row_pages=[2])]
    content = read_report(items)
    assert [(s.question, s.score) for s in content.scores] == [("i1", 95.0), ("i2", 90.0)]


def test_a_cell_s_rest_run_under_the_repeated_header_goes_to_the_row_before():
    # a browser repeats the header at the next page's top; the analysis cell's rest
    # runs below it without a ruling, so its lines join the header's analysis cell
    first = Cell((0.0, 0.0, W, 100.0), (
        Line("ข้อคำถามที่ได้คะแนนน้อยที่สุด : i2 การให้บริการ", 10.0, 400.0, 0, 14, 14.0, 60.0),
        Line("สาเหตุ : เจ้าหน้าที่บางราย", 10.0, 400.0, 16, 30, 14.0, 60.0),
        Line("แนวทางการพัฒนา : ควรปรับปรุงขั้นตอนการ", 10.0, W - 4, 32, 46, 14.0, 60.0)))
    header_again = [cell("ประเด็นข้อคำถาม"), cell("ผล", "คะแนน"),
                    cell("การวิเคราะห์ผลการประเมิน", "ขออนุญาตยืมทรัพย์สินให้สะดวก")]
    items = [heading("ตัวชี้วัดที่ 4 การใช้ทรัพย์สินของราชการ"),
             table([[cell("ประเด็นข้อคำถาม"), cell("ผล", "คะแนน"), cell("การวิเคราะห์ผลการประเมิน")],
                    [cell("i1 การปฏิบัติงาน"), cell("95.00"), first],
                    [cell("i2 การให้บริการ"), cell("90.00"), None]], page=1),
             table([header_again], page=2),
             heading("ตัวชี้วัดที่ 5 การแก้ไขปัญหาการทุจริต", page=2),
             table([[cell("ประเด็นข้อคำถาม"), cell("ผล", "คะแนน"), cell("การวิเคราะห์ผลการประเมิน")],
                    [cell("i3 ผู้บริหาร"), cell("80.00"), cell("-ไม่มี")]], page=2)]
    content = read_report(items)
    assert [(s.indicator, s.question) for s in content.scores] == [(4, "i1"), (4, "i2"), (5, "i3")]
    a = next(a for a in content.analyses if a.indicator == 4)
    assert a.guideline == "ควรปรับปรุงขั้นตอนการขออนุญาตยืมทรัพย์สินให้สะดวก"


def test_a_shifted_piece_continues_a_table_whose_fullest_row_has_a_merged_cell():
    """Issue 9 (dev seed 17 at 150 dpi): a stroke cut a false column into the table on one page, and the
    question cells span it; the next page, shifted on the glass, has the three true columns. Its score
    goes to the table's score slot, not to the false column's, and its analysis to the analysis slot."""
    def q(text):  # a question cell merged over the false column
        return _boxed(text, 47, 364)
    header = [q("ประเด็นข้อคำถาม"), None, _boxed("คะแนน", 367, 409), _boxed("การวิเคราะห์", 412, 543)]
    first = [q("o1 โครงสร้าง"), None, _boxed("100.00", 367, 409),
             _boxed("ข้อคำถามที่ได้คะแนนน้อยที่สุด : o2", 412, 543)]
    items = [heading("ตัวชี้วัดที่ 9 การเปิดเผยข้อมูล"),
             Table(page=3, bbox=(47, 0, 543, 300), rows=[header, first, [q("o2 ข้อมูลผู้บริหาร"), None,
                                                                       _boxed("0.00", 367, 409), None]],
                   row_pages=[3, 3, 3]),
             Table(page=4, bbox=(55, 0, 551, 300),
                   rows=[[_boxed("ประเด็นข้อคำถาม", 55, 373), _boxed("คะแนน", 375, 417),
                          _boxed("การวิเคราะห์", 419, 551)],
                         [_boxed("o3 อำนาจหน้าที่", 55, 373), _boxed("87.50", 375, 417),
                          _boxed("แนวทางการพัฒนา : เผยแพร่แผน", 419, 551)]],
                   row_pages=[4, 4])]
    content = read_report(items)
    assert [(s.question, s.score) for s in content.scores] == [("o1", 100.0), ("o2", 0.0), ("o3", 87.5)]
    assert "score-unreadable" not in {p.code for p in content.problems}
    assert content.analyses[0].guideline == "เผยแพร่แผน"


def test_a_header_whose_labels_stand_at_two_heights_on_the_next_page_is_no_text_of_the_row_before():
    """Issue 9 (dev seed 17, phone photo): on the bent page the analysis column's label sits a row above
    the others; that row is the header's, not the rest of the analysis cell before the break."""
    header = [cell("ประเด็นข้อคำถาม"), cell("ผลคะแนน"), cell("การวิเคราะห์ผลการประเมิน")]
    analysis = Cell((0.0, 0.0, W, 100.0), (
        Line("ข้อคำถามที่ได้คะแนนน้อยที่สุด : o2", 10.0, 300.0, 0, 14, 14.0, 60.0),
        Line("แนวทางการพัฒนา : เผยแพร่ข้อมูล", 10.0, 300.0, 16, 30, 14.0, 60.0)))
    items = [heading("ตัวชี้วัดที่ 9 การเปิดเผยข้อมูล"),
             table([header, [cell("o1 โครงสร้าง"), cell("100.00"), analysis]], page=1),
             table([[None, None, cell("การวิเคราะห์ผลการประเมิน")],
                    [cell("ประเด็นข้อคำถาม"), cell("ผลคะแนน"), None],
                    [cell("o2 ข้อมูลผู้บริหาร"), cell("50.00"), empty()]], page=2)]
    content = read_report(items)
    assert [(s.question, s.score) for s in content.scores] == [("o1", 100.0), ("o2", 50.0)]
    assert content.analyses[0].guideline == "เผยแพร่ข้อมูล"


def test_specks_above_a_repeated_header_do_not_take_the_rest_of_the_split_row():
    # issue 9: dust on page 2's top rule was read as a row ("IX") above the repeated header; it took the
    # place of the split row's rest, which then stood as a measure of its own, and the header below
    # a row opened a new table: every measure after it shifted by one
    specks = [empty(), empty(), cell("IX"), empty(), empty()]
    items = [heading("ตัวชี้วัดที่ 5 การแก้ไขปัญหาการทุจริต"),
             table([HEADER, _row("ทบทวนช่องทางการร้องเรียน", "ประกาศเจตจำนง", finding="ท่านคิดว่าการดำเนินการ")],
                   page=1),
             table([specks, HEADER, _row(None, None, period=None, resp=None, finding="มากน้อยเพียงใด"),
                    _row("ประกาศเจตจำนงสุจริต", "1. รายงานผล 2. จัดอบรม", finding="บุคลากรบางส่วน")], page=2)]
    content = read_report(items)
    assert [m.measure for m in content.measures] == ["ทบทวนช่องทางการร้องเรียน", "ประกาศเจตจำนงสุจริต"]
    assert content.measures[0].finding.endswith("มากน้อยเพียงใด")
    assert content.measures[1].finding == "บุคลากรบางส่วน"


def _scanned(rows):
    """The rows as OCR reads them: every line recognized from an image."""
    return [[c if c is None else Cell(c.bbox, tuple(dataclasses.replace(ln, ocr=True) for ln in c.lines))
             for c in row] for row in rows]


def _finding_below_empty(scanned: bool):
    rows = [HEADER, _row("ทบทวนมาตรการ", "รายงานทุกไตรมาส", finding="การประเมินความเสี่ยงการทุจริต"),
            _row("จัดทำแผนปฏิบัติการ", "จัดทำรายงานรอบ 6 เดือน", finding=None, resp=None)]
    return read_report([heading("ตัวชี้วัดที่ 10 การป้องกันการทุจริต"),
                        table(_scanned(rows) if scanned else rows, page=1)])


def _finding_above_empty(scanned: bool):
    rows = [HEADER, _row("ประเมินความเสี่ยง", "ทบทวนมาตรการ", finding=None),
            _row("ทบทวนมาตรการ", "ทบทวนการประเมิน", finding="ประกาศเจตนารมณ์ No Gift Policy"),
            _row("จัดอบรม", "อบรมปีละครั้ง", finding="บุคลากรบางส่วนไม่ทราบ")]
    return read_report([heading("ตัวชี้วัดที่ 10 การป้องกันการทุจริต"),
                        table(_scanned(rows) if scanned else rows, page=1)])


def test_a_finding_cell_read_empty_below_one_with_text_is_the_rest_of_a_merged_cell():
    # issue 9: a scan's grid drew a ruling across a merged finding cell: the second measure had no finding
    content = _finding_below_empty(scanned=True)
    assert [m.finding for m in content.measures] == ["การประเมินความเสี่ยงการทุจริต"] * 2
    assert content.measures[1].responsible is None  # a unit cell left empty stays empty


def test_a_finding_cell_read_empty_above_one_with_text_is_the_top_of_a_merged_cell():
    # issue 9: the merged cell's text stands in its middle, below the ruling the grid drew across it
    content = _finding_above_empty(scanned=True)
    assert [m.finding for m in content.measures] == ["ประกาศเจตนารมณ์ No Gift Policy"] * 2 + ["บุคลากรบางส่วนไม่ทราบ"]


def test_an_empty_finding_cell_of_a_text_layer_stays_empty():
    # a text layer's grid is the producer's own: an empty cell there is empty, never a neighbour's text
    below = _finding_below_empty(scanned=False)
    assert [m.finding for m in below.measures] == ["การประเมินความเสี่ยงการทุจริต", None]
    above = _finding_above_empty(scanned=False)
    assert [m.finding for m in above.measures] == [None, "ประกาศเจตนารมณ์ No Gift Policy", "บุคลากรบางส่วนไม่ทราบ"]


def test_a_repeated_header_naming_the_score_the_first_header_lost_is_no_rest_of_the_row_before():
    # issue 9 (dev seed 42, 300 dpi): OCR lost "คะแนน" in the first page's header and read it "คะแน่"
    # in the header repeated on the next page; that label was taken for the rest of a cell run
    # under the header, and the score "๑๐" wrapped over the break read "10 คะแน่"
    items = [heading("ตัวชี้วัดที่ 2 การใช้งบประมาณ"),
             table([[cell("ข้อคำถาม"), empty(), cell("ผลการวิเคราะห์")],
                    [cell("i3 หน่วยงานของท่าน เบิกจ่าย"), cell("95.00"), cell("-ไม่มี")],
                    [cell("i4 หน่วยงานของท่าน ใช้จ่ายงบประมาณ"), cell("๑๐"), None]], page=1),
             table([[cell("ข้อคำถาม"), cell("คะแน่"), cell("ผลการวิเคราะห์")],
                    [cell("ตามวัตถุประสงค์"), cell("๐.๐๐"), empty()],
                    [cell("i5 ในหน่วยงานของท่าน"), cell("78.74"), empty()]], page=2)]
    content = read_report(items)
    assert [(s.question, s.score) for s in content.scores] == [("i3", 95.0), ("i4", 100.0), ("i5", 78.74)]


MEASURE_LABELS = ("มาตรการ โครงการ หรือกิจกรรม", "ผลการวิเคราะห์ตัวชี้วัด", "ขั้นตอนหรือวิธีการปฏิบัติ",
                  "ช่วงระยะเวลาในการดำเนินการ", "ผู้รับผิดชอบ")


def _measure_piece(page, edges, rows):
    """A measures table's piece: each row's texts placed in ``edges`` (None: a slot covered, or no column)."""
    out = []
    for texts in rows:
        if isinstance(texts, str):  # an indicator's row across the table
            out.append([_boxed(texts, edges[0][0], edges[-1][1])] + [None] * (len(edges) - 1))
        else:
            out.append([None if t is None or e is None else _boxed(t, *e) for t, e in zip(texts, edges)])
    return Table(page=page, bbox=(edges[0][0], 0, edges[-1][1], 300), rows=out, row_pages=[page] * len(out))


def test_a_measures_table_whose_next_page_reads_one_ruling_a_few_points_off_goes_on():
    """dev seed 122 (L-scan300, pages 5-7): the next page's grid put the responsible unit's left ruling 5 pt off
    (a narrow slot of no text before it). Its rows still go on with indicator 1's table (they were skipped as a
    table without a heading, and the merged period lost), and the indicators whose rows follow on that page and
    the next keep their responsible units in their column."""
    p1 = [(67, 157), (158, 245), (246, 365), (366, 445), (446, 519)]
    p2 = [(68, 158), (159, 246), (247, 366), (367, 446), None, (451, 521)]
    p3 = [(65, 154), (156, 242), (243, 362), (363, 442), (444, 517)]
    items = [_measure_piece(1, p1, [MEASURE_LABELS, "1.การปฏิบัติหน้าที่",
                                    ("สร้างการรับรู้", "ผู้ตอบแบบวัดบางราย", "ประชุมชี้แจง", "เมษายน 2570", "กองนโยบายและแผน")]),
             _measure_piece(2, p2, [MEASURE_LABELS[:4] + (None, MEASURE_LABELS[4]),
                                    ("จัดทำคู่มือการให้บริการ", "ผู้ตอบแบบวัดบางราย", "จัดระบบบัตรคิว", None, None, "กองนโยบายและแผน"),
                                    "2.การใช้งบประมาณ",
                                    ("เผยแพร่ข้อมูลการจัดซื้อ", "เจ้าหน้าที่บางราย", "เผยแพร่สรุปผล", "ต.ค. 2569 - ก.ย. 2570", None, "กองกลาง")]),
             _measure_piece(3, p3, [MEASURE_LABELS, "5.การแก้ไขปัญหาการทุจริต",
                                    ("ทบทวนช่องทางการร้องเรียน", "เจ้าหน้าที่บางราย", "ประกาศเจตจำนง", "ต.ค. 68 - ก.ย. 69", "กองคลัง")])]
    content = read_report(items)
    assert [(m.indicator, m.seq, m.period_text, m.responsible) for m in content.measures] == [
        (1, 1, "เมษายน 2570", "กองนโยบายและแผน"), (1, 2, "เมษายน 2570", "กองนโยบายและแผน"),
        (2, 1, "ต.ค. 2569 - ก.ย. 2570", "กองกลาง"), (5, 1, "ต.ค. 68 - ก.ย. 69", "กองคลัง")]
    assert not [p for p in content.problems if p.code == "indicator-unknown"]


def test_a_header_row_whose_letter_spaced_labels_ocr_lost_is_the_header_read_before():
    """dev seed 123 (M-scan300, page 8): a measures table's header kept two labels, one cut short
    (``ผลการวิเคร``), the others left blank; each label read is its column's in the header printed before."""
    edges = [(49, 149), (151, 248), (250, 384), (385, 474), (475, 558)]
    row = ("เพิ่มจุดบริการ", "เจ้าหน้าที่ของหน่วยงาน", "จัดเจ้าหน้าที่หมุนเวียน", "ตุลาคม 2566 - กันยายน 2567", "สำนักปลัด")
    items = [heading("ตัวชี้วัดที่ 5 การแก้ไขปัญหาการทุจริต"),
             _measure_piece(1, edges, [MEASURE_LABELS, ("อบรม", "ผู้บริหาร", "จัดอบรม", "ต.ค. 66 - ก.ย. 67", "กองคลัง")]),
             heading("ตัวชี้วัดที่ 6 คุณภาพการดำเนินงาน"),
             _measure_piece(1, edges, [("มาตรการ โครงการ หรือกิจกรรม", "ผลการวิเคร 12%", "", "", ""), row])]
    content = read_report(items)
    assert [(m.indicator, m.measure, m.responsible) for m in content.measures] == [
        (5, "อบรม", "กองคลัง"), (6, "เพิ่มจุดบริการ", "สำนักปลัด")]
    assert not [p for p in content.problems if p.code == "table-unrecognized"]


def test_a_repeated_headers_word_end_on_a_line_of_its_own_is_no_row_of_the_cell_above():
    """Issue 9: ``ผลคะแนน`` wrapped in a narrow column over three lines, ``น`` alone on the last. OCR lost that line
    on the header's first page (``ผล`` ``คะแน่``); repeated on the next page it came whole, and its ``น`` was taken
    for the rest of the score cell the break split (``84.44 น``: no score). It is the end of a header word."""
    from ita_extract.report.sections import split_repeated_header

    header = [cell("ประเด็นข้อคำถาม"), cell("ผล", "คะแน่"), cell("การวิเคราะห์ผลการประเมิน")]
    again = [cell("ประเด็นข้อคำถาม"), cell("ผล", "คะแน่", "น"), cell("การวิเคราะห์ผลการประเมิน")]
    assert split_repeated_header(header, again) is None
    # a cell's rest run under the header stays a row of its own
    ran_on = [cell("ประเด็นข้อคำถาม"), cell("ผล", "คะแน่"), cell("การวิเคราะห์ผลการประเมิน", "สร้างจิตสำนึก")]
    head, rest = split_repeated_header(header, ran_on)
    assert [c.lines[0].text if c is not None and c.lines else "" for c in rest] == ["", "", "สร้างจิตสำนึก"]


def _placed(texts, bounds, page_top=0.0):
    """A row of cells at the given column bounds (x0, x1), each holding its text (or empty)."""
    return [Cell((a, page_top, b, page_top + 16.0), (Line(t, a + 2, b - 2, page_top, page_top + 14, 14.0, 60.0),)
                 if t else ()) for t, (a, b) in zip(texts, bounds)]


FIVE = [(0.0, 100.0), (100.0, 200.0), (200.0, 300.0), (300.0, 400.0), (400.0, 500.0)]
#: the steps column split in two by a stroke across its header cell (a signature), the header alone at the page's foot
SIX = [(0.0, 100.0), (100.0, 200.0), (200.0, 250.0), (250.0, 300.0), (300.0, 400.0), (400.0, 500.0)]


def test_a_header_a_stroke_split_alone_at_a_pages_foot_takes_the_columns_of_the_rows_on_the_next_page():
    """dev seed 175 (P-scan150): a measures header alone at a page's foot, a signature's stroke across its
    ``ขั้นตอน/วิธีการปฏิบัติ`` cell taken for a rule: six columns over rows of five on the next page. The rows'
    columns each span a run of the header's: the header's split cell is joined, and the rows are the table's."""
    header = _placed(["มาตรการ โครงการ หรือกิจกรรม", "ผลการวิเคราะห์", ":[วิชูลนรส", "โบ้ติน", "ระยะเวลาดำเนินการ",
                      "หน่วยงานที่รับผิดชอบ"], SIX)
    rows = [_placed(["มาตรการป้องกัน", "เจ้าหน้าที่บางราย", "เผยแพร่หลักเกณฑ์", "ต.ค. 2566 - ก.ย. 2567", "ทุกส่วนราชการ"], FIVE),
            _placed(["จัดทำแนวปฏิบัติ", "เจ้าหน้าที่บางราย", "ร่างแนวปฏิบัติ", "ต.ค. 2565 - ก.ย. 2566", "กองคลัง"], FIVE)]
    items = [heading("ตัวชี้วัดที่ 3 การใช้อำนาจ"), table([header], page=1), table(rows, page=2)]
    content = read_report(items)
    assert [(m.indicator, m.seq, m.measure, m.steps, m.responsible) for m in content.measures] == [
        (3, 1, "มาตรการป้องกัน", "เผยแพร่หลักเกณฑ์", "ทุกส่วนราชการ"),
        (3, 2, "จัดทำแนวปฏิบัติ", "ร่างแนวปฏิบัติ", "กองคลัง")]
    # rows whose columns have an edge of their own (not the header's) are another table, not this one going on
    other = [_placed(["ก", "ข", "ค", "ง", "จ"], [(0.0, 120.0), (120.0, 200.0), (200.0, 300.0), (300.0, 400.0),
                                               (400.0, 500.0)])]
    assert read_report([heading("ตัวชี้วัดที่ 3 การใช้อำนาจ"), table([header], page=1), table(other, page=2)]).measures == []


def test_a_heading_line_whose_word_and_name_ocr_garbled_between_two_pieces_opens_a_new_table():
    """dev seed 171 (L-scan150): indicator 8's heading at a page's foot read ``ตัว| วัดกี 8 (EIT)``, its name lost;
    the next page's table repeats the header, as a table going on over the break would. The heading line between
    them, its number read, makes it a new table: indicator 8's (its number, between 7 and 9), not more of 7's."""
    items = [heading("ตัวชี้วัดที่ 7 ประสิทธิภาพการสื่อสาร"),
             table([HEADER, _row("ประชาสัมพันธ์ช่องทาง", "ขั้นแรก")], page=1),
             heading("ตัว| วัดกี 8 (EIT)", page=1),
             table([HEADER, _row("โครงการประชาคม", "ขั้นที่สอง"), _row("เวทีรับฟัง", "ขั้นที่สาม")], page=2),
             heading("ตัวชี้วัดที่ 9 การเปิดเผยข้อมูล", page=2),
             table([HEADER, _row("ปรับปรุงเว็บไซต์", "ขั้นเดียว")], page=2)]
    content = read_report(items)
    assert [(m.indicator, m.seq, m.measure) for m in content.measures] == [
        (7, 1, "ประชาสัมพันธ์ช่องทาง"), (8, 1, "โครงการประชาคม"), (8, 2, "เวทีรับฟัง"), (9, 1, "ปรับปรุงเว็บไซต์")]
    # without that line the repeated header goes on with indicator 7's table
    content = read_report([items[0], items[1], items[3], items[4], items[5]])
    assert [(m.indicator, m.seq) for m in content.measures] == [(7, 1), (7, 2), (7, 3), (9, 1)]


def test_a_heading_row_whose_number_ocr_read_as_a_bracket_heads_the_rows_below():
    """dev seed 161 (B-scan150): a measures table with its indicators' headings as rows across it; ``๙.การเปิดเผยข้อมูล``
    read ``(การเจิดเผยข้อมูล``. The cell alone in its row, its name after the bracket, is indicator 9's heading."""
    wide = [(0.0, 500.0)]
    items = [heading("ตัวชี้วัดที่ 7 ประสิทธิภาพการสื่อสาร"),
             table([HEADER, _row("ประชาสัมพันธ์ช่องทาง", "ขั้นแรก"),
                    [*_placed(["(การเจิดเผยข้อมูล"], wide), *[empty()] * 4],
                    _row("ตรวจทานข้อมูล", "ขั้นเดียว")], page=1)]
    assert [(m.indicator, m.seq) for m in read_report(items).measures] == [(7, 1), (9, 1)]


def test_a_header_whose_rule_below_was_lost_in_some_columns_gives_the_first_row_its_text_back():
    """dev seed 180 (U-scan150): indicator 7's header row read with the first row's finding and responsible unit
    run on under its cells (the rule under the header lost there), a letter of the header read otherwise
    (``ผลการวิเคราะห์ตัวซี้วัด``). The header printed before starts those cells: the rest is the first row's."""
    glued = [cell("มาตรการ/โครงการ/กิจกรรม"), cell("ผลการวิเคราะห์ตัวซี้", "มีการชี้แจงน้อย"), cell("ขั้นตอนการดำเนินการ"),
             cell("ระยะเวลาดำเนินการ"), cell("ผู้รับผิดชอบ", "กองคลัง")]
    header = [cell("มาตรการ/โครงการ/กิจกรรม"), cell("ผลการวิเคราะห์ตัวชี้"), *HEADER[2:]]
    items = [heading("ตัวชี้วัดที่ 6 คุณภาพการดำเนินงาน"), table([header, _row("ป้ายแสดงขั้นตอน", "ขั้นแรก")], page=1),
             heading("ตัวชี้วัดที่ 7 ประสิทธิภาพการสื่อสาร"),
             table([glued, _row("เปิดช่องทางถามตอบ", "ตอบภายในหนึ่งวัน", finding=None, resp=None)], page=1)]
    measures = read_report(items).measures
    assert [(m.indicator, m.measure, m.finding, m.responsible) for m in measures] == [
        (6, "ป้ายแสดงขั้นตอน", "ผล", "กองคลัง"), (7, "เปิดช่องทางถามตอบ", "มีการชี้แจงน้อย", "กองคลัง")]
    # a speck under a header's cell (dev seed 191, H-scan300: ``'``) is no text of the row below
    speck = [*glued[:4], cell("ผู้รับผิดชอบ", "'")]
    specks = read_report([*items[:3], table([speck, items[3].rows[1]], page=1)]).measures
    assert [(m.indicator, m.finding, m.responsible) for m in specks] == [(6, "ผล", "กองคลัง"), (7, "มีการชี้แจงน้อย", None)]
    # a first row with text of its own in those cells: nothing of its ran on under the header
    own = table([glued, _row("เปิดช่องทางถามตอบ", "ตอบภายในหนึ่งวัน")], page=1)
    assert [(m.indicator, m.finding, m.responsible) for m in read_report([*items[:3], own]).measures] == [
        (6, "ผล", "กองคลัง"), (7, "ผล", "กองคลัง")]


def _ending(text: str, room: float) -> Line:
    """A cell's last line, ending ``room`` points short of its cell's right edge (14-point text)."""
    return Line(text, 10.0, W - room, 0.0, 14.0, 14.0, W - room - 10.0)


def _opening(text: str, first_chunk: float) -> Line:
    """A cell's first line, its first chunk (up to a space) ``first_chunk`` points wide."""
    return Line(text, 10.0, 10.0 + max(first_chunk, 60.0), 0.0, 14.0, 14.0, first_chunk)


def _cells(*lines: Line) -> list[Cell]:
    return [Cell((0.0, 0.0, W, 16.0), (ln,)) for ln in lines]


def _wrapped_rows(first_chunk: float) -> list:
    # every cell of the row before the break ends 60 points (4.3 em) short of its edge: room enough to tell a
    # paragraph's end by itself (FULL_LINE_EMS), so only the width of the next page's first word in each cell says
    before = _cells(*(_ending(t, 60.0) for t in ("ปรับปรุงเว็บไซต์หลัก", "รายงานผลการ", "ปรับปรุงเว็บไซต์ให้เข้าถึงได้",
                                                 "ตลอด", "กลุ่มงานพัฒนา")))
    after = _cells(*(_opening(t, first_chunk) for t in ("หน่วยงาน", "ดำเนินงาน", "ตลอดเวลา", "ปีงบประมาณ 2571",
                                                        "คุณภาพ")))
    return [heading("ตัวชี้วัดที่ 9 การเปิดเผยข้อมูล"), table([HEADER, before], page=1), table([after], page=2)]


def test_a_row_whose_every_cell_wrapped_a_word_too_wide_for_its_last_line_goes_on_over_the_break():
    # dev13 F (seed 165) at 300, 200 and 150 dpi: each cell's next word (85 points) would not have fitted in the
    # 60 points its last line left, so the producer wrapped it, and the break put that line on the next page
    (m,) = read_report(_wrapped_rows(85.0)).measures
    assert m.measure == "ปรับปรุงเว็บไซต์หลักหน่วยงาน"
    assert m.period_text == "ตลอดปีงบประมาณ 2571"
    assert (str(m.period_start), str(m.period_end)) == ("2027-10-01", "2028-09-30")


def test_a_row_whose_cells_had_room_for_the_next_pages_first_words_ends_at_the_break():
    # the same rows, the next page's first words 40 points wide: each would have fitted where its cell ended, so
    # every cell ended there on purpose, and the next page's row is a measure of its own
    measures = read_report(_wrapped_rows(40.0)).measures
    assert [(m.seq, m.measure) for m in measures] == [(1, "ปรับปรุงเว็บไซต์หลัก"), (2, "หน่วยงาน")]
