"""Grow the local Wikidata KB: import seed CSVs, Wikidata JSON dumps and Wikidata-shaped RDF into the KB graph.

The KB graph (`WIKIDATA_GRAPH`) is the only graph written, by adding
triples: importing the same file twice changes nothing, and the news
graphs are never touched. Only what the linker and the example queries
use is kept — labels, aliases and descriptions in the KB's languages,
and the truthy (best-rank) P31/P17/P27/P36 claims — so a slice of a
50 GB dump stays a small graph. Files are read as streams, line by line
(JSON) or triple by triple (RDF), with plain progress on stderr.

`store_kb` reads the graph back as `KBEntry` records, so what an import
or the online mode added is known to the next ingest without a network.
"""

from __future__ import annotations

import bz2
import gzip
import io
import json
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

import pyoxigraph as ox
from rdflib import Literal

from loaders.kb import KBEntry, KnowledgeBase, load_kb
from ontology import RDFS, SCHEMA, SKOS, WD, WDT, WIKIDATA_GRAPH

if TYPE_CHECKING:
    from kabar.store import KabarStore

LANGUAGES = ("en", "id", "mul")
PROPERTIES = ("P31", "P17", "P27", "P36")
# Classes (P31 values) that tell the linker an item's kabar type. Only items typed here can be link
# targets: a Person needs a human item, a Country a sovereign state. The QIDs are corroborated by
# public Wikidata queries and label tables (e.g. `?c wdt:P31 wd:Q3624078` "sovereign state",
# {"Q5": "human", "Q6256": "country", "Q515": "city", "Q486972": "human settlement", "Q43229": "organization"}).
TYPE_CLASSES = {
    "Q5": "Person",
    "Q3624078": "Country",
    "Q6256": "Country",
    "Q515": "Place",
    "Q486972": "Place",
    "Q43229": "Organization",
}
BATCH = 20_000
_LABEL, _ALIAS, _DESCRIPTION = ox.NamedNode(str(RDFS.label)), ox.NamedNode(str(SKOS.altLabel)), \
    ox.NamedNode(str(SCHEMA.description))
_KEPT = {_LABEL, _ALIAS, _DESCRIPTION, *(ox.NamedNode(str(WDT[p])) for p in PROPERTIES)}
_GRAPH = ox.NamedNode(str(WIKIDATA_GRAPH))
_SEED_NAMES = {"countries.csv", "country_aliases.csv", "places.csv", "organizations.csv", "people.csv",
               "events.csv"}


class KBImportError(ValueError):
    """A file that cannot be imported; the message names it (and the line)."""


@dataclass
class ImportReport:
    files: int = 0
    entities: int = 0
    triples: int = 0  # triples offered; the graph holds each once however often it is imported


Progress = Callable[[str, int, int, int], None]  # file, entities, bytes read, total bytes


def import_files(store: KabarStore, paths: Iterable[Path], progress: Progress | None = None) -> ImportReport:
    """Import every file into the KB graph; a seed CSV stands for its directory (the files refer to each other)."""
    report = ImportReport()
    seed_dirs: set[Path] = set()
    for path in paths:
        if not path.is_file():
            raise KBImportError(f"{path}: no such file")
        if path.suffix == ".csv":
            if path.name not in _SEED_NAMES:
                raise KBImportError(f"{path}: not a seed KB file (expected one of {sorted(_SEED_NAMES)})")
            if path.parent in seed_dirs:
                continue
            seed_dirs.add(path.parent)
            quads = in_kb_graph(seed_kb_quads(path.parent))
        elif _is_json(path):
            quads = _entity_quads(path, report, progress)
        elif _rdf_format(path) is not None:
            quads = _rdf_quads(path, report, progress)
        else:
            raise KBImportError(f"{path}: unknown format (seed .csv, Wikidata .json[.gz|.bz2], .nt or .ttl)")
        try:
            report.triples += add_quads(store, quads)
        except (OSError, EOFError) as e:  # unreadable or truncated (.gz/.bz2) file
            raise KBImportError(f"{path}: {e}") from e
        report.files += 1
    store.flush()
    return report


