"""The one vocabulary every part of kabar imports.

`K` holds only the terms declared in `ontology.vocabulary`, so a misspelt
term fails at import time instead of writing a stray IRI into the store.
"""

from pathlib import Path

from rdflib.namespace import ClosedNamespace

from ontology.namespaces import (
    BASE,
    CORRECTIONS_GRAPH,
    DCTERMS,
    ENTITIES_GRAPH,
    EVENTS_GRAPH,
    GRAPH,
    ID,
    KABAR,
    ONTOLOGY_GRAPH,
    ONTOLOGY_IRI,
    ORG,
    OWL,
    PREFIXES,
    PROV,
    RDF,
    RDFS,
    SCHEMA,
    SEM,
    SKOS,
    WD,
    WDT,
    WIKIDATA_GRAPH,
    XSD,
)
from ontology.vocabulary import VOCABULARY

K = ClosedNamespace(
    str(KABAR),
    [c.name for c in VOCABULARY.classes] + [p.name for p in VOCABULARY.properties]
    + [i.name for i in VOCABULARY.individuals],
)

ONTOLOGY_FILE = Path(__file__).with_name("kabar.ttl")
"""The generated OWL ontology in Turtle (regenerate with `make ontology`)."""
ONTOLOGY_PAGE = Path(__file__).with_name("kabar.html")
"""The ontology's documentation page, which `/ontology` serves to browsers (`make ontology`)."""
SHAPES_FILE = Path(__file__).with_name("shapes.ttl")
"""The generated SHACL shapes in Turtle, from the same vocabulary (`make ontology`)."""

__all__ = [
    "BASE",
    "CORRECTIONS_GRAPH",
    "DCTERMS",
    "ENTITIES_GRAPH",
    "EVENTS_GRAPH",
    "GRAPH",
    "ID",
    "KABAR",
    "ONTOLOGY_FILE",
    "ONTOLOGY_GRAPH",
    "ONTOLOGY_IRI",
    "ONTOLOGY_PAGE",
    "ORG",
    "OWL",
    "PREFIXES",
    "PROV",
    "RDF",
    "RDFS",
    "SCHEMA",
    "SEM",
    "SHAPES_FILE",
    "SKOS",
    "VOCABULARY",
    "WD",
    "WDT",
    "WIKIDATA_GRAPH",
    "XSD",
    "K",
]
