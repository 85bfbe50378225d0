"""Issue 12: every input its own fate. A hostile or unreadable file fails alone, with a clear
code, in worker processes and with ``--workers 0`` alike; the batch always goes on.

The hostile files are built byte by byte in ``tests/hostile.py``.
"""
from __future__ import annotations

import hashlib
import logging
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pyarrow.dataset as ds
import pytest
from tests.conftest import ROOT, SAMPLES

from tests import hostile
from ita_extract.batch.document import InputFile, process_document
from ita_extract.settings import Settings


def sample() -> Path:
    return sorted(SAMPLES.glob("*.pdf"))[0]  # ita-2567-wiangsawan: 4 digital pages


def run(inputs: list[Path], out: Path, *options: str) -> int:
    from pipeline import main

    return main(["run", *map(str, inputs), "--out", str(out), "--quiet", "--no-progress", *options])


def rows(out: Path, table: str) -> list[dict]:
    return ds.dataset(out / table, partitioning="hive").to_table().to_pylist()


def docs_by_name(out: Path) -> dict[str, dict]:
    return {d["source_file"]: d for d in rows(out, "documents")}


def codes_of(out: Path, doc_id: str) -> set[str]:
    return {p["code"] for p in rows(out, "problems") if p["doc_id"] == doc_id}


class CountingOcr:
    """A page OCR that only counts the pages it is asked to read (reads nothing)."""

    def __init__(self) -> None:
        self.pages: list[int] = []

    def unavailable(self) -> str | None:
        return None

    def read(self, image, number, width_pt, height_pt):
        self.pages.append(number)
        raise AssertionError(f"page {number} was sent to OCR")


# --- decompression bombs: capped before anything is decoded -------------------

@pytest.fixture(scope="module")
def bombs(tmp_path_factory) -> Path:
    src = tmp_path_factory.mktemp("bombs")
    (src / "issue-12-page-bomb.pdf").write_bytes(hostile.page_bomb())
    (src / "issue-12-jpeg-bomb.pdf").write_bytes(hostile.jpeg_bomb())
    shutil.copyfile(sample(), src / "good.pdf")
    return src


@pytest.mark.needs_tesseract
@pytest.mark.parametrize("workers", ["0", "1"])
def test_bombs_fail_alone_with_clear_codes(bombs, tmp_path, workers):
    """Before: 6.9 GB in a worker for the page, a crashed worker for the JPEG; with
    ``--workers 0`` the batch aborted. Now both fail with their own code, in both modes."""
    out = tmp_path / "out"
    assert run([bombs], out, "--workers", workers) == 3
    docs = docs_by_name(out)
    assert docs["good.pdf"]["status"] == "ok"
    for name, code in (("issue-12-page-bomb.pdf", "page-too-large"), ("issue-12-jpeg-bomb.pdf", "image-too-large")):
        doc = docs[name]
        assert doc["status"] == "failed", name
        assert doc["pages"] == 1
        assert code in codes_of(out, doc["doc_id"]), name
        assert "worker-crashed" not in codes_of(out, doc["doc_id"])
    assert "20000 × 20000 pt" in docs["issue-12-page-bomb.pdf"]["error"]
    assert "30000 × 30000 pixels" in docs["issue-12-jpeg-bomb.pdf"]["error"]


