"""The OCR path's stages on synthetic images, and its failures through seams.

No Tesseract is needed here: a fake engine stands in for it (the real
engine runs in tests/test_ocr_end_to_end.py).
"""
from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np
import pytest
from tests.conftest import FIXTURES
from tests.ocr_fakes import FakeEngine

import extract.ocr.tesseract
from ita_extract.errors import MissingDependency, OcrFailed
from extract.ocr.reader import PageOcr, words_to_chars
from extract.ocr.scan import deskew, erase_lines, ruling_lines, skew_correction, table_grids
from extract.ocr.engine import OcrTimeout, OcrWord, Orientation
from pipeline import InputFile, main, process_document, sha256_of
from ita_extract.page import PixelBox
from ita_extract.settings import Settings


def table_image(angle: float = 0.0) -> np.ndarray:
    """A 300-dpi page with one bordered 3x3 table whose last column is merged over rows 2-3."""
    img = np.full((1200, 1000), 235, np.uint8)
    x = [100, 400, 600, 900]
    y = [200, 300, 500, 700]
    for yy in y:
        cv2.line(img, (x[0], yy), (x[-1], yy) if yy in (y[0], y[1], y[-1]) else (x[2], yy), 20, 3)
    for xx in x:
        cv2.line(img, (xx, y[0]), (xx, y[-1]), 20, 3)
    cv2.putText(img, "99.38", (420, 420), cv2.FONT_HERSHEY_SIMPLEX, 1.2, 30, 3)
    if angle:
        m = cv2.getRotationMatrix2D((500, 600), angle, 1.0)
        img = cv2.warpAffine(img, m, (1000, 1200), borderValue=235)
    return img


def test_grid_from_ruling_lines_keeps_the_merged_cell():
    (grid,) = table_grids(ruling_lines(table_image()), 300)
    filled = [[b is not None for b in row] for row in grid.rows]
    assert filled == [[True, True, True], [True, True, True], [True, True, False]]
    merged = grid.rows[1][2]
    assert merged[3] - merged[1] > 350  # spans two row bands


@pytest.mark.parametrize("angle", [-3.6, -1.7, -0.6, 0.8, 2.0, 3.3])
def test_skew_is_measured_and_undone(angle):
    img = table_image(angle)
    correction = skew_correction(img)
    assert abs(correction + angle) < 0.15
    (grid,) = table_grids(ruling_lines(deskew(img, correction)), 300)
    assert len(grid.rows) == 3


def test_erase_lines_leaves_text():
    img = table_image()
    clean = erase_lines(img, ruling_lines(img))
    assert clean[300, 250] > 200  # a ruling line is gone
    assert (clean[380:430, 420:560] < 100).any()  # the score is still there


def test_words_share_their_line_band():
    words = [OcrWord("ตัวชี้วัดที่", 100, 100, 300, 160, 90, (1, 1, 1)),
             OcrWord("๑", 310, 130, 320, 150, 60, (1, 1, 1))]  # a lone digit with a tiny box
    a, b = words_to_chars(words, 0.24)
    assert (a.top, a.bottom) == (b.top, b.bottom)
    assert b.ocr and b.conf == 60


def test_pieces_of_one_printed_line_in_a_cell_read_as_one_line():
    """dev seed 178 (S-scan300, page 4): a period cell read alone; Tesseract gave ``- พ.ค.`` as a line of its own
    between ``เม.ย.`` and ``2569``, its band a few pixels higher, and the cell read ``- พ.ค.`` above ``เม.ย. 2569``
    (a wrong period: May 2025 to April 2026). Pieces side by side in one cell share one band; the next cell's line
    beside them, and the cell's next line, keep theirs."""
    from extract.text.layer import text_lines
    from ita_extract.page import Grid

    key = lambda n: (22000 + n, 1, 1)  # noqa: E731
    period = [OcrWord("เม.ย.", 1664, 2982, 1739, 3020, 91, key(1)), OcrWord("2569", 1850, 2982, 1927, 3020, 94, key(1)),
              OcrWord("-", 1745, 2996, 1761, 3000, 93, key(43)), OcrWord("พ.ค.", 1783, 2988, 1836, 3009, 88, key(43)),
              OcrWord("(รายไตรมาส)", 1664, 3040, 1900, 3085, 90, key(2))]
    beside = [OcrWord("ศูนย์", 1961, 2976, 2053, 3022, 91, (43, 1, 1))]
    grid = Grid((1600.0, 2900.0, 2300.0, 3200.0), (((1600.0, 2900.0, 1950.0, 3200.0), (1950.0, 2900.0, 2300.0, 3200.0)),))
    scale = 595.3 / 2480
    chars = words_to_chars(period + beside, scale, [grid])
    cell = [c for c in chars if c.x1 < 1950 * scale]
    assert [ln.text for ln in text_lines(cell)] == ["เม.ย. - พ.ค. 2569", "(รายไตรมาส)"]
    # ... as they were: without the table's cells the pieces keep their own bands
    alone = [c for c in words_to_chars(period + beside, scale) if c.x1 < 1950 * scale]
    assert [ln.text for ln in text_lines(alone)][0] == "- พ.ค."
    # the next cell's word keeps its band
    assert {(c.top, c.bottom) for c in chars if c.text == "ศูนย์"} == {(2976 * scale, 3022 * scale)}


