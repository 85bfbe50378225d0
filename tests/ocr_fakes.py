"""Fake OCR engines for tests: each is a whole :class:`extract.ocr.engine.OcrEngine`.

:class:`FakeEngine` answers every call of the protocol (no words, no word
re-read, orientation unknown) unless told otherwise; tests subclass it and
override what they exercise. ``tests/test_ocr_engine.py`` checks that it
keeps every method of the protocol, with the protocol's signature.
"""
from __future__ import annotations

import numpy as np

from extract.ocr.engine import OcrWord, Orientation


class FakeEngine:
    """Reads ``words`` on every page (or raises ``exc``); reads no single word; cannot tell orientation."""

    def __init__(self, exc: Exception | None = None, words: list[OcrWord] | None = None) -> None:
        self.exc, self.words = exc, words or []

    def page_words(self, gray: np.ndarray, dpi: int) -> list[OcrWord]:
        if self.exc:
            raise self.exc
        return self.words

    def read_word(self, gray: np.ndarray, dpi: int) -> tuple[str, float]:
        return "", 0.0

    def line_words(self, gray: np.ndarray, dpi: int) -> list[OcrWord]:
        return []

    def block_words(self, gray: np.ndarray, dpi: int) -> list[OcrWord]:
        return []

    def orientation(self, gray: np.ndarray, dpi: int) -> Orientation | None:
        return None
