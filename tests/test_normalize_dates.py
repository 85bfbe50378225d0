"""normalize/dates.py: periods and fiscal years."""

from __future__ import annotations

from datetime import date

import pytest

from normalize.dates import (fiscal_year_from_text, fiscal_year_range, parse_period, period_open_end,
                             repair_month_abbreviations, restore_lost_century)

FY2569 = (date(2025, 10, 1), date(2026, 9, 30))


@pytest.mark.parametrize(
    "text,expected",
    [
        ("ต.ค. ๒๕๖๘ – ๓๐ ก.ย. ๒๕๖๙", FY2569),  # as the seed prints it
        ("<p>ต.ค. ๒๕๖๘ - ๓๐ ก.ย. ๒๕๖๙</p>", FY2569),
        ("ต.ค. 2568 - 30 ก.ย. 2569", FY2569),  # after normalize_text
        ("1 ตุลาคม 2568 - 30 กันยายน 2569", FY2569),
        ("1 ตุลาคม 2568 ถึง 30 กันยายน 2569", FY2569),
        ("ต.ค. 2568 — ก.ย. 2569", FY2569),
        ("ต . ค . 2568 - ก . ย . 2569", FY2569),
        ("ตค 2568 - กย 2569", FY2569),
        ("ปีงบประมาณ พ.ศ. 2569", FY2569),
        ("ตลอดปีงบประมาณ 2569", FY2569),
        ("ตลอดปีงบประมาณ ๒๕๖๙", FY2569),
        ("ต.ค. - ก.ย. 2569", FY2569),  # one year, period crosses new year
        ("ต.ค.67-ก.ย.68", (date(2024, 10, 1), date(2025, 9, 30))),
        ("ม.ค. - มี.ค. 2569", (date(2026, 1, 1), date(2026, 3, 31))),
        ("ก.พ. 2568", (date(2025, 2, 1), date(2025, 2, 28))),
        ("ก.พ. 2567", (date(2024, 2, 1), date(2024, 2, 29))),  # leap year
        ("15 มกราคม 2569", (date(2026, 1, 15), date(2026, 1, 15))),
        ("มีนาคม 2569", (date(2026, 3, 1), date(2026, 3, 31))),
        ("31 ก.ย. 2569", (date(2026, 9, 30), date(2026, 9, 30))),  # no 31 Sep
        ("1 - 30 ก.ย. 2569", (date(2026, 9, 1), date(2026, 9, 30))),
        ("พ.ค. พ.ศ. 2569", (date(2026, 5, 1), date(2026, 5, 31))),
        ("เดือนธันวาคม 2568 ถึง มกราคม 2569", (date(2025, 12, 1), date(2026, 1, 31))),
        ("1/10/2568 - 30/9/2569", FY2569),
    ],
)
def test_parse_period(text: str, expected: tuple[date, date]) -> None:
    assert parse_period(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "ตามความเหมาะสม",
        "-",
        "",
        "ทุกหน่วยงาน",
        "ต.ค. - ก.ย.",  # no year at all
        "สมคบ 2569",  # "มค" inside a word is no month
        "สำนักปลัด",
        "99.38",
    ],
)
def test_parse_period_unreadable(text: str) -> None:
    assert parse_period(text) == (None, None)


@pytest.mark.parametrize(
    "text",
    ["32 ต.ค. 2568", "ก.ย. 2569 - ต.ค. 2568", "0 มกราคม 0", "ต.ค. 99999", "((((", "ก.ย." * 50,
     "ต.ค. 2565 - 30 กูุย. 2566", "มีุ๊.ค. 2569", "กุ๋.ย."],
)
def test_parse_period_never_raises(text: str) -> None:
    start, end = parse_period(text)
    assert start is None or isinstance(start, date)
    assert end is None or isinstance(end, date)


def test_fiscal_year_range() -> None:
    assert fiscal_year_range(2569) == FY2569
    assert fiscal_year_range(2568) == (date(2024, 10, 1), date(2025, 9, 30))


@pytest.mark.parametrize(
    "text,expected",
    [
        ("ตำบลหนองกะปุ ในปีงบประมาณพ.ศ.๒๕๖๘(๑๐ ตัวชี้วัด)", 2568),
        ("ของ องค์การบริหารส่วนตำบลหนองกะบู่ ประจำปีงบประมาณ พ.ศ. ๒๕๖๘", 2568),
        ("ประจำปีงบประมาณ พ.ศ. 2568", 2568),
        ("ITA 2567", 2567),
        ("การประเมิน ITA ประจำปี 2569", 2569),
        ("ปีงบประมาณ ๒๕๖๘ (ผลคะแนน ๙๙.๓๘)", 2568),
    ],
)
def test_fiscal_year_from_text(text: str, expected: int) -> None:
    assert fiscal_year_from_text(text) == expected


