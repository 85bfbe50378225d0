"""``bench_heldout_scans --reuse --scan V``: the pipeline reads, and the scorer scores, the scans of V only."""
from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from benchmarks import bench_heldout_scans as bench


def _scans(root: Path, docs: list[str], variants: list[str]) -> Path:
    scans = root / "scans"
    for p, doc in enumerate(docs):
        part = scans / f"part-{p:03d}"
        (part / "gt").mkdir(parents=True)
        (part / "gt" / f"{doc}.json").write_text("{}", encoding="utf-8")
        entries = []
        for v in variants:
            (part / f"{doc}-{v}.pdf").write_bytes(f"%PDF {doc} {v}".encode())
            entries.append({"doc": doc, "file": f"{doc}-{v}.pdf", "variant": v, "seed": p})
        (part / "MANIFEST.json").write_text(json.dumps(entries), encoding="utf-8")
    return scans


def test_view_holds_the_chosen_variants_only(tmp_path):
    scans = _scans(tmp_path, ["A", "B"], ["scan300", "scan200", "phone"])
    view = bench.variant_view(scans, ["scan200", "phone"], tmp_path / "view")
    assert view != scans
    pdfs = sorted(p.relative_to(view).as_posix() for p in view.glob("**/*.pdf"))
    assert pdfs == ["part-000/A-phone.pdf", "part-000/A-scan200.pdf", "part-001/B-phone.pdf", "part-001/B-scan200.pdf"]
    for part in view.glob("part-*"):
        entries = json.loads((part / "MANIFEST.json").read_text(encoding="utf-8"))
        assert {e["variant"] for e in entries} == {"scan200", "phone"}
        assert all((part / e["file"]).exists() and (part / "gt" / f"{e['doc']}.json").exists() for e in entries)
    # hard links: the scans themselves, not copies
    assert (view / "part-000" / "A-phone.pdf").stat().st_ino == (scans / "part-000" / "A-phone.pdf").stat().st_ino
    # the scans folder is untouched
    assert len(list(scans.glob("**/*.pdf"))) == 6


def test_view_is_the_scans_when_nothing_is_left_out(tmp_path):
    scans = _scans(tmp_path, ["A"], ["scan300", "scan200"])
    assert bench.variant_view(scans, ["scan300", "scan200", "scan150", "phone"], tmp_path / "view") == scans
    assert not (tmp_path / "view").exists()


def test_view_rebuilt_from_scratch(tmp_path):
    scans = _scans(tmp_path, ["A"], ["scan300", "scan200"])
    bench.variant_view(scans, ["scan300"], tmp_path / "view")
    view = bench.variant_view(scans, ["scan200"], tmp_path / "view")
    assert [p.name for p in view.glob("**/*.pdf")] == ["A-scan200.pdf"]


def test_reuse_extracts_and_scores_the_chosen_variants_only(tmp_path, monkeypatch):
    _scans(tmp_path, ["A"], ["scan300", "scan200", "phone"])
    seen = {}

    def fake_run(corpus, out, workers):
        seen["run"] = sorted(p.name for p in corpus.glob("**/*.pdf"))
        return 1.0

    def fake_score(corpus, out):
        seen["score"] = sorted(e["variant"] for m in corpus.glob("**/MANIFEST.json")
                               for e in json.loads(m.read_text(encoding="utf-8")))
        return {}, {}

    monkeypatch.setattr(bench, "run_pipeline", fake_run)
    monkeypatch.setattr(bench, "score_corpus", fake_score)
    monkeypatch.setattr(bench, "problem_counts", lambda out, code: Counter())
    monkeypatch.setattr(bench, "page_count", lambda pdf: 1)
    assert bench.main(["--seeds", "80-80", "--work", str(tmp_path), "--reuse", "--scan", "200",
                       "--time-pages", "0"]) == 0
    assert seen == {"run": ["A-scan200.pdf"], "score": ["scan200"]}


def test_the_bench_doctests():
    import doctest

    assert doctest.testmod(bench).failed == 0


def test_report_gives_the_cpu_ratio_beside_the_wall_ratio():
    from benchmarks.ocr_timing import Timing

    summary = {"found": 2, "files": 2}
    table = bench.report({"phone": summary}, Counter(), {"phone": (Timing(10.0, 9.0, 4.0, 3.0), 5)})
    head, _, row = table.splitlines()
    assert head.endswith("| ratio | CPU ratio |")
    assert row.endswith("| 9.00 | 10.00 | 0.90 | 0.75 |")


