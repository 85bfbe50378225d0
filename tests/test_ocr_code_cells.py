"""Issue 9: cited codes Tesseract garbled beside a readable label, read again from their ink in several views
(:mod:`extract.ocr.code_cells`)."""
from __future__ import annotations

import numpy as np
import pytest

from extract.numerals.recognizer import GlyphGuess, Reading, Recognizer
from extract.numerals.train import font_files, render
from extract.ocr.code_cells import (_line_end, clean_list, cited_span, known_oit_code, listed_codes, reread_cited_codes,
                                    voted_code_list)
from extract.ocr.engine import OcrWord
from ita_extract.page import PixelBox

FONTS = font_files("Norasi")
needs_fonts = pytest.mark.skipif(not FONTS, reason="fonts-thai-tlwg missing (scripts/setup.sh)")

DPI = 300
LINE = (1, 1, 4)


def page_with(text: str, x: int = 400) -> tuple[np.ndarray, tuple[int, int, int, int]]:
    """A line of a page with ``text`` (Thai digits, 16 pt) printed at ``x``; the ink's box."""
    glyphs = render(text, FONTS[0], 16 * DPI / 72, ink=40, paper=235, pad=0.3)
    page = np.full((200, 1200), 235, np.uint8)
    h, w = glyphs.shape
    y = 60
    page[y:y + h, x:x + w] = glyphs
    pad = int(0.3 * 16 * DPI / 72)
    return page, (x + pad, y + pad, x + w - pad, y + h - pad)


def word(text: str, box: tuple[int, int, int, int], conf: float = 90.0) -> OcrWord:
    return OcrWord(text, *box, conf, LINE)


def label(box: tuple[int, int, int, int]) -> OcrWord:
    """The label read well, left of the code's ink (its own ink is not needed to read the code)."""
    return OcrWord("(อ้างอิงจาก", box[0] - 260, box[1] - 10, box[0] - 20, box[3] + 10, 93.0, LINE)


@pytest.fixture(scope="module")
def rec() -> Recognizer:
    return Recognizer.load()


@needs_fonts
def test_codes_read_as_thai_letters_beside_a_label_are_read_from_their_ink(rec):
    """``๐๗,๐๘)``: Tesseract, without ๗ and ๘, writes ``๐ฒ,๐๕)`` (sure of it); the ink reads o7,o8."""
    page, box = page_with("๐๗,๐๘)")
    words = [label(box), word("๐ฒ,๐๕)", box), word("บนเว็บไซต์", (box[2] + 20, box[1], box[2] + 300, box[3]))]
    out = reread_cited_codes(words, page, rec)
    assert [w.text for w in out] == ["(อ้างอิงจาก", "o7,o8)", "บนเว็บไซต์"]
    assert out[1].source == "numerals"


@needs_fonts
def test_a_list_split_into_several_garbled_words_becomes_one(rec):
    """``0 | ฒ,0 | 7@08)`` over ``๐๗,๐๘)``: the words after the label up to the bracket are one list."""
    page, box = page_with("๐๗,๐๘)")
    x0, y0, x1, y1 = box
    third = (x1 - x0) // 3
    words = [label(box), word("0", (x0, y0, x0 + third - 4, y1)), word("ฒ,0", (x0 + third, y0, x0 + 2 * third, y1)),
             word("7@08)", (x0 + 2 * third + 4, y0, x1, y1)), word("บนเว็บไซต์", (x1 + 20, y0, x1 + 300, y1))]
    assert [w.text for w in reread_cited_codes(words, page, rec)] == ["(อ้างอิงจาก", "o7,o8)", "บนเว็บไซต์"]


@needs_fonts
def test_a_tail_after_the_bracket_is_kept(rec):
    page, box = page_with("๐๑๖)")
    words = [label(box), word("๐๑ว)</6>", box)]
    assert [w.text for w in reread_cited_codes(words, page, rec)] == ["(อ้างอิงจาก", "o16)</6>"]


@needs_fonts
def test_a_code_no_word_was_read_for_is_read_in_the_gap_after_the_label(rec):
    page, box = page_with("๐๔)")
    words = [label(box), word("ให้มีความชัดเจน", (box[2] + 30, box[1], box[2] + 400, box[3]))]
    assert [w.text for w in reread_cited_codes(words, page, rec)] == ["(อ้างอิงจาก", "o4", "ให้มีความชัดเจน"]


@needs_fonts
def test_a_clean_reading_stays_whatever_the_ink_reads(rec):
    """Tesseract's clean list of known codes is not second-guessed (the ink is ๐๗, the word o21)."""
    page, box = page_with("๐๗)")
    words = [label(box), word("o21)", box)]
    assert [w.text for w in reread_cited_codes(words, page, rec)] == ["(อ้างอิงจาก", "o21)"]


