"""Time per scanned page: ita-extract's page OCR against plain ``tesseract IMAGE - -l tha+eng``.

Shared by ``bench_ocr`` and ``bench_heldout_scans``: the same page images, both
readers interleaved page by page in one run (so machine load hits both alike),
medians. Set ``OMP_THREAD_LIMIT=1`` before calling, for both.

Wall time is what #9 compares; on a machine other jobs load, wall time is
mostly waiting for a core, so the CPU time of each reader (user + system:
``getrusage`` of this process for ita-extract, of the finished child for the
CLI) is measured alongside, the steadier figure of the work done.
"""
from __future__ import annotations

import resource
import statistics
import subprocess
import time
from pathlib import Path
from typing import NamedTuple

import numpy as np

from extract.ocr.reader import PageOcr
from extract.text.layout import page_items

#: A4 in PDF points: the page size the OCR result is scaled to.
A4 = (595.3, 841.9)


class Timing(NamedTuple):
    """Median seconds per page of both readers: wall and CPU (user + system); and the median of each page's own
    ratio (ita-extract over the CLI on the same page), wall and CPU.

    The ratio of the two medians moves by 5-10 % from run to run: page times spread widely (a page of tables
    takes twice a page of text) and each median can land on another page. Each page's ratio compares the two
    readers on the same image, and their median is the steadier figure of the two.

    ``tesseract_share_cpu``: the median of each page's CPU time inside ita-extract's own Tesseract reads
    (``page_words``: the page, and a table read again alone) over the CLI's CPU time on that page; None when
    the reader has no such engine. What is left of the ratio above it is ita-extract's own work.
    """

    tesseract: float
    ours: float
    tesseract_cpu: float
    ours_cpu: float
    page_ratio: float | None = None
    page_ratio_cpu: float | None = None
    tesseract_share_cpu: float | None = None


def cpu_seconds(who: int) -> float:
    """User plus system CPU seconds of ``who`` (``resource.RUSAGE_SELF`` or ``RUSAGE_CHILDREN``) so far."""
    r = resource.getrusage(who)
    return r.ru_utime + r.ru_stime


def interleaved_times(ocr: PageOcr, pages: list[tuple[np.ndarray, Path]]) -> Timing:
    """Median seconds per page, wall and CPU, of the tesseract CLI and ita-extract over ``pages``
    (image, PNG of it).

    The first page is read once before timing: loading the engine and the
    numeral model is not a page's cost.
    """
    ocr.read(pages[0][0], 1, *A4)
    base, ours, base_cpu, ours_cpu, tess_cpu = [], [], [], [], []
    with TesseractClock(getattr(ocr, "_engine", None)) as clock:
        for img, png in pages:
            t0, c0 = time.perf_counter(), cpu_seconds(resource.RUSAGE_CHILDREN)
            subprocess.run(["tesseract", str(png), "-", "-l", "tha+eng"], check=True,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            base.append(time.perf_counter() - t0)
            base_cpu.append(cpu_seconds(resource.RUSAGE_CHILDREN) - c0)
            t0, c0, k0 = time.perf_counter(), cpu_seconds(resource.RUSAGE_SELF), clock.seconds
            page_items(ocr.read(img, 1, *A4).page)
            ours.append(time.perf_counter() - t0)
            ours_cpu.append(cpu_seconds(resource.RUSAGE_SELF) - c0)
            tess_cpu.append(clock.seconds - k0)
    med = statistics.median
    return Timing(med(base), med(ours), med(base_cpu), med(ours_cpu), paired_ratio(ours, base),
                  paired_ratio(ours_cpu, base_cpu), paired_ratio(tess_cpu, base_cpu) if clock.on else None)


class TesseractClock:
    """CPU seconds spent in an engine's ``page_words`` (Tesseract's own page reads inside ita-extract) while the
    ``with`` block runs: the engine's method is wrapped, and unwrapped on leaving. ``on`` is False (and
    ``seconds`` stays 0) for a reader without such an engine.

    >>> class Engine:
    ...     def page_words(self, gray, dpi):
    ...         end = cpu_seconds(resource.RUSAGE_SELF) + 0.02
    ...         while cpu_seconds(resource.RUSAGE_SELF) < end:
    ...             pass
    ...         return ["word"]
    >>> e = Engine()
    >>> with TesseractClock(e) as clock:
    ...     words = e.page_words(None, 300)
    >>> words, clock.on, clock.seconds >= 0.015, "page_words" in vars(e)
    (['word'], True, True, False)
    >>> with TesseractClock(None) as clock:
    ...     pass
    >>> clock.on, clock.seconds
    (False, 0.0)
    """

    def __init__(self, engine) -> None:
        self.engine = engine
        self.on = engine is not None and callable(getattr(engine, "page_words", None))
        self.seconds = 0.0

    def __enter__(self) -> TesseractClock:
        if self.on:
            inner = self.engine.page_words

            def page_words(*args, **kwargs):
                c0 = cpu_seconds(resource.RUSAGE_SELF)
                try:
                    return inner(*args, **kwargs)
                finally:
                    self.seconds += cpu_seconds(resource.RUSAGE_SELF) - c0

            self.engine.page_words = page_words
        return self

    def __exit__(self, *exc) -> None:
        if self.on:
            del self.engine.page_words


def paired_ratio(ours: list[float], base: list[float]) -> float | None:
    """The median of each page's ratio ``ours / base`` (pages where ``base`` took no time left out), or None.

    >>> paired_ratio([2.0, 3.0, 9.0], [2.0, 2.0, 10.0]), paired_ratio([1.0], [0.0])
    (1.0, None)
    """
    ratios = [o / b for o, b in zip(ours, base) if b > 0]
    return statistics.median(ratios) if ratios else None


def interleaved_medians(ocr: PageOcr, pages: list[tuple[np.ndarray, Path]]) -> tuple[float, float]:
    """Median wall seconds per page (tesseract CLI, ita-extract) over ``pages`` (:func:`interleaved_times`)."""
    t = interleaved_times(ocr, pages)
    return t.tesseract, t.ours
