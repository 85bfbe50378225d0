"""Producer "html": the layout as HTML, printed to PDF by headless Chromium.

Chromium breaks Thai lines with ICU's dictionary, repeats ``<thead>`` rows on
every page a table reaches and lets rows (and row-spanning cells) break across
pages; letter-spaced runs are CSS ``letter-spacing``.
"""
from __future__ import annotations

import html
import shutil
import subprocess
import tempfile
from pathlib import Path

from benchmarks.corpus.look import Look
from benchmarks.corpus.model import Cell, Doc, Para, Run, Table

#: Seconds one document may take to print.
TIMEOUT = 120


class ChromiumFailed(RuntimeError):
    """Chromium did not print the document."""


def chromium() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    raise ChromiumFailed("no chromium on PATH (apt: chromium)")


def argv(exe: str, html_path: Path, pdf_path: Path, profile: Path) -> list[str]:
    return [exe, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run", "--no-pdf-header-footer",
            f"--user-data-dir={profile}", f"--print-to-pdf={pdf_path}", html_path.as_uri()]


def _runs(runs: list[Run]) -> str:
    out = []
    for r in runs:
        t = html.escape(r.text).replace("  ", " &nbsp;")
        if r.spaced:
            t = f'<span class="sp">{t}</span>'
        if r.bold:
            t = f"<b>{t}</b>"
        out.append(t)
    return "".join(out)


def _cell(c: Cell, tag: str) -> str:
    attrs = ""
    if c.rowspan > 1:
        attrs += f' rowspan="{c.rowspan}"'
    if c.colspan > 1:
        attrs += f' colspan="{c.colspan}"'
    style = "text-align:center;" if c.align == "C" else ""
    if c.bold:
        style += "font-weight:bold;"
    body = "".join(f"<div>{_runs(p) or '&#8203;'}</div>" for p in c.paras)
    return f'<{tag}{attrs} style="{style}">{body}</{tag}>'


def _table(t: Table, look: Look) -> str:
    total = sum(t.widths)
    cols = "".join(f'<col style="width:{100 * w / total:.2f}%">' for w in t.widths)
    lead = 0
    while lead < len(t.rows) and t.rows[lead].header:
        lead += 1
    thead_rows = t.rows[:lead] if look.repeat_header and t.repeat_header else []
    body_rows = t.rows[len(thead_rows):]
    size = t.size * look.scale
    parts = [f'<table style="font-size:{size:.1f}pt"><colgroup>{cols}</colgroup>']
    if thead_rows:
        parts.append("<thead>" + "".join("<tr>" + "".join(_cell(c, "td") for c in r.cells) + "</tr>"
                                         for r in thead_rows) + "</thead>")
    parts.append("<tbody>" + "".join("<tr>" + "".join(_cell(c, "td") for c in r.cells) + "</tr>"
                                     for r in body_rows) + "</tbody></table>")
    return "".join(parts)


def _para(p: Para, look: Look) -> str:
    style = f"font-size:{p.size * look.scale:.1f}pt;"
    if p.align == "C":
        style += "text-align:center;"
    if p.bold:
        style += "font-weight:bold;"
    if p.space_before:
        style += f"margin-top:{p.space_before:.0f}pt;"
    if p.page_break_before:
        style += "break-before:page;"
    return f'<p style="{style}">{_runs(p.runs)}</p>'


def to_html(doc: Doc, look: Look) -> str:
    orient = "landscape" if look.landscape else "portrait"
    body = "\n".join(_para(b, look) if isinstance(b, Para) else _table(b, look) for b in doc.blocks)
    return f"""<!DOCTYPE html><html lang="th"><head><meta charset="utf-8"><title>{html.escape(doc.title)}</title>
<style>
@page {{ size: A4 {orient}; margin: {look.margin_mm}mm; }}
body {{ font-family: '{look.font}'; line-height: 1.25; }}
p {{ margin: 2pt 0; }}
table {{ border-collapse: collapse; width: 100%; table-layout: fixed; margin: 3pt 0 6pt 0; }}
td {{ border: 0.6pt solid #000; padding: 1.5pt 3pt; vertical-align: top; word-wrap: break-word; }}
thead {{ display: table-header-group; }}
.sp {{ letter-spacing: 0.32em; }}
</style></head><body>
{body}
</body></html>
"""


def render(doc: Doc, look: Look, out_pdf: Path) -> None:
    exe = chromium()
    with tempfile.TemporaryDirectory(prefix="ita-corpus-html-") as tmp:
        src = Path(tmp) / "report.html"
        src.write_text(to_html(doc, look), encoding="utf-8")
        try:
            subprocess.run(argv(exe, src, out_pdf.resolve(), Path(tmp) / "profile"), check=True,
                           timeout=TIMEOUT, capture_output=True)
        except subprocess.TimeoutExpired as e:
            raise ChromiumFailed(f"chromium timed out after {TIMEOUT} s") from e
        except subprocess.CalledProcessError as e:
            raise ChromiumFailed(f"chromium failed: {e.stderr.decode(errors='replace')[-400:]}") from e
    if not out_pdf.exists() or out_pdf.stat().st_size == 0:
        raise ChromiumFailed(f"chromium wrote no PDF for {out_pdf.name}")
