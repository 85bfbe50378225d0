"""Views of a number's ink and the votes among their readings: the ink thinned, softened, inked heavier or lighter,
scaled or without its blots, each view read by the recognizer. Views that agree read a score no single reading
reads surely, and check the reading a score cell has: outvote it, dispute it or let it stand.
"""
from __future__ import annotations

import re

import cv2
import numpy as np

from extract.numerals.recognizer import Reading
from extract.ocr.ink import heavy_views, ink_levels
from extract.ocr.readings import CELL_READ_MIN, NumberReader, ends_contradict, lone_number
from extract.ocr.score_format import UNREAD_MARK, is_number, is_score_format, plausible_score
from extract.ocr.tokens import drop_stray_points


#: Ink darker than these shares of the way from a crop's darkest ink (5th percentile) to its ink threshold (Otsu)
#: is kept by :func:`thinned_read`, lighter ink turned to paper: each a level of thinning.
THIN_SHARES = (0.85, 0.8, 0.75, 0.7, 0.65, 0.6)
#: ... and a reading counts when this many levels read the same score, each surely (:data:`CELL_READ_MIN`).
THIN_AGREE = 2


def thinned(crop: np.ndarray, share: float) -> np.ndarray | None:
    """The crop with ink lighter than ``share`` of the way from its darkest ink to its threshold turned to paper.

    >>> crop = np.full((10, 12), 230, np.uint8); crop[2:8, 2:5] = 40; crop[2:8, 5:7] = 150; crop[2:8, 7:10] = 40
    >>> out = thinned(crop, 0.7); int(out[4, 3]), int(out[4, 6]), int(out[4, 8])
    (40, 255, 40)
    """
    levels = ink_levels(crop)
    if levels is None:
        return None
    t, _, dark = levels
    out = crop.copy()
    out[crop > dark + share * (t - dark)] = 255
    return out


def thinned_read(reader: NumberReader, crop: np.ndarray) -> Reading | None:
    """A score read from a number's ink thinned (:func:`thinned`), when :data:`THIN_AGREE` levels of
    :data:`THIN_SHARES` read the same score of the column's format surely, or None.

    Blur (a light print, a soft scan) joins tightly set Thai digits at their
    grey rims: ``๙๘`` becomes one blob that reads as ``๗`` or as two halves
    that read nothing surely (``7.31`` for ``๙๘.๙๑``). Their darker cores stand
    apart. Levels that agree are the evidence: a speck or a broken stroke reads
    differently at each.
    """
    found: dict[str, list[Reading]] = {}
    for share in THIN_SHARES:
        img = thinned(crop, share)
        r = None if img is None else lone_number(drop_stray_points(reader.read_number(img), ""))
        if r is not None and r.confidence >= CELL_READ_MIN and len(r.glyphs) >= 3 and is_score_format(r.text):
            found.setdefault(r.text, []).append(r)
    agreed = [rs for rs in found.values() if len(rs) >= THIN_AGREE]
    if len(agreed) != 1:
        return None
    return min(agreed[0], key=lambda r: r.confidence)


#: Views of a number's ink :func:`voted_read` reads: as it is, softened, inked heavier and lighter (a faint print's
#: thin strokes, blurred digits that touch), at another scale (pixels per stroke), and thinned to its darker cores.
VOTED_SCALES = (0.75, 1.5)
#: A reading of the voted views wins when at least this many views read it ...
VOTED_MIN_VIEWS = 4
#: ... their summed confidence is at least this many times the runner-up's ...
VOTED_MARGIN = 2.0
#: ... and their mean confidence at least this (each view alone may stay below :data:`CELL_READ_MIN`).
VOTED_MEAN_MIN = 0.4
#: Four digits without a point in a score column: the point joined a digit's foot (``๖.`` one blob).
_RE_POINTLESS = re.compile(r"^\d{4}$")
#: One decimal in a score column: a speck between two digits read as a point (``๑๐๐`` as ``10.0``).
_RE_ONE_DECIMAL = re.compile(r"^\d{1,2}\.\d$")


