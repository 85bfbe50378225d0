#!/usr/bin/env python3
"""Rebuild the sample ITA reports (PDF) in samples/ from the content modules.

Each sample is laid out the way agencies' Word documents look: A4 portrait,
2 cm margins, the Thai font Laksaman (a TH Sarabun design), bold headings and
bordered tables drawn with real line objects.  Table rows may break across
pages (Word's "allow row to break across pages") and the header row is
repeated on the next page (Word's "repeat as header row").

Usage::

    python -m samples.make_samples            # writes samples/*.pdf
    python -m samples.make_samples --out DIR  # writes DIR/*.pdf
    python -m samples.make_samples --log      # also prints where each row starts

The output is deterministic (fixed creation date, no randomness) and every
page's text layer is checked against the strings that were drawn: a missing
character or an unmapped glyph stops the build with an error.

Only fpdf2 (with uharfbuzz for text shaping) is needed, plus pypdfium2 for
the text-layer check.
"""
from __future__ import annotations

import argparse
import datetime as dt
import importlib
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent

CONTENT_MODULES = [
    "samples.content.nongkabu_2568",
    "samples.content.bannasuan_2569",
    "samples.content.wiangsawan_2567",
]

FONT_PACKAGE = "fonts-tlwg-laksaman"
FONT_DIRS = [Path("/usr/share/fonts/truetype/tlwg"), Path("/usr/share/fonts/opentype/tlwg")]
CREATION_DATE = dt.datetime(2025, 11, 20, 9, 0, 0, tzinfo=dt.timezone.utc)

# Page geometry (mm).  A4 portrait, about 2 cm margins.
PAGE_W, PAGE_H = 210.0, 297.0
MARGIN_L, MARGIN_R, MARGIN_T, MARGIN_B = 20.0, 20.0, 20.0, 20.0
CONTENT_W = PAGE_W - MARGIN_L - MARGIN_R
PAGE_BOTTOM = PAGE_H - MARGIN_B

PT = 25.4 / 72.0        # one point in mm
# Sizes in the content modules are TH Sarabun points (what an agency picks in
# Word: 16 body, 14-15 tables).  Laksaman's glyphs are drawn about 1.4 times
# larger than TH Sarabun's at the same point size (its Thai consonants are
# 0.60 em high), so a TH Sarabun size is scaled by SARABUN_SCALE before it is
# handed to fpdf2: 16 pt TH Sarabun -> 11.2 pt Laksaman.
SARABUN_SCALE = 0.70
LINE_FACTOR = 1.2      # line height / (Laksaman) font size
CELL_PAD_X = 1.4        # mm, left/right cell padding
CELL_PAD_Y = 0.9        # mm, top/bottom cell padding
BORDER_W = 0.2          # mm


from normalize.thaichars import (  # noqa: E402
    FOLLOW_VOWELS,
    LEAD_VOWELS,
    LEGACY_GLYPHS,
    MARKS,
    NIKHAHIT,
    SARA_AA,
    SARA_AM,
)
from samples.content import Para, Row, Sample, Table  # noqa: E402

SARA_AM_DECOMPOSED = NIKHAHIT + SARA_AA  # what Word's text layer carries for sara am


# --------------------------------------------------------------------------
# Thai text helpers
# --------------------------------------------------------------------------
# Marks that sit above or below their base and never start a cluster, and
# the legacy private-use shifted marks (U+F700 and U+F70F are consonants
# without descender).
_MARKS = set(MARKS) | set(LEGACY_GLYPHS) - {"\uf700", "\uf70f"}
# Following vowels that Word never separates from the syllable before them.
_FOLLOWING = set(FOLLOW_VOWELS)
_LEADING = set(LEAD_VOWELS)


def for_drawing(text: str) -> str:
    """Text as handed to fpdf2: sara am decomposed (fpdf2 would otherwise map
    the second glyph of a shaped sara am to nothing)."""
    return text.replace(SARA_AM, SARA_AM_DECOMPOSED)


def clusters(text: str) -> list[str]:
    """Split text into units a line may break between: a consonant with its
    marks (and a following sara a / aa / am), a leading vowel stays with the
    consonant after it."""
    out: list[str] = []
    for ch in text:
        if out and (ch in _MARKS or ch in _FOLLOWING or out[-1][-1] in _LEADING):
            out[-1] += ch
        else:
            out.append(ch)
    return out


def _is_thai(text: str) -> bool:
    return any("\u0e00" <= ch <= "\u0e7f" or ch in LEGACY_GLYPHS for ch in text)  # the Unicode Thai block or a legacy glyph


