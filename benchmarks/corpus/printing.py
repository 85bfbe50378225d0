"""How a composed report is printed: labels, headings, digits, code forms, table layouts.

Only forms the contract's normalization maps back to the composed text are used
(Thai digits, ``i๑``/``๐๑๐``/``O10``/a code without its letter, ``<p>`` remnants,
letter-spaced runs, line wraps), plus the genre's structural variations (label
wordings and places, heading forms and wrong numbers, the combined 9 + 10 table,
header rows wrapped, doubled, letter-spaced, with a ``ที่`` column or in another
order, one measures table per indicator or one long table with sub-heading rows,
merged cells, a decoy summary table). ``features`` records which were used.
"""
from __future__ import annotations

import random
import re
from dataclasses import dataclass, field

from benchmarks.corpus.compose import Block, Plan
from benchmarks.corpus.model import Cell, Doc, Para, Row, Run, Table
from normalize.codes import QuestionCode
from normalize.indicators import CANONICAL, tool_for_indicator
from normalize.thaichars import DIGITS, TEXT, charset

_THAI = str.maketrans("0123456789", DIGITS)
_RE_CODE = re.compile(r"(?<![A-Za-z])([ieo])(\d{1,2})(?!\d)")
_RE_THAI_WORD = re.compile(f"^[{charset(TEXT)}]{{4,}}$")
# a code standing alone (i๑, O10, ๐๑๐): letter-spaced like Thai words in Word's distributed lines
_RE_CODE_TOKEN = re.compile(f"^[ieoIEO๐]?[0-9{charset(DIGITS)}]{{1,3}}$")

LOWEST_LABELS = ["ข้อคำถามที่ได้คะแนนน้อยที่สุด", "ข้อคำถามที่ได้คะแนนน้อยที่สุด คือ", "ข้อคำถามที่ได้คะแนนน้อยที่สุด"]
CAUSE_LABELS = ["สาเหตุเกิดจาก", "สาเหตุ", "สาเหตุที่ได้คะแนนน้อย", "สาเหตุเกิดจาก"]
GUIDE_LABELS = ["แนวทางการยกระดับผลการประเมินฯ", "แนวทางการยกระดับผลการประเมิน", "แนวทางการพัฒนา", "ข้อเสนอแนะ",
                "แนวทางการยกระดับผลการประเมินฯ"]
SEPARATORS = [" : ", " : ", ": ", " ", ":"]
ANALYSIS_HEADERS = [["ประเด็นข้อคำถาม", "คะแนน", "การวิเคราะห์ผลการประเมินฯ"],
                    ["ข้อคำถาม", "คะแนน", "ผลการวิเคราะห์"],
                    ["ประเด็นข้อคำถาม", "ผลคะแนน", "การวิเคราะห์ผลการประเมิน"]]
ANALYSIS_WIDTHS = [[78, 16, 76], [78, 16, 76], [100, 14, 42], [64, 18, 92]]
MEASURE_HEADERS = {
    "measure": ["มาตรการ โครงการ หรือกิจกรรม", "มาตรการ/โครงการ/กิจกรรม", "มาตรการ โครงการ หรือ กิจกรรม"],
    "finding": ["ผลการวิเคราะห์ตัวชี้วัด", "ผลการวิเคราะห์ ตัวชี้วัด", "ผลการวิเคราะห์"],
    "steps": ["ขั้นตอนหรือวิธีการปฏิบัติ", "ขั้นตอน/วิธีการปฏิบัติ", "ขั้นตอนหรือวิธีการ ปฏิบัติ"],
    "period": ["ช่วงระยะเวลาในการดำเนินการ", "ระยะเวลาดำเนินการ", "ช่วงระยะเวลา ในการ ดำเนินการ"],
    "responsible": ["ผู้รับผิดชอบ", "หน่วยงานที่รับผิดชอบ", "ผู้รับผิดชอบ"],
}
MEASURE_ORDERS = [["measure", "finding", "steps", "period", "responsible"]] * 4 + [
    ["finding", "measure", "steps", "period", "responsible"],
    ["measure", "finding", "steps", "responsible", "period"],
]
MEASURE_WIDTHS = {"measure": 34, "finding": 33, "steps": 45, "period": 30, "responsible": 28, "no": 8}
HEADINGS = ["ตัวชี้วัดที่ {n} {name}", "ตัวชี้วัดที่ {n} {name}", "ตัวชี้วัดที่ {n}: {name}", "ตัวชี้วัดที่ {n} {name} ({tool})",
            "{n}.{name}", "ตัวชี้วัดที่ {n} : {name}"]
