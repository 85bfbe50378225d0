"""Cited OIT codes checked against the words that name the item (normalize/citations.py, records)."""
from __future__ import annotations

import pytest

from extract.text.layer import Line
from extract.text.layout import Cell, Table, TextLine
from ita_extract.report.document import read_report
from normalize.citations import checked_references, item_named
from normalize.codes import citations, oit_references

W = 500.0


def _cell(*texts: str, ocr: bool = True) -> Cell:
    return Cell((0.0, 0.0, W, 100.0), tuple(Line(t, 10.0, 200.0, i * 16.0, i * 16.0 + 14, 14.0, 60.0, ocr=ocr)
                                            for i, t in enumerate(texts)))


def _report(guideline: str, year: str = "๒๕๖๙", ocr: bool = True):
    header = [_cell("ประเด็นข้อคำถาม", ocr=ocr), _cell("คะแนน", ocr=ocr), _cell("การวิเคราะห์ผลการประเมินฯ", ocr=ocr)]
    row = [_cell("i๗ ท่านเคยถูกผู้บังคับบัญชาสั่งให้ทำธุระส่วนตัว", ocr=ocr), _cell("๙๘.๗๕", ocr=ocr),
           _cell("ข้อคำถามที่ได้คะแนนน้อยที่สุด :", "i๗ ท่านเคยถูกผู้บังคับบัญชา", "สาเหตุเกิดจาก :", "เจ้าหน้าที่บางราย",
                 "แนวทางการยกระดับผลการประเมินฯ :", guideline, ocr=ocr)]
    items = [TextLine(1, Line(f"รายงานผลการวิเคราะห์ ประจำปีงบประมาณ พ.ศ. {year}", 10.0, 200.0, 0.0, 14.0, 14.0, 60.0)),
             TextLine(1, Line("ตัวชี้วัดที่ ๓ การใช้อำนาจ", 10.0, 200.0, 0.0, 14.0, 14.0, 60.0)),
             Table(page=1, bbox=(0, 0, W, 300), rows=[header, row], row_pages=[1, 1])]
    return read_report(items)


def test_citations_keep_an_item_read_as_no_code_and_a_label_with_none():
    cites = citations("ช่องทาง (อ้างอิงจาก 0 o17) และข้อมูลการติดต่อ (อ้างอิงจาก am) และ (อ้างอิงจาก ๐๑๐)")
    assert [c.items for c in cites] == [(None, "o17"), (), ("o10",)]
    assert oit_references("ช่องทาง (อ้างอิงจาก 0 o17) และ (อ้างอิงจาก am)") == ["o17"]  # unchanged reading


def test_item_named_by_a_long_stretch_of_its_text_only_when_well_ahead():
    assert item_named(2569, "เปิดโอกาสให้ประชาชนเข้ามามีส่วนร่วมในการดำเนินงาน ") == "o19"
    assert item_named(2569, "แจ้งเรื่องร้องเรียน ") is None  # o16, o17 and o18 all hold these words
    assert item_named(2569, "จัดทำคู่มือ ") is None  # too little to name anything


def test_code_misread_as_another_item_one_digit_away_is_the_named_item():
    """o19 read o13 (9 → 3), o10 read o1 (a digit lost): the words name o19 and o10, not o13 and o1."""
    r = checked_references("ให้ประชาชนเข้ามามีส่วนร่วมในการดำเนินงาน (อ้างอิงจาก o13) และเผยแพร่", 2569)
    assert r.references == ("o19",) and len(r.notes) == 1
    r = checked_references("พัฒนาระบบการให้บริการผ่านช่องทางออนไลน์ (อ้างอิงจาก o1) เพื่อลด", 2569)
    assert r.references == ("o10",)


