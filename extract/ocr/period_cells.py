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
its ink thinned at several levels (:func:`extract.ocr.cells.thinned`): the
darker cores of joined glyphs stand apart. The reading replaces the word's
digits only when it is a date token of a valid shape (a numeric date with a
day, month and a year an assessment can name; a year; a day) and enough levels
read the same, each surely, and none reads another such token as often. Any
other word stays as read (its period is null and flagged downstream, as before).
"""
from __future__ import annotations

import re
from dataclasses import replace

import numpy as np

from extract.ocr.cells import cell_words, thinned
from extract.ocr.engine import OcrWord
from extract.ocr.tokens import word_image
from ita_extract.page import Grid
from normalize.dates import MONTH_NAMES, is_month_abbreviation
from normalize.thai import thai_digits_to_arabic
from normalize.thaichars import DIGIT_LOOKALIKES

__all__ = ["date_token_ok", "period_cell", "reread_period_words", "thinned_date_read"]

#: Ink darker than these shares of the way from its darkest to its threshold is kept, each a level read
#: (:func:`extract.ocr.cells.thinned`), the ink as it stands too.
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
_RE_NUMERIC_DATE = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})$")
#: A numeric date or the part of one a line holds (``1/10/2566``, ``30/``, ``9/2571``, ``1/10/``).
_RE_DATE_PART = re.compile(r"^\d{1,4}(?:/\d{1,4}){0,2}/?$")
_RE_DIGIT_PLACE = re.compile(f"[0-9{DIGIT_LOOKALIKES}]")
_RE_THAI_LETTER = re.compile("[\u0e01-\u0e2e]")
_RE_NUMERIC_IN_TEXT = re.compile(r"\d\s*/\s*\d")
_FISCAL_WORD = "งบประมาณ"


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


def _core(text: str) -> tuple[str, str, str]:
    """The word's signs before, its core, its signs after (``-`` ``2568`` ``,``)."""
    core = text.strip(_SIGNS)
    if not core:
        return text, "", ""
    at = text.index(core)
    return text[:at], core, text[at + len(core):]


def needs_reread(text: str) -> bool:
    """Whether a word of a period cell holds digits that make no date token: digits only (signs around them),
    Tesseract's or the letters it writes for the digits it lacks, no Thai word.

    >>> [needs_reread(t) for t in ("๑/๑๐/๒๕๒๕", "25235", "๓๐/๕/๒๕๒๑๐๑", "25ฒ0", "1/10/25205-")]
    [True, True, True, True, True]
    >>> [needs_reread(t) for t in ("2568", "30/9/2566", "ต.ค.", "ปีงบประมาณ", "-", "ก.ย.2568", "68")]
    [False, False, False, False, False, False, False]
    """
    _, core, _ = _core(thai_digits_to_arabic(text))
    if not core or not re.search(r"\d", core) or _RE_THAI_LETTER.search(core.translate(_NO_LOOKALIKES)):
        return False
    return not date_token_ok(core)


_NO_LOOKALIKES = str.maketrans("", "", DIGIT_LOOKALIKES)


def period_cell(texts: list[str]) -> bool:
    """Whether a cell's words are a period's: a month's name or abbreviation, the fiscal year's word, or a
    numeric date.

    >>> period_cell(["ต.ค.", "25235", "-", "ก.ย.", "2569"]), period_cell(["๑/๑๐/๒๕๒๕", "-"])
    (True, True)
    >>> period_cell(["ตลอดปีงบประมาณ", "25ฒ8"]), period_cell(["99.38"]), period_cell(["จัดทำคู่มือ", "2568"])
    (True, False, False)
    """
    joined = thai_digits_to_arabic(" ".join(texts))
    if _RE_NUMERIC_IN_TEXT.search(joined) or _FISCAL_WORD in joined or any(m in joined for m in MONTH_NAMES):
        return True
    return any(is_month_abbreviation(w.strip(_SIGNS + "0123456789")) for t in texts for w in t.split())


def thinned_date_read(reader, crop: np.ndarray, places: int) -> str | None:
    """The date token the recognizer reads in ``crop`` at :data:`DATE_AGREE` levels of thinning or more, each
    surely (:data:`DATE_READ_MIN`), when no other date token is read as often and its digits are about as
    many as the ``places`` Tesseract saw (:data:`DIGIT_PLACES_OFF`); else None."""
    votes: dict[str, int] = {}
    for share in DATE_THIN_SHARES:
        img = crop if share is None else thinned(crop, share)
        if img is None:
            continue
        r = reader.read_date(img)
        _, core, _ = _core(r.text)
        if r.confidence < DATE_READ_MIN or not date_token_ok(core):
            continue
        if abs(sum(c.isdigit() for c in core) - places) > DIGIT_PLACES_OFF:
            continue
        votes[core] = votes.get(core, 0) + 1
    if not votes:
        return None
    ranked = sorted(votes.items(), key=lambda kv: -kv[1])
    if ranked[0][1] < DATE_AGREE or (len(ranked) > 1 and ranked[1][1] >= ranked[0][1]):
        return None
    return ranked[0][0]


def reread_period_words(words: list[OcrWord], grids: tuple[Grid, ...] | list[Grid], image: np.ndarray,
                        reader) -> list[OcrWord]:
    """The page's words, those of period cells whose digits make no date (:func:`needs_reread`) read again
    from their thinned ink (:func:`thinned_date_read`) where that reads a date token surely.

    ``reader`` is the numeral recognizer (:meth:`extract.numerals.recognizer.Recognizer.read_date`); without
    ``read_date`` nothing is read again."""
    if getattr(reader, "read_date", None) is None:
        return words
    out = list(words)
    index = {id(w): k for k, w in enumerate(out)}
    for grid in grids:
        for row in grid.rows:
            for box in row:
                if box is None:
                    continue
                inside = cell_words(words, box)
                if not inside or not period_cell([w.text for w in inside]):
                    continue
                for w in inside:
                    if not needs_reread(w.text):
                        continue
                    crop = word_image(image, w)
                    if crop.size == 0:
                        continue
                    before, core, after = _core(thai_digits_to_arabic(w.text))
                    read = thinned_date_read(reader, crop, len(_RE_DIGIT_PLACE.findall(core)))
                    if read is not None:
                        out[index[id(w)]] = replace(w, text=before + read + after, source="numerals")
    return out
