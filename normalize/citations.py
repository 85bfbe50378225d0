"""OIT items cited in an analysis, checked against the words that name them.

A guideline cites an OIT item after naming it: ``เผยแพร่ข้อมูลสถิติการให้บริการ
(อ้างอิงจาก o15)``. The item's own text in the year's questionnaire
(``normalize/questionnaire.py``) is evidence independent of the code's digits:
OCR reads ``o19`` as ``o13``, ``o10`` as ``o1`` or the code as letters
(``am``), but the words before the citation survive. A code is changed only
when that evidence is clear:

* the words name one item of the year plainly (long stretches of its text, or
  nearly all of a short one, well ahead of every other item);
* a code read as another item is changed to the named one only when the two
  differ by one digit (a digit misread, added or lost) and the words name the
  read item's text hardly at all;
* an item read as no code (a label with letters after it, a lone ``0``) is the
  named item;
* of a citation of two items, one one digit away from the other's neighbour (an item
  of the year) is that neighbour, when the words hardly name it as read (``o10 ,o1``
  is ``o10 ,o11``: a plan and its report are cited together); when either item could
  be the misread, both stay.

The naming words are those of the clause that ends at the citation: they start
after the citation before, a part label, or a word opening a clause (``และ``,
``นอกจากนี้``), at most :data:`NAMING_WINDOW` characters back.

Anything less clear keeps the code as read.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher
from collections.abc import Collection, Sequence
from functools import lru_cache

from rapidfuzz.distance import Levenshtein

from normalize import questionnaire
from normalize.codes import QuestionCode, citations
from normalize.thaichars import DIGIT_LOOKALIKES

__all__ = ["NAMING_WINDOW", "CheckedReferences", "checked_references", "item_named"]

#: How far back (characters) the words naming a cited item are looked for; no further than the citation before.
NAMING_WINDOW = 60
#: Common stretches shorter than this (characters) are no evidence (``การ``, ``ของ``).
STRETCH_MIN = 5
#: So many characters of an item's text (spaces dropped) held by the words name it ...
NAMED_CHARS = 15
#: ... when they are this share of its text at least (a long item is not named by a generic stretch) ...
NAMED_CHARS_SHARE = 0.4
#: ... or this share of a short item's text (and at least NAMED_MIN_CHARS characters).
NAMED_SHARE = 0.8
NAMED_MIN_CHARS = 6
#: The named item holds at least this many characters more than any other item,
#: or this many times as long.
NAMED_MARGIN = 6
NAMED_RATIO = 1.3
#: An item whose whole text the words hold is named when they hold no more than this share of any other's.
WHOLE_OTHERS_SHARE = 0.7
#: The read item is named "hardly at all": no more of its text held than this share (or 5 characters).
READ_WEAK_SHARE = 0.35

_RE_SPACE = re.compile(r"\s+")
#: A word opening a clause after a space: the words naming a cited item start after the last one.
_RE_CLAUSE = re.compile(r"\s(?:และ|นอกจากนี้|รวมถึง|อีกทั้ง|ทั้งนี้|ดังนั้น)")
#: A word that lists another thing after the one named, with or without a space before it (OCR drops spaces).
_RE_LISTED = re.compile(r"(?:และ|หรือ|รวมถึง|ตลอดจน)")


@dataclass(frozen=True)
class CheckedReferences:
    """The references of a text in order of first citation, and one note per code changed."""

    references: tuple[str, ...]
    notes: tuple[str, ...]


@lru_cache(maxsize=8)
def _items(fiscal_year: int) -> tuple[tuple[str, str], ...]:
    return tuple((q.code, _RE_SPACE.sub("", q.text)) for q in questionnaire.questions(fiscal_year, "OIT"))


def _stretch(a: str, b: str) -> int:
    """How much of ``a`` the words ``b`` hold: the characters of the common stretches of at least
    :data:`STRETCH_MIN` characters, longest first, in the same order in both (``ระบบการให้บริการ
    ผ่านช่องทางออนไลน์`` holds ``การให้บริการ`` and ``ออนไลน์`` of ``พัฒนาช่องทางการให้บริการออนไลน์``).

    >>> _stretch("ระบบการให้บริการผ่านช่องทางออนไลน์", "พัฒนาช่องทางการให้บริการออนไลน์")
    19
    """
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    held, todo = 0, [(0, len(a), 0, len(b))]
    while todo:
        a0, a1, b0, b1 = todo.pop()
        m = matcher.find_longest_match(a0, a1, b0, b1)
        if m.size < STRETCH_MIN:
            continue
        held += m.size
        todo += [(a0, m.a, b0, m.b), (m.a + m.size, a1, m.b + m.size, b1)]
    return held


def item_named(fiscal_year: int, words: str, among: Collection[str] | None = None) -> str | None:
    """The one OIT item of ``fiscal_year`` (of the codes ``among``, when given) the ``words`` (before a
    citation) plainly name, or None.

    >>> item_named(2568, "นอกจากนี้ เผยแพร่ข้อมูลสถิติการให้บริการ ")
    'o11'
    >>> item_named(2566, "ผ่านระบบ E-Service "), item_named(2566, "ประชาสัมพันธ์ระบบ E-Service ")
    ('o17', None)
    >>> item_named(2568, "ให้บริการ "), item_named(2400, "ข้อมูลสถิติการให้บริการ")  # too little; no questionnaire
    (None, None)
    >>> item_named(2567, "เผยแพร่แผนดำเนินงานประจำปี ")  # o5 whole; o7 รายงานผลการดำเนินงานประจำปี in part
    'o5'

    """
    if fiscal_year not in questionnaire.fiscal_years():
        return None
    words = _RE_SPACE.sub("", words)
    scored = sorted(((_stretch(text, words), code, len(text)) for code, text in _items(fiscal_year)
                     if among is None or code in among), reverse=True)
    if not scored:
        return None
    (best, code, size), runner_up = scored[0], scored[1][0] if len(scored) > 1 else 0
    plain = (best >= NAMED_CHARS and best >= NAMED_CHARS_SHARE * size) or (
        best >= NAMED_MIN_CHARS and best >= NAMED_SHARE * size)
    ahead = best - runner_up >= NAMED_MARGIN or best >= NAMED_RATIO * runner_up
    if plain and not ahead and best >= NAMED_CHARS and best == size:
        # named whole ("แผนดำเนินงานประจำปี"), against items of which the words hold a part only
        # ("รายงานผลการดำเนินงานประจำปี" shares "ดำเนินงานประจำปี")
        ahead = all(held <= WHOLE_OTHERS_SHARE * other for held, other_code, other in scored[1:] if other_code != code)
    return code if plain and ahead else None


def _hardly_named(fiscal_year: int, code: str, words: str) -> bool:
    text = dict(_items(fiscal_year)).get(code)
    if text is None:
        return True
    return _stretch(text, _RE_SPACE.sub("", words)) <= max(5, READ_WEAK_SHARE * len(text))


def _one_digit_apart(a: str, b: str) -> bool:
    return a[0] == b[0] and Levenshtein.distance(a[1:], b[1:]) == 1


#: A code no item of the year bears is the near item whose text the words cover so many times the
#: share of any other near item's.
COVERED_RATIO = 1.4
#: ... and at least this share of its text (and NAMED_CHARS characters).
COVERED_SHARE = 0.6


def _most_covered(fiscal_year: int, words: str, near: Collection[str]) -> str | None:
    """Of the items ``near`` a code no item bears (``o67``: o6, o7), the one the words name plainly by
    the share of its text they hold, well ahead of the others' (``รายงานผลการดำเนินงาน`` covers
    รายงานผลการดำเนินงานประจำปี, not รายงานการกำกับติดตามการดำเนินงาน รอบ 6 เดือน, though as many
    characters of each)."""
    flat = _RE_SPACE.sub("", words)
    texts = dict(_items(fiscal_year))
    shares = sorted(((_stretch(texts[c], flat) / len(texts[c]), _stretch(texts[c], flat), c) for c in near),
                    reverse=True)
    share, held, code = shares[0]
    plain = held >= NAMED_CHARS and share >= COVERED_SHARE
    ahead = len(shares) == 1 or share >= COVERED_RATIO * shares[1][0]
    return code if plain and ahead else None


def _misread_of(fiscal_year: int, read: str, words: str) -> str | None:
    """The item ``read`` misreads: of the items one digit away from it, the one the words plainly name,
    when they hardly name ``read`` itself."""
    near = [code for code, _ in _items(fiscal_year) if _one_digit_apart(code, read)]
    named = item_named(fiscal_year, words, [read, *near]) if near else None
    if named is None and near and read not in dict(_items(fiscal_year)):
        named = _most_covered(fiscal_year, words, near)
    if named in (None, read) or not _hardly_named(fiscal_year, read, words) \
            or _listed_after(dict(_items(fiscal_year))[named], words):
        return None
    # words that plainly name another item of the year, not one digit away, name no misread
    # ("เผยแพร่แผนดำเนินงานประจำปี (อ้างอิงจาก o6 o10)" names o10, not o36 by a stretch of ประจำปี)
    return named if item_named(fiscal_year, words) in (None, named) else None


def _listed_after(text: str, words: str) -> bool:
    """Whether the ``words`` go on, after the last stretch they hold of an item's ``text``, to list another
    thing (``แผนดำเนินงานประจำปีและรายงานความก้าวหน้า``: a plan named, and a report): the citation after
    them may cite that other thing, so the named item is no clear evidence against the code read.

    >>> _listed_after("แผนดำเนินงานประจำปี", "ตามแผนดำเนินงานประจำปีและรายงานความก้าวหน้า ")
    True
    >>> _listed_after("แผนดำเนินงานประจำปี", "เผยแพร่แผนดำเนินงานประจำปี "), _listed_after("แผนดำเนินงานประจำปี", "แผนดำเนินงานประจำปีและ")
    (False, False)
    """
    flat = _RE_SPACE.sub("", words)
    matcher = SequenceMatcher(None, text, flat, autojunk=False)
    ends = [m.b + m.size for m in matcher.get_matching_blocks() if m.size >= STRETCH_MIN]
    if not ends:
        return False
    tail = flat[max(ends):]
    listed = _RE_LISTED.match(tail)
    return listed is not None and len(tail) - listed.end() >= STRETCH_MIN


def checked_references(text: str, fiscal_year: int | None, breaks: Sequence[int] = ()) -> CheckedReferences:
    """The OIT codes ``text`` cites (as :func:`normalize.codes.oit_references` reads them), each first item
    of a citation checked against the item the words before it name (see the module's doc). The words
    naming an item reach back no further than the citation before, nor than a break (the offsets in
    ``text`` where a part starts: the cause, the guideline).

    >>> r = checked_references("ให้มีส่วนร่วมในการดำเนินงาน (อ้างอิงจาก o13) และ", 2569)  # o19 read o13
    >>> r.references, r.notes[0][:40]
    (('o19',), 'o13 cited after words that name o19 (ผลก')
    >>> checked_references("เผยแพร่ข้อมูลการติดต่อของหน่วยงาน (อ้างอิงจาก am) ใน", 2568).references  # read as letters
    ('o3',)
    >>> checked_references("เปิดเผยหลักเกณฑ์การบริหารและพัฒนาทรัพยากรบุคคล (อ้างอิงจาก o25) ให้", 2566).references
    ('o25',)
    >>> checked_references("รายงานผลการดำเนินการเพื่อจัดการความเสี่ยง (อ้างอิงจาก 0 o38) ภายใน", 2566).references
    ('o37', 'o38')
    >>> t = "ไม่ทราบข้อมูลการติดต่อ แนวทาง : ให้ชัดเจน (อ้างอิงจาก am)"
    >>> checked_references(t, 2568).references, checked_references(t, 2568, [t.index(":")]).references
    (('o3',), ())
    """
    cites = citations(text)
    if fiscal_year not in questionnaire.fiscal_years():
        return CheckedReferences(tuple(dict.fromkeys(c for cite in cites for c in cite.items if c)), ())
    refs: list[str] = []
    notes: list[str] = []
    last = 0
    for cite in cites:
        words = text[max(last, cite.start - NAMING_WINDOW, *(b for b in breaks if b <= cite.start)):cite.start]
        words = words[max((m.end() for m in _RE_CLAUSE.finditer(words)), default=0):]
        last = cite.end
        items = list(cite.items)
        if items and items[0] is not None:
            misread = _misread_of(fiscal_year, items[0], words)
            if misread:
                notes.append(_note_misread(fiscal_year, items[0], misread))
                items[0] = misread
        elif (named := item_named(fiscal_year, words) if words.strip() else None) is not None:
            after = items[1] if len(items) > 1 else None
            pair = after and QuestionCode.of(after) is not None and named in (
                QuestionCode.of(after).next().format(), _before(after))
            if after and named != after and not pair and not _hardly_named(fiscal_year, after, words):
                # "ทรัพยากรบุคคล (อ้างอิงจาก 0 o25)" after words that name o25 as well as o27 (no item cited
                # beside o25): the 0 is the circle of o25 read twice, no code of its own
                notes.append(f"A lone 0 before {after}, which the words before name too, was read as its circle.")
                items = items[1:]
            elif after and _misread_of(fiscal_year, after, words) == named \
                    and QuestionCode.of(named).next().format() != after:
                # "0 o11" after words naming o16: a stray circle before o16 misread (o16 cited with o17 reads "0 o17")
                notes.append(_note_misread(fiscal_year, after, named))
                items[1] = named
            else:
                notes.append(f"A citation read with no code, after words that name {named} "
                             f"({_label(fiscal_year, named)}), was taken as {named}.")
                items[0:1] = [named]
        lost = _lost_second(fiscal_year, items, text[cite.start:cite.end])
        if lost:
            notes.append(f"A citation of two items whose second was read as no code (after {items[0]}) was taken "
                         f"as {lost}, the item next to {items[0]}: a plan and its report are cited together.")
            items[1] = lost
        cited = text[cite.start:cite.end + 1]  # with the sign after it
        # a code read on into a letter Tesseract writes for a digit ("o1ฒ"): a digit of it was lost
        cut = {c for c in items if c and re.search(re.escape(c) + f"[{DIGIT_LOOKALIKES}]", cited)}
        for k, fixed in _pair_misreads(fiscal_year, items, words, cut).items():
            notes.append(f"{items[k]} cited beside {items[k - 1] if k else items[1]}, near the item next to it "
                         f"({fixed}) and hardly named by the words before: read as a misread of it.")
            items[k] = fixed
        for k in reversed(_split_reads(items)):
            notes.append(f"{items[k]} cited between {items[k - 1]} and {items[k + 1]}, which run in order, is "
                         f"{items[k + 1]} read twice, its last digit lost: left out.")
            del items[k]
        for code in items:
            if code and code not in refs:
                refs.append(code)
    return CheckedReferences(tuple(refs), tuple(notes))


def _lost_second(fiscal_year: int, items: Sequence[str | None], cited: str) -> str | None:
    """The item after the first of a citation of two, listed (a comma, และ), whose second OCR read as
    no code (``000,000`` after words naming o10, ``o10,0``): the first's neighbour, when it is an item
    of the year (a ``0`` after a code with no list sign is a speck)."""
    if len(items) != 2 or not items[0] or items[1] is not None or QuestionCode.of(items[0]) is None \
            or not re.search(r",|และ", cited):
        return None
    after = QuestionCode.of(items[0]).next().format()
    return after if after in dict(_items(fiscal_year)) and items[0] in dict(_items(fiscal_year)) else None


def _pair_misreads(fiscal_year: int, items: Sequence[str | None], words: str,
                   cut: Collection[str] = ()) -> dict[int, str]:
    """The items of a citation of two that misread the item next to the other (``o10 ,o1`` for
    ``o10 ,o11``, ``o23,o25`` for ``o23,o24``, ``o1 และ o12`` for ``o11 และ o12``): a questionnaire
    lists an item's plan and its report side by side and a guideline cites them together. Only an
    item one digit away from the other's neighbour, which is an item of the year, or no item of the year
    (``o10,o30`` for ``o10,o11`` in a year of 28 items), when the words before the citation hardly name the
    item as read; never both, unless the words hold clearly more of one; an item read twice
    (``015015``) is one and the neighbour the words name.
    """
    codes = [c for c in items if c]
    if len(items) != 2 or len(codes) != 2:
        return {}
    known = dict(_items(fiscal_year))
    first, second = QuestionCode.of(codes[0]), QuestionCode.of(codes[1])
    if first is None or second is None or first.letter != second.letter:
        return {}
    if codes[0] == codes[1]:
        # one item read twice ("015015" for o14,o15): the other is its neighbour the words name
        before, after = _before(codes[0]), first.next().format()
        named = item_named(fiscal_year, words, [c for c in (before, codes[0], after) if c in known])
        return {0: named} if named == before else {1: named} if named == after else {}
    out = {}
    after = first.next().format()
    if second.number != first.number + 1 and after in known and _near(codes[1], after, known) \
            and codes[0] in known and (codes[1] in cut or _hardly_named(fiscal_year, codes[1], words)):
        out[1] = after
    before = f"{second.letter}{second.number - 1}"
    if second.number > 1 and first.number != second.number - 1 and before in known \
            and _near(codes[0], before, known) and codes[1] in known \
            and (codes[0] in cut or _hardly_named(fiscal_year, codes[0], words)):
        out[0] = before
    if len(out) == 2:
        # either could be the misread: the one the words hold clearly less of ("รายการจัดซื้อจัดจ้าง (อ้างอิงจาก
        # o23, o25)": o23 สรุปผลการจัดซื้อจัดจ้าง... in part, o25 นโยบายการบริหารทรัพยากรบุคคล not at all)
        flat = _RE_SPACE.sub("", words)
        held = [_stretch(known[c], flat) for c in codes]
        out = {k: v for k, v in out.items() if held[1 - k] - held[k] >= NAMED_MARGIN}
    return out if len(out) == 1 else {}


def _near(read: str, item: str, known: Collection[str]) -> bool:
    """Whether ``read`` may misread ``item``: one digit away, or no item of the year with as many digits
    (``o30`` for o11 in a year of 28 items: ๑ and ๓ look alike)."""
    return _one_digit_apart(read, item) or (read not in known and len(read) == len(item) and read[0] == item[0])


def _split_reads(items: Sequence[str | None]) -> list[int]:
    """The items of a citation of three or more that are the next item read a second time, its last
    digit lost (``o9,o1 ,o10``: o9 and o10 side by side, o1 a part of o10): listed items run in order."""
    out = []
    for k in range(1, len(items) - 1):
        a, b, before = items[k], items[k + 1], QuestionCode.of(items[k - 1])
        if a and b and before is not None and len(b) == len(a) + 1 and b.startswith(a) \
                and before.next().format() == b:
            out.append(k)
    return out


def _before(code: str) -> str | None:
    q = QuestionCode.of(code)
    return f"{q.letter}{q.number - 1}" if q is not None and q.number > 1 else None


def _note_misread(fiscal_year: int, read: str, named: str) -> str:
    return (f"{read} cited after words that name {named} ({_label(fiscal_year, named)}), one digit away: "
            "read as a misread of it.")


def _label(fiscal_year: int, code: str) -> str:
    return dict(_items(fiscal_year))[code][:30]
