"""The Thai-numeral recognizer (extract/numerals.py) on a font it never saw.

Tokens are rendered in the held-out family Norasi (never trained on, see
extract/numerals_train.py) at 200 and 300 dpi, blurred, noised, rotated and
JPEG-compressed like a scan. The model is the shipped one
(extract/numerals/models/thai-numerals-v1.npz, pinned by sha256): nothing trains.
"""
from __future__ import annotations

import hashlib
import json
import math
import os
import subprocess
import sys

from pathlib import Path

import cv2
import numpy as np
import pytest
from tests.conftest import ROOT
from tests.ocr_fakes import FakeEngine

from ita_extract.errors import MissingDependency, NumeralModelInvalid
from extract.numerals import recognizer as numerals
from extract.numerals.recognizer import (
    CLASSES,
    MODEL_FILE,
    MODEL_SHA256,
    THAI_DIGITS,
    Model,
    Reading,
    Recognizer,
    binarize,
    feature_size,
    glyph_features,
    load_model,
    segment,
)
from extract.numerals.train import (
    HELD_OUT,
    TRAIN_FAMILIES,
    check_pinned,
    draw_digest,
    font_files,
    make_dataset,
    manifest_path,
    render_token,
    training_fonts,
)

HELD_OUT_FONTS = font_files(HELD_OUT)
HAVE_TRAINING_FONTS = any(font_files(f) for f in TRAIN_FAMILIES)
needs_fonts = pytest.mark.skipif(
    not HELD_OUT_FONTS or not HAVE_TRAINING_FONTS,
    reason="Thai fonts missing: install fonts-thai-tlwg, fonts-tlwg-laksaman, fonts-noto-core (scripts/setup.sh)",
)
REGULAR = next((p for p in HELD_OUT_FONTS if p.stem == HELD_OUT), None)


#: Word images cut from dev scans (tests/fixtures/README.md).
FIXTURES = Path(__file__).parent / "fixtures" / "numerals"


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
    assert s.blobs[1].box == (40, 2, 50, 40)
    assert s.digit_height == 34  # median of the two tall glyphs (30 and 38)


def test_segment_drops_dust_under_the_line():
    """Dust a quarter of the digits' height under their baseline, larger than a point, joins no digit (issue 9:
    a speck under ``๑`` of ``๑๐`` made it a ``๓``); a mark hanging right under the line (``ุ``) still joins."""
    page = np.full((60, 90), 255, np.uint8)
    page[10:32, 5:25] = 0  # two glyphs, 22 px high
    page[10:32, 30:50] = 0
    page[40:49, 8:17] = 0  # dust 9 px wide, 8 px under the baseline
    assert [b.box for b in segment(page).blobs] == [(5, 10, 25, 32), (30, 10, 50, 32)]
    page[40:49, 8:17] = 255
    page[33:38, 8:14] = 0  # a mark right under the first glyph
    assert [b.box for b in segment(page).blobs] == [(5, 10, 25, 38), (30, 10, 50, 32)]


@needs_fonts
def test_a_speck_under_a_digit_leaves_it_read(rec):
    crop = crop_of("๑๐", 300, seed=9)
    ys, xs = np.nonzero(crop < 128)
    h = ys.max() - ys.min()
    x0 = xs.min() + 2
    y0 = ys.max() + int(0.35 * h)
    crop = np.vstack([crop, np.full((h, crop.shape[1]), 255, np.uint8)])
    crop[y0:y0 + int(0.4 * h), x0:x0 + int(0.4 * h)] = 0
    assert rec.read_number(crop).text == "10"


def test_a_speck_stacked_on_the_decimal_point_leaves_it_a_point(rec):
    """dev seed 139 (D-scan300): dust on the paper right above the point of ``91.41`` (a colon's shape). The two
    specks joined into one glyph read ``?``; the speck is dust, the point a point (the score cut from the page,
    ``tests/fixtures/numerals/issue-9-speck-over-point.png``)."""
    import cv2

    crop = cv2.imread(str(FIXTURES / "issue-9-speck-over-point.png"), cv2.IMREAD_GRAYSCALE)
    r = rec.read_number(crop)
    assert r.text == "91.41" and r.confidence >= 0.9


def test_segment_drops_table_rule_at_edge():
    page = np.full((40, 120), 255, np.uint8)
    page[0:2, :] = 0  # the cell's top border
    page[10:35, 50:65] = 0
    assert [b.box for b in segment(page).blobs] == [(50, 10, 65, 35)]


def test_model_round_trip(tmp_path):
    m = _tiny_model()
    path = tmp_path / "m.npz"
    m.save(path)
    back = Model.load(path)
    x = glyph_features([np.ones((20, 12), np.uint8)])
    assert np.allclose(m.probabilities(x), back.probabilities(x))


# --- the shipped model: pinned, checked, never trained at run time ----------------


def test_shipped_model_matches_its_pinned_hash():
    data = MODEL_FILE.read_bytes()
    assert hashlib.sha256(data).hexdigest() == MODEL_SHA256
    manifest = json.loads(MODEL_FILE.with_suffix(".json").read_text())
    assert manifest["sha256"] == MODEL_SHA256
    assert manifest["classes"] == list(CLASSES)
    # the inputs are pinned, and the held-out family is not among them
    assert manifest["fonts"] and all(len(h) == 64 for h in manifest["fonts"].values())
    assert not any(name.startswith(manifest["held_out_family"]) for name in manifest["fonts"])
    assert load_model().w1.shape == (feature_size(), manifest["hidden"])


#: numpy functions whose code numpy picks by CPU (SVML on AVX-512, its own SIMD on AVX2, the C library
#: elsewhere): their last bits differ between machines, so nothing that decides a glyph's features may call them.
CPU_CHOSEN = ("exp", "exp2", "expm1", "log", "log2", "log10", "log1p", "sin", "cos", "tan", "arcsin", "arccos",
              "arctan", "arctan2", "sinh", "cosh", "tanh", "arcsinh", "arccosh", "arctanh", "power", "float_power",
              "cbrt")


@pytest.fixture
def no_cpu_chosen_numpy(monkeypatch):
    def refuse(name):
        def call(*args, **kwargs):
            raise AssertionError(f"np.{name} gives other bits on other CPUs")
        return call
    for name in CPU_CHOSEN:
        monkeypatch.setattr(np, name, refuse(name))


def test_glyph_features_are_the_same_bits_on_every_cpu(no_cpu_chosen_numpy):
    """A glyph's features come from IEEE arithmetic alone: the CI machine (AVX2) drew other training samples
    than the machine that built the model (AVX-512) while float32 arctan2 made the gradient angles."""
    rng = np.random.default_rng(3)
    masks = [rng.random((h, w)) < 0.4 for h, w in ((20, 12), (9, 30), (33, 33))]
    feats = glyph_features(masks)
    assert feats.shape == (3, feature_size()) and np.isfinite(feats).all()
    assert feats[:, -2].tolist() == pytest.approx([np.float32(math.log(12 / 20)), np.float32(math.log(30 / 9)), 0.0])


