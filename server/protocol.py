"""Reading a SPARQL 1.1 Protocol query request: GET, POST form, or POST with the query as body.

Kept apart from the `/sparql` view because the other endpoints read their
requests with the same pieces: `/update` decodes its body with `body_text`,
`/store` and `/export` read graph IRIs with `named_node`. Every refusal
says what to send instead.
"""

from __future__ import annotations

from dataclasses import dataclass

import pyoxigraph as ox
from flask import Request
from werkzeug.datastructures import MultiDict
from werkzeug.exceptions import BadRequest, UnsupportedMediaType

QUERY_MEDIA_TYPE = "application/sparql-query"
FORM_MEDIA_TYPE = "application/x-www-form-urlencoded"
UPDATE_MEDIA_TYPE = "application/sparql-update"

READ_ONLY = (
    "This endpoint is read-only: it answers SPARQL queries (SELECT, ASK, CONSTRUCT, DESCRIBE) "
    "and does not accept SPARQL Update."
)

MISSING_QUERY = (
    "No query: send the SPARQL query as the query= parameter (GET, or POST as "
    f"{FORM_MEDIA_TYPE}) or as the body of a POST with Content-Type {QUERY_MEDIA_TYPE}."
)


@dataclass(frozen=True)
class QueryRequest:
    """What a protocol request asks for; graph lists are empty when the protocol names no dataset."""

    query: str | None
    default_graphs: list[ox.NamedNode]
    named_graphs: list[ox.NamedNode]
    formats: list[str]

    @property
    def names_dataset(self) -> bool:
        """Whether default-graph-uri or named-graph-uri were given; they override FROM in the query."""
        return bool(self.default_graphs or self.named_graphs)


def read_query_request(request: Request) -> QueryRequest:
    mimetype = request.mimetype
    if mimetype == UPDATE_MEDIA_TYPE:
        raise BadRequest(READ_ONLY)
    if request.method != "POST":
        query, params = _single_query(request.args), request.args
    elif mimetype == FORM_MEDIA_TYPE:
        query, params = _single_query(request.values), request.values
    else:
        query, params = _posted_query(request, mimetype), request.args
    if "update" in params:
        raise BadRequest(READ_ONLY)
    return QueryRequest(
        query=query,
        default_graphs=[named_node(v, "default-graph-uri") for v in params.getlist("default-graph-uri")],
        named_graphs=[named_node(v, "named-graph-uri") for v in params.getlist("named-graph-uri")],
        formats=params.getlist("format"),
    )


def _posted_query(request: Request, mimetype: str) -> str | None:
    """The body of a POST that is not a form: only the query media type is one."""
    if mimetype != QUERY_MEDIA_TYPE:
        raise UnsupportedMediaType(
            f"POST the query with Content-Type {QUERY_MEDIA_TYPE} (the query as body) or "
            f"{FORM_MEDIA_TYPE} (query=...), not {mimetype or 'without a Content-Type'}."
        )
    if "query" in request.args:
        raise BadRequest("Send the query either as the request body or as query=, not both.")
    query = body_text(request, "query")
    return query if query.strip() else None


def body_text(request: Request, what: str) -> str:
    """The request body decoded by its charset (UTF-8 when it names none); 400 when it does not decode."""
    charset = request.mimetype_params.get("charset", "utf-8")
    try:
        return request.get_data().decode(charset)
    except (LookupError, UnicodeDecodeError) as e:
        raise BadRequest(f"The {what} body is not valid {charset} text: {e}") from e


def _single_query(params: MultiDict[str, str]) -> str | None:
    queries = params.getlist("query")
    if len(queries) > 1:
        raise BadRequest(f"Send one query= parameter, not {len(queries)}.")
    return queries[0] if queries and queries[0].strip() else None


def named_node(value: str, param: str) -> ox.NamedNode:
    """The IRI given in a request parameter, or a 400 saying it is not one."""
    try:
        return ox.NamedNode(value)
    except ValueError as e:
        raise BadRequest(f"{param}={value} is not an absolute IRI ({e}).") from e
