"""Thai-numeral recognizer: score cells, question codes and date numbers.

Debian's Tesseract Thai model has no ``๔ ๖ ๗ ๘ ๙`` in its character set, so
it reads ``๙๙.๓๘`` as ``RRM`` and ``๒๕๖๘`` as ``๒๕๒๕`` (``shared/TRAPS.md``).
This module re-reads such tokens from their image. The chain, each step a
function whose result can be inspected (glyph boxes are
:class:`ita_extract.page.PixelBox`; ``--debug-dir`` marks each word this
module read, source ``numerals`` or ``cell``):

1. :func:`binarize` -- the crop (uint8, 0 = ink, 255 = paper) to an ink mask
   (Otsu; crops under :data:`UPSCALE_BELOW` px high are first upscaled 2x,
   so thin strokes of 12-px digits survive the threshold).
2. :func:`segment` -- connected components, table-border fragments and
   specks dropped, components of one glyph merged (an ``i`` and its dot, a
   consonant and its marks, the halves of a broken stroke), ordered left to
   right, with the token's digit height and baseline.
3. Geometry names the small blobs: a round one on the baseline is ``.``, a
   flat one at mid-height is ``-``.
4. :func:`glyph_features` + a small numpy MLP (:class:`Model`) name the rest
   by shape.
5. Context turns shapes into characters: :meth:`Recognizer.read_number`,
   :meth:`Recognizer.read_code`.

**Look-alike circles.** Thai ``๐`` and Latin ``o`` are the same shape, and
Latin ``O`` is an Arabic ``0`` in most fonts; no classifier can tell them
apart, so they share a class: ``๐`` (Thai zero or Latin o) and ``0``
(Arabic zero or Latin O). The two classes stay apart because their shapes
differ (a round x-height ring against a tall oval). Context decides the
meaning: in a number both are the digit 0; in front of the digits of a
question code either is the letter ``o`` (codes never start with a 0, so
``๐๑๐`` is ``o10``). Probabilities of classes with the same meaning are
added before the best meaning is chosen. Likewise Latin ``l``/``I``/``|``
are not taught at all (they are a ``1`` in any number), ``E`` is taught as
``e``, and every other letter or Thai character is the class ``other``.

The model ships with the code (:data:`MODEL_FILE`, pinned by
:data:`MODEL_SHA256`), trained offline from the Thai fonts Debian ships
(:mod:`extract.numerals.train`, which imports this module, never the other
way round). The first use in a process loads it; nothing trains at run
time, so every machine reads with the same weights.

>>> Reading("99.38", 0.97, ()).text
'99.38'
>>> meaning_in_number("๙"), meaning_in_number("0"), meaning_in_number("other")
('9', '0', '?')
"""
from __future__ import annotations

import functools
import hashlib
import io
import itertools
import logging
import math
import os
import threading
import zipfile
from collections import OrderedDict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import cv2
import numpy as np

from ita_extract.errors import NumeralModelInvalid
from ita_extract.page import PixelBox

log = logging.getLogger(__name__)

#: Shape classes the classifier knows, in output order. ``๐`` also stands
#: for Latin ``o``, ``0`` for Latin ``O``, ``e`` for ``E`` (see the module doc).
THAI_DIGITS = "๐๑๒๓๔๕๖๗๘๙"
ARABIC_DIGITS = "0123456789"
CLASSES: tuple[str, ...] = (*THAI_DIGITS, *ARABIC_DIGITS, ".", "i", "e", "other")
#: Bump when features or classes change (the file records it; another
#: version is refused).
MODEL_VERSION = "numerals-v2"
#: The trained model, shipped with the code and built offline by
#: ``python -m extract.numerals.train`` (its inputs: ``thai-numerals-v1.json``).
MODEL_FILE = Path(__file__).with_name("models") / "thai-numerals-v1.npz"
#: sha256 of :data:`MODEL_FILE`: every machine reads with the same model.
MODEL_SHA256 = "b69dc6f576c225eb4a15b1812b1bb1fb9ec1b45f4988c6eee632a8da2e2c79c0"
REBUILD_HINT = ("reinstall ita-extract, or rebuild it with `python -m extract.numerals.train` "
                "and put its sha256 in extract/numerals/recognizer.py (MODEL_SHA256)")

#: Crops lower than this (pixels) are upscaled 2x before thresholding.
UPSCALE_BELOW = 48
#: The threshold sits this share of the way from Otsu's to the paper tone:
#: hairlines of serif digits survive a blurred scan.
INK_BIAS = 0.3
#: A crop whose darkest and lightest pixels differ by less is blank paper.
MIN_CONTRAST = 40
#: Paper grain (grey levels, robust spread) above which a crop is smoothed
#: before thresholding, with a Gaussian of at most GRAIN_SIGMA_MAX px.
GRAIN_SMOOTH, GRAIN_SIGMA_MAX = 6.0, 1.5
#: Side of the square a glyph is scaled into (aspect ratio kept), and the
#: canvas around it for the gradient features.
NORM = 24
CANVAS = 28
#: Gradient-orientation histogram: cells of CELL px, BINS unsigned orientations.
CELL = 7
BINS = 9

#: Geometry of small blobs, as shares of the token's digit height.
DOT_MAX = 0.42  # a decimal point is at most this high and wide
DOT_BASELINE = 0.30  # ... and its bottom this close to the baseline
DASH_MAX_H = 0.30  # a dash is at most this high ...
DASH_MIN_RATIO = 1.6  # ... and this many times wider than high
SPECK = 0.10  # blobs smaller than this on both sides are dirt
#: A comma (``๐๓,๐๔``) is narrower than this, taller than a point (DOT_MAX) and
#: than it is wide (its tail), at most COMMA_MAX_H high, its top no higher than
#: COMMA_TOP above the baseline: lower and narrower than any digit.
COMMA_MAX_W, COMMA_MAX_H, COMMA_TOP = 0.45, 0.7, 0.5
#: A speck (at most DOT_MAX on both sides) whose centre lies more than this
#: above the digits' top or below their baseline is dust: no digit, point
#: or dash sits there.
OFF_BAND = 0.15
#: A speck (at most DOT_MAX of the digit height) whose ink stays further than
#: this share of the digit height above the digits' tops or below their
#: baseline is dust, dropped before components are joined into glyphs: stacked
#: over a digit it would join it (a mark over a consonant is joined the same
#: way) and make it taller than any digit (an ``i``'s dot sits closer).
DUST_GAP = 0.5
#: Below the baseline the gap is smaller: no digit, point or dash reaches under
#: it, and a letter's own mark there (``ุ`` ``ู``, the foot of ``ญ`` ``ฐ``) hangs
#: right under it, while a speck a quarter of the digit height down would join
#: the digit above it (``๑`` with a speck under it read ``๓``).
DUST_GAP_BELOW = 0.25
#: ... and dust there may be larger than a point (up to this share of the digit height): what is
#: that far under the line belongs to no glyph of it.
BELOW_DUST_MAX = 0.6
#: Beyond those gaps, a shape of any width at most this share of the digit height high is dust too
#: when no tall component stands in its rows: a mark of the line above or below (``้`` over the next
#: line's letters, a tone mark hanging from the line above), never a glyph of the token, nor of a
#: second line read in the same crop (whose digits stand beside it).
LONE_DUST_MAX = 0.6
#: Neighbours are joined into one glyph when one of them is a weak read
#: (below MERGE_WEAK), the gap is at most MERGE_GAP and the union at most
#: MERGE_WIDTH digit heights wide, and the union reads at least MERGE_ACCEPT.
MERGE_WEAK, MERGE_GAP, MERGE_WIDTH, MERGE_ACCEPT = 0.6, 0.15, 1.4, 0.8
#: ... or when both read nothing at all (below PIECES_WEAK: the halves of a ``0`` whose thin top and bottom the
#: scan lost, ``()``) and the union reads a zero at least PIECES_ACCEPT: neither piece is any glyph alone. A zero
#: only: its hairlines are where a serif face thins a round glyph, and the pieces of other glyphs joined at 0.6
#: read anything (a faint ``9``'s pieces read ``1``, ``97.13`` became ``17.13``).
PIECES_WEAK, PIECES_ACCEPT = 0.1, 0.6
#: The widest digit a report prints, in digit heights: 1.35 for the widest of the
#: training fonts and Norasi (Waree Bold's ``๗``; the digit height taken as
#: :func:`segment` takes it, the median of a run's tall glyphs), plus ink spread.
DIGIT_WIDTH_MAX = 1.5
#: A question code has at most this many digits (i1-i30, e1-e15, o1-o45 in every year's questionnaire).
CODE_DIGITS_MAX = 2
#: Three neighbours (a broken glyph with a speck inside) are joined only
#: when they are at most this many digit heights wide: one digit.
MERGE_THREE_WIDTH = DIGIT_WIDTH_MAX
#: A glyph at least SPLIT_WIDTH digit heights wide and read below SPLIT_WEAK
#: is cut in two when both halves read at least SPLIT_ACCEPT.
SPLIT_WIDTH, SPLIT_WEAK, SPLIT_ACCEPT = 0.75, 0.9, 0.8
#: A glyph this many digit heights wide is wider than any digit: it is cut
#: however sure its reading, when every part reads at least SPLIT_SURE_ACCEPT.
SPLIT_SURE_WIDTH, SPLIT_SURE_ACCEPT = 1.25, 0.6
#: Two neighbours that read no digit are cut again as one (:meth:`Recognizer._recut_pairs`) when together
#: they are at most this many digit heights wide: two of the widest digits.
RECUT_WIDTH = 2 * DIGIT_WIDTH_MAX
#: A glyph the model reads as a point but higher than this share of the digit height is none
#: (:meth:`Recognizer.read_number`): a point is DOT_MAX high at most, a digit filled in by blur is whole.
POINT_HIGH = 0.6
#: A gap wider than this share of the digit height is a space.
SPACE_GAP = 0.6

_TO_ARABIC = {t: a for t, a in zip(THAI_DIGITS, ARABIC_DIGITS)}


# --- public results ----------------------------------------------------------


@dataclass(frozen=True)
class GlyphGuess:
    """One glyph: what it is, how sure, and where (:class:`ita_extract.page.PixelBox` in crop pixels).

    ``char`` is a shape class (``"๙"``, ``"9"``, ``"."``, ``"-"``, ``"i"``,
    ``"e"``, ``"?"`` for anything else) from :meth:`Recognizer.classify_glyphs`,
    or a character in context (``"9"``, ``"o"``) in a :class:`Reading`.
    ``confidence`` is the probability of ``char``; for ``"?"`` it is the
    probability of the best readable alternative, so it is low when the glyph
    surely is no digit.
    """

    char: str
    confidence: float
    box: PixelBox


@dataclass(frozen=True)
class Reading:
    """A token read in context: Arabic-digit ``text`` and the least sure glyph's confidence."""

    text: str
    confidence: float
    glyphs: tuple[GlyphGuess, ...]


def meaning_in_number(cls: str) -> str:
    """What a shape class means inside a number: a digit, ``.``, ``-`` or ``?``.

    >>> [meaning_in_number(c) for c in ("๔", "4", ".", "-", "i", "other")]
    ['4', '4', '.', '-', '?', '?']
    """
    if cls in _TO_ARABIC:
        return _TO_ARABIC[cls]
    if cls in ARABIC_DIGITS or cls in (".", "-"):
        return cls
    return "?"


# --- segmentation --------------------------------------------------------------


@dataclass(frozen=True)
class Blob:
    """A glyph candidate: its box in crop pixels and its own ink (``mask``, 0/1)."""

    x: int
    y: int
    w: int
    h: int
    mask: np.ndarray = field(repr=False)  # uint8 0/1, only this glyph's components, at the working scale
    labels: tuple[int, ...] = ()  # its components in Segmentation.label_image
    work_box: tuple[int, int, int, int] = (0, 0, 0, 0)  # x, y, w, h at the working scale

    @property
    def box(self) -> PixelBox:
        return PixelBox.from_xywh(self.x, self.y, self.w, self.h)


