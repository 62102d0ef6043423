"""The `kabar` command: ingest, extract, serve, query, export.

Every command takes `--store DIR` (default: `KABAR_STORE`, then
`var/store`). Errors print one line naming the file (and line), the
setting or the store, and exit non-zero; they never print a traceback.
The web server (Flask) is imported by `kabar serve` only.
"""

from __future__ import annotations

import argparse
import difflib
import json
import logging
import os
import sys
import time
import traceback
from collections.abc import Sequence
from importlib.metadata import version
from pathlib import Path
from typing import BinaryIO

import pyoxigraph as ox

from kabar import entity_commands, eval_extraction, eval_ner, kb_commands, validate_command
from kabar.common import CommandError, open_store
from loaders.kb.api import API_ENV, WikidataUnavailable
from loaders.kb.wikidata import KBImportError
from loaders.pipeline import PipelineError
from loaders.read import ArticleError, ReadOptions
from loaders.read.source import MAX_TEXT_CHARS
from ontology.namespaces import BASE_IRI_ENV, BASE_IRI_PROBLEM
from store import StoreError, is_remote, resolve_store_path
from store.dask_extraction import ClusterError
from store.kabar_store import KABAR_PREFIXES, STORE_ENV
from store.rdf_load import LoadError
from store.review import LinkError

EXIT_ERROR = 1
EXIT_USAGE = 2


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    args.store = resolve_store_path(args.store or args.global_store)
    args.quiet = getattr(args, "quiet", False) or args.global_quiet
    args.verbose = (getattr(args, "verbose", False) or args.global_verbose) and not args.quiet
    _log_to_stderr(args)
    try:
        if BASE_IRI_PROBLEM:  # every command mints or reads kabar IRIs
            raise CommandError(BASE_IRI_PROBLEM)
        return args.run(args)
    except (ArticleError, StoreError, CommandError, WikidataUnavailable, KBImportError, LinkError,
            PipelineError, ClusterError, LoadError) as e:
        return _fail(str(e))
    except SyntaxError as e:
        return _fail(f"malformed SPARQL: {e}")
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `kabar query ... | head`: the reader has what it wanted
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except Exception as e:  # a bug: still one line, the traceback with --verbose
        if args.verbose:
            traceback.print_exc()
        return _fail(f"{type(e).__name__}: {e} (kabar --verbose shows where; please report it)")


def _fail(message: str) -> int:
    print(f"kabar: error: {message}", file=sys.stderr)
    return EXIT_ERROR


def _log_to_stderr(args: argparse.Namespace) -> None:
    """Warnings (skipped files, ignored fields) as `kabar: warning: ...` lines; none with --quiet."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("kabar: %(levelname)s: %(message)s"))
    logger = logging.getLogger("kabar")
    logger.addHandler(handler)
    logger.setLevel(logging.ERROR if args.quiet else logging.INFO if args.verbose else logging.WARNING)
    logger.propagate = False
    logging.addLevelName(logging.WARNING, "warning")
    logging.addLevelName(logging.INFO, "info")


class _HelpFormatter(argparse.RawDescriptionHelpFormatter):
    """Help that shows each option's default (when it has one worth showing) and keeps examples as written."""

    def _get_help_string(self, action: argparse.Action) -> str | None:
        help_ = action.help or ""
        shown = action.option_strings and action.default not in (None, False, {}, argparse.SUPPRESS)
        if shown and "%(default)" not in help_:
            help_ += " (default: %(default)s)"
        return help_


EXAMPLES = {
    "ingest": "kabar ingest seeds/articles\nkabar ingest page.html feed.xml export.csv --map text=body\n"
              "kabar ingest crawl.warc.gz news.jsonl.bz2\ncat articles.jsonl | kabar ingest -\n"
              "kabar ingest --online https://example.org/news/article.html",
    "extract": "kabar extract seeds/articles --format json\nkabar extract page.html feed.xml",
    "serve": "kabar serve --port 8000\nKABAR_WRITE_TOKEN=secret kabar serve --config kabar.toml",
    "query": "kabar query 'SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }'\n"
             "kabar query @seeds/queries/meetings-in-capitals.rq --format csv\necho 'ASK { ?s ?p ?o }' | kabar query -",
    "export": "kabar export --format nquads -o dump.nq",
    "links": "kabar links --below 0.8\nkabar links --format json",
    "reason": "kabar reason\nkabar query 'SELECT ?e WHERE { ?e a schema:Event }'",
    "validate": "kabar validate\nkabar validate --graph https://w3id.org/kabar/graph/events\n"
                "kabar validate dump.ttl --engine pyshacl --format turtle",
}


