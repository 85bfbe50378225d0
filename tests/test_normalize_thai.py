"""normalize/thai.py: one test group per rule, strings quoted from the seed."""

from __future__ import annotations

import re
import time
import unicodedata
from collections import Counter
from pathlib import Path

import pytest
from pythainlp import thai_consonants
from pythainlp.util import normalize as pythainlp_normalize

from normalize.thai import (
    MARKS,
    collapse_whitespace,
    compose_sara_am,
    is_wrap_space,
    join_letter_spaced,
    join_split_marks,
    join_wrapped_lines,
    map_legacy_glyphs,
    normalize_text,
    remove_wrap_spaces,
    strip_html,
    thai_digits_to_arabic,
    thai_normalize,
)

SEED = Path(__file__).resolve().parents[2] / "shared" / "seeds" / "ita-2568-nongkabu.txt"


@pytest.fixture(scope="module")
def seed_lines() -> list[str]:
    if not SEED.exists():
        pytest.skip(f"seed text missing: {SEED}")
    return [line for line in SEED.read_text(encoding="utf-8").splitlines() if line.strip()]


# --- map_legacy_glyphs ------------------------------------------------------

# HarfBuzz hb-ot-shaper-thai.cc PUA tables (Windows codes)
LEGACY = {
    0xF700: "ฐ", 0xF701: "ิ", 0xF702: "ี", 0xF703: "ึ", 0xF704: "ื",
    0xF705: "่", 0xF706: "้", 0xF707: "๊", 0xF708: "๋", 0xF709: "์",
    0xF70A: "่", 0xF70B: "้", 0xF70C: "๊", 0xF70D: "๋", 0xF70E: "์",
    0xF70F: "ญ", 0xF710: "ั", 0xF711: "ํ", 0xF712: "็",
    0xF713: "่", 0xF714: "้", 0xF715: "๊", 0xF716: "๋", 0xF717: "์",
    0xF718: "ุ", 0xF719: "ู", 0xF71A: "ฺ",
}


@pytest.mark.parametrize("code,expected", sorted(LEGACY.items()))
def test_map_legacy_glyphs_table(code: int, expected: str) -> None:
    assert map_legacy_glyphs(chr(code)) == expected


def test_map_legacy_glyphs_covers_whole_range() -> None:
    for code in range(0xF700, 0xF71B):
        assert "\uf700" > map_legacy_glyphs(chr(code)) >= "\u0e00"


@pytest.mark.parametrize(
    "raw,expected",
    [
        ("ปฏิบ\uf710ติ", "ปฏิบัติ"),
        ("เพื\uf70bอ", "เพื้อ"),
        ("ประชาสัมพันธ\uf70e", "ประชาสัมพันธ์"),
        ("กิจกรรมต\uf713างๆ", "กิจกรรมต่างๆ"),
        ("การปฏิบัติหน้าที่", "การปฏิบัติหน้าที่"),  # nothing to map
    ],
)
def test_map_legacy_glyphs_in_words(raw: str, expected: str) -> None:
    assert map_legacy_glyphs(raw) == expected


# --- strip_html -------------------------------------------------------------


@pytest.mark.parametrize(
    "raw,expected",
    [
        ("<p>๐๑ - ๐๒๘</p>", "๐๑ - ๐๒๘"),
        (
            "<p>ข้อคำถามที่ได้คะแนนน้อยที่สุด :</p> <p>-ไม่มี</p>",
            "ข้อคำถามที่ได้คะแนนน้อยที่สุด :\n-ไม่มี",
        ),
        ("<p>ทุก หน่วยงาน</p>", "ทุก หน่วยงาน"),
        ("ทุก<br/>หน่วยงาน", "ทุก\nหน่วยงาน"),
        ("ทุก<BR>หน่วยงาน", "ทุก\nหน่วยงาน"),
        ("<span style='x'>กองคลัง</span>", "กองคลัง"),
        ("สำนักปลัด&nbsp;&amp;&nbsp;กองคลัง", "สำนักปลัด\u00a0&\u00a0กองคลัง"),
        # OCR's </p>: the p read as two digits, or lost
        ("ไม่เท่าเทียมกัน</20>\nแนวทาง", "ไม่เท่าเทียมกัน\nแนวทาง"),
        ("ให้ทราบอย่างทั่วถึง</11>", "ให้ทราบอย่างทั่วถึง"),
        ("<>หน่วยงานควรศึกษา</>", "หน่วยงานควรศึกษา"),
    ],
)
def test_strip_html(raw: str, expected: str) -> None:
    assert strip_html(raw) == expected


