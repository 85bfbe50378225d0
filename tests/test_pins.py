"""Pinned renderings: a fingerprint follows what a PDF shows, not the bytes a producer stamps."""
from __future__ import annotations

import json
from pathlib import Path

from fpdf import FPDF

from benchmarks.corpus import pins


def _pdf(path: Path, text: str, stamp: str) -> Path:
    pdf = FPDF()
    pdf.set_producer(stamp)  # bytes that differ, content that does not
    pdf.add_page()
    pdf.set_font("helvetica", size=14)
    pdf.cell(text=text)
    path.parent.mkdir(parents=True, exist_ok=True)
    pdf.output(str(path))
    return path


def test_same_content_same_fingerprint_whatever_the_bytes(tmp_path):
    a = _pdf(tmp_path / "a.pdf", "score 91.50", "run one")
    b = _pdf(tmp_path / "b.pdf", "score 91.50", "run two, another day")
    c = _pdf(tmp_path / "c.pdf", "score 91.58", "run one")
    assert a.read_bytes() != b.read_bytes()
    assert pins.fingerprint(a) == pins.fingerprint(b)
    assert pins.fingerprint(a) != pins.fingerprint(c)


def test_check_names_the_renderings_that_differ(tmp_path):
    work = tmp_path / "work"
    _pdf(work / "digital" / "part-000" / "A-fpdf.pdf", "report A", "x")
    _pdf(work / "scans" / "part-000" / "A-scan300.pdf", "scan of A", "x")
    pinfile = tmp_path / "pins.json"
    assert pins.write(work, "1-2", 1, pinfile) == 2
    saved = json.loads(pinfile.read_text(encoding="utf-8"))
    assert saved["seeds"] == "1-2" and "pypdfium2" in saved["made_with"]
    assert pins.check(work, "1-2", pinfile).comparable
    assert pins.check(work, "3-4", pinfile) is None  # pins of other seeds say nothing
    _pdf(work / "scans" / "part-000" / "A-scan300.pdf", "scan of A, darker", "x")
    _pdf(work / "scans" / "part-000" / "A-scan200.pdf", "new", "x")
    result = pins.check(work, "1-2", pinfile)
    assert not result.comparable
    assert result.differ == ("scans/part-000/A-scan300.pdf",)
    assert result.unpinned == ("scans/part-000/A-scan200.pdf",)
    assert "differ" in result.summary() and "no pin" in result.summary()


def test_the_shipped_pins_are_of_the_default_held_out_seeds():
    from benchmarks.bench_heldout_scans import DEFAULT_SEEDS
    shipped = pins.load()
    assert shipped["seeds"] == DEFAULT_SEEDS
    assert any(k.startswith("scans/") for k in shipped["files"]) and any(k.startswith("digital/") for k in shipped["files"])
