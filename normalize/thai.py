"""Thai text normalization: one pure ``str -> str`` function per rule.

:func:`normalize_text` composes the rules in this documented order:

1. :func:`map_legacy_glyphs` -- private-use glyph codes U+F700-U+F71A
   (and the Mac set U+F884-U+F89E) to standard Thai characters
2. :func:`strip_html` -- ``<p>``, ``<br>`` and other tags; entities
3. :func:`compose_sara_am` -- nikhahit + sara aa -> sara am
4. Unicode NFC
5. :func:`join_split_marks` -- ``เพื ่อ`` -> ``เพื่อ``
6. :func:`join_letter_spaced` -- ``แ ล ้ ว`` -> ``แล้ว``
7. :func:`thai_normalize` -- PyThaiNLP's normalization, made safe
8. :func:`thai_digits_to_arabic` -- ``๒๕๖๘`` -> ``2568``
9. :func:`remove_wrap_spaces` -- ``จัดซื้อจัด จ้าง`` -> ``จัดซื้อจัดจ้าง``
10. :func:`collapse_whitespace` -- paragraphs joined by ``\\n``

Every rule is pure and idempotent; the examples come from a real report
(``shared/seeds/ita-2568-nongkabu.txt``).
"""

from __future__ import annotations

import html
import re
import unicodedata
from functools import lru_cache

from pythainlp.corpus import thai_words
from pythainlp.tokenize import word_tokenize
from pythainlp.util import dict_trie
from pythainlp.util.normalize import (
    remove_dup_spaces,
    remove_repeat_vowels,
    remove_spaces_before_marks,
    remove_zw,
)

from normalize import tags
from normalize.thaichars import (
    CONSONANTS,
    DIGITS,
    FOLLOW_VOWELS,
    LEAD_VOWELS,
    MARK_HOSTS,
    MARKS,
    NIKHAHIT,
    RU_LU,
    SARA_AA,
    SARA_AM,
    TONEMARKS,
    WORD_CHARS,
)

__all__ = [
    "collapse_whitespace",
    "compose_sara_am",
    "is_wrap_space",
    "join_letter_spaced",
    "join_split_marks",
    "join_wrapped_lines",
    "letter_spaced_wrap",
    "map_legacy_glyphs",
    "normalize_text",
    "remove_wrap_spaces",
    "strip_html",
    "thai_digits_to_arabic",
    "thai_normalize",
    "thai_tokens",
]

# --------------------------------------------------------------------------
# 1. Legacy private-use glyphs
# --------------------------------------------------------------------------

# HarfBuzz hb-ot-shaper-thai.cc, thai_pua_shape(): Windows (U+F7xx) and Mac
# (U+F8xx) codes of the shifted glyph variants. SD = shifted down,
# SDL = down-left, SL = left, RD = descender removed (ญ, ฐ).
_LEGACY_GLYPHS: dict[int, str] = {
    # RD
    0xF700: "ฐ", 0xF70F: "ญ", 0xF89E: "ฐ", 0xF89A: "ญ",
    # SL above vowels and signs
    0xF701: "ิ", 0xF702: "ี", 0xF703: "ึ", 0xF704: "ื",
    0xF710: "ั", 0xF711: "ํ", 0xF712: "็",
    0xF884: "ั", 0xF885: "ิ", 0xF886: "ี", 0xF887: "ึ", 0xF888: "ื",
    0xF889: "็", 0xF899: "ํ",
    # SD below vowels
    0xF718: "ุ", 0xF719: "ู", 0xF71A: "ฺ",
    0xF89B: "ุ", 0xF89C: "ู", 0xF89D: "ฺ",
}
for _first_win, _first_mac in ((0xF705, 0xF88C), (0xF70A, 0xF88B), (0xF713, 0xF88A)):
    # SDL (F705), SD (F70A) and SL (F713) tone runs: ่ ้ ๊ ๋ ์ in order;
    # the Mac codes for the same marks step by 3.
    for _i, _mark in enumerate("่้๊๋์"):
        _LEGACY_GLYPHS[_first_win + _i] = _mark
        _LEGACY_GLYPHS[_first_mac + 3 * _i] = _mark
_LEGACY_TABLE = str.maketrans(_LEGACY_GLYPHS)

