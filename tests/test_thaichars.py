"""normalize/thaichars.py: the one registry of Thai character classes.

Two kinds of checks: the registry's sets are PyThaiNLP's where PyThaiNLP has
them, and every class a module once typed out as a range (``[ก-ฮ]``,
``[0-9๐-๙]``, ``\\u0e47-\\u0e4c`` ...) matches exactly the characters of the
registry expression that replaced it, over the whole Basic Multilingual Plane.
"""
from __future__ import annotations

import re

import pythainlp
import pytest

from normalize import thaichars as tc
from normalize.thaichars import charset

_BMP = "".join(chr(c) for c in range(0x10000) if not 0xD800 <= c <= 0xDFFF)


def _members(cls: str) -> set[str]:
    """The characters a one-character regex (a class) matches, over the BMP."""
    rx = re.compile(cls)
    return {c for c in _BMP if rx.fullmatch(c)}


def test_sets_are_pythainlps() -> None:
    assert tc.CONSONANTS == pythainlp.thai_consonants
    assert tc.LEAD_VOWELS == pythainlp.thai_lead_vowels
    assert tc.FOLLOW_VOWELS == pythainlp.thai_follow_vowels
    assert tc.ABOVE_VOWELS == pythainlp.thai_above_vowels
    assert tc.BELOW_VOWELS == pythainlp.thai_below_vowels
    assert tc.TONEMARKS == pythainlp.thai_tonemarks
    assert tc.DIGITS == pythainlp.thai_digits
    # the signs named here are the ones PyThaiNLP files as signs or letters
    assert {tc.PHINTHU, tc.THANTHAKHAT, tc.YAMAKKAN, tc.NIKHAHIT, tc.PAIYANNOI, tc.MAIYAMOK} <= set(pythainlp.thai_signs)
    assert set(tc.RU_LU) <= set(pythainlp.thai_letters) - set(pythainlp.thai_consonants)
    # letters, lead and follow vowels, marks: PyThaiNLP's letters less ฯ ๆ
    assert set(tc.WORD_CHARS) == set(pythainlp.thai_letters) - {tc.PAIYANNOI, tc.MAIYAMOK}
    assert set(tc.BLOCK) - set(pythainlp.thai_characters) == {chr(c) for c in range(0x0E3B, 0x0E3F)}
    assert set(pythainlp.thai_characters) <= set(tc.BLOCK)


# (a class as a module once typed it, the registry expression that replaced it)
REPLACED = [
    ("[ก-ฮ]", f"[{charset(tc.LETTERS)}]"),
    ("[\u0e01-\u0e2e]", f"[{charset(tc.LETTERS)}]"),
    ("[0-9๐-๙]", f"[0-9{charset(tc.DIGITS)}]"),
    ("[0-9\u0e50-\u0e59]", f"[0-9{charset(tc.DIGITS)}]"),
    ("[1-9๑-๙]", f"[{charset('123456789', tc.DIGITS, exclude='๐')}]"),
    ("[ก-ฮเ-ไ]", f"[{charset(tc.LETTERS, tc.LEAD_VOWELS)}]"),
    ("[ก-๎]", f"[{charset(tc.TEXT)}]"),
    ("[\u0e01-\u0e4e]", f"[{charset(tc.TEXT)}]"),
    ("[ก-๏]", f"[{charset(tc.TEXT, '๏')}]"),
    ("[ก-๙]", f"[{charset(tc.TEXT, '๏', tc.DIGITS)}]"),
    ("[ก-๛]", f"[{charset(tc.BLOCK)}]"),
    ("[\u0e01-\u0e5b]", f"[{charset(tc.BLOCK)}]"),
    ("[\u0e47-\u0e4c]", f"[{charset(tc.KEY_MARKS)}]"),
    ("[\u0e48-\u0e4b]", f"[{charset(tc.TONEMARKS)}]"),
    ("[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]", f"[{charset(tc.MARKS)}]"),
    ("[\u0e01-\u0e4e\uf700-\uf71a]", f"[{charset(tc.TEXT, tc.LEGACY_GLYPHS)}]"),
    ("[\uf700-\uf71a]", f"[{charset(tc.LEGACY_GLYPHS)}]"),
    ("[ฯๆ]", f"[{tc.PAIYANNOI}{tc.MAIYAMOK}]"),
    ("[ก-ฮะ-ู็-๎เ-ไ]", f"[{charset(tc.WORD_CHARS, exclude=tc.PHINTHU + 'ๅ')}]"),
    ("[เแโใไ]", f"[{charset(tc.LEAD_VOWELS)}]"),
    ("[ะาำๅ]", f"[{charset(tc.FOLLOW_VOWELS)}]"),
    ("[\u0e31\u0e34\u0e35\u0e36\u0e37\u0e47\u0e4d]", f"[{charset(tc.ABOVE_VOWELS)}]"),
]


@pytest.mark.parametrize("old,new", REPLACED, ids=[o for o, _ in REPLACED])
def test_replaced_class_is_the_same_set(old: str, new: str) -> None:
    assert _members(old) == _members(new)


def test_charset_round_trips() -> None:
    for chars in (tc.MARKS, tc.WORD_CHARS, tc.BLOCK, tc.DIGITS + "0123456789-]^\\"):
        assert _members(f"[{charset(chars)}]") == set(chars)