@pytest.mark.parametrize(
    "text",
    ["การนำผลการประเมิน ITA ไปสู่การพัฒนาองค์กร", "ตัวชี้วัดที่ ๑ การปฏิบัติหน้าที่", "ปี 2490", "ปี 2700", "โทร 025686000", ""],
)
def test_fiscal_year_from_text_none(text: str) -> None:
    assert fiscal_year_from_text(text) is None


@pytest.mark.parametrize("text, expected", [
    ("ดต.ค. 2566 ถึง 30 กุย.2567", (date(2023, 10, 1), date(2024, 9, 30))),  # dev scan F at 300 dpi
    ("ตดต.ค.67-ก.ย.68", (date(2024, 10, 1), date(2025, 9, 30))),  # two letters glued (F at 200 dpi)
    ("ต.ค. 2566 ถึง30 กถก.ย. 2567", (date(2023, 10, 1), date(2024, 9, 30))),
])
def test_a_speck_glued_before_a_month_leaves_the_month_as_printed(text, expected):
    """Issue 9: a consonant or two glued before a dotted month abbreviation hid the month (0.7.0: no start)."""
    assert parse_period(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("ม.ค.- กุพ: 2567", (date(2024, 1, 1), date(2024, 2, 29))),  # the last dot read as a colon (dev scan P)
    ("1/10/2565-30/9/ . 2566", (date(2022, 10, 1), date(2023, 9, 30))),  # a speck before the year (P)
])
def test_specks_in_a_date_hide_no_part_of_it(text, expected):
    assert parse_period(text) == expected


def test_a_year_with_a_letter_for_a_digit_is_the_one_fiscal_year_it_can_be():
    """``ก.พ.25ญ0`` in a 2570 report (dev scan O at 300 dpi): ญ stands for any digit, and of 2569-2571 only
    2570 agrees with every other digit; 2568's report could be 2567, 2568 or 2569 for ``256ญ``: unread."""
    assert parse_period("ก.พ.25ญ0", fiscal_year=2570) == (date(2027, 2, 1), date(2027, 2, 28))
    assert parse_period("ก.พ.256ญ", fiscal_year=2568) == (None, None)


def test_a_numeric_date_a_line_wrap_split_after_its_slash():
    assert parse_period("1/10/2568-30/ 9/2569") == (date(2025, 10, 1), date(2026, 9, 30))


@pytest.mark.parametrize("text, end", [
    ("ดต.ด. 2570 - 30 ก.ย. 2571", date(2028, 9, 30)),  # OCR: the month misread, a letter glued to it
    ("A.A. 2570 ถึง ก.ย. 2571", date(2028, 9, 30)),  # the month read as Latin
])
def test_a_range_whose_start_is_unreadable_keeps_only_its_end(text, end):
    """Never the end's date for the start (0.4.0 gave 2028-09-30 as the start too); unless
    inferred from the fiscal year the period closes (below), the start stays empty."""
    assert parse_period(text, infer=False) == (None, end)
    assert parse_period(text) == (date(end.year - 1, 10, 1), end)


def test_a_day_range_still_borrows_the_month():
    assert parse_period("1 - 30 ก.ย. 2569") == (date(2026, 9, 1), date(2026, 9, 30))


def test_a_letter_spaced_year_is_read_whole():
    # a period cell set letter-spaced: its years come one digit a space ("ต.ค. ๖ ๘ ถึง ก.ย. ๖ ๙")
    from datetime import date
    from normalize.dates import parse_period as read
    assert read("ต.ค. 6 8 ถึง ก.ย. 6 9") == (date(2025, 10, 1), date(2026, 9, 30))
    assert read("ต.ค. 2 5 6 8 - ก.ย. 2 5 6 9") == (date(2025, 10, 1), date(2026, 9, 30))
    assert read("ต.ค. 2568 30 ก.ย. 2569") == (date(2025, 10, 1), date(2026, 9, 30))  # two numbers stay two


# --- scans: month names and abbreviations as OCR reads them (issue 9) ----------------


