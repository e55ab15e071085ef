"""`make bench`: seed a separate database with many ideas, serve it with gunicorn, and time the busiest pages.

Everything runs against the embedded PostgreSQL in a database of its own (`reformbank_bench`), so the
developer's demo database is never touched. The server is the production configuration (DEBUG off, whitenoise
with hashed static files) on loopback. Each scenario sends a fixed number of requests, so the run always ends.

    .venv/bin/python bench/run.py [--proposals 100000] [--reuse] [--requests 300] [--concurrency 2]
"""

import argparse
import http.client
import json
import math
import os
import re
import secrets
import shutil
import signal
import socket
import string
import subprocess
import sys
import tempfile
import threading
import time
import warnings
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote, urlencode

import agenda_bench
import anchoring_bench
import import_bench
import search_bench

ROOT = Path(__file__).resolve().parent.parent
BENCH_DATABASE = "reformbank_bench"
HOST = "127.0.0.1"
MEMBERS = 500
# What a result card looks like; a list or search page without one would time an empty page.
CARD_MARKER = b'class="card proposal-card"'

LIST_TARGET_MS = 50
SEARCH_TARGET_MS = search_bench.SEARCH_TARGET_MS  # issue 16's target for a search page, set in one place
# A search nobody has made since the bank last changed: SEARCH_TARGET_MS on a district's bank at concurrency 2,
# this at concurrency 4 or on a national bank.
NEVER_CACHED_BUSY_TARGET_MS = 150
NATIONAL_BANK = 1_000_000
# A deep page (what a crawler walking every page asks for) against the first page of the same list or search:
# its p95 must stay within this factor of the first page's p95.
DEEP_PAGE_FACTOR = 1.5
# Past the reachable pages (proposals.selectors.MAX_PAGES = 50) the list shows its last reachable page.
DEEP_PAGES = [5000, 50]

SEARCH_QUERIES = ["bostäder", "skolor", "kollektivtrafik", "läxhjälp", "äldreboende", "fler cykelbanor"]
# The never-cached searches ask these words too, so that a run's warm-up and measured requests (320 by
# default) are all different searches: on the bench's bank from 12 % of the ideas (trygghet) to 2 % (simhall).
COLD_EXTRA_QUERIES = ["trygghet", "klimat", "simhall", "bibliotek", "sommarjobb", "pendeltåg"]
FILTERS = [
    {"district": "lan", "area": "skola-och-utbildning", "sort": "supported"},
    {"district": "stad", "area": "bostader-och-stadsbyggnad", "sort": "supported"},
    {"district": "lan", "area": "kollektivtrafik-och-infrastruktur", "sort": "newest"},
    {"district": "stad", "area": "aldreomsorg", "sort": "active"},
    {"district": "lan"},
    {"place": "0180", "sort": "supported"},
]


def python() -> str:
    venv_python = ROOT / ".venv" / "bin" / "python"
    return str(venv_python) if venv_python.exists() else sys.executable


def gunicorn() -> str:
    venv_gunicorn = ROOT / ".venv" / "bin" / "gunicorn"
    return str(venv_gunicorn) if venv_gunicorn.exists() else (shutil.which("gunicorn") or "gunicorn")


def bench_env(**extra) -> dict:
    """The environment of every subprocess: the embedded server, the benchmark's own database."""
    env = dict(os.environ)
    # An external DATABASE_URL would point the benchmark (and its DROP DATABASE) at someone else's data.
    env.pop("DATABASE_URL", None)
    env.pop("REDIS_URL", None)
    env["PGSERVER_DATABASE"] = os.environ.get("REFORMBANK_BENCH_DATABASE", BENCH_DATABASE)
    env["PYTHONWARNINGS"] = "ignore"
    env.update(extra)
    return env


def manage(*args, env=None, capture=False) -> str:
    command = [python(), "manage.py", *args]
    result = subprocess.run(
        command,
        cwd=ROOT,
        env=env or bench_env(),
        check=True,
        text=True,
        stdout=subprocess.PIPE if capture else None,
    )
    return result.stdout if capture else ""


