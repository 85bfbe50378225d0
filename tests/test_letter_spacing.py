"""Letter-spaced runs (Word's distributed alignment) joined whole (issue 8).

Constructed lines as a text layer gives them: units one space apart, a run
that starts inside a word, a run a line wrap cuts in two.
"""
from __future__ import annotations

from extract.text.layer import Line
from normalize.thai import join_letter_spaced, letter_spaced_wrap, normalize_text
from extract.text.cell_text import join_cell_lines


def _line(text: str) -> Line:
    return Line(text, 0.0, 100.0, 0.0, 14.0, 14.0, 50.0)


def test_a_run_opening_inside_a_word_joins_its_first_letter_and_composes_sara_am():
    # sara am split into nikhahit + sara aa, the aa spaced off: "ทํ า"
    assert join_letter_spaced("กำหนดการนํ า เ ส น อ ผล") == "กำหนดการนำเสนอ ผล"


def test_a_run_after_a_word_keeps_its_word_space():
    assert join_letter_spaced("ประกาศ ร า ย ง า น ผล") == "ประกาศ รายงาน ผล"


def test_a_run_cut_by_a_line_wrap_is_joined_whole():
    joined = join_cell_lines([_line("จัดประชุมชี้ แ จ ง"), _line("ข้ อ มู ล ให้ทราบ")])
    assert normalize_text(joined) == "จัดประชุมชี้แจงข้อมูล ให้ทราบ"


def test_a_wrap_between_plain_words_is_no_letter_spaced_wrap():
    assert not letter_spaced_wrap("จัดซื้อจัด", "จ้าง")
    assert letter_spaced_wrap("ชี้ แ จ ง", "ข้ อ มู ล")


def test_wraps_next_to_abbreviations_keep_their_space_and_inside_tokens_none():
    lines = [_line("ต.ค. 2567 ถึง"), _line("ก.ย. 2568")]
    assert normalize_text(join_cell_lines(lines)) == "ต.ค. 2567 ถึง ก.ย. 2568"
    assert normalize_text(join_cell_lines([_line("1/10/2567-30/"), _line("9/2568")])) == "1/10/2567-30/9/2568"


def test_a_wrap_inside_a_numeric_date_joins_with_nothing():
    # Chromium breaks an overlong token inside the year; fpdf before a slash
    assert normalize_text(join_cell_lines([_line("1/10/2569-30/9/2"), _line("570")])) == "1/10/2569-30/9/2570"
    assert normalize_text(join_cell_lines([_line("๑/๑๐/๒๕๖๖ ถึง ๓๐"), _line("/๙/๒๕๖๗")])) == "1/10/2566 ถึง 30/9/2567"
    # a complete year, or a year of two digits, ends its date: the space stays
    assert normalize_text(join_cell_lines([_line("ภายใน 30/9/2570"), _line("15 วัน")])) == "ภายใน 30/9/2570 15 วัน"
    assert normalize_text(join_cell_lines([_line("ภายใน 30/9/67"), _line("15 วัน")])) == "ภายใน 30/9/67 15 วัน"
