"""`kabar eval extraction PATH...`: extraction scored the way the annotation guidelines score it.

Paths whose file name ends in `gold.jsonl` hold gold, one object per article matched to it by `url` (else
`title`); the other paths are articles (files or folders, any format `kabar ingest` reads). Gold follows
`../shared/data/annotation/GUIDELINES.md`:

    {"url": ..., "entities": [{"name", "type", "surface": [...], "qid"}],
     "events": [{"type", "participants": [entity names], "location": name | null, "date": ..., "status": ...}]}

Scoring, as the guidelines' "How the evaluation scores" says, so that dev-set figures mean what the
held-out evaluation's mean:

- an entity matches a gold entity of the same type whose name or surfaces include its name (folded for
  case, diacritics and spacing); one to one; precision and recall per type and per article language;
- a link is correct when its QID equals the gold QID: recall over the gold entities that have a QID (true
  QIDs, whether or not the KB holds them), precision over every link made (a link where the gold has no
  QID, or on an entity that matches no gold entity, counts against it);
- an event is found when a predicted event of the same type shares at least two participants with it (all
  of them when it has fewer than two), one to one; only the types the guidelines annotate are scored.
  Location, date and status are scored over the found events: right when they name the same entity,
  value or status (both absent counts as right).

`--errors` lists the missed (entity-) and spurious (entity+) entities, the missed and spurious events with their
evidence and sentence, and the wrong links.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from loaders.model import Entity, Event, Extraction
from loaders.ner.conll import Counts, format_table
from loaders.normalize import fold
from loaders.pipeline import Pipeline, default_pipeline
from loaders.read import ArticleError, read_all

SCORED_EVENT_TYPES = ("Meeting", "Negotiation")
"""The event types the annotation guidelines define; others (Attack, Death) are not annotated, so not scored."""
ATTRIBUTES = ("location", "date", "status")

Gold = dict[str, Any]


@dataclass
class Accuracy:
    """Right answers among the found events that could be compared."""

    right: int = 0
    total: int = 0

    @property
    def rate(self) -> float:
        return self.right / self.total if self.total else 0.0

    def to_json(self) -> dict[str, Any]:
        return {"right": self.right, "total": self.total, "rate": round(self.rate, 4)}


@dataclass
class Report:
    entities: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))  # "all", type, "lang type"
    links: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))  # "all", type
    events: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))  # "all", type
    attributes: dict[str, Accuracy] = field(default_factory=lambda: {a: Accuracy() for a in ATTRIBUTES})
    errors: list[str] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)  # pipeline component -> total time

    @property
    def scores(self) -> dict[str, Counts]:
        """The three headline figures."""
        return {"entities": self.entities["all"], "links": self.links["all"], "events": self.events["all"]}

    def to_json(self) -> dict[str, Any]:
        total = sum(self.seconds.values()) or 1.0

        def table(counts: dict[str, Counts]) -> dict[str, Any]:
            return {k: c.to_json() for k, c in sorted(counts.items())}

        return {"scores": table(self.scores), "entities": table(self.entities), "links": table(self.links),
                "events": table(self.events), "event_attributes": {k: a.to_json() for k, a in self.attributes.items()},
                "errors": self.errors, "time_share": {k: round(v / total, 4) for k, v in self.seconds.items()}}


def read_gold(path: Path) -> list[Gold]:
    out = []
    with path.open(encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            if line.strip():
                try:
                    out.append(json.loads(line))
                except json.JSONDecodeError as e:
                    raise ValueError(f"{path}:{number}: {e.msg}") from e
    return out


def is_gold(path: Path) -> bool:
    return path.name.endswith("gold.jsonl")


def evaluate(gold: list[Gold], paths: Sequence[Path], pipeline: Pipeline | None = None) -> Report:
    pipeline = pipeline or default_pipeline()
    by_key = {g.get("url") or g.get("title"): g for g in gold}
    report = Report()
    articles = [a for a in read_all(list(paths)) if (a.url or a.title) in by_key]
    for extraction in pipeline.pipe(articles, timings=report.seconds):
        _score(by_key[extraction.article.url or extraction.article.title], extraction, report)
    return report


def _folded(names: Iterable[str]) -> set[str]:
    return {fold(n) for n in names if n}


def match_entities(gold: list[Gold], predicted: list[Entity]) -> dict[str, Gold]:
    """Extracted entity id -> its gold entity, one to one, in order of first mention."""
    out: dict[str, Gold] = {}
    free = list(gold)
    for e in predicted:
        name = fold(e.name)
        for g in free:
            if g["type"] == e.type and name in _folded([g["name"], *g.get("surface", [])]):
                out[e.id] = g
                free.remove(g)
                break
    return out


def _score(expected: Gold, x: Extraction, report: Report) -> None:
    gold = expected.get("entities", [])
    matched = match_entities(gold, x.entities)
    _score_entities(gold, x, matched, report)
    _score_links(gold, x, matched, report)
    names = {e.id: matched[e.id]["name"] if e.id in matched else e.name for e in x.entities}
    _score_events(expected, x, names, report)


def _score_entities(gold: list[Gold], x: Extraction, matched: dict[str, Gold], report: Report) -> None:
    lang = x.article.lang
    for g in gold:
        for key in ("all", g["type"], f"{lang} {g['type']}"):
            report.entities[key].gold += 1
    for e in x.entities:
        for key in ("all", e.type, f"{lang} {e.type}"):
            report.entities[key].predicted += 1
            report.entities[key].correct += e.id in matched
        if e.id not in matched:
            report.errors.append(f"entity+  {x.article.url}: {e.name} ({e.type})")
    found = [id(g) for g in matched.values()]
    for g in gold:
        if id(g) not in found:
            report.errors.append(f"entity-  {x.article.url}: {g['name']} ({g['type']}) {g.get('surface', [])}")


def _score_links(gold: list[Gold], x: Extraction, matched: dict[str, Gold], report: Report) -> None:
    for g in gold:
        if g.get("qid"):
            for key in ("all", g["type"]):
                report.links[key].gold += 1
    for e in x.entities:
        if not e.wikidata:
            continue
        g = matched.get(e.id)
        right = g is not None and g.get("qid") == e.wikidata
        for key in ("all", e.type):
            report.links[key].predicted += 1
            report.links[key].correct += right
        if not right:
            said = f"gold {g.get('qid')}" if g is not None else "no such gold entity"
            report.errors.append(f"link     {x.article.url}: {e.name} ({e.type}) -> {e.wikidata}, {said}")


def _score_events(expected: Gold, x: Extraction, names: dict[str, str], report: Report) -> None:
    golden = [g for g in expected.get("events", []) if g["type"] in SCORED_EVENT_TYPES]
    predicted = [e for e in x.events if e.type in SCORED_EVENT_TYPES]
    for g in golden:
        for key in ("all", g["type"]):
            report.events[key].gold += 1
    for e in predicted:
        for key in ("all", e.type):
            report.events[key].predicted += 1
    pairs = match_events(golden, predicted, names)
    url = x.article.url or x.article.title
    for g, e in pairs:
        for key in ("all", g["type"]):
            report.events[key].correct += 1
        location = fold(names.get(e.location, e.location)) if e.location else None
        found_values = {"location": location, "date": e.date, "status": e.status}
        expected = {"location": fold(g["location"]) if g.get("location") else None, "date": g.get("date"),
                    "status": g.get("status")}
        for attribute in ATTRIBUTES:
            if attribute == "status" and "status" not in g:
                continue
            if not _judge(report.attributes[attribute], expected[attribute], found_values[attribute]):
                report.errors.append(f"{attribute:<8} {url}: {g['type']} {sorted(g['participants'])} gold "
                                     f"{expected[attribute]}, found {found_values[attribute]} "
                                     f"«{e.sentence.text.strip()}»")
    found = {id(g) for g, _ in pairs}
    used = {id(e) for _, e in pairs}
    for g in golden:
        if id(g) not in found:
            report.errors.append(f"missed   {url}: {g['type']} {sorted(g['participants'])} «{g.get('evidence', '')}»")
    for e in predicted:
        if id(e) not in used:
            who = sorted(names.get(p, p) for p in e.participants)
            report.errors.append(f"spurious {url}: {e.type} {who} «{e.sentence.text.strip()}»")


def match_events(golden: list[Gold], predicted: list[Event], names: dict[str, str]) -> list[tuple[Gold, Event]]:
    """Gold and predicted events paired one to one, the pairs sharing most participants first."""
    candidates = []
    for i, g in enumerate(golden):
        wanted = _folded(g["participants"])
        needed = min(2, len(wanted))
        for j, e in enumerate(predicted):
            shared = len(wanted & _folded(names.get(p, p) for p in e.participants))
            if e.type == g["type"] and needed and shared >= needed:
                candidates.append((-shared, i, j))
    pairs, taken_gold, taken_predicted = [], set(), set()
    for _, i, j in sorted(candidates):
        if i not in taken_gold and j not in taken_predicted:
            taken_gold.add(i)
            taken_predicted.add(j)
            pairs.append((golden[i], predicted[j]))
    return pairs


def _judge(accuracy: Accuracy, expected: str | None, found: str | None) -> bool:
    accuracy.total += 1
    accuracy.right += expected == found
    return expected == found


def register(kinds: argparse._SubParsersAction) -> None:
    """Add `extraction` to the `eval` subcommands that `kabar.eval_ner.register` returns."""
    extraction = kinds.add_parser(
        "extraction", help="entities, links and events scored against hand-annotated gold, as the guidelines score",
        description="Score extraction against gold. Files whose name ends in gold.jsonl are gold; the other paths "
                    "are articles. Example: kabar eval extraction tests/data/news/en/dev.gold.jsonl "
                    "tests/data/news/en/dev.articles.jsonl",
    )
    extraction.add_argument("paths", nargs="+", type=Path, metavar="PATH",
                            help="gold files (*gold.jsonl) and article files or folders")
    extraction.add_argument("--format", choices=("text", "json"), default="text")
    extraction.add_argument("--errors", action="store_true",
                            help="list missed and spurious entities and events, and wrong links")
    extraction.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    gold_paths = [p for p in args.paths if is_gold(p)]
    article_paths = [p for p in args.paths if not is_gold(p)]
    if not gold_paths or not article_paths:
        print("kabar: error: give at least one gold file (*gold.jsonl) and one article file or folder",
              file=sys.stderr)
        return 1
    try:
        report = evaluate([g for p in gold_paths for g in read_gold(p)], article_paths)
    except (OSError, ValueError, ArticleError) as e:
        print(f"kabar: error: {e}", file=sys.stderr)
        return 1
    if args.format == "json":
        print(json.dumps(report.to_json(), indent=2))
        return 0
    print(format_table(report.scores))
    for title, counts in (("entities", report.entities), ("links", report.links), ("events", report.events)):
        print(f"\n{title} by type")
        print(format_table({k: c for k, c in sorted(counts.items()) if k != "all"}))
    print("\nfound events: " + ", ".join(
        f"{k} right {a.right}/{a.total} ({a.rate:.2f})" for k, a in report.attributes.items()))
    if args.errors:
        print("", *sorted(report.errors), sep="\n")
    total = sum(report.seconds.values()) or 1.0
    print("\ntime share: " + ", ".join(f"{k} {v / total:.1%}" for k, v in report.seconds.items()))
    return 0
