"""Text normalization for ITA reports: pure functions, no I/O.

``normalize_text`` applies the contract's text rules to every string
column; the other modules read codes, dates, indicators and agency names.
"""

from normalize.agency import choose_agency, find_agency_mentions, normalize_agency
from normalize.codes import (
    QuestionCode,
    find_codes,
    oit_references,
    parse_code_range,
    parse_question_code,
    split_question,
)
from normalize.dates import fiscal_year_from_text, fiscal_year_range, parse_period
from normalize.indicators import (
    CANONICAL,
    HeadingMatch,
    IndicatorMatch,
    match_indicator,
    parse_indicator_heading,
    tool_for_indicator,
)
from normalize.repair import repair_text
from normalize.thai import (
    is_wrap_space,
    join_wrapped_lines,
    normalize_text,
    remove_wrap_spaces,
    thai_digits_to_arabic,
)

__all__ = [
    "CANONICAL",
    "HeadingMatch",
    "IndicatorMatch",
    "QuestionCode",
    "choose_agency",
    "find_agency_mentions",
    "find_codes",
    "fiscal_year_from_text",
    "fiscal_year_range",
    "is_wrap_space",
    "join_wrapped_lines",
    "match_indicator",
    "normalize_agency",
    "normalize_text",
    "oit_references",
    "parse_code_range",
    "parse_indicator_heading",
    "parse_period",
    "parse_question_code",
    "remove_wrap_spaces",
    "repair_text",
    "split_question",
    "thai_digits_to_arabic",
    "tool_for_indicator",
]
