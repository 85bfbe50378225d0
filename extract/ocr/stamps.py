"""Round rubber stamps on a scanned page: their rings found and taken off the page.

An agency's receiving stamp (``ได้รับแล้ว / เลขที่ / วันที่``) is one or two
concentric rings 25-45 mm across, pressed anywhere, often over a table. Its
ring crosses rules and digits: an arc down a cell is taken for a column rule
(a header row split into five cells is no header), and a ring through a score
joins its digits into one blob no class fits.

A ring is found by its shape alone: a circle (OpenCV's Hough transform on the
page reduced to :data:`RING_DPI`) whose circumference is inked nearly all
round (:data:`RING_COVERAGE`); no rule, text line or table corner is. Print is
never a circle that size. The ring's band is then painted paper, except print
as dark as the page's own, where the stamp is lighter (ink on ink keeps the
print: on a binarized page nothing tells them apart, and the band is painted
whole).
"""
from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

import cv2
import numpy as np

from extract.ocr.engine import OcrWord
from extract.ocr.scan import components
from ita_extract.page import Grid
from normalize.thaichars import DIGITS, LETTERS, charset

__all__ = ["Ring", "lettering_beside_number", "stamp_lettering", "stamp_rings", "without_rings"]

#: The page is searched for rings reduced to this resolution (dpi).
RING_DPI = 75.0
#: Radii (mm) of the rings looked for: stamps 20-50 mm across.
RING_RADIUS_MM = (10.0, 25.0)
#: A circle is a stamp's ring when ink lies on it at this share of its circumference at least
#: (stamps 0.81-1.0 on dev scans; circles through print at most 0.64).
RING_COVERAGE = 0.75
#: Rings inside or round a ring found, of the same centre, the one's radius this share of the other's, are the
#: stamp's too, inked at this share of their circumference (a thinner, fainter ring).
INNER_SHARE = (0.55, 0.95)
INNER_COVERAGE = 0.6
#: The reduced page blurs a thin ring: a circle is looked at on the page when this share of
#: :data:`RING_COVERAGE` of its circumference is inked there.
COARSE_SHARE = 0.8
#: Circles inked round within this share of the best one's share are as good (a thick ring).
TIE = 0.01
#: A ring whose circle lies this share on the page at least (the rest pressed over its edge) is looked at.
ON_PAGE = 0.6
#: Points sampled round a circle.
SAMPLES = 360
#: How perfect a circle OpenCV's Hough transform (``HOUGH_GRADIENT_ALT``) must find, 0-1 (low: the coverage
#: decides), and its edge threshold.
HOUGH_PERFECT, HOUGH_EDGES = 0.3, 100.0
#: Half the band (pixels at :data:`RING_DPI`) within which a circle's points look for ink.
COARSE_BAND = 1
#: A ring's band on the page: the offsets from its radius whose share of inked points is at least this
#: share of the ring's peak, and this many pixels more each side at 300 dpi (the scan's soft edge).
BAND_SHARE = 0.3
BAND_MARGIN_300 = 2
#: Print darker than the ring's own tone by this many grey levels, in strokes that reach out of the band, stays
#: where the band is painted paper.
PRINT_MARGIN = 40.0

_ANGLES = np.linspace(0.0, 2 * np.pi, SAMPLES, endpoint=False)
# math's cos and sin (the C library's), not numpy's, whose code and last bits depend on the CPU
_COS = np.array([math.cos(a) for a in _ANGLES])
_SIN = np.array([math.sin(a) for a in _ANGLES])


@dataclass(frozen=True)
class Ring:
    """A stamp's ring on the page (pixels): centre, radius, and the band's reach inside and outside it."""

    x: float
    y: float
    r: float
    inner: int
    outer: int


#: Ink is what is this many grey levels darker than the paper around it (its lightest tone within
#: :data:`PAPER_MM`): a stamp in red or blue ink scans far lighter than the print, and a phone photo's light
#: falls unevenly.
RING_CONTRAST = 40
PAPER_MM = 3.0


