"""Periods and fiscal years printed in Thai (Buddhist-era) dates.

Thai fiscal year N (BE) runs from 1 October of N-1 to 30 September of N.
A month without a day starts on its 1st and ends on its last day. Nothing
here raises on odd input: what cannot be read comes back as ``None``.
"""

from __future__ import annotations

import calendar
import re
from datetime import date

from rapidfuzz.distance import Levenshtein

from normalize.thai import thai_digits_to_arabic
from normalize.thaichars import CONSONANT_LOOKALIKES, CONSONANTS, DIGIT_LOOKALIKES, LETTERS, MARKS, TEXT, charset

__all__ = [
    "MONTHS", "MONTH_ABBREVIATIONS", "MONTH_NAMES", "RE_FISCAL_YEAR_WORDS", "RE_PERIOD_WORDS", "drop_glued_specks", "drop_lone_specks", "fiscal_year_from_text", "fiscal_year_range", "is_month_abbreviation", "parse_period",
    "months_named", "off_month_edge", "period_cut_short", "period_names_month", "period_year_alone", "period_open_end", "repair_month_abbreviations", "repair_years_by_fiscal_year",
    "restore_lost_century",
]

BE_OFFSET = 543
#: The day a range's end reads when OCR lost the second digit of 30 or 31.
LOST_ZERO_DAY = 3

#: Month number -> full name and abbreviation (dots optional when matching): the month registry.
MONTHS: dict[int, tuple[str, str]] = {
    1: ("มกราคม", "มค"), 2: ("กุมภาพันธ์", "กพ"), 3: ("มีนาคม", "มีค"),
    4: ("เมษายน", "เมย"), 5: ("พฤษภาคม", "พค"), 6: ("มิถุนายน", "มิย"),
    7: ("กรกฎาคม", "กค"), 8: ("สิงหาคม", "สค"), 9: ("กันยายน", "กย"),
    10: ("ตุลาคม", "ตค"), 11: ("พฤศจิกายน", "พย"), 12: ("ธันวาคม", "ธค"),
}
_MONTHS = MONTHS
#: The registry as a period prints it, January first: the months' names and their dotted abbreviations.
MONTH_NAMES: tuple[str, ...] = tuple(full for full, _ in _MONTHS.values())
MONTH_ABBREVIATIONS: tuple[str, ...] = tuple(f"{a[:-1]}.{a[-1]}." for _, a in _MONTHS.values())
#: The fiscal year in words: the budget's year (``ปีงบประมาณ``, its vowel as OCR read it), or the budget and a year
#: (``งบประมาณ ๒๕๖๘``); the budget alone is no period (``กองแผนและงบประมาณ``, ``การใช้จ่ายงบประมาณ``).
RE_FISCAL_YEAR_WORDS = re.compile(r"ป[\u0e30-\u0e4e]*งบประมาณ|งบประมาณ\s*(?:พ\.ศ\.)?\s*\d")
#: What a period is written with: months, their abbreviations, the fiscal year, the era and the range's word.
RE_PERIOD_WORDS = re.compile("|".join(sorted(map(re.escape, (*MONTH_NAMES, *MONTH_ABBREVIATIONS, "พ.ศ.", "ถึง")),
                                             key=len, reverse=True)) + "|" + RE_FISCAL_YEAR_WORDS.pattern)
_MONTH_BY_KEY: dict[str, int] = {}
for _n, (_full, _abbr) in _MONTHS.items():
    _MONTH_BY_KEY[_full] = _MONTH_BY_KEY[_abbr] = _n
# OCR loses a small vowel mark above the first letter ("ม.ย." for "มิ.ย."): an
# abbreviation without its mark still names its month when no other
# abbreviation is spelled so ("ม.ค." is January, never มี.ค. that lost its mark).
_MARKLESS: dict[str, int] = {}
for _n, (_full, _abbr) in _MONTHS.items():
    _bare = "".join(c for c in _abbr if c not in MARKS)
    if _bare != _abbr and _bare not in _MONTH_BY_KEY:
        _MARKLESS[_bare] = _n
_MONTH_BY_KEY.update(_MARKLESS)
#: A month whose abbreviation another's spells without its mark -> that other month
#: (``ม.ค.`` is January, or มี.ค. that lost its mark: :func:`_lost_mark_month`).
_LOST_MARK: dict[int, int] = {}
for _n, (_full, _abbr) in _MONTHS.items():
    _bare = "".join(c for c in _abbr if c not in MARKS)
    if _bare != _abbr and _MONTH_BY_KEY.get(_bare, _n) != _n:
        _LOST_MARK[_MONTH_BY_KEY[_bare]] = _n
#: Every abbreviation a month is read by: the registry's, then those that lost their mark.
_ABBREVIATIONS: list[str] = [a for _, a in _MONTHS.values()] + list(_MARKLESS)


def _abbr_pattern(abbr: str) -> str:
    # "มีค" -> "มี\.?\s?ค\.?": the first syllable, then the last consonant.
    # OCR reads the dot between them as a comma or as a Thai mark ("กุย.",
    # "กิย." for "ก.ย."): one such sign stands for the dot.
    # Its last dot may come out as a colon ("กุพ: 2567"), or a comma follow it ("มี.ค., 2567").
    # A mark OCR added before the dot ("ก๋.ย.", "มี.ย.") hides no month either: the
    # month is then the one whose letters remain (:func:`_month_number`).
    return rf"{re.escape(abbr[:-1])}[{MARKS}]?\s?[.,{MARKS}]?\s?{abbr[-1]}(?:\s?[.,:]){{0,2}}"


# Any month: full names first, then abbreviations. An abbreviation must not
# sit inside a word (no Thai letter before it, unless a word that leads a
# date, "ถึงก.ย." as OCR joins them, nor right after it).
_NOT_IN_WORD = f"(?:(?<![{charset(TEXT)}])|(?<=ถึง)|(?<=เดือน))"
_MONTH = f"(?:{{}}|{_NOT_IN_WORD}{{}})".format(
    "|".join(full for full, _ in _MONTHS.values()),
    f"(?![{charset(LETTERS)}])|{_NOT_IN_WORD}".join(_abbr_pattern(a) for a in _ABBREVIATIONS)
    + f"(?![{charset(LETTERS)}])",
)
# One date: optional day, a month, optional "พ.ศ.", optional year (2 or 4
# digits; a year belongs to the month only if nothing but spaces separates).
_RE_DATE = re.compile(
    rf"(?:(?<!\d)(?P<day>\d{{1,2}})\s*)?(?P<month>{_MONTH})"
    # a year may be letter-spaced as the words around it ("ต.ค. ๖ ๘": one digit a space)
    rf"(?:\s*(?:พ\s?\.?\s?ศ\s?\.?)?\s*(?P<year>(?:\d{{4}}|\d{{2}})(?!\d)|\d(?: \d){{3}}(?! ?\d)|\d \d(?! ?\d)))?"
)
# A month OCR could not read at all: Latin letters (accented ones too), digits and dots (``A.A.``,
# ``1.8,``, ``AL,``, ``fi.él.`` for ``ต.ค.``, ``ก.ย.``), or Thai consonants and marks that
# name no month, perhaps with a digit for a letter (``กุข.``, ``ก5:``); never a
# number, never the range word ถึง.
_UNREAD_MONTH = (f"(?:(?=[A-Za-zÀ-ÿ0-9()\\[\\]|.,]*[A-Za-zÀ-ÿ()\\[\\]|.,])[A-Za-zÀ-ÿ0-9()\\[\\]|.,]{{1,6}}"
                 f"|(?!ถึง)(?=[^\\s]*[{charset(CONSONANTS)}])[{charset(CONSONANTS)}{MARKS}0-9.,:]{{1,7}})")
