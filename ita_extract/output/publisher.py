"""Publishing results while a batch runs, in parts of a sensible size.

Results are buffered and written every ``flush_docs`` documents or
``flush_seconds`` seconds (whichever comes first), so a batch of thousands
writes a few dozen Parquet parts rather than one per document, and a run
killed at any moment has published everything up to its last flush: the
next run skips those documents (see ``existing_documents``) and does the
rest. ``ita-extract compact`` later rewrites a table into few files.
"""
from __future__ import annotations

import time
import uuid
from collections import Counter
from pathlib import Path

from ita_extract.output.parquet import present_documents, write_results
from ita_extract.model import DocumentResult
from ita_extract.settings import DEFAULT_FLUSH_DOCS

DEFAULT_FLUSH_SECONDS = 60.0


class Publisher:
    def __init__(self, out: Path, flush_docs: int = DEFAULT_FLUSH_DOCS,
                 flush_seconds: float = DEFAULT_FLUSH_SECONDS) -> None:
        self.out = out
        self.flush_docs = flush_docs
        self.flush_seconds = flush_seconds
        self.run_id = uuid.uuid4().hex[:12]
        self.rows: Counter = Counter()
        # documents with rows before this run: only they can need replacing
        # (each document is published once per run), so flushes never rescan
        self._present = present_documents(out)
        self._buffer: list[DocumentResult] = []
        self._last = time.monotonic()

    def add(self, result: DocumentResult) -> None:
        self._buffer.append(result)
        if len(self._buffer) >= self.flush_docs or time.monotonic() - self._last >= self.flush_seconds:
            self.flush()

    def flush(self) -> None:
        if self._buffer:
            self.rows.update(write_results(self.out, self._buffer, self.run_id, self._present))
            self._buffer = []
        self._last = time.monotonic()
