"""Numbers inside running text on scans (issue 9): numeric dates, broken year digits, cited codes.

Crops are rendered in the held-out font family (never trained on) and
degraded like a scan; the expected readings are written by hand.
"""
from __future__ import annotations

import numpy as np
import pytest
from tests.test_numerals import FIXTURES, crop_of, needs_fonts

from extract.numerals.recognizer import GlyphGuess, Reading, Recognizer, is_slash
from extract.ocr.engine import OcrWord
from extract.ocr.tokens import NumeralTokenReader, cited_words, code_runs, read_cited_code
from ita_extract.page import PixelBox


@pytest.fixture(scope="module")
def rec() -> Recognizer:
    return Recognizer.load()


# --- numeric dates: the slash known by its shape --------------------------------------


def test_slash_is_a_thin_stroke_leaning_right():
    slash = np.zeros((30, 12), np.uint8)
    for y in range(30):
        slash[y, max(0, 10 - y // 3):12 - y // 3] = 1
    backslash = slash[:, ::-1]
    bar = np.zeros((30, 12), np.uint8)
    bar[:, 5:7] = 1
    assert is_slash(slash, 26.0)
    assert not is_slash(backslash, 26.0)  # leans the other way
    assert not is_slash(bar, 26.0)  # upright: a 1 or an l
    assert not is_slash(slash[:10], 26.0)  # too short for a slash beside these digits


def on_page(crop: np.ndarray, text: str, conf: float) -> tuple[np.ndarray, OcrWord]:
    """``crop`` on a white page with a 20-px margin, and the OCR word Tesseract gave for it."""
    page = np.full((crop.shape[0] + 40, crop.shape[1] + 40), 255, np.uint8)
    page[20:20 + crop.shape[0], 20:20 + crop.shape[1]] = crop
    return page, OcrWord(text, 22, 22, 18 + crop.shape[1], 18 + crop.shape[0], conf, (1, 1, 1))


@needs_fonts
@pytest.mark.parametrize("dpi", [200, 300])
@pytest.mark.parametrize("text, want", [
    ("๑/๑๐/๒๕๖๖", "1/10/2566"),
    ("๓๐/๙/๒๕๖๗", "30/9/2567"),
    ("๓๐/", "30/"),
])
def test_read_date(rec, text, want, dpi):
    r = rec.read_date(crop_of(text, dpi, seed=dpi + len(text)))
    assert r.text == want
    assert r.confidence >= 0.5


@needs_fonts
def test_numeric_date_word_is_read_again_with_its_slashes(rec):
    """Tesseract's Thai model gives ``๓๐/๓7๒๕๒๐๑`` for ``๓๐/๙/๒๕๖๗``; the word image is read again."""
    page, word = on_page(crop_of("๓๐/๙/๒๕๖๗", 300, seed=7), "๓๐/๓7๒๕๒๐๑", 33.0)
    out = NumeralTokenReader(None, rec)(word, page, 300)
    assert out.text == "30/9/2567"
    assert out.source == "numerals"


def test_thai_word_with_a_slash_is_not_a_date():
    """``มาตรการ/``: no digit in the image, the word stays as Tesseract read it."""
    class NoDigits:
        def classify_glyphs(self, crop):
            return [GlyphGuess("?", 0.9, PixelBox(0, 0, 5, 5))] * 4

        def read_date(self, crop):  # pragma: no cover - must not be asked
            raise AssertionError("a word without digits is no date")

    page = np.full((60, 200), 255, np.uint8)
    page[20:40, 20:150] = 0
    word = OcrWord("มาตรการ/", 20, 20, 150, 40, 93.0, (1, 1, 1))
    assert NumeralTokenReader(None, NoDigits())(word, page, 300).text == "มาตรการ/"


# --- a digit the scan broke into pieces is joined, never dropped ---------------------


@needs_fonts
def test_year_whose_first_digit_broke_into_three_pieces_reads_whole(rec):
    """``๒`` cut by two slanted hairline breaks (as a scan loses them): pieces that overlap
    and a speck; still 2567 (0.4.0 read ``???567``)."""
    crop = crop_of("๒๕๖๗", 300, seed=11, pt=12).copy()
    ink = crop < 128
    x0, rows = np.flatnonzero(ink.any(axis=0))[0], np.flatnonzero(ink.any(axis=1))
    width = np.flatnonzero(~ink[:, x0:].any(axis=0))[0]  # the first glyph's columns
    y0, height = rows[0], rows[-1] - rows[0]
    for y in range(y0, y0 + height + 1):
        for k in (0.3, 0.62):
            x = x0 + int(width * (k + 0.25 * ((y - y0) / height - 0.5)))
            crop[y, x:x + 2] = 255
    assert rec.read_number(crop).text == "2567"


def _g(c: str, p: float, x: int) -> GlyphGuess:
    return GlyphGuess(c, p, PixelBox(x, 0, x + 18, 30))


class _Glyphs:
    """A recognizer that sees the given glyphs and reads no whole number or code."""

    def __init__(self, glyphs):
        self.glyphs = glyphs

    def classify_glyphs(self, crop):
        return self.glyphs

    def read_number(self, crop):
        return Reading("?", 0.1, ())

    def read_code(self, crop, hint=None):
        return Reading("", 0.0, ())


def _read(text: str, glyphs) -> str:
    page = np.full((60, 260), 255, np.uint8)
    page[20:40, 20:210] = 0
    return NumeralTokenReader(None, _Glyphs(glyphs))(OcrWord(text, 20, 20, 210, 40, 92.0, (1, 1, 1)), page, 300).text


def test_digits_the_recognizer_cannot_read_are_not_dropped_from_running_text():
    """``พ.ศ.๒๕๖๗``: ``๒๕`` one blob read unsure, then ``๖๗``; Tesseract saw four places: not cut to ``67``."""
    glyphs = [_g("?", 0.2, 0), _g(".", 1.0, 20), _g("?", 0.2, 26), _g(".", 1.0, 46),
              GlyphGuess("๐", 0.24, PixelBox(52, 0, 88, 30)), _g("๖", 0.9, 90), _g("๗", 0.9, 110)]
    assert _read("พ.ศ.๒๕๒๑", glyphs) == "พ.ศ.๒๕๒๑"


def test_each_digit_run_in_running_text_is_replaced_only_by_as_many_digits():
    """``ต.ค.๒๕๖๕-๓๐`` whose zero the scan broke: the year is read again, the day keeps Tesseract's two digits."""
    glyphs = [_g("?", 0.2, 0), _g(".", 1.0, 20), _g("?", 0.2, 26), _g(".", 1.0, 46),
              _g("๒", .94, 52), _g("๕", .99, 72), _g("๖", .91, 92), _g("๕", .98, 112), _g("-", 1.0, 134),
              _g("๓", .86, 150), _g("?", .76, 170), _g("?", .7, 181)]
    assert _read("ต.ค.๒๕๒๕-๓๐", glyphs) == "ต.ค.2565-๓๐"


def test_a_number_alone_takes_the_recognizers_digits():
    """A score cell ``๙๐.๕๙`` (Tesseract: ``๓๐.๕๕``, the ๙ read unsure): the recognizer's ``0.59``, fewer
    digits than glyphs, is what sends the cell to be read again whole (extract.ocr.cells)."""
    glyphs = [_g("1", 0.46, 0), _g("๐", 0.96, 20), _g(".", 1.0, 40), _g("๕", 0.96, 50), _g("๙", 0.98, 70)]
    assert _read("๓๐.๕๕", glyphs) == "0.59"


def test_a_code_led_by_a_zero_keeps_its_digits_when_the_recognizer_reads_fewer():
    """``(อ้างอิงจาก O42)``: Tesseract read ``042``; the recognizer saw the ``O`` and the ``4`` as one
    blob it could not read and ``2``: a run led by a zero is a code, never a score, and is not cut to ``2``."""
    glyphs = [GlyphGuess("?", 0.69, PixelBox(0, 0, 49, 30)), _g("๒", 0.97, 50)]  # the blob touches the 2
    assert _read("042", glyphs) == "042"
    assert _read("๐๔๒", glyphs) == "๐๔๒"
    # without its circle only (๐๒๘ read ๐๒๕ by Tesseract, whose model has no ๘): the recognizer's digits, after
    # the circle Tesseract saw (dev seed 158, W-scan300: ``O12,`` read ``12,`` was no clean list and was voted away)
    circle_lost = [GlyphGuess("?", 0.69, PixelBox(0, 0, 49, 30)), _g("๒", 0.97, 50), _g("๘", 0.97, 70)]
    assert _read("๐๒๕", circle_lost) == "๐28"
    assert _read("012,", [GlyphGuess("?", 0.48, PixelBox(0, 0, 37, 48)), _g("1", 0.92, 44), _g("2", 0.95, 59)]) == "012,"


# --- cited codes: the word after a citation label --------------------------------------


def _w(text: str) -> OcrWord:
    return OcrWord(text, 0, 0, 10, 10, 90.0, (1, 1, 1))


def test_cited_words_follow_the_label_and_carry_on_its_list():
    words = [_w(t) for t in ("รายงาน", "(อ้างอิงจาก", "๐๑๒", ",Oe)", "และ", "ob")]
    assert cited_words(words) == [2, 3]  # "ob" after "และ" cites nothing
    split = [_w(t) for t in ("(อ้างอิง", "จำก", "ob)", "ให้")]
    assert cited_words(split) == [2]  # the label split in two, OCR's ำ for า
    assert cited_words([_w(t) for t in ("(อ้างอิงจาก", "ตามคู่มือ")]) == []  # Thai text is no code


def test_debris_between_the_labels_two_words_is_no_list():
    """dev seed 247 (P-scan300): ``(อ้างอิง`` ended a line with specks after it (read ``'`` ``ee`` ``~``), ``จาก
    ๐๑๑)`` opened the next. The specks were taken as the list and ``จาก`` as running text, so the code (read
    ``O@@)``) was never read again. No list is printed inside the label: ``จาก`` carries it on past them."""
    words = [_w(t) for t in ("(อ้างอิง", "'", "ee", "~", "จาก", "O@@)</p>", "และ")]
    assert cited_words(words) == [5]
    assert cited_words([_w(t) for t in ("(อ้างอิง", "o12", "จาก", "o13)")]) == [1]  # a code there: no debris
    # only what stands between the label's two words is debris: the circle of the citation before stays cited
    assert cited_words([_w(t) for t in ("(อ้างอิงจาก", "0", "o5)", "(อ้างอิง", "จาก", "o6)")]) == [1, 2, 5]


def test_a_speck_tesseract_read_as_a_sign_is_no_digit(rec):
    """dev seed 241 (J-scan300): a dot 0.8 mm across beside a table's ``o1 – o19`` was read ``.``; its blob, alone,
    looked enough like ``๑`` to the recognizer that the word became ``1`` and the table a row ``o1``. A word read as
    signs alone whose ink is lower than a report's smallest digit stays as read; a digit read as a sign does not."""
    import cv2

    for axes, angle in (((3, 4), -40), ((3, 4), -20), ((3, 5), -30), ((2, 4), -40), ((4, 3), 20), ((4, 3), 40)):
        dot = np.full((30, 30), 255, np.uint8)
        cv2.ellipse(dot, (15, 15), axes, angle, 0, 360, 0, -1)
        page, word = on_page(dot, ".", 79.0)
        assert NumeralTokenReader(None, rec)(word, page, 300).text == ".", (axes, angle)
    page, word = on_page(crop_of("๑", 300, seed=1), ".", 60.0)
    assert NumeralTokenReader(None, rec)(word, page, 300).text == "1"


def test_code_runs_are_a_circle_and_its_digits():
    def g(s):
        return [GlyphGuess(c, 0.9, PixelBox(i * 10, 0, i * 10 + 8, 10)) for i, c in enumerate(s)]

    assert code_runs(g("??0๓๗?")) == [(2, 4)]  # the label's tail, o37, a bracket
    assert code_runs(g("๐๖????")) == [(0, 1)]  # o6, then ")</p>"
    assert code_runs(g("๐๕?๐๓?")) == [(0, 1), (3, 4)]  # two items and a comma
    assert code_runs(g("?๕?")) == []  # no circle: no code
    assert code_runs(g("๐??")) == []  # a circle alone: no digits


@needs_fonts
def test_cited_code_is_read_from_its_glyphs_and_keeps_the_bracket(rec):
    """``(อ้างอิงจาก ๐๖)``: Tesseract wrote ``ob)``; the glyphs read o6, the bracket stays."""
    page, word = on_page(crop_of("๐๖", 300, seed=5), "ob)", 62.0)
    out = read_cited_code(word, page, rec)
    assert out.text == "o6)"
    assert out.source == "numerals"


def test_unsure_cited_code_leaves_the_word_as_read():
    class Unsure:
        def classify_glyphs(self, crop):
            return [GlyphGuess("๐", 0.9, PixelBox(0, 0, 8, 10)), GlyphGuess("๖", 0.9, PixelBox(10, 0, 18, 10))]

        def read_code(self, crop, hint=None):
            return Reading("o6", 0.3, ())

    page = np.full((60, 200), 255, np.uint8)
    page[20:40, 20:60] = 0
    word = OcrWord("ob)", 20, 20, 60, 40, 62.0, (1, 1, 1))
    assert read_cited_code(word, page, Unsure()).text == "ob)"


def test_a_colon_touching_a_code_does_not_make_its_run_incomplete():
    """``…น้อยที่สุด:๐๒๘`` (Tesseract: ``:๐๑๒๕``, two characters for the ๘ its model lacks):
    the colon is surely no digit, the recognizer's run is whole and replaces Tesseract's."""
    class Colon:
        def classify_glyphs(self, crop):
            return [GlyphGuess("?", 0.99, PixelBox(0, 0, 20, 28)), GlyphGuess("?", 0.3, PixelBox(21, 10, 27, 28)),
                    GlyphGuess("๐", 0.9, PixelBox(30, 0, 50, 28)), GlyphGuess("๒", 0.85, PixelBox(50, 0, 78, 28)),
                    GlyphGuess("๘", 0.9, PixelBox(79, 0, 107, 28))]

        def read_number(self, crop):
            return Reading("??028", 0.1, ())

        def read_code(self, crop, hint=None):
            return Reading("", 0.0, ())

    page = np.full((60, 200), 255, np.uint8)
    page[20:40, 20:130] = 0
    word = OcrWord("สุด:๐๑๒๕", 20, 20, 130, 40, 87.0, (1, 1, 1))
    assert NumeralTokenReader(None, Colon())(word, page, 300).text == "สุด:028"


def test_cited_item_tesseract_wrote_with_signs_is_still_an_item():
    """``,o@m)`` for ``,๐๑๓)``: a sign Tesseract wrote for a digit it lacks does not hide the word from the
    citation; the label with its first letter lost to a speck (``(8 างอิงจาก``) still opens the list."""
    words = [_w(t) for t in ("(อ้างอิงจาก", "๐๑๒", ",o@m)", "พร้อมทั้ง")]
    assert cited_words(words) == [1, 2]
    assert cited_words([_w(t) for t in ("(8", "างอิงจาก", "06)")]) == [2]
    assert cited_words([_w(t) for t in ("ทางอิงจาก", "06)")]) == []  # a word that only ends like it


@needs_fonts
def test_cited_code_with_a_sign_for_a_digit_is_read_from_its_glyphs(rec):
    page, word = on_page(crop_of("๐๑๓", 300, seed=11), ",o@m)", 83.0)
    assert read_cited_code(word, page, rec).text == ",o13)"



class _CodeGlyphs:
    """A recognizer that sees the given glyphs and reads every code run as the next of ``codes``."""

    def __init__(self, chars: str, codes: list[str]):
        self.chars, self.codes = chars, list(codes)

    def classify_glyphs(self, crop):
        return [GlyphGuess(c, 0.9, PixelBox(i * 10, 0, i * 10 + 8, 10)) for i, c in enumerate(self.chars)]

    def read_code(self, crop, hint=None):
        return Reading(self.codes.pop(0), 0.9, ())


def test_codes_tesseract_ran_together_are_written_from_the_image():
    """``๐๓,๐๔)`` read ``03004)``: one item for two codes in the image; the list is written from
    the glyphs, a comma where one parts the codes, the bracket kept."""
    page = np.full((60, 200), 255, np.uint8)
    page[20:40, 20:90] = 0
    word = OcrWord("03004)", 20, 20, 90, 40, 80.0, (1, 1, 1))
    assert read_cited_code(word, page, _CodeGlyphs("๐๓,๐๔?", ["o3", "o4"])).text == "o3,o4)"
    assert read_cited_code(word, page, _CodeGlyphs("๐๑๒๐๔?", ["o12", "o4"])).text == "o12 o4)"  # nothing between
    # fewer codes in the image than items written: nothing is dropped
    word2 = OcrWord("o5,o6)", 20, 20, 90, 40, 80.0, (1, 1, 1))
    assert read_cited_code(word2, page, _CodeGlyphs("๐๕???", ["o5"])).text == "o5,o6)"


def test_comma_between_codes_is_no_digit():
    """A comma is lower and narrower than any digit: its own kind, never a ``0`` joining a code."""
    from extract.numerals.recognizer import Blob, is_comma

    m = np.ones((3, 3), np.uint8)
    assert is_comma(Blob(49, 24, 7, 10, m), 19.0, 30.5)  # as measured on a 300-dpi scan
    assert not is_comma(Blob(49, 11, 7, 20, m), 19.0, 30.5)  # a narrow "1" stands full height


def test_thai_letters_read_unsure_right_after_the_label_are_a_code():
    """``(อ้างอิงจาก ๐๕)`` read ``(อ้างอิงจาก ปลา`` at 18 %: the word stands where the list must be,
    so its glyphs are read as codes; a sure Thai word there, or one further on, is text."""
    def w(text, conf):
        return OcrWord(text, 0, 0, 10, 10, conf, (1, 1, 1))

    assert cited_words([w("(อ้างอิงจาก", 88.0), w("ปลา", 18.0), w("และรายงาน", 93.0)]) == [1]
    assert cited_words([w("(อ้างอิงจาก", 88.0), w("ปลา", 90.0)]) == []  # read sure: Thai text
    assert cited_words([w("(อ้างอิงจาก", 88.0), w("o5,", 90.0), w("ปลา", 18.0)]) == [1]  # not the first word
    assert cited_words([w("(อ้างอิงจาก", 88.0), w("คู่มือการ", 30.0)]) == []  # longer than a code


def test_code_read_as_thai_letters_is_written_from_the_image():
    page = np.full((60, 200), 255, np.uint8)
    page[20:40, 20:60] = 0
    word = OcrWord("ปลา", 20, 20, 60, 40, 18.0, (1, 1, 1))
    out = read_cited_code(word, page, _CodeGlyphs("๐๕?", ["o5"]))
    assert (out.text, out.source) == ("o5", "numerals")
    assert read_cited_code(word, page, _CodeGlyphs("???", [])).text == "ปลา"  # no code in the image: as read


@needs_fonts
def test_closing_bracket_joined_to_the_last_digit_is_cut_off(rec):
    """Issue 9 (dev scans B, A at 200 dpi): blur joins ``)`` to the code's last digit, the joined blob
    reads as another digit (``๐๓๔)`` as ``๐๓๑``, ``O5)`` as ``o1``); Tesseract read the bracket, so the
    code is read again without it and the bracket stays."""
    crop = crop_of("๐๓๔)", 200, seed=1, level=1.5)
    assert "".join(g.char for g in rec.classify_glyphs(crop)) == "๐๓๑"  # the joined blob, misread
    page, word = on_page(crop, "๐๓๔)", 90.0)
    assert NumeralTokenReader(None, rec)(word, page, 200).text == "034)"
    page, word = on_page(crop, "o31", 90.0)  # a word the first pass left without its bracket stays so
    assert read_cited_code(word, page, rec).text == "o31"


@needs_fonts
def test_closing_bracket_joined_to_the_last_digit_is_cut_off_when_tesseract_did_not_read_it(rec):
    """dev seed 149 (N-scan300): ``และ ๐๑๔)`` read ``๐๑๓`` (Tesseract cannot write ``๔``; the bracket joined to
    it was no glyph of its own). The last glyph is wider and taller than a digit: a digit joined to a bracket.
    Read without the bracket's width the code reads surely; the bracket the ink shows is written."""
    crop = crop_of("๐๓๔)", 200, seed=1, level=1.5)
    page, word = on_page(crop, "๐๓๑", 90.0)
    assert NumeralTokenReader(None, rec)(word, page, 200).text == "034)"
    page, word = on_page(crop_of("๐๓๔", 200, seed=1, level=1.5), "๐๓๑", 90.0)  # no bracket in the ink
    assert NumeralTokenReader(None, rec)(word, page, 200).text == "034"


def _curled_bracket(text: str, dpi: int, seed: int) -> np.ndarray:
    """``text`` rendered, and a closing bracket drawn after it whose ends curl back under and over its last digit."""
    import cv2

    crop = crop_of(text, dpi, seed=seed)
    rows, cols = np.nonzero(crop < 128)
    top, bottom, right = rows.min(), rows.max(), cols.max()
    h = bottom - top
    out = np.full((crop.shape[0] + 20, crop.shape[1] + 30), 255, np.uint8)
    out[10:10 + crop.shape[0], :crop.shape[1]] = crop
    cv2.ellipse(out, (int(right - max(2, h // 8)), int(10 + (top + bottom) / 2)), (int(0.35 * h), int(0.75 * h)),
                0, -90, 90, 0, max(2, h // 10))
    return out


@needs_fonts
def test_a_bracket_curling_under_the_last_digit_leaves_the_digit_whole(rec):
    """dev seed 251 (T-scan300): ``(อ้างอิงจาก ๐๑๗)``; the bracket is a glyph of its own, but its ends curl under and
    over the ``๗`` (its box begins inside the ``๗``'s). Cut at the bracket's box, the ``๗`` lost its right stroke
    and read ``๓`` (``o13``, surely). The code is cut after its last digit, the bracket's ink left of that painted
    out. 36 drawn codes at 2 dpi, each read as a word and as a cited code: 0.26.0 read 2 of the 72 right, now 66."""
    from dataclasses import replace

    right = total = 0
    for dpi in (200, 300):
        for seed in range(6):
            for text, want in (("๐๑๗", "17"), ("๐๒๗", "27"), ("๐๓๗", "37")):
                page, word = on_page(_curled_bracket(text, dpi, seed), text[:-1] + "๑)", 60.0)
                right += NumeralTokenReader(None, rec)(word, page, dpi).text == f"0{want})"
                right += read_cited_code(replace(word, text="o13)"), page, rec).text == f"o{want})"
                total += 2
    assert right >= 0.8 * total, (right, total)


def test_touching_bracket_cut_only_where_tesseract_saw_a_bracket_the_recognizer_did_not():
    from extract.ocr.tokens import touching_bracket_cut
    g = [GlyphGuess(c, 0.9, PixelBox(i * 20, 0, i * 20 + 20, 36 if c == "๗" else 30)) for i, c in enumerate("๐๒๗")]
    assert touching_bracket_cut("๐๒๓)", g) == 60 - 11
    assert touching_bracket_cut("๐๒๓)", [*g[:2], GlyphGuess("๓", 0.9, PixelBox(40, 0, 60, 30))]) is None  # no taller
    assert touching_bracket_cut("๐๒๓", g) is None  # no bracket read
    assert touching_bracket_cut("๐๒๓)", [*g, GlyphGuess("?", 0.9, PixelBox(60, 0, 66, 30))]) is None  # apart


def test_a_garbled_label_after_a_bracket_still_opens_the_cited_list():
    """``(ย้างองจาก ๐๑๘)`` (dev scan C at 200 dpi): the label two edits off; its code is read again."""
    words = [_w(t) for t in ("แจ้งเรื่องร้องเรียน", "(ย้างองจาก", "015)", "และ")]
    assert cited_words(words) == [2]
    assert cited_words([_w(t) for t in ("(ประกาศฉบับที่", "015)")]) == []  # another word in brackets


def test_a_cited_code_unsure_with_its_margin_is_read_again_within_its_glyphs():
    """``(อ้างอิงจาก ๐๑๗)`` (dev scan D at 300 dpi): with two blank columns of margin the recognizer cut
    the ๗ into ``๓`` and a sliver (``o13?``, unsure); within the glyphs' own bounds it reads o17."""
    class MarginSensitive:
        def classify_glyphs(self, crop):
            return [GlyphGuess(c, 0.9, PixelBox(x, 0, x + 20, 30)) for c, x in zip("๐๑๗?", (2, 23, 44, 71))]

        def read_code(self, crop, hint=None):
            return Reading("o17", 0.9, ()) if crop.shape[1] == 64 - 2 else Reading("o13?", 0.01, ())

    page = np.full((70, 160), 255, np.uint8)
    page[20:50, 22:111] = 0
    word = OcrWord("oom)", 22, 20, 111, 50, 90.0, (1, 1, 1))
    assert read_cited_code(word, page, MarginSensitive()).text == "o17)"


def test_a_word_shaped_like_a_month_that_names_none_is_read_again_as_thai():
    """``30 ก.ุข., 2566`` (dev scan D at 300 dpi, conf 23): the Thai-only re-read gives ``ก.ย.``; the era's
    abbreviation and a word with no digits beside it are not read again."""
    class Engine:
        calls = 0

        def read_word(self, crop, dpi):
            Engine.calls += 1
            return "ก.ย.", 83.0

    page = np.full((60, 300), 255, np.uint8)
    page[20:40, 20:260] = 0
    ws = [OcrWord(t, 20 + 60 * i, 20, 70 + 60 * i, 40, 60.0, (1, 1, 1)) for i, t in enumerate(("30", "ก.ุข.,", "2566"))]
    out = NumeralTokenReader(Engine(), _CodeGlyphs("", [])).in_context(ws, page, 300)
    assert [w.text for w in out] == ["30", "ก.ย.", "2566"]
    Engine.calls = 0
    ws2 = [OcrWord(t, 20 + 60 * i, 20, 70 + 60 * i, 40, 60.0, (1, 1, 1)) for i, t in enumerate(("พ.ศ.", "2566", "และ", "ข.ค."))]
    assert NumeralTokenReader(Engine(), _CodeGlyphs("", [])).in_context(ws2, page, 300) == ws2
    assert Engine.calls == 0


def test_a_label_glued_to_its_list_is_read_for_its_codes():
    """``(อ้างอิงจาก.oom)``, ``(อ้างอิงจากo5)ผ่าน`` (dev scans, issue 9): Tesseract ran the label and
    the list into one word; the items after the label are read from the image, the label and
    what follows the bracket stay as read."""
    words = [_w(t) for t in ("ให้", "(อ้างอิงจาก.oom)", "และ", "(อ้างอิงจากo5,", "o6)", "ผ่าน")]
    assert cited_words(words) == [1, 3, 4]
    assert cited_words([_w(t) for t in ("(อ้างอิงจากคู่มือ)", "ob)")]) == []  # Thai text after the label
    page = np.full((60, 300), 255, np.uint8)
    page[20:40, 20:200] = 0
    word = OcrWord("(อ้างอิงจาก.oom)", 20, 20, 200, 40, 80.0, (1, 1, 1))
    out = read_cited_code(word, page, _CodeGlyphs("?????????๐๑๓?", ["o13"]))
    assert (out.text, out.source) == ("(อ้างอิงจาก.o13)", "numerals")
    word = OcrWord("(อ้างอิงจากo5)ผ่าน", 20, 20, 200, 40, 80.0, (1, 1, 1))
    assert read_cited_code(word, page, _CodeGlyphs("?????๐๔?????", ["o4"])).text == "(อ้างอิงจากo4)ผ่าน"


def test_a_glued_label_whose_letters_look_like_codes_leaves_the_word_as_read():
    """Beside the label's letters the image must hold exactly one code per item Tesseract wrote:
    a letter taken for a circle and a digit is never written into the list."""
    page = np.full((60, 300), 255, np.uint8)
    page[20:40, 20:200] = 0
    word = OcrWord("(อ้างอิงจาก-05,010)", 20, 20, 200, 40, 80.0, (1, 1, 1))
    three = _CodeGlyphs("?๐๑???๐๕?๐๑๐?", ["o1", "o5", "o10"])
    assert read_cited_code(word, page, three).text == "(อ้างอิงจาก-05,010)"
    two = _CodeGlyphs("??????๐๙?๐๑๐?", ["o9", "o10"])
    assert read_cited_code(word, page, two).text == "(อ้างอิงจาก-o9,o10)"


def test_a_label_with_a_speck_after_it_still_opens_the_list():
    """``(อ้างอิงจาก.`` ``oom)`` (dev scan K at 300 dpi): a point a speck gave ends the label's word."""
    assert cited_words([_w(t) for t in ("(อ้างอิงจาก.", "oom)", "ให้")]) == [1]
    assert cited_words([_w(t) for t in ("(อ้างอิงจาก-", "๐๙,", "๐๑๐)")]) == [1, 2]
    assert cited_words([_w(t) for t in ("ข้อมูล.", "oom)")]) == []  # no label: nothing cited


def test_digits_after_a_circle_that_stood_alone_are_that_codes():
    """``(อ้างอิงจาก ๐`` at a line's end and ``๕)`` on the next, read ``0`` and ``@)``: the digits that
    lead the word after the lone circle, with no circle of their own, are the code's; not so without
    the circle before, nor for a word that opens with its own circle."""
    page = np.full((60, 200), 255, np.uint8)
    page[20:40, 20:60] = 0
    word = OcrWord("@)", 20, 20, 60, 40, 40.0, (1, 1, 1))
    out = read_cited_code(word, page, _CodeGlyphs("๕?", ["o5"]), after_circle=True)
    assert (out.text, out.source) == ("o5)", "numerals")
    assert read_cited_code(word, page, _CodeGlyphs("๕?", ["o5"])).text == "@)"  # no circle before it
    word2 = OcrWord("bo),", 20, 20, 60, 40, 40.0, (1, 1, 1))
    assert read_cited_code(word2, page, _CodeGlyphs("๒๐??", ["o20"]), after_circle=True).text == "o20),"
    word3 = OcrWord("o38)", 20, 20, 60, 40, 90.0, (1, 1, 1))
    assert read_cited_code(word3, page, _CodeGlyphs("๐๓๘?", ["o38"]), after_circle=True).text == "o38)"


def test_a_lone_circle_before_a_cited_word_marks_it_as_carrying_the_code_on():
    class ByWidth(_CodeGlyphs):
        """A circle in a narrow crop (the lone ``0``), ``๕)`` in a wide one."""

        def classify_glyphs(self, crop):
            return [GlyphGuess("๐", 0.9, PixelBox(0, 0, 8, 10))] if crop.shape[1] < 20 else super().classify_glyphs(crop)

    page = np.full((60, 300), 255, np.uint8)
    page[20:40, 20:30] = 0
    page[20:40, 100:140] = 0
    words = [OcrWord("(อ้างอิงจาก", 20, 0, 90, 10, 90.0, (1, 1, 1)), OcrWord("0", 20, 20, 30, 40, 90.0, (1, 1, 1)),
             OcrWord("@)", 100, 20, 140, 40, 40.0, (1, 1, 1))]
    out = NumeralTokenReader(None, ByWidth("๕?", ["o5"])).in_context(words, page, 300)
    assert [w.text for w in out[1:]] == ["0", "o5)"]


@needs_fonts
@pytest.mark.parametrize("digits, text, want", [("๒๐", "bo)", "o20)"), ("๕", "@)", "o5)"), ("๓๗", "oxi,", "o37,")])
def test_a_codes_digits_on_the_line_after_its_circle_are_read_from_the_image(rec, digits, text, want):
    page, word = on_page(crop_of(digits, 300, seed=7), text, 40.0)
    assert read_cited_code(word, page, rec, after_circle=True).text == want


@needs_fonts
def test_a_year_after_the_era_read_as_latin_is_read_from_the_image(rec):
    """``ตลอดปีงบประมาณ พ.ศ. ๒๕๖๖`` (dev seed 116, E-scan300, page 4): Tesseract read the year ``b&b`` (42 %),
    which no digit rule looks at; the period lost its year. After an era's abbreviation (or ``ปีงบประมาณ``) a
    word with no Thai letter and no year's digits is read as a number, and kept when it is a year."""
    page, word = on_page(crop_of("๒๕๖๖", 300, seed=3), "b&b", 42.0)
    era = OcrWord("พ.ศ.", 0, word.top, max(1, word.x0 - 10), word.bottom, 91.0, word.line_key)
    out = NumeralTokenReader(None, rec).in_context([era, word], page, 300)
    assert [w.text for w in out] == ["พ.ศ.", "2566"]
    # a word with Thai letters after the era is text, and one after another word is not looked at
    text = OcrWord("ถึง", word.x0, word.top, word.x1, word.bottom, 91.0, word.line_key)
    assert NumeralTokenReader(None, rec).in_context([era, text], page, 300)[1].text == "ถึง"
    other = OcrWord("ตลอด", 0, word.top, max(1, word.x0 - 10), word.bottom, 91.0, word.line_key)
    assert NumeralTokenReader(None, rec).in_context([other, word], page, 300)[1].text == "b&b"


@pytest.mark.parametrize("name, tesseract, want", [
    ("issue-9-mark-of-next-line", "006)", "034)"),
    ("issue-9-mark-of-line-above", "๐๑๑๕)", "014)"),
])
def test_a_mark_of_a_neighbour_line_in_a_cited_code_is_no_glyph_of_it(rec, name, tesseract, want):
    """Issue 9 (dev scans, 300 dpi): the word's box of a cited code reached the next line's ``้`` (read as a
    fourth digit ``๓``, so no code) or the line above's tone mark (joined to ``๑``, read as a point). Neither
    has a digit standing in its rows: both are dust, and the code reads whole."""
    from PIL import Image

    crop = np.asarray(Image.open(FIXTURES / f"{name}.png"))
    page, word = on_page(crop, tesseract, 56.0)
    assert NumeralTokenReader(None, rec)(word, page, 300).text == want


def test_a_light_year_after_a_month_read_as_thai_letters_is_read_from_its_heavier_ink(rec):
    """``มกราคม ๒๕๖๗`` (dev seed 142, G-scan300, last page): a light print's strokes broke, Tesseract read the year
    as ``เวอลาแป`` and the recognizer reads ``??56?11?``; the period lost its dates. After a month's name a year
    stands: the word is read again, and its ink made heavier reads ``2567`` surely in two views, no other year."""
    from PIL import Image

    crop = np.asarray(Image.open(FIXTURES / "issue-9-broken-year-after-month.png"))
    page, word = on_page(crop, "เวอลาแป", 53.0)
    month = OcrWord("มกราคม", 0, word.top, max(1, word.x0 - 10), word.bottom, 93.0, word.line_key)
    assert rec.read_number(crop).confidence < 0.5  # the plain reading is no year
    out = NumeralTokenReader(None, rec).in_context([month, word], page, 300)
    assert [w.text for w in out] == ["มกราคม", "2567"]
    other = OcrWord("งานพัสดุ", 0, word.top, max(1, word.x0 - 10), word.bottom, 93.0, word.line_key)
    assert NumeralTokenReader(None, rec).in_context([other, word], page, 300)[1].text == "เวอลาแป"


def test_arabic_digits_tesseract_read_surely_keep_a_faint_digit_the_recognizer_lost(rec):
    """dev seed 257 (B-scan300): a score ``97.13`` whose ``9`` printed faint. Tesseract read it ``97.13`` at 91 %;
    the recognizer saw three digits, ``7.13``, sure enough to replace it, and the score lost its tens. Arabic digits
    Tesseract read at 90 % or more keep their places when the recognizer reads fewer
    (``tests/fixtures/numerals/issue-9-faint-nine-arabic.png``, the word cut from the page with a margin)."""
    import cv2

    page = cv2.imread(str(FIXTURES / "issue-9-faint-nine-arabic.png"), cv2.IMREAD_GRAYSCALE)
    word = OcrWord("97.13", 30, 30, 119, 57, 91.3, (1, 1, 1))
    assert NumeralTokenReader(None, rec)(word, page, 300).text == "97.13"
    # read unsurely by Tesseract, the recognizer's digits stand (what it saw is all there is to go on)
    assert NumeralTokenReader(None, rec)(OcrWord("97.13", 30, 30, 119, 57, 80.0, (1, 1, 1)), page, 300).text == "7.13"