# After a range dash: a day and a year with no month between them, or a month
# OCR could not read ("ต.ค. 2568 - 30 2569", "ต.ค. 67 - 1.8, 68"); or the range word
# and the month read as one unreadable word before the year ("ต.ค. 2566 Hun... 2567").
_RE_LOST_END_MONTH = re.compile(
    rf"^\s*(?:(?:-|–|—|ถึง)+\s*(?:(?P<day>30)\s*)?(?:(?P<tok>{_UNREAD_MONTH})\s*)?|{_UNREAD_MONTH}\s+)"
    # the year as printed, or with letters Tesseract writes for digits, perhaps letter-spaced ("6 ฒ")
    rf"(?P<year>\d{{4}}|\d{{2}}|[\d{DIGIT_LOOKALIKES}](?: ?[\d{DIGIT_LOOKALIKES}]){{1,3}})\s*$")
# Before a range dash: a start whose month OCR could not read or lost, with its year
# ("A.A. 67 ถึง ", "67 ถึง ", "AA. 256 ถึง ": a year of three digits lost one).
_RE_LOST_START_MONTH = re.compile(
    rf"^\s*(?:1\s*)?(?:{_UNREAD_MONTH})?\s*(?P<year>\d{{2,4}})\s*(?:-|–|—|ถึง)+\s*$")
# A day range inside one month: "1 - 30 ก.ย. 2569".
_RE_DAY_RANGE = re.compile(rf"(?<!\d)(?P<day>\d{{1,2}})\s*(?:-|–|—|ถึง)\s*(?=\d{{1,2}}\s*{_MONTH})")
# Fiscal-year wording with its year: "ปีงบประมาณ พ.ศ. 2569", "ตลอดปี 2569".
# OCR's marks on ปี (ปิ, ปีึ), a comma for a dot, a stray quote or doubled พ
# ("ปีึงบประมาณ", "พ.ศ, 2566", "ประมาณ' พ.ศ.", "พพ.ศ.") do not hide the year,
# nor does the ง of งบ misread as another letter ("ตลอดปีจบประมาณ"): "บประมาณ"
# is spelled by no other word.
_RE_FISCAL = re.compile(
    f"(?:ป[ิีึ]*งบ\\s?ประมาณ|[{charset(LETTERS)}]?บ\\s?ประมาณ|ป[ิีึ]*งบ|ตลอดป[ิีึ]+|ประจำป[ิีึ]+|ปี)[\\s'’.,]*"
    # a speck between the era and the year ("พ.ศ. . 2566") is no digit
    r"(?:พ?พ\s?[.,]?\s?ศ\s?[.,]?)?(?:\s*[.,'](?=\s))?\s*(?P<year>\d{4}|\d{2})(?!\d)"
)
# Before the only date read: something, then a range sign ("ดต.ค. 2570 - "):
# the start was printed but not read; the end's date is never the start's.
_RE_LOST_START = re.compile(r"[^\s\-–—]\s*(?:-|–|—|ถึง)\s*$")
# A numeric date: "1/10/2568", "30-09-69"; a line wrap may leave a space
# after a slash ("30/ 9/2569").
# A speck between the last slash and the year ("30/9/ . 2566") is no digit either.
_RE_NUMERIC_DATE = re.compile(r"(?<!\d)(\d{1,2})(?:[.]|/ ?)(\d{1,2})(?:[.]|/ ?(?:[.,'] ?)?)(\d{4}|\d{2})(?!\d)")
# A year alone: "2569", "พ.ศ. 2569".
_RE_YEAR_ONLY = re.compile(r"\s*(?:พ\s?\.?\s?ศ\s?\.?)?\s*(?P<year>\d{4})\s*")


# One or two consonants a speck gave, glued before a month's dotted
# abbreviation at the start of a word ("ดต.ค. 2566", "ตดต.ค.67", "กถก.ย."):
# no Thai word of bare consonants ends in a month's abbreviation, and the
# month stays the one printed.
_RE_GLUED_SPECK = re.compile(
    f"(?<![{charset(TEXT)}])[{charset(CONSONANTS)}]{{1,2}}(?=(?:"
    + "|".join(rf"{re.escape(a[:-1])}[.,{MARKS}]\s?{a[-1]}\." for a in _ABBREVIATIONS)
    + f")(?![{charset(LETTERS)}]))"
)


def drop_glued_specks(text: str) -> str:
    """Consonants glued before a month's dotted abbreviation taken off (:data:`_RE_GLUED_SPECK`).

    >>> drop_glued_specks("ดต.ค. 2566 ถึง 30 กุย.2567"), drop_glued_specks("ตดต.ค.67-ก.ย.68")
    ('ต.ค. 2566 ถึง 30 กุย.2567', 'ต.ค.67-ก.ย.68')
    >>> drop_glued_specks("ถึงก.ย. 2567"), drop_glued_specks("เดือนต.ค."), drop_glued_specks("ตค 2567")
    ('ถึงก.ย. 2567', 'เดือนต.ค.', 'ตค 2567')
    """
    return _RE_GLUED_SPECK.sub("", text)


# A speck read as a sign standing alone, after a space, a line break or a range dash and before a space
# (``AA, 2568 -.\n. ก.ย. 2569``), or a rule's remnant read as a bar (``2565-\n| กันยายน 2566``): no part of a
# date, and it hides the range sign before it.
_RE_LONE_SPECK = re.compile(r"(?:(?<=^)|(?<=[\s\-–—]))[.,:;'`‘’|]+(?=\s|$)")


def drop_lone_specks(text: str) -> str:
    """Signs standing alone between spaces or after a range dash taken off (:data:`_RE_LONE_SPECK`).

    >>> drop_lone_specks("AA, 2568 -.\\n. ก.ย. 2569"), drop_lone_specks("ต.ค. 2568 - 30 ก.ย. 2569")
    ('AA, 2568 -\\n ก.ย. 2569', 'ต.ค. 2568 - 30 ก.ย. 2569')
    >>> drop_lone_specks("พ.ศ. . 2566"), drop_lone_specks("1.10.2566")
    ('พ.ศ.  2566', '1.10.2566')
    >>> drop_lone_specks("ตุลาคม 2565-\\n| กันยายน 2566")
    'ตุลาคม 2565-\\n กันยายน 2566'
    """
    return _RE_LONE_SPECK.sub("", text)


# A Thai vowel or tone mark right after a dot: never real text.
_RE_MARK_AFTER_DOT = re.compile(f"\\.[{MARKS}]+")
# A mark between two digits (or letters Tesseract writes for digits): never real text ("25ญ่1").
_RE_MARK_IN_NUMBER = re.compile(f"(?<=[0-9{DIGIT_LOOKALIKES}])[{MARKS}]+(?=[0-9{DIGIT_LOOKALIKES}])")


_RE_ONE_ABBREVIATION = re.compile(
    "(?:" + "|".join(_abbr_pattern(a) for a in _ABBREVIATIONS) + ")")


def is_month_abbreviation(word: str) -> bool:
    """Whether a word is a month's abbreviation and nothing more (dots optional, a
    dot OCR read as a mark or a comma allowed: :func:`_abbr_pattern`).

    >>> is_month_abbreviation("ต.ค."), is_month_abbreviation("ตค."), is_month_abbreviation("กุย.")
    (True, True, True)
    >>> is_month_abbreviation("ตค.2568"), is_month_abbreviation("ตก."), is_month_abbreviation("พ.ศ.")
    (False, False, False)
    """
    return bool(_RE_ONE_ABBREVIATION.fullmatch(word.strip()))


def is_month_word(word: str) -> bool:
    """Whether a word is a month's name (``มกราคม``) or abbreviation (:func:`is_month_abbreviation`) and nothing more.

    >>> is_month_word("มกราคม"), is_month_word("ม.ค."), is_month_word("มกราคม2567"), is_month_word("กอง")
    (True, True, False, False)
    """
    return word in MONTH_NAMES or is_month_abbreviation(word)


def _month_number(token: str) -> int:
    key = re.sub(r"[\s.,:]", "", token)
    if key in _MONTH_BY_KEY:
        return _MONTH_BY_KEY[key]
    # an abbreviation whose dot OCR read as a mark, or with marks OCR added before its
    # dot ("กูุย."): its first syllable and last consonant, marks between; the longest
    # first syllable decides ("มีุค" is มี.ค., not ม.ค.)
    fits = [(len(k), n) for k, n in _MONTH_BY_KEY.items() if len(k) <= 3 and len(key) > len(k)
            and key.startswith(k[:-1]) and key.endswith(k[-1]) and all(c in MARKS for c in key[len(k) - 1:-1])]
    return max(fits)[1]


