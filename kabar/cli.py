"""The `kabar` command: ingest, extract, serve, query, export.

Every command takes `--store DIR` (default: `KABAR_STORE`, then
`var/store`). Errors print one line naming the file (and line), the
setting or the store, and exit non-zero; they never print a traceback.
The web server (Flask) is imported by `kabar serve` only.
"""

from __future__ import annotations

import argparse
import functools
import json
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path

import pyoxigraph as ox

from kabar import eval_extraction, eval_ner, kb_commands
from loaders.kb.api import WikidataUnavailable
from loaders.kb.wikidata import KBImportError
from loaders.pipeline import PipelineError
from loaders.read import ArticleError
from store import KabarStore, StoreError, resolve_store_path
from store.review import LinkError

EXIT_ERROR = 1
EXIT_USAGE = 2


class CommandError(Exception):
    """A command that cannot run as asked; `str()` is the one line to print."""


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    args.store = resolve_store_path(args.store or args.global_store)
    try:
        return args.run(args)
    except (ArticleError, StoreError, CommandError, WikidataUnavailable, KBImportError, LinkError,
            PipelineError) as e:
        print(f"kabar: error: {e}", file=sys.stderr)
        return EXIT_ERROR
    except SyntaxError as e:
        print(f"kabar: error: malformed SPARQL: {e}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `kabar query ... | head`: the reader has what it wanted
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


def _parser() -> argparse.ArgumentParser:
    help_ = "Oxigraph store directory (default: $KABAR_STORE, then var/store)"
    parser = argparse.ArgumentParser(prog="kabar", description="News articles to a linked knowledge graph.")
    parser.add_argument("--store", dest="global_store", metavar="DIR", help=help_)
    store = argparse.ArgumentParser(add_help=False)
    store.add_argument("--store", metavar="DIR", help=help_)
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    add = functools.partial(commands.add_parser, parents=[store])

    ingest = add("ingest", help="extract articles and store them, one named graph each")
    ingest.add_argument("paths", nargs="+", type=Path, metavar="PATH", help=".txt, .json, .jsonl files or folders")
    ingest.add_argument("--with-kb", action="store_true", help="(re)load the Wikidata seed KB graph too")
    ingest.add_argument("--online", action="store_true",
                        help="ask Wikidata's API about names the local KB lacks (and keep the answers in the KB)")
    ingest.set_defaults(run=_ingest)

    extract = add("extract", help="print what would be stored; stores nothing")
    extract.add_argument("path", type=Path, metavar="PATH")
    extract.add_argument("--format", choices=("text", "json"), default="text")
    extract.set_defaults(run=_extract)

    serve = add("serve", help="serve the SPARQL endpoint over HTTP")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--config", type=Path, metavar="FILE",
                       help="TOML settings (write_token, cors_origins, ...); default: $KABAR_CONFIG")
    serve.set_defaults(run=_serve)

    query = add("query", help="run a SPARQL query against the store")
    query.add_argument("query", help="the query, @FILE to read it from a file, or - for standard input")
    query.add_argument("--format", default="table", choices=("table", *QUERY_FORMATS))
    query.set_defaults(run=_query)

    export = add("export", help="write the dataset or one graph as RDF")
    export.add_argument("--format", choices=tuple(EXPORT_FORMATS), default="trig")
    export.add_argument("--graph", metavar="IRI", help="only this named graph")
    export.add_argument("-o", "--output", type=Path, metavar="FILE", help="write here instead of standard output")
    export.set_defaults(run=_export)

    kb_commands.register(add)
    eval_extraction.register(eval_ner.register(add))
    return parser


QUERY_FORMATS: dict[str, ox.QueryResultsFormat | ox.RdfFormat] = {
    "json": ox.QueryResultsFormat.JSON,
    "xml": ox.QueryResultsFormat.XML,
    "csv": ox.QueryResultsFormat.CSV,
    "tsv": ox.QueryResultsFormat.TSV,
    "turtle": ox.RdfFormat.TURTLE,
    "ntriples": ox.RdfFormat.N_TRIPLES,
    "jsonld": ox.RdfFormat.JSON_LD,
    "rdfxml": ox.RdfFormat.RDF_XML,
}
EXPORT_FORMATS = {"trig": ox.RdfFormat.TRIG, "nquads": ox.RdfFormat.N_QUADS, "turtle": ox.RdfFormat.TURTLE}


