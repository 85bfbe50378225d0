"""Text a grid's frame encloses outside its rows (extract/text/layout.py, issue 9).

Constructed pages: a scan's ruling finder can join a faint frame to a table's
(the page's edge, the back page's table showing through, a toner streak
down the page). Rows of a table follow each other without gaps; a line of
text outside every row is no cell's, and before it was dropped.
"""
from __future__ import annotations

from extract.text.layout import Table, TextLine, page_items
from ita_extract.page import Char, Grid, Page

SIZE = 12.0
COLS = [(50.0, 280.0), (280.0, 320.0), (320.0, 520.0)]


def word(text: str, x0: float, top: float, seq0: int) -> list[Char]:
    return [Char(ch, x0 + 6 * i, x0 + 6 * (i + 1), top, top + SIZE, SIZE, seq0 + i) for i, ch in enumerate(text)]


def rows(*tops: float) -> tuple[tuple[tuple[float, float, float, float], ...], ...]:
    return tuple(tuple((a, top, b, top + 20.0) for a, b in COLS) for top in tops)


def framed(body, frame=(40.0, 20.0, 530.0, 820.0)) -> Grid:
    """The table's rows inside a frame that reaches far past them."""
    return Grid(bbox=frame, rows=body)


def texts(items) -> list[str]:
    out = []
    for it in items:
        if isinstance(it, Table):
            out.append("T:" + "|".join(" ".join(ln.text for ln in c.lines) for r in it.rows for c in r[:1] if c))
        else:
            out.append("L:" + it.text)
    return out


def test_a_heading_below_the_rows_inside_a_frame_is_a_line_after_the_table():
    chars = word("o1", 55.0, 104.0, 0) + word("o2", 55.0, 124.0, 10) + word("HEADING", 55.0, 300.0, 20)
    page = Page(4, 595.0, 842.0, tuple(chars), (framed(rows(100.0, 120.0)),), 0.0)
    assert texts(page_items(page)) == ["T:o1|o2", "L:HEADING"]


def test_a_heading_between_two_tables_one_frame_holds_splits_them():
    chars = (word("e1", 55.0, 104.0, 0) + word("e2", 55.0, 124.0, 10) + word("HEADING", 55.0, 160.0, 20)
             + word("e3", 55.0, 204.0, 40) + word("e4", 55.0, 224.0, 50))
    page = Page(3, 595.0, 842.0, tuple(chars), (framed(rows(100.0, 120.0, 200.0, 220.0)),), 0.0)
    items = page_items(page)
    assert texts(items) == ["T:e1|e2", "L:HEADING", "T:e3|e4"]
    assert [it.bbox[1] for it in items if isinstance(it, Table)] == [100.0, 200.0]


def test_a_line_above_the_rows_inside_a_frame_comes_before_the_table():
    chars = word("TITLE", 55.0, 60.0, 0) + word("o1", 55.0, 104.0, 10)
    page = Page(1, 595.0, 842.0, tuple(chars), (framed(rows(100.0, 120.0)),), 0.0)
    assert texts(page_items(page)) == ["L:TITLE", "T:o1|"]


def test_specks_in_a_frame_outside_the_rows_stay_dropped():
    specks = [Char(".", 300.0, 302.0, 400.0, 402.0, SIZE, 90), Char("|", 60.0, 61.0, 600.0, 612.0, SIZE, 91)]
    chars = word("o1", 55.0, 104.0, 0) + specks
    page = Page(1, 595.0, 842.0, tuple(chars), (framed(rows(100.0)),), 0.0)
    items = page_items(page)
    assert not [it for it in items if isinstance(it, TextLine)]


def test_a_table_without_a_frame_is_read_as_before():
    chars = word("o1", 55.0, 104.0, 0) + word("95", 290.0, 104.0, 10)
    body = rows(100.0, 120.0)
    page = Page(1, 595.0, 842.0, tuple(chars), (Grid(bbox=(50.0, 100.0, 520.0, 140.0), rows=body),), 0.0)
    (t,) = page_items(page)
    assert isinstance(t, Table) and t.bbox == (50.0, 100.0, 520.0, 140.0) and len(t.rows) == 2


def test_text_beside_rows_with_thin_gaps_splits_nothing():
    # 150 dpi: rows 2 points apart; a merged column's lines (no cell took them) cross those gaps
    body = tuple(tuple((a, top, b, top + 14.0) for a, b in COLS[:2]) for top in (100.0, 116.0, 132.0, 148.0))
    chars = (word("o1", 55.0, 102.0, 0) + word("o2", 55.0, 118.0, 10) + word("o3", 55.0, 134.0, 20)
             + word("o4", 55.0, 150.0, 30) + word("ANALYSIS", 330.0, 110.0, 40) + word("GOESON", 330.0, 125.0, 60))
    page = Page(3, 595.0, 842.0, tuple(chars), (framed(body),), 0.0)
    (t,) = page_items(page)
    assert isinstance(t, Table) and len(t.rows) == 4
