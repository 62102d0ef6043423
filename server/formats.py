"""The serializations the endpoint offers, and picking one for a request.

Each table is in the server's order of preference: the first entry is the
default when the client accepts anything. A `format=` parameter overrides
Accept; its values include the names SPARQLWrapper sends (it always adds
`format=xml` or `format=json` next to its Accept header, also for
CONSTRUCT, so `xml` and `json` mean RDF/XML and JSON-LD for graphs).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

import pyoxigraph as ox
from werkzeug.exceptions import NotAcceptable

from server.negotiation import best_match


@dataclass(frozen=True, eq=False)
class Format:
    """One serialization. Compared and hashed by identity: the tables below are its only instances."""

    name: str
    media_type: str
    serializer: ox.QueryResultsFormat | ox.RdfFormat
    other_names: tuple[str, ...] = ()
    other_media_types: tuple[str, ...] = ()

    @property
    def media_types(self) -> tuple[str, ...]:
        return (self.media_type, *self.other_media_types)

    def answers_to(self, value: str) -> bool:
        """Whether a `format=` value (a name or a media type) asks for this format."""
        return value.strip().lower() in (self.name, *self.other_names, *self.media_types)


RESULT_FORMATS = (
    Format("json", "application/sparql-results+json", ox.QueryResultsFormat.JSON,
           other_media_types=("application/json",)),
    Format("xml", "application/sparql-results+xml", ox.QueryResultsFormat.XML,
           other_media_types=("application/xml",)),
    Format("csv", "text/csv", ox.QueryResultsFormat.CSV),
    Format("tsv", "text/tab-separated-values", ox.QueryResultsFormat.TSV),
)
"""SELECT and ASK results."""

GRAPH_FORMATS = (
    Format("turtle", "text/turtle", ox.RdfFormat.TURTLE, ("ttl",), ("application/turtle", "application/x-turtle")),
    Format("ntriples", "application/n-triples", ox.RdfFormat.N_TRIPLES, ("nt", "n-triples")),
    Format("jsonld", "application/ld+json", ox.RdfFormat.JSON_LD, ("json-ld", "json")),
    Format("rdfxml", "application/rdf+xml", ox.RdfFormat.RDF_XML, ("rdf+xml", "xml"), ("application/xml",)),
)
"""CONSTRUCT and DESCRIBE results, and one named graph exported."""

DATASET_FORMATS = (
    Format("trig", "application/trig", ox.RdfFormat.TRIG),
    Format("nquads", "application/n-quads", ox.RdfFormat.N_QUADS, ("nq", "n-quads")),
)
"""The whole dataset exported."""

CONSTRUCT_FORMATS = (*GRAPH_FORMATS, *DATASET_FORMATS)
"""CONSTRUCT and DESCRIBE results: a graph is also a dataset with only a default graph."""


def download_name(stem: str, chosen: Format) -> dict[str, str]:
    """`Content-Disposition: inline` with a file name: a browser still shows what it can show, and saves what it
    downloads (CSV, TSV, TriG, N-Quads) as `stem.ttl`, `stem.tsv`..., not as the last segment of the path."""
    return {"Content-Disposition": f'inline; filename="{stem}.{chosen.serializer.file_extension}"'}


def dump_download(chosen: Format, whole_dataset: bool) -> dict[str, str]:
    """The file name of an export (`/export`, `GET /store`): the dataset, or one graph."""
    return download_name("kabar-dataset" if whole_dataset else "kabar-graph", chosen)


def choose_format(
    formats: Sequence[Format], requested: Sequence[str], accept: str | None, what: str
) -> tuple[Format, str]:
    """The format and media type to answer with: the first usable `format=` value, else the Accept header.

    `what` names the thing being served, for the 406 message.
    """
    chosen = negotiate(tuple(formats), tuple(requested), accept)
    if chosen is not None:
        return chosen
    requested = [value for value in requested if value.strip()]
    if requested:
        raise NotAcceptable(
            f"Cannot serve {what} as format={requested[0]}. Use format= with one of: "
            + ", ".join(f"{f.name} ({f.media_type})" for f in formats) + "."
        )
    raise NotAcceptable(
        f"Cannot serve {what} in any media type the Accept header allows ({accept}). "
        f"Served media types: {', '.join(media_types(tuple(formats)))}. "
        f"Or add format= with one of: {', '.join(f.name for f in formats)}."
    )


@lru_cache(maxsize=256)
def negotiate(formats: tuple[Format, ...], requested: tuple[str, ...], accept: str | None) -> tuple[Format, str] | None:
    """`choose_format`'s answer, None for a 406; cached, as clients send the same Accept with every request."""
    requested = tuple(value for value in requested if value.strip())
    if requested:
        for value in requested:
            for candidate in formats:
                if candidate.answers_to(value):
                    return candidate, candidate.media_type
        return None
    offers = media_types(formats)
    chosen = best_match(accept, tuple(offers))
    return None if chosen is None else (offers[chosen], chosen)


@cache
def media_types(formats: tuple[Format, ...]) -> dict[str, Format]:
    """Each media type of `formats` and its format, canonical ones first so that a wildcard picks one of them."""
    return {f.media_type: f for f in formats} | {t: f for f in formats for t in f.other_media_types}


def content_type(media_type: str) -> str:
    """The Content-Type header: text formats say they are UTF-8, which is all pyoxigraph writes."""
    return f"{media_type}; charset=utf-8" if media_type.startswith("text/") else media_type
