"""What a cell's words say as text: whether they are a number, a score in the format a score column prints
(0-100 with two decimals, or ``100``), a number Tesseract garbled, split in two, wrapped onto lines or read twice,
or text (Thai or Latin) that no reading of a number replaces.

Judged from the words' text and boxes alone; the ink is :mod:`extract.ocr.ink`'s.
"""
from __future__ import annotations

import re

from extract.ocr.engine import OcrWord
from normalize.thaichars import DIGITS, LETTERS, TEXT, charset


#: Words of a cell worth a second look together: at most this many characters in all.
MAX_CHARS = 14


#: Appended to a score cell's reading known to have lost digits: no number, so ``score-unreadable`` downstream.
UNREAD_MARK = "?"


#: A number as a cell holds it: digits with at most one decimal point.
_RE_NUMBER = re.compile(r"^\d{1,4}(?:\.\d{1,3})?$")
#: Numeral-like text: anything but Thai letters and marks (digits, points, Latin
#: look-alikes, and the quotes, pluses and slashes Tesseract makes of specks).
_RE_NUMERALISH = re.compile(rf"^[^\s{charset(TEXT, '๏')}]{{1,8}}$")
_RE_THAI_LETTER = re.compile(f"[{charset(LETTERS)}]")
_TO_ARABIC = str.maketrans(DIGITS, "0123456789")

#: A score as a score column prints it: 0-100 with two decimals (``100`` alone too).
_RE_SCORE_FORMAT = re.compile(r"^(?![0๐]\d)(?:\d{1,2}\.\d{2}|100(?:\.00)?)$")


#: In a score column, a word with Thai letters below this confidence is a misread number, not a label.
SCORE_CELL_THAI_CONF = 60.0
#: Punctuation alone (a dash, or the specks Tesseract makes of one: ``:`` ``'``).
_RE_PUNCT = re.compile(r"^[-–—_:;'\".,`~]+$")


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