@needs_fonts
def test_a_clean_list_naming_a_code_twice_is_read_from_its_ink(rec):
    """dev seed 115 (D-scan300): ``(อ้างอิงจาก ๐๘,๐๙)`` read ``o8`` ``,o8)``, both sure. A list cites each code once,
    so a code named twice is a misread digit: the ink's views read o8,o9. A list the views also read with a code
    twice stays as Tesseract read it."""
    page, box = page_with("๐๘,๐๙)")
    x0, y0, x1, y1 = box
    half = (x1 - x0) // 2
    words = [label(box), word("o8", (x0, y0, x0 + half - 4, y1), 97.0), word(",o8)", (x0 + half, y0, x1, y1), 97.0)]
    assert [w.text for w in reread_cited_codes(words, page, rec)] == ["(อ้างอิงจาก", "o8,o9)"]
    page, box = page_with("๐๘,๐๘)")
    assert [w.text for w in reread_cited_codes(words, page, rec)] == ["(อ้างอิงจาก", "o8", ",o8)"]


@needs_fonts
def test_a_code_no_questionnaire_holds_is_refused(rec):
    """The ink reads o82 surely; no fiscal year has an item o82: the words stay as read."""
    page, box = page_with("๐๘๒)")
    words = [label(box), word("๐๕ฒ)", box)]
    assert [w.text for w in reread_cited_codes(words, page, rec)] == ["(อ้างอิงจาก", "๐๕ฒ)"]


@needs_fonts
def test_the_years_check_refuses_a_code_it_does_not_know(rec):
    page, box = page_with("๐๗)")
    words = [label(box), word("๐ฒ)", box)]
    assert [w.text for w in reread_cited_codes(words, page, rec, known=lambda c: c != "o7")] == ["(อ้างอิงจาก", "๐ฒ)"]
    assert [w.text for w in reread_cited_codes(words, page, rec)] == ["(อ้างอิงจาก", "o7)"]


class SplitViews:
    """Reads a sure code at each view, alternating between two (a speck, a broken stroke)."""

    def __init__(self, codes: tuple[str, ...]):
        self.codes, self.n = codes, 0

    def classify_glyphs(self, crop):
        return [GlyphGuess("๐", 0.9, PixelBox(0, 0, 5, 10)), GlyphGuess("๗", 0.9, PixelBox(6, 0, 11, 10))]

    def read_code(self, crop, hint=None):
        self.n += 1
        return Reading(self.codes[self.n % len(self.codes)], 0.95, ())


def test_views_split_between_two_lists_read_none():
    crop = np.full((20, 40), 235, np.uint8)
    crop[5:15, 5:35] = 40
    assert voted_code_list(SplitViews(("o23", "o27")), crop) is None
    assert voted_code_list(SplitViews(("o27",)), crop) == ("o27",)


def test_a_recognizer_without_code_reading_changes_nothing():
    words = [word("(อ้างอิงจาก", (0, 0, 100, 30)), word("๐ฒ)", (110, 0, 150, 30))]
    assert reread_cited_codes(words, np.full((40, 200), 235, np.uint8), object()) == words


def test_clean_lists_and_spans():
    assert clean_list("0 o5)") and clean_list("๐๑๐)") and clean_list("o23 ,o24)")
    assert not clean_list("๐ฒ,๐๕)") and not clean_list("o82)") and not clean_list(")")
    assert known_oit_code("o43") and not known_oit_code("o82")
    w = lambda t: word(t, (0, 0, 9, 9))  # noqa: E731
    assert cited_span([w("(อ้างอิงจาก"), w("o5"), w("และรายงาน")], 0) == [1]
    assert cited_span([w("(อ้างอิงจาก"), w("ให้มี")], 0) == []


class Blind:
    """A recognizer that reads no code in any view (a font whose digits it was not trained on)."""

    def classify_glyphs(self, crop):
        return []

    def read_code(self, crop, hint=None):
        return Reading("", 0.0, ())


class Engine:
    """Reads the given texts at successive scales."""

    def __init__(self, *texts: str):
        self.texts, self.n = texts, 0

    def read_word(self, crop, dpi):
        text = self.texts[self.n % len(self.texts)]
        self.n += 1
        return text, 90.0


def gap_page() -> tuple[np.ndarray, list[OcrWord]]:
    page = np.full((200, 1200), 235, np.uint8)
    page[70:100, 420:500] = 40  # the code's ink in the gap
    return page, [word("(อ้างอิงจาก", (150, 60, 390, 110)), word("ให้มีความชัดเจน", (540, 60, 900, 110))]


def test_a_blank_gap_the_recognizer_cannot_read_is_read_by_the_engine_at_every_scale():
    page, words = gap_page()
    assert [w.text for w in reread_cited_codes(words, page, Blind(), Engine("๐๓)"))] == \
        ["(อ้างอิงจาก", "o3", "ให้มีความชัดเจน"]


@pytest.mark.parametrize("texts", [("๐๓)", "๐๓)", "๐๕)"), ("๐ฆ)",), ("๐๘๒)",)])
def test_the_engine_reading_a_gap_unsurely_or_garbled_or_unknown_adds_nothing(texts):
    page, words = gap_page()
    assert reread_cited_codes(words, page, Blind(), Engine(*texts)) == words


def test_the_engine_never_reads_again_words_it_garbled():
    """Where Tesseract wrote a word (``๐ฆ,๐๕)``), its Thai model, without ๗ ๘, is no second opinion."""
    page, words = gap_page()
    words = [words[0], word("๐ฆ,๐๕)", (410, 65, 510, 105)), words[1]]
    assert reread_cited_codes(words, page, Blind(), Engine("๐๓)")) == words