def add_quads(store: KabarStore, quads: Iterable[ox.Quad]) -> int:
    """Add to the KB graph in batches, each one transaction; returns how many quads were offered."""
    batch: list[ox.Quad] = []
    count = 0
    for quad in quads:
        batch.append(quad)
        if len(batch) >= BATCH:
            store.oxigraph.extend(batch)
            count += len(batch)
            batch = []
    store.oxigraph.extend(batch)
    return count + len(batch)


def seed_kb_quads(directory: Path) -> Iterator[ox.Triple]:
    for s, p, o in load_kb(directory).to_graph():
        yield ox.Triple(ox.NamedNode(str(s)), ox.NamedNode(str(p)), _literal_or_node(o))


def _literal_or_node(term: Any) -> ox.NamedNode | ox.Literal:
    if isinstance(term, Literal):
        return ox.Literal(str(term), language=term.language) if term.language else ox.Literal(str(term))
    return ox.NamedNode(str(term))


def in_kb_graph(triples: Iterable[ox.Triple]) -> Iterator[ox.Quad]:
    """The triples as quads of the KB graph."""
    for t in triples:
        yield ox.Quad(t.subject, t.predicate, t.object, _GRAPH)


# --- Wikidata JSON (dump lines and wbgetentities) -----------------------------------------------------

def entity_triples(entity: dict[str, Any], languages: Iterable[str] = LANGUAGES) -> Iterator[ox.Triple]:
    """One Wikidata entity in the JSON dump / `wbgetentities` format as Wikidata-shaped, truthy triples."""
    qid = entity.get("id", "")
    if entity.get("type") != "item" or not qid.startswith("Q"):
        return
    item = ox.NamedNode(str(WD[qid]))
    langs = set(languages)
    for field, predicate in (("labels", _LABEL), ("descriptions", _DESCRIPTION)):
        for lang, value in (entity.get(field) or {}).items():
            if lang in langs:
                yield ox.Triple(item, predicate, ox.Literal(value["value"], language=lang))
    for lang, values in (entity.get("aliases") or {}).items():
        if lang in langs:
            for value in values:
                yield ox.Triple(item, _ALIAS, ox.Literal(value["value"], language=lang))
    claims = entity.get("claims") or {}
    for prop in PROPERTIES:
        for target in truthy_items(claims.get(prop) or []):
            yield ox.Triple(item, ox.NamedNode(str(WDT[prop])), ox.NamedNode(str(WD[target])))


def truthy_items(statements: list[dict[str, Any]]) -> list[str]:
    """Item values of the best-ranked statements (preferred if any, else normal), as the truthy dumps keep."""
    ranked = [s for s in statements if s.get("rank") != "deprecated"]
    preferred = [s for s in ranked if s.get("rank") == "preferred"]
    out = []
    for s in preferred or ranked:
        snak = s.get("mainsnak") or {}
        value = (snak.get("datavalue") or {}).get("value")
        if snak.get("snaktype") == "value" and isinstance(value, dict) and str(value.get("id", "")).startswith("Q"):
            out.append(value["id"])
    return out


def dump_entities(stream: IO[str], origin: str) -> Iterator[dict[str, Any]]:
    """Entities of a dump: one JSON object per line, between `[` and `]`, each line ending in a comma."""
    for number, line in enumerate(stream, 1):
        text = line.strip().rstrip(",")
        if text in ("", "[", "]"):
            continue
        try:
            entity = json.loads(text)
        except json.JSONDecodeError as e:
            raise KBImportError(f"{origin}:{number}: not a Wikidata JSON entity: {e.msg}") from e
        if not isinstance(entity, dict):
            raise KBImportError(f"{origin}:{number}: not a Wikidata JSON entity")
        yield entity


def _is_json(path: Path) -> bool:
    suffixes = path.suffixes
    return bool(suffixes) and (suffixes[-1] == ".json" or (suffixes[-1] in (".gz", ".bz2") and ".nt" not in suffixes
                                                           and ".ttl" not in suffixes))


