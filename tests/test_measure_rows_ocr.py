"""OCR'd measures tables: rows that are no measure, and a period's words (issue 9, round 5)."""
from __future__ import annotations

from extract.text.layer import Line
from extract.text.layout import Cell
from ita_extract.report.records import measure_rows, period_words
from ita_extract.report.sections import IndicatorTable

COLUMNS = {"measure": 0, "finding": 1, "steps": 2, "period": 3, "responsible": 4}


def _cell(*texts: str, ocr: bool = True) -> Cell:
    return Cell((0.0, 0.0, 300.0, 200.0), tuple(
        Line(t, 10.0, 60.0, i * 16.0, i * 16.0 + 14, 14.0, 40.0, conf=90.0, ocr=ocr) for i, t in enumerate(texts)))


def _table(rows: list[list[Cell | None]]) -> IndicatorTable:
    return IndicatorTable("measures", [], "", 1, dict(COLUMNS), 1, rows=rows, row_pages=[1] * len(rows))


def _real_row(ocr: bool = True) -> list[Cell | None]:
    return [_cell("มาตรการยกระดับมาตรฐานการให้บริการ", ocr=ocr), None, _cell("ประชุมชี้แจงบุคลากร", ocr=ocr),
            _cell("พ.ค. 2566", ocr=ocr), _cell("กองนโยบายและแผน", ocr=ocr)]


def test_the_indicator_heading_read_into_the_first_row_is_no_measure():
    # a stamp beside the heading: its line and the heading read into the measure cell of a row of its own,
    # the finding merged over both rows; every measure after it took the next one's number
    heading = [_cell("ณัฆ3 ฆ์ aw 8", "ตัวชวัดท 1 การปฏิบัติหน่าท"), _cell("บุคลากรบางส่วนเห็นว่าไม่เป็นธรรม"),
               _cell(""), _cell(""), _cell("")]
    rows, _ = measure_rows(_table([heading, _real_row()]), 1)
    assert [(r.seq, r.measure, r.finding) for r in rows] == [
        (1, "มาตรการยกระดับมาตรฐานการให้บริการ", "บุคลากรบางส่วนเห็นว่าไม่เป็นธรรม")]


def test_a_row_of_a_finding_alone_is_no_measure_on_a_scan():
    only_finding = [_cell(""), _cell("ผู้รับบริการบางรายเห็นว่าล่าช้า"), _cell(""), _cell(""), _cell("")]
    rows, _ = measure_rows(_table([only_finding, _real_row()]), 1)
    assert [r.measure for r in rows] == ["มาตรการยกระดับมาตรฐานการให้บริการ"]


def test_a_measure_without_its_period_or_unit_stays():
    lone = [_cell("จัดทำคู่มือการให้บริการ"), _cell("ผู้รับบริการบางรายเห็นว่าล่าช้า"), _cell(""), _cell(""), _cell("")]
    rows, _ = measure_rows(_table([lone, _real_row()]), 1)
    assert [r.measure for r in rows] == ["จัดทำคู่มือการให้บริการ", "มาตรการยกระดับมาตรฐานการให้บริการ"]


def test_a_text_layers_rows_are_kept_as_printed():
    only_finding = [_cell("", ocr=False), _cell("ผู้รับบริการบางรายเห็นว่าล่าช้า", ocr=False), _cell("", ocr=False),
                    _cell("", ocr=False), _cell("", ocr=False)]
    rows, _ = measure_rows(_table([only_finding, _real_row(ocr=False)]), 1)
    assert len(rows) == 2


def test_a_period_reads_its_month_abbreviations_and_words():
    row = _real_row()
    row[3] = _cell("ต.ค. 2565 ถึง กุย. 2566")
    rows, _ = measure_rows(_table([row]), 1, fiscal_year=2566)
    assert rows[0].period_text == "ต.ค. 2565 ถึง ก.ย. 2566"
    assert period_words("ตลอดปืีงบประมาณ พ.ศ. 2571") == "ตลอดปีงบประมาณ พ.ศ. 2571"
    assert period_words("ตุค. 2567 - ก.ย. 2568") == "ต.ค. 2567 - ก.ย. 2568"


def test_a_period_keeps_what_is_no_period_word():
    assert period_words("ไตรมาสที่ 2 และ 4") == "ไตรมาสที่ 2 และ 4"
    assert period_words("1/10/2567 - 30/9/2568") == "1/10/2567 - 30/9/2568"
    assert period_words("ทุกเดือน") == "ทุกเดือน"
    # a text layer's period is as printed
    row = _real_row(ocr=False)
    row[3] = _cell("ต.ค. 2565 ถึง กุย. 2566", ocr=False)
    assert measure_rows(_table([row]), 1)[0][0].period_text == "ต.ค. 2565 ถึง กุย. 2566"


