# ita-extract: the two quick-start commands are `make demo` and `make test`.
VENV := .venv
STAMP := $(VENV)/.installed

.PHONY: demo test test-fast setup samples bench bench-ocr bench-batch bench-heldout bench-heldout-scans bench-ab corpus clean

demo: $(STAMP)  ## set up, extract samples/ into out/, print the summary, write out/report.html
	$(VENV)/bin/ita-extract run samples --out out
	@$(VENV)/bin/ita-extract report out --html out/report.html >/dev/null
	@echo "report: $(CURDIR)/out/report.html"

# Tests run in two processes (pytest-xdist): the two cores the 15-minute budget is measured on. Each test is
# isolated (its own tmp folders; session fixtures run once per process), so they pass the same in one.
PYTEST_WORKERS ?= 2

test: $(STAMP)  ## set up, then lint (ruff, import-linter) and run the whole test suite (unit, doctests, end to end)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/lint-imports --no-cache
	$(VENV)/bin/python -m pytest -n $(PYTEST_WORKERS)

test-fast: $(STAMP)  ## the edit loop: every test not marked slow (no OCR end to end, batches, notebook, browser)
	$(VENV)/bin/python -m pytest -m "not slow" -n $(PYTEST_WORKERS)

setup: $(STAMP)

$(STAMP): pyproject.toml constraints.txt scripts/setup.sh
	bash scripts/setup.sh
	touch $(STAMP)

samples: $(STAMP)  ## rebuild samples/*.pdf from samples/content/
	$(VENV)/bin/python -m samples.make_samples

bench: $(STAMP)  ## digital speed against pdfplumber alone, on samples/
	$(VENV)/bin/python -m benchmarks.bench_digital

bench-ocr: $(STAMP)  ## OCR accuracy and time per page against the tesseract CLI; grid against img2table
	$(VENV)/bin/python -m benchmarks.bench_ocr
	$(VENV)/bin/python -m benchmarks.bench_numerals
	$(VENV)/bin/python -m benchmarks.bench_numerals --pairs
	$(VENV)/bin/python -m benchmarks.bench_numerals --codes
	$(VENV)/bin/pip install -q img2table && $(VENV)/bin/python -m benchmarks.bench_grid

bench-batch: $(STAMP)  ## 200 documents: 1 and 2 workers, Dask, memory over 500 documents (about 20 min)
	$(VENV)/bin/python -m benchmarks.bench_batch

clean:
	rm -rf out .pytest_cache

bench-heldout: $(STAMP)  ## held-out accuracy on generated reports, per producer (needs chromium, libreoffice-writer-nogui; about 20 min)
	$(VENV)/bin/python -m benchmarks.bench_heldout

bench-heldout-scans: $(STAMP)  ## held-out generated reports printed and scanned (300/200/150 dpi, phone), per variant; checks the renderings against the pinned ones (needs chromium, libreoffice-writer-nogui; about 40 min)
	nice $(VENV)/bin/python -m benchmarks.bench_heldout_scans

bench-ab: $(STAMP)  ## page OCR time of this checkout against BASE (a git revision), the same held-out pages read in turn: make bench-ab BASE=main
	$(VENV)/bin/python -m benchmarks.bench_ab --base $(or $(BASE),HEAD)

corpus: $(STAMP)  ## generate reports with ground truth: make corpus SEEDS=0-49 OUT=corpus-dev
	$(VENV)/bin/python -m benchmarks.corpus.generate --seeds $(or $(SEEDS),0-25) --out $(or $(OUT),corpus-dev) --jobs 2
