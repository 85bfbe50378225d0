"""Analysis labels found by their wording and their place (report/labels.py, issue 8).

Constructed analysis texts, worded as the genre words them; none is copied
from the dev corpus.
"""
from __future__ import annotations

import pytest

from ita_extract.report.labels import LABELS, find_labels, is_label_only, opens_with_label
from ita_extract.report.records import cell_text, split_analysis
from extract.text.layout import Cell
from extract.text.layer import Line

RIGHT = 300.0


def _cell(*texts: str, widths: tuple[float, ...] = ()) -> Cell:
    lines = []
    for i, t in enumerate(texts):
        x1 = widths[i] if i < len(widths) else 180.0
        lines.append(Line(t, 10.0, x1, i * 16.0, i * 16.0 + 14, 14.0, min(x1 - 10.0, 50.0)))
    return Cell((0.0, 0.0, RIGHT, 200.0), tuple(lines))


@pytest.mark.parametrize("cause_label", ["สาเหตุ", "สาเหตุ :", "สาเหตุเกิดจาก", "สาเหตุที่ได้คะแนนน้อย", "สาเหตุที่ได้คะแนนน้อย:"])
@pytest.mark.parametrize("guide_label", ["แนวทางการยกระดับผลการประเมิน", "แนวทางการยกระดับผลการประเมินฯ :",
                                         "แนวทางการพัฒนา", "ข้อเสนอแนะ :", "ข้อเสนอแนะ"])
def test_every_wording_on_its_own_line(cause_label, guide_label):
    text = (f"ข้อคำถามที่ได้คะแนนน้อยที่สุด คือ e5 การประชาสัมพันธ์ข้อมูล\n{cause_label}\n"
            f"ผู้รับบริการบางรายเห็นว่าข้อมูลไม่ชัดเจน\n{guide_label}\nจัดทำสื่อประชาสัมพันธ์")
    p = split_analysis(text)
    assert p.lowest_text == "e5 การประชาสัมพันธ์ข้อมูล"
    assert p.cause == "ผู้รับบริการบางรายเห็นว่าข้อมูลไม่ชัดเจน"
    assert p.guideline == "จัดทำสื่อประชาสัมพันธ์"


def test_labels_run_on_with_their_text_without_colons():
    p = split_analysis("ข้อคำถามที่ได้คะแนนน้อยที่สุด i4 การใช้จ่ายงบประมาณ\nสาเหตุ บุคลากรขาดความเข้าใจ\n"
                       "แนวทางการพัฒนา จัดอบรมให้ความรู้")
    assert (p.lowest_text, p.cause, p.guideline) == ("i4 การใช้จ่ายงบประมาณ", "บุคลากรขาดความเข้าใจ",
                                                      "จัดอบรมให้ความรู้")


def test_labels_inside_one_paragraph_need_a_colon_or_a_strong_wording():
    p = split_analysis("ข้อคำถามที่ได้คะแนนน้อยที่สุด : o7 แผนการใช้จ่าย สาเหตุเกิดจาก ไม่เผยแพร่แผน "
                       "แนวทางการยกระดับผลการประเมิน จัดทำแผนและเผยแพร่")
    assert (p.cause, p.guideline) == ("ไม่เผยแพร่แผน", "จัดทำแผนและเผยแพร่")


def test_words_of_running_text_are_no_labels():
    # "แนวทางการพัฒนา" and "สาเหตุ" inside sentences are not labels
    p = split_analysis("ข้อคำถามที่ได้คะแนนน้อยที่สุด : i2 การให้บริการ\nสาเหตุเกิดจาก : ไม่มีแนวทางการพัฒนาที่ชัดเจน\n"
                       "แนวทางการยกระดับผลการประเมินฯ : ทบทวนสาเหตุหลักของปัญหา และจัดทำแนวทางการพัฒนาบุคลากร")
    assert p.cause == "ไม่มีแนวทางการพัฒนาที่ชัดเจน"
    assert p.guideline == "ทบทวนสาเหตุหลักของปัญหา และจัดทำแนวทางการพัฒนาบุคลากร"


