"""Issue 9: a period cell's dates whose digits blur joined, read again from their ink thinned to its cores
(:mod:`extract.ocr.period_cells`)."""
from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from extract.numerals.recognizer import GlyphGuess, Reading, Recognizer
from extract.numerals.train import font_files, render
from extract.ocr.engine import OcrWord
from extract.ocr.period_cells import line_dates_read, reread_period_words, thinned_date_read
from ita_extract.page import Grid, PixelBox

FONTS = font_files("Norasi")
needs_fonts = pytest.mark.skipif(not FONTS, reason="fonts-thai-tlwg missing (scripts/setup.sh)")

DPI = 150
ROW_H = 70
#: Columns: steps (0-300), period (300-600); rows: two measures.
STEPS, PERIOD = (0.0, 300.0), (300.0, 600.0)


def table() -> Grid:
    rows = tuple(((STEPS[0], r * ROW_H, STEPS[1], (r + 1) * ROW_H), (PERIOD[0], r * ROW_H, PERIOD[1], (r + 1) * ROW_H))
                 for r in range(2))
    return Grid(bbox=(0.0, 0.0, 600.0, 2.0 * ROW_H), rows=rows)


def blurred(text: str, sigma: float = 1.5) -> np.ndarray:
    """``text`` (Thai digits, 14 pt) as a soft, light scan prints it: its glyphs joined at their grey rims."""
    import cv2

    glyphs = render(text, FONTS[0], 14 * DPI / 72, ink=90, paper=236, pad=0.3).astype(np.float32)
    return cv2.GaussianBlur(glyphs, (0, 0), sigma).astype(np.uint8)


def page_with(texts: dict[tuple[int, int], str], sigma: float = 1.5) -> tuple[np.ndarray, dict[tuple[int, int], tuple[int, int, int, int]]]:
    """The page with ``texts`` printed blurred at (row, x) in the period column; the ink's boxes."""
    page = np.full((2 * ROW_H, 620), 236, np.uint8)
    boxes = {}
    for (row, x), text in texts.items():
        g = blurred(text, sigma)
        h, w = g.shape
        y = row * ROW_H + 10
        page[y:y + h, x:x + w] = np.minimum(page[y:y + h, x:x + w], g)
        boxes[(row, x)] = (x + 4, y + 4, x + w - 4, y + h - 4)
    return page, boxes


def word(text: str, box: tuple[int, int, int, int], row: int, k: int) -> OcrWord:
    return OcrWord(text, *box, 80.0, (1, row, k))


@pytest.fixture(scope="module")
def rec() -> Recognizer:
    return Recognizer.load()


@needs_fonts
def test_a_numeric_date_blur_joined_is_read_from_its_darker_cores(rec):
    """``๓๐/๙/๒๕๖๖`` printed soft: whole, the recognizer reads ``30/?566``, Tesseract ``๓๐/๕/๒๕๒๑๐๑``; its
    thinned ink reads ``30/9/2566`` at levels that agree."""
    page, boxes = page_with({(0, 320): "๓๐/๙/๒๕๖๖"})
    assert rec.read_date(blurred("๓๐/๙/๒๕๖๖")).confidence < 0.6  # the ink as it stands reads nothing surely
    words = [OcrWord("จัดทำคู่มือ", 20, 15, 200, 45, 93.0, (1, 0, 0)),
             word("๑/๑๐/๒๕๖๕", (320, 10, 420, 40), 0, 1), word("-", (425, 20, 432, 30), 0, 2),
             word("๓๐/๕/๒๕๒๑๐๑", boxes[(0, 320)], 0, 3)]
    out = reread_period_words(words, (table(),), page, rec)
    assert [w.text for w in out] == ["จัดทำคู่มือ", "๑/๑๐/๒๕๖๕", "-", "30/9/2566"]
    assert out[3].source == "numerals"


