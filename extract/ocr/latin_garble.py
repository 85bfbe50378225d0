"""Thai words the page read as Latin garble, read again alone by the Thai-only engine.

Tesseract reads a page with Thai and English together. Where print is faint or
broken, it sometimes takes a Thai word for English and writes Latin letters with
almost no confidence: ``<p>สาเหตุเกิดจาก`` as ``<p>aingiiaan`` at 5 %. A label
read so is lost to the analysis (its cause ran into its lowest question).

Such a word (Latin letters only, :data:`GARBLE_MIN_LETTERS` or more, read under
:data:`GARBLE_CONF`) is read again alone from its ink by the Thai-only word
engine (:meth:`extract.ocr.engine.OcrEngine.read_word`). Its reading replaces the
letters when it is Thai and sure (:data:`THAI_SURE`); the word's marks around the
letters (``<p>``, a bracket, a colon) stay as the page read them. An English word the
page read unsurely (``Policy`` at 20 %) the Thai model reads as Thai too, surely: a word
beside a Latin word its line read surely is one of an English phrase, never read again
(:func:`in_english`).
"""
from __future__ import annotations

import re
from dataclasses import replace

import numpy as np

from extract.ocr.engine import OcrEngine, OcrWord
from extract.ocr.tokens import word_image
from normalize.thaichars import LETTERS, charset

__all__ = ["GARBLE_CONF", "GARBLE_MIN_LETTERS", "THAI_SURE", "garbled_letters", "in_english", "reread_latin_garble"]

#: A word the page read under this confidence (%) ...
GARBLE_CONF = 30.0
#: ... whose letters are this many Latin letters at least, and nothing else, is read again.
GARBLE_MIN_LETTERS = 5
#: The Thai-only reading replaces them when this sure (%) and of Thai letters only.
THAI_SURE = 60.0
#: A Latin word read this surely (%) beside a garbled one makes it a word of an English phrase.
ENGLISH_SURE = 80.0
_RE_LATIN_WORD = re.compile(r"^\W*[A-Za-z][A-Za-z\-]+\W*$")

# The letters of a word between the marks around them: ``<p>`` ``(`` before, ``:`` ``)`` ``</p>`` after.
_RE_PARTS = re.compile(r"^(?P<before>(?:</?[A-Za-z]{0,2}>|[^A-Za-z\u0e00-\u0e7f])*)(?P<letters>[A-Za-z]+)"
                       r"(?P<after>(?:</?[A-Za-z]{0,2}>|[^A-Za-z\u0e00-\u0e7f])*)$")
_RE_THAI_ONLY = re.compile(f"^[{charset(LETTERS)}\u0e30-\u0e4e]+$")
_RE_THAI_CORE = re.compile(f"[{charset(LETTERS)}][{charset(LETTERS)}\u0e30-\u0e4e]*")


def garbled_letters(w: OcrWord) -> re.Match[str] | None:
    """The parts of a word the page read as Latin garble (:data:`GARBLE_CONF`, :data:`GARBLE_MIN_LETTERS`), or None.

    >>> w = lambda t, c=5.5: OcrWord(t, 0, 0, 9, 9, c, (1, 1, 1))
    >>> garbled_letters(w("<p>aingiiaan")).group("before", "letters", "after")
    ('<p>', 'aingiiaan', '')
    >>> garbled_letters(w("Policy", 96.0)), garbled_letters(w("(OIT)", 20.0)), garbled_letters(w("ก่อนaingii"))
    (None, None, None)
    """
    if w.conf >= GARBLE_CONF or w.source != "page":
        return None
    m = _RE_PARTS.match(w.text)
    return m if m and len(m.group("letters")) >= GARBLE_MIN_LETTERS else None


def thai_reading(text: str, conf: float) -> str | None:
    """The Thai word of the engine's reading of a garbled word alone, when sure and Thai only; else None. The
    Thai engine writes the marks around it as it can (``<>สาเหตุเกิดจาก`` for ``<p>…``): they are not its word.

    >>> thai_reading("<0>สาเหตุเกิดจาก", 91.0), thai_reading("สาเหตุ", 40.0), thai_reading("ส1าเหตุ", 90.0)
    ('สาเหตุเกิดจาก', None, None)
    >>> thai_reading("7สาเหตุ", 90.0), thai_reading("สาเหตุ x", 90.0)
    (None, None)
    """
    if conf < THAI_SURE:
        return None
    cores = _RE_THAI_CORE.findall(text)
    if len(cores) != 1 or not _RE_THAI_ONLY.match(cores[0]):
        return None
    rest = re.sub(r"</?[^<>]{0,2}>", "", text.replace(cores[0], "", 1))  # a tag read as the Thai model can (``<0>``)
    if re.search(r"[A-Za-z0-9]", rest):
        return None  # Latin letters or digits beside it: the engine read no Thai word either
    return cores[0]


def in_english(words: list[OcrWord], k: int) -> bool:
    """Whether the word at ``k`` stands beside a Latin word its line read surely (:data:`ENGLISH_SURE`): a word
    of an English phrase (``No Gift Policy``, ``Policy`` read at 20 %), which the Thai model reads as Thai too,
    surely (``บนัฒ``).

    >>> w = lambda t, c, line=1: OcrWord(t, 0, 0, 9, 9, c, (1, 1, line))
    >>> page = [w("No", 96.0), w("Gift", 96.6), w("Policy", 20.0), w("ให้", 93.0), w("aingiiaan", 5.0, 2)]
    >>> in_english(page, 2), in_english(page, 4)
    (True, False)
    """
    line = words[k].line_key
    return any(0 <= j < len(words) and words[j].line_key == line and words[j].conf >= ENGLISH_SURE
               and _RE_LATIN_WORD.match(words[j].text) for j in (k - 1, k + 1))


def reread_latin_garble(words: list[OcrWord], image: np.ndarray, engine: OcrEngine | None,
                        dpi: float = 300.0) -> list[OcrWord]:
    """The page's words, those read as Latin garble (:func:`garbled_letters`) read again alone by the Thai-only
    engine, their letters replaced by its Thai reading where it is sure (:func:`thai_reading`)."""
    if engine is None:
        return words
    out = list(words)
    for k, w in enumerate(words):
        m = garbled_letters(w)
        if m is None or in_english(words, k):
            continue
        crop = word_image(image, w)
        if crop.size == 0:
            continue
        text, conf = engine.read_word(crop, int(round(dpi)))
        thai = thai_reading(text, conf)
        if thai is not None:
            out[k] = replace(w, text=m.group("before") + thai + m.group("after"), conf=conf, source="word")
    return out