def test_label_wrapped_over_two_lines_of_a_narrow_column():
    # the label breaks inside a word ("ประ" / "เมินฯ"); the guideline keeps its first line
    cell = _cell("สาเหตุเกิดจาก : บุคลากรขาด", "ความรู้", "แนวทางการยกระดับผลการประ", "เมินฯ : จัดอบรมเจ้าหน้าที่",
                 "ทุกไตรมาส", widths=(295.0, 60.0, 296.0, 298.0, 80.0))
    p = split_analysis(cell_text(cell))
    assert p.cause == "บุคลากรขาดความรู้"
    assert p.guideline == "จัดอบรมเจ้าหน้าที่ทุกไตรมาส"


def test_a_line_opening_with_a_non_label_phrase_is_no_paragraph():
    # "แนวทางการใช้…" at a line start is running text wrapped there, not a label
    cell = _cell("หน่วยงานควรกำหนด", "แนวทางการใช้ทรัพย์สินของราชการ", widths=(296.0, 200.0))
    assert "\n" not in cell_text(cell)


def test_fuzzy_label_garbled_by_ocr_still_splits():
    p = split_analysis("ข้อคําถามหู๊ได้คะแนนน้อยทีสุด : o12 รายงานผล\nสาเหตูเกิดจาก : ข้อมูลไม่ครบ")
    assert p.lowest_text == "o12 รายงานผล"
    assert p.cause == "ข้อมูลไม่ครบ"


def test_no_label_at_all_keeps_the_text_as_guideline_and_says_so():
    p = split_analysis("จัดทำคู่มือการปฏิบัติงานและเผยแพร่")
    assert p.guideline == "จัดทำคู่มือการปฏิบัติงานและเผยแพร่" and not p.labelled


def test_registry_wordings_all_match_themselves():
    for kind, phrases in LABELS.items():
        for ph in phrases:
            found = find_labels(ph.text + " : ข้อความ")
            assert found and found[0].kind == kind and found[0].start == 0, ph.text


def test_line_helpers():
    assert opens_with_label("ข้อเสนอแนะ : ควรจัดทำ")
    assert not opens_with_label("ข้อเสนอแนะให้หน่วยงาน")
    assert is_label_only("แนวทางการยกระดับผลการประเมินฯ :")
    assert not is_label_only("แนวทางการยกระดับผลการประเมินฯ : จัดทำ")


def test_an_unlabelled_analysis_cell_is_reported():
    from extract.text.layout import Table, TextLine
    from ita_extract.report.document import read_report

    def c(t):
        return Cell((0.0, 0.0, RIGHT, 100.0), (Line(t, 10.0, 180.0, 0, 14, 14.0, 50.0),))

    items = [TextLine(1, Line("ตัวชี้วัดที่ 2 การใช้งบประมาณ", 10.0, 180.0, 0, 14, 14.0, 50.0)),
             Table(page=1, bbox=(0, 0, RIGHT, 300), row_pages=[1, 1],
                   rows=[[c("ประเด็นข้อคำถาม"), c("คะแนน"), c("การวิเคราะห์ผล")],
                         [c("i4 การใช้จ่ายงบประมาณ"), c("95.00"), c("ควรจัดทำแผนการใช้จ่ายและเผยแพร่")]])]
    content = read_report(items)
    assert content.analyses[0].guideline == "ควรจัดทำแผนการใช้จ่ายและเผยแพร่"
    assert ("analysis-unlabelled", 2) in {(p.code, p.indicator) for p in content.problems}


@pytest.mark.parametrize("garbled", ["แนวทางการพผัฒนา", "แนวทางการพัฒา", "แนวทางการยกระดับผลการประมิน",
                                     "สาเหตุที่ได้คะแนนนอ้ย"])