@needs_fonts
def test_a_year_beside_a_month_is_read_again_and_one_outside_a_period_cell_is_not(rec):
    page, boxes = page_with({(0, 380): "๒๕๖๘", (1, 380): "๒๕๖๘"})
    words = [word("ต.ค.", (320, 15, 370, 40), 0, 1), word("๒๕๒๓๕", boxes[(0, 380)], 0, 2),
             word("จัดซื้อ", (320, ROW_H + 15, 370, ROW_H + 40), 1, 1), word("๒๕๒๓๕", boxes[(1, 380)], 1, 2)]
    out = reread_period_words(words, (table(),), page, rec)
    assert [w.text for w in out] == ["ต.ค.", "2568", "จัดซื้อ", "๒๕๒๓๕"]


def test_levels_that_read_different_dates_read_none():
    class ByLevel:
        """Reads a different sure year at each level of thinning (a speck, a broken stroke)."""

        def __init__(self):
            self.n = 0

        def read_date(self, crop):
            self.n += 1
            text = f"256{self.n}"
            return Reading(text, 0.95, tuple(GlyphGuess(c, 0.95, PixelBox(0, 0, 1, 1)) for c in text))

    crop = np.full((30, 60), 230, np.uint8)
    crop[5:25, 5:50] = 60
    crop[5:25, 25:30] = 150
    assert thinned_date_read(ByLevel(), crop, 4) is None


def test_a_sure_reading_that_is_no_date_is_never_taken():
    class Sure:
        def read_date(self, crop):
            return Reading("25235", 0.95, tuple(GlyphGuess(c, 0.95, PixelBox(0, 0, 1, 1)) for c in "25235"))

    crop = np.full((30, 60), 230, np.uint8)
    crop[5:25, 5:50] = 60
    assert thinned_date_read(Sure(), crop, 5) is None


def test_without_a_date_reader_nothing_is_read_again():
    class NumbersOnly:
        def read_number(self, crop):
            raise AssertionError("not called")

    words = [OcrWord("ต.ค.", 320, 15, 370, 40, 90.0, (1, 0, 1)), OcrWord("๒๕๒๓๕", 380, 15, 440, 40, 80.0, (1, 0, 2))]
    assert reread_period_words(words, (table(),), np.full((140, 620), 236, np.uint8), NumbersOnly()) == words


@needs_fonts
def test_a_year_glued_to_its_month_is_read_again_after_the_month_letters(rec):
    """``ต.ค.๒๕๖๗`` read as one word ``ต.ค.3``: the digits after the month's letters are a year, read again."""
    page, boxes = page_with({(0, 320): "ต.ค.๒๕๖๗"})
    words = [word("ต.ค.3", boxes[(0, 320)], 0, 1)]
    out = reread_period_words(words, (table(),), page, rec)
    assert [w.text for w in out] == ["ต.ค.2567"]


class ThaiEngine:
    """Reads every word image alone as ``พ.ค.``, surely."""

    def read_word(self, gray, dpi):
        return "พ.ค.", 81.0


def test_a_month_read_as_latin_letters_in_the_period_column_is_read_again_alone():
    """``พ.ค. ๒๕๖๘`` read as ``“WA, 2568``: no month names the cell a period's, but the column's other cells do;
    the Thai-only engine reads the word again. Latin words of the steps column stay."""
    page = np.full((2 * ROW_H, 620), 236, np.uint8)
    page[15:40, 320:370] = 40
    page[ROW_H + 15:ROW_H + 40, 320:370] = 40
    words = [OcrWord("ต.ค.", 320, 15, 370, 40, 90.0, (1, 0, 1)), OcrWord("2568", 380, 15, 440, 40, 90.0, (1, 0, 2)),
             OcrWord("URL", 20, ROW_H + 15, 80, ROW_H + 40, 90.0, (1, 1, 0)),
             OcrWord("2568", 90, ROW_H + 15, 150, ROW_H + 40, 90.0, (1, 1, 1)),
             OcrWord("“WA,", 320, ROW_H + 15, 370, ROW_H + 40, 67.0, (1, 1, 2)),
             OcrWord("2568", 380, ROW_H + 15, 440, ROW_H + 40, 94.0, (1, 1, 3))]
    out = reread_period_words(words, (table(),), page, Recognizer.load(), ThaiEngine(), DPI)
    assert [w.text for w in out] == ["ต.ค.", "2568", "URL", "2568", "พ.ค.", "2568"]