def test_a_rule_broken_in_each_of_its_rows_still_parts_two_rows():
    """dev seed 192 (I-scan300, page 1): a fax-like page, turned straight, left the 3-pixel rule under a header row
    broken in each of its rows at other places; no row ran unbroken as long as a rule must, the header cell and the
    first question's cell were found as one cell, and the indicator's table was skipped (its header lost). A real
    cut of that table's first column: the rows' union is whole, the header and the question stand apart."""
    cut = cv2.imread(str(FIXTURES / "ocr" / "issue-9-fax-broken-rule.png"), cv2.IMREAD_GRAYSCALE)
    # where it stood on its A4 page at 300 dpi: a rule's least length and the turn's resampling are the page's
    page = np.full((3508, 2480), 255, np.uint8)
    page[1360:1360 + cut.shape[0], 265:265 + cut.shape[1]] = cut
    angle = skew_correction(page)
    assert abs(angle + 0.275) < 0.05
    (grid,) = table_grids(ruling_lines(deskew(page, angle)), 300)
    header, question = grid.rows[0][0], grid.rows[1][0]
    assert 1535 <= header[3] < question[1] <= 1560  # the header cell ends at the rule under it (y 1546), not a row lower
    assert 1650 <= question[3] <= 1670


# --- failures, through the engine seam --------------------------------------

def _process(tmp_path: Path, engine: FakeEngine):
    src = FIXTURES / "scan-only.pdf"
    settings = Settings(inputs=(src,), out=tmp_path / "out")
    ocr = PageOcr(5.0, engine_factory=lambda: engine, reader_factory=lambda e: None)
    return process_document(InputFile(src, src.name), sha256_of(src), settings, ocr)


def test_ocr_timeout_is_a_warning_and_the_page_unread(tmp_path):
    result = _process(tmp_path, FakeEngine(OcrTimeout("Tesseract took longer than 5 s on a page.")))
    codes = {p.code for p in result.problems}
    assert "ocr-timeout" in codes
    assert result.document.status == "failed" and "timed out" in result.document.error


def test_ocr_crash_fails_the_document_alone(tmp_path):
    result = _process(tmp_path, FakeEngine(OcrFailed("Tesseract failed on a page: boom.")))
    assert result.document.status == "failed"
    assert "Tesseract failed" in result.document.error
    assert ("error", "ocr-failed") in {(p.severity, p.code) for p in result.problems}


def test_blank_ocr_page_fails_with_a_reason(tmp_path):
    result = _process(tmp_path, FakeEngine(words=[]))
    assert result.document.status == "failed" and "No text was found" in result.document.error


def _no_tesseract(*args, **kwargs):
    raise MissingDependency("OCR needs Tesseract's Thai model (tha.traineddata): install tesseract-ocr-tha.")


@pytest.fixture
def no_tesseract(monkeypatch):
    import ita_extract.batch.executors

    monkeypatch.setattr(extract.ocr.tesseract, "probe", _no_tesseract)
    monkeypatch.setattr(ita_extract.batch.executors, "_OCR", None)  # no engine left from an earlier test


def test_missing_tesseract_stops_an_ocr_always_run(tmp_path, no_tesseract, capsys):
    code = main(["run", str(FIXTURES / "scan-only.pdf"), "--out", str(tmp_path / "o"), "--ocr", "always",
                 "--quiet", "--no-progress"])
    assert code == 4
    assert "tesseract-ocr-tha" in capsys.readouterr().err