def test_a_label_ocr_misread_by_a_letter_still_opens_its_paragraph(garbled):
    # OCR added, lost or swapped a letter of the label: the cell's line
    # before is full, so only the label's wording tells a paragraph opens there
    cell = _cell("สาเหตุเกิดจาก : ผู้รับบริการบางรายเห็นว่าข้อมูล", "ไม่ชัดเจนและไม่ครบถ้วน",
                 f"{garbled} หน่วยงานควรจัดทำสื่อประชาสัมพันธ์", widths=(RIGHT, RIGHT, 200.0))
    text = cell_text(cell)
    p = split_analysis(text)
    if garbled.startswith("สาเหตุ"):  # a second cause label: the first one stands
        assert p.cause.startswith("ผู้รับบริการ")
        return
    assert p.cause == "ผู้รับบริการบางรายเห็นว่าข้อมูลไม่ชัดเจนและไม่ครบถ้วน"
    assert p.guideline == "หน่วยงานควรจัดทำสื่อประชาสัมพันธ์"


@pytest.mark.parametrize("line", ["แนวทางการใช้ทรัพย์สินของราชการ", "แนวทางการพัฒนาบุคลากรให้มีความรู้",
                                  "แนวทางการปฏิบัติงานที่ชัดเจน", "สาเหตุที่ไม่ได้รับการแก้ไข"])
def test_a_sentence_near_a_label_does_not_open_a_paragraph(line):
    assert not opens_with_label(line)
    p = split_analysis(f"สาเหตุเกิดจาก : บุคลากรไม่ทราบ\nแนวทางการยกระดับผลการประเมินฯ : จัดอบรม\n{line}")
    assert p.guideline == f"จัดอบรม\n{line}"


@pytest.mark.parametrize("between", [" .\n' ", "::", " : . ", "30>\n", "\n;\n", " | "])
def test_debris_between_a_label_and_its_text_is_dropped(between):
    p = split_analysis(f"สาเหตุ{between}ผู้ตอบแบบวัดบางรายเห็นว่าไม่โปร่งใส\n"
                       f"แนวทางการยกระดับผลการประเมินฯ{between}(อ้างอิงจาก o8) จัดอบรม", ocr=True)
    assert p.cause == "ผู้ตอบแบบวัดบางรายเห็นว่าไม่โปร่งใส"
    assert p.guideline == "(อ้างอิงจาก o8) จัดอบรม"


def test_specks_after_the_text_go_only_where_ocr_read_it():
    text = "สาเหตุ : บุคลากรไม่ทราบแผน .\nแนวทางการพัฒนา : จัดอบรม *"
    assert (split_analysis(text, ocr=True).cause, split_analysis(text, ocr=True).guideline) == (
        "บุคลากรไม่ทราบแผน", "จัดอบรม")
    assert split_analysis(text).cause == "บุคลากรไม่ทราบแผน ."  # a text layer's sign is kept


def test_a_label_right_after_a_tag_remnant_that_lost_its_bracket():
    p = split_analysis("ข้อคำถามที่ได้คะแนนน้อยที่สุด คือ\ni3 การให้บริการ\n5ถ>สาเหตุเกิดจาก\nบุคลากรไม่ทราบ\n"
                       "แนวทางการยกระดับผลการประเมินฯ จัดอบรม", ocr=True)
    assert p.lowest_text.startswith("i3 การให้บริการ")
    assert (p.cause, p.guideline) == ("บุคลากรไม่ทราบ", "จัดอบรม")


def test_a_paragraph_tag_read_as_a_number_before_a_part_is_dropped():
    p = split_analysis("สาเหตุ : บุคลากรไม่ทราบ\nแนวทางการยกระดับผลการประเมินฯ :\n<20>ดังนั้น จัดอบรม", ocr=True)
    assert p.guideline == "ดังนั้น จัดอบรม"


