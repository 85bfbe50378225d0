"""Executors: how documents are run — in this process, or in worker processes.

One interface (:class:`Executor`): ``run(tasks)`` yields one
:class:`ita_extract.model.DocumentResult` per task, in completion order. Results
travel back to the parent, which alone writes Parquet.

:class:`ProcessExecutor` isolates documents: a worker that exceeds the time
limit is killed and the document fails with ``document-timeout``. The limit
counts the worker's processor time, not the clock, so a document fails or not
whatever else loads the machine (a batch on a busy server reads what a quiet
one reads); a worker that waits without computing (a hang) is stopped after
``HANG_FACTOR`` times the limit by the clock. A worker
that dies (a segfault in a native library, the OOM killer) fails only its
document, with ``worker-crashed``; and workers are recycled after
``max_docs`` documents or past ``max_rss_mb`` of memory, because pdfminer's
caches and OCR engines grow over a long batch. Workers ignore Ctrl-C and
SIGTERM (the parent stops them, after publishing what finished), die with
their parent however it dies (``PR_SET_PDEATHSIG``: a killed run leaves no
worker behind), may grow by at most ``Settings.worker_memory_mb`` of address
space (``RLIMIT_AS``: a decompression bomb fails its document with
``out-of-memory`` instead of taking the machine down) and set
``OMP_THREAD_LIMIT=1`` so parallel Tesseracts do not fight over cores.
"""
from __future__ import annotations

import logging
import multiprocessing as mp
import os
import signal
import time
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from typing import Protocol

import psutil

from ita_extract.batch.document import InputFile, process_document
from ita_extract.errors import DocumentTimeout, WorkerCrashed
from ita_extract.model import DocumentResult, DocumentRow, problem
from ita_extract.settings import DEFAULT_MAX_DOCS_PER_WORKER, DEFAULT_MAX_RSS_MB, Settings

log = logging.getLogger(__name__)

#: A document still running after this many times ``--timeout`` by the clock is stopped even when it
#: used less processor time: it waits on something that will not come.
HANG_FACTOR = 4.0


def processor_seconds(pid: int) -> float:
    """Processor time (user and system) a process has used so far; 0 when it is gone."""
    try:
        t = psutil.Process(pid).cpu_times()
    except (psutil.NoSuchProcess, psutil.AccessDenied, psutil.ZombieProcess):
        return 0.0
    return t.user + t.system


def over_time(cpu_s: float, wall_s: float, limit_s: float) -> str | None:
    """Why a document that has used ``cpu_s`` of processor time in ``wall_s`` by the clock is stopped, if it is.

    >>> over_time(5.0, 900.0, 600.0) is None     # slow because the machine is busy: not stopped
    True
    >>> over_time(601.0, 700.0, 600.0)
    'used more than 600 s of processor time'
    >>> over_time(1.0, 2401.0, 600.0)
    'was still running after 2400 s without using 600 s of processor time (a hang)'
    """
    if cpu_s > limit_s:
        return f"used more than {limit_s:g} s of processor time"
    if wall_s > limit_s * HANG_FACTOR:
        return f"was still running after {limit_s * HANG_FACTOR:g} s without using {limit_s:g} s of processor time (a hang)"
    return None


@dataclass(frozen=True)
class Task:
    file: InputFile
    doc_id: str


class Executor(Protocol):
    def run(self, tasks: Iterable[Task]) -> Iterator[DocumentResult]: ...

    def close(self) -> None: ...


def failed_result(task: Task, exc: Exception, seconds: float) -> DocumentResult:
    """A ``failed`` result for a document whose worker timed out or crashed."""
    code = getattr(exc, "code", "document-error")
    return DocumentResult(
        task.doc_id,
        DocumentRow(task.file.source_file, None, None, None, "failed", str(exc), None),
        problems=[problem(code, str(exc))],
        seconds=seconds,
    )


# --- in this process ----------------------------------------------------------

_OCR = None


def _page_ocr(settings: Settings):
    """One OCR service per process (its engine loads on first use)."""
    global _OCR
    if settings.ocr == "never":
        return None
    if _OCR is None:
        from extract.ocr.reader import PageOcr

        _OCR = PageOcr(settings.ocr_timeout_s)
    return _OCR


def work(task: Task, settings: Settings) -> DocumentResult:
    """The unit of work every executor runs (also on Dask workers)."""
    return process_document(task.file, task.doc_id, settings, _page_ocr(settings))


class SerialExecutor:
    """Documents one after the other in this process (tests, ``--workers 1``)."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    def run(self, tasks: Iterable[Task]) -> Iterator[DocumentResult]:
        for task in tasks:
            yield work(task, self.settings)

    def close(self) -> None:
        pass


# --- worker processes ---------------------------------------------------------

def _status_mb(key: str) -> float:
    """A memory figure of this process from /proc/self/status, in MiB (0 elsewhere)."""
    try:
        with open("/proc/self/status") as fh:
            for line in fh:
                if line.startswith(key + ":"):
                    return int(line.split()[1]) / 1024.0
    except OSError:
        pass
    return 0.0


def rss_mb() -> float:
    """This process's resident memory in MiB."""
    return _status_mb("VmRSS")


#: prctl option: the signal this process gets when its parent dies (linux/prctl.h).
_PR_SET_PDEATHSIG = 1