@pytest.mark.parametrize(
    "text,expected",
    [
        ("ต.ค. 2568 - 30 กิย. 2569", FY2569),  # the dot of ก.ย. read as sara i
        ("ต.ค. 2568 - 30 ก,ย. 2569", FY2569),  # ... or as a comma
        ("ต,ค. 2568 - ก.ย 2569", (date(2025, 10, 1), date(2026, 9, 30))),
        ("1 ตุลาดม 2568 - 30 กันยายบ 2569", FY2569),  # one letter of each full name misread
        ("1 ตุลาคม 2568 - 30 พฤศจิกาขบ 2568", (date(2025, 10, 1), date(2025, 11, 30))),  # two in a long name
        ("มีค 2569", (date(2026, 3, 1), date(2026, 3, 31))),  # a real abbreviation stays itself
    ],
)
def test_parse_period_reads_months_as_ocr_misreads_them(text: str, expected: tuple[date, date]) -> None:
    assert parse_period(text) == expected


def test_misread_word_that_is_no_month_stays_unread() -> None:
    # two edits in a 7-letter word is too far from any month name
    assert parse_period("กรรมการ 2569") == (None, None)


@pytest.mark.parametrize(
    "text",
    ["ต.ค. 2568 - 30 f).8. 2569", "ต.ค. 2568 -", "1 ตุลาคม 2568 ถึง", "ต.ค. 2568\n-36 กย\n25.9"],
)
def test_range_whose_end_was_not_read_keeps_no_end(text: str) -> None:
    """The end was printed (a range sign) and not read: never the start's own month or day
    (the fiscal year's 30 September is inferred for an end with its year: below)."""
    assert parse_period(text, infer=False) == (date(2025, 10, 1), None)
    if "2569" not in text:
        assert parse_period(text) == (date(2025, 10, 1), None)


@pytest.mark.parametrize(
    "text,expected,open_end",
    [
        ("ตั้งแต่ ต.ค. 2568", (date(2025, 10, 1), None), "end"),
        ("ตั้งแต่ 1 ตุลาคม 2568 เป็นต้นไป", (date(2025, 10, 1), None), "end"),
        ("ต.ค. 2568 เป็นต้นไป", (date(2025, 10, 1), None), "end"),
        ("ภายใน 30 ก.ย. 2569", (None, date(2026, 9, 30)), "start"),
        ("ตั้งแต่ ต.ค. 2568 - ก.ย. 2569", FY2569, None),
        ("ต.ค. 2568 -", (date(2025, 10, 1), None), None),  # cut range: an end not read, not an open one
    ],
)
def test_period_printed_with_one_end(text, expected, open_end) -> None:
    assert parse_period(text) == expected
    assert period_open_end(text) == open_end


def test_each_end_stands_on_its_own_year() -> None:
    """A misread year (``25205``, ``25.9``) empties its own end only (unless the range
    runs over the fiscal year's months: then it is that fiscal year, see below)."""
    assert parse_period("ต.ค. 25205 - 30 ก.ย. 2569", repair_years=False) == (None, date(2026, 9, 30))
    assert parse_period("ต.ค. 2568 - 30 ก.ย. 25.9", repair_years=False) == (date(2025, 10, 1), None)
    assert parse_period("ต.ค. 25205 - 30 มิ.ย. 2569") == (None, date(2026, 6, 30))
    assert parse_period("ม.ค. - มี.ค. 25205") == (None, None)  # the one year serves both ends