@pytest.mark.parametrize(
    "text", ["คะแนน < 80 และ > 50", "ขั้นตอน/แนวปฏิบัติ", "ผู้บังคับบัญชา*ของท่าน", "ช่วง <80> ถึง <90>"]
)
def test_strip_html_leaves_plain_text(text: str) -> None:
    assert strip_html(text) == text


# --- compose_sara_am --------------------------------------------------------


@pytest.mark.parametrize(
    "raw,expected",
    [
        ("อ\u0e4d\u0e32นาจ", "อำนาจ"),
        ("น\u0e4d\u0e49\u0e32", "น้ำ"),  # tone between
        ("น\u0e49\u0e4d\u0e32", "น้ำ"),  # tone before
        ("ค\u0e4d\u0e32อธิบาย", "คำอธิบาย"),
        ("การดำเนินงาน", "การดำเนินงาน"),  # already composed
    ],
)
def test_compose_sara_am(raw: str, expected: str) -> None:
    assert compose_sara_am(raw) == expected


# --- join_split_marks -------------------------------------------------------


@pytest.mark.parametrize(
    "raw,expected",
    [
        ("เพื ่อ", "เพื่อ"),
        ("ตัวชว ี้ัด", "ตัวชวี้ัด"),
        ("แ พ ร ่", "แ พ ร่"),
        ("ข ั้นตอน", "ขั้นตอน"),
    ],
)
def test_join_split_marks(raw: str, expected: str) -> None:
    assert join_split_marks(raw) == expected


@pytest.mark.parametrize(
    "text",
    [
        "ปฏิบั ติ",  # "ติ" starts with a consonant: a wrap space, not this rule
        "ต่าง ๆ เช่น",
        "E-Service (อ้างอิงจาก ๐๑๐)",
        "ปฏิบัติงาน หรือให้บริการ",
    ],
)
def test_join_split_marks_leaves_word_spaces(text: str) -> None:
    assert join_split_marks(text) == text


# --- join_letter_spaced -----------------------------------------------------


@pytest.mark.parametrize(
    "raw,expected",
    [
        ("แ ล ้ ว เ ผ ย แ พ ร ่", "แล้วเผยแพร่"),
        ("แ ล ี ว เ ผ ย แ พ ร ่", "แลีวเผยแพร่"),  # as printed in the seed
        (
            "ให้บริการไว้ในคู่มือ แ ล ี ว เ ผ ย แ พ ร ่ ประชาสัมพันธ์ให้แก่ผู้",
            "ให้บริการไว้ในคู่มือ แลีวเผยแพร่ ประชาสัมพันธ์ให้แก่ผู้",
        ),
        ("ก ข ค", "กขค"),
    ],
)
def test_join_letter_spaced(raw: str, expected: str) -> None:
    assert join_letter_spaced(raw) == expected


@pytest.mark.parametrize(
    "text",
    [
        "จัดทำเป็นสื่อรูปแบบต่าง ๆ เช่น แผ่นพับ อินโฟ กราฟิก",
        "ก ข",
        "ในภารกิจหรือบริการนั้น ๆ ซึ่งจะช่วย",
        "ณ ที่ นี้",  # short words, not letters
        "ทุก หน่วยงาน",
        "๐๑ - ๐๒๘",
    ],
)
def test_join_letter_spaced_leaves_normal_text(text: str) -> None:
    assert join_letter_spaced(text) == text


# --- thai_normalize (pythainlp, made safe) ----------------------------------


def test_pythainlp_normalize_trap_still_exists() -> None:
    """The reason for the wrapper (TRAPS.md); if this fails, revisit it."""
    assert pythainlp_normalize("เพื ่อ") == "เพื อ"


@pytest.mark.parametrize(
    "raw,expected",
    [
        ("เพื ่อ", "เพื่อ"),
        ("เเผ่นพับ", "แผ่นพับ"),  # two sara e
        ("ดีีี", "ดี"),  # doubled vowel
        ("หน่วยงาน\u200bของท่าน", "หน่วยงานของท่าน"),  # zero-width space
        ("ก\u0e48\u0e34", "กิ่"),  # tone before vowel: reordered
    ],
)
def test_thai_normalize_intended_changes(raw: str, expected: str) -> None:
    assert thai_normalize(raw) == expected


