"""Period cells: a date's digits OCR garbled, read again from their ink thinned to its cores.

A measure's period prints dates (``๑/๑๐/๒๕๖๕ – ๓๐/๙/๒๕๖๖``, ``ต.ค. ๒๕๖๘``).
Tesseract's Thai model has no ๔ ๖ ๗ ๘ ๙ and writes them as other digits or
as two glyphs (``๑/๑๐/๒๕๒๕``, ``๓๐/๕/๒๕๒๑๐๑``, ``๒๕๒๓๕``); the numeral
recognizer, reading the word as it stands (:mod:`extract.ocr.tokens`), fails
where blur joins tightly set glyphs at their grey rims (``๑๐/๒`` one blob).
Downstream a year the grammar cannot read leaves the period's dates to the
report's fiscal year, which cannot tell the years around it apart.

Here a word of a period cell (a cell that names a month, the fiscal year or a
numeric date) whose digits make no date is read again by the recognizer from
its ink thinned at several levels (:func:`extract.ocr.votes.thinned`): the
darker cores of joined glyphs stand apart. The reading replaces the word's
digits only when it is a date token of a valid shape (a numeric date with a
day, month and a year an assessment can name; a year; a day) and enough levels
read the same, each surely, and none reads another such token as often. A
run of digits glued to a month's letters (``ต.ค.3``) is read the same way, as
a year. A month's abbreviation Tesseract read as Latin letters (``AA``,
``“WA,``) before a year or a range sign, in a cell of the period column, is
read again alone by the Thai-only engine and kept only as a month. Any other
word stays as read (its period is null and flagged downstream, as before).
"""
from __future__ import annotations

import calendar
import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace

import cv2
import numpy as np

from extract.ocr.columns import COLUMN_EDGE_PT, cell_words
from extract.ocr.votes import thinned
from extract.ocr.engine import OcrWord
from extract.numerals.recognizer import meaning_in_number
from extract.ocr.tokens import MONTH_MIN, PAD_Y, READ_MIN, word_image
from ita_extract.page import Grid
from normalize.dates import (MONTH_NAMES, RE_FISCAL_YEAR_WORDS, RE_PERIOD_WORDS, drop_glued_specks, is_month_abbreviation,
                             is_month_word)
from normalize.lexicon import plausible
from normalize.thai import thai_digits_to_arabic
from normalize.thaichars import DIGIT_LOOKALIKES, MARKS, TEXT_CONSONANTS

__all__ = ["DateRun", "date_run", "date_token_ok", "latin_month", "month_read_again", "month_word", "period_cell",
           "reread_period_months", "reread_period_words", "thinned_date_read"]

#: Ink darker than these shares of the way from its darkest to its threshold is kept, each a level read
#: (:func:`extract.ocr.votes.thinned`), the ink as it stands too.
DATE_THIN_SHARES = (None, 0.9, 0.85, 0.8, 0.75, 0.7, 0.65, 0.6)
#: A level's reading counts when its least sure glyph is at least this sure ...
DATE_READ_MIN = 0.6
#: ... and a reading replaces the word when this many levels read it, and no other date token as many.
DATE_AGREE = 3
#: The reading holds at most this many digits more or fewer than the places Tesseract saw one in the word.
DIGIT_PLACES_OFF = 2
#: Years an assessment can name (Buddhist era): a four-digit year outside is a misread.
YEAR_RANGE = (2550, 2650)

_SIGNS = "-–—.,:;'"
#: A numeric date or the part of one a line holds (``1/10/2566``, ``30/``, ``9/2571``, ``1/10/``).
_RE_DATE_PART = re.compile(r"^\d{1,4}(?:/\d{1,4}){0,2}/?$")
_RE_DIGIT_PLACE = re.compile(f"[0-9{DIGIT_LOOKALIKES}]")
_RE_THAI_LETTER = re.compile("[\u0e01-\u0e2e]")
_RE_THAI_SIGN = re.compile("[\u0e01-\u0e4e]")
_RE_NUMERIC_IN_TEXT = re.compile(r"\d\s*/\s*\d")
#: What parts a period cell's words: spaces, and a range's dash between two months read as one word.
_RE_WORD_SPLIT = re.compile(r"[\s\-–—]+")
_FISCAL_WORD = "งบประมาณ"
#: A period cell holds a period and little else: at most this many consonants that stand for no digit
#: (:data:`normalize.thaichars.TEXT_CONSONANTS`) beside its months, fiscal year, era and range word
#: (:data:`normalize.dates.RE_PERIOD_WORDS`). A period's own words are few (``ตลอด``, ``ภายในไตรมาสที่ ๒ ของ``: 11); a measure's
#: name or steps that name a month or the budget, or a unit named for it (``กองแผนและงบประมาณ``), hold more.
PERIOD_CELL_TEXT_MAX = 12
#: A mark right after a dot: a speck the engine read, never part of an abbreviation (``ก.ุค.``).
_RE_MARK_AFTER_DOT = re.compile(f"(?<=\\.)[{MARKS}]+")
#: Digits (or the letters Tesseract writes for them) after a space at a reading's end: a year beside the word,
#: and the range's sign after that year when the box ran on over it too (``ต.ุค. ๒๕๒0๕ -``): the next words'.
_RE_YEAR_AFTER = re.compile(f"\\s+[0-9{DIGIT_LOOKALIKES}\u0e50-\u0e59]+(?:\\s*(?:[-–—]|ถึง))?$")
#: A month's abbreviation Tesseract read as Latin letters, dots or commas lost (``AA``, ``“WA,``, ``A.``).
#: Two of them joined by a range's dash (``UA-A.W.`` for ``ม.ค.-ก.พ.``), or one with the range's dash after it
#: (``U.A.-`` for ``ม.ค.-``).
_RE_LATIN_MONTH = re.compile(r"^[“\"'‘]?[A-Za-z][A-Za-z.,]{0,4}(?:[-–—](?:[A-Za-z][A-Za-z.,]{0,4})?)?$")
#: A word ending with a range's dash; a run of dashes (``ม.ค.--``, one dash read twice).
_RE_DASH_END = re.compile("[-–—]$")
_RE_DASH_RUN = re.compile("([-–—])[-–—]+")
#: What a year glued after a month's abbreviation is written with: digits and the letters Tesseract writes for
#: the digits it lacks (``กุย.๒๕ญฆฒ๐``).
_YEAR_PLACES = "0123456789" + DIGIT_LOOKALIKES