@pytest.mark.parametrize(
    "text,expected",
    [
        ("ต.ค. 2566 ถึงกุย. 2567", (date(2023, 10, 1), date(2024, 9, 30))),  # ถึง joined to the month
        ("ปีึงบประมาณ 2569", FY2569),  # OCR's marks on ปี
        ("ตลอดปิงบประมาณ 2569", FY2569),
        ("ตลอดปีงบประมาณ พ.ศ, 2569", FY2569),  # a comma for the dot
        ("ตลอดปีงบประมาณ' พ.ศ. 2569", FY2569),  # a stray quote
        ("ตลอดปีงบประมาณ\n. พพ.ศ. 2569", FY2569),  # a doubled พ
        ("ตลอดปีจบประมาณ พ.ศ. 2569", FY2569),  # the ง of งบ read as จ (dev scan B, every variant)
        ("ตลอดปืจบประมาณ พ.ศ. 2569", FY2569),
    ],
)
def test_parse_period_reads_fiscal_wording_and_joined_words_as_ocr_gives_them(text, expected) -> None:
    assert parse_period(text) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        ("1/10/2568 - 0/9/2569", (date(2025, 10, 1), None)),  # the end's day lost
        ("1/10/2568 - 30/9969", FY2569),  # the end's slash lost: a range from 1 October to a 30th
        ("1|0|6 - 30/9/2569", (None, date(2026, 9, 30))),  # the start unreadable
        ("1/10/2520ฆ - 30/9/2569", FY2569),  # the start's year misread: 1 October of the fiscal year closed
        ("1/10/2520ฆ - 30/8/2569", (None, date(2026, 8, 30))),  # ... only on 30 September
    ],
)
def test_numeric_range_with_one_end_unread_keeps_the_other(text, expected) -> None:
    """Never the read end's date for both ends (was: 1 Oct - 1 Oct)."""
    assert parse_period(text) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        ("ต.ค. 25ฒ0 - 30 ก.ย. 2571", (date(2027, 10, 1), date(2028, 9, 30))),  # ฒ for the ๗ Tesseract lacks
        ("ต.ค. 2968 ถึง ก.ย. 2569", FY2569),  # one digit misread
        ("ตุลาคม 256 ถึงกันยายน 2569", FY2569),  # one digit lost
        ("ต.ค. 257 - 30 ก.ย. 2571", (date(2027, 10, 1), date(2028, 9, 30))),
        ("ต.ค. 2568 - ก.ย. 25ฒ9", FY2569),  # the end's year, from the start's
        ("ม.ค. 2569 - มี.ค. 25ฒ9", (date(2026, 1, 1), date(2026, 3, 31))),  # within one calendar year
    ],
)
def test_year_misread_by_one_digit_is_the_year_the_other_end_allows(text, expected) -> None:
    """Issue 9 (dev scans at 200 and 300 dpi): the other end's year and the months leave one year for a
    period that runs forward for less than a year; the misread must be that year with one digit wrong."""
    assert parse_period(text) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        ("ต.ค. 25205 - 30 ส.ค. 2569", (None, date(2026, 8, 30))),  # two digits off: not read
        ("พ.ย. 2525 - 30 ก.ย. 2569", (None, date(2026, 9, 30))),  # ๒๕๖๘ read ๒๕๒๕: two digits off
        ("ต.ค. 2567 - ก.ย. 2569", (date(2024, 10, 1), date(2026, 9, 30))),  # two years, both read: as printed
        ("ต.ค. 2ฒฒ8 - ก.ย. 25ฒ9", (None, None)),  # both ends misread: nothing to lean on
    ],
)
def test_a_year_further_off_stays_unread(text, expected) -> None:
    assert parse_period(text) == expected


def test_abbreviation_that_lost_its_mark_names_its_month_only_when_no_other_is_spelled_so() -> None:
    """``มิ.ย.`` read ``ม.ย.`` on a 200-dpi dev scan: June; ``มี.ค.`` that lost its mark reads ``ม.ค.``,
    which is January's own abbreviation, and stays January."""
    assert parse_period("ม.ย. 2565") == (date(2022, 6, 1), date(2022, 6, 30))
    assert parse_period("ต.ค. 2564 - ม.ย. 2565") == (date(2021, 10, 1), date(2022, 6, 30))
    assert parse_period("ม.ค. 2569") == (date(2026, 1, 1), date(2026, 1, 31))
    assert parse_period("เม.ย. 2569") == (date(2026, 4, 1), date(2026, 4, 30))


@pytest.mark.parametrize("text, fiscal_year, expected", [
    ("ก.ค. - ส.ค. 2531", 2570, (date(2028, 7, 1), date(2028, 8, 31))),  # ๗ read ๓ (dev scan E at 200 dpi)
    ("ปังบประมาณ 2525", 2565, (date(2021, 10, 1), date(2022, 9, 30))),  # ๖ read ๒ (dev scan D at 150 dpi)
])
def test_a_year_no_assessment_names_is_the_fiscal_year_it_misreads(text, fiscal_year, expected):
    """Issue 9: 0.7.0 left these null; the report's fiscal year (or the one before or after) is the one
    year a single misread digit away."""
    assert parse_period(text) == (None, None)
    assert parse_period(text, fiscal_year=fiscal_year) == expected
    assert parse_period(text, repair_years=False, fiscal_year=fiscal_year) == (None, None)  # how it is flagged


@pytest.mark.parametrize("text, fiscal_year", [
    ("ต.ค. 2522", 2565),  # the last digit misread: 2564, 2565 and 2566 are one digit off alike
    ("1/10/2564 - 30/5/2525", 2565),  # a numeric date: its month is misread too (๙ read ๕)
    ("ต.ค. 2480", 2565),  # no year of the report's within one digit
])
def test_a_year_the_fiscal_year_cannot_decide_stays_unread(text, fiscal_year):
    assert parse_period(text, fiscal_year=fiscal_year) == parse_period(text)