def _gregorian(year: str | None) -> int | None:
    """A printed year to a Gregorian year: 2569 -> 2026, 69 -> 2026."""
    if not year:
        return None
    year = year.replace(" ", "")
    y = int(year)
    if len(year) == 2:
        y += 2500
    if y >= 2400:
        y -= BE_OFFSET
    # ITA began in BE 2557; a year outside 2550-2650 is a misread (OCR "2505"),
    # not a date: the other end of the period decides then.
    return y if 2007 <= y <= 2107 else None


def _first_day(y: int, m: int, d: int | None) -> date:
    last = calendar.monthrange(y, m)[1]
    return date(y, m, min(d, last) if d else 1)


def _last_day(y: int, m: int, d: int | None) -> date:
    last = calendar.monthrange(y, m)[1]
    return date(y, m, min(d, last) if d else last)


def _numeric_dates(t: str) -> list[tuple[re.Match[str], date]]:
    out = []
    for match in _RE_NUMERIC_DATE.finditer(t):
        d, m, y = match.groups()
        year = _gregorian(y)
        if year and 1 <= int(m) <= 12 and int(d) >= 1:
            out.append((match, _first_day(year, int(m), int(d))))
    return out


def fiscal_year_range(year_be: int) -> tuple[date, date]:
    """First and last day of Thai fiscal year ``year_be`` (Buddhist era).

    >>> fiscal_year_range(2569)
    (datetime.date(2025, 10, 1), datetime.date(2026, 9, 30))
    """
    y = year_be - BE_OFFSET
    return date(y - 1, 10, 1), date(y, 9, 30)


# A run of Thai text standing alone (not inside a longer word): a month name OCR may have misread.
_RE_THAI_RUN = re.compile(f"(?<![{charset(TEXT)}])[{charset(TEXT)}]{{5,}}(?![{charset(TEXT)}])")
#: Edits a misread full month name may carry: one in a name of up to 7
#: characters, two in a longer one; only the one nearest name, by a margin.
def _month_edits(name: str) -> int:
    return 1 if len(name) <= 7 else 2


def _without_marks(word: str) -> str:
    return "".join(c for c in word if c not in MARKS)


#: Each full month name by its letters without marks.
_BARE_NAMES = {_without_marks(full): full for full, _ in _MONTHS.values()}


def repair_month_names(text: str) -> str:
    """Full month names that OCR misread by an edit or two, written as the registry spells them.

    A run of Thai text is a month name when exactly one name of the
    registry lies within its edits (:func:`_month_edits`) and every other
    name is further, on the whole text or else on its letters without their
    marks; words that are no month stay as they are.

    >>> repair_month_names("1 ตุลาดม 2568 - 30 กันยายบ 2569")
    '1 ตุลาคม 2568 - 30 กันยายน 2569'
    >>> repair_month_names("ตุลาคุ่ม.2570- กันีย้ายน 2571")  # marks OCR added: the letters decide
    'ตุลาคม.2570- กันยายน 2571'
    >>> repair_month_names(". กถกั้นยายน 2568")  # specks glued before a name
    '. กันยายน 2568'
    >>> repair_month_names("ปีงบประมาณ 2569"), repair_month_names("มกราคม 2569")
    ('ปีงบประมาณ 2569', 'มกราคม 2569')
    """
    def nearest(run: str, key=lambda w: w) -> str | None:
        dist = sorted((Levenshtein.distance(key(run), key(full)), full) for full, _ in _MONTHS.values())
        (d0, best), (d1, _) = dist[0], dist[1]
        return best if d0 <= _month_edits(best) and d1 > d0 + 1 else None

    def fix(m: re.Match[str]) -> str:
        run = m.group()
        if run in _MONTH_BY_KEY:
            return run
        # the same on the letters alone: marks OCR added or lost ("ตุลาคุ่ม", "กันีย้ายน")
        found = nearest(run) or nearest(run, _without_marks)
        if found:
            return found
        # one or two consonants a speck glued before a name whose letters are all there ("กถกั้นยายน")
        for k in (1, 2):
            if run[k - 1] in CONSONANTS and _without_marks(run[k:]) in _BARE_NAMES:
                return _BARE_NAMES[_without_marks(run[k:])]
            if run[k - 1] not in CONSONANTS:
                break
        return run

    return _RE_THAI_RUN.sub(fix, text)


#: A short dotted word that may be a month's abbreviation OCR garbled (``กถุย.``,
#: ``กอ.ค.``, ``บิย.``): two or three letters with their marks, a dot in or after them.
_RE_ABBREVIATION_LIKE = re.compile(
    f"(?<![{charset(TEXT)}])(?P<tok>เ?[{charset(CONSONANTS)}][{MARKS}]*"
    f"(?:(?:[.,]?|เ\\.?|\\.เ)[{charset(CONSONANTS)}][{MARKS}]*){{1,2}}\\.?)(?![{charset(TEXT)}])")
# ... that stands where a month stands in a period: before a year (or the letters
# Tesseract writes for its digits) or beside a range sign.
_RE_AFTER_MONTH = re.compile(f"\\s*(?:[0-9{DIGIT_LOOKALIKES}]|-|–|—|ถึง)")
_RE_BEFORE_MONTH = re.compile(r"(?:-|–|—|ถึง)\s*$")


def _key_month(key: str) -> int | None:
    try:
        return _month_number(key)
    except ValueError:
        return None


# A year of three digits from 5 after a month (``มีค. 566``, ``กุย. 568``): a Buddhist-era
# year that lost its leading 2 (no year of a period is 5xx or 5xxx; 25xx is the only reading).
_RE_LOST_CENTURY = re.compile(f"(?P<month>{_MONTH})(?P<gap>\\s*(?:พ\\s?\\.?\\s?ศ\\s?\\.?)?\\s*)5(?P<yy>\\d\\d)(?![0-9])")


def restore_lost_century(text: str) -> str:
    """A year read as three digits from 5 after a month, written as the Buddhist-era year it lost its 2 of.

    >>> restore_lost_century("ม.ค. - มี.ค. 566"), restore_lost_century("ต.ค. 2567 - 30 ก.ย. 568")
    ('ม.ค. - มี.ค. 2566', 'ต.ค. 2567 - 30 ก.ย. 2568')
    >>> restore_lost_century("ม.ค. 2566"), restore_lost_century("ครั้งที่ 566"), restore_lost_century("ม.ค. 5661")
    ('ม.ค. 2566', 'ครั้งที่ 566', 'ม.ค. 5661')
    """
    return _RE_LOST_CENTURY.sub(lambda m: f"{m.group('month')}{m.group('gap')}25{m.group('yy')}", text)