def _plausible_part(part: str, kind: str) -> bool:
    n = int(part)
    if kind == "day":
        return 1 <= n <= 31
    if kind == "month":
        return 1 <= n <= 12
    return YEAR_RANGE[0] <= n <= YEAR_RANGE[1] if len(part) == 4 else len(part) == 2


def date_token_ok(text: str) -> bool:
    """Whether ``text`` (Arabic digits, signs around it left out) is a date token of a valid shape: a numeric
    date or the part of one a line holds, a year an assessment can name, two digits (a short year or a day),
    a day.

    >>> [date_token_ok(t) for t in ("1/10/2565", "30/9/2566", "2568", "68", "1", "30/", "9/2571", "1/10/")]
    [True, True, True, True, True, True, True, True]
    >>> [date_token_ok(t) for t in ("1/10/2525", "30/5/252101", "25235", "1/17565", "", "45/9/2566", "256")]
    [False, False, False, False, False, False, False]
    """
    if not _RE_DATE_PART.match(text):
        return False
    parts = text.rstrip("/").split("/")
    if len(parts) == 1:
        p = parts[0]
        return (len(p) == 4 and _plausible_part(p, "year")) or (len(p) <= 2 and int(p) <= 99)
    kinds = ("day", "month", "year") if len(parts) == 3 else \
        (("day", "month") if text.endswith("/") or len(parts[1]) <= 2 else ("month", "year"))
    return all(_plausible_part(p, k) for p, k in zip(parts, kinds))


#: The dash between a range's two dates read as one word (nothing else between them).
_RE_RANGE_DASH = re.compile(r"\s*[-–—]\s*")
#: A run of a date's digits in a word: digits, the letters Tesseract writes for the digits it lacks, slashes.
#: A Thai letter standing alone between two digits is a digit Tesseract wrote as a letter too (``๒๕ว๕`` for
#: ``๒๕๖๘``): no word sets a letter between digits; so is a point (``25.6`` for ``๒๕๗๐``, a faint ``๗`` read as a
#: speck): a period prints no number with a point.
_D = f"[0-9{DIGIT_LOOKALIKES}]"
_RE_RUN = re.compile(f"{_D}(?:(?:{_D}|/|(?<=[0-9])[\u0e01-\u0e2e.](?=[0-9]))*{_D})?/?")


@dataclass(frozen=True)
class DateRun:
    """The digits of a word that make no date token: what stands before and after them, and where they stand
    against the word's Thai letters (``"alone"``; ``"after"`` a month's abbreviation: a year; ``"before"``), or
    ``"range"``: two runs joined by a dash, a range's two dates read as one word."""

    before: str
    run: str
    after: str
    place: str


def month_edge(token: str) -> bool:
    """Whether a date token's day, if it has a day and a month, opens or closes its month (the 1st or the
    last day: a period runs over whole months); February's 28th and 29th both close it. A token without a
    day and month (a year, ``9/2571``) has no edge to miss.

    >>> [month_edge(t) for t in ("1/10/2565", "30/9/2566", "31/3/", "29/2/2567", "28/2/", "2568", "9/2571", "1/10/")]
    [True, True, True, True, True, True, True, True]
    >>> [month_edge(t) for t in ("30/3/2565", "30/3/", "15/1/2566", "31/9/")]
    [False, False, False, False]
    """
    parts = token.rstrip("/").split("/")
    if len(parts) < 2 or (len(parts) == 2 and not token.endswith("/") and len(parts[1]) > 2):
        return True
    day, month = int(parts[0]), int(parts[1])
    if not 1 <= month <= 12:
        return False
    last = {calendar.monthrange(2001, month)[1], calendar.monthrange(2004, month)[1]}
    return day == 1 or day in last


def range_parts(run: str) -> tuple[str, str] | None:
    """A range's two date tokens, read as one word (``1/10/2564-30/9/``): what stands on either side of its
    one dash.

    >>> range_parts("1/10/2564-30/9/"), range_parts("2568"), range_parts("1-2-3")
    (('1/10/2564', '30/9/'), None, None)
    """
    parts = re.split("[-–—]", run)
    return (parts[0], parts[1]) if len(parts) == 2 and all(parts) else None


def run_ok(run: str, place: str, edge: bool = True) -> bool:
    """Whether a run of digits is a date token where it stands: after a month's letters, a year; a range
    (``place`` ``"range"``), two tokens; a numeric date's day, at its month's edge (:func:`month_edge`).

    >>> run_ok("2567", "after"), run_ok("67", "after"), run_ok("3", "after"), run_ok("3", "alone")
    (True, True, False, True)
    >>> run_ok("1/10/2564-30/9/", "range"), run_ok("1/10/2525-30/9/", "range"), run_ok("1/10/2564-30/3/", "range")
    (True, False, False)
    >>> run_ok("30/3/2565", "alone"), run_ok("30/9/2565", "alone")
    (False, True)
    >>> run_ok("30/3/2565", "alone", edge=False)
    True
    """
    if place == "after":
        return bool(re.fullmatch(r"\d{2}|\d{4}", run)) and date_token_ok(run)
    if place == "range":
        parts = range_parts(run)
        return parts is not None and all(date_token_ok(p) and (month_edge(p) or not edge) for p in parts)
    return date_token_ok(run) and (month_edge(run) or not edge)


