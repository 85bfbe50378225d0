"""Analysis rows whose indicator heading was lost: the question codes say which indicator they answer.

On a damaged scan an indicator's heading can be unreadable (a stamp over it,
a faint line): its table is then read as the rest of the table before it, or
as a table without a heading. Each question code belongs to one indicator of
the fiscal year's questionnaire (``normalize/questionnaire.py``), so rows
whose codes belong to another indicator than the heading above them start
that indicator's own table. Two rows in a row must agree, so one misread code
moves nothing.
"""
from __future__ import annotations

from dataclasses import replace

from normalize.codes import parse_code_range
from normalize import questionnaire
from normalize.questionnaire import code_indicator
from normalize.indicators import tool_for_indicator
from ita_extract.report.records import _field, expected_codes, read_row_code
from ita_extract.report.sections import IndicatorTable

__all__ = ["first_indicator", "range_indicators", "split_by_codes"]


def _row_indicators(t: IndicatorTable, indicators: list[int], fiscal_year: int | None) -> list[int | None]:
    """The questionnaire indicator of each row's code (None: no code, or not one of the year's)."""
    out: list[int | None] = []
    current = list(indicators)
    for row in t.rows:
        q = " ".join(x for x in (_field(row, t.columns, "code"), _field(row, t.columns, "question")) if x)
        qcell = row[t.columns["question"]] if t.columns.get("question", 99) < len(row) else None
        if not q or parse_code_range(q):
            out.append(None)  # a range row (o1 – o28) answers no one indicator
            continue
        tool = tool_for_indicator(current[0]) if current else None
        rc = read_row_code(q, tool, qcell is not None and qcell.ocr, fiscal_year,
                           expected_codes(fiscal_year, current))
        n = code_indicator(fiscal_year, rc.code)
        out.append(n)
        if n is not None and n not in current:
            current = [n]
    return out


def range_indicators(t: IndicatorTable, fiscal_year: int | None) -> list[int]:
    """The indicators whose questions a range row of ``t`` (``o1 – o28``, one analysis for all) spans.

    A combined heading (ตัวชี้วัดที่ 9 และ 10) over such a table can lose one of its
    two lines to OCR; the range still says which indicators the table answers.
    Only a recorded questionnaire says which indicator a code answers.
    """
    if fiscal_year is None or fiscal_year not in questionnaire.fiscal_years():
        return []
    found: list[int] = []
    for row in t.rows:
        q = " ".join(x for x in (_field(row, t.columns, "code"), _field(row, t.columns, "question")) if x)
        span = parse_code_range(q) if q else None
        if span is None or span[0][0] != span[1][0]:
            continue
        letter, lo, hi = span[0][0], int(span[0][1:]), int(span[1][1:])
        for k in range(lo, hi + 1):
            n = code_indicator(fiscal_year, f"{letter}{k}")
            if n is not None and n not in found:
                found.append(n)
    return sorted(found)


def first_indicator(t: IndicatorTable, fiscal_year: int | None) -> int | None:
    """The indicator of a table without a heading: that of its first question code the year knows."""
    return next((n for n in _row_indicators(t, [], fiscal_year) if n is not None), None)


def split_by_codes(t: IndicatorTable, indicators: list[int],
                   fiscal_year: int | None) -> list[tuple[IndicatorTable, list[int], bool]]:
    """``t`` cut where two rows in a row answer an indicator that is not under its heading.

    Returns (piece, its indicators, whether they come from codes rather than a heading) in order.
    Of several headings over one table, those of a tool (IIT, EIT, OIT) no row's code belongs to
    are dropped: their own table was lost (or a line of a summary table was read as a heading).
    """
    if fiscal_year is None or fiscal_year not in questionnaire.fiscal_years():
        return [(t, indicators, False)]  # only a recorded questionnaire says which indicator a code answers
    ind = _row_indicators(t, indicators, fiscal_year)
    tools = {tool_for_indicator(n) for n in ind if n is not None}
    present = [n for n in indicators if tool_for_indicator(n) in tools]
    if len(indicators) > 1 and present and len(present) < len(indicators):
        indicators = present
    coded = [k for k, n in enumerate(ind) if n is not None]
    cuts: list[tuple[int, int]] = []  # (row index, indicator)
    current = set(indicators)
    for a, b in zip(coded, coded[1:] + [None]):
        n = ind[a]
        if n in current or (tool_for_indicator(n) == "OIT" and "OIT" in {tool_for_indicator(c) for c in current}):
            continue  # agencies number their OIT items their own way: 9 and 10 are told by headings only
        if b is None or ind[b] != n:
            continue  # one code alone moves nothing: a misread code
        cuts.append((a, n))
        current = {n}
    if not cuts:
        return [(t, indicators, False)]
    pieces: list[tuple[IndicatorTable, list[int], bool]] = []
    bounds = [0] + [k for k, _ in cuts] + [len(t.rows)]
    names = [indicators] + [[n] for _, n in cuts]
    for (lo, hi), inds in zip(zip(bounds, bounds[1:]), names):
        if lo == hi:
            continue
        pieces.append((replace(t, rows=t.rows[lo:hi], row_pages=t.row_pages[lo:hi],
                               headings=t.headings if inds is indicators else [],
                               page=t.row_pages[lo] if t.row_pages[lo:hi] else t.page), inds, inds is not indicators))
    return pieces
