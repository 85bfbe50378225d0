"""Issue 10: each digital page's text layer is judged; broken ones are repaired
by the dictionary, and those still unreadable go to OCR (or are flagged)."""
from __future__ import annotations

from pathlib import Path

import pytest

from extract.ocr.reader import PageOcr
from tests.ocr_fakes import FakeEngine
from extract.pages import read_pages
from extract.text.pdf import open_pdf
from extract.text.trust import _lines
from ita_extract.settings import Settings

HERE = Path(__file__).resolve().parent
FIXTURES = HERE / "fixtures"
SAMPLES = HERE.parent / "samples"


from tests.fixtures.make_broken_layers import LINES  # noqa: E402


def _read(path: Path, ocr_mode: str = "never", ocr: PageOcr | None = None, repair: bool = True):
    settings = Settings(inputs=(path,), out=path.parent / "out", ocr=ocr_mode, repair_text_layer=repair)
    with open_pdf(path) as pdf:
        return read_pages(pdf, path, settings, ocr)


def _texts(read) -> list[str]:
    from normalize.thai import normalize_text

    return [normalize_text(ln.text) for ln in _lines(read.items)]


@pytest.mark.parametrize("name", ["issue-10-aa-as-am.pdf", "issue-10-replacement.pdf", "issue-10-private-use.pdf"])
def test_broken_layer_repaired(name):
    read = _read(FIXTURES / name)
    assert read.sources == {1: "digital"}
    assert [p.code for p in read.problems] == ["text-layer-repaired"]
    assert _texts(read) == LINES  # the page's own text, written by hand in the generator


@pytest.mark.parametrize("name", ["issue-10-aa-as-am.pdf", "issue-10-replacement.pdf", "issue-10-private-use.pdf"])
def test_without_the_repair_the_text_is_wrong(name):
    """The faults are real: the same pages read without trust and repair differ from the page."""
    read = _read(FIXTURES / name, repair=False)
    assert _texts(read) != LINES


def test_unreadable_layer_flagged_under_ocr_never():
    read = _read(FIXTURES / "issue-10-shuffled.pdf")
    assert read.sources == {1: "digital"}
    assert [p.code for p in read.problems] == ["text-layer-untrusted"]


class _Engine(FakeEngine):
    """A fake OCR engine: the page's words, as Tesseract would give them."""

    def __init__(self):
        super().__init__()
        self.calls = 0

    def page_words(self, gray, dpi):
        from extract.ocr.engine import OcrWord

        self.calls += 1
        return [OcrWord("ตัวชี้วัดที่", 100, 100, 300, 160, 95, (1, 1, 1))]


def test_unreadable_layer_read_by_ocr_under_auto():
    engine = _Engine()
    ocr = PageOcr(5.0, engine_factory=lambda: engine, reader_factory=lambda e: None)
    read = _read(FIXTURES / "issue-10-shuffled.pdf", "auto", ocr)
    assert read.sources == {1: "ocr"}
    assert engine.calls == 1
    assert "text-layer-repaired" not in {p.code for p in read.problems}


SHARED = next((p for p in (HERE.parents[1] / "shared", HERE.parents[2] / "shared", Path("/work/shared"))
               if p.is_dir()), Path("/work/shared"))
SOUND = sorted(SAMPLES.glob("*.pdf")) + [p for p in (SHARED / "dev-corpus" / "A-digital.pdf",
                                                     SHARED / "dev-corpus" / "A-spaced.pdf") if p.exists()]


@pytest.mark.slow
def test_sound_samples_untouched():
    """The digital samples' and the dev corpus' pages are trusted as they are: no repair, no OCR."""
    for pdf in SOUND:
        read = _read(pdf)
        assert set(read.sources.values()) == {"digital"}, pdf.name
        assert not {p.code for p in read.problems} & {"text-layer-repaired", "text-layer-untrusted"}, pdf.name
        assert [ln.text for ln in _lines(read.items)] == [ln.text for ln in _lines(_read(pdf, repair=False).items)]
