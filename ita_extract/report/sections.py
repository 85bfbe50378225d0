"""Find the report's indicator tables, whatever the page breaks.

Walks the page items of a whole document (lines and tables, in reading
order) and returns one :class:`IndicatorTable` per indicator table of each
part: analysis tables (question, score, analysis) and measures tables
(measure, finding, steps, period, responsible). A table that continues on the
next page (with or without its header row repeated) is joined to its first
piece, and a row that a page break split in two is joined back into one.
"""
from __future__ import annotations

import operator
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz import fuzz

from extract.text.cell_text import first_word_width
from extract.text.layout import Cell, Item, Table, TextLine
from normalize.dates import period_cut_short
from normalize.indicators import HeadingMatch, heading_number_only, parse_heading_cell, parse_indicator_heading
from normalize.thai import normalize_text
from normalize.thaichars import BASES, DIGITS, LETTERS, MARKS, charset

ANALYSIS = "analysis"
MEASURES = "measures"

#: Header-cell keywords (whitespace removed) per table kind and field.
ANALYSIS_FIELDS: dict[str, tuple[str, ...]] = {
    "question": ("ประเด็นข้อคำถาม", "ข้อคำถาม", "ประเด็น", "ตัวชี้วัดย่อย"),
    "score": ("คะแนน",),
    "analysis": ("การวิเคราะห์", "วิเคราะห์ผล"),
}
MEASURE_FIELDS: dict[str, tuple[str, ...]] = {
    "finding": ("ผลการวิเคราะห์",),
    "measure": ("มาตรการ", "โครงการ", "กิจกรรม"),
    "steps": ("ขั้นตอน", "วิธีการ"),
    "period": ("ระยะเวลา", "ช่วงเวลา"),
    "responsible": ("ผู้รับผิดชอบ", "รับผิดชอบ", "หน่วยงานรับผิดชอบ"),
}
#: A leading column numbering the rows ("ที่", "ลำดับ"): the whole header cell.
SEQ_HEADERS = frozenset({"ที่", "ลำดับ", "ลำดับที่", "ข้อ", "ข้อที่"})
#: The canonical column order of a measures table, used when headers are
#: ambiguous (a header cell repeated, as in the seed's indicator 4).
MEASURE_ORDER = ("measure", "finding", "steps", "period", "responsible")
ANALYSIS_ORDER = ("question", "score", "analysis")


@lru_cache(maxsize=16384)
def squash(text: str) -> str:
    """Normalized text without any whitespace (for keyword matching)."""
    return re.sub(r"\s+", "", normalize_text(text))


def _cell_text(cell: Cell | None) -> str:
    return squash(cell.raw_text) if cell is not None else ""


#: A header cell is a short label; body cells that merely start with a
#: keyword ("กิจกรรมเสริมสร้าง…", "ขั้นตอนที่ 1 …") are longer than this.
MAX_HEADER_CELL = 60


def header_kind(row: list[Cell | None]) -> str | None:
    """``analysis``/``measures`` when the row is that kind's header row.

    >>> header_kind([Cell((0, 0, 1, 1), ())])
    """
    texts = [_cell_text(c) for c in row if c is not None]
    texts = [t for t in texts if t]
    if len(texts) < 2 or any(len(t) > MAX_HEADER_CELL for t in texts):
        return None
    if _RE_LEADING_CODE.match(texts[0]) or any(_RE_SCORE_CELL.match(t) for t in texts):
        return None  # a row opening with a question code, or a cell that is a score: a data row of short cells
    a = sum(any(_has(t, k) for ks in ANALYSIS_FIELDS.values() for k in ks) for t in texts)
    m = sum(any(_has(t, k) for ks in MEASURE_FIELDS.values() for k in ks) for t in texts)
    if any(_has(t, "คะแนน") for t in texts) and a >= 2:
        return ANALYSIS
    if m >= 3 and any(_has(t, "รับผิดชอบ") or _has(t, "ระยะเวลา") for t in texts):
        return MEASURES
    if _names_measure_fields(texts) >= MIN_NAMED_WITHOUT_UNIT and not any(_RE_DIGIT.search(t) for t in texts):
        return MEASURES  # its period and unit cells garbled (a stamp, blur): the other fields name it
    if _analysis_without_score(row) is not None:
        return ANALYSIS
    return None


#: Distinct measures fields a header row names when OCR garbled its period and unit cells (``ภาร``,
#: ``eu โดขอบ``): the measure, the finding and the steps, words no analysis header holds together.
MIN_NAMED_WITHOUT_UNIT = 3


def _names_measure_fields(texts: list[str]) -> int:
    """How many distinct fields of a measures table the cells name, the steps (its own word) among them.

    >>> _names_measure_fields(["มาตรการโครงการหรือกิจกรรม", "ผลการวิเคราะห์ตัวชี้วัด", "ขั้นตอนหรือวิธีการปฏิบัติ", "ภาร"])
    3
    >>> _names_measure_fields(["มาตรการ", "ผลการวิเคราะห์", "สำนักปลัด"])
    0
    """
    named = {f for f, ks in MEASURE_FIELDS.items() for t in texts if any(_has(t, k) for k in ks)}
    return len(named) if "steps" in named else 0


#: A row's first cell opening with a question code (``o1 โครงสร้าง``), and a cell that is a score
#: alone: a data row. OCR glues specks into header cells (``ช่วงระยะเวลาo56``), so only these shapes count.
_RE_LEADING_CODE = re.compile(r"[ieoIEO]\s?[0-9๐-๙]")
_RE_SCORE_CELL = re.compile(r"[0-9๐-๙]{1,3}[.,][0-9๐-๙]{1,2}$")
# A cell that is a number alone (a summary table's score: ``100``, ``64.49``).
_RE_NUMBER_CELL = re.compile(r"[0-9๐-๙]{1,3}(?:[.,][0-9๐-๙]{1,2})?$")

#: How alike (rapidfuzz ratio) a garbled header row's text is to a header the report printed before.
KNOWN_HEADER_MIN = 70

_RE_MARKS_SPACES = re.compile(f"[{charset(MARKS)}\\s]")


#: A header cell read in part is at least this share of the header cell's letters, at most this many times as
#: long, and this alike to a stretch of it (rapidfuzz partial ratio).
HEADER_PART_MIN, HEADER_PART_MAX, HEADER_PART_LIKE = 0.5, 1.3, 85


def header_cell_like(text: str, head: str) -> bool:
    """Whether a cell's text is the header cell ``head`` read whole or in part (:data:`HEADER_PART_LIKE`): Thai
    letters compared, marks, digits and specks left out.

    >>> header_cell_like("ผลการวิเคร12%", "ผลการวิเคราะห์"), header_cell_like("ผล", "ผลการวิเคราะห์")
    (True, False)
    >>> header_cell_like("มาตรการยกระดับมาตรฐานการให้บริการ", "มาตรการ/โครงการ/กิจกรรม")
    False
    """
    a, b = _RE_NOT_BASE.sub("", _letters_only(text)), _RE_NOT_BASE.sub("", _letters_only(head))
    return bool(b) and HEADER_PART_MIN * len(b) <= len(a) <= HEADER_PART_MAX * len(b) \
        and fuzz.partial_ratio(a, b) >= HEADER_PART_LIKE


#: What is no Thai letter or spacing vowel (marks go first, in :func:`_letters_only`).
_RE_NOT_BASE = re.compile(f"[^{charset(BASES)}]")


def _letters_only(text: str) -> str:
    """A header's text compared without marks and spaces, which OCR loses, adds and swaps most
    (``ขั้นตอนหรือวิธีการ`` / ``ชั้นตอนหรือวิธิการ``: one letter apart, not four characters).

    >>> _letters_only("ขั้นตอน หรือวิธีการ")
    'ขนตอนหรอวธการ'
    """
    return _RE_MARKS_SPACES.sub("", text)


#: A question code ("i12", "o๓") or a score ("98.75"): a row holding one is a data row, never a header.
_RE_DATA = re.compile(r"[ieoIEO]\s?[0-9๐-๙]|[0-9๐-๙][.,][0-9๐-๙]")
#: The score column's header cell, when OCR turned ``คะแนน`` into debris (``00``), is at most this long.
MAX_DEBRIS = 6


