"""HTML tags a report's text carries, and the remnants of the tags a report printed as OCR reads them.

One registry for this kind of fact: the text layer's tags (:data:`BLOCK_TAG`, :data:`INLINE_TAG`), a
printed ``<p>`` as OCR reads it in a paragraph (:data:`OCR_P_TAG`), glued to a word (:data:`GLUED_TAG`),
at a part's end or inside it (:data:`TRAIL_REMNANTS`, :data:`INLINE_REMNANT`) and opening a part
(:data:`LEAD_OPEN`). :func:`normalize.thai.strip_html`, :func:`ita_extract.report.analysis_text.trim_debris`
and :func:`extract.ocr.reader.is_numeral_candidate` apply them.

>>> bool(GLUED_TAG.search("ให้ผู้รับบริการทราบ</๒>")), bool(GLUED_TAG.search("<๐๕>"))
(True, False)
>>> INLINE_REMNANT.sub("\\n", "สม่ำเสมอ<11>มอบหมาย")
'สม่ำเสมอ\\nมอบหมาย'
"""

from __future__ import annotations

import re

from normalize.thaichars import DIGITS, LEAD_VOWELS, LETTERS, charset

# --- the text layer's tags (normalize.thai.strip_html) ---------------------------------------

#: A block-level tag (<p>, </p>, <br>, <div>, <li>, <tr>, <h1>...): a
#: paragraph break. No whitespace is matched around a tag and none is
#: quantified twice in a row, so a "<" before a long run of spaces costs one
#: scan, not one per space (no backtracking).
BLOCK_TAG = re.compile(
    r"<\s*(?:/\s*)?(?:(?:p|div|li|tr|h[1-6]|ul|ol|table)\b[^<>]*|br\b[^<>]*)>",
    re.IGNORECASE,
)
#: Any other tag (<span ...>, </b>, <font>): removed. A tag starts with a
#: Latin letter or "/", so "a < b" in running text is left alone. A tag
#: stays within its line and within the paragraph tags around it: OCR reads
#: a speck as "<a" and a "<p>" as "«0>", and a tag spanning those would eat
#: the paragraphs between them.
INLINE_TAG = re.compile(r"<\s*(?:/\s*)?[A-Za-z][A-Za-z0-9]*\b[^<>\n\x00]{0,200}>")

# --- a printed <p> as OCR reads it --------------------------------------------------------------

#: A paragraph tag as OCR reads it: "<p>" becomes "<0>", "<2>", "</0>", "<ถ>",
#: "<p0>", "</20>", "<>", "«0>" (its "<" read as a guillemet) -- up to two characters between angle brackets, but
#: never a number of two digits or more without the slash: "<80>" is text.
#: (The characters and the space after them are one optional group: two
#: spaces-quantifiers side by side would backtrack quadratically on "</   x>".)
OCR_P_TAG = re.compile(
    rf"<\s*/\s*(?:[^\s<>/]{{1,2}}\s*)?>|[<«]\s*(?:(?![0-9{DIGITS}]{{2}})[^\s<>/«]{{1,2}}\s*)?>"
)
#: A tag read as one or two signs in angle brackets (``<0>``, ``</๒>``), glued to a word: its digits are no
#: number (the tag is dropped from the text: :data:`INLINE_REMNANT`, :data:`TRAIL_REMNANTS`).
GLUED_TAG = re.compile(r"(?<=[^\s<>])</?[^<>\s]{1,2}>|</?[^<>\s]{1,2}>(?=[^\s<>])")
#: Tag remnants at a part's end (``เสมอ42> “2>``, ``</020>``): digits, Latin letters or quotes closed by ``>``.
#: A tag whose ``>`` OCR lost or misread stands there too (``สม่ำเสมอ</08``, ``ได้ยาก<อ2``): no text writes ``<``.
TRAIL_REMNANTS = re.compile(r"(?:[^\S\n]*(?:<?/?[0-9A-Za-z“”\"'/]{0,4}>|<\S{0,3}))+\s*$")
#: A tag remnant whole, ``<`` to ``>``, inside a part's text (``สม่ำเสมอ<11>มอบหมาย``): where a paragraph began.
INLINE_REMNANT = re.compile(r"[^\S\n]*</?[0-9A-Za-z“”\"'/]{1,4}>[^\S\n]*")
#: A tag's opening at a part's start whose ``>`` OCR read as a sign or a vowel (``<2ะจัดทำ`` for ``<p>จัดทำ``):
#: ``<`` and what follows it that no Thai word starts with (no letter, no leading vowel); no text writes ``<``.
LEAD_OPEN = re.compile(rf"^<[^\s<>{charset(LETTERS + LEAD_VOWELS)}]{{1,3}}")
