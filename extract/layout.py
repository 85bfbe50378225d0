"""A page as a top-to-bottom sequence of text lines and tables.

Tables come from the ruling-line grids of :mod:`extract.pdf`; each cell's
text is built by :func:`extract.text_layer.text_lines` from the characters
inside it. Characters outside every table become free-standing lines
(titles, indicator headings, paragraphs).
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
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

    @property
    def ocr(self) -> bool:
        return any(ln.ocr for ln in self.lines)

    @property
    def conf(self) -> float:
        """Lowest recognition confidence of its text (100 for a text layer)."""
        return min((ln.conf for ln in self.lines), default=100.0)


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


def _table(page: Page, grid: Grid, chars: list[Char]) -> Table:
    # Chars sorted by their vertical centre, so each cell bisects its band.
    ordered = sorted(chars, key=lambda c: (c.top + c.bottom) / 2)
    ymids = [(c.top + c.bottom) / 2 for c in ordered]
    rows: list[list[Cell | None]] = []
    for row in grid.rows:
        cells: list[Cell | None] = []
        for box in row:
            if box is None:
                cells.append(None)
                continue
            lo, hi = bisect_left(ymids, box[1] - 1.0), bisect_right(ymids, box[3] + 1.0)
            cells.append(Cell(box, tuple(text_lines(chars_in_box(ordered[lo:hi], box)))))
        rows.append(cells)
    return Table(page=page.number, bbox=grid.bbox, rows=rows, row_pages=[page.number] * len(rows))


def page_items(page: Page) -> list[Item]:
    """Lines and tables of one page, ordered top to bottom."""
    grids = [g for g in page.grids if g.rows]
    per_grid: list[list[Char]] = [[] for _ in grids]
    free: list[Char] = []
    for c in page.chars:
        xm, ym = (c.x0 + c.x1) / 2, (c.top + c.bottom) / 2
        for i, (x0, top, x1, bottom) in enumerate(g.bbox for g in grids):
            if x0 - 1 <= xm <= x1 + 1 and top - 1 <= ym <= bottom + 1:
                per_grid[i].append(c)
                break
        else:
            free.append(c)
    items: list[tuple[float, Item]] = []
    for g, tchars in zip(grids, per_grid):
        items.append((g.bbox[1], _table(page, g, tchars)))
    for ln in text_lines(free):
        items.append((ln.top, TextLine(page.number, ln)))
    items.sort(key=lambda t: t[0])
    return [it for _, it in items]