def date_run(text: str) -> DateRun | None:
    """The run of a word's digits (Arabic) that makes no date token where it stands (:func:`run_ok`), or None:
    the word's only run holding a digit, alone, or at either end of its Thai letters (a date glued to its
    month: ``ต.ค.3``).

    >>> [date_run(t).run for t in ("๑/๑๐/๒๕๒๕", "25235", "๓๐/๕/๒๕๒๑๐๑", "25ฒ0", "1/10/25205-", "ต.ค.3", "ต.ค.๒ฒ")]
    ['1/10/2525', '25235', '30/5/252101', '25ฒ0', '1/10/25205', '3', '2ฒ']
    >>> [date_run(t) for t in ("2568", "30/9/2566", "ต.ค.", "ปีงบประมาณ", "-", "ก.ย.2568", "68", "กข3คง", "ประมาณ2568")]
    [None, None, None, None, None, None, None, None, None]

    A day off its month's edge (``30/3/2565``: :func:`month_edge`) is read again too; a range read as one
    word, as one run (``"range"``):

    >>> date_run("๓๐/๓/๒๕๖๕").run, date_run("๑/๑๐/๒๕๒๕-๓๐/๓/").run, date_run("๑/๑๐/๒๕๒๕-๓๐/๓/").place
    ('30/3/2565', '1/10/2525-30/3/', 'range')
    >>> date_run("1/10/2564-30/9/"), date_run("2566-2567")
    (None, None)
    >>> date_run("พ.ศ.๒๕ว๕").run, date_run("พ.ศ.๒๕ว๕").place  # a letter between digits: a digit's place
    ('25ว5', 'after')
    >>> date_run("25.6").run, date_run("ก.ย.25.6").run  # a point between digits: a digit's place too
    ('25.6', '25.6')
    """
    text = thai_digits_to_arabic(text)
    runs = [m for m in _RE_RUN.finditer(text) if re.search(r"\d", m.group())]
    if len(runs) == 2 and _RE_RANGE_DASH.fullmatch(text, runs[0].end(), runs[1].start()):
        # a range read as one word (``๑/๑๐/๒๕๒๕-๓๐/๓/``): both its dates, read again together
        before, run, after = text[:runs[0].start()], text[runs[0].start():runs[1].end()], text[runs[1].end():]
        if _RE_THAI_LETTER.search(before + after) or run_ok(run, "range"):
            return None
        return DateRun(before, run, after, "range")
    if len(runs) != 1:
        return None
    m = runs[0]
    before, run, after = text[:m.start()], m.group(), text[m.end():]
    # a letter Tesseract writes for a digit, touching a Thai letter, is that word's (``ประมาณ2568``)
    while run and run[0] in DIGIT_LOOKALIKES and before and _RE_THAI_SIGN.match(before[-1]):
        before, run = before + run[0], run[1:]
    while run and run[-1] in DIGIT_LOOKALIKES and after and _RE_THAI_SIGN.match(after[0]):
        run, after = run[:-1], run[-1] + after
    thai_before = bool(_RE_THAI_LETTER.search(before))
    thai_after = bool(_RE_THAI_LETTER.search(after))
    if thai_before and thai_after:
        return None
    if thai_before and after.strip(_SIGNS):
        return None
    if thai_after and before.strip(_SIGNS):
        return None
    if not re.search(r"\d", run):
        return None
    place = "after" if thai_before else "before" if thai_after else "alone"
    return None if run_ok(run, place) else DateRun(before, run, after, place)


def _reading_run(text: str, confs: list[float], place: str) -> tuple[str, float] | None:
    """The run of a reading that stands for a word's run at ``place``: the reading without the signs and
    unreadable glyphs at its ends (neighbours' ink); after a month's letters, its last run of digits; before
    them, its first. With its least sure glyph's confidence."""
    keep = [c.isdigit() or c == "/" or (place == "range" and c in "-–—") for c in text]
    if not any(keep):
        return None
    lo, hi = keep.index(True), len(keep) - keep[::-1].index(True)
    if place == "after":
        while lo < hi and keep[lo:hi].count(False):
            lo += keep[lo:hi].index(False) + 1
    elif place == "before" and False in keep[lo:hi]:
        hi = lo + keep[lo:hi].index(False)
    run = text[lo:hi].lstrip("/")
    if not run:
        return None
    at = hi - len(run)
    return run, min(confs[at:hi])


def period_cell(texts: list[str]) -> bool:
    """Whether a cell's words are a period's: a month's name or abbreviation, the fiscal year's word, or a
    numeric date.

    >>> period_cell(["ต.ค.", "25235", "-", "ก.ย.", "2569"]), period_cell(["๑/๑๐/๒๕๒๕", "-"])
    (True, True)
    >>> period_cell(["ตลอดปีงบประมาณ", "25ฒ8"]), period_cell(["99.38"]), period_cell(["จัดทำคู่มือ", "2568"])
    (True, False, False)
    >>> period_cell(["ม.ค.-ก.พ.", "2566"]), period_cell(["ม.ค.-ก.พ.2566"])
    (True, True)
    >>> period_cell(["กุย.๒๕ญฆฒ๐"]), period_cell(["ญฆฒ"])  # a year glued to its month, letters for its digits
    (True, False)

    A period and little else (:data:`PERIOD_CELL_TEXT_MAX`): not a measure's name or steps that name a month, the
    fiscal year or the budget, nor a unit named for the budget.

    >>> period_cell(["ภายในไตรมาสที่", "๒", "ของปีงบประมาณ", "พ.ศ.", "๒๕๖๘"]), period_cell(["ภายในเดือนมีนาคม", "๒๕๖๘"])
    (True, True)
    >>> period_cell(["ประชุมชี้แจงบุคลากรเรื่องการเบิกจ่าย", "ในเดือนมกราคม", "๒๕๖๘"])
    False
    >>> period_cell(["กองแผนและงบประมาณ"]), period_cell(["จัดทำรายงานการใช้จ่ายงบประมาณประจำปี"])
    (False, False)
    """
    joined = thai_digits_to_arabic(" ".join(texts))
    if len(_RE_TEXT_LETTER.findall(RE_PERIOD_WORDS.sub(" ", joined))) > PERIOD_CELL_TEXT_MAX:
        return False
    if _RE_NUMERIC_IN_TEXT.search(joined) or RE_FISCAL_YEAR_WORDS.search(joined) or any(m in joined for m in MONTH_NAMES):
        return True
    # a range's two months read as one word (``ม.ค.-ก.พ.``): each its own; a year glued after a month, with the
    # letters Tesseract writes for digits it lacks (``กุย.๒๕ญฆฒ๐``)
    cores = (w.strip(_SIGNS + "0123456789") for t in texts for w in _RE_WORD_SPLIT.split(thai_digits_to_arabic(t)))
    return any(is_month_abbreviation(c) or is_month_abbreviation(c.rstrip(_YEAR_PLACES)) for c in cores)


