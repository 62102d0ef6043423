"""The extraction pipeline: components registered by name, run in order over one `Document`, spaCy style.

A component is a callable `(doc) -> None` that does one job and declares
which `Document` fields it `requires` and which it `assigns`. The
`@component(name, requires=..., assigns=...)` decorator registers it: a
class is built with the pipeline's `Resources` (the KB and its indexes)
when its constructor takes them, a function is used as it is. Building a
pipeline checks the order once, at start-up, so that a wrong order is a
one-line `PipelineError` instead of a KeyError in the middle of an ingest:

- every required field is assigned by a component before;
- a field has one writer, except `proposals`, in which each recognizer
  writes only its own slot (its name).

`pipe(articles)` runs the pipeline over a batch (what ingest does),
`extract(article)` over one.
"""

from __future__ import annotations

import dataclasses
import inspect
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any, Protocol

from loaders import events, lang
from loaders.kb.build.index import KBIndex
from loaders.kb.build.records import KB_DIR
from loaders.kb.index import NameIndex
from loaders.kb.model import KnowledgeBase
from loaders.kb.seed import AliasRow, load_aliases, load_kb
from loaders.model import Article, Document, Extraction
from ontology.vocabulary import VOCABULARY, Vocabulary

_GIVEN_MIN_PERSONS, _GIVEN_MAX_SHARE = 3, 0.1

FIELDS = tuple(f.name for f in dataclasses.fields(Document) if f.name != "article")
"""What components may require and assign: the fields of `Document`."""
SHARED_FIELDS = frozenset({"proposals"})
"""Fields several components assign, each its own slot."""

DEFAULT_COMPONENTS = ("segmenter", "gazetteer", "kb_names", "person_names", "venue_names", "org_names", "ner", "coref",
                      "linker", "entities", "coordinates", "positions", "events")
"""The baseline pipeline, in order: words and sentences; recognizers propose mentions; coreference decides
them; the linker links them; entity assembly groups them; coordinates, positions and events read the entities."""


class PipelineError(ValueError):
    """A pipeline that cannot run as built; `str()` says which component and field, in one line."""


class Component(Protocol):
    name: str
    requires: tuple[str, ...]
    assigns: tuple[str, ...]

    def __call__(self, doc: Document) -> None: ...


@dataclass(frozen=True)
class Resources:
    """What components are built from: the seed KB, kabar's extra aliases (`seeds/aliases.csv`), the vocabulary,
    and the large offline KB (`seeds/wikidata/kb/`, None for none) through its name index."""

    kb: KnowledgeBase
    aliases: tuple[AliasRow, ...] = field(default_factory=lambda: tuple(load_aliases()))
    vocabulary: Vocabulary = VOCABULARY
    large_kb: Path | None = KB_DIR

    @cached_property
    def kb_index(self) -> KBIndex | None:
        """The large KB's SQLite name index, opened (built on first use) once for every component that asks."""
        return KBIndex.open(self.large_kb) if self.large_kb is not None else None

    @cached_property
    def given_names(self) -> frozenset[str]:
        """Folded words that open many KB persons' names and few other names: 'dmytro', 'ana', 'xu'."""
        return self.kb_index.given_names(_GIVEN_MIN_PERSONS, _GIVEN_MAX_SHARE) if self.kb_index else frozenset()

    @cached_property
    def index(self) -> NameIndex:
        """The KB's names indexed for spotting, built once for every component that asks."""
        return NameIndex(self.kb, self.aliases)


@dataclass(frozen=True)
class _Registration:
    name: str
    requires: tuple[str, ...]
    assigns: tuple[str, ...]
    factory: Callable[[Resources], Component]


_REGISTRY: dict[str, _Registration] = {}


def component(name: str, *, requires: Sequence[str] = (), assigns: Sequence[str] = ()) -> Callable[[Any], Any]:
    """Register a component under `name`: a class (taking `Resources`, or nothing), or a function of a `Document`."""

    def register(obj: Any) -> Any:
        if name in _REGISTRY:
            raise PipelineError(f"two components are registered as {name!r}")
        obj.name, obj.requires, obj.assigns = name, tuple(requires), tuple(assigns)
        if not isinstance(obj, type):
            factory = lambda resources: obj  # noqa: E731
        elif inspect.signature(obj).parameters:
            factory = obj
        else:
            factory = lambda resources: obj()  # noqa: E731
        _REGISTRY[name] = _Registration(name, obj.requires, obj.assigns, factory)
        return obj

    return register


