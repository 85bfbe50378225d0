"""The whole pipeline on samples/ against hand-written expected rows."""
from __future__ import annotations

import json
import math
import re
from pathlib import Path

import pyarrow.dataset as ds
import pytest
from tests.conftest import EXPECTED

EXPECTED_FILES = sorted(p for p in EXPECTED.glob("*.json") if p.name != "scanned.json")


def squash(v):
    return re.sub(r"\s+", "", v) if isinstance(v, str) else v


def load(out: Path, table: str) -> list[dict]:
    return ds.dataset(out / table, partitioning="hive").to_table().to_pylist()


def rows_of(out: Path, table: str, doc_id: str) -> list[dict]:
    return [r for r in load(out, table) if r["doc_id"] == doc_id]


@pytest.fixture(scope="module")
def docs(samples_out):
    return {r["source_file"]: r for r in load(samples_out, "documents")}


def _doc(docs, exp):
    assert exp["source_file"] in docs, f"{exp['source_file']} missing from documents"
    return docs[exp["source_file"]]


@pytest.mark.parametrize("path", EXPECTED_FILES, ids=lambda p: p.stem)
def test_document_row(path, docs):
    exp = json.loads(path.read_text(encoding="utf-8"))
    doc = _doc(docs, exp)
    for key, value in exp["document"].items():
        got = doc[key]
        assert squash(got) == squash(value), f"documents.{key}: {got!r} != {value!r}"
    assert doc["schema_version"] == "1"
    assert doc["error"] is None


@pytest.mark.parametrize("path", EXPECTED_FILES, ids=lambda p: p.stem)
def test_scores(path, docs, samples_out):
    exp = json.loads(path.read_text(encoding="utf-8"))
    doc = _doc(docs, exp)
    got = {(r["indicator"], r["question"]): r for r in rows_of(samples_out, "scores", doc["doc_id"])}
    want = {(r["indicator"], r["question"]): r for r in exp["scores"]}
    assert sorted(got) == sorted(want)
    for key, w in want.items():
        g = got[key]
        assert g["tool"] == w["tool"], key
        assert g["indicator_name"] == w["indicator_name"], key
        if w["score"] is None:
            assert g["score"] is None, key
        else:
            assert g["score"] is not None and math.isclose(g["score"], w["score"]), (key, g["score"], w["score"])
        assert squash(g["question_text"]) == squash(w["question_text"]), key
        assert g["page"] == w["page"], (key, g["page"], w["page"])


@pytest.mark.parametrize("path", EXPECTED_FILES, ids=lambda p: p.stem)
def test_analyses(path, docs, samples_out):
    exp = json.loads(path.read_text(encoding="utf-8"))
    doc = _doc(docs, exp)
    got = {r["indicator"]: r for r in rows_of(samples_out, "analyses", doc["doc_id"])}
    want = {r["indicator"]: r for r in exp["analyses"]}
    assert sorted(got) == sorted(want)
    for n, w in want.items():
        g = got[n]
        assert list(g["lowest_questions"]) == w["lowest_questions"], n
        assert list(g["references"]) == w["references"], n
        assert squash(g["cause"]) == squash(w["cause"]), n
        assert squash(g["guideline"]) == squash(w["guideline"]), n
        assert g["indicator_name"] == w["indicator_name"], n
        assert g["page"] == w["page"], (n, g["page"], w["page"])


@pytest.mark.parametrize("path", EXPECTED_FILES, ids=lambda p: p.stem)
def test_measures(path, docs, samples_out):
    exp = json.loads(path.read_text(encoding="utf-8"))
    doc = _doc(docs, exp)
    got = {(r["indicator"], r["seq"]): r for r in rows_of(samples_out, "measures", doc["doc_id"])}
    want = {(r["indicator"], r["seq"]): r for r in exp["measures"]}
    assert sorted(got) == sorted(want)
    for key, w in want.items():
        g = got[key]
        for f in ("measure", "finding", "steps", "period_text", "responsible"):
            assert squash(g[f]) == squash(w[f]), (key, f, g[f], w[f])
        for f in ("period_start", "period_end"):
            gv = g[f].isoformat() if g[f] is not None else None
            assert gv == w[f], (key, f, gv, w[f])
        assert g["page"] == w["page"], (key, g["page"], w["page"])


@pytest.mark.parametrize("path", EXPECTED_FILES, ids=lambda p: p.stem)
def test_problems(path, docs, samples_out):
    exp = json.loads(path.read_text(encoding="utf-8"))
    doc = _doc(docs, exp)
    got = {(r["code"], r["indicator"]) for r in rows_of(samples_out, "problems", doc["doc_id"])}
    for w in exp["problems"]:
        assert (w["code"], w["indicator"]) in got, f"problem {w} not reported; got {sorted(got, key=str)}"
    rows = rows_of(samples_out, "problems", doc["doc_id"])
    assert all(r["severity"] in ("error", "warning") and r["message"] for r in rows)