def test_a_gap_wider_than_a_list_is_another_columns_and_never_read():
    page, words = gap_page()
    words = [words[0], word("ให้มีความชัดเจน", (390 + 50 * 7, 60, 1190, 110))]
    assert reread_cited_codes(words, page, Blind(), Engine("๐๓)")) == words


@needs_fonts
def test_a_clean_list_read_unsurely_is_the_one_every_view_reads(rec):
    """``013)`` at 78 over ``๐๔)``: Tesseract has no ๔; every sure view of the ink reads o4."""
    page, box = page_with("๐๔)")
    assert [w.text for w in reread_cited_codes([label(box), word("013)", box, conf=78.0)], page, rec)] == \
        ["(อ้างอิงจาก", "o4)"]


class Sequence_:
    """Reads the given codes at successive views."""

    def __init__(self, *codes: str):
        self.codes, self.n = codes, 0

    def classify_glyphs(self, crop):
        return [GlyphGuess("๐", 0.9, PixelBox(0, 0, 5, 10)), GlyphGuess("๔", 0.9, PixelBox(6, 0, 11, 10))]

    def read_code(self, crop, hint=None):
        code = self.codes[self.n % len(self.codes)]
        self.n += 1
        return Reading(code, 0.95, ())


def test_a_clean_list_stands_when_one_sure_view_reads_it_otherwise():
    page = np.full((200, 1200), 235, np.uint8)
    page[70:100, 420:500] = 40
    box = (420, 70, 500, 100)
    words = [label(box), word("o13)", box, conf=78.0)]
    assert reread_cited_codes(words, page, Sequence_(*["o4"] * 7, "o13")) == words
    # a garbled reading is replaced by the same votes
    garbled = [label(box), word("๐ฆ)", box, conf=78.0)]
    assert [w.text for w in reread_cited_codes(garbled, page, Sequence_(*["o4"] * 7, "o13"))] == \
        ["(อ้างอิงจาก", "o4)"]


def test_a_clean_list_read_unsurely_is_never_cut_short_by_the_views():
    """A clean list of two codes read unsurely (``O12,`` in a serif face, marks of the line below in its crop):
    every view reading one code of it only is no reason to drop the other."""
    page = np.full((200, 1200), 235, np.uint8)
    page[70:100, 420:600] = 40
    words = [label((420, 70, 600, 100)), word("o12,", (420, 70, 500, 100), conf=48.0),
             word("o13)", (510, 70, 600, 100), conf=93.0)]
    assert reread_cited_codes(words, page, Sequence_("o13")) == words


def test_a_code_wrapped_to_the_next_line_with_no_word_read_is_read_at_its_start():
    """The label ends its line; the next line's first word stands right of the column's start: the gap holds
    the code (``o23) ให้ครอบคลุม``)."""
    page = np.full((300, 1200), 235, np.uint8)
    page[170:200, 160:230] = 40
    words = [OcrWord("ความเสี่ยงการทุจริต", 150, 60, 700, 110, 92.0, (1, 1, 1)),
             OcrWord("(อ้างอิงจาก", 720, 60, 960, 110, 92.0, (1, 1, 1)),
             OcrWord("ให้ครอบคลุม", 260, 160, 700, 210, 92.0, (1, 1, 2))]
    out = reread_cited_codes(words, page, Blind(), Engine("o23) ให"))
    assert [w.text for w in out] == ["ความเสี่ยงการทุจริต", "(อ้างอิงจาก", "o23", "ให้ครอบคลุม"]
    assert out[2].line_key == (1, 1, 2)


class TwoCodes:
    """Reads two codes in every view: ``first`` then ``second``."""

    def __init__(self, first: str, second: str):
        self.codes, self.n = (first, second), 0

    def classify_glyphs(self, crop):
        return [GlyphGuess(c, 0.9, PixelBox(6 * k, 0, 6 * k + 5, 10)) for k, c in enumerate("๐๑๒,๐๑๓")]

    def read_code(self, crop, hint=None):
        code = self.codes[self.n % 2]
        self.n += 1
        return Reading(code, 0.95, ())


def cut_short_page() -> tuple[np.ndarray, list[OcrWord]]:
    page = np.full((200, 1200), 235, np.uint8)
    page[70:100, 420:620] = 40  # o12 and the unread ", o13)" after it
    return page, [word("(อ้างอิงจาก", (150, 60, 390, 110)), word("o12", (420, 70, 480, 100), conf=95.0),
                  word("บนเว็บไซต์หลัก", (640, 60, 1000, 110))]


def test_a_clean_list_cut_short_by_a_blank_gap_is_read_on_into_it():
    """``(อ้างอิงจาก o12 ▯▯▯▯ บนเว็บไซต์``: no bracket closes the list, and ink no word was read for follows."""
    page, words = cut_short_page()
    assert [w.text for w in reread_cited_codes(words, page, TwoCodes("o12", "o13"))] == \
        ["(อ้างอิงจาก", "o12,o13", "บนเว็บไซต์หลัก"]


