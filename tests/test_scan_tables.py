"""Analysis tables a scan's grid drew wrongly, read whole anyway (issue 9, dev seeds 32-47).

Hand-built OCR page items (no OCR run) with the column geometry a scan gives:
a false ruling inside a merged analysis cell (a nested column), a table whose
header row stamps and blur garbled, two tables the grid read as one with the
heading between them lost. Question texts and codes come from the
questionnaire registry (``normalize/questionnaire.py``).
"""
from __future__ import annotations

from extract.text.layer import Line
from extract.text.layout import Cell, Table, TextLine
from ita_extract.report.document import read_report
from normalize.questionnaire import question

#: x-extent of the question, score and analysis columns.
COLS = ((40.0, 360.0), (362.0, 410.0), (412.0, 550.0))
TITLE = "รายงานการนำผลการประเมิน ITA ไปสู่การพัฒนาองค์กร ประจำปีงบประมาณ พ.ศ. {fy}"


def line(text: str, top: float = 0.0) -> Line:
    return Line(text, 10.0, 200.0, top, top + 14, 14.0, 60.0, False, 90.0, True)


def cell(col: tuple[float, float], *texts: str) -> Cell:
    return Cell((col[0], 0.0, col[1], 20.0), tuple(line(t, i * 16) for i, t in enumerate(texts)))


def header(question_text="ประเด็นข้อคำถาม", score="ผลคะแนน", analysis="การวิเคราะห์ผลการประเมิน"):
    return [cell(COLS[0], question_text), cell(COLS[1], score) if score else cell(COLS[1]),
            cell(COLS[2], analysis)]


def qrow(fy: int, code: str, score: str, analysis: str | None = None) -> list[Cell | None]:
    return [cell(COLS[0], f"{code} {question(fy, code).text}"), cell(COLS[1], score),
            cell(COLS[2], analysis) if analysis else None]


def table(rows, page: int) -> Table:
    return Table(page=page, bbox=(COLS[0][0], 0, COLS[-1][1], 500), rows=rows, row_pages=[page] * len(rows))


def text_line(text: str, page: int = 1) -> TextLine:
    return TextLine(page, line(text))


def test_a_false_ruling_inside_the_analysis_cell_of_a_headerless_page_keeps_its_rows():
    # the heading and header row at a page's bottom, the rows on the next page with no header; the grid
    # found a ruling inside the merged analysis cell, so that page's fullest row has a fourth, nested cell
    fy = 2568
    nested = (460.0, 550.0)
    first = [*qrow(fy, "o1", "50.00", "ข้อคำถามที่ได้คะแนนน้อยที่สุด : o1"),
             cell(nested, "สาเหตุที่ได้คะแนนน้อย : ไม่ได้เผยแพร่ข้อมูล")]
    items = [text_line(TITLE.format(fy=fy)), text_line("ตัวชี้วัดที่ 9 การเปิดเผยข้อมูล (OIT)", page=5),
             table([header()], page=5),
             table([first, [*qrow(fy, "o2", "100.00"), None], [*qrow(fy, "o3", "87.50"), None]], page=6)]
    content = read_report(items)
    assert [(s.indicator, s.question, s.score) for s in content.scores] == [
        (9, "o1", 50.0), (9, "o2", 100.0), (9, "o3", 87.5)]
    assert not [p for p in content.problems if p.code == "table-unrecognized"]
    (a,) = content.analyses
    assert a.lowest_questions == ("o1",)
    assert "ไม่ได้เผยแพร่ข้อมูล" in (a.cause or "")


def test_a_garbled_header_row_like_the_reports_own_header_opens_its_table():
    # a stamp took the score label and half the analysis label: the row is still the header the report printed
    fy = 2568
    items = [text_line(TITLE.format(fy=fy)),
             text_line("ตัวชี้วัดที่ 3 การใช้อำนาจ"),
             table([header(), qrow(fy, "i8", "95.00", "ข้อคำถามที่ได้คะแนนน้อยที่สุด : i8")], page=2),
             text_line("ตัวชี้วัดที่ 4 การใช้ทรัพย์สินของราชการ", page=2),
             table([header(score=None, analysis="เครงะห์ ารประเมิน —"),
                    qrow(fy, "i11", "78.15", "ข้อคำถามที่ได้คะแนนน้อยที่สุด : i11")], page=2)]
    content = read_report(items)
    assert [(s.indicator, s.question, s.score) for s in content.scores] == [(3, "i8", 95.0), (4, "i11", 78.15)]
    assert not [p for p in content.problems if p.code == "table-unrecognized"]


def test_a_row_unlike_any_header_is_no_header():
    fy = 2568
    items = [text_line(TITLE.format(fy=fy)), text_line("ตัวชี้วัดที่ 3 การใช้อำนาจ"),
             table([header(), qrow(fy, "i8", "95.00", "ข้อคำถามที่ได้คะแนนน้อยที่สุด : i8")], page=2),
             table([[cell(COLS[0], "ลงชื่อ ผู้รายงาน"), cell(COLS[1]), cell(COLS[2], "ตำแหน่ง ปลัด")]], page=2)]
    content = read_report(items)
    assert [p.code for p in content.problems].count("table-unrecognized") == 1


