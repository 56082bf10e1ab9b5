# Every target builds the virtual environment from nothing when it is missing.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: setup demo test lint bench eval fuzz clean

$(STAMP): pyproject.toml requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $(STAMP)

setup: $(STAMP)

demo: $(STAMP)
	$(BIN)/claimgraph demo

test: $(STAMP)
	$(BIN)/python -m pytest -q

lint: $(STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/mypy src

bench: $(STAMP)
	$(BIN)/python bench/cli.py
	$(BIN)/python bench/run.py
	$(BIN)/python bench/linking.py --sizes 1000,10000,100000
	$(BIN)/python bench/watch_scale.py --sizes 1000,10000
	$(BIN)/python bench/memory.py --sizes 10000,100000
	$(BIN)/python bench/web.py

# The whole fuzz campaign (tests/fuzz/): 10,000 generated inputs through the library, 300
# through the CLI, every web route and query parameter; prints the counts, exits 1 on any.
fuzz: $(STAMP)
	cd tests && PYTHONPATH=. nice ../$(BIN)/python -m fuzz.campaign --library 10000 --cli 300 --web 200

clean:
	rm -rf $(VENV) build *.egg-info