def thinned_date_read(reader, crop: np.ndarray, places: int, place: str = "alone", edge: bool = False) -> str | None:
    """The date token the recognizer reads in ``crop`` (for a word's run at ``place``: :func:`_reading_run`) at
    :data:`DATE_AGREE` levels of thinning or more, each surely (:data:`DATE_READ_MIN`), when no other date
    token is read as often; a run alone or a range holds about as many digits as the ``places`` Tesseract saw
    (:data:`DIGIT_PLACES_OFF`: no neighbour's ink read with it). ``edge``: a day must open or close its month
    (:func:`month_edge`; the word read a valid date off it). Else None.

    A level reads the token of the readings with the fewest slashes cut off digits (:func:`_readings`) that
    make one, when they all make the same."""
    votes: dict[str, int] = {}
    for share in DATE_THIN_SHARES:
        img = crop if share is None else thinned(crop, share)
        if img is None:
            continue
        taken: set[str] = set()
        fewest = None
        for cuts, r in _readings(reader, img):
            if fewest is not None and cuts > fewest:
                break
            found = _reading_run(r.text, [g.confidence for g in r.glyphs], place) \
                if len(r.glyphs) == len(r.text) else None
            if found is None or found[1] < DATE_READ_MIN or not run_ok(found[0], place, edge):
                continue
            if place in ("alone", "range") and abs(sum(c.isdigit() for c in found[0]) - places) > DIGIT_PLACES_OFF:
                continue
            fewest = cuts
            taken.add(found[0])
        if len(taken) == 1:  # readings with as few slashes cut that make other dates: no vote
            votes[next(iter(taken))] = votes.get(next(iter(taken)), 0) + 1
    if not votes:
        return None
    ranked = sorted(votes.items(), key=lambda kv: -kv[1])
    if ranked[0][1] < DATE_AGREE or (len(ranked) > 1 and ranked[1][1] >= ranked[0][1]):
        return None
    return ranked[0][0]


def _readings(reader, img: np.ndarray) -> Iterable[tuple[int, object]]:
    """The recognizer's readings of a date's ink, each with the number of slashes cut off digits it read surely
    (:meth:`extract.numerals.recognizer.Recognizer.date_readings`, made as they are asked for), fewest first; a
    reader without them: its one reading (``read_date``)."""
    many = getattr(reader, "date_readings", None)
    return many(img) if many is not None else [(0, reader.read_date(img))]


#: A line of a period cell read whole (:func:`line_dates_read`) is read at these scales (cubic) ...
LINE_SCALES = (1.0, 1.5, 2.0)
#: ... and a date counts where this many views read it, this many times as many as read another date there.
LINE_AGREE, LINE_MARGIN = 4, 2
#: A date a line of a period cell reads whole (:func:`line_dates_read`): a day, a month and a year (``1/10/2564``);
#: at the line's end, a day and a month, the year on the next line (``30/9/``).
_RE_FULL_DATE = re.compile(r"\d{1,2}/\d{1,2}/\d{4}")
_RE_OPEN_DATE = re.compile(r"\d{1,2}/\d{1,2}/")
#: What a line read whole may hold at its ends besides its dates: specks, the cell's edge (left out).
_RE_LINE_ENDS = re.compile(r"^[^0-9\-]+|[^0-9/\-]+$")


def line_date_ok(part: str, last: bool) -> bool:
    """Whether a part of a line read whole (:func:`line_dates_read`) is a date of a period: a whole date, or at the
    line's end a day and a month; valid (:func:`date_token_ok`) and at its month's edge (:func:`month_edge`).

    >>> line_date_ok("1/10/2564", False), line_date_ok("30/9/", True), line_date_ok("30/9/", False)
    (True, True, False)
    >>> line_date_ok("1/102564", False), line_date_ok("30/5/2565", True), line_date_ok("1/10/2525", False)
    (False, False, False)
    """
    shape = _RE_FULL_DATE.fullmatch(part) or (last and _RE_OPEN_DATE.fullmatch(part))
    return bool(shape) and date_token_ok(part) and month_edge(part)


def _line_parts(r) -> tuple[tuple[str, ...], tuple[float, ...], tuple[tuple[int, int, int, int] | None, ...]] | None:
    """A line's reading cut at its dashes: each part's text (None when it is no date of a period:
    :func:`line_date_ok`; empty: the range's dash at the line's start or end), least sure glyph and box (crop
    pixels; None for an empty part). None when the reading holds no part or two dashes side by side."""
    if len(r.glyphs) != len(r.text):
        return None
    trimmed = _RE_LINE_ENDS.sub("", r.text)
    if not trimmed:
        return None
    start = r.text.index(trimmed)
    glyphs = r.glyphs[start:start + len(trimmed)]
    texts, confs, boxes = [], [], []
    at = 0
    for part in re.split("-", trimmed):
        gs = glyphs[at:at + len(part)]
        at += len(part) + 1
        texts.append(part)
        confs.append(min((g.confidence for g in gs), default=1.0))
        boxes.append((min(g.box.x0 for g in gs), min(g.box.top for g in gs), max(g.box.x1 for g in gs),
                      max(g.box.bottom for g in gs)) if gs else None)
    inner = texts[1:-1] if len(texts) > 1 else texts
    if any(not t for t in inner) or not any(texts):
        return None
    texts = [t if not t or line_date_ok(t, k == len(texts) - 1) else None for k, t in enumerate(texts)]
    return tuple(texts), tuple(confs), tuple(boxes)


