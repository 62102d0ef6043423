"""The large offline Wikidata KB: built from public Wikidata-derived datasets, read back as plain records.

`read_kb()` loads `seeds/wikidata/kb/` (persons, organizations, places with
labels, aliases, countries, offices and coordinates); `python -m
loaders.kb.build` (`make kb`) rebuilds it from the raw sources listed in
`manifest.tsv`. The verified seed CSVs in `seeds/wikidata/` stay the first
priority: the builder takes them as its first source.
"""

from loaders.kb.build.records import KB, KB_DIR, Office, Organization, Person, Place, read_kb

__all__ = ["KB", "KB_DIR", "Office", "Organization", "Person", "Place", "read_kb"]
