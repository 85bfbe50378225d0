"""extract/ocr/engine.py: the one protocol every OCR engine keeps, and how Tesseract's outcomes are sorted."""
from __future__ import annotations

import inspect
import types

import numpy as np
import pytest
from tests.conftest import FIXTURES
from tests.ocr_fakes import FakeEngine

from extract.ocr.engine import OcrEngine, OcrWord, Orientation
from extract.ocr.reader import PageOcr, upright_turn
from extract.ocr.tesseract import Engine
from ita_extract.errors import OcrFailed
from ita_extract.settings import Settings
from pipeline import InputFile, process_document, sha256_of

#: The methods the OCR chain calls on an engine (reader, tokens, cells).
CALLED = {"page_words", "read_word", "line_words", "block_words", "orientation"}


def _protocol_methods() -> dict[str, inspect.Signature]:
    return {name: inspect.signature(fn) for name, fn in vars(OcrEngine).items()
            if not name.startswith("_") and callable(fn)}


def test_the_protocol_declares_every_call_the_chain_makes():
    assert set(_protocol_methods()) == CALLED


@pytest.mark.parametrize("engine", [Engine, FakeEngine], ids=lambda c: c.__module__)
def test_engines_keep_the_whole_protocol(engine):
    for name, sig in _protocol_methods().items():
        assert name in vars(engine) or hasattr(engine, name), f"{engine.__name__} lacks {name}"
        assert list(inspect.signature(getattr(engine, name)).parameters) == list(sig.parameters), name


# --- Tesseract's outcomes, through a stand-in tesserocr API -----------------

class _Api:
    """tesserocr's PyTessBaseAPI as far as Engine uses it: answers or raises as told."""

    def __init__(self, osd=None, raises: Exception | None = None) -> None:
        self.osd, self.raises, self.cleared = osd, raises, 0

    def SetVariable(self, k, v):  # noqa: N802 (tesserocr's names)
        return True

    def SetImage(self, image):  # noqa: N802
        pass

    def SetImageBytes(self, data, width, height, bytes_per_pixel, bytes_per_line):  # noqa: N802
        assert len(data) == height * bytes_per_line and bytes_per_line == width * bytes_per_pixel
        self.image = (data, width, height)

    def SetSourceResolution(self, dpi):  # noqa: N802
        pass

    def Recognize(self, timeout=0):  # noqa: N802
        if self.raises:
            raise self.raises
        return True

    def GetUTF8Text(self):  # noqa: N802
        return "ต.ค."

    def MeanTextConf(self):  # noqa: N802
        return 88

    def DetectOrientationScript(self):  # noqa: N802
        if self.raises:
            raise self.raises
        return self.osd

    def Clear(self):  # noqa: N802
        self.cleared += 1


def _engine(api: _Api) -> Engine:
    """An Engine whose tesserocr APIs are the stand-in (no Tesseract needed)."""
    e = object.__new__(Engine)
    e.info = types.SimpleNamespace(tessdata="/nowhere/", languages=("tha", "eng", "osd"))
    e.timeout_ms = 5000
    e._tesserocr = None
    e._api = e._word_api = e._osd_api = api
    return e


GRAY = np.full((60, 80), 255, np.uint8)


def test_orientation_found():
    api = _Api(osd={"orient_deg": 180, "orient_conf": 31.5, "script_name": "Thai", "script_conf": 2.0})
    assert _engine(api).orientation(GRAY, 300) == Orientation(180, 31.5)
    assert api.cleared == 1


def test_orientation_undecided_is_none():
    """tesserocr returns None when Tesseract cannot decide (too little text): 'not sure', no error."""
    assert _engine(_Api(osd=None)).orientation(GRAY, 300) is None


def test_orientation_without_the_osd_model_is_none():
    e = _engine(_Api())
    e._osd_api = None
    e.info = types.SimpleNamespace(tessdata="/nowhere/", languages=("tha", "eng"))
    assert e.orientation(GRAY, 300) is None


@pytest.mark.parametrize("exc", [RuntimeError("Failed to recognize"), ValueError("bad image")])
def test_orientation_failure_is_ocr_failed_not_upright(exc):
    api = _Api(raises=exc)
    with pytest.raises(OcrFailed) as e:
        _engine(api).orientation(GRAY, 300)
    assert e.value.__cause__ is exc and api.cleared == 1


