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
import time
from collections.abc import Iterable, Iterator

from batch.executors import Task, failed_result, work
from errors import MissingDependency, WorkerCrashed
from report.model import DocumentResult
from settings import Settings

log = logging.getLogger(__name__)

#: How long to wait for a scheduler to answer, in seconds.
CONNECT_TIMEOUT_S = 20


class DaskExecutor:
    def __init__(self, settings: Settings) -> None:
        try:
            from distributed import Client, LocalCluster
        except ImportError as exc:  # pragma: no cover - depends on the install
            raise MissingDependency("--dask needs the package dask[distributed] "
                                    "(pip install 'ita-extract[dask]').") from exc
        self.settings = settings
        self.cluster = None
        if settings.dask == "local":
            self.cluster = LocalCluster(n_workers=settings.workers, threads_per_worker=1, processes=True,
                                        dashboard_address=":0", env={"OMP_THREAD_LIMIT": "1"})
            self.client = Client(self.cluster)
        else:
            try:
                self.client = Client(settings.dask, timeout=CONNECT_TIMEOUT_S)
            except (OSError, TimeoutError) as exc:
                raise MissingDependency(f"No Dask scheduler answered at {settings.dask} ({exc}).") from exc

    def run(self, tasks: Iterable[Task]) -> Iterator[DocumentResult]:
        from distributed import as_completed

        by_key = {}
        futures = []
        for task in tasks:
            fut = self.client.submit(work, task, self.settings, key=f"ita-extract-{task.doc_id}", pure=False)
            by_key[fut.key] = task
            futures.append(fut)
        started = time.monotonic()
        for fut in as_completed(futures):
            task = by_key[fut.key]
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

    def close(self) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()

