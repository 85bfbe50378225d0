"""Read the blanks: table cells with ink whose words came out empty or unreadable.

Tesseract sometimes finds no word in a cell that holds a score (grain, a
stamp, a faint print), or reads it as letters that no re-read of the word
could turn into a number (``ส๕๓๕`` for ``๙๙.๓๘``, ``100.00'`` with a speck
that is no glyph). Before such a cell is given up (``score-unreadable``
downstream), its whole ink is read again by the numeral recognizer, which
needs no word box from Tesseract:

* a cell with ink and no word at all;
* a cell whose words are all short numeral-like tokens (digits, dots,
  Latin look-alikes, specks read as ``|`` ``,`` ``ENG``) and not all of them
  read as a number.

The ink read is the cell's, or the digit words' when there are some (specks
elsewhere in the cell stay out). When the recognizer reads one number there,
surely enough, and nothing but specks beside it, the number becomes the
cell's only word. When the recognizer cannot read that ink (serif zeros
whose hairlines the scan broke fall into pieces: ``1`` for ``100.00``), the
engine reads the same ink alone as one word (:func:`engine_number`): a
number it reads surely enough, with more digits than the cell's words had,
replaces them. Otherwise the cell stays as it was. Cells with Thai words
(questions, analyses, dates) are never touched.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Protocol

import cv2
import numpy as np

from extract.numerals.recognizer import GlyphGuess, Reading
from extract.ocr.engine import OcrEngine, OcrWord
from ita_extract.page import Grid, PixelBox
from extract.ocr.tokens import drop_stray_points
from normalize.thaichars import DIGITS, LETTERS, TEXT, charset

#: Pixels (at 300 dpi, scaled) trimmed inside a cell's box: the erased rule's halo.
INSET_300 = 6
#: A cell needs at least this much ink (pixels at 300 dpi, scaled by area) to be worth a read.
MIN_INK_300 = 40
#: Words of a cell worth a second look together: at most this many characters in all.
MAX_CHARS = 14
#: A whole-cell reading replaces the cell's words at least this sure ...
CELL_READ_MIN = 0.6
#: ... and a one-glyph reading (a speck or a stroke can look like ``0`` or ``1``) this sure.
SINGLE_GLYPH_MIN = 0.9
#: The engine's reading of a cell's ink alone (0-100) replaces the cell's words at least this sure.
ENGINE_READ_MIN = 80.0
#: ... and in a score column, when it has the column's format (``100.00`` read at 73).
ENGINE_FORMAT_MIN = 60.0
#: Appended to a score cell's reading known to have lost digits: no number, so ``score-unreadable`` downstream.
UNREAD_MARK = "?"
#: Paper (pixels at 300 dpi, scaled) added around a number's ink before the engine reads it alone:
#: Tesseract misreads a crop that hugs its glyphs (``10().000`` for ``100.00``).
ENGINE_MARGIN_300 = 8
#: Ink of a number is this high (millimetres): smaller is dust, taller a signature or stamp.
INK_HEIGHT_MM = (1.2, 12.0)
#: A number as a cell holds it: digits with at most one decimal point.
_RE_NUMBER = re.compile(r"^\d{1,4}(?:\.\d{1,3})?$")
#: Numeral-like text: anything but Thai letters and marks (digits, points, Latin
#: look-alikes, and the quotes, pluses and slashes Tesseract makes of specks).
_RE_NUMERALISH = re.compile(rf"^[^\s{charset(TEXT, '๏')}]{{1,8}}$")
_RE_THAI_LETTER = re.compile(f"[{charset(LETTERS)}]")
_TO_ARABIC = str.maketrans(DIGITS, "0123456789")

#: A score as a score column prints it: 0-100 with two decimals (``100`` alone too).
_RE_SCORE_FORMAT = re.compile(r"^(?![0๐]\d)(?:\d{1,2}\.\d{2}|100(?:\.00)?)$")
#: A grid column is a score column when at least this many of its cells with words ...
SCORE_COLUMN_MIN = 2
#: ... hold one number of the score format, and this share of them one number.
SCORE_COLUMN_SHARE = 0.6
#: In a score column, a word with Thai letters below this confidence is a misread number, not a label.
SCORE_CELL_THAI_CONF = 60.0
#: Punctuation alone (a dash, or the specks Tesseract makes of one: ``:`` ``'``).
_RE_PUNCT = re.compile(r"^[-–—_:;'\".,`~]+$")
#: A printed dash ("no score"): one flat stroke at most this high (mm) and this wide (mm), this flat.
DASH_MAX_H_MM, DASH_W_MM, DASH_FLAT = 1.0, (0.8, 8.0), 2.5
#: Blobs smaller than this share of a cell's largest are grain beside a dash.
DASH_SPECK = 0.15
#: Paper around the place a score column prints its numbers, as a share of their height.
PLACE_PAD = 0.3


#: A table whose inked cells came out without words at least this often is read again alone.
EMPTY_TABLE_SHARE = 0.5


class NumberReader(Protocol):
    """Reads a crop that holds one number (:meth:`extract.numerals.recognizer.Recognizer.read_number`)."""

    def read_number(self, crop: np.ndarray): ...


@dataclass(frozen=True)
class CellReread:
    """A cell read again: its box (pixels), the words it had and the word that replaces them."""

    box: PixelBox
    before: tuple[OcrWord, ...]
    after: OcrWord


def is_number(text: str) -> bool:
    """
    >>> is_number("99.38"), is_number("100"), is_number("99.38."), is_number("i12")
    (True, True, False, False)
    """
    return bool(_RE_NUMBER.match(text))


#: A Latin word (``Social``, ``Network``, ``E-Service``): four letters or more with a small vowel, read
#: surely. Tesseract's look-alikes for digits it misread are short or capitals without vowels (``RRM``).
_RE_LATIN_WORD = re.compile(r"[A-Za-z]*[aeiouy][A-Za-z]*")
LATIN_WORD_CONF = 70.0


def latin_text(w: OcrWord) -> bool:
    """
    >>> w = lambda t, c=90.0: OcrWord(t, 0, 0, 9, 9, c, (1, 1, 1))
    >>> latin_text(w("Social")), latin_text(w("Network")), latin_text(w("RRM")), latin_text(w("lol")), latin_text(w("Social", 40.0))
    (True, True, False, False, False)
    """
    letters = re.sub(r"[^A-Za-z]", "", w.text)
    return len(letters) >= 4 and w.conf >= LATIN_WORD_CONF and bool(_RE_LATIN_WORD.fullmatch(letters))


def worth_rereading(words: list[OcrWord]) -> bool:
    """Whether a cell's words may be one number Tesseract did not read.

    >>> w = lambda t: OcrWord(t, 0, 0, 9, 9, 50.0, (1, 1, 1))
    >>> worth_rereading([]), worth_rereading([w("ส๕๓๕")]), worth_rereading([w("100.00'")])
    (True, True, True)
    >>> worth_rereading([w("95.00"), w("+")]), worth_rereading([w("100.00"), w("”")])
    (True, True)
    >>> worth_rereading([w("99.38")]), worth_rereading([w("i๑๒")]), worth_rereading([w("การประเมิน")])
    (False, False, False)
    >>> sure = lambda t: OcrWord(t, 0, 0, 9, 9, 91.0, (1, 1, 1))
    >>> worth_rereading([sure("3"), sure("Social"), sure("Network")])
    False
    """
    if not words:
        return True
    texts = [w.text for w in words]
    if sum(len(t) for t in texts) > MAX_CHARS or all(is_number(t) for t in texts):
        return False
    if any(re.match(f"^[ieoIE][0-9{charset(DIGITS)}]", t) for t in texts):
        return False  # a question code
    if any(latin_text(w) for w in words):
        return False  # Latin text (an OIT item ``๐๙ Social Network``), not a number read as letters
    # Tesseract turns ๙ and ๘ into Thai letters (``ส``): allow one per word, never a Thai word
    return all(_RE_NUMERALISH.match(t) or (len(_RE_THAI_LETTER.findall(t)) <= 1 and re.search(f"[0-9{charset(DIGITS)}]", t))
               for t in texts)


#: The only score of three integer digits, as a score column prints it.
HUNDRED = "100.00"
#: Two number words whose boxes stand this share of their height apart or closer, on one line, are one number's ink.
SPLIT_GAP = 0.5


def split_number(words: list[OcrWord]) -> bool:
    """Whether a cell's words are one number Tesseract read in two overlapping parts: number words on one line,
    each close to the next (:data:`SPLIT_GAP`), that hold two points together (``76.4`` ``6.47`` for
    ``๗๖.๔๗``): no number has two points.

    >>> w = lambda t, x0, x1: OcrWord(t, x0, 100, x1, 130, 90.0, (1, 1, 1))
    >>> split_number([w("76.4", 0, 66), w("6.47", 71, 128)]), split_number([w("76.4", 0, 66), w("6.47", 140, 197)])
    (True, False)
    >>> split_number([w("79", 0, 40), w("11", 45, 85)]), split_number([w("76.47", 0, 128)])
    (False, False)
    """
    if len(words) < 2 or not all(is_number(w.text) for w in words):
        return False
    if sum(w.text.count(".") for w in words) < 2:
        return False
    ordered = sorted(words, key=lambda w: w.x0)
    for a, b in zip(ordered, ordered[1:]):
        h = min(a.bottom - a.top, b.bottom - b.top)
        if min(a.bottom, b.bottom) - max(a.top, b.top) < SAME_LINE_OVERLAP * h or b.x0 - a.x1 > SPLIT_GAP * h:
            return False
    return True


def lone_number(r: Reading) -> Reading | None:
    """The one number of a reading whose other parts (split at wide gaps) are specks, or None.

    >>> g = lambda c, p=0.9: GlyphGuess(c, p, PixelBox(0, 0, 1, 1))
    >>> lone_number(Reading("99.38 ?", 0.1, (g("9"), g("9"), g("."), g("3"), g("8"), g("?", 0.1)))).text
    '99.38'
    >>> lone_number(Reading("01 - 028", 0.9, tuple(g(c) for c in "01-028"))) is None
    True
    """
    parts: list[list[GlyphGuess]] = [[]]
    it = iter(r.glyphs)
    for ch in r.text:
        if ch == " ":
            parts.append([])
        else:
            parts[-1].append(next(it))
    words = ["".join(g.char for g in p).strip(".") for p in parts]
    numbers = [i for i, w in enumerate(words) if is_number(w)]
    if len(numbers) != 1 or any(set(w) - {"?", "."} for i, w in enumerate(words) if i != numbers[0]):
        return None
    glyphs = tuple(g for g in parts[numbers[0]] if g.char != "." or g is not parts[numbers[0]][-1])
    return Reading(words[numbers[0]], min(g.confidence for g in glyphs), glyphs)


#: ... and from this when the recognizer, unsure of the whole, read the same number of glyphs and
#: agrees with it on every glyph it read surely (at least :data:`AGREE_DIGITS` digits of them).
ENGINE_AGREE_MIN = 40.0
AGREE_SURE, AGREE_DIGITS = 0.8, 3


#: A score whose point was read as a colon: a speck above the point (``91:07``).
_RE_COLON_SCORE = re.compile(r"^\d{1,2}:\d{2}$")


def colon_point(words: list[OcrWord], reading: Reading) -> Reading | None:
    """A score cell's one word read as two digits, a colon and two (``91:07``) with the point as the column
    prints it, when the recognizer's reading of the same ink has a glyph at each place and is sure
    (:data:`AGREE_SURE`) of every digit as the word has it; else None.

    No number holds a colon: its lower dot is the point on the line, the upper a speck above it (which makes
    the recognizer's glyph there unreadable). Two readers that agree on every digit are the evidence.

    >>> g = lambda c, p=0.95: GlyphGuess(c, p, PixelBox(0, 0, 1, 1))
    >>> w = lambda t: OcrWord(t, 0, 0, 9, 9, 86.0, (1, 1, 1))
    >>> r = Reading("91?07", 0.35, (g("9"), g("1"), g("?", .35), g("0"), g("7")))
    >>> colon_point([w("91:07")], r).text, colon_point([w("๙๑:๐๗")], r).text
    ('91.07', '91.07')
    >>> colon_point([w("91:01")], r), colon_point([w("91.07")], r), colon_point([w("91:07"), w("|")], r)
    (None, None, None)
    >>> colon_point([w("91:07")], Reading("91?07", 0.35, (g("9"), g("1", .5), g("?", .35), g("0"), g("7"))))
    """
    if len(words) != 1:
        return None
    text = words[0].text.translate(_TO_ARABIC)
    if not _RE_COLON_SCORE.match(text) or (r := whole(reading)) is None or len(r.glyphs) != len(text):
        return None
    digits = [(g, c) for g, c in zip(r.glyphs, text) if c != ":"]
    if any(g.char != c or g.confidence < AGREE_SURE for g, c in digits):
        return None
    point = text.index(":")
    glyphs = tuple(GlyphGuess(".", 1.0, g.box) if i == point else g for i, g in enumerate(r.glyphs))
    return Reading(text.replace(":", "."), min(g.confidence for g, _ in digits), glyphs)


#: A point glyph whose bottom stands above the digits' baseline by more than this share of their height is a
#: speck: a decimal point sits on the line.
POINT_OFF_LINE = 0.3


def points_on_line(r: Reading) -> Reading:
    """A reading without its point glyphs that stand above the digits' line (dust above the line, read as a second
    point: ``93..71`` for ``๙๓.๗๑``), or the reading as it is. The baseline and height are the digits' medians
    (two digits at least); the confidence is recomputed from what is kept, as :func:`drop_stray_points` does.

    >>> g = lambda c, y0, y1, p=0.95: GlyphGuess(c, p, PixelBox(0, y0, 1, y1))
    >>> r = Reading("93..71", 0.47, (g("9", 0, 20), g("3", 0, 20), g(".", 17, 20, 1.0), g(".", 0, 3, 0.96),
    ...                               g("7", 0, 20, 0.97), g("1", 1, 20, 0.93)))
    >>> points_on_line(r).text, points_on_line(r).confidence
    ('93.71', 0.93)
    >>> points_on_line(Reading("9 3.7", 0.9, (g("9", 0, 20), g("3", 0, 20), g(".", 17, 20), g("7", 0, 20)))).text
    '9 3.7'
    """
    digits = [g for g in r.glyphs if g.char.isdigit()]
    if len(digits) < 2:
        return r
    base = float(np.median([g.box.bottom for g in digits]))
    h = float(np.median([g.box.bottom - g.box.top for g in digits]))
    high = {id(g) for g in r.glyphs if g.char == "." and g.box.bottom < base - POINT_OFF_LINE * h}
    if not high:
        return r
    text, it = [], iter(r.glyphs)
    for ch in r.text:
        if ch == " ":
            text.append(ch)
        elif id(next(it)) not in high:
            text.append(ch)
    glyphs = tuple(g for g in r.glyphs if id(g) not in high)
    if not glyphs:
        return Reading("", 0.0, ())
    conf = min(g.confidence for g in glyphs) * (0.5 if sum(g.char == "." for g in glyphs) > 1 else 1.0)
    return Reading(re.sub(" +", " ", "".join(text)).strip(), conf, glyphs)


class OnLineReader:
    """A :class:`NumberReader` whose readings keep only the points on the digits' line (:func:`points_on_line`)."""

    def __init__(self, reader: NumberReader) -> None:
        self.reader = reader

    def read_number(self, crop: np.ndarray) -> Reading:
        return points_on_line(self.reader.read_number(crop))


#: Glyphs a reading names the same digit are as wide as each other within this factor: one far wider is another
#: glyph (a blot over ``๙`` read ``1`` beside the number's own narrow ``1``).
SAME_DIGIT_WIDTH = 1.8


