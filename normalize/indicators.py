"""The ten ITA indicators: canonical names, tools, fuzzy matching, headings.

A heading's printed number can be wrong (the seed prints
``ตัวชี้วัดที่ ๒ คุณภาพการดำเนินงาน`` for indicator 6), so the canonical
number is decided by the name whenever the name can be read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz

from normalize import questionnaire
from normalize.lexicon import dictionary_share
from normalize.thai import normalize_text, thai_digits_to_arabic
from normalize.thaichars import DIGITS, LEAD_VOWELS, LETTERS, MARKS, charset

__all__ = [
    "CANONICAL",
    "HeadingMatch",
    "IndicatorMatch",
    "match_indicator",
    "parse_indicator_heading",
    "tool_for_indicator",
]

#: Canonical indicator number -> name (``meta.indicators`` of normalize/questionnaires.json).
CANONICAL: dict[int, str] = questionnaire.indicator_names()

#: Default minimum similarity (0-100) for a name to count as an indicator.
MIN_SCORE = 82.0
#: A match must beat the runner-up by this much (5 and 10 share "การทุจริต").
MIN_MARGIN = 8.0
#: A heading line longer than this is running text, not a heading.
MAX_HEADING_CHARS = 120


def tool_for_indicator(n: int) -> str:
    """The tool whose questions answer indicator ``n``.

    >>> [tool_for_indicator(n) for n in (1, 5, 6, 8, 9, 10)]
    ['IIT', 'IIT', 'EIT', 'EIT', 'OIT', 'OIT']
    """
    if 1 <= n <= 5:
        return "IIT"
    if 6 <= n <= 8:
        return "EIT"
    if 9 <= n <= 10:
        return "OIT"
    raise ValueError(f"no ITA indicator {n}")


@dataclass(frozen=True)
class IndicatorMatch:
    """An indicator recognised by name."""

    number: int
    name: str
    score: float


@dataclass(frozen=True)
class HeadingMatch:
    """An indicator heading: the number printed and the canonical one."""

    printed_number: int | None
    number: int
    name: str


# Characters ignored when comparing names: spaces, punctuation, digits.
_RE_NOISE = re.compile(rf"[\s\d{charset(DIGITS)}.,:;()\[\]\-–—*/\"'“”]+")
# "ทาง" in "ของทางราชการ" is a common variant, not a difference.
_RE_VARIANTS = re.compile(r"ของทางราชการ")


def _key(name: str) -> str:
    return _RE_VARIANTS.sub("ของราชการ", _RE_NOISE.sub("", normalize_text(name)))


_CANONICAL_KEYS: dict[int, str] = {n: _key(v) for n, v in CANONICAL.items()}


def _scores(key: str) -> list[tuple[float, int]]:
    return sorted(
        ((fuzz.ratio(key, ck), n) for n, ck in _CANONICAL_KEYS.items()), reverse=True
    )


def match_indicator(name: str, min_score: float = MIN_SCORE) -> IndicatorMatch | None:
    """The indicator whose canonical name ``name`` spells, allowing noise.

    >>> match_indicator("การใช้ทรัพย์สินของทางราชการ").number
    4
    >>> match_indicator("การปฏิบัติหน้าที").number
    1
    >>> match_indicator("การป้องกันการทุจริต").number, match_indicator("การแก้ไขปัญหาการทุจริต").number
    (10, 5)
    >>> match_indicator("การวิเคราะห์ผลการประเมินฯ") is None
    True
    """
    key = _key(name)
    if not key:
        return None
    (best, n), (second, _) = _scores(key)[:2]
    if best < min_score or best - second < MIN_MARGIN:
        return None
    return IndicatorMatch(n, CANONICAL[n], round(best, 1))


# "ตัวชี้วัดที่ ๑ การปฏิบัติหน้าที่", "ตัวชี้วัดที่ 4: การใช้...": the heading
# word (ที่ optional), the printed number, a separator, the rest.
# OCR drops or swaps marks ("ตัวชีวัดที", "ตัวชิ้วัด"), reads ช as ซ
# ("ตัวซีวัดที่") and may lose the number, so marks are optional, either
# letter goes, and the number is optional too (the name then decides).
_RE_HEADING = re.compile(
    r"ต[ัิ]?\s*ว\s*[ชซ][ีิ]?[้่๊]?\s*ว[ัิ]?\s*ด\s*(?:ท[ีิ]?[่้]?)?\s*"
    rf"(?P<num>[0-9{charset(DIGITS)}]{{1,2}})?(?![0-9{charset(DIGITS)}])"
    # a combined heading may print two numbers: "ตัวชี้วัดที่ 9-10", "ตัวชี้วัดที่ ๙ และ ๑๐"
    rf"(?:\s*(?:-|–|และ|,|/)\s*(?P<num2>[0-9{charset(DIGITS)}]{{1,2}})(?![0-9{charset(DIGITS)}]))?\s*[:.)\-–]?\s*"
)
# Where the names of a combined heading part ("การเปิดเผยข้อมูล และการป้องกันการทุจริต").
_RE_NAME_JOIN = re.compile(r"\s*(?:และ|,|/)\s*")
# "๓.การใช้อำนาจ", "3) การใช้อำนาจ": a number, then a name and nothing else.
_RE_NUMBERED = re.compile(rf"^\s*(?P<num>[0-9{charset(DIGITS)}]{{1,2}})\s*[.)]?\s*(?P<name>\D.*?)\s*$")
# Trailing words that join two headings on one line.
_RE_TRAILING = re.compile(r"(?:\s*(?:และ|,|/|\(.*?\)|\(.*))+\s*$")


# A letter or digit: text before a heading word, where only OCR's specks (``.``, ``«``) may stand.
_RE_WORD_CHAR = re.compile(r"[^\W_]")


def _printed(num: str) -> int:
    return int(thai_digits_to_arabic(num))


#: Similarity a name needs right after the heading word (ตัวชี้วัดที่ N).
AFTER_HEADING_MIN = 70.0


def _heading_name(rest: str) -> IndicatorMatch | None:
    """Match the name after a heading number, allowing trailing words."""
    rest = _RE_TRAILING.sub("", rest).strip()
    if not rest:
        return None
    found = match_indicator(rest)
    if found:
        return found
    # After a heading word, a name garbled by OCR still decides when it is
    # clearly closest to one indicator ("การปฏูบต๋หน้าท").
    found = match_indicator(rest, min_score=AFTER_HEADING_MIN)
    if found:
        return found
    # A short tail after the name ("การปฏิบัติหน้าที่ (IIT)"): try prefixes.
    key = _key(rest)
    best: IndicatorMatch | None = None
    for n, ck in _CANONICAL_KEYS.items():
        score = fuzz.ratio(key[: len(ck)], ck)
        if score >= 90 and (best is None or score > best.score):
            best = IndicatorMatch(n, CANONICAL[n], round(score, 1))
    return best


#: A name OCR garbled past :data:`AFTER_HEADING_MIN` (``กงเปิดเผมขันบูล``) still decides when the number
#: printed after the heading word is its indicator's: it must be at least this close to that name, and
#: closer by :data:`NUMBERED_NAME_MARGIN` than to any other (three readings that agree: the heading word,
#: the number and the name).
NUMBERED_NAME_MIN = 50.0
NUMBERED_NAME_MARGIN = 20.0


def _name_agrees(rest: str, printed: int) -> bool:
    """
    >>> _name_agrees("กงเปิดเผมขันบูลJ |", 9), _name_agrees("กงเปิดเผมขันบูลJ |", 8)
    (True, False)
    >>> _name_agrees("จัดทำคู่มือการปฏิบัติงาน", 9), _name_agrees("", 9)
    (False, False)
    """
    key = _key(_RE_TRAILING.sub("", rest))
    if not key:
        return False
    (best, n), (second, _) = _scores(key)[:2]
    return n == printed and best >= NUMBERED_NAME_MIN and best - second >= NUMBERED_NAME_MARGIN


def _two_names(rest: str, printed: int | None, num2: str | None) -> list[HeadingMatch]:
    """The two indicators of a combined heading's one name part, or ``[]``.

    >>> [h.number for h in _two_names("การเปิดเผยข้อมูล และการป้องกันการทุจริต (OIT)", 9, "10")]
    [9, 10]
    >>> _two_names("การใช้ทรัพย์สินของราชการ", 4, None)
    []
    """
    parts = [p for p in _RE_NAME_JOIN.split(_RE_TRAILING.sub("", rest).strip()) if p.strip()]
    if len(parts) != 2:
        return []
    found = [match_indicator(p) for p in parts]
    if not all(found) or found[0].number == found[1].number:
        return []
    second = _printed(num2) if num2 else None
    return [HeadingMatch(printed, found[0].number, found[0].name), HeadingMatch(second, found[1].number, found[1].name)]


def parse_indicator_heading(line: str) -> list[HeadingMatch]:
    """The indicator heading(s) a line holds; ``[]`` when it is no heading.

    >>> parse_indicator_heading("ตัวชี้วัดที่ ๒ คุณภาพการดำเนินงาน")
    [HeadingMatch(printed_number=2, number=6, name='คุณภาพการดำเนินงาน')]
    >>> [h.number for h in parse_indicator_heading("ตัวชี้วัดที่ ๙ การเปิดเผยข้อมูล และ ตัวชี้วัดที่ ๑๐ การป้องกันการทุจริต")]
    [9, 10]
    >>> [h.number for h in parse_indicator_heading("ตัวชี้วัดที่ 9 และ 10 การเปิดเผยข้อมูล และการป้องกันการทุจริต")]
    [9, 10]
    >>> parse_indicator_heading("๓.การใช้อำนาจ")
    [HeadingMatch(printed_number=3, number=3, name='การใช้อำนาจ')]
    >>> parse_indicator_heading("ตัวชีวัดที การปฏิบัติหน้าที")  # OCR: marks and number lost
    [HeadingMatch(printed_number=None, number=1, name='การปฏิบัติหน้าที่')]
    >>> [h.number for h in parse_indicator_heading(". ตัวชี้วัดที่ 9 การเปิดเผยข้อมูล")]  # a speck before it
    [9]
    >>> parse_indicator_heading("มาตรการ โครงการ หรือกิจกรรม\\tผลการวิเคราะห์ ตัวชี้วัด")
    []

    A name OCR garbled (a stamp over it) still decides when it agrees with the number printed:

    >>> parse_indicator_heading("ตัวชี้วัดที่ 9 กงเปิดเผมขันบูลJ |")
    [HeadingMatch(printed_number=9, number=9, name='การเปิดเผยข้อมูล')]
    >>> parse_indicator_heading("ตัวชี้วัดที่ 8 กงเปิดเผมขันบูลJ |")
    []

    A number no indicator has before a name is a question row's code read with debris (``๐๒๕ แผนปฏิบัติ…``
    under a signature): only a name as close as a heading with no number decides then.

    >>> parse_indicator_heading("73พนบฏิตการป้องกันการทุจริต"), parse_indicator_heading("3.การใช้อำนาจ")[0].number
    ([], 3)
    >>> parse_indicator_heading("33.การใช้อำนาจ")[0].number
    3
    >>> parse_indicator_heading("๑7 Aw วชวan 8 การปรับปรุงการทำงาน 3)")[0].number  # the indicator's number in it
    8
    """
    line = line.strip()
    if not line or len(line) > MAX_HEADING_CHARS or "\t" in line:
        return []
    heads = list(_RE_HEADING.finditer(line))
    if heads:
        if _RE_WORD_CHAR.search(line[: heads[0].start()]):
            return []  # the heading word must open the line (specks OCR read before it aside)
        out = []
        for i, h in enumerate(heads):
            end = heads[i + 1].start() if i + 1 < len(heads) else len(line)
            printed = _printed(h.group("num")) if h.group("num") else None
            two = _two_names(line[h.end():end], printed, h.group("num2"))
            if two:
                out += two
                continue
            second = _printed(h.group("num2")) if h.group("num2") else None
            if printed and second and 1 <= printed <= 10 and 1 <= second <= 10 and not line[h.end():end].strip():
                out += [HeadingMatch(n, n, CANONICAL[n]) for n in (printed, second)]  # "ตัวชี้วัดที่ 9 และ 10"
                continue
            found = _heading_name(line[h.end():end])
            if found:
                out.append(HeadingMatch(printed, found.number, found.name))
            elif printed is not None and 1 <= printed <= 10 and not line[h.end():end].strip(" และ"):
                out.append(HeadingMatch(printed, printed, CANONICAL[printed]))
            elif printed is not None and _name_agrees(line[h.end():end], printed):
                out.append(HeadingMatch(printed, printed, CANONICAL[printed]))
            else:
                return []
        return out
    m = _RE_NUMBERED.match(line)
    if m:
        # a number no indicator has (a question's code read as ``73`` before its text, ``๐๒๕ แผนปฏิบัติการป้องกัน
        # การทุจริต`` under a signature) vouches for nothing: the name must then be as close as one with no number
        plausible = 1 <= _printed(m.group("num")) <= 10
        name = _RE_TRAILING.sub("", m.group("name"))
        found = match_indicator(name, MIN_SCORE)
        if found and not plausible and not _names_number(name, found.number):
            # ... unless the indicator's own number stands in it (a stamp's specks before ``8 การปรับปรุงการทำงาน``)
            found = match_indicator(name, GARBLED_MIN_SCORE)
        if found:
            return [HeadingMatch(_printed(m.group("num")), found.number, found.name)]
    return _garbled_heading(line)


#: How many characters of debris (a stamp's, read as ``ม 7`` or ``AVIAN``) may stand before the heading
#: word in a table's heading row, a cell that holds nothing else; never a Thai word. Up to
#: ``CELL_SPECKS_MAX`` characters when they are specks: short tokens (``๑7, ae 7 yw om``) of at most
#: ``SPECK_TOKEN_MAX`` characters each.
CELL_DEBRIS_MAX = 12
CELL_SPECKS_MAX = 24
SPECK_TOKEN_MAX = 3


def _debris_only(prefix: str) -> bool:
    """
    >>> _debris_only("๑7, ae 7 yw om "), _debris_only("ม 7 "), _debris_only("AVIAN ")
    (True, True, True)
    >>> _debris_only("จัดทำคู่มือ "), _debris_only("No Gift Policy ")
    (False, False)
    >>> _debris_only("ณัฆ3 ฆ์ aw 8 "), _debris_only("ชี้ว 8 awa va ")
    (True, True)
    """
    if _RE_THAI_WORD.search(prefix) or len(prefix) > CELL_SPECKS_MAX:
        return False
    # a speck's length without its marks, which take no room of their own (``ชี้ว``, ``ณัฆ3``: a line of a stamp)
    return len(prefix) <= CELL_DEBRIS_MAX or all(len(_RE_MARK.sub("", t)) <= SPECK_TOKEN_MAX for t in prefix.split())


def _names_number(text: str, number: int) -> bool:
    """Whether ``number`` stands as a number of its own in ``text``.

    >>> _names_number("Aw วชวan 8 การปรับปรุงการทำงาน 3)", 8), _names_number("พนบฏิตการป้องกันการทุจริต", 10)
    (True, False)
    >>> _names_number("18 การปรับปรุง", 8), _names_number("๘ การปรับปรุง", 8)
    (False, True)
    """
    return bool(re.search(rf"(?<![0-9]){number}(?![0-9])", thai_digits_to_arabic(text)))


def heading_number_only(line: str) -> int | None:
    """The number a line printed as an indicator heading gives when its name is unreadable.

    The heading word and a number from 1 to 10 open the line, and no
    indicator's name follows that :func:`parse_indicator_heading` could
    match (OCR garbled it). Such a number is only a hint: reports number
    their headings their own way, so a caller takes it only where the
    order of the indicators around it agrees.

    >>> heading_number_only("ตัวชี้วัดที่4 ไส้กวตตสนะตศก")
    4
    >>> heading_number_only("ตัวชี้วัดที่ 4 การใช้ทรัพย์สินของราชการ"), heading_number_only("ตัวชี้วัด 12 ข้อ")
    (None, None)
    >>> heading_number_only("จัดทำคู่มือ ตัวชี้วัดที่ 4 ไส้กวตตสนะตศก")

    The heading word garbled too (a mark read as a bar: ``ตัว| วัดกี``), the number alone after it with at
    most the tool's tag (``(EIT)``), still gives its number; a word unlike the heading word does not:

    >>> heading_number_only("ตัว| วัดกี 8 (EIT)"), heading_number_only("ตัว| วัดกี 8")
    (8, 8)
    >>> heading_number_only("ตัว| วัดกี 8 มีผู้รับบริการ"), heading_number_only("จำนวน 8 (EIT)"), heading_number_only("ตัวอย่าง 3")
    (None, None, None)
    """
    line = line.strip()
    if parse_indicator_heading(line):
        return None
    m = _RE_HEADING.match(line)
    if m is None:
        m = _RE_GARBLED_NUMBER_ONLY.match(line)
        if m is None or not _like_heading_word(m["word"]):
            return None
    elif not m["num"] or m["num2"]:
        return None
    n = _printed(m["num"])
    return n if 1 <= n <= 10 else None


#: A heading word garbled past :data:`_RE_HEADING` (specks and bars among its letters), a number, and nothing after
#: it but the tool's tag in brackets: the line of a heading whose name OCR lost (:func:`heading_number_only`).
_RE_GARBLED_NUMBER_ONLY = re.compile(rf"^(?P<word>[^0-9{charset(DIGITS)}]{{3,16}}?)\s*(?P<num>[0-9{charset(DIGITS)}]{{1,2}})"
                                     rf"(?![0-9{charset(DIGITS)}])\s*(?:\([A-Za-z0-9 ]*\)?)?\s*$")


def parse_heading_cell(text: str) -> list[HeadingMatch]:
    """The indicator heading(s) of a table row's only filled cell, specks OCR read before it allowed.

    >>> [h.number for h in parse_heading_cell("ม 7 ตัวชี้วัดที่ 6 คุณภาพการดำเนินงาน")]
    [6]
    >>> parse_heading_cell("จัดทำคู่มือ ตัวชี้วัดที่ 6 คุณภาพการดำเนินงาน")
    []
    >>> [h.number for h in parse_heading_cell("vi รูปบเล้: ตัวชีวัดที่ 10 การป้องกันการทุจริต (011)")]
    [10]
    >>> [h.number for h in parse_heading_cell("๑7, ae 7 yw om ตัวชีวัดที่ 4 : การใช้ทรัพย์สินของราชการ")]
    [4]

    A heading word OCR garbled past its pattern (a stamp, blur) still opens the heading of a cell
    alone in its row when its letters are close to ตัวชี้วัดที่'s and a name follows:

    >>> [h.number for h in parse_heading_cell("ตัวรี่วัดข์| การปฏิบัติหน้าข็")]
    [1]
    >>> [h.number for h in parse_heading_cell("ตัวชีวค่ที่A: ถ้ารปรับปจังกชร์ทำงาน")]
    [8]
    >>> [h.number for h in parse_heading_cell("ตัวขีวัดที่« การเปิดโผข้อัผัฒแล้ว |")]
    [9]
    >>> parse_heading_cell("ตรวจสอบ การปฏิบัติหน้าข็"), parse_heading_cell("ตัวรี่วัดข์| จัดทำคู่มือการให้บริการ")
    ([], [])

    A heading numbered ``๙.`` whose number OCR read as a bracket or a speck (``(การเจิดเผยข้อมูล``): the name
    after it, as a line holding only a name:

    >>> parse_heading_cell("(การเจิดเผยข้อมูล"), parse_heading_cell("(จัดทำคู่มือการให้บริการ")
    ([HeadingMatch(printed_number=None, number=9, name='การเปิดเผยข้อมูล')], [])
    """
    found = parse_indicator_heading(text)
    if found:
        return found
    text = text.strip()
    if (lead := _RE_LEADING_SIGNS.match(text)) and (found := parse_indicator_heading(text[lead.end():])):
        return found
    for m in _RE_HEADING.finditer(text[:CELL_SPECKS_MAX + 20]):
        if 0 < m.start() and _debris_only(text[:m.start()]):
            return parse_indicator_heading(text[m.start():])
        if 0 < m.start() and _no_words(text[:m.start()]):
            # debris that reads as Thai letters: the heading must then name the indicator it numbers
            found = parse_indicator_heading(text[m.start():])
            return [h for h in found if h.printed_number == h.number]
    return _garbled_heading_word(text)


#: Signs OCR may make of a heading's number before its name (a bracket, a bar, a quote): no letter, no digit.
_RE_LEADING_SIGNS = re.compile(r"^[(\[{|«»'\"“”‘’.,:;\s]+")


#: Letters before a heading word in a cell alone in its row are debris (a stamp's ring, a signature
#: read as Thai letters) when at most this share of their consonants falls into dictionary words.
DEBRIS_WORDS_MAX = 0.5


def _no_words(prefix: str) -> bool:
    """
    >>> _no_words("vi รูปบเล้: "), _no_words("จัดทำคู่มือ "), _no_words("ตรวจสอบทุกไตรมาส และรายงานผลต่อผู้บริหาร ")
    (True, False, False)
    """
    return len(prefix) <= CELL_SPECKS_MAX and dictionary_share(prefix) <= DEBRIS_WORDS_MAX


#: In a cell alone in its table row, a heading word OCR garbled past :data:`_RE_HEADING` (``ตัวรี่วัดข์``)
#: still opens a heading when its letters are this close to ตัวชี้วัดที่'s; the name after it must then
#: match as a name after the heading word does (:data:`AFTER_HEADING_MIN`, or agree with the number).
HEADING_WORD_MIN = 65.0
#: ... or, its number lost too, be at least this close to one indicator's name and closer by
#: :data:`NUMBERED_NAME_MARGIN` than to any other (``การเปิดโผข้อัผัฒแล้ว``).
GARBLED_WORD_NAME_MIN = 60.0
_HEADING_WORD_LETTERS = "".join(ch for ch in "ตัวชี้วัดที่" if ch in LETTERS)
_RE_GARBLED_WORD = re.compile(rf"(?P<word>[^\s|:.]{{4,16}})[\s|:.]*(?P<num>[0-9{charset(DIGITS)}]{{1,2}}(?![0-9{charset(DIGITS)}]))?"
                              r"[\s|:.]*(?P<rest>.+)$")


def _like_heading_word(word: str) -> bool:
    """Whether a word's letters are :data:`HEADING_WORD_MIN` alike ตัวชี้วัดที่'s (OCR garbled the heading word)."""
    return fuzz.ratio("".join(ch for ch in word if ch in LETTERS), _HEADING_WORD_LETTERS) >= HEADING_WORD_MIN


def _garbled_heading_word(text: str) -> list[HeadingMatch]:
    m = _RE_GARBLED_WORD.match(text)
    if not m or not _like_heading_word(m["word"]):
        return []
    printed = _printed(m["num"]) if m["num"] else None
    found = _heading_name(m["rest"])
    if found:
        return [HeadingMatch(printed, found.number, found.name)]
    if printed is not None and _name_agrees(m["rest"], printed):
        return [HeadingMatch(printed, printed, CANONICAL[printed])]
    key = _key(_RE_TRAILING.sub("", m["rest"]))
    if key:
        (best, n), (second, _) = _scores(key)[:2]
        if best >= GARBLED_WORD_NAME_MIN and best - second >= NUMBERED_NAME_MARGIN:
            return [HeadingMatch(printed, n, CANONICAL[n])]  # a name far closer to one indicator than to any other
    return []


_RE_MARK = re.compile(f"[{MARKS}]")
# Three Thai letters in a row: a word, not specks.
_RE_THAI_WORD = re.compile(r"[ก-ฮ][\u0e30-\u0e4e]*[ก-ฮ][\u0e30-\u0e4e]*[ก-ฮ]")


#: OCR may turn the heading word into noise ("AVIAN 2 การใช้งบประมาณ",
#: "1ัวชีวัดที การใช้ทรัพย์สินของราชการ"): a short line that ENDS with an
#: indicator's name, nearly exact, after at most this many characters.
GARBLED_PREFIX_MAX = 24
GARBLED_MIN_SCORE = 90.0
# The name part: from a Thai letter after a space or a number, to the end.
_RE_NAME_TAIL = re.compile(rf"(?P<name>[{charset(LETTERS, LEAD_VOWELS)}][^0-9{charset(DIGITS)}]*)$")


def _garbled_heading(line: str) -> list[HeadingMatch]:
    """
    >>> _garbled_heading("AVIAN 2 การใช้งบประมาณ")
    [HeadingMatch(printed_number=None, number=2, name='การใช้งบประมาณ')]
    >>> _garbled_heading("ตัวขึ๊วั๑7 ดที่ « การเปิดเผยข้อมูล และ")[0].number
    9
    >>> _garbled_heading("หน่วยงานควรปรับปรุงการใช้งบประมาณ")
    []

    The tool's tag after the name, misread into digits ("(IIT)" as "(11.1)"),
    is no part of the name and leaves it at the line's end:

    >>> _garbled_heading("3ัวชีวัดที่ การใช้อํานาจ (11.1)")[0].number
    3

    A name OCR garbled more (``การปรบปรุงการท่างาน``) still decides when the number printed
    before it is that indicator's: two readings that agree.

    >>> _garbled_heading("วัชวัดท 8 การปรบปรุงการท่างาน")
    [HeadingMatch(printed_number=8, number=8, name='การปรับปรุงการทำงาน')]
    >>> _garbled_heading("วัชวัดท 7 การปรบปรุงการท่างาน"), _garbled_heading("8 การปรบปรุงการท่างาน")
    ([], [])
    """
    line = _RE_TRAILING.sub("", line)
    best: tuple[IndicatorMatch, int] | None = None
    for start in range(min(len(line), GARBLED_PREFIX_MAX + 1)):
        m = _RE_NAME_TAIL.match(line, start)  # every start: candidates overlap
        if not m or (start and not re.match(rf"[\s0-9{charset(DIGITS)}«»|.:]", line[start - 1])):
            continue
        name = _RE_TRAILING.sub("", m.group("name"))
        found = match_indicator(name, min_score=GARBLED_MIN_SCORE)
        if found is None and (num := _RE_NUMBER_BEFORE.search(line[:start])) and line[:num.start()].strip():
            agreeing = match_indicator(name, min_score=AFTER_HEADING_MIN)
            if agreeing is not None and agreeing.number == _printed(num.group("num")):
                return [HeadingMatch(agreeing.number, agreeing.number, agreeing.name)]
        if found and (best is None or found.score > best[0].score):
            best = (found, start)
    if best is None:
        return []
    found, _ = best
    # the number of a garbled heading is as unreliable as its heading word
    return [HeadingMatch(None, found.number, found.name)]


# The number a garbled heading word leaves right before the name (``วัชวัดท 8 ``).
_RE_NUMBER_BEFORE = re.compile(rf"(?<![0-9{charset(DIGITS)}])(?P<num>[0-9{charset(DIGITS)}]{{1,2}})\s*[.:)]?\s*$")
