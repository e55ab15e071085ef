"""Production settings come from the environment and pass Django's deployment checks."""

import os
import subprocess
import sys
from pathlib import Path

from django.conf import settings

BASE_DIR = Path(settings.BASE_DIR)

PRODUCTION_ENV = {
    "DJANGO_DEBUG": "0",
    "DJANGO_SECRET_KEY": "k3x!9v2q#8m@w5z$7r1t^6y&4u*0p(l)j-h_g+f=d[c]b{a}s;e:i,o.n/m?x<y>z",
    "DJANGO_ALLOWED_HOSTS": "reformbanken.example.se",
    "REDIS_URL": "redis://127.0.0.1:6379/0",
}


def manage(*args, env):
    # The browser tests allow async-unsafe calls in the test process; a deployment never does.
    inherited = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=BASE_DIR,
        env={**inherited, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_gives_no_warnings():
    result = manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key():
    result = manage("check", env={**PRODUCTION_ENV, "DJANGO_SECRET_KEY": ""})
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_cache_is_shared_between_processes():
    # Without REDIS_URL: the database cache, which every worker process sees (allauth's rate limits hold).
    if os.environ.get("REDIS_URL"):
        assert settings.CACHES["default"]["BACKEND"].endswith("RedisCache")
    else:
        assert settings.CACHES["default"]["BACKEND"] == "django.core.cache.backends.db.DatabaseCache"
    result = manage(
        "shell",
        "-c",
        "from django.conf import settings; print(settings.CACHES['default']['BACKEND'])",
        env=PRODUCTION_ENV,
    )
    assert result.stdout.strip().splitlines()[-1] == "django.core.cache.backends.redis.RedisCache"


def test_database_connections_are_kept_open():
    assert settings.DATABASES["default"]["CONN_MAX_AGE"] >= 60
    assert settings.DATABASES["default"]["ENGINE"] in (
        "django.db.backends.postgresql",
        "reformbank.embedded_postgres",  # PostgreSQL's backend, starting the embedded server on first use
    )


def test_static_files_have_hashed_names_in_production():
    result = manage(
        "shell",
        "-c",
        "from django.conf import settings; print(settings.STORAGES['staticfiles'])",
        env=PRODUCTION_ENV,
    )
    assert "whitenoise.storage.CompressedManifestStaticFilesStorage" in result.stdout
