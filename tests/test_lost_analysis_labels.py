"""An analysis cell whose cause label OCR lost: the questionnaire's wording of the lowest question says
where its quote ends, and what follows it up to the guideline is the cause (issue 9).

Hand-written page items in the shape OCR gave dev scans: the label line dropped, the label read as
Latin letters before its colon, its first letters alone on a line; the question's own end lost too.
"""
from __future__ import annotations

from extract.text.layer import Line
from extract.text.layout import Cell, Table, TextLine
from ita_extract.report.document import read_report
from ita_extract.report.analysis_text import cause_after_quote, quote_end

W = 500.0
QUESTION = "หน่วยงานของท่าน มีการใช้งบประมาณหรือการจัดซื้อจัดจ้างที่เอื้อประโยชน์ให้บุคคลใดบุคคลหนึ่ง มากน้อยเพียงใด"
CAUSE = "พนักงานและลูกจ้างบางส่วน เข้าใจว่ามีการเบิกจ่ายค่าตอบแทนไม่ตรงกับการปฏิบัติงานจริง"
GUIDELINE = "หน่วยงานควรตรวจสอบการเบิกจ่ายค่าตอบแทนให้ตรงกับการปฏิบัติงานจริงทุกครั้ง"


def _cell(*texts: str, ocr: bool = True) -> Cell:
    return Cell((0.0, 0.0, W, 16.0 * max(len(texts), 1)),
                tuple(Line(t, 10.0, 200.0, i * 16.0, i * 16.0 + 14, 14.0, 60.0, ocr=ocr) for i, t in enumerate(texts)))


def _free(text: str) -> TextLine:
    return TextLine(1, Line(text, 10.0, 200.0, 0.0, 14.0, 14.0, 60.0))


def _analysis(*lines: str, ocr: bool = True):
    header = [_cell("ประเด็นข้อคำถาม", ocr=ocr), _cell("คะแนน", ocr=ocr), _cell("การวิเคราะห์ผลการประเมิน", ocr=ocr)]
    rows = [header,
            [_cell("i4 หน่วยงานของท่าน ใช้จ่ายงบประมาณเป็นไปตามวัตถุประสงค์ มากน้อยเพียงใด", ocr=ocr),
             _cell("100.00", ocr=ocr), _cell(*lines, ocr=ocr)],
            [_cell(f"i6 {QUESTION}", ocr=ocr), _cell("91.36", ocr=ocr), None]]
    table = Table(page=1, bbox=(0, 0, W, 300), rows=rows, row_pages=[1] * len(rows))
    content = read_report([_free("ปีงบประมาณ พ.ศ. 2570"), _free("ตัวชี้วัดที่ 2 การใช้งบประมาณ"), table])
    (a,) = content.analyses
    return a


def test_a_cause_whose_label_line_ocr_lost_is_the_text_after_the_quoted_question():
    # the label's line lost, and the question's last words with it
    a = _analysis("ข้อคำถามที่ได้คะแนนน้อยที่สุด:",
                  "i6 หน่วยงานของท่าน มีการใช้งบประมาณหรือการจุ๊ดซื่อจัดจ้างที่เอื้อประโยชน์ให้บุคคลใดบุคคลหนึ่ง ni",
                  CAUSE, f"ข้อเสนอแนะ: {GUIDELINE}")
    assert (a.lowest_questions, a.cause, a.guideline) == (("i6",), CAUSE, GUIDELINE)


def test_a_cause_label_ocr_read_as_latin_before_its_colon_opens_the_cause():
    a = _analysis("ข้อคำถามที่ได้คะแนนน้อยที่สุด :", f"i6 {QUESTION}", f"aiing : {CAUSE}", f"ข้อเสนอแนะ : {GUIDELINE}")
    assert (a.cause, a.guideline) == (CAUSE, GUIDELINE)


def test_a_cause_run_on_after_the_question_on_its_line_is_cut_where_the_question_ends():
    a = _analysis(f"ข้อคำถามที่ได้คะแนนน้อยที่สุด คือ: i6 {QUESTION}{CAUSE}", f"ข้อเสนอแนะ: {GUIDELINE}")
    assert a.cause == CAUSE


def test_a_lost_labels_first_letters_alone_on_a_line_are_no_cause():
    a = _analysis("ข้อคำถามที่ได้คะแนนน้อยที่สุด:", f"i6 {QUESTION}", "สาเห", CAUSE, f"ข้อเสนอแนะ: {GUIDELINE}")
    assert a.cause == CAUSE


