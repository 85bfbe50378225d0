"""Write a generated corpus: PDFs of every producer and their ground truth.

    python -m benchmarks.corpus.generate --seeds 0-49 --out DIR [--producers docx,fpdf,html] [--jobs N]

Layout (the shape of ../shared/dev-corpus, so its score.py can score each part)::

    DIR/part-000/A-docx.pdf, A-fpdf.pdf, A-html.pdf, B-...   26 seeds per part (letters A-Z)
    DIR/part-000/gt/A.json                                     the seed's ground truth (A.json format)
    DIR/part-000/MANIFEST.json                                 one entry per PDF: file, seed, producer, font, ...
    DIR/part-000/flagged/A-docx.pdf.flagged                    a rendering whose text layer is wrong (not scored)

Each rendering's ToUnicode maps are repaired from the installed fonts (``tounicode``)
and its text layer is checked against what was drawn (``textlayer``).
Every producer renders the same composed content, so a document's variants share
one ground truth. Content and layout are deterministic per seed; the PDF bytes are
not (producers stamp creation dates).

Score a part with the outside scorer::

    ita-extract run DIR/part-000 --out OUT
    python ../shared/dev-corpus/score.py OUT --corpus DIR/part-000 --gt DIR/part-000/gt
"""
from __future__ import annotations

import argparse
import json
import shutil
import string
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from benchmarks.corpus import render_docx, render_fpdf, render_html, textlayer, tounicode
from benchmarks.corpus.compose import compose
from benchmarks.corpus.look import PRODUCERS, choose_look
from benchmarks.corpus.printing import printed_document

PART_SIZE = 26
RENDERERS = {"docx": render_docx.render, "fpdf": render_fpdf.render, "html": render_html.render}


def parse_seeds(spec: str) -> list[int]:
    """``0-49``, ``100000-100023,5`` -> seeds.

    >>> parse_seeds("3-5,9")
    [3, 4, 5, 9]
    """
    out: list[int] = []
    for part in spec.split(","):
        part = part.strip()
        if "-" in part:
            a, b = part.split("-", 1)
            out.extend(range(int(a), int(b) + 1))
        elif part:
            out.append(int(part))
    return out


def place(index: int) -> tuple[str, str]:
    """The part folder and document letter of the ``index``-th seed."""
    return f"part-{index // PART_SIZE:03d}", string.ascii_uppercase[index % PART_SIZE]


@dataclass
class Job:
    seed: int
    producer: str
    part_dir: Path
    letter: str


def _render(job: Job) -> dict:
    """Compose, print and render one seed with one producer; check its text layer."""
    plan = compose(job.seed)
    doc = printed_document(plan, job.seed)
    look = choose_look(job.seed, job.producer)
    name = f"{job.letter}-{job.producer}.pdf"
    out = job.part_dir / name
    t0 = time.perf_counter()
    entry = {"file": name, "doc": job.letter, "variant": job.producer, "seed": job.seed,
             "producer": job.producer, "font": look.font, "landscape": look.landscape,
             "repeat_header": look.repeat_header}
    try:
        RENDERERS[job.producer](doc, look, out)
    except Exception as e:  # one rendering failing must not stop the corpus
        entry.update(error=f"{type(e).__name__}: {e}")
        return entry
    repaired = tounicode.repair(out)
    chk = textlayer.check(out, doc.printed_text())
    entry.update(seconds=round(time.perf_counter() - t0, 2), tounicode_repaired=repaired, text_layer_ok=chk.ok,
                 text_layer=chk.summary())
    if not chk.ok:
        # kept for a look, under a suffix that keeps it out of the pipeline's *.pdf discovery
        flagged = job.part_dir / "flagged"
        flagged.mkdir(exist_ok=True)
        shutil.move(str(out), flagged / (name + ".flagged"))
    return entry


def write_gt(seed: int, part_dir: Path, letter: str) -> dict:
    plan = compose(seed)
    printed_document(plan, seed)  # records the printing features in the report
    gt = plan.report.gt(letter, f"benchmarks.corpus seed {seed}")
    (part_dir / "gt").mkdir(parents=True, exist_ok=True)
    (part_dir / "gt" / f"{letter}.json").write_text(json.dumps(gt, ensure_ascii=False, indent=1) + "\n",
                                                    encoding="utf-8")
    return gt