# Any legacy glyph code: a fast pre-check before translating.
_RE_LEGACY = re.compile("[\uf700-\uf71a\uf884-\uf89e]")


def map_legacy_glyphs(s: str) -> str:
    """Map legacy private-use glyph codes to the standard Thai characters.

    >>> map_legacy_glyphs("เพื\\uf70aอ")
    'เพื่อ'
    >>> map_legacy_glyphs("ปฏิบ\\uf710ติ")
    'ปฏิบัติ'
    >>> map_legacy_glyphs("การปฏิบัติหน้าที่")
    'การปฏิบัติหน้าที่'
    """
    if not _RE_LEGACY.search(s):
        return s
    return s.translate(_LEGACY_TABLE)


# --------------------------------------------------------------------------
# 2. HTML remnants
# --------------------------------------------------------------------------

# The tags and their OCR'd remnants are normalize.tags' registry.
# Where a block tag was: joined to one paragraph break afterwards.
_BREAK = "\x00"


def strip_html(s: str) -> str:
    """Remove HTML tags; block tags become paragraph breaks; unescape entities.

    Paragraph tags misread by OCR (``<0>``, ``</0>``, ``<ถ>``) count as ``<p>``;
    ``<80>`` is text, not a tag.

    >>> strip_html("</0><2>ดังนั้น หน่วยงาน")
    'ดังนั้น หน่วยงาน'
    >>> strip_html("ข้อคำถาม :</0> <ถ>สาเหตุ")
    'ข้อคำถาม :\\nสาเหตุ'
    >>> strip_html("ไม่เท่าเทียมกัน</20>"), strip_html("<>หน่วยงาน</>")
    ('ไม่เท่าเทียมกัน', 'หน่วยงาน')

    >>> strip_html("<p>ข้อคำถามที่ได้คะแนนน้อยที่สุด :</p> <p>-ไม่มี</p>")
    'ข้อคำถามที่ได้คะแนนน้อยที่สุด :\\n-ไม่มี'
    >>> strip_html("ทุก<br>หน่วยงาน &amp; กองคลัง")
    'ทุก\\nหน่วยงาน & กองคลัง'
    >>> strip_html("คะแนน < 80")
    'คะแนน < 80'
    >>> strip_html("ช่วง <80> ถึง <90>")
    'ช่วง <80> ถึง <90>'
    >>> strip_html("ตอบข้อซักถาม <a vio a\\nชัดเจน</0> <0>สาเหตุเกิดจาก : ข้อมูล</0> «0>มอบหมาย")  # a speck read as <a
    'ตอบข้อซักถาม <a vio a\\nชัดเจน\\nสาเหตุเกิดจาก : ข้อมูล\\nมอบหมาย'
    """
    if ("<" in s or "«" in s) and ">" in s:
        new = tags.BLOCK_TAG.sub(_BREAK, s)
        new = tags.OCR_P_TAG.sub(_BREAK, new)
        new = tags.INLINE_TAG.sub("", new)
        if _BREAK in new:
            parts = (p.strip() for p in new.split(_BREAK))
            new = "\n".join(p for p in parts if p)
        s = new
    if "&" in s:
        s = html.unescape(s)
    return s


# --------------------------------------------------------------------------
# 3. Sara am
# --------------------------------------------------------------------------

# Nikhahit + sara aa, with an optional tone mark before or between them
# (pdfminer reads "ำ" as "ํา"): the tone mark moves before sara am.
_RE_SARA_AM = re.compile(
    f"([{TONEMARKS}]?){NIKHAHIT}([{TONEMARKS}]?)(?: ?){SARA_AA}"
)


def compose_sara_am(s: str) -> str:
    """Compose nikhahit + sara aa into sara am.

    >>> compose_sara_am("การใช้อ\\u0e4d\\u0e32นาจ")
    'การใช้อำนาจ'
    >>> compose_sara_am("อ\\u0e4d \\u0e32นาจ")  # a space between them (a line's letter gap)
    'อำนาจ'
    >>> compose_sara_am("น\\u0e4d\\u0e49\\u0e32") == compose_sara_am("น\\u0e49\\u0e4d\\u0e32") == "น้ำ"
    True
    """
    if NIKHAHIT not in s:
        return s
    return _RE_SARA_AM.sub(lambda m: m.group(1) + m.group(2) + SARA_AM, s)


