"""A page as a top-to-bottom sequence of text lines and tables.

Tables come from the ruling-line grids of :mod:`extract.text.pdf`; each cell's
text is built by :func:`extract.text.layer.text_lines` from the characters
inside it. Characters outside every table become free-standing lines
(titles, indicator headings, paragraphs).
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from ita_extract.page import Box, Char, Grid, Page
from extract.text.layer import Line, text_lines


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

    def _fullest_row(self) -> list[Cell | None]:
        return max(self.rows, key=lambda r: sum(c is not None for c in r), default=[])

    @property
    def column_edges(self) -> list[tuple[float, float]]:
        """The x-extent of each column, from its fullest row."""
        return [(c.bbox[0], c.bbox[2]) for c in self._fullest_row() if c is not None]

    @property
    def column_slots(self) -> list[int]:
        """The slot (index in a row) of each of :attr:`column_edges`: a cell merged over two
        slots in the fullest row gives one edge, and the slots after it shift by one."""
        return [k for k, c in enumerate(self._fullest_row()) if c is not None]


@dataclass(frozen=True, slots=True)
class TextLine:
    page: int
    line: Line

    @property
    def text(self) -> str:
        return self.line.text


Item = TextLine | Table


def _close_open_cells(grid: Grid) -> Grid:
    """Grid slots no cell covers, made cells: one per column and run of such slots.

    A merged cell that a page break cut has no ruling at the page's bottom
    (or top), so the table finder cannot close it: its slots are reported as
    covered (``None``) though no cell above reaches them, and its text would
    be lost.
    """
    edges = grid.column_edges()
    if len(edges) != max((len(r) for r in grid.rows), default=0):
        return grid
    spans = [(min(b[1] for b in r if b), max(b[3] for b in r if b)) if any(r) else None for r in grid.rows]
    rows = [list(r) for r in grid.rows]
    for j, (x0, x1) in enumerate(edges):
        reach = float("-inf")  # the lowest point a cell of this column reaches so far
        run_start = None
        for i, r in enumerate(rows + [[None] * len(edges)]):
            box = r[j] if j < len(r) else None
            open_slot = i < len(rows) and box is None and spans[i] is not None and spans[i][0] >= reach - 1.0
            if open_slot and run_start is None:
                run_start = i
            if not open_slot and run_start is not None:
                rows[run_start][j] = (x0, spans[run_start][0], x1, spans[i - 1][1])
                reach = spans[i - 1][1]
                run_start = None
            if box is not None:
                reach = max(reach, box[3])
    return Grid(bbox=grid.bbox, rows=tuple(tuple(r) for r in rows))


def _table(page: Page, grid: Grid, chars: list[Char]) -> tuple[Table, list[Char]]:
    """The grid's cells filled with the glyphs inside them, and the glyphs no cell holds.

    A grid's frame can enclose text outside all its rows: a faint frame (the
    back page's table showing through, a toner streak) that the ruling finder
    joined to the table's, with a heading below the table inside it. That
    text is not the table's; it is returned to be read as free lines.
    """
    # Chars sorted by their vertical centre, so each cell bisects its band.
    ordered = sorted(chars, key=lambda c: (c.top + c.bottom) / 2)
    ymids = [(c.top + c.bottom) / 2 for c in ordered]
    xmids = [(c.x0 + c.x1) / 2 for c in ordered]
    used = bytearray(len(ordered))  # a glyph on the line between two cells belongs to the first only
    held: dict[tuple[int, int], list[int]] = {}
    for r, row in enumerate(grid.rows):
        for k, box in enumerate(row):
            if box is None:
                continue
            # the band bisected by y, then the glyphs whose centre is inside the box by x
            x0, x1 = box[0] - 1.0, box[2] + 1.0
            lo, hi = bisect_left(ymids, box[1] - 1.0), bisect_right(ymids, box[3] + 1.0)
            idx = [i for i in range(lo, hi) if not used[i] and x0 <= xmids[i] <= x1]
            for i in idx:
                used[i] = 1
            held[r, k] = idx
    for i, c in enumerate(ordered):
        if not used[i] and (rk := straddled_cell(grid, c)) is not None:
            used[i] = 1
            held[rk].append(i)
    rows: list[list[Cell | None]] = [
        [None if box is None else Cell(box, tuple(text_lines([ordered[i] for i in sorted(held[r, k])])))
         for k, box in enumerate(row)] for r, row in enumerate(grid.rows)]
    left = [c for c, u in zip(ordered, used) if not u]
    return Table(page=page.number, bbox=grid.bbox, rows=rows, row_pages=[page.number] * len(rows)), left


#: A glyph no cell holds by its centre belongs to the cell that holds this share of its height.
STRADDLE_SHARE = 0.3


def straddled_cell(grid: Grid, c: Char) -> tuple[int, int] | None:
    """The (row, column) of the cell a glyph straddles the border of, when its centre is in no cell.

    A line cut by a border (Chromium draws a split row's bottom border across its last line at a
    page break; a scan's grid is found a little off) has its centre just outside its cell: it is
    the cell's when the cell holds a good share of its height, else no cell's.

    >>> g = Grid(bbox=(0.0, 0.0, 90.0, 60.0), rows=(((0.0, 0.0, 40.0, 30.0), (40.0, 0.0, 90.0, 30.0)),
    ...                                            ((0.0, 31.0, 40.0, 60.0), (40.0, 31.0, 90.0, 60.0))))
    >>> straddled_cell(g, Char("ก", 50.0, 60.0, 53.0, 69.0, 10.0, 0))   # 7 of 16 points in the last row
    (1, 1)
    >>> straddled_cell(g, Char("ก", 50.0, 60.0, 58.0, 74.0, 10.0, 0)) is None  # 2 of 16: below the table
    True
    """
    height = c.bottom - c.top
    if height <= 0:
        return None
    best, share = None, STRADDLE_SHARE
    for r, row in enumerate(grid.rows):
        for k, box in enumerate(row):
            if box is None or not box[0] - 1.0 <= c.xmid <= box[2] + 1.0:
                continue
            inside = (min(c.bottom, box[3]) - max(c.top, box[1])) / height
            if inside >= share:
                best, share = (r, k), inside
    return best


#: Lines above a page's first table closer to it than this many line heights
#: may be its first row, whose top border the page break left undrawn.
CUT_ROW_GAP = 1.2
#: Text keeps at least this far (points) from its cell's left and right edges.
CELL_INSET = 1.5
#: Column edges of a table's pieces on two pages agree within this many points.
COLUMN_TOLERANCE = 3.0


def _cut_row(grid: Grid, free: list[Char], above: bool,
             columns_above: list[tuple[float, float]] | None = None) -> tuple[Grid, list[Char]]:
    """The table with the row a page break cut from its border, if any.

    Chromium draws a table row that a page break split without its bottom
    border on the first page and without its top border on the next, so the
    ruling-line grid stops short of it and its text reads as free lines.
    Lines right above a page's first table (``above``) or right below its last
    one, with no other text beyond them on the page, whose glyphs keep to the
    table's columns (none straddles a column edge, and they fill two or more
    columns) are taken back as a row. Above a table that goes on with the
    columns the page before ended with (``columns_above``), text in its first
    column alone, inside its padding, is such a row too: a row whose other
    cells are empty (a question without a score) the break cut from its top
    (not a fragment shorter than :data:`MIN_REST_CHARS`: a glyph's clipped tail).
    """
    x0, top, x1, bottom = grid.bbox
    edges = grid.column_edges()
    if len(edges) < 2:
        return grid, free
    beyond = [c for c in free if c.text.strip() and ((c.top + c.bottom) / 2 < top if above else (c.top + c.bottom) / 2 > bottom)]
    inside = [c for c in beyond if x0 - 1 <= c.xmid <= x1 + 1]
    # text right of the table may be a merged column drawn without rulings (see _uncovered_column)
    others = [c for c in beyond if c.xmid < x0 - 1 or x1 + 1 < c.xmid < x1 + CELL_INSET]
    if not inside or others:
        return grid, free  # other text there (a heading, a title, a footer): no cut row
    size = max((c.size for c in inside), default=10.0) or 10.0
    gap = top - max(c.bottom for c in inside) if above else min(c.top for c in inside) - bottom
    if gap > size * CUT_ROW_GAP:
        return grid, free
    inner = [e[1] for e in edges[:-1]]
    if any(c.x0 < edge - 0.5 < c.x1 - 1 for c in inside for edge in inner):
        return grid, free  # a glyph straddles a column edge: a line across the table
    by_col: dict[int, list[Char]] = {}
    for c in inside:
        by_col.setdefault(next(i for i, (a, b) in enumerate(edges) if c.xmid <= b + 1 or i == len(edges) - 1), []).append(c)
    if len(by_col) < 2 and 0 in by_col and not (above and _same_columns(edges, columns_above)
                                                and len(inside) >= MIN_REST_CHARS):
        return grid, free  # text at the left edge alone: a paragraph (or a glyph the break clipped), not a row
    # (text in one inner column alone: the rest of a merged cell, as the analysis)
    if not above and any(min(c.top for c in cs) - bottom > size * CUT_ROW_GAP for cs in by_col.values()):
        # a cut row's cells all begin right under the border (text stands at a cell's top): a heading under
        # the table beside a speck at the page's foot in another column is no row
        return grid, free
    # each column's text sits inside its cell, clear of both edges (a cell's padding);
    # a line running across the table touches an edge where it crosses it
    if any(min(c.x0 for c in cs) < edges[k][0] + CELL_INSET or max(c.x1 for c in cs) > edges[k][1] - CELL_INSET
           for k, cs in by_col.items()):
        return grid, free
    taken = set(map(id, inside))
    rest = [c for c in free if id(c) not in taken]
    open_ends = _open_ends(grid, edges, above)
    if above:
        row_top = min(c.top for c in inside) - 1.0
        new_row = tuple((a, row_top, b, open_ends.get(j, top)) for j, (a, b) in enumerate(edges))
        return Grid(bbox=(x0, row_top, x1, bottom), rows=(new_row, *grid.rows)), rest
    row_bottom = max(c.bottom for c in inside) + 1.0
    new_row = tuple(None if j in open_ends else (a, bottom, b, row_bottom) for j, (a, b) in enumerate(edges))
    return Grid(bbox=(x0, top, x1, row_bottom), rows=(*grid.rows, new_row)), rest


def _same_columns(edges: list[tuple[float, float]], columns_above: list[tuple[float, float]] | None) -> bool:
    """Whether ``edges`` are the first columns of ``columns_above`` (the table the page before ended with goes on)."""
    return bool(columns_above) and len(columns_above) >= len(edges) >= 2 and all(
        abs(a - c) <= COLUMN_TOLERANCE and abs(b - d) <= COLUMN_TOLERANCE for (a, b), (c, d) in zip(edges, columns_above))


def _open_ends(grid: Grid, edges: list[tuple[float, float]], top: bool) -> dict[int, float]:
    """Columns whose slots at the grid's top (bottom) no cell closes: a merged cell the break cut goes on there.

    Returns, per such column, how far down the open slots reach from the top
    (at the bottom: the grid's bottom). A row the page break cut beside such
    a column is the same merged cell's, not a cell of its own.
    """
    if len(edges) != max((len(r) for r in grid.rows), default=0):
        return {}
    def spanned(row: tuple[Box | None, ...], j: int) -> bool:  # covered by a cell merged from the left
        a, b = edges[j]
        return any(box is not None and box[0] <= a + 1.0 and box[2] >= b - 1.0 for box in row)

    out: dict[int, float] = {}
    for j in range(len(edges)):
        column = [r[j] if j < len(r) else None for r in grid.rows]
        if top:
            n = next((i for i, (box, r) in enumerate(zip(column, grid.rows)) if box is not None or spanned(r, j)),
                     len(column))
            if n:
                out[j] = max(b[3] for b in grid.rows[n - 1] if b is not None)
        elif (column[-1] is None and not spanned(grid.rows[-1], j)
              and max((b[3] for b in column if b is not None), default=float("-inf")) < grid.bbox[3] - 1.0):
            out[j] = grid.bbox[3]
    return out


def _uncovered_column(grid: Grid, free: list[Char],
                      columns_above: list[tuple[float, float]] | None = None) -> tuple[Grid, list[Char]]:
    """The table with the text beside it as one more, merged, column.

    A merged cell that a page break split (Chromium: the analysis column) is
    drawn on the next page without the rulings that would make it a column of
    the grid, so its text reads as free lines right of the table. Text there,
    within the table's height, clear of its right edge and with nothing left
    of the table on those lines, becomes a cell spanning every row. Text that
    falls in two or more of the columns the table above had (``columns_above``)
    becomes those columns' cells instead (see :func:`_side_columns`).
    """
    x0, top, x1, bottom = grid.bbox
    band = [c for c in free if c.text.strip() and top - 1 <= (c.top + c.bottom) / 2 <= bottom + 1]
    right = [c for c in band if c.xmid > x1]
    if not right or len(right) != len(band) or min(c.x0 for c in right) < x1 + CELL_INSET:
        return grid, free
    # the column's right edge is its widest line's end, lines of a cut row just above or below it included
    reach = max(c.size for c in right) * 2 * CUT_ROW_GAP
    near = [c for c in free if c.text.strip() and c.x0 >= x1 + CELL_INSET
            and top - reach <= (c.top + c.bottom) / 2 <= bottom + reach]
    edge = max(c.x1 for c in right + near) + CELL_INSET
    if _same_columns(grid.column_edges(), columns_above) and len(columns_above) == len(grid.column_edges()) + 1:
        # the one column the table above had more: its right edge, not the widest line's
        # (a cut row's taller lines above may run wider than those beside the grid)
        edge = max(edge, columns_above[-1][1])
    taken = set(map(id, right))
    rest = [c for c in free if id(c) not in taken]
    side = _side_columns(grid, right, columns_above)
    if side:
        return _with_side_columns(grid, right, side), rest
    rows = [(*grid.rows[0], (x1, top, edge, bottom)), *((*r, None) for r in grid.rows[1:])]
    return Grid(bbox=(x0, top, edge, bottom), rows=tuple(rows)), rest


def _side_columns(grid: Grid, right: list[Char],
                  columns_above: list[tuple[float, float]] | None) -> list[tuple[float, float]]:
    """The columns of the table above that the text beside the grid falls in, when it is two or more.

    A measures row whose period cell is merged over rows can cross a page
    break with that cell empty and unruled on the next page, and the cells
    right of it then lose their rulings too: the grid keeps only the columns
    left of it. The table the page before ended with still has them.
    """
    if not columns_above:
        return []
    edges = grid.column_edges()
    n = len(edges)
    if n >= len(columns_above) or any(abs(a - c) > COLUMN_TOLERANCE or abs(b - d) > COLUMN_TOLERANCE
                                      for (a, b), (c, d) in zip(edges, columns_above)):
        return []
    side = columns_above[n:]
    if len(side) < 2 or any(not any(a <= c.xmid <= b for a, b in side) for c in right):
        return []
    return side


def _with_side_columns(grid: Grid, right: list[Char], side: list[tuple[float, float]]) -> Grid:
    """The grid with the side columns as cells of its rows; a column without text is one cell merged over them."""
    spans = [(min(b[1] for b in r if b), max(b[3] for b in r if b)) for r in grid.rows]
    x0, top, _, bottom = grid.bbox
    rows = [list(r) for r in grid.rows]
    for a, b in side:
        if any(a <= c.xmid <= b for c in right):
            for r, (t, btm) in zip(rows, spans):
                r.append((a, t, b, btm))
        else:  # the rest of a merged cell the break carried over: empty, over every row
            rows[0].append((a, top, b, bottom))
            for r in rows[1:]:
                r.append(None)
    return Grid(bbox=(x0, top, side[-1][1], bottom), rows=tuple(tuple(r) for r in rows))


def _overflow(grid: Grid, free: list[Char]) -> tuple[Grid, list[Char]]:
    """The table with the text a cell let run over its bottom border.

    Chromium draws a row-spanning cell that a page break split with more
    text than the rows it spans on the next page can hold: its last lines
    run past the table's bottom border. Lines right below a table, each
    within a line of the one above, whose glyphs all keep inside one column
    other than the first (clear of its edges; a heading or a paragraph below
    the table starts at its left edge or crosses its columns), are that
    column's lowest cell's: the cell is stretched to hold them.
    """
    x0, top, x1, bottom = grid.bbox
    edges = grid.column_edges()
    if len(edges) < 2:
        return grid, free
    below = sorted((c for c in free if c.text.strip() and (c.top + c.bottom) / 2 > bottom),
                   key=lambda c: (c.top + c.bottom) / 2)
    lines: list[list[Char]] = []
    for c in below:  # glyphs grouped into lines by their vertical centre
        if lines and (c.top + c.bottom) / 2 - (lines[-1][0].top + lines[-1][0].bottom) / 2 < (c.size or 10.0) * 0.5:
            lines[-1].append(c)
        else:
            lines.append([c])
    taken: list[Char] = []
    reach, j = bottom, None
    for ln in lines:
        size = max(c.size for c in ln) or 10.0
        lo, hi = min(c.x0 for c in ln), max(c.x1 for c in ln)
        col = next((i for i, (a, b) in enumerate(edges) if a + CELL_INSET <= lo and hi <= b - CELL_INSET), None)
        if col is None and j is not None:
            # the cell's rest beside a line that starts left of its column (the next
            # heading, on the same baseline): its glyphs inside the column, clear of
            # its edges, when every other glyph of the line ends left of the column
            a, b = edges[j]
            part = [c for c in ln if c.xmid > a]
            if part and all(c.x1 <= a for c in ln if c.xmid <= a) and a + CELL_INSET <= min(c.x0 for c in part) \
                    and max(c.x1 for c in part) <= b - CELL_INSET:
                ln, col = part, j
        if min(c.top for c in ln) - reach > size * CUT_ROW_GAP or not col or (j is not None and col != j):
            break  # too far, across columns, in the first one or beside the table: not a cell's rest
        j = col
        taken += ln
        reach = max(reach, max(c.bottom for c in ln))
    if j is None:
        return grid, free
    a, b = edges[j]
    rows = [list(r) for r in grid.rows]
    lowest = max(((i, k) for i, r in enumerate(rows) for k, box in enumerate(r)
                  if box is not None and abs(box[0] - a) <= 1.0 and abs(box[2] - b) <= 1.0),
                 key=lambda ik: rows[ik[0]][ik[1]][3], default=None)
    if lowest is None or rows[lowest[0]][lowest[1]][3] < bottom - 1.0:
        return grid, free
    i, k = lowest
    new_bottom = reach + 1.0
    rows[i][k] = (*rows[i][k][:3], new_bottom)
    ids = set(map(id, taken))
    return (Grid(bbox=(x0, top, x1, new_bottom), rows=tuple(tuple(r) for r in rows)),
            [c for c in free if id(c) not in ids])


#: A block of text this short (non-space characters) at a page's top is a page number, not a row's rest.
MIN_REST_CHARS = 4


def _text_rows(chars: list[Char]) -> list[list[Char]]:
    """Glyphs grouped into lines by their vertical centre, top to bottom."""
    rows: list[list[Char]] = []
    for c in sorted(chars, key=lambda c: (c.top + c.bottom) / 2):
        if rows and (c.top + c.bottom) / 2 - (rows[-1][0].top + rows[-1][0].bottom) / 2 < (c.size or 10.0) * 0.5:
            rows[-1].append(c)
        else:
            rows.append([c])
    return rows


def _in_columns(line: list[Char], edges: list[tuple[float, float]]) -> bool:
    """Whether every glyph of ``line`` keeps inside one of the columns, clear of its edges (a cell's padding)."""
    for c in line:
        col = next(((a, b) for a, b in edges if a <= c.xmid <= b), None)
        if col is None or c.x0 < col[0] + CELL_INSET or c.x1 > col[1] - CELL_INSET:
            return False
    return True


def _rest_without_rulings(grids: list[Grid], free: list[Char],
                          edges: list[tuple[float, float]]) -> tuple[Grid | None, list[Char]]:
    """The rest of a row the page break split, drawn on this page without any ruling, as a one-row grid.

    Chromium can print a split row's rest at the next page's top with no
    border at all, so no grid holds it and its cells read as free lines.
    ``edges`` are the columns of the table the previous page ended with: the
    lines at the very top of this page (above its first table), each within
    a line of the one before and each glyph inside one of those columns, clear
    of its edges, are that row's rest. A heading or a title runs across the
    columns or starts at the table's left edge, and stops the block; a block right
    above the page's first table is that table's cut first row instead (:func:`_cut_row`).
    """
    top_grid = min((g.bbox[1] for g in grids), default=float("inf"))
    lines = _text_rows([c for c in free if c.text.strip() and (c.top + c.bottom) / 2 < top_grid])
    taken: list[Char] = []
    for ln in lines:
        size = max(c.size for c in ln) or 10.0
        if not _in_columns(ln, edges) or (taken and min(c.top for c in ln) - max(c.bottom for c in taken) > size * CUT_ROW_GAP):
            break
        taken += ln
    if len([c for c in taken if c.text.strip()]) < MIN_REST_CHARS:
        return None, free
    if top_grid - max(c.bottom for c in taken) <= max(c.size for c in taken) * CUT_ROW_GAP:
        return None, free  # right above the page's first table: its cut first row (see _cut_row)
    top, bottom = min(c.top for c in taken) - 1.0, max(c.bottom for c in taken) + 1.0
    ids = set(map(id, taken))
    row = tuple((a, top, b, bottom) for a, b in edges)
    return Grid(bbox=(edges[0][0], top, edges[-1][1], bottom), rows=(row,)), [c for c in free if id(c) not in ids]


def _rows_top(grid: Grid) -> float:
    """Where the grid's first row starts: a frame drawn around more than the table starts higher."""
    return min((b[1] for r in grid.rows for b in r if b), default=grid.bbox[1])


def _row_span(row: tuple[Box | None, ...]) -> tuple[float, float] | None:
    boxes = [b for b in row if b]
    return (min(b[1] for b in boxes), max(b[3] for b in boxes)) if boxes else None


def split_at_lines(grid: Grid, lines: list[Char]) -> list[Grid]:
    """The grid cut where a line of text stands between its rows, in no cell.

    A table's rows follow each other without a gap; text between two of them
    is not the table's: two tables (a heading between them) that one frame
    encloses, drawn by the page's edge, the back page's table showing
    through or a toner streak down the page. Each piece keeps the frame's
    width and its own rows' height.

    >>> row = lambda top: ((0.0, top, 50.0, top + 20), (50.0, top, 90.0, top + 20))
    >>> g = Grid(bbox=(0.0, 0.0, 90.0, 500.0), rows=(row(100), row(120), row(200), row(220)))
    >>> heading = [Char("ก", 5.0, 15.0, 165.0, 175.0, 10.0, 0)]
    >>> [(p.bbox[1], p.bbox[3], len(p.rows)) for p in split_at_lines(g, heading)]
    [(100, 140, 2), (200, 240, 2)]
    >>> below = [Char("ก", 5.0, 15.0, 300.0, 310.0, 10.0, 0)]
    >>> len(split_at_lines(g, below))
    1
    """
    spans = [_row_span(r) for r in grid.rows]
    cuts = sorted({(c.top + c.bottom) / 2 for c in lines})
    pieces: list[list[int]] = [[]]
    for i, span in enumerate(spans):
        if span is not None and pieces[-1] and any(
                prev_bottom < y < span[0] for y in cuts
                for prev_bottom in [max(spans[j][1] for j in pieces[-1] if spans[j] is not None)]):
            pieces.append([])
        pieces[-1].append(i)
    if len(pieces) == 1:
        return [grid]
    out = []
    for rows in pieces:
        own = [spans[i] for i in rows if spans[i] is not None]
        bbox = (grid.bbox[0], min(s[0] for s in own), grid.bbox[2], max(s[1] for s in own))
        out.append(Grid(bbox=bbox, rows=tuple(grid.rows[i] for i in rows)))
    return out


#: A line stands in a gap between two rows when it keeps inside it but for this much (points).
GAP_TOLERANCE = 1.0


def clear_of_rows(grid: Grid, chars: list[Char]) -> list[Char]:
    """The lines of ``chars`` that stand above the grid's first row, below its last, or whole in a gap
    between two rows; not those beside the rows (a merged column's text no cell took: left out as before).

    >>> row = lambda top: ((0.0, top, 50.0, top + 20), (50.0, top, 90.0, top + 20))
    >>> g = Grid(bbox=(0.0, 0.0, 90.0, 500.0), rows=(row(100), row(122), row(200)))
    >>> ch = lambda t, top: Char(t, 60.0, 70.0, top, top + 10.0, 10.0, 0)
    >>> [c.text for c in clear_of_rows(g, [ch("a", 50), ch("b", 117), ch("c", 165), ch("d", 300)])]
    ['a', 'c', 'd']
    """
    spans = sorted(s for r in grid.rows if (s := _row_span(r)) is not None)
    if not spans:
        return chars
    gaps = [(a[1], b[0]) for a, b in zip(spans, spans[1:]) if b[0] > a[1]]
    out: list[Char] = []
    for ln in _text_rows(chars):
        top, bottom = min(c.top for c in ln), max(c.bottom for c in ln)
        if (bottom <= spans[0][0] + GAP_TOLERANCE or top >= spans[-1][1] - GAP_TOLERANCE
                or any(g0 - GAP_TOLERANCE <= top and bottom <= g1 + GAP_TOLERANCE for g0, g1 in gaps)):
            out += ln
    return out


def outside_rows(left: list[Char]) -> list[Char]:
    """The glyphs a grid's cells left over that are text of their own, in lines with a letter or digit.

    >>> c = lambda t, x, y: Char(t, x, x + 5, y, y + 10.0, 10.0, 0)
    >>> [x.text for x in outside_rows([c("ก", 10, 100), c("ข", 15, 100), c("|", 40, 300), c(".", 45, 300)])]
    ['ก', 'ข']
    """
    out: list[Char] = []
    for ln in _text_rows([c for c in left if c.text.strip()]):
        if any(ch.isalnum() for c in ln for ch in c.text):
            out += ln
    return out


def page_items(page: Page, columns_above: list[tuple[float, float]] | None = None) -> list[Item]:
    """Lines and tables of one page, ordered top to bottom.

    ``columns_above``: the column edges of the table the previous page ended
    with (its last row may go on at this page's top without rulings).
    """
    grids = [g for g in page.grids if g.rows]
    per_grid: list[list[Char]] = [[] for _ in grids]
    free: list[Char] = []
    boxes = [(i, g.bbox[0] - 1, g.bbox[1] - 1, g.bbox[2] + 1, g.bbox[3] + 1) for i, g in enumerate(grids)]
    for c in page.chars:
        xm, ym = (c.x0 + c.x1) / 2, (c.top + c.bottom) / 2
        for i, x0, top, x1, bottom in boxes:
            if x0 <= xm <= x1 and top <= ym <= bottom:
                per_grid[i].append(c)
                break
        else:
            free.append(c)
    if columns_above and len(columns_above) >= 2:
        rest, free = _rest_without_rulings(grids, free, columns_above)
        if rest is not None:
            grids.insert(0, rest)
            per_grid.insert(0, [c for c in page.chars if rest.bbox[1] <= (c.top + c.bottom) / 2
                                <= rest.bbox[3] and rest.bbox[0] <= c.xmid <= rest.bbox[2]])
    steps: list[tuple[str, int]] = []
    if grids:
        first = min(range(len(grids)), key=lambda i: grids[i].bbox[1])
        last = max(range(len(grids)), key=lambda i: grids[i].bbox[1])
        # the side column first: a cut row above the table, or text overflowing
        # below it, may belong to that column
        steps += [("side", first)]
        steps += [("overflow", k) for k in range(len(grids))] + [("top", first), ("bottom", last)]
        # and again once a cut row above the table made it taller: the side
        # column's text may stand beside that row alone
        steps += [("side", first)]
    for step, k in steps:
        n_free = len(free)
        if step == "overflow":
            grids[k], free = _overflow(grids[k], free)
        elif step == "side":
            grids[k], free = _uncovered_column(grids[k], free, columns_above)
        else:
            grids[k], free = _cut_row(grids[k], free, step == "top", columns_above)
        if len(free) != n_free:
            x0, top, x1, bottom = grids[k].bbox
            still_free = set(map(id, free))
            per_grid[k] = [c for c in page.chars if id(c) not in still_free
                           and x0 - 1 <= c.xmid <= x1 + 1 and top - 1 <= (c.top + c.bottom) / 2 <= bottom + 1]
    items: list[tuple[float, Item]] = []
    for g, tchars in zip(grids, per_grid):
        table, left = _table(page, _close_open_cells(g), tchars)
        lines = clear_of_rows(g, outside_rows(left))
        pieces = split_at_lines(g, lines)
        if len(pieces) > 1:
            for piece in pieces:
                top, bottom = piece.bbox[1], piece.bbox[3]
                table, _ = _table(page, _close_open_cells(piece),
                                  [c for c in tchars if top - 1 <= (c.top + c.bottom) / 2 <= bottom + 1])
                items.append((_rows_top(piece), table))
        else:
            items.append((_rows_top(g), table))
        free += lines
    for ln in text_lines(free):
        items.append((ln.top, TextLine(page.number, ln)))
    items.sort(key=lambda t: t[0])
    return [it for _, it in items]
