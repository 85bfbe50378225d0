"""ita_extract/report/records.py: the lowest questions of an OCR'd analysis, from its codes and its quoted texts
(issue 9). Hand-built analysis tables whose cells were read by OCR; the ground truth is what was printed."""
from __future__ import annotations

from extract.text.layer import Line
from extract.text.layout import Cell
from ita_extract.report.records import analysis_rows
from ita_extract.report.sections import IndicatorTable

COLUMNS = {"question": 0, "score": 1, "analysis": 2}


def ocr_cell(*texts: str) -> Cell:
    return Cell((0.0, 0.0, 100.0, 16.0 * len(texts)),
                tuple(Line(t, 0.0, 100.0, 16.0 * i, 16.0 * i + 14, 14.0, 40.0, conf=90.0, ocr=True)
                      for i, t in enumerate(texts)))


def table(rows: list[tuple[str, str]], analysis: list[str]) -> IndicatorTable:
    cells = [[ocr_cell(q), ocr_cell(s) if s else None, ocr_cell(*analysis) if k == 0 else None]
             for k, (q, s) in enumerate(rows)]
    return IndicatorTable(kind="analysis", headings=[], heading_text="", heading_page=1, columns=COLUMNS, page=1,
                          rows=cells, row_pages=[1] * len(cells))


I_ROWS = [("i1 การปฏิบัติงานหรือให้บริการของเจ้าหน้าที่ในหน่วยงานของท่านเป็นไปตามขั้นตอนและระยะเวลา มากน้อยเพียงใด", "80.00"),
          ("i2 ในหน่วยงานของท่าน มีเจ้าหน้าที่ที่ปฏิบัติงานหรือให้บริการแก่ผู้มาติดต่อหรือผู้มารับบริการอย่างเท่าเทียมกันมากน้อยเพียงใด", "95.00"),
          ("i3 เจ้าหน้าที่ในหน่วยงานของท่าน มีการเรียกรับสินบนเพื่อแลกกับการปฏิบัติงานหรือการให้บริการหรือไม่", "80.00")]


def test_a_printed_code_whose_question_ocr_garbled_still_counts_beside_a_quoted_one():
    analysis = ["ข้อคำถามที่ได้คะแนนน้อยที่สุด :",
                "i1 การปฏิบัติการของเจ้าหน้าที่ในหน่วยงานของอนและระยะเวลา มากน้อยเพียงใด",
                "i3 เจ้าหน้าที่ในหน่วยงานของท่าน มีการเรียกรับสินบนเพื่อแลกกับการปฏิบัติงานหรือการให้บริการหรือไม่",
                "สาเหตุเกิดจาก : บุคลากรขาดความรู้"]
    _, analyses, _ = analysis_rows(table(I_ROWS, analysis), [1], 2568)
    assert analyses[0].lowest_questions == ("i1", "i3")


def test_an_oit_table_without_scores_finds_its_lowest_item_by_text_in_the_questionnaire():
    """A range row (``o1 - o28``) gives no questions to match; the year's questionnaire does, and the item's
    text outweighs a misread code (``013`` printed for ``019``)."""
    rows = [("o1 - o28", "")]
    analysis = ["ข้อคำถามที่ได้คะแนนน้อยที่สุด :", "016 ประมวลจริยธรรมและการขับเคลื่อนจริยธรรม",
                "013ข้อมูลสถิติเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ", "สาเหตุเกิดจาก : ไม่ได้เผยแพร่"]
    _, analyses, _ = analysis_rows(table(rows, analysis), [9], 2568)
    assert analyses[0].lowest_questions == ("o16", "o19")


def test_a_question_quoted_whole_that_holds_another_questions_wording_is_the_one_quoted():
    """o43 "การดำเนินการตามมาตรการ…" holds o42 "มาตรการ…" whole: quoted with the words it adds, it is
    o43 (both match in full); the shorter wording quoted alone is o42; codes OCR garbled do not decide."""
    from ita_extract.report.records import lowest_by_text

    qs = [("o36", "การประเมินความเสี่ยงการทุจริตประจำปี"),
          ("o42", "มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน"),
          ("o43", "การดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน")]
    quoted = "032 การประเมินความเสียงการทุจริตประจำปี\n053 การดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน"
    assert lowest_by_text(quoted, qs, ["o32", "o53"]) == ["o36", "o43"]
    assert lowest_by_text("o42 มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน", qs) == ["o42"]
    assert lowest_by_text("มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน", qs) == ["o42"]


def test_quotes_side_by_side_whose_alignments_share_an_edge_letter_are_both_named():
    """The alignment of a long quote begins a letter early, inside the quote before it: two questions."""
    from ita_extract.report.records import lowest_by_text

    qs = [("o11", "ข้อมูลสถิติการให้บริการ"),
          ("o12", "รายการการจัดซื้อจัดจ้างหรือการจัดหาพัสดุ และความก้าวหน้าการจัดซื้อจัดจ้างหรือการจัดหาพัสดุ"),
          ("o13", "รายงานผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุประจำปี"),
          ("o17", "แนวปฏิบัติการจัดการเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ"),
          ("o18", "ช่องทางแจ้งเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ")]
    quoted = ("7011 ข้อมูลสถิติการให้บริการ\n012 รายการการจัดซื้อจัดจ้างหรือการจัดหาพัสดุและความก้าวหน้า"
              "การจัดซื้อจัดจ้างหรือการจัดหา Wan\n01 แนวปฏิบัติการจัดการเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ")
    assert lowest_by_text(quoted, qs, ["o12", "o1"]) == ["o11", "o12", "o17"]


def test_a_row_whose_question_ocr_garbled_is_matched_by_its_codes_wording_in_the_questionnaire():
    """The analysis quotes e6 with no code; OCR garbled e6's own row, so its text names nothing, but the row
    kept its code and the questionnaire words e6 as the analysis quotes it."""
    rows = [("e6 การเผยแพร่ข้อมูลของหน่วยฐ์โน ต่อ“มีลักษณะ 2 1 a ฆ at ดังต่อไปนี้ มากน้อยเพียงใด", "77.13"),
            ("e7 หน่วยงานที่ท่านติดต่อ มีการเผยแพร่ผลงานหรือข้อมูลที่สาธารณชนควรรับทราบอย่างชัดเจน มากน้อยเพียงใด", "89.06")]
    analysis = ["ข้อคำถามที่ได้คะแนนน้อยที่สุด :", "การเผยแพร่ข้อมูลของหน่วยงานที่ท่านติดต่อ มี",
                "ลักษณะดังต่อไปนี้ มากน้อยเพียงใด", "สาเหตุเกิดจาก : ผู้รับบริการบางส่วน"]
    _, analyses, _ = analysis_rows(table(rows, analysis), [7], 2565)
    assert analyses[0].lowest_questions == ("e6",)


def test_of_two_wordings_of_one_code_the_closer_counts():
    from ita_extract.report.records import lowest_by_text

    quoted = "รายงานผลการดำเนินการตามแผนบริหารจัดการความเสี่ยงการทุจริต"
    qs = [("o22", "รายงานผลการดำเนินการตามแผนบริหารจัดการความเสี่ยงการทุจริต"),
          ("o22", "รายงานผลการดำเจ็ แกก็ร3วุมสผูบริหารจัดการความเสี่ยงการทุจริต")]
    assert lowest_by_text(quoted, qs) == ["o22"]