def test_a_reading_on_that_does_not_begin_with_the_words_codes_changes_nothing():
    page, words = cut_short_page()
    assert reread_cited_codes(words, page, TwoCodes("o15", "o13")) == words
    closed = [words[0], word("o12)", (420, 70, 480, 100), conf=95.0), words[2]]
    assert reread_cited_codes(closed, page, TwoCodes("o12", "o13")) == closed  # a bracket closes it


def test_a_word_of_another_tesseract_line_beside_the_label_opens_no_gap_over_the_label():
    page = np.full((300, 1200), 235, np.uint8)
    page[70:100, 420:500] = 40
    words = [OcrWord("(อ้างอิงจาก", 300, 60, 390, 110, 92.0, (1, 1, 1)),
             OcrWord("ให้มีความชัดเจน", 560, 62, 900, 108, 92.0, (1, 2, 1))]
    assert reread_cited_codes(words, page, Blind(), Engine("o23)")) == words


class OneCode:
    """Reads the words' own code and nothing after it in every view (a digit it cannot read surely)."""

    def classify_glyphs(self, crop):
        return [GlyphGuess(c, 0.9, PixelBox(6 * k, 0, 6 * k + 5, 10)) for k, c in enumerate("๐๑๒")]

    def read_code(self, crop, hint=None):
        return Reading("o12", 0.95, ())


def test_a_list_the_recognizer_cannot_read_on_is_read_on_by_the_engine_at_enough_scales():
    """``o12 ▯▯▯▯ บนเว็บไซต์`` where the recognizer reads ๑๓ unsurely: two scales of the engine read the list
    whole, the others no clean list (a Latin-shaped circle read ``20๑๒``)."""
    page, words = cut_short_page()
    noisy = Engine("0๑๒, ๐9๑๓)", "209๑๒, 9๑๓)", "0๑๒, 0๑๓)", "0๑๒, 0๑๓)", "20๑๒, 05๑๓)")
    assert [w.text for w in reread_cited_codes(words, page, OneCode(), noisy)] == \
        ["(อ้างอิงจาก", "o12,o13", "บนเว็บไซต์หลัก"]
    once = Engine("0๑๒, ๐9๑๓)", "209๑๒, 9๑๓)", "0๑๒, 0๑๓)", "20๑๒, 05๑๓)", "20๑๒, 05๑๓)")
    assert reread_cited_codes(words, page, OneCode(), once) == words  # one scale is no quorum
    split = Engine("0๑๒, 0๑๓)", "0๑๒, 0๑๓)", "0๑๒, 0๑๕)", "0๑๒, 0๑๓)", "0๑๒, 0๑๓)")
    assert reread_cited_codes(words, page, OneCode(), split) == words  # scales reading two lists decide nothing


def line_end_page(rule: bool) -> tuple[np.ndarray, list[OcrWord]]:
    """``(อ้างอิงจาก o12`` ending its line, ink (``, o13)``) after it that no word was read for; a cell's rule
    further right when ``rule``; the next line below."""
    page = np.full((300, 1200), 235, np.uint8)
    page[70:100, 420:480] = 40  # o12
    page[70:100, 495:600] = 40  # the unread rest of the list
    if rule:
        page[20:280, 640:644] = 40
    return page, [word("(อ้างอิงจาก", (150, 60, 390, 110)), word("o12", (420, 70, 480, 100), conf=95.0),
                  OcrWord("เพื่อลดการใช้", 150, 130, 500, 170, 92.0, (1, 1, 5))]


@pytest.mark.parametrize("rule", [False, True])
def test_a_clean_list_ending_its_line_with_ink_after_it_is_read_on_into_that_ink(rule):
    page, words = line_end_page(rule)
    out = reread_cited_codes(words, page, TwoCodes("o12", "o13"))
    assert [w.text for w in out] == ["(อ้างอิงจาก", "o12,o13", "เพื่อลดการใช้"]
    box = _line_end(words, 0, [1], page)  # the ink read on into: up to the list's end, never the rule
    assert 595 <= box.x1 < 640 and box.x0 == 420


def test_a_clean_list_ending_its_line_with_no_ink_after_it_or_a_bracket_is_left_alone():
    page, words = line_end_page(False)
    page[70:100, 495:600] = 235  # nothing after o12 on its line
    assert reread_cited_codes(words, page, TwoCodes("o12", "o13")) == words
    page, words = line_end_page(False)
    closed = [words[0], word("o12)", (420, 70, 480, 100), conf=95.0), words[2]]
    assert reread_cited_codes(closed, page, TwoCodes("o12", "o13")) == closed


