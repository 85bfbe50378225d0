"""The Parquet output against ../shared/CONTRACT.md: every reader reads it (with a
failed document in the batch, TRAPS.md), types match, doc_id is the file's sha256,
re-runs add no duplicates, and a publish that dies half-way leaves nothing half-written.
"""
from __future__ import annotations

import hashlib
import os
import shutil
import types
from pathlib import Path

import pyarrow as pa
import pyarrow.dataset as ds
import pyarrow.parquet as pq
import pytest
from tests.conftest import FIXTURES, SAMPLES

TABLES = ("documents", "scores", "analyses", "measures", "problems")

_s, _i32, _f64, _d32 = pa.string(), pa.int32(), pa.float64(), pa.date32()
_list_s = pa.list_(pa.string())
_COMMON = {"doc_id": _s, "fiscal_year": _i32}
#: Column → Arrow type, as written in CONTRACT.md (extra columns are allowed).
CONTRACT = {
    "documents": {**_COMMON, "source_file": _s, "agency": _s, "pages": _i32, "text_source": _s,
                  "status": _s, "error": _s, "schema_version": _s},
    "scores": {**_COMMON, "indicator": _i32, "indicator_name": _s, "page": _i32, "tool": _s,
               "question": _s, "question_text": _s, "score": _f64},
    "analyses": {**_COMMON, "indicator": _i32, "indicator_name": _s, "page": _i32,
                 "lowest_questions": _list_s, "cause": _s, "guideline": _s, "references": _list_s},
    "measures": {**_COMMON, "indicator": _i32, "indicator_name": _s, "page": _i32, "seq": _i32,
                 "measure": _s, "finding": _s, "steps": _s, "period_text": _s,
                 "period_start": _d32, "period_end": _d32, "responsible": _s},
    "problems": {**_COMMON, "severity": _s, "code": _s, "message": _s, "indicator": _i32, "page": _i32},
}


def run(inputs: list[Path], out: Path) -> int:
    from pipeline import main

    return main(["run", *map(str, inputs), "--out", str(out), "--quiet", "--no-progress"])


def arrow_table(out: Path, table: str) -> pa.Table:
    return ds.dataset(out / table, partitioning="hive").to_table()


def doc_ids(out: Path, table: str) -> list[str]:
    """doc_id of every row of ``table`` (empty when the table has no part file)."""
    if not (out / table).exists():
        return []
    t = arrow_table(out, table)
    return t.column("doc_id").to_pylist() if "doc_id" in t.column_names else []


def counts(out: Path) -> dict[str, int]:
    return {t: len(doc_ids(out, t)) for t in TABLES}


def all_files(out: Path) -> list[Path]:
    return [Path(d) / f for d, _, files in os.walk(out) for f in files]


@pytest.fixture(scope="module")
def inputs(tmp_path_factory) -> Path:
    """A good sample, a valid PDF that is not an ITA report and a zero-byte file."""
    pdfs = sorted(SAMPLES.glob("*.pdf"))
    if not pdfs:
        pytest.fail("samples/*.pdf are missing: run `make samples`")
    not_ita = FIXTURES / "not-ita.pdf"
    assert not_ita.exists(), f"{not_ita} is missing: run tests/fixtures/make_fixtures.py"
    src = tmp_path_factory.mktemp("out-in")
    shutil.copyfile(pdfs[0], src / "good.pdf")
    shutil.copyfile(not_ita, src / "memo.pdf")
    (src / "empty.pdf").write_bytes(b"")
    return src


