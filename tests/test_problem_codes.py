"""One registry of problem codes: every row built from it, the README and docs/schema.md list it exactly."""
from __future__ import annotations

import re

import pytest
from tests.conftest import ROOT

from ita_extract import errors
from ita_extract.errors import PROBLEM_CODES, UnknownProblemCode
from ita_extract.model import Problem, problem

SOURCES = [p for d in ("extract", "ita_extract", "normalize") for p in (ROOT / d).rglob("*.py")]
SOURCES += [ROOT / "pipeline.py"]


def _document_error_classes():
    todo, seen = [errors.DocumentError], []
    while todo:
        cls = todo.pop()
        seen.append(cls)
        todo += cls.__subclasses__()
    return seen


def _readme_codes() -> dict[str, str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("## How it fails", 1)[1].split("\n## ", 1)[0]
    return dict(re.findall(r"^\| `([a-z-]+)` \| (error|warning) \|", section, re.M))


def test_factory_takes_severity_from_registry():
    p = problem("score-out-of-range", "i3 has the score 120, outside 0–100.", 1, 4)
    assert (p.severity, p.code, p.indicator, p.page) == ("error", "score-out-of-range", 1, 4)
    assert problem("duplicate-file", "a.pdf is byte-identical to b.pdf.").severity == "warning"


def test_unknown_code_raises():
    with pytest.raises(UnknownProblemCode):
        problem("no-such-code", "x")
    with pytest.raises(UnknownProblemCode):
        Problem("warning", "no-such-code", "x")


def test_wrong_severity_raises():
    with pytest.raises(ValueError, match="registered as error"):
        Problem("warning", "score-out-of-range", "x")


def test_no_problem_is_built_by_hand():
    # the one Problem(...) call is the factory's, in ita_extract/model.py
    calls = {path: len(re.findall(r"(?<![\w.])Problem\(", path.read_text(encoding="utf-8"))) for path in SOURCES}
    by_hand = {path: n for path, n in calls.items() if n and path != ROOT / "ita_extract" / "model.py"}
    assert not by_hand, f"use problem(code, ...): {by_hand}"
    assert calls[ROOT / "ita_extract" / "model.py"] == 1


def test_every_written_code_is_registered_and_every_registered_code_is_written():
    written = set()
    for path in SOURCES:
        written |= set(re.findall(r"\bproblem\(\s*\"([a-z-]+)\"", path.read_text(encoding="utf-8")))
    raised = {cls.code for cls in _document_error_classes()}
    assert written <= set(PROBLEM_CODES), written - set(PROBLEM_CODES)
    assert set(PROBLEM_CODES) == written | raised, set(PROBLEM_CODES) ^ (written | raised)
    assert len(written) >= 20  # the grep found the call sites


def test_document_errors_are_registered_as_errors():
    for cls in _document_error_classes():
        assert PROBLEM_CODES[cls.code].severity == "error", cls


def test_every_code_has_both_meanings():
    for c in PROBLEM_CODES.values():
        assert re.fullmatch(r"[a-z]+(-[a-z]+)+", c.code), c.code
        assert c.meaning.endswith(".") and c.meaning[0].isupper(), c.code
        assert re.search(r"[\u0E00-\u0E7F]", c.meaning_th), c.code


def test_readme_lists_exactly_the_registry():
    assert _readme_codes() == {c.code: c.severity for c in PROBLEM_CODES.values()}


def test_schema_md_lists_exactly_the_registry():
    text = (ROOT / "docs" / "schema.md").read_text(encoding="utf-8")
    listed = dict(re.findall(r"^\| `([a-z-]+)` \| (error|warning) \|", text, re.M))
    assert listed == {c.code: c.severity for c in PROBLEM_CODES.values()}


def test_schema_md_is_generated():
    from ita_extract.output.dictionary import SCHEMA_MD, render

    assert SCHEMA_MD.read_text(encoding="utf-8") == render(), "run: python -m ita_extract.output.dictionary --write"
