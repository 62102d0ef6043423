"""Every namespace kabar writes, spelled once.

Other modules import these instead of writing IRI strings, so that a
change of base IRI is a change of one line.
"""

from rdflib import Namespace
from rdflib.namespace import OWL, PROV, RDF, RDFS, SKOS, XSD

BASE = "https://w3id.org/kabar/"

KABAR = Namespace(BASE + "ontology#")
"""The kabar ontology's own terms (classes and properties)."""

ID = Namespace(BASE + "id/")
"""Resources: articles, entities, events."""

GRAPH = Namespace(BASE + "graph/")
"""Named graphs that are not articles (ontology, Wikidata KB)."""

ONTOLOGY_IRI = BASE + "ontology"
ONTOLOGY_GRAPH = GRAPH["ontology"]
WIKIDATA_GRAPH = GRAPH["wikidata"]
CORRECTIONS_GRAPH = GRAPH["corrections"]
"""Users' link corrections (`kabar link` / `kabar unlink`), applied again at every ingest."""

SCHEMA = Namespace("https://schema.org/")
SEM = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")
WD = Namespace("http://www.wikidata.org/entity/")
WDT = Namespace("http://www.wikidata.org/prop/direct/")

PREFIXES: dict[str, Namespace] = {
    "kabar": KABAR,
    "kid": ID,
    "schema": SCHEMA,
    "sem": SEM,
    "prov": PROV,
    "wd": WD,
    "wdt": WDT,
    "owl": OWL,
    "rdf": RDF,
    "rdfs": RDFS,
    "skos": SKOS,
    "xsd": XSD,
}

__all__ = [
    "BASE",
    "GRAPH",
    "ID",
    "KABAR",
    "ONTOLOGY_GRAPH",
    "ONTOLOGY_IRI",
    "OWL",
    "PREFIXES",
    "PROV",
    "RDF",
    "RDFS",
    "SCHEMA",
    "SEM",
    "SKOS",
    "WD",
    "WDT",
    "WIKIDATA_GRAPH",
    "XSD",
]
