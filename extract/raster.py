"""Page images for OCR, from pypdfium2.

A scanned page usually is one embedded image: it is taken at its native
resolution (no resampling, no invented detail). Anything else — vector
pages, several images, rotated placements — is rendered at 300 dpi.
"""
from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pypdfium2 as pdfium

from errors import CorruptPdf

RENDER_DPI = 300
#: Native images above this resolution are scaled down to it (speed; Thai
#: text gains nothing above ~300 dpi).
MAX_DPI = 400
#: An image covering this share of the page is "the scan" of that page.
FULL_PAGE = 0.85


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


@contextlib.contextmanager
def open_images(path: Path) -> Iterator["Rasterizer"]:
    try:
        doc = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as exc:
        raise CorruptPdf(f"{Path(path).name} cannot be rendered ({exc}).") from exc
    try:
        yield Rasterizer(doc)
    finally:
        doc.close()


class Rasterizer:
    def __init__(self, doc: "pdfium.PdfDocument") -> None:
        self._doc = doc

    def image(self, index: int, dpi: int = RENDER_DPI) -> PageImage:
        """Page ``index`` (0-based) as a grayscale image."""
        page = self._doc[index]
        try:
            native = _native(page)
            if native is not None:
                return native
            bitmap = page.render(scale=dpi / 72.0, grayscale=True)
            return PageImage(np.ascontiguousarray(_to_gray(bitmap.to_numpy())), float(dpi), False)
        finally:
            page.close()
