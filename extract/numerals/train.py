"""Build the Thai-numeral model of :mod:`extract.numerals.recognizer` offline, from pinned fonts.

This is a developer's command, never run by ita-extract itself: the model it
writes ships in ``extract/numerals/models/`` and :mod:`extract.numerals.recognizer` loads it,
checked by sha256. (This module imports :mod:`extract.numerals.recognizer` for the
features and the model; the recognizer never imports the trainer.)

Glyphs are rendered from the fonts of ``fonts-thai-tlwg``,
``fonts-tlwg-laksaman`` and ``fonts-noto-core`` (upright styles), printed
and scanned the way a report is (:func:`random_degradation`): 7-60 px digit
heights (10-16 pt at 150-300 dpi), optical rendering (drawn 4x larger and
scaled down) or hinted, rotation ±3°, stretch, paper and ink tones, blur,
thin or bold ink, grain, JPEG quality 30-95, fax-like binarization at a lower
resolution, a random threshold; then cut out by the same
:func:`extract.numerals.recognizer.segment` the recognizer uses and fed to a
one-hidden-layer perceptron trained with Adam in numpy.

A sample is one glyph rendered alone, with no page around it, so it is cut
with ``segment(..., page_context=False)``: the rules the recognizer keeps for
what a scanned page puts into a crop (a toner streak lightened, marks of the
lines above and below and far dust dropped) do not apply to it, and rules of
that kind added to the runtime later leave the training samples, and so the
model built from them, as they were. Had the trainer run them, a rule that
changed one sample would shift the random stream of every later one: the
rebuild would be another model than the shipped one.

Pinned inputs: the manifest next to the model (``thai-numerals-v1.json``)
lists every font file with its sha256, the seed, the sizes and the library
versions of the build. A rebuild refuses fonts that differ from the
manifest's (``--new-inputs`` records a new set). The family :data:`HELD_OUT`
(Norasi) is never trained on: tests and the benchmark measure on it.

The bits also depend on libraries beyond the code. OpenCV's ``warpAffine``
(bilinear, 8 bit) rounds a value within a thousandth of a half grey level to
either side by version and SIMD path: constraints.txt pins the version, which
the manifest records. numpy picks the code of its transcendental functions
(``arctan2``, ``exp``, ``log``) by CPU, SVML on AVX-512: the features and the
draw use IEEE arithmetic alone (recognizer.orientation, ``math``): the draw
of an AVX-512 machine differed from an AVX2 machine's. :func:`fit`
multiplies with BLAS, whose rounding depends on OpenBLAS's kernel and thread
count: :func:`main` runs it with the Haswell kernel on one thread
(:data:`BLAS_ENV`, recorded in the manifest), which any x86-64 machine with
AVX2 runs, so a model it fits is rebuilt bit for bit there. The shipped model
was fitted before both (an AVX-512 machine's arctan2, OpenBLAS's SkylakeX
kernel): its manifest's ``fitted_on`` says how close its samples are to
today's draw; ``--check`` rebuilds a model of the same samples, not its bits.

The manifest also records the sha256 of a small fixed draw of samples
(:func:`draw_digest`, :data:`DRAW_PER_CLASS` per class, a fraction of a
second): a test compares the trainer's draw with it, so a change to what the
trainer draws (a rendering, the segmentation of a glyph alone, the features)
shows at once, without a rebuild of several minutes.

    python -m extract.numerals.train                 # rebuild extract/numerals/models/thai-numerals-v1.npz
    python -m extract.numerals.train --out /tmp/m.npz
    python -m extract.numerals.train --check         # rebuild in a temporary folder: is it the shipped file?

After a rebuild, put the printed sha256 in :data:`extract.numerals.recognizer.MODEL_SHA256`.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import logging
import math
import os
import sys
import tempfile
import time
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import cv2
import numpy as np
from PIL import Image, ImageDraw, ImageFont

from ita_extract.errors import MissingDependency
from normalize.thaichars import LEAD_VOWELS, LETTERS
from extract.numerals.recognizer import (
    ARABIC_DIGITS,
    CLASSES,
    MODEL_FILE,
    MODEL_VERSION,
    THAI_DIGITS,
    Model,
    glyph_features,
    model_digest,
    segment,
)

log = logging.getLogger(__name__)

#: Folders searched for font files.
FONT_DIRS = (Path("/usr/share/fonts"), Path("/usr/local/share/fonts"), Path.home() / ".local/share/fonts")
#: Families trained on: file-name stems before the style suffix.
TRAIN_FAMILIES = (
    "Laksaman", "Garuda", "Kinnari", "Loma", "Purisa", "Sawasdee", "Umpush", "Waree",
    "TlwgTypo", "TlwgTypist", "TlwgTypewriter", "TlwgMono",
    "NotoSansThai", "NotoSerifThai", "NotoLoopedThai",
)
#: Never trained on; tests and the benchmark read it.
HELD_OUT = "Norasi"
#: Debian packages that hold these fonts (scripts/setup.sh installs them).
FONT_PACKAGES = ("fonts-thai-tlwg", "fonts-tlwg-laksaman", "fonts-noto-core")
#: Laksaman is what the reports' TH Sarabun looks like: drawn more often.
FAMILY_WEIGHT = {"Laksaman": 3.0, "Purisa": 0.5, "NotoLoopedThai": 0.7}

#: Training samples per class; ``other`` gets OTHER_FACTOR times as many.
PER_CLASS = 2000
OTHER_FACTOR = 5
#: Digit heights drawn log-uniformly from this range (pixels): 10-16 pt at 150-300 dpi.
HEIGHT_RANGE = (7.0, 60.0)
HIDDEN = 256
EPOCHS = 20
BATCH = 256
LEARNING_RATE = 3e-3
SEED = 20250401
#: Samples per class of the small fixed draw whose digest the manifest records (:func:`draw_digest`).
DRAW_PER_CLASS = 10

#: ``other``: Thai letters, vowels and syllables with marks, Latin letters
#: and signs that are no digit. Not taught: l, I, | (a 1 in any number), o
#: and O (a zero), i, e and E (classes of their own).
THAI_OTHER = LETTERS + "ะา" + LEAD_VOWELS + "ๆฯ"
THAI_SYLLABLES = (
    "กิ", "ที่", "นั้", "ปู", "ดี", "ตั", "คุ", "สู่", "ผู้", "ข้", "ชื่", "ด้", "บึ", "ฟ้", "ห้", "ล่", "ต่",
    "มี", "รู้", "จำ", "ทำ", "น้ำ", "ฏ", "ฐ", "ญ", "ปี", "ปิ", "ฝั", "พื", "ฬ", "ศึ", "ยุ", "อื่",
)
LATIN_OTHER = "abcdfghjkmnpqrstuvwxyzABCDFGHJKLMNPQRSTUVWXYZ"
SIGNS = "/()%+*#&@?!<>=[]{}$"
OTHER_TEXTS: tuple[str, ...] = (*THAI_OTHER, *THAI_SYLLABLES, *LATIN_OTHER, *SIGNS)
CLASS_TEXTS: dict[str, tuple[str, ...]] = {
    **{d: (d,) for d in THAI_DIGITS},
    **{d: (d,) for d in ARABIC_DIGITS},
    "๐": ("๐", "๐", "o"),
    "0": ("0", "0", "O"),
    ".": (".",),
    "i": ("i",),
    "e": ("e", "e", "E"),
    "other": OTHER_TEXTS,
}


# --- fonts ------------------------------------------------------------------------


def font_files(family: str) -> list[Path]:
    """Upright font files of a family (``Norasi.ttf``, ``Norasi-Bold.ttf``...), sorted.

    >>> all(p.name.startswith("Laksaman") for p in font_files("Laksaman"))
    True
    """
    found = []
    for d in FONT_DIRS:
        if d.is_dir():
            for p in d.rglob(f"{family}*.[ot]tf"):
                style = p.stem[len(family):].lstrip("-")
                if style in ("", "Regular", "Bold", "Light") and not any(s in p.stem for s in ("Italic", "Oblique")):
                    found.append(p)
    return sorted(set(found))


def training_fonts() -> list[Path]:
    """Every training font installed; MissingDependency when none is."""
    fonts = [p for fam in TRAIN_FAMILIES for p in font_files(fam)]
    if not fonts:
        raise MissingDependency(
            "No Thai font to train the numeral recognizer on: install the Debian packages "
            + ", ".join(FONT_PACKAGES) + " (scripts/setup.sh does)."
        )
    return fonts


def family_of(path: Path) -> str:
    return next((f for f in (*TRAIN_FAMILIES, HELD_OUT) if path.stem.startswith(f)), path.stem)


@lru_cache(maxsize=4096)
def _font(path: str, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(path, size)


@lru_cache(maxsize=None)
def has_glyphs(path: str, text: str) -> bool:
    """True when the font draws every character of ``text`` (not the missing-glyph box)."""
    font = _font(path, 40)
    missing = np.asarray(font.getmask("\U000f0000"))
    for ch in text:
        if ch.isspace():
            continue
        m = np.asarray(font.getmask(ch))
        if m.size == 0 and ch not in ".":
            return False
        if m.shape == missing.shape and np.array_equal(m, missing):
            return False
    return True


@lru_cache(maxsize=None)
def digit_height_ratio(path: str) -> float:
    """Height of the font's Thai digits per pixel of font size."""
    font = _font(path, 100)
    hs = []
    for d in "๐๒๓๔๕๘":
        box = font.getbbox(d)
        hs.append(box[3] - box[1])
    return float(np.median(hs)) / 100.0


