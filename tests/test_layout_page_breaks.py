"""Table cells a page break cut from their rulings, taken back (extract/layout.py, issue 8).

Constructed pages: glyph boxes and ruling-line grids as a browser prints a
table whose row or merged cell crosses a page break (Chromium draws the
pieces without the border at the break, so the grid stops short of them).
"""
from __future__ import annotations

from extract.text.layout import Table, TextLine, page_items
from ita_extract.page import Char, Grid, Page
SIZE = 12.0
# Three columns: question 50-280, score 280-320, analysis 320-520.
COLS = [(50.0, 280.0), (280.0, 320.0), (320.0, 520.0)]


def word(text: str, x0: float, top: float, seq0: int) -> list[Char]:
    """One word, a glyph per character, 6 points wide each."""
    return [Char(ch, x0 + 6 * i, x0 + 6 * (i + 1), top, top + SIZE, SIZE, seq0 + i) for i, ch in enumerate(text)]


def grid(rows: list[tuple[float, float]], cols=COLS, covered: set[tuple[int, int]] = frozenset()) -> Grid:
    boxes = tuple(tuple(None if (i, j) in covered else (a, top, b, bottom) for j, (a, b) in enumerate(cols))
                  for i, (top, bottom) in enumerate(rows))
    return Grid(bbox=(cols[0][0], rows[0][0], cols[-1][1], rows[-1][1]), rows=boxes)


def tables(items):
    return [it for it in items if isinstance(it, Table)]


def texts(table: Table) -> list[list[str | None]]:
    return [[None if c is None else " ".join(ln.text for ln in c.lines) for c in row] for row in table.rows]


def test_row_cut_from_its_top_border_at_the_top_of_a_page_is_a_row():
    chars = word("ABCD", 55.0, 64.0, 0) + word("95", 290.0, 64.0, 10) + word("EFGH", 55.0, 82.0, 20)
    page = Page(2, 595.0, 842.0, tuple(chars), (grid([(80.0, 100.0)]),), 0.0)
    (t,) = tables(page_items(page))
    assert texts(t)[0][:2] == ["ABCD", "95"]
    assert len(t.rows) == 2


def test_row_cut_from_its_bottom_border_at_the_bottom_of_a_page_is_a_row():
    chars = word("ABCD", 55.0, 702.0, 0) + word("WXYZ", 55.0, 724.0, 10) + word("88", 290.0, 724.0, 20)
    page = Page(1, 595.0, 842.0, tuple(chars), (grid([(700.0, 720.0)]),), 0.0)
    (t,) = tables(page_items(page))
    assert texts(t)[-1][:2] == ["WXYZ", "88"]


def test_a_heading_below_a_table_beside_a_speck_at_the_page_foot_stays_a_line():
    # dev seed 139 (D-scan300, page 4): the indicators' heading under the page's last table, and a speck of
    # the scan OCR read as a word (``ว027``) at the page's foot under another column: no row the break cut
    chars = word("HEADING9", 55.0, 702.0, 0) + word("WXYZ", 330.0, 800.0, 20)
    page = Page(1, 595.0, 842.0, tuple(chars), (grid([(680.0, 700.0)]),), 0.0)
    items = page_items(page)
    (t,) = tables(items)
    assert len(t.rows) == 1
    assert [it.text for it in items if isinstance(it, TextLine)][0] == "HEADING9"


def test_a_heading_above_a_table_stays_a_line():
    # a heading running across the column edge, with no cell padding at the edge
    heading = [Char(ch, 228.0 + 6 * i, 234.0 + 6 * i, 52.0, 64.0, SIZE, i) for i, ch in enumerate("HEADINGTEXTLINE")]
    chars = heading + word("ABCD", 55.0, 82.0, 30)
    page = Page(2, 595.0, 842.0, tuple(chars), (grid([(80.0, 100.0)]),), 0.0)
    items = page_items(page)
    assert isinstance(items[0], TextLine) and items[0].text == "HEADINGTEXTLINE"
    assert len(tables(items)[0].rows) == 1


