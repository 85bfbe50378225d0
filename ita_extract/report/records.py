"""Indicator tables to the contract's rows (scores, analyses, measures).

Pure functions over :class:`ita_extract.report.sections.IndicatorTable`; every string
goes through :func:`normalize.thai.normalize_text`. What a careful reader
would flag while reading a table is returned as :class:`ita_extract.model.Problem`.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from extract.text.layout import Cell
from normalize import questionnaire
from normalize.catalog import snap_question
from normalize.citations import checked_references
from normalize.codes import QuestionCode, find_codes, normalize_citations, oit_references, parse_code_range, split_question
from normalize.dates import (MONTH_ABBREVIATIONS, MONTH_NAMES, off_month_edge, parse_period, period_names_month,
                             period_open_end, period_year_alone)
from normalize.indicators import CANONICAL, parse_indicator_heading, tool_for_indicator
from normalize.periods import repaired_period
from normalize.thai import normalize_text
from normalize.thaichars import LETTERS, charset
from ita_extract.report.analysis_text import (cause_after_quote, drop_code_echo, drop_latin_specks, drop_specks, drop_stray_signs, drop_trail_specks, question_wordings,
                                              quoted_question, cite_label, tool_names, trim_debris)
from ita_extract.report.labels import CAUSE, GUIDELINE, LOWEST, find_labels, guideline_opening, guideline_text_start, is_label_only, opens_with_label
from ita_extract.model import AnalysisRow, MeasureRow, Problem, ScoreRow, problem
from ita_extract.report.sections import IndicatorTable
from extract.text.cell_text import cells_text

#: Rows whose OCR confidence (Tesseract, 0–100) falls below this get an
#: ``ocr-low-confidence`` warning, so an analyst knows what to check by eye.
LOW_CONFIDENCE = 60.0


def _label_opens(prev: str, nxt: str) -> bool:
    """A paragraph starts at ``nxt`` whatever the geometry: it opens with an
    analysis label, or ``prev`` is a label alone (the label registry's word)."""
    return opens_with_label(normalize_text(nxt)) or is_label_only(normalize_text(prev))


def cell_text(cell: Cell | None) -> str:
    """A cell's text (:func:`extract.text.cell_text.cells_text`), paragraphs opened by labels too."""
    return cells_text([cell], _label_opens)


def merged_cell_text(cells: Sequence[Cell | None]) -> str:
    """The pieces of a merged cell a page break split, read as one cell."""
    return cells_text(cells, _label_opens)


_RE_NONE = re.compile(r"^[\s\-–—:]*(?:ไม่มี|-)?[\s\-–—.]*$")
#: A printed score has no leading zero: ``00.00`` or ``000`` is ``๑๐๐.๐๐`` with its ``๑`` lost or misread.
_RE_SCORE = re.compile(r"^\s*(-?(?!0\d)\d{1,3}(?:[.,]\d{1,4})?)\s*$")
#: ``100.`` with its decimals lost: a score has at most 100, so they were zeros.
_RE_HUNDRED_CUT = re.compile(r"^\s*100[.,]\s*$")


#: A line of an OCR'd cell that is a speck, not text: one to three signs, none of them a Thai
#: letter (``1``, ``:``, ``.``, ``=``, ``</``, a mark with no letter). No report prints such a
#: line in a text cell: an item's number stands on the line of its text.
_RE_DEBRIS_LINE = re.compile(rf"^[^\S\n]*(?:[^\s{charset(LETTERS)}][^\S\n]*){{1,3}}$")
#: A line of scattered specks (dust, a stamp's edge): tokens of one or two signs, none a Thai letter
#: (``17 0 8 A``). Text has words: a Thai word, a year, a code is longer.
_RE_SPECKS_LINE = re.compile(rf"^[^\S\n]*(?:[^\s{charset(LETTERS)}]{{1,2}}[^\S\n]+)+[^\s{charset(LETTERS)}]{{1,2}}[^\S\n]*$")


def drop_debris_lines(text: str) -> str:
    """An OCR'd cell's text without its lines of specks; a text that is nothing else stays.

    >>> drop_debris_lines("หน่วยงานควรตรวจทานข้อมูลก่อนส่ง URL\\nา\\n1")
    'หน่วยงานควรตรวจทานข้อมูลก่อนส่ง URL'
    >>> drop_debris_lines("1. ประชุมชี้แจง\\n:\\n2. ติดประกาศ"), drop_debris_lines("-"), drop_debris_lines("ปี\\nดี")
    ('1. ประชุมชี้แจง\\n2. ติดประกาศ', '-', 'ปี\\nดี')
    >>> drop_debris_lines("2.สร้างการรับรู้\\n17 0 8 A\\n3.จัดทำสื่อ"), drop_debris_lines("ต.ค. 2568\\n- 30 ก.ย. 2569")
    ('2.สร้างการรับรู้\\n3.จัดทำสื่อ', 'ต.ค. 2568\\n- 30 ก.ย. 2569')
    """
    lines = text.split("\n")
    kept = [ln for ln in lines if not (_RE_DEBRIS_LINE.match(ln) or _RE_SPECKS_LINE.match(ln))]
    return "\n".join(kept) if kept and len(kept) < len(lines) else text


@dataclass(frozen=True)
class AnalysisParts:
    lowest_text: str
    cause: str | None
    guideline: str | None
    labelled: bool = True  # at least one label was found


def cleaned_analysis(parts: AnalysisParts) -> tuple[str, list[int]]:
    """An analysis as its parts were written out (lowest question, cause, guideline, each cleaned of OCR's
    debris), one line apart, and the offsets where the cause and the guideline start.

    >>> cleaned_analysis(AnalysisParts("i2", "ขาดการกำกับ", "จัดทำคู่มือ (อ้างอิงจาก o8)"))
    ('i2\\nขาดการกำกับ\\nจัดทำคู่มือ (อ้างอิงจาก o8)', [3, 15])
    >>> cleaned_analysis(AnalysisParts("", None, "จัดทำคู่มือ"))
    ('จัดทำคู่มือ', [0])
    """
    text, breaks = parts.lowest_text, []
    for part in (parts.cause, parts.guideline):
        if part:
            text += "\n" if text else ""
            breaks.append(len(text))
            text += part
    return text, breaks


def split_analysis(text: str, ocr: bool = False) -> AnalysisParts:
    """Split an analysis cell at its labels (see :mod:`ita_extract.report.labels`).

    Text before the first label names the lowest question when that label
    is missing; a cell without any label is taken as the guideline. Each
    part loses the debris between its label and its text (:func:`trim_debris`).

    >>> p = split_analysis("ข้อคำถามที่ได้คะแนนน้อยที่สุด : i2 ในหน่วยงาน\\nสาเหตุเกิดจาก : ขาดการกำกับ\\nแนวทางการยกระดับผลการประเมินฯ : จัดทำคู่มือ")
    >>> (p.lowest_text, p.cause, p.guideline)
    ('i2 ในหน่วยงาน', 'ขาดการกำกับ', 'จัดทำคู่มือ')
    >>> p = split_analysis("สาเหตุ\\nบุคลากรขาดความรู้\\nแนวทางการยกระดับผลการประ\\nเมินฯ จัดอบรม")
    >>> (p.cause, p.guideline)
    ('บุคลากรขาดความรู้', 'จัดอบรม')
    """
    if ocr:
        text = drop_debris_lines(text)
    marks = find_labels(text)
    parts: dict[str, str] = {}
    for i, m in enumerate(marks):
        stop = marks[i + 1].start if i + 1 < len(marks) else len(text)
        part = trim_debris(normalize_text(text[m.end:stop]), ocr)
        if ocr and m.kind != LOWEST:  # the lowest question's codes OCR garbled into letters (``ile``) are read later
            part = cite_label(tool_names(drop_code_echo(drop_stray_signs(drop_latin_specks(part)))))
        parts[m.kind] = trim_debris(drop_specks(part), ocr) if ocr else part
    if ocr and parts.get(GUIDELINE):
        parts[GUIDELINE] = parts[GUIDELINE][guideline_text_start(parts[GUIDELINE]):]
    if ocr and parts.get(CAUSE) and GUIDELINE not in parts and (cut := guideline_opening(parts[CAUSE])):
        # the guideline's label lost: the guideline opens with its own words, inside the cause's text
        parts[CAUSE], parts[GUIDELINE] = parts[CAUSE][:cut[0]].rstrip(), parts[CAUSE][cut[1]:]
    head = normalize_text(text[:marks[0].start]) if marks else ""
    if not marks:
        parts[LOWEST] = ""
        if not _RE_NONE.match(text):
            parts[GUIDELINE] = normalize_text(drop_specks(cite_label(tool_names(drop_code_echo(drop_stray_signs(drop_latin_specks(text))))))
                                              if ocr else text)
    elif head and LOWEST not in parts:
        parts[LOWEST] = head

    def clean(v: str | None) -> str | None:
        return None if v is None or _RE_NONE.match(v) else normalize_citations(v)

    return AnalysisParts(parts.get(LOWEST, ""), clean(parts.get(CAUSE)), clean(parts.get(GUIDELINE)), bool(marks))


def parse_score(text: str) -> float | None:
    """A printed score (already normalized) as a number; ``None`` when absent.

    >>> parse_score("99.38"), parse_score("100"), parse_score("-"), parse_score("")
    (99.38, 100.0, None, None)
    >>> parse_score("100."), parse_score("85.")  # decimals lost: only 100's are known
    (100.0, None)
    >>> parse_score("9\\n7.87"), parse_score("10\\n0")  # a letter-spaced score wrapped in its narrow column
    (97.87, 100.0)
    >>> parse_score("00.00"), parse_score("000"), parse_score("0.00"), parse_score("0")  # ``๑`` of ``๑๐๐.๐๐`` lost
    (None, None, 0.0, 0.0)
    """
    text = re.sub(r"\s+", "", text)  # a score holds no space: what stands between its digits is a wrap
    if _RE_HUNDRED_CUT.match(text):
        return 100.0
    m = _RE_SCORE.match(text)
    if not m:
        return None
    return float(m.group(1).replace(",", "."))


#: A score its narrow column wrapped onto lines holds this many digits at least (``10`` over ``0``, ``9`` over
#: ``7.87``): a number fits on one line.
WRAPPED_DIGITS = 3
#: A score as a scanned cell can print it: a score column prints two decimals at most.
_RE_SCANNED_SCORE = re.compile(r"^\d{1,3}(?:[.,]\d{1,2})?$")


def scanned_score(text: str) -> float | None:
    """A score OCR read in a scanned cell (:func:`parse_score`), or ``None`` when the reading is no score the cell
    can print: more than two decimals (``0.002``: a speck read as a digit after ``0.00``) or above 100 (``10`` over
    ``6.00``: a wrapped ``100.00`` with a ``0`` misread). On a text layer such a number is what the report prints
    (``score-out-of-range``); from a scan it is a misreading (``score-unreadable``).

    >>> scanned_score("99.38"), scanned_score("100."), scanned_score("10\\n0"), scanned_score("0.00")
    (99.38, 100.0, 100.0, 0.0)
    >>> scanned_score("0.002"), scanned_score("10 6.00"), scanned_score("120"), scanned_score("-5")
    (None, None, None, None)
    >>> scanned_score("1\\n7"), scanned_score("9\\n7.87")  # strokes of a signature read a digit a line; a wrap
    (None, 97.87)
    """
    score = parse_score(text)
    if score is None or not 0.0 <= score <= 100.0:
        return None
    if "\n" in text.strip() and len(re.findall(r"\d", text)) < WRAPPED_DIGITS:
        return None  # a number too short to wrap, one digit a line: strokes read as digits (a signature's)
    return score if _RE_HUNDRED_CUT.match(text) or _RE_SCANNED_SCORE.match(re.sub(r"\s+", "", text)) else None


#: A scanned score column prints two decimals when at least this many of its cells read so ...
DECIMAL_COLUMN_MIN = 2
_RE_TWO_DECIMALS = re.compile(r"^\d{1,3}[.,]\d{2}$")
#: ... and then a score read without them is part of a number (``10`` of a wrapped ``100.00`` whose second line was
#: lost), unless it is one a column prints bare (``100``, ``0``).
_RE_BARE_SCORE = re.compile(r"^(?:100|0)$")


def decimals_lost(text: str, column: list[str]) -> bool:
    """Whether a scanned score ``text`` has no decimals in a column whose cells (``column``, the texts of its
    scanned score cells) print two: ``10`` beside ``91.52`` and ``87.50`` is what is left of a wrapped ``100.00``.
    A bare ``100`` or ``0`` is printed so beside decimals in real reports; a column of bare numbers is its format.

    >>> decimals_lost("10", ["91.52", "10", "87.50"]), decimals_lost("100", ["91.52", "100", "87.50"])
    (True, False)
    >>> decimals_lost("95", ["95", "87", "100"]), decimals_lost("95.00", ["91.52", "95.00"])
    (False, False)
    """
    t = re.sub(r"\s+", "", text)
    if not re.fullmatch(r"\d{1,3}", t) or _RE_BARE_SCORE.match(t):
        return False
    return sum(bool(_RE_TWO_DECIMALS.match(re.sub(r"\s+", "", c))) for c in column) >= DECIMAL_COLUMN_MIN


def _cell(row: list[Cell | None], columns: dict[str, int], name: str) -> Cell | None:
    i = columns.get(name)
    return row[i] if i is not None and i < len(row) else None


def _field(row: list[Cell | None], columns: dict[str, int], name: str) -> str:
    return cell_text(_cell(row, columns, name))


def _question_field(row: list[Cell | None], columns: dict[str, int]) -> str:
    """The question cell's text, with the scanned cells right of it up to the next named column.

    A toner streak or a fold down a scan draws a ruling through the
    question column, so the grid has columns the header names none of: a
    question whose text stands right of that line lands in one of them
    (on a text layer such a column is printed: left alone).

    >>> from extract.text.layer import Line
    >>> def c(t): return Cell((0, 0, 9, 9), (Line(t, 0, 9, 0, 9, 9.0, 9.0, ocr=True),) if t else ())
    >>> _question_field([None, c("o3 ข้อมูลการติดต่อ"), None, c("100.00")], {"question": 0, "score": 3})
    'o3 ข้อมูลการติดต่อ'
    >>> _question_field([c("o4 ข่าว"), c("ประชาสัมพันธ์"), c("100.00")], {"question": 0, "score": 2})
    'o4 ข่าว ประชาสัมพันธ์'
    """
    i = columns.get("question")
    if i is None:
        return ""
    named = set(columns.values())
    end = min((j for j in named if j > i), default=len(row))
    cells = [c for c in row[i:end] if c is not None and not c.is_empty]
    if end - i > 1 and cells and all(c.ocr for c in cells):
        return " ".join(t for t in (cell_text(c) for c in cells) if t)
    return cell_text(_cell(row, columns, "question"))


def _low_confidence(row: list[Cell | None], what: str, indicator: int, page: int) -> list[Problem]:
    conf = min((c.conf for c in row if c is not None and not c.is_empty), default=100.0)
    if conf >= LOW_CONFIDENCE:
        return []
    return [problem("ocr-low-confidence",
                    f"OCR is unsure ({conf:.0f}%) of {what} on page {page}: check it against the page.", indicator, page)]


def _next_code(prev: str | None) -> str | None:
    code = QuestionCode.of(prev)
    return code.next().format() if code else None


#: How closely (rapidfuzz partial ratio, spaces ignored) a question's text
#: must appear in the analysis to count as named there ...
NAMED_MIN = 85.0
#: ... and a question whose code the analysis prints too (two pieces of evidence that agree:
#: OCR garbled the text, ``ของอนและ`` for ``ของท่านเป็นไปตามขั้นตอนและ``).
NAMED_WITH_CODE_MIN = 65.0
#: A printed code's question is preferred over another that matches the same words this much better at most
#: (OIT items that open alike, ``รายงานผลการ…``, quoted in part).
PRINTED_CODE_BONUS = 5.0
#: Letters two quotes side by side may share at their edges (an alignment's ends are fuzzy by a letter or two:
#: ``ข้อมูลสถิติการให้บริการ`` and the next question's quote, one letter apart).
EDGE_SLACK = 3
#: Letters a question's quote must reach past the quote of a question whose whole wording it holds
#: (the words it adds before it) to win the span from it, as a printed code does.
CONTAINED_EXTRA = 5


def lowest_by_text(lowest_text: str, questions: list[tuple[str, str]], printed: Sequence[str] = ()) -> list[str]:
    """Codes of the table's questions whose text the analysis quotes, in its order.

    ``printed``: the codes the analysis prints (as OCR read them); their questions
    count from :data:`NAMED_WITH_CODE_MIN` and win a quoted span from a question
    that matches it at most :data:`PRINTED_CODE_BONUS` better.

    >>> lowest_by_text("ile ในหน่วยงานของท่าน มีเจ้าหน้าที่ที่ปฏิบัติงาน", [("i1", "การปฏิบัติงานตามขั้นตอน"),
    ...     ("i2", "ในหน่วยงานของท่าน มีเจ้าหน้าที่ที่ปฏิบัติงาน")])
    ['i2']
    >>> lowest_by_text("o12 รายงานผลการจัดซื้อจัดจ้างประจำปี", [("o11", "รายงานการจัดซื้อจัดจ้างประจำปี"),
    ...     ("o12", "รายงานผลการจัดซื้อจัดจ้างประจำปี")])
    ['o12']
    >>> qs = [("o22", "รายงานผลการดำเนินงานประจำปี"), ("o26", "รายงานผลการดำเนินการเพื่อส่งเสริมคุณธรรม")]
    >>> lowest_by_text("022 รายงานผลการด", qs, ["o26"]), lowest_by_text("022 รายงานผลการด", qs, ["o22"])
    (['o26'], ['o22'])
    >>> qs = [("o42", "มาตรการส่งเสริมคุณธรรม"), ("o43", "การดำเนินการตามมาตรการส่งเสริมคุณธรรม")]
    >>> lowest_by_text("053 การดำเนินการตามมาตรการส่งเสริมคุณธรรม", qs), lowest_by_text("มาตรการส่งเสริมคุณธรรม", qs)
    (['o43'], ['o42'])
    >>> qs = [("o5", "แผนดำเนินงานและการใช้งบประมาณประจำปี"), ("o7", "รายงานผลการดำเนินงานและการใช้งบประมาณประจำปี")]
    >>> lowest_by_text("05 แผนคำเน็นงานและการใช้งบประมาณประจำปี 07 รายงานผลการคดำเนินงานและการใช้งบประมาณประจำปี", qs)
    ['o5', 'o7']
    """
    hay = re.sub(r"\s+", "", lowest_text)
    best: dict[str, tuple[float, int, int, str]] = {}
    needles: dict[str, str] = {}
    # a code may come with two wordings (the row's as OCR read it, the questionnaire's): the closer one counts
    for code, text in questions:
        needle = re.sub(r"\s+", "", text)
        if len(needle) < 8 or not hay:
            continue
        m = fuzz.partial_ratio_alignment(needle, hay)
        named = code in printed
        if _named_by(m, named) and (
                code not in best or m.score + (PRINTED_CODE_BONUS if named else 0.0) > best[code][0]):
            best[code] = (m.score + (PRINTED_CODE_BONUS if named else 0.0), m.dest_start, m.dest_end, code)
            needles[code] = needle
    matches = list(best.values())
    # a question whose wording holds another's whole ("การดำเนินการตามมาตรการ…" holds "มาตรการ…"), quoted
    # with the words it adds (its span reaches past the other's), is the one quoted: both match in full
    matches = [(score + (PRINTED_CODE_BONUS if any(
        other != code and len(needles[other]) >= 8 and needles[other] in needles[code]
        and o_start - start >= CONTAINED_EXTRA and end >= o_end for _, o_start, o_end, other in matches) else 0.0),
        start, end, code) for score, start, end, code in matches]
    # one question per quoted span: similar questions (OIT items "รายงานผล…")
    # match the same words; the closest one takes the span
    # at a tie, the question the quoted words cover more of (words that are part of a longer question
    # match it in full too)
    taken: list[tuple[int, int, str]] = []
    lost: list[str] = []
    for _score, start, end, code in sorted(matches, key=lambda m: (m[0], min(1.0, (m[2] - m[1]) / len(needles[m[3]])),
                                                                     m[1], m[2], m[3]), reverse=True):
        if _apart(start, end, taken):
            taken.append((start, end, code))
        else:
            lost.append(code)
    # a question whose closest words another question took may be quoted beside them: it is aligned again on the
    # words no question took (``แผนดำเนินงานและการใช้งบประมาณประจำปี`` garbled, whose closest words were those of
    # the next quote, ``รายงานผลการดำเนินงานและการใช้งบประมาณประจำปี``, which ends alike)
    for code in lost:
        m = fuzz.partial_ratio_alignment(needles[code], _masked(hay, taken))
        if _named_by(m, code in printed) and _apart(m.dest_start, m.dest_end, taken):
            taken.append((m.dest_start, m.dest_end, code))
    return [code for _, _, code in sorted(taken)]


def _named_by(m, named: bool) -> bool:
    """Whether the alignment ``m`` (None: none) names its question: :data:`NAMED_MIN`, or
    :data:`NAMED_WITH_CODE_MIN` when the analysis prints the question's code too (``named``)."""
    return m is not None and m.score >= (NAMED_WITH_CODE_MIN if named else NAMED_MIN)


def _apart(start: int, end: int, taken: Sequence[tuple[int, int, str]]) -> bool:
    """Whether the quote from ``start`` to ``end`` overlaps none of ``taken`` (but by :data:`EDGE_SLACK` letters)."""
    return all(end <= a + EDGE_SLACK or start >= b - EDGE_SLACK for a, b, _ in taken)


def _masked(hay: str, taken: Sequence[tuple[int, int, str]]) -> str:
    """``hay`` with the quotes ``taken`` blanked out by a character no wording holds (their length kept)."""
    for a, b, _ in taken:
        hay = hay[:a] + "\0" * (b - a) + hay[b:]
    return hay


def questionnaire_wordings(codes: Sequence[str], fiscal_year: int | None) -> list[tuple[str, str]]:
    """The questionnaire's wording of each of ``codes`` the questionnaire of ``fiscal_year`` has.

    >>> questionnaire_wordings(["o22", "o99"], 2570), questionnaire_wordings(["o22"], None)
    ([('o22', 'รายงานผลการดำเนินการตามแผนบริหารจัดการความเสี่ยงการทุจริต')], [])
    """
    if fiscal_year not in questionnaire.fiscal_years():
        return []
    texts = {q.code: q.text for q in questionnaire.questions(fiscal_year)}
    return [(c, texts[c]) for c in dict.fromkeys(codes) if c in texts]


def known_references(refs: Sequence[str], fiscal_year: int | None) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Cited codes split into those the fiscal year's questionnaire has and those it has not
    (an OCR misread: ``o98`` for ``o8``); all are kept when the year has no recorded questionnaire.

    >>> known_references(["o8", "o98", "o28"], 2568)
    (('o8', 'o28'), ('o98',))
    >>> known_references(["o98"], None), known_references(["o98"], 2400)
    ((('o98',), ()), (('o98',), ()))
    """
    if fiscal_year is None or fiscal_year not in questionnaire.fiscal_years():
        return tuple(refs), ()
    have = {q.code for q in questionnaire.questions(fiscal_year)}
    return tuple(r for r in refs if r in have), tuple(r for r in refs if r not in have)


def expected_codes(fiscal_year: int | None, indicators: Sequence[int]) -> frozenset[str]:
    """The question codes of ``indicators`` in the questionnaire of ``fiscal_year`` (empty when not recorded).

    >>> sorted(expected_codes(2565, [1]), key=lambda c: int(c[1:]))
    ['i1', 'i2', 'i3', 'i4', 'i5', 'i6']
    >>> expected_codes(2400, [1]), expected_codes(None, [1])
    (frozenset(), frozenset())
    """
    if fiscal_year is None or fiscal_year not in questionnaire.fiscal_years():
        return frozenset()
    return frozenset(q.code for n in indicators for q in questionnaire.questions(fiscal_year, indicator=n))


def letter_read_as_one(code: str | None, expected: frozenset[str]) -> str | None:
    """The code meant when OCR read a capital ``I`` (or ``l``) as the digit 1: ``I1`` -> ``11`` -> ``i11``.

    Only when the code read is not one of the table's own codes and the code
    without that leading 1 is.

    >>> letter_read_as_one("i11", frozenset({"i1", "i2"})), letter_read_as_one("i112", frozenset({"i12"}))
    ('i1', 'i12')
    >>> letter_read_as_one("i11", frozenset({"i11", "i1"})), letter_read_as_one("i10", frozenset({"i0"}))
    (None, None)
    """
    m = re.fullmatch(r"([ie])1(\d+)", code or "")
    if not m or code in expected or m.group(2).startswith("0"):
        return None
    fixed = f"{m.group(1)}{int(m.group(2))}"
    return fixed if fixed in expected else None


@dataclass(frozen=True)
class RowCode:
    code: str | None
    text: str
    notes: tuple[str, ...] = ()  # why the code differs from what was printed (for a problem row)


def read_row_code(q: str, tool: str | None, ocr: bool, fiscal_year: int | None, expected: frozenset[str]) -> RowCode:
    """A question cell's code and text: as printed, then (on OCR) checked against the questionnaire.

    >>> read_row_code("i๑ การปฏิบัติงาน", "IIT", False, None, frozenset()).code
    'i1'
    >>> read_row_code("11 ข้อความ", "IIT", True, 2565, frozenset({"i1", "i2"})).code
    'i1'
    """
    code, qtext = split_question(q, tool)
    if code is None and tool != "OIT" and re.match(r"^\s*[0๐][0-9๐-๙]", q):
        # a zero for the o (๐๑๐, OCR's 010) under another tool's heading: OIT rows whose heading was lost
        oit, rest = split_question(q, "OIT")
        if oit is not None:
            code, qtext = oit, rest
    notes: list[str] = []
    if not ocr:
        return RowCode(code, qtext)
    if code is None:
        code, qtext = _code_below_debris(q, tool) or (code, qtext)
    if (code is not None and expected and code not in expected and (after := _code_after_debris(q, tool))
            and after[0] in expected):  # a code lost altogether is left to its neighbours (fill_codes)
        notes.append(f"OCR read the code {code} from specks before the question's code {after[0]}.")
        code, qtext = after
    fixed = letter_read_as_one(code, expected)
    if fixed:
        notes.append(f"OCR read the code {code}; a capital I read as 1 makes it {fixed}, a code of this indicator.")
        code = fixed
    snap = snap_question(code, qtext, fiscal_year)  # OCR noise in a known question, or its code lost
    if snap.code != code and code is not None:
        notes.append(f"OCR read the code {code}; the question's text is {snap.code}'s.")
    return RowCode(snap.code, snap.text, tuple(notes))


#: A run of Thai consonants: a line holding one is text, not OCR debris.
_RE_THAI_RUN = re.compile(r"[ก-ฮ]{3,}")


def _code_below_debris(q: str, tool: str | None) -> tuple[str, str] | None:
    r"""The code and text of a question cell whose first lines are OCR debris (a stamp's or a
    signature's strokes read as ``5 0 0 0``) above the line that opens with the code.

    >>> _code_below_debris("5 0 0 0\n011 สรุปผลการจัดซื้อจัดจ้าง", "OIT")
    ('o11', 'สรุปผลการจัดซื้อจัดจ้าง')
    >>> _code_below_debris("ข้อความจริงของคำถาม\n011 สรุปผล", "OIT") is None
    True
    """
    lines = q.split("\n")
    for k in range(1, len(lines)):
        if _RE_THAI_RUN.search(lines[k - 1]):
            return None
        code, rest = split_question("\n".join(lines[k:]), tool)
        if code is not None:
            return code, rest
    return None


#: Specks a stamp or a signature leaves before a code on its line (``1 a '`` before ``027``): short tokens
#: without a Thai letter.
_RE_DEBRIS_TOKEN = re.compile(r"^[^\sก-ฮ]{1,2}$")


def _code_after_debris(q: str, tool: str | None) -> tuple[str, str] | None:
    """The code and text of a question cell whose first line opens with specks read before its code.

    >>> _code_after_debris("1 a ' 027 มาตรการส่งเสริมคุณธรรม", "OIT")
    ('o27', 'มาตรการส่งเสริมคุณธรรม')
    >>> _code_after_debris("o27 มาตรการ", "OIT") is None, _code_after_debris("1 การเปิดเผย 027", "OIT") is None
    (True, True)
    """
    tokens = q.split(" ")
    for k in range(1, min(len(tokens), 5)):
        if not _RE_DEBRIS_TOKEN.match(tokens[k - 1]):
            return None
        code, rest = split_question(" ".join(tokens[k:]), tool)
        if code is not None:
            return code, rest
    return None


def fill_codes(codes: Sequence[str | None]) -> list[str | None]:
    """Codes lost by OCR, taken from their neighbours: the one after the code before, or, for the rows
    before the first code read, the ones counting down to it.

    >>> fill_codes([None, "i2", None, "i4"]), fill_codes([None, None, "e3"]), fill_codes([None, "o1"])
    (['i1', 'i2', 'i3', 'i4'], ['e1', 'e2', 'e3'], [None, 'o1'])
    """
    out = list(codes)
    first = next((k for k, c in enumerate(out) if c), None)
    if first is None:
        return out
    m = re.fullmatch(r"([ieo])(\d+)", out[first])
    if m:
        for k in range(first):
            n = int(m.group(2)) - (first - k)
            out[k] = f"{m.group(1)}{n}" if n > 0 else None
    for k in range(first + 1, len(out)):
        if out[k] is None:
            out[k] = _next_code(out[k - 1])
    return out


#: Text similarity (rapidfuzz ratio, spaces and punctuation ignored) below which a row's text says nothing of
#: a question; above it, up to 100, the evidence grows linearly (0 to 1) ...
ALIGN_TEXT_FLOOR = 50.0
#: ... a code read as printed counts as much as a question text matched exactly ...
ALIGN_CODE_WEIGHT = 1.0
#: ... a question of the questionnaire skipped between two rows costs this much, a row left out of the
#: numbering (debris read as a row) this much.
ALIGN_GAP = 0.2
ALIGN_SKIP = 0.5
#: A code of the questionnaire read as printed but breaking the numbering is replaced only when its row's text
#: is the other question's at least this closely (and closer than to its own).
ALIGN_TEXT_MIN = 70.0

_RE_ALIGN_IGNORED = re.compile(r"[\s*/()\-–.,]+")


def _text_similarity(a: str, b: str) -> float:
    ka, kb = _RE_ALIGN_IGNORED.sub("", a), _RE_ALIGN_IGNORED.sub("", b)
    return fuzz.ratio(ka, kb) if ka and kb else 0.0


def align_codes(rows: Sequence[tuple[str | None, str]],
                questions: Sequence[tuple[str, str]]) -> list[str | None]:
    """The code of each OCR'd row (its code as read, its text) in the numbering of ``questions``
    (the questionnaire's codes and texts of the table's indicators, in their printed order).

    A table prints its questions in the questionnaire's order; OCR garbles codes under a stamp
    (``o29`` read ``o51``, ``o35`` read ``o5``) while the question text still reads. Rows are
    aligned to the questions in order (each question at most once), each row scored by its code
    as read and by how closely its text is the question's (dynamic programming over the two
    sequences); ``None`` for a row the numbering leaves no place for.

    >>> qs = [("o1", "โครงสร้าง"), ("o2", "ข้อมูลผู้บริหาร"), ("o3", "อำนาจหน้าที่"), ("o4", "แผนยุทธศาสตร์")]
    >>> align_codes([("o1", "โครงสร้าง"), ("o52", "ข้อมูลผู้บริหร"), ("o3", "อำนาจหน้าที"), ("o4", "")], qs)
    ['o1', 'o2', 'o3', 'o4']
    >>> align_codes([("o1", "โครงสร้าง"), ("o3", "ข้อมูลผู้บริหาร"), ("o3", "อำนาจหน้าที่")], qs)
    ['o1', 'o2', 'o3']
    """
    n, m = len(rows), len(questions)
    if not n or not m:
        return [None] * n
    gain = [[(ALIGN_CODE_WEIGHT if code == qc else 0.0)
             + max(0.0, _text_similarity(text, qt) - ALIGN_TEXT_FLOOR) / (100.0 - ALIGN_TEXT_FLOOR)
             for qc, qt in questions] for code, text in rows]
    neg = float("-inf")
    # best[i][j]: the best score of rows 0..i-1 whose last placed row took question j-1 (j = 0: none placed yet)
    best = [[neg] * (m + 1) for _ in range(n + 1)]
    back: list[list[tuple[int, int | None]]] = [[(0, None)] * (m + 1) for _ in range(n + 1)]
    best[0][0] = 0.0
    for i in range(n):
        for last in range(m + 1):
            here = best[i][last]
            if here == neg:
                continue
            if here - ALIGN_SKIP > best[i + 1][last]:  # the row left out
                best[i + 1][last], back[i + 1][last] = here - ALIGN_SKIP, (last, None)
            for j in range(last, m):  # the row takes question j
                s = here + gain[i][j] - (ALIGN_GAP * (j - last) if last else 0.0)
                if s > best[i + 1][j + 1]:
                    best[i + 1][j + 1], back[i + 1][j + 1] = s, (last, j)
    last = max(range(m + 1), key=lambda j: best[n][j])
    out: list[str | None] = [None] * n
    for i in range(n, 0, -1):
        prev, j = back[i][last]
        out[i - 1] = questions[j][0] if j is not None else None
        last = prev
    return out


def renumber_rows(rows: Sequence[tuple[str | None, str]], questions: Sequence[tuple[str, str]]
                  ) -> list[tuple[str | None, str | None]]:
    """Per OCR'd row (code as read, text): the code to keep (``None``: no place in the numbering) and why
    it differs from the code read (``None`` when it does not).

    A code read as printed that the questionnaire of the table's indicators has and the numbering
    keeps stays; a code the questionnaire lacks (``o51`` in a table of o1-o33) takes the place the
    alignment (:func:`align_codes`) gives it; a questionnaire code out of the numbering (``o1`` after
    ``o26``) is replaced only when the row's text is the other question's. Nothing changes when the
    table's codes of the questionnaire do not mostly read as its questions (another year's questions)
    or fewer than two do. A row whose
    code OCR lost (``None``) takes its place in the numbering, or stays ``None``.

    >>> qs = [("o26", "การดำเนินการตามนโยบายการบริหารทรัพยากรบุคคล"), ("o27", "หลักเกณฑ์การบริหารและพัฒนาทรัพยากรบุคคล"),
    ...       ("o28", "รายงานผลการบริหารและพัฒนาทรัพยากรบุคคลประจำปี"),
    ...       ("o29", "แนวปฏิบัติการจัดการเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ")]
    >>> rows = [("o26", qs[0][1]), ("o27", qs[1][1]), ("o2", qs[2][1]),
    ...         ("o51", "623.แพรช่ฏิบัติกาว์จัตภารเรื่องร้องเรียนการทุจริตและประพ")]
    >>> [c for c, _ in renumber_rows(rows, qs)]
    ['o26', 'o27', 'o28', 'o29']
    """
    texts = dict(questions)
    agree = sum(1 for code, text in rows if code in texts and _text_similarity(text, texts[code]) >= ALIGN_TEXT_FLOOR)
    known = sum(1 for code, _ in rows if code in texts)  # codes outside the questionnaire say nothing either way
    if agree < 2 or agree * 2 < known:
        return [(code, None) for code, _ in rows]
    aligned = align_codes(rows, questions)
    out: list[tuple[str | None, str | None]] = []
    for (code, text), new in zip(rows, aligned):
        if new == code or (code is None and new is None):
            out.append((code, None))
        elif code is None:  # a code OCR lost: the place the numbering and the text give the row
            out.append((new, f"A question whose code OCR lost was taken as {new} (its place among the "
                             "rows' codes and its text)."))
        elif code not in texts:
            out.append((new, f"OCR read the code {code}, no question of this table; the numbering and the "
                             f"question's text make it {new}." if new else
                             f"OCR read the code {code}, no question of this table, and the numbering leaves "
                             f"no place for it: the row was left out."))
        elif new is not None and (sim := _text_similarity(text, texts[new])) >= ALIGN_TEXT_MIN \
                and sim > _text_similarity(text, texts[code]):
            out.append((new, f"OCR read the code {code}, out of the numbering; the question's text is {new}'s."))
        else:
            out.append((code, None))
    return out


def analysis_rows(t: IndicatorTable, indicators: list[int],
                  fiscal_year: int | None = None) -> tuple[list[ScoreRow], list[AnalysisRow], list[Problem]]:
    """Score rows and the analysis of one analysis table (question codes checked against the
    questionnaire of ``fiscal_year`` when it is known)."""
    scores: list[ScoreRow] = []
    problems: list[Problem] = []
    first = indicators[0]
    tool = tool_for_indicator(first)
    expected = expected_codes(fiscal_year, indicators)
    analysis_cells: list[Cell] = []
    analysis_page: int | None = None
    read: list[tuple[RowCode, str, str, int, list[Cell | None]]] = []  # code, question, raw score, page, row
    ocr_coded: list[int] = []  # the rows of ``read`` whose code OCR read
    # the texts of the table's scanned score cells: the format its column prints (:func:`decimals_lost`)
    scanned_scores = [_field(row, t.columns, "score") for row in t.rows
                      if (c := _cell(row, t.columns, "score")) is not None and c.ocr]
    for row, page in zip(t.rows, t.row_pages):
        acell = _cell(row, t.columns, "analysis")
        if acell is not None and not acell.is_empty:
            analysis_cells.append(acell)
            analysis_page = analysis_page or page
        q = " ".join(x for x in (_field(row, t.columns, "code"), _question_field(row, t.columns)) if x)
        raw_score = _field(row, t.columns, "score")
        if not q and not raw_score:
            continue
        if parse_code_range(q) or parse_code_range(drop_debris_lines(q)) or (not raw_score and parse_code_range(
                q.split("\n")[0])):
            # "o1 – o28": a range row has no per-item scores (specks read below it are no code, nor, with no
            # score beside it, a stamp's or a signature's marks read as words)
            continue
        # the code and question as OCR read them, from either cell (a stroke's false column can leave the
        # question's cell empty and its text in the code's)
        ocr_read = any(c is not None and c.ocr and not c.is_empty
                       for c in (_cell(row, t.columns, "question"), _cell(row, t.columns, "code")))
        rc = read_row_code(q, tool, ocr_read, fiscal_year, expected)
        if rc.code is None and not raw_score and len("".join(q.split())) <= MAX_SPECK_ROW:
            continue  # a speck (``-``, a row's top a page break cut) with no code and no score: no question
        for note in rc.notes:
            problems.append(problem("question-code-corrected", note, first, page))
        read.append((rc, q, raw_score, page, row))
        if (rc.code or rc.text) and ocr_read:
            ocr_coded.append(len(read) - 1)
    # codes OCR garbled (a stamp over o29-o33 read o51-o55): the questionnaire's numbering and the rows' texts
    if ocr_coded and expected:
        numbering = sorted(((q.code, q.text) for n in indicators for q in questionnaire.questions(fiscal_year, indicator=n)),
                           key=lambda ct: (ct[0][0], int(ct[0][1:])))
        left_out: set[int] = set()
        for k, (new, note) in zip(ocr_coded, renumber_rows([(read[k][0].code, read[k][0].text) for k in ocr_coded],
                                                          numbering)):
            if note is None:
                continue
            rc, q, raw_score, page, row = read[k]
            if new is None:
                problems.append(problem("question-code-missing", note, first, page))
                left_out.add(k)
                continue
            problems.append(problem("question-code-corrected" if rc.code else "question-code-inferred", note, first, page))
            read[k] = (RowCode(new, rc.text, (*rc.notes, note)), q, raw_score, page, row)
        read = [r for k, r in enumerate(read) if k not in left_out]
    # a code OCR lost: from the codes around it (the rows before the first code count down to it)
    named = [k for k, (rc, *_) in enumerate(read) if rc.code or rc.text]
    filled = dict(zip(named, fill_codes([read[k][0].code for k in named])))
    first_code = next((k for k, (rc, *_) in enumerate(read) if rc.code), len(read))
    for k, (rc, q, raw_score, page, row) in enumerate(read):
        guess = filled.get(k)
        if k < first_code and not any(c is not None and c.ocr for c in row):
            guess = None  # on a text layer a row before the first code is not a question (a sub-heading)
        code, qtext = rc.code, rc.text
        scell = _cell(row, t.columns, "score")
        score = scanned_score(raw_score) if scell is not None and scell.ocr else parse_score(raw_score)
        if score is not None and scell is not None and scell.ocr and decimals_lost(raw_score, scanned_scores):
            score = None  # part of a number (its decimals' line lost): unreadable, never the part
        if raw_score and score is None and not _RE_NONE.match(raw_score):  # a dash: none printed
            problems.append(problem("score-unreadable",
                                    f"The score '{raw_score}' of '{q[:40]}' could not be read as a number.", first, page))
        if code is None:
            if guess is None or not qtext:
                problems.append(problem("question-code-missing",
                                        f"A question row without a code was skipped: '{q[:60]}'.", first, page))
                continue
            problems.append(problem("question-code-inferred",
                                    f"A question printed without its code was taken as {guess} "
                                    "(from the codes of the rows around it).", first, page))
            code = guess
        if score is not None and not 0.0 <= score <= 100.0:
            problems.append(problem("score-out-of-range",
                                    f"{code} has the score {raw_score}, outside 0–100; it was left empty.", first, page))
            score = None
        # under a combined heading (9 and 10) each question goes to the indicator it answers
        n = questionnaire.code_indicator(fiscal_year, code)
        n = n if n in indicators else first
        scores.append(ScoreRow(n, CANONICAL[n], tool_for_indicator(n), code, qtext, score, page))
        problems += _low_confidence([c for i, c in enumerate(row) if i != t.columns.get("analysis")],
                                    f"the row of {code}", first, page)
    analyses: list[AnalysisRow] = []
    full = merged_cell_text(analysis_cells)
    col = t.columns.get("analysis")
    if col is not None:
        cells = [r[col] for r in t.rows if col < len(r)]
        problems += _low_confidence(cells, f"the analysis of indicator {first}", first, analysis_page or t.page)
    if full or (col is not None and t.rows):
        # an analysis column left empty still analyses the indicator: a row with nothing named
        analysis_ocr = col is not None and any(r[col] is not None and r[col].ocr for r in t.rows if col < len(r))
        parts = split_analysis(full, analysis_ocr)
        if not parts.labelled and parts.guideline:
            problems.append(problem("analysis-unlabelled",
                                    f"The analysis of indicator {first} has no label (lowest question, cause, "
                                    "guideline) that could be read; its whole text was kept as the guideline.",
                                    first, analysis_page or t.page))
        lowest = tuple(find_codes(parts.lowest_text, tool))
        if analysis_ocr:
            # a capital I read as 1 in the code the analysis names (``I12`` → ``i112``), as in a row's code
            lowest = tuple(dict.fromkeys(letter_read_as_one(c, expected) or c for c in lowest))
            # OCR garbles codes ("ile" for i๒) but the question's text is named too; a table without
            # questions of its own (OIT items without scores) is matched against the year's questionnaire
            questions = [(s.question, s.question_text) for s in scores if s.question_text] or [
                (q.code, q.text) for n in indicators for q in (questionnaire.questions(fiscal_year, indicator=n)
                                                               if fiscal_year in questionnaire.fiscal_years() else ())]
            # a row's question OCR garbled ("การเผยแพร่ข้อมูลของหน่วยฐ์โน ต่อ“มีลักษณะ") still has its code: the
            # questionnaire's wording of that code is matched too
            questions += questionnaire_wordings([s.question for s in scores], fiscal_year)
            by_text = lowest_by_text(parts.lowest_text, questions, lowest)
            if by_text:
                lowest = tuple(by_text)
            if parts.cause is None and lowest:
                # the cause label lost: the cause runs on after the quoted question's wording
                cause = cause_after_quote(parts.lowest_text, question_wordings(lowest, questions, fiscal_year))
                if cause is not None:
                    guideline = parts.guideline
                    if guideline is None and (cut := guideline_opening(cause)):
                        cause, guideline = cause[:cut[0]].rstrip(), normalize_citations(cause[cut[1]:])
                    parts = AnalysisParts(parts.lowest_text, normalize_citations(cause), guideline, parts.labelled)
        cited: Sequence[str] = oit_references(full)
        if analysis_ocr:
            # OCR misreads a cited code as another item's (o19 as o13) or as letters: the words naming it decide.
            # They are read in the parts as written out, without the debris OCR made of marks and specks (a line
            # ``1 จ7 x a`` of a tight line's marks, between a label and its list, cites no ``o1``)
            text, breaks = cleaned_analysis(parts)
            checked = checked_references(text, fiscal_year, breaks)
            cited = checked.references
            for note in checked.notes:
                problems.append(problem("reference-corrected", note, first, analysis_page or t.page))
        refs, unknown = known_references([r for r in cited if r not in lowest], fiscal_year)
        for code in unknown:
            problems.append(problem("reference-unknown",
                                    f"The analysis of indicator {first} cites {code}, which is no OIT item of the "
                                    f"{fiscal_year} questionnaire; it was left out of the references.",
                                    first, analysis_page or t.page))
        for n in indicators:
            analyses.append(AnalysisRow(n, CANONICAL[n], lowest, parts.cause, parts.guideline, refs,
                                        analysis_page or t.page))
    return scores, analyses, problems


MEASURE_TEXT_FIELDS = ("measure", "finding", "steps", "period", "responsible")


def _spans_down(t: IndicatorTable, k: int, col: int) -> bool:
    """Whether the cell of row ``k`` in ``col`` is the top of a merged cell (rows below covered)."""
    return (k + 1 < len(t.rows) and col < len(t.rows[k + 1]) and t.rows[k + 1][col] is None
            and t.row_pages[k + 1] == t.row_pages[k])


def _merged_values(t: IndicatorTable) -> list[dict[str, str]]:
    """Each row's text per field, a vertically merged cell giving its text to every row it spans.

    The part of a merged cell that a page break carried over is drawn empty at
    the top of the next page, over the rows it still spans: it too keeps the
    text from before the break.
    """
    out: list[dict[str, str]] = []
    last: dict[str, str] = {}
    # only OCR draws rulings of its own: a text layer's empty cell under a merged one is empty
    ocr_grid = any(c is not None and c.ocr for row in t.rows for c in row)
    for k, row in enumerate(t.rows):
        f: dict[str, str] = {}
        for name in MEASURE_TEXT_FIELDS:
            col = t.columns.get(name)
            c = row[col] if col is not None and col < len(row) else None
            # the first row of a page, empty where the row before had text: the rest of a
            # merged cell the break carried over (a measure row always names its period and unit)
            carried_over = (c is not None and c.is_empty and k > 0 and t.row_pages[k] != t.row_pages[k - 1]
                            and (_spans_down(t, k, col) or (name != "measure" and bool(last.get(name)))))
            # a finding cell read empty under one with text on the same page: the rest of a merged
            # cell a ruling OCR's grid drew across cut off (every measure answers a finding)
            cut_merged = (ocr_grid and name == "finding" and c is not None and c.is_empty and k > 0
                          and t.row_pages[k] == t.row_pages[k - 1] and bool(last.get(name)))
            if col is not None and col < len(row) and (c is None or carried_over or cut_merged):
                f[name] = last.get(name, "")
            else:
                text = cell_text(c)
                if c is not None and c.ocr:  # specks OCR read: lines of them, and signs left alone at the end
                    text = drop_trail_specks(drop_specks(drop_debris_lines(text)))
                    if name != "period":  # a period's words are read by period_words, its month in Latin letters
                        text = cite_label(tool_names(drop_code_echo(drop_stray_signs(drop_latin_specks(text)))))  # (``aA.``) by normalize.dates
                f[name] = normalize_citations(text)
        last = f
        out.append(f)
    col = t.columns.get("finding") if ocr_grid else None
    for k in range(len(out) - 2, -1, -1):
        # the top of a merged finding cell read empty, its text in the part below a ruling OCR's grid drew
        # across it (the text stands in the cell's middle): the rows it spans share the text below
        c = t.rows[k][col] if col is not None and col < len(t.rows[k]) else None
        if (c is not None and c.is_empty and not out[k]["finding"] and out[k + 1]["finding"]
                and t.row_pages[k] == t.row_pages[k + 1]):
            out[k]["finding"] = out[k + 1]["finding"]
    return out


#: The most characters a row of specks holds (a row's top cut by a page break, read as ``ก``).
MAX_SPECK_ROW = 3


def _speck_row(row: list[Cell | None], f: dict[str, str]) -> bool:
    """Whether a measures row names no measure and its cells hold a few specks, no text.

    >>> from extract.text.layer import Line
    >>> def c(t): return Cell((0, 0, 9, 9), (Line(t, 0, 9, 0, 9, 9.0, 9.0),) if t else ())
    >>> _speck_row([c(""), c(""), c("ก")], {"measure": "", "period": "ก"})
    True
    >>> _speck_row([c(""), c("ต.ค. 68")], {"measure": "", "period": "ต.ค. 68"})
    False
    """
    return not f.get("measure") and _own_specks(row)


def _own_specks(row: list[Cell | None]) -> bool:
    """Whether the row's own cells (not those covered from above) hold :data:`MAX_SPECK_ROW` characters at most."""
    return len("".join("".join(c.raw_text.split()) for c in row if c is not None)) <= MAX_SPECK_ROW