# --- rendering and degradation ------------------------------------------------------


def render(text: str, font: Path | str, size_px: float, *, ink: int = 0, paper: int = 255,
           pad: float = 0.35) -> np.ndarray:
    """``text`` drawn in ``font`` at ``size_px`` pixels per em, on paper (uint8, 0 = ink)."""
    f = _font(str(font), max(4, int(round(size_px))))
    x0, y0, x1, y1 = f.getbbox(text)
    p = int(round(pad * size_px)) + 2
    im = Image.new("L", (x1 - x0 + 2 * p, y1 - y0 + 2 * p), paper)
    ImageDraw.Draw(im).text((p - x0, p - y0), text, font=f, fill=ink)
    return np.asarray(im).copy()


def size_for(font: Path | str, pt: float, dpi: float) -> float:
    """Pixels per em of ``pt`` points at ``dpi``."""
    return pt * dpi / 72.0


@dataclass(frozen=True)
class Degradation:
    """How a print-and-scan spoils a crop. All defaults: no change."""

    angle: float = 0.0  # degrees
    blur: float = 0.0  # Gaussian sigma, pixels
    morph: int = 0  # -1 thinner ink, +1 bolder ink
    noise: float = 0.0  # Gaussian noise sigma, grey levels
    jpeg: int = 0  # JPEG quality, 0 = none
    stretch: float = 1.0  # horizontal scale
    fax: float = 0.0  # binarized at this share of the ink-to-paper range (0 = grey scan)
    fax_scale: float = 1.0  # ... after scaling down by this factor (a coarse fax), then back up

    def apply(self, gray: np.ndarray, rng: np.random.Generator) -> np.ndarray:
        img = gray
        h, w = img.shape
        if self.angle or self.stretch != 1.0:
            m = cv2.getRotationMatrix2D((w / 2, h / 2), self.angle, 1.0)
            m[0, :] *= self.stretch
            nw = int(round(w * self.stretch))
            img = cv2.warpAffine(img, m, (nw, h), flags=cv2.INTER_LINEAR, borderValue=int(img[0, 0]))
        if self.morph:
            k = np.ones((2, 2), np.uint8)
            # ink is dark: erode the image = bolder ink, dilate = thinner
            img = cv2.erode(img, k) if self.morph > 0 else cv2.dilate(img, k)
        if self.blur > 0:
            img = cv2.GaussianBlur(img, (0, 0), self.blur)
        if self.noise > 0:
            img = np.clip(img.astype(np.float32) + rng.normal(0, self.noise, img.shape), 0, 255).astype(np.uint8)
        if self.fax:
            img = _fax(img, self.fax, self.fax_scale)
        if self.jpeg:
            ok, buf = cv2.imencode(".jpg", img, [cv2.IMWRITE_JPEG_QUALITY, int(self.jpeg)])
            img = cv2.imdecode(buf, cv2.IMREAD_GRAYSCALE)
        return img