def test_a_mark_the_engine_reads_after_a_dot_is_no_part_of_the_month():
    """``ก.ค.`` read as ``AA``, read again alone as ``ก.ุค.``: the mark after the dot is a speck."""
    from extract.ocr.period_cells import month_read_again

    class Speck:
        def read_word(self, gray, dpi):
            return "ก.ุค.", 75.0

    page = np.full((60, 200), 236, np.uint8)
    page[15:40, 20:70] = 40
    w = OcrWord("AA", 20, 15, 70, 40, 47.0, (1, 0, 0))
    assert month_read_again(Speck(), w, page, 300.0).text == "ก.ค."


#: A lighter blur: glyphs the recognizer reads at every level (Tesseract misread them all the same).
SOFT = 0.6


@needs_fonts
def test_a_range_read_as_one_word_is_read_again_whole(rec):
    """``๑/๑๐/๒๕๖๔-๓๐/๙/`` as one word, Tesseract's ``๒๕๒๕`` (no year) and ``๓`` for ``๙``: read again whole,
    both dates at once."""
    page, boxes = page_with({(0, 320): "๑/๑๐/๒๕๖๔-๓๐/๙/"}, SOFT)
    words = [OcrWord("จัดทำคู่มือ", 20, 15, 200, 45, 93.0, (1, 0, 0)), word("๑/๑๐/๒๕๒๕-๓๐/๓/", boxes[(0, 320)], 0, 1)]
    out = reread_period_words(words, (table(),), page, rec)
    assert [w.text for w in out] == ["จัดทำคู่มือ", "1/10/2564-30/9/"]


@needs_fonts
def test_a_valid_date_off_its_months_edge_is_read_again(rec):
    """``๓๐/๓/๒๕๖๕``: a valid date, but no month ends on its 30th; its ink reads ``๓๐/๙/๒๕๖๕``. A date printed
    off the edge (``๑๕/๑/๒๕๖๖``) and read so stays."""
    page, boxes = page_with({(0, 320): "๓๐/๙/๒๕๖๕", (1, 320): "๑๕/๑/๒๕๖๖"}, SOFT)
    words = [word("๓๐/๓/๒๕๖๕", boxes[(0, 320)], 0, 1), word("๑๕/๑/๒๕๖๖", boxes[(1, 320)], 1, 1)]
    out = reread_period_words(words, (table(),), page, rec)
    assert [w.text for w in out] == ["30/9/2565", "๑๕/๑/๒๕๖๖"]


def test_two_months_read_as_one_latin_word_are_read_again_before_the_cells_number():
    """``ม.ค.-ก.พ. ๒๕๖๖`` read as ``UA-A.W. 2566`` under a cell ``ม.ค.-ก.พ. 2566`` of the same column: the
    Thai-only engine reads the pair again (a speck glued before the second month, a mark after a dot
    dropped), before a cell of Latin letters and a number could be taken for a number. No engine: as read."""
    from extract.ocr.period_cells import reread_period_months

    class Pair:
        def read_word(self, gray, dpi):
            return "ม.ุค.-ษกุพ.", 66.0

    page = np.full((2 * ROW_H, 620), 236, np.uint8)
    page[ROW_H + 15:ROW_H + 40, 320:400] = 40
    words = [OcrWord("ม.ค.-ก.พ.", 320, 15, 400, 40, 30.0, (1, 0, 1)), OcrWord("2566", 410, 15, 470, 40, 90.0, (1, 0, 2)),
             OcrWord("UA-A.W.", 320, ROW_H + 15, 400, ROW_H + 40, 62.0, (1, 1, 1)),
             OcrWord("2566", 410, ROW_H + 15, 470, ROW_H + 40, 95.0, (1, 1, 2))]
    out = reread_period_months(words, (table(),), page, Pair(), DPI)
    assert [w.text for w in out] == ["ม.ค.-ก.พ.", "2566", "ม.ค.-กุพ.", "2566"]
    assert reread_period_months(words, (table(),), page, None, DPI) == words