def test_worker_memory_is_capped(tmp_path, monkeypatch):
    """A document that asks for 64 GB of address space fails with ``out-of-memory`` in its
    worker (RLIMIT_AS), instead of growing until the machine gives way."""
    import numpy as np

    import ita_extract.batch.document as document
    from ita_extract.batch.executors import ProcessExecutor, Task

    real = document.read_pages

    def greedy(pdf, path, settings, ocr):
        if path.name == "greedy.pdf":
            np.empty(64 * 1024 ** 3, np.uint8)  # only address space: harmless where no limit applies
        return real(pdf, path, settings, ocr)

    monkeypatch.setattr(document, "read_pages", greedy)  # inherited by the forked worker
    settings = Settings(inputs=(SAMPLES,), out=tmp_path, worker_memory_mb=1024)
    ex = ProcessExecutor(settings, workers=1, timeout_s=120)
    for name in ("greedy.pdf", "after.pdf"):
        shutil.copyfile(sample(), tmp_path / name)
    tasks = [Task(InputFile(tmp_path / name, name), name) for name in ("greedy.pdf", "after.pdf")]
    results = {r.document.source_file: r for r in ex.run(tasks)}
    greedy_doc = results["greedy.pdf"]
    assert greedy_doc.document.status == "failed"
    assert [p.code for p in greedy_doc.problems] == ["out-of-memory"]
    assert "1024 MB" in greedy_doc.document.error
    assert results["after.pdf"].document.status == "ok"  # the same worker reads on


# --- blank pages are not sent to OCR ----------------------------------------------

def _settings(tmp_path: Path) -> Settings:
    return Settings(inputs=(tmp_path,), out=tmp_path / "out", ocr="auto")


@pytest.mark.parametrize("kind", ["nothing-drawn", "scanned-white"])
def test_blank_pages_are_not_ocrd(tmp_path, kind):
    """Before: 500 blank pages went to OCR one by one until --timeout. Now none does."""
    path = tmp_path / f"issue-12-{kind}.pdf"
    path.write_bytes(hostile.blank_pages(500) if kind == "nothing-drawn" else hostile.white_scans(12))
    ocr = CountingOcr()
    result = process_document(InputFile(path, path.name), "id", _settings(tmp_path), ocr)
    assert ocr.pages == []
    assert result.document.status == "failed"
    assert result.document.pages == (500 if kind == "nothing-drawn" else 12)
    assert [p.code for p in result.problems if p.severity == "error"] == ["no-readable-page"]
    assert "blank" in result.document.error


def test_a_page_with_ink_still_goes_to_ocr(tmp_path):
    """The blank test must not eat a real scan: the scanned fixture is sent to OCR."""
    ocr = CountingOcr()
    scan = ROOT / "tests" / "fixtures" / "scan-only.pdf"
    result = process_document(InputFile(scan, scan.name), "id", _settings(tmp_path), ocr)
    assert ocr.pages == [1]
    assert result.document.status == "failed"  # CountingOcr fails the read


# --- damaged and empty PDFs ------------------------------------------------------------

def test_shifted_xref_is_read_through_a_second_reader(tmp_path):
    """Before: ``corrupt-pdf`` (pdfminer gives up); poppler, qpdf and pdfium read it. Now it is
    read through pdfium's repaired copy, with every row of the intact file and a warning."""
    src = tmp_path / "in"
    src.mkdir()
    (src / "issue-12-shifted-xref.pdf").write_bytes(hostile.shifted_xref(sample().read_bytes()))
    out, ref = tmp_path / "out", tmp_path / "ref"
    assert run([src], out) == 0
    assert run([sample()], ref) == 0
    (doc,) = rows(out, "documents")
    assert doc["status"] == "ok" and doc["pages"] == 4
    assert "pdf-repaired" in codes_of(out, doc["doc_id"])
    for table in ("scores", "analyses", "measures"):
        got = [{k: v for k, v in r.items() if k != "doc_id"} for r in rows(out, table)]
        want = [{k: v for k, v in r.items() if k != "doc_id"} for r in rows(ref, table)]
        assert got == want, table


