# PlanPress: the two commands a newcomer needs are `make build` and `make test`.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: build pdf test lint types unit tools serve validate bench clean lock

$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[dev]'
	touch $(STAMP)

## Install everything and build the example site into site/<lang>/.
build: $(STAMP)
	$(BIN)/planpress build

## Print the monitoring reports of the built site/ to PDF (needs Chromium: make tools).
pdf: $(STAMP)
	$(BIN)/planpress pdf

## Lint, type-check and run every test (including strict builds of the example).
test: lint types unit

lint: $(STAMP)
	$(BIN)/ruff format --check .
	$(BIN)/ruff check .

types: $(STAMP)
	$(BIN)/mypy

unit: $(STAMP) tools
	$(BIN)/pytest

## Chromium, faketime, poppler-utils, Java (apt) and the npm test tools (vnu, axe-core).
tools:
	scripts/install-tools.sh

## Live preview at http://127.0.0.1:8000/, rebuilt on every change.
serve: $(STAMP)
	$(BIN)/planpress serve

validate: $(STAMP)
	$(BIN)/planpress validate

## Time `planpress validate`, then `planpress build` beside a plain MkDocs site (minutes).
bench: $(STAMP)
	$(BIN)/python benchmarks/validate_speed.py
	$(BIN)/python benchmarks/build_speed.py
	$(BIN)/python benchmarks/export_share.py 2000
	$(BIN)/python benchmarks/pdf_speed.py 2000

## Refresh constraints.txt from a fresh resolve of pyproject.toml.
lock:
	rm -rf .lock-venv && $(PYTHON) -m venv .lock-venv
	.lock-venv/bin/pip install --quiet -e '.[dev]'
	{ echo '# Exact versions of every package PlanPress installs (make lock regenerates it).'; \
	  .lock-venv/bin/pip freeze --exclude-editable; } > constraints.txt
	rm -rf .lock-venv

clean:
	rm -rf site .venv node_modules .pytest_cache .mypy_cache .ruff_cache build *.egg-info
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
