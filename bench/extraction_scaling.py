"""Extraction time per character from 2 KB to 1 MB of text: flat when every pipeline component is linear.

    .venv/bin/python -m bench.extraction_scaling [--runs 3]

The texts are real news: the Indonesian dev articles of tests/data/news
joined one after another (paragraphs kept) until each size is reached, so
that a long text has as many names, dates and meetings per kilobyte as a
short one. Each size is extracted `--runs` times in this process
(`Pipeline.extract` alone); the median is printed with microseconds per
character and its ratio to the 2 KB figure. Target (issue 15): the ratio
stays near 1 up to 1 MB (no component quadratic in the text).
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from datetime import date
from pathlib import Path

from loaders.iris import article_iri
from loaders.model import Article
from loaders.pipeline import default_pipeline

NEWS = Path(__file__).resolve().parent.parent / "tests" / "data" / "news" / "id"
SIZES = (2_000, 8_000, 32_000, 128_000, 512_000, 1_000_000)


def news_text(size: int) -> str:
    """Real article text, joined and repeated, cut at the last paragraph end before `size` characters."""
    paragraphs = [json.loads(line)["text"] for path in sorted(NEWS.glob("*.articles.jsonl"))
                  for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    parts, length, k = [], 0, 0
    while length < size:
        paragraph = paragraphs[k % len(paragraphs)]
        parts.append(paragraph)
        length += len(paragraph) + 1
        k += 1
    text = "\n".join(parts)[:size]
    return text[:text.rfind("\n")] if "\n" in text else text


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    pipeline = default_pipeline()
    pipeline.extract(Article(article_iri(None, "warm"), None, "warm", news_text(2_000), "id", date(2024, 5, 20)))
    base = None
    print(f"{'characters':>12} {'median s':>10} {'us/char':>9} {'vs 2 KB':>8}")
    for size in SIZES:
        text = news_text(size)
        article = Article(article_iri(None, text), None, "scaling", text, "id", date(2024, 5, 20))
        times = []
        for _ in range(args.runs):
            began = time.perf_counter()
            pipeline.extract(article)
            times.append(time.perf_counter() - began)
        per_char = statistics.median(times) / len(text) * 1e6
        base = base or per_char
        print(f"{len(text):>12,} {statistics.median(times):>10.3f} {per_char:>9.2f} {per_char / base:>8.2f}")


if __name__ == "__main__":
    main()
