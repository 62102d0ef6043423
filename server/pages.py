"""`/`: a plain HTML page to try queries, whose form works without JavaScript; `/query`: the YASGUI editor.

The editor is YASGUI (`server/static/yasgui/`, vendored, see its NOTICE.md) set to this server's `/sparql`
alone (which knows kabar's prefixes), the example queries of `seeds/queries/`, and the query in the URL;
nothing it needs comes from another host.
"""

from __future__ import annotations

from pathlib import Path

from flask import Blueprint, render_template, url_for

from ontology.namespaces import KABAR, SCHEMA
from server.formats import CONSTRUCT_FORMATS, DATASET_FORMATS, GRAPH_FORMATS, RESULT_FORMATS
from server.page_data import LOCAL_PATHS

bp = Blueprint("pages", __name__)
EXAMPLES = Path(__file__).resolve().parent.parent / "seeds" / "queries"
"""The shipped example queries, offered in the editor (none when kabar runs without its repository)."""

EXAMPLE_QUERY = f"""\
PREFIX kabar: <{KABAR}>
PREFIX schema: <{SCHEMA}>

# Meetings and talks reported in the news, with who took part.
SELECT ?meeting ?date ?participant ?name
WHERE {{
  VALUES ?type {{ kabar:Meeting kabar:Negotiation }}
  ?meeting a ?type ;
           kabar:participant ?participant .
  OPTIONAL {{ ?meeting kabar:date ?date }}
  OPTIONAL {{ ?participant schema:name ?name }}
}}
ORDER BY ?meeting ?name
LIMIT 100
"""


@bp.get("/")
def index() -> str:
    return render_query_page()


@bp.get("/query")
def editor() -> str:
    examples = [("Meetings and talks, who took part", EXAMPLE_QUERY)] + [
        (path.stem.replace("-", " ").capitalize(), path.read_text(encoding="utf-8"))
        for path in sorted(EXAMPLES.glob("*.rq"))]
    return render_template("editor.html", endpoint=url_for("sparql.query"), examples=examples, spaces=LOCAL_PATHS)


def render_query_page() -> str:
    """The query page; also what a browser gets from /sparql without a query."""
    return render_template(
        "index.html",
        example_query=EXAMPLE_QUERY,
        result_formats=RESULT_FORMATS,
        graph_formats=GRAPH_FORMATS,
        construct_formats=CONSTRUCT_FORMATS,
        dataset_formats=DATASET_FORMATS,
    )
