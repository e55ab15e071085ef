"""Time the import of a 10,000-row spreadsheet into the bank: reading the CSV, the dry run, and the import itself
(one transaction, with the search index), as the editor's upload, "Provkör" and the task worker do them; then
the same file again (every row unchanged). Target: the whole import of 10,000 rows in under 30 s.

Runs in a database of its own on the embedded server (`reformbank_bench_import`), created and migrated here.

    .venv/bin/python bench/import_bench.py
"""

import csv
import io
import os
import random
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATABASE = "reformbank_bench_import"
ROWS = 10_000
TARGET_S = 30
FILE_NAME = "bench-10000.csv"
HEADER = [
    "Id",
    "Inkom",
    "Rubrik",
    "Sammanfattning",
    "Förslaget",
    "Kommun",
    "Sakområde",
    "Taggar",
    "Inlämnad av",
]
SUBJECTS = [
    "läxhjälp",
    "nattbussar",
    "hyresrätter",
    "hemtjänst",
    "fritidsgårdar",
    "simskola",
    "solceller",
    "sommarjobb",
    "pendelbåtar",
    "speciallärare",
    "förskolegrupper",
    "kulturskola",
    "vårdcentraler",
    "språkcaféer",
    "cykelbanor",
]
PLACES = [
    "Nacka",
    "Huddinge",
    "Botkyrka",
    "Solna",
    "Sundbyberg",
    "Täby",
    "Haninge",
    "Södertälje",
    "Järfälla",
    "Lidingö",
    "Sollentuna",
    "Tyresö",
    "Värmdö",
    "Norrtälje",
    "Sigtuna",
    "Upplands Väsby",
    "Vallentuna",
    "Österåker",
]
AREAS = [
    "Skola och utbildning",
    "Trygghet",
    "Äldreomsorg",
    "Klimat och miljö",
    "Kultur och fritid",
    "Vård och hälsa",
]
NAMES = [
    "Amira Hassan",
    "Per Lindqvist",
    "Karin Sjöberg",
    "Göran Eklund",
    "Yusuf Demir",
    "Linnea Berg",
    "Erik Nordin",
]


def import_report() -> str:
    """Run this file in a subprocess (its own Django setup and database) and return its report."""
    env = {**os.environ, "PGSERVER_DATABASE": DATABASE, "PYTHONWARNINGS": "ignore"}
    env.pop("DATABASE_URL", None)
    result = subprocess.run(
        [sys.executable, __file__], cwd=ROOT, env=env, check=True, text=True, capture_output=True
    )
    return result.stdout.strip()


def spreadsheet(rows: int) -> bytes:
    """A district's list of ideas: varied titles, texts, municipalities, areas, tags, authors and dates."""
    rng = random.Random(2026)
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(HEADER)
    for n in range(1, rows + 1):
        subject, place = rng.choice(SUBJECTS), rng.choice(PLACES)
        text = " ".join(
            f"Kommunen satsar på {rng.choice(SUBJECTS)} i {rng.choice(PLACES)} för att fler ska få del av dem."
            for _ in range(rng.randint(2, 6))
        )
        writer.writerow(
            [
                f"BENCH-{n:05d}",
                (date(2024, 1, 1) + timedelta(days=rng.randint(0, 600))).isoformat(),
                f"Fler {subject} i {place}, förslag {n}",
                f"Vi vill ha fler {subject} i {place}, så att alla får samma chans.",
                text,
                place,
                rng.choice(AREAS),
                f"{subject}, {rng.choice(SUBJECTS)}",
                rng.choice(NAMES),
            ]
        )
    return out.getvalue().encode("utf-8-sig")


def main() -> None:
    sys.path.insert(0, str(ROOT))
    # Always the embedded server's own benchmark database, never an external DATABASE_URL.
    os.environ.pop("DATABASE_URL", None)
    os.environ["DJANGO_SETTINGS_MODULE"] = "reformbank.settings"
    os.environ["PGSERVER_DATABASE"] = DATABASE
    import django

    django.setup()
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from django.db import connection

    from imports import services
    from imports.files import table_read
    from imports.models import ImportJob
    from imports.rows import mapping_guess
    from members.models import User
    from places.models import District
    from proposals.models import Proposal
    from proposals.search import language_resources_load

    editor, _ = User.objects.get_or_create(
        email="bench.import@example.se", defaults={"display_name": "Bench"}
    )
    district = District.objects.get(code="lan")
    Proposal.objects.filter(import_record__job__file_name=FILE_NAME).delete()
    ImportJob.objects.filter(file_name=FILE_NAME).delete()
    content = spreadsheet(ROWS)
    # The task worker loads the Swedish dictionaries of the search index once, at its first import: timed apart.
    started = time.perf_counter()
    language_resources_load()
    dictionaries = time.perf_counter() - started

    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        backend = Path(f"/proc/{cursor.fetchone()[0]}/stat")

    def cpu_seconds() -> float:
        """This process's CPU time and its database backend's (when the server runs on this machine): on a busy
        machine the wall time grows with the load, this does not."""
        seconds = time.process_time()
        if backend.exists():
            fields = backend.read_text().rsplit(")", 1)[1].split()
            seconds += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
        return seconds

    def one_import() -> tuple[ImportJob, dict]:
        timings = {}
        cpu = cpu_seconds()
        started = time.perf_counter()
        table = table_read(SimpleUploadedFile(FILE_NAME, content))
        job = services.import_job_create(editor=editor, district=district, file_name=FILE_NAME, table=table)
        timings["read"] = time.perf_counter() - started
        mark = time.perf_counter()
        job = services.import_job_map(job=job, editor=editor, mapping=mapping_guess(table.header))
        timings["dry run"] = time.perf_counter() - mark
        mark = time.perf_counter()
        services.import_job_start(job=job)
        services.import_job_execute(job_id=job.pk)  # what the task worker runs
        timings["import"] = time.perf_counter() - mark
        timings["total"] = time.perf_counter() - started
        timings["cpu"] = cpu_seconds() - cpu
        job.refresh_from_db()
        return job, timings

    first, timings = one_import()
    again, timings_again = one_import()
    verdict = (
        "PASS"
        if first.state == "done" and first.created_count == ROWS and timings["total"] < TARGET_S
        else "FAIL"
    )
    print(f"Import of {ROWS} rows (CSV, {len(content) // 1024} kB), one transaction with the search index")
    for name in ("read", "dry run", "import", "total"):
        print(f"  {name:<10} {timings[name]:6.1f} s")
    print(
        f"  CPU time of the import and its database backend: {timings['cpu']:.1f} s (load average {os.getloadavg()[0]:.1f})"
    )
    print(
        f"  {ROWS / timings['total']:.0f} rows/s, {timings['total']:.1f} s in all, "
        f"{first.created_count} ideas created  {verdict} (< {TARGET_S} s)"
    )
    print(
        f"  (once per worker process: loading the search index's Swedish dictionaries, {dictionaries:.1f} s)"
    )
    print(
        f"The same file again: {again.unchanged_count} rows unchanged in {timings_again['total']:.1f} s "
        f"({ROWS / timings_again['total']:.0f} rows/s)"
    )


if __name__ == "__main__":
    main()
