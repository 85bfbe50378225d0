"""Time per scanned page (issue #9): the work skipped or reshaped gives the same results as before.

Each shortcut here is exact: a cheap test that proves the skipped work could not
change the outcome, or the same arithmetic done in another order of memory.
No wall-clock assertions: the work done is counted instead.
"""
from __future__ import annotations

import itertools
import random

import cv2
import numpy as np
import pytest

import extract.ocr.text_fixes as tf
import normalize.repair as rp
from extract.ocr.text_fixes import COMPOUND_MIN_FREQUENCY, join_lost_compounds
from normalize.lexicon import _frequencies
from normalize.repair import Faults, repair_chunk
from normalize.thai import _dictionary


def _join_spelled_out(toks: list[str]) -> list[str]:
    """:func:`join_lost_compounds` as it was: every neighbours' variants spelled out and looked up."""
    words, freq = _dictionary(), _frequencies()
    out = list(toks)
    i = 0
    while i + 1 < len(out):
        for span in (3, 2):
            joined = "".join(out[i:i + span])
            if i + span > len(out) or not tf._RE_THAI_WORD.fullmatch(joined) or joined in words:
                continue
            found = [c for c in tf._misread_variants(joined, tf.COMPOUND_LOST_TONES)
                     if c in words and freq.get(c, 0) >= COMPOUND_MIN_FREQUENCY]
            if found:
                out[i:i + span] = [max(found, key=lambda c: freq.get(c, 0))]
                break
        i += 1
    return out


def test_neighbours_no_common_word_can_come_from_are_not_spelled_out(monkeypatch):
    def spelled(*_a, **_k):
        raise AssertionError("variants spelled out for words no compound can come from")

    monkeypatch.setattr(tf, "_misread_variants", spelled)
    assert join_lost_compounds(["กบ", "ขด", "ฉม"]) == ["กบ", "ขด", "ฉม"]


def test_compounds_that_lost_tone_marks_are_still_joined():
    assert join_lost_compounds(["การ", "มี", "สวน", "รวม"]) == ["การ", "มี", "ส่วนร่วม"]
    assert join_lost_compounds(["ขัน", "ตอน"]) == ["ขั้นตอน"]
    assert join_lost_compounds(["ไห", "กับ"]) == _join_spelled_out(["ไห", "กับ"])


def test_joining_gives_what_spelling_out_every_variant_gives():
    rng = random.Random(9)
    freq = _frequencies()
    common = sorted(w for w in _dictionary() if freq.get(w, 0) >= 2000 and len(w) <= 6)
    bare = str.maketrans({t: None for t in "\u0e48\u0e49\u0e47"})
    for _ in range(300):
        toks = [rng.choice(common) for _ in range(rng.randint(2, 4))]
        toks = [t.translate(bare) if rng.random() < 0.6 else t for t in toks]
        toks = [t.replace("\u0e43", "\u0e44") if rng.random() < 0.3 else t for t in toks]
        assert join_lost_compounds(toks) == _join_spelled_out(toks), toks


def _counted_fits(monkeypatch) -> list:
    """The spans :meth:`normalize.repair._Reader.fit` is asked to fit from now on (a list that fills)."""
    fits = []
    fit = rp._Reader.fit

    def counted(self, *a, **k):
        fits.append(a[:2])
        return fit(self, *a, **k)

    monkeypatch.setattr(rp._Reader, "fit", counted)
    return fits


@pytest.mark.parametrize("chunk", ["ผู้รับบริการบางสวนเหนว่า", "ดำเนนการตรวจสอบอย่างสมำเสมอ", "ประเมนิ"])
def test_words_that_cannot_beat_the_best_reading_of_their_span_are_not_fitted(monkeypatch, chunk):
    faults = Faults(unread=True)
    expected = repair_chunk(chunk, faults)
    fits = _counted_fits(monkeypatch)
    assert repair_chunk(chunk, faults) == expected
    # every dictionary word whose skeleton matches a span starting where a reading ends
    units = rp._Reader(chunk, faults).units
    skel = "".join(rp.skeleton_char(u.base) for u in units)
    lex = rp.lexicon()
    candidates = sum(len(lex.get(skel[i:j], ())) for i in range(len(units))
                     for j in range(i + 1, min(len(units), i + rp.MAX_WORD) + 1))
    assert 0 < len(fits) < candidates


