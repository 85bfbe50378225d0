"""normalize/indicators.py: names, fuzzy matching and headings from the seed."""

from __future__ import annotations

import dataclasses

import pytest

from normalize.indicators import (
    CANONICAL,
    HeadingMatch,
    IndicatorMatch,
    match_indicator,
    parse_indicator_heading,
)


def test_canonical_names() -> None:
    assert CANONICAL == {
        1: "การปฏิบัติหน้าที่",
        2: "การใช้งบประมาณ",
        3: "การใช้อำนาจ",
        4: "การใช้ทรัพย์สินของราชการ",
        5: "การแก้ไขปัญหาการทุจริต",
        6: "คุณภาพการดำเนินงาน",
        7: "ประสิทธิภาพการสื่อสาร",
        8: "การปรับปรุงการทำงาน",
        9: "การเปิดเผยข้อมูล",
        10: "การป้องกันการทุจริต",
    }


@pytest.mark.parametrize("n,name", sorted(CANONICAL.items()))
def test_match_indicator_exact(n: int, name: str) -> None:
    m = match_indicator(name)
    assert m == IndicatorMatch(n, name, 100.0)


@pytest.mark.parametrize(
    "name,n",
    [
        ("การใช้ทรัพย์สินของทางราชการ", 4),  # the seed's variant
        ("การปฏิบัติหน้าที", 1),  # OCR lost a mark
        ("การปฏิบัติ หน้าที่", 1),  # wrap space
        ("การใช้อ\u0e4d\u0e32นาจ", 3),  # pdfminer's sara am
        ("การใชงบประมาณ", 2),
        ("การป้องกันทุจริต", 10),
        ("การแก้ไขปัญหาทุจริต", 5),
        ("ประสิทธิภาพการสื่อสาร์", 7),
        ("การเปิดเผยข้อมูล ", 9),
    ],
)
def test_match_indicator_variants(name: str, n: int) -> None:
    m = match_indicator(name)
    assert m is not None and m.number == n and m.name == CANONICAL[n]


@pytest.mark.parametrize(
    "name",
    [
        "การวิเคราะห์ผลการประเมินฯ",
        "ประเด็นข้อคำถาม",
        "การทุจริต",  # could be 5 or 10: refuse to guess
        "การดำเนินงาน",
        "การใช้ทรัพย์สิน",
        "สำนักปลัด",
        "",
        "Facebook",
    ],
)
def test_match_indicator_rejects(name: str) -> None:
    assert match_indicator(name) is None


def test_match_indicator_min_score() -> None:
    assert match_indicator("การปฏิบัติหน้าที", min_score=99) is None
    assert match_indicator("การปฏิบัติหน้าที", min_score=90) is not None


def test_matches_are_frozen() -> None:
    m = match_indicator("การใช้อำนาจ")
    with pytest.raises(dataclasses.FrozenInstanceError):
        m.number = 4  # type: ignore[misc]


@pytest.mark.parametrize(
    "line,expected",
    [
        ("ตัวชี้วัดที่ ๑ การปฏิบัติหน้าที่", [(1, 1)]),
        ("ตัวชี้วัดที่ ๒ การใช้งบประมาณ", [(2, 2)]),
        ("ตัวชี้วัดที่ ๒ คุณภาพการดำเนินงาน", [(2, 6)]),  # wrong printed number
        ("ตัวชี้วัดที่ ๔ การใช้ทรัพย์สินของทางราชการ", [(4, 4)]),
        ("ตัวชี้วัดที่ 4: การใช้ทรัพย์สินของทางราชการ", [(4, 4)]),
        ("๓.การใช้อำนาจ", [(3, 3)]),
        ("3) การใช้อำนาจ", [(3, 3)]),
        ("ตัวชี้วัดที่ ๙ การเปิดเผยข้อมูล และ", [(9, 9)]),
        ("ตัวชี้วัดที่ ๑๐ การป้องกันการทุจริต", [(10, 10)]),
        (
            "ตัวชี้วัดที่ ๙ การเปิดเผยข้อมูล และ ตัวชี้วัดที่ ๑๐ การป้องกันการทุจริต",
            [(9, 9), (10, 10)],
        ),
        ("ตัวชี้วัดที่ 1 การปฏิบัติหน้าที่ (IIT)", [(1, 1)]),
        ("ตัวชี้วัดที่ ๕", [(5, 5)]),  # number alone
        ("ตัวชี้วัด ที่ 7 ประสิทธิภาพการสื่อสาร", [(7, 7)]),
    ],
)
def test_parse_indicator_heading(line: str, expected: list[tuple[int, int]]) -> None:
    got = parse_indicator_heading(line)
    assert [(h.printed_number, h.number) for h in got] == expected
    assert all(h.name == CANONICAL[h.number] for h in got)
    assert all(isinstance(h, HeadingMatch) for h in got)