def test_misread_weighed_among_the_items_one_digit_away_only():
    """``ประชาสัมพันธ์ระบบ E-Service``: of all 2566 items o7 (ข่าวประชาสัมพันธ์) holds as much as o17
    (E-Service), but of the items one digit from the read o16 only o17 is named."""
    assert item_named(2566, "ประชาสัมพันธ์ระบบ E-Service ") is None
    r = checked_references("ประชาสัมพันธ์ระบบ E-Service (อ้างอิงจาก o16) และจัดเจ้าหน้าที่", 2566)
    assert r.references == ("o17",)


def test_words_naming_an_item_do_not_reach_back_over_a_part_label():
    text = "ผู้รับบริการไม่ทราบข้อมูลการติดต่อ\nแนวทางการยกระดับ : ให้ชัดเจน (อ้างอิงจาก am)"
    assert checked_references(text, 2568).references == ("o3",)
    assert checked_references(text, 2568, [text.index(":") + 1]).references == ()


def test_code_kept_when_far_from_the_named_item_or_when_the_words_name_it_too():
    # o5 is named, the read o23 is no digit-misread of it: the read stands
    assert checked_references("แผนดำเนินงานและการใช้งบประมาณประจำปี (อ้างอิงจาก o23)", 2569).references == ("o23",)
    # o27's text is named, but so is part of o25's (ทรัพยากรบุคคล): the read stands
    r = checked_references("เปิดเผยหลักเกณฑ์การบริหารและพัฒนาทรัพยากรบุคคล (อ้างอิงจาก o25) ให้", 2566)
    assert r.references == ("o25",) and not r.notes
    # words naming nothing plainly: the read stands
    assert checked_references("ให้บุคลากรทราบ (อ้างอิงจาก o13)", 2569).references == ("o13",)
    # only the first item of a list follows the words; the neighbour cited with it is kept
    assert checked_references("สถิติการให้บริการ (อ้างอิงจาก o11,o12) เพื่อ", 2568).references == ("o11", "o12")


def test_code_read_as_letters_or_a_lone_zero_is_the_named_item():
    r = checked_references("เผยแพร่ข้อมูลการติดต่อของหน่วยงาน (อ้างอิงจาก am) ในจุดที่", 2568)
    assert r.references == ("o3",) and "o3" in r.notes[0]
    # a lone 0 before the next item: an item lost (o37 cited with o38) ...
    assert checked_references("รายงานผลการดำเนินการเพื่อจัดการความเสี่ยง (อ้างอิงจาก 0 o38)", 2566).references == (
        "o37", "o38")
    # ... or a stray circle before the named item misread (o16 read o11)
    assert checked_references("เผยแพร่แนวปฏิบัติการจัดการเรื่องร้องเรียน (อ้างอิงจาก 0 o11 และ", 2569).references == (
        "o16",)
    # ... and nothing named: no code is made up
    assert checked_references("ให้ชัดเจน (อ้างอิงจาก am) ใน", 2568).references == ()


def test_unknown_fiscal_year_reads_the_codes_as_printed():
    assert checked_references("ข้อมูลการติดต่อ (อ้างอิงจาก am) และ (อ้างอิงจาก o13)", None).references == ("o13",)


def test_records_correct_an_ocr_read_citation_and_flag_it():
    content = _report("เปิดโอกาสให้ประชาชนเข้ามามีส่วนร่วมในการดำเนินงาน (อ้างอิงจาก o13) และเผยแพร่ผล")
    assert content.fiscal_year == 2569
    (a,) = content.analyses
    assert a.references == ("o19",)
    assert [p.code for p in content.problems if p.code == "reference-corrected"] == ["reference-corrected"]


def test_records_leave_a_text_layer_citation_as_printed():
    content = _report("เปิดโอกาสให้ประชาชนเข้ามามีส่วนร่วมในการดำเนินงาน (อ้างอิงจาก o13) และเผยแพร่ผล", ocr=False)
    (a,) = content.analyses
    assert a.references == ("o13",)
    assert not [p for p in content.problems if p.code == "reference-corrected"]


def test_circle_read_twice_as_zero_and_letter_is_one_code():
    assert oit_references("จัดทำแผนการจัดซื้อจัดจ้าง (อ้างอิงจาก 0o21) และ") == ["o21"]
    assert [c.items for c in citations("(อ้างอิงจาก ๐o21, o22)")] == [("o21", "o22")]


