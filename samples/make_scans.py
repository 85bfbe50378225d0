#!/usr/bin/env python3
"""Make scanned (image-only) variants of the digital sample reports.

Many agencies print their ITA report, sign it and scan it, so real inputs are
often PDFs without a text layer.  This script turns every digital sample
``samples/ita-*.pdf`` into two such scans::

    samples/scanned/<stem>-scan300.pdf    # 300 dpi
    samples/scanned/<stem>-scan200.pdf    # 200 dpi

and writes ``tests/expected/scanned.json``, which maps each scan to the
expected JSON of its digital source (same pages, same rows) with the
document-level fields that differ (``text_source`` is ``ocr``).

Usage::

    python samples/make_scans.py            # writes samples/scanned/*.pdf and tests/expected/scanned.json
    python samples/make_scans.py --out DIR  # writes DIR/*.pdf (and no scanned.json)
    python samples/make_scans.py --check    # rebuild in a temp dir, compare bytes with the committed files

What a page goes through (the parameters are drawn per page from a seeded
RNG, see ``PARAMS``):

1. rendered by pypdfium2 at the target dpi, grayscale, and cut to exactly
   round(page size x dpi) pixels;
2. on the last page only, a handwritten-looking signature (a few cubic Bezier
   strokes in blue-black ballpoint ink, seen in grey) in the blank space
   below the last table, on the right; it is skipped when that space is not
   blank, so it never touches table text;
3. tilted by +-0.5-2.0 degrees (bicubic, white fill) and shifted by up to
   1 mm, as a sheet laid slightly askew on the glass;
4. optical blur: Gaussian, sigma 0.65-1.0 px at 300 dpi (x 2/3 at 200 dpi);
5. levels: ink 28-55, raw paper 244-255; uneven lighting (a gentle gradient
   across the page) and, on about 60 % of pages, a shadow band at one edge
   (the lid of the copier), 3-9 mm wide, 8-20 % darker at the edge;
6. sensor noise: Gaussian, sigma 6-10 grey levels per pixel;
7. the scanner's background suppression: grey levels above 212 are
   compressed by 0.4, so paper ends up around 225-235 (not pure white) with
   noise of about 3 levels, while ink and edges keep all of theirs;
8. brightness/contrast jitter (gain 0.95-1.05, offset -6..+6);
9. grayscale baseline JPEG, quality 26-34 at 300 dpi and 30-38 at 200 dpi,
   the JFIF density set to the dpi.

Each JPEG is embedded unchanged (DCTDecode, DeviceGray) as the only content
of a page of the source page's size (A4), placed over the whole page, so the
image's native resolution is the dpi.  No text layer, no fonts.

Determinism: the RNG of a page is seeded with crc32(file name) and the page
number; fpdf2's creation date is fixed and its file identifier is derived
from the content.  A rebuild on the same library versions (pypdfium2,
Pillow, numpy, libjpeg) is byte-identical; ``--check`` tells.

Needs pypdfium2, fpdf2, Pillow and numpy (the ``samples`` extra).
"""
from __future__ import annotations

import argparse
import datetime as dt
import filecmp
import io
import json
import math
import sys
import tempfile
import zlib
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SCANNED = HERE / "scanned"
EXPECTED = ROOT / "tests" / "expected"
EXPECTED_JSON = EXPECTED / "scanned.json"

CREATION_DATE = dt.datetime(2025, 11, 21, 9, 0, 0, tzinfo=dt.timezone.utc)
PRODUCER = "ita-extract samples/make_scans.py"
DPIS = (300, 200)

# Ranges the per-page parameters are drawn from (uniformly).
PARAMS = {
    "angle_deg": (0.5, 2.0),        # absolute tilt; the sign is random
    "shift_mm": (-1.0, 1.0),        # x and y offset of the sheet on the glass
    "blur_sigma_300": (0.65, 1.0),  # px at 300 dpi; scaled by dpi/300
    "ink": (28.0, 55.0),            # grey level of solid ink before noise
    "paper_raw": (244.0, 255.0),    # grey level of the paper before background suppression
    "light_gradient": (0.0, 0.04),  # darkening across the page (fraction)
    "shadow_probability": 0.6,
    "shadow_width_mm": (3.0, 9.0),
    "shadow_depth": (0.08, 0.20),   # fraction darker at the very edge
    "noise_sigma": (6.0, 10.0),     # grey levels
    "bg_knee": 212.0,               # background suppression: above this ...
    "bg_slope": 0.4,                # ... levels are compressed by this factor
    "gain": (0.95, 1.05),
    "offset": (-6.0, 6.0),
    "jpeg_quality": {300: (26, 34), 200: (30, 38)},
    "signature_ink": (55.0, 80.0),  # blue-black ballpoint in grey
    "signature_width_mm": (0.35, 0.55),
}


