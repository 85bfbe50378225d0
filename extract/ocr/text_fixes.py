"""Text fixes for OCR words only, applied at the source (the OCR wing).

A text layer's text is never touched by these: a mark with no letter in a
text layer is kept (see :func:`normalize.thai.thai_normalize`); in OCR output
it is a speck read as a mark. The shared text rules live in :mod:`normalize`.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from rapidfuzz.distance import Levenshtein

from normalize import questionnaire
from normalize.lexicon import _frequencies, plausible
from normalize.repair import Faults, RepairStats, repair_line
from normalize.thai import _dictionary, compose_sara_am, thai_tokens
from normalize.thaichars import (
    ABOVE_VOWELS,
    BASES,
    BELOW_VOWELS,
    CONSONANT_LOOKALIKES,
    CONSONANTS,
    DIGITS,
    MARK_SET,
    MARKS,
    SARA_AA,
    SARA_AM,
    TONE_SET,
    charset,
)

# A mark right after a full stop or a digit belongs to no letter.
_RE_STRAY_MARK = re.compile(f"(?<=[.0-9{DIGITS}])[{MARKS}]+")


def drop_stray_ocr_marks(s: str) -> str:
    """Marks OCR put after a full stop or a digit (a speck read as ``ุ``).

    Applied to OCR words only, at the source: in text a layer gives, a mark
    with no letter is kept (see :func:`thai_normalize`). A mark after a
    letter is never touched.

    >>> drop_stray_ocr_marks("ก.ุย.")          # ก.ย. on a 200-dpi scan
    'ก.ย.'
    >>> drop_stray_ocr_marks("๒๕๖๗่")
    '๒๕๖๗'
    >>> drop_stray_ocr_marks("มี.ค."), drop_stray_ocr_marks("พ.ศ.๒๕๖๘"), drop_stray_ocr_marks("ที่")
    ('มี.ค.', 'พ.ศ.๒๕๖๘', 'ที่')
    """
    return _RE_STRAY_MARK.sub("", s)


# A bracket OCR made of sara ai (``ไ``'s tall stroke read as ``(`` or ``[``): inside a word, after a Thai
# letter or mark and before a consonant, with no bracket closing it in the word (``(อ้างอิงจาก`` opens one).
_RE_BRACKET_AI = re.compile(r"(?<=[\u0e01-\u0e4e])[(\[](?=[\u0e01-\u0e2e])(?![^()\[\]]*[)\]])")


def bracket_as_sara_ai(word: str) -> str:
    """``word`` with each bracket OCR read for sara ai (or sara ai maimalai) put back.

    Of ``ไ`` and ``ใ``, the one more of the word then reads as dictionary words (``ไ`` when even),
    taken only when more of the word reads as words than with the bracket.

    >>> bracket_as_sara_ai("ผู้มีส่วน(ด้ส่วนเสีย"), bracket_as_sara_ai("บริหารทั่ว[ป"), bracket_as_sara_ai("และการ[ช้")
    ('ผู้มีส่วนได้ส่วนเสีย', 'บริหารทั่วไป', 'และการใช้')
    >>> bracket_as_sara_ai("(อ้างอิงจาก"), bracket_as_sara_ai("คู่มือ(อ้างอิงจาก"), bracket_as_sara_ai("(6-5)")
    ('(อ้างอิงจาก', 'คู่มือ(อ้างอิงจาก', '(6-5)')
    """
    pos = 0
    while (m := _RE_BRACKET_AI.search(word, pos)) is not None:
        a, b = (word[:m.start()] + ai + word[m.end():] for ai in ("\u0e44", "\u0e43"))
        best = b if _in_words(b) > _in_words(a) else a
        if _in_words(best) > _in_words(word):  # a bracket opening words that read as words stays
            word = best
        pos = m.start() + 1
    return word


#: What Tesseract does to Thai: it drops tone marks and vowel marks, which a
#: text layer's repair restores only on a page that shows a fault; OCR text
#: always shows this one (see :class:`normalize.repair.Faults`).
OCR_FAULTS = Faults(unread=True)
#: ... and a scan's letters of like shape, one read for another (``ภาร`` for ``การ``, ``กราบ`` for ``ทราบ``).
SCAN_FAULTS = Faults(unread=True, lookalikes=True)
_BASES = frozenset(BASES)
_RE_THAI = re.compile(f"[{charset(BASES)}]")


def _clusters(s: str) -> list[tuple[str, str]] | None:
    """(base letter, its marks) for every Thai base letter; other characters as (char, "")."""
    out: list[tuple[str, str]] = []
    for ch in s:
        if ch in MARK_SET:
            if not out or out[-1][0] not in _BASES:
                return None  # a mark with no letter: left to the other rules
            out[-1] = (out[-1][0], out[-1][1] + ch)
        else:
            out.append((ch, ""))
    return out


def _token_at(s: str) -> list[str]:
    """The dictionary word (PyThaiNLP newmm) each character of ``s`` falls in."""
    out: list[str] = []
    for tok in thai_tokens(s):
        out += [tok] * len(tok)
    return out


#: A dictionary word read without a tone mark takes one only when the word
#: with it is this many times more frequent in the Thai National Corpus
#: (``ที`` 12,135 against ``ที่`` 818,364): then the bare word as read is
#: almost always a tone mark lost (``สวน``/``ส่วน``, 9 times, is left alone).
TONE_LOST_RATIO = 30.0
#: The marks Tesseract loses this way: mai ek, mai tho and mai taikhu (``เปน`` for ``เป็น``).
_LOST_TONES = "\u0e48\u0e49\u0e47"
_ABOVE_BELOW = frozenset(ABOVE_VOWELS + BELOW_VOWELS)


#: Tesseract reads sara ai maimalai as sara ai maimuan (``ไน`` for ``ใน``, ``ไห้`` for ``ให้``).
_MAIMUAN, _MAIMALAI = "\u0e44", "\u0e43"


def _tone_spots(tok: str) -> list[int]:
    """Where a tone mark may stand in ``tok``: after each consonant and the vowel marks above or below it."""
    spots = []
    for i, ch in enumerate(tok):
        if ch not in CONSONANTS:
            continue
        k = i + 1
        while k < len(tok) and tok[k] in _ABOVE_BELOW:
            k += 1  # a tone mark sits above the vowel mark of its letter
        spots.append(k)
    return spots


def _misread_variants(tok: str, tones: int = 1) -> list[str]:
    """``tok`` as it may have been printed: up to ``tones`` tone marks Tesseract lost put back,
    and sara ai maimalai it read as maimuan.

    >>> _misread_variants("ไน")
    ['ใน', 'ไน่', 'ไน้', 'ไน็', 'ใน่', 'ใน้', 'ใน็']
    >>> _misread_variants("ไห้")
    ['ให้']
    """
    bases = [tok] + ([tok.replace(_MAIMUAN, _MAIMALAI)] if _MAIMUAN in tok else [])
    out: list[str] = bases[1:]
    level = bases
    for _ in range(tones):
        nxt = []
        for b in level:
            for k in _tone_spots(b):
                if b[k:k + 1] in TONE_SET or b[k - 1:k] in TONE_SET:
                    continue  # the letter has its tone mark
                nxt += [b[:k] + tone + b[k:] for tone in _LOST_TONES]
        out += nxt
        level = nxt
    return out


def _with_lost_tone(tok: str) -> str:
    """``tok`` with the tone mark it lost (or ใ read as ไ), when the dictionary says it almost surely had one.

    >>> _with_lost_tone("ที"), _with_lost_tone("ได"), _with_lost_tone("มา"), _with_lost_tone("สวน")
    ('ที่', 'ได้', 'มา', 'สวน')
    >>> _with_lost_tone("เรือง"), _with_lost_tone("ไน"), _with_lost_tone("ไห้")
    ('เรื่อง', 'ใน', 'ให้')
    """
    if len(tok) > 5 or not plausible(tok):
        return tok
    freq = _frequencies()
    best, best_f = tok, TONE_LOST_RATIO * max(1, freq.get(tok, 0))
    for cand in _misread_variants(tok, 0 if any(c in TONE_SET for c in tok) else 1):
        if freq.get(cand, 0) >= best_f:
            best, best_f = cand, freq[cand]
    return best


#: Tone marks a compound may have lost: ``สวนรวม`` (two words) is ``ส่วนร่วม`` (one).
COMPOUND_LOST_TONES = 2
#: ... and the compound must be this frequent in the Thai National Corpus: a rare one is as likely
#: two words read right (``ให้`` + ``นำ`` stays, though ``ให้น้ำ`` is a dictionary word; ``ขั้นตอน``: 4,248).
COMPOUND_MIN_FREQUENCY = 1000
_RE_THAI_WORD = re.compile("[\u0e01-\u0e4e]+")  # Thai letters and marks, no digits


#: What :func:`_misread_variants` changes, undone: the tone marks it puts back removed, sara ai
#: maimalai read as maimuan. A word and all its variants share this key.
_UNMISREAD = str.maketrans({_MAIMALAI: _MAIMUAN, **{t: None for t in _LOST_TONES}})


def _without_lost_marks(s: str) -> str:
    """
    >>> _without_lost_marks("ส่วนร่วม"), _without_lost_marks("ให้") == _without_lost_marks("ไห")
    ('สวนรวม', True)
    """
    return s.translate(_UNMISREAD)


@lru_cache(maxsize=1)
def _compound_keys() -> frozenset[str]:
    """:func:`_without_lost_marks` of every dictionary word a compound may be
    (:data:`COMPOUND_MIN_FREQUENCY`): words whose key is not here have no such variant,
    so :func:`join_lost_compounds` need not spell their variants out."""
    words, freq = _dictionary(), _frequencies()
    return frozenset(_without_lost_marks(w) for w in words if freq.get(w, 0) >= COMPOUND_MIN_FREQUENCY)


def join_lost_compounds(toks: Sequence[str]) -> list[str]:
    """Neighbouring words that are one dictionary word once the tone marks Tesseract lost are back.

    A compound read without its tone mark splits into words that each exist
    (``ขันตอน`` reads as ``ขัน`` + ``ตอน``, ``ความเสียง`` as ``ความ`` + ``เสียง``), so no
    repair of a word that does not read as words finds it. Two or three neighbours
    whose letters are no dictionary word as they stand, and are one with up to
    :data:`COMPOUND_LOST_TONES` tone marks put back (or ใ read as ไ), are that word
    when it is a common one (:data:`COMPOUND_MIN_FREQUENCY`).

    >>> join_lost_compounds(["ขัน", "ตอน"]), join_lost_compounds(["ให้", "นำ"]), join_lost_compounds(["มา", "ใช้"])
    (['ขั้นตอน'], ['ให้', 'นำ'], ['มา', 'ใช้'])
    >>> join_lost_compounds(["การ", "มี", "สวน", "รวม"]), join_lost_compounds(["ขอ", "มูล"])
    (['การ', 'มี', 'ส่วนร่วม'], ['ข้อมูล'])
    >>> join_lost_compounds(["เจ้า", "หนา", "ที่"]), join_lost_compounds(["เสียง", "ดัง"])
    (['เจ้าหน้าที่'], ['เสียง', 'ดัง'])
    """
    words, freq, keys = _dictionary(), _frequencies(), _compound_keys()
    out = list(toks)
    i = 0
    while i + 1 < len(out):
        for span in (3, 2):  # the longest compound first (``มี`` + ``ส่วน`` is a word too)
            joined = "".join(out[i:i + span])
            if (i + span > len(out) or not _RE_THAI_WORD.fullmatch(joined) or joined in words
                    or _without_lost_marks(joined) not in keys):  # no common word is that with marks put back
                continue
            found = [c for c in _misread_variants(joined, COMPOUND_LOST_TONES)
                     if c in words and freq.get(c, 0) >= COMPOUND_MIN_FREQUENCY]
            if found:  # the likeliest (``ส่วนร่วม`` over ``ส่วนรวม``)
                out[i:i + span] = [max(found, key=lambda c: freq.get(c, 0))]
                break
        i += 1
    return out


#: Vowel marks that share one place on a letter: Thai writes at most one of each group on a letter
#: (sara u or sara uu below; sara a-short-mai-han-akat, i, ii, ue, uee above).
_VOWEL_PLACES = (BELOW_VOWELS, "\u0e31\u0e34\u0e35\u0e36\u0e37")
_RE_CLUSTER = re.compile(f"[{charset(CONSONANTS)}][{charset(MARKS)}]{{2,}}")


def one_vowel_per_place(word: str) -> str:
    """``word`` with one vowel mark left where OCR read two in one place on a letter (``สูุ``): Thai never
    writes two vowels below a letter, nor two above it; of the readings with one of them, the one whose
    word reads most as dictionary words (then as the fewest words) stays.

    >>> one_vowel_per_place("เทศบาลนครสู\u0e38ราษฎร์ธานี"), one_vowel_per_place("ที\u0e34\u0e48")
    ('เทศบาลนครสุราษฎร์ธานี', 'ที่')
    >>> one_vowel_per_place("สุราษฎร์ธานี"), one_vowel_per_place("ที่สุด"), one_vowel_per_place("สุ\u0e38ด")
    ('สุราษฎร์ธานี', 'ที่สุด', 'สุด')
    """
    m = next((m for m in _RE_CLUSTER.finditer(word)
              if any(sum(c in place for c in m.group()) > 1 for place in _VOWEL_PLACES)), None)
    if m is None:
        return word
    marks = m.group()[1:]
    place = next(p for p in _VOWEL_PLACES if sum(c in p for c in marks) > 1)
    cands = []
    for keep in dict.fromkeys(c for c in marks if c in place):
        at = marks.index(keep)
        kept = "".join(c for k, c in enumerate(marks) if c not in place or k == at)
        cand = word[:m.start() + 1] + kept + word[m.end():]
        cands.append((_in_words(cand), -len(thai_tokens(cand)), -len(cands), cand))
    return one_vowel_per_place(max(cands)[3])


@lru_cache(maxsize=16384)  # pure; the same words come back on every page (headers, labels)
def restore_marks(word: str) -> str:
    """Marks Tesseract dropped or misread, restored where the dictionary tells (an OCR word).

    Tesseract writes ``ำ`` as nikhahit and sara aa (``ดําเนินการ``), which no
    dictionary word holds: the word is read both as written and with sara am
    composed, and the reading with more of its letters in dictionary words wins
    (a speck read as nikhahit before a sara aa, ``นอกจ\u0e4dากนี``, is no sara am).
    Each reading is :func:`repair_marks` (a word that does not read as words),
    then each word of it that lost a tone mark by :func:`_with_lost_tone` and the
    compounds that lost one by :func:`join_lost_compounds`.

    >>> restore_marks("ทีกำหนด"), restore_marks("ตรวจสอบอย่างสมำเสมอ"), restore_marks("ภายในเวลาที่กำหนด")
    ('ที่กำหนด', 'ตรวจสอบอย่างสม่ำเสมอ', 'ภายในเวลาที่กำหนด')
    >>> restore_marks("ด\u0e4d\u0e32เนินการเพือจัดการ")  # ำ as Tesseract writes it
    'ดำเนินการเพื่อจัดการ'
    >>> restore_marks("นอกจ\u0e4d\u0e32กนี")
    'นอกจากนี้'
    """
    if not _RE_THAI.search(word):
        return word
    word = one_vowel_per_place(word)
    as_read = _restore(word)
    composed = compose_sara_am(word)
    if composed != word:
        with_am = _restore(composed)
        as_read = with_am if _in_words(with_am) > _in_words(as_read) else as_read
    return _RE_THAI_WORD.sub(lambda m: questionnaire_marks(m.group()), as_read)


#: The fewest letters (marks left out) a wording of the questionnaire must hold for its marks to be
#: put on a word read with other marks: shorter ones (``ขัน``/``ขั้น``) are other words as often.
WORDING_MIN_LETTERS = 6
#: The most words of the questionnaire's wording taken together (``การ`` + ``เลื่อน`` + ``ขั้น`` + ``เงินเดือน``).
WORDING_MAX_WORDS = 4
#: The most marks that may differ (lost, added or misread) between a word as read and the wording it is.
WORDING_MAX_MARKS = 2
_NO_MARKS = str.maketrans({m: None for m in MARKS})


def _letters(s: str) -> str:
    """``s`` without its marks (tone marks, vowels above and below): what OCR reads surely."""
    return s.translate(_NO_MARKS)


@lru_cache(maxsize=1)
def _wordings() -> dict[str, frozenset[str]]:
    """Runs of one to :data:`WORDING_MAX_WORDS` words of every question of every fiscal year's
    questionnaire, by their letters (:func:`_letters`), long ones only (:data:`WORDING_MIN_LETTERS`)."""
    out: dict[str, set[str]] = {}
    texts = {q.text for year in questionnaire.fiscal_years() for q in questionnaire.questions(year)}
    for text in texts:
        for run in _RE_THAI_WORD.findall(text):
            toks = thai_tokens(run)
            for n in range(1, WORDING_MAX_WORDS + 1):
                for i in range(len(toks) - n + 1):
                    words = "".join(toks[i:i + n])
                    if len(_letters(words)) >= WORDING_MIN_LETTERS:
                        out.setdefault(_letters(words), set()).add(words)
    return {k: frozenset(v) for k, v in out.items()}


@lru_cache(maxsize=1)
def _wording_set() -> frozenset[str]:
    return frozenset(w for ws in _wordings().values() for w in ws)


def questionnaire_marks(run: str) -> str:
    """A run of Thai text with the marks of the questionnaire's wording where OCR read its words with others.

    Reports quote and paraphrase the questionnaire (``ความเสี่ยงการทุจริต``, ``การจัดซื้อจัดจ้าง``); OCR
    loses, adds or misreads a tone or vowel mark in them (``ความเสียง``, ``จัดซื่อ``) and the words as read
    still exist (``เสียง``), so no dictionary finds the fault. Words of the run that have the letters of a
    wording of the questionnaire (one to :data:`WORDING_MAX_WORDS` words, :data:`WORDING_MIN_LETTERS`
    letters or more) and up to :data:`WORDING_MAX_MARKS` other marks take that wording's marks: the
    nearest, when one alone is nearest. Words read as a wording or as one dictionary word (``ส่วนรวม``
    beside ``ส่วนร่วม``) are left as read, and no letter is ever changed.

    >>> questionnaire_marks("ความเสียงการทุจริต"), questionnaire_marks("การจัดซื่อจัดจ้าง")
    ('ความเสี่ยงการทุจริต', 'การจัดซื้อจัดจ้าง')
    >>> questionnaire_marks("ประโยชน์ส่วนรวม"), questionnaire_marks("เสียงดัง"), questionnaire_marks("ขัน")
    ('ประโยชน์ส่วนรวม', 'เสียงดัง', 'ขัน')
    """
    wordings, known, words = _wordings(), _wording_set(), _dictionary()
    toks = thai_tokens(run)
    out: list[str] = []
    i = 0
    while i < len(toks):
        for n in range(min(WORDING_MAX_WORDS, len(toks) - i), 0, -1):
            read = "".join(toks[i:i + n])
            found = wordings.get(_letters(read))
            if read in known and n > 1:  # read right: its words stay together
                out.append(read)
                i += n
                break
            if not found or read in known or read in words:
                continue
            ranked = sorted((Levenshtein.distance(read, w), w) for w in found)
            if ranked[0][0] > WORDING_MAX_MARKS or (len(ranked) > 1 and ranked[1][0] == ranked[0][0]):
                continue
            out.append(ranked[0][1])
            i += n
            break
        else:
            out.append(toks[i])
            i += 1
    return "".join(out)


def _restore(word: str) -> str:
    word = repair_marks(word)
    toks = thai_tokens(word)
    if "".join(toks) != word:
        return word
    return "".join(join_lost_compounds([_with_lost_tone(t) for t in toks]))


def repair_marks(word: str) -> str:
    """Marks restored in a word that does not read as dictionary words.

    The text layer's repair (:func:`normalize.repair.repair_line`) reads the
    word as dictionary words; only its marks are taken, never a letter it
    would change, add or drop. A word that was already a plausible word takes
    new marks only when they make a more frequent word in the Thai National
    Corpus (``สวน`` -> ``ส่วน``) or a compound it lacks (``บางส่วน``), so a
    word read right (``มา``, never ``ม้า``) keeps its marks.

    >>> repair_marks("ดังนัน"), repair_marks("อย่างสมำเสมอ"), repair_marks("ดำเนนการ")
    ('ดังนั้น', 'อย่างสม่ำเสมอ', 'ดำเนินการ')
    >>> repair_marks("ผู้รับบริการบางสวนเหนว่า")
    'ผู้รับบริการบางส่วนเห็นว่า'
    >>> repair_marks("เทคโนโลยีมาใช้"), repair_marks("E-Service"), repair_marks("กำนตัง")
    ('เทคโนโลยีมาใช้', 'E-Service', 'กำนตัง')
    >>> repair_marks("เทอร์บายน์")  # a name: no more of it reads as words with a mark added
    'เทอร์บายน์'
    """
    if not _RE_THAI.search(word):
        return word
    fixed = repair_line(word, RepairStats(), OCR_FAULTS)
    if fixed == word:
        return word
    old, new = _clusters(word), _clusters(fixed.replace(" ", "") if " " not in word else fixed)
    if old is None or new is None or [b for b, _ in old] != [b for b, _ in new]:
        return word  # a letter changed, or spaces moved: not a mark's repair
    candidate = "".join(b + m for b, m in new)
    old_tok, new_tok = _token_at(word), _token_at(candidate)
    freq = _frequencies()
    out, i, j = [], 0, 0  # i, j: indices in word and candidate
    for (b, m_old), (_, m_new) in zip(old, new):
        keep_old = m_old != m_new and plausible(old_tok[i]) and (
            not plausible(new_tok[j]) or freq.get(new_tok[j], 10**9) <= freq.get(old_tok[i], 0))
        m = m_old if keep_old else m_new
        out.append(b + m)
        i += 1 + len(m_old)
        j += 1 + len(m_new)
    result = "".join(out)
    return result if _in_words(result) > _in_words(word) else word


@lru_cache(maxsize=65536)
def lookalike_letters(word: str) -> str:
    """A word that does not read as dictionary words, read again with letters a scan confuses
    (:data:`normalize.thaichars.CONSONANT_LOOKALIKES`; :class:`normalize.repair.Faults` ``lookalikes``): taken
    only when a letter changed for one of like shape, no letter was added or dropped, every mark stays where it
    was, and more of the word then falls in plausible words. A word that reads as words already is never looked
    at: a letter of like shape may be the one printed (``กราบเรียน``).

    >>> lookalike_letters("ให้บริภาร"), lookalike_letters("ความค้าวหน้า"), lookalike_letters("บนเว็มไซต์")
    ('ให้บริการ', 'ความก้าวหน้า', 'บนเว็บไซต์')
    >>> lookalike_letters("ตำเนินงาน")  # every piece a word (ตำ, เนิน, งาน): never looked at
    'ตำเนินงาน'
    >>> lookalike_letters("กราบเรียน"), lookalike_letters("E-Service"), lookalike_letters("ออฟโรด")
    ('กราบเรียน', 'E-Service', 'ออฟโรด')
    """
    if not _RE_THAI.search(word) or all(plausible(t) for t in thai_tokens(word) if _RE_THAI.search(t)):
        return word
    fixed = repair_line(word, RepairStats(), SCAN_FAULTS)
    if fixed == word:
        return word
    old, new = _clusters(word), _clusters(fixed)
    if old is None or new is None or len(old) != len(new):
        return word  # a letter added or dropped
    if any(ma != mb for (_, ma), (_, mb) in zip(old, new)):
        return word  # a mark changed: the marks' repair is restore_marks'
    changed = [(a, b) for (a, _), (b, _) in zip(old, new) if a != b]
    looked = [(a, b) for a, b in changed if b in CONSONANT_LOOKALIKES.get(a, "")]
    if not looked or any((a, b) not in looked and {a, b} != {SARA_AA, SARA_AM} for a, b in changed):
        return word  # no letter read again for one of like shape, or another letter changed
    return fixed if _in_words(fixed) > _in_words(word) else word


def _in_words(s: str) -> int:
    """Characters of ``s`` that fall in plausible dictionary words."""
    return sum(len(t) for t in thai_tokens(s) if plausible(t))
