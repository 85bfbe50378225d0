"""Repair broken Thai text layers, guided by the dictionary.

Real agencies' PDFs carry text layers that no contract rule fixes: U+FFFD
where a glyph had no Unicode (``ด�ำเนินงาน``), sara aa mapped as sara am by
a broken ToUnicode map (``กำร``), sara am lost to a space or dropped
(``ด าเนิน``, ``ดาเนิน``), marks placed after the next consonant by
x-sorting (``ประเมนิ``, ``หนว่ ยงาน``) or before their base, marks dropped
(``ภาครฐ``), private-use glyph codes (U+F70x, plane-16 U+10FC0x from
pdf-lib), Latin stand-ins for unmapped marks (``คูěมือ``), TIS-620 bytes read
as Latin-1 (``ÊÓ¹¡Ñ§Ò¹``), ``-`` drawn for mai tho.

:func:`repair_text` applies, line by line:

1. :func:`decode_tis620_as_latin1` -- a wrong code page decoded;
2. :func:`normalize.thai.normalize_text` -- the contract's rules;
3. :func:`fix_mark_sequences` -- orders no Thai text ever has (``ำ่``,
   ``่ี``, ``ำา``, a mark after a digit or full stop that follows a letter);
4. :func:`repair_chunk` on each run of Thai text that is suspicious (an
   unknown glyph, a misplaced mark, or a word out of the dictionary): the
   run is re-segmented into dictionary words through a *skeleton* index
   (a word's base letters, marks left out, ำ read as า), each candidate word
   scored by the edits that turn the broken text into it. Edits that match
   a known fault (a mark moved by one letter, an unknown glyph read as the
   mark the word lacks, ำ/า exchanged, a space inside a cluster) are cheap;
   a blind edit (a mark added with no trace) costs about as much as leaving
   a letter unknown, so proper names and unknown words that were not broken
   stay as they are.

Every step is pure, and the whole is idempotent (a repaired text is
repaired to itself) and keeps the number of lines.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from pythainlp.util.normalize import remove_zw

from normalize.lexicon import (
    UNREAD_LETTER_COST,
    WORD_COST,
    dictionary_share,
    lexicon,
    lookalike_char,
    lookalike_lexicon,
    plausible,
    skeleton_char,
)
from normalize.thai import (
    collapse_whitespace,
    compose_sara_am,
    join_letter_spaced,
    join_split_marks,
    map_legacy_glyphs,
    normalize_text,
    strip_html,
    thai_tokens,
)
from normalize.thaichars import (
    ABOVE_VOWELS,
    BASES,
    BELOW_VOWELS,
    BLOCK,
    CONSONANT_LOOKALIKES,
    CONSONANTS,
    FOLLOW_VOWELS,
    LEAD_VOWELS,
    MARK_SET,
    MARKS,
    NIKHAHIT,
    SARA_AA,
    SARA_AM,
    TONE_SET,
    TONEMARKS,
)

__all__ = [
    "decode_tis620_as_latin1",
    "dictionary_share",
    "prepare",
    "Faults",
    "fix_mark_sequences",
    "repair_chunk",
    "repair_line",
    "repair_text",
    "RepairStats",
    "repair_text_stats",
    "is_unknown_glyph",
]

# --------------------------------------------------------------------------
# Character classes (PyThaiNLP's, plus the signs it files elsewhere)
# --------------------------------------------------------------------------

_BASE_SET = frozenset(BASES)
_BLOCK_SET = frozenset(BLOCK)
_REPLACEMENT = "\ufffd"
_HYPHEN = "-"
_HYPHEN_MARKS = "\u0e48\u0e49"  # ่ ้

# Private-use codes: BMP PUA (U+E000-U+F8FF) and planes 15-16.
_RE_PUA = re.compile("[\ue000-\uf8ff\U000f0000-\U0010ffff]")


def is_unknown_glyph(ch: str) -> bool:
    """A glyph whose Unicode the producer did not know: U+FFFD or private use.

    >>> is_unknown_glyph("\\ufffd"), is_unknown_glyph("\\U0010fc01"), is_unknown_glyph("ก")
    (True, True, False)
    """
    return ch == _REPLACEMENT or bool(_RE_PUA.match(ch))


# --------------------------------------------------------------------------
# 1. TIS-620 read as Latin-1
# --------------------------------------------------------------------------

# A run of Latin-1 upper-half characters (with the dots, digits and spaces
# between them) and no ASCII letter: "ÊÓ¹¡Ñ §Ò¹ ».».ª.". Three or more
# upper-half characters, so "café" or "Ñ" alone never match.
_RE_LATIN1_RUN = re.compile(r"[\xa1-\xfb](?:[\xa1-\xfb0-9 .,()\-/]*[\xa1-\xfb.])?")


def _decode_run(m: re.Match[str]) -> str:
    run = m.group(0)
    high = [c for c in run if "\xa1" <= c <= "\xfb"]
    if len(high) < 3:
        return run
    try:
        decoded = run.encode("latin-1").decode("tis-620")
    except UnicodeError:
        return run
    thai = sum(c in _BLOCK_SET for c in decoded)
    return decoded if thai >= len(high) else run


def decode_tis620_as_latin1(s: str) -> str:
    """Decode runs of TIS-620 bytes that a reader took for Latin-1.

    >>> decode_tis620_as_latin1("ÊÓ¹¡Ñ§Ò¹ ».».ª.")  # the marks' order is the repair's
    'สำนกังาน ป.ป.ช.'
    >>> decode_tis620_as_latin1("café Ñ")
    'café Ñ'
    """
    if not any("\xa1" <= c <= "\xfb" for c in s):
        return s
    return _RE_LATIN1_RUN.sub(_decode_run, s)


# --------------------------------------------------------------------------
# 3. Mark sequences no Thai text has
# --------------------------------------------------------------------------

_TONE = f"[{TONEMARKS}]"
_VOWEL_MARK = f"[{ABOVE_VOWELS}{BELOW_VOWELS}]".replace(NIKHAHIT, "")
# A tone before the vowel mark of its cluster: "เม่ือ" -> "เมื่อ".
_RE_TONE_VOWEL = re.compile(f"({_TONE}+)({_VOWEL_MARK})")
# A tone after sara am: "นำ้" -> "น้ำ".
_RE_AM_TONE = re.compile(f"{SARA_AM}({_TONE})")
# Sara am doubled by its sara aa: "อำานาจ" -> "อำนาจ".
_RE_AM_AA = re.compile(f"{SARA_AM}{SARA_AA}|{SARA_AA}{SARA_AM}(?=[{CONSONANTS}])")
# Marks after a digit or a full stop that follows a letter: "บทท1่ี",
# "ประสงค.์" -- the marks go back to the letter.
_RE_MARK_AFTER_DIGIT = re.compile(f"(?<=[{CONSONANTS}])([0-9.]+)([{''.join(MARKS)}]+)")


def fix_mark_sequences(s: str) -> str:
    """Put marks back in an order Thai text can have.

    >>> fix_mark_sequences("เม่ือเทียบกับ")
    'เมื่อเทียบกับ'
    >>> fix_mark_sequences("นำ้"), fix_mark_sequences("อำานาจ"), fix_mark_sequences("บทท1่ี")
    ('น้ำ', 'อำนาจ', 'บทที่1')
    >>> fix_mark_sequences("วัตถุประสงค.์")
    'วัตถุประสงค์.'
    """
    if not any(c in MARK_SET or c == SARA_AM for c in s):
        return s
    s = _RE_MARK_AFTER_DIGIT.sub(lambda m: m.group(2) + m.group(1), s)
    s = _RE_AM_TONE.sub(lambda m: m.group(1) + SARA_AM, s)
    s = _RE_AM_AA.sub(SARA_AM, s)
    return _RE_TONE_VOWEL.sub(lambda m: m.group(2) + m.group(1), s)


# --------------------------------------------------------------------------
# 4. Dictionary-guided repair of a run of Thai text
# --------------------------------------------------------------------------

#: Cost of a word (favours fewer, longer words) and of one letter left as it is, not in any word
#: (:mod:`normalize.lexicon`'s, which :func:`normalize.lexicon.reading_cost` reads on).
UNKNOWN_COST = UNREAD_LETTER_COST
#: A mark found on the next letter (x-sorted text), and on the letter before
#: (a mark typed before its base), in a text that shows that fault / not.
MOVED_COST = (0.25, 1.5)
MOVED_BACK_COST = (0.25, 1.5)
#: An unknown glyph (U+FFFD, private use, Latin stand-in) read as a mark.
GLYPH_COST = 0.15
#: An unknown glyph two letters away, or an unused one dropped.
FAR_GLYPH_COST = 0.45
#: A mark the word has and the text does not show at all; a second one in
#: the same word.
ADDED_COST = (1.0, 1.6)
#: A tone mark (the marks most often lost) added, once in a word.
ADDED_TONE_COST = 0.3
#: ... in a text that shows no fault at all.
BLIND_COST = 2.5
#: A tone mark added where a space shows it was lost ("โปรง ใส").
LOST_COST = 0.35
#: A mark the text has and the word does not (text would be eaten: a
#: misplaced mark is read as moved, never as extra).
EXTRA_COST = 3.0
#: Sara am read where the word has sara aa (a broken ToUnicode map), when the
#: text has this fault (as many ำ as า), and when it does not.
AM_AS_AA_COST = (0.3, 1.2)
#: Sara aa where the word has sara am: nikhahit lost to a space or a glyph;
#: with no trace, in a text without any ำ, and in a text that has ำ.
AA_AS_AM_COST = (0.1, 0.7, 2.5)
#: Cost of dropping an unknown glyph no mark took: U+FFFD stands for nothing
#: readable; a hyphen that is no tone mark is text, never dropped.
_GLYPH_DROP_COST = {_REPLACEMENT: GLYPH_COST, _HYPHEN: 0.0}
#: A hyphen inside a word that reads no tone mark: such a word is not read.
_SPLIT_COST = 1e6
#: A space inside a word: after a mark or an unknown glyph (x-sorted text
#: puts one after a displaced mark), and after a bare letter.
SPACE_COST = (0.3, 1.6, 3.0)
#: A letter read for another of like shape (:data:`normalize.thaichars.CONSONANT_LOOKALIKES`), in a scan's text:
#: dearer than a letter left unread, so a word is read through it only when that word takes in more of the
#: text than the letter and a word of its own would (``บริภาร`` is read ``บริการ``; a name's last letter left
#: out of the words, ``ออฟโรด``, is not read into one, ``โรค``: measured on the dev scans and the real reports'
#: text, 1.45 changed that name, 2.0 no correct word of 5,950).
LOOKALIKE_COST = 2.0
#: Longest word looked up, in base letters.
MAX_WORD = 24


#: A text whose Thai letters fall into dictionary words for less than this
#: share is not trusted as it is.
TRUSTED_SHARE = 0.7
#: Thai consonants a text needs before "no ำ at all" counts as a fault.
NO_AM_MIN_CONSONANTS = 8
_CONSONANT_SET = frozenset(CONSONANTS)
_MARKS_CLASS = "".join(MARKS)
# A mark at the start of a text or a word: typed before its letter.
_RE_MARK_FIRST = re.compile(f"(?:^|\\s)[{_MARKS_CLASS}]")
# Signs of a broken text layer: an unknown glyph, a Latin letter glued to
# Thai, a mark after a space or at the start, a space after a mark and
# before a letter (x-sorted text), a mark after a follow vowel.
_RE_FAULT_SIGN = re.compile(
    "[\ufffd\ue000-\uf8ff\U000f0000-\U0010ffff]"
    f"|[{CONSONANTS}][\u00c0-\u024f]|[\u00c0-\u024f][{CONSONANTS}{_MARKS_CLASS}]"
    f"|(?:^|\\s)[{_MARKS_CLASS}]"
    f"|[{CONSONANTS}][{BELOW_VOWELS}{ABOVE_VOWELS}]+[{TONEMARKS}]?\\s[{FOLLOW_VOWELS}{_MARKS_CLASS}]"
    f"|[{FOLLOW_VOWELS}][{_MARKS_CLASS}]"
)


@dataclass
class _Unit:
    """A base letter with what follows it up to the next base letter."""

    base: str
    marks: list[str] = field(default_factory=list)
    glyphs: list[str] = field(default_factory=list)  # unknown glyphs standing for marks
    spaces: int = 0
    raw: str = ""


@dataclass(frozen=True)
class Faults:
    """Faults a whole text shows, which make some edits cheap."""

    am_as_aa: bool = False  # more ำ than า (or as many, twice): า was mapped to ำ
    no_am: bool = False  # much Thai text and no ำ at all: ำ was dropped
    glyphs: bool = False  # unknown glyphs or marks out of place
    marks_first: bool = False  # marks typed before their letter
    unread: bool = False  # much of the Thai text is not dictionary words
    lookalikes: bool = False  # read from a scan: a letter may stand for another of like shape

    @property
    def broken(self) -> bool:
        """The text shows a fault: marks dropped without trace may be restored."""
        return self.am_as_aa or self.no_am or self.glyphs or self.unread

    @classmethod
    def of(cls, s: str, share: float | None = None) -> "Faults":
        """
        >>> Faults.of("ผลกำรประเมินควำมโปร่งใส")
        Faults(am_as_aa=True, no_am=False, glyphs=False, marks_first=False, unread=False, lookalikes=False)
        >>> Faults.of("รายงานผลการประเมนคณธรรมและความโปร่งใสในการดาเนนงานของหน่วยงานภาครฐ")
        Faults(am_as_aa=False, no_am=True, glyphs=False, marks_first=False, unread=False, lookalikes=False)
        >>> Faults.of("ด\ufffdำเนินงาน").broken, Faults.of("ดำเนินงาน").broken
        (True, False)
        """
        am, aa = s.count(SARA_AM), s.count(SARA_AA)
        consonants = sum(1 for c in s if c in _CONSONANT_SET)
        return cls(
            am_as_aa=am > aa or am >= 2 and am >= aa,
            no_am=am == 0 and aa > 0 and consonants >= NO_AM_MIN_CONSONANTS,
            glyphs=bool(_RE_FAULT_SIGN.search(s)),
            marks_first=bool(_RE_MARK_FIRST.search(s)),
            unread=(dictionary_share(s) if share is None else share) < TRUSTED_SHARE,
        )


def _units(chunk: str) -> tuple[_Unit, list[_Unit]]:
    """The items before the first base letter, and one unit per base letter."""
    pre = _Unit("")
    units: list[_Unit] = []
    for c in chunk:
        if c in _BASE_SET:
            units.append(_Unit(c, raw=c))
            continue
        u = units[-1] if units else pre
        u.raw += c
        if c in MARK_SET:
            u.marks.append(c)
        elif c == " ":
            u.spaces += 1
        else:
            u.glyphs.append(c)
    return pre, units


Taken = frozenset  # of (unit index, "m" | "g", item index)


@dataclass
class _Fit:
    cost: float
    taken: Taken
    clean_end: bool  # the last letter carries exactly the word's marks


class _Reader:
    """Costs of reading spans of one chunk as words."""

    def __init__(self, chunk: str, faults: Faults) -> None:
        self.pre, self.units = _units(chunk)
        self.faults = faults

    def unit(self, k: int) -> _Unit | None:
        if k == -1:
            return self.pre
        return self.units[k] if 0 <= k < len(self.units) else None

    def leftover(self, k: int, taken: set | frozenset) -> float:
        """Cost of the marks and glyphs of unit ``k`` nobody took (they are dropped)."""
        u = self.unit(k)
        if u is None or not (u.marks or u.glyphs):
            return 0.0
        cost = sum(EXTRA_COST for n, _ in enumerate(u.marks) if (k, "m", n) not in taken)
        cost += sum(_GLYPH_DROP_COST.get(g, FAR_GLYPH_COST)
                    for n, g in enumerate(u.glyphs) if (k, "g", n) not in taken)
        return cost

    def fit(self, i: int, j: int, wbases: str, wmarks: tuple[tuple[str, ...], ...], before: Taken,
            prev_word: bool = True) -> _Fit:
        """Cost of reading units ``i..j-1`` as a word; ``before`` is what the
        reading of the text before took. The marks of these units that the
        word does not take are charged (they are dropped); one that the word
        takes from unit ``i-1``, where a word before had them charged, is
        refunded."""
        taken = set(before)
        cost = 0.0
        need: list[tuple[int, str]] = []
        for k in range(i, j):
            u, wb = self.units[k], wbases[k - i]
            if u.base != wb and SARA_AM in (u.base, wb):  # ำ and า exchanged
                cost += self._am_cost(k, u, taken)
            elif u.base != wb:  # only in a scan's text (Faults.lookalikes): a letter of like shape
                if wb not in CONSONANT_LOOKALIKES.get(u.base, ""):
                    return _Fit(float("inf"), Taken(taken), False)  # of one class, but never read for this one
                cost += LOOKALIKE_COST
            for mk in wmarks[k - i]:
                if not _take(u.marks, mk, k, taken):
                    need.append((k, mk))
        rest: list[tuple[int, str]] = []
        for k, mk in need:  # a mark one letter away (x-sorted, or typed before its base)
            for d in (1, -1):
                nb = self.unit(k + d)
                if nb is not None and (k + d >= i - 1) and _take(nb.marks, mk, k + d, taken):
                    cost += MOVED_COST[0 if self.faults.broken else 1] if d == 1 else MOVED_BACK_COST[0 if self.faults.marks_first else 1]
                    break
            else:
                rest.append((k, mk))
        added = 0
        space_used = False
        for k, mk in rest:  # an unknown glyph read as the missing mark
            for d, c in ((0, GLYPH_COST), (-1, GLYPH_COST), (1, FAR_GLYPH_COST), (-2, FAR_GLYPH_COST)):
                nb = self.unit(k + d)
                if nb is not None and k + d >= i - 1 and _take_glyph(nb, k + d, taken, mk):
                    cost += c
                    break
            else:
                lost = next((k + d for d in (0, 1) if k + d < j and self.units[k + d].spaces), None)
                if lost is not None and not space_used and mk in TONE_SET and self.faults.broken:
                    # a space where the tone was
                    cost += LOST_COST
                    taken.add((lost, "s"))
                    space_used = space_used or lost == j - 1
                else:
                    if not self.faults.broken:
                        cost += BLIND_COST
                    elif mk in TONE_SET and added == 0:
                        cost += ADDED_TONE_COST
                    else:
                        cost += ADDED_COST[min(added, 1)]
                    added += 1
        if prev_word:
            cost -= self.leftover(i - 1, before) - self.leftover(i - 1, taken)
        elif i == 0:  # marks before the first letter, that no letter took, are dropped
            cost += self.leftover(-1, taken)
        for k in range(i, j):
            u = self.units[k]
            if u.marks or u.glyphs:
                cost += self.leftover(k, taken)
            if k < j - 1 and u.glyphs and _free_hyphens(u, k, taken):
                cost += _SPLIT_COST
            if k < j - 1 and u.spaces:
                traced = u.marks or u.glyphs or (k, "s") in taken
                cost += SPACE_COST[0 if traced else 1 if self.faults.broken else 2] * u.spaces
        last = self.units[j - 1]
        clean_end = (
            not last.glyphs
            and sorted(last.marks) == sorted(wmarks[-1])
            and last.base == wbases[-1]
        )
        return _Fit(cost, Taken(taken), clean_end and not space_used)

    def _am_cost(self, k: int, u: _Unit, taken: set) -> float:
        if u.base == SARA_AM:  # the word has า
            return AM_AS_AA_COST[0] if self.faults.am_as_aa else AM_AS_AA_COST[1]
        prev = self.unit(k - 1)
        if prev is not None and prev.glyphs:
            _take_glyph(prev, k - 1, taken)
            return AA_AS_AM_COST[0]
        if prev is not None and prev.spaces:
            return AA_AS_AM_COST[0]
        return AA_AS_AM_COST[1] if self.faults.broken else AA_AS_AM_COST[2]


def _free_hyphens(u: _Unit, k: int, taken: set | frozenset) -> str:
    """The hyphens of unit ``k`` that no word read as a tone mark (they stay text)."""
    return "".join(g for n, g in enumerate(u.glyphs) if g == _HYPHEN and (k, "g", n) not in taken)


def _take(items: list[str], mk: str, k: int, taken: set) -> bool:
    for n, m in enumerate(items):
        if m == mk and (k, "m", n) not in taken:
            taken.add((k, "m", n))
            return True
    return False


def _take_glyph(u: _Unit, k: int, taken: set, mark: str = "") -> bool:
    """Take an unknown glyph of unit ``k`` as ``mark``; a hyphen only stands
    for a tone mark (mai tho drawn as ``-``)."""
    for n, g in enumerate(u.glyphs):
        if (k, "g", n) not in taken and (g != _HYPHEN or mark in _HYPHEN_MARKS):
            taken.add((k, "g", n))
            return True
    return False


@lru_cache(maxsize=2)
def _skeleton_prefixes(lookalikes: bool = False) -> frozenset[str]:
    """Every beginning of a skeleton of :func:`normalize.lexicon.lexicon` (the skeletons included); of
    :func:`normalize.lexicon.lookalike_lexicon` with ``lookalikes``."""
    return frozenset(skel[:k] for skel in (lookalike_lexicon() if lookalikes else lexicon())
                     for k in range(1, len(skel) + 1))


@lru_cache(maxsize=None)
def _word_bases(word: str) -> str:
    """A dictionary word's base letters (its marks left out)."""
    return "".join(ch for ch in word if ch in _BASE_SET)


#: What :func:`_lookalike_floor` may err by in a sum of costs: a word is passed over on it only when it costs more
#: than the best reading by this much at least, so a tie is decided by :meth:`_Reader.fit` as before.
_FLOOR_MARGIN = 1e-9


def _lookalike_floor(read: str, wbases: str) -> float:
    """The least :meth:`_Reader.fit` charges for reading base letters ``read`` as a word's ``wbases`` (as long):
    :data:`LOOKALIKE_COST` for each letter read for another of like shape, infinite for another letter (every
    other charge is a cost too, but for the refund the caller counts already). ``ำ`` for ``า`` is left out.

    >>> _lookalike_floor("บริภาร", "บริการ"), _lookalike_floor("กำร", "การ"), _lookalike_floor("กขค", "กขง")
    (2.0, 0.0, inf)
    """
    cost = 0.0
    for a, b in zip(read, wbases):
        if a != b and a != SARA_AM and b != SARA_AM:
            if b not in CONSONANT_LOOKALIKES.get(a, ""):
                return float("inf")
            cost += LOOKALIKE_COST
    return cost


def repair_chunk(chunk: str, faults: Faults | None = None) -> str:
    """Re-read a run of Thai text as dictionary words where that is cheaper.

    >>> repair_chunk("ประเมนิ")
    'ประเมิน'
    >>> repair_chunk("ด\ufffdำเนินงาน")
    'ดำเนินงาน'
    >>> repair_chunk("กำรประเมิน", Faults(am_as_aa=True))
    'การประเมิน'
    >>> repair_chunk("หนองกะบู่")  # a name out of the dictionary: kept
    'หนองกะบู่'
    """
    r = _Reader(chunk, faults or Faults.of(chunk))
    units, n = r.units, len(r.units)
    if n == 0:
        return chunk
    look = r.faults.lookalikes
    lex, prefixes = (lookalike_lexicon() if look else lexicon()), _skeleton_prefixes(look)
    skel = "".join((lookalike_char if look else skeleton_char)(u.base) for u in units)
    bases = "".join(u.base for u in units)
    inf = float("inf")
    best = [inf] * (n + 1)
    back: list[tuple[int, str | None, _Fit | None]] = [(0, None, None)] * (n + 1)
    carry: list[Taken] = [Taken()] * (n + 1)
    best[0] = 0.0
    for i in range(n):
        if best[i] == inf:
            continue
        before = carry[i]
        # one letter left as it is; what the text before left on unit i-1 is dropped
        prev_word = i > 0 and back[i][1] is not None
        c = best[i] + UNKNOWN_COST
        if c < best[i + 1]:
            best[i + 1], back[i + 1], carry[i + 1] = c, (i, None, None), before
        # a word's fit costs at least minus this refund (every other term is a cost): a word that
        # cannot beat the best reading of its span even so is not fitted (the same readings, faster)
        refund = r.leftover(i - 1, before) if prev_word else 0.0
        for j in range(i + 1, min(n, i + MAX_WORD) + 1):
            if skel[i:j] not in prefixes:
                break  # no word's skeleton begins so: nor does any longer span
            cands = lex.get(skel[i:j])
            if not cands:
                continue
            read = bases[i:j]
            for word, wmarks, prior in cands:
                floor = best[i] + WORD_COST + prior - refund
                if floor >= best[j]:
                    continue
                wbases = _word_bases(word)
                if wbases != read and floor + _lookalike_floor(read, wbases) >= best[j] + _FLOOR_MARGIN:
                    continue  # its letters of like shape alone cost more than the best reading of the span
                fit = r.fit(i, j, wbases, wmarks, before, prev_word)
                c = best[i] + WORD_COST + prior + fit.cost
                if c < best[j]:
                    best[j], back[j], carry[j] = c, (i, word, fit), fit.taken
    return _spell_out(r, back, carry[n])


def _spell_out(r: _Reader, back: list, taken: Taken) -> str:
    segs = []
    j = len(r.units)
    while j > 0:
        i, word, fit = back[j]
        segs.append((i, j, word, fit))
        j = i
    segs.reverse()
    out: list[str] = []
    if segs[0][2] is None:  # the chunk starts with letters left as they are
        out.append(_unit_text(r.pre, -1, taken))
    for i, j, word, fit in segs:
        if word is None:
            out.append(_unit_text(r.units[i], i, taken))
            continue
        out.append(word + _free_hyphens(r.units[j - 1], j - 1, taken))
        if r.units[j - 1].raw.endswith(" ") and fit.clean_end:
            out.append(" ")  # a space after an untouched letter: between phrases
    return "".join(out)


def _unit_text(u: _Unit, k: int, taken: Taken) -> str:
    out = [u.base]
    mi = gi = 0
    for c in u.raw[len(u.base):]:
        if c in MARK_SET:
            if (k, "m", mi) not in taken:
                out.append(c)
            mi += 1
        elif c == " ":
            out.append(c)
        else:
            if (k, "g", gi) not in taken:
                out.append(c)
            gi += 1
    return "".join(out)


# --------------------------------------------------------------------------
# Suspicion: which runs to look at
# --------------------------------------------------------------------------

_THAI = "".join(sorted(_BASE_SET | MARK_SET))
# A run of Thai text: Thai letters and marks, unknown glyphs, and single
# spaces or hyphens between them. Latin stand-ins and hyphens count only
# when Thai text touches them.
_GLYPH = "\ufffd\ue000-\uf8ff\U000f0000-\U0010ffff"
_RE_CHUNK = re.compile(
    f"[{_THAI}{_GLYPH}]"
    f"(?:[{_THAI}{_GLYPH}]|(?<=[{_THAI}])[\u00c0-\u024f](?=[{_THAI} ]|$)"
    f"|(?<=[{_THAI}])-(?=[{CONSONANTS}])| (?=[{_THAI}{_GLYPH}])(?![{_THAI}]{{1,3}}\\.))*"
)
_RE_SUSPICIOUS = re.compile(
    f"[{_GLYPH}\u00c0-\u024f-]"                 # an unknown glyph or stand-in
    f"|(?:^| )[{''.join(MARKS)}]"                 # a mark with no letter before it
    f"|[{''.join(MARKS)}] "                       # a space after a mark
    f"|[{LEAD_VOWELS}][ {''.join(MARKS)}]"   # a lead vowel with a mark or a space
    f"|[{LEAD_VOWELS}]$"
)


def _suspicious(chunk: str, faults: Faults) -> bool:
    if _RE_SUSPICIOUS.search(chunk):
        return True
    if (faults.am_as_aa and SARA_AM in chunk) or (faults.no_am and SARA_AA in chunk):
        return True
    for part in chunk.split(" "):
        for tok in thai_tokens(part):
            if not plausible(tok):
                return True
    return False


