"""Bad input never stops a batch: each bad file is one ``failed`` documents row
with an ``error`` sentence that says why and an ``error`` problem with a stable code.

The committed fixtures come from ``tests/fixtures/make_fixtures.py``; files that
need no generator (zero-byte, truncated, text or HTML renamed ``.pdf``) are made
here in ``tmp_path``.
"""
from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pyarrow.dataset as ds
import pytest
from tests.conftest import FIXTURES, SAMPLES

from tests.fixtures.make_fixtures import scanned_page

TABLES = ("documents", "scores", "analyses", "measures", "problems")


def good_sample() -> Path:
    pdfs = sorted(SAMPLES.glob("*.pdf"))
    if not pdfs:
        pytest.fail("samples/*.pdf are missing: run `make samples`")
    return pdfs[0]


def fixture(name: str) -> Path:
    path = FIXTURES / name
    assert path.exists(), f"{path} is missing: run tests/fixtures/make_fixtures.py"
    return path


def run(inputs: list[Path], out: Path, *options: str) -> int:
    from pipeline import main

    return main(["run", *map(str, inputs), "--out", str(out), "--quiet", "--no-progress", *options])


def rows(out: Path, table: str) -> list[dict]:
    folder = out / table
    if not folder.exists():
        return []
    return ds.dataset(folder, partitioning="hive").to_table().to_pylist()


#: file name in the batch → (problem code, words the error sentence must contain:
#: each entry is a tuple of alternatives, at least one of which must appear)
BAD = {
    "empty.pdf": ("empty-file", [("empty",)]),
    "truncated.pdf": ("corrupt-pdf", [("damaged", "truncated")]),
    "encrypted.pdf": ("encrypted-pdf", [("encrypted",)]),
    "NOTES.PDF": ("not-a-pdf", [("not a PDF",)]),
    "saved-page.pdf": ("not-a-pdf", [("not a PDF",)]),
    "not-ita.pdf": ("not-an-ita-report", [("not an ITA report",)]),
    "blank.pdf": ("no-readable-page", [("no text", "blank")]),
    # a scanned Thai memo: OCR reads it, and it is no ITA report
    "scan-only.pdf": ("not-an-ita-report", [("not an ITA report",)]),
}
GOOD = "good.pdf"


