# ita-extract: the two quick-start commands are `make demo` and `make test`.
VENV := .venv
STAMP := $(VENV)/.installed

.PHONY: demo test setup samples bench clean

demo: $(STAMP)  ## set up, then extract samples/ into out/ and print the summary
	$(VENV)/bin/ita-extract run samples --out out

test: $(STAMP)  ## set up, then run the whole test suite (unit, doctests, end to end)
	$(VENV)/bin/python -m pytest

setup: $(STAMP)

$(STAMP): pyproject.toml scripts/setup.sh
	bash scripts/setup.sh
	touch $(STAMP)

samples: $(STAMP)  ## rebuild samples/*.pdf from samples/content/
	$(VENV)/bin/python samples/make_samples.py

bench: $(STAMP)  ## speed against pdfplumber alone, on samples/
	$(VENV)/bin/python benchmarks/bench_digital.py

clean:
	rm -rf out .pytest_cache
