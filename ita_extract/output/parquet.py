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

One publish is a small transaction (:class:`_Publish`): every new file of
every table is first written as a temporary (a full disk fails here, before
anything is visible); then the temporaries are renamed into place, the
``documents`` table last: a document's row there is the commit mark. A
publish that fails half-way (an ``OSError``, a row that cannot be stored, an
interrupt) undoes the renames it made, from hard-linked backups, so no row is
left without its commit mark. A run *killed* during the renames leaves, at
worst, rows of a document that ``documents`` does not list yet; the next run
redoes that document and replaces them. Only the parent process writes.
"""
from __future__ import annotations

import contextlib
import logging
import os
import shutil
import uuid
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from ita_extract.errors import OutputNotWritable
from normalize.agency import agency_key
from ita_extract.output.safe_text import storable
from ita_extract.output.schema import PARTITION, SCHEMAS, TABLES, UNKNOWN_YEAR, question_no
from ita_extract.model import DocumentResult
from ita_extract.settings import EXTRACTOR_VERSION, SCHEMA_VERSION

log = logging.getLogger(__name__)

_TMP_SUFFIX = ".parquet.tmp"


def _storable_value(value):
    if isinstance(value, str):
        return storable(value)
    if isinstance(value, (list, tuple)):
        return [_storable_value(v) for v in value]
    return value


def _clean(row: dict) -> dict:
    """``row`` with every string valid UTF-8 (file names, and messages quoting them)."""
    return {k: _storable_value(v) for k, v in row.items()}


def _rows(results: Sequence[DocumentResult]) -> dict[str, dict[int, list[dict]]]:
    """Rows per table and per fiscal-year partition."""
    out: dict[str, dict[int, list[dict]]] = {t: defaultdict(list) for t in TABLES}
    for r in results:
        year = r.document.fiscal_year if r.document.fiscal_year is not None else UNKNOWN_YEAR
        d = r.document
        out["documents"][year].append(_clean({
            "doc_id": r.doc_id, "source_file": d.source_file, "agency": d.agency,
            "agency_key": agency_key(d.agency), "pages": d.pages,
            "text_source": d.text_source, "status": d.status, "error": d.error,
            "schema_version": SCHEMA_VERSION, "extractor_version": EXTRACTOR_VERSION, "seconds": r.seconds,
        }))
        for table, items in (("scores", r.scores), ("analyses", r.analyses),
                             ("measures", r.measures), ("problems", r.problems)):
            for item in items:
                row = asdict(item)
                row["doc_id"] = r.doc_id
                if table == "scores":
                    row["question_no"] = question_no(item.question)
                out[table][year].append(_clean(row))
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


def read_part(path: Path, columns: list[str] | None = None, schema: pa.Schema | None = None) -> pa.Table | None:
    """A part's rows, or ``None`` for a file that is not a readable Parquet file.

    Only ita-extract writes into ``OUT``, and always atomically; anything else
    found there (a 0-byte ``.parquet`` someone copied in) is left alone, with a
    warning, instead of stopping every later run.
    """
    try:
        return pq.read_table(path, columns=columns, schema=schema)
    except (pa.ArrowException, OSError) as exc:
        log.warning("%s is not a readable Parquet file; it is ignored (%s).", path, exc)
        return None


def clean_stale_temporaries(out: Path) -> int:
    """Remove temporaries a killed run left behind; returns how many."""
    n = 0
    for p in out.glob(f"*/{PARTITION}=*/.*{_TMP_SUFFIX}"):
        p.unlink(missing_ok=True)
        n += 1
    return n


def _replace_atomically(table: pa.Table, path: Path) -> None:
    """``path`` holds ``table``, in one rename of a complete, fsynced temporary."""
    tmp = _hidden(path, "new")
    try:
        _fsync_write(table, tmp)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _doc_ids(path: Path) -> list[str]:
    t = read_part(path, columns=["doc_id"])
    return [] if t is None else t.column("doc_id").to_pylist()


# --- one publish: stage every file, then rename them in, documents last -----------


@dataclass
class _Change:
    """One file of a publish: ``new`` rows written to ``path`` (``None``: ``path`` is removed)."""

    path: Path
    new: pa.Table | None
    tmp: Path | None = None
    backup: Path | None = None
    done: bool = False


def _hidden(path: Path, kind: str) -> Path:
    return path.with_name(f".{path.stem}-{uuid.uuid4().hex[:8]}-{kind}{_TMP_SUFFIX}")


def _keep(path: Path) -> Path:
    """A backup of ``path``: a hard link (no copy), or a copy where links are not supported."""
    backup = _hidden(path, "bak")
    try:
        os.link(path, backup)
    except OSError:
        shutil.copy2(path, backup)
    return backup


class _Publish:
    """The files of one publish, applied all or not at all (see the module's docstring)."""

    def __init__(self) -> None:
        self.changes: list[_Change] = []
        self.folders: list[Path] = []  # partition folders this publish created

    def add(self, path: Path, new: pa.Table | None) -> None:
        if new is not None and not path.parent.is_dir():
            path.parent.mkdir(parents=True, exist_ok=True)
            self.folders.append(path.parent)
        change = _Change(path, new)
        self.changes.append(change)
        if new is not None:
            change.tmp = _hidden(path, "new")
            _fsync_write(new, change.tmp)

    def commit(self) -> None:
        for c in self.changes:
            if c.path.exists():
                c.backup = _keep(c.path)
            if c.new is None:
                os.unlink(c.path)
            else:
                os.replace(c.tmp, c.path)
            c.done = True

    def undo(self) -> None:
        """Put every file back as it was; what cannot be put back is left to the next run."""
        for c in reversed(self.changes):
            try:
                if c.done and c.backup is not None:
                    os.replace(c.backup, c.path)
                elif c.done:
                    c.path.unlink(missing_ok=True)
            except OSError as exc:
                log.error("could not undo the publish of %s (%s); the next run will redo it.", c.path, exc)
        self.cleanup()
        for folder in reversed(self.folders):
            with contextlib.suppress(OSError):
                folder.rmdir()  # only when empty

    def cleanup(self) -> None:
        """Remove the temporaries and backups left (all of them once committed)."""
        for c in self.changes:
            for p in (c.tmp, c.backup):
                if p is not None:
                    with contextlib.suppress(OSError):
                        p.unlink(missing_ok=True)


def _plan_table(publish: _Publish, out: Path, table: str, rows: dict[int, list[dict]], redo: set[str],
                run_id: str) -> int:
    """Stage one table's changes; returns how many new rows it gets."""
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
            old = read_part(path, schema=schema)
            if old is None:
                continue
            keep = old.filter(pa.array([d not in redo for d in old.column("doc_id").to_pylist()]))
            merged = pa.concat_tables([keep, new]) if i == 0 else keep
            publish.add(path, merged if merged.num_rows else None)
        if not old_parts and new.num_rows:
            folder = out / table / f"{PARTITION}={year}"
            publish.add(folder / f"part-{run_id}-{uuid.uuid4().hex[:8]}.parquet", new)
    return written


def present_documents(out: Path) -> set[str]:
    """Every doc_id with rows in any table (orphans of a killed run included)."""
    return {d for t in TABLES for path in part_files(out, t) for d in _doc_ids(path)}


def write_results(out: Path, results: Sequence[DocumentResult], run_id: str | None = None,
                  present: set[str] | None = None) -> dict[str, int]:
    """Publish ``results`` into ``out``, all or nothing; returns the number of rows per table.

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
    publish = _Publish()
    try:
        for table in (*(t for t in TABLES if t != "documents"), "documents"):  # documents last: the commit mark
            counts[table] = _plan_table(publish, out, table, rows[table], redo, run_id)
        publish.commit()
    except BaseException as exc:
        publish.undo()
        if isinstance(exc, OSError):
            raise OutputNotWritable(f"Cannot write to {out}: {exc.strerror or exc}.") from exc
        raise
    publish.cleanup()
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
    """Create ``out`` and prove we can write there, before any work is done.

    A table or partition path taken by a file (``out/scores`` a file) would
    only fail at the first publish, after the work: it is refused here.
    """
    for table in TABLES:
        taken = [out / table] if (out / table).exists() and not (out / table).is_dir() else [
            p for p in (out / table).glob(f"{PARTITION}=*") if not p.is_dir()]
        if taken:
            raise OutputNotWritable(f"Cannot write to {out}: {taken[0]} is a file, where ita-extract keeps "
                                    f"a folder of the {table} table; move it away.")
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
        t = read_part(path, columns=["doc_id", "extractor_version", "status"])
        if t is None:
            continue
        for doc_id, version, status in zip(*(t.column(c).to_pylist() for c in ("doc_id", "extractor_version", "status"))):
            if status != "failed":
                found[doc_id] = version
    return found
