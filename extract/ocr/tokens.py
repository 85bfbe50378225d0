"""Second looks at OCR words that Tesseract's Thai model cannot read.

* numerals: ``๙๙.๓๘`` comes out of Tesseract as ``RRM`` or ``๕๕.๓๕``
  (its Thai model has no ๔ ๖ ๗ ๘ ๙); the Thai-numeral recognizer
  (:mod:`extract.numerals.recognizer`) re-reads the word image;
* question codes: ``i๑`` read as ``io`` or ``[๑``;
* numeric dates (``๑/๑๐/๒๕๖๖-``): read glyph by glyph, a slash known by
  its shape (:meth:`extract.numerals.recognizer.Recognizer.read_date`), also
  where it touches a digit; Tesseract's Thai model reads ``๓๐/๙/๒๕๖๗`` as
  ``๓๐/๓7๒๕๒๐๑``;
* digits inside a Thai run (``พ.ศ.๒๕๖๘``): each run of digit glyphs in the
  image replaces the matching run of digits in the text;
* Thai abbreviations read as Latin or digits (``ต.ค.`` → ``A.A.``,
  ``ก.ย.`` → ``1.8.``) while no glyph looks like a digit: the word is read
  again by a Thai-only Tesseract.
"""
from __future__ import annotations

import re
import statistics
from collections.abc import Sequence
from dataclasses import replace

import cv2
import numpy as np
from rapidfuzz.distance import Levenshtein

from extract.numerals.recognizer import (
    GlyphGuess,
    Reading,
    Recognizer,
    default_recognizer,
    meaning_in_number,
)
from extract.ocr.engine import OcrEngine, OcrWord
from extract.ocr.ink import INK_HEIGHT_MM, heavy_views
from extract.ocr.overreach import line_rows, overreaching, word_bands
from ita_extract.page import PixelBox
from normalize.codes import CITE_LABEL, CITE_LABEL_EDITS, CITE_LABEL_TEXT, CITE_LIST_JOINERS
from normalize.dates import drop_glued_specks, is_month_abbreviation, is_month_word
from normalize.tags import GLUED_TAG
from normalize.thaichars import BLOCK, CONSONANTS, DIGIT_LOOKALIKES, DIGITS, LETTERS, MARKS, TEXT, charset

#: A glyph counts as a digit when the recognizer is at least this sure.
DIGIT_MIN = 0.6
#: Tesseract's Arabic digits read this surely keep their places: the recognizer's fewer digits lost a faint one.
SURE_ARABIC_CONF = 90.0
#: A re-read replaces Tesseract's text when it is at least this sure.
READ_MIN = 0.5
_RE_SIGNS_ONLY = re.compile(r"^[^\w\u0e00-\u0e7f]+$")
_RE_ARABIC_NUMBER = re.compile(r"[0-9.]+")
#: A Thai-only re-read of a Latin-looking word that gives a month's abbreviation
#: (``A.A.`` → ``ต.ค.``) is taken from this Tesseract confidence on, however sure
#: the Latin reading was.
MONTH_MIN = 50.0

# DIGIT_LOOKALIKES (normalize.thaichars): touching a digit, they are part of
# its run (the recognizer's glyphs decide what they are).
_D = f"0-9{charset(DIGITS)}"
_RE_DIGITS = re.compile(f"[{DIGIT_LOOKALIKES}]*[{_D}][{_D}{DIGIT_LOOKALIKES}]*(?:[.,][{_D}]+)?")
#: A place in such a run where Tesseract saw a glyph (a digit or a look-alike).
RE_DIGIT_PLACE = re.compile(f"[{_D}{DIGIT_LOOKALIKES}]")
_RE_CODE = re.compile(r"^[ieo]\d{1,2}$")
#: A run of digits led by a zero: an OIT code printed with ๐ for its o (``๐๔๒``, ``042``).
_RE_ZERO_LED = re.compile(f"^[0๐][{_D}{DIGIT_LOOKALIKES}]")
#: How a code's circle is written: a Thai or Arabic zero, or the letter o.
_CIRCLES = "0๐oO"
#: ``ต.ค.`` read as ``A.A.``, ``ก.ย.`` as ``1.8.`` or ``f).8.``: dotted letters,
#: digits or brackets (Tesseract writes ``f)`` for ``ก``) that the numeral
#: recognizer sees no digit in.
_RE_LATIN_ABBREV = re.compile(r"^(?:[A-Za-z0-9()\[\]|]{1,3}\.){1,3}[A-Za-z]?$")
#: The same with a comma for a dot (``A.A,``, ``1.8,``, ``AL,``): read again, it is
#: taken only as a month's abbreviation.
_RE_LATIN_ABBREV_COMMA = re.compile(r"^(?:[A-Za-z0-9()\[\]|]{1,3}[.,]){1,3}$")
_RE_THAI = re.compile(f"[{charset(LETTERS)}]")
#: What the recognizer may read a word as a number to: digits, points and dashes, and a range's dash with the
#: space it stands apart by before them (``- 30`` of ``ต.ค. 2568 - 30 ก.ย. 2569``, a day after the sign).
_RE_NUMBERISH = re.compile(r"^(?:[-–] )?[\d.\-]+$")
#: A numeric date or the part of one a line holds: ``1/10/2566-``, ``30/``,
#: ``9/2571``: runs of at most four digits joined by single slashes, a
#: range dash at either end.
_RE_DATE_TOKEN = re.compile(r"^[-–]?\d{1,4}(?:/\d{1,4}){0,2}/?[-–]?$")


#: A glyph closer than this share of the digits' height to a run of digits touches it.
TOUCH_GAP = 0.2
#: An unreadable glyph whose best digit reading is below this is surely no
#: digit (a colon, a bracket, a letter): it may touch a run without being one of its digits.
NO_DIGIT_BELOW = 0.5


def _may_be_digit(g: GlyphGuess) -> bool:
    """Whether a glyph beside a run of digits may be one of them: an unsure digit or a broken piece."""
    m = meaning_in_number(g.char)
    return m.isdigit() or (m == "?" and g.char != "," and g.confidence >= NO_DIGIT_BELOW)


def _digit_spans(glyphs: list[GlyphGuess]) -> list[tuple[str, bool]]:
    """Runs of consecutive sure digit glyphs (with inner dots) as Arabic text, each
    with whether it is complete: no glyph that may be a digit (an unsure one, a
    broken piece: :func:`_may_be_digit`) touches either end.

    >>> from ita_extract.page import PixelBox
    >>> g = lambda c, x, p=0.9: GlyphGuess(c, p, PixelBox(x, 0, x + 18, 20))
    >>> _digit_spans([g("๒", 0), g("๕", 20), g("๖", 40), g("๗", 60, 0.49), g("๓", 90), g("๐", 110)])
    [('256', False), ('30', True)]
    >>> _digit_spans([g("?", 0), g(".", 20), g("๒", 40), g("๕", 60)])
    [('25', True)]
    """
    spans: list[tuple[str, bool]] = []
    cur, first = "", -1

    def close(end: int) -> None:
        if cur.strip("."):
            height = max(1, max(g.box.height for g in glyphs[first:end]))
            gaps = {first - 1: glyphs[first].box.x0 - glyphs[first - 1].box.x1 if first > 0 else 0,
                    end: glyphs[end].box.x0 - glyphs[end - 1].box.x1 if end < len(glyphs) else 0}
            touching = [k for k, gap in gaps.items() if 0 <= k < len(glyphs) and _may_be_digit(glyphs[k])
                        and gap <= TOUCH_GAP * height]
            spans.append((cur.rstrip("."), not touching))

    for i, g in enumerate(glyphs):
        m = meaning_in_number(g.char)
        if m.isdigit() and g.confidence >= DIGIT_MIN:
            if not cur:
                first = i
            cur += m
        elif m == "." and cur:
            cur += "."
        else:
            close(i)
            cur = ""
    close(len(glyphs))
    return spans


#: Tesseract's word boxes for Thai are approximate: they often cut into the
#: first glyph or stop short of the last. The word's image is rebuilt from
#: the ink around it: glyphs overlapping its box, then neighbours closer than
#: ``JOIN_GAP`` (a share of the word's height; a space is wider) on either side.
SEARCH, PAD_Y, JOIN_GAP = 1.5, 0.12, 0.22


