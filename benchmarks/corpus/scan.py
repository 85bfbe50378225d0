#!/usr/bin/env python3
"""Print and scan a digital report: image-only PDFs with the damage real scans carry.

A report the generator wrote (or any digital PDF with ground truth) becomes
scans that keep its ground truth::

    <doc>-scan300.pdf  <doc>-scan200.pdf  <doc>-scan150.pdf   # a flatbed or copier, grey
    <doc>-phone.pdf                                           # a phone photo of each page

so ``../shared/dev-corpus/score.py`` scores them with the same ``gt/<doc>.json``
(it reads the variant after the first ``-``).

What a scanned page goes through (every parameter drawn per page from a
seeded RNG; ``DAMAGE`` holds the ranges):

* printed: paper tone, ink tone, toner streaks (light or dark bands along
  the paper path), show-through of the back page (the next page mirrored,
  faint and blurred);
* marked by hand: on some pages a round rubber stamp or a signature, over
  the table text as often as beside it;
* scanned: rotation up to ±3° and a shift, optical blur, uneven light and a
  lid shadow, grain, dust specks, then either JPEG quality 30-90 or, on
  fax-like pages, a hard black-and-white threshold (saved losslessly).

A phone photo (``--phone``): the page drawn at about 220 dpi, laid on a desk
with a slight perspective (corners moved up to 3 % of the page), a page curl
(a smooth vertical bulge across the width), vignetting light, colour-sensor
grain, JPEG 60-90.

Deterministic: a page's RNG is seeded with the run's ``--seed``, the crc32
of the output file name and the page number; PDFs carry a fixed creation
date. Held-out seeds (see the evaluation issue) are never used to tune.

    python benchmarks/corpus/scan.py DOC.pdf [DOC2.pdf ...] --out DIR [--dpi 300 200 150] [--phone] [--seed 1]

Needs pypdfium2, fpdf2, Pillow, numpy and opencv (the ``samples`` extra).
"""
from __future__ import annotations

import argparse
import datetime as dt
import io
import math
import sys
import zlib
from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np
from PIL import Image, ImageDraw, ImageFont

from samples.make_scans import image_pdf

CREATION_DATE = dt.datetime(2026, 1, 1, 0, 0, 0, tzinfo=dt.timezone.utc)
PRODUCER = "ita-extract benchmarks/corpus/scan.py"
DPIS = (300, 200, 150)
PHONE_DPI = 220
#: Thai fonts for the stamp's lettering, first found wins (fonts-thai-tlwg).
STAMP_FONTS = ("/usr/share/fonts/truetype/tlwg/Garuda-Bold.ttf", "/usr/share/fonts/opentype/tlwg/Garuda-Bold.otf",
               "/usr/share/fonts/truetype/tlwg/Loma-Bold.ttf")

#: Ranges the per-page parameters are drawn from (uniformly unless said).
DAMAGE = {
    "angle_deg": (0.1, 3.0),          # absolute tilt; the sign is random
    "shift_mm": (-2.0, 2.0),
    "blur_sigma_300": (0.5, 1.2),     # px at 300 dpi, scaled by dpi / 300
    "ink": (15.0, 70.0),              # grey of solid ink
    "paper": (205.0, 252.0),          # grey of the paper
    "light_gradient": (0.0, 0.12),    # darkening across the page
    "shadow_probability": 0.5,
    "shadow_width_mm": (3.0, 12.0),
    "shadow_depth": (0.08, 0.30),
    "show_through_probability": 0.5,
    "show_through": (0.03, 0.10),     # share of the ink-to-paper range the back page darkens
    "streak_probability": 0.3,
    "streaks": (1, 4),
    "streak_strength": (0.05, 0.25),
    "grain_sigma": (3.0, 14.0),
    "dust": (0, 250),                 # specks per page
    "stamp_probability": 0.25,        # per page; the last page always has one
    "signature_probability": 0.2,     # per page; the last page always has one
    "over_text_probability": 0.5,     # a stamp or signature lands on table text
    "fax_probability": 0.12,          # a page binarized like a fax
    "jpeg_quality": (30, 90),
    # phone photos
    "phone_corner": (0.0, 0.03),      # share of the page's size each corner moves
    "phone_curl": (0.0, 0.012),       # bulge, share of the page's height
    "phone_vignette": (0.05, 0.30),
    "phone_jpeg": (60, 90),
}