TITLES = ["การนำผลการประเมิน ITA ไปสู่การพัฒนาองค์กร", "การนำผลการประเมิน ITA ไปสู่การพัฒนาองค์กร",
          "รายงานการนำผลการประเมิน ITA ไปสู่การพัฒนาองค์กร"]


@dataclass
class Style:
    """The printing decisions of one report (shared by its producers)."""
    digits: str  # arabic, thai, mixed (text Thai, scores Arabic)
    upper: bool
    o_zero: bool  # OIT codes printed with a zero for the o (๐๑๐)
    letterless: set
    heading: str
    wrong_number: int | None
    seps: list
    label_low: str
    label_cause: str
    label_guide: str
    p_rate: float
    spaced_rate: float
    header_spaced: bool
    merged_rate: float
    analysis_header: list
    measures_one_table: bool
    measures_order: list
    measures_no_col: bool
    measures_header: dict
    header_twice: int | None
    decoy: bool
    score_short: bool  # 100 printed without decimals
    analysis_widths: list  # a narrow analysis column wraps its labels over two lines
    features: list = field(default_factory=list)


def choose_style(seed: int) -> Style:
    rng = random.Random(f"print-{seed}")
    digits = rng.choice(["arabic", "thai", "thai", "mixed"])
    s = Style(
        digits=digits,
        upper=rng.random() < 0.2,
        o_zero=digits != "arabic" and rng.random() < 0.5,
        letterless={rng.randint(1, 8)} if rng.random() < 0.3 else set(),
        heading=rng.choice(HEADINGS),
        wrong_number=rng.randint(1, 8) if rng.random() < 0.3 else None,
        seps=rng.sample(SEPARATORS, 2),
        label_low=rng.choice(LOWEST_LABELS),
        label_cause=rng.choice(CAUSE_LABELS),
        label_guide=rng.choice(GUIDE_LABELS),
        p_rate=rng.choice([0.0, 0.0, 0.5, 1.0]),
        spaced_rate=rng.choice([0.0, 0.0, 0.03, 0.08]),
        header_spaced=rng.random() < 0.25,
        merged_rate=rng.choice([1.0, 1.0, 0.8]),
        analysis_header=rng.choice(ANALYSIS_HEADERS),
        measures_one_table=rng.random() < 0.3,
        measures_order=rng.choice(MEASURE_ORDERS),
        measures_no_col=rng.random() < 0.3,
        measures_header={k: rng.choice(v) for k, v in MEASURE_HEADERS.items()},
        header_twice=rng.randint(1, 10) if rng.random() < 0.25 else None,
        decoy=rng.random() < 0.25,
        score_short=rng.random() < 0.3,
        analysis_widths=rng.choice(ANALYSIS_WIDTHS),
    )
    f = s.features
    f += [f"digits-{s.digits}", f"heading-{HEADINGS.index(s.heading)}", f"label-cause-{s.label_cause}",
          f"label-guide-{s.label_guide}", f"label-low-{s.label_low}"]
    for flag, name in [(s.upper, "codes-upper"), (s.o_zero, "codes-o-zero"), (s.letterless, "codes-letterless"),
                       (s.wrong_number, "heading-wrong-number"), (s.p_rate, "p-remnants"),
                       (s.spaced_rate, "letter-spaced"), (s.header_spaced, "header-spaced"),
                       (s.merged_rate < 1, "analysis-per-row"), (s.measures_one_table, "measures-one-table"),
                       (s.measures_order != MEASURE_ORDERS[0], "measures-column-order"),
                       (s.measures_no_col, "measures-no-column"), (s.header_twice, "header-twice"),
                       (s.decoy, "decoy-table"), (s.analysis_widths[2] < 50, "analysis-narrow")]:
        if flag:
            f.append(name)
    return s