def _analysis_without_score(row: list[Cell | None]) -> int | None:
    """The score column of an analysis header row whose ``คะแนน`` OCR lost, or None.

    The question and analysis cells name their fields and lie two columns
    apart, as :data:`ANALYSIS_ORDER` prints them; the cell between them is
    blank or short debris; no cell names a field only a measures table has
    (its "ผลการวิเคราะห์" is the analysis keyword's kin), and no cell holds
    a question code or a score (a data row's).

    >>> from extract.text.layer import Line
    >>> def c(t): return Cell((0, 0, 1, 1), (Line(t, 0, 1, 0, 1, 10, 1),) if t else ())
    >>> _analysis_without_score([c("ข้อ"), c("ประเด็นข้อคำถาม"), c("00"), c("การวิเคราะห์ผลการประเมิน")])
    2
    >>> _analysis_without_score([c("i12"), c("ประเด็นข้อคำถาม"), c("98.75"), c("การวิเคราะห์")]) is None
    True
    """
    texts = [_cell_text(c) for c in row]
    if any(len(t) > MAX_HEADER_CELL or _RE_DATA.search(t) for t in texts):
        return None
    if any(_has(t, k) for t in texts if t for f, ks in MEASURE_FIELDS.items() if f != "finding" for k in ks):
        return None
    q = next((i for i, t in enumerate(texts) if t and any(_has(t, k) for k in ANALYSIS_FIELDS["question"])), None)
    a = next((i for i, t in enumerate(texts) if t and any(_has(t, k) for k in ANALYSIS_FIELDS["analysis"])), None)
    if q is None or a != q + 2 or len(texts[q + 1]) > MAX_DEBRIS:
        return None
    return q + 1


#: Similarity (rapidfuzz partial ratio) at which a header keyword counts as
#: present: OCR drops letters and marks ("ะแนน" for "คะแนน").
KEYWORD_MIN = 80.0


@lru_cache(maxsize=65536)
def _has(text: str, keyword: str) -> bool:
    """Whether ``keyword`` is in ``text``, allowing OCR's small errors.

    >>> _has("ะแนน", "คะแนน"), _has("ผู้รับผิดซอบ", "รับผิดชอบ"), _has("สำนักปลัด", "คะแนน")
    (True, True, False)
    """
    if keyword in text:
        return True
    if len(text) < len(keyword) - 2:
        return False
    return fuzz.partial_ratio(keyword, text) >= KEYWORD_MIN


#: The longest text OCR leaves of a row-number header cell (``ที่`` read as ``ท``, ``7ท``, ``ii``, ``=.``).
MAX_SEQ_DEBRIS = 3


def _lost_seq_header(texts: list[str]) -> bool:
    """Whether a measures header's first cell is its row-number column's, its ``ที่`` garbled or lost:
    one column more than the fields, and a cell too short to name one.

    >>> _lost_seq_header(["7ท", "มาตรการ", "ผลการวิเคราะห์", "ขั้นตอน", "ระยะเวลา", "ผู้รับผิดชอบ"])
    True
    >>> _lost_seq_header(["มาตรการ", "ผลการวิเคราะห์", "ขั้นตอน", "ระยะเวลา", "ผู้รับผิดชอบ"])
    False
    """
    return len(texts) == len(MEASURE_ORDER) + 1 and len(texts[0]) <= MAX_SEQ_DEBRIS


def _keyword_columns(kind: str, texts: list[str]) -> dict[str, int]:
    """Field name → column index for the header cells that name their field."""
    fields = ANALYSIS_FIELDS if kind == ANALYSIS else MEASURE_FIELDS
    order = ANALYSIS_ORDER if kind == ANALYSIS else MEASURE_ORDER
    mapping: dict[str, int] = {}
    taken: set[int] = set()
    if kind == MEASURES and texts and (texts[0] in SEQ_HEADERS or _lost_seq_header(texts)):
        mapping["no"] = 0  # "ที่ | มาตรการ | …": the row number in a column of its own
        taken.add(0)
    for name in sorted(fields, key=lambda n: order.index(n) if n != "finding" else -1):
        for i, t in enumerate(texts):
            if i in taken or not t:
                continue
            if any(_has(t, k) for k in fields[name]):
                mapping[name] = i
                taken.add(i)
                break
    return mapping


#: Measures header cells OCR may garble or lose while the others still place the columns by name;
#: a header naming fewer fields is read in the genre's order.
MAX_UNNAMED = 2


def column_map(kind: str, header: list[Cell | None]) -> dict[str, int]:
    """Field name → column index, from the header's keywords; by position when ambiguous."""
    order = ANALYSIS_ORDER if kind == ANALYSIS else MEASURE_ORDER
    mapping = _keyword_columns(kind, [_cell_text(c) for c in header])
    offset = 1 if "no" in mapping else 0
    missing = [name for name in order if name not in mapping]
    free = [i for i in range(offset, len(header)) if i not in mapping.values()]
    # a column split in two by a stroke read as a ruling has an empty header cell
    labelled = [i for i in free if header[i] is not None and _cell_text(header[i])]
    # the header cells drawn (a cell a wider one covers is None), those OCR read empty too: a stamp
    # over a header row leaves a cell with no word while the cells around it name their fields
    drawn = [i for i in free if header[i] is not None]
    if kind == MEASURES and missing and len(missing) <= MAX_UNNAMED and (
            (len(missing) == len(free) and len(header) - offset == len(order)) or len(missing) == len(labelled)
            or (not labelled and len(missing) == len(drawn))):
        # fields named but some (OCR garbled "ขั้นตอน", lost "ผู้รับผิดชอบ"): those left take the columns
        # left in the genre's order, so a table printing its finding before its measure, or its unit
        # before its period, keeps the columns its header names
        cols = free if len(missing) == len(free) else labelled if len(missing) == len(labelled) else drawn
        return {**mapping, **dict(zip(missing, cols))}
    if len(mapping) - offset < len(order) and len(header) - offset == len(order):
        # Ambiguous or misprinted header: trust the genre's column order.
        return {**{name: i + offset for i, name in enumerate(order)}, **({"no": 0} if offset else {})}
    if kind == ANALYSIS and "score" not in mapping and (score := _analysis_without_score(header)) is not None:
        mapping["score"] = score  # its keyword lost to OCR: the column between question and analysis
    if kind == ANALYSIS and "question" not in mapping and (
            question := _question_without_keyword(header, mapping)) is not None:
        mapping["question"] = question  # its keyword lost under a stamp: the header cell left of the score's
    q = mapping.get("question")
    if kind == ANALYSIS and q and q - 1 not in mapping.values():
        mapping["code"] = q - 1  # "ข้อ | ประเด็นข้อคำถาม | …": the code in a column of its own
    return mapping


def _question_without_keyword(header: list[Cell | None], mapping: dict[str, int]) -> int | None:
    """The question column of an analysis header whose question keyword OCR garbled (a stamp
    over ``ประเด็นข้อคำถาม`` read as ``ข้อคัจิถาม , Uy``), or None.

    :data:`ANALYSIS_ORDER` prints the question right before the score: the
    nearest header cell left of the score column that holds text (not a slot
    a merged cell covers, nor an empty cell: a stamp's stroke can add a false
    column edge) and names no other field.

    >>> from extract.text.layer import Line
    >>> def c(t): return Cell((0, 0, 1, 1), (Line(t, 0, 1, 0, 1, 10, 1),) if t else ())
    >>> _question_without_keyword([c("ข้อคัจิถาม , Uy"), c(""), c("ะแนน"), c("ผลการวิเคราะห์")], {"score": 2, "analysis": 3})
    0
    >>> _question_without_keyword([c("คะแนน"), c("การวิเคราะห์")], {"score": 0, "analysis": 1}) is None
    True
    """
    score = mapping.get("score")
    if score is None:
        return None
    return next((i for i in range(score - 1, -1, -1)
                 if header[i] is not None and not header[i].is_empty and i not in mapping.values()), None)


