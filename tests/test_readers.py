"""Every format a newsroom or a researcher has: pages, feeds, CSV, web archives, compressed files, stdin, URLs.

The files in tests/data/formats/ are small files in the real formats (see its README.md).
"""

from __future__ import annotations

import bz2
import json
import logging
import subprocess
import sys
import threading
from collections.abc import Iterator
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from loaders.read import ArticleError, ReadOptions, read_all, read_articles
from loaders.read.published import parse_published

ROOT = Path(__file__).resolve().parent.parent
FORMATS = ROOT / "tests" / "data" / "formats"


def by_url(articles: list) -> dict:
    return {a.url: a for a in articles}


def test_html_page_main_text_and_metadata() -> None:
    [page] = read_articles(FORMATS / "page.html")
    assert page.title == "Retno Marsudi Bertemu Menlu Jepang di Jakarta"
    assert (page.published, page.author, page.source, page.lang) == (date(2023, 7, 14), "Rina Sari", "Warta Contoh",
                                                                     "id")
    assert page.text.startswith("Menteri Luar Negeri Retno Marsudi bertemu")
    assert "mitra strategis" in page.text
    for boilerplate in ("Beranda", "Hak cipta", "Harga beras"):  # menu, footer, aside
        assert boilerplate not in page.text


def test_rss_entries_with_full_text_and_teaser(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, "kabar"):
        entries = by_url(list(read_articles(FORMATS / "feed.rss")))
    full = entries["https://warta.example.org/2023/07/jokowi-prancis"]
    assert full.title == "Jokowi Terima Presiden Prancis di Istana Bogor"
    assert full.published == date(2023, 7, 14)  # 23:30 +0700 is still the 14th where it was published
    assert (full.author, full.source, full.lang, full.keywords) == ("Budi Santoso", "Warta Contoh", "id",
                                                                    ("Politik",))
    assert full.text.splitlines() == [
        "Presiden Joko Widodo menerima kunjungan Presiden Prancis Emmanuel Macron di Istana Bogor, Jawa Barat, "
        "pada Jumat.", "Kedua pemimpin membahas kerja sama pertahanan dan energi terbarukan."]
    teaser = entries["https://warta.example.org/2023/07/asean"]
    assert teaser.text.startswith("Menteri Luar Negeri Retno Marsudi membuka")
    assert "1 entry had only a summary" in caplog.text and "--online" in caplog.text


def test_atom_entry() -> None:
    [entry] = read_articles(FORMATS / "feed.atom")
    assert (entry.title, entry.author, entry.source, entry.lang) == (
        "Iran and US hold indirect talks in Oman", "Jane Doe", "Example Wire", "en")
    assert entry.published == date(2024, 5, 20)
    assert "Brett McGurk met Ali Bagheri Kani" in entry.text


def test_csv_with_its_own_column_names(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, "kabar"):
        first, second = read_articles(FORMATS / "articles.csv", ReadOptions(columns={"text": "isi"}))
    assert first.title == "Prabowo Bertemu Xi Jinping di Beijing"  # 'judul' is Indonesian for title
    assert first.text.endswith("Keduanya membahas kerja sama pertahanan.")  # a quoted field over two lines
    assert (first.published, first.keywords) == (date(2023, 7, 14), ("diplomasi", "China"))
    assert (second.published_iso, second.origin) == ("2023-07", f"{FORMATS / 'articles.csv'}:4")
    assert caplog.text.count("ignored field(s) summary") == 1  # one line for the file, not one per row


def test_csv_map_naming_a_missing_column_names_the_header() -> None:
    with pytest.raises(ArticleError, match=r"articles\.csv:1: no column body for --map; the header has judul, isi"):
        list(read_articles(FORMATS / "articles.csv", ReadOptions(columns={"text": "body"})))


def test_warc_reads_html_responses_only() -> None:
    [page] = read_articles(FORMATS / "crawl.warc.gz")
    assert page.url == page.origin == "https://wire.example.org/2023/11/biden-xi"
    assert (page.title, page.published, page.source, page.lang) == (
        "Joe Biden meets Xi Jinping in San Francisco", date(2023, 11, 15), "Example Wire", "en")
    assert "resume military communication" in page.text and "Home | World" not in page.text


def test_gzipped_jsonl_keeps_tags_and_ignores_unknown_fields_with_a_warning(caplog: pytest.LogCaptureFixture
                                                                           ) -> None:
    with caplog.at_level(logging.WARNING, "kabar"):
        erdogan, modi = read_articles(FORMATS / "articles.jsonl.gz")
    assert erdogan.keywords == ("Turkey", "Russia")
    assert modi.published == date(2023, 6, 22)  # an RFC 822 date in a JSON field
    assert "ignored field(s) section, summary" in caplog.text


