"""Thai line breaking for producers that only break at spaces (fpdf2): break between words.

Word's and Chromium's Thai line breaking is dictionary based (ICU); this does the
same with PyThaiNLP's dictionary tokenizer, so a line never ends inside a word
or a cluster.
"""
from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

from pythainlp.tokenize import word_tokenize


@lru_cache(maxsize=20000)
def _pieces(text: str) -> tuple[str, ...]:
    return tuple(word_tokenize(text, engine="newmm", keep_whitespace=True))


def wrap(text: str, width: float, measure: Callable[[str], float]) -> list[str]:
    """Lines of ``text`` no wider than ``width`` (a word wider than a line gets its own line)."""
    lines: list[str] = []
    line = ""
    for piece in _pieces(text):
        if line and measure(line + piece) > width and piece.strip():
            lines.append(line.rstrip())
            line = piece.lstrip()
        else:
            line += piece
    if line.strip() or not lines:
        lines.append(line.rstrip())
    return lines