def _open_binary(path: Path) -> tuple[IO[bytes], IO[bytes]]:
    """(the raw file, whose position measures progress; the decompressed stream)."""
    raw = path.open("rb")
    if path.suffix == ".gz":
        return raw, gzip.GzipFile(fileobj=raw)
    if path.suffix == ".bz2":
        return raw, bz2.BZ2File(raw)
    return raw, raw


def _entity_quads(path: Path, report: ImportReport, progress: Progress | None) -> Iterator[ox.Quad]:
    raw, stream = _open_binary(path)
    total = path.stat().st_size
    with raw, stream:
        text = io.TextIOWrapper(stream, encoding="utf-8")
        for entity in dump_entities(text, str(path)):
            report.entities += 1
            yield from in_kb_graph(entity_triples(entity))
            if progress and report.entities % 1000 == 0:
                progress(str(path), report.entities, raw.tell(), total)
        if progress:
            progress(str(path), report.entities, total, total)


# --- Wikidata-shaped RDF (truthy dumps, CONSTRUCT output) ---------------------------------------------

def _rdf_format(path: Path) -> ox.RdfFormat | None:
    suffixes = [s for s in path.suffixes if s not in (".gz", ".bz2")]
    return {".nt": ox.RdfFormat.N_TRIPLES, ".ttl": ox.RdfFormat.TURTLE}.get(suffixes[-1] if suffixes else "")


def _rdf_quads(path: Path, report: ImportReport, progress: Progress | None) -> Iterator[ox.Quad]:
    raw, stream = _open_binary(path)
    total = path.stat().st_size
    subjects = 0
    last: ox.NamedNode | ox.BlankNode | None = None
    with raw, stream:
        try:
            for triple in ox.parse(stream, format=_rdf_format(path), lenient=True):
                if not _kept(triple):
                    continue
                if triple.subject != last:
                    last, subjects = triple.subject, subjects + 1
                    if progress and subjects % 1000 == 0:
                        progress(str(path), subjects, raw.tell(), total)
                yield ox.Quad(triple.subject, triple.predicate, triple.object, _GRAPH)
        except SyntaxError as e:
            raise KBImportError(f"{path}: {e}") from e
    report.entities += subjects
    if progress:
        progress(str(path), subjects, total, total)


def _kept(triple: ox.Triple) -> bool:
    """Wikidata items' labels/aliases/descriptions in the KB languages and the kept truthy properties."""
    if triple.predicate not in _KEPT or not triple.subject.value.startswith(str(WD)):
        return False
    obj = triple.object
    if isinstance(obj, ox.Literal):
        return obj.language in LANGUAGES
    return isinstance(obj, ox.NamedNode) and obj.value.startswith(str(WD))


# --- reading the KB graph back ------------------------------------------------------------------------

def store_kb(store: KabarStore, seed: KnowledgeBase | None = None) -> KnowledgeBase:
    """The seed KB plus what the store's KB graph adds: new typed items, and new names of seed items."""
    seed = seed or load_kb()
    items = _items(_kb_graph(store))
    capitals = {capital for facts in items.values() for capital in facts.get("P36", ())}
    known = {e.qid for e in seed.entries if e.qid}
    grown = [_grown(e, items.get(e.qid, {})) if e.qid else e for e in seed.entries]
    new = (_entry(qid, facts, capitals) for qid, facts in items.items() if qid not in known)
    return KnowledgeBase(grown + [e for e in new if e is not None])


def _items(triples: Iterable[ox.Triple | ox.Quad]) -> dict[str, dict[str, list[Any]]]:
    """QID -> {"label"/"alias"/"description": [(text, lang)], "P31"/...: [QID]} from Wikidata-shaped triples."""
    out: dict[str, dict[str, list[Any]]] = {}
    prefix = len(str(WD))
    for t in triples:
        if t.predicate not in _KEPT or not t.subject.value.startswith(str(WD)):
            continue
        key = {_LABEL: "label", _ALIAS: "alias", _DESCRIPTION: "description"}.get(t.predicate)
        value: Any
        if key:
            value = (t.object.value, t.object.language)
        else:
            key, value = t.predicate.value.rsplit("/", 1)[-1], t.object.value[prefix:]
        out.setdefault(t.subject.value[prefix:], {}).setdefault(key, []).append(value)
    return out