def as_printed(text: str) -> str:
    """A score column's reading in the column's format (two decimals, or ``100``): four digits without a point
    are ``dd.dd`` (its point, joined to the digit before it by blur, was read as part of that digit); a point
    that leaves one decimal is a speck when the digits alone are a score of the format (``10.0`` is ``100``).

    >>> as_printed("8669"), as_printed("86.69"), as_printed("100"), as_printed("869")
    ('86.69', '86.69', '100', '869')
    >>> as_printed("10.0"), as_printed("85.0"), as_printed("9.5")
    ('100', '85.0', '9.5')
    """
    if _RE_POINTLESS.match(text):
        return f"{text[:2]}.{text[2:]}"
    if _RE_ONE_DECIMAL.match(text) and is_score_format(joined := text.replace(".", "")):
        return joined
    return text


def ink_views(crop: np.ndarray) -> list[np.ndarray]:
    """A number's ink as it is and as other scans could have printed it (:data:`VOTED_SCALES`, :func:`thinned`).

    >>> crop = np.full((30, 80), 230, np.uint8); crop[5:25, 5:70] = 40
    >>> len(ink_views(crop))
    8
    """
    k = np.ones((2, 2), np.uint8)
    views = [crop, cv2.GaussianBlur(crop, (3, 3), 0), cv2.erode(crop, k), cv2.dilate(crop, k)]
    views += [cv2.resize(crop, None, fx=s, fy=s, interpolation=cv2.INTER_AREA if s < 1 else cv2.INTER_CUBIC)
              for s in VOTED_SCALES]
    levels = ink_levels(crop)
    if levels is not None:
        t, _, _ = levels
        views.append(np.where(crop > min(254.0, t + 30), 255, 0).astype(np.uint8))  # every grey rim kept as ink
    views += [v for share in (0.75,) if (v := thinned(crop, share)) is not None]
    return views


def voted_read(reader: NumberReader, crop: np.ndarray, line: bool = False) -> tuple[str, float] | None:
    """A score read by most views of a number's ink (:func:`ink_views`), each read in the column's format
    (:func:`as_printed`), when no single view reads it surely: (text, confidence 0-100) or None.
    ``line``: the ink is one line of a score its column wrapped (``๑๐`` of ``๑๐`` over ``๐.๐๐``): any
    number of one glyph or more, as read.

    A faint print or blurred digits leave one glyph unsure in every view (``๘๗.๓๓`` whose last ``๓``
    reads 0.47): views that agree on the whole reading are the evidence the one lacks. The agreeing views
    must be many (:data:`VOTED_MIN_VIEWS`), sure enough on average (:data:`VOTED_MEAN_MIN`) and outweigh any
    other reading (:data:`VOTED_MARGIN`); the confidence given is their mean. Views stop being read once no
    reading can gather :data:`VOTED_MIN_VIEWS` of them (scattered readings of a smudge: a third of the views).
    """
    weight: dict[str, float] = {}
    count: dict[str, int] = {}
    shown: dict[str, str] = {}
    views = ink_views(crop)
    for i, view in enumerate(views):
        if max(count.values(), default=0) + len(views) - i < VOTED_MIN_VIEWS:
            return None  # no reading can be read by VOTED_MIN_VIEWS views any more: the rest need not be read
        r = lone_number(drop_stray_points(reader.read_number(view), ""))
        if r is None or len(r.glyphs) < (1 if line else 3):
            continue
        text = r.text if line else as_printed(r.text)
        if not line and (not is_score_format(text) or not plausible_score(text)):
            continue
        key = text if line else f"{float(text):.2f}"
        weight[key] = weight.get(key, 0.0) + r.confidence
        count[key] = count.get(key, 0) + 1
        shown.setdefault(key, text)
    if not weight:
        return None
    best = max(weight, key=weight.__getitem__)
    runner = max((w for k, w in weight.items() if k != best), default=0.0)
    if count[best] < VOTED_MIN_VIEWS or weight[best] < VOTED_MARGIN * runner \
            or weight[best] / count[best] < VOTED_MEAN_MIN:
        return None
    return shown[best], 100.0 * weight[best] / count[best]


