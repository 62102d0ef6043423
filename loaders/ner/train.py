"""Train the Indonesian CRF NER: `python -m loaders.ner.train [--data DIR] [--compare]`.

Trains on idner-news-2k's train split (cased news, PER/ORG/LOC), picks the
L1/L2 penalties on its dev split, writes `loaders/ner/models/ner-id.crfsuite`
and prints dev and test scores. `--compare` first measures the variants
the model was chosen among (KB features on and off, NERP added under
three treatments) on dev. Single-threaded: about 40 s on one core, and
about 15 minutes with `--compare`.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pycrfsuite

from loaders.kb.index import NameIndex
from loaders.kb.seed import load_aliases, load_kb
from loaders.ner.conll import Counts, Sentence, format_table, read_conll, score
from loaders.ner.features import KBLexicon, sentence_features
from loaders.ner.tagger import MIN_CONFIDENCE, MODEL_PATH, USE_KB_FEATURES, NerTagger

DEFAULT_DATA = Path(__file__).resolve().parents[3] / "shared" / "data" / "ner-id"
GRID = ((0.02, 0.1), (0.05, 0.01), (0.05, 0.1), (0.05, 0.3), (0.1, 0.1), (0.2, 0.1))  # (c1, c2)
MAX_ITERATIONS = 200
# NERP mappings: safe (persons and places only; sentences with brands/institutions left out) or with IND as ORG.
NERP_SAFE = {"PPL": "PER", "PLC": "LOC"}
NERP_WITH_IND = {"PPL": "PER", "PLC": "LOC", "IND": "ORG"}


@dataclass(frozen=True)
class Variant:
    name: str
    nerp: dict[str, str] | None  # NERP tag mapping, or None to leave NERP out
    kb: bool
    recase: bool = False  # capitalise NERP's entity words and sentence starts, as cased news would


VARIANTS = (
    Variant("(a) idner train, KB features off", None, False),
    Variant("(c) idner train, KB features on", None, True),
    Variant("(b1) + NERP PPL/PLC, KB on", NERP_SAFE, True),
    Variant("(b2) + NERP PPL/PLC/IND, KB on", NERP_WITH_IND, True),
    Variant("(b3) + NERP PPL/PLC recased, KB on", NERP_SAFE, True, recase=True),
)


def train(sentences: Sequence[Sentence], lexicon: KBLexicon | None, c1: float, c2: float, path: Path) -> None:
    trainer = pycrfsuite.Trainer(verbose=False)
    for words, tags in sentences:
        trainer.append(sentence_features(words, lexicon.tags(words) if lexicon else None), tags)
    trainer.set_params({"c1": c1, "c2": c2, "max_iterations": MAX_ITERATIONS,
                        "feature.possible_transitions": True})
    trainer.train(str(path))


def measure(path: Path, lexicon: KBLexicon | None, sentences: Sequence[Sentence],
            min_confidence: float = 0.0) -> dict[str, Counts]:
    """Scores of the Viterbi tags, or of only the spans as sure as `min_confidence` (what the pipeline keeps)."""
    tagger = NerTagger(lexicon, path)
    return score((t for _, t in sentences), (_confident_tags(tagger, w, min_confidence) for w, _ in sentences))


def _confident_tags(tagger: NerTagger, words: list[str], min_confidence: float) -> list[str]:
    tags = ["O"] * len(words)
    for i, j, type_, confidence in tagger.spans(words):
        if confidence >= min_confidence:
            tags[i:j] = [f"B-{type_}"] + [f"I-{type_}"] * (j - i - 1)
    return tags


def choose(sentences: Sequence[Sentence], dev: Sequence[Sentence], lexicon: KBLexicon | None,
           path: Path) -> tuple[tuple[float, float], dict[str, Counts]]:
    """Train once per grid point; keep the model with the best dev micro-F1 at `path`."""
    best: tuple[float, tuple[float, float], dict[str, Counts]] | None = None
    with tempfile.TemporaryDirectory() as tmp:
        for c1, c2 in GRID:
            candidate = Path(tmp) / f"{c1}-{c2}.crfsuite"
            start = time.perf_counter()
            train(sentences, lexicon, c1, c2, candidate)
            scores = measure(candidate, lexicon, dev)
            f1 = scores["micro"].f1
            print(f"  c1={c1} c2={c2}: dev micro-F1 {f1:.4f} ({time.perf_counter() - start:.0f} s)", flush=True)
            if best is None or f1 > best[0]:
                best = (f1, (c1, c2), scores)
                candidate.replace(path)
    assert best is not None
    return best[1], best[2]


def compare(data: Path, lexicon: KBLexicon) -> None:
    idner = read_conll(data / "idner-news-2k" / "train.txt")
    dev = read_conll(data / "idner-news-2k" / "dev.txt")
    with tempfile.TemporaryDirectory() as tmp:
        for variant in VARIANTS:
            sentences = list(idner)
            if variant.nerp is not None:
                nerp = _nerp(data / "nerp" / "train.txt", variant.nerp)
                sentences += [_recase(s) for s in nerp] if variant.recase else nerp
            print(f"{variant.name}: {len(sentences)} sentences", flush=True)
            params, scores = choose(sentences, dev, lexicon if variant.kb else None, Path(tmp) / "m.crfsuite")
            print(f"best c1={params[0]} c2={params[1]} on dev:\n{format_table(scores)}\n", flush=True)


def _nerp(path: Path, mapping: dict[str, str]) -> list[Sentence]:
    """NERP sentences under `mapping`; in the safe mapping, sentences with an unmapped IND entity are left out."""
    raw = read_conll(path, {k: k for k in ("PPL", "PLC", "IND")})
    return [(words, [_rename(t, mapping) for t in tags]) for words, tags in raw
            if all(t.endswith(tuple(mapping)) or t == "O" for t in tags)]


def _recase(sentence: Sentence) -> Sentence:
    """'jokowi ke as' -> 'Jokowi ke AS': entity words capitalised (short ones as acronyms), and the first word."""
    words, tags = sentence
    cased = [w if t == "O" else w.upper() if len(w) <= 3 else w[:1].upper() + w[1:]
             for w, t in zip(words, tags, strict=True)]
    if cased and tags[0] == "O":
        cased[0] = cased[0][:1].upper() + cased[0][1:]
    return cased, tags


def _rename(tag: str, mapping: dict[str, str]) -> str:
    prefix, _, type_ = tag.partition("-")
    return f"{prefix}-{mapping[type_]}" if type_ in mapping else "O"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m loaders.ner.train", description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the ner-id folder (default: %(default)s)")
    parser.add_argument("--output", type=Path, default=MODEL_PATH, help="where to write the model")
    parser.add_argument("--compare", action="store_true", help="first measure the candidate variants on dev")
    args = parser.parse_args(argv)
    lexicon = KBLexicon.from_index(NameIndex(load_kb(), load_aliases()))
    if args.compare:
        compare(args.data, lexicon)
    folder = args.data / "idner-news-2k"
    train_set, dev, test = (read_conll(folder / f"{split}.txt") for split in ("train", "dev", "test"))
    used = lexicon if USE_KB_FEATURES else None
    print(f"training on {folder / 'train.txt'} ({len(train_set)} sentences), KB features {bool(used)}", flush=True)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    (c1, c2), dev_scores = choose(train_set, dev, used, args.output)
    print(f"wrote {args.output} ({args.output.stat().st_size / 1e6:.1f} MB), c1={c1} c2={c2}")
    print(f"dev:\n{format_table(dev_scores)}")
    print(f"test:\n{format_table(measure(args.output, used, test))}")
    for name, split in (("dev", dev), ("test", test)):
        kept = measure(args.output, used, split, MIN_CONFIDENCE)
        print(f"{name}, spans with confidence >= {MIN_CONFIDENCE} (as the pipeline keeps them):\n{format_table(kept)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