def test_missing_tesseract_in_auto_mode_reports_pages(tmp_path, no_tesseract):
    import pyarrow.dataset as ds

    out = tmp_path / "o"
    assert main(["run", str(FIXTURES / "scan-only.pdf"), "--out", str(out), "--quiet", "--no-progress"]) == 3
    problems = ds.dataset(out / "problems", partitioning="hive").to_table().to_pylist()
    needed = [p for p in problems if p["code"] == "ocr-needed"]
    assert needed and "tesseract-ocr-tha" in needed[0]["message"]


# --- second looks at words (extract.ocr.tokens) ---------------------------------

def test_word_image_keeps_to_the_words_own_line():
    """A year under a line of text: Tesseract's box reaches into the line above."""
    from extract.ocr.tokens import word_image

    page = np.full((200, 400), 240, np.uint8)
    cv2.putText(page, "ABCDEFGHIJ", (20, 60), cv2.FONT_HERSHEY_SIMPLEX, 1.2, 20, 3)  # ink ~ rows 35-60
    cv2.putText(page, "2567", (20, 110), cv2.FONT_HERSHEY_SIMPLEX, 1.2, 20, 3)      # ink ~ rows 85-110
    box = OcrWord("๒๕๒๐๓", 20, 52, 110, 112, 44.0, (1, 1, 2))
    crop = word_image(page, box)
    rows = np.flatnonzero((crop < 128).any(axis=1))
    assert crop.shape[0] <= 40  # the year's rows only
    assert rows[-1] - rows[0] >= 20  # the whole year is there


def test_a_number_read_whole_spans_the_ink_it_read_and_its_tail_word_is_the_same_ink():
    """dev seed 154 (S-scan300, page 3): Tesseract split ``๑๐๐.๐๐`` into ``๑๐๐.`` and ``๐๐``; the recognizer
    reads the first word's image, the whole number (its ink runs on), and the cell read ``100.0000``. The re-read
    word's box now spans the ink it read, so the tail word is seen as a second reading of that ink."""
    from extract.numerals.recognizer import GlyphGuess, Reading
    from extract.ocr.score_format import drop_doubles
    from extract.ocr.tokens import NumeralTokenReader

    page = np.full((100, 300), 240, np.uint8)
    for x in (40, 58, 76, 102, 120):  # five digits and, at 94, a point: one number's ink, tightly set
        page[40:60, x:x + 14] = 20
    page[56:60, 94:98] = 20

    class _Numbers:
        def classify_glyphs(self, crop):
            return [GlyphGuess("1", 0.95, PixelBox(0, 0, 1, 1))]

        def read_number(self, crop):
            return Reading("100.00", 0.95, tuple(GlyphGuess(c, 0.95, PixelBox(0, 0, 1, 1)) for c in "100.00"))

    head = OcrWord("๑๐๐.", 40, 38, 99, 62, 80.0, (1, 1, 1))
    tail = OcrWord("00", 102, 38, 134, 62, 95.0, (1, 1, 1), "numerals")  # the tail read alone
    read = NumeralTokenReader(None, _Numbers())(head, page, 300)
    assert read.text == "100.00" and read.x0 <= 40 and read.x1 >= 133
    assert [w.text for w in drop_doubles([read, tail])] == ["100.00"]
    # a number's box that took in nothing beyond itself keeps its own extent
    alone = NumeralTokenReader(None, _Numbers())(OcrWord("๑๐๐.๐๐", 40, 38, 134, 62, 80.0, (1, 1, 1)), page, 300)
    assert (alone.x0, alone.x1) == (40, 134)


class _Glyphs:
    """A stand-in recognizer: every glyph is a non-digit shape or a dot."""

    def classify_glyphs(self, crop):
        from extract.numerals.recognizer import GlyphGuess

        box = PixelBox(0, 0, 1, 1)
        return [GlyphGuess("?", 0.99, box), GlyphGuess(".", 1.0, box), GlyphGuess("?", 0.9, box), GlyphGuess(".", 1.0, box)]


class _ThaiWordEngine(FakeEngine):
    def __init__(self, text):
        super().__init__()
        self.text, self.calls = text, 0

    def read_word(self, gray, dpi):
        self.calls += 1
        return self.text, 88.0


