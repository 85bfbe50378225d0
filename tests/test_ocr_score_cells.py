"""extract/ocr/cells.py: a score column's cells judged against the column's own format.

A column of an analysis table whose cells read as scores (0-100, two
decimals) is a score column; a cell of it that does not read as one score
is a misread one (``6212`` for ``๘๘.๑๒``, ``79`` ``11`` with the point lost,
Thai letters read unsure) and is read again. Hand-drawn page images at
200 dpi (numbers rendered in Norasi, a family the recognizer never saw) and
hand-written OCR words: the ground truth is what was drawn.
"""
from __future__ import annotations

import numpy as np
import pytest

from extract.numerals.recognizer import GlyphGuess, Reading, Recognizer
from extract.numerals.train import font_files, render
from extract.ocr.cells import reread_cells
from extract.ocr.columns import column_number_place, score_columns
from extract.ocr.marks import dash_box
from extract.ocr.score_format import drop_doubles, joined_decimal, off_format
from extract.ocr.votes import thinned_read
from extract.ocr.engine import OcrWord
from ita_extract.page import Grid, PixelBox

FONTS = font_files("Norasi")
needs_fonts = pytest.mark.skipif(not FONTS, reason="fonts-thai-tlwg missing (scripts/setup.sh)")

DPI = 200
ROW_H = 80
#: Columns: question (0-400), score (400-560); rows: a header, then four questions.
Q_COL, S_COL = (0.0, 400.0), (400.0, 560.0)
N_ROWS = 5


def cell_box(row: int, col: tuple[float, float]) -> tuple[float, float, float, float]:
    return (col[0], float(row * ROW_H), col[1], float((row + 1) * ROW_H))


def table() -> Grid:
    rows = tuple((cell_box(r, Q_COL), cell_box(r, S_COL)) for r in range(N_ROWS))
    return Grid(bbox=(0.0, 0.0, 560.0, float(N_ROWS * ROW_H)), rows=rows)


def word(text: str, row: int, x0: int = 420, x1: int = 500, conf: float = 92.0, line: int = 0) -> OcrWord:
    top = row * ROW_H + 20
    return OcrWord(text, x0, top, x1, top + 30, conf, (1, row, line))


def page_with(numbers: dict[int, str]) -> np.ndarray:
    """The table's page (rules erased) with ``numbers`` (Thai digits, 14 pt) printed in the score cells of rows."""
    page = np.full((N_ROWS * ROW_H, 600), 236, np.uint8)
    for row, text in numbers.items():
        glyphs = render(text, FONTS[0], 14 * DPI / 72, ink=40, paper=236, pad=0.1)
        h, w = glyphs.shape
        y, x = row * ROW_H + 20, 420
        page[y:y + h, x:x + w] = np.minimum(page[y:y + h, x:x + w], glyphs)
    return page


def questions() -> list[OcrWord]:
    return [OcrWord(t, 20, r * ROW_H + 20, 300, r * ROW_H + 50, 93.0, (1, r, 9))
            for r, t in enumerate(["ประเด็นข้อคำถาม", "i1 การปฏิบัติงาน", "i2 การใช้จ่าย", "i3 การเบิก", "i4 สินบน"])]


@pytest.fixture(scope="module")
def rec() -> Recognizer:
    return Recognizer.load()


class BlindReader:
    """A numeral recognizer that reads nothing (a stamp over the number)."""

    def read_number(self, crop):
        return Reading("", 0.0, ())


def test_a_column_of_scores_is_a_score_column_and_text_or_one_number_is_not():
    words = questions() + [word("คะแนน", 0), word("91.52", 1), word("100", 2), word("6212", 3), word("92.23", 4)]
    assert score_columns(table(), words) == {1}
    one = questions() + [word("คะแนน", 0), word("91.52", 1), word("ส45", 2), word("-", 3)]
    assert score_columns(table(), one) == set()
    dates = questions() + [word("ต.ค.", 1), word("๒๕๖๗", 2), word("1,500.00", 3)]
    assert score_columns(table(), dates) == set()
    # serif 100.00 read as 1 down most of the column: still numbers, two in the format
    ones = questions() + [word("คะแนน", 0), word("1", 1), word("100.00", 2), word("1", 3), word("87.50", 4)]
    assert score_columns(table(), ones) == {1}
    numbered = questions() + [word("1", 1), word("2", 2), word("3", 3), word("87.50", 4)]
    assert score_columns(table(), numbered) == set()  # item numbers and one score


def test_dust_read_beside_the_scores_leaves_the_column_a_score_column():
    """dev seed 148 (M-scan300, page 3, a table continued from the page before, no header): dust under three of
    six scores read ``1`` and ``|`` (``96.55`` ``1``, ``100`` ``|``, ``1`` ``100``); the column was no score column,
    and its cells were never read again as scores (``0100``, ``100 1``: three scores unreadable)."""
    words = questions() + [word("96.55", 1), word("1", 1, 440, 452, line=1), word("100", 2),
                           word("|", 2, 470, 474, line=1), word("1", 3, 440, 452, line=1), word("100", 3), word("99.96", 4)]
    assert score_columns(table(), words) == {1}
    # single characters beside no longer number: not one number (item numbers and a score stay no score column)
    numbered = questions() + [word("1", 1), word("2", 2), word("3", 3), word("3", 3, 440, 452, line=1), word("87.50", 4)]
    assert score_columns(table(), numbered) == set()


def test_a_score_whose_point_was_lost_counts_for_a_short_score_column():
    """dev seed 151 (P-scan300, page 3): a table of two questions, its header unread: ``100`` and ``89`` ``78``
    (``๘๙.๗๘``, the point lost). Two integers whose gap held a point are a score of the column's format
    (:func:`joined_decimal`), so the column is a score column and the cell is read ``89.78``."""
    words = questions() + [word("100", 1), word("89", 2, 420, 456), word("78", 2, 466, 500)]
    assert score_columns(table(), words) == {1}
    apart = questions() + [word("100", 1), word("89", 2, 420, 440), word("78", 2, 480, 500)]  # two numbers set apart
    assert score_columns(table(), apart) == set()


def test_off_format_is_a_misread_score_never_a_label_or_a_code():
    assert off_format([word("79", 1), word("11", 1, 460, 500)])
    assert off_format([word("6212", 1)]) and off_format([word("1", 1)])
    assert off_format([word("เฟอุฒญญ่", 1, conf=39.0)])
    assert not off_format([word("เฟอุฒญญ่", 1, conf=91.0)])  # read surely: Thai text
    assert not off_format([word("88.12", 1)]) and not off_format([word("100", 1)])
    assert not off_format([word("i12", 1)]) and not off_format([])


@needs_fonts
def test_a_score_misread_as_another_number_is_read_again_in_a_score_column(rec):
    words = questions() + [word("คะแนน", 0), word("91.52", 1), word("6212", 2, conf=53.0), word("92.23", 3)]
    out, changes = reread_cells(words, (table(),), page_with({2: "๘๘.๑๒"}), DPI, rec)
    assert [w.text for w in out if w.x0 >= 400 and 2 * ROW_H <= w.top < 3 * ROW_H] == ["88.12"]
    assert [w.text for w in changes[0].before] == ["6212"]


@needs_fonts
def test_the_same_number_outside_a_score_column_stands(rec):
    """A column of years and budgets: ``6212`` is a number there, nothing to judge it by."""
    words = questions() + [word("2567", 1), word("6212", 2, conf=53.0), word("1500", 3)]
    out, changes = reread_cells(words, (table(),), page_with({2: "๘๘.๑๒"}), DPI, rec)
    assert changes == [] and out == words


def test_two_integers_with_the_point_lost_are_joined_when_nothing_reads_better():
    words = questions() + [word("คะแนน", 0), word("86.81", 1), word("79", 2, 420, 452), word("11", 2, 462, 492),
                           word("96.41", 3)]
    out, changes = reread_cells(words, (table(),), page_with({}), DPI, BlindReader())
    assert [w.text for w in out if w.x0 >= 400 and 2 * ROW_H <= w.top < 3 * ROW_H] == ["79.11"]
    assert len(changes) == 1


def test_joined_decimal_needs_a_narrow_gap_and_two_decimals():
    assert joined_decimal([word("79", 2, 420, 452), word("11", 2, 462, 492)]) == "79.11"
    assert joined_decimal([word("79", 2, 420, 452), word("11", 2, 520, 550)]) is None  # two things
    assert joined_decimal([word("79", 2, 420, 452), word("115", 2, 462, 510)]) is None
    assert joined_decimal([word("179", 2, 420, 452), word("11", 2, 462, 492)]) is None  # above 100


def test_a_number_read_twice_over_the_same_ink_counts_once():
    a, b = word("79.33", 2, 424, 520), word("79.33", 2, 495, 522, line=1)
    assert drop_doubles([a, b]) == [a]
    words = questions() + [word("คะแนน", 0), word("86.81", 1), a, b, word("96.41", 3)]
    out, _ = reread_cells(words, (table(),), page_with({}), DPI, BlindReader())
    assert [w.text for w in out if w.x0 >= 400 and 2 * ROW_H <= w.top < 3 * ROW_H] == ["79.33"]


def dash_page(width: int = 30, height: int = 4) -> np.ndarray:
    page = page_with({})
    page[2 * ROW_H + 38:2 * ROW_H + 38 + height, 460:460 + width] = 40
    return page


def test_a_printed_dash_read_as_specks_is_a_dash():
    words = questions() + [word(":", 2, 470, 480, conf=40.0)]
    out, changes = reread_cells(words, (table(),), dash_page(), DPI, BlindReader())
    assert [w.text for w in out if w.x0 >= 400] == ["-"] and len(changes) == 1


def test_specks_read_surely_in_an_empty_cell_are_dropped_and_a_glyph_beside_them_is_not():
    """Issue 9: grain read at 82 % as ``,`` ``'`` ``4`` in the empty rest of a row a page break carried over
    made its score ``'100.00 , -'`` (no number) and kept its question's tail from the row before."""
    page = page_with({})
    page[2 * ROW_H + 40:2 * ROW_H + 44, 470:474] = 40  # a speck, half a millimetre at 200 dpi
    page[3 * ROW_H + 40:3 * ROW_H + 44, 470:474] = 40
    page[3 * ROW_H + 30:3 * ROW_H + 52, 500:510] = 40  # and beside it a glyph-high stroke the words missed
    specks = [OcrWord(",", 470, 2 * ROW_H + 40, 474, 2 * ROW_H + 44, 82.0, (1, 2, 0)),
              OcrWord("4", 470, 3 * ROW_H + 40, 474, 3 * ROW_H + 44, 82.0, (1, 3, 0))]
    words = questions() + [word("คะแนน", 0), word("91.52", 1)] + specks + [word("92.23", 4)]
    out, _ = reread_cells(words, (table(),), page, DPI, BlindReader())
    assert [w.text for w in out if w.x0 >= 400 and 2 * ROW_H <= w.top < 3 * ROW_H] == []
    assert [w.text for w in out if w.x0 >= 400 and 3 * ROW_H <= w.top < 4 * ROW_H] == ["4"]


@needs_fonts
def test_blurred_digits_that_touch_are_read_from_their_darker_cores(rec):
    """Issue 9: a light, soft print of ``๙๘.๙๑`` joins ``๙๘`` and ``๙๑`` at their grey rims; whole, the
    recognizer reads nothing surely; thinned at levels that agree, ``98.91``."""
    import cv2

    page = page_with({})
    glyphs = render("๙๘.๙๑", FONTS[0], 14 * DPI / 72, ink=90, paper=236, pad=0.3).astype(np.float32)
    glyphs = cv2.GaussianBlur(glyphs, (0, 0), 2.0).astype(np.uint8)
    h, w = glyphs.shape
    y, x = 2 * ROW_H + 15, 420
    page[y:y + h, x:x + w] = np.minimum(page[y:y + h, x:x + w], glyphs)
    words = questions() + [word("คะแนน", 0), word("91.52", 1), word("92.23", 3)]
    out, changes = reread_cells(words, (table(),), page, DPI, rec)
    assert [w.text for w in out if w.x0 >= 400 and 2 * ROW_H <= w.top < 3 * ROW_H] == ["98.91"]