def test_words_naming_an_item_start_after_the_last_clause_word():
    """The clause before names o17 (แนวปฏิบัติการจัดการเรื่องร้องเรียน) at more length than the clause
    that ends at the citation names o18: that clause alone counts (o1 read for o18: a digit lost)."""
    text = "กำหนดแนวปฏิบัติการจัดการเรื่องร้องเรียน และเผยแพร่ช่องทางแจ้งเรื่องร้องเรียน (อ้างอิงจาก o1) ให้"
    assert checked_references(text, 2568).references == ("o18",)


def test_a_generic_stretch_of_a_long_item_names_nothing():
    """The seed report's wording (../shared/seeds): ``ดำเนินการตามมาตรการ`` is 19 characters of o28's
    68; it cites o23 without naming it, and o23 stays."""
    text = ("หน่วยงานควรประเมินความเสี่ยงการทุจริตที่อาจเกิดขึ้นจากการใช้อำนาจหรือการสั่งการของผู้บังคับบัญชา "
            "นอกเหนือจากประเด็นการเรียกรับสินบน และกำหนดมาตรการจัดการความเสี่ยงดังกล่าว "
            "รวมทั้งดำเนินการตามมาตรการที่ได้กำหนดไว้ (อ้างอิงจาก o23) รวมถึงการเผยแพร่ช่องทางการร้องเรียน")
    r = checked_references(text, 2568)
    assert r.references == ("o23",) and not r.notes


@pytest.mark.parametrize(
    "text,fiscal_year,expected",
    [
        # the second item lost a digit, or read one digit wrong, beside its plan
        ("หน่วยงานควรชี้แจงแผนการใช้จ่ายงบประมาณประจำปี (อ้างอิงจาก o10 ,o1) ให้", 2566, ("o10", "o11")),
        ("ช่องทางแจ้งเรื่องร้องเรียน (อ้างอิงจาก o18, o13) ให้", 2567, ("o18", "o19")),
        # the first item misread, the second named by nothing before it
        ("ให้บุคลากรทราบ พัฒนาทรัพยากรบุคคล (อ้างอิงจาก o11, o14) ให้", 2567, ("o13", "o14")),
    ])
def test_an_item_of_a_pair_one_digit_from_the_others_neighbour_is_that_neighbour(text, fiscal_year, expected):
    checked = checked_references(text, fiscal_year)
    assert checked.references == expected
    assert len(checked.notes) == 1


@pytest.mark.parametrize(
    "text,fiscal_year",
    [
        ("(อ้างอิงจาก o23,o25) ให้", 2567),  # either could be the misread: nothing decides
        ("(อ้างอิงจาก o37,o38) ให้", 2566),  # neighbours already
        ("เปิดเผยหลักเกณฑ์การบริหารและพัฒนาทรัพยากรบุคคล (อ้างอิงจาก o25, o27) ให้", 2566),  # o27 named
        ("(อ้างอิงจาก o5, o9, o10) ให้", 2567),  # a list of three: no pair
    ])
def test_a_pair_with_no_clear_misread_stays_as_read(text, fiscal_year):
    checked = checked_references(text, fiscal_year)
    assert not [n for n in checked.notes if "beside" in n]


def test_an_item_named_whole_is_named_against_items_sharing_a_part_of_it():
    """``แผนดำเนินงานประจำปี`` (o5 of 2567, whole) against ``รายงานผลการดำเนินงานประจำปี`` (o7, which
    shares ``ดำเนินงานประจำปี``): o5; a code read as no item there is o5 (a label and a lost code)."""
    assert item_named(2567, "เผยแพร่แผนดำเนินงานประจำปี ") == "o5"
    assert item_named(2567, "ดำเนินงานประจำปี ") is None  # a part of both whole of neither
    text = "ดังนั้น เผยแพร่แผนดำเนินงานประจำปี (อ้างอิงจาก 0110)ละรายงานผล บนเว็บไซต์หลักของหน่วยงาน"
    assert checked_references(text, 2567).references == ("o5",)