def _u(rng: np.random.Generator, lo_hi) -> float:
    lo, hi = lo_hi
    return float(rng.uniform(lo, hi))


def scan_name(src: Path, variant: str) -> str:
    """``A.pdf``, ``scan300`` → ``A-scan300.pdf``."""
    return f"{src.stem}-{variant}.pdf"


# --- drawing by hand: signature and stamp ----------------------------------------------


def _bezier(p: np.ndarray, n: int = 40) -> np.ndarray:
    t = np.linspace(0.0, 1.0, n)[:, None]
    return ((1 - t) ** 3) * p[0] + 3 * ((1 - t) ** 2) * t * p[1] + 3 * (1 - t) * t * t * p[2] + t ** 3 * p[3]


def signature_mask(rng: np.random.Generator, w: int, h: int, stroke: float) -> np.ndarray:
    """A looping handwritten name and an underline in a w x h box (float 0..1, 1 = ink)."""
    ss = 4
    canvas = Image.new("L", (w * ss, h * ss), 0)
    draw = ImageDraw.Draw(canvas)
    x, y = 0.05 * w, 0.6 * h
    for i in range(int(rng.integers(5, 9))):
        dx = w * 0.8 / 7 * rng.uniform(0.7, 1.3)
        up = -1 if i % 2 == 0 else 1
        p = np.array([[x, y], [x + rng.uniform(-0.5, 0.6) * dx, y + up * rng.uniform(0.3, 0.6) * h],
                      [x + dx * rng.uniform(0.2, 0.9), y + up * rng.uniform(0.1, 0.5) * h],
                      [x + dx, 0.6 * h + rng.uniform(-0.1, 0.1) * h]])
        draw.line([tuple(q * ss) for q in _bezier(p)], fill=255, width=max(1, int(stroke * ss)), joint="curve")
        x, y = p[3]
    p = np.array([[0.02 * w, 0.85 * h], [0.3 * w, h], [0.6 * w, 0.7 * h], [rng.uniform(0.7, 0.95) * w, 0.8 * h]])
    draw.line([tuple(q * ss) for q in _bezier(p)], fill=255, width=max(1, int(stroke * ss)), joint="curve")
    return np.asarray(canvas.resize((w, h), Image.Resampling.LANCZOS), np.float32) / 255.0


def _stamp_font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    for path in STAMP_FONTS:
        if Path(path).is_file():
            return ImageFont.truetype(path, size)
    return ImageFont.load_default()


