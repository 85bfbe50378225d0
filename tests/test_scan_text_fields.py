"""Analysis labels and indicator tables as scans garble them (issue 9).

Hand-written strings and page items, each the shape OCR gave a dev scan:
a speck inside a wrapped label, a wrapped label's rest garbled before its
colon, stamp specks between the two lines of a combined heading, a heading
word lost with its name misread, and a second table on the page where the
last table ended.
"""
from __future__ import annotations

from dataclasses import replace

from extract.text.layer import Line
from extract.text.layout import Cell, Table, TextLine
from ita_extract.report.document import read_report
from ita_extract.report.labels import CAUSE, GUIDELINE, find_labels
from ita_extract.report.records import split_analysis
from ita_extract.report.sections import find_sections
from normalize.indicators import parse_indicator_heading

W = 500.0


def test_a_speck_inside_a_wrapped_label_leaves_it_a_label():
    text = ("ข้อคำถามที่ได้คะแนนน้อยที่สุด : i2 การให้บริการอย่างเท่าเทียมกันมากน้อยเพียงใด สาเหตุเกิด .\n"
            "จาก : บุคลากรปฏิบัติอย่างไม่เป็นธรรม แนวทางการยกระดับผลการประเมินฯ : หน่วยงานควรวิเคราะห์")
    parts = split_analysis(text, ocr=True)
    assert parts.cause == "บุคลากรปฏิบัติอย่างไม่เป็นธรรม"
    assert parts.guideline == "หน่วยงานควรวิเคราะห์"
    assert "บุคลากร" not in parts.lowest_text


def test_a_wrapped_labels_garbled_rest_before_its_colon_is_no_text():
    for rest in ("ผลการประ ius :", "ผลการ : ประเมินฯ :", "ผลการประ lw:"):
        text = f"สาเหตุเกิดจาก : ข้อมูลไม่ครบ\nแนวทางการยกระดับ{rest}\nดังนั้น หน่วยงานควรจัดทำ"
        assert split_analysis(text, ocr=True).guideline == "ดังนั้น หน่วยงานควรจัดทำ", rest
    text = "สาเหตุเกิดจาก : ข้อมูลไม่ครบ\nแนวทางการยกระดับผลการประ :\nเม็นๆ :\nดังนั้น หน่วยงานควรจัดทำ"
    assert split_analysis(text, ocr=True).guideline == "ดังนั้น หน่วยงานควรจัดทำ"


def test_text_with_a_colon_after_a_whole_label_stays_text():
    text = "สาเหตุเกิดจาก : ข้อมูล: ไม่ครบ\nแนวทางการยกระดับผลการประเมินฯ : คู่มือ: จัดทำ"
    parts = split_analysis(text, ocr=True)
    assert (parts.cause, parts.guideline) == ("ข้อมูล: ไม่ครบ", "คู่มือ: จัดทำ")
    assert [m.kind for m in find_labels(text)] == [CAUSE, GUIDELINE]


def test_a_heading_whose_word_and_name_ocr_garbled_is_read_when_its_number_agrees():
    assert [h.number for h in parse_indicator_heading("วัชวัดท 8 การปรบปรุงการท่างาน")] == [8]
    assert parse_indicator_heading("วัชวัดท 6 การปรบปรุงการท่างาน") == []


def _line(text: str, top: float = 0.0) -> Line:
    return Line(text, 10.0, 200.0, top, top + 14, 14.0, 60.0)


def _cell(*texts: str) -> Cell:
    return Cell((0.0, 0.0, W, 16.0 * max(len(texts), 1)), tuple(_line(t, i * 16.0) for i, t in enumerate(texts)))


def _free(text: str, page: int = 1) -> TextLine:
    return TextLine(page, _line(text))


def _table(rows, page=1, width=W):
    return Table(page=page, bbox=(0, 0, width, 300), rows=rows, row_pages=[page] * len(rows))


ANALYSIS_HEADER = [_cell("ประเด็นข้อคำถาม"), _cell("คะแนน"), _cell("การวิเคราะห์ผลการประเมิน")]
MEASURES_HEADER = [_cell("มาตรการ โครงการ หรือกิจกรรม"), _cell("ผลการวิเคราะห์ตัวชี้วัด"),
                   _cell("ขั้นตอนหรือวิธีการปฏิบัติ"), _cell("ช่วงระยะเวลา"), _cell("ผู้รับผิดชอบ")]


