"""The timeline of meetings and negotiations and the graph of who met whom, over a real server on the seed store."""

from __future__ import annotations

import urllib.parse

from conftest import assert_plain_error, fetch

IRAN = "https://w3id.org/kabar/id/entity/Q794"
NOT_IN_IT = "https://w3id.org/kabar/id/entity/Q668"  # India: in no event of the seed


def timeline(site: str, **params: str) -> str:
    reply = fetch(f"{site}/timeline?{urllib.parse.urlencode(params)}")
    assert reply.status == 200, reply.text
    assert reply.headers["Content-Type"] == "text/html; charset=utf-8"
    return reply.text


def test_the_timeline_shows_the_seeds_talks_in_muscat_in_may_2024(site: str) -> None:
    page = timeline(site)
    assert "<h2>May 2024</h2>" in page
    assert '<a href="/id/event/bad4e46adaca3401b66b/negotiation-1">Negotiation</a>' in page
    assert '<time datetime="2024-05">2024-05</time>' in page and '<span class="status">Held</span>' in page
    assert ">Muscat</a>" in page and ">Iran</a>" in page and ">Brett McGurk</a>" in page
    assert "Attack" not in page  # meetings and negotiations only


def test_the_filter_offers_the_participants_and_keeps_their_events(site: str) -> None:
    page = timeline(site)
    assert f'<option value="{IRAN}">Iran (1)</option>' in page
    chosen = timeline(site, **{"with": IRAN})
    assert f'<option value="{IRAN}" selected>' in chosen and "<h2>May 2024</h2>" in chosen
    other = timeline(site, **{"with": NOT_IN_IT})
    assert "<h2>" not in other and "No meeting or negotiation with this participant yet." in other


def test_a_filter_that_is_not_an_iri_is_400(site: str) -> None:
    assert_plain_error(fetch(f"{site}/timeline?with=not%20an%20iri"), 400, "with='not an iri'")
    assert_plain_error(fetch(f"{site}/timeline?page=x"), 400, "page='x'")


def test_the_graph_around_iran_pairs_everyone_it_met_with_and_lists_the_pairs(site: str) -> None:
    reply = fetch(f"{site}/graph?{urllib.parse.urlencode({'with': IRAN})}")
    assert reply.status == 200, reply.text
    page = reply.text
    assert '<script src="/static/vis-network/vis-network.min.js"></script>' in page  # served here, not fetched
    assert "<tr><td>United States</td><td>Iran</td><td>1</td></tr>" in page
    assert "<tr><td>Ali Bagheri Kani</td><td>Brett McGurk</td><td>1</td></tr>" in page
    assert page.count("<tr><td>") == 6  # the four sides of the talks in Muscat, each pair once
    assert f'<option value="{IRAN}" selected>' in page


def test_the_graph_needs_an_iri_and_shows_nothing_for_someone_in_no_event(site: str) -> None:
    assert_plain_error(fetch(f"{site}/graph?with=not%20an%20iri"), 400, "with='not an iri'")
    lonely = fetch(f"{site}/graph?{urllib.parse.urlencode({'with': NOT_IN_IT})}").text
    assert "<tr><td>" not in lonely and '"label": "India"' not in lonely
