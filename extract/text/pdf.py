"""The one module that talks to pdfplumber and pdfminer.

It opens a PDF, turns the library's exceptions into ours
(:class:`ita_extract.errors.EncryptedPdf`, :class:`ita_extract.errors.CorruptPdf`, ...) at the
library's calls only, and hands out
plain dataclasses: :class:`Char` in content-stream order and :class:`Grid`
table skeletons (cell boxes from ruling lines).
"""
from __future__ import annotations

import contextlib
import io
import logging
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdfparser import PDFSyntaxError
from pdfminer.psparser import PSException
from pdfplumber.utils.exceptions import PdfminerException

from ita_extract.page import Char, Grid, Page
from ita_extract.errors import CorruptPdf, EmptyPdf, EncryptedPdf, NotAPdf, UnreadableFile

log = logging.getLogger(__name__)

#: pdfplumber table settings: cells come from drawn ruling lines only, as in
#: Word's bordered tables; text alignment is never used to invent columns.
TABLE_SETTINGS = {
    "vertical_strategy": "lines",
    "horizontal_strategy": "lines",
    "snap_tolerance": 3,
    "join_tolerance": 3,
    "intersection_tolerance": 3,
}
#: Pixels per inch of a digital page's table-finder drawing (``--debug-dir``).
DEBUG_RESOLUTION = 100


def _sniff(path: Path) -> None:
    """Fail early, with a clear sentence, on files that cannot be a PDF."""
    try:
        size = path.stat().st_size
        if size == 0:
            raise EmptyPdf(f"{path.name} is empty (0 bytes).")
        with path.open("rb") as fh:
            head = fh.read(1024)
    except OSError as exc:
        raise UnreadableFile(f"{path.name} cannot be read ({exc.strerror or exc}).") from exc
    if b"%PDF-" not in head:
        raise NotAPdf(f"{path.name} is not a PDF (no %PDF header in its first bytes).")


def _translate(path: Path, exc: BaseException) -> Exception:
    inner = exc.args[0] if isinstance(exc, PdfminerException) and exc.args else exc
    if isinstance(inner, (PDFPasswordIncorrect, PDFEncryptionError)):
        return EncryptedPdf(f"{path.name} is encrypted and cannot be opened without its password.")
    if isinstance(inner, OSError):
        return UnreadableFile(f"{path.name} cannot be read ({inner.strerror or inner}).")
    return CorruptPdf(f"{path.name} is damaged and cannot be read ({type(inner).__name__}: {inner}).")


#: What pdfminer and pdfplumber raise on malformed input. Caught around their
#: calls only (never around our own code, whose bugs must not pass for a
#: damaged file): besides their own exceptions, pdfminer lets plain Python
#: errors out of its parser (an ``IndexError`` for a shifted xref table).
_LIB_ERRORS = (PdfminerException, PSException, PDFSyntaxError, ValueError, KeyError,
               TypeError, AttributeError, IndexError, AssertionError, RecursionError, OSError)


def _open_plumber(source) -> tuple["pdfplumber.PDF", int]:
    """pdfplumber's document and its page count (library calls only)."""
    pdf = pdfplumber.open(source)
    try:
        return pdf, len(pdf.pages)
    except BaseException:
        pdf.close()
        raise


def _open_repaired(path: Path, first: BaseException) -> tuple["pdfplumber.PDF", int]:
    """The document through pdfium's repaired copy; the first error when that fails too."""
    from extract.text.repair import repaired_copy

    translated = _translate(path, first)
    if not isinstance(translated, CorruptPdf):
        raise translated from first
    data = repaired_copy(path)
    if data is None:
        raise translated from first
    try:
        return _open_plumber(io.BytesIO(data))
    except _LIB_ERRORS:
        raise translated from first


@contextlib.contextmanager
def open_pdf(path: Path) -> Iterator["PdfFile"]:
    """Open ``path`` for reading; raises a typed :class:`ita_extract.errors.DocumentError`.

    A file pdfminer cannot parse is tried once more through a second reader
    (:mod:`extract.text.repair`) before it is called ``corrupt-pdf``; then
    :attr:`PdfFile.repaired` says so.
    """
    path = Path(path)
    _sniff(path)
    repaired = None
    try:
        pdf, n_pages = _open_plumber(path)
        if n_pages == 0:  # a page tree pdfminer could not follow, or truly no page
            pdf.close()
            raise CorruptPdf("pdfminer finds no page in it")
    except (*_LIB_ERRORS, CorruptPdf) as exc:
        try:
            pdf, n_pages = _open_repaired(path, exc)
        except CorruptPdf:
            if not isinstance(exc, CorruptPdf):
                raise
            pdf, n_pages = _open_plumber(path)  # pdfium sees no page either: a PDF with no page
        else:
            repaired = _repaired_note(path, exc)
    handle = PdfFile(path, pdf, n_pages, repaired)
    try:
        yield handle
    finally:
        handle.close()


