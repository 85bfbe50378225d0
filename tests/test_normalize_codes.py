"""normalize/codes.py: question codes as the seed prints them."""

from __future__ import annotations

import pytest

from normalize import questionnaire
from normalize.codes import (
    QuestionCode,
    find_codes,
    oit_references,
    parse_code_range,
    parse_question_code,
    split_question,
)
from normalize.indicators import tool_for_indicator
from normalize.thai import normalize_text


@pytest.mark.parametrize(
    "token,tool,expected",
    [
        ("i๑", None, "i1"),
        ("i 1", None, "i1"),
        ("I12", None, "i12"),
        ("i๑๕", "IIT", "i15"),
        ("e๔", None, "e4"),
        ("e๙", "EIT", "e9"),
        ("o๑๒", None, "o12"),
        ("O12", None, "o12"),
        ("๐๑๐", None, "o10"),  # Thai zero printed for o
        ("๐๑๐", "IIT", "o10"),  # the zero is a letter whatever the tool
        ("๐๘", None, "o8"),
        ("๐๒๘", "OIT", "o28"),
        ("010", "OIT", "o10"),
        ("08", "OIT", "o8"),
        ("๗", "IIT", "i7"),  # the letter was lost
        ("๘", "iit", "i8"),
        ("๓", "EIT", "e3"),
        ("12", "OIT", "o12"),
        ("[7", "IIT", "i7"),  # OCR noise for a thin i
        ("|7", None, "i7"),
        ("l7", None, "i7"),
        ("i๒:", None, "i2"),
    ],
)
def test_parse_question_code(token: str, tool: str | None, expected: str) -> None:
    assert parse_question_code(token, tool) == expected


@pytest.mark.parametrize(
    "token,tool",
    [
        ("๗", None),  # bare number, tool unknown
        ("010", None),
        ("010", "IIT"),
        ("[7", "EIT"),  # a thin i cannot be an EIT code
        ("i0", None),
        ("ตัวชี้วัด", None),
        ("คะแนน", "IIT"),
        ("99.38", "IIT"),
        ("", "IIT"),
        ("2568", "IIT"),
    ],
)
def test_parse_question_code_rejects(token: str, tool: str | None) -> None:
    assert parse_question_code(token, tool) is None


@pytest.mark.parametrize(
    "cell,tool,expected",
    [
        (
            "i๑ การปฏิบัติงานหรือให้บริการของเจ้าหน้าที่ ในหน่วยงานของท่านเป็นไปตามขั้นตอนและ ระยะเวลา มากน้อยเพียงใด",
            "IIT",
            ("i1", "การปฏิบัติงานหรือให้บริการของเจ้าหน้าที่ ในหน่วยงานของท่านเป็นไปตามขั้นตอนและ ระยะเวลา มากน้อยเพียงใด"),
        ),
        (
            "๗ ท่านเคยถูกผู้บังคับบัญชา*ของท่านสั่งให้ทำธุระส่วนตัวของผู้บังคับบัญชาหรือพวกพ้องบ่อยครั้ง มากน้อยเพียงใด",
            "IIT",
            ("i7", "ท่านเคยถูกผู้บังคับบัญชา*ของท่านสั่งให้ทำธุระส่วนตัวของผู้บังคับบัญชาหรือพวกพ้องบ่อยครั้ง มากน้อยเพียงใด"),
        ),
        (
            "e๔ หน่วยงานมีช่องทางการเผยแพร่ข้อมูลข่าวสารที่สามารถเข้าถึงได้ง่าย",
            "EIT",
            ("e4", "หน่วยงานมีช่องทางการเผยแพร่ข้อมูลข่าวสารที่สามารถเข้าถึงได้ง่าย"),
        ),
        (
            "๐๑๒ รายงานการจัดซื้อจัดจ้างหรือการจัดหาพัสดุ",
            "OIT",
            ("o12", "รายงานการจัดซื้อจัดจ้างหรือการจัดหาพัสดุ"),
        ),
        ("i10 เจ้าหน้าที่ในหน่วยงานของท่าน", None, ("i10", "เจ้าหน้าที่ในหน่วยงานของท่าน")),
        ("7 ท่านเคยถูกผู้บังคับบัญชา", "IIT", ("i7", "ท่านเคยถูกผู้บังคับบัญชา")),
        ("i๑การปฏิบัติงาน", "IIT", ("i1", "การปฏิบัติงาน")),
        # OCR lost the space after a Thai-zero code (wiangsawan, 200 dpi)
        ("03อำนาจหน้าที่", "OIT", ("o3", "อำนาจหน้าที่")),
        ("๐๓อำนาจหน้าที่", "OIT", ("o3", "อำนาจหน้าที่")),
    ],
)
def test_split_question(cell: str, tool: str | None, expected: tuple[str, str]) -> None:
    assert split_question(cell, tool) == expected


