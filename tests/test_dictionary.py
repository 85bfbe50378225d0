"""docs/schema.md: generated from the Arrow schemas and the problem codes, and never stale."""
from __future__ import annotations

import re

import pyarrow as pa
import pytest

from ita_extract.output import dictionary
from ita_extract.output.schema import PARTITION, REFERENCE_SCHEMAS, SCHEMAS

ALL = {**SCHEMAS, **REFERENCE_SCHEMAS}


def _documented() -> dict[str, list[tuple[str, str]]]:
    text = dictionary.SCHEMA_MD.read_text(encoding="utf-8")
    out = {}
    for m in re.finditer(r"^## (\w+)\n(.*?)(?=^## |\Z)", text, re.M | re.S):
        out[m.group(1)] = re.findall(r"^\| `(\w+)` \| ([^|]+?) \|", m.group(2), re.M)
    return out


def test_schema_md_is_the_generated_text():
    assert dictionary.SCHEMA_MD.read_text(encoding="utf-8") == dictionary.render(), \
        "docs/schema.md is stale: run `python -m output.dictionary --write`"


def test_every_column_of_every_table_is_documented_with_its_type():
    documented = _documented()
    for table, schema in ALL.items():
        names = [(f.name, dictionary._type(f.type)) for f in schema] + [(PARTITION, "int32")]
        assert documented[table] == names, table


def test_a_column_added_without_a_meaning_fails(monkeypatch):
    monkeypatch.setitem(SCHEMAS, "scores", SCHEMAS["scores"].append(pa.field("new_column", pa.string())))
    with pytest.raises(KeyError, match="scores.new_column"):
        dictionary.render()


def test_no_meaning_is_left_for_a_column_that_is_gone():
    for table, column in dictionary.COLUMNS:
        if table != "*":
            assert column in ALL[table].names, f"{table}.{column}"


def test_both_languages_for_every_column_and_table():
    for en, th in [*dictionary.COLUMNS.values(), *dictionary.TABLE_MEANINGS.values()]:
        assert en and re.search(r"[\u0E00-\u0E7F]", th), (en, th)
