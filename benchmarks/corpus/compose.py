"""Compose a report's content from a seed: agency, questionnaire, scores, analyses, measures.

Everything here is the normalized text the contract asks for (Arabic digits,
codes as ``o10``); it is the ground truth. ``printing.py`` then decides how the
same content is printed (Thai digits, code forms, labels, layouts...).
"""
from __future__ import annotations

import calendar
import random
import re
from dataclasses import dataclass, field
from datetime import date

from benchmarks.corpus import banks
from benchmarks.corpus.model import Analysis, Measure, Report, ScoreRow
from normalize import questionnaire
from normalize.codes import QuestionCode
from normalize.indicators import tool_for_indicator

BE = 543
MONTHS_FULL = ["มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน", "กรกฎาคม", "สิงหาคม",
               "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม"]
MONTHS_ABBR = ["ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค."]


@dataclass
class QRow:
    code: str
    text: str
    score: float | None


@dataclass
class Block:
    """One indicator's analysis table (or the combined 9 + 10 table)."""
    indicators: tuple[int, ...]  # (9, 10) for the combined table
    rows: list[QRow]
    range_row: tuple[str, str] | None  # printed "o1 - o28" instead of per-item rows
    lowest: list[str]  # codes
    lowest_texts: list[str]
    cause: str | None
    guideline: list[str] | None  # paragraphs


@dataclass
class Plan:
    report: Report
    blocks: list[Block]
    measures: dict[int, list[Measure]] = field(default_factory=dict)
    oit_mode: str = "items"


# ---------------------------------------------------------------------------
def compose(seed: int) -> Plan:
    """The content of report ``seed`` (deterministic)."""
    rng = random.Random(f"content-{seed}")
    fy = rng.choice(questionnaire.fiscal_years())
    kind, agency, alt = _agency(rng)
    report = Report(seed=seed, fiscal_year=fy, agency=agency, agency_alt=alt, kind=kind)
    report.features += [f"fy-{fy}", f"agency-{kind}"]
    topics = _oit_topics(fy)
    base = rng.uniform(78, 97)
    blocks: list[Block] = []
    for ind in range(1, 9):
        blocks.append(_survey_block(rng, fy, ind, base, topics))
    oit_mode = rng.choice(["items", "items", "unscored", "range", "combined"])
    report.features.append(f"oit-{oit_mode}")
    blocks += _oit_blocks(rng, fy, oit_mode, topics)
    plan = Plan(report, blocks, oit_mode=oit_mode)
    for b in blocks:
        _gt_block(report, b)
    for b in blocks:
        for ind in b.indicators:
            rows = _measures(rng, fy, ind, b, report.kind)
            if rows:
                plan.measures[ind] = rows
                report.measures += rows
    return plan


# ---------------------------------------------------------------------------
def _place(rng: random.Random) -> str:
    return rng.choice(banks.PLACE_HEADS) + rng.choice(banks.PLACE_TAILS)