@pytest.mark.parametrize(
    "cell,tool",
    [
        ("๑.สร้างการเรียนรู้ให้แก่บุคลากร เพื่อปลูกฝังทัศนคติในการปฏิบัติงาน", "IIT"),  # a list
        ("ประเด็นข้อคำถาม", "IIT"),
        ("๗ ท่านเคยถูกผู้บังคับบัญชา", None),  # bare number, no tool
        ("E-Service และ", "EIT"),
        ("๙๙.๓๘", "IIT"),
        ("๑๒การจัดซื้อจัดจ้าง", "OIT"),  # a bare number touching the text is no code
        ("03อำนาจหน้าที่", "IIT"),  # a zero stands for o only in OIT
    ],
)
def test_split_question_without_code(cell: str, tool: str | None) -> None:
    assert split_question(cell, tool) == (None, cell.strip())


@pytest.mark.parametrize(
    "cell,expected",
    [
        ("<p>๐๑ - ๐๒๘</p>", ("o1", "o28")),
        ("o1 – o28", ("o1", "o28")),
        ("O1-O28", ("o1", "o28")),
        ("01 - 028", ("o1", "o28")),  # the same row after normalize_text
        ("o1 ถึง o28", ("o1", "o28")),
        ("i1 - i15", ("i1", "i15")),
        # issue 9 (dev scans D at 300 dpi, E at 150): OCR lost the dash, or read specks around the codes
        ("o1 o33", ("o1", "o33")),
        ("๐๑ ๐๒๘", ("o1", "o28")),
        ("o1 - 019 .", ("o1", "o19")),
    ],
)
def test_parse_code_range(cell: str, expected: tuple[str, str]) -> None:
    assert parse_code_range(cell) == expected


@pytest.mark.parametrize(
    "cell",
    [
        "ต.ค. ๒๕๖๘ – ๓๐ ก.ย. ๒๕๖๙",
        "1 - 28",  # no letter, no zero: unknown tool
        "o28 - o1",  # backwards
        "i1 - e9",  # two tools
        "i๑ การปฏิบัติงาน",
        "ติดต่อ - สอบถามข้อมูล",
        "o5 o5",  # a code read twice, no dash: no range
        "o5 12",  # without a dash the second code needs its letter (or the zero printed for it)
        "i1 i15",
    ],
)
def test_parse_code_range_rejects(cell: str) -> None:
    assert parse_code_range(cell) is None