def test_stamp_specks_between_the_lines_of_a_combined_heading_keep_both_indicators():
    items = [_free("ตัวชี้วัดที่ 9 การเปิดเผยข้อมูล และ"), _free("ม da 7"), _free("ตัวชี้วัดที่ 10 การป้องกันการทุจริต"),
             _table([ANALYSIS_HEADER, [_cell("o1 - o28"), _cell(""), _cell("สาเหตุเกิดจาก : ข้อมูลไม่ครบ")]])]
    tables = find_sections(items).tables
    assert [h.number for h in tables[0].headings] == [9, 10]


def test_a_table_after_a_pieces_rest_on_the_same_page_is_a_new_table():
    # page 2 opens with the rest of indicator 7's row (it joins that row, adding no row), then
    # indicator 8's table under a heading OCR could not read: it does not go on with indicator 7
    row7 = [_cell("ส่งเสริมการสื่อสาร"), _cell("ผู้รับบริการเห็นว่า"), _cell("1. ประชาสัมพันธ์"),
            _cell("ต.ค. 2568 - ก.ย. 2569"), _cell("สำนักปลัด")]
    rest7 = [_cell(""), _cell("ไม่ชัดเจน"), _cell(""), _cell(""), _cell("")]
    row8 = [_cell("เสริมสร้างจิตสำนึก"), _cell("ไม่ตอบสนอง"), _cell("1. จัดอบรม"),
            _cell("ต.ค. 2568 - ก.ย. 2569"), _cell("กองช่าง")]
    items = [_free("ตัวชี้วัดที่ 7 ประสิทธิภาพการสื่อสาร"), _table([MEASURES_HEADER, row7], page=1),
             _table([rest7], page=2), _free("1 ๓ ๑"), _table([MEASURES_HEADER, row8], page=2)]
    tables = find_sections(items).tables
    assert len(tables) == 2 and len(tables[0].rows) == 1
    assert tables[1].rows[0][0].raw_text == "เสริมสร้างจิตสำนึก"
    content = read_report([*items[:4], _free("วัชวัดท 8 การปรบปรุงการท่างาน", 2), items[4]])
    assert [(m.indicator, m.measure) for m in content.measures] == [
        (7, "ส่งเสริมการสื่อสาร"), (8, "เสริมสร้างจิตสำนึก")]


def _ocr_cell(*texts: str) -> Cell:
    return Cell((0.0, 0.0, W, 16.0 * len(texts)),
                tuple(Line(t, 10.0, 200.0, i * 16.0, i * 16.0 + 14, 14.0, 60.0, ocr=True) for i, t in enumerate(texts)))


def test_specks_ocr_read_in_a_measure_cell_are_no_text():
    row = [_ocr_cell("2.สร้างการรับรู้", "17 0 8 A", "3.จัดทำสื่อ"), _ocr_cell("ผู้รับบริการเห็นว่า"),
           _ocr_cell("1. ประชาสัมพันธ์"), _ocr_cell("ต.ค. 2568", "- 30 ก.ย. 2569"), _ocr_cell("สำนักปลัด |")]
    m = read_report([_free("ตัวชี้วัดที่ 7 ประสิทธิภาพการสื่อสาร"), _table([MEASURES_HEADER, row])]).measures[0]
    assert (m.measure, m.responsible) == ("2.สร้างการรับรู้\n3.จัดทำสื่อ", "สำนักปลัด")
    assert m.period_text.split() == ["ต.ค.", "2568", "-", "30", "ก.ย.", "2569"]


def test_a_guideline_label_alone_on_its_line_whose_colon_ocr_misread_is_a_label():
    text = ("ข้อคำถามที่ได้คะแนนน้อยที่สุด: i14 การป้องกันการทุจริต\nสาเหตุเกิดจาก:บุคลากรบางส่วน เห็นว่ายังไม่เป็นรูปธรรม\n"
            "to เสนอแนะ1\nเผยแพร่แนวปฏิบัติการจัดการเรื่องร้องเรียน")
    parts = split_analysis(text, ocr=True)
    assert parts.cause == "บุคลากรบางส่วน เห็นว่ายังไม่เป็นรูปธรรม"
    assert parts.guideline == "เผยแพร่แนวปฏิบัติการจัดการเรื่องร้องเรียน"


