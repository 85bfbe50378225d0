"""OCR path: accuracy on the scanned samples and time per page, in one run.

Accuracy: each scanned sample (samples/scanned/) goes through the whole
pipeline and its rows are compared with the hand-written expected rows of
its digital source (tests/expected/): score rows found and exact, lowest
questions exact, dates exact, text CER, and the per-digit accuracy of the
score digits. Targets (issue 3) are printed next to the figures.

Speed: for pages of the scans, the embedded page image is saved as PNG and
``tesseract page.png - -l tha+eng`` (the baseline) is timed against
ita-extract's whole per-page OCR (deskew, grid, Tesseract in process,
numeral re-reading, layout), interleaved; medians and the ratio are printed.

    python -m benchmarks.bench_ocr [--pages 4] [--skip-accuracy] [--scans DIR]
"""
from __future__ import annotations

import argparse
import os
import shutil
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
os.environ.setdefault("OMP_THREAD_LIMIT", "1")

import pyarrow.dataset as ds  # noqa: E402
from benchmarks.ocr_timing import interleaved_medians  # noqa: E402
from benchmarks.ocr_accuracy import Accuracy, compare, expected_for_scans  # noqa: E402
from PIL import Image  # noqa: E402

from extract.ocr.reader import PageOcr  # noqa: E402
from extract.ocr.raster import open_images  # noqa: E402
from pipeline import run_batch  # noqa: E402
from ita_extract.settings import Settings  # noqa: E402

SCANNED = ROOT / "samples" / "scanned"
EXPECTED = ROOT / "tests" / "expected"
TARGETS = {300: "all score rows, scores/lowest/dates exact, CER <= 2%",
           200: ">= 98% score rows exact, CER <= 5%"}


def accuracy() -> None:
    scans = expected_for_scans(EXPECTED)
    out = Path(tempfile.mkdtemp(prefix="ita-ocr-bench-"))
    try:
        t0 = time.perf_counter()
        summary = run_batch(Settings(inputs=(SCANNED,), out=out, progress=False))
        elapsed = time.perf_counter() - t0
        rows = {t: ds.dataset(out / t, partitioning="hive").to_table().to_pylist()
                for t in ("documents", "scores", "analyses", "measures")}
    finally:
        shutil.rmtree(out, ignore_errors=True)
    print(f"whole pipeline on {summary.pages} scanned pages: {elapsed:.1f} s ({elapsed / summary.pages:.2f} s/page)")
    by_dpi: dict[int, Accuracy] = defaultdict(Accuracy)
    for doc in rows["documents"]:
        expected, _, dpi = scans[doc["source_file"]]
        got = {t: [r for r in rows[t] if r["doc_id"] == doc["doc_id"]] for t in ("scores", "analyses", "measures")}
        acc = compare(expected, got)
        by_dpi[dpi].add(acc)
        print(f"  {doc['source_file']:36s} {acc.summary()}")
    for dpi, acc in sorted(by_dpi.items(), reverse=True):
        print(f"{dpi} dpi: {acc.summary()}")
        print(f"         score rows exact {acc.ratio('scores_exact', 'score_rows'):.1%}, "
              f"per-digit accuracy {acc.ratio('digits_right', 'digits_total'):.2%}   target: {TARGETS[dpi]}")


def speed(n_pages: int, folder: Path = SCANNED) -> None:
    ocr = PageOcr(300)
    tmp = Path(tempfile.mkdtemp(prefix="ita-ocr-speed-"))
    jobs = []
    pdfs = sorted(folder.glob("*.pdf"))
    for pdf in pdfs[:: max(1, len(pdfs) // n_pages)][:n_pages]:
        with open_images(pdf) as r:
            img = r.image(0)
        png = tmp / f"{pdf.stem}.png"
        Image.fromarray(img.gray).save(png)
        jobs.append((pdf, img, png))
    b, o = interleaved_medians(ocr, [(img, png) for _pdf, img, png in jobs])
    shutil.rmtree(tmp, ignore_errors=True)
    print(f"{len(jobs)} pages: tesseract CLI median {b:.2f} s/page, ita-extract OCR median {o:.2f} s/page, "
          f"ratio {o / b:.2f} (target <= 1.0)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pages", type=int, default=4, help="pages timed against the tesseract CLI")
    ap.add_argument("--skip-accuracy", action="store_true")
    ap.add_argument("--scans", type=Path, default=SCANNED,
                    help="folder of scanned PDFs whose first pages are timed (default: samples/scanned)")
    args = ap.parse_args()
    speed(args.pages, args.scans)
    if not args.skip_accuracy:
        accuracy()


if __name__ == "__main__":
    main()
