"""Batches: scaling over worker processes, Dask against the local pool, memory.

The samples are replicated into distinct documents (a comment appended to
each copy, so every copy has its own sha256): ``--docs`` documents, a share
``--scanned`` of them scans from samples/scanned/ (OCR-bound), the rest the
digital samples. Each configuration runs the same batch, in a fresh Python process, into a fresh output:

* local pool, 1 worker and 2 workers: documents/minute, pages/second, and
  the scaling efficiency (time with 1 / time with 2; target >= 1.8 on 2 cores);
* Dask LocalCluster with 2 single-threaded workers against the 2-worker
  pool (target: within 10 %);
* peak resident memory per worker;
* ``--memory N``: N digital documents through 2 workers without recycling,
  printing each worker's memory every 50 documents, to show it stays flat.

``--rounds R`` runs the configurations R times, interleaved, and reports
medians (these machines are noisy); ``--skip-single`` leaves out the long
1-worker run when only Dask against the pool is wanted.

    python -m benchmarks.bench_batch [--docs 200] [--scanned 0.33] [--memory 500] [--rounds 1]
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
os.environ.setdefault("OMP_THREAD_LIMIT", "1")

import pipeline  # noqa: E402
from ita_extract.batch.executors import ProcessExecutor  # noqa: E402
from ita_extract.settings import Settings  # noqa: E402


def make_batch(folder: Path, docs: int, scanned_share: float) -> int:
    digital = sorted((ROOT / "samples").glob("*.pdf"))
    scans = sorted((ROOT / "samples" / "scanned").glob("*.pdf"))
    n_scan = round(docs * scanned_share)
    folder.mkdir(parents=True)
    for i in range(docs):
        src = scans[i % len(scans)] if i < n_scan else digital[i % len(digital)]
        (folder / f"{i:04d}-{src.name}").write_bytes(src.read_bytes() + f"\n%replica {i}\n".encode())
    return n_scan


def timed_run(inputs: Path, workers: int, dask: str | None = None) -> tuple[float, int, float]:
    """One configuration in a fresh Python process, so none inherits another's warm caches."""
    code = f"""
import json, os, sys, tempfile, shutil, time
os.environ.setdefault("OMP_THREAD_LIMIT", "1")
from pathlib import Path
import pipeline
from ita_extract.settings import Settings

def main():
    pools = []
    real = pipeline.make_executor
    def spy(settings, n):
        ex = real(settings, n)
        pools.append(ex)
        return ex
    pipeline.make_executor = spy
    out = Path(tempfile.mkdtemp(prefix="ita-batch-"))
    t0 = time.perf_counter()
    summary = pipeline.run_batch(Settings(inputs=(Path({str(inputs)!r}),), out=out, workers={workers},
                                          dask={dask!r}, progress=False))
    elapsed = time.perf_counter() - t0
    shutil.rmtree(out, ignore_errors=True)
    rss = getattr(pools[0], "peak_rss_mb", 0.0) if pools else 0.0
    print("RESULT", json.dumps([elapsed, summary.pages, rss]))

if __name__ == "__main__":
    main()
"""
    script = inputs.parent / f"run-{workers}-{dask}.py"
    script.write_text(code)
    proc = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, check=True)
    line = next(ln for ln in proc.stdout.splitlines() if ln.startswith("RESULT "))
    elapsed, pages, rss = json.loads(line[len("RESULT "):])
    return elapsed, pages, rss


def memory(n: int) -> None:
    folder = Path(tempfile.mkdtemp(prefix="ita-mem-")) / "in"
    make_batch(folder, n, 0.0)
    files = pipeline.discover((folder,))
    tasks, _ = pipeline.identify(files)
    settings = Settings(inputs=(folder,), out=folder.parent / "out")
    ex = ProcessExecutor(settings, workers=2, timeout_s=600, max_docs=10 ** 9, max_rss_mb=10 ** 9)
    for _ in ex.run(tasks):
        pass
    log = ex.rss_log
    print(f"memory over {n} digital documents, 2 workers, no recycling (MiB after each 50 documents):")
    print("  " + " ".join(f"{max(log[max(0, i - 10):i + 1]):.0f}" for i in range(49, len(log), 50)))
    print(f"  first 50: max {max(log[:50]):.0f} MiB, last 50: max {max(log[-50:]):.0f} MiB")
    shutil.rmtree(folder.parent, ignore_errors=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=200)
    ap.add_argument("--scanned", type=float, default=0.33)
    ap.add_argument("--memory", type=int, default=500, help="documents for the memory run (0: skip)")
    ap.add_argument("--skip-dask", action="store_true")
    ap.add_argument("--skip-single", action="store_true", help="leave out the 1-worker run")
    ap.add_argument("--rounds", type=int, default=1, help="interleaved repetitions; medians are reported")
    args = ap.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="ita-bench-")) / "in"
    n_scan = make_batch(folder, args.docs, args.scanned)
    print(f"{args.docs} documents ({n_scan} scanned, {args.docs - n_scan} digital), 2 cores")
    configs = [("local, 2 workers", 2, None)]
    if not args.skip_single:
        configs.insert(0, ("local, 1 worker", 1, None))
    if not args.skip_dask:
        configs.append(("dask LocalCluster, 2 workers", 2, "local"))
    runs: dict[str, list[tuple[float, int, float]]] = {name: [] for name, _, _ in configs}
    for r in range(args.rounds):
        for name, workers, dask in configs:
            runs[name].append(timed_run(folder, workers, dask))
            if args.rounds > 1:
                print(f"  round {r + 1}: {name:30s} {runs[name][-1][0]:7.1f} s", flush=True)
    results = {}
    for name, _, _ in configs:
        elapsed = statistics.median(e for e, _, _ in runs[name])
        pages = runs[name][0][1]
        rss = max(m for _, _, m in runs[name])
        results[name] = elapsed
        print(f"  {name:30s} {elapsed:7.1f} s  {args.docs / elapsed * 60:6.1f} documents/min  "
              f"{pages / elapsed:5.2f} pages/s" + (f"  peak worker memory {rss:.0f} MiB" if rss else "")
              + (f"  (median of {args.rounds})" if args.rounds > 1 else ""))
    if "local, 1 worker" in results:
        print(f"  scaling 1 -> 2 workers: {results['local, 1 worker'] / results['local, 2 workers']:.2f}x (target >= 1.8)")
    if "dask LocalCluster, 2 workers" in results:
        ratio = results["dask LocalCluster, 2 workers"] / results["local, 2 workers"]
        print(f"  dask / local pool: {ratio:.2f} (target within 10 %)")
        if args.rounds > 1:
            pairs = [d[0] / p[0] for p, d in zip(runs["local, 2 workers"], runs["dask LocalCluster, 2 workers"])]
            print("  dask / local pool per round: " + ", ".join(f"{x:.2f}" for x in pairs))
    shutil.rmtree(folder.parent, ignore_errors=True)
    if args.memory:
        memory(args.memory)


if __name__ == "__main__":
    main()