def generate(seeds: list[int], out: Path, producers=PRODUCERS, jobs: int = 1, log=print,
             per_seed: dict[int, list[str]] | None = None) -> list[dict]:
    """Write the corpus of ``seeds``; returns the manifest entries (flagged and failed included).

    ``per_seed`` renders a seed with only the producers it names (a fixed slice: one per producer).
    """
    out.mkdir(parents=True, exist_ok=True)
    work: list[Job] = []
    for i, seed in enumerate(seeds):
        part, letter = place(i)
        part_dir = out / part
        write_gt(seed, part_dir, letter)
        work += [Job(seed, p, part_dir, letter) for p in (per_seed or {}).get(seed, producers)]
    if jobs > 1:
        with ProcessPoolExecutor(jobs) as pool:
            entries = list(pool.map(_render, work))
    else:
        entries = [_render(j) for j in work]
    by_part: dict[Path, list[dict]] = {}
    for job, e in zip(work, entries):
        by_part.setdefault(job.part_dir, []).append(e)
        status = e.get("error") or e["text_layer"]
        log(f"{job.part_dir.name}/{e['file']}  seed {e['seed']}  {e['font']}  {status}")
    for part_dir, es in by_part.items():
        good = [e for e in es if e.get("text_layer_ok")]
        (part_dir / "MANIFEST.json").write_text(json.dumps(good, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        bad = [e for e in es if not e.get("text_layer_ok")]
        if bad:
            (part_dir / "flagged" ).mkdir(exist_ok=True)
            (part_dir / "flagged" / "FLAGGED.json").write_text(json.dumps(bad, ensure_ascii=False, indent=1) + "\n",
                                                              encoding="utf-8")
    return entries


@dataclass(frozen=True)
class CorpusFile:
    """One scored rendering of a generated corpus (what a damage model such as scan.py starts from)."""
    pdf: Path
    gt: Path  # the document's ground truth (A.json format)
    doc: str  # letter within its part
    variant: str  # producer, or a derived variant (scan300...)
    seed: int
    entry: dict  # its MANIFEST.json entry


def corpus_files(corpus: Path) -> list[CorpusFile]:
    """Every rendering listed in the corpus's MANIFEST.json files (flagged ones are not listed)."""
    out = []
    for manifest in sorted(corpus.glob("**/MANIFEST.json")):
        part = manifest.parent
        for e in json.loads(manifest.read_text(encoding="utf-8")):
            out.append(CorpusFile(part / e["file"], part / "gt" / f"{e['doc']}.json", e["doc"], e["variant"],
                                  e["seed"], e))
    return out


def add_variant(source: CorpusFile, variant: str, pdf: Path, **info) -> dict:
    """Register ``pdf`` (written beside ``source`` as ``<doc>-<variant>.pdf``) as another variant of the
    same document in its part's MANIFEST.json; it shares the document's ground truth."""
    if pdf.parent != source.pdf.parent or pdf.name != f"{source.doc}-{variant}.pdf":
        raise ValueError(f"{pdf} must be {source.pdf.parent / f'{source.doc}-{variant}.pdf'}")
    manifest = source.pdf.parent / "MANIFEST.json"
    entries = [e for e in json.loads(manifest.read_text(encoding="utf-8")) if e["file"] != pdf.name]
    entry = {**source.entry, "file": pdf.name, "variant": variant, "derived_from": source.entry["file"], **info}
    entries.append(entry)
    manifest.write_text(json.dumps(entries, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return entry


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Generate randomized ITA reports with their ground truth.",
                                 epilog="example: python -m benchmarks.corpus.generate --seeds 0-9 --out /tmp/corpus")
    ap.add_argument("--seeds", required=True, help="seeds, e.g. 0-49 or 100000-100023 (dev: 0-99999, held-out: 100000+)")
    ap.add_argument("--out", required=True, type=Path, help="output folder (parts of 26 documents)")
    ap.add_argument("--producers", default=",".join(PRODUCERS), help="comma-separated subset of docx,fpdf,html")
    ap.add_argument("--jobs", type=int, default=1, help="renderings in parallel (default 1)")
    args = ap.parse_args(argv)
    producers = [p.strip() for p in args.producers.split(",") if p.strip()]
    unknown = set(producers) - set(PRODUCERS)
    if unknown:
        ap.error(f"unknown producer(s): {', '.join(sorted(unknown))}")
    entries = generate(parse_seeds(args.seeds), args.out, producers, args.jobs)
    failed = [e for e in entries if "error" in e]
    flagged = [e for e in entries if "error" not in e and not e["text_layer_ok"]]
    print(f"{len(entries)} rendering(s): {len(entries) - len(failed) - len(flagged)} ok, "
          f"{len(flagged)} flagged (text layer), {len(failed)} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