def _fax(img: np.ndarray, level: float, scale: float) -> np.ndarray:
    """Black and white at ``level`` of the way from ink to paper, sampled ``scale`` times coarser."""
    h, w = img.shape
    small = img
    if scale < 1.0:
        small = cv2.resize(img, (max(1, int(w * scale)), max(1, int(h * scale))), interpolation=cv2.INTER_AREA)
    lo, hi = np.percentile(small, 2), np.percentile(small, 98)
    bw = np.where(small < lo + level * (hi - lo), 0, 255).astype(np.uint8)
    if scale < 1.0:
        bw = cv2.resize(bw, (w, h), interpolation=cv2.INTER_NEAREST)
    return bw


def random_degradation(rng: np.random.Generator, digit_h: float) -> Degradation:
    """A random print-and-scan, scaled to the glyph size: from clean to a coarse fax."""
    fax = rng.random() < 0.12
    return Degradation(
        angle=float(rng.uniform(-3, 3)),
        blur=float(rng.choice([0.0, rng.uniform(0.3, 0.6 + digit_h / 35)], p=[0.3, 0.7])),
        morph=int(rng.choice([-1, 0, 1], p=[0.15, 0.65, 0.2])) if digit_h > 16 else 0,
        noise=float(rng.choice([0.0, rng.uniform(3, 30)], p=[0.4, 0.6])),
        jpeg=0 if fax else int(rng.choice([0, int(rng.integers(30, 95))], p=[0.5, 0.5])),
        stretch=float(rng.uniform(0.88, 1.12)),
        fax=float(rng.uniform(0.35, 0.65)) if fax else 0.0,
        fax_scale=float(rng.choice([1.0, rng.uniform(0.6, 0.9)])) if fax and digit_h > 14 else 1.0,
    )