def own_line_rows(ink: np.ndarray, top: int, bottom: int) -> tuple[int, int]:
    """The rows of a word's own text line in a window around its box.

    Tesseract's box of a short token (a year under a line of text) can reach
    into the line above or below; their glyphs would join the token's. Rows
    split into bands of ink at blank rows; the band with most ink inside the
    box is the word's; other bands are kept (marks above and below) unless
    they touch the window's edge: those are cut-off glyphs of a neighbour line.

    >>> ink = np.zeros((40, 10), np.uint8)
    >>> ink[0:6] = 1; ink[12:30] = 1; ink[8:10, 2:4] = 1   # neighbour, word, a mark
    >>> own_line_rows(ink, 4, 36)
    (7, 31)
    """
    rows = ink.any(axis=1) if ink.size else np.zeros(0, bool)
    bands: list[list[int]] = []
    for y, on in enumerate(rows):
        if on:
            if bands and bands[-1][1] == y:
                bands[-1][1] = y + 1
            else:
                bands.append([y, y + 1])
    if len(bands) < 2:
        return 0, len(rows)
    per_row = np.count_nonzero(ink, axis=1)
    mass = [int(per_row[max(a, top):min(b, bottom)].sum()) for a, b in bands]
    core = int(np.argmax(mass))
    keep = [b for i, b in enumerate(bands) if i == core or (b[0] > 0 and b[1] < len(rows))]
    return max(0, keep[0][0] - 1), min(len(rows), keep[-1][1] + 1)


def word_image(page: np.ndarray, w: OcrWord) -> np.ndarray:
    """The word's image: its glyphs, whole, without its neighbours'."""
    return word_crop(page, w)[0]


def word_crop(page: np.ndarray, w: OcrWord) -> tuple[np.ndarray, int, int]:
    """The word's image (:func:`word_image`) and the page columns it spans (x0, x1): glyphs
    Tesseract left out of its box, or put in a word of their own, widen it."""
    h = max(1, w.bottom - w.top)
    H, W = page.shape
    y0, y1 = max(0, int(w.top - PAD_Y * h)), min(H, int(w.bottom + PAD_Y * h))
    x0, x1 = max(0, int(w.x0 - SEARCH * h)), min(W, int(w.x1 + SEARCH * h))
    window = page[y0:y1, x0:x1]
    if window.size == 0:
        return window, w.x0, w.x1
    ink = _ink(window)
    r0, r1 = own_line_rows(ink[:, max(0, w.x0 - x0):max(1, w.x1 - x0)], w.top - y0, w.bottom - y0)
    window, ink = window[r0:r1], ink[r0:r1]
    blobs = _column_spans(ink)
    left, right = w.x0 - x0, w.x1 - x0
    inside = [b for b in blobs if b[1] >= left and b[0] <= right]
    if not inside:
        return page[max(0, w.top - 3):w.bottom + 3, max(0, w.x0 - 3):w.x1 + 3], w.x0, w.x1
    lo, hi = min(b[0] for b in inside), max(b[1] for b in inside)
    gap = JOIN_GAP * h
    grown = True
    while grown:
        grown = False
        for a, b in blobs:
            if (lo - gap <= b < lo) or (hi < a <= hi + gap):
                lo, hi, grown = min(lo, a), max(hi, b), True
    chars = _printed(w.text)
    if not _RE_THAI_SCRIPT.search(chars) and sum(1 for a, b in blobs if a >= lo and b <= hi) < len(chars):
        # a box that stopped short (:func:`_short_box_grown`): the ink to the right, as far as the characters
        # Tesseract wrote reach at most
        wide = page[y0:y1, x0:min(W, int(w.x1 + max(SEARCH, len(chars)) * h))][r0:r1]
        if (grown_hi := _short_box_grown(_column_spans(_ink(wide)), lo, hi, chars, h)) > hi:
            window, hi = wide, grown_hi
    return window[:, max(0, lo - 3):min(window.shape[1], hi + 3)], x0 + lo, x0 + hi


def _ink(gray: np.ndarray) -> np.ndarray:
    """The ink of a word's surroundings (255), by Otsu's threshold of their tones."""
    return cv2.threshold(gray, 0, 255, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)[1]


def _column_spans(ink: np.ndarray) -> list[tuple[int, int]]:
    """The columns (first, after last) each blob of ``ink`` spans, left to right; specks under 3 pixels left out."""
    n, _, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    return sorted((int(stats[i][0]), int(stats[i][0] + stats[i][2])) for i in range(1, n) if stats[i][4] >= 3)


#: A word Tesseract wrote in Arabic digits, Latin letters and signs, one glyph a character, whose box holds fewer
#: glyphs than that (its box stops short: ``012,013)`` over ``o12,o``) takes in the glyphs after it that follow as
#: closely as this share of its height, up to as many as it wrote (a space before the next word is wider). Not
#: a word with a Thai character: the Thai model writes two for a digit it lacks (``๑๕`` for ``๔``), and a
#: letter's marks are glyphs of their own.
SHORT_BOX_GAP = 0.45
#: ... when its box holds this many glyphs fewer at least, none of them this many times as wide as the narrowest
#: half of them (one character fewer is a comma or a speck the ink joined; a wide blob, digits blur joined).
SHORT_BOX_MISSING, SHORT_BOX_JOINED = 2, 1.6
_RE_THAI_SCRIPT = re.compile(f"[{charset(BLOCK)}]")  # the Thai block: letters, marks, digits, signs


def _printed(text: str) -> str:
    """A word's characters as printed: the tags OCR glued to it (:data:`normalize.tags.GLUED_TAG`) and spaces out."""
    return "".join(GLUED_TAG.sub("", text).split())


def _short_box_grown(blobs: list[tuple[int, int]], lo: int, hi: int, chars: str, h: int) -> int:
    """The right end of a word's ink (:func:`word_crop`'s ``hi``), taking in the glyphs after it a box that
    stopped short left out (:data:`SHORT_BOX_GAP`): as many as the word's characters as printed (``chars``,
    :func:`_printed`) outnumber its glyphs.

    >>> blobs = [(0, 19), (29, 37), (47, 65), (69, 76), (78, 98), (107, 115), (125, 142), (148, 157), (173, 190)]
    >>> _short_box_grown(blobs, 0, 98, "012,013)", 31), _short_box_grown(blobs, 0, 98, "012,0", 31)
    (157, 98)
    >>> _short_box_grown(blobs, 0, 98, "ให้012,013)", 31), _short_box_grown(blobs, 0, 98, "0๒๑๕)", 31)  # Thai script
    (98, 98)
    >>> _short_box_grown([(0, 19), (19, 68), (68, 73), (88, 107)], 0, 73, "๐๒๕,", 55)  # ``๒๕`` one blob, a comma
    73
    """
    if _RE_THAI_SCRIPT.search(chars):
        return hi
    widths = [b - a for a, b in blobs if a >= lo and b <= hi]
    if not widths or len(chars) - len(widths) < SHORT_BOX_MISSING \
            or max(widths) > SHORT_BOX_JOINED * statistics.median_low(widths):
        # a glyph or two fewer, or glyphs blur joined (one blob for ``๒๕``): no box stopped short
        return hi
    held = len(widths)
    for a, b in blobs:
        if held >= len(chars):
            break
        if a > hi:
            if a - hi > SHORT_BOX_GAP * h:
                break
            hi, held = b, held + 1
    return hi


#: A word shaped like a month's abbreviation: a consonant, a dot or a mark that
#: OCR read for one (``กุ``), a consonant, its dot (``ก.ุข.``); specks after it.
_RE_ABBREV_SHAPE = re.compile(f"^[{charset(CONSONANTS)}][.,{MARKS}]{{1,2}}[{charset(CONSONANTS)}][.,]?$")
_TRAILING_SPECKS = ",;'"
_RE_HAS_DIGIT = re.compile(f"[0-9{charset(DIGITS)}]")


def misread_month_words(words: list[OcrWord]) -> list[int]:
    """Indexes of words that stand where a date's month does, shaped like a month's
    abbreviation (:data:`_RE_ABBREV_SHAPE`) but naming none (``ก.ุข.,`` for ``ก.ย.``):
    a word beside them holds digits (a day or a year).

    >>> ws = [OcrWord(t, 0, 0, 1, 1, 50.0, (1, 1, 1)) for t in ("ถึง30", "ก.ุข.,", "2566", "พ.ศ.", "2566", "ก.ย.", "2566")]
    >>> misread_month_words(ws)
    [1]
    """
    out = []
    for i, w in enumerate(words):
        text = w.text.rstrip(_TRAILING_SPECKS)
        if not _RE_ABBREV_SHAPE.match(text) or is_month_abbreviation(text) or text.rstrip(".,") in _NO_MONTH:
            continue
        near = words[max(0, i - 1):i] + words[i + 1:i + 2]
        if any(_RE_HAS_DIGIT.search(n.text) for n in near):
            out.append(i)
    return out


#: Abbreviations that come beside a year and name no month: the era's (พ.ศ. 2566).
_NO_MONTH = ("พ.ศ", "พศ", "ค.ศ", "คศ")