def repair_month_abbreviations(text: str) -> str:
    """Month abbreviations OCR garbled by a letter, written as the registry spells them:
    a letter of like shape for the first (:data:`CONSONANT_LOOKALIKES`), or a letter a
    speck added inside (``กถุย.``, ``กอ.ค.``, ``กุขย.``, with its marks). Only a dotted
    word that stands where a month stands (before a year, beside a range sign) and
    that exactly one month fits; a word that already is a month stays.

    >>> repair_month_abbreviations("เม.ย. - บิย. 2565"), repair_month_abbreviations("ฆ.ค. 2566")
    ('เม.ย. - มิ.ย. 2565', 'ม.ค. 2566')
    >>> repair_month_abbreviations("กถุย. 2571"), repair_month_abbreviations("กอ.ค. 2571")
    ('ก.ย. 2571', 'ก.ค. 2571')
    >>> repair_month_abbreviations("ต.ค. จญ-กุขย. 68"), repair_month_abbreviations("ก.ค.- กุยข. 2569")
    ('ต.ค. จญ-ก.ย. 68', 'ก.ค.- ก.ย. 2569')
    >>> repair_month_abbreviations("พ.ศ. 2566"), repair_month_abbreviations("กอง. ทุกเดือน")  # no month
    ('พ.ศ. 2566', 'กอง. ทุกเดือน')
    """
    def fix(m: re.Match[str]) -> str:
        tok = m.group("tok")
        if "." not in tok or _RE_ONE_ABBREVIATION.fullmatch(tok) or tok.rstrip(".") in _MONTH_BY_KEY:
            return tok
        if not (_RE_AFTER_MONTH.match(text, m.end()) or _RE_BEFORE_MONTH.search(text, 0, m.start())):
            return tok
        key = re.sub(r"[\s.,]", "", tok)
        # เ after the first letter is a dot OCR misread ("มเค.", "มเ.ค." for "ม.ค."): no month has it there
        key = key[:1] + key[1:].replace("เ", "")
        # each letter with the marks after it
        parts = re.findall(f"เ?[{charset(CONSONANTS)}][{MARKS}]*", key)
        # a letter of like shape for one letter, first or last ("ด.ค.", "ส.ด."), or the key as it is
        variants = [key] if "เ" in tok[1:] else []
        for i, c in enumerate(key):
            variants += [key[:i] + printed + key[i + 1:] for printed in CONSONANT_LOOKALIKES.get(c, "")]
        for k in range(1, len(parts) - 1):
            variants.append("".join(parts[:k] + parts[k + 1:]))
        months = {n for v in variants for n in [_key_month(v)] if n}
        if not months and len(parts) == 3:  # else a letter a speck added after the last (``กุยข.``)
            months = {n for n in [_key_month("".join(parts[:2]))] if n}
        if len(months) != 1:
            return tok
        abbr = _MONTHS[months.pop()][1]
        return f"{abbr[:-1]}.{abbr[-1]}."

    return _RE_ABBREVIATION_LIKE.sub(fix, text)


#: The fiscal year's wording, by its letters without marks: a word OCR garbled
#: (``บังบประมาณ``, ``ตลอดปีงบประมัฑณ``) is that wording within ``FISCAL_WORD_EDITS``.
_FISCAL_WORDS = tuple(_without_marks(w) for w in ("ปีงบประมาณ", "งบประมาณ", "ตลอดปีงบประมาณ", "ประจำปีงบประมาณ"))
FISCAL_WORD_EDITS = 2
# A word of Thai text, then a Latin word or signs (``wa.`` for ``พ.ศ.``) or ``พ.ศ.``, then a year.
_RE_WORD_AND_YEAR = re.compile(
    f"(?<![{charset(TEXT)}])(?P<word>[{charset(TEXT)}]{{6,18}})[^0-9{charset(TEXT)}]{{0,6}}"
    f"(?:พ\\s?[.,]?\\s?ศ\\s?[.,]?)?\\s*(?P<year>\\d{{4}})(?!\\d)")


def _fiscal_words_misread(text: str) -> re.Match[str] | None:
    """The fiscal year's wording OCR misread by an edit or two, and its year.

    >>> _fiscal_words_misread("บังบประมาณ wa. 2566").group("year"), _fiscal_words_misread("ตลอดปีงบประมัฑณ พ.ศ.2571").group("year")
    ('2566', '2571')
    >>> _fiscal_words_misread("ประชาสัมพันธ์ 2566"), _fiscal_words_misread("งบประมาณ")
    (None, None)
    """
    for m in _RE_WORD_AND_YEAR.finditer(text):
        word = _without_marks(m.group("word"))
        if min(Levenshtein.distance(word, w) for w in _FISCAL_WORDS) <= FISCAL_WORD_EDITS:
            return m
    return None


# "ตั้งแต่ ต.ค. 2568", "ต.ค. 2568 เป็นต้นไป": a period printed with its start only.
_RE_FROM = re.compile(r"^\s*(?:เริ่ม)?ตั้ง\s?แต่")
_RE_ONWARDS = re.compile(r"เป็นต้นไป\s*$")
# "ภายใน 30 ก.ย. 2569": a period printed with its end only (a deadline).
_RE_BY = re.compile(r"^\s*(?:ภายใน|ไม่เกิน|ก่อน)")
# A range sign: what follows it is the period's end.
_RE_RANGE_SIGN = re.compile(r"\s*(?:-|–|—|ถึง)")


def period_open_end(text: str) -> str | None:
    """Which end a period leaves open as printed: ``"end"`` for a start only
    (``ตั้งแต่ ต.ค. 2568``), ``"start"`` for an end only (``ภายใน 30 ก.ย. 2569``),
    else ``None`` (a range, or one month or date).

    Told apart from an end that was printed and not read: such a period has
    its range sign.

    >>> period_open_end("ตั้งแต่ ต.ค. 2568"), period_open_end("ต.ค. 2568 เป็นต้นไป"), period_open_end("ภายใน 30 ก.ย. 2569")
    ('end', 'end', 'start')
    >>> period_open_end("ตั้งแต่ ต.ค. 2568 - 30 ก.ย. 2569"), period_open_end("ต.ค. 2568 -"), period_open_end("ก.พ. 2568")
    (None, None, None)
    """
    t = thai_digits_to_arabic(text or "")
    dates = list(_RE_DATE.finditer(t)) or list(_RE_NUMERIC_DATE.finditer(t))
    if len(dates) != 1 or _RE_RANGE_SIGN.match(t, dates[0].end()):
        return None
    if _RE_FROM.search(t[:dates[0].start()]) or _RE_ONWARDS.search(t):
        return "end"
    if _RE_BY.search(t[:dates[0].start()]):
        return "start"
    return None


# A letter Tesseract writes for a digit right after a year: the year was read one digit short.
_RE_LOOKALIKE_AFTER = re.compile(f"[{DIGIT_LOOKALIKES}]")
# Digits right after a month that did not read as a year.
_RE_DIGITS_AFTER = re.compile(r"\s*\d{3,}")
# A year as OCR read it after its month, right or wrong: digits and the
# letters Tesseract writes for the digits it lacks ("25ฒ0", "2968", "256").
_RE_YEAR_READ = re.compile(f"\\s*(?:พ\\s?\\.?\\s?ศ\\s?\\.?)?\\s*(?P<read>[0-9{DIGIT_LOOKALIKES}]{{2,6}})")


def _year_read(t: str, m: re.Match[str]) -> str:
    """The year OCR read after the date ``m``, as it stands ("" when none)."""
    r = _RE_YEAR_READ.match(t, m.start("year") if m.group("year") else m.end())
    return r.group("read") if r else ""


def _misread_of(read: str, year_be: int) -> bool:
    """Whether ``read`` is ``year_be`` (Buddhist era) with at most one digit misread,
    lost or added; a letter Tesseract writes for a digit it lacks (ฒ ญ ฆ ณ) may
    stand for any digit. A two-digit year is compared with the year's last two digits.

    >>> _misread_of("25ฒ0", 2570), _misread_of("2968", 2568), _misread_of("256", 2568), _misread_of("692", 2569)
    (True, True, True, True)
    >>> _misread_of("25205", 2568), _misread_of("2525", 2568), _misread_of("56", 2569)
    (False, False, False)
    """
    # three characters: a four-digit year that lost one, or a two-digit year that gained
    # one (a range dash read as a digit: "ต.ค.692ก.ย.70")
    wants = [str(year_be)] if len(read) > 3 else [str(year_be)[2:]] if len(read) < 3 else [str(year_be), str(year_be)[2:]]
    return any(Levenshtein.distance(
        "".join(want[i] if c in DIGIT_LOOKALIKES and i < len(want) else c for i, c in enumerate(read)), want) <= 1
        for want in wants)


def _year_from_other_end(read: str, month: int, other_month: int, other_year: int, is_start: bool) -> int | None:
    """The Gregorian year of a period's end whose year OCR misread (``read``),
    taken from the other end: the one year that makes the period run forward
    for less than a year (``ต.ค. 25ฒ0 - 30 ก.ย. 2571``: October 2570), and only
    when the misread is that year with one digit wrong (:func:`_misread_of`).
    """
    if is_start:
        year = other_year - 1 if month > other_month else other_year
    else:
        year = other_year + 1 if month < other_month else other_year
    return year if read and _misread_of(read, year + BE_OFFSET) else None