def test_a_labelled_cause_and_a_text_layer_are_read_as_before():
    a = _analysis("ข้อคำถามที่ได้คะแนนน้อยที่สุด:", f"i6 {QUESTION}", f"สาเหตุ: {CAUSE}", f"ข้อเสนอแนะ: {GUIDELINE}")
    assert a.cause == CAUSE
    # a text layer prints what the report says: no cause label, no cause
    a = _analysis("ข้อคำถามที่ได้คะแนนน้อยที่สุด:", f"i6 {QUESTION}", CAUSE, f"ข้อเสนอแนะ: {GUIDELINE}", ocr=False)
    assert a.cause is None


def test_only_the_question_and_its_debris_give_no_cause():
    a = _analysis("ข้อคำถามที่ได้คะแนนน้อยที่สุด:", f"i6 {QUESTION} ni", f"ข้อเสนอแนะ: {GUIDELINE}")
    assert a.cause is None
    assert cause_after_quote(f"i6 {QUESTION}\n: ก", [QUESTION]) is None


def test_a_quote_end_is_not_sought_in_the_words_after_a_lost_question_end():
    text = "i6 หน่วยงานของท่าน มีการใช้งบประมาณหรือการจัดซื้อจัดจ้างที่เอื้อประโยชน์ให้บุคคลใดบุคคลหนึ่ง\nมากกว่าที่ผ่านมา"
    assert text[quote_end(QUESTION, text):] == "\nมากกว่าที่ผ่านมา"
    assert quote_end(QUESTION, "e4 ท่านเคยถูกเจ้าหน้าที่ร้องขอให้จ่ายเงินหรือไม่") is None


def test_a_run_of_specks_inside_a_line_is_no_text():
    from ita_extract.report.records import split_analysis
    text = (f"สาเหตุ : {CAUSE} ฆ ม & va 1 a\n"
            "แนวทางการยกระดับผลการประเมินฯ : หน่วยงานควรตรวจสอบ 2 aA © © ve เป็นระยะ (อ้างอิงจาก o5, o6)")
    p = split_analysis(text, ocr=True)
    assert (p.cause, p.guideline) == (CAUSE, "หน่วยงานควรตรวจสอบ เป็นระยะ (อ้างอิงจาก o5, o6)")
    # dates, codes, a short Latin word and a text layer stay as they are
    for line in ("ระยะเวลา 1 ต.ค. 68 - 30 ก.ย. 69", "No Gift Policy (อ้างอิงจาก o1 - o2)", "ข้อ 1 2 3"):
        assert split_analysis(f"สาเหตุ : {line}", ocr=True).cause == line
    assert split_analysis(f"สาเหตุ : {CAUSE} ฆ ม & va 1 a").cause == f"{CAUSE} ฆ ม & va 1 a"
    # a long run whatever it holds, and a line of nothing else
    p = split_analysis("สาเหตุ : พนักงานบางส่วน เห็น 1 1 5 0 0 มบ “ ว่ามีการนำรถยนต์\n47 a 12 1 2a vo a ม\nไปใช้", ocr=True)
    assert p.cause == "พนักงานบางส่วน เห็น ว่ามีการนำรถยนต์\nไปใช้"


def test_a_guideline_label_three_letters_off_before_its_colon_opens_the_guideline():
    from ita_extract.report.records import split_analysis
    text = f"สาเหตุ : {CAUSE}\nบาทางการ์พัฒนา : {GUIDELINE}"
    p = split_analysis(text, ocr=True)
    assert (p.cause, p.guideline) == (CAUSE, GUIDELINE)
    # without the colon, a line three letters off a wording stays text
    p = split_analysis(f"สาเหตุ : {CAUSE}\nบาทางการ์พัฒนา\nจัดทำทะเบียนคุมการยืมครุภัณฑ์", ocr=True)
    assert p.guideline is None and "จัดทำทะเบียน" in p.cause


