"""``--debug-dir DIR``: per page, what the reader saw, written to ``DIR/<document stem>/``.

* an OCR'd page: ``page-NNN.png`` (the straightened image with the table grid
  and the word boxes drawn, :func:`extract.ocr.debug.page_png`) and
  ``page-NNN.tsv`` (its words with boxes in points and pixels,
  :func:`extract.ocr.debug.words_tsv`);
* a page read from its text layer: ``page-NNN.png``, pdfplumber's own
  drawing of its table finder (:meth:`extract.text.pdf.PdfFile.table_finder_png`).

Off by default, at no cost (:class:`DebugDir` is only made when asked). It
never changes a row: the drawings read the stage results the pipeline has
already made, and a file that cannot be written is a warning in the log,
never a failed document. Each worker process writes its own documents' files;
every file is written whole to a temporary name and renamed into place, so a
crash leaves no half file under a page's name (at most a hidden ``.tmp`` file).
"""
from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from extract.ocr.reader import OcrResult
    from extract.text.pdf import PdfFile

log = logging.getLogger(__name__)


def write_atomic(path: Path, data: bytes) -> None:
    """``path`` holds ``data`` whole or is left as it was (temporary file + ``os.replace``)."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        tmp.write_bytes(data)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


class DebugDir:
    """The debug files of one document: ``root/<stem>/page-NNN.{png,tsv}``."""

    def __init__(self, root: Path, document: Path) -> None:
        self.folder = Path(root) / Path(document).stem

    def _write(self, number: int, suffix: str, data: bytes) -> None:
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            write_atomic(self.folder / f"page-{number:03d}.{suffix}", data)
        except OSError as exc:
            log.warning("--debug-dir: could not write page %d of %s (%s)", number, self.folder, exc)

    def ocr_page(self, result: OcrResult) -> None:
        """An OCR'd page: its drawing and its words."""
        from extract.ocr.debug import page_png, words_tsv

        self._write(result.page.number, "png", page_png(result))
        self._write(result.page.number, "tsv", words_tsv(result))

    def digital_page(self, pdf: PdfFile, number: int) -> None:
        """A page read from its text layer: pdfplumber's table-finder drawing."""
        png = pdf.table_finder_png(number - 1)
        if png is not None:
            self._write(number, "png", png)