@needs_fonts
def test_a_mark_of_the_line_above_on_a_codes_circle_is_no_part_of_it(rec):
    """``(อ้างอิงจาก ๐๙)`` with the ``ุ`` of the line above just over the ``๐``: joined to the circle, the recognizer
    read one glyph (``8``) and no code; the mark lies wholly above the line's glyphs and is left out."""
    page, box = page_with("๐๙)")
    x0, y0, x1, y1 = box
    h = y1 - y0
    mark = render("ุ", FONTS[0], 16 * DPI / 72, ink=40, paper=235, pad=0.0)
    ys, xs = np.nonzero(mark < 150)
    mark = mark[ys.min():ys.max() + 1, xs.min():xs.max() + 1]
    top = y0 - mark.shape[0] - max(2, h // 12)
    page[top:top + mark.shape[0], x0 + 4:x0 + 4 + mark.shape[1]] = np.minimum(
        page[top:top + mark.shape[0], x0 + 4:x0 + 4 + mark.shape[1]], mark)
    tall = (x0, top, x1, y1)  # Tesseract's box reaches up to the mark
    words = [label(box), word("oa)", tall, 67.0), word("และเผยแพร่", (x1 + 20, y0, x1 + 300, y1))]
    out = reread_cited_codes(words, page, rec)
    assert [w.text for w in out] == ["(อ้างอิงจาก", "o9)", "และเผยแพร่"]


def test_a_list_whose_last_code_no_word_was_read_for_reads_on_past_its_joiner():
    """``(อ้างอิงจาก o12 และ ▯▯▯▯ บนเว็บไซต์``: the list goes on after ``และ``; read on into the gap, the two codes
    keep their joiner. Without the joiner's gap (the next word right after it) nothing changes."""
    page = np.full((200, 1200), 235, np.uint8)
    page[70:100, 420:480] = 40
    page[70:100, 560:640] = 40  # the unread ``o13)``
    words = [word("(อ้างอิงจาก", (150, 60, 390, 110)), word("o12", (420, 70, 480, 100), conf=95.0),
             word("และ", (495, 60, 545, 110)), word("บนเว็บไซต์หลัก", (660, 60, 1000, 110))]
    assert [w.text for w in reread_cited_codes(words, page, TwoCodes("o12", "o13"))] == \
        ["(อ้างอิงจาก", "o12 และ o13", "บนเว็บไซต์หลัก"]
    tight = [*words[:3], word("บนเว็บไซต์หลัก", (555, 60, 900, 110))]
    assert reread_cited_codes(tight, page, TwoCodes("o12", "o13")) == tight


def test_a_wide_space_after_a_joiner_before_the_lists_last_code_is_no_lost_code():
    """``(อ้างอิงจาก o12 และ   o13)``: Tesseract read every code; the gap after ``และ`` is only wide. Reading on
    into it (up to ``o13)``) wrote ``o13`` twice."""
    page = np.full((200, 1200), 235, np.uint8)
    page[70:100, 420:480] = 40
    page[70:100, 600:680] = 40
    words = [word("(อ้างอิงจาก", (150, 60, 390, 110)), word("o12", (420, 70, 480, 100), conf=95.0),
             word("และ", (495, 60, 545, 110)), word("o13)", (600, 70, 680, 100), conf=95.0),
             word("ให้ครบถ้วน", (700, 60, 1000, 110))]
    assert reread_cited_codes(words, page, TwoCodes("o12", "o13")) == words


def test_a_lists_closing_bracket_joined_to_its_last_digit_is_no_part_of_it(rec):
    """dev seed 252 (U-scan300): ``(อ้างอิงจาก ๐๑๓,๐๑๔)``; blur joined the ``)`` to the ``๔``, and every view of the
    list read the joined glyph as ``๘`` (``o13,o18``). A last glyph wider and taller than the digits before it,
    reaching above and below them, is a digit joined to the bracket: the code is read without the bracket's width,
    and that reading stands when it is sure and keeps every glyph. The crop is the list's ink as the page read cut
    it (``tests/fixtures/numerals/issue-9-bracket-joined-list.png``)."""
    import cv2
    from tests.test_numerals import FIXTURES

    crop = cv2.imread(str(FIXTURES / "issue-9-bracket-joined-list.png"), cv2.IMREAD_GRAYSCALE)
    assert voted_code_list(rec, crop) == ("o13", "o14")


@pytest.mark.parametrize("fixture, codes", [("issue-9-one-digit-code-bracket-joined.png", ("o3",)),
                                             ("issue-9-latin-circle-code-bracket-joined.png", ("o3",)),
                                             ("issue-9-latin-circle-two-digits-bracket-joined.png", ("o12",))])
def test_a_bracket_joined_to_the_digit_after_a_circle_alone_or_a_latin_circle_is_no_part_of_it(rec, fixture, codes):
    """``bench_numerals --codes`` (Garuda ``๐๓)``, Kinnari Bold ``O๓)``, Loma Bold ``O๑๒)``, drawn and blurred): the
    thinner views join the ``)`` to the last digit and read ``๓)`` as ``๗``, ``๒)`` as ``๑`` (``o7``, ``o11``). The
    joined glyph was measured against the glyphs before it: a one-digit code has only its circle, so no gap
    between digits to follow as closely, and a Latin ``O`` is a capital, as tall as the bracket, so the bracket
    never reached above it. The digits are the measure now, the circle alone only for a one-digit code (its top for
    a Latin one, a quarter of its height for the gap)."""
    import cv2
    from tests.test_numerals import FIXTURES

    crop = cv2.imread(str(FIXTURES / fixture), cv2.IMREAD_GRAYSCALE)
    assert voted_code_list(rec, crop) == codes


def test_a_thin_serif_circle_the_thinner_views_break_is_read_by_heavier_views(rec):
    """dev seed 260 (E-scan300): ``(อ้างอิงจาก ๐๓๘)</p>`` in a thin serif face, read ``๐๑๓๕)ง0>`` at 22 %. The
    code's circle is two hairlines: every thinner view but the ink as it is breaks it into ``(`` and ``)``, no digit,
    so one view reads ``o38`` and none other reads a list, too few to decide. Views of the ink made heavier read
    ``o38`` too, and decide it (``tests/fixtures/numerals/issue-9-thin-serif-circle-list.png``, the line cut from the
    page)."""
    import cv2
    from tests.test_numerals import FIXTURES

    from extract.ocr.code_cells import code_list_votes

    page = cv2.imread(str(FIXTURES / "issue-9-thin-serif-circle-list.png"), cv2.IMREAD_GRAYSCALE)
    line = (20, 1, 18)
    words = [OcrWord("(อ้างอิงจาก", 20, 30, 223, 85, 92.1, line), OcrWord("๐๑๓๕)ง0>", 243, 30, 395, 85, 22.2, line)]
    thin = code_list_votes(rec, page[30:85, 243:395])
    assert sum(thin.values()) < 4  # too few thinner views read a list
    out = reread_cited_codes(words, page, rec)
    assert out[1].text.startswith("o38") and out[1].source == "numerals"


def test_heavier_views_never_cut_a_list_short(rec):
    """dev seed 258 (C-scan300): ``(อ้างอิงจาก ๐๑๑ และ ๐๑๒)`` read ``1 และ o12)``: the first code's circle faint, lost
    by most views. Two thinner views read ``o12`` alone, too few; heavier views read ``o12`` alone too, which would
    make four: a list cut short (its words hold a joiner, so two codes at least), and views whose ``1 1`` stands
    in no code read no list at all (``tests/fixtures/numerals/issue-9-list-circle-lost.png``)."""
    import cv2
    from tests.test_numerals import FIXTURES

    page = cv2.imread(str(FIXTURES / "issue-9-list-circle-lost.png"), cv2.IMREAD_GRAYSCALE)
    line = (9, 1, 9)
    words = [OcrWord("(อ้างอิงจาก", 20, 30, 181, 83, 92.1, line), OcrWord("1", 204, 44, 250, 69, 78.1, line),
             OcrWord("และ", 271, 30, 328, 83, 93.2, line), OcrWord("o12)", 347, 43, 413, 73, 89.8, line)]
    out = reread_cited_codes(words, page, rec)
    assert [w.text for w in out][1:] != ["o12)"] and all(w.text != "o12)" or w.source != "numerals" for w in out)
    assert "o12)" in [w.text for w in out] and "1" in [w.text for w in out]  # left as Tesseract read it


@pytest.mark.parametrize("span, heavy, read", [
    (True, {("o38",): 3}, ("o38",)),            # heavier views side with the one thinner view: decided
    (True, {("o1",): 6}, None),                 # heavier views against the thinner views' list: none
    (False, {("o1",): 6}, None),                # a blank gap (no word): the engine's place, never the heavier views'
])
def test_heavier_views_only_back_the_thinner_views_list_of_a_garbled_span(monkeypatch, span, heavy, read):
    """dev seed 184 (A-scan300): a blank gap after the label whose ``๐๓`` three thinner views read ``o3`` (too few)
    and every heavier view ``o1``; the engine read ``o3``. Heavier views vote only on a garbled list of words, and
    only for the list the thinner views read most."""
    from extract.ocr import code_cells

    thin = {("o38",): 1} if read == ("o38",) else {("o3",): 3}
    monkeypatch.setattr(code_cells, "code_list_votes", lambda rec, crop, heavy_=False, **k:
                        dict(heavy) if k.get("heavy") else dict(thin))
    page = np.full((100, 600), 235, np.uint8)
    page[40:60, 230:300] = 40
    words = [word("(อ้างอิงจาก", (10, 30, 220, 70))] + ([word("๐๑๓๕)ง0>", (230, 35, 300, 65), 22.0)] if span else []) \
        + [word("ในจุดที่", (330, 30, 450, 70))]
    found = code_cells.read_citation(words, 0, page, Recognizer.__new__(Recognizer))
    assert (found[1] if found else None) == read


def test_a_blank_gaps_code_the_engine_misreads_is_the_one_thinner_views_read_and_heavier_views_back(rec):
    """dev seed 185 (B-scan300): ``(อ้างอิงจาก O8) และ`` in a serif face, no word read for ``O8)``. The engine read
    ``o5`` at every scale, and only two thinner views read ``o8``, too few to veto it. The list the thinner views
    read most, backed by views of the ink made heavier, stands over the engine's (here ``o5)`` stands in for the
    engine's reading; the line is cut from the page, ``tests/fixtures/numerals/issue-9-serif-latin-circle-gap.png``)."""
    import cv2
    from tests.test_numerals import FIXTURES

    page = cv2.imread(str(FIXTURES / "issue-9-serif-latin-circle-gap.png"), cv2.IMREAD_GRAYSCALE)
    line = (29, 7, 2)
    words = [OcrWord("(อ้างอิงจาก", 18, 25, 188, 73, 92.2, line), OcrWord("และ", 281, 41, 336, 63, 93.1, line)]
    assert [w.text for w in reread_cited_codes(words, page, rec, Engine("o5)"))] == ["(อ้างอิงจาก", "o8", "และ"]


def test_a_clean_list_read_surely_with_a_digit_tesseract_lacks_in_its_ink_is_what_every_view_reads(rec):
    """dev seed 193 (J-scan300): ``(อ้างอิงจาก ๐๑๘)`` read ``๐๑๕)`` at 92 %, a clean list read surely, so it stood.
    Tesseract's Thai model has no ``๘``: it wrote the ``๕`` it has. Where the ink's first reading has a digit the
    model lacks in place of the one it wrote, every view decides: all eight read ``o18`` (the line is cut from the
    page, ``tests/fixtures/numerals/issue-9-sure-clean-list-digit-engine-lacks.png``). A sure clean list the ink
    reads alike, or with a digit the model has, stands as before."""
    import cv2
    from tests.test_numerals import FIXTURES

    page = cv2.imread(str(FIXTURES / "issue-9-sure-clean-list-digit-engine-lacks.png"), cv2.IMREAD_GRAYSCALE)
    line = (12, 3, 1)
    words = [OcrWord("(อ้างอิงจาก", 15, 23, 202, 84, 91.4, line), OcrWord("๐๑๕)", 220, 23, 297, 84, 91.8, line),
             OcrWord("ให้บุคลากรทราบ", 316, 23, 583, 84, 93.2, line)]
    assert [w.text for w in reread_cited_codes(words, page, rec)][:2] == ["(อ้างอิงจาก", "o18)"]
    right = [words[0], OcrWord("๐๑๘)", 220, 23, 297, 84, 91.8, line), words[2]]
    assert reread_cited_codes(right, page, rec) == right


def test_a_clean_list_the_recognizer_read_unsurely_is_the_list_the_other_views_read_and_heavier_views_back(rec):
    """dev seed 141 (F-scan300): ``(อ้างอิงจาก ๐๑๖)`` read ``0`` ``o11)`` (88 %) by the recognizer: a clean list read
    unsurely. Seven thinner views read ``o16``, one ``o11``, so not every view read one other list, and it stood.
    The recognizer's word is one view of the ink, no second reader's: the list the thinner views read by a margin
    over it, and heavier views back, replaces it (the line is cut from the page,
    ``tests/fixtures/numerals/issue-9-unsure-clean-list-one-view.png``)."""
    import cv2
    from tests.test_numerals import FIXTURES

    page = cv2.imread(str(FIXTURES / "issue-9-unsure-clean-list-one-view.png"), cv2.IMREAD_GRAYSCALE)
    line = (9, 1, 10)
    words = [OcrWord("(อ้างอิงจาก", 21, 24, 181, 72, 91.4, line),
             OcrWord("0", 195, 40, 213, 60, 96.0, line, source="numerals"),
             OcrWord("o11)</0>", 231, 34, 347, 68, 87.5, line, source="numerals")]
    assert [w.text for w in reread_cited_codes(words, page, rec)][:2] == ["(อ้างอิงจาก", "o16)</0>"]
    # Tesseract's own clean list is a second reader's: it stands unless every sure view reads another
    read = [words[0], *(OcrWord(w.text, w.x0, w.top, w.x1, w.bottom, w.conf, line) for w in words[1:])]
    assert reread_cited_codes(read, page, rec) == read


def test_a_clean_list_the_recognizer_read_unsurely_stands_when_one_view_alone_reads_another(rec):
    """dev seed 213 (F-scan300): ``(อ้างอิงจาก o24)`` (a Latin ``o``, Arabic digits) read ``o24)`` at 87 % by the
    recognizer. The thinner views break the ``o`` in two and read no list; only the ink as it stands reads one,
    ``o21``, the bracket joined to the ``4``, and the heavier views, joining it too, back that. One view against
    none is no margin: the recognizer's list stands (the lines are cut from the page,
    ``tests/fixtures/numerals/issue-9-unsure-clean-list-one-thin-view.png``)."""
    import cv2
    from tests.test_numerals import FIXTURES

    page = cv2.imread(str(FIXTURES / "issue-9-unsure-clean-list-one-thin-view.png"), cv2.IMREAD_GRAYSCALE)
    line, below = (17, 1, 11), (17, 1, 12)
    words = [OcrWord("และรายงานผลการดำเนินการ", 191, 12, 660, 71, 92.3, line),
             OcrWord("(อ้างอิงจาก", 678, 12, 866, 71, 93.3, line),
             OcrWord("o24)", 22, 101, 96, 135, 87.5, below, source="numerals"),
             OcrWord("ให้สาธารณชนทราบ", 115, 79, 424, 144, 93.2, below)]
    assert reread_cited_codes(words, page, rec) == words


def test_a_sure_clean_list_whose_ink_as_it_stands_reads_nothing_is_checked_by_the_first_view_that_reads(rec):
    """dev seed 164 (E-scan300): ``(อ้างอิงจาก ๐๑๔)`` read ``๐๑๕)`` at 90 %. Blur joined the glyphs: the ink as it
    stands reads no list, the thinned views read ``o14`` (the bracket cut off the ``๔``). The first view that
    reads a list is what checks a sure clean list for a digit Tesseract's Thai model lacks (the line is cut from
    the page, ``tests/fixtures/numerals/issue-9-sure-clean-list-blurred.png``)."""
    import cv2
    from tests.test_numerals import FIXTURES

    page = cv2.imread(str(FIXTURES / "issue-9-sure-clean-list-blurred.png"), cv2.IMREAD_GRAYSCALE)
    line = (25, 6, 1)
    words = [OcrWord("(อ้างอิงจาก", 21, 25, 179, 81, 93.1, line), OcrWord("๐๑๕)", 196, 25, 260, 81, 90.2, line)]
    assert [w.text for w in reread_cited_codes(words, page, rec)] == ["(อ้างอิงจาก", "o14)"]


def test_a_code_list_whose_box_stopped_short_is_read_to_its_end(rec):
    """dev seed 188 (E-scan300), Tesseract reading the page at 225 dpi: ``(อ้างอิงจาก o12,o13)`` read ``012,013)``
    with a box over ``o12`` alone. The word's ink is taken on to the right, glyph by glyph as closely as the
    list's glyphs follow one another, until it holds as many glyphs as Tesseract wrote characters: the whole list
    is read, not ``o12,o`` (``01210``) (the line is cut from the page,
    ``tests/fixtures/numerals/issue-9-code-list-short-box.png``)."""
    import cv2

    from extract.ocr.tokens import NumeralTokenReader
    from tests.test_numerals import FIXTURES

    page = cv2.imread(str(FIXTURES / "issue-9-code-list-short-box.png"), cv2.IMREAD_GRAYSCALE)
    word = OcrWord("012,013)", 29, 10, 94, 41, 91.7, (32, 4, 3))
    read = NumeralTokenReader(None, rec)(word, page, 300.0)
    assert read.x1 > 170 and listed_codes(read.text) == ("o12", "o13")


def test_a_one_digit_code_read_surely_is_the_two_digit_code_most_views_read_on_from_it():
    """A one-digit code may be a two-digit code whose second digit Tesseract dropped (at 150 dpi two digits set close
    blur into one blob): the list most views read by a margin stands when it reads such a code on by a digit. A
    list the views read otherwise (another digit, another count of codes) or too few views read changes nothing."""
    page = np.full((200, 1200), 235, np.uint8)
    page[70:100, 420:500] = 40
    box = (420, 70, 500, 100)
    words = [label(box), word("o1)", box, conf=95.0)]
    assert [w.text for w in reread_cited_codes(words, page, Sequence_(*["o17"] * 7, "o1"))] == ["(อ้างอิงจาก", "o17)"]
    assert reread_cited_codes(words, page, Sequence_("o1")) == words
    assert reread_cited_codes(words, page, Sequence_(*["o7"] * 7, "o1")) == words  # another digit: no digit lost
    assert reread_cited_codes(words, page, Sequence_(*["o17"] * 3, *["o1"] * 5)) == words  # no margin
    two = [label(box), word("o12)", box, conf=95.0)]  # a two-digit code is never read on
    assert reread_cited_codes(two, page, Sequence_(*["o121"] * 8)) == two


@needs_fonts
@pytest.mark.parametrize("fixture, words, want", [
    # dev seed 180 (U-scan150): ``(อ้างอิงจาก o17)`` read ``o1)`` at 94 %; seven views of eight read ``o17``
    ("issue-9-code-second-digit-dropped-150.png",
     [OcrWord("(อ้างอิงจาก", 12, 12, 92, 40, 93.1, (13, 3, 1)),
      OcrWord("o1)", 99, 19, 131, 34, 93.7, (13, 3, 1), source="numerals"),
      OcrWord("และจัดเจ้าหน้าที่ช่วย", 139, 12, 284, 40, 92.7, (13, 3, 1))], "o17)"),
    # dev seed 176 (Q-scan150): ``(อ้างอิงจาก ๐๔๑)`` read ``o4)`` at 96 %
    ("issue-9-code-second-digit-dropped-150b.png",
     [OcrWord("(อ้างอิงจาก", 12, 12, 105, 53, 93.0, (40, 5, 3)),
      OcrWord("o4)", 118, 16, 160, 49, 95.7, (40, 5, 3), source="numerals"),
      OcrWord("ให้สาธารณชนทราบ", 168, 12, 326, 53, 92.6, (40, 5, 3))], "o41)"),
])
def test_a_code_whose_second_digit_was_dropped_at_150_dpi_is_read_from_its_ink(rec, fixture, words, want):
    """The lines are cut from 150-dpi dev pages (``tests/fixtures/numerals/``)."""
    import cv2
    from tests.test_numerals import FIXTURES

    page = cv2.imread(str(FIXTURES / fixture), cv2.IMREAD_GRAYSCALE)
    assert [w.text for w in reread_cited_codes(words, page, rec, dpi=150.0)] == ["(อ้างอิงจาก", want, words[2].text]
