"""`kabar eval ner FILE`: entity-level precision, recall and F1 of the NER, CoNLL style.

The file formats and the scoring are `loaders.conll`'s; this module runs a
tagger (the CRF alone, or the whole pipeline) over the file and prints.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

from loaders import lang
from loaders.ner.conll import Counts, Sentence, format_table, read_conll, score

_PIPELINE_TYPES = {"Person": "PER", "Organization": "ORG", "Country": "LOC", "Place": "LOC"}


def model_tagger(language: str = lang.DEFAULT) -> Callable[[list[str]], list[str]]:
    """The language's CRF alone, on the file's own tokens."""
    from loaders.kb.index import NameIndex
    from loaders.kb.seed import load_aliases, load_kb
    from loaders.ner.tagger import NerTagger

    return NerTagger.for_index(NameIndex(load_kb(), load_aliases()), lang.get(language).ner_model).tag


def pipeline_tagger(language: str = lang.DEFAULT) -> Callable[[list[str]], list[str]]:
    """The whole extraction pipeline on the sentence's words joined by spaces, mentions read back as tags."""
    from loaders.iris import article_iri
    from loaders.model import Article, Document
    from loaders.pipeline import default_pipeline

    pipeline = default_pipeline()

    def tag(words: list[str]) -> list[str]:
        starts = [0]
        for w in words[:-1]:
            starts.append(starts[-1] + len(w) + 1)
        text = " ".join(words)
        doc = pipeline(Document(Article(article_iri(None, text), None, "", text, language)))
        tags = ["O"] * len(words)
        for m in doc.mentions:
            type_ = _PIPELINE_TYPES.get(doc.type_of(m))
            if type_ is None:
                continue
            inside = [i for i, s in enumerate(starts) if m.span.start <= s < m.span.end]
            for i in inside:
                tags[i] = ("B-" if i == inside[0] else "I-") + type_
        return tags

    return tag


def evaluate(sentences: list[Sentence], tag: Callable[[list[str]], list[str]]) -> dict[str, Counts]:
    return score((t for _, t in sentences), (tag(w) for w, _ in sentences))


def register(add: Callable[..., argparse.ArgumentParser]) -> argparse._SubParsersAction:
    """Add `eval ner`; returns the `eval` subcommands so other evaluations can join them."""
    evaluate_ = add("eval", help="measure extraction against annotated data")
    kinds = evaluate_.add_subparsers(dest="evaluation", required=True, metavar="WHAT")
    ner = kinds.add_parser("ner", help="entity-level P/R/F1 of the NER on a CoNLL/IOB file")
    ner.add_argument("file", type=Path, metavar="FILE")
    ner.add_argument("--format", choices=("text", "json"), default="text")
    ner.add_argument("--tagger", choices=("model", "pipeline"), default="model",
                     help="the CRF alone (default) or the whole extraction pipeline")
    ner.add_argument("--lang", choices=lang.codes(), default=lang.DEFAULT,
                     help="the text's language; one without a CRF (English) is tagged by the pipeline")
    ner.set_defaults(run=run)
    return kinds


def run(args: argparse.Namespace) -> int:
    try:
        sentences = read_conll(args.file)
    except (OSError, UnicodeDecodeError, ValueError) as e:
        print(f"kabar: error: {e}", file=sys.stderr)
        return 1
    if lang.get(args.lang).ner_model is None:
        args.tagger = "pipeline"
    tag = model_tagger(args.lang) if args.tagger == "model" else pipeline_tagger(args.lang)
    start = time.perf_counter()
    scores = evaluate(sentences, tag)
    seconds = time.perf_counter() - start
    if args.format == "json":
        print(json.dumps({"file": str(args.file), "tagger": args.tagger, "lang": args.lang, "sentences": len(sentences),
                          "scores": {k: c.to_json() for k, c in scores.items()}}, indent=2))
    else:
        print(f"# {args.file}: {len(sentences)} sentences, tagger={args.tagger}, lang={args.lang}, {seconds:.1f} s")
        print(format_table(scores))
    return 0
