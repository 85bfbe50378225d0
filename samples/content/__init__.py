"""Content of the sample reports, one module per sample.

The dataclasses below are the layout model that samples/make_samples.py
renders; each content module has a ``sample()`` function returning a
``Sample``.
"""
from __future__ import annotations

from dataclasses import dataclass, field

@dataclass
class Para:
    """A paragraph outside tables.  ``\\n`` in text starts a new line."""

    text: str
    size: float = 16
    bold: bool = False
    align: str = "L"          # "L" or "C"
    indent: float = 0.0       # first-line indent, mm
    space_before: float = 0.0  # mm
    space_after: float = 1.5   # mm
    keep_with_next: bool = False


@dataclass
class Row:
    """One table row.  Cell text: ``\\n`` separates paragraphs;
    ``{ls:WORD}`` puts WORD on its own line, letter-spaced across the cell."""

    cells: list[str]
    tag: str = ""
    aligns: list[str] | None = None


@dataclass
class MergedRows:
    """Rows whose last column is ONE vertically merged cell.

    ``subrows`` give the cells of the other columns, one list per row;
    ``merged`` is the text of the merged cell (paragraphs separated by ``\\n``).
    """

    subrows: list[list[str]]
    merged: str
    tags: list[str] = field(default_factory=list)
    aligns: list[str] | None = None


@dataclass
class Table:
    widths: list[float]
    header: list[str]
    rows: list  # Row | MergedRows
    size: float = 14
    header_twice: bool = False  # the header row typed twice (a real-world mistake)
    tag: str = ""


@dataclass
class Sample:
    stem: str
    title: str
    blocks: list
    author: str = ""




# --------------------------------------------------------------------------
# Helpers shared by the content modules
# --------------------------------------------------------------------------
ANALYSIS_HEADER = ["ประเด็นข้อคำถาม", "คะแนน", "การวิเคราะห์ผลการประเมินฯ"]
ANALYSIS_WIDTHS = [78.0, 16.0, 76.0]
MEASURES_HEADER = [
    "มาตรการ โครงการ หรือกิจกรรม",
    "ผลการวิเคราะห์ ตัวชี้วัด",
    "ขั้นตอนหรือวิธีการ ปฏิบัติ",
    "ช่วงระยะเวลา ในการ ดำเนินการ",
    "ผู้รับผิดชอบ",
]
MEASURES_WIDTHS = [34.0, 33.0, 45.0, 30.0, 28.0]


def heading(text: str, size: float = 16, **kw) -> Para:
    """A bold heading kept with the table after it."""
    kw.setdefault("space_before", 2.0)
    return Para(text, size=size, bold=True, keep_with_next=True, **kw)


def analysis_table(
    questions: list[tuple[str, str, str]],
    analysis: str,
    tag: str,
    merged: bool = True,
    per_row: list[str] | None = None,
    header_twice: bool = False,
    size: float = 14,
) -> Table:
    """An analysis table.  ``questions``: (code as printed, question text,
    score as printed); the code is typed in front of the text.  With
    ``merged`` the analysis is one vertically merged cell; otherwise
    ``per_row`` gives the third-column text of each row."""
    tags = [f"{tag}/q{i + 1}" for i in range(len(questions))]
    cells = [[(f"{c} {q}" if c else q), s] for c, q, s in questions]
    if merged:
        rows = [MergedRows(cells, analysis, tags=tags, aligns=["L", "C"])]
    else:
        assert per_row is not None and len(per_row) == len(questions)
        rows = [Row(c + [a], tag=t, aligns=["L", "C", "L"]) for c, a, t in zip(cells, per_row, tags)]
    return Table(list(ANALYSIS_WIDTHS), list(ANALYSIS_HEADER), rows, size=size, header_twice=header_twice, tag=tag)


def measures_table(
    rows: list[list[str]],
    tag: str,
    header: list[str] | None = None,
    header_twice: bool = False,
    size: float = 14,
) -> Table:
    return Table(
        list(MEASURES_WIDTHS),
        list(header or MEASURES_HEADER),
        [Row(r, tag=f"{tag}/m{i + 1}") for i, r in enumerate(rows)],
        size=size,
        header_twice=header_twice,
        tag=tag,
    )