def die_with_parent(parent_pid: int) -> None:
    """Have the kernel kill this process when its parent dies (Linux; elsewhere a no-op)."""
    import ctypes
    import ctypes.util

    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):  # not Linux
        return
    if os.getppid() != parent_pid:  # the parent died before prctl took effect
        os._exit(1)


def address_space_mb() -> float:
    """This process's address space in MiB (what ``RLIMIT_AS`` limits)."""
    return _status_mb("VmSize")


def limit_memory(grow_mb: float) -> None:
    """Let this process's address space grow by at most ``grow_mb`` MiB (0: no limit).

    Counted from what the worker holds when it starts (the libraries it
    inherited), so the limit is the budget of the documents it reads.
    """
    if grow_mb <= 0:
        return
    import resource

    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    limit = int((address_space_mb() + grow_mb) * 1024 * 1024)
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    if soft == resource.RLIM_INFINITY or limit < soft:
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


def _worker_main(conn: Connection, settings: Settings, parent_pid: int) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    die_with_parent(parent_pid)
    limit_memory(settings.worker_memory_mb)
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    while True:
        try:
            msg = conn.recv()
        except (EOFError, KeyboardInterrupt):
            return
        if msg is None:
            return
        result = work(msg, settings)
        conn.send((result, rss_mb()))


@dataclass
class _Worker:
    process: mp.Process
    conn: Connection
    task: Task | None = None
    started: float = 0.0
    cpu_started: float = 0.0
    done: int = 0
    rss: float = 0.0


class ProcessExecutor:
    """A pool of worker processes with time limits, crash isolation and recycling."""

    def __init__(self, settings: Settings, workers: int, timeout_s: float,
                 max_docs: int = DEFAULT_MAX_DOCS_PER_WORKER, max_rss_mb: float = DEFAULT_MAX_RSS_MB) -> None:
        self.settings = settings
        self.n = workers
        self.timeout_s = timeout_s
        self.max_docs = max_docs
        self.max_rss_mb = max_rss_mb
        self._ctx = mp.get_context("fork" if hasattr(os, "fork") else "spawn")
        self._workers: list[_Worker] = []
        self.peak_rss_mb = 0.0
        self.rss_log: list[float] = []  # each worker's memory after each document, in order
        self.recycled = 0

    def _spawn(self) -> _Worker:
        parent, child = self._ctx.Pipe()
        p = self._ctx.Process(target=_worker_main, args=(child, self.settings, os.getpid()), daemon=True)
        p.start()
        child.close()
        return _Worker(p, parent)

    def _retire(self, w: _Worker, kill: bool = False) -> None:
        if kill:
            w.process.kill()
        else:
            try:
                w.conn.send(None)
            except (BrokenPipeError, OSError):
                pass
        w.process.join(timeout=5)
        if w.process.is_alive():
            w.process.kill()
            w.process.join()
        w.conn.close()

    def run(self, tasks: Iterable[Task]) -> Iterator[DocumentResult]:
        queue = deque(tasks)
        self._workers = [self._spawn() for _ in range(min(self.n, len(queue)) or 1)]
        try:
            while queue or any(w.task for w in self._workers):
                for w in self._workers:  # hand out work
                    if w.task is None and queue:
                        w.task, w.started = queue.popleft(), time.monotonic()
                        w.cpu_started = processor_seconds(w.process.pid)
                        w.conn.send(w.task)
                busy = [w for w in self._workers if w.task is not None]
                ready = wait([w.conn for w in busy] + [w.process.sentinel for w in busy], timeout=0.5)
                now = time.monotonic()
                for i, w in enumerate(self._workers):
                    if w.task is None:
                        continue
                    if w.conn in ready:
                        try:
                            result, w.rss = w.conn.recv()
                        except (EOFError, OSError):
                            result = None
                        if result is not None:
                            self.peak_rss_mb = max(self.peak_rss_mb, w.rss)
                            self.rss_log.append(w.rss)
                            w.task, w.done = None, w.done + 1
                            yield result
                            if w.done >= self.max_docs or w.rss > self.max_rss_mb:
                                self._retire(w)
                                self._workers[i] = self._spawn()
                                self.recycled += 1
                            continue
                    if not w.process.is_alive() or w.process.sentinel in ready and w.process.exitcode is not None:
                        code = w.process.exitcode
                        why = (f"signal {signal.Signals(-code).name}" if code is not None and code < 0
                               else f"exit code {code}")
                        exc = WorkerCrashed(f"The worker reading {w.task.file.source_file} died ({why}); "
                                            "the document was skipped and the batch went on.")
                        yield failed_result(w.task, exc, now - w.started)
                        self._retire(w, kill=True)
                        self._workers[i] = self._spawn()
                    elif why := over_time(processor_seconds(w.process.pid) - w.cpu_started, now - w.started,
                                          self.timeout_s):
                        exc = DocumentTimeout(f"{w.task.file.source_file} {why} and was stopped.")
                        yield failed_result(w.task, exc, now - w.started)
                        self._retire(w, kill=True)
                        self._workers[i] = self._spawn()
        finally:
            self.close()

    def close(self) -> None:
        for w in self._workers:
            if w.process.is_alive():
                self._retire(w, kill=w.task is not None)
        self._workers = []