def test_a_cause_label_ocr_read_as_latin_on_its_own_line_still_opens_the_cause():
    text = ("ข้อคำถามที่ได้คะแนนน้อยที่สุด คือ:\ne4 ท่านเคยถูกร้องขอให้จ่าย หรือไม่\nanna:\n"
            "ผู้รับบริการบางส่วน มีความเห็นว่าหน่วยงานยังดำเนินการโดยไม่คำนึงถึงประโยชน์\n"
            "แนวทางการยกระดับผลการประเมินฯ : หน่วยงานควรระบุขั้นตอน")
    parts = split_analysis(text, ocr=True)
    assert parts.cause == "ผู้รับบริการบางส่วน มีความเห็นว่าหน่วยงานยังดำเนินการโดยไม่คำนึงถึงประโยชน์"
    assert parts.lowest_text.startswith("e4") and "anna" not in parts.lowest_text
    # a Latin word and a colon inside a part's text, not alone between labels, stays text
    text = "สาเหตุเกิดจาก : ระบบ\nE-Service:\nไม่ครบ"
    assert split_analysis(text, ocr=True).cause == "ระบบ\nE-Service:\nไม่ครบ"


def test_a_measures_header_with_two_cells_garbled_keeps_the_columns_the_others_name():
    from ita_extract.report.sections import MEASURES, column_map
    header = [_cell("ผลการวิเคราะห์ตัวชีวัด"), _cell("มาตรการ/โครงการ/ กิจกรรม"), _cell("ฉั ขนตอนหรอวธการ ปฏิบัติ"),
              _cell("ช่วงระยะเวลาในการดำเนินการ"), _cell("")]
    assert column_map(MEASURES, header) == {"finding": 0, "measure": 1, "steps": 2, "period": 3, "responsible": 4}


def test_a_measures_header_whose_period_and_unit_cells_ocr_garbled_is_still_a_header():
    # a stroke split a column (an empty header cell); the period and unit labels read as debris
    header = [_cell("มาตรการ โครงการ หรือ กิจกรรม"), _cell("ผลการวิเคราะห์ ตัวชี้วัด"), _cell("ขั้นตอนหรือวิธีการปฏิบัติ"),
              _cell("ภาร"), None, _cell("eu โดขอบ")]
    row = [_cell("โครงการให้บริการด้วยบัตรคิว"), _cell("บุคลากรบางส่วนเห็นว่า"), _cell("เผยแพร่คู่มือ"),
           _cell("ต.ค. 2568 - ก.ย. 2569"), None, _cell("สำนักปลัด")]
    content = read_report([_free("ตัวชี้วัดที่ 1 การปฏิบัติหน้าที่"), _table([header, row])])
    m = content.measures[0]
    assert (m.measure, m.steps, m.period_text, m.responsible) == (
        "โครงการให้บริการด้วยบัตรคิว", "เผยแพร่คู่มือ", "ต.ค. 2568 - ก.ย. 2569", "สำนักปลัด")
    # a data row naming a measure, a finding and steps holds digits (a year, a number): no header
    data = [_cell("มาตรการ 1"), _cell("ผลการวิเคราะห์"), _cell("ขั้นตอนที่ 2"), _cell("ภาร"), None, _cell("กอง")]
    from ita_extract.report.sections import header_kind
    assert header_kind(data) is None


def test_a_measures_header_whose_row_number_label_ocr_garbled_keeps_its_columns():
    from ita_extract.report.sections import MEASURES, column_map
    header = [_cell("7ท"), _cell("มาตรการ/โครงการ/กิจกรรม"), _cell("ผลการวิเคราะห์ตัวชี้วัด"),
              _cell("&aaaavaขนตอนหรอวธการปฏิบัติ"), _cell("ระยะเวลาดำเนินการ"), _cell("ผู้รับผิดชอบ")]
    assert column_map(MEASURES, header) == {"no": 0, "measure": 1, "finding": 2, "steps": 3, "period": 4,
                                            "responsible": 5}


