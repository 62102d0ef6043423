"""Shared fixtures: the seed article ingested once into a real on-disk store."""

from collections.abc import Iterator
from pathlib import Path

import pytest

from kabar.ingest import ingest
from kabar.store import KabarStore

ROOT = Path(__file__).resolve().parent.parent
SEED_ARTICLES = ROOT / "seeds" / "articles"


@pytest.fixture(scope="session")
def seed_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[KabarStore]:
    """The seeds as `make run` loads them; tests must only read it."""
    store = KabarStore(tmp_path_factory.mktemp("seed") / "store")
    ingest(store, [SEED_ARTICLES], with_kb=True)
    yield store
    store.close()
