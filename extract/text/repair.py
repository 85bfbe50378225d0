"""The second reader: pdfium rewrites a PDF that pdfminer cannot parse.

Files with a damaged cross-reference table (offsets shifted by a tool that
edited the file, a download that changed line endings) fail in pdfminer,
while pdfium, poppler and qpdf rebuild the table by scanning the objects and
read every page. pdfium is already here for page images (:mod:`extract.ocr.raster`);
saving its view of the document gives pdfminer a well-formed copy to read.
"""
from __future__ import annotations

import io
from pathlib import Path

import pypdfium2 as pdfium


def repaired_copy(path: Path) -> bytes | None:
    """The document as pdfium reads it, saved anew; ``None`` when pdfium cannot read it either."""
    try:
        doc = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError:
        return None
    try:
        if len(doc) == 0:
            return None
        buf = io.BytesIO()
        doc.save(buf)
        return buf.getvalue()
    except pdfium.PdfiumError:
        return None
    finally:
        doc.close()
