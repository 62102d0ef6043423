"""Extraction speed per core and peak memory of the whole pipeline, on ~2,000-character news articles.

    .venv/bin/python -m bench.extraction [--articles 400] [--runs 5]

The corpus varies the seed article (its sentences rotated, its people and
places swapped for others the KB knows) and a few English paragraphs
written for this benchmark, each cut at the first sentence end after
2,000 characters. Speed is `Pipeline.extract` alone, in this one process, so it
is per core; the median of `--runs` passes is printed. Memory is the peak
resident set (`getrusage`) after the whole pipeline, read -> extract -> RDF
-> on-disk store, has ingested the same corpus in one `ingest` call; it
grows with the corpus, as Oxigraph keeps what it writes in memory until
the store is flushed, which `ingest` does once, at the end. Targets (issue 4): >= 50
articles/s per core, < 500 MB.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import tempfile
import time
from datetime import date
from pathlib import Path

from loaders.iris import article_iri
from loaders.model import Article
from loaders.pipeline import default_pipeline
from loaders.read import read_articles
from loaders.text import split_sentences
from store import KabarStore
from store.ingest import ingest

SEED = Path(__file__).resolve().parent.parent / "seeds" / "articles" / "tribunnews-2024-05-iran-as-oman.txt"
LENGTH = 2000
ENGLISH = (
    "Iranian Foreign Minister Abbas Araghchi met U.S. special envoy Steve Witkoff in Muscat on Saturday, "
    "Oman's foreign ministry said. The talks were held in Muscat under Omani mediation. Araghchi, the Iranian "
    "foreign minister, told reporters the negotiations were constructive. Witkoff later flew to Doha, the "
    "capital of Qatar. Israel attacked Hamas in the Gaza Strip last week, and Prime Minister Benjamin Netanyahu "
    "said the operation would continue. Russian President Vladimir Putin hosted Turkish President Recep Tayyip "
    "Erdogan in Moscow on Friday. Foreign Minister Hakan Fidan visited Iran earlier this month. He serves as "
    "Turkey's top diplomat. The death of Ebrahim Raisi in a helicopter crash shocked Iran. Talks between Iran "
    "and the United States resumed on Monday. The negotiations were held in Oman. Saudi Foreign Minister "
    "Faisal bin Farhan met Egyptian Foreign Minister Sameh Shoukry in Cairo on 7 October. Hamas launched "
    "attacks on Israel on 7 October 2023. Qatari officials said the meeting took place in Doha. UN Secretary-"
    "General Antonio Guterres met Indonesian Foreign Minister Retno Marsudi in New York two days ago. "
    "Chinese Foreign Minister Wang Yi held talks with Russian Foreign Minister Sergey Lavrov in Beijing on "
    "Tuesday. Jordan's King Abdullah II met President Joe Biden at the White House last month. Iran attacked "
    "Israel with drones and missiles in April, after a strike on the Iranian consulate in Damascus killed a "
    "senior commander of the Revolutionary Guards. Houthi rebels struck commercial ships in the Red Sea, and "
    "the United States launched strikes against Houthi positions in Yemen. Lebanese officials said the talks "
    "between Israel and Hezbollah had stalled. Indonesian President Joko Widodo visited Australia on Monday. "
)
SWAPS = [
    {"Brett McGurk": "Steve Witkoff", "Muscat": "Doha", "Oman": "Qatar"},
    {"Ali Bagheri": "Abbas Araghchi", "Bagheri Kani": "Araghchi", "Bagheri-Kani": "Araghchi", "Muscat": "Kairo"},
    {"Joe Biden": "Donald Trump", "Damaskus": "Beirut", "Yaman": "Lebanon"},
    {"Hussein Amir Abdullahian": "Hossein Salami", "Oman": "Turki", "Muscat": "Ankara"},
]


def corpus(size: int) -> list[Article]:
    """`size` articles of about LENGTH characters, half Indonesian (the seed varied), half English."""
    (seed,) = read_articles(SEED)
    sources = [(seed.text, "id"), (ENGLISH, "en")]
    articles = []
    for k in range(size):
        text, lang = sources[k % 2]
        for old, new in SWAPS[(k // 2) % len(SWAPS)].items():
            text = text.replace(old, new)
        sentences = [s.text for s in split_sentences(text)]
        shift = (k // 2) % len(sentences)
        body = _cut(" ".join((sentences[shift:] + sentences[:shift]) * 2))
        articles.append(Article(article_iri(f"https://example.org/bench/{k}", body), f"https://example.org/bench/{k}",
                                f"bench {k}", body, lang, date(2024, 5, 22)))
    return articles


def _cut(text: str) -> str:
    """The text up to the first sentence end at or after LENGTH characters."""
    return text[:next((s.end for s in split_sentences(text) if s.end >= LENGTH), len(text))]


def extraction_rate(articles: list[Article], runs: int) -> list[float]:
    pipeline = default_pipeline()
    pipeline.extract(articles[0])  # load the KB and the model outside the timing
    rates = []
    for _ in range(runs):
        start = time.perf_counter()
        for article in articles:
            pipeline.extract(article)
        rates.append(len(articles) / (time.perf_counter() - start))
    return rates


def ingest_peak_rss(articles: list[Article]) -> float:
    """MB: the process's peak resident set after ingesting `articles` from a .jsonl file into a fresh store."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "corpus.jsonl"
        with path.open("w", encoding="utf-8") as out:
            for a in articles:
                out.write(json.dumps({"url": a.url, "title": a.title, "published": a.published.isoformat(),
                                      "lang": a.lang, "text": a.text}, ensure_ascii=False) + "\n")
        with KabarStore(Path(tmp) / "store") as store:
            ingest(store, [path])
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kilobytes on Linux


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=400)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    articles = corpus(args.articles)
    chars = statistics.mean(len(a.text) for a in articles)
    rates = extraction_rate(articles, args.runs)
    print(f"corpus: {len(articles)} articles, mean {chars:.0f} characters (half id, half en)")
    print(f"extraction: median {statistics.median(rates):.1f} articles/s per core "
          f"(runs: {', '.join(f'{r:.1f}' for r in rates)}; target >= 50)")
    print(f"whole pipeline (read, extract, RDF, store): peak RSS {ingest_peak_rss(articles):.0f} MB (target < 500)")


if __name__ == "__main__":
    main()