@needs_fonts
def test_the_training_draw_is_the_same_bits_on_every_cpu(no_cpu_chosen_numpy):
    x, y = make_dataset(training_fonts(), per_class=1, seed=5)
    assert len(x) == len(y) >= len(CLASSES) and np.isfinite(x).all()


def test_the_trainer_runs_its_blas_as_pinned_and_the_manifest_says_so(monkeypatch):
    """OpenBLAS picks its kernel by CPU and splits sums by thread count: the trainer starts over with one kernel and
    one thread, so a rebuild gives the model's bits on any AVX2 machine, and the shipped manifest records them."""
    from extract.numerals import train as trainer

    calls = []
    monkeypatch.setattr(trainer.os, "execve", lambda exe, args, env: calls.append((args, env)))
    for k in trainer.BLAS_ENV:
        monkeypatch.delenv(k, raising=False)
    trainer._with_pinned_blas(["--check"])
    (args, env), = calls
    assert args[1:] == ["-m", "extract.numerals.train", "--check"]
    assert all(env[k] == v for k, v in trainer.BLAS_ENV.items())
    for k, v in trainer.BLAS_ENV.items():
        monkeypatch.setenv(k, v)
    trainer._with_pinned_blas(["--check"])
    assert len(calls) == 1
    assert set(json.loads(manifest_path(MODEL_FILE).read_text())["blas"]) == set(trainer.BLAS_ENV)


@needs_fonts
def test_the_shipped_model_reads_the_ieee_features_as_those_it_was_fitted_on(monkeypatch):
    """The model was fitted where numpy's float32 arctan2 made the gradient angles; the features now come from
    IEEE arithmetic alone. On the trainer's draw both give every sample the same class, probabilities within 1e-5
    (the manifest's ``fitted_on``): the shipped model holds for the features as they are."""
    x, y = make_dataset(training_fonts(), per_class=10, seed=11)
    monkeypatch.setattr(numerals, "orientation", lambda gy, gx: np.arctan2(gy, gx) % np.pi)
    x_atan, _ = make_dataset(training_fonts(), per_class=10, seed=11)
    monkeypatch.undo()
    assert 0 < np.abs(x - x_atan).max() < 1e-5
    model = load_model()
    p, q = model.probabilities(x), model.probabilities(x_atan)
    assert (p.argmax(1) == q.argmax(1)).all() and np.abs(p - q).max() < 1e-5
    assert (p.argmax(1) == y).mean() > 0.9


@needs_fonts
def test_the_trainer_still_draws_the_samples_of_the_shipped_model():
    """The manifest records the digest of a small fixed draw of training samples (features and labels): the
    trainer must still draw exactly those, or the shipped model can no longer be rebuilt from this code."""
    manifest = json.loads(manifest_path(MODEL_FILE).read_text())
    fonts = training_fonts()
    diffs = check_pinned(fonts, manifest_path(MODEL_FILE))
    if diffs:
        pytest.skip("the installed training fonts are not the pinned ones: " + "; ".join(diffs[:3]))
    draw = manifest["sample_draw"]
    got = draw_digest(fonts, draw["per_class"], manifest["seed"])
    assert got == draw["sha256"], (
        f"The numeral trainer no longer draws the samples the shipped model {manifest['model']} was built from "
        f"(sample digest {got[:12]}..., the manifest's {draw['sha256'][:12]}...): the model is no longer "
        "rebuildable from this code. What a glyph rendered alone becomes changed: its rendering or degradation "
        "(extract/numerals/train.py), segment(..., page_context=False) or glyph_features "
        "(extract/numerals/recognizer.py). Keep rules for page crops behind page_context and the features' bits "
        "as they are; or, if the change is meant, retrain (python -m extract.numerals.train, which rewrites the "
        "manifest), ship the new model with its sha256 in MODEL_SHA256, and measure it again (README).")