def digital_samples(folder: Path = HERE) -> list[Path]:
    return sorted(folder.glob("ita-*.pdf"))


def scan_name(src: Path, dpi: int) -> str:
    return f"{src.stem}-scan{dpi}.pdf"


def _u(rng, lo_hi) -> float:
    lo, hi = lo_hi
    return float(rng.uniform(lo, hi))


# --------------------------------------------------------------------------
# Signature
# --------------------------------------------------------------------------
def _bezier(p0, p1, p2, p3, n=40):
    import numpy as np

    t = np.linspace(0.0, 1.0, n)[:, None]
    return ((1 - t) ** 3) * p0 + 3 * ((1 - t) ** 2) * t * p1 + 3 * (1 - t) * t * t * p2 + t ** 3 * p3


def _signature_strokes(rng, w: float, h: float):
    """A few strokes inside a w x h box (px): a looping name, a second word, an underline flourish."""
    import numpy as np

    strokes = []
    # the name: a chain of cubic Beziers going right, bouncing up and down, with loops
    n_seg = int(rng.integers(5, 8))
    x, y = 0.05 * w, 0.65 * h
    pts = []
    for i in range(n_seg):
        dx = w * 0.55 / n_seg * rng.uniform(0.8, 1.3)
        up = -1 if i % 2 == 0 else 1
        p0 = np.array([x, y])
        p3 = np.array([x + dx, 0.65 * h + rng.uniform(-0.08, 0.08) * h])
        p1 = p0 + [rng.uniform(-0.6, 0.6) * dx, up * rng.uniform(0.3, 0.6) * h]
        p2 = p3 + [rng.uniform(-0.9, -0.2) * dx, up * rng.uniform(0.2, 0.55) * h]
        seg = _bezier(p0, p1, p2, p3)
        pts.append(seg if not pts else seg[1:])
        x, y = p3
    strokes.append(np.vstack(pts))
    # a second, shorter word
    x0 = x + rng.uniform(0.03, 0.07) * w
    p0 = np.array([x0, 0.6 * h])
    p3 = np.array([min(x0 + rng.uniform(0.18, 0.28) * w, 0.97 * w), 0.55 * h])
    p1 = p0 + [0.05 * w, -0.45 * h]
    p2 = p3 + [-0.1 * w, 0.35 * h]
    strokes.append(_bezier(p0, p1, p2, p3))
    # underline flourish
    p0 = np.array([0.0, 0.85 * h])
    p3 = np.array([rng.uniform(0.75, 0.95) * w, 0.78 * h])
    p1 = np.array([0.3 * w, 1.0 * h])
    p2 = np.array([0.6 * w, 0.7 * h])
    strokes.append(_bezier(p0, p1, p2, p3))
    return strokes


