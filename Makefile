# Reformbanken: `make run` serves the demo on http://127.0.0.1:8000, `make test` runs the whole suite.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run serve test bench worker messages check lint stop reset backup restore

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

# Create venv, install, start the embedded database, migrate, load the demo once, serve (with the task worker,
# and the anchoring figures counted every ten minutes, as cron does in service).
# The server and the worker both link emails to this address (DJANGO_SITE_URL), whatever PORT says.
run: export DJANGO_SITE_URL = http://$(HOST):$(PORT)
run: $(STAMP)
	$(PY) manage.py bootstrap --url $$DJANGO_SITE_URL
	$(PY) manage.py db_worker --no-startup-delay & worker=$$!; \
	while sleep 600; do $(PY) manage.py anchoring_count >/dev/null; done & counter=$$!; \
	trap "kill $$worker $$counter 2>/dev/null" EXIT INT TERM; \
	$(PY) manage.py runserver $(HOST):$(PORT)

# Production-like serving: gunicorn with the settings from the environment.
serve: $(STAMP)
	$(PY) manage.py migrate --noinput
	$(PY) manage.py createcachetable
	$(PY) manage.py collectstatic --noinput --verbosity 0
	$(VENV)/bin/gunicorn reformbank.wsgi --bind $(HOST):$(PORT) --workers $${WEB_CONCURRENCY:-3}

# The task worker (emails): run beside `serve` in production.
worker: $(STAMP)
	$(PY) manage.py db_worker

test: $(STAMP)
	$(PY) -m pytest -n $${PYTEST_WORKERS:-2} $(PYTEST_ARGS)

bench: $(STAMP)
	$(PY) bench/run.py $(BENCH_ARGS)

messages: $(STAMP)
	$(PY) manage.py makemessages -l en --ignore '.venv/*' --ignore 'bench/*' --ignore 'tests/*' --ignore 'staticfiles/*'
	$(PY) manage.py compilemessages --ignore '.venv/*'

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

check: $(STAMP)
	$(PY) manage.py check
	$(PY) manage.py makemigrations --check --dry-run

# Stop the embedded PostgreSQL that `make run` leaves running (the next `make run` or `make test` starts it).
stop: $(STAMP)
	$(PY) manage.py embedded_postgres stop

# Start over: stop the embedded server and remove its data; the next `make run` loads the county and demo afresh.
reset: stop
	rm -rf .pgdata

# A pg_dump of the database (embedded or DATABASE_URL) to backups/reformbank-<date>T<time>.dump.
backup: $(STAMP)
	$(PY) manage.py backup

# Read a backup back into an empty database: make restore FILE=backups/reformbank-2026-12-01T1630.dump
restore: $(STAMP)
	$(if $(FILE),,$(error Name the backup to restore: make restore FILE=backups/reformbank-2026-12-01T1630.dump))
	$(PY) manage.py restore "$(FILE)"