@needs_fonts
def test_a_letter_tesseract_wrote_between_a_years_digits_marks_it_for_reading_again(rec):
    """``ตลอดปีงบประมาณ พ.ศ.๒๕๖๘`` whose year Tesseract read ``๒๕ว๕`` (``ว`` for ``๖``): a letter between digits
    is a digit's place, and the year after the era's letters is read again."""
    page, boxes = page_with({(0, 320): "พ.ศ.๒๕๖๘"}, SOFT)
    words = [word("ตลอดปีงบประมาณ", (320, 2, 560, 9), 0, 1), word("พ.ศ.๒๕ว๕", boxes[(0, 320)], 0, 2)]
    out = reread_period_words(words, (table(),), page, rec)
    assert [w.text for w in out] == ["ตลอดปีงบประมาณ", "พ.ศ.2568"]


def test_a_latin_months_box_over_the_year_beside_it_keeps_the_month_alone():
    """``ส.ค. ๒๕๗๑`` read ``A.A.`` with a box that ran on over ``๒๕๑๑``: read again alone, the Thai engine
    reads ``ส.ุค. ๒๕๓๑๑``; the year after it is its own word's, the month is ``ส.ค.``."""
    from extract.ocr.period_cells import month_read_again

    class RunOn:
        def read_word(self, gray, dpi):
            return "ส.ุค. ๒๕๓๑๑", 92.0

    page = np.full((60, 300), 236, np.uint8)
    page[15:40, 20:170] = 40
    w = OcrWord("A.A.", 20, 15, 170, 40, 91.0, (1, 0, 0))
    assert month_read_again(RunOn(), w, page, 300.0).text == "ส.ค."


def test_a_ranges_first_month_read_as_latin_with_its_dash_is_read_again():
    """``ม.ค. - มี.ค. ๒๕๖๘`` read ``U.A.- มี.ค. 2568`` (dev seed 120, I-scan300): the Latin word with the range's
    dash before the range's last month is read again alone, ``ม.ค.--``: the month and one dash. Before another
    word than a month, or read again as no month, it stays."""
    from extract.ocr.period_cells import reread_period_months

    class Dash:
        def __init__(self, text):
            self.text = text

        def read_word(self, gray, dpi):
            return self.text, 79.0

    page = np.full((2 * ROW_H, 620), 236, np.uint8)
    page[15:40, 320:400] = 40
    words = [OcrWord("U.A.-", 320, 15, 400, 40, 51.0, (1, 0, 1)), OcrWord("มี.ค.", 410, 15, 470, 40, 90.0, (1, 0, 2)),
             OcrWord("2568", 480, 15, 540, 40, 90.0, (1, 0, 3))]
    out = reread_period_months(words, (table(),), page, Dash("ม.ค.--"), DPI)
    assert [w.text for w in out] == ["ม.ค.-", "มี.ค.", "2568"]
    assert [w.text for w in reread_period_months(words, (table(),), page, Dash("กอง--"), DPI)] == ["U.A.-", "มี.ค.", "2568"]
    other = [words[0], replace(words[1], text="กอง"), words[2]]
    assert [w.text for w in reread_period_months(other, (table(),), page, Dash("ม.ค.--"), DPI)][0] == "U.A.-"


@needs_fonts
def test_a_year_glued_to_its_month_with_letters_for_its_digits_makes_a_period_cell(rec):
    """``ก.ย.๒๕๗๐`` read as one word ``กุย.๒๕ญฆฒ๐`` (dev seed 135, X-scan300), alone in its cell and the only
    period of its page: the letters Tesseract writes for the digits it lacks end the year glued to the month,
    so the cell is a period's and its year is read again."""
    page, boxes = page_with({(0, 320): "ก.ย.๒๕๗๐"})
    words = [word("กุย.๒๕ญฆฒ๐", boxes[(0, 320)], 0, 1)]
    out = reread_period_words(words, (table(),), page, rec)
    assert [w.text for w in out] == ["กุย.2570"]