# --------------------------------------------------------------------------
# 5. Split marks
# --------------------------------------------------------------------------

# Spaces between a letter and the combining mark that belongs to it.
_RE_SPLIT_MARK = re.compile(f"(?<=[{MARK_HOSTS}])[ \t\u00a0]+(?=[{MARKS}])")


def join_split_marks(s: str) -> str:
    """Remove spaces that separate a combining mark from its letter.

    >>> join_split_marks("เพื ่อ")
    'เพื่อ'
    >>> join_split_marks("ร ่")
    'ร่'
    >>> join_split_marks("ปฏิบั ติ")  # "ติ" starts with a consonant: not this rule
    'ปฏิบั ติ'
    """
    return _RE_SPLIT_MARK.sub("", s)


# --------------------------------------------------------------------------
# 6. Letter-spaced runs
# --------------------------------------------------------------------------

# One spaced "unit": a base letter with its marks, or marks standing alone.
_UNIT = (
    f"(?:[{CONSONANTS}{RU_LU}{LEAD_VOWELS}{FOLLOW_VOWELS}][{MARKS}]*"
    f"|[{MARKS}]+)"
)
# Three or more units separated by single spaces, with no Thai character
# glued on either end (so "ต่าง ๆ เช่น" and "ก ข" never match). A run may
# open with a unit no word starts with (sara aa of "ทํ า เ ป็ น"): the space
# before it is then part of the run, and the unit joins the letter before.
_RE_LETTER_SPACED = re.compile(
    f"(?:(?<=[{WORD_CHARS}]) (?=[{FOLLOW_VOWELS}{MARKS}]))?"
    f"(?<![{WORD_CHARS}]){_UNIT}(?: {_UNIT}){{2,}}(?![{WORD_CHARS}])"
)
# A line that ends / starts with two letter-spaced units ("ป็ น", "สื่ อ รู").
_RE_SPACED_END = re.compile(f"(?:^|\\s){_UNIT} {_UNIT}$")
_RE_SPACED_START = re.compile(f"^{_UNIT} {_UNIT}(?:\\s|$)")


