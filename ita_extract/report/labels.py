"""The labels of an analysis cell: how reports word them, and where they stand.

An analysis cell names the lowest-scoring question(s), the cause and the way
to raise the score, each after a label. Reports word the labels in many
ways (``สาเหตุ``, ``สาเหตุเกิดจาก``, ``สาเหตุที่ได้คะแนนน้อย``;
``แนวทางการยกระดับผลการประเมินฯ``, ``แนวทางการพัฒนา``, ``ข้อเสนอแนะ``...),
with or without a colon, on a line of their own or run on with the text, and
a narrow column wraps them (``แนวทางการยกระดับผลการประ`` / ``เมินฯ``).

:data:`LABELS` is the one registry of that vocabulary. A phrase counts as a
label by its place: it opens a paragraph, or a colon follows it, or it is a
phrase no running text uses (``strong``) standing as a word of its own.
Matching tolerates stray spaces and OCR's mark errors (letters must match,
marks may be lost or swapped), and a fuzzy pass finds labels OCR garbled.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from normalize.thaichars import BASES, BLOCK, LETTERS, MARKS, SARA_AA, SARA_AM, charset

LOWEST = "lowest"
CAUSE = "cause"
GUIDELINE = "guideline"
#: The order the three parts take in an analysis cell.
ORDER = (LOWEST, CAUSE, GUIDELINE)


@dataclass(frozen=True)
class Phrase:
    """One wording of a label; ``strong`` when running text never uses it."""

    text: str
    strong: bool = False


#: Every wording of each label seen in reports (spaces are ignored); the
#: first of each kind is the usual one, which the fuzzy pass looks for.
LABELS: dict[str, tuple[Phrase, ...]] = {
    LOWEST: (
        Phrase("ข้อคำถามที่ได้คะแนนน้อยที่สุด", strong=True),
        Phrase("ประเด็นข้อคำถามที่ได้คะแนนน้อยที่สุด", strong=True),
        Phrase("ข้อคำถามที่มีคะแนนน้อยที่สุด", strong=True),
        Phrase("ข้อคำถามที่ได้คะแนนต่ำที่สุด", strong=True),
        Phrase("ข้อคำถามที่ได้คะแนนน้อย", strong=True),
        Phrase("ประเด็นที่ได้คะแนนน้อยที่สุด", strong=True),
        Phrase("ข้อที่ได้คะแนนน้อยที่สุด", strong=True),
        Phrase("คะแนนน้อยที่สุด"),
    ),
    CAUSE: (
        Phrase("สาเหตุเกิดจาก", strong=True),
        Phrase("สาเหตุที่ได้คะแนนน้อยเกิดจาก", strong=True),
        Phrase("สาเหตุที่ได้คะแนนน้อย", strong=True),
        Phrase("สาเหตุที่ได้คะแนนต่ำ", strong=True),
        Phrase("สาเหตุที่เกิดจาก", strong=True),
        Phrase("สาเหตุของปัญหา"),
        Phrase("สาเหตุ"),
    ),
    GUIDELINE: (
        Phrase("แนวทางการยกระดับผลการประเมิน", strong=True),
        Phrase("แนวทางการยกระดับคะแนน", strong=True),
        Phrase("แนวทางการยกระดับ", strong=True),
        Phrase("แนวทางการพัฒนาปรับปรุง"),
        Phrase("แนวทางการพัฒนา"),
        Phrase("แนวทางการแก้ไขปัญหา"),
        Phrase("แนวทางการแก้ไข"),
        Phrase("แนวทางการปรับปรุง"),
        Phrase("แนวทางแก้ไข"),
        Phrase("ข้อเสนอแนะ"),
    ),
}

#: Words a guideline opens with and a cause never uses ("therefore", "the agency / the executives
#: should"): where OCR lost the guideline's label, the guideline starts at the first of them.
GUIDELINE_OPENERS: tuple[str, ...] = ("ดังนั้น", "หน่วยงานควร", "ผู้บริหารควร")

#: Thai vowel and tone marks (a regex class body): OCR drops, adds or swaps them.
_MARKS = re.escape(MARKS)
#: Specks OCR reads between a label's letters (a regex class body): dust or a stroke's end read as
#: ``.`` ``'`` ``|`` where a line wraps (``สาเหตุเกิด .`` / ``จาก :``). Never a colon: it closes a label.
_SPECKS = re.escape(".,'`|")


def label_regex(words: str) -> str:
    """A regex for a phrase, tolerant of stray spaces and of OCR's mark errors.

    Letters must match; each mark may be missing or another mark, and stray
    marks or spaces (a line wrap) may sit between letters.

    >>> bool(re.fullmatch(label_regex("ข้อคำถามที่ได้"), "ขอคําถามทีได้"))
    True
    >>> bool(re.fullmatch(label_regex("แนวทางการประเมิน"), "แนวทางการประ\\nเมิน"))
    True
    >>> bool(re.fullmatch(label_regex("สาเหตุเกิดจาก"), "สาเหตุเกิด .\\nจาก"))  # a speck at the wrap
    True
    >>> bool(re.fullmatch(label_regex("สาเหตุ"), "สำเหตุ"))  # sara aa read as sara am
    True
    """
    parts = []
    for ch in words.replace(" ", ""):
        if ch in "ำา":  # sara am, or OCR's nikhahit + sara aa, or sara aa alone; OCR reads either as the other
            parts.append("[ำา]")
        elif not re.match(f"[{_MARKS}]", ch):
            parts.append(re.escape(ch))
    return f"[\\s{_MARKS}{_SPECKS}]*".join(parts) + f"[{_MARKS}]*"


# What may follow a label: ฯ, "คือ"/"ได้แก่", a colon (each optional).
# OCR reads ฯ as ๆ.
# OCR reads a colon right after a label as sara a (``สาเหตุะ``): after a vowel or tone mark no ะ can
# follow in a Thai word, so there it is the colon.
_TAIL = r"(?P<tail>(?:\s*[ฯๆ])?(?:\s*(?:คือ|ได้แก่))?\s*(?P<colon>[:：]|(?<![\u0e01-\u0e2e\s])ะ)?)"
# Where a paragraph opens: the text start or a line break, then a bullet, or
# the debris OCR makes of a bullet or a `<p>` remnant at the line start: up to
# three signs with no Thai letter ("*.", "|"), or a bracket and up to three
# characters ("<อ2").
_RE_OPENING = re.compile(
    rf"(?:^|\n)[ \t]*(?:[-•●▪*]\s*)?(?:[^\s{charset(LETTERS)}]{{1,3}}\s*|[<(\[{{|]\S{{0,3}}\s*)?$"
)
# A word boundary before a label standing inside a paragraph, or the end of
# a tag remnant OCR left (``5ถ>`` for ``</p>``).
_RE_WORD_BEFORE = re.compile(r"(?:^|[\s(\"'“:;,.>])$")


@lru_cache(maxsize=1)
def _compiled() -> dict[str, list[tuple[Phrase, re.Pattern[str]]]]:
    out = {}
    for kind, phrases in LABELS.items():
        ordered = sorted(phrases, key=lambda p: -len(p.text))  # the longest wording wins
        out[kind] = [(p, re.compile(label_regex(p.text) + _TAIL)) for p in ordered]
    return out


@dataclass(frozen=True)
class LabelMatch:
    kind: str
    start: int
    end: int  # after the label's tail (ฯ, คือ, colon)


# The end of a tag remnant a report printed and OCR read (``<p>`` as ``42>``, ``“2>``, ``ร3>``, ``</121>``):
# a paragraph opens after it, wherever it stands in a line.
_RE_TAG_END = re.compile(r"[^\s<>]{1,4}>[^\S\n]*")
_RE_AFTER_TAG = re.compile(r"[^\s<>]{1,4}>[^\S\n]*$")
# The opening of a tag remnant whose ``>`` OCR read as a sign or a letter (``<อ2`` for ``<p>``): no text writes ``<``.
_RE_TAG_OPEN = re.compile(r"<[^\s<>]{0,3}")


def _opens_paragraph(text: str, start: int) -> bool:
    """Whether a paragraph opens at ``start``: the text's or a line's start (and the debris OCR leaves
    there), or right after a tag remnant, wherever it stands.

    >>> t = "อย่างสม่ำเสมอ42> “2>แนวทาง"
    >>> _opens_paragraph(t, t.index("แนว")), _opens_paragraph(t, t.index("อย่าง") + 5)
    (True, False)
    """
    before = text[max(0, start - 8):start]
    return start == 0 or bool(_RE_OPENING.search(before) or _RE_AFTER_TAG.search(before))


def _accepted(text: str, m: re.Match[str], phrase: Phrase, strict: bool) -> bool:
    """Whether a wording found at ``m`` stands as a label there.

    ``strict`` (a single line, where a wrapped sentence may start): a weak
    wording must end as a word ("สาเหตุ ..."), not run into one ("สาเหตุหลักคือ...").
    """
    after = text[m.start("tail"):m.start("tail") + 1]
    if m.group("colon"):
        return True
    if _opens_paragraph(text, m.start()):
        return (phrase.strong or not strict or not re.match(f"[{charset(BLOCK)}]", after)
                or bool(m.group("tail").strip()))
    before = text[max(0, m.start() - 1):m.start()]
    return phrase.strong and bool(_RE_WORD_BEFORE.search(before))


#: Wordings shorter than this (letters, marks left out) are never matched
#: fuzzily: ``สาเหตุ`` one letter off is too many other words.
FUZZY_OPENING_MIN_LETTERS = 9
#: Letters (marks left out) a wording may differ by at a paragraph's opening:
#: one up to this many letters, two above (OCR's extra or lost letter, ``แนวทางการพผัฒนา``).
FUZZY_OPENING_ONE_EDIT = 13
#: Letters more a wording may differ by at a paragraph's opening when a colon closes it
#: (the colon says a label stands there: ``to เสนอแนะ :`` for ``ข้อเสนอแนะ :``, its first
#: letters read as Latin).
COLON_EXTRA_EDITS = 1
#: ... and one more for every this many of the wording's letters (``บาทางการ์พัฒนา :`` for
#: ``แนวทางการพัฒนา :``, three letters off in thirteen, its colon read right).
COLON_LETTERS_PER_EDIT = 6
_BASE_SET = frozenset(BASES)
# The rest of a line that a wording fills: at most one sign (its colon misread, ``1``), then the
# line's end. A line holding the wording alone says a label stands there as a colon does.
_RE_LINE_REST = re.compile(r"[^\S\n]*[^\s\u0e00-\u0e7f]?(?=[^\S\n]*(?:\n|$))")
_RE_TAIL = re.compile(_TAIL)
# Where a paragraph's words start: a line start and the debris OCR leaves
# there (see _RE_OPENING), which _opens_paragraph judges.
_RE_LINE_START = re.compile(rf"(?:^|\n)[ \t]*(?:[^\s{charset(BASES)}]{{1,4}}[ \t]*)?", re.MULTILINE)


#: What :func:`_skeleton` writes for a digit or a Latin letter standing between Thai letters: a letter
#: OCR misread, which no wording's letter equals (one edit).
_MISREAD_LETTER = "?"
_THAI_AFTER_SIGN = frozenset(BASES + MARKS)


def _skeleton(text: str, start: int, limit: int) -> tuple[str, list[int]]:
    """The base letters of ``text`` from ``start`` (ำ read as า, marks and spaces left out), at
    most ``limit`` of them, and the index after each in ``text``; it stops at a line break. A digit
    or a Latin letter after a letter and before a Thai letter or mark is a letter misread.

    >>> _skeleton("แนวทางการ1ัฒนา: ก", 0, 99)[0], _skeleton("ข้อ 1. ประชุม", 0, 99)[0]
    ('แนวทางการ?ฒนา', 'ขอ')
    """
    letters: list[str] = []
    ends: list[int] = []
    for i in range(start, len(text)):
        ch = text[i]
        if ch == "\n" or len(letters) >= limit:
            break
        if ch == SARA_AM:
            ch = SARA_AA
        if ch in _BASE_SET:
            letters.append(ch)
            ends.append(i + 1)
        elif letters and ch.isalnum() and ch.isascii() and text[i + 1:i + 2] in _THAI_AFTER_SIGN:
            letters.append(_MISREAD_LETTER)  # a letter OCR read as a digit or a Latin letter (``แนวทางการ1ัฒนา``)
            ends.append(i + 1)
        elif not (ch in MARKS or ch in " \t"):
            break
    return "".join(letters), ends


@lru_cache(maxsize=1)
def _skeleton_phrases() -> list[tuple[str, Phrase, str]]:
    out = []
    for kind, phrases in LABELS.items():
        for p in phrases:
            skel, _ = _skeleton(p.text, 0, 10**6)
            if len(skel) >= FUZZY_OPENING_MIN_LETTERS:
                out.append((kind, p, skel))
    return out


def _fuzzy_opening(text: str, start: int, strict: bool) -> LabelMatch | None:
    """A wording OCR misread by a letter or two where a paragraph opens at ``start``.

    Letters are compared without marks (the exact pass already forgives
    marks); the longest wording that matches wins, so a misread letter at
    a long wording's end does not leave its last words in the text.

    >>> t = "ไม่เป็นธรรม\\nแนวทางการพผัฒนา ดังนั้น หน่วยงาน"
    >>> m = _fuzzy_opening(t, 12, False); (m.kind, t[m.end:m.end + 7])
    ('guideline', 'ดังนั้น')
    >>> t = "แนวทางการยกระดับผลการประมิน ดังนั้น"
    >>> t[_fuzzy_opening(t, 0, False).end:]
    'ดังนั้น'
    >>> _fuzzy_opening("แนวทางการใช้ทรัพย์สินของราชการ", 0, False) is None
    True
    >>> t = "ไม่เป็นรูปธรรม\\nto เสนอแนะ1\\nเผยแพร่แนวปฏิบัติ"  # alone on its line, its colon read as 1
    >>> m = _fuzzy_opening(t, 18, False); (m.kind, t[m.end:])
    ('guideline', '\\nเผยแพร่แนวปฏิบัติ')
    """
    best: tuple[int, int, str, int] | None = None  # (letters, -distance, kind, end)
    phrases = _skeleton_phrases()
    # the opening's letters once, as many as the longest wording may take (each wording
    # compares a prefix of them: _skeleton stops at its limit, nothing else depends on it)
    extra = 1 + max(COLON_EXTRA_EDITS, max(len(skel) for _, _, skel in phrases) // COLON_LETTERS_PER_EDIT)
    all_got, all_ends = _skeleton(text, start, max(len(skel) for _, _, skel in phrases) + 1 + extra)
    for kind, phrase, skel in phrases:
        allowed = 1 if len(skel) <= FUZZY_OPENING_ONE_EDIT else 2
        widest = allowed + max(COLON_EXTRA_EDITS, len(skel) // COLON_LETTERS_PER_EDIT)  # only where a colon closes it
        got, ends = all_got[:len(skel) + widest], all_ends[:len(skel) + widest]
        here: tuple[int, int, int] | None = None  # (distance, letters off the wording's length, end)
        for n in range(max(1, len(skel) - widest), len(got) + 1):
            d = Levenshtein.distance(skel, got[:n], score_cutoff=widest)
            if d > widest or (here is not None and (d, abs(n - len(skel))) >= here[:2]):
                continue
            end = ends[n - 1]
            while end < len(text) and text[end] in MARKS:
                end += 1
            tail = _RE_TAIL.match(text, end)
            alone = None if tail.group("colon") else _RE_LINE_REST.match(text, end + len(tail.group("tail").rstrip()))
            if d > allowed and not (tail.group("colon") or alone):
                continue
            if d > allowed + COLON_EXTRA_EDITS and not tail.group("colon"):
                continue  # more letters off only before a colon: a line holding the wording alone says less
            after = text[tail.start("tail"):tail.start("tail") + 1]
            if not (tail.group("colon") or phrase.strong or not strict
                    or not re.match(f"[{charset(BLOCK)}]", after) or tail.group("tail").strip()):
                continue
            here = (d, abs(n - len(skel)), alone.end() if alone else tail.end())
        if here is not None and (best is None or (len(skel), -here[0]) > best[:2]):
            best = (len(skel), -here[0], kind, here[2])
    return LabelMatch(best[2], start, best[3]) if best else None


#: The fewest letters of a wording's end that a line closed by a colon must hold to be that label
#: with its first letters garbled; and the most letters it may hold before them.
LABEL_END_MIN_LETTERS = 8
LABEL_END_HEAD_LETTERS = 3
# A line's start up to a colon: where a label stands (its part's text may follow on the line).
_RE_COLON_LINE = re.compile(r"(?m)^[^\S\n]*(?P<body>[^\n:：]{1,60}?)[^\S\n]*[:：]")


def _label_ends(text: str) -> list[LabelMatch]:
    """Labels whose first letters OCR garbled (a stamp, a signature): a line's start up to a colon whose Thai
    letters are, but for :data:`LABEL_END_HEAD_LETTERS` at most, the end of a wording (its last
    :data:`LABEL_END_MIN_LETTERS` letters or more, a letter off in six), whatever Latin letters or signs
    stand before them.

    >>> t = "ความต้องการของประชาชน\\nโซระดับผลการประเมิน :\\nดังนั้น ทบทวน"
    >>> [(m.kind, t[m.start:m.end]) for m in _label_ends(t)]
    [('guideline', 'โซระดับผลการประเมิน :')]
    >>> [m.kind for m in _label_ends("No Gift Policy\\nytiamiamsen ระดับผลการประเมิน:\\nจัดทำ")]
    ['guideline']
    >>> _label_ends("ได้ดำเนินการตามหลักเกณฑ์การประเมิน :\\nจัดทำ"), _label_ends("ดำเนินการดังนี้ :")
    ([], [])
    """
    out: list[LabelMatch] = []
    for m in _RE_COLON_LINE.finditer(text):
        got = _letters(m.group("body"))
        if len(got) < LABEL_END_MIN_LETTERS:
            continue
        best: tuple[int, str] | None = None
        for kind, _, skel in _skeleton_phrases():
            for n in range(LABEL_END_MIN_LETTERS, min(len(skel), len(got)) + 1):
                if len(got) - n > LABEL_END_HEAD_LETTERS:
                    continue
                d = Levenshtein.distance(got[-n:], skel[-n:], score_cutoff=n // 6)
                if d <= n // 6 and (best is None or n > best[0]):
                    best = (n, kind)
        if best is not None:
            out.append(LabelMatch(best[1], m.start("body"), m.end()))
    return out


def _line_content_start(text: str, i: int) -> int:
    """The first character of the line at ``i`` (a line break at ``i`` and indentation skipped)."""
    if text[i:i + 1] == "\n":
        i += 1
    while i < len(text) and text[i] in " \t":
        i += 1
    return i


def _candidates(text: str, strict: bool = False) -> list[LabelMatch]:
    found: list[LabelMatch] = []
    for kind, phrases in _compiled().items():
        for phrase, rx in phrases:
            for m in rx.finditer(text):
                if _accepted(text, m, phrase, strict):
                    found.append(LabelMatch(kind, m.start(), m.end()))
    for o in _RE_LINE_START.finditer(text):
        if _opens_paragraph(text, o.end()):
            fz = _fuzzy_opening(text, o.end(), strict)
            if fz is not None:
                # the debris before it on its line (a bullet, or the label's first letters read
                # as Latin: "to เสนอแนะ :") goes with the label, not with the part before
                found.append(LabelMatch(fz.kind, _line_content_start(text, o.start()), fz.end))
    for o in _RE_TAG_END.finditer(text):
        fz = _fuzzy_opening(text, o.end(), strict) if o.end() < len(text) else None
        if fz is not None:
            found.append(fz)
    for o in _RE_TAG_OPEN.finditer(text):  # a tag whose ``>`` OCR misread (``<อ2``): a wording right after it
        fz = next((f for k in range(o.start() + 1, o.end() + 1) if k < len(text)
                   and (f := _fuzzy_opening(text, k, strict)) is not None), None)
        if fz is not None:
            found.append(LabelMatch(fz.kind, o.start(), fz.end))
    # a label found only by its wording's end (its first letters garbled) stands where no opening of
    # that label's wording was found: OCR can set a wrapped label's second line first (``การประเมิน:``
    # before ``แนวทางการยกระดับผล``), and that end is no label of its own
    kinds = {f.kind for f in found}
    found += [m for m in _label_ends(text) if m.kind not in kinds]
    # the longest match at each start (the first wording tried is the longest)
    found.sort(key=lambda x: (x.start, -(x.end - x.start)))
    out: list[LabelMatch] = []
    for c in found:
        if not out or c.start >= out[-1].end:
            out.append(c)
    return out


#: How closely (rapidfuzz partial ratio) a label garbled by OCR must match.
FUZZY_MIN = 82.0
_RE_FUZZY_TAIL = re.compile(r"^\s*[ฯๆ]?\s*(?:คือ)?\s*[:：]?\s*")


def _fuzzy(text: str, kind: str) -> LabelMatch | None:
    """The main wording of ``kind`` garbled by OCR, where it opens a paragraph or a colon follows.

    >>> _fuzzy("ข้อคําถามหู๊ได้คะแนนน้อยทีสุด : 012 รายงาน", LOWEST)
    LabelMatch(kind='lowest', start=0, end=32)
    """
    label = LABELS[kind][0].text
    if len(text) < len(label) * 0.7:
        return None
    m = fuzz.partial_ratio_alignment(label, text, score_cutoff=FUZZY_MIN)
    if m is None:
        return None
    start, end = tighten(label, text, m.dest_start, m.dest_end)
    tail = _RE_FUZZY_TAIL.match(text[end:])
    if ":" not in tail.group(0) and "：" not in tail.group(0) and not _opens_paragraph(text, start):
        return None
    return LabelMatch(kind, start, end + tail.end())


#: Characters :func:`tighten` may take off either end of an aligned window.
TIGHTEN_MAX = 4


def tighten(label: str, text: str, start: int, end: int) -> tuple[int, int]:
    """The span of ``text[start:end]`` that matches ``label`` best, ends taken in by up to
    :data:`TIGHTEN_MAX` characters (the shortest span of the best score).

    A partial-ratio window is as long as the label: when OCR lost some of the label's
    letters, the window runs on into what follows it (``ฯ :`` or the text), and the
    colon after the label is then inside the window instead of after it.

    >>> t = "ได้ยากางการยกระดับผลการประเมินฯ : หน่วยงาน"
    >>> s, e = tighten("แนวทางการยกระดับผลการประเมิน", t, 6, 34); t[s:e]
    'างการยกระดับผลการประเมิน'
    """
    best = (fuzz.ratio(label, text[start:end]), 0, start, end)
    for a in range(start, min(end, start + TIGHTEN_MAX + 1)):
        for b in range(max(a + 1, end - TIGHTEN_MAX), end + 1):
            cand = (fuzz.ratio(label, text[a:b]), -(b - a), a, b)
            if cand[:2] > best[:2]:
                best = cand
    return best[2], best[3]


#: Characters the rest of a wrapped label may hold before its colon (``ผลการประ ius :``): the longest rest
#: a wording has after a shorter one of its kind (``สาเหตุ`` / ``ที่ได้คะแนนน้อยเกิดจาก``, 22) and a speck or
#: a letter OCR doubled in it (``ที่ได้คะ|ะแนนน้อย :``).
LABEL_REST_MAX = 24
# The rest of a label a line wrap cut: on the label's line or the next, a few characters, then ฯ
# and a colon (what follows the colon is the part's text).
_RE_LABEL_REST = re.compile(
    rf"[^\S\n]*\n?[^\S\n]*(?P<rest>[^\n:：]{{1,{LABEL_REST_MAX}}}?)[^\S\n]*[ฯๆ]?[^\S\n]*[:：]")
#: Latin letters OCR made of a wrapped label's last Thai letters (``ius`` for ``เมินฯ``).
_RE_LATIN_DEBRIS = re.compile(r"[A-Za-z]{1,4}")


def _letters(text: str) -> str:
    """The base letters of ``text`` (ำ read as า), marks, signs and spaces left out.

    >>> _letters("ผลการประ ius"), _letters("เม็นๆ")
    ('ผลการประ', 'เมน')
    """
    return "".join(SARA_AA if ch == SARA_AM else ch for ch in text if ch in _BASE_SET or ch == SARA_AM)


def _wording_rests(kind: str, got: str) -> list[str]:
    """The letters that longer wordings of ``kind`` have after the letters ``got`` a label matched."""
    out = []
    for phrase in LABELS[kind]:
        skel = _letters(phrase.text)
        allowed = 0 if len(got) < FUZZY_OPENING_MIN_LETTERS else 2
        if len(skel) > len(got) and Levenshtein.distance(skel[:len(got)], got, score_cutoff=allowed) <= allowed:
            out.append(skel[len(got):])
    return out


def with_rest(text: str, m: LabelMatch) -> LabelMatch:
    """``m`` taken on over the rest of its wording that a line wrap cut off and a colon closes.

    A narrow cell wraps a long label (``แนวทางการยกระดับผลการประ`` / ``เมินฯ :``) and OCR
    garbles the rest, or reads it after the colon it put in the wrap (``ผลการ : ประเมินฯ :``):
    a shorter wording matched, and the rest would open the part's text. Text before the
    next colon is the label's rest when its letters go on as a longer wording of that
    label does, or when it is a few Latin letters (OCR's reading of Thai) and the
    label's letters stop short of a longer wording.

    >>> t = "แนวทางการยกระดับผลการประ ius : หน่วยงานควร"
    >>> t[with_rest(t, LabelMatch(GUIDELINE, 0, 16)).end:]
    ' หน่วยงานควร'
    >>> t = "แนวทางการยกระดับผลการ : ประเมินฯ : ดังนั้น"
    >>> t[with_rest(t, LabelMatch(GUIDELINE, 0, 23)).end:]
    ' ดังนั้น'
    >>> t = "สาเหตุเกิดจาก : ข้อมูล: ไม่ครบ"
    >>> with_rest(t, LabelMatch(CAUSE, 0, 15)).end
    15
    >>> t = "แนวทางการยกระดับผลการน จัดทำแผน"  # the rest glued to the label, its colon lost
    >>> t[with_rest(t, LabelMatch(GUIDELINE, 0, 16)).end:]
    ' จัดทำแผน'
    """
    while (r := _RE_LABEL_REST.match(text, m.end)) is not None:
        rest = r.group("rest").strip()
        rests = _wording_rests(m.kind, _letters(text[m.start:m.end]))
        got = _letters(rest)
        if not rests:
            break
        if got:
            allowed = (len(got) + 1) // 3  # OCR misreads a letter in three (``เป็นฯ`` for ``เมินฯ``)
            if not any(len(got) <= len(c) + 1 and Levenshtein.distance(got, c[:len(got)]) <= allowed for c in rests):
                break
        elif not _RE_LATIN_DEBRIS.fullmatch(rest):
            break
        m = LabelMatch(m.kind, m.start, r.end())
    return _glued_rest(text, m)


#: The fewest letters a run glued to a label must hold to be taken as the rest of its wording.
GLUED_REST_MIN_LETTERS = 3
# Thai characters glued to a label's end, up to the next space or sign.
_RE_GLUED = re.compile(rf"[{charset(BLOCK)}]+")


def _glued_rest(text: str, m: LabelMatch) -> LabelMatch:
    """``m`` taken on over the Thai letters glued to its end (no space, no colon between) when they are, a
    letter misread in three, the whole of what a longer wording of its kind has next (``แนวทางการยกระดับ`` +
    ``ผลการน`` for ``ผลการประเมิน``, its colon lost); running text glued to a label (``สาเหตุที่สำคัญ``) is not.

    >>> t = "สาเหตุที่สำคัญคือ"
    >>> _glued_rest(t, LabelMatch(CAUSE, 0, 6)).end
    6
    """
    g = _RE_GLUED.match(text, m.end)
    if g is None or m.end == 0 or not _RE_GLUED.match(text[m.end - 1]):
        return m
    got = _letters(g.group())
    if len(got) < GLUED_REST_MIN_LETTERS:
        return m
    allowed = (len(got) + 1) // 3
    rests = _wording_rests(m.kind, _letters(text[m.start:m.end]))
    if any(len(got) <= len(c) + 1 and Levenshtein.distance(got, c[:len(got)]) <= allowed for c in rests):
        return LabelMatch(m.kind, m.start, g.end())
    return m


def find_labels(text: str) -> list[LabelMatch]:
    """The labels of an analysis text, at most one per kind, in the genre's order.

    >>> t = "ข้อคำถามที่ได้คะแนนน้อยที่สุด คือ i2 การเบิกจ่าย\\nสาเหตุ บุคลากรขาดความรู้\\nแนวทางการพัฒนา จัดอบรม"
    >>> [(m.kind, t[m.end:m.end + 6]) for m in find_labels(t)]
    [('lowest', 'i2 การ'), ('cause', 'บุคลาก'), ('guideline', 'จัดอบร')]
    >>> [m.kind for m in find_labels("ควรจัดทำแนวทางการพัฒนาบุคลากร สาเหตุหลักคือ")]
    []
    >>> [m.kind for m in find_labels("i2 การให้บริการ\\nสาเหตุข้อมูลไม่ครบ")]  # a paragraph it opens
    ['cause']
    >>> t = "o12 รายงาน\\n<อ2สาเหุตุเกิดจาก ข้อมูลไม่ครบ\\nแนวทางการยกระดับผลการประเมินๆ : จัดทำ"  # OCR debris
    >>> [(m.kind, t[m.end:].strip()[:4]) for m in find_labels(t)]
    [('cause', 'ข้อม'), ('guideline', 'จัดท')]
    >>> [m.kind for m in find_labels("o12 รายงาน\\n5ถ>สาเหตุเกิดจาก\\nข้อมูลไม่ครบ")]  # a tag that lost its <
    ['cause']
    """
    cands = _candidates(text)
    chosen: list[LabelMatch] = []
    pos = 0
    for kind in ORDER:
        m = next((c for c in cands if c.kind == kind and c.start >= pos), None)
        if m is None:
            fz = _fuzzy(text[pos:], kind)
            m = LabelMatch(kind, fz.start + pos, fz.end + pos) if fz else None
            if m is not None and any(c.start < m.end and m.start < c.end for c in chosen):
                m = None
        if m is not None:
            m = with_rest(text, m)
            chosen.append(m)
            pos = m.end
    return _garbled_between(text, chosen)


# A line that holds a few Latin letters or digits (and a sign OCR made of a last letter: ``Wau?``)
# and a colon, nothing else: a label OCR read as Latin (``anna:`` for ``สาเหตุ:``); or a label's first Thai words read right and the rest read
# as Latin (``แนวทางการ Wann :`` for ``แนวทางการยกระดับผลการประเมินฯ :``).
_RE_GARBLED_LABEL_LINE = re.compile(
    r"(?:^|\n)[^\S\n]*(?P<head>[\u0e00-\u0e7f]+(?=[^\S\n]*[A-Za-z0-9:：]))?[^\S\n]*"
    r"(?P<latin>[A-Za-z0-9][A-Za-z0-9 ]{0,9}[?!'\"]?)?[^\S\n]*[:：][^\S\n]*(?=\n|$)")
#: The fewest letters a garbled label line's Thai head holds: a wording's first word or two, not a
#: syllable of running text.
GARBLED_HEAD_MIN_LETTERS = 6


#: A line holding a short label misread by a letter, its colon read as sara a (``สิ่งเหตะ`` for ``สาเหตุ :``).
_RE_GARBLED_SARA_A_LINE = re.compile(r"(?:^|\n)[^\S\n]*(?P<head>[\u0e00-\u0e7f]+)ะ[^\S\n]*(?=\n|$)")
#: The fewest letters a whole wording misread by one letter holds on a garbled label line.
GARBLED_WORDING_MIN_LETTERS = 4


def _garbled_label_line(m: re.Match[str], kind: str) -> bool:
    """Whether a line :data:`_RE_GARBLED_LABEL_LINE` matched stands for a label of ``kind``: Latin
    debris alone, or a Thai head whose letters open a wording of ``kind``, then debris or the colon,
    or are a whole wording one letter off.

    >>> [_garbled_label_line(_RE_GARBLED_LABEL_LINE.search(t), GUIDELINE)
    ...  for t in ("anna:", "แนวทางการ Wann :", "แนวทางกาs :", "ผู้รับบริการ Wann :", "แนว ab :", ":", "แนวทางการ Wau? :")]
    [True, True, True, False, False, False, True]
    >>> [_garbled_label_line(_RE_GARBLED_SARA_A_LINE.search(t), CAUSE) for t in ("สิ่งเหตะ", "สาเหตุะ", "ผู้รับะ")]
    [True, True, False]
    """
    head = m.group("head")
    if head is None:
        return m.group("latin") is not None
    got = _letters(head)
    if len(got) >= GARBLED_WORDING_MIN_LETTERS and any(
            Levenshtein.distance(got, _letters(p.text), score_cutoff=1) <= 1 for p in LABELS[kind]):
        return True
    if len(got) < GARBLED_HEAD_MIN_LETTERS:
        return False
    allowed = len(got) // 6  # a letter misread in six
    return any(Levenshtein.distance(got, _letters(p.text)[:len(got)], score_cutoff=allowed) <= allowed
               for p in LABELS[kind])


def _garbled_between(text: str, chosen: list[LabelMatch]) -> list[LabelMatch]:
    """``chosen`` with the label of a missing kind where a garbled label line stands in its place.

    Only between the labels found before and after it (the lowest question's and the
    guideline's for the cause; after the cause for the guideline): a line of Latin
    letters closed by a colon, alone, is where the genre puts that label.

    >>> t = "ข้อคำถามที่ได้คะแนนน้อยที่สุด : e4 การติดต่อ\\nanna:\\nผู้รับบริการบางส่วน\\nแนวทางการยกระดับผลการประเมินฯ : จัดทำ"
    >>> [(m.kind, t[m.end:m.end + 4]) for m in find_labels(t)]
    [('lowest', ' e4 '), ('cause', '\\nผู้'), ('guideline', ' จัด')]
    >>> t = "สาเหตุเกิดจาก : ผู้รับบริการบางส่วน\\nแนวทางการ Wann :\\nเปิดโอกาส"  # the guideline's rest read as Latin
    >>> [(m.kind, t[m.end:m.end + 5]) for m in find_labels(t)]
    [('cause', ' ผู้ร'), ('guideline', '\\nเปิด')]
    """
    kinds = [m.kind for m in chosen]
    for k, kind in enumerate(ORDER):
        if kind in kinds or k == 0 or ORDER[k - 1] not in kinds:
            continue
        lo = chosen[kinds.index(ORDER[k - 1])].end
        after = next((m for m in chosen if ORDER.index(m.kind) > k), None)
        if after is None and k + 1 < len(ORDER):
            continue
        hi = after.start if after is not None else len(text)
        line = min((m for rx in (_RE_GARBLED_LABEL_LINE, _RE_GARBLED_SARA_A_LINE) for m in rx.finditer(text, lo, hi)
                    if _garbled_label_line(m, kind)), key=lambda m: m.start(), default=None)
        if line is not None:
            chosen = sorted([*chosen, LabelMatch(kind, line.start(), line.end())], key=lambda m: m.start)
            kinds = [m.kind for m in chosen]
    return chosen


def opens_with_label(line: str) -> bool:
    """Whether a line of a cell starts with a label (so a new paragraph starts there).

    >>> opens_with_label("สาเหตุเกิดจาก : บุคลากร"), opens_with_label("แนวทางการยกระดับผลการประ")
    (True, True)
    >>> opens_with_label("แนวทางการใช้ทรัพย์สินของราชการ"), opens_with_label("สาเหตุหลักคือ")
    (False, False)
    """
    return any(m.start == 0 for m in _candidates(line.strip(), strict=True))


def is_label_only(line: str) -> bool:
    """Whether a line holds a label and nothing else (its text starts on the next line).

    >>> is_label_only("สาเหตุ :"), is_label_only("แนวทางการพัฒนา"), is_label_only("สาเหตุ บุคลากร")
    (True, True, False)
    """
    line = line.strip()
    return any(m.start == 0 and m.end >= len(line) for m in _candidates(line, strict=True))


#: Characters before an opener on its line that are what OCR left of the lost label, not the cause's text.
OPENER_DEBRIS_MAX = 15


@lru_cache(maxsize=1)
def _openers() -> re.Pattern[str]:
    return re.compile("|".join(label_regex(w) for w in GUIDELINE_OPENERS))


def guideline_opening(text: str) -> tuple[int, int] | None:
    """Where a guideline whose label OCR lost starts in a cause's text: (end of the cause, start of the
    guideline) at the first :data:`GUIDELINE_OPENERS` word; a few characters before it on its line are
    the label's debris. ``None`` when the text has none, or opens with one (nothing is the cause then).

    >>> t = "ขาดการกำกับดูแล\\nพหุแล่ยุบเห หน่วยงานควรจัดทำแผน"
    >>> e, s = guideline_opening(t); (t[:e], t[s:])
    ('ขาดการกำกับดูแล', 'หน่วยงานควรจัดทำแผน')
    >>> t = "เห็นว่าการมอบหมายงานของผู้หน่วยงานควรเปิดเผย"
    >>> e, s = guideline_opening(t); (t[:e], t[s:])
    ('เห็นว่าการมอบหมายงานของผู้', 'หน่วยงานควรเปิดเผย')
    >>> guideline_opening("ผู้บริหารยังให้ความสำคัญไม่มากเท่าที่ควร") is None
    True
    """
    m = _openers().search(text)
    if m is None:
        return None
    line_start = text.rfind("\n", 0, m.start()) + 1
    before = text[line_start:m.start()]
    end = line_start if len("".join(before.split())) <= OPENER_DEBRIS_MAX else m.start()
    if not text[:end].strip():
        return None
    return len(text[:end].rstrip()), m.start()


def guideline_text_start(text: str) -> int:
    """Where a guideline's text starts when what OCR left of its label's wrapped rest (``ผลการป``), or a
    few specks, stand glued before its opening words (:data:`GUIDELINE_OPENERS`); 0 when nothing does.

    >>> t = "ผลการปหน่วยงานควรจัดทำทะเบียน"
    >>> t[guideline_text_start(t):]
    'หน่วยงานควรจัดทำทะเบียน'
    >>> t = "‘ ง : ดังนั้น ศึกษาหลักเกณฑ์"
    >>> t[guideline_text_start(t):]
    'ดังนั้น ศึกษาหลักเกณฑ์'
    >>> guideline_text_start("นอกจากนี้ หน่วยงานควรจัดทำ"), guideline_text_start("ดังนั้น หน่วยงานควร")
    (0, 0)
    """
    m = _openers().search(text, 0, OPENER_DEBRIS_MAX + 16)
    if m is None or m.start() == 0 or len("".join(text[:m.start()].split())) > OPENER_DEBRIS_MAX:
        return 0
    got = _letters(text[:m.start()])
    if len(got) <= 2 or (len(got) >= 3 and any(got in _letters(p.text) for p in LABELS[GUIDELINE])):
        return m.start()
    return 0