@dataclass(frozen=True)
class Segmentation:
    """The glyphs of a crop, left to right, with the token's digit height and baseline."""

    blobs: tuple[Blob, ...]
    digit_height: float
    baseline: float  # y of the digits' bottom, crop pixels
    label_image: np.ndarray | None = field(default=None, repr=False)  # component labels, working scale
    scale: float = 1.0  # working scale / crop scale

    def merged(self, a: Blob, b: Blob) -> Blob:
        """One glyph made of two neighbouring blobs (the halves of a broken glyph)."""
        ax, ay, aw, ah = a.work_box
        bx, by, bw, bh = b.work_box
        x0, y0 = min(ax, bx), min(ay, by)
        x1, y1 = max(ax + aw, bx + bw), max(ay + ah, by + bh)
        labs = a.labels + b.labels
        mask = np.isin(self.label_image[y0:y1, x0:x1], labs).astype(np.uint8)
        cx0, cy0 = min(a.x, b.x), min(a.y, b.y)
        cx1, cy1 = max(a.x + a.w, b.x + b.w), max(a.y + a.h, b.y + b.h)
        return Blob(cx0, cy0, cx1 - cx0, cy1 - cy0, mask, labs, (x0, y0, x1 - x0, y1 - y0))


def binarize(gray: np.ndarray, threshold: int | None = None, *,
             page_context: bool = True) -> tuple[np.ndarray, float]:
    """Ink mask (uint8 0/1) of a crop and the factor it was scaled by.

    Otsu's threshold moved :data:`INK_BIAS` towards the paper tone, unless
    ``threshold`` (0-255; pixels darker are ink) is given.
    A blank crop gives an empty mask.

    ``page_context`` (the default): the crop was cut from a scanned page, so a toner streak
    down the page may cross it and is lightened (:func:`streak_threshold`). ``False``: the crop
    is one glyph rendered alone, with no page around it (the samples of
    :mod:`extract.numerals.train`): no such rule applies, and the mask is the one the shipped
    model was trained on, whatever page rules are added here later.

    >>> paper = np.full((30, 40), 255, np.uint8); paper[10:20, 10:14] = 0
    >>> ink, f = binarize(paper); int(ink.sum()), f
    (160, 2.0)
    """
    gray = np.asarray(gray)
    if gray.ndim == 3:
        gray = cv2.cvtColor(gray, cv2.COLOR_BGR2GRAY)
    if gray.dtype != np.uint8:
        gray = np.clip(gray, 0, 255).astype(np.uint8)
    if gray.size == 0:
        return np.zeros((0, 0), np.uint8), 1.0
    f = 1.0
    if gray.shape[0] < UPSCALE_BELOW:
        f = 2.0
        gray = cv2.resize(gray, None, fx=f, fy=f, interpolation=cv2.INTER_CUBIC)
    if int(gray.max()) - int(gray.min()) < MIN_CONTRAST:
        return np.zeros(gray.shape, np.uint8), f
    gray = smooth_grain(gray)
    if threshold is None:
        t, _ = cv2.threshold(gray, 0, 1, cv2.THRESH_BINARY_INV | cv2.THRESH_OTSU)
        paper = float(np.percentile(gray, 90))
        threshold = t + INK_BIAS * max(0.0, paper - t)
        ink = (gray < threshold).astype(np.uint8)
        band = streak_threshold(gray, ink) if page_context else None
        if band is not None and band < threshold:
            ink = (gray < band).astype(np.uint8)
        return ink, f
    ink = (gray < threshold).astype(np.uint8)
    return ink, f


#: A column whose pixels are ink over this share of a crop's height is a band across it (a rule, a streak) ...
BAND_FILL = 0.95
#: ... a streak when its tone is lighter than the crop's darkest ink by :data:`MIN_CONTRAST` at least; the ink is
#: then what is darker than the streak's tone by this many robust spreads of it.
BAND_SPREADS = 4.0
#: ... and only when some row of the crop is paper beside the band (under this share of the other columns inked): a
#: crop cut through its glyphs (a word's box 8 px tall at 150 dpi, ``๓๐`` boxed without its top and foot) has
#: strokes that run its full height and ink on every row; there, the full columns are the print's own.
BAND_PAPER_ROW = 0.15


def streak_threshold(gray: np.ndarray, ink: np.ndarray) -> float | None:
    """A threshold below a toner streak's tone, when columns of ``ink`` (the crop thresholded) run full height and
    their tone is far lighter than the crop's ink (a grey band down a scanned page, the digits printed over it);
    else None. Otsu's threshold, taken between paper and the rest, made the band ink and the digits on it one blob
    with it. A rule as dark as the print is no streak, nor are the print's own strokes in a crop that cut its
    glyphs (no row of paper beside the band: :data:`BAND_PAPER_ROW`).

    >>> crop = np.full((60, 60), 210, np.uint8); crop[:, 20:32] = 165; crop[20:40, 14:17] = 60; crop[20:40, 24:27] = 60
    >>> ink, _ = binarize(crop); int(ink[:, 28].sum())      # the streak's columns are no ink, the digit on it is
    0
    >>> int(ink[:, 25].sum()), int(ink[:, 15].sum())
    (20, 20)
    >>> crop[:, 20:32] = 60; streak_threshold(crop, (crop < 120).astype(np.uint8)) is None  # a rule: as dark as ink
    True
    """
    full = ink.mean(axis=0) >= BAND_FILL
    if not full.any() or full.all() or ink[:, ~full].mean(axis=1).min() > BAND_PAPER_ROW:
        return None
    band = gray[:, full].astype(np.float32)
    level = float(np.median(band))
    spread = 1.4826 * float(np.median(np.abs(band - level)))
    darkest = float(np.percentile(gray, 1))
    if level - darkest < MIN_CONTRAST:
        return None
    return max(darkest + 1.0, level - BAND_SPREADS * max(spread, 2.0))


def grain(gray: np.ndarray) -> float:
    """The paper's grain: robust spread (grey levels) of the lighter half of a crop's pixels."""
    paper = gray[gray >= np.median(gray)]
    if paper.size < 16:
        return 0.0
    return float(1.4826 * np.median(np.abs(paper - np.median(paper))))


def smooth_grain(gray: np.ndarray) -> np.ndarray:
    """A grainy crop smoothed before thresholding (grain above GRAIN_SMOOTH levels), else as is.

    Grain breaks thin strokes into dots and strews specks around digits,
    which the segmenter then takes for glyphs; a Gaussian blur as wide as the
    grain is strong joins the strokes again.
    """
    g = grain(gray)
    if g <= GRAIN_SMOOTH:
        return gray
    return cv2.GaussianBlur(gray, (0, 0), min(GRAIN_SIGMA_MAX, 0.5 + g / 25.0))


def _border_lines(x: np.ndarray, y: np.ndarray, w: np.ndarray, h: np.ndarray, W: int, H: int) -> np.ndarray:
    """Fragments of table rules left in the crop (long, thin, at an edge), per component."""
    horizontal = (w >= 0.85 * W) & (w >= 8 * h) & ((y == 0) | (y + h == H) | (W > 4 * H))
    vertical = (h >= 0.85 * H) & (h >= 10 * w) & ((x == 0) | (x + w == W))
    return horizontal | vertical


def _should_merge(a: tuple[int, int, int, int], b: tuple[int, int, int, int]) -> bool:
    """Two components of one glyph: one above the other, or mostly the same columns."""
    ax, ay, aw, ah = a
    bx, by, bw, bh = b
    x_ov = min(ax + aw, bx + bw) - max(ax, bx)
    if x_ov <= 0:
        return False
    y_ov = min(ay + ah, by + bh) - max(ay, by)
    stacked = y_ov <= 0.2 * min(ah, bh)
    return stacked or x_ov >= 0.6 * min(aw, bw)


def _without_far_specks(comps: list[tuple[int, tuple[int, int, int, int]]]) -> list[tuple[int, tuple[int, int, int, int]]]:
    """Components (label, (x, y, w, h)) without the specks far above or below the
    band of the tall ones (:data:`DUST_GAP`, :data:`DUST_GAP_BELOW`).

    >>> _without_far_specks([(1, (0, 30, 20, 28)), (2, (24, 30, 20, 29)), (3, (30, 2, 5, 5)), (4, (5, 22, 4, 4))])
    [(1, (0, 30, 20, 28)), (2, (24, 30, 20, 29)), (4, (5, 22, 4, 4))]
    """
    if len(comps) < 2:
        return comps
    hs = np.array([c[1][3] for c in comps], float)
    tall = hs >= 0.5 * hs.max()
    dh = float(np.median(hs[tall]))
    base = float(np.median([c[1][1] + c[1][3] for c, t in zip(comps, tall) if t]))
    top = base - dh

    tall_rows = [(c[1][1], c[1][1] + c[1][3]) for c, t in zip(comps, tall) if t]

    def alone(y: int, h: int) -> bool:
        """No tall component (a glyph of a line of its own) stands in these rows."""
        return h <= LONE_DUST_MAX * dh and not any(a < y + h and y < b for a, b in tall_rows)

    def far_speck(box: tuple[int, int, int, int]) -> bool:
        x, y, w, h = box
        if y + h < top - DUST_GAP * dh:
            return max(w, h) <= DOT_MAX * dh or alone(y, h)
        if y > base + DUST_GAP_BELOW * dh:
            return max(w, h) <= BELOW_DUST_MAX * dh or alone(y, h)
        return False

    return [c for c in comps if not far_speck(c[1])]


def segment(gray: np.ndarray, threshold: int | None = None, *, page_context: bool = True) -> Segmentation:
    """Glyphs of a crop (uint8, 0 = ink), left to right.

    ``page_context`` (the default): the crop was cut from a scanned page, and the page's rules
    apply: a toner streak is lightened (:func:`binarize`), marks of the lines above and below and
    dust far from the digits are dropped (:func:`_without_far_specks`). ``False``: the crop is one
    glyph rendered alone, with no page around it (the samples of :mod:`extract.numerals.train`):
    only the rules of a glyph's own ink apply, so the trainer cuts the glyphs the shipped model
    was drawn from (:data:`MODEL_SHA256`) however the page rules change.

    >>> paper = np.full((40, 60), 255, np.uint8)
    >>> paper[8:30, 5:17] = 0; paper[8:30, 25:37] = 0; paper[27:30, 40:43] = 0
    >>> s = segment(paper); [tuple(b.box) for b in s.blobs], s.digit_height
    ([(5, 8, 17, 30), (25, 8, 37, 30), (40, 27, 43, 30)], 22.0)
    """
    ink, f = binarize(gray, threshold, page_context=page_context)
    if not ink.any():
        return Segmentation((), 0.0, 0.0)
    H, W = ink.shape
    n, labels, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    st = stats[1:]
    xs, ys, ws, hs, areas = (st[:, k] for k in range(5))
    keep = (areas >= 2) & ~_border_lines(xs, ys, ws, hs, W, H)
    if keep.any():
        # dirt: far smaller than the largest glyph, dropped before it could join one
        keep &= np.maximum(ws, hs) >= SPECK * 0.8 * hs[keep].max()
    comps = [(int(i) + 1, tuple(int(v) for v in st[i, :4])) for i in np.flatnonzero(keep)]
    if not comps:
        return Segmentation((), 0.0, 0.0)
    if page_context:
        comps = _without_far_specks(comps)
    comps.sort(key=lambda c: c[1][0])

    # union-find over components of one glyph
    parent = list(range(len(comps)))

    def find(k: int) -> int:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    for a in range(len(comps)):
        ax, _, aw, _ = comps[a][1]
        for b in range(a + 1, len(comps)):
            if comps[b][1][0] >= ax + aw:
                break
            if _should_merge(comps[a][1], comps[b][1]):
                parent[find(b)] = find(a)
    groups: dict[int, list[int]] = {}
    for k in range(len(comps)):
        groups.setdefault(find(k), []).append(k)

    raw = []
    for members in groups.values():
        x0 = min(comps[k][1][0] for k in members)
        y0 = min(comps[k][1][1] for k in members)
        x1 = max(comps[k][1][0] + comps[k][1][2] for k in members)
        y1 = max(comps[k][1][1] + comps[k][1][3] for k in members)
        raw.append((x0, y0, x1, y1, [comps[k][0] for k in members]))

    heights = np.array([r[3] - r[1] for r in raw], float)
    tall = heights >= 0.5 * heights.max()
    digit_h = float(np.median(heights[tall]))
    baseline = float(np.median([r[3] for r, t in zip(raw, tall) if t]))
    if page_context:
        boxes = dict(comps)
        raw = [_point_without_speck(r, boxes, digit_h, baseline) for r in raw]

    blobs = []
    for x0, y0, x1, y1, labs in sorted(raw, key=lambda r: r[0]):
        w, h = x1 - x0, y1 - y0
        if max(w, h) < SPECK * digit_h:
            continue
        sub = labels[y0:y1, x0:x1]
        mask = np.isin(sub, labs).astype(np.uint8) if len(labs) > 1 else (sub == labs[0]).astype(np.uint8)
        if f != 1.0:
            bx, by = int(x0 / f), int(y0 / f)
            bw, bh = max(1, int(round(x1 / f)) - bx), max(1, int(round(y1 / f)) - by)
        else:
            bx, by, bw, bh = x0, y0, w, h
        blobs.append(Blob(bx, by, bw, bh, mask, tuple(labs), (x0, y0, w, h)))
    # digit height and baseline in crop pixels; masks keep the working scale
    return Segmentation(tuple(blobs), digit_h / f, baseline / f, labels, f)


