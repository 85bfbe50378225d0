"""Score a pipeline's output against a generated corpus, per producer (variant).

    python -m benchmarks.corpus.score OUT --corpus DIR [--json summary.json] [-v]

The metrics are those of ``../shared/dev-corpus/score.py`` (so figures on either
corpus compare): documents found, agency and fiscal year exact; score rows
precision / recall by (indicator, question) and scores exact (|d| < 0.005);
analyses recall, lowest questions (set) and references (ordered list) exact,
cause and guideline CER; measures precision / recall by (indicator, seq), CER of
every text column, period dates exact. CER is the Levenshtein distance over the
ground truth's length after removing all whitespace, summed over matched rows;
a null compares as the empty string.

Unlike the outside scorer, documents are matched by their path relative to the
corpus folder (``part-000/A-docx.pdf``), so one output folder can hold every part.
"""
from __future__ import annotations

import argparse
import json
import math
import re
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import pyarrow.dataset as pads
from rapidfuzz.distance import Levenshtein

TEXT_COLUMNS = ("measure", "finding", "steps", "responsible", "period_text")
_WS = re.compile(r"\s+")


def _nows(s) -> str:
    return _WS.sub("", s or "")


@dataclass
class Text:
    dist: int = 0
    length: int = 0
    rows: int = 0
    exact: int = 0

    def add(self, pred, gt) -> None:
        p, g = _nows(pred), _nows(gt)
        self.dist += Levenshtein.distance(p, g)
        self.length += len(g)
        self.rows += 1
        self.exact += int(_WS.sub(" ", pred or "").strip() == _WS.sub(" ", gt or "").strip())

    def cer(self) -> float | None:
        if not self.rows:
            return None
        return self.dist / self.length if self.length else float(self.dist > 0)


@dataclass
class Tally:
    n: dict = field(default_factory=lambda: defaultdict(int))
    text: dict = field(default_factory=lambda: defaultdict(Text))

    def merge(self, o: "Tally") -> None:
        for k, v in o.n.items():
            self.n[k] += v
        for k, t in o.text.items():
            m = self.text[k]
            m.dist, m.length, m.rows, m.exact = m.dist + t.dist, m.length + t.length, m.rows + t.rows, m.exact + t.exact


def _ratio(a: int, b: int) -> float | None:
    return a / b if b else None


def _none(v):
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return None
    return v


def _date(v) -> str | None:
    v = _none(v)
    if v is None:
        return None
    return v.isoformat()[:10] if hasattr(v, "isoformat") else str(v)[:10]


def _list(v) -> list[str]:
    v = _none(v)
    return [] if v is None else [str(x) for x in v]


def read_output(out: Path) -> dict[str, list[dict]]:
    """Every table of an output folder as a list of row dicts (missing tables are empty)."""
    tabs = {}
    for name in ("documents", "scores", "analyses", "measures"):
        path = out / name
        tabs[name] = pads.dataset(str(path), format="parquet", partitioning="hive").to_table().to_pylist() \
            if path.exists() else []
    return tabs


def score_document(gt: dict, doc: dict | None, rows: dict[str, list[dict]]) -> Tally:
    t = Tally()
    n = t.n
    n["files"] += 1
    n["gt_scores"] += len(gt["scores"])
    n["gt_analyses"] += len(gt["analyses"])
    n["gt_measures"] += len(gt["measures"])
    if doc is None:
        return t
    n["found"] += 1
    n["agency_ok"] += int(doc.get("agency") == gt["agency"])
    n["fy_ok"] += int(doc.get("fiscal_year") == gt["fiscal_year"])
    n["status_ok"] += int(doc.get("status") == "ok")

    pred = {}
    for r in rows["scores"]:
        pred.setdefault((r["indicator"], r["question"]), r)
    n["pred_scores"] += len(rows["scores"])
    for g in gt["scores"]:
        p = pred.get((g["indicator"], g["question"]))
        if p is None:
            continue
        n["match_scores"] += 1
        ps, gs = _none(p.get("score")), g["score"]
        n["score_ok"] += int((ps is None and gs is None) or (ps is not None and gs is not None and abs(ps - gs) < 0.005))
        t.text["question_text"].add(p.get("question_text"), g["question_text"])

    pred = {}
    for r in rows["analyses"]:
        pred.setdefault(r["indicator"], r)
    n["pred_analyses"] += len(rows["analyses"])
    for g in gt["analyses"]:
        p = pred.get(g["indicator"])
        if p is None:
            continue
        n["match_analyses"] += 1
        n["lowest_ok"] += int(set(_list(p.get("lowest_questions"))) == set(g["lowest_questions"]))
        n["refs_ok"] += int(_list(p.get("references")) == list(g["references"]))
        t.text["cause"].add(_none(p.get("cause")), g["cause"])
        t.text["guideline"].add(_none(p.get("guideline")), g["guideline"])

    pred = {}
    for r in rows["measures"]:
        pred.setdefault((r["indicator"], r["seq"]), r)
    n["pred_measures"] += len(rows["measures"])
    for g in gt["measures"]:
        p = pred.get((g["indicator"], g["seq"]))
        if p is None:
            continue
        n["match_measures"] += 1
        for col in TEXT_COLUMNS:
            t.text[col].add(_none(p.get(col)), g[col])
        n["start_ok"] += int(_date(p.get("period_start")) == g["period_start"])
        n["end_ok"] += int(_date(p.get("period_end")) == g["period_end"])
    return t


