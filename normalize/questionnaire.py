"""The ITA questionnaires of fiscal years 2565-2570, read from ``questionnaires.json``.

One home for the questionnaire: each record is one question of one fiscal
year with its tool (IIT, EIT, OIT), code (``i1``, ``e9``, ``o28``) and
canonical indicator (1-10). The catalog that snaps OCR'd question texts
(``normalize/catalog.py``) and the corpus generator (``benchmarks/corpus``)
both read it here. How sure each year's wording is, and where it comes
from, is in the file's ``meta.years``.

>>> q = question(2568, "i4")
>>> (q.tool, q.indicator, q.text[:15])
('IIT', 2, 'หน่วยงานของท่าน')
>>> [len(questions(2565, tool)) for tool in ("IIT", "EIT", "OIT")]
[30, 15, 43]
>>> [q.code for q in questions(2569, indicator=10)][:3]
['o20', 'o21', 'o22']
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

__all__ = [
    "DATA_FILE",
    "REFERENCE_YEAR",
    "Question",
    "UnknownFiscalYear",
    "code_indicator",
    "fiscal_years",
    "indicator_names",
    "question",
    "questions",
    "year_note",
]

#: The data file, beside this module.
DATA_FILE = Path(__file__).with_name("questionnaires.json")

TOOLS = ("IIT", "EIT", "OIT")

#: The year whose IIT/EIT wording is checked against real reports (``meta.years``):
#: the questionnaire to read a report by when its own year has none.
REFERENCE_YEAR = 2568


class UnknownFiscalYear(KeyError):
    """No questionnaire is recorded for this fiscal year."""


@dataclass(frozen=True)
class Question:
    fiscal_year: int  # Buddhist era
    tool: str  # IIT, EIT or OIT
    code: str  # i1, e9, o28
    indicator: int  # canonical 1-10
    text: str

    @property
    def number(self) -> int:
        return int(self.code[1:])


@lru_cache(maxsize=1)
def _load() -> tuple[dict, dict[int, tuple[Question, ...]]]:
    raw = json.loads(DATA_FILE.read_text(encoding="utf-8"))
    by_year: dict[int, list[Question]] = {}
    for r in raw["questions"]:
        q = Question(int(r["fiscal_year"]), r["tool"], r["code"], int(r["indicator"]), r["text"])
        _check(q)
        by_year.setdefault(q.fiscal_year, []).append(q)
    return raw["meta"], {fy: tuple(qs) for fy, qs in sorted(by_year.items())}


def _check(q: Question) -> None:
    if q.tool not in TOOLS or q.code[0] != q.tool[0].lower() or not q.code[1:].isdigit():
        raise ValueError(f"questionnaires.json: bad tool/code {q.tool} {q.code} ({q.fiscal_year})")
    want = range(1, 6) if q.tool == "IIT" else range(6, 9) if q.tool == "EIT" else range(9, 11)
    if q.indicator not in want:
        raise ValueError(f"questionnaires.json: {q.code} of {q.fiscal_year} under indicator {q.indicator}")


def indicator_names() -> dict[int, str]:
    """The ten indicators' canonical names (``meta.indicators``), by number.

    >>> indicator_names()[1], indicator_names()[10]
    ('การปฏิบัติหน้าที่', 'การป้องกันการทุจริต')
    """
    return {int(n): name for n, name in _load()[0]["indicators"].items()}


def fiscal_years() -> tuple[int, ...]:
    """Fiscal years with a questionnaire, ascending.

    >>> fiscal_years()
    (2565, 2566, 2567, 2568, 2569, 2570)
    """
    return tuple(_load()[1])


def questions(fiscal_year: int, tool: str | None = None, indicator: int | None = None) -> tuple[Question, ...]:
    """The questions of ``fiscal_year`` in questionnaire order, optionally of one tool or indicator."""
    try:
        qs = _load()[1][fiscal_year]
    except KeyError:
        raise UnknownFiscalYear(fiscal_year) from None
    return tuple(q for q in qs if (tool is None or q.tool == tool) and (indicator is None or q.indicator == indicator))


def question(fiscal_year: int, code: str) -> Question:
    """One question by its code (``i4``, ``o12``); ``KeyError`` when that year has none."""
    for q in questions(fiscal_year):
        if q.code == code:
            return q
    raise KeyError(f"{code} in the {fiscal_year} questionnaire")


def code_indicator(fiscal_year: int | None, code: str | None) -> int | None:
    """The indicator ``code`` answers in the questionnaire of ``fiscal_year`` (the reference
    year's, :data:`REFERENCE_YEAR`, when the year is unknown or not recorded); None for a code
    that questionnaire does not have.

    >>> code_indicator(2565, "i7"), code_indicator(2568, "i7"), code_indicator(2565, "i99")
    (2, 3, None)
    >>> code_indicator(None, "e4"), code_indicator(2569, "o20"), code_indicator(None, "o21")
    (7, 10, 10)
    """
    if not code:
        return None
    year = fiscal_year if fiscal_year in fiscal_years() else REFERENCE_YEAR
    try:
        return question(year, code).indicator
    except KeyError:
        return None


def year_note(fiscal_year: int) -> dict:
    """Where a year's questionnaire comes from and how sure it is (``form``, ``certainty``, ``note``)."""
    try:
        return dict(_load()[0]["years"][str(fiscal_year)])
    except KeyError:
        raise UnknownFiscalYear(fiscal_year) from None