@pytest.mark.parametrize("text", ["\u0e48กองคลัง", "Facebook \u0e49Twitter"])
def test_thai_normalize_keeps_marks_it_cannot_place(text: str) -> None:
    assert Counter(thai_normalize(text)) == Counter(text)


def _thai(s: str) -> str:
    return "".join(ch for ch in s if "\u0e00" <= ch <= "\u0e7f")


def test_thai_normalize_never_eats_seed_text(seed_lines: list[str]) -> None:
    """Over every seed line the only changes are spaces: no letter or mark lost."""
    changed = 0
    for line in seed_lines:
        out = thai_normalize(line)
        assert _thai(out) == _thai(line), line
        assert re.sub(r"\s", "", out) == re.sub(r"\s", "", line), line
        changed += out != line
    assert changed > 0  # it did do something (the split marks, the spaces)


# --- thai_digits_to_arabic --------------------------------------------------


@pytest.mark.parametrize(
    "raw,expected",
    [
        ("๙๙.๓๘", "99.38"),
        ("๑๐๐.๐๐", "100.00"),
        ("ต.ค. ๒๕๖๘ – ๓๐ ก.ย. ๒๕๖๙", "ต.ค. 2568 – 30 ก.ย. 2569"),
        ("i๑๕", "i15"),
        ("ในปีงบประมาณพ.ศ.๒๕๖๘(๑๐ ตัวชี้วัด)", "ในปีงบประมาณพ.ศ.2568(10 ตัวชี้วัด)"),
    ],
)
def test_thai_digits_to_arabic(raw: str, expected: str) -> None:
    assert thai_digits_to_arabic(raw) == expected


# --- is_wrap_space / remove_wrap_spaces -------------------------------------


@pytest.mark.parametrize(
    "left,right",
    [
        ("ประชาสัมพันธ์ กระบวนการจัดซื้อจัด", "จ้าง"),
        ("ปฏิบั", "ติ"),
        ("แผ่นพับ อินโฟ", "กราฟิก"),
        ("หน่วยงานควรเปิด", "โอกาสให้ประชาชน"),
        ("การรับผิดชอบต่อ หน้าที่ในการ", "ประชุม"),
        ("เ", "ผย"),  # a lead vowel never ends a word
        ("ก", "ำ"),  # a follow vowel never starts one
    ],
)
def test_is_wrap_space_true(left: str, right: str) -> None:
    assert is_wrap_space(left, right)


@pytest.mark.parametrize(
    "left,right",
    [
        ("ปฏิบัติงาน", "หรือให้บริการ"),
        ("รูปแบบต่าง", "ๆ เช่น"),
        ("บริการนั้น ๆ", "ซึ่งจะช่วย"),
        ("หรือ E-Service", "(อ้างอิงจาก"),
        ("เช่น Facebook", "Twitter"),
        ("มีเจ้าหน้าที่", "ที่"),
        ("บนหน้าเว็บไซต์หลัก", "การส่งข้อมูล"),
        ("ดำเนินงาน ประจำปีงบประมาณ", "พ.ศ."),
        ("ส่งเสริมคุณธรรมและความโปร่งใสขององค์การบริหารส่วนตำบลหนองกะบู่", "ให้ดีขึ้น"),
        ("", "จ้าง"),
        ("จัดซื้อจัด", ""),
    ],
)
def test_is_wrap_space_false(left: str, right: str) -> None:
    assert not is_wrap_space(left, right)


@pytest.mark.parametrize(
    "raw,expected",
    [
        ("ประชาสัมพันธ์ กระบวนการจัดซื้อจัด จ้าง", "ประชาสัมพันธ์ กระบวนการจัดซื้อจัดจ้าง"),
        ("หน่วยงานมีการจัดซื้อ จัดจ้างที่เอื้อประโยชน์", "หน่วยงานมีการจัดซื้อจัดจ้างที่เอื้อประโยชน์"),
        ("ปฏิบั ติ", "ปฏิบัติ"),
        ("ช่วงระยะเวลา ในการ ดำเนินการ", "ช่วงระยะเวลา ในการดำเนินการ"),
        (
            "หน่วยงานควรเปิด โอกาสให้ประชาชน และบุคคลภายนอกเข้า มามีส่วนร่วมในการ",
            "หน่วยงานควรเปิดโอกาสให้ประชาชน และบุคคลภายนอกเข้ามามีส่วนร่วมในการ",
        ),
    ],
)
def test_remove_wrap_spaces(raw: str, expected: str) -> None:
    assert remove_wrap_spaces(raw) == expected