def _open(args: argparse.Namespace, *, read_only: bool = False) -> KabarStore:
    return KabarStore(args.store, read_only=read_only)


def _ingest(args: argparse.Namespace) -> int:
    from loaders.kb.api import WikidataClient
    from store.ingest import ingest

    with _open(args) as store:
        report = ingest(store, args.paths, with_kb=args.with_kb, online=WikidataClient() if args.online else None,
                        progress=lambda a, x: print(f"{a.origin}: {len(x.entities)} entities, "
                                                    f"{len(x.events)} events", file=sys.stderr))
    print(f"ingested {report.articles} article(s): {report.entities} entities, {report.events} events, "
          f"{report.triples} triples into {store.path}")
    return 0


def _extract(args: argparse.Namespace) -> int:
    from loaders.pipeline import default_pipeline
    from loaders.read import read_all

    articles = read_all([args.path])
    for extraction in default_pipeline().pipe(articles):
        article = extraction.article
        if args.format == "json":
            indent = 2 if len(articles) == 1 else None
            print(json.dumps(extraction.to_json(), ensure_ascii=False, indent=indent))
        else:
            print(f"# {article.title} ({article.iri})")
            for entity in extraction.entities:
                link = f" wd:{entity.wikidata}" if entity.wikidata else ""
                print(f"{entity.type:<13} {entity.name}{link}  [{len(entity.mentions)} mention(s)]")
            for event in extraction.events:
                print(f"{event.type:<13} {event.trigger.text!r} participants={len(event.participants)} "
                      f"location={event.location} date={event.date} part_of={event.part_of}")
    return 0


def _serve(args: argparse.Namespace) -> int:
    from server import create_app
    from server.config import ConfigError, read_config_file
    from server.wsgi import serve

    logging.basicConfig(level=logging.INFO, format="%(message)s")
    try:
        settings = read_config_file(args.config) if args.config else None
        with _open(args) as store:
            serve(create_app(store, settings), host=args.host, port=args.port)
    except ConfigError as e:
        raise CommandError(str(e)) from e
    return 0


def _query_text(value: str) -> str:
    if value == "-":
        return sys.stdin.read()
    if value.startswith("@"):
        return Path(value[1:]).read_text(encoding="utf-8")
    return value


def _query(args: argparse.Namespace) -> int:
    from server.query_text import declares_dataset

    text = _query_text(args.query)
    with _open(args, read_only=True) as store:
        result = store.query(text, union_default_graph=not declares_dataset(text))
        if args.format == "table":
            print(_table(result))
            return 0
        fmt = QUERY_FORMATS[args.format]
        if isinstance(result, ox.QueryTriples) != isinstance(fmt, ox.RdfFormat):
            kind = "graph" if isinstance(result, ox.QueryTriples) else "solutions"
            print(f"kabar: error: --format {args.format} cannot write {kind}", file=sys.stderr)
            return EXIT_USAGE
        result.serialize(sys.stdout.buffer, format=fmt)
    return 0


def _table(result: ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples) -> str:
    if isinstance(result, ox.QueryBoolean):
        return "true" if bool(result) else "false"
    if isinstance(result, ox.QueryTriples):
        return "\n".join(f"{t.subject} {t.predicate} {t.object} ." for t in result)
    header = [v.value for v in result.variables]
    rows = [[_cell(solution[v]) for v in header] for solution in result]
    widths = [max([len(h), *(len(r[i]) for r in rows)]) for i, h in enumerate(header)]
    lines = [" | ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)),
             "-+-".join("-" * w for w in widths)]
    lines += [" | ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) for r in rows]
    lines.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(lines)


def _cell(term: ox.NamedNode | ox.BlankNode | ox.Literal | None) -> str:
    if term is None:
        return ""
    if isinstance(term, ox.Literal):
        return term.value
    return str(term)


def _export(args: argparse.Namespace) -> int:
    with _open(args, read_only=True) as store:
        if args.output:
            with args.output.open("wb") as out:
                store.export(out, EXPORT_FORMATS[args.format], args.graph)
        else:
            store.export(sys.stdout.buffer, EXPORT_FORMATS[args.format], args.graph)
    return 0


if __name__ == "__main__":
    sys.exit(main())