def _parser() -> argparse.ArgumentParser:
    help_ = "Oxigraph store directory (default: $KABAR_STORE, then var/store)"
    parser = argparse.ArgumentParser(prog="kabar", description="News articles to a linked knowledge graph.",
                                     formatter_class=_HelpFormatter,
                                     epilog="`kabar COMMAND --help` shows each command's options and examples.")
    parser.add_argument("--version", action="version", version=f"kabar {version('kabar')}")
    parser.add_argument("--store", dest="global_store", metavar="DIR", help=help_)
    parser.add_argument("-q", "--quiet", dest="global_quiet", action="store_true", help="no progress, no warnings")
    parser.add_argument("-v", "--verbose", dest="global_verbose", action="store_true",
                        help="a line per article; a traceback for an unexpected failure")
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--store", metavar="DIR", help=help_)
    common.add_argument("-q", "--quiet", action="store_true", help="no progress, no warnings")
    common.add_argument("-v", "--verbose", action="store_true", help="a line per article")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def add(name: str, **kwargs: object) -> argparse.ArgumentParser:
        examples = EXAMPLES.get(name)
        return commands.add_parser(name, parents=[common], formatter_class=_HelpFormatter,
                                   epilog=f"examples:\n  {examples.replace(chr(10), chr(10) + '  ')}"
                                   if examples else None, **kwargs)

    ingest = add("ingest", help="extract articles and store them, one named graph each")
    _inputs(ingest)
    ingest.add_argument("--with-kb", action="store_true", help="(re)load the Wikidata seed KB graph too")
    ingest.add_argument("--online", action="store_true",
                        help="read URLs and feed entries' pages from the web, and ask Wikidata's API about names the "
                             "local KB lacks (keeping the answers in the KB)")
    ingest.add_argument("--jobs", type=_jobs, default=os.cpu_count() or 1, metavar="N",
                        help="worker processes that extract while this one writes (default: the number of CPUs; "
                             "1 with --online)")
    ingest.add_argument("--scheduler", metavar="ADDRESS",
                        help="extract on the workers of this Dask scheduler (tcp://HOST:PORT), or 'local' for a "
                             "cluster of --jobs processes on this machine; this process still does every write")
    ingest.set_defaults(run=_ingest)

    load = add("load", help="load RDF files as they are, in bulk: N-Triples, N-Quads, Turtle, TriG (each also "
                            ".gz or .bz2); every file is checked before anything is loaded")
    load.add_argument("files", nargs="+", metavar="FILE")
    load.add_argument("--graph", metavar="IRI",
                      help="the named graph the triples of N-Triples and Turtle files go to (default: the default "
                           "graph); N-Quads and TriG name their own")
    load.set_defaults(run=_load)

    extract = add("extract", help="print what would be stored; stores nothing")
    _inputs(extract)
    extract.add_argument("--format", choices=("text", "json"), default="text",
                         help="text for people, json for programs (one object per article)")
    extract.add_argument("--online", action="store_true", help="read URLs and feed entries' pages from the web")
    extract.set_defaults(run=_extract)

    serve = add("serve", help="serve the SPARQL endpoint over HTTP")
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on")
    serve.add_argument("--port", type=int, default=8000, help="TCP port to listen on")
    serve.add_argument("--config", type=Path, metavar="FILE",
                       help="TOML settings (write_token, cors_origins, ...); default: $KABAR_CONFIG")
    serve.set_defaults(run=_serve)

    query = add("query", help="run a SPARQL query against the store")
    query.add_argument("query", help="the query, @FILE to read it from a file, or - for standard input")
    query.add_argument("--format", default="table", choices=("table", *QUERY_FORMATS),
                       help="table for people; SPARQL results or RDF formats for programs")
    query.set_defaults(run=_query)

    export = add("export", help="write the dataset or one graph as RDF")
    export.add_argument("--format", choices=tuple(EXPORT_FORMATS), default="trig", help="RDF syntax")
    export.add_argument("--graph", metavar="IRI", help="only this named graph")
    export.add_argument("-o", "--output", type=Path, metavar="FILE", help="write here instead of standard output")
    export.set_defaults(run=_export)

    reason = add("reason", help="materialise the subclass and subproperty entailments queries need (schema:Event "
                                "finds the meetings) into their own graph; ingest keeps it current")
    reason.set_defaults(run=_reason)

    kb_commands.register(add)
    entity_commands.register(add)
    validate_command.register(add)
    eval_extraction.register(eval_ner.register(add))
    return parser


