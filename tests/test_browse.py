"""Browse and search over a real server on the seed (issue 13, item 2): lists that link to each page, a search over
names and other names in both languages, suggestions as JSON, and a one-line 400 for a bad page or type."""

from __future__ import annotations

import json
import urllib.parse

import pytest
from conftest import assert_plain_error, fetch


def test_articles_newest_first_link_to_their_pages(site: str) -> None:
    page = fetch(f"{site}/browse")
    assert page.status == 200 and page.media_type == "text/html"
    assert 'href="/id/article/bad4e46adaca3401b66b"' in page.text
    assert "Analis: Pembicaraan Rahasia Iran-AS" in page.text and "2024-05-22" in page.text


def test_entities_of_a_type_by_mentions(site: str) -> None:
    page = fetch(f"{site}/browse?type=Person").text
    mcgurk, biden = page.index("Brett McGurk"), page.index("Joe Biden")
    assert mcgurk < biden  # two mentions before one
    assert 'href="/id/person/brett-mcgurk">Brett McGurk</a> <small>2 mention(s)</small>' in page


def test_search_finds_a_country_by_its_indonesian_name(site: str) -> None:
    page = fetch(f"{site}/search?q=Amerika").text
    assert 'href="/id/entity/Q30">United States</a>' in page and "as <q>Amerika</q>" in page
    suggestions = json.loads(fetch(f"{site}/search?q=iran&format=json").text)
    assert suggestions[0] == {"href": "/id/entity/Q794", "name": "Iran", "type": "Country", "matched": "Iran"}
    assert json.loads(fetch(f"{site}/search?q=nobody-is-called-this&format=json").text) == []


@pytest.mark.parametrize(("path", "message"), [
    ("/browse?type=Spaceship", "type='Spaceship': browse one of Person"),
    ("/browse?page=-1", "page='-1': a page is a whole number"),
    ("/search?q=" + "x" * 201, "a search is at most 200 characters"),
])
def test_a_bad_request_is_one_line(site: str, path: str, message: str) -> None:
    assert_plain_error(fetch(f"{site}{path}"), 400, message)


def test_words_are_a_value_not_sparql(site: str) -> None:
    """What a user types is bound as a literal: quotes and braces find nothing, and break nothing."""
    typed = urllib.parse.quote('") } } DELETE WHERE { ?s ?p ?o } #')
    reply = fetch(f"{site}/search?q={typed}&format=json")
    assert (reply.status, json.loads(reply.text)) == (200, [])
    assert "Brett McGurk" in fetch(f"{site}/browse?type=Person").text