ANALYSIS_1 = (
    "ข้อคำถามที่ได้คะแนนน้อยที่สุด : i๒ ในหน่วยงานของท่าน มีเจ้าหน้าที่ ที่ ปฏิบัติงานหรือให้บริการแก่ผู้มาติดต่อหรือผู้มา "
    "รับบริการอย่างเท่าเทียมกันมากน้อยเพียงใด"
)
ANALYSIS_2 = (
    "<p>ข้อคำถามที่ได้คะแนนน้อยที่สุด :</p> <p>i๖ หน่วยงานของท่าน มีการใช้งบประมาณหรือการจัดซื้อจัดจ้างที่เอื้อประโยชน์ให้บุคคลใดบุคคลหนึ่ง มากน้อยเพียงใด</p> "
    "<p>สาเหตุเกิดจาก :</p> <p>หน่วยงานมีการจัดซื้อจัดจ้างที่เอื้อประโยชน์ให้บุคคลใดบุคคลหนึ่ง</p> <p>แนวทางการยกระดับผลการประเมินฯ :</p> "
    "<p>หน่วยงานควรจัดทำแผนการจัดซื้อจัดจ้างฯ (อ้างอิงจาก ๐๑๒ ,๐๑๓) พร้อมทั้งเผยแพร่รายการจัดซื้อจัดจ้าง</p>"
)
ANALYSIS_3 = (
    "<p>ข้อคำถามที่ได้คะแนนน้อยที่สุด :</p> <p>๘ ท่านเคยถูกผู้บังคับบัญชา*ของท่าน สั่งให้ทำในสิ่งที่เป็นการทุจริตหรือประพฤตินิชอบ บ่อยครั้งมากน้อยเพียงใด</p> "
    "<p>สาเหตุเกิดจาก :</p> <p>เจ้าหน้าที่บางรายในหน่วยงานเคยถูกผู้บังคับบัญชาสั่งให้ทำในสิ่งที่ไม่ถูกต้อง</p> "
    "<p>แนวทางการยกระดับผลการประเมินฯ :</p> <p>ดำเนินการตามมาตรการที่ได้กำหนดไว้ (อ้างอิงจาก ๐๒๓) รวมถึงการเผยแพร่ช่องทาง การ ร้องเรียน "
    "ในกรณี ที่ผู้บังคับบัญชาสั่งให้กระทำในสิ่งที่ไม่ถูกต้อง หรือกระทำการทุจริตให้บุคลากรภายในได้ รับทราบด้วย (อ้างอิงจาก ๐๑๘)</p>"
)
ANALYSIS_4 = (
    "<p>ข้อคำถามที่ได้คะแนนน้อยที่สุด :</p> <p>i๑๐ เจ้าหน้าที่ในหน่วยงานของท่านมีการขอยืมหรือขอใช้ทรัพย์สินของหน่วยงานอย่างถูกต้องตามขั้นตอน/แนวปฏิบัติมากน้อยเพียงใด</p> "
    "<p>i๑๑ เจ้าหน้าที่หน่วยงานของท่าน เคยนำทรัพย์สินของหน่วยงานไปใช้เพื่อประโยชน์ส่วนตัว บ่อยครั้งมากน้อยเพียงใด</p> <p>สาเหตุเกิดจาก :</p>"
)
ANALYSIS_5 = "<p>ข้อคำถามที่ได้คะแนนน้อยที่สุด :</p> <p>-ไม่มี</p>"
ANALYSIS_7 = (
    "ข้อคำถามที่ได้คะแนนน้อยที่สุด : e๖ เจ้าหน้าที่ที่สามารถสื่อสาร ตอบข้อซักถามหรือให้คำอธิบายแก่ท่านได้อย่างชัดเจน "
    "สาเหตุเกิดจาก : ผู้รับบริการหรือผู้มาติดต่อราชการกับหน่วยงานบางมีความเห็นว่าการสื่อสาร ตอบข้อซักถาม "
    "แนวทางการยกระดับผลการประเมินฯ : ดังนั้น หน่วยงานควรมอบหมายผู้รับผิดชอบในการสื่อสารตอบข้อซักถาม หรือให้คำอธิบายผ่านช่องทางการติดต่อ - สอบถามข้อมูล (อ้างอิงจาก ๐๓)"
)
ANALYSIS_9 = (
    "<p>ข้อคำถามที่ได้คะแนนน้อยที่สุด : ๐๑๒ รายงานการจัดซื้อจัดจ้างหรือการจัดหาพัสดุ และความก้าวหน้าการจัดซื้อจัดจ้างหรือการจัดหาพัสดุ ประจำปีพ.ศ.๒๕๖๘</p> "
    "<p>สาเหตุเกิดจาก การจัดทำข้อมูลรายงานการจัดซื้อจัดจ้าง เนื้อหาและองค์ประกอบไม่ครบถ้วน</p>"
)


