"""Atomic, idempotent writes of document results into the Parquet datasets.

Layout: ``OUT/<table>/fiscal_year=<year>/part-<run>-<n>.parquet``.

Every change to a file is one ``os.replace`` of a complete, fsynced
temporary (``.*.parquet.tmp``, which readers and globs skip), so a reader
never sees a half-written file, and within one table a document's rows are
never both old and new, lost, or doubled:

* rows of documents seen for the first time go into a new part per run and
  partition;
* when a run redoes documents already in the output, the part holding their
  old rows is rewritten *with* the new rows in one replace (old rows of those
  documents dropped, new rows added).

``documents`` is written last: a document's row there is the commit mark. A
run killed before it leaves, at worst, rows of a document that
``documents`` does not list yet; the next run redoes that document and
replaces them. Only the parent process writes.
"""
from __future__ import annotations

import os
import uuid
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import asdict
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from errors import OutputNotWritable
from normalize.agency import agency_key
from output.schema import PARTITION, SCHEMAS, TABLES, UNKNOWN_YEAR, question_no
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
            "doc_id": r.doc_id, "source_file": d.source_file, "agency": d.agency,
            "agency_key": agency_key(d.agency), "pages": d.pages,
            "text_source": d.text_source, "status": d.status, "error": d.error,
            "schema_version": SCHEMA_VERSION, "extractor_version": EXTRACTOR_VERSION, "seconds": r.seconds,
        })
        for table, items in (("scores", r.scores), ("analyses", r.analyses),
                             ("measures", r.measures), ("problems", r.problems)):
            for item in items:
                row = asdict(item)
                row["doc_id"] = r.doc_id
                if table == "scores":
                    row["question_no"] = question_no(item.question)
                out[table][year].append(row)
    return out


def _fsync_write(table: pa.Table, path: Path, row_group_size: int | None = None) -> None:
    pq.write_table(table, path, compression="zstd", row_group_size=row_group_size)
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


def _replace_atomically(table: pa.Table, path: Path) -> None:
    tmp = path.with_name(f".{path.stem}-{uuid.uuid4().hex[:8]}{_TMP_SUFFIX}")
    try:
        _fsync_write(table, tmp)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _doc_ids(path: Path) -> list[str]:
    return pq.read_table(path, columns=["doc_id"]).column("doc_id").to_pylist()


def _publish_table(out: Path, table: str, rows: dict[int, list[dict]], redo: set[str], run_id: str) -> int:
    """Publish one table's new rows; returns how many rows were written."""
    schema = SCHEMAS[table]
    written = 0
    # Parts that hold rows of documents this run redoes, by partition.
    holders: dict[int, list[Path]] = defaultdict(list)
    if redo:
        for path in part_files(out, table):
            if redo.intersection(_doc_ids(path)):
                holders[int(path.parent.name.split("=", 1)[1])].append(path)
    for year in sorted(set(rows) | set(holders)):
        new = pa.Table.from_pylist(rows.get(year, []), schema=schema)
        written += new.num_rows
        old_parts = holders.get(year, [])
        for i, path in enumerate(old_parts):
            old = pq.read_table(path, schema=schema)
            keep = old.filter(pa.array([d not in redo for d in old.column("doc_id").to_pylist()]))
            merged = pa.concat_tables([keep, new]) if i == 0 else keep
            if merged.num_rows:
                _replace_atomically(merged, path)
            else:
                path.unlink()
        if not old_parts and new.num_rows:
            folder = out / table / f"{PARTITION}={year}"
            folder.mkdir(parents=True, exist_ok=True)
            _replace_atomically(new, folder / f"part-{run_id}-{uuid.uuid4().hex[:8]}.parquet")
    return written


def present_documents(out: Path) -> set[str]:
    """Every doc_id with rows in any table (orphans of a killed run included)."""
    return {d for t in TABLES for path in part_files(out, t) for d in _doc_ids(path)}


def write_results(out: Path, results: Sequence[DocumentResult], run_id: str | None = None,
                  present: set[str] | None = None) -> dict[str, int]:
    """Publish ``results`` into ``out``; returns the number of rows per table.

    ``present``: the doc_ids that had rows when the run started (see
    :func:`present_documents`); only those need their old rows found and
    replaced. Without it, every part is scanned.
    """
    if not results:
        return {t: 0 for t in TABLES}
    run_id = run_id or uuid.uuid4().hex[:12]
    rows = _rows(results)
    ids = {r.doc_id for r in results}
    if present is None:
        redo = ids if any(part_files(out, t) for t in TABLES) else set()
    else:
        redo = ids & present
    counts: dict[str, int] = {}
    try:
        for table in (*(t for t in TABLES if t != "documents"), "documents"):  # documents last: the commit mark
            counts[table] = _publish_table(out, table, rows[table], redo, run_id)
    except OSError as exc:
        raise OutputNotWritable(f"Cannot write to {out}: {exc.strerror or exc}.") from exc
    return counts