@pytest.mark.parametrize(
    "line",
    [
        "ประเด็นข้อคำถาม\tคะแนน\tการวิเคราะห์ผลการประเมินฯ",
        "มาตรการ โครงการ หรือกิจกรรม\tผลการวิเคราะห์ ตัวชี้วัด\tขั้นตอนหรือวิธีการ ปฏิบัติ",
        "ผลการวิเคราะห์ ตัวชี้วัด",
        "หน่วยงานควรกำหนดหรือระบุแนวทางการใช้ทรัพย์สินของราชการไว้ในคู่มือมาตรฐาน การปฏิบัติงาน",
        "i๑๓ ผู้บริหารสูงสุดของหน่วยงานของท่าน ให้ความสำคัญกับการแก้ไขปัญหาการทุจริต มากน้อยเพียงใด",
        "๗ ท่านเคยถูกผู้บังคับบัญชา*ของท่านสั่งให้ทำธุระส่วนตัว",
        "๑.สร้างการเรียนรู้ให้แก่บุคลากร เพื่อปลูกฝังทัศนคติในการปฏิบัติงาน",
        "แสดงการวิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานขององค์กรบริหารส่วน",
        "ตำบลหนองกะปุ ในปีงบประมาณพ.ศ.๒๕๖๘(๑๐ ตัวชี้วัด)",
        "ตัวชี้วัดที่ ๑๑",
        "ตัวชี้วัดที่ 3 เรื่องอื่นที่ไม่เกี่ยวข้อง",
        "ตามตัวชี้วัดที่ ๑ การปฏิบัติหน้าที่",  # does not open the line
        "",
    ],
)
def test_parse_indicator_heading_rejects(line: str) -> None:
    assert parse_indicator_heading(line) == []


def test_seed_headings(seed_text: str) -> None:
    """Every indicator heading of the seed, in order, and nothing else."""
    found = [h.number for line in seed_text.splitlines() for h in parse_indicator_heading(line)]
    analysis = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]
    measures = [1, 2, 3, 4, 6, 7, 8]
    assert found == analysis + measures


@pytest.fixture(scope="module")
def seed_text() -> str:
    from pathlib import Path

    seed = Path(__file__).resolve().parents[2] / "shared" / "seeds" / "ita-2568-nongkabu.txt"
    if not seed.exists():
        pytest.skip("seed text missing")
    return seed.read_text(encoding="utf-8")


@pytest.mark.parametrize("line", [
    "ตัวชี้วัดที่ 9-10 การเปิดเผยข้อมูล และการป้องกันการทุจริต",
    "ตัวชี้วัดที่ ๙ และ ๑๐ การเปิดเผยข้อมูล และการป้องกันการทุจริต (OIT)",
    "ตัวชี้วัดที่ 9 และ 10",
    "ตัวชี้วัดที่ 9 การเปิดเผยข้อมูล (OIT) และตัวชี้วัดที่ 10 การป้องกันการทุจริต (OIT)",
])
def test_combined_heading_names_both_indicators(line):
    assert [h.number for h in parse_indicator_heading(line)] == [9, 10]


@pytest.mark.parametrize("line,number", [
    ("3ัวชีวัดที่ การใช้อํานาจ (11.1)", 3),  # the heading word garbled, "(IIT)" read as digits
    ("1ัวชีวัดที การใช้ทรัพย์สินของราชการ (0)", 4),
])
def test_garbled_heading_with_its_tool_tag_misread_as_digits(line, number):
    """A tool's tag after the name ("(IIT)") that OCR turned into digits is no part of the name (issue #9)."""
    assert [h.number for h in parse_indicator_heading(line)] == [number]


def test_heading_word_with_its_cho_read_as_so_and_a_garbled_name():
    """OCR reads ช as ซ in the heading word and ใ as ไ in the name (issue #9, dev phone photos)."""
    assert [h.number for h in parse_indicator_heading("ตัวซีวัดที่2 : การไข้งบประมาณ")] == [2]
