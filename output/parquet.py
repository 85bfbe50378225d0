"""Atomic, idempotent writes of document results into the Parquet datasets.

Layout: ``OUT/<table>/fiscal_year=<year>/part-<run>-<n>.parquet``. A write:

1. writes every new part to a temporary name (``.*.parquet.tmp``: readers
   and globs skip it) and fsyncs it;
2. rewrites older parts that hold rows of the same documents without those
   rows (a re-run replaces a document's rows, never duplicates them);
3. renames the new parts into place, ``documents`` last: a document's
   ``documents`` row is the commit mark, so a run killed before it leaves no
   document that looks finished but lacks rows, and the next run redoes it.

Only the parent process writes.
"""
from __future__ import annotations

import os
import uuid
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import asdict
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from errors import OutputNotWritable
from output.schema import PARTITION, SCHEMAS, TABLES, UNKNOWN_YEAR
from report.model import DocumentResult
from settings import EXTRACTOR_VERSION, SCHEMA_VERSION

_TMP_SUFFIX = ".parquet.tmp"


def _rows(results: Sequence[DocumentResult]) -> dict[str, dict[int, list[dict]]]:
    """Rows per table and per fiscal-year partition."""
    out: dict[str, dict[int, list[dict]]] = {t: defaultdict(list) for t in TABLES}
    for r in results:
        year = r.document.fiscal_year if r.document.fiscal_year is not None else UNKNOWN_YEAR
        d = r.document
        out["documents"][year].append({
            "doc_id": r.doc_id, "source_file": d.source_file, "agency": d.agency, "pages": d.pages,
            "text_source": d.text_source, "status": d.status, "error": d.error,
            "schema_version": SCHEMA_VERSION, "extractor_version": EXTRACTOR_VERSION, "seconds": r.seconds,
        })
        for table, items in (("scores", r.scores), ("analyses", r.analyses),
                             ("measures", r.measures), ("problems", r.problems)):
            for item in items:
                row = asdict(item)
                row["doc_id"] = r.doc_id
                out[table][year].append(row)
    return out


def _fsync_write(table: pa.Table, path: Path) -> None:
    pq.write_table(table, path, compression="zstd")
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def part_files(out: Path, table: str) -> list[Path]:
    return sorted((out / table).glob(f"{PARTITION}=*/*.parquet"))


def clean_stale_temporaries(out: Path) -> int:
    """Remove temporaries a killed run left behind; returns how many."""
    n = 0
    for p in out.glob(f"*/{PARTITION}=*/.*{_TMP_SUFFIX}"):
        p.unlink(missing_ok=True)
        n += 1
    return n


def _drop_documents(path: Path, doc_ids: set[str]) -> None:
    """Rewrite one part without the rows of ``doc_ids`` (atomically)."""
    ids = pq.read_table(path, columns=["doc_id"]).column("doc_id").to_pylist()
    if not doc_ids.intersection(ids):
        return
    table = pq.read_table(path)
    keep = pa.array([i not in doc_ids for i in ids])
    table = table.filter(keep)
    if table.num_rows == 0:
        path.unlink()
        return
    tmp = path.with_name(f".{path.stem}-{uuid.uuid4().hex[:8]}{_TMP_SUFFIX}")
    _fsync_write(table, tmp)
    os.replace(tmp, path)


def write_results(out: Path, results: Sequence[DocumentResult], run_id: str | None = None) -> dict[str, int]:
    """Publish ``results`` into ``out``; returns the number of rows per table."""
    if not results:
        return {t: 0 for t in TABLES}
    run_id = run_id or uuid.uuid4().hex[:12]
    rows = _rows(results)
    staged: list[tuple[Path, Path, str]] = []
    counts = {t: 0 for t in TABLES}
    try:
        for table in TABLES:
            schema = SCHEMAS[table]
            for year, items in sorted(rows[table].items()):
                folder = out / table / f"{PARTITION}={year}"
                folder.mkdir(parents=True, exist_ok=True)
                name = f"part-{run_id}-{uuid.uuid4().hex[:8]}.parquet"
                tmp = folder / f".{name}{_TMP_SUFFIX}"
                _fsync_write(pa.Table.from_pylist(items, schema=schema), tmp)
                staged.append((tmp, folder / name, table))
                counts[table] += len(items)
        doc_ids = {r.doc_id for r in results}
        for table in TABLES:
            for path in part_files(out, table):
                _drop_documents(path, doc_ids)
        staged.sort(key=lambda s: s[2] == "documents")  # documents last: the commit mark
        for tmp, final, _ in staged:
            os.replace(tmp, final)
    except OSError as exc:
        for tmp, _, _ in staged:
            tmp.unlink(missing_ok=True)
        raise OutputNotWritable(f"Cannot write to {out}: {exc.strerror or exc}.") from exc
    return counts


def ensure_writable(out: Path) -> None:
    """Create ``out`` and prove we can write there, before any work is done."""
    try:
        out.mkdir(parents=True, exist_ok=True)
        probe = out / f".write-probe-{uuid.uuid4().hex[:8]}"
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as exc:
        raise OutputNotWritable(f"Cannot write to {out}: {exc.strerror or exc}.") from exc


def existing_documents(out: Path) -> dict[str, str]:
    """doc_id → extractor_version of the documents already in ``out``."""
    found: dict[str, str] = {}
    for path in part_files(out, "documents"):
        t = pq.read_table(path, columns=["doc_id", "extractor_version"])
        found.update(zip(t.column("doc_id").to_pylist(), t.column("extractor_version").to_pylist()))
    return found


def read_back(out: Path, table: str) -> Iterable[dict]:
    """All rows of one table (for tests and summaries)."""
    import pyarrow.dataset as ds

    folder = out / table
    if not folder.exists():
        return []
    return ds.dataset(folder, partitioning="hive").to_table().to_pylist()
