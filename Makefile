# The two commands in the README: `make demo` and `make test`. Both set up
# everything first (scripts/setup.sh), so they work on a fresh machine.
VENV ?= .venv
STAMP := $(VENV)/.reader-installed

.PHONY: demo test setup bench clean

$(STAMP): pyproject.toml scripts/setup.sh
	VENV=$(VENV) scripts/setup.sh
	touch $(STAMP)

setup: $(STAMP)

demo: $(STAMP)
	$(VENV)/bin/reader convert samples/kyiv-independent-bakhmut.txt -o kyiv-independent-bakhmut.mp3

test: $(STAMP)
	$(VENV)/bin/python -m pytest -n 2 --dist loadfile -q

bench: $(STAMP)
	$(VENV)/bin/python benchmarks/pipeline.py samples/kyiv-independent-bakhmut.txt

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache
