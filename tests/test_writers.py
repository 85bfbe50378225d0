"""Issue 12: one writer per output folder, signals, workers that die with their parent, and
compactions that a kill cannot lose. Every case runs real processes (``pipeline.py``).
"""
from __future__ import annotations

import ctypes
import os
import queue
import shutil
import signal
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pyarrow.dataset as ds
import pytest
from tests.conftest import ROOT, SAMPLES, replicas

pytestmark = pytest.mark.slow

PIPELINE = str(ROOT / "pipeline.py")
TABLES = ("documents", "scores", "analyses", "measures", "problems")


def count(out: Path, table: str) -> int:
    return ds.dataset(out / table, partitioning="hive").count_rows()


def counts(out: Path) -> dict[str, int]:
    return {t: count(out, t) for t in TABLES}


def doc_ids(out: Path) -> list[str]:
    return ds.dataset(out / "documents", partitioning="hive").to_table().column("doc_id").to_pylist()


def run_cmd(src: Path, out: Path, *options: str) -> list[str]:
    return [sys.executable, PIPELINE, "run", str(src), "--out", str(out), "--no-progress", *options]


class Running:
    """A ``pipeline.py`` process whose log lines the test can wait for (read by a thread, so a
    silent process cannot hang the test)."""

    def __init__(self, cmd: list[str]) -> None:
        self.proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                     start_new_session=True)
        self.lines: list[str] = []
        self.workers: set[int] = set()
        self._queue: queue.Queue = queue.Queue()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        for line in self.proc.stderr:
            self._queue.put(line)
        self._queue.put(None)

    def wait_for(self, text: str, times: int = 1, timeout: float = 240) -> None:
        deadline = time.monotonic() + timeout
        while sum(text in ln for ln in self.lines) < times:
            try:
                line = self._queue.get(timeout=max(0.1, deadline - time.monotonic()))
            except queue.Empty:
                raise AssertionError(f"never saw {text!r} {times}x: {self.lines}") from None
            assert line is not None, f"the process ended before {text!r}: {self.lines}"
            self.lines.append(line)
            self.workers |= children(self.proc.pid)

    def finish(self, timeout: float = 300) -> tuple[int, str, str]:
        out = self.proc.stdout.read() if self.proc.wait(timeout=timeout) is not None else ""
        self._reader.join(timeout=10)
        while not self._queue.empty():
            line = self._queue.get()
            if line is not None:
                self.lines.append(line)
        return self.proc.returncode, out, "".join(self.lines)

    def kill_all(self) -> None:
        """Whatever happens in the test, leave no process behind."""
        for pid in {self.proc.pid, *self.workers}:
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        self.proc.wait()


def children(pid: int) -> set[int]:
    try:
        return {int(p) for p in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()}
    except OSError:
        return set()


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state not in ("Z", "X")


@pytest.fixture
def batch12(tmp_path) -> Path:
    return replicas(tmp_path / "in", 4)  # 12 distinct documents


# --- one writer per output folder --------------------------------------------------------

def test_a_second_run_on_the_same_out_stops_with_6(tmp_path, batch12):
    """Before: both runs exited 0 and every row was doubled, for good."""
    out = tmp_path / "out"
    first = Running(run_cmd(batch12, out, "--workers", "1", "--publish-every", "2"))
    try:
        first.wait_for(": ok")
        second = subprocess.run(run_cmd(batch12, out, "--workers", "1"), capture_output=True, text=True,
                                timeout=120)
        assert second.returncode == 6, second.stderr
        assert "being written by another ita-extract" in second.stderr
        assert f"pid {first.proc.pid}" in second.stderr
        code, _, _ = first.finish()
        assert code == 0
    finally:
        first.kill_all()
    ids = doc_ids(out)
    assert len(ids) == len(set(ids)) == 12
    assert count(out, "scores") == 4 * 98


def test_a_run_given_wait_runs_after_the_first(tmp_path, batch12):
    out = tmp_path / "out"
    first = Running(run_cmd(batch12, out, "--workers", "1", "--publish-every", "2"))
    try:
        first.wait_for(": ok")
        second = subprocess.run(run_cmd(batch12, out, "--workers", "1", "--wait", "600"), capture_output=True,
                                text=True, timeout=700)
        assert first.proc.poll() == 0, "the second run did not wait for the first"
        assert second.returncode == 0, second.stderr
        assert "12 already done" in second.stdout
    finally:
        first.kill_all()
    assert len(doc_ids(out)) == 12 and count(out, "scores") == 4 * 98