def summary(t: Tally) -> dict:
    n = t.n
    out = {
        "files": n["files"], "found": n["found"],
        "agency": _ratio(n["agency_ok"], n["found"]), "fiscal_year": _ratio(n["fy_ok"], n["found"]),
        "status_ok": _ratio(n["status_ok"], n["found"]),
        "scores_precision": _ratio(n["match_scores"], n["pred_scores"]),
        "scores_recall": _ratio(n["match_scores"], n["gt_scores"]),
        "scores_exact": _ratio(n["score_ok"], n["match_scores"]),
        "analyses_recall": _ratio(n["match_analyses"], n["gt_analyses"]),
        "analyses_precision": _ratio(n["match_analyses"], n["pred_analyses"]),
        "lowest_exact": _ratio(n["lowest_ok"], n["match_analyses"]),
        "references_exact": _ratio(n["refs_ok"], n["match_analyses"]),
        "measures_precision": _ratio(n["match_measures"], n["pred_measures"]),
        "measures_recall": _ratio(n["match_measures"], n["gt_measures"]),
        "period_start_exact": _ratio(n["start_ok"], n["match_measures"]),
        "period_end_exact": _ratio(n["end_ok"], n["match_measures"]),
    }
    for k, v in t.text.items():
        out[f"{k}_cer"] = v.cer()
    pooled = Text()
    for v in t.text.values():
        pooled.dist, pooled.length, pooled.rows = pooled.dist + v.dist, pooled.length + v.length, pooled.rows + v.rows
    out["text_cer"] = pooled.cer()  # every text column together (question text, cause, guideline, measures)
    return out


def find_document(docs_by_path: dict[str, dict], rel: str, file: str) -> dict | None:
    """The documents row of a corpus file: by its path in the corpus, its path in its part, or (the pipeline
    was given the files, not the folder) by its name when one row alone has it.

    >>> docs = {"a/x.pdf": {"doc_id": 1}, "y.pdf": {"doc_id": 2}}
    >>> [find_document(docs, r, f)["doc_id"] for r, f in [("a/x.pdf", "x.pdf"), ("b/y.pdf", "y.pdf")]]
    [1, 2]
    >>> find_document(docs, "c/z.pdf", "z.pdf") is None
    True
    """
    doc = docs_by_path.get(rel) or docs_by_path.get(file)
    if doc is not None:
        return doc
    name = Path(file).name
    same = [d for path, d in docs_by_path.items() if Path(path).name == name]
    return same[0] if len(same) == 1 else None


def score_corpus(corpus: Path, out: Path) -> tuple[dict[str, dict], dict[str, dict]]:
    """(summary per variant plus "ALL", summary per file)."""
    tabs = read_output(out)
    docs_by_path = {str(d["source_file"]).replace("\\", "/"): d for d in tabs["documents"]}
    by_doc: dict[str, dict[str, list[dict]]] = defaultdict(lambda: defaultdict(list))
    for name in ("scores", "analyses", "measures"):
        for r in tabs[name]:
            by_doc[r["doc_id"]][name].append(r)
    totals: dict[str, Tally] = defaultdict(Tally)
    per_file = {}
    for manifest in sorted(corpus.glob("**/MANIFEST.json")):
        part = manifest.parent
        for entry in json.loads(manifest.read_text(encoding="utf-8")):
            gt = json.loads((part / "gt" / f"{entry['doc']}.json").read_text(encoding="utf-8"))
            rel = str((part / entry["file"]).relative_to(corpus))
            doc = find_document(docs_by_path, rel, entry["file"])
            rows = by_doc[doc["doc_id"]] if doc else {"scores": [], "analyses": [], "measures": []}
            t = score_document(gt, doc, rows)
            totals[entry["variant"]].merge(t)
            totals["ALL"].merge(t)
            per_file[rel] = summary(t) | {"seed": entry["seed"], "status": doc.get("status") if doc else None}
    return {k: summary(v) for k, v in totals.items()}, per_file


COLUMNS = [
    ("found", "found"), ("agency", "agency"), ("fiscal_year", "fy"),
    ("scores_recall", "score rows R"), ("scores_precision", "P"), ("scores_exact", "exact"),
    ("analyses_recall", "analyses R"), ("lowest_exact", "lowest="), ("references_exact", "refs="),
    ("cause_cer", "cause CER"), ("guideline_cer", "guide CER"),
    ("measures_precision", "meas P"), ("measures_recall", "meas R"),
    ("measure_cer", "measure"), ("finding_cer", "finding"), ("steps_cer", "steps"),
    ("period_text_cer", "period"), ("responsible_cer", "resp."),
    ("period_start_exact", "start="), ("period_end_exact", "end="),
]