def test_thinned_reads_count_only_when_levels_agree():
    class ByLevel:
        """Reads a different sure number at each level of thinning (a speck, a broken stroke)."""

        def __init__(self):
            self.n = 0

        def read_number(self, crop):
            self.n += 1
            text = f"9{self.n}.00"
            return Reading(text, 0.95, tuple(GlyphGuess(c, 0.95, PixelBox(0, 0, 1, 1)) for c in text))

    crop = np.full((30, 60), 230, np.uint8)
    crop[5:25, 5:50] = 60
    crop[5:25, 25:30] = 150
    assert thinned_read(ByLevel(), crop) is None


def test_dash_box_wants_one_flat_stroke_clear_of_the_cell_edges():
    page = dash_page()
    crop = page[2 * ROW_H + 6:3 * ROW_H - 6, 406:554]
    assert dash_box(crop, DPI) is not None
    tall = dash_page(width=30, height=20)[2 * ROW_H + 6:3 * ROW_H - 6, 406:554]
    assert dash_box(tall, DPI) is None  # a glyph, not a dash
    edge = page_with({})
    edge[2 * ROW_H + 6:2 * ROW_H + 10, 406:440] = 40  # a rule's remnant at the cell's top edge
    assert dash_box(edge[2 * ROW_H + 6:3 * ROW_H - 6, 406:554], DPI) is None


def test_column_number_place_from_the_cells_read_as_scores():
    words = questions() + [word("คะแนน", 0), word("91.52", 1, 420, 500), word("100.00", 2, 416, 510),
                           word("ส45", 3), word("92.23", 4, 421, 501)]
    x0, x1, top, bottom, _ = column_number_place(table(), 1, words)
    assert (x0, x1) == (16, 110) and (top, bottom) == (20, 50)
    assert column_number_place(table(), 1, questions() + [word("91.52", 1)]) is None


def ruled_table(bottom_rule: bool) -> np.ndarray:
    """A 300 dpi page with a table of three rows and three columns; its bottom rule printed or lost."""
    page = np.full((600, 900), 240, np.uint8)
    for y in (50, 180, 310) + ((440,) if bottom_rule else ()):
        page[y:y + 3, 50:853] = 30
    for x in (50, 400, 550, 850):
        page[50:443, x:x + 3] = 30
    return page


def test_a_table_whose_bottom_rule_is_lost_keeps_its_last_row():
    from extract.ocr.scan import ruling_lines, table_grids
    (whole,) = table_grids(ruling_lines(ruled_table(True)), 300)
    (cut,) = table_grids(ruling_lines(ruled_table(False)), 300)
    assert len(whole.rows) == len(cut.rows) == 3
    assert [len([b for b in r if b]) for r in cut.rows] == [3, 3, 3]
    assert abs(cut.rows[-1][0][3] - whole.rows[-1][0][3]) <= 10  # the column rules end where the lost rule was


def test_a_stamp_stroke_across_the_header_row_alone_is_no_column_rule():
    """Issue 9: a stamp's ring over a header row draws a straight stroke there, taken for a column rule:
    the header had a column more than the body and ``ข้อคำถาม`` stood over no question (every row skipped)."""
    from extract.ocr.scan import ruling_lines, table_grids
    page = np.full((700, 900), 240, np.uint8)
    for y in (50, 180, 310, 440, 570):
        page[y:y + 3, 50:853] = 30
    for x in (50, 400, 550, 850):
        page[50:573, x:x + 3] = 30
    page[20:183, 250:253] = 30  # the stroke: from above the table down to the header row's bottom rule
    (grid,) = table_grids(ruling_lines(page), 300)
    assert [len([b for b in r if b]) for r in grid.rows] == [3, 3, 3, 3]
    assert abs(grid.rows[0][0][2] - grid.rows[1][0][2]) <= 10  # the header's first cell ends where the body's does


def test_an_open_frame_of_rules_is_no_table_for_it():
    """Two rules with no column rule between their ends stay what they were: no cell, no table."""
    from extract.ocr.scan import ruling_lines, table_grids
    page = np.full((600, 900), 240, np.uint8)
    page[50:53, 50:853] = 30
    page[300:303, 50:853] = 30
    assert table_grids(ruling_lines(page), 300) == []


class WordEngine:
    """A fake Tesseract that reads every crop alone as ``text`` at ``conf``."""

    def __init__(self, text: str, conf: float) -> None:
        self.text, self.conf = text, conf

    def page_words(self, gray, dpi):
        return []

    def read_word(self, gray, dpi):
        return self.text, self.conf

    def orientation(self, gray, dpi):
        return None


def hundreds(first: OcrWord) -> list[OcrWord]:
    return questions() + [word("คะแนน", 0), word("100.00", 1), first, word("100.00", 3), word("92.23", 4)]


@needs_fonts
def test_a_lone_digit_for_a_longer_number_is_flagged_when_nothing_reads_it():
    """``1`` for ``100.00``: neither reader reads the ink; the cell is no number (``score-unreadable`` downstream)."""
    page = page_with({2: "๑๐๐.๐๐"})
    out, _ = reread_cells(hundreds(word("1", 2, 420, 440, conf=76.0)), (table(),), page, DPI, BlindReader(),
                          WordEngine("l00.O0", 95.0))
    assert [w.text for w in out if w.x0 >= 400 and 2 * ROW_H <= w.top < 3 * ROW_H] == ["1?"]


@needs_fonts
def test_a_reading_with_its_integer_digits_stands():
    """``100`` for ``100.00`` (the decimals lost, the value right) is left as it was."""
    page = page_with({2: "๑๐๐.๐๐"})
    words = hundreds(word("100", 2, 420, 480))
    out, _ = reread_cells(words, (table(),), page, DPI, BlindReader(), WordEngine("", 0.0))
    assert [w.text for w in out if w.x0 >= 400 and 2 * ROW_H <= w.top < 3 * ROW_H] == ["100"]


@needs_fonts
@pytest.mark.parametrize("text, conf, want", [("๑๐๐.๐๐", 70.0, "100.00"), ("๑๐๐.๐๐", 50.0, "1?"),
                                              ("1000", 95.0, "1?")])
def test_in_a_score_column_the_engine_reading_counts_from_the_format(text, conf, want):
    page = page_with({2: "๑๐๐.๐๐"})
    out, _ = reread_cells(hundreds(word("1", 2, 420, 440)), (table(),), page, DPI, BlindReader(),
                          WordEngine(text, conf))
    assert [w.text for w in out if w.x0 >= 400 and 2 * ROW_H <= w.top < 3 * ROW_H] == [want]


def test_a_curved_border_is_not_cut_by_a_straight_one():
    """A phone photo's bottom border sags: it touches the frame's lowest row only in its middle. The
    frame is left as it is (a straight line across would cut slivers of false cells above the curve)."""
    from extract.ocr.scan import close_frame
    f = np.zeros((200, 300), np.uint8)
    f[0, :] = 255
    f[:, 0] = f[:, 150] = f[:, 299] = 255
    xs = np.arange(300)
    ys = (192 + 7 * np.sin(np.pi * xs / 299)).astype(int)  # bottom border from y 192 at the ends to 199 mid-way
    f[ys, xs] = 255
    f[ys - 1, xs] = 255
    assert (close_frame(f) == f).all()
    lost = f.copy()
    lost[185:, :] = 0
    lost[185:, 0] = lost[185:, 150] = lost[185:, 299] = 255  # the border lost, the rules run on to the edge
    assert close_frame(lost)[199].tolist() == [255] * 300


def test_a_signature_stroke_inside_a_cell_is_no_column_rule():
    """A straight stroke (a signature's, a stamp's) standing in a cell, touching no rule, cuts no column:
    the table keeps its three columns in every row (issue 9: a whole OIT table lost to a fourth column)."""
    from extract.ocr.scan import ruling_lines, table_grids
    page = ruled_table(True)
    # a signature over the second row's score cell: a flat stroke from across the column rule and a
    # straight one from the row's top rule down to it close a piece of the cell
    page[250:253, 388:500] = 30
    page[170:255, 450:453] = 30
    (grid,) = table_grids(ruling_lines(page), 300)
    assert [len([b for b in r if b]) for r in grid.rows] == [3, 3, 3]
    assert max(len(r) for r in grid.rows) == 3


def test_the_rules_of_a_row_cut_from_its_borders_stay_rules():
    """A row whose top and bottom rules the page break or the scan lost: its column rules run side by side
    over the same span, so they are kept although no end meets a rule."""
    from extract.ocr.scan import drop_floating
    v = np.zeros((200, 400), np.uint8)
    for x in (10, 150, 390):
        v[40:160, x:x + 3] = 255
    assert (drop_floating(v, np.zeros_like(v), 0) == v).all()


def test_a_column_headed_score_is_a_score_column_though_no_cell_reads_in_its_format():
    """Serif ``100.00`` read as ``1`` down the whole column: the header names the column, so a lone digit
    for a longer number is no score (null, ``score-unreadable`` downstream) instead of the score 1."""
    words = questions() + [word("คะแนน", 0), word("1", 1), word("100", 2), word("1", 3)]
    assert score_columns(table(), words) == {1}
    assert score_columns(table(), questions() + [word("1", 1), word("100", 2), word("1", 3)]) == set()
    headed_by_text = questions() + [word("ข้อคำถามที่ได้คะแนนน้อยที่สุด", 0), word("1", 1), word("100", 2)]
    assert score_columns(table(), headed_by_text) == set()  # an analysis cell's wording is no header
    page = page_with({1: "๑๐๐.๐๐", 3: "๑๐๐.๐๐"})
    out, _ = reread_cells(words, (table(),), page, DPI, BlindReader())
    assert [w.text for w in out if w.x0 >= 400 and ROW_H <= w.top] == ["100", "1?", "1?"]


def test_a_number_read_again_in_part_over_its_own_ink_counts_once():
    longer, part = word("79.55", 2, 420, 505), word("79.5", 2, 420, 490, line=1)
    assert drop_doubles([part, longer]) == [longer]
    words = questions() + [word("คะแนน", 0), word("86.81", 1), part, longer, word("96.41", 3)]
    out, _ = reread_cells(words, (table(),), page_with({}), DPI, BlindReader())
    assert [w.text for w in out if w.x0 >= 400 and 2 * ROW_H <= w.top < 3 * ROW_H] == ["79.55"]


def test_a_speck_read_beside_a_score_is_dropped_in_a_score_column():
    words = questions() + [word("คะแนน", 0), word("86.81", 1), word(".", 2, 404, 408), word("98.80", 2),
                           word("96.41", 3)]
    out, _ = reread_cells(words, (table(),), page_with({}), DPI, BlindReader())
    assert [w.text for w in out if w.x0 >= 400 and 2 * ROW_H <= w.top < 3 * ROW_H] == ["98.80"]


def test_a_speck_read_as_a_sign_beside_a_wrapped_score_is_dropped():
    """dev seed 132 (U-scan300, page 5): a speck left of a wrapped ``๑๐`` over ``๐.๐๐`` read ``+`` made the score
    ``+ 10 0.00``, no number, and it was flagged unreadable. A word smaller than any printed glyph, no point,
    beside the score is a speck: the score reads ``100.00``. A sign of a glyph's size stays (nothing is guessed)."""
    def score_words(sign_size):
        return questions() + [word("คะแนน", 0), word("86.81", 1), OcrWord("+", 404, 2 * ROW_H + 30, 404 + sign_size, 2 * ROW_H + 30 + sign_size,
                                                                  86.0, (1, 2, 0)),
                               word("10", 2, 440, 470), OcrWord("0.00", 420, 2 * ROW_H + 52, 490, 2 * ROW_H + 78, 90.0,
                                                                 (1, 2, 1)), word("96.41", 3)]
    for size, want in ((4, ["0.00", "10"]), (12, ["+", "0.00", "10"])):
        out, _ = reread_cells(score_words(size), (table(),), page_with({}), DPI, BlindReader())
        assert sorted(w.text for w in out if w.x0 >= 400 and 2 * ROW_H <= w.top < 3 * ROW_H) == want