def test_compact_while_a_run_publishes_waits_its_turn(tmp_path, batch12):
    """Before: documents rows vanished and `ok` documents lost their scores."""
    out = tmp_path / "out"
    first = Running(run_cmd(batch12, out, "--workers", "1", "--publish-every", "1"))
    try:
        first.wait_for(": ok", times=2)
        busy = subprocess.run([sys.executable, PIPELINE, "compact", str(out)], capture_output=True, text=True,
                              timeout=120)
        assert busy.returncode == 6, busy.stderr
        assert "being written by another ita-extract" in busy.stderr
        assert first.finish()[0] == 0
    finally:
        first.kill_all()
    before = counts(out)
    assert before["documents"] == 12 and before["scores"] == 4 * 98
    done = subprocess.run([sys.executable, PIPELINE, "compact", str(out), "--wait", "5"], capture_output=True,
                          text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert counts(out) == before


def test_a_lock_of_a_killed_process_is_not_stale(tmp_path):
    """The lock is the kernel's: it goes with its holder, however the holder dies. While it is
    held, `run` and `compact` (before: two compacts at once, one died with a traceback) exit 6."""
    out = tmp_path / "out"
    holder = subprocess.Popen([sys.executable, "-c", textwrap.dedent(f"""
        import time
        from ita_extract.output.lock import OutputLock
        OutputLock(__import__("pathlib").Path({str(out)!r}), what="test").acquire()
        print("locked", flush=True)
        time.sleep(600)
    """)], stdout=subprocess.PIPE, text=True)
    out.mkdir()
    try:
        assert holder.stdout.readline().strip() == "locked"
        sample = sorted(SAMPLES.glob("*.pdf"))[0]
        locked = subprocess.run(run_cmd(sample, out, "--workers", "0"), capture_output=True, text=True, timeout=120)
        assert locked.returncode == 6, locked.stderr
        assert f"pid {holder.pid}" in locked.stderr
        (out / "documents").mkdir()  # looks like an output folder: compact is refused by the lock alone
        second = subprocess.run([sys.executable, PIPELINE, "compact", str(out)], capture_output=True, text=True,
                                timeout=120)
        assert second.returncode == 6, second.stderr
        holder.kill()
        holder.wait()
        assert (out / ".ita-extract.lock").exists()
        after = subprocess.run(run_cmd(sample, out, "--workers", "0"), capture_output=True, text=True, timeout=300)
        assert after.returncode == 0, after.stderr
    finally:
        holder.kill()
        holder.wait()


# --- signals and workers -------------------------------------------------------------------

def test_sigterm_publishes_what_finished_and_exits_143(tmp_path, batch12):
    """Before: SIGTERM killed the run at once: finished documents not yet published were lost,
    and the workers lived on."""
    out = tmp_path / "out"
    run = Running(run_cmd(batch12, out, "--workers", "2", "--publish-every", "1000"))
    try:
        run.wait_for(": ok", times=3)
        finished = {ln.split(": ok")[0].split("INFO ", 1)[1] for ln in run.lines if ": ok" in ln}
        workers = set(run.workers)
        assert workers, "no worker process was seen"
        run.proc.send_signal(signal.SIGTERM)
        code, _, err = run.finish(timeout=120)
        assert code == 143, err
        assert "terminated" in err
        deadline = time.monotonic() + 10
        while any(alive(w) for w in workers) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not [w for w in workers if alive(w)], "workers outlived the run"
    finally:
        run.kill_all()
    published = ds.dataset(out / "documents", partitioning="hive").to_table().column("source_file").to_pylist()
    assert finished <= set(published), "a document that finished before SIGTERM was not published"
    assert len(published) < 12
    # the next run does the rest: no duplicate, no loss
    assert subprocess.run(run_cmd(batch12, out, "--workers", "2"), capture_output=True, timeout=600).returncode == 0
    assert len(doc_ids(out)) == len(set(doc_ids(out))) == 12 and count(out, "scores") == 4 * 98


def test_workers_die_with_their_parent(tmp_path, batch12):
    """Before: after SIGKILL of the run its workers lived on for ever (~280 MB each)."""
    run = Running(run_cmd(batch12, tmp_path / "out", "--workers", "2"))
    try:
        run.wait_for(": ok")
        workers = set(run.workers) | children(run.proc.pid)
        assert len(workers) >= 2
        os.kill(run.proc.pid, signal.SIGKILL)  # the parent only, as the OOM killer would
        run.proc.wait()
        deadline = time.monotonic() + 15
        while any(alive(w) for w in workers) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not [w for w in workers if alive(w)], "workers outlived their parent"
    finally:
        run.kill_all()


# --- compaction where renameat2 is missing ---------------------------------------------------

@pytest.fixture(scope="module")
def parts4(tmp_path_factory) -> tuple[Path, Path]:
    """Four documents of one fiscal year published one at a time: four parts per table."""
    base = tmp_path_factory.mktemp("parts4")
    src = base / "in"
    src.mkdir()
    sample = sorted(SAMPLES.glob("*.pdf"))[0]
    for i in range(4):
        (src / f"copy-{i}.pdf").write_bytes(sample.read_bytes() + f"\n%replica {i}\n".encode())
    out = base / "out"
    done = subprocess.run(run_cmd(src, out, "--workers", "1", "--publish-every", "1"), capture_output=True,
                          text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    return src, out


def _four_parts(parts4: tuple[Path, Path], tmp_path: Path) -> tuple[Path, Path]:
    src, out = parts4
    shutil.copytree(out, tmp_path / "out")
    assert len(list((tmp_path / "out" / "scores").rglob("*.parquet"))) == 4
    return src, tmp_path / "out"


def _no_leftovers(out: Path) -> None:
    assert not (out / ".compact").exists()
    hidden = [p for p in out.rglob(".*") if p.name != ".ita-extract.lock"]
    assert not hidden, hidden


class NoRenameat2(ctypes.CDLL):
    """A C library without ``renameat2`` (musl before 1.2.4, glibc before 2.28, macOS)."""

    def __getattr__(self, name: str):
        if name == "renameat2":
            raise AttributeError(name)
        return super().__getattr__(name)


def test_compact_without_renameat2(tmp_path, monkeypatch, parts4):
    """The fallback (two renames and a journal) gives the same result as the atomic exchange."""
    from pipeline import main

    _, out = _four_parts(parts4, tmp_path)
    before = counts(out)
    monkeypatch.setattr(ctypes, "CDLL", NoRenameat2)
    assert main(["compact", str(out)]) == 0
    assert counts(out) == before
    for table in TABLES:
        files = list((out / table).rglob("*.parquet"))
        assert len(files) == len({f.parent for f in files}), table
    _no_leftovers(out)


_KILLED_COMPACT = """
import ctypes, os, signal, sys
from tests.test_writers import NoRenameat2
ctypes.CDLL = NoRenameat2  # the fallback, as on NFS, SMB or FUSE
real, n = os.rename, [0]
def rename(a, b):
    real(a, b)
    n[0] += 1
    if n[0] == {kill_at}:
        os.kill(os.getpid(), signal.SIGKILL)
os.rename = rename
from pipeline import main
sys.exit(main(["compact", {out!r}]))
"""


@pytest.mark.parametrize("kill_at", [1, 2, 3])
@pytest.mark.parametrize("recover_with", ["run", "compact"])
def test_compaction_killed_between_renames_is_recovered(tmp_path, kill_at, recover_with, parts4):
    """Before: a kill between the fallback's renames lost a partition for good, and `run` then
    skipped its documents for ever. Renames 1-2 swap `documents`, 3 moves `scores` aside."""
    src, out = _four_parts(parts4, tmp_path)
    before = counts(out)
    script = _KILLED_COMPACT.format(kill_at=kill_at, out=str(out))
    killed = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300, cwd=ROOT)
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    if recover_with == "run":
        again = subprocess.run(run_cmd(src, out, "--workers", "1"), capture_output=True, text=True, timeout=300)
        assert again.returncode == 0, again.stderr
        assert "4 already done" in again.stdout  # nothing redone, nothing lost
    else:
        again = subprocess.run([sys.executable, PIPELINE, "compact", str(out)], capture_output=True, text=True,
                               timeout=300)
        assert again.returncode == 0, again.stderr
    assert counts(out) == before
    _no_leftovers(out)