def test_a_latin_month_in_a_one_row_grid_is_vouched_for_by_the_period_column_of_another_grid():
    """``ม.ค.-ก.พ. ๒๕๖๗`` read ``N.A.-A.W. ๒๕๒อ๑`` (dev seed 172, M-scan300 page 7): the page's measures table is
    cut into a grid per indicator, and this grid has one row, so no period cell of its own grid vouched for
    its column. A period cell of another grid whose edges are the same does; one of other edges does not."""
    from extract.ocr.period_cells import reread_period_months

    class Pair:
        def read_word(self, gray, dpi):
            return "ม.ค.-ก.ุพ.", 87.0

    def one_row(y0: float, period: tuple[float, float] = PERIOD) -> Grid:
        return Grid(bbox=(0.0, y0, 600.0, y0 + ROW_H),
                    rows=(((STEPS[0], y0, STEPS[1], y0 + ROW_H), (period[0], y0, period[1], y0 + ROW_H)),))

    page = np.full((2 * ROW_H, 620), 236, np.uint8)
    page[15:40, 320:400] = 40
    words = [OcrWord("N.A.-A.W.", 320, 15, 400, 40, 53.0, (1, 0, 1)), OcrWord("๒๕๒อ๑", 410, 15, 470, 40, 60.0, (1, 0, 2)),
             OcrWord("ต.ค.", 320, ROW_H + 15, 380, ROW_H + 40, 92.0, (1, 1, 1)),
             OcrWord("2567", 390, ROW_H + 15, 450, ROW_H + 40, 95.0, (1, 1, 2))]
    grids = (one_row(0.0), one_row(float(ROW_H)))
    assert [w.text for w in reread_period_months(words, grids, page, Pair(), DPI)][:2] == ["ม.ค.-ก.พ.", "๒๕๒อ๑"]
    # alone on its page, or beside a period cell of other edges (another table), it stays as read
    assert reread_period_months(words[:2], grids[:1], page, Pair(), DPI) == words[:2]
    shifted = (one_row(0.0), one_row(float(ROW_H), (250.0, 600.0)))
    assert reread_period_months(words, shifted, page, Pair(), DPI) == words


def test_a_latin_months_box_over_the_year_and_the_ranges_dash_keeps_the_month_alone():
    """``ต.ค. ๒๕๖๔ - ...`` whose month Tesseract read ``AN.`` with a box that ran on over the year and the
    range's dash (dev seed 179, T-scan300 page 6): read again alone, ``ต.ุค. ๒๕๒0๕ -``; the year and the dash
    are the next words', the month is ``ต.ค.``. A reading that is no month and a dash stays unread."""
    from extract.ocr.period_cells import month_read_again

    class RunOn:
        def __init__(self, text):
            self.text = text

        def read_word(self, gray, dpi):
            return self.text, 81.0

    page = np.full((60, 300), 236, np.uint8)
    page[15:40, 20:240] = 40
    w = OcrWord("AN.", 20, 15, 240, 40, 68.0, (1, 0, 0))
    assert month_read_again(RunOn("ต.ุค. ๒๕๒0๕ -"), w, page, 300.0).text == "ต.ค."
    assert month_read_again(RunOn("ต.ุค. ๒๕๒0๕ ถึง"), w, page, 300.0).text == "ต.ค."
    assert month_read_again(RunOn("กอง ๒๕๒0๕ -"), w, page, 300.0).text == "AN."


# --- a line of numeric dates read whole (line_dates_read) -------------------------------------------------------


def reading(text: str, conf: float = 0.9) -> Reading:
    return Reading(text, conf, tuple(GlyphGuess(c, conf, PixelBox(4 * k, 2, 4 * k + 4, 12)) for k, c in enumerate(text)))


class Levels:
    """A recognizer whose date readings follow a script: one list of (cuts, text) per view of the ink (the views
    after the script's read nothing)."""

    def __init__(self, script: list[list[tuple[int, str]]]):
        self.script, self.n = script, 0

    def date_readings(self, crop):
        found = self.script[self.n] if self.n < len(self.script) else [(0, "??")]
        self.n += 1
        return [(cuts, reading(text)) for cuts, text in found]

    def read_date(self, crop):  # pragma: no cover - date_readings is asked
        raise AssertionError("not called")


def ink() -> np.ndarray:
    crop = np.full((30, 200), 230, np.uint8)
    crop[5:25, 5:190] = 60
    return crop


def test_each_date_of_a_line_counts_where_enough_views_read_it():
    """One view reads the first date, another the second; each counts where four views read it."""
    script = [[(0, "1/10/2564-30/?565")], [(0, "1/10/2564-?/9/2565")], [(1, "1/10/2564-30/9/2565")],
              [(0, "1/10/2564-30/9/2565")], [(0, "0,/10.2564-30/9/2565")], [(0, "0.?1-30/9/2565")]]
    parts, boxes = line_dates_read(Levels(script), ink())
    assert parts == ("1/10/2564", "30/9/2565") and all(b is not None for b in boxes)