@pytest.mark.parametrize(
    "text,tool,expected",
    [
        (ANALYSIS_1, "IIT", ["i2"]),
        (ANALYSIS_2, "IIT", ["i6"]),
        (ANALYSIS_3, "IIT", ["i8"]),  # the code lost its letter
        (ANALYSIS_3, None, []),  # ... and without the tool it cannot be read
        (ANALYSIS_4, "IIT", ["i10", "i11"]),  # tied
        (
            "ข้อคำถามที่ได้คะแนนน้อยที่สุด : i๑๐ เจ้าหน้าที่ในหน่วยงานของท่านมีการขอยืม i๑๑ เจ้าหน้าที่หน่วยงานของท่าน เคยนำทรัพย์สิน",
            None,
            ["i10", "i11"],  # tied, on one line
        ),
        ("ข้อคำถามที่ได้คะแนนน้อยที่สุด : -ไม่มี", "IIT", []),
        ("สาเหตุเกิดจาก : บุคลากรภายในหน่วยงานปฏิบัติ 10 วัน", "IIT", []),  # a number mid-sentence
        (ANALYSIS_5, "IIT", []),
        (ANALYSIS_7, "EIT", ["e6"]),
        (ANALYSIS_9, "OIT", ["o12"]),  # not the year 2568, not a reference
        (ANALYSIS_9, None, ["o12"]),
    ],
)
def test_find_codes(text: str, tool: str | None, expected: list[str]) -> None:
    assert find_codes(text, tool) == expected


@pytest.mark.parametrize(
    "text,tool,expected",
    [(ANALYSIS_3, "IIT", ["i8"]), (ANALYSIS_4, "IIT", ["i10", "i11"]), (ANALYSIS_9, "OIT", ["o12"])],
)
def test_find_codes_on_normalized_text(text: str, tool: str, expected: list[str]) -> None:
    assert find_codes(normalize_text(text), tool) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        ("ออนไลน์ หรือ E-Service (อ้างอิงจาก ๐๑๐) เพื่อลดการใช้ดุลยพินิจ", ["o10"]),
        ("หน่วยงานควรจัดทำแผนการจัดซื้อจัดจ้างฯ (อ้างอิงจาก ๐๑๒ ,๐๑๓) พร้อมทั้ง", ["o12", "o13"]),
        ("อ้างอิงจาก o8 และ o9", ["o8", "o9"]),
        (ANALYSIS_3, ["o23", "o18"]),  # order of first citation
        (ANALYSIS_7, ["o3"]),
        (ANALYSIS_9, []),  # the lowest question is no reference
        (
            "คู่มือหรือแนวทางการ ปฏิบัติงาน (อ้างอิงจาก ๐๘) หรือคู่มือการขอรับ บริการ (อ้างอิงจาก ๐๙) "
            "โดยละเอียด ... E-Service (อ้างอิงจาก ๐๑๐) (อ้างอิงจาก ๐๘)",
            ["o8", "o9", "o10"],  # unique
        ),
        ("(อ้างอิงจาก 010)", ["o10"]),  # after normalize_text
        ("ไม่มีการอ้างอิง", []),
    ],
)
def test_oit_references(text: str, expected: list[str]) -> None:
    assert oit_references(text) == expected