def random_threshold(rng: np.random.Generator, gray: np.ndarray) -> int | None:
    """Otsu most of the time, else a threshold 25-75 % of the way from ink to paper (thin or bold ink)."""
    if rng.random() < 0.6:
        return None
    lo, hi = np.percentile(gray, 1), np.percentile(gray, 99)
    return int(lo + rng.uniform(0.25, 0.75) * (hi - lo))


def scan_degradation(rng: np.random.Generator, level: float = 1.0) -> Degradation:
    """A moderate scan for held-out tests: blur, noise, rotation up to ±1.5°, some JPEG.

    ``level`` scales blur, noise and rotation (0 = a clean rendering).
    """
    return Degradation(
        angle=float(rng.uniform(-1.5, 1.5)) * level,
        blur=float(rng.uniform(0.4, 0.9)) * level,
        noise=float(rng.uniform(5, 15)) * level,
        jpeg=int(rng.integers(50, 90)) if level > 0 and rng.random() < 0.5 else 0,
    )


def render_token(text: str, font: Path | str, pt: float, dpi: float, rng: np.random.Generator,
                 level: float = 1.0) -> np.ndarray:
    """A word crop as a scan at ``dpi`` would give it: ``text`` at ``pt`` points, degraded."""
    gray = render(text, font, size_for(font, pt, dpi), pad=0.15)
    return scan_degradation(rng, level).apply(gray, rng)


# --- samples and training -------------------------------------------------------------


def printed(text: str, font: Path | str, size_px: float, rng: np.random.Generator, *, pad: float = 0.35,
            optical: bool | None = None) -> np.ndarray:
    """``text`` as a printed page shows it: paper and ink tones, drawn hinted or optically.

    Optical (half the time unless ``optical`` says): drawn 4x larger and
    scaled down, as a scanner's optics see print, instead of FreeType's
    hinted pixels at the small size.
    """
    paper = int(rng.integers(160, 256))
    ink = int(rng.integers(0, min(100, paper - 60)))
    if optical if optical is not None else rng.random() < 0.5:
        big = render(text, font, 4 * size_px, pad=pad)
        h, w = big.shape
        gray = cv2.resize(big, (max(1, round(w / 4)), max(1, round(h / 4))), interpolation=cv2.INTER_AREA)
    else:
        gray = render(text, font, size_px, pad=pad)
    return (ink + (paper - ink) * (gray.astype(np.float32) / 255.0)).round().astype(np.uint8)


def scanned_token(text: str, font: Path | str, pt: float, dpi: float, rng: np.random.Generator) -> np.ndarray:
    """A word crop drawn from the training range of damage (for measuring on held-out fonts)."""
    size = size_for(font, pt, dpi)
    gray = printed(text, font, size, rng, pad=0.15)
    return random_degradation(rng, size * digit_height_ratio(str(font))).apply(gray, rng)