# --- issue 9: months and days OCR garbled in scanned periods -----------------------------------
@pytest.mark.parametrize("text, expected", [
    ("ต.ค. 70 - ก๋.ย. 71", (date(2027, 10, 1), date(2028, 9, 30))),  # a tone mark added before the dot
    ("เม.ย.-มี.ย.2571", (date(2028, 4, 1), date(2028, 6, 30))),  # the vowel mark of มิ misread
    ("ตุลาคุ่ม.2570- กันีย้ายน 2571", (date(2027, 10, 1), date(2028, 9, 30))),  # marks added to full names
])
def test_a_month_with_a_mark_ocr_added_or_changed_is_still_its_month(text, expected):
    assert parse_period(text) == expected


def test_a_mark_never_turns_one_month_into_another():
    assert parse_period("มี.ค. 2569") == (date(2026, 3, 1), date(2026, 3, 31))  # not ม.ค. with a mark
    assert parse_period("ม.ค. 2569") == (date(2026, 1, 1), date(2026, 1, 31))


@pytest.mark.parametrize("text, expected", [
    ("A.A. 67 ถึง ก.ย. 68", (date(2024, 10, 1), date(2025, 9, 30))),  # the start's month read as Latin
    ("A.A.70 - ก.ย. 71", (date(2027, 10, 1), date(2028, 9, 30))),  # ... glued to its year
    ("AIAN 2566 - กันยายน 2567", (date(2023, 10, 1), date(2024, 9, 30))),
    ("ต.ค. 67 - 1.8, 68", (date(2024, 10, 1), date(2025, 9, 30))),  # the end's month read as digits
    ("ต.ค. 2570 ถึง 30 AL, 2571", (date(2027, 10, 1), date(2028, 9, 30))),
    ("ต.ค. 2570 - 30 กุข. 2571", (date(2027, 10, 1), date(2028, 9, 30))),  # Thai letters that name no month
    ("ต.ค.69 - .8. 70", (date(2026, 10, 1), date(2027, 9, 30))),
    ("ต.ค.66-กุข.6 ฒ", (date(2023, 10, 1), date(2024, 9, 30))),  # the year letter-spaced, a letter for a digit
    ("ต.ค. 2568-30 ก5: 2569", (date(2025, 10, 1), date(2026, 9, 30))),  # a digit among the letters (phone)
    ("ต.ค. 2568ถึง 2569", (date(2025, 10, 1), date(2026, 9, 30))),  # the end's month lost (phone)
    ("67 ถึง กุย. 68", (date(2024, 10, 1), date(2025, 9, 30))),  # the start's month lost (phone)
])
def test_an_unreadable_month_of_a_fiscal_year_range_is_the_fiscal_year_bound(text, expected):
    assert parse_period(text) == expected
    assert parse_period(text, infer=False) != expected  # told apart (records warns)


@pytest.mark.parametrize("text", [
    "A.A. - ส.ค. 2569",  # no year before the range: any month of 2569 up to August
    "A.A. 2568 ถึง ก.ย. 2568",  # the same year: not a fiscal year's start
    "ต.ค. 2568 - 1.8, 2570",  # two years on
    "ต.ค. 2568 - ก.พ.",  # no year
    "ต.ค.66-กุข.5 ฒ",  # a year read that is not the next one
])
def test_an_unreadable_month_elsewhere_is_not_inferred(text):
    start, end = parse_period(text)
    assert start is None or end is None or (start.month, end.month) != (10, 9)


@pytest.mark.parametrize("text, expected", [
    ("ต.ค. 2570 ถึง3 ก.ย. 2571", (date(2027, 10, 1), date(2028, 9, 30))),
    ("1 ต.ค. 2570 - 3 ธ.ค. 2570", (date(2027, 10, 1), date(2027, 12, 31))),
    ("1 ต.ค. 2570 - 3 ต.ค. 2570", (date(2027, 10, 1), date(2027, 10, 3))),  # within one month: a real 3rd
    ("10 ต.ค. 2570 - 3 พ.ย. 2570", (date(2027, 10, 10), date(2027, 11, 3))),  # a start mid-month
])
def test_a_range_end_day_read_as_3_is_the_month_end_when_the_range_runs_over_whole_months(text, expected):
    assert parse_period(text) == expected