def _paper(gray: np.ndarray, dpi: float) -> np.ndarray:
    """The paper's tone round each pixel: the lightest within :data:`PAPER_MM`."""
    k = max(3, int(round(PAPER_MM * dpi / 25.4)) | 1)
    return cv2.dilate(gray, cv2.getStructuringElement(cv2.MORPH_RECT, (k, k)))


def _ink(gray: np.ndarray, dpi: float) -> np.ndarray:
    """1 where the crop is inked (:data:`RING_CONTRAST` darker than its paper around), else 0."""
    return (_paper(gray, dpi).astype(np.int16) - gray > RING_CONTRAST).astype(np.uint8)


def _around(shape: tuple[int, ...], x: float, y: float, r: float, pad: float) -> tuple[int, int, int, int]:
    """The box (x0, y0, x1, y1) of a circle and ``pad`` pixels round it, within the page."""
    H, W = shape[:2]
    return (max(0, int(x - r - pad)), max(0, int(y - r - pad)),
            min(W, int(np.ceil(x + r + pad)) + 1), min(H, int(np.ceil(y + r + pad)) + 1))


def _coverage(ink: np.ndarray, x: np.ndarray, y: np.ndarray, r: np.ndarray, band: int) -> np.ndarray:
    """The share of :data:`SAMPLES` points round each circle (arrays of centres and radii) that find ink within
    ``band`` pixels across the circle, of the points on the image (a stamp pressed over the page's edge); 0 for a
    circle less than :data:`ON_PAGE` on it."""
    H, W = ink.shape
    px, py = x[:, None] + r[:, None] * _COS, y[:, None] + r[:, None] * _SIN
    inside = (px >= 0) & (px <= W - 1) & (py >= 0) & (py <= H - 1)
    hit = np.zeros((len(r), SAMPLES), bool)
    for d in range(-band, band + 1):
        xs = np.clip(np.rint(px + d * _COS), 0, W - 1).astype(np.intp)
        ys = np.clip(np.rint(py + d * _SIN), 0, H - 1).astype(np.intp)
        hit |= ink[ys, xs] > 0
    on = inside.sum(axis=1)
    return np.where(on >= ON_PAGE * SAMPLES, (hit & inside).sum(axis=1) / np.maximum(on, 1), 0.0)


def _profile(ink: np.ndarray, x: float, y: float, r: float, reach: int) -> np.ndarray:
    """The share of inked points round the circle at each offset -reach..reach from radius ``r``."""
    offsets = np.arange(-reach, reach + 1, dtype=float)
    return _coverage(ink, np.full(offsets.size, x), np.full(offsets.size, y), r + offsets, 0)