def glyph_sample(text: str, font: Path, digit_h: float, rng: np.random.Generator,
                 single: bool) -> np.ndarray | None:
    """The glyph mask the recognizer would see for ``text``; None if it fell apart.

    Cut as a glyph alone (``segment(..., page_context=False)``, see the module doc): no page rule applies.

    ``single``: the text must come out as one glyph (digits); otherwise the
    largest glyph is taken (fragments of Thai syllables are ``other`` too).
    """
    size = digit_h / digit_height_ratio(str(font))
    gray = random_degradation(rng, digit_h).apply(printed(text, font, size, rng), rng)
    seg = segment(gray, random_threshold(rng, gray), page_context=False)
    if not seg.blobs:
        return None
    areas = [int(b.mask.sum()) for b in seg.blobs]
    k = int(np.argmax(areas))
    if single and any(a > 0.15 * areas[k] for i, a in enumerate(areas) if i != k):
        return None
    return seg.blobs[k].mask


def make_dataset(fonts: list[Path], per_class: int = PER_CLASS, seed: int = SEED) -> tuple[np.ndarray, np.ndarray]:
    """Features and class indices of rendered, degraded glyphs."""
    rng = np.random.default_rng(seed)
    weights = np.array([FAMILY_WEIGHT.get(family_of(f), 1.0) for f in fonts])
    weights /= weights.sum()
    masks: list[np.ndarray] = []
    labels: list[int] = []
    # math, not numpy: numpy's exp and log are chosen by the CPU and differ in the last bits (recognizer.orientation)
    lo, hi = math.log(HEIGHT_RANGE[0]), math.log(HEIGHT_RANGE[1])
    for ci, cls in enumerate(CLASSES):
        texts = CLASS_TEXTS[cls]
        want = per_class * (OTHER_FACTOR if cls == "other" else 1)
        got = tries = 0
        while got < want and tries < 3 * want:
            tries += 1
            font = fonts[int(rng.choice(len(fonts), p=weights))]
            text = texts[int(rng.integers(len(texts)))]
            if not has_glyphs(str(font), text):
                continue
            m = glyph_sample(text, font, math.exp(float(rng.uniform(lo, hi))), rng, single=cls != "other")
            if m is None:
                continue
            masks.append(m)
            labels.append(ci)
            got += 1
        if got < want:
            log.warning("class %r: only %d of %d samples", cls, got, want)
    return glyph_features(masks), np.array(labels, np.int64)


def draw_digest(fonts: list[Path], per_class: int = DRAW_PER_CLASS, seed: int = SEED) -> str:
    """sha256 of the features and labels (little-endian float32, int64) of the draw
    :func:`make_dataset` makes with ``per_class`` samples per class: the trainer's samples in a
    fraction of a second, which the manifest records beside the model.
    """
    x, y = make_dataset(fonts, per_class, seed)
    digest = hashlib.sha256(np.ascontiguousarray(x, "<f4").tobytes())
    digest.update(np.ascontiguousarray(y, "<i8").tobytes())
    return digest.hexdigest()


def fit(x: np.ndarray, y: np.ndarray, *, hidden: int = HIDDEN, epochs: int = EPOCHS, seed: int = SEED,
        smoothing: float = 0.05) -> Model:
    """A one-hidden-layer perceptron fitted with Adam and label smoothing."""
    rng = np.random.default_rng(seed)
    mean = x.mean(0)
    std = x.std(0) + 1e-3
    z = ((x - mean) / std).astype(np.float32)
    n, d = z.shape
    c = len(CLASSES)
    params = [
        (rng.standard_normal((d, hidden)) * np.sqrt(2.0 / d)).astype(np.float32),
        np.zeros(hidden, np.float32),
        (rng.standard_normal((hidden, c)) * np.sqrt(1.0 / hidden)).astype(np.float32),
        np.zeros(c, np.float32),
    ]
    m = [np.zeros_like(p) for p in params]
    v = [np.zeros_like(p) for p in params]
    target = np.full((n, c), smoothing / c, np.float32)
    target[np.arange(n), y] += 1.0 - smoothing
    # balance classes: "other" has more samples
    cw = (n / (c * np.bincount(y, minlength=c).clip(1))).astype(np.float32)
    beta1, beta2, eps, wd = 0.9, 0.999, 1e-8, 1e-4
    step = 0
    for ep in range(epochs):
        lr = LEARNING_RATE * (0.5 * (1 + np.cos(np.pi * ep / epochs))) + 1e-5
        order = rng.permutation(n)
        for s in range(0, n, BATCH):
            idx = order[s:s + BATCH]
            xb, tb, wb = z[idx], target[idx], cw[y[idx]][:, None]
            w1, b1, w2, b2 = params
            h = np.maximum(xb @ w1 + b1, 0.0)
            logits = h @ w2 + b2
            logits -= logits.max(1, keepdims=True)
            p = np.exp(logits)
            p /= p.sum(1, keepdims=True)
            g = (p - tb) * (wb / len(idx))
            gh = (g @ w2.T) * (h > 0)
            grads = (xb.T @ gh + wd * w1, gh.sum(0), h.T @ g + wd * w2, g.sum(0))
            step += 1
            c1 = lr / (1 - beta1 ** step)
            c2 = 1 / (1 - beta2 ** step)
            for prm, mi, vi, gr in zip(params, m, v, grads):
                mi *= beta1
                mi += (1 - beta1) * gr
                vi *= beta2
                vi += (1 - beta2) * gr * gr
                prm -= c1 * mi / (np.sqrt(vi * c2) + eps)
    w1, b1, w2, b2 = params
    return Model(mean.astype(np.float32), std.astype(np.float32), w1, b1, w2, b2)