@pytest.mark.parametrize("tesseract_read", ["A.A.", "1.8.", "aA.", "f).8."])  # f) for ก: a bracket too
def test_thai_abbreviation_misread_as_latin_or_digits_is_read_again(tesseract_read):
    from extract.ocr.tokens import NumeralTokenReader

    page = np.full((100, 200), 240, np.uint8)
    page[40:60, 50:120] = 20
    engine = _ThaiWordEngine("ก.ย.")
    word = OcrWord(tesseract_read, 50, 35, 120, 65, 24.0, (1, 1, 1))
    out = NumeralTokenReader(engine, _Glyphs())(word, page, 300)
    assert (out.text, out.conf) == ("ก.ย.", 88.0)


@pytest.mark.parametrize("tesseract_read", ["A.A,", "1.8,", "AL,"])
def test_a_latin_abbreviation_with_a_comma_is_read_again_as_a_month_only(tesseract_read):
    """Issue 9 (dev scans K, M, P at 200 dpi): a comma for the last dot; the re-read is kept only as a month."""
    from extract.ocr.tokens import NumeralTokenReader

    page = np.full((100, 200), 240, np.uint8)
    page[40:60, 50:120] = 20
    word = OcrWord(tesseract_read, 50, 35, 120, 65, 60.0, (1, 1, 1))
    assert NumeralTokenReader(_ThaiWordEngine("ก.ย."), _Glyphs())(word, page, 300).text == "ก.ย."
    assert NumeralTokenReader(_ThaiWordEngine("กอง"), _Glyphs())(word, page, 300).text == tesseract_read


def test_a_latin_month_read_again_with_a_speck_glued_before_it_is_the_month():
    """Issue 9 (dev scan F at 300 dpi): ``A.A.`` (Tesseract sure, 90) read again gives ``ดต.ค.``: the glued
    consonant is dropped and the month's abbreviation taken, however sure the Latin reading was."""
    from extract.ocr.tokens import NumeralTokenReader

    page = np.full((100, 200), 240, np.uint8)
    page[40:60, 50:120] = 20
    word = OcrWord("A.A.", 50, 35, 120, 65, 90.0, (1, 1, 1))
    out = NumeralTokenReader(_ThaiWordEngine("ดต.ค."), _Glyphs())(word, page, 300)
    assert out.text == "ต.ค."


@pytest.mark.parametrize("thai, conf, kept", [("(อ้างอิงจาก", 92.0, True), ("(อ้างอิ่งจาก", 92.0, True),
                                                ("(ประกาศฉบับที่", 92.0, False), ("(อ้างอิงจาก", 55.0, False)])
def test_a_citation_label_read_as_digits_is_read_again_as_thai(thai, conf, kept):
    """dev-corpus A-scan200 p.1: ``(อ้างอิงจาก`` at a line's end read ``(81989970`` (77 %), its code ``๐๑๐)``
    on the next line; the Thai-only re-read is kept when it is a citation's label, as sure as the first reading."""
    from extract.ocr.tokens import NumeralTokenReader

    class _Engine(_ThaiWordEngine):
        def read_word(self, gray, dpi):
            self.calls += 1
            return thai, conf

    page = np.full((200, 400), 240, np.uint8)
    page[40:60, 50:220] = 20
    page[120:140, 50:110] = 20
    words = [OcrWord("หรือ", 10, 35, 45, 65, 93.0, (1, 1, 1)), OcrWord("(81989970", 50, 35, 220, 65, 77.0, (1, 1, 1)),
             OcrWord("010)", 50, 115, 110, 145, 90.0, (1, 1, 2))]
    engine = _Engine("")
    out = NumeralTokenReader(engine, _Glyphs()).in_context(words, page, 200)
    assert engine.calls == 1
    assert out[1].text == (thai if kept else "(81989970")
    # no cited items after it: never read again
    engine2 = _Engine("")
    NumeralTokenReader(engine2, _Glyphs()).in_context(words[:2] + [OcrWord("เพื่อ", 50, 115, 110, 145, 90.0, (1, 1, 2))],
                                                      page, 200)
    assert engine2.calls == 0


def test_low_confidence_word_is_read_again_before_the_noise_filter():
    """Tesseract gave 'aA.' (24 %) for ม.ค.; specks at low confidence still go."""
    from extract.ocr.reader import ocr_page
    from extract.ocr.raster import PageImage

    words = [OcrWord("aA.", 100, 100, 180, 140, 24.0, (1, 1, 1)),
             OcrWord("wv", 300, 300, 320, 320, 20.0, (1, 1, 2)),
             OcrWord("มี.ค.", 200, 100, 280, 140, 91.0, (1, 1, 1))]

    def reader(w, page, dpi):
        return OcrWord("ม.ค.", w.x0, w.top, w.x1, w.bottom, 88.0, w.line_key) if w.text == "aA." else w

    img = PageImage(np.full((800, 600), 240, np.uint8), 300.0, True)
    res = ocr_page(1, 144, 192, img, FakeEngine(words=words), reader)
    assert [w.text for w in res.words] == ["ม.ค.", "มี.ค."]


