# Two entry points for a fresh machine with Python 3.11: `make run`, `make test`.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test bench clean chromium

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

## run: set up (once) and open the app on the bundled article
run: $(STAMP)
	$(BIN)/reader

## test: set up (once) and run the whole test suite
test: $(STAMP) chromium
	$(BIN)/python -m pytest

# The browser test (tests/serve/test_chromium.py) drives Debian's `chromium`: installed here when it is
# missing and we are root with apt (as on CI); otherwise that test is skipped and says why.
APT_GET := DEBIAN_FRONTEND=noninteractive apt-get -qq -o DPkg::Lock::Timeout=120
chromium:
	@command -v chromium >/dev/null 2>&1 || [ "$$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1 || \
	  $(APT_GET) install -y chromium >/dev/null 2>&1 || \
	  { $(APT_GET) update >/dev/null 2>&1 && $(APT_GET) install -y chromium >/dev/null 2>&1; } || \
	  echo "make: could not install chromium; the browser test will be skipped"

## bench: measure on a corpus folder: make bench CORPUS=../shared/corpora/bbc
bench: $(STAMP)
	$(BIN)/python -m bench $(CORPUS)

clean:
	rm -rf $(VENV)