@dataclass
class IndicatorTable:
    kind: str
    headings: list[HeadingMatch]
    heading_text: str
    heading_page: int | None
    columns: dict[str, int]
    page: int
    header: list[Cell | None] = field(default_factory=list)  # its header row, as first printed
    rows: list[list[Cell | None]] = field(default_factory=list)
    row_pages: list[int] = field(default_factory=list)
    pieces: int = 1
    width: float = 0.0  # of its first piece: a piece on the next page must match it
    n_cols: int = 0
    edges: list[tuple[float, float]] = field(default_factory=list)  # x-extent of each column
    slots: list[int] = field(default_factory=list)  # the slot of each of edges (Table.column_slots)
    last_piece_page: int = 0  # the page of its last piece (whose rows may all have joined a row before)
    #: a heading line right before it gave a number but no readable name (:func:`heading_number_only`)
    number_hint: int | None = None


@dataclass
class DocumentLayout:
    tables: list[IndicatorTable]
    free_lines: list[TextLine]
    unrecognized_tables: list[Table]


def _is_header(row: list[Cell | None]) -> bool:
    return header_kind(row) is not None


def _split_header(rows: list[list[Cell | None]]) -> tuple[str | None, list[Cell | None] | None, int]:
    """Kind, header row and the number of header rows at the top of ``rows``."""
    kind = None
    header = None
    i = 0
    while i < len(rows) and i < 3:
        k = header_kind(rows[i])
        if k is None and i + 1 < len(rows) and _header_words_only(rows[i]):
            # a header whose cells stand at two heights (a phone photo's bent page, a cell's
            # label set high): the row of some labels and the row of the others are one header
            merged = _merge_rows(rows[i], rows[i + 1])
            if (k := header_kind(merged)) is not None:
                kind, header, i = kind or k, header or merged, i + 2
                continue
        if k is None:
            break
        kind = kind or k
        header = header or rows[i]
        i += 1
    return kind, header, i


#: Every field's header keywords, as printed and compared letters only (:func:`_letters_only`).
_FIELD_KEYWORDS = tuple(k for fields in (ANALYSIS_FIELDS, MEASURE_FIELDS) for ks in fields.values() for k in ks)
_FIELD_KEYWORD_LETTERS = frozenset(_letters_only(k) for k in _FIELD_KEYWORDS)


def _header_words_only(row: list[Cell | None]) -> bool:
    """Whether every filled cell of ``row`` is a header label (a field's keyword, no code or score).

    >>> from extract.text.layer import Line
    >>> def c(t): return Cell((0, 0, 1, 1), (Line(t, 0, 1, 0, 1, 10, 1),) if t else ())
    >>> _header_words_only([None, None, c("การวิเคราะห์ผลการประเมิน")]), _header_words_only([None, c("เทียมกัน")])
    (True, False)
    """
    texts = [t for c in row if (t := _cell_text(c))]
    return bool(texts) and all(len(t) <= MAX_HEADER_CELL and not _RE_DATA.search(t)
                               and any(_has(t, k) for k in _FIELD_KEYWORDS) for t in texts)


def heading_row(row: list[Cell | None]) -> list[HeadingMatch]:
    """Indicator headings printed as a table row (one filled, usually merged, cell).

    >>> from extract.text.layer import Line
    >>> def c(t): return Cell((0, 0, 1, 1), (Line(t, 0, 1, 0, 1, 10, 1),) if t else ())
    >>> [h.number for h in heading_row([c("ตัวชี้วัดที่ 3 : การใช้อำนาจ"), c("นาจ"), c(""), c("")])]
    [3]
    >>> heading_row([c("ตัวชี้วัดที่ 3 การใช้อำนาจ"), c("จัดอบรมให้ความรู้แก่บุคลากรทุกคนทุกไตรมาส")])
    []
    """
    filled = [k for k, c in enumerate(row) if c is not None and not c.is_empty]
    if not filled:
        return []
    found = (parse_heading_cell if len(filled) == 1 else parse_indicator_heading)(normalize_text(row[filled[0]].raw_text))
    if len(filled) == 1 or not found:
        return found
    # A full-width heading cell drawn over the table's column rulings spills
    # into the next cells ("ตัวชี้วัดที่ 3 : การใช้อำ" | "นาจ"); other text
    # in the cells right after it must be shorter than the heading, or the row
    # is a data row. Text beyond an empty cell is a merged cell drawn from
    # this row down (:func:`heading_row_spans`).
    head = squash(row[filled[0]].raw_text)
    after = filled[0] + 1
    while after < len(row) and row[after] is not None and not row[after].is_empty:
        after += 1
    other = "".join(t for c in row[filled[0] + 1:after] if (t := squash(c.raw_text)) not in head)
    return found if len(other) < len(head) else []


def heading_row_spans(row: list[Cell | None]) -> list[Cell | None]:
    """The cells of an indicator heading row that are not its heading: merged cells that start there.

    A browser can draw a measures table's merged period or responsible cell
    from the indicator's sub-heading row down; the rows below then hold
    ``None`` in its place and take its text from here.

    >>> from extract.text.layer import Line
    >>> def c(t): return Cell((0, 0, 1, 1), (Line(t, 0, 1, 0, 1, 10, 1),) if t else ())
    >>> [x.raw_text if x else None for x in heading_row_spans([c("ตัวชี้วัดที่ 7 ประสิทธิภาพการสื่อสาร"), c("สาร"), c("ตามความเหมาะสม")])]
    [None, None, 'ตามความเหมาะสม']
    """
    filled = [k for k, c in enumerate(row) if c is not None and not c.is_empty]
    if not filled:
        return [None] * len(row)
    head = squash(row[filled[0]].raw_text)
    return [c if k in filled[1:] and squash(c.raw_text) not in head else None for k, c in enumerate(row)]


def _fill_covered(row: list[Cell | None], spans: list[Cell | None]) -> list[Cell | None]:
    """``row`` with the slots a merged cell covers (``None``) given that cell, where ``spans`` holds it."""
    return [s if c is None and k < len(spans) and (s := spans[k]) is not None else c for k, c in enumerate(row)]


_RE_DIGIT = re.compile(r"[0-9๐-๙]")


def header_rest(kind: str, header: list[Cell | None], row: list[Cell | None]) -> bool:
    """Whether ``row`` (first after a page break) is the rest of a header row the break split.

    A header row cut by a page break leaves words of its cells on the next
    page ("มาตรการ" / "โครงการหรือกิจกรรม"): read with them, the header
    still is a header of its kind and names more of its fields by keyword.
    Header words hold no digits; a data row nearly always does (a code, a
    score, a year).
    """
    if len(row) != len(header) or any(c is not None and _RE_DIGIT.search(c.raw_text) for c in row):
        return False
    if not any(c is not None and not c.is_empty for c in row):
        return False
    merged = _merge_rows(header, row)
    if header_kind(merged) != kind:
        return False
    before = _keyword_columns(kind, [_cell_text(c) for c in header])
    after = _keyword_columns(kind, [_cell_text(c) for c in merged])
    return len(after) > len(before)


#: The fields a new row always fills: a measures row names its measure (and
#: its number, where a column holds it); an analysis row its question.
KEY_FIELDS = {MEASURES: ("no", "measure"), ANALYSIS: ("code", "question")}


def _is_continuation_row(kind: str, cols: dict[str, int], prev: list[Cell | None], row: list[Cell | None]) -> bool:
    """Whether ``row`` (first on a new page) is the rest of ``prev`` split by the page break.

    As MinerU joins a table across pages, the first row goes on with the
    last one when its key cells are empty (a new row always fills them); a
    row that fills only part of what the row before filled (the long cells
    ran over, the short ones did not) goes on with it too.
    """
    def text(r, name):
        i = cols.get(name)
        return _cell_text(r[i]) if i is not None and i < len(r) else ""

    filled_row = {n for n in cols if text(row, n)}
    if not filled_row or heading_row(row):
        return False  # an indicator's sub-heading row opening the page starts the next indicator
    keys = [k for k in KEY_FIELDS[kind] if k in cols]
    if keys and not any(text(row, k) for k in keys) and any(text(prev, k) for k in keys):
        return True
    if kind == ANALYSIS:
        q = text(row, "question")
        # A question row always starts with its code; text without a code and
        # without a score is the tail of the previous question. With a score
        # too, when the question before had its code and its score ran down
        # to the break (a letter-spaced score wrapped in its narrow column: "๙" / "๓.๗๗"), and
        # was cut short: a whole score there (``81.98``) leaves this row a question of its own
        # whose code OCR garbled.
        if not q or _RE_CODE_START.match(q):
            return False
        return not text(row, "score") or (bool(_RE_CODE_START.match(text(prev, "question")))
                                          and _runs_to_bottom(prev, cols.get("score"))
                                          and not _RE_SCORE_CELL.match(text(prev, "score")))
    filled_prev = {n for n in cols if text(prev, n)}
    if _RE_RANGE_REST.match(text(row, "period")) and not _RE_RANGE_SIGN.search(text(prev, "period")):
        return True  # "๑ ตุลาคม ๒๕๖๖" / "- ๓๐ กันยายน ๒๕๖๗": one period the break cut in two
    if text(row, "period") and period_cut_short(_plain(prev, cols.get("period"))):
        return True  # "ต.ค. ๖๕ – ก.ย." / "๖๖": the range stops short, its rest opens the next page
    if any(_list_goes_on(_plain(prev, cols.get(n)), _plain(row, cols.get(n))) for n in ("measure", "finding", "steps")):
        return True
    if not all(_runs_to_bottom(prev, cols.get(n)) for n in filled_row):
        return False  # a cell of the row before ended above its bottom: what follows it is new
    if filled_row == filled_prev:
        # every cell goes on (LibreOffice: the row's first lines alone at the page's bottom):
        # each cell's last line is full, cut mid-paragraph, where a paragraph's end leaves room
        return len(filled_row) >= 2 and all(_last_line_full(prev, row, cols.get(n)) for n in filled_row)
    return bool(filled_prev - filled_row) and filled_row <= filled_prev


