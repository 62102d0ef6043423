"""`/`: a plain HTML page to try queries from a browser; its form works without JavaScript."""

from __future__ import annotations

from flask import Blueprint, render_template

from ontology.namespaces import KABAR, SCHEMA
from server.formats import DATASET_FORMATS, GRAPH_FORMATS, RESULT_FORMATS

bp = Blueprint("pages", __name__)

EXAMPLE_QUERY = f"""\
PREFIX kabar: <{KABAR}>
PREFIX schema: <{SCHEMA}>

# Meetings reported in the news, with who took part.
SELECT ?meeting ?date ?participant ?name
WHERE {{
  ?meeting a kabar:Meeting ;
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


def render_query_page() -> str:
    """The query page; also what a browser gets from /sparql without a query."""
    return render_template(
        "index.html",
        example_query=EXAMPLE_QUERY,
        result_formats=RESULT_FORMATS,
        graph_formats=GRAPH_FORMATS,
        dataset_formats=DATASET_FORMATS,
    )
