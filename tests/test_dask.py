"""A real Dask scheduler and two worker processes on loopback.

A Dask run gives the same tables as a local run, row for row, and a worker
killed mid-run loses no document.
"""
from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pyarrow.dataset as ds
import pytest
from tests.conftest import replicas

distributed = pytest.importorskip("distributed")
pytestmark = pytest.mark.slow

TABLES = ("documents", "scores", "analyses", "measures", "problems")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _spawn(*args: str) -> subprocess.Popen:
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    return subprocess.Popen([sys.executable, "-m", "dask", *args], env=env, start_new_session=True,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


@pytest.fixture(scope="module")
def cluster():
    port = _free_port()
    address = f"tcp://127.0.0.1:{port}"
    procs = [_spawn("scheduler", "--host", "127.0.0.1", "--port", str(port), "--no-dashboard")]
    workers = [_spawn("worker", address, "--nworkers", "1", "--nthreads", "1", "--no-dashboard",
                      "--name", f"w{i}") for i in range(2)]
    procs += workers
    client = distributed.Client(address, timeout=60)
    try:
        client.wait_for_workers(2, timeout=90)
        yield address, workers
    finally:
        client.close()
        for p in procs:
            if p.poll() is None:
                os.killpg(p.pid, signal.SIGKILL)
            p.wait()


def table_rows(out: Path, table: str) -> list[tuple]:
    rows = ds.dataset(out / table, partitioning="hive").to_table().to_pylist()
    for r in rows:
        r.pop("seconds", None)
    return sorted(tuple(sorted((k, repr(v)) for k, v in r.items())) for r in rows)


def run(inputs: Path, out: Path, *options: str) -> int:
    from pipeline import main

    return main(["run", str(inputs), "--out", str(out), "--quiet", "--no-progress", *options])


def test_dask_run_equals_local_run(cluster, tmp_path):
    address, _ = cluster
    src = replicas(tmp_path / "in", 2)
    assert run(src, tmp_path / "local", "--workers", "1") == 0
    assert run(src, tmp_path / "dask", "--dask", address) == 0
    for table in TABLES:
        assert table_rows(tmp_path / "dask", table) == table_rows(tmp_path / "local", table), table


def test_killed_worker_loses_no_document(cluster, tmp_path):
    address, workers = cluster
    src = replicas(tmp_path / "in", 20)  # 60 documents
    n = len(list(src.glob("*.pdf")))
    out = tmp_path / "out"
    codes: list[int] = []
    t = threading.Thread(target=lambda: codes.append(run(src, out, "--dask", address)))
    t.start()
    time.sleep(3.0)  # documents are under way on both workers
    os.killpg(workers[0].pid, signal.SIGKILL)
    t.join(timeout=600)
    assert codes == [0]
    docs = ds.dataset(out / "documents", partitioning="hive").to_table().to_pylist()
    assert len(docs) == n and len({d["doc_id"] for d in docs}) == n
    assert all(d["status"] == "ok" for d in docs)
    scores = ds.dataset(out / "scores", partitioning="hive").to_table()
    assert scores.num_rows == n // 3 * 98  # every document's rows, none twice


def _worker_settings():
    import dask

    return os.environ.get("MALLOC_TRIM_THRESHOLD_"), dask.config.get("distributed.worker.profile.enabled")


def test_local_cluster_workers_run_without_trim_and_profiler(tmp_path):
    """Dask's MALLOC_TRIM_THRESHOLD_ cost 9 % on OCR; its profiler samples stacks every 10 ms."""
    from ita_extract.batch.dask_executor import DaskExecutor
    from ita_extract.settings import Settings

    ex = DaskExecutor(Settings(inputs=(tmp_path,), out=tmp_path / "out", workers=1, dask="local"))
    try:
        assert list(ex.client.run(_worker_settings).values()) == [(None, False)]
    finally:
        ex.close()
    assert ex.peak_rss_mb > 20  # the worker's peak memory, for benchmarks


@pytest.mark.parametrize("env, expected", [({"MALLOC_TRIM_THRESHOLD_": "65536"}, "True False"), ({}, "False False")])
def test_malloc_thresholds_are_restored_once_where_dask_set_them(env, expected):
    """Workers of a remote cluster get the variable from their nanny: undone in process."""
    root = Path(__file__).resolve().parents[1]
    code = "from ita_extract.batch.dask_executor import restore_malloc_thresholds as r; print(r(), r())"
    clean = {k: v for k, v in os.environ.items() if k != "MALLOC_TRIM_THRESHOLD_"}
    out = subprocess.run([sys.executable, "-c", code], cwd=root, env={**clean, **env},
                         capture_output=True, text=True, check=True).stdout.strip()
    assert out == expected
