"""Page images for OCR, from pypdfium2.

A scanned page usually is one embedded image: it is taken at its native
resolution (no resampling, no invented detail). Anything else — vector
pages, several images, rotated placements — is rendered at 300 dpi.

Nothing is decoded or rendered before its size is known: a page that would
render to more than ``max_page_mpixels`` million pixels raises
:class:`ita_extract.errors.PageTooLarge`, a page holding an image that declares more than
``max_image_mpixels`` million raises :class:`ita_extract.errors.ImageTooLarge` (a 1 KB
JPEG can declare 30000 × 30000 pixels, 900 MB once decoded).
"""
from __future__ import annotations

import contextlib
import importlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pypdfium2 as pdfium

from ita_extract.errors import CorruptPdf, ImageTooLarge, PageTooLarge
from ita_extract.settings import DEFAULT_MAX_IMAGE_MPIXELS, DEFAULT_MAX_PAGE_MPIXELS

RENDER_DPI = 300
#: Native images above this resolution are scaled down to it (speed; Thai
#: text gains nothing above ~300 dpi).
MAX_DPI = 400
#: An image covering this share of the page is "the scan" of that page.
FULL_PAGE = 0.85
#: A page image with a smaller share of dark pixels (under half gray) is
#: blank paper: about two Thai letters on an A4 page at 300 dpi. Such a
#: page is not sent to OCR (a scanned pile of blank sheets would cost 10 s
#: a page for nothing).
BLANK_INK_SHARE = 1e-4


@dataclass(frozen=True)
class PageImage:
    gray: np.ndarray  # uint8, 0 = ink, 255 = paper
    dpi: float
    native: bool  # the embedded scan itself, not a rendering

    @property
    def scale(self) -> float:
        """PDF points per pixel."""
        return 72.0 / self.dpi


def _to_gray(arr: np.ndarray) -> np.ndarray:
    if arr.ndim == 2:
        return arr
    import cv2

    if arr.shape[2] == 4:
        return cv2.cvtColor(arr, cv2.COLOR_BGRA2GRAY)
    return cv2.cvtColor(arr, cv2.COLOR_BGR2GRAY)


def _native(page: "pdfium.PdfPage") -> PageImage | None:
    if page.get_rotation() % 360:
        return None
    width, height = page.get_size()
    images = [o for o in page.get_objects() if isinstance(o, pdfium.PdfImage)]
    if len(images) != 1:
        return None
    img = images[0]
    left, bottom, right, top = img.get_bounds()
    if (right - left) * (top - bottom) < FULL_PAGE * width * height:
        return None
    matrix = img.get_matrix()
    if abs(matrix.b) > 1e-6 or abs(matrix.c) > 1e-6 or matrix.a <= 0 or matrix.d <= 0:
        return None  # rotated or mirrored placement: let pdfium render it
    bitmap = img.get_bitmap(render=False)
    gray = _to_gray(bitmap.to_numpy())
    dpi = gray.shape[1] / ((right - left) / 72.0)
    if dpi > MAX_DPI:
        import cv2

        f = RENDER_DPI / dpi
        gray = cv2.resize(gray, None, fx=f, fy=f, interpolation=cv2.INTER_AREA)
        dpi = RENDER_DPI
    return PageImage(np.ascontiguousarray(gray), dpi, True)


def _px_size(img: "pdfium.PdfImage") -> tuple[int, int]:
    """An image's declared size in pixels, without decoding it (pypdfium2 5 and 4)."""
    getter = getattr(img, "get_px_size", None) or img.get_size
    return getter()


def check_sizes(page: "pdfium.PdfPage", number: int, dpi: int, max_page_mpixels: float,
                max_image_mpixels: float) -> None:
    """Raise before a page or one of its images would take more memory than allowed."""
    width, height = page.get_size()
    mpx = width * height * (dpi / 72.0) ** 2 / 1e6
    if mpx > max_page_mpixels:
        raise PageTooLarge(f"Page {number} is {width:.0f} × {height:.0f} pt: at {dpi} dpi it would take "
                           f"{mpx:,.0f} million pixels, over the limit of {max_page_mpixels:g} million; "
                           "it was not rendered.")
    for obj in page.get_objects(filter=(pdfium.raw.FPDF_PAGEOBJ_IMAGE,)):
        w, h = _px_size(obj)
        if w * h / 1e6 > max_image_mpixels:
            raise ImageTooLarge(f"Page {number} holds an image of {w} × {h} pixels, over the limit of "
                                f"{max_image_mpixels:g} million; it was not decoded.")


