"""The store layer: the one door to the store, and the services that read and write it.

`QuadStore` (`store.quad_store`) is what every store offers; `KabarStore`
(`store.kabar_store`) is the embedded Oxigraph store on disk, `RemoteStore`
(`store.remote_store`) a SPARQL 1.1 store over HTTP; `open_store` opens
the one `--store` names. `ingest` (read, extract, replace each article's
graph), `kb_graph` (the Wikidata KB graph: seed, imports, online answers,
reading it back as a KB), `corrections` (users' link corrections),
`review` (link review and re-extraction) and `snapshots` (read-only copies
for query workers) build on it. Layers: `kabar/` and `server/` use this
package; this package uses `loaders/` and `ontology/`, never the other way.
"""

from __future__ import annotations

import os
from pathlib import Path

from store.kabar_store import KabarStore, resolve_store_path
from store.quad_store import QuadStore, StoreError
from store.remote_store import RemoteStore, is_remote
from store.serving import ServedStore, serving_endpoint


def open_store(location: str | os.PathLike[str], *, read_only: bool = False, existing: bool = False) -> QuadStore:
    """The store at `location`: a folder (the embedded store) or `sparql+http(s)://…` (a remote one).
    `existing` never creates an empty embedded store by mistake; a store `kabar serve` holds is read through its
    endpoint (`store.serving`)."""
    if is_remote(location):
        return RemoteStore(str(location), read_only=read_only)
    if (read_only or existing) and not (Path(location) / "CURRENT").exists():
        raise StoreError(f"there is no store at {location}: create it with `kabar ingest` (or `make load`)")
    if read_only and (endpoint := serving_endpoint(Path(location))) is not None:
        return ServedStore(endpoint)  # `kabar serve` holds it: read through it
    return KabarStore(location, read_only=read_only)


__all__ = ["KabarStore", "QuadStore", "RemoteStore", "StoreError", "is_remote", "open_store", "resolve_store_path"]
