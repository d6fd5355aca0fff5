# mustalah — see README.md.  The two set-up commands are `make run` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: install run test check lint-code typecheck docs eval eval-real eval-blind bench clean

install: $(STAMP)

$(STAMP): pyproject.toml scripts/apt-packages.txt
	bash scripts/install-system-deps.sh
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[dev,dask,spell]'
	touch $(STAMP)

## The main job: lint every release and file in corpora/ against the shipped termbase.
run: install
	@mkdir -p reports
	$(BIN)/mustalah lint corpora --format text --fail-on never --output reports/lint.txt || true
	$(BIN)/mustalah lint corpora --format json --fail-on never --output reports/lint.json
	$(BIN)/mustalah lint corpora --format html --fail-on never --output reports/lint.html
	@cat reports/lint.txt | tail -n 25
	@echo "reports written: reports/lint.txt reports/lint.json reports/lint.html"

## The tests (CI runs exactly this): style and types first, then the suite.
test: install
	$(BIN)/ruff check src tests bench fuzz
	$(BIN)/mypy
	$(BIN)/pytest -q

check: lint-code typecheck

lint-code: install
	$(BIN)/ruff check src tests bench fuzz

typecheck: install
	$(BIN)/mypy

docs: install
	$(BIN)/mustalah rules --format markdown --output docs/rules.md

eval: install
	$(BIN)/mustalah eval tests/gold

## Precision on real UN text: lint corpora/real/, tally against the reviewed verdicts; then its
## Arabic alone, as Arabic-only text (no English to compare), against the same verdicts and its own;
## then corpora/real-ar/, UN Arabic published with no English beside it, against its own verdicts.
eval-real: install
	@mkdir -p reports
	$(BIN)/mustalah lint corpora/real --format json --fail-on never --no-progress --output reports/real.json
	$(BIN)/mustalah review reports/real.json --reviewed corpora/real/reviewed.yaml
	$(BIN)/mustalah lint corpora/real/*/ar.txt --format json --fail-on never --no-progress \
		--output reports/real-arabic-only.json
	$(BIN)/mustalah review reports/real-arabic-only.json --reviewed corpora/real/reviewed.yaml \
		--reviewed corpora/real/reviewed-arabic-only.yaml
	$(BIN)/mustalah lint corpora/real-ar/*/text.ar.txt --format json --fail-on never --no-progress \
		--output reports/real-ar.json
	$(BIN)/mustalah review reports/real-ar.json --reviewed corpora/real-ar/reviewed.yaml

## Precision on unseen real text: the blind sets' frozen first reviews, per set and pooled.
eval-blind: install
	$(PY) scripts/blind_precision.py

## Byte-compiled first: peers run from site-packages, compiled at install; an editable install
## under PYTHONDONTWRITEBYTECODE would compile ~100 modules on every whole-process run.
bench: install
	$(PY) -m compileall -q src
	$(PY) bench/run.py

clean:
	rm -rf $(VENV) reports bench/data bench/out .pytest_cache .mypy_cache .ruff_cache