def test_turned_page_is_read_again_upright_and_flagged(tmp_path):
    """Low confidence everywhere → orientation asked → the page read again, turned; a warning says so."""
    class TurnedEngine(FakeEngine):
        def __init__(self):
            super().__init__()
            self.shapes = []

        def page_words(self, gray, dpi):
            self.shapes.append(gray.shape)
            conf = 30.0 if len(self.shapes) == 1 else 90.0
            return [OcrWord("ตัวชี้วัดที่", 100, 100, 300, 160, conf, (1, 1, 1))]

        def orientation(self, gray, dpi):
            return Orientation(180, 40.0)

    engine = TurnedEngine()
    src = FIXTURES / "scan-only.pdf"
    settings = Settings(inputs=(src,), out=tmp_path / "out")
    ocr = PageOcr(5.0, engine_factory=lambda: engine, reader_factory=lambda e: None)
    result = process_document(InputFile(src, src.name), sha256_of(src), settings, ocr)
    assert len(engine.shapes) == 2
    assert [p.code for p in result.problems if p.code == "page-turned"] == ["page-turned"]


def test_confident_page_is_not_checked_for_orientation():
    from extract.ocr.reader import upright_turn

    class Never(FakeEngine):
        def orientation(self, gray, dpi):
            raise AssertionError("not asked")

    words = [OcrWord("ตัวชี้วัดที่", 100, 100, 300, 160, 91.0, (1, 1, 1))]
    assert upright_turn(words, np.zeros((10, 10), np.uint8), 300, Never()) == 0


class _SureThaiWordEngine(FakeEngine):
    """The Thai-only re-read of a word, at a fixed confidence (issue 9: a Latin misreading read surer)."""

    def __init__(self, text, conf):
        super().__init__()
        self.text, self.conf = text, conf

    def read_word(self, gray, dpi):
        return self.text, self.conf


@pytest.mark.parametrize("thai, conf, want", [
    ("ตค.", 70.0, "ตค."),  # a month's abbreviation: taken though Tesseract was surer of "A.A." (90)
    ("ต.ค.", 49.0, "A.A."),  # ... but not below MONTH_MIN
    ("ตก.", 70.0, "A.A."),  # a Thai word that is no month: the sure Latin reading stays
])
def test_month_abbreviation_read_again_is_taken_over_a_sure_latin_misreading(thai, conf, want):
    from extract.ocr.tokens import NumeralTokenReader

    page = np.full((100, 200), 240, np.uint8)
    page[40:60, 50:120] = 20
    word = OcrWord("A.A.", 50, 35, 120, 65, 90.0, (1, 1, 1))
    out = NumeralTokenReader(_SureThaiWordEngine(thai, conf), _Glyphs())(word, page, 300)
    assert out.text == want


def test_components_labels_in_16_bits_and_falls_back_to_32():
    """The table finder's components: the same count, labels and stats as OpenCV's 32-bit labelling,
    also when a mask has more components than 16 bits can number."""
    from extract.ocr.scan import components

    rng = np.random.default_rng(0)
    few = ((rng.random((300, 400)) < 0.3) * 255).astype(np.uint8)
    many = np.zeros((600, 600), np.uint8)
    many[::2, ::2] = 255  # 90,000 single pixels
    for mask in (few, many):
        n, labels, stats = components(mask, 8)
        n32, labels32, stats32, _ = cv2.connectedComponentsWithStats(mask, connectivity=8)
        assert n == n32 and np.array_equal(labels.astype(np.int32), labels32) and np.array_equal(stats, stats32)
    assert components(few, 8)[1].dtype == np.uint16 and components(many, 8)[1].dtype == np.int32