@pytest.mark.parametrize("garbled", ["to เสนอแนะ :", "lw เสนอแนะ:", "แนวทางการพัฒ :"])
def test_a_label_that_lost_two_letters_opens_its_paragraph_when_a_colon_closes_it(garbled):
    # issue 9: OCR read the label's first letters as Latin (ข้อ -> "to") or lost its last two;
    # at a paragraph's opening the colon after it says a label stands there
    p = split_analysis(f"สาเหตุ : บุคลากรบางส่วนไม่ทราบช่องทางร้องเรียน\n{garbled} หน่วยงานควรจัดทำคู่มือ", ocr=True)
    assert p.cause == "บุคลากรบางส่วนไม่ทราบช่องทางร้องเรียน"
    assert p.guideline == "หน่วยงานควรจัดทำคู่มือ"


@pytest.mark.parametrize("line", ["เสนอแนะให้หน่วยงานจัดอบรม", "to เสนอแนะให้ผู้บริหารทราบ", "แนวทางการพัฒ ให้ครบ"])
def test_two_letters_off_a_label_without_a_colon_stay_text(line):
    p = split_analysis(f"สาเหตุ : บุคลากรบางส่วนไม่ทราบ\n{line}", ocr=True)
    assert p.guideline is None
    assert p.cause == f"บุคลากรบางส่วนไม่ทราบ\n{line}"


def test_a_garbled_label_run_into_the_line_before_still_splits_at_its_colon():
    # issue 9: OCR lost the label's first letters (แนวท), so its line did not open a paragraph and
    # was joined to the cause as a wrap; the fuzzy window then ran past the label into "ฯ :"
    text = ("สาเหตุเกิดจาก : ผู้ตอบแบบวัดบางรายเห็นว่าการติดต่อราชการยังล่าช้า"
            "างการยกระดับผลการประเมินฯ : หน่วยงานควรลดขั้นตอนการให้บริการ และเผยแพร่ผลการดำเนินงาน")
    p = split_analysis(text, ocr=True)
    assert p.cause == "ผู้ตอบแบบวัดบางรายเห็นว่าการติดต่อราชการยังล่าช้า"
    assert p.guideline == "หน่วยงานควรลดขั้นตอนการให้บริการ และเผยแพร่ผลการดำเนินงาน"


@pytest.mark.parametrize("garbled", ["แนวทางการ Wann :", "แนวทางการยก ius:", "แนวทางกาs :"])
def test_a_label_whose_rest_ocr_read_as_latin_closes_the_cause(garbled):
    # issue 9: OCR read a label's first words right and its rest as Latin letters, alone on its line
    # and closed by a colon: the cause ran on over the label into the whole guideline
    text = (f"ข้อคำถามที่ได้คะแนนน้อยที่สุด : i3 การติดต่อ\nสาเหตุเกิดจาก : ผู้รับบริการบางส่วนไม่ทราบช่องทาง\n"
            f"{garbled}\nเปิดโอกาสให้ประชาชนเข้ามามีส่วนร่วม")
    p = split_analysis(text, ocr=True)
    assert p.cause == "ผู้รับบริการบางส่วนไม่ทราบช่องทาง"
    assert p.guideline == "เปิดโอกาสให้ประชาชนเข้ามามีส่วนร่วม"


@pytest.mark.parametrize("line", ["ผู้รับบริการ Wann :", "แนว ab :"])
def test_a_line_of_text_and_latin_before_a_colon_is_no_label(line):
    p = split_analysis(f"สาเหตุ : บุคลากรบางส่วนไม่ทราบ\n{line}\nเปิดโอกาส", ocr=True)
    assert p.guideline is None


