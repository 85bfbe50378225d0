"""Page OCR time of two versions of the code on the same scanned pages, read in turn: is a change faster?

    python -m benchmarks.bench_ab --base REV [--pages 20] [--scan 300,phone] [--work bench-out/heldout-scans]

The end-to-end ratio against plain ``tesseract`` (``bench_heldout_scans``) moves by 5-10 % from run to run:
page times spread widely and their median lands on another page. A change of a few per cent shows better
when the two versions read the same pages, one page after the other. Here ``REV`` (a git revision) is
exported to a temporary folder. One worker process runs the export's code and one runs this checkout's,
and each page is sent to both in turn (``OMP_THREAD_LIMIT=1``). Each worker measures its own CPU seconds
for the page OCR (:class:`extract.ocr.reader.PageOcr` and the layout, as ``benchmarks/ocr_timing.py``
times it). A page read once before timing in each worker warms the engine and the numeral model.

Printed per variant: the medians, the totals, and the median of each page's ratio (this checkout over
``REV``). The totals show time a few pages pay. The ratio's median shows a change most pages feel.

Pages come from the scans of ``--work`` (a ``bench_heldout_scans`` work folder), chosen as
``bench_heldout_scans`` times them: pages 1, 2, ... of each file in turn.
"""
from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from benchmarks.bench_heldout_scans import timed_pages
from benchmarks.ocr_timing import A4

ROOT = Path(__file__).resolve().parents[1]

#: What each worker runs (the page size filled in: :data:`benchmarks.ocr_timing.A4`): reads "PDF PAGE" lines,
#: answers each with the CPU seconds of that page's OCR.
WORKER = """
import os, sys, time
from extract.ocr.reader import PageOcr
from extract.ocr.raster import open_images
from extract.text.layout import page_items
ocr = PageOcr(300)
print("ready", flush=True)
for line in sys.stdin:
    pdf, index = line.rsplit(" ", 1)
    with open_images(pdf) as r:
        image = r.image(int(index))
    t0 = time.process_time()
    page_items(ocr.read(image, 1, {width}, {height}).page)
    print(f"{{time.process_time() - t0:.4f}}", flush=True)
"""


class Worker:
    """A Python process running :data:`WORKER` on the code of ``tree``."""

    def __init__(self, tree: Path) -> None:
        env = {**os.environ, "PYTHONPATH": str(tree), "OMP_THREAD_LIMIT": "1"}
        code = WORKER.format(width=A4[0], height=A4[1])
        self.proc = subprocess.Popen([sys.executable, "-c", code], cwd=tree, env=env, text=True,
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        if self.proc.stdout.readline().strip() != "ready":
            raise RuntimeError(f"the worker on {tree} did not start")

    def read(self, pdf: Path, index: int) -> float:
        self.proc.stdin.write(f"{pdf} {index}\n")
        self.proc.stdin.flush()
        answer = self.proc.stdout.readline()
        if not answer:
            raise RuntimeError(f"the worker stopped on {pdf} page {index}")
        return float(answer)

    def close(self) -> None:
        self.proc.kill()
        self.proc.wait()


def export(rev: str, into: Path) -> Path:
    """The tracked files of ``rev`` written to ``into`` (``git archive``)."""
    archive = subprocess.run(["git", "archive", rev], cwd=ROOT, check=True, capture_output=True).stdout
    subprocess.run(["tar", "-x", "-C", str(into)], input=archive, check=True)
    return into


def compare(base: Path, new: Path, jobs: list[tuple[Path, int]]) -> tuple[list[float], list[float]]:
    """CPU seconds per page of the code in ``base`` and in ``new``, each page read by both in turn."""
    a, b = Worker(base), Worker(new)
    try:
        a.read(*jobs[0])
        b.read(*jobs[0])
        times = [(a.read(*job), b.read(*job)) for job in jobs]
    finally:
        a.close()
        b.close()
    return [t for t, _ in times], [t for _, t in times]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--base", required=True, help="git revision to compare this checkout with (e.g. main, HEAD~1)")
    ap.add_argument("--pages", type=int, default=20, help="pages per variant (default 20)")
    ap.add_argument("--scan", default="300,phone", help="variants: dpis and/or phone (default 300,phone)")
    ap.add_argument("--work", type=Path, default=ROOT / "bench-out" / "heldout-scans",
                    help="a bench_heldout_scans work folder (its scans/)")
    args = ap.parse_args(argv)
    variants = [v if v == "phone" else f"scan{v}" for v in args.scan.split(",")]
    tmp = Path(tempfile.mkdtemp(prefix="ita-ab-"))
    try:
        base = export(args.base, tmp)
        print(f"base {args.base} against this checkout ({ROOT}); CPU seconds of the page OCR, medians")
        for v in variants:
            pdfs = sorted((args.work / "scans").glob(f"part-*/*-{v}.pdf"))
            if not pdfs:
                print(f"{v}: no scans in {args.work / 'scans'} (run bench_heldout_scans first)")
                continue
            old, new = compare(base, ROOT, timed_pages(pdfs, args.pages))
            med = statistics.median
            print(f"{v}: {len(old)} pages; base {med(old):.2f} s, this {med(new):.2f} s a page; totals "
                  f"{sum(old):.1f} -> {sum(new):.1f} s ({sum(new) / sum(old):.3f}); each page's ratio, median "
                  f"{med(n / o for o, n in zip(old, new)):.3f}")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
