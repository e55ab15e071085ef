"""Search benchmarks for `make bench`: relevance against plain PostgreSQL, reindex time, and the search pages.

    .venv/bin/python bench/search_bench.py            # the relevance report
    .venv/bin/python bench/search_bench.py --reindex  # also time `manage.py search_reindex` on the database

bench/run.py uses:
- relevance_report() -> str: the relevance set of tests/search_relevance.py (60+ Swedish queries over 50+ ideas)
  through Reformbanken's search and through plain websearch_to_tsquery('swedish', …), recall@5 and MRR each.
  It builds the fixture in a throwaway test database on the same server and drops it afterwards.
- reindex_seconds(env=None) -> float: the wall time of `manage.py search_reindex` on the configured database.
- SEARCH_SCENARIOS: (name, paths, target p95 in ms) for the search page with facets and for the suggestions.
"""

import argparse
import os
import re
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parent.parent

SEARCH_PAGE_QUERIES = [
    "bostäder",
    "skolor",
    "kollektivtrafik",
    "aldreboende",
    "cykel",
    "läxhjälp",
    "fler cykelbanor",
]
SUGGEST_PREFIXES = ["bost", "sko", "kollek", "cyk", "äldr", "aldr", "läxh", "hyresr"]
SEARCH_TARGET_MS = 80
SUGGEST_TARGET_MS = 30

SEARCH_SCENARIOS = [
    ("search + facets", [f"/ideer/?q={quote(q)}" for q in SEARCH_PAGE_QUERIES], SEARCH_TARGET_MS),
    ("suggestions", [f"/ideer/forslag/?q={quote(q)}" for q in SUGGEST_PREFIXES], SUGGEST_TARGET_MS),
]


def python() -> str:
    venv_python = ROOT / ".venv" / "bin" / "python"
    return str(venv_python) if venv_python.exists() else sys.executable


def django_setup():
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "reformbank.settings")
    import django

    django.setup()


def relevance(search_names=("ours", "baseline")) -> dict:
    """{name: evaluation} for our search and the baseline, on the fixture in a throwaway test database."""
    django_setup()
    from django.db import connection, transaction

    from members.models import User
    from proposals import search_relevance

    searches = {"ours": search_relevance.ours, "baseline": search_relevance.baseline}
    original_name = connection.settings_dict["NAME"]
    connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
    try:
        with transaction.atomic():
            author = User.objects.create_user(email="bench@example.se", password=None, display_name="Bench")
            ideas = search_relevance.ideas_load(author)
            results = {name: search_relevance.evaluate(searches[name], ideas) for name in search_names}
            for phenomenon, cases in search_relevance.PHENOMENA.items():
                for name in search_names:
                    results[f"{name}:{phenomenon}"] = search_relevance.evaluate(searches[name], ideas, cases)
            transaction.set_rollback(True)
    finally:
        connection.creation.destroy_test_db(original_name, verbosity=0)
    return results


def relevance_report() -> str:
    """A small table: recall@5 and mean reciprocal rank, ours and plain PostgreSQL, and our misses."""
    results = relevance()
    ours, plain = results["ours"], results["baseline"]
    rows = [
        ("Reformbanken (tiers, lemmas, compounds, folding)", ours),
        ("plain websearch_to_tsquery(swedish) + ts_rank", plain),
    ]
    lines = [
        f"Relevance: {ours['queries']} Swedish queries over the fixture (tests/search_relevance.py)",
        f"{'search':<50} {'recall@5':>9} {'MRR':>6}",
        *(f"{name:<50} {result['recall']:>9.1%} {result['mrr']:>6.3f}" for name, result in rows),
    ]
    lines.append(f"Forgiving searches, per phenomenon (ours | plain), {'recall@5':>9} {'MRR':>6}")
    for phenomenon in search_relevance_phenomena():
        mine, theirs = results[f"ours:{phenomenon}"], results[f"baseline:{phenomenon}"]
        lines.append(
            f"  {phenomenon:<10} {mine['queries']:>2} queries  {mine['recall']:>7.0%} {mine['mrr']:>6.3f}"
            f"  | {theirs['recall']:>5.0%} {theirs['mrr']:>6.3f}"
        )
    for result in [ours, *(results[f"ours:{p}"] for p in search_relevance_phenomena())]:
        for q, expected, position in result["misses"]:
            lines.append(f"  miss: {q!r} → {expected} at {position or 'not found'}")
        for q, other, expected in result["outranked"]:
            lines.append(f"  outranked: {q!r}: {other} above {expected}")
    return "\n".join(lines)


def search_relevance_phenomena() -> list[str]:
    django_setup()
    from proposals import search_relevance

    return list(search_relevance.PHENOMENA)


REINDEX_RE = re.compile(r"Reindexed (\d+) ideas in ([\d.]+) s")


def reindex_seconds(env=None) -> float:
    """Run `manage.py search_reindex` on the configured database (the bench's, given its env): seconds."""
    started = time.monotonic()
    result = subprocess.run(
        [python(), "manage.py", "search_reindex"],
        cwd=ROOT,
        env=env or dict(os.environ),
        check=True,
        text=True,
        stdout=subprocess.PIPE,
    )
    elapsed = time.monotonic() - started
    match = REINDEX_RE.search(result.stdout)
    if match:
        print(f"search_reindex: {match.group(1)} ideas in {match.group(2)} s ({elapsed:.1f} s with start-up)")
    return elapsed


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--reindex", action="store_true", help="also time search_reindex on the database")
    args = parser.parse_args(argv)
    print(relevance_report())
    if args.reindex:
        print(f"Full reindex: {reindex_seconds():.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