def test_an_error_of_ours_is_not_swallowed():
    """Only tesserocr's failures become OcrFailed; a bug (TypeError) surfaces as it is."""
    with pytest.raises(TypeError):
        _engine(_Api(raises=TypeError("a bug"))).orientation(GRAY, 300)


def test_word_reread_failure_is_ocr_failed():
    with pytest.raises(OcrFailed):
        _engine(_Api(raises=RuntimeError("Failed to recognize"))).read_word(GRAY, 300)
    assert _engine(_Api()).read_word(GRAY, 300) == ("ต.ค.", 88.0)


class _Word:
    """One of Tesseract's "words" (a Thai grapheme) as tesserocr's result iterator shows it."""

    def __init__(self, text, box, conf=90.0, blanks=0, starts=(), line=None):
        self.text, self.box, self.conf, self.blanks, self.starts = text, box, conf, blanks, set(starts)
        self.line = line  # its line's box (Tesseract's row): the same for every word of the line


class _Iterator:
    """tesserocr's result iterator over hand-written words; counts the calls Engine makes."""

    def __init__(self, words):
        self.words, self.i, self.asked = words, 0, []

    def Empty(self, level):  # noqa: N802
        return not self.words

    def Next(self, level):  # noqa: N802
        self.i += 1
        return self.i < len(self.words)

    def GetUTF8Text(self, level):  # noqa: N802
        return self.words[self.i].text

    def BoundingBox(self, level):  # noqa: N802
        return self.words[self.i].line if level == RIL.TEXTLINE else self.words[self.i].box

    def Confidence(self, level):  # noqa: N802
        return self.words[self.i].conf

    def BlanksBeforeWord(self):  # noqa: N802
        return self.words[self.i].blanks

    def IsAtBeginningOf(self, level):  # noqa: N802
        self.asked.append(level)
        return level in self.words[self.i].starts


class _PageApi(_Api):
    """A page read whose words are given; the page's whole text must not be asked for."""

    def __init__(self, words):
        super().__init__()
        self.iterator = _Iterator(words)

    def GetIterator(self):  # noqa: N802
        return self.iterator

    def GetUTF8Text(self):  # noqa: N802
        raise AssertionError("the page's whole text was rendered only to learn whether it is blank")


RIL = types.SimpleNamespace(BLOCK=1, PARA=2, TEXTLINE=3, WORD=4)
LINE_START = (RIL.BLOCK, RIL.PARA, RIL.TEXTLINE)


def _page_engine(api):
    e = _engine(api)
    e._tesserocr = types.SimpleNamespace(RIL=RIL)
    return e


def test_a_blank_page_reads_no_words_without_rendering_its_text():
    api = _PageApi([])
    assert _page_engine(api).page_words(GRAY, 300) == []
    assert api.cleared == 1


L1, L2, L3 = (10, 8, 260, 40), (10, 60, 40, 90), (10, 120, 90, 150)  # the boxes of three lines


def test_page_words_join_graphemes_into_runs_and_number_lines():
    words = [_Word("ตัว", (10, 10, 40, 40), 91, starts=LINE_START, line=L1),
             _Word("ชี้", (40, 8, 60, 40), 80, line=L1), _Word("วัด", (60, 10, 90, 40), 95, line=L1),
             _Word("๑๐๐", (200, 10, 260, 40), 70, blanks=1, line=L1),
             _Word("ข้อ", (10, 60, 40, 90), 88, starts=(RIL.TEXTLINE,), line=L2),
             _Word("คำถาม", (10, 120, 90, 150), 85, starts=(RIL.PARA, RIL.TEXTLINE), line=L3)]
    api = _PageApi(words)
    got = _page_engine(api).page_words(GRAY, 300)
    assert [(w.text, w.x0, w.top, w.x1, w.bottom, w.conf, w.line_key) for w in got] == [
        ("ตัวชี้วัด", 10, 8, 90, 40, 80.0, (1, 1, 1)),
        ("๑๐๐", 200, 10, 260, 40, 70.0, (1, 1, 1)),
        ("ข้อ", 10, 60, 40, 90, 88.0, (1, 1, 2)),
        ("คำถาม", 10, 120, 90, 150, 85.0, (1, 2, 1)),
    ]
    # block and paragraph starts are asked only of a line's first word; a line's start is told by its box
    # (IsAtBeginningOf(TEXTLINE) orders the line's words again for every word: a third of the walk)
    assert api.iterator.asked.count(RIL.BLOCK) == 3 and api.iterator.asked.count(RIL.TEXTLINE) == 0


