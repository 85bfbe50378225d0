"""Every page of a document as items, from its text layer or from OCR.

Per page: a usable text layer is read as is; a page without one (a scan),
or with a broken one (``(cid:N)`` glyphs), is recognized with OCR when the
``--ocr`` mode allows it and Tesseract is available; otherwise it is
reported as needing OCR. With ``Settings.debug_dir``, each page read is
also drawn there (:mod:`extract.debug`). A blank page (nothing drawn, or an image of blank
paper) is never sent to OCR; a page too large to render is reported
(``page-too-large``, ``image-too-large``) and the others are still read.
"""
from __future__ import annotations

import contextlib
from dataclasses import dataclass, field
from pathlib import Path

from extract.debug import DebugDir
from ita_extract.errors import ImageTooLarge, PageTooLarge
from extract.text.layout import Item, Table, page_items
from extract.ocr.reader import PageOcr
from extract.text.pdf import PdfFile
from extract.ocr.raster import is_blank, open_images
from extract.ocr.engine import OcrTimeout
from extract.text.layer import text_layer_problem
from extract.text.trust import trust_page
from ita_extract.model import Problem, problem
from ita_extract.settings import Settings


@dataclass
class PagesRead:
    items: list[Item] = field(default_factory=list)
    sources: dict[int, str] = field(default_factory=dict)  # page → "digital" | "ocr"
    unreadable: list[tuple[int, str]] = field(default_factory=list)  # page, why
    problems: list[Problem] = field(default_factory=list)

    @property
    def text_source(self) -> str | None:
        kinds = set(self.sources.values())
        if not kinds:
            return None
        return kinds.pop() if len(kinds) == 1 else "mixed"


def columns_above(items: list[Item], page: int) -> list[tuple[float, float]] | None:
    """The column edges of the table the page before ``page`` ended with, if it ended with one."""
    last = items[-1] if items else None
    return last.column_edges if isinstance(last, Table) and last.page == page - 1 else None


def read_pages(pdf: PdfFile, path: Path, settings: Settings, ocr: PageOcr | None) -> PagesRead:
    """Items of every readable page, and why the others could not be read."""
    out = PagesRead()
    debug = DebugDir(settings.debug_dir, path) if settings.debug_dir is not None else None
    with contextlib.ExitStack() as stack:
        raster = None
        for page in pdf.pages():
            why = text_layer_problem(page, settings.min_chars_per_page, settings.max_bad_char_ratio)
            if settings.ocr == "always":
                why = why or "OCR was asked for every page"
            items: list[Item] = []
            if why is None:
                items = page_items(page, columns_above(out.items, page.number))
                if settings.repair_text_layer:
                    verdict = trust_page(items, page.number)
                    items, why = verdict.items, verdict.untrusted
                    out.problems += verdict.problems
            if why is None:
                out.items += items
                out.sources[page.number] = "digital"
                if debug:
                    debug.digital_page(pdf, page.number)
                continue
            if page.blank:  # nothing drawn: nothing to recognize
                continue
            blocked = "--ocr never" if settings.ocr == "never" else (ocr.unavailable() if ocr else "OCR is off")
            if blocked and items:  # a text layer that stays doubtful: kept, and said so
                out.problems.append(problem("text-layer-untrusted", f"Page {page.number}: {why}; OCR not run: "
                                            f"{blocked}. Its text was kept as it is.", None, page.number))
                out.items += items
                out.sources[page.number] = "digital"
                if debug:
                    debug.digital_page(pdf, page.number)
                continue
            if blocked:
                out.unreadable.append((page.number, f"{why}; OCR not run: {blocked}"))
                continue
            if raster is None:
                raster = stack.enter_context(open_images(path, settings.max_page_mpixels,
                                                         settings.max_image_mpixels))
            try:
                image = raster.image(page.number - 1)
            except PageTooLarge as exc:
                out.problems.append(problem("page-too-large", str(exc), None, page.number))
                out.unreadable.append((page.number, str(exc)))
                continue
            except ImageTooLarge as exc:
                out.problems.append(problem("image-too-large", str(exc), None, page.number))
                out.unreadable.append((page.number, str(exc)))
                continue
            if is_blank(image.gray):
                continue
            try:
                result = ocr.read(image, page.number, page.width, page.height)
            except OcrTimeout as exc:
                out.problems.append(problem("ocr-timeout", f"Page {page.number}: {exc}", None, page.number))
                out.unreadable.append((page.number, "OCR timed out"))
                continue
            if result.turned:
                out.problems.append(problem("page-turned",
                                            f"Page {page.number} was scanned turned by {result.turned}°; "
                                            "it was read upright.", None, page.number))
            out.items += page_items(result.page)
            out.sources[page.number] = "ocr"
            if debug:
                debug.ocr_page(result)
    return out