def sizes_disagree(text: str, reading: Reading | None) -> bool:
    """Whether ``text`` names as a digit a glyph of ``reading`` (the ink read as it is, glyph for glyph) more than
    :data:`SAME_DIGIT_WIDTH` times as wide as a glyph the reading itself surely reads as that digit: one font
    prints a digit alike every time, so the wide glyph is another (``11.41`` for ``๙๑.๔๑`` with a blot over the
    ``๙``, read as a ``1`` three times as wide as the number's own ``1``). A narrower glyph is a piece of a broken
    one, no evidence.

    >>> g = lambda c, w, p=0.95: GlyphGuess(c, p, PixelBox(0, 0, w, 15))
    >>> r = Reading("?1.41", 0.3, (g("?", 14, 0.3), g("1", 5), g(".", 2), g("4", 10), g("1", 5)))
    >>> sizes_disagree("11.41", r), sizes_disagree("91.41", r), sizes_disagree("11.41", None)
    (True, False, False)
    >>> broken = Reading("100.??", 0.1, (g("1", 7), g("0", 14), g("0", 15), g(".", 4), g("?", 6, .2), g("?", 20, .2)))
    >>> sizes_disagree("100.00", broken)   # a zero broken in two, its piece joined to the next: 20 against 14
    False
    >>> signed = Reading("?365?", 0.02, (g("?", 51, .02), g("3", 18), g("6", 19), g("5", 18), g("?", 45, .1)))
    >>> sizes_disagree("83.65", signed)   # a signature's strokes on the 8 and after the 5, the point not read
    False
    """
    if reading is None or len(reading.glyphs) != len(text):
        return False
    if any((c == ".") != (g.char == ".") for c, g in zip(text, reading.glyphs)):
        return False  # the ink read otherwise glyph for glyph (a signature's stroke where the point is): no pairing
    sure: dict[str, int] = {}
    for g in reading.glyphs:
        if g.char.isdigit() and g.confidence >= AGREE_SURE:
            sure[g.char] = min(sure.get(g.char, 10 ** 6), g.box.x1 - g.box.x0)
    return any(c in sure and g.char != c and g.box.x1 - g.box.x0 > SAME_DIGIT_WIDTH * max(1, sure[c])
               for g, c in zip(reading.glyphs, text))


#: A word beside a score, on another line of its cell, is a stamp's lettering when its darkest ink (10th
#: percentile) is lighter than the score's by more than this share of the way from the score's to the paper.
STAMP_WORD_LIGHT = 0.4


def ink_grey(image: np.ndarray, w: OcrWord | tuple[float, float, float, float]) -> tuple[float, float] | None:
    """A word's (or a box's: x0, top, x1, bottom) darkest ink (10th percentile of its inked pixels) and its paper
    (median of the rest), or None."""
    x0, top, x1, bottom = (w.x0, w.top, w.x1, w.bottom) if isinstance(w, OcrWord) else w
    crop = image[max(0, int(top)):max(0, int(bottom)), max(0, int(x0)):max(0, int(x1))]
    levels = ink_levels(crop)
    if levels is None or not (levels[1] == 0).any():
        return None
    return float(np.percentile(crop[levels[1] > 0], 10)), float(np.median(crop[levels[1] == 0]))


def lighter(image: np.ndarray, box: tuple[float, float, float, float], grey: tuple[float, float]) -> bool:
    """Whether the ink in ``box`` is a stamp's beside a print whose darkest ink and paper are ``grey``
    (:data:`STAMP_WORD_LIGHT`)."""
    g = ink_grey(image, box)
    return g is not None and g[0] > grey[0] + STAMP_WORD_LIGHT * (grey[1] - grey[0])


def stamp_words(image: np.ndarray, words: list[OcrWord]) -> list[OcrWord]:
    """The words of a score cell that are a stamp's lettering beside its one score (``แล้ว`` under ``๘๗.๔๓``): on
    other lines than the score, their ink far lighter than the score's (:data:`STAMP_WORD_LIGHT`; stamps print red
    or blue, grey in a scan). Words as dark as the score stay: they may be part of it or of the report.

    >>> page = np.full((100, 200), 240, np.uint8); page[10:30, 20:80] = 40; page[60:80, 20:80] = 160
    >>> w = lambda t, top: OcrWord(t, 15, top - 5, 85, top + 25, 90.0, (1, 1, 1))
    >>> [x.text for x in stamp_words(page, [w("87.43", 10), w("แล้ว", 60)])]
    ['แล้ว']
    >>> page[60:80, 20:80] = 50; stamp_words(page, [w("87.43", 10), w("แล้ว", 60)])
    []
    """
    scores = [w for w in words if is_score_format(w.text)]
    if len(scores) != 1 or len(words) < 2 or (grey := ink_grey(image, scores[0])) is None:
        return []
    score = scores[0]
    dark, paper = grey
    out = []
    for w in words:
        if w is score or min(w.bottom, score.bottom) - max(w.top, score.top) > 0:
            continue
        g = ink_grey(image, w)
        if g is not None and g[0] > dark + STAMP_WORD_LIGHT * (paper - dark):
            out.append(w)
    return out


#: A blob whose ink fills this share of its box or more, and about as wide as high (:data:`BLOT_ASPECT`), is a
#: filled dot: no digit is one (every digit is strokes; ``๐ ๑ ๒ …`` have a hole); only a point, which is small.
BLOT_FILL = 0.65
BLOT_ASPECT = (0.6, 1.6)


def blot_words(image: np.ndarray, words: list[OcrWord]) -> list[OcrWord]:
    """The words of a score cell that are a blot beside its one score: a single character on other lines than the
    score, whose ink is one filled dot (:data:`BLOT_FILL`; a speck of dust or toner read ``1``: ``100.00 1``).

    >>> page = np.full((100, 200), 240, np.uint8); page[10:30, 20:30] = 40; page[10:30, 34:44] = 40
    >>> yy, xx = np.mgrid[:100, :200]; page[(yy - 70) ** 2 + (xx - 150) ** 2 <= 36] = 30
    >>> score = OcrWord("100.00", 15, 5, 90, 35, 90.0, (1, 1, 1)); speck = OcrWord("1", 142, 62, 158, 78, 60.0, (1, 2, 1))
    >>> [w.text for w in blot_words(page, [score, speck])]
    ['1']
    >>> [w.text for w in blot_words(page, [replace(score, text="100"), speck])]  # a hundred printed without decimals
    ['1']
    >>> page[60:80, 140:160] = 240; page[62:78, 149:152] = 30; blot_words(page, [score, speck])  # a printed 1
    []
    """
    import cv2

    scores = [w for w in words if is_score_format(w.text)
              and (re.search(r"[.,]\d\d$", w.text.translate(_TO_ARABIC)) or w.text.translate(_TO_ARABIC) == "100")]
    if len(scores) != 1 or len(words) < 2:
        return []  # a score printed whole, with its decimals or a hundred (a wrapped 10 over a blurred 0 is no blot's)
    score = scores[0]
    out = []
    for w in words:
        if w is score or len(w.text) != 1 or min(w.bottom, score.bottom) - max(w.top, score.top) > 0:
            continue
        crop = image[max(0, w.top):w.bottom, max(0, w.x0):w.x1]
        if crop.size == 0 or int(crop.max()) - int(crop.min()) < 40:
            continue
        _, ink = cv2.threshold(crop, 0, 1, cv2.THRESH_BINARY_INV | cv2.THRESH_OTSU)
        n, _, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
        if n < 2:
            continue
        x, y, bw, bh, area = stats[1 + int(np.argmax(stats[1:, cv2.CC_STAT_AREA]))]
        if area >= BLOT_FILL * bw * bh and BLOT_ASPECT[0] <= bw / bh <= BLOT_ASPECT[1]:
            out.append(w)
    return out


def whole(r: Reading) -> Reading | None:
    """A reading of one word (no gap in it) as it is, its unread glyphs (``?``) with it, or None.

    >>> g = lambda c, p=0.9: GlyphGuess(c, p, PixelBox(0, 0, 1, 1))
    >>> whole(Reading("10?.00", 0.02, tuple(g(c) for c in "10?.00"))).text, whole(Reading("1 00", 0.9, tuple(g(c) for c in "100")))
    ('10?.00', None)
    """
    return r if r.glyphs and " " not in r.text and len(r.text) == len(r.glyphs) else None


def agrees(text: str, reading: Reading | None) -> bool:
    """Whether the recognizer's glyphs pair up with ``text`` and every glyph it is sure of is ``text``'s.

    >>> g = lambda c, p: GlyphGuess(c, p, PixelBox(0, 0, 1, 1))
    >>> r = Reading("100.??", 0.01, (g("1", .82), g("0", .94), g("0", .95), g(".", 1.0), g("?", .01), g("?", .1)))
    >>> agrees("100.00", r), agrees("100.0", r), agrees("180.00", r)
    (True, False, False)
    >>> agrees("100.00", Reading("1??.?2", 0.0, (g("1", .9), g("?", 0), g("?", 0), g(".", 1), g("?", 0), g("2", .4))))
    False
    """
    if reading is None or len(reading.glyphs) != len(text):
        return False
    sure = [(g.char, c) for g, c in zip(reading.glyphs, text) if g.confidence >= AGREE_SURE]
    return sum(c != "." for _, c in sure) >= AGREE_DIGITS and all(a == b for a, b in sure)


def engine_number(engine: OcrEngine | None, crop: np.ndarray, dpi: float, before: list[OcrWord],
                  score_column: bool = False, recognized: Reading | None = None) -> tuple[str, float] | None:
    """The engine's reading of a number's ink alone, when it is one sure number with more digits than ``before``.

    The second reader when the numeral recognizer's segmentation fails; Thai
    digits come out Arabic, as the recognizer gives them. In a score column
    (:func:`score_columns`) only a reading of the column's format counts, and
    then from :data:`ENGINE_FORMAT_MIN`: the format is evidence too; from
    :data:`ENGINE_AGREE_MIN` when the recognizer's own reading of the ink
    (``recognized``, unsure as a whole) agrees with it (:func:`agrees`).
    """
    if engine is None or crop.size == 0:
        return None
    b = max(2, int(round(ENGINE_MARGIN_300 * dpi / 300.0)))
    paper = int(np.median(crop))
    text, conf = engine.read_word(cv2.copyMakeBorder(crop, b, b, b, b, cv2.BORDER_CONSTANT, value=paper),
                                  int(round(dpi)))
    text = text.strip().translate(_TO_ARABIC)
    if score_column and not is_score_format(text):
        return None
    least = ENGINE_READ_MIN if not score_column else ENGINE_AGREE_MIN if agrees(text, recognized) else ENGINE_FORMAT_MIN
    if not is_number(text) or conf < least:
        return None
    if sum(c.isdigit() for c in text) <= sum(c.isdigit() for w in before for c in w.text):
        return None
    return text, conf


def agree_with_seen(r: Reading, seen: str, sure: float) -> Reading:
    """Glyphs read unsure but as the digit Tesseract saw at the same place count as ``sure``.

    Two readers that agree are evidence; only when both readings have as many
    glyphs (points aside), so that places pair up.

    >>> g = lambda c, p: GlyphGuess(c, p, PixelBox(0, 0, 1, 1))
    >>> r = Reading("99.38", 0.45, (g("9", .97), g("9", .97), g(".", 1.0), g("3", .45), g("8", .96)))
    >>> agree_with_seen(r, "ส๕๓๕", 0.6).confidence, agree_with_seen(r, "ส๕๕๕", 0.6).confidence
    (0.6, 0.45)
    """
    seen_chars = [c for c in seen if not c.isspace() and c != "."]
    glyphs = [g for g in r.glyphs if g.char != "."]
    if len(seen_chars) != len(glyphs) or not glyphs:
        return r
    to_arabic = {t: str(i) for i, t in enumerate(DIGITS)}
    pairs = dict(zip((id(g) for g in glyphs), (to_arabic.get(c, c) for c in seen_chars)))
    out = tuple(GlyphGuess(g.char, sure, g.box) if g.confidence < sure and pairs.get(id(g)) == g.char else g
                for g in r.glyphs)
    return Reading(r.text, min(g.confidence for g in out), out)


def ink_components(crop: np.ndarray) -> list[tuple[int, int, int, int, int]]:
    """Ink blobs of a crop as (x0, y0, x1, y1, area), specks far smaller than the largest left out."""
    if crop.size == 0 or int(crop.max()) - int(crop.min()) < 40:
        return []
    _, ink = cv2.threshold(crop, 0, 1, cv2.THRESH_BINARY_INV | cv2.THRESH_OTSU)
    n, _, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    if n <= 1:
        return []
    big = stats[1:, cv2.CC_STAT_AREA].max()
    return [(int(x), int(y), int(x + w), int(y + h), int(a)) for x, y, w, h, a in stats[1:]
            if a >= max(3, 0.02 * big)]


#: Blobs smaller than this share of a number's largest glyph, hanging below the glyphs' baseline, are specks.
LOW_SPECK_SHARE = 0.3


def without_low_specks(crop: np.ndarray) -> np.ndarray:
    """A number's ink with the small blobs whose middle lies below its glyphs' baseline turned to paper.

    Thai and Arabic digits sit on one line and have no descender, and a point sits on the line: ink below it is
    a speck of the scan, which the recognizer can join to the glyph above it (``๘`` with a speck under it read
    ``3``: ``31.10`` for ``๘๔.๑๐``).

    >>> crop = np.full((40, 60), 236, np.uint8); crop[5:30, 5:20] = 40; crop[5:30, 30:45] = 40; crop[32:38, 8:14] = 40
    >>> out = without_low_specks(crop); int(out[35, 10]), int(out[20, 10])
    (236, 40)
    >>> crop[27:30, 22:26] = 40  # a point on the line stays
    >>> int(without_low_specks(crop)[28, 23])
    40
    """
    if crop.size == 0 or int(crop.max()) - int(crop.min()) < 40:
        return crop
    _, ink = cv2.threshold(crop, 0, 1, cv2.THRESH_BINARY_INV | cv2.THRESH_OTSU)
    n, labels, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    if n <= 2:
        return crop
    areas = stats[1:, cv2.CC_STAT_AREA]
    big = areas.max()
    main = [i for i in range(1, n) if stats[i, cv2.CC_STAT_AREA] >= LOW_SPECK_SHARE * big]
    baseline = max(stats[i, cv2.CC_STAT_TOP] + stats[i, cv2.CC_STAT_HEIGHT] for i in main)
    low = [i for i in range(1, n) if stats[i, cv2.CC_STAT_AREA] < LOW_SPECK_SHARE * big
           and stats[i, cv2.CC_STAT_TOP] + stats[i, cv2.CC_STAT_HEIGHT] / 2 > baseline]
    if not low:
        return crop
    out = crop.copy()
    paper = int(np.median(crop[ink == 0])) if (ink == 0).any() else 255
    out[np.isin(labels, low)] = paper
    return out


def grow(seed: tuple[int, int, int, int], blobs: list[tuple[int, int, int, int, int]],
         gap: float) -> tuple[int, int, int, int]:
    """A box grown through the blobs whose middle row lies in its rows and that come within ``gap`` of it.

    Tesseract's box of a number often stops short of its last digit; its ink does not.

    >>> grow((10, 10, 30, 30), [(12, 12, 28, 28, 9), (33, 12, 45, 29, 9), (60, 12, 70, 28, 9), (32, 40, 40, 48, 9)], 5)
    (10, 10, 45, 30)
    """
    x0, y0, x1, y1 = seed
    grown = True
    while grown:
        grown = False
        for bx0, by0, bx1, by1, _ in blobs:
            mid = (by0 + by1) / 2
            if not y0 <= mid <= y1 or (x0 <= bx0 and bx1 <= x1):
                continue
            if bx1 >= x0 - gap and bx0 <= x1 + gap:
                nx0, nx1 = min(x0, bx0), max(x1, bx1)
                if (nx0, nx1) != (x0, x1):
                    x0, x1, grown = nx0, nx1, True
    return x0, y0, x1, y1


def busiest_line(blobs: list[tuple[int, int, int, int, int]]) -> list[tuple[int, int, int, int, int]]:
    """The blobs of the text line with most glyphs: a signature's stroke or a stamp's ring elsewhere stays out.

    >>> busiest_line([(0, 0, 60, 40, 300), (10, 50, 20, 70, 90), (25, 50, 35, 70, 90), (40, 52, 50, 70, 90)])
    [(10, 50, 20, 70, 90), (25, 50, 35, 70, 90), (40, 52, 50, 70, 90)]
    """
    if len(blobs) < 2:
        return blobs
    best: list[tuple[int, int, int, int, int]] = []
    for seed in blobs:
        h = seed[3] - seed[1]
        mid = (seed[1] + seed[3]) / 2
        line = [b for b in blobs if abs((b[1] + b[3]) / 2 - mid) <= 0.5 * h and 0.5 * h <= b[3] - b[1] <= 2 * h]
        if len(line) > len(best):
            best = line
    top, bottom = min(b[1] for b in best), max(b[3] for b in best)
    return [b for b in blobs if top <= (b[1] + b[3]) / 2 <= bottom]