#: A question cell that opens with its code (``i1``, ``o12``, ``7``; OCR's ``[`` or ``|`` for an i).
_RE_CODE_START = re.compile(r"^[a-zA-Z\[|]?\d")

#: A cell the page break cut has its last line this many line heights or
#: less above the row's bottom (its padding); a cell whose text ended is
#: shorter than the row's tallest.
CUT_CELL_LINES = 1.6


def _runs_to_bottom(row: list[Cell | None], i: int | None) -> bool:
    """Whether column ``i``'s text in ``row`` runs down to the row's bottom (the break may have cut it).

    Rows built by hand (no geometry) count as cut.
    """
    c = _slot(row, i)
    if c is None or c.is_empty:
        return True
    bottom = max(x.bbox[3] for x in row if x is not None)
    last = c.lines[-1]
    height = last.bottom - last.top
    return height <= 0 or bottom - last.bottom <= CUT_CELL_LINES * height


#: A cell's last line that leaves no more than this many ems of its cell's
#: width free (its padding included) is full: the break cut the paragraph.
#: Measured on dev renderings (docx, html): cut cells leave 0.8-3.1 em; of
#: complete rows whose every cell the next page's row also fills, none had
#: all its last lines this full.
FULL_LINE_EMS = 3.5


def _last_line_full(prev: list[Cell | None], row: list[Cell | None], i: int | None) -> bool:
    """Whether column ``i``'s cell in ``prev`` ends on a full line: no room for its next word, the first of the same
    cell in ``row`` on the next page. Full when it leaves at most :data:`FULL_LINE_EMS`, or less than that word
    takes (:func:`extract.text.cell_text.first_word_width`): the producer could not set the word there and wrapped
    it to the next line, which the break put on the next page (``ตลอด`` / ``ปีงบประมาณ 2571``)."""
    c, d = _slot(prev, i), _slot(row, i)
    if c is None or c.is_empty:
        return False
    last = c.lines[-1]
    room = c.bbox[2] - last.x1
    if last.size > 0 and room <= FULL_LINE_EMS * last.size:
        return True
    return d is not None and not d.is_empty and first_word_width(d.lines[0]) > room


def _slot(row: list[Cell | None], i: int | None) -> Cell | None:
    """Column ``i``'s cell in ``row`` (``None`` for no column, a slot past the row's end, or a covered slot)."""
    return row[i] if i is not None and i < len(row) else None


def _plain(row: list[Cell | None], i: int | None) -> str:
    """A cell's text, normalized (Arabic digits), its lines joined by spaces."""
    c = _slot(row, i)
    return normalize_text(c.raw_text) if c is not None and not c.is_empty else ""


#: A numbered item ("1.", "๒)", "3 ."), not a decimal, a date or a code.
_RE_ITEM = re.compile(r"(?<![\d/.,:A-Za-z])([1-9]\d?)\s*[.)](?!\d)")


def _list_goes_on(before: str, after: str) -> bool:
    """Whether a numbered item of ``before`` goes on in ``after``, the list's next number after it.

    A page break inside an item leaves the item's rest at the top of the
    next page, then the next number. A cell that opens with a number is a
    new cell (rows may be numbered on from one to the next).

    >>> _list_goes_on("1.ประชาสัมพันธ์", "ผ่านหอกระจายข่าว 2.ส่งเสริมการสื่อสาร")
    True
    >>> _list_goes_on("1. ประชุม 2. เผยแพร่", "1. จัดอบรม 2. รายงาน"), _list_goes_on("1. จัดอบรม", "2. ต่อ")
    (False, False)
    """
    last = _RE_ITEM.findall(before)
    nxt = _RE_ITEM.search(after)
    return bool(last and nxt) and nxt.start() > 0 and int(nxt.group(1)) == int(last[-1]) + 1


#: The second half of a period range opening a cell ("- 30 ก.ย. 2567", "ถึง ก.ย. 2567").
_RE_RANGE_REST = re.compile(r"^(?:[-–—]|ถึง)")
_RE_RANGE_SIGN = re.compile(r"[-–—]|ถึง")


#: Lines allowed between two pieces of one table (a page number, a running
#: title); more text between them means the second table is another one.
MAX_FURNITURE_LINES = 3
#: A free line of fewer letters and digits than this is furniture whatever their count: a page number, or
#: the short lines of a "received" stamp printed under a table at a page's foot (``ได้รับแล้ว``,
#: ``เลขที่``, ``วันที่``), which are no text between two tables.
FURNITURE_LINE_CHARS = 12
_RE_LETTER_OR_DIGIT = re.compile(rf"[{charset(LETTERS)}A-Za-z0-9{charset(DIGITS)}]")


def is_furniture_line(text: str) -> bool:
    """
    >>> is_furniture_line("1 ( ได้รับแล้ว"), is_furniture_line("เลขที่"), is_furniture_line("- 3 -")
    (True, True, True)
    >>> is_furniture_line("หมายเหตุ ข้อมูล ณ วันที่ 30 กันยายน 2567")
    False
    """
    return len(_RE_LETTER_OR_DIGIT.findall(text)) < FURNITURE_LINE_CHARS
#: Two pieces of one table have the same width within this share (MinerU: 10 %).
WIDTH_TOLERANCE = 0.1


#: Column edges of two pieces of one table agree within this many points.
EDGE_TOLERANCE = 3.0


def _column_map(edges: list[tuple[float, float]], piece: list[tuple[float, float]]) -> list[int] | None:
    """The table column of each of a piece's columns, when the piece's columns are some of the table's.

    >>> _column_map([(0, 100), (100, 150), (150, 400)], [(0, 100), (100, 150)])
    [0, 1]
    >>> _column_map([(0, 100), (100, 150), (150, 400)], [(0, 120), (120, 150)]) is None
    True
    >>> _column_map([(54, 281), (282, 327), (329, 550)], [(48, 275), (276, 322)])  # the next scanned page, 6 pt left
    [0, 1]
    >>> _column_map([(0, 100), (100, 150), (150, 400)], [(0, 100), (100, 150), (150, 400), (190, 400)])
    [0, 1, 2, 2]
    """
    # a cell standing inside the one left of it in the fullest row (a stroke OCR's grid took for a
    # ruling inside a merged cell) is no column of its own: it maps where its container does
    own = [j for j, (a, b) in enumerate(piece)
           if not (j and a > piece[j - 1][0] + EDGE_TOLERANCE and b <= piece[j - 1][1] + EDGE_TOLERANCE)]
    if not edges or not own or len(own) > len(edges):
        return None
    found = _column_map_shifted(edges, [piece[j] for j in own])
    if found is None:
        return None
    of = dict(zip(own, found))
    out: list[int] = []
    for j in range(len(piece)):
        out.append(of.get(j, out[-1] if out else 0))
    return out