def train(per_class: int = PER_CLASS, seed: int = SEED, fonts: list[Path] | None = None) -> Model:
    """Render, degrade and fit: the model :mod:`extract.numerals.recognizer` ships."""
    t0 = time.perf_counter()
    fonts = fonts if fonts is not None else training_fonts()
    x, y = make_dataset(fonts, per_class, seed)
    t1 = time.perf_counter()
    model = fit(x, y, seed=seed)
    log.info("numeral model: %d samples from %d fonts, rendered in %.1f s, fitted in %.1f s",
             len(y), len(fonts), t1 - t0, time.perf_counter() - t1)
    return model


# --- pinned inputs ----------------------------------------------------------------


def file_sha256(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def manifest_path(model: Path) -> Path:
    """The manifest written beside a model: ``thai-numerals-v1.npz`` → ``thai-numerals-v1.json``."""
    return model.with_suffix(".json")


def font_inputs(fonts: list[Path]) -> dict[str, str]:
    """File name → sha256 of every training font."""
    return {p.name: file_sha256(p) for p in fonts}


def check_pinned(fonts: list[Path], manifest: Path) -> list[str]:
    """How the installed training fonts differ from a manifest's (empty: the same inputs)."""
    if not manifest.is_file():
        return [f"no manifest at {manifest}"]
    pinned: dict[str, str] = json.loads(manifest.read_text())["fonts"]
    have = font_inputs(fonts)
    diffs = [f"{n}: missing" for n in sorted(set(pinned) - set(have))]
    diffs += [f"{n}: not pinned" for n in sorted(set(have) - set(pinned))]
    diffs += [f"{n}: other bytes" for n in sorted(set(have) & set(pinned)) if have[n] != pinned[n]]
    return diffs


def library_versions() -> dict[str, str]:
    import PIL

    return {"python": sys.version.split()[0], "numpy": np.__version__, "Pillow": PIL.__version__,
            "opencv": cv2.__version__, "freetype": str(ImageFont.core.freetype2_version)}


def write_manifest(model_file: Path, fonts: list[Path], per_class: int, seed: int) -> dict:
    info = {
        "model": model_file.name,
        "sha256": model_digest(model_file.read_bytes()),
        "version": MODEL_VERSION,
        "classes": list(CLASSES),
        "seed": seed,
        "per_class": per_class,
        "other_factor": OTHER_FACTOR,
        "height_range_px": list(HEIGHT_RANGE),
        "hidden": HIDDEN,
        "epochs": EPOCHS,
        "sample_draw": {"per_class": DRAW_PER_CLASS, "sha256": draw_digest(fonts, DRAW_PER_CLASS, seed)},
        "held_out_family": HELD_OUT,
        "font_packages": list(FONT_PACKAGES),
        "fonts": font_inputs(fonts),
        "built_with": library_versions(),
        "blas": dict(BLAS_ENV),
    }
    manifest_path(model_file).write_text(json.dumps(info, indent=1, ensure_ascii=False) + "\n")
    return info


def check_rebuild(fonts: list[Path], manifest: Path) -> int:
    """Rebuild a manifest's model in a temporary folder: 0 when it is the same file, else 1, saying
    why (another draw of samples is the code's doing; the same draw, other bits, the libraries')."""
    pinned = json.loads(manifest.read_text())
    draw = pinned.get("sample_draw")
    if draw and draw_digest(fonts, draw["per_class"], pinned["seed"]) != draw["sha256"]:
        print("error: the trainer no longer draws the samples the shipped model was built from "
              "(its sample_draw digest differs): this code cannot rebuild it", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / pinned["model"]
        train(pinned["per_class"], pinned["seed"], fonts).save(out)
        got = model_digest(out.read_bytes())
    if got == pinned["sha256"]:
        print(f"ok: the rebuild is {pinned['model']} (sha256 {got})")
        return 0
    built = pinned.get("built_with", {})
    libs = [f"{k} {v} (built with {built.get(k)})" for k, v in library_versions().items() if v != built.get(k)]
    libs += [f"{k}={v} (built with {pinned.get('blas', {}).get(k)})" for k, v in BLAS_ENV.items()
             if v != pinned.get("blas", {}).get(k)]
    why = "from the same draw of samples: the libraries round otherwise" if draw else "the draw or the libraries"
    print(f"error: the rebuild's sha256 {got} is not the manifest's {pinned['sha256']}, {why} ("
          + ("; ".join(libs) or "same versions: BLAS kernel or threads") + "; see this module's doc)", file=sys.stderr)
    return 1


#: How :func:`fit`'s BLAS runs: OpenBLAS's Haswell kernel (AVX2, which x86-64 processors since Intel's Haswell
#: and AMD's Zen have, AVX-512 ones too) on one thread. OpenBLAS otherwise picks its kernel by the CPU and splits sums
#: by its thread count, and the rounding follows: the model would be rebuilt bit for bit only on a machine
#: like the one that built it. OpenBLAS reads these when numpy loads it, so :func:`main` starts over with them.
BLAS_ENV = {"OPENBLAS_CORETYPE": "Haswell", "OPENBLAS_NUM_THREADS": "1"}


def _with_pinned_blas(argv: list[str]) -> None:
    """Run the trainer again in a process whose OpenBLAS runs as :data:`BLAS_ENV` says (no return), unless
    this one already does."""
    if all(os.environ.get(k) == v for k, v in BLAS_ENV.items()):
        return
    sys.stdout.flush()
    os.execve(sys.executable, [sys.executable, "-m", "extract.numerals.train", *argv], {**os.environ, **BLAS_ENV})


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    _with_pinned_blas(argv)
    ap = argparse.ArgumentParser(prog="python -m extract.numerals.train", description=__doc__.split("\n")[0])
    ap.add_argument("--out", type=Path, default=MODEL_FILE, help=f"model file (default: {MODEL_FILE})")
    ap.add_argument("--per-class", type=int, default=PER_CLASS, help="training samples per class")
    ap.add_argument("--seed", type=int, default=SEED, help="random seed")
    ap.add_argument("--new-inputs", action="store_true",
                    help="train on the installed fonts even when they differ from the shipped manifest's")
    ap.add_argument("--check", action="store_true",
                    help="rebuild the shipped model in a temporary folder and compare it with its manifest's sha256 "
                         "(exit 1 if it differs); writes nothing")
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    t0 = time.perf_counter()
    try:
        fonts = training_fonts()
    except MissingDependency as e:
        print(f"error: {e}", file=sys.stderr)
        return int(e.exit_code)
    diffs = check_pinned(fonts, manifest_path(MODEL_FILE))
    if diffs and not args.new_inputs:
        print("error: the installed fonts are not the pinned inputs (" + "; ".join(diffs[:5])
              + "); pass --new-inputs to build from them anyway", file=sys.stderr)
        return 2
    if args.check:
        return check_rebuild(fonts, manifest_path(MODEL_FILE))
    model = train(args.per_class, args.seed, fonts)
    model.save(args.out)
    info = write_manifest(args.out, fonts, args.per_class, args.seed)
    print(f"wrote {args.out} ({args.out.stat().st_size / 1024:.0f} KiB) in {time.perf_counter() - t0:.1f} s")
    print(f"sha256 {info['sha256']}  (set extract.numerals.recognizer.MODEL_SHA256 to it)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