def number_box(crop: np.ndarray, digit_words: list[PixelBox], min_ink: int) -> PixelBox | None:
    """Where a cell's number is (crop pixels): grown from its digit words' box, or all the cell's ink."""
    blobs = ink_components(crop)
    if digit_words:
        seed = (min(b[0] for b in digit_words), min(b[1] for b in digit_words),
                max(b[2] for b in digit_words), max(b[3] for b in digit_words))
        h = seed[3] - seed[1]
        x0, y0, x1, y1 = grow(seed, blobs, 0.5 * h)
        blobs = [b for b in blobs if b[0] >= x0 and b[2] <= x1 and y0 <= (b[1] + b[3]) / 2 <= y1]
    else:
        blobs = busiest_line(blobs)
    glyphs = [b for b in blobs if (b[2] - b[0]) <= 4 * (b[3] - b[1])]  # rule remnants are long and flat
    if not glyphs or sum(b[4] for b in blobs) < min_ink:
        return None
    # the rows of the main glyphs: a remnant of a rule or a mark at the cell's edge stays out
    main = [b for b in glyphs if b[4] >= 0.3 * max(g[4] for g in glyphs)]
    top, bottom = min(b[1] for b in main), max(b[3] for b in main)
    margin = 0.3 * (bottom - top)
    blobs = [b for b in blobs if top - margin <= (b[1] + b[3]) / 2 <= bottom + margin]
    return PixelBox(min(b[0] for b in blobs), min(b[1] for b in blobs), max(b[2] for b in blobs),
                    max(b[3] for b in blobs))


def line_glyphs(crop: np.ndarray) -> list[tuple[int, int, int, int, int]]:
    """The glyph boxes of the crop's busiest line of ink: its blobs at least half as tall as its tallest."""
    line = busiest_line(ink_components(crop))
    if not line:
        return []
    tallest = max(b[3] - b[1] for b in line)
    return [b for b in line if b[3] - b[1] >= 0.5 * tallest]


def more_glyphs_than_read(crop: np.ndarray, words: list[OcrWord], ox: int, oy: int) -> bool:
    """A cell of short numbers whose busiest line of ink holds more glyphs than they have digits.

    Tesseract read part of a number (``5`` for ``๙๘.๗๕``, its box over all of it)
    and let the rest go, or read a signature's stroke (``6``) and not the number under it.
    """
    if not words or sum(len(w.text) for w in words) > MAX_CHARS or not all(is_number(w.text) for w in words):
        return False
    glyphs = line_glyphs(crop)
    if not glyphs:
        return False
    return len(glyphs) > sum(c.isdigit() for w in words for c in w.text)


def is_score_format(text: str) -> bool:
    """
    >>> is_score_format("99.38"), is_score_format("100"), is_score_format("100.00"), is_score_format("1")
    (True, True, True, False)
    >>> is_score_format("6212"), is_score_format("79.3379.33"), is_score_format("0.5")
    (False, False, False)
    >>> is_score_format("0.00"), is_score_format("00.00"), is_score_format("๐๐.๐๐")  # no score prints a leading zero
    (True, False, False)
    """
    return bool(_RE_SCORE_FORMAT.match(text.translate(_TO_ARABIC)))


def plausible_score(text: str) -> bool:
    """A number a score cell can hold: 0-100, at most two decimals.

    >>> plausible_score("95.0"), plausible_score("100"), plausible_score("7911"), plausible_score("88.125")
    (True, True, False, False)
    >>> plausible_score("0"), plausible_score("000"), plausible_score("05.50")  # ``๑`` of ``๑๐๐`` lost or read ``๐``
    (True, False, False)
    """
    t = text.translate(_TO_ARABIC)
    return bool(re.fullmatch(r"(?!0\d)\d{1,3}(?:\.\d{1,2})?", t)) and float(t) <= 100.0


def cell_words(words: list[OcrWord], box: tuple[float, float, float, float]) -> list[OcrWord]:
    """The words whose middle lies in ``box``."""
    x0, y0, x1, y1 = box
    return [w for w in words if x0 <= (w.x0 + w.x1) / 2 <= x1 and y0 <= (w.top + w.bottom) / 2 <= y1]


#: A header cell that names the score column: ``คะแนน`` (``ผลคะแนน``), four of its letters in a row
#: at least (OCR drops one: ``ะแนน``), and no more text than a header's.
_RE_SCORE_HEADER = re.compile(r"คะแน|ะแนน")
SCORE_HEADER_MAX = 12


def names_score(words: list[OcrWord]) -> bool:
    """Whether a header cell's words name the score column (letter-spaced or not).

    >>> w = lambda t: OcrWord(t, 0, 0, 9, 9, 90.0, (1, 1, 1))
    >>> names_score([w("คะแนน")]), names_score([w("ผล")]), names_score([w("ค"), w("ะแนน")]), names_score([w("ผลคะแนน")])
    (True, False, True, True)
    >>> names_score([w("ข้อคำถามที่ได้คะแนนน้อยที่สุด")]), names_score([w("ประเด็นข้อคำถาม")])
    (False, False)
    """
    text = "".join(w.text for w in words)
    return bool(_RE_SCORE_HEADER.search(text)) and len(text) <= SCORE_HEADER_MAX


def body_rows(grid: Grid, col: int, words: list[OcrWord]) -> tuple[tuple, ...]:
    """The rows of a grid under its header, as column ``col`` sees them: all of them when the first row's
    cell there holds one score (a table a page break continued has no header row of its own).

    >>> w = lambda t, top: OcrWord(t, 10, top, 40, top + 9, 90.0, (1, 1, 1))
    >>> g = Grid((0, 0, 50, 60), tuple(((0, y, 50, y + 20),) for y in (0, 20, 40)))
    >>> len(body_rows(g, 0, [w("คะแนน", 5), w("91.52", 25)])), len(body_rows(g, 0, [w("76.52", 5), w("91.52", 25)]))
    (2, 3)
    """
    if not grid.rows:
        return ()
    first = grid.rows[0][col] if col < len(grid.rows[0]) else None
    head = [] if first is None else cell_words(words, first)
    return grid.rows if len(head) == 1 and is_score_format(head[0].text) else grid.rows[1:]


#: Two words are on one line of a cell when their boxes overlap by at least this share of the lower's height.
SAME_LINE_OVERLAP = 0.5


def wrapped_score(words: list[OcrWord]) -> str | None:
    """The score a narrow column wrapped onto two lines or more (``๑๐`` over ``๐.๐๐``), as one number: the
    words read line by line (top to bottom, each left to right) make one score of the format; else None.

    Each line alone is no score (``10``) or another (``0.00``): read again, the cell would lose a line.

    >>> w = lambda t, x0, top: OcrWord(t, x0, top, x0 + 10 * len(t), top + 24, 90.0, (1, 1, 1))
    >>> wrapped_score([w("0.00", 445, 242), w("10", 460, 206)]), wrapped_score([w("๙", 460, 206), w("๗.๘๗", 445, 242)])
    ('100.00', '97.87')
    >>> wrapped_score([w("10", 460, 206), w("0.00", 500, 208)]), wrapped_score([w("79.33", 445, 206)])
    (None, None)
    >>> wrapped_score([w("10", 460, 206), w("i12", 445, 242)])
    """
    lines = word_lines(words)
    if len(lines) < 2:
        return None
    text = "".join(lines).translate(_TO_ARABIC)
    return text if is_score_format(text) else None


def word_lines(words: list[OcrWord]) -> list[str]:
    """A cell's words as the text of its lines, top to bottom (each left to right); specks read as ``.`` beside a
    line left out.

    >>> w = lambda t, x0, top: OcrWord(t, x0, top, x0 + 10 * len(t), top + 24, 90.0, (1, 1, 1))
    >>> word_lines([w("0.00", 445, 242), w("10", 460, 206), w(".", 500, 206)])
    ['10', '0.00']
    """
    words = [w for w in words if not _RE_PUNCT.match(w.text)]
    lines: list[list[OcrWord]] = []
    for w in sorted(words, key=lambda w: w.top):
        last = lines[-1][-1] if lines else None
        if last is not None and min(last.bottom, w.bottom) - max(last.top, w.top) >= SAME_LINE_OVERLAP * min(
                last.bottom - last.top, w.bottom - w.top):
            lines[-1].append(w)
        else:
            lines.append([w])
    return ["".join(w.text for w in sorted(line, key=lambda w: w.x0)) for line in lines]


#: A wrapped hundred's second line (``๐.๐๐``) needs at least this many of its three digits read ``0``.
HUNDRED_WRAP_ZEROS = 2


def wrapped_hundred(words: list[OcrWord]) -> bool:
    """Whether a score cell's words are a wrapped ``100.00`` with one digit of its second line misread (a speck in a
    ``๐``: ``10`` over ``0.60`` or ``6.00``): two integer digits over one digit, a point and two make a number of
    three integer digits, and the only score of three integer digits is 100.00. The first line must read ``10`` and
    the second at least :data:`HUNDRED_WRAP_ZEROS` zeros: the readings agree with it where they are not torn.

    >>> w = lambda t, top: OcrWord(t, 450, top, 450 + 10 * len(t), top + 24, 90.0, (1, 1, 1))
    >>> wrapped_hundred([w("10", 206), w("0.60", 242)]), wrapped_hundred([w("๑๐", 206), w("๖.๐๐", 242)])
    (True, True)
    >>> wrapped_hundred([w("10", 206), w("0.00", 242)]), wrapped_hundred([w("10", 206), w("6.60", 242)])  # whole, or torn
    (False, False)
    >>> wrapped_hundred([w("9", 206), w("7.87", 242)]), wrapped_hundred([w("70", 206), w("0.60", 242)])
    (False, False)
    """
    lines = [t.translate(_TO_ARABIC) for t in word_lines(words)]
    if len(lines) != 2 or lines[0] != "10" or not re.fullmatch(r"\d\.\d\d", lines[1]):
        return False
    zeros = lines[1].replace(".", "").count("0")
    return HUNDRED_WRAP_ZEROS <= zeros < 3


#: Rows of paper at least this many pixels (at 300 dpi, scaled) high part two lines of a cell's ink.
LINE_GAP_300 = 4


def ink_lines(crop: np.ndarray, dpi: float) -> list[tuple[int, int]]:
    """The lines of a crop's ink (first and last row, crop pixels), top to bottom: bands of inked rows parted by
    paper, each as high as printed glyphs at least (:data:`INK_HEIGHT_MM`; a speck's band is none).

    >>> crop = np.full((90, 60), 230, np.uint8); crop[10:30, 10:40] = 40; crop[50:70, 5:50] = 40; crop[80:82, 5:8] = 40
    >>> ink_lines(crop, 300.0)
    [(10, 29), (50, 69)]
    """
    levels = ink_levels(crop)
    if levels is None:
        return []
    rows = np.flatnonzero(levels[1].sum(axis=1) > 0)
    if rows.size == 0:
        return []
    gap = max(2, int(round(LINE_GAP_300 * dpi / 300.0)))
    least = INK_HEIGHT_MM[0] * dpi / 25.4
    cuts = np.flatnonzero(np.diff(rows) > gap)
    bands = zip(np.r_[rows[0], rows[cuts + 1]], np.r_[rows[cuts], rows[-1]])
    return [(int(a), int(b)) for a, b in bands if b - a + 1 >= least]


def wrapped_read(reader: NumberReader, crop: np.ndarray, dpi: float) -> tuple[str, float, tuple[int, int, int, int]] | None:
    """A score cell whose ink is a score its narrow column wrapped onto lines (``๑๐`` over ``๐.๐๐``), read line by
    line: (text, confidence 0-100, box in crop pixels) when every line reads surely and together they make one
    score of the format; None otherwise (and for ink on one line). Read as one crop, the busiest line wins.
    """
    lines = ink_lines(crop, dpi)
    if len(lines) < 2:
        return None
    pad = max(2, int(4 * dpi / 300.0))
    texts, confs, xs = [], [], []
    for top, bottom in lines:
        band = crop[max(0, top - pad):bottom + pad + 1]
        levels = ink_levels(band)
        cols = np.flatnonzero(levels[1].sum(axis=0) > 0) if levels is not None else np.array([], int)
        if cols.size == 0:
            return None
        x0, x1 = max(0, int(cols[0]) - pad), min(crop.shape[1], int(cols[-1]) + pad + 1)
        r = lone_number(drop_stray_points(reader.read_number(band[:, x0:x1]), ""))
        if r is None or r.confidence < CELL_READ_MIN:
            # a faint or broken print: the line as most views of its ink read it (:func:`voted_read`)
            voted = voted_read(reader, band[:, x0:x1], line=True)
            if voted is None:
                return None
            r = Reading(voted[0], voted[1] / 100.0, ())
        texts.append(r.text)
        confs.append(r.confidence)
        xs += [x0, x1]
    text = "".join(texts)
    if not is_score_format(text):
        return None
    return text, min(confs) * 100.0, (min(xs), lines[0][0], max(xs), lines[-1][1])


def score_columns(grid: Grid, words: list[OcrWord]) -> set[int]:
    """The grid columns whose cells (those with words, under the header row) hold one number, mostly,
    and at least two of them in the score format, or whose header cell names the score (``คะแนน``).

    A table a page break continued has no header: its first row counts too (:func:`body_rows`).
    Their other cells are judged against that format (:func:`off_format`).
    """
    out = set()
    n_cols = max((len(r) for r in grid.rows), default=0)
    for col in range(n_cols):
        # the first row is the header (its คะแนน may read as debris: ``0 0``), unless it holds a score
        # a header row printed twice (or split by a rule) names the score again: a header cell, no body cell
        texts = [[w.text for w in ws] for r in body_rows(grid, col, words)
                 if col < len(r) and r[col] is not None and not names_score(ws := cell_words(words, r[col]))]
        # a speck read as punctuation beside a number (``100.00`` ``:``) leaves it one number; so do specks
        # read as single characters (dust read ``1`` or ``|`` under ``96.55``) beside a longer number
        texts = [[x for x in t if not _RE_PUNCT.match(x)] or t for t in texts if t]
        texts = [beside_specks(t) for t in texts]
        wrapped = sum(wrapped_score(ws) is not None for r in body_rows(grid, col, words)
                      if col < len(r) and r[col] is not None and len(ws := cell_words(words, r[col])) > 1)
        # ... and a score whose point OCR lost (``89`` ``78``: :func:`joined_decimal`)
        wrapped += sum(joined_decimal(ws) is not None for r in body_rows(grid, col, words)
                       if col < len(r) and r[col] is not None and len(ws := cell_words(words, r[col])) == 2)
        good = sum(len(t) == 1 and is_score_format(t[0]) for t in texts) + wrapped
        # damage often strikes a whole column alike (``1`` for every serif ``100.00``): the
        # rest must be numbers at least
        numeric = sum(len(t) == 1 and is_number(t[0]) for t in texts) + wrapped
        head = grid.rows[0][col] if grid.rows and col < len(grid.rows[0]) else None
        # a column headed คะแนน may have no cell read in the format at all (``1`` ``100`` ``1``)
        named = head is not None and names_score(cell_words(words, head)) and bool(texts)
        # ... or a number Tesseract garbled (``ส๓.๕๐``, ``ส67ซ`` for ``๘๓.๘๐``, ``๘๓.๖๗``): a light print spares
        # none of the column's cells, so the header's word is the evidence
        if named:
            numeric = sum(len(t) == 1 and (is_number(t[0]) or mostly_digits(t[0])) for t in texts) + wrapped
            # ... or a fine print's numbers Tesseract made Latin letters and specks of (``ooo`` ``cone`` ``| 1``):
            # short numeral-like words without a Thai letter (:func:`worth_rereading`), under the header's word
            cells = [ws for r in body_rows(grid, col, words) if col < len(r) and r[col] is not None
                     and (ws := cell_words(words, r[col]))]
            # ... or a number Tesseract made Thai letters of, read unsure (``สสออฟ์`` at 2 for ``๗๔.๐๗``,
            # :func:`off_format`), beside numbers with specks (``74.38`` ``ON`` ``_|``)
            numeric = max(numeric, sum(worth_rereading(ws) and not all(_RE_PUNCT.match(w.text) for w in ws)
                                       and not any(_RE_THAI_LETTER.search(w.text) for w in ws)
                                       or (off_format(ws) and any(_RE_THAI_LETTER.search(w.text) for w in ws)
                                           and all(w.conf < SCORE_CELL_THAI_CONF for w in ws
                                                   if _RE_THAI_LETTER.search(w.text)))
                                       for ws in cells))
        if named:
            # a dash (no score) or a speck read as ``.`` is no cell of text: it counts neither way
            texts = [t for t in texts if not all(_RE_PUNCT.match(x) for x in t)]
        if (good >= SCORE_COLUMN_MIN or named) and numeric >= SCORE_COLUMN_SHARE * len(texts):
            out.add(col)
    return out


