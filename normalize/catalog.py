"""Canonical ITA question texts, to correct OCR noise (never to force a match).

The Integrity and Transparency Assessment asks every agency the same IIT
(internal) and EIT (external) questions; the catalog holds those of the
fiscal-year 2568 questionnaire as agencies print them, read from the one
questionnaire file (``normalize/questionnaires.json``, see
``normalize/questionnaire.py``); a report whose fiscal year the file records
is read against that year's questionnaire instead (codes change meaning
between years: 2565 asks 30 IIT questions, 2568 fifteen). An OCR'd question
is replaced by its canonical text only when it is already very close to it
(``SNAP_MIN``), and a code that OCR lost is taken from the text only when
one catalog entry is clearly closest (``CODE_MIN`` and ``CODE_MARGIN``), so
a question that differs (another year's wording, another questionnaire)
keeps its own text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz

from normalize import questionnaire

#: Similarity (0–100, rapidfuzz ratio without spaces) needed to snap a text.
SNAP_MIN = 85.0
#: Similarity and lead over the runner-up needed to recover a lost code.
CODE_MIN = 88.0
CODE_MARGIN = 8.0

#: Fiscal year whose IIT and EIT texts the catalog holds (read from normalize/questionnaires.json).
CATALOG_YEAR = questionnaire.REFERENCE_YEAR

QUESTIONS: dict[str, str] = {
    q.code: q.text for q in questionnaire.questions(CATALOG_YEAR) if q.tool in ("IIT", "EIT")
}

# Whitespace and punctuation do not count when comparing texts.
_RE_IGNORED = re.compile(r"[\s*/()\-–.,]+")


@lru_cache(maxsize=8192)
def _key(text: str) -> str:
    return _RE_IGNORED.sub("", text)


_KEYS = {code: _key(text) for code, text in QUESTIONS.items()}


@lru_cache(maxsize=16)
def year_catalog(fiscal_year: int | None) -> tuple[dict[str, str], dict[str, str]]:
    """(code -> text, code -> comparison key) of the IIT and EIT questions of ``fiscal_year``;
    the catalog year's when the year is unknown or not recorded.

    >>> texts, _ = year_catalog(2565)
    >>> len(texts), texts["i1"] == questionnaire.question(2565, "i1").text
    (45, True)
    >>> year_catalog(None)[0] == QUESTIONS, year_catalog(2400)[0] == QUESTIONS
    (True, True)
    """
    if fiscal_year is None or fiscal_year not in questionnaire.fiscal_years():
        return QUESTIONS, _KEYS
    texts = {q.code: q.text for q in questionnaire.questions(fiscal_year) if q.tool in ("IIT", "EIT")}
    return texts, {code: _key(text) for code, text in texts.items()}


@dataclass(frozen=True)
class Snap:
    code: str | None
    text: str
    score: float  # similarity to the catalog text chosen (0 when none)
    changed: bool


def snap_question(code: str | None, text: str, fiscal_year: int | None = None) -> Snap:
    """The catalog's code and text for an OCR'd question, when it is clearly one
    (the questionnaire of ``fiscal_year`` when it is recorded, see :func:`year_catalog`).

    >>> snap_question("i4", "หน่วยงานของท่าน ใช้จ่ายงบประมาณเป็นไปตามวัตถุประสงค มากน้อยเพียงไใด").text == QUESTIONS["i4"]
    True
    >>> snap_question(None, "ท่านเคยใช้งานระบบการให้บริการออนไลน์ (E-Service) ของหน่วยงานหรือไม").code
    'e9'
    >>> snap_question("i4", "คำถามอื่นที่ไม่อยู่ในแบบสำรวจเลย").changed
    False
    >>> snap_question("i7", QUESTIONS["i1"]).code  # a misread code, a clear text
    'i1'
    >>> from normalize.questionnaire import question
    >>> snap_question("i11", question(2565, "i1").text, 2565).code  # "I1" read as "11": the year's text says i1
    'i1'
    """
    key = _key(text)
    if not key:
        return Snap(code, text, 0.0, False)
    texts, keys = year_catalog(fiscal_year)
    if code in keys:
        score = fuzz.ratio(key, keys[code])
        if score >= SNAP_MIN:
            return Snap(code, texts[code], score, texts[code] != text)
    ranked = sorted(((fuzz.ratio(key, k), c) for c, k in keys.items()), reverse=True)
    (best, best_code), (second, _) = ranked[0], ranked[1]
    if best >= CODE_MIN and best - second >= CODE_MARGIN:
        # the code was lost or misread (``io`` for i๑): the text says which it is
        return Snap(best_code, texts[best_code], best, True)
    return Snap(code, text, 0.0, False)
