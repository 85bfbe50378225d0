"""One self-contained HTML page for a batch: ``ita-extract report OUT --html FILE``.

Plots are Plotly figures: Plotly writes interactive SVG charts (hover for
values, zoom) into a plain HTML page, and ships plotly.js inside the Python
package, so the page inlines it once and needs no network when it is opened
(no CDN, no server, no MathJax). Text, Thai included, is drawn by the browser
with the system's Thai fonts (see ``FONT_FAMILY``), so it shapes correctly.
"""
from __future__ import annotations

import datetime as dt
import html
import os
import uuid
from pathlib import Path

import pandas as pd

from ita_extract.errors import OutputNotWritable
from ita_extract.output import report_data as rd
from ita_extract.output.tables import read_tables

#: Fonts for the page and the plots: Thai fonts Debian ships first (fonts-noto-core, fonts-thai-tlwg).
FONT_FAMILY = "'Noto Sans Thai', 'Noto Sans', Laksaman, Garuda, Loma, 'TH Sarabun New', sans-serif"
#: One colour per tool, the same in every plot.
TOOL_COLOURS = {"IIT": "#4C78A8", "EIT": "#F58518", "OIT": "#54A24B"}
STATUS_COLOURS = {"ok": "#54A24B", "partial": "#ECA82C", "failed": "#E45756"}
#: Up to this many scores, every score is drawn as a point beside its box; above it only outliers
#: (a batch of thousands of agencies would otherwise put hundreds of thousands of points in the page).
MAX_POINTS = 5000

_CSS = f"""
body {{ font-family: {FONT_FAMILY}; margin: 0 auto; max-width: 1180px; padding: 1rem 1.5rem; color: #222; }}
h1 {{ font-size: 1.6rem; margin-bottom: .2rem; }}
h2 {{ font-size: 1.25rem; border-bottom: 2px solid #ddd; padding-bottom: .2rem; margin-top: 2rem; }}
.sub {{ color: #666; margin-top: 0; }}
.cards {{ display: flex; gap: .8rem; flex-wrap: wrap; }}
.card {{ border: 1px solid #ddd; border-radius: 6px; padding: .5rem .9rem; min-width: 7rem; }}
.card b {{ display: block; font-size: 1.5rem; }}
.grid {{ display: grid; grid-template-columns: 1fr 1fr; gap: 1rem; }}
table {{ border-collapse: collapse; width: 100%; font-size: .85rem; margin: .5rem 0; }}
th, td {{ border: 1px solid #ddd; padding: .25rem .4rem; text-align: left; vertical-align: top; }}
th {{ background: #f4f4f4; position: sticky; top: 0; }}
td.num {{ text-align: right; white-space: nowrap; }}
tr.error td {{ background: #fdecea; }}
.scroll {{ max-height: 32rem; overflow: auto; }}
.note {{ color: #555; font-size: .9rem; }}
"""


# --- figures ---------------------------------------------------------------------

def _layout(fig, title: str, height: int = 380):
    fig.update_layout(title=title, height=height, font={"family": FONT_FAMILY, "size": 13},
                      margin={"l": 60, "r": 20, "t": 50, "b": 60}, template="plotly_white",
                      legend={"orientation": "h", "y": -0.2})
    return fig


def _status_figure(documents: pd.DataFrame):
    import plotly.graph_objects as go

    c = rd.status_counts(documents)
    fig = go.Figure(go.Bar(x=c["status"], y=c["documents"], text=c["documents"], textposition="auto",
                           marker_color=[STATUS_COLOURS[s] for s in c["status"]]))
    return _layout(fig, "Documents by status · เอกสารตามสถานะ", 320)


def _score_figure(scores: pd.DataFrame):
    import plotly.graph_objects as go

    fig = go.Figure()
    s = rd.survey_scores(scores).sort_values("indicator")
    points = "all" if len(s) <= MAX_POINTS else "outliers"
    for tool in rd.SURVEY_TOOLS:
        t = s[s["tool"] == tool]
        if t.empty:
            continue
        labels = [f"{i}. {n}" for i, n in zip(t["indicator"], t["indicator_name"])]
        fig.add_trace(go.Box(x=labels, y=t["score"], name=tool, marker_color=TOOL_COLOURS[tool],
                             boxpoints=points, jitter=0.4, pointpos=0,
                             customdata=t[["question", "fiscal_year"]].to_numpy(),
                             hovertemplate="%{customdata[0]} (%{customdata[1]}): %{y:.2f}<extra></extra>"))
    fig.update_yaxes(title="score · คะแนน")
    return _layout(fig, "Scores per indicator and tool (IIT, EIT) · คะแนนรายตัวชี้วัด", 460)