def test_a_speck_read_as_a_point_inside_a_cited_item_is_no_part_of_it():
    assert oit_references("ช่องทาง (อ้างอิงจาก o1.4) ให้") == ["o14"]
    assert oit_references("รายงานผล (อ้างอิงจาก 0.7) ให้") == ["o7"]
    assert oit_references("(อ้างอิงจาก o14.,015) ให้") == ["o14", "o15"]  # a point beside a comma: two items
    assert oit_references("(อ้างอิงจาก o1. และเผยแพร่") == ["o1"]  # a point and no digit after it


def test_a_lone_zero_before_a_code_the_words_name_too_is_its_circle():
    # the words name o27 best, and o25 (นโยบายการบริหารทรัพยากรบุคคล) well: no item of its own before o25
    text = "เปิดเผยหลักเกณฑ์การบริหารและพัฒนาทรัพยากรบุคคล (อ้างอิงจาก 0 o25) ให้บุคลากรรับทราบ"
    assert checked_references(text, 2566).references == ("o25",)
    # a lone 0 before an item whose neighbour the words name: the neighbour lost its digits
    text = "รายงานผลการดำเนินการเพื่อจัดการความเสี่ยง (อ้างอิงจาก 0 o38) ภายใน"
    assert checked_references(text, 2566).references == ("o37", "o38")


def test_no_misread_is_read_where_the_words_plainly_name_an_item_not_one_digit_away():
    # "ประจำปี" and "การประเมิน" stretch o36 (การประเมินความเสี่ยงการทุจริตประจำปี), one digit from o6;
    # the words name o10 (แผนดำเนินงานประจำปี) whole
    words = "ให้ครบถ้วนตามหลักเกณฑ์การประเมิน\nเผยแพร่แผนดำเนินงานประจำปี "
    assert item_named(2565, words) == "o10"
    assert "o36" not in checked_references(words + "(อ้างอิงจาก o6) และ", 2565).references


def test_a_listed_second_item_read_as_no_code_is_the_first_ones_neighbour():
    text = "กำหนดโครงการตามแผนดำเนินงานประจำปี (อ้างอิงจาก 000,000) และรายงาน"  # o10 named, o11 lost
    assert checked_references(text, 2565).references == ("o10", "o11")
    # a 0 after a code with no list sign is a speck
    assert checked_references("ตามแผนดำเนินงานประจำปี (อ้างอิงจาก o10 0) และ", 2565).references == ("o10",)


def test_an_item_of_a_pair_read_on_into_a_digit_lookalike_lost_a_digit():
    # o1 holds "สร้าง" and "หน้าที่" of the words, yet "o1ฒ" is a code of two digits read short
    text = "จัดกิจกรรมเสริมสร้างจิตสำนึกในการปฏิบัติหน้าที่ตามประมวลจริยธรรม (อ้างอิงจาก o16 และ o1ฒ) ให้"
    assert checked_references(text, 2567).references == ("o16", "o17")
    assert checked_references(text.replace("o1ฒ", "o1"), 2567).references == ("o16", "o1")


def test_a_code_no_item_bears_is_the_near_item_whose_text_the_words_cover_most():
    # o67 is no item of 2567; o7 (รายงานผลการดำเนินงานประจำปี) is covered by 20 of 27 characters,
    # o6 (รายงานการกำกับติดตามการดำเนินงาน รอบ 6 เดือน) by 18 of 38
    text = "เผยแพร่แผนดำเนินงานประจำปี และรายงานผลการดำเนินงาน (อ้างอิงจาก o67) บนเว็บไซต์"
    assert checked_references(text, 2567).references == ("o7",)
    # a code of the year is weighed as before: no change by shares alone
    assert checked_references(text.replace("o67", "o6"), 2567).references == ("o6",)