def _covered_row(row: list[Cell | None], columns: dict[str, int]) -> bool:
    """Whether a measures row has nothing of its own: its measure cell is covered from above (a merged cell's, whose
    text :func:`_merged_values` gives it) and its own cells hold a few specks at most. A measure of its own always
    has text of its own (its steps, its period); such a row is a strip of the row above that a stroke or a piece
    of a ruling cut off in OCR's grid, and read as a measure it repeats the one above.

    >>> from extract.text.layer import Line
    >>> def c(t): return Cell((0, 0, 9, 9), (Line(t, 0, 9, 0, 9, 9.0, 9.0),) if t else ())
    >>> _covered_row([c(""), None, None, None], {"measure": 1, "steps": 2}), _covered_row([c("2"), None, c("อบรม")], {"measure": 1})
    (True, False)
    >>> _covered_row([c(""), c(""), c("")], {"measure": 1})  # its own measure cell, empty: not covered
    False
    """
    col = columns.get("measure")
    if col is None or col >= len(row) or row[col] is not None:
        return False
    return _own_specks(row)


#: The words a period's text is made of (the month abbreviations and names, the fiscal year's words).
PERIOD_ABBREVIATIONS = MONTH_ABBREVIATIONS
PERIOD_WORDS = MONTH_NAMES + ("ปีงบประมาณ", "ตลอดปีงบประมาณ")
#: The most characters a word of a period's text may differ from the word it is (a mark added or lost,
#: a lookalike consonant: ``ปืีงบประมาณ``, ``ปีจบประมาณ``), when no other word is as near.
PERIOD_WORD_EDITS = 2
#: What OCR reads an abbreviation's stop as: itself, sara u or sara i (a dot below or above), a colon, a comma.
_STOP_READ = "[.\u0e38\u0e34:,]"
_THAI_SIGNS = "\u0e01-\u0e4e"