@pytest.mark.parametrize(
    "n,tool", [(1, "IIT"), (5, "IIT"), (6, "EIT"), (8, "EIT"), (9, "OIT"), (10, "OIT")]
)
def test_tool_for_indicator(n: int, tool: str) -> None:
    assert tool_for_indicator(n) == tool


@pytest.mark.parametrize("n", [0, 11, -1])
def test_tool_for_indicator_rejects(n: int) -> None:
    with pytest.raises(ValueError):
        tool_for_indicator(n)


@pytest.mark.parametrize("codes, expected", [
    (["o7", "o8", "o5", "o10"], {2: "o9"}),               # ๙ read as ๕, the code repeats o5
    (["i1", "i2", "i8", "i4"], {2: "i3"}),                # ๓ read as ๘, out of order
    (["e4", "e6", "e6"], {1: "e5"}),                      # the first e6 sits where e5 belongs
    (["o1", "o3", "o4"], {}),                             # a gap alone: the item may be absent
    (["o1", "o2", "o3", "i1", "i2"], {}),                 # tools are numbered apart
    (["o1", "o5", "o4", "o9"], {}),                       # more than one number would fit
    (["o8", "o5"], {}),                                   # no neighbour after it
])
def test_sequence_repairs(codes, expected):
    from normalize.codes import sequence_repairs

    assert sequence_repairs(codes) == expected


# --- issue 8: codes cited in running text, letter-spaced codes ---------------------------------

from normalize.codes import normalize_citations  # noqa: E402


@pytest.mark.parametrize("raw, want", [
    ("ควรเผยแพร่ (อ้างอิงจาก 014) ให้ครบ", "ควรเผยแพร่ (อ้างอิงจาก o14) ให้ครบ"),
    ("(อ้างอิงจาก 05 , 07)", "(อ้างอิงจาก o5 , o7)"),
    ("(อ้างอิง O21 และ o 22)", "(อ้างอิง o21 และ o22)"),
    ("(อ้างอิงจาก 0 2 1)", "(อ้างอิงจาก o21)"),  # letter-spaced digits
    ("(อ้างอิงจาก 0 8)", "(อ้างอิงจาก o8)"),  # a letter-spaced one-digit item: no stray 0 before it
    ("(อ้างอิงจาก 05 07)", "(อ้างอิงจาก o5 o7)"),  # two items, not one spaced one
    ("(อ้าง อิง จาก 031)", "(อ้าง อิง จาก o31)"),  # letter-spaced wording joined only in part
    ("งบประมาณปี 2568 จำนวน 010 รายการ", "งบประมาณปี 2568 จำนวน 010 รายการ"),  # no citation: untouched
])
def test_cited_codes_are_written_as_codes(raw, want):
    assert normalize_citations(raw) == want


def test_references_read_letter_spaced_codes_and_skip_years():
    assert oit_references("(อ้างอิงจาก ๐ ๑ ๔) และ (อ้างอิงจาก o๓๓)") == ["o14", "o33"]
    assert oit_references("อ้างอิงจาก o๘ ปี ๒๕๖๘") == ["o8"]
    assert oit_references("(อ้างอิงจาก ๐ ๘) และ (อ้างอิงจาก ๐ ๑๑)") == ["o8", "o11"]


def test_letter_spaced_code_digits_are_read_whole():
    assert split_question("o ๑ ๒ รายงานผลการจัดซื้อจัดจ้าง", "OIT") == ("o12", "รายงานผลการจัดซื้อจัดจ้าง")
    assert find_codes("ข้อคำถามที่ได้คะแนนน้อยที่สุด : i 1 4 ท่านคิดว่า", "IIT") == ["i14"]


# --- QuestionCode: the one grammar of a code, checked against the questionnaire file ---

_THAI = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")


def _all_questions():
    return [q for fy in questionnaire.fiscal_years() for q in questionnaire.questions(fy)]


