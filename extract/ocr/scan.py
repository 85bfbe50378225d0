"""Scanned page images: deskew, ruling lines and the table grid.

Each step is a pure function over numpy images, so it can be inspected and
drawn (``--debug-dir`` draws the straightened, erased image with its grid,
:mod:`extract.ocr.debug`): :func:`skew_correction` → :func:`deskew` →
:func:`ruling_lines` → :func:`table_grids` (cells from the regions the lines
enclose, merged cells included) → :func:`erase_lines` (the image Tesseract
reads, without the table borders it would misread as ``|`` or ``l``).
Grids come out in pixels; :func:`grid_to_points` converts them to the PDF
points the rest of the pipeline uses.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import cv2
import numpy as np

from ita_extract.page import Box, Grid  #: Largest skew searched, in degrees; scanners and copiers tilt by 0.5–2°.
MAX_SKEW = 4.0
#: A ruling line is at least this long, as a share of the page width/height.
MIN_LINE_SHARE = 1 / 35
#: Tables narrower or lower than this (pixels at 300 dpi, scaled) are noise.
MIN_TABLE_W, MIN_TABLE_H = 300, 60
#: Cells smaller than this (pixels at 300 dpi, scaled) are line junctions.
MIN_CELL = 12


def _binary_ink(gray: np.ndarray) -> np.ndarray:
    """Ink as 255 on 0, robust to paper tone and uneven light."""
    return cv2.adaptiveThreshold(gray, 255, cv2.ADAPTIVE_THRESH_MEAN_C, cv2.THRESH_BINARY_INV, 31, 15)


#: Width (px) of the reduced image the skew is searched on, coarse then fine steps.
#: A coarse search on a 500-px image saved about 1.5 % of a page's time but moved
#: phone photos' angles (dev phone pages: lowest questions 88.9 -> 85.2 %, cause
#: CER 13.0 -> 17.2 %), so both searches use the same image.
SKEW_WIDTH = 1000
SKEW_COARSE_STEP, SKEW_FINE_STEP = 0.25, 0.025


def _sharpness(ink: np.ndarray) -> Callable[[float], float]:
    """How sharp the rows' profile of ``ink`` is once turned by an angle (degrees)."""
    center = (ink.shape[1] / 2, ink.shape[0] / 2)

    def sharpness(angle: float) -> float:
        m = cv2.getRotationMatrix2D(center, angle, 1.0)
        rot = cv2.warpAffine(ink, m, (ink.shape[1], ink.shape[0]), flags=cv2.INTER_NEAREST, borderValue=0)
        # rows' sums by OpenCV (a third of numpy's time): whole numbers, exact in
        # float64 as are their squared steps and the sum of those, whatever the order
        profile = cv2.reduce(rot, 1, cv2.REDUCE_SUM, dtype=cv2.CV_32S).ravel().astype(np.float64)
        return float(np.sum(np.diff(profile) ** 2))

    return sharpness


def _reduced_ink(gray: np.ndarray, width: int) -> np.ndarray:
    f = min(1.0, width / gray.shape[1])
    small = cv2.resize(gray, None, fx=f, fy=f, interpolation=cv2.INTER_AREA) if f < 1 else gray
    return _binary_ink(small)


def skew_correction(gray: np.ndarray) -> float:
    """The rotation (degrees, counter-clockwise positive) that straightens the page.

    Rows of text and table lines give the sharpest horizontal profile when
    the page is straight; search coarse, then fine, on a reduced image.
    """
    sharpness = _sharpness(_reduced_ink(gray, SKEW_WIDTH))
    best = max(np.arange(-MAX_SKEW, MAX_SKEW + 1e-9, SKEW_COARSE_STEP), key=sharpness)
    span = np.arange(best - SKEW_COARSE_STEP, best + SKEW_COARSE_STEP + 1e-9, SKEW_FINE_STEP)
    return float(max(span, key=sharpness))


def deskew(gray: np.ndarray, angle: float) -> np.ndarray:
    """The image rotated by ``angle`` degrees, paper-white corners."""
    if abs(angle) < 0.02:
        return gray
    h, w = gray.shape
    m = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
    return cv2.warpAffine(gray, m, (w, h), flags=cv2.INTER_LINEAR, borderValue=255)


@dataclass(frozen=True)
class Rulings:
    horizontal: np.ndarray  # 255 where a horizontal ruling line is
    vertical: np.ndarray
    #: straight strokes that are no rules (:func:`drop_floating`): no cell edges, but erased like rules
    #: before Tesseract reads the page (what it reads stays as it was)
    strokes: np.ndarray | None = None

    @property
    def mask(self) -> np.ndarray:
        return cv2.bitwise_or(self.horizontal, self.vertical)

    @property
    def erase_mask(self) -> np.ndarray:
        return self.mask if self.strokes is None else cv2.bitwise_or(self.mask, self.strokes)


