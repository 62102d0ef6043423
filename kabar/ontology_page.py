"""The ontology's page (`ontology/kabar.html`), which `/ontology` serves to browsers; `make ontology` rebuilds it.

Every class, property and value of `ontology.vocabulary` with its labels
and comments in English and Indonesian, each class's shape (what a valid
node carries, from the same `ShapeDef`s as `ontology/shapes.ttl`), an
example of the class from the seed article as the pipeline maps it, and
the changelog: what pyLODE or WIDOCO would give, from kabar's own source.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape
from rdflib import Graph, Literal, URIRef

from loaders.kb.seed import load_kb
from loaders.pipeline import default_pipeline
from loaders.rdf import extraction_graph
from loaders.read import read_articles
from ontology import KABAR, ONTOLOGY_FILE, ONTOLOGY_IRI, ONTOLOGY_PAGE, PREFIXES, RDF, VOCABULARY
from ontology.build import DESCRIPTION, TITLE, VERSION, version_iri
from ontology.shapes import rule_classes, rule_datatypes, rule_max
from ontology.vocabulary import Rule, ShapeDef

SEED = Path(__file__).resolve().parent.parent / "seeds" / "articles" / "tribunnews-2024-05-iran-as-oman.txt"
CHANGELOG = ONTOLOGY_FILE.with_name("CHANGELOG.md")
_SHOWN = 70  # characters of a literal an example shows
_EXAMPLE_LINES = 14


def page() -> str:
    """The page's HTML."""
    graph = _seed_graph()
    names = Graph().namespace_manager
    for prefix, namespace in PREFIXES.items():
        names.bind(prefix, namespace, replace=True)

    def short(iri: URIRef) -> str:
        return names.normalizeUri(iri)

    shapes = {s.target: s for s in VOCABULARY.shapes}
    classes = [{"name": c.name, "label": c.label, "comment": c.comment, "parents": [short(p) for p in c.parents],
                "shape": _shape(shapes[c.name], short) if c.name in shapes else None,
                "example": _example(graph, c.iri)} for c in VOCABULARY.classes]
    properties = [{"name": p.name, "label": p.label, "comment": p.comment, "kind": p.kind,
                   "functional": p.functional, "parents": [short(q) for q in p.parents],
                   "domain": " or ".join(f"kabar:{d}" for d in p.domain),
                   "range": " or ".join(f"kabar:{r}" if p.kind == "object" else f"xsd:{r}" for r in p.range)}
                  for p in VOCABULARY.properties]
    template = Environment(loader=FileSystemLoader(ONTOLOGY_PAGE.parent), autoescape=select_autoescape(["html"]),
                           keep_trailing_newline=True).get_template("page.html")
    return template.render(title=TITLE, description=DESCRIPTION, iri=ONTOLOGY_IRI, namespace=str(KABAR),
                           version=VERSION, version_iri=version_iri(), classes=classes, properties=properties,
                           individuals=VOCABULARY.individuals, formats=("turtle", "ntriples", "jsonld", "rdfxml"),
                           changelog=CHANGELOG.read_text(encoding="utf-8"))


def _shape(shape: ShapeDef, short: Callable[[URIRef], str]) -> dict[str, object]:
    return {"name": shape.name, "comment": shape.comment.en,
            "rules": [{"path": short(r.path), "count": _count(r), "value": _value(r)} for r in shape.rules]}


def _count(rule: Rule) -> str:
    most = rule_max(rule)
    if most is None:
        return f"{rule.min} or more" if rule.min else "any number"
    return str(most) if rule.min == most else f"{rule.min} to {most}"


def _value(rule: Rule) -> str:
    parts = []
    if rule.values:
        parts.append("one of " + ", ".join(f"kabar:{v}" for v in rule.values))
    elif classes := rule_classes(rule):
        parts.append("a " + " or ".join(f"kabar:{c}" for c in classes))
    elif datatypes := rule_datatypes(rule):
        parts.append(" or ".join("text with a language tag" if d == "langString" else f"xsd:{d}" for d in datatypes))
    if rule.pattern:
        parts.append(f"matching {rule.pattern}")
    if rule.bounds:
        low, high = rule.bounds
        parts.append(f"at least {low:g}" if high == float("inf") else f"from {low:g} to {high:g}")
    return "; ".join(parts) or "an IRI"


def _seed_graph() -> Graph:
    (article,) = read_articles(SEED)
    rdf = extraction_graph(default_pipeline().extract(article), load_kb())
    return rdf.article + rdf.entities + rdf.events


def _example(graph: Graph, cls: URIRef) -> str | None:
    """The first node of the class in the seed's graph, as Turtle, its long texts cut."""
    node = min((s for s in graph.subjects(RDF.type, cls) if isinstance(s, URIRef)), default=None)
    if node is None:
        return None
    shown = Graph()
    for prefix, namespace in PREFIXES.items():
        shown.bind(prefix, namespace, replace=True)
    for p, o in sorted(graph.predicate_objects(node)):
        if isinstance(o, Literal) and len(o) > _SHOWN:
            o = Literal(o[:_SHOWN] + "…", lang=o.language, datatype=o.datatype)
        shown.add((node, p, o))
    lines = [line for line in shown.serialize(format="turtle").splitlines() if line and not line.startswith("@prefix")]
    return "\n".join(lines[:_EXAMPLE_LINES] + (["    …"] if len(lines) > _EXAMPLE_LINES else []))


def main() -> None:
    ONTOLOGY_PAGE.write_text(page(), encoding="utf-8")
    print(f"{ONTOLOGY_PAGE}: {len(VOCABULARY.classes)} classes, {len(VOCABULARY.properties)} properties")


if __name__ == "__main__":
    main()
