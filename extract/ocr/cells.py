"""Read the blanks: table cells with ink whose words came out empty or unreadable.

Tesseract sometimes finds no word in a cell that holds a score (grain, a
stamp, a faint print), or reads it as letters that no re-read of the word
could turn into a number (``ส๕๓๕`` for ``๙๙.๓๘``, ``100.00'`` with a speck
that is no glyph). Before such a cell is given up (``score-unreadable``
downstream), its whole ink is read again by the numeral recognizer, which
needs no word box from Tesseract:

* a cell with ink and no word at all;
* a cell whose words are all short numeral-like tokens (digits, dots,
  Latin look-alikes, specks read as ``|`` ``,`` ``ENG``) and not all of them
  read as a number.

The ink read is the cell's, or the digit words' when there are some (specks
elsewhere in the cell stay out). When the recognizer reads one number there,
surely enough, and nothing but specks beside it, the number becomes the
cell's only word. When the recognizer cannot read that ink (serif zeros
whose hairlines the scan broke fall into pieces: ``1`` for ``100.00``), the
engine reads the same ink alone as one word (:func:`engine_number`): a
number it reads surely enough, with more digits than the cell's words had,
replaces them. Otherwise the cell stays as it was. Cells with Thai words
(questions, analyses, dates) are never touched.

The parts it reads them with: :mod:`extract.ocr.score_format` judges a cell's
words, :mod:`extract.ocr.columns` a table's columns, :mod:`extract.ocr.readings`
a reading of a number's ink, :mod:`extract.ocr.ink` and :mod:`extract.ocr.marks`
the ink itself, and :mod:`extract.ocr.votes` reads views of it that vote.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

import numpy as np

from extract.numerals.recognizer import Reading
from extract.ocr.columns import (
    SCORE_COLUMN_MIN,
    alike_grid,
    body_rows,
    cell_words,
    column_grey,
    column_number_place,
    score_columns,
    words_in,
)
from extract.ocr.engine import OcrEngine, OcrWord
from extract.ocr.ink import (
    INK_HEIGHT_MM,
    INSET_300,
    MIN_INK_300,
    ink_grey,
    ink_levels,
    ink_lines,
    inked_cell,
    lost_digits,
    lost_integer_digit,
    more_glyphs_than_read,
    short_of_glyphs,
    number_box,
    number_ink,
)
from extract.ocr.marks import (
    blot_words,
    crossed,
    dash_box,
    dust_only,
    is_filled_dot,
    lighter,
    number_band,
    speck_words,
    stamp_words,
    too_little_print,
    without_light_ink,
    without_low_specks,
)
from extract.ocr.readings import (
    CELL_READ_MIN,
    SINGLE_GLYPH_MIN,
    NumberReader,
    OnLineReader,
    agree_with_seen,
    agrees,
    colon_point,
    contradicts,
    engine_cannot_have_read,
    engine_number,
    hundred_whole,
    lone_number,
    sizes_disagree,
    whole,
)
from extract.ocr.score_format import (
    _RE_PUNCT,
    _TO_ARABIC,
    HUNDRED,
    UNREAD_MARK,
    drop_doubles,
    engine_thai_score,
    full_score,
    is_number,
    is_score_format,
    joined_decimal,
    off_format,
    plausible_score,
    split_number,
    thai_in_score_cell,
    worth_rereading,
    wrapped_hundred,
    wrapped_score,
)
from extract.ocr.stamps import Ring, lettering_beside_number
from extract.ocr.tokens import drop_stray_points
from extract.ocr.votes import (
    as_printed,
    blot_free_read,
    disputed,
    heavy_read,
    ink_view_votes,
    merged_votes,
    outvote_stands,
    outvoted,
    outweighed,
    reads_surely,
    settles,
    thinned_read,
    view_votes,
    voted_read,
)
from ita_extract.page import Grid, PixelBox
from normalize.thaichars import DIGITS, charset


#: Paper around the place a score column prints its numbers, as a share of their height.
PLACE_PAD = 0.3


#: A table whose inked cells came out without words at least this often is read again alone.
EMPTY_TABLE_SHARE = 0.5


@dataclass(frozen=True)
class CellReread:
    """A cell read again: its box (pixels), the words it had and the word that replaces them."""

    box: PixelBox
    before: tuple[OcrWord, ...]
    after: OcrWord


def wrapped_read(reader: NumberReader, crop: np.ndarray, dpi: float) -> tuple[str, float, tuple[int, int, int, int]] | None:
    """A score cell whose ink is a score its narrow column wrapped onto lines (``๑๐`` over ``๐.๐๐``), read line by
    line: (text, confidence 0-100, box in crop pixels) when every line reads surely and together they make one
    score of the format; None otherwise (and for ink on one line). Read as one crop, the busiest line wins.
    """
    lines = ink_lines(crop, dpi)
    if len(lines) < 2:
        return None
    pad = max(2, int(4 * dpi / 300.0))
    texts, confs, xs = [], [], []
    for top, bottom in lines:
        band = crop[max(0, top - pad):bottom + pad + 1]
        levels = ink_levels(band)
        cols = np.flatnonzero(levels[1].sum(axis=0) > 0) if levels is not None else np.array([], int)
        if cols.size == 0:
            return None
        x0, x1 = max(0, int(cols[0]) - pad), min(crop.shape[1], int(cols[-1]) + pad + 1)
        r = lone_number(drop_stray_points(reader.read_number(band[:, x0:x1]), ""))
        if r is None or r.confidence < CELL_READ_MIN:
            # a faint or broken print: the line as most views of its ink read it (:func:`voted_read`)
            voted = voted_read(reader, band[:, x0:x1], line=True)
            if voted is None:
                return None
            r = Reading(voted[0], voted[1] / 100.0, ())
        texts.append(r.text)
        confs.append(r.confidence)
        xs += [x0, x1]
    text = "".join(texts)
    if not is_score_format(text):
        return None
    return text, min(confs) * 100.0, (min(xs), lines[0][0], max(xs), lines[-1][1])


def stamp_free_read(reader: NumberReader, crop: np.ndarray, dpi: float, min_ink: int,
                    hundred: bool = False) -> tuple[str, float, tuple[int, int, int, int]] | None:
    """A score cell's number read without the lighter ink over it (:func:`without_light_ink`), when that reads
    one full score surely: (text, confidence 0-100, box in crop pixels). ``hundred``: ``100`` as a column prints
    it without decimals counts too, its three glyphs read surely (not where Thai letters were read: only a full
    score replaces those)."""
    clean = without_light_ink(crop, dpi)
    ink = None if clean is None else number_box(clean, [], min_ink)
    if ink is None or not INK_HEIGHT_MM[0] <= ink.height * 25.4 / dpi <= INK_HEIGHT_MM[1]:
        return None
    pad = max(2, int(4 * dpi / 300.0))
    x0, y0 = max(0, ink.x0 - pad), max(0, ink.top - pad)
    x1, y1 = min(crop.shape[1], ink.x1 + pad), min(crop.shape[0], ink.bottom + pad)
    r = lone_number(drop_stray_points(reader.read_number(clean[y0:y1, x0:x1]), ""))
    if r is None or r.confidence < CELL_READ_MIN or not (full_score(r.text) or (hundred and r.text == "100")):
        return None
    return r.text, r.confidence * 100.0, (ink.x0, ink.top, ink.x1, ink.bottom)


def reads_whole(box: tuple[int, int, int, int], words: list[OcrWord]) -> bool:
    """Whether a reading's box (page pixels) reaches every line of the cell's words that hold a digit.

    A score its narrow column wrapped (``๑๐`` over ``๐.๐๐``) is two lines: a reading of one line alone
    (``0.00``) is part of the score, never the score.

    >>> w = lambda t, top: OcrWord(t, 10, top, 40, top + 20, 90.0, (1, top, 1))
    >>> reads_whole((10, 100, 40, 120), [w("0.60", 100), w("10", 60)]), reads_whole((10, 60, 40, 120), [w("10", 60)])
    (False, True)
    >>> reads_whole((10, 100, 40, 120), [w("0.60", 100), w("|", 60)]), reads_whole((10, 100, 40, 120), [])
    (True, True)
    """
    return all(w.bottom > box[1] and w.top < box[3] for w in words
               if re.search(f"[0-9{charset(DIGITS)}]", w.text))


def whole_stamp_read(reader: NumberReader, crop: np.ndarray, dpi: float, min_ink: int, hundred: bool,
                     origin: tuple[int, int], words: list[OcrWord]) -> tuple[str, float, tuple[int, int, int, int]] | None:
    """:func:`stamp_free_read` with its box in page pixels (``origin``: the crop's corner), when it reads the
    cell's whole number (:func:`reads_whole`)."""
    if (stamp := stamp_free_read(reader, crop, dpi, min_ink, hundred)) is None:
        return None
    box = (origin[0] + stamp[2][0], origin[1] + stamp[2][1], origin[0] + stamp[2][2], origin[1] + stamp[2][3])
    if (grey := ink_grey(crop, stamp[2])) is not None:
        # words of the stamp's own lettering (far lighter than the number read) are no line of the number
        words = [w for w in words if not lighter(crop, (w.x0 - origin[0], w.top - origin[1], w.x1 - origin[0],
                                                        w.bottom - origin[1]), grey)]
    return (stamp[0], stamp[1], box) if reads_whole(box, words) else None


def place_read(reader: NumberReader, image: np.ndarray, box: tuple[float, float, float, float],
               place: tuple[float, float, float, float, bool] | None,
               dpi: float) -> tuple[str, float, tuple[int, int, int, int]] | None:
    """A score cell read where its column prints its numbers (:func:`column_number_place`), when that reads one
    score of the format surely: (text, confidence 0-100, box in page pixels)."""
    if place is None:
        return None
    px0, px1, top, bottom, from_mid = place
    ref = (box[1] + box[3]) / 2 if from_mid else box[1]
    pad = max(2, int(round(PLACE_PAD * (bottom - top))))
    H, W = image.shape[:2]
    x0, x1 = max(0, int(box[0] + px0) - pad), min(W, int(box[0] + px1) + pad)
    y0, y1 = max(0, int(ref + top) - pad), min(H, int(ref + bottom) + pad)
    if x1 - x0 < 4 or y1 - y0 < 4 or y0 < box[1] - pad or y1 > box[3] + pad:
        return None
    r = lone_number(drop_stray_points(reader.read_number(image[y0:y1, x0:x1]), ""))
    if r is None or r.confidence < CELL_READ_MIN or len(r.glyphs) < 3 or not is_score_format(r.text):
        return None
    return r.text, r.confidence * 100.0, (x0, y0, x1, y1)


def unread_number(inside: list[OcrWord], crop: np.ndarray, dpi: float,
                  place: tuple[float, float, float, float, bool] | None, cx0: int, cy0: int,
                  key: tuple[int, int, int], grey: tuple[float, float] | None = None) -> OcrWord | None:
    """A score cell that no reading could make a number of, as the mark :data:`UNREAD_MARK` where its number's
    ink is (:func:`number_ink`, at the column's digit height from ``place``), or None: a cell without words (or
    with specks read as punctuation, which downstream takes for a dash) and no printed number stays empty.
    Ink far lighter than the column's print (``grey``, :func:`column_grey`) is a stamp's lettering, no number;
    too little ink as dark as the print for two digits (:func:`extract.ocr.marks.too_little_print`) is a dash in
    the paper's grain.

    What cannot be read is flagged, never left as an empty cell: ``score-unreadable`` downstream.
    """
    if not all(_RE_PUNCT.match(w.text) for w in inside):
        return None
    ink = number_ink(crop, dpi, None if place is None else place[3] - place[2])
    if ink is None or (grey is not None and (lighter(crop, (ink.x0, ink.top, ink.x1, ink.bottom), grey)
                                             or too_little_print(crop, ink.top, ink.bottom, grey))):
        return None
    return OcrWord(UNREAD_MARK, cx0 + ink.x0, cy0 + ink.top, cx0 + ink.x1, cy0 + ink.bottom, 0.0, key, "cell")


def word_number_ink(crop: np.ndarray, word: OcrWord, cx0: int, cy0: int, dpi: float,
                    min_ink: int) -> np.ndarray | None:
    """The ink of a cell's number grown from its word's box (:func:`extract.ocr.ink.number_box`), a few pixels of
    paper round it; None when it holds no number's ink (:data:`INK_HEIGHT_MM`)."""
    ink = number_box(crop, [PixelBox(word.x0 - cx0, word.top - cy0, word.x1 - cx0, word.bottom - cy0)], min_ink)
    if ink is None or not INK_HEIGHT_MM[0] <= ink.height * 25.4 / dpi <= INK_HEIGHT_MM[1]:
        return None
    pad = max(2, int(4 * dpi / 300.0))
    return crop[max(0, ink.top - pad):min(crop.shape[0], ink.bottom + pad),
                max(0, ink.x0 - pad):min(crop.shape[1], ink.x1 + pad)]


#: Two integer digits and the decimals of a score (``77.59``).
_RE_TWO_INTEGERS = re.compile(r"^[1-9]\d\.\d{2}$")


def integer_digits_read(reader: NumberReader, crop: np.ndarray, word: OcrWord, cx0: int, cy0: int, dpi: float,
                        min_ink: int) -> OcrWord | None:
    """A score read with one integer digit where its ink holds two (:func:`extract.ocr.ink.lost_integer_digit`:
    ``7.59`` for ``๗๗.๕๙``), read again from the number's whole ink: the score with two integer digits and the
    word's decimals that the ink as it is reads surely (:data:`CELL_READ_MIN`) or most views of it read
    (:func:`extract.ocr.votes.voted_read`), when no other view outvotes it (:func:`view_votes`); else None.

    Tesseract's word can leave out a digit its box does not cover (the first ``๗`` of ``๗๗.๕๙`` in a light
    face), and every view of the whole ink may read the number.
    """
    number = word_number_ink(crop, word, cx0, cy0, dpi, min_ink)
    if number is None:
        return None
    decimals = word.text.translate(_TO_ARABIC).split(".")[1]
    r = lone_number(drop_stray_points(reader.read_number(number), ""))
    read = (r.text, r.confidence * 100.0) if r is not None and r.confidence >= CELL_READ_MIN else voted_read(
        reader, number)
    if read is None or not _RE_TWO_INTEGERS.match(read[0]) or read[0].split(".")[1] != decimals \
            or not plausible_score(read[0]) or outvoted(read[0], view_votes(reader, number, read[0])) is not None:
        return None
    return OcrWord(read[0], word.x0, word.top, word.x1, word.bottom, read[1], word.line_key, "cell")


def checked_score(reader: NumberReader, crop: np.ndarray, word: OcrWord, cx0: int, cy0: int, dpi: float,
                  min_ink: int) -> OcrWord | None:
    """A score cell's one word read as another score by most views of its ink (:func:`view_votes`,
    :func:`outvoted`), or None when its reading stands.

    Two readings of the same ink that disagree are evidence of a misreading: a cut through touching digits
    (``๓๒`` cut so that ``๓`` keeps a stroke of ``๒`` and reads ``๗``) is made elsewhere in a thinned or
    scaled view, and a reading most views share outweighs the one.
    """
    number = word_number_ink(crop, word, cx0, cy0, dpi, min_ink)
    if number is None:
        return None
    text = word.text.translate(_TO_ARABIC)
    votes = view_votes(reader, number, text)
    voted = outvoted(text, votes)
    if voted is not None:
        voted = outvote_stands(reader, number, text, voted, votes)
        if voted == text:
            return None
    if voted is None and disputed(text, votes) and not reads_surely(reader, number, text) \
            and not settles(reader, number, text):
        voted = text + UNREAD_MARK  # two readings of the ink, neither outvoting the other: null, flagged downstream
    if voted is None:
        return None
    return OcrWord(voted, word.x0, word.top, word.x1, word.bottom, word.conf, word.line_key, "cell")


def reread_cells(words: list[OcrWord], grids: tuple[Grid, ...] | list[Grid], image: np.ndarray, dpi: float,
                 reader: NumberReader, engine: OcrEngine | None = None, rings: Sequence[Ring] = ()
                 ) -> tuple[list[OcrWord], list[CellReread]]:
    """The page's words with blank or unreadable numeric cells read again (and what changed).

    ``engine`` reads a number's ink alone when the recognizer cannot (:func:`engine_number`); ``rings`` are the
    page's round stamps (:func:`extract.ocr.stamps.stamp_rings`), whose lettering beside a score is no part of it.
    """
    k = dpi / 300.0
    inset, min_ink = max(2, int(INSET_300 * k)), int(MIN_INK_300 * k * k)
    reader = OnLineReader(reader)  # a speck above the line is no decimal point, in every view of a cell's ink
    out = list(words)
    changes: list[CellReread] = []
    H, W = image.shape[:2]
    scored = [score_columns(grid, out) for grid in grids]
    for g, grid in enumerate(grids):
        score_cols, alike = scored[g], None
        if not score_cols and (alike := alike_grid(grid, [(o, c) for h, (o, c) in enumerate(zip(grids, scored))
                                                          if h != g], dpi)) is not None:
            # the page's other tables printed alike name the column, and where its numbers stand (a stamp
            # garbled every score of a short table, and its header)
            score_cols = alike[1]
        places = {c: p for c in score_cols if (p := column_number_place(grid, c, out) or (
            alike and column_number_place(alike[0], c, out))) is not None}
        greys = {c: column_grey(grid, c, out, image) for c in score_cols}
        # a header's cell (``คะแนน`` Tesseract missed) holds ink but never a score
        body = {c: {id(r) for r in body_rows(grid, c, out)} for c in score_cols}
        for row in grid.rows:
            for col, box in enumerate(row):
                if box is None:
                    continue
                x0, y0, x1, y1 = (int(round(v)) for v in box)
                inside = cell_words(out, box)
                if len(kept := drop_doubles(inside)) < len(inside):
                    out = [w for w in out if w not in inside or w in kept]
                    inside = kept
                if col in score_cols and (specks := speck_words(inside, dpi)) and len(specks) < len(inside):
                    # a speck read as a sign or digit beside the score (``+`` by ``๑๐`` over ``๐.๐๐``)
                    out = [w for w in out if all(w is not x for x in specks)]
                    inside = [w for w in inside if all(w is not x for x in specks)]
                cx0, cy0, cx1, cy1 = max(0, x0 + inset), max(0, y0 + inset), min(W, x1 - inset), min(H, y1 - inset)
                crop = image[cy0:cy1, cx0:cx1]
                if inside and all(_RE_PUNCT.match(w.text) for w in inside) and (d := dash_box(crop, dpi)) is not None:
                    word = OcrWord("-", cx0 + d.x0, cy0 + d.top, cx0 + d.x1, cy0 + d.bottom, 100.0, inside[0].line_key, "cell")
                    if [w.text for w in inside] != ["-"]:
                        out = [w for w in out if w not in inside] + [word]
                        changes.append(CellReread(PixelBox(x0, y0, x1, y1), tuple(inside), word))
                    continue
                if inside and dust_only(inside, crop, dpi):
                    # specks read as ``,`` ``'`` ``4`` (the rest of a row a page break cut): the cell is empty
                    out = [w for w in out if w not in inside]
                    continue
                in_scores = col in score_cols
                if in_scores and wrapped_hundred(inside):
                    # a wrapped ``๑๐`` over ``๐.๐๐`` with a speck in a ``๐`` (``10`` over ``0.60``): 100.00
                    digits = [w for w in inside if not _RE_PUNCT.match(w.text)]
                    word = OcrWord(HUNDRED, min(w.x0 for w in digits), min(w.top for w in digits),
                                   max(w.x1 for w in digits), max(w.bottom for w in digits),
                                   min(w.conf for w in digits), min(digits, key=lambda w: w.top).line_key, "cell")
                    out = [w for w in out if w not in inside] + [word]
                    changes.append(CellReread(PixelBox(x0, y0, x1, y1), tuple(inside), word))
                    continue
                if in_scores and wrapped_score(inside) is not None:
                    # a score its narrow column wrapped (``๑๐`` over ``๐.๐๐``): read whole, line by line; a speck
                    # read as ``.`` beside a line is no part of it (``10 . 0.00`` is no number)
                    out = [w for w in out if w not in inside or not _RE_PUNCT.match(w.text)]
                    continue
                if in_scores and all(is_number(w.text) or _RE_PUNCT.match(w.text) for w in inside) \
                        and (wrap := wrapped_read(reader, crop, dpi)) is not None \
                        and wrap[0] != "".join(w.text for w in inside if is_number(w.text)):
                    # ink on lines that make one score line by line, and no word or the words of one line only
                    # (Tesseract missed ``๑๐`` over ``๐.๐๐``): a score its column wrapped
                    text, conf, (bx0, by0, bx1, by1) = wrap
                    key = inside[0].line_key if inside else (10_000 + len(changes), 1, 1)
                    word = OcrWord(text, cx0 + bx0, cy0 + by0, cx0 + bx1, cy0 + by1, conf, key, "cell")
                    out = [w for w in out if w not in inside] + [word]
                    changes.append(CellReread(PixelBox(x0, y0, x1, y1), tuple(inside), word))
                    continue
                if in_scores and id(row) in body[col] and (lettering := lettering_beside_number(inside, rings)):
                    # a round stamp's lettering read on the score's line (``ที่`` ``95.04``): the score alone
                    out = [w for w in out if all(w is not x for x in lettering)]
                    inside = [w for w in inside if all(w is not x for x in lettering)]
                if in_scores and (stamped := stamp_words(image, inside) + blot_words(image, inside)):
                    # a stamp's lettering (``แล้ว``) or a blot read as a digit on other lines of a score's cell:
                    # the score alone
                    out = [w for w in out if all(w is not x for x in stamped)]
                    inside = [w for w in inside if all(w is not x for x in stamped)]
                if in_scores and len(kept := [w for w in inside if not _RE_PUNCT.match(w.text)]) == 1 \
                        and len(kept) < len(inside) and is_score_format(kept[0].text):
                    # a speck read beside a score (``.`` ``98.80``): the score alone
                    out = [w for w in out if w not in inside or w in kept]
                    inside = kept
                # Thai letters read surely in a score column: only a full score replaces them
                thai = in_scores and thai_in_score_cell(inside)
                # Tesseract's own Thai digits in a score column: it cannot write ๔ ๖ ๗ ๘ ๙
                engine_digits = in_scores and engine_thai_score(inside)
                misread = worth_rereading(inside) or (in_scores and off_format(inside)) or thai or engine_digits \
                    or split_number(inside)
                if not (misread or more_glyphs_than_read(crop, inside, cx0, cy0)):
                    if in_scores and len(inside) == 1 and lost_integer_digit(crop, inside[0]):
                        # one integer digit read where the ink holds two joined: read again whole, or null,
                        # flagged downstream
                        lost = integer_digits_read(reader, crop, inside[0], cx0, cy0, dpi, min_ink) or replace(
                            inside[0], text=inside[0].text + UNREAD_MARK, source="cell")
                        out = [w for w in out if w not in inside] + [lost]
                        changes.append(CellReread(PixelBox(x0, y0, x1, y1), tuple(inside), lost))
                        continue
                    if in_scores and len(inside) == 1 and is_score_format(inside[0].text) \
                            and (checked := checked_score(reader, crop, inside[0], cx0, cy0, dpi, min_ink)) is not None:
                        # a score read surely but another read by most views of its ink (a cut through touching digits)
                        out = [w for w in out if w not in inside] + [checked]
                        changes.append(CellReread(PixelBox(x0, y0, x1, y1), tuple(inside), checked))
                    continue
                # the number's own words (specks elsewhere stay out); when the
                # words read well but too few, the cell's busiest line of ink
                digits = [PixelBox(w.x0 - cx0, w.top - cy0, w.x1 - cx0, w.bottom - cy0)
                          for w in inside if misread and re.search(f"[0-9{charset(DIGITS)}]", w.text)]
                ink = number_box(crop, digits, min_ink)
                joined_text = joined_decimal(inside) if in_scores else None
                joined = None if joined_text is None else (
                    joined_text, min(w.conf for w in inside),
                    (min(w.x0 for w in inside), min(w.top for w in inside), max(w.x1 for w in inside),
                     max(w.bottom for w in inside)))
                placed = place_read(reader, image, box, places.get(col), dpi) if in_scores else None
                if placed is not None and ((thai and not full_score(placed[0])) or not reads_whole(placed[2], inside)):
                    placed = None
                stamp = None
                if in_scores and (ink is None or not INK_HEIGHT_MM[0] <= ink.height * 25.4 / dpi <= INK_HEIGHT_MM[1]) \
                        and not (joined or placed):
                    stamp = whole_stamp_read(reader, crop, dpi, min_ink, not thai, (cx0, cy0), inside)
                if ink is None or not INK_HEIGHT_MM[0] <= ink.height * 25.4 / dpi <= INK_HEIGHT_MM[1]:
                    key = inside[0].line_key if inside else (10_000 + len(changes), 1, 1)
                    if (found := joined or placed or stamp) is not None:
                        word = OcrWord(found[0], *found[2], found[1], key, "cell")
                    elif not in_scores or id(row) not in body[col] or (word := unread_number(inside, crop, dpi, places.get(col), cx0, cy0,
                                                                 (10_000 + len(changes), 1, 1), greys.get(col))) is None:
                        continue
                    out = [w for w in out if w not in inside] + [word]
                    changes.append(CellReread(PixelBox(x0, y0, x1, y1), tuple(inside), word))
                    continue
                pad = max(2, int(4 * k))
                ix0, iy0 = max(0, ink.x0 - pad), max(0, ink.top - pad)
                ix1, iy1 = min(crop.shape[1], ink.x1 + pad), min(crop.shape[0], ink.bottom + pad)
                number = crop[iy0:iy1, ix0:ix1]
                if in_scores:
                    number = without_low_specks(number)
                    if is_filled_dot(number, alone=True):
                        # a blot of toner alone in the cell (read ``1`` as a glyph): no number, and no word of it
                        out = [w for w in out if w not in inside]
                        continue
                raw = drop_stray_points(reader.read_number(number), " ".join(w.text for w in inside))
                r = lone_number(raw)
                if r is not None:
                    sure = CELL_READ_MIN if len(r.glyphs) > 1 else SINGLE_GLYPH_MIN
                    r = agree_with_seen(r, "".join(w.text for w in inside), sure)
                    if r.confidence < sure:
                        r = None
                if r is not None and in_scores and (printed := as_printed(r.text)) != r.text:
                    r = Reading(printed, r.confidence, r.glyphs)  # a point joined to a digit, or a speck read as one
                if r is not None and in_scores and not plausible_score(r.text):
                    r = None  # a score column's number is a score
                if r is not None and thai and not full_score(r.text):
                    r = None
                if r is None and in_scores and (c := colon_point(inside, raw)) is not None:
                    r = c  # a point with a speck above it, read as a colon (``91:07``)
                if r is None and in_scores and (t := thinned_read(reader, number)) is not None \
                        and (not thai or full_score(t.text)):
                    r = t  # blurred digits that touch: the lighter rim of their ink taken away
                voted = voted_read(reader, number) if r is None and in_scores else None
                if voted is None and r is None and in_scores:
                    voted = blot_free_read(reader, number)  # a drop of ink on a digit: the number without it
                if voted is None and r is None and in_scores:
                    voted = heavy_read(reader, number, raw)  # a thin print's broken hairlines: its ink made heavier
                if voted is None and r is None and in_scores and (lone := lone_number(raw) or whole(raw)) is not None \
                        and agrees(HUNDRED, lone):
                    # six glyphs, ``1`` ``0`` and the point where a hundred has them: the only score of three
                    # digits (``109.00``: a speck on the last ``๐`` made it a ``๙``)
                    voted = HUNDRED, lone.confidence * 100.0
                elif voted is None and r is None and in_scores and not thai and hundred_whole(raw):
                    # ``?00``: a hundred printed whole, a drop of ink on its ``1``
                    voted = "100", raw.glyphs[0].confidence * 100.0  # as sure as its first glyph: a row to check
                if voted is not None and thai and not full_score(voted[0]):
                    voted = None
                # a score column's cell off its format: any sure number of the format replaces it
                before = [] if in_scores and not worth_rereading(inside) and off_format(inside) else inside
                seen = engine_number(engine, number, dpi, before, in_scores, raw) if r is None and voted is None else None
                if thai and seen is not None and not full_score(seen[0]):
                    seen = None
                if in_scores and seen is not None and contradicts(seen[0], raw):
                    seen = None  # the engine's digit where the recognizer is sure of another: a misreading
                where = (cx0 + ink.x0, cy0 + ink.top, cx0 + ink.x1, cy0 + ink.bottom)
                if r is not None:
                    text, conf = r.text, r.confidence * 100.0
                elif voted is not None:
                    text, conf = voted  # most views of the ink agree on a score no view read surely
                elif seen is not None:
                    text, conf = seen
                elif (found := joined or placed) is not None:
                    text, conf, where = found
                elif in_scores and (stamp := whole_stamp_read(reader, crop, dpi, min_ink, not thai, (cx0, cy0),
                                                              inside)) is not None:
                    # a stamp's lighter ring across the number: its darkest strokes alone
                    text, conf, where = stamp
                elif in_scores and (lost_digits(inside, crop) or (engine_digits and engine_cannot_have_read(raw))
                                    or (len(inside) == 1 and short_of_glyphs(crop, inside[0]))):
                    # ``1`` for ``100.00``: no score has one digit and nothing after it; Tesseract's digits where
                    # the recognizer sees one it cannot write: a misreading; ``7.13`` where the ink holds ``๙๗.๑๓``
                    # (a faint ``๙`` no reading made a digit of): a digit lost; null, flagged downstream
                    text, conf = inside[0].text + UNREAD_MARK, inside[0].conf
                    where = (inside[0].x0, inside[0].top, inside[0].x1, inside[0].bottom)
                elif in_scores and id(row) in body[col] and (unread := unread_number(inside, crop, dpi, places.get(col), cx0, cy0,
                                                            (10_000 + len(changes), 1, 1), greys.get(col))) is not None:
                    # a number's ink that no reading made a number of: null, flagged downstream
                    out = [w for w in out if w not in inside] + [unread]
                    changes.append(CellReread(PixelBox(x0, y0, x1, y1), tuple(inside), unread))
                    continue
                else:
                    continue
                if in_scores and is_score_format(text):
                    votes = view_votes(reader, number, text)
                    if (other := outvoted(text, votes)) is not None:
                        # most views of the ink read another score than the one taken (unless the other views
                        # side with it: :func:`outvote_stands`)
                        text = outvote_stands(reader, number, text, other, votes)
                    elif (disputed(text, votes) or outweighed(text, merged_votes(view_votes(reader, number),
                                                                                 ink_view_votes(reader, number)))) \
                            and not reads_surely(reader, number, text) and not settles(reader, number, text):
                        # views that read another score as often: no reading stands (touching digits cut in two
                        # places; a lighter view parts them where the ink as it is joins them)
                        text += UNREAD_MARK
                if in_scores and UNREAD_MARK not in text and sizes_disagree(text, whole(raw)):
                    # one digit named for two glyphs the ink prints in different sizes: one of them is misread
                    text += UNREAD_MARK
                if in_scores and UNREAD_MARK not in text and stamp is None \
                        and not any(w.text.translate(_TO_ARABIC) == text for w in inside) \
                        and (band := number_band(inside, places.get(col), box, (cx0, cy0))) is not None \
                        and crossed(crop, band):
                    # a stroke through the digits, and no second reader (Tesseract's word) reads the number alike
                    text += UNREAD_MARK
                # the line of the number's own word, not of a speck beside it (``|`` ``1``): a speck's line can be
                # a line of the next column's text, and the number would join it
                key = max(inside, key=lambda w: sum(c.isdigit() for c in w.text.translate(_TO_ARABIC))).line_key \
                    if inside else (10_000 + len(changes), 1, 1)
                word = OcrWord(text, *where, conf, key, "cell")
                out = [w for w in out if w not in inside] + [word]
                changes.append(CellReread(PixelBox(x0, y0, x1, y1), tuple(inside), word))
        out = lost_decimals(out, grid, score_cols, changes)
    return out, changes


def lost_decimals(words: list[OcrWord], grid: Grid, score_cols: set[int], changes: list[CellReread]) -> list[OcrWord]:
    """The words with each score cell that kept a number off the column's format alone marked unreadable
    (:data:`UNREAD_MARK`), in a column that prints two decimals (:func:`full_score`, at least
    :data:`SCORE_COLUMN_MIN` cells): ``95`` for ``๙๕.๐๘`` lost its decimals, ``1.0`` for ``๑๐๐`` a digit to a
    speck read as a point, and no reading found them (``95.0``, ``1.0`` are guesses). A lone digit is left to
    :func:`lost_digits` (the ink's width is its evidence). ``changes`` gets each cell marked.

    >>> w = lambda t, top: OcrWord(t, 10, top, 40, top + 9, 90.0, (1, top, 1))
    >>> g = Grid((0, 0, 50, 80), tuple(((0, y, 50, y + 20),) for y in (0, 20, 40, 60)))
    >>> [x.text for x in lost_decimals([w("คะแนน", 5), w("91.52", 25), w("95", 45), w("88.10", 65)], g, {0}, [])]
    ['คะแนน', '91.52', '88.10', '95?']
    >>> [x.text for x in lost_decimals([w("คะแนน", 5), w("91", 25), w("95", 45), w("88.10", 65)], g, {0}, [])]
    ['คะแนน', '91', '95', '88.10']
    >>> [x.text for x in lost_decimals([w("91.52", 25), w("1.0", 45), w("88.10", 65), w("9", 5)], g, {0}, [])]
    ['91.52', '88.10', '9', '1.0?']
    """
    for col in score_cols:
        cells = [(box, cell_words(words, box)) for r in body_rows(grid, col, words) if col < len(r) and (box := r[col])]
        if sum(len(ws) == 1 and full_score(ws[0].text.translate(_TO_ARABIC)) for _, ws in cells) < SCORE_COLUMN_MIN:
            continue
        for box, ws in cells:
            kept = [w for w in ws if not _RE_PUNCT.match(w.text)]
            t = kept[0].text.translate(_TO_ARABIC) if len(kept) == 1 else ""
            if is_number(t) and plausible_score(t) and not is_score_format(t) and sum(c.isdigit() for c in t) >= 2:
                word = replace(kept[0], text=kept[0].text + UNREAD_MARK, source="cell")
                words = [x for x in words if x is not kept[0]] + [word]
                changes.append(CellReread(PixelBox(*(int(round(v)) for v in box)), tuple(ws), word))
    return words


def empty_share(words: list[OcrWord], grid: Grid, image: np.ndarray, dpi: float) -> float:
    """Share of a table's inked cells that hold no word (0 when no cell has ink).

    The cells without words are looked at first: when none holds ink the share is 0 whatever the others
    hold, and their ink is not looked for (most tables, read whole by the page read).

    >>> img = np.full((100, 300), 255, np.uint8); img[30:70, 20:80] = img[30:70, 120:180] = img[30:70, 220:280] = 0
    >>> g = Grid((0, 0, 300, 100), (((0, 0, 100, 100), (100, 0, 200, 100), (200, 0, 300, 100)),))
    >>> w = OcrWord("๙๙.๐๐", 20, 30, 80, 70, 90.0, (1, 1, 1))
    >>> round(empty_share([w], g, img, 300.0), 3), empty_share([w, replace(w, x0=120, x1=180), replace(w, x0=220, x1=280)], g, img, 300.0)
    (0.667, 0.0)
    """
    boxes = [box for row in grid.rows for box in row if box is not None]
    held = [bool(words_in(words, box)) for box in boxes]
    empty = sum(1 for box, h in zip(boxes, held) if not h and inked_cell(image, box, dpi) is not None)
    if not empty:
        return 0.0
    inked = empty + sum(1 for box, h in zip(boxes, held) if h and inked_cell(image, box, dpi) is not None)
    return empty / inked


def reread_empty_tables(words: list[OcrWord], grids: tuple[Grid, ...] | list[Grid], image: np.ndarray, dpi: float,
                        engine: OcrEngine) -> tuple[list[OcrWord], list[Grid]]:
    """Tables whose inked cells came out mostly without words, read again on their own.

    Tesseract's page layout analysis sometimes takes a table (under a stamp, on
    a dark scan) for a picture and reads none of it; alone, it is text again.
    The words of the second read replace the first's inside the table when
    they fill more cells.
    """
    out = list(words)
    redone: list[Grid] = []
    H, W = image.shape[:2]
    for n, grid in enumerate(grids):
        share = empty_share(out, grid, image, dpi)
        if share < EMPTY_TABLE_SHARE:
            continue
        x0, y0, x1, y1 = (int(round(v)) for v in grid.bbox)
        x0, y0, x1, y1 = max(0, x0), max(0, y0), min(W, x1), min(H, y1)
        again = [OcrWord(w.text, w.x0 + x0, w.top + y0, w.x1 + x0, w.bottom + y0, w.conf,
                         (w.line_key[0] + 1000 * (n + 1), w.line_key[1], w.line_key[2]), "table")
                 for w in engine.page_words(np.ascontiguousarray(image[y0:y1, x0:x1]), int(round(dpi)))]
        if empty_share(again, grid, image, dpi) < share:
            inside = set(map(id, words_in(out, grid.bbox)))
            out = [w for w in out if id(w) not in inside] + again
            redone.append(grid)
    return out, redone
