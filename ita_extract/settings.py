"""Run settings: one frozen, validated dataclass passed explicitly."""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from ita_extract.errors import BadArgs

#: Version of the output contract (../shared/CONTRACT.md) written to ``documents.schema_version``.
SCHEMA_VERSION = "1"
#: Version of the extractor, recorded so a re-run can tell stale rows (see CHANGELOG.md).
EXTRACTOR_VERSION = "0.37.6"

DEFAULT_MIN_CHARS_PER_PAGE = 20
DEFAULT_MAX_BAD_CHAR_RATIO = 0.10
DEFAULT_WORKERS = 1
DEFAULT_TIMEOUT_S = 600.0
#: A worker process is replaced after this many documents, or past this
#: much resident memory: pdfminer's caches and OCR engines grow.
DEFAULT_MAX_DOCS_PER_WORKER = 50
DEFAULT_MAX_RSS_MB = 1500.0
#: Results are published every this many documents (one Parquet part per table).
DEFAULT_FLUSH_DOCS = 50
DEFAULT_OCR_TIMEOUT_S = 120.0
#: A worker process may grow by this much address space (RLIMIT_AS, counted
#: from what it holds at start), in MiB: a document that needs more fails
#: alone (``out-of-memory``), the machine stays up. Reading a 300-dpi scanned
#: report grows a worker by about 320 MiB. 0: no limit.
DEFAULT_WORKER_MEMORY_MB = 2048.0
#: A page that would render to more pixels than this at 300 dpi is not
#: rendered (``page-too-large``): A0 is 140 million, A4 8.7 million.
DEFAULT_MAX_PAGE_MPIXELS = 150.0
#: An embedded image declaring more pixels than this is not decoded
#: (``image-too-large``): a 600-dpi A3 scan is 70 million.
DEFAULT_MAX_IMAGE_MPIXELS = 150.0
#: How long a run or compact waits for another writer of the same --out (s).
DEFAULT_LOCK_WAIT_S = 0.0
OCR_MODES = ("auto", "always", "never")


@dataclass(frozen=True)
class Settings:
    """Everything a run needs to know, checked once in ``__post_init__``.

    ``inputs``: files or folders (folders are searched recursively for ``*.pdf``).
    ``out``: the output folder holding one Parquet dataset per table.
    ``min_chars_per_page``: fewer text-layer characters than this and a page
    counts as having no usable text layer (a scan).
    ``max_bad_char_ratio``: share of unmapped glyphs (``(cid:N)``, U+FFFD,
    control characters) above which a text layer counts as broken.
    ``worker_memory_mb``, ``max_page_mpixels``, ``max_image_mpixels``: the
    limits that make a decompression bomb fail its document (see the defaults).
    ``lock_wait_s``: how long to wait for another writer of ``out``.
    ``debug_dir``: when set, every page read is also drawn there, one folder
    per document (see :mod:`extract.debug`); it never changes a row.
    """

    inputs: tuple[Path, ...]
    out: Path
    workers: int = DEFAULT_WORKERS
    timeout_s: float = DEFAULT_TIMEOUT_S
    min_chars_per_page: int = DEFAULT_MIN_CHARS_PER_PAGE
    max_bad_char_ratio: float = DEFAULT_MAX_BAD_CHAR_RATIO
    ocr: str = "auto"
    ocr_timeout_s: float = DEFAULT_OCR_TIMEOUT_S
    force: bool = False  # redo documents already in the output
    max_docs_per_worker: int = DEFAULT_MAX_DOCS_PER_WORKER
    max_rss_mb: float = DEFAULT_MAX_RSS_MB
    flush_docs: int = DEFAULT_FLUSH_DOCS
    dask: str | None = None  # a scheduler address, or "local" for a LocalCluster
    progress: bool | None = None  # None: a bar when stderr is a terminal
    debug_dir: Path | None = None
    worker_memory_mb: float = DEFAULT_WORKER_MEMORY_MB
    max_page_mpixels: float = DEFAULT_MAX_PAGE_MPIXELS
    max_image_mpixels: float = DEFAULT_MAX_IMAGE_MPIXELS
    lock_wait_s: float = DEFAULT_LOCK_WAIT_S
    repair_text_layer: bool = True  # judge each digital page's text; repair it or OCR it (extract/trust.py)

    def __post_init__(self) -> None:
        if not self.inputs:
            raise BadArgs("No input given: name at least one PDF file or folder.")
        missing = [str(p) for p in self.inputs if not Path(p).exists()]
        if missing:
            raise BadArgs(f"Input not found: {', '.join(missing)}.")
        if self.workers < 0:
            raise BadArgs(f"--workers must be 0 (in process) or more, not {self.workers}.")
        if self.timeout_s <= 0:
            raise BadArgs(f"--timeout must be positive, not {self.timeout_s}.")
        if self.max_docs_per_worker < 1 or self.flush_docs < 1:
            raise BadArgs("max_docs_per_worker and flush_docs must be at least 1.")
        if self.ocr not in OCR_MODES:
            raise BadArgs(f"--ocr must be one of {', '.join(OCR_MODES)}, not {self.ocr!r}.")
        if self.ocr_timeout_s <= 0:
            raise BadArgs(f"--ocr-timeout must be positive, not {self.ocr_timeout_s}.")
        if self.min_chars_per_page < 0:
            raise BadArgs("min_chars_per_page must not be negative.")
        if not 0.0 <= self.max_bad_char_ratio <= 1.0:
            raise BadArgs("max_bad_char_ratio must be between 0 and 1.")
        if self.worker_memory_mb < 0 or self.max_page_mpixels <= 0 or self.max_image_mpixels <= 0:
            raise BadArgs("worker_memory_mb must be 0 (no limit) or more; the pixel caps must be positive.")
        if self.lock_wait_s < 0:
            raise BadArgs(f"--wait must be 0 or more seconds, not {self.lock_wait_s}.")
        out = Path(self.out)
        if out.exists() and not out.is_dir():
            raise BadArgs(f"--out {out} exists and is not a folder.")
        if self.debug_dir is not None:
            self._check_debug_dir(Path(self.debug_dir), out)

    @staticmethod
    def _check_debug_dir(debug: Path, out: Path) -> None:
        if debug.exists() and not debug.is_dir():
            raise BadArgs(f"--debug-dir {debug} exists and is not a folder.")
        if debug.resolve() == out.resolve():
            raise BadArgs("--debug-dir must not be the --out folder: a document named like a table "
                          "would write its pages into that table.")


def default_workers() -> int:
    return max(1, os.cpu_count() or 1)
