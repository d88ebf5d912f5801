# The two Quick start commands: `make run` and `make test`. Both create .venv on first use.
PYTHON ?= python3
# The project's own byte-code is kept in __pycache__ (ignored by git). A machine that sets
# PYTHONDONTWRITEBYTECODE (as container images often do) would have every process compile the
# package from source again: each test worker, each `catalyst` a test starts, each child process,
# each start-up a benchmark times (byte-compiled, as an installed package is).
unexport PYTHONDONTWRITEBYTECODE
VENV := .venv
BIN := $(VENV)/bin
# Every install is pinned by constraints.txt (`make upgrade` refreshes it), the environment uv
# builds the package in too (hatchling). pip installs uv alone (pinned there as well), and uv the
# rest: pip took 25 s of a fresh clone's 29 s set-up resolving ~60,000 index links; uv takes 1.5 s.
# Nothing is byte-compiled as it is installed: a module is compiled when it is first imported, and
# kept (above). Compiling all 3,500 modules installed took 6.7 CPU-s of a fresh clone's set-up;
# the suite imports about 700 of them, which its first collection compiles in well under one.
LOCK := constraints.txt
UV := $(BIN)/uv
PIP := $(UV) pip install --quiet --python $(BIN)/python \
	--constraints $(LOCK) --build-constraints $(LOCK)
RUN_STAMP := $(VENV)/.installed-run
STAMP := $(VENV)/.installed-test

.PHONY: run demo test types suite test-fast truth lint bench screenshots snapshots upgrade clean

# The suite on five workers a core (pytest-xdist; WORKERS=1 for one), each test handed to
# whichever worker is free; tests/conftest.py starts the long proofs and the slow tests first,
# so none is left for last. Most tests wait (on a subprocess, a terminal, a loopback server):
# one worker a core left the cores idle half the time (6 min 23 s on 2 cores; 4 min with two a
# core), and on a machine busy with other work more workers take more of it (two CPU-bound
# processes beside the suite on 2 cores: 519 s with two a core, 436 s with three; 408 s and
# 382 s with three and five, the same day; docs/performance.md, "The suite's time").
WORKERS ?= $(shell $(PYTHON) -c 'import os; print(5 * (os.cpu_count() or 1))')
PARALLEL := -n $(WORKERS) --dist loadgroup

# What running needs (make run, make demo), or that and the test tools (everything else) in one
# install: a fresh clone's `make test` resolves and builds the package once, not twice (5 s of a
# busy machine's set-up). The test install holds the run's, so it marks both done.
$(UV):
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@PIP_CONSTRAINT=$(CURDIR)/$(LOCK) $(BIN)/python -m pip install --quiet uv

$(RUN_STAMP): pyproject.toml $(LOCK) | $(UV)
	$(PIP) -e .
	@touch $(RUN_STAMP)

$(STAMP): pyproject.toml $(LOCK) | $(UV)
	$(PIP) -e '.[test]'
	@touch $(RUN_STAMP) $(STAMP)

run: $(RUN_STAMP)  ## open catalyst on your own catalysts.toml (a copy of the bundled example, made on the first run; catalyst says where)
	$(BIN)/catalyst

demo: $(RUN_STAMP)  ## catalyst demo: the TUI on a live thesis, offline, fed by a replay market on 127.0.0.1
	$(BIN)/catalyst demo

# The type checker runs beside the suite (its one line printed when it ends): alone first, it
# was 24 of a busy fresh clone's 460 s, and both finish before make says which failed.
test: $(STAMP)  ## lint, check imports and types, and run the whole test suite (the long kill -9 and concurrency proofs included)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports
	@$(MAKE) --no-print-directory -j2 types suite

# mypy on a worker a core (`-n auto`): the same 17 CPU-s a fresh clone, in half the time (17.2 s
# against 9.3 s on 2 cores, quiet); beside the collection below, on a busy machine, the two take
# a larger share of the cores.
types: $(STAMP)
	@$(BIN)/mypy -n auto > $(VENV)/mypy.out 2>&1; status=$$?; cat $(VENV)/mypy.out; exit $$status

# Each test module is collected once in one process before the workers start: pytest keeps each
# module with its asserts rewritten in __pycache__, and on a fresh clone every worker otherwise
# rewrote all of them at once (13.9 CPU-s a collection cold, 4.6 warm: 90 CPU-s of ten workers'
# start). Its output is dropped: a module that fails to collect fails the run that follows.
WARM := $(BIN)/python -m pytest -q --collect-only -p no:cacheprovider > /dev/null || true

suite: $(STAMP)
	@$(WARM)
	$(BIN)/python -m pytest -q $(PARALLEL)

test-fast: $(STAMP)  ## the suite without the tests marked long (tests/jobs/test_durability.py, test_concurrency.py)
	@$(WARM)
	$(BIN)/python -m pytest -q $(PARALLEL) -m "not long"

truth: $(STAMP)  ## every reader over every real file of its kind in ../shared (CATALYST_SHARED), its laws asserted, a line a file
	$(BIN)/python tools/truth.py

screenshots: $(STAMP)  ## screenshots/*.svg from the app running catalyst demo at a fixed moment
	$(BIN)/python tools/screenshots.py

snapshots: $(STAMP)  ## accept changed snapshot tests (look at the SVGs before committing)
	$(BIN)/python -m pytest -q tests/tui/test_snapshots.py --snapshot-update

bench: $(STAMP)  ## every benchmark in bench/, then one table: figures, floors, goals (about 16 min on 2 cores)
	$(BIN)/python bench/run.py

lint: $(STAMP)  ## ruff, the import contracts and the type checker
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports
	$(BIN)/mypy

upgrade:  ## refresh constraints.txt from the newest releases pyproject.toml allows, then run the whole suite on them
	rm -rf .venv-upgrade
	$(PYTHON) -m venv .venv-upgrade
	.venv-upgrade/bin/python -m pip install --quiet hatchling uv '.[test]'
	{ sed -n '1,3p' $(LOCK); .venv-upgrade/bin/python -m pip freeze --exclude-editable | grep -vi '^catalyst-tui'; } > $(LOCK).new
	mv $(LOCK).new $(LOCK)
	rm -rf .venv-upgrade $(RUN_STAMP) $(STAMP)
	$(MAKE) test
	@echo "constraints.txt refreshed: git diff $(LOCK) shows what moved (a Textual release: make snapshots, look, commit)"

clean:
	rm -rf $(VENV) .venv-upgrade .pytest_cache .ruff_cache .hypothesis .mypy_cache .import_linter_cache .grimp_cache