def _column_map_shifted(edges: list[tuple[float, float]], piece: list[tuple[float, float]]) -> list[int] | None:
    # a scanned page lies shifted on the glass: the piece's edges may all stand off by one offset
    shifts = [0.0] + sorted({x0 - piece[0][0] for x0, _ in edges if 0 < abs(x0 - piece[0][0]) <= MAX_PAGE_SHIFT},
                            key=abs)
    for shift in shifts:
        found = _column_map_at(edges, [(a + shift, b + shift) for a, b in piece])
        if found is not None:
            return found
    return None


#: How far (points) a scanned page may lie shifted against the page before it (a few millimetres).
MAX_PAGE_SHIFT = 15.0


def _column_map_at(edges: list[tuple[float, float]], piece: list[tuple[float, float]]) -> list[int] | None:
    out = []
    for j, (a, b) in enumerate(piece):
        last = j == len(piece) - 1  # a column rebuilt from its text ends where the text does
        k = next((i for i, (x0, x1) in enumerate(edges)
                  if (abs(x0 - a) <= EDGE_TOLERANCE
                      and (abs(x1 - b) <= EDGE_TOLERANCE or (last and b <= x1 + EDGE_TOLERANCE)))
                  or _same_column((x0, x1), (a, b))), None)
        if k is None or (out and k <= out[-1]):
            return None
        out.append(k)
    return out


def column_runs(edges: list[tuple[float, float]], piece: list[tuple[float, float]]) -> list[tuple[int, int]] | None:
    """The run of table columns (first, last) each of a piece's columns spans, when each spans one column or a run
    of neighbours from the first's left edge to the last's right edge, in order and every column covered once; else
    None. A header row alone at a page's foot whose cell a stroke crosses (a signature over ``ขั้นตอน/วิธีการ``)
    is drawn with a column more than the rows that go on over the page: the piece's column spans the two.

    >>> column_runs([(0, 100), (100, 150), (150, 250), (250, 400)], [(0, 100), (100, 250), (250, 400)])
    [(0, 0), (1, 2), (3, 3)]
    >>> column_runs([(0, 100), (100, 150), (150, 400)], [(0, 100), (100, 150), (150, 400)])
    [(0, 0), (1, 1), (2, 2)]
    >>> column_runs([(0, 100), (100, 150), (150, 400)], [(0, 120), (120, 400)]) is None  # an edge of its own
    True
    >>> column_runs([(0, 100), (100, 150), (150, 400)], [(100, 150), (150, 400)]) is None  # a column left out
    True
    """
    if not edges or not piece:
        return None
    shifts = [0.0] + sorted({x0 - piece[0][0] for x0, _ in edges if 0 < abs(x0 - piece[0][0]) <= MAX_PAGE_SHIFT},
                            key=abs)
    for shift in shifts:
        runs, k = [], 0
        for a, b in piece:
            a, b = a + shift, b + shift
            if k >= len(edges) or abs(edges[k][0] - a) > EDGE_TOLERANCE:
                break
            m = next((m for m in range(k, len(edges)) if abs(edges[m][1] - b) <= EDGE_TOLERANCE), None)
            if m is None:
                break
            runs.append((k, m))
            k = m + 1
        else:
            if k == len(edges):
                return runs
    return None


def _joined_cells(row: list[Cell | None], runs: list[tuple[int, int]]) -> list[Cell | None]:
    """``row`` with the cells of each run of columns joined into one (their boxes' union, their lines in order).

    >>> from extract.text.layer import Line
    >>> c = lambda t: Cell((0, 0, 9, 9), (Line(t, 0, 9, 0, 9, 9.0, 9.0),))
    >>> [x.raw_text if x else None for x in _joined_cells([c("a"), c("b"), None, c("d")], [(0, 0), (1, 2), (3, 3)])]
    ['a', 'b', 'd']
    """
    out: list[Cell | None] = []
    for k, m in runs:
        cells = [c for c in row[k:m + 1] if c is not None]
        out.append(_cell_union(cells) if cells else None)
    return out


def _cell_union(cells: list[Cell]) -> Cell:
    """One cell of ``cells`` (at least one): their boxes' union, their lines in order; a cell alone as it is."""
    if len(cells) == 1:
        return cells[0]
    return Cell((min(c.bbox[0] for c in cells), min(c.bbox[1] for c in cells), max(c.bbox[2] for c in cells),
                 max(c.bbox[3] for c in cells)), tuple(ln for c in cells for ln in c.lines))


#: Two columns are one when each covers at least this share of the other's width: a wide column's ruling
#: read a few points off (a doubled or thick rule on a scan) leaves it the same column.
SAME_COLUMN_OVERLAP = 0.9


def _same_column(a: tuple[float, float], b: tuple[float, float]) -> bool:
    """Whether two column extents are one column (:data:`SAME_COLUMN_OVERLAP`).

    >>> _same_column((446, 519), (451, 521)), _same_column((0, 100), (0, 120)), _same_column((100, 150), (110, 150))
    (True, False, False)
    """
    overlap = min(a[1], b[1]) - max(a[0], b[0])
    return overlap > 0 and overlap >= SAME_COLUMN_OVERLAP * max(a[1] - a[0], b[1] - b[0])


def _widen(row: list[Cell | None], slots: list[int], where: list[int], n_cols: int) -> list[Cell | None]:
    """A piece's row placed in the table's slots; the slots it lacks are covered (None).

    ``slots`` holds the piece's slot of each of its column edges, ``where``
    the table's slot of each. Edges are read from a table's fullest row, so a
    slot a merged cell covers in that row has none: a cell standing there
    keeps its offset from the edge before it, or joins that edge's cell when
    the table has no such slot (its text is never dropped).

    >>> from extract.text.layer import Line
    >>> c = lambda t: Cell((0, 0, 9, 9), (Line(t, 0, 9, 0, 9, 9.0, 9.0),))
    >>> [x.raw_text if x else None for x in _widen([c("o10"), c("87.5"), c("text")], [0, 1, 2], [0, 2, 3], 4)]
    ['o10', None, '87.5', 'text']
    >>> [x.raw_text if x else None for x in _widen([c("a"), c("b"), c("c")], [0, 2], [0, 1], 2)]
    ['a b', 'c']
    >>> [x.raw_text if x else None for x in _widen([c("o1"), c("50"), c("lowest"), c("cause")], [0, 1, 2, 3], [0, 1, 2, 2], 3)]
    ['o1', '50', 'lowest cause']
    """
    out: list[Cell | None] = [None] * n_cols
    for slot, cell in enumerate(row):
        if cell is None:
            continue
        i = max((i for i, s in enumerate(slots) if s <= slot), default=0)
        k = where[i] + max(0, slot - slots[i]) if where else slot
        end = next((w for w in where[i + 1:] if w > where[i]), n_cols) if where else n_cols  # a nested edge shares its slot
        if k >= end or out[k] is not None:
            k = max((j for j in range(min(k, n_cols - 1), -1, -1) if out[j] is not None), default=min(k, n_cols - 1))
        out[k] = cell if out[k] is None else _cell_union([out[k], cell])
    return out


#: Text, not specks: a letter or a digit.
_RE_TEXT = re.compile(r"[0-9A-Za-z\u0e01-\u0e2e\u0e50-\u0e59]")


def without_empty_edge_columns(item: Table, n_cols: int) -> Table:
    """``item`` without the columns at its left or right edge that no row has text in (a letter
    or a digit; OCR reads the shadow as ``|``), while it has more columns than ``n_cols`` (the
    table it may continue).

    A scan's dark page edge or a shadow beside the table reads as one more ruling: the piece
    on the next page gets an empty column beyond the table's, and no longer matches its
    columns. A column no row fills holds nothing to lose.

    >>> from extract.text.layer import Line
    >>> c = lambda x0, x1, t="": Cell((x0, 0, x1, 9), (Line(t, x0, x1, 0, 9, 9.0, 9.0),) if t else ())
    >>> t = Table(page=8, bbox=(0, 0, 190, 20), rows=[[c(0, 100, "a"), c(100, 150, "b"), c(152, 190, "|")]])
    >>> t2 = without_empty_edge_columns(t, 2)
    >>> t2.n_cols, t2.bbox
    (2, (0, 0, 150, 20))
    >>> without_empty_edge_columns(t, 3) is t
    True
    """
    rows = [list(r) for r in item.rows]

    def empty(k: int) -> bool:
        return all(k < len(r) and (r[k] is None or not _RE_TEXT.search(r[k].raw_text)) for r in rows)

    changed = False
    while rows and len({len(r) for r in rows}) == 1 and len(rows[0]) > max(n_cols, 1):
        side = -1 if empty(-1) else 0 if empty(0) else None
        if side is None:
            break
        rows = [r[:-1] if side == -1 else r[1:] for r in rows]
        changed = True
    if not changed:
        return item
    boxes = [c.bbox for r in rows for c in r if c is not None]
    bbox = (min(b[0] for b in boxes), item.bbox[1], max(b[2] for b in boxes), item.bbox[3]) if boxes else item.bbox
    return Table(page=item.page, bbox=bbox, rows=rows, row_pages=list(item.row_pages))