def test_timing_counts_each_readers_cpu_time(monkeypatch, tmp_path):
    import time
    import types

    import numpy as np

    from benchmarks import ocr_timing

    def busy(seconds):
        end = ocr_timing.cpu_seconds(ocr_timing.resource.RUSAGE_SELF) + seconds
        while ocr_timing.cpu_seconds(ocr_timing.resource.RUSAGE_SELF) < end:
            pass

    class Ocr:
        def read(self, img, number, w, h):
            busy(0.05)
            return types.SimpleNamespace(page=None)

    # the "CLI" waits without working: wall time, no CPU time
    monkeypatch.setattr(ocr_timing.subprocess, "run", lambda *a, **k: time.sleep(0.05))
    monkeypatch.setattr(ocr_timing, "page_items", lambda page: None)
    img = np.zeros((4, 4), np.uint8)
    t = ocr_timing.interleaved_times(Ocr(), [(img, tmp_path / "a.png")] * 3)
    assert t.ours_cpu >= 0.04 and t.tesseract_cpu < 0.01
    assert len(ocr_timing.interleaved_medians(Ocr(), [(img, tmp_path / "a.png")])) == 2


def test_each_pages_ratio_is_taken_on_its_own_page():
    """The median of each page's ratio pairs the two readers' times page by page: a slow page slow for both is
    1.0, whatever the other pages take (the ratio of the two medians would read 1.5 here)."""
    from benchmarks import ocr_timing

    ours, base = [1.0, 3.0, 3.0], [2.0, 2.0, 3.0]
    assert ocr_timing.paired_ratio(ours, base) == 1.0
    assert ocr_timing.statistics.median(ours) / ocr_timing.statistics.median(base) == 1.5
    assert ocr_timing.paired_ratio([1.0], [0.0]) is None  # a page the CLI took no time on: no ratio


def test_tesseracts_own_reads_are_timed_apart_from_the_rest_of_a_page(monkeypatch, tmp_path):
    """Of a page's CPU time, what its engine's page reads take is measured on its own (the floor Tesseract sets
    under ita-extract's ratio), and the engine is given back unwrapped."""
    import types

    import numpy as np

    from benchmarks import ocr_timing

    def busy(seconds):
        end = ocr_timing.cpu_seconds(ocr_timing.resource.RUSAGE_SELF) + seconds
        while ocr_timing.cpu_seconds(ocr_timing.resource.RUSAGE_SELF) < end:
            pass

    class Engine:
        def page_words(self, gray, dpi):
            busy(0.03)
            return []

    class Ocr:
        def __init__(self):
            self._engine = Engine()

        def read(self, img, number, w, h):
            self._engine.page_words(img, 300)
            busy(0.03)  # the rest of the page's work
            return types.SimpleNamespace(page=None)

    child = {"t": 0.0}  # the "CLI": 0.06 s of a child's CPU a page, on a fake rusage
    real = ocr_timing.cpu_seconds
    monkeypatch.setattr(ocr_timing.subprocess, "run", lambda *a, **k: child.__setitem__("t", child["t"] + 0.06))
    monkeypatch.setattr(ocr_timing, "cpu_seconds",
                        lambda who: child["t"] if who == ocr_timing.resource.RUSAGE_CHILDREN else real(who))
    monkeypatch.setattr(ocr_timing, "page_items", lambda page: None)
    ocr = Ocr()
    t = ocr_timing.interleaved_times(ocr, [(np.zeros((4, 4), np.uint8), tmp_path / "a.png")] * 3)
    assert 0.4 <= t.tesseract_share_cpu <= 0.75  # 0.03 s of the CLI's 0.06 s
    assert t.page_ratio_cpu >= 0.9  # the whole page: 0.06 s
    assert "page_words" not in vars(ocr._engine)
    no_engine = types.SimpleNamespace(read=lambda *a: types.SimpleNamespace(page=None))
    assert ocr_timing.interleaved_times(no_engine, [(None, tmp_path / "a.png")]).tesseract_share_cpu is None
