"""The pipeline machinery: components by name, their order checked when the pipeline is built, batches."""

from __future__ import annotations

import pytest

from loaders.components.segmenter import segment
from loaders.iris import article_iri
from loaders.kb.model import KBEntry
from loaders.kb.seed import load_kb
from loaders.model import Article, Document
from loaders.pipeline import DEFAULT_COMPONENTS, Pipeline, PipelineError, Resources, build, component, default_pipeline

SEEN: list[int] = []


@component("test_token_counter", requires=("tokens",))
def count_tokens(doc: Document) -> None:
    SEEN.append(len(doc.tokens))


@component("test_second_segmenter", assigns=("tokens",))
def resegment(doc: Document) -> None:
    doc.tokens = []


def article(text: str, lang: str = "id") -> Article:
    return Article(article_iri(None, text), None, "", text, lang)


def test_components_run_in_order_over_a_batch() -> None:
    SEEN.clear()
    pipeline = Pipeline([segment, count_tokens])
    extractions = list(pipeline.pipe([article("Iran dan Oman."), article("Iran, Oman dan Qatar bertemu.")]))
    assert SEEN == [3, 5]
    assert [x.article.text for x in extractions] == ["Iran dan Oman.", "Iran, Oman dan Qatar bertemu."]
    assert [len(x.sentences) for x in extractions] == [1, 1]


def test_a_component_before_what_it_requires_fails_at_build_in_one_line() -> None:
    with pytest.raises(PipelineError) as error:
        Pipeline([count_tokens, segment])
    assert str(error.value) == ("component 'test_token_counter' requires 'tokens', which no component before it "
                                "assigns (pipeline: test_token_counter, segmenter)")
    names = list(DEFAULT_COMPONENTS)
    names.remove("entities")
    names.insert(names.index("events") + 1, "entities")
    with pytest.raises(PipelineError, match="component 'coordinates' requires 'entities'"):
        build(names, Resources(load_kb()))


def test_a_field_has_one_writer_and_names_must_be_known() -> None:
    with pytest.raises(PipelineError, match="components 'segmenter' and 'test_second_segmenter' both assign 'tokens'"):
        Pipeline([segment, resegment])
    with pytest.raises(PipelineError, match="no component registered as 'gazeteer'"):
        build(["segmenter", "gazeteer"], Resources(load_kb()))


def test_the_default_pipeline_is_built_once_and_replacing_a_component_copies_it() -> None:
    pipeline = default_pipeline()
    assert pipeline is default_pipeline()
    assert pipeline.names == DEFAULT_COMPONENTS
    other = pipeline.replaced("linker", pipeline.get("linker").configured())  # type: ignore[attr-defined]
    assert other.get("linker") is not pipeline.get("linker")
    assert other.get("gazetteer") is pipeline.get("gazetteer")


def test_an_online_linker_learns_into_its_own_index_not_the_shared_pipelines() -> None:
    text = "Analis Testa Fakeperson bertemu Joe Biden."
    found = KBEntry("Q999999990001", "Person", "Testa Fakeperson")  # fake test QID

    def lookup(name: str, type_: str, lang: str) -> list[KBEntry]:
        return [found] if name == "Testa Fakeperson" else []

    shared = default_pipeline()
    online = shared.replaced("linker", shared.get("linker").configured(lookup=lookup))  # type: ignore[attr-defined]
    assert {e.wikidata for e in online.extract(article(text)).entities} == {"Q999999990001", "Q6279"}
    assert {e.wikidata for e in shared.extract(article(text)).entities} == {None, "Q6279"}
