"""Text fixes for OCR words only, applied at the source (the OCR wing).

A text layer's text is never touched by these: a mark with no letter in a
text layer is kept (see :func:`normalize.thai.thai_normalize`); in OCR output
it is a speck read as a mark. The shared text rules live in :mod:`normalize`.
"""
from __future__ import annotations

import re

from normalize.thaichars import DIGITS, MARKS

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