#: A word that ends with an era's abbreviation (``พ.ศ.``, ``ค.ศ.``) or names the fiscal year (``ปีงบประมาณ``): a year follows it.
_RE_ERA_END = re.compile(r"(?:พ\.?ศ|ค\.?ศ)\.?$|งบประมาณ$")
#: A year as a number reads: four digits (``2566``) or the last two (``66``).
_RE_YEAR = re.compile(r"(?:\d{2}){1,2}")
#: A year no plain reading gives is taken from its ink made heavier when this many views read it surely.
YEAR_HEAVY_AGREE = 2


def year_words(words: list[OcrWord]) -> list[int]:
    """Indexes of the words where a year stands after an era's abbreviation (``พ.ศ.`` then ``b&b`` for
    ``๒๕๖๖``) on its line, that read as no number: no Thai letter, no digit run of a year. After a month's
    name or abbreviation a year stands as often, and Tesseract's Thai model reads a year's digits as Thai
    letters there too (``มกราคม เวอลาแป`` for ``มกราคม ๒๕๖๗``): Thai letters are allowed, the recognizer
    keeps only a year it reads surely.

    >>> ws = [OcrWord(t, 0, 0, 1, 1, 50.0, (1, 1, 1)) for t in ("ตลอดปีงบประมาณ", "พ.ศ.", "b&b", "พ.ศ.", "2566")]
    >>> year_words(ws)
    [2]
    >>> year_words([OcrWord(t, 0, 0, 1, 1, 50.0, (1, 1, k)) for k, t in enumerate(("พ.ศ.", "b&b"))])  # another line
    []
    >>> year_words([OcrWord(t, 0, 0, 1, 1, 50.0, (1, 1, 1)) for t in ("มกราคม", "เวอลาแป", "ก.ย.", "2567", "ต.ค.", "-")])
    [1, 5]
    """
    return [i for i in range(1, len(words)) if words[i].line_key == words[i - 1].line_key
            and not _RE_YEAR.search(words[i].text)
            and ((_RE_ERA_END.search(words[i - 1].text) and not _RE_THAI.search(words[i].text))
                 or is_month_word(words[i - 1].text))]


class NumeralTokenReader:
    """The :class:`extract.ocr.reader.TokenReader` used in production."""

    def __init__(self, engine: OcrEngine | None = None, recognizer: Recognizer | None = None) -> None:
        self.engine = engine
        self.recognizer = recognizer or default_recognizer()

    def in_context(self, words: list[OcrWord], page: np.ndarray, dpi: float) -> list[OcrWord]:
        """Words read again where the running text demands a number: cited codes (:func:`cited_words`)."""
        out = list(words)
        if self.engine is not None:
            garbled = set(garbled_label_words(out))
            labels = sorted(set(latin_label_words(out)) | garbled)
            bands = word_bands(out) if labels else {}
            for i in labels:
                out[i] = self._label_read_again(out[i], page, dpi, bands[out[i].line_key], own_box=i in garbled)
        prev, elsewhere = None, set()
        for i in cited_words(out, elsewhere):
            # a circle alone before this word: a code the line (or Tesseract) broke after its circle; words of
            # another column between them are no part of the list
            wrapped = prev is not None and bool(_RE_LONE_CIRCLE.match(out[prev].text)) \
                and all(k in elsewhere for k in range(prev + 1, i))
            out[i] = read_cited_code(out[i], page, self.recognizer, after_circle=wrapped)
            prev = i
        if self.engine is not None:
            for i in misread_month_words(out):
                out[i] = self._month_read_again(out[i], page, dpi)
        for i in year_words(out):
            out[i] = self._year_read_again(out[i], page, dpi)
        return out

    def _year_read_again(self, word: OcrWord, page: np.ndarray, dpi: float) -> OcrWord:
        """A word where a year stands (:func:`year_words`) read again by the recognizer: kept when that gives a
        year's digits surely (:data:`READ_MIN`), or, its ink made heavier (a light print's strokes broken:
        :func:`extract.ocr.ink.heavy_views`), when :data:`YEAR_HEAVY_AGREE` views read one year surely and
        no view reads another."""
        crop = word_image(page, word)
        if crop.size == 0:
            return word
        r = self.recognizer.read_number(crop)
        if r.confidence >= READ_MIN and _RE_YEAR.fullmatch(r.text):
            return _reread(word, r.text, r.confidence)
        sure: dict[str, list[float]] = {}
        for view in heavy_views(crop):
            r = self.recognizer.read_number(view)
            if r.confidence >= READ_MIN and _RE_YEAR.fullmatch(r.text):
                sure.setdefault(r.text, []).append(r.confidence)
        if len(sure) == 1:
            (year, confs), = sure.items()
            if len(confs) >= YEAR_HEAVY_AGREE:
                return _reread(word, year, min(confs))
        return word

    def _thai_read(self, word: OcrWord, page: np.ndarray, dpi: float,
                   crop: np.ndarray | None = None) -> tuple[str, float] | None:
        """The word's image (or ``crop``) read again alone by the Thai-only Tesseract, spaces out; None for no
        image."""
        crop = word_image(page, word) if crop is None else crop
        if crop.size == 0:
            return None
        thai, conf = self.engine.read_word(crop, int(dpi))
        return thai.replace(" ", ""), conf

    def _month_read_again(self, word: OcrWord, page: np.ndarray, dpi: float) -> OcrWord:
        """A word shaped like a month's abbreviation that names none (``ก.ุข.,``), read again
        alone by the Thai-only Tesseract: kept when that gives a month (``ก.ย.``)."""
        if (read := self._thai_read(word, page, dpi)) is None:
            return word
        thai, conf = drop_glued_specks(read[0]), read[1]
        if conf >= MONTH_MIN and is_month_abbreviation(thai):
            return _reread(word, thai, conf / 100.0, "word")
        return word

    def _label_read_again(self, word: OcrWord, page: np.ndarray, dpi: float, band: tuple[float, float],
                          own_box: bool = False) -> OcrWord:
        """A bracket opened on Latin letters or digits before cited items (``(81989970`` ``๐๑๐)``), or
        Thai garble there (:func:`garbled_label_words`), read again alone by the Thai-only Tesseract: kept
        when that gives a citation's label (``(อ้างอิงจาก``) as surely as the word was read. A word whose box
        reaches into the next line or the line before (:func:`extract.ocr.overreach.overreaching`: the marks
        of tightly set lines taken for its) is read from its own line's rows (its ``band``); Thai garble
        (``own_box``) from its own box, never widened to its neighbours' glyphs (a digit's is: a code's
        circle Tesseract left out)."""
        crop = None
        reaching = overreaching(word, band)
        if reaching or own_box:
            y0, y1 = line_rows(page, word, band) if reaching else (word.top, word.bottom)
            pad = max(2, int(round(LABEL_PAD * (band[1] - band[0]))))
            crop = cv2.copyMakeBorder(np.ascontiguousarray(page[y0:y1, word.x0:word.x1]), pad, pad, pad, pad,
                                      cv2.BORDER_CONSTANT, value=255)
        if (read := self._thai_read(word, page, dpi, crop)) is None:
            return word
        thai, conf = read
        if conf >= max(LABEL_MIN, word.conf) and is_cite_label(thai):
            return _reread(word, thai, conf / 100.0, "word")
        return word

    def _cut_touching_bracket(self, prefix: str, crop: np.ndarray, glyphs: list[GlyphGuess], text: str):
        """``(prefix, crop, glyphs, text, suffix)`` without a closing bracket joined to the
        last digit (:func:`touching_bracket_cut`), when the code read without it is surer."""
        cut = touching_bracket_cut(text, glyphs)
        unread = cut is None and _unread_bracket(text, glyphs)
        if unread:  # a bracket Tesseract did not read, joined to the last digit
            cut = bracket_cut(glyphs[-1])
        if cut is None or cut <= glyphs[0].box.x1:
            return prefix, crop, glyphs, text, ""
        whole, bare = self.recognizer.read_code(crop, None), self.recognizer.read_code(crop[:, :cut], None)
        if not bare_reading_stands(whole, bare):
            return prefix, crop, glyphs, text, ""
        text, suffix = (text, ")") if unread else (text[:-1], text[-1])
        return prefix, crop[:, :cut], self.recognizer.classify_glyphs(crop[:, :cut]), text, suffix

    def __call__(self, word: OcrWord, page: np.ndarray, dpi: float) -> OcrWord:
        crop0, ink_x0, ink_x1 = word_crop(page, word)
        if crop0.size == 0:
            return word
        glyphs0 = self.recognizer.classify_glyphs(crop0)
        if not glyphs0 or is_speck(word.text, glyphs0, dpi):
            return word
        if "/" in word.text and sum(meaning_in_number(g.char).isdigit() for g in glyphs0) >= 2:
            # 0. a numeric date: slashes the recognizer knows by their shape
            r = self.recognizer.read_date(crop0)
            if "/" in r.text and r.confidence >= READ_MIN and _RE_DATE_TOKEN.match(r.text):
                return _reread(word, r.text, r.confidence)
        prefix, crop, glyphs, text, suffix = peel_brackets(word.text, crop0, glyphs0)
        if glyphs is None:  # a digit joined to the bracket, cut from it
            glyphs = self.recognizer.classify_glyphs(crop)
        if not suffix and len(glyphs) <= 4:
            prefix, crop, glyphs, text, suffix = self._cut_touching_bracket(prefix, crop, glyphs, text)
        readable = [meaning_in_number(g.char) for g in glyphs]
        n_digit = sum(m.isdigit() for m in readable)
        # 1. the whole word is a number (a score, a year, a day)
        if n_digit and all(m != "?" for m in readable):
            r = drop_stray_points(self.recognizer.read_number(crop), text)
            if r.confidence >= READ_MIN and "?" not in r.text and _RE_NUMBERISH.match(r.text):
                # the box spans the ink read: a part Tesseract made a word of its own
                # (``๑๐๐.`` ``๐๐``) is then seen as the same ink (extract.ocr.score_format.drop_doubles)
                return replace(_reread(word, prefix + r.text + suffix, r.confidence),
                               x0=min(word.x0, ink_x0), x1=max(word.x1, ink_x1))
        # 2. a question code: a letter and one or two digits
        if n_digit and len(glyphs) <= 4 and len(text) <= 5:
            r = self.recognizer.read_code(crop, None)
            if r.confidence >= READ_MIN and _RE_CODE.match(r.text):
                return _reread(word, prefix + r.text + suffix, r.confidence)
        # 3. digits inside a longer run: replace run by run when they pair up,
        # never by fewer digits than Tesseract saw there (a glyph the recognizer
        # could not read is not dropped: "๐23" is not "3", "๒๕๒๑๕" not "567";
        # that run keeps Tesseract's reading)
        spans = _digit_spans(glyphs)
        found = list(_RE_DIGITS.finditer(text))
        if spans and found and len(spans) == len(found):
            out, last, replaced = [], 0, False
            # Inside running text (Thai letters in the word) a run is never replaced by
            # fewer digits than places Tesseract saw a glyph at, unless the recognizer's
            # run is complete (Tesseract also writes two characters for one digit it
            # lacks: ``๐๑๒๕`` for ``๐๒๘``). A word that is a number alone takes the
            # recognizer's digits: fewer digits than glyphs is what sends a table cell
            # to be read again whole (extract.ocr.cells). A run led by a zero (``042``,
            # ``๐๑๒``) is an OIT code as printed, never a score: the recognizer may read it
            # without its circle (``28`` for ``๐๒๘``: the circle Tesseract saw stays, ``๐28``, or
            # the cited list no longer parses), never with fewer of its digits (``2``).
            alone = not _RE_THAI.search(text)
            for m, (digits, complete) in zip(found, spans):
                n, places = len(digits.replace(".", "")), len(RE_DIGIT_PLACE.findall(m.group()))
                zero_led = bool(_RE_ZERO_LED.match(m.group()))
                lost_digit = zero_led and n < places - 1
                sure_arabic = word.conf >= SURE_ARABIC_CONF and bool(_RE_ARABIC_NUMBER.fullmatch(m.group()))
                whole = (alone and not lost_digit and not (sure_arabic and n < places)) or complete or n >= places
                if whole and zero_led and n == places - 1 and digits[:1] not in ("0", "๐"):
                    digits = m.group()[0] + digits  # the circle the recognizer left out stays the code's
                out += [text[last:m.start()], digits if whole else m.group()]
                last, replaced = m.end(), replaced or whole
            if replaced:
                return _with(word, prefix + "".join(out) + text[last:] + suffix,
                             min(g.confidence for g in glyphs if g.char != "?") if n_digit else 0.5)
        # 4. Thai abbreviations misread as Latin or digits ("A.A." for "ต.ค.", "1.8." for "ก.ย.")
        readable0 = [meaning_in_number(g.char) for g in glyphs0]
        latin = bool(_RE_LATIN_ABBREV.match(word.text))
        if (self.engine is not None and (latin or _RE_LATIN_ABBREV_COMMA.match(word.text))
                and not any(m.isdigit() for m in readable0)):
            thai, conf = self.engine.read_word(crop0, int(dpi))
            # Tesseract is often surer of its Latin misreading ("A.A." at 90) than of the
            # Thai word: a month's abbreviation, a word of a closed list, is taken as it is,
            # without the consonant a speck glued before it ("ดต.ค.": normalize.dates)
            month = drop_glued_specks(thai.replace(" ", ""))
            if conf >= MONTH_MIN and is_month_abbreviation(month):
                return _reread(word, month, conf / 100.0, "word")
            if latin and _RE_THAI.search(thai) and conf >= word.conf * 0.8:
                return _reread(word, thai.replace(" ", ""), conf / 100.0, "word")
        return word