def django_eval(code: str) -> dict:
    """Run `code` (which prints one JSON line last) in `manage.py shell` on the benchmark database."""
    out = manage("shell", "--no-imports", "-c", code, capture=True)
    return json.loads(out.strip().splitlines()[-1])


def bench_database_drop():
    """Drop only the benchmark database; the next manage.py command creates it (reformbank/database.py).

    The server is started as the project starts it, with its settings (a first start in a new data folder
    through pgserver alone would run with PostgreSQL's default shared buffers until the next restart)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import pgserver

    sys.path.insert(0, str(ROOT))
    from reformbank.database import embedded_server_start

    pgdata = Path(os.environ.get("PGSERVER_DATA") or ROOT / ".pgdata")
    embedded_server_start(str(pgdata), "postgres")
    server = pgserver.get_server(pgdata, cleanup_mode=None)
    server.psql(f'DROP DATABASE IF EXISTS "{bench_env()["PGSERVER_DATABASE"]}" WITH (FORCE);')


def database_facts() -> dict:
    return django_eval(
        "import json, random\n"
        "from django.db import connection\n"
        "from proposals.models import Proposal\n"
        "ids = list(Proposal.objects.values_list('id', flat=True))\n"
        "cursor = connection.cursor()\n"
        "cursor.execute('SHOW server_version')\n"
        "version = cursor.fetchone()[0]\n"
        "print(json.dumps({'count': len(ids), 'postgres': version,\n"
        "                  'sample': random.Random(2026).sample(ids, min(200, len(ids)))}))\n"
    )


def seed(proposals: int, reuse: bool, *, compact_reused: bool = True) -> dict:
    """Migrate and seed the benchmark database (unless --reuse finds it seeded); returns timings and facts."""
    timings = {}
    if reuse:
        manage("migrate", "--noinput", "--verbosity", "0")
        manage("createcachetable", "--verbosity", "0")  # as `make serve` does on every start
        facts = database_facts()
        # A database seeded before the coherent demo holds one derived idea more than the N asked for.
        if facts["count"] in (proposals, proposals + 1):
            print(f"Reusing {bench_env()['PGSERVER_DATABASE']}: {facts['count']} ideas already there.")
            # The last run's reindex timing rewrote every idea: compact again, or this run measures the bloat
            # (unless told it was a run without the reindex: --no-extras --no-compact).
            if compact_reused:
                compact(timings)
            return {"timings": timings, "facts": facts}
        print(
            f"{bench_env()['PGSERVER_DATABASE']} holds {facts['count']} ideas, not {proposals}: seeding afresh."
        )
    print(
        f"Dropping and recreating the database {bench_env()['PGSERVER_DATABASE']} (the demo database is untouched)."
    )
    bench_database_drop()
    started = time.monotonic()
    manage("migrate", "--noinput", "--verbosity", "0")
    manage("createcachetable")
    timings["migrate"] = time.monotonic() - started
    print(f"Seeding {proposals} ideas and {MEMBERS} members…")
    started = time.monotonic()
    manage("seed_demo", "--proposals", str(proposals), "--members", str(MEMBERS))
    timings["seed"] = time.monotonic() - started
    print(f"seed_demo took {timings['seed']:.1f} s.")
    compact(timings)
    return {"timings": timings, "facts": database_facts()}


def compact(timings: dict):
    """seed_demo updates every idea right after inserting it (support count, search index), and the reindex
    timing rewrites every idea: compact the table as a restore would, and vacuum and analyse as autovacuum
    does in service, rather than time its catch-up."""
    started = time.monotonic()
    django_eval(
        "import json\nfrom django.db import connection\ncursor = connection.cursor()\n"
        "cursor.execute('VACUUM FULL proposals_proposal')\ncursor.execute('VACUUM ANALYZE')\n"
        "print(json.dumps({}))"
    )
    timings["vacuum"] = time.monotonic() - started
    print(f"VACUUM FULL + VACUUM ANALYZE took {timings['vacuum']:.1f} s.")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def server_env() -> dict:
    alphabet = string.ascii_letters + string.digits + "!#%&()*+,-./:;<=>?@[]^_{|}~"
    return bench_env(
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY="".join(secrets.choice(alphabet) for _ in range(50)),
        DJANGO_ALLOWED_HOSTS=HOST,
        DJANGO_SECURE_SSL_REDIRECT="0",
        DJANGO_LOG_LEVEL="WARNING",
    )


def get(port: int, path: str, timeout: float = 30) -> tuple[int, bytes]:
    connection = http.client.HTTPConnection(HOST, port, timeout=timeout)
    try:
        connection.request("GET", path, headers={"Accept-Language": "sv"})
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


def wait_until_up(port: int, process: subprocess.Popen, log: Path, timeout: float = 60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"gunicorn exited with {process.returncode}:\n{log.read_text()[-3000:]}")
        try:
            status, _ = get(port, "/ideer/", timeout=10)
            if status == 200:
                return
        except OSError:
            pass
        time.sleep(0.3)
    raise RuntimeError(f"gunicorn did not answer within {timeout:.0f} s:\n{log.read_text()[-3000:]}")


def server_stop(process: subprocess.Popen):
    if process.poll() is not None:
        return
    process.send_signal(signal.SIGTERM)  # graceful: gunicorn stops its workers
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def percentile(values: list[float], p: float) -> float:
    """Nearest rank: the smallest value with at least p % of the values at or below it."""
    ordered = sorted(values)
    rank = math.ceil(p / 100 * len(ordered))
    return ordered[min(max(rank, 1), len(ordered)) - 1]


@dataclass
class Scenario:
    name: str
    paths: list[str]
    target_ms: float | None = None
    expect_cards: bool = True
    # Every request a different path: a path is never asked twice (the measured requests stop short).
    fresh: bool = False
    baseline: str | None = None  # the first-page scenario whose p95, × DEEP_PAGE_FACTOR, is the target
    latencies_ms: list[float] = field(default_factory=list)
    by_path: dict[str, list[float]] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    wall_s: float = 0.0
    io_stalled: float | None = None  # the share of the measured time some task waited on the disk

    def percentile(self, p: float) -> float:
        return percentile(self.latencies_ms, p)

    @property
    def passed(self) -> bool | None:
        if self.target_ms is None:
            return None
        return not self.errors and self.percentile(95) < self.target_ms


def run_scenario(port: int, scenario: Scenario, warmup: int, requests: int, concurrency: int):
    lock = threading.Lock()

    def one(index: int, measure: bool):
        path = scenario.paths[index % len(scenario.paths)]
        started = time.perf_counter()
        try:
            status, body = get(port, path)
        except OSError as error:
            status, body = None, repr(error).encode()
        elapsed_ms = (time.perf_counter() - started) * 1000
        problem = None
        if status != 200:
            problem = f"{path}: {status} {body[:200]!r}"
        elif scenario.expect_cards and CARD_MARKER not in body:
            problem = f"{path}: 200 but no idea on the page"
        with lock:
            if problem:
                scenario.errors.append(problem)
            elif measure:
                scenario.latencies_ms.append(elapsed_ms)
                scenario.by_path.setdefault(path, []).append(elapsed_ms)

    if scenario.fresh:  # no path twice: the warm-up takes at most half of them, the measured the rest
        warmup = min(warmup, len(scenario.paths) // 2)
        requests = min(requests, len(scenario.paths) - warmup)
    with ThreadPoolExecutor(max_workers=concurrency) as pool:
        list(pool.map(lambda i: one(i, False), range(warmup)))
        started, stalled = time.perf_counter(), io_stalled_us()
        list(pool.map(lambda i: one(i, True), range(warmup, warmup + requests)))
        scenario.wall_s, stalled_after = time.perf_counter() - started, io_stalled_us()
        if stalled is not None and stalled_after is not None and scenario.wall_s:
            scenario.io_stalled = (stalled_after - stalled) / 1e6 / scenario.wall_s


def io_stalled_us() -> int | None:
    """How long, in microseconds since boot, some task has waited on the disk (Linux's pressure stall
    information): a machine whose page cache lets the database's pages go reads them again, and a run's
    latencies then say more about the disk than about the code. None where the kernel does not tell."""
    try:
        some = Path("/proc/pressure/io").read_text().splitlines()[0]
        return int(some.rsplit("total=", 1)[1])
    except (OSError, IndexError, ValueError):
        return None


def deep(
    name: str, paths: list[str], *, baseline: str | None = None, target_ms: float | None = None
) -> Scenario:
    """`paths` at a deep page number: held to the p95 of the `baseline` scenario (their first pages) ×
    DEEP_PAGE_FACTOR, or to `target_ms`."""
    deep_paths = [f"{path}{'&' if '?' in path else '?'}page={page}" for path in paths for page in DEEP_PAGES]
    return Scenario(name, deep_paths, target_ms, baseline=baseline)


def never_cached_target(proposals: int, concurrency: int) -> float:
    busy_or_national = proposals >= NATIONAL_BANK or concurrency >= 4
    return NEVER_CACHED_BUSY_TARGET_MS if busy_or_national else SEARCH_TARGET_MS


def scenarios(sample_ids: list[int], *, never_cached_ms: float) -> list[Scenario]:
    filtered = [f"/ideer/?{urlencode(f)}" for f in FILTERS]
    searches = [f"/ideer/?q={quote(q)}" for q in SEARCH_QUERIES]
    return [
        Scenario("list /ideer/", ["/ideer/"], LIST_TARGET_MS),
        deep("list, deep page", ["/ideer/"], baseline="list /ideer/"),
        Scenario("filtered list", filtered, LIST_TARGET_MS),
        # A filter whose ideas lie thin along the sort order (an area, a municipality) makes a deep page walk
        # about 1,000 / (its share of the bank) rows of the sort index: at page 50 up to 15 ms of SQL more
        # than page 1. Held to the list's own target rather than to a factor of page 1.
        deep("filtered, deep", filtered, target_ms=LIST_TARGET_MS),
        Scenario("search ?q=", searches, SEARCH_TARGET_MS),
        deep("search, deep", searches, baseline="search ?q="),
        Scenario("idea page", [f"/ideer/{pk}/" for pk in sample_ids], None, expect_cards=False),
        *(
            Scenario(name, paths, target, expect_cards=name != "suggestions")
            for name, paths, target in search_bench.SEARCH_SCENARIOS
        ),
        # Every request a different search (query × district × sort × supported): no result comes from the
        # cache.
        Scenario("search, never cached", cold_search_paths(), never_cached_ms, fresh=True),
    ]


def cold_search_paths() -> list[str]:
    """360 different searches. Every page of a search comes from one cached result, so each search is asked
    for once, at page 1 or 2: the page does not make a search new (nor may a run ask one twice: the scenario
    is `fresh`)."""
    paths = []
    for supported in ["", "on"]:
        for sort in ["", "newest", "supported", "commented", "active"]:
            for district in ["", "lan", "stad"]:
                for n, q in enumerate(SEARCH_QUERIES + COLD_EXTRA_QUERIES):
                    query = {
                        "q": q,
                        "district": district,
                        "sort": sort,
                        "supported": supported,
                        "page": 1 + n % 2,
                    }
                    paths.append("/ideer/?" + urlencode({k: v for k, v in query.items() if v}))
    return paths


def code_version() -> str:
    try:
        return subprocess.run(
            ["git", "describe", "--always", "--dirty"], cwd=ROOT, capture_output=True, text=True, check=True
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def report(results: list[Scenario], args, facts: dict, timings: dict, load: tuple) -> bool:
    print()
    print(
        f"Reformbanken benchmark: {facts['count']} ideas, PostgreSQL {facts['postgres']}, "
        f"{os.cpu_count()} cores, gunicorn {args.workers} workers, concurrency {args.concurrency}, "
        f"{args.requests} requests per scenario after {args.warmup} warm-up"
    )
    if "seed" in timings:
        print(
            f"Seed: seed_demo {timings['seed']:.1f} s (migrate {timings['migrate']:.1f} s, "
            f"VACUUM {timings['vacuum']:.1f} s)"
        )
    elif "vacuum" in timings:
        print(f"Reused the seeded database; VACUUM {timings['vacuum']:.1f} s")
    else:
        print("Reused the seeded database as it was (--no-compact)")
    print(f"Code: {code_version()}; load average before / after: {load[0]:.1f} / {load[1]:.1f}")
    header = (
        f"{'scenario':<16} {'ok':>5} {'err':>4} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8} {'req/s':>7}"
        f" {'io wait':>7}  target"
    )
    print(header)
    print("-" * len(header))
    all_good = True
    for s in results:
        if s.latencies_ms:
            p50, p95, top = s.percentile(50), s.percentile(95), max(s.latencies_ms)
            rps = len(s.latencies_ms) / s.wall_s if s.wall_s else 0.0
            io_wait = "-" if s.io_stalled is None else f"{100 * s.io_stalled:.0f} %"
            figures = f"{p50:>8.1f} {p95:>8.1f} {top:>8.1f} {rps:>7.1f} {io_wait:>7}"
        else:
            figures = f"{'-':>8} {'-':>8} {'-':>8} {'-':>7} {'-':>7}"
        if s.target_ms is None:
            verdict = "(no target)" if not s.errors else "FAIL (errors)"
        elif s.baseline:
            verdict = f"p95 < {DEEP_PAGE_FACTOR} × {s.baseline} = {s.target_ms:.0f} ms  {'PASS' if s.passed else 'FAIL'}"
        else:
            verdict = f"p95 < {s.target_ms:.0f} ms  {'PASS' if s.passed else 'FAIL'}"
        print(f"{s.name:<16} {len(s.latencies_ms):>5} {len(s.errors):>4} {figures}  {verdict}")
        if s.errors or s.passed is False:
            all_good = False
    for s in results:
        if 1 < len(s.by_path) <= 10:
            print(f"\n{s.name} by URL:")
            for path, values in s.by_path.items():
                print(f"  {percentile(values, 50):>7.1f} {percentile(values, 95):>7.1f}  {path}")
    for s in results:
        for error in s.errors[:5]:
            print(f"  {s.name}: {error}")
    return all_good


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--proposals", type=int, default=100_000, help="ideas to seed (default 100000)")
    parser.add_argument("--reuse", action="store_true", help="keep the bench database if it holds N ideas")
    parser.add_argument("--requests", type=int, default=300, help="measured requests per scenario")
    parser.add_argument("--warmup", type=int, default=20, help="unmeasured requests per scenario first")
    parser.add_argument("--concurrency", type=int, default=2, help="requests in flight at once")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn sync workers (one per core)")
    parser.add_argument(
        "--database",
        default=BENCH_DATABASE,
        help=f"the benchmark database (default {BENCH_DATABASE}; e.g. {BENCH_DATABASE}_1m to keep a 1M bank)",
    )
    parser.add_argument("--seed-only", action="store_true", help="seed (or reuse) the database and stop")
    parser.add_argument(
        "--no-compact",
        action="store_true",
        help="with --reuse: skip VACUUM FULL (the last run had --no-extras, so no reindex rewrote the ideas)",
    )
    parser.add_argument(
        "--only",
        action="append",
        default=[],
        help="run only the scenarios whose name contains this (repeatable)",
    )
    parser.add_argument(
        "--no-extras",
        action="store_true",
        help="skip what follows the HTTP scenarios (Python timings, diff, reindex, relevance, import, dashboard)",
    )
    args = parser.parse_args(argv)
    if args.proposals < 1 or args.requests < 1 or args.concurrency < 1 or args.workers < 1:
        parser.error("--proposals, --requests, --concurrency and --workers must be at least 1")

    if not re.fullmatch(r"[a-z_][a-z0-9_]{0,62}", args.database):
        parser.error("--database must be a plain lower-case name")
    os.environ["REFORMBANK_BENCH_DATABASE"] = args.database

    load = os.getloadavg()[0]
    if load > (os.cpu_count() or 1) / 2:
        print(f"Warning: load average {load:.1f} on {os.cpu_count()} cores; other work inflates latencies.")
    seeded = seed(args.proposals, args.reuse, compact_reused=not args.no_compact)
    facts = seeded["facts"]
    if args.seed_only:
        return 0
    env = server_env()
    manage("collectstatic", "--noinput", "--verbosity", "0", env=env)
    # The search cache keeps a search for SEARCH_CACHE_SECONDS: a run begun within that time of the last one
    # would find that run's searches in it, and its never-cached searches would be partly cached.
    django_eval(
        "import json\nfrom proposals.search import search_cache_clear\nsearch_cache_clear()\nprint(json.dumps({}))"
    )

    port = free_port()
    log = Path(tempfile.mkstemp(prefix="reformbank-bench-gunicorn-", suffix=".log")[1])
    print(f"Starting gunicorn on http://{HOST}:{port} ({args.workers} workers), log in {log}")
    with log.open("w") as log_file:
        process = subprocess.Popen(
            [gunicorn(), "reformbank.wsgi", "--bind", f"{HOST}:{port}", "--workers", str(args.workers)],
            cwd=ROOT,
            env=env,
            stdout=log_file,
            stderr=subprocess.STDOUT,
        )
        try:
            wait_until_up(port, process, log)
            load_before = os.getloadavg()[0]
            results = scenarios(
                facts["sample"], never_cached_ms=never_cached_target(facts["count"], args.concurrency)
            )
            if args.only:
                results = [s for s in results if any(part in s.name for part in args.only)]
            by_name = {scenario.name: scenario for scenario in results}
            for scenario in results:
                print(f"  {scenario.name}…", flush=True)
                baseline = by_name.get(scenario.baseline)
                if baseline and baseline.latencies_ms:
                    scenario.target_ms = DEEP_PAGE_FACTOR * baseline.percentile(95)
                run_scenario(port, scenario, args.warmup, args.requests, args.concurrency)
            load_after = os.getloadavg()[0]
        finally:
            server_stop(process)
    all_good = report(results, args, facts, seeded["timings"], (load_before, load_after))
    if args.no_extras:
        if all_good:
            log.unlink(missing_ok=True)
        return 0 if all_good else 1
    timings_report, timings_good = search_bench.python_timings_report(
        django_eval(
            f"import sys\nsys.path.insert(0, {str(ROOT / 'bench')!r})\n{search_bench.PYTHON_TIMINGS_CODE}"
        )
    )
    print(f"\n{timings_report}")
    all_good = all_good and timings_good
    diff = agenda_bench.diff_report()
    print(f"\n{diff}")
    reindex = search_bench.reindex_seconds(env=bench_env())
    print(f"Full search reindex of {facts['count']} ideas: {reindex:.1f} s (target < 120 s)")
    print(f"\n{search_bench.relevance_report()}")
    imports = import_bench.import_report()
    print(f"\n{imports}")
    anchoring = anchoring_bench.dashboard_report()
    print(f"\n{anchoring}")
    all_good = all_good and "FAIL" not in diff + imports + anchoring and reindex < 120
    if all_good:
        log.unlink(missing_ok=True)
    else:
        print(f"gunicorn log: {log}")
    return 0 if all_good else 1


if __name__ == "__main__":
    sys.exit(main())
