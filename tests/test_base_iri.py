"""A deployment with its own IRI space (issue 13, item 2): `KABAR_BASE_IRI=https://w3id.org/mynews/` makes kabar
mint `https://w3id.org/mynews/id/...`, which the server resolves at `/id/...` as w3id.org's redirect sends them.

Each process reads the setting when it starts, so every case runs the real `kabar` in its own process.
"""

from __future__ import annotations

import re
import shlex
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import ROOT, SEED_ARTICLES, assert_one_line_error, fetch, kabar, kabar_serving
from rdflib import Graph, URIRef

from loaders.pipeline_recipe import PipelineRecipe
from store.dask_extraction import ClusterError, _on_worker

MINE = "https://w3id.org/mynews/"
ENV = {"KABAR_BASE_IRI": MINE}
KABARS = "https://w3id.org/kabar/"
README = ROOT / "README.md"


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The README's line, run as shown but for the store's folder."""
    line = next(line for line in README.read_text(encoding="utf-8").splitlines()
                if line.startswith("KABAR_BASE_IRI="))
    setting, command, *args = shlex.split(line)
    assert setting == f"KABAR_BASE_IRI={MINE}" and command == "kabar" and args[:2] == ["--store", "var/mynews"]
    path = tmp_path_factory.mktemp("base-iri") / "store"
    done = kabar("--store", str(path), *args[2:], env=ENV)
    assert done.returncode == 0, done.stderr
    return path


@pytest.fixture
def site(store: Path) -> Iterator[str]:
    with kabar_serving(store, ENV) as url:
        yield url


def test_what_kabar_mints_is_in_the_deployments_space_and_the_vocabulary_stays_kabars(store: Path) -> None:
    query = ("SELECT DISTINCT ?s WHERE { ?s a ?type FILTER(STRSTARTS(STR(?type), STR(kabar:)) "
             "&& !STRSTARTS(STR(?s), STR(wd:)) && !STRSTARTS(STR(?s), STR(kabar:))) }")
    done = kabar("--store", str(store), "query", "--format", "tsv", query, env=ENV)
    assert done.returncode == 0, done.stderr
    subjects = done.stdout.splitlines()[1:]
    assert len(subjects) > 20
    assert all(s.startswith(f"<{MINE}id/") for s in subjects), subjects[:5]
    exported = kabar("--store", str(store), "export", "--format", "nquads", env=ENV).stdout
    assert f"<{MINE}id/article/" in exported and f"{KABARS}id/" not in exported
    assert f"<{KABARS}ontology#Article>" in exported


def test_the_server_resolves_the_deployments_iris_and_its_pages_link_here(store: Path, site: str) -> None:
    article = re.search(rf"<({re.escape(MINE)}id/article/[0-9a-f]+)>",
                        kabar("--store", str(store), "export", "--format", "nquads", env=ENV).stdout)
    assert article
    path = article[1].removeprefix(MINE)
    turtle = fetch(f"{site}/{path}", headers={"Accept": "text/turtle"})
    assert turtle.status == 200, turtle.text
    graph = Graph().parse(data=turtle.text, format="turtle")
    assert (URIRef(article[1]), None, None) in graph
    page = fetch(f"{site}/{path}", headers={"Accept": "text/html"})
    assert page.status == 200
    linked = re.findall(r'href="(/id/[^"]+)"', page.text)
    assert linked and f'href="{MINE}' not in page.text
    assert fetch(f"{site}{linked[0]}", headers={"Accept": "text/html"}).status == 200
    assert fetch(f"{site}/ontology", headers={"Accept": "text/turtle"}).status == 200
    void = fetch(f"{site}/.well-known/void", headers={"Accept": "text/turtle"})
    assert f"{MINE}id/" in void.text


def test_a_store_opened_under_another_base_is_refused_and_kept(store: Path) -> None:
    before = kabar("--store", str(store), "export", "--format", "nquads", env=ENV).stdout
    for env in ({}, {"KABAR_BASE_IRI": "https://example.org/other/"}):
        assert_one_line_error(kabar("--store", str(store), "ingest", str(SEED_ARTICLES), env=env),
                              f"holds IRIs under {MINE}", "KABAR_BASE_IRI")
        assert_one_line_error(kabar("--store", str(store), "serve", "--port", "0", env=env), f"under {MINE}")
    assert kabar("--store", str(store), "export", "--format", "nquads", env=ENV).stdout == before


@pytest.mark.parametrize("value", ["ftp://example.org/", "https://w3id.org/mynews", "https://example.org/?x=1",
                                   "w3id.org/mynews/", "https://w3id.org/my news/"])
def test_a_base_iri_that_cannot_be_one_is_named(tmp_path: Path, value: str) -> None:
    for command in (["ingest", str(SEED_ARTICLES)], ["serve", "--port", "0"]):
        assert_one_line_error(kabar("--store", str(tmp_path / "s"), *command, env={"KABAR_BASE_IRI": value}),
                              "KABAR_BASE_IRI", repr(value))
    assert not (tmp_path / "s").exists()


def test_a_dask_worker_that_would_mint_elsewhere_refuses_the_batch() -> None:
    recipe = PipelineRecipe(data_base=MINE)  # this process mints under kabar's own space
    with pytest.raises(ClusterError, match="KABAR_BASE_IRI"):
        _on_worker(recipe, "batch", ())
