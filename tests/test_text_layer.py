"""Mark order repair and line building, on glyph positions as producers write them."""
from __future__ import annotations

from ita_extract.page import Char
from extract.text.layer import bad_char_ratio, text_lines


def glyphs(spec: list[tuple[str, float, float]], top: float = 100.0, size: float = 14.0) -> list[Char]:
    """Chars in content-stream order from (text, x0, x1) triples."""
    return [Char(t, x0, x1, top, top + size, size, i) for i, (t, x0, x1) in enumerate(spec)]


# "ตัวชี้วัด" as fpdf2/HarfBuzz (and Word) write it: marks have zero width and
# the tone mark over ช sits at x 58.4, to the right of the next consonant's
# origin (57.7): sorting by x gives pdfplumber's "ตัวชีว้ ัด".
SCRAMBLED_BY_X = [
    ("ต", 31.2, 40.6), ("ั", 40.6, 40.6), ("ว", 40.6, 48.6), ("ช", 48.6, 57.7),
    ("ี", 57.7, 57.7), ("้", 58.4, 58.4), ("ว", 57.7, 65.8), ("ั", 65.8, 65.8), ("ด", 65.8, 75.2),
]


def test_marks_stay_with_their_base_glyph():
    assert [ln.text for ln in text_lines(glyphs(SCRAMBLED_BY_X))] == ["ตัวชี้วัด"]


def test_x_sorting_alone_would_scramble_this_input():
    # guards the fixture above: it really is the trap
    by_x = "".join(t for t, x0, _ in sorted(SCRAMBLED_BY_X, key=lambda g: g[1]))
    assert by_x != "ตัวชี้วัด"


def test_runs_written_out_of_order_are_ordered_by_x():
    # a producer that writes the second word first (e.g. a justified line)
    spec = [("ด", 40.0, 48.0), ("ี", 48.0, 48.0), ("ข", 20.0, 28.0), ("อ", 28.0, 36.0)]
    assert text_lines(glyphs(spec))[0].text == "ขอ ดี"


def test_gap_without_space_glyph_becomes_a_space():
    spec = [("E", 10, 18), ("-", 18, 22), ("S", 22, 30), ("ก", 40, 48)]
    assert text_lines(glyphs(spec))[0].text == "E-S ก"


def test_orphan_mark_attaches_by_geometry():
    # the mark is written after a space glyph: stream order cannot place it
    spec = [("ก", 10, 18), (" ", 18, 22), ("่", 17.0, 17.0), ("ข", 22, 30)]
    assert text_lines(glyphs(spec))[0].text == "ก่ ข"


def test_two_lines_top_to_bottom():
    line2 = glyphs([("ข", 10, 18)], top=130)
    line1 = glyphs([("ก", 10, 18)], top=100)
    assert [ln.text for ln in text_lines(line2 + line1)] == ["ก", "ข"]


def test_trailing_space_glyph_is_recorded():
    (ln,) = text_lines(glyphs([("ก", 10, 18), (" ", 18, 22)]))
    assert ln.text == "ก" and ln.ends_with_space


def test_bad_char_ratio_counts_unmapped_glyphs():
    chars = glyphs([("(cid:16)", 0, 5), ("ก", 5, 10), ("\ufffd", 10, 15), ("ข", 15, 20)])
    assert bad_char_ratio(chars) == 0.5
    assert bad_char_ratio(glyphs([("\uf70b", 0, 0), ("ก", 0, 5)])) == 0.0  # legacy PUA marks are mapped later


def test_nikhahit_opening_a_line_over_sara_aa_is_sara_am():
    # a wrap fell between ล and its sara am (fpdf2): the next line opens with ํ and า,
    # the mark first in the content stream, both at the same x
    line1 = glyphs([("ต", 10, 18), ("า", 18, 24), ("ม", 24, 32), ("ล", 32, 40)], top=100)
    line2 = [Char(t, x0, x1, 130.0, 144.0, 14.0, 10 + i)
             for i, (t, x0, x1) in enumerate([("ํ", 10, 10), ("า", 10, 16), ("ด", 16, 24), ("ั", 24, 24), ("บ", 24, 32)])]
    assert [ln.text for ln in text_lines(line1 + line2)] == ["ตามล", "ำดับ"]


def test_a_sliver_of_a_clipped_line_is_no_line():
    # Chromium: a line the page break cut; its ใ and marks show at the page's bottom too
    sliver = glyphs([("ใ", 75, 81), ("้", 80, 80), ("้", 90, 90), ("ี", 100, 100)], top=795)
    above = glyphs([("แ", 10, 16), ("ล", 16, 24), ("ะ", 24, 30)], top=780)
    assert [ln.text for ln in text_lines(above + sliver)] == ["และ"]
    assert [ln.text for ln in text_lines(glyphs([("ใ", 10, 16), ("ห", 16, 24), ("้", 22, 22)]))] == ["ให้"]