def test_lines_far_lower_than_the_pages_words_are_specks():
    """A stamp's strokes Tesseract read as a line of text (``12 @ »``) stand at a fifth of the page's
    words; printed text, Thai letters without marks, scores and a lone dash stay."""
    from extract.ocr.engine import OcrWord
    from extract.ocr.reader import without_speck_lines

    def w(text, h, line):
        return OcrWord(text, 0, 100, 60, 100 + h, 60.0, (1, 1, line))
    text = [w(t, h, n) for n in range(10, 30) for t, h in (("สาเหตุเกิดจาก", 50), ("ผู้มีส่วนได้ส่วนเสีย", 52), ("ข้อมูล", 48))]
    page = text + [w("ผล", 23, 3), w("คะแนน", 23, 3), w("99.68", 16, 4), w("-", 4, 5)]
    specks = [w("12", 10, 6), w("@", 13, 6), w("»", 11, 6), w("<a", 11, 7), w("vio", 11, 7)]
    code = [OcrWord("010", 0, 100, 60, 115, 92.0, (1, 1, 8)), OcrWord("E-Service", 70, 100, 180, 122, 49.0, (1, 1, 8))]
    period = [OcrWord("-", 0, 200, 8, 202, 90.0, (1, 1, 9)), OcrWord("30", 12, 190, 30, 206, 93.0, (1, 1, 9)),
              OcrWord("ก.ย.", 36, 190, 60, 205, 91.0, (1, 1, 9))]
    kept = [x.text for x in without_speck_lines(page + specks + code + period)]
    assert kept == [x.text for x in page] + ["010", "E-Service", "-", "30", "ก.ย."]  # read surely: text


def test_marks_above_a_line_are_specks_on_a_page_of_tables_too():
    """dev seed 252 (U-scan300): the marks above a tightly set line (``ั ิ ี`` of ``เผยแพร่แนวปฏิบัติ``) made a line
    of their own, read ``8 & Awa 2 4 a a`` at 9-18 px. The page, a table of codes and scores, had more low words
    than Thai words, so their median (26 px) let the marks pass for text, and they stood between ``(อ้างอิง`` and
    ``จาก ๐๔๑)``: the reference was lost. The page's Thai words (57 px) are the measure."""
    from extract.ocr.engine import OcrWord
    from extract.ocr.reader import without_speck_lines

    def w(text, h, line, conf=60.0):
        return OcrWord(text, 0, 100, 60, 100 + h, conf, (1, 1, line))
    text = [w("ให้สาธารณชนทราบ", 57, n) for n in range(10, 20)]
    table = [w(t, h, n, 95.0) for n in range(30, 60) for t, h in (("i12", 25), ("100.00", 26))]
    marks = [w(t, h, 5, c) for t, h, c in (("8", 10, 53), ("&", 18, 78), ("Awa", 11, 61), ("2", 9, 50),
                                            ("4", 18, 55), ("a", 10, 65), ("a", 8, 95))]
    assert without_speck_lines(text + table + marks) == text + table
    # a speck read surely as a lone Latin letter or digit is no text either (dev seed 262)
    assert without_speck_lines(text + table + [w("8", 18, 8, 92.0), w("a", 17, 8, 95.0)]) == text + table


def test_a_line_of_ink_the_page_read_left_without_words_is_read_again_alone():
    """A heading beside a stamp: Tesseract's layout analysis read none of it. Glyph-sized ink in a row,
    outside the tables and clear of every word, is read again as one line, where it stands."""
    from extract.ocr.bands import reread_blank_lines
    from extract.ocr.engine import OcrWord
    from tests.ocr_fakes import FakeEngine

    img = np.full((600, 1400), 255, np.uint8)
    for k in range(16):
        img[300:330, 100 + 40 * k: 120 + 40 * k] = 0  # the lost line: sixteen glyphs
    cv2.circle(img, (1150, 320), 120, 0, 6)  # the stamp's ring: no glyph
    img[500:504, 100:140] = 0  # a dash: one blob
    page = [OcrWord("หน่วยงาน", 100, 50 + 60 * i, 400, 100 + 60 * i, 90.0, (1, 1, i + 1)) for i in range(3)]

    class Lines(FakeEngine):
        def __init__(self):
            super().__init__()
            self.crops = []

        def line_words(self, gray, dpi):
            self.crops.append(gray.shape)
            return [OcrWord("ตัวชี้วัดที่", 5, 10, 120, 40, 93.0, (1, 1, 1))]

    engine = Lines()
    out = reread_blank_lines(page, [], img, 300.0, engine)
    assert len(engine.crops) == 1
    new = out[len(page):]
    assert [(w.text, w.source) for w in new] == [("ตัวชี้วัดที่", "line")]
    assert 280 <= new[0].top <= 320 and new[0].x0 >= 60  # placed where the line stands on the page
    # a page whose lines all have words is not read again
    assert reread_blank_lines(page, [], np.full((600, 1400), 255, np.uint8), 300.0, engine) == page
    assert len(engine.crops) == 1