def _abbreviation_pattern(abbr: str) -> str:
    """A month's abbreviation with either stop read as another sign, the last one lost too (``กุย``)."""
    head, tail = (re.escape(p) for p in abbr[:-1].split("."))
    return rf"{head}(?:{_STOP_READ}{tail}(?:{_STOP_READ}|(?![{_THAI_SIGNS}]))|{tail}{_STOP_READ})"


#: An abbreviation opens a word, or follows ถึง written against it (``ถึงกุย.``).
_RE_PERIOD_ABBR = re.compile(rf"(?:(?<![{_THAI_SIGNS}])|(?<=ถึง))(?:" + "|".join(
    f"(?P<m{i}>{_abbreviation_pattern(a)})" for i, a in enumerate(PERIOD_ABBREVIATIONS)) + ")")
_RE_PERIOD_RUN = re.compile(r"[\u0e01-\u0e4e]{5,}")


def _period_word(run: str) -> str:
    if run in PERIOD_WORDS:
        return run
    ranked = sorted((Levenshtein.distance(run, w), w) for w in PERIOD_WORDS)
    if ranked[0][0] > PERIOD_WORD_EDITS or ranked[0][0] * 4 > len(ranked[0][1]) or ranked[1][0] == ranked[0][0]:
        return run
    return ranked[0][1]


