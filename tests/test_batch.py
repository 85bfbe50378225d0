"""Batches: worker isolation (hang, crash), recycling, incremental and resumable runs."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest
import pyarrow.dataset as ds
from tests.conftest import ROOT, SAMPLES, replicas

import ita_extract.batch.executors as executors
from ita_extract.batch.document import InputFile
from ita_extract.batch.executors import ProcessExecutor, Task
from ita_extract.settings import Settings

pytestmark = pytest.mark.slow


def _tasks(names: list[str]) -> list[Task]:
    good = sorted(SAMPLES.glob("*.pdf"))[0]
    return [Task(InputFile(good, name), f"id-{name}") for name in names]


_real_work = executors.work


LIMIT_S = 5.0


def _faulty_work(task, settings):
    if task.file.source_file == "hang.pdf":
        time.sleep(3600)
    if task.file.source_file == "busy.pdf":  # computes for ever, as a parser caught in a loop
        while True:
            pass
    if task.file.source_file == "waits.pdf":  # waits longer than the limit, computes little: a busy machine
        time.sleep(2 * LIMIT_S)
    if task.file.source_file == "crash.pdf":
        os.kill(os.getpid(), signal.SIGSEGV)  # as a native library would
    return _real_work(task, settings)


def test_hung_and_crashing_documents_fail_alone(tmp_path, monkeypatch):
    monkeypatch.setattr(executors, "work", _faulty_work)  # inherited by forked workers
    settings = Settings(inputs=(SAMPLES,), out=tmp_path)
    _real_work(_tasks(["warm-up.pdf"])[0], settings)  # forked workers inherit loaded dictionaries: a
    # good document then takes ~1.5 s; the limit leaves a wide margin for a machine loaded many times over
    # the limit counts processor time: a good document uses ~1.5 s of it however loaded the machine is
    ex = ProcessExecutor(settings, workers=2, timeout_s=LIMIT_S, max_docs=50)
    names = ["a.pdf", "busy.pdf", "waits.pdf", "hang.pdf", "crash.pdf", "b.pdf"]
    results = {r.document.source_file: r for r in ex.run(_tasks(names))}
    assert set(results) == set(names)
    assert results["a.pdf"].document.status == "ok" and results["b.pdf"].document.status == "ok"
    # waiting is not computing: a document slowed by a busy machine is read, not stopped
    assert results["waits.pdf"].document.status == "ok"
    busy, hang, crash = results["busy.pdf"], results["hang.pdf"], results["crash.pdf"]
    assert busy.document.status == "failed" and "more than 5 s of processor time" in busy.document.error
    assert hang.document.status == "failed" and "still running after 20 s" in hang.document.error
    assert [p.code for p in busy.problems] == [p.code for p in hang.problems] == ["document-timeout"]
    assert crash.document.status == "failed" and "SIGSEGV" in crash.document.error
    assert [p.code for p in crash.problems] == ["worker-crashed"]


def test_workers_are_recycled(tmp_path):
    settings = Settings(inputs=(SAMPLES,), out=tmp_path)
    ex = ProcessExecutor(settings, workers=2, timeout_s=60, max_docs=2)
    results = list(ex.run(_tasks([f"d{i}.pdf" for i in range(7)])))
    assert len(results) == 7 and all(r.document.status == "ok" for r in results)
    assert ex.recycled >= 2
    assert ex.peak_rss_mb > 0


def _count(out: Path, table: str) -> int:
    return ds.dataset(out / table, partitioning="hive").count_rows()


def test_rerun_skips_done_documents_and_force_redoes_them(tmp_path):
    from pipeline import main

    src, out = replicas(tmp_path / "in", 2), tmp_path / "out"
    args = ["run", str(src), "--out", str(out), "--quiet", "--no-progress", "--workers", "2"]
    assert main(args) == 0
    before = {t: _count(out, t) for t in ("documents", "scores", "measures")}
    assert main(args) == 0  # nothing to do
    assert {t: _count(out, t) for t in before} == before
    assert main(args + ["--force"]) == 0
    assert {t: _count(out, t) for t in before} == before


def test_killed_run_resumes_without_duplicates_or_losses(tmp_path):
    src, out = replicas(tmp_path / "in", 12), tmp_path / "out"  # 36 documents
    n = len(list(src.glob("*.pdf")))
    cmd = [sys.executable, str(ROOT / "pipeline.py"), "run", str(src), "--out", str(out), "--quiet",
           "--no-progress", "--workers", "2", "--publish-every", "4"]
    proc = subprocess.Popen(cmd, start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if (out / "documents").exists() and any((out / "documents").rglob("*.parquet")):
            if 4 <= _count(out, "documents") < n:
                break
        time.sleep(0.05)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    published = _count(out, "documents")
    assert 0 < published < n, "the kill did not land mid-batch"
    for table in ("documents", "scores", "problems"):  # readable as it is, by pandas too
        pd.read_parquet(out / table)
    assert subprocess.run(cmd, timeout=300).returncode == 0
    docs = ds.dataset(out / "documents", partitioning="hive").to_table().column("doc_id").to_pylist()
    assert len(docs) == n == len(set(docs))
    assert _count(out, "scores") == n // 3 * 98
    assert _count(out, "measures") == n // 3 * 31


def test_compact_rewrites_parts_into_one_file_per_partition(tmp_path):
    from pipeline import main

    src = tmp_path / "in"
    src.mkdir()
    sample = sorted(SAMPLES.glob("*.pdf"))[0]
    for i in range(4):  # one fiscal year: four parts per table with --publish-every 1
        (src / f"copy-{i}.pdf").write_bytes(sample.read_bytes() + f"\n%replica {i}\n".encode())
    out = tmp_path / "out"
    assert main(["run", str(src), "--out", str(out), "--quiet", "--no-progress", "--workers", "1",
                 "--publish-every", "1"]) == 0
    before = {t: _count(out, t) for t in ("documents", "scores", "analyses", "measures", "problems")}
    assert len(list((out / "scores").rglob("*.parquet"))) == 4
    assert main(["compact", str(out)]) == 0
    for table, n in before.items():
        files = list((out / table).rglob("*.parquet"))
        assert len(files) == len({f.parent for f in files}), table  # one file per partition
        assert _count(out, table) == n == len(pd.read_parquet(out / table)), table
    assert not (out / ".compact").exists()