# A year as printed in words' dates: four digits standing alone, or as OCR
# read them with letters for the digits Tesseract lacks ("25ญ0").
_RE_FOUR_DIGITS = re.compile(f"(?<![0-9{DIGIT_LOOKALIKES}])(?=[0-9{DIGIT_LOOKALIKES}]*[0-9]{{2}})"
                             f"[0-9{DIGIT_LOOKALIKES}]{{4}}(?![0-9{DIGIT_LOOKALIKES}])")


def repair_years_by_fiscal_year(text: str, fiscal_year: int) -> str:
    """Years no assessment can name (``2531``: :func:`_gregorian` reads none) written as
    the one year of the report's fiscal year, the one before or the one after
    (Buddhist era) that they are a one-digit misread of (:func:`_misread_of`); a read
    that two of them would fit (a misread last digit) stays. Only in a period
    without numeric dates: in ``30/5/2525`` the day and month are misread too.

    >>> repair_years_by_fiscal_year("ก.ค. - ส.ค. 2531", 2570), repair_years_by_fiscal_year("ปีงบประมาณ 2525", 2565)
    ('ก.ค. - ส.ค. 2571', 'ปีงบประมาณ 2565')
    >>> repair_years_by_fiscal_year("ต.ค. 2563", 2568), repair_years_by_fiscal_year("30/5/2525", 2565)
    ('ต.ค. 2563', '30/5/2525')
    >>> repair_years_by_fiscal_year("ก.พ.25ญ0", 2570), repair_years_by_fiscal_year("ก.พ.256ญ", 2568)
    ('ก.พ.2570', 'ก.พ.256ญ')
    """
    if "/" in text:
        return text

    def fix(m: re.Match[str]) -> str:
        read = m.group()
        if read.isdigit() and _gregorian(read) is not None:
            return read
        years = (fiscal_year - 1, fiscal_year, fiscal_year + 1)
        # a letter for a digit stands for any digit, and then the other digits must all agree
        fits = ([y for y in years if all(c in DIGIT_LOOKALIKES or c == w for c, w in zip(read, str(y)))]
                if not read.isdigit() else [y for y in years if _misread_of(read, y)])
        return str(fits[0]) if len(fits) == 1 else read

    return _RE_FOUR_DIGITS.sub(fix, text)


#: A measure's period lies within this many years of its report's fiscal year (Buddhist era) either side.
#: Generated and real reports put them from the year before to the year after (dev truth: -1..+1, the
#: Gregorian year of an October start one below); a date further off is a misread (OCR "90" for "69").
REPORT_YEARS_SPAN = 5


def near_fiscal_year(day: date, fiscal_year: int) -> bool:
    """Whether ``day`` may be a date of a measure of the report of ``fiscal_year`` (:data:`REPORT_YEARS_SPAN`).

    >>> near_fiscal_year(date(2026, 10, 1), 2570), near_fiscal_year(date(2047, 7, 1), 2570)
    (True, False)
    """
    return abs(day.year + BE_OFFSET - fiscal_year) <= REPORT_YEARS_SPAN


def parse_period(text: str, repair_years: bool = True,
                 fiscal_year: int | None = None, infer: bool = True) -> tuple[date | None, date | None]:
    """Read a period (:func:`_read_period`); given the report's ``fiscal_year``, an end that lies years away
    from it (:func:`near_fiscal_year`) is a misread and left unread.

    >>> parse_period("ก.ค. 90-18. 70", fiscal_year=2570), parse_period("ต.ค. 69 - ก.ย. 70", fiscal_year=2570)
    ((None, None), (datetime.date(2026, 10, 1), datetime.date(2027, 9, 30)))
    """
    start, end = _read_period(text, repair_years, fiscal_year, infer)
    if fiscal_year:
        start, end = (d if d is None or near_fiscal_year(d, fiscal_year) else None for d in (start, end))
    return start, end