def _scan_misreads(rng: random.Random, n: int) -> list[str]:
    """Runs of two or three common words as a scan misreads them: a letter read for one of like shape, a mark
    lost, ``ำ`` read as ``า``."""
    from normalize.thaichars import CONSONANT_LOOKALIKES

    freq = _frequencies()
    common = sorted(w for w in _dictionary() if freq.get(w, 0) >= 500 and 2 <= len(w) <= 8)
    out = []
    for _ in range(n):
        run = "".join(rng.choice(common) for _ in range(rng.randint(2, 3)))
        chars = list(run)
        for k, c in enumerate(chars):
            if c in CONSONANT_LOOKALIKES and rng.random() < 0.25:
                chars[k] = rng.choice(CONSONANT_LOOKALIKES[c])
            elif c in "\u0e48\u0e49\u0e34\u0e35" and rng.random() < 0.2:
                chars[k] = ""
            elif c == "\u0e33" and rng.random() < 0.3:
                chars[k] = "\u0e32"
        out.append("".join(chars))
    return out


def test_words_whose_letters_of_like_shape_alone_cost_more_than_the_best_reading_are_not_fitted(monkeypatch):
    """A scan's text is read through letters of like shape (``Faults.lookalikes``): each one costs
    ``LOOKALIKE_COST``, so a word needing more of them than the best reading of its span can bear is passed over
    before its marks are fitted; the readings are those of every word fitted."""
    faults = Faults(unread=True, lookalikes=True)
    chunks = _scan_misreads(random.Random(54), 150)
    fits = _counted_fits(monkeypatch)
    floored = [repair_chunk(c, faults) for c in chunks]
    with_floor = len(fits)
    monkeypatch.setattr(rp, "_lookalike_floor", lambda read, wbases: 0.0)
    fits.clear()
    assert [repair_chunk(c, faults) for c in chunks] == floored
    assert with_floor < len(fits) / 2
    assert sum(a != b for a, b in zip(chunks, floored)) > 50  # the runs were repaired, not left as they were


def test_a_map_turned_block_by_block_is_the_map_turned_whole():
    from extract.ocr.scan import _affine_map

    rng = np.random.default_rng(3)
    h, w = 301, 257
    map_x = (rng.random((h + 5, w + 7), dtype=np.float32) * w)[:h, :w]  # views, as unbend slices them
    map_y = (rng.random((h + 5, w + 7), dtype=np.float32) * h)[:h, :w]
    for angle in (-1.7, 0.45, 3.9):
        m = cv2.invertAffineTransform(cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0))
        whole_x = (m[0, 0] * map_x + m[0, 1] * map_y + m[0, 2]).astype(np.float32)
        whole_y = (m[1, 0] * map_x + m[1, 1] * map_y + m[1, 2]).astype(np.float32)
        out_x, out_y = _affine_map(map_x, map_y, m)
        assert out_x.dtype == out_y.dtype == np.float32
        assert np.array_equal(out_x, whole_x) and np.array_equal(out_y, whole_y)


def _huge_page_advice():
    """NumPy's switch for advising huge pages (``madvise``) for large new arrays, or ``None`` where it has none."""
    import importlib

    for core in ("numpy._core.multiarray", "numpy.core.multiarray"):
        try:
            module = importlib.import_module(core)
        except ImportError:
            continue
        if hasattr(module, "_set_madvise_hugepage"):
            return module
    return None


def test_a_process_that_reads_pages_asks_numpy_for_no_huge_pages():
    from extract.ocr.raster import without_huge_pages
    from extract.ocr.reader import PageOcr
    from tests.ocr_fakes import FakeEngine

    advice = _huge_page_advice()
    if advice is None:
        pytest.skip("this NumPy has no switch for huge-page advice")
    before = advice._set_madvise_hugepage(True)
    try:
        PageOcr(5.0, engine_factory=FakeEngine, reader_factory=lambda e: None)._make()
        assert advice._get_madvise_hugepage() is False
        assert without_huge_pages() is False  # it was off already
        # the same arrays either way: the advice changes where memory comes from, never a value
        img = np.arange(3000 * 2000, dtype=np.float32).reshape(3000, 2000)
        off = cv2.resize(img, (1000, 1500), interpolation=cv2.INTER_AREA)
        advice._set_madvise_hugepage(True)
        assert np.array_equal(off, cv2.resize(img, (1000, 1500), interpolation=cv2.INTER_AREA))
    finally:
        advice._set_madvise_hugepage(before)


