"""`kabar eval extraction GOLD.jsonl ARTICLES...`: entity, link and event precision/recall/F1 against gold.

Gold is one JSON object per article, matched to its article by `url`
(else `title`):

    {"url": ..., "entities": [{"name", "type", "surface": [...], "qid"}],
     "events": [{"type", "participants": [entity names], "location": name | null, "date": "YYYY[-MM[-DD]]" | null}]}

An extracted entity matches a gold entity of the same type whose name or
surface forms share a folded form with its own. Link precision counts
every link the pipeline made; link recall counts the gold entities whose
QID the KB holds (the others cannot be linked); `nil_linked` counts links
on entities whose gold QID is null or outside the KB, and must stay 0.
An event is correct when type, participants, location and date all agree.
The time each pipeline component took is reported, to show the linker's share.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from loaders.kb.model import KnowledgeBase
from loaders.kb.seed import load_kb
from loaders.model import Entity, Extraction
from loaders.ner.conll import Counts, format_table
from loaders.normalize import fold
from loaders.pipeline import Pipeline, default_pipeline
from loaders.read import ArticleError, read_all


@dataclass
class Report:
    scores: dict[str, Counts] = field(default_factory=lambda: {k: Counts() for k in ("entities", "links", "events")})
    nil_linked: list[str] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)  # pipeline component -> total time

    def to_json(self) -> dict[str, Any]:
        total = sum(self.seconds.values()) or 1.0
        return {"scores": {k: c.to_json() for k, c in self.scores.items()}, "nil_linked": self.nil_linked,
                "time_share": {k: round(v / total, 4) for k, v in self.seconds.items()}}


def read_gold(path: Path) -> list[dict[str, Any]]:
    out = []
    with path.open(encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            if line.strip():
                try:
                    out.append(json.loads(line))
                except json.JSONDecodeError as e:
                    raise ValueError(f"{path}:{number}: {e.msg}") from e
    return out


def evaluate(gold: list[dict[str, Any]], paths: list[Path], pipeline: Pipeline | None = None,
             kb: KnowledgeBase | None = None) -> Report:
    pipeline, kb = pipeline or default_pipeline(), kb or load_kb()
    by_key = {g.get("url") or g.get("title"): g for g in gold}
    report = Report()
    articles = [a for a in read_all(paths) if (a.url or a.title) in by_key]
    for extraction in pipeline.pipe(articles, timings=report.seconds):
        _score(by_key[extraction.article.url or extraction.article.title], extraction, kb, report)
    return report


def _forms(names: Iterable[str]) -> set[str]:
    return {fold(n) for n in names}


def _match(gold: list[dict[str, Any]], predicted: list[Entity]) -> dict[str, dict[str, Any]]:
    """Extracted entity id -> its gold entity, one to one, in order of mention."""
    out: dict[str, dict[str, Any]] = {}
    free = list(gold)
    for e in predicted:
        forms = _forms([e.name, *(m.text for m in e.mentions)])
        for g in free:
            if g["type"] == e.type and forms & _forms([g["name"], *g.get("surface", [])]):
                out[e.id] = g
                free.remove(g)
                break
    return out


def _score(expected: dict[str, Any], x: Extraction, kb: KnowledgeBase, report: Report) -> None:
    s = report.scores
    gold = expected.get("entities", [])
    matched = _match(gold, x.entities)
    s["entities"].gold += len(gold)
    s["entities"].predicted += len(x.entities)
    s["entities"].correct += len(matched)
    s["links"].gold += sum(1 for g in gold if g.get("qid") and kb.by_qid(g["qid"]))
    for e in x.entities:
        if not e.wikidata:
            continue
        s["links"].predicted += 1
        g = matched.get(e.id)
        if g is not None and g.get("qid") == e.wikidata:
            s["links"].correct += 1
        elif g is not None and not (g.get("qid") and kb.by_qid(g["qid"])):
            report.nil_linked.append(f"{g['name']} -> {e.wikidata}")
    names = {e.id: matched[e.id]["name"] if e.id in matched else e.name for e in x.entities}

    def key(event: dict[str, Any]) -> tuple[Any, ...]:
        return (event["type"], frozenset(event["participants"]), event.get("location"), event.get("date"))

    golden = [key(g) for g in expected.get("events", [])]
    s["events"].gold += len(golden)
    s["events"].predicted += len(x.events)
    for event in x.events:
        found = key({"type": event.type, "participants": [names.get(p, p) for p in event.participants],
                     "location": names.get(event.location, event.location) if event.location else None,
                     "date": event.date})
        if found in golden:
            golden.remove(found)
            s["events"].correct += 1


def register(kinds: argparse._SubParsersAction) -> None:
    """Add `extraction` to the `eval` subcommands that `kabar.eval_ner.register` returns."""
    extraction = kinds.add_parser("extraction", help="entity, link and event P/R/F1 against gold JSONL")
    extraction.add_argument("gold", type=Path, metavar="GOLD.jsonl")
    extraction.add_argument("articles", nargs="+", type=Path, metavar="ARTICLES",
                            help=".txt, .json, .jsonl files or folders")
    extraction.add_argument("--format", choices=("text", "json"), default="text")
    extraction.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    try:
        report = evaluate(read_gold(args.gold), args.articles)
    except (OSError, ValueError, ArticleError) as e:
        print(f"kabar: error: {e}", file=sys.stderr)
        return 1
    if args.format == "json":
        print(json.dumps(report.to_json(), indent=2))
        return 0
    print(format_table(report.scores))
    print(f"links on entities without a KB item: {len(report.nil_linked)}", *report.nil_linked, sep="\n  ")
    total = sum(report.seconds.values()) or 1.0
    print("time share: " + ", ".join(f"{k} {v / total:.1%}" for k, v in report.seconds.items()))
    return 0
