"""A score that cannot be read is null with a ``score-unreadable`` row, never a guess (issue 9).

Synthetic tables: the cells' text is what OCR left in them.
"""
from __future__ import annotations

from extract.text.layer import Line
from extract.text.layout import Cell, Table, TextLine
from ita_extract.report.document import read_report

W = 500.0


def line(text: str, top: float = 0.0) -> Line:
    return Line(text, 10.0, 200.0, top, top + 14, 14.0, 60.0)


def cell(*texts: str) -> Cell:
    return Cell((0.0, 0.0, W, 16.0 * max(len(texts), 1)), tuple(line(t, i * 16.0) for i, t in enumerate(texts)))


def scores_table(*scores: str) -> list:
    header = [cell("ประเด็นข้อคำถาม"), cell("คะแนน"), cell("การวิเคราะห์ผลการประเมิน")]
    rows = [[cell(f"i{k} ข้อคำถาม"), cell(s) if s else Cell((0.0, 0.0, W, 16.0), ()), cell("-")]
            for k, s in enumerate(scores, start=1)]
    return [TextLine(1, line("ตัวชี้วัดที่ 1 การปฏิบัติหน้าที่")),
            Table(page=1, bbox=(0, 0, W, 300), rows=[header, *rows], row_pages=[1] * (len(rows) + 1))]


def test_a_score_with_a_leading_zero_is_unreadable_never_a_number():
    """Dev scans (seed 90 at 300 dpi, a phone photo of seed 81): ``๑๐๐.๐๐`` whose ``๑`` a signature's stroke
    hid came out ``00.00``, a blurred ``๑๐๐`` ``000``; both were taken as 0. No score prints a leading zero."""
    content = read_report(scores_table("00.00", "000", "0.00", "100"))
    assert [(s.question, s.score) for s in content.scores] == [("i1", None), ("i2", None), ("i3", 0.0), ("i4", 100.0)]
    assert sum(p.code == "score-unreadable" for p in content.problems) == 2


def test_a_cell_marked_unreadable_is_null_with_a_problem_row_and_an_empty_one_is_not():
    content = read_report(scores_table("?", "", "-", "87.50"))
    assert [(s.question, s.score) for s in content.scores] == [("i1", None), ("i2", None), ("i3", None), ("i4", 87.5)]
    assert sum(p.code == "score-unreadable" for p in content.problems) == 1


def scanned(*texts: str) -> Cell:
    return Cell((0.0, 0.0, W, 16.0 * max(len(texts), 1)),
                tuple(Line(t, 10.0, 200.0, i * 16.0, i * 16.0 + 14, 14.0, 60.0, conf=90.0, ocr=True)
                      for i, t in enumerate(texts)))


def scanned_scores_table(*scores: tuple[str, ...]) -> list:
    header = [scanned("ประเด็นข้อคำถาม"), scanned("คะแนน"), scanned("การวิเคราะห์ผลการประเมิน")]
    rows = [[scanned(f"i{k} ข้อคำถาม"), scanned(*s), scanned("-")] for k, s in enumerate(scores, start=1)]
    return [TextLine(1, line("ตัวชี้วัดที่ 1 การปฏิบัติหน้าที่")),
            Table(page=1, bbox=(0, 0, W, 300), rows=[header, *rows], row_pages=[1] * (len(rows) + 1))]


def test_a_scanned_score_off_the_printed_format_is_unreadable_never_a_number_or_out_of_range():
    """From a scan, three decimals (``0.002``: a speck read as a digit after ``0.00``) and a wrapped score above
    100 (``10`` over ``6.00`` for ``100.00``) are misreadings: null with ``score-unreadable``, never 0.002 and
    never ``score-out-of-range`` (which says the report printed it)."""
    content = read_report(scanned_scores_table(("0.002",), ("10", "6.00"), ("10", "0.00"), ("97.87",)))
    assert [(s.question, s.score) for s in content.scores] == [("i1", None), ("i2", None), ("i3", 100.0),
                                                               ("i4", 97.87)]
    codes = [p.code for p in content.problems]
    assert codes.count("score-unreadable") == 2 and "score-out-of-range" not in codes


def test_a_text_layer_score_above_100_stays_out_of_range():
    content = read_report(scores_table("120.00", "99.375"))
    assert [(s.question, s.score) for s in content.scores] == [("i1", None), ("i2", 99.375)]
    assert [p.code for p in content.problems if p.code.startswith("score-")] == ["score-out-of-range"]


def test_a_scanned_score_without_the_decimals_its_column_prints_is_unreadable():
    """Dev scan (seed 87, 200 dpi): a wrapped ``๑๐๐.๐๐`` whose second line was lost came out 10, a wrong score
    with no problem row. Beside scores of two decimals a bare number is part of one; ``100`` and ``0`` are printed
    bare beside decimals in real reports, and a text layer says what is printed."""
    content = read_report(scanned_scores_table(("91.52",), ("10",), ("87.50",), ("100",)))
    assert [(s.question, s.score) for s in content.scores] == [("i1", 91.52), ("i2", None), ("i3", 87.5),
                                                               ("i4", 100.0)]
    assert [p.code for p in content.problems].count("score-unreadable") == 1
    printed = read_report(scores_table("91.52", "10", "87.50"))
    assert [s.score for s in printed.scores] == [91.52, 10.0, 87.5]