def beside_specks(texts: list[str]) -> list[str]:
    """A cell's words without single characters beside one longer number (dust read ``1`` or ``|``
    under ``96.55``): the number alone, for judging what a column holds; otherwise the words as they are.

    >>> beside_specks(["96.55", "1"]), beside_specks(["1", "100"]), beside_specks(["100", "|"])
    (['96.55'], ['100'], ['100'])
    >>> beside_specks(["1", "0"]), beside_specks(["ไม่มี", "1"]), beside_specks(["10", "0.00"])
    (['1', '0'], ['ไม่มี', '1'], ['10', '0.00'])
    """
    longer = [t for t in texts if len(t) > 1]
    if len(longer) == 1 and len(texts) > 1 and is_number(longer[0]):
        return longer
    return texts


#: A number Tesseract garbled: digits (Thai or Arabic) with a point between them, and at most this many
#: other characters (the Thai letters it writes for ``๔ ๖ ๗ ๘ ๙``).
GARBLED_OTHER_MAX = 2


def garbled_number(text: str) -> bool:
    """A word that is a score Tesseract garbled: a point between digits, a few other characters beside them.

    >>> garbled_number("ส๓.๕๐"), garbled_number("ส67ซ"), garbled_number("๕.๒๕"), garbled_number("i12")
    (True, False, True, False)
    >>> garbled_number("ไม่มีการประเมิน"), garbled_number("พ.ศ.๒๕๖๖")
    (False, False)
    """
    t = text.translate(_TO_ARABIC)
    m = re.search(r"\d\.\d", t)
    return m is not None and len(re.sub(r"[\d.]", "", t)) <= GARBLED_OTHER_MAX and not re.match(r"^[ieoIE]\d", t)


def mostly_digits(text: str) -> bool:
    """A short word with a point between digits and more digits than other characters: a number Tesseract
    garbled more than :func:`garbled_number` lets stand (``ณ๕๓ฑ์.๑๒๕`` for ``๘๗.๖๘``), never a code.

    >>> mostly_digits("ณ๕๓ฑ์.๑๒๕"), mostly_digits("ส๓.๕๐"), mostly_digits("ข้อ ๑.๒"), mostly_digits("i12.5"), mostly_digits("พ.ศ.๒๕๖๖")
    (True, True, False, False, False)
    """
    t = text.translate(_TO_ARABIC)
    digits = sum(c.isdigit() for c in t)
    return len(t) <= MAX_CHARS and re.search(r"\d\D{0,2}\.\d", t) is not None and digits > len(re.sub(r"[\d.]", "", t)) \
        and not re.match(r"^[ieoIE]\d", t)


def off_format(words: list[OcrWord]) -> bool:
    """Whether the words of a score column's cell are not one score, and may be a misread one.

    Two numbers (``79`` ``11``: the point lost), a number out of range or
    without its point (``6212``), a number read twice, or a word of Thai
    letters read unsure (``เฟอุฒญญ่`` for ``๗๖.๗๗``); never a question code
    nor a surely read word (a header's ``คะแนน``).

    >>> w = lambda t, c=90.0: OcrWord(t, 0, 0, 9, 9, c, (1, 1, 1))
    >>> off_format([w("79"), w("11")]), off_format([w("6212")]), off_format([w("เฟอุฒญญ่", 39.0)])
    (True, True, True)
    >>> off_format([w("88.12")]), off_format([w("คะแนน")]), off_format([w("o12")]), off_format([])
    (False, False, False, False)
    >>> off_format([w("i00")])  # no code's number opens with a zero: ``๑๐๐`` with its ``๑`` read ``i``
    True
    """
    texts = [w.text for w in words]
    if not texts or (len(texts) == 1 and is_score_format(texts[0])) or sum(map(len, texts)) > MAX_CHARS:
        return False
    # a code's number never opens with a zero: ``i00`` is ``๑๐๐`` with its ``๑`` read as ``i``
    if any(re.match(f"^[ieoIE][{charset(DIGITS, exclude='๐')}1-9]", t) for t in texts) or any(latin_text(w) for w in words):
        return False
    return all(not _RE_THAI_LETTER.search(w.text) or w.conf < SCORE_CELL_THAI_CONF
               or len(_RE_THAI_LETTER.findall(w.text)) <= 1 for w in words)


#: A score cell read surely as a few Thai letters (``โซพ`` for ``๗๕.๐๐`` beside a stamp's ring) holds at most
#: this many characters; a longer text is text.
SCORE_CELL_THAI_MAX = 8
#: A score with its two decimals printed: the only reading that replaces Thai letters read surely.
_RE_FULL_SCORE = re.compile(r"^(?![0๐]\d)(?:\d{1,2}\.\d{2}|100\.00)$")


def thai_in_score_cell(words: list[OcrWord]) -> bool:
    """Whether a score column's cell holds a few Thai letters read surely, which :func:`off_format` lets
    stand: a score may lie under them, and only a reading of the full score format replaces them
    (:func:`full_score`). A header's ``คะแนน``, a code and Latin text are never such a cell.

    >>> w = lambda t, c=90.0: OcrWord(t, 0, 0, 9, 9, c, (1, 1, 1))
    >>> thai_in_score_cell([w("โซพ", 63.0)]), thai_in_score_cell([w("เอุฒญญ่", 91.0)])
    (True, True)
    >>> thai_in_score_cell([w("คะแนน")]), thai_in_score_cell([w("คะแน่")]), thai_in_score_cell([w("88.12")])
    (False, False, False)
    >>> thai_in_score_cell([w("ไม่มีการประเมิน")]), thai_in_score_cell([w("เฟอุฒญญ่", 39.0)]), thai_in_score_cell([])
    (False, False, False)
    """
    text = "".join(w.text for w in words)
    if not words or len(text) > SCORE_CELL_THAI_MAX or not _RE_THAI_LETTER.search(text) or off_format(words):
        return False
    if any(re.match(f"^[ieoIE][0-9{charset(DIGITS)}]", w.text) for w in words) or any(latin_text(w) for w in words):
        return False
    return not names_score(words)


def full_score(text: str) -> bool:
    """
    >>> full_score("75.00"), full_score("100.00"), full_score("100"), full_score("7.50"), full_score("00.00")
    (True, True, False, True, False)
    """
    return bool(_RE_FULL_SCORE.match(text))


#: The Thai digits Tesseract's Thai model has no class for (``๔ ๖ ๗ ๘ ๙``): it writes another digit or a letter.
ENGINE_LACKS = "๔๖๗๘๙"
#: Thai digits as Tesseract can write them (what it wrote for a score the recognizer did not read again).
_RE_ENGINE_THAI_NUMBER = re.compile(f"^[{charset(DIGITS)}.]+$")


def engine_thai_score(words: list[OcrWord]) -> bool:
    """A score cell whose one number stands as Tesseract wrote it in Thai digits: the recognizer did not
    read it again, and Tesseract cannot write ``๔ ๖ ๗ ๘ ๙`` (``๓๕.๕๕`` for ``๗๕.๔๙``), so it is read again.

    >>> w = lambda t, s="page": OcrWord(t, 0, 0, 9, 9, 61.0, (1, 1, 1), s)
    >>> engine_thai_score([w("๓๕.๕๕")]), engine_thai_score([w("35.55", "numerals")]), engine_thai_score([w("๑๐๐")])
    (True, False, True)
    >>> engine_thai_score([w("๓๕.๕๕"), w("๑")]), engine_thai_score([w("คะแนน")])
    (False, False)
    """
    return len(words) == 1 and words[0].source == "page" and bool(_RE_ENGINE_THAI_NUMBER.match(words[0].text)) \
        and is_score_format(words[0].text)


def engine_cannot_have_read(reading: Reading | None) -> bool:
    """Whether the recognizer read surely a digit Tesseract has no class for: Tesseract's Thai digits for the same
    ink are then a misreading (``๓๕.๕๕`` where the recognizer reads ``7?49``).

    >>> g = lambda c, p: GlyphGuess(c, p, PixelBox(0, 0, 1, 1))
    >>> engine_cannot_have_read(Reading("7?49", 0.2, (g("7", .97), g("?", .2), g("4", .96), g("9", .98))))
    True
    >>> engine_cannot_have_read(Reading("3?.55", 0.2, (g("3", .97), g("?", .2), g(".", 1), g("5", .9), g("5", .9))))
    False
    >>> engine_cannot_have_read(Reading("7?", 0.2, (g("7", .5), g("?", .2)))), engine_cannot_have_read(None)
    (False, False)
    """
    lacks = ENGINE_LACKS.translate(_TO_ARABIC)
    return reading is not None and any(g.char in lacks and g.confidence >= AGREE_SURE for g in reading.glyphs)


#: Share of the lower box's height two readings of the same ink overlap by at least: the same
#: word on the next line of a tightly set cell touches the one above by a few pixels.
DOUBLE_MIN_OVERLAP = 0.5


def drop_doubles(words: list[OcrWord]) -> list[OcrWord]:
    """A cell's words without a second reading of the same ink (same text, boxes over each other).

    >>> a, b = OcrWord("79.33", 1495, 818, 1522, 863, 92.3, (1, 1, 1)), OcrWord("79.33", 1424, 822, 1520, 849, 92.6, (1, 1, 2))
    >>> [w.x0 for w in drop_doubles([a, b])]
    [1424]
    >>> len(drop_doubles([a, OcrWord("79.33", 1600, 818, 1690, 863, 92.3, (1, 1, 1))]))
    2
    >>> [w.text for w in drop_doubles([OcrWord("79.3", 1424, 822, 1500, 849, 90.0, (1, 1, 1)), b])]
    ['79.33']
    >>> up, down = OcrWord("(อ้างอิงจาก", 1384, 597, 1530, 646, 93.2, (1, 1, 1)), OcrWord("(อ้างอิงจาก", 1334, 640, 1484, 688, 90.1, (1, 1, 2))
    >>> len(drop_doubles([up, down]))  # the same word on the next line, the boxes touching
    2
    """
    out: list[OcrWord] = []
    # the longer of two readings first: a number read again in part (``79.5`` over ``79.55``) is the same ink
    for w in sorted(words, key=lambda w: (-len(w.text), -(w.x1 - w.x0))):
        if any(same_reading(o.text, w.text) and min(o.x1, w.x1) - max(o.x0, w.x0) >= 0.5 * (w.x1 - w.x0)
               and min(o.bottom, w.bottom) - max(o.top, w.top) >= DOUBLE_MIN_OVERLAP * min(o.bottom - o.top, w.bottom - w.top)
               for o in out):
            continue
        out.append(w)
    return [w for w in words if w in out]


def same_reading(longer: str, shorter: str) -> bool:
    """Whether ``shorter`` reads the same ink as ``longer``: the same text, or a number and a part of it from
    its start or its end (``๑๐๐.`` read whole as ``100.00``, beside it its ``๐๐`` read alone).

    >>> same_reading("79.55", "79.5"), same_reading("79.33", "79.33"), same_reading("100.00", "00"), same_reading("i12", "i1")
    (True, True, True, False)
    >>> same_reading("79.55", "5.79")
    False
    """
    return longer == shorter or (is_number(longer) and is_number(shorter)
                                 and (longer.startswith(shorter) or longer.endswith(shorter)))


def column_number_place(grid: Grid, col: int, words: list[OcrWord]) -> tuple[float, float, float, float, bool] | None:
    """Where a score column prints its numbers inside a cell: (x0, x1 from the cell's left; top, bottom; from the
    cell's middle?), from its cells read as one score; None below two such cells.

    Numbers are top-aligned or centred: the reference (the cell's top or middle) whose offsets
    spread least is taken. A cell whose ink is a stamp's ring or a signature is read there.
    """
    xs0, xs1, tops, mids = [], [], [], []
    for r in body_rows(grid, col, words):
        box = r[col] if col < len(r) else None
        if box is None:
            continue
        ws = cell_words(words, box)
        if len(ws) != 1 or not is_score_format(ws[0].text):
            continue
        w = ws[0]
        xs0.append(w.x0 - box[0])
        xs1.append(w.x1 - box[0])
        tops.append((w.top - box[1], w.bottom - box[1]))
        mid = (box[1] + box[3]) / 2
        mids.append((w.top - mid, w.bottom - mid))
    if len(xs0) < SCORE_COLUMN_MIN:
        return None
    spread = lambda v: float(np.ptp([a for a, _ in v]))  # noqa: E731
    ref = mids if spread(mids) < spread(tops) else tops
    return (min(xs0), max(xs1), float(np.median([a for a, _ in ref])), float(np.median([b for _, b in ref])),
            ref is mids)


def joined_decimal(words: list[OcrWord]) -> str | None:
    """Two integers on one line whose gap held the point OCR lost (``79`` ``11``), as one score.

    The second has the column's two decimals, the gap is narrower than a glyph's height.

    >>> w = lambda t, x0, x1: OcrWord(t, x0, 2816, x1, 2845, 95.0, (1, 1, 1))
    >>> joined_decimal([w("79", 1193, 1233), w("11", 1246, 1283)])
    '79.11'
    >>> joined_decimal([w("79", 1193, 1233), w("11", 1346, 1383)]), joined_decimal([w("79", 1193, 1233), w("1", 1246, 1260)])
    (None, None)
    """
    if len(words) != 2:
        return None
    a, b = sorted(words, key=lambda w: w.x0)
    ta, tb = a.text.translate(_TO_ARABIC), b.text.translate(_TO_ARABIC)
    h = max(a.bottom - a.top, b.bottom - b.top)
    if not (re.fullmatch(r"\d{1,3}", ta) and re.fullmatch(r"\d{2}", tb)) or not 0 <= b.x0 - a.x1 <= h:
        return None
    if min(a.bottom, b.bottom) <= max(a.top, b.top):
        return None  # not on one line
    text = f"{ta}.{tb}"
    return text if is_score_format(text) else None


def dash_box(crop: np.ndarray, dpi: float) -> PixelBox | None:
    """The one flat stroke of a cell that holds only a printed dash (crop pixels), or None."""
    blobs = ink_components(crop)
    big = max((b[4] for b in blobs), default=0)
    blobs = [b for b in blobs if b[4] >= DASH_SPECK * big]
    if len(blobs) != 1:
        return None
    x0, y0, x1, y1, _ = blobs[0]
    if x0 == 0 or y0 == 0 or x1 >= crop.shape[1] or y1 >= crop.shape[0]:
        return None  # a remnant of an erased rule touches the cell's edge
    mm = 25.4 / dpi
    w, h = (x1 - x0) * mm, (y1 - y0) * mm
    if h <= DASH_MAX_H_MM and DASH_W_MM[0] <= w <= DASH_W_MM[1] and w >= DASH_FLAT * h:
        return PixelBox(x0, y0, x1, y1)
    return None


#: Stamp ink is lighter than print (red or blue, grey in a scan): a score cell nothing else read is read once more
#: from its darkest strokes alone, those darker than this share of the way from its darkest ink (5th percentile)
#: to its ink threshold (Otsu) ...
STAMP_DARK_SHARE = 0.35
#: ... grown back by this many pixels (at 300 dpi) through the cell's ink: a stroke's blurred edge, not a ring.
STAMP_GROW_300 = 1


def ink_levels(crop: np.ndarray) -> tuple[float, np.ndarray, float] | None:
    """A crop's ink threshold (Otsu), its ink mask (1 where inked) and its darkest ink (5th percentile of the
    inked pixels), or None for a crop with too little contrast to hold ink.

    >>> crop = np.full((10, 10), 230, np.uint8); crop[2:8, 2:5] = 40
    >>> t, mask, dark = ink_levels(crop); 40 <= t < 230, int(mask.sum()), dark
    (True, 18, 40.0)
    >>> ink_levels(np.full((4, 4), 200, np.uint8)) is None
    True
    """
    if crop.size == 0 or int(crop.max()) - int(crop.min()) < 40:
        return None
    t, mask = cv2.threshold(crop, 0, 1, cv2.THRESH_BINARY_INV | cv2.THRESH_OTSU)
    ink = crop[mask > 0]
    if ink.size == 0:
        return None
    return float(t), mask, float(np.percentile(ink, 5))


