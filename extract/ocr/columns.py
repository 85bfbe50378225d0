"""A table's columns as their cells' words show them: the words of a cell, the rows under the header, which
columns hold scores (:func:`score_columns`), and where and how dark a score column prints its numbers.
"""
from __future__ import annotations

import numpy as np

from extract.ocr.engine import OcrWord
from extract.ocr.ink import ink_grey
from extract.ocr.score_format import (
    _RE_PUNCT,
    _RE_THAI_LETTER,
    _TO_ARABIC,
    SCORE_CELL_THAI_CONF,
    full_score,
    is_number,
    is_score_format,
    joined_decimal,
    mostly_digits,
    names_score,
    off_format,
    worth_rereading,
    wrapped_score,
)
from ita_extract.page import Grid


#: A grid column is a score column when at least this many of its cells with words ...
SCORE_COLUMN_MIN = 2
#: ... hold one number of the score format, and this share of them one number.
SCORE_COLUMN_SHARE = 0.6


def cell_words(words: list[OcrWord], box: tuple[float, float, float, float]) -> list[OcrWord]:
    """The words whose middle lies in ``box``."""
    x0, y0, x1, y1 = box
    return [w for w in words if x0 <= (w.x0 + w.x1) / 2 <= x1 and y0 <= (w.top + w.bottom) / 2 <= y1]


def body_rows(grid: Grid, col: int, words: list[OcrWord]) -> tuple[tuple, ...]:
    """The rows of a grid under its header, as column ``col`` sees them: all of them when the first row's
    cell there holds one score (a table a page break continued has no header row of its own).

    >>> w = lambda t, top: OcrWord(t, 10, top, 40, top + 9, 90.0, (1, 1, 1))
    >>> g = Grid((0, 0, 50, 60), tuple(((0, y, 50, y + 20),) for y in (0, 20, 40)))
    >>> len(body_rows(g, 0, [w("คะแนน", 5), w("91.52", 25)])), len(body_rows(g, 0, [w("76.52", 5), w("91.52", 25)]))
    (2, 3)
    """
    if not grid.rows:
        return ()
    first = grid.rows[0][col] if col < len(grid.rows[0]) else None
    head = [] if first is None else cell_words(words, first)
    return grid.rows if len(head) == 1 and is_score_format(head[0].text) else grid.rows[1:]