def test_a_header_row_below_rows_on_the_same_page_opens_the_next_indicators_table():
    # the grid read two tables as one, the heading line between them lost: indicator 10's header row
    # stands below indicator 9's last rows, and its rows answer indicator 10's items (2566: o34 on)
    fy = 2566
    items = [text_line(TITLE.format(fy=fy)), text_line("ตัวชี้วัดที่ 9 การเปิดเผยข้อมูล (OIT)"),
             table([header(), qrow(fy, "o32", "87.50", "ข้อคำถามที่ได้คะแนนน้อยที่สุด : o32"),
                    qrow(fy, "o33", "100.00"),
                    header(),
                    qrow(fy, "o34", "87.50", "ข้อคำถามที่ได้คะแนนน้อยที่สุด : o35"),
                    qrow(fy, "o35", "50.00"), qrow(fy, "o36", "100.00")], page=7)]
    content = read_report(items)
    assert [(s.indicator, s.question) for s in content.scores] == [
        (9, "o32"), (9, "o33"), (10, "o34"), (10, "o35"), (10, "o36")]
    assert {a.indicator: a.lowest_questions for a in content.analyses} == {9: ("o32",), 10: ("o35",)}
    assert [p.indicator for p in content.problems if p.code == "indicator-heading-missing"] == [10]


def test_a_speck_read_as_a_code_inside_a_header_cell_leaves_it_a_header():
    # dev seed 41 at 200 dpi: ``ช่วงระยะเวลาo56`` in a measures header; a row only counts as data when its
    # first cell opens with a code or a cell is a score alone
    from ita_extract.report.sections import ANALYSIS, MEASURES, header_kind
    cols = [(0, 90), (90, 180), (180, 300), (300, 400), (400, 480)]
    row = [cell(c, t) for c, t in zip(cols, ["มาตรการ/ โครงการ/กิจกรรม", "ผลการวิเคราะห์ ตัวชี้วัด",
                                             "ขั้นตอนหรือวิธีการปฏิบัติ", "ช่วงระยะเวลาo56 ในการ ดำเนินการ",
                                             "ผู้รับผิดชอบ"])]
    assert header_kind(row) == MEASURES
    data = [cell(COLS[0], "o1 ข้อคำถามที่ได้คะแนน"), cell(COLS[1], "50.00"), cell(COLS[2], "สาเหตุที่ได้คะแนนน้อย")]
    assert header_kind(data) is None
    assert header_kind(header()) == ANALYSIS


def test_a_heading_row_behind_a_stamps_specks_still_opens_its_indicator():
    """Specks of a stamp (``๑7, ae 7 yw om``) before the heading word in a full-width heading row:
    short tokens, no Thai word, so the row is the indicator's heading, not a row of the table above."""
    from ita_extract.report.sections import heading_row
    wide = (40.0, 550.0)
    row = [cell(wide, "๑7, ae 7 yw om ตัวชีวัดที่ 4 : การใช้ทรัพย์สินของราชการ"), cell(COLS[1]), cell(COLS[2])]
    assert [h.number for h in heading_row(row)] == [4]
    # a measure that names an indicator is no heading
    assert heading_row([cell(wide, "จัดทำคู่มือ ตัวชี้วัดที่ 4 การใช้ทรัพย์สินของราชการ"), cell(COLS[1]), cell(COLS[2])]) == []


def test_a_shadow_column_beside_a_measures_piece_on_the_next_page_keeps_its_rows():
    """The heading and header at a page's bottom, the rows on the next page; the scan's dark page edge
    reads as one more ruling right of the table, a column holding only a speck (``|``). The piece still
    goes on with the header's columns: that column holds nothing to lose."""
    fy = 2568
    mcols = ((60.0, 80.0), (80.0, 170.0), (170.0, 255.0), (255.0, 375.0), (375.0, 450.0), (450.0, 530.0))
    head = ["ที่", "มาตรการ โครงการ หรือกิจกรรม", "ผลการวิเคราะห์ตัวชี้วัด", "ขั้นตอนหรือวิธีการปฏิบัติ",
            "หน่วยงานที่รับผิดชอบ", "ช่วงระยะเวลาในการดำเนินการ"]
    rows = [["1", "ประกาศนโยบายการให้บริการตามลำดับคิว", "ผู้รับบริการบางรายรอนาน", "ปรับปรุงระบบ E-Service",
             "สำนักงานเลขานุการกรม", "เม.ย. 2566"],
            ["2", "เพิ่มจุดบริการช่วงเวลาเร่งด่วน", "ผู้รับบริการบางรายรอนาน", "จัดเจ้าหน้าที่หมุนเวียน",
             "สำนักงานเลขานุการกรม", "เม.ย. 2566"]]
    shadow = (533.0, 589.0)
    page8 = [[*(cell(c, t) for c, t in zip(mcols, r)), cell(shadow, "|" if k == 0 else "")] for k, r in enumerate(rows)]
    items = [text_line(TITLE.format(fy=fy)), text_line("ตัวชี้วัดที่ 6 คุณภาพการดำเนินงาน", page=7),
             Table(page=7, bbox=(60, 0, 530, 40), rows=[[cell(c, t) for c, t in zip(mcols, head)]], row_pages=[7]),
             Table(page=8, bbox=(60, 0, 589, 80), rows=page8, row_pages=[8, 8])]
    content = read_report(items)
    assert [(m.indicator, m.measure) for m in content.measures] == [
        (6, "ประกาศนโยบายการให้บริการตามลำดับคิว"), (6, "เพิ่มจุดบริการช่วงเวลาเร่งด่วน")]
    assert not [p for p in content.problems if p.code == "table-unrecognized"]
