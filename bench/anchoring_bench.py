"""Time the anchoring dashboard (/forankring/) as an admin reads it: every place, the last 12 months and the
last 3 years, on the benchmark database that bench/run.py has seeded (100,000 ideas by default).

The page is rendered in-process through Django's test client (no network), so the time is the dashboard's
own: reading the figures of the newest count and rendering them. Counting every figure afresh
(`manage.py anchoring_count`, which runs every ten minutes in service) is timed first and reported beside.

    .venv/bin/python bench/anchoring_bench.py            (after bench/run.py has seeded reformbank_bench)
"""

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATABASE = "reformbank_bench"
RUNS, WARMUP = 30, 3
TARGET_MS = 200
QUERIES = {
    "12 months": "",
    "3 years by quarter": "period=quarter",
    "one area": "omrade=skola-och-utbildning",
    "one district": "distrikt=stad",
    "one municipality, by quarter": "kommun=0182&period=quarter",
}


def dashboard_report(database: str = DATABASE) -> str:
    """Run this file in a subprocess (its own Django setup) against the seeded database; return its report."""
    env = {**os.environ, "PGSERVER_DATABASE": database, "PYTHONWARNINGS": "ignore"}
    env.pop("DATABASE_URL", None)
    result = subprocess.run(
        [sys.executable, __file__], cwd=ROOT, env=env, check=True, text=True, capture_output=True
    )
    return result.stdout.strip()


def row(name, values) -> str:
    values = sorted(values)
    p95 = values[int(0.95 * (len(values) - 1))]
    verdict = "PASS" if p95 < TARGET_MS else "FAIL"
    return f"  {name:<42} p50 {statistics.median(values):6.1f} ms   p95 {p95:6.1f} ms   {verdict} (< {TARGET_MS} ms)"


def main():
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "reformbank.settings")
    import django

    django.setup()
    from django.conf import settings
    from django.test import Client

    from anchoring.services import figures_count
    from members.models import User
    from proposals.models import Proposal

    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    admin = User.objects.filter(is_superuser=True, is_active=True).first()
    if admin is None:
        admin = User.objects.create_superuser(email="bench.admin@example.se", password=None)
    client = Client()
    client.force_login(admin)
    count = figures_count()
    lines = [
        f"Anchoring dashboard, all 27 places, {Proposal.objects.count()} ideas "
        f"(counting every figure of every selection beforehand: {count.seconds:.1f} s):"
    ]
    for name, query in QUERIES.items():
        url = f"/forankring/?{query}"
        timings = []
        for index in range(WARMUP + RUNS):
            started = time.perf_counter()
            response = client.get(url)
            elapsed = (time.perf_counter() - started) * 1000
            assert response.status_code == 200, (url, response.status_code)
            if index >= WARMUP:
                timings.append(elapsed)
        lines.append(row(name, timings))
    print("\n".join(lines))


if __name__ == "__main__":
    main()
