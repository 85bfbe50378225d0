"""Every period and reference list of the digital corpus's ground truth is read back from its printed text.

The repairs for OCR misreads in :mod:`normalize.dates` and :mod:`normalize.codes` (issue 9) must
leave what a text layer gives alone: for every composed report (dev seeds), the printed period and
the printed analysis (Thai or Arabic digits, codes as the report prints them), normalized as the
pipeline normalizes a cell, give exactly the ground truth's dates and references.
"""
from __future__ import annotations

from datetime import date

import pytest

from benchmarks.corpus.compose import compose
from benchmarks.corpus.printing import Printer, choose_style
from normalize.codes import oit_references
from normalize.dates import parse_period
from normalize.thai import normalize_text

#: Dev seeds (below the held-out range) whose composed reports are read back.
SEEDS = range(0, 400)


def _day(iso: str | None) -> date | None:
    return date.fromisoformat(iso) if iso else None


def _printed(seed: int):
    plan = compose(seed)
    return plan.report, Printer(plan, choose_style(seed), seed)


@pytest.mark.parametrize("chunk", range(0, len(SEEDS), 50))
def test_printed_periods_read_as_their_ground_truth(chunk):
    wrong = []
    for seed in SEEDS[chunk:chunk + 50]:
        report, printer = _printed(seed)
        for m in report.measures:
            for text in {m.period_text, normalize_text(printer.text(m.period_text))}:
                got = parse_period(text, fiscal_year=report.fiscal_year)
                if got != (_day(m.period_start), _day(m.period_end)):
                    wrong.append((seed, text, got))
    assert not wrong


@pytest.mark.parametrize("chunk", range(0, len(SEEDS), 50))
def test_printed_analyses_cite_their_ground_truth_references(chunk):
    wrong = []
    for seed in SEEDS[chunk:chunk + 50]:
        report, printer = _printed(seed)
        for a in report.analyses:
            for text in {"\n".join(filter(None, (a.cause, a.guideline))),
                         normalize_text("\n".join(printer.text(t) for t in (a.cause, a.guideline) if t))}:
                got = [r for r in oit_references(text) if r not in a.lowest_questions]
                if got != list(a.references):
                    wrong.append((seed, text[:120], got, a.references))
    assert not wrong