def test_a_mark_inside_a_year_is_noise():
    """``25ญ่1`` (dev scan K at 200 dpi): a tone mark on the letter Tesseract wrote for a digit."""
    assert parse_period("ตลอดปีงบประมาณ พ.ศ.25ญ่1", fiscal_year=2571) == (date(2027, 10, 1), date(2028, 9, 30))
    assert parse_period("ตลอดปีงบประมาณ พ.ศ.25ญ่1") == (None, None)  # no fiscal year to tell the digit


def test_a_numeric_start_whose_year_was_cut_short_is_the_year_before_its_end():
    assert parse_period("1/10/6 - 30/9/2567") == (date(2023, 10, 1), date(2024, 9, 30))
    assert parse_period("1/10/66 - 30/9/2567") == (date(2023, 10, 1), date(2024, 9, 30))  # two digits: a year
    assert parse_period("1/10/5 - 30/9/2567") == (None, date(2024, 9, 30))  # digits of no year that fits
    assert parse_period("1/10/6 - 30/9/2567", repair_years=False) == (None, date(2024, 9, 30))


def test_consonants_glued_before_a_full_month_name_are_specks():
    assert parse_period(". กถกั้นยายน 2568") == (date(2025, 9, 1), date(2025, 9, 30))
    assert parse_period("กรรมการ 2569") == (None, None)


def test_marks_ocr_added_before_the_dot_keep_the_month_the_letters_spell():
    assert parse_period("ต.ค. 2565 - 30 กูุย. 2566") == (date(2022, 10, 1), date(2023, 9, 30))  # dev scan 150 dpi
    assert parse_period("มีุ.ค. 2569") == (date(2026, 3, 1), date(2026, 3, 31))  # มี.ค., never ม.ค.


@pytest.mark.parametrize(
    "text,expected",
    [
        ("เม.ย. - บิย. 2565", (date(2022, 4, 1), date(2022, 6, 30))),  # บ for the ม of มิ.ย.
        ("ฆ.ค. 2566", (date(2023, 1, 1), date(2023, 1, 31))),  # ฆ for the ม of ม.ค.
        ("ด.ค. 2568", (date(2025, 10, 1), date(2025, 10, 31))),  # ด for the ต of ต.ค.
        ("กถุย. 2571", (date(2028, 9, 1), date(2028, 9, 30))),  # a speck's letter and mark inside ก.ย.
        ("กอ.ค. 2571", (date(2028, 7, 1), date(2028, 7, 31))),  # a speck's letter before the dot
        ("ต.ค. จญ-กุขย. 68", (date(2024, 10, 1), date(2025, 9, 30))),  # and the start's year unreadable
    ])
def test_a_month_abbreviation_garbled_by_one_letter_is_the_one_month_it_fits(text, expected):
    assert parse_period(text) == expected


def test_a_dotted_word_that_fits_no_month_or_stands_nowhere_a_month_stands_stays_unread():
    assert parse_period("กอง. ทุกเดือน") == (None, None)  # no year, no range sign beside it
    assert parse_period("ผอ. 2571") == (None, None)  # an office's abbreviation: no month
    assert parse_period("บอ.ค. 2571") == (None, None)  # neither the lookalike nor a letter less spells a month


def test_one_unreadable_year_of_a_range_from_october_to_september_is_the_fiscal_year():
    assert parse_period("ต.ค. 25อ3ฒ-ก.ย. 2568") == (date(2024, 10, 1), date(2025, 9, 30))
    assert parse_period("ต.ค. 2567 - 30 ก.ย. 25205") == (date(2024, 10, 1), date(2025, 9, 30))
    assert parse_period("ต.ค. 25อ3ฒ-ก.ย. 2568", repair_years=False) == (None, date(2025, 9, 30))
    assert parse_period("ต.ค. 25อ3ฒ-ส.ค. 2568") == (None, date(2025, 8, 31))  # not the fiscal year's months


def test_a_range_dash_read_as_a_digit_after_a_two_digit_year():
    assert parse_period("ต.ค.692ก.ย.70") == (date(2026, 10, 1), date(2027, 9, 30))
    assert parse_period("ม.ค.692มี.ค.70") == (None, date(2027, 3, 31))  # 692 fits no year a range allows


def test_a_numeric_range_from_1_october_to_a_30th_that_reads_as_no_date_closes_the_fiscal_year():
    assert parse_period("1/10/2564-30/5/2525") == (date(2021, 10, 1), date(2022, 9, 30))
    assert parse_period("1/10/2564-30/5/2525", infer=False) == (date(2021, 10, 1), None)
    assert parse_period("1/11/2564-30/5/2525") == (date(2021, 11, 1), None)  # no fiscal year opens on 1 November
    assert parse_period("1/10/2564-31/5/2525") == (date(2021, 10, 1), None)  # nor closes on a 31st
    assert parse_period("1/10/2564 - 30 ตามความเหมาะสม") == (date(2021, 10, 1), None)  # words after the 30


