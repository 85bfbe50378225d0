"""The rows of the output contract, as typed records (one class per table)."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ita_extract.errors import problem_code


@dataclass(frozen=True, slots=True)
class Problem:
    """A ``problems`` row; build it with ``problem()``, which takes the severity from the registry."""

    severity: str  # "error" | "warning", as registered for the code
    code: str
    message: str
    indicator: int | None = None
    page: int | None = None

    def __post_init__(self) -> None:
        registered = problem_code(self.code).severity  # an unknown code raises UnknownProblemCode
        if self.severity != registered:
            raise ValueError(f"{self.code} is registered as {registered}, not {self.severity}")


def problem(code: str, message: str, indicator: int | None = None, page: int | None = None) -> Problem:
    """A ``problems`` row of a registered code (``ita_extract.errors.PROBLEM_CODES``); an unknown code raises.

    >>> problem("page-turned", "Page 2 was scanned turned by 90°; it was read upright.", page=2).severity
    'warning'
    """
    return Problem(problem_code(code).severity, code, message, indicator, page)


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
