"""One document's page items to its rows and problems."""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from extract.text.layout import Item, TextLine
from normalize.agency import choose_agency, find_agency_mentions
from normalize.codes import sequence_repairs
from normalize.dates import fiscal_year_from_text
from normalize.thai import join_wrapped_lines, normalize_text
from ita_extract.report import checks
from ita_extract.model import AnalysisRow, MeasureRow, Problem, ScoreRow, problem
from ita_extract.report.records import analysis_rows, measure_rows
from ita_extract.report.regroup import first_indicator, range_indicators, split_by_codes
from ita_extract.report.sections import ANALYSIS, MEASURES, IndicatorTable, find_sections

#: Words of the genre's titles: a document with none of them and no
#: indicator table is not an ITA report.
_RE_ITA = re.compile(r"ITA|คุณธรรมและความโปร่งใส|ตัวชี้วัด")


@dataclass
class ReportContent:
    agency: str | None = None
    fiscal_year: int | None = None
    scores: list[ScoreRow] = field(default_factory=list)
    analyses: list[AnalysisRow] = field(default_factory=list)
    measures: list[MeasureRow] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    n_tables: int = 0
    looks_like_ita: bool = False
    missing_part: str | None = None


def _free_text(lines: list[TextLine]) -> str:
    """Free-standing lines joined into paragraphs (titles wrap over lines)."""
    return normalize_text(join_wrapped_lines([ln.text for ln in lines]))


def read_report(items: list[Item]) -> ReportContent:
    """Everything the contract wants from one document's items."""
    layout = find_sections(items)
    out = ReportContent(n_tables=len(layout.tables))
    free = _free_text(layout.free_lines)
    out.looks_like_ita = bool(layout.tables) or bool(_RE_ITA.search(free))
    out.fiscal_year = fiscal_year_from_text(free)
    chosen, others = choose_agency(find_agency_mentions(free))
    out.agency = chosen
    out.problems += checks.agency_mismatch(chosen, others)
    if out.fiscal_year is None and layout.tables:
        out.problems.append(problem("fiscal-year-unknown",
                                    "No fiscal year (ปีงบประมาณ พ.ศ. …) was found in the titles."))
    analysed: set[int] = set()
    flagged_headings: set[tuple[int, int | None]] = set()
    own = _own_tables(layout.tables)
    last_measures = 0  # the indicator of the last measures table read
    for t in layout.tables:
        indicators = [h.number for h in t.headings]
        if len(indicators) > 1:
            # one table under several headings is shared only by indicators with no table of their own
            # (none left: the codes tell, as for a table without a heading)
            indicators = [n for n in indicators if n not in own.get(t.kind, set())]
        if t.kind == ANALYSIS and indicators:
            # a range row (o1 – o28) under a combined heading OCR read in part: the range names the rest
            in_range = range_indicators(t, out.fiscal_year)
            spanned = [n for n in in_range if n not in indicators and n not in own.get(ANALYSIS, set())]
            if spanned and set(indicators) <= set(in_range):
                for n in spanned:
                    out.problems.append(problem(
                        "indicator-heading-missing",
                        f"No heading of indicator {n} was read, but the range of questions of indicator "
                        f"{indicators[0]}'s analysis table spans it: the analysis was taken as both's.", n, t.page))
                indicators = sorted(indicators + spanned)
        for h in t.headings:
            if h.printed_number is not None and 1 <= h.printed_number <= 10 and h.printed_number != h.number and (h.number, t.heading_page) not in flagged_headings:
                flagged_headings.add((h.number, t.heading_page))
                out.problems.append(problem(
                    "indicator-number-mismatch",
                    f"The heading '{normalize_text(t.heading_text)}' is numbered {h.printed_number}, "
                    f"but its name is indicator {h.number}.", h.number, t.heading_page))
        if not indicators and t.kind == MEASURES and (guess := indicator_between(layout.tables, t, last_measures)):
            indicators = [guess]
            how = ("the number its heading printed (the name unreadable), between the measures tables before and "
                   "after it" if guess == t.number_hint else "the one between the measures tables before and after it")
            out.problems.append(problem("indicator-heading-missing",
                                        f"A measures table without a heading was taken as indicator {guess}, {how}.",
                                        guess, t.page))
        if not indicators:
            guess = first_indicator(t, out.fiscal_year) if t.kind == ANALYSIS else None
            if guess is None and not t.rows:
                continue  # a header row alone (its rows follow under an indicator's row): nothing is skipped
            if guess is None:
                out.problems.append(problem("indicator-unknown",
                                            f"A {t.kind} table without an indicator heading was skipped.", None, t.page))
                continue
            indicators = [guess]
            out.problems.append(problem("indicator-heading-missing",
                                        f"An analysis table without a heading was taken as indicator {guess} from its question codes.",
                                        guess, t.page))
        if t.kind == ANALYSIS:
            for piece, inds, from_codes in split_by_codes(t, indicators, out.fiscal_year):
                if from_codes:
                    out.problems.append(problem(
                        "indicator-heading-missing",
                        f"Rows whose question codes answer indicator {inds[0]} followed indicator {indicators[0]}'s "
                        f"rows without a heading of their own; they were taken as indicator {inds[0]}.",
                        inds[0], piece.page))
                s, a, p = analysis_rows(piece, inds, out.fiscal_year)
                out.scores += s
                out.analyses += a
                out.problems += p
                analysed.update(inds)
        else:
            ind = last_measures = indicators[0]
            m, p = measure_rows(t, ind, out.fiscal_year)
            # seq continues when an indicator's measures come in two tables
            offset = sum(1 for x in out.measures if x.indicator == ind)
            out.measures += [_renumber(r, offset) for r in m]
            out.problems += p
    for u in layout.unrecognized_tables:
        out.problems.append(problem("table-unrecognized",
                                    f"A table on page {u.page} is neither an analysis nor a measures table "
                                    "(no header row was recognized); it was skipped.", None, u.page))
    out.analyses = without_empty_repeats(out.analyses)
    out.problems += _repair_code_sequence(out)
    kinds = {t.kind for t in layout.tables}
    if layout.tables and ANALYSIS not in kinds:
        out.missing_part = "analysis"
    elif layout.tables and MEASURES not in kinds:
        out.missing_part = "measures"
    out.problems += checks.lowest_question_mismatch(out.scores, out.analyses)
    if layout.tables:
        out.problems += checks.missing_indicators(out.analyses, out.measures, analysed)
    return out