def test_a_measures_table_whose_heading_ocr_lost_takes_the_indicator_between_its_neighbours():
    def row(measure):
        return [_cell(measure), _cell("ผู้รับบริการเห็นว่า"), _cell("1. ประชาสัมพันธ์"), _cell("ต.ค. 2568 - ก.ย. 2569"),
                _cell("สำนักปลัด")]
    items = [_free("ตัวชี้วัดที่ 7 ประสิทธิภาพการสื่อสาร"), _table([MEASURES_HEADER, row("สื่อสาร")], page=1),
             _free("ม da 7"),  # indicator 8's heading, a stamp over it
             _table([MEASURES_HEADER, row("ปรับปรุง")], page=1),
             _free("ตัวชี้วัดที่ 9 การเปิดเผยข้อมูล"), _table([MEASURES_HEADER, row("เปิดเผย")], page=1)]
    got = [(m.indicator, m.measure) for m in read_report(items).measures]
    assert got == [(7, "สื่อสาร"), (8, "ปรับปรุง"), (9, "เปิดเผย")]


def test_a_header_below_rows_of_one_piece_opens_the_next_indicators_table():
    # OCR read indicator 7's rest and indicator 8's table as one table, the heading between them lost
    def row(measure):
        return [_cell(measure), _cell("ผู้รับบริการเห็นว่า"), _cell("1. ประชาสัมพันธ์"), _cell("ต.ค. 2568 - ก.ย. 2569"),
                _cell("สำนักปลัด")]
    items = [_free("ตัวชี้วัดที่ 7 ประสิทธิภาพการสื่อสาร"), _table([MEASURES_HEADER, row("สื่อสาร")], page=1),
             _table([row("ต่อเนื่อง"), MEASURES_HEADER, row("ปรับปรุง")], page=2),
             _free(". ตัวชี้วัดที่ 9 การเปิดเผยข้อมูล", 2), _table([MEASURES_HEADER, row("เปิดเผย")], page=2)]
    got = [(m.indicator, m.seq, m.measure) for m in read_report(items).measures]
    assert got == [(7, 1, "สื่อสาร"), (7, 2, "ต่อเนื่อง"), (8, 1, "ปรับปรุง"), (9, 1, "เปิดเผย")]


def test_a_row_of_specks_a_page_break_cut_is_no_measure():
    def row(measure, period="ต.ค. 2568 - ก.ย. 2569"):
        return [_cell(measure), _cell("ผล" if measure else ""), _cell("ขั้น" if measure else ""), _cell(period),
                _cell("กอง" if measure else "")]
    items = [_free("ตัวชี้วัดที่ 2 การใช้งบประมาณ"), _table([MEASURES_HEADER, row("เผยแพร่"), row("", "ก")], page=1),
             _table([row("ชี้แจงแผน")], page=2)]
    assert [(m.seq, m.measure) for m in read_report(items).measures] == [(1, "เผยแพร่"), (2, "ชี้แจงแผน")]


def test_a_wrapped_labels_rest_with_a_misread_letter_is_no_text():
    text = "สาเหตุเกิดจาก : ข้อมูลไม่ครบ\nแนวทางการยกระดับผลการประ\nเป็นฯ:หน่วยงานควรระบุขั้นตอน"
    assert split_analysis(text, ocr=True).guideline == "หน่วยงานควรระบุขั้นตอน"


def test_a_label_whose_sara_aa_ocr_read_as_sara_am_is_a_label():
    parts = split_analysis("ข้อคำถามที่ได้คะแนนน้อยที่สุด:035 การมีส่วนร่วมของผู้บริหาร . สำเหตุ:ไม่ได้เผยแพร่รายงาน\n"
                           "ข้อเสนอแนะ:\nหน่วยงานควรจัดทำมาตรการ", ocr=True)
    assert (parts.cause, parts.guideline) == ("ไม่ได้เผยแพร่รายงาน", "หน่วยงานควรจัดทำมาตรการ")


