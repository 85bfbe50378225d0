"""The tables of an output folder as pandas DataFrames, typed for analysis.

``fiscal_year`` comes back as int32 (pandas' own ``read_parquet`` makes the
Hive partition a category), list columns as Python lists, dates as
``datetime.date``. Used by the HTML report and the exports.
"""
from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pyarrow.dataset as ds

from ita_extract.errors import BadArgs
from ita_extract.output.schema import PARTITION, REFERENCE_SCHEMAS, SCHEMAS, TABLES


def _partitioning() -> ds.Partitioning:
    return ds.partitioning(pa.schema([(PARTITION, pa.int32())]), flavor="hive")


def read_table(out: Path, table: str) -> pa.Table:
    """One table with ``fiscal_year`` (int32) last; empty with its schema when no part exists."""
    schema = {**SCHEMAS, **REFERENCE_SCHEMAS}[table].append(pa.field(PARTITION, pa.int32()))
    folder = out / table
    if not folder.is_dir():
        return schema.empty_table()
    data = ds.dataset(folder, schema=schema, format="parquet", partitioning=_partitioning(),
                      exclude_invalid_files=False, ignore_prefixes=[".", "_"])
    return data.to_table()


def read_tables(out: Path) -> dict:
    """Every table of ``out`` (the reference ``questions`` last) as pandas DataFrames.

    ``BadArgs`` when ``out`` holds no output.
    """
    if not (out / "documents").is_dir():
        raise BadArgs(f"{out} holds no ita-extract output (no documents table): run `ita-extract run` first.")
    return {t: read_table(out, t).to_pandas(date_as_object=True) for t in (*TABLES, *REFERENCE_SCHEMAS)}