def _measures(finding: str, ocr: bool = True, year: str = "2568"):
    header = [_cell(t, ocr=ocr) for t in ("มาตรการ โครงการ หรือกิจกรรม", "ผลการวิเคราะห์ตัวชี้วัด",
                                            "ขั้นตอนหรือวิธีการปฏิบัติ", "ช่วงระยะเวลา", "ผู้รับผิดชอบ")]
    row = [_cell(t, ocr=ocr) for t in ("จัดทำคู่มือ", finding, "1. ประชุม", "ต.ค. 2567 - ก.ย. 2568", "สำนักปลัด")]
    table = Table(page=1, bbox=(0, 0, W, 300), rows=[header, row], row_pages=[1, 1])
    (m,) = read_report([_free(f"ปีงบประมาณ พ.ศ. {year}"), _free("ตัวชี้วัดที่ 8 การปรับปรุงการทำงาน"), table]).measures
    return m


def test_an_ocr_read_finding_that_quotes_a_question_takes_the_questionnaires_wording():
    from normalize.questionnaire import question
    q = question(2568, "e9").text
    garbled = q.replace("ออนไลน์", "ออบไลบ์").replace("ระบบ", "ระuu")
    assert _measures(garbled).finding == q
    o = question(2568, "o11").text  # an OIT item
    assert _measures(o[:-2] + "ฉ" + o[-1:]).finding == o
    # a finding of its own words, and a text layer, stay as read
    assert _measures("ผู้รับบริการบางส่วนไม่ทราบช่องทาง").finding == "ผู้รับบริการบางส่วนไม่ทราบช่องทาง"
    assert _measures(garbled, ocr=False).finding == garbled


def test_a_guideline_whose_label_ocr_lost_opens_at_its_own_first_words():
    from ita_extract.report.records import split_analysis
    p = split_analysis(f"สาเหตุ : {CAUSE}\nพหุแล่ยุบเห {GUIDELINE}", ocr=True)
    assert (p.cause, p.guideline) == (CAUSE, GUIDELINE)
    p = split_analysis(f"สาเหตุ : {CAUSE}ดังนั้น {GUIDELINE}", ocr=True)  # run on in the line
    assert (p.cause, p.guideline) == (CAUSE, f"ดังนั้น {GUIDELINE}")
    # a cause that says "as it should" keeps its words; a text layer is read as printed
    cause = "ผู้บริหารยังให้ความสำคัญกับการแก้ไขปัญหาการทุจริตไม่มากเท่าที่ควร"
    assert split_analysis(f"สาเหตุ : {cause}", ocr=True).cause == cause
    assert split_analysis(f"สาเหตุ : {CAUSE}\n{GUIDELINE}").guideline is None
    # the cause found after a quoted question loses the guideline it ran on into
    a = _analysis("ข้อคำถามที่ได้คะแนนน้อยที่สุด:", f"i6 {QUESTION}", CAUSE, GUIDELINE)
    assert (a.cause, a.guideline) == (CAUSE, GUIDELINE)


def test_a_wrapped_labels_rest_or_specks_glued_before_the_guidelines_first_words_are_no_text():
    from ita_extract.report.records import split_analysis
    for glued in ("ผลการป", "‘ ง : ", "ห\n: "):
        p = split_analysis(f"สาเหตุ : {CAUSE}\nแนวทางการยกระดับ {glued}{GUIDELINE}", ocr=True)
        assert p.guideline == GUIDELINE, glued
    # words of the guideline's own before an opener stay
    p = split_analysis(f"สาเหตุ : {CAUSE}\nแนวทางการพัฒนา : นอกจากนี้ {GUIDELINE}", ocr=True)
    assert p.guideline == f"นอกจากนี้ {GUIDELINE}"


def test_a_label_after_a_tag_remnant_in_the_middle_of_a_line_opens_its_part():
    from ita_extract.report.records import split_analysis
    text = f"สาเหตุ : {CAUSE}42> “2>แนวทถางกัจรยตระดับผลการประเมิน\n{GUIDELINE}"
    p = split_analysis(text, ocr=True)
    assert (p.cause, p.guideline) == (CAUSE, GUIDELINE)
    # without the remnant, a garbled wording inside a line is no label
    p = split_analysis(f"สาเหตุ : {CAUSE} แนวทถางกัจรยตระดับผลการประเมิน จัดทำทะเบียนคุม", ocr=True)
    assert (p.cause, p.guideline) == (f"{CAUSE} แนวทถางกัจรยตระดับผลการประเมิน จัดทำทะเบียนคุม", None)
    # a tag remnant at a part's end is no text
    assert split_analysis(f"สาเหตุ : {CAUSE}42> “2>", ocr=True).cause == CAUSE
