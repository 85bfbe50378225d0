"""A phone photo's bent page (perspective, curl) flattened before its table grid is read (issue #9).

Synthetic pages, no Tesseract: a fake engine stands in for it.
"""
from __future__ import annotations

import cv2
import numpy as np
import pytest
from tests.ocr_fakes import FakeEngine

from extract.ocr.raster import PageImage
from extract.ocr.reader import ocr_page
from extract.ocr.scan import deskew, page_bend, ruling_lines, skew_correction, table_grids, unbend

DPI = 220.0
H, W = 2570, 1820
ROWS, COLS = 14, 5


def table_page() -> np.ndarray:
    """A 220-dpi page filled by one bordered table of ROWS x COLS cells, each with a word of ink."""
    img = np.full((H, W), 235, np.uint8)
    xs = np.linspace(150, W - 150, COLS + 1).astype(int)
    ys = np.linspace(250, H - 300, ROWS + 1).astype(int)
    for y in ys:
        cv2.line(img, (int(xs[0]), int(y)), (int(xs[-1]), int(y)), 30, 3)
    for x in xs:
        cv2.line(img, (int(x), int(ys[0])), (int(x), int(ys[-1])), 30, 3)
    for y0 in ys[:-1]:
        for x0 in xs[:-1]:
            cv2.putText(img, "text", (int(x0) + 20, int(y0) + 60), cv2.FONT_HERSHEY_SIMPLEX, 1.0, 40, 2)
    return img


def photographed(img: np.ndarray, corners: list[tuple[float, float]], curl: float) -> np.ndarray:
    """``img`` as a phone sees it: the sheet's corners moved (shares of the page), rows bowed by ``curl`` px."""
    xx = np.arange(W, dtype=np.float32)
    bulge = curl * np.sin(np.pi * xx / W)
    map_x = np.tile(xx, (H, 1))
    map_y = np.arange(H, dtype=np.float32)[:, None] + bulge[None, :] * np.linspace(0.5, 1.0, H, dtype=np.float32)[:, None]
    bowed = cv2.remap(img, map_x, map_y.astype(np.float32), cv2.INTER_LINEAR, borderValue=235)
    src = np.float32([[0, 0], [W, 0], [W, H], [0, H]])
    dst = src + np.float32([[cx * W, cy * H] for cx, cy in corners])
    return cv2.warpPerspective(bowed, cv2.getPerspectiveTransform(src, dst), (W, H), borderValue=235)


#: corners moved inwards and outwards by up to 3 %, the curl up to 1.2 % of the page's height
PHOTOS = [
    ([(0.03, 0.02), (-0.01, 0.03), (-0.03, -0.01), (0.02, -0.03)], 25.0),
    ([(-0.02, -0.02), (0.03, 0.01), (0.01, 0.03), (-0.03, -0.02)], -30.0),
]


def _shape(grids) -> list[tuple[int, int, int]]:
    return [(len(g.rows), len(g.rows[0]), sum(b is not None for r in g.rows for b in r)) for g in grids]


@pytest.mark.parametrize("corners,curl", PHOTOS)
def test_bent_page_is_flattened_into_its_whole_grid(corners, curl):
    img = photographed(table_page(), corners, curl)
    res = ocr_page(1, 595, 842, PageImage(img, DPI, True), FakeEngine())
    assert _shape(res.grids_px) == [(ROWS, COLS, ROWS * COLS)]


@pytest.mark.parametrize("corners,curl", PHOTOS)
def test_bend_straightens_the_ruling_lines(corners, curl):
    img = photographed(table_page(), corners, curl)
    gray = deskew(img, skew_correction(img))
    bend = page_bend(ruling_lines(gray), DPI)
    assert bend is not None
    flat = unbend(gray, bend)
    assert page_bend(ruling_lines(flat), DPI) is None  # nothing left to straighten


def test_flat_page_is_left_as_it_is():
    img = table_page()
    m = cv2.getRotationMatrix2D((W / 2, H / 2), 1.3, 1.0)  # a scanner's page: turned, never bent
    turned = cv2.warpAffine(img, m, (W, H), borderValue=235)
    gray = deskew(turned, skew_correction(turned))
    assert page_bend(ruling_lines(gray), DPI) is None
    assert page_bend(ruling_lines(img), DPI) is None


def test_page_without_rulings_has_no_bend():
    img = np.full((H, W), 235, np.uint8)
    cv2.putText(img, "text only", (200, 400), cv2.FONT_HERSHEY_SIMPLEX, 2.0, 40, 3)
    assert page_bend(ruling_lines(img), DPI) is None


def test_desk_beside_a_photographed_sheet_is_whitened_before_ocr():
    """The sheet's edge against the desk reads as ``|`` words, a column of their own beside the table."""
    img = photographed(table_page(), PHOTOS[0][0], PHOTOS[0][1])
    sheet = cv2.warpPerspective(np.full((H, W), 255, np.uint8), cv2.getPerspectiveTransform(
        np.float32([[0, 0], [W, 0], [W, H], [0, H]]),
        np.float32([[0, 0], [W - 60, 40], [W - 40, H], [0, H]])), (W, H))
    img[sheet < 128] = 90  # the desk shows at the right
    seen = []

    class Engine(FakeEngine):
        def page_words(self, gray, dpi):
            seen.append(gray)
            return []

    ocr_page(1, 595, 842, PageImage(img, DPI, True), Engine())
    read = seen[0]  # the page (then tables whose cells came out empty, read again alone)
    assert (read[H // 2, W - 15:] > 200).all()  # desk: paper-white
    assert (read[H // 3:2 * H // 3, W // 4:3 * W // 4] < 100).any()  # the cells' words are still there


def test_last_row_open_at_a_page_break_with_rules_ending_apart_is_a_row():
    """A row the page break cut has no bottom border; on a flattened photo its rules end a few pixels apart."""
    img = np.full((1200, 1000), 235, np.uint8)
    xs, ys = [100, 400, 600, 900], [200, 300, 500]
    for y in ys:
        cv2.line(img, (100, y), (900, y), 20, 3)
    for x, end in zip(xs, [700, 703, 698, 701]):  # no border under the last row
        cv2.line(img, (x, 200), (x, end), 20, 3)
    (grid,) = table_grids(ruling_lines(img), 300)
    assert [[b is not None for b in row] for row in grid.rows] == [[True] * 3] * 3


def test_a_stamp_touching_a_table_from_below_draws_no_border():
    img = np.full((1200, 1000), 235, np.uint8)
    for y in (200, 300, 500):
        cv2.line(img, (100, y), (900, y), 20, 3)
    for x in (100, 400, 600, 900):
        cv2.line(img, (x, 200), (x, 500), 20, 3)
    cv2.circle(img, (700, 560), 62, 20, 3)  # a stamp's ring touching the table's bottom border
    (grid,) = table_grids(ruling_lines(img), 300)
    assert [len(r) for r in grid.rows] == [3, 3]
