"""Every table of an output folder to one Excel workbook or to CSV files, for spreadsheet users.

Thai text stays as it is; dates are real dates (an Excel date cell, ISO
``YYYY-MM-DD`` in CSV); list columns (``lowest_questions``, ``references``)
are joined with ``, ``; every table beside ``documents`` gets the document's
``agency`` right after ``doc_id``, so a sheet reads on its own; the reference
``questions`` table comes last. Workbooks have
their header row frozen and filters on; CSV files are UTF-8 with a byte-order
mark, which is what makes Excel show Thai rather than mojibake.
"""
from __future__ import annotations

import os
import uuid
from pathlib import Path

import pandas as pd
import pyarrow as pa
from openpyxl.styles import Font

from ita_extract.errors import OutputNotWritable
from ita_extract.output.schema import REFERENCE_SCHEMAS, SCHEMAS
from ita_extract.output.tables import read_tables

#: How list cells are joined.
LIST_SEPARATOR = ", "
#: Widest column in a workbook, in characters (long texts wrap instead).
MAX_WIDTH = 60


def _readable(name: str, frame: pd.DataFrame) -> pd.DataFrame:
    """List columns (by the table's Arrow schema) joined into one readable string."""
    out = frame.copy()
    schema = {**SCHEMAS, **REFERENCE_SCHEMAS}[name]
    for col in (f.name for f in schema if pa.types.is_list(f.type)):
        out[col] = out[col].map(lambda v: None if v is None else LIST_SEPARATOR.join(map(str, v)))
    return out


def export_frames(out: Path) -> dict[str, pd.DataFrame]:
    """The tables as they are exported: lists joined, each row with its document's agency."""
    tables = read_tables(out)
    agencies = tables["documents"][["doc_id", "agency"]]
    frames = {}
    for name, frame in tables.items():
        frame = _readable(name, frame)
        if name != "documents" and "doc_id" in frame.columns:
            frame = frame.merge(agencies, on="doc_id", how="left")
            cols = list(frame.columns)
            cols.insert(1, cols.pop(cols.index("agency")))
            frame = frame[cols]
        frames[name] = frame
    return frames


def _atomic(path: Path, write) -> None:
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex[:8]}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write(tmp)
        os.replace(tmp, path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise OutputNotWritable(f"Cannot write {path}: {exc.strerror or exc}.") from exc


def write_xlsx(out: Path, path: Path) -> dict[str, int]:
    """One sheet per table; returns the rows per sheet."""
    frames = export_frames(out)

    def write(tmp: Path) -> None:
        with pd.ExcelWriter(tmp, engine="openpyxl") as xl:
            for name, frame in frames.items():
                frame.to_excel(xl, sheet_name=name, index=False, freeze_panes=(1, 0))
                sheet = xl.sheets[name]
                sheet.auto_filter.ref = sheet.dimensions
                for i, col in enumerate(frame.columns, start=1):
                    width = max([len(str(col))] + [len(str(v)) for v in frame[col].head(200) if v is not None])
                    sheet.column_dimensions[sheet.cell(1, i).column_letter].width = min(width + 2, MAX_WIDTH)
                for cell in sheet[1]:
                    cell.font = Font(bold=True)

    _atomic(path, write)
    return {name: len(frame) for name, frame in frames.items()}


def write_csv(out: Path, folder: Path) -> dict[str, int]:
    """``<table>.csv`` per table in ``folder``; returns the rows per file."""
    frames = export_frames(out)
    for name, frame in frames.items():
        _atomic(folder / f"{name}.csv", lambda tmp, f=frame: f.to_csv(tmp, index=False, encoding="utf-8-sig"))
    return {name: len(frame) for name, frame in frames.items()}