def add_signature(img, rng, dpi: int):
    """Draw a signature in the blank space below the last content, right half.

    Returns the image (unchanged when there is no blank box big enough).
    """
    import numpy as np
    from PIL import Image, ImageDraw

    mm = dpi / 25.4
    a = np.asarray(img)
    dark_rows = np.where((a < 200).any(axis=1))[0]
    bottom = int(dark_rows.max()) if len(dark_rows) else 0
    box_w, box_h = int(55 * mm), int(20 * mm)
    top = bottom + int(12 * mm)
    left = img.width - int(20 * mm) - box_w - int(rng.uniform(0, 15) * mm)
    if top + box_h > img.height - int(15 * mm):
        return img
    pad = int(3 * mm)
    region = a[max(top - pad, 0):top + box_h + pad, max(left - pad, 0):left + box_w + pad]
    if (region < 250).any():   # not blank: never draw over text or rules
        return img
    ss = 4   # supersampling for smooth, anti-aliased strokes
    canvas = Image.new("L", (box_w * ss, box_h * ss), 0)
    draw = ImageDraw.Draw(canvas)
    width = max(1, int(round(_u(rng, PARAMS["signature_width_mm"]) * mm * ss)))
    for stroke in _signature_strokes(rng, box_w * ss, box_h * ss):
        draw.line([tuple(p) for p in stroke], fill=255, width=width, joint="curve")
    mask = np.asarray(canvas.resize((box_w, box_h), Image.Resampling.LANCZOS), dtype=np.float32) / 255.0
    ink = _u(rng, PARAMS["signature_ink"])
    out = np.asarray(img, dtype=np.float32).copy()
    patch = out[top:top + box_h, left:left + box_w]
    out[top:top + box_h, left:left + box_w] = np.minimum(patch, patch * (1 - mask) + ink * mask)
    return Image.fromarray(np.clip(out + 0.5, 0, 255).astype(np.uint8))


# --------------------------------------------------------------------------
# The scanner
# --------------------------------------------------------------------------
def scan_page(page, dpi: int, rng, last: bool) -> bytes:
    """One page of the source PDF as the JPEG a scanner would make."""
    import numpy as np
    from PIL import Image, ImageFilter

    w_pt, h_pt = page.get_size()
    px_w, px_h = round(w_pt / 72 * dpi), round(h_pt / 72 * dpi)
    img = page.render(scale=dpi / 72, grayscale=True).to_pil().convert("L")
    if img.size != (px_w, px_h):
        canvas = Image.new("L", (px_w, px_h), 255)
        canvas.paste(img, (0, 0))
        img = canvas
    mm = dpi / 25.4
    k = dpi / 300

    # draw every random number in a fixed order, whatever is used
    angle = _u(rng, PARAMS["angle_deg"]) * (1 if rng.random() < 0.5 else -1)
    shift = (_u(rng, PARAMS["shift_mm"]) * mm, _u(rng, PARAMS["shift_mm"]) * mm)
    blur = _u(rng, PARAMS["blur_sigma_300"]) * k
    ink = _u(rng, PARAMS["ink"])
    paper_raw = _u(rng, PARAMS["paper_raw"])
    grad = _u(rng, PARAMS["light_gradient"])
    grad_dir = float(rng.uniform(0, 2 * math.pi))
    shadow = rng.random() < PARAMS["shadow_probability"]
    shadow_edge = int(rng.integers(0, 4))   # 0 left, 1 right, 2 top, 3 bottom
    shadow_w = _u(rng, PARAMS["shadow_width_mm"]) * mm
    shadow_d = _u(rng, PARAMS["shadow_depth"])
    noise_sigma = _u(rng, PARAMS["noise_sigma"])
    gain = _u(rng, PARAMS["gain"])
    offset = _u(rng, PARAMS["offset"])
    q_lo, q_hi = PARAMS["jpeg_quality"][dpi]
    quality = int(rng.integers(q_lo, q_hi + 1))
    sig_seed = int(rng.integers(0, 2**31))

    if last:
        img = add_signature(img, np.random.default_rng(sig_seed), dpi)

    img = img.rotate(angle, resample=Image.Resampling.BICUBIC, translate=shift, fillcolor=255)
    img = img.filter(ImageFilter.GaussianBlur(blur))

    v = np.asarray(img, dtype=np.float32) / 255.0
    a = ink + (paper_raw - ink) * v
    yy, xx = np.mgrid[0:px_h, 0:px_w].astype(np.float32)
    ramp = (xx / px_w - 0.5) * math.cos(grad_dir) + (yy / px_h - 0.5) * math.sin(grad_dir)
    light = 1.0 - grad * (ramp + 0.5)
    if shadow:
        dist = (xx, px_w - 1 - xx, yy, px_h - 1 - yy)[shadow_edge]
        light *= 1.0 - shadow_d * np.exp(-dist / shadow_w)
    a *= light
    a += rng.standard_normal(a.shape, dtype=np.float32) * noise_sigma
    knee, slope = PARAMS["bg_knee"], PARAMS["bg_slope"]
    a = np.where(a > knee, knee + (a - knee) * slope, a)
    a = a * gain + offset
    out = Image.fromarray(np.clip(a + 0.5, 0, 255).astype(np.uint8))
    buf = io.BytesIO()
    out.save(buf, format="JPEG", quality=quality, optimize=True, dpi=(dpi, dpi))
    return buf.getvalue()