def test_a_heading_row_with_stamp_specks_before_its_heading_word_heads_the_rows_below():
    def row(measure):
        return [_cell(measure), _cell("ผู้รับบริการเห็นว่า"), _cell("1. ประชาสัมพันธ์"), _cell("ต.ค. 2568 - ก.ย. 2569"),
                _cell("สำนักปลัด")]
    blank = [Cell((0.0, 0.0, W, 16.0), ())] * 4
    items = [_table([MEASURES_HEADER, [_cell("ตัวชี้วัดที่ 4 การใช้ทรัพย์สินของราชการ"), *blank], row("ตรวจสอบพัสดุ"),
                     [_cell("ม 7 ตัวชี้วัดที่ 6 คุณภาพการดำเนินงาน"), *blank], row("ป้ายแสดงขั้นตอน")])]
    assert [(m.indicator, m.measure) for m in read_report(items).measures] == [(4, "ตรวจสอบพัสดุ"), (6, "ป้ายแสดงขั้นตอน")]


def _measures(measure: str, page: int) -> Table:
    return _table([MEASURES_HEADER, [_cell(measure), _cell("ผู้รับบริการเห็นว่า"), _cell("1. ประชาสัมพันธ์"),
                                     _cell("ต.ค. 2568 - ก.ย. 2569"), _cell("สำนักปลัด")]], page=page)


def test_a_heading_whose_name_ocr_garbled_gives_its_number_where_the_order_agrees():
    # indicator 3 has no measures; 4's heading name is garbled: its printed number, not 2 + 1, is 4
    items = [_free("ตัวชี้วัดที่ 2 การใช้งบประมาณ"), _measures("เผยแพร่ข้อมูลการจัดซื้อจัดจ้าง", 1),
             _free("ตัวชี้วัดที่4 ไส้กวตตสนะตศก"), _measures("ตรวจสอบพัสดุประจำปี", 1),
             _free("ตัวชี้วัดที่ 5 การแก้ไขปัญหาการทุจริต"), _measures("อบรมให้ความรู้", 1)]
    content = read_report(items)
    assert [(m.indicator, m.measure) for m in content.measures] == [
        (2, "เผยแพร่ข้อมูลการจัดซื้อจัดจ้าง"), (4, "ตรวจสอบพัสดุประจำปี"), (5, "อบรมให้ความรู้")]
    assert any(p.code == "indicator-heading-missing" and "printed" in p.message for p in content.problems)


def test_a_garbled_heading_s_number_out_of_order_is_no_hint():
    # a report that numbers its headings its own way (or a misread digit): 9 is not between 2 and 5
    items = [_free("ตัวชี้วัดที่ 2 การใช้งบประมาณ"), _measures("เผยแพร่ข้อมูลการจัดซื้อจัดจ้าง", 1),
             _free("ตัวชี้วัดที่9 ไส้กวตตสนะตศก"), _measures("ตรวจสอบพัสดุประจำปี", 1),
             _free("ตัวชี้วัดที่ 5 การแก้ไขปัญหาการทุจริต"), _measures("อบรมให้ความรู้", 1)]
    content = read_report(items)
    assert [m.indicator for m in content.measures] == [2, 3, 5]


def test_a_range_row_under_a_combined_heading_read_in_part_gives_the_analysis_to_both():
    # ตัวชี้วัดที่ 9 … และ / ตัวชี้วัดที่ 10 …: OCR garbled the first line past reading
    items = [_free("การเปิดเผยข้อมูลัวชีวัดที่ และ"), _free("ตัวชี้วัดที่ 10 การป้องกันการทุจริต"),
             _free("ประจำปีงบประมาณ พ.ศ. 2568"),
             _table([ANALYSIS_HEADER, [_cell("o1 - o33"), _cell(""),
                                       _cell("ข้อคำถามที่ได้คะแนนน้อยที่สุด : o21 ประกาศเจตนารมณ์")]])]
    content = read_report(items)
    assert sorted(a.indicator for a in content.analyses) == [9, 10]
    assert any(p.code == "indicator-heading-missing" and p.indicator == 9 for p in content.problems)


def test_a_range_row_gives_no_indicator_that_has_its_own_analysis():
    items = [_free("ตัวชี้วัดที่ 9 การเปิดเผยข้อมูล"),
             _table([ANALYSIS_HEADER, [_cell("o1 ข้อมูลพื้นฐาน"), _cell("100.00"), _cell("ไม่มี")]]),
             _free("ตัวชี้วัดที่ 10 การป้องกันการทุจริต"), _free("ประจำปีงบประมาณ พ.ศ. 2568"),
             _table([ANALYSIS_HEADER, [_cell("o1 - o33"), _cell(""), _cell("ไม่มี")]])]
    content = read_report(items)
    assert sorted(a.indicator for a in content.analyses) == [9, 10]