def test_a_date_three_views_read_leaves_the_line_as_it_was():
    script = [[(0, "1/10/2564-30/9/2565")]] * 3 + [[(0, "7172564-30/9/2565")]] * 3
    assert line_dates_read(Levels(script), ink()) is None


def test_a_date_other_views_read_otherwise_half_as_often_leaves_the_line_as_it_was():
    script = [[(0, "1/10/2564-30/9/2565")]] * 4 + [[(0, "1/10/2565-30/9/2565")]] * 2
    assert line_dates_read(Levels(script), ink()) is None
    script = [[(0, "1/10/2564-30/9/2565")]] * 5 + [[(0, "1/10/2565-30/9/2565")]] * 2
    assert line_dates_read(Levels(script), ink())[0] == ("1/10/2564", "30/9/2565")


def test_readings_with_as_few_cuts_that_read_other_dates_cast_no_vote():
    """Cutting a slash off one glyph or off another makes two different dates in one view: that view says
    nothing about the first date."""
    two = [(0, "1/102564-30/9/2565"), (1, "1/10/2564-30/9/2565"), (1, "1/1/02564-30/9/2565"), (1, "1/10/2565-30/9/2565")]
    assert line_dates_read(Levels([two] * 6), ink()) is None


def test_a_wrapped_range_ends_with_its_day_and_month():
    script = [[(0, "1/10/2566-30/9/")]] * 4
    assert line_dates_read(Levels(script), ink())[0] == ("1/10/2566", "30/9/")


def test_a_word_read_with_a_slash_cut_off_a_digit_reads_the_date_of_the_fewest_cuts():
    """``/๒`` blurred into one glyph read surely as ``๒``: the date's grammar takes the reading with the slash cut."""
    script = [[(0, "1/102564"), (1, "1/10/2564"), (2, "1/1/0/2564")]] * 8
    assert thinned_date_read(Levels(script), ink(), 7) == "1/10/2564"
    split = [[(0, "1/102564"), (1, "1/10/2564"), (1, "1/10/2565")]] * 8  # two cuts of one count, two dates
    assert thinned_date_read(Levels(split), ink(), 7) is None


def _read_with_dates(words: list[OcrWord], ink_box: tuple[int, int, int, int]) -> list[OcrWord]:
    """``words`` after the period cells' reread, by a recognizer whose every view reads ``1/10/2564-30/9/2565``,
    on a page inked at ``ink_box`` (x0, y0, x1, y1)."""
    page = np.full((140, 620), 236, np.uint8)
    x0, y0, x1, y1 = ink_box
    page[y0:y1, x0:x1] = 60
    return reread_period_words(words, (table(),), page, Levels([[(0, "1/10/2564-30/9/2565")]] * 8))


def test_a_garbled_line_in_the_period_column_is_read_whole():
    """``๑/๑๐/๒๕๖๔ - ๓๐/๙/๒๕๖๕`` at 150 dpi, read ``7172564 - mole!``: no period's look, but a cell of the period
    column whose line holds digits; read whole, its words are the dates and the dash between them."""
    words = [OcrWord("ต.ค.", 320, 15, 370, 40, 90.0, (1, 0, 0)), OcrWord("2568", 380, 15, 440, 40, 90.0, (1, 0, 0)),
             OcrWord("7172564", 320, 85, 420, 110, 80.0, (2, 0, 0)), OcrWord("-", 430, 85, 440, 110, 80.0, (2, 0, 0)),
             OcrWord("mole!", 450, 85, 520, 110, 40.0, (2, 0, 0))]
    out = _read_with_dates(words, (322, 88, 518, 108))
    assert [w.text for w in out] == ["ต.ค.", "2568", "1/10/2564", "-", "30/9/2565"]
    assert all(w.source == "numerals" for w in out[2:])
    assert out[2].x1 < out[3].x0 and out[3].x1 < out[4].x0  # the dash stands apart: spaces round it, as printed


