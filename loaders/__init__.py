"""Reading and extraction, pure: article files in, extractions and their RDF out; no store, no server.

`read` (one reader per file format) -> `pipeline` (`components`, one module
each, over a `model.Document`) -> `rdf` (an extraction's named graph). The
knowledge base (`kb`), the NER model (`ner`), the language packs (`lang`)
and the event types (`events`) are what the components are built from.
"""
