"""Documents on a Dask distributed cluster; the results come back to this
process, which writes them exactly as a local run does.

``--dask tcp://host:8786`` connects to a running scheduler (``dask scheduler``
with ``dask worker`` processes, each with ita-extract installed the same
way); ``--dask local`` starts a :class:`distributed.LocalCluster` of
``--workers`` single-threaded worker processes.

A worker that dies mid-document (killed, out of memory) loses nothing:
the scheduler reruns its documents on the remaining workers; a document
that kills workers repeatedly ends as ``worker-crashed``. On a cluster the
time a document may take is bounded by Tesseract's per-page limit
(``--ocr-timeout``); ``--timeout``, which kills a local worker process,
does not apply to remote workers.
"""
from __future__ import annotations

import logging
import os
import tempfile
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

from ita_extract.batch.document import InputFile
from ita_extract.batch.executors import Task, failed_result, work
from ita_extract.errors import MissingDependency, WorkerCrashed
from ita_extract.model import DocumentResult
from ita_extract.settings import Settings

log = logging.getLogger(__name__)

#: How long to wait for a scheduler to answer, in seconds.
CONNECT_TIMEOUT_S = 20
#: Documents queued per worker at a time (keeps workers busy, the client lean).
IN_FLIGHT_PER_WORKER = 4
#: For ``--dask local``: workers without Dask's statistical profiler (it
#: samples every thread's stack every 10 ms) and without
#: ``MALLOC_TRIM_THRESHOLD_`` (see :func:`restore_malloc_thresholds`).
LOCAL_CLUSTER_CONFIG = {
    "distributed.worker.profile.enabled": False,
    "distributed.nanny.pre-spawn-environ": {"OMP_NUM_THREADS": 1, "MKL_NUM_THREADS": 1,
                                            "OPENBLAS_NUM_THREADS": 1},
}


#: glibc's thresholds restored on Dask workers (see :func:`restore_malloc_thresholds`).
MMAP_THRESHOLD = 32 * 1024 * 1024
TRIM_THRESHOLD = 64 * 1024 * 1024
_M_TRIM_THRESHOLD, _M_MMAP_THRESHOLD = -1, -3  # mallopt parameters (malloc.h)
_malloc_restored = False


def restore_malloc_thresholds() -> bool:
    """Undo Dask's ``MALLOC_TRIM_THRESHOLD_=65536`` in this worker process.

    Dask's nanny starts workers with that variable so that freed memory goes
    back to the system at once. Setting it also turns off glibc's adaptive
    mmap threshold: every page image and array over 128 KiB is then mapped
    and unmapped again, page faults and zeroing included. Measured on a
    scanned report: 11.8 s per document on a Dask worker against 10.8 s in
    a pool worker; 10.9 s with the thresholds below, which are what glibc's
    adaptive setting reaches by itself. Memory stays bounded (64 MiB kept at
    most). Returns whether anything was changed (glibc only, once).
    """
    global _malloc_restored
    if _malloc_restored or "MALLOC_TRIM_THRESHOLD_" not in os.environ:
        return False
    _malloc_restored = True
    try:
        import ctypes

        libc = ctypes.CDLL("libc.so.6")
        return bool(libc.mallopt(_M_MMAP_THRESHOLD, MMAP_THRESHOLD)
                    and libc.mallopt(_M_TRIM_THRESHOLD, TRIM_THRESHOLD))
    except (OSError, AttributeError):  # not glibc: nothing to undo
        return False


def peak_rss_mb() -> float:
    """This process's peak resident memory in MiB (Linux reports KiB)."""
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def work_on_bytes(task: Task, data: bytes, settings: Settings) -> DocumentResult:
    """:func:`ita_extract.batch.executors.work` on a worker that has only the document's bytes."""
    restore_malloc_thresholds()
    with tempfile.TemporaryDirectory(prefix="ita-extract-") as folder:
        path = Path(folder) / Path(task.file.source_file).name
        path.write_bytes(data)
        return work(Task(InputFile(path, task.file.source_file), task.doc_id), settings)


class DaskExecutor:
    def __init__(self, settings: Settings) -> None:
        try:
            import dask
            from distributed import Client, LocalCluster
        except ImportError as exc:  # pragma: no cover - depends on the install
            raise MissingDependency("--dask needs the package dask[distributed] "
                                    "(pip install 'ita-extract[dask]').") from exc
        self.settings = settings
        self.peak_rss_mb = 0.0  # the workers' largest peak resident memory, known after close()
        self.cluster = None
        if settings.dask == "local":
            with dask.config.set(LOCAL_CLUSTER_CONFIG):
                self.cluster = LocalCluster(n_workers=settings.workers, threads_per_worker=1, processes=True,
                                            dashboard_address=":0", env={"OMP_THREAD_LIMIT": "1"})
            self.client = Client(self.cluster)
        else:
            try:
                self.client = Client(settings.dask, timeout=CONNECT_TIMEOUT_S)
            except (OSError, TimeoutError) as exc:
                raise MissingDependency(f"No Dask scheduler answered at {settings.dask} ({exc}).") from exc

    def run(self, tasks: Iterable[Task]) -> Iterator[DocumentResult]:
        """Documents go out with their bytes (workers need no shared folder), a
        bounded window at a time, so the client never holds a whole year in memory."""
        from distributed import as_completed

        queue = list(tasks)[::-1]
        workers = max(1, len(self.client.scheduler_info().get("workers", {})))
        window = max(4, IN_FLIGHT_PER_WORKER * workers)
        by_key: dict[str, Task] = {}
        started = time.monotonic()
        pending = as_completed()

        def submit() -> None:
            task = queue.pop()
            fut = self.client.submit(work_on_bytes, task, task.file.path.read_bytes(), self.settings,
                                     key=f"ita-extract-{task.doc_id}", pure=False)
            by_key[fut.key] = task
            pending.add(fut)

        for _ in range(min(window, len(queue))):
            submit()
        for fut in pending:
            task = by_key.pop(fut.key)
            if queue:
                submit()
            try:
                yield fut.result()
            except Exception as exc:  # noqa: BLE001 - any remote failure fails this document only
                name = type(exc).__name__
                if name == "KilledWorker":
                    err = WorkerCrashed(f"Dask workers died repeatedly reading {task.file.source_file}; "
                                        "it was skipped and the batch went on.")
                else:
                    err = WorkerCrashed(f"{task.file.source_file} failed on a Dask worker ({name}: {exc}).")
                yield failed_result(task, err, time.monotonic() - started)
            finally:
                fut.release()

    def close(self) -> None:
        try:
            peaks = self.client.run(peak_rss_mb)
            self.peak_rss_mb = max(peaks.values(), default=0.0)
        except Exception:  # noqa: BLE001 - a figure for benchmarks, never worth failing a close
            pass
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()

