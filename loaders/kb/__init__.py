"""The knowledge base: its model, the seed files, Wikidata's data formats and its API (reading only).

Writing the KB graph of the store is `store.kb_graph`'s job; everything
here reads files or the network and returns entries or triples.
"""
