from __future__ import annotations

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