def _refined(ink: np.ndarray, x: float, y: float, r: float, reach: float) -> tuple[float, float, float, float]:
    """The circle within ``reach`` pixels of (x, y, r) (centre and radius) that the most points round it find
    ink on, searched coarse to fine, and that share."""
    reach_px = max(1, int(np.ceil(reach)))
    step = max(1, reach_px // 4)
    while True:
        grid = np.arange(-reach_px, reach_px + 1, step, dtype=float)
        dx, dy, dr = (a.ravel() for a in np.meshgrid(grid, grid, grid, indexing="ij"))
        cov = _coverage(ink, x + dx, y + dy, r + dr, 0)
        # a ring drawn thick is inked all round from several centres: the middle of those
        tied = cov >= cov.max() - TIE
        x, y, r = x + float(dx[tied].mean()), y + float(dy[tied].mean()), r + float(dr[tied].mean())
        if step == 1:
            return x, y, r, float(_coverage(ink, np.array([x]), np.array([y]), np.array([r]), 1)[0])
        reach_px, step = step, max(1, step // 2)


def _band(ink: np.ndarray, x: float, y: float, r: float, dpi: float) -> tuple[int, int]:
    reach = max(3, int(round(2.0 * dpi / 25.4)))  # 2 mm either side
    prof = _profile(ink, x, y, r, reach)
    peak = float(prof.max())
    inked = np.flatnonzero(prof >= BAND_SHARE * peak) - reach
    # the contiguous offsets around the radius itself
    lo, hi = 0, 0
    while lo - 1 in inked:
        lo -= 1
    while hi + 1 in inked:
        hi += 1
    margin = max(1, int(round(BAND_MARGIN_300 * dpi / 300.0)))
    return -lo + margin, hi + margin


def stamp_rings(gray: np.ndarray, dpi: float) -> list[Ring]:
    """The rings of the round stamps on a page image (none for most pages, and none on an image smaller than the
    smallest stamp).

    >>> stamp_rings(np.full((1, 500), 0, np.uint8), 300.0), stamp_rings(np.full((10, 10), 255, np.uint8), 300.0)
    ([], [])
    """
    if min(gray.shape[:2]) < 2 * RING_RADIUS_MM[0] * dpi / 25.4:
        return []
    f = min(1.0, RING_DPI / dpi)
    small = cv2.resize(gray, None, fx=f, fy=f, interpolation=cv2.INTER_AREA) if f < 1.0 else gray
    mm = dpi * f / 25.4
    lo, hi = (int(round(v * mm)) for v in RING_RADIUS_MM)
    found = cv2.HoughCircles(cv2.GaussianBlur(small, (3, 3), 0), cv2.HOUGH_GRADIENT_ALT, dp=1.5,
                             minDist=max(1, lo // 2), param1=HOUGH_EDGES, param2=HOUGH_PERFECT, minRadius=lo, maxRadius=hi)
    if found is None:
        return []
    c = found[0].astype(float)
    cov = _coverage(_ink(small, dpi * f), c[:, 0], c[:, 1], c[:, 2], COARSE_BAND)
    sure = cov >= RING_COVERAGE * COARSE_SHARE
    rings: list[Ring] = []
    pad = 3.0 * dpi / 25.4
    for x, y, r in c[sure][np.argsort(-cov[sure])]:
        x, y, r = x / f, y / f, r / f
        if any(np.hypot(x - o.x, y - o.y) < o.r for o in rings):
            continue
        x0, y0, x1, y1 = _around(gray.shape, x, y, r / INNER_SHARE[0], pad)
        ink = _ink(gray[y0:y1, x0:x1], dpi)
        x, y, r, share = _refined(ink, x - x0, y - y0, r, 2 / f)  # the Hough's cells at dp 1.5
        if share < RING_COVERAGE:
            continue
        inner, outer = _band(ink, x, y, r, dpi)
        found_rings = [Ring(x + x0, y + y0, r, inner, outer)]
        # the stamp's other rings: same centre, inside or round the one found (the Hough may find either)
        radii = np.concatenate([np.arange(INNER_SHARE[0] * r, INNER_SHARE[1] * r),
                                np.arange(r / INNER_SHARE[1], min(r / INNER_SHARE[0], RING_RADIUS_MM[1] * dpi / 25.4))])
        prof = _coverage(ink, np.full(radii.size, x), np.full(radii.size, y), radii, 1)
        for i in np.argsort(-prof):
            if prof[i] < INNER_COVERAGE:
                break
            ri = float(radii[i])
            if all(abs(ri - o.r) > o.inner + o.outer for o in found_rings):
                a, b = _band(ink, x, y, ri, dpi)
                found_rings.append(Ring(x + x0, y + y0, ri, a, b))
        rings += found_rings
    return rings


def without_rings(gray: np.ndarray, rings: list[Ring], dpi: float, rules: tuple[np.ndarray, ...] = ()) -> np.ndarray:
    """The page with each ring's band painted paper; print darker than the ring's own tone stays, and so do the
    ``rules`` (masks of the page's ruling lines: horizontal, vertical) that reach out of the band: a table's rule
    crosses the ring, an arc taken for a rule lies along it."""
    if not rings:
        return gray
    out = gray.copy()
    crossing = [_crossing_rules(mask, rings, dpi) for mask in rules]
    for ring in rings:
        x0, y0, x1, y1 = _around(gray.shape, ring.x, ring.y, ring.r, ring.outer + 3.0 * dpi / 25.4)
        view = out[y0:y1, x0:x1]
        around = _paper(view, dpi)
        ink = (around.astype(np.int16) - view > RING_CONTRAST)
        if not ink.any() or ink.all():
            continue
        # painted the paper's own tone where it lies (uneven light): the lightest round it, less the grain
        paper = np.clip(around.astype(np.int16) - int(np.median(around[~ink]) - np.median(view[~ink])), 0, 255)
        dark = float(np.percentile(view[ink], 5))
        yy, xx = np.mgrid[y0:y1, x0:x1]
        d = np.hypot(xx - ring.x, yy - ring.y) - ring.r
        band = (d >= -ring.inner) & (d <= ring.outer)
        stamp = band & ink
        tone = float(np.median(view[stamp])) if stamp.any() else dark
        keep = _print_across(view < tone - PRINT_MARGIN, band, ring.inner + ring.outer) \
            if tone - dark > PRINT_MARGIN else np.zeros_like(band)
        for kept, labels in crossing:
            keep = keep | kept[labels[y0:y1, x0:x1]]
        view[band & ~keep] = paper[band & ~keep]
    return out


def _print_across(darker: np.ndarray, band: np.ndarray, width: int) -> np.ndarray:
    """Of the pixels darker than a ring's tone, those of strokes that reach out of its band (a glyph or a rule the
    ring crosses) or that are no longer than the band is ``width`` (a point, a mark); a darker stretch of the ring
    itself (a stamp inks unevenly) lies wholly inside the band, and along it.

    >>> band = np.zeros((9, 12), bool); band[3:6] = True
    >>> darker = np.zeros((9, 12), bool); darker[0:9, 1] = True; darker[4, 4:12] = True; darker[4, 2] = False
    >>> darker[3:5, 2:3] = False; kept = _print_across(darker, band, 3); bool(kept[4, 1]), bool(kept[4, 8])
    (True, False)
    >>> darker = np.zeros((9, 12), bool); darker[4, 5:7] = True; bool(_print_across(darker, band, 3)[4, 5])  # a point
    True
    """
    n, labels, stats, _ = cv2.connectedComponentsWithStats(darker.astype(np.uint8), connectivity=8)
    keep = np.zeros(n, bool)
    keep[np.unique(labels[darker & ~band])] = True
    keep |= np.maximum(stats[:, cv2.CC_STAT_WIDTH], stats[:, cv2.CC_STAT_HEIGHT]) <= width
    keep[0] = False
    return keep[labels]


#: A rule reaches out of a ring's band when some of its pixels lie this many pixels beyond the band (300 dpi).
RULE_REACH_300 = 12


def _crossing_rules(rules: np.ndarray, rings: list[Ring], dpi: float) -> tuple[np.ndarray, np.ndarray]:
    """The rules of the mask (one direction's) that reach out of every ring's band they touch
    (:data:`RULE_REACH_300`); what lies wholly along a ring is an arc of it. As each component's verdict and the
    components' labels: a ring's surroundings look their pixels up (the page's mask made whole, once for each
    direction, took a page-sized pass where only the rings' squares are read)."""
    n, labels, stats = components((rules > 0).astype(np.uint8), 8)
    keep = np.ones(n, bool)
    keep[0] = False
    reach = RULE_REACH_300 * dpi / 300.0
    for ring in rings:
        x0, y0, x1, y1 = _around(rules.shape, ring.x, ring.y, ring.r, ring.outer)
        for k in np.unique(labels[y0:y1, x0:x1]):
            if k == 0 or not keep[k]:
                continue
            kx, ky, kw, kh = stats[k, :4]
            ys, xs = np.nonzero(labels[ky:ky + kh, kx:kx + kw] == k)
            d = np.hypot(xs + kx - ring.x, ys + ky - ring.y) - ring.r
            if not ((d > ring.outer + reach) | (d < -ring.inner - reach)).any():
                keep[k] = False
    return keep, labels


#: A word inside a stamp's disc and outside every table is the stamp's lettering (``ผูว`` of ``ได้รับแล้ว``,
#: ``ait Xn`` of its lettering read as Latin) when Tesseract read it less surely than this, or read no Thai letter
#: in it: left out. Inside a table a word is left to the cell's own readers (a score under the stamp).
LETTERING_CONF = 60.0
_RE_THAI = re.compile(f"[{charset(LETTERS)}]")
_RE_DIGIT = re.compile(f"[0-9{charset(DIGITS)}]")


def stamp_lettering(word: OcrWord, rings: list[Ring], tables: Sequence[Grid]) -> bool:
    """Whether ``word`` (pixels) is a stamp's lettering (:data:`LETTERING_CONF`).

    >>> from dataclasses import replace
    >>> ring = Ring(100.0, 100.0, 50.0, 3, 3)
    >>> w = OcrWord("ผูว", 90, 90, 110, 105, 29.0, (1, 1, 1))
    >>> stamp_lettering(w, [ring], []), stamp_lettering(w, [ring], [Grid((0, 0, 200, 200), ())])
    (True, False)
    >>> stamp_lettering(replace(w, conf=88.0), [ring], []), stamp_lettering(replace(w, text="Xn", conf=88.0), [ring], [])
    (False, True)
    >>> stamp_lettering(replace(w, x0=190, x1=210), [ring], [])  # outside the stamp
    False
    """
    if word.conf >= LETTERING_CONF and _RE_THAI.search(word.text):
        return False
    cx, cy = (word.x0 + word.x1) / 2, (word.top + word.bottom) / 2
    return _in_disc(cx, cy, rings) and not any(
        g.bbox[0] <= cx <= g.bbox[2] and g.bbox[1] <= cy <= g.bbox[3] for g in tables)


def _in_disc(x: float, y: float, rings: Sequence[Ring]) -> bool:
    """Whether the point lies inside a ring's disc (within its band's inner edge)."""
    return any(np.hypot(x - r.x, y - r.y) < r.r - r.inner for r in rings)


def lettering_beside_number(words: Sequence[OcrWord], rings: Sequence[Ring]) -> list[OcrWord]:
    """The words of a number's cell (a score's) that are a stamp's lettering: inside a stamp's disc, no digit
    in them, beside a word with digits (``ที่`` of ``วันที่`` read on the line of ``95.04``). A cell of words alone
    under a stamp keeps them: nothing says which is the stamp's.

    >>> ring = Ring(100.0, 100.0, 80.0, 3, 3)
    >>> def w(t, x): return OcrWord(t, x, 90, x + 30, 110, 95.0, (1, 1, 1))
    >>> [x.text for x in lettering_beside_number([w("ที่", 60), w("95.04", 100)], [ring])]
    ['ที่']
    >>> lettering_beside_number([w("ที่", 60), w("95.04", 100)], []), lettering_beside_number([w("ที่", 60)], [ring])
    ([], [])
    >>> lettering_beside_number([w("ที่", 300), w("95.04", 100)], [ring])  # outside the stamp
    []
    """
    if not rings or not any(_RE_DIGIT.search(w.text) for w in words):
        return []
    return [w for w in words if not _RE_DIGIT.search(w.text) and _in_disc((w.x0 + w.x1) / 2, (w.top + w.bottom) / 2, rings)]
