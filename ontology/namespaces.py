"""Every namespace, graph IRI and outside service IRI kabar uses, spelled once.

Other modules import these instead of writing IRI strings, so that a
change of base IRI (or of a service's address) is a change of one line.
"""

import os
from urllib.parse import urlsplit

from rdflib import Namespace
from rdflib.namespace import DCTERMS, FOAF, OWL, PROV, RDF, RDFS, SH, SKOS, VOID, XSD

BASE = "https://w3id.org/kabar/"
"""The project's own IRI space; also its home page for the Wikidata API's User-Agent."""

KABAR = Namespace(BASE + "ontology#")
"""The kabar ontology's own terms (classes and properties)."""

BASE_IRI_ENV = "KABAR_BASE_IRI"
"""Where a deployment with its own IRI space (say `https://w3id.org/mynews/`) names it; the default is kabar's."""


def _data_base(value: str | None) -> tuple[str, str | None]:
    """The base of the IRIs kabar mints, and why the setting was refused (None when it was not).

    Read once, at import, by every kabar process (ingest, server, Dask workers) so that they mint alike; a
    refusal is reported by the command line and the server as a one-line error, not as an import failure.
    """
    if value is None:
        return BASE, None
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc or parts.query or parts.fragment \
            or not value.endswith("/") or any(c in value for c in " <>\"{}|\\^`"):
        return BASE, (f"{BASE_IRI_ENV} = {value!r}: expected an http(s) IRI ending in '/', "
                      "such as https://w3id.org/mynews/ (kabar then mints https://w3id.org/mynews/id/...)")
    return value, None


DATA_BASE, BASE_IRI_PROBLEM = _data_base(os.environ.get(BASE_IRI_ENV))
"""The IRI space of what kabar mints (`KABAR_BASE_IRI`, else `BASE`); the ontology, shapes and graph names stay
kabar's own, so that queries and tools written for kabar work on every deployment."""

ID = Namespace(DATA_BASE + "id/")
"""Resources: articles, entities, events, mentions, posts; the server shows each at `/id/...`."""

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