def test_a_numeric_range_to_30_september_from_a_1st_that_reads_as_no_date_opens_the_fiscal_year():
    assert parse_period("1/0/2566 - 30/9/2567") == (date(2023, 10, 1), date(2024, 9, 30))
    assert parse_period("1|10/2515-30/9/2569") == FY2569
    assert parse_period("1|10/2515-30/9/2569", infer=False) == (None, date(2026, 9, 30))
    assert parse_period("1/0/2565 - 30/9/2567") == (None, date(2024, 9, 30))  # a year read that is no fiscal start
    assert parse_period("1|0|6 - 30/9/2569") == (None, date(2026, 9, 30))  # digits of no year that fits


def test_a_year_read_on_into_a_letter_for_a_digit_is_misread():
    """``2591ฒ`` (a phone photo) for ``2567``: with the fiscal year's months, the fiscal year."""
    assert parse_period("ต.ค. 2591ฒ-30 ก.ย. 2568") == (date(2024, 10, 1), date(2025, 9, 30))
    assert parse_period("ต.ค. 2591ฒ-30 ก.ย. 2568", repair_years=False) == (None, date(2025, 9, 30))
    assert parse_period("ม.ค. 2568ฒ-มี.ค. 2568") == (date(2025, 1, 1), date(2025, 3, 31))  # one char more: the other end decides


@pytest.mark.parametrize(
    "text,expected",
    [
        ("บังบประมาณ wa. 2566", (date(2022, 10, 1), date(2023, 9, 30))),  # ปี read บั, พ.ศ. read as Latin
        ("ตลอดปีงบประมัฑณ พ.ศ.2571", (date(2027, 10, 1), date(2028, 9, 30))),
        ("ประชาสัมพันธ์ 2566", (None, None)),  # a word far from the wording
    ])
def test_fiscal_wording_misread_by_an_edit_or_two_still_names_the_fiscal_year(text, expected):
    assert parse_period(text) == expected


def test_year_that_lost_its_leading_two_after_a_month_is_the_buddhist_era_year():
    """``มีค. 566``: a year of three digits from 5 is 25xx that lost its 2 (no period is in 5xx)."""
    assert parse_period("ม.ค. - มีค. 566") == (date(2023, 1, 1), date(2023, 3, 31))
    assert restore_lost_century("ต.ค. 67 - ก.ย. 568") == "ต.ค. 67 - ก.ย. 2568"
    assert restore_lost_century("รอบ 566 วัน") == "รอบ 566 วัน"  # no month before it: no year
    assert parse_period("ม.ค. 256") == (None, None)  # a year that lost its last digit stays unread
    assert parse_period("ม.ค. - มีค. 566", repair_years=False) == (None, None)  # how records flags the repair


def test_month_abbreviation_with_a_letter_glued_after_it():
    """``กุยข.`` (ก.ย. with a speck read as ข after it), ``ต.ค.จ66``: when dropping a letter inside
    names no month, the abbreviation without its last letter does."""
    assert parse_period("ก.ค.- กุยข. 2569") == (date(2026, 7, 1), date(2026, 9, 30))
    assert repair_month_abbreviations("ต.ค.จ66 - ก.ย.67") == "ต.ค.66 - ก.ย.67"
    # a letter inside that names a month wins over the last one ("กค.ย." is ก.ย., not ก.ค.)
    assert parse_period("ต.ค. 67-กค.ย. 68") == (date(2024, 10, 1), date(2025, 9, 30))


def test_speck_between_the_era_and_the_year_of_the_fiscal_wording():
    assert parse_period("ปีงบประมาณ พ.ศ. . 2566") == (date(2022, 10, 1), date(2023, 9, 30))


@pytest.mark.parametrize(
    "text,expected",
    [
        ("ก.ค.-ส.ด. 2568", (date(2025, 7, 1), date(2025, 8, 31))),  # ด for the last letter ค
        ("ก.ค.-สุด. 2568", (date(2025, 7, 1), date(2025, 8, 31))),  # ... with a speck read as a mark
        ("ด.ค. 2566 - ก.ย. 2567", (date(2023, 10, 1), date(2024, 9, 30))),  # ด for the first letter ต
    ])
