"""Time per scanned page: ita-extract's page OCR against plain ``tesseract IMAGE - -l tha+eng``.

Shared by ``bench_ocr`` and ``bench_heldout_scans``: the same page images, both
readers interleaved page by page in one run (so machine load hits both alike),
medians. Set ``OMP_THREAD_LIMIT=1`` before calling, for both.
"""
from __future__ import annotations

import statistics
import subprocess
import time
from pathlib import Path

import numpy as np

from extract.ocr.reader import PageOcr
from extract.text.layout import page_items

#: A4 in PDF points: the page size the OCR result is scaled to.
A4 = (595.3, 841.9)


def interleaved_medians(ocr: PageOcr, pages: list[tuple[np.ndarray, Path]]) -> tuple[float, float]:
    """Median seconds per page (tesseract CLI, ita-extract) over ``pages`` (image, PNG of it).

    The first page is read once before timing: loading the engine and the
    numeral model is not a page's cost.
    """
    ocr.read(pages[0][0], 1, *A4)
    base, ours = [], []
    for img, png in pages:
        t0 = time.perf_counter()
        subprocess.run(["tesseract", str(png), "-", "-l", "tha+eng"], check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        base.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        page_items(ocr.read(img, 1, *A4).page)
        ours.append(time.perf_counter() - t0)
    return statistics.median(base), statistics.median(ours)
