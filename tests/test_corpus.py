"""The corpus generator (benchmarks/corpus): ground truth by construction, and a fixed held-out slice.

The slice (tests/fixtures/corpus, seeds 200000-200003: one docx, one fpdf, two html renderings,
made with ``python -m benchmarks.corpus.generate``) is committed, so this test needs neither
LibreOffice nor Chromium. Its thresholds are lower bounds with a margin below what the pipeline
measured when the slice was made (README, "Performance and accuracy"); raise them as parsing
improves, never lower them to pass.
"""
from __future__ import annotations

import dataclasses
import json
import re
from pathlib import Path

import pytest
from tests.conftest import FIXTURES

from benchmarks.corpus import HELDOUT_START
from benchmarks.corpus.compose import compose
from benchmarks.corpus.generate import parse_seeds, place
from benchmarks.corpus.printing import Printer, choose_style, printed_document
from benchmarks.corpus.score import score_corpus
from normalize import questionnaire
from normalize.indicators import CANONICAL

pytestmark = pytest.mark.slow

SLICE = FIXTURES / "corpus"
DEV_CORPUS_GT = Path(__file__).resolve().parents[2] / "shared" / "dev-corpus" / "gt" / "A.json"

GT_KEYS = ["doc", "source", "agency", "fiscal_year", "comment", "scores", "analyses", "measures"]
SCORE_KEYS = ["indicator", "indicator_name", "tool", "question", "question_text", "score"]
ANALYSIS_KEYS = ["indicator", "indicator_name", "lowest_questions", "cause", "guideline", "references"]
MEASURE_KEYS = ["indicator", "indicator_name", "seq", "measure", "finding", "steps", "period_text",
                "period_start", "period_end", "responsible"]


def test_the_same_seed_composes_the_same_report():
    a = compose(7).report.gt("A", "x")
    b = compose(7).report.gt("A", "x")
    assert a == b
    assert compose(8).report.gt("A", "x") != a


def test_ground_truth_has_the_dev_corpus_format():
    gt = compose(3).report.gt("C", "benchmarks.corpus seed 3")
    assert list(gt) == GT_KEYS
    assert list(gt["scores"][0]) == SCORE_KEYS
    assert list(gt["analyses"][0]) == ANALYSIS_KEYS
    assert list(gt["measures"][0]) == MEASURE_KEYS
    if DEV_CORPUS_GT.exists():  # the outside format itself, when ../shared is there
        outside = json.loads(DEV_CORPUS_GT.read_text(encoding="utf-8"))
        assert set(outside) == set(GT_KEYS)
        assert set(outside["scores"][0]) == set(SCORE_KEYS)
        assert set(outside["measures"][0]) == set(MEASURE_KEYS)


@pytest.mark.parametrize("seed", range(0, 40))
def test_ground_truth_is_consistent_with_the_questionnaire_and_the_contract(seed):
    r = compose(seed).report
    fy = r.fiscal_year
    for s in r.scores:
        q = questionnaire.question(fy, s.question)
        assert (q.indicator, q.tool, q.text) == (s.indicator, s.tool, s.question_text)
        assert s.score is None or 0 <= s.score <= 100
    # one row per indicator analysed (CONTRACT.md): a combined 9 + 10 table gives a row to each
    assert sorted(a.indicator for a in r.analyses) == list(range(1, 11))
    for a in r.analyses:
        assert (a.cause is None) == (a.guideline is None) == (not a.lowest_questions)
        for code in a.lowest_questions:
            assert questionnaire.question(fy, code)
        cited = re.findall(r"(?<![A-Za-z])o\d+", (a.guideline or "") + (a.cause or ""))
        assert a.references == list(dict.fromkeys(c for c in cited if c not in a.lowest_questions))
        surveyed = [s for s in r.scores if s.indicator == a.indicator and s.score is not None]
        if a.lowest_questions and surveyed:  # the lowest questions are the lowest scores
            low = min(s.score for s in surveyed)
            assert sorted(a.lowest_questions) == sorted(s.question for s in surveyed if s.score == low)
    for ind in CANONICAL:
        seqs = [m.seq for m in r.measures if m.indicator == ind]
        assert seqs == list(range(1, len(seqs) + 1))


@pytest.mark.parametrize("seed", range(0, 60))
def test_periods_follow_the_contract(seed):
    for m in compose(seed).report.measures:
        if m.period_start is None:
            assert m.period_end is None and m.period_text == "ตามความเหมาะสม"
            continue
        assert m.period_start <= m.period_end
        end_be = int(m.period_end[:4]) + 543
        assert str(end_be) in m.period_text or re.search(rf"(?<!\d){end_be % 100}(?!\d)", m.period_text)
        if "ต.ค." in m.period_text or "ตุลาคม" in m.period_text or "ปีงบประมาณ" in m.period_text:
            assert m.period_start[5:] == "10-01"  # a month without a day starts on its 1st
        if "ก.ย." in m.period_text or "กันยายน" in m.period_text or "ปีงบประมาณ" in m.period_text:
            assert m.period_end[5:] == "09-30"  # ... and ends on its last day


def test_printed_code_forms():
    plan = compose(1)
    style = choose_style(1)
    plain = Printer(plan, dataclasses.replace(style, digits="arabic", upper=False, o_zero=False, letterless=set()), 1)
    assert plain.code("o10") == "o10" and plain.text("(อ้างอิงจาก o12 ,o13)") == "(อ้างอิงจาก o12 ,o13)"
    thai = Printer(plan, dataclasses.replace(style, digits="thai", upper=True, o_zero=True, letterless={3}), 1)
    assert thai.code("o10") == "๐๑๐"
    assert thai.code("i4") == "I๔"
    assert thai.code("i7", indicator=3) == "๗"  # a code that lost its letter
    assert thai.digits("ต.ค. 2568") == "ต.ค. ๒๕๖๘"