def without_empty_repeats(analyses: list[AnalysisRow]) -> list[AnalysisRow]:
    """The analyses less those that read nothing (no lowest question, cause, guideline or reference) for an
    indicator another analysis reads: a piece of the indicator's table whose analysis cell was another piece's
    (a table cut in two where a row was taken for a heading, or continued on the next page).

    >>> a = lambda n, low=(): AnalysisRow(n, "", low, None, None, (), 1)
    >>> [(r.indicator, r.lowest_questions) for r in without_empty_repeats([a(9), a(10, ("o28",)), a(10), a(3)])]
    [(9, ()), (10, ('o28',)), (3, ())]
    """
    def empty(r: AnalysisRow) -> bool:
        return not r.lowest_questions and r.cause is None and r.guideline is None and not r.references

    read = {r.indicator for r in analyses if not empty(r)}
    seen: set[int] = set()
    out = []
    for r in analyses:
        if empty(r) and (r.indicator in read or r.indicator in seen):
            continue
        seen.add(r.indicator)
        out.append(r)
    return out


def indicator_between(tables: list[IndicatorTable], t: IndicatorTable, before: int) -> int | None:
    """The indicator of a measures table whose heading OCR lost: the one after ``before`` (the
    indicator of the measures table read before it), when that one has no measures table of its
    own and comes before the next headed measures table's.

    A report prints its measures in the indicators' order, one table each.
    A heading line whose name OCR garbled may still give its number
    (:attr:`IndicatorTable.number_hint`): taken when it lies between them too.
    """
    k = next(i for i, x in enumerate(tables) if x is t)
    after = next((x.headings[0].number for x in tables[k + 1:] if x.kind == MEASURES and x.headings), 11)
    own = {h.number for x in tables if x.kind == MEASURES for h in x.headings}
    hint = t.number_hint
    if hint is not None and before < hint < after and hint not in own:
        return hint  # the heading's number, its name garbled, where the order agrees
    n = before + 1
    return n if n < after and n not in own else None


def _own_tables(tables: list[IndicatorTable]) -> dict[str, set[int]]:
    """Of each table kind, the indicators that head a table alone.

    A report prints one analysis for several indicators (a combined 9 and 10)
    only when they have none of their own; an indicator that has its own table
    is not among a shared table's (a list of indicators, such as a score
    summary's rows, read as headings over the next table).
    """
    out: dict[str, set[int]] = {}
    for t in tables:
        if len(t.headings) == 1:
            out.setdefault(t.kind, set()).add(t.headings[0].number)
    return out


def _repair_code_sequence(out: ReportContent) -> list[Problem]:
    """Codes that break the questionnaire's numbering (OCR's ๕ for ๙), fixed in scores and analyses."""
    problems = []
    for k, code in sequence_repairs([s.question for s in out.scores]).items():
        row = out.scores[k]
        problems.append(problem("question-code-corrected",
                                f"The code {row.question} repeats or breaks the numbering between its neighbours; "
                                f"taken as {code}.", row.indicator, row.page))
        out.scores[k] = replace(row, question=code)
        if any(s.question == row.question and s.indicator == row.indicator for s in out.scores):
            continue  # the analysis's code may mean the other row: leave it
        out.analyses = [replace(a, lowest_questions=tuple(code if q == row.question else q for q in a.lowest_questions))
                        if a.indicator == row.indicator else a for a in out.analyses]
    return problems


def _renumber(r: MeasureRow, offset: int) -> MeasureRow:
    if not offset:
        return r
    return replace(r, seq=r.seq + offset)
