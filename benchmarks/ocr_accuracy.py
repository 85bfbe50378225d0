"""Accuracy of extracted rows against the hand-written expected rows.

Used by ``benchmarks/bench_ocr.py`` (figures) and by
``tests/test_ocr_end_to_end.py`` (thresholds). Text fields are compared
after removing all whitespace; the character error rate (CER) is the
Levenshtein distance over the expected length, summed over all fields.
"""
from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks.corpus.score import Text

TEXT_FIELDS = {
    "scores": ("question_text",),
    "analyses": ("cause", "guideline"),
    "measures": ("measure", "finding", "steps", "period_text", "responsible"),
}


@dataclass
class Accuracy:
    score_rows: int = 0
    score_rows_found: int = 0
    scores_exact: int = 0
    lowest_total: int = 0
    lowest_exact: int = 0
    dates_total: int = 0
    dates_exact: int = 0
    text_chars: int = 0
    text_errors: int = 0
    digits_total: int = 0
    digits_right: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, other: "Accuracy") -> None:
        for k, v in vars(other).items():
            if isinstance(v, int):
                setattr(self, k, getattr(self, k) + v)
            else:
                getattr(self, k).extend(v)

    @property
    def cer(self) -> float:
        return self.text_errors / self.text_chars if self.text_chars else 0.0

    def ratio(self, a: str, b: str) -> float:
        den = getattr(self, b)
        return getattr(self, a) / den if den else 1.0

    def summary(self) -> str:
        return (f"score rows found {self.score_rows_found}/{self.score_rows}, "
                f"scores exact {self.scores_exact}/{self.score_rows}, "
                f"lowest questions exact {self.lowest_exact}/{self.lowest_total}, "
                f"dates exact {self.dates_exact}/{self.dates_total}, "
                f"text CER {self.cer:.2%}, digits {self.digits_right}/{self.digits_total}")


def _digits(score: float) -> str:
    return f"{score:.2f}"


def compare(expected: dict, got: dict[str, list[dict]]) -> Accuracy:
    """``got``: the rows of one document per table (dicts as pyarrow gives them)."""
    acc = Accuracy()
    gs = {(r["indicator"], r["question"]): r for r in got["scores"]}
    for w in expected["scores"]:
        acc.score_rows += 1
        g = gs.get((w["indicator"], w["question"]))
        if g is None:
            acc.misses.append(f"score row {w['question']} missing")
            continue
        acc.score_rows_found += 1
        ok = (w["score"] is None and g["score"] is None) or (
            w["score"] is not None and g["score"] is not None and math.isclose(w["score"], g["score"]))
        acc.scores_exact += ok
        if not ok:
            acc.misses.append(f"{w['question']}: score {g['score']} != {w['score']}")
        if w["score"] is not None:
            want = _digits(w["score"]).replace(".", "")
            have = _digits(g["score"]).replace(".", "") if g["score"] is not None else ""
            acc.digits_total += len(want)
            acc.digits_right += sum(a == b for a, b in zip(want.rjust(len(have)), have.rjust(len(want))))
        _text(acc, w, g, TEXT_FIELDS["scores"])
    ga = {r["indicator"]: r for r in got["analyses"]}
    for w in expected["analyses"]:
        acc.lowest_total += 1
        g = ga.get(w["indicator"])
        if g is None:
            acc.misses.append(f"analysis {w['indicator']} missing")
            _text(acc, w, {}, TEXT_FIELDS["analyses"])
            continue
        exact = list(g["lowest_questions"]) == w["lowest_questions"]
        acc.lowest_exact += exact
        if not exact:
            acc.misses.append(f"lowest {w['indicator']}: {list(g['lowest_questions'])} != {w['lowest_questions']}")
        _text(acc, w, g, TEXT_FIELDS["analyses"])
    gm = {(r["indicator"], r["seq"]): r for r in got["measures"]}
    for w in expected["measures"]:
        g = gm.get((w["indicator"], w["seq"]), {})
        for f in ("period_start", "period_end"):
            acc.dates_total += 1
            have = g.get(f)
            have = have.isoformat() if have is not None and hasattr(have, "isoformat") else have
            acc.dates_exact += have == w[f]
            if have != w[f]:
                acc.misses.append(f"measure {w['indicator']}/{w['seq']} {f}: {have} != {w[f]}")
        _text(acc, w, g, TEXT_FIELDS["measures"])
    return acc


def _text(acc: Accuracy, want: dict, got: dict, fields: tuple[str, ...]) -> None:
    """Add the whitespace-free edit distance of each text field to ``acc`` (the corpus scorer's tally)."""
    for f in fields:
        t = Text()
        t.add(got.get(f), want.get(f))
        acc.text_chars += t.length
        acc.text_errors += t.dist


def expected_for_scans(expected_dir: Path) -> dict[str, tuple[dict, dict]]:
    """Scanned file name → (its expected rows, its document overrides)."""
    index = json.loads((expected_dir / "scanned.json").read_text(encoding="utf-8"))
    out = {}
    for name, entry in index.items():
        exp = json.loads((expected_dir / entry["expected"]).read_text(encoding="utf-8"))
        out[name] = (exp, {**exp["document"], **entry.get("document", {})}, entry.get("dpi"))
    return out
