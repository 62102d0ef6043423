"""Reading article files: every format, and errors that name the file and line."""

import json
from datetime import date
from pathlib import Path

import pytest

from loaders.read import ArticleError, read_all, read_articles

SEED = Path(__file__).resolve().parent.parent / "seeds" / "articles" / "tribunnews-2024-05-iran-as-oman.txt"


def test_seed_article_front_matter() -> None:
    [article] = read_articles(SEED)
    assert article.source == "Tribunnews"
    assert article.author == "Andari Wulan Nugrahani"
    assert article.lang == "id"
    assert article.published == date(2024, 5, 22)
    assert article.title.startswith("Analis: Pembicaraan Rahasia Iran-AS")
    assert article.text.startswith("TRIBUNNEWS.COM")
    assert "---" not in article.text[:10]


def test_sidecar_json_gives_metadata_and_is_not_an_article(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Iran and the United States held talks in Muscat.", encoding="utf-8")
    (tmp_path / "a.json").write_text(json.dumps({"title": "Talks", "published": "2024-05-20"}), encoding="utf-8")
    [article] = read_all([tmp_path])
    assert article.title == "Talks"
    assert article.published == date(2024, 5, 20)
    assert article.lang == "en"


def test_json_and_jsonl(tmp_path: Path) -> None:
    one = {"url": "https://example.org/1", "title": "Satu", "text": "Presiden Joko Widodo bertemu dengan "
           "Presiden Prancis di Jakarta.", "lang": "id"}
    (tmp_path / "one.json").write_text(json.dumps(one), encoding="utf-8")
    rows = [dict(one, url=f"https://example.org/{i}", lang=None) for i in range(2, 5)]
    (tmp_path / "many.jsonl").write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    articles = read_all([tmp_path])
    assert [a.url for a in articles] == [f"https://example.org/{i}" for i in (2, 3, 4, 1)]
    assert {a.lang for a in articles} == {"id"}
    assert articles[1].origin.endswith("many.jsonl:2")


def test_same_url_same_iri_different_url_different_iri(tmp_path: Path) -> None:
    rows = [{"url": "https://example.org/x", "text": "Teks pertama."},
            {"url": "https://example.org/x", "text": "Teks yang diperbarui."},
            {"url": "https://example.org/y", "text": "Teks pertama."}]
    (tmp_path / "a.jsonl").write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    a, b, c = read_all([tmp_path])
    assert a.iri == b.iri != c.iri


@pytest.mark.parametrize(
    ("name", "content", "where", "what"),
    [
        ("bad.jsonl", '{"text": "ok"}\n{"text": "ok"}\n{"text": "broken\n', "bad.jsonl:3", "invalid JSON"),
        ("bad.json", '["not", "an", "object"]', "bad.json:1", "expected a JSON object"),
        ("bad.txt", "---\ntitle: x\n", "bad.txt:1", "never closed"),
        ("date.txt", "---\ntitle: t\npublished: someday\n---\nTeks.", "date.txt:3", "not a date kabar can read"),
        ("lang.json", '{"text": "Bonjour", "lang": "fr"}', "lang.json:1", "'fr'"),
        ("empty.json", '{"title": "no text"}', "empty.json:1", "no text"),
        ("folder", None, "folder: no article files", ""),
        ("yaml.txt", "---\ntitle: [unclosed\n---\nTeks.", "yaml.txt:", "invalid YAML"),
    ],
)
def test_errors_name_file_line_and_problem(tmp_path: Path, name: str, content: str | None, where: str,
                                          what: str) -> None:
    path = tmp_path / name
    if content is None:
        path.mkdir()
        (path / "notes.pdf").write_bytes(b"%PDF")
    else:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(ArticleError) as info:
        read_all([path])
    assert where in str(info.value)
    assert what in str(info.value)


def test_missing_path_and_unsupported_type(tmp_path: Path) -> None:
    with pytest.raises(ArticleError, match="no such file"):
        read_all([tmp_path / "nope.txt"])
    (tmp_path / "a.pdf").write_bytes(b"%PDF")
    with pytest.raises(ArticleError, match=r"unsupported file type '\.pdf'"):
        read_all([tmp_path / "a.pdf"])


def test_binary_file_is_reported_not_crashed_on(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(b"\xff\xfe\x00garbage")
    with pytest.raises(ArticleError, match="not UTF-8"):
        read_all([tmp_path / "a.txt"])