def test_bzip2_and_a_bom_with_crlf(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt.bz2"
    path.write_bytes(bz2.compress((FORMATS / "bom.txt").read_bytes()))
    [article] = read_articles(path)
    assert (article.title, article.source, article.published) == ("Jokowi di Jakarta", "Warta Contoh",
                                                                  date(2023, 7, 14))
    assert article.text == "Presiden Joko Widodo meresmikan stasiun baru di Jakarta pada hari Jumat."


@pytest.mark.parametrize(("value", "expected"), [
    ("2023-07", (date(2023, 7, 1), "month")),
    ("2023", (date(2023, 1, 1), "year")),
    ("Fri, 14 Jul 2023 10:30:00 +0700", (date(2023, 7, 14), "day")),
    ("14 Juli 2023", (date(2023, 7, 14), "day")),
    ("Jumat, 14 Juli 2023 10:30 WIB", (date(2023, 7, 14), "day")),
    ("July 2023", (date(2023, 7, 1), "month")),
    ("2023-07-14T23:30:00-05:00", (date(2023, 7, 14), "day")),
    ("2023-13", None),
    ("soon", None),
])
def test_publication_dates_as_sources_write_them(value: str, expected: tuple | None) -> None:
    assert parse_published(value) == expected


def test_front_matter_error_names_the_bad_fields_line(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("---\ntitle: Judul\nsource: Warta\npublished: kemarin sore\nauthor: Budi\n---\nTeks berita.\n")
    with pytest.raises(ArticleError, match=r"a\.txt:4: field 'published' is 'kemarin sore'"):
        read_all([path])


def test_a_folder_of_unreadable_files_says_so_and_readable_ones_are_read(tmp_path: Path,
                                                                        caplog: pytest.LogCaptureFixture) -> None:
    (tmp_path / "scan.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / "notes.docx").write_bytes(b"PK")
    with pytest.raises(ArticleError, match="no article files in this folder"):
        read_all([tmp_path])
    (tmp_path / "page.html").write_bytes((FORMATS / "page.html").read_bytes())
    with caplog.at_level(logging.WARNING, "kabar"):
        [article] = read_all([tmp_path])
    assert article.author == "Rina Sari"
    assert "skipped 2 file(s) kabar cannot read: notes.docx, scan.pdf" in caplog.text


def test_a_url_offline_is_one_clear_error() -> None:
    with pytest.raises(ArticleError, match=r"https://example\.org/a: reading a URL needs --online"):
        read_all(["https://example.org/a"])


class _Pages(BaseHTTPRequestHandler):
    """A news site on loopback: the HTML page and a feed whose entry has only a teaser."""

    def do_GET(self) -> None:
        base = f"http://127.0.0.1:{self.server.server_port}"
        feed = (f'<?xml version="1.0"?><rss version="2.0"><channel><title>Loop</title><item><title>Retno</title>'
                f'<link>{base}/page</link><description>Teaser.</description></item></channel></rss>')
        body, kind = {"/page": ((FORMATS / "page.html").read_bytes(), "text/html; charset=utf-8"),
                      "/feed": (feed.encode(), "application/rss+xml")}.get(self.path, (b"", ""))
        self.send_response(200 if body else 404)
        self.send_header("Content-Type", kind or "text/plain")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def site() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Pages)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    server.server_close()


def test_online_urls_and_feed_entries_pages(site: str) -> None:
    online = ReadOptions(online=True)
    [page] = read_all([f"{site}/page"], online)
    assert (page.url, page.author) == (f"{site}/page", "Rina Sari")
    [entry] = read_all([f"{site}/feed"], online)  # the teaser's page is fetched and read in full
    assert entry.url == f"{site}/page" and "mitra strategis" in entry.text
    with pytest.raises(ArticleError, match=r"/missing: the server answered 404"):
        read_all([f"{site}/missing"], online)


def test_standard_input_of_any_format_is_recognized() -> None:
    feed = (FORMATS / "feed.atom").read_bytes()
    done = subprocess.run([sys.executable, "-m", "kabar.cli", "extract", "-", "--format", "json"], input=feed,
                          capture_output=True, timeout=120, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result["article"]["title"] == "Iran and US hold indirect talks in Oman"
    assert "Brett McGurk" in {e["name"] for e in result["entities"]}


def test_ingest_of_a_folder_mixing_every_format_loads_them_all(tmp_path: Path) -> None:
    store = tmp_path / "store"
    done = subprocess.run([sys.executable, "-m", "kabar.cli", "--store", str(store), "ingest", str(FORMATS),
                           str(ROOT / "seeds" / "articles"), "--map", "text=isi"],
                          capture_output=True, text=True, timeout=300, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    assert "ingested 11 article(s)" in done.stdout
    assert "skipped 1 file(s) kabar cannot read: README.md" in done.stderr
    query = ("SELECT ?d WHERE { ?a <https://schema.org/url> ?u ; <https://schema.org/datePublished> ?d "
             'FILTER(STR(?u) = "https://warta.example.org/beras") }')
    done = subprocess.run([sys.executable, "-m", "kabar.cli", "--store", str(store), "query", "--format", "tsv",
                           query], capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert done.stdout.splitlines()[1] == '"2023-07"^^<http://www.w3.org/2001/XMLSchema#gYearMonth>'