#: The part that stands for an empty table (see :func:`ensure_tables`).
EMPTY_PART = "part-empty.parquet"


def ensure_tables(out: Path) -> list[str]:
    """Give every table without a part an empty one (its schema, no row); returns those tables.

    A batch whose documents all failed writes no score: readers (pandas,
    pyarrow, polars, DuckDB) raise on a missing folder, but read an empty
    part as an empty table with the right columns. The part lives in the
    unknown-year partition, the one a failed document's rows use.
    """
    made = []
    for table in TABLES:
        if not part_files(out, table):
            folder = out / table / f"{PARTITION}={UNKNOWN_YEAR}"
            try:
                folder.mkdir(parents=True, exist_ok=True)
                _replace_atomically(SCHEMAS[table].empty_table(), folder / EMPTY_PART)
            except OSError as exc:
                raise OutputNotWritable(f"Cannot write to {out}: {exc.strerror or exc}.") from exc
            made.append(table)
    return made


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
    """doc_id → extractor_version of the documents already read successfully in ``out``.

    Failed documents are left out: a re-run tries them again (a time-out or
    a crashed worker may not happen twice; a corrupt file fails again fast).
    """
    found: dict[str, str] = {}
    for path in part_files(out, "documents"):
        t = pq.read_table(path, columns=["doc_id", "extractor_version", "status"])
        for doc_id, version, status in zip(*(t.column(c).to_pylist() for c in ("doc_id", "extractor_version", "status"))):
            if status != "failed":
                found[doc_id] = version
    return found


# --- compaction ----------------------------------------------------------------

#: Rows per row group when compacting: large enough for fast scans, small
#: enough that a reader filtering one agency does not read a whole year.
ROW_GROUP_ROWS = 64_000


def _exchange(a: Path, b: Path) -> None:
    """Swap two folders atomically (Linux renameat2 RENAME_EXCHANGE).

    Elsewhere, or on filesystems without it, two renames leave a window of
    microseconds in which the partition is absent (never doubled).
    """
    import ctypes
    import ctypes.util

    libc = ctypes.CDLL(ctypes.util.find_library("c"), use_errno=True)
    fn = getattr(libc, "renameat2", None)
    if fn is not None:
        AT_FDCWD, RENAME_EXCHANGE = -100, 2
        if fn(AT_FDCWD, os.fsencode(a), AT_FDCWD, os.fsencode(b), RENAME_EXCHANGE) == 0:
            return
    aside = b.with_name(f".{b.name}.old-{uuid.uuid4().hex[:6]}")
    os.rename(b, aside)
    os.rename(a, b)
    os.rename(aside, a)


def compact(out: Path, tables: Sequence[str] = TABLES) -> dict[str, tuple[int, int]]:
    """Rewrite each table's partitions into one file each; returns files before/after per table.

    Each partition is rebuilt beside the dataset (``OUT/.compact/``) and then
    swapped in as a whole, so readers see either all the old parts or the
    one new file, never both and never neither.
    """
    import shutil

    report: dict[str, tuple[int, int]] = {}
    work = out / ".compact"
    for table in tables:
        before = after = 0
        for folder in sorted((out / table).glob(f"{PARTITION}=*")):
            parts = sorted(folder.glob("*.parquet"))
            before += len(parts)
            if len(parts) <= 1:
                after += len(parts)
                continue
            data = pa.concat_tables([pq.read_table(p, schema=SCHEMAS[table]) for p in parts])
            new = work / table / folder.name
            shutil.rmtree(new, ignore_errors=True)
            new.mkdir(parents=True)
            target = new / f"part-compact-{uuid.uuid4().hex[:12]}.parquet"
            _fsync_write(data, target, ROW_GROUP_ROWS)
            _exchange(new, folder)
            shutil.rmtree(new, ignore_errors=True)  # now holds the old parts
            after += 1
        report[table] = (before, after)
    shutil.rmtree(work, ignore_errors=True)
    return report