def is_speck(text: str, glyphs: list[GlyphGuess], dpi: float) -> bool:
    """Whether a word Tesseract read as signs alone is a speck: all its ink lower than the lowest number's
    (:data:`extract.ocr.ink.INK_HEIGHT_MM`), however like a digit the recognizer finds its blob: a report's
    smallest digits (10 pt) stand about 1.4 mm tall.

    >>> from ita_extract.page import PixelBox
    >>> dot = [GlyphGuess("๑", 0.62, PixelBox(0, 0, 10, 10))]
    >>> is_speck(".", dot, 300), is_speck("1", dot, 300), is_speck(".", [GlyphGuess("๑", 0.9, PixelBox(0, 0, 10, 28))], 300)
    (True, False, False)
    """
    return bool(_RE_SIGNS_ONLY.match(text)) and max(g.box.height for g in glyphs) < INK_HEIGHT_MM[0] * dpi / 25.4


#: A closing bracket that blur joined to the digit before it (``๐๒๓)``: ``๓)``
#: is one blob, read as ``๗``; ``O5)``: ``5)`` read as ``๑``) is cut off as this
#: share of the glyphs' height from the right of that blob.
BRACKET_SHARE = 0.3
#: A closing bracket, with the gap before it, is this share of the digits' height wide: what is cut
#: off a last glyph wider than a digit that holds a digit and the bracket (:func:`peel_brackets`).
BRACKET_WIDTH = 0.36
#: A bracket reaches above and below the digits: a last glyph joined to one is
#: at least this much taller than the glyphs before it (1.16-1.29 on dev scans).
BRACKET_TALLER = 1.1


def touching_bracket_cut(text: str, glyphs: list[GlyphGuess]) -> int | None:
    """Where to cut a word's image so that a closing bracket Tesseract read
    (``text`` ends with it) but the recognizer saw no glyph of (its last glyph
    is a readable one, taller than the glyphs before it and reaching below them: the bracket
    is joined to it) is left out; ``None`` when the bracket stands apart or no bracket was read.

    >>> from ita_extract.page import PixelBox
    >>> g = lambda c, x, h=30, y=0: GlyphGuess(c, 0.9, PixelBox(x, y, x + 20, y + h))
    >>> touching_bracket_cut("๐๒๓)", [g("๐", 0), g("๒", 20), g("๗", 40, 36)]), touching_bracket_cut("๐๒๓)", [g("๐", 0), g("๗", 20)])
    (49, None)
    >>> touching_bracket_cut("๐๕)", [g("๐", 0), g("๕", 20), g("?", 40)]), touching_bracket_cut("๐๕", [g("๐", 0)])
    (None, None)
    >>> touching_bracket_cut("cae)", [g("๐", 0), g("๑", 20), g("๗", 40, 36, -6)])  # a ๗'s tail above, no bracket
    """
    if not text or text[-1] not in _CLOSING[:2] or len(glyphs) < 2 or glyphs[-1].char == "?":
        return None
    last, before = glyphs[-1].box, [g.box for g in glyphs[:-1]]
    height = statistics.median_high(b.height for b in before)
    if last.height < BRACKET_TALLER * height:
        return None  # no taller ink at the end: no bracket joined there
    if last.bottom < statistics.median_high(b.bottom for b in before) + BRACKET_REACH * height:
        # taller above the digits only: a digit's own tail (``๗`` ``๙``), the bracket Tesseract wrote none
        # in the ink (it reaches below the digits too, :func:`bracket_joined`)
        return None
    return bracket_cut(glyphs[-1])


