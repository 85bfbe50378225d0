"""The OCR path on the scanned samples, against the same hand-written rows.

Thresholds here are what the pipeline reliably reaches; the issue's targets
and the measured figures are printed by ``benchmarks/bench_ocr.py``.
"""
from __future__ import annotations


import pyarrow.dataset as ds
import pytest
from tests.conftest import EXPECTED, SAMPLES

from benchmarks.ocr_accuracy import Accuracy, compare, expected_for_scans  # noqa: E402

pytestmark = [pytest.mark.slow, pytest.mark.needs_tesseract]

SCANS = expected_for_scans(EXPECTED)
#: minimum shares per dpi, over all scans at that dpi (as the issue states its
#: targets): score rows found, scores exact, lowest questions exact, dates
#: exact; and the maximum character error rate of text fields
#: (300 dpi: the issue's targets, all exact; 200 dpi: its 98 % of scores and
#: 5 % CER, tightened to what is measured with a margin).
#: 0.3.0 measures 1.68 % CER at 300 dpi and 58/62 dates at 200 dpi: two years
#: OCR misreads are now null with `period-unreadable` (issue 12), where 0.2.0
#: guessed them.
THRESHOLDS = {
    300: dict(found=1.0, scores=1.0, lowest=1.0, dates=1.0, cer=0.02),
    200: dict(found=0.98, scores=0.98, lowest=0.95, dates=0.90, cer=0.03),
}


@pytest.fixture(scope="module")
def scans_out(tmp_path_factory):
    from pipeline import main

    out = tmp_path_factory.mktemp("ocr-out")
    code = main(["run", str(SAMPLES / "scanned"), "--out", str(out), "--quiet", "--no-progress"])
    assert code == 0
    return out


def _rows(out, table):
    return ds.dataset(out / table, partitioning="hive").to_table().to_pylist()


@pytest.mark.parametrize("dpi", sorted(THRESHOLDS))
def test_scanned_samples_at(dpi, scans_out):
    docs = {d["source_file"]: d for d in _rows(scans_out, "documents")}
    total = Accuracy()
    for name, (expected, document, file_dpi) in SCANS.items():
        if file_dpi != dpi:
            continue
        doc = docs[name]
        assert doc["text_source"] == "ocr", name
        assert doc["status"] in ("ok", "partial"), name
        assert doc["fiscal_year"] == document["fiscal_year"], name
        assert doc["agency"] and doc["agency"].replace(" ", "") == document["agency"].replace(" ", ""), name
        got = {t: [r for r in _rows(scans_out, t) if r["doc_id"] == doc["doc_id"]]
               for t in ("scores", "analyses", "measures")}
        total.add(compare(expected, got))
    t = THRESHOLDS[dpi]
    print(dpi, total.summary())
    assert total.ratio("score_rows_found", "score_rows") >= t["found"], total.misses
    assert total.ratio("scores_exact", "score_rows") >= t["scores"], total.misses
    assert total.ratio("lowest_exact", "lowest_total") >= t["lowest"], total.misses
    assert total.ratio("dates_exact", "dates_total") >= t["dates"], total.misses
    assert total.cer <= t["cer"], total.summary()


def test_low_confidence_rows_are_flagged(scans_out):
    problems = _rows(scans_out, "problems")
    low = [p for p in problems if p["code"] == "ocr-low-confidence"]
    assert all(p["page"] is not None and p["severity"] == "warning" for p in low)


@pytest.mark.parametrize("k, turned", [(2, 180), (1, 270)])
def test_page_scanned_turned_is_read_upright(k, turned):
    """A page fed upside down or sideways: Tesseract's orientation detection, then OCR upright."""
    import numpy as np
    from rapidfuzz.distance import Levenshtein

    from extract.ocr.reader import PageOcr
    from extract.ocr.raster import PageImage, open_images

    with open_images(SAMPLES / "scanned" / "ita-2569-bannasuan-scan300.pdf") as r:
        img = r.image(0)
    ocr = PageOcr(120)
    upright = ocr.read(img, 1, 595.0, 842.0)
    turned_img = PageImage(np.ascontiguousarray(np.rot90(img.gray, k=k)), img.dpi, True)
    w, h = (842.0, 595.0) if k % 2 else (595.0, 842.0)
    got = ocr.read(turned_img, 1, w, h)
    assert upright.turned == 0 and got.turned == turned
    assert (got.page.width, got.page.height) == (595.0, 842.0)
    a, b = ("".join(x.text for x in res.words) for res in (upright, got))
    assert Levenshtein.normalized_distance(a, b) < 0.05


def _doc_rows(out, doc_id: str) -> dict[str, list]:
    """Every row of one document in every table (``documents.seconds``, a timing, left out)."""
    rows = {}
    for table in ("documents", "scores", "analyses", "measures", "problems"):
        got = [{k: v for k, v in r.items() if k != "seconds"} for r in _rows(out, table) if r["doc_id"] == doc_id]
        rows[table] = sorted(got, key=repr)
    return rows


def test_debug_dir_draws_every_page_and_changes_no_row(scans_out, tmp_path):
    """``--debug-dir`` in a worker process: per OCR'd page a PNG and a TSV; the TSV's words are
    what OCR read (every score of the hand-written rows on its page); the Parquet rows are the
    rows of the run without it."""
    import csv

    import cv2

    from pipeline import main

    name = "ita-2567-wiangsawan-scan300.pdf"
    out, debug = tmp_path / "out", tmp_path / "debug"
    assert main(["run", str(SAMPLES / "scanned" / name), "--out", str(out), "--debug-dir", str(debug),
                 "--workers", "1", "--quiet", "--no-progress"]) == 0
    folder = debug / "ita-2567-wiangsawan-scan300"
    pages = (1, 2, 3, 4)
    assert sorted(p.name for p in folder.iterdir()) == [f"page-{n:03d}.{x}" for n in pages for x in ("png", "tsv")]
    png = cv2.imread(str(folder / "page-001.png"))
    assert png is not None and png.shape[2] == 3 and png.shape[0] > 3000  # a 300-dpi A4 page, in colour

    to_arabic = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
    words: dict[int, set[str]] = {}
    for n in pages:
        with (folder / f"page-{n:03d}.tsv").open(encoding="utf-8", newline="") as fh:
            rows = list(csv.DictReader(fh, delimiter="\t"))
        assert rows and all(float(r["x0"]) < float(r["x1"]) <= 595.5 and int(r["px_x1"]) <= png.shape[1] for r in rows)
        words[n] = {r["text"].translate(to_arabic) for r in rows}
    expected, _, _ = SCANS[name]
    missing = [(s["page"], s["score"]) for s in expected["scores"] if f"{s['score']:.2f}" not in words[s["page"]]]
    assert not missing, missing

    (doc_id,) = [d["doc_id"] for d in _rows(out, "documents")]
    assert _doc_rows(out, doc_id) == _doc_rows(scans_out, doc_id)
