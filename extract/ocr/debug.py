"""An OCR'd page drawn and listed, for a person to see why a scan was misread (``--debug-dir``).

From the stage results :func:`extract.ocr.reader.ocr_page` already returns
(:class:`extract.ocr.reader.OcrResult`), as OCRmyPDF keeps its work files
and pdfplumber draws its table finder:

* :func:`page_png` — the straightened image Tesseract read (ruling lines
  erased) with the table grid (cell boxes, blue; tables read again alone,
  thick), the round stamps' rings taken off the page (magenta), and every word's box, coloured by
  confidence (green ≥ 80, orange ≥ 50, red below), a word read again tagged with the first letter of
  its source;
* :func:`words_tsv` — the words as a table: text, confidence, who read it
  (:data:`extract.ocr.engine.WORD_SOURCES`), box in PDF points (``x0 top x1
  bottom``, as the page model) and in pixels of that image.

Pure: both return bytes; :mod:`extract.debug` writes them.
"""
from __future__ import annotations

import csv
import io

import cv2
import numpy as np

from extract.ocr.engine import OcrWord
from extract.ocr.reader import OcrResult

#: Confidence bands of the word boxes and their colours (BGR): sure, doubtful, unsure.
CONF_COLOURS = ((80.0, (0, 160, 0)), (50.0, (0, 140, 255)), (0.0, (0, 0, 220)))
GRID_COLOUR = (200, 120, 0)  # BGR: blue
STAMP_COLOUR = (200, 0, 200)  # BGR: magenta
#: Columns of the words TSV (one row per word of the page, in reading order).
TSV_COLUMNS = ("page", "text", "conf", "source", "x0", "top", "x1", "bottom",
               "px_x0", "px_top", "px_x1", "px_bottom")


def conf_colour(conf: float) -> tuple[int, int, int]:
    """
    >>> conf_colour(91.0), conf_colour(60.0), conf_colour(12.5)
    ((0, 160, 0), (0, 140, 255), (0, 0, 220))
    """
    return next(colour for floor, colour in CONF_COLOURS if conf >= floor)


def _box(img: np.ndarray, box, colour, thickness: int) -> None:
    x0, top, x1, bottom = (int(round(v)) for v in box)
    cv2.rectangle(img, (x0, top), (x1, bottom), colour, thickness)


def _legend(img: np.ndarray, angle: float, turned: int, line: int) -> None:
    text = (f"deskew {angle:+.2f} deg, turned {turned} | words: green conf>=80, orange >=50, red <50 | "
            "tag: re-read by t(able) n(umerals) w(ord) c(ell) l(ine) | blue: grid | magenta: stamp rings taken off")
    cv2.putText(img, text, (10, 16 * line), cv2.FONT_HERSHEY_SIMPLEX, 0.4 * line, (120, 0, 120), line)


def page_png(result: OcrResult) -> bytes:
    """The straightened page with its grid and word boxes drawn, as PNG."""
    img = cv2.cvtColor(result.image, cv2.COLOR_GRAY2BGR)
    line = max(1, round(result.image.shape[1] / 1240))  # 2 px at 300 dpi A4
    redone = {g.bbox for g in result.tables_reread}
    for grid in result.grids_px:
        _box(img, grid.bbox, GRID_COLOUR, 3 * line if grid.bbox in redone else line)
        for row in grid.rows:
            for cell in row:
                if cell is not None:
                    _box(img, cell, GRID_COLOUR, line)
    for ring in result.stamp_rings:
        cv2.circle(img, (int(round(ring.x)), int(round(ring.y))), int(round(ring.r)), STAMP_COLOUR, line)
    for w in result.words:
        colour = conf_colour(w.conf)
        _box(img, (w.x0, w.top, w.x1, w.bottom), colour, line)
        if w.source != "page":
            cv2.putText(img, w.source[0], (w.x0, max(8, w.top - 2)), cv2.FONT_HERSHEY_SIMPLEX,
                        0.4 * line, colour, line)
    _legend(img, result.angle, result.turned, line)
    ok, png = cv2.imencode(".png", img)
    if not ok:  # pragma: no cover - OpenCV encodes any 8-bit BGR image
        raise ValueError("OpenCV could not encode the debug image as PNG")
    return png.tobytes()


def _row(page: int, w: OcrWord, scale: float) -> list:
    points = (w.x0 * scale, w.top * scale, w.x1 * scale, w.bottom * scale)
    return [page, " ".join(w.text.split()), f"{w.conf:.1f}", w.source,
            *(f"{v:.2f}" for v in points), w.x0, w.top, w.x1, w.bottom]


def words_tsv(result: OcrResult) -> bytes:
    """The page's words as UTF-8 TSV (header :data:`TSV_COLUMNS`), boxes in points and pixels.

    >>> from ita_extract.page import Page
    >>> page = Page(1, 595.2, 842.0, (), (), 1.0)  # A4 at 300 dpi: 0.24 pt a pixel
    >>> r = OcrResult(page, 0.5, (), (OcrWord("๙๙.๓๘", 100, 200, 180, 230, 88.0, (1, 1, 1), "numerals"),),
    ...               np.zeros((3508, 2480), np.uint8))
    >>> print(words_tsv(r).decode().replace("\\t", " | "), end="")
    page | text | conf | source | x0 | top | x1 | bottom | px_x0 | px_top | px_x1 | px_bottom
    1 | ๙๙.๓๘ | 88.0 | numerals | 24.00 | 48.00 | 43.20 | 55.20 | 100 | 200 | 180 | 230
    """
    scale = result.page.width / result.image.shape[1]
    buf = io.StringIO()
    out = csv.writer(buf, delimiter="\t", lineterminator="\n")
    out.writerow(TSV_COLUMNS)
    for w in sorted(result.words, key=lambda w: (w.top, w.x0)):
        out.writerow(_row(result.page.number, w, scale))
    return buf.getvalue().encode("utf-8")
