# Two entry points for a fresh machine with Python 3.11: `make run`, `make test`.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

## run: set up (once) and open the app on the bundled article
run: $(STAMP)
	$(BIN)/reader

## test: set up (once) and run the whole test suite
test: $(STAMP)
	$(BIN)/python -m pytest

## bench: measure on a corpus folder: make bench CORPUS=../shared/corpora/bbc
bench: $(STAMP)
	$(BIN)/python -m bench $(CORPUS)

clean:
	rm -rf $(VENV)