#: A blot (a drop of ink, a filled speck) is ink this many times as far from paper as the number's strokes are
#: at their middle (half their width): tried from the first, the least taken away (:func:`without_blots`).
BLOT_HALF_WIDTHS = (4.0, 3.5)
#: ... and at least this share of the ink's height deep (a thick font's heaviest stroke is no blot).
BLOT_HEIGHT_SHARE = 0.2


def without_blots(crop: np.ndarray, half_widths: float) -> np.ndarray | None:
    """The crop with its blots turned to paper: ink ``half_widths`` times as deep (distance to paper) as the
    strokes' median depth and :data:`BLOT_HEIGHT_SHARE` of the digits' height, with the disc of ink around it;
    None when it holds none. The digits' height is the ink's without the discs of the ink that deep: a blot
    under the line (a drop of toner at a digit's foot) makes the ink taller than the digits it touches.

    >>> crop = np.full((40, 80), 230, np.uint8); crop[10:30, 10:13] = 40; crop[10:30, 30:33] = 40
    >>> without_blots(crop, 4.0) is None
    True
    >>> crop[12:32, 50:70] = 40   # a blot beside two strokes
    >>> out = without_blots(crop, 4.0); int(out[20, 60]), int(out[20, 11])
    (255, 40)
    >>> crop = np.full((60, 80), 230, np.uint8); crop[10:30, 10:13] = 40; crop[10:30, 30:33] = 40
    >>> _ = cv2.circle(crop, (46, 36), 6, 40, -1)   # a blot at the line, reaching below it
    >>> int(without_blots(crop, 4.0)[36, 46])
    255
    """
    levels = ink_levels(crop)
    if levels is None:
        return None
    _, mask, _ = levels
    depth = cv2.distanceTransform(mask.astype(np.uint8), cv2.DIST_L2, 5)
    half = float(np.median(depth[depth > 0])) if (depth > 0).any() else 0.0
    deep = half_widths * max(half, 1.0)
    if not (depth >= deep).any():
        return None
    discs = _discs(depth, depth >= deep)
    rows = np.nonzero(((mask > 0) & (discs == 0)).any(axis=1))[0]
    height = float(rows[-1] - rows[0] + 1) if len(rows) else 0.0
    least = max(deep, BLOT_HEIGHT_SHARE * height)
    if not (depth >= least).any():
        return None
    out = crop.copy()
    out[(discs if least == deep else _discs(depth, depth >= least)) > 0] = 255  # the deep ink's discs, found once
    return out


def _discs(depth: np.ndarray, centres: np.ndarray) -> np.ndarray:
    """The discs of ink around the pixels ``centres`` (1 inside), each as wide as its pixel is deep."""
    out = np.zeros(depth.shape, np.uint8)
    for y, x in zip(*np.nonzero(centres)):
        cv2.circle(out, (int(x), int(y)), int(np.ceil(depth[y, x])) + 1, 1, -1)
    return out


def blot_free_read(reader: NumberReader, crop: np.ndarray) -> tuple[str, float] | None:
    """A score read surely from a number's ink without its blots (:func:`without_blots`): (text, confidence
    0-100) or None.

    A blot touching a digit (``๘`` with a drop of ink at its tail) makes one glyph the recognizer cannot read,
    and Tesseract reads the whole number otherwise (``33.25`` for ``๗๓.๒๘``); the blot is far thicker than any
    stroke of the print.
    """
    for half_widths in BLOT_HALF_WIDTHS:
        clean = without_blots(crop, half_widths)
        if clean is None:
            continue
        r = lone_number(drop_stray_points(reader.read_number(clean), ""))
        if r is not None and r.confidence >= CELL_READ_MIN and is_score_format(r.text) and plausible_score(r.text):
            return r.text, r.confidence * 100.0
    return None