LOWEST_LINE = "ข้อคำถามที่ได้คะแนนน้อยที่สุด : o40 การเปิดเผยข้อมูล"


def test_a_label_whose_first_letters_ocr_garbled_is_found_by_its_end_before_a_colon():
    cause = "ไม่ได้จัดทำรายงานการรับของขวัญตามนโยบาย No Gift Policy"
    for garbled in ("ytiamiamsen ระดับผลการประเมิน:", "โซระดับผลการประเมิน :", "การประเมิน:"):
        parts = split_analysis(f"{LOWEST_LINE}\nสาเหตุเกิดจาก : {cause}\n{garbled}\nจัดทำมาตรการส่งเสริมคุณธรรม", ocr=True)
        assert (parts.cause, parts.guideline) == (cause, "จัดทำมาตรการส่งเสริมคุณธรรม"), garbled
    parts = split_analysis(f"{LOWEST_LINE}\nสาเหตุเกิดจาก : {cause}\nภรจ\nโซระดับผลการประเมิน : ดังนั้น ทบทวนขั้นตอน", ocr=True)
    assert (parts.cause, parts.guideline) == (f"{cause}\nภรจ", "ดังนั้น ทบทวนขั้นตอน")
    # a line of the cause's own words before a colon is no label
    text = f"{LOWEST_LINE}\nสาเหตุเกิดจาก : บุคลากรได้ดำเนินการตามหลักเกณฑ์การประเมิน :\nไม่ครบ"
    assert split_analysis(text, ocr=True).cause == "บุคลากรได้ดำเนินการตามหลักเกณฑ์การประเมิน :\nไม่ครบ"


def test_a_labels_letter_ocr_read_as_a_digit_leaves_it_a_label():
    text = (f"{LOWEST_LINE}\nสาเหตุ : บุคลากรบางส่วนเห็นว่าไม่เท่าเทียมกัน\n"
            "แนวทางการ1ัฒนา:พัฒนาช่องทางการให้บริการออนไลน์")
    parts = split_analysis(text, ocr=True)
    assert (parts.cause, parts.guideline) == ("บุคลากรบางส่วนเห็นว่าไม่เท่าเทียมกัน", "พัฒนาช่องทางการให้บริการออนไลน์")


def test_tag_remnants_ocr_read_inside_or_at_the_end_of_a_part_are_no_text():
    text = (f"{LOWEST_LINE}\nสาเหตุ : ขาดการตรวจสอบอย่างสม่ำเสมอ</08\n"
            "แนวทางการพัฒนา : ประชาสัมพันธ์อย่างสม่ำเสมอ<11>มอบหมายผู้รับผิดชอบ")
    parts = split_analysis(text, ocr=True)
    assert parts.cause == "ขาดการตรวจสอบอย่างสม่ำเสมอ"
    assert parts.guideline.split() == ["ประชาสัมพันธ์อย่างสม่ำเสมอ", "มอบหมายผู้รับผิดชอบ"]
    # a tag whose ``>`` OCR misread, the guideline's label after it on the cause's line
    parts = split_analysis(f"{LOWEST_LINE}\nสาเหตุ : ข้อมูลเข้าถึงได้ยาก<อ2แนวหางการพัฒนา:\nจัดทำแผน", ocr=True)
    assert (parts.cause, parts.guideline) == ("ข้อมูลเข้าถึงได้ยาก", "จัดทำแผน")