def line_dates_read(reader, crop: np.ndarray) -> tuple[tuple[str, ...], tuple] | None:
    """The dates of a period cell's line of numeric dates, its ink read whole by the recognizer in views: at the
    scales of :data:`LINE_SCALES`, each at the levels of :data:`DATE_THIN_SHARES` (the readings with the fewest
    slashes cut that make dates: :func:`_readings`), or None.

    At 150 dpi the slashes blur into the digits beside them and Tesseract garbles the whole line
    (``7172564 - 30/งช่หต565``, ``mole!`` for ``๓๐/๙/``); one view reads one date right, another the other, and
    the ink scaled up parts a slash from its digit where the ink as it stands joins them. A line reads as dates
    and the range's dashes (:func:`_line_parts`); each date counts where :data:`LINE_AGREE` views read it so,
    surely (:data:`DATE_READ_MIN`), :data:`LINE_MARGIN` times as many as read any other date there. The line is
    read when one shape of it (how many dates, a dash at either end) has every date counted. Returns the parts
    (an empty part: the dash at that end) and each part's box in crop pixels."""
    votes: dict[tuple, dict[int, dict[str, int]]] = {}
    boxes: dict[tuple, dict[int, dict[str, tuple]]] = {}
    for scale, share in itertools.product(LINE_SCALES, DATE_THIN_SHARES):
        big = crop if scale == 1.0 else cv2.resize(crop, None, fx=scale, fy=scale, interpolation=cv2.INTER_CUBIC)
        img = big if share is None else thinned(big, share)
        if img is None:
            continue
        fewest: dict[tuple, int] = {}  # (shape, part) -> the fewest cuts that read a date there
        level: dict[tuple, dict[int, set]] = {}
        for cuts, r in _readings(reader, img):
            parts = _line_parts(r)
            if parts is None:
                continue
            texts, confs, where = parts
            shape = tuple(t != "" for t in texts)
            for k, (t, c, b) in enumerate(zip(texts, confs, where)):
                if t and c >= DATE_READ_MIN and fewest.setdefault((shape, k), cuts) == cuts:
                    level.setdefault(shape, {}).setdefault(k, set()).add(t)
                    at = tuple(int(round(v / scale)) for v in b)
                    boxes.setdefault(shape, {}).setdefault(k, {}).setdefault(t, at)
        for shape, found in level.items():
            for k, texts in found.items():
                if len(texts) == 1:  # readings with as few cuts that read another date there: no vote
                    t = next(iter(texts))
                    votes.setdefault(shape, {}).setdefault(k, {})
                    votes[shape][k][t] = votes[shape][k].get(t, 0) + 1
    read = []
    for shape, by_part in votes.items():
        parts = []
        for k, full in enumerate(shape):
            if not full:
                parts.append("")
                continue
            ranked = sorted(by_part.get(k, {}).items(), key=lambda kv: -kv[1])
            if not ranked or ranked[0][1] < LINE_AGREE or (len(ranked) > 1 and LINE_MARGIN * ranked[1][1] >= ranked[0][1]):
                break
            parts.append(ranked[0][0])
        else:
            read.append((tuple(parts), tuple(boxes[shape][k][t] if t else None for k, t in enumerate(parts))))
    return read[0] if len(read) == 1 else None


def latin_month(text: str, next_text: str | None) -> bool:
    """Whether a word of a period cell may be a month's abbreviation Tesseract read as Latin letters: a few
    Latin letters, and a year or a range sign after it.

    >>> latin_month("AA", "-"), latin_month("“WA,", "2568"), latin_month("A.", "2525"), latin_month("AA", "กอง")
    (True, True, True, False)
    >>> latin_month("URL", "2568"), latin_month("AA", None), latin_month("UA-A.W.", "2566"), latin_month("A-B-C", "2566")
    (True, False, True, False)

    A range's first month with its dash (``U.A.-`` for ``ม.ค.-``) has the range's last month after it:

    >>> latin_month("U.A.-", "มี.ค."), latin_month("U.A.-", "กอง"), latin_month("U.A.", "มี.ค.")
    (True, False, False)
    """
    if not _RE_LATIN_MONTH.match(text) or next_text is None:
        return False
    if _RE_DASH_END.search(text) and is_month_word(next_text):
        return True
    nxt = thai_digits_to_arabic(next_text)
    return bool(re.match(f"^(?:[-–—]|ถึง|[0-9{DIGIT_LOOKALIKES}]{{2,6}})", nxt))


def month_read_again(engine, word: OcrWord, image: np.ndarray, dpi: float, reader=None) -> OcrWord:
    """A month's abbreviation read as Latin (:func:`latin_month`) read again alone by the Thai-only engine:
    kept when that gives a month's abbreviation at :data:`extract.ocr.tokens.MONTH_MIN` or more. A Latin
    word's box that ran on over the year beside it (``A.A.`` over ``๒๕๑๑``) reads the year too: its digits
    after the month are the year's own word's, and left out. With ``reader`` (the numeral recognizer), a word
    that does not read as a month whole may be a day and a month (:func:`day_and_month`)."""
    crop = word_image(image, word)
    if crop.size == 0:
        return word
    read = engine.read_word(crop, int(dpi))
    month = _as_month(*read, dash_end=bool(_RE_DASH_END.search(word.text)))
    if month is not None:
        return replace(word, text=month[0], conf=month[1], source="word")
    if getattr(reader, "classify_glyphs", None) is None:
        return word
    return day_and_month(engine, reader, word, crop, dpi, read)