@pytest.fixture(scope="module")
def batch(inputs, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("out")
    assert run([inputs], out) == 3  # two failed documents
    return out


def test_batch_has_failed_and_good_documents(batch):
    status = sorted(arrow_table(batch, "documents").column("status").to_pylist())
    assert status == ["failed", "failed", "ok"]


@pytest.mark.parametrize("table", TABLES)
def test_every_reader_reads_every_table(batch, table):
    import duckdb
    import pandas as pd
    import polars as pl

    n_pandas = len(pd.read_parquet(batch / table))
    n_arrow = ds.dataset(batch / table, partitioning="hive").count_rows()
    n_polars = pl.read_parquet(f"{batch}/{table}/**/*.parquet", hive_partitioning=True).height
    n_duckdb = duckdb.sql(
        f"SELECT count(*) FROM read_parquet('{batch}/{table}/**/*.parquet', hive_partitioning=true)"
    ).fetchall()[0][0]
    assert n_arrow > 0
    assert n_pandas == n_arrow == n_polars == n_duckdb


@pytest.mark.parametrize("table", TABLES)
def test_columns_and_types_match_the_contract(batch, table):
    schema = ds.dataset(batch / table, partitioning="hive").schema
    for name, want in CONTRACT[table].items():
        assert name in schema.names, f"{table}.{name} is missing"
        got = schema.field(name).type
        if pa.types.is_list(want):
            assert pa.types.is_list(got) and got.value_type == want.value_type, f"{table}.{name}: {got}"
        else:
            assert got == want, f"{table}.{name} is {got}, the contract says {want}"


@pytest.mark.parametrize("table", TABLES)
def test_other_readers_see_the_same_columns(batch, table):
    import duckdb
    import polars as pl

    want = set(CONTRACT[table])
    assert want <= set(pl.read_parquet(f"{batch}/{table}/**/*.parquet", hive_partitioning=True).columns)
    cols = duckdb.sql(f"SELECT * FROM read_parquet('{batch}/{table}/**/*.parquet', hive_partitioning=true) "
                      "LIMIT 0").columns
    assert want <= set(cols)


def test_doc_id_is_sha256_of_the_file(batch, inputs):
    docs = arrow_table(batch, "documents").to_pylist()
    assert len(docs) == 3
    for d in docs:
        want = hashlib.sha256((inputs / d["source_file"]).read_bytes()).hexdigest()
        assert d["doc_id"] == want, d["source_file"]
    ids = {d["doc_id"] for d in docs}
    for table in TABLES:
        assert set(arrow_table(batch, table).column("doc_id").to_pylist()) <= ids, table


def test_fiscal_year_partitions(batch):
    docs = arrow_table(batch, "documents").to_pylist()
    for d in docs:
        if d["status"] == "failed":
            assert d["fiscal_year"] in (None, 0)  # unknown: partition 0 (output/schema.py)
        else:
            assert 2500 < d["fiscal_year"] < 2700  # Buddhist era
    assert (batch / "documents" / "fiscal_year=0").is_dir()
    assert not [p for p in all_files(batch) if "fiscal_year=None" in str(p) or "__HIVE_DEFAULT" in str(p)]


def test_schema_version_is_1(batch):
    assert set(arrow_table(batch, "documents").column("schema_version").to_pylist()) == {"1"}


@pytest.mark.slow
def test_rerun_adds_no_duplicates(inputs, tmp_path):
    out = tmp_path / "out"
    assert run([inputs], out) == 3
    first = counts(out)
    assert run([inputs], out) == 3
    assert counts(out) == first
    # a re-run of one document replaces only that document's rows
    assert run([inputs / "good.pdf"], out) == 0
    assert counts(out) == first
    docs = arrow_table(out, "documents").column("doc_id").to_pylist()
    assert len(docs) == len(set(docs)) == 3


# --- a publish that dies half-way -------------------------------------------

def _failing_os(after: int):
    """``os`` for output.parquet whose ``replace`` raises OSError after ``after`` calls."""
    calls = {"n": 0}

    def replace(src, dst, *args, **kwargs):
        calls["n"] += 1
        if calls["n"] > after:
            raise OSError(28, "No space left on device")
        return os.replace(src, dst, *args, **kwargs)

    fake = types.ModuleType("os")
    fake.__dict__.update(os.__dict__)
    fake.replace = replace
    return fake, calls


def _assert_nothing_half_written(out: Path) -> None:
    files = all_files(out)
    tmps = [p for p in files if p.name.endswith(".parquet.tmp")]
    assert not tmps, f"temporaries left behind: {tmps}"
    for p in files:
        if p.name.endswith(".parquet"):
            pq.read_table(p)  # raises on a half-written file


def _assert_committed_documents_are_complete(out: Path, reference: Path) -> None:
    """Every document with a documents row (the commit mark) has all its rows."""
    committed = set(doc_ids(out, "documents"))
    for table in TABLES:
        ref, got = doc_ids(reference, table), doc_ids(out, table)
        for doc_id in committed:
            assert got.count(doc_id) == ref.count(doc_id), f"{table}: document {doc_id[:12]} is incomplete"


def test_failed_publish_leaves_nothing_half_written(inputs, batch, tmp_path, monkeypatch, capsys):
    import ita_extract.output.parquet as parquet

    out = tmp_path / "out"
    fake, calls = _failing_os(after=1)
    monkeypatch.setattr(parquet, "os", fake)
    code = run([inputs], out)
    assert calls["n"] >= 2, "the publish never reached its second rename"
    assert code == 5  # ExitCode.output_not_writable
    assert "Cannot write" in capsys.readouterr().err
    _assert_nothing_half_written(out)
    # the documents row is the commit mark: no document may look finished but lack rows
    _assert_committed_documents_are_complete(out, batch)
    # the next run redoes it all and gives the right counts
    monkeypatch.setattr(parquet, "os", os)
    assert run([inputs], out) == 3
    _assert_nothing_half_written(out)
    assert counts(out) == counts(batch)


def test_failed_republish_keeps_output_consistent(inputs, batch, tmp_path, monkeypatch):
    import ita_extract.output.parquet as parquet

    out = tmp_path / "out"
    assert run([inputs], out) == 3
    fake, _ = _failing_os(after=1)
    monkeypatch.setattr(parquet, "os", fake)
    assert run([inputs], out) == 5
    _assert_nothing_half_written(out)
    _assert_committed_documents_are_complete(out, batch)
    monkeypatch.setattr(parquet, "os", os)
    assert run([inputs], out) == 3
    _assert_nothing_half_written(out)
    assert counts(out) == counts(batch)


@pytest.mark.slow
def test_next_run_removes_stale_temporaries(inputs, batch, tmp_path):
    """Temporaries of a killed run (``kill -9`` skips every cleanup) go away on the next run."""
    out = tmp_path / "out"
    assert run([inputs], out) == 3
    stale = []
    for table in ("documents", "scores"):
        for part in (out / table).glob("fiscal_year=*"):
            p = part / ".part-killed-0000.parquet.tmp"
            p.write_bytes(b"PAR1 half a file")
            stale.append(p)
    assert stale
    assert run([inputs], out) == 3
    assert not [p for p in stale if p.exists()], "stale temporaries survived the next run"
    _assert_nothing_half_written(out)
    assert counts(out) == counts(batch)


# --- issue 12: every published part consistent --------------------------------

def _assert_no_row_without_its_commit_mark(out: Path) -> None:
    committed = set(doc_ids(out, "documents"))
    for table in TABLES:
        orphans = set(doc_ids(out, table)) - committed
        assert not orphans, f"{table} has rows of {len(orphans)} document(s) with no documents row"


def _full_disk(after: int):
    """``pq.write_table`` for output.parquet that fails like a full disk after ``after`` files."""
    calls = {"n": 0}

    def write_table(table, where, *args, **kwargs):
        calls["n"] += 1
        if calls["n"] > after:
            Path(where).write_bytes(b"PAR1 half")  # what a full disk leaves: part of a file
            raise OSError(28, "No space left on device")
        return pq.write_table(table, where, *args, **kwargs)

    return types.SimpleNamespace(write_table=write_table, read_table=pq.read_table), calls


@pytest.mark.slow
@pytest.mark.parametrize("after", [1, 3])
def test_full_disk_leaves_no_row_without_its_documents_row(inputs, batch, tmp_path, monkeypatch, after):
    """Before: exit 5 as documented, but scores, analyses and measures rows stayed with no
    ``documents`` row (and a rerun of other inputs never removed them)."""
    import ita_extract.output.parquet as parquet

    out = tmp_path / "out"
    fake, calls = _full_disk(after)
    monkeypatch.setattr(parquet, "pq", fake)
    assert run([inputs], out) == 5
    assert calls["n"] > after
    _assert_nothing_half_written(out)
    _assert_no_row_without_its_commit_mark(out)
    monkeypatch.setattr(parquet, "pq", pq)
    assert run([inputs], out) == 3
    assert counts(out) == counts(batch)


def test_failed_rename_half_way_is_undone(inputs, batch, tmp_path, monkeypatch):
    """The third rename of a publish fails: the two before it are undone."""
    import ita_extract.output.parquet as parquet

    out = tmp_path / "out"
    fake, calls = _failing_os(after=2)
    monkeypatch.setattr(parquet, "os", fake)
    assert run([inputs], out) == 5
    assert calls["n"] >= 3
    _assert_nothing_half_written(out)
    _assert_no_row_without_its_commit_mark(out)
    assert counts(out) == {t: 0 for t in TABLES}


@pytest.mark.slow
def test_foreign_empty_parquet_does_not_stop_later_runs(inputs, batch, tmp_path):
    """Before: a 0-byte ``.parquet`` copied into --out made every later run (and compact) fail
    with a traceback. Now it is ignored with a warning, and left where it is."""
    from pipeline import main

    out = tmp_path / "out"
    assert run([inputs], out) == 3
    foreign = [out / "documents" / "fiscal_year=0" / "copied.parquet", out / "scores" / "fiscal_year=0" / "x.parquet"]
    for f in foreign:
        f.parent.mkdir(parents=True, exist_ok=True)
        f.write_bytes(b"")
    assert run([inputs], out) == 3
    assert main(["run", str(inputs), "--out", str(out), "--quiet", "--no-progress", "--force"]) == 3
    assert main(["compact", str(out)]) == 0
    assert all(f.exists() and f.stat().st_size == 0 for f in foreign)
    for table in TABLES:  # what ita-extract wrote is complete and single
        rows = [r for p in (out / table).rglob("*.parquet") if p.stat().st_size
                for r in pq.read_table(p).column("doc_id").to_pylist()]
        assert len(rows) == counts(batch)[table], table


def test_a_table_path_taken_by_a_file_stops_before_the_work(inputs, tmp_path, monkeypatch, capsys):
    """Before: ``out/scores`` being a file was found only when publishing, after all the work."""
    import pipeline

    out = tmp_path / "out"
    out.mkdir()
    (out / "scores").write_text("not a folder")

    def no_work(*args, **kwargs):
        raise AssertionError("documents were read before the output was checked")

    monkeypatch.setattr(pipeline, "make_executor", no_work)
    assert run([inputs], out) == 5
    err = capsys.readouterr().err
    assert "scores" in err and "is a file" in err
    assert (out / "scores").read_text() == "not a folder"
