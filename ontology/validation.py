"""Check graphs against kabar's SHACL shapes (`ontology.shapes`) and say what is wrong readably.

Two engines give the same violations (a test holds them to it on valid
and hand-broken graphs): pySHACL, the reference, which also gives the
standard SHACL report graph (`--format turtle`), and `native`, which
checks the same `ShapeDef` rules directly on an indexed graph, about 30
times faster, so that every ingest can afford to check every article.
The report groups violations by shape, property and constraint, with a
count and the first offending nodes, the way a user reads it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from functools import cache

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import SH, NamespaceManager
from rdflib.term import Node

from ontology.namespaces import KABAR, RDF, XSD
from ontology.shapes import (
    SHAPES_PREFIXES,
    rule_classes,
    rule_datatypes,
    rule_iri_only,
    rule_max,
    shapes_graph,
    subclass_graph,
)
from ontology.vocabulary import VOCABULARY, Rule, ShapeDef

ENGINES = ("native", "pyshacl")

FIRST = 3
"""How many offending nodes a group of the readable report names."""


@dataclass(frozen=True)
class Violation:
    shape: str  # the node shape: 'MeetingShape'
    path: str  # the property, prefixed: 'kabar:participant'
    constraint: str  # the SHACL constraint, short: 'MinCount'
    focus: str  # the node that breaks it
    message: str


@dataclass
class ValidationReport:
    violations: list[Violation] = field(default_factory=list)
    graphs: int = 0  # how many graphs were checked
    report: Graph = field(default_factory=Graph)  # the standard SHACL report(s)

    @property
    def conforms(self) -> bool:
        return not self.violations

    def add(self, other: ValidationReport) -> None:
        self.violations += other.violations
        self.graphs += other.graphs
        self.report += other.report

    def groups(self) -> dict[tuple[str, str, str], list[Violation]]:
        """Violations by (shape, property, constraint), in order of shape then property."""
        found: dict[tuple[str, str, str], list[Violation]] = {}
        for v in sorted(self.violations, key=lambda v: (v.shape, v.path, v.constraint, v.focus)):
            found.setdefault((v.shape, v.path, v.constraint), []).append(v)
        return found

    def text(self) -> str:
        """What a person reads: a summary line, then per group its count, message and first nodes."""
        if self.conforms:
            return f"{self.graphs} graph(s) conform to the kabar shapes: 0 violations"
        groups = self.groups()
        lines = [f"{len(self.violations)} violation(s) of {len(groups)} rule(s) in {self.graphs} graph(s)"]
        for (shape, path, constraint), found in groups.items():
            lines.append(f"{shape} {path} ({constraint}): {len(found)} node(s): {found[0].message}")
            lines += [f"  {v.focus}" for v in found[:FIRST]]
            if len(found) > FIRST:
                lines.append(f"  ... and {len(found) - FIRST} more")
        return "\n".join(lines)


@cache
def _shapes() -> Graph:
    return shapes_graph()


@cache
def _classes() -> Graph:
    return subclass_graph()


def validate(data: Graph, engine: str = "native", *more: Graph, context: Graph | None = None) -> ValidationReport:
    """The violations of the shapes in `data` and `more`, read as one graph (one article's parts, or any RDF).

    `context` gives what the values are (their rdf:type triples) where another graph states it: its nodes
    are no targets of the shapes, so a graph is checked as it is, against what the rest of the store says.
    """
    if engine == "native":
        return _Native((data, *more), context).report()
    if engine != "pyshacl":
        raise ValueError(f"unknown validation engine {engine!r} (engines: {', '.join(ENGINES)})")
    from pyshacl import validate as shacl_validate  # here: importing it costs every kabar command 0.3 s

    whole = sum(more, Graph()) + data
    targets = {s for s, _ in whole.subject_objects(RDF.type)}
    if context is not None:
        whole += context
    conforms, report, _ = shacl_validate(whole, shacl_graph=_shapes(), ont_graph=_classes(), inference="none",
                                         abort_on_first=False, allow_infos=True, allow_warnings=True)
    found = ValidationReport(graphs=1, report=report)
    if conforms:
        return found
    owners = {prop: shape for shape, prop in _shapes().subject_objects(SH.property)}
    names = report.namespace_manager
    for prefix, namespace in SHAPES_PREFIXES.items():
        names.bind(prefix, namespace, replace=True)
    for result in report.subjects(RDF.type, SH.ValidationResult):
        focus = report.value(result, SH.focusNode)
        if focus not in targets:
            continue
        source = report.value(result, SH.sourceShape)
        found.violations.append(Violation(
            _short(owners.get(source, source)), _prefixed(names, report.value(result, SH.resultPath)),
            _short(report.value(result, SH.sourceConstraintComponent)).removesuffix("ConstraintComponent"),
            _prefixed(names, focus), str(report.value(result, SH.resultMessage) or "")))
    return found


class _Native:
    """The shapes' rules checked on one graph indexed by subject, as SHACL Core defines them."""

    def __init__(self, parts: tuple[Graph, ...], context: Graph | None) -> None:
        self.values: dict[Node, dict[Node, list[Node]]] = {}
        for part in parts:
            for s, p, o in part:
                self.values.setdefault(s, {}).setdefault(p, []).append(o)
        self.typed = {node: set(values.get(RDF.type, ())) for node, values in self.values.items()}
        self.targets = {node: set(types) for node, types in self.typed.items() if types}
        for s, o in (context.subject_objects(RDF.type) if context is not None else ()):
            self.typed.setdefault(s, set()).add(o)
        self.names = NamespaceManager(Graph(), bind_namespaces="none")
        for prefix, namespace in SHAPES_PREFIXES.items():
            self.names.bind(prefix, namespace, replace=True)

    def types(self, node: Node) -> set[Node]:
        return self.typed.get(node, set())

    def report(self) -> ValidationReport:
        found = ValidationReport(graphs=1)
        for shape in VOCABULARY.shapes:
            members = _descendants()[KABAR[shape.target]]
            for node in [n for n, types in self.targets.items() if types & members]:
                for rule in shape.rules:
                    found.violations += self._check(shape, rule, node)
        return found

    def _check(self, shape: ShapeDef, rule: Rule, node: Node) -> list[Violation]:
        values = list(dict.fromkeys(self.values.get(node, {}).get(rule.path, ())))
        broken = []
        maximum = rule_max(rule)
        if len(values) < rule.min:
            broken.append(("MinCount", f"Less than {rule.min} values"))
        if maximum is not None and len(values) > maximum:
            broken.append(("MaxCount", f"More than {maximum} values"))
        classes, datatypes = rule_classes(rule), rule_datatypes(rule)
        for value in values:
            if rule.values:
                if value not in {KABAR[v] for v in rule.values}:
                    broken.append(("In", f"Value {value} not in the allowed values"))
            elif classes:
                wanted = [KABAR[c] for c in classes]
                if not any(self.types(value) & _descendants()[c] for c in wanted):
                    broken.append(("Class" if len(wanted) == 1 else "Or", f"Value {value} has none of the classes"))
            elif datatypes:
                if not any(_has_datatype(value, d) for d in datatypes):
                    broken.append(("Datatype" if len(datatypes) == 1 else "Or", f"Value {value} has another datatype"))
            elif rule_iri_only(rule) and not isinstance(value, URIRef):
                broken.append(("NodeKind", f"Value {value} is not an IRI"))
            if rule.pattern and isinstance(value, (Literal, URIRef)) and not re.search(rule.pattern, str(value)):
                broken.append(("Pattern", f"Value {value} does not match {rule.pattern}"))
            if rule.bounds:
                number = _number(value)
                if number is None or number < rule.bounds[0]:
                    broken.append(("MinInclusive", f"Value {value} is below {rule.bounds[0]}"))
                if rule.bounds[1] != float("inf") and (number is None or number > rule.bounds[1]):
                    broken.append(("MaxInclusive", f"Value {value} is above {rule.bounds[1]}"))
        if not broken:
            return []
        path, focus = self.names.normalizeUri(rule.path), _prefixed(self.names, node)
        return [Violation(shape.name, path, constraint, focus, message) for constraint, message in broken]


@cache
def _descendants() -> dict[Node, set[Node]]:
    """Each kabar class -> itself and every class below it."""
    below: dict[Node, set[Node]] = {c.iri: {c.iri} for c in VOCABULARY.classes}
    parents = {c.iri: [p for p in c.parents if p in below] for c in VOCABULARY.classes}
    for c in below:
        stack = [c]
        while stack:
            for p in parents[stack.pop()]:
                below[p].add(c)
                stack.append(p)
    return below


def _has_datatype(value: Node, name: str) -> bool:
    """A well-formed literal of the datatype ('langString': any literal with a language tag)."""
    if not isinstance(value, Literal):
        return False
    if name == "langString":
        return value.language is not None
    return value.language is None and (value.datatype or XSD.string) == XSD[name] and not value.ill_typed


def _number(value: Node) -> Decimal | None:
    if not isinstance(value, Literal) or value.ill_typed or value.datatype not in _NUMERIC:
        return None
    try:
        return Decimal(str(value))
    except InvalidOperation:
        return None


_NUMERIC = (XSD.decimal, XSD.integer, XSD.double, XSD.float, XSD.nonNegativeInteger, XSD.int, XSD.long)


def _short(node: Node | None) -> str:
    text = str(node or "")
    return text.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def _prefixed(names: NamespaceManager, node: Node | None) -> str:
    if isinstance(node, URIRef):
        return names.normalizeUri(node)
    return str(node or "")
