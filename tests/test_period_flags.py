"""Periods read wrong must never be silent (issue 9, round 8): a default that fills dates OCR did not read,
and an end no period closes on, each raise a problem row."""
from __future__ import annotations

from datetime import date

from extract.text.layer import Line
from extract.text.layout import Cell
from ita_extract.report.records import measure_rows
from ita_extract.report.sections import IndicatorTable

COLUMNS = {"measure": 0, "finding": 1, "steps": 2, "period": 3, "responsible": 4}


def _cell(text: str, ocr: bool) -> Cell:
    return Cell((0.0, 0.0, 300.0, 20.0), (Line(text, 10.0, 60.0, 0.0, 14.0, 14.0, 40.0, conf=90.0, ocr=ocr),))


def _rows(period: str, ocr: bool = True, fiscal_year: int = 2566):
    row = [_cell(t, ocr) for t in ("จัดทำคู่มือ", "ผู้รับบริการบางราย", "ประชุมชี้แจง", period, "สำนักปลัด")]
    t = IndicatorTable("measures", [], "", 1, dict(COLUMNS), 1, rows=[row], row_pages=[1])
    return measure_rows(t, 1, fiscal_year=fiscal_year)


def test_a_period_of_a_year_alone_is_the_fiscal_year_and_says_so():
    # the two months before the year read as Latin letters and lost: the year alone is no fiscal year surely
    for ocr in (True, False):
        rows, problems = _rows("2566", ocr)
        assert (rows[0].period_start, rows[0].period_end) == (date(2022, 10, 1), date(2023, 9, 30))
        assert [p.code for p in problems] == ["period-date-inferred"]
        assert "names a year and no month" in problems[0].message


def test_the_fiscal_years_words_are_read_silently():
    rows, problems = _rows("ปีงบประมาณ พ.ศ. 2566")
    assert (rows[0].period_start, rows[0].period_end) == (date(2022, 10, 1), date(2023, 9, 30))
    assert problems == []


def test_an_ocr_end_off_its_months_edge_is_left_empty_and_said():
    # 30/9 read as 30/3: a valid date, but no month ends on 30 March (its start's year unreadable, so no
    # nearest period is sure)
    rows, problems = _rows("1/10/2525-30/3/2565", fiscal_year=2565)
    assert (rows[0].period_start, rows[0].period_end) == (None, None)
    assert [p.code for p in problems] == ["period-unreadable", "period-unreadable"]
    assert "closes no month" in problems[0].message and "start" in problems[1].message
    # a period printed so in a text layer is as printed
    rows, problems = _rows("1/10/2564-30/3/2565", ocr=False, fiscal_year=2565)
    assert (rows[0].period_start, rows[0].period_end, problems) == (date(2021, 10, 1), date(2022, 3, 30), [])


def test_an_ocr_range_read_as_its_end_alone_loses_its_start_and_says_so():
    # ``1/10/2566 - 30/9/2567`` with its start lost: no period opens on 30 September
    rows, problems = _rows("30/9/2567", fiscal_year=2567)
    assert (rows[0].period_start, rows[0].period_end) == (None, date(2024, 9, 30))
    assert [p.code for p in problems] == ["period-unreadable"]
    assert "opens no month" in problems[0].message


def test_an_ocr_period_over_whole_months_or_open_ended_raises_nothing_new():
    for period in ("1/10/2564 - 30/9/2565", "ม.ค. - ก.พ. 2567", "1 - 29 ก.พ. 2567"):
        rows, problems = _rows(period, fiscal_year=2567)
        assert rows[0].period_start and rows[0].period_end and problems == [], period
    rows, problems = _rows("ภายใน 15 ก.ย. 2567", fiscal_year=2567)
    assert (rows[0].period_start, rows[0].period_end) == (None, date(2024, 9, 15))
    assert [p.code for p in problems] == ["period-open-ended"]


def test_a_period_naming_months_and_no_year_is_unreadable_and_says_so():
    # ``มกราคม-กุมภาพันธ์ 2567`` with its year lost, in a scan or a text layer: the months name dates not read
    for ocr in (True, False):
        rows, problems = _rows("มกราคม-กุมภาพันธ์", ocr)
        assert (rows[0].period_start, rows[0].period_end) == (None, None)
        assert [p.code for p in problems] == ["period-unreadable"]
    rows, problems = _rows("ตามความเหมาะสม")  # no date printed: nothing to say
    assert (rows[0].period_start, problems) == (None, [])


