"""One writer per output folder: an advisory lock held by ``run`` and ``compact``.

The lock is a POSIX record lock (``fcntl.lockf``) on ``OUT/.ita-extract.lock``:

* the kernel drops it when its holder dies, however it dies (SIGKILL, the
  OOM killer): a lock of a dead process is never stale, the next writer simply
  gets it (the file stays; it only names the last holder);
* it is not inherited by forked worker processes, so a worker that outlives
  its parent cannot keep the folder locked;
* NFS supports it (through lockd), where ``flock`` may not lock across hosts.

A second writer waits up to ``wait_s`` seconds, then stops with
:class:`ita_extract.errors.OutputLocked` (exit code 6) naming the holder. Readers take
no lock: every file they can see is complete (see :mod:`ita_extract.output.parquet`).
"""
from __future__ import annotations

import errno
import fcntl
import logging
import os
import socket
import time
from pathlib import Path

from ita_extract.errors import OutputLocked, OutputNotWritable

log = logging.getLogger(__name__)

LOCK_NAME = ".ita-extract.lock"
#: How often a waiting writer tries again, in seconds.
POLL_S = 0.2

#: Output folders this process holds: POSIX locks do not exclude their own
#: process, so a second lock of the same folder in one process is refused here.
_held: set[Path] = set()


def _describe_holder(fd: int) -> str:
    try:
        text = os.pread(fd, 400, 0).decode("utf-8", "replace").strip()
    except OSError:
        text = ""
    return f" ({text})" if text else ""


class OutputLock:
    """``with OutputLock(out, wait_s):`` — the one writer of ``out`` inside the block."""

    def __init__(self, out: Path, wait_s: float = 0.0, what: str = "run") -> None:
        self.out = Path(out)
        self.path = self.out / LOCK_NAME
        self.wait_s = wait_s
        self.what = what
        self._fd: int | None = None

    def __enter__(self) -> OutputLock:
        self.acquire()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()

    def acquire(self) -> None:
        key = self.out.resolve()
        if key in _held:
            raise OutputLocked(f"{self.out} is already being written by this process.")
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
        except OSError as exc:
            raise OutputNotWritable(f"Cannot write to {self.out}: {exc.strerror or exc}.") from exc
        deadline = time.monotonic() + self.wait_s
        while True:
            try:
                fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except OSError as exc:
                if exc.errno == errno.ENOLCK:  # a filesystem without locks: say so, go on
                    log.warning("%s cannot be locked (%s): make sure no other ita-extract writes there.",
                                self.out, exc.strerror)
                    break
                if exc.errno not in (errno.EACCES, errno.EAGAIN):
                    os.close(fd)
                    raise OutputNotWritable(f"Cannot lock {self.path}: {exc.strerror or exc}.") from exc
                if time.monotonic() >= deadline:
                    holder = _describe_holder(fd)
                    os.close(fd)
                    waited = f" after waiting {self.wait_s:g} s" if self.wait_s > 0 else ""
                    raise OutputLocked(
                        f"{self.out} is being written by another ita-extract{holder}{waited}; "
                        "wait until it ends, or give --wait SECONDS.") from None
                time.sleep(POLL_S)
        info = f"pid {os.getpid()} on {socket.gethostname()}, {self.what} since " \
               f"{time.strftime('%Y-%m-%d %H:%M:%S')}\n"
        try:
            os.ftruncate(fd, 0)
            os.pwrite(fd, info.encode(), 0)
        except OSError:  # the lock holds without its note
            pass
        self._fd = fd
        _held.add(key)

    def release(self) -> None:
        if self._fd is None:
            return
        _held.discard(self.out.resolve())
        try:
            fcntl.lockf(self._fd, fcntl.LOCK_UN)
        except OSError:
            pass
        os.close(self._fd)
        self._fd = None

