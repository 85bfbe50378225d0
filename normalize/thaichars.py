"""Thai character classes: the one registry, built from PyThaiNLP's sets.

Every module that needs "a Thai consonant", "a combining mark" or "a Thai
digit" takes it from here, as a string of characters (for ``in``,
``frozenset`` and ``str.translate``) or, through :func:`charset`, as the
body of a regex character class. The letter and mark sets are PyThaiNLP's
(``pythainlp.thai_consonants``, ``thai_tonemarks``, ...); the few signs it
files elsewhere (ฤ ฦ, phinthu, thanthakhat, yamakkan) are named here, and the
spans of the Thai Unicode block are code-point ranges.

>>> f"[{charset(LETTERS)}]", f"[{charset(DIGITS)}]", f"[{charset(TONEMARKS)}]"
('[ก-ฮ]', '[๐-๙]', '[่-๋]')
>>> f"[{charset(LEAD_VOWELS, LETTERS)}]"
'[ก-ฮเ-ไ]'
"""
from __future__ import annotations

from functools import lru_cache

from pythainlp import (
    thai_above_vowels,
    thai_below_vowels,
    thai_consonants,
    thai_digits,
    thai_follow_vowels,
    thai_lead_vowels,
    thai_tonemarks,
)

__all__ = [
    "ABOVE_VOWELS",
    "BASES",
    "BELOW_VOWELS",
    "BLOCK",
    "CIRCLE_LETTERS",
    "CONSONANTS",
    "DIGITS",
    "DIGIT_LOOKALIKES",
    "CONSONANT_LOOKALIKES",
    "FOLLOW_VOWELS",
    "KEY_MARKS",
    "LEAD_VOWELS",
    "LEGACY_GLYPHS",
    "LETTERS",
    "MAIYAMOK",
    "MARK_HOSTS",
    "MARK_SET",
    "MARKS",
    "NIKHAHIT",
    "PAIYANNOI",
    "PHINTHU",
    "RU_LU",
    "SARA_AA",
    "SARA_AM",
    "SARA_U",
    "TEXT",
    "THANTHAKHAT",
    "TONEMARKS",
    "TONE_SET",
    "WORD_CHARS",
    "YAMAKKAN",
    "charset",
    "lookalike_readings",
    "span",
]


def span(first: str, last: str) -> str:
    """Every code point from ``first`` to ``last``, inclusive, in order.

    >>> span("๐", "๓")
    '๐๑๒๓'
    """
    return "".join(map(chr, range(ord(first), ord(last) + 1)))


@lru_cache(maxsize=256)
def charset(*parts: str, exclude: str = "") -> str:
    """The body of a regex character class holding the characters of ``parts``
    (minus ``exclude``): sorted, runs of three or more consecutive code points
    written as a range, ``\\ ] [ ^ -`` escaped.

    >>> charset("ไเแโใ"), charset("่้", "a-"), charset(DIGITS, "0123456789", exclude="0๐")
    ('เ-ไ', '\\\\-a่้', '1-9๑-๙')
    """
    chars = sorted(set("".join(parts)) - set(exclude))
    out: list[str] = []
    k = 0
    while k < len(chars):
        j = k
        while j + 1 < len(chars) and ord(chars[j + 1]) == ord(chars[j]) + 1:
            j += 1
        if j - k >= 2:
            out.append(f"{_esc(chars[k])}-{_esc(chars[j])}")
        else:
            out.extend(_esc(c) for c in chars[k:j + 1])
        k = j + 1
    return "".join(out)


def _esc(c: str) -> str:
    return "\\" + c if c in "\\][^-" else c


# --------------------------------------------------------------------------
# Letters, vowels, marks and digits (PyThaiNLP's, plus the signs it files elsewhere)
# --------------------------------------------------------------------------

