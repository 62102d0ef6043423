"""Extending extraction without touching it: a language pack, an event type, each one module registered."""

from __future__ import annotations

import dataclasses
import importlib
import sys
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from conftest import PUBLISHED, entity, extract, only_event

from loaders import events, lang
from loaders.iris import article_iri, entity_iri
from loaders.kb.seed import load_kb
from loaders.lang import LanguagePack
from loaders.model import Article
from loaders.pipeline import DEFAULT_COMPONENTS, PipelineError, Resources, build, default_pipeline
from loaders.read import ArticleError, read_articles
from ontology import KABAR
from ontology.vocabulary import VOCABULARY, ClassDef, PropertyDef, Text

DUTCH = ("Premier Mark Rutte ontmoette president Joe Biden gisteren in Washington. De twee spraken over de oorlog "
         "en het overleg van de NAVO.")
WASHINGTON, BIDEN = entity_iri("Place", "", "Q61"), entity_iri("Person", "", "Q6279")


def _fresh_import(name: str) -> object:
    sys.modules.pop(name, None)
    return importlib.import_module(name)


@pytest.fixture
def dutch() -> Iterator[LanguagePack]:
    pack = _fresh_import("toy_language_nl").PACK  # importing the module registers the pack
    yield pack
    lang.unregister(pack.code)


@pytest.fixture
def sanction() -> Iterator[str]:
    _fresh_import("toy_event_sanction")  # importing the module registers the event type
    yield "Sanction"
    events.base.unregister("Sanction")


def test_a_language_pack_is_all_a_new_language_takes(dutch: LanguagePack, tmp_path: Path) -> None:
    assert lang.detect_language(DUTCH) == "nl"
    path = tmp_path / "nl.json"
    path.write_text(f'{{"title": "Rutte in Washington", "published": "{PUBLISHED}", "text": "{DUTCH}"}}')
    (article,) = read_articles(path)
    assert article.lang == "nl"
    x = default_pipeline().extract(article)
    rutte = entity(x, "Mark Rutte")
    meeting = only_event(x, "Meeting")
    assert (meeting.trigger.text, set(meeting.participants)) == ("ontmoette", {rutte.id, BIDEN})
    assert (meeting.location, meeting.date) == (WASHINGTON, (PUBLISHED - timedelta(days=1)).isoformat())
    assert meeting.cameo == "040"


def test_without_the_pack_dutch_is_refused_and_its_words_mean_nothing(tmp_path: Path) -> None:
    path = tmp_path / "nl.json"
    path.write_text(f'{{"title": "t", "lang": "nl", "text": "{DUTCH}"}}')
    with pytest.raises(ArticleError, match="field 'lang' is 'nl'; kabar reads en and id"):
        list(read_articles(path))
    assert extract(DUTCH, "en").events == []


def _vocabulary_with_sanctions() -> object:
    text = Text("test", "uji")
    return dataclasses.replace(
        VOCABULARY,
        classes=(*VOCABULARY.classes, ClassDef("Sanction", text, text, (KABAR.Event,))),
        properties=(*VOCABULARY.properties, *(PropertyDef(name, text, text, "object", (KABAR.participant,),
                                                          ("Sanction",), ("Agent",))
                                              for name in ("sanctioner", "sanctioned"))),
    )


def test_an_event_type_is_one_module_and_its_registration(sanction: str) -> None:
    pipeline = build(DEFAULT_COMPONENTS, Resources(load_kb(), vocabulary=_vocabulary_with_sanctions()))
    for text, lang_ in (("The United States sanctioned Iran on Monday.", "en"),
                        ("Amerika Serikat menyanksi Iran pada hari Senin.", "id")):
        x = pipeline.extract(Article(article_iri(None, text), None, "", text, lang_, PUBLISHED))
        event = only_event(x, "Sanction")
        us, iran = entity_iri("Country", "", "Q30"), entity_iri("Country", "", "Q794")
        assert (event.roles, event.cameo) == ({us: "sanctioner", iran: "sanctioned"}, "163")
        assert event.date == (date(2024, 5, 20)).isoformat()


def test_an_event_type_the_vocabulary_lacks_stops_the_pipeline_at_start_up(sanction: str) -> None:
    with pytest.raises(PipelineError) as error:
        build(DEFAULT_COMPONENTS, Resources(load_kb()))
    assert str(error.value) == "event type 'Sanction' is not a subclass of kabar:Event in the vocabulary"