class UnsureReader:
    """A recognizer that reads the zeros before the point and the point surely, the rest not (broken hairlines)."""

    def read_number(self, crop):
        from extract.numerals.recognizer import GlyphGuess
        from ita_extract.page import PixelBox
        box = PixelBox(0, 0, 1, 1)
        glyphs = tuple(GlyphGuess(c, p, box) for c, p in zip("100.??", (0.9, 0.95, 0.95, 1.0, 0.01, 0.1)))
        return Reading("100.??", 0.01, glyphs)


class UnsureEngine:
    """Tesseract reading a number's ink alone in the format, but unsure (45)."""

    def read_word(self, gray, dpi):
        return "100.00", 45.0


@needs_fonts
def test_an_unsure_engine_reading_counts_where_the_recognizer_agrees_on_its_sure_glyphs():
    words = questions() + [word("คะแนน", 0), word("91.52", 1), word("1", 2), word("92.23", 3)]
    page = page_with({2: "๑๐๐.๐๐"})
    out, _ = reread_cells(words, (table(),), page, DPI, UnsureReader(), UnsureEngine())
    assert [w.text for w in out if w.x0 >= 400 and 2 * ROW_H <= w.top < 3 * ROW_H] == ["100.00"]
    out, _ = reread_cells(words, (table(),), page, DPI, BlindReader(), UnsureEngine())  # no second opinion
    assert [w.text for w in out if w.x0 >= 400 and 2 * ROW_H <= w.top < 3 * ROW_H] == ["1?"]


class CodeReader:
    """A recognizer that surely reads ``09`` (the code ``๐๙`` beside the text)."""

    def read_number(self, crop):
        from extract.numerals.recognizer import GlyphGuess
        from ita_extract.page import PixelBox
        glyphs = tuple(GlyphGuess(c, 0.99, PixelBox(10 * i, 0, 10 * i + 8, 20)) for i, c in enumerate("09"))
        return Reading("09", 0.99, glyphs)


def test_a_cell_of_latin_words_is_text_never_a_number_read_again():
    """An OIT item ``๐๙ Social Network`` read as ``3 Social Network``: its Latin words are no misread digits,
    so the cell is never replaced by a number (its code is repaired from the question's text downstream)."""
    q = [OcrWord("3", 20, ROW_H + 20, 35, ROW_H + 50, 60.0, (1, 1, 9)),
         OcrWord("Social", 45, ROW_H + 20, 120, ROW_H + 50, 91.0, (1, 1, 9)),
         OcrWord("Network", 130, ROW_H + 20, 230, ROW_H + 50, 92.0, (1, 1, 9))]
    page = np.full((N_ROWS * ROW_H, 600), 236, np.uint8)
    for x in range(22, 228, 16):  # ink in the question cell: a row of glyph-sized blobs
        page[ROW_H + 22:ROW_H + 48, x:x + 10] = 40
    out, changes = reread_cells(q, (table(),), page, DPI, CodeReader())
    assert changes == [] and [w.text for w in out] == ["3", "Social", "Network"]


def test_a_stroke_that_is_no_rule_is_still_erased_before_tesseract_reads_the_page():
    """Only the grid leaves a floating stroke out: the page Tesseract reads is the one it read before."""
    from extract.ocr.scan import erase_lines, ruling_lines
    page = ruled_table(True)
    page[250:253, 388:500] = 30
    page[170:255, 450:453] = 30
    clean = erase_lines(page, ruling_lines(page))
    assert (clean[250:253, 420:500] == 255).all() and (clean[190:240, 450:453] == 255).all()


def continued_table(first: str) -> list[OcrWord]:
    """A table a page break continued: no header row, its first row a question with its score."""
    return questions()[1:4] + [word(first, 0), word("เอุฒญญ่", 1, conf=39.0), word("100.00", 2)]


def test_a_continued_table_without_a_header_counts_its_first_row():
    """Issue 9 (dev scan H, 300 dpi): three rows a page break carried over, one read as Thai letters;
    with the first row taken for a header only one cell read as a score and the column was not judged."""
    assert score_columns(table(), continued_table("76.52")) == {1}
    assert score_columns(table(), continued_table("ผล")) == set()  # a first row of text heads one score
    x0, x1, top, _, _ = column_number_place(table(), 1, continued_table("76.52"))
    assert (x0, x1, top) == (20, 100, 20)


@needs_fonts
def test_a_misread_score_in_a_continued_table_is_read_again(rec):
    out, _ = reread_cells(continued_table("76.52"), (table(),), page_with({1: "๗๖.๗๗"}), DPI, rec)
    assert [w.text for w in out if w.x0 >= 400 and ROW_H <= w.top < 2 * ROW_H] == ["76.77"]


@needs_fonts
def test_thai_letters_read_surely_in_a_score_column_give_way_to_a_full_score(rec):
    """Issue 9 (dev scan I, 300 dpi): ``๗๕.๐๐`` read as ``โซพ`` at 63 %, which no rule read again."""
    words = questions() + [word("คะแนน", 0), word("91.52", 1), word("โซพ", 2, conf=63.0), word("92.23", 3)]
    out, changes = reread_cells(words, (table(),), page_with({2: "๗๕.๐๐"}), DPI, rec)
    assert [w.text for w in out if w.x0 >= 400 and 2 * ROW_H <= w.top < 3 * ROW_H] == ["75.00"]
    assert [w.text for w in changes[0].before] == ["โซพ"]
    # the header's คะแนน is never read again, nor Thai letters over a number read without its decimals
    assert [w.text for w in out if w.x0 >= 400 and w.top < ROW_H] == ["คะแนน"]
    out, changes = reread_cells(words, (table(),), page_with({2: "๗๕"}), DPI, rec)
    assert changes == [] and out == words


def ring(page: np.ndarray, row: int, grey: int) -> np.ndarray:
    """A stamp's ring (a light stroke, ``grey``) crossing the score cell of ``row`` over its number."""
    import cv2
    out = page.copy()
    ink = np.zeros_like(page)
    cv2.circle(ink, (560, row * ROW_H + 95), 100, 255, 3)
    out[ink > 0] = np.minimum(out[ink > 0], grey)
    return out


@needs_fonts
def test_a_stamps_lighter_ring_across_a_score_is_read_through(rec):
    """Issue 9 (dev scan I, 300 dpi): a stamp's ring, lighter than the print, touches the digits and the
    recognizer read one glyph; the darkest strokes alone read as the score."""
    words = questions() + [word("คะแนน", 0), word("91.52", 1), word("92.23", 3)]
    page = ring(page_with({2: "๗๕.๐๐"}), 2, 150)
    out, _ = reread_cells(words, (table(),), page, DPI, rec)
    assert [w.text for w in out if w.x0 >= 400 and 2 * ROW_H <= w.top < 3 * ROW_H] == ["75.00"]
    # a ring as dark as the print is no lighter ink: nothing is guessed
    dark = ring(page_with({2: "๗๕.๐๐"}), 2, 40)
    out, _ = reread_cells(words, (table(),), dark, DPI, rec)
    assert [w.text for w in out if w.x0 >= 400 and 2 * ROW_H <= w.top < 3 * ROW_H] in ([], ["75.00"])


@needs_fonts
def test_tesseracts_own_thai_digits_in_a_score_column_are_read_again(rec):
    """Issue 9 (dev scan E, 200 dpi): Tesseract's Thai model has no ๔ ๖ ๗ ๘ ๙; its ``๕๒.๓๓`` for
    ``๙๒.๓๓`` stood, because the word's own re-read was unsure and the cell looked like a score."""
    words = questions() + [word("คะแนน", 0), word("91.52", 1), word("๕๒.๓๓", 2, conf=42.0), word("92.23", 3)]
    out, changes = reread_cells(words, (table(),), page_with({2: "๙๒.๓๓"}), DPI, rec)
    assert [w.text for w in out if w.x0 >= 400 and 2 * ROW_H <= w.top < 3 * ROW_H] == ["92.33"]
    assert [w.text for w in changes[0].before] == ["๕๒.๓๓"]


class SevenReader:
    """A recognizer sure of a ๗ and a ๙ in the cell and unsure of the rest (a point run into a digit)."""

    def read_number(self, crop):
        from extract.numerals.recognizer import GlyphGuess
        from ita_extract.page import PixelBox
        box = PixelBox(0, 0, 1, 1)
        return Reading("7?49", 0.22, tuple(GlyphGuess(c, p, box) for c, p in zip("7?49", (0.97, 0.22, 0.96, 0.98))))


@needs_fonts
def test_tesseracts_thai_digits_where_the_recognizer_sees_a_digit_it_lacks_are_no_score():
    """``๓๕.๕๕`` where the recognizer reads a ๗ surely: Tesseract cannot write ๗, so its reading is a
    misreading; nothing reads the cell surely, so it is given up (null, ``score-unreadable`` downstream)."""
    words = questions() + [word("คะแนน", 0), word("91.52", 1), word("๓๕.๕๕", 2, conf=61.0), word("92.23", 3)]
    out, _ = reread_cells(words, (table(),), page_with({2: "๗๕.๔๙"}), DPI, SevenReader(), WordEngine("", 0.0))
    assert [w.text for w in out if w.x0 >= 400 and 2 * ROW_H <= w.top < 3 * ROW_H] == ["๓๕.๕๕?"]
    # the same digits read by the recognizer already (not Tesseract's own) stand
    read = [w if w.text != "๓๕.๕๕" else OcrWord("35.55", w.x0, w.top, w.x1, w.bottom, 92.0, w.line_key, "numerals")
            for w in words]
    out, changes = reread_cells(read, (table(),), page_with({2: "๗๕.๔๙"}), DPI, SevenReader(), WordEngine("", 0.0))
    assert changes == []


def test_the_same_word_on_the_next_line_of_a_cell_is_no_double():
    """Issue 9 (dev seed 22, 300 dpi): a citation label on two lines of a tightly set analysis cell,
    the boxes touching by a few pixels, lost its second line as a "second reading" (with its label,
    the citation after it)."""
    from extract.ocr.score_format import drop_doubles

    up = OcrWord("(อ้างอิงจาก", 1384, 597, 1530, 646, 93.2, (1, 1, 1))
    down = OcrWord("(อ้างอิงจาก", 1334, 640, 1484, 688, 90.1, (1, 1, 2))
    assert drop_doubles([up, down]) == [up, down]


def test_a_lone_digit_is_lost_digits_when_its_ink_is_several_digits_wide():
    """``100`` whose ``1`` and first ``0`` a blot joined (and made taller), read ``0``: two blobs, not the three
    glyphs that told a lost digit before, but a line of ink as wide as two and a half of its glyphs."""
    import cv2

    from extract.ocr.ink import lost_digits

    crop = np.full((50, 110), 230, np.uint8)
    cv2.line(crop, (30, 16), (30, 34), 40, 3)  # 1
    for cx in (45, 68):  # 0 0
        cv2.ellipse(crop, (cx, 25), (7, 9), 0, 0, 360, 40, 3)
    cv2.circle(crop, (36, 12), 6, 40, -1)  # the blot over 1 and the first 0, rising above them
    word = OcrWord("0", 57, 16, 72, 34, 61.0, (1, 1, 1))
    assert lost_digits([word], crop)
    alone = np.full((50, 110), 230, np.uint8)
    cv2.ellipse(alone, (60, 25), (7, 9), 0, 0, 360, 40, 3)  # a lone 0 is no number with lost digits
    assert not lost_digits([word], alone)