def _same_width(a: float, b: float) -> bool:
    return a <= 0 or b <= 0 or abs(a - b) / min(a, b) < WIDTH_TOLERANCE


def _merge_rows(prev: list[Cell | None], row: list[Cell | None]) -> list[Cell | None]:
    """``prev`` with the rest of its cells that ``row`` holds (a row the page break split).

    A slot a merged cell above covers (``None``) stays covered when the rest
    left it empty: the merged cell's value still reaches the row.
    """
    out: list[Cell | None] = []
    for a, b in zip(prev, row):
        if a is None and (b is None or b.is_empty):
            out.append(None)
        elif a is None or b is None or b.is_empty:
            out.append(a if a is not None else b)
        elif a.is_empty:
            out.append(b)
        else:
            out.append(Cell(a.bbox, a.lines + b.lines))
    return out


def _strip_of(above: list[Cell | None], row: list[Cell | None], measure: int) -> bool:
    """Whether OCR's ``row`` is the lower part of ``above``'s cells that a ruling OCR's grid drew across them (a
    stroke, a piece of a rule) cut off: its measure cell is covered from above, and each of its own cells with
    text lies under an empty cell of ``above`` (the cut cell's top holds nothing). A measure's next step under a
    merged measure starts cells of its own under cells with text (its steps under the steps before).

    >>> from extract.text.layer import Line
    >>> def c(t): return Cell((0, 0, 9, 9), (Line(t, 0, 9, 0, 9, 9.0, 9.0, ocr=True),) if t else ())
    >>> _strip_of([c("อบรม"), c(""), c("ต.ค.")], [None, c("จัดอบรม"), None], 0)
    True
    >>> _strip_of([c("อบรม"), c("ชี้แจง"), c("ต.ค.")], [None, c("จัดอบรม"), None], 0)  # steps of its own
    False
    >>> _strip_of([c("อบรม"), c(""), c("ต.ค.")], [c(""), c("จัดอบรม"), None], 0)  # its own measure cell
    False
    """
    if measure >= len(row) or row[measure] is not None:
        return False
    texts = [i for i, c in enumerate(row) if c is not None and c.raw_text.strip()]
    return bool(texts) and all(row[i].ocr and i < len(above) and above[i] is not None
                               and not above[i].raw_text.strip() for i in texts)


def _cut_strips(body: list[tuple[list[Cell | None], int]], columns: dict[str, int]) -> list[tuple[list[Cell | None], int]]:
    """A measures table's rows (with their pages), each strip of a row that OCR's grid cut off (:func:`_strip_of`)
    put back into the row above on its page: the strip's text is the rest of that row's cells, no measure of its
    own (read alone, it repeats the merged measure above)."""
    measure = columns.get("measure")
    if measure is None:
        return body
    out: list[tuple[list[Cell | None], int]] = []
    for row, page in body:
        if out and out[-1][1] == page and not _is_header(out[-1][0]) and _strip_of(out[-1][0], row, measure):
            out[-1] = (_merge_rows(out[-1][0], row), page)
        else:
            out.append((row, page))
    return out


#: Two readings of one header cell's words, their Thai letters compared (:func:`alike_header_text`), at least this alike.
HEADER_TEXT_LIKE = 85


def alike_header_text(a: str, b: str) -> bool:
    """Whether two readings of a header cell are its words read twice, a letter or two read otherwise
    (``ผลการวิเคราะห์ตัวซี้วัด`` for ``ผลการวิเคราะห์ตัวชี้วัด``): their letters :data:`HEADER_TEXT_LIKE` alike.

    >>> alike_header_text("ผลการวิเคราะห์ตัวซี้วัด", "ผลการวิเคราะห์ตัวชี้วัด"), alike_header_text("ผู้รับผิดชอบ", "กลุ่มบริหารงาน")
    (True, False)
    """
    x, y = _letters_only(a), _letters_only(b)
    return x == y or (bool(x) and bool(y) and fuzz.ratio(x, y) >= HEADER_TEXT_LIKE)


def split_repeated_header(header: list[Cell | None], row: list[Cell | None], same: Callable[[str, str], bool] = operator.eq,
                          ) -> tuple[list[Cell | None], list[Cell | None]] | None:
    """``row`` as the table's header printed again and, below it, the rest of a cell that ran under it.

    At a page's top a browser repeats the table's header; the rest of a
    merged cell the break cut (the analysis) can run below it without a
    ruling of its own, so its lines join the header's cell. When every cell
    of ``row`` starts with the lines of ``header``'s cell in that column and
    one or more go on, the lines past the header are a row of their own.
    None when ``row`` is not that header. ``same`` compares a cell's first lines with the header cell's text
    (exactly, unless told).
    """
    if len(row) != len(header) or not any(c is not None and not c.is_empty for c in header):
        return None
    head: list[Cell | None] = []
    rest: list[Cell | None] = []
    for h, c in zip(header, row):
        n = 0 if h is None else len(h.lines)
        if c is None or c.is_empty:
            if n:
                return None
            head.append(c)
            rest.append(c)
            continue
        if len(c.lines) < n or not same(squash(" ".join(ln.text for ln in c.lines[:n])), _cell_text(h)):
            return None
        head.append(Cell(c.bbox, c.lines[:n]))
        rest.append(Cell(c.bbox, c.lines[n:]))
    if all(c is None or c.is_empty for c in rest) or _header_words_only(rest) \
            or all(c is None or c.is_empty or _ends_header_word(_cell_text(h), _cell_text(c)) for h, c in zip(head, rest)):
        # nothing more, or header words the header printed before lacked (``คะแนน`` OCR lost there), or the ends
        # of its words (``น`` of ``คะแนน`` wrapped on a line of its own, lost there)
        return None
    return head, rest


#: The end of a header's word a narrow column wrapped onto a line of its own is at most this long (``น``).
MAX_WORD_END = 3


def _ends_header_word(head: str, rest: str) -> bool:
    """Whether ``rest``, the line below a header cell's text ``head``, is the end of one of its words: short, no
    digit, and ``head`` followed by it names a field's keyword ``head`` alone does not (letters only).

    >>> _ends_header_word("ผลคะแน่", "น"), _ends_header_word("ผลคะแนน", "น"), _ends_header_word("ผลคะแน", "1")
    (True, False, False)
    >>> _ends_header_word("การวิเคราะห์ผลการประเมิน", "สร้าง")
    False
    """
    if not rest or len(rest) > MAX_WORD_END or _RE_DIGIT.search(rest):
        return False
    before, after = _letters_only(head), _letters_only(head + rest)
    return any(k in after and k not in before for k in _FIELD_KEYWORD_LETTERS)


#: A word of text: three Thai letters or Latin letters in a row.
_RE_WORD = re.compile(r"[ก-ฮ][ก-ฮ\u0e30-\u0e4e]*[ก-ฮ][\u0e30-\u0e4e]*[ก-ฮ]|[A-Za-z]{4,}")


def _is_speck_line(text: str) -> bool:
    """Whether a free line is OCR's reading of specks (a stamp, dust, a signature's strokes), no words.

    >>> _is_speck_line("ม da 7"), _is_speck_line("๑7 ร 7"), _is_speck_line("สรุปผล"), _is_speck_line("Page 5")
    (True, True, False, False)
    """
    return not _RE_WORD.search(normalize_text(text))


