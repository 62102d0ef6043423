"""`kabar extract --format json` prints exactly the pinned output for the seed and the gold articles."""

from __future__ import annotations

import subprocess
import sys

import pytest
from conftest import ROOT

EXPECTED = ROOT / "tests" / "data" / "expected"


@pytest.mark.parametrize(("articles", "expected"), [
    (ROOT / "seeds" / "articles", EXPECTED / "seeds-articles.json"),
    (ROOT / "tests" / "data" / "gold" / "articles.jsonl", EXPECTED / "gold-articles.jsonl"),
])
def test_extraction_output_is_byte_identical_to_the_pinned_one(articles, expected) -> None:
    done = subprocess.run([sys.executable, "-m", "kabar.cli", "extract", "--format", "json", str(articles)],
                          capture_output=True, cwd=ROOT, check=False)
    assert done.returncode == 0, done.stderr.decode()
    assert done.stdout == expected.read_bytes()