def without_light_ink(crop: np.ndarray, dpi: float) -> np.ndarray | None:
    """The crop with ink lighter than its print turned to paper (a stamp's ring across a number), or None.

    Ink is kept where it is reached from the crop's darkest strokes within
    :data:`STAMP_GROW_300` pixels: the print's strokes come back whole, a
    lighter ring that touches them only where it crosses.

    >>> crop = np.full((20, 40), 230, np.uint8)
    >>> crop[5:15, 5:8] = 40; crop[9:11, 0:40] = 150   # a dark stroke, a light ring across it
    >>> out = without_light_ink(crop, 300.0)
    >>> int(out[5:15, 5:8].max()), int(out[9:11, 20:40].min())
    (150, 255)
    """
    levels = ink_levels(crop)
    if levels is None:
        return None
    t, mask, dark = levels
    kept = ((crop < dark + STAMP_DARK_SHARE * (t - dark)) & (mask > 0)).astype(np.uint8)
    for _ in range(max(1, int(round(STAMP_GROW_300 * dpi / 300.0)))):
        kept = cv2.dilate(kept, np.ones((3, 3), np.uint8)) & mask
    out = np.full_like(crop, 255)
    out[kept > 0] = crop[kept > 0]
    return out


def stamp_free_read(reader: NumberReader, crop: np.ndarray, dpi: float, min_ink: int,
                    hundred: bool = False) -> tuple[str, float, tuple[int, int, int, int]] | None:
    """A score cell's number read without the lighter ink over it (:func:`without_light_ink`), when that reads
    one full score surely: (text, confidence 0-100, box in crop pixels). ``hundred``: ``100`` as a column prints
    it without decimals counts too, its three glyphs read surely (not where Thai letters were read: only a full
    score replaces those)."""
    clean = without_light_ink(crop, dpi)
    ink = None if clean is None else number_box(clean, [], min_ink)
    if ink is None or not INK_HEIGHT_MM[0] <= ink.height * 25.4 / dpi <= INK_HEIGHT_MM[1]:
        return None
    pad = max(2, int(4 * dpi / 300.0))
    x0, y0 = max(0, ink.x0 - pad), max(0, ink.top - pad)
    x1, y1 = min(crop.shape[1], ink.x1 + pad), min(crop.shape[0], ink.bottom + pad)
    r = lone_number(drop_stray_points(reader.read_number(clean[y0:y1, x0:x1]), ""))
    if r is None or r.confidence < CELL_READ_MIN or not (full_score(r.text) or (hundred and r.text == "100")):
        return None
    return r.text, r.confidence * 100.0, (ink.x0, ink.top, ink.x1, ink.bottom)


def reads_whole(box: tuple[int, int, int, int], words: list[OcrWord]) -> bool:
    """Whether a reading's box (page pixels) reaches every line of the cell's words that hold a digit.

    A score its narrow column wrapped (``๑๐`` over ``๐.๐๐``) is two lines: a reading of one line alone
    (``0.00``) is part of the score, never the score.

    >>> w = lambda t, top: OcrWord(t, 10, top, 40, top + 20, 90.0, (1, top, 1))
    >>> reads_whole((10, 100, 40, 120), [w("0.60", 100), w("10", 60)]), reads_whole((10, 60, 40, 120), [w("10", 60)])
    (False, True)
    >>> reads_whole((10, 100, 40, 120), [w("0.60", 100), w("|", 60)]), reads_whole((10, 100, 40, 120), [])
    (True, True)
    """
    return all(w.bottom > box[1] and w.top < box[3] for w in words
               if re.search(f"[0-9{charset(DIGITS)}]", w.text))


def whole_stamp_read(reader: NumberReader, crop: np.ndarray, dpi: float, min_ink: int, hundred: bool,
                     origin: tuple[int, int], words: list[OcrWord]) -> tuple[str, float, tuple[int, int, int, int]] | None:
    """:func:`stamp_free_read` with its box in page pixels (``origin``: the crop's corner), when it reads the
    cell's whole number (:func:`reads_whole`)."""
    if (stamp := stamp_free_read(reader, crop, dpi, min_ink, hundred)) is None:
        return None
    box = (origin[0] + stamp[2][0], origin[1] + stamp[2][1], origin[0] + stamp[2][2], origin[1] + stamp[2][3])
    if (grey := ink_grey(crop, stamp[2])) is not None:
        # words of the stamp's own lettering (far lighter than the number read) are no line of the number
        words = [w for w in words if not lighter(crop, (w.x0 - origin[0], w.top - origin[1], w.x1 - origin[0],
                                                        w.bottom - origin[1]), grey)]
    return (stamp[0], stamp[1], box) if reads_whole(box, words) else None


#: A stroke at least this many times as high as a number's digits that runs through their line crosses the number
#: (a signature's loop, a stamp's ring as dark as the print) ...
CROSSING_HEIGHT = 1.8
#: ... with at least this many of its pixels, as a share of the digits' height, inside the number's place, and as
#: dark as the print: its grey at most this share of the way from the print's grey to the paper's (a stamp's
#: lighter ring is what :func:`without_light_ink` reads through).
CROSSING_PIXELS = 0.5
CROSSING_GREY = 0.35


def number_band(inside: list[OcrWord], place: tuple[float, float, float, float, bool] | None,
                box: tuple[float, float, float, float], origin: tuple[int, int]) -> PixelBox | None:
    """Where a score cell's digits stand (crop pixels, ``origin`` the crop's corner): where its column prints its
    numbers (:func:`column_number_place`), else its digit words' boxes, else None."""
    if place is not None:
        px0, px1, top, bottom, from_mid = place
        ref = (box[1] + box[3]) / 2 if from_mid else box[1]
        return PixelBox(int(box[0] + px0) - origin[0], int(ref + top) - origin[1], int(box[0] + px1) - origin[0],
                        int(ref + bottom) - origin[1])
    digits = [w for w in inside if re.search(f"[0-9{charset(DIGITS)}]", w.text)]
    if not digits:
        return None
    return PixelBox(int(min(w.x0 for w in digits)) - origin[0], int(min(w.top for w in digits)) - origin[1],
                    int(max(w.x1 for w in digits)) - origin[0], int(max(w.bottom for w in digits)) - origin[1])


def crossed(crop: np.ndarray, band: PixelBox) -> bool:
    """Whether a stroke far taller than a number's digits (:data:`CROSSING_HEIGHT` times ``band``'s height) runs
    through the place of the number (``band``, crop pixels): a signature or a stamp's ring across the digits,
    which a reader takes for strokes of them (``๘๙.๗๗`` crossed by a signature's loop read ``85.27``).

    >>> scan = lambda c: np.clip(c + np.random.default_rng(0).normal(0, 12, c.shape), 0, 255).astype(np.uint8)
    >>> crop = np.full((120, 200), 236.0)
    >>> for x in (40, 70, 100): crop[45:75, x:x + 18] = 40
    >>> band = PixelBox(35, 42, 125, 78)
    >>> crossed(scan(crop), band)
    False
    >>> crop[0:120, 80:84] = 40   # a signature's stroke as dark as the print, from above the line to below it
    >>> crossed(scan(crop), band)
    True
    >>> crop[:, 80:84] = 236; crop[0:120, 160:164] = 40   # beside the number: no crossing
    >>> crossed(scan(crop), band)
    False
    >>> crop[:, 160:164] = 236; crop[0:120, 80:84] = 160   # a stamp's lighter ring
    >>> crossed(scan(crop), band)
    False
    """
    levels = ink_levels(crop)
    h = band.bottom - band.top
    if levels is None or h <= 0:
        return False
    n, labels, stats, _ = cv2.connectedComponentsWithStats(levels[1], connectivity=8)
    tall = [i for i in range(1, n) if stats[i, cv2.CC_STAT_HEIGHT] >= CROSSING_HEIGHT * h]
    if not tall:
        return False
    rest = (labels > 0) & ~np.isin(labels, tall)
    paper = float(np.median(crop[labels == 0]))
    print_grey = float(np.median(crop[rest])) if rest.any() else levels[2]
    darkest = print_grey + CROSSING_GREY * (paper - print_grey)
    region = labels[max(0, band.top):max(0, band.bottom), max(0, band.x0):max(0, band.x1)]
    return any(int((region == i).sum()) >= CROSSING_PIXELS * h and float(np.median(crop[labels == i])) <= darkest
               for i in tall)


def place_read(reader: NumberReader, image: np.ndarray, box: tuple[float, float, float, float],
               place: tuple[float, float, float, float, bool] | None,
               dpi: float) -> tuple[str, float, tuple[int, int, int, int]] | None:
    """A score cell read where its column prints its numbers (:func:`column_number_place`), when that reads one
    score of the format surely: (text, confidence 0-100, box in page pixels)."""
    if place is None:
        return None
    px0, px1, top, bottom, from_mid = place
    ref = (box[1] + box[3]) / 2 if from_mid else box[1]
    pad = max(2, int(round(PLACE_PAD * (bottom - top))))
    H, W = image.shape[:2]
    x0, x1 = max(0, int(box[0] + px0) - pad), min(W, int(box[0] + px1) + pad)
    y0, y1 = max(0, int(ref + top) - pad), min(H, int(ref + bottom) + pad)
    if x1 - x0 < 4 or y1 - y0 < 4 or y0 < box[1] - pad or y1 > box[3] + pad:
        return None
    r = lone_number(drop_stray_points(reader.read_number(image[y0:y1, x0:x1]), ""))
    if r is None or r.confidence < CELL_READ_MIN or len(r.glyphs) < 3 or not is_score_format(r.text):
        return None
    return r.text, r.confidence * 100.0, (x0, y0, x1, y1)


def dust_only(words: list[OcrWord], crop: np.ndarray, dpi: float) -> bool:
    """Whether a cell's words are all specks Tesseract read as punctuation or a digit, and nothing else is inked.

    Grain read surely as ``,`` ``'`` ``.`` or ``4`` (half a millimetre high) in
    an otherwise empty cell, often the part of a row a page break carried over:
    no word and no blob of the cell is as high or as wide as the smallest
    printed glyph (:data:`INK_HEIGHT_MM`). Kept, the specks become the cell's
    text: a score ``'100.00 , -'`` that reads as no number, a question's tail
    that no longer joins the row before it (its score cell holds text).

    >>> w = lambda t, h: OcrWord(t, 10, 10, 14, 10 + h, 82.0, (1, 1, 1))
    >>> crop = np.full((60, 120), 235, np.uint8); crop[20:24, 30:34] = 40
    >>> dust_only([w(",", 5)], crop, 200.0), dust_only([w("4", 30)], crop, 200.0)
    (True, False)
    >>> crop[20:40, 50:60] = 40   # a glyph-high stroke the words missed
    >>> dust_only([w(",", 5)], crop, 200.0), dust_only([], crop, 200.0)
    (False, False)
    """
    least = INK_HEIGHT_MM[0] * dpi / 25.4
    if not words or any(w.bottom - w.top >= least or w.x1 - w.x0 >= least or _RE_THAI_LETTER.search(w.text)
                        for w in words):
        return False
    return not any(b[3] - b[1] >= least or b[2] - b[0] >= least for b in ink_components(crop))


#: Ink darker than these shares of the way from a crop's darkest ink (5th percentile) to its ink threshold (Otsu)
#: is kept by :func:`thinned_read`, lighter ink turned to paper: each a level of thinning.
THIN_SHARES = (0.85, 0.8, 0.75, 0.7, 0.65, 0.6)
#: ... and a reading counts when this many levels read the same score, each surely (:data:`CELL_READ_MIN`).
THIN_AGREE = 2


def thinned(crop: np.ndarray, share: float) -> np.ndarray | None:
    """The crop with ink lighter than ``share`` of the way from its darkest ink to its threshold turned to paper.

    >>> crop = np.full((10, 12), 230, np.uint8); crop[2:8, 2:5] = 40; crop[2:8, 5:7] = 150; crop[2:8, 7:10] = 40
    >>> out = thinned(crop, 0.7); int(out[4, 3]), int(out[4, 6]), int(out[4, 8])
    (40, 255, 40)
    """
    levels = ink_levels(crop)
    if levels is None:
        return None
    t, _, dark = levels
    out = crop.copy()
    out[crop > dark + share * (t - dark)] = 255
    return out


def thinned_read(reader: NumberReader, crop: np.ndarray) -> Reading | None:
    """A score read from a number's ink thinned (:func:`thinned`), when :data:`THIN_AGREE` levels of
    :data:`THIN_SHARES` read the same score of the column's format surely, or None.

    Blur (a light print, a soft scan) joins tightly set Thai digits at their
    grey rims: ``๙๘`` becomes one blob that reads as ``๗`` or as two halves
    that read nothing surely (``7.31`` for ``๙๘.๙๑``). Their darker cores stand
    apart. Levels that agree are the evidence: a speck or a broken stroke reads
    differently at each.
    """
    found: dict[str, list[Reading]] = {}
    for share in THIN_SHARES:
        img = thinned(crop, share)
        r = None if img is None else lone_number(drop_stray_points(reader.read_number(img), ""))
        if r is not None and r.confidence >= CELL_READ_MIN and len(r.glyphs) >= 3 and is_score_format(r.text):
            found.setdefault(r.text, []).append(r)
    agreed = [rs for rs in found.values() if len(rs) >= THIN_AGREE]
    if len(agreed) != 1:
        return None
    return min(agreed[0], key=lambda r: r.confidence)


#: Views of a number's ink :func:`voted_read` reads: as it is, softened, inked heavier and lighter (a faint print's
#: thin strokes, blurred digits that touch), at another scale (pixels per stroke), and thinned to its darker cores.
VOTED_SCALES = (0.75, 1.5)
#: A reading of the voted views wins when at least this many views read it ...
VOTED_MIN_VIEWS = 4
#: ... their summed confidence is at least this many times the runner-up's ...
VOTED_MARGIN = 2.0
#: ... and their mean confidence at least this (each view alone may stay below :data:`CELL_READ_MIN`).
VOTED_MEAN_MIN = 0.4
#: Four digits without a point in a score column: the point joined a digit's foot (``๖.`` one blob).
_RE_POINTLESS = re.compile(r"^\d{4}$")
#: One decimal in a score column: a speck between two digits read as a point (``๑๐๐`` as ``10.0``).
_RE_ONE_DECIMAL = re.compile(r"^\d{1,2}\.\d$")


def as_printed(text: str) -> str:
    """A score column's reading in the column's format (two decimals, or ``100``): four digits without a point
    are ``dd.dd`` (its point, joined to the digit before it by blur, was read as part of that digit); a point
    that leaves one decimal is a speck when the digits alone are a score of the format (``10.0`` is ``100``).

    >>> as_printed("8669"), as_printed("86.69"), as_printed("100"), as_printed("869")
    ('86.69', '86.69', '100', '869')
    >>> as_printed("10.0"), as_printed("85.0"), as_printed("9.5")
    ('100', '85.0', '9.5')
    """
    if _RE_POINTLESS.match(text):
        return f"{text[:2]}.{text[2:]}"
    if _RE_ONE_DECIMAL.match(text) and is_score_format(joined := text.replace(".", "")):
        return joined
    return text


def ink_views(crop: np.ndarray) -> list[np.ndarray]:
    """A number's ink as it is and as other scans could have printed it (:data:`VOTED_SCALES`, :func:`thinned`).

    >>> crop = np.full((30, 80), 230, np.uint8); crop[5:25, 5:70] = 40
    >>> len(ink_views(crop))
    8
    """
    k = np.ones((2, 2), np.uint8)
    views = [crop, cv2.GaussianBlur(crop, (3, 3), 0), cv2.erode(crop, k), cv2.dilate(crop, k)]
    views += [cv2.resize(crop, None, fx=s, fy=s, interpolation=cv2.INTER_AREA if s < 1 else cv2.INTER_CUBIC)
              for s in VOTED_SCALES]
    levels = ink_levels(crop)
    if levels is not None:
        t, _, _ = levels
        views.append(np.where(crop > min(254.0, t + 30), 255, 0).astype(np.uint8))  # every grey rim kept as ink
    views += [v for share in (0.75,) if (v := thinned(crop, share)) is not None]
    return views


