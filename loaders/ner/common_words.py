"""Common words of a language's running text, which a person's name is not made of alone.

A title before a capitalised run is a person cue ('Menteri Retno Marsudi'), but the run may be the
title's portfolio ('Menteri Urusan Strategis', 'Penasihat Keamanan Nasional', 'Menteri Teknologi
Komunikasi'): words of ordinary text, capitalised because they name an office. A run made only of
words that the annotated NER data uses at least twice outside names, and at most a fifth as often
inside a person's name, is no person. On the dev splits' gold this rejects no person's name (918
surfaces) and nine spurious ones.

The list is built from the training splits only (never dev or test) of `../shared/data/ner-id/`:
idner-news-2k (MIT) and NERP (MIT, also catalogued CC BY-SA 4.0), and committed as
`loaders/ner/models/common-words-id.txt` with that notice; `make model` rebuilds it:

    python -m loaders.ner.common_words --data ../shared/data/ner-id
"""

from __future__ import annotations

import argparse
from collections import Counter
from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path

from loaders import lang
from loaders.ner.conll import read_conll
from loaders.normalize import fold

OUTPUT = Path(__file__).resolve().parent / "models" / "common-words-id.txt"
TRAINING = ("idner-news-2k/train.txt", "nerp/train.txt")
MIN_OUTSIDE = 2  # uses outside any name
MAX_PERSON_SHARE = 0.2  # uses inside a person's name, per use outside
_HEADER = ("# Common Indonesian words: folded words used at least {min} times outside names and at most {share:.0%}\n"
           "# as often inside a person's name in the training splits of idner-news-2k (MIT, Khairunnisa et al.,\n"
           "# AACL-IJCNLP 2020 SRW) and NERP (IndoNLU, MIT; also catalogued CC BY-SA 4.0, whose terms this list\n"
           "# keeps). Built by `python -m loaders.ner.common_words` (make model); see loaders/ner/common_words.py.\n")


def common_words(sentences: Iterable[tuple[list[str], list[str]]]) -> list[str]:
    """The folded alphabetic words the rule of the module's docstring keeps, sorted."""
    outside: Counter[str] = Counter()
    person: Counter[str] = Counter()
    for words, tags in sentences:
        for word, tag in zip(words, tags, strict=True):
            key = fold(word)
            if tag.endswith("-PER"):
                person[key] += 1
            elif tag == "O":
                outside[key] += 1
    return sorted(w for w, n in outside.items()
                  if n >= MIN_OUTSIDE and person[w] <= n * MAX_PERSON_SHARE and w.isalpha())


@lru_cache(maxsize=8)
def load(path: Path) -> frozenset[str]:
    """The committed list: one folded word a line, '#' lines are its notice."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(line for line in lines if line and not line.startswith("#"))


def ordinary(words: Iterable[str], language: str) -> bool:
    """Whether every word is a common word of the language's running text (its pack's `common_words`): an
    office's portfolio ('Urusan Strategis'), not a name. False for a language without a list."""
    pack = lang.find(language)
    path = pack.common_words if pack is not None else None
    if path is None:
        return False
    common = load(path)
    folded = [fold(w) for w in words]
    return bool(folded) and all(w in common for w in folded)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m loaders.ner.common_words", description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True, help="the ner-id folder of ../shared")
    parser.add_argument("--output", type=Path, default=OUTPUT, help="where to write the list (default: %(default)s)")
    args = parser.parse_args(argv)
    sentences = [s for name in TRAINING for s in read_conll(args.data / name)]
    words = common_words(sentences)
    header = _HEADER.format(min=MIN_OUTSIDE, share=MAX_PERSON_SHARE)
    args.output.write_text(header + "\n".join(words) + "\n", encoding="utf-8")
    print(f"{args.output}: {len(words)} words from {len(sentences)} sentences")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