def _agency(rng: random.Random) -> tuple[str, str, str]:
    """(kind, name, other spelling)."""
    k = rng.choice(["abt", "abt", "tambon", "mueang", "nakhon", "abj", "spp", "spm", "dept", "provoffice",
                    "uni", "hospital", "enterprise"])
    p, v = _place(rng), rng.choice(banks.PROVINCES)
    if k == "abt":
        name = f"องค์การบริหารส่วนตำบล{p}"
        return "local", name, rng.choice([f"อบต.{p}", f"องค์กรบริหารส่วนตำบล{p}", f"อบต. {p}"])
    if k in ("tambon", "mueang", "nakhon"):
        full, ab = {"tambon": ("เทศบาลตำบล", "ทต."), "mueang": ("เทศบาลเมือง", "ทม."), "nakhon": ("เทศบาลนคร", "ทน.")}[k]
        place = v if k == "nakhon" else p
        return "local", f"{full}{place}", f"{ab}{place}"
    if k == "abj":
        return "local", f"องค์การบริหารส่วนจังหวัด{v}", f"อบจ.{v}"
    if k in ("spp", "spm"):
        n = rng.randint(1, 5)
        full, ab = ("สำนักงานเขตพื้นที่การศึกษาประถมศึกษา", "สพป.") if k == "spp" else ("สำนักงานเขตพื้นที่การศึกษามัธยมศึกษา", "สพม.")
        return "school", f"{full}{v} เขต {n}", f"{ab}{v} เขต {n}"
    if k == "dept":
        name = rng.choice(banks.DEPARTMENTS)
        return "central", name, name.replace("กรม", "กรม ", 1)
    if k == "provoffice":
        full, ab = rng.choice(banks.PROVINCIAL_OFFICES)
        return "central", f"{full}{v}", f"{ab}{v}"
    if k == "uni":
        name = rng.choice(banks.UNIVERSITIES).format(v=v)
        return "university", name, name.replace("มหาวิทยาลัย", "ม.", 1)
    if k == "hospital":
        return "hospital", f"โรงพยาบาล{p}", f"รพ.{p}"
    full, ab = rng.choice(banks.STATE_ENTERPRISES)
    return "enterprise", full, ab


def _oit_topics(fy: int) -> dict[str, str]:
    """OIT topic -> code in the questionnaire of ``fy``."""
    items = questionnaire.questions(fy, "OIT")
    out = {}
    for topic, words in banks.OIT_TOPICS.items():
        for w in words:
            hit = next((q.code for q in items if w in q.text), None)
            if hit:
                out[topic] = hit
                break
    return out


def _score(rng: random.Random, base: float) -> float:
    if rng.random() < 0.3:
        return 100.0
    return round(min(100.0, max(50.0, rng.gauss(base, 6))), 2)


def _survey_block(rng: random.Random, fy: int, ind: int, base: float, topics: dict) -> Block:
    qs = questionnaire.questions(fy, indicator=ind)
    rows = [QRow(q.code, q.text, _score(rng, base)) for q in qs]
    if rng.random() < 0.12:  # nothing to improve
        for r in rows:
            r.score = 100.0
    elif rng.random() < 0.15 and len(rows) > 1:  # a tie for the lowest
        low = min(r.score for r in rows)
        others = [r for r in rows if r.score != low]
        if others:
            rng.choice(others).score = low
    low = min(r.score for r in rows)
    if low >= 100.0:
        return Block((ind,), rows, None, [], [], None, None)
    lowest = [r for r in rows if r.score == low]
    return Block((ind,), rows, None, [r.code for r in lowest], [r.text for r in lowest],
                 _cause(rng, ind), _guideline(rng, ind, topics))


def _oit_blocks(rng: random.Random, fy: int, mode: str, topics: dict) -> list[Block]:
    out = []
    groups = [(9, 10)] if mode == "combined" else [(9,), (10,)]
    for inds in groups:
        qs = [q for i in inds for q in questionnaire.questions(fy, indicator=i)]
        if mode == "items":
            rows = [QRow(q.code, q.text, rng.choice([100.0] * 8 + [0.0, 50.0, 75.0, 87.5])) for q in qs]
            low = min(r.score for r in rows)
            lowest = [r for r in rows if r.score == low] if low < 100 else []
        else:
            rows = [QRow(q.code, q.text, None) for q in qs]
            lowest = rng.sample(rows, rng.choice([1, 1, 2]))
            lowest.sort(key=lambda r: QuestionCode.of(r.code).number)
        rng_row = (qs[0].code, qs[-1].code) if mode in ("range", "combined") else None
        if not lowest:
            out.append(Block(inds, rows, rng_row, [], [], None, None))
            continue
        ind = inds[0]
        out.append(Block(inds, rows, rng_row, [r.code for r in lowest], [r.text for r in lowest],
                         _cause(rng, ind if len(inds) == 1 else rng.choice(inds)), _guideline(rng, ind, topics)))
    return out


