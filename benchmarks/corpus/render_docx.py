"""Producer "docx": the layout as a Word document (python-docx), exported to PDF by headless LibreOffice.

As agencies' Word files: bordered tables with vertically merged cells, header rows
marked "repeat as header row", rows allowed to break across pages, the Thai font set
as the complex-script font, letter-spaced runs as expanded character spacing
(``w:spacing``). LibreOffice 7.4 can write a wrong ToUnicode map (../shared/TRAPS.md):
``textlayer.check`` compares the exported text with what was drawn and the generator
flags a variant whose text layer is wrong.
"""
from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

import docx
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from benchmarks.corpus.look import Look
from benchmarks.corpus.model import Doc, Para, Run, Table

#: Seconds one export may take.
TIMEOUT = 180
#: Expanded character spacing of a letter-spaced run (points).
SPACING_PT = 3.0


class LibreOfficeFailed(RuntimeError):
    """LibreOffice did not export the document."""


def soffice() -> str:
    for name in ("soffice", "libreoffice"):
        path = shutil.which(name)
        if path:
            return path
    raise LibreOfficeFailed("no soffice on PATH (apt: libreoffice-writer-nogui)")


def argv(exe: str, src: Path, outdir: Path, profile: Path) -> list[str]:
    return [exe, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
            "--convert-to", "pdf", "--outdir", str(outdir), str(src)]


def _font(run, look: Look, size: float, bold: bool) -> None:
    rpr = run._element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), look.font)
    run.font.size = Pt(size)
    szcs = OxmlElement("w:szCs")
    szcs.set(qn("w:val"), str(int(round(size * 2))))
    rpr.append(szcs)
    if bold:
        run.font.bold = True
        rpr.append(OxmlElement("w:bCs"))


def _runs(paragraph, runs: list[Run], look: Look, size: float, bold: bool = False) -> None:
    for r in runs:
        if not r.text:
            continue
        run = paragraph.add_run(r.text)
        _font(run, look, size, bold or r.bold)
        if r.spaced:
            sp = OxmlElement("w:spacing")
            sp.set(qn("w:val"), str(int(SPACING_PT * 20)))
            run._element.get_or_add_rPr().append(sp)


def _compact(paragraph) -> None:
    fmt = paragraph.paragraph_format
    fmt.space_before = Pt(0)
    fmt.space_after = Pt(0)
    fmt.line_spacing = 1.0


def _para(d, p: Para, look: Look) -> None:
    par = d.add_paragraph()
    _compact(par)
    if p.page_break_before:
        par.paragraph_format.page_break_before = True
    if p.space_before:
        par.paragraph_format.space_before = Pt(p.space_before)
    par.paragraph_format.space_after = Pt(3)
    if p.align == "C":
        par.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _runs(par, p.runs, look, p.size * look.scale, p.bold)


def _grid(t: Table) -> list[list[tuple[int, int] | None]]:
    """Place every listed cell on the column grid (cells covered by a rowspan are absent)."""
    ncols = len(t.widths)
    taken = [[False] * ncols for _ in t.rows]
    places = []
    for i, r in enumerate(t.rows):
        col, row_places = 0, []
        for c in r.cells:
            while col < ncols and taken[i][col]:
                col += 1
            row_places.append((i, col))
            for di in range(c.rowspan):
                for dj in range(c.colspan):
                    if i + di < len(t.rows) and col + dj < ncols:
                        taken[i + di][col + dj] = True
            col += c.colspan
        places.append(row_places)
    return places


def _table(d, t: Table, look: Look, text_width_mm: float) -> None:
    ncols = len(t.widths)
    table = d.add_table(rows=len(t.rows), cols=ncols)
    table.style = "Table Grid"
    table.autofit = False
    total = sum(t.widths)
    widths = [Mm(text_width_mm * w / total) for w in t.widths]
    for j, column in enumerate(table.columns):
        column.width = widths[j]  # w:gridCol, which LibreOffice reads
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    table._tbl.tblPr.append(layout)
    for row in table.rows:
        for j, cell in enumerate(row.cells):
            cell.width = widths[j]
    size = t.size * look.scale
    lead = 0
    while lead < len(t.rows) and t.rows[lead].header:
        lead += 1
    if look.repeat_header and t.repeat_header:
        for i in range(lead):
            tr_pr = table.rows[i]._tr.get_or_add_trPr()
            el = OxmlElement("w:tblHeader")
            el.set(qn("w:val"), "true")
            tr_pr.append(el)
    for r, places in zip(t.rows, _grid(t)):
        for c, (i, j) in zip(r.cells, places):
            target = table.cell(i, j)
            if c.rowspan > 1 or c.colspan > 1:
                target = target.merge(table.cell(min(i + c.rowspan, len(t.rows)) - 1, min(j + c.colspan, ncols) - 1))
            for k, runs in enumerate(c.paras):
                par = target.paragraphs[0] if k == 0 else target.add_paragraph()
                _compact(par)
                if c.align == "C":
                    par.alignment = WD_ALIGN_PARAGRAPH.CENTER
                _runs(par, runs, look, size, c.bold)
    d.add_paragraph().paragraph_format.space_after = Pt(2)


def to_docx(doc: Doc, look: Look, path: Path) -> None:
    d = docx.Document()
    sec = d.sections[0]
    if look.landscape:
        sec.orientation = WD_ORIENT.LANDSCAPE
        sec.page_width, sec.page_height = Mm(297), Mm(210)
    else:
        sec.page_width, sec.page_height = Mm(210), Mm(297)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(sec, side, Mm(look.margin_mm))
    text_width = (297 if look.landscape else 210) - 2 * look.margin_mm
    d.core_properties.author = "ita-extract corpus"
    for b in doc.blocks:
        if isinstance(b, Para):
            _para(d, b, look)
        else:
            _table(d, b, look, text_width)
    d.save(str(path))


def render(doc: Doc, look: Look, out_pdf: Path) -> None:
    exe = soffice()
    with tempfile.TemporaryDirectory(prefix="ita-corpus-docx-") as tmp:
        src = Path(tmp) / (out_pdf.stem + ".docx")
        to_docx(doc, look, src)
        try:
            subprocess.run(argv(exe, src, Path(tmp), Path(tmp) / "profile"), check=True, timeout=TIMEOUT,
                           capture_output=True)
        except subprocess.TimeoutExpired as e:
            raise LibreOfficeFailed(f"soffice timed out after {TIMEOUT} s") from e
        except subprocess.CalledProcessError as e:
            raise LibreOfficeFailed(f"soffice failed: {e.stderr.decode(errors='replace')[-400:]}") from e
        made = Path(tmp) / (out_pdf.stem + ".pdf")
        if not made.exists():
            raise LibreOfficeFailed(f"soffice wrote no PDF for {src.name}")
        shutil.move(str(made), out_pdf)