def _read_period(text: str, repair_years: bool = True,
                 fiscal_year: int | None = None, infer: bool = True) -> tuple[date | None, date | None]:
    """Read a period ("ช่วงระยะเวลาในการดำเนินการ") as Gregorian dates.

    ``repair_years``: a year that lost its leading 2 (:func:`restore_lost_century`) is
    25xx; a year OCR misread by one digit is read as the year the
    other end allows (:func:`_year_from_other_end`; any unreadable year of a range
    from October to September, the fiscal year's months), or, given the report's
    ``fiscal_year`` (Buddhist era), a year no assessment can name as the one
    of that fiscal year or its neighbours it is a misread of
    (:func:`repair_years_by_fiscal_year`); ``False`` leaves it unread
    (how :mod:`ita_extract.report.records` tells that a year was corrected).

    ``infer``: a month or day OCR could not read is inferred where the period
    opens or closes a fiscal year (an unreadable start month a year before
    ``ก.ย.`` is October; an unreadable or lost end month the year after
    ``ต.ค.`` is September, :data:`_RE_LOST_START_MONTH`, :data:`_RE_LOST_END_MONTH`), and a
    range's end day read as ``3`` (:data:`LOST_ZERO_DAY`) is its month's last, and a year
    alone (no month, no fiscal year's word) is that fiscal year;
    ``False`` leaves them unread (how records tells that a date was inferred).

    >>> parse_period("ต.ค. ๒๕๖๘ – ๓๐ ก.ย. ๒๕๖๙")
    (datetime.date(2025, 10, 1), datetime.date(2026, 9, 30))
    >>> parse_period("ม.ค. - มี.ค. 2569")
    (datetime.date(2026, 1, 1), datetime.date(2026, 3, 31))
    >>> parse_period("ปีงบประมาณ พ.ศ. 2569")
    (datetime.date(2025, 10, 1), datetime.date(2026, 9, 30))
    >>> parse_period("ตามความเหมาะสม")
    (None, None)
    >>> parse_period("ต.ค. 2568 - 30 กุย. 2569")  # OCR: a dot read as sara u
    (datetime.date(2025, 10, 1), datetime.date(2026, 9, 30))
    >>> parse_period("ต.ค. 25205 - ม.ค. 2569")  # a misread year: nothing guessed for its end
    (None, datetime.date(2026, 1, 31))
    >>> parse_period("ต.ค. 25205 - 30 ก.ย. 2569"), parse_period("ต.ค. 25อ3ฒ - 30 ก.ย. 2569", repair_years=False)
    ((datetime.date(2025, 10, 1), datetime.date(2026, 9, 30)), (None, datetime.date(2026, 9, 30)))
    >>> parse_period("ต.ค.692ก.ย.70")  # a range dash read as a digit after a two-digit year
    (datetime.date(2026, 10, 1), datetime.date(2027, 9, 30))
    >>> parse_period("ต.ค. 25ฒ8 - 30 ก.ย. 2569")  # one digit misread: the year the other end allows
    (datetime.date(2025, 10, 1), datetime.date(2026, 9, 30))
    >>> parse_period("ดต.ด. 2570 - 30 ก.ย. 2571", infer=False)  # the start unreadable: only the end
    (None, datetime.date(2028, 9, 30))
    >>> parse_period("ดต.ด. 2570 - 30 ก.ย. 2571")  # ... or the fiscal year it opens
    (datetime.date(2027, 10, 1), datetime.date(2028, 9, 30))
    >>> parse_period("ดต.ค. 2570 - 30 ก.ย. 2571")  # a speck glued before the month
    (datetime.date(2027, 10, 1), datetime.date(2028, 9, 30))
    >>> parse_period("ต.ค. 2568 - 30 2569")  # OCR lost the end's month
    (datetime.date(2025, 10, 1), datetime.date(2026, 9, 30))
    >>> parse_period("ต.ค. 6 8 ถึง ก.ย. 6 9")  # letter-spaced years
    (datetime.date(2025, 10, 1), datetime.date(2026, 9, 30))
    >>> parse_period("ต.ค. 2568 - 30 f).8.")  # the end printed, not read: never the start's month
    (datetime.date(2025, 10, 1), None)
    >>> parse_period("ต.ค. 2568 - 30 f).8. 2569"), parse_period("A.A. 67 ถึง ก.ย. 68")  # unreadable months
    ((datetime.date(2025, 10, 1), datetime.date(2026, 9, 30)), (datetime.date(2024, 10, 1), datetime.date(2025, 9, 30)))
    >>> parse_period("1/10/2564-30/5/2525"), parse_period("1/10/2564-30/5/2525", infer=False)  # an end misread
    ((datetime.date(2021, 10, 1), datetime.date(2022, 9, 30)), (datetime.date(2021, 10, 1), None))
    >>> parse_period("1/10/2564- - 30/ฒ/5"), parse_period("1/10/2564- - 30/ฒ/5", infer=False)  # ... its sign doubled
    ((datetime.date(2021, 10, 1), datetime.date(2022, 9, 30)), (datetime.date(2021, 10, 1), None))
    >>> parse_period("1/0/2566 - 30/9/2567"), parse_period("1/0/2566 - 30/9/2567", infer=False)  # a start misread
    ((datetime.date(2023, 10, 1), datetime.date(2024, 9, 30)), (None, datetime.date(2024, 9, 30)))
    >>> parse_period("ต.ค. 2570 ถึง3 ก.ย. 2571")  # a range's end day that lost its 0
    (datetime.date(2027, 10, 1), datetime.date(2028, 9, 30))
    >>> parse_period("AA, 2568 -.\\n. ก.ย. 2569", infer=False)  # specks after the range sign: a start not read
    (None, datetime.date(2026, 9, 30))
    >>> parse_period("2566"), parse_period("2566", infer=False)  # a year alone: the fiscal year, inferred
    ((datetime.date(2022, 10, 1), datetime.date(2023, 9, 30)), (None, None))
    >>> parse_period("' aman 2565-\\n| กันยายน 2566", infer=False)  # a start unread: never the end's month alone
    (None, datetime.date(2023, 9, 30))
    >>> parse_period("เสขมษาย่น A) พฤษภาคม 2566 ที่")  # a start garbled: never the end's month alone
    (None, datetime.date(2023, 5, 31))
    >>> parse_period("ตั้งแต่ ต.ค. 2568"), parse_period("ภายใน 30 ก.ย. 2569")  # one end printed
    ((datetime.date(2025, 10, 1), None), (None, datetime.date(2026, 9, 30)))
    """
    if not text:
        return None, None
    # a mark right after a dot is OCR noise ("ก.ุย." for "ก.ย.")
    t = _RE_MARK_IN_NUMBER.sub("", _RE_MARK_AFTER_DOT.sub(".", drop_lone_specks(thai_digits_to_arabic(text))))
    t = repair_month_abbreviations(drop_glued_specks(repair_month_names(t)))
    if repair_years:
        t = restore_lost_century(t)
    if repair_years and fiscal_year:
        t = repair_years_by_fiscal_year(t, fiscal_year)
    open_end = period_open_end(t)
    # "1 - 30 ก.ย." -> the first day borrows the month of the second
    day_range = _RE_DAY_RANGE.search(t)
    found = list(_RE_DATE.finditer(t))
    if not found:
        numeric = _numeric_dates(t)
        if len(numeric) == 1:
            # "1/10/2568 - 0/9/2569": one date read beside a range sign; the other
            # end was printed and not read
            only, day = numeric[0]
            if infer and (day.month, day.day) == (10, 1) and _RE_GARBLED_FISCAL_END.match(t, only.end()):
                # "1/10/2564 - 30/5/2525": a range that opens a fiscal year on 1 October, its
                # end read as a day 30 and digits of no date: the fiscal year's 30 September
                return day, date(day.year + 1, 9, 30)
            if _RE_RANGE_SIGN.match(t, only.end()):
                return day, None
            cut = _RE_CUT_NUMERIC_START.match(t[:only.start()]) if repair_years else None
            if cut:
                start = _cut_start(cut, day)
                if start:
                    return start, day
            if infer and (day.month, day.day) == (9, 30) and _garbled_fiscal_start(t[:only.start()], day.year):
                # "1/0/2566 - 30/9/2567", "1|10/2515 - 30/9/2569": a range that closes a fiscal
                # year on 30 September, its start read as a day 1 and digits of no date
                return date(day.year - 1, 10, 1), day
            if _RE_LOST_START.search(t[:only.start()]):
                return None, day
        if numeric:
            return _one_end(numeric[0][1], numeric[-1][1], open_end)
        # a year and nothing more ("2566": its months lost, or never printed) is the fiscal year only as an
        # inference: a period's year alone may as well be a calendar year, or months OCR did not read
        m = _RE_FISCAL.search(t) or (infer and _RE_YEAR_ONLY.fullmatch(t)) or _fiscal_words_misread(t)
        year = _gregorian(m.group("year")) if m else None
        return fiscal_year_range(year + BE_OFFSET) if year else (None, None)

    first, last = found[0], found[-1]
    m1, m2 = _month_number(first.group("month")), _month_number(last.group("month"))
    if first is not last and m1 == m2 and (first.group("year") is None or last.group("year") is None
                                           or first.group("year") == last.group("year")):
        m1, m2 = _lost_mark_month(first.group("month"), last.group("month"), m1)
    d1 = int(first.group("day")) if first.group("day") else None
    d2 = int(last.group("day")) if last.group("day") else None
    y1, y2 = _gregorian(first.group("year")), _gregorian(last.group("year"))
    # a year read on into a letter Tesseract writes for a digit ("2591ฒ") is misread too
    bad1, bad2 = ((m.group("year") and (y is None or _RE_LOOKALIKE_AFTER.match(t, m.end())))
                  or (not m.group("year") and _RE_DIGITS_AFTER.match(t, m.end()))
                  for m, y in ((first, y1), (last, y2)))
    if repair_years and first is not last and bool(bad1) != bool(bad2):
        # one year misread by a digit ("25ฒ0", "2968"): the other end's year tells which it is
        if bad1 and y2 is not None:
            y1 = _year_from_other_end(_year_read(t, first), m1, m2, y2, True)
            bad1 = y1 is None
        elif bad2 and y1 is not None:
            y2 = _year_from_other_end(_year_read(t, last), m2, m1, y1, False)
            bad2 = y2 is None
    if repair_years and first is not last and bool(bad1) != bool(bad2) and (m1, m2) == (10, 9) \
            and d1 in (None, 1) and d2 in (None, 30) and (y1 if bad2 else y2) is not None:
        # "ต.ค. 25อ3ฒ - ก.ย. 2568": one year unreadable in a range from October to
        # September, the fiscal year's months: the period is that fiscal year
        if bad1:
            y1, bad1 = y2 - 1, False
        else:
            y2, bad2 = y1 + 1, False
    if repair_years and fiscal_year and first is not last and not (bad1 or bad2) and (m1, m2) == (10, 9) \
            and d1 in (None, 1) and d2 in (None, 30) and y1 is not None and y2 is not None and y2 != y1 + 1:
        y1, y2 = _fiscal_range_years(_year_read(t, first), _year_read(t, last), y1, y2, fiscal_year)
    if bad1 or bad2:
        # a year printed and unreadable ("25205"): no date guessed for its end;
        # the other end, read with its own year, stands
        if first is not last and not bad1 and y1 is not None:
            return _first_day(y1, m1, d1), None
        if first is not last and not bad2 and y2 is not None:
            return None, _last_day(y2, m2, d2)
        return None, None
    lost_start = _RE_LOST_START_MONTH.match(t[:first.start()]) if infer and len(found) == 1 and m1 == 9 else None
    if lost_start and y2 is not None and (_gregorian(lost_start.group("year")) == y2 - 1 or (
            len(lost_start.group("year")) == 3 and _misread_of(lost_start.group("year"), y2 - 1 + BE_OFFSET))):
        # ... the year perhaps with a digit lost ("AA. 256 ถึง 30 กุย. 2565")
        # "A.A. 67 ถึง ก.ย. 68": the start's month unreadable, a year before a period that
        # closes a fiscal year on September: the period opens that fiscal year on 1 October
        return date(y2 - 1, 10, 1), _last_day(y2, m2, d2)
    if day_range and len(found) == 1:
        d1 = int(day_range.group("day"))
    elif len(found) == 1 and (_RE_LOST_START.search(t[:first.start()]) or garbled_month_before(t[:first.start()])):
        # "ดต.ค. 2570 - 30 ก.ย. 2571", "เสขมษาย่น A) พฤษภาคม 2566": the start is unreadable, the end stands
        return None, (_last_day(y2, m2, d2) if y2 is not None else None)
    # A year printed once serves both ends ("ม.ค. - มี.ค. 2569"); a start
    # month later than the end month means the period crosses a new year.
    if y1 is None and y2 is not None:
        y1 = y2 - 1 if m1 > m2 else y2
    elif y2 is None and y1 is not None:
        y2 = y1 + 1 if m2 < m1 else y1
    if y1 is None or y2 is None:
        return None, None
    lost_end = _RE_LOST_END_MONTH.match(t[first.end():]) if infer and len(found) == 1 and m1 == 10 else None
    if lost_end:
        # "ต.ค. 2568 - 30 2569", "ต.ค. 67 - 1.8, 68", "ต.ค. 2568ถึง 2569": the end's month lost or unreadable
        # (OCR); a period that opens a fiscal year with an end in the next year closes
        # it on 30 Sep.
        read = lost_end.group("year").replace(" ", "")
        want = str(y1 + 1 + BE_OFFSET)[-len(read):] if len(read) in (2, 4) else ""
        if _gregorian(read) == y1 + 1 if read.isdigit() else (
                want and all(c in DIGIT_LOOKALIKES or c == w for c, w in zip(read, want))):
            return _first_day(y1, m1, d1), date(y1 + 1, 9, 30)
    if len(found) == 1 and not day_range and _RE_RANGE_SIGN.match(t, first.end()):
        # "ต.ค. 2568 - 30 f).8. 2569", "ต.ค. 2568 -": a range whose end was
        # not read (or not printed): the end is unknown, never the start's month
        return _first_day(y1, m1, d1), None
    if infer and first is not last and d2 == LOST_ZERO_DAY and d1 in (None, 1) and m2 != 2 and (y1, m1) != (y2, m2):
        # "ต.ค. 2570 ถึง3 ก.ย. 2571": a range over whole months ends on its last
        # month's last day; OCR lost the second digit of 30 or 31
        d2 = None
    if infer and first is not last and (m1, m2) == (10, 9) and y2 == y1 + 1 and d1 not in (None, 1) \
            and d2 in (None, 30) and first.end("day") == first.start("month"):
        # "3ต.ค. 2564 - 30 ก.ย. 2565": a digit glued to the month of a range over the fiscal
        # year's months is a speck, not a day (a day is printed apart from its month)
        d1 = None
    start, end = _first_day(y1, m1, d1), _last_day(y2, m2, d2)
    return _one_end(start, end, open_end) if start <= end else (None, None)