def test_merged_column_drawn_without_rulings_becomes_a_merged_cell():
    # the page's grid has only the first two columns; the analysis text stands beside it
    two = COLS[:2]
    chars = (word("ABCD", 55.0, 82.0, 0) + word("95", 290.0, 82.0, 10)
             + word("NOTE", 330.0, 82.0, 20) + word("MORE", 330.0, 102.0, 30)
             + word("EFGH", 55.0, 102.0, 40) + word("90", 290.0, 102.0, 50))
    page = Page(2, 595.0, 842.0, tuple(chars), (grid([(80.0, 100.0), (100.0, 120.0)], cols=two),), 0.0)
    (t,) = tables(page_items(page))
    assert t.n_cols == 3
    assert texts(t) == [["ABCD", "95", "NOTE MORE"], ["EFGH", "90", None]]


def test_merged_cell_left_open_by_a_page_break_keeps_its_text():
    # header row closed; below it the analysis column has no ruling before the page ends
    chars = (word("Q", 55.0, 62.0, 0) + word("S", 290.0, 62.0, 5) + word("A", 330.0, 62.0, 8)
             + word("ABCD", 55.0, 82.0, 10) + word("95", 290.0, 82.0, 20) + word("LOWEST", 330.0, 82.0, 30)
             + word("EFGH", 55.0, 102.0, 40) + word("90", 290.0, 102.0, 50) + word("CAUSE", 330.0, 102.0, 60))
    g = grid([(60.0, 80.0), (80.0, 100.0), (100.0, 120.0)], covered={(1, 2), (2, 2)})
    page = Page(1, 595.0, 842.0, tuple(chars), (g,), 0.0)
    (t,) = tables(page_items(page))
    assert texts(t)[1][2] == "LOWEST CAUSE"


def test_rest_of_a_merged_cell_below_the_last_row_is_kept_but_a_paragraph_is_not():
    rest = word("CAUSE", 330.0, 724.0, 40)
    page = Page(1, 595.0, 842.0, tuple(word("ABCD", 55.0, 702.0, 0) + rest), (grid([(700.0, 720.0)]),), 0.0)
    (t,) = tables(page_items(page))
    assert any("CAUSE" in (x or "") for row in texts(t) for x in row)
    para = word("PARAGRAPH", 52.0, 724.0, 40)
    page = Page(1, 595.0, 842.0, tuple(word("ABCD", 55.0, 702.0, 0) + para), (grid([(700.0, 720.0)]),), 0.0)
    assert isinstance(page_items(page)[-1], TextLine)


def test_text_a_merged_cell_ran_past_the_table_bottom_is_that_cell_s():
    # Chromium: a row-spanning analysis cell continued from the page before holds more text
    # than its rows; its last line runs below the bottom border, above the next heading
    chars = (word("ABCD", 55.0, 82.0, 0) + word("95", 290.0, 82.0, 10) + word("GUIDELINE", 330.0, 82.0, 20)
             + word("RESTOF", 330.0, 101.0, 40) + word("HEADING", 55.0, 116.0, 60))
    page = Page(3, 595.0, 842.0, tuple(chars), (grid([(80.0, 100.0)]), grid([(140.0, 160.0)])), 0.0)
    items = page_items(page)
    t = tables(items)[0]
    assert texts(t)[0][2] == "GUIDELINE RESTOF"
    assert [it.text for it in items if isinstance(it, TextLine)] == ["HEADING"]


def test_a_line_below_a_table_in_its_first_column_or_across_columns_stays_a_line():
    chars = word("ABCD", 55.0, 82.0, 0) + word("NOTE", 55.0, 101.0, 10) + word("ACROSSCOLUMNS", 300.0, 116.0, 20)
    page = Page(3, 595.0, 842.0, tuple(chars), (grid([(80.0, 100.0)]), grid([(140.0, 160.0)])), 0.0)
    items = page_items(page)
    assert [it.text for it in items if isinstance(it, TextLine)] == ["NOTE", "ACROSSCOLUMNS"]