def test_printed_text_carries_the_composed_text():
    """Everything the ground truth says is printed (up to digits and code forms)."""
    for seed in (0, 5, 11):
        plan = compose(seed)
        doc = printed_document(plan, seed)
        flat = re.sub(r"\s+", "", doc.printed_text()).translate(str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789"))
        flat = re.sub(r"<\/?p>", "", flat)
        for m in plan.report.measures:
            for value in (m.measure, m.steps, m.period_text):
                assert re.sub(r"\s+", "", value) in flat
        assert re.sub(r"\s+", "", plan.report.agency) in flat


def test_seed_ranges_and_parts():
    assert parse_seeds("0-2,9") == [0, 1, 2, 9]
    assert place(0) == ("part-000", "A") and place(27) == ("part-001", "B")
    manifest = json.loads((SLICE / "part-000" / "MANIFEST.json").read_text(encoding="utf-8"))
    assert all(e["seed"] >= HELDOUT_START for e in manifest)  # the slice is held out
    assert {e["producer"] for e in manifest} == {"docx", "fpdf", "html"}
    assert all(e["text_layer_ok"] for e in manifest)


def test_text_layer_check_sees_a_wrong_character():
    from benchmarks.corpus import textlayer

    manifest = json.loads((SLICE / "part-000" / "MANIFEST.json").read_text(encoding="utf-8"))
    e = manifest[0]
    drawn = printed_document(compose(e["seed"]), e["seed"]).printed_text()
    pdf = SLICE / "part-000" / e["file"]
    assert textlayer.check(pdf, drawn).ok
    assert not textlayer.check(pdf, drawn + " ผู้บังคับบัญชาฎฎฎ").ok


def test_tounicode_cmap_round_trip():
    pytest.importorskip("pikepdf")
    from benchmarks.corpus.tounicode import _parse_cmap, _write_cmap

    mapping = {0x13: "\u0e48", 0x2F: "\u0e48", 0x40: "\u0e4d\u0e32"}
    assert _parse_cmap(_write_cmap(1, mapping)) == (1, mapping)


# ---------------------------------------------------------------------------
# The fixed held-out slice through the whole pipeline
# ---------------------------------------------------------------------------
#: Lower bounds (measured when the slice was made: see the README). Fractions, or CER upper bounds.
AT_LEAST = {
    "fiscal_year": 1.0,
    "scores_recall": 0.97, "scores_precision": 0.98, "scores_exact": 0.98,
    "analyses_recall": 0.80, "lowest_exact": 0.85, "references_exact": 0.90,
    "measures_precision": 0.95, "measures_recall": 0.93,
    "period_start_exact": 0.65, "period_end_exact": 0.60,
}
AT_MOST = {
    "cause_cer": 0.80, "guideline_cer": 0.45,
    "measure_cer": 0.06, "finding_cer": 0.06, "steps_cer": 0.06, "responsible_cer": 0.20, "period_text_cer": 0.40,
}


@pytest.fixture(scope="module")
def slice_scores(tmp_path_factory):
    from pipeline import main

    out = tmp_path_factory.mktemp("corpus-out")
    assert main(["run", str(SLICE), "--out", str(out), "--quiet", "--no-progress", "--workers", "1"]) == 0
    return score_corpus(SLICE, out)


@pytest.mark.slow
def test_slice_every_document_is_read(slice_scores):
    by_variant, per_file = slice_scores
    assert by_variant["ALL"]["found"] == by_variant["ALL"]["files"] == 4
    assert {k for k in by_variant if k != "ALL"} == {"docx", "fpdf", "html"}
    assert all(f["status"] in ("ok", "partial") for f in per_file.values())


@pytest.mark.slow
@pytest.mark.parametrize("field", sorted(AT_LEAST))
def test_slice_at_least(slice_scores, field):
    got = slice_scores[0]["ALL"][field]
    assert got is not None and got >= AT_LEAST[field], f"{field}: {got}"


@pytest.mark.slow
@pytest.mark.parametrize("field", sorted(AT_MOST))
def test_slice_at_most(slice_scores, field):
    got = slice_scores[0]["ALL"][field]
    assert got is not None and got <= AT_MOST[field], f"{field}: {got}"


def test_a_derived_variant_shares_the_ground_truth(tmp_path):
    """The interface a damage model (benchmarks/corpus/scan.py) uses: files in, a variant registered."""
    import shutil

    from benchmarks.corpus.generate import add_variant, corpus_files

    shutil.copytree(SLICE, tmp_path / "c")
    files = corpus_files(tmp_path / "c")
    assert len(files) == 4 and all(f.pdf.exists() and f.gt.exists() for f in files)
    src = files[0]
    made = src.pdf.with_name(f"{src.doc}-scan300.pdf")
    made.write_bytes(src.pdf.read_bytes())
    add_variant(src, "scan300", made, dpi=300)
    again = {f.pdf.name: f for f in corpus_files(tmp_path / "c")}
    assert again[made.name].gt == src.gt and again[made.name].entry["dpi"] == 300
    with pytest.raises(ValueError):
        add_variant(src, "scan200", made)