def test_a_line_of_months_is_never_read_as_numeric_dates():
    words = [OcrWord("ต.ค.", 320, 15, 370, 40, 90.0, (1, 0, 0)), OcrWord("2568", 380, 15, 440, 40, 90.0, (1, 0, 0)),
             OcrWord("-", 450, 15, 460, 40, 90.0, (1, 0, 0)), OcrWord("กุย.", 470, 15, 520, 40, 60.0, (1, 0, 0)),
             OcrWord("2569", 530, 15, 590, 40, 90.0, (1, 0, 0))]
    assert [w.text for w in _read_with_dates(words, (322, 18, 588, 38))] == [w.text for w in words]


def test_a_line_with_the_range_word_is_never_read_whole():
    """``ถึง`` between the dates: the recognizer cannot read it, and a line read whole stands for all its words."""
    words = [OcrWord("ต.ค.", 320, 15, 370, 40, 90.0, (1, 0, 0)), OcrWord("2568", 380, 15, 440, 40, 90.0, (1, 0, 0)),
             OcrWord("1/0/564", 320, 85, 420, 110, 80.0, (2, 0, 0)), OcrWord("ถึง", 430, 85, 470, 110, 90.0, (2, 0, 0))]
    assert [w.text for w in _read_with_dates(words, (322, 88, 468, 108))] == [w.text for w in words]


def test_a_line_of_thai_text_with_a_slash_is_never_read_whole():
    """A cell of the period column whose line is text: a compound no word list holds (so no Thai word of it is
    ``plausible``) and a slash between two of its words. Its Thai letters outnumber its digits' places: the
    recognizer is never asked (each line read whole costs 24 views of its ink), and the words stay."""

    class Never(Levels):
        def date_readings(self, crop):
            raise AssertionError("a line of text was read as dates")

    words = [OcrWord("ต.ค.", 320, 15, 370, 40, 90.0, (1, 0, 0)), OcrWord("2568", 380, 15, 440, 40, 90.0, (1, 0, 0)),
             OcrWord("ตามขั้นตอน/แนวปฏิบัติมากน้อยเพียงใด</0>", 320, 85, 600, 110, 80.0, (2, 0, 0))]
    page = np.full((140, 620), 236, np.uint8)
    page[88:108, 322:598] = 60
    out = reread_period_words(words, (table(),), page, Never([]))
    assert [w.text for w in out] == [w.text for w in words]


def test_a_line_of_dates_whose_slashes_blur_into_digits_is_read_whole(rec):
    """The line of a dev scan at 150 dpi (dev seed 164, ``tests/fixtures/numerals/issue-9-period-line-slashes-joined-150.png``):
    Tesseract read ``7172564 - 30/งช่หต565``; slashes blur into the digits beside them (``/๒`` one glyph, read
    surely as ``๒``). Levels of thinning read each date right, one here, another there."""
    import cv2

    from tests.test_numerals import FIXTURES

    crop = cv2.imread(str(FIXTURES / "issue-9-period-line-slashes-joined-150.png"), cv2.IMREAD_GRAYSCALE)
    assert line_dates_read(rec, crop)[0] == ("1/10/2564", "30/9/2565")


def test_steps_that_name_a_month_or_the_budget_make_no_period_cell():
    """dev13 (seeds 160-167), D-scan300 page 4: a measure's steps named a month and the fiscal year, so their cells counted as
    period cells and the whole steps column joined the period column (its words read again as months and dates).
    A period cell holds a period and little else; the budget alone is no fiscal year."""
    from extract.ocr.period_cells import grid_period_cells, in_period_column

    def at(text, col, row, k):
        x0 = (STEPS if col == 0 else PERIOD)[0] + 10 + 40 * k
        return OcrWord(text, x0, row * ROW_H + 10, x0 + 35, row * ROW_H + 40, 90.0, (1, row, k))

    words = [at("ประชุมชี้แจงบุคลากรเรื่องการเบิกจ่าย", 0, 0, 0), at("ในเดือนมกราคม", 0, 0, 1), at("๒๕๖๘", 0, 0, 2),
             at("ต.ค.", 1, 0, 0), at("๒๕๖๗", 1, 0, 1), at("-", 1, 0, 2), at("ก.ย.", 1, 0, 3), at("๒๕๖๘", 1, 0, 4),
             at("จัดทำรายงานการใช้จ่ายงบประมาณ", 0, 1, 0), at("ตลอดปีงบประมาณ", 1, 1, 0), at("๒๕๖๘", 1, 1, 1)]
    grid = table()
    cells, periods = grid_period_cells(words, grid)
    assert periods == [grid.rows[0][1], grid.rows[1][1]]
    found = [(cells, periods)]
    assert not any(in_period_column(row[0], periods, found, DPI) for row in grid.rows)


