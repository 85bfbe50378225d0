"""latin_garble.py: a Thai word the page read as Latin garble is read again alone by the Thai-only engine.

The fixture is a line cut from a dev scan (seed 235, D-scan300, never held out): the label ``<p>สาเหตุเกิดจาก``
that the page read as ``<p>aingiiaan`` at 5 %, so the analysis lost its cause label and the cause ran into the
lowest question (whose text then named one more question).
"""
from __future__ import annotations

import cv2
import pytest
from tests.conftest import FIXTURES

from extract.ocr.engine import OcrWord
from extract.ocr.latin_garble import reread_latin_garble

LABEL = FIXTURES / "ocr" / "issue-9-label-read-as-latin.png"
LINE = (7, 2, 2)
#: The page read's words on that line (pixels of the fixture).
WORDS = [OcrWord("<p>aingiiaan", 38, 32, 319, 78, 5.5, LINE), OcrWord(":", 341, 48, 345, 67, 93.3, LINE)]


class Reads:
    """An engine that reads every word alone as ``text`` at ``conf``."""

    def __init__(self, text: str, conf: float) -> None:
        self.text, self.conf, self.calls = text, conf, 0

    def read_word(self, gray, dpi):
        self.calls += 1
        return self.text, self.conf


@pytest.mark.needs_tesseract
@pytest.mark.slow
def test_a_label_read_as_latin_garble_is_read_again_in_thai():
    from extract.ocr.tesseract import Engine

    img = cv2.imread(str(LABEL), cv2.IMREAD_GRAYSCALE)
    out = reread_latin_garble(WORDS, img, Engine(), 300.0)
    assert out[0].text == "<p>สาเหตุเกิดจาก" and out[0].source == "word"
    assert out[1] == WORDS[1]


@pytest.mark.parametrize("text, conf", [("สาเหตุเกิดจาก", 40.0), ("aingiiaan", 90.0), ("ส1าเหตุ", 90.0)])
def test_an_unsure_or_not_thai_reading_leaves_the_word(text, conf):
    img = cv2.imread(str(LABEL), cv2.IMREAD_GRAYSCALE)
    assert reread_latin_garble(WORDS, img, Reads(text, conf), 300.0) == WORDS


def test_english_read_surely_and_short_tags_are_never_read_again():
    img = cv2.imread(str(LABEL), cv2.IMREAD_GRAYSCALE)
    engine = Reads("สาเหตุ", 95.0)
    words = [OcrWord("Policy", 38, 32, 319, 78, 96.0, LINE), OcrWord("(OIT)", 38, 32, 319, 78, 12.0, LINE),
             OcrWord("ก่อนaingii", 38, 32, 319, 78, 12.0, LINE)]
    assert reread_latin_garble(words, img, engine, 300.0) == words and engine.calls == 0


def test_a_word_of_an_english_phrase_is_never_read_again_in_thai():
    """dev seed 247 (P-scan300): ``No Gift Policy`` with ``Policy`` read at under 30 %; the Thai model read it
    ``บนัฒ``, surely. Beside a Latin word its line read surely, a garbled word is one of an English phrase."""
    img = cv2.imread(str(LABEL), cv2.IMREAD_GRAYSCALE)
    engine = Reads("บนัฒ", 90.0)
    words = [OcrWord("Gift", 0, 32, 30, 78, 96.6, LINE), OcrWord("Policy", 38, 32, 319, 78, 20.0, LINE)]
    assert reread_latin_garble(words, img, engine, 300.0) == words and engine.calls == 0