def _cause(rng: random.Random, ind: int) -> str:
    finding = rng.choice(banks.CAUSE_FINDINGS[ind])
    if ind >= 9:
        return finding
    subject = rng.choice(banks.CAUSE_SUBJECTS["in" if ind <= 5 else "out"])
    return f"{subject}{rng.choice([' ', ''])}{finding}"


def _guideline(rng: random.Random, ind: int, topics: dict) -> list[str]:
    n = rng.choice([1, 2, 2, 3])
    sentences = rng.sample(banks.GUIDE_SENTENCES[ind], n)
    opener = rng.choice(banks.GUIDE_OPENERS)
    text = opener + sentences[0]
    paras = []
    for s in sentences[1:]:
        if rng.random() < 0.25:
            paras.append(text)
            text = s
        else:
            text += rng.choice(banks.GUIDE_JOINERS) + s
    paras.append(text)
    return [_resolve_refs(rng, p, topics) for p in paras]


_RE_REF = re.compile(r"\s?\{ref:(\w+)\}")


def _resolve_refs(rng: random.Random, text: str, topics: dict) -> str:
    known = set(topics.values())

    def sub(m: re.Match) -> str:
        code = topics.get(m.group(1))
        if code is None or rng.random() < 0.15:
            return ""
        codes = [code]
        if rng.random() < 0.2:  # a neighbouring item cited with it
            nxt = QuestionCode.of(code).next().format()
            if nxt in known:
                codes.append(nxt)
        sep = rng.choice([", ", " ,", ",", " และ "])
        return f" (อ้างอิงจาก {sep.join(codes)})"
    return re.sub(r"\s+", " ", _RE_REF.sub(sub, text)).strip()


_RE_CODE = re.compile(r"(?<![A-Za-z])o\d+")


def _gt_block(report: Report, b: Block) -> None:
    for ind in b.indicators:
        tool = tool_for_indicator(ind)
        if b.range_row is None:
            for r in b.rows:
                if questionnaire_indicator(report.fiscal_year, r.code) == ind:
                    report.scores.append(ScoreRow(ind, tool, r.code, r.text, r.score))
    # The contract's analyses have one row per indicator analysed: the one
    # analysis of a combined 9 + 10 table is a row under each of its indicators.
    if b.cause is None:
        report.analyses += [Analysis(ind, [], None, None, []) for ind in b.indicators]
        return
    guideline = "\n".join(b.guideline)
    refs: list[str] = []
    for code in _RE_CODE.findall(guideline) + _RE_CODE.findall(b.cause):
        if code not in refs and code not in b.lowest:
            refs.append(code)
    report.analyses += [Analysis(ind, list(b.lowest), b.cause, guideline, list(refs)) for ind in b.indicators]


def questionnaire_indicator(fy: int, code: str) -> int:
    return questionnaire.question(fy, code).indicator


