# The two commands of the README:
#   make run   installs, migrates, loads the demo and serves it on http://127.0.0.1:8000
#   make test  installs, lints and runs the whole test suite
# Nothing else needs to be running: SQLite and in-process Celery tasks are the embedded default.

PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: install run demo test lint migrate stack worker beat score benchmark clean

install: $(VENV)/.installed .env

# axe-core for the accessibility browser test (Node.js's npm; only `make test` needs it), pinned in
# package-lock.json: no CDN, nothing fetched when the tests run.
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

$(VENV)/.installed: requirements.txt requirements-dev.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@

# A local .env with a generated secret key, so manage.py works without exporting anything.
.env:
	@$(PYTHON) -c "import secrets; print('SECRET_KEY=' + secrets.token_urlsafe(50))" > $@
	@echo "Wrote .env with a new SECRET_KEY"

migrate: install
	$(PY) manage.py migrate --noinput

demo: migrate
	$(PY) manage.py load_demo
	$(PY) manage.py create_editor editor --email editor@example.org --if-missing

run: demo
	DEBUG=true $(PY) manage.py runserver $(HOST):$(PORT)

# ruff, the app graph's one-way imports (.importlinter, docs/architecture.md), then the types
# (mypy with django-stubs, pyproject.toml [tool.mypy]; its cache in .mypy_cache).
lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports --no-cache
	$(VENV)/bin/mypy

test: install node_modules/.installed
	$(VENV)/bin/ruff check .
	$(VENV)/bin/lint-imports --no-cache
	$(VENV)/bin/mypy
	DJANGO_SETTINGS_MODULE=tests.settings $(PY) manage.py makemigrations --check --dry-run
	$(VENV)/bin/pytest $(PYTEST_ARGS)

# The full stack on this machine's PostgreSQL and Redis (127.0.0.1:5432 and :6379 unless DATABASE_URL
# and REDIS_URL say otherwise): database created if missing, migrations, static files, the demo,
# then gunicorn, a Celery worker and beat in the foreground until Ctrl-C. See tracker/stack.py.
stack: install
	$(PY) -m tracker.stack --host $(HOST) --port $(PORT)

# The full stack's processes one by one, for running by hand (README, "without make stack").
worker: install
	$(VENV)/bin/celery -A tracker worker --loglevel=info --concurrency=2

beat: install
	$(VENV)/bin/celery -A tracker beat --loglevel=info

# Extraction figures on the shared labelled sets (only where ../shared exists): the fitted and the
# held-out third of each folder reported apart, then the shared scorer on the English set.
score: install
	$(PY) manage.py evaluate_extraction ../shared/devset
	$(PY) manage.py evaluate_extraction ../shared/devset-zh
	$(PYTHON) ../shared/devset/score.py ../shared/devset --run "$(PY) manage.py extract --json"

benchmark: install
	$(PY) benchmarks/extraction_throughput.py ../shared/devset

clean:
	rm -rf $(VENV) node_modules staticfiles .pytest_cache .ruff_cache .mypy_cache
