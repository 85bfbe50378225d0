"""The words the repair reads text into: PyThaiNLP's word list, indexed by skeleton.

A word's *skeleton* is its base letters (consonants, lead and follow vowels)
without its marks, sara am read as sara aa: ``ประเมิน`` -> ``ประเมน``,
``กำหนด`` -> ``กาหนด``. Broken text keeps the skeleton of what it spells
(marks moved, dropped, replaced by unknown glyphs; ำ and า exchanged), so the
skeleton finds the candidate words; :mod:`normalize.repair` scores them.
Frequencies come from the Thai National Corpus as PyThaiNLP ships it.
"""
from __future__ import annotations

import math
import re
from functools import lru_cache

from normalize.thai import EXTRA_WORDS, thai_tokens
from normalize.thaichars import BASES, CONSONANT_LOOKALIKES, CONSONANTS, MARK_SET, MARKS, SARA_AA, SARA_AM

__all__ = [
    "REPORT_WORDS", "UNREAD_LETTER_COST", "WORD_COST", "dictionary_share", "lexicon", "lookalike_char",
    "lookalike_lexicon", "parse_word", "plausible", "reading_cost", "skeleton_char",
]

_BASE_SET = frozenset(BASES)
_CONSONANT_SET = frozenset(CONSONANTS)
#: Scale of a word's rarity cost: 0 for the most frequent word in the
#: Thai National Corpus, this for a word it never saw.
RARITY_COST = 0.9
#: Cost of reading a word (favours fewer, longer words) ...
WORD_COST = 1.0
#: ... and of one letter left as it is, in no word (the repair's scale: :mod:`normalize.repair`).
UNREAD_LETTER_COST = 1.45

@lru_cache(maxsize=1)
def _frequencies() -> dict[str, int]:
    from pythainlp.corpus.tnc import word_freqs

    return {w: f for w, f in word_freqs() if w}


#: A word the Thai National Corpus saw fewer times than this is suspicious
#: in a text (``หรับ``, ``โปรง``): it is more often a fragment than a word.
RARE_WORD = 100
#: Dictionary words this long are plausible however rare (compounds).
LONG_WORD = 6


@lru_cache(maxsize=65536)
def plausible(word: str) -> bool:
    from normalize.thai import _dictionary

    if word in EXTRA_WORDS or word in REPORT_WORDS:
        return True
    # a compound is rare as a whole and still a word; a short rare one is a fragment
    return word in _dictionary() and (len(word) >= LONG_WORD or _frequencies().get(word, 0) >= RARE_WORD)


#: The report's own vocabulary (the contract's labels) that PyThaiNLP's
#: word list lacks.
REPORT_WORDS: frozenset[str] = frozenset({
    "ตัวชี้วัด", "ชี้วัด", "ข้อคำถาม", "ผลประโยชน์ทับซ้อน",
})


@lru_cache(maxsize=1)
def lexicon() -> dict[str, list[tuple[str, tuple[tuple[str, ...], ...], float]]]:
    """Skeleton -> [(word, marks per base letter, rarity cost)]."""
    from pythainlp.corpus import thai_words

    freq = _frequencies()
    out: dict[str, list] = {}
    # sorted: words of one skeleton are tried in this order and the first of equal cost stays
    # (repair.py), so a set's order, which PYTHONHASHSEED draws anew for each process, must not decide it
    for w in sorted(set(thai_words()) | EXTRA_WORDS | REPORT_WORDS):
        parsed = parse_word(w)
        if parsed is None:
            continue
        skeleton, marks = parsed
        out.setdefault(skeleton, []).append((w, marks, rarity(w, freq)))
    return out


@lru_cache(maxsize=1)
def _top_frequency() -> float:
    return math.log(max(_frequencies().values()) + 1.0)


def rarity(word: str, freq: dict[str, int] | None = None) -> float:
    """A word's rarity cost: :data:`RARITY_COST` times how far its Thai National Corpus frequency stands below the
    most frequent word's, on a log scale (0 for that word, :data:`RARITY_COST` for a word the corpus never saw)."""
    freq = _frequencies() if freq is None else freq
    return RARITY_COST * (1.0 - math.log(freq.get(word, 0) + 1.0) / _top_frequency())


@lru_cache(maxsize=1)
def _lookalike_classes() -> dict[str, str]:
    """Each letter of :data:`normalize.thaichars.CONSONANT_LOOKALIKES` -> the first (in code-point order) of the
    letters it is linked to, read for or read as, one pair after another: one key for a whole class."""
    root = {c: c for pair in CONSONANT_LOOKALIKES.items() for c in pair[0] + pair[1]}

    def find(c: str) -> str:
        while root[c] != c:
            c = root[c]
        return c

    for read, meant in sorted(CONSONANT_LOOKALIKES.items()):
        for m in meant:
            a, b = sorted((find(read), find(m)))
            root[b] = a
    return {c: find(c) for c in sorted(root)}


def lookalike_char(c: str) -> str:
    """The letter a scan's skeleton has for ``c``: one letter for all the letters a scan reads one for another
    (:data:`normalize.thaichars.CONSONANT_LOOKALIKES`), and sara am read as sara aa (:func:`skeleton_char`).

    >>> lookalike_char("ภ") == lookalike_char("ก") == lookalike_char("ท"), lookalike_char("ำ"), lookalike_char("ย")
    (True, 'า', 'ย')
    """
    return _lookalike_classes().get(c) or skeleton_char(c)


@lru_cache(maxsize=1)
def lookalike_lexicon() -> dict[str, list[tuple[str, tuple[tuple[str, ...], ...], float]]]:
    """:func:`lexicon` keyed by the skeleton of :func:`lookalike_char`: the words a scan may have read as
    letters of like shape (``ภาร`` finds ``การ``)."""
    out: dict[str, list] = {}
    for skeleton, words in sorted(lexicon().items()):
        out.setdefault("".join(lookalike_char(c) for c in skeleton), []).extend(words)
    return out


def skeleton_char(c: str) -> str:
    """The letter a skeleton has for ``c`` (sara am is read as sara aa).

    >>> skeleton_char("ำ"), skeleton_char("ก")
    ('า', 'ก')
    """
    return SARA_AA if c == SARA_AM else c


def parse_word(w: str) -> tuple[str, tuple[tuple[str, ...], ...]] | None:
    """A word's skeleton and the marks on each of its base letters; None when
    the word is not Thai letters only.

    >>> parse_word("ประเมิน")
    ('ประเมน', ((), (), (), (), ('ิ',), ()))
    """
    if not w or w[0] not in _BASE_SET:
        return None
    skel: list[str] = []
    marks: list[list[str]] = []
    for c in w:
        if c in _BASE_SET:
            skel.append(skeleton_char(c))
            marks.append([])
        elif c in MARK_SET:
            marks[-1].append(c)
        else:
            return None
    return "".join(skel), tuple(tuple(m) for m in marks)


_RE_THAI_RUN = re.compile(f"[{BASES}{''.join(MARKS)}]+")


def reading_cost(s: str) -> float:
    """What reading ``s`` as words costs, on the repair's scale: each plausible word (:func:`plausible`)
    :data:`WORD_COST` plus its rarity (:func:`rarity`), each Thai consonant outside them
    :data:`UNREAD_LETTER_COST`. Of two readings of one text the cheaper reads as the language does:
    ``ชุมชน`` is one common word, ``ซุ้มชน`` (a scan's ``ซ`` for ``ช``, a speck for a tone mark) two rarer ones.

    >>> reading_cost("สำนักงานพัฒนาชุมชน") < reading_cost("สำนักงานพัฒนาซุ้มชน")
    True
    >>> reading_cost("มหาวิทยาลัยเทคโนโลยี") < reading_cost("มหาวิทยาลัยแท้คโนโลยี"), reading_cost("")
    (True, 0.0)
    """
    cost = 0.0
    for run in _RE_THAI_RUN.findall(s):
        for tok in thai_tokens(run):
            if plausible(tok):
                cost += WORD_COST + rarity(tok)
            else:
                cost += UNREAD_LETTER_COST * sum(1 for c in tok if c in _CONSONANT_SET)
    return cost


def dictionary_share(s: str) -> float:
    """Share of the Thai consonants of ``s`` that fall into common dictionary
    words (1.0 for a text without Thai).

    >>> dictionary_share("การประเมินคุณธรรมและความโปร่งใส")
    1.0
    >>> round(dictionary_share("หลกั การและเหตผุ ล"), 2)
    0.5
    """
    total = good = 0
    for run in _RE_THAI_RUN.findall(s):
        for tok in thai_tokens(run):
            n = sum(1 for c in tok if c in _CONSONANT_SET)
            total += n
            good += n if plausible(tok) else 0
    return good / total if total else 1.0