def test_cut_row_above_a_table_whose_merged_column_has_no_rulings_is_a_row():
    # Chromium, top of a page: the first row's top border is not drawn, and the
    # analysis column (a merged cell the break split) has no rulings at all: its
    # text stands beside the two-column grid, its first line beside the cut row
    two = COLS[:2]
    chars = (word("ABCD", 55.0, 62.0, 0) + word("LONGESTLINEOFTHECELL", 326.0, 62.0, 10)
             + word("EFGH", 55.0, 82.0, 40) + word("90", 290.0, 82.0, 50) + word("NOTE", 326.0, 82.0, 60))
    page = Page(4, 595.0, 842.0, tuple(chars), (grid([(80.0, 100.0)], cols=two),), 0.0)
    items = page_items(page)
    assert not [it for it in items if isinstance(it, TextLine)]
    (t,) = tables(items)
    assert t.n_cols == 3
    assert texts(t)[0] == ["ABCD", "", "LONGESTLINEOFTHECELL"]
    assert texts(t)[1][:2] == ["EFGH", "90"]


def test_merged_column_beside_the_cut_row_alone_is_taken_once_the_row_is():
    # as above, but the merged cell's rest is short: its lines stand beside the
    # cut row only (above the grid), none beside the grid's own rows
    two = COLS[:2]
    chars = (word("ABCD", 55.0, 60.0, 0) + word("100", 286.0, 60.0, 10)
             + word("RESTOFGUIDELINE", 326.0, 59.0, 20) + word("ENDS", 326.0, 70.0, 40)
             + word("EFGH", 55.0, 82.0, 50) + word("90", 290.0, 82.0, 60))
    page = Page(2, 595.0, 842.0, tuple(chars), (grid([(80.0, 100.0)], cols=two),), 0.0)
    items = page_items(page)
    assert not [it for it in items if isinstance(it, TextLine)]
    (t,) = tables(items)
    assert t.n_cols == 3
    assert texts(t)[0] == ["ABCD", "100", "RESTOFGUIDELINE ENDS"]
    assert texts(t)[1][:2] == ["EFGH", "90"]


def test_cut_row_at_a_page_bottom_beside_an_open_merged_cell_leaves_it_one_cell():
    # the analysis column's merged cell is open from row 1 down (no ruling closes it);
    # the last row, cut from its bottom border, stands beside that same cell
    chars = (word("ABCD", 55.0, 702.0, 0) + word("95", 290.0, 702.0, 10) + word("NOTE", 330.0, 702.0, 20)
             + word("WXYZ", 55.0, 724.0, 30) + word("88", 290.0, 724.0, 40))
    g = grid([(680.0, 700.0), (700.0, 720.0)], covered={(1, 2)})
    g = Grid(bbox=g.bbox, rows=(g.rows[0][:2] + ((320.0, 680.0, 520.0, 700.0),), g.rows[1]))
    page = Page(1, 595.0, 842.0, tuple(chars), (g,), 0.0)
    (t,) = tables(page_items(page))
    assert texts(t)[1:] == [["ABCD", "95", "NOTE"], ["WXYZ", "88", None]]
    assert t.rows[1][2].bbox[3] >= 736.0  # the merged cell reaches down through the cut row


def test_cut_row_below_a_row_merged_across_the_columns_has_cells_of_its_own():
    # a long measures table: an indicator sub-heading row spans every column (its
    # slots right of the first are covered from the left, not open from above)
    chars = (word("ABCD", 55.0, 682.0, 0) + word("95", 290.0, 682.0, 10) + word("NOTE", 330.0, 682.0, 20)
             + word("HEADING", 55.0, 702.0, 30)
             + word("WXYZ", 55.0, 724.0, 40) + word("88", 290.0, 724.0, 50) + word("MORE", 330.0, 724.0, 60))
    g = grid([(680.0, 700.0), (700.0, 720.0)])
    g = Grid(bbox=g.bbox, rows=(g.rows[0], ((50.0, 700.0, 520.0, 720.0), None, None)))
    page = Page(1, 595.0, 842.0, tuple(chars), (g,), 0.0)
    (t,) = tables(page_items(page))
    assert texts(t) == [["ABCD", "95", "NOTE"], ["HEADING", "", ""], ["WXYZ", "88", "MORE"]]


