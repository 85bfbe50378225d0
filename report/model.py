"""The rows of the output contract, as typed records (one class per table)."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Problem:
    severity: str  # "error" | "warning"
    code: str
    message: str
    indicator: int | None = None
    page: int | None = None


@dataclass(frozen=True, slots=True)
class ScoreRow:
    indicator: int
    indicator_name: str
    tool: str
    question: str
    question_text: str
    score: float | None
    page: int


@dataclass(frozen=True, slots=True)
class AnalysisRow:
    indicator: int
    indicator_name: str
    lowest_questions: tuple[str, ...]
    cause: str | None
    guideline: str | None
    references: tuple[str, ...]
    page: int


@dataclass(frozen=True, slots=True)
class MeasureRow:
    indicator: int
    indicator_name: str
    seq: int
    measure: str | None
    finding: str | None
    steps: str | None
    period_text: str | None
    period_start: dt.date | None
    period_end: dt.date | None
    responsible: str | None
    page: int


@dataclass(frozen=True, slots=True)
class DocumentRow:
    source_file: str
    agency: str | None
    pages: int | None
    text_source: str | None
    status: str  # ok | partial | failed
    error: str | None
    fiscal_year: int | None


@dataclass(slots=True)
class DocumentResult:
    """Everything one input file yields; the unit the batch passes around."""

    doc_id: str
    document: DocumentRow
    scores: list[ScoreRow] = field(default_factory=list)
    analyses: list[AnalysisRow] = field(default_factory=list)
    measures: list[MeasureRow] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    seconds: float = 0.0