def voted_read(reader: NumberReader, crop: np.ndarray, line: bool = False) -> tuple[str, float] | None:
    """A score read by most views of a number's ink (:func:`ink_views`), each read in the column's format
    (:func:`as_printed`), when no single view reads it surely: (text, confidence 0-100) or None.
    ``line``: the ink is one line of a score its column wrapped (``๑๐`` of ``๑๐`` over ``๐.๐๐``): any
    number of one glyph or more, as read.

    A faint print or blurred digits leave one glyph unsure in every view (``๘๗.๓๓`` whose last ``๓``
    reads 0.47): views that agree on the whole reading are the evidence the one lacks. The agreeing views
    must be many (:data:`VOTED_MIN_VIEWS`), sure enough on average (:data:`VOTED_MEAN_MIN`) and outweigh any
    other reading (:data:`VOTED_MARGIN`); the confidence given is their mean.
    """
    weight: dict[str, float] = {}
    count: dict[str, int] = {}
    shown: dict[str, str] = {}
    for view in ink_views(crop):
        r = lone_number(drop_stray_points(reader.read_number(view), ""))
        if r is None or len(r.glyphs) < (1 if line else 3):
            continue
        text = r.text if line else as_printed(r.text)
        if not line and (not is_score_format(text) or not plausible_score(text)):
            continue
        key = text if line else f"{float(text):.2f}"
        weight[key] = weight.get(key, 0.0) + r.confidence
        count[key] = count.get(key, 0) + 1
        shown.setdefault(key, text)
    if not weight:
        return None
    best = max(weight, key=weight.__getitem__)
    runner = max((w for k, w in weight.items() if k != best), default=0.0)
    if count[best] < VOTED_MIN_VIEWS or weight[best] < VOTED_MARGIN * runner \
            or weight[best] / count[best] < VOTED_MEAN_MIN:
        return None
    return shown[best], 100.0 * weight[best] / count[best]


#: A blot (a drop of ink, a filled speck) is ink this many times as far from paper as the number's strokes are
#: at their middle (half their width): tried from the first, the least taken away (:func:`without_blots`).
BLOT_HALF_WIDTHS = (4.0, 3.5)
#: ... and at least this share of the ink's height deep (a thick font's heaviest stroke is no blot).
BLOT_HEIGHT_SHARE = 0.2


def without_blots(crop: np.ndarray, half_widths: float) -> np.ndarray | None:
    """The crop with its blots turned to paper: ink ``half_widths`` times as deep (distance to paper) as the
    strokes' median depth and :data:`BLOT_HEIGHT_SHARE` of the ink's height, with the disc of ink around it;
    None when it holds none.

    >>> crop = np.full((40, 80), 230, np.uint8); crop[10:30, 10:13] = 40; crop[10:30, 30:33] = 40
    >>> without_blots(crop, 4.0) is None
    True
    >>> crop[12:32, 50:70] = 40   # a blot beside two strokes
    >>> out = without_blots(crop, 4.0); int(out[20, 60]), int(out[20, 11])
    (255, 40)
    """
    levels = ink_levels(crop)
    if levels is None:
        return None
    _, mask, _ = levels
    depth = cv2.distanceTransform(mask.astype(np.uint8), cv2.DIST_L2, 5)
    half = float(np.median(depth[depth > 0])) if (depth > 0).any() else 0.0
    rows = np.nonzero(mask.any(axis=1))[0]
    height = float(rows[-1] - rows[0] + 1) if len(rows) else 0.0
    ys, xs = np.nonzero(depth >= max(half_widths * max(half, 1.0), BLOT_HEIGHT_SHARE * height))
    if not len(ys):
        return None
    blots = np.zeros_like(mask)
    for y, x in zip(ys, xs):
        cv2.circle(blots, (int(x), int(y)), int(np.ceil(depth[y, x])) + 1, 1, -1)
    out = crop.copy()
    out[blots > 0] = 255
    return out


def blot_free_read(reader: NumberReader, crop: np.ndarray) -> tuple[str, float] | None:
    """A score read surely from a number's ink without its blots (:func:`without_blots`): (text, confidence
    0-100) or None.

    A blot touching a digit (``๘`` with a drop of ink at its tail) makes one glyph the recognizer cannot read,
    and Tesseract reads the whole number otherwise (``33.25`` for ``๗๓.๒๘``); the blot is far thicker than any
    stroke of the print.
    """
    for half_widths in BLOT_HALF_WIDTHS:
        clean = without_blots(crop, half_widths)
        if clean is None:
            continue
        r = lone_number(drop_stray_points(reader.read_number(clean), ""))
        if r is not None and r.confidence >= CELL_READ_MIN and is_score_format(r.text) and plausible_score(r.text):
            return r.text, r.confidence * 100.0
    return None


#: Heavier ink a thin print's number is read in again (:func:`heavy_read`): each stroke grown by these kernels
#: (width, height in pixels) ...
HEAVY_KERNELS = ((2, 2), (3, 2), (3, 3))
#: ... and grey this far lighter than the ink's threshold (Otsu) counted as ink.
HEAVY_GREY = (50, 70)
#: A score wins when at least this many heavier views read it this surely each (the views of a thin print
#: read below :data:`CELL_READ_MIN`: the hairlines they mend stay thin), ...
HEAVY_AGREE, HEAVY_SURE = 2, 0.5
#: ... and the views that read it outweigh (summed confidence) this many times any other score they read.
HEAVY_MARGIN = 2.0


def heavy_views(crop: np.ndarray) -> list[np.ndarray]:
    """A number's ink made heavier: strokes grown (:data:`HEAVY_KERNELS`), lighter grey taken as ink
    (:data:`HEAVY_GREY`).

    >>> crop = np.full((30, 80), 230, np.uint8); crop[5:25, 5:70] = 40
    >>> views = heavy_views(crop); ink = lambda img: int((img < 128).sum())
    >>> len(views), ink(views[0]) > ink(crop), all(ink(v) >= ink(crop) for v in views)
    (5, True, True)
    """
    views = [cv2.erode(crop, np.ones((h, w), np.uint8)) for w, h in HEAVY_KERNELS]
    levels = ink_levels(crop)
    if levels is not None:
        views += [np.where(crop > min(254.0, levels[0] + d), 255, 0).astype(np.uint8) for d in HEAVY_GREY]
    return views


def ends_contradict(text: str, reading: Reading | None) -> bool:
    """Whether a reading of the same ink, glyph for glyph from either end up to its first unread glyph, is
    sure (:data:`AGREE_SURE`) of a digit where ``text`` has another: ``98.24`` against ``98.???5``, whose
    broken middle glyphs count for nothing, but whose ``5`` does.

    >>> g = lambda c, p=0.95: GlyphGuess(c, p, PixelBox(0, 0, 1, 1))
    >>> r = Reading("98.???5", 0.01, (g("9"), g("8"), g("."), g("?", .1), g("?", .1), g("?", .1), g("5")))
    >>> ends_contradict("98.24", r), ends_contradict("98.25", r), ends_contradict("90.25", r), ends_contradict("98.25", None)
    (True, False, True, False)
    """
    if reading is None:
        return False
    glyphs = list(reading.glyphs)
    for pairs in (zip(glyphs, text), zip(reversed(glyphs), reversed(text))):
        for g, c in pairs:
            if g.char == "?":
                break
            if g.confidence >= AGREE_SURE and g.char.isdigit() and g.char != c:
                return True
    return False


def heavy_read(reader: NumberReader, crop: np.ndarray, seen: Reading | None = None) -> tuple[str, float] | None:
    """A score read from a number's ink made heavier (:func:`heavy_views`) by at least :data:`HEAVY_AGREE`
    views, each at least :data:`HEAVY_SURE` sure, outweighing any other score they read
    (:data:`HEAVY_MARGIN`), and not contradicted by the ink's own reading ``seen`` (:func:`ends_contradict`):
    (text, mean confidence 0-100 of those views) or None.

    A fine print's hairlines break in the scan: the top of a ``๐`` opens and its two halves are two glyphs
    no class fits (``9??.98`` for ``๙๐.๙๘``), a ``๖``'s loop parts from its tail. Grown strokes close the
    gaps; views that grow them differently and agree are the evidence, the format and the glyphs the thin
    ink read surely the check (grown strokes can also close what is open: ``๕`` without its tail is ``๔``).
    """
    weight: dict[str, float] = {}
    sure: dict[str, list[float]] = {}
    shown: dict[str, str] = {}
    for view in heavy_views(crop):
        r = lone_number(drop_stray_points(reader.read_number(view), ""))
        if r is None or len(r.glyphs) < 3:
            continue
        text = as_printed(r.text)
        if not is_score_format(text) or not plausible_score(text):
            continue
        key = f"{float(text):.2f}"
        weight[key] = weight.get(key, 0.0) + r.confidence
        shown.setdefault(key, text)
        if r.confidence >= HEAVY_SURE:
            sure.setdefault(key, []).append(r.confidence)
    if not weight:
        return None
    best = max(weight, key=weight.__getitem__)
    runner = max((w for k, w in weight.items() if k != best), default=0.0)
    if len(sure.get(best, ())) < HEAVY_AGREE or weight[best] < HEAVY_MARGIN * runner \
            or ends_contradict(shown[best], seen):
        return None
    return shown[best], 100.0 * sum(sure[best]) / len(sure[best])


def contradicts(text: str, reading: Reading | None) -> bool:
    """Whether the recognizer, reading as many glyphs as ``text`` has, is sure (:data:`AGREE_SURE`) of a digit
    ``text`` has another at that place: ``33.25`` against ``๗๓.๒?`` read surely up to a blot.

    >>> g = lambda c, p: GlyphGuess(c, p, PixelBox(0, 0, 1, 1))
    >>> r = Reading("73.2?", 0.09, (g("7", .93), g("3", .95), g(".", 1.0), g("2", .98), g("?", .09)))
    >>> contradicts("33.25", r), contradicts("73.28", r), contradicts("73.2", r)
    (True, False, False)
    """
    if reading is None or len(reading.glyphs) != len(text):
        return False
    return any(g.confidence >= AGREE_SURE and g.char.isdigit() and g.char != c for g, c in zip(reading.glyphs, text))


#: Views of a score's ink the recognizer reads again to check a reading (:func:`view_votes`): thinned to its darker
#: cores at these levels (:func:`thinned`: digits that blur joined stand apart; the first level is read first), then
#: the ink as it is.
VOTE_THIN = (0.75, 0.65, 0.85)
#: Another score replaces a cell's reading when at least this many views read it, each surely
#: (:data:`CELL_READ_MIN`), and more views read it than the cell's reading (:func:`outvoted`).
VOTE_MIN = 2
#: ... unless the ink as it is reads the cell's reading this surely.
VOTE_INK_SURE = 0.9


def score_views(crop: np.ndarray) -> list[np.ndarray]:
    """A number's ink as the recognizer reads it to check a reading: thinned at the first level, as it is, thinned
    at the other levels.

    >>> crop = np.full((30, 80), 230, np.uint8); crop[5:25, 5:70] = 40
    >>> [v.shape for v in score_views(crop)]
    [(30, 80), (30, 80), (30, 80), (30, 80)]
    """
    thin = [t for share in VOTE_THIN if (t := thinned(crop, share)) is not None]
    return thin[:1] + [crop] + thin[1:]


def view_votes(reader: NumberReader, crop: np.ndarray, text: str | None = None) -> dict[str, int]:
    """How many views of a number's ink (:func:`score_views`) read each score of the format, surely.

    Given the reading ``text`` to check, the views stop at the first when it reads ``text`` too (two
    readers of the same ink that agree are evidence enough, and most cells read alike in every view),
    and as soon as no other reading can outvote it (:func:`outvoted`).
    """
    votes: dict[str, int] = {}
    views = score_views(crop)
    for i, view in enumerate(views):
        r = lone_number(drop_stray_points(reader.read_number(view), ""))
        if r is not None and r.confidence >= CELL_READ_MIN and is_score_format(r.text):
            votes[r.text] = votes.get(r.text, 0) + 1
        if text is not None:
            own = sum(n for t, n in votes.items() if float(t) == float(text))
            other = max((n for t, n in votes.items() if float(t) != float(text)), default=0)
            # the ink as it is read surely as ``text`` stands against thinned views: thinning takes strokes away
            # and can leave a digit's sibling without them (``๕`` without its tail reads ``๔``)
            sure = view is crop and r is not None and r.confidence >= VOTE_INK_SURE and float(r.text or "nan") == float(text)
            if (i == 0 and own) or sure or other + len(views) - i - 1 < max(VOTE_MIN, own + 1):
                break
    return votes


def outvoted(text: str, votes: dict[str, int]) -> str | None:
    """The score most views read instead of ``text``, when at least :data:`VOTE_MIN` of them and more than read
    ``text`` (as the same number: ``100`` is ``100.00``) did; None when ``text`` stands.

    >>> outvoted("86.72", {"86.32": 5, "86.72": 1}), outvoted("86.72", {"86.32": 1}), outvoted("100", {"100.00": 6})
    ('86.32', None, None)
    >>> outvoted("77.48", {"87.48": 3, "77.48": 3}), outvoted("77.48", {"87.48": 3, "81.48": 3})
    (None, None)
    """
    same = lambda a: float(a) == float(text)  # noqa: E731
    own = sum(n for t, n in votes.items() if same(t))
    others = sorted(((n, t) for t, n in votes.items() if not same(t)), reverse=True)
    if not others or others[0][0] < VOTE_MIN or others[0][0] <= own:
        return None
    if len(others) > 1 and others[1][0] == others[0][0]:
        return None  # two others read as often: no reading wins
    return others[0][1]


#: The views as other scans could print the ink side with a reading thinned views outvoted when at least this many
#: of them (half) read it surely and none the other (:func:`outvote_stands`).
OUTVOTE_INK_MIN = 4


def outvote_stands(reader: NumberReader, crop: np.ndarray, text: str, other: str, votes: dict[str, int]) -> str:
    """What a cell reads when views of its ink (:func:`view_votes`) outvote its reading ``text`` with ``other``
    (:func:`outvoted`): the views as other scans could have printed the ink (:func:`ink_view_votes`: heavier,
    lighter, softer, at other scales) are asked too. ``other`` when they do not side with ``text``; ``text``
    when all views together read it :data:`VOTED_MARGIN` times as often as ``other``; else the two readings
    dispute the ink and the cell is unreadable (``text`` with :data:`UNREAD_MARK`).

    Thinned views part touching digits where the ink as it is joins them, but at small sizes they can also
    break one digit in two (``๗๕`` of a blurred 200 dpi print read ``34`` thinned, ``75`` in every other view).
    """
    ink = ink_view_votes(reader, crop)
    same = lambda a, b: float(a) == float(b)  # noqa: E731
    for_text = sum(n for t, n in ink.items() if same(t, text))
    if for_text < OUTVOTE_INK_MIN or any(same(t, other) for t in ink) or settles(reader, crop, other):
        return other
    merged = merged_votes(votes, ink)
    own = sum(n for t, n in merged.items() if same(t, text))
    rival = max((n for t, n in merged.items() if not same(t, text)), default=0)
    return text if own >= VOTED_MARGIN * rival else text + UNREAD_MARK


def disputed(text: str, votes: dict[str, int]) -> bool:
    """Whether views of the ink that read ``text`` (at least one) read another score as often (:func:`view_votes`):
    two readings of the same ink that disagree, neither outvoting the other, and no evidence for either. Touching
    digits cut in two places read two scores (``๘๗`` as ``77`` as it is, ``87`` thinned): the cell is unreadable.

    >>> disputed("77.50", {"77.50": 1, "87.50": 1}), disputed("77.50", {"77.50": 2, "87.50": 1})
    (True, False)
    >>> disputed("100", {"100.00": 1}), disputed("77.50", {"87.50": 1}), disputed("77.50", {})
    (False, False, False)
    """
    own = sum(n for t, n in votes.items() if float(t) == float(text))
    return own >= 1 and max((n for t, n in votes.items() if float(t) != float(text)), default=0) >= own


def ink_view_votes(reader: NumberReader, crop: np.ndarray) -> dict[str, int]:
    """How many views of a number's ink as other scans could have printed it (:func:`ink_views`: heavier,
    lighter, softer, at other scales) read each score of the format, surely (:data:`CELL_READ_MIN`)."""
    votes: dict[str, int] = {}
    for view in ink_views(crop):
        r = lone_number(drop_stray_points(reader.read_number(view), ""))
        if r is not None and r.confidence >= CELL_READ_MIN and len(r.glyphs) >= 3:
            text = as_printed(r.text)
            if is_score_format(text) and plausible_score(text):
                key = f"{float(text):.2f}"
                votes[key] = votes.get(key, 0) + 1
    return votes