def _printed(text: str, pt: float = 16.0, dpi: float = 300.0) -> np.ndarray:
    from extract.numerals.train import render

    return render(text, FONTS[0], pt * dpi / 72, ink=30, paper=236, pad=0.2)


def _on_paper(ink: np.ndarray, text: str, conf: float) -> tuple[np.ndarray, OcrWord]:
    """``ink`` on a page with a margin, and the word Tesseract read there (its box the ink's)."""
    page = np.full((ink.shape[0] + 20, ink.shape[1] + 40), 236, np.uint8)
    page[10:10 + ink.shape[0], 20:20 + ink.shape[1]] = ink
    rows = np.flatnonzero((ink < 128).any(axis=1))
    cols = np.flatnonzero((ink < 128).any(axis=0))
    return page, OcrWord(text, 20 + int(cols[0]), 10 + int(rows[0]), 20 + int(cols[-1]) + 1, 10 + int(rows[-1]) + 1,
                         conf, (1, 0, 0))


class _MonthAlone:
    """A Thai-only engine that reads a month's abbreviation alone, and ``whole`` where digits stand before it."""

    def __init__(self, month: str, month_width: int, whole: str) -> None:
        self.month, self.width, self.whole = month, month_width, whole

    def read_word(self, gray, dpi):
        return (self.month, 91.0) if gray.shape[1] <= self.width else (self.whole, 82.0)


@needs_fonts
@pytest.mark.parametrize("month_in_whole", [False, True])
@pytest.mark.parametrize("printed, expected", [("๓๐ ก.ย.", "30 ก.ย."), ("๑ ต.ค.", "1 ต.ค."),
                                               ("๓๐ก.ย.", None), ("๔๕ ก.ย.", None), ("๒๕๖๘ ก.ย.", None)])
def test_a_day_and_a_month_read_as_one_latin_word_are_read_apart(rec, printed, expected, month_in_whole):
    """``- ๓๐ ก.ย. ๒๕๖๙`` read ``- mone. ๒๕๐๕`` (dev-corpus A-scan300): the Latin word reads as no month whole;
    its first glyphs are a day the recognizer reads surely, a word space after them, and the month is the Thai
    engine's last word (``๓๐๑๐ กุย:``) or, where it read none apart, the rest read alone. A day glued to the
    month, a number that is no day, or more digits than a day's, stay as read."""
    from extract.ocr.period_cells import month_read_again

    page, w = _on_paper(_printed(printed), "mone.", 46.0)
    month = printed.split()[-1] if " " in printed else "ก.ย."
    # the whole word read as garble (the rest read alone gives the month), or as garbled digits and the month
    whole = f"๓๐๑๐ {month}:" if month_in_whole else "๓๐๑๐กุญ"
    engine = _MonthAlone(month, _printed(month).shape[1] + 30, whole)
    assert month_read_again(engine, w, page, 300.0).text == "mone."  # the months alone: as read
    got = month_read_again(engine, w, page, 300.0, rec)
    assert got.text == (expected or "mone.")
    if expected:
        assert got.source == "word" and got.conf >= 50.0


@needs_fonts
def test_a_ranges_sign_and_a_day_tesseract_read_as_garble_are_read_as_printed(rec):
    """``- ๓๐ ก.ย.`` read ``Soo`` at 7 % (dev-corpus A-scan300): the numeral recognizer reads the range's sign and
    the day, a word space between them; the word is ``- 30``, not a speck dropped with the day in it."""
    from extract.ocr.tokens import NumeralTokenReader

    page, w = _on_paper(_printed("- ๓๐"), "Soo", 7.0)
    read = NumeralTokenReader(None, rec)(w, page, 300.0)
    assert read.text == "- 30" and read.conf >= 50.0
