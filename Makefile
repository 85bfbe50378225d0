# ita-extract: the two quick-start commands are `make demo` and `make test`.
VENV := .venv
STAMP := $(VENV)/.installed

.PHONY: demo test setup samples bench bench-ocr bench-batch bench-heldout corpus clean

demo: $(STAMP)  ## set up, extract samples/ into out/, print the summary, write out/report.html
	$(VENV)/bin/ita-extract run samples --out out
	@$(VENV)/bin/ita-extract report out --html out/report.html >/dev/null
	@echo "report: $(CURDIR)/out/report.html"

test: $(STAMP)  ## set up, then run the whole test suite (unit, doctests, end to end)
	$(VENV)/bin/python -m pytest

setup: $(STAMP)

$(STAMP): pyproject.toml scripts/setup.sh
	bash scripts/setup.sh
	touch $(STAMP)

samples: $(STAMP)  ## rebuild samples/*.pdf from samples/content/
	$(VENV)/bin/python samples/make_samples.py

bench: $(STAMP)  ## digital speed against pdfplumber alone, on samples/
	$(VENV)/bin/python benchmarks/bench_digital.py

bench-ocr: $(STAMP)  ## OCR accuracy and time per page against the tesseract CLI; grid against img2table
	$(VENV)/bin/python benchmarks/bench_ocr.py
	$(VENV)/bin/python benchmarks/bench_numerals.py
	$(VENV)/bin/pip install -q img2table && $(VENV)/bin/python benchmarks/bench_grid.py

bench-batch: $(STAMP)  ## 200 documents: 1 and 2 workers, Dask, memory over 500 documents (about 20 min)
	$(VENV)/bin/python benchmarks/bench_batch.py

clean:
	rm -rf out .pytest_cache

bench-heldout: $(STAMP)  ## held-out accuracy on generated reports, per producer (needs chromium, libreoffice-writer-nogui; about 20 min)
	$(VENV)/bin/python benchmarks/bench_heldout.py

corpus: $(STAMP)  ## generate reports with ground truth: make corpus SEEDS=0-49 OUT=corpus-dev
	$(VENV)/bin/python -m benchmarks.corpus.generate --seeds $(or $(SEEDS),0-25) --out $(or $(OUT),corpus-dev) --jobs 2
