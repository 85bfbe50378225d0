"""Cost of the text-layer trust and repair on the digital path, measured in one run.

Both arms run the whole pipeline (``run_batch``, in process: ``workers=0``) on
the same files; one with ``repair_text_layer`` (each digital page's text
judged, broken pages repaired by the dictionary), one without. Rounds are
interleaved and the medians compared; round 0 warms both up (imports,
PyThaiNLP's dictionary, the repair's lexicon) and is not counted.
Target (issue 10): with / without <= 1.10.

Also times the normalizer on long inputs (issue 12): a 1 MB string and a
400-page-sized text, and 4x each, to show linear growth.

    python -m benchmarks.bench_repair [--rounds 7] [INPUT ...]
"""
from __future__ import annotations

import argparse
import shutil
import statistics
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

from pipeline import discover, run_batch  # noqa: E402
from ita_extract.settings import Settings  # noqa: E402


def one_run(inputs: tuple[Path, ...], repair: bool) -> int:
    out = Path(tempfile.mkdtemp(prefix="ita-bench-repair-"))
    try:
        settings = Settings(inputs=inputs, out=out, progress=False, workers=0, ocr="never",
                            repair_text_layer=repair)
        return run_batch(settings).pages
    finally:
        shutil.rmtree(out, ignore_errors=True)


def normalizer_scaling() -> None:
    from normalize.thai import join_wrapped_lines, normalize_text, remove_wrap_spaces, strip_html

    para = "หน่วยงานควรจัดทำแผนการจัดซื้อจัด จ้าง ประจำปี และเผยแพร่ต่อสาธารณะ <p>ตามความเหมาะสม</p> "
    lines = ["การจัดซื้อจัด", "จ้างที่เอื้อประโยชน์", "ให้แก่ผู้รับบริการ"]
    for label, make, fn in (
        ("normalize_text, 1 MB string", lambda k: para * (12_000 * k // 4), normalize_text.__wrapped__),
        ("join_wrapped_lines, 400 pages", lambda k: lines * (400 * 40 * k // 4), join_wrapped_lines),
        ("remove_wrap_spaces, 0.7 MB", lambda k: para * (2_000 * k), remove_wrap_spaces),
        ("strip_html, '<' + spaces", lambda k: "<" + " " * (500_000 * k) + ">", strip_html),
        ("strip_html, '<p ' repeated", lambda k: "<p " * (500_000 * k) + ">", strip_html),
    ):
        ts = {}
        for k in (1, 4):
            arg = make(k)
            t0 = time.perf_counter()
            fn(arg)
            ts[k] = time.perf_counter() - t0
        print(f"  {label:32s} n: {ts[1]:6.2f} s   4n: {ts[4]:6.2f} s   ratio {ts[4] / ts[1]:.1f} (linear: 4)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("inputs", nargs="*", type=Path, default=sorted((ROOT / "samples").glob("*.pdf")),
                    help="PDFs or folders (default: the digital samples, samples/*.pdf)")
    ap.add_argument("--rounds", type=int, default=7)
    ap.add_argument("--skip-normalizer", action="store_true")
    args = ap.parse_args()
    inputs = tuple(args.inputs)
    pdfs = [f.path for f in discover(inputs)]
    arms = ("with trust + repair", "without")
    wall: dict[str, list[float]] = {a: [] for a in arms}
    cpu: dict[str, list[float]] = {a: [] for a in arms}
    pages = 0
    for r in range(args.rounds + 1):
        for name, repair in zip(arms, (True, False)):
            t0, c0 = time.perf_counter(), time.process_time()
            pages = one_run(inputs, repair)
            if r:  # round 0 warms up
                wall[name].append(time.perf_counter() - t0)
                cpu[name].append(time.process_time() - c0)
    print(f"{len(pdfs)} PDF(s), {pages} page(s), {args.rounds} rounds (medians; CPU time of this process, "
          "which a loaded machine disturbs less than wall time)")
    for name in arms:
        med, cmed = statistics.median(wall[name]), statistics.median(cpu[name])
        print(f"  {name:22s} wall {med:7.3f} s ({pages / med:5.1f} pages/s)   CPU {cmed:7.3f} s "
              f"(min {min(cpu[name]):.3f}, max {max(cpu[name]):.3f})")
    for label, d in (("CPU", cpu), ("wall", wall)):
        ratio = statistics.median(d[arms[0]]) / statistics.median(d[arms[1]])
        print(f"  ratio with / without, {label:4s}: {ratio:.3f}  (target <= 1.10)")
    if not args.skip_normalizer:
        normalizer_scaling()


if __name__ == "__main__":
    main()
