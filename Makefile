# The few commands people type. Everything installs into .venv from this repository's own files.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint bench compile clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

# Byte-compile the package as pip does for a regular install: where PYTHONDONTWRITEBYTECODE
# is set, every command would otherwise compile cockpit again (about 40 ms of each run).
compile: $(STAMP)
	$(BIN)/python -m compileall -q src > /dev/null

demo: compile
	$(BIN)/cockpit check examples/robot-soudage || true

# Every process of the suite (two workers, the commands some tests run) would otherwise compile
# cockpit and rewrite the test modules again where PYTHONDONTWRITEBYTECODE is set: 2 s of each
# worker. worksteal: a worker out of tests takes some of the other's, the longest run first.
test: $(STAMP)
	env -u PYTHONDONTWRITEBYTECODE $(BIN)/python -m pytest -n auto --dist worksteal

lint: $(STAMP)
	$(BIN)/ruff check src tests
	$(BIN)/mypy
	$(BIN)/lint-imports

bench: compile
	$(BIN)/python bench/bench_check.py
	$(BIN)/python bench/bench_batch.py

clean:
	rm -rf $(VENV) build *.egg-info