def ruling_lines(gray: np.ndarray) -> Rulings:
    """Horizontal and vertical ruling lines, by morphological opening."""
    ink = _binary_ink(gray)
    h, w = gray.shape
    hk = cv2.getStructuringElement(cv2.MORPH_RECT, (max(15, int(w * MIN_LINE_SHARE)), 1))
    vk = cv2.getStructuringElement(cv2.MORPH_RECT, (1, max(15, int(h * MIN_LINE_SHARE * 0.7))))
    horizontal = _rule_runs(ink, hk, axis=1)
    vertical = _rule_runs(ink, vk, axis=0)
    # close small breaks (noise, residual tilt) along each direction
    horizontal = cv2.dilate(horizontal, cv2.getStructuringElement(cv2.MORPH_RECT, (9, 3)))
    vertical = cv2.dilate(vertical, cv2.getStructuringElement(cv2.MORPH_RECT, (3, 9)))
    every = cv2.bitwise_or(horizontal, vertical)
    # a signature's strokes cross each other: what stood on a dropped stroke floats in turn
    vertical = drop_floating(vertical, horizontal, axis=0)
    kept = drop_floating(horizontal, vertical, axis=1)
    if kept is not horizontal:
        horizontal, vertical = kept, drop_floating(vertical, kept, axis=0)
    return Rulings(horizontal, vertical, every)


#: Pixels across a rule whose rows (columns) are read as one when a rule's run is searched: a rule drawn a few
#: pixels thick keeps its length when each of its rows is broken (a fax-like page's threshold, then the page
#: turned straight, leaves one-pixel gaps, at other places in each row).
RULE_ACROSS = 3


def _rule_runs(ink: np.ndarray, kernel: np.ndarray, axis: int) -> np.ndarray:
    """Runs of ink at least ``kernel`` long along ``axis`` (1: rows, horizontal rules; 0: columns), each row
    (column) read together with its neighbours across (:data:`RULE_ACROSS`): a run broken in every row, at other
    places, is whole in their union. The union is narrowed back across: a rule is as thick as printed (ink
    touching it from above or below stays out), its breaks bridged; a rule unbroken comes out as a plain
    opening gives it.

    >>> ink = np.zeros((9, 60), np.uint8); ink[3:6, 5:55] = 255
    >>> for row, x in ((3, 12), (4, 17), (5, 22)):
    ...     ink[row, x:55:15] = 0   # each row broken every 15 px, no two rows at one place
    >>> k = cv2.getStructuringElement(cv2.MORPH_RECT, (20, 1))
    >>> int(np.count_nonzero(cv2.morphologyEx(ink, cv2.MORPH_OPEN, k))), int(np.count_nonzero(_rule_runs(ink, k, 1)))
    (0, 50)
    >>> text = np.zeros((9, 60), np.uint8); text[2:7, 5:14] = text[2:7, 16:25] = text[2:7, 27:36] = 255
    >>> int(np.count_nonzero(_rule_runs(text, k, 1)))  # glyphs side by side: the gaps stand in every row
    0
    """
    across = cv2.getStructuringElement(cv2.MORPH_RECT, (1, RULE_ACROSS) if axis == 1 else (RULE_ACROSS, 1))
    return cv2.erode(cv2.morphologyEx(cv2.dilate(ink, across), cv2.MORPH_OPEN, kernel), across)


#: A rule's end meets a crossing rule within this many pixels (at any resolution: the masks are dilated).
END_REACH = 6
#: Two rules are partners (drawn for the same row or column) when their ends lie this close, as a share of
#: their length (plus :data:`END_REACH`).
PARTNER_SHARE = 0.1


