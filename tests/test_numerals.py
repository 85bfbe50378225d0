"""The Thai-numeral recognizer (extract/numerals.py) on a font it never saw.

Tokens are rendered in the held-out family Norasi (never trained on, see
extract/numerals_train.py) at 200 and 300 dpi, blurred, noised, rotated and
JPEG-compressed like a scan. The model is the cached one, trained on first
use (under a minute) when missing.
"""
from __future__ import annotations

import time

import numpy as np
import pytest

from extract.numerals import (
    CLASSES,
    THAI_DIGITS,
    Model,
    Reading,
    Recognizer,
    feature_size,
    glyph_features,
    segment,
)
from extract.numerals_train import HELD_OUT, TRAIN_FAMILIES, font_files, render_token

HELD_OUT_FONTS = font_files(HELD_OUT)
HAVE_TRAINING_FONTS = any(font_files(f) for f in TRAIN_FAMILIES)
needs_fonts = pytest.mark.skipif(
    not HELD_OUT_FONTS or not HAVE_TRAINING_FONTS,
    reason="Thai fonts missing: install fonts-thai-tlwg, fonts-tlwg-laksaman, fonts-noto-core (scripts/setup.sh)",
)
REGULAR = next((p for p in HELD_OUT_FONTS if p.stem == HELD_OUT), None)


@pytest.fixture(scope="module")
def rec() -> Recognizer:
    return Recognizer.load()


def crop_of(text: str, dpi: int, seed: int, pt: float = 14.0, level: float = 1.0) -> np.ndarray:
    return render_token(text, REGULAR, pt, dpi, np.random.default_rng(seed), level)


# --- without fonts: segmentation, features, model file ------------------------


def test_blank_crop_reads_nothing():
    rec = Recognizer(_tiny_model())
    r = rec.read_number(np.full((30, 60), 255, np.uint8))
    assert r == Reading("", 0.0, ())
    assert rec.read_code(np.full((30, 60), 250, np.uint8), "i").text == ""


def test_segment_orders_merges_and_drops_specks():
    page = np.full((50, 90), 255, np.uint8)
    page[10:40, 40:50] = 0  # a stem
    page[2:6, 42:48] = 0  # its dot, above it: one glyph like an "i"
    page[10:40, 5:25] = 0  # a glyph left of it
    page[20, 70] = 0  # a speck
    page[35:40, 60:65] = 0  # a point on the baseline
    s = segment(page)
    assert [b.box[0] for b in s.blobs] == [5, 40, 60]
    assert s.blobs[1].box == (40, 2, 10, 38)
    assert s.digit_height == 34  # median of the two tall glyphs (30 and 38)


def test_segment_drops_table_rule_at_edge():
    page = np.full((40, 120), 255, np.uint8)
    page[0:2, :] = 0  # the cell's top border
    page[10:35, 50:65] = 0
    assert [b.box for b in segment(page).blobs] == [(50, 10, 15, 25)]


def test_model_round_trip(tmp_path):
    m = _tiny_model()
    path = tmp_path / "m.npz"
    m.save(path)
    back = Model.load(path)
    x = glyph_features([np.ones((20, 12), np.uint8)])
    assert np.allclose(m.probabilities(x), back.probabilities(x))


def _tiny_model() -> Model:
    rng = np.random.default_rng(0)
    d, c = feature_size(), len(CLASSES)
    return Model(np.zeros(d, np.float32), np.ones(d, np.float32), rng.normal(size=(d, 8)).astype(np.float32),
                 np.zeros(8, np.float32), rng.normal(size=(8, c)).astype(np.float32), np.zeros(c, np.float32))


# --- held-out font ------------------------------------------------------------------


@needs_fonts
@pytest.mark.parametrize("dpi", [200, 300])
def test_thai_digit_accuracy_on_held_out_font(rec, dpi):
    rng = np.random.default_rng(dpi)
    right = total = 0
    errors = []
    for k in range(120):
        n = int(rng.integers(2, 7))
        text = "".join(THAI_DIGITS[int(d)] for d in rng.integers(0, 10, n))
        font = HELD_OUT_FONTS[k % len(HELD_OUT_FONTS)]
        pt = float(rng.choice([10, 12, 14, 16]))
        crop = render_token(text, font, pt, dpi, rng)
        got = rec.read_number(crop).text
        want = "".join(str(THAI_DIGITS.index(c)) for c in text)
        total += n
        if len(got) == n:
            right += sum(a == b for a, b in zip(got, want))
        if got != want:
            errors.append((text, got, font.name, pt))
    assert right / total >= 0.98, f"{right}/{total} digits right at {dpi} dpi; wrong: {errors[:10]}"


@needs_fonts
@pytest.mark.parametrize("dpi", [200, 300])
@pytest.mark.parametrize("text, want", [
    ("๙๙.๓๘", "99.38"),
    ("๑๐๐.๐๐", "100.00"),
    ("๙๘.๔๖", "98.46"),
    ("๒๕๖๘", "2568"),
    ("89.41", "89.41"),
    ("๓๐", "30"),
])
def test_read_number(rec, text, want, dpi):
    r = rec.read_number(crop_of(text, dpi, seed=len(text) + dpi))
    assert r.text == want
    assert r.confidence > 0.5
    assert len(r.glyphs) == len(want)


@needs_fonts
@pytest.mark.parametrize("dpi", [200, 300])
@pytest.mark.parametrize("text, hint, want", [
    ("i๑๒", None, "i12"),
    ("๐๑๐", None, "o10"),
    ("o๑๒", None, "o12"),
    ("e๔", None, "e4"),
    ("e๔", "e", "e4"),
    ("๗", "o", "o7"),
    ("i12", "i", "i12"),
])
def test_read_code(rec, text, hint, want, dpi):
    r = rec.read_code(crop_of(text, dpi, seed=dpi + 3), hint)
    assert r.text == want
    assert r.confidence > 0.5


@needs_fonts
def test_code_without_letter_or_hint_is_unsure(rec):
    r = rec.read_code(crop_of("๑๒", 300, seed=1), None)
    assert r.text == "?12"
    assert r.confidence <= 0.3


@needs_fonts
@pytest.mark.parametrize("word", ["การ", "ก.ย.", "ตัวชี้วัด"])
def test_thai_word_is_not_a_number(rec, word):
    r = rec.read_number(crop_of(word, 300, seed=5))
    assert "?" in r.text
    assert r.confidence < 0.5


@needs_fonts
def test_glyphs_and_boxes(rec):
    crop = crop_of("๙๙.๓๘", 300, seed=2, level=0)
    guesses = rec.classify_glyphs(crop)
    assert [g.char for g in guesses] == ["๙", "๙", ".", "๓", "๘"]
    xs = [g.box[0] for g in guesses]
    assert xs == sorted(xs)
    for g in guesses:
        x, y, w, h = g.box
        assert 0 <= x and x + w <= crop.shape[1] and 0 <= y and y + h <= crop.shape[0]


@needs_fonts
def test_module_functions_use_one_recognizer():
    from extract import numerals

    crop = crop_of("๒๕๖๘", 200, seed=9)
    assert numerals.read_number(crop).text == "2568"
    assert numerals.default_recognizer() is numerals.default_recognizer()


@needs_fonts
def test_six_glyph_token_is_fast(rec):
    crop = crop_of("๑๐๐.๐๐", 300, seed=4)
    rec.read_number(crop)
    times = []
    for _ in range(30):
        t0 = time.perf_counter()
        rec.read_number(crop)
        times.append(time.perf_counter() - t0)
    assert sorted(times)[len(times) // 2] < 0.005