def test_specks_after_a_range_sign_leave_the_start_unread_not_the_end_months_first():
    # ``ต.ค. 2568 - ก.ย. 2569``, its start month read as Latin and specks after the dash: never 1 September
    rows, problems = _rows("AA, 2568 -. . ก.ย. 2569", fiscal_year=2569)
    assert rows[0].period_start != date(2026, 9, 1)
    assert rows[0].period_end == date(2026, 9, 30)
    assert {p.code for p in problems} <= {"period-date-inferred", "period-unreadable"} and problems


def test_an_ocr_period_of_specks_or_latin_letters_is_unreadable_and_says_so():
    # ``ปีงบประมาณ พ.ศ. 2569`` read as Latin letters and signs: no date read, none said to be printed
    rows, problems = _rows(": EL toot")
    assert (rows[0].period_start, [p.code for p in problems]) == (None, ["period-unreadable"])
    for period in ("ทุกปี", "ตามความเหมาะสม"):  # a period that prints no date
        assert _rows(period)[1] == []
    assert _rows(": EL toot", ocr=False)[1] == []  # a text layer's is as printed


def test_a_date_years_away_from_the_fiscal_year_is_a_misread_left_empty_and_said():
    # ``ต.ค. 69 - ก.ย. 70`` garbled to ``ก.ค. 90-18. 70`` (a dev scan, seeds 112-135, X-scan300): 2590 is no year of a 2570
    # report's measures; never a silent 2047-07-01, and no claim that a year was corrected
    rows, problems = _rows("ก.ค. 90-18. 70", fiscal_year=2570)
    assert (rows[0].period_start, rows[0].period_end) == (None, None)
    assert "period-unreadable" in [p.code for p in problems]
    assert "period-year-corrected" not in [p.code for p in problems]
    # the year before, of and after the fiscal year stand, as do a few more either side
    rows, problems = _rows("ต.ค. 69 - ก.ย. 70", fiscal_year=2570)
    assert (rows[0].period_start, rows[0].period_end) == (date(2026, 10, 1), date(2027, 9, 30))
    rows, _ = _rows("ม.ค. 2573", fiscal_year=2570)
    assert rows[0].period_start == date(2030, 1, 1)


def test_a_start_abbreviation_garbled_is_left_empty_and_said_never_the_end_month_alone():
    # ``ม.ค. – ก.พ. 2569`` read ``จส.ค ก.พ. 2569`` (a dev scan, seeds 184-207, D-scan300): read as February alone
    # it was a silent wrong start; a word shaped as an abbreviation one edit from a month's is a start not read
    rows, problems = _rows("จส.ค ก.พ. 2569", fiscal_year=2569)
    assert (rows[0].period_start, rows[0].period_end) == (None, date(2026, 2, 28))
    assert [p.code for p in problems] == ["period-unreadable"]
    # the era before a year, and a month's own abbreviation, are no garbled start
    rows, problems = _rows("ตลอดปีงบประมาณ พ.ศ. 2569", fiscal_year=2569)
    assert (rows[0].period_start, rows[0].period_end) == (date(2025, 10, 1), date(2026, 9, 30)) and not problems
    rows, _ = _rows("ส.ค ก.ย. 2569", fiscal_year=2569)
    assert (rows[0].period_start, rows[0].period_end) == (date(2026, 8, 1), date(2026, 9, 30))


def test_a_start_month_garbled_beyond_repair_is_left_empty_and_said_never_the_end_month_alone():
    # ``เมษายน ถึง พฤษภาคม 2566`` garbled to ``เสขมษาย่น A) พฤษภาคม 2566 ที่`` (a dev scan, seeds 160-183, W-scan300):
    # read as May alone it was a silent wrong start; the garbled name two edits from เมษายน is a start not read
    rows, problems = _rows("เสขมษาย่น A) พฤษภาคม 2566 ที่", fiscal_year=2566)
    assert (rows[0].period_start, rows[0].period_end) == (None, date(2023, 5, 31))
    assert [p.code for p in problems] == ["period-unreadable"]
    # ``ตุลาคม 2565-กันยายน 2566`` with the start's name read ``aman`` and a rule's remnant as a bar before the end
    rows, problems = _rows("' aman 2565-\n| กันยายน 2566", fiscal_year=2566)
    assert rows[0].period_end == date(2023, 9, 30) and rows[0].period_start != date(2023, 9, 1)
    assert problems
    # a word before a month that is no month stays as it was
    rows, problems = _rows("ตลอด ก.ย. 2566", fiscal_year=2566)
    assert (rows[0].period_start, rows[0].period_end) == (date(2023, 9, 1), date(2023, 9, 30))
