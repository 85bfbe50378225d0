"""Measures header columns as OCR reads them on scans (issue 9): fields found by their keywords."""
from __future__ import annotations

from extract.text.layer import Line
from extract.text.layout import Cell
from ita_extract.report.sections import MEASURES, column_map


def _header(*texts: str) -> list[Cell]:
    return [Cell((0, 0, 1, 1), (Line(t, 0, 1, 0, 1, 10, 1),)) for t in texts]


def test_a_header_naming_every_field_but_one_gives_the_last_column_to_the_field_left():
    """A dev scan's table prints its unit before its period; OCR garbled ``ขั้นตอนหรือวิธีการ``: the period
    and the unit keep the columns their keywords name (0.6.0 took the canonical order and swapped them)."""
    header = _header("ที่", "มาตรการ/โครงการ/กิจกรรม", "ผลการวิเคราะห์ตัวชี้วัด", "๕7 ๓33 ขนต่อนทหรอวธการ ปฏิบัติ 1",
                     "ve ผุรับผิดชอบ 1", "ช่วงระยะเวลา ใน การ ดําเนินการ")
    assert column_map(MEASURES, header) == {"no": 0, "measure": 1, "finding": 2, "steps": 3, "responsible": 4,
                                            "period": 5}


def test_a_header_naming_fewer_fields_keeps_the_canonical_order():
    header = _header("ที่", "มาตรการ", "xx", "yy", "zz", "ระยะเวลา")
    assert column_map(MEASURES, header) == {"no": 0, "measure": 1, "finding": 2, "steps": 3, "period": 4,
                                            "responsible": 5}


def test_a_header_cell_read_empty_between_named_ones_takes_the_field_left():
    """A stamp over a scanned header row: OCR read no word in the finding's header cell; the cells
    a wider cell covers are None (a row of 9 slots). 0.8.0 mapped no finding: every finding was lost."""
    cells = _header("มาตรการ โครงการ หรือกิจกรรม", "", "ขั้นตอนหรือวิธีการปฏิบัติ", "ช่วงระยะเวลาในการดำเนินการ",
                    "ผู้รับผิดชอบ")
    header = [cells[0], None, cells[1], None, cells[2], None, cells[3], None, cells[4]]
    assert column_map(MEASURES, header) == {"measure": 0, "finding": 2, "steps": 4, "period": 6, "responsible": 8}


def test_two_empty_header_cells_for_one_field_left_assign_none():
    cells = _header("มาตรการ", "", "", "ขั้นตอน", "ระยะเวลา", "ผู้รับผิดชอบ")
    assert "finding" not in column_map(MEASURES, cells)