def _inputs(command: argparse.ArgumentParser) -> None:
    command.add_argument("paths", nargs="+", metavar="INPUT",
                         help="article files (.txt .json .jsonl .csv .tsv .html .xml/.rss/.atom feeds .warc, each "
                              "also .gz or .bz2), folders, - for standard input, or URLs (with --online)")
    command.add_argument("--map", metavar="FIELD=COLUMN,...", type=_columns, default={},
                         help="CSV columns holding kabar's fields, e.g. text=body,title=judul")
    command.add_argument("--max-text", metavar="CHARS", type=_positive, default=MAX_TEXT_CHARS,
                         help=f"refuse an article whose text is longer (default {MAX_TEXT_CHARS:,})")


def _positive(value: str, what: str = "characters") -> int:
    if not value.isdigit() or int(value) == 0:
        raise argparse.ArgumentTypeError(f"expected a positive whole number of {what}, not {value!r}")
    return int(value)


def _jobs(value: str) -> int:
    return _positive(value, "processes")


def _columns(value: str) -> dict[str, str]:
    from loaders.read.fields import FIELDS

    out = {}
    for pair in filter(None, value.split(",")):
        field, _, column = pair.partition("=")
        if field.strip() not in FIELDS or not column.strip():
            raise argparse.ArgumentTypeError(f"{pair!r}: write FIELD=COLUMN with FIELD one of {', '.join(FIELDS)}")
        out[field.strip()] = column.strip()
    return out


def _read_options(args: argparse.Namespace) -> ReadOptions:
    return ReadOptions(online=args.online, columns=args.map, max_text_chars=args.max_text)


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


def _ingest(args: argparse.Namespace) -> int:
    from kabar.progress import IngestProgress
    from loaders.kb.api import WikidataClient
    from store.ingest import ingest

    with open_store(args) as store, IngestProgress(quiet=args.quiet, verbose=args.verbose) as progress:
        report = ingest(store, args.paths, with_kb=args.with_kb, online=WikidataClient() if args.online else None,
                        progress=progress, options=_read_options(args), started=progress.started, jobs=args.jobs,
                        scheduler=args.scheduler)
    seconds = time.monotonic() - progress.begun
    print(f"ingested {report.articles} article(s) in {seconds:.1f} s ({progress.rate():.1f}/s): "
          f"{report.entities} entities, {report.events} events, {report.triples} triples into {store.path}")
    return 0


def _load(args: argparse.Namespace) -> int:
    from kabar.progress import LoadProgress
    from store.rdf_load import RdfInput, bulk_load, check

    try:
        graph = ox.NamedNode(args.graph) if args.graph else None
    except ValueError as e:
        raise CommandError(f"--graph {args.graph!r} is not an IRI: {e}") from None
    inputs = [RdfInput.of(path) for path in args.files]
    count = sum(check(i, graph=graph, name=str(i.path), base_iri=i.path.resolve().as_uri()) for i in inputs)
    began = time.monotonic()
    with open_store(args) as store, LoadProgress(sum(i.path.stat().st_size for i in inputs),
                                                 quiet=args.quiet) as progress:
        for i in inputs:
            bulk_load(store, i, graph=graph, base_iri=i.path.resolve().as_uri(), progress=progress)
    seconds = time.monotonic() - began
    print(f"loaded {count} triple(s) from {len(inputs)} file(s) in {seconds:.1f} s "
          f"({count / seconds if seconds else 0:,.0f}/s) into {store.path}")
    return 0


def _reason(args: argparse.Namespace) -> int:
    from ontology.namespaces import INFERRED_GRAPH
    from store.entailments import materialize

    with open_store(args, existing=True) as store:
        began = time.monotonic()
        count = materialize(store)
    print(f"{count} inferred triple(s) in <{INFERRED_GRAPH}> ({time.monotonic() - began:.1f} s)")
    return 0