class RimReader:
    """A recognizer whose cut goes wrong on the ink as scanned (``86.72``: ``๓`` kept a stroke of ``๒``) and right
    on its cores alone (thinned: no grey rim left)."""

    def __init__(self, height: int, wrong: str = "86.72", right: str = "86.32"):
        self.height, self.wrong, self.right = height, wrong, right

    def read_number(self, crop):
        rim = bool(((crop > 100) & (crop < 200)).any())
        text = self.wrong if rim and crop.shape[0] == self.height else self.right
        glyphs = tuple(GlyphGuess(c, 0.95, PixelBox(10 * i, 0, 10 * i + 8, 20)) for i, c in enumerate(text))
        return Reading(text, 0.95, glyphs)


def rimmed_page() -> np.ndarray:
    """A page whose row 2 score cell holds a number's ink: dark cores, a grey rim (blur) around them."""
    page = page_with({})
    y, x = 2 * ROW_H + 20, 420
    page[y:y + 30, x:x + 80] = 150
    page[y + 4:y + 26, x + 4:x + 76] = 40
    return page


def test_views_of_the_ink_outvote_a_score_read_from_it_once():
    """Issue 9 (dev seed 18, 300 dpi): ``๘๖.๓๒`` read ``86.72`` surely, its touching ``๓๒`` cut through ``๒``;
    thinned views of the same ink read ``86.32``: most views win."""
    from extract.ocr.votes import view_votes

    page = rimmed_page()
    words = questions() + [word("คะแนน", 0), word("91.52", 1), word("86.72", 2), word("92.23", 3)]
    number_h = 30 + 2 * 4  # the ink's box and the pad reread_cells reads it with (200 dpi: 4 * 200/300 -> 2)
    reader = RimReader(number_h - 4)
    crop = page[2 * ROW_H + 18:2 * ROW_H + 52, 418:502]
    assert view_votes(RimReader(crop.shape[0]), crop) == {"86.32": 3, "86.72": 1}
    # the ink as it is read surely as the cell's reading stands against thinned views (thinning takes strokes away)
    assert view_votes(RimReader(crop.shape[0]), crop, "86.72") == {"86.32": 1, "86.72": 1}
    out, changes = reread_cells(words, (table(),), page, DPI, reader)
    assert [w.text for w in out if w.x0 >= 400 and 2 * ROW_H <= w.top < 3 * ROW_H] == ["86.32"]
    assert [w.text for w in changes[0].before] == ["86.72"]


def test_a_score_outside_a_score_column_or_read_alike_in_every_view_stands():
    page = rimmed_page()
    years = questions() + [word("2567", 1), word("86.72", 2), word("1500", 3)]
    assert reread_cells(years, (table(),), page, DPI, RimReader(34)) == (years, [])  # no score column
    words = questions() + [word("คะแนน", 0), word("91.52", 1), word("86.72", 2), word("92.23", 3), word("90.00", 4)]
    same = RimReader(34, "86.72", "86.72")
    assert reread_cells(words, (table(),), page, DPI, same) == (words, [])


def test_outvoted_wants_several_views_more_than_the_reading_and_one_winner():
    from extract.ocr.votes import outvoted

    assert outvoted("86.72", {"86.32": 5, "86.72": 1}) == "86.32"
    assert outvoted("86.72", {"86.32": 1}) is None  # too few views
    assert outvoted("77.48", {"87.48": 3, "77.48": 3}) is None  # as many for the reading
    assert outvoted("77.48", {"87.48": 2, "81.48": 2}) is None  # no one winner
    assert outvoted("100", {"100.00": 6}) is None  # the same number


@needs_fonts
def test_a_clean_score_is_read_alike_in_every_view(rec):
    from extract.ocr.votes import view_votes

    page = page_with({2: "๘๖.๓๒"})
    crop = page[2 * ROW_H + 14:2 * ROW_H + 60, 414:540]
    votes = view_votes(rec, crop)
    assert max(votes, key=votes.get) == "86.32" and votes["86.32"] >= 4


def test_a_column_headed_score_whose_numbers_tesseract_garbled_is_a_score_column():
    """Issue 9 (dev seed 25, 200 dpi): a light print; Tesseract wrote Thai letters for the digits it lacks in
    half the column (``ส๓.๕๐`` for ``๘๓.๘๐``), so too few cells read as numbers; headed คะแนน, the column is
    one of scores, and its cells are read again as scores. Without the header, it is not."""
    from extract.ocr.score_format import garbled_number

    cells = [word("ส๓.๕๐", 1), word("ส67ซ", 2), word("68.82", 3), word("100.00", 4)]
    assert score_columns(table(), questions() + [word("คะแนน", 0)] + cells) == {1}
    assert score_columns(table(), questions() + [word("ผล", 0)] + cells) == set()
    assert garbled_number("ส๓.๕๐") and garbled_number("๕.๒๕")
    assert not garbled_number("ไม่มีการประเมิน") and not garbled_number("พ.ศ.๒๕๖๖") and not garbled_number("i12")


@needs_fonts
def test_a_score_its_narrow_column_wrapped_onto_two_lines_is_left_whole(rec):
    """Issue 9 (dev seed 39, every variant): ``๑๐๐.๐๐`` wrapped after ``๑๐`` in a narrow score column; read
    again, the cell kept its busiest line, ``0.00``. Line by line the words make one score: left as they are
    (``parse_score`` joins the wrap)."""
    from extract.ocr.score_format import wrapped_score

    page = page_with({})
    for k, text in enumerate(("๑๐", "๐.๐๐")):
        glyphs = render(text, FONTS[0], 14 * DPI / 72, ink=40, paper=236, pad=0.1)
        h, w = glyphs.shape
        y, x = 2 * ROW_H + 4 + 36 * k, 440
        page[y:y + h, x:x + w] = np.minimum(page[y:y + h, x:x + w], glyphs)
    # Tesseract found no word there: the ink is read line by line, not as its busiest line
    out, changes = reread_cells(words_without := questions() + [word("คะแนน", 0), word("91.52", 1), word("92.23", 3),
                                                                 word("90.00", 4)], (table(),), page, DPI, rec)
    assert [w.text for w in out if w.x0 >= 400 and 2 * ROW_H <= w.top < 3 * ROW_H] == ["100.00"]
    assert len(out) == len(words_without) + 1
    wrapped = [OcrWord("10", 460, 2 * ROW_H + 6, 490, 2 * ROW_H + 30, 90.0, (1, 2, 0)),
               OcrWord("0.00", 445, 2 * ROW_H + 42, 505, 2 * ROW_H + 66, 90.0, (1, 2, 1))]
    words = questions() + [word("คะแนน", 0), word("91.52", 1), word("92.23", 3), word("90.00", 4)] + wrapped
    out, changes = reread_cells(words, (table(),), page, DPI, rec)
    assert changes == [] and out == words
    assert wrapped_score(wrapped) == "100.00" and wrapped_score(wrapped[:1]) is None
    assert wrapped_score(wrapped + [OcrWord(".", 470, 2 * ROW_H + 26, 474, 2 * ROW_H + 30, 60.0, (1, 2, 0))]) == "100.00"
    # Tesseract read the second line alone (``0.00``) or the first (``10``): the ink is read line by line
    for alone in wrapped[1:], wrapped[:1]:
        out, _ = reread_cells(words_without + alone, (table(),), page, DPI, rec)
        assert [w.text for w in out if w.x0 >= 400 and 2 * ROW_H <= w.top < 3 * ROW_H] == ["100.00"]


# --- round 5: thin prints, disputed readings, lost decimals (dev7 seeds 48-63, 300 dpi) ---------------------------

def thin_page(numbers: dict[int, str], font) -> np.ndarray:
    """The table's page with ``numbers`` printed fine (16 pt) and scanned thin: each stroke's rim lost, so the
    hairlines of ``๐`` and ``๖`` break (the two halves of ``๐`` read as two glyphs no class fits)."""
    import cv2

    page = np.full((N_ROWS * ROW_H, 600), 236, np.uint8)
    for row, text in numbers.items():
        glyphs = cv2.dilate(render(text, font, 16 * DPI / 72, ink=40, paper=236, pad=0.1), np.ones((2, 2), np.uint8))
        h, w = glyphs.shape
        y, x = row * ROW_H + 20, 420
        page[y:y + h, x:x + w] = np.minimum(page[y:y + h, x:x + w], glyphs)
    return page


@needs_fonts
@pytest.mark.parametrize("thai, want", [("๙๐.๙๘", "90.98"), ("๘๖.๖๘", "86.68"), ("๙๐.๔๒", "90.42")])
def test_a_thin_prints_broken_hairlines_are_read_in_heavier_ink(rec, thai, want):
    """Issue 9 (dev seed 59, 300 dpi): a fine serif print whose ``๐`` opened at the top read ``9??.98``; no view
    of the ink as it is, thinned or softened read it. Its ink made heavier (strokes grown, grey taken as ink)
    reads the score in several views alike."""
    regular = [f for f in FONTS if f.name == "Norasi.ttf"]
    if not regular:
        pytest.skip("Norasi regular missing")
    words = questions() + [word("คะแนน", 0), word("91.52", 1), word("92.23", 3)]
    out, changes = reread_cells(words, (table(),), thin_page({2: thai}, regular[0]), DPI, rec)
    assert [w.text for w in out if w.x0 >= 400 and 2 * ROW_H <= w.top < 3 * ROW_H] == [want]
    assert len(changes) == 1


class FixedReader:
    """A recognizer that reads every crop as ``text`` at ``conf``."""

    def __init__(self, text: str, conf: float) -> None:
        self.text, self.conf = text, conf

    def read_number(self, crop):
        glyphs = tuple(GlyphGuess(c, self.conf, PixelBox(10 * i, 0, 10 * i + 8, 20)) for i, c in enumerate(self.text))
        return Reading(self.text, self.conf, glyphs)


def test_heavier_ink_read_against_a_digit_the_thin_ink_reads_surely_is_no_score():
    """Grown strokes close what is open too (``๕`` without its tail reads ``๔``): the thin ink's sure ``5`` vetoes."""
    from extract.ocr.votes import heavy_read

    crop = np.full((40, 120), 236, np.uint8)
    crop[10:30, 10:110] = 40
    g = lambda c, p: GlyphGuess(c, p, PixelBox(0, 0, 1, 1))  # noqa: E731
    seen = Reading("98.???5", 0.01, (g("9", .95), g("8", .9), g(".", 1.0), g("?", .1), g("?", .1), g("?", .1), g("5", .96)))
    assert heavy_read(FixedReader("98.24", 0.8), crop) == ("98.24", 80.0)
    assert heavy_read(FixedReader("98.24", 0.8), crop, seen) is None
    assert heavy_read(FixedReader("98.24", 0.45), crop) is None  # no view sure enough
    assert heavy_read(FixedReader("198.24", 0.9), crop) is None  # no score


def test_a_column_headed_score_of_a_fine_print_tesseract_made_letters_of_is_a_score_column():
    """Issue 9 (dev seed 59): ``๑๐๐`` read ``ooo``, ``๙๐.๖๔`` read ``cone``, ``100`` read ``| 1`` and ``1``: no cell in
    the format, one number; the header names the score and every cell is numeral-like, with no Thai letter."""
    words = questions() + [word("คะแนน", 0), word("ooo", 1, conf=75.0), word("cone", 2, conf=59.0),
                           word("|", 3, 420, 425), word("1", 3, 440, 450), word("1", 4)]
    assert score_columns(table(), words) == {1}
    thai = questions() + [word("คะแนน", 0), word("ooo", 1, conf=75.0), word("ส45", 2), word("ทดสอบ", 3)]
    assert score_columns(table(), thai) == set()


