"""extract/ocr/stamps.py: a round stamp's rings found by their shape and taken off the page.

Hand-drawn A4 pages at 300 dpi: a ruled table, text, and a stamp of two rings drawn over the table (the
receiving stamp's shape, as issue 9's dev15 G and N pages print it: a ring over a score column's header
split it into false columns). The ground truth is what was drawn.
"""
from __future__ import annotations

import cv2
import numpy as np
import pytest

from extract.ocr.scan import ruling_lines, table_grids
from extract.ocr.stamps import stamp_rings, without_rings

DPI = 300.0
#: The table: columns (question, score, analysis) and rows, in pixels.
XS = (200, 1300, 1600, 2300)
YS = (700, 820, 1100, 1380, 1660)
#: Over the score column's header: the outer ring's sides run down the header row, rule to rule.
CENTRE, RADII = (1450, 760), (200, 145)


def page(stamp: bool, ring_tone: int = 40, text_tone: int = 30) -> np.ndarray:
    img = np.full((3508, 2480), 236, np.uint8)
    for y in YS:
        cv2.line(img, (XS[0], y), (XS[-1], y), 20, 4)
    for x in XS:
        cv2.line(img, (x, YS[0]), (x, YS[-1]), 20, 4)
    for k, y in enumerate(YS[1:]):  # a score per row, text beside it, a text line below the table
        cv2.putText(img, f"9{k}.38", (1360, y + 150), cv2.FONT_HERSHEY_SIMPLEX, 1.4, text_tone, 3)
        cv2.putText(img, "oooo oooo OOOO", (230, y + 150), cv2.FONT_HERSHEY_SIMPLEX, 1.4, text_tone, 3)
    cv2.putText(img, "0 o O 0 o O", (400, 2000), cv2.FONT_HERSHEY_SIMPLEX, 3.0, text_tone, 6)
    if stamp:
        cv2.circle(img, CENTRE, RADII[0], ring_tone, 10)
        cv2.circle(img, CENTRE, RADII[1], ring_tone, 5)
        cv2.putText(img, "RECEIVED", (CENTRE[0] - 110, CENTRE[1] - 20), cv2.FONT_HERSHEY_SIMPLEX, 1.0, ring_tone, 2)
    return img


def test_a_pages_print_holds_no_ring():
    """Rules, table corners, loops of letters and large ``O``\\ s: no circle inked all round."""
    assert stamp_rings(page(stamp=False), DPI) == []


@pytest.mark.parametrize("tone", [40, 150])
def test_a_stamps_two_rings_are_found_where_drawn(tone):
    rings = stamp_rings(page(stamp=True, ring_tone=tone), DPI)
    assert len(rings) == 2
    for ring, r in zip(sorted(rings, key=lambda q: -q.r), RADII):
        assert abs(ring.x - CENTRE[0]) <= 4 and abs(ring.y - CENTRE[1]) <= 4 and abs(ring.r - r) <= 4


def test_without_the_rings_the_tables_columns_are_those_drawn_and_its_rules_stay_whole():
    """The rings' arcs down the score column were taken for column rules; without them the grid is the one
    drawn, and the table's rules that crossed the rings are kept (only the rings are painted paper)."""
    img = page(stamp=True)
    rulings = ruling_lines(img)
    with_arcs = table_grids(rulings, DPI)
    assert max(len(row) for g in with_arcs for row in g.rows) > 3  # the arcs split cells
    clean = without_rings(img, stamp_rings(img, DPI), DPI, (rulings.horizontal, rulings.vertical))
    grids = table_grids(ruling_lines(clean), DPI)
    assert len(grids) == 1 and [len(row) for row in grids[0].rows] == [3] * (len(YS) - 1)
    for y in YS:  # each rule crossing the ring's band is still drawn there
        assert (clean[y - 1:y + 2, CENTRE[0] - 215:CENTRE[0] + 215] < 100).all(axis=0).mean() > 0.95
    on_ring = [(int(CENTRE[0] + RADII[0] * np.cos(a)), int(CENTRE[1] + RADII[0] * np.sin(a)))
               for a in np.linspace(0.0, 2 * np.pi, 90)]
    between_rules = [(x, y) for x, y in on_ring if min(abs(x - v) for v in XS) > 8 and min(abs(y - v) for v in YS) > 8]
    assert len(between_rules) > 70 and all(clean[y, x] > 200 for x, y in between_rules)


def test_print_darker_than_a_lighter_stamp_stays_under_its_ring():
    """A stamp in red or blue ink scans lighter than the print: where the ring crosses a score, the score's
    darker strokes stay; on a page binarized (both black) the ring is painted whole."""
    img = page(stamp=True, ring_tone=150, text_tone=30)
    clean = without_rings(img, stamp_rings(img, DPI), DPI)
    digits = img[920:990, 1340:1580] < 90  # the first score, crossed by the outer ring
    assert (clean[920:990, 1340:1580][digits] < 90).mean() > 0.98


@pytest.mark.parametrize("tone", [120, 20])  # a lighter stamp; a binarized page (as dark as the rule)
def test_a_rule_the_ring_touches_along_its_length_stays(tone):
    """A stamp pressed just under a table (dev11 T): the ring's top runs along the table's bottom rule for a
    hundred pixels, inside the ring's band, and joins it. The rule reaches far out of the band: it stays whole,
    where the ring's sides are painted paper."""
    img = np.full((1600, 2400), 236, np.uint8)
    y = 600
    for x in (300, 1200, 2100):
        cv2.line(img, (x, 300), (x, y), 20, 4)
    for yy in (300, y):
        cv2.line(img, (300, yy), (2100, yy), 20, 4)
    cx, cy, r = 1500, y + 2 + 200, 200
    stamp = np.full_like(img, 236)
    cv2.circle(stamp, (cx, cy), r, tone, 10)
    cv2.circle(stamp, (cx, cy), 145, tone, 5)
    img = np.minimum(img, stamp)  # ink on ink: the darker shows
    rings = stamp_rings(img, DPI)
    assert rings and abs(rings[0].r - r) <= 4
    rulings = ruling_lines(img)
    clean = without_rings(img, rings, DPI, (rulings.horizontal, rulings.vertical))
    assert (clean[y - 2:y + 3, 300:2100] < 100).any(axis=0).all()  # the rule, under the ring's top too
    assert (clean[cy - 5:cy + 5, cx + r - 6:cx + r + 6] > 200).all()  # the ring's side is gone
    assert len(table_grids(ruling_lines(clean), DPI)[0].rows[0]) == 2  # the table's two cells, no more