def _join_run(m: re.Match[str]) -> str:
    run = m.group(0)
    glued = run.startswith(" ")
    units = run.strip(" ").split(" ")
    bare = sum(len(u) == 1 for u in units)
    # Mostly bare letters ("แ ล ้ ว"), not short words ("ณ ที่ นี้").
    if bare >= max(2, (len(units) + 1) // 2):
        return "".join(units)
    return run if not glued else " " + run.lstrip(" ")


def join_letter_spaced(s: str) -> str:
    """Join runs of three or more single Thai letters separated by spaces.

    >>> join_letter_spaced("แ ล ้ ว เ ผ ย แ พ ร ่")
    'แล้วเผยแพร่'
    >>> join_letter_spaced("ไว้ในคู่มือ แ ล ี ว เ ผ ย แ พ ร ่ ประชาสัมพันธ์")
    'ไว้ในคู่มือ แลีวเผยแพร่ ประชาสัมพันธ์'
    >>> join_letter_spaced("จัดทำเป็นสื่อรูปแบบต่าง ๆ เช่น แผ่นพับ")
    'จัดทำเป็นสื่อรูปแบบต่าง ๆ เช่น แผ่นพับ'
    >>> join_letter_spaced("๓.จัดทํ า เ ป็ น สื่ อ")  # a run that starts inside a word; sara am composed
    '๓.จัดทำเป็นสื่อ'
    """
    if " " not in s:
        return s
    joined = _RE_LETTER_SPACED.sub(_join_run, s)
    return compose_sara_am(joined) if joined != s else s


def letter_spaced_wrap(left: str, right: str) -> bool:
    """Whether a line wrap falls inside a letter-spaced run (join the lines with a space).

    >>> letter_spaced_wrap("๓.จัดทํ า เ ป็ น", "สื่ อ รู ป แ บ บ"), letter_spaced_wrap("จัดซื้อจัด", "จ้าง")
    (True, False)
    """
    return bool(_RE_SPACED_END.search(left) or _RE_SPACED_START.match(right))


# --------------------------------------------------------------------------
# 7. PyThaiNLP normalization, made safe
# --------------------------------------------------------------------------


def thai_normalize(s: str) -> str:
    """PyThaiNLP's ``normalize()`` without its text-eating step.

    ``pythainlp.util.normalize("เพื ่อ")`` returns ``"เพื อ"``: its
    ``remove_dangling`` deletes a mark after a space. Here split marks are
    joined first, and the rules run one by one -- zero-width characters,
    duplicate spaces, spaces before marks, misordered and doubled vowels
    and tone marks -- while a mark with no letter to join is kept.

    >>> thai_normalize("เพื ่อ")
    'เพื่อ'
    >>> thai_normalize("เเผ่นพับ")  # two sara e -> sara ae
    'แผ่นพับ'
    >>> thai_normalize("หน่วยงาน\\u200bของท่าน")
    'หน่วยงานของท่าน'
    >>> thai_normalize("Facebook ่Twitter")  # no letter to join: kept
    'Facebook ่Twitter'
    """
    s = join_split_marks(s)
    s = remove_zw(s)
    s = remove_dup_spaces(s)
    s = remove_spaces_before_marks(s)
    return remove_repeat_vowels(s)


# --------------------------------------------------------------------------
# 8. Digits
# --------------------------------------------------------------------------

# ๐-๙ -> 0-9
_DIGITS_TABLE = str.maketrans(DIGITS, "0123456789")


def thai_digits_to_arabic(s: str) -> str:
    """Replace Thai digits with Arabic digits.

    >>> thai_digits_to_arabic("๙๙.๓๘")
    '99.38'
    >>> thai_digits_to_arabic("ต.ค. ๒๕๖๘ – ๓๐ ก.ย. ๒๕๖๙")
    'ต.ค. 2568 – 30 ก.ย. 2569'
    """
    return s.translate(_DIGITS_TABLE)


# --------------------------------------------------------------------------
# 9. Wrap spaces
# --------------------------------------------------------------------------

#: Words a report uses that PyThaiNLP's dictionary lacks.
EXTRA_WORDS: frozenset[str] = frozenset({
    "การให้บริการ", "รับบริการ", "ผู้รับบริการ", "ผู้มาติดต่อ", "มาติดต่อ",
    "เลือกปฏิบัติ", "ถือปฏิบัติ", "ประพฤติมิชอบ", "จิตสำนึก",
})
#: Bound prefixes that cannot end a phrase: a space after them is a wrap.
_BOUND_PREFIXES: frozenset[str] = frozenset({"การ", "ความ", "ผู้"})
#: Nominalizers that open a phrase: "หลัก การส่งข้อมูล" is two phrases.
_PHRASE_OPENERS: frozenset[str] = frozenset({"การ", "ความ"})
#: Context kept on each side of a space for the tokenizer.
_CONTEXT = 24
#: Characters of each side looked at (more than the context, fewer than a page).
_EDGE = 2 * _CONTEXT

# The Thai word characters at the end / start of a string.
_RE_THAI_TAIL = re.compile(f"[{WORD_CHARS}]+$")
_RE_THAI_HEAD = re.compile(f"^[{WORD_CHARS}]+")
_LEAD_VOWELS = frozenset(LEAD_VOWELS)
_NO_WORD_START = frozenset(MARKS + FOLLOW_VOWELS)


@lru_cache(maxsize=1)
def _dictionary() -> frozenset[str]:
    return frozenset(thai_words()) | EXTRA_WORDS


@lru_cache(maxsize=1)
def _trie():  # type: ignore[no-untyped-def]
    return dict_trie(_dictionary())


@lru_cache(maxsize=65536)
def thai_tokens(text: str) -> tuple[str, ...]:
    """Words of ``text`` (PyThaiNLP newmm and its dictionary), cached.

    >>> thai_tokens("จัดซื้อจัดจ้างที่เอื้อประโยชน์")
    ('จัดซื้อจัดจ้าง', 'ที่', 'เอื้อประโยชน์')
    """
    return tuple(word_tokenize(text, custom_dict=_trie(), engine="newmm"))


_tokens = thai_tokens


def _breaks_a_word(lw: str, rw: str, start: int, end: int) -> bool:
    """Whether a word spanning ``lw|rw`` at ``[start, end)`` tears a word
    that each side forms on its own ("เว็บไซต์หลัก|การส่ง", "ช่องทาง|การ")."""
    words = _dictionary()
    last = _tokens(lw)[-1]
    if last in words and start > len(lw) - len(last):
        return True  # "ช่อง|ทางการ" would tear "ช่องทาง"
    first = _tokens(rw)[0]
    taken = end - len(lw)
    if first in words and taken < len(first):
        return True  # "งาน|ประจำปี" would tear "ประจำปี"
    # "หลัก|การส่งข้อมูล": การ/ความ opening a phrase, not closing a compound
    return first in _PHRASE_OPENERS and taken == len(first) < len(rw)


@lru_cache(maxsize=65536)
def _wrap_decision(lw: str, rw: str) -> bool:
    if lw[-1] in _LEAD_VOWELS or rw[0] in _NO_WORD_START:
        return True  # a lead vowel never ends a word, a mark never starts one
    pos = 0
    for tok in _tokens(lw + rw):
        end = pos + len(tok)
        if end == len(lw):
            return tok in _BOUND_PREFIXES  # "ในการ|ดำเนินการ"
        if pos < len(lw) < end:  # a token spans the space
            return tok in _dictionary() and not _breaks_a_word(lw, rw, pos, end)
        pos = end
    return False


def is_wrap_space(left: str, right: str) -> bool:
    """Whether a space (or line break) between ``left`` and ``right`` is a wrap.

    ``left`` is the text before the space, ``right`` the text after. True
    when the Thai text on both sides joins into a dictionary word spanning
    the space, when a side is a fragment that cannot stand alone (a lead
    vowel at the end, a mark or follow vowel at the start, a bound prefix
    such as การ), False between whole words and next to non-Thai text.

    >>> is_wrap_space("ประชาสัมพันธ์ กระบวนการจัดซื้อจัด", "จ้าง")
    True
    >>> is_wrap_space("ปฏิบั", "ติ")
    True
    >>> is_wrap_space("ปฏิบัติงาน", "หรือให้บริการ")
    False
    >>> is_wrap_space("รูปแบบต่าง", "ๆ เช่น")
    False
    >>> is_wrap_space("E-Service", "(อ้างอิงจาก")
    False
    """
    # Only the ends matter: searching the whole accumulated text for each
    # line would make joining quadratic.
    left, right = left[-_EDGE:], right[:_EDGE]
    ml = _RE_THAI_TAIL.search(left)
    mr = _RE_THAI_HEAD.match(right)
    if not ml or not mr or right[mr.end():mr.end() + 1] == ".":
        return False  # non-Thai on a side, or an abbreviation ("พ.ศ.")
    return _wrap_decision(ml.group(0)[-_CONTEXT:], mr.group(0)[:_CONTEXT])


# A run of spaces (not tabs or NBSP: those are layout, not wraps).
_RE_SPACES = re.compile(r"( +)")


def _remove_wrap_spaces_once(s: str) -> str:
    parts = _RE_SPACES.split(s)
    out = [parts[0]]
    for i in range(1, len(parts), 2):
        right = parts[i + 1]
        if is_wrap_space(out[-1], right):
            out[-1] += right  # the word so far is the left context
        else:
            out += (parts[i], right)
    return "".join(out)


def remove_wrap_spaces(s: str) -> str:
    """Remove spaces that a line wrap put inside a Thai word.

    Spaces between whole words stay; see :func:`is_wrap_space`.

    >>> remove_wrap_spaces("ประชาสัมพันธ์ กระบวนการจัดซื้อจัด จ้าง")
    'ประชาสัมพันธ์ กระบวนการจัดซื้อจัดจ้าง'
    >>> remove_wrap_spaces("ขั้นตอนหรือวิธีการ ปฏิบั ติ")
    'ขั้นตอนหรือวิธีการ ปฏิบัติ'
    >>> remove_wrap_spaces("บนหน้าเว็บไซต์หลัก การส่งข้อมูลสำหรับการตรวจประเมิน")
    'บนหน้าเว็บไซต์หลัก การส่งข้อมูลสำหรับการตรวจประเมิน'
    >>> remove_wrap_spaces("หรือ E-Service (อ้างอิงจาก 010) เพื่อลดการใช้ดุลยพินิจ")
    'หรือ E-Service (อ้างอิงจาก 010) เพื่อลดการใช้ดุลยพินิจ'
    """
    if " " not in s:
        return s
    for _ in range(4):  # to a fixed point: a join can widen the next context
        new = "\n".join(_remove_wrap_spaces_once(p) for p in s.split("\n"))
        if new == s:
            break
        s = new
    return s


def join_wrapped_lines(lines: list[str]) -> str:
    """Join the visual lines of one table cell.

    Lines meet with ``""`` where the break falls inside a word, else ``" "``.

    >>> join_wrapped_lines(["ประชาสัมพันธ์", "กระบวนการจัดซื้อจัด", "จ้าง"])
    'ประชาสัมพันธ์ กระบวนการจัดซื้อจัดจ้าง'
    >>> join_wrapped_lines(["ช่วงระยะเวลา", "ในการ", "ดำเนินการ"])
    'ช่วงระยะเวลา ในการดำเนินการ'
    """
    out: list[str] = []
    for line in lines:
        line = line.strip()
        if not line:
            continue
        if out:
            out.append("" if is_wrap_space(out[-1], line) else " ")
        out.append(line)
    return "".join(out)


# --------------------------------------------------------------------------
# 10. Whitespace
# --------------------------------------------------------------------------

# Line and paragraph separators: \r\n, \r, \n, VT, FF, NEL, U+2028, U+2029.
_RE_NEWLINES = re.compile("\r\n|[\r\n\x0b\x0c\x85\u2028\u2029]")
# Zero-width leftovers pythainlp keeps: ZWJ, word joiner, BOM / ZWNBSP.
_RE_ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u2060\ufeff]")
# Any other run of whitespace, NBSP and tabs included.
_RE_WHITESPACE = re.compile(r"[^\S\n]+")


