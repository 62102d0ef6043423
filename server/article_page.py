"""An article's page for people: its text with every mention highlighted by type and linked to the page of what it
names, and the events it reports (type, participants, place, date, status), as `/id/article/...` shows a browser.

Read from the store in this process: the article graph (text, mentions and their offsets), the entities graph
(each mention's type and name) and the events graph (the events the article reports). Offsets are character
offsets into the text; a mention inside another is shown as part of the longer one.
"""

from __future__ import annotations

from dataclasses import dataclass

import pyoxigraph as ox
from flask import render_template
from markupsafe import Markup, escape

from ontology.namespaces import EVENTS_GRAPH, INFERRED_GRAPH
from server.page_data import local, rows, short

_ARTICLE = """SELECT ?a ?headline ?text ?published ?url ?publisher ?author WHERE { GRAPH ?a {
  ?a schema:headline ?headline ; schema:articleBody ?text
  OPTIONAL { ?a schema:datePublished ?published } OPTIONAL { ?a schema:url ?url }
  OPTIONAL { ?a schema:publisher ?p } OPTIONAL { ?a schema:author ?b } }
  OPTIONAL { GRAPH ?h { ?p schema:name ?publisher } } OPTIONAL { GRAPH ?k { ?b schema:name ?author } } }"""
# a type as stated (not one `kabar reason` inferred: a Country is also a Place and an Agent there)
_MENTIONS = """SELECT ?a ?inferred ?start ?end ?what (SAMPLE(?t) AS ?type) (SAMPLE(?n) AS ?name) WHERE {
  GRAPH ?a { ?m kabar:extractedFrom ?a ; kabar:startOffset ?start ; kabar:endOffset ?end }
  GRAPH ?g { ?m kabar:mentionOf ?what }
  OPTIONAL { GRAPH ?h { ?what a ?t } FILTER(?h != ?inferred) } OPTIONAL { GRAPH ?k { ?what schema:name ?n } } }
GROUP BY ?a ?inferred ?start ?end ?what ORDER BY ?start DESC(?end)"""
_EVENTS = """SELECT ?a ?events ?event ?type ?status ?date ?place (GROUP_CONCAT(DISTINCT ?who; separator=", ") AS ?sides)
WHERE { GRAPH ?events { ?event kabar:extractedFrom ?a ; a ?type ; kabar:status ?status
    OPTIONAL { ?event kabar:date ?date } }
  OPTIONAL { GRAPH ?events { ?event kabar:participant ?p } GRAPH ?g { ?p schema:name ?who } }
  OPTIONAL { GRAPH ?events { ?event kabar:location ?l } GRAPH ?h { ?l schema:name ?place } } }
GROUP BY ?a ?events ?event ?type ?status ?date ?place ORDER BY ?event"""


@dataclass(frozen=True)
class _Mention:
    start: int
    end: int
    href: str
    kind: str  # Person, Country, Meeting...: the CSS class and the tooltip
    name: str


def article_page(node: ox.NamedNode) -> str | None:
    """The page of the article `node`, or None if it is no article of the store."""
    bound = {"a": node}
    found = rows(_ARTICLE, bound)
    if not found:
        return None
    article = found[0]
    text = article["text"]
    mentions = [_Mention(int(r["start"]), int(r["end"]), local(r["what"]), short(r.get("type", "")),
                         r.get("name", ""))
                for r in rows(_MENTIONS, {**bound, "inferred": ox.NamedNode(str(INFERRED_GRAPH))})]
    events = [{"href": local(r["event"]), "type": short(r["type"]), "status": short(r["status"]),
               "date": r.get("date"), "place": r.get("place"), "sides": r.get("sides", "")}
              for r in rows(_EVENTS, {**bound, "events": ox.NamedNode(str(EVENTS_GRAPH))})]
    return render_template("article.html", iri=node.value, article=article, text=highlighted(text, mentions),
                           events=events, kinds=sorted({m.kind for m in mentions if m.kind}))


def highlighted(text: str, mentions: list[_Mention]) -> Markup:
    """The text, escaped, with each mention a link marked with its type; nested or overlapping ones skipped."""
    out, at = [], 0
    for m in sorted(mentions, key=lambda m: (m.start, -m.end)):
        if m.start < at or m.end > len(text):
            continue
        out.append(escape(text[at:m.start]))
        title = f"{m.kind}: {m.name}" if m.name else m.kind
        out.append(Markup('<a class="mention {}" href="{}" title="{}">{}</a>').format(
            m.kind, m.href, title, text[m.start:m.end]))
        at = m.end
    out.append(escape(text[at:]))
    return Markup("").join(out)