@pytest.mark.parametrize("damage", ["truncated", "altered", "missing", "not-a-model"])
def test_bad_model_file_is_a_typed_error(tmp_path, damage):
    path = tmp_path / "m.npz"
    data = MODEL_FILE.read_bytes()
    if damage == "truncated":
        path.write_bytes(data[: len(data) // 2])
    elif damage == "altered":
        path.write_bytes(data[:-1] + bytes([data[-1] ^ 1]))
    elif damage == "not-a-model":
        path.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(NumeralModelInvalid) as e:
        load_model(path)
    assert str(path) in str(e.value) and "extract.numerals.train" in str(e.value)
    assert e.value.code == "numeral-model-invalid" and isinstance(e.value, MissingDependency)
    if damage in ("truncated", "not-a-model"):  # unreadable even without the hash check
        with pytest.raises(NumeralModelInvalid):
            load_model(path, None)


def test_ocr_with_a_damaged_model_says_why_and_never_trains(tmp_path, monkeypatch):
    from extract.ocr.reader import PageOcr

    bad = tmp_path / "thai-numerals-v1.npz"
    bad.write_bytes(MODEL_FILE.read_bytes()[:1000])
    monkeypatch.setattr(numerals, "MODEL_FILE", bad)
    monkeypatch.setattr(numerals, "_default", None)
    monkeypatch.setitem(sys.modules, "extract.numerals.train", None)  # importing it would fail
    why = PageOcr(10.0, engine_factory=FakeEngine).unavailable()
    assert why and "numeral model" in why and str(bad) in why
    assert bad.stat().st_size == 1000  # left as it was: nothing retrained or rewritten


def test_recognizer_loads_the_shipped_model_without_the_trainer(tmp_path):
    """A fresh process with an empty cache: reads a number, imports no trainer, writes nothing."""
    cache = tmp_path / "cache"
    cache.mkdir()
    code = (
        "import sys, numpy as np\n"
        "from extract.numerals.recognizer import read_number\n"
        "page = np.full((40, 60), 255, np.uint8); page[8:30, 5:17] = 0\n"
        "read_number(page)\n"
        "assert 'extract.numerals.train' not in sys.modules, 'the trainer was imported'\n"
    )
    env = {**os.environ, "ITA_EXTRACT_CACHE": str(cache), "XDG_CACHE_HOME": str(cache), "HOME": str(tmp_path)}
    run = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True,
                         timeout=120)
    assert run.returncode == 0, run.stderr
    assert not any(cache.iterdir())


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
    xs = [g.box.x0 for g in guesses]
    assert xs == sorted(xs)
    for g in guesses:
        assert 0 <= g.box.x0 < g.box.x1 <= crop.shape[1] and 0 <= g.box.top < g.box.bottom <= crop.shape[0]


@needs_fonts
def test_module_functions_use_one_recognizer():
    from extract.numerals import recognizer as numerals

    crop = crop_of("๒๕๖๘", 200, seed=9)
    assert numerals.read_number(crop).text == "2568"
    assert numerals.default_recognizer() is numerals.default_recognizer()


@needs_fonts
def test_six_glyph_token_is_classified_in_one_batch(monkeypatch):
    """Speed without a clock (bench_numerals.py times it): a clean token's glyphs go to the model together."""
    rec = Recognizer.load()  # its own: the module's recognizer may have classified these glyphs before
    crop = crop_of("๑๐๐.๐๐", 300, seed=4, level=0)
    calls, batches = [], []
    inner = rec.model.probabilities
    monkeypatch.setattr(rec, "model", type("Spy", (), {
        "classes": rec.model.classes,
        "probabilities": staticmethod(lambda x: calls.append(len(x)) or inner(x)),
    })())
    asked = rec.mask_probabilities
    monkeypatch.setattr(rec, "mask_probabilities", lambda masks: batches.append(list(masks)) or asked(masks))
    assert rec.read_number(crop).text == "100.00"
    assert len(batches[0]) == 5  # five glyphs in one call (the point is named by geometry), re-reads after
    assert calls[0] == len({numerals.mask_key(m) for m in batches[0]})  # the model sees each distinct glyph once


def test_segment_drops_dust_far_above_before_joining():
    """A speck stacked over a digit, far above the digits' band, is dust, not a mark of that digit."""
    page = np.full((70, 90), 255, np.uint8)
    page[40:65, 5:25] = 0  # a digit
    page[40:65, 40:60] = 0  # another
    page[8:13, 48:53] = 0  # a speck a digit height above the second
    s = segment(page)
    assert [tuple(b.box) for b in s.blobs] == [(5, 40, 25, 65), (40, 40, 60, 65)]
    assert s.digit_height == 25


def test_segment_drops_a_mark_of_the_next_or_last_line():
    """A low shape wider than a speck, far under the baseline or far over the tops with no digit standing in
    its rows, is a mark of the line below or above that the word's box reached (issue 9: ``้`` of the next
    line read as a fourth glyph of ``๐๓๔)``; a tone mark hanging from the line above joined to ``๑``)."""
    page = np.full((100, 90), 255, np.uint8)
    page[40:62, 5:25] = 0  # two glyphs, 22 px high
    page[40:62, 30:50] = 0
    page[70:79, 30:47] = 0  # a mark 17 px wide, 9 high, 8 px under the baseline
    page[16:26, 34:48] = 0  # a mark 14 px wide, 10 high, 14 px over the tops, stacked over the second glyph
    assert [b.box for b in segment(page).blobs] == [(5, 40, 25, 62), (30, 40, 50, 62)]


def test_segment_keeps_a_second_line_beside_its_own_digits():
    """A crop of two lines (a wrapped score): the second line's dash stands beside that line's digits, so it
    is no lone mark, however far under the first line it lies."""
    page = np.full((80, 120), 255, np.uint8)
    page[5:27, 5:25] = 0  # first line: two glyphs
    page[5:27, 30:50] = 0
    page[45:67, 5:25] = 0  # second line: two glyphs and a dash
    page[45:67, 30:50] = 0
    page[55:58, 60:75] = 0
    boxes = [tuple(b.box) for b in segment(page).blobs]
    assert (60, 55, 75, 58) in boxes


def test_a_glyph_rendered_alone_is_cut_without_the_page_rules():
    """The trainer's samples are glyphs rendered alone (``page_context=False``): no toner streak is lightened and
    no far speck dropped, as when the shipped model was built; the runtime's default applies both rules."""
    page = np.full((70, 90), 255, np.uint8)
    page[40:65, 5:25] = 0
    page[40:65, 40:60] = 0
    page[8:13, 48:53] = 0  # far above the second glyph: dust on a page, a mark of the glyph when alone
    assert [tuple(b.box) for b in segment(page).blobs] == [(5, 40, 25, 65), (40, 40, 60, 65)]
    assert [tuple(b.box) for b in segment(page, page_context=False).blobs] == [(5, 40, 25, 65), (40, 8, 60, 65)]
    crop = np.full((60, 60), 210, np.uint8)
    crop[:, 10:40] = 165  # a grey band the height of the crop
    crop[20:40, 14:17] = 60
    crop[20:40, 24:27] = 60
    assert int(binarize(crop)[0][:, 20].sum()) == 0  # a streak on a page: lightened
    assert int(binarize(crop, page_context=False)[0][:, 20].sum()) == 60  # alone: Otsu's ink, as it was
    assert len(segment(crop).blobs) == 2 and len(segment(crop, page_context=False).blobs) == 1


@pytest.mark.parametrize("name", ["a", "b"])
def test_touching_digits_of_unequal_widths_are_cut_at_their_valleys(name):
    """``๒๕๖๙`` at 300 dpi whose first three digits touch (one blob 2.6 digit heights wide, read ``?9``):
    cuts at equal widths miss the narrow ``๒``; cut at the blob's thinnest columns, it reads whole."""
    from PIL import Image

    crop = np.asarray(Image.open(FIXTURES / f"issue-9-touching-year-{name}.png"))
    assert Recognizer.load().read_number(crop).text == "2569"


# --- speed without a clock: the same readings from less work -------------------------


def test_a_crop_is_analysed_once_when_classified_then_read(monkeypatch):
    """A word is classified, then read as a number from the same crop: segmented once, read the same."""
    from PIL import Image

    crop = np.asarray(Image.open(FIXTURES / "issue-9-touching-year-a.png"))
    want = Recognizer.load().read_number(crop)
    rec = Recognizer.load()
    calls = []
    inner = numerals.segment
    monkeypatch.setattr(numerals, "segment", lambda c, *a: calls.append(c.shape) or inner(c, *a))
    rec.classify_glyphs(crop)
    got = rec.read_number(crop.copy())  # the same pixels in another array
    assert got == want and got.text == "2569"
    assert len(calls) == 1
    rec.read_number(crop[:, 1:])  # other pixels: analysed on their own
    assert len(calls) == 2


def test_probabilities_do_not_depend_on_the_batch():
    """What lets parts be classified together or apart (BATCH_INVARIANT): the same bits either way."""
    model = load_model()
    rng = np.random.default_rng(3)
    masks = [(rng.random(tuple(rng.integers(8, 50, 2))) < 0.5).astype(np.uint8)
             for _ in range(3 * numerals.BATCH_INVARIANT + 5)]  # any size: slices never reach BLAS
    together = model.probabilities(glyph_features(masks))
    alone = np.concatenate([model.probabilities(glyph_features([m])) for m in masks])
    assert np.array_equal(together, alone)


def _glyph_masks(seed: int, n: int) -> list[np.ndarray]:
    """Glyph-like masks: a filled ellipse with a hole and a stroke, of random sizes and positions."""
    rng = np.random.default_rng(seed)
    out = []
    for _ in range(n):
        h, w = (int(v) for v in rng.integers(6, 60, 2))
        yy, xx = np.mgrid[0:h, 0:w]
        cy, cx = rng.uniform(0.3, 0.7) * h, rng.uniform(0.3, 0.7) * w
        r = ((yy - cy) / (0.5 * h)) ** 2 + ((xx - cx) / (0.5 * w)) ** 2
        m = ((r < 1.0) & (r > rng.uniform(0.1, 0.6))).astype(np.uint8)
        m[:, int(rng.integers(0, w))] = 1
        out.append(m)
    return out


class _CountingModel:
    """The shipped model, counting the glyphs it is asked to classify."""

    def __init__(self) -> None:
        self.inner = load_model()
        self.classes = self.inner.classes
        self.rows: list[int] = []

    def probabilities(self, x):
        self.rows.append(len(x))
        return self.inner.probabilities(x)


def test_a_glyph_classified_before_is_not_classified_again_and_reads_the_same_bits():
    """Speed without a clock: a cell's views and re-reads cut the same glyphs again; each is classified once,
    and what comes back is the bits the model gives for the batch as asked (BATCH_INVARIANT)."""
    model = _CountingModel()
    rec = Recognizer(model)
    masks = _glyph_masks(5, 30)
    first = rec.mask_probabilities(masks[:20])
    assert model.rows == [20]
    again = masks[10:30] + [masks[3].copy(), masks[3]]  # ten known, ten new, one known twice (another array)
    got = rec.mask_probabilities(again)
    assert model.rows == [20, 10]
    want = model.inner.probabilities(glyph_features(again))
    assert got.dtype == want.dtype and got.tobytes() == want.tobytes()
    assert first.tobytes() == model.inner.probabilities(glyph_features(masks[:20])).tobytes()
    twice = rec.mask_probabilities([masks[25], masks[25].copy(), masks[29]])  # within a batch too: once
    assert model.rows == [20, 10] and twice.tobytes() == model.inner.probabilities(
        glyph_features([masks[25], masks[25], masks[29]])).tobytes()
    assert rec.mask_probabilities([masks[0].T.copy()]).shape == (1, len(CLASSES))  # another shape: another glyph
    assert model.rows == [20, 10, 1]


def test_a_large_batch_is_remembered_too_and_reads_each_glyph_as_alone():
    """Past BATCH_INVARIANT the model reads in slices (BLAS rounds by batch and by thread count):
    a large batch is remembered like a small one, and its bits are each glyph's own."""
    model = _CountingModel()
    rec = Recognizer(model)
    masks = _glyph_masks(6, numerals.BATCH_INVARIANT + 1)
    got = rec.mask_probabilities(masks)
    alone = np.concatenate([model.inner.probabilities(glyph_features([m])) for m in masks])
    assert got.tobytes() == alone.tobytes()
    rec.mask_probabilities(masks[:2])
    assert model.rows == [numerals.BATCH_INVARIANT + 1]


def _hog_every_pixel(imgs: np.ndarray) -> np.ndarray:
    """The gradient histograms as first written (every canvas pixel binned): what _hog must equal bit for bit."""
    n, size, c, bins = imgs.shape[0], numerals.CANVAS, numerals.CANVAS // numerals.CELL, numerals.BINS
    gx, gy = np.zeros_like(imgs), np.zeros_like(imgs)
    gx[:, :, 1:-1] = imgs[:, :, 2:] - imgs[:, :, :-2]
    gy[:, 1:-1, :] = imgs[:, 2:, :] - imgs[:, :-2, :]
    mag = np.sqrt(gx * gx + gy * gy)
    ang = numerals.orientation(gy, gx) * (bins / np.pi)
    lo = np.floor(ang).astype(np.int64) % bins
    hi = (lo + 1) % bins
    wh = ang - np.floor(ang)
    cell_idx = np.arange(size) // numerals.CELL
    cell = cell_idx[:, None] * c + cell_idx[None, :]
    flat = (np.arange(n)[:, None, None] * (c * c) + cell[None]) * bins
    total = n * c * c * bins
    hist = (np.bincount((flat + lo).ravel(), (mag * (1 - wh)).ravel(), total)
            + np.bincount((flat + hi).ravel(), (mag * wh).ravel(), total))
    hist = hist.astype(np.float32).reshape(n, c, c, bins)
    blocks = []
    for by in range(c - 1):
        for bx in range(c - 1):
            b = hist[:, by:by + 2, bx:bx + 2, :].reshape(n, -1)
            b = b / np.sqrt((b * b).sum(1, keepdims=True) + 1e-3)
            b = np.minimum(b, 0.2)
            b = b / np.sqrt((b * b).sum(1, keepdims=True) + 1e-3)
            blocks.append(b)
    return np.concatenate(blocks, axis=1)


def test_gradient_histograms_bin_only_pixels_with_gradient_and_sum_the_same_bits(monkeypatch):
    """A pixel without gradient adds 0.0 to its bins: skipping it changes no bit, and skips most of the canvas."""
    masks = _glyph_masks(7, 40) + [np.zeros((12, 9), np.uint8)]  # a blank one too
    imgs = np.stack([numerals.normalize_glyph(m) for m in masks])
    angles = []
    inner = numerals.orientation
    monkeypatch.setattr(numerals, "orientation", lambda y, x: angles.append(y.size) or inner(y, x))
    got = numerals._hog(imgs)
    monkeypatch.undo()
    assert got.tobytes() == _hog_every_pixel(imgs).tobytes()
    assert 0 < sum(angles) < 0.6 * imgs.size
    for k in (1, 2, 7):
        assert numerals._hog(imgs[:k]).tobytes() == _hog_every_pixel(imgs[:k]).tobytes()


def _features_as_first_written(masks: list[np.ndarray]) -> np.ndarray:
    """glyph_features as first written: each canvas divided after its own copy, each glyph's ink share by mean()."""
    size, norm = numerals.CANVAS, numerals.NORM
    imgs = np.zeros((len(masks), size, size), np.float32)
    for m, img in zip(masks, imgs):
        h, w = m.shape
        s = max(h, w)
        sq = np.zeros((s, s), np.uint8)
        sq[(s - h) // 2:(s - h) // 2 + h, (s - w) // 2:(s - w) // 2 + w] = m * 255
        inter = cv2.INTER_AREA if s > norm else cv2.INTER_LINEAR
        p = (size - norm) // 2
        img[p:p + norm, p:p + norm] = cv2.resize(sq, (norm, norm), interpolation=inter).astype(np.float32) / 255.0
    small = imgs[:, 2:26, 2:26].reshape(len(masks), 12, 2, 12, 2).mean(axis=(2, 4)).reshape(len(masks), -1)
    geo = np.array([[math.log(m.shape[1] / m.shape[0]), float(m.mean())] for m in masks], np.float32)
    return np.concatenate([_hog_every_pixel(imgs), small, geo], axis=1).astype(np.float32)


def test_glyph_features_of_a_batch_are_the_bits_of_the_features_as_first_written():
    """The blocks of a batch normalised at once (each summed along its own row: gathered C-ordered, as a
    fancy index would not leave them), canvases divided in place, ink shares as whole numbers over sizes:
    the same bits, in a batch of any size as alone."""
    masks = _glyph_masks(11, 70) + [np.zeros((12, 9), np.uint8), np.ones((5, 31), np.uint8)]
    for k in (1, 2, 3, 9, 64, len(masks)):
        assert glyph_features(masks[:k]).tobytes() == _features_as_first_written(masks[:k]).tobytes()


def _orientation_as_first_written(gy: np.ndarray, gx: np.ndarray) -> np.ndarray:
    """:func:`orientation` as 0.36.2 wrote it: a new array at every step, the selections by ``np.where``."""
    from extract.numerals.recognizer import _ATAN_P, _ATAN_Q, _ATAN_SPLIT

    ay, ax = np.abs(gy.astype(np.float64)), np.abs(gx.astype(np.float64))
    big = np.maximum(ay, ax)
    t = np.divide(np.minimum(ay, ax), big, out=np.zeros_like(big), where=big > 0)
    far = t > _ATAN_SPLIT
    t = np.where(far, (t - 1.0) / (t + 1.0), t)
    z = t * t
    num = np.full_like(z, _ATAN_P[0])
    for c in _ATAN_P[1:]:
        num = num * z + c
    den = z + _ATAN_Q[0]
    for c in _ATAN_Q[1:]:
        den = den * z + c
    a = t * (z * num / den) + t + np.where(far, np.pi / 4, 0.0)
    a = np.where(ay > ax, np.pi / 2 - a, a)
    return np.where((gy < 0) != (gx < 0), np.where(a > 0, np.pi - a, 0.0), a)


def test_orientation_in_place_is_the_bits_of_orientation_step_by_step():
    """The same IEEE operations on every element, done in place and selected by ``where``: no bit changes, at
    any scale, for zeros of either sign, on the axes and the diagonals."""
    rng = np.random.default_rng(9)
    for scale in (1e-30, 1e-3, 1.0, 1e3):
        gy = (rng.standard_normal(200_000) * scale).astype(np.float32)
        gx = (rng.standard_normal(200_000) * scale).astype(np.float32)
        gy[::7], gx[::11], gy[::13], gx[::23] = 0.0, 0.0, -0.0, -0.0
        gx[::17], gx[::19] = gy[::17], -gy[::19]
        gy[::29], gx[::29] = 0.0, 0.0
        got, want = numerals.orientation(gy, gx), _orientation_as_first_written(gy, gx)
        assert got.dtype == np.float64 and got.tobytes() == want.tobytes()


def _cut_as_first_written(b, scale: float, bounds: list[int]):
    m, out = b.mask, []
    for a, c in zip(bounds, bounds[1:]):
        part = m[:, a:c]
        rows, cols = np.flatnonzero(part.any(1)), np.flatnonzero(part.any(0))
        if len(rows) == 0:
            return None
        y0, y1, x0, x1 = rows[0], rows[-1] + 1, cols[0], cols[-1] + 1
        wx, wy, _, _ = b.work_box
        box = (int((wx + a + x0) / scale), int((wy + y0) / scale),
               max(1, int(round((x1 - x0) / scale))), max(1, int(round((y1 - y0) / scale))))
        out.append((*box, part[y0:y1, x0:x1].tobytes(), part[y0:y1, x0:x1].shape,
                    (wx + a + int(x0), wy + int(y0), int(x1 - x0), int(y1 - y0))))
    return out


def test_a_blob_cut_at_columns_gives_the_parts_as_first_cut():
    """Parts found from the blob's inked columns (asked once) and then their rows: the boxes and masks
    the part-by-part cut gave, and no part when one holds no ink."""
    rng = np.random.default_rng(5)
    for m in _glyph_masks(13, 60):
        m = m.copy()
        m[:, int(rng.integers(0, m.shape[1])):][:, :2] = 0  # an empty gap somewhere
        h, w = m.shape
        blob = numerals.Blob(3, 4, w, h, m, (1, 2), (5, 7, w, h))
        for _ in range(4):
            bounds = [0, *sorted(set(rng.integers(1, w, int(rng.integers(0, 4))).tolist())), w]
            for scale in (1.0, 1.5, 2.0):
                got = numerals._cut(blob, scale, bounds)
                want = _cut_as_first_written(blob, scale, bounds)
                if want is None:
                    assert got is None
                    continue
                assert [(p.x, p.y, p.w, p.h, p.mask.tobytes(), p.mask.shape, p.work_box) for p in got] == want
                assert all(p.labels == (1, 2) and p.mask.flags.c_contiguous for p in got)


def _wide_blob(rec: Recognizer, name: str):
    from PIL import Image

    crop = np.asarray(Image.open(FIXTURES / f"issue-9-touching-year-{name}.png"))
    seg = segment(crop)
    return max(seg.blobs, key=lambda b: b.w), seg


@pytest.mark.parametrize("name", ["a", "b"])
def test_valley_cut_that_can_read_what_it_needs_is_the_full_search(rec, name):
    """Given up early only when it could not be taken: a cut that reads is found as by the whole search."""
    blob, seg = _wide_blob(rec, name)
    full = rec._valley_split(blob, seg, 0.0)
    sure = rec._valley_split(blob, seg, numerals.SPLIT_ACCEPT)
    assert full is not None and full[0] >= numerals.SPLIT_ACCEPT
    assert sure[0] == full[0] and [b.work_box for b in sure[1]] == [b.work_box for b in full[1]]
    assert np.array_equal(sure[2], full[2])


def test_valley_cut_gives_up_before_its_inner_parts_when_its_ends_cannot_read(rec, monkeypatch):
    """A wide blob whose first parts read no digit (a smear): its inner parts are never classified."""
    mask = np.zeros((40, 160), np.uint8)
    mask[5:35, :] = 1
    for x in range(20, 160, 20):  # thin columns every half digit height: many valleys, many inner spans
        mask[5:33, x - 2:x] = 0
    ink = (1 - mask) * 255
    seg = segment(ink.astype(np.uint8))
    (blob,) = seg.blobs
    rows = []
    inner = rec._probs
    monkeypatch.setattr(rec, "_probs", lambda blobs: rows.append(len(blobs)) or inner(blobs))
    full = rec._valley_split(blob, seg, 0.0)
    n_full = sum(rows)
    rows.clear()
    assert rec._valley_split(blob, seg, 1.5) is None  # no cut reads 1.5
    assert 0 < sum(rows) < n_full and len(rows) == 1  # the first parts only
    assert full is not None or n_full > 0


def test_is_slash_reads_rows_as_the_row_by_row_rule():
    """is_slash by row ends in numpy: the same answers as reading each row's ink in turn."""

    def by_rows(mask, digit_height):
        h, w = mask.shape
        if digit_height <= 0 or h < numerals.SLASH_MIN_H * digit_height or w < 2:
            return False
        rows = [np.flatnonzero(r) for r in mask]
        ys = [y for y, r in enumerate(rows) if len(r)]
        if len(ys) < 0.8 * h or max(r[-1] - r[0] + 1 for r in rows if len(r)) > numerals.SLASH_ROW * w:
            return False
        centres = [(rows[y][0] + rows[y][-1]) / 2 for y in ys]
        if np.std(centres) == 0:
            return False
        return float(np.corrcoef(ys, centres)[0, 1]) <= numerals.SLASH_CORR

    rng = np.random.default_rng(5)
    seen = set()
    for t in range(3000):
        h, w = int(rng.integers(1, 40)), int(rng.integers(1, 30))
        if t % 2:
            m = (rng.random((h, w)) < rng.uniform(0.05, 0.9)).astype(np.uint8)
        else:
            m = np.zeros((h, w), np.uint8)
            slope = rng.uniform(-2, 2)
            for y in range(h):
                if rng.random() < 0.95:
                    c = int(w / 2 + slope * (h / 2 - y) / 2)
                    m[y, max(0, c):max(0, c + 2)] = 1
        dh = float(rng.uniform(5, 45))
        want = by_rows(m, dh)
        assert numerals.is_slash(m, dh) == want
        seen.add(want)
    assert seen == {True, False}


# --- ``๗`` touching the next digit: no cut through its tail --------------------------------


def touching_digits(text: str, font: Path, px: float, overlap: int) -> np.ndarray:
    """``text`` drawn glyph by glyph on one baseline, each glyph's ink ``overlap`` px into the one before
    (tightly set digits a blur has joined into one blob), cropped to its ink with a margin."""
    from PIL import Image, ImageDraw, ImageFont

    f = ImageFont.truetype(str(font), int(round(px)))
    im = Image.new("L", (int(px * (1.2 * len(text) + 1)), int(px * 1.6)), 255)
    draw, x, base = ImageDraw.Draw(im), 8, int(px * 1.1)
    for c in text:
        x0, _, x1, _ = f.getbbox(c, anchor="ls")
        draw.text((x - x0, base), c, font=f, fill=0, anchor="ls")
        x += (x1 - x0) - overlap
    a = np.asarray(im)
    rows, cols = np.flatnonzero((a < 128).any(1)), np.flatnonzero((a < 128).any(0))
    return a[rows[0] - 6:rows[-1] + 7, cols[0] - 6:cols[-1] + 7].copy()


LAKSAMAN = {p.stem: p for p in font_files("Laksaman")}
needs_laksaman = pytest.mark.skipif("Laksaman" not in LAKSAMAN or "Laksaman-Bold" not in LAKSAMAN,
                                    reason="Laksaman missing: install fonts-tlwg-laksaman")


@needs_laksaman
@pytest.mark.parametrize("font, text, overlap, want", [
    ("Laksaman", "๗๗", 2, "77"),  # was 37
    ("Laksaman-Bold", "๗๔", 3, "74"),  # was 34
    ("Laksaman-Bold", "๗๙", 3, "79"),  # was 39
])
def test_seven_touching_the_next_digit_keeps_its_tail(rec, font, text, overlap, want):
    """``๗`` whose rising tail touches the next digit (one blob, 200 dpi): the cut at the valley between
    its body and its tail leaves a ``๓`` and hands the tail to the next digit, which still reads surely.
    No digit rises at its left edge above the digit before it: that cut is refused, the one after the tail kept."""
    crop = touching_digits(text, LAKSAMAN[font], 14 * 200 / 72, overlap)
    assert len(segment(crop).blobs) == 1  # they touch
    assert rec.read_number(crop).text == want


@needs_laksaman
@pytest.mark.parametrize("text", ["๓๒", "๐๒", "๓๖", "๕๖", "๓๔", "๗๒", "๗๐"])
def test_touching_digits_that_rise_at_their_left_are_cut_as_before(rec, text):
    """A digit whose own head rises at its left (``๒`` ``๖``) beside a ``๓``: the cut stands."""
    want = text.translate(str.maketrans(THAI_DIGITS, "0123456789"))
    for font in ("Laksaman", "Laksaman-Bold"):
        for px in (14 * 200 / 72, 14 * 300 / 72):
            assert rec.read_number(touching_digits(text, LAKSAMAN[font], px, 1)).text == want, (font, px)


def test_tail_at_cut_is_a_stroke_rising_above_the_glyph_before():
    """The geometry alone: a stroke at the cut rising above everything left of it and most of its own part."""
    m = np.zeros((24, 40), np.uint8)
    m[8:24, 0:14] = 1  # a ``๓``'s body
    m[0:24, 14:17] = 1  # ``๗``'s tail
    m[8:24, 18:38] = 1  # the next digit
    assert numerals.tail_at_cut(m, 14, 40, 24.0)
    assert not numerals.tail_at_cut(m, 17, 40, 24.0)  # cut after the tail
    m[0:8, 2:5] = 1  # a glyph left of the cut that rises as high (its own head)
    assert not numerals.tail_at_cut(m, 14, 40, 24.0)


@pytest.mark.parametrize("name, want", [("a", "72.18"), ("b", "78.20")])
def test_seven_touching_the_next_digit_in_a_dev_scan(name, want):
    """``๗๒.๑๘`` and ``๗๘.๒๐`` of a 300-dpi dev scan (bold Garuda), ``๗``'s tail fused with the next digit:
    read ``32.18`` (the cut before the tail) and ``79.20`` (the cut after it, a valley the twelve lowest
    columns of one flat stroke crowded out) before."""
    from PIL import Image

    crop = np.asarray(Image.open(FIXTURES / f"issue-9-touching-seven-{name}.png"))
    assert Recognizer.load().read_number(crop).text == want


def test_a_code_has_two_digits_at_most_and_a_digit_cut_in_two_is_joined():
    """``๐๑๗)`` of a 300-dpi dev scan (dev seed 161, B-scan300 page 1): the segmentation cut the ``๗``'s loop off its
    stem and read it ``6`` (0.61: just sure enough to be no weak piece), so the code read ``o167``, and the cited
    code ``o16``. No question code has three digits: the touching pair whose union reads surest as one digit is
    joined."""
    from PIL import Image

    crop = np.asarray(Image.open(FIXTURES / "issue-9-seven-cut-in-two.png").convert("L"))
    rec = Recognizer.load()
    assert [g.char for g in rec.classify_glyphs(crop)][:4] == ["๐", "๑", "6", "๗"]  # the cut, as the page read it
    assert rec.read_code(crop[:, :80], "o").text == "o17"
    assert rec.read_number(crop[:, :80]).text == "0167"  # a number has no such bound: read as cut


def test_a_tail_cut_off_between_two_digits_is_no_decimal_point():
    """``๑๐๐`` of a 300-dpi dev scan (dev seed 146, K-scan300 page 3): the threshold cut the ``๑``'s tail off,
    and that speck, on the baseline between ``๑`` and ``๐``, read as a point: the score ``1.00``, silently
    wrong. It overlaps both digits' boxes (a decimal point has room of its own): joined to the ``๑``."""
    from PIL import Image

    crop = np.asarray(Image.open(FIXTURES / "issue-9-hundred-tail-point.png"))
    rec = Recognizer.load()
    assert rec.read_number(crop).text == "100"
    # a point with room of its own stays a point: the same digits set apart around it
    wide = np.full((crop.shape[0], crop.shape[1] + 12), 245, np.uint8)
    wide[:, :54] = crop[:, :54]  # the ๑ without its tail (columns 54-57), the ๐๐ set 12 px further
    wide[:, 70:] = crop[:, 58:]
    wide[31:36, 58:63] = 60  # a point in a space of its own
    assert rec.read_number(wide).text == "1.00"


@needs_laksaman
@pytest.mark.parametrize("px", [14 * 200 / 72, 14 * 300 / 72])
def test_a_digit_filled_in_is_no_decimal_point(rec, px):
    """``๑๐๐`` whose ``๑`` blur filled into a disc (a 200-dpi dev scan): the model calls the disc a point,
    and ``.00`` became the score 0 (a leading point is dropped). A glyph as high as the digits is no point:
    it is its best digit, as unsure as the model is (no sure number, so the cell is read otherwise or flagged)."""
    import cv2
    from PIL import Image, ImageDraw, ImageFont

    from extract.ocr.readings import lone_number

    font = ImageFont.truetype(str(LAKSAMAN["Laksaman"]), int(round(px)))
    im = Image.new("L", (int(px * 4), int(px * 1.6)), 255)
    ImageDraw.Draw(im).text((int(px * 0.2), int(px * 1.1)), "๑๐๐", font=font, fill=0, anchor="ls")
    crop = np.asarray(im).copy()
    b = segment(crop).blobs[0]
    crop[b.y:b.y + b.h, b.x:b.x + b.w] = 255
    cv2.circle(crop, (b.x + b.w // 2, b.y + b.h // 2), max(b.w, b.h) // 2, 0, -1)
    r = rec.read_number(crop)
    assert r.text == "100" and r.confidence < 0.5
    found = lone_number(r)
    assert found is None or found.text == "100"


# --- run-end cuts: a fallback for unsure blobs, never a sure glyph's curl ------------------------


GARUDA = {p.stem: p for p in font_files("Garuda")}
needs_garuda = pytest.mark.skipif("Garuda-Bold" not in GARUDA, reason="Garuda missing: install fonts-tlwg-garuda")


@needs_garuda
@pytest.mark.parametrize("text, px, overlaps, want", [
    ("๗๕.๐๐", 14 * 150 / 72, (0, 1, 2), "75.00"),  # was 752.00: ๕'s curl cut off at a run's end, read ๒
    ("๕๐.๐๐", 14 * 200 / 72, (2,), "50.00"),  # was 550.00
])
def test_a_sure_wide_glyph_is_not_cut_at_the_ends_of_its_thin_strokes(rec, text, px, overlaps, want):
    """Bold ``๗`` or ``๕`` alone, wider than SPLIT_SURE_WIDTH digit heights once blurred, read surely: a cut at
    the end of a run of thin columns took its tail or curl off as a glyph of its own (``๗`` as ``๓`` and ``i``,
    ``๕`` as ``๕`` and a point). Run ends are cut only in a blob that reads no sure glyph and whose lowest
    valley columns gave no cut."""
    import cv2

    for overlap in overlaps:
        crop = cv2.GaussianBlur(touching_digits(text, GARUDA["Garuda-Bold"], px, overlap), (3, 3), 0.8)
        assert rec.read_number(crop).text == want, overlap


def test_tail_alone_right_of_a_cut_is_a_tail():
    """A part right of the cut no wider than TAIL_ALONE digit heights, rising above the glyph before: ``๗``'s
    tail alone (the glyph cut into ``๓`` and a stroke read ``i``); no other columns of its part to compare."""
    m = np.zeros((24, 40), np.uint8)
    m[8:24, 0:14] = 1  # a ``๓``'s body
    m[0:24, 14:17] = 1  # ``๗``'s tail, the part's only ink
    assert numerals.tail_at_cut(m, 14, 18, 24.0)
    m[8:24, 17:20] = 1  # a low narrow glyph instead (``๑``'s stem): no tail
    m[0:8, 14:17] = 0
    assert not numerals.tail_at_cut(m, 14, 20, 24.0)


@pytest.mark.parametrize("ends", [False, True])
def test_no_code_letter_is_cut_off_after_a_glyph(rec, monkeypatch, ends):
    """A narrow stroke between two glyphs of touching digits read as ``i`` (the left of ``๘`` cut off it,
    ``๗๘`` read ``7?9``): a code's letter begins its code, so no part after the first is one; a part cut at a
    run's end must be a digit."""
    mask = np.zeros((20, 34), np.uint8)
    mask[:, 0:12] = 1
    mask[9:11, 12:15] = 1  # thin joins: valleys
    mask[:, 15:20] = 1  # a narrow stroke
    mask[9:11, 20:23] = 1
    mask[:, 23:34] = 1
    seg = segment(((1 - mask) * 255).astype(np.uint8))
    (blob,) = seg.blobs
    classes = rec.model.classes

    def probs(blobs):
        out = np.full((len(blobs), len(classes)), 0.001, np.float32)
        for row, b in zip(out, blobs):
            w = b.mask.shape[1] / blob.mask.shape[0]
            row[classes.index("i" if w < 0.5 else "๗" if w < 0.8 else "๘")] = 0.99 if w < 0.5 else 0.9 if w < 0.8 else 0.5
        return out

    monkeypatch.setattr(rec, "_probs", probs)
    found = rec._valley_split(blob, seg, 0.0, ends=ends)
    assert found is not None
    read = [classes[int(np.argmax(q))] for q in found[2]]
    assert "i" not in read  # was ๗ i ๗, its weakest part surer than ๗ ๘
    assert ends or len(read) == 2


def test_run_end_cuts_are_tried_when_the_lowest_columns_cut_unsurely(rec, monkeypatch):
    """``๗๕`` touching at 300 dpi, one unsure blob: its lowest valley columns cut ``๓`` and ``๙`` at 0.64 (enough
    for a blob that wide), its runs' ends ``๗`` and ``๕`` at 0.84: an unsure cut is no reason not to try them."""
    crop = np.full((40, 80), 255, np.uint8)
    crop[8:32, 4:60] = 0
    classes = rec.model.classes

    def probs(blobs):
        out = np.full((len(blobs), len(classes)), 0.001, np.float32)
        out[:, classes.index("๔")] = 0.22  # the whole blob reads no sure glyph
        return out

    def valley(b, seg, need=0.0, ends=False):
        w = b.mask.shape[1]
        parts = numerals._cut(b, seg.scale, [0, w // 2, w])
        read = ("๗", "๕") if ends else ("๓", "๙")
        q = np.full((2, len(classes)), 0.001, np.float32)
        for row, c in zip(q, read):
            row[classes.index(c)] = 0.84 if ends else 0.64
        return (0.84 if ends else 0.64), parts, q

    monkeypatch.setattr(rec, "_probs", probs)
    monkeypatch.setattr(rec, "_valley_split", valley)
    monkeypatch.setattr(rec, "_equal_split", lambda b, seg: None)
    _, items = rec._analyse_crop(crop)
    assert [classes[int(np.argmax(p))] for _, _, p in items] == ["๗", "๕"]


def test_pieces_of_a_broken_wide_digit_are_joined(rec):
    """``๙๒.๐๓`` of a fax-like 300-dpi dev scan (dev seed 171, L-scan300 page 5): the ``๒`` broke into three
    pieces 1.2 digit heights wide, more than the one digit's 1.1 the join allowed (``๙?6?.03``, the score
    unreadable). A digit may be as wide as :data:`DIGIT_WIDTH_MAX`."""
    from PIL import Image

    crop = np.asarray(Image.open(FIXTURES / "issue-9-two-in-three-pieces.png"))
    assert numerals.DIGIT_WIDTH_MAX >= 1.35  # the widest digit of the fonts, Waree Bold's ๗
    assert rec.read_number(crop).text == "92.03"


@pytest.mark.parametrize("family", ["Waree", "Umpush", "NotoLoopedThai"])
def test_the_widest_digits_of_the_fonts_fit_digit_width_max(family):
    """DIGIT_WIDTH_MAX is measured, not tuned: no Thai digit of the wide faces is wider, in digit heights as
    :func:`segment` takes them (the median of a run's tall glyphs)."""
    from extract.numerals.train import render

    fonts = font_files(family)
    if not fonts:
        pytest.skip(f"{family} is not installed")
    for font in fonts:
        seg = numerals.segment(render("  ".join(numerals.THAI_DIGITS), font, 80))
        assert len(seg.blobs) == 10, font.name
        assert max(b.w for b in seg.blobs) / seg.digit_height <= numerals.DIGIT_WIDTH_MAX, font.name


# --- the widest digits: Garuda's ``๗`` touching the next one ------------------------------------


@needs_garuda
@pytest.mark.parametrize("dpi", [150, 200, 300])
def test_garuda_seven_touching_five_is_cut_whole(rec, dpi):
    """Garuda's ``๗`` stands 1.67 times as wide as a ``๐`` is high, and in ``๗๕`` set as Garuda sets it its tail
    touches the ``๕``. Parts of a touching blob were at most 1.3 digit heights wide: no cut kept the ``๗`` whole,
    and ``๗๕.๐๐`` read ``34.00`` (the ``๗`` without its tail, the tail with the ``๕``), ``4.00`` or nothing, in
    most sizes; two dev scans' scores (dev13 J, dev16 X: ``34.00``, ``39.00``) too. Parts may now be as wide as the
    widest digit of the trained families. Drawn with Pillow's own setting of the font, at 12, 14 and 16 pt."""
    from PIL import Image, ImageDraw, ImageFont

    for pt in (12, 14, 16):
        px = pt * dpi / 72
        f = ImageFont.truetype(str(GARUDA["Garuda"]), int(round(px)))
        im = Image.new("L", (int(px * 6), int(px * 2)), 255)
        ImageDraw.Draw(im).text((8, 4), "๗๕.๐๐", font=f, fill=0)
        a = np.asarray(im)
        rows, cols = np.flatnonzero((a < 128).any(1)), np.flatnonzero((a < 128).any(0))
        crop = cv2.GaussianBlur(a[rows[0] - 6:rows[-1] + 7, cols[0] - 6:cols[-1] + 7], (3, 3), 0.8)
        assert rec.read_number(crop).text == "75.00", pt


def test_garuda_seven_five_of_a_scan(rec):
    """The ink of dev13 J's ``๗๕.๐๐`` (seed 169, page 4, Garuda at 300 dpi), as the cell's re-read cut it: read
    ``34.00`` before."""
    from PIL import Image

    crop = np.asarray(Image.open(FIXTURES / "issue-9-garuda-seven-five.png").convert("L"))
    assert rec.read_number(crop).text == "75.00"


def test_a_wider_cut_takes_no_sliver_of_the_next_digit(rec):
    """dev11 W (seed 134, page 1): a faint ``๙๙.๓๒`` whose ``๓๒`` blur joined. The best cut left a three, so the
    valleys were tried again with wider parts, and the widest took the ``๓`` with the start of the ``๒`` as a
    ``๗`` (0.92), the rest a sliver read ``3``: ``99.73`` surely, where the score had been left unread. A wider
    cut stands only when each of its parts is half a digit height wide: the ink stays unread (a person reads it,
    the recognizer does not), and the Garuda ``๗๕`` above still reads whole."""
    from PIL import Image

    crop = np.asarray(Image.open(FIXTURES / "issue-9-faint-three-two.png").convert("L"))
    assert "73" not in rec.read_number(crop).text
    assert rec.read_number(np.asarray(Image.open(FIXTURES / "issue-9-garuda-seven-five.png").convert("L"))).text == "75.00"


def test_two_unread_pieces_beside_a_sure_digit_are_cut_again(rec):
    """dev17 C (seed 258, page 5, Norasi: the family the recognizer never saw): ``100`` whose zeros blur joined,
    the second broken where its thin side faded, so the blobs were ``0`` with half the next ``0``, and the
    other half: ``1??``, the score unread. Two touching neighbours that read no digit, beside a sure one, are
    cut again as one."""
    from PIL import Image

    crop = np.asarray(Image.open(FIXTURES / "issue-9-serif-zeros-joined.png").convert("L"))
    assert [g.char for g in rec.read_number(crop).glyphs] == ["1", "0", "0"]
    # without a sure digit beside them (a word's letters) the pieces are not cut again
    assert rec.read_number(crop[:, 14:]).text == "??"


def test_a_zero_in_two_halves_is_one_glyph(rec):
    """dev17 E (seed 260, page 4, Norasi at 300 dpi): ``86.20`` whose last ``0`` lost its thin top and bottom in
    the scan, two halves ``()`` that read nothing alone. Their union reads ``0`` at 0.72, under the 0.8 two
    pieces of a glyph need to be joined, and the score was left unread. Two pieces that each read nothing at all
    are joined when their union reads a zero at 0.6."""
    from PIL import Image

    crop = np.asarray(Image.open(FIXTURES / "issue-9-zero-in-halves.png").convert("L"))
    assert rec.read_number(crop).text == "86.20"