def test_blank_lines_label_the_page_in_16_bits(monkeypatch):
    import extract.ocr.bands as bands
    from extract.ocr.engine import OcrWord

    img = np.full((300, 1200), 255, np.uint8)
    for k in range(14):
        img[100:130, 100 + 40 * k:120 + 40 * k] = 0  # fourteen glyphs in a row, nobody's words
    page = [OcrWord("หน่วยงาน", 100, 200, 300, 250, 90.0, (1, 1, 1))] * 5
    expected = bands.blank_lines(page, [], img)

    def in_32_bits(*_a, **_k):
        raise AssertionError("a page's ink labelled in 32 bits")

    monkeypatch.setattr(cv2, "connectedComponentsWithStats", in_32_bits)
    assert bands.blank_lines(page, [], img) == expected
    assert [(b.x0, b.x1, b.glyphs) for b in expected] == [(100, 640, 14)]


def test_a_process_that_reads_pages_works_opencv_on_one_thread():
    from extract.ocr.reader import PageOcr
    from tests.ocr_fakes import FakeEngine

    before = cv2.getNumThreads()
    cv2.setNumThreads(4)
    try:
        PageOcr(5.0, engine_factory=FakeEngine, reader_factory=lambda e: None)._make()
        assert cv2.getNumThreads() == 1
    finally:
        cv2.setNumThreads(before)


def _photo_like_page(seed: int) -> np.ndarray:
    """A page-sized image: a tilted ruled table, glyph-sized blobs, grain and a dark desk at one side."""
    rng = np.random.default_rng(seed)
    h, w = 2400, 1700
    page = np.full((h, w), 235, np.uint8)
    for y in range(300, 2100, 120):
        cv2.line(page, (150, y), (1550, y + 25), 20, 3)
    for x in (150, 500, 1100, 1550):
        cv2.line(page, (x, 300), (x + 30, 2085), 20, 3)
    for _ in range(3000):
        x, y = int(rng.integers(160, 1540)), int(rng.integers(310, 2080))
        cv2.rectangle(page, (x, y), (x + int(rng.integers(4, 20)), y + int(rng.integers(8, 30))), 30, -1)
    page = cv2.add(page, rng.integers(0, 25, (h, w), dtype=np.uint8))
    page[:, 1620:] = 90  # the desk
    return page


def test_opencv_steps_give_the_same_values_on_one_thread_or_several():
    from extract.ocr.scan import components, deskew, desk_mask, ruling_lines, skew_correction, table_grids

    def steps(gray):
        angle = skew_correction(gray)
        turned = deskew(gray, 0.8)
        rulings = ruling_lines(turned)
        n, labels, stats = components(rulings.erase_mask, 8)
        m = cv2.getRotationMatrix2D((gray.shape[1] / 2, gray.shape[0] / 2), 1.3, 1.0)
        map_x, map_y = np.meshgrid(np.arange(gray.shape[1], dtype=np.float32) * 0.999,
                                   np.arange(gray.shape[0], dtype=np.float32) * 1.001)
        return (angle, turned, rulings.horizontal, rulings.vertical, rulings.strokes, n, labels, stats,
                table_grids(rulings, 300.0), desk_mask(gray),
                cv2.warpAffine(gray, m, gray.shape[::-1], flags=cv2.INTER_NEAREST),
                cv2.remap(gray, map_x, map_y, cv2.INTER_LINEAR, borderMode=cv2.BORDER_CONSTANT, borderValue=255))

    before = cv2.getNumThreads()
    try:
        for seed in (1, 2):
            gray = _photo_like_page(seed)
            cv2.setNumThreads(4)
            several = steps(gray)
            cv2.setNumThreads(1)
            one = steps(gray)
            for a, b in zip(several, one):
                if isinstance(a, np.ndarray):
                    assert a.dtype == b.dtype and np.array_equal(a, b)
                else:
                    assert a == b
    finally:
        cv2.setNumThreads(before)


def _random_masks(seed: int, n: int):
    """Glyph-like 0/1 masks: random ink, some with blank columns at the left, some blank."""
    rng = np.random.default_rng(seed)
    for _ in range(n):
        h, w = int(rng.integers(1, 30)), int(rng.integers(1, 40))
        m = (rng.random((h, w)) < rng.random() * 0.5).astype(np.uint8)
        if rng.random() < 0.3:
            m[:, :int(rng.integers(0, w + 1))] = 0
        yield m


