"""benchmarks/corpus/scan.py: image-only scans of a digital report, deterministic per seed."""
from __future__ import annotations

import numpy as np
import pytest
from tests.conftest import SAMPLES

pytestmark = pytest.mark.slow

scan = pytest.importorskip("benchmarks.corpus.scan")
pdfium = pytest.importorskip("pypdfium2")


@pytest.fixture(scope="module")
def two_pages(tmp_path_factory):
    """The first two pages of a digital sample (a table page and its back page)."""
    src = pdfium.PdfDocument(str(SAMPLES / "ita-2568-nongkabu.pdf"))
    out = pdfium.PdfDocument.new()
    out.import_pages(src, [0, 1])
    path = tmp_path_factory.mktemp("src") / "B.pdf"
    out.save(str(path))
    return path


def _pages(path):
    doc = pdfium.PdfDocument(str(path))
    try:
        return [(doc[i].get_size(), doc[i].get_textpage().get_text_range()) for i in range(len(doc))]
    finally:
        doc.close()


@pytest.mark.parametrize("variant", ["scan150", "phone"])
def test_scan_is_image_only_same_pages_and_deterministic(two_pages, tmp_path, variant):
    a = scan.make_scan(two_pages, tmp_path / "a" / scan.scan_name(two_pages, variant), variant, seed=3)
    b = scan.make_scan(two_pages, tmp_path / "b" / scan.scan_name(two_pages, variant), variant, seed=3)
    c = scan.make_scan(two_pages, tmp_path / "c" / scan.scan_name(two_pages, variant), variant, seed=4)
    assert a.name == f"B-{variant}.pdf"  # score.py reads the document and the variant from the name
    assert a.read_bytes() == b.read_bytes()
    assert a.read_bytes() != c.read_bytes()
    pages, source = _pages(a), _pages(two_pages)
    assert [v for p in pages for v in p[0]] == pytest.approx([v for p in source for v in p[0]])
    assert all(text.strip() == "" for _, text in pages)  # no text layer
    assert any(text.strip() for _, text in source)


def test_scanned_page_carries_the_damage(two_pages):
    """Tilt, tone and grain: the scan differs from the clean rendering beyond a shift of levels."""
    doc = pdfium.PdfDocument(str(two_pages))
    clean = scan.render_page(doc[0], 150)
    back = scan.render_page(doc[1], 150)
    doc.close()
    rng = np.random.default_rng(1)
    data, kind = scan.scan_page(scan.PageImages(clean, back), 150, rng, last=True)
    from io import BytesIO

    from PIL import Image

    img = np.asarray(Image.open(BytesIO(data)).convert("L"), np.float32)
    assert img.shape == clean.shape
    paper = np.median(img)
    assert paper < 253  # paper tone, never pure white
    assert np.mean(img != np.asarray(np.round(255 * (1 - clean)))) > 0.5  # tilted, toned, grainy: no pixel kept
    assert np.percentile(img, 0.5) < paper - 100  # the text is still there, dark on the paper


def test_stamp_and_signature_are_marks_of_ink():
    rng = np.random.default_rng(0)
    stamp = scan.stamp_mask(rng, 200)
    sig = scan.signature_mask(rng, 300, 100, 3.0)
    assert stamp.shape == (200, 200) and 0 < stamp.mean() < 0.5 and stamp.max() > 0.4
    assert sig.shape == (100, 300) and 0 < sig.mean() < 0.3