def reads_surely(reader: NumberReader, crop: np.ndarray, text: str) -> bool:
    """Whether the ink as it is reads ``text`` at least :data:`VOTE_INK_SURE` sure: it stands against other views
    (thinning takes strokes away and can leave a digit's sibling: ``๕`` without its tail reads ``๔``)."""
    r = lone_number(drop_stray_points(reader.read_number(crop), ""))
    return r is not None and r.confidence >= VOTE_INK_SURE and is_number(r.text) and float(r.text) == float(text)


#: Levels of thinning deeper than any view of a dispute reads (:func:`thinned`): the third view that settles it.
SETTLE_THIN = (0.55, 0.5)


def settles(reader: NumberReader, crop: np.ndarray, text: str) -> bool:
    """Whether a third view settles a dispute over ``text`` (:func:`disputed`, :func:`outweighed`): the number's
    ink thinned deeper than any view that disputed it (:data:`SETTLE_THIN`), where every level reads ``text``
    surely (:data:`CELL_READ_MIN`) in the column's format. The views then agree on ``text``; a level that
    reads another score, or nothing surely, leaves the dispute to stand (the cell unreadable).

    Blur and a phone's soft focus join tightly set digits at their grey rims, so views read them cut in
    different places (``๘๗`` as ``77`` in a blurred view, ``87`` in a thinned one); the darkest cores of the
    strokes stand apart.
    """
    for share in SETTLE_THIN:
        img = thinned(crop, share)
        r = None if img is None else lone_number(drop_stray_points(reader.read_number(img), ""))
        if r is None or r.confidence < CELL_READ_MIN or len(r.glyphs) < 3:
            return False
        shown = as_printed(r.text)
        if not is_score_format(shown) or float(shown) != float(text):
            return False
    return True


def merged_votes(*votes: dict[str, int]) -> dict[str, int]:
    """Votes of several sets of views added up, each score as one key (``100`` is ``100.00``).

    >>> merged_votes({"87.50": 2, "100": 1}, {"77.50": 2, "87.50": 1, "100.00": 1})
    {'87.50': 3, '100.00': 2, '77.50': 2}
    """
    out: dict[str, int] = {}
    for v in votes:
        for t, n in v.items():
            key = f"{float(t):.2f}"
            out[key] = out.get(key, 0) + n
    return out


def outweighed(text: str, votes: dict[str, int]) -> bool:
    """Whether another score is read by at least one view and by as many views as ``text``.

    >>> outweighed("34.00", {"75.00": 3, "39.00": 1}), outweighed("34.00", {"34.00": 1, "75.00": 1})
    (True, True)
    >>> outweighed("34.00", {"34.00": 2, "75.00": 1}), outweighed("34.00", {}), outweighed("100", {"100.00": 4})
    (False, False, False)
    """
    own = sum(n for t, n in votes.items() if float(t) == float(text))
    return max((n for t, n in votes.items() if float(t) != float(text)), default=0) >= max(1, own)


#: A line of ink this many times as wide as it is high holds more than one digit (:func:`lost_digits`).
LOST_WIDTH = 2.0


def lost_digits(words: list[OcrWord], crop: np.ndarray) -> bool:
    """A score cell read as one lone digit (``1``, ``0``) while its ink holds at least three glyphs, or is
    wider than :data:`LOST_WIDTH` times the height of its lowest glyph (``10`` of ``100`` joined by a blot,
    and ``0``).

    A score column prints two decimals, so one digit alone is part of a
    number (``1`` of ``100.00``), never a score; a number read with its
    integer digits (``100``, ``75`` for ``75.00``) is left to stand.
    """
    if len(words) != 1 or not re.fullmatch(r"\d", words[0].text.translate(_TO_ARABIC)):
        return False
    glyphs = line_glyphs(crop)
    if not glyphs:
        return False
    # as wide as more than one of its glyphs is high (a blot on one makes it taller: the lowest counts)
    wide = max(b[2] for b in glyphs) - min(b[0] for b in glyphs) >= LOST_WIDTH * min(b[3] - b[1] for b in glyphs)
    return wide or len(glyphs) >= 3


#: Ink a score cell read as nothing is a printed number's when its text line holds this many glyphs ...
NUMBER_INK_GLYPHS = 2
#: ... each this high, as shares of the column's digit height (grain is lower; a stamp's ring, a signature's loop
#: taller) ...
NUMBER_INK_HEIGHT = (0.6, 1.6)
#: ... at most this many digit heights wide (digits a blur joined), their bottoms this share of it apart ...
NUMBER_INK_WIDTH = 3.5
NUMBER_INK_BASELINE = 0.3
#: ... and spanning together at least this many digit heights (the narrowest score, ``100``, spans two).
NUMBER_INK_SPAN = 1.2
#: Without a column to measure, a digit is this high (millimetres) at most.
DIGIT_HEIGHT_MAX_MM = 6.0


def number_ink(crop: np.ndarray, dpi: float, digit_height: float | None = None) -> PixelBox | None:
    """Where a cell's ink holds a printed number, read or not (crop pixels), or None: at least :data:`NUMBER_INK_GLYPHS` glyphs of
    the column's digit height (:data:`NUMBER_INK_HEIGHT`) on one baseline, spanning
    :data:`NUMBER_INK_SPAN` digit heights. ``digit_height`` is the column's (pixels); None takes the glyphs'
    own, within :data:`INK_HEIGHT_MM` and :data:`DIGIT_HEIGHT_MAX_MM`.

    A stroke that enters the cell from outside it (a signature, a stamp's ring crossing it) touches the crop's
    edge: it is no glyph, and a cell it alone crosses holds no number. Grain is lower than any digit.

    >>> crop = np.full((60, 160), 236, np.uint8)
    >>> number_ink(crop, 300.0), number_ink(crop, 300.0, 30.0)
    (None, None)
    >>> for x in (20, 45, 80): crop[15:45, x:x + 18] = 40
    >>> number_ink(crop, 300.0, 30.0), number_ink(crop, 300.0) is not None
    (PixelBox(x0=20, top=15, x1=98, bottom=45), True)
    >>> number_ink(crop, 300.0, 12.0) is None   # glyphs far taller than the column's digits: no number of them
    True
    >>> loop = np.full((60, 160), 236, np.uint8); loop[0:40, 60:64] = 40; loop[38:42, 60:140] = 40
    >>> number_ink(loop, 300.0, 30.0) is None   # a signature's stroke from outside the cell
    True
    """
    blobs = [b for b in ink_components(crop)
             if b[0] > 0 and b[1] > 0 and b[2] < crop.shape[1] and b[3] < crop.shape[0]]
    least, most = INK_HEIGHT_MM[0] * dpi / 25.4, DIGIT_HEIGHT_MAX_MM * dpi / 25.4
    for seed in blobs:
        h = digit_height if digit_height else float(seed[3] - seed[1])
        if not least <= h <= (most if digit_height is None else max(most, h)):
            continue
        line = [b for b in blobs if NUMBER_INK_HEIGHT[0] * h <= b[3] - b[1] <= NUMBER_INK_HEIGHT[1] * h
                and b[2] - b[0] <= NUMBER_INK_WIDTH * h and abs(b[3] - seed[3]) <= NUMBER_INK_BASELINE * h]
        if len(line) >= NUMBER_INK_GLYPHS and max(b[2] for b in line) - min(b[0] for b in line) >= NUMBER_INK_SPAN * h:
            return PixelBox(min(b[0] for b in line), min(b[1] for b in line), max(b[2] for b in line),
                            max(b[3] for b in line))
    return None


def column_grey(grid: Grid, col: int, words: list[OcrWord], image: np.ndarray) -> tuple[float, float] | None:
    """The print's darkest ink and paper in a score column (medians over its cells read as one full score,
    :func:`ink_grey`), or None with fewer than :data:`SCORE_COLUMN_MIN` of them."""
    greys = [g for r in body_rows(grid, col, words) if col < len(r) and r[col] is not None
             and len(ws := cell_words(words, r[col])) == 1 and full_score(ws[0].text.translate(_TO_ARABIC))
             and (g := ink_grey(image, ws[0])) is not None]
    if len(greys) < SCORE_COLUMN_MIN:
        return None
    return float(np.median([g[0] for g in greys])), float(np.median([g[1] for g in greys]))


def unread_number(inside: list[OcrWord], crop: np.ndarray, dpi: float,
                  place: tuple[float, float, float, float, bool] | None, cx0: int, cy0: int,
                  key: tuple[int, int, int], grey: tuple[float, float] | None = None) -> OcrWord | None:
    """A score cell that no reading could make a number of, as the mark :data:`UNREAD_MARK` where its number's
    ink is (:func:`number_ink`, at the column's digit height from ``place``), or None: a cell without words (or
    with specks read as punctuation, which downstream takes for a dash) and no printed number stays empty.
    Ink far lighter than the column's print (``grey``, :func:`column_grey`) is a stamp's lettering, no number.

    What cannot be read is flagged, never left as an empty cell: ``score-unreadable`` downstream.
    """
    if not all(_RE_PUNCT.match(w.text) for w in inside):
        return None
    ink = number_ink(crop, dpi, None if place is None else place[3] - place[2])
    if ink is None or (grey is not None and lighter(crop, (ink.x0, ink.top, ink.x1, ink.bottom), grey)):
        return None
    return OcrWord(UNREAD_MARK, cx0 + ink.x0, cy0 + ink.top, cx0 + ink.x1, cy0 + ink.bottom, 0.0, key, "cell")


#: A blob of a number's line this many times as wide as the line's median glyph holds two digits a blur joined.
JOINED_WIDTH = 1.7
_RE_ONE_INTEGER = re.compile(r"^[1-9]\.\d{2}$")


def lost_integer_digit(crop: np.ndarray, word: OcrWord) -> bool:
    """A score read with one integer digit (``8.42``) whose ink holds more digits than it has: ``๘๔`` a blur
    joined into one blob, as wide as two glyphs (:data:`JOINED_WIDTH`), read as one (``๘๔.๔๒``).

    >>> crop = np.full((40, 160), 236, np.uint8)
    >>> crop[10:30, 10:44] = 40; crop[27:30, 50:53] = 40; crop[10:30, 60:76] = 40; crop[10:30, 82:98] = 40
    >>> w = lambda t: OcrWord(t, 0, 0, 9, 9, 90.0, (1, 1, 1))
    >>> lost_integer_digit(crop, w("8.42")), lost_integer_digit(crop, w("84.42"))
    (True, False)
    >>> crop[10:30, 10:44] = 236; crop[10:30, 28:44] = 40   # one glyph: the reading holds the ink
    >>> lost_integer_digit(crop, w("8.42"))
    False
    """
    if not _RE_ONE_INTEGER.match(word.text.translate(_TO_ARABIC)):
        return False
    glyphs = line_glyphs(crop)
    if not glyphs:
        return False
    if len(glyphs) < 2:
        return False
    median = float(np.median([b[2] - b[0] for b in glyphs]))
    digits = sum(2 if b[2] - b[0] >= JOINED_WIDTH * median else 1 for b in glyphs)
    return digits > sum(c.isdigit() for c in word.text.translate(_TO_ARABIC))


def checked_score(reader: NumberReader, crop: np.ndarray, word: OcrWord, cx0: int, cy0: int, dpi: float,
                  min_ink: int) -> OcrWord | None:
    """A score cell's one word read as another score by most views of its ink (:func:`view_votes`,
    :func:`outvoted`), or None when its reading stands.

    Two readings of the same ink that disagree are evidence of a misreading: a cut through touching digits
    (``๓๒`` cut so that ``๓`` keeps a stroke of ``๒`` and reads ``๗``) is made elsewhere in a thinned or
    scaled view, and a reading most views share outweighs the one.
    """
    k = dpi / 300.0
    ink = number_box(crop, [PixelBox(word.x0 - cx0, word.top - cy0, word.x1 - cx0, word.bottom - cy0)], min_ink)
    if ink is None or not INK_HEIGHT_MM[0] <= ink.height * 25.4 / dpi <= INK_HEIGHT_MM[1]:
        return None
    pad = max(2, int(4 * k))
    number = crop[max(0, ink.top - pad):min(crop.shape[0], ink.bottom + pad),
                  max(0, ink.x0 - pad):min(crop.shape[1], ink.x1 + pad)]
    text = word.text.translate(_TO_ARABIC)
    votes = view_votes(reader, number, text)
    voted = outvoted(text, votes)
    if voted is not None:
        voted = outvote_stands(reader, number, text, voted, votes)
        if voted == text:
            return None
    if voted is None and disputed(text, votes) and not reads_surely(reader, number, text) \
            and not settles(reader, number, text):
        voted = text + UNREAD_MARK  # two readings of the ink, neither outvoting the other: null, flagged downstream
    if voted is None:
        return None
    return OcrWord(voted, word.x0, word.top, word.x1, word.bottom, word.conf, word.line_key, "cell")