def collapse_whitespace(s: str) -> str:
    """Paragraphs joined by ``\\n``; other whitespace runs -> one space.

    >>> collapse_whitespace("  ประเด็นข้อคำถาม\\tคะแนน \\n\\n  การวิเคราะห์\\u00a0ผล ")
    'ประเด็นข้อคำถาม คะแนน\\nการวิเคราะห์ ผล'
    """
    s = _RE_ZERO_WIDTH.sub("", _RE_NEWLINES.sub("\n", s))
    paragraphs = (_RE_WHITESPACE.sub(" ", p).strip() for p in s.split("\n"))
    return "\n".join(p for p in paragraphs if p)


# --------------------------------------------------------------------------
# The composition
# --------------------------------------------------------------------------


@lru_cache(maxsize=16384)  # pure; headers and labels repeat on every page
def normalize_text(s: str) -> str:
    """Apply every rule, in the order given in the module docstring.

    >>> normalize_text("<p>หน่วยงานควรจัดทำแผนการจัดซื้อจัดจ้างฯ (อ้างอิงจาก ๐๑๒ ,๐๑๓)</p>")
    'หน่วยงานควรจัดทำแผนการจัดซื้อจัดจ้างฯ (อ้างอิงจาก 012 ,013)'
    >>> normalize_text("ประชาสัมพันธ์ กระบวนการจัดซื้อจัด จ้าง")
    'ประชาสัมพันธ์ กระบวนการจัดซื้อจัดจ้าง'
    """
    if not s:
        return ""
    for _ in range(_MAX_PASSES):  # to a fixed point: one rule can make work for another
        new = _normalize_once(s)
        if new == s:
            break
        s = new
    return s


#: Passes of the rules before :func:`normalize_text` settles (two in practice).
_MAX_PASSES = 6


def _normalize_once(s: str) -> str:
    s = map_legacy_glyphs(s)
    s = strip_html(s)
    s = compose_sara_am(s)
    s = unicodedata.normalize("NFC", s)
    s = join_split_marks(s)
    s = join_letter_spaced(s)
    s = thai_normalize(s)
    s = thai_digits_to_arabic(s)
    s = remove_wrap_spaces(s)
    s = compose_sara_am(collapse_whitespace(s))
    return unicodedata.normalize("NFC", s)
