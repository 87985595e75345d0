# The two commands of the README: `make serve` and `make test`. Each sets everything up first.
export NO_MKDOCS_2_WARNING := 1
export PATH := $(CURDIR)/.venv/bin:$(PATH)
VENV := .venv/bin

.PHONY: setup serve build test bench bench-search pdf figures notebooks clean

setup:
	scripts/setup.sh build

serve: setup
	$(VENV)/mkdocs serve

build: setup
	$(VENV)/mkdocs build --strict

test:
	scripts/setup.sh test
	$(VENV)/python -m pytest

bench:
	scripts/setup.sh test
	$(VENV)/python bench/bench_build.py

bench-search:
	scripts/setup.sh test
	$(VENV)/python bench/bench_search.py

pdf: build
	scripts/setup.sh pdf
	$(VENV)/python scripts/build_pdf.py site site/handbook.pdf

notebooks: setup
	$(VENV)/python scripts/notebooks/build_notebooks.py

figures: setup
	for script in scripts/figures/*.py; do $(VENV)/python "$$script" || exit 1; done

clean:
	rm -rf site .cache
