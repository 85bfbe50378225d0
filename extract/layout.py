"""A page as a top-to-bottom sequence of text lines and tables.

Tables come from the ruling-line grids of :mod:`extract.pdf`; each cell's
text is built by :func:`extract.text_layer.text_lines` from the characters
inside it. Characters outside every table become free-standing lines
(titles, indicator headings, paragraphs).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from extract.pdf import Box, Char, Grid, Page
from extract.text_layer import Line, chars_in_box, text_lines


@dataclass(frozen=True, slots=True)
class Cell:
    bbox: Box
    lines: tuple[Line, ...]

    @property
    def raw_text(self) -> str:
        return " ".join(ln.text for ln in self.lines)

    @property
    def is_empty(self) -> bool:
        return not self.lines


@dataclass(slots=True)
class Table:
    """Cells per row; ``None`` where a merged cell from above covers the slot."""

    page: int
    bbox: Box
    rows: list[list[Cell | None]]
    row_pages: list[int] = field(default_factory=list)

    @property
    def n_cols(self) -> int:
        return max((len(r) for r in self.rows), default=0)


@dataclass(frozen=True, slots=True)
class TextLine:
    page: int
    line: Line

    @property
    def text(self) -> str:
        return self.line.text


Item = TextLine | Table


def _inside(c: Char, box: Box, pad: float = 1.0) -> bool:
    x0, top, x1, bottom = box
    return x0 - pad <= c.xmid <= x1 + pad and top - pad <= (c.top + c.bottom) / 2 <= bottom + pad


def _table(page: Page, grid: Grid, chars: list[Char]) -> Table:
    rows: list[list[Cell | None]] = []
    for row in grid.rows:
        cells: list[Cell | None] = []
        for box in row:
            if box is None:
                cells.append(None)
                continue
            cells.append(Cell(box, tuple(text_lines(chars_in_box(chars, box)))))
        rows.append(cells)
    return Table(page=page.number, bbox=grid.bbox, rows=rows, row_pages=[page.number] * len(rows))


def page_items(page: Page) -> list[Item]:
    """Lines and tables of one page, ordered top to bottom."""
    grids = [g for g in page.grids if g.rows]
    in_table: list[Char] = []
    free: list[Char] = []
    for c in page.chars:
        (in_table if any(_inside(c, g.bbox) for g in grids) else free).append(c)
    items: list[tuple[float, Item]] = []
    for g in grids:
        tchars = [c for c in in_table if _inside(c, g.bbox)]
        items.append((g.bbox[1], _table(page, g, tchars)))
    for ln in text_lines(free):
        items.append((ln.top, TextLine(page.number, ln)))
    items.sort(key=lambda t: t[0])
    return [it for _, it in items]