def period_words(text: str) -> str:
    """An OCR'd period's text with its words as a period spells them: a month's abbreviation whose stop
    was read as another sign or lost (``กุย.``, ``กิย.``, ``กุย:``, ``ตุค.``, ``มีค.``), a month's name or the fiscal year's word
    read with a mark or a letter off (``ปืีงบประมาณ``); numbers and other signs are left as read.

    >>> period_words("ต.ค. 2565 ถึง กุย. 2566"), period_words("ตุค. 2567 - ก.ย. 2568"), period_words("มีค. 2569")
    ('ต.ค. 2565 ถึง ก.ย. 2566', 'ต.ค. 2567 - ก.ย. 2568', 'มี.ค. 2569')
    >>> period_words("ตลอดปืีงบประมาณ พ.ศ. 2571"), period_words("ปืจบประมาณ 2570"), period_words("1 ตุลาคม 2566")
    ('ตลอดปีงบประมาณ พ.ศ. 2571', 'ปีงบประมาณ 2570', '1 ตุลาคม 2566')
    >>> period_words("ไตรมาสที่ 2"), period_words("ทุกเดือน")  # no period word near
    ('ไตรมาสที่ 2', 'ทุกเดือน')
    >>> period_words("ต.ค. 2568 - 30 กุย: 2569"), period_words("30 กิย. 2569"), period_words("ต.ค. 2568 กุย 2569")
    ('ต.ค. 2568 - 30 ก.ย. 2569', '30 ก.ย. 2569', 'ต.ค. 2568 ก.ย. 2569')
    >>> period_words("ต.ค. 2565 ถึงกุย. 2566"), period_words("เม.ย. - มิ.ย. 2568"), period_words("กิจกรรม กุยช่าย")
    ('ต.ค. 2565 ถึงก.ย. 2566', 'เม.ย. - มิ.ย. 2568', 'กิจกรรม กุยช่าย')
    """
    def abbr(m: re.Match[str]) -> str:
        return next(PERIOD_ABBREVIATIONS[int(k[1:])] for k, v in m.groupdict().items() if v is not None)

    text = _RE_PERIOD_ABBR.sub(abbr, text)
    return _RE_PERIOD_RUN.sub(lambda m: _period_word(m.group()), text)


