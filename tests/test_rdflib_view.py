"""kabar from Python: the README's example (kabar.extract, kabar.Store) and rdflib over the store (oxrdflib)."""

import contextlib
import io
import re
from pathlib import Path

import pytest
from rdflib import Dataset, URIRef

from ontology import KABAR
from store import KabarStore

README = Path(__file__).resolve().parents[1] / "README.md"


def readme_python() -> str:
    """The README's one Python example."""
    blocks = re.findall(r"```python\n(.*?)```", README.read_text(encoding="utf-8"), re.S)
    assert len(blocks) == 1, "the README shows one Python example"
    return blocks[0]


def test_readme_python_example_prints_what_the_readme_shows(seed_store: KabarStore) -> None:
    assert 'kabar.Store("var/store", read_only=True)' in readme_python()
    code = readme_python().replace('kabar.Store("var/store", read_only=True)', "contextlib.nullcontext(seed_store)")
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(code, {"contextlib": contextlib, "seed_store": seed_store})
    printed = re.search(r"```python\n.*?```\n\nprints, on the seeds:\n\n```\n(.*?)```", README.read_text(), re.S)
    assert printed and out.getvalue() == printed.group(1)


def test_rdflib_dataset_is_the_store_not_a_copy(seed_store: KabarStore) -> None:
    dataset = seed_store.rdflib_dataset()
    assert isinstance(dataset, Dataset)
    assert len(dataset) == seed_store.triple_count()
    graphs = {str(g.identifier) for g in dataset.graphs() if isinstance(g.identifier, URIRef)}
    assert set(seed_store.graph_names()) <= graphs
    negotiations = set(dataset.subjects(predicate=None, object=KABAR.Negotiation))
    assert negotiations, "the seed's Iran-US talks are a Negotiation in the union default graph"


def test_python_extract_checks_its_input_as_the_command_does() -> None:
    import kabar
    from loaders.read.fields import ArticleError

    with pytest.raises(ArticleError, match="no text"):
        kabar.extract("   ")
    english = kabar.extract("Russian President Vladimir Putin met Chinese President Xi Jinping in Kazan.")
    assert {e.name for e in english.entities} >= {"Vladimir Putin", "Xi Jinping"}
    assert english.article.lang == "en"