def registered() -> tuple[str, ...]:
    return tuple(_REGISTRY)


class Pipeline:
    def __init__(self, components: Sequence[Component]) -> None:
        self.components = tuple(components)
        check(self.components)

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.components)

    def get(self, name: str) -> Component:
        for c in self.components:
            if c.name == name:
                return c
        raise PipelineError(f"no component {name!r} in the pipeline ({', '.join(self.names)})")

    def replaced(self, name: str, new: Component) -> Pipeline:
        """A pipeline like this one with `new` in place of the component `name`; this one is unchanged."""
        self.get(name)
        return Pipeline([new if c.name == name else c for c in self.components])

    def __call__(self, doc: Document, timings: dict[str, float] | None = None) -> Document:
        """Run every component over `doc`; with `timings`, add each component's seconds to it."""
        for c in self.components:
            if timings is None:
                c(doc)
            else:
                start = time.perf_counter()
                c(doc)
                timings[c.name] = timings.get(c.name, 0.0) + time.perf_counter() - start
        return doc

    def extract(self, article: Article) -> Extraction:
        return Extraction.of(self(Document(article)))

    def pipe(self, articles: Iterable[Article], timings: dict[str, float] | None = None) -> Iterator[Extraction]:
        """The extraction of each article, in order, one at a time."""
        for article in articles:
            yield Extraction.of(self(Document(article), timings))


def check(components: Sequence[Component | _Registration]) -> None:
    """Raise `PipelineError` for unknown fields, a field needed before it is made, or two writers of one field."""
    names = [c.name for c in components]
    order = ", ".join(names)
    assigned: dict[str, str] = {}
    for c in components:
        if names.count(c.name) > 1:
            raise PipelineError(f"component {c.name!r} appears twice in the pipeline ({order})")
        for f in (*c.requires, *c.assigns):
            if f not in FIELDS:
                raise PipelineError(f"component {c.name!r} names the field {f!r}; a Document has {', '.join(FIELDS)}")
        for f in c.requires:
            if f not in assigned:
                raise PipelineError(f"component {c.name!r} requires {f!r}, which no component before it assigns "
                                    f"(pipeline: {order})")
        for f in c.assigns:
            if f in assigned and f not in SHARED_FIELDS:
                raise PipelineError(f"components {assigned[f]!r} and {c.name!r} both assign {f!r}: "
                                    "a field has one writer")
            assigned[f] = c.name


def build(names: Sequence[str], resources: Resources) -> Pipeline:
    """The pipeline of the registered components `names`, in that order, checked before any is built."""
    import loaders.components  # noqa: F401  registers the built-in components

    unknown = [n for n in names if n not in _REGISTRY]
    if unknown:
        raise PipelineError(f"no component registered as {unknown[0]!r}; registered: {', '.join(_REGISTRY)}")
    registrations = [_REGISTRY[n] for n in names]
    check(registrations)
    return Pipeline([r.factory(resources) for r in registrations])


def default_pipeline(kb: KnowledgeBase | None = None) -> Pipeline:
    """The baseline pipeline over `kb`, or over the seed KB when None.

    The seed KB's pipeline is built once, and again only after a language
    pack or an event type was registered or removed.
    """
    if kb is not None:
        return build(DEFAULT_COMPONENTS, Resources(kb))
    key = (lang.version(), events.version())
    if key not in _SEED_PIPELINE:
        _SEED_PIPELINE.clear()
        _SEED_PIPELINE[key] = build(DEFAULT_COMPONENTS, Resources(load_kb()))
    return _SEED_PIPELINE[key]


_SEED_PIPELINE: dict[tuple[int, int], Pipeline] = {}


__all__ = ["DEFAULT_COMPONENTS", "FIELDS", "Component", "Pipeline", "PipelineError", "Resources", "build", "check",
           "component", "default_pipeline", "registered"]
