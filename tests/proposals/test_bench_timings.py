"""`make bench` times the cards and the forgiving search in Python with code it runs in `manage.py shell` on
its own database (bench/search_bench.py PYTHON_TIMINGS_CODE). Run here on a small bank, so that a change to
the templates or the search that breaks that code fails the suite, not the next benchmark run."""

import json

import pytest
from django.conf import settings


@pytest.fixture
def search_bench(monkeypatch):
    monkeypatch.syspath_prepend(str(settings.BASE_DIR / "bench"))
    import search_bench

    return search_bench


def test_the_benchmarks_python_timings_run_and_report_every_figure(
    search_bench, member, make_proposal, capsys
):
    for n in range(3):
        make_proposal(
            member, title=f"Fler bostäder för unga {n}", body="Bostäder med rimlig hyra nära skolor."
        )

    exec(search_bench.PYTHON_TIMINGS_CODE, {})

    timings = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert set(timings["cards"]) == {"list", "search"}
    assert set(timings["forgiving"]) == set(search_bench.FORGIVING_QUERIES)
    assert all(ms > 0 for ms in timings["cards"].values())
    report, _good = search_bench.python_timings_report(timings)
    assert report.count("PASS") + report.count("FAIL") == 2 + len(search_bench.FORGIVING_QUERIES)