# --------------------------------------------------------------------------
# The renderer
# --------------------------------------------------------------------------
class FontNotFound(RuntimeError):
    pass


def find_font(style: str = "") -> Path:
    """Laksaman regular ("") or bold ("B"), via fontconfig or known paths."""
    name = "Laksaman" + (":bold" if style == "B" else "")
    want = "Laksaman-Bold.ttf" if style == "B" else "Laksaman.ttf"
    if shutil.which("fc-match"):
        try:
            found = subprocess.run(
                ["fc-match", "-f", "%{file}", name], capture_output=True, text=True, timeout=30
            ).stdout.strip()
        except (OSError, subprocess.SubprocessError):
            found = ""
        if found and Path(found).name == want and Path(found).is_file():
            return Path(found)
    for d in FONT_DIRS:
        if (d / want).is_file():
            return d / want
    raise FontNotFound(
        f"font {want} not found; install the Debian package {FONT_PACKAGE} "
        f"(apt-get install {FONT_PACKAGE})"
    )


@dataclass
class Line:
    text: str            # drawing form (sara am decomposed)
    kind: str = ""       # "" normal, "ls" letter-spaced across the width


class Renderer:
    def __init__(self, sample: Sample):
        from fpdf import FPDF

        self.sample = sample
        pdf = FPDF(orientation="P", unit="mm", format="A4")
        pdf.set_creation_date(CREATION_DATE)
        pdf.set_title(sample.title)
        pdf.set_creator("Microsoft Word-like layout by ita-extract samples/make_samples.py")
        if sample.author:
            pdf.set_author(sample.author)
        pdf.set_auto_page_break(False)
        pdf.set_margins(MARGIN_L, MARGIN_T, MARGIN_R)
        pdf.add_font("Laksaman", "", str(find_font("")))
        pdf.add_font("Laksaman", "B", str(find_font("B")))
        pdf.set_text_shaping(True)
        pdf.set_line_width(BORDER_W)
        pdf.c_margin = 0
        pdf.set_draw_color(0, 0, 0)
        self.pdf = pdf
        self.y = MARGIN_T
        self.drawn: dict[int, list[str]] = {}  # page -> strings drawn, in order
        self.log: list[tuple[str, int]] = []   # (tag, page where it starts)
        self._logged: set[str] = set()
        self.new_page()

    # ---- primitives ------------------------------------------------------
    @property
    def page(self) -> int:
        return self.pdf.page_no()

    def new_page(self) -> None:
        self.pdf.add_page()
        self.y = MARGIN_T

    def font(self, size: float, bold: bool = False) -> None:
        self.pdf.set_font("Laksaman", "B" if bold else "", size * SARABUN_SCALE)

    @staticmethod
    def lh(size: float) -> float:
        return size * SARABUN_SCALE * PT * LINE_FACTOR

    def width(self, text: str) -> float:
        return self.pdf.get_string_width(text)

    def mark(self, tag: str) -> None:
        if tag and tag not in self._logged:
            self._logged.add(tag)
            self.log.append((tag, self.page))

    def draw_text(self, x: float, top: float, size: float, text: str) -> None:
        if not text:
            return
        # cell(), not text(): only the cell path applies HarfBuzz's mark
        # positions (text() would stack every mark at its advance).
        self.pdf.set_xy(x, top)
        self.pdf.cell(h=self.lh(size), text=text)
        self.drawn.setdefault(self.page, []).append(text)

    def draw_line(self, line: Line, x0: float, width: float, top: float, size: float, align: str) -> None:
        if line.kind == "ls":
            # Word's distributed alignment of a one-word line: the clusters are
            # spread over the whole width, each keeps its marks.
            parts = clusters(line.text)
            widths = [self.width(p) for p in parts]
            gap = (width - sum(widths)) / max(len(parts) - 1, 1)
            x = x0
            for p, w in zip(parts, widths):
                self.draw_text(x, top, size, p)
                x += w + gap
            return
        text = line.text.rstrip()
        if align == "C":
            x = x0 + (width - self.width(text)) / 2
        elif align == "R":
            x = x0 + width - self.width(text)
        else:
            x = x0
        self.draw_text(x, top, size, text)

    # ---- wrapping --------------------------------------------------------
    def wrap(self, text: str, width: float, first_indent: float = 0.0) -> list[Line]:
        """Break text into lines no wider than width: at spaces, and inside a
        long Thai run between clusters (never between a consonant and its
        marks).  Font must be set."""
        lines: list[Line] = []
        for para in text.split("\n"):
            para = for_drawing(para)
            if not para.strip():
                lines.append(Line(""))
                continue
            cur = ""
            avail = width - (first_indent if not lines else 0.0)
            indent_pending = first_indent if not lines else 0.0

            def push() -> None:
                nonlocal cur, avail, indent_pending
                lines.append(Line(cur.rstrip()))
                if indent_pending:
                    lines[-1].text = "\u0000" + lines[-1].text  # marker: indented line
                    indent_pending = 0.0
                cur = ""
                avail = width

            for part in re.split(r"(\{ls:[^}]*\})", para):
                if not part:
                    continue
                if part.startswith("{ls:"):
                    if cur.strip():
                        push()
                    lines.append(Line(part[4:-1], "ls"))
                    continue
                for word in re.findall(r"\S+\s*|\s+", part):
                    cand = cur + word
                    if self.width(cand.rstrip()) <= avail:
                        cur = cand
                        continue
                    # Word breaks a long Thai run inside (at a word boundary) to
                    # fill the line; a short word just moves to the next line.
                    long_run = (
                        _is_thai(word)
                        and self.width(word.rstrip()) > 0.5 * width
                        and avail - self.width(cur) > 0.3 * width
                    )
                    if cur.strip() and not long_run:
                        push()
                        if self.width(word.rstrip()) <= avail:
                            cur = word
                            continue
                    # fill the line cluster by cluster
                    for cl in clusters(word):
                        if self.width((cur + cl).rstrip()) <= avail or not cur.strip():
                            cur += cl
                        else:
                            push()
                            cur = cl.lstrip()
            if cur.strip():
                push()
        return lines

    # ---- paragraphs ------------------------------------------------------
    def para_lines(self, p: Para) -> list[Line]:
        self.font(p.size, p.bold)
        return self.wrap(p.text, CONTENT_W, p.indent)

    def para_height(self, p: Para) -> float:
        return p.space_before + len(self.para_lines(p)) * self.lh(p.size) + p.space_after

    def render_para(self, p: Para, need_after: float = 0.0) -> None:
        lines = self.para_lines(p)
        lh = self.lh(p.size)
        total = p.space_before + len(lines) * lh + p.space_after
        if self.y + total + need_after > PAGE_BOTTOM and self.y > MARGIN_T + 1:
            self.new_page()
        elif self.y > MARGIN_T + 1:
            self.y += p.space_before
        self.font(p.size, p.bold)
        for line in lines:
            if self.y + lh > PAGE_BOTTOM:
                self.new_page()
            x = MARGIN_L
            text = line.text
            if text.startswith("\u0000"):
                text = text[1:]
                x += p.indent
            self.draw_line(Line(text, line.kind), x, CONTENT_W - (x - MARGIN_L), self.y, p.size, p.align)
            self.y += lh
        self.y += p.space_after

    # ---- tables ----------------------------------------------------------
    def _col_x(self, t: Table) -> list[float]:
        xs = [MARGIN_L]
        for w in t.widths:
            xs.append(xs[-1] + w)
        return xs

    def _cell_lines(self, t: Table, col: int, text: str, bold: bool = False) -> list[Line]:
        self.font(t.size, bold)
        return self.wrap(text, t.widths[col] - 2 * CELL_PAD_X)

    def header_height(self, t: Table) -> float:
        n = max(len(self._cell_lines(t, c, h, True)) for c, h in enumerate(t.header))
        return n * self.lh(t.size) + 2 * CELL_PAD_Y

    def draw_header(self, t: Table) -> None:
        xs = self._col_x(t)
        h = self.header_height(t)
        lh = self.lh(t.size)
        top = self.y
        for c, text in enumerate(t.header):
            lines = self._cell_lines(t, c, text, True)
            self.font(t.size, True)
            y = top + (h - len(lines) * lh) / 2
            for line in lines:
                self.draw_line(line, xs[c] + CELL_PAD_X, t.widths[c] - 2 * CELL_PAD_X, y, t.size, "C")
                y += lh
        pdf = self.pdf
        pdf.line(xs[0], top, xs[-1], top)
        pdf.line(xs[0], top + h, xs[-1], top + h)
        for x in xs:
            pdf.line(x, top, x, top + h)
        self.y = top + h

    def _lanes(self, t: Table, group) -> list[dict]:
        """Slots for each lane of a row group.  A lane covers one or more
        columns; a slot is ("gap", h), ("line", [Line|None per column]) or
        ("sep", subrow_index)."""
        ncol = len(t.widths)
        lanes: list[dict] = []
        if isinstance(group, Row):
            aligns = group.aligns or ["L"] * ncol
            for c, text in enumerate(group.cells):
                slots: list = [("mark", group.tag), ("gap", CELL_PAD_Y)]
                slots += [("line", [ln]) for ln in self._cell_lines(t, c, text)]
                slots.append(("gap", CELL_PAD_Y))
                lanes.append({"cols": [c], "slots": slots, "aligns": [aligns[c]]})
            return lanes
        # MergedRows: lane 0 = the stacked columns, lane 1 = the merged cell
        k = ncol - 1
        aligns = group.aligns or ["L"] * k
        slots = []
        for i, cells in enumerate(group.subrows):
            tag = group.tags[i] if i < len(group.tags) else ""
            cols = [self._cell_lines(t, c, cells[c]) for c in range(k)]
            n = max(len(x) for x in cols)
            if i:
                slots.append(("sep", i))
            slots.append(("mark", tag))
            slots.append(("gap", CELL_PAD_Y))
            for j in range(n):
                slots.append(("line", [col[j] if j < len(col) else None for col in cols]))
            slots.append(("gap", CELL_PAD_Y))
        lanes.append({"cols": list(range(k)), "slots": slots, "aligns": aligns})
        mslots = [("gap", CELL_PAD_Y)]
        mslots += [("line", [ln]) for ln in self._cell_lines(t, k, group.merged)]
        mslots.append(("gap", CELL_PAD_Y))
        lanes.append({"cols": [k], "slots": mslots, "aligns": ["L"]})
        return lanes

    def render_group(self, t: Table, group) -> None:
        xs = self._col_x(t)
        lh = self.lh(t.size)
        lanes = self._lanes(t, group)
        pos = [0] * len(lanes)
        first_part = True
        while True:
            if self.y + CELL_PAD_Y + lh > PAGE_BOTTOM:
                self.new_page()
                self.draw_header(t)
            if not first_part:
                # continuation on a new page: fresh top padding in every lane
                for li, lane in enumerate(lanes):
                    s = lane["slots"]
                    while pos[li] < len(s) and s[pos[li]][0] == "sep":
                        pos[li] += 1
                    if pos[li] < len(s) and s[pos[li]][0] != "gap":
                        s.insert(pos[li], ("gap", CELL_PAD_Y))
            top = self.y
            bottoms = []
            seps: list[tuple[int, float]] = []
            for li, lane in enumerate(lanes):
                cy = top
                slots = lane["slots"]
                while pos[li] < len(slots):
                    kind, val = slots[pos[li]]
                    if kind == "gap":
                        cy = min(cy + val, PAGE_BOTTOM)
                    elif kind == "mark":
                        lane["pending"] = val  # logged with the row's first line
                    elif kind == "sep":
                        seps.append((li, cy))
                    else:
                        if cy + lh > PAGE_BOTTOM:
                            break
                        if lane.get("pending"):
                            self.mark(lane.pop("pending"))
                        self.font(t.size)
                        for ci, line in zip(lane["cols"], val):
                            if line is not None:
                                self.draw_line(
                                    line, xs[ci] + CELL_PAD_X, t.widths[ci] - 2 * CELL_PAD_X,
                                    cy, t.size, lane["aligns"][lane["cols"].index(ci)],
                                )
                        cy += lh
                    pos[li] += 1
                bottoms.append(cy)
            bottom = max(bottoms)
            pdf = self.pdf
            for x in xs:
                pdf.line(x, top, x, bottom)
            pdf.line(xs[0], bottom, xs[-1], bottom)
            for li, y in seps:
                if y < bottom - 0.01:
                    cols = lanes[li]["cols"]
                    pdf.line(xs[cols[0]], y, xs[cols[-1] + 1], y)
            self.y = bottom
            done = all(pos[li] >= len(lane["slots"]) for li, lane in enumerate(lanes))
            if done:
                return
            first_part = False
            self.new_page()
            self.draw_header(t)

    def min_table_start(self, t: Table) -> float:
        return self.header_height(t) * (2 if t.header_twice else 1) + 2 * CELL_PAD_Y + 2 * self.lh(t.size)

    def render_table(self, t: Table) -> None:
        if self.y + self.min_table_start(t) > PAGE_BOTTOM:
            self.new_page()
        self.mark(t.tag)
        self.draw_header(t)
        if t.header_twice:
            self.draw_header(t)
        for g in t.rows:
            self.render_group(t, g)
        self.y += 4.0  # the empty paragraph Word leaves after a table

    # ---- document --------------------------------------------------------
    def render(self) -> None:
        blocks = self.sample.blocks
        for i, b in enumerate(blocks):
            if isinstance(b, Para):
                need = 0.0
                if b.keep_with_next and i + 1 < len(blocks):
                    nxt = blocks[i + 1]
                    if isinstance(nxt, Table):
                        need = self.min_table_start(nxt)
                    elif isinstance(nxt, Para):
                        need = self.para_height(nxt) + (
                            self.min_table_start(blocks[i + 2])
                            if nxt.keep_with_next and i + 2 < len(blocks) and isinstance(blocks[i + 2], Table)
                            else 0.0
                        )
                self.render_para(b, need)
            elif isinstance(b, Table):
                self.render_table(b)
            else:
                raise TypeError(f"unknown block {b!r}")