def test_a_comma_closing_a_cited_list_stands_for_an_item_lost_after_it():
    """``(อ้างอิงจาก o23, ให้ครบถ้วน``: the second item and the bracket lost; a plan and its report are cited
    together, so the item is o23's neighbour. An item glued to the next word after no comma is no list."""
    assert citations("รายงานความก้าวหน้า (อ้างอิงจาก o23, ให้ครบถ้วน")[0].items == ("o23", None)
    text = "จัดทำข้อมูลรายการจัดซื้อจัดจ้างและรายงานความก้าวหน้า (อ้างอิงจาก o23, ให้ครบถ้วน"
    assert checked_references(text, 2565).references == ("o23", "o24")
    assert checked_references("จัดทำคู่มือแนวทางการใช้ทรัพย์สินของราชการ (อ้างอิงจาก o17 และเผยแพร่ให้", 2566
                              ).references == ("o17",)


def test_two_items_read_as_one_are_split_and_a_repeated_item_is_the_neighbour_the_words_name():
    """``015015``: ๐๑๔,๐๑๕ with the comma lost and ๔ read as ๕; the words name o14 (2565)."""
    assert oit_references("(อ้างอิงจาก 015016) และ") == ["o15", "o16"]
    text = "จัดทำคู่มือการให้บริการที่ระบุขั้นตอนและระยะเวลาให้ชัดเจน (อ้างอิงจาก 015015) และเผยแพร่"
    assert checked_references(text, 2565).references == ("o14", "o15")
    assert checked_references("ข่าวสาร (อ้างอิงจาก 015015) และ", 2565).references == ("o15",)  # nothing named


def test_an_item_read_twice_between_two_that_run_in_order_is_left_out():
    text = "ระบุขั้นตอนและระยะเวลาให้ชัดเจน (อ้างอิงจาก o9,o1 ,o10) และเผยแพร่"
    assert checked_references(text, 2568).references == ("o9", "o10")
    assert checked_references("ชัดเจน (อ้างอิงจาก o5, o1 ,o10) และ", 2568).references == ("o5", "o1", "o10")  # no order


def test_of_a_pair_either_of_which_could_be_the_misread_the_one_the_words_hold_less_of_is():
    text = "จัดทำข้อมูลรายการจัดซื้อจัด .จ้างและรายงานความก้าวหน้า (อ้างอิงจาก o23, o25) ให้"
    assert checked_references(text, 2565).references == ("o23", "o24")


def test_a_pair_item_no_item_of_the_year_bears_is_the_others_neighbour():
    """2568 has 28 OIT items: ``010,030`` is o10,o11 (๑ and ๓ alike)."""
    text = "พัฒนาช่องทางการให้บริการออนไลน์ (อ้างอึงจาก 010,030)เพื่อลดการ"
    assert checked_references(text, 2568).references == ("o10", "o11")
    assert checked_references(text, 2565).references == ("o10", "o30")  # o30 is an item of 2565


def test_a_garbled_label_after_latin_specks_is_a_citation():
    assert oit_references("ทรัพยากรบุคคล (wiวิ่งอิงจาก“525) ให้บุคลากร") == ["o25"]


@pytest.mark.parametrize("spaced", ["", " "])
def test_words_that_name_an_item_and_go_on_to_list_another_thing_name_no_misread(spaced):
    """``ตามแผนดำเนินงานประจำปี และรายงานความก้าวหน้า (อ้างอิงจาก o6)``: the words name o5 whole, then list
    a report; the citation may cite the report, so o6 stays (OCR often drops the space before และ).
    The same words without the report still name o5 against a misread one digit away."""
    listed = f"นำผลไปกำหนดโครงการตามแผนดำเนินงานประจำปี{spaced}และรายงานความก้าวหน้า (อ้างอิงจาก o6)"
    r = checked_references(listed, 2568)
    assert (r.references, r.notes) == (("o6",), ())
    assert checked_references("นำผลไปกำหนดโครงการตามแผนดำเนินงานประจำปี (อ้างอิงจาก o6)", 2568).references == ("o5",)
