# Two commands do all set-up on a fresh machine: `make run` and `make test`.
PYTHON ?= python3.11
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: run test install evaluate bench throughput model clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

## run: extract every seed page into out/seeds.jsonl and score it against annotations/
run: $(STAMP)
	mkdir -p out
	$(BIN)/trialex extract seeds/ -o out/seeds.jsonl
	$(BIN)/trialex evaluate --gold annotations --pred out/seeds.jsonl --pages seeds --report out/report -q
	@echo "records: out/seeds.jsonl   evaluation: out/report/report.html (metrics.json, report.md)"

## evaluate: seed extraction scored against the gold; fails when a figure drops below its floor
evaluate: $(STAMP)
	mkdir -p out
	$(BIN)/trialex extract seeds/ -o out/seeds.jsonl -q
	$(BIN)/trialex evaluate --gold annotations --pred out/seeds.jsonl --pages seeds \
		--report out/report --fail-under benchmarks/fail_under_seeds.json --strict

## test: the seed evaluation with its floors, then the whole test suite (what CI runs)
test: evaluate
	$(BIN)/python -m pytest -q

## bench: the external benchmarks (needs ../shared/bench), results into benchmarks/RESULTS.md
bench: $(STAMP)
	benchmarks/run_all.sh

## throughput: pages/s of tokenizer vs layout vs full pipeline
throughput: $(STAMP)
	$(BIN)/python benchmarks/throughput.py --pages 600

## model: rebuild models/trialex_core from the sources
model: $(STAMP)
	$(BIN)/trialex build-model -o models/trialex_core

clean:
	rm -rf $(VENV) out
