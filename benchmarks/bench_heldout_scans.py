"""Held-out scans: generate reports, print and scan them, extract the scans, score them per resolution.

    python -m benchmarks.bench_heldout_scans [--seeds 100000-100007] [--scan 300,200,150,phone]
                                             [--few 3] [--work DIR] [--jobs 1] [--reuse] [--time-pages 3]

Each seed is rendered by one producer (docx, fpdf, html in turn by seed), then
printed and scanned by ``benchmarks/corpus/scan.py`` with a damage seed derived
from the report seed, so a seed always gives the same scans. 300 and 200 dpi
scan every seed; 150 dpi and phone photos scan the first ``--few`` seeds (OCR of
a page costs seconds). The scans alone form the corpus the pipeline reads; the
generator's scorer (``benchmarks/corpus/score.py``) scores them, one line per
variant, with the same metrics as the digital held-out benchmark.

Also printed per variant: ``score-unreadable`` problems (a score cell left
empty), and the time per page of ita-extract's OCR against plain
``tesseract IMAGE - -l tha+eng`` on the same page images (``OMP_THREAD_LIMIT=1``
for both, interleaved in one run, medians; wall time, and CPU time beside it: on a
loaded machine wall time is mostly waiting).

The held-out renderings are checked against the pinned ones
(``benchmarks/corpus/heldout_pins.json``, see ``benchmarks/corpus/pins.py``): another
machine's LibreOffice, Chromium or fonts can render other reports from the same seeds, and
figures compare only between runs on the same renderings. The first output line says so.

Seeds from 100000 up are held out: measure them, never debug on them. Dev seeds
(0-99999) take the same path; ``--diff PATTERN`` prints what differs from the
ground truth for the scans whose path contains PATTERN (dev seeds only).

``--reuse`` re-extracts the scans already in ``--work`` of the ``--scan`` variants
only (through a view folder of hard links, ``WORK/view``, when other variants are
there) and scores those alone.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

os.environ.setdefault("OMP_THREAD_LIMIT", "1")

from benchmarks.ocr_timing import Timing, interleaved_times  # noqa: E402
from benchmarks.corpus import HELDOUT_START  # noqa: E402
from benchmarks.corpus.generate import CorpusFile, corpus_files, generate, parse_seeds  # noqa: E402
from benchmarks.corpus.look import PRODUCERS  # noqa: E402
from benchmarks.corpus import pins  # noqa: E402
from benchmarks.corpus.score import diff, read_output, score_corpus  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SEEDS = f"{HELDOUT_START}-{HELDOUT_START + 7}"
#: Variants that scan only the first ``--few`` seeds.
FEW_VARIANTS = ("scan150", "phone")

#: (summary key, column heading) of the per-variant table.
COLUMNS = (
    ("scores_recall", "score rows found"), ("scores_exact", "scores exact"), ("lowest_exact", "lowest exact"),
    ("references_exact", "refs exact"), ("cause_cer", "cause CER"), ("guideline_cer", "guideline CER"),
    ("text_cer", "text CER"), ("measures_recall", "measures found"), ("period_start_exact", "period start exact"),
    ("period_end_exact", "period end exact"),
)


def damage_seed(report_seed: int) -> int:
    """The scan damage seed of a report seed (another stream than the report's own draws).

    >>> damage_seed(100000) != damage_seed(100001)
    True
    """
    return 7_000_000 + report_seed


def producer_of(seed: int) -> str:
    """One producer per seed, in turn, so every producer is scanned."""
    return PRODUCERS[seed % len(PRODUCERS)]


def parse_variants(spec: str) -> list[str]:
    """``300,200,phone`` -> ``['scan300', 'scan200', 'phone']``.

    >>> parse_variants("300, 150,phone")
    ['scan300', 'scan150', 'phone']
    """
    out = []
    for part in (p.strip() for p in spec.split(",")):
        if part:
            out.append(part if part == "phone" or part.startswith("scan") else f"scan{int(part)}")
    return out


def _scan(job: tuple[str, str, str, int]) -> str:
    from benchmarks.corpus.scan import make_scan
    src, dst, variant, seed = job
    make_scan(Path(src), Path(dst), variant, seed)
    return dst


def scan_corpus(digital: Path, scans: Path, variants: list[str], few_seeds: set[int], jobs: int) -> int:
    """Scan every rendering of ``digital`` into ``scans`` (same parts, ground truth and manifest layout)."""
    work: list[tuple[str, str, str, int]] = []
    manifests: dict[Path, list[dict]] = {}
    files: list[CorpusFile] = corpus_files(digital)
    for f in files:
        part = scans / f.pdf.parent.name
        (part / "gt").mkdir(parents=True, exist_ok=True)
        shutil.copy(f.gt, part / "gt" / f.gt.name)
        for variant in variants:
            if variant in FEW_VARIANTS and f.seed not in few_seeds:
                continue
            dst = part / f"{f.doc}-{variant}.pdf"
            manifests.setdefault(part, []).append({**f.entry, "file": dst.name, "variant": variant,
                                                   "derived_from": f.entry["file"], "damage_seed": damage_seed(f.seed)})
            work.append((str(f.pdf), str(dst), variant, damage_seed(f.seed)))
    if jobs > 1:
        with ProcessPoolExecutor(jobs) as pool:
            list(pool.map(_scan, work))
    else:
        for job in work:
            _scan(job)
    for part, entries in manifests.items():
        (part / "MANIFEST.json").write_text(json.dumps(entries, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return len(work)


def run_pipeline(corpus: Path, out: Path, workers: int) -> float:
    t0 = time.perf_counter()
    subprocess.run(["nice", sys.executable, "-m", "pipeline", "run", str(corpus), "--out", str(out), "--force",
                    "--workers", str(workers), "--quiet"], check=True, cwd=ROOT)
    return time.perf_counter() - t0


def variant_of(source_file: str) -> str:
    """``part-000/A-scan300.pdf`` -> ``scan300``."""
    return Path(source_file).stem.split("-", 1)[1]


def variant_view(scans: Path, variants: list[str], view: Path) -> Path:
    """The corpus of the scans of ``variants`` only: ``scans`` itself when it holds no other variant, else
    ``view`` rebuilt as hard links of the chosen scans with their ground truth and manifests filtered to them.

    The pipeline reads every pdf under its corpus folder and the scorer every manifest entry, so
    ``--reuse --scan 200`` extracts and scores the 200 dpi scans alone through the view.
    """
    chosen = set(variants)
    if all(variant_of(pdf.name) in chosen for pdf in scans.glob("part-*/*.pdf")):
        return scans
    shutil.rmtree(view, ignore_errors=True)
    for manifest in sorted(scans.glob("part-*/MANIFEST.json")):
        part = manifest.parent
        entries = [e for e in json.loads(manifest.read_text(encoding="utf-8")) if e["variant"] in chosen]
        if not entries:
            continue
        dst = view / part.name
        (dst / "gt").mkdir(parents=True)
        for e in entries:
            os.link(part / e["file"], dst / e["file"])
        for gt in {e["doc"] for e in entries}:
            os.link(part / "gt" / f"{gt}.json", dst / "gt" / f"{gt}.json")
        (dst / "MANIFEST.json").write_text(json.dumps(entries, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return view


def problem_counts(out: Path, code: str) -> Counter:
    """Problems with ``code`` per variant."""
    tabs = read_output(out)
    problems = read_problems(out)
    variant = {d["doc_id"]: variant_of(str(d["source_file"])) for d in tabs["documents"]}
    return Counter(variant.get(p["doc_id"], "?") for p in problems if p["code"] == code)


def read_problems(out: Path) -> list[dict]:
    import pyarrow.dataset as pads
    path = out / "problems"
    return pads.dataset(str(path), format="parquet", partitioning="hive").to_table().to_pylist() if path.exists() else []


def page_count(pdf: Path) -> int:
    import pypdfium2 as pdfium
    doc = pdfium.PdfDocument(str(pdf))
    try:
        return len(doc)
    finally:
        doc.close()


def timed_pages(pdfs: list[Path], n_pages: int) -> list[tuple[Path, int]]:
    """``n_pages`` pages (file, index) spread over ``pdfs``: page 1 of each file, then 2, ... (a page with tables,
    not only the title page), wrapping round a file's pages."""
    files = [pdfs[i % len(pdfs)] for i in range(n_pages)]
    counts = {pdf: page_count(pdf) for pdf in set(files)}
    return [(pdf, (1 + i // len(pdfs)) % counts[pdf]) for i, pdf in enumerate(files)]


def timing(pdfs: list[Path], n_pages: int) -> tuple[Timing, int] | None:
    """(medians per page of the tesseract CLI and ita-extract's OCR, pages) on pages spread over ``pdfs``."""
    from PIL import Image

    from extract.ocr.reader import PageOcr
    from extract.ocr.raster import open_images

    if not pdfs or n_pages <= 0:
        return None
    tmp = Path(tempfile.mkdtemp(prefix="ita-scan-speed-"))
    try:
        jobs = []
        for pdf, index in timed_pages(pdfs, n_pages):
            with open_images(pdf) as r:
                img = r.image(index)
            png = tmp / f"{pdf.stem}-{index}.png"
            Image.fromarray(img.gray).save(png)
            jobs.append((img, png))
        return interleaved_times(PageOcr(300), jobs), len(jobs)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def _pct(v) -> str:
    return "-" if v is None else f"{100 * v:.1f} %"


def report(by_variant: dict[str, dict], unreadable: Counter, times: dict[str, tuple]) -> str:
    head = ["variant", "files"] + [h for _, h in COLUMNS] + ["score-unreadable", "s/page ours", "s/page tesseract",
                                                             "ratio", "CPU ratio"]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    order = sorted((k for k in by_variant if k != "ALL"), key=lambda v: (v == "phone", -int(v[4:] or 0)
                                                                         if v.startswith("scan") else 0))
    for v in order:
        s = by_variant[v]
        cells = [v, f"{s['found']}/{s['files']}"]
        for key, _ in COLUMNS:
            val = s.get(key)
            cells.append("-" if val is None else (f"{100 * val:.2f} %" if key.endswith("_cer") else _pct(val)))
        t = times.get(v)
        cells += [str(unreadable.get(v, 0))]
        cells += cpu_cells(t[0]) if t else ["-"] * 4
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def cpu_cells(t: Timing) -> list[str]:
    """The timing columns of a variant: s/page ours and tesseract (wall), their ratio, and the ratio of CPU times.

    >>> cpu_cells(Timing(tesseract=10.0, ours=9.2, tesseract_cpu=4.0, ours_cpu=3.8))
    ['9.20', '10.00', '0.92', '0.95']
    """
    return [f"{t.ours:.2f}", f"{t.tesseract:.2f}", f"{t.ours / t.tesseract:.2f}", f"{t.ours_cpu / t.tesseract_cpu:.2f}"]


def lowest_file(per_file: dict[str, dict], variant: str, key: str) -> tuple[str, float] | None:
    vals = [(f, s[key]) for f, s in per_file.items() if variant_of(f) == variant and s.get(key) is not None]
    return min(vals, key=lambda x: x[1]) if vals else None


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seeds", default=DEFAULT_SEEDS, help=f"report seeds (default {DEFAULT_SEEDS}, held out)")
    ap.add_argument("--scan", default="300,200,150,phone", help="variants: dpis and/or phone (default 300,200,150,phone)")
    ap.add_argument("--few", type=int, default=3, help="seeds scanned at 150 dpi and as phone photos (default 3)")
    ap.add_argument("--work", type=Path, default=ROOT / "bench-out" / "heldout-scans", help="work folder")
    ap.add_argument("--jobs", type=int, default=1, help="renderings, scans and pipeline workers in parallel")
    ap.add_argument("--reuse", action="store_true", help="reuse the scans already in --work (re-extract them)")
    ap.add_argument("--score-only", action="store_true", help="score the output already in --work")
    ap.add_argument("--time-pages", type=int, default=3, help="pages per variant timed against tesseract (0: none)")
    ap.add_argument("--json", type=Path, help="write the summary here")
    ap.add_argument("--diff", metavar="PATTERN", help="print differing fields of scans matching PATTERN (dev seeds)")
    args = ap.parse_args(argv)
    seeds = parse_seeds(args.seeds)
    variants = parse_variants(args.scan)
    heldout = min(seeds) >= HELDOUT_START
    if not heldout:
        print(f"note: seeds below {HELDOUT_START} are dev seeds, not held out", file=sys.stderr)
    digital, scans, out = args.work / "digital", args.work / "scans", args.work / "out"
    if args.diff:
        if heldout:
            ap.error("--diff is for dev seeds: held-out seeds are measured, never debugged")
        print("\n".join(diff(scans, out, args.diff, limit=10**6)))
        return 0
    if not (args.reuse or args.score_only):
        shutil.rmtree(args.work, ignore_errors=True)
        t0 = time.perf_counter()
        entries = generate(seeds, digital, jobs=args.jobs, log=lambda *_: None,
                           per_seed={s: [producer_of(s)] for s in seeds})
        bad = [f"{e['seed']}/{e['producer']}" for e in entries if not e.get("text_layer_ok")]
        n = scan_corpus(digital, scans, variants, set(seeds[:args.few]), args.jobs)
        print(f"generated {len(entries)} report(s) ({len(bad)} flagged or failed: {', '.join(bad) or 'none'}) and "
              f"{n} scan(s) in {time.perf_counter() - t0:.0f} s")
    pinned = pins.check(args.work, args.seeds) if heldout else None
    if pinned is not None:
        print(pinned.summary())
    corpus = variant_view(scans, variants, args.work / "view")
    pages = {v: 0 for v in variants}
    for pdf in corpus.glob("part-*/*.pdf"):
        pages[variant_of(pdf.name)] = pages.get(variant_of(pdf.name), 0) + page_count(pdf)
    if not args.score_only:
        secs = run_pipeline(corpus, out, args.jobs)
        print(f"pipeline: {secs:.0f} s for {sum(pages.values())} scanned pages "
              f"({secs / max(1, sum(pages.values())):.1f} s/page with {args.jobs} worker(s))")
    by_variant, per_file = score_corpus(corpus, out)
    by_variant.pop("ALL", None)
    unreadable = problem_counts(out, "score-unreadable")
    times = {}
    if args.time_pages and not args.score_only:
        for v in variants:
            t = timing(sorted(scans.glob(f"part-*/*-{v}.pdf")), args.time_pages)
            if t:
                times[v] = t
    print(f"\nseeds {args.seeds} ({'held out' if heldout else 'dev'}), pages per variant: "
          + ", ".join(f"{v} {n}" for v, n in pages.items()))
    print(report(by_variant, unreadable, times))
    for v, (t, n) in times.items():
        if t.page_ratio is not None:
            print(f"{v}: each page's time over tesseract's on the same page, median of {n} pages: "
                  f"{t.page_ratio:.3f} (CPU {t.page_ratio_cpu:.3f})")
        if t.tesseract_share_cpu is not None:
            print(f"{v}: of which Tesseract's own reads inside ita-extract, each page's CPU over the CLI's, median: "
                  f"{t.tesseract_share_cpu:.3f}")
    print("\nlowest file per variant (score rows found, scores exact):")
    for v in by_variant:
        lo_r, lo_e = lowest_file(per_file, v, "scores_recall"), lowest_file(per_file, v, "scores_exact")
        if lo_r and lo_e:
            print(f"  {v}: found {_pct(lo_r[1])} ({lo_r[0]}), exact {_pct(lo_e[1])} ({lo_e[0]})")
    if args.json:
        args.json.write_text(json.dumps({"seeds": args.seeds, "by_variant": by_variant, "by_file": per_file,
                                         "score_unreadable": dict(unreadable),
                                         "renderings": None if pinned is None else {
                                             "comparable": pinned.comparable, "differ": list(pinned.differ),
                                             "unpinned": list(pinned.unpinned)},
                                         "timing": {v: {"tesseract_s": t.tesseract, "ours_s": t.ours,
                                                        "tesseract_cpu_s": t.tesseract_cpu, "ours_cpu_s": t.ours_cpu,
                                                        "page_ratio": t.page_ratio, "page_ratio_cpu": t.page_ratio_cpu,
                                                        "tesseract_share_cpu": t.tesseract_share_cpu,
                                                        "pages": n} for v, (t, n) in times.items()}},
                                        ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