def test_a_tools_name_ocr_read_with_lookalikes_is_read_back_and_numbers_stay():
    text = (f"{LOWEST_LINE}\nสาเหตุ : ขาดความรู้\n"
            "แนวทางการพัฒนา : ศึกษาหลักเกณฑ์การประเมินแบบวัด 017 ในแต่ละปี ตรวจทานก่อนส่งตรวจ OIF (อ้างอิงจาก o11) 011 ครั้ง")
    assert split_analysis(text, ocr=True).guideline == (
        "ศึกษาหลักเกณฑ์การประเมินแบบวัด OIT ในแต่ละปี ตรวจทานก่อนส่งตรวจ OIT (อ้างอิงจาก o11) 011 ครั้ง")
    row = [_ocr_cell("1.ตรวจทานข้อมูลก่อนส่งตรวจ 0IT"), _ocr_cell("ผู้รับบริการเห็นว่า"),
           _ocr_cell("1. ประชาสัมพันธ์"), _ocr_cell("ต.ค. 2568", "- 30 ก.ย. 2569"), _ocr_cell("สำนักปลัด")]
    m = read_report([_free("ตัวชี้วัดที่ 9 การเปิดเผยข้อมูล"), _table([MEASURES_HEADER, row])]).measures[0]
    assert m.measure == "1.ตรวจทานข้อมูลก่อนส่งตรวจ OIT"


def test_a_wrapped_labels_second_line_ocr_set_first_is_no_label_where_the_opening_is_read():
    from ita_extract.report.records import split_analysis
    text = ("ข้อคำถามที่ได้คะแนนน้อยที่สุด:\no22 รายงานผลการดำเนินการ\nสาเหตุที่ได้คะแนนน้อย: ไม่ได้จัดทำรายงาน\n"
            "การประเมิน:แนวทางการยกระดับผลดังนั้น ทบทวนการประเมินความเสี่ยงการทุจริต")
    p = split_analysis(text, ocr=True)
    assert p.guideline.startswith("ดังนั้น ทบทวน")


def test_a_cause_labels_rest_wrapped_with_a_speck_and_a_doubled_letter_before_its_colon_is_no_cause():
    # the label matched as สาเหตุ; its rest (ที่ได้คะแนนน้อย) OCR read with a rule and a doubled sara a: 17 characters
    text = (f"{LOWEST_LINE}\nสาเหตุที่ได้คะ|ะแนนน้อย:|ผู้รับบริการบางส่วนเห็นว่าหน่วยงานเปิดโอกาสน้อย\n"
            "แนวทางการพัฒนา : จัดประชุม")
    assert split_analysis(text, ocr=True).cause == "ผู้รับบริการบางส่วนเห็นว่าหน่วยงานเปิดโอกาสน้อย"


def test_a_guideline_labels_rest_glued_to_it_without_its_colon_is_no_guideline_and_running_text_stays():
    text = f"{LOWEST_LINE}\nสาเหตุ : ขาดแผน\nแนวทางการยกระดับผลการน จัดทำแผนการจัดซื้อจัดจ้าง"
    assert split_analysis(text, ocr=True).guideline == "จัดทำแผนการจัดซื้อจัดจ้าง"
    text = f"{LOWEST_LINE}\nสาเหตุที่สำคัญคือ ขาดแผน\nแนวทางการพัฒนาบุคลากรให้มีความรู้"
    p = split_analysis(text, ocr=True)
    assert "ที่สำคัญ" in (p.cause or "") + p.lowest_text and "บุคลากร" in (p.guideline or "")


def test_a_garbled_guideline_label_line_ending_in_a_sign_is_no_cause():
    text = (f"{LOWEST_LINE}\nสาเหตุเกิดจาก : ประชาชนบางรายเห็นว่าหน่วยงานไม่คำนึงถึงประโยชน์ส่วนรวม\n"
            "แนวทางการ Wau? :\nหน่วยงานควรเพิ่มเจ้าหน้าที่ประจำจุดบริการ")
    p = split_analysis(text, ocr=True)
    assert p.cause == "ประชาชนบางรายเห็นว่าหน่วยงานไม่คำนึงถึงประโยชน์ส่วนรวม"
    assert p.guideline == "หน่วยงานควรเพิ่มเจ้าหน้าที่ประจำจุดบริการ"


def test_a_tag_opening_whose_closing_ocr_read_as_a_vowel_is_no_text():
    text = f"{LOWEST_LINE}\nสาเหตุ : ขาดแผน\nแนวทางการยกระดับผลการประเมินฯ:\n<2ะจัดทำคู่มือการให้บริการ"
    assert split_analysis(text, ocr=True).guideline == "จัดทำคู่มือการให้บริการ"