def _as_month(thai: str, conf: float, dash_end: bool = False) -> tuple[str, float] | None:
    """A month's abbreviation (or two joined by a range's dash, :func:`month_word`) the Thai-only engine read, and
    its confidence, when it read one at :data:`extract.ocr.tokens.MONTH_MIN` or more."""
    thai = _RE_YEAR_AFTER.sub("", thai.strip())
    thai = _RE_DASH_RUN.sub(r"\1", _RE_MARK_AFTER_DOT.sub("", drop_glued_specks(thai.replace(" ", ""))))
    return (thai, conf) if conf >= MONTH_MIN and month_word(thai, dash_end=dash_end) else None


#: A day before a month's abbreviation (:func:`day_and_month`): one or two digits, each read as surely as the
#: token reader takes a reading (:data:`extract.ocr.tokens.READ_MIN`) ...
DAY_PLACES = 2
#: ... and apart from the month by a gap of at least this share of the digits' height: a word space (0.86 in the
#: dev-corpus scan at 300 dpi, Laksaman; 1.3 in Norasi), never the room a glyph keeps from the next (0.35).
DAY_GAP_SHARE = 0.6
#: The month after the day, read alone, is set on paper this share of the digits' height wide on every side.
DAY_MARGIN = 0.35
#: Signs the engine reads off a month's last dot (``กุย:``).
_RE_TRAILING_SIGNS = re.compile("[:;,'`]+$")