#: A thin print's number is read in again heavier (:func:`heavy_read`, views of :func:`extract.ocr.ink.heavy_views`).
#: A score wins when at least this many heavier views read it this surely each (the views of a thin print
#: read below :data:`CELL_READ_MIN`: the hairlines they mend stay thin), ...
HEAVY_AGREE, HEAVY_SURE = 2, 0.5
#: ... and the views that read it outweigh (summed confidence) this many times any other score they read.
HEAVY_MARGIN = 2.0


def heavy_read(reader: NumberReader, crop: np.ndarray, seen: Reading | None = None) -> tuple[str, float] | None:
    """A score read from a number's ink made heavier (:func:`heavy_views`) by at least :data:`HEAVY_AGREE`
    views, each at least :data:`HEAVY_SURE` sure, outweighing any other score they read
    (:data:`HEAVY_MARGIN`), and not contradicted by the ink's own reading ``seen`` (:func:`ends_contradict`):
    (text, mean confidence 0-100 of those views) or None.

    A fine print's hairlines break in the scan: the top of a ``๐`` opens and its two halves are two glyphs
    no class fits (``9??.98`` for ``๙๐.๙๘``), a ``๖``'s loop parts from its tail. Grown strokes close the
    gaps; views that grow them differently and agree are the evidence, the format and the glyphs the thin
    ink read surely the check (grown strokes can also close what is open: ``๕`` without its tail is ``๔``).
    """
    weight: dict[str, float] = {}
    sure: dict[str, list[float]] = {}
    shown: dict[str, str] = {}
    for view in heavy_views(crop):
        r = lone_number(drop_stray_points(reader.read_number(view), ""))
        if r is None or len(r.glyphs) < 3:
            continue
        text = as_printed(r.text)
        if not is_score_format(text) or not plausible_score(text):
            continue
        key = f"{float(text):.2f}"
        weight[key] = weight.get(key, 0.0) + r.confidence
        shown.setdefault(key, text)
        if r.confidence >= HEAVY_SURE:
            sure.setdefault(key, []).append(r.confidence)
    if not weight:
        return None
    best = max(weight, key=weight.__getitem__)
    runner = max((w for k, w in weight.items() if k != best), default=0.0)
    if len(sure.get(best, ())) < HEAVY_AGREE or weight[best] < HEAVY_MARGIN * runner \
            or ends_contradict(shown[best], seen):
        return None
    return shown[best], 100.0 * sum(sure[best]) / len(sure[best])


#: Views of a score's ink the recognizer reads again to check a reading (:func:`view_votes`): thinned to its darker
#: cores at these levels (:func:`thinned`: digits that blur joined stand apart; the first level is read first), then
#: the ink as it is.
VOTE_THIN = (0.75, 0.65, 0.85)
#: Another score replaces a cell's reading when at least this many views read it, each surely
#: (:data:`CELL_READ_MIN`), and more views read it than the cell's reading (:func:`outvoted`).
VOTE_MIN = 2
#: ... unless the ink as it is reads the cell's reading this surely.
VOTE_INK_SURE = 0.9


def score_views(crop: np.ndarray) -> list[np.ndarray]:
    """A number's ink as the recognizer reads it to check a reading: thinned at the first level, as it is, thinned
    at the other levels.

    >>> crop = np.full((30, 80), 230, np.uint8); crop[5:25, 5:70] = 40
    >>> [v.shape for v in score_views(crop)]
    [(30, 80), (30, 80), (30, 80), (30, 80)]
    """
    thin = [t for share in VOTE_THIN if (t := thinned(crop, share)) is not None]
    return thin[:1] + [crop] + thin[1:]


