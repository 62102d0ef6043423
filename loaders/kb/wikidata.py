"""Wikidata's data formats, read into the KB's shape: JSON dumps, `wbgetentities` answers, truthy RDF.

Only what the linker and the example queries use is kept — labels,
aliases and descriptions in the KB's languages, and the truthy
(best-rank) P31/P17/P27/P36 claims — so a slice of a 50 GB dump stays a
small graph. Files are read as streams, line by line (JSON) or triple by
triple (RDF), reporting progress as they go. `grow` and `entries` turn
such triples back into `KBEntry` records; `store.kb_graph` writes and
reads the store's KB graph with them.
"""

from __future__ import annotations

import bz2
import gzip
import io
import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import IO, Any

import pyoxigraph as ox

from loaders.kb.model import CANONICAL_LANGUAGE, P_ALIAS, P_DESCRIPTION, P_LABEL, KBEntry, KnowledgeBase
from loaders.kb.seed import SEED_FILES
from loaders.lang import codes
from ontology import WD, WDT

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
_KEPT = {P_LABEL, P_ALIAS, P_DESCRIPTION, *(ox.NamedNode(str(WDT[p])) for p in PROPERTIES)}


def kb_languages() -> tuple[str, ...]:
    """The languages whose names the KB keeps: the canonical labels', every language pack's, and 'mul'."""
    return tuple(dict.fromkeys((CANONICAL_LANGUAGE, *codes(), "mul")))


class KBImportError(ValueError):
    """A file that cannot be imported; the message names it (and the line)."""


@dataclass
class ImportReport:
    files: int = 0
    entities: int = 0
    triples: int = 0  # triples offered; the graph holds each once however often it is imported


Progress = Callable[[str, int, int, int], None]  # file, entities, bytes read, total bytes


def file_kind(path: Path) -> str:
    """'seed' (a seed KB CSV), 'json' (a Wikidata JSON dump) or 'rdf' (N-Triples, Turtle); KBImportError else."""
    if not path.is_file():
        raise KBImportError(f"{path}: no such file")
    if path.suffix == ".csv":
        if path.name not in SEED_FILES:
            raise KBImportError(f"{path}: not a seed KB file (expected one of {sorted(SEED_FILES)})")
        return "seed"
    if _is_json(path):
        return "json"
    if _rdf_format(path) is not None:
        return "rdf"
    raise KBImportError(f"{path}: unknown format (seed .csv, Wikidata .json[.gz|.bz2], .nt or .ttl)")


# --- Wikidata JSON (dump lines and wbgetentities) -----------------------------------------------------

def entity_triples(entity: dict[str, Any], languages: Iterable[str] | None = None) -> Iterator[ox.Triple]:
    """One Wikidata entity in the JSON dump / `wbgetentities` format as Wikidata-shaped, truthy triples."""
    qid = entity.get("id", "")
    if entity.get("type") != "item" or not qid.startswith("Q"):
        return
    item = ox.NamedNode(str(WD[qid]))
    langs = set(kb_languages() if languages is None else languages)
    for field, predicate in (("labels", P_LABEL), ("descriptions", P_DESCRIPTION)):
        for lang, value in (entity.get(field) or {}).items():
            if lang in langs:
                yield ox.Triple(item, predicate, ox.Literal(value["value"], language=lang))
    for lang, values in (entity.get("aliases") or {}).items():
        if lang in langs:
            for value in values:
                yield ox.Triple(item, P_ALIAS, ox.Literal(value["value"], language=lang))
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


def read_dump(path: Path, report: ImportReport, progress: Progress | None = None) -> Iterator[ox.Triple]:
    """The kept triples of a Wikidata JSON dump (plain, .gz or .bz2), counting its entities in `report`."""
    raw, stream = _open_binary(path)
    total = path.stat().st_size
    languages = kb_languages()
    with raw, stream:
        text = io.TextIOWrapper(stream, encoding="utf-8")
        for entity in dump_entities(text, str(path)):
            report.entities += 1
            yield from entity_triples(entity, languages)
            if progress and report.entities % 1000 == 0:
                progress(str(path), report.entities, raw.tell(), total)
        if progress:
            progress(str(path), report.entities, total, total)


# --- Wikidata-shaped RDF (truthy dumps, CONSTRUCT output) ---------------------------------------------

def _rdf_format(path: Path) -> ox.RdfFormat | None:
    suffixes = [s for s in path.suffixes if s not in (".gz", ".bz2")]
    return {".nt": ox.RdfFormat.N_TRIPLES, ".ttl": ox.RdfFormat.TURTLE}.get(suffixes[-1] if suffixes else "")


