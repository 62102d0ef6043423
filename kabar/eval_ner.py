"""`kabar eval ner FILE`: entity-level precision, recall and F1 of the NER, CoNLL style.

Reads the CoNLL/IOB files of `../shared/data/ner-id/`: one token per line,
the token first and the IOB2 tag last (idner-news-2k: 'token UPOS TAG',
CRLF; NERP: 'token<TAB>TAG'), sentences separated by empty lines. NERP's
tags are mapped to the PER/ORG/LOC scheme (PPL->PER, PLC->LOC, IND->ORG,
the rest O). An entity counts as found only when its type and both ends
match, as in conlleval.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from loaders.ner import entity_spans

TAG_MAP = {"PPL": "PER", "PLC": "LOC", "IND": "ORG", "PER": "PER", "ORG": "ORG", "LOC": "LOC"}
_PIPELINE_TYPES = {"Person": "PER", "Organization": "ORG", "Country": "LOC", "Place": "LOC"}

Sentence = tuple[list[str], list[str]]  # words, IOB tags


def read_conll(path: Path, tag_map: dict[str, str] = TAG_MAP) -> list[Sentence]:
    """Sentences of (words, tags); a tag whose type `tag_map` lacks becomes O."""
    sentences: list[Sentence] = []
    words: list[str] = []
    tags: list[str] = []
    with path.open(encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            columns = line.split()
            if not columns:
                if words:
                    sentences.append((words, tags))
                words, tags = [], []
                continue
            if len(columns) < 2:
                raise ValueError(f"{path}:{number}: expected a token and a tag, got {line.strip()!r}")
            words.append(columns[0])
            tags.append(_map_tag(columns[-1], tag_map))
    if words:
        sentences.append((words, tags))
    return sentences


def _map_tag(tag: str, tag_map: dict[str, str]) -> str:
    prefix, _, type_ = tag.partition("-")
    mapped = tag_map.get(type_)
    return f"{prefix}-{mapped}" if prefix in ("B", "I") and mapped else "O"


@dataclass
class Counts:
    gold: int = 0
    predicted: int = 0
    correct: int = 0

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.correct / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_json(self) -> dict[str, Any]:
        return {"precision": round(self.precision, 4), "recall": round(self.recall, 4), "f1": round(self.f1, 4),
                "gold": self.gold, "predicted": self.predicted, "correct": self.correct}


def score(gold: Iterable[Sequence[str]], predicted: Iterable[Sequence[str]]) -> dict[str, Counts]:
    """Per-type counts and 'micro' over all types, from parallel IOB tag sequences."""
    counts: dict[str, Counts] = {}
    micro = Counts()
    for g_tags, p_tags in zip(gold, predicted, strict=True):
        g, p = set(entity_spans(g_tags)), set(entity_spans(p_tags))
        for spans, field in ((g, "gold"), (p, "predicted"), (g & p, "correct")):
            for *_, type_ in spans:
                c = counts.setdefault(type_, Counts())
                setattr(c, field, getattr(c, field) + 1)
            setattr(micro, field, getattr(micro, field) + len(spans))
    return {**dict(sorted(counts.items())), "micro": micro}


def format_table(scores: dict[str, Counts]) -> str:
    lines = [f"{'type':<6} {'precision':>9} {'recall':>7} {'f1':>7} {'gold':>6} {'pred':>6} {'correct':>7}"]
    for type_, c in scores.items():
        lines.append(f"{type_:<6} {c.precision:>9.4f} {c.recall:>7.4f} {c.f1:>7.4f} "
                     f"{c.gold:>6} {c.predicted:>6} {c.correct:>7}")
    return "\n".join(lines)


def model_tagger() -> Callable[[list[str]], list[str]]:
    """The CRF alone, on the file's own tokens."""
    from loaders.gazetteer import NameIndex, load_aliases
    from loaders.kb import load_kb
    from loaders.ner import NerTagger

    return NerTagger.for_index(NameIndex(load_kb(), load_aliases())).tag


def pipeline_tagger(lang: str = "id") -> Callable[[list[str]], list[str]]:
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
        doc = pipeline(Document(Article(article_iri(None, text), None, "", text, lang)))
        tags = ["O"] * len(words)
        for m in doc.mentions:
            type_ = _PIPELINE_TYPES.get(m.type)
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
    ner.add_argument("--lang", choices=("id", "en"), default="id",
                     help="the text's language; English is tagged by the pipeline (the CRF is Indonesian)")
    ner.set_defaults(run=run)
    return kinds


def run(args: argparse.Namespace) -> int:
    try:
        sentences = read_conll(args.file)
    except (OSError, UnicodeDecodeError, ValueError) as e:
        print(f"kabar: error: {e}", file=sys.stderr)
        return 1
    if args.lang == "en":
        args.tagger = "pipeline"
    tag = model_tagger() if args.tagger == "model" else pipeline_tagger(args.lang)
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
