"""Producer "fpdf": the layout drawn by fpdf2 with HarfBuzz shaping (``set_text_shaping``).

fpdf2 breaks lines only at spaces, so Thai text is wrapped here between dictionary
words (``wrap.py``). Its tables repeat heading rows on each page and never split a
row: a row that does not fit moves to the next page. Letter-spaced runs are printed
the way some producers justify Thai: a space between every cluster
(``แ ล้ ว เ ผ ย``), a form the contract's normalization joins.
"""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from fpdf import FPDF
from fpdf.fonts import FontFace

from benchmarks.corpus.look import Look
from benchmarks.corpus.model import Cell, Doc, Para, Row, Run, Table
from benchmarks.corpus.wrap import wrap
from normalize.thaichars import MARKS, NIKHAHIT, SARA_AA, SARA_AM, TEXT, TONEMARKS, charset

PT = 25.4 / 72  # mm per point
LINE = 1.3  # line height / font size
PAD = 1.2  # mm cell padding
CREATION = dt.datetime(2025, 11, 20, 9, 0, 0, tzinfo=dt.timezone.utc)
LATIN_FALLBACK = Path("/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf")
LATIN_FALLBACK_BOLD = Path("/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf")

# A cluster: a base with its marks (and a sara am); a leading vowel is a cluster of its own,
# as Word's distributed spacing prints it (``แ ล ้ว``).
_RE_CLUSTER = re.compile(f".[{charset(MARKS)}]*{SARA_AM}?", re.S)


def spaced(text: str) -> str:
    """``แล้วเผย`` -> ``แ ล้ ว เ ผ ย`` (clusters kept whole).

    >>> spaced("แล้วเผย")
    'แ ล้ ว เ ผ ย'
    """
    return " ".join(m.group(0) for m in _RE_CLUSTER.finditer(text) if m.group(0).strip())


_RE_HAS_THAI = re.compile(f"[{charset(TEXT)}]")


def _plain(runs: list[Run]) -> str:
    # literal spaces only inside Thai (the contract joins letter-spaced Thai, not "o 1 0")
    return "".join(spaced(r.text) if r.spaced and _RE_HAS_THAI.search(r.text) else r.text for r in runs)


class _Pdf(FPDF):
    pass


def _setup(look: Look) -> FPDF:
    pdf = _Pdf(orientation="L" if look.landscape else "P", unit="mm", format="A4")
    pdf.set_creation_date(CREATION)
    pdf.set_margins(look.margin_mm, look.margin_mm, look.margin_mm)
    pdf.set_auto_page_break(True, look.margin_mm)
    pdf.add_font("T", "", str(look.font_file()))
    pdf.add_font("T", "B", str(look.font_file(bold=True)))
    pdf.add_font("L", "", str(LATIN_FALLBACK))
    pdf.add_font("L", "B", str(LATIN_FALLBACK_BOLD))
    pdf.set_fallback_fonts(["L"], exact_match=False)  # Noto Thai fonts have no Latin letters
    pdf.set_text_shaping(True)
    pdf.add_page()
    return pdf


_RE_TONE_AM = re.compile(f"([{charset(TONEMARKS)}]){SARA_AM}")


def _draw_text(text: str) -> str:
    # fpdf2 maps the second glyph of a shaped sara am to nothing: draw it decomposed, the
    # nikhahit before a tone mark (its visual order), else the nikhahit is lost from the text layer
    return _RE_TONE_AM.sub(f"{NIKHAHIT}\\1{SARA_AA}", text).replace(SARA_AM, NIKHAHIT + SARA_AA)


def _lines(pdf: FPDF, paras: list[list[Run]], width: float) -> str:
    out = []
    for p in paras:
        text = _draw_text(_plain(p))
        out.extend(wrap(text, width, pdf.get_string_width) if text else [""])
    return "\n".join(out)


def _para(pdf: FPDF, p: Para, look: Look) -> None:
    size = p.size * look.scale
    pdf.set_font("T", "B" if p.bold else "", size)
    if p.page_break_before:
        pdf.add_page()
    elif p.space_before:
        pdf.ln(p.space_before * PT)
    width = pdf.epw
    text = _lines(pdf, [p.runs], width)
    pdf.multi_cell(width, size * PT * LINE, text, align="C" if p.align == "C" else "L",
                   new_x="LMARGIN", new_y="NEXT")


def _table(pdf: FPDF, t: Table, look: Look) -> None:
    size = t.size * look.scale
    pdf.set_font("T", "", size)
    total = sum(t.widths)
    widths = [pdf.epw * w / total for w in t.widths]
    lead = 0
    while lead < len(t.rows) and t.rows[lead].header:
        lead += 1
    repeat = lead if (look.repeat_header and t.repeat_header) else 0
    with pdf.table(col_widths=widths, width=pdf.epw, line_height=size * PT * LINE, markdown=False,
                   first_row_as_headings=repeat > 0, num_heading_rows=max(repeat, 1),
                   repeat_headings=1 if repeat else 0, headings_style=FontFace(emphasis="BOLD"),
                   padding=PAD, text_align="LEFT", v_align="TOP", gutter_height=0) as table:
        col = 0
        for r in t.rows:
            row = table.row()
            col = 0
            for c in r.cells:
                w = sum(widths[col:col + c.colspan]) - 2 * PAD - 0.5
                pdf.set_font("T", "B" if c.bold else "", size)
                text = _lines(pdf, c.paras, w)
                pdf.set_font("T", "", size)
                style = FontFace(emphasis="BOLD") if c.bold else None
                row.cell(text, rowspan=c.rowspan, colspan=c.colspan, align="C" if c.align == "C" else "L",
                         style=style)
                col += c.colspan
    pdf.ln(2)


def unmerged(t: Table) -> Table:
    """The table with every row-spanning cell spread over its rows, one paragraph per row and
    the rest in its last row (fpdf2 cannot split a row or a merged cell across pages)."""
    ncols = len(t.widths)
    pending: dict[int, list] = {}  # grid column -> chunks (lists of paragraphs) for the next rows
    empty = [[Run("")]]
    rows = []
    for r in t.rows:
        cells, col = [], 0
        it = iter(r.cells)
        while col < ncols:
            if col in pending:
                chunk = pending[col].pop(0)
                if not pending[col]:
                    del pending[col]
                cells.append(Cell(chunk or empty))
                col += 1
                continue
            c = next(it, None)
            if c is None:
                break
            if c.rowspan > 1:
                k, paras = c.rowspan, list(c.paras)
                chunks = [paras[i:i + 1] for i in range(k - 1)] + [paras[k - 1:]]
                cells.append(Cell(chunks[0] or empty, colspan=c.colspan, align=c.align, bold=c.bold))
                pending[col] = chunks[1:]
            else:
                cells.append(c)
            col += c.colspan
        rows.append(Row(cells, header=r.header))
    return Table(t.widths, rows, t.repeat_header, t.size)


def render(doc: Doc, look: Look, out_pdf: Path) -> None:
    unmerge: set[int] = set()  # tables drawn unmerged after their rows would not fit a page
    while True:
        pdf = _setup(look)
        try:
            for b in doc.blocks:
                if isinstance(b, Para):
                    _para(pdf, b, look)
                else:
                    current = b
                    _table(pdf, unmerged(b) if id(b) in unmerge else b, look)
        except ValueError as e:
            if "too high" not in str(e) or id(current) in unmerge:
                raise
            unmerge.add(id(current))
            continue
        break
    pdf.output(str(out_pdf))


__all__ = ["render", "spaced", "unmerged"]