def _oit_figure(scores: pd.DataFrame):
    import plotly.graph_objects as go

    o = scores[(scores["tool"] == "OIT") & scores["score"].notna()]
    fig = go.Figure(go.Histogram(x=o["score"], nbinsx=11, marker_color=TOOL_COLOURS["OIT"],
                                 name="OIT", hovertemplate="score %{x}: %{y} item(s)<extra></extra>"))
    fig.update_xaxes(title="score · คะแนน", range=[-5, 105])
    fig.update_yaxes(title="items · ข้อ")
    return _layout(fig, "OIT items: scores (0 or 100) · คะแนน OIT", 320)


def _hbar(frame: pd.DataFrame, x: str, y: str, title: str, colour: str, height: int | None = None,
          hover: str | None = None):
    import plotly.graph_objects as go

    f = frame.iloc[::-1]
    fig = go.Figure(go.Bar(x=f[x], y=f[y], orientation="h", marker_color=colour, text=f[x],
                           textposition="auto", textangle=0, insidetextanchor="end",
                           hovertext=f[hover] if hover else None))
    fig.update_yaxes(automargin=True)
    return _layout(fig, title, height or max(260, 28 * len(frame) + 110))


def _indicator_figure(scores: pd.DataFrame):
    m = rd.indicator_means(scores).copy()
    m["label"] = [f"{i}. {n}" for i, n in zip(m["indicator"], m["indicator_name"])]
    m["mean"] = m["mean"].round(2)
    fig = _hbar(m, "mean", "label", "Indicators by mean score, weakest at the top · ตัวชี้วัดตามคะแนนเฉลี่ย",
                TOOL_COLOURS["IIT"])
    return _zoom_scores(fig, m["mean"])


