"""`kabar validate`: check the store, one graph or RDF files against the kabar SHACL shapes."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from rdflib import Graph

from kabar.common import CommandError, open_store

_SYNTAXES = {".ttl": "turtle", ".nt": "nt", ".nq": "nquads", ".trig": "trig", ".jsonld": "json-ld", ".rdf": "xml"}


def register(add: Callable[..., argparse.ArgumentParser]) -> None:
    from ontology.validation import ENGINES

    command = add("validate", help="check the store (or one graph, or RDF files) against the kabar shapes")
    command.add_argument("files", nargs="*", type=Path, metavar="FILE",
                         help="RDF files to check instead of the store (.ttl .nt .nq .trig .jsonld .rdf)")
    command.add_argument("--graph", metavar="IRI", help="only this named graph of the store")
    command.add_argument("--engine", choices=ENGINES, default="native",
                         help="native (fast, the same results) or pyshacl (the reference SHACL engine)")
    command.add_argument("--format", choices=("text", "turtle"), default="text",
                         help="text for people; turtle: the standard SHACL validation report (with --engine pyshacl)")
    command.set_defaults(run=_validate)


def _validate(args: argparse.Namespace) -> int:
    from ontology.validation import ValidationReport, validate
    from store.validation import validate_store

    if args.format == "turtle" and args.engine != "pyshacl":
        raise CommandError("--format turtle needs --engine pyshacl: the standard report graph is pySHACL's")
    if args.files:
        report = ValidationReport()
        for path in args.files:
            report.add(validate(_read(path), args.engine))
    else:
        with open_store(args, read_only=True) as store:
            report = validate_store(store, args.graph, args.engine)
    if args.format == "turtle":
        sys.stdout.write(report.report.serialize(format="turtle"))
    else:
        print(report.text())
    return 0 if report.conforms else 1


def _read(path: Path) -> Graph:
    from rdflib import Dataset

    syntax = _SYNTAXES.get(path.suffix.lower())
    if syntax is None:
        raise CommandError(f"{path}: not an RDF file kabar reads ({', '.join(_SYNTAXES)})")
    try:
        if syntax in ("nquads", "trig"):
            data = Dataset()
            data.parse(path, format=syntax)
            graph = Graph()
            for s, p, o, _ in data.quads():
                graph.add((s, p, o))
            return graph
        return Graph().parse(path, format=syntax)
    except (OSError, SyntaxError, ValueError) as e:
        raise CommandError(f"{path}: {str(e).splitlines()[0] if str(e) else type(e).__name__}") from e
