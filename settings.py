"""Run settings: one frozen, validated dataclass passed explicitly."""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from errors import BadArgs

#: Version of the output contract (../shared/CONTRACT.md) written to ``documents.schema_version``.
SCHEMA_VERSION = "1"
#: Version of the extractor, recorded so a re-run can tell stale rows (see CHANGELOG.md).
EXTRACTOR_VERSION = "0.2.0"

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
        out = Path(self.out)
        if out.exists() and not out.is_dir():
            raise BadArgs(f"--out {out} exists and is not a folder.")


def default_workers() -> int:
    return max(1, os.cpu_count() or 1)
