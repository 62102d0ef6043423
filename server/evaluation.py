"""Running a protocol request's query on the store, over the RDF dataset it asks for."""

from __future__ import annotations

import re
from typing import Any

import pyoxigraph as ox
from werkzeug.exceptions import BadRequest

from server.config import union_default_graph
from server.protocol import READ_ONLY, QueryRequest
from server.query_text import declares_dataset, update_operation

QueryResults = ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples

_POSITION = re.compile(r"error at (\d+):(\d+)")


def evaluate(store: ox.Store, query: str, request: QueryRequest) -> QueryResults:
    """The query's (lazy) results; a query pyoxigraph cannot parse is a 400 with the parser's message."""
    try:
        return store.query(query, **dataset_options(query, request))
    except SyntaxError as e:
        raise BadRequest(syntax_error_message(query, e)) from e


def dataset_options(query: str, request: QueryRequest) -> dict[str, Any]:
    """pyoxigraph's arguments choosing the dataset, most explicit choice first.

    The protocol's default-graph-uri / named-graph-uri override the query's
    FROM / FROM NAMED (SPARQL 1.1 Protocol, 2.1.4); FROM is honoured only
    when pyoxigraph is not told to use the union; without either, the
    default graph is the union of all graphs, as every article is a named
    graph of its own.
    """
    if request.names_dataset:
        return {"default_graph": request.default_graphs, "named_graphs": request.named_graphs}
    if declares_dataset(query):
        return {}
    return {"use_default_graph_as_union": True} if union_default_graph() else {}


def syntax_error_message(query: str, error: SyntaxError) -> str:
    """The parser's message with the line it points at, or the read-only notice for an update."""
    operation = update_operation(query)
    if operation is not None:
        return f"{READ_ONLY} The request is a SPARQL Update ({operation})."
    message = f"The query is not valid SPARQL: {error}"
    position = _POSITION.match(str(error))
    lines = query.split("\n")
    if position and 1 <= int(position[1]) <= len(lines):
        line, column = int(position[1]), int(position[2])
        message += f"\nline {line}, column {column}: {lines[line - 1].rstrip()}"
    return message