def test_damage_beyond_repair_is_still_corrupt(tmp_path):
    data = sample().read_bytes()
    path = tmp_path / "cut.pdf"
    path.write_bytes(data[: len(data) // 3])
    result = process_document(InputFile(path, path.name), "id", _settings(tmp_path))
    assert [p.code for p in result.problems] == ["corrupt-pdf"]


def test_zero_page_pdf_has_pages_0(tmp_path):
    """Before: ``pages`` null (``corrupt-pdf``). Now 0, and the document fails as having no page."""
    path = tmp_path / "issue-12-zero-pages.pdf"
    path.write_bytes(hostile.zero_pages())
    result = process_document(InputFile(path, path.name), "id", _settings(tmp_path))
    assert result.document.pages == 0
    assert result.document.status == "failed"
    assert [p.code for p in result.problems] == ["no-readable-page"]
    assert "no pages" in result.document.error


# --- our bugs are no damaged files ------------------------------------------------------

def test_a_bug_of_ours_is_internal_error_not_corrupt_pdf(tmp_path, monkeypatch, caplog):
    """Before: ``_LIB_ERRORS`` caught ``TypeError`` around our own code: a bug became
    ``corrupt-pdf``. Now it is ``internal-error``, its traceback in the log, the batch goes on."""
    import extract.text.pdf as pdf

    def broken(*args):
        raise TypeError("unsupported operand type(s) for +: 'int' and 'NoneType'")

    monkeypatch.setattr(pdf, "_grid", broken)
    caplog.set_level(logging.ERROR)
    result = process_document(InputFile(sample(), "report.pdf"), "id", _settings(tmp_path))
    assert result.document.status == "failed"
    assert [p.code for p in result.problems] == ["internal-error"]
    assert "TypeError" in result.document.error and "bug" in result.document.error
    logged = [r for r in caplog.records if r.exc_info and "report.pdf" in r.getMessage()]
    assert logged and logged[0].exc_info[0] is TypeError


def test_environment_error_inside_a_document_fails_it_clearly(tmp_path):
    """An OCR service that cannot start (say, a damaged numeral model) fails the scanned
    document with its own code and sentence; no traceback, and the run finishes."""
    from ita_extract.errors import MissingDependency

    class BrokenOcr(CountingOcr):
        def read(self, image, number, width_pt, height_pt):
            raise MissingDependency("The Thai-numeral model is damaged; reinstall ita-extract.")

    scan = ROOT / "tests" / "fixtures" / "scan-only.pdf"
    result = process_document(InputFile(scan, scan.name), "id", _settings(tmp_path), BrokenOcr())
    assert result.document.status == "failed"
    assert [p.code for p in result.problems if p.severity == "error"] == ["missing-dependency"]
    assert "numeral model" in result.document.error


# --- names, links and folders -------------------------------------------------------------

def test_non_utf8_file_name_is_stored_escaped(tmp_path):
    """Before: a traceback while publishing, orphan rows, and every rerun crashed. Now the name is
    stored with ``\\xNN`` escapes, and a rerun converges."""
    src = tmp_path / "in"
    src.mkdir()
    name = os.fsdecode(b"r\xe9port-\xff.pdf")
    shutil.copyfile(sample(), src / name)
    out = tmp_path / "out"
    assert run([src], out) == 0
    (doc,) = rows(out, "documents")
    assert doc["source_file"] == "r\\xe9port-\\xff.pdf"
    assert doc["status"] == "ok"
    n = {t: len(rows(out, t)) for t in ("documents", "scores", "problems")}
    assert run([src], out) == 0
    assert {t: len(rows(out, t)) for t in n} == n


@pytest.mark.slow
def test_newline_in_a_name_cannot_forge_log_lines(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    shutil.copyfile(sample(), src / "a.pdf\nINFO forged.pdf: ok\nb.pdf")
    proc = subprocess.run([sys.executable, str(ROOT / "pipeline.py"), "run", str(src), "--out",
                           str(tmp_path / "out"), "--workers", "0", "--no-progress"],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    lines = proc.stderr.splitlines()
    assert not [ln for ln in lines if ln.startswith("INFO forged.pdf")], lines
    assert [ln for ln in lines if "a.pdf\\nINFO forged.pdf: ok\\nb.pdf: ok" in ln], lines
    (doc,) = rows(tmp_path / "out", "documents")
    assert doc["source_file"] == "a.pdf\nINFO forged.pdf: ok\nb.pdf"  # the data keeps the real name


def test_links_and_unreadable_places_are_reported(tmp_path, monkeypatch):
    """Before: symlinked folders, dangling links and unreadable folders were skipped without a
    word. Now linked folders are read (once, even when they loop) and the rest are failed rows."""
    src, elsewhere = tmp_path / "in", tmp_path / "elsewhere"
    (src / "locked").mkdir(parents=True)
    elsewhere.mkdir()
    shutil.copyfile(sample(), src / "a.pdf")
    (elsewhere / "b.pdf").write_bytes(sample().read_bytes() + b"\n%other copy\n")
    (src / "linked").symlink_to(elsewhere, target_is_directory=True)
    (src / "loop").symlink_to(src, target_is_directory=True)
    (src / "gone.pdf").symlink_to(tmp_path / "deleted.pdf")
    real_scandir = os.scandir

    def scandir(path="."):  # root can read any folder: deny this one as chmod 000 would
        if os.fspath(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    out = tmp_path / "out"
    assert run([src], out) == 3
    docs = docs_by_name(out)
    assert set(docs) == {"a.pdf", "linked/b.pdf", "gone.pdf", "locked/"}
    assert docs["a.pdf"]["status"] == docs["linked/b.pdf"]["status"] == "ok"
    assert docs["gone.pdf"]["status"] == "failed" and "does not exist" in docs["gone.pdf"]["error"]
    assert codes_of(out, docs["gone.pdf"]["doc_id"]) == {"unreadable-file"}
    assert docs["locked/"]["status"] == "failed" and "Permission denied" in docs["locked/"]["error"]
    assert codes_of(out, docs["locked/"]["doc_id"]) == {"unreadable-folder"}
    # a rerun replaces the failed rows (their doc_id is stable) instead of adding new ones
    assert run([src], out) == 3
    assert len(rows(out, "documents")) == 4


def test_a_file_that_cannot_be_read_fails_alone(tmp_path):
    """Before: hashing ran in the parent and one unreadable file aborted the whole batch.
    ``/proc/self/mem`` answers every read with EIO, even for root."""
    src = tmp_path / "in"
    src.mkdir()
    shutil.copyfile(sample(), src / "good.pdf")
    (src / "eio.pdf").symlink_to("/proc/self/mem")
    out = tmp_path / "out"
    assert run([src], out) == 3
    docs = docs_by_name(out)
    assert docs["good.pdf"]["status"] == "ok"
    bad = docs["eio.pdf"]
    assert bad["status"] == "failed" and "cannot be read" in bad["error"]
    assert codes_of(out, bad["doc_id"]) == {"unreadable-file"}
    assert bad["doc_id"] == hashlib.sha256(b"unreadable:eio.pdf").hexdigest()


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0,
                    reason="root reads files and folders whatever their permissions")
def test_permissions_denied_fail_alone(tmp_path):
    """The same, with real permissions: a chmod 000 file and folder."""
    src = tmp_path / "in"
    (src / "closed").mkdir(parents=True)
    shutil.copyfile(sample(), src / "good.pdf")
    shutil.copyfile(sample(), src / "closed" / "inside.pdf")
    (src / "secret.pdf").write_bytes(sample().read_bytes() + b"\n%secret\n")
    (src / "secret.pdf").chmod(0)
    (src / "closed").chmod(0)
    try:
        out = tmp_path / "out"
        assert run([src], out) == 3
        docs = docs_by_name(out)
    finally:
        (src / "closed").chmod(0o700)
        (src / "secret.pdf").chmod(0o600)
    assert docs["good.pdf"]["status"] == "ok"
    assert codes_of(out, docs["secret.pdf"]["doc_id"]) == {"unreadable-file"}
    assert codes_of(out, docs["closed/"]["doc_id"]) == {"unreadable-folder"}