def score_columns(grid: Grid, words: list[OcrWord]) -> set[int]:
    """The grid columns whose cells (those with words, under the header row) hold one number, mostly,
    and at least two of them in the score format, or whose header cell names the score (``คะแนน``).

    A table a page break continued has no header: its first row counts too (:func:`body_rows`).
    Their other cells are judged against that format (:func:`off_format`).
    """
    out = set()
    n_cols = max((len(r) for r in grid.rows), default=0)
    for col in range(n_cols):
        # the first row is the header (its คะแนน may read as debris: ``0 0``), unless it holds a score
        # a header row printed twice (or split by a rule) names the score again: a header cell, no body cell
        texts = [[w.text for w in ws] for r in body_rows(grid, col, words)
                 if col < len(r) and r[col] is not None and not names_score(ws := cell_words(words, r[col]))]
        # a speck read as punctuation beside a number (``100.00`` ``:``) leaves it one number; so do specks
        # read as single characters (dust read ``1`` or ``|`` under ``96.55``) beside a longer number
        texts = [[x for x in t if not _RE_PUNCT.match(x)] or t for t in texts if t]
        texts = [beside_specks(t) for t in texts]
        wrapped = sum(wrapped_score(ws) is not None for r in body_rows(grid, col, words)
                      if col < len(r) and r[col] is not None and len(ws := cell_words(words, r[col])) > 1)
        # ... and a score whose point OCR lost (``89`` ``78``: :func:`joined_decimal`)
        wrapped += sum(joined_decimal(ws) is not None for r in body_rows(grid, col, words)
                       if col < len(r) and r[col] is not None and len(ws := cell_words(words, r[col])) == 2)
        good = sum(len(t) == 1 and is_score_format(t[0]) for t in texts) + wrapped
        # damage often strikes a whole column alike (``1`` for every serif ``100.00``): the
        # rest must be numbers at least
        numeric = sum(len(t) == 1 and is_number(t[0]) for t in texts) + wrapped
        head = grid.rows[0][col] if grid.rows and col < len(grid.rows[0]) else None
        # a column headed คะแนน may have no cell read in the format at all (``1`` ``100`` ``1``)
        named = head is not None and names_score(cell_words(words, head)) and bool(texts)
        # ... or a number Tesseract garbled (``ส๓.๕๐``, ``ส67ซ`` for ``๘๓.๘๐``, ``๘๓.๖๗``): a light print spares
        # none of the column's cells, so the header's word is the evidence
        if named:
            numeric = sum(len(t) == 1 and (is_number(t[0]) or mostly_digits(t[0])) for t in texts) + wrapped
            # ... or a fine print's numbers Tesseract made Latin letters and specks of (``ooo`` ``cone`` ``| 1``):
            # short numeral-like words without a Thai letter (:func:`worth_rereading`), under the header's word
            cells = [ws for r in body_rows(grid, col, words) if col < len(r) and r[col] is not None
                     and (ws := cell_words(words, r[col]))]
            # ... or a number Tesseract made Thai letters of, read unsure (``สสออฟ์`` at 2 for ``๗๔.๐๗``,
            # :func:`off_format`), beside numbers with specks (``74.38`` ``ON`` ``_|``)
            numeric = max(numeric, sum(worth_rereading(ws) and not all(_RE_PUNCT.match(w.text) for w in ws)
                                       and not any(_RE_THAI_LETTER.search(w.text) for w in ws)
                                       or (off_format(ws) and any(_RE_THAI_LETTER.search(w.text) for w in ws)
                                           and all(w.conf < SCORE_CELL_THAI_CONF for w in ws
                                                   if _RE_THAI_LETTER.search(w.text)))
                                       for ws in cells))
        if named:
            # a dash (no score) or a speck read as ``.`` is no cell of text: it counts neither way
            texts = [t for t in texts if not all(_RE_PUNCT.match(x) for x in t)]
        if (good >= SCORE_COLUMN_MIN or named) and numeric >= SCORE_COLUMN_SHARE * len(texts):
            out.add(col)
    return out


#: Two cells of two grids on one page stand in one column when both their left and right edges are this
#: close (points): a report prints its tables of a kind alike, columns ruled alike.
COLUMN_EDGE_PT = 4.0


def alike_grid(grid: Grid, others: list[tuple[Grid, set[int]]], dpi: float) -> tuple[Grid, set[int]] | None:
    """Another grid of the page with score columns, ruled alike: as many columns, each edge on its counterpart's
    (:data:`COLUMN_EDGE_PT`), and its score columns. A stamp over a short table can garble every score of its
    column and its header's ``คะแนน`` too: the page's other analysis tables, printed alike, name the column and
    show where its numbers stand.

    >>> row = lambda y: ((0, y, 100, y + 20), (100, y, 160, y + 20))
    >>> a, b = Grid((0, 0, 160, 40), (row(0), row(20))), Grid((0, 60, 161, 100), (row(60), row(80)))
    >>> alike_grid(a, [(b, {1})], 300.0)[1], alike_grid(a, [(b, set())], 300.0)
    ({1}, None)
    >>> c = Grid((0, 60, 160, 100), (((0, 60, 60, 80), (60, 60, 160, 80)),))
    >>> alike_grid(a, [(c, {1})], 300.0) is None  # other columns: another kind of table
    True
    """
    edges, tol = grid.column_edges(), COLUMN_EDGE_PT * dpi / 72.0
    for other, cols in others:
        theirs = other.column_edges()
        if cols and len(theirs) == len(edges) and all(abs(a[0] - b[0]) <= tol and abs(a[1] - b[1]) <= tol
                                                      for a, b in zip(edges, theirs)):
            return other, cols
    return None


def beside_specks(texts: list[str]) -> list[str]:
    """A cell's words without single characters beside one longer number (dust read ``1`` or ``|``
    under ``96.55``): the number alone, for judging what a column holds; otherwise the words as they are.

    >>> beside_specks(["96.55", "1"]), beside_specks(["1", "100"]), beside_specks(["100", "|"])
    (['96.55'], ['100'], ['100'])
    >>> beside_specks(["1", "0"]), beside_specks(["ไม่มี", "1"]), beside_specks(["10", "0.00"])
    (['1', '0'], ['ไม่มี', '1'], ['10', '0.00'])
    """
    longer = [t for t in texts if len(t) > 1]
    if len(longer) == 1 and len(texts) > 1 and is_number(longer[0]):
        return longer
    return texts