# --------------------------------------------------------------------------
# Text-layer check
# --------------------------------------------------------------------------
def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text.replace(SARA_AM, SARA_AM_DECOMPOSED))


_PUA = re.compile("[\uf700-\uf71a]")


class TextLayerMismatch(RuntimeError):
    pass


def _page_texts_pdftotext(path: Path, pages: int) -> list[str]:
    out = []
    for i in range(1, pages + 1):
        out.append(
            subprocess.run(
                ["pdftotext", "-raw", "-f", str(i), "-l", str(i), str(path), "-"],
                capture_output=True, text=True, check=True,
            ).stdout
        )
    return out


def check_text_layer(path: Path, drawn: dict[int, list[str]]) -> None:
    """Every page's text layer must carry exactly the strings drawn on it.

    ``pdftotext -raw`` (content-stream order) must equal the drawn text,
    whitespace removed and sara am equated with nikhahit + sara aa.
    pypdfium2 reorders shifted marks by position (as it does for Word's
    PDFs), so from it only the multiset of characters is compared.  Any
    ``(cid:`` or U+FFFD is an unmapped glyph and fails the build.
    """
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(path))
    try:
        n_pages = len(doc)
        if n_pages != len(drawn):
            raise TextLayerMismatch(f"{path.name}: {n_pages} pages but text drawn on {len(drawn)}")
        pdfium_texts = []
        for i in range(n_pages):
            page = doc[i]
            tp = page.get_textpage()
            pdfium_texts.append(tp.get_text_range())
            tp.close()
            page.close()
    finally:
        doc.close()
    if not shutil.which("pdftotext"):
        raise TextLayerMismatch("pdftotext not found (Debian package poppler-utils): cannot check the text layer")
    raw_texts = _page_texts_pdftotext(path, n_pages)
    for i in range(n_pages):
        want = _squash("".join(drawn[i + 1]))
        for tool, text in (("pdftotext -raw", raw_texts[i]), ("pypdfium2", pdfium_texts[i])):
            for bad in ("\ufffd", "(cid:"):
                if bad in text:
                    raise TextLayerMismatch(f"{path.name} page {i + 1}: {bad!r} in the text layer ({tool})")
        # pdftotext drops the legacy private-use codes (U+F700-F71A); they
        # are checked through pypdfium2 below.
        got = _PUA.sub("", _squash(raw_texts[i]))
        if got != _PUA.sub("", want):
            want = _PUA.sub("", want)
            n = next((k for k, (a, b) in enumerate(zip(got, want)) if a != b), min(len(got), len(want)))
            raise TextLayerMismatch(
                f"{path.name} page {i + 1}: text layer differs from the drawn text at char {n}:\n"
                f"  layer: {got[max(0, n - 30):n + 30]!r}\n  drawn: {want[max(0, n - 30):n + 30]!r}"
            )
        if sorted(_squash(pdfium_texts[i])) != sorted(want):
            raise TextLayerMismatch(f"{path.name} page {i + 1}: pypdfium2 finds other characters than were drawn")


# --------------------------------------------------------------------------
def build(sample: Sample, out_dir: Path, show_log: bool = False) -> Path:
    r = Renderer(sample)
    r.render()
    path = out_dir / f"{sample.stem}.pdf"
    r.pdf.output(str(path))
    check_text_layer(path, r.drawn)
    size = path.stat().st_size
    print(f"{path}: {r.page} pages, {size // 1024} KB, text layer checked")
    if show_log:
        for tag, page in r.log:
            print(f"  p{page}  {tag}")
    return path


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=HERE, help="output folder (default: samples/)")
    ap.add_argument("--only", help="build only the sample with this stem")
    ap.add_argument("--log", action="store_true", help="print the page where each tagged row starts")
    args = ap.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    try:
        for name in CONTENT_MODULES:
            sample = importlib.import_module(name).sample()
            if args.only and sample.stem != args.only:
                continue
            build(sample, args.out, args.log)
    except FontNotFound as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    except TextLayerMismatch as e:
        print(f"error: {e}", file=sys.stderr)
        return 3
    return 0


if __name__ == "__main__":
    sys.exit(main())
