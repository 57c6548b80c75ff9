# Programme Planner. `make run` opens the app on the built-in programme; `make test` runs
# every test headless. Both set up the virtual environment first when it is missing or stale.

PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test bench lint setup clean translations

setup: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

# The window's translations (.qm) are built from resources/translations/*.ts with
# pyside6-lrelease; the app also builds them on demand when they are missing or stale.
translations: $(STAMP)
	$(PY) tools/build_translations.py

run: translations
	$(PY) main.py

test: translations
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q

lint: $(STAMP)
	$(PY) -m ruff check .
	$(PY) -m mypy

bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m bench

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .ruff_cache .mypy_cache
	rm -f resources/translations/*.qm