@pytest.mark.parametrize(
    "text",
    [
        "ปฏิบัติงาน หรือให้บริการ",
        "จัดทำเป็นสื่อรูปแบบต่าง ๆ เช่น แผ่นพับ",
        "ออนไลน์ หรือ E-Service (อ้างอิงจาก 010) เพื่อลดการใช้ดุลยพินิจ",
        "ผ่านเครือข่ายสังคมออนไลน์ เช่น Facebook Twitter หรือ Instagram และ",
        "มีเจ้าหน้าที่ ที่ ปฏิบัติงาน",
        "ประจำปีงบประมาณ พ.ศ. 2568",
        "ต.ค. 2568 – 30 ก.ย. 2569",
        "ทุกหน่วยงาน\nกองคลัง",
    ],
)
def test_remove_wrap_spaces_keeps_word_spaces(text: str) -> None:
    assert remove_wrap_spaces(text) == text


# --- join_wrapped_lines -----------------------------------------------------


@pytest.mark.parametrize(
    "lines,expected",
    [
        (["ประชาสัมพันธ์", "กระบวนการจัดซื้อจัด", "จ้าง"], "ประชาสัมพันธ์ กระบวนการจัดซื้อจัดจ้าง"),
        (["ขั้นตอนหรือวิธีการ", "ปฏิบั", "ติ"], "ขั้นตอนหรือวิธีการ ปฏิบัติ"),
        (["ทุก", "หน่วยงาน"], "ทุก หน่วยงาน"),
        (["หรือ E-Service", "(อ้างอิงจาก ๐๑๐)"], "หรือ E-Service (อ้างอิงจาก ๐๑๐)"),
        (["  ", "สำนักปลัด ", ""], "สำนักปลัด"),
        ([], ""),
    ],
)
def test_join_wrapped_lines(lines: list[str], expected: str) -> None:
    assert join_wrapped_lines(lines) == expected


# --- collapse_whitespace ----------------------------------------------------


@pytest.mark.parametrize(
    "raw,expected",
    [
        ("ประเด็นข้อคำถาม\tคะแนน\tการวิเคราะห์ผลการประเมินฯ", "ประเด็นข้อคำถาม คะแนน การวิเคราะห์ผลการประเมินฯ"),
        ("  สำนักปลัด  ", "สำนักปลัด"),
        ("ก\u00a0\u00a0ข", "ก ข"),
        ("หน่วย\u200dงาน", "หน่วยงาน"),
        ("ข้อ 1\r\n\r\n  ข้อ 2 \n", "ข้อ 1\nข้อ 2"),
        ("\n \n", ""),
    ],
)
def test_collapse_whitespace(raw: str, expected: str) -> None:
    assert collapse_whitespace(raw) == expected


# --- normalize_text ---------------------------------------------------------


@pytest.mark.parametrize(
    "raw,expected",
    [
        ("๙๙.๓๘", "99.38"),
        ("<p>ต.ค. ๒๕๖๘ - ๓๐ ก.ย. ๒๕๖๙</p>", "ต.ค. 2568 - 30 ก.ย. 2569"),
        ("<p>ทุก หน่วยงาน</p>", "ทุก หน่วยงาน"),
        (
            "ระบุขั้นตอนที่ใช้ในการ ปฏิบัติงานหรือการ ให้บริการไว้ในคู่มือ แ ล ี ว เ ผ ย แ พ ร ่ ประชาสัมพันธ์ให้แก่ผู้ มารับบริการ",
            "ระบุขั้นตอนที่ใช้ในการปฏิบัติงานหรือการให้บริการไว้ในคู่มือ แลีวเผยแพร่ ประชาสัมพันธ์ให้แก่ผู้มารับบริการ",
        ),
        (
            "<p>i๑๐ เจ้าหน้าที่ในหน่วยงาน</p> <p>i๑๑ เจ้าหน้าที่หน่วยงานของท่าน</p>",
            "i10 เจ้าหน้าที่ในหน่วยงาน\ni11 เจ้าหน้าที่หน่วยงานของท่าน",
        ),
        ("เพื ่อ", "เพื่อ"),
        ("การใช้อ\u0e4d\u0e32นาจ", "การใช้อำนาจ"),
        ("ปฏิบ\uf710ติ", "ปฏิบัติ"),
        ("", ""),
    ],
)
def test_normalize_text(raw: str, expected: str) -> None:
    assert normalize_text(raw) == expected


