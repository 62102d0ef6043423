"""An entity's page (issue 13, item 2): names, type, Wikidata link and its confidence, posts, events as a timeline,
who it appears with, and its mentions in context; over a real server on the seed."""

from __future__ import annotations

from conftest import fetch

BROWSER = {"Accept": "text/html,application/xhtml+xml,*/*;q=0.8"}


def test_a_person_with_a_post_events_and_mentions(site: str) -> None:
    reply = fetch(f"{site}/id/person/brett-mcgurk", headers=BROWSER)
    assert reply.status == 200 and reply.media_type == "text/html"
    page = reply.text
    assert "<h1>Brett McGurk</h1>" in page and "<td>Person</td>" in page and "not linked" in page
    assert 'kepala penasihat of <a href="/id/entity/Q30">United States</a>' in page
    assert '<time>2024-05</time> <a href="/id/event/bad4e46adaca3401b66b/negotiation-1">Negotiation</a> in Muscat' \
        in page
    assert '<a href="/id/entity/Q794">Iran</a> <small>(1)</small>' in page  # in the same article
    assert "<mark>Brett McGurk</mark>, kepala penasihat Presiden AS Joe Biden" in page
    assert "<mark>McGurk</mark>" in page  # the other mention, in its own sentence
    assert 'href="/query?query=SELECT' in page  # its events, pre-filled in the editor


def test_a_linked_country_says_how_sure_the_link_is(site: str) -> None:
    page = fetch(f"{site}/id/entity/Q30", headers=BROWSER).text
    assert '<a href="http://www.wikidata.org/entity/Q30">Q30</a> (linked with confidence' in page
    assert "Amerika" in page.split("also written")[1].split("</tr>")[0]  # its Indonesian name
    assert fetch(f"{site}/id/entity/Q30", headers={"Accept": "text/turtle"}).media_type == "text/turtle"