def _fmt(key: str, v, s: dict) -> str:
    if key == "found":
        return f"{s['found']}/{s['files']}"
    if v is None:
        return "-"
    return f"{v:.3f}" if key.endswith("_cer") else f"{100 * v:.1f}%"


def table(by_variant: dict[str, dict]) -> str:
    """A Markdown table, one line per variant."""
    head = "| variant | " + " | ".join(h for _, h in COLUMNS) + " |"
    lines = [head, "|" + "---|" * (len(COLUMNS) + 1)]
    order = sorted(k for k in by_variant if k != "ALL") + (["ALL"] if "ALL" in by_variant else [])
    for k in order:
        s = by_variant[k]
        lines.append(f"| {k} | " + " | ".join(_fmt(key, s.get(key), s) for key, _ in COLUMNS) + " |")
    return "\n".join(lines)


def diff(corpus: Path, out: Path, pattern: str, limit: int = 60) -> list[str]:
    """Lines naming every field of the files matching ``pattern`` that differs from the ground truth."""
    tabs = read_output(out)
    docs_by_path = {str(d["source_file"]).replace("\\", "/"): d for d in tabs["documents"]}
    lines: list[str] = []
    for manifest in sorted(corpus.glob("**/MANIFEST.json")):
        part = manifest.parent
        for entry in json.loads(manifest.read_text(encoding="utf-8")):
            rel = str((part / entry["file"]).relative_to(corpus))
            if pattern not in rel:
                continue
            gt = json.loads((part / "gt" / f"{entry['doc']}.json").read_text(encoding="utf-8"))
            doc = find_document(docs_by_path, rel, entry["file"])
            if doc is None:
                lines.append(f"{rel}: no documents row")
                continue
            rows = {k: [r for r in tabs[k] if r["doc_id"] == doc["doc_id"]] for k in ("scores", "analyses", "measures")}
            if doc.get("agency") != gt["agency"]:
                lines.append(f"{rel} agency: {doc.get('agency')!r} != {gt['agency']!r}")
            pred = {(r["indicator"], r["question"]): r for r in rows["scores"]}
            for g in gt["scores"]:
                p = pred.get((g["indicator"], g["question"]))
                if p is None:
                    lines.append(f"{rel} score {g['indicator']} {g['question']}: missing (want {g['score']})")
                elif _none(p.get("score")) is None or g["score"] is None or abs(p["score"] - g["score"]) >= 0.005:
                    if not (_none(p.get("score")) is None and g["score"] is None):
                        lines.append(f"{rel} score {g['indicator']} {g['question']}: got {_none(p.get('score'))} "
                                     f"want {g['score']}")
            extra = set(pred) - {(g["indicator"], g["question"]) for g in gt["scores"]}
            for k in sorted(extra, key=str):
                lines.append(f"{rel} score {k[0]} {k[1]}: extra row (score {_none(pred[k].get('score'))})")
            pred = {r["indicator"]: r for r in rows["analyses"]}
            for g in gt["analyses"]:
                p = pred.get(g["indicator"])
                for k in ("lowest_questions", "references", "cause", "guideline"):
                    pv = None if p is None else (_list(p.get(k)) if k in ("lowest_questions", "references") else _none(p.get(k)))
                    if _nows(str(pv)) != _nows(str(g[k])):
                        lines.append(f"{rel} analysis {g['indicator']} {k}:\n   got  {pv!r}\n   want {g[k]!r}")
            pred = {(r["indicator"], r["seq"]): r for r in rows["measures"]}
            for g in gt["measures"]:
                p = pred.get((g["indicator"], g["seq"]))
                for k in TEXT_COLUMNS + ("period_start", "period_end"):
                    pv = None if p is None else (_date(p.get(k)) if k.startswith("period_") and k != "period_text" else _none(p.get(k)))
                    if _nows(str(pv)) != _nows(str(g[k])):
                        lines.append(f"{rel} measure {g['indicator']}.{g['seq']} {k}:\n   got  {pv!r}\n   want {g[k]!r}")
    return lines[:limit]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Score an output folder against a generated corpus, per producer.")
    ap.add_argument("out", type=Path, help="the pipeline's output folder")
    ap.add_argument("--corpus", type=Path, required=True, help="the generated corpus folder")
    ap.add_argument("--json", type=Path, help="write the summary (per variant and per file) here")
    ap.add_argument("-v", "--verbose", action="store_true", help="also print one line per file")
    ap.add_argument("--diff", metavar="PATTERN", help="print the fields that differ for files whose path contains PATTERN")
    args = ap.parse_args(argv)
    if args.diff:
        print("\n".join(diff(args.corpus, args.out, args.diff)))
        return 0
    by_variant, per_file = score_corpus(args.corpus, args.out)
    print(table(by_variant))
    if args.verbose:
        print()
        print(table(per_file))
    if args.json:
        args.json.write_text(json.dumps({"by_variant": by_variant, "by_file": per_file}, ensure_ascii=False, indent=1),
                             encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
