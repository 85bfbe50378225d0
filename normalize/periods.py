"""A period cell OCR garbled, read as the nearest period the date grammar prints.

A measure's period is printed in few ways: a month's abbreviation or full name,
perhaps a day, a year of two or four digits (Buddhist era) on both ends or on
the last one; a numeric date ``1/10/2568``; or the fiscal year in words
(``ปีงบประมาณ พ.ศ. 2569``). Its months run forward within one fiscal year,
and that year is the report's, the one before or the one after. OCR garbles
such a cell in ways no one rule undoes (``ต.ค.วฒ - ลุย. 68``, ``1!10/9 -
30/ฒ/2530``), yet every period the grammar can print for those three years is
known: the nearest of them to the text read, by an edit distance that charges
little for what OCR does often (a space, a dot read as a mark, a letter
Tesseract writes for a digit), is the period printed when it is clearly
nearer than every period with other dates.
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from normalize.dates import MONTHS
from normalize.dates import BE_OFFSET, months_named, period_open_end
from normalize.thai import thai_digits_to_arabic
from normalize.thaichars import DIGIT_LOOKALIKES, MARKS

__all__ = ["NearestPeriod", "nearest_period", "repaired_period"]

#: The most the text read may cost from the nearest period, per character of that period.
MAX_COST_SHARE = 0.3
#: The nearest period must cost this much less than every period with other dates.
MARGIN = 1.0
#: A period that is not a whole fiscal year costs this much more (most periods are one; the
#: parser infers October and September alike where a month is unread).
PART_YEAR_COST = 1.0
#: How many periods, nearest by plain edit distance, are weighed by the finer one.
SHORTLIST = 30

_FISCAL_FORMS = ("ปีงบประมาณ {}", "ปีงบประมาณ พ.ศ. {}", "ตลอดปีงบประมาณ {}", "ตลอดปีงบประมาณ พ.ศ. {}")
_RE_SIGN = re.compile(r"(?<=\S)\s*(?:-|–|—|ถึง)+\s*(?=\S)")
_RE_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class NearestPeriod:
    """The nearest period the grammar prints, its dates, and what the text read costs from it."""

    text: str
    start: date
    end: date
    cost: float
    sure: bool


def _dotted(abbr: str) -> str:
    return f"{abbr[:-1]}.{abbr[-1]}."


def _signs(text: str) -> tuple[str, ...]:
    """The range sign as read, its spaces kept (`` - ``, ``-``, `` ถึง ``); when none is read (OCR read
    it as a point or lost it), either dash, spaced or not."""
    m = _RE_SIGN.search(text)
    if not m:
        return " - ", "-"
    core = "ถึง" if "ถึง" in m.group() else m.group().strip()[0]
    return ((" " if m.group()[0].isspace() else "") + core + (" " if m.group()[-1].isspace() else ""),)


@lru_cache(maxsize=16)
def _periods(fiscal_year: int, sign: str) -> tuple[tuple[str, ...], tuple[tuple[date, date, bool], ...]]:
    """Every period printed for the fiscal years around ``fiscal_year`` (Buddhist era), with its dates
    and whether it is a whole fiscal year."""
    texts: list[str] = []
    dates: list[tuple[date, date, bool]] = []

    def add(text: str, start: date, end: date) -> None:
        texts.append(text)
        dates.append((start, end, (start.month, start.day, end.month, end.day) == (10, 1, 9, 30)))

    for fy in (fiscal_year - 1, fiscal_year, fiscal_year + 1):
        order = [(m, fy - 1 if m >= 10 else fy) for m in (10, 11, 12, 1, 2, 3, 4, 5, 6, 7, 8, 9)]
        for form in _FISCAL_FORMS:
            add(form.format(fy), date(fy - 1 - BE_OFFSET, 10, 1), date(fy - BE_OFFSET, 9, 30))
        for i, (m1, y1) in enumerate(order):
            last1 = calendar.monthrange(y1 - BE_OFFSET, m1)[1]
            for names in (0, 1):
                n1 = MONTHS[m1][0] if names == 0 else _dotted(MONTHS[m1][1])
                for digits in (4, 2):
                    add(f"{n1} {str(y1)[-digits:]}", date(y1 - BE_OFFSET, m1, 1), date(y1 - BE_OFFSET, m1, last1))
            for m2, y2 in order[i + 1:]:
                last2 = calendar.monthrange(y2 - BE_OFFSET, m2)[1]
                start, end = date(y1 - BE_OFFSET, m1, 1), date(y2 - BE_OFFSET, m2, last2)
                add(f"1/{m1}/{y1}{sign}{last2}/{m2}/{y2}", start, end)
                for names in (0, 1):
                    n1, n2 = ((MONTHS[m1][0], MONTHS[m2][0]) if names == 0
                              else (_dotted(MONTHS[m1][1]), _dotted(MONTHS[m2][1])))
                    for d1 in ("", "1 "):
                        for d2 in ("", f"{last2} "):
                            for digits in (4, 2):
                                a, b = str(y1)[-digits:], str(y2)[-digits:]
                                add(f"{d1}{n1} {a}{sign}{d2}{n2} {b}", start, end)
                                if y1 == y2:
                                    add(f"{d1}{n1}{sign}{d2}{n2} {b}", start, end)
    return tuple(texts), tuple(dates)


@lru_cache(maxsize=16)
def _index(fiscal_year: int, sign: str) -> dict[str, int]:
    texts, _ = _periods(fiscal_year, sign)
    return {t: k for k, t in reversed(list(enumerate(texts)))}


@lru_cache(maxsize=16)
def _ends(fiscal_year: int) -> tuple[frozenset[date], frozenset[date]]:
    _, dates = _periods(fiscal_year, " - ")
    return frozenset(d[0] for d in dates), frozenset(d[1] for d in dates)


def _printable(fiscal_year: int | None, start: date | None, end: date | None) -> bool:
    """Whether some period of the grammar, in the fiscal years around ``fiscal_year``, starts on
    ``start`` and some ends on ``end`` (an end not read is no evidence)."""
    if not fiscal_year:
        return True
    starts, ends = _ends(fiscal_year)
    return (start is None or start in starts) and (end is None or end in ends)


def _sub_cost(a: str, b: str, in_number: bool) -> float:
    if a == b:
        return 0.0
    if b.isdigit() and a in DIGIT_LOOKALIKES and in_number:
        return 0.25
    if (a in MARKS or a in ".,:") and (b in MARKS or b in ".,:"):
        return 0.5
    if a.isdigit() != b.isdigit():
        return 0.75 if b.isdigit() else 1.0
    return 1.0


_RE_NUMBER_PLACE = re.compile(f"(?<=[0-9{DIGIT_LOOKALIKES}])[{DIGIT_LOOKALIKES}]|[{DIGIT_LOOKALIKES}](?=[0-9{DIGIT_LOOKALIKES}])")


def _indel_cost(c: str) -> float:
    return 0.25 if c.isspace() else 0.5 if c in MARKS or c in ".,:" else 1.0


#: Between periods as near, a digit read and not printed costs this much more than one printed and
#: not read (OCR loses digits more than it makes them up): ``ต.ค. 2567 ถึง ก.ย.`` is ``... ก.ย. 2568``,
#: not ``ต.ค. 67 ถึง ก.ย. 68``.
READ_DIGIT_EXTRA = 0.25


def _cost(read: str, printed: str, read_digit: float = 1.0) -> float:
    """The edit distance from ``printed`` to ``read``, a space, a dot or a mark cheap, a letter
    Tesseract writes for a digit cheaper still.

    A letter stands for a digit cheaply only in a run of digits (where Tesseract writes it for one).

    >>> _cost("ก.ย.", "ก.ย."), _cost("กุย.", "ก.ย."), _cost("25ฒ0", "2570"), _cost("ต.ค.67", "ต.ค. 67")
    (0.0, 0.5, 0.25, 0.25)
    >>> _cost("ฒ ต.ค.", "1 ต.ค.")
    0.75
    """
    number = {m.start() for m in _RE_NUMBER_PLACE.finditer(read)}
    prev = [0.0]
    for b in printed:
        prev.append(prev[-1] + _indel_cost(b))
    for i, a in enumerate(read):
        drop = read_digit if a.isdigit() else _indel_cost(a)
        cur = [prev[0] + drop]
        for j, b in enumerate(printed, 1):
            cur.append(min(prev[j] + drop, cur[j - 1] + _indel_cost(b),
                           prev[j - 1] + _sub_cost(a, b, i in number)))
        prev = cur
    return prev[-1]


# A period's year as printed: four digits, or two at the end of a date (before a range sign or the end),
# never a day (``30 ก.ย.``).
_RE_PRINTED_YEAR = re.compile(r"(?<!\d)(?:25\d\d|\d\d(?=\s*(?:$|-|–|—|ถึง)))(?!\d)")


def shifted_years(printed: str, delta: int) -> str:
    """A period's text with every year moved by ``delta`` (its twin a fiscal year away).

    >>> shifted_years("ต.ค. 2567 ถึง 30 ก.ย. 2568", 1), shifted_years("ต.ค. 67 - ก.ย. 68", -1)
    ('ต.ค. 2568 ถึง 30 ก.ย. 2569', 'ต.ค. 66 - ก.ย. 67')
    >>> shifted_years("1/10/2567 - 30/9/2568", 1)
    '1/10/2568 - 30/9/2569'
    """
    return _RE_PRINTED_YEAR.sub(lambda m: str(int(m.group()) + delta).zfill(len(m.group()))[-len(m.group()):], printed)


def _twin_costs(read: str, printed: str, fiscal_year: int) -> list[float]:
    """What ``read`` costs from the nearest period's twins a fiscal year earlier and later (same words,
    every year moved): where OCR left no year readable, they are as near, and the years cannot be told
    (the shortlist, by plain edit distance, may have kept neither)."""
    out = []
    for delta in (-1, 1):
        twin = shifted_years(printed, delta)
        for sign in _signs(twin):
            if twin in _index(fiscal_year, sign):
                out.append(_cost(read, twin) + (0 if _periods(fiscal_year, sign)[1][_index(fiscal_year, sign)[twin]][2]
                                                else PART_YEAR_COST))
                break
    return out


def nearest_period(text: str, fiscal_year: int | None) -> NearestPeriod | None:
    """The period the date grammar prints nearest to ``text`` (a period cell as OCR read it) in the
    report's ``fiscal_year`` (Buddhist era), the one before or the one after; ``sure`` when its text
    costs little and every period with other dates costs :data:`MARGIN` more. None without a fiscal
    year or when the text holds no digit.

    >>> p = nearest_period("ต.ค.วฒ - ลุย. 68", 2567)
    >>> p.text, p.start, p.end, p.sure
    ('ต.ค. 67 - ก.ย. 68', datetime.date(2024, 10, 1), datetime.date(2025, 9, 30), True)
    >>> nearest_period("1!10/9 - 30/ฒ/2530", 2569).text
    '1/10/2569 - 30/9/2570'
    >>> nearest_period("ก.ค. - ส.ค. 25", 2569).sure  # 2569 or 2570: no telling
    False
    >>> nearest_period("ตามความเหมาะสม", 2569) is None
    True
    >>> nearest_period("A.2525 ถึง 30 ก.ย. 252", 2569).sure  # no year readable: any fiscal year's
    False
    >>> nearest_period("ต.ค.3 - 30 ก.ย. 2505", 2567).sure  # nearest is to 30 พ.ย., but ก.ย. was read
    False
    >>> nearest_period("ต.ค. - 2567", 2567).sure  # a range read: never one month (ต.ค. ๒๕๖๖ - ก.ย. lost)
    False
    """
    if not fiscal_year or not text or not re.search(r"\d", thai_digits_to_arabic(text)):
        return None
    read = _RE_SPACES.sub(" ", thai_digits_to_arabic(text)).strip()
    scored = []
    for sign in _signs(read):
        texts, dates = _periods(fiscal_year, sign)
        exact = _index(fiscal_year, sign).get(read)
        if exact is not None:  # printed as read (most cells): nothing to weigh
            start, end, _ = dates[exact]
            return NearestPeriod(read, start, end, 0.0, True)
        shortlist = process.extract(read, texts, scorer=Levenshtein.distance, limit=SHORTLIST)
        scored += [(_cost(read, printed) + (0 if dates[k][2] else PART_YEAR_COST), printed, dates[k][:2])
                   for printed, _, k in shortlist]
    # of periods as near, the one that drops fewest digits read, then the shortest (no day OCR did not read)
    lowest = min(c[0] for c in scored)
    scored.sort(key=lambda c: (c[0], _cost(read, c[1], 1 + READ_DIGIT_EXTRA) if c[0] == lowest else 0,
                               len(c[1]), c[1]))
    best, printed, (start, end) = scored[0]
    others = sorted([c for c, _, d in scored if d != (start, end)] + _twin_costs(read, printed, fiscal_year))
    # a month read as the registry spells it is no misread: a period without it is no sure reading;
    # nor is one without a range's sign where a sign was read between two readings (its other end is unread)
    sure = best <= MAX_COST_SHARE * len(printed) and (not others or others[0] - best >= MARGIN) \
        and months_named(read) <= {start.month, end.month} and (bool(_RE_SIGN.search(printed)) or not _RE_SIGN.search(read))
    return NearestPeriod(printed, start, end, best, sure)


def repaired_period(text: str, fiscal_year: int | None, start: date | None,
                    end: date | None) -> tuple[str, date | None, date | None]:
    """A period cell OCR read (``text``, read as ``start`` and ``end`` by :func:`normalize.dates.parse_period`)
    as the nearest period the grammar prints (:func:`nearest_period`), when that costs little and:

    * gives the dates read (two readings agree: the text is repaired, ``กุย.`` is ``ก.ย.``);
    * or, an end unread, is surely nearest and keeps the end that was read; dates that no period
      of the grammar gives for those years (a range to 30 May, a year 2550) are unread.

    A period printed with one end only (``ตั้งแต่``, ``ภายใน``) is kept as read; one that differs from the
    nearest in spaces only is kept as read with the nearest's dates.

    >>> repaired_period("ต.ค. 2565 ถึง กุย. 2566", 2566, date(2022, 10, 1), date(2023, 9, 30))[0]
    'ต.ค. 2565 ถึง ก.ย. 2566'
    >>> repaired_period("ต.ค.วฒ - ลุย. 68", 2567, None, None)
    ('ต.ค. 67 - ก.ย. 68', datetime.date(2024, 10, 1), datetime.date(2025, 9, 30))
    >>> repaired_period("1/10/2565 - 30/5/2566", 2565, date(2022, 10, 1), date(2023, 5, 30))[0]
    '1/10/2565 - 30/9/2566'
    >>> repaired_period("ตั้งแต่ ต.ค. 2568", 2568, date(2025, 10, 1), None)[0]
    'ตั้งแต่ ต.ค. 2568'
    >>> repaired_period("1/10/2570-3 0/9/2571", 2570, date(2027, 10, 1), None)  # a day OCR split at a space
    ('1/10/2570-3 0/9/2571', datetime.date(2027, 10, 1), datetime.date(2028, 9, 30))
    """
    near = nearest_period(text, fiscal_year)
    if near is None or near.cost > MAX_COST_SHARE * len(near.text) or period_open_end(text):
        return text, start, end
    if near.sure and not _printable(fiscal_year, start, end):
        # dates no period of the grammar gives ("1/10/2565 - 30/5/2566": 9 read as 5; "2550"): misread
        start = end = None
    if start is not None and end is not None:
        if (near.start, near.end) != (start, end):
            return text, start, end
    elif not near.sure or start not in (None, near.start) or end not in (None, near.end):
        return text, start, end
    if _RE_SPACES.sub("", near.text) == _RE_SPACES.sub("", text):
        # printed as read but for its spaces (a day OCR split in two, ``3 0/9/2571``): kept as read, with its dates
        return text, near.start, near.end
    return near.text, near.start, near.end
