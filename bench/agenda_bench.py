"""Time the agenda's version comparison: two versions of a 200-point agenda, loaded and diffed; and long
narratives (60,000 characters, the most the form takes) compared word by word, as the comparison page and
the conflict page do, rewritten and revised in the ways that cost the most.

Runs in a database of its own on the embedded server (`reformbank_bench_agenda`), created and migrated here.

    .venv/bin/python bench/agenda_bench.py
"""

import os
import random
import statistics
import subprocess
import sys
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATABASE = "reformbank_bench_agenda"
POINTS, SECTIONS, RUNS = 200, 10, 50
TARGET_MS = 100
NARRATIVE_CHARS, NARRATIVE_RUNS, NARRATIVE_TARGET_MS = 60_000, 10, 200
# The worst merge: 30,000 one-letter paragraphs, every one rewritten by both editors (30,000 conflicts). The
# work is linear in the paragraphs; the form takes no longer text.
WORST_MERGE_TARGET_MS = 1000
FUNCTION_WORDS = "och att i det som en på är för med till av den inte har vi de om ska kan alla fler".split()
SYLLABLES = (
    "ba be bo da de dö fa ga gå ha jo ka la le lö ma mo na ne pa ra re rö sa se ta te tå va vi".split()
)
# No syllable in common with the ones above, and all of them with a y: not one word of a text written with
# these can be a word of a text written with those.
OTHER_SYLLABLES = "by dy fy gy ky ly my ny py ry sy ty vy".split()


def diff_report() -> str:
    """Run this file in a subprocess (its own Django setup and database) and return its report."""
    env = {**os.environ, "PGSERVER_DATABASE": DATABASE, "PYTHONWARNINGS": "ignore"}
    env.pop("DATABASE_URL", None)
    result = subprocess.run(
        [sys.executable, __file__], cwd=ROOT, env=env, check=True, text=True, capture_output=True
    )
    return result.stdout.strip()


def row(name, values, target_ms=TARGET_MS) -> str:
    values = sorted(values)
    p95 = values[int(0.95 * (len(values) - 1))]
    verdict = "PASS" if p95 < target_ms else "FAIL"
    return f"  {name:<42} p50 {statistics.median(values):6.1f} ms   p95 {p95:6.1f} ms   {verdict} (< {target_ms} ms)"


def vocabulary(rng, syllables, size=3000) -> list[str]:
    words = set()
    while len(words) < size:
        words.add("".join(rng.choice(syllables) for _ in range(rng.randint(2, 4))))
    return sorted(words)


def narrative(rng, words, *, function_words=True) -> str:
    """Paragraphs of three to six sentences, cut at NARRATIVE_CHARS. Common words much more often than rare
    ones, as in real text (rare words are what a comparison can anchor on, common ones are not)."""

    def word():
        if function_words and rng.random() < 0.4:
            return rng.choice(FUNCTION_WORDS)
        if rng.random() < 0.5:
            return words[min(int(rng.paretovariate(1.1)) - 1, len(words) - 1)]
        return rng.choice(words)

    paragraphs, length = [], 0
    while length < NARRATIVE_CHARS:
        sentences = [
            " ".join(word() for _ in range(rng.randint(8, 20))).capitalize() + "."
            for _ in range(rng.randint(3, 6))
        ]
        paragraphs.append(" ".join(sentences))
        length += len(paragraphs[-1]) + 2
    return "\n\n".join(paragraphs)[:NARRATIVE_CHARS]


def revised(rng, text, words, share=0.1) -> str:
    """Every word replaced with the chance `share`, scattered over the whole text; the lines stay."""
    lines = []
    for line in text.split("\n"):
        lines.append(" ".join(rng.choice(words) if rng.random() < share else w for w in line.split(" ")))
    return "\n".join(lines)[:NARRATIVE_CHARS]