def _extract(args: argparse.Namespace) -> int:
    from loaders.pipeline import default_pipeline
    from loaders.read import read_all

    articles = read_all(args.paths, _read_options(args))
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
    from store.serving import advertised

    logging.basicConfig(level=logging.INFO, format="%(message)s")
    _check_environment()
    if is_remote(args.store):
        raise CommandError(f"kabar serve serves the embedded store only, not {args.store}: query that store's own "
                           "SPARQL endpoint, or export it and load it into a local store (`kabar load`)")
    try:
        settings = read_config_file(args.config) if args.config else None
        with open_store(args, existing=True) as store:
            serve(create_app(store, settings), host=args.host, port=args.port,
                  announce=lambda endpoint: advertised(Path(store.path), endpoint))
    except ConfigError as e:
        raise CommandError(str(e)) from e
    except OSError as e:  # the address is taken (another server on the port) or not ours to listen on
        raise CommandError(f"cannot listen on {args.host}:{args.port}: {e.strerror or e}"
                           + (" (is another server running on that port? choose one with --port)"
                              if e.errno == 98 else "")) from e
    return 0


def _check_environment() -> None:
    """A `KABAR_*` variable kabar does not know is a mistyped setting: stop, naming the setting meant."""
    from server.config import CONFIG_ENV, SETTINGS

    known = {s.env for s in SETTINGS} | {CONFIG_ENV, STORE_ENV, API_ENV, BASE_IRI_ENV}
    for name in sorted(os.environ):
        if name.startswith("KABAR_") and name not in known:
            close = difflib.get_close_matches(name, known, n=1)
            raise CommandError(f"unknown setting {name}" + (f" (did you mean {close[0]}?)" if close else
                                                            f"; kabar reads {', '.join(sorted(known))}"))


def _query_text(value: str) -> str:
    if value == "-":
        return sys.stdin.read()
    if value.startswith("@"):
        try:
            return Path(value[1:]).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as e:
            raise CommandError(f"cannot read the query file {value[1:]}: {getattr(e, 'strerror', None) or e}") from e
    return value


def _query(args: argparse.Namespace) -> int:
    from store.sparql_errors import explain
    from store.sparql_text import SparqlTextError, lex

    text = _query_text(args.query)
    try:
        lexed = lex(text)  # the endpoint's limits (nesting depth) hold here too: deeper would crash the engine
    except SparqlTextError as e:
        raise CommandError(f"the query cannot be read as SPARQL: {e}") from None
    with open_store(args, read_only=True) as store:
        try:
            try:
                result = store.query(text, union_default_graph=not lexed.declares_dataset(),
                                     prefixes=KABAR_PREFIXES)
            except SyntaxError as e:
                raise CommandError(f"the query is not valid SPARQL: {explain(text, str(e), KABAR_PREFIXES)}") from None
            if args.format == "table":
                print(_table(result))
                return 0
            fmt = QUERY_FORMATS[args.format]
            if isinstance(result, ox.QueryTriples) != isinstance(fmt, ox.RdfFormat):
                kind = "graph" if isinstance(result, ox.QueryTriples) else "solutions"
                print(f"kabar: error: --format {args.format} cannot write {kind}", file=sys.stderr)
                return EXIT_USAGE
            out = _EndsWithNewline(sys.stdout.buffer)
            result.serialize(out, format=fmt)
            out.finish()
        except OSError as e:  # pyoxigraph's error for a SERVICE it could not reach
            if isinstance(e, BrokenPipeError):
                raise
            raise CommandError(f"the query failed: {e} (a SERVICE call needs the network)") from e
    return 0


class _EndsWithNewline:
    """Standard output that ends with a newline, as a shell expects (pyoxigraph's JSON and XML do not)."""

    def __init__(self, out: BinaryIO) -> None:
        self.out, self.last = out, b"\n"

    def write(self, data: bytes) -> int:
        if data:
            self.last = data[-1:]
        return self.out.write(data)

    def flush(self) -> None:
        self.out.flush()

    def finish(self) -> None:
        if self.last != b"\n":
            self.out.write(b"\n")


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
    with open_store(args, read_only=True) as store:
        if args.output:
            with args.output.open("wb") as out:
                store.export(out, EXPORT_FORMATS[args.format], args.graph)
        else:
            store.export(sys.stdout.buffer, EXPORT_FORMATS[args.format], args.graph)
    return 0


if __name__ == "__main__":
    sys.exit(main())
