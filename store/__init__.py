"""The store layer: the one door to the Oxigraph store, and the services that read and write it.

`KabarStore` (`store.kabar_store`) opens the store and owns every read and
write of its graphs; `ingest` (read, extract, replace each article's graph),
`kb_graph` (the Wikidata KB graph: seed, imports, online answers, reading
it back as a KB), `corrections` (users' link corrections), `review` (link
review and re-extraction) and `snapshots` (read-only copies for query
workers) build on it. Layers: `kabar/` and `server/` use this package;
this package uses `loaders/` and `ontology/`, never the other way.
"""

from store.kabar_store import KabarStore, StoreError, resolve_store_path

__all__ = ["KabarStore", "StoreError", "resolve_store_path"]