def read_rdf(path: Path, report: ImportReport, progress: Progress | None = None) -> Iterator[ox.Triple]:
    """The kept triples of Wikidata-shaped N-Triples or Turtle, counting subjects as entities in `report`."""
    raw, stream = _open_binary(path)
    total = path.stat().st_size
    subjects = 0
    last: ox.NamedNode | ox.BlankNode | None = None
    languages = frozenset(kb_languages())
    with raw, stream:
        try:
            for triple in ox.parse(stream, format=_rdf_format(path), lenient=True):
                if not _kept(triple, languages):
                    continue
                if triple.subject != last:
                    last, subjects = triple.subject, subjects + 1
                    if progress and subjects % 1000 == 0:
                        progress(str(path), subjects, raw.tell(), total)
                yield ox.Triple(triple.subject, triple.predicate, triple.object)
        except SyntaxError as e:
            raise KBImportError(f"{path}: {e}") from e
    report.entities += subjects
    if progress:
        progress(str(path), subjects, total, total)


def _kept(triple: ox.Triple | ox.Quad, languages: frozenset[str]) -> bool:
    """Wikidata items' labels/aliases/descriptions in the KB languages and the kept truthy properties."""
    if triple.predicate not in _KEPT or not triple.subject.value.startswith(str(WD)):
        return False
    obj = triple.object
    if isinstance(obj, ox.Literal):
        return obj.language in languages
    return isinstance(obj, ox.NamedNode) and obj.value.startswith(str(WD))


# --- Wikidata-shaped triples back to KB entries ----------------------------------------------------------

def items(triples: Iterable[ox.Triple | ox.Quad]) -> dict[str, dict[str, list[Any]]]:
    """QID -> {"label"/"alias"/"description": [(text, lang)], "P31"/...: [QID]} from Wikidata-shaped triples."""
    out: dict[str, dict[str, list[Any]]] = {}
    prefix = len(str(WD))
    for t in triples:
        if t.predicate not in _KEPT or not t.subject.value.startswith(str(WD)):
            continue
        key = {P_LABEL: "label", P_ALIAS: "alias", P_DESCRIPTION: "description"}.get(t.predicate)
        value: Any
        if key:
            value = (t.object.value, t.object.language)
        else:
            key, value = t.predicate.value.rsplit("/", 1)[-1], t.object.value[prefix:]
        out.setdefault(t.subject.value[prefix:], {}).setdefault(key, []).append(value)
    return out


def grow(seed: KnowledgeBase, triples: Iterable[ox.Triple | ox.Quad]) -> KnowledgeBase:
    """The seed KB plus what the triples add: new typed items, and new names of seed items."""
    found = items(triples)
    capitals = {capital for facts in found.values() for capital in facts.get("P36", ())}
    known = {e.qid for e in seed.entries if e.qid}
    grown = [_grown(e, found.get(e.qid, {})) if e.qid else e for e in seed.entries]
    new = (_entry(qid, facts, capitals) for qid, facts in found.items() if qid not in known)
    return KnowledgeBase(grown + [e for e in new if e is not None])


def entries(triples: Iterable[ox.Triple | ox.Quad]) -> list[KBEntry]:
    """The linkable (typed and named) items among Wikidata-shaped triples, e.g. an online answer's."""
    found = items(triples)
    capitals = {capital for facts in found.values() for capital in facts.get("P36", ())}
    return [e for qid, facts in found.items() if (e := _entry(qid, facts, capitals)) is not None]


def _names(facts: dict[str, list[Any]], key: str, lang: str) -> list[str]:
    return sorted(v for v, lg in facts.get(key, ()) if lg == lang)


def _entry(qid: str, facts: dict[str, list[Any]], capitals: set[str]) -> KBEntry | None:
    types = {TYPE_CLASSES[c] for c in facts.get("P31", ()) if c in TYPE_CLASSES}
    type_ = "Country" if "Country" in types else next(iter(sorted(types)), None) if len(types) <= 1 else None
    labels = _names(facts, "label", CANONICAL_LANGUAGE) or _names(facts, "label", "mul") or _names(facts, "label", "id")
    if type_ is None or not labels:
        return None  # untyped or unnamed: never a link target
    label_id = next(iter(_names(facts, "label", "id")), None)
    aliases = tuple((v, lg) for v, lg in sorted(facts.get("alias", ())))
    description = next(iter(_names(facts, "description", CANONICAL_LANGUAGE)), None)
    country = next(iter(facts.get("P27" if type_ == "Person" else "P17", ())), None)
    return KBEntry(qid, type_, labels[0], label_id if label_id != labels[0] else None, aliases, description,
                   qid if type_ == "Country" else country, "capital" if qid in capitals else None)


def _grown(entry: KBEntry, facts: dict[str, list[Any]]) -> KBEntry:
    """A seed entry with the names an import added (the seed's own labels stay canonical)."""
    known = set(entry.names())
    extra = tuple((v, lg) for v, lg in sorted([*facts.get("alias", ()), *facts.get("label", ())]) if v not in known)
    return replace(entry, aliases=entry.aliases + extra) if extra else entry