@contextlib.contextmanager
def open_images(path: Path, max_page_mpixels: float = DEFAULT_MAX_PAGE_MPIXELS,
                max_image_mpixels: float = DEFAULT_MAX_IMAGE_MPIXELS) -> Iterator["Rasterizer"]:
    try:
        doc = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as exc:
        raise CorruptPdf(f"{Path(path).name} cannot be rendered ({exc}).") from exc
    try:
        yield Rasterizer(doc, max_page_mpixels, max_image_mpixels)
    finally:
        doc.close()


class Rasterizer:
    def __init__(self, doc: "pdfium.PdfDocument", max_page_mpixels: float = DEFAULT_MAX_PAGE_MPIXELS,
                 max_image_mpixels: float = DEFAULT_MAX_IMAGE_MPIXELS) -> None:
        self._doc = doc
        self.max_page_mpixels = max_page_mpixels
        self.max_image_mpixels = max_image_mpixels

    def image(self, index: int, dpi: int = RENDER_DPI) -> PageImage:
        """Page ``index`` (0-based) as a grayscale image; :class:`ita_extract.errors.PageTooLarge` or
        :class:`ita_extract.errors.ImageTooLarge` before anything too large is decoded."""
        page = self._doc[index]
        try:
            check_sizes(page, index + 1, dpi, self.max_page_mpixels, self.max_image_mpixels)
            native = _native(page)
            if native is not None:
                return native
            bitmap = page.render(scale=dpi / 72.0, grayscale=True)
            return PageImage(np.ascontiguousarray(_to_gray(bitmap.to_numpy())), float(dpi), False)
        finally:
            page.close()


def without_huge_pages() -> bool:
    """Stop NumPy from asking the kernel for transparent huge pages for this process's new arrays;
    whether it asked before (``False`` as well where this NumPy cannot be told).

    NumPy advises huge pages (``madvise``) for every array of 4 MB or more. Where the kernel
    then makes room for one on the first touch (``/sys/kernel/mm/transparent_hugepage/defrag``
    at ``madvise``, the default of Debian and Ubuntu), a fresh page-sized array can stall on
    memory compaction: on phone photos, the maps that flatten a bent page
    (:func:`extract.ocr.scan.unbend`) took 0.3-0.5 s of system time instead of 0.03 s, a
    tenth of the page's time. The OCR of a page makes and drops a dozen page-sized arrays;
    in small pages they cost what they compute, the same values. Called once by the process
    that reads pages (:class:`extract.ocr.reader.PageOcr`), never at import.
    """
    for core in ("numpy._core.multiarray", "numpy.core.multiarray"):  # NumPy 2, NumPy 1
        try:
            setter = getattr(importlib.import_module(core), "_set_madvise_hugepage", None)
        except ImportError:
            continue
        if setter is not None:
            return bool(setter(False))
    return False


def cv_one_thread() -> int:
    """Make OpenCV work on this process's thread alone, like Tesseract (``OMP_THREAD_LIMIT=1``); the
    number of threads it used before.

    OpenCV splits every resampling, threshold and morphology of a page over all the machine's cores.
    A page's are small (a few milliseconds each: the skew search turns the page fifty times): the
    threads' hand-overs cost CPU time (dev phone photos and a 200-dpi scan, straightening a page up to
    the erased image: 0.520 -> 0.475 s CPU, median of 7 interleaved runs, wall the same on a loaded
    machine), and with a worker per core (``--workers``) the threads only take turns with the other
    workers. The values are the same with one
    thread or several (tests/test_ocr_speed.py). Called once by the process that reads pages
    (:class:`extract.ocr.reader.PageOcr`), never at import.
    """
    import cv2

    before = cv2.getNumThreads()
    cv2.setNumThreads(1)
    return before


def is_blank(gray: np.ndarray) -> bool:
    """Whether a page image is blank paper (see :data:`BLANK_INK_SHARE`).

    >>> paper = np.full((3508, 2480), 250, np.uint8)
    >>> is_blank(paper)
    True
    >>> paper[1000:1040, 300:700] = 0  # a word
    >>> is_blank(paper)
    False
    """
    if gray.size == 0:
        return True
    return bool(np.count_nonzero(gray < 128) < BLANK_INK_SHARE * gray.size)
