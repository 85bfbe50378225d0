"""ita_extract/report/records.py: OCR'd question codes checked against the questionnaire's numbering (issue 9).

A stamp over a run of rows garbles their codes (``o29``-``o33`` read ``o51``-``o55``) while their texts still
read: the rows take the codes their place in the numbering and their texts give, never extra rows.
Hand-built rows as OCR gives them (texts garbled as on a 200 dpi scan)."""
from __future__ import annotations

from ita_extract.report.records import align_codes, analysis_rows, renumber_rows
from tests.test_lowest_questions import table

# the 2566 questionnaire: o26-o33 are indicator 9's, o34-o43 indicator 10's
ROWS_9 = [("o26 การดำเนินการตามนโยบายการบริหารทรัพยากรบุคคล", ""),
          ("o27 หลักเกณฑ์การบริหารและพัฒนาทรัพยากรบุคคล", ""),
          ("o28 รายงานผลการบริหารและพัฒนาทรัพยากรบุคคลประจำปี", ""),
          ("o51 623.แพรช่ฏิบัติกาว์จัตภารเรื่องร้องเรียนการทุจริตและประพ", ""),
          ("o52 (63ชูลิจุทางแจ้งเร็ลงร์อัเรียนการทุจริตและประพฤติมิชอบ", ""),
          ("o53 มอมุดเชิงสถิติเวี วงรี งเรียนการทุจริตและประพฤติมิชอบประจำปี", ""),
          ("o54 (Onis ชสงทางการรับหั้งความคิดเห็น", ""),
          ("o55 ภาร์เปิดโอคา์สิให้เก็ดการมีส่วนร่วม", "")]


def test_codes_a_stamp_garbled_outside_the_questionnaire_take_their_place_in_the_numbering():
    scores, _, problems = analysis_rows(table(ROWS_9, ["ไม่มี"]), [9], 2566)
    assert [s.question for s in scores] == ["o26", "o27", "o28", "o29", "o30", "o31", "o32", "o33"]
    assert sum(p.code == "question-code-corrected" for p in problems) == 5


def test_a_code_of_another_indicator_read_in_a_table_takes_the_code_its_text_says():
    rows = [("o34 นโยบายไม่รับของขวัญ (No Gift Policy)", "100.00"), ("o5 การมีส่วนร่วมของผู้บริหาร", "100.00"),
            ("o32 การประเมินความเสี่ยงการทุจริตประจำปี", "50.00"),
            ("o37 การดำเนินการเพื่อจัดการความเสียงการทุจริต", "100.00")]
    scores, _, _ = analysis_rows(table(rows, ["ไม่มี"]), [10], 2566)
    assert [(s.question, s.indicator) for s in scores] == [("o34", 10), ("o35", 10), ("o36", 10), ("o37", 10)]
    assert [s.score for s in scores] == [100.0, 100.0, 50.0, 100.0]


def test_a_code_of_the_questionnaire_out_of_the_numbering_takes_the_code_its_text_says():
    """``o27`` read ``o1`` after ``o26``; ``o14`` read ``o15`` before the row printed ``o15``."""
    rows = [ROWS_9[0], ("o1 หลักเกณฑ์การบริหารและพัฒนาทรัพยากรบุคคล", ""), ROWS_9[2]]
    scores, _, _ = analysis_rows(table(rows, ["ไม่มี"]), [9], 2566)
    assert [s.question for s in scores] == ["o26", "o27", "o28"]
    rows = [("o13 คู่มือหรือมาตรฐานการปฏิบัติงาน", ""), ("o15 คู่มือหรือมวัตรฐานการให้บริการ", ""),
            ("o15 ข้อมูลเชิงสถิติการให้บริการ", ""), ("o16 รายงานผลการสำรวจความพึงพอใจการให้บริการ", "")]
    scores, _, _ = analysis_rows(table(rows, ["ไม่มี"]), [9], 2566)
    assert [s.question for s in scores] == ["o13", "o14", "o15", "o16"]


def test_a_row_whose_code_was_lost_takes_the_place_its_text_gives_not_the_next_code_after_a_misread_one():
    rows = [("o13 คู่มือหรือมาตรฐานการปฏิบัติงาน", ""), ("o15 คู่มือหรือมวัตรฐานการให้บริการ", ""),
            ("ข้อมูลเชิงสถิติการให้บริการ", ""), ("o16 รายงานผลการสำรวจความพึงพอใจการให้บริการ", "")]
    scores, _, problems = analysis_rows(table(rows, ["ไม่มี"]), [9], 2566)
    assert [s.question for s in scores] == ["o13", "o14", "o15", "o16"]
    assert any(p.code == "question-code-inferred" for p in problems)


def test_a_garbled_code_the_numbering_has_no_place_for_is_left_out_not_an_extra_row():
    rows = [("o26 การดำเนินการตามนโยบายการบริหารทรัพยากรบุคคล", ""), ("o27 หลักเกณฑ์การบริหารและพัฒนาทรัพยากรบุคคล", ""),
            ("o28 รายงานผลการบริหารและพัฒนาทรัพยากรบุคคลประจำปี", ""), ("o98 ฯ ฯ", ""),
            ("o29 แนวปฏิบัติการจัดการเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ", ""),
            ("o30 ช่องทางแจ้งเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ", "")]
    scores, _, problems = analysis_rows(table(rows, ["ไม่มี"]), [9], 2566)
    assert [s.question for s in scores] == ["o26", "o27", "o28", "o29", "o30"]
    assert any(p.code == "question-code-missing" and "o98" in p.message for p in problems)


def test_codes_as_read_stay_when_the_table_is_not_the_questionnaire_it_is_read_by():
    """Another year's questions (most codes' texts are not the questionnaire's): nothing is renumbered."""
    qs = [("o1", "โครงสร้าง"), ("o2", "ข้อมูลผู้บริหาร"), ("o3", "อำนาจหน้าที่")]
    rows = [("o1", "การเปิดเผยข้อมูลสาธารณะ"), ("o7", "ข้อมูลผู้บริหาร"), ("o3", "การจัดซื้อจัดจ้าง")]
    assert renumber_rows(rows, qs) == [(c, None) for c, _ in rows]


def test_the_alignment_keeps_the_questionnaires_order_and_each_question_once():
    qs = [("i1", "การปฏิบัติงานตามขั้นตอน"), ("i2", "การให้บริการอย่างเท่าเทียม"), ("i3", "การเรียกรับสินบน")]
    assert align_codes([("i1", "การปฏิบัติงานตามขั้นตอน"), ("i1", "การให้บริการอย่างเท่าเทียม"),
                        ("i3", "การเรียกรับสินบน")], qs) == ["i1", "i2", "i3"]
    assert align_codes([], qs) == [] and align_codes([("i1", "x")], []) == [None]