def _point_without_speck(group, comps: dict[int, tuple[int, int, int, int]], digit_h: float, baseline: float):
    """A glyph ``group`` ``(x0, y0, x1, y1, labels)`` (``comps``: each component's box by its label) of specks stacked on a decimal point (a colon's shape:
    dust on the paper right above the point of ``๙๑.๔๑``) as the point alone: every component of it no larger
    than a point (:data:`DOT_MAX`), one of them a point on the baseline (:func:`small_blob_kind`), the others
    dust over it; any other group as it is.

    >>> comps = {1: (0, 8, 12, 22), 2: (14, 26, 4, 4), 3: (15, 16, 3, 3)}
    >>> _point_without_speck((14, 16, 18, 30, [2, 3]), comps, 22.0, 30.0)
    (14, 26, 18, 30, [2])
    >>> _point_without_speck((14, 10, 18, 18, [2, 3]), {1: (0, 8, 12, 22), 2: (14, 14, 4, 4), 3: (15, 10, 3, 3)},
    ...                      22.0, 30.0)[4]  # no point on the baseline: as it is
    [2, 3]
    """
    labels = group[4]
    if len(labels) < 2:
        return group
    boxes = {label: comps[label] for label in labels}
    if any(max(w, h) > DOT_MAX * digit_h for _, _, w, h in boxes.values()):
        return group
    points = [label for label, (x, y, w, h) in boxes.items()
              if small_blob_kind(Blob(x, y, w, h, np.zeros((0, 0), np.uint8)), digit_h, baseline) == "."]
    if len(points) != 1:
        return group
    x, y, w, h = boxes[points[0]]
    return (x, y, x + w, y + h, points)


def small_blob_kind(blob: Blob, digit_height: float, baseline: float) -> str | None:
    """``"."`` for a point on the baseline, ``"-"`` for a dash, else None (a glyph).

    >>> m = np.ones((3, 3), np.uint8)
    >>> small_blob_kind(Blob(40, 27, 3, 3, m), 22.0, 30.0), small_blob_kind(Blob(0, 18, 9, 3, m), 22.0, 30.0)
    ('.', '-')
    """
    if digit_height <= 0:
        return None
    h, w = blob.h / digit_height, blob.w / digit_height
    if h <= DASH_MAX_H and blob.w >= DASH_MIN_RATIO * blob.h and w >= 0.25:
        mid = blob.y + blob.h / 2
        if baseline - 0.8 * digit_height <= mid <= baseline - 0.2 * digit_height:
            return "-"
    if h <= DOT_MAX and w <= DOT_MAX and 0.4 <= blob.w / max(blob.h, 1) <= 2.5:
        if abs(baseline - (blob.y + blob.h)) <= DOT_BASELINE * digit_height:
            return "."
    return None


def is_comma(blob: Blob, digit_height: float, baseline: float) -> bool:
    """A comma's shape (:data:`COMMA_MAX_W`): narrow, taller than a point, low, reaching the baseline.

    >>> m = np.ones((3, 3), np.uint8)
    >>> is_comma(Blob(40, 21, 5, 12, m), 22.0, 30.0), is_comma(Blob(40, 8, 5, 22, m), 22.0, 30.0)
    (True, False)
    """
    if digit_height <= 0:
        return False
    h, w = blob.h / digit_height, blob.w / digit_height
    return (DOT_MAX < h <= COMMA_MAX_H and w <= COMMA_MAX_W and blob.h >= 1.3 * blob.w
            and blob.y >= baseline - COMMA_TOP * digit_height
            and blob.y + blob.h >= baseline - DOT_BASELINE * digit_height)


#: A slash (``๑/๑๐/๒๕๖๘``): a stroke at least SLASH_MIN_H digit heights high,
#: each row's ink at most SLASH_ROW of its box's width, the rows' centres
#: moving left downwards (correlation of row and centre at most SLASH_CORR).
SLASH_MIN_H, SLASH_ROW, SLASH_CORR = 0.75, 0.6, -0.9
#: :meth:`Recognizer.date_readings` cuts a slash off at most this many glyphs of a reading, chosen among the
#: first this many glyphs a slash can be cut off.
SLASH_CUTS_MAX, SLASH_CANDIDATES_MAX = 2, 6


def is_slash(mask: np.ndarray, digit_height: float) -> bool:
    """Whether a glyph mask (0/1) is a slash: a thin stroke leaning right.

    >>> m = np.zeros((20, 10), np.uint8)
    >>> for y in range(20): m[y, max(0, 8 - y // 2):10 - y // 2] = 1
    >>> is_slash(m, 18.0), is_slash(np.ones((20, 10), np.uint8), 18.0)
    (True, False)
    """
    h, w = mask.shape
    if digit_height <= 0 or h < SLASH_MIN_H * digit_height or w < 2:
        return False
    ys = np.flatnonzero(mask.any(axis=1))  # the rows with ink
    if len(ys) < 0.8 * h:
        return False
    rows = mask[ys] != 0
    first, last = rows.argmax(axis=1), w - 1 - rows[:, ::-1].argmax(axis=1)  # each row's ink, from ... to
    if (last - first + 1).max() > SLASH_ROW * w:
        return False
    centres = (first + last) / 2
    if np.std(centres) == 0:
        return False
    return float(np.corrcoef(ys, centres)[0, 1]) <= SLASH_CORR


def is_dust(blob: Blob, digit_height: float, baseline: float) -> bool:
    """A speck off the digits' band (above their tops or under their baseline).

    >>> m = np.ones((3, 3), np.uint8)
    >>> is_dust(Blob(40, 2, 3, 3, m), 22.0, 30.0), is_dust(Blob(40, 27, 3, 3, m), 22.0, 30.0)
    (True, False)
    """
    if digit_height <= 0 or max(blob.w, blob.h) > DOT_MAX * digit_height:
        return False
    mid = blob.y + blob.h / 2
    return mid < baseline - (1 + OFF_BAND) * digit_height or mid > baseline + OFF_BAND * digit_height


# --- features and model -------------------------------------------------------------


def normalize_glyph(mask: np.ndarray) -> np.ndarray:
    """A glyph mask centred in a CANVAS x CANVAS float image (0..1), aspect ratio kept (:func:`glyph_features`
    draws a batch's canvases at once, the same bits)."""
    out = np.zeros((CANVAS, CANVAS), np.float32)
    p = (CANVAS - NORM) // 2
    # the resized tones to float32, divided in float32: the bits ``astype(float32) / 255.0`` gives, in place
    np.divide(glyph_tones(mask), _TONE, out=out[p:p + NORM, p:p + NORM], dtype=np.float32)
    return out


def glyph_tones(mask: np.ndarray) -> np.ndarray:
    """A glyph mask (0/1) centred in a square, scaled to NORM x NORM tones (uint8, 0..255), aspect ratio kept:
    :func:`normalize_glyph`'s image before it is divided by the full tone."""
    h, w = mask.shape
    s = max(h, w)
    sq = np.zeros((s, s), np.uint8)
    oy, ox = (s - h) // 2, (s - w) // 2
    np.multiply(mask, 255, out=sq[oy:oy + h, ox:ox + w], casting="unsafe")
    return cv2.resize(sq, (NORM, NORM), interpolation=cv2.INTER_AREA if s > NORM else cv2.INTER_LINEAR)


#: Full tone of a glyph canvas, as float32 (:func:`normalize_glyph`).
_TONE = np.float32(255.0)