def reread_cells(words: list[OcrWord], grids: tuple[Grid, ...] | list[Grid], image: np.ndarray, dpi: float,
                 reader: NumberReader, engine: OcrEngine | None = None) -> tuple[list[OcrWord], list[CellReread]]:
    """The page's words with blank or unreadable numeric cells read again (and what changed).

    ``engine`` reads a number's ink alone when the recognizer cannot (:func:`engine_number`).
    """
    k = dpi / 300.0
    inset, min_ink = max(2, int(INSET_300 * k)), int(MIN_INK_300 * k * k)
    reader = OnLineReader(reader)  # a speck above the line is no decimal point, in every view of a cell's ink
    out = list(words)
    changes: list[CellReread] = []
    H, W = image.shape[:2]
    for grid in grids:
        score_cols = score_columns(grid, out)
        places = {c: p for c in score_cols if (p := column_number_place(grid, c, out)) is not None}
        greys = {c: column_grey(grid, c, out, image) for c in score_cols}
        # a header's cell (``คะแนน`` Tesseract missed) holds ink but never a score
        body = {c: {id(r) for r in body_rows(grid, c, out)} for c in score_cols}
        for row in grid.rows:
            for col, box in enumerate(row):
                if box is None:
                    continue
                x0, y0, x1, y1 = (int(round(v)) for v in box)
                inside = cell_words(out, box)
                if len(kept := drop_doubles(inside)) < len(inside):
                    out = [w for w in out if w not in inside or w in kept]
                    inside = kept
                cx0, cy0, cx1, cy1 = max(0, x0 + inset), max(0, y0 + inset), min(W, x1 - inset), min(H, y1 - inset)
                crop = image[cy0:cy1, cx0:cx1]
                if inside and all(_RE_PUNCT.match(w.text) for w in inside) and (d := dash_box(crop, dpi)) is not None:
                    word = OcrWord("-", cx0 + d.x0, cy0 + d.top, cx0 + d.x1, cy0 + d.bottom, 100.0, inside[0].line_key, "cell")
                    if [w.text for w in inside] != ["-"]:
                        out = [w for w in out if w not in inside] + [word]
                        changes.append(CellReread(PixelBox(x0, y0, x1, y1), tuple(inside), word))
                    continue
                if inside and dust_only(inside, crop, dpi):
                    # specks read as ``,`` ``'`` ``4`` (the rest of a row a page break cut): the cell is empty
                    out = [w for w in out if w not in inside]
                    continue
                in_scores = col in score_cols
                if in_scores and wrapped_hundred(inside):
                    # a wrapped ``๑๐`` over ``๐.๐๐`` with a speck in a ``๐`` (``10`` over ``0.60``): 100.00
                    digits = [w for w in inside if not _RE_PUNCT.match(w.text)]
                    word = OcrWord(HUNDRED, min(w.x0 for w in digits), min(w.top for w in digits),
                                   max(w.x1 for w in digits), max(w.bottom for w in digits),
                                   min(w.conf for w in digits), min(digits, key=lambda w: w.top).line_key, "cell")
                    out = [w for w in out if w not in inside] + [word]
                    changes.append(CellReread(PixelBox(x0, y0, x1, y1), tuple(inside), word))
                    continue
                if in_scores and wrapped_score(inside) is not None:
                    # a score its narrow column wrapped (``๑๐`` over ``๐.๐๐``): read whole, line by line; a speck
                    # read as ``.`` beside a line is no part of it (``10 . 0.00`` is no number)
                    out = [w for w in out if w not in inside or not _RE_PUNCT.match(w.text)]
                    continue
                if in_scores and all(is_number(w.text) or _RE_PUNCT.match(w.text) for w in inside) \
                        and (wrap := wrapped_read(reader, crop, dpi)) is not None \
                        and wrap[0] != "".join(w.text for w in inside if is_number(w.text)):
                    # ink on lines that make one score line by line, and no word or the words of one line only
                    # (Tesseract missed ``๑๐`` over ``๐.๐๐``): a score its column wrapped
                    text, conf, (bx0, by0, bx1, by1) = wrap
                    key = inside[0].line_key if inside else (10_000 + len(changes), 1, 1)
                    word = OcrWord(text, cx0 + bx0, cy0 + by0, cx0 + bx1, cy0 + by1, conf, key, "cell")
                    out = [w for w in out if w not in inside] + [word]
                    changes.append(CellReread(PixelBox(x0, y0, x1, y1), tuple(inside), word))
                    continue
                if in_scores and (stamped := stamp_words(image, inside) + blot_words(image, inside)):
                    # a stamp's lettering (``แล้ว``) or a blot read as a digit on other lines of a score's cell:
                    # the score alone
                    out = [w for w in out if all(w is not x for x in stamped)]
                    inside = [w for w in inside if all(w is not x for x in stamped)]
                if in_scores and len(kept := [w for w in inside if not _RE_PUNCT.match(w.text)]) == 1 \
                        and len(kept) < len(inside) and is_score_format(kept[0].text):
                    # a speck read beside a score (``.`` ``98.80``): the score alone
                    out = [w for w in out if w not in inside or w in kept]
                    inside = kept
                # Thai letters read surely in a score column: only a full score replaces them
                thai = in_scores and thai_in_score_cell(inside)
                # Tesseract's own Thai digits in a score column: it cannot write ๔ ๖ ๗ ๘ ๙
                engine_digits = in_scores and engine_thai_score(inside)
                misread = worth_rereading(inside) or (in_scores and off_format(inside)) or thai or engine_digits \
                    or split_number(inside)
                if not (misread or more_glyphs_than_read(crop, inside, cx0, cy0)):
                    if in_scores and len(inside) == 1 and lost_integer_digit(crop, inside[0]):
                        # one integer digit read where the ink holds two joined: null, flagged downstream
                        lost = replace(inside[0], text=inside[0].text + UNREAD_MARK, source="cell")
                        out = [w for w in out if w not in inside] + [lost]
                        changes.append(CellReread(PixelBox(x0, y0, x1, y1), tuple(inside), lost))
                        continue
                    if in_scores and len(inside) == 1 and is_score_format(inside[0].text) \
                            and (checked := checked_score(reader, crop, inside[0], cx0, cy0, dpi, min_ink)) is not None:
                        # a score read surely but another read by most views of its ink (a cut through touching digits)
                        out = [w for w in out if w not in inside] + [checked]
                        changes.append(CellReread(PixelBox(x0, y0, x1, y1), tuple(inside), checked))
                    continue
                # the number's own words (specks elsewhere stay out); when the
                # words read well but too few, the cell's busiest line of ink
                digits = [PixelBox(w.x0 - cx0, w.top - cy0, w.x1 - cx0, w.bottom - cy0)
                          for w in inside if misread and re.search(f"[0-9{charset(DIGITS)}]", w.text)]
                ink = number_box(crop, digits, min_ink)
                joined_text = joined_decimal(inside) if in_scores else None
                joined = None if joined_text is None else (
                    joined_text, min(w.conf for w in inside),
                    (min(w.x0 for w in inside), min(w.top for w in inside), max(w.x1 for w in inside),
                     max(w.bottom for w in inside)))
                placed = place_read(reader, image, box, places.get(col), dpi) if in_scores else None
                if placed is not None and ((thai and not full_score(placed[0])) or not reads_whole(placed[2], inside)):
                    placed = None
                stamp = None
                if in_scores and (ink is None or not INK_HEIGHT_MM[0] <= ink.height * 25.4 / dpi <= INK_HEIGHT_MM[1]) \
                        and not (joined or placed):
                    stamp = whole_stamp_read(reader, crop, dpi, min_ink, not thai, (cx0, cy0), inside)
                if ink is None or not INK_HEIGHT_MM[0] <= ink.height * 25.4 / dpi <= INK_HEIGHT_MM[1]:
                    key = inside[0].line_key if inside else (10_000 + len(changes), 1, 1)
                    if (found := joined or placed or stamp) is not None:
                        word = OcrWord(found[0], *found[2], found[1], key, "cell")
                    elif not in_scores or id(row) not in body[col] or (word := unread_number(inside, crop, dpi, places.get(col), cx0, cy0,
                                                                 (10_000 + len(changes), 1, 1), greys.get(col))) is None:
                        continue
                    out = [w for w in out if w not in inside] + [word]
                    changes.append(CellReread(PixelBox(x0, y0, x1, y1), tuple(inside), word))
                    continue
                pad = max(2, int(4 * k))
                ix0, iy0 = max(0, ink.x0 - pad), max(0, ink.top - pad)
                ix1, iy1 = min(crop.shape[1], ink.x1 + pad), min(crop.shape[0], ink.bottom + pad)
                number = crop[iy0:iy1, ix0:ix1]
                if in_scores:
                    number = without_low_specks(number)
                raw = drop_stray_points(reader.read_number(number), " ".join(w.text for w in inside))
                r = lone_number(raw)
                if r is not None:
                    sure = CELL_READ_MIN if len(r.glyphs) > 1 else SINGLE_GLYPH_MIN
                    r = agree_with_seen(r, "".join(w.text for w in inside), sure)
                    if r.confidence < sure:
                        r = None
                if r is not None and in_scores and (printed := as_printed(r.text)) != r.text:
                    r = Reading(printed, r.confidence, r.glyphs)  # a point joined to a digit, or a speck read as one
                if r is not None and in_scores and not plausible_score(r.text):
                    r = None  # a score column's number is a score
                if r is not None and thai and not full_score(r.text):
                    r = None
                if r is None and in_scores and (c := colon_point(inside, raw)) is not None:
                    r = c  # a point with a speck above it, read as a colon (``91:07``)
                if r is None and in_scores and (t := thinned_read(reader, number)) is not None \
                        and (not thai or full_score(t.text)):
                    r = t  # blurred digits that touch: the lighter rim of their ink taken away
                voted = voted_read(reader, number) if r is None and in_scores else None
                if voted is None and r is None and in_scores:
                    voted = blot_free_read(reader, number)  # a drop of ink on a digit: the number without it
                if voted is None and r is None and in_scores:
                    voted = heavy_read(reader, number, raw)  # a thin print's broken hairlines: its ink made heavier
                if voted is None and r is None and in_scores and (lone := lone_number(raw) or whole(raw)) is not None \
                        and agrees(HUNDRED, lone):
                    # six glyphs, ``1`` ``0`` and the point where a hundred has them: the only score of three
                    # digits (``109.00``: a speck on the last ``๐`` made it a ``๙``)
                    voted = HUNDRED, lone.confidence * 100.0
                if voted is not None and thai and not full_score(voted[0]):
                    voted = None
                # a score column's cell off its format: any sure number of the format replaces it
                before = [] if in_scores and not worth_rereading(inside) and off_format(inside) else inside
                seen = engine_number(engine, number, dpi, before, in_scores, raw) if r is None and voted is None else None
                if thai and seen is not None and not full_score(seen[0]):
                    seen = None
                if in_scores and seen is not None and contradicts(seen[0], raw):
                    seen = None  # the engine's digit where the recognizer is sure of another: a misreading
                where = (cx0 + ink.x0, cy0 + ink.top, cx0 + ink.x1, cy0 + ink.bottom)
                if r is not None:
                    text, conf = r.text, r.confidence * 100.0
                elif voted is not None:
                    text, conf = voted  # most views of the ink agree on a score no view read surely
                elif seen is not None:
                    text, conf = seen
                elif (found := joined or placed) is not None:
                    text, conf, where = found
                elif in_scores and (stamp := whole_stamp_read(reader, crop, dpi, min_ink, not thai, (cx0, cy0),
                                                              inside)) is not None:
                    # a stamp's lighter ring across the number: its darkest strokes alone
                    text, conf, where = stamp
                elif in_scores and (lost_digits(inside, crop) or (engine_digits and engine_cannot_have_read(raw))):
                    # ``1`` for ``100.00``: no score has one digit and nothing after it; Tesseract's digits where
                    # the recognizer sees one it cannot write: a misreading; null, flagged downstream
                    text, conf = inside[0].text + UNREAD_MARK, inside[0].conf
                    where = (inside[0].x0, inside[0].top, inside[0].x1, inside[0].bottom)
                elif in_scores and id(row) in body[col] and (unread := unread_number(inside, crop, dpi, places.get(col), cx0, cy0,
                                                            (10_000 + len(changes), 1, 1), greys.get(col))) is not None:
                    # a number's ink that no reading made a number of: null, flagged downstream
                    out = [w for w in out if w not in inside] + [unread]
                    changes.append(CellReread(PixelBox(x0, y0, x1, y1), tuple(inside), unread))
                    continue
                else:
                    continue
                if in_scores and is_score_format(text):
                    votes = view_votes(reader, number, text)
                    if (other := outvoted(text, votes)) is not None:
                        # most views of the ink read another score than the one taken (unless the other views
                        # side with it: :func:`outvote_stands`)
                        text = outvote_stands(reader, number, text, other, votes)
                    elif (disputed(text, votes) or outweighed(text, merged_votes(view_votes(reader, number),
                                                                                 ink_view_votes(reader, number)))) \
                            and not reads_surely(reader, number, text) and not settles(reader, number, text):
                        # views that read another score as often: no reading stands (touching digits cut in two
                        # places; a lighter view parts them where the ink as it is joins them)
                        text += UNREAD_MARK
                if in_scores and UNREAD_MARK not in text and sizes_disagree(text, whole(raw)):
                    # one digit named for two glyphs the ink prints in different sizes: one of them is misread
                    text += UNREAD_MARK
                if in_scores and UNREAD_MARK not in text and stamp is None \
                        and not any(w.text.translate(_TO_ARABIC) == text for w in inside) \
                        and (band := number_band(inside, places.get(col), box, (cx0, cy0))) is not None \
                        and crossed(crop, band):
                    # a stroke through the digits, and no second reader (Tesseract's word) reads the number alike
                    text += UNREAD_MARK
                # the line of the number's own word, not of a speck beside it (``|`` ``1``): a speck's line can be
                # a line of the next column's text, and the number would join it
                key = max(inside, key=lambda w: sum(c.isdigit() for c in w.text.translate(_TO_ARABIC))).line_key \
                    if inside else (10_000 + len(changes), 1, 1)
                word = OcrWord(text, *where, conf, key, "cell")
                out = [w for w in out if w not in inside] + [word]
                changes.append(CellReread(PixelBox(x0, y0, x1, y1), tuple(inside), word))
        out = lost_decimals(out, grid, score_cols, changes)
    return out, changes


def lost_decimals(words: list[OcrWord], grid: Grid, score_cols: set[int], changes: list[CellReread]) -> list[OcrWord]:
    """The words with each score cell that kept a number off the column's format alone marked unreadable
    (:data:`UNREAD_MARK`), in a column that prints two decimals (:func:`full_score`, at least
    :data:`SCORE_COLUMN_MIN` cells): ``95`` for ``๙๕.๐๘`` lost its decimals, ``1.0`` for ``๑๐๐`` a digit to a
    speck read as a point, and no reading found them (``95.0``, ``1.0`` are guesses). A lone digit is left to
    :func:`lost_digits` (the ink's width is its evidence). ``changes`` gets each cell marked.

    >>> w = lambda t, top: OcrWord(t, 10, top, 40, top + 9, 90.0, (1, top, 1))
    >>> g = Grid((0, 0, 50, 80), tuple(((0, y, 50, y + 20),) for y in (0, 20, 40, 60)))
    >>> [x.text for x in lost_decimals([w("คะแนน", 5), w("91.52", 25), w("95", 45), w("88.10", 65)], g, {0}, [])]
    ['คะแนน', '91.52', '88.10', '95?']
    >>> [x.text for x in lost_decimals([w("คะแนน", 5), w("91", 25), w("95", 45), w("88.10", 65)], g, {0}, [])]
    ['คะแนน', '91', '95', '88.10']
    >>> [x.text for x in lost_decimals([w("91.52", 25), w("1.0", 45), w("88.10", 65), w("9", 5)], g, {0}, [])]
    ['91.52', '88.10', '9', '1.0?']
    """
    for col in score_cols:
        cells = [(box, cell_words(words, box)) for r in body_rows(grid, col, words) if col < len(r) and (box := r[col])]
        if sum(len(ws) == 1 and full_score(ws[0].text.translate(_TO_ARABIC)) for _, ws in cells) < SCORE_COLUMN_MIN:
            continue
        for box, ws in cells:
            kept = [w for w in ws if not _RE_PUNCT.match(w.text)]
            t = kept[0].text.translate(_TO_ARABIC) if len(kept) == 1 else ""
            if is_number(t) and plausible_score(t) and not is_score_format(t) and sum(c.isdigit() for c in t) >= 2:
                word = replace(kept[0], text=kept[0].text + UNREAD_MARK, source="cell")
                words = [x for x in words if x is not kept[0]] + [word]
                changes.append(CellReread(PixelBox(*(int(round(v)) for v in box)), tuple(ws), word))
    return words


def words_in(words: list[OcrWord], box: tuple[float, float, float, float]) -> list[OcrWord]:
    """The words whose middle lies in ``box`` (on or inside its edges)."""
    x0, y0, x1, y1 = box
    return [w for w in words if x0 <= (w.x0 + w.x1) / 2 <= x1 and y0 <= (w.top + w.bottom) / 2 <= y1]


def inked_cell(image: np.ndarray, box: tuple[float, float, float, float], dpi: float) -> tuple[int, int, int, int] | None:
    """A cell's inside (pixels, inset from its rules) when it holds ink, dust aside (:data:`MIN_INK_300`); else None."""
    k = dpi / 300.0
    inset, min_ink = max(2, int(INSET_300 * k)), int(MIN_INK_300 * k * k)
    H, W = image.shape[:2]
    x0, y0, x1, y1 = (int(round(v)) for v in box)
    x0, y0, x1, y1 = max(0, x0 + inset), max(0, y0 + inset), min(W, x1 - inset), min(H, y1 - inset)
    if x1 <= x0 or y1 <= y0 or sum(b[4] for b in ink_components(image[y0:y1, x0:x1])) < min_ink:
        return None
    return x0, y0, x1, y1


def empty_share(words: list[OcrWord], grid: Grid, image: np.ndarray, dpi: float) -> float:
    """Share of a table's inked cells that hold no word (0 when no cell has ink)."""
    inked = empty = 0
    for row in grid.rows:
        for box in row:
            if box is None or inked_cell(image, box, dpi) is None:
                continue
            inked += 1
            empty += not words_in(words, box)
    return empty / inked if inked else 0.0


def reread_empty_tables(words: list[OcrWord], grids: tuple[Grid, ...] | list[Grid], image: np.ndarray, dpi: float,
                        engine: OcrEngine) -> tuple[list[OcrWord], list[Grid]]:
    """Tables whose inked cells came out mostly without words, read again on their own.

    Tesseract's page layout analysis sometimes takes a table (under a stamp, on
    a dark scan) for a picture and reads none of it; alone, it is text again.
    The words of the second read replace the first's inside the table when
    they fill more cells.
    """
    out = list(words)
    redone: list[Grid] = []
    H, W = image.shape[:2]
    for n, grid in enumerate(grids):
        share = empty_share(out, grid, image, dpi)
        if share < EMPTY_TABLE_SHARE:
            continue
        x0, y0, x1, y1 = (int(round(v)) for v in grid.bbox)
        x0, y0, x1, y1 = max(0, x0), max(0, y0), min(W, x1), min(H, y1)
        again = [OcrWord(w.text, w.x0 + x0, w.top + y0, w.x1 + x0, w.bottom + y0, w.conf,
                         (w.line_key[0] + 1000 * (n + 1), w.line_key[1], w.line_key[2]), "table")
                 for w in engine.page_words(np.ascontiguousarray(image[y0:y1, x0:x1]), int(round(dpi)))]
        if empty_share(again, grid, image, dpi) < share:
            inside = set(map(id, words_in(out, grid.bbox)))
            out = [w for w in out if id(w) not in inside] + again
            redone.append(grid)
    return out, redone