def test_a_colon_read_as_sara_a_after_a_label_closes_it():
    # issue 9: OCR read the colon after "สาเหตุ" as ะ, run on with the lowest question's line: no
    # Thai word has ะ after a vowel mark, so the label stood there and the cause was lost
    text = ("ข้อคำถามที่ได้คะแนนน้อยที่สุด คือ i14 ท่านได้รับการประเมินผล มากน้อยเพียงใดสาเหตุะบุคลากรบางส่วนไม่ทราบ\n"
            "แนวทางการพัฒนา : จัดอบรม")
    p = split_analysis(text, ocr=True)
    assert (p.cause, p.guideline) == ("บุคลากรบางส่วนไม่ทราบ", "จัดอบรม")


def test_a_short_label_one_letter_off_alone_on_its_line_with_its_colon_read_as_sara_a():
    text = ("ข้อคำถามที่ได้คะแนนน้อยที่สุด : i14 ท่านได้รับการประเมินผล\nสิ่งเหตะ\nผู้รับบริการบางส่วนไม่ทราบ\n"
            "แนวทางการยกระดับผลการประเมินฯ : จัดอบรม")
    p = split_analysis(text, ocr=True)
    assert (p.cause, p.guideline) == ("ผู้รับบริการบางส่วนไม่ทราบ", "จัดอบรม")


@pytest.mark.parametrize("word", ["กะ", "นะ", "สาเหตุ"])
def test_sara_a_after_a_consonant_or_without_it_is_no_colon(word):
    # "จากะ": ะ after a consonant may open a syllable; a label without ะ or colon inside a line stays text
    text = f"ข้อคำถามที่ได้คะแนนน้อยที่สุด : i14 ท่านได้รับ มากน้อยสาเหตุ{word}หลักคือ\nแนวทางการพัฒนา : จัดอบรม"
    p = split_analysis(text, ocr=True)
    assert p.cause is None


def test_lines_of_specks_in_an_ocr_cell_are_dropped_and_text_lines_kept():
    # issue 9: a stamp's or a speck's reading on a line of its own ("1", ":", "า") ended a guideline
    text = "สาเหตุ : บุคลากรไม่ทราบแผน\n:\nแนวทางการพัฒนา : จัดอบรมบุคลากร\nา\n1"
    p = split_analysis(text, ocr=True)
    assert (p.cause, p.guideline) == ("บุคลากรไม่ทราบแผน", "จัดอบรมบุคลากร")
    assert split_analysis(text).guideline == "จัดอบรมบุคลากร\nา\n1"  # a text layer's lines are kept


def test_lines_of_specks_in_an_ocr_measure_cell_are_dropped():
    from ita_extract.report.records import measure_rows
    from ita_extract.report.sections import IndicatorTable

    def cell(*texts: str, ocr: bool) -> Cell:
        return Cell((0.0, 0.0, RIGHT, 200.0), tuple(
            Line(t, 10.0, 60.0, i * 16.0, i * 16.0 + 14, 14.0, 40.0, conf=90.0, ocr=ocr) for i, t in enumerate(texts)))

    for ocr in (True, False):
        row = [cell("จัดทำคู่มือการให้บริการ", ".", ocr=ocr), cell("ผู้รับบริการบางรายเห็นว่าล่าช้า", "1", ocr=ocr),
               cell("1. ประชุมชี้แจง", ":", "2. ติดประกาศ", ocr=ocr), cell("ต.ค. 2568 - ก.ย. 2569", ocr=ocr),
               cell("สำนักปลัด", ocr=ocr)]
        t = IndicatorTable("measures", [], "", 1, {"measure": 0, "finding": 1, "steps": 2, "period": 3,
                                                   "responsible": 4}, 1, rows=[row], row_pages=[1])
        m = measure_rows(t, 1)[0][0]
        if ocr:
            assert (m.measure, m.finding, m.steps) == ("จัดทำคู่มือการให้บริการ", "ผู้รับบริการบางรายเห็นว่าล่าช้า",
                                                       "1. ประชุมชี้แจง\n2. ติดประกาศ")
        else:  # a text layer's lines are kept
            assert m.steps == "1. ประชุมชี้แจง\n:\n2. ติดประกาศ"