def _fiscal_range_years(read1: str, read2: str, y1: int, y2: int, fiscal_year: int) -> tuple[int, int]:
    """The years of a range from October to September read as more or less than a year
    (``ตุลาคม 2570 - กันยายน 2573``): one end is the report's fiscal year (Buddhist era), the
    other a one-digit misread of the year that makes the range that fiscal year; else as read.

    >>> _fiscal_range_years("2570", "2573", 2027, 2030, 2571), _fiscal_range_years("2560", "2571", 2017, 2028, 2571)
    ((2027, 2028), (2027, 2028))
    >>> _fiscal_range_years("2570", "2583", 2027, 2040, 2571), _fiscal_range_years("2570", "2573", 2027, 2030, 2566)
    ((2027, 2040), (2027, 2030))
    """
    end = fiscal_year - BE_OFFSET
    if y2 == end and _misread_of(read1, fiscal_year - 1):
        return end - 1, end
    if y1 == end - 1 and _misread_of(read2, fiscal_year):
        return end - 1, end
    return y1, y2


def _fiscal_place(month: int) -> int:
    return (month - 10) % 12


def _lost_mark_month(start: str, end: str, month: int) -> tuple[int, int]:
    """A range whose ends read the same month (``ม.ค. - ม.ค.``) where one end may be the month
    whose abbreviation lost its mark (มี.ค.): the months of the one reading that runs forward
    within a fiscal year (October to September), else the months as read.

    >>> _lost_mark_month("ม.ค.", "ม.ค.", 1), _lost_mark_month("มี.ค.", "มี.ค.", 3), _lost_mark_month("ก.ค.", "ก.ค.", 7)
    ((1, 3), (3, 3), (7, 7))
    """
    alt = _LOST_MARK.get(month)
    if alt is None:
        return month, month
    # an end spelled as the month's markless abbreviation, not its full name
    bare = [re.sub(r"[\s.,:]", "", token) == _MONTHS[month][1] for token in (start, end)]
    fits = []
    if bare[0] and _fiscal_place(alt) < _fiscal_place(month):
        fits.append((alt, month))
    if bare[1] and _fiscal_place(alt) > _fiscal_place(month):
        fits.append((month, alt))
    return fits[0] if len(fits) == 1 else (month, month)


# After a numeric start, a range sign and an end that begins with day 30 and holds
# nothing but digits, slashes and specks no date reads ("- 30/5/2525", "-30/9969").
# Before a numeric end, a start that begins with day 1 and holds nothing but digits,
# slashes, bars and specks no date reads ("1/0/2566 - ", "1|10/2515-"), then a range sign.
_RE_GARBLED_FISCAL_START = re.compile(f"^\\s*1\\s?[/|.][0-9{DIGIT_LOOKALIKES}/|. ]*(?:-|–|—|ถึง)+\\s*$")
_RE_LAST_DIGITS = re.compile(f"[0-9{DIGIT_LOOKALIKES}]+(?=[^0-9{DIGIT_LOOKALIKES}]*$)")


#: A run of Thai letters this many edits (on the letters without their marks) from a full month name, and no
#: nearer, is a month OCR garbled beyond :func:`repair_month_names` (a word before a month is never one: ``ตลอด``
#: stands three from ``ตุลาคม``, ``ภายใน`` and ``เดือน`` further).
GARBLED_MONTH_EDITS = 2


#: A word shaped as a dotted abbreviation (consonants, a dot between them, the last dot optional; marks left out) ...
_RE_ABBREVIATION_SHAPE = re.compile(f"^[{charset(CONSONANTS)}]{{1,3}}[.,][{charset(CONSONANTS)}]{{1,2}}[.,]?$")
#: ... one edit from a month's (``จส.ค`` for ``ม.ค.``: ``สค``), and not the era's, which stands before years.
GARBLED_ABBREVIATION_EDITS = 1
_ERA_LETTERS = frozenset({"พศ", "คศ"})
_BARE_ABBREVIATIONS = frozenset(_without_marks(a) for _, a in _MONTHS.values())


def garbled_month_before(head: str) -> bool:
    """Whether the text before a period's only month holds a month garbled: a full name
    (:data:`GARBLED_MONTH_EDITS`), or a word shaped as a month's abbreviation that names none
    (:data:`GARBLED_ABBREVIATION_EDITS`). A start printed and not read, so the period is not that month alone.

    >>> garbled_month_before("เสขมษาย่น A) "), garbled_month_before("ตลอด "), garbled_month_before("ตั้งแต่ ")
    (True, False, False)
    >>> garbled_month_before("เดือน "), garbled_month_before("ประจำเดือน ")
    (False, False)
    >>> garbled_month_before("จส.ค "), garbled_month_before("ตลอดปีงบประมาณ พ.ศ. "), garbled_month_before("ป.ป.ช. ")
    (True, False, False)
    """
    for run in _RE_THAI_RUN.findall(head):
        bare = _without_marks(run)
        if min(Levenshtein.distance(bare, name) for name in _BARE_NAMES) <= GARBLED_MONTH_EDITS:
            return True
    for word in head.split():
        bare = _without_marks(word)
        if not _RE_ABBREVIATION_SHAPE.match(bare) or is_month_abbreviation(word):
            continue
        letters = re.sub("[.,]", "", bare)
        if letters not in _ERA_LETTERS and min(Levenshtein.distance(letters, a) for a in _BARE_ABBREVIATIONS) \
                <= GARBLED_ABBREVIATION_EDITS:
            return True
    return False


