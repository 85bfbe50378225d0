"""What a careful reader would notice: one pure function per check.

Each takes rows already extracted and returns :class:`ita_extract.model.Problem`
rows; none changes the data.
"""
from __future__ import annotations

from collections import defaultdict

from normalize.indicators import CANONICAL
from ita_extract.model import AnalysisRow, MeasureRow, Problem, ScoreRow, problem


def lowest_question_mismatch(scores: list[ScoreRow], analyses: list[AnalysisRow]) -> list[Problem]:
    """The analysis names a lowest question that did not score lowest."""
    by_ind: dict[int, dict[str, float]] = defaultdict(dict)
    for s in scores:
        if s.score is not None:
            by_ind[s.indicator][s.question] = s.score
    out: list[Problem] = []
    for a in analyses:
        table = by_ind.get(a.indicator)
        if not table or not a.lowest_questions:
            continue
        low = min(table.values())
        lowest = sorted(q for q, v in table.items() if v == low)
        for q in a.lowest_questions:
            if q in table and table[q] > low:
                out.append(problem(
                    "lowest-question-mismatch",
                    f"The analysis of indicator {a.indicator} names {q} ({table[q]:g}) as the lowest question, "
                    f"but {', '.join(lowest)} scored {low:g}.",
                    a.indicator, a.page,
                ))
    return out


def missing_indicators(analyses: list[AnalysisRow], measures: list[MeasureRow],
                       analysed_tables: set[int]) -> list[Problem]:
    """Indicators with no analysis table, or no measures."""
    out: list[Problem] = []
    for n, name in CANONICAL.items():
        if n not in analysed_tables:
            out.append(problem("indicator-missing",
                               f"No analysis table was found for indicator {n} ({name}).", n, None))
    with_measures = {m.indicator for m in measures}
    if measures or analysed_tables:
        for n, name in CANONICAL.items():
            if n not in with_measures:
                out.append(problem("measures-missing",
                                   f"No measures were found for indicator {n} ({name}).", n, None))
    return out


def agency_mismatch(chosen: str | None, others: list[str]) -> list[Problem]:
    return [
        problem("agency-name-mismatch",
                f"The agency is also spelled '{o}' in the document (taken as '{chosen}').")
        for o in others
    ]
