"""Build the kabar OWL 2 ontology from `ontology.vocabulary` with owlready2.

The vocabulary is the single source; `ontology/kabar.ttl` is generated
from it (`make ontology`), and a test checks that the two still agree.
Each build uses a fresh in-memory owlready2 World, so building twice
gives the same triples and owlready2 never writes a file of its own.
"""

from __future__ import annotations

import datetime
import io
import types
from pathlib import Path

import owlready2
from owlready2 import (
    AllDisjoint,
    AnnotationProperty,
    DataProperty,
    FunctionalProperty,
    ObjectProperty,
    Or,
    Thing,
    locstr,
    plainliteral,
)
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import XSD

from ontology import KABAR, ONTOLOGY_FILE, ONTOLOGY_IRI, ORG, OWL, PREFIXES, RDFS, SHAPES_FILE
from ontology.shapes import shapes_graph
from ontology.vocabulary import VOCABULARY, ClassDef, PropertyDef, Text, Vocabulary

VERSION = "0.4.0"

TITLE = Text("kabar news ontology", "ontologi berita kabar")
DESCRIPTION = Text(
    "Events, agents and places extracted from news articles, aligned with schema.org, SEM, PROV-O "
    "and the W3C Organization Ontology. Entities link to Wikidata items with owl:sameAs.",
    "Peristiwa, pelaku, dan tempat yang diekstrak dari artikel berita, diselaraskan dengan schema.org, "
    "SEM, PROV-O, dan W3C Organization Ontology. Entitas ditautkan ke butir Wikidata dengan owl:sameAs.",
)

DATATYPES: dict[str, type] = {
    "string": str,
    "integer": int,
    "boolean": bool,
    "decimal": float,
    "dateTime": datetime.datetime,
    "PlainLiteral": plainliteral,
}
"""Range names a data property may use (XSD local names, and rdf:PlainLiteral for text with or
without a language tag), as the Python types owlready2 writes as those datatypes."""

PROPERTY_KINDS: dict[str, type] = {
    "object": ObjectProperty,
    "data": DataProperty,
    "annotation": AnnotationProperty,
}


def _texts(text: Text) -> list[locstr]:
    return [locstr(text.en, "en"), locstr(text.id, "id")]


def _split_iri(iri: str) -> tuple[str, str]:
    """'https://schema.org/Person' -> ('https://schema.org/', 'Person')."""
    cut = max(iri.rfind("#"), iri.rfind("/")) + 1
    return iri[:cut], iri[cut:]


class _Builder:
    """Creates owlready2 entities, each IRI once, in one ontology."""

    def __init__(self, onto: owlready2.Ontology) -> None:
        self.onto = onto
        self.entities: dict[str, type] = {}

    def entity(self, iri: str, bases: tuple[type, ...]) -> type:
        if iri not in self.entities:
            base, name = _split_iri(iri)
            with self.onto.get_namespace(base):
                self.entities[iri] = types.new_class(name, bases)
        return self.entities[iri]

    def kabar_class(self, name: str) -> type:
        return self.entity(str(KABAR[name]), (Thing,))

    def add_class(self, c: ClassDef) -> None:
        cls = self.entity(str(c.iri), (Thing,))
        if c.parents:
            cls.is_a = [self.entity(str(p), (Thing,)) for p in c.parents]
        cls.label = _texts(c.label)
        cls.comment = _texts(c.comment)

    def add_property(self, p: PropertyDef) -> None:
        kind = PROPERTY_KINDS[p.kind]
        bases = (kind, FunctionalProperty) if p.functional else (kind,)
        prop = self.entity(str(p.iri), bases)
        prop.is_a.extend(self.entity(str(parent), (kind,)) for parent in p.parents)
        if p.domain:
            domain = [self.kabar_class(n) for n in p.domain]
            prop.domain = [domain[0] if len(domain) == 1 else Or(domain)]
        if p.range and p.kind == "data":
            (name,) = p.range
            if name not in DATATYPES:
                raise ValueError(f"{p.name}: range {name!r} is not one of {sorted(DATATYPES)}")
            prop.range = [DATATYPES[name]]
        elif p.range:
            ranges = [self.kabar_class(n) for n in p.range]
            prop.range = [ranges[0] if len(ranges) == 1 else Or(ranges)]
        prop.label = _texts(p.label)
        prop.comment = _texts(p.comment)


def _populate(onto: owlready2.Ontology, vocabulary: Vocabulary) -> None:
    builder = _Builder(onto)
    with onto:
        for c in vocabulary.classes:
            builder.add_class(c)
        for p in vocabulary.properties:
            builder.add_property(p)
        for e in vocabulary.external:
            builder.entity(str(e.iri), (PROPERTY_KINDS[e.kind],))
        for i in vocabulary.individuals:
            individual = builder.kabar_class(i.type)(i.name, namespace=onto.get_namespace(str(KABAR)))
            individual.label = _texts(i.label)
            individual.comment = _texts(i.comment)
        for group in vocabulary.disjoint:
            AllDisjoint([builder.kabar_class(n) for n in group])
        onto.metadata.label = _texts(TITLE)
        onto.metadata.comment = _texts(DESCRIPTION)
        onto.metadata.versionInfo = [VERSION]


def version_iri() -> str:
    """This version's IRI: the ontology's, then its version ('.../ontology/0.3.0'); CHANGELOG.md says what changed."""
    return f"{ONTOLOGY_IRI}/{VERSION}"


def build_graph() -> Graph:
    """The ontology as an rdflib Graph, built from `VOCABULARY` in a fresh owlready2 World."""
    world = owlready2.World()
    try:
        onto = world.get_ontology(ONTOLOGY_IRI)
        _populate(onto, VOCABULARY)
        buffer = io.BytesIO()
        onto.save(buffer, format="ntriples")
    finally:
        world.close()
    graph = Graph()
    graph.parse(data=buffer.getvalue().decode("utf-8"), format="nt")
    graph.remove((None, RDFS.subClassOf, OWL.Thing))  # owlready2 states this of every root class
    graph.add((URIRef(ONTOLOGY_IRI), OWL.versionIRI, URIRef(version_iri())))
    for s, p, o in list(graph):  # "x"^^xsd:string is "x" (RDF 1.1): written plain, it reads back the same anywhere
        if isinstance(o, Literal) and o.datatype == XSD.string:
            graph.remove((s, p, o))
            graph.add((s, p, Literal(str(o))))
    for prefix, namespace in {**PREFIXES, "org": ORG}.items():
        graph.bind(prefix, namespace, replace=True)
    return graph


def write(path: Path = ONTOLOGY_FILE) -> Graph:
    """Write the ontology as Turtle to `path`; returns the graph written."""
    graph = build_graph()
    path.write_text(graph.serialize(format="turtle"), encoding="utf-8")
    return graph


def main() -> None:
    graph = write()
    print(f"{ONTOLOGY_FILE}: {len(graph)} triples")
    shapes = shapes_graph()
    SHAPES_FILE.write_text(shapes.serialize(format="turtle"), encoding="utf-8")
    print(f"{SHAPES_FILE}: {len(shapes)} triples")


if __name__ == "__main__":
    main()