def bracket_cut(glyph: GlyphGuess) -> int:
    """Where to cut a digit from the closing bracket joined to it (:data:`BRACKET_SHARE` off its right)."""
    return glyph.box.x1 - round(BRACKET_SHARE * glyph.box.height)


def bare_reading_stands(whole: Reading, bare: Reading) -> bool:
    """Whether a code read without the bracket Tesseract saw joined to it stands:
    Tesseract reads brackets well, the recognizer has no class for one, so the
    joined blob's reading (``๑`` for ``5)``, however sure) gives way to a bare
    reading that is sure enough and keeps every glyph."""
    return bare.confidence >= READ_MIN and len(bare.glyphs) == len(whole.glyphs) and "?" not in bare.text


#: Brackets and separators Tesseract reads well around a code or number
#: (``(อ้างอิงจาก ๐๙)``) but that the numeral recognizer has no class for.
_OPENING, _CLOSING = "(,[", ")],;"


#: ... and reaches this share of the digits' height above them and below them at least ...
BRACKET_REACH = 0.1
#: ... following them as closely as they follow one another, or, after a circle alone (``๐๓)``), within this
#: share of the circle's height (a space before the next word is wider: 0.4 and more of a digit's height).
BRACKET_GAP = 0.25
#: A code as Tesseract wrote it, bracket unread: a circle and one or two digits (``๐๑๓`` for ``๐๑๔)``).
_RE_BARE_CODE = re.compile(f"^[{_CIRCLES}][{_D}]{{1,2}}$")


def _unread_bracket(text: str, glyphs: list[GlyphGuess]) -> bool:
    """Whether a code Tesseract read without its closing bracket (``๐๑๓`` for ``๐๑๔)``: it cannot write ``๔``, and
    the bracket joined to the digit was no glyph to it) ends in a glyph that is a digit joined to the bracket:
    wider than the glyphs before it and taller (:data:`BRACKET_TALLER`: a bracket reaches above and
    below the digits).

    >>> from ita_extract.page import PixelBox
    >>> g = lambda c, x, w=20, h=30, y=0: GlyphGuess(c, 0.9, PixelBox(x, y, x + w, y + h))
    >>> _unread_bracket("๐๑๓", [g("๐", 0), g("๑", 22), g("?", 44, 30, 38, -4)])
    True
    >>> _unread_bracket("๐๑๓", [g("๐", 0), g("๑", 22), g("?", 44, 30, 38, -8)])  # reaching above only: a mark
    False
    >>> _unread_bracket("๐๕", [g("๐", 0), g("๘", 21), g("?", 53, 29, 55, -10)])  # the next word's ``คู่``, apart
    False
    >>> _unread_bracket("๐๑๓", [g("๐", 0), g("๑", 22), g("๘", 44, 34, 36, -3)])  # read as a digit, unsure
    True
    >>> _unread_bracket("๐๑๓", [g("๐", 0), g("๑", 22), g("?", 44, 30)]), _unread_bracket("98.75", [g("?", 0, 30, 38)])
    (False, False)
    """
    return bool(_RE_BARE_CODE.match(text)) and bracket_joined(glyphs)


def bracket_joined(glyphs: list[GlyphGuess]) -> bool:
    """Whether the last of a code's glyphs is a digit joined to a closing bracket (:func:`_unread_bracket`'s
    shape): wider than the digits before it, taller, reaching above and below them, as close as they stand.

    The digits between the circle and the last glyph are the measure; a one-digit code has only its circle, whose
    top is no measure when it is a Latin ``O`` (a capital, as tall as the bracket): then the bracket reaches as
    high as the circle, and below it, and follows it within :data:`BRACKET_GAP` of its height.

    >>> from ita_extract.page import PixelBox
    >>> g = lambda c, x, w=16, h=16, y=0: GlyphGuess(c, 0.9, PixelBox(x, y, x + w, y + h))
    >>> bracket_joined([g("๐", 0), g("๗", 19, 28, 24, -4)]), bracket_joined([g("0", 0, 22, 22, -6), g("๗", 25, 29, 27, -6)])
    (True, True)
    >>> bracket_joined([g("0", 0, 30, 31, -11), g("๑", 37, 19, 20), g("๑", 62, 40, 41, -12)])  # O๑๒)
    True
    >>> bracket_joined([g("๐", 0), g("๗", 19, 18, 22, -6)]), bracket_joined([g("๐", 0), g("๗", 30, 28, 24, -4)])
    (False, False)
    """
    if len(glyphs) < 2:
        return False
    last, before = glyphs[-1].box, [g.box for g in glyphs[:-1]]
    digits = before[1:] or before
    height = statistics.median_high(b.height for b in digits)
    reach = BRACKET_REACH * height
    # a bracket reaches both above and below the digits (a digit joined to a mark or a letter's tail reaches one way)
    # ... and it follows the digits as closely as they follow one another (a word's crop takes in the glyphs
    # round it: the next word's first letter, its marks above and below, stands a space away)
    gaps = [b.x0 - a.x1 for a, b in zip(before, before[1:])]
    above = (statistics.median_low(b.top for b in digits) - reach if len(before) > 1
             else before[0].top)  # the circle alone: a Latin ``O`` is as tall as the bracket
    return (last.x1 - last.x0 > statistics.median_high(b.x1 - b.x0 for b in digits)
            and last.height >= BRACKET_TALLER * height
            and last.top <= above
            and last.bottom >= statistics.median_high(b.bottom for b in digits) + reach
            and last.x0 - before[-1].x1 <= max(gaps, default=round(BRACKET_GAP * height)) + reach)


def peel_brackets(text: str, crop: np.ndarray, glyphs: list[GlyphGuess]):
    """``(prefix, crop, glyphs, text, suffix)``: a bracket Tesseract read at either end taken off.

    Only when the recognizer sees no digit there (``?``): ``ow)`` is read as
    ``o9`` and ``)`` instead of failing on the bracket. A last ``?`` wider than the
    glyphs' median is a digit joined to the bracket (``๗)``): only the bracket's width
    (:data:`BRACKET_WIDTH`) is cut off, and the glyphs come back ``None``, to be classified again.

    >>> from ita_extract.page import PixelBox
    >>> g = [GlyphGuess("๐", .9, PixelBox(0, 0, 8, 10)), GlyphGuess("๙", .9, PixelBox(10, 0, 18, 10)),
    ...      GlyphGuess("?", .1, PixelBox(20, 0, 24, 12))]
    >>> p, c, gl, t, s = peel_brackets("ow)", np.zeros((12, 26), np.uint8), g)
    >>> p, c.shape, len(gl), t, s
    ('', (12, 20), 2, 'ow', ')')
    >>> g[-1] = GlyphGuess("?", .1, PixelBox(20, 0, 34, 12))  # ๙ and the bracket, one blob
    >>> p, c, gl, t, s = peel_brackets("๐๙)", np.zeros((12, 36), np.uint8), g)
    >>> c.shape, gl, t, s
    ((12, 30), None, '๐๙', ')')
    """
    prefix = suffix = ""
    joined = False  # a digit joined to the closing bracket, cut from it: the glyphs are read again
    read_closing = len(text) > 1 and text[-1] in _CLOSING
    if len(glyphs) > 1 and glyphs[-1].char == "?" and (read_closing or _unread_bracket(text, glyphs)):
        last, before = glyphs[-1].box, [g.box for g in glyphs[:-1]]
        joined = last.x1 - last.x0 > statistics.median_high(b.x1 - b.x0 for b in before)  # wider than a digit
        if joined:
            cut = last.x1 - round(BRACKET_WIDTH * statistics.median_high(b.height for b in before))
        else:
            crop, cut = without_overhang(crop, before[-1], last)
        crop, suffix, text = (crop[:, :cut], text[-1], text[:-1]) if read_closing else (crop[:, :cut], ")", text)
        glyphs = glyphs[:-1]
    if len(glyphs) > 1 and glyphs[0].char == "?" and len(text) > 1 and text[0] in _OPENING:
        cut = glyphs[0].box.x1
        crop, prefix, text = crop[:, cut:], text[0], text[1:]
        glyphs = [GlyphGuess(g.char, g.confidence, g.box._replace(x0=g.box.x0 - cut, x1=g.box.x1 - cut))
                  for g in glyphs[1:]]
    return prefix, crop, None if joined else list(glyphs), text, suffix


