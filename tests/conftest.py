"""Shared fixtures, and the test tiers (markers declared in pyproject.toml).

* ``slow``: takes more than a few seconds (OCR end to end, batches, Dask, the
  notebook, the browser); ``make test-fast`` (``pytest -m "not slow"``) leaves them out.
* ``needs_tesseract``: runs the real Tesseract; skipped, with the reason, when
  Tesseract or its ``tha`` model is missing (:func:`pytest_collection_modifyitems`).
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

SAMPLES = ROOT / "samples"
EXPECTED = ROOT / "tests" / "expected"
FIXTURES = ROOT / "tests" / "fixtures"


def replicas(folder: Path, copies: int) -> Path:
    """Distinct documents (bytes differ, so doc_id differs) from the digital samples."""
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(copies):
        for pdf in sorted(SAMPLES.glob("*.pdf")):
            (folder / f"{pdf.stem}-{i:03d}.pdf").write_bytes(pdf.read_bytes() + f"\n%replica {i}\n".encode())
    return folder


@pytest.fixture(scope="session")
def sample_pdfs() -> list[Path]:
    pdfs = sorted(SAMPLES.glob("*.pdf"))  # the digital samples (scans live in samples/scanned/)
    assert pdfs, "samples/*.pdf are missing"
    return pdfs


@pytest.fixture(scope="session")
def samples_out(tmp_path_factory) -> Path:
    """One run of the whole pipeline over the digital samples (shared by the end-to-end tests)."""
    from pipeline import main

    out = tmp_path_factory.mktemp("out")
    digital = [str(p) for p in sorted(SAMPLES.glob("*.pdf"))]
    code = main(["run", *digital, "--out", str(out), "--quiet", "--no-progress"])
    assert code == 0, f"ita-extract run exited {code} on the samples"
    return out


@pytest.fixture(scope="session")
def analyst_out(tmp_path_factory) -> Path:
    """The digital samples and two bad files (encrypted, not an ITA report): what analysts read.

    The failed documents put rows in the ``fiscal_year=0`` partition, the case readers trip on.
    """
    from pipeline import main

    inputs = tmp_path_factory.mktemp("analyst-in")
    for pdf in sorted(SAMPLES.glob("*.pdf")):
        (inputs / pdf.name).write_bytes(pdf.read_bytes())
    for bad in ("encrypted.pdf", "not-ita.pdf"):
        (inputs / bad).write_bytes((FIXTURES / bad).read_bytes())
    out = tmp_path_factory.mktemp("analyst") / "out"
    code = main(["run", str(inputs), "--out", str(out), "--quiet", "--no-progress"])
    assert code == 3, f"ita-extract run exited {code}; two documents should have failed"
    return out


# --- tiers ------------------------------------------------------------------

@lru_cache(maxsize=1)
def tesseract_missing() -> str | None:
    """Why the real Tesseract cannot run here, or ``None``: the pipeline's own check
    (:func:`extract.ocr.tesseract.probe`: tesserocr, the tessdata folder, the ``tha`` model).

    The pipeline reads through libtesseract in process (tesserocr), never the
    ``tesseract`` command, so the command on ``PATH`` is no condition.
    """
    from extract.ocr.tesseract import probe
    from ita_extract.errors import MissingDependency

    try:
        probe()
    except MissingDependency as exc:
        return str(exc)
    return None


def pytest_collection_modifyitems(config, items):
    """Tests marked ``needs_tesseract`` are skipped, saying why, where Tesseract is missing."""
    needing = [item for item in items if item.get_closest_marker("needs_tesseract")]
    why = tesseract_missing() if needing else None
    if why:
        skip = pytest.mark.skip(reason=f"needs Tesseract with its tha model: {why}")
        for item in needing:
            item.add_marker(skip)