# ---------------------------------------------------------------------------
def _measures(rng: random.Random, fy: int, ind: int, b: Block, kind: str) -> list[Measure]:
    if b.cause is None and rng.random() < 0.7:
        return []
    if b.cause is not None and rng.random() < 0.08:
        return []
    n = rng.choice([1, 1, 1, 2, 2, 3])
    unit_bank = banks.UNITS[kind]
    shared_period = _period(rng, fy) if rng.random() < 0.6 else None
    shared_unit = rng.choice(unit_bank) if rng.random() < 0.5 else None
    names = rng.sample(banks.MEASURES[ind], min(n, len(banks.MEASURES[ind])))
    rows = []
    for seq, name in enumerate(names, 1):
        if rng.random() < 0.15:  # a numbered list of activities in one cell
            extra = rng.choice([x for x in banks.MEASURES[ind] if x != name])
            name = f"1.{name}\n2.{extra}"
        finding = rng.choice([b.cause, b.lowest_texts[0] if b.lowest_texts else None, b.cause])
        if finding is None:
            finding = rng.choice(["คะแนนเต็มทุกข้อ คงมาตรฐานเดิม", "รักษาระดับผลการประเมินให้คงที่"])
        steps = rng.sample(banks.STEPS[ind], rng.choice([1, 1, 2, 3]))
        style = rng.choice(["num", "dash", "plain"])
        if len(steps) == 1 and style != "dash":
            steps_text = steps[0]
        elif style == "num":
            steps_text = "\n".join(f"{i}. {s}" for i, s in enumerate(steps, 1))
        elif style == "dash":
            steps_text = "\n".join(f"-{s}" for s in steps)
        else:
            steps_text = " ".join(steps)
        ptext, pstart, pend = shared_period or _period(rng, fy)
        unit = shared_unit or rng.choice(unit_bank)
        if rng.random() < 0.12:
            unit = unit + "\n" + rng.choice([u for u in unit_bank if u != unit])
        if rng.random() < 0.04:
            unit = None
        rows.append(Measure(ind, seq, name, finding, steps_text, ptext, pstart, pend, unit))
    return rows


def _iso(y_be: int, m: int, d: int | None, end: bool) -> str:
    y = y_be - BE
    if d is None:
        d = calendar.monthrange(y, m)[1] if end else 1
    return date(y, m, d).isoformat()


def _period(rng: random.Random, fy: int) -> tuple[str | None, str | None, str | None]:
    """(period_text, start, end) of a measure carried out in fiscal year ``fy`` or the next."""
    y = fy + rng.choice([0, 1, 1])
    dash = rng.choice([" - ", " – ", " - ", " ถึง ", "-"])
    form = rng.choice(["abbr_day", "abbr", "full_day", "full", "fiscal", "fiscal", "quarter", "month",
                       "short_year", "suitable", "numeric"])
    if form == "abbr_day":
        return f"ต.ค. {y - 1}{dash}30 ก.ย. {y}", _iso(y - 1, 10, None, False), _iso(y, 9, 30, True)
    if form == "abbr":
        return f"ต.ค. {y - 1}{dash}ก.ย. {y}", _iso(y - 1, 10, None, False), _iso(y, 9, None, True)
    if form == "full_day":
        return f"1 ตุลาคม {y - 1}{dash}30 กันยายน {y}", _iso(y - 1, 10, 1, False), _iso(y, 9, 30, True)
    if form == "full":
        return f"ตุลาคม {y - 1}{dash}กันยายน {y}", _iso(y - 1, 10, None, False), _iso(y, 9, None, True)
    if form == "fiscal":
        text = rng.choice([f"ปีงบประมาณ พ.ศ. {y}", f"ตลอดปีงบประมาณ {y}", f"ปีงบประมาณ {y}", f"ตลอดปีงบประมาณ พ.ศ. {y}"])
        return text, _iso(y - 1, 10, 1, False), _iso(y, 9, 30, True)
    if form == "quarter":
        m1 = rng.choice([1, 4, 7])
        m2 = m1 + rng.choice([1, 2])
        names = MONTHS_ABBR if rng.random() < 0.7 else MONTHS_FULL
        return f"{names[m1 - 1]}{dash}{names[m2 - 1]} {y}", _iso(y, m1, None, False), _iso(y, m2, None, True)
    if form == "month":
        m = rng.randint(1, 9)
        names = MONTHS_ABBR if rng.random() < 0.5 else MONTHS_FULL
        return f"{names[m - 1]} {y}", _iso(y, m, None, False), _iso(y, m, None, True)
    if form == "short_year":
        return f"ต.ค. {(y - 1) % 100}{dash}ก.ย. {y % 100}", _iso(y - 1, 10, None, False), _iso(y, 9, None, True)
    if form == "numeric":
        return f"1/10/{y - 1}{dash}30/9/{y}", _iso(y - 1, 10, 1, False), _iso(y, 9, 30, True)
    return "ตามความเหมาะสม", None, None