def test_every_questionnaire_code_parses_and_formats_back() -> None:
    questions = _all_questions()
    assert len(questions) > 300
    for q in questions:
        code = QuestionCode.of(q.code)
        assert code is not None and code.format() == str(code) == q.code
        assert (code.tool, code.number) == (q.tool, q.number)
        assert code.indicator(q.fiscal_year) == q.indicator
        # as reports print it: Thai digits, upper case, a space, a Thai zero for o
        printed = [code.letter + str(code.number).translate(_THAI), f"{code.letter.upper()} {code.number}"]
        if code.letter == "o":
            printed.append("๐" + str(code.number).translate(_THAI))
        for text in printed:
            assert QuestionCode.parse(text) == code, text
        # the letter lost: the tool gives it back
        assert QuestionCode.parse(str(code.number).translate(_THAI), q.tool) == code


def test_next_follows_the_questionnaire_numbering() -> None:
    for fy in questionnaire.fiscal_years():
        for tool in ("IIT", "EIT", "OIT"):
            codes = [q.code for q in questionnaire.questions(fy, tool)]
            assert [str(QuestionCode.of(c).next()) for c in codes[:-1]] == codes[1:]


def test_indicator_outside_the_questionnaire_is_none() -> None:
    assert QuestionCode.of("i16").indicator(2568) is None
    assert QuestionCode.of("i1").indicator(2400) is None
    assert QuestionCode.of("o21").indicator(2568) == 10


@pytest.mark.parametrize("text", ["i0", "x1", "i", "I1", "i๑", "i01", "", "o 1"])
def test_contract_form_is_strict(text: str) -> None:
    assert QuestionCode.of(text) is None


def test_bad_code_cannot_be_built() -> None:
    with pytest.raises(ValueError):
        QuestionCode("x", 1)
    with pytest.raises(ValueError):
        QuestionCode("i", 0)


def test_a_letter_spaced_code_written_with_a_zero_for_its_o_opens_the_question():
    from normalize.codes import split_question
    assert split_question("๐ ๑ โครงสร้างและอำนาจหน้าที่", "OIT") == ("o1", "โครงสร้างและอำนาจหน้าที่")
    assert split_question("0 2 8 รายงานผล", "OIT") == ("o28", "รายงานผล")
    # a zero inside the text, or digits that go on, are no code
    assert split_question("ข้อมูล 0 1", "OIT")[0] is None
    assert split_question("0 1 2567 ข้อความ", "OIT")[0] != "o12"