def _repaired_note(path: Path, exc: BaseException) -> str:
    inner = exc.args[0] if isinstance(exc, PdfminerException) and exc.args else exc
    why = str(inner) if isinstance(inner, CorruptPdf) else f"{type(inner).__name__}: {inner}"
    return f"{path.name} is damaged ({why}); it was read through a copy repaired by pdfium."


class PdfFile:
    """An open PDF; pages are read one at a time and released after use."""

    def __init__(self, path: Path, pdf: "pdfplumber.PDF", n_pages: int, repaired: str | None = None) -> None:
        self.path = path
        self._pdf = pdf
        self._n_pages = n_pages
        #: why the file was read through a repaired copy, or ``None``
        self.repaired = repaired

    @property
    def page_count(self) -> int:
        return self._n_pages

    def close(self) -> None:
        with contextlib.suppress(Exception):
            self._pdf.close()

    def page(self, index: int) -> Page:
        """Page ``index`` (0-based) as plain data."""
        try:
            raw = _raw_page(self._pdf, index)
        except _LIB_ERRORS as exc:
            if self.repaired is not None:
                raise _translate(self.path, exc) from exc
            self.close()  # a page pdfminer cannot parse: the rest is read from the repaired copy
            self._pdf, _ = _open_repaired(self.path, exc)
            self.repaired = _repaired_note(self.path, exc)
            try:
                raw = _raw_page(self._pdf, index)
            except _LIB_ERRORS as exc2:
                raise _translate(self.path, exc2) from exc2
        return _page(index, raw)

    def pages(self) -> Iterator[Page]:
        for i in range(self.page_count):
            yield self.page(i)

    def table_finder_png(self, index: int, resolution: int = DEBUG_RESOLUTION) -> bytes | None:
        """Page ``index`` (0-based) drawn by pdfplumber with its table finder (``--debug-dir``), as PNG.

        The edges, intersections and cells pdfplumber found with
        :data:`TABLE_SETTINGS`, the very settings the grids come from;
        ``None`` (and a warning in the log) when the page cannot be drawn.
        """
        try:
            p = self._pdf.pages[index]
            try:
                image = p.to_image(resolution=resolution)
                image.debug_tablefinder(TABLE_SETTINGS)
                buf = io.BytesIO()
                image.save(buf, format="PNG")
                return buf.getvalue()
            finally:
                with contextlib.suppress(Exception):
                    p.close()
        except (*_LIB_ERRORS, RuntimeError) as exc:  # RuntimeError: pypdfium2's PdfiumError (rendering)
            log.warning("--debug-dir: page %d of %s could not be drawn (%s)", index + 1, self.path.name, exc)
            return None


@dataclass(frozen=True)
class _RawPage:
    """What pdfplumber gives for a page, taken out of it while its objects are alive."""

    width: float
    height: float
    chars: list[dict]
    tables: list[tuple[tuple, list[tuple]]]  # (bbox, cells of each row)
    images: list[dict]
    drawn: bool  # anything at all: glyphs, images, rects, lines, curves


def _raw_page(pdf: "pdfplumber.PDF", index: int) -> _RawPage:
    """The library calls for one page, nothing else: their errors mean a damaged file."""
    p = pdf.pages[index]
    try:
        return _RawPage(
            width=p.width, height=p.height, chars=list(p.chars),
            tables=[(t.bbox, [row.cells for row in t.rows]) for t in p.find_tables(TABLE_SETTINGS)],
            images=list(p.images), drawn=any(p.objects.values()),
        )
    finally:
        with contextlib.suppress(Exception):
            p.close()  # drops pdfplumber's per-page caches (memory over long batches)


def _page(index: int, raw: _RawPage) -> Page:
    """Our plain data from the library's dicts (our code: a bug here is no damaged file)."""
    chars = tuple(
        Char(
            text=c["text"], x0=float(c["x0"]), x1=float(c["x1"]),
            top=float(c["top"]), bottom=float(c["bottom"]),
            size=float(c.get("size") or 0.0), seq=i, upright=bool(c.get("upright", True)),
        )
        for i, c in enumerate(raw.chars)
    )
    grids = tuple(_grid(bbox, rows) for bbox, rows in raw.tables)
    area = float(raw.width * raw.height) or 1.0
    img_area = sum(
        max(0.0, float(im["x1"]) - float(im["x0"])) * max(0.0, float(im["bottom"]) - float(im["top"]))
        for im in raw.images
    )
    return Page(index + 1, float(raw.width), float(raw.height), chars, grids, min(1.0, img_area / area),
                blank=not raw.drawn)


def _grid(bbox, rows) -> Grid:
    cells = tuple(
        tuple(tuple(float(v) for v in cell) if cell is not None else None for cell in row)
        for row in rows
    )
    return Grid(bbox=tuple(float(v) for v in bbox), rows=cells)