def test_a_masks_column_ink_gives_every_spans_inked_rows():
    from extract.numerals.recognizer import ColumnInk

    for m in _random_masks(1, 300):
        ink = ColumnInk(m)
        assert ink.inked.tolist() == m.any(0).tolist()
        w = m.shape[1]
        for a in range(w + 1):
            for c in range(a, w + 1):
                assert ink.rows(a, c).tolist() == m[:, a:c].any(1).nonzero()[0].tolist()


def test_a_mask_cut_at_any_column_gives_both_sides_trimmed_as_trimming_each_does():
    from extract.numerals.recognizer import _SideInk, _trim

    for m in _random_masks(2, 600):
        sides = _SideInk(m)
        for c in range(m.shape[1] + 1):
            for got, want in ((sides.left(c), _trim(m[:, :c])), (sides.right(c), _trim(m[:, c:]))):
                assert (got is None) == (want is None)
                if want is not None:
                    assert got.dtype == want.dtype and got.shape == want.shape and np.array_equal(got, want)


def _valleys_column_by_column(mask: np.ndarray, ends: bool = False) -> list[int]:
    """:func:`extract.numerals.recognizer._valleys` as it was: each column compared in turn."""
    from extract.numerals.recognizer import VALLEYS

    cols = mask.sum(0)
    w = len(cols)
    found = [c for c in range(2, w - 2) if cols[c] <= cols[c - 1] and cols[c] <= cols[c + 1] and cols[c] < cols.max()]
    runs: list[list[int]] = []
    for c in found:
        if runs and c - runs[-1][-1] <= 1:
            runs[-1].append(c)
        else:
            runs.append([c])
    places = []
    if not ends:
        for run in runs:
            least = min(cols[c] for c in run)
            lowest = [c for c in run if cols[c] == least]
            places.append(lowest[len(lowest) // 2])
        return sorted(sorted(places, key=lambda c: cols[c])[:VALLEYS])
    for run in sorted(runs, key=lambda r: min(cols[c] for c in r))[:VALLEYS]:
        least = min(cols[c] for c in run)
        lowest = [c for c in run if cols[c] == least]
        places += {run[0], lowest[len(lowest) // 2], run[-1]}
    return sorted(places)


def test_valleys_found_at_once_are_the_valleys_found_column_by_column():
    from extract.numerals.recognizer import _valleys

    for m in _random_masks(3, 400):
        for ends in (False, True):
            assert _valleys(m, ends) == _valleys_column_by_column(m, ends)


def test_a_wide_blobs_parts_are_each_judged_once_whatever_the_paths(monkeypatch):
    """The valley cut tries many paths through the same parts: each part's reading is worked out once."""
    from extract.numerals import recognizer as rz

    rec = rz.Recognizer.load()
    paper = np.full((44, 120), 255, np.uint8)
    for x in range(8, 90, 14):  # bars joined by bridges: one wide blob with a valley at each bridge
        paper[6:38, x:x + 8] = 0
        if x + 14 < 90:
            paper[20:23, x + 8:x + 14] = 0
    seg = rz.segment(paper)
    wide = max(seg.blobs, key=lambda b: b.w)
    inside: list[bool] = [False]  # within the search of the best path
    during: list[str] = []
    weak, misplaced, best_path = rz.Recognizer._weak, rz.Recognizer._misplaced, rz.Recognizer._best_path
    monkeypatch.setattr(rz.Recognizer, "_weak", lambda self, p: (inside[0] and during.append("weak")) or weak(self, p))
    monkeypatch.setattr(rz.Recognizer, "_misplaced",
                        lambda self, p, ends: (inside[0] and during.append("misplaced")) or misplaced(self, p, ends))

    def searched(keys, last, read):
        inside[0] = True
        try:
            return best_path(keys, last, read)
        finally:
            inside[0] = False

    monkeypatch.setattr(rz.Recognizer, "_best_path", staticmethod(searched))
    settled = rz.Recognizer._settled_path

    def everything(self, order, pending, parts, last, classify, read):  # every inner part too: many paths
        classify(list(pending))
        pending.clear()
        return settled(self, order, pending, parts, last, classify, read)

    monkeypatch.setattr(rz.Recognizer, "_settled_path", everything)
    classified: list[int] = []
    probs = rz.Recognizer._probs
    monkeypatch.setattr(rz.Recognizer, "_probs", lambda self, blobs: classified.append(len(blobs)) or probs(self, blobs))
    assert rec._valley_split(wide, seg, 0.0) is not None
    assert sum(classified) >= 10
    assert during == []  # the paths look up each part's reading, worked out once when it was classified


def _spans_of(bounds: list[int], lo: int, hi: int) -> list[tuple[int, int]]:
    return [(a, c) for i, a in enumerate(bounds) for c in bounds[i + 1:] if lo <= c - a <= hi]


def test_inner_parts_classified_as_the_best_cut_needs_them_give_the_cut_of_them_all():
    """A valley cut's inner parts are classified only where a path through them could read as well as the best
    found (its first and last parts bound it): the same score and the same path as :meth:`_best_path` over
    every part, ties included (readings on a coarse scale), some parts uncut, some readings refused."""
    from extract.numerals.recognizer import Recognizer

    rng = random.Random(5)
    rec = Recognizer.__new__(Recognizer)
    spared = 0
    for _ in range(3000):
        w = rng.randint(20, 90)
        bounds = [0, *sorted(rng.sample(range(2, w - 1), rng.randint(1, 12))), w]
        spans = _spans_of(bounds, rng.randint(3, 8), rng.randint(15, 45))
        level = rng.choice((3, 5, 20))  # few levels: many ties
        reading = {k: rng.randint(0, level) / level for k in spans}
        uncut = {k for k in spans if rng.random() < 0.1}
        refused = set(rng.sample(bounds[1:-1], min(len(bounds) - 2, rng.randint(0, 2))))

        def read(k, refused=refused, reading=reading):
            return 0.0 if k[0] in refused else reading[k]

        parts: dict = {}

        def classify(keys, parts=parts, uncut=uncut):
            for k in keys:
                if k not in uncut:
                    parts[k] = k
            return [k for k in keys if k in parts]

        classify([k for k in spans if k[0] == 0 or k[1] == w])
        pending = [k for k in spans if 0 < k[0] and k[1] < w]
        n_pending = len(pending)
        got = rec._settled_path(list(spans), pending, parts, w, classify, read)
        want = Recognizer._best_path([k for k in spans if k not in uncut], w, read)
        assert got == want
        spared += len(pending) < n_pending and len(pending) > 0
    assert spared > 100  # the bound leaves parts unclassified, often


def test_a_valley_cut_of_touching_digits_is_the_cut_of_all_its_parts_classified(monkeypatch):
    """On touching digits (a year printed tight), the valley cut with its inner parts classified as needed is the
    cut found when every inner part is classified first, from fewer glyphs."""
    from pathlib import Path

    from PIL import Image

    from extract.numerals import recognizer as rz

    rec = rz.Recognizer.load()
    settled = rz.Recognizer._settled_path

    def everything(self, order, pending, parts, last, classify, read):
        classify(list(pending))
        pending.clear()
        return settled(self, order, pending, parts, last, classify, read)

    fixtures = Path(__file__).parent / "fixtures" / "numerals"
    for name in ("a", "b"):
        crop = np.asarray(Image.open(fixtures / f"issue-9-touching-year-{name}.png"))
        seg = rz.segment(crop)
        blob = max(seg.blobs, key=lambda b: b.w)
        for need, ends in ((0.0, False), (0.0, True), (rz.SPLIT_ACCEPT, False)):
            counts = []
            for how in (settled, everything):
                monkeypatch.setattr(rz.Recognizer, "_settled_path", how)
                rec._glyphs.clear()
                classified: list[int] = []
                probs = rec.mask_probabilities
                monkeypatch.setattr(rec, "mask_probabilities",
                                    lambda masks, probs=probs, c=classified: c.append(len(masks)) or probs(masks))
                counts.append((rec._valley_split(blob, seg, need, ends=ends), sum(classified)))
                monkeypatch.undo()
            (lazy, n_lazy), (full, n_full) = counts
            assert (lazy is None) == (full is None)
            if full is not None:
                assert lazy[0] == full[0] and [b.work_box for b in lazy[1]] == [b.work_box for b in full[1]]
                assert lazy[2].tobytes() == full[2].tobytes()
            assert n_lazy <= n_full


@pytest.mark.needs_tesseract
def test_paragraphs_found_before_recognition_leave_every_word_as_it_was():
    """Tesseract's paragraphs found on the layout's words (``paragraph_text_based`` 0), not on the words read:
    the same words, boxes, confidences and lines as the default on a scanned sample's page (the default walks
    each line's text again from the page's first word, at every Thai grapheme)."""
    from pathlib import Path

    import extract.ocr.tesseract as T
    from extract.ocr.raster import open_images

    assert T.tesseract_variables(300)["paragraph_text_based"] == "0"
    pdf = sorted((Path(__file__).parent.parent / "samples" / "scanned").glob("*.pdf"))[0]
    with open_images(pdf) as r:
        page = r.image(1)
    engine = T.Engine()
    try:
        found = {}
        for setting in ("1", "0"):
            engine._api.SetVariable("paragraph_text_based", setting)
            api, engine._api = engine._api, _Fixed(engine._api, setting)
            try:
                words = engine.page_words(page.gray, int(page.dpi))
            finally:
                engine._api = api
            found[setting] = [(w.text, w.x0, w.top, w.x1, w.bottom, w.conf) for w in words], \
                [sum(1 for _ in g) for _, g in itertools.groupby(words, key=lambda w: w.line_key)]
        assert found["0"] == found["1"] and len(found["0"][0]) > 100
    finally:
        engine.close()


class _Fixed:
    """A Tesseract API whose ``paragraph_text_based`` stays at one setting whatever the engine sets."""

    def __init__(self, api, setting: str):
        self._api, self._setting = api, setting

    def SetVariable(self, name, value):
        return self._api.SetVariable(name, self._setting if name == "paragraph_text_based" else value)

    def __getattr__(self, name):
        return getattr(self._api, name)


def _busiest_line_one_by_one(blobs):
    """:func:`extract.ocr.ink.busiest_line` as it was: each blob as a seed, every blob tried against it."""
    if len(blobs) < 2:
        return blobs
    best = []
    for seed in blobs:
        h = seed[3] - seed[1]
        mid = (seed[1] + seed[3]) / 2
        line = [b for b in blobs if abs((b[1] + b[3]) / 2 - mid) <= 0.5 * h and 0.5 * h <= b[3] - b[1] <= 2 * h]
        if len(line) > len(best):
            best = line
    top, bottom = min(b[1] for b in best), max(b[3] for b in best)
    return [b for b in blobs if top <= (b[1] + b[3]) / 2 <= bottom]


def test_the_busiest_line_found_at_once_is_the_one_found_seed_by_seed():
    """A cell of grain under a stamp holds thousands of blobs; the lines are counted for every seed at once."""
    from extract.ocr.ink import busiest_line

    rng = random.Random(54)
    for _ in range(400):
        n = rng.choice([2, 3, 5, 20, 200, 600])  # 600: seeds weighed a slice at a time
        blobs = []
        for _ in range(n):
            x, y = rng.randrange(0, 300), rng.choice([rng.randrange(0, 120), 40, 41, 60])  # lines share rows, ties
            w, h = rng.randrange(1, 40), rng.choice([rng.randrange(1, 60), 20, 10, 40])
            blobs.append((x, y, x + w, y + h, w * h))
        assert busiest_line(blobs) == _busiest_line_one_by_one(blobs)


def _page_mask_rules(crossing_rules, rules):
    """``_crossing_rules`` as it was read: the kept rules of each direction in ``rules`` made into a page-sized mask
    (255 where a kept component lies), the two masks joined, and every call answered with the join, as a lookup of
    two verdicts (paper, kept) by it: a ring's square then reads the joined page-sized mask itself."""

    def joined(_mask, rings, dpi):
        page_mask = None
        for mask in rules:
            kept, labels = crossing_rules(mask, rings, dpi)
            one = np.where(kept[labels], 255, 0).astype(np.uint8)
            page_mask = one if page_mask is None else cv2.bitwise_or(page_mask, one)
        return np.array([False, True]), (page_mask > 0).astype(np.uint8)

    return joined


@pytest.mark.parametrize("seed", range(4))
def test_rings_taken_off_by_looking_up_the_rules_labels_are_those_of_page_sized_masks(seed, monkeypatch):
    """Two stamps over a ruled table, rules of both directions through them and an arc along a rule: the rules
    that cross a ring are looked up by their components' labels in each ring's square only, and the page is the
    one the page-sized masks of the kept rules gave, pixel for pixel."""
    import extract.ocr.stamps as st
    from extract.ocr.scan import ruling_lines
    from extract.ocr.stamps import stamp_rings, without_rings

    rng = np.random.default_rng(seed)
    img = np.full((1800, 1400), 236, np.uint8)
    xs = sorted(rng.choice(np.arange(150, 1250), 4, replace=False).tolist())
    ys = sorted(rng.choice(np.arange(150, 1650), 5, replace=False).tolist())
    for y in ys:
        cv2.line(img, (xs[0], y), (xs[-1], y), 20, 4)
    for x in xs:
        cv2.line(img, (x, ys[0]), (x, ys[-1]), 20, 4)
    for _ in range(2):
        cx, cy = int(rng.integers(300, 1100)), int(rng.integers(300, 1500))
        r = int(rng.integers(120, 200))
        tone = int(rng.choice([30, 120, 150]))
        stamp = np.full_like(img, 236)
        cv2.circle(stamp, (cx, cy), r, tone, 10)
        cv2.circle(stamp, (cx, cy), int(r * 0.72), tone, 5)
        img = np.minimum(img, stamp)
    rings = stamp_rings(img, 300.0)
    assert rings  # the stamps are found: the comparison below takes their rules' labels
    rulings = ruling_lines(img)
    rules = (rulings.horizontal, rulings.vertical)
    looked_up = without_rings(img, rings, 300.0, rules)
    monkeypatch.setattr(st, "_crossing_rules", _page_mask_rules(st._crossing_rules, rules))
    assert np.array_equal(looked_up, without_rings(img, rings, 300.0, rules))


def test_views_stop_being_read_once_no_reading_can_gather_enough_and_the_vote_is_the_same(monkeypatch):
    """:func:`extract.ocr.votes.voted_read` on scripted readings of its views (scores, garble, nothing, a line's
    digits): its answer is the tally of every view's reading (an oracle written apart: counts, weights, the three
    conditions), and it reads fewer views where the readings scatter."""
    import extract.ocr.votes as votes
    from extract.numerals.recognizer import GlyphGuess, Reading
    from ita_extract.page import PixelBox

    def reading(text, conf):
        glyphs = tuple(GlyphGuess(c, conf, PixelBox(i, 0, i + 1, 1)) for i, c in enumerate(text))
        return Reading(text, conf, glyphs)

    class Scripted:
        def __init__(self, script):
            self.script, self.read = script, 0

        def read_number(self, view):
            self.read += 1
            return self.script[int(view[0, 0])]

    def oracle(script, line):
        weight, count = {}, {}
        for r in script:
            r = votes.lone_number(votes.drop_stray_points(r, ""))
            text = None if r is None else r.text if line else votes.as_printed(r.text)
            if r is None or len(r.glyphs) < (1 if line else 3) or (not line and not (
                    votes.is_score_format(text) and votes.plausible_score(text))):
                continue
            key = text if line else f"{float(text):.2f}"
            weight[key] = weight.get(key, 0.0) + r.confidence
            count[key] = count.get(key, 0) + 1
        if not weight:
            return None
        best = max(weight, key=weight.__getitem__)
        runner = max((w for k, w in weight.items() if k != best), default=0.0)
        if count[best] < votes.VOTED_MIN_VIEWS or weight[best] < votes.VOTED_MARGIN * runner \
                or weight[best] / count[best] < votes.VOTED_MEAN_MIN:
            return None
        return best, 100.0 * weight[best] / count[best]

    rng = random.Random(37)
    clean = ["87.50", "87.50", "87.50", "81.50", "77.50", "", "8?.50", "1"]
    smudge = ["87.50", "81.50", "", "8?.50", "?7.5?", "1", "", "4"]  # a smudge: scattered readings
    n_views, all_read, read = 8, 0, 0
    for case in range(600):
        pool = clean if case % 2 else smudge
        script = [reading(rng.choice(pool), rng.choice([0.3, 0.6, 0.9])) for _ in range(n_views)]
        line = case % 5 == 0
        monkeypatch.setattr(votes, "ink_views", lambda crop: [np.full((2, 2), i, np.uint8) for i in range(n_views)])
        reader = Scripted(script)
        got = votes.voted_read(reader, np.zeros((2, 2), np.uint8), line=line)
        want = oracle(script, line)
        assert (got is None) == (want is None) and (got is None or (float(got[0]) == float(want[0])
                                                                 and abs(got[1] - want[1]) < 1e-9)), (script, got, want)
        if pool is smudge:
            all_read, read = all_read + n_views, read + reader.read
    assert read < 0.8 * all_read