def _garbled_fiscal_start(head: str, end_year: int) -> bool:
    """Whether ``head`` (the text before a numeric end 30 September ``end_year``) is a
    start that opens that fiscal year as far as it can be read: day 1, then digits no
    date reads, whose year is four characters that name no year (``2515``, ``2520ฆ``)
    or the fiscal year's first (``1/0/2566``); a shorter year (``1/10/5``) is cut short
    (:func:`_cut_start`) and must be its digits.

    >>> _garbled_fiscal_start("1/0/2566 - ", 2024), _garbled_fiscal_start("1|10/2515-", 2026)
    (True, True)
    >>> _garbled_fiscal_start("1/0/2567 - ", 2024), _garbled_fiscal_start("1|0|6 - ", 2026), _garbled_fiscal_start("ต.ค. - ", 2026)
    (False, False, False)
    >>> _garbled_fiscal_start("1/1/568 - ", 2026), _garbled_fiscal_start("1/1.567 - ", 2025), _garbled_fiscal_start("1/1/564 - ", 2026)
    (True, True, False)
    """
    if not _RE_GARBLED_FISCAL_START.match(head):
        return False
    year = _RE_LAST_DIGITS.search(head)
    read = year.group() if year else ""
    if len(read) == 3:
        # a four-digit year that lost a digit: the fiscal year's first, by the others ("1/1/568 - ")
        return read.isdigit() and _misread_of(read, end_year - 1 + BE_OFFSET)
    return len(read) >= 4 and (not read.isdigit() or _gregorian(read) in (None, end_year - 1))


# A range sign may come doubled, a space between (a year's run-on dash and the printed one: ``2564- - 30/ฒ/5``).
_RE_GARBLED_FISCAL_END = re.compile(f"(?:\\s*(?:-|–|—|ถึง))+\\s*30\\s?[/.][0-9{DIGIT_LOOKALIKES}/. ]*$")
# A numeric start whose year OCR cut short before a range sign ("1/10/6 - 30/9/2567").
_RE_CUT_NUMERIC_START = re.compile(r"^\s*(?P<d>\d{1,2})/ ?(?P<m>\d{1,2})/ ?(?P<y>\d{1,3})\s*(?:-|–|—|ถึง)+\s*$")


def _cut_start(m: re.Match[str], end: date) -> date | None:
    """The start of a numeric range whose year lost its first digits: the year, within
    a year before ``end``, whose last digits they are (``1/10/6`` before 30/9/2567: 1/10/2566).

    >>> _cut_start(_RE_CUT_NUMERIC_START.match("1/10/6 - "), date(2024, 9, 30))
    datetime.date(2023, 10, 1)
    >>> _cut_start(_RE_CUT_NUMERIC_START.match("1/10/5 - "), date(2024, 9, 30)) is None
    True
    """
    d, mo = int(m.group("d")), int(m.group("m"))
    if not (1 <= mo <= 12 and 1 <= d <= calendar.monthrange(end.year, mo)[1]):
        return None
    year = end.year if (mo, d) <= (end.month, end.day) else end.year - 1
    return date(year, mo, d) if str(year + BE_OFFSET).endswith(m.group("y")) else None


def _one_end(start: date, end: date, open_end: str | None) -> tuple[date | None, date | None]:
    """The period's ends, the one its wording leaves open (:func:`period_open_end`) empty."""
    return (start, None) if open_end == "end" else (None, end) if open_end == "start" else (start, end)


# A plausible assessment year (BE 2550-2600), not inside a longer number.
_YEAR = r"(?<!\d)(?P<year>25[5-9]\d|2600)(?!\d)"
# The year as the title gives it, most specific first.
_RE_TITLE_YEARS = [
    re.compile(rf"ปีงบ(?:ประมาณ)?\s*(?:พ\s?\.?\s?ศ\s?\.?)?\s*{_YEAR}"),
    re.compile(rf"ITA\s*(?:ปี\s*)?(?:พ\s?\.?\s?ศ\s?\.?)?\s*{_YEAR}", re.IGNORECASE),
    re.compile(rf"(?:ประจำปี|พ\s?\.?\s?ศ\s?\.?)\s*{_YEAR}"),
    re.compile(_YEAR),
]


# A range whose second half is missing or lacks its year: the sign at the
# end, or a day and month after it and nothing more ("ต.ค. 65 – ก.ย.").
_RE_CUT_RANGE = re.compile(rf"(?:-|–|—|ถึง)\s*(?:\d{{1,2}}\s*)?(?:{_MONTH})?\s*$")


def period_cut_short(text: str) -> bool:
    """Whether a period (normalized) stops inside its range: the rest went on elsewhere.

    >>> period_cut_short("ต.ค. 65 – ก.ย."), period_cut_short("1 ตุลาคม 2566 -"), period_cut_short("ถึง")
    (True, True, True)
    >>> period_cut_short("ต.ค. 65 – ก.ย. 66"), period_cut_short("ตามความเหมาะสม"), period_cut_short("E-")
    (False, False, False)
    """
    return bool(re.search(r"\d|" + _MONTH, text)) and bool(_RE_CUT_RANGE.search(text)) or text.strip() in ("-", "–", "ถึง")


def period_year_alone(text: str) -> bool:
    """Whether a period names a year and nothing more (no month, no fiscal year's word): its dates are
    the fiscal year's only by inference (:func:`parse_period`).

    >>> period_year_alone("2566"), period_year_alone("พ.ศ. ๒๕๖๖"), period_year_alone("ปีงบประมาณ 2566"), period_year_alone("ม.ค. 2566")
    (True, True, False, False)
    """
    return bool(_RE_YEAR_ONLY.fullmatch(thai_digits_to_arabic(text or "")))


def months_named(text: str) -> set[int]:
    """The months a period's text names, each by its registry spelling or a reading of it
    (:func:`period_names_month`).

    >>> sorted(months_named("ต.ค.3 - 30 ก.ย. 2505")), sorted(months_named("ตามความเหมาะสม"))
    ([9, 10], [])
    """
    return {_month_number(m.group("month")) for m in _RE_DATE.finditer(thai_digits_to_arabic(text or ""))}


def period_names_month(text: str) -> bool:
    """Whether a period names a month (its name or abbreviation): with no year read, it still names dates
    that were not read.

    >>> period_names_month("มกราคม-กุมภาพันธ์"), period_names_month("ม.ค. - มี.ค."), period_names_month("ตามความเหมาะสม"), period_names_month("ทุกเดือน")
    (True, True, False, False)
    """
    return bool(_RE_DATE.search(thai_digits_to_arabic(text or "")))


def off_month_edge(start: date | None, end: date | None) -> tuple[bool, bool]:
    """Whether a period's start opens no month (not its 1st) and whether its end closes none (not its last
    day): a period runs over whole months, so OCR that read such a day (``30/3/2565`` for ``30/9/2565``; a
    range read as its end alone, ``30/9/2567``) likely misread a digit or lost an end.

    >>> off_month_edge(date(2021, 10, 1), date(2022, 3, 30)), off_month_edge(date(2024, 9, 30), date(2024, 9, 30))
    ((False, True), (True, False))
    >>> off_month_edge(date(2021, 10, 1), date(2022, 9, 30)), off_month_edge(None, date(2024, 2, 29)), off_month_edge(None, None)
    ((False, False), (False, False), (False, False))
    >>> off_month_edge(date(2024, 2, 1), date(2024, 2, 28))
    (False, False)
    """
    return (start is not None and start.day != 1,
            end is not None and end.day != calendar.monthrange(end.year, end.month)[1]
            and (end.month, end.day) != (2, 28))  # a leap year's February often printed to the 28th


def fiscal_year_from_text(text: str) -> int | None:
    """The assessment year (Buddhist era) named in a title or heading.

    >>> fiscal_year_from_text("ในปีงบประมาณพ.ศ.๒๕๖๘(๑๐ ตัวชี้วัด)")
    2568
    >>> fiscal_year_from_text("ITA 2567"), fiscal_year_from_text("ตัวชี้วัดที่ ๑")
    (2567, None)
    """
    if not text:
        return None
    t = thai_digits_to_arabic(text)
    for pattern in _RE_TITLE_YEARS:
        m = pattern.search(t)
        if m:
            return int(m.group("year"))
    return None
