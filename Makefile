# `make run` and `make test` work on a fresh machine: they create .venv and install the project first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test lint typecheck check bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

# The workspace on http://$(HOST):$(PORT)/ (default 127.0.0.1:8000; `make run PORT=8080 HOST=0.0.0.0`) with SQLite in MISSIONGATE_DATA_DIR (default ~/.local/share/missiongate);
# the first run creates the admin account (its password is printed once) and two example cases: the Gaza
# inquiry and UNDOF 1996, whose resolution (S/RES/350) is in data/unsc-resolutions/ for the tour.
run: $(STAMP)
	$(BIN)/missiongate db upgrade
	$(BIN)/missiongate user add admin --role admin --display-name Administrator --if-missing
	$(BIN)/missiongate case import examples/gaza-isf-inquiry.yaml --owner admin --if-missing
	$(BIN)/missiongate case import examples/realistic/undof-1996-logistics.yaml --owner admin --if-missing
	$(BIN)/missiongate serve --host $(HOST) --port $(PORT)

# The whole suite under coverage, on as many workers as cores (pytest-xdist; each worker has its own
# PostgreSQL database); [tool.coverage.report] fail_under in pyproject.toml is the gate.
test: $(STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/mypy
	$(BIN)/lint-imports
	$(BIN)/pytest -n auto --cov=missiongate

lint: $(STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/lint-imports

typecheck: $(STAMP)
	$(BIN)/mypy

bench: $(STAMP)
	$(BIN)/python bench/bench_core.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