def test_a_column_headed_score_with_a_number_garbled_beyond_two_letters_is_a_score_column():
    """Issue 9 (dev seed 52): ``ณ๕๓ฑ์.๑๒๕`` for ``๘๗.๖๘`` beside ``83.91``: more digits than letters, a point."""
    from extract.ocr.score_format import mostly_digits

    words = questions() + [word("คะแนน", 0), word("ณ๕๓ฑ์.๑๒๕", 1, conf=39.0), word("83.91", 2)]
    assert score_columns(table(), words) == {1}
    assert mostly_digits("ณ๕๓ฑ์.๑๒๕") and not mostly_digits("พ.ศ.๒๕๖๖") and not mostly_digits("i12.5")


def test_two_readings_of_one_ink_neither_outvoting_the_other_are_disputed():
    """Issue 9 (dev seed 52): touching ``๘๗`` read ``77.50`` as it is and ``87.50`` thinned, once each."""
    from extract.ocr.votes import disputed, merged_votes, outweighed

    assert disputed("77.50", {"77.50": 1, "87.50": 1}) and not disputed("77.50", {"77.50": 2, "87.50": 1})
    assert not disputed("77.50", {"87.50": 1})  # no view read the reading: nothing to dispute
    assert outweighed("34.00", merged_votes({}, {"75.00": 3, "39.00": 1}))
    assert not outweighed("87.50", merged_votes({"87.50": 3}, {"77.50": 2, "87.50": 1}))
    assert not outweighed("100", merged_votes({"100.00": 2}, {"100": 1}))


def test_a_disputed_score_read_surely_as_it_is_stands():
    from extract.ocr.votes import reads_surely

    crop = np.full((40, 120), 236, np.uint8)
    assert reads_surely(FixedReader("86.72", 0.95), crop, "86.72")
    assert not reads_surely(FixedReader("86.72", 0.75), crop, "86.72")
    assert not reads_surely(FixedReader("86.32", 0.95), crop, "86.72")


def test_two_integer_digits_alone_in_a_column_of_two_decimals_are_unreadable():
    """Issue 9 (dev seed 48): ``95`` for ``๙๕.๐๘``, its decimals behind a grey band; ``95.0`` would be a guess."""
    words = questions() + [word("คะแนน", 0), word("91.52", 1), word("95", 2), word("88.10", 3)]
    out, changes = reread_cells(words, (table(),), page_with({}), DPI, BlindReader())
    assert [w.text for w in out if w.x0 >= 400 and 2 * ROW_H <= w.top < 3 * ROW_H] == ["95?"]
    assert [w.text for w in changes[-1].before] == ["95"]
    # a column that prints no decimals has nothing lost
    ints = questions() + [word("คะแนน", 0), word("91", 1), word("95", 2), word("88", 3), word("100", 4)]
    out, _ = reread_cells(ints, (table(),), page_with({}), DPI, BlindReader())
    assert [w.text for w in out if w.x0 >= 400 and 2 * ROW_H <= w.top < 3 * ROW_H] == ["95"]


def test_a_speck_below_a_numbers_baseline_is_left_out_of_its_ink():
    """Issue 9 (dev seed 57): a speck under ``๘`` joined it in the recognizer's cut (``31.10`` for ``๘๔.๑๐``);
    digits have no descender, so ink hanging below the line is no glyph. A point on the line stays."""
    from extract.ocr.marks import without_low_specks

    crop = np.full((44, 100), 236, np.uint8)
    crop[5:31, 5:25] = 40  # a digit
    crop[5:31, 30:50] = 40  # a digit
    crop[27:31, 54:58] = 40  # the point, on the line
    crop[5:31, 62:82] = 40  # a digit
    crop[33:40, 6:12] = 40  # a speck below the first digit
    out = without_low_specks(crop)
    assert int(out[36, 8]) == 236 and int(out[29, 56]) == 40 and int(out[20, 15]) == 40
    assert (without_low_specks(out) == out).all()


def test_one_decimal_alone_in_a_column_of_two_decimals_is_unreadable():
    """Issue 9 (dev seed 59, 200 dpi): ``1.0`` for ``๑๐๐`` (a speck read as a point, a ``๐`` lost) is no score the
    column prints; ``1.0`` would be a guess. A lone digit is left to the ink's width (``lost_digits``)."""
    words = questions() + [word("คะแนน", 0), word("91.52", 1), word("1.0", 2, conf=50.0), word("88.10", 3), word("9", 4)]
    out, _ = reread_cells(words, (table(),), page_with({}), DPI, BlindReader())
    assert sorted(w.text for w in out if w.x0 >= 400 and w.top >= 2 * ROW_H) == ["1.0?", "88.10", "9"]


def test_a_column_headed_score_with_one_number_read_and_specks_elsewhere_is_a_score_column():
    """Issue 9 (dev seed 51, 200 dpi): Tesseract found no word in most cells of a light column, a speck (``.``) in
    one; a speck or a dash is no cell of text, so the one score read is the column's evidence."""
    words = questions() + [word("คะแนน", 0), word(".", 1, conf=62.0), word("90.86", 2)]
    assert score_columns(table(), words) == {1}


@needs_fonts
def test_a_cell_read_again_keeps_the_line_of_its_number_not_of_a_speck_beside_it():
    """Issue 9 (dev seed 59): ``|`` ``1`` for ``๑๐๐``, the speck on a line of the next column's text; the score read
    again took the speck's line and the analysis beside it was split there (its cause cut in two)."""
    speck = OcrWord("|", 470, 2 * ROW_H + 20, 472, 2 * ROW_H + 24, 74.0, (1, 2, 5))
    one = OcrWord("1", 420, 2 * ROW_H + 20, 432, 2 * ROW_H + 50, 72.0, (1, 2, 6))
    words = questions() + [word("คะแนน", 0), word("91.52", 1), speck, one, word("88.10", 3)]
    out, _ = reread_cells(words, (table(),), page_with({2: "๑๐๐"}), DPI, FixedReader("100", 0.95))
    got = [w for w in out if w.x0 >= 400 and 2 * ROW_H <= w.top < 3 * ROW_H]
    assert [(w.text, w.line_key) for w in got] == [("100", (1, 2, 6))]


class GlyphsReader:
    """A recognizer that reads every crop as the glyphs given, each at its own confidence."""

    def __init__(self, *glyphs: tuple[str, float]) -> None:
        self.glyphs = tuple(GlyphGuess(c, p, PixelBox(10 * i, 0, 10 * i + 8, 20)) for i, (c, p) in enumerate(glyphs))

    def read_number(self, crop):
        return Reading("".join(g.char for g in self.glyphs), min(g.confidence for g in self.glyphs), self.glyphs)


class CoreReader:
    """Reads ``joined`` while a crop keeps the grey rim (150) of its strokes, ``apart`` once thinning took it away."""

    def __init__(self, joined: str, apart: str, conf: float = 0.9) -> None:
        self.joined, self.apart, self.conf = joined, apart, conf

    def read_number(self, crop):
        text = self.joined if ((crop > 100) & (crop < 200)).any() else self.apart
        return FixedReader(text, self.conf).read_number(crop)


def rimmed_crop() -> np.ndarray:
    crop = np.full((40, 120), 236, np.uint8)
    crop[8:32, 8:112] = 150  # the grey rim blur gave the strokes
    crop[12:28, 12:108] = 40  # their dark cores
    return crop


def test_a_disputed_score_the_ink_thinned_deeper_reads_alike_is_settled():
    """Issue 9 (dev seed 52, phone; seed 72, 300 dpi): touching ``๘๗`` read ``87.50`` thinned and ``77.50`` blurred,
    once each: refused. Thinned deeper than any view of the dispute, the darkest cores read one score at every
    level: the views then agree. A level that reads another score or nothing surely leaves the dispute."""
    from extract.ocr.votes import settles

    crop = rimmed_crop()
    assert settles(CoreReader("77.50", "87.50"), crop, "87.50")
    assert not settles(CoreReader("77.50", "87.50"), crop, "77.50")
    assert not settles(CoreReader("77.50", "87.50", conf=0.5), crop, "87.50")  # no level reads it surely
    assert not settles(CoreReader("77.50", "87.5?"), crop, "87.50")


def test_a_point_with_a_speck_above_it_read_as_a_colon_is_the_scores_point():
    """Issue 9 (dev seed 78, 300 dpi): ``91:07`` for ``91.07``, a speck above the point; no number holds a colon.
    The recognizer, sure of every digit as the word has them, cannot read the colon's place: the point."""
    words = questions() + [word("คะแนน", 0), word("91.52", 1), word("91:07", 2, conf=86.0), word("88.10", 3)]
    reader = GlyphsReader(("9", 0.94), ("1", 0.99), ("?", 0.35), ("0", 0.96), ("7", 0.95))
    out, _ = reread_cells(words, (table(),), page_with({2: "๙๑.๐๗"}), DPI, reader)
    assert [w.text for w in out if w.x0 >= 400 and 2 * ROW_H <= w.top < 3 * ROW_H] == ["91.07"]
    unsure = GlyphsReader(("9", 0.94), ("1", 0.5), ("?", 0.35), ("0", 0.96), ("7", 0.95))
    out, _ = reread_cells(words, (table(),), page_with({2: "๙๑.๐๗"}), DPI, unsure)
    assert [w.text for w in out if w.x0 >= 400 and 2 * ROW_H <= w.top < 3 * ROW_H] != ["91.07"]


def test_a_hundred_with_one_glyph_unread_is_a_hundred():
    """Issue 9 (dev seed 79, 300 dpi): ``๑๐๐.๐๐`` read ``1`` by Tesseract, ``10?.00`` by the recognizer (a broken
    ``๐``): six glyphs, ``1`` ``0`` and the point where only a hundred has them."""
    words = questions() + [word("คะแนน", 0), word("91.52", 1), word("1", 2, x0=420, x1=432, conf=52.0), word("88.10", 3)]
    reader = GlyphsReader(("1", 0.99), ("0", 0.95), ("?", 0.02), (".", 1.0), ("0", 0.95), ("0", 0.92))
    out, _ = reread_cells(words, (table(),), page_with({2: "๑๐๐.๐๐"}), DPI, reader)
    assert [w.text for w in out if w.x0 >= 400 and 2 * ROW_H <= w.top < 3 * ROW_H] == ["100.00"]


def test_a_column_headed_score_with_a_number_read_as_thai_letters_unsure_is_a_score_column():
    """Issue 9 (dev seed 79, 300 dpi): ``สสออฟ์`` read at 2 for ``๗๔.๐๗`` beside ``81.31`` and ``74.38`` with specks:
    a few Thai letters read unsure under a header naming the score are a misread number."""
    words = questions() + [word("คะแนน", 0), word("81.31", 1), word("74.38", 2), word("ON", 2, 505, 530, 68.0),
                           word("สสออฟ์", 3, conf=2.0)]
    assert score_columns(table(), words) == {1}
    sure = questions() + [word("คะแนน", 0), word("81.31", 1), word("ไม่มีการประเมินในข้อนี้", 2),
                          word("ไม่มีข้อมูล", 3)]
    assert score_columns(table(), sure) == set()


def test_a_hundred_printed_without_decimals_is_read_from_under_a_stamp():
    """Issue 9 (dev seed 68, 300 dpi): ``100`` under a stamp's grey ring, its column printing ``100`` without
    decimals; the ring taken away, the three glyphs read surely. Where Thai letters were read, only a full score."""
    from extract.ocr.cells import stamp_free_read

    crop = np.full((60, 200), 236, np.uint8)
    crop[28:31, 0:200] = 150  # the ring's lighter stroke across it
    crop[15:45, 40:140] = 70  # the print's strokes: a soft edge, a dark core
    crop[18:42, 43:137] = 30
    assert stamp_free_read(FixedReader("100", 0.9), crop, 300.0, 40, hundred=True)[0] == "100"
    assert stamp_free_read(FixedReader("100", 0.9), crop, 300.0, 40) is None
    assert stamp_free_read(FixedReader("100.00", 0.9), crop, 300.0, 40)[0] == "100.00"