def code_crop(crop: np.ndarray, glyphs: list[GlyphGuess], a: int, b: int) -> tuple[np.ndarray, int, int]:
    """``(image, x0, x1)``: the columns of ``crop`` holding the code of glyphs ``a`` to ``b`` (:func:`code_runs`),
    two pixels of margin but never into the glyphs beside it (a comma, a bracket), and the image to cut them
    from, without the ends of a bracket that curl under and over its last digit (:func:`without_overhang`)."""
    x0 = max(0, glyphs[a].box.x0 - 2, glyphs[a - 1].box.x1 if a > 0 else 0)
    img, x1 = crop, min(glyphs[b].box.x1 + 2, crop.shape[1])
    if b + 1 < len(glyphs):
        img, after = without_overhang(crop, glyphs[b].box, glyphs[b + 1].box)
        x1 = min(x1, after)
    return img, x0, x1


def without_overhang(crop: np.ndarray, digit: PixelBox, bracket: PixelBox) -> tuple[np.ndarray, int]:
    """``(crop, cut)``: where to cut a crop before a closing bracket that is a glyph of its own, and the crop
    without the bracket's ink left of that cut.

    A bracket's ends curl back under and over the digit before it (``๗)``: the bracket's box begins
    inside the ``๗``'s). Cut at the bracket's box, the digit loses its right stroke (``๗`` then reads
    ``๓``); so the crop is cut after the digit, and what of the bracket reaches into the digit's columns
    above or below the digit is painted out.

    >>> from ita_extract.page import PixelBox
    >>> crop = np.full((12, 16), 255, np.uint8); crop[2:10, 2:9] = 0; crop[0, 7:12] = crop[11, 7:12] = 0
    >>> out, cut = without_overhang(crop, PixelBox(2, 2, 9, 10), PixelBox(7, 0, 12, 12))
    >>> cut, int(out[:, :cut].min(axis=1)[[0, 5, 11]].max()), int(out[5, 8])
    (9, 255, 0)
    >>> without_overhang(crop, PixelBox(2, 2, 6, 10), PixelBox(7, 0, 12, 12))[1]  # apart: cut at the bracket
    7
    """
    if bracket.x0 >= digit.x1:
        return crop, bracket.x0
    crop = crop.copy()
    blank = crop.max()
    crop[:digit.top, bracket.x0:digit.x1] = blank
    crop[digit.bottom:, bracket.x0:digit.x1] = blank
    return crop, digit.x1


def drop_stray_points(r: Reading, seen: str) -> Reading:
    """A number read from its image without the points that are dust.

    A number never starts with a point; it ends with one only when
    Tesseract saw it too (a list number ``๑.``); of two points inside, the
    one Tesseract saw after as many digits is kept (``๕๕.๓๕`` read as
    ``98.7.5`` is ``98.75``). Confidence is recomputed from what is kept.

    >>> from ita_extract.page import PixelBox
    >>> g = lambda c: GlyphGuess(c, 0.9, PixelBox(0, 0, 1, 1))
    >>> r = Reading("", 0.4, tuple(g(c) for c in ".98.7.5."))
    >>> drop_stray_points(r, "๕๕.๓๕").text, drop_stray_points(r, "๕๕.๓๕").confidence
    ('98.75', 0.9)
    >>> drop_stray_points(Reading("1.", 0.9, tuple(g(c) for c in "1.")), "๑.").text
    '1.'
    """
    glyphs = list(r.glyphs)
    while glyphs and glyphs[0].char == ".":
        glyphs.pop(0)
    if not seen.rstrip().endswith("."):
        while glyphs and glyphs[-1].char == ".":
            glyphs.pop()
    dots = [i for i, g in enumerate(glyphs) if g.char == "."]
    if len(dots) > 1:
        m = re.fullmatch(rf"\D*?([0-9{charset(DIGITS)}]+)\.[0-9{charset(DIGITS)}]+\D*", seen)
        digits_before = [sum(glyphs[j].char != "." for j in range(i)) for i in dots]
        if m and digits_before.count(len(m.group(1))) == 1:
            keep = dots[digits_before.index(len(m.group(1)))]
            glyphs = [g for i, g in enumerate(glyphs) if g.char != "." or i == keep]
    if len(glyphs) == len(r.glyphs):
        return r
    if not glyphs:
        return Reading("", 0.0, ())
    conf = min(g.confidence for g in glyphs) * (0.5 if sum(g.char == "." for g in glyphs) > 1 else 1.0)
    return Reading("".join(g.char for g in glyphs), conf, tuple(glyphs))


def _reread(word: OcrWord, text: str, confidence: float, source: str = "numerals") -> OcrWord:
    """The word read again, whole, by a reader made for it: its confidence replaces Tesseract's."""
    return replace(word, text=text, conf=confidence * 100.0, source=source)


def _with(word: OcrWord, text: str, confidence: float) -> OcrWord:
    """Part of the word read again: the least sure reading counts."""
    return replace(word, text=text, conf=min(word.conf, confidence * 100.0), source="numerals")


# --- numbers that running text demands ---------------------------------------------

#: The label of a citation (``(อ้างอิงจาก ๐๑๐)``) as a word ends with it, as OCR
#: reads it (:data:`normalize.codes.CITE_LABEL`), perhaps with a sign a speck gave
#: (``(อ้างอิงจาก.``); the word after it is a cited OIT code.
_RE_CITE_LABEL = re.compile(f"{CITE_LABEL}\\s*(?:ข้อ)?\\s*[:：]?[.|!'’‘\"“”\\-]?$")
#: A character of a cited item as Tesseract wrote it: a letter or a digit, or
#: a sign it writes for a digit it cannot read (``o@m`` for ``๐๑๓``); never a
#: Thai letter, a space, a separator or a bracket.
_ITEM_CHAR = f"[^\\s,.;:()\\[\\]<>{charset(LETTERS)}]"
#: A word that holds cited items as Tesseract wrote them: brackets and commas
#: around items of up to five such characters (``ob)``, ``,Oe)``, ``๐๕,๐๓)``,
#: ``,o@m)``), perhaps a tag after them (``</p>``).
_RE_CITED = re.compile(f"^[(\\[,\\s]*{_ITEM_CHAR}{{1,5}}(?:[,.\\s]+{_ITEM_CHAR}{{1,5}})*[),;\\]]?(?:<.*)?$")
#: One cited item inside such a word (before any tag).
_RE_CITED_ITEM = re.compile(f"{_ITEM_CHAR}{{1,5}}")
#: The label's last word alone, when Tesseract split it (``(อ้างอิง`` ``จาก``).
_RE_CITE_FROM = re.compile(r"^จ[าำะ]ก$")
_RE_OIT_CODE = re.compile(r"^o[1-9]\d?$")


#: A word that holds the label and its list together, no space between them
#: (``(อ้างอิงจาก.oom)``, ``(อ้างอิงจาก-05,010)``, ``(อ้างอิงจากo5)ผ่าน``): the label (and a
#: sign a speck gave), the cited items as Tesseract wrote them, then perhaps a
#: closing bracket and what Tesseract ran on after it.
_RE_GLUED_CITATION = re.compile(
    f"^(?P<head>.*?{CITE_LABEL}[|!'’‘\"“”.\\-]?)(?P<list>(?=[A-Za-z{_D}]){_ITEM_CHAR}{{1,5}}(?:[,.]+\\s?{_ITEM_CHAR}{{1,5}})*)"
    f"(?P<tail>[)\\]].*|[,.])?$")


#: A word that opens a bracket with a label OCR garbled beyond :data:`CITE_LABEL`
#: (``(ย้างองจาก``): Thai text within ``CITE_LABEL_EDITS`` edits of the label, one Thai digit at most among its
#: letters (``(อ้างอิงจ๕``: ``าก`` read as the ``๕`` the Thai model writes for shapes it lacks; two digits are a
#: code's circle and digit, glued to the label, never part of it).
_RE_BRACKETED_WORD = re.compile(f"^\\(\\s*(?P<label>[{charset(TEXT)}]*[{_D}]?[{charset(TEXT)}]*)$")
#: ... of this many characters
LABEL_CHARS = (7, 13)


def is_cite_label(text: str) -> bool:
    """Whether a word ends with a citation label, as printed or garbled by OCR
    (:data:`normalize.codes.CITE_LABEL`; after a bracket, a word within
    :data:`normalize.codes.CITE_LABEL_EDITS` edits of the label).

    >>> is_cite_label("(อ้างอิงจาก"), is_cite_label("(ย้างองจาก"), is_cite_label("(ประกาศฉบับที่"), is_cite_label("ย้างองจาก")
    (True, True, False, False)
    >>> is_cite_label("(อ้างอิงจ๕"), is_cite_label("(อ้างอิง๐๕")
    (True, False)
    """
    if _RE_CITE_LABEL.search(text):
        return True
    m = _RE_BRACKETED_WORD.match(text)
    return (bool(m) and LABEL_CHARS[0] <= len(m.group("label")) <= LABEL_CHARS[1]
            and Levenshtein.distance(m.group("label"), CITE_LABEL_TEXT) <= CITE_LABEL_EDITS)


