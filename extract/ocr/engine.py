"""What the OCR chain asks of an engine: the :class:`OcrEngine` protocol and its results.

One engine today (:class:`extract.ocr.tesseract.Engine`); tests pass fakes.
The protocol declares every method the chain calls, so a new engine (or a
fake) that lacks one is caught by a type checker, not found missing at run
time. The results are plain data, in pixels of the image the engine was given.

Outcomes every engine sorts the same way:

* a result: words, a word's text, an :class:`Orientation`;
* ``None`` from :meth:`OcrEngine.orientation`: the engine cannot tell (too
  little text, no orientation model): the page is taken as it stands;
* :class:`OcrTimeout`: recognition ran past its time limit (the caller
  records a warning and leaves the page unread);
* :class:`ita_extract.errors.OcrFailed`: the engine failed (the document fails).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple, Protocol

import numpy as np


class OcrTimeout(Exception):
    """Recognition of one page took longer than its time limit."""


@dataclass(frozen=True, slots=True)
class OcrWord:
    """One word an engine found, in pixels of the image it was given."""

    text: str
    x0: int
    top: int
    x1: int
    bottom: int
    conf: float  # 0–100
    line_key: tuple[int, int, int]  # block, paragraph, line
    source: str = "page"  # who read it last: one of WORD_SOURCES


#: Who read a word last (``OcrWord.source``; a column of ``--debug-dir``'s TSV):
#: the engine's page read; the engine reading a table alone
#: (:func:`extract.ocr.cells.reread_empty_tables`); the numeral recognizer
#: reading the word again (:mod:`extract.ocr.tokens`); the engine reading the
#: word alone (a Thai abbreviation or word read as Latin, :mod:`extract.ocr.latin_garble`); the numeral recognizer (or, when it fails, the engine)
#: reading a cell's ink (:func:`extract.ocr.cells.reread_cells`); the engine reading a line of ink the
#: page read left without words (:func:`extract.ocr.bands.reread_blank_lines`).
WORD_SOURCES = ("page", "table", "numerals", "word", "cell", "line")


class Orientation(NamedTuple):
    """How a page stands: degrees to turn it counter-clockwise to stand upright, and how sure."""

    turn: int  # 0, 90, 180 or 270
    conf: float  # the engine's own scale (Tesseract: 15 is "reasonably confident")


class OcrEngine(Protocol):
    """Every call the OCR chain makes on an engine (:mod:`extract.ocr.reader`, :mod:`extract.ocr.tokens`,
    :mod:`extract.ocr.cells`). Images are uint8 grayscale, 0 = ink."""

    def page_words(self, gray: np.ndarray, dpi: int) -> list[OcrWord]:
        """Every word of a page (or of a crop read as a page); raises :class:`OcrTimeout` or ``OcrFailed``."""
        ...

    def read_word(self, gray: np.ndarray, dpi: int) -> tuple[str, float]:
        """One word image read alone with the Thai model: its text and confidence (0–100)."""
        ...

    def line_words(self, gray: np.ndarray, dpi: int) -> list[OcrWord]:
        """The words of an image holding one line of text, read as one line (no layout analysis)."""
        ...

    def block_words(self, gray: np.ndarray, dpi: int) -> list[OcrWord]:
        """The words of an image holding one block of text (a table cell's lines), read as one block (no layout
        analysis: a cell's crop where the page's finds no text)."""
        ...

    def orientation(self, gray: np.ndarray, dpi: int) -> Orientation | None:
        """How the page stands, or ``None`` when the engine cannot tell."""
        ...