class ScriptedReader:
    """Reads the crops it is given as the texts scripted, in turn (each at ``conf``; ``?`` glyphs unsure)."""

    def __init__(self, texts: list[str], conf: float = 0.85) -> None:
        self.texts, self.conf = list(texts), conf

    def read_number(self, crop):
        text = self.texts.pop(0)
        glyphs = tuple(GlyphGuess(c, 0.1 if c == "?" else self.conf, PixelBox(10 * i, 0, 10 * i + 8, 20))
                       for i, c in enumerate(text))
        return Reading(text, min(g.confidence for g in glyphs), glyphs)


def test_thinned_views_outvoting_a_reading_every_other_view_shares_do_not_replace_it():
    """Issue 9 (dev seed 72, 200 dpi): ``๗๕`` of a blurred small print read ``75.00``; thinned views broke the ``๗``
    in two (``34.00``) and outvoted it, while the views as other scans could print it (heavier, softer, scaled)
    read ``75.00``. All views together read it far more often: it stands; as often as not: unreadable; when those
    views do not side with it, or the ink thinned deeper reads the other surely, the other."""
    from extract.ocr.votes import ink_views, outvote_stands

    crop = rimmed_crop()
    n = len(ink_views(crop))
    votes = {"34.00": 2, "75.00": 1}
    assert outvote_stands(ScriptedReader(["75.00"] * (n - 1) + ["3?.00"] * 3), crop, "75.00", "34.00", votes) == "75.00"
    half = ["75.00"] * 4 + ["3?.00"] * (n - 4) + ["3?.00"] * 2
    assert outvote_stands(ScriptedReader(half), crop, "75.00", "34.00", {"34.00": 3}) == "75.00?"
    split = ["75.00"] * 5 + ["34.00"] * (n - 5) + ["3?.00"] * 2  # some of those views read the other too
    assert outvote_stands(ScriptedReader(split), crop, "75.00", "34.00", votes) == "34.00"
    few = ["75.00"] * 3 + ["3?.00"] * (n - 3) + ["3?.00"] * 2  # too few of them read it (dev seed 72: 89.85)
    assert outvote_stands(ScriptedReader(few), crop, "75.00", "34.00", votes) == "34.00"
    assert outvote_stands(ScriptedReader(["34.00"] * n), crop, "75.00", "34.00", votes) == "34.00"
    assert outvote_stands(ScriptedReader(["75.00"] * (n - 1) + ["3?.00"] + ["34.00"] * 2), crop, "75.00", "34.00",
                          votes) == "34.00"


def cell_texts(out: list[OcrWord], row: int) -> list[str]:
    return [w.text for w in out if w.x0 >= 400 and row * ROW_H <= w.top < (row + 1) * ROW_H]


@needs_fonts
def test_a_printed_score_no_reading_makes_a_number_of_is_flagged_never_left_empty():
    """Issue 9 (dev scans, seeds 80-95): a score cell with a printed number that Tesseract found no word in and
    no re-read could read came out empty, and the row's score was null with no problem row. The number's ink
    (glyphs of the column's digit height on one baseline) makes it unreadable: the mark, so downstream flags it."""
    words = questions() + [word("คะแนน", 0), word("91.52", 1), word("92.23", 2)]
    page = page_with({1: "๙๑.๕๒", 2: "๙๒.๒๓", 3: "๗๕.๐๐"})
    out, changes = reread_cells(words, (table(),), page, DPI, BlindReader())
    assert cell_texts(out, 3) == ["?"]
    assert [c.after.text for c in changes] == ["?"]


def signed_page(row: int) -> np.ndarray:
    """Two printed scores, and a signature's looping stroke that enters the (empty) score cell of ``row`` from
    the row above, as dark as the print, with grain beside it."""
    import cv2
    page = page_with({1: "๙๑.๕๒", 2: "๙๒.๒๓"})
    ink = np.zeros_like(page)
    top = row * ROW_H
    pts = np.array([[430, top - 30], [445, top + 40], [470, top + 20], [490, top + 45], [515, top + 15],
                    [540, top + 50]], np.int32)
    cv2.polylines(ink, [pts], False, 255, 3)
    page[ink > 0] = 40
    for x in (425, 470, 520):
        page[top + 60:top + 62, x:x + 2] = 60  # grain
    return page


@needs_fonts
def test_a_signature_or_grain_in_an_empty_score_cell_is_no_unreadable_score():
    words = questions() + [word("คะแนน", 0), word("91.52", 1), word("92.23", 2)]
    for row in (3, 4):
        out, changes = reread_cells(words, (table(),), signed_page(row), DPI, BlindReader())
        assert cell_texts(out, row) == [] and not changes
    # blank cells stay blank
    out, changes = reread_cells(words, (table(),), page_with({1: "๙๑.๕๒", 2: "๙๒.๒๓"}), DPI, BlindReader())
    assert cell_texts(out, 3) == cell_texts(out, 4) == [] and not changes


class LineReader:
    """A recognizer that reads one line of ink surely as ``0.00`` and two lines as nothing."""

    def read_number(self, crop):
        from ita_extract.page import PixelBox
        if crop.shape[0] > 40:
            return Reading("", 0.0, ())
        glyphs = tuple(GlyphGuess(c, 0.95, PixelBox(10 * i, 0, 10 * i + 8, 20)) for i, c in enumerate("0.00"))
        return Reading("0.00", 0.95, glyphs)


@needs_fonts
def test_a_reading_of_one_line_of_a_wrapped_score_is_not_the_score():
    """Dev scan (seed 84, 300 dpi): ``๑๐`` over ``๐.๐๐`` in a narrow column, read ``10`` and ``0.60``; the
    re-read of the lower line alone (``0.00``) replaced both. A reading must reach every line of the cell's
    digits."""
    page = page_with({1: "๙๑.๕๒", 2: "๙๒.๒๓"})
    for text, top in (("๑๐", 3 * ROW_H + 6), ("๐.๐๐", 3 * ROW_H + 40)):
        glyphs = render(text, FONTS[0], 10 * DPI / 72, ink=40, paper=236, pad=0.05)
        h, w = glyphs.shape
        page[top:top + h, 420:420 + w] = np.minimum(page[top:top + h, 420:420 + w], glyphs)
    words = questions() + [word("คะแนน", 0), word("91.52", 1), word("92.23", 2),
                           OcrWord("10", 420, 3 * ROW_H + 8, 450, 3 * ROW_H + 30, 95.0, (1, 3, 0)),
                           OcrWord("0.66", 420, 3 * ROW_H + 42, 480, 3 * ROW_H + 64, 60.0, (1, 3, 1))]
    # (``0.60`` itself is now a wrapped hundred torn by a speck: :func:`wrapped_hundred`; two torn digits are not)
    out, _ = reread_cells(words, (table(),), page, DPI, LineReader())
    assert sorted(cell_texts(out, 3)) == ["0.66", "10"]


def crossed_page(grey: int) -> np.ndarray:
    """Three scores; the one of row 3 crossed by a looping stroke (``grey``) from the row above to below it."""
    import cv2
    page = page_with({1: "๙๑.๕๒", 2: "๙๒.๒๓", 3: "๘๙.๗๗"})
    ink = np.zeros_like(page)
    top = 3 * ROW_H
    cv2.polylines(ink, [np.array([[440, top - 20], [455, top + 35], [470, top + 75], [520, top + 70]], np.int32)],
                  False, 255, 3)
    page[ink > 0] = np.minimum(page[ink > 0], grey)
    return page


def test_a_score_crossed_by_a_stroke_as_dark_as_the_print_is_unreadable_unless_two_readers_agree():
    """Dev scan (seed 82, 200 dpi): a signature's loop, as dark as the print, ran through ``๘๙.๗๗``; Tesseract
    read ``8@7 77`` and the recognizer's views ``85.27``, which stood. A stroke far taller than the digits
    through their place makes a reading doubtful: it stands only where Tesseract's word reads it alike."""
    words = questions() + [word("คะแนน", 0), word("91.52", 1), word("92.23", 2), word("8@7", 3, 420, 470, 40.0),
                           word("77", 3, 480, 500, 60.0)]
    out, _ = reread_cells(words, (table(),), crossed_page(40), DPI, FixedReader("85.27", 0.95))
    assert cell_texts(out, 3) == ["85.27?"]
    agreed = words[:-2] + [word("85.27", 3, 420, 500, 40.0), word("|", 3, 505, 510, 30.0)]
    out, _ = reread_cells(agreed, (table(),), crossed_page(40), DPI, FixedReader("85.27", 0.95))
    assert cell_texts(out, 3) == ["85.27"]
    # a stamp's lighter ring across it is no crossing stroke
    out, _ = reread_cells(words, (table(),), crossed_page(170), DPI, FixedReader("85.27", 0.95))
    assert cell_texts(out, 3) == ["85.27"]


@needs_fonts
def test_the_headers_ink_tesseract_missed_is_no_unreadable_score():
    """Dev scan (seed 84, 200 dpi): a letter-spaced ``คะแนน`` wrapped in the header's score cell, no word read:
    its letters stand on one baseline like digits, but a header holds no score."""
    words = questions()[1:] + [word("91.52", 1), word("92.23", 2)]
    page = page_with({0: "ค ะ แ น", 1: "๙๑.๕๒", 2: "๙๒.๒๓"})
    out, changes = reread_cells(words, (table(),), page, DPI, BlindReader())
    assert cell_texts(out, 0) == [] and not changes


