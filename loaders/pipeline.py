"""The extraction pipeline: small components run in order over one `Document`.

Each component is a callable `(doc: Document) -> Document | None` doing one
job (spaCy style), so a later one can be swapped — a trained NER for the
gazetteer and name patterns — without touching the others.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import cache

from loaders.coref import Coreference
from loaders.entities import assemble_entities
from loaders.events import Events
from loaders.gazetteer import Gazetteer, NameIndex, load_aliases
from loaders.kb import KnowledgeBase, load_kb
from loaders.link import Linker
from loaders.model import Article, Document, Extraction
from loaders.names import PersonNames
from loaders.ner import NamedEntities
from loaders.org_names import OrganizationNames
from loaders.positions import Positions
from loaders.sentences import segment

Component = Callable[[Document], Document | None]


class Pipeline:
    def __init__(self, components: Sequence[Component]) -> None:
        self.components = list(components)

    def __call__(self, doc: Document) -> Document:
        for component in self.components:
            doc = component(doc) or doc
        return doc

    def extract(self, article: Article) -> Extraction:
        doc = self(Document(article))
        return Extraction(article, doc.entities, doc.events)


def default_pipeline(kb: KnowledgeBase | None = None) -> Pipeline:
    """The baseline pipeline over `kb`, or over the seed KB (built once per process) when None."""
    return _seed_pipeline() if kb is None else _build(kb)


@cache
def _seed_pipeline() -> Pipeline:
    return _build(load_kb())


def _build(kb: KnowledgeBase) -> Pipeline:
    index = NameIndex(kb, load_aliases())
    return Pipeline([
        segment,
        Gazetteer(index),
        PersonNames(),
        OrganizationNames(),
        NamedEntities(index),
        Coreference(index),
        Linker.from_kb(kb, load_aliases()),
        assemble_entities,
        Positions(index),
        Events(index),
    ])