def narrative_pairs() -> dict[str, tuple[str, str]]:
    """The long texts compared: (old, new) by what was done to them."""
    rng = random.Random(2026)
    words, other_words = vocabulary(rng, SYLLABLES), vocabulary(rng, OTHER_SYLLABLES)
    text = narrative(rng, words)
    one_paragraph = text.replace("\n\n", " ")
    lines = "\n".join(rng.choice(words[:300]) for _ in range(NARRATIVE_CHARS // 4))[:NARRATIVE_CHARS]
    return {
        "narrative rewritten in other words": (text, narrative(rng, other_words, function_words=False)),
        "narrative, 10 % of its words changed": (text, revised(rng, text, words)),
        "one 60,000-char paragraph, 10 % changed": (one_paragraph, revised(rng, one_paragraph, words)),
        "one-word lines, 60,000 chars, 10 % changed": (lines, revised(rng, lines, words)),
    }


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
    from agenda.diff import document_diff, words_diff
    from agenda.document import Point, Section, document_load
    from agenda.merge import merge_text
    from agenda.models import Agenda
    from members.models import User
    from places.models import District

    rng = random.Random(2026)
    editor, _ = User.objects.get_or_create(email="bench.editor@example.se")
    Agenda.objects.filter(title="Benchmark").delete()
    agenda = services.agenda_create(title="Benchmark", district=District.objects.first(), editor=editor)

    # The documents are changed through their dataclasses, not the edit helpers, so that this file does not
    # follow every change to how editors' edits are written.
    def build(document):
        for s in range(SECTIONS):
            document.sections.append(
                Section(key=uuid.uuid4(), title=f"Reformriktning {s}", intro="Inledning " * 30)
            )
        for i in range(POINTS):
            words = " ".join(
                rng.choice(["fler", "bostäder", "skolor", "trygghet", "klimat", "jobb", "vård"])
                for _ in range(40)
            )
            document.sections[i % SECTIONS].points.append(
                Point(key=uuid.uuid4(), text=f"Punkt {i}: {words}.")
            )

    old = services.agenda_edit(
        agenda=agenda, editor=editor, base_number=1, message="200 punkter", change=build
    )

    def revise(document):
        def section_of(point):
            return next(section for section in document.sections if point in section.points)

        points = list(document.points())
        for point in rng.sample(points, 30):
            point.text = point.text.replace("fler", "många fler", 1) + " Med uppföljning."
        for point in rng.sample(points, 10):  # to the end of another reform direction
            section, target = section_of(point), rng.choice(document.sections)
            if target is not section:
                section.points.remove(point)
                target.points.append(point)
        for point in rng.sample(points, 5):
            section_of(point).points.remove(point)
        document.sections.insert(1, document.sections.pop(3))  # two places up
        document.sections[0].points.append(
            Point(key=uuid.uuid4(), text="En helt ny punkt om kollektivtrafiken.")
        )

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

    print(f"Agenda diff: two versions of {POINTS} points in {SECTIONS} reform directions, {RUNS} runs")
    print(row("diff of the two documents", diff_only))
    print(row("load both versions + diff", load_and_diff))

    print(f"Long texts compared word by word (words_diff), {NARRATIVE_RUNS} runs each")
    for name, (old_text, new_text) in narrative_pairs().items():
        timings = []
        for _ in range(NARRATIVE_RUNS):
            started = time.perf_counter()
            words_diff(old_text, new_text)
            timings.append((time.perf_counter() - started) * 1000)
        print(row(name, timings, NARRATIVE_TARGET_MS))

    # Two editors rewriting the same long text: the three-way merge of the conflict page (agenda/merge.py).
    print(f"Long texts merged three ways (merge_text), {NARRATIVE_RUNS} runs each")
    rng = random.Random(2027)
    words = vocabulary(rng, SYLLABLES)
    text = narrative(rng, words)
    base = "\n\n".join(["a", "b"] * 15_000)
    merges = {
        "30,000 paragraphs rewritten on both sides": (
            base,
            "\n\n".join(["b", "a"] * 15_000),
            "\n\n".join(["a", "c"] * 15_000),
            WORST_MERGE_TARGET_MS,
        ),
        "narrative revised on both sides": (
            text,
            revised(rng, text, words),
            revised(rng, text, words),
            NARRATIVE_TARGET_MS,
        ),
    }
    for name, (old_text, theirs, mine, target_ms) in merges.items():
        timings = []
        for _ in range(NARRATIVE_RUNS):
            started = time.perf_counter()
            merge_text(old_text, theirs, mine)
            timings.append((time.perf_counter() - started) * 1000)
        print(row(name, timings, target_ms))


if __name__ == "__main__":
    main()
