"""The readers on files real publishers and crawlers wrote (tests/data/formats-real/, licences in its README.md).

Pages with a sidebar, a footer and a site name in the title; an RSS feed with full texts; an Atom feed whose
links are relative, as Atom allows; a Heritrix web archive with revisit records. What is checked is what a
user sees: the headline, the date, the author, the text without the page's furniture, an address per article.
"""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

from conftest import ROOT

from loaders.pipeline import default_pipeline
from loaders.read import read_articles

REAL = ROOT / "tests" / "data" / "formats-real"


def read(name: str) -> list:
    return list(read_articles(REAL / name))


def test_a_saved_page_gives_its_headline_not_the_site_name_and_its_text_without_the_sidebar() -> None:
    """'<title>Global Voices Online » North Korea: ...</title>': the headline is the part the page heads with."""
    [page] = read("globalvoices-2009-06-09-north-korea-journalists.html")
    assert page.title == "North Korea: Two American Journalists Sentenced to Hard Labor"
    assert page.published == date(2009, 6, 9) and page.author == "Bhumika Ghimire" and page.lang == "en"
    assert page.text.startswith("News coming out of Pyongyang is not encouraging.")
    assert "Funding drive" not in page.text and "Recent Articles also in" not in page.text


def test_a_saved_page_gives_the_people_and_countries_of_its_story() -> None:
    [page] = read("globalvoices-2009-06-09-north-korea-journalists.html")
    found = {(e.type, e.name, e.wikidata) for e in default_pipeline().extract(page).entities}
    assert {("Country", "North Korea", "Q423"), ("Place", "Pyongyang", "Q18808"), ("Person", "Al Gore", "Q19673"),
            ("Person", "Laura Ling", None)} <= found


def test_a_page_whose_title_is_its_headline_keeps_it_with_the_site_and_the_day() -> None:
    [page] = read("panarmenian-2019-11-19-amnesty-iran.html")
    assert page.title == "Amnesty. More than 100 protesters killed in Iran unrest"
    assert page.source == "PanARMENIAN.Net" and page.published == date(2019, 11, 20)
    assert "Iran" in {e.name for e in default_pipeline().extract(page).entities}


def test_an_rss_feed_gives_every_item_with_its_full_text_author_and_day() -> None:
    items = read("globalvoices-feature-2009-06-11.rss")
    assert len(items) == 15
    assert items[0].title == "Brazil: Amplified conversations to fight the Digital Crimes Bill"
    assert items[0].author == "Diego Casaes" and items[0].published == date(2009, 6, 11)
    assert all(len(a.text) > 500 and "<p>" not in a.text for a in items)  # content:encoded, markup gone
    assert all(a.url and a.url.startswith("http://globalvoicesonline.org/") for a in items)
    assert len({a.url for a in items}) == 15


def test_relative_atom_links_become_addresses_on_the_feeds_site() -> None:
    entries = read("intertwingly-2012-07-25.atom")
    assert len(entries) == 20
    assert entries[0].url == "http://intertwingly.net/blog/2012/07/16/Inhibiting-Suspend"
    assert entries[0].title == "Inhibiting Suspend" and entries[0].published == date(2012, 7, 16)
    assert all(a.url.startswith("http://intertwingly.net/blog/") for a in entries)


def test_a_crawlers_web_archive_gives_its_html_responses_and_skips_revisits() -> None:
    pages = read("bl-datagovuk-2014-03-25.warc.gz")
    assert [a.title for a in pages] == ["Blogs", "About", "Cookies policy", "data.gov.uk", "FAQ", "Data requests"]
    assert all(a.url.startswith("http://data.gov.uk/") for a in pages)
    assert pages[0].published == date(2014, 2, 20) and pages[0].author == "HarveyLewis"


def test_ingesting_the_folder_of_real_files_loads_every_article(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "kabar.cli", "--store", str(tmp_path / "store"), "ingest",
                           str(REAL)], capture_output=True, text=True, timeout=300, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    assert "ingested 43 article(s)" in done.stdout
    assert "skipped 1 file(s) kabar cannot read: README.md" in done.stderr
