"""Write the dataset, or one graph, as RDF with pyoxigraph's serializers.

Shared by `kabar export` and the endpoint's `/export`, so both write the
same bytes. Turtle holds no named graphs: without `graph` it writes the
union of all graphs (what the endpoint's default graph shows).
"""

from __future__ import annotations

from typing import BinaryIO

import pyoxigraph as ox

from kabar.store import KabarStore, StoreError
from ontology import PREFIXES

_PREFIXES = {prefix: str(namespace) for prefix, namespace in PREFIXES.items()}
_UNION = "CONSTRUCT { ?s ?p ?o } WHERE { { ?s ?p ?o } UNION { GRAPH ?g { ?s ?p ?o } } }"


def export(store: KabarStore, out: BinaryIO, fmt: ox.RdfFormat, graph: str | None = None) -> None:
    if graph is not None:
        if not store.has_graph(graph):
            raise StoreError(f"no graph <{graph}> in the store at {store.path}")
        store.oxigraph.dump(out, format=fmt, from_graph=ox.NamedNode(graph), prefixes=_prefixes(fmt))
    elif fmt.supports_datasets:
        store.oxigraph.dump(out, format=fmt, prefixes=_prefixes(fmt))
    else:
        store.oxigraph.query(_UNION).serialize(out, format=fmt)


def _prefixes(fmt: ox.RdfFormat) -> dict[str, str] | None:
    return _PREFIXES if fmt in (ox.RdfFormat.TURTLE, ox.RdfFormat.TRIG) else None