def test_a_citation_label_ocr_misread_by_a_letter_or_two_is_read_back_and_other_wordings_stay():
    text = (f"{LOWEST_LINE}\nสาเหตุ : ขาดแผน\nแนวทางการพัฒนา : เผยแพร่แผน (ค้างถึงจาก o5) และรายงาน (อ้างอิงจาถ o6) "
            "อีกทั้ง (อ้างอิงถึง o7) และ (อ้างอิง o8)")
    assert split_analysis(text, ocr=True).guideline == (
        "เผยแพร่แผน (อ้างอิงจาก o5) และรายงาน (อ้างอิงจาก o6) อีกทั้ง (อ้างอิงถึง o7) และ (อ้างอิง o8)")


def test_a_strip_of_a_row_that_ocrs_grid_cut_off_is_no_second_measure():
    # dev13 B (seed 161) on a phone photo, and A, B and F at 150 dpi: a stroke or a piece of a ruling cut a strip off
    # the bottom of a row in OCR's grid; the strip's measure cell is the merged cell above, its own cells hold
    # nothing, and read as a measure it repeated the one above
    def row(measure, steps, period="ต.ค. 2568 - ก.ย. 2569"):
        return [_cell(measure), _cell("ผลการประเมิน"), _cell(steps), _cell(period), _cell("กองแผนงาน")]
    strip = [None, None, _cell(""), None, None]
    # a row of its own under a measure merged over two rows: its own steps and period, a measure of its own
    own = [None, None, _cell("อบรมเพิ่มเติม"), _cell("ม.ค. 2569"), None]
    items = [_free("ตัวชี้วัดที่ 9 การเปิดเผยข้อมูล"),
             _table([MEASURES_HEADER, row("ปรับปรุงเว็บไซต์", "เผยแพร่ข้อมูล"), strip, row("ตรวจทานข้อมูล", "มอบหมาย"), own])]
    got = [(m.seq, m.measure, m.steps, m.period_text) for m in read_report(items).measures]
    assert got == [(1, "ปรับปรุงเว็บไซต์", "เผยแพร่ข้อมูล", "ต.ค. 2568 - ก.ย. 2569"),
                   (2, "ตรวจทานข้อมูล", "มอบหมาย", "ต.ค. 2568 - ก.ย. 2569"),
                   (3, "ตรวจทานข้อมูล", "อบรมเพิ่มเติม", "ม.ค. 2569")]


def test_a_strip_whose_text_lies_under_the_empty_top_of_its_cell_goes_back_into_the_row_above():
    # dev13 F (seed 165) at 150 dpi: a ruling OCR's grid drew across a steps cell cut it in two, an empty top and
    # the strip below holding the cell's text; the measure and the period are merged over both. Read alone, the
    # strip was a second measure repeating the one above
    def cell(text):
        return Cell((0.0, 0.0, W, 16.0), (replace(_line(text), ocr=True),))

    def row(measure, steps, period="ต.ค. 2568 - ก.ย. 2569"):
        return [cell(measure), cell("ผลการประเมิน"), cell(steps), cell(period), cell("กองแผนงาน")]
    cut = row("ปรับปรุงเว็บไซต์", "", "ตลอดปีงบประมาณ")
    strip = [None, None, cell("เผยแพร่ข้อมูลทุกเดือน"), None, None]
    # the next step of a merged measure lies under steps with text: a measure row of its own
    own = [None, None, cell("อบรมเพิ่มเติม"), cell("ม.ค. 2569"), None]
    items = [_free("ตัวชี้วัดที่ 9 การเปิดเผยข้อมูล"),
             _table([MEASURES_HEADER, cut, strip, row("ตรวจทานข้อมูล", "มอบหมาย"), own])]
    got = [(m.seq, m.measure, m.steps, m.period_text) for m in read_report(items).measures]
    assert got == [(1, "ปรับปรุงเว็บไซต์", "เผยแพร่ข้อมูลทุกเดือน", "ตลอดปีงบประมาณ"),
                   (2, "ตรวจทานข้อมูล", "มอบหมาย", "ต.ค. 2568 - ก.ย. 2569"),
                   (3, "ตรวจทานข้อมูล", "อบรมเพิ่มเติม", "ม.ค. 2569")]
