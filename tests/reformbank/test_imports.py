"""The apps stand in floors and import only downward: places → audit → members → proposals → agenda, rounds,
moderation and practice (side by side) → meetings → imports → api, privacy and anchoring (side by side). An app shows something of a higher app through
that app's template tags, never by importing it."""

import re
import subprocess
import sys
from pathlib import Path

from django.conf import settings

BASE_DIR = Path(settings.BASE_DIR)


def test_each_app_imports_only_the_apps_below_it():
    """import-linter, with the contracts in pyproject.toml."""
    result = subprocess.run(
        [str(Path(sys.executable).parent / "lint-imports"), "--no-cache"],
        cwd=BASE_DIR,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def test_the_benchmark_does_not_import_the_tests():
    for path in (BASE_DIR / "bench").glob("*.py"):
        assert not re.search(r"^\s*(from|import) tests\b", path.read_text(), re.MULTILINE), path.name