#: Each canvas pixel's first histogram bin (its cell's, times BINS) in one glyph's histograms (:func:`_hog`).
_PIXEL_BIN = ((np.arange(CANVAS) // CELL)[:, None] * (CANVAS // CELL) + (np.arange(CANVAS) // CELL)[None, :]).ravel() * BINS


#: Stacks of up to this many canvases have their pixels' bins (:func:`_batch_bins`) remembered.
BATCH_BINS_KEPT = 64


@functools.lru_cache(maxsize=BATCH_BINS_KEPT)
def _batch_bins(n: int) -> np.ndarray:
    """Each pixel's first histogram bin in a stack of ``n`` canvases (flat): :data:`_PIXEL_BIN` per canvas, after
    the bins of the canvases before it."""
    c = CANVAS // CELL
    return (np.arange(n)[:, None] * (c * c * BINS) + _PIXEL_BIN[None, :]).ravel()


def _block_bins() -> np.ndarray:
    """Indices into one glyph's histograms (cells x cells x BINS, flat) of its 2 x 2-cell blocks,
    one row per block (top to bottom, left to right), each row its cells' bins in reading order."""
    c = CANVAS // CELL
    cell = np.arange(c * c * BINS).reshape(c, c, BINS)
    return np.stack([cell[by:by + 2, bx:bx + 2].ravel() for by in range(c - 1) for bx in range(c - 1)])


_BLOCK_BINS = _block_bins()


#: Cephes' rational approximation of atan on [0, 0.66] (atan.c: numerator and denominator coefficients).
_ATAN_P = (-8.750608600031904122785e-1, -1.615753718733365076637e1, -7.500855792314704667340e1,
           -1.228866684490136173410e2, -6.485021904942025371773e1)
_ATAN_Q = (2.485846490142306297962e1, 1.650270098316988542046e2, 4.328810604912902668951e2,
           4.853903996359136964868e2, 1.945506571482613964425e2)
#: Cephes' split: a ratio above it is reduced around pi / 4, to (t - 1) / (t + 1), where the approximation holds.
_ATAN_SPLIT = 0.66
#: The smallest double: no larger than any nonzero gradient (:func:`orientation`).
_TINY = np.float64(5e-324)


def orientation(gy: np.ndarray, gx: np.ndarray) -> np.ndarray:
    """Unsigned gradient orientation in [0, pi], float64: ``arctan2(gy, gx) % pi`` to within 1e-15,
    from additions, multiplications and divisions only.

    numpy computes ``arctan2`` (and exp, log, sin...) with code chosen by the CPU: SVML on AVX-512,
    the C library elsewhere, which differ in the last bits, so features, a glyph's class and the
    trainer's samples would depend on the machine. IEEE arithmetic is the same bits everywhere.
    Each step is one IEEE operation on every element, in place where it can be: numpy's call on each
    step, not the arithmetic, is what a glyph's few hundred gradients cost.

    >>> import numpy as np
    >>> y = np.array([0.0, 1.0, 1.0, -1.0, 0.0, 2.0, -0.5])
    >>> x = np.array([1.0, 0.0, 1.0, 1.0, -1.0, -3.0, -0.25])
    >>> bool(np.allclose(orientation(y, x), np.arctan2(y, x) % np.pi, rtol=0, atol=1e-14))
    True
    """
    ay = np.abs(gy, dtype=np.float64)
    ax = np.abs(gx, dtype=np.float64)
    steep = ay > ax
    big = np.maximum(ay, ax)
    # min / max, 0 / 0 taken as 0: the smallest double is no larger than any nonzero |gradient|, so a
    # nonzero max divides as itself, and a zero one (both zero) gives 0 / tiny = 0
    t = np.minimum(ay, ax)
    t /= np.maximum(big, _TINY, out=big)
    far = t > _ATAN_SPLIT
    np.copyto(t, (t - 1.0) / (t + 1.0), where=far)
    z = t * t
    num = z * _ATAN_P[0]
    num += _ATAN_P[1]
    for c in _ATAN_P[2:]:
        num *= z
        num += c
    den = z + _ATAN_Q[0]
    for c in _ATAN_Q[1:]:
        den *= z
        den += c
    z *= num
    z /= den
    z *= t
    z += t
    z += far * (np.pi / 4)  # atan(min / max), 0..pi/4 (0.0 added where not far, as it always was)
    a = z
    np.subtract(np.pi / 2, a, out=a, where=steep)  # atan(|gy| / |gx|), 0..pi/2
    # a gradient pointing into the second or fourth quadrant turns the other way; mod pi folds the rest
    turn = (gy < 0) != (gx < 0)
    np.copyto(a, np.where(a > 0, np.pi - a, 0.0), where=turn)
    return a


def _hog(imgs: np.ndarray) -> np.ndarray:
    """Block-normalised histograms of gradient orientation for a stack (N, CANVAS, CANVAS).

    A pixel without gradient (most of the canvas) adds 0.0 to its bins, which changes no sum: only the
    others are binned, in the same order, so the histograms are the same bits, from a third of the work.
    """
    n = imgs.shape[0]
    gx = np.zeros_like(imgs)
    gy = np.zeros_like(imgs)
    gx[:, :, 1:-1] = imgs[:, :, 2:] - imgs[:, :, :-2]
    gy[:, 1:-1, :] = imgs[:, 2:, :] - imgs[:, :-2, :]
    mag = np.sqrt(gx * gx + gy * gy).ravel()
    at = np.flatnonzero(mag)
    mag = mag[at]
    ang = orientation(gy.ravel()[at], gx.ravel()[at]) * (BINS / np.pi)  # 0..BINS
    whole = np.floor(ang)
    lo = whole.astype(np.int64) % BINS
    hi = (lo + 1) % BINS
    wh = ang - whole
    c = CANVAS // CELL
    flat = _batch_bins(n)[at] if n <= BATCH_BINS_KEPT else \
        (at // (CANVAS * CANVAS)) * (c * c * BINS) + _PIXEL_BIN[at % (CANVAS * CANVAS)]
    size = n * c * c * BINS
    hist = (np.bincount(flat + lo, mag * (1 - wh), size)
            + np.bincount(flat + hi, mag * wh, size))
    # every 2 x 2-cell block gathered at once (block by block, as laid out before), each normalised
    # along its own row of 4 * BINS values: the sums and quotients of a block at a time, the same bits
    # (gathered C-ordered, each block's values side by side: summed along the row as before, not across rows)
    b = np.take(hist.astype(np.float32).reshape(n, -1), _BLOCK_BINS.ravel(), axis=1).reshape(n, len(_BLOCK_BINS), -1)
    b = np.ascontiguousarray(b)
    b = b / np.sqrt((b * b).sum(2, keepdims=True) + 1e-3)
    b = np.minimum(b, 0.2)
    b = b / np.sqrt((b * b).sum(2, keepdims=True) + 1e-3)
    return b.reshape(n, -1)


def glyph_features(masks: list[np.ndarray]) -> np.ndarray:
    """Feature rows (float32) for glyph masks: gradient histograms, a 12x12 image, aspect and ink share."""
    if not masks:
        return np.zeros((0, feature_size()), np.float32)
    n, p = len(masks), (CANVAS - NORM) // 2
    imgs = np.zeros((n, CANVAS, CANVAS), np.float32)
    # every glyph's tones divided at once: :func:`normalize_glyph`'s bits, one division per element either way
    np.divide(np.stack([glyph_tones(m) for m in masks]), _TONE, out=imgs[:, p:p + NORM, p:p + NORM], dtype=np.float32)
    hog = _hog(imgs)
    inner = imgs[:, 2:26, 2:26].reshape(n, 12, 2, 12, 2)
    # the mean of each 2 x 2 square: what ``mean(axis=(2, 4))`` does (the same sum, divided by the count), without
    # its overhead on every batch
    small = np.add.reduce(inner, axis=(2, 4))
    np.true_divide(small, np.intp(4), out=small, casting="unsafe")
    # the ink share as the whole-number ink over the size (what ``m.mean()`` gives, bit for bit: an exact
    # sum divided once, correctly rounded), without mean's overhead on every glyph
    # math.log, not np.log: numpy's is chosen by the CPU (see :func:`orientation`)
    geo = np.array([[math.log(m.shape[1] / m.shape[0]), int(m.sum(dtype=np.int64)) / m.size] for m in masks],
                   np.float32)
    return np.concatenate([hog, small.reshape(n, -1), geo], axis=1, dtype=np.float32)


def feature_size() -> int:
    c = CANVAS // CELL
    return (c - 1) ** 2 * 4 * BINS + 144 + 2


#: Glyphs are classified in slices of at most this many, row by row (einsum, no BLAS), so a
#: glyph's probabilities are the same bits in any batch and on any machine: parts can be
#: classified together or apart (:meth:`Recognizer._valley_split`). BLAS (numpy's matmul)
#: rounds by the batch and by the machine's thread count (1 and 2 OpenBLAS threads gave other
#: bits for the same glyphs), so it is never used.
BATCH_INVARIANT = 64


@dataclass(frozen=True)
class Model:
    """A one-hidden-layer perceptron over standardised glyph features."""

    mean: np.ndarray
    std: np.ndarray
    w1: np.ndarray
    b1: np.ndarray
    w2: np.ndarray
    b2: np.ndarray
    classes: tuple[str, ...] = CLASSES
    version: str = MODEL_VERSION

    def probabilities(self, features: np.ndarray) -> np.ndarray:
        """Class probabilities, one row per feature row."""
        if len(features) > BATCH_INVARIANT:
            # BLAS would round a large batch by its size and by the machine's thread count: read in
            # slices that keep every glyph's bits its own, on every machine
            return np.concatenate([self.probabilities(features[at:at + BATCH_INVARIANT])
                                   for at in range(0, len(features), BATCH_INVARIANT)])
        z = (features - self.mean) / self.std
        # no BLAS: its rounding depends on the batch and the thread count, and its threads
        # wake slowly on a busy machine (measured: 16 ms instead of 0.04 ms for 6 rows)
        h = np.maximum(np.einsum("nd,dh->nh", z, self.w1, optimize=False) + self.b1, 0.0)
        logits = np.einsum("nd,dh->nh", h, self.w2, optimize=False) + self.b2
        logits -= logits.max(axis=1, keepdims=True)
        # exp in float64, rounded to float32: numpy's float32 exp is CPU-chosen code whose last bits differ
        # between machines; float64's last-bit differences (AVX-512 or the C library) vanish in the rounding
        e = np.exp(logits.astype(np.float64)).astype(np.float32)
        return e / e.sum(axis=1, keepdims=True)

    def save(self, path: Path) -> None:
        """Write atomically (temporary file, then rename)."""
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        with open(tmp, "wb") as fh:
            np.savez_compressed(
                fh, mean=self.mean, std=self.std, w1=self.w1, b1=self.b1, w2=self.w2, b2=self.b2,
                classes=np.array(self.classes), version=np.array(self.version),
            )
        os.replace(tmp, path)

    @classmethod
    def from_bytes(cls, data: bytes) -> Model:
        """A saved model from its file's bytes; ValueError if it is of another version or shape."""
        with np.load(io.BytesIO(data), allow_pickle=False) as z:
            version = str(z["version"])
            classes = tuple(str(c) for c in z["classes"])
            if version != MODEL_VERSION or classes != CLASSES or z["w1"].shape[0] != feature_size():
                raise ValueError(f"it holds model {version!r}, not {MODEL_VERSION!r}")
            return cls(z["mean"], z["std"], z["w1"], z["b1"], z["w2"], z["b2"], classes, version)

    @classmethod
    def load(cls, path: Path) -> Model:
        """Read a saved model file (no hash check: see :func:`load_model`)."""
        return cls.from_bytes(Path(path).read_bytes())


def model_digest(data: bytes) -> str:
    """sha256 hex of a model file's bytes (what :data:`MODEL_SHA256` pins)."""
    return hashlib.sha256(data).hexdigest()


def load_model(path: Path | None = None, sha256: str | None = "pinned") -> Model:
    """The shipped model (:data:`MODEL_FILE`), its bytes checked against ``sha256`` first.

    Nothing is trained here: a missing, truncated, altered or foreign file
    raises :class:`ita_extract.errors.NumeralModelInvalid` naming the file and the fix
    (reinstall, or rebuild with ``python -m extract.numerals.train``).
    ``sha256="pinned"`` is :data:`MODEL_SHA256`; ``None`` skips the check
    (a model just built by the trainer).
    """
    path = MODEL_FILE if path is None else path
    sha256 = MODEL_SHA256 if sha256 == "pinned" else sha256
    try:
        data = Path(path).read_bytes()
    except OSError as e:
        raise NumeralModelInvalid(f"The Thai-numeral model {path} cannot be read ({e.strerror or e}); "
                                  f"{REBUILD_HINT}") from e
    if sha256 is not None and model_digest(data) != sha256:
        raise NumeralModelInvalid(f"The Thai-numeral model {path} is damaged or not the one this version "
                                  f"ships (sha256 {model_digest(data)[:12]}..., expected {sha256[:12]}...); "
                                  f"{REBUILD_HINT}")
    try:
        return Model.from_bytes(data)
    except (OSError, ValueError, KeyError, EOFError, zipfile.BadZipFile) as e:
        raise NumeralModelInvalid(f"The Thai-numeral model {path} is not a readable {MODEL_VERSION} model "
                                  f"({e}); {REBUILD_HINT}") from e


# --- recognizer -----------------------------------------------------------------------


def _split(b: Blob, scale: float, k: int = 2) -> tuple[Blob, ...] | None:
    """A blob cut into ``k`` glyphs at its thinnest columns near ``j/k`` of its width."""
    m = b.mask
    w = m.shape[1]
    cuts = []
    for j in range(1, k):
        center = j * w / k
        lo, hi = int(center - 0.2 * w / k), int(center + 0.2 * w / k) + 1
        lo, hi = max(1, lo), min(w - 1, hi)
        if hi - lo < 1:
            return None
        cuts.append(lo + int(np.argmin(m[:, lo:hi].sum(0))))
    return _cut(b, scale, [0, *cuts, w])


#: Touching digits of unequal widths (``๒๕๖๘`` at 300 dpi, bold): cut candidates
#: are the blob's thinnest columns (local minima of its ink per column, the
#: VALLEYS lowest), parts VALLEY_PART digit heights wide at least and at most.
VALLEYS, VALLEY_PART = 12, (0.35, 1.3)
#: The widest digits of the trained families stand 1.7 times as wide as a ``๐`` is high (``๗`` of Garuda and
#: Umpush Bold, ``๒`` ``๘`` of Umpush Bold, ``๙`` of Purisa): where the best cut leaves a three (``๗`` without its
#: tail), the valleys are tried again with parts up to VALLEY_WIDE digit heights wide. Garuda's ``๗`` touching
#: the next digit had no cut that kept it whole, and ``๗๕`` read ``34``: ``๗`` without its tail, the tail with
#: the ``๕``. (Wider parts everywhere read as well, at 40 ms more per 300-dpi page of scores.)
VALLEY_WIDE = 1.8
#: ... and that cut stands only when each of its parts is this many digit heights wide: a narrower part beside a
#: wide one is the end of the next digit, taken by it (faint ``๓๒`` cut as a wide ``๗`` and a sliver read ``3``).
WIDE_PART_MIN = 0.5
#: A valley cut is given up when its first or last part reads less than it needs by
#: more than this (:meth:`Recognizer._valley_split`): far above the rounding of a batch
#: of another size (1e-6), so a cut that could be taken is never given up.
VALLEY_BOUND_MARGIN = 1e-4


def _valleys(mask: np.ndarray, ends: bool = False) -> list[int]:
    """Columns where the ink per column is a local minimum: where touching glyphs meet.

    A run of neighbouring minima (a flat stretch of a thin stroke) is one valley, at its lowest column
    (its middle one among equals): the :data:`VALLEYS` lowest are kept, that many places, not one
    stroke's columns. With ``ends``, each of the :data:`VALLEYS` lowest runs is cut at its ends as well
    (a thin stroke joining ``๗`` to a bracket): only for a blob that reads no sure glyph, where the lowest
    columns gave no cut (:meth:`Recognizer._analyse`), since a run's end also cuts a glyph's own thin
    tail off it (``๗`` into ``๓`` and its tail, read ``i``).

    >>> m = np.zeros((10, 16), np.uint8); m[:, :5] = 1; m[4:6, 5:10] = 1; m[:, 10:] = 1
    >>> _valleys(m), _valleys(m, ends=True)
    ([7], [5, 7, 9])
    """
    sums = mask.sum(0)
    w = len(sums)
    # the local minima below the most inked column, columns 2 to w - 3, found at once; their sums as ints
    mid = sums[2:w - 2]
    found = (np.flatnonzero((mid <= sums[1:w - 3]) & (mid <= sums[3:w - 1]) & (mid < sums.max())) + 2).tolist() \
        if w >= 5 else []
    cols = sums.tolist()
    runs: list[list[int]] = []
    for c in found:
        if runs and c - runs[-1][-1] <= 1:
            runs[-1].append(c)
        else:
            runs.append([c])
    places = []
    if not ends:
        for run in runs:
            least = min(cols[c] for c in run)
            lowest = [c for c in run if cols[c] == least]
            places.append(lowest[len(lowest) // 2])
        return sorted(sorted(places, key=lambda c: cols[c])[:VALLEYS])
    for run in sorted(runs, key=lambda r: min(cols[c] for c in r))[:VALLEYS]:
        least = min(cols[c] for c in run)
        lowest = [c for c in run if cols[c] == least]
        places += {run[0], lowest[len(lowest) // 2], run[-1]}
    return sorted(places)


#: A cut through a wide blob at a column where the ink just right of it (TAIL_EDGE digit heights) rises above
#: all the ink left of it (TAIL_BEFORE digit heights) by TAIL_RISE digit heights, and above most of the next
#: part's other columns, cuts the rising tail off the glyph before it (``๗``'s stroke at its top right): no
#: digit rises above its neighbours at its left edge, and ``๗`` without that tail is a ``๓``.
TAIL_EDGE, TAIL_BEFORE, TAIL_RISE = 0.25, 0.8, 0.15
#: ... the columns this many digit heights right of such a cut are tried as cuts instead (through the tail).
TAIL_THROUGH = 0.5
#: ... and a part no wider than this many digit heights right of such a cut is the tail alone (``๗`` cut into
#: ``๓`` and its tail, read ``i``): it has no other columns to stay below it.
TAIL_ALONE = 0.5


def tail_at_cut(mask: np.ndarray, cut: int, end: int, digit_height: float) -> bool:
    """Whether cutting a blob's mask (0/1) at column ``cut`` leaves the rising tail of the glyph left of it
    at the left edge of the part from ``cut`` to ``end`` (:data:`TAIL_RISE`).

    A digit's own head at its left (``๒`` ``๖``) rises no higher than the digit before it; a digit's own
    tail at its right (``๔`` ``๙``) is a few columns of its part, whose tops stay low.

    >>> m = np.zeros((24, 40), np.uint8); m[8:24, 0:14] = 1; m[0:24, 14:17] = 1; m[8:24, 18:38] = 1
    >>> tail_at_cut(m, 14, 40, 24.0), tail_at_cut(m, 17, 40, 24.0)
    (True, False)
    >>> tail_at_cut(m, 14, 18, 24.0)   # the part right of the cut is the tail alone
    True
    >>> m[0:24, 10:13] = 1   # the tail on the left part's side: a glyph that rises as high
    >>> tail_at_cut(m, 14, 40, 24.0), tail_at_cut(m, 14, 18, 24.0)
    (False, False)
    """
    h = mask.shape[0]
    if digit_height <= 0 or cut <= 0 or end - cut < 3:
        return False
    inked = mask.any(axis=0)
    tops = np.where(inked, mask.argmax(axis=0), h)
    edge = cut + max(1, int(round(TAIL_EDGE * digit_height)))
    before = tops[max(0, cut - int(round(TAIL_BEFORE * digit_height))):cut]
    rest = tops[edge:end][inked[edge:end]]
    if not inked[cut:edge].any() or not inked[:cut].any():
        return False
    top = int(tops[cut:edge].min())
    least = TAIL_RISE * digit_height
    if int(before.min()) - top < least:
        return False
    if end - cut <= TAIL_ALONE * digit_height:
        return True
    return bool(rest.size and float(np.median(rest)) - top >= least)


class ColumnInk:
    """A blob mask's ink by column, found once for the many parts cut from it (:func:`_cut`).

    ``inked``: whether each column holds ink. ``before``: row by row, the ink of the columns left of each
    column (``before[c][r]``: inked pixels of row ``r`` in columns ``0..c-1``), so the rows a span of
    columns inks are those where two of its rows differ, without reading the span's pixels again.

    >>> m = np.zeros((4, 5), np.uint8); m[1, 0] = m[2, 3] = 1
    >>> ink = ColumnInk(m); ink.inked.tolist(), ink.rows(0, 3).tolist(), ink.rows(0, 5).tolist()
    ([True, False, False, True, False], [1], [1, 2])
    """

    __slots__ = ("inked", "before")

    def __init__(self, mask: np.ndarray) -> None:
        ink = mask != 0
        self.inked = ink.any(0)
        self.before = np.zeros((mask.shape[1] + 1, mask.shape[0]), np.int32)
        np.cumsum(ink.T, axis=0, out=self.before[1:])

    def rows(self, x0: int, x1: int) -> np.ndarray:
        """The rows with ink in columns ``x0..x1-1``, top to bottom (``mask[:, x0:x1].any(1).nonzero()``)."""
        return (self.before[x1] != self.before[x0]).nonzero()[0]


def _cut(b: Blob, scale: float, bounds: list[int], ink: ColumnInk | None = None) -> tuple[Blob, ...] | None:
    """A blob cut at the columns ``bounds`` (its first and last included) into glyphs; ``ink``: the blob
    mask's :class:`ColumnInk` when the caller cuts it many times."""
    m = b.mask
    wx, wy, _, _ = b.work_box
    if ink is None:
        ink = ColumnInk(m)  # the blob's inked columns, asked once for all its parts
    out = []
    for a, c in zip(bounds, bounds[1:]):
        (cols,) = ink.inked[a:c].nonzero()
        if not len(cols):
            return None
        x0, x1 = int(cols[0]), int(cols[-1]) + 1
        part = m[:, a + x0:a + x1]  # a part's rows are those of its inked columns
        rows = ink.rows(a + x0, a + x1)
        y0, y1 = int(rows[0]), int(rows[-1]) + 1
        box = (int((wx + a + x0) / scale), int((wy + y0) / scale),
               max(1, int(round((x1 - x0) / scale))), max(1, int(round((y1 - y0) / scale))))
        out.append(Blob(*box, part[y0:y1].copy(), b.labels, (wx + a + x0, wy + y0, x1 - x0, y1 - y0)))
    return tuple(out)


def _trim(mask: np.ndarray) -> np.ndarray | None:
    """A mask cut to its ink (None when it has none)."""
    rows, cols = np.flatnonzero(mask.any(1)), np.flatnonzero(mask.any(0))
    if len(rows) == 0:
        return None
    return mask[rows[0]:rows[-1] + 1, cols[0]:cols[-1] + 1]


class _SideInk:
    """The two sides of a mask cut at any column, each cut to its ink: ``_trim(mask[:, :c])`` and
    ``_trim(mask[:, c:])`` (the same views), from the mask's ink found once for all the columns.

    >>> m = np.zeros((5, 8), np.uint8); m[1:3, 1] = 1; m[2:5, 5:7] = 1
    >>> s = _SideInk(m); [(x.shape, y.shape) for x, y in ((s.left(c), _trim(m[:, :c])) for c in (2, 6))]
    [((2, 1), (2, 1)), ((4, 5), (4, 5))]
    >>> s.right(6).shape == _trim(m[:, 6:]).shape, s.right(7), s.left(1)
    (True, None, None)
    """

    def __init__(self, mask: np.ndarray) -> None:
        ink = mask != 0
        h, w = ink.shape
        self.mask = mask
        cols = np.flatnonzero(ink.any(0))
        # the last inked column left of each cut, the first one right of it (-1 / w when none)
        self.last_before = np.full(w + 1, -1)
        self.last_before[cols + 1] = cols
        np.maximum.accumulate(self.last_before, out=self.last_before)
        self.first_from = np.full(w + 1, w)
        self.first_from[cols] = cols
        self.first_from = np.minimum.accumulate(self.first_from[::-1])[::-1]
        # row by row, whether any column left of each cut (right of it) holds ink: its first and last such row
        left = np.zeros((h, w + 1), bool)
        np.logical_or.accumulate(ink, axis=1, out=left[:, 1:])
        right = np.zeros((h, w + 1), bool)
        right[:, :w] = np.logical_or.accumulate(ink[:, ::-1], axis=1)[:, ::-1]
        self.left_rows = self._extent(left)
        self.right_rows = self._extent(right)

    @staticmethod
    def _extent(inked: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Per column of ``inked`` (rows x cuts), its first and last True row."""
        h = inked.shape[0]
        return inked.argmax(0), h - 1 - inked[::-1].argmax(0)

    def left(self, c: int) -> np.ndarray | None:
        x1 = int(self.last_before[c])
        if x1 < 0:
            return None
        x0 = int(self.first_from[0])
        y0, y1 = int(self.left_rows[0][c]), int(self.left_rows[1][c])
        return self.mask[:, :c][y0:y1 + 1, x0:x1 + 1]

    def right(self, c: int) -> np.ndarray | None:
        x0 = int(self.first_from[c])
        w = self.mask.shape[1]
        if x0 >= w:
            return None
        x1 = int(self.last_before[w])
        y0, y1 = int(self.right_rows[0][c]), int(self.right_rows[1][c])
        return self.mask[:, c:][y0:y1 + 1, x0 - c:x1 - c + 1]


#: How many crops' analyses a recognizer remembers (:meth:`Recognizer._analyse`).
ANALYSED_KEEP = 8
#: How many glyph masks' probabilities a recognizer remembers (:meth:`Recognizer.mask_probabilities`):
#: a score cell's views, thresholds and re-reads cut the same glyphs again and again (about 40 % of the
#: glyphs of a page are ones it classified before). A few megabytes.
GLYPHS_KEEP = 20_000


def mask_key(mask: np.ndarray) -> tuple:
    """What a glyph's features are a function of: its mask's type, shape and values.

    >>> m = np.zeros((3, 4), np.uint8); m[1, 1:3] = 1
    >>> mask_key(m) == mask_key(m.copy()), mask_key(m) == mask_key(m.T)
    (True, False)
    """
    return mask.dtype.str, mask.shape, mask.tobytes()


class Recognizer:
    """Reads numeric tokens from crops with one loaded model."""

    def __init__(self, model: Model) -> None:
        self.model = model
        self._other_index = model.classes.index("other")
        # the last crops analysed (see _analyse): a token is classified, then read
        self._analysed: OrderedDict[tuple, tuple[Segmentation, tuple]] = OrderedDict()
        self._analysed_lock = threading.Lock()
        # the glyphs classified lately, by mask_key (see mask_probabilities)
        self._glyphs: OrderedDict[tuple, np.ndarray] = OrderedDict()
        self._glyphs_lock = threading.Lock()

    @classmethod
    def load(cls, path: Path | None = None) -> Recognizer:
        """The recognizer over the shipped model (hash-checked), or over the model file ``path`` (unchecked)."""
        return cls(load_model() if path is None else load_model(path, None))

    # shape level -------------------------------------------------------------

    def _probs(self, blobs: list[Blob]) -> np.ndarray:
        return self.mask_probabilities([b.mask for b in blobs])

    def mask_probabilities(self, masks: list[np.ndarray]) -> np.ndarray:
        """Class probabilities of glyph masks (0/1), one row each: ``model.probabilities(glyph_features(masks))``,
        the same bits.

        A batch reads each glyph as it would alone (:data:`BATCH_INVARIANT`), so a glyph classified
        before (the same :func:`mask_key`, among the last :data:`GLYPHS_KEEP`) is not classified
        again, and the others go to the model together, each once.
        """
        if not masks:
            return np.zeros((0, len(self.model.classes)), np.float32)
        keys = [mask_key(m) for m in masks]
        with self._glyphs_lock:
            rows = [self._glyphs.get(k) for k in keys]
            for k, row in zip(keys, rows):
                if row is not None:
                    self._glyphs.move_to_end(k)
        todo = {k: m for k, m, row in zip(keys, masks, rows) if row is None}  # each new glyph once
        if todo:
            fresh = dict(zip(todo, self.model.probabilities(glyph_features(list(todo.values())))))
            rows = [fresh[k] if row is None else row for k, row in zip(keys, rows)]
            with self._glyphs_lock:
                self._glyphs.update(fresh)
                while len(self._glyphs) > GLYPHS_KEEP:
                    self._glyphs.popitem(last=False)
        return np.stack(rows)

    def _analyse(self, crop: np.ndarray) -> tuple[Segmentation, list[tuple[Blob, str | None, np.ndarray | None]]]:
        """Segment, name the small blobs, classify the rest, rejoin broken glyphs.

        A pure function of the crop's pixels, remembered for the last
        :data:`ANALYSED_KEEP` crops: a word is classified first
        (:meth:`classify_glyphs`), then read as a number, a date or a code
        from the same crop, which was analysed again each time (half the
        numeral recognizer's time on a 300-dpi page).
        """
        crop = np.asarray(crop)
        key = (crop.shape, crop.dtype.str, hashlib.blake2b(np.ascontiguousarray(crop).data, digest_size=16).digest())
        with self._analysed_lock:
            found = self._analysed.get(key)
            if found is not None:
                self._analysed.move_to_end(key)
        if found is None:
            seg, items = self._analyse_crop(crop)
            found = (seg, tuple(items))
            with self._analysed_lock:
                self._analysed[key] = found
                while len(self._analysed) > ANALYSED_KEEP:
                    self._analysed.popitem(last=False)
        return found[0], list(found[1])

    def _analyse_crop(self, crop: np.ndarray) -> tuple[Segmentation, list[tuple[Blob, str | None, np.ndarray | None]]]:
        seg = segment(crop)
        dh = seg.digit_height
        blobs = [b for b in seg.blobs if not is_dust(b, dh, seg.baseline)]
        kinds = [small_blob_kind(b, dh, seg.baseline) for b in blobs]
        shaped = [b for b, k in zip(blobs, kinds) if k is None]
        probs = iter(self._probs(shaped))
        items = [(b, k, None if k is not None else next(probs)) for b, k in zip(blobs, kinds)]
        # a comma's shape that the model does not read as a point ("๐๓,๐๔", where it
        # reads a 0) is a comma: never a digit that joins the codes around it
        point = self.model.classes.index(".")
        items = [(b, ",", None) if k is None and int(p.argmax()) != point and is_comma(b, dh, seg.baseline)
                 else (b, k, p) for b, k, p in items]
        # Blur joins tightly set digits (Arabic "00" at 200 dpi): cut a wide,
        # unsure glyph at its thinnest column when both halves read well.
        i = 0
        while i < len(items):
            b, k, p = items[i]
            too_wide = b.w >= SPLIT_SURE_WIDTH * dh
            if k is None and b.w >= SPLIT_WIDTH * dh and (self._weak(p) < SPLIT_WEAK or too_wide):
                # try 2, 3, 4 glyphs (touching digits of a year: "๕๖๙"); keep
                # the cut whose weakest part reads best, if it reads well
                need = SPLIT_SURE_ACCEPT if too_wide else max(SPLIT_ACCEPT, self._weak(p))
                best = self._equal_split(b, seg)
                valley = self._valley_split(b, seg, need)
                if (valley is None or valley[0] < max(need, SPLIT_ACCEPT)) and self._weak(p) < SPLIT_WEAK:
                    # no sure cut at the valleys' lowest columns, and no sure glyph: their runs' ends too
                    more = self._valley_split(b, seg, need, ends=True)
                    if more and (valley is None or more[0] > valley[0]):
                        valley = more
                if valley and (best is None or valley[0] > best[0]):
                    best = valley
                if best and any(self._looks_three(q) for q in best[2]) \
                        and (wide := self._valley_split(b, seg, need, widest=VALLEY_WIDE)) and wide[0] > best[0] \
                        and all(p.work_box[2] >= WIDE_PART_MIN * dh * seg.scale for p in wide[1]):
                    best = wide  # a three cut off a wide ``๗``'s tail: parts as wide as the widest digit
                if best and best[0] >= need:
                    items[i:i + 1] = [(part, None, q) for part, q in zip(best[1], best[2])]
                    i += len(best[1])
                    continue
            i += 1
        # A glyph whose hairlines the scan lost falls into pieces that are no
        # digit (or a wrong one): join neighbours when the union reads well.
        i = 0
        while i + 1 < len(items):
            (a, ka, pa), (b, kb, pb) = items[i], items[i + 1]
            if ka is None and kb is None and min(self._weak(pa), self._weak(pb)) < MERGE_WEAK:
                gap = b.x - (a.x + a.w)
                width = max(a.x + a.w, b.x + b.w) - min(a.x, b.x)
                if gap <= MERGE_GAP * dh and width <= MERGE_WIDTH * dh:
                    u = seg.merged(a, b)
                    pu = self._probs([u])[0]
                    if self._weak(pu) >= MERGE_ACCEPT or (
                            max(self._weak(pa), self._weak(pb)) < PIECES_WEAK and self._weak(pu) >= PIECES_ACCEPT
                            and self._meaning(pu) == "0"):
                        items[i:i + 2] = [(u, None, pu)]
                        continue
            i += 1
        return seg, self._merge_three(seg, self._join_squeezed_points(seg, self._recut_pairs(seg, items)))

    def _recut_pairs(self, seg: Segmentation, items: list) -> list:
        """Two touching neighbours that read no digit, beside a digit read surely: one glyph's ink joined to a piece
        of the next, cut where their ink parts (a serif font's ``00`` blurred into one blob, its second ``0`` broken:
        ``1??`` for ``100``). Their union is cut again (:meth:`_equal_split`, :meth:`_valley_split`) and the parts
        replace them when every part reads at least :data:`SPLIT_ACCEPT`. Only within :data:`RECUT_WIDTH` digit
        heights (two digits), and only in a run with a sure digit: a word's letters are never tried."""
        dh = seg.digit_height
        if not any(k is None and self._weak(p) >= SPLIT_ACCEPT and self._meaning(p).isdigit() for _, k, p in items):
            return items
        i = 0
        while i + 1 < len(items):
            (a, ka, pa), (b, kb, pb) = items[i], items[i + 1]
            if ka is None and kb is None and max(self._weak(pa), self._weak(pb)) < MERGE_WEAK \
                    and b.x - (a.x + a.w) <= MERGE_GAP * dh \
                    and max(a.x + a.w, b.x + b.w) - min(a.x, b.x) <= RECUT_WIDTH * dh:
                u = seg.merged(a, b)
                cuts = [c for c in (self._equal_split(u, seg), self._valley_split(u, seg, SPLIT_ACCEPT)) if c]
                best = max(cuts, key=lambda c: c[0], default=None)
                if best is not None and best[0] >= SPLIT_ACCEPT:
                    items[i:i + 2] = [(part, None, q) for part, q in zip(best[1], best[2])]
                    i += len(best[1])
                    continue
            i += 1
        return items

    def _join_squeezed_points(self, seg: Segmentation, items: list) -> list:
        """A point with no room of its own is a piece of the glyph before it: a ``๑``'s tail the
        threshold cut off, lying in the ordinary gap between two digits (``1.00`` for ``๑๐๐``).
        A decimal point is set in a space of its own: the digits on either side of it stand
        further apart than the run's other digits do. Here they stand no further apart than
        those (plus half the point's width), and the point touches both (at most a pixel of paper
        on either side, at the working scale): joined to the glyph before it when the union reads
        well (:data:`MERGE_ACCEPT`) or as that glyph does."""
        i = 1
        while i + 1 < len(items):
            (a, ka, pa), (m, km, _), (b, kb, _) = items[i - 1:i + 2]
            if km == "." and ka is None and kb is None:
                (ax, _, aw, _), (mx, _, mw, _), (bx, _, _, _) = a.work_box, m.work_box, b.work_box
                others = [q.work_box[0] - (p.work_box[0] + p.work_box[2])
                          for (p, kp, _), (q, kq, _) in zip(items, items[1:])
                          if kp is None and kq is None]
                if others and mx - (ax + aw) <= seg.scale and bx - (mx + mw) <= seg.scale \
                        and bx - (ax + aw) <= float(np.median(others)) + mw / 2:
                    u = seg.merged(a, m)
                    pu = self._probs([u])[0]
                    if self._weak(pu) >= MERGE_ACCEPT or int(pu.argmax()) == int(pa.argmax()) != self._other_index:
                        items[i - 1:i + 1] = [(u, None, pu if self._weak(pu) >= self._weak(pa) else pa)]
                        continue
            i += 1
        return items

    def _equal_split(self, b: Blob, seg: Segmentation) -> tuple[float, tuple[Blob, ...], np.ndarray] | None:
        """The best cut of a wide blob into 2, 3 or 4 glyphs of equal width (:func:`_split`; touching
        digits of a year: ``๕๖๙``), the one whose weakest part reads best, as ``(score, parts, probabilities)``.

        The parts of every cut are classified in one batch (:data:`BATCH_INVARIANT`: the same
        probabilities as a batch per cut).
        """
        dh = seg.digit_height
        cuts = []
        for n_parts in (2, 3, 4):
            if b.w < n_parts * SPLIT_WIDTH * dh / 2:
                break
            parts = _split(b, seg.scale, n_parts)
            if parts:
                cuts.append(parts)
        if not cuts:
            return None
        probs = self._probs([part for parts in cuts for part in parts])
        best: tuple[float, tuple[Blob, ...], np.ndarray] | None = None
        at = 0
        for parts in cuts:
            ph = probs[at:at + len(parts)]
            at += len(parts)
            score = min(self._weak(q) for q in ph)
            starts = [p.work_box[0] - b.work_box[0] for p in parts] + [b.mask.shape[1]]
            if any(self._looks_three(q) and tail_at_cut(b.mask, c, e, dh * seg.scale)
                   for q, c, e in zip(ph, starts[1:], starts[2:])):
                score = 0.0  # a cut through a tail: its left part is a glyph without it
            if best is None or score > best[0]:
                best = (score, parts, ph)
        return best

    def _valley_split(self, b: Blob, seg: Segmentation,
                      need: float = 0.0, ends: bool = False, widest: float = VALLEY_PART[1],
                      ) -> tuple[float, tuple[Blob, ...], np.ndarray] | None:
        """The best cut of a wide blob into 2-4 glyphs at its valleys (:func:`_valleys`):
        the cut whose weakest part reads best (dynamic programming over the
        valleys; each candidate part classified once), as ``(score, parts, probabilities)``.

        ``None`` as well when no cut can read ``need``: every cut has a first part
        (from the blob's left edge) and a last part (to its right edge), so no cut
        reads better than the best of either; those are classified first, and the
        inner parts (most of them) only when both reach ``need``
        (:data:`VALLEY_BOUND_MARGIN` below it). Most wide blobs are Thai letters
        that read no digit at all: their inner parts are never classified.


        ``ends``: the valleys' runs are cut at their ends too (:func:`_valleys`), and a part after the
        first must read a digit. Never is a part after the first a code's letter (:meth:`_misplaced`).
        ``widest``: a part's widest, in digit heights (:data:`VALLEY_PART`, or :data:`VALLEY_WIDE` on a second try).
        """
        w = b.mask.shape[1]
        dh = seg.digit_height * seg.scale
        bounds = [0, *_valleys(b.mask, ends), w]
        lo, hi = VALLEY_PART[0] * dh, widest * dh
        parts: dict[tuple[int, int], Blob] = {}
        probs: dict[tuple[int, int], np.ndarray] = {}
        reads: dict[tuple[int, int], float] = {}  # each part's _weak, found once (the paths ask it again and again)
        ink = ColumnInk(b.mask)

        def spans_of(bounds: list[int]) -> list[tuple[int, int]]:
            """The parts (first and last column) of a plausible width between two bounds."""
            return [(a, c) for i, a in enumerate(bounds) for c in bounds[i + 1:] if lo <= c - a <= hi]

        def classify(keys: list[tuple[int, int]]) -> list[tuple[int, int]]:
            kept = []
            for a, c in keys:
                if cut := _cut(b, seg.scale, [a, c], ink):
                    parts[(a, c)] = cut[0]
                    kept.append((a, c))
            for k, p in zip(kept, self._probs([parts[k] for k in kept])):
                probs[k] = p
                reads[k] = 0.0 if k[0] > 0 and self._misplaced(p, ends) else self._weak(p)
            return kept

        spans = spans_of(bounds)
        # the first parts, then the last ones, then the inner ones: each group is
        # classified only when those before leave a cut the chance to read ``need``
        for group in ([k for k in spans if k[0] == 0], [k for k in spans if k[0] > 0 and k[1] == w]):
            kept = classify(group)
            reach = max((self._weak(probs[k]) for k in kept), default=0.0)
            if reach < need - VALLEY_BOUND_MARGIN:
                return None
        # the inner parts are classified as the best cut needs them (:meth:`_settled_path`): in the spans' order,
        # as they always were, the tails' parts after them
        order = list(spans)
        pending = [k for k in spans if 0 < k[0] and k[1] < w]
        # a cut that took ``๗``'s tail off it (a ``๓`` left of it, the tail right of it): no cut there, nor
        # at the next valley through the same tail; the columns through the tail itself are tried instead
        # (a ``๓`` left of a cut through the tail's first columns is refused as well)
        tails: set[int] = set()
        through: set[int] = set()
        while True:
            found = self._settled_path(order, pending, parts, w, classify,
                                       lambda k, refused=frozenset(tails): 0.0 if k[0] in refused else reads[k])
            more = {left[1] for left, right in zip(found[1], found[1][1:]) if left[1] not in tails
                    and self._looks_three(probs[left]) and (left[1] in through or tail_at_cut(b.mask, *right, dh))} \
                if found else set()
            if not more:
                break
            tails |= more
            inside = {c for t in more for c in range(t + 1, min(w - 1, t + int(TAIL_THROUGH * dh)) + 1)} - through
            through |= inside
            bounds = sorted(set(bounds) | inside)
            known = set(order)
            new = [k for k in spans_of(bounds) if k not in known and (k[0] in inside or k[1] in inside)]
            order += new
            classify(new)
        if not found:
            return None
        score, path = found
        return score, tuple(parts[k] for k in path), np.stack([probs[k] for k in path])

    def _settled_path(self, order: list[tuple[int, int]], pending: list[tuple[int, int]],
                      parts: dict, last: int, classify, read) -> tuple[float, list[tuple[int, int]]] | None:
        """:meth:`_best_path` over every span of ``order`` whose part was cut (``parts``), the ``pending`` ones
        classified (``classify``, taken off ``pending``) only where the best cut could hold them: the same
        path, from fewer glyphs classified.

        Every cut begins with a first part (from column 0) and ends with a last one (to ``last``), all of them
        classified. A path through the pending span ``(a, c)`` reads at most as well as the best first part
        ending by ``a`` and the best last part beginning from ``c``. A span whose bound is below the best path
        over the spans classified so far is in no path as good as the best: leaving it out changes neither the
        best score nor which path of that score is found (the paths through it are all worse, and so is any
        partial path it would have replaced). The others are classified, and the best path found again, until
        none is left to classify."""
        while True:
            keys = [k for k in order if k in parts]
            found = self._best_path(keys, last, read)
            floor = found[0] if found else -1.0
            first: dict[int, float] = {}  # the best first part ending at each column ...
            final: dict[int, float] = {}  # ... and last part beginning at each
            for k in keys:
                if k[0] == 0:
                    first[k[1]] = max(first.get(k[1], -1.0), read(k))
                if k[1] == last:
                    final[k[0]] = max(final.get(k[0], -1.0), read(k))
            todo = [k for k in pending
                    if min(max((v for c, v in first.items() if c <= k[0]), default=-2.0),
                           max((v for c, v in final.items() if c >= k[1]), default=-2.0)) >= floor]
            if not todo:
                return found
            classify(todo)
            done = set(todo)
            pending[:] = [k for k in pending if k not in done]

    @staticmethod
    def _best_path(keys: list[tuple[int, int]], last: int,
                   read) -> tuple[float, list[tuple[int, int]]] | None:
        """The 2-4 spans (first and last column) from column 0 to ``last`` whose weakest part (``read``)
        reads best: (score, spans)."""
        # best[n][j]: (weakest part's score, path) of n parts covering bounds[0]..bounds[j]
        best: list[dict[int, tuple[float, list[tuple[int, int]]]]] = [{0: (1.0, [])}]
        for n in range(1, 5):
            layer: dict[int, tuple[float, list[tuple[int, int]]]] = {}
            for (i, j) in keys:
                if i in best[n - 1]:
                    score = min(best[n - 1][i][0], read((i, j)))
                    if j not in layer or score > layer[j][0]:
                        layer[j] = (score, best[n - 1][i][1] + [(i, j)])
            best.append(layer)
        found = [best[n][last] for n in (2, 3, 4) if last in best[n]]
        return max(found, key=lambda f: f[0]) if found else None

    def _misplaced(self, p: np.ndarray, ends: bool) -> bool:
        """Whether a part cut off the right of touching glyphs reads what never follows a glyph there:
        a code's letter (``i`` ``e``: a code begins with it), or, cut at a run's end (:func:`_valleys`),
        anything but a digit (``๕``'s own curl read as a point)."""
        c = self.model.classes[int(p.argmax())]
        return c in ("i", "e") or (ends and not meaning_in_number(c).isdigit())

    def _meaning(self, p: np.ndarray) -> str:
        """What a glyph's best class means in a number (:func:`meaning_in_number`: ``๗`` and ``7`` are ``7``)."""
        return meaning_in_number(self.model.classes[int(p.argmax())])

    def _looks_three(self, p: np.ndarray) -> bool:
        """Whether a glyph's best class is a three (``๓`` is ``๗`` without its tail)."""
        return self.model.classes[int(p.argmax())] in ("๓", "3")

    def _merge_three(self, seg: Segmentation, items: list) -> list:
        """Three neighbours that are one glyph: a year's ``๒`` broken into two
        unreadable pieces with a speck between them, which geometry named a
        point (``?.?567`` for ``๒๕๖๗``). Joined when the outer two are shapes
        that read no digit, the speck overlaps one of them (a decimal point has
        a gap on each side), the three are no wider than :data:`MERGE_THREE_WIDTH`
        digit heights, close (:data:`MERGE_GAP`), and the union reads at least
        :data:`MERGE_ACCEPT`."""
        dh = seg.digit_height
        i = 0
        while i + 2 < len(items):
            (a, ka, pa), (m, _, _), (b, kb, pb) = items[i:i + 3]
            if ka is None and kb is None and max(self._weak(pa), self._weak(pb)) < MERGE_WEAK:
                gaps = (m.x - (a.x + a.w), b.x - (m.x + m.w))
                width = max(a.x + a.w, m.x + m.w, b.x + b.w) - min(a.x, m.x, b.x)
                # the speck lies inside the glyph (it overlaps a piece), never between two
                # glyphs with a gap on each side as a decimal point does ("0.0")
                if min(gaps) <= 0 and max(gaps) <= MERGE_GAP * dh and width <= MERGE_THREE_WIDTH * dh:
                    u = seg.merged(seg.merged(a, m), b)
                    pu = self._probs([u])[0]
                    if self._weak(pu) >= MERGE_ACCEPT:
                        items[i:i + 3] = [(u, None, pu)]
                        continue
            i += 1
        return items

    def _code_digits(self, seg: Segmentation, items: list) -> list:
        """A code's digit glyphs, at most :data:`CODE_DIGITS_MAX`: where more were cut, the two touching
        neighbours (no gap) whose union reads surest as one digit (at least :data:`MERGE_ACCEPT`, no wider than
        :data:`MERGE_WIDTH` digit heights) are one glyph the segmentation split (``๗``'s loop cut off its stem
        and read ``6``: ``๐๑๗`` read ``o167``). Where no union reads so, the glyphs stay as cut."""
        dh = seg.digit_height
        while len(items) > CODE_DIGITS_MAX and all(kind is None for _, kind, _ in items):
            best = None
            for k in range(len(items) - 1):
                a, b = items[k][0], items[k + 1][0]
                if b.x > a.x + a.w or max(a.x + a.w, b.x + b.w) - min(a.x, b.x) > MERGE_WIDTH * dh:
                    continue
                u = seg.merged(a, b)
                pu = self._probs([u])[0]
                ch, conf, _ = self._number_guess(pu)
                if ch.isdigit() and conf >= MERGE_ACCEPT and (best is None or conf > best[0]):
                    best = (conf, k, u, pu)
            if best is None:
                break
            _, k, u, pu = best
            items[k:k + 2] = [(u, None, pu)]
        return items

    def _weak(self, p: np.ndarray) -> float:
        """How sure a glyph is a readable character: its best class unless that is ``other`` (then 0).

        ``p`` is a row of probabilities (an array): its own ``argmax``, without ``np.argmax``'s dispatch
        (asked tens of thousands of times a page)."""
        k = int(p.argmax())
        return 0.0 if k == self._other_index else float(p[k])

    def classify_glyphs(self, crop: np.ndarray) -> list[GlyphGuess]:
        """Each glyph's best shape class (``"?"`` for ``other``), left to right."""
        _, items = self._analyse(crop)
        guesses = []
        for b, kind, p in items:
            if kind is not None:
                guesses.append(GlyphGuess(kind, 1.0, b.box))
            else:
                k = int(p.argmax())
                c = self.model.classes[k]
                guesses.append(GlyphGuess("?" if c == "other" else c, float(p[k]), b.box))
        return guesses

    def _number_guess(self, p: np.ndarray) -> tuple[str, float, dict[str, float]]:
        by: dict[str, float] = {}
        for c, q in zip(self.model.classes, p):
            m = meaning_in_number(c)
            by[m] = by.get(m, 0.0) + float(q)
        best = max(by, key=by.__getitem__)
        if best == "?":
            readable = max((v for m, v in by.items() if m != "?"), default=0.0)
            return "?", readable, by
        return best, by[best], by

    # token level -------------------------------------------------------------

    def read_number(self, crop: np.ndarray) -> Reading:
        """Read a crop that holds one numeric token: ``"99.38"``, ``"2568"``.

        Thai and Arabic digits both come out as Arabic; a glyph that is no
        digit is ``?``. A gap wider than :data:`SPACE_GAP` digit heights is a
        space. Confidence is the smallest glyph confidence, halved for a
        second decimal point; 0 for an empty crop.
        """
        seg, items = self._analyse(crop)
        glyphs: list[GlyphGuess] = []
        text = []
        prev_end = None
        for b, kind, p in items:
            if prev_end is not None and b.x - prev_end > SPACE_GAP * seg.digit_height:
                text.append(" ")
            prev_end = b.x + b.w
            if kind is not None:
                g = GlyphGuess(kind, 1.0, b.box)
            else:
                ch, conf, by = self._number_guess(p)
                if ch == "." and b.h > POINT_HIGH * seg.digit_height:
                    # a glyph as high as the digits is no point, whatever its shape (``๑`` filled
                    # in by blur, a blot): its best digit, as sure as the model is of it
                    ch = max((m for m in by if m.isdigit()), key=by.__getitem__)
                    conf = by[ch]
                g = GlyphGuess(ch, conf, b.box)
            glyphs.append(g)
            text.append(g.char)
        if not glyphs:
            return Reading("", 0.0, ())
        conf = min(g.confidence for g in glyphs)
        if sum(g.char == "." for g in glyphs) > 1:
            conf *= 0.5
        return Reading("".join(text), conf, tuple(glyphs))

    def read_date(self, crop: np.ndarray) -> Reading:
        """Read a numeric date (``๑/๑๐/๒๕๖๖-``, ``๓๐/๙/๒๕๖๗``): digits, slashes and dashes.

        Like :meth:`read_number`, and a glyph that reads no digit is a
        slash when its shape is one (:func:`is_slash`); a slash touching a
        digit (one blob) is cut off it where the rest reads as a digit at
        least :data:`MERGE_ACCEPT`. Anything else stays ``?``.
        """
        return _date_reading(self._date_glyphs(crop)[0])

    def date_readings(self, crop: np.ndarray) -> Iterator[tuple[int, Reading]]:
        """:meth:`read_date`'s reading, then the readings with a slash cut off glyphs it read surely as digits, at
        most :data:`SLASH_CUTS_MAX` of them, each with the number of slashes cut (fewest first).

        At 150 dpi a slash blurs into the digit beside it (``/๒`` one blob) and the pair reads surely as that
        digit (``1/102564`` for ``๑/๑๐/๒๕๖๔``); a date's grammar, not the glyph's shape, tells which reading is
        the date (:func:`extract.ocr.period_cells.thinned_date_read`). A glyph is cut where
        :meth:`_slash_and_digit` finds a slash on one side and a digit on the other; the first
        :data:`SLASH_CANDIDATES_MAX` such glyphs only.
        """
        yield 0, self.read_date(crop)
        # the cuts only when asked for: a reading that makes a date asks for none (the crop's analysis is remembered)
        per, cuts = self._date_glyphs(crop, cuts=True)
        options = [i for i, c in enumerate(cuts) if c is not None][:SLASH_CANDIDATES_MAX]
        for n in range(1, min(SLASH_CUTS_MAX, len(options)) + 1):
            for chosen in itertools.combinations(options, n):
                yield n, _date_reading([cuts[i] if i in chosen else g for i, g in enumerate(per)])

    def _date_glyphs(self, crop: np.ndarray, cuts: bool = False
                     ) -> tuple[list[list[GlyphGuess]], list[list[GlyphGuess] | None]]:
        """The glyphs :meth:`read_date` reads for each blob, and (``cuts``) for each blob read surely as a digit,
        its slash and digit when one can be cut off it (:meth:`_slash_and_digit`), else None."""
        seg, items = self._analyse(crop)
        dh = seg.digit_height
        per: list[list[GlyphGuess]] = []
        split: list[list[GlyphGuess] | None] = []
        for b, kind, p in items:
            cut = None
            if kind is not None:
                glyphs = [GlyphGuess(kind, 1.0, b.box)]
            else:
                ch, conf, _ = self._number_guess(p)
                if ch != "?" and conf >= MERGE_ACCEPT:
                    glyphs = [GlyphGuess(ch, conf, b.box)]
                    cut = self._slash_and_digit(b, seg) if cuts and ch.isdigit() else None
                elif is_slash(b.mask, dh * seg.scale):
                    glyphs = [GlyphGuess("/", 1.0, b.box)]
                else:
                    glyphs = self._slash_and_digit(b, seg) or [GlyphGuess(ch, conf, b.box)]
            per.append(glyphs)
            split.append(cut)
        return per, split

    def _slash_and_digit(self, b: Blob, seg: Segmentation) -> list[GlyphGuess] | None:
        """A blob that is a slash touching a digit, cut in two at the column that
        leaves a slash on one side and the best-read digit on the other."""
        m, dh = b.mask, seg.digit_height * seg.scale
        w = m.shape[1]
        found: list[tuple[int, bool, np.ndarray]] = []  # (column, slash first, the digit's ink)
        sides = _SideInk(m)
        for c in range(max(2, int(0.15 * w)), min(w - 2, int(0.85 * w)) + 1):
            left, right = sides.left(c), sides.right(c)
            for slash_first, (sl, dg) in ((True, (left, right)), (False, (right, left))):
                if sl is not None and dg is not None and is_slash(sl, dh):
                    found.append((c, slash_first, dg))
        # the digits classified in batches (:data:`BATCH_INVARIANT`: as if one by one)
        probs = [q for at in range(0, len(found), BATCH_INVARIANT)
                 for q in self.mask_probabilities([f[2] for f in found[at:at + BATCH_INVARIANT]])]
        best: tuple[float, list[GlyphGuess]] | None = None
        for (c, slash_first, _), q in zip(found, probs):
            ch, conf, _ = self._number_guess(q)
            if ch == "?" or not ch.isdigit() or conf < MERGE_ACCEPT or (best and conf <= best[0]):
                continue
            x_cut = b.x + int(c / seg.scale)
            sbox = PixelBox(b.x, b.y, x_cut, b.y + b.h) if slash_first else PixelBox(x_cut, b.y, b.x + b.w, b.y + b.h)
            dbox = PixelBox(x_cut, b.y, b.x + b.w, b.y + b.h) if slash_first else PixelBox(b.x, b.y, x_cut, b.y + b.h)
            pair = [GlyphGuess("/", 1.0, sbox), GlyphGuess(ch, conf, dbox)]
            best = (conf, pair if slash_first else pair[::-1])
        return best[1] if best else None

    def read_code(self, crop: np.ndarray, letter_hint: str | None = None) -> Reading:
        """Read a question code: a letter ``i``/``e``/``o`` and digits, e.g. ``"i12"``.

        A leading circle (Thai ``๐``, Latin ``o``/``O``, Arabic ``0``) before
        other glyphs is the letter ``o``. When the letter is missing (the
        first glyph is a digit) or unreadable, ``letter_hint`` (the tool's
        letter) is used; without a hint the letter is ``?`` and the
        confidence at most 0.3. A read letter that disagrees with the hint
        halves the confidence (the hint wins unless the letter is 90% sure).
        """
        hint = letter_hint.lower() if letter_hint else None
        seg, items = self._analyse(crop)
        items = [it for it in items if it[1] != "-"]
        if not items:
            return Reading("", 0.0, ())
        glyphs: list[GlyphGuess] = []
        letter: GlyphGuess | None = None
        penalty = 1.0
        b0, _, p0 = items[0]
        if p0 is not None:
            cls = dict(zip(self.model.classes, (float(q) for q in p0)))
            more = len(items) > 1
            letters = {"i": cls["i"], "e": cls["e"], "o": cls["๐"] + cls["0"] if more else 0.0}
            digits = {m: cls[t] + cls[a] for t, a in zip(THAI_DIGITS, ARABIC_DIGITS)
                      if (m := _TO_ARABIC[t]) != "0" or not more}
            unreadable = cls["other"] + cls["."]
            best_l = max(letters, key=letters.__getitem__)
            best_d = max(digits, key=digits.__getitem__)
            top = max(letters[best_l], digits[best_d], unreadable)
            if letters[best_l] == top:
                letter = GlyphGuess(best_l, letters[best_l], b0.box)
                items = items[1:]
            elif unreadable == top:
                # an unreadable letter: the hint stands in, as sure as "no digit"
                letter = GlyphGuess(hint or "?", unreadable if hint else min(0.3, unreadable), b0.box)
                items = items[1:]
        if letter is not None and hint and letter.char not in (hint, "?"):
            if letter.confidence < 0.9:
                letter = GlyphGuess(hint, letter.confidence, letter.box)
            penalty = 0.5
        if letter is None:
            letter = GlyphGuess(hint or "?", 1.0 if hint else 0.3, PixelBox(b0.x, b0.y, b0.x, b0.y + b0.h))
        glyphs.append(letter)
        items = self._code_digits(seg, items)
        for b, kind, p in items:
            if kind is not None:
                point = kind in (".", ",")
                glyphs.append(GlyphGuess("?" if point else kind, 0.0 if point else 1.0, b.box))
            else:
                ch, conf, _ = self._number_guess(p)
                glyphs.append(GlyphGuess(ch, conf, b.box))
        text = "".join(g.char for g in glyphs)
        conf = min(g.confidence for g in glyphs) * penalty
        return Reading(text, conf, tuple(glyphs))


def _date_reading(per: list[list[GlyphGuess]]) -> Reading:
    glyphs = [g for gs in per for g in gs]
    if not glyphs:
        return Reading("", 0.0, ())
    return Reading("".join(g.char for g in glyphs), min(g.confidence for g in glyphs), tuple(glyphs))


_default: Recognizer | None = None
_default_lock = threading.Lock()


def default_recognizer() -> Recognizer:
    """The process's recognizer, created (and the shipped model loaded) on first use."""
    global _default
    with _default_lock:
        if _default is None:
            _default = Recognizer.load()
        return _default


def read_number(crop: np.ndarray) -> Reading:
    """:meth:`Recognizer.read_number` with the default recognizer."""
    return default_recognizer().read_number(crop)


def read_code(crop: np.ndarray, letter_hint: str | None = None) -> Reading:
    """:meth:`Recognizer.read_code` with the default recognizer."""
    return default_recognizer().read_code(crop, letter_hint)


def classify_glyphs(crop: np.ndarray) -> list[GlyphGuess]:
    """:meth:`Recognizer.classify_glyphs` with the default recognizer."""
    return default_recognizer().classify_glyphs(crop)