@dataclass
class RepairStats:
    """What a repair changed: runs looked at and runs rewritten."""

    looked_at: int = 0
    repaired: int = 0
    unknown_glyphs: int = 0


def _repair_chunks(s: str, faults: Faults, stats: RepairStats) -> str:
    def one(m: re.Match[str]) -> str:
        chunk = m.group(0)
        if not _suspicious(chunk, faults):
            return chunk
        stats.looked_at += 1
        fixed = unicodedata.normalize("NFC", repair_chunk(chunk, faults))
        if fixed != chunk:
            stats.repaired += 1
        return fixed

    return _RE_CHUNK.sub(one, s)


# A glyph pdfminer could not map, as it writes it: "(cid:25)". Read as U+FFFD.
_RE_CID = re.compile(r"\(cid:\d+\)")

# A space before sara aa, after a letter: sara aa never starts a word, so the
# space is where a nikhahit glyph was lost ("ด าเนิน" for "ดำเนิน"). It is
# marked as an unknown glyph before the wrap-space rule can remove it.
_RE_LOST_NIKHAHIT = re.compile(f"(?<=[{CONSONANTS}]) (?={SARA_AA})")


def repair_line(s: str, stats: RepairStats | None = None, faults: Faults | None = None) -> str:
    """One line (no ``\\n``) through every step; the result is one line.

    ``faults`` are those of the whole text the line comes from (a page);
    by default, the line's own.

    >>> repair_line("ผลกำรประเมินคุณธรรมและควำมโปร่งใส")
    'ผลการประเมินคุณธรรมและความโปร่งใส'
    >>> repair_line("บทสรปุ ส\\ufffdำหรบั ผู้บริหาร")
    'บทสรุปสำหรับผู้บริหาร'
    """
    stats = stats if stats is not None else RepairStats()
    for _ in range(3):
        new = _repair_once(s, stats, faults)
        if new == s:
            break
        s = new
    return s