def test_a_lookalike_letter_is_read_at_either_end_of_an_abbreviation(text, expected):
    assert parse_period(text) == expected


def test_a_lookalike_last_letter_outside_a_period_stays():
    assert repair_month_abbreviations("ส.ด. ทุกคน") == "ส.ด. ทุกคน"


@pytest.mark.parametrize(
    "text,expected",
    [
        ("มเค. - มี.ค., 2567", (date(2024, 1, 1), date(2024, 3, 31))),  # the dot read as เ; a comma after
        ("มเ.ค. - ก.พ. 2569", (date(2026, 1, 1), date(2026, 2, 28))),
    ])
def test_a_dot_read_as_sara_e_inside_an_abbreviation(text, expected):
    assert parse_period(text) == expected


def test_a_range_from_a_month_to_itself_reads_the_lost_mark_that_runs_it_forward():
    """``ม.ค. - ม.ค.``: the end is มี.ค. that lost its mark (January to March runs forward in a
    fiscal year; March to January would cross it); a range whose months carry their marks stays."""
    assert parse_period(". ม.ค. - ม.ค. 2566") == (date(2023, 1, 1), date(2023, 3, 31))
    assert parse_period("มี.ค. - มี.ค. 2566") == (date(2023, 3, 1), date(2023, 3, 31))
    assert parse_period("มกราคม - มกราคม 2566") == (date(2023, 1, 1), date(2023, 1, 31))


def test_range_word_and_end_month_read_as_one_unreadable_word():
    assert parse_period("ต.ค. 2566 Hun... 2567") == (date(2023, 10, 1), date(2024, 9, 30))
    assert parse_period("ต.ค. 2566 Hun... 2568") == (date(2023, 10, 1), date(2023, 10, 31))  # no fiscal year's end


def test_a_fiscal_years_range_with_one_year_misread_by_a_digit_is_the_reports_fiscal_year():
    assert parse_period("ตุลาคม 2570- กันยายน 2573", fiscal_year=2571) == (date(2027, 10, 1), date(2028, 9, 30))
    assert parse_period("ตุลาคม 2570- กันยายน 2573", fiscal_year=2571, repair_years=False)[1] == date(2030, 9, 30)
    assert parse_period("ตุลาคม 2570- กันยายน 2573") == (date(2027, 10, 1), date(2030, 9, 30))  # no fiscal year


def test_an_unreadable_start_month_whose_year_lost_a_digit_opens_the_fiscal_year():
    """``AA. 256 ถึง 30 กุย. 2565``: the start's year is 2564 with a digit lost, a year before an end
    on September: the period opens that fiscal year; a year that is no such misread leaves it unread."""
    assert parse_period("AA. 256 ถึง 30 กุย. 2565") == (date(2021, 10, 1), date(2022, 9, 30))
    assert parse_period("AA. 256 ถึง 30 กุย. 2565", infer=False) == (None, date(2022, 9, 30))
    assert parse_period("AA. 257 ถึง 30 กุย. 2565") == (None, date(2022, 9, 30))


def test_a_garbled_numeric_start_whose_year_lost_a_digit_opens_the_fiscal_year():
    assert parse_period("1/1/568 - 30/9/2569") == (date(2025, 10, 1), date(2026, 9, 30))
    assert parse_period("1/1.567 - 30/9/2568") == (date(2024, 10, 1), date(2025, 9, 30))
    assert parse_period("1/1/566 - 30/9/2569") == (None, date(2026, 9, 30))  # two fiscal years before


def test_a_digit_glued_to_the_month_of_a_fiscal_years_range_is_a_speck_not_a_day():
    assert parse_period("3ต.ค. 2564 - 30 ก.ย. 2565") == (date(2021, 10, 1), date(2022, 9, 30))
    assert parse_period("3ต.ค. 2564 - 30 ก.ย. 2565", infer=False)[0] == date(2021, 10, 3)  # records flags it
    assert parse_period("3 ต.ค. 2564 - 30 ก.ย. 2565")[0] == date(2021, 10, 3)  # a day printed apart
    assert parse_period("3ต.ค. 2564 - 30 ส.ค. 2565")[0] == date(2021, 10, 3)  # not the fiscal year's months


def test_an_end_month_read_as_accented_latin_letters_is_unreadable_not_absent():
    assert parse_period("ต.ค. 66 - fi.él. 67") == (date(2023, 10, 1), date(2024, 9, 30))
    assert parse_period("ต.ค. 66 - fi.él. 67", infer=False) == (date(2023, 10, 1), None)