def test_normalize_text_result_has_contract_properties(seed_lines: list[str]) -> None:
    for line in seed_lines:
        out = normalize_text(line)
        assert out == out.strip()
        assert not re.search(r"[๐-๙\uf700-\uf71a<>\t\u00a0\u200b]|  ", out), out
        assert unicodedata.is_normalized("NFC", out)


def test_normalize_text_is_idempotent_on_seed(seed_lines: list[str]) -> None:
    for line in seed_lines:
        once = normalize_text(line)
        assert normalize_text(once) == once, line


def test_normalize_text_never_loses_a_consonant(seed_lines: list[str]) -> None:
    consonants = set(thai_consonants)
    for line in seed_lines:
        before = Counter(ch for ch in strip_html(line) if ch in consonants)
        after = Counter(ch for ch in normalize_text(line) if ch in consonants)
        assert after == before, line


def test_normalize_text_keeps_every_mark_on_seed(seed_lines: list[str]) -> None:
    marks = set(MARKS)
    for line in seed_lines:
        before = Counter(ch for ch in line if ch in marks)
        after = Counter(ch for ch in normalize_text(line) if ch in marks)
        assert after == before, line


def test_normalize_text_whole_seed_is_fast(seed_lines: list[str]) -> None:
    text = "\n".join(seed_lines)
    normalize_text(text)  # warm-up: dictionary, tokenizer caches
    start = time.perf_counter()
    normalize_text(text)
    assert time.perf_counter() - start < 1.0


@pytest.mark.parametrize("ocr, expected", [
    ("ก.ุย.", "ก.ย."),                      # wiangsawan 200 dpi: a speck under the full stop
    ("2567ุ", "2567"),
    ("๒๕๖๗่", "๒๕๖๗"),
])
def test_drop_stray_ocr_marks(ocr, expected):
    from extract.ocr.text_fixes import drop_stray_ocr_marks

    assert drop_stray_ocr_marks(ocr) == expected


@pytest.mark.parametrize("text", [
    "มี.ค.", "พ.ศ.๒๕๖๘", "ต.ค. ๒๕๖๖ - ก.ย. ๒๕๖๗", "เจ้าหน้าที่ที่ปฏิบัติงาน", "ท่านเคยถูกผู้บังคับบัญชา*ของท่าน",
    "ป.ป.ช.", "o๑๒ รายงานผลการจัดซื้อจัดจ้างประจำปี", "ไม่น้อยกว่า ๙๐.๐๐ คะแนน",
])
def test_drop_stray_ocr_marks_never_eats_real_text(text):
    from extract.ocr.text_fixes import drop_stray_ocr_marks

    assert drop_stray_ocr_marks(text) == text


def test_drop_stray_ocr_marks_leaves_every_seed_line(seed_lines):
    from extract.ocr.text_fixes import drop_stray_ocr_marks

    changed = [line for line in seed_lines if drop_stray_ocr_marks(line) != line]
    assert changed == []


# --- a tag never spans lines or paragraph tags (OCR reads a speck as "<a", a "<p>" as "«0>") ---

def test_a_speck_read_as_a_tag_opening_eats_no_paragraphs():
    text = ("ตอบข้อซักถาม\n<a vio a '\nหรือให้คำอธิบายแก่ท่านได้อย่าง ชัดเจน</0>\n"
            "<0>สาเหตุเกิดจาก : ข้อมูลข่าวสารเข้าถึงได้ยาก</0>\n<0>แนวทางการยกระดับผลการประเมิน :</p>\n«0>มอบหมายผู้รับผิดชอบ")
    out = strip_html(text)
    assert "สาเหตุเกิดจาก : ข้อมูลข่าวสารเข้าถึงได้ยาก" in out
    assert "แนวทางการยกระดับผลการประเมิน :" in out
    assert out.endswith("\nมอบหมายผู้รับผิดชอบ")


def test_real_inline_tags_on_one_line_still_go():
    assert strip_html('<span class="x">หน่วยงาน</span> <font color="red">กองคลัง</font>') == "หน่วยงาน กองคลัง"