def test_cut_row_at_a_page_top_above_an_open_merged_cell_is_that_cell_s_start():
    # the analysis column's merged cell began in the row the break cut (above the
    # grid) and goes on beside the grid's first row, where no ruling opens it
    chars = (word("ABCD", 55.0, 62.0, 0) + word("95", 290.0, 62.0, 10) + word("NOTE", 330.0, 62.0, 20)
             + word("EFGH", 55.0, 82.0, 30) + word("90", 290.0, 82.0, 40) + word("MORE", 330.0, 82.0, 50)
             + word("IJKL", 55.0, 102.0, 60) + word("85", 290.0, 102.0, 70) + word("NEXT", 330.0, 102.0, 80))
    page = Page(2, 595.0, 842.0, tuple(chars), (grid([(80.0, 100.0), (100.0, 120.0)], covered={(0, 2)}),), 0.0)
    (t,) = tables(page_items(page))
    assert texts(t) == [["ABCD", "95", "NOTE MORE"], ["EFGH", "90", None], ["IJKL", "85", "NEXT"]]


def test_text_beside_the_grid_in_columns_of_the_table_above_gives_those_columns_cells():
    # a measures table: the period cell (third column) merged over rows went on
    # empty and unruled past the break, and the unit column right of it lost its
    # rulings too; the table the page before ended with had all four columns
    four = [(50.0, 150.0), (150.0, 250.0), (250.0, 350.0), (350.0, 450.0)]
    chars = (word("AAAA", 55.0, 82.0, 0) + word("BBBB", 155.0, 82.0, 10) + word("UNITA", 355.0, 82.0, 20)
             + word("CCCC", 55.0, 102.0, 30) + word("DDDD", 155.0, 102.0, 40) + word("UNITB", 355.0, 102.0, 50))
    page = Page(3, 595.0, 842.0, tuple(chars), (grid([(80.0, 100.0), (100.0, 120.0)], cols=four[:2]),), 0.0)
    (t,) = tables(page_items(page, four))
    assert texts(t) == [["AAAA", "BBBB", "", "UNITA"], ["CCCC", "DDDD", None, "UNITB"]]
    (t,) = tables(page_items(page))  # without the table above: one merged column, as before
    assert texts(t) == [["AAAA", "BBBB", "UNITA UNITB"], ["CCCC", "DDDD", None]]


def test_text_overflowing_below_a_merged_column_drawn_without_rulings_is_that_cell_s():
    # the column beside the grid (no rulings) holds a cell whose last line ran past the bottom border
    two = COLS[:2]
    chars = (word("ABCD", 55.0, 82.0, 0) + word("95", 290.0, 82.0, 10) + word("GUIDELINE", 326.0, 82.0, 20)
             + word("RESTOFTHEGUIDELINE", 326.0, 101.0, 40) + word("HEADING", 55.0, 118.0, 70))
    page = Page(4, 595.0, 842.0, tuple(chars), (grid([(80.0, 100.0)], cols=two), grid([(140.0, 160.0)])), 0.0)
    items = page_items(page)
    t = tables(items)[0]
    assert texts(t)[0][2] == "GUIDELINE RESTOFTHEGUIDELINE"
    assert [it.text for it in items if isinstance(it, TextLine)] == ["HEADING"]


def test_rest_of_a_split_row_drawn_without_any_ruling_is_a_row_of_the_table_above():
    # Chromium, next page: the split row's rest has no border at all (no grid holds it);
    # the previous page's table had the three columns of COLS
    chars = (word("RESTOFQUESTION", 55.0, 45.0, 0) + word("RESTOFANALYSIS", 326.0, 45.0, 20)
             + word("MORE", 326.0, 60.0, 40) + word("HEADING", 50.0, 90.0, 50))
    page = Page(5, 595.0, 842.0, tuple(chars), (grid([(120.0, 140.0)]),), 0.0)
    items = page_items(page, COLS)
    first = items[0]
    assert isinstance(first, Table)
    assert texts(first) == [["RESTOFQUESTION", "", "RESTOFANALYSIS MORE"]]
    assert [it.text for it in items if isinstance(it, TextLine)] == ["HEADING"]
    # without the table above, the same text stays free lines
    assert [type(it) for it in page_items(page)][:2] == [TextLine, TextLine]