def _zoom_scores(fig, values: pd.Series):
    """Scores near 100 differ by a few points: start the axis a little below the lowest."""
    low = float(values.min()) if len(values) else 0.0
    fig.update_xaxes(range=[max(0.0, (low // 5) * 5 - 5), 100.5])
    return fig


def _weakest_question_figure(scores: pd.DataFrame):
    w = rd.weakest_questions(scores, 12).copy()
    w["label"] = [f"{q} ({fy})" for q, fy in zip(w["question"], w["fiscal_year"])]
    w["mean"] = w["mean"].round(2)
    w["hover"] = [t[:80] for t in w["question_text"]]
    fig = _hbar(w, "mean", "label", "Weakest IIT/EIT questions across agencies, weakest at the top · "
                "ข้อคำถามที่คะแนนต่ำสุด", TOOL_COLOURS["EIT"], hover="hover")
    return _zoom_scores(fig, w["mean"])


def _words_figure(analyses: pd.DataFrame):
    w = rd.cause_words(analyses, 20)
    return _hbar(w, "causes", "word", "Most frequent words in the causes · คำที่พบบ่อยในสาเหตุ", "#B279A2")


def _units_figure(measures: pd.DataFrame):
    u = rd.measures_by_unit(measures, 15)
    return _hbar(u, "measures", "responsible", "Measures by responsible unit · มาตรการตามผู้รับผิดชอบ", "#72B7B2")


def _timeline_figure(measures: pd.DataFrame):
    import plotly.graph_objects as go

    m = rd.measures_by_month(measures)
    fig = go.Figure([
        go.Bar(x=m["month"], y=m["running"], name="running · ดำเนินการ", marker_color="#9ecae9"),
        go.Scatter(x=m["month"], y=m["starting"], name="starting · เริ่ม", mode="lines+markers",
                   line={"color": "#E45756"}),
    ])
    fig.update_xaxes(title="month of the period · เดือน", tickformat="%b %Y",
                     dtick="M1" if len(m) <= 18 else "M3" if len(m) <= 48 else "M12")
    fig.update_yaxes(title="measures · มาตรการ")
    return _layout(fig, "Measures by month of their period · มาตรการตามช่วงเวลา", 380)


# --- HTML ----------------------------------------------------------------------------

def _table(frame: pd.DataFrame, columns: dict[str, str], numeric: tuple[str, ...] = (),
           row_class: str | None = None, decimals: tuple[str, ...] = ("mean", "lowest")) -> str:
    head = "".join(f"<th>{html.escape(label)}</th>" for label in columns.values())
    rows = []
    for _, r in frame.iterrows():
        cls = f' class="{html.escape(str(r[row_class]))}"' if row_class else ""
        cells = []
        for col in columns:
            v = r[col]
            if v is None or (not isinstance(v, (list, tuple)) and pd.isna(v)):
                text = ""
            elif isinstance(v, float):
                text = str(int(v)) if v.is_integer() and col not in decimals else f"{v:.2f}"
            else:
                text = str(v)
            cells.append(f'<td class="num">{html.escape(text)}</td>' if col in numeric
                         else f"<td>{html.escape(text)}</td>")
        rows.append(f"<tr{cls}>{''.join(cells)}</tr>")
    return f'<div class="scroll"><table><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table></div>'


def _plot(fig) -> str:
    return fig.to_html(full_html=False, include_plotlyjs=False, include_mathjax=False,
                       config={"displaylogo": False, "responsive": True, "displayModeBar": False})


def _cards(tables: dict[str, pd.DataFrame]) -> str:
    docs = tables["documents"]
    years = sorted(y for y in docs["fiscal_year"].unique() if y)
    items = [("documents · เอกสาร", len(docs)),
             ("agencies · หน่วยงาน", docs["agency_key"].nunique()),
             ("fiscal years · ปีงบประมาณ", ", ".join(map(str, years)) or "–"),
             ("scores · คะแนน", len(tables["scores"])),
             ("measures · มาตรการ", len(tables["measures"])),
             ("problems · ปัญหา", len(tables["problems"]))]
    return '<div class="cards">' + "".join(
        f'<div class="card"><b>{html.escape(str(v))}</b>{html.escape(k)}</div>' for k, v in items) + "</div>"


def render_html(out: Path) -> str:
    """The report of the output folder ``out`` as one HTML document."""
    from plotly.offline import get_plotlyjs

    t = read_tables(out)
    docs, scores, analyses, measures = t["documents"], t["scores"], t["analyses"], t["measures"]
    failed = docs[docs["status"] != "ok"].sort_values(["status", "source_file"])
    weakest = rd.weakest_questions(scores, 15)
    oit = rd.oit_missed(scores, 15)
    named = rd.lowest_named(analyses).head(15)
    problems = rd.problem_rows(t["problems"], docs)
    generated = dt.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z")
    body = f"""
<h1>ITA batch report · รายงานสรุปผลการประเมิน ITA</h1>
<p class="sub">{html.escape(str(out))} · generated {html.escape(generated)} by ita-extract</p>
{_cards(t)}

<h2>Documents · เอกสาร</h2>
<div class="grid"><div>{_plot(_status_figure(docs))}</div>
<div><p class="note">Documents that are not <code>ok</code>, with the reason (every document is in the
<code>documents</code> table):</p>
{_table(failed, {"source_file": "file", "status": "status", "error": "error", "pages": "pages"}, ("pages",))
 if len(failed) else '<p class="note">Every document was read (ok).</p>'}</div></div>

<h2>Scores · คะแนน</h2>
<p class="note">IIT and EIT scores are survey averages (0–100); OIT items score 0 or 100 and are shown apart.
Each point is one question of one document; hover for its code and fiscal year.</p>
{_plot(_score_figure(scores))}
<div class="grid"><div>{_plot(_indicator_figure(scores))}</div><div>{_plot(_oit_figure(scores))}</div></div>

<h2>Weakest questions across agencies · ข้อคำถามที่อ่อนที่สุด</h2>
<p class="note">Codes change meaning between fiscal years (o8 of 2567 is not o8 of 2569): questions are
grouped by fiscal year, tool and code.</p>
{_plot(_weakest_question_figure(scores))}
{_table(weakest, {"fiscal_year": "year", "tool": "tool", "question": "code", "question_text": "question",
                  "mean": "mean", "lowest": "lowest", "documents": "documents"}, ("mean", "lowest", "documents"))}
<h3>OIT items most often missed · ข้อ OIT ที่ไม่ผ่านบ่อยที่สุด</h3>
{_table(oit.assign(missed=(oit["missed"] * 100).round(0)),
        {"fiscal_year": "year", "question": "code", "question_text": "item", "missed": "% of documents below 100",
         "documents": "documents"}, ("missed", "documents")) if len(oit) else '<p class="note">Every OIT item scored 100.</p>'}

<h2>Lowest questions and their causes · สาเหตุของข้อที่คะแนนต่ำสุด</h2>
<div class="grid"><div>{_plot(_words_figure(analyses))}</div>
<div><p class="note">Questions most often named lowest in the analyses:</p>
{_table(named, {"fiscal_year": "year", "question": "code", "analyses": "analyses"}, ("analyses",))}</div></div>
<p class="note">Words are PyThaiNLP tokens (newmm) of the <code>cause</code> column, Thai stop words left
out; a word counts once per cause.</p>

<h2>Measures · มาตรการ</h2>
{_plot(_timeline_figure(measures))}
{_plot(_units_figure(measures))}

<h2>Problems · ปัญหาที่พบ ({len(problems)})</h2>
<p class="note">Every row of the <code>problems</code> table, errors first; the meaning of each code is in
docs/schema.md.</p>
{_table(problems, {"severity": "severity", "code": "code", "source_file": "file", "page": "page",
                   "indicator": "indicator", "message": "message"}, ("page", "indicator"), row_class="severity")}
"""
    return f"""<!DOCTYPE html>
<html lang="th"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>ITA batch report · รายงานสรุปผล ITA</title>
<style>{_CSS}</style>
<script type="text/javascript">{get_plotlyjs()}</script>
</head><body>{body}</body></html>
"""


def write_html_report(out: Path, path: Path) -> Path:
    """Write the report of ``out`` to ``path`` atomically; returns ``path``."""
    text = render_html(out)
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex[:8]}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise OutputNotWritable(f"Cannot write {path}: {exc.strerror or exc}.") from exc
    return path