def column_number_place(grid: Grid, col: int, words: list[OcrWord]) -> tuple[float, float, float, float, bool] | None:
    """Where a score column prints its numbers inside a cell: (x0, x1 from the cell's left; top, bottom; from the
    cell's middle?), from its cells read as one score; None below two such cells.

    Numbers are top-aligned or centred: the reference (the cell's top or middle) whose offsets
    spread least is taken. A cell whose ink is a stamp's ring or a signature is read there.
    """
    xs0, xs1, tops, mids = [], [], [], []
    for r in body_rows(grid, col, words):
        box = r[col] if col < len(r) else None
        if box is None:
            continue
        ws = cell_words(words, box)
        if len(ws) != 1 or not is_score_format(ws[0].text):
            continue
        w = ws[0]
        xs0.append(w.x0 - box[0])
        xs1.append(w.x1 - box[0])
        tops.append((w.top - box[1], w.bottom - box[1]))
        mid = (box[1] + box[3]) / 2
        mids.append((w.top - mid, w.bottom - mid))
    if len(xs0) < SCORE_COLUMN_MIN:
        return None
    spread = lambda v: float(np.ptp([a for a, _ in v]))  # noqa: E731
    ref = mids if spread(mids) < spread(tops) else tops
    return (min(xs0), max(xs1), float(np.median([a for a, _ in ref])), float(np.median([b for _, b in ref])),
            ref is mids)


#: Words of a table read at least this surely, and this many letters long, show how dark the report printed.
PRINT_WORD_CONF, PRINT_WORD_LEN = 80.0, 3


def column_grey(grid: Grid, col: int, words: list[OcrWord], image: np.ndarray) -> tuple[float, float] | None:
    """The print's darkest ink and paper in a score column (medians over its cells read as one full score,
    :func:`ink_grey`); with fewer than :data:`SCORE_COLUMN_MIN` of them (a column of empty cells, a speck read
    as ``๑`` in one), the table's own print: its words read surely (:data:`PRINT_WORD_CONF`), from one printer
    as its numbers. None without either.

    >>> page = np.full((100, 300), 235, np.uint8); page[10:30, 20:120] = 40; page[60:80, 20:120] = 45
    >>> grid = Grid((0, 0, 300, 100), (((0, 0, 150, 50), (150, 0, 300, 50)), ((0, 50, 150, 100), (150, 50, 300, 100))))
    >>> w = lambda t, top: OcrWord(t, 15, top - 5, 125, top + 25, 92.0, (1, 1, 1))
    >>> column_grey(grid, 1, [w("โครงสร้าง", 10), w("ข้อมูลผู้บริหาร", 60)], page)
    (42.5, 235.0)
    >>> column_grey(grid, 1, [w("โครงสร้าง", 10)], page) is None
    True
    """
    greys = [g for r in body_rows(grid, col, words) if col < len(r) and r[col] is not None
             and len(ws := cell_words(words, r[col])) == 1 and full_score(ws[0].text.translate(_TO_ARABIC))
             and (g := ink_grey(image, ws[0])) is not None]
    if len(greys) < SCORE_COLUMN_MIN:
        greys = [g for w in words_in(words, grid.bbox) if w.conf >= PRINT_WORD_CONF and len(w.text) >= PRINT_WORD_LEN
                 and (g := ink_grey(image, w)) is not None]
    if len(greys) < SCORE_COLUMN_MIN:
        return None
    return float(np.median([g[0] for g in greys])), float(np.median([g[1] for g in greys]))


def words_in(words: list[OcrWord], box: tuple[float, float, float, float]) -> list[OcrWord]:
    """The words whose middle lies in ``box`` (on or inside its edges)."""
    x0, y0, x1, y1 = box
    return [w for w in words if x0 <= (w.x0 + w.x1) / 2 <= x1 and y0 <= (w.top + w.bottom) / 2 <= y1]
