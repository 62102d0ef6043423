"""`kabar kb import|stats|fetch`, `kabar links`, `kabar link`, `kabar unlink`.

`register(add)` takes the `add` of `kabar.cli` (subcommand parsers that
already accept `--store`; `kabar.cli.main` resolves it and turns failures
into one line and exit 1, a missing network included).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import IO

from kabar.common import open_store

ENTITY_HELP = "entity IRI, kid:… or its name"
LINK_COLUMNS = ("confidence", "qid", "type", "name", "method", "articles", "entity")


def register(add: Callable[..., argparse.ArgumentParser]) -> None:
    kb = add("kb", help="the local Wikidata KB: import, stats, fetch")
    kb_commands = kb.add_subparsers(dest="kb_command", required=True, metavar="WHAT")
    import_ = kb_commands.add_parser("import", help="add seed CSVs, Wikidata JSON dumps (.json[.gz|.bz2]) or "
                                                    "Wikidata RDF (.nt, .ttl) to the KB graph")
    import_.add_argument("files", nargs="+", type=Path, metavar="FILE")
    import_.add_argument("--quiet", action="store_true", help="no progress on stderr")
    import_.set_defaults(run=_import)
    stats = kb_commands.add_parser("stats", help="what the KB graph holds")
    stats.set_defaults(run=_stats)
    fetch = kb_commands.add_parser("fetch", help="ask Wikidata for the items users linked that no KB holds, "
                                                 "and with --for-store for the items NIL entities may be")
    fetch.add_argument("--for-store", action="store_true",
                       help="also candidates for every unlinked person, organization, place and country")
    fetch.add_argument("--api", metavar="URL", help="Wikidata API URL (default: $KABAR_WIKIDATA_API or wikidata.org)")
    fetch.add_argument("--limit", type=int, default=3, help="candidates per entity (default 3)")
    fetch.set_defaults(run=_fetch)

    links = add("links", help="list Wikidata links, least confident first")
    links.add_argument("--below", type=float, metavar="CONFIDENCE", help="only links below this confidence")
    links.add_argument("--format", choices=("table", "tsv", "json"), default="table",
                       help="aligned columns for people, tsv or json for programs")
    links.set_defaults(run=_links)
    link = add("link", help="link an entity to a Wikidata item (kept across re-ingest)")
    link.add_argument("entity", metavar="ENTITY", help=ENTITY_HELP)
    link.add_argument("qid", metavar="QID")
    link.add_argument("--label", metavar="TEXT", help="the item's name, when no KB holds the QID "
                                                     "(default: the entity's name); `kabar kb fetch` fills it in")
    link.set_defaults(run=_link)
    unlink = add("unlink", help="remove an entity's Wikidata link (kept across re-ingest)")
    unlink.add_argument("entity", metavar="ENTITY", help=ENTITY_HELP)
    unlink.set_defaults(run=_unlink)


class StderrProgress:
    """A one-line progress bar on stderr, redrawn at most every `interval` seconds."""

    def __init__(self, stream: IO[str] = sys.stderr, interval: float = 0.5, width: int = 30) -> None:
        self.stream, self.interval, self.width = stream, interval, width
        self._last = 0.0

    def __call__(self, origin: str, entities: int, done: int, total: int) -> None:
        now = time.monotonic()
        finished = done >= total
        if not finished and now - self._last < self.interval:
            return
        self._last = now
        share = done / total if total else 1.0
        bar = "#" * int(share * self.width)
        self.stream.write(f"\r{origin}: [{bar:<{self.width}}] {share:4.0%} {entities} entities"
                          + ("\n" if finished else ""))
        self.stream.flush()


def _import(args: argparse.Namespace) -> int:
    from ontology import WIKIDATA_GRAPH
    from store.kb_graph import import_files

    with open_store(args) as store:
        report = import_files(store, args.files, None if args.quiet else StderrProgress())
        print(f"imported {report.files} file(s): {report.entities} entities, {report.triples} triples offered; "
              f"the KB graph holds {store.triple_count(WIKIDATA_GRAPH)} triples")
    return 0


def _stats(args: argparse.Namespace) -> int:
    from loaders.kb.build.index import KBIndex, source_counts
    from store.kb_graph import kb_stats

    with open_store(args, read_only=True) as store:
        for key, value in kb_stats(store).items():
            print(f"{key:<20} {value}")
    print("# the offline KB the linker reads (seeds/wikidata/kb/): records per type, then per source")
    for type_, value in KBIndex.open().counts().items():
        print(f"{'offline ' + type_:<20} {value}")
    for source, kinds in source_counts().items():  # a record several sources give counts for each
        print(f"{'source ' + source:<28} " + ", ".join(f"{kind} {n}" for kind, n in kinds.items()))
    return 0


def _fetch(args: argparse.Namespace) -> int:
    from loaders.kb.api import WikidataClient
    from store.review import fetch_candidates, fill_asserted

    client = WikidataClient(**({"base_url": args.api} if args.api else {}))
    with open_store(args, existing=True) as store:
        filled = fill_asserted(store, client)
        rows = fetch_candidates(store, client, args.limit) if args.for_store else []
    print(f"{len(filled)} user-linked item(s) fetched into the KB" + (f": {' '.join(filled)}" if filled else ""),
          file=sys.stderr)
    if not args.for_store:
        return 0
    for row in rows:
        print(f"{row.entity}\t{row.qid}\t{row.confidence:.2f}\t{row.label}\t{row.description}")
    print(f"{len(rows)} candidate(s) added to the KB; confirm with `kabar link ENTITY QID`", file=sys.stderr)
    return 0


def _links(args: argparse.Namespace) -> int:
    from store.review import list_links

    with open_store(args, read_only=True) as store:
        rows = [{"confidence": f"{row.confidence:.3f}", "qid": row.qid, "type": row.type, "name": row.name,
                 "method": row.method, "articles": str(row.articles), "entity": row.entity}
                for row in list_links(store, args.below)]
    if args.format == "json":
        print(json.dumps([dict(r, confidence=float(r["confidence"]), articles=int(r["articles"])) for r in rows],
                         ensure_ascii=False, indent=1))
        return 0
    columns = list(LINK_COLUMNS)
    if args.format == "tsv":
        print("\t".join(columns))
        print("\n".join("\t".join(r[c] for c in columns) for r in rows))
        return 0
    widths = {c: max([len(c), *(len(r[c]) for r in rows)]) for c in columns}
    for line in [dict(zip(columns, columns, strict=True)), *rows]:
        print("  ".join(line[c].ljust(widths[c]) for c in columns).rstrip())
    print(f"({len(rows)} link{'s' if len(rows) != 1 else ''})", file=sys.stderr)
    return 0


def _link(args: argparse.Namespace) -> int:
    from store.corrections import asserted_items
    from store.kb_graph import knows_item
    from store.review import link

    with open_store(args, existing=True) as store:
        count = link(store, args.entity, args.qid, args.label)
        asserted = args.qid in asserted_items(store) and not knows_item(store, args.qid)
    print(f"linked {args.entity} to {args.qid}; {count} article(s) re-extracted"
          + ("; no KB holds it: recorded as your assertion, `kabar kb fetch` fills it in when online"
             if asserted else ""))
    return 0


def _unlink(args: argparse.Namespace) -> int:
    from store.review import unlink

    with open_store(args, existing=True) as store:
        count = unlink(store, args.entity)
    print(f"unlinked {args.entity}; {count} article(s) re-extracted")
    return 0
