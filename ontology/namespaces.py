"""Every namespace, graph IRI and outside service IRI kabar uses, spelled once.

Other modules import these instead of writing IRI strings, so that a
change of base IRI (or of a service's address) is a change of one line.
"""

from rdflib import Namespace
from rdflib.namespace import DCTERMS, FOAF, OWL, PROV, RDF, RDFS, SH, SKOS, VOID, XSD

BASE = "https://w3id.org/kabar/"
"""The project's own IRI space; also its home page for the Wikidata API's User-Agent."""

KABAR = Namespace(BASE + "ontology#")
"""The kabar ontology's own terms (classes and properties)."""

ID = Namespace(BASE + "id/")
"""Resources: articles, entities, events."""

SHAPES = Namespace(BASE + "shapes#")
"""The SHACL shapes of a valid kabar graph (`ontology/shapes.ttl`)."""

GRAPH = Namespace(BASE + "graph/")
"""Named graphs that are not articles (ontology, Wikidata KB)."""

ONTOLOGY_IRI = BASE + "ontology"
ONTOLOGY_GRAPH = GRAPH["ontology"]
WIKIDATA_GRAPH = GRAPH["wikidata"]
ENTITIES_GRAPH = GRAPH["entities"]
"""Each entity's description (type, name, Wikidata link, other names, posts held), stated once for all articles."""
EVENTS_GRAPH = GRAPH["events"]
"""The events, one node per event however many articles report it, rebuilt from the articles' statements."""
INFERRED_GRAPH = GRAPH["inferred"]
"""What `kabar reason` adds: the subclass and subproperty entailments queries need, each triple once."""
CORRECTIONS_GRAPH = GRAPH["corrections"]
"""Users' link corrections (`kabar link` / `kabar unlink`), applied again at every ingest."""
REASONING_INPUT_GRAPH = GRAPH["reasoning-input"]
"""The name owlready2 gives the data HermiT checks (never stored)."""
POSTED_GRAPHS = GRAPH["posted/"]
"""Where the IRIs of graphs created by a POST to the Graph Store endpoint start."""

SCHEMA = Namespace("https://schema.org/")
SEM = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")
ORG = Namespace("http://www.w3.org/ns/org#")
WD = Namespace("http://www.wikidata.org/entity/")
WDT = Namespace("http://www.wikidata.org/prop/direct/")
SD = Namespace("http://www.w3.org/ns/sparql-service-description#")
FORMATS = Namespace("http://www.w3.org/ns/formats/")

WIKIDATA_HOME = "https://www.wikidata.org/"
WIKIDATA_API = WIKIDATA_HOME + "w/api.php"
"""Wikidata's action API, which the opt-in online mode asks."""
WIKIDATA_SPARQL = "https://query.wikidata.org/sparql"
"""The Wikidata Query Service, the one SERVICE endpoint queries may call by default."""

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
    "dcterms": DCTERMS,
}
"""The prefixes kabar's data is written with (Turtle and TriG output, internal queries)."""

__all__ = [
    "BASE",
    "CORRECTIONS_GRAPH",
    "DCTERMS",
    "ENTITIES_GRAPH",
    "EVENTS_GRAPH",
    "FOAF",
    "FORMATS",
    "GRAPH",
    "ID",
    "INFERRED_GRAPH",
    "KABAR",
    "ONTOLOGY_GRAPH",
    "ONTOLOGY_IRI",
    "ORG",
    "OWL",
    "POSTED_GRAPHS",
    "PREFIXES",
    "PROV",
    "RDF",
    "RDFS",
    "REASONING_INPUT_GRAPH",
    "SCHEMA",
    "SD",
    "SEM",
    "SH",
    "SHAPES",
    "SKOS",
    "VOID",
    "WD",
    "WDT",
    "WIKIDATA_API",
    "WIKIDATA_GRAPH",
    "WIKIDATA_HOME",
    "WIKIDATA_SPARQL",
    "XSD",
]
