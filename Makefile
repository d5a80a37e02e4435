# ShareLens — every set-up step the project needs lives here, so that a fresh Debian or Ubuntu
# machine needs nothing but `make demo` or `make test`.

SWIFT   ?= swift
BIN_DIR := .build/release
BIN     := $(BIN_DIR)/sharelens
OUT     ?= Site

# apt-get through sudo when not root.
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: all deps browser build demo test lint format bench samples clean

all: build

## deps: install the C libraries and tools the build needs (libcmark-dev, zlib1g-dev, pkg-config) when missing
deps:
	@if ! command -v pkg-config >/dev/null 2>&1 || ! pkg-config --exists libcmark zlib; then \
	  echo "Installing libcmark-dev, zlib1g-dev and pkg-config with apt-get…"; \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq libcmark-dev zlib1g-dev pkg-config; \
	fi

## build: compile the release binary
build: deps
	$(SWIFT) build -c release --product sharelens

## demo: write the demo tenant's report into Site/ and say where to open it
demo: build
	$(BIN) build --out $(OUT) --quiet
	@echo "The demo report is in $(OUT)/. Open file://$(CURDIR)/$(OUT)/index.html in a browser."

## browser: headless Chromium for the browser tests (Debian's chromium), when missing
browser:
	@if ! command -v chromium >/dev/null 2>&1 && ! command -v chromium-browser >/dev/null 2>&1; then \
	  echo "Installing chromium with apt-get (for the browser tests)…"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium; \
	fi

## test: the whole test suite (unit, golden pages, end-to-end runs of the binary, every page in Chromium)
test: deps browser
	$(SWIFT) build --product sharelens
	$(SWIFT) test

## lint: check the formatting of every Swift file
lint:
	$(SWIFT) format lint --strict --recursive Package.swift Plugins Sources Tests

## format: rewrite every Swift file in the house format
format:
	$(SWIFT) format format --in-place --recursive Package.swift Plugins Sources Tests

## bench: ShareLens against DuckDB on 100,000 and 1,000,000 audit rows (BENCH_ROWS="…" for others; see BENCHMARKS.md)
bench: build
	@command -v /usr/bin/time >/dev/null 2>&1 || { $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq time; }
	@python3 -m venv --help >/dev/null 2>&1 || { $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq python3-venv; }
	bench/run.sh

## samples: regenerate Samples/contoso/ (the demo tenant) after a change to the generator
samples: build
	$(BIN) sample --out Samples/contoso

clean:
	$(SWIFT) package clean
	rm -rf $(OUT)/*.html $(OUT)/assets $(OUT)/markdown