def stamp_mask(rng: np.random.Generator, d: int) -> np.ndarray:
    """A round rubber stamp of diameter d px: two rings, a word and a date line, unevenly inked."""
    ss = 2
    D = d * ss
    canvas = Image.new("L", (D, D), 0)
    draw = ImageDraw.Draw(canvas)
    ring = max(2, D // 40)
    draw.ellipse((ring, ring, D - ring, D - ring), outline=255, width=ring)
    inner = int(D * 0.16)
    draw.ellipse((inner, inner, D - inner, D - inner), outline=255, width=max(1, ring // 2))
    font = _stamp_font(max(8, D // 9))
    for k, text in enumerate(("ได้รับแล้ว", "เลขที่ ........", "วันที่ ........")):
        box = draw.textbbox((0, 0), text, font=font)
        draw.text(((D - (box[2] - box[0])) / 2, D * (0.3 + 0.16 * k)), text, font=font, fill=255)
    m = np.asarray(canvas.resize((d, d), Image.Resampling.LANCZOS), np.float32) / 255.0
    # uneven ink: a smooth random field, some parts fading out
    field = cv2.GaussianBlur(rng.random((d, d)).astype(np.float32), (0, 0), d / 8)
    field = (field - field.min()) / max(1e-6, float(field.max() - field.min()))
    m *= np.clip(0.45 + 0.8 * field, 0, 1)
    angle = float(rng.uniform(-30, 30))
    rot = cv2.getRotationMatrix2D((d / 2, d / 2), angle, 1.0)
    return cv2.warpAffine(m, rot, (d, d))


def _place(mask_hw: tuple[int, int], page: np.ndarray, rng: np.random.Generator, over_text: bool) -> tuple[int, int]:
    """Top-left corner for a mark: on inked area (table text) or in the page's lower blank part."""
    h, w = mask_hw
    H, W = page.shape
    if over_text:
        ys, xs = np.nonzero(page[: H - h, : W - w] < 128)
        if len(ys):
            k = int(rng.integers(len(ys)))
            return int(max(0, ys[k] - h // 2)), int(max(0, min(W - w, xs[k] - w // 2)))
    rows = np.flatnonzero((page < 200).any(axis=1))
    bottom = int(rows.max()) if len(rows) else H // 2
    y = min(H - h - 1, bottom + int(rng.uniform(0.01, 0.05) * H))
    x = int(rng.uniform(0.45, 0.95) * (W - w))
    return max(0, y), max(0, x)


def add_marks(v: np.ndarray, rng: np.random.Generator, dpi: int, last: bool) -> np.ndarray:
    """Stamps and signatures (v: 0..1 paper-to-ink darkness, H x W)."""
    mm = dpi / 25.4
    H, W = v.shape
    gray = (1 - v) * 255
    if last or rng.random() < DAMAGE["stamp_probability"]:
        d = int(rng.uniform(28, 40) * mm)
        if d < min(H, W):
            m = stamp_mask(rng, d) * float(rng.uniform(0.35, 0.6))  # red or blue ink, grey in the scan
            y, x = _place(m.shape, gray, rng, rng.random() < DAMAGE["over_text_probability"])
            v[y:y + d, x:x + d] = 1 - (1 - v[y:y + d, x:x + d]) * (1 - m[: H - y, : W - x])
    if last or rng.random() < DAMAGE["signature_probability"]:
        h, w = int(18 * mm), int(rng.uniform(40, 60) * mm)
        if h < H and w < W:
            m = signature_mask(rng, w, h, rng.uniform(0.35, 0.6) * mm) * float(rng.uniform(0.6, 0.85))
            y, x = _place(m.shape, gray, rng, rng.random() < DAMAGE["over_text_probability"])
            v[y:y + h, x:x + w] = 1 - (1 - v[y:y + h, x:x + w]) * (1 - m[: H - y, : W - x])
    return v


# --- the page on paper and under the scanner -----------------------------------------------


@dataclass(frozen=True)
class PageImages:
    """A page rendered at the scan's dpi (0..1 darkness) and its back page (or None)."""

    front: np.ndarray
    back: np.ndarray | None


def render_page(page, dpi: int) -> np.ndarray:
    """A PDF page (pypdfium2) at ``dpi`` as darkness 0..1 (0 = paper), exactly the page's size in pixels."""
    w_pt, h_pt = page.get_size()
    W, H = round(w_pt / 72 * dpi), round(h_pt / 72 * dpi)
    img = np.asarray(page.render(scale=dpi / 72, grayscale=True).to_pil().convert("L"), np.float32)
    out = np.zeros((H, W), np.float32)
    h, w = min(H, img.shape[0]), min(W, img.shape[1])
    out[:h, :w] = 1 - img[:h, :w] / 255.0
    return out


def _light(H: int, W: int, rng: np.random.Generator, mm: float) -> np.ndarray:
    """Uneven light: a gradient across the page and, sometimes, the lid's shadow at one edge."""
    yy, xx = np.mgrid[0:H, 0:W].astype(np.float32)
    a = float(rng.uniform(0, 2 * math.pi))
    ramp = (xx / W - 0.5) * math.cos(a) + (yy / H - 0.5) * math.sin(a)
    light = 1.0 - _u(rng, DAMAGE["light_gradient"]) * (ramp + 0.5)
    if rng.random() < DAMAGE["shadow_probability"]:
        dist = (xx, W - 1 - xx, yy, H - 1 - yy)[int(rng.integers(4))]
        light *= 1.0 - _u(rng, DAMAGE["shadow_depth"]) * np.exp(-dist / (_u(rng, DAMAGE["shadow_width_mm"]) * mm))
    return light


def _streaks(H: int, W: int, rng: np.random.Generator, mm: float) -> np.ndarray:
    """Toner streaks along the paper path: vertical bands, darker or lighter (added to darkness)."""
    out = np.zeros((H, W), np.float32)
    if rng.random() >= DAMAGE["streak_probability"]:
        return out
    lo, hi = DAMAGE["streaks"]
    for _ in range(int(rng.integers(lo, hi + 1))):
        x = int(rng.integers(W))
        half = max(1, int(rng.uniform(0.2, 1.5) * mm))
        sign = 1 if rng.random() < 0.6 else -1  # toner dropped, or toner missing
        out[:, max(0, x - half):x + half] += sign * _u(rng, DAMAGE["streak_strength"])
    return out


def _dust(v: np.ndarray, rng: np.random.Generator, mm: float) -> None:
    H, W = v.shape
    for _ in range(int(rng.integers(*DAMAGE["dust"]))):
        r = max(1, int(rng.exponential(0.15) * mm))
        cv2.circle(v, (int(rng.integers(W)), int(rng.integers(H))), r, float(rng.uniform(0.3, 1.0)), -1)


def scan_page(pages: PageImages, dpi: int, rng: np.random.Generator, last: bool) -> tuple[bytes, str]:
    """One page as its scanner's image: (bytes, ``"jpeg"`` or ``"png"``)."""
    mm = dpi / 25.4
    v = pages.front.copy()
    H, W = v.shape
    if pages.back is not None and rng.random() < DAMAGE["show_through_probability"]:
        back = cv2.GaussianBlur(pages.back[:, ::-1], (0, 0), 1.5 * dpi / 300)
        v = np.maximum(v, back[:H, :W] * _u(rng, DAMAGE["show_through"]))
    v = np.clip(v + _streaks(H, W, rng, mm), 0, 1)
    v = add_marks(v, rng, dpi, last)
    _dust(v, rng, mm)
    # the sheet on the glass: tilted, shifted, seen through the optics
    angle = _u(rng, DAMAGE["angle_deg"]) * (1 if rng.random() < 0.5 else -1)
    m = cv2.getRotationMatrix2D((W / 2, H / 2), angle, 1.0)
    m[:, 2] += [_u(rng, DAMAGE["shift_mm"]) * mm, _u(rng, DAMAGE["shift_mm"]) * mm]
    v = cv2.warpAffine(v, m, (W, H), flags=cv2.INTER_CUBIC, borderValue=0.0)
    v = cv2.GaussianBlur(v, (0, 0), _u(rng, DAMAGE["blur_sigma_300"]) * dpi / 300)
    ink, paper = _u(rng, DAMAGE["ink"]), _u(rng, DAMAGE["paper"])
    a = (paper - (paper - ink) * np.clip(v, 0, 1)) * _light(H, W, rng, mm)
    a += rng.standard_normal(a.shape, dtype=np.float32) * _u(rng, DAMAGE["grain_sigma"])
    g = np.clip(a + 0.5, 0, 255).astype(np.uint8)
    if rng.random() < DAMAGE["fax_probability"]:
        t, _ = cv2.threshold(g, 0, 255, cv2.THRESH_BINARY | cv2.THRESH_OTSU)
        bw = np.where(g > t + float(rng.uniform(-25, 15)), 255, 0).astype(np.uint8)
        buf = io.BytesIO()
        Image.fromarray(bw).convert("1").save(buf, format="PNG", dpi=(dpi, dpi))
        return buf.getvalue(), "png"
    buf = io.BytesIO()
    q = int(rng.integers(DAMAGE["jpeg_quality"][0], DAMAGE["jpeg_quality"][1] + 1))
    Image.fromarray(g).save(buf, format="JPEG", quality=q, optimize=True, dpi=(dpi, dpi))
    return buf.getvalue(), "jpeg"


def phone_page(pages: PageImages, rng: np.random.Generator, last: bool) -> tuple[bytes, str]:
    """One page photographed with a phone: perspective, curl, vignetting, colour grain, JPEG."""
    dpi = PHONE_DPI
    v = add_marks(pages.front.copy(), rng, dpi, last)
    H, W = v.shape
    # page curl: rows bulge up or down smoothly across the width
    curl = _u(rng, DAMAGE["phone_curl"]) * H * (1 if rng.random() < 0.5 else -1)
    xx = np.arange(W, dtype=np.float32)
    bulge = curl * np.sin(np.pi * xx / W) * (1 if rng.random() < 0.5 else -1)
    map_x = np.tile(xx, (H, 1))
    map_y = np.arange(H, dtype=np.float32)[:, None] + bulge[None, :] * (0.5 + np.linspace(0, 0.5, H)[:, None])
    v = cv2.remap(v, map_x, map_y.astype(np.float32), cv2.INTER_LINEAR, borderValue=0.0)
    # perspective: each corner moved inwards or outwards; the desk shows around the sheet
    src = np.float32([[0, 0], [W, 0], [W, H], [0, H]])
    jit = np.float32([[rng.uniform(-1, 1) * W, rng.uniform(-1, 1) * H] for _ in range(4)])
    dst = src + jit * np.float32([_u(rng, DAMAGE["phone_corner"]) for _ in range(4)])[:, None]
    sheet = np.ones((H, W), np.float32)
    P = cv2.getPerspectiveTransform(src, dst)
    v = cv2.warpPerspective(v, P, (W, H), flags=cv2.INTER_LINEAR, borderValue=0.0)
    sheet = cv2.warpPerspective(sheet, P, (W, H), flags=cv2.INTER_LINEAR, borderValue=0.0)
    v = cv2.GaussianBlur(v, (0, 0), float(rng.uniform(0.5, 1.1)))
    ink, paper, desk = _u(rng, (25, 70)), _u(rng, (190, 240)), _u(rng, (60, 120))
    a = np.where(sheet > 0.5, paper - (paper - ink) * np.clip(v, 0, 1), desk)
    yy, xx = np.mgrid[0:H, 0:W].astype(np.float32)
    cx, cy = rng.uniform(0.3, 0.7) * W, rng.uniform(0.3, 0.7) * H
    r2 = ((xx - cx) / W) ** 2 + ((yy - cy) / H) ** 2
    a *= 1 - _u(rng, DAMAGE["phone_vignette"]) * r2 / r2.max()
    a += rng.standard_normal(a.shape, dtype=np.float32) * float(rng.uniform(3, 9))
    g = np.clip(a + 0.5, 0, 255).astype(np.uint8)
    buf = io.BytesIO()
    q = int(rng.integers(DAMAGE["phone_jpeg"][0], DAMAGE["phone_jpeg"][1] + 1))
    Image.fromarray(g).save(buf, format="JPEG", quality=q, optimize=True, dpi=(dpi, dpi))
    return buf.getvalue(), "jpeg"


# --- files ---------------------------------------------------------------------------------


def make_scan(src: Path, dst: Path, variant: str, seed: int = 1) -> Path:
    """``src`` (a digital PDF) as the image-only PDF ``dst``; ``variant`` is ``scanDPI`` or ``phone``."""
    import pypdfium2 as pdfium

    dpi = PHONE_DPI if variant == "phone" else int(variant.removeprefix("scan"))
    base = zlib.crc32(dst.name.encode("utf-8"))
    doc = pdfium.PdfDocument(str(src))
    out: list[tuple[tuple[float, float], bytes]] = []
    try:
        n = len(doc)
        rendered = [render_page(doc[i], dpi) for i in range(n)]
        for i in range(n):
            rng = np.random.default_rng([seed, base, i + 1])
            pages = PageImages(rendered[i], rendered[i + 1] if i + 1 < n else None)
            last = i == n - 1
            data, _ = phone_page(pages, rng, last) if variant == "phone" else scan_page(pages, dpi, rng, last)
            out.append((doc[i].get_size(), data))
    finally:
        doc.close()
    dst.parent.mkdir(parents=True, exist_ok=True)
    image_pdf(out, dst, CREATION_DATE, PRODUCER)
    return dst


def variants(dpis: tuple[int, ...], phone: bool) -> list[str]:
    """The variant names of a scan run, in order.

    >>> variants((300, 150), True)
    ['scan300', 'scan150', 'phone']
    """
    return [f"scan{d}" for d in dpis] + (["phone"] if phone else [])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("sources", nargs="+", type=Path, help="digital PDFs (ground truth in gt/<stem>.json)")
    ap.add_argument("--out", type=Path, required=True, help="output folder")
    ap.add_argument("--dpi", type=int, nargs="+", default=list(DPIS), help="scan resolutions (default 300 200 150)")
    ap.add_argument("--phone", action="store_true", help="also a phone photo of every page (<doc>-phone.pdf)")
    ap.add_argument("--seed", type=int, default=1, help="damage seed (held-out runs use their own)")
    args = ap.parse_args(argv)
    for src in args.sources:
        for variant in variants(tuple(args.dpi), args.phone):
            dst = make_scan(src, args.out / scan_name(src, variant), variant, args.seed)
            print(f"{dst}  {dst.stat().st_size / 1024:.0f} KB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
