"""What a generated report says (ground truth) and how it is laid out (for the renderers).

The ground truth is written from these objects only, in the contract's terms and in the
exact format of ``../shared/dev-corpus/gt/A.json``; nothing is ever read back from a PDF.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from normalize.indicators import CANONICAL


# ---------------------------------------------------------------------------
# Ground truth
# ---------------------------------------------------------------------------
@dataclass
class ScoreRow:
    indicator: int
    tool: str
    question: str
    question_text: str
    score: float | None


@dataclass
class Analysis:
    indicator: int
    lowest_questions: list[str]
    cause: str | None
    guideline: str | None
    references: list[str]


@dataclass
class Measure:
    indicator: int
    seq: int
    measure: str
    finding: str | None
    steps: str | None
    period_text: str | None
    period_start: str | None  # ISO date
    period_end: str | None
    responsible: str | None


@dataclass
class Report:
    seed: int
    fiscal_year: int
    agency: str
    agency_alt: str  # the other spelling printed once (title)
    kind: str  # agency kind (local, school, ...)
    scores: list[ScoreRow] = field(default_factory=list)
    analyses: list[Analysis] = field(default_factory=list)
    measures: list[Measure] = field(default_factory=list)
    features: list[str] = field(default_factory=list)  # what this report exercises

    def gt(self, doc: str, source: str) -> dict:
        """The ground truth in the format of ``../shared/dev-corpus/gt/A.json``."""
        name = CANONICAL.__getitem__
        return {
            "doc": doc,
            "source": source,
            "agency": self.agency,
            "fiscal_year": self.fiscal_year,
            "comment": "generated; features: " + ", ".join(sorted(set(self.features))),
            "scores": [{"indicator": s.indicator, "indicator_name": name(s.indicator), "tool": s.tool,
                        "question": s.question, "question_text": s.question_text, "score": s.score}
                       for s in self.scores],
            "analyses": [{"indicator": a.indicator, "indicator_name": name(a.indicator),
                          "lowest_questions": list(a.lowest_questions), "cause": a.cause,
                          "guideline": a.guideline, "references": list(a.references)}
                         for a in self.analyses],
            "measures": [{"indicator": m.indicator, "indicator_name": name(m.indicator), "seq": m.seq,
                          "measure": m.measure, "finding": m.finding, "steps": m.steps,
                          "period_text": m.period_text, "period_start": m.period_start,
                          "period_end": m.period_end, "responsible": m.responsible}
                         for m in self.measures],
        }


# ---------------------------------------------------------------------------
# Layout: what the three renderers draw
# ---------------------------------------------------------------------------
@dataclass
class Run:
    text: str
    spaced: bool = False  # letter-spaced (expanded character spacing)
    bold: bool = False


Paragraph = list  # list[Run]


@dataclass
class Cell:
    paras: list  # list[Paragraph]
    rowspan: int = 1
    colspan: int = 1
    align: str = "L"  # L, C
    bold: bool = False

    def text(self) -> str:
        return "\n".join("".join(r.text for r in p) for p in self.paras)


@dataclass
class Row:
    cells: list  # list[Cell]; a cell covered by a rowspan above is absent
    header: bool = False  # repeated at the top of every page the table reaches (when the table says so)


@dataclass
class Table:
    widths: list[float]  # relative column widths
    rows: list[Row]
    repeat_header: bool = True
    size: float = 14.0  # TH Sarabun-like points


@dataclass
class Para:
    runs: list  # list[Run]
    size: float = 16.0
    bold: bool = False
    align: str = "L"  # L, C
    space_before: float = 0.0  # points
    page_break_before: bool = False


@dataclass
class Doc:
    blocks: list  # Para | Table
    landscape: bool = False
    font: str = "Laksaman"
    scale: float = 1.0  # multiplies every size (fonts differ in visual size)
    title: str = ""

    def printed_text(self) -> str:
        """Every character printed once (for the text-layer check)."""
        out: list[str] = []
        for b in self.blocks:
            if isinstance(b, Para):
                out.append("".join(r.text for r in b.runs))
            else:
                for row in b.rows:
                    out.extend(c.text() for c in row.cells)
        return "\n".join(out)


def cell(text: str, **kw) -> Cell:
    """A cell from plain text: ``\\n`` separates paragraphs."""
    return Cell([[Run(line)] for line in text.split("\n")], **kw)
