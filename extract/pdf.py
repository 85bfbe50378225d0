"""The one module that talks to pdfplumber and pdfminer.

It opens a PDF, turns the library's exceptions into ours
(:class:`errors.EncryptedPdf`, :class:`errors.CorruptPdf`, ...) and hands out
plain dataclasses: :class:`Char` in content-stream order and :class:`Grid`
table skeletons (cell boxes from ruling lines).
"""
from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdfparser import PDFSyntaxError
from pdfminer.psparser import PSException
from pdfplumber.utils.exceptions import PdfminerException

from errors import CorruptPdf, EmptyPdf, EncryptedPdf, NotAPdf

log = logging.getLogger(__name__)

Box = tuple[float, float, float, float]  # x0, top, x1, bottom (PDF points, top-down)

#: pdfplumber table settings: cells come from drawn ruling lines only, as in
#: Word's bordered tables; text alignment is never used to invent columns.
TABLE_SETTINGS = {
    "vertical_strategy": "lines",
    "horizontal_strategy": "lines",
    "snap_tolerance": 3,
    "join_tolerance": 3,
    "intersection_tolerance": 3,
}


@dataclass(frozen=True, slots=True)
class Char:
    """One glyph of the text layer, in content-stream order (``seq``)."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    seq: int
    upright: bool = True
    conf: float = 100.0  # recognition confidence 0–100 (OCR words); 100 for a text layer
    ocr: bool = False  # recognized from an image, not read from a text layer

    @property
    def baseline(self) -> float:
        return self.bottom

    @property
    def xmid(self) -> float:
        return (self.x0 + self.x1) / 2


@dataclass(frozen=True, slots=True)
class Grid:
    """A table skeleton: its box and, per row, each cell's box or ``None``.

    ``None`` marks a grid position covered by a cell merged from above or the
    left (pdfplumber reports a merged cell once, in its first row/column).
    """

    bbox: Box
    rows: tuple[tuple[Box | None, ...], ...]


@dataclass(frozen=True, slots=True)
class Page:
    number: int  # 1-based
    width: float
    height: float
    chars: tuple[Char, ...]
    grids: tuple[Grid, ...]
    image_area_ratio: float  # share of the page covered by images (scans: ~1)


def _sniff(path: Path) -> None:
    """Fail early, with a clear sentence, on files that cannot be a PDF."""
    size = path.stat().st_size
    if size == 0:
        raise EmptyPdf(f"{path.name} is empty (0 bytes).")
    with path.open("rb") as fh:
        head = fh.read(1024)
    if b"%PDF-" not in head:
        raise NotAPdf(f"{path.name} is not a PDF (no %PDF header in its first bytes).")


def _translate(path: Path, exc: BaseException) -> Exception:
    inner = exc.args[0] if isinstance(exc, PdfminerException) and exc.args else exc
    if isinstance(inner, (PDFPasswordIncorrect, PDFEncryptionError)):
        return EncryptedPdf(f"{path.name} is encrypted and cannot be opened without its password.")
    return CorruptPdf(f"{path.name} is damaged and cannot be read ({type(inner).__name__}: {inner}).")


_LIB_ERRORS = (PdfminerException, PSException, PDFSyntaxError, ValueError, KeyError,
               TypeError, AttributeError, IndexError, AssertionError, RecursionError)


@contextlib.contextmanager
def open_pdf(path: Path) -> Iterator["PdfFile"]:
    """Open ``path`` for reading; raises a typed :class:`errors.DocumentError`."""
    path = Path(path)
    _sniff(path)
    try:
        pdf = pdfplumber.open(path)
        n_pages = len(pdf.pages)
    except _LIB_ERRORS as exc:
        raise _translate(path, exc) from exc
    try:
        if n_pages == 0:
            raise CorruptPdf(f"{path.name} has no pages.")
        yield PdfFile(path, pdf)
    finally:
        pdf.close()


class PdfFile:
    """An open PDF; pages are read one at a time and released after use."""

    def __init__(self, path: Path, pdf: "pdfplumber.PDF") -> None:
        self.path = path
        self._pdf = pdf

    @property
    def page_count(self) -> int:
        return len(self._pdf.pages)

    def page(self, index: int) -> Page:
        """Page ``index`` (0-based) as plain data."""
        p = None
        try:
            p = self._pdf.pages[index]
            chars = tuple(
                Char(
                    text=c["text"], x0=float(c["x0"]), x1=float(c["x1"]),
                    top=float(c["top"]), bottom=float(c["bottom"]),
                    size=float(c.get("size") or 0.0), seq=i, upright=bool(c.get("upright", True)),
                )
                for i, c in enumerate(p.chars)
            )
            grids = tuple(_grid(t) for t in p.find_tables(TABLE_SETTINGS))
            area = float(p.width * p.height) or 1.0
            img_area = sum(
                max(0.0, float(im["x1"]) - float(im["x0"])) * max(0.0, float(im["bottom"]) - float(im["top"]))
                for im in p.images
            )
            page = Page(index + 1, float(p.width), float(p.height), chars, grids, min(1.0, img_area / area))
        except _LIB_ERRORS as exc:
            raise _translate(self.path, exc) from exc
        finally:
            if p is not None:
                with contextlib.suppress(Exception):
                    p.close()  # drops pdfplumber's per-page caches (memory over long batches)
        return page

    def pages(self) -> Iterator[Page]:
        for i in range(self.page_count):
            yield self.page(i)


def _grid(table) -> Grid:
    rows = tuple(
        tuple(tuple(float(v) for v in cell) if cell is not None else None for cell in row.cells)
        for row in table.rows
    )
    return Grid(bbox=tuple(float(v) for v in table.bbox), rows=rows)
