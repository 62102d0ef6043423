"""CoNLL/IOB data and entity-level scores, as conlleval counts them.

Reads the files of `../shared/data/ner-id/`: one token per line, the token
first and the IOB2 tag last (idner-news-2k: 'token UPOS TAG', CRLF; NERP:
'token<TAB>TAG'), sentences separated by empty lines. NERP's tags are
mapped to the PER/ORG/LOC scheme (PPL->PER, PLC->LOC, IND->ORG, the rest
O). An entity counts as found only when its type and both ends match.
Training (`loaders.ner.train`) and evaluation (`kabar eval ner`) share it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from loaders.ner.tagger import entity_spans

TAG_MAP = {"PPL": "PER", "PLC": "LOC", "IND": "ORG", "PER": "PER", "ORG": "ORG", "LOC": "LOC"}

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
    width = max([6, *map(len, scores)])
    lines = [f"{'type':<{width}} {'precision':>9} {'recall':>7} {'f1':>7} {'gold':>6} {'pred':>6} {'correct':>7}"]
    for type_, c in scores.items():
        lines.append(f"{type_:<{width}} {c.precision:>9.4f} {c.recall:>7.4f} {c.f1:>7.4f} "
                     f"{c.gold:>6} {c.predicted:>6} {c.correct:>7}")
    return "\n".join(lines)