def test_a_title_or_a_page_number_at_a_page_top_is_no_row_rest():
    title = [Char(ch, 200.0 + 6 * i, 206.0 + 6 * i, 45.0, 57.0, SIZE, i) for i, ch in enumerate("TITLEACROSSCOLUMNS")]
    page = Page(5, 595.0, 842.0, tuple(title), (grid([(120.0, 140.0)]),), 0.0)
    assert isinstance(page_items(page, COLS)[0], TextLine)
    number = word("12", 300.0, 45.0, 0)
    page = Page(5, 595.0, 842.0, tuple(number), (grid([(120.0, 140.0)]),), 0.0)
    assert isinstance(page_items(page, COLS)[0], TextLine)


def test_columns_above_are_those_of_the_table_the_page_before_ended_with():
    from extract.pages import columns_above
    t = Table(page=3, bbox=(50.0, 600.0, 520.0, 800.0), rows=[[None, None]], row_pages=[3])
    t.rows = [[c for c in tables(page_items(Page(3, 595.0, 842.0, (), (grid([(600.0, 800.0)]),), 0.0)))[0].rows[0]]]
    assert columns_above([t], 4) == COLS
    assert columns_above([t], 5) is None
    assert columns_above([t, TextLine(3, None)], 4) is None


def test_a_cut_first_row_right_above_the_table_stays_that_table_s_row_with_columns_above():
    # the same page as a cut first row; the previous page's table had the same columns
    chars = word("ABCD", 55.0, 64.0, 0) + word("95", 290.0, 64.0, 10) + word("EFGH", 55.0, 82.0, 20)
    page = Page(2, 595.0, 842.0, tuple(chars), (grid([(80.0, 100.0)]),), 0.0)
    (t,) = tables(page_items(page, COLS))
    assert texts(t)[0][:2] == ["ABCD", "95"] and len(t.rows) == 2


def test_cut_row_with_its_first_column_alone_above_the_table_the_page_before_ended_with_is_a_row():
    # Chromium, top of a page: a question row without a score (its other cells
    # empty) the break cut from its top border; the page before ended with this
    # table, its analysis column a merged cell drawn without rulings here
    two = COLS[:2]
    chars = (word("ABCD", 55.0, 44.0, 0) + word("IJKL", 55.0, 62.0, 10)
             + word("EFGH", 55.0, 82.0, 20) + word("90", 290.0, 82.0, 30))
    page = Page(3, 595.0, 842.0, tuple(chars), (grid([(80.0, 100.0)], cols=two),), 0.0)
    items = page_items(page, COLS)
    assert not [it for it in items if isinstance(it, TextLine)]
    (t,) = tables(items)
    assert [r[:2] for r in texts(t)] == [["ABCD IJKL", ""], ["EFGH", "90"]]
    # with no table ending the page before, the same lines are a paragraph above a table
    items = page_items(page)
    assert [it.text for it in items if isinstance(it, TextLine)] == ["ABCD", "IJKL"]
    # a glyph or two the break clipped from the row above is no row
    chars = word("AB", 55.0, 62.0, 0) + word("EFGH", 55.0, 82.0, 20) + word("90", 290.0, 82.0, 30)
    page = Page(3, 595.0, 842.0, tuple(chars), (grid([(80.0, 100.0)], cols=two),), 0.0)
    items = page_items(page, COLS)
    assert [it.text for it in items if isinstance(it, TextLine)] == ["AB"]


