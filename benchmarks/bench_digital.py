"""Speed of the digital path against pdfplumber alone, measured in one run.

Baseline: pdfplumber opening every page of the samples and calling
``extract_tables()`` (what a hand-written script would do). Candidate: the
whole ita-extract pipeline (``run_batch``: text layer with mark repair,
tables, normalization, checks, Parquet writes) on the same files.

Both run in this one process (the pipeline with ``--workers 0``), so the
ratio is the cost of what ita-extract does beyond the naive notebook, not of
starting worker processes. The two are interleaved, repeated, and the
medians compared; the first round warms both up (imports, PyThaiNLP's
dictionary) and is not counted. Target (issue 8): pipeline / baseline <= 1.2.

    python -m benchmarks.bench_digital [--rounds 7] [INPUT ...]
"""
from __future__ import annotations

import argparse
import shutil
import statistics
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

import pdfplumber  # noqa: E402

from pipeline import discover, run_batch  # noqa: E402
from ita_extract.settings import Settings  # noqa: E402


#: Pipeline time / naive notebook time the digital path must stay under (issue 8).
TARGET = 1.2


def baseline(pdfs: list[Path]) -> int:
    pages = 0
    for path in pdfs:
        with pdfplumber.open(path) as pdf:
            for page in pdf.pages:
                page.extract_tables()
                pages += 1
    return pages


def candidate(inputs: tuple[Path, ...]) -> int:
    out = Path(tempfile.mkdtemp(prefix="ita-bench-"))
    try:
        return run_batch(Settings(inputs=inputs, out=out, progress=False, workers=0)).pages
    finally:
        shutil.rmtree(out, ignore_errors=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("inputs", nargs="*", type=Path, default=sorted((ROOT / "samples").glob("*.pdf")),
                    help="PDFs or folders (default: the digital samples, samples/*.pdf)")
    ap.add_argument("--rounds", type=int, default=7)
    args = ap.parse_args()
    inputs = tuple(args.inputs)
    pdfs = [f.path for f in discover(inputs)]
    times: dict[str, list[float]] = {"pdfplumber extract_tables": [], "ita-extract pipeline": []}
    pages = 0
    for r in range(args.rounds + 1):
        for name, fn in (("pdfplumber extract_tables", lambda: baseline(pdfs)),
                         ("ita-extract pipeline", lambda: candidate(inputs))):
            t0 = time.perf_counter()
            pages = fn()
            dt = time.perf_counter() - t0
            if r:  # round 0 warms up
                times[name].append(dt)
    base = statistics.median(times["pdfplumber extract_tables"])
    cand = statistics.median(times["ita-extract pipeline"])
    print(f"{len(pdfs)} PDF(s), {pages} page(s), {args.rounds} rounds (medians)")
    for name, ts in times.items():
        med = statistics.median(ts)
        print(f"  {name:28s} {med:7.3f} s   {pages / med:6.1f} pages/s   (min {min(ts):.3f}, max {max(ts):.3f})")
    print(f"  ratio pipeline / pdfplumber: {cand / base:.2f}  (target <= {TARGET:.2f})")


if __name__ == "__main__":
    main()
