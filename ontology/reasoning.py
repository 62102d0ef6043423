"""Check that the ontology and the data written with it are consistent, with HermiT.

HermiT runs through owlready2 in Java. The check is what a user would
otherwise find out the hard way: an entity typed both `kabar:Person` and
`kabar:Place`, an article used as an event's location, two disjoint
classes met through a property's domain or range, a Wikidata item made
`owl:sameAs` two things that cannot be the same.
"""

from __future__ import annotations

import io
import shutil
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager

import owlready2
from rdflib import Graph, Literal

from ontology import OWL, RDF, VOCABULARY, WDT
from ontology.namespaces import REASONING_INPUT_GRAPH

JAVA_HINT = "install Java (e.g. `apt-get install default-jre-headless`) to run the OWL reasoner"

_TEMPDIR_LOCK = threading.Lock()


class InconsistentOntologyError(Exception):
    """HermiT proved that no interpretation satisfies the ontology and the data together."""


class ReasonerError(Exception):
    """HermiT could not give an answer; the message says why."""


class ReasonerUnavailable(ReasonerError):
    """Java, which HermiT needs, is not installed."""


def check_consistency(graph: Graph) -> None:
    """Raise `InconsistentOntologyError` unless HermiT finds `graph` consistent.

    `graph` holds everything to check together, e.g. the ontology, the KB
    graph and article graphs. It is not modified.

    Wikidata direct properties (`wdt:P17`, `wdt:P36`...) are declared as
    object or data properties, by their values, in the reasoner's copy
    only: undeclared, OWL API would read them as annotations.

    Dates: `kabar:date` holds xsd:date, xsd:gYearMonth or xsd:gYear
    literals, none of which is in the OWL 2 datatype map, and HermiT
    refuses such input outright. The check runs HermiT with
    `ignoreUnsupportedDatatypes`, which keeps every axiom (a `kabar:date`
    still makes its subject a `kabar:Event`) but treats those literals as
    opaque values: the reasoner says nothing about a date itself. Literals
    that rdflib knows are ill-typed (e.g. "2024-02-30"^^xsd:date) are
    rejected before HermiT runs; rdflib does not check xsd:gYearMonth or
    xsd:gYear, so a malformed one goes unnoticed here.

    Raises `ReasonerUnavailable` without Java and `ReasonerError` when
    HermiT fails for another reason.
    """
    ill_typed = sorted({o.n3() for o in graph.objects() if isinstance(o, Literal) and o.ill_typed})
    if ill_typed:
        raise InconsistentOntologyError(
            f"{len(ill_typed)} literal(s) are not valid for their datatype: {', '.join(ill_typed[:10])}"
        )
    if shutil.which(owlready2.JAVA_EXE) is None:
        raise ReasonerUnavailable(f"Java ({owlready2.JAVA_EXE!r}) was not found: {JAVA_HINT}")
    world = owlready2.World()
    try:
        data = io.BytesIO(_reasoning_input(graph))
        world.get_ontology(str(REASONING_INPUT_GRAPH)).load(fileobj=data, format="ntriples")
        _run_hermit(world, len(graph))
    finally:
        world.close()


def _reasoning_input(graph: Graph) -> bytes:
    """`graph` as N-Triples (owlready2 reads no Turtle), plus declarations of the wdt: properties used."""
    declarations = Graph()
    for prop in set(graph.predicates()):
        if prop.startswith(str(WDT)):
            value = next(graph.objects(predicate=prop))
            kind = OWL.DatatypeProperty if isinstance(value, Literal) else OWL.ObjectProperty
            declarations.add((prop, RDF.type, kind))
    return graph.serialize(format="nt", encoding="utf-8") + declarations.serialize(format="nt", encoding="utf-8")


def _run_hermit(world: owlready2.World, triples: int) -> None:
    try:
        with _private_tempdir():
            owlready2.sync_reasoner_hermit(world, debug=0, ignore_unsupported_datatypes=True)
    except owlready2.OwlReadyInconsistentOntologyError as e:
        raise InconsistentOntologyError(
            f"HermiT found the {triples} triples checked inconsistent ({type(e).__name__}). "
            f"Usual causes: a resource typed with two disjoint kabar classes ({_disjoint_groups()}), "
            "directly, through a property's domain or range, or through owl:sameAs to one Wikidata item."
        ) from e
    except OSError as e:
        raise ReasonerUnavailable(f"Java ({owlready2.JAVA_EXE!r}) could not be started ({e}): {JAVA_HINT}") from e
    except owlready2.OwlReadyJavaError as e:
        raise ReasonerError(f"HermiT failed: {e}") from e


def _disjoint_groups() -> str:
    return "; ".join(", ".join(group) for group in VOCABULARY.disjoint)


@contextmanager
def _private_tempdir() -> Iterator[None]:
    """Point `tempfile` at a directory removed afterwards.

    owlready2 writes HermiT's input to a temporary file and leaves it
    behind when HermiT fails or finds an inconsistency. The lock keeps
    two checks from swapping `tempfile.tempdir` under each other.
    """
    with _TEMPDIR_LOCK, tempfile.TemporaryDirectory(prefix="kabar-hermit-") as directory:
        previous, tempfile.tempdir = tempfile.tempdir, directory
        try:
            yield
        finally:
            tempfile.tempdir = previous
