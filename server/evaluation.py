"""The RDF dataset a protocol request's query runs over, and the 400 for a query that does not parse.

The query itself runs in a worker process (`server.executor`), so the
dataset is given as pyoxigraph's keyword arguments with IRIs as strings.
"""

from __future__ import annotations

import re
from typing import Any

from server.config import union_default_graph
from server.protocol import READ_ONLY, QueryRequest
from server.query_text import declares_dataset, update_operation

_POSITION = re.compile(r"error at (\d+):(\d+)")


def dataset_options(query: str, request: QueryRequest) -> dict[str, Any]:
    """pyoxigraph's arguments choosing the dataset, most explicit choice first.

    The protocol's default-graph-uri / named-graph-uri override the query's
    FROM / FROM NAMED (SPARQL 1.1 Protocol, 2.1.4); FROM is honoured only
    when pyoxigraph is not told to use the union; without either, the
    default graph is the union of all graphs (as every article is a named
    graph of its own) unless the setting union_default_graph is off, when
    it is the store's own default graph, as SPARQL defines it.
    """
    if request.names_dataset:
        return {
            "default_graph": [graph.value for graph in request.default_graphs],
            "named_graphs": [graph.value for graph in request.named_graphs],
        }
    if declares_dataset(query) or not union_default_graph():
        return {}
    return {"use_default_graph_as_union": True}


def syntax_error_message(query: str, error: str) -> str:
    """The parser's message (`error`) with the line it points at, or the read-only notice for an update."""
    operation = update_operation(query)
    if operation is not None:
        return f"{READ_ONLY} The request is a SPARQL Update ({operation})."
    message = f"The query is not valid SPARQL: {error}"
    position = _POSITION.match(error)
    lines = query.split("\n")
    if position and 1 <= int(position[1]) <= len(lines):
        line, column = int(position[1]), int(position[2])
        message += f"\nline {line}, column {column}: {lines[line - 1].rstrip()}"
    return message