def test_merged_column_beside_a_table_goes_to_the_right_edge_the_table_above_had():
    # Chromium, top of a page: a row cut from its top border with a tall analysis
    # cell, then a row whose analysis text (short lines) stands beside the
    # two-column grid; the cut row's widest analysis line is far above the grid
    two = COLS[:2]
    chars = (word("ABCD", 55.0, 44.0, 0) + word("77", 290.0, 44.0, 10)
             + word("AVERYLONGLINEOFTHECELLTEXTS", 326.0, 44.0, 20)
             + word("MORE", 326.0, 62.0, 60) + word("MORE", 326.0, 80.0, 70)
             + word("MORE", 326.0, 98.0, 80) + word("END", 326.0, 116.0, 90)
             + word("EFGH", 55.0, 142.0, 100) + word("90", 290.0, 142.0, 110) + word("SHORT", 326.0, 142.0, 120))
    page = Page(5, 595.0, 842.0, tuple(chars), (grid([(140.0, 160.0)], cols=two),), 0.0)
    items = page_items(page, COLS)
    assert not [it for it in items if isinstance(it, TextLine)]
    (t,) = tables(items)
    assert t.bbox[2] == COLS[-1][1]
    assert texts(t)[0] == ["ABCD", "77", "AVERYLONGLINEOFTHECELLTEXTS MORE MORE MORE END"]
    assert texts(t)[1] == ["EFGH", "90", "SHORT"]


def test_a_cell_s_rest_beside_the_next_heading_on_its_line_is_that_cell_s():
    # below the grid, a cell's rest runs on in the analysis column; its last line
    # shares the baseline of the next indicator's heading (left, in the first columns)
    chars = (word("HEADER", 55.0, 82.0, 0) + word("SCORE", 290.0, 82.0, 10) + word("ANALYSIS", 326.0, 82.0, 20)
             + word("RESTONE", 326.0, 101.0, 40) + word("HEADINGLINE", 55.0, 118.0, 60) + word("RESTTWO", 326.0, 118.0, 80))
    page = Page(2, 595.0, 842.0, tuple(chars), (grid([(80.0, 100.0)]), grid([(140.0, 160.0)])), 0.0)
    items = page_items(page)
    t = tables(items)[0]
    assert texts(t)[0][2] == "ANALYSIS RESTONE RESTTWO"
    assert [it.text for it in items if isinstance(it, TextLine)] == ["HEADINGLINE"]
    # a line running on into the column is no cell's rest: it stays a line, whole
    long_heading = "HEADINGLINEWHICHRUNSONANDONINTOTHEANALYSISCOLUMNTOO"  # 55 to 361
    above = [c for c in chars if c.top < 118.0]
    page = Page(2, 595.0, 842.0, tuple(above + word(long_heading, 55.0, 118.0, 100)),
                (grid([(80.0, 100.0)]), grid([(140.0, 160.0)])), 0.0)
    items = page_items(page)
    assert texts(tables(items)[0])[0][2] == "ANALYSIS RESTONE"
    assert long_heading in [it.text for it in items if isinstance(it, TextLine)]


def test_a_line_the_bottom_border_cuts_stays_in_its_cell():
    # the split row's last line drawn across the table's bottom border (Chromium at a page break, or a
    # scan's grid found a little high): its centre falls just below the cell, most of it is not lost
    chars = (word("ABCD", 55.0, 702.0, 0) + word("77", 290.0, 702.0, 10) + word("CAUSE", 325.0, 702.0, 20)
             + word("REST", 325.0, 713.5, 30))  # 713.5-725.5: 4.5 of its 12 points inside the row (700-718)
    g = grid([(700.0, 718.0)])
    g = Grid(bbox=(*g.bbox[:3], 720.0), rows=g.rows)  # the frame's outer edge, below the cells' inner one
    page = Page(1, 595.0, 842.0, tuple(chars), (g,), 0.0)
    items = page_items(page)
    (t,) = tables(items)
    assert texts(t)[0] == ["ABCD", "77", "CAUSE REST"]
    assert not [it for it in items if isinstance(it, TextLine)]


def test_a_line_that_only_touches_the_bottom_border_is_not_the_cells():
    chars = word("ABCD", 55.0, 702.0, 0) + word("NEXT", 55.0, 716.5, 10)  # 1.5 of 12 points inside the row
    page = Page(1, 595.0, 842.0, tuple(chars), (grid([(700.0, 718.0)]),), 0.0)
    (t,) = tables(page_items(page))
    assert texts(t)[0][0] == "ABCD"