#: A line goes on in a column when its next word starts within this many of the word's heights of the column's left.
COLUMN_ALIGN = 0.75


def _column_goes_on(words: list[OcrWord], i: int, left: float) -> bool:
    """Whether the word after ``words[i]`` on its line starts where a column beginning at ``left`` does
    (:data:`COLUMN_ALIGN`)."""
    w = words[i]
    nxt = words[i + 1] if i + 1 < len(words) else None
    return nxt is not None and nxt.line_key == w.line_key and nxt.x0 >= w.x1 \
        and abs(nxt.x0 - left) <= COLUMN_ALIGN * (w.bottom - w.top)


def cited_words(words: list[OcrWord], elsewhere: set[int] | None = None) -> list[int]:
    """Indexes of the words that stand where a citation names its codes.

    The word after a citation label (``อ้างอิงจาก``, possibly across a line
    break), or the label's own word when the list is glued to it
    (:data:`_RE_GLUED_CITATION`), and the words after it that carry on its
    list (``,๐๑๓)``), until a word closes the bracket or is no item.

    A word that ends left of where the label's line begins, on a line that goes on
    right where the label's lines begin, is in another column (a score Tesseract
    read on the same line as the text beside it): it is no item, and the list goes
    on after it; its index goes into ``elsewhere``. (A code that opens the next line
    of an indented paragraph ends left of its first line too, but its line goes on
    at no such place.)

    >>> at = lambda t, x0, line: OcrWord(t, x0, 0, x0 + 40, 20, 90.0, (1, 1, line))
    >>> ws = [at("(อ้างอิงจาก", 1372, 26), at("o12,", 1560, 26), at("๗๑.๖๗", 1200, 27), at("o13)", 1380, 27)]
    >>> found = set(); cited_words(ws, found), found
    ([1, 3], {2})
    >>> ws = [at("(อ้างอิงจาก", 1372, 26), at("o12,", 1560, 26), at("o13)", 1222, 27), at("ให้", 1270, 27)]
    >>> found = set(); cited_words(ws, found), found  # the next line of an indented paragraph
    ([1, 2], set())

    >>> ws = [OcrWord(t, 0, 0, 1, 1, 90.0, (1, 1, 1)) for t in ("ความก้าวหน้า", "(อ้างอิงจาก", "ob", ",Oe)", "และ")]
    >>> cited_words(ws)
    [2, 3]
    >>> cited_words([OcrWord(t, 0, 0, 1, 1, 90.0, (1, 1, 1)) for t in ("(อ้างอิง", "จาก", "๐23)")])
    [2]
    >>> ws = [OcrWord(t, 0, 0, 1, 1, c, (1, 1, 1)) for t, c in (("(อ้างอิงจาก", 90.0), ("ปลา", 18.0), ("และ", 93.0))]
    >>> cited_words(ws), cited_words([ws[0], replace(ws[1], conf=90.0)])  # a sure Thai word is text
    ([1], [])
    >>> cited_words([OcrWord(t, 0, 0, 1, 1, 90.0, (1, 1, 1)) for t in ("(อ้างอิงจาก.oom)", "(อ้างอิงจากo5,", "o6)")])
    [0, 1, 2]
    >>> cited_words([OcrWord(t, 0, 0, 1, 1, 90.0, (1, 1, 1)) for t in ("(อ้างอิงจาก", "o13", "และ", "ow)", "และ", "o5")])
    [1, 3]
    """
    out: list[int] = []
    after_label = first = False
    left = 0.0
    for i, w in enumerate(words):
        if after_label and w.x1 < left and _column_goes_on(words, i, left):
            if elsewhere is not None:
                elsewhere.add(i)
            continue
        if after_label and (_RE_CITED.match(w.text) and not _RE_THAI.search(w.text) or first and _is_garbled_code(w)):
            out.append(i)
            after_label, first = ")" not in w.text, False
            continue
        if after_label and not first and w.text in CITE_LIST_JOINERS:
            continue  # ``o13 และ o14)``: the list goes on after its joining word
        if _RE_GLUED_CITATION.match(w.text):
            # the label and its list in one word (``(อ้างอิงจากo5)``)
            out.append(i)
            after_label, first = ")" not in w.text, False
            continue
        label = is_cite_label(w.text)
        start = None if label else label_start(words, i)
        after_label = label or start is not None
        if start is not None:  # the debris between the label's two words is no list
            out = [j for j in out if not start < j < i]
        first = after_label
        if after_label:
            left = min(x.x0 for x in words if x.line_key == w.line_key)
    return out


#: Debris read as a word: one or two characters, no Thai consonant (a sign, a mark, Latin letters a speck gave).
_RE_DEBRIS_WORD = re.compile(r"^[^\sก-ฮ]{1,2}$")
#: So many such words may stand between a label's two words (``(อ้างอิง`` ``'`` ``ee`` ``~`` ``จาก``: no list is
#: printed inside the label, so what stands there is debris).
LABEL_DEBRIS = 3


def label_start(words: Sequence[OcrWord], i: int) -> int | None:
    """The index of the label's first word (``(อ้างอิง``) when word ``i`` is its last (``จาก``), alone after it or
    with debris between them (:data:`LABEL_DEBRIS`: what specks at a line's end were read as); else None.

    >>> w = lambda t: OcrWord(t, 0, 0, 1, 1, 90.0, (1, 1, 1))
    >>> label_start([w("(อ้างอิง"), w("'"), w("ee"), w("~"), w("จาก")], 4), label_start([w("x"), w("(อ้างอิง"), w("จาก")], 2)
    (0, 1)
    >>> label_start([w("(อ้างอิง"), w("o12"), w("จาก")], 2), label_start([w("ข้อมูล"), w("จาก")], 1)
    (None, None)
    """
    if not _RE_CITE_FROM.match(words[i].text):
        return None
    j = i - 1
    while j >= 0 and i - j <= LABEL_DEBRIS and _RE_DEBRIS_WORD.match(words[j].text):
        j -= 1
    return j if j >= 0 and is_cite_label(words[j].text) else None


#: A word that opens a bracket on Latin letters or digits alone, at most as many as a
#: citation's label has letters (``(81989970`` for ``(อ้างอิงจาก``: Tesseract's English
#: model took the label's loops for digits; ``(ONIN``: its wide glyphs for fewer letters).
_RE_LATIN_BRACKETED = re.compile(r"^\([0-9A-Za-z]{3,13}$")
#: A Thai-only re-read of such a word is taken as a label from this confidence on.
LABEL_MIN = 60.0


#: A word's own line is read with this much paper round it (share of its line's band height).
LABEL_PAD = 0.1
#: An unsure word of Thai letters (below this confidence) right before cited codes may be their label, garbled.
GARBLED_LABEL_CONF = 60.0
#: A cited code as Tesseract wrote it: a circle, then a digit.
_RE_CIRCLE_CODE = re.compile(f"[{_CIRCLES}][{_D}]")


def garbled_label_words(words: list[OcrWord]) -> list[int]:
    """Indexes of words that may be a citation's label Tesseract garbled as Thai letters (``เลรจงขาย`` for
    ``(อ้างอิงจาก``): unsure (:data:`GARBLED_LABEL_CONF`), no label already, right before a word of cited
    items (:data:`_RE_CITED`, no Thai letter) on the same line, one of them a code (a circle and a digit).

    >>> w = lambda t, conf=31.0, line=15: OcrWord(t, 0, 0, 1, 1, conf, (40, 1, line))
    >>> garbled_label_words([w("ผู้บังคับบัญชา", 90.0), w("เลรจงขาย"), w("036)"), w("และ", 93.0)])
    [1]
    >>> garbled_label_words([w("เลรจงขาย", 90.0), w("036)")]), garbled_label_words([w("เลรจงขาย"), w("2566)")])
    ([], [])
    >>> garbled_label_words([w("เลรจงขาย"), w("036)", line=16)]), garbled_label_words([w("(อ้างอิงจาก"), w("036)")])
    ([], [])
    >>> garbled_label_words([w("จําปี", 87.0), w("เกท", 29.0), w("0", 96.0), w("10)", 94.0)])  # a circle apart
    [1]
    """
    out = []
    for i, w in enumerate(words[:-1]):
        if w.conf >= GARBLED_LABEL_CONF or not _RE_THAI.search(w.text) or is_cite_label(w.text):
            continue
        after = [x for x in words[i + 1:i + 3] if x.line_key == w.line_key]
        if after and _RE_LONE_CIRCLE.match(after[0].text) and len(after) > 1:
            # a code's circle Tesseract made a word of its own (``0`` ``10)``)
            code = after[0].text + after[1].text
        else:
            code = after[0].text if after else ""
        if _RE_CITED.match(code) and not _RE_THAI.search(code) and _RE_CIRCLE_CODE.search(code):
            out.append(i)
    return out