def _repair_once(s: str, stats: RepairStats, faults: Faults | None) -> str:
    s = prepare(decode_tis620_as_latin1(s))
    stats.unknown_glyphs += sum(1 for c in s if is_unknown_glyph(c))
    s = _repair_chunks(s, faults or Faults.of(s), stats)
    return normalize_text(fix_mark_sequences(s)).replace("\n", " ")


def prepare(s: str) -> str:
    """The contract's rules that never move a letter, before the repair
    (joining spaces and removing doubled vowels come after it: they would
    eat the traces the repair reads, ``ปที ี่`` -> ``ปที่``)."""
    s = _RE_CID.sub(_REPLACEMENT, map_legacy_glyphs(strip_html(s)))
    s = unicodedata.normalize("NFC", compose_sara_am(s))
    s = collapse_whitespace(remove_zw(s)).replace("\n", " ")
    s = join_letter_spaced(join_split_marks(s))
    return fix_mark_sequences(_RE_LOST_NIKHAHIT.sub(_REPLACEMENT, s))


def repair_text_stats(s: str) -> tuple[str, RepairStats]:
    """:func:`repair_text` and what it changed.

    The faults that make edits without a trace allowed (a mark restored,
    ำ for า) are judged on the whole text: they are faults of a font or a
    producer, which a page or a file shows all over. One fix can open another (a doubled
    sara e, ``เเม`` -> ``แม``, is only then a word missing its tone mark), so a text a pass
    changed is repaired again, with the faults it shows now; an untouched text costs one pass.

    >>> repair_text("เเม") == repair_text(repair_text("เเม"))
    True
    """
    stats = RepairStats()
    for _ in range(3):  # again while a pass changes the text: repairing twice changes nothing
        faults = Faults.of(prepare(decode_tis620_as_latin1(s)))
        out = "\n".join(repair_line(line, stats, faults) for line in s.split("\n"))
        if out == s:
            break
        s = out
    return s, stats


def repair_text(s: str) -> str:
    """Repair a broken Thai text layer, line by line (one line out per line in).

    >>> repair_text("ประจ\\ufffdาปีงบประมาณ พ.ศ. ๒๕๖๔\\nความโปรง ใส")
    'ประจำปีงบประมาณ พ.ศ. 2564\\nความโปร่งใส'
    >>> repair_text("การประเมินคุณธรรมและความโปร่งใส")
    'การประเมินคุณธรรมและความโปร่งใส'
    """
    return repair_text_stats(s)[0]
