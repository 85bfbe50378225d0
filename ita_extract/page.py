"""The page model: what a page holds once read, from a text layer or from a scan.

The ground floor of the project, beside :mod:`ita_extract.settings`,
:mod:`ita_extract.errors` and the contract's rows (:mod:`ita_extract.model`):
the text-layer wing (:mod:`extract.text`) and the OCR wing (:mod:`extract.ocr`)
both hand out these plain dataclasses, and everything above reads them.

Boxes have one coordinate order everywhere: :data:`Box` is ``(x0, top, x1,
bottom)`` in PDF points, y growing downwards (pdfplumber's order). Boxes in
pixels of an image (the OCR wing, the numeral recognizer) keep the same
order under their own name, :class:`PixelBox`, so that a box never crosses
a module boundary as a bare tuple in another order (``x, y, w, h``).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

Box = tuple[float, float, float, float]  # x0, top, x1, bottom (PDF points, top-down)


class PixelBox(NamedTuple):
    """A box in pixels of an image, in :data:`Box`'s order: ``x0, top, x1, bottom`` (y down, x1 and bottom exclusive).

    >>> b = PixelBox(10, 20, 40, 30); (b.width, b.height), b == (10, 20, 40, 30)
    ((30, 10), True)
    >>> PixelBox.from_xywh(10, 20, 30, 10)
    PixelBox(x0=10, top=20, x1=40, bottom=30)
    """

    x0: int
    top: int
    x1: int
    bottom: int

    @property
    def width(self) -> int:
        return self.x1 - self.x0

    @property
    def height(self) -> int:
        return self.bottom - self.top

    @classmethod
    def from_xywh(cls, x: int, y: int, w: int, h: int) -> PixelBox:
        """From OpenCV's ``x, y, w, h`` (``boundingRect``, ``connectedComponentsWithStats``)."""
        return cls(x, y, x + w, y + h)


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

    def column_edges(self) -> list[tuple[float, float]]:
        """The x-extent of each column, from the fullest row (where a merged cell covers no column)."""
        row = max(self.rows, key=lambda r: sum(b is not None for b in r), default=())
        return [(b[0], b[2]) for b in row if b is not None]


@dataclass(frozen=True, slots=True)
class Page:
    number: int  # 1-based
    width: float
    height: float
    chars: tuple[Char, ...]
    grids: tuple[Grid, ...]
    image_area_ratio: float  # share of the page covered by images (scans: ~1)
    blank: bool = False  # nothing drawn at all: no glyph, image or vector graphic