def _speck_row(row: list[Cell | None]) -> bool:
    """Whether a table row holds specks alone, no word in any cell (dust above a header read ``IX``).

    >>> from extract.text.layer import Line
    >>> def c(t): return Cell((0, 0, 9, 9), (Line(t, 0, 9, 0, 9, 9.0, 9.0),) if t else ())
    >>> _speck_row([c(""), c("IX"), c("")]), _speck_row([c("ได้รับ"), c("")]), _speck_row([c(""), c("")])
    (True, False, False)
    """
    texts = [_cell_text(c) for c in row if c is not None]
    return any(texts) and all(_is_speck_line(t) for t in texts if t)


def split_joined_table(item: Table, start: int = 0) -> tuple[Table, Table | None]:
    """A table read as no indicator's, and the table in its rows from an indicator heading row or header row on.

    Two tables one above the other are one grid when their frames touch: a
    stamp's ring drawn over the gap between them, or a summary table printed
    right above an indicator's. The rows from the first heading row (no score
    beside it: a summary's rows name indicators too) or header row below the
    top row are then a table of their own.

    >>> from extract.text.layer import Line
    >>> def c(t): return Cell((0, 0, 1, 1), (Line(t, 0, 1, 0, 1, 10, 1),) if t else ())
    >>> rows = [[c("ตัวชี้วัด"), c("คะแนน")], [c("1.การปฏิบัติหน้าที่"), c("64.49")], [c("2.การใช้งบประมาณ"), c("100")],
    ...         [c("ตัวชี้วัดที่ 1 การปฏิบัติหน้าที่"), None], [c("ประเด็นข้อคำถาม"), c("คะแนน")]]
    >>> head, rest = split_joined_table(Table(1, (0, 0, 9, 9), rows, [1] * 5))
    >>> len(head.rows), len(rest.rows), rest.row_pages
    (3, 2, [1, 1])
    >>> split_joined_table(Table(1, (0, 0, 9, 9), rows[:3], [1] * 3))[1] is None
    True
    """
    for k in range(start + 1, len(item.rows)):
        row = item.rows[k]
        scored = any(c is not None and _RE_NUMBER_CELL.match(_cell_text(c)) for c in row)
        if (heading_row(row) and not scored) or _is_header(row):  # a summary row names an indicator beside its score
            top = min(c.bbox[1] for c in row if c is not None)
            pages = item.row_pages or [item.page] * len(item.rows)
            return (Table(item.page, (item.bbox[0], item.bbox[1], item.bbox[2], top), item.rows[:k], pages[:k]),
                    Table(pages[k], (item.bbox[0], top, item.bbox[2], item.bbox[3]), item.rows[k:], pages[k:]))
    return item, None


def _specks_above_header(body: list[tuple[list[Cell | None], int]]) -> list[tuple[list[Cell | None], int]]:
    """A continuing piece's body without the rows of specks above its repeated header.

    Dust on the page's top rule read as a row (``IX``) is no row: it would take the rest
    of the row the page break split (printed below the header), and rows before the
    header would open a new table there.
    """
    last_header = max((k for k, (r, _) in enumerate(body) if _is_header(r)), default=-1)
    return [(r, p) for k, (r, p) in enumerate(body) if k > last_header or not _speck_row(r)]


def _header_runs(cur: IndicatorTable, item: Table) -> list[tuple[int, int]] | None:
    """The runs of ``cur``'s columns that ``item``'s columns span (:func:`column_runs`), while ``cur`` is its header
    alone (no row yet, a column edge per header cell); else None."""
    if cur.rows or len(cur.edges) != len(cur.header):
        return None
    return column_runs(cur.edges, item.column_edges)