@needs_fonts
def test_a_score_read_with_one_integer_digit_is_read_again_from_its_whole_ink(rec):
    """Dev scan (seed 160, 300 dpi, a light face): ``๗๗.๕๙`` read ``7.59``, the ink holding one glyph more than
    the reading has digits. Every view of the number's whole ink reads ``77.59``: that stands, as read, since it
    keeps the decimals the word had. A whole reading with other decimals is no reading of the same number."""
    page = page_with({1: "๙๑.๕๒", 2: "๙๒.๒๓", 3: "๗๗.๕๙"})
    # blur joins the two ๗: one blob as wide as two glyphs (the recognizer still parts them at their valley)
    cols = np.flatnonzero((page[3 * ROW_H:4 * ROW_H, 400:560] < 140).any(axis=0))
    cut = np.flatnonzero(np.diff(cols) > 1)[0]
    left, right = cols[cut] + 400, cols[cut + 1] + 400
    rows = np.flatnonzero((page[3 * ROW_H:4 * ROW_H, left - 2:left + 1] < 140).any(axis=1)) + 3 * ROW_H
    page[rows[len(rows) // 2] - 1:rows[len(rows) // 2] + 2, left - 1:right + 2] = 40
    words = questions() + [word("คะแนน", 0), word("91.52", 1), word("92.23", 2), word("7.59", 3, 430, 530)]
    out, _ = reread_cells(words, (table(),), page, DPI, rec)
    assert cell_texts(out, 3) == ["77.59"]
    words[-1] = word("7.58", 3, 430, 530)
    out, _ = reread_cells(words, (table(),), page, DPI, rec)
    assert cell_texts(out, 3) == ["7.58?"]


def test_a_score_read_with_one_integer_digit_where_the_ink_holds_two_joined_is_unreadable():
    """Dev scan (seed 85, 150 dpi): ``๘๔.๔๒`` with ``๘๔`` joined by blur into one blob, read ``8.42`` surely:
    the blob is as wide as two glyphs, so the reading lost a digit. Null and flagged, never ``8.42``."""
    page = page_with({1: "๙๑.๕๒", 2: "๙๒.๒๓"})
    top = 3 * ROW_H + 20
    for x0, x1, y0 in ((420, 454, top), (460, 463, top + 17), (470, 486, top), (492, 508, top)):
        page[y0:top + 20, x0:x1] = 40
    words = questions() + [word("คะแนน", 0), word("91.52", 1), word("92.23", 2), word("8.42", 3, 420, 508)]
    out, _ = reread_cells(words, (table(),), page, DPI, BlindReader())
    assert cell_texts(out, 3) == ["8.42?"]
    # the same ink read whole stands
    words[-1] = word("84.42", 3, 420, 508)
    out, _ = reread_cells(words, (table(),), page, DPI, BlindReader())
    assert cell_texts(out, 3) == ["84.42"]


@needs_fonts
def test_a_speck_above_the_line_is_no_second_point_of_a_score(rec):
    """Dust above the line between the point and the next digit (dev seed 93 at 200 dpi): the recognizer read it
    as a second point (``93..71``), no reading stood and the clear ``๙๓.๗๑`` was left unreadable. A decimal
    point sits on the digits' line: a point above it is a speck."""
    page = page_with({2: "๙๓.๗๑"})
    ink = np.argwhere(page[2 * ROW_H:3 * ROW_H, 400:560] < 120)
    top = 2 * ROW_H + int(ink[:, 0].min())
    glyph_x = sorted(set(int(x) for x in ink[:, 1]))
    gaps = [(a, b) for a, b in zip(glyph_x, glyph_x[1:]) if b - a > 3]
    x = 400 + (gaps[2][0] + gaps[2][1]) // 2  # between the point and ๗
    page[top + 1:top + 4, x - 1:x + 2] = 50
    words = questions() + [word("คะแนน", 0), word("91.52", 1), word("๕๓.ฒ๑", 2, conf=61.0), word("92.23", 3)]
    out, _ = reread_cells(words, (table(),), page, DPI, rec)
    assert [w.text for w in out if w.x0 >= 400 and 2 * ROW_H <= w.top < 3 * ROW_H] == ["93.71"]


@needs_fonts
@pytest.mark.parametrize("second", ["0.60", "6.00"])
def test_a_wrapped_hundred_with_a_speck_in_a_zero_is_a_hundred(rec, second):
    """Dev scans (seed 84 at 300 and 200 dpi): ``๑๐`` over ``๐.๐๐`` with a speck (or a stamp's ring) in one ``๐``,
    read ``10`` over ``0.60`` or ``6.00``: joined, 100.60 or 106.00, no score, left null. Two integer digits over
    one, a point and two are three integer digits: the only score of three is 100.00."""
    page = page_with({})
    for k, text in enumerate(("๑๐", "๐.๐๐")):
        glyphs = render(text, FONTS[0], 14 * DPI / 72, ink=40, paper=236, pad=0.1)
        h, w = glyphs.shape
        y, x = 2 * ROW_H + 4 + 36 * k, 440
        page[y:y + h, x:x + w] = np.minimum(page[y:y + h, x:x + w], glyphs)
    wrapped = [OcrWord("10", 460, 2 * ROW_H + 6, 490, 2 * ROW_H + 30, 90.0, (1, 2, 0)),
               OcrWord(second, 445, 2 * ROW_H + 42, 505, 2 * ROW_H + 66, 88.0, (1, 2, 1))]
    words = questions() + [word("คะแนน", 0), word("91.52", 1), word("92.23", 3), word("90.00", 4)] + wrapped
    # the ink read again gives nothing surely (the speck tears the zero in every view)
    out, changes = reread_cells(words, (table(),), page, DPI, BlindReader())
    assert [w.text for w in out if w.x0 >= 400 and 2 * ROW_H <= w.top < 3 * ROW_H] == ["100.00"]
    # a first line of another number, or a second line torn in two digits: no hundred of it
    for other in ([OcrWord("70", 460, 2 * ROW_H + 6, 490, 2 * ROW_H + 30, 90.0, (1, 2, 0)), wrapped[1]],
                  [wrapped[0], OcrWord("6.60", 445, 2 * ROW_H + 42, 505, 2 * ROW_H + 66, 88.0, (1, 2, 1))]):
        out, _ = reread_cells(questions() + [word("คะแนน", 0), word("91.52", 1), word("92.23", 3)] + other,
                              (table(),), page, DPI, BlindReader())
        assert "100.00" not in [w.text for w in out if w.x0 >= 400 and 2 * ROW_H <= w.top < 3 * ROW_H]


class BlotReader:
    """A recognizer that reads ``?1.41`` where a blot covers the ``๙`` of ``๙๑.๔๑`` (the blot no digit), and its
    views thinned to their darker cores (paper turned white) ``11.41``: the blot read ``1``, three times as wide
    as the number's own ``1``."""

    def read_number(self, crop):
        from ita_extract.page import PixelBox
        thinned = int(crop.max()) == 255
        widths = (15, 5, 3, 10, 5)
        glyphs, x = [], 2
        for c, w in zip("11.41" if thinned else "?1.41", widths):
            glyphs.append(GlyphGuess(c, 0.3 if c == "?" else 0.95, PixelBox(x, 2, x + w, 20)))
            x += w + 4
        return Reading("".join(g.char for g in glyphs), min(g.confidence for g in glyphs), tuple(glyphs))


@needs_fonts
def test_one_digit_named_for_glyphs_of_different_widths_is_no_score():
    """Dev scan (seed 91, 200 dpi): a blot over the ``๙`` of ``๙๑.๔๑``; the blot was read ``1`` and the score came
    out 11.41, silently wrong. One font prints a digit alike every time: a ``1`` three times as wide as the other
    ``1`` of the same number is another glyph, so the reading is unreadable (null, flagged), never a wrong score."""
    page = page_with({1: "๙๑.๕๒", 2: "๙๑.๔๑", 3: "๙๒.๒๓"})
    ink = np.argwhere(page[2 * ROW_H:3 * ROW_H, 400:560] < 120)
    top, left = 2 * ROW_H + int(ink[:, 0].min()), 400 + int(ink[:, 1].min())
    page[top:top + 14, left:left + 16] = 30  # the blot
    words = questions() + [word("คะแนน", 0), word("91.52", 1), word("1.41", 2, conf=84.0), word("92.23", 3)]
    out, _ = reread_cells(words, (table(),), page, DPI, BlotReader())
    assert cell_texts(out, 2) == ["11.41?"]


@needs_fonts
def test_a_stamps_lettering_on_another_line_of_a_score_cell_is_no_part_of_it(rec):
    """Dev scan (seed 82, 300 dpi): a stamp's ring and lettering (``แล้ว``, grey) under a clear ``๘๗.๔๓``; Tesseract
    read them as words of the cell and the score came out unreadable. Lettering far lighter than the score, on
    another line, is the stamp's: the score stands alone. As dark as the score, it stays (the report's)."""
    for grey, want in ((165, ["87.43"]), (45, None)):
        page = page_with({1: "๙๑.๕๒", 2: "๘๗.๔๓", 3: "๙๒.๒๓"})
        glyphs = render("แล้ว", FONTS[0], 8 * DPI / 72, ink=grey, paper=236, pad=0.05)
        h, w = glyphs.shape
        y = 2 * ROW_H + 54
        page[y:y + h, 440:440 + w] = np.minimum(page[y:y + h, 440:440 + w], glyphs)
        words = questions() + [word("คะแนน", 0), word("91.52", 1), word("87.43", 2), word("92.23", 3),
                               OcrWord("แล้ว", 438, y - 2, 442 + w, y + h + 2, 71.0, (1, 2, 1))]
        out, _ = reread_cells(words, (table(),), page, DPI, rec)
        assert cell_texts(out, 2) == (want or ["87.43", "แล้ว"])


@needs_fonts
def test_a_hundred_whose_one_tesseract_read_as_i_is_read_again(rec):
    """Dev scan (seed 98, 200 dpi): ``100`` read ``i00`` twice in a column of scores; taken for a question code, it
    was never read again and came out unreadable. No code's number opens with a zero."""
    words = questions() + [word("คะแนน", 0), word("100", 1), word("i00", 2, conf=80.0), word("50.00", 3)]
    out, _ = reread_cells(words, (table(),), page_with({1: "๑๐๐", 2: "๑๐๐", 3: "๕๐.๐๐"}), DPI, rec)
    assert cell_texts(out, 2) == ["100"]


def test_a_header_row_printed_twice_is_no_body_cell_of_the_score_column():
    """Dev scan (seed 100, 300 dpi): a table whose header row came out twice (``คะแนน`` over ``คะแนน``) above
    three scores, one read in two parts (``88`` ``8.06``): the second header cell counted as a body cell of text,
    the column fell short of its share of numbers, and ``๘๘.๐๖`` was never read again (a silent null)."""
    words = questions() + [word("คะแนน", 0), word("คะแนน", 1), word("88", 2, 420, 455), word("8.06", 2, 452, 500),
                           word("81.85", 3), word("88.17", 4)]
    assert score_columns(table(), words) == {1}


def test_a_speck_read_beside_a_score_leaves_it_a_score_when_the_column_is_judged():
    """Dev scan (seed 101, 300 dpi): ``100.00`` ``:`` (a speck), ``86.91`` and a garbled cell under คะแนน: the
    speck made the cell no number, the column fell short of its share, and the garbled score was never read."""
    words = questions() + [word("คะแนน", 0), word("86.91", 1), word("100.00", 2), word(":", 2, 505, 510),
                           word("๒จ", 3, conf=80.0)]
    assert score_columns(table(), words) == {1}


@needs_fonts
def test_a_stamps_lettering_below_a_number_under_its_ring_is_no_line_of_the_number(rec):
    """Dev scan (seed 101, 300 dpi): a stamp's ring across ``๑๐๐.๐๐`` and its lettering below it, which Tesseract
    read as the cell's only word (``๒จ``). The number read from the darkest strokes must reach every line of the
    cell's digit words: the lettering, far lighter than the number, is none of them; as dark as the number, it is."""
    from extract.ocr.cells import whole_stamp_read
    for grey, want in ((150, "75.00"), (40, None)):
        crop = np.full((110, 150), 236, np.uint8)
        digits = render("๗๕.๐๐", FONTS[0], 14 * DPI / 72, ink=40, paper=236, pad=0.1)
        crop[8:8 + digits.shape[0], 10:10 + digits.shape[1]] = digits
        letters = render("๒จ", FONTS[0], 10 * DPI / 72, ink=grey, paper=236, pad=0.05)
        h, w = letters.shape
        crop[70:70 + h, 40:40 + w] = np.minimum(crop[70:70 + h, 40:40 + w], letters)
        lettering = OcrWord("๒จ", 1000 + 38, 2000 + 68, 1000 + 42 + w, 2000 + 72 + h, 80.0, (1, 2, 1))
        got = whole_stamp_read(rec, crop, DPI, 20, True, (1000, 2000), [lettering])
        assert (got and got[0]) == want


@needs_fonts
def test_a_stamps_lettering_in_an_empty_score_cell_is_no_unreadable_score():
    """nulls7's open item: a cell no reading reads whose ink is glyphs at the column's digit height is flagged as
    an unreadable number. A stamp's lettering (grey, far lighter than the column's print) in an empty cell is no
    number: the cell stays empty. As dark as the print, it is flagged as before."""
    for grey, want in ((165, []), (40, ["?"])):
        page = page_with({1: "๙๑.๕๒", 2: "๙๒.๒๓"})
        lettering = page_with({3: "๗๕.๐๐"})
        page[lettering < 120] = grey  # glyphs at the column's digit height, in the stamp's grey
        words = questions() + [word("คะแนน", 0), word("91.52", 1), word("92.23", 2)]
        out, _ = reread_cells(words, (table(),), page, DPI, BlindReader())
        assert cell_texts(out, 3) == want


@needs_fonts
def test_faint_glyphs_in_a_score_column_without_scores_are_no_unread_number(rec):
    """dev seed 191 (H-scan300, page 3): an OIT table printed without scores, the back page showing through its
    score column, and a speck read as ``๑`` in one cell (with the header's คะแนน, a score column). The other cells'
    faint glyphs were each flagged as a score that could not be read. No score read in the column to compare
    with, the table's own print is the measure (its questions, read surely): ink far lighter is no number."""
    page = page_with({})
    for w in questions():  # the questions as printed, dark
        text = render(w.text, FONTS[0], 14 * DPI / 72, ink=40, paper=236, pad=0.1)
        h, wd = min(text.shape[0], ROW_H - 25), min(text.shape[1], 380)
        page[w.top:w.top + h, w.x0:w.x0 + wd] = np.minimum(page[w.top:w.top + h, w.x0:w.x0 + wd], text[:h, :wd])
    for row in (2, 3, 4):  # the back page's numbers, mirrored and faint
        faint = render("๗๘.๔๐", FONTS[0], 14 * DPI / 72, ink=170, paper=236, pad=0.1)[:, ::-1]
        h, wd = faint.shape
        y, x = row * ROW_H + 20, 420
        page[y:y + h, x:x + wd] = np.minimum(page[y:y + h, x:x + wd], faint)
    words = questions() + [word("คะแนน", 0), word("๑", 1, x0=470, x1=480)]
    out, _ = reread_cells(words, [table()], page, DPI, rec)
    assert not [w for w in out if w.text == "?"]


@needs_fonts
def test_a_score_column_a_stamp_garbled_whole_is_named_by_a_table_printed_alike(rec):
    """dev seed 191 (H-scan300, page 1): a stamp over a table of three questions garbled its every score and its
    header's คะแนน (``เซรยอ`` ``BY``, ``86,86รรฐบรละสลัก``): no score column, nothing read again. The page's other
    analysis table, ruled alike, names the column: its cells are read again as scores."""
    top = N_ROWS * ROW_H + 80  # the second table, below the first
    second = Grid(bbox=(0.0, float(top), 560.0, float(top + 3 * ROW_H)),
                  rows=tuple((cell_box(r, Q_COL), cell_box(r, S_COL)) for r in range(3)))
    second = Grid(second.bbox, tuple(tuple((b[0], b[1] + top, b[2], b[3] + top) for b in r) for r in second.rows))
    page = np.full((top + 3 * ROW_H + 20, 600), 236, np.uint8)
    page[:N_ROWS * ROW_H] = page_with({1: "๙๑.๕๒", 2: "๘๘.๑๒", 3: "๙๒.๒๓"})
    glyphs = render("๘๖.๘๖", FONTS[0], 14 * DPI / 72, ink=40, paper=236, pad=0.1)
    h, w = glyphs.shape
    page[top + ROW_H + 20:top + ROW_H + 20 + h, 420:420 + w] = glyphs
    first = questions() + [word("คะแนน", 0), word("91.52", 1), word("88.12", 2), word("92.23", 3)]
    garbled = [OcrWord("ข้อคำถาม", 20, top + 20, 300, top + 50, 93.0, (2, 0, 1)),
               OcrWord("i5 การใช้จ่าย", 20, top + ROW_H + 20, 300, top + ROW_H + 50, 93.0, (2, 1, 1)),
               OcrWord("เซรยอ", 420, top + ROW_H + 20, 500, top + ROW_H + 50, 15.0, (2, 1, 2))]
    out, _ = reread_cells(first + garbled, (table(), second), page, DPI, rec)
    assert [w.text for w in out if w.x0 >= 400 and top + ROW_H <= w.top < top + 2 * ROW_H] == ["86.86"]
    # alone on its page, the garbled column is no score column: nothing read again
    alone, _ = reread_cells(garbled, (second,), page, DPI, rec)
    assert [w.text for w in alone if w.x0 >= 400] == ["เซรยอ"]


def test_a_dash_tesseract_left_unread_in_the_papers_grain_is_no_unread_score():
    """dev seed 203 (T-scan300, page 3): a score cell holding a printed dash (no score) that Tesseract left
    unread, in grainy paper (a real cut of the cell as Tesseract read it). Otsu on the all but blank cell makes
    blobs of the grain around the dash, which look like a line of glyphs, and the cell was flagged as a score
    that could not be read. A number holds ink as dark as the column's print for two digits at least; the dash
    and the grain do not. A number nothing reads is still flagged."""
    import cv2

    from extract.ocr.cells import unread_number
    from extract.ocr.ink import number_ink
    from tests.conftest import FIXTURES

    cell = cv2.imread(str(FIXTURES / "ocr" / "issue-9-dash-in-grain.png"), cv2.IMREAD_GRAYSCALE)
    place, grey = (22.0, 164.0, 16.0, 56.0, False), (56.0, 237.0)  # the column's, as the page gave them
    assert number_ink(cell, 300.0, place[3] - place[2]) is not None  # the grain's blobs, taken for glyphs
    assert unread_number([], cell, 300.0, place, 0, 0, (1, 1, 1), grey) is None
    number = cell.copy()
    for x in (40, 70, 100):  # three strokes of digits, as dark as the print
        number[10:44, x:x + 5] = 60
        number[10:14, x:x + 20] = 60
    assert unread_number([], number, 300.0, place, 0, 0, (1, 1, 1), grey).text == "?"


def test_hairlines_on_a_grey_shaded_cell_are_read_heavier_up_to_the_cells_own_tone(rec):
    """Issue 9 (dev14 B, 300 dpi): ``100.00`` printed in a cell shaded grey (tone 215 on paper 230). The hairlines
    at the top and bottom of each ``0`` broke, the recognizer read ``1`` and four glyphs no class fits, and the
    cell was flagged. Grey counted as ink a fixed 50 or 70 levels over Otsu's threshold reached the shade itself
    (all ink); counted up to a share of the way to the cell's own paper tone it closes each ``0``."""
    import cv2

    from extract.ocr.votes import heavy_read
    from tests.conftest import FIXTURES

    cell = cv2.imread(str(FIXTURES / "ocr" / "issue-9-grey-cell-hairlines.png"), cv2.IMREAD_GRAYSCALE)
    number = cell[10:52, 85:198]  # the number's ink, padded
    # as it is, each broken ``0`` is two pieces that read nothing alone: joined since 0.28.0 (PIECES_ACCEPT)
    assert rec.read_number(number).text == "100.00"
    assert heavy_read(rec, number, rec.read_number(number))[0] == "100.00"
    # the whole cell, read again in its table after the token reader made ``1`` of it
    h, w = cell.shape
    page = np.full((2 * h + 20, w + 420), int(np.median(cell)), np.uint8)
    page[h + 10:2 * h + 10, 410:410 + w] = cell
    grid = Grid(bbox=(0.0, 0.0, w + 415.0, 2 * h + 15.0),
                rows=(((0.0, 0.0, 405.0, h + 5.0), (405.0, 0.0, w + 415.0, h + 5.0)),
                      ((0.0, h + 5.0, 405.0, 2 * h + 15.0), (405.0, h + 5.0, w + 415.0, 2 * h + 15.0))))
    words = [OcrWord("ประเด็นข้อคำถาม", 20, 15, 300, 45, 93.0, (1, 0, 9)), OcrWord("คะแนน", 450, 15, 560, 45, 93.0, (1, 0, 1)),
             OcrWord("o3 ข้อมูลการติดต่อ", 20, h + 25, 300, h + 55, 93.0, (1, 1, 9)),
             OcrWord("1", 410 + 92, h + 27, 410 + 191, h + 53, 92.0, (1, 1, 1), "numerals")]
    out, _ = reread_cells(words, (grid,), page, 300.0, rec)
    assert [x.text for x in out if x.x0 >= 405 and x.top > h] == ["100.00"]


@needs_fonts
def test_a_round_stamps_lettering_read_on_a_scores_line_is_no_part_of_it(rec):
    """``ที่`` of a stamp's ``วันที่`` read beside ``95.04`` in its cell: inside the stamp's ring, no digit in it,
    it is the stamp's lettering and the score stands alone; without a ring found there, nothing says so."""
    from extract.ocr.stamps import Ring

    words = questions() + [word("คะแนน", 0), word("91.52", 1), word("ที่", 2, 404, 418, conf=95.0),
                           word("95.04", 2, 420, 500), word("92.23", 3)]
    page = page_with({1: "๙๑.๕๒", 2: "๙๕.๐๔", 3: "๙๒.๒๓"})
    lettering = render("ที่", FONTS[0], 12 * DPI / 72, ink=60, paper=236, pad=0.1)
    h, w = lettering.shape
    page[2 * ROW_H + 18:2 * ROW_H + 18 + h, 402:402 + w] = np.minimum(page[2 * ROW_H + 18:2 * ROW_H + 18 + h, 402:402 + w], lettering)
    ring = Ring(430.0, 150.0, 90.0, 3, 3)
    out, _ = reread_cells(words, (table(),), page, DPI, rec, rings=[ring])
    assert [w.text for w in out if w.x0 >= 400 and 2 * ROW_H <= w.top < 3 * ROW_H] == ["95.04"]
    out, _ = reread_cells(words, (table(),), page, DPI, rec)
    assert "ที่" in [w.text for w in out if w.x0 >= 400 and 2 * ROW_H <= w.top < 3 * ROW_H]


@needs_fonts
def test_a_blot_alone_in_a_cell_is_no_digit_and_no_single_digit_is_a_blot():
    """dev seeds 251 (T-scan300) and 266 (K-scan300): a blot of toner 2 mm across, alone in an empty score cell, was
    read ``1`` by the cell's re-read (a score of 1.0 where none is printed). A filled dot with no hole, about as wide
    as high, alone in the cell is no number (``extract.ocr.marks.is_filled_dot``); every digit, rendered alone in
    light and heavy print at 150-300 dpi, has a loop or is a bar. The blot is the cell as the page read cut it
    (``tests/fixtures/ocr/issue-9-blot-in-empty-cell.png``)."""
    import cv2
    from extract.numerals.train import render
    from extract.ocr.marks import is_filled_dot
    from tests.test_numerals import FIXTURES as NUMERALS

    blot = cv2.imread(str(NUMERALS.parent / "ocr" / "issue-9-blot-in-empty-cell.png"), cv2.IMREAD_GRAYSCALE)
    assert is_filled_dot(blot, alone=True)
    for digit in "๐๑๒๓๔๕๖๗๘๙0123456789":
        for dpi in (150, 200, 300):
            for ink in (40, 90):
                glyph = render(digit, FONTS[0], 14 * dpi / 72, ink=ink, paper=236, pad=0.3)
                assert not is_filled_dot(glyph, alone=True), (digit, dpi, ink)


@needs_fonts
def test_a_blot_alone_in_an_empty_score_cell_gives_no_score(rec):
    """The same blot (dev17 K, brought to this table's 200 dpi) in the empty score cell of a row between read
    scores: the cell's re-read read it ``1`` (a score of 1.0 that no one printed); now the cell stays empty."""
    import cv2
    from tests.test_numerals import FIXTURES as NUMERALS

    blot = cv2.imread(str(NUMERALS.parent / "ocr" / "issue-9-blot-in-empty-cell.png"), cv2.IMREAD_GRAYSCALE)[:40]
    small = cv2.resize(blot, None, fx=DPI / 300, fy=DPI / 300, interpolation=cv2.INTER_AREA)
    page = page_with({1: "๙๑.๕๒", 3: "๙๒.๒๓", 4: "๘๔.๑๐"})
    h, w = small.shape
    y, x = 2 * ROW_H + 25, 470
    page[y:y + h, x:x + w] = np.clip(small.astype(int) - int(np.median(small)) + 236, 0, 255).astype(np.uint8)
    words = questions() + [word("คะแนน", 0), word("91.52", 1), word("92.23", 3), word("84.10", 4)]
    out, _ = reread_cells(words, (table(),), page, DPI, rec)
    assert [w.text for w in out if w.x0 >= 400 and 2 * ROW_H <= w.top < 3 * ROW_H] == []
    assert [w.text for w in out if w.x0 >= 400 and ROW_H <= w.top < 2 * ROW_H] == ["91.52"]
