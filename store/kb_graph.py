"""The Wikidata KB graph (`WIKIDATA_GRAPH`): filling it from the seed, dumps and the online mode, reading it back.

Only this graph is written here, by adding triples: importing the same
file twice changes nothing, and the news graphs are never touched. What
the files say is read by `loaders.kb.wikidata`; `store_kb` turns the graph
back into the KB the pipeline links against, so what an import or the
online mode added is known to the next ingest without a network.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from loaders.kb.api import WikidataClient
from loaders.kb.build.index import KBIndex, as_entry
from loaders.kb.model import CANONICAL_LANGUAGE, KBEntry, KnowledgeBase
from loaders.kb.seed import SEED_KB_DIR, load_kb
from loaders.kb.wikidata import (
    PROPERTIES,
    ImportReport,
    KBImportError,
    Progress,
    entity_triples,
    entries,
    file_kind,
    grow,
    items,
    kb_languages,
    read_dump,
    read_rdf,
)
from loaders.lang import codes
from ontology import WD, WIKIDATA_GRAPH
from store.quad_store import QuadStore

_GRAPH = ox.NamedNode(str(WIKIDATA_GRAPH))


def _in_kb_graph(triples: Iterable[ox.Triple]) -> Iterator[ox.Quad]:
    for t in triples:
        yield ox.Quad(t.subject, t.predicate, t.object, _GRAPH)


def load_seed_kb(store: QuadStore, directory: Path = SEED_KB_DIR) -> int:
    """Add the seed KB to the KB graph (what imports or the online mode added there stays); returns quads offered."""
    return store.add_quads(_in_kb_graph(load_kb(directory).triples()))


def import_files(store: QuadStore, paths: Iterable[Path], progress: Progress | None = None) -> ImportReport:
    """Import every file into the KB graph; a seed CSV stands for its directory (the files refer to each other)."""
    report = ImportReport()
    seed_dirs: set[Path] = set()
    for path in paths:
        kind = file_kind(path)
        if kind == "seed":
            if path.parent in seed_dirs:
                continue
            seed_dirs.add(path.parent)
            triples: Iterable[ox.Triple] = load_kb(path.parent).triples()
        else:
            triples = (read_dump if kind == "json" else read_rdf)(path, report, progress)
        try:
            report.triples += store.add_quads(_in_kb_graph(triples))
        except (OSError, EOFError) as e:  # unreadable or truncated (.gz/.bz2) file
            raise KBImportError(f"{path}: {e}") from e
        report.files += 1
    store.flush()
    return report


def store_kb(store: QuadStore, seed: KnowledgeBase | None = None) -> KnowledgeBase:
    """The seed KB plus what the store's KB graph adds: new typed items, and new names of seed items."""
    return grow(seed or load_kb(), store.quads(WIKIDATA_GRAPH))


def knows_item(store: QuadStore, qid: str) -> bool:
    """Whether the KB graph says anything about the item."""
    return store.has_graph(WIKIDATA_GRAPH) and any(store.quads(WIKIDATA_GRAPH, ox.NamedNode(str(WD[qid]))))


def add_linked_items(store: QuadStore, qids: Iterable[str], large: KBIndex) -> int:
    """The large KB's names and facts of linked items the KB graph lacks, so every owl:sameAs has its labels."""
    wanted = sorted(set(qids))
    items = [ox.NamedNode(str(WD[qid])) for qid in wanted]
    known = {q.subject.value for q in store.quads_in(WIKIDATA_GRAPH, subjects=items)}
    records = (large.any_record(qid) for qid in wanted if str(WD[qid]) not in known)
    entries = [as_entry(r) for r in records if r is not None]
    return store.add_quads(_in_kb_graph(KnowledgeBase(entries).triples())) if entries else 0


def kb_stats(store: QuadStore) -> dict[str, int]:
    """Counts of what the KB graph holds: items, names per language, facts per property, typed items."""
    found = items(store.quads(WIKIDATA_GRAPH))
    stats = {"triples": store.triple_count(WIKIDATA_GRAPH), "items": len(found)}
    for language in kb_languages():
        stats[f"labels@{language}"] = sum(1 for f in found.values() for _, lg in f.get("label", ()) if lg == language)
        stats[f"aliases@{language}"] = sum(1 for f in found.values() for _, lg in f.get("alias", ()) if lg == language)
    stats["descriptions"] = sum(len(f.get("description", ())) for f in found.values())
    for prop in PROPERTIES:
        stats[prop] = sum(len(f.get(prop, ())) for f in found.values())
    kb = store_kb(store)
    for type_ in ("Person", "Country", "Organization", "Place", "Event"):
        stats[f"linkable {type_}"] = len({e.qid for e in kb.entries if e.qid and e.type == type_})
    return stats


@dataclass
class OnlineLookup:
    """The linker's `lookup` in online mode: search Wikidata for a name, fetch the hits, keep them in the KB graph.

    Returns the hits as KB entries (typed by P31; untyped hits are stored
    but never returned, so they cannot become links).
    """

    store: QuadStore
    client: WikidataClient = field(default_factory=WikidataClient)
    limit: int = 5

    def __call__(self, name: str, type_: str, language: str) -> list[KBEntry]:
        languages = [language] if language in codes() else []
        ids: list[str] = []
        for search_language in dict.fromkeys([*languages, CANONICAL_LANGUAGE]):
            ids += [q for q in self.client.search(name, search_language, self.limit) if q not in ids]
        return self.learn(ids) if ids else []

    def learn(self, ids: Iterable[str]) -> list[KBEntry]:
        """Fetch items, add them to the KB graph, return those the linker can use."""
        wanted = list(dict.fromkeys(ids))
        triples = [t for entity in self.client.entities(wanted) for t in entity_triples(entity)]
        self.store.add_quads(_in_kb_graph(triples))
        self.store.flush()
        found = {e.qid: e for e in entries(triples)}
        return [found[qid] for qid in wanted if qid in found]
