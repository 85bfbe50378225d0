"""Cell text, assembled once: a cell's lines joined into paragraphs.

The text-layer wing owns this because it is geometry: where a line ends in its
cell (the room left on the last line), whether the producer drew a space at a
wrap, what stands where Thai meets Thai at a line break. Text layers and OCR
come here alike (both give :class:`extract.text.layer.Line`). The report floor
adds what opens a paragraph by its words (analysis labels) through
``opens_paragraph``, so this module never imports it.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from extract.text.layer import Line
from extract.text.layout import Cell
from normalize.dates import period_names_month
from normalize.thai import is_wrap_space, join_letter_spaced, letter_spaced_wrap, normalize_text, thai_tokens
from normalize.thaichars import BLOCK, DIGITS, LEGACY_GLYPHS, LETTERS, MARK_SET, TEXT, charset

#: ``(previous line, next line) -> True`` when a paragraph starts at the next
#: line whatever the geometry.
ParagraphRule = Callable[[str, str], bool]

#: A line that starts a new paragraph whatever the geometry: a numbered or
#: bulleted item (the analysis labels are told by :mod:`ita_extract.report.labels`).
#: Items are never numbered from zero: "๐๙) โดย" closes a citation.
_RE_PARAGRAPH_START = re.compile(rf"^\s*(?:[1-9{charset(DIGITS, exclude='๐')}][0-9{charset(DIGITS)}]?\s*[.)]|[-•●▪*])")
#: Room left at a line end beyond which the next line's first word would
#: have fitted: the line ended on purpose (a paragraph end), not by wrapping.
_WRAP_SLACK = 3.0


#: A range's sign opening a line (``- 30 ก.ย. 2569``), and a date's end closing one (a year, a month's abbreviation).
_RE_RANGE_SIGN = re.compile(r"^\s*[-–—]\s*")
_RE_DATE_END = re.compile(rf"(?:[0-9{charset(DIGITS)}]{{2,4}}|[{charset(LETTERS)}]{{1,3}}\.(?:[{charset(LETTERS)}]{{1,2}}\.)?)\s*$")
_RE_DAY = re.compile(rf"^[0-9{charset(DIGITS)}]{{1,2}}$")
_RE_NUMERIC_DATE = re.compile(rf"^[0-9{charset(DIGITS)}]{{1,2}}/[0-9{charset(DIGITS)}]{{1,2}}/[0-9{charset(DIGITS)}]{{2,4}}")


def range_goes_on(prev: str, nxt: str) -> bool:
    """Whether ``nxt`` is the other end of a range of dates that ``prev`` began: it opens with the range's sign
    and a date (one that names its month, or a numeric one), after a line that ended on a date's year or month.
    A producer wrapped the range there; a bullet never opens a line with a date after a date.

    >>> range_goes_on("ต.ค. 2568", "- 30 ก.ย. 2569"), range_goes_on("1/10/2568", "– 30/9/2569")
    (True, True)
    >>> range_goes_on("จัดอบรมภายใน ต.ค. 2568", "- ติดตามผลทุกเดือน"), range_goes_on("จัดอบรม", "- 30 ก.ย. 2569")
    (False, False)
    """
    m = _RE_RANGE_SIGN.match(nxt)
    if not m or not _RE_DATE_END.search(prev):
        return False
    rest = nxt[m.end():]
    words = rest.split()
    if words and _RE_DAY.match(words[0]):
        words = words[1:]  # a day before its month
    return bool(_RE_NUMERIC_DATE.match(rest)) or bool(words and period_names_month(words[0]))


def _paragraph_break(prev: Line, nxt: Line, cell_right: float, opens_paragraph: ParagraphRule | None) -> bool:
    if range_goes_on(prev.text, nxt.text):
        return False  # a range of dates wrapped at its sign: its other end, no item of a list
    if ((_RE_PARAGRAPH_START.match(nxt.text) and prev.text.count("(") <= prev.text.count(")"))
            or (opens_paragraph is not None and opens_paragraph(prev.text, nxt.text))):
        return True
    room = cell_right - _WRAP_SLACK - prev.x1
    space = prev.size * 0.3
    if nxt.first_chunk_width + space >= room:
        return False  # the next line's first word would not have fitted: a wrap
    return not (_RE_THAI_END.search(prev.text) and _RE_THAI_START.match(nxt.text)
                and is_wrap_space(prev.text, nxt.text))


#: A Thai abbreviation (ต.ค., ก.ย., พ.ศ.) at a line's start or end: a word of
#: its own, so a wrap next to it fell on a space.
_RE_ABBR_START = re.compile(rf"^[{charset(LETTERS)}]{{1,3}}\.(?:[{charset(LETTERS)}]{{1,2}}\.)?")
_RE_ABBR_END = re.compile(rf"(?:^|[^{charset(BLOCK)}])[{charset(LETTERS)}]{{1,3}}\.(?:[{charset(LETTERS)}]{{1,2}}\.)?$")
#: A line ending inside a token: after a slash or a hyphen ("30/" / "9/2567", "E-" / "Service").
_RE_OPEN_END = re.compile(rf"[0-9A-Za-z{charset(DIGITS)}][/\-‐]$")
#: A numeric date whose year a wrap cut ("30/9/2" / "570"): years are written
#: with 2 or 4 digits, so a year of 1 or 3 digits at a line's end goes on
#: in the digits that open the next line.
_RE_CUT_YEAR = re.compile(rf"(?:^|[^0-9{charset(DIGITS)}/])[0-9{charset(DIGITS)}]{{1,2}}/[0-9{charset(DIGITS)}]{{1,2}}/"
                          rf"(?P<year>[0-9{charset(DIGITS)}](?:[0-9{charset(DIGITS)}]{{2}})?)$")
_RE_YEAR_REST = re.compile(rf"^[0-9{charset(DIGITS)}]{{1,3}}(?![0-9{charset(DIGITS)}/])")
#: A line that opens with the slash of a date whose day ended the line before ("30" / "/9/2570").
_RE_SLASH_START = re.compile(rf"^/[0-9{charset(DIGITS)}]")
_RE_DIGIT_END = re.compile(rf"[0-9{charset(DIGITS)}]$")
#: Thai letters at the end of one line and the start of the next.
_RE_THAI_END = re.compile(f"[{charset(TEXT, LEGACY_GLYPHS)}]$")
_RE_THAI_START = re.compile(f"^[{charset(TEXT, LEGACY_GLYPHS)}]")


def _wrap_joiner(left: str, right: str, drawn_space: bool) -> str:
    """What stands where one line of a paragraph wraps to the next: a space or nothing.

    >>> _wrap_joiner("จัดซื้อจัด", "จ้าง", False), _wrap_joiner("2566 ถึง", "ก.ย. 2567", False)
    ('', ' ')
    >>> _wrap_joiner("1/10/2566-30/", "9/2567", False), _wrap_joiner("ผ่านระบบ E-", "Service", False)
    ('', '')
    >>> _wrap_joiner("1/10/2569-30/9/2", "570", False), _wrap_joiner("1/10/2569-30", "/9/2570", False)
    ('', '')
    >>> _wrap_joiner("1/10/2569-30/9/2570", "ทุกเดือน", False), _wrap_joiner("ภายใน 30/9/25", "70 วัน", False)
    (' ', ' ')
    """
    if drawn_space:
        return " "
    if _RE_OPEN_END.search(left) and re.match(f"[0-9A-Za-z{charset(DIGITS)}]", right):
        return ""
    if _date_cut(left, right):
        return ""
    if _RE_THAI_END.search(left) and _RE_THAI_START.match(right):
        # Thai writes words without spaces: the wrap fell between or inside
        # words, unless an abbreviation stands there or a letter-spaced run goes on
        if _RE_ABBR_START.match(right) or _RE_ABBR_END.search(left) or letter_spaced_wrap(left, right):
            return " "
        return ""
    return " "


def _date_cut(left: str, right: str) -> bool:
    """Whether a wrap cut a numeric date: inside its year, or before a slash."""
    if _RE_SLASH_START.match(right):
        return bool(_RE_DIGIT_END.search(left))
    m, rest = _RE_CUT_YEAR.search(left), _RE_YEAR_REST.match(right)
    return bool(m and rest) and len(m.group("year")) + len(rest.group(0)) in (2, 4)


def first_word_width(line: Line) -> float:
    """The width of the line's first word: what a producer wrapping the line before it had to fit.

    Its first chunk (up to a space) when that is one word; Thai, which runs words together, the chunk's first
    dictionary word (PyThaiNLP newmm), as its share of the chunk's letters that take room (marks above and below
    take none). ``ดำเนินงานขาดราย`` is ``ดำเนินงาน`` first, 8 of the chunk's 14 letters that take room.

    >>> ln = lambda t, w: Line(t, 0.0, 100.0, 0.0, 10.0, 10.0, w)
    >>> first_word_width(ln("ดำเนินงานขาดราย", 70.0)), first_word_width(ln("2570", 22.0))
    (40.0, 22.0)
    """
    chunk = line.text.strip().split(" ", 1)[0]
    words = thai_tokens(chunk) if chunk else ()
    if len(words) <= 1:
        return line.first_chunk_width
    taking_room = sum(ch not in MARK_SET for ch in chunk)
    return line.first_chunk_width * sum(ch not in MARK_SET for ch in words[0]) / max(1, taking_room)


def join_cell_lines(lines: Sequence[Line]) -> str:
    """Join the wrapped lines of one paragraph.

    Where Thai meets Thai at a line wrap and the producer drew no space
    glyph there, the wrap fell between or inside words: Thai writes words
    without spaces, so the lines join with nothing. A drawn trailing space,
    or non-Thai text on either side, joins with one space. Letter-spaced
    runs are joined within each line first; a run the wrap cut short
    (``ป็ น`` / ``สื่ อ``) keeps a space so that it is joined whole.
    """
    out = ""
    prev: Line | None = None
    for ln in lines:
        text = join_letter_spaced(ln.text.strip())
        if not text:
            continue
        if out and prev is not None:
            out += _wrap_joiner(out, text, prev.ends_with_space)
        out += text
        prev = ln
    return out


def cell_text(cell: Cell | None, opens_paragraph: ParagraphRule | None = None) -> str:
    """A cell's text: wrapped lines joined, paragraphs on their own line, normalized."""
    return cells_text([cell], opens_paragraph)


def cells_text(cells: Sequence[Cell | None], opens_paragraph: ParagraphRule | None = None) -> str:
    """The text of cells read as one: the pieces of a merged cell a page break split.

    A paragraph may go on from one piece to the next; where it does is
    decided as inside one cell, from the room left on the last line.
    ``opens_paragraph(previous line, next line)`` lets the caller add what
    starts a paragraph by its words (the report floor's analysis labels).
    """
    lines = [(ln, c.bbox[2]) for c in cells if c is not None for ln in c.lines]
    if not lines:
        return ""
    paragraphs: list[list[Line]] = [[lines[0][0]]]
    for (prev, right), (nxt, _) in zip(lines, lines[1:]):
        if _paragraph_break(prev, nxt, right, opens_paragraph):
            paragraphs.append([nxt])
        else:
            paragraphs[-1].append(nxt)
    return normalize_text("\n".join(join_cell_lines(p) for p in paragraphs))