def test_a_heading_row_inside_a_table_read_as_noise_beside_a_stamp_is_read_again():
    """dev seed 146 (K-scan300, page 6): ``ตัวชี้วัดที่ ๗ : ประสิทธิภาพการสื่อสาร``, a row across a measures
    table, a stamp over its start: Tesseract read ``[ตัวขัวัดที่`` and, for the rest, ``Fee`` ``SESE`` unsure
    (noise, dropped later), so indicator 7's measures joined indicator 6. A table's row that is one cell across
    is no cell's text, and words that are noise cover no ink: the rest of the heading is read again as a line."""
    from extract.ocr.bands import blank_lines, reread_blank_lines
    from extract.ocr.engine import OcrWord
    from ita_extract.page import Grid
    from tests.ocr_fakes import FakeEngine

    img = np.full((600, 1400), 255, np.uint8)
    for k in range(16):
        img[130:160, 300 + 40 * k: 320 + 40 * k] = 0  # the heading's lost part: sixteen glyphs
    for k in range(16):
        img[230:260, 300 + 40 * k: 320 + 40 * k] = 0  # a body row's text, read as nothing: a cell's business
    grid = Grid(bbox=(50.0, 100.0, 1350.0, 400.0),
                rows=(((50.0, 100.0, 1350.0, 190.0),), ((50.0, 190.0, 700.0, 400.0), (700.0, 190.0, 1350.0, 400.0))))
    label = OcrWord("[ตัวขัวัดที่", 60, 125, 280, 165, 66.0, (1, 1, 1))
    noise = [OcrWord("Fee", 300, 120, 600, 165, 20.0, (1, 1, 1)), OcrWord("SESE", 620, 120, 940, 165, 15.0, (1, 1, 1))]
    page = [label] + noise + [OcrWord("หน่วยงาน", 100, 450 + 40 * i, 400, 480 + 40 * i, 90.0, (2, 1, i)) for i in range(3)]

    class Lines(FakeEngine):
        def line_words(self, gray, dpi):
            return [OcrWord("๗ : ประสิทธิภาพการสื่อสาร", 5, 10, 600, 40, 91.0, (1, 1, 1))]

    assert blank_lines(page, [grid], img) == []  # the noise words cover it
    out = reread_blank_lines(page, [grid], img, 300.0, Lines(), covers=lambda w: w.conf >= 45.0)
    new = out[len(page):]
    assert [w.text for w in new] == ["๗ : ประสิทธิภาพการสื่อสาร"]
    assert 100 <= new[0].top <= 160  # the heading row's line, not the body row's


def test_a_table_cell_with_ink_and_no_word_is_read_again_alone():
    """dev seed 154 (S-scan300, page 6): a period cell beside a stamp came out of the page read without a word.
    An inked cell with no word (noise aside) outside the score columns is read alone; what that read gives is
    kept only when it is text (a letter read off a stamp's ring is not), placed where the cell stands."""
    from extract.ocr.blank_cells import reread_blank_cells
    from extract.ocr.engine import OcrWord
    from ita_extract.page import Grid
    from tests.ocr_fakes import FakeEngine

    img = np.full((300, 900), 255, np.uint8)
    img[40:70, 620:760] = 0  # the period cell's ink (row 1)
    img[140:170, 620:640] = 0  # row 2: a stamp's speck of ink in the period cell
    grid = Grid(bbox=(0.0, 0.0, 900.0, 200.0),
                rows=(((0.0, 0.0, 600.0, 100.0), (600.0, 0.0, 900.0, 100.0)),
                      ((0.0, 100.0, 600.0, 200.0), (600.0, 100.0, 900.0, 200.0))))
    words = [OcrWord("มาตรการ", 20, 30, 200, 70, 92.0, (1, 1, 1)), OcrWord("Fee", 610, 130, 650, 175, 12.0, (1, 2, 1)),
             OcrWord("เผยแพร่", 20, 130, 200, 170, 92.0, (1, 2, 2))]

    class Cells(FakeEngine):
        def __init__(self):
            super().__init__()
            self.shapes = []

        def page_words(self, gray, dpi):
            self.shapes.append(gray.shape)
            if len(self.shapes) == 1:
                return [OcrWord("ต.ค.", 10, 30, 60, 60, 90.0, (1, 1, 1)), OcrWord("๒๕๖๖", 70, 30, 130, 60, 88.0, (1, 1, 1))]
            return [OcrWord("อ", 5, 30, 20, 60, 86.0, (1, 1, 1))]

    engine = Cells()
    out, page = reread_blank_cells(words, [grid], img, 300.0, engine, covers=lambda w: w.conf >= 45.0)
    assert page is img  # no cell was read without its light ink
    # both period cells (the noise word covers nothing); the stamp's speck, which gives no text, once more without its light ink
    assert len(engine.shapes) == 3
    new = out[len(words):]
    assert [(w.text, w.source) for w in new] == [("ต.ค.", "table"), ("๒๕๖๖", "table")]
    assert all(600 <= w.x0 and w.bottom <= 100 for w in new)
    # a table read again whole is not read again cell by cell
    assert reread_blank_cells(words, [grid], img, 300.0, Cells(), skip=[grid])[0] == words