def drop_floating(lines: np.ndarray, crossing: np.ndarray, axis: int) -> np.ndarray:
    """``lines`` without the strokes that float: neither end meets a crossing rule and no other stroke runs
    beside them over the same span.

    A table's rule ends on the border or on a rule across it; the rules of a row
    whose borders a page break or the scan lost still run in parallel, from the
    same top to the same bottom. A signature's or a stamp's straight stroke does
    neither: taken for a rule, it cuts a cell in two and the table gains a
    column (or a row) that no other row has. ``axis`` 0: vertical lines, 1: horizontal.

    >>> v = np.zeros((60, 60), np.uint8); h = np.zeros_like(v)
    >>> h[5, :] = h[50, :] = 255; v[5:51, 5] = v[5:51, 55] = 255; v[15:40, 30] = 255
    >>> out = drop_floating(v, h, 0)
    >>> bool(out[20, 5]), bool(out[20, 55]), bool(out[20, 30])
    (True, True, False)
    >>> v2 = np.zeros_like(v); v2[15:40, 5] = v2[15:40, 30] = v2[15:40, 55] = 255  # a row without its borders
    >>> bool(drop_floating(v2, np.zeros_like(v), 0)[20, 30])
    True
    """
    # contours, not connected components: a hundred times faster on a sparse page-sized mask
    contours, _ = cv2.findContours(lines, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
    if not contours:
        return lines
    r = END_REACH
    boxes = np.array([cv2.boundingRect(c) for c in contours], np.int64).reshape(-1, 4)
    # the span along the line (top and bottom of a vertical line, left and right ends of a horizontal one)
    lo, hi = (boxes[:, 1], boxes[:, 1] + boxes[:, 3]) if axis == 0 else (boxes[:, 0], boxes[:, 0] + boxes[:, 2])
    floating = []
    for i, (x, y, w, h) in enumerate(boxes.tolist()):
        if axis == 0:
            ends = (crossing[max(0, y - r):y + r, max(0, x - r):x + w + r],
                    crossing[max(0, y + h - r):y + h + r, max(0, x - r):x + w + r])
        else:
            ends = (crossing[max(0, y - r):y + h + r, max(0, x - r):x + r],
                    crossing[max(0, y - r):y + h + r, max(0, x + w - r):x + w + r])
        if ends[0].any() or ends[1].any():
            continue
        tol = PARTNER_SHARE * (hi[i] - lo[i]) + r
        if np.count_nonzero((np.abs(lo - lo[i]) <= tol) & (np.abs(hi - hi[i]) <= tol)) > 1:  # itself and another
            continue
        floating.append(contours[i])
    if not floating:
        return lines
    out = lines.copy()
    cv2.drawContours(out, floating, -1, 0, thickness=cv2.FILLED)
    return out


def _cluster(values: list[float], tol: float) -> list[float]:
    out: list[list[float]] = []
    for v in sorted(values):
        if out and v - out[-1][-1] <= tol:
            out[-1].append(v)
        else:
            out.append([v])
    return [float(np.median(c)) for c in out]


#: An edge of a table's frame is searched for its border in a band of 1/BORDER_BAND of
#: the frame's height; the border is there when ink spans this share of the band's
#: width (a curled or tilted page bends the border away from the frame's box edge:
#: drawing a straight one across it would cut slivers of false cells).
BORDER_BAND, BORDER_PRESENT = 50, 0.6
#: The rules a drawn border joins span at least this share of the frame's width.
BORDER_SPAN = 0.5


def close_frame(frame: np.ndarray) -> np.ndarray:
    """A table's rulings with its top and bottom border drawn where the vertical rules end.

    The rule under a table's last row (at a page's foot, faint, or not drawn
    where the table goes on over a page break) can be lost while the column
    rules still run down to it: the last row would open onto the margin and
    be no cell. The border joins the ends of the rules that reach the frame's
    edge (within a band: a flattened photo's rules end a few pixels apart; the
    border is drawn where the first of them stops), from the first to the last of them, where
    no border runs near that edge already (a curved one on a phone photo stays
    as it is).

    >>> f = np.zeros((9, 9), np.uint8); f[0, :] = 255; f[:, 0] = f[:, 4] = f[:, 8] = 255; f[4, :] = 255
    >>> close_frame(f)[8].tolist() == [255] * 9, close_frame(f)[0].tolist() == [255] * 9
    (True, True)
    >>> g = np.zeros((60, 9), np.uint8); g[0, :] = 255; g[:58, 0] = g[:59, 4] = g[:, 8] = 255  # ends apart
    >>> close_frame(g)[57].tolist() == [255] * 9  # drawn where the first rule stops
    True
    """
    out = frame.copy()
    h = frame.shape[0]
    band = max(3, h // BORDER_BAND)
    for top in (True, False):
        near = frame[:band] if top else frame[h - band:][::-1]  # rows from the edge inwards
        # the rules that reach the edge's band: on a flattened photo they end a few pixels apart
        reach = near.any(axis=0)
        ends = np.flatnonzero(reach)
        if len(ends) < 2 or ends[-1] - ends[0] < BORDER_SPAN * frame.shape[1]:
            continue  # a stamp's or a streak's strokes below the table: no rules of its own
        inked = np.count_nonzero(reach) / max(1, ends[-1] - ends[0] + 1)
        if inked < BORDER_PRESENT:
            # where the rule that stops first ends: every rule reaching the band runs down to there
            depth = int(near[:, reach].argmax(axis=0).max())
            out[depth if top else h - 1 - depth, ends[0]:ends[-1] + 1] = 255
    return out


def components(mask: np.ndarray, connectivity: int) -> tuple[int, np.ndarray, np.ndarray]:
    """Connected components of a mask: their count (the background included), labels and stats.

    Labelled in 16 bits (a third of the time 32-bit labels take on a page-sized mask: less
    memory to write), the same labels; in 32 bits when there are too many for 16 (OpenCV
    refuses, it never wraps around).

    >>> m = np.zeros((5, 9), np.uint8); m[1:4, 1] = m[1:4, 5:8] = 255
    >>> n, labels, stats = components(m, 8); n, labels[2, 6], stats[2].tolist()
    (3, np.uint16(2), [5, 1, 3, 3, 9])
    """
    try:
        n, labels, stats, _ = cv2.connectedComponentsWithStatsWithAlgorithm(mask, connectivity, cv2.CV_16U,
                                                                             cv2.CCL_DEFAULT)
    except cv2.error:  # more than 65535 labels
        n, labels, stats, _ = cv2.connectedComponentsWithStats(mask, connectivity=connectivity)
    return n, labels, stats


def table_grids(rulings: Rulings, dpi: float) -> list[Grid]:
    """Tables as grids of cell boxes (pixels); a merged cell appears once."""
    k = dpi / 300.0
    mask = rulings.mask
    n, labels, stats = components(mask, 8)
    grids: list[Grid] = []
    for i in range(1, n):
        x, y, w, h, _ = stats[i]
        if w < MIN_TABLE_W * k or h < MIN_TABLE_H * k:
            continue
        frame = close_frame((labels[y:y + h, x:x + w] == i).astype(np.uint8) * 255)
        inside = cv2.bitwise_not(frame)
        m, _, cs = components(inside, 4)
        cells: list[Box] = []
        for j in range(1, m):
            cx, cy, cw, ch, area = cs[j]
            if cw < MIN_CELL * k or ch < MIN_CELL * k:
                continue
            if cx == 0 or cy == 0 or cx + cw >= w or cy + ch >= h:
                continue  # outside the frame (margins of the bounding box)
            cells.append((float(x + cx), float(y + cy), float(x + cx + cw), float(y + cy + ch)))
        if len(cells) < 2:
            continue
        tol = 10 * k
        ys = _cluster([c[1] for c in cells] + [c[3] for c in cells], tol)
        xs = _cluster([c[0] for c in cells] + [c[2] for c in cells], tol)

        def index(bounds: list[float], v: float) -> int:
            return int(np.argmin([abs(b - v) for b in bounds]))

        n_rows, n_cols = max(1, len(ys) - 1), max(1, len(xs) - 1)
        rows: list[list[Box | None]] = [[None] * n_cols for _ in range(n_rows)]
        for c in cells:
            r, col = min(index(ys, c[1]), n_rows - 1), min(index(xs, c[0]), n_cols - 1)
            rows[r][col] = c
        rows = merge_head_splits([r for r in rows if any(b is not None for b in r)], xs, tol)
        grids.append(Grid(bbox=(float(x), float(y), float(x + w), float(y + h)),
                          rows=tuple(tuple(r) for r in rows)))
    grids.sort(key=lambda g: g.bbox[1])
    return grids


#: A column edge that only the rows at a table's head draw is dropped when at least this many rows below span it.
HEAD_SPLIT_SPANNERS = 2
#: An edge that a run of rows inside the body draws is dropped when at least this many rows per drawing row span it
#: (a stamp's ring over a few rows: the column rules of a table run through all its rows).
STRAY_SPANNERS_PER_ROW = 3


def merge_head_splits(rows: list[list[Box | None]], xs: list[float], tol: float) -> list[list[Box | None]]:
    """Rows whose head cells a column edge of their own splits, with those cells joined.

    A stamp over a table's header row leaves straight strokes of its ring
    that pass for column rules there (a real rule runs on through the rows
    below): the header then has a column more than the body, the header's
    ``ข้อคำถาม`` stands over no question, and every row of the table is
    skipped for want of one. An edge that only rows above all the rows that
    span it (at least :data:`HEAD_SPLIT_SPANNERS`, each holding both of the head's
    cells beside the edge) draw is no column edge: the two cells beside
    it in those rows are one. On a phone photo of a curved page, the head's
    edges stand apart from the body's; a body cell that ends short of the
    head's cell is no reason to join it.

    A ring stamped over the body does the same to the few rows it covers:
    an edge that a run of rows draws, with no row spanning it inside the
    run, and that :data:`STRAY_SPANNERS_PER_ROW` times as many rows span
    around the run, is no column edge either.

    >>> head = [(0, 0, 40, 10), (40, 0, 100, 10), (100, 0, 120, 10)]
    >>> body = [[(0, 10, 100, 20), None, (100, 10, 120, 20)], [(0, 20, 100, 30), None, (100, 20, 120, 30)]]
    >>> merge_head_splits([head] + body, [0, 40, 100, 120], 3)[0]
    [(0, 0, 100, 10), None, (100, 0, 120, 10)]
    >>> merge_head_splits([head, head] + body, [0, 40, 100, 120], 3)[1]
    [(0, 0, 100, 10), None, (100, 0, 120, 10)]
    >>> curved = [[(0, 10, 52, 20), None, (52, 10, 120, 20)], [(0, 20, 52, 30), None, (52, 20, 120, 30)]]
    >>> merge_head_splits([head] + curved, [0, 40, 100, 120], 3)[0] == head   # the body's cells end short of it
    True
    >>> body[1][1:] = [(40, 20, 100, 30), (100, 20, 120, 30)]   # a body row draws the edge too: it stays
    >>> merge_head_splits([head] + body, [0, 40, 100, 120], 3)[0] == head
    True
    >>> span = lambda y: [(0, y, 100, y + 10), None, (100, y, 120, y + 10)]
    >>> stamped = [(0, 30, 40, 40), (40, 30, 100, 40), (100, 30, 120, 40)]   # a ring's stroke in the fourth row
    >>> merge_head_splits([span(0), span(10), span(20), stamped, span(40)], [0, 40, 100, 120], 3)[3]
    [(0, 30, 100, 40), None, (100, 30, 120, 40)]
    >>> merge_head_splits([span(0), stamped, span(40)], [0, 40, 100, 120], 3)[1] == stamped  # only two span it
    True
    """
    out = [list(r) for r in rows]
    for j in range(1, len(xs) - 1):
        users = [r for r, row in enumerate(out) if j < len(row) and row[j] is not None]
        spans = {r: b for r, row in enumerate(out) for b in row[:j]
                 if b is not None and b[0] < xs[j] - tol and b[2] > xs[j] + tol}
        if not users or len(spans) < HEAD_SPLIT_SPANNERS:
            continue
        at_head = max(users) < min(spans)
        stray = (len(spans) >= STRAY_SPANNERS_PER_ROW * len(users)
                 and not any(min(users) < r < max(users) for r in spans))
        if not (at_head or stray):
            continue
        for r in users:
            row = out[r]
            left = next((i for i in range(j - 1, -1, -1) if row[i] is not None), None)
            if left is None:
                continue
            a, b = row[left], row[j]
            if sum(s[0] <= a[0] + tol and s[2] >= b[2] - tol for s in spans.values()) < HEAD_SPLIT_SPANNERS:
                continue  # the body's cells do not hold both: a curved page's edges or a head over two columns
            row[left] = (min(a[0], b[0]), min(a[1], b[1]), max(a[2], b[2]), max(a[3], b[3]))
            row[j] = None
    return out


def grid_to_points(grid: Grid, scale: float) -> Grid:
    """A pixel grid in PDF points (``scale`` = points per pixel)."""
    def s(b: Box | None) -> Box | None:
        return None if b is None else (b[0] * scale, b[1] * scale, b[2] * scale, b[3] * scale)

    return Grid(bbox=s(grid.bbox), rows=tuple(tuple(s(b) for b in r) for r in grid.rows))


def erase_lines(gray: np.ndarray, rulings: Rulings) -> np.ndarray:
    """The image with ruling lines painted paper-white."""
    out = gray.copy()
    # widen the mask: blur and JPEG leave a grey halo that OCR reads as "|", "a" or "/"
    wide = cv2.dilate(rulings.erase_mask, cv2.getStructuringElement(cv2.MORPH_RECT, (5, 5)))
    out[wide > 0] = 255
    return out


# --- a bent page (phone photos): ruling lines straightened ----------------------------------

#: A ruling line measures the page's bend when it is at least this long, as a share of the page's width
#: (horizontal lines) or height (vertical lines).
BEND_LINE_SHARE = 0.08
#: Points sampled along a ruling line every this many pixels.
BEND_STEP = 8
#: The bend is measured from at least this many ruling lines of a direction (fewer: that direction is
#: left as it is).
BEND_MIN_LINES = 3
#: A page whose lines the fitted bend would move by less than this (pixels at 300 dpi, scaled) anywhere
#: is flat: it is left unresampled (a scanner's page, straight once deskewed).
BEND_MIN_PX = 2.5
#: A fitted bend moving a point by more than this share of the page is no page's: it is not applied.
BEND_MAX_SHARE = 0.06
#: Lines this close to the image's border (share of its smaller side) are the sheet's edge, no ruling.
BEND_EDGE_SHARE = 0.02
#: Ridge weight of the fit: a bend without evidence (page regions without lines) stays small.
BEND_RIDGE = 1e-3
#: A line fitting worse than this many pixels (RMS, at 300 dpi, scaled) is no ruling line of the page (a
#: stroke of a stamp or signature): the worst such is dropped and the bend fitted again, at most
#: :data:`BEND_ROUNDS` times.
BEND_OUTLIER_PX = 4.0
BEND_ROUNDS = 4


@dataclass(frozen=True)
class Bend:
    """How a page is bent: polynomial displacements (pixels) of its points off straight.

    A point at ``(x, y)`` of the photo stands at ``(x - dx, y - dy)`` on the flat
    page; ``dy`` and ``dx`` are sums of :func:`_bend_terms` with these weights, in
    coordinates scaled to -1..1 over the image (``shape``).
    """

    dy: np.ndarray
    dx: np.ndarray
    shape: tuple[int, int]
    #: (x0, y0, x1, y1) of the lines each displacement was measured on: beyond them it is not known,
    #: and the polynomial is taken at the nearest point inside (no wild extrapolation into the margins)
    dy_box: tuple[float, float, float, float] = (0.0, 0.0, 0.0, 0.0)
    dx_box: tuple[float, float, float, float] = (0.0, 0.0, 0.0, 0.0)

    def at(self, x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """``(dx, dy)`` at pixel coordinates ``x``, ``y``."""
        h, w = self.shape

        def scaled(box):
            cx, cy = np.clip(x, box[0], box[2]), np.clip(y, box[1], box[3])
            return (cx - w / 2) / (w / 2), (cy - h / 2) / (h / 2)

        (ux, vx), (uy, vy) = scaled(self.dx_box), scaled(self.dy_box)
        return _bend_terms(vx, ux) @ self.dx, _bend_terms(uy, vy) @ self.dy


def _bend_terms(along: np.ndarray, across: np.ndarray) -> np.ndarray:
    """The displacement's terms across a line, as functions of the position along it and across it.

    No term depends on the position across alone: a shift that is the same
    all along every line moves lines, never bends them (and would let the fit
    fold every line onto one). Cubic along the line (a curl's bulge, a turn),
    up to quadratic across it (perspective: lines converge).
    """
    a, c = np.asarray(along, np.float64), np.asarray(across, np.float64)
    # products, not ``a ** 3``: numpy's power is CPU-chosen code (SVML on AVX-512) whose last bits differ by machine
    a2 = a * a
    a3 = a2 * a
    return np.stack([a, a2, a3, a * c, a2 * c, a3 * c, a * c * c, a2 * c * c], axis=-1)


def _line_samples(mask: np.ndarray, axis: int, min_len: float) -> list[tuple[np.ndarray, np.ndarray]]:
    """Ruling lines of ``mask`` as (positions along, mean positions across) sampled every :data:`BEND_STEP`.

    ``axis`` 1: horizontal lines (along = x); 0: vertical lines (along = y).
    A line's outline runs along both its edges: the mean of the outline's
    points in a step is the line's middle there (contours: a tenth of the
    time connected components take on a page-sized mask).
    """
    contours, _ = cv2.findContours(mask, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_NONE)
    out = []
    height, width = mask.shape
    edge = BEND_EDGE_SHARE * min(height, width)
    for c in contours:
        x, y, w, h = cv2.boundingRect(c)
        if (w if axis == 1 else h) < min_len:
            continue
        if min(x, y) < edge or x + w > width - edge or y + h > height - edge:
            continue  # the sheet's edge against the desk, or the paper-white corners deskew filled in
        pts = c.reshape(-1, 2).astype(np.float64)
        along, across = (pts[:, 0], pts[:, 1]) if axis == 1 else (pts[:, 1], pts[:, 0])
        bins = ((along - along.min()) // BEND_STEP).astype(np.int64)
        count = np.bincount(bins)
        keep = count > 0
        pos = np.bincount(bins, weights=along)[keep] / count[keep]
        mid = np.bincount(bins, weights=across)[keep] / count[keep]
        if len(pos) >= 3:
            out.append((pos, mid))
    return out


def _extent(lines: list[tuple[np.ndarray, np.ndarray]], axis: int) -> tuple[float, float, float, float]:
    """(x0, y0, x1, y1) of the samples of ``lines`` (``axis`` as in :func:`_line_samples`)."""
    if not lines:
        return (0.0, 0.0, 0.0, 0.0)
    along = np.concatenate([a for a, _ in lines])
    across = np.concatenate([c for _, c in lines])
    xs, ys = (along, across) if axis == 1 else (across, along)
    return (float(xs.min()), float(ys.min()), float(xs.max()), float(ys.max()))


def _fit_across(lines: list[tuple[np.ndarray, np.ndarray]], scale_along: float, scale_across: float,
                outlier: float) -> np.ndarray | None:
    """Weights of :func:`_bend_terms` that make every line straight (its across position constant).

    Each line's own constant is free (lines stand where they stand): the fit
    is of each line's deviation from its mean. Lines fitting badly are
    dropped, the worst first, and the fit repeated.
    """
    def solve(ls):
        if len(ls) < BEND_MIN_LINES:
            return None
        rows, rhs = [], []
        for along, across in ls:
            t = _bend_terms((along - scale_along) / scale_along, (across - scale_across) / scale_across)
            rows.append(t - t.mean(axis=0))
            rhs.append(across - across.mean())
        a, b = np.concatenate(rows), np.concatenate(rhs)
        lam = BEND_RIDGE * len(b)
        return np.linalg.solve(a.T @ a + lam * np.eye(a.shape[1]), a.T @ b)

    def rms(line, coef):
        along, across = line
        t = _bend_terms((along - scale_along) / scale_along, (across - scale_across) / scale_across)
        r = across - t @ coef
        return float(np.sqrt(np.mean((r - r.mean()) ** 2)))

    for _ in range(BEND_ROUNDS):
        coef = solve(lines)
        if coef is None:
            return None
        errors = [rms(ln, coef) for ln in lines]
        worst = max(errors)
        if worst <= outlier:
            return coef
        # the worst goes first: one stroke far off pulls the fit, and good lines with it
        lines = [ln for ln, e in zip(lines, errors) if e < worst]
    return solve(lines)


def page_bend(rulings: Rulings, dpi: float) -> Bend | None:
    """The bend of a photographed page, measured on its ruling lines; ``None`` when it is flat.

    A phone photo of a page is seen in perspective and the paper curls: ruling
    lines converge and bow, so one rotation cannot straighten them all. Every
    horizontal rule should be straight and level, every vertical one straight
    and upright; the bend is the smooth displacement (:func:`_bend_terms`) that
    makes them so, fitted by least squares. Flat pages (scanners) give a bend
    under :data:`BEND_MIN_PX` and are left untouched.
    """
    h, w = rulings.horizontal.shape
    k = dpi / 300.0
    horizontal = _line_samples(rulings.horizontal, 1, BEND_LINE_SHARE * w)
    vertical = _line_samples(rulings.vertical, 0, BEND_LINE_SHARE * h)
    outlier = BEND_OUTLIER_PX * k
    dy = _fit_across(horizontal, w / 2, h / 2, outlier)
    dx = _fit_across(vertical, h / 2, w / 2, outlier)
    if dy is None and dx is None:
        return None
    zero = np.zeros(len(_bend_terms(np.zeros(1), np.zeros(1))[0]))
    bend = Bend(zero if dy is None else dy, zero if dx is None else dx, (h, w),
                _extent(horizontal, 1), _extent(vertical, 0))
    gy, gx = np.mgrid[0:h:max(1, h // 40), 0:w:max(1, w // 40)].astype(np.float64)
    mx, my = bend.at(gx, gy)
    most = max(float(np.abs(mx).max()), float(np.abs(my).max()))
    if most < BEND_MIN_PX * k or most > BEND_MAX_SHARE * max(h, w):
        return None
    return bend


def unbend(gray: np.ndarray, bend: Bend, angle: float = 0.0) -> np.ndarray:
    """The page image flattened: each pixel taken from where the bend moved it (paper-white outside).

    ``bend`` was measured on the image turned by ``angle`` (:func:`deskew`);
    given the image as photographed, the turn and the flattening are one
    resampling (each resampling blurs the thin strokes of Thai marks).
    """
    h, w = gray.shape
    step = 16  # the bend is smooth: computed on a coarse grid, interpolated between
    # at the centres of step × step blocks, where cv2.resize puts its source points
    at = (step - 1) / 2
    gy, gx = np.meshgrid(np.arange(0, h + step, step) + at, np.arange(0, w + step, step) + at, indexing="ij")
    sx, sy = gx.copy(), gy.copy()
    for _ in range(3):  # the displacement is known at the photo's points: find the point that lands here
        dx, dy = bend.at(sx, sy)
        sx, sy = gx + dx, gy + dy
    # the displacement (smooth) interpolated to every pixel, the identity added there exactly
    full = gx.shape[1] * step, gx.shape[0] * step
    map_x = cv2.resize((sx - gx).astype(np.float32), full, interpolation=cv2.INTER_LINEAR)[:h, :w]
    map_y = cv2.resize((sy - gy).astype(np.float32), full, interpolation=cv2.INTER_LINEAR)[:h, :w]
    map_x += np.arange(w, dtype=np.float32)[None, :]
    map_y += np.arange(h, dtype=np.float32)[:, None]
    if abs(angle) >= 0.02:  # as deskew turns: back from the turned image to the photo
        inv = cv2.invertAffineTransform(cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0))
        map_x, map_y = _affine_map(map_x, map_y, inv)
    return cv2.remap(gray, np.ascontiguousarray(map_x), np.ascontiguousarray(map_y), cv2.INTER_LINEAR,
                     borderMode=cv2.BORDER_CONSTANT, borderValue=255)


#: Rows of a map turned at a time by :func:`_affine_map` (its float64 temporaries stay in the cache).
AFFINE_ROWS = 32


def _affine_map(map_x: np.ndarray, map_y: np.ndarray, m: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """``m`` (2 × 3) applied to every point of the maps, in float64, stored as float32.

    Block by block of :data:`AFFINE_ROWS` rows: the same operations, in the same
    order, as on the whole maps at once (so the same values), at a third of the
    time whole-page float64 temporaries take.

    >>> mx, my = np.array([[1.5, 2.0]], np.float32), np.array([[3.0, -1.25]], np.float32)
    >>> m = np.array([[0.5, -2.0, 10.0], [1.0, 0.25, -3.0]])
    >>> ox, oy = _affine_map(mx, my, m)
    >>> ox.tolist(), oy.tolist(), ox.dtype.name
    ([[4.75, 13.5]], [[-0.75, -1.3125]], 'float32')
    """
    (a, b, c), (d, e, f) = m
    out_x, out_y = np.empty(map_x.shape, np.float32), np.empty(map_y.shape, np.float32)
    for r in range(0, map_x.shape[0], AFFINE_ROWS):
        x, y = map_x[r:r + AFFINE_ROWS], map_y[r:r + AFFINE_ROWS]
        out_x[r:r + AFFINE_ROWS] = a * x + b * y + c
        out_y[r:r + AFFINE_ROWS] = d * x + e * y + f
    return out_x, out_y


#: The desk around a photographed sheet is darker than this share of the paper's tone (the paper's 90th
#: percentile); a vignette darkens paper at the corners to about 0.7 of it, desks stand at 0.3-0.6.
DESK_SHARE = 0.6
#: The desk's tone is judged on the image reduced by this factor (smoothed: grain and ink wash out).
DESK_REDUCE = 8


def desk_mask(gray: np.ndarray) -> np.ndarray:
    """255 where a photo shows the desk around the sheet: dark regions that reach the image's border.

    A phone photo of a page shows the desk beside the sheet; the sheet's
    edge against it reads as a column of ``|`` and ``l`` to Tesseract, and
    those words beside a table make a column of their own.

    >>> g = np.full((400, 300), 200, np.uint8); g[:, 270:] = 80; g[100:110, 50:150] = 20  # desk, ink
    >>> m = desk_mask(g); bool(m[200, 290]), bool(m[105, 100]), bool(m[200, 150])
    (True, False, False)
    """
    h, w = gray.shape
    small = cv2.resize(gray, (max(1, w // DESK_REDUCE), max(1, h // DESK_REDUCE)), interpolation=cv2.INTER_AREA)
    small = cv2.medianBlur(small, 5)
    dark = (small < DESK_SHARE * np.percentile(small, 90)).astype(np.uint8) * 255
    n, labels, stats = components(dark, 4)
    sh, sw = small.shape
    desk = np.zeros_like(dark)
    for i in range(1, n):
        x, y, bw, bh, _ = stats[i]
        if x == 0 or y == 0 or x + bw >= sw or y + bh >= sh:
            desk[labels == i] = 255
    desk = cv2.dilate(desk, cv2.getStructuringElement(cv2.MORPH_RECT, (3, 3)))  # the sheet's blurred edge
    return cv2.resize(desk, (w, h), interpolation=cv2.INTER_NEAREST)


def without_desk(gray: np.ndarray) -> np.ndarray:
    """The photo with the desk around the sheet painted paper-white (:func:`desk_mask`)."""
    mask = desk_mask(gray)
    if not mask.any():
        return gray
    out = gray.copy()
    out[mask > 0] = 255
    return out


# --- toner streaks: grey bands down the page, the print over them ------------------------------------------------

#: A column's paper tone is this percentile of its pixels (print covers far less of a column than this leaves).
STREAK_PAPER_PERCENTILE = 80
#: The paper tone around a column: the median of the columns' tones over this width (mm).
STREAK_BASE_MM = 8.0
#: A band of columns whose paper is darker than around it by at least this many grey levels ...
STREAK_MIN_DIP = 12.0
#: ... at least this wide (mm: a streak of toner as thin as a rule is still one; what tells a table's grey rule
#: from it is the page's margins, below) ...
STREAK_MIN_MM = 0.4
#: ... nowhere darker than this share of the paper around it (a band darker somewhere is print, a rule running
#: the page's height, never lightened) ...
STREAK_DEEPEST = 0.55
#: ... and running the sheet's length: as dark, by half :data:`STREAK_MIN_DIP` at least, in the page's top and
#: bottom margins (this share of its height each), where no table's rule reaches, is a toner streak. A thin rule
#: a blur made grey (150 dpi, phone photos) is none.
STREAK_MARGIN = 0.08


def _paper_around(tone: np.ndarray, k: int) -> np.ndarray:
    """The median of a profile of column tones over ``k`` columns around each (odd ``k``, 255 at most)."""
    return cv2.medianBlur(np.clip(tone, 0, 255).astype(np.uint8)[None, :], min(k, 255)).astype(np.float32)[0]


def without_streaks(gray: np.ndarray, dpi: float) -> np.ndarray:
    """The page with toner streaks (vertical grey bands along the paper path) lightened to the paper around them,
    the print over them darkened alike: each column of a streak scaled by the paper's tone around it over its own.

    Thresholds taken between paper and the rest (Otsu's, on a cell) made a streak ink and the digits on it one blob
    with it (``0.00`` for ``100.00`` with its ``10`` on a band). Print darker than :data:`STREAK_DEEPEST` of the
    paper, and grey bands that do not run into the page's top and bottom margins (a table's rule, blurred) are
    left as they are; a page without streaks is returned unchanged.

    >>> page = np.full((400, 300), 210, np.uint8); page[:, 100:120] = 160; page[50:80, 105:110] = 40
    >>> page[:, 200:204] = 30  # a rule
    >>> out = without_streaks(page, 300); int(out[10, 110]), int(out[60, 107]) < 80, int(out[10, 202])
    (210, True, 30)
    >>> grey_rule = np.full((400, 300), 210, np.uint8); grey_rule[60:340, 100:108] = 160  # a table's rule, blurred
    >>> without_streaks(grey_rule, 300) is grey_rule
    True
    """
    if gray.size == 0:
        return gray
    mm = dpi / 25.4
    step = max(1, gray.shape[0] // 600)  # a sample of rows: the tone of a column needs no more
    paper = np.percentile(gray[::step], STREAK_PAPER_PERCENTILE, axis=0).astype(np.float32)
    k = max(3, int(STREAK_BASE_MM * mm) | 1)
    base = _paper_around(paper, k)
    dip = (base - paper) >= STREAK_MIN_DIP
    if not dip.any():
        return gray
    out = None
    margin = max(1, int(STREAK_MARGIN * gray.shape[0]))
    # each margin's dip against its own paper around (a photo's or a lid's shading darkens a margin throughout)
    top, bottom = (np.percentile(rows, STREAK_PAPER_PERCENTILE, axis=0).astype(np.float32)
                   for rows in (gray[:margin], gray[-margin:]))
    top_dip, bottom_dip = (_paper_around(t, k) - t for t in (top, bottom))
    edges = np.flatnonzero(np.diff(np.concatenate(([0], dip.astype(np.int8), [0]))))
    for a, b in zip(edges[::2], edges[1::2]):
        if b - a < STREAK_MIN_MM * mm or a == 0 or b == len(paper) \
                or (paper[a:b] < STREAK_DEEPEST * base[a:b]).any():
            continue  # too narrow, at the image's edge (a scanner's shadow), or print
        if min(float(np.mean(top_dip[a:b])), float(np.mean(bottom_dip[a:b]))) < STREAK_MIN_DIP / 2:
            continue  # not down the sheet's length: a rule of a table, made grey by blur
        if out is None:
            out = gray.astype(np.float32)
        out[:, a:b] *= (base[a:b] / np.maximum(paper[a:b], 1.0))[None, :]
    return gray if out is None else np.clip(out, 0, 255).astype(np.uint8)
