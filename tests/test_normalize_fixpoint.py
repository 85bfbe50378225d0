"""Issue 12, the normalizer: a fixpoint on any input, real tags only, linear time."""
from __future__ import annotations

import contextlib
import datetime
import signal
import unicodedata

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import normalize.thai as thai
from normalize.dates import parse_period
from normalize.thai import join_wrapped_lines, normalize_text, remove_wrap_spaces, strip_html

_PIECES = st.sampled_from(
    [chr(c) for c in range(0x0E01, 0x0E5C)]
    + list(" \t\n<>/&;#pbrdivP0123456789xé")
    + ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00a0", "\x00", "\x0b", "\x0c", "\x85", "\r",
       "\u2028", "\u2029", "\uf70a", "\uf70b", "\uf710", "\uf700", "\uf884", "\U0010fc00", "\ufffd",
       "<p>", "</p>", "<br>", "<0>", "</0>", "<ถ>", "<span class='x'>", "&amp;", "&lt;", "&#3585;", "&nbsp;",
       "\u0e4d\u0e32", "\u0e4d \u0e32", "เเ", "a\u0301"]
)


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_PIECES, max_size=40).map("".join))
def test_normalize_text_is_a_fixpoint(s):
    once = normalize_text(s)
    assert unicodedata.is_normalized("NFC", once)
    assert normalize_text(once) == once


def test_sara_am_across_a_gap_in_one_pass():
    assert normalize_text("อํ านาจ") == "อำนาจ"


def test_only_real_tags_stripped():
    assert normalize_text("ช่วง <80> ถึง <90>") == "ช่วง <80> ถึง <90>"
    assert normalize_text("<9>ข้อ o12 </0>") == "ข้อ o12"  # <p> as OCR reads it
    assert normalize_text("<p>ข้อ ๑</p><p>ข้อ ๒</p>") == "ข้อ 1\nข้อ 2"


class _NeverFinished(Exception):
    pass


@contextlib.contextmanager
def _watchdog(seconds: int):
    """Turns a hang into a failure. Not a speed bound: the inputs below are sized so that
    linear code needs about a second and quadratic code (a backtracking pattern) needs
    hours; the time per size is measured in benchmarks/bench_repair.py, never here."""
    def hung(*_):
        raise _NeverFinished(f"no result after {seconds} s: the pattern backtracks (quadratic)")

    old = signal.signal(signal.SIGALRM, hung)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


def test_tag_stripping_does_not_backtrack():
    """Pathological tag-like inputs of ~2-6 M characters come back (re checks signals while
    it matches, so a backtracking pattern is stopped by the watchdog, not waited for)."""
    n = 2_000_000
    for make in (lambda n: "<" + " " * n + ">", lambda n: "< " * n + ">", lambda n: "<p " * n + ">",
                 lambda n: "</" + " " * n + "x" * n + ">"):
        text = make(n)
        with _watchdog(180):
            out = strip_html(text)
        assert len(out) <= len(text)


def test_wrap_joining_reads_a_bounded_context(monkeypatch):
    """Operations counted: each line looks at a bounded piece of the text before it,
    so joining a 400-page-sized cell costs a linear amount of reading."""
    seen = []
    real = thai._wrap_decision.__wrapped__

    def counting(lw, rw):
        seen.append(len(lw) + len(rw))
        return real(lw, rw)

    monkeypatch.setattr(thai, "_wrap_decision", counting)
    lines = ["การจัดซื้อจัด", "จ้างที่เอื้อประโยชน์", "ให้แก่ผู้รับบริการ"] * 4000  # ~200,000 characters
    out = join_wrapped_lines(lines)
    assert len(out) > 150_000
    assert max(seen) <= 2 * thai._CONTEXT


def test_one_megabyte_is_joined_without_backtracking():
    text = ("หน่วยงานควรจัดทำแผนการจัดซื้อจัด จ้าง ประจำปี " * 20) * 800  # ~0.7 M characters
    with _watchdog(180):
        out = remove_wrap_spaces(text)
    assert "จัดซื้อจัดจ้าง" in out
    big = "ก" * 1_000_000 + " x"
    assert normalize_text(big).endswith(" x")


def test_parse_period_guesses_nothing():
    # the misread year's end is left empty; the other end stands on its own year (issue 9) ...
    assert parse_period("ต.ค. 25205 - 30 มิ.ย. 2569") == (None, datetime.date(2026, 6, 30))
    assert parse_period("ต.ค. 25205 - 30 ก.ย. 2569", repair_years=False) == (None, datetime.date(2026, 9, 30))
    # ... unless the range runs over the fiscal year's months: that fiscal year, flagged period-year-corrected
    assert parse_period("ต.ค. 25205 - 30 ก.ย. 2569") == (datetime.date(2025, 10, 1), datetime.date(2026, 9, 30))
    assert parse_period("ตามความเหมาะสม") == (None, None)