#: A run of Thai signs, and how many letters a word of a period that prints no date has at least
#: (``ตามความเหมาะสม``, ``ทุกเดือน``, ``ทุกปี``).
_RE_THAI_RUN = re.compile("[\u0e01-\u0e4e]+")
WORD_MIN_LETTERS = 3


def words_read(text: str) -> bool:
    """Whether an OCR'd period's text holds a word (:data:`WORD_MIN_LETTERS` Thai letters or more): else it is specks
    or Latin letters a scan gave for what was printed (``: EL toot``, ``/``), dates perhaps.

    >>> words_read("ตามความเหมาะสม"), words_read("ทุกปี"), words_read(": EL toot"), words_read("/"), words_read("ต.")
    (True, True, False, False, False)
    """
    return any(len(re.findall(f"[{charset(LETTERS)}]", m.group())) >= WORD_MIN_LETTERS for m in _RE_THAI_RUN.finditer(text))


def _heading_row(f: dict[str, str]) -> bool:
    """Whether an OCR'd measures row is no measure: it names no steps, period nor unit, and its measure
    cell is empty or holds the indicator's heading (a line of it read into the table's first row, specks
    of a stamp beside it); its finding is a merged cell's, shared with the rows below.

    >>> _heading_row({"measure": "ณัฆ3 aw 8\\nตัวชวัดท 1 การปฏิบัติหน่าท", "finding": "บุคลากรบางส่วน", "steps": "",
    ...               "period": "", "responsible": ""})
    True
    >>> _heading_row({"measure": "", "finding": "ผู้รับบริการบางราย", "steps": "", "period": "", "responsible": ""})
    True
    >>> _heading_row({"measure": "จัดทำคู่มือ", "finding": "", "steps": "", "period": "", "responsible": ""})
    False
    >>> _heading_row({"measure": "", "finding": "ผู้รับบริการบางราย", "steps": "", "period": "ต.ค. 68",
    ...               "responsible": ""})
    False
    """
    if f.get("steps") or f.get("period") or f.get("responsible"):
        return False
    measure = f.get("measure") or ""
    return not measure.strip() or any(parse_indicator_heading(ln) for ln in measure.split("\n"))