def test_latin_specks_of_a_stamp_leave_an_ocr_analysis_and_measure():
    from ita_extract.report.records import split_analysis

    text = ("สาเหตุ : ผู้ตอบแบบวัดบางรายเห็นว่าล่าช้า\nแนวทางการพัฒนา : พัฒนา\n, via 3 8 aa ช่องทางออนไลน์ หรือ E-Service "
            "(อ้างอิงจาก o17) ตาม No Gift Policy")
    p = split_analysis(text, ocr=True)
    assert p.guideline == "พัฒนา\n, 3 8 aa ช่องทางออนไลน์ หรือ E-Service (อ้างอิงจาก o17) ตาม No Gift Policy"
    assert split_analysis(text).guideline.startswith("พัฒนา\n, via 3 8 aa")  # a text layer's words are as printed
    row = _real_row()
    row[1] = _cell("บุคลากรบางส่วนเห็นว่าการมอบ veฉ« หมายงานไม่เป็นธรรม")
    row[3] = _cell("ต.ค. 2568 - aA. 2569")  # a month read as Latin letters stays for the period's reading,
    m = measure_rows(_table([row]), 1, fiscal_year=2569)[0][0]
    assert m.finding == "บุคลากรบางส่วนเห็นว่าการมอบ ฉ« หมายงานไม่เป็นธรรม"
    assert m.period_text == "ต.ค. 2568 - ก.ย. 2569"  # which reads it as the nearest period the grammar prints


def test_specks_read_as_signs_inside_thai_words_are_dropped_on_a_scan():
    from ita_extract.report.records import split_analysis

    text = "สาเหตุ : บุคลากรบางส่วน.เห็นว่าการ'ประเมิน ไม่เป็นธรรม\nแนวทางการพัฒนา : หน่วยงานควรจัด.ทำคู่มือ"
    p = split_analysis(text, ocr=True)
    assert (p.cause, p.guideline) == ("บุคลากรบางส่วนเห็นว่าการประเมิน ไม่เป็นธรรม", "หน่วยงานควรจัดทำคู่มือ")
    assert split_analysis(text).cause == "บุคลากรบางส่วน.เห็นว่าการ'ประเมิน ไม่เป็นธรรม"  # a text layer as printed
    row = _real_row()
    row[4] = _cell(".สนง.ปลัด")  # a speck before the unit; an abbreviation's stop stays
    row[3] = _cell("ต.ค. 2568 - ก.ย. 2569")
    m = measure_rows(_table([row]), 1, fiscal_year=2569)[0][0]
    assert (m.responsible, m.period_text) == ("สนง.ปลัด", "ต.ค. 2568 - ก.ย. 2569")


def test_a_period_abbreviations_stop_read_as_another_sign_or_lost():
    assert period_words("ต.ค. 2568 - 30 กุย: 2569") == "ต.ค. 2568 - 30 ก.ย. 2569"
    assert period_words("ต.ค. 2568 - 30 กิย. 2569") == "ต.ค. 2568 - 30 ก.ย. 2569"
    assert period_words("ต.ค. 2568 กุย 2569") == "ต.ค. 2568 ก.ย. 2569"
    assert period_words("ต.ค. 2565 ถึงกุย. 2566") == "ต.ค. 2565 ถึงก.ย. 2566"
    assert period_words("กิจกรรมทุกเดือน") == "กิจกรรมทุกเดือน"  # letters of a word, no abbreviation


def test_a_cited_code_ocr_read_as_letters_is_no_latin_speck():
    from ita_extract.report.analysis_text import drop_latin_specks

    assert drop_latin_specks("ระบุไว้ในคู่มือ (อ้างอิงจาก om) และ") == "ระบุไว้ในคู่มือ (อ้างอิงจาก om) และ"
    assert drop_latin_specks("No Gift Policy (อ้างอิงจากome) นอกจากนี้") == "No Gift Policy (อ้างอิงจากome) นอกจากนี้"
    assert drop_latin_specks("จัดทำสื่อ vwiecda ทุกเดือน") == "จัดทำสื่อ ทุกเดือน"


def test_a_zero_read_beside_a_cited_codes_letter_is_dropped_on_a_scan():
    from ita_extract.report.records import split_analysis

    text = "สาเหตุ : บุคลากรไม่ทราบแผน\nแนวทางการพัฒนา : เผยแพร่แผน (อ้างอิงจาก 0 o29 และ 0o30) ภายใน 10 วัน"
    assert split_analysis(text, ocr=True).guideline == "เผยแพร่แผน (อ้างอิงจาก o29 และ o30) ภายใน 10 วัน"
    assert "0 o29" in split_analysis(text).guideline  # a text layer as printed
