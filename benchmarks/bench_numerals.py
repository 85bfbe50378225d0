"""Accuracy and speed of the Thai-numeral recognizer on a font it never saw.

Tokens of Thai digits (scores like ``๙๙.๓๘``, years like ``๒๕๖๘``, codes'
digits) are rendered in the held-out family (Norasi, regular and bold) at
10-16 pt, at 150, 200 and 300 dpi, degraded two ways: ``scan``, a moderate
scan (blur, noise, rotation ±1.5°, JPEG), and ``wide``, the training range
of damage (:func:`extract.numerals.train.scanned_token`: rotation ±3°, JPEG
30-95, fax-like binarization...), and read with
:meth:`extract.numerals.recognizer.Recognizer.read_number`.

Prints, per dpi: per-digit accuracy, the confusion matrix of ๐-๙ (a column
``?`` for "no digit", ``seg`` for tokens whose glyph count came out wrong,
where every digit counts as an error), and glyphs per second (segmentation
and classification, model already loaded).

    python -m benchmarks.bench_numerals [--tokens 400] [--seed 7] [--model FILE] [--pairs | --codes]

``--pairs``: every score ``XY.๐๐`` set as each trained font and Norasi set it (Pillow's layout, so digits that
touch as a font sets them touch), at three sizes, lightly blurred; the share whose integer digits read right.

``--codes``: every cited code of the questionnaire (``๐๑)`` to ``๐๔๓)``, with a Thai ``๐`` and with a Latin ``O``
for its circle, as reports print both) set the same way and read as a garbled cited list is read
(:func:`extract.ocr.code_cells.voted_code_list`: the thinner views of its ink,
:data:`~extract.ocr.code_cells.CODE_AGREE` of them agreeing; where they leave it undecided, heavier views too):
read right, misread (a silent wrong code) or undecided (left as Tesseract read it).
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

import numpy as np  # noqa: E402

from extract.numerals.recognizer import ARABIC_DIGITS, THAI_DIGITS, Recognizer  # noqa: E402
from extract.numerals.train import HELD_OUT, font_files, render_token, scanned_token  # noqa: E402

PT_SIZES = (10, 12, 14, 16)


def random_token(rng: np.random.Generator) -> str:
    """A score (``๙๙.๓๘``), a year (``๒๕๖๘``) or a short number."""
    kind = rng.integers(3)
    digits = lambda n: "".join(THAI_DIGITS[int(d)] for d in rng.integers(0, 10, n))  # noqa: E731
    if kind == 0:
        return digits(int(rng.integers(1, 4))) + "." + digits(2)
    if kind == 1:
        return "๒๕" + digits(2)
    return digits(int(rng.integers(1, 5)))


def run(rec: Recognizer, dpi: int, damage: str, tokens: int, seed: int) -> tuple[np.ndarray, int, int, float]:
    """Confusion counts (10 x 12), digits, glyphs, seconds spent reading."""
    fonts = font_files(HELD_OUT)
    rng = np.random.default_rng(seed + dpi)
    conf = np.zeros((10, 12), int)
    n_digits = n_glyphs = 0
    spent = 0.0
    for _ in range(tokens):
        text = random_token(rng)
        font = fonts[int(rng.integers(len(fonts)))]
        pt = float(rng.choice(PT_SIZES))
        crop = render_token(text, font, pt, dpi, rng) if damage == "scan" else scanned_token(text, font, pt, dpi, rng)
        t0 = time.perf_counter()
        r = rec.read_number(crop)
        spent += time.perf_counter() - t0
        n_glyphs += len(text)
        want = [ch for ch in text]
        got = [g.char for g in r.glyphs]
        for i, ch in enumerate(want):
            if ch == ".":
                continue
            t = THAI_DIGITS.index(ch)
            n_digits += 1
            if len(got) != len(want):
                conf[t, 11] += 1
            elif got[i] in ARABIC_DIGITS:
                conf[t, ARABIC_DIGITS.index(got[i])] += 1
            else:
                conf[t, 10] += 1
    return conf, n_digits, n_glyphs, spent


def report(rec: Recognizer, dpi: int, damage: str, args: argparse.Namespace) -> None:
    conf, n, glyphs, spent = run(rec, dpi, damage, args.tokens, args.seed)
    right = int(np.trace(conf[:, :10]))
    print(f"{'' if args.brief else chr(10)}{damage:>4} {dpi} dpi, {HELD_OUT}, {', '.join(map(str, PT_SIZES))} pt: "
          f"{right}/{n} digits right = {right / n:.2%}; "
          f"{glyphs / spent:,.0f} glyphs/s ({spent / args.tokens * 1e3:.2f} ms/token)")
    if args.brief:
        return
    print("true\\read " + " ".join(f"{d:>4}" for d in ARABIC_DIGITS) + "    ?  seg   acc")
    for t in range(10):
        row = conf[t]
        acc = row[t] / max(1, row.sum())
        print(f"   {THAI_DIGITS[t]}      " + " ".join(f"{v:>4}" for v in row) + f" {acc:6.1%}")


#: ``--pairs``: sizes (px, the digits' font size) each pair is drawn at, and the blur's sigma range.
PAIR_SIZES, PAIR_BLUR = (24, 32, 44), (0.4, 1.0)


def pair_token(text: str, font: Path, px: int, blur: float) -> np.ndarray:
    """``text`` set as the font sets it (Pillow's own layout: the font's spacing, so touching digits touch), dark on
    paper, blurred, cropped to its ink with a margin."""
    from PIL import Image, ImageDraw, ImageFilter, ImageFont

    im = Image.new("L", (px * 8, px * 3), 235)
    ImageDraw.Draw(im).text((10, 5), text, font=ImageFont.truetype(str(font), px), fill=50)
    a = np.asarray(im.filter(ImageFilter.GaussianBlur(blur)))
    ys, xs = np.nonzero(a < 200)  # a thin face blurred (Sawasdee at 24 px) stays lighter than 150
    return a[max(0, ys.min() - 4):ys.max() + 5, max(0, xs.min() - 4):xs.max() + 5]


def pairs_report(rec: Recognizer, fonts: list[Path], label: str, seed: int) -> None:
    """Every score ``XY.๐๐`` (X 1-9, Y 0-9) in each font file at :data:`PAIR_SIZES`: the share whose two integer
    digits read right, and the files and pairs missed most. Wide digits touching their neighbour as the font sets
    them (Garuda's ``๗๕``) are what this measures; a point read apart (a monospaced face's ``75. 00``) is no miss."""
    import collections
    import re

    rng = np.random.default_rng(seed)
    right = total = 0
    by_font: collections.Counter = collections.Counter()
    by_pair: collections.Counter = collections.Counter()
    for font in fonts:
        for px in PAIR_SIZES:
            for a in range(1, 10):
                for b in range(10):
                    crop = pair_token(THAI_DIGITS[a] + THAI_DIGITS[b] + ".๐๐", font, px, float(rng.uniform(*PAIR_BLUR)))
                    total += 1
                    if re.sub(r"[^0-9?]", "", rec.read_number(crop).text)[:2] == f"{a}{b}":
                        right += 1
                    else:
                        by_font[font.stem] += 1
                        by_pair[THAI_DIGITS[a] + THAI_DIGITS[b]] += 1
    print(f"pairs, {label} ({len(fonts)} files, {', '.join(map(str, PAIR_SIZES))} px): {right}/{total} = "
          f"{right / max(1, total):.2%}; missed most: {', '.join(f'{k} {v}' for k, v in by_font.most_common(4))}; "
          f"{', '.join(f'{k} {v}' for k, v in by_pair.most_common(6))}")


#: ``--codes``: the circles a cited code is printed with, and the questionnaire's codes (o1-o43).
CODE_CIRCLES, CODE_RANGE = ("๐", "O"), range(1, 44)


def has_glyph(font: Path, ch: str) -> bool:
    """Whether the font draws ``ch`` as a glyph of its own, not as the box it draws for what it lacks (the Noto Thai
    faces have no Latin letters)."""
    from PIL import Image, ImageDraw, ImageFont

    def drawn(text: str) -> np.ndarray:
        im = Image.new("L", (120, 80), 255)
        ImageDraw.Draw(im).text((5, 5), text, font=ImageFont.truetype(str(font), 40), fill=0)
        return np.asarray(im)

    return not np.array_equal(drawn(ch), drawn("\U0010fffd"))


def codes_report(rec: Recognizer, fonts: list[Path], label: str, seed: int) -> None:
    """Every code ``o1``-``o43`` as a one-code list (``๐๑๗)``, ``O๑๗)``) in each font file at :data:`PAIR_SIZES`,
    read as the cited-codes re-read reads a garbled list: by the thinner views (right, undecided, or misread: a
    silent wrong code), then the undecided with heavier views too (:func:`extract.ocr.code_cells.heavier_decided`);
    and the files and codes missed most. A circle a font has no glyph for is left out (:func:`has_glyph`)."""
    import collections

    from extract.ocr.code_cells import code_list_votes, heavier_decided, voted_code_list

    rng = np.random.default_rng(seed)
    thin = collections.Counter()
    heavy = collections.Counter()
    by_font: collections.Counter = collections.Counter()
    by_code: collections.Counter = collections.Counter()
    for font in fonts:
        circles = [c for c in CODE_CIRCLES if has_glyph(font, c)]
        for px in PAIR_SIZES:
            for circle in circles:
                for n in CODE_RANGE:
                    digits = "".join(THAI_DIGITS[int(c)] for c in str(n))
                    crop = pair_token(f"{circle}{digits})", font, px, float(rng.uniform(*PAIR_BLUR)))
                    read = voted_code_list(rec, crop)
                    if read is None:
                        read = heavier_decided(rec, crop, code_list_votes(rec, crop))[0]
                        heavy[_outcome(read, n)] += 1
                    else:
                        thin[_outcome(read, n)] += 1
                    if read != (f"o{n}",):
                        by_font[font.stem] += 1
                        by_code[f"{circle}{digits}" + ("" if read is None else "=" + ",".join(read))] += 1
    total = sum(thin.values()) + sum(heavy.values())
    right = thin["right"] + heavy["right"]
    print(f"codes, {label} ({len(fonts)} files, {', '.join(map(str, PAIR_SIZES))} px, circles "
          f"{' '.join(CODE_CIRCLES)}): {total} lists; thinner views: right {thin['right']}, misread {thin['misread']}, "
          f"undecided {sum(heavy.values())}, of which heavier views read right {heavy['right']}, misread "
          f"{heavy['misread']}, none {heavy['none']}; right in all {right}/{total} = {right / max(1, total):.2%}; "
          f"missed most: {', '.join(f'{k} {v}' for k, v in by_font.most_common(4))}; "
          f"{', '.join(f'{k} {v}' for k, v in by_code.most_common(8))}")


def _outcome(read: tuple[str, ...] | None, n: int) -> str:
    return "none" if read is None else "right" if read == (f"o{n}",) else "misread"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--tokens", type=int, default=400, help="tokens per dpi")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--model", type=Path, default=None, help="a model file (default: the shipped one)")
    ap.add_argument("--dpi", type=int, nargs="+", default=[150, 200, 300])
    ap.add_argument("--brief", action="store_true", help="accuracy only, no confusion matrix")
    ap.add_argument("--pairs", action="store_true",
                    help="instead: every XY.๐๐ as each trained font and the held-out one set it (touching digits)")
    ap.add_argument("--codes", action="store_true",
                    help="instead: every cited code o1-o43 (Thai and Latin circle) read as a garbled list is read")
    args = ap.parse_args(argv)
    if not font_files(HELD_OUT):
        print(f"held-out font {HELD_OUT} not installed (Debian package fonts-thai-tlwg)", file=sys.stderr)
        return 2
    t0 = time.perf_counter()
    rec = Recognizer.load(args.model)
    print(f"model {args.model or 'shipped'} loaded in {time.perf_counter() - t0:.2f} s")
    if args.pairs:
        from extract.numerals.train import training_fonts

        pairs_report(rec, training_fonts(), "trained families", args.seed)
        pairs_report(rec, font_files(HELD_OUT), HELD_OUT, args.seed)
        return 0
    if args.codes:
        from extract.numerals.train import training_fonts

        codes_report(rec, training_fonts(), "trained families", args.seed)
        codes_report(rec, font_files(HELD_OUT), HELD_OUT, args.seed)
        return 0
    for damage in ("scan", "wide"):
        for dpi in args.dpi:
            report(rec, dpi, damage, args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