def make_scan(src: Path, dst: Path, dpi: int) -> None:
    import numpy as np
    import pypdfium2 as pdfium

    seed = zlib.crc32(dst.name.encode("utf-8"))
    doc = pdfium.PdfDocument(str(src))
    try:
        pages = []
        for i in range(len(doc)):
            page = doc[i]
            rng = np.random.default_rng([seed, i + 1])
            pages.append((page.get_size(), scan_page(page, dpi, rng, last=i == len(doc) - 1)))
            page.close()
    finally:
        doc.close()
    image_pdf(pages, dst, CREATION_DATE, PRODUCER)


def image_pdf(pages: list[tuple[tuple[float, float], bytes]], dst: Path, created: dt.datetime, producer: str) -> None:
    """An image-only PDF at ``dst``: one page per ((width, height) in points, encoded image), each image
    filling its page; ``created`` and ``producer`` fixed so the same images give the same bytes."""
    from fpdf import FPDF

    pdf = FPDF(unit="pt", format=pages[0][0])
    pdf.set_creation_date(created)
    pdf.set_producer(producer)
    pdf.set_auto_page_break(False)
    pdf.set_margins(0, 0, 0)
    for (w, h), data in pages:
        pdf.add_page(format=(w, h))
        pdf.image(io.BytesIO(data), x=0, y=0, w=w, h=h)
    pdf.output(str(dst))


def expected_map(sources: list[Path]) -> dict:
    out = {}
    for src in sources:
        for dpi in DPIS:
            out[scan_name(src, dpi)] = {
                "source": src.name,
                "expected": f"{src.stem}.json",
                "document": {"text_source": "ocr"},
                "dpi": dpi,
            }
    return out


def expected_text(sources: list[Path]) -> str:
    return json.dumps(expected_map(sources), ensure_ascii=False, indent=1) + "\n"


def build(out: Path, sources: list[Path] | None = None) -> list[Path]:
    sources = digital_samples() if sources is None else sources
    out.mkdir(parents=True, exist_ok=True)
    made = []
    for src in sources:
        for dpi in DPIS:
            dst = out / scan_name(src, dpi)
            make_scan(src, dst, dpi)
            made.append(dst)
    return made


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=None,
                    help="output folder (default: samples/scanned, and tests/expected/scanned.json)")
    ap.add_argument("--check", action="store_true",
                    help="rebuild into a temporary folder and compare with the committed files")
    args = ap.parse_args(argv)
    sources = digital_samples()
    if not sources:
        print(f"no digital samples {HERE}/ita-*.pdf: run samples/make_samples.py first", file=sys.stderr)
        return 2
    if args.check:
        with tempfile.TemporaryDirectory() as tmp:
            made = build(Path(tmp), sources)
            differ = [p.name for p in made if not (SCANNED / p.name).exists()
                      or not filecmp.cmp(p, SCANNED / p.name, shallow=False)]
        extra = sorted({p.name for p in SCANNED.glob("*.pdf")} - {p.name for p in made})
        if not EXPECTED_JSON.exists() or EXPECTED_JSON.read_text(encoding="utf-8") != expected_text(sources):
            differ.append(str(EXPECTED_JSON.relative_to(ROOT)))
        if differ or extra:
            if differ:
                print("differ from a rebuild: " + ", ".join(differ), file=sys.stderr)
            if extra:
                print("not made by this script: " + ", ".join(extra), file=sys.stderr)
            return 1
        print("scanned samples are up to date")
        return 0
    out = SCANNED if args.out is None else args.out
    total = 0
    for p in build(out, sources):
        size = p.stat().st_size
        total += size
        print(f"{p}  {size / 1024:.0f} KB")
    print(f"total {total / 1024 / 1024:.2f} MB")
    if args.out is None:
        EXPECTED_JSON.write_text(expected_text(sources), encoding="utf-8")
        print(EXPECTED_JSON)
    return 0


if __name__ == "__main__":
    sys.exit(main())