def _off_edge_problems(period: str, seq: int, read: tuple[date | None, date | None], off: tuple[bool, bool],
                       indicator: int, page: int) -> list[Problem]:
    """A ``period-unreadable`` row for each end of a period OCR read on a day off its month's edge
    (:func:`normalize.dates.off_month_edge`), left empty."""
    return [problem("period-unreadable",
                    f"The {which} of the period '{period}' of measure {seq} reads {day.isoformat()}, a day that "
                    f"{'opens' if which == 'start' else 'closes'} no month (a digit misread, or the range's other "
                    "date lost); it was left empty.", indicator, page)
            for which, day, is_off in zip(("start", "end"), read, off) if is_off and day is not None]


def measure_rows(t: IndicatorTable, indicator: int,
                 fiscal_year: int | None = None) -> tuple[list[MeasureRow], list[Problem]]:
    """The measure rows of one measures table, numbered from 1; ``fiscal_year`` (the report's)
    lets a period's misread year be read (:func:`normalize.dates.parse_period`)."""
    rows: list[MeasureRow] = []
    problems: list[Problem] = []
    ocr = any(c is not None and c.ocr for row in t.rows for c in row)
    for row, page, f in zip(t.rows, t.row_pages, _merged_values(t)):
        if not any(f.values()) or _speck_row(row, f) or _covered_row(row, t.columns) or (ocr and _heading_row(f)):
            continue
        if ocr and f["finding"]:
            f = {**f, "finding": quoted_question(f["finding"], fiscal_year)}
        if ocr and f["period"]:
            f = {**f, "period": period_words(f["period"])}
        start, end = parse_period(f["period"], fiscal_year=fiscal_year) if f["period"] else (None, None)
        seq = len(rows) + 1
        read = f["period"]
        if ocr and read:
            # a period OCR garbled: the nearest one the date grammar prints in the fiscal year
            period, start, end = repaired_period(read, fiscal_year, start, end)
            f = {**f, "period": period}
        # OCR's day that opens or closes no month: a digit misread, or an end lost (left empty, said so)
        off = off_month_edge(start, end) if ocr and not period_open_end(f["period"] or "") else (False, False)
        rows.append(MeasureRow(
            indicator, CANONICAL[indicator], seq, f["measure"] or None, f["finding"] or None, f["steps"] or None,
            f["period"] or None, None if off[0] else start, None if off[1] else end, f["responsible"] or None, page,
        ))
        problems += _low_confidence(row, f"measure {seq} of indicator {indicator}", indicator, page)
        problems += _off_edge_problems(f["period"], seq, (start, end), off, indicator, page)
        if not f["period"]:
            problems.append(problem("measure-missing-period",
                                    f"Measure {seq} of indicator {indicator} has no period.", indicator, page))
        elif start is None and end is None and (re.search(r"\d", f["period"]) or period_names_month(f["period"])
                                                or (ocr and not words_read(f["period"]))):
            problems.append(problem("period-unreadable",
                                    f"The period '{f['period']}' of measure {seq} could not be read as dates.",
                                    indicator, page))
        elif (start is None) != (end is None) and period_open_end(f["period"]):
            problems.append(problem("period-open-ended",
                                    f"The period '{f['period']}' of measure {seq} gives only its "
                                    f"{'end' if start is None else 'start'}; the other end is left empty.",
                                    indicator, page))
        elif (start is None) != (end is None):
            problems.append(problem("period-unreadable",
                                    f"The {'start' if start is None else 'end'} of the period '{f['period']}' "
                                    f"of measure {seq} could not be read; it was left empty.", indicator, page))
        repaired = read != f["period"] and parse_period(read, fiscal_year=fiscal_year) != (start, end)
        if repaired:
            problems.append(problem("period-date-inferred",
                                    f"The period '{read}' of measure {seq} could not be read whole; it was read as "
                                    f"'{f['period']}', the nearest period printed as dates are in the report's "
                                    "fiscal year, the year before or the year after.", indicator, page))
        elif read and period_year_alone(read) and (start, end) != (None, None):
            problems.append(problem("period-date-inferred",
                                    f"The period '{read}' of measure {seq} names a year and no month (its months "
                                    "may have been printed and not read); it was read as that fiscal year, "
                                    "1 October to 30 September.", indicator, page))
        elif read and (start, end) != parse_period(read, fiscal_year=fiscal_year, infer=False):
            problems.append(problem("period-date-inferred",
                                    f"A month or day of the period '{read}' of measure {seq} could not be "
                                    "read; it was inferred from the fiscal year the period opens or closes "
                                    "(1 October, 30 September) or as the month's last day.",
                                    indicator, page))
        if not repaired and read and (start, end) != parse_period(read, repair_years=False, fiscal_year=fiscal_year):
            problems.append(problem("period-year-corrected",
                                    f"A year of the period '{read}' of measure {seq} was misread by one "
                                    "digit; it was read as the year the other end of the period or the report's "
                                    "fiscal year allows.",
                                    indicator, page))
        if not f["responsible"]:
            problems.append(problem("measure-missing-responsible",
                                    f"Measure {seq} of indicator {indicator} names no responsible unit.", indicator, page))
    return rows, problems