def latin_label_words(words: list[OcrWord]) -> list[int]:
    """Indexes of words that may be a citation's label read as Latin: a bracket opened on
    Latin letters or digits (:data:`_RE_LATIN_BRACKETED`) right before a word of cited
    items holding a digit or a circle (:data:`_RE_CITED`, no Thai letter).

    >>> ws = [OcrWord(t, 0, 0, 1, 1, 77.0, (1, 1, 1)) for t in ("หรือ", "(81989970", "010)", "(2566)", "o5)", "(ONIN", "07)")]
    >>> latin_label_words(ws)
    [1, 5]
    """
    out = []
    for i, w in enumerate(words[:-1]):
        nxt = words[i + 1].text
        if (_RE_LATIN_BRACKETED.match(w.text) and _RE_CITED.match(nxt) and not _RE_THAI.search(nxt)
                and re.search(f"[{_D}oO]", nxt)):
            out.append(i)
    return out


#: A short word of Thai letters read unsure right after a citation label
#: (``ปลา`` at 18 for ``๐๕)``) is a code Tesseract's Thai model could not read.
GARBLED_CODE_CONF = 50.0


def _is_garbled_code(w: OcrWord) -> bool:
    return w.conf < GARBLED_CODE_CONF and len(w.text) <= 5 and not any(c.isspace() for c in w.text)


def code_runs(glyphs: list[GlyphGuess]) -> list[tuple[int, int]]:
    """The glyphs (first, last index) of each code in a word's glyphs: a
    circle (the letter ``o``) and one or two digits, between glyphs that are
    no digit (the label's tail, a comma, a bracket).

    >>> from ita_extract.page import PixelBox
    >>> g = lambda c: GlyphGuess(c, 0.9, PixelBox(0, 0, 1, 1))
    >>> code_runs([g(c) for c in "??0๓๗?"]), code_runs([g(c) for c in "๐๕?๐๓?"]), code_runs([g(c) for c in "?5?"])
    ([(2, 4)], [(0, 1), (3, 4)], [])
    >>> at = lambda c, x: GlyphGuess(c, 0.9, PixelBox(x, 0, x + 9, 20))
    >>> code_runs([at("๐", 0), at("๑", 12), at("6", 24), at("๗", 33)]), code_runs([at("๐", 0), at("๑", 12), at("๒", 24), at("๓", 36)])
    ([(0, 3)], [(0, 2)])
    """
    runs: list[tuple[int, int]] = []
    i = 0
    while i < len(glyphs):
        if glyphs[i].char in ("๐", "0"):
            j = i
            # two digits, and a third only when it touches the second (one digit the recognizer cut in two, which
            # it reads again as a code: :meth:`extract.numerals.recognizer.Recognizer.read_code`)
            while j + 1 < len(glyphs) and meaning_in_number(glyphs[j + 1].char).isdigit() and (
                    j - i < 2 or (j - i == 2 and glyphs[j + 1].box.x0 <= glyphs[j].box.x1)):
                j += 1
            if j > i:
                runs.append((i, j))
                i = j + 1
                continue
        i += 1
    return runs


#: A cited word that is a code's circle alone (``(อ้างอิงจาก ๐`` at a line's end, ``๓๗, ๐๓๘)`` on the next).
_RE_LONE_CIRCLE = re.compile(f"^[(\\[,]?[{_CIRCLES}]$")


def _digits_after_circle(word: OcrWord, items: list[re.Match[str]], crop: np.ndarray, glyphs: list[GlyphGuess],
                         recognizer: Recognizer) -> OcrWord | None:
    """The word that carries on a code whose circle stood alone before it (``@)`` for ``๕)``,
    ``bo)`` for ``๒๐)``): its leading digits (one or two, the first no circle) read as that code,
    written in place of its first item; ``None`` when they do not read as one surely."""
    n = 0
    # the first digit is no circle (that would be a code of its own); a second may be a zero (๒๐)
    while n < min(2, len(glyphs)) and meaning_in_number(glyphs[n].char).isdigit() and (
            n > 0 or glyphs[n].char not in ("๐", "0")):
        n += 1
    if n == 0 or not items:
        return None
    x1 = min(glyphs[n - 1].box.x1 + 2, glyphs[n].box.x0 if n < len(glyphs) else crop.shape[1])
    r = recognizer.read_code(crop[:, max(0, glyphs[0].box.x0 - 2):x1], "o")
    if r.confidence < READ_MIN or not _RE_OIT_CODE.match(r.text):
        return None
    first = items[0]
    return _reread(word, word.text[:first.start()] + r.text + word.text[first.end():], r.confidence)


def read_cited_code(word: OcrWord, page: np.ndarray, recognizer: Recognizer, after_circle: bool = False) -> OcrWord:
    """Cited OIT codes read again from the word's image (``ob)`` for ``๐๖)``,
    ``๐๕,๐๓)`` for ``๐๘,๐๙)``).

    Each item Tesseract wrote (letters or digits between commas and brackets)
    pairs with one code in the image (:func:`code_runs`), in order, when
    their counts agree; only those glyphs are read, as a code whose tool is
    OIT. What Tesseract read around the items (brackets, commas, a label glued
    before them: then the image must hold exactly as many codes) stays. Where
    the image holds more codes than Tesseract wrote items (it ran ``๐๓,๐๔``
    together as ``03004``), the list between the brackets is written from the
    image. Any unsure reading leaves the word as it was. ``after_circle``: the cited
    word before this one is a circle alone, so digits that lead this word with no
    circle of their own are that code's (:func:`_digits_after_circle`).
    """
    glued = _RE_GLUED_CITATION.match(word.text)
    thai = not glued and bool(_RE_THAI.search(word.text))
    if glued:
        # only the items after the label; the label's letters are no code
        items = list(_RE_CITED_ITEM.finditer(word.text, glued.end("head"), glued.end("list")))
    else:
        items = list(_RE_CITED_ITEM.finditer(word.text.split("<", 1)[0])) if not thai else []
    if not items and not thai:
        return word
    crop = word_image(page, word)
    if crop.size == 0:
        return word
    glyphs = recognizer.classify_glyphs(crop)
    if after_circle and not glued and not thai:
        carried = _digits_after_circle(word, items, crop, glyphs, recognizer)
        if carried is not None:
            return carried
    runs = code_runs(glyphs)
    if not runs or len(runs) < len(items) or (glued and len(runs) != len(items)):
        # beside the label's letters, only as many codes as Tesseract wrote items: a letter
        # the recognizer took for a circle and digits makes the word stay as read
        return word
    codes, conf = [], 1.0
    for a, b in runs:
        img, x0, x1 = code_crop(crop, glyphs, a, b)
        r = recognizer.read_code(img[:, x0:x1], "o")
        if r.confidence < READ_MIN or not _RE_OIT_CODE.match(r.text):
            # the margin changes how the recognizer cuts the glyphs (a ๗ read as ๓ and a
            # sliver): the code's own glyph bounds read it again
            tight = recognizer.read_code(img[:, glyphs[a].box.x0:glyphs[b].box.x1], "o")
            r = tight if tight.confidence > r.confidence else r
        cut = touching_bracket_cut(word.text.split("<", 1)[0], glyphs) if b == len(glyphs) - 1 else None
        if cut is not None and cut > glyphs[a].box.x1:
            # the closing bracket joined to the code's last digit: read without it, if surer
            bare = recognizer.read_code(crop[:, x0:cut], "o")
            r = bare if bare_reading_stands(r, bare) else r
        if r.confidence < READ_MIN or not _RE_OIT_CODE.match(r.text):
            return word
        codes.append(r.text)
        conf = min(conf, r.confidence)
    if thai:
        # Thai letters for a code (cited_words): the list is written from the image alone
        return _reread(word, " ".join(codes), conf)
    if len(runs) > len(items):
        # Tesseract ran codes together ("03004" for "๐๓,๐๔"): the list is written
        # from the image, a comma where a glyph parts two codes, else a space
        seps = ["," if any(g.char in (",", ".", "?") for g in glyphs[b + 1:a2]) else " "
                for (_, b), (a2, _) in zip(runs, runs[1:])]
        listed = codes[0] + "".join(sep + code for sep, code in zip(seps, codes[1:]))
        return _reread(word, word.text[:items[0].start()] + listed + word.text[items[-1].end():], conf)
    out, last = [], 0
    for m, code in zip(items, codes):
        out += [word.text[last:m.start()], code]
        last = m.end()
    return _reread(word, "".join(out) + word.text[last:], conf)
