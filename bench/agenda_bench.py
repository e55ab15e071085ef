"""Time the agenda's version comparison: two versions of a 200-point agenda, loaded and diffed.

Runs in a database of its own on the embedded server (`reformbank_bench_agenda`), created and migrated here.

    .venv/bin/python bench/agenda_bench.py
"""

import os
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATABASE = "reformbank_bench_agenda"
POINTS, SECTIONS, RUNS = 200, 10, 50
TARGET_MS = 100


def diff_report() -> str:
    """Run this file in a subprocess (its own Django setup and database) and return its report."""
    env = {**os.environ, "PGSERVER_DATABASE": DATABASE, "PYTHONWARNINGS": "ignore"}
    env.pop("DATABASE_URL", None)
    result = subprocess.run(
        [sys.executable, __file__], cwd=ROOT, env=env, check=True, text=True, capture_output=True
    )
    return result.stdout.strip()


def main() -> None:
    sys.path.insert(0, str(ROOT))
    # Always the embedded server's own benchmark database, never an external DATABASE_URL.
    os.environ.pop("DATABASE_URL", None)
    os.environ["DJANGO_SETTINGS_MODULE"] = "reformbank.settings"
    os.environ["PGSERVER_DATABASE"] = DATABASE
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from agenda import services
    from agenda.diff import document_diff
    from agenda.document import document_load
    from agenda.models import Agenda
    from members.models import User
    from places.models import District

    rng = random.Random(2026)
    editor, _ = User.objects.get_or_create(email="bench.editor@example.se")
    Agenda.objects.filter(title="Benchmark").delete()
    agenda = services.agenda_create(title="Benchmark", district=District.objects.first(), editor=editor)

    def build(document):
        for s in range(SECTIONS):
            services.section_add(f"Reformriktning {s}", "Inledning " * 30)(document)
        for i in range(POINTS):
            section = document.sections[i % SECTIONS]
            words = " ".join(
                rng.choice(["fler", "bostäder", "skolor", "trygghet", "klimat", "jobb", "vård"])
                for _ in range(40)
            )
            services.point_add(section.key, f"Punkt {i}: {words}.")(document)

    old = services.agenda_edit(
        agenda=agenda, editor=editor, base_number=1, message="200 punkter", change=build
    )

    def revise(document):
        points = list(document.points())
        for point in rng.sample(points, 30):
            point.text = point.text.replace("fler", "många fler", 1) + " Med uppföljning."
        for point in rng.sample(points, 10):
            services.point_move(point.key, section_key=rng.choice(document.sections).key)(document)
        for point in rng.sample(points, 5):
            try:
                services.point_remove(point.key)(document)
            except KeyError:
                pass
        services.section_move(document.sections[3].key, -2)(document)
        services.point_add(document.sections[0].key, "En helt ny punkt om kollektivtrafiken.")(document)

    new = services.agenda_edit(
        agenda=agenda, editor=editor, base_number=old.number, message="Revidering", change=revise
    )
    diff_only, load_and_diff = [], []
    for _ in range(RUNS):
        started = time.perf_counter()
        a, b = document_load(old), document_load(new)
        loaded = time.perf_counter()
        document_diff(a, b)
        done = time.perf_counter()
        diff_only.append((done - loaded) * 1000)
        load_and_diff.append((done - started) * 1000)
    Agenda.objects.filter(pk=agenda.pk).delete()

    def row(name, values):
        values = sorted(values)
        p95 = values[int(0.95 * (len(values) - 1))]
        verdict = "PASS" if p95 < TARGET_MS else "FAIL"
        return f"  {name:<32} p50 {statistics.median(values):6.1f} ms   p95 {p95:6.1f} ms   {verdict} (< {TARGET_MS} ms)"

    print(f"Agenda diff: two versions of {POINTS} points in {SECTIONS} reform directions, {RUNS} runs")
    print(row("diff of the two documents", diff_only))
    print(row("load both versions + diff", load_and_diff))


if __name__ == "__main__":
    main()