# ---------------------------------------------------------------------------
class Printer:
    def __init__(self, plan: Plan, style: Style, seed: int):
        self.plan, self.s = plan, style
        self.rng = random.Random(f"layout-{seed}")
        self.fy = plan.report.fiscal_year

    # ---- text forms ------------------------------------------------------
    def digits(self, text: str, score: bool = False) -> str:
        if self.s.digits == "thai" or (self.s.digits == "mixed" and not score):
            return text.translate(_THAI)
        return text

    def code(self, code: str, indicator: int | None = None) -> str:
        parsed = QuestionCode.of(code)
        letter, num = parsed.letter, str(parsed.number)
        if indicator is not None and indicator in self.s.letterless and letter != "o":
            return self.digits(num)
        num = self.digits(num)
        if letter == "o" and self.s.o_zero:
            return "๐" + num
        return (letter.upper() if self.s.upper else letter) + num

    def text(self, text: str) -> str:
        """Codes in their printed form, digits as the document prints them."""
        parts, last = [], 0
        for m in _RE_CODE.finditer(text):
            parts.append(self.digits(text[last:m.start()]))
            parts.append(self.code(m.group(0)))
            last = m.end()
        parts.append(self.digits(text[last:]))
        return "".join(parts)

    def runs(self, printed: str, rate: float | None = None, bold: bool = False) -> list[Run]:
        """Runs of a printed string, some Thai words letter-spaced."""
        rate = self.s.spaced_rate if rate is None else rate
        if not rate:
            return [Run(printed, bold=bold)]
        out: list[Run] = []
        for i, tok in enumerate(printed.split(" ")):
            sep = " " if i else ""
            if (_RE_THAI_WORD.match(tok) or _RE_CODE_TOKEN.match(tok) and len(tok) > 1) and self.rng.random() < rate:
                if sep:
                    out.append(Run(sep, bold=bold))
                out.append(Run(tok, spaced=True, bold=bold))
            elif out and not out[-1].spaced:
                out[-1].text += sep + tok
            else:
                out.append(Run(sep + tok, bold=bold))
        return out

    def paras(self, lines: list[str], rate: float | None = None) -> list[list[Run]]:
        return [self.runs(line, rate) for line in lines]

    def score(self, v: float | None) -> str:
        if v is None:
            return self.rng.choice(["", "", "-"])
        t = "100" if (v == 100 and self.s.score_short) else f"{v:.2f}"
        return self.digits(t, score=True)

    def heading(self, n: int, printed_n: int | None = None) -> str:
        shown = printed_n if printed_n is not None else n
        return self.digits(self.s.heading.format(n=shown, name=CANONICAL[n], tool=tool_for_indicator(n)))

    def header_cells(self, texts: list[str]) -> list[Cell]:
        rate = 1.0 if self.s.header_spaced and self.rng.random() < 0.6 else 0.0
        return [Cell([self.runs(t, rate, bold=True)], align="C", bold=True) for t in texts]

    # ---- the document ----------------------------------------------------
    def document(self) -> Doc:
        r, s = self.plan.report, self.s
        blocks: list = []
        blocks.append(Para([Run(self.rng.choice(TITLES), bold=True)], size=20, bold=True, align="C"))
        sub = self.rng.choice([
            "แสดงการวิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของ{a} ในปีงบประมาณ พ.ศ. {y}",
            "ผลการวิเคราะห์การประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ ประจำปีงบประมาณ พ.ศ. {y} {a}",
            "{a} ประจำปีงบประมาณ พ.ศ. {y}",
        ])
        blocks.append(Para(self.runs(self.digits(sub.format(a=r.agency_alt, y=self.fy)), 0), size=16, bold=True, align="C"))
        if s.decoy:
            blocks += self.decoy()
        for b in self.plan.blocks:
            blocks += self.analysis(b)
        blocks.append(Para([Run("การกำหนดวิธีการนำผลการวิเคราะห์ไปสู่การปฏิบัติการหรือมาตรการเพื่อขับเคลื่อนการส่งเสริมคุณธรรมและความโปร่งใส")],
                           size=16, bold=True, align="C", space_before=10,
                           page_break_before=self.rng.random() < 0.4))
        blocks.append(Para(self.runs(self.digits(f"ของ {r.agency} ประจำปีงบประมาณ พ.ศ. {self.fy}"), 0), size=16, bold=True, align="C"))
        blocks.append(Para(self.runs(self.digits(
            f"จากการวิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงาน ประจำปีงบประมาณ พ.ศ. {self.fy} "
            f"นำไปสู่การกำหนดมาตรการเพื่อขับเคลื่อนการส่งเสริมคุณธรรมและความโปร่งใสของ{r.agency} ดังนี้")), size=16))
        blocks += self.measures()
        r.features += s.features
        return Doc(blocks)

    def decoy(self) -> list:
        rows = [Row(self.header_cells(["ตัวชี้วัด", "คะแนน"]), header=True)]
        for n in range(1, 11):
            v = round(self.rng.uniform(60, 100), 2)
            rows.append(Row([Cell([[Run(self.digits(f"{n}. {CANONICAL[n]}"))]]),
                             Cell([[Run(self.score(v))]], align="C")]))
        return [Para([Run(self.digits("สรุปผลคะแนนการประเมินรายตัวชี้วัด ประจำปีงบประมาณ พ.ศ. ") + self.digits(str(self.fy)))],
                      bold=True, space_before=6),
                Table([70, 30], rows, size=14)]

    # ---- part 1 ----------------------------------------------------------
    def analysis(self, b: Block) -> list:
        s = self.s
        out: list = []
        if len(b.indicators) == 2:
            out.append(Para([Run(self.heading(9) + " และ")], bold=True, space_before=6))
            out.append(Para([Run(self.heading(10))], bold=True))
            self.plan.report.features.append("heading-combined-9-10")
        else:
            n = b.indicators[0]
            printed = None
            if s.wrong_number == n:
                printed = self.rng.choice([k for k in range(1, 11) if k != n])
            out.append(Para(self.runs(self.heading(n, printed), 0, bold=True), bold=True, space_before=6))
        analysis_lines = self.analysis_lines(b)
        widths = list(s.analysis_widths)
        header = Row(self.header_cells(s.analysis_header), header=True)
        rows = [header]
        if s.header_twice == b.indicators[0]:
            rows.append(Row(self.header_cells(s.analysis_header), header=True))
        if b.range_row is not None:
            first, last = b.range_row
            dash = self.rng.choice([" - ", " – ", "-"])
            qrows = [(self.code(first) + dash + self.code(last), None)]
            self.plan.report.features.append("oit-range-row")
        else:
            qrows = [(self.code(q.code, b.indicators[0]) + " " + self.text(q.text), q.score) for q in b.rows]
        merged = self.rng.random() < s.merged_rate or len(qrows) < 3
        p = self.rng.random() < s.p_rate
        if p:
            analysis_lines = [f"<p>{x}</p>" for x in analysis_lines]
            if self.rng.random() < 0.5:
                analysis_lines = [" ".join(analysis_lines)]
        for i, (q, v) in enumerate(qrows):
            cells = [Cell(self.paras([q])), Cell([self.runs(self.score(v), 0)], align="C")]
            if merged and i == 0:
                cells.append(Cell(self.paras(analysis_lines), rowspan=len(qrows)))
            elif not merged:
                per = _split(analysis_lines, len(qrows))[i]
                cells.append(Cell(self.paras(per) if per else [[Run("")]]))
            rows.append(Row(cells))
        if not merged:
            self.plan.report.features.append("analysis-per-row")
        out.append(Table(widths, rows))
        return out

    def analysis_lines(self, b: Block) -> list[str]:
        """The analysis cell's paragraphs: labels (own line or run on) and their texts."""
        s = self.s
        sep = self.rng.choice(s.seps)
        lines: list[str] = []

        def part(label: str, texts: list[str]) -> None:
            if self.rng.random() < 0.35:  # the label on its own line
                lines.append(label + sep.rstrip())
                lines.extend(texts)
            else:
                lines.append(label + sep + texts[0])
                lines.extend(texts[1:])

        if b.cause is None:
            part(s.label_low, [self.rng.choice(["-ไม่มี", "- ไม่มี -", "ไม่มี"])])
            return lines
        lows = [f"{self.code(c, b.indicators[0])} {self.text(t)}" for c, t in zip(b.lowest, b.lowest_texts)]
        if self.rng.random() < 0.2:
            lows = [" ".join(lows)] if len(lows) > 1 else lows
        part(s.label_low, lows)
        part(s.label_cause, [self.text(b.cause)])
        part(s.label_guide, [self.text(g) for g in b.guideline])
        return lines

    # ---- part 2 ----------------------------------------------------------
    def measures(self) -> list:
        s = self.s
        order = (["no"] if s.measures_no_col else []) + s.measures_order
        widths = [MEASURE_WIDTHS[c] for c in order]
        head_texts = [("ที่" if c == "no" else s.measures_header[c]) for c in order]
        out: list = []

        def header_rows() -> list[Row]:
            rows = [Row(self.header_cells(head_texts), header=True)]
            return rows

        inds = sorted(self.plan.measures)
        if s.measures_one_table:
            rows = header_rows()
            for ind in inds:
                sub = self.heading(ind)
                rows.append(Row([Cell([self.runs(sub, 0, bold=True)], colspan=len(order), bold=True)]))
                rows += self.measure_rows(ind, order)
            out.append(Table(widths, rows))
            return out
        for ind in inds:
            printed = None
            if s.wrong_number == ind and self.rng.random() < 0.5:
                printed = self.rng.choice([k for k in range(1, 11) if k != ind])
            out.append(Para(self.runs(self.heading(ind, printed), 0, bold=True), bold=True, space_before=6))
            rows = header_rows()
            if s.header_twice == ind:
                rows += header_rows()
            rows += self.measure_rows(ind, order)
            out.append(Table(widths, rows))
        return out

    def measure_rows(self, ind: int, order: list[str]) -> list[Row]:
        ms = self.plan.measures[ind]
        merge = {}
        for col, attr in (("period", "period_text"), ("responsible", "responsible")):
            vals = {getattr(m, attr) for m in ms}
            if len(ms) > 1 and len(vals) == 1 and None not in vals and self.rng.random() < 0.7:
                merge[col] = True
                self.plan.report.features.append("measures-merged-cell")
        rows = []
        for i, m in enumerate(ms):
            cells = []
            for col in order:
                if col in merge and i > 0:
                    continue
                if col == "no":
                    cells.append(Cell([[Run(self.digits(str(m.seq)))]], align="C"))
                    continue
                val = {"measure": m.measure, "finding": m.finding, "steps": m.steps,
                       "period": m.period_text, "responsible": m.responsible}[col]
                lines = self.text(val).split("\n") if val else [""]
                cells.append(Cell(self.paras(lines), rowspan=len(ms) if col in merge else 1,
                                  align="C" if col == "period" else "L"))
            rows.append(Row(cells))
        return rows


def _split(lines: list[str], n: int) -> list[list[str]]:
    """Paragraphs spread over ``n`` rows (label groups kept together where possible)."""
    out: list[list[str]] = [[] for _ in range(n)]
    for i, line in enumerate(lines):
        out[min(i, n - 1)].append(line)
    return out


def printed_document(plan: Plan, seed: int) -> Doc:
    style = choose_style(seed)
    return Printer(plan, style, seed).document()
