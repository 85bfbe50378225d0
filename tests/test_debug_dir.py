"""``--debug-dir``: per page drawn and listed, in worker processes too, never changing a row.

A fake OCR engine stands in for Tesseract here; the real one runs in
``tests/test_ocr_end_to_end.py::test_debug_dir_draws_every_page_and_changes_no_row``.
"""
from __future__ import annotations

import csv

import cv2
import pytest
from tests.conftest import FIXTURES, SAMPLES
from tests.ocr_fakes import FakeEngine

from extract.debug import DebugDir, write_atomic
from extract.ocr.engine import OcrWord
from extract.ocr.reader import PageOcr
from ita_extract.errors import BadArgs
from ita_extract.settings import Settings
from pipeline import InputFile, main, process_document, sha256_of

WORDS = [OcrWord("ตัวชี้วัดที่", 100, 100, 300, 160, 95.0, (1, 1, 1)),
         OcrWord("99.38", 400, 100, 480, 160, 41.0, (1, 1, 1))]


def _process(src, tmp_path, debug):
    settings = Settings(inputs=(src,), out=tmp_path / "out", debug_dir=debug)
    ocr = PageOcr(5.0, engine_factory=lambda: FakeEngine(words=list(WORDS)), reader_factory=lambda e: None)
    return process_document(InputFile(src, src.name), sha256_of(src), settings, ocr)


def _tsv(path):
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t"))


def test_ocr_page_drawn_and_listed(tmp_path):
    src = FIXTURES / "scan-only.pdf"
    _process(src, tmp_path, tmp_path / "debug")
    folder = tmp_path / "debug" / "scan-only"
    assert sorted(p.name for p in folder.iterdir()) == ["page-001.png", "page-001.tsv"]
    png = cv2.imread(str(folder / "page-001.png"))
    assert png.ndim == 3 and png[100:160, 100:300].reshape(-1, 3).tolist().count([0, 160, 0]) > 0  # a green box
    rows = _tsv(folder / "page-001.tsv")
    assert [(r["text"], r["conf"], r["source"], r["px_x0"], r["px_bottom"]) for r in rows] == [
        ("ตัวชี้วัดที่", "95.0", "page", "100", "160"), ("99.38", "41.0", "page", "400", "160")]
    scale = float(rows[0]["x1"]) / 300  # points per pixel, the same for every coordinate
    assert float(rows[1]["x0"]) == pytest.approx(400 * scale, abs=0.01)


def test_rows_are_the_same_with_and_without_it(tmp_path):
    src = FIXTURES / "scan-only.pdf"
    a = _process(src, tmp_path, None)
    b = _process(src, tmp_path, tmp_path / "debug")
    assert (a.document, a.scores, a.analyses, a.measures, a.problems) == \
           (b.document, b.scores, b.analyses, b.measures, b.problems)


def test_digital_pages_get_the_table_finder_drawing(tmp_path):
    src = SAMPLES / "ita-2569-bannasuan.pdf"
    out, debug = tmp_path / "out", tmp_path / "debug"
    assert main(["run", str(src), "--out", str(out), "--debug-dir", str(debug), "--workers", "1",
                 "--quiet", "--no-progress"]) == 0  # written by a worker process
    folder = debug / "ita-2569-bannasuan"
    names = sorted(p.name for p in folder.iterdir())
    assert names and all(n.startswith("page-") and n.endswith(".png") for n in names)
    img = cv2.imread(str(folder / "page-001.png"))
    red = (img[:, :, 2] > 200) & (img[:, :, 1] < 60) & (img[:, :, 0] < 60)  # pdfplumber draws edges in red
    assert red.sum() > 1000


def test_off_by_default_writes_nothing(tmp_path, monkeypatch):
    def boom(*args, **kwargs):
        raise AssertionError("no debug file without --debug-dir")

    monkeypatch.setattr(DebugDir, "_write", boom)
    result = _process(FIXTURES / "scan-only.pdf", tmp_path, None)
    assert result.document.status in ("ok", "partial", "failed")
    assert Settings(inputs=(FIXTURES / "scan-only.pdf",), out=tmp_path / "o").debug_dir is None


def test_unwritable_debug_dir_is_a_warning_not_a_failure(tmp_path, caplog):
    blocked = tmp_path / "debug"
    blocked.mkdir()
    (blocked / "scan-only").write_text("a file where the document's folder would go")
    a = _process(FIXTURES / "scan-only.pdf", tmp_path, None)
    b = _process(FIXTURES / "scan-only.pdf", tmp_path, blocked)
    assert b.document == a.document and b.problems == a.problems
    assert "--debug-dir" in caplog.text


def test_atomic_write_leaves_the_old_file_whole_on_failure(tmp_path, monkeypatch):
    import os

    target = tmp_path / "page-001.tsv"
    write_atomic(target, b"old")

    def crash(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(OSError):
        write_atomic(target, b"new, half written")
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["page-001.tsv"]  # no temporary left


def test_settings_check_the_debug_dir(tmp_path):
    src = FIXTURES / "scan-only.pdf"
    afile = tmp_path / "file"
    afile.write_text("x")
    with pytest.raises(BadArgs, match="not a folder"):
        Settings(inputs=(src,), out=tmp_path / "out", debug_dir=afile)
    with pytest.raises(BadArgs, match="must not be the --out"):
        Settings(inputs=(src,), out=tmp_path / "out", debug_dir=tmp_path / "out")
    assert main(["run", str(src), "--out", str(tmp_path / "o"), "--debug-dir", str(afile), "--quiet"]) == 2
