"""The hand-annotated news sets under tests/data/news/ are consistent, so that `kabar eval extraction` scores what
the annotators meant: every gold line names an article of its pair, every surface and evidence quote is in that
article's title or text, and events only name entities of the same article."""

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

NEWS = Path(__file__).resolve().parent / "data" / "news"
PAIRS = sorted(NEWS.glob("*/*.articles.jsonl"))
TYPES = {"Person", "Organization", "Country", "Place"}
EVENT_TYPES = {"Meeting", "Negotiation"}
STATUSES = {"planned", "held", "cancelled", "refused"}
DATE = re.compile(r"\d{4}-\d{2}(-\d{2})?")


def _lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_the_indonesian_test_split_is_there() -> None:
    assert NEWS / "id" / "test.articles.jsonl" in PAIRS
    articles = _lines(NEWS / "id" / "test.articles.jsonl")
    assert len(articles) >= 16
    assert all(a["lang"] == "id" for a in articles)


def test_the_indonesian_dev_split_is_there_and_apart_from_the_test_split() -> None:
    dev = _lines(NEWS / "id" / "dev.articles.jsonl")
    assert all(a["lang"] == "id" for a in dev)
    assert not {a["url"] for a in dev} & {a["url"] for a in _lines(NEWS / "id" / "test.articles.jsonl")}


@pytest.mark.parametrize("language", sorted({p.parent.name for p in PAIRS}))
def test_no_article_is_in_two_files(language: str) -> None:
    """A held-back test article must not also be a dev article (dev2 extends dev in its own file)."""
    seen: dict[str, str] = {}
    for path in sorted((NEWS / language).glob("*.articles.jsonl")):
        for article in _lines(path):
            assert article["url"] not in seen, (article["url"], seen.get(article["url"]), path.name)
            seen[article["url"]] = path.name


@pytest.mark.parametrize("split", ["dev", "dev2", "test"])
def test_eval_reads_the_indonesian_set(split: str) -> None:
    """`kabar eval extraction` scores every gold entity and event of each Indonesian split (none is dropped unread)."""
    gold_path = NEWS / "id" / f"{split}.gold.jsonl"
    gold = _lines(gold_path)
    command = ["eval", "extraction", str(NEWS / "id" / f"{split}.articles.jsonl"), str(gold_path), "--format", "json"]
    done = subprocess.run(
        [sys.executable, "-m", "kabar.cli", *command],
        capture_output=True, text=True, cwd=NEWS.parent.parent.parent, timeout=300,
    )
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result["entities"]["all"]["gold"] == sum(len(g["entities"]) for g in gold)
    assert result["events"]["all"]["gold"] == sum(len(g["events"]) for g in gold)
    assert result["entities"]["id Person"]["gold"] == sum(e["type"] == "Person" for g in gold for e in g["entities"])


@pytest.mark.parametrize("articles_path", PAIRS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_gold_agrees_with_its_articles(articles_path: Path) -> None:
    gold_path = articles_path.with_name(articles_path.name.replace(".articles.", ".gold."))
    articles = {a["url"]: a for a in _lines(articles_path)}
    gold = _lines(gold_path)
    assert len(articles) == len(_lines(articles_path)), "an article URL occurs twice"
    assert [g["url"] for g in gold] == list(articles), "gold lines must follow the articles, one per article"
    for g in gold:
        text = (articles[g["url"]]["title"] or "") + "\n" + articles[g["url"]]["text"]
        names = [e["name"] for e in g["entities"]]
        assert len(names) == len(set(names)), (g["url"], "an entity name occurs twice")
        for e in g["entities"]:
            assert e["type"] in TYPES, (g["url"], e)
            assert e["qid"] is None or re.fullmatch(r"Q\d+", e["qid"]), (g["url"], e)
            for surface in e["surface"]:
                assert surface in text, (g["url"], e["name"], surface)
        for ev in g["events"]:
            assert ev["type"] in EVENT_TYPES, (g["url"], ev)
            assert ev["status"] in STATUSES, (g["url"], ev)
            assert ev["evidence"] in text, (g["url"], ev["evidence"])
            assert set(ev["participants"]) <= set(names), (g["url"], ev["participants"])
            assert ev["location"] is None or ev["location"] in names, (g["url"], ev["location"])
            assert ev["date"] is None or DATE.fullmatch(ev["date"]), (g["url"], ev["date"])