def view_votes(reader: NumberReader, crop: np.ndarray, text: str | None = None) -> dict[str, int]:
    """How many views of a number's ink (:func:`score_views`) read each score of the format, surely.

    Given the reading ``text`` to check, the views stop at the first when it reads ``text`` too (two
    readers of the same ink that agree are evidence enough, and most cells read alike in every view),
    and as soon as no other reading can outvote it (:func:`outvoted`).
    """
    votes: dict[str, int] = {}
    views = score_views(crop)
    for i, view in enumerate(views):
        r = lone_number(drop_stray_points(reader.read_number(view), ""))
        if r is not None and r.confidence >= CELL_READ_MIN and is_score_format(r.text):
            votes[r.text] = votes.get(r.text, 0) + 1
        if text is not None:
            own = sum(n for t, n in votes.items() if float(t) == float(text))
            other = max((n for t, n in votes.items() if float(t) != float(text)), default=0)
            # the ink as it is read surely as ``text`` stands against thinned views: thinning takes strokes away
            # and can leave a digit's sibling without them (``๕`` without its tail reads ``๔``)
            sure = view is crop and r is not None and r.confidence >= VOTE_INK_SURE and float(r.text or "nan") == float(text)
            if (i == 0 and own) or sure or other + len(views) - i - 1 < max(VOTE_MIN, own + 1):
                break
    return votes


def outvoted(text: str, votes: dict[str, int]) -> str | None:
    """The score most views read instead of ``text``, when at least :data:`VOTE_MIN` of them and more than read
    ``text`` (as the same number: ``100`` is ``100.00``) did; None when ``text`` stands.

    >>> outvoted("86.72", {"86.32": 5, "86.72": 1}), outvoted("86.72", {"86.32": 1}), outvoted("100", {"100.00": 6})
    ('86.32', None, None)
    >>> outvoted("77.48", {"87.48": 3, "77.48": 3}), outvoted("77.48", {"87.48": 3, "81.48": 3})
    (None, None)
    """
    same = lambda a: float(a) == float(text)  # noqa: E731
    own = sum(n for t, n in votes.items() if same(t))
    others = sorted(((n, t) for t, n in votes.items() if not same(t)), reverse=True)
    if not others or others[0][0] < VOTE_MIN or others[0][0] <= own:
        return None
    if len(others) > 1 and others[1][0] == others[0][0]:
        return None  # two others read as often: no reading wins
    return others[0][1]


#: The views as other scans could print the ink side with a reading thinned views outvoted when at least this many
#: of them (half) read it surely and none the other (:func:`outvote_stands`).
OUTVOTE_INK_MIN = 4


def outvote_stands(reader: NumberReader, crop: np.ndarray, text: str, other: str, votes: dict[str, int]) -> str:
    """What a cell reads when views of its ink (:func:`view_votes`) outvote its reading ``text`` with ``other``
    (:func:`outvoted`): the views as other scans could have printed the ink (:func:`ink_view_votes`: heavier,
    lighter, softer, at other scales) are asked too. ``other`` when they do not side with ``text``; ``text``
    when all views together read it :data:`VOTED_MARGIN` times as often as ``other``; else the two readings
    dispute the ink and the cell is unreadable (``text`` with :data:`UNREAD_MARK`).

    Thinned views part touching digits where the ink as it is joins them, but at small sizes they can also
    break one digit in two (``๗๕`` of a blurred 200 dpi print read ``34`` thinned, ``75`` in every other view).
    """
    ink = ink_view_votes(reader, crop)
    same = lambda a, b: float(a) == float(b)  # noqa: E731
    for_text = sum(n for t, n in ink.items() if same(t, text))
    if for_text < OUTVOTE_INK_MIN or any(same(t, other) for t in ink) or settles(reader, crop, other):
        return other
    merged = merged_votes(votes, ink)
    own = sum(n for t, n in merged.items() if same(t, text))
    rival = max((n for t, n in merged.items() if not same(t, text)), default=0)
    return text if own >= VOTED_MARGIN * rival else text + UNREAD_MARK


def disputed(text: str, votes: dict[str, int]) -> bool:
    """Whether views of the ink that read ``text`` (at least one) read another score as often (:func:`view_votes`):
    two readings of the same ink that disagree, neither outvoting the other, and no evidence for either. Touching
    digits cut in two places read two scores (``๘๗`` as ``77`` as it is, ``87`` thinned): the cell is unreadable.

    >>> disputed("77.50", {"77.50": 1, "87.50": 1}), disputed("77.50", {"77.50": 2, "87.50": 1})
    (True, False)
    >>> disputed("100", {"100.00": 1}), disputed("77.50", {"87.50": 1}), disputed("77.50", {})
    (False, False, False)
    """
    own = sum(n for t, n in votes.items() if float(t) == float(text))
    return own >= 1 and max((n for t, n in votes.items() if float(t) != float(text)), default=0) >= own


