"""SHACL shapes from `ontology.vocabulary`: what a valid kabar graph is, generated from the source of the OWL file.

`ontology/shapes.ttl` is written by `make ontology` and a test checks it
still agrees with the vocabulary, so the shapes and the ontology never
drift. Each `ShapeDef` becomes a `sh:NodeShape` targeting its class; each
`Rule` a property shape whose unset parts come from the property's
declaration (range classes, datatype, functional). A value's class is
checked with the vocabulary's own subclass tree (`subclass_graph`), so a
Country passes where a Place or an Agent is asked.
"""

from __future__ import annotations

from functools import cache

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import SH

from ontology.namespaces import KABAR, PREFIXES, RDF, RDFS, SHAPES, XSD
from ontology.vocabulary import VOCABULARY, PropertyDef, Rule, ShapeDef, Vocabulary

SHAPES_PREFIXES = {**PREFIXES, "sh": SH, "kshape": SHAPES}

_PLAIN = "PlainLiteral"  # the OWL range of kabar's text properties, which kabar always writes with a language tag


def shapes_graph(vocabulary: Vocabulary = VOCABULARY) -> Graph:
    """The shapes of every `ShapeDef`, with their comments in English and Indonesian."""
    g = Graph()
    for prefix, namespace in SHAPES_PREFIXES.items():
        g.bind(prefix, namespace)
    for shape in vocabulary.shapes:
        node = SHAPES[shape.name]
        g.add((node, RDF.type, SH.NodeShape))
        g.add((node, SH.targetClass, KABAR[shape.target]))
        g.add((node, RDFS.comment, Literal(shape.comment.en, lang="en")))
        g.add((node, RDFS.comment, Literal(shape.comment.id, lang="id")))
        for rule in shape.rules:
            _add_rule(g, shape, node, rule)
    return g


def subclass_graph(vocabulary: Vocabulary = VOCABULARY) -> Graph:
    """The kabar classes' subclass tree (rdfs:subClassOf among kabar classes), which `sh:class` follows."""
    g = Graph()
    for c in vocabulary.classes:
        for parent in c.parents:
            if str(parent).startswith(str(KABAR)):
                g.add((c.iri, RDFS.subClassOf, parent))
    return g


def _local(iri: URIRef) -> str:
    """'https://schema.org/headline' -> 'headline'."""
    return str(iri).rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def _add_rule(g: Graph, shape: ShapeDef, node: URIRef, rule: Rule) -> None:
    prop = SHAPES[f"{shape.target}-{_local(rule.path)}"]
    g.add((node, SH.property, prop))
    g.add((prop, SH.path, rule.path))
    g.add((prop, SH.name, Literal(g.namespace_manager.normalizeUri(rule.path))))
    maximum = rule_max(rule)
    if rule.min:
        g.add((prop, SH.minCount, Literal(rule.min)))
    if maximum is not None:
        g.add((prop, SH.maxCount, Literal(maximum)))
    if rule.values:
        g.add((prop, SH["in"], _list(g, [KABAR[v] for v in rule.values])))
    elif classes := rule_classes(rule):
        _one_of(g, prop, SH["class"], [KABAR[c] for c in classes])
    elif datatypes := rule_datatypes(rule):
        _one_of(g, prop, SH.datatype, [RDF.langString if d == "langString" else XSD[d] for d in datatypes])
    elif rule_iri_only(rule):
        g.add((prop, SH.nodeKind, SH.IRI))
    if rule.pattern:
        g.add((prop, SH.pattern, Literal(rule.pattern)))
    if rule.bounds:
        low, high = rule.bounds
        g.add((prop, SH.minInclusive, Literal(low)))
        if high != float("inf"):
            g.add((prop, SH.maxInclusive, Literal(high)))


@cache
def _declared(rule: Rule) -> PropertyDef | None:
    return next((p for p in VOCABULARY.properties if p.iri == rule.path), None)


@cache
def rule_max(rule: Rule) -> int | None:
    """At most how many values: the rule's, else one for a functional property."""
    declared = _declared(rule)
    return rule.max if rule.max is not None else (1 if declared is not None and declared.functional else None)


@cache
def rule_classes(rule: Rule) -> tuple[str, ...]:
    """The kabar classes a value may have: the rule's, else an object property's range."""
    declared = _declared(rule)
    return rule.classes or (declared.range if declared is not None and declared.kind == "object" else ())


@cache
def rule_datatypes(rule: Rule) -> tuple[str, ...]:
    """The datatypes a value may have: the rule's, else a data property's range (its text tagged)."""
    declared = _declared(rule)
    if rule.datatypes or declared is None or declared.kind != "data":
        return rule.datatypes
    return tuple("langString" if d == _PLAIN else d for d in declared.range)


@cache
def rule_iri_only(rule: Rule) -> bool:
    """An object property with no class to check (an outside property, or a kabar one without a range)."""
    declared = _declared(rule)
    return not (rule.values or rule_classes(rule) or rule_datatypes(rule) or rule.pattern) and (
        declared is None or declared.kind == "object")


def _one_of(g: Graph, prop: URIRef, constraint: URIRef, values: list[URIRef]) -> None:
    """`constraint value` for one value; for several, `sh:or` of one such shape each."""
    if len(values) == 1:
        g.add((prop, constraint, values[0]))
        return
    alternatives = []
    for value in values:
        alternative = BNode()
        g.add((alternative, constraint, value))
        alternatives.append(alternative)
    g.add((prop, SH["or"], _list(g, alternatives)))


def _list(g: Graph, items: list) -> BNode:
    head = BNode()
    Collection(g, head, items)
    return head
