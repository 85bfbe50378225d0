#!/usr/bin/env python3
"""Held-out accuracy: generate reports the code was never tuned on, extract them, score per producer.

    python -m benchmarks.bench_heldout [--seeds 100000-100023] [--work DIR] [--jobs 2] [--reuse]

Seeds from 100000 up are held out (``benchmarks/corpus/__init__.py``): measure on
them, never debug on them; look at dev seeds (0-99999) instead. Prints the per-field
table (Markdown) per producer and in total, and how many rows of each field differ,
by field (the failure classes to look at on dev seeds).
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

from benchmarks.corpus import HELDOUT_START  # noqa: E402
from benchmarks.corpus.generate import generate, parse_seeds  # noqa: E402
from benchmarks.corpus.score import diff, score_corpus, table  # noqa: E402

DEFAULT_SEEDS = f"{HELDOUT_START}-{HELDOUT_START + 23}"


def run_pipeline(corpus: Path, out: Path, workers: int) -> float:
    t0 = time.perf_counter()
    subprocess.run([sys.executable, str(ROOT / "pipeline.py"), "run", str(corpus), "--out", str(out), "--force",
                    "--workers", str(workers), "--quiet"], check=True)
    return time.perf_counter() - t0


def failure_fields(corpus: Path, out: Path) -> Counter:
    """How many ground-truth fields differ, per (kind, field)."""
    counts: Counter = Counter()
    for line in diff(corpus, out, "", limit=10**9):
        head = line.split("\n")[0]
        words = head.split()
        if words[1] == "agency:":
            counts["agency"] += 1
        elif words[1] == "score":
            counts["score " + ("missing" if "missing" in head else "extra row" if "extra row" in head else "wrong")] += 1
        elif words[1] in ("analysis", "measure"):
            counts[f"{words[1]} {words[3].rstrip(':')}"] += 1
        else:
            counts[head.split(":")[0].split(" ", 1)[-1]] += 1
    return counts


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seeds", default=DEFAULT_SEEDS, help=f"held-out seeds (default {DEFAULT_SEEDS})")
    ap.add_argument("--work", type=Path, default=ROOT / "bench-out" / "heldout", help="corpus and output folder")
    ap.add_argument("--jobs", type=int, default=2, help="renderings and pipeline workers in parallel")
    ap.add_argument("--reuse", action="store_true", help="reuse a corpus already generated in --work")
    ap.add_argument("--json", type=Path, help="write the summary here")
    args = ap.parse_args(argv)
    seeds = parse_seeds(args.seeds)
    if min(seeds) < HELDOUT_START:
        print(f"warning: seeds below {HELDOUT_START} are dev seeds, not held out", file=sys.stderr)
    corpus, out = args.work / "corpus", args.work / "out"
    t0 = time.perf_counter()
    if not (args.reuse and corpus.exists()):
        entries = generate(seeds, corpus, jobs=args.jobs, log=lambda *_: None)
        flagged = [e for e in entries if not e.get("text_layer_ok")]
        print(f"generated {len(entries)} rendering(s) of {len(seeds)} seed(s) in {time.perf_counter() - t0:.0f} s; "
              f"{len(flagged)} flagged or failed (not scored): "
              + ", ".join(f"{e['seed']}/{e['producer']}" for e in flagged))
    secs = run_pipeline(corpus, out, args.jobs)
    print(f"pipeline: {secs:.0f} s\n")
    by_variant, per_file = score_corpus(corpus, out)
    print(table(by_variant))
    counts = failure_fields(corpus, out)
    print("\nfields that differ from the ground truth (rows):")
    for k, n in counts.most_common():
        print(f"  {k}: {n}")
    if args.json:
        args.json.write_text(json.dumps({"seeds": args.seeds, "by_variant": by_variant, "by_file": per_file,
                                         "differing_fields": dict(counts)}, ensure_ascii=False, indent=1),
                             encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
