"""The store read through rdflib's API (oxrdflib), as the README's Python example does."""

import contextlib
import io
import re
from pathlib import Path

from rdflib import Dataset, URIRef

from ontology import KABAR
from store import KabarStore

README = Path(__file__).resolve().parents[1] / "README.md"


def readme_python() -> str:
    """The README's one Python example."""
    blocks = re.findall(r"```python\n(.*?)```", README.read_text(encoding="utf-8"), re.S)
    assert len(blocks) == 1, "the README shows one Python example"
    return blocks[0]


def test_readme_python_example_prints_the_negotiating_countries(seed_store: KabarStore) -> None:
    code = readme_python().replace('KabarStore("var/store", read_only=True)', "contextlib.nullcontext(seed_store)")
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(code, {"contextlib": contextlib, "seed_store": seed_store})
    assert out.getvalue().splitlines() == ["Iran", "United States"]


def test_rdflib_dataset_is_the_store_not_a_copy(seed_store: KabarStore) -> None:
    dataset = seed_store.rdflib_dataset()
    assert isinstance(dataset, Dataset)
    assert len(dataset) == seed_store.triple_count()
    graphs = {str(g.identifier) for g in dataset.graphs() if isinstance(g.identifier, URIRef)}
    assert set(seed_store.graph_names()) <= graphs
    negotiations = set(dataset.subjects(predicate=None, object=KABAR.Negotiation))
    assert negotiations, "the seed's Iran-US talks are a Negotiation in the union default graph"