def test_a_line_begins_where_the_line_box_changes_even_after_a_word_without_text():
    """The first word of a line is the first whose line box differs from the word before it, kept or not:
    a line whose first "word" has no text begins no line at its second (as IsAtBeginningOf told it)."""
    words = [_Word("ก", (10, 10, 40, 40), 90, starts=LINE_START, line=L1),
             _Word("ข", (10, 60, 40, 90), 90, starts=(RIL.TEXTLINE,), line=L2),  # a line of its own
             _Word(" ", (10, 120, 20, 150), 90, starts=(RIL.TEXTLINE,), line=L3),  # no text: skipped
             _Word("ค", (20, 120, 40, 150), 90, blanks=1, line=L3)]  # on the same line as the blank
    got = _page_engine(_PageApi(words)).page_words(GRAY, 300)
    assert [(w.text, w.line_key) for w in got] == [("ก", (1, 1, 1)), ("ข", (1, 1, 2)), ("ค", (1, 1, 2))]


# --- how the chain takes them -----------------------------------------------

LOW = [OcrWord("ตัวชี้วัดที่", 100, 100, 300, 160, 30.0, (1, 1, 1))]  # low confidence: orientation is asked


@pytest.mark.parametrize("found", [None, Orientation(180, 2.0), Orientation(45, 90.0)])
def test_unsure_or_odd_orientation_leaves_the_page_as_it_stands(found):
    class Unsure(FakeEngine):
        def orientation(self, gray, dpi):
            return found

    assert upright_turn(LOW, GRAY, 300, Unsure()) == 0


def test_orientation_failure_fails_the_document(tmp_path):
    class Broken(FakeEngine):
        def orientation(self, gray, dpi):
            raise OcrFailed("Tesseract failed detecting a page's orientation: boom.")

    src = FIXTURES / "scan-only.pdf"
    ocr = PageOcr(5.0, engine_factory=lambda: Broken(words=LOW), reader_factory=lambda e: None)
    result = process_document(InputFile(src, src.name), sha256_of(src),
                              Settings(inputs=(src,), out=tmp_path / "out"), ocr)
    assert result.document.status == "failed"
    assert ("error", "ocr-failed") in {(p.severity, p.code) for p in result.problems}


# --- the real Tesseract ------------------------------------------------------

@pytest.mark.needs_tesseract
def test_tesseract_cannot_tell_a_blank_page():
    engine = Engine()
    try:
        assert engine.orientation(np.full((1200, 900), 255, np.uint8), 300) is None
    finally:
        engine.close()


def test_the_engine_gives_tesseract_the_pixels_as_they_are():
    api = _Api()
    gray = np.arange(60 * 80, dtype=np.uint32).reshape(60, 80).astype(np.uint8)
    _engine(api).read_word(gray[:, ::2], 300)  # a strided view: its pixels, row after row
    assert api.image == (np.ascontiguousarray(gray[:, ::2]).tobytes(), 40, 60)


@pytest.mark.needs_tesseract
def test_tesseract_reads_the_pixels_as_it_read_a_pil_image():
    from PIL import Image, ImageDraw

    img = Image.new("L", (900, 300), 255)
    draw = ImageDraw.Draw(img)
    for k, text in enumerate(("ITA 2568 score 99.38", "o10 E-Service 85.00")):
        draw.text((40, 40 + 120 * k), text, fill=0, font_size=60)
    gray = np.asarray(img)
    engine = Engine()
    try:
        words = engine.page_words(gray, 300)
        api = engine._api
        api.SetImage(img)
        api.SetSourceResolution(300)
        api.Recognize(0)
        by_pil = api.GetUTF8Text()
        api.Clear()
        assert words and " ".join(w.text for w in words).split() == by_pil.split()
    finally:
        engine.close()