@pytest.fixture(scope="module")
def bad_batch(tmp_path_factory) -> tuple[int, Path, Path]:
    """One run over a folder holding a good sample and every kind of bad file."""
    src = tmp_path_factory.mktemp("bad-in")
    good = good_sample()
    shutil.copyfile(good, src / GOOD)
    (src / "empty.pdf").write_bytes(b"")
    data = good.read_bytes()
    (src / "truncated.pdf").write_bytes(data[: len(data) // 3])
    (src / "NOTES.PDF").write_text("Meeting notes, not a PDF at all.\nบันทึกการประชุม\n", encoding="utf-8")
    (src / "saved-page.pdf").write_text(
        "<!DOCTYPE html>\n<html lang=\"th\"><head><title>รายงาน ITA</title></head>"
        "<body><p>404 Not Found</p></body></html>\n", encoding="utf-8")
    for name in ("encrypted.pdf", "not-ita.pdf", "blank.pdf", "scan-only.pdf"):
        shutil.copyfile(fixture(name), src / name)
    out = tmp_path_factory.mktemp("bad-out")
    code = run([src], out)
    return code, src, out


def _documents(out: Path) -> dict[str, dict]:
    docs = rows(out, "documents")
    names = [d["source_file"] for d in docs]
    assert len(names) == len(set(names)), f"a file has more than one documents row: {sorted(names)}"
    return {d["source_file"]: d for d in docs}


def test_batch_with_bad_files_exits_3(bad_batch):
    code, _, _ = bad_batch
    assert code == 3


def test_every_file_has_exactly_one_documents_row(bad_batch):
    _, src, out = bad_batch
    docs = _documents(out)
    expected = {p.name for p in src.iterdir()}
    assert set(docs) == expected
    assert len(rows(out, "documents")) == len(expected)


def test_good_file_is_ok(bad_batch):
    _, _, out = bad_batch
    doc = _documents(out)[GOOD]
    assert doc["status"] == "ok"
    assert doc["error"] is None
    assert rows(out, "scores"), "the good file gave no scores rows"


#: Bad files whose expected reason takes OCR to find (a scanned memo is read, then found no ITA report).
NEEDS_OCR = {"scan-only.pdf"}


@pytest.mark.parametrize("name", [pytest.param(n, marks=pytest.mark.needs_tesseract) if n in NEEDS_OCR else n
                                  for n in sorted(BAD)])
def test_bad_file_failed_with_reason(bad_batch, name):
    _, src, out = bad_batch
    code, words = BAD[name]
    doc = _documents(out)[name]
    assert doc["status"] == "failed"
    error = doc["error"]
    assert error, f"{name}: failed without an error sentence"
    for alternatives in words:
        assert any(w.lower() in error.lower() for w in alternatives), (
            f"{name}: error {error!r} does not say {' or '.join(map(repr, alternatives))}")
    # the error row in problems, tied to this file by doc_id
    doc_id = hashlib.sha256((src / name).read_bytes()).hexdigest()
    assert doc["doc_id"] == doc_id
    errors = [p for p in rows(out, "problems") if p["doc_id"] == doc_id and p["severity"] == "error"]
    assert [p["code"] for p in errors] == [code], f"{name}: error problems {errors}"
    assert errors[0]["message"], f"{name}: error problem without a message"


@pytest.mark.parametrize("name", sorted(BAD))
def test_failed_file_has_no_data_rows(bad_batch, name):
    _, src, out = bad_batch
    doc_id = hashlib.sha256((src / name).read_bytes()).hexdigest()
    for table in ("scores", "analyses", "measures"):
        assert not [r for r in rows(out, table) if r["doc_id"] == doc_id], f"{name} has {table} rows"


def test_failed_documents_have_unknown_fiscal_year(bad_batch):
    _, _, out = bad_batch
    for name in BAD:
        # pyarrow reads the hive partition: unknown years are partition 0 (output/schema.py)
        assert _documents(out)[name]["fiscal_year"] in (None, 0)


# --- a digital report with one scanned page --------------------------------

@pytest.fixture(scope="module")
def scan_page() -> int:
    """The scanned page of the mixed fixture: its last page (7: the 6-page sample + 1)."""
    page = scanned_page(fixture("issue-2-mixed-scan.pdf"))
    assert page > 1
    return page


@pytest.fixture(scope="module")
def mixed_no_ocr(tmp_path_factory) -> tuple[int, Path]:
    out = tmp_path_factory.mktemp("mixed-out")
    code = run([fixture("issue-2-mixed-scan.pdf")], out, "--ocr", "never")
    return code, out


def test_mixed_scan_without_ocr_is_partial(mixed_no_ocr, scan_page):
    code, out = mixed_no_ocr
    assert code == 0
    docs = rows(out, "documents")
    assert len(docs) == 1
    assert docs[0]["status"] == "partial"
    assert docs[0]["text_source"] == "digital"
    assert docs[0]["error"] is None
    assert docs[0]["pages"] == scan_page


def test_mixed_scan_without_ocr_names_the_scanned_page(mixed_no_ocr, scan_page):
    _, out = mixed_no_ocr
    ocr = [p for p in rows(out, "problems") if p["code"] == "ocr-needed"]
    assert len(ocr) == 1, ocr
    assert ocr[0]["severity"] == "warning"
    assert ocr[0]["page"] == scan_page
    assert str(scan_page) in ocr[0]["message"]


def test_mixed_scan_keeps_the_digital_pages(mixed_no_ocr, scan_page):
    _, out = mixed_no_ocr
    scores = rows(out, "scores")
    assert scores, "the digital pages of the mixed document gave no scores"
    assert all(r["page"] < scan_page for r in scores)
    assert not [p for p in rows(out, "problems") if p["severity"] == "error"]


def test_scan_only_without_ocr_fails_naming_ocr(tmp_path):
    out = tmp_path / "out"
    assert run([fixture("scan-only.pdf")], out, "--ocr", "never") == 3
    (doc,) = rows(out, "documents")
    assert doc["status"] == "failed" and "OCR" in doc["error"]
    assert {p["code"] for p in rows(out, "problems")} >= {"no-readable-page", "ocr-needed"}


@pytest.mark.needs_tesseract
def test_mixed_scan_with_ocr_is_mixed(tmp_path, scan_page):
    out = tmp_path / "out"
    assert run([fixture("issue-2-mixed-scan.pdf")], out) == 0
    (doc,) = rows(out, "documents")
    assert doc["text_source"] == "mixed"
    assert not [p for p in rows(out, "problems") if p["code"] == "ocr-needed"]


# --- byte-identical duplicates ---------------------------------------------

def test_duplicate_files_are_one_document(tmp_path):
    src = tmp_path / "in"
    (src / "copies").mkdir(parents=True)
    good = good_sample()
    shutil.copyfile(good, src / "a-report.pdf")
    shutil.copyfile(good, src / "copies" / "same-report.pdf")
    out = tmp_path / "out"
    assert run([src], out) == 0
    docs = rows(out, "documents")
    assert len(docs) == 1
    assert docs[0]["source_file"] == "a-report.pdf"
    assert docs[0]["doc_id"] == hashlib.sha256(good.read_bytes()).hexdigest()
    dup = [p for p in rows(out, "problems") if p["code"] == "duplicate-file"]
    assert len(dup) == 1, dup
    assert dup[0]["severity"] == "warning"
    assert dup[0]["doc_id"] == docs[0]["doc_id"]
    assert "copies/same-report.pdf" in dup[0]["message"]
    # one document: its rows are not doubled
    single = tmp_path / "single"
    assert run([src / "a-report.pdf"], single) == 0
    for table in ("scores", "analyses", "measures"):
        assert len(rows(out, table)) == len(rows(single, table)), table