def test_a_blank_cell_whose_layout_analysis_finds_no_text_is_read_as_a_block():
    """dev seed 123 (M-scan300, page 8): a responsible unit ``สำนักปลัด`` alone in a tall cell, and the letter-spaced
    labels of a header row, came out of the page read without a word, and Tesseract's layout analysis found no
    text in the cell's crop either, as it stands or without light ink. Read as one block of text, it is read."""
    from extract.ocr.blank_cells import reread_blank_cells
    from ita_extract.page import Grid
    from tests.ocr_fakes import FakeEngine

    img = np.full((300, 900), 255, np.uint8)
    img[40:70, 620:760] = 0  # the unit's ink
    grid = Grid(bbox=(0.0, 0.0, 900.0, 100.0), rows=(((0.0, 0.0, 600.0, 100.0), (600.0, 0.0, 900.0, 100.0)),))
    words = [OcrWord("มาตรการ", 20, 30, 200, 70, 92.0, (1, 1, 1))]

    class Blocks(FakeEngine):
        def __init__(self, block):
            super().__init__()
            self.block = block

        def block_words(self, gray, dpi):
            return [OcrWord(self.block, 10, 30, 150, 60, 92.0, (1, 1, 1))]

    out, _ = reread_blank_cells(words, [grid], img, 300.0, Blocks("สำนักปลัด"), covers=lambda w: w.conf >= 45.0)
    assert [(w.text, w.source) for w in out[len(words):]] == [("สำนักปลัด", "table")]
    assert out[-1].x0 >= 600
    # a block read of a stamp's ring that gives no text adds nothing
    out, _ = reread_blank_cells(words, [grid], img, 300.0, Blocks("อ"), covers=lambda w: w.conf >= 45.0)
    assert out == words


def test_an_unsure_numeral_reread_leaves_tesseracts_word_instead_of_dropping_it():
    """dev seed 141 (F-scan300, page 6): the year ``๒๕๖๙`` of ``ปีงบประมาณ พ.ศ. ๒๕๖๙``, which Tesseract read
    ``๒๕๒๓๕`` at 70 %, was read ``569`` at 31 % by the numeral recognizer and then dropped as a speck: the
    period had no year. An unsure re-read leaves Tesseract's word for the readers after it; a sure one stands."""
    from extract.ocr.raster import PageImage
    from extract.ocr.reader import ocr_page

    page = [OcrWord("ปีงบประมาณ", 100, 100, 400, 150, 92.0, (1, 1, 1)), OcrWord("พ.ศ.", 420, 100, 500, 150, 90.0, (1, 1, 1)),
            OcrWord("๒๕๒๓๕", 520, 100, 640, 150, 70.0, (1, 1, 1)), OcrWord("๑๐๐", 100, 300, 200, 350, 80.0, (1, 2, 1))]

    def reader(w, image, dpi):
        return OcrWord("569" if w.text == "๒๕๒๓๕" else "100", w.x0, w.top, w.x1, w.bottom,
                       31.0 if w.text == "๒๕๒๓๕" else 95.0, w.line_key, "numerals")

    img = PageImage(np.full((1200, 900), 255, np.uint8), 300.0, False)
    words = [w.text for w in ocr_page(1, 216.0, 288.0, img, FakeEngine(words=page), reader).words]
    assert "๒๕๒๓๕" in words and "569" not in words
    assert "100" in words and "๑๐๐" not in words
