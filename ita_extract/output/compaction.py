"""``ita-extract compact``: each partition rewritten into one file, swapped in whole.

A partition (``OUT/<table>/fiscal_year=<year>/``) is rebuilt beside the
dataset, in ``OUT/.compact/``, fsynced, and only then swapped with the live
folder, so a reader sees either every old part or the one new file, never
both and never a half-written file.

The swap is one ``renameat2(RENAME_EXCHANGE)`` on Linux. Filesystems without
it (NFS, SMB, many FUSE mounts) get two renames instead — live folder aside,
new folder in — with a journal written first (``OUT/.compact/*.swap``): the
live partition is moved aside only once the new one is complete and the
journal says where everything is. A compaction killed between the renames
leaves the partition missing for an instant; the next ``run`` or
``compact`` (:func:`recover`) reads the journal and finishes the swap (or
undoes it, when the new folder never got in), before it looks at anything.

The caller holds the output lock (:mod:`ita_extract.output.lock`): a ``run`` that
published into a partition while it was being rebuilt would lose rows.
"""
from __future__ import annotations

import contextlib
import json
import logging
import os
import shutil
import uuid
from collections.abc import Sequence
from pathlib import Path

import pyarrow as pa

from ita_extract.output.parquet import _fsync_write, read_part
from ita_extract.output.schema import PARTITION, SCHEMAS, TABLES

log = logging.getLogger(__name__)

#: Rows per row group when compacting: large enough for fast scans, small
#: enough that a reader filtering one agency does not read a whole year.
ROW_GROUP_ROWS = 64_000
WORK = ".compact"
_JOURNAL = ".swap"


def _renameat2_exchange(a: Path, b: Path) -> bool:
    """Swap two folders atomically (Linux ``renameat2`` with ``RENAME_EXCHANGE``).

    Returns ``False`` where the C library or the filesystem does not offer it.
    """
    import ctypes
    import ctypes.util

    libc = ctypes.CDLL(ctypes.util.find_library("c"), use_errno=True)
    fn = getattr(libc, "renameat2", None)
    if fn is None:
        return False
    at_fdcwd, rename_exchange = -100, 2
    return fn(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) == 0


def _fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _write_journal(path: Path, entry: dict[str, str]) -> None:
    tmp = path.with_name(path.name + ".tmp")
    with open(tmp, "w", encoding="utf-8") as fh:
        json.dump(entry, fh)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)
    _fsync_dir(path.parent)


def swap_in(out: Path, new: Path, live: Path, journal: Path) -> None:
    """Put the complete folder ``new`` in the place of ``live`` (both under ``out``).

    After it returns, ``new`` holds the old parts (atomic exchange) or is gone.
    """
    if _renameat2_exchange(new, live):
        return
    aside = new.with_name(new.name + ".old")
    # paths relative to out: the folder may be mounted elsewhere when it is recovered
    _write_journal(journal, {k: p.relative_to(out).as_posix() for k, p in
                             (("live", live), ("new", new), ("aside", aside))})
    os.rename(live, aside)  # the only moment the partition is absent: the journal knows
    os.rename(new, live)
    _fsync_dir(live.parent)
    shutil.rmtree(aside, ignore_errors=True)
    journal.unlink()


def _recover_one(out: Path, journal: Path) -> str:
    """Finish or undo the swap ``journal`` describes; returns what was done."""
    entry = json.loads(journal.read_text(encoding="utf-8"))
    live, new, aside = (out / entry[k] for k in ("live", "new", "aside"))
    if live.exists():  # not moved yet (undone), or the new folder is in (finished)
        done = "undone" if new.exists() else "finished"
    elif new.exists():  # moved aside, the new folder complete: put it in
        os.rename(new, live)
        done = "finished"
    else:
        os.rename(aside, live)
        done = "undone"
    shutil.rmtree(aside, ignore_errors=True)
    journal.unlink()
    return done


def recover(out: Path) -> int:
    """Complete what a killed ``compact`` left (see the module docstring); returns how many swaps.

    Called by ``run`` and ``compact`` right after taking the lock.
    """
    work = Path(out) / WORK
    if not work.is_dir():
        return 0
    n = 0
    for journal in sorted(work.rglob(f"*{_JOURNAL}")):
        try:
            done = _recover_one(out, journal)
        except (OSError, ValueError, KeyError) as exc:
            log.error("cannot recover the interrupted compaction %s (%s); fix it by hand before "
                      "the next compact.", journal, exc)
            return n
        log.warning("an interrupted compaction was %s (%s).", done, journal.stem)
        n += 1
    shutil.rmtree(work, ignore_errors=True)
    return n


def _compact_partition(out: Path, table: str, folder: Path) -> int | None:
    """Rewrite one partition; returns its file count after, or ``None`` when left as it was."""
    parts = sorted(folder.glob("*.parquet"))
    if len(parts) <= 1:
        return len(parts)
    tables = [read_part(p, schema=SCHEMAS[table]) for p in parts]
    if any(t is None for t in tables):
        log.warning("%s holds a file that is not ita-extract's Parquet: the partition is left as it is.", folder)
        return None
    data = pa.concat_tables(tables)
    work = out / WORK / table
    new = work / folder.name
    shutil.rmtree(new, ignore_errors=True)
    new.mkdir(parents=True)
    _fsync_write(data, new / f"part-compact-{uuid.uuid4().hex[:12]}.parquet", ROW_GROUP_ROWS)
    _fsync_dir(new)
    swap_in(out, new, folder, work / f"{folder.name}{_JOURNAL}")
    shutil.rmtree(new, ignore_errors=True)  # the old parts, after an atomic exchange
    return 1


def compact(out: Path, tables: Sequence[str] = TABLES) -> dict[str, tuple[int, int]]:
    """Rewrite each table's partitions into one file each; returns files before/after per table."""
    out = Path(out)
    recover(out)
    report: dict[str, tuple[int, int]] = {}
    for table in tables:
        before = after = 0
        for folder in sorted((out / table).glob(f"{PARTITION}=*")):
            n_before = len(list(folder.glob("*.parquet")))
            n_after = _compact_partition(out, table, folder)
            before += n_before
            after += n_before if n_after is None else n_after
        report[table] = (before, after)
    with contextlib.suppress(OSError):
        shutil.rmtree(out / WORK)
    return report