#: The 44 consonants ก-ฮ (PyThaiNLP ``thai_consonants``), without ฤ ฦ.
CONSONANTS: str = thai_consonants
#: ฤ ฦ: vowel letters written in the consonant range.
RU_LU: str = "ฤฦ"
#: Consonants and ฤ ฦ in code-point order: the regex range ``[ก-ฮ]``.
LETTERS: str = "".join(sorted(CONSONANTS + RU_LU))
#: เ แ โ ใ ไ, written before the consonant they follow in speech.
LEAD_VOWELS: str = thai_lead_vowels
#: ะ า ำ ๅ, spacing vowels after the consonant.
FOLLOW_VOWELS: str = thai_follow_vowels
#: ั ิ ี ึ ื ํ ็, combining vowels (and nikhahit, maitaikhu) above the letter.
ABOVE_VOWELS: str = thai_above_vowels
#: ุ ู, combining vowels below the letter.
BELOW_VOWELS: str = thai_below_vowels
#: ่ ้ ๊ ๋, the four tone marks.
TONEMARKS: str = thai_tonemarks
#: ๐-๙.
DIGITS: str = thai_digits
#: Thai letters Tesseract's Thai model writes for the digits it lacks
#: (``๒๕๗๐`` → ``๒๕ฒ๐``, ``๒๕ญฒ๐``; ``๙`` → ``ณ``): in a run of digits, a place a digit was printed.
DIGIT_LOOKALIKES: str = "ฒญฆณ"
#: Consonants that stand for no digit (:data:`DIGIT_LOOKALIKES` aside): where OCR wrote one, letters were printed.
TEXT_CONSONANTS: str = "".join(c for c in CONSONANTS if c not in DIGIT_LOOKALIKES)
#: Thai letters OCR writes for a question code's circle (``o``, ``๐``): a loop with a head (``อ38`` for ``o38``).
CIRCLE_LETTERS: str = "อ"
#: Consonants OCR reads for others of like shape on scans, read -> the letters it may stand for
#: (``บิย.``, ``ฆ.ค.`` for ``มิ.ย.``, ``ม.ค.``; ``ด.ค.`` for ``ต.ค.``, ``ส.ด.`` for ``ส.ค.``: ด has
#: the loop of ต and of ค; ``ถ.ย.``, ``ภ.ย.`` for ``ก.ย.``; ``ภาร`` for ``การ``, ``กราบ`` for ``ทราบ``).
#: Every pair Tesseract wrote 13 times or more in the dev scans' text fields (seven 300-dpi sets of 24 reports,
#: two sets at 150 dpi and as phone photos), aligned with their ground truth: a letter read for another one.
CONSONANT_LOOKALIKES: dict[str, str] = {
    "บ": "มนป", "ฆ": "ม", "ด": "ตค", "ถ": "ก", "ภ": "ก", "ซ": "ช", "ต": "ด", "ค": "ก", "จ": "ง", "ก": "ท",
    "ช": "ซข", "ว": "ร", "ท": "ห", "ส": "ล", "ข": "ช", "ล": "อ", "น": "บ", "ม": "บ",
}


def lookalike_readings(word: str) -> tuple[str, ...]:
    """``word`` as printed, then as OCR reads it with one of its consonants read as another of like shape
    (:data:`CONSONANT_LOOKALIKES` the other way round: ``ส`` is read for ``ล``).

    >>> lookalike_readings("และ"), lookalike_readings("หรือ")
    (('และ', 'แสะ'), ('หรือ', 'ทรือ', 'หวือ', 'หรืล'))
    """
    readings = [word]
    for i, printed in enumerate(word):
        readings += [word[:i] + read + word[i + 1:] for read, stands_for in CONSONANT_LOOKALIKES.items()
                     if printed in stands_for]
    return tuple(readings)

PHINTHU = "\u0e3a"  # ฺ
THANTHAKHAT = "\u0e4c"  # ์
YAMAKKAN = "\u0e4e"  # ๎
NIKHAHIT = "\u0e4d"  # ํ
SARA_AA = "\u0e32"  # า
SARA_AM = "\u0e33"  # ำ
SARA_U = "\u0e38"  # ุ
PAIYANNOI = "\u0e2f"  # ฯ
MAIYAMOK = "\u0e46"  # ๆ

#: Combining marks that sit above or below the previous letter.
MARKS: str = ABOVE_VOWELS + BELOW_VOWELS + TONEMARKS + PHINTHU + THANTHAKHAT + YAMAKKAN
#: Letters a combining mark can belong to (consonants, ฤ ฦ, and a letter
#: that already carries a mark: "เพื ่อ" puts the tone after sara uee).
MARK_HOSTS: str = CONSONANTS + RU_LU + MARKS
#: Letters a word is spelled with, marks left out: consonants, ฤ ฦ, lead
#: and follow vowels.
BASES: str = CONSONANTS + RU_LU + LEAD_VOWELS + FOLLOW_VOWELS
#: Characters that form Thai words (no digits, no ๆ ฯ, no punctuation).
WORD_CHARS: str = BASES + MARKS
#: Marks an agency's name is compared without (maitaikhu, tones, thanthakhat):
#: printings of one name differ in them.
KEY_MARKS: str = "\u0e47" + TONEMARKS + THANTHAKHAT
#: :data:`MARKS` and :data:`TONEMARKS` as sets: a membership test per character, in one place.
MARK_SET: frozenset[str] = frozenset(MARKS)
TONE_SET: frozenset[str] = frozenset(TONEMARKS)

# --------------------------------------------------------------------------
# Spans of the Thai block and the legacy glyphs
# --------------------------------------------------------------------------

#: The Thai block U+0E01-U+0E5B, from ก to ๛ (with its four unassigned code
#: points U+0E3B-U+0E3E): PyThaiNLP's ``thai_characters`` and those four.
BLOCK: str = span("\u0e01", "\u0e5b")
#: U+0E01-U+0E4E, ก to ๎: the block's text characters (letters, vowels,
#: marks, ฯ ๆ ฿), before ๏, the digits and the section marks.
TEXT: str = span("\u0e01", "\u0e4e")
#: Private-use codes U+F700-U+F71A that TH SarabunPSK-era PDFs carry for
#: shifted marks (HarfBuzz hb-ot-shaper-thai.cc); mapped in normalize/thai.py.
LEGACY_GLYPHS: str = span("\uf700", "\uf71a")
