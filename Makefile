# The two Quick start commands: `make run` and `make test`. Both create .venv on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test test-fast lint bench screenshots snapshots clean

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $(STAMP)

run: $(STAMP)  ## open catalyst on your own catalysts.toml (a copy of the bundled example, made on the first run; catalyst says where)
	$(BIN)/catalyst

test: $(STAMP)  ## lint, check imports and types, and run the whole test suite (the minutes-long kill -9 and concurrency proofs included)
	$(BIN)/ruff check .
	$(BIN)/lint-imports
	$(BIN)/mypy
	$(BIN)/python -m pytest -q

test-fast: $(STAMP)  ## the suite without the tests marked long (tests/test_durability.py, test_concurrency.py)
	$(BIN)/python -m pytest -q -m "not long"

screenshots: $(STAMP)  ## screenshots/*.svg from the app on fixed demo data
	$(BIN)/python tools/screenshots.py

snapshots: $(STAMP)  ## accept changed snapshot tests (look at the SVGs before committing)
	$(BIN)/python -m pytest -q tests/tui/test_snapshots.py --snapshot-update

bench: $(STAMP)  ## every benchmark in bench/, then one table: figures, floors, goals (3-4 min)
	$(BIN)/python bench/run.py

lint: $(STAMP)  ## ruff, the import contracts and the type checker
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports
	$(BIN)/mypy

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .hypothesis .mypy_cache .import_linter_cache .grimp_cache