@pytest.mark.parametrize(
    "text,expected",
    [
        ("สถิติการให้บริการ (ล้างลิงจาก 015) เพื่อติดตาม", ["o15"]),  # the label garbled by two letters
        ("E-Service (อัจงอิงจาก 010) เพื่อลด", ["o10"]),
        ("บริการออนไลน์ (อ้างอิง qin o17) เพื่อลด", ["o17"]),  # จาก after a line break read as Latin
        ("ทรัพยากรบุคคล (อ้างอิงจาก o14.,015) ให้", ["o14", "o15"]),  # a point by the comma
        ("การทุจริต (อ้างอิงจาก o21.o22) ให้", ["o21", "o22"]),  # a point for the comma
        ("ความโปร่งใส (อ้างอิงจาก | 042) และ", ["o42"]),  # a bar before the list
        ("(ล้างลิงจาก 015) และ (อ้างอิงจาก o9)", ["o15", "o9"]),  # order of first citation, across both forms
        ("การทุจริต !(อ้างอิงจาก 923) และ", ["o23"]),  # the circle of ๐๒๓ read as a 9: no item has 3 digits
        ("บริการ (อ้างอิงจาก 611) เพื่อ", ["o11"]),
        ("คู่มือการขอรับบริการ (อ้างอิงจาก' 09) โดยละเอียด", ["o9"]),  # a quote a speck gave (dev-corpus scan200)
        ("ช่องทางการติดต่อ - สอบถามข้อมูล ( อ้างอิงจาก.03) ให้", ["o3"]),  # a point before the list
        ('งานประจำปี (อ้างอิงจาก"05,06) และ', ["o5", "o6"]),  # a double quote (dev scan L at 300 dpi)
        ("บริการออนไลน์ (อ้างอิงจาก 0010),เพื่อลด", ["o10"]),  # the circle of ๐๑๐ read twice (dev scan K)
        ("ระยะเวลาให้ชัดเจน o14) และเผยแพร่", ["o14"]),  # the label lost: a lettered code before its bracket
        ("(อ้างอิงจาก o13) อย่างเคร่งครัด ... ชัดเจน o14) และ", ["o13", "o14"]),
        ("การทุจริต (อ้างอิงจาก o25) และรายงานผลการดำเนินการ o26,o27)ให้", ["o25", "o26", "o27"]),  # dev N 200 dpi
        ("การทุจริต (อ้างอิงจาก o25) และรายงานผลการดำเนินการ 026,027)) ให้", ["o25", "o26", "o27"]),  # N 300
        ("ไว้ในคู่มือ (อ้างอิงจาก-o9,o10) และ", ["o9", "o10"]),  # a dash glued before the list (dev F 300)
        ("ความเสี่ยง อิงจาก 022 023) ภายใน", ["o22", "o23"]),  # the label's first syllable lost (dev K 150)
    ],
)
def test_references_read_labels_and_lists_as_ocr_garbles_them(text: str, expected: list[str]) -> None:
    """Issue 9: citation labels and lists as OCR gives them on scans (dev scans, 0.5.0 and 0.6.0)."""
    assert oit_references(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "(ประกาศฉบับที่ 5)",  # a bracketed word far from the label
        "(ข้อบังคับการ 12)",
        "อ้างอิง ITA 2568",  # a Latin word after the label, then a year: no item
        "ข้อมูล ณ วันที่ 30.09 (อ้างอิงจาก ระเบียบ)",
        "ข้อ 14) และข้อ 15)",  # a bare number before a bracket: a list item, no code
        "(โทร 044)",  # one number led by a zero: a list of them is a citation, one alone is not
        "ข้อคำถาม i14) และ e3)",  # IIT and EIT codes are never cited
    ],
)
def test_garbled_label_rules_cite_nothing_in_plain_text(text: str) -> None:
    assert oit_references(text) == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("เผยแพร่ข่าวประชาสัมพันธ์ (อ้างอิง, จาก 04.05) ผ่านเว็บไซต์", ["o4", "o5"]),
        ("ช่องทางการร้องเรียน (อ้างอิง. จาก 017) ให้", ["o17"]),
    ],
)
def test_a_speck_read_as_a_sign_inside_the_label_keeps_the_citation(text: str, expected: list[str]) -> None:
    """Issue 9: a speck between อ้างอิง and จาก read as a comma or a point (dev scans) leaves the label one."""
    assert oit_references(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("รายงานความก้าวหน้า (อ้างอิงจาก oll) ให้ครบถ้วน", ["o11"]),  # the Latin model's l for a 1
        ("ช่องทางการร้องเรียน (อ้างอิงจาก ol7, o18) ให้", ["o17", "o18"]),
        ("การปฏิบัติงาน (อ้างอิงจาก o8 .9) อย่างเคร่งครัด", ["o8", "o9"]),  # a comma read as a point, o lost
        ("(อ้างอิงจาก old rules)", []),  # a Latin word is no code
        ("จัดซื้อจัดจ้าง (อ้างอิงจาก o13o13,o14) ให้ครบ", ["o13", "o14"]),  # the sign between two items lost
    ],
)
def test_latin_ones_and_a_point_for_a_comma_in_a_cited_list(text: str, expected: list[str]) -> None:
    """Issue 9: a Latin-printed code read by the Latin model (dev10 scans)."""
    assert oit_references(text) == expected