def _kb_graph(store: KabarStore) -> Iterator[ox.Quad]:
    return store.oxigraph.quads_for_pattern(None, None, None, _GRAPH)


def entries(triples: Iterable[ox.Triple | ox.Quad]) -> list[KBEntry]:
    """The linkable (typed and named) items among Wikidata-shaped triples, e.g. an online answer's."""
    items = _items(triples)
    capitals = {capital for facts in items.values() for capital in facts.get("P36", ())}
    return [e for qid, facts in items.items() if (e := _entry(qid, facts, capitals)) is not None]


def _names(facts: dict[str, list[Any]], key: str, lang: str) -> list[str]:
    return sorted(v for v, lg in facts.get(key, ()) if lg == lang)


def _entry(qid: str, facts: dict[str, list[Any]], capitals: set[str]) -> KBEntry | None:
    types = {TYPE_CLASSES[c] for c in facts.get("P31", ()) if c in TYPE_CLASSES}
    type_ = "Country" if "Country" in types else next(iter(sorted(types)), None) if len(types) <= 1 else None
    labels = _names(facts, "label", "en") or _names(facts, "label", "mul") or _names(facts, "label", "id")
    if type_ is None or not labels:
        return None  # untyped or unnamed: never a link target
    label_id = next(iter(_names(facts, "label", "id")), None)
    aliases = tuple((v, lg) for v, lg in sorted(facts.get("alias", ())))
    description = next(iter(_names(facts, "description", "en")), None)
    country = next(iter(facts.get("P27" if type_ == "Person" else "P17", ())), None)
    return KBEntry(qid, type_, labels[0], label_id if label_id != labels[0] else None, aliases, description,
                   qid if type_ == "Country" else country, "capital" if qid in capitals else None)


def _grown(entry: KBEntry, facts: dict[str, list[Any]]) -> KBEntry:
    """A seed entry with the names an import added (the seed's own labels stay canonical)."""
    known = set(entry.names())
    extra = tuple((v, lg) for v, lg in sorted([*facts.get("alias", ()), *facts.get("label", ())]) if v not in known)
    return replace(entry, aliases=entry.aliases + extra) if extra else entry


# --- stats and progress --------------------------------------------------------------------------------

def kb_stats(store: KabarStore) -> dict[str, int]:
    """Counts of what the KB graph holds: items, names per language, facts per property, typed items."""
    items = _items(_kb_graph(store))
    stats = {"triples": sum(1 for _ in _kb_graph(store)), "items": len(items)}
    for lang in LANGUAGES:
        stats[f"labels@{lang}"] = sum(1 for f in items.values() for _, lg in f.get("label", ()) if lg == lang)
        stats[f"aliases@{lang}"] = sum(1 for f in items.values() for _, lg in f.get("alias", ()) if lg == lang)
    stats["descriptions"] = sum(len(f.get("description", ())) for f in items.values())
    for prop in PROPERTIES:
        stats[prop] = sum(len(f.get(prop, ())) for f in items.values())
    kb = store_kb(store)
    for type_ in ("Person", "Country", "Organization", "Place", "Event"):
        stats[f"linkable {type_}"] = len({e.qid for e in kb.entries if e.qid and e.type == type_})
    return stats


class StderrProgress:
    """A one-line progress bar on stderr, redrawn at most every `interval` seconds."""

    def __init__(self, stream: IO[str] = sys.stderr, interval: float = 0.5, width: int = 30) -> None:
        self.stream, self.interval, self.width = stream, interval, width
        self._last = 0.0

    def __call__(self, origin: str, entities: int, done: int, total: int) -> None:
        now = time.monotonic()
        finished = done >= total
        if not finished and now - self._last < self.interval:
            return
        self._last = now
        share = done / total if total else 1.0
        bar = "#" * int(share * self.width)
        self.stream.write(f"\r{origin}: [{bar:<{self.width}}] {share:4.0%} {entities} entities"
                          + ("\n" if finished else ""))
        self.stream.flush()