def day_and_month(engine, reader, word: OcrWord, crop: np.ndarray, dpi: float,
                  read: tuple[str, float]) -> OcrWord:
    """A word of a period cell that is a day and a month's abbreviation (``๓๐ ก.ย.``) Tesseract read as one Latin
    word (``mone.``), which the Thai-only engine read as no month whole (``read``: ``๓๐๑๐ กุย:``): the
    recognizer reads the day's digits from the word's first glyphs; the month is the engine's last word after a
    space, or else what it reads alone of the rest, after the gap. Kept as ``30 ก.ย.`` when the day is
    :data:`DAY_PLACES` digits at most, each read :data:`extract.ocr.tokens.READ_MIN` surely, a word space
    (:data:`DAY_GAP_SHARE`) before what follows, a day of a month (1-31), and a month is read
    (:func:`_as_month`); else the word as it was.
    """
    glyphs = reader.classify_glyphs(crop)
    day = list(itertools.takewhile(lambda g: meaning_in_number(g.char).isdigit(), glyphs))
    if not 0 < len(day) <= DAY_PLACES or len(day) == len(glyphs):
        return word
    sure = min(g.confidence for g in day)
    if sure < READ_MIN:
        return word
    digits = "".join(meaning_in_number(g.char) for g in day)
    height = max(g.box.bottom - g.box.top for g in day)
    start = glyphs[len(day)].box.x0
    if start - day[-1].box.x1 < DAY_GAP_SHARE * height or not 1 <= int(digits) <= 31:
        return word
    words = read[0].split()
    month = _as_month(_RE_TRAILING_SIGNS.sub("", words[-1]), read[1]) if len(words) > 1 else None
    if month is None:
        # the rest alone: cut in the middle of the gap, on paper all round as a word read alone is (Tesseract
        # reads a month's dots off a crop's edge: ``กย:`` with no margin, ``ก.ุย.`` with one)
        pad = max(2, int(round(DAY_MARGIN * height)))
        rest = cv2.copyMakeBorder(np.ascontiguousarray(crop[:, (day[-1].box.x1 + start) // 2:]), pad, pad, pad, pad,
                                  cv2.BORDER_CONSTANT, value=255)
        month = _as_month(*engine.read_word(rest, int(dpi)))
    if month is None:
        return word
    return replace(word, text=f"{digits} {month[0]}", conf=min(month[1], 100.0 * sure), source="word")


def month_word(text: str, dash_end: bool = False) -> bool:
    """Whether a word is a month's abbreviation, or two joined by a range's dash (``ม.ค.-ก.พ.``); with
    ``dash_end`` (the word as Tesseract read it ended with a dash), also one month and the range's dash.

    >>> month_word("ก.ค."), month_word("ม.ค.-ก.พ."), month_word("ม.ค.-"), month_word("กอง-ก.พ.")
    (True, True, False, False)
    >>> month_word("ม.ค.-", dash_end=True), month_word("-", dash_end=True)
    (True, False)
    """
    parts = re.split("[-–—]", text)
    if dash_end and len(parts) == 2 and not parts[1]:
        parts = parts[:1]
    return len(parts) <= 2 and all(is_month_abbreviation(p) for p in parts)


def grid_period_cells(words: list[OcrWord], grid: Grid) -> tuple[list, list]:
    """The grid's cells with their words, and the boxes of those that hold a period (:func:`period_cell`)."""
    cells = [(box, cell_words(words, box)) for row in grid.rows for box in row if box is not None]
    return cells, [box for box, inside in cells if inside and period_cell([w.text for w in inside])]


def reread_period_months(words: list[OcrWord], grids: tuple[Grid, ...] | list[Grid], image: np.ndarray,
                         engine, dpi: float = 300.0) -> list[OcrWord]:
    """The page's words, a month's abbreviation read as Latin letters in the period column read again by the
    Thai-only engine (:func:`month_read_again`): before a cell's number is read again
    (:func:`extract.ocr.cells.reread_cells`), which takes a cell of Latin letters and a number for a number."""
    if engine is None:
        return words
    out = list(words)
    index = {id(w): k for k, w in enumerate(out)}
    found = [grid_period_cells(words, grid) for grid in grids]
    for cells, periods in found:
        for box, inside in cells:
            if box in periods or in_period_column(box, periods, found, dpi):
                out = _read_again(out, index, inside, image, None, engine, dpi)
    return out


def reread_period_words(words: list[OcrWord], grids: tuple[Grid, ...] | list[Grid], image: np.ndarray,
                        reader, engine=None, dpi: float = 300.0) -> list[OcrWord]:
    """The page's words, those of period cells whose digits make no date (:func:`date_run`) read again
    from their thinned ink (:func:`thinned_date_read`) where that reads a date token surely.

    ``reader`` is the numeral recognizer (:meth:`extract.numerals.recognizer.Recognizer.read_date`); without
    ``read_date`` nothing is read again. ``engine`` (Thai-only) reads again a month's abbreviation read as
    Latin letters (:func:`month_read_again`)."""
    if getattr(reader, "read_date", None) is None:
        return words
    out = list(words)
    index = {id(w): k for k, w in enumerate(out)}
    found = [grid_period_cells(words, grid) for grid in grids]
    for cells, periods in found:
        for box, inside in cells:
            if box in periods:
                out = _read_again(out, index, inside, image, reader, engine, dpi)
                # lines the words' own readings left no dates: read whole
                out, _ = _lines_read_again(out, index, box, [out[index[id(w)]] for w in inside], image, reader)
            elif in_period_column(box, periods, found, dpi):
                # a cell of the period column whose numeric dates OCR garbled past a period's look
                # (``7172564 - 30/งช่หต565``), or whose month it read as Latin letters (``“WA, 2568``)
                out, inside = _lines_read_again(out, index, box, inside, image, reader)
                if engine is not None:
                    out = _read_again(out, index, inside, image, None, engine, dpi)
    return out


def in_period_column(box: tuple[float, float, float, float], periods: list, found: list, dpi: float) -> bool:
    """Whether ``box`` stands in the period column: in the column of its own grid's period cells
    (:func:`in_column_of`), or, on a page whose table is cut into a grid per indicator (a grid of one row
    whose only period cell OCR garbled has no other to vouch for it), with both edges on those of a period
    cell of another grid (:data:`extract.ocr.columns.COLUMN_EDGE_PT`: one measures table the page's indicators cut
    into a grid each, its columns ruled alike). ``found``: each grid's cells and period cells
    (:func:`grid_period_cells`).

    >>> grids = [([], [(100, 0, 200, 50)]), ([], [])]
    >>> in_period_column((101, 80, 199, 120), [], grids, 300.0), in_period_column((60, 80, 199, 120), [], grids, 300.0)
    (True, False)
    """
    if in_column_of(box, periods):
        return True
    tol = COLUMN_EDGE_PT * dpi / 72.0
    return any(abs(box[0] - p[0]) <= tol and abs(box[2] - p[2]) <= tol
               for _, others in found if others is not periods for p in others)


def in_column_of(box: tuple[float, float, float, float], others: list[tuple[float, float, float, float]]) -> bool:
    """Whether ``box``'s middle stands within the columns of ``others`` (cells of the same grid).

    >>> in_column_of((10, 50, 30, 60), [(0, 0, 40, 10)]), in_column_of((50, 50, 90, 60), [(0, 0, 40, 10)])
    (True, False)
    """
    mid = (box[0] + box[2]) / 2
    return any(o[0] <= mid <= o[2] for o in others)


#: A line of a period cell is read whole (:func:`line_dates_read`) when it holds a slash, or at least this many
#: digits (or letters Tesseract writes for digits) with no letter between them: a numeric date whose slashes OCR
#: lost (``7172564``, ``1 10 2564``), never a line of text Tesseract read as digits and letters
#: (``๑7 0 ๑7 x ๑7 1``) ...
LINE_DATE_PLACES = 7
#: ... and, with its slash, at least this many: the fewest places of a date's part (a day and a month, ``1/9/``).
LINE_SLASH_PLACES = 2
_RE_DATE_PLACE = re.compile(f"[0-9{DIGIT_LOOKALIKES}]")
_RE_DASH_ONLY = re.compile("[-–—]+")
#: What parts a line's dates: spaces, a range's dash.
_RE_LINE_SPLIT = re.compile(r"(?:\s|[-–—])+")
#: A run of Thai letters this long that is a word (:func:`normalize.lexicon.plausible`) is text, not a date OCR
#: garbled (``30/งช่หต565``): such a line is never read as dates; nor is a range's word (``ถึง``), which the
#: recognizer cannot read (a line's dates, read whole, stand for all its words).
LINE_WORD_MIN = 3
_RE_THAI_RUN = re.compile("[\u0e01-\u0e4e]+")
#: Thai consonants that stand for no digit (:data:`normalize.thaichars.TEXT_CONSONANTS`): a line with as many
#: of them as digits' places is text (a compound, which :func:`normalize.lexicon.plausible` finds in no word list,
#: and a slash: ``ตามขั้นตอน/แนวปฏิบัติ``), never numeric dates OCR garbled (``30/งช่หต565``: 4 against 5).
_RE_TEXT_LETTER = re.compile(f"[{TEXT_CONSONANTS}]")
#: Letters, Latin or Thai, that stand for no digit: what parts a line's stretches of digits.
_RE_ANY_LETTER = re.compile(f"[A-Za-z{TEXT_CONSONANTS}]+")


def numeric_line(texts: list[str]) -> bool:
    """Whether the words of a period cell's line may be numeric dates OCR garbled: a slash and a date part's digits
    (:data:`LINE_SLASH_PLACES`) or enough digits together (:data:`LINE_DATE_PLACES`), fewer Thai letters than
    digits' places, no Thai word (:data:`LINE_WORD_MIN`), month or fiscal year in words, and not every
    word between the range's signs a date already.

    >>> numeric_line(["7172564", "-", "30/งช่หต565"]), numeric_line(["7172566", "-", "mole!"])
    (True, True)
    >>> numeric_line(["1/10/2564", "-", "30/9/2565"]), numeric_line(["ต.ค.", "2568", "-", "ก.ย.", "2569"])
    (False, False)
    >>> numeric_line(["ตามความเหมาะสม"]), numeric_line(["ปีงบประมาณ", "2569"]), numeric_line(["1/10/2564", "ถึง", "30/9/2565"])
    (False, False, False)
    >>> numeric_line(["013", "หลักเกณฑ์และแผนการบริหาร"]), numeric_line(["พ.ศ.", "2569"]), numeric_line(["1/0/564", "ถึง"])
    (False, False, False)

    A line of text with a slash, its words compounds no word list holds, is no line of dates:

    >>> numeric_line(["ของหน่วยงานอย่างถูกต้องตามขั้นตอน/แนวปฏิบัติมากน้อยเพียงใด"]), numeric_line(["1|10!2523", "-", "mole!", "2568"])
    (False, True)

    Digits with letters between them, or a slash with a single digit, make no date; a date's digits apart do:

    >>> numeric_line(["๑7", "0", "๑7", "x", "๑7", "1"]), numeric_line(["A", "๑/", "X", "wy"]), numeric_line(["30/๙!"])
    (False, False, True)
    >>> numeric_line(["1", "10", "2564", "-", "30|9!2565"]), numeric_line(["7172", "ka", "564"])
    (True, False)
    """
    joined = thai_digits_to_arabic(" ".join(texts))
    places = len(_RE_DATE_PLACE.findall(joined))
    slashed = "/" in joined and places >= LINE_SLASH_PLACES
    if not (slashed or any(len(_RE_DATE_PLACE.findall(w)) >= LINE_DATE_PLACES for w in _RE_ANY_LETTER.split(joined))) \
            or _FISCAL_WORD in joined:
        return False
    if len(_RE_TEXT_LETTER.findall(joined)) >= places:
        return False
    words = [w for w in _RE_LINE_SPLIT.split(joined) if w]
    if any(m in joined for m in MONTH_NAMES) or any(month_word(w.strip(_SIGNS + "0123456789")) for w in words):
        return False
    if any(len(run) >= LINE_WORD_MIN and plausible(run) for w in words for run in _RE_THAI_RUN.findall(w)):
        return False
    return not all(date_token_ok(w) and month_edge(w) for w in words)


def _lines_read_again(out: list[OcrWord], index: dict[int, int], box, inside: list[OcrWord], image: np.ndarray,
                      reader) -> tuple[list[OcrWord], list[OcrWord]]:
    """``out`` with each line of numeric dates of a period cell that OCR garbled (:func:`numeric_line`) read whole
    (:func:`line_dates_read`): its words replaced by the dates and dashes read, at the places of the first ones;
    and the cell's words now."""
    if getattr(reader, "date_readings", None) is None:
        return out, inside
    H, W = image.shape[:2]
    lines: dict[tuple, list[OcrWord]] = {}
    for w in inside:
        lines.setdefault(w.line_key, []).append(w)
    for line in lines.values():
        if not numeric_line([w.text for w in line]):
            continue
        h = max(w.bottom - w.top for w in line)
        x0, x1 = max(0, int(box[0]) + 2), min(W, int(box[2]) - 2)
        y0 = max(0, int(min(w.top for w in line) - PAD_Y * h))
        y1 = min(H, int(max(w.bottom for w in line) + PAD_Y * h))
        if x1 <= x0 or y1 <= y0:
            continue
        read = line_dates_read(reader, image[y0:y1, x0:x1])
        if read is None:
            continue
        parts, boxes = read
        first = min(line, key=lambda w: w.x0)
        new: list[OcrWord] = []
        spaced = any(_RE_DASH_ONLY.fullmatch(w.text) for w in line)  # the dash a word of its own: spaces round it
        for k, (t, b) in enumerate(zip(parts, boxes)):
            if k:  # the range's dash, in the middle third of the gap between this date and the one before
                left = new[-1].x1 if new else x0
                right = x0 + b[0] if b is not None else left + h
                third = max(0, right - left) // 3
                new.append(OcrWord("-", left + third, first.top, max(left + third + 1, right - third), first.bottom,
                                   100.0 * DATE_READ_MIN, first.line_key, "numerals"))
            if t:
                new.append(OcrWord(t, x0 + b[0], y0 + b[1], x0 + b[2], y0 + b[3], 100.0 * DATE_READ_MIN,
                                   first.line_key, "numerals"))
        if not spaced:  # printed as one word (``1/10/2564-30/9/``)
            new = [OcrWord("".join(w.text for w in new), new[0].x0, min(w.top for w in new), new[-1].x1,
                           max(w.bottom for w in new), new[0].conf, first.line_key, "numerals")]
        gone = {id(w) for w in line}
        at = min(k for k, w in enumerate(out) if id(w) in gone)
        out = [w for w in out[:at] if id(w) not in gone] + new + [w for w in out[at:] if id(w) not in gone]
        index.update({id(w): k for k, w in enumerate(out)})
        inside = [w for w in inside if id(w) not in gone] + new
    return out, inside


def _read_again(out: list[OcrWord], index: dict[int, int], inside: list[OcrWord], image: np.ndarray, reader,
                engine, dpi: float) -> list[OcrWord]:
    """``out`` with the words of one period cell read again (``reader`` None: a month's Latin reading only)."""
    for k, w in enumerate(inside):
        if engine is not None and latin_month(w.text, inside[k + 1].text if k + 1 < len(inside) else None):
            out[index[id(w)]] = month_read_again(engine, w, image, dpi, reader)
            continue
        if reader is None or (found := date_run(w.text)) is None:
            continue
        crop = word_image(image, w)
        if crop.size == 0:
            continue
        # a valid date off its month's edge (``30/3/2565`` for ``30/9/2565``) is replaced only by one on it
        edge = run_ok(found.run, found.place, edge=False)
        read = thinned_date_read(reader, crop, len(_RE_DIGIT_PLACE.findall(found.run)), found.place, edge)
        if read is not None:
            out[index[id(w)]] = replace(w, text=found.before + read + found.after, source="numerals")
    return out