def ink_view_votes(reader: NumberReader, crop: np.ndarray) -> dict[str, int]:
    """How many views of a number's ink as other scans could have printed it (:func:`ink_views`: heavier,
    lighter, softer, at other scales) read each score of the format, surely (:data:`CELL_READ_MIN`)."""
    votes: dict[str, int] = {}
    for view in ink_views(crop):
        r = lone_number(drop_stray_points(reader.read_number(view), ""))
        if r is not None and r.confidence >= CELL_READ_MIN and len(r.glyphs) >= 3:
            text = as_printed(r.text)
            if is_score_format(text) and plausible_score(text):
                key = f"{float(text):.2f}"
                votes[key] = votes.get(key, 0) + 1
    return votes


def reads_surely(reader: NumberReader, crop: np.ndarray, text: str) -> bool:
    """Whether the ink as it is reads ``text`` at least :data:`VOTE_INK_SURE` sure: it stands against other views
    (thinning takes strokes away and can leave a digit's sibling: ``๕`` without its tail reads ``๔``)."""
    r = lone_number(drop_stray_points(reader.read_number(crop), ""))
    return r is not None and r.confidence >= VOTE_INK_SURE and is_number(r.text) and float(r.text) == float(text)


#: Levels of thinning deeper than any view of a dispute reads (:func:`thinned`): the third view that settles it.
SETTLE_THIN = (0.55, 0.5)


def settles(reader: NumberReader, crop: np.ndarray, text: str) -> bool:
    """Whether a third view settles a dispute over ``text`` (:func:`disputed`, :func:`outweighed`): the number's
    ink thinned deeper than any view that disputed it (:data:`SETTLE_THIN`), where every level reads ``text``
    surely (:data:`CELL_READ_MIN`) in the column's format. The views then agree on ``text``; a level that
    reads another score, or nothing surely, leaves the dispute to stand (the cell unreadable).

    Blur and a phone's soft focus join tightly set digits at their grey rims, so views read them cut in
    different places (``๘๗`` as ``77`` in a blurred view, ``87`` in a thinned one); the darkest cores of the
    strokes stand apart.
    """
    for share in SETTLE_THIN:
        img = thinned(crop, share)
        r = None if img is None else lone_number(drop_stray_points(reader.read_number(img), ""))
        if r is None or r.confidence < CELL_READ_MIN or len(r.glyphs) < 3:
            return False
        shown = as_printed(r.text)
        if not is_score_format(shown) or float(shown) != float(text):
            return False
    return True


def merged_votes(*votes: dict[str, int]) -> dict[str, int]:
    """Votes of several sets of views added up, each score as one key (``100`` is ``100.00``).

    >>> merged_votes({"87.50": 2, "100": 1}, {"77.50": 2, "87.50": 1, "100.00": 1})
    {'87.50': 3, '100.00': 2, '77.50': 2}
    """
    out: dict[str, int] = {}
    for v in votes:
        for t, n in v.items():
            key = f"{float(t):.2f}"
            out[key] = out.get(key, 0) + n
    return out


def outweighed(text: str, votes: dict[str, int]) -> bool:
    """Whether another score is read by at least one view and by as many views as ``text``.

    >>> outweighed("34.00", {"75.00": 3, "39.00": 1}), outweighed("34.00", {"34.00": 1, "75.00": 1})
    (True, True)
    >>> outweighed("34.00", {"34.00": 2, "75.00": 1}), outweighed("34.00", {}), outweighed("100", {"100.00": 4})
    (False, False, False)
    """
    own = sum(n for t, n in votes.items() if float(t) == float(text))
    return max((n for t, n in votes.items() if float(t) != float(text)), default=0) >= max(1, own)