class _Walker:
    """The state of one pass over a document's items (see :func:`find_sections`)."""

    def __init__(self) -> None:
        self.tables: list[IndicatorTable] = []
        self.free: list[TextLine] = []
        self.unrecognized: list[Table] = []
        self.pending: list[HeadingMatch] = []
        self.pending_text = ""
        self.pending_page: int | None = None
        self.last_was_heading = False
        self.current: IndicatorTable | None = None
        # the table the last table piece went to: an indicator sub-heading row
        # at a page's bottom ends ``current``, not the long table it sits in
        self.piece: IndicatorTable | None = None
        self.gap_lines = 0  # free lines since the last table
        self.width = 0.0  # of the table being read
        self.n_cols = 0
        self.edges: list[tuple[float, float]] = []
        self.slots: list[int] = []  # the slot of each of edges
        self.number_hint: int | None = None  # of a heading line whose name OCR garbled

    def heading(self, found: list[HeadingMatch], text: str, page: int) -> None:
        if self.last_was_heading:  # a heading wrapped over two lines (…9 … และ / …10 …)
            known = {p.number for p in self.pending}
            self.pending += [h for h in found if h.number not in known]
            self.pending_text += " " + text
        else:
            self.pending, self.pending_text, self.pending_page = list(found), text, page
        self.current = None
        self.last_was_heading = True

    def line(self, item: TextLine) -> None:
        self.free.append(item)
        if not is_furniture_line(item.text):
            self.gap_lines += 1
        found = parse_indicator_heading(normalize_text(item.text))
        if found:
            self.heading(found, item.text, item.page)
            self.number_hint = None
        elif not _is_speck_line(item.text):
            self.last_was_heading = False  # specks (a stamp's, dust) leave a wrapped heading whole
            if (n := heading_number_only(normalize_text(item.text))) is not None:
                self.number_hint = n
            elif not is_furniture_line(item.text):
                self.number_hint = None

    def _open(self, kind: str, columns: dict[str, int], page: int,
              header: list[Cell | None] | None = None) -> IndicatorTable:
        self.current = IndicatorTable(kind=kind, headings=self.pending, heading_text=self.pending_text,
                                      heading_page=self.pending_page, columns=columns, page=page,
                                      header=list(header or []),
                                      width=self.width, n_cols=self.n_cols, edges=self.edges,
                                      slots=self.slots)
        self.tables.append(self.current)
        if not self.pending:
            self.current.number_hint = self.number_hint
        self.pending, self.pending_text, self.pending_page = [], "", None
        self.number_hint = None
        self.last_was_heading = False
        return self.current

    def _continues(self, cur: IndicatorTable | None, item: Table, gap: int) -> bool:
        """Whether ``item`` is the current table going on over a page break (MinerU's test).

        Same column count and width; or its columns are some of the table's
        (a merged column whose cell the break split is drawn without rulings).
        """
        last_page = cur.row_pages[-1] if cur is not None and cur.row_pages else cur.page if cur else 0
        # a table goes on at the top of a page: a second table on the page of its last piece is
        # another table (the piece's one row joined the row the break split, adding no row page)
        last_page = max(last_page, cur.last_piece_page) if cur is not None else last_page
        if cur is None or item.page <= last_page or gap > MAX_FURNITURE_LINES:
            return False
        if item.n_cols == cur.n_cols and _same_width(cur.width, item.bbox[2] - item.bbox[0]):
            return True
        if _column_map(cur.edges, item.column_edges) is not None:
            return True
        # a header alone, split by a stroke: the rows below it on the next page span its false column's two
        return _header_runs(cur, item) is not None

    def _rejoin_header(self, cur: IndicatorTable, item: Table) -> None:
        """A table with no row yet whose next piece's columns each span a run of its own: its header's columns
        within each run joined (a stroke across a header cell, taken for a rule, split it), the table taking
        the piece's columns."""
        runs = _header_runs(cur, item)
        if runs is None or all(k == m for k, m in runs):
            return
        cur.header = _joined_cells(cur.header, runs)
        cur.columns = column_map(cur.kind, cur.header)
        cur.edges = [(cur.edges[k][0], cur.edges[m][1]) for k, m in runs]
        cur.n_cols, cur.slots = len(runs), list(range(len(runs)))

    def _completes_header(self, cur: IndicatorTable, row: list[Cell | None]) -> bool:
        """Whether ``row`` with ``cur``'s header cut at the break reads as a header the document printed whole before.

        A report repeats one header over its tables; when the break cut it
        ("มาตรการ โครงการ" / "หรือกิจกรรม") and its rest names no new field,
        the rest still makes it that header again.
        """
        def key(r: list[Cell | None]) -> tuple[str, ...]:
            return tuple(_cell_text(c) for c in r)

        if len(row) != len(cur.header) or any(c is not None and _RE_DIGIT.search(c.raw_text) for c in row):
            return False
        merged = key(_merge_rows(cur.header, row))
        return merged != key(cur.header) and any(
            t is not cur and t.kind == cur.kind and key(t.header) == merged for t in self.tables)

    def _known_header(self, row: list[Cell | None]) -> tuple[str, list[Cell | None]] | None:
        """The kind and header of a table read before whose header ``row`` is, garbled (a stamp, blur).

        A report prints one header row over all its tables of a kind: a row of as many
        cells, no code or score, whose text is mostly that header's, is that header.
        """
        texts = [_cell_text(c) for c in row]
        if sum(bool(t) for t in texts) < 2 or any(_RE_DATA.search(t) or len(t) > MAX_HEADER_CELL for t in texts):
            return None
        mine = _letters_only("".join(texts))
        for t in reversed(self.tables):
            if len(t.header) != len(row):
                continue
            heads = [_cell_text(c) for c in t.header]
            if fuzz.ratio(mine, _letters_only("".join(heads))) >= KNOWN_HEADER_MIN or all(
                    header_cell_like(a, b) for a, b in zip(texts, heads) if a):
                # alike as a whole; or each cell read is its column's header cell, the others lost (letter-spaced
                # labels OCR left blank, one cut short: ``ผลการวิเคร``)
                return t.kind, t.header
        return None

    def _glued_header(self, row: list[Cell | None], below: list[Cell | None] | None
                      ) -> tuple[str, list[Cell | None], list[Cell | None]] | None:
        """A header read before (a table's of as many columns) whose cells ``row`` starts with, the first data row's
        text run on under it in some cells (the rule under the header lost there: faint at 150 dpi), and those
        cells empty in ``below``: the kind, the header, and the first data row with that text back in its cells."""
        if below is None:
            return None
        for t in reversed(self.tables):
            split = split_repeated_header(t.header, row, alike_header_text) if len(t.header) == len(row) else None
            if split is None:
                continue
            head, rest = split
            # specks under a header's cell (a stamp's, dust) are no text of the row below
            rest = [r if r is None or not _is_speck_line(_cell_text(r)) else Cell(r.bbox, ()) for r in rest]
            if all(r is None or r.is_empty for r in rest):
                return None
            if any(r is not None and not r.is_empty and b is not None and not b.is_empty for r, b in zip(rest, below)):
                return None  # the first data row has text of its own there: no text of its ran on under the header
            return t.kind, head, _merge_rows(rest, below)
        return None

    def table(self, item: Table) -> None:
        before = self.current or self.piece
        if before is not None and before.header and item.page > before.page and item.n_cols > before.n_cols:
            item = without_empty_edge_columns(item, before.n_cols)
        self.width, self.n_cols, self.edges = item.bbox[2] - item.bbox[0], item.n_cols, item.column_edges
        self.slots = item.column_slots
        gap, self.gap_lines = self.gap_lines, 0
        rows = list(zip(item.rows, item.row_pages))
        prior = self.current or self.piece
        if rows and prior is not None and prior.header and item.page > prior.page and self._continues(prior, item, gap):
            split = split_repeated_header(prior.header, rows[0][0])
            if split is not None:  # the header again, a cell's rest run under it
                rows[:1] = [(split[0], rows[0][1]), (split[1], rows[0][1])]
        i = 0
        while i < len(rows) and (found := heading_row(rows[i][0])):
            self.heading(found, rows[i][0][0].raw_text if rows[i][0][0] else "", rows[i][1])
            i += 1
        kind, header, n_header = _split_header([r for r, _ in rows[i:]])
        if kind is None and i < len(rows) and (known := self._known_header(rows[i][0])) is not None:
            kind, header, n_header = known[0], known[1], 1
        if (kind is None or n_header == 1) and i + 1 < len(rows) \
                and (glued := self._glued_header(rows[i][0], rows[i + 1][0])):
            kind, header, first = glued
            rows[i:i + 2] = [(header, rows[i][1]), (first, rows[i + 1][1])]
            n_header = 1
        body = rows[i + n_header:]
        cur = self.current
        same_page = cur is not None and bool(cur.row_pages) and cur.row_pages[-1] == item.page
        if kind is not None and (cur is None or cur.kind != kind or self.pending or same_page
                                 or self.number_hint is not None or not self._continues(cur or self.piece, item, gap)):
            # a new header row on the page of the table before is a new table,
            # even when its heading is missing (OCR lost it); so is a header row
            # on a table that does not continue the one before (other columns), and
            # one after a heading line whose name OCR lost (its number read: a hint)
            cur = self._open(kind, column_map(kind, header), item.page, header)
            body = _cut_strips(body, cur.columns)
        elif self._continues(cur or self.piece, item, gap):
            # The same table continued on a new page (header repeated or not);
            # its first row may be the rest of a row the page break split,
            # unless an indicator heading came between.
            cur = cur or self.piece
            cur.pieces += 1
            self._rejoin_header(cur, item)
            where = _column_map(cur.edges, item.column_edges)
            if where is not None:
                # edges are counted in the fullest row, where a merged cell covers a slot: the
                # table's slot of each edge, not the edge's number (a stroke's false column
                # merged over the question's cell put every score in the analysis)
                where = [cur.slots[k] if k < len(cur.slots) else k for k in where]
                if not (item.n_cols == cur.n_cols and where == item.column_slots):
                    body = [(_widen(r, item.column_slots, where, cur.n_cols), p) for r, p in body]
                    # its rows now stand in the table's slots: a table an indicator row opens in them has its geometry
                    self.width, self.n_cols, self.edges, self.slots = cur.width, cur.n_cols, cur.edges, cur.slots
            body = _cut_strips(_specks_above_header(body), cur.columns)
            first = next(((r, p) for r, p in body if not _is_header(r)), None)
            if first and not cur.rows and cur.header and (header_rest(cur.kind, cur.header, first[0])
                                                          or self._completes_header(cur, first[0])):
                # the header row itself was split: its words go on at the top of the page
                cur.header = _merge_rows(cur.header, first[0])
                cur.columns = column_map(cur.kind, cur.header)
                body = [(r, p) for r, p in body if r is not first[0]]
                first = next(((r, p) for r, p in body if not _is_header(r)), None)
            if first and cur.rows and not self.pending and first[1] != cur.row_pages[-1] and _is_continuation_row(
                cur.kind, cur.columns, cur.rows[-1], first[0]
            ):
                cur.rows[-1] = _merge_rows(cur.rows[-1], first[0])
                body = [(r, p) for r, p in body if r is not first[0]]
        else:
            head, rest = split_joined_table(item, i)
            self.unrecognized.append(head)
            # a heading line after it starts anew: a table between two headings
            # (one whose header was misread) is no heading wrapped over two lines
            self.last_was_heading = False
            if rest is not None:
                self.table(rest)
            return
        self.last_was_heading = False
        spans: list[Cell | None] = []
        appended: int | None = None  # the page of the last body row of this piece read
        for row, page in body:
            if _is_header(row):
                if appended == page and header_kind(row) == cur.kind:
                    # a header below rows of the same piece on the same page opens the next indicator's table, its
                    # heading lost (OCR read two tables as one, the heading line between them with them)
                    cur = self._open(cur.kind, column_map(cur.kind, row) or cur.columns, page, row)
                    appended = None
                continue  # a header row printed twice
            found = heading_row(row)
            if found:  # one big table with indicator rows between the measures
                self.heading(found, next(c.raw_text for c in row if c is not None and not c.is_empty), page)
                spans = heading_row_spans(row)
                continue
            row, spans = _fill_covered(row, spans), []
            if self.pending or self.current is None:
                self._open(cur.kind, cur.columns, page)
            self.current.rows.append(row)
            self.current.row_pages.append(page)
            self.last_was_heading = False
            appended = page
        self.piece = cur
        cur.last_piece_page = max(cur.last_piece_page, item.page)


def find_sections(items: list[Item]) -> DocumentLayout:
    """All indicator tables of a document, joined across page breaks.

    Headings are free-standing lines ("ตัวชี้วัดที่ ๑ …", "๓.การใช้อำนาจ") or
    rows inside a table; a heading wrapped over two lines names both
    indicators; a table's kind comes from its header row.
    """
    w = _Walker()
    for item in items:
        if isinstance(item, TextLine):
            w.line(item)
        else:
            w.table(item)
    return DocumentLayout(tables=w.tables, free_lines=w.free, unrecognized_tables=w.unrecognized)
