"""Readings of one number's ink: the numeral recognizer's (:class:`NumberReader`), cut to the one number and
judged glyph by glyph against another reading of the same ink (Tesseract's word, a score's format), and the
engine's reading of the ink alone (:func:`engine_number`).
"""
from __future__ import annotations

import re
from typing import Protocol

import cv2
import numpy as np

from extract.numerals.recognizer import GlyphGuess, Reading
from extract.ocr.engine import OcrEngine, OcrWord
from extract.ocr.score_format import _TO_ARABIC, is_number, is_score_format
from ita_extract.page import PixelBox  # noqa: F401  (the doctests' glyph boxes)
from normalize.thaichars import DIGITS


#: A whole-cell reading replaces the cell's words at least this sure ...
CELL_READ_MIN = 0.6
#: ... and a one-glyph reading (a speck or a stroke can look like ``0`` or ``1``) this sure.
SINGLE_GLYPH_MIN = 0.9
#: The engine's reading of a cell's ink alone (0-100) replaces the cell's words at least this sure.
ENGINE_READ_MIN = 80.0
#: ... and in a score column, when it has the column's format (``100.00`` read at 73).
ENGINE_FORMAT_MIN = 60.0


#: Paper (pixels at 300 dpi, scaled) added around a number's ink before the engine reads it alone:
#: Tesseract misreads a crop that hugs its glyphs (``10().000`` for ``100.00``).
ENGINE_MARGIN_300 = 8


class NumberReader(Protocol):
    """Reads a crop that holds one number (:meth:`extract.numerals.recognizer.Recognizer.read_number`)."""

    def read_number(self, crop: np.ndarray): ...


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


def hundred_whole(reading: Reading | None) -> bool:
    """Whether a reading is ``100`` printed whole (no point) with its ``1`` unread: three glyphs, the last two
    zeros read surely, the first no other digit read surely (a drop of ink at the ``1``'s foot). No other score
    has three integer digits, and ``?00`` is no other number's print.

    >>> g = lambda c, p: GlyphGuess(c, p, PixelBox(0, 0, 1, 1))
    >>> hundred_whole(Reading("?00", 0.3, (g("?", .34), g("0", .98), g("0", .98))))
    True
    >>> hundred_whole(Reading("200", 0.9, (g("2", .9), g("0", .98), g("0", .98)))), hundred_whole(None)
    (False, False)
    >>> hundred_whole(Reading("?0", 0.3, (g("?", .34), g("0", .98))))
    False
    """
    if reading is None or len(reading.glyphs) != 3 or "." in reading.text:
        return False
    first, *zeros = reading.glyphs
    return (all(z.char == "0" and z.confidence >= AGREE_SURE for z in zeros)
            and (first.char in ("1", "?") or first.confidence < AGREE_SURE))


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


#: The Thai digits Tesseract's Thai model has no class for (``๔ ๖ ๗ ๘ ๙``): it writes another digit or a letter.
ENGINE_LACKS = "๔๖๗๘๙"


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
