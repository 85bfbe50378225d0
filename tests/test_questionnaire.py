"""The questionnaire file: shape per year, and the catalog reads 2568 from it."""
from __future__ import annotations

import json

import pytest

from normalize import catalog, questionnaire
from normalize.indicators import CANONICAL, tool_for_indicator

YEARS = (2565, 2566, 2567, 2568, 2569, 2570)


def test_every_year_is_there():
    assert questionnaire.fiscal_years() == YEARS


@pytest.mark.parametrize("fy", YEARS)
def test_codes_are_numbered_without_gaps_and_sit_under_their_tools_indicators(fy):
    for tool in ("IIT", "EIT", "OIT"):
        qs = questionnaire.questions(fy, tool)
        assert [q.number for q in qs] == list(range(1, len(qs) + 1)), (fy, tool)
        assert all(tool_for_indicator(q.indicator) == tool for q in qs)
        # indicators follow the numbering: never back to an earlier indicator
        inds = [q.indicator for q in qs]
        assert inds == sorted(inds)
    assert {q.indicator for q in questionnaire.questions(fy)} == set(CANONICAL)
    assert all(q.text.strip() == q.text and q.text for q in questionnaire.questions(fy))


def test_2568_has_the_seed_reports_numbering():
    qs = questionnaire.questions(2568)
    assert [len(questionnaire.questions(2568, t)) for t in ("IIT", "EIT", "OIT")] == [15, 9, 28]
    assert questionnaire.question(2568, "o10").text == "E-Service"
    assert "จัดซื้อจัดจ้าง" in questionnaire.question(2568, "o12").text
    assert len({q.code for q in qs}) == len(qs)


def test_catalog_is_the_2568_iit_and_eit():
    want = {q.code: q.text for q in questionnaire.questions(2568) if q.tool != "OIT"}
    assert catalog.QUESTIONS == want
    assert list(catalog.QUESTIONS)[:2] == ["i1", "i2"] and len(catalog.QUESTIONS) == 24


def test_unknown_year_and_code():
    with pytest.raises(questionnaire.UnknownFiscalYear):
        questionnaire.questions(2550)
    with pytest.raises(KeyError):
        questionnaire.question(2568, "o99")


def test_every_year_says_how_sure_it_is():
    meta = json.loads(questionnaire.DATA_FILE.read_text(encoding="utf-8"))["meta"]
    assert CANONICAL == questionnaire.indicator_names() == {int(k): v for k, v in meta["indicators"].items()}
    assert list(CANONICAL) == list(range(1, 11))
    for fy in YEARS:
        note = questionnaire.year_note(fy)
        assert note["certainty"] and note["note"]


# --- the samples print the questionnaire: their own wording only where an agency's retyping differs ---

@pytest.mark.parametrize("fy", (2567, 2568, 2569))
def test_samples_retyped_questions_are_printings_of_the_questionnaire(fy):
    from rapidfuzz import fuzz

    from samples.content import RETYPED, printed_question

    for code, text in RETYPED.items():
        wording = questionnaire.question(fy, code).text
        assert text != wording, f"{code}: same as the questionnaire, drop it from RETYPED"
        # close enough that the catalog would snap it back (spaces and a word apart)
        assert fuzz.ratio(text.replace(" ", ""), wording.replace(" ", "")) >= catalog.SNAP_MIN, code
    for q in questionnaire.questions(fy):
        if q.tool != "OIT":
            assert printed_question(fy, q.code) == RETYPED.get(q.code, q.text)


def test_samples_read_the_questionnaire_file():
    import samples.content as content
    from samples.content import bannasuan_2569, nongkabu_2568, wiangsawan_2567

    # no second copy of the questionnaire in the samples
    assert not hasattr(content, "IIT") and not hasattr(content, "EIT")
    assert nongkabu_2568.question("i12") == questionnaire.question(2568, "i12").text
    assert bannasuan_2569.question("i4") == questionnaire.question(2569, "i4").text
    assert wiangsawan_2567.question("e9") == questionnaire.question(2567, "e9").text
